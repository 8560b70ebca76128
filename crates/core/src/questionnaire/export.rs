//! The definition as JSON, for `intake questions --json` and other tools: [`QuestionsDocument`]
//! (keys and an example in `docs/questionnaire.md`, JSON Schema in
//! `docs/schema/questions.schema.json`, printed by `intake schema questions`).
//!
//! It holds what a tool needs to tell which questions apply and what an answer may be: the
//! condition of every section, group and question (`show_if`, in the shape the definition files
//! write it), units, bounds, item counts, the options offered besides an answer, and choices with
//! their labels.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;
use serde_json::{Number, Value};

use super::{Condition, Group, Item, Kind, Question, Questionnaire, Subject, Test};

/// The format version of [`QuestionsDocument`] this build writes.
pub const QUESTIONS_SCHEMA_VERSION: u32 = 1;

/// The kind of every question that is not a group, as the JSON Schema lists them.
pub const KINDS: [&str; 18] = [
    "short_text",
    "long_text",
    "integer",
    "decimal",
    "boolean",
    "single_choice",
    "multi_choice",
    "version",
    "date",
    "time_window",
    "duration",
    "ip_address",
    "cidr",
    "fqdn",
    "url",
    "email",
    "port",
    "reference",
];

/// `intake questions --json`: the questionnaire, section by section in wizard order.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "VCSP Intake questionnaire")]
pub struct QuestionsDocument {
    /// Version of this document's format ([`QUESTIONS_SCHEMA_VERSION`]). Keys may be added
    /// within a version; a change to an existing key bumps it.
    pub questions_schema_version: u32,
    /// The sections, in wizard order.
    pub sections: Vec<ExportedSection>,
}

/// One section: a step of the wizard.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "Section")]
pub struct ExportedSection {
    /// Stable id, the prefix of every question id in the section.
    pub id: String,
    pub title: String,
    /// What the section covers and why.
    pub intro: String,
    /// When set, the section and everything in it are shown only while this condition holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "ShowIf")]
    pub show_if: Option<ShowIf>,
    /// Its questions and groups, in order.
    pub questions: Vec<ExportedItem>,
}

/// A question, or a repeatable group of questions.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Entry")]
pub enum ExportedItem {
    Question(ExportedQuestion),
    Group(ExportedGroup),
}

/// A repeatable group: named items (gateways, repositories...), each answering its questions.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "Group")]
pub struct ExportedGroup {
    /// Stable id: `section.group`.
    pub id: String,
    /// Always `group`.
    #[schemars(extend("const" = "group"))]
    pub kind: &'static str,
    pub label: String,
    /// Why it is asked.
    pub help: String,
    /// What one item is called ("Gateway").
    pub item: String,
    /// The fewest items the group needs.
    pub min: u32,
    /// The most items it may have.
    pub max: u32,
    /// When set, the group is shown only while this condition holds (its section's too).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "ShowIf")]
    pub show_if: Option<ShowIf>,
    /// The questions each item answers; groups do not nest.
    pub questions: Vec<ExportedQuestion>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "Question")]
pub struct ExportedQuestion {
    /// Stable id: `section.question`, or `section.group.question` inside a group (answers files
    /// key a group item's answers by the part after the last dot).
    pub id: String,
    /// What the answer is (`docs/questionnaire.md`, "Kinds").
    #[schemars(extend("enum" = KINDS))]
    pub kind: &'static str,
    pub label: String,
    /// Why it is asked.
    pub help: String,
    /// An example answer, as the input's placeholder shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub example: Option<String>,
    /// An answer, "I don't know" or "Does not apply" is needed before export.
    pub required: bool,
    /// "I don't know" is offered.
    pub dont_know: bool,
    /// "Does not apply" (with the reason) is offered.
    pub not_applicable: bool,
    /// When set, the question is shown only while this condition holds, and while its
    /// section's and group's conditions hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "ShowIf")]
    pub show_if: Option<ShowIf>,
    /// The unit of a number: always for `decimal`, optional for `integer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub unit: Option<String>,
    /// The smallest number accepted (`integer`, `decimal`), inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Number")]
    pub min: Option<Number>,
    /// The largest number accepted (`integer`, `decimal`), inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Number")]
    pub max: Option<Number>,
    /// The choices of `single_choice` and `multi_choice`, in order; for a `reference`, the fixed
    /// choices offered besides the items of its group (stored by id).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<ExportedChoice>")]
    pub choices: Option<Vec<ExportedChoice>>,
    /// The group whose items a `reference` names: the answer is one item's name, as listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub to: Option<String>,
    /// How precise a `version` answer is asked to be: the first entry whose `when` holds
    /// applies; a less precise answer gets a warning, and rules that need the build ask for it
    /// to be verified.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<ExportedPrecision>")]
    pub precision: Option<Vec<ExportedPrecision>>,
}

