//! The questionnaire definition: sections, questions, groups and their kinds, read from the TOML
//! files under `assets/questionnaire/` (the format is documented in `docs/questionnaire.md`).
//!
//! Reading happens in two steps. Serde reads each file into `Raw*` structs that mirror the TOML
//! one to one (from TOML, or from the JSON that `build.rs` makes of the built-in files); one
//! shared step then checks each entry against its kind and builds the typed model, so that a
//! mistake (a choice list on an integer question, a unit missing on a decimal) is an error naming
//! the question. Checks that span questions (references, cycles, questions that can never be
//! shown) are the linter's job: [`super::lint`].

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected};

use super::condition::{Condition, RawCondition};

/// A section: one step of the wizard.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Stable id, also the prefix of every question id in the section.
    pub id: String,
    pub title: String,
    /// What the section covers and why, shown at its top.
    pub intro: String,
    pub show_if: Option<Condition>,
    pub items: Vec<Item>,
}

/// An entry of a section: a question or a repeatable group of questions.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Question(Question),
    Group(Group),
}

/// One question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id: `section.question`, or `section.group.question` inside a group.
    pub id: String,
    pub kind: Kind,
    pub label: String,
    /// Why the question is asked: shown as "why we ask".
    pub help: String,
    /// An example answer, shown as the input's placeholder.
    pub example: Option<String>,
    /// An answer (possibly "don't know" or "not applicable") is needed before export.
    pub required: bool,
    /// "Don't know" is offered.
    pub allow_dont_know: bool,
    /// "Not applicable" (with a reason) is offered.
    pub allow_not_applicable: bool,
    pub show_if: Option<Condition>,
    /// For a version question: how precise the answer is asked to be. The first entry whose
    /// `when` holds applies; none, or an empty list, asks for no more than a version.
    pub precision: Vec<Precision>,
}

/// How precise a version answer is asked to be: `12.3.1.1139` rather than `12.3` where the help
/// asks for the full build. A less precise answer is kept (the partner may know no more) with a
/// warning, and rules that need the build ask for it to be verified.
#[derive(Debug, Clone, PartialEq)]
pub struct Precision {
    /// How many numbers the version should have: 3 or 4.
    pub parts: usize,
    /// An answer of that form, shown in the warning: the question's example unless the entry
    /// has its own (a vSphere build and a Windows Server build differ).
    pub example: String,
    /// When this precision is asked for (for some platforms only); always when absent.
    pub when: Option<Condition>,
}

/// A repeatable group: named items, each answering the same questions (gateways, repositories...).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Stable id: `section.group`.
    pub id: String,
    pub label: String,
    pub help: String,
    /// What one item is called ("Gateway"), used in "Add gateway" and in messages.
    pub item_label: String,
    pub min_items: u32,
    pub max_items: u32,
    pub show_if: Option<Condition>,
    pub questions: Vec<Question>,
}

/// What a question asks for, with the constraints that belong to that kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    ShortText,
    LongText,
    Integer {
        min: Option<i64>,
        max: Option<i64>,
        unit: Option<String>,
    },
    Decimal {
        min: Option<f64>,
        max: Option<f64>,
        unit: String,
    },
    Boolean,
    SingleChoice(Vec<Choice>),
    MultiChoice(Vec<Choice>),
    /// A product version such as `12.3.1.1139`.
    Version,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A recurring window: start and end time of day (it may cross midnight) and days of the week.
    TimeWindow,
    /// A length of time such as `4h`, `30m` or `7d`.
    Duration,
    IpAddress,
    Cidr,
    Fqdn,
    Url,
    Email,
    Port,
    /// The name of an item listed in a group (the site a cluster is in), picked from that group's
    /// items, or one of a few fixed choices for ends that are not items ("Tenants").
    Reference(Reference),
}

/// What a reference question picks from.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The full id of the group whose items it names (`sites.sites`).
    pub group: String,
    /// Fixed choices besides the items, stored by id.
    pub also: Vec<Choice>,
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Stable id, stored in answers.
    pub id: String,
    pub label: String,
}

