//! What does not show with a given set of answers: the paths the app hides and never asks about.

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::relevance::Relevance;

fn hidden(json: &str) -> std::collections::HashSet<String> {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let answers = Answers::from_json(json, questionnaire).expect("the answers read");
    Relevance::new(questionnaire, &answers).hidden_paths()
}

#[test]
fn a_question_hides_until_its_condition_holds() {
    let without =
        hidden(r#"{"schema_version": 1, "answers": {"compute.kubernetes": {"value": false}}}"#);
    assert!(
        without.contains("compute.kubernetes_platforms"),
        "{without:?}"
    );
    let with =
        hidden(r#"{"schema_version": 1, "answers": {"compute.kubernetes": {"value": true}}}"#);
    assert!(!with.contains("compute.kubernetes_platforms"), "{with:?}");
}

#[test]
fn a_group_items_questions_hide_by_the_items_own_answers() {
    let hidden = hidden(
        r#"{"schema_version": 1, "groups": {"repositories.repositories": [
            {"name": "object", "answers": {"type": {"value": "object_storage"}}},
            {"name": "hardened", "answers": {"type": {"value": "hardened_linux"}}}]}}"#,
    );
    assert!(
        hidden.contains("repositories.repositories[0].file_system"),
        "{hidden:?}"
    );
    assert!(
        !hidden.contains("repositories.repositories[1].file_system"),
        "{hidden:?}"
    );
}
