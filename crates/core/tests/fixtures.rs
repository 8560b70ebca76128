//! The realistic answers fixtures under `tests/fixtures/answers/`: each reads, survives a round
//! trip and validates without a blocking error.
// Tests read the fixtures from disk; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::path::Path;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::validate::{Severity, validate};

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/answers");
    let mut fixtures: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/answers exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (
                name,
                std::fs::read_to_string(&path).expect("a readable fixture"),
            )
        })
        .collect();
    fixtures.sort();
    fixtures
}

#[test]
fn there_are_at_least_five_fixtures_and_one_with_1000_tenants() {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let fixtures = fixtures();
    assert!(fixtures.len() >= 5, "{} fixtures", fixtures.len());
    let largest_tenant_count = fixtures
        .iter()
        .filter_map(|(_, text)| {
            let answers = Answers::from_json(text, questionnaire).ok()?;
            match answers.answers.get("tenancy.tenant_count")?.as_value()? {
                intake_core::answers::Value::Integer(n) => Some(*n),
                _ => None,
            }
        })
        .max();
    assert!(
        largest_tenant_count >= Some(1000),
        "{largest_tenant_count:?}"
    );
}

#[test]
fn every_fixture_reads_round_trips_and_has_no_blocking_error() {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    for (name, text) in fixtures() {
        let answers = Answers::from_json(&text, questionnaire)
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        let again = Answers::from_json(&answers.to_json(), questionnaire)
            .unwrap_or_else(|error| panic!("{name} after a round trip: {error}"));
        assert_eq!(again, answers, "{name} changes in a round trip");
        let errors: Vec<String> = validate(questionnaire, &answers)
            .into_iter()
            .filter(|problem| problem.severity == Severity::Error)
            .map(|problem| format!("{}: {}", problem.path, problem.message))
            .collect();
        assert!(
            errors.is_empty(),
            "{name} has blocking errors:\n{}",
            errors.join("\n")
        );
    }
}