impl Kind {
    /// The name used in the definition files and in `intake questions --json`.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::ShortText => "short_text",
            Kind::LongText => "long_text",
            Kind::Integer { .. } => "integer",
            Kind::Decimal { .. } => "decimal",
            Kind::Boolean => "boolean",
            Kind::SingleChoice(_) => "single_choice",
            Kind::MultiChoice(_) => "multi_choice",
            Kind::Version => "version",
            Kind::Date => "date",
            Kind::TimeWindow => "time_window",
            Kind::Duration => "duration",
            Kind::IpAddress => "ip_address",
            Kind::Cidr => "cidr",
            Kind::Fqdn => "fqdn",
            Kind::Url => "url",
            Kind::Email => "email",
            Kind::Port => "port",
            Kind::Reference(_) => "reference",
        }
    }

    /// The choices of a single or multiple choice question, and a reference's fixed choices;
    /// empty for other kinds.
    pub fn choices(&self) -> &[Choice] {
        match self {
            Kind::SingleChoice(choices) | Kind::MultiChoice(choices) => choices,
            Kind::Reference(reference) => &reference.also,
            _ => &[],
        }
    }

    /// The unit a numeric answer is given in, if any.
    pub fn unit(&self) -> Option<&str> {
        match self {
            Kind::Integer { unit, .. } => unit.as_deref(),
            Kind::Decimal { unit, .. } => Some(unit),
            _ => None,
        }
    }

    /// Whether answers are numbers.
    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            Kind::Integer { .. } | Kind::Decimal { .. } | Kind::Port
        )
    }
}

impl Group {
    /// The member question with this id within the group (`fqdn` for `cloud_connect.gateways.fqdn`).
    pub fn member(&self, local: &str) -> Option<&Question> {
        // Every member id is `{group id}.{local}` (see `Reader::group`): comparing the length and
        // the tail is enough, and rules ask this for every answer they read.
        let length = self.id.len() + 1 + local.len();
        self.questions.iter().find(|question| {
            question.id.len() == length
                && question.id.ends_with(local)
                && question.id.as_bytes()[self.id.len()] == b'.'
        })
    }
}

impl Question {
    /// The id after the last dot: the key of the answer inside a group item.
    pub fn local_id(&self) -> &str {
        self.id.rsplit('.').next().unwrap_or(&self.id)
    }
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Question(question) => &question.id,
            Item::Group(group) => &group.id,
        }
    }
}

/// A definition file that cannot be read into the model.
#[derive(Debug, Clone, PartialEq)]
pub struct DefinitionError {
    /// The file the problem is in.
    pub file: String,
    /// The question or section the problem is about, when known.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}: {}: {}", self.file, id, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for DefinitionError {}

impl DefinitionError {
    /// A file that does not parse into the raw structs (syntax, a field unknown or missing).
    pub(super) fn unreadable(file: &str, error: impl fmt::Display) -> DefinitionError {
        DefinitionError {
            file: file.to_owned(),
            id: None,
            message: error.to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: String,
    intro: String,
    show_if: Option<RawCondition>,
    questions: Vec<RawQuestion>,
}

/// A question or group as written in a file: every field any kind may use.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    kind: String,
    label: String,
    help: String,
    example: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default = "yes")]
    dont_know: bool,
    #[serde(default = "yes")]
    not_applicable: bool,
    show_if: Option<RawCondition>,
    min: Option<Scalar>,
    max: Option<Scalar>,
    unit: Option<String>,
    choices: Option<Vec<RawChoice>>,
    item: Option<String>,
    questions: Option<Vec<RawQuestion>>,
    precision: Option<Vec<RawPrecision>>,
    /// The group a reference question names items of.
    to: Option<String>,
}

/// A precision as written in a file: `{ parts = 4, example = "...", when = { ... } }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrecision {
    parts: usize,
    example: Option<String>,
    when: Option<RawCondition>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: String,
    label: String,
}

/// A value of a field that takes more than one type (`min`, `max`, `equals`). Our own type rather
/// than the TOML crate's, so that the JSON form of the definition reads without the TOML parser.
#[derive(Debug, PartialEq)]
pub(super) enum Scalar {
    Boolean(bool),
    Integer(i64),
    Float(f64),
    String(String),
}

impl Scalar {
    fn as_integer(&self) -> Option<i64> {
        match self {
            Scalar::Integer(n) => Some(*n),
            _ => None,
        }
    }

    /// What the value is, for messages: "not {}".
    pub(super) fn describe(&self) -> &'static str {
        match self {
            Scalar::Boolean(_) => "a boolean",
            Scalar::Integer(_) => "an integer",
            Scalar::Float(_) => "a float",
            Scalar::String(_) => "a string",
        }
    }
}

