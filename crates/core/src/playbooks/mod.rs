//! Playbooks: troubleshooting as decision trees, walked one step at a time.
//!
//! A tech lead does not fix a problem by reading a list: "if you see X, check Y; if Y looks
//! normal, check Z". Each rule has a playbook, and so has each symptom partners call about
//! ("replication to the DR site stalls"). A playbook is a small tree of [`Step`]s: a check (what to
//! look at, with the command, screen or log), and [`Outcome`]s (what the person may find), each
//! leading to a next step or to a [`Conclusion`] (the cause and the fix). An outcome may jump into
//! another playbook where the problem crosses layers: a slow tenant job can end in storage,
//! network or scheduling.
//!
//! The playbooks are data, written in `assets/playbooks/*.toml` (one file per rule category, and
//! `symptoms.toml`; `docs/playbooks.md` describes the format) and compiled in as JSON by the
//! build script. [`lint`] proves every tree finite, every step reachable, every outcome leading
//! somewhere and every question it names real.

pub mod chart;
mod lint;
mod render;
pub mod walk;
pub mod when;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use lint::{MAX_ANSWER, MAX_TITLE, MIN_DEPTH, MIN_SYMPTOMS, Problem, depth, lint};
pub use render::{Format, render};

use crate::rules;
use when::When;

/// The version of the playbook format `intake rules --json` and `intake playbook --format json`
/// print.
pub const PLAYBOOKS_SCHEMA_VERSION: u32 = 1;

/// What a playbook starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A rule's finding: the playbook has the rule's id.
    Rule,
    /// Something a partner calls about: `SYM-001`.
    Symptom,
}

/// A decision tree: the steps of one troubleshooting path, from `start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Playbook {
    /// The rule id (`NET-001`) or the symptom id (`SYM-001`).
    pub id: String,
    pub origin: Origin,
    /// The symptom in the partner's words, or the rule's title.
    pub title: String,
    /// The id of the first step.
    pub start: String,
    pub steps: Vec<Step>,
}

/// One check and what it may show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Step {
    /// Unique within its playbook: lowercase words joined by `-`.
    pub id: String,
    /// Short and imperative: "Compare the MTU at both ends".
    pub title: String,
    /// What to look at and how, with commands, paths and settings in `backticks`.
    pub check: String,
    /// Questions of the questionnaire whose answers already tell this step's outcome.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    /// The documentation the check relies on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    pub outcomes: Vec<Outcome>,
}

/// Something the person may find at a step, and where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Outcome {
    /// What the person finds: "The ends differ".
    pub answer: String,
    /// When the questionnaire's answers already tell this outcome: a walk suggests it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    #[serde(flatten)]
    pub leads: Leads,
}

/// Where an outcome leads: a next step, or the end of the walk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Leads {
    /// A step of the same playbook (`path`), another playbook's start (`NET-003`) or one of its
    /// steps (`NET-003/carrier`).
    Next(String),
    Conclusion(Conclusion),
}

/// Where a walk ends: the cause found and the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Conclusion {
    pub cause: String,
    pub fix: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
}

/// A step of a playbook, as a walk reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place<'a> {
    pub playbook: &'a str,
    pub step: &'a str,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.playbook, self.step)
    }
}

/// Every playbook, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Playbooks {
    books: BTreeMap<String, Playbook>,
}

/// A playbook file that cannot be read: which file, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl std::error::Error for LoadError {}

