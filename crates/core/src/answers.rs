//! Answers: what a partner has said, as kept in drafts and answers files.
//!
//! The serialized form is its own set of types ([`AnswersFile`] and friends) with a
//! `schema_version`, published as a JSON Schema (`intake schema`, `docs/schema/answers.schema.json`).
//! Reading a file checks it against the questionnaire: an unknown question id or a value of the
//! wrong shape for its question (a number for a yes/no question) is an error naming the question.
//! Text-like answers (versions, dates, addresses...) are kept exactly as typed: whether they are
//! well formed is a validation problem ([`crate::validate`]), so nothing typed is ever lost.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::evidence::Evidence;
use crate::questionnaire::{Entry, Kind, Question, Questionnaire};

pub mod migrate;

/// The answers schema version this build writes, and the newest it reads.
///
/// 1. The first.
/// 2. A profile opens the questionnaire (`engagement.platforms`, `engagement.dr_offered`,
///    `engagement.tenant_count`), the Kubernetes platforms are among the platforms, and a site's
///    kind is asked apart from its role: see [`migrate`].
/// 3. An answer may say where it came from (`provenance`: imported from a collector's export);
///    without it, the partner gave it. The evidence imported is kept with the answers
///    (`evidence`).
pub const SCHEMA_VERSION: u32 = 3;

/// All answers of one assessment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    /// Answers to questions outside groups, by full question id.
    pub answers: BTreeMap<String, Answer>,
    /// Items of each repeatable group, by full group id.
    pub groups: BTreeMap<String, Vec<GroupItem>>,
    /// What collectors' exports said, as imported: the facts and where each was read. Shared, so
    /// that copying the answers (as the app does on every change) does not copy it.
    pub evidence: Option<Arc<Evidence>>,
}

/// One item of a repeatable group: a named gateway, repository, link...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupItem {
    /// The partner's name for the item, e.g. the gateway's host name.
    pub name: String,
    /// Answers by the question's id within the group (`fqdn`, not `cloud_connect.gateways.fqdn`).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

/// One answer: a value, "don't know" or "not applicable", an optional note, and where it came
/// from.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub state: State,
    /// A remark kept with the answer ("checked with the ISP on 2026-10-02").
    pub note: Option<String>,
    pub provenance: Provenance,
}

/// Where an answer came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Provenance {
    /// Typed or chosen by the partner: every answer unless it says otherwise (not written).
    #[default]
    Stated,
    /// Read from a collector's export and applied by the partner.
    Imported(Imported),
}

/// The export an imported answer was read from, and where in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Imported {
    pub collector: crate::evidence::Collector,
    /// The export's file (or folder) name.
    pub file: String,
    /// The sheet or CSV file.
    pub table: String,
    /// The row, as a person finds it opening the file in a spreadsheet (the header is row 1).
    pub row: u32,
    /// When the collector ran, as the export says it (ISO 8601, no time zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_at: Option<String>,
}

/// What was answered.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    Value(Value),
    /// The partner does not know: an assessment must tell "no" from "not verified".
    DontKnow,
    /// The question does not apply, and why.
    NotApplicable(String),
}

/// An answer's value, in the JSON shape its question's kind takes.
// Read by a visitor of its own (below) rather than serde's `untagged`, which buffers every value
// and tries each variant in turn: reading a large environment's answers is several times faster.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    /// Yes / no questions.
    Bool(bool),
    /// Whole numbers and ports.
    Integer(i64),
    /// Decimal numbers.
    Decimal(f64),
    /// Text, single choices (the choice id) and text-like kinds, kept as typed.
    Text(String),
    /// Multiple choices: the chosen ids.
    Choices(Vec<String>),
    /// Time windows.
    Window(Window),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;

        impl<'de> serde::de::Visitor<'de> for ValueVisitor {
            type Value = Value;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("true/false, a number, text, a list of choice ids or a time window")
            }

            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Value, E> {
                Ok(Value::Bool(value))
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Value, E> {
                Ok(Value::Integer(value))
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Value, E> {
                i64::try_from(value)
                    .map(Value::Integer)
                    .map_err(|_| E::custom(format!("{value} is too large a number")))
            }

            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Value, E> {
                Ok(Value::Decimal(value))
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Value, E> {
                Ok(Value::Text(value.to_owned()))
            }

            fn visit_string<E: serde::de::Error>(self, value: String) -> Result<Value, E> {
                Ok(Value::Text(value))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Value, A::Error> {
                let mut choices = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(choice) = seq.next_element::<String>()? {
                    choices.push(choice);
                }
                Ok(Value::Choices(choices))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
                Window::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Value::Window)
            }
        }

        deserializer.deserialize_any(ValueVisitor)
    }
}