/// Any self-describing format: a visitor, as `#[serde(untagged)]` would hide the reason behind
/// "did not match any variant".
impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        struct Visitor;

        impl de::Visitor<'_> for Visitor {
            type Value = Scalar;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a boolean, a number or a string")
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Scalar, E> {
                Ok(Scalar::Boolean(value))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Scalar, E> {
                Ok(Scalar::Integer(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Scalar, E> {
                i64::try_from(value)
                    .map(Scalar::Integer)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &"at most 2^63 - 1"))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Scalar, E> {
                Ok(Scalar::Float(value))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Scalar, E> {
                Ok(Scalar::String(value.to_owned()))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Scalar, E> {
                Ok(Scalar::String(value))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

impl Section {
    /// Reads one section file. `file` names it in errors.
    #[cfg(feature = "toml")]
    pub fn from_toml(file: &str, text: &str) -> Result<Section, DefinitionError> {
        let raw = toml::from_str(text).map_err(|error| DefinitionError::unreadable(file, error))?;
        Section::from_raw(file, raw)
    }

    /// Reads one section in the JSON form `build.rs` makes of a section file. `file` names the
    /// section file in errors.
    pub(super) fn from_json(file: &str, text: &str) -> Result<Section, DefinitionError> {
        let raw =
            serde_json::from_str(text).map_err(|error| DefinitionError::unreadable(file, error))?;
        Section::from_raw(file, raw)
    }

    /// Checks a section as read by serde and builds the typed model: the same for TOML and JSON.
    fn from_raw(file: &str, raw: RawSection) -> Result<Section, DefinitionError> {
        let reader = Reader { file };
        let show_if = raw
            .show_if
            .map(|condition| reader.condition(&raw.id, condition))
            .transpose()?;
        let items = raw
            .questions
            .into_iter()
            .map(|question| reader.item(&raw.id, question))
            .collect::<Result<_, _>>()?;
        Ok(Section {
            id: raw.id,
            title: raw.title,
            intro: raw.intro,
            show_if,
            items,
        })
    }

    /// Every question of the section, group members included, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.items.iter().flat_map(|item| match item {
            Item::Question(question) => std::slice::from_ref(question).iter(),
            Item::Group(group) => group.questions.iter(),
        })
    }

    /// Every group of the section.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.items.iter().filter_map(|item| match item {
            Item::Group(group) => Some(group),
            Item::Question(_) => None,
        })
    }
}

struct Reader<'a> {
    file: &'a str,
}