impl Playbooks {
    /// The playbooks shipped with this version, read once. They are checked by tests
    /// (`tests/playbooks.rs`), so this fails only in a build whose tests fail.
    pub fn builtin() -> Result<&'static Playbooks, &'static LoadError> {
        static BUILTIN: OnceLock<Result<Playbooks, LoadError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Playbooks::from_json(builtin_json()))
            .as_ref()
    }

    /// Reads playbooks from the build's JSON form of the files: `[[file name, {"playbook":
    /// [...]}], ...]`.
    pub fn from_json(json: &str) -> Result<Playbooks, LoadError> {
        let files: Vec<(String, serde_json::Value)> =
            serde_json::from_str(json).map_err(|error| LoadError {
                file: "playbooks".to_owned(),
                message: error.to_string(),
            })?;
        let mut books = BTreeMap::new();
        for (file, contents) in files {
            let error = |message: String| LoadError {
                file: file.clone(),
                message,
            };
            let raw: RawFile =
                serde_json::from_value(contents).map_err(|e| error(e.to_string()))?;
            for raw in raw.playbook {
                let playbook = raw.into_playbook().map_err(&error)?;
                if books.contains_key(&playbook.id) {
                    return Err(error(format!("{} has two playbooks", playbook.id)));
                }
                books.insert(playbook.id.clone(), playbook);
            }
        }
        Ok(Playbooks { books })
    }

    /// Every playbook: the rules' in id order, then the symptoms'.
    pub fn iter(&self) -> impl Iterator<Item = &Playbook> {
        let (rules, symptoms): (Vec<&Playbook>, Vec<&Playbook>) = self
            .books
            .values()
            .partition(|book| book.origin == Origin::Rule);
        rules.into_iter().chain(symptoms)
    }

    /// The symptoms, in id order.
    pub fn symptoms(&self) -> impl Iterator<Item = &Playbook> {
        self.books
            .values()
            .filter(|book| book.origin == Origin::Symptom)
    }

    pub fn get(&self, id: &str) -> Option<&Playbook> {
        self.books.get(id)
    }

    /// The step a `next` of the playbook `from` names, if there is one.
    pub fn resolve<'a>(
        &'a self,
        from: &'a Playbook,
        next: &'a str,
    ) -> Option<(&'a Playbook, &'a Step)> {
        let (book, step) = match next.split_once('/') {
            Some((book, step)) => (self.get(book)?, step),
            None if self.books.contains_key(next) => {
                let book = &self.books[next];
                (book, book.start.as_str())
            }
            None => (from, next),
        };
        Some((book, book.step(step)?))
    }

    /// The steps an outcome of this step leads to, in order.
    pub fn next_steps<'a>(
        &'a self,
        book: &'a Playbook,
        step: &'a Step,
    ) -> Vec<(&'a Playbook, &'a Step)> {
        step.outcomes
            .iter()
            .filter_map(|outcome| match &outcome.leads {
                Leads::Next(next) => self.resolve(book, next),
                Leads::Conclusion(_) => None,
            })
            .collect()
    }
}

impl Playbook {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|step| step.id == id)
    }

    pub fn first(&self) -> Option<&Step> {
        self.step(&self.start)
    }

    pub fn place<'a>(&'a self, step: &'a Step) -> Place<'a> {
        Place {
            playbook: &self.id,
            step: &step.id,
        }
    }
}

/// The build's JSON form of `assets/playbooks/*.toml`.
pub fn builtin_json() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/playbooks.json"))
}

/// A playbook file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    playbook: Vec<RawPlaybook>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaybook {
    rule: Option<String>,
    symptom: Option<String>,
    title: Option<String>,
    start: String,
    #[serde(default)]
    step: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: String,
    title: String,
    check: String,
    #[serde(default)]
    answers: Vec<String>,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    outcome: Vec<RawOutcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome {
    answer: String,
    when: Option<When>,
    next: Option<String>,
    conclusion: Option<Conclusion>,
}

