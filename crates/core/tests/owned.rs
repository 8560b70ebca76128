//! The assessment as the app holds it ([`intake_core::rules::owned`]): read back from the JSON the
//! assessment's worker sends, it is the same as the assessment itself, texts, counts and all.

mod support;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{self, Config, Severity, assess, owned};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn assessments() -> Vec<(String, rules::Assessment)> {
    let mut found: Vec<(String, rules::Assessment)> = support::answers_fixtures()
        .into_iter()
        .map(|(name, text)| {
            let answers = Answers::from_json(&text, questionnaire()).expect("the fixture reads");
            (name, assess(questionnaire(), &answers, &Config::default()))
        })
        .collect();
    assert!(found.len() >= 5, "{} fixtures", found.len());
    found.push((
        "blank".to_owned(),
        assess(questionnaire(), &Answers::default(), &Config::default()),
    ));
    found
}

#[test]
fn the_json_read_back_is_the_assessment_with_its_texts() {
    let mut occurrences = 0;
    for (name, assessment) in assessments() {
        let read =
            owned::Assessment::from_json(&assessment.to_json()).expect("its JSON reads back");
        assert_eq!(read, owned::Assessment::from(&assessment), "{name}");
        assert_eq!(read.findings.len(), assessment.findings.len(), "{name}");
        for (read, finding) in read.findings.iter().zip(&assessment.findings) {
            assert_eq!(read.title, finding.title, "{name}");
            assert_eq!(read.message, finding.message, "{name}");
            assert_eq!(read.remediation, finding.remediation, "{name}");
            assert_eq!(read.references, finding.references, "{name}");
            assert_eq!(read.evidence, finding.evidence, "{name}");
            occurrences += read.occurrences.len();
        }
        assert_eq!(
            read.not_assessed.len(),
            assessment.not_assessed.len(),
            "{name}"
        );
        assert_eq!(read.passed, assessment.passed, "{name}");
    }
    assert!(
        occurrences > 0,
        "some fixture has a finding grouping several items"
    );
}

#[test]
fn its_counts_are_the_assessments() {
    for (name, assessment) in assessments() {
        let read = owned::Assessment::from(&assessment);
        for severity in Severity::ALL {
            assert_eq!(
                read.issue_count(severity),
                assessment.issue_count(severity),
                "{name}: {severity:?}"
            );
        }
        assert_eq!(read.issues().count(), assessment.issues().count(), "{name}");
        assert_eq!(
            read.to_verify().count(),
            assessment.to_verify().count(),
            "{name}"
        );
        assert_eq!(
            read.issues_by_category(),
            rules::issues_by_category(&assessment.findings),
            "{name}"
        );
    }
}

#[test]
fn what_is_not_an_assessment_is_refused_with_its_reason() {
    let error = owned::Assessment::from_json("{\"findings\": 3}").expect_err("not an assessment");
    assert!(error.contains("line 1 column"), "it says where: {error}");
    assert!(owned::Assessment::from_json("").is_err());
}

#[test]
fn the_answers_sent_to_the_worker_read_back_whole() {
    for (name, text) in support::answers_fixtures() {
        let answers = Answers::from_json(&text, questionnaire()).expect("the fixture reads");
        let sent = answers.entries_json();
        assert!(
            !sent.contains("\"sources\""),
            "{name}: the evidence goes apart"
        );
        let read = Answers::from_entries_json(&sent, answers.evidence.clone())
            .expect("what was sent reads back");
        assert_eq!(read, answers, "{name}");
    }
    assert!(Answers::from_entries_json("{\"answers\": []}", None).is_err());
}
