//! A bundle open for review: read and re-run with the current rules, the review it starts with,
//! and its title. Plain values over the core's, tested natively.

use intake_core::answers::Value;
use intake_core::bundle::{self, ReadBundle, Rerun, Review};
use intake_core::questionnaire::Questionnaire;

/// A bundle that is open for review.
#[derive(Debug)]
pub struct Opened {
    /// The file's name as picked.
    pub name: String,
    pub bytes: Vec<u8>,
    pub bundle: ReadBundle,
    pub rerun: Rerun,
}

impl Opened {
    /// Reads the bundle in `bytes`, picked under `name`, and re-runs its answers with the current
    /// rules; or says why it cannot be opened.
    pub fn read(
        name: String,
        bytes: Vec<u8>,
        questionnaire: &Questionnaire,
    ) -> Result<Opened, String> {
        let bundle = bundle::read(&bytes, questionnaire)
            .map_err(|error| format!("{name} cannot be opened: {error}."))?;
        let rerun = bundle::rerun(&bundle, questionnaire);
        Ok(Opened {
            name,
            bytes,
            bundle,
            rerun,
        })
    }

    /// The review a newly opened bundle starts with: the bundle's own review when it was made for
    /// this bundle, a new one otherwise; either adopts the re-run's findings.
    pub fn first_review(&self) -> Review {
        let mut review = self
            .bundle
            .review
            .clone()
            .filter(|review| review.bundle_manifest_sha256 == self.bundle.manifest_sha256)
            .unwrap_or_else(|| Review::new(&self.bundle));
        review.adopt(&self.rerun);
        review
    }

    /// "Review: partner – engagement", from the bundle's answers.
    pub fn title(&self) -> String {
        format!(
            "Review: {} – {}",
            self.engagement("engagement.partner_name"),
            self.engagement("engagement.engagement_name")
        )
    }

    /// The text answer to an engagement question, or "".
    fn engagement(&self, id: &str) -> String {
        match self
            .bundle
            .answers
            .answers
            .get(id)
            .and_then(|a| a.as_value())
        {
            Some(Value::Text(text)) => text.clone(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use intake_core::answers::Answers;

    use super::*;

    fn questionnaire() -> &'static Questionnaire {
        Questionnaire::builtin().expect("the questionnaire reads")
    }

    /// A bundle made by the core for `answers` (JSON of an answers file).
    fn bundle_of(answers: &str) -> Vec<u8> {
        let answers = Answers::from_json(answers, questionnaire()).expect("the answers read");
        let at = time::OffsetDateTime::from_unix_timestamp(1_780_000_000).expect("a valid time");
        bundle::write(questionnaire(), &answers, &[], at).expect("the bundle is made")
    }

    fn open(bytes: Vec<u8>) -> Opened {
        Opened::read("n.intake.zip".to_owned(), bytes, questionnaire()).expect("it opens")
    }

    #[test]
    fn a_bundle_opens_with_its_title_and_a_new_review() {
        let opened = open(bundle_of(
            r#"{"schema_version": 1, "answers": {
                "engagement.partner_name": {"value": "Noordkaap"},
                "engagement.engagement_name": {"value": "2026 review"},
                "security.mfa_console": {"value": false}}}"#,
        ));
        assert_eq!(opened.title(), "Review: Noordkaap – 2026 review");
        let review = opened.first_review();
        assert_eq!(review.bundle_manifest_sha256, opened.bundle.manifest_sha256);
        let items = bundle::items(&opened.rerun);
        assert!(!items.is_empty());
        assert_eq!(review.counts(&items).untriaged, items.len());
    }

    #[test]
    fn unanswered_names_leave_the_title_blank() {
        let opened = open(bundle_of(r#"{"schema_version": 1, "answers": {}}"#));
        assert_eq!(opened.title(), "Review:  – ");
    }

    #[test]
    fn a_review_in_the_bundle_is_picked_up_only_when_made_for_it() {
        let bytes = bundle_of(r#"{"schema_version": 1, "answers": {}}"#);
        let first = open(bytes.clone());
        let mut review = first.first_review();
        review.reviewer = "Ann".to_owned();
        let at = time::OffsetDateTime::from_unix_timestamp(1_780_000_600).expect("a valid time");
        let reviewed = bundle::write_reviewed(&bytes, &first.bundle, &review, questionnaire(), at)
            .expect("the reviewed bundle is made");
        let mut again = open(reviewed);
        assert_eq!(again.first_review().reviewer, "Ann");
        if let Some(review) = again.bundle.review.as_mut() {
            review.bundle_manifest_sha256 = "another bundle".to_owned();
        }
        assert_eq!(again.first_review().reviewer, "");
    }

    #[test]
    fn a_file_that_is_no_bundle_says_so_by_name() {
        let error = Opened::read(
            "notes.zip".to_owned(),
            b"not a zip".to_vec(),
            questionnaire(),
        )
        .expect_err("it does not open");
        assert!(error.starts_with("notes.zip cannot be opened: "), "{error}");
        assert!(error.ends_with('.'), "{error}");
    }
}