/// A recurring time window as typed: times of day `HH:MM`, and days of the week.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Start time of day, `HH:MM` (24-hour).
    pub start: String,
    /// End time of day, `HH:MM`; earlier than `start` when the window crosses midnight.
    pub end: String,
    /// Days on which the window starts: `mon` to `sun`.
    pub days: Vec<String>,
}

/// An [`AnswersFile`] to write, borrowing the answers: the same fields, in the same order.
#[derive(Serialize)]
pub(crate) struct AnswersFileOut<'a> {
    schema_version: u32,
    answers: &'a BTreeMap<String, Answer>,
    groups: &'a BTreeMap<String, Vec<GroupItem>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<&'a Evidence>,
}

/// The answers file as written to disk: the format with a compatibility promise.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "VCSP Intake answers")]
pub struct AnswersFile {
    /// Version of this format: 3. Files of versions 1 and 2 are read (version 1 migrated).
    pub schema_version: u32,
    /// Answers to questions outside groups, by full question id (`engagement.partner_name`).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Items of each repeatable group, by full group id (`cloud_connect.gateways`).
    #[serde(default)]
    pub groups: BTreeMap<String, Vec<GroupItem>>,
    /// What collectors' exports said, as imported (schema 3 on; [evidence](../evidence.md)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// An answer as written: exactly one of `value`, `dont_know: true` or `not_applicable`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Answer")]
struct AnswerRepr {
    /// The answer's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
    /// `true`: the partner does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    dont_know: Option<bool>,
    /// The question does not apply; the text says why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not_applicable: Option<String>,
    /// A remark kept with the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// Where the answer came from, when not typed by the partner (answers schema 3 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provenance: Option<Provenance>,
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut repr = AnswerRepr {
            value: None,
            dont_know: None,
            not_applicable: None,
            note: self.note.clone(),
            provenance: (self.provenance != Provenance::Stated).then(|| self.provenance.clone()),
        };
        match &self.state {
            State::Value(value) => repr.value = Some(value.clone()),
            State::DontKnow => repr.dont_know = Some(true),
            State::NotApplicable(reason) => repr.not_applicable = Some(reason.clone()),
        }
        repr.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = AnswerRepr::deserialize(deserializer)?;
        let state = match (repr.value, repr.dont_know, repr.not_applicable) {
            (Some(value), None, None) => State::Value(value),
            (None, Some(true), None) => State::DontKnow,
            (None, None, Some(reason)) => State::NotApplicable(reason),
            _ => {
                return Err(serde::de::Error::custom(
                    "an answer has exactly one of `value`, `\"dont_know\": true` or \
                     `not_applicable` (with the reason)",
                ));
            }
        };
        Ok(Answer {
            state,
            note: repr.note,
            provenance: repr.provenance.unwrap_or_default(),
        })
    }
}

impl JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = AnswerRepr::json_schema(generator);
        schema.insert(
            "oneOf".to_owned(),
            serde_json::json!([
                { "required": ["value"] },
                { "required": ["dont_know"], "properties": { "dont_know": { "const": true } } },
                { "required": ["not_applicable"] }
            ]),
        );
        schema
    }
}

impl Answer {
    /// An answer with a value and no note.
    pub fn value(value: Value) -> Answer {
        Answer::stated(State::Value(value), None)
    }

    /// An answer the partner gave.
    pub fn stated(state: State, note: Option<String>) -> Answer {
        Answer {
            state,
            note,
            provenance: Provenance::Stated,
        }
    }

    /// The value, when the answer has one.
    pub fn as_value(&self) -> Option<&Value> {
        match &self.state {
            State::Value(value) => Some(value),
            State::DontKnow | State::NotApplicable(_) => None,
        }
    }
}

