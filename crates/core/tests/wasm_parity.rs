//! The rule set compiled to Wasm gives byte-identical findings JSON to the native build: for each
//! fixture, the assessment computed here, in headless Chromium, must equal the snapshot that the
//! native test (tests/snapshots.rs) checks.
//!
//! `cargo test --target wasm32-unknown-unknown -p intake-core --test wasm_parity`
#![cfg(target_arch = "wasm32")]

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, assess, render};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! fixture {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../tests/fixtures/answers/", $name, ".json")),
            include_str!(concat!("snapshots/snapshots__", $name, ".snap")),
        )
    };
}

const FIXTURES: [(&str, &str, &str); 7] = [
    fixture!("aws-eks"),
    fixture!("azure-aks"),
    fixture!("hyperv-powerstore-juniper"),
    fixture!("large-provider"),
    fixture!("small-proxmox"),
    fixture!("vmware-netapp-cisco"),
    fixture!("vmware-nutanix"),
];

/// The snapshot's contents: insta writes a `---` header, then the value.
fn snapshot_body(snapshot: &str) -> &str {
    snapshot
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(snapshot, |(_, body)| body)
}

#[wasm_bindgen_test]
fn wasm_findings_equal_the_native_snapshots() {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    for (name, answers, snapshot) in FIXTURES {
        let answers = Answers::from_json(answers, questionnaire).expect("the fixture reads");
        let json = render::assessment_json(&assess(questionnaire, &answers, &Config::default()));
        assert_eq!(
            json.trim_end(),
            snapshot_body(snapshot).trim_end(),
            "{name}: the Wasm build's findings differ from the native snapshot"
        );
    }
}
