//! How long reading and validating each answers fixture takes, natively.
//!
//! `cargo bench -p intake-core --bench validate`; the target for the largest fixture is under
//! 1 ms to validate.
// Benchmarks read the fixtures from disk; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::validate::validate;

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/answers");
    let mut fixtures: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/answers exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let name = path
                .file_stem()
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

fn bench(c: &mut Criterion) {
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");
    for (name, text) in fixtures() {
        let answers = Answers::from_json(&text, questionnaire).expect("the fixture reads");
        let items: usize = answers.groups.values().map(Vec::len).sum();
        println!(
            "{name}: {} KiB, {} answers outside groups, {items} group items",
            text.len() / 1024,
            answers.answers.len()
        );
        c.bench_function(&format!("read {name}"), |b| {
            b.iter(|| Answers::from_json(std::hint::black_box(&text), questionnaire))
        });
        c.bench_function(&format!("validate {name}"), |b| {
            b.iter(|| validate(questionnaire, std::hint::black_box(&answers)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