/// Why an answers file cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON, or not the shape of an answers file.
    Malformed(String),
    /// Written by a newer version of the tool.
    NewerSchema { found: u32 },
    /// A schema version no version of the tool wrote.
    UnknownSchema { found: u64 },
    /// An answer to a question this questionnaire does not have.
    UnknownQuestion { path: String },
    /// A value whose shape does not fit its question's kind.
    WrongKind {
        path: String,
        expected: &'static str,
        found: &'static str,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Malformed(reason) => write!(f, "not a valid answers file: {reason}"),
            LoadError::NewerSchema { found } => write!(
                f,
                "these answers were written by a newer version of VCSP Intake (answers schema \
                 {found}); this version reads schema {SCHEMA_VERSION} and older: update it"
            ),
            LoadError::UnknownSchema { found } => write!(
                f,
                "unknown answers schema version {found}: versions start at 1"
            ),
            LoadError::UnknownQuestion { path } => write!(
                f,
                "{path}: the questionnaire has no such question (a typo, or a file for another tool?)"
            ),
            LoadError::WrongKind {
                path,
                expected,
                found,
            } => write!(f, "{path}: expected {expected}, found {found}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl Answers {
    /// Reads an answers file (JSON) for `questionnaire`, migrating older schema versions.
    pub fn from_json(text: &str, questionnaire: &Questionnaire) -> Result<Answers, LoadError> {
        /// Just the version, read before the rest so the right reader (or migration) is used.
        #[derive(Deserialize)]
        struct Probe {
            schema_version: Option<serde_json::Value>,
        }
        let malformed = |error: serde_json::Error| LoadError::Malformed(error.to_string());
        let probe: Probe = serde_json::from_str(text).map_err(malformed)?;
        let version = probe
            .schema_version
            .ok_or_else(|| LoadError::Malformed("`schema_version` is missing".to_owned()))?
            .as_u64()
            .ok_or_else(|| {
                LoadError::Malformed("`schema_version` must be a whole number".to_owned())
            })?;
        match version {
            1..=3 => {}
            0 => return Err(LoadError::UnknownSchema { found: 0 }),
            newer => {
                return Err(LoadError::NewerSchema {
                    found: u32::try_from(newer).unwrap_or(u32::MAX),
                });
            }
        }
        let mut file: AnswersFile = serde_json::from_str(text).map_err(malformed)?;
        if version == 1 {
            migrate::v1_to_v2(&mut file.answers, &mut file.groups);
        }
        let answers = Answers {
            answers: file.answers,
            groups: file.groups,
            evidence: file.evidence.map(Arc::new),
        };
        answers.check_against(questionnaire)?;
        Ok(answers)
    }

    /// Writes the answers as an answers file (pretty JSON, keys in a stable order).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(&self.file()).unwrap_or_else(|_| {
            unreachable!("answers always serialize: string keys, finite numbers")
        });
        text.push('\n');
        text
    }

    /// The answers and groups as compact JSON, without the evidence: what the app sends the
    /// worker that assesses them on every change (the evidence, which can be large, goes apart and
    /// only when it changes). [`Answers::from_entries_json`] reads it back.
    pub fn entries_json(&self) -> String {
        #[derive(Serialize)]
        struct Entries<'a> {
            answers: &'a BTreeMap<String, Answer>,
            groups: &'a BTreeMap<String, Vec<GroupItem>>,
        }
        serde_json::to_string(&Entries {
            answers: &self.answers,
            groups: &self.groups,
        })
        .unwrap_or_else(|_| unreachable!("answers always serialize: string keys, finite numbers"))
    }

    /// Reads what [`Answers::entries_json`] wrote, with `evidence`. The text comes from the same
    /// build, so it is not checked against the questionnaire again.
    pub fn from_entries_json(
        text: &str,
        evidence: Option<Arc<Evidence>>,
    ) -> Result<Answers, String> {
        #[derive(Deserialize)]
        struct Entries {
            answers: BTreeMap<String, Answer>,
            groups: BTreeMap<String, Vec<GroupItem>>,
        }
        let Entries { answers, groups } =
            serde_json::from_str(text).map_err(|error| error.to_string())?;
        Ok(Answers {
            answers,
            groups,
            evidence,
        })
    }

    /// The answers as an answers file, borrowed: it serializes as [`AnswersFile`] does, without
    /// copying the answers first.
    pub(crate) fn file(&self) -> AnswersFileOut<'_> {
        AnswersFileOut {
            schema_version: SCHEMA_VERSION,
            answers: &self.answers,
            groups: &self.groups,
            evidence: self.evidence.as_deref(),
        }
    }

    /// Checks that every answer belongs to a question and has the shape its kind takes.
    fn check_against(&self, questionnaire: &Questionnaire) -> Result<(), LoadError> {
        for (id, answer) in &self.answers {
            match questionnaire.entry(id) {
                Some(Entry::Question(question)) => check_shape(id, question, answer)?,
                Some(Entry::Member(group, _)) => {
                    return Err(LoadError::Malformed(format!(
                        "{id}: this question belongs to group `{}`; its answers go in `groups`",
                        group.id
                    )));
                }
                Some(Entry::Group(_)) => {
                    return Err(LoadError::Malformed(format!(
                        "{id}: this is a group; its items go in `groups`"
                    )));
                }
                None => return Err(LoadError::UnknownQuestion { path: id.clone() }),
            }
        }
        for (id, items) in &self.groups {
            let Some(Entry::Group(group)) = questionnaire.entry(id) else {
                return Err(LoadError::UnknownQuestion {
                    path: format!("groups.{id}"),
                });
            };
            for (index, item) in items.iter().enumerate() {
                for (local, answer) in &item.answers {
                    let path = format!("{id}[{index}].{local}");
                    let question = group
                        .questions
                        .iter()
                        .find(|q| {
                            q.id.strip_prefix(&group.id)
                                .and_then(|r| r.strip_prefix('.'))
                                == Some(local)
                        })
                        .ok_or(LoadError::UnknownQuestion { path: path.clone() })?;
                    check_shape(&path, question, answer)?;
                }
            }
        }
        Ok(())
    }
}