/// One precision a version question asks for.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "Precision")]
pub struct ExportedPrecision {
    /// How many numbers the version should have: 3 or 4.
    pub parts: usize,
    /// An answer of that form.
    pub example: String,
    /// When this precision is asked for; always when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "ShowIf")]
    pub when: Option<ShowIf>,
}

/// One choice: its id is what answers store, its label what the partner reads.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "Choice")]
pub struct ExportedChoice {
    pub id: String,
    pub label: String,
}

/// A condition, in the shape the definition files write it (`docs/questionnaire.md`,
/// "Conditions"): `{"all": [...]}`, `{"any": [...]}`, `{"not": {...}}`, or one subject
/// (`question`: a full id; `sibling`: a question of the same group item, by the part of its id
/// after the group's) with one test (`equals`, `one_of`, `includes`, `at_least`, `answered`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ShowIf {
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sibling: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    all: Option<Vec<ShowIf>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    any: Option<Vec<ShowIf>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not: Option<Box<ShowIf>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    equals: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    one_of: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    includes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at_least: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    answered: Option<bool>,
}

impl QuestionsDocument {
    /// The document for a questionnaire.
    pub fn new(questionnaire: &Questionnaire) -> QuestionsDocument {
        let sections = questionnaire
            .sections()
            .iter()
            .map(|section| ExportedSection {
                id: section.id.clone(),
                title: section.title.clone(),
                intro: section.intro.clone(),
                show_if: section.show_if.as_ref().map(ShowIf::from),
                questions: section.items.iter().map(ExportedItem::from).collect(),
            })
            .collect();
        QuestionsDocument {
            questions_schema_version: QUESTIONS_SCHEMA_VERSION,
            sections,
        }
    }

    /// The document as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self)
            .unwrap_or_else(|_| unreachable!("the export is plain JSON"));
        text.push('\n');
        text
    }
}

/// `intake questions --json`: [`QuestionsDocument`] as pretty JSON with a final newline.
pub fn to_json(questionnaire: &Questionnaire) -> String {
    QuestionsDocument::new(questionnaire).to_json()
}

/// The JSON Schema of [`QuestionsDocument`], pretty-printed (published as
/// `docs/schema/questions.schema.json`). The document is only written, so the schema says what is
/// written.
pub fn json_schema() -> String {
    let schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<QuestionsDocument>();
    let mut text = serde_json::to_string_pretty(&schema)
        .unwrap_or_else(|_| unreachable!("a generated schema is plain JSON"));
    text.push('\n');
    text
}

impl From<&Item> for ExportedItem {
    fn from(item: &Item) -> ExportedItem {
        match item {
            Item::Question(question) => ExportedItem::Question(question.into()),
            Item::Group(group) => ExportedItem::Group(group.into()),
        }
    }
}

impl From<&Group> for ExportedGroup {
    fn from(group: &Group) -> ExportedGroup {
        ExportedGroup {
            id: group.id.clone(),
            kind: "group",
            label: group.label.clone(),
            help: group.help.clone(),
            item: group.item_label.clone(),
            min: group.min_items,
            max: group.max_items,
            show_if: group.show_if.as_ref().map(ShowIf::from),
            questions: group.questions.iter().map(ExportedQuestion::from).collect(),
        }
    }
}

