//! How long assessing the largest fixture takes in WebAssembly, in headless Chromium, and how it
//! grows 10 and 100 times larger: the same code as the native benchmark, compiled to Wasm.
//!
//! `cargo bench --target wasm32-unknown-unknown -p intake-core --bench assessment_wasm`
//! (needs CHROMEDRIVER; scripts/bench.sh sets it). Target: under 2 ms for the largest fixture.
#![cfg(target_arch = "wasm32")]

#[path = "../tests/support/mod.rs"]
mod support;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, assess};
use wasm_bindgen_test::{Criterion, wasm_bindgen_bench, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_bench]
fn assess_largest_fixture_and_growth(c: &mut Criterion) {
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");
    let config = Config::default();
    let largest = include_str!("../../../tests/fixtures/answers/large-provider.json");
    let answers = Answers::from_json(largest, questionnaire).expect("the fixture reads");
    for factor in [1, 10, 100] {
        let scaled = support::scaled(&answers, factor);
        c.bench_function(&format!("wasm: assess large-provider x{factor}"), |b| {
            b.iter(|| assess(questionnaire, std::hint::black_box(&scaled), &config))
        });
    }
}
