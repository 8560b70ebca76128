//! The definition as JSON, for `intake questions --json` and other tools.
//!
//! `{"sections": [{"id", "title", "intro", "questions": [...]}]}`; each question has `id`, `kind`,
//! `label`, `help` and, where they apply, `example`, `required`, `unit`, `min`, `max`, `choices`,
//! `dont_know`, `not_applicable`; a group has kind `group`, `item`, `min`, `max` and its own
//! `questions`.

use serde_json::{Map, Value, json};

use super::{Group, Item, Kind, Question, Questionnaire};

/// The whole definition as a JSON value.
pub fn to_json(questionnaire: &Questionnaire) -> Value {
    let sections: Vec<Value> = questionnaire
        .sections()
        .iter()
        .map(|section| {
            json!({
                "id": section.id,
                "title": section.title,
                "intro": section.intro,
                "questions": section.items.iter().map(item).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "sections": sections })
}

fn item(item: &Item) -> Value {
    match item {
        Item::Question(q) => question(q),
        Item::Group(g) => group(g),
    }
}

fn group(group: &Group) -> Value {
    json!({
        "id": group.id,
        "kind": "group",
        "label": group.label,
        "help": group.help,
        "item": group.item_label,
        "min": group.min_items,
        "max": group.max_items,
        "questions": group.questions.iter().map(question).collect::<Vec<_>>(),
    })
}

fn question(question: &Question) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), question.id.clone().into());
    out.insert("kind".into(), question.kind.name().into());
    out.insert("label".into(), question.label.clone().into());
    out.insert("help".into(), question.help.clone().into());
    if let Some(example) = &question.example {
        out.insert("example".into(), example.clone().into());
    }
    out.insert("required".into(), question.required.into());
    out.insert("dont_know".into(), question.allow_dont_know.into());
    out.insert(
        "not_applicable".into(),
        question.allow_not_applicable.into(),
    );
    match &question.kind {
        Kind::Integer { min, max, unit } => {
            insert_some(&mut out, "unit", unit.clone().map(Value::from));
            insert_some(&mut out, "min", min.map(Value::from));
            insert_some(&mut out, "max", max.map(Value::from));
        }
        Kind::Decimal { min, max, unit } => {
            out.insert("unit".into(), unit.clone().into());
            insert_some(&mut out, "min", min.map(Value::from));
            insert_some(&mut out, "max", max.map(Value::from));
        }
        Kind::SingleChoice(choices) | Kind::MultiChoice(choices) => {
            let choices: Vec<Value> = choices
                .iter()
                .map(|choice| json!({ "id": choice.id, "label": choice.label }))
                .collect();
            out.insert("choices".into(), choices.into());
        }
        _ => {}
    }
    Value::Object(out)
}

fn insert_some(out: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        out.insert(key.into(), value);
    }
}
