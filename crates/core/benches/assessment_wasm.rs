//! How long assessing the largest fixture takes in WebAssembly, in headless Chromium: the same
//! code as the native benchmark, compiled to Wasm. Growth with size (10x, 100x) is measured by
//! the native benchmark: in the browser, a 100x environment keeps the page's only thread busy
//! longer than the WebDriver connection allows.
//!
//! `cargo bench --target wasm32-unknown-unknown -p intake-core --bench assessment_wasm`
//! (needs CHROMEDRIVER; scripts/bench.sh sets it). Target: under 2 ms for the largest fixture.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, assess};
use wasm_bindgen_test::{Criterion, wasm_bindgen_bench, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_bench]
fn assess_largest_fixture(c: &mut Criterion) {
    // The page runs the statistics between samples on its only thread: keep each run short
    // enough that the WebDriver connection (20 s per call) never waits on a busy page.
    *c = std::mem::take(c)
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .nresamples(5_000);
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");
    let config = Config::default();
    let largest = include_str!("../../../tests/fixtures/answers/large-provider.json");
    let answers = Answers::from_json(largest, questionnaire).expect("the fixture reads");
    c.bench_function("wasm: assess large-provider", |b| {
        b.iter(|| assess(questionnaire, std::hint::black_box(&answers), &config))
    });
}