impl From<&Question> for ExportedQuestion {
    fn from(question: &Question) -> ExportedQuestion {
        let (min, max) = match &question.kind {
            Kind::Integer { min, max, .. } => (min.map(Number::from), max.map(Number::from)),
            Kind::Decimal { min, max, .. } => (
                min.and_then(Number::from_f64),
                max.and_then(Number::from_f64),
            ),
            _ => (None, None),
        };
        let choices = match &question.kind {
            Kind::SingleChoice(_) | Kind::MultiChoice(_) => Some(question.kind.choices()),
            Kind::Reference(reference) if !reference.also.is_empty() => Some(&reference.also[..]),
            _ => None,
        }
        .map(|choices| {
            choices
                .iter()
                .map(|choice| ExportedChoice {
                    id: choice.id.clone(),
                    label: choice.label.clone(),
                })
                .collect()
        });
        ExportedQuestion {
            id: question.id.clone(),
            kind: question.kind.name(),
            label: question.label.clone(),
            help: question.help.clone(),
            example: question.example.clone(),
            required: question.required,
            dont_know: question.allow_dont_know,
            not_applicable: question.allow_not_applicable,
            show_if: question.show_if.as_ref().map(ShowIf::from),
            unit: question.kind.unit().map(str::to_owned),
            min,
            max,
            choices,
            to: match &question.kind {
                Kind::Reference(reference) => Some(reference.group.clone()),
                _ => None,
            },
            precision: (!question.precision.is_empty()).then(|| {
                question
                    .precision
                    .iter()
                    .map(|precision| ExportedPrecision {
                        parts: precision.parts,
                        example: precision.example.clone(),
                        when: precision.when.as_ref().map(ShowIf::from),
                    })
                    .collect()
            }),
        }
    }
}

impl From<&Condition> for ShowIf {
    fn from(condition: &Condition) -> ShowIf {
        let list = |conditions: &[Condition]| Some(conditions.iter().map(ShowIf::from).collect());
        match condition {
            Condition::All(conditions) => ShowIf {
                all: list(conditions),
                ..ShowIf::default()
            },
            Condition::Any(conditions) => ShowIf {
                any: list(conditions),
                ..ShowIf::default()
            },
            Condition::Not(condition) => ShowIf {
                not: Some(Box::new(ShowIf::from(&**condition))),
                ..ShowIf::default()
            },
            Condition::Test { subject, test } => {
                let mut out = match subject {
                    Subject::Question(id) => ShowIf {
                        question: Some(id.clone()),
                        ..ShowIf::default()
                    },
                    Subject::Sibling(id) => ShowIf {
                        sibling: Some(id.clone()),
                        ..ShowIf::default()
                    },
                };
                match test {
                    Test::IsTrue(value) => out.equals = Some(Value::Bool(*value)),
                    Test::Equals(choice) => out.equals = Some(Value::String(choice.clone())),
                    Test::OneOf(choices) => out.one_of = Some(choices.clone()),
                    Test::Includes(choice) => out.includes = Some(choice.clone()),
                    Test::AtLeast(threshold) => out.at_least = Some(*threshold),
                    Test::Answered => out.answered = Some(true),
                }
                out
            }
        }
    }
}

