//! How long reading, validating and assessing each answers fixture takes natively, writing it as a
//! draft (the web app does that on every change), and how assessing grows for environments 10 and
//! 100 times the largest fixture. Also what milestones cost the largest draft at every change:
//! writing it and comparing it with the copy last written, with five milestones.
//!
//! `cargo bench -p intake-core --bench assessment` (release profile: what ships). Targets for the
//! largest fixture: validate under 1 ms, assess under 1 ms; growth linear.

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use intake_core::answers::Answers;
use intake_core::draft::Draft;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, assess};
use intake_core::validate::validate;

fn fixtures(c: &mut Criterion) {
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");
    let config = Config::default();
    for (name, text) in support::answers_fixtures() {
        let name = name.trim_end_matches(".json");
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
        c.bench_function(&format!("assess {name}"), |b| {
            b.iter(|| assess(questionnaire, std::hint::black_box(&answers), &config))
        });
        let mut draft = Draft::new("bench", name, "2026-11-22T09:00:00Z");
        draft.answers = answers.clone();
        c.bench_function(&format!("write draft {name}"), |b| {
            b.iter(|| std::hint::black_box(&draft).to_json())
        });
    }
}

fn growth(c: &mut Criterion) {
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");
    let config = Config::default();
    let largest = include_str!("../../../tests/fixtures/answers/large-provider.json");
    let answers = Answers::from_json(largest, questionnaire).expect("the fixture reads");
    for factor in [1, 10, 100] {
        let scaled = support::scaled(&answers, factor);
        let items: usize = scaled.groups.values().map(Vec::len).sum();
        println!("large-provider x{factor}: {items} group items");
        c.bench_function(&format!("assess large-provider x{factor}"), |b| {
            b.iter(|| assess(questionnaire, std::hint::black_box(&scaled), &config))
        });
    }
}

fn milestones(c: &mut Criterion) {
    let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire reads");
    let largest = include_str!("../../../tests/fixtures/answers/large-provider.json");
    let answers = Answers::from_json(largest, questionnaire).expect("the fixture reads");
    let mut draft = Draft::from_answers("bench", "large", "2026-11-22T09:00:00Z", answers);
    for n in 0..5 {
        draft
            .add_milestone(&format!("milestone {n}"), "2026-11-22T09:00:00Z")
            .expect("a new name");
    }
    let written = draft.clone();
    println!(
        "large-provider with 5 milestones: {} KiB as a draft",
        draft.to_json().len() / 1024
    );
    c.bench_function("write draft large-provider, 5 milestones", |b| {
        b.iter(|| std::hint::black_box(&draft).to_json())
    });
    c.bench_function("compare draft large-provider, 5 milestones", |b| {
        b.iter(|| std::hint::black_box(&draft).same_content(&written))
    });
}

criterion_group!(benches, fixtures, growth, milestones);
criterion_main!(benches);