impl RawPlaybook {
    fn into_playbook(self) -> Result<Playbook, String> {
        let (id, origin, title) = match (self.rule, self.symptom) {
            (Some(id), None) => {
                let rule =
                    rules::rule(&id).ok_or_else(|| format!("{id}: there is no such rule"))?;
                if self.title.is_some() {
                    return Err(format!("{id}: a rule's playbook takes the rule's title"));
                }
                (id, Origin::Rule, rule.title.to_owned())
            }
            (None, Some(id)) => {
                let title = self
                    .title
                    .ok_or_else(|| format!("{id}: a symptom needs a title"))?;
                (id, Origin::Symptom, title)
            }
            _ => return Err("a playbook needs either `rule` or `symptom`".to_owned()),
        };
        let steps = self
            .step
            .into_iter()
            .map(|step| {
                let outcomes = step
                    .outcome
                    .into_iter()
                    .map(|outcome| {
                        let leads = match (outcome.next, outcome.conclusion) {
                            (Some(next), None) => Leads::Next(next),
                            (None, Some(conclusion)) => Leads::Conclusion(Conclusion {
                                cause: one_line(&conclusion.cause),
                                fix: one_line(&conclusion.fix),
                                references: conclusion.references,
                            }),
                            _ => {
                                return Err(format!(
                                    "{id}/{}: the outcome “{}” needs either `next` or \
                                     `conclusion`",
                                    step.id, outcome.answer
                                ));
                            }
                        };
                        if let Some(Err(error)) = outcome.when.as_ref().map(When::shape) {
                            return Err(format!(
                                "{id}/{}: the outcome “{}” has a `when` that cannot be read: \
                                 {error}",
                                step.id, outcome.answer
                            ));
                        }
                        Ok(Outcome {
                            answer: one_line(&outcome.answer),
                            when: outcome.when,
                            leads,
                        })
                    })
                    .collect::<Result<_, String>>()?;
                Ok(Step {
                    id: step.id,
                    title: one_line(&step.title),
                    check: one_line(&step.check),
                    answers: step.answers,
                    references: step.references,
                    outcomes,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Playbook {
            id,
            origin,
            title,
            start: self.start,
            steps,
        })
    }
}

/// Texts are written across lines in the files; people read them as one paragraph, and JSON
/// readers get them that way too.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREE: &str = r#"[["network.toml", {"playbook": [
        {"rule": "NET-001", "start": "ends", "step": [
            {"id": "ends", "title": "Compare the ends", "check": "Look at\n   both  ends.", "outcome": [
                {"answer": "Same", "next": "NET-003"},
                {"answer": "Different", "conclusion": {"cause": "A mismatch.", "fix": "Match them."}}
            ]}
        ]},
        {"rule": "NET-003", "start": "carrier", "step": [
            {"id": "carrier", "title": "Ask the carrier", "check": "Ask.", "outcome": [
                {"answer": "Proxying", "conclusion": {"cause": "A proxy.", "fix": "Turn it off."}}
            ]}
        ]}
    ]}], ["symptoms.toml", {"playbook": [
        {"symptom": "SYM-001", "title": "Replication stalls", "start": "first", "step": [
            {"id": "first", "title": "Start", "check": "Look.", "outcome": [
                {"answer": "MTU", "next": "NET-001/ends"}
            ]}
        ]}
    ]}]]"#;

    #[test]
    fn reads_rules_and_symptoms_and_resolves_jumps() {
        let books = Playbooks::from_json(TREE).expect("the tree reads");
        let ids: Vec<&str> = books.iter().map(|book| book.id.as_str()).collect();
        assert_eq!(ids, ["NET-001", "NET-003", "SYM-001"]);
        let net = books.get("NET-001").expect("NET-001");
        assert_eq!(net.title, "MTU differs between the two ends of a link");
        assert_eq!(net.steps[0].check, "Look at both ends.");
        let step = net.first().expect("a first step");
        let next = books.next_steps(net, step);
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].0.place(next[0].1).to_string(), "NET-003/carrier");
        let symptom = books.get("SYM-001").expect("SYM-001");
        let (book, step) = books.resolve(symptom, "NET-001/ends").expect("a jump");
        assert_eq!((book.id.as_str(), step.id.as_str()), ("NET-001", "ends"));
        assert!(books.resolve(symptom, "NET-001/nowhere").is_none());
    }

    #[test]
    fn an_outcome_needs_exactly_one_way_on() {
        let both = TREE.replace(
            r#"{"answer": "Proxying", "conclusion""#,
            r#"{"answer": "Proxying", "next": "carrier", "conclusion""#,
        );
        let error = Playbooks::from_json(&both).expect_err("two ways on");
        assert_eq!(error.file, "network.toml");
        assert!(
            error
                .message
                .contains("“Proxying” needs either `next` or `conclusion`")
        );
    }

    #[test]
    fn names_an_unknown_rule_and_a_title_missing() {
        let unknown = TREE.replace(r#""rule": "NET-003""#, r#""rule": "NET-999""#);
        assert!(
            Playbooks::from_json(&unknown)
                .expect_err("refused")
                .message
                .contains("NET-999: there is no such rule")
        );
        let untitled = TREE.replace(r#""title": "Replication stalls", "#, "");
        assert!(
            Playbooks::from_json(&untitled)
                .expect_err("refused")
                .message
                .contains("SYM-001: a symptom needs a title")
        );
    }
}
