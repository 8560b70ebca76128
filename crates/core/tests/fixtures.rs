//! The realistic answers fixtures under `tests/fixtures/answers/`: each reads, survives a round
//! trip and validates without a blocking error.

mod support;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::validate::{Severity, validate};

#[test]
fn there_are_at_least_five_fixtures_and_one_with_1000_tenants() {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let fixtures = support::answers_fixtures();
    assert!(fixtures.len() >= 5, "{} fixtures", fixtures.len());
    let largest_tenant_count = fixtures
        .iter()
        .filter_map(|(_, text)| {
            let answers = Answers::from_json(text, questionnaire).ok()?;
            match answers.answers.get("engagement.tenant_count")?.as_value()? {
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
    for (name, text) in support::answers_fixtures() {
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