/// The JSON shape a kind's values take, as named in messages.
fn expected_shape(kind: &Kind) -> &'static str {
    match kind {
        Kind::Boolean => "true or false",
        Kind::Integer { .. } | Kind::Port => "a whole number",
        Kind::Decimal { .. } => "a number",
        Kind::MultiChoice(_) => "a list of choice ids",
        Kind::TimeWindow => "a window {\"start\": \"HH:MM\", \"end\": \"HH:MM\", \"days\": [...]}",
        Kind::SingleChoice(_) => "a choice id (text)",
        _ => "text",
    }
}

fn shape_name(value: &Value) -> &'static str {
    match value {
        Value::Bool(_) => "true/false",
        Value::Integer(_) => "a whole number",
        Value::Decimal(_) => "a decimal number",
        Value::Text(_) => "text",
        Value::Choices(_) => "a list",
        Value::Window(_) => "a time window",
    }
}

fn check_shape(path: &str, question: &Question, answer: &Answer) -> Result<(), LoadError> {
    let Some(value) = answer.as_value() else {
        return Ok(());
    };
    let fits = match (&question.kind, value) {
        (Kind::Boolean, Value::Bool(_))
        | (Kind::Integer { .. } | Kind::Port, Value::Integer(_))
        | (Kind::Decimal { .. }, Value::Integer(_) | Value::Decimal(_))
        | (Kind::MultiChoice(_), Value::Choices(_))
        | (Kind::TimeWindow, Value::Window(_)) => true,
        (
            Kind::Boolean
            | Kind::Integer { .. }
            | Kind::Port
            | Kind::Decimal { .. }
            | Kind::MultiChoice(_)
            | Kind::TimeWindow,
            _,
        ) => false,
        (_, value) => matches!(value, Value::Text(_)),
    };
    if fits {
        Ok(())
    } else {
        Err(LoadError::WrongKind {
            path: path.to_owned(),
            expected: expected_shape(&question.kind),
            found: shape_name(value),
        })
    }
}

/// The JSON Schema of answers files, pretty-printed (published as
/// `docs/schema/answers.schema.json`).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(AnswersFile);
    let mut text = serde_json::to_string_pretty(&schema)
        .unwrap_or_else(|_| unreachable!("a generated schema is plain JSON"));
    text.push('\n');
    text
}
