//! Everything the app and `intake` compute from answers that read: problems, progress, findings,
//! anonymised answers and the findings bundle. Nothing may panic, and what is promised holds:
//! anonymised answers give the same problems and findings (docs/bundle.md, "Anonymised
//! bundles"), and a bundle reads back with the same answers and findings.

#![no_main]

use intake_core::anonymise::anonymise;
use intake_core::answers::Answers;
use intake_core::bundle;
use intake_core::progress::progress;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{self, Config};
use intake_core::validate::validate;
use intake_fuzz::{created_at, questionnaire};
use libfuzzer_sys::fuzz_target;

/// The problems as (path, severity): paths carry item positions, not names.
fn problems(questionnaire: &Questionnaire, answers: &Answers) -> Vec<(String, String)> {
    validate(questionnaire, answers)
        .into_iter()
        .map(|problem| (problem.path, format!("{:?}", problem.severity)))
        .collect()
}

/// The summary and the findings as rule, severity, kind and evidence paths, sorted: messages and
/// evidence values name the placeholders, and findings of one rule and severity are sorted by
/// message.
fn findings(questionnaire: &Questionnaire, answers: &Answers) -> (String, Vec<String>) {
    let assessment = rules::assess(questionnaire, answers, &Config::default());
    let summary = serde_json::to_string(&assessment.summary).expect("a summary is JSON");
    let mut findings: Vec<String> = assessment
        .findings
        .iter()
        .map(|finding| {
            let paths: Vec<&str> = finding.evidence.iter().map(|e| e.path.as_str()).collect();
            format!(
                "{} {:?} {:?} {}",
                finding.rule,
                finding.severity,
                finding.kind,
                paths.join(",")
            )
        })
        .collect();
    findings.sort();
    (summary, findings)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let questionnaire = questionnaire();
    let Ok(answers) = Answers::from_json(text, questionnaire) else {
        return;
    };

    let found = validate(questionnaire, &answers);
    let _ = progress(questionnaire, &answers, &found);

    let anonymised = anonymise(questionnaire, &answers);
    assert_eq!(
        anonymise(questionnaire, &answers),
        anonymised,
        "anonymising is not deterministic"
    );
    let written = anonymised.to_json();
    let reread = Answers::from_json(&written, questionnaire)
        .unwrap_or_else(|error| panic!("anonymised answers do not read: {error}\n{written}"));
    assert_eq!(
        reread, anonymised,
        "anonymised answers change in a round trip"
    );
    assert_eq!(
        problems(questionnaire, &anonymised),
        problems(questionnaire, &answers),
        "anonymised answers have other problems"
    );
    assert_eq!(
        findings(questionnaire, &anonymised),
        findings(questionnaire, &answers),
        "anonymised answers have other findings"
    );

    let name = bundle::file_name(&answers, created_at());
    assert!(
        name.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
        "unsafe bundle name {name:?}"
    );
    let bytes = bundle::write(questionnaire, &answers, &[], created_at())
        .unwrap_or_else(|error| panic!("no bundle: {error}"));
    let read = bundle::read(&bytes, questionnaire)
        .unwrap_or_else(|error| panic!("a bundle just made does not read: {error}"));
    assert!(
        read.integrity.is_intact(),
        "a bundle just made is not intact"
    );
    assert_eq!(read.answers, answers, "a bundle changes the answers");
    let rerun = bundle::rerun(&read, questionnaire);
    assert!(
        !rerun.has_changes() && rerun.ruleset_change.is_none(),
        "a bundle just made re-runs differently"
    );
});
