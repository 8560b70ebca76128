//! Snapshots of the assessment of every fixture (insta). The same snapshot files are what the
//! Wasm build must reproduce byte for byte (tests/wasm_parity.rs).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, assess, render};

#[test]
fn assessment_of_every_fixture() {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let fixtures = support::answers_fixtures();
    assert!(fixtures.len() >= 5);
    for (name, text) in fixtures {
        let answers = Answers::from_json(&text, questionnaire).expect("the fixture reads");
        let assessment = assess(questionnaire, &answers, &Config::default());
        let name = name.trim_end_matches(".json");
        insta::assert_snapshot!(name, render::assessment_json(&assessment));
    }
}
