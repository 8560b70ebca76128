//! What the fuzz targets share: the questionnaire, fixed times, and the checks run on every
//! bundle that reads.

use intake_core::bundle::{self, BundleError, Change, REVIEW_FILES, ReadBundle, Review};
use intake_core::questionnaire::Questionnaire;
use time::OffsetDateTime;

/// The built-in questionnaire, read once.
pub fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the built-in questionnaire reads")
}

/// 2026-11-02T14:05:00Z: bundles are made at a time the caller gives.
pub fn created_at() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_793_628_300).expect("a valid time")
}

/// 2026-11-03T09:30:00Z: when the fuzzed reviews are exported.
pub fn reviewed_at() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_793_698_200).expect("a valid time")
}

/// Reads `bytes` as a bundle, as `intake review` and the app's review mode do, and when it reads:
/// re-runs the rules, lists the findings to triage, reads the review back from its JSON, and
/// exports a reviewed bundle that must read again with the partner's files as they were.
pub fn check_bundle(bytes: &[u8]) {
    let questionnaire = questionnaire();
    let Ok(read) = bundle::read(bytes, questionnaire) else {
        return;
    };
    let rerun = bundle::rerun(&read, questionnaire);
    let current = rerun.assessment.findings.len();
    let stored = read.findings.findings.len();
    assert_eq!(
        rerun.new.len() + rerun.severity_changed.len() + rerun.unchanged,
        current,
        "the re-run does not account for every current finding"
    );
    assert_eq!(
        rerun.resolved.len() + rerun.severity_changed.len() + rerun.unchanged,
        stored,
        "the re-run does not account for every finding of the bundle"
    );

    let items = bundle::items(&rerun);
    assert_eq!(items.len(), current + rerun.resolved.len());
    let count = |wanted: fn(&Change) -> bool| items.iter().filter(|i| wanted(&i.change)).count();
    assert_eq!(count(|c| *c == Change::New), rerun.new.len());
    assert_eq!(count(|c| *c == Change::Resolved), rerun.resolved.len());
    assert_eq!(count(|c| *c == Change::Unchanged), rerun.unchanged);
    assert_eq!(
        count(|c| matches!(c, Change::SeverityChanged { .. })),
        rerun.severity_changed.len()
    );

    let review = match &read.review {
        Some(review) => {
            let written = review.to_json();
            let reread = Review::from_json(&written).unwrap_or_else(|error| {
                panic!("a review does not read back from its JSON: {error}\n{written}")
            });
            assert_eq!(&reread, review, "a review changes in a round trip");
            review.clone()
        }
        None => Review::new(&read),
    };
    let counts = review.counts(&items);
    assert_eq!(
        counts.confirmed + counts.dismissed + counts.follow_up + counts.untriaged,
        items.len()
    );
    check_reviewed(bytes, &read, &review);
}

/// Exports the review as a reviewed bundle and reads it back.
fn check_reviewed(bytes: &[u8], read: &ReadBundle, review: &Review) {
    let questionnaire = questionnaire();
    let Ok(reviewed) = bundle::write_reviewed(bytes, read, review, questionnaire, reviewed_at())
    else {
        return;
    };
    let again = match bundle::read(&reviewed, questionnaire) {
        Ok(again) => again,
        // Three files more than a bundle at the limits: more than the reader takes.
        Err(
            BundleError::TooManyEntries { .. }
            | BundleError::EntryTooLarge { .. }
            | BundleError::TotalTooLarge,
        ) => return,
        Err(error) => panic!("a reviewed bundle does not read: {error}"),
    };
    assert_eq!(again.manifest, read.manifest);
    assert_eq!(again.manifest_sha256, read.manifest_sha256);
    assert_eq!(again.answers, read.answers);
    assert_eq!(again.findings, read.findings);
    let exported = again
        .review
        .as_ref()
        .expect("a reviewed bundle has its review");
    assert_eq!(exported.triage, review.triage);
    assert_eq!(exported.added, review.added);
    assert_eq!(exported.note, review.note);
    // The partner's files are copied as they are, so each compares with the manifest as before;
    // the review files are new, made for this manifest.
    let status = |bundle: &ReadBundle, name: &str| {
        bundle
            .integrity
            .files
            .iter()
            .find(|file| file.name == name)
            .map(|file| file.status)
    };
    for name in read.manifest.files.keys() {
        if !REVIEW_FILES.contains(&name.as_str()) {
            assert_eq!(status(&again, name), status(read, name), "{name} changed");
        }
    }
    for name in REVIEW_FILES {
        if !read.manifest.files.contains_key(name) {
            assert_eq!(
                status(&again, name),
                Some(bundle::FileStatus::Intact),
                "{name} of a fresh review"
            );
        }
    }
}

/// What evidence that reads must hold: every fact points at a source it has; it survives a round
/// trip through JSON; what it proposes for blank answers is valid for its questions and applies;
/// and the answers with it applied (the evidence kept with them) read back equal, anonymised too.
pub fn check_evidence(evidence: &intake_core::evidence::Evidence) {
    use intake_core::answers::Answers;
    use intake_core::evidence::map::{apply, propose};
    let sources = evidence.sources.len();
    assert!(sources > 0, "evidence without a source");
    for from in evidence
        .hosts
        .iter()
        .map(|f| &f.from)
        .chain(evidence.switches.iter().map(|f| &f.from))
        .chain(evidence.proxies.iter().map(|f| &f.from))
        .chain(evidence.repositories.iter().map(|f| &f.from))
        .chain(evidence.gateways.iter().map(|f| &f.from))
    {
        assert!(from.source < sources, "a fact points at no source");
    }
    let json = serde_json::to_string(evidence).expect("evidence serialises");
    let back: intake_core::evidence::Evidence =
        serde_json::from_str(&json).expect("evidence reads back");
    assert_eq!(&back, evidence, "evidence changes through JSON");

    let q = questionnaire();
    let proposals = propose(q, &Answers::default(), evidence);
    let all: Vec<_> = proposals.iter().collect();
    let answers = apply(&Answers::default(), evidence, &all);
    let text = answers.to_json();
    let read = Answers::from_json(&text, q).expect("applied evidence reads back");
    assert_eq!(read, answers, "applied evidence changes through its file");
    let anonymised = intake_core::anonymise::anonymise(q, &answers);
    let text = anonymised.to_json();
    let read = Answers::from_json(&text, q).expect("anonymised evidence reads back");
    assert_eq!(read, anonymised, "anonymised evidence changes through its file");
}