/// Written by hand: the derived schema could not say that a condition is exactly one of its
/// forms, with one subject and one test.
impl JsonSchema for ShowIf {
    fn schema_name() -> Cow<'static, str> {
        "Condition".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let condition = generator.subschema_for::<ShowIf>();
        let list = json_schema!({ "type": "array", "items": condition, "minItems": 1 });
        let one = |key: &str| json_schema!({ "required": [key] });
        json_schema!({
            "description": "When something is shown, in the shape the definition files write it \
                (docs/questionnaire.md, \"Conditions\"). A test on a question that is hidden, \
                unanswered, \"I don't know\" or \"Does not apply\" does not hold; `not` turns \
                that around.",
            "type": "object",
            "oneOf": [
                {
                    "description": "Every condition holds.",
                    "properties": { "all": list },
                    "required": ["all"],
                    "additionalProperties": false
                },
                {
                    "description": "At least one condition holds.",
                    "properties": { "any": list },
                    "required": ["any"],
                    "additionalProperties": false
                },
                {
                    "description": "The condition does not hold.",
                    "properties": { "not": condition },
                    "required": ["not"],
                    "additionalProperties": false
                },
                {
                    "description": "One test on one question's answer.",
                    "properties": {
                        "question": {
                            "description": "The question tested, by its full id.",
                            "type": "string"
                        },
                        "sibling": {
                            "description": "The question tested, in the same group item: its \
                                id after the group's (`type` for `repositories.repositories.type`).",
                            "type": "string"
                        },
                        "equals": {
                            "description": "A boolean answer is this value, or a single choice \
                                answer is this choice id.",
                            "type": ["boolean", "string"]
                        },
                        "one_of": {
                            "description": "A single choice answer is one of these choice ids.",
                            "type": "array",
                            "items": { "type": "string" },
                            "minItems": 1
                        },
                        "includes": {
                            "description": "A multiple choice answer includes this choice id.",
                            "type": "string"
                        },
                        "at_least": {
                            "description": "A number answer is at least this.",
                            "type": "number"
                        },
                        "answered": {
                            "description": "The question has an answer (not \"I don't know\" or \
                                \"Does not apply\").",
                            "const": true
                        }
                    },
                    "additionalProperties": false,
                    "allOf": [
                        { "oneOf": [one("question"), one("sibling")] },
                        {
                            "oneOf": [
                                one("equals"),
                                one("one_of"),
                                one("includes"),
                                one("at_least"),
                                one("answered")
                            ]
                        }
                    ]
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::questionnaire::condition::RawCondition;

    fn builtin() -> &'static Questionnaire {
        Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"))
    }

    fn exported() -> Value {
        serde_json::from_str(&to_json(builtin())).expect("the export is JSON")
    }

    /// The exported question or group with this id.
    fn find(export: &Value, id: &str) -> Value {
        let sections = export["sections"].as_array().expect("sections");
        sections
            .iter()
            .flat_map(|section| section["questions"].as_array().expect("questions"))
            .flat_map(|entry| {
                let members = entry["questions"].as_array().cloned().unwrap_or_default();
                std::iter::once(entry.clone()).chain(members)
            })
            .find(|entry| entry["id"] == id)
            .unwrap_or_else(|| panic!("no `{id}` in the export"))
    }

    #[test]
    fn conditional_questions_groups_and_sections_carry_their_condition() {
        let export = exported();
        assert_eq!(export["questions_schema_version"], 1);
        assert_eq!(
            find(&export, "compute.vcd_version")["show_if"],
            serde_json::json!({ "question": "engagement.platforms", "includes": "vmware_vsphere" })
        );
        assert_eq!(
            find(&export, "repositories.repositories.max_tasks")["show_if"],
            serde_json::json!({ "not": { "sibling": "type", "equals": "object_storage" } })
        );
        let cloud_connect = export["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .find(|section| section["id"] == "cloud_connect")
            .expect("the Cloud Connect section");
        assert_eq!(
            cloud_connect["show_if"],
            serde_json::json!({ "any": [
                { "question": "engagement.services", "includes": "cloud_connect_backup" },
                { "question": "engagement.services", "includes": "cloud_connect_replication" },
            ] })
        );
        let always = find(&export, "engagement.partner_name");
        assert!(always.get("show_if").is_none(), "{always}");
    }

    /// The export's conditions are the definition's: read back as a definition file's, each is
    /// the condition it was made from.
    #[test]
    fn every_exported_condition_reads_back_as_the_definitions() {
        let questionnaire = builtin();
        let document = QuestionsDocument::new(questionnaire);
        let read_back = |show_if: &ShowIf| {
            let json = serde_json::to_string(show_if).expect("JSON");
            let raw: RawCondition = serde_json::from_str(&json).expect("a definition's condition");
            Condition::from_raw(raw).expect("a valid condition")
        };
        let mut checked = 0;
        for (section, exported) in questionnaire.sections().iter().zip(&document.sections) {
            let mut pairs = vec![(section.show_if.as_ref(), exported.show_if.as_ref())];
            for (item, entry) in section.items.iter().zip(&exported.questions) {
                match (item, entry) {
                    (Item::Question(question), ExportedItem::Question(out)) => {
                        pairs.push((question.show_if.as_ref(), out.show_if.as_ref()));
                    }
                    (Item::Group(group), ExportedItem::Group(out)) => {
                        pairs.push((group.show_if.as_ref(), out.show_if.as_ref()));
                        for (member, out) in group.questions.iter().zip(&out.questions) {
                            pairs.push((member.show_if.as_ref(), out.show_if.as_ref()));
                        }
                    }
                    _ => panic!("`{}` is exported as another entry", item.id()),
                }
            }
            for (condition, exported) in pairs {
                assert_eq!(exported.map(read_back).as_ref(), condition);
                checked += usize::from(condition.is_some());
            }
        }
        assert!(checked >= 40, "only {checked} conditions");
    }

    #[test]
    fn choices_come_with_their_labels() {
        let attachment = find(&exported(), "storage.systems.attachment");
        assert_eq!(attachment["kind"], "single_choice");
        assert_eq!(
            attachment["choices"][0],
            serde_json::json!({
                "id": "shared_array",
                "label": "Shared array or NAS used over the network or SAN"
            })
        );
        assert_eq!(attachment["choices"].as_array().map(Vec::len), Some(3));
    }

    #[test]
    fn numbers_come_with_their_unit_and_bounds_and_groups_with_their_item_counts() {
        let export = exported();
        let cores = find(&export, "platform.backup_server_cores");
        assert_eq!(
            (&cores["kind"], &cores["unit"], &cores["min"], &cores["max"]),
            (&"integer".into(), &"cores".into(), &1.into(), &1024.into())
        );
        let free = find(&export, "repositories.repositories.free_percent");
        assert_eq!(free["kind"], "decimal");
        assert_eq!(free["unit"], "%");
        let storage = find(&export, "storage.systems");
        assert_eq!(
            (
                &storage["kind"],
                &storage["item"],
                &storage["min"],
                &storage["max"]
            ),
            (
                &"group".into(),
                &"Storage system".into(),
                &1.into(),
                &100.into()
            )
        );
        let text = find(&export, "engagement.partner_name");
        for key in ["unit", "min", "max", "choices"] {
            assert!(
                text.get(key).is_none(),
                "`{key}` on a text question: {text}"
            );
        }
    }

    /// The schema's list of kinds is every kind: the built-in questionnaire uses each (checked by
    /// `tests/questionnaire.rs`).
    #[test]
    fn version_questions_come_with_the_precision_they_ask_for() {
        let export = exported();
        assert_eq!(
            find(&export, "platform.vbr_version")["precision"],
            serde_json::json!([{"parts": 4, "example": "12.3.1.1139"}])
        );
        let per_platform = &find(&export, "compute.clusters.hypervisor_version")["precision"];
        let per_platform = per_platform.as_array().expect("asked per platform");
        assert!(!per_platform.is_empty());
        assert!(
            per_platform
                .iter()
                .all(|p| p["parts"] == 4 && p["when"].is_object()),
            "{per_platform:?}"
        );
        assert!(
            find(&export, "platform.vspc_version")
                .get("precision")
                .is_none()
        );
    }

    #[test]
    fn the_schema_lists_every_kind() {
        let used: BTreeSet<&str> = builtin().questions().map(|q| q.kind.name()).collect();
        assert_eq!(used, KINDS.into_iter().collect::<BTreeSet<_>>());
    }
}
