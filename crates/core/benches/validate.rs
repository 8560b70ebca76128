//! How long reading and validating each answers fixture takes, natively.
//!
//! `cargo bench -p intake-core --bench validate`; the target for the largest fixture is under
//! 1 ms to validate.

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::validate::validate;

fn bench(c: &mut Criterion) {
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");
    for (name, text) in support::answers_fixtures() {
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
