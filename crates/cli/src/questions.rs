//! `intake questions`: the questionnaire as an outline or as JSON.

use std::fmt::Write;

use intake_core::questionnaire::{Item, Kind, Question, Questionnaire, export};

pub fn json(questionnaire: &Questionnaire) -> String {
    export::to_json(questionnaire)
}

pub fn text(questionnaire: &Questionnaire) -> String {
    let mut out = String::new();
    for section in questionnaire.sections() {
        let _ = writeln!(out, "{}  {}", section.id, section.title);
        for item in &section.items {
            match item {
                Item::Question(question) => line(&mut out, "  ", question),
                Item::Group(group) => {
                    let _ = writeln!(
                        out,
                        "  {}  group of {} ({}-{} items)  {}",
                        group.id,
                        group.item_label.to_lowercase(),
                        group.min_items,
                        group.max_items,
                        group.label
                    );
                    for member in &group.questions {
                        line(&mut out, "    ", member);
                    }
                }
            }
        }
        out.push('\n');
    }
    let count = questionnaire.questions().count();
    let _ = writeln!(
        out,
        "{} sections, {count} questions",
        questionnaire.sections().len()
    );
    out
}

fn line(out: &mut String, indent: &str, question: &Question) {
    let mut kind = question.kind.name().to_owned();
    if let Some(unit) = question.kind.unit() {
        let _ = write!(kind, " [{unit}]");
    }
    if let Kind::SingleChoice(choices) | Kind::MultiChoice(choices) = &question.kind {
        let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
        let _ = write!(kind, " ({})", ids.join("|"));
    }
    if let Kind::Reference(reference) = &question.kind {
        let _ = write!(kind, " (an item of {}", reference.group);
        for choice in &reference.also {
            let _ = write!(kind, "|{}", choice.id);
        }
        kind.push(')');
    }
    let required = if question.required {
        "  (required)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{indent}{}  {kind}  {}{required}",
        question.id, question.label
    );
}