impl Reader<'_> {
    fn error(&self, id: &str, message: impl Into<String>) -> DefinitionError {
        DefinitionError {
            file: self.file.to_owned(),
            id: Some(id.to_owned()),
            message: message.into(),
        }
    }

    fn condition(&self, id: &str, raw: RawCondition) -> Result<Condition, DefinitionError> {
        Condition::from_raw(raw).map_err(|message| self.error(id, format!("show_if: {message}")))
    }

    fn item(&self, prefix: &str, raw: RawQuestion) -> Result<Item, DefinitionError> {
        if raw.kind == "group" {
            return self.group(prefix, raw).map(Item::Group);
        }
        self.question(prefix, raw).map(Item::Question)
    }

    fn group(&self, prefix: &str, raw: RawQuestion) -> Result<Group, DefinitionError> {
        let id = format!("{prefix}.{}", raw.id);
        let reject = |field: &str, present: bool| {
            if present {
                Err(self.error(&id, format!("a group has no `{field}`")))
            } else {
                Ok(())
            }
        };
        reject("unit", raw.unit.is_some())?;
        reject("choices", raw.choices.is_some())?;
        reject("example", raw.example.is_some())?;
        reject("precision", raw.precision.is_some())?;
        reject("to", raw.to.is_some())?;
        let min_items = self.count(&id, "min", raw.min.as_ref())?.unwrap_or(0);
        let max_items = self
            .count(&id, "max", raw.max.as_ref())?
            .ok_or_else(|| self.error(&id, "a group needs `max`, the most items it may have"))?;
        let item_label = raw
            .item
            .ok_or_else(|| self.error(&id, "a group needs `item`, what one item is called"))?;
        let members = raw
            .questions
            .ok_or_else(|| self.error(&id, "a group needs `questions`"))?;
        let questions = members
            .into_iter()
            .map(|member| {
                if member.kind == "group" {
                    Err(self.error(&id, "groups do not nest"))
                } else {
                    self.question(&id, member)
                }
            })
            .collect::<Result<_, _>>()?;
        let show_if = raw
            .show_if
            .map(|condition| self.condition(&id, condition))
            .transpose()?;
        Ok(Group {
            id,
            label: raw.label,
            help: raw.help,
            item_label,
            min_items,
            max_items,
            show_if,
            questions,
        })
    }

    fn count(
        &self,
        id: &str,
        field: &str,
        value: Option<&Scalar>,
    ) -> Result<Option<u32>, DefinitionError> {
        value
            .map(|value| {
                value
                    .as_integer()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| self.error(id, format!("`{field}` must be a whole number >= 0")))
            })
            .transpose()
    }

    fn question(&self, prefix: &str, raw: RawQuestion) -> Result<Question, DefinitionError> {
        let id = format!("{prefix}.{}", raw.id);
        if raw.item.is_some() || raw.questions.is_some() {
            return Err(self.error(&id, "`item` and `questions` belong to groups only"));
        }
        let kind = self.kind(&id, &raw)?;
        let show_if = raw
            .show_if
            .map(|condition| self.condition(&id, condition))
            .transpose()?;
        let precision = self.precision(&id, &kind, raw.example.as_deref(), raw.precision)?;
        Ok(Question {
            id,
            kind,
            label: raw.label,
            help: raw.help,
            example: raw.example,
            required: raw.required,
            allow_dont_know: raw.dont_know,
            allow_not_applicable: raw.not_applicable,
            show_if,
            precision,
        })
    }

    /// A version question's precisions, each with its example (its own or the question's).
    fn precision(
        &self,
        id: &str,
        kind: &Kind,
        example: Option<&str>,
        raw: Option<Vec<RawPrecision>>,
    ) -> Result<Vec<Precision>, DefinitionError> {
        let Some(raw) = raw else {
            return Ok(Vec::new());
        };
        if !matches!(kind, Kind::Version) {
            return Err(self.error(
                id,
                format!(
                    "`precision` applies to version questions, not to {}",
                    kind.name()
                ),
            ));
        }
        raw.into_iter()
            .map(|precision| {
                let example = precision
                    .example
                    .or_else(|| example.map(str::to_owned))
                    .ok_or_else(|| {
                        self.error(
                            id,
                            "a `precision` needs an `example` of the form it asks for, its own \
                             or the question's",
                        )
                    })?;
                let when = precision
                    .when
                    .map(|condition| {
                        Condition::from_raw(condition).map_err(|message| {
                            self.error(id, format!("precision: when: {message}"))
                        })
                    })
                    .transpose()?;
                Ok(Precision {
                    parts: precision.parts,
                    example,
                    when,
                })
            })
            .collect()
    }

    fn kind(&self, id: &str, raw: &RawQuestion) -> Result<Kind, DefinitionError> {
        let numeric = matches!(raw.kind.as_str(), "integer" | "decimal");
        let choice = matches!(
            raw.kind.as_str(),
            "single_choice" | "multi_choice" | "reference"
        );
        if raw.kind != "reference" && raw.to.is_some() {
            return Err(self.error(
                id,
                format!("`to` applies to reference questions, not to {}", raw.kind),
            ));
        }
        if !numeric && (raw.min.is_some() || raw.max.is_some() || raw.unit.is_some()) {
            return Err(self.error(
                id,
                format!(
                    "`min`, `max` and `unit` apply to numbers, not to {}",
                    raw.kind
                ),
            ));
        }
        if !choice && raw.choices.is_some() {
            return Err(self.error(
                id,
                format!("`choices` apply to choice questions, not to {}", raw.kind),
            ));
        }
        let choices = || {
            raw.choices
                .as_ref()
                .map(|choices| {
                    choices
                        .iter()
                        .map(|choice| Choice {
                            id: choice.id.clone(),
                            label: choice.label.clone(),
                        })
                        .collect()
                })
                .ok_or_else(|| self.error(id, "a choice question needs `choices`"))
        };
        let integer = |field: &str, value: Option<&Scalar>| {
            value
                .map(|value| {
                    value
                        .as_integer()
                        .ok_or_else(|| self.error(id, format!("`{field}` must be a whole number")))
                })
                .transpose()
        };
        let decimal = |field: &str, value: Option<&Scalar>| {
            value
                .map(|value| match value {
                    Scalar::Float(x) => Ok(*x),
                    // Whole numbers are exact in f64 far beyond any bound used here.
                    #[expect(clippy::cast_precision_loss)]
                    Scalar::Integer(n) => Ok(*n as f64),
                    _ => Err(self.error(id, format!("`{field}` must be a number"))),
                })
                .transpose()
        };
        Ok(match raw.kind.as_str() {
            "short_text" => Kind::ShortText,
            "long_text" => Kind::LongText,
            "integer" => Kind::Integer {
                min: integer("min", raw.min.as_ref())?,
                max: integer("max", raw.max.as_ref())?,
                unit: raw.unit.clone(),
            },
            "decimal" => Kind::Decimal {
                min: decimal("min", raw.min.as_ref())?,
                max: decimal("max", raw.max.as_ref())?,
                unit: raw
                    .unit
                    .clone()
                    .ok_or_else(|| self.error(id, "a decimal question needs a `unit`"))?,
            },
            "boolean" => Kind::Boolean,
            "single_choice" => Kind::SingleChoice(choices()?),
            "multi_choice" => Kind::MultiChoice(choices()?),
            "version" => Kind::Version,
            "date" => Kind::Date,
            "time_window" => Kind::TimeWindow,
            "duration" => Kind::Duration,
            "ip_address" => Kind::IpAddress,
            "cidr" => Kind::Cidr,
            "fqdn" => Kind::Fqdn,
            "url" => Kind::Url,
            "email" => Kind::Email,
            "port" => Kind::Port,
            "reference" => Kind::Reference(Reference {
                group: raw.to.clone().ok_or_else(|| {
                    self.error(
                        id,
                        "a reference question needs `to`, the group it names items of",
                    )
                })?,
                also: if raw.choices.is_some() {
                    choices()?
                } else {
                    Vec::new()
                },
            }),
            other => return Err(self.error(id, format!("unknown kind `{other}`"))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_from_json_as_from_toml() {
        let read = |json: &str| serde_json::from_str::<Scalar>(json).map_err(|e| e.to_string());
        assert_eq!(read("true"), Ok(Scalar::Boolean(true)));
        assert_eq!(read("3"), Ok(Scalar::Integer(3)));
        assert_eq!(read("-3"), Ok(Scalar::Integer(-3)));
        assert_eq!(read("3.0"), Ok(Scalar::Float(3.0)));
        assert_eq!(read(r#""x""#), Ok(Scalar::String("x".to_owned())));
        let error = read("[1]").expect_err("not a scalar");
        assert!(
            error.contains("expected a boolean, a number or a string"),
            "{error}"
        );
        let error = read("9223372036854775808").expect_err("beyond i64");
        assert!(error.contains("at most 2^63 - 1"), "{error}");
    }

    #[test]
    fn a_precision_belongs_to_a_version_question_with_an_example() {
        let read = |question: &str| {
            let json = format!(
                r#"{{"id": "s", "title": "S", "intro": "About S.", "questions": [{question}]}}"#
            );
            Section::from_json("01-s.toml", &json).map_err(|error| error.to_string())
        };
        let section = read(
            r#"{"id": "v", "kind": "version", "label": "V", "help": "Why.", "example": "8.0.3.1",
                "precision": [{"parts": 4}, {"parts": 3, "example": "8.4.1",
                               "when": {"question": "s.x", "answered": true}}]}"#,
        )
        .expect("a version question with precisions");
        let Item::Question(question) = &section.items[0] else {
            panic!("a question");
        };
        assert_eq!(question.precision.len(), 2);
        assert_eq!(
            question.precision[0].example, "8.0.3.1",
            "the question's example"
        );
        assert_eq!(question.precision[1].example, "8.4.1", "its own");
        assert!(question.precision[1].when.is_some());
        assert_eq!(
            read(
                r#"{"id": "n", "kind": "short_text", "label": "N", "help": "Why.",
                    "precision": [{"parts": 4}]}"#
            ),
            Err(
                "01-s.toml: s.n: `precision` applies to version questions, not to short_text"
                    .to_owned()
            )
        );
        let error = read(
            r#"{"id": "v", "kind": "version", "label": "V", "help": "Why.",
                "precision": [{"parts": 4}]}"#,
        )
        .expect_err("no example");
        assert!(error.contains("needs an `example`"), "{error}");
    }

    #[test]
    fn json_sections_are_checked_like_toml_ones() {
        let json = r#"{"id": "s", "title": "S", "intro": "About S.", "questions": [
            {"id": "n", "kind": "integer", "label": "N", "help": "Why.", "min": 1.5}]}"#;
        let error = Section::from_json("01-s.toml", json).expect_err("a float bound");
        assert_eq!(
            error.to_string(),
            "01-s.toml: s.n: `min` must be a whole number"
        );
        let error = Section::from_json("01-s.toml", r#"{"id": "s"}"#).expect_err("incomplete");
        assert!(
            error.to_string().starts_with("01-s.toml: missing field"),
            "{error}"
        );
    }
}
