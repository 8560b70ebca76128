//! A walk through a playbook: the steps taken one at a time, what was found at each, a note per
//! step, and where it ended. A walk records what the person saw (each step's title, the answer
//! chosen, the conclusion reached) as well as where it was, so a report shows the path taken even
//! after the playbooks change. Times are given by the caller.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::when::{self, Suggestion};
use super::{Conclusion, Leads, Playbook, Playbooks, Step};
use crate::answers::Answers;
use crate::display;
use crate::questionnaire::{Entry, Questionnaire};

/// A walk, from the playbook it started in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Walk {
    /// The rule (`NET-001`) or symptom (`SYM-001`) it started from.
    pub playbook: String,
    /// RFC 3339, given by the caller.
    pub started_at: String,
    /// The steps taken, in order: each but the last has what was found; the last has it too
    /// once the walk has ended.
    pub steps: Vec<Taken>,
}

/// One step of a walk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Taken {
    /// The playbook the step is in (another than the walk's after a jump).
    pub playbook: String,
    pub step: String,
    /// The step's title as it was shown.
    pub title: String,
    /// What the person found: the answer of the outcome chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// When it was chosen, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Where the walk ended, when the outcome chosen ends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<Conclusion>,
    /// What the person noted at this step.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What the questionnaire's answers suggested at this step, when they did: the person
    /// confirmed it when `found` is the same, and saw otherwise when it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<Suggested>,
}

/// An outcome the answers suggested, and the answers that said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suggested {
    /// The answer of the outcome suggested.
    pub found: String,
    /// The answers that said so, in words.
    pub because: Vec<Said>,
}

/// One answer, in words: the question's label (with the item's name for a group's member) and
/// the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Said {
    pub question: String,
    pub answer: String,
}

/// Why a walk cannot go on as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkError {
    /// Its playbook, or the step it is at, is not in this build's playbooks.
    Unknown(String),
    /// It has ended: go back or restart first.
    Ended,
    /// There is no such outcome at this step.
    NoOutcome(usize),
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WalkError::Unknown(what) => write!(f, "{what} is not in this version's playbooks"),
            WalkError::Ended => f.write_str("this walk has ended: go back a step or restart it"),
            WalkError::NoOutcome(index) => write!(f, "this step has no outcome {}", index + 1),
        }
    }
}

impl std::error::Error for WalkError {}

impl Taken {
    fn at_step(book: &Playbook, step: &Step) -> Taken {
        Taken {
            playbook: book.id.clone(),
            step: step.id.clone(),
            title: step.title.clone(),
            found: None,
            at: None,
            conclusion: None,
            note: String::new(),
            suggested: None,
        }
    }
}

impl Walk {
    /// A walk at the first step of playbook `id`.
    pub fn start(books: &Playbooks, id: &str, now: &str) -> Result<Walk, WalkError> {
        let book = books
            .get(id)
            .ok_or_else(|| WalkError::Unknown(format!("the playbook {id}")))?;
        let first = book
            .first()
            .ok_or_else(|| WalkError::Unknown(format!("the first step of {id}")))?;
        Ok(Walk {
            playbook: book.id.clone(),
            started_at: now.to_owned(),
            steps: vec![Taken::at_step(book, first)],
        })
    }

    /// The walk as JSON, as drafts keep it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| unreachable!("a walk is plain JSON"))
    }

    /// Reads a walk written by [`Walk::to_json`].
    pub fn from_json(json: &str) -> Result<Walk, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    /// Walks as a JSON array, as the app hands a draft's walks to the bundle writer.
    pub fn list_to_json<'a>(walks: impl IntoIterator<Item = &'a Walk>) -> String {
        let walks: Vec<&Walk> = walks.into_iter().collect();
        serde_json::to_string(&walks).unwrap_or_else(|_| unreachable!("a walk is plain JSON"))
    }

    /// Reads walks written by [`Walk::list_to_json`].
    pub fn list_from_json(json: &str) -> Result<Vec<Walk>, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    /// Where the walk ended, if it has.
    pub fn ended(&self) -> Option<&Conclusion> {
        self.steps
            .last()
            .and_then(|taken| taken.conclusion.as_ref())
    }

    /// The step the walk is at (its playbook and step in this build), unless it has ended.
    pub fn here<'a>(&self, books: &'a Playbooks) -> Result<(&'a Playbook, &'a Step), WalkError> {
        let taken = self.steps.last().ok_or(WalkError::Ended)?;
        if taken.found.is_some() {
            return Err(WalkError::Ended);
        }
        let book = books
            .get(&taken.playbook)
            .ok_or_else(|| WalkError::Unknown(format!("the playbook {}", taken.playbook)))?;
        let step = book
            .step(&taken.step)
            .ok_or_else(|| WalkError::Unknown(format!("the step “{}”", taken.title)))?;
        Ok((book, step))
    }

    /// Records outcome `index` of the current step as found, at `now`, with what the answers
    /// suggested there (see [`suggest`]), and goes on: to the step it leads to, or to its
    /// conclusion, which ends the walk.
    pub fn choose(
        &mut self,
        books: &Playbooks,
        index: usize,
        now: &str,
        suggested: Option<Suggested>,
    ) -> Result<(), WalkError> {
        let (book, step) = self.here(books)?;
        let outcome = step
            .outcomes
            .get(index)
            .ok_or(WalkError::NoOutcome(index))?;
        let next = match &outcome.leads {
            Leads::Next(next) => Some(
                books
                    .resolve(book, next)
                    .ok_or_else(|| WalkError::Unknown(format!("the step “{next}”")))?,
            ),
            Leads::Conclusion(_) => None,
        };
        let taken = self.steps.last_mut().ok_or(WalkError::Ended)?;
        taken.found = Some(outcome.answer.clone());
        taken.at = Some(now.to_owned());
        taken.suggested = suggested;
        match (next, &outcome.leads) {
            (Some((other, target)), _) => self.steps.push(Taken::at_step(other, target)),
            (None, Leads::Conclusion(conclusion)) => taken.conclusion = Some(conclusion.clone()),
            (None, Leads::Next(_)) => {}
        }
        Ok(())
    }

    /// Goes back one step: the last choice is undone (its note stays).
    pub fn back(&mut self) {
        let undo_last = self.steps.last().is_some_and(|taken| taken.found.is_some());
        if !undo_last && self.steps.len() > 1 {
            self.steps.pop();
        }
        if let Some(taken) = self.steps.last_mut() {
            taken.found = None;
            taken.at = None;
            taken.conclusion = None;
            taken.suggested = None;
        }
    }

    /// Starts again from the first step, at `now`; notes are dropped with their steps.
    pub fn restart(&mut self, books: &Playbooks, now: &str) -> Result<(), WalkError> {
        *self = Walk::start(books, &self.playbook, now)?;
        Ok(())
    }

    /// Sets the note of the step the walk is at (or ended at).
    pub fn note(&mut self, text: &str) {
        if let Some(taken) = self.steps.last_mut() {
            text.clone_into(&mut taken.note);
        }
    }
}

/// The outcome of `step` the answers suggest: the first whose `when` holds, with the answers
/// that say so.
pub fn suggest(
    questionnaire: &Questionnaire,
    answers: &Answers,
    step: &Step,
) -> Option<Suggestion> {
    when::suggest(
        questionnaire,
        answers,
        step.outcomes.iter().map(|outcome| outcome.when.as_ref()),
    )
}

impl Suggestion {
    /// As a walk records it at `step`.
    pub fn recorded(&self, step: &Step) -> Option<Suggested> {
        Some(Suggested {
            found: step.outcomes.get(self.outcome)?.answer.clone(),
            because: self
                .because
                .iter()
                .map(|(question, answer)| Said {
                    question: question.clone(),
                    answer: answer.clone(),
                })
                .collect(),
        })
    }
}

/// What the draft's answers say about a step: each question the step names, in words, with the
/// answer given (for a group's question, one line per item; for a group, its items), so the person
/// walking can check them against what they see rather than assume them.
pub fn told(
    questionnaire: &Questionnaire,
    answers: &Answers,
    step: &Step,
) -> Vec<(String, String)> {
    let mut told = Vec::new();
    for id in &step.answers {
        match questionnaire.entry(id) {
            Some(Entry::Question(question)) => {
                let answer = answers.answers.get(id).map_or_else(
                    || display::NOT_ANSWERED.to_owned(),
                    |answer| display::answer(&question.kind, &answer.state),
                );
                told.push((question.label.clone(), answer));
            }
            Some(Entry::Member(group, question)) => {
                let local = id.strip_prefix(&format!("{}.", group.id)).unwrap_or(id);
                for item in answers.groups.get(&group.id).into_iter().flatten() {
                    let answer = item.answers.get(local).map_or_else(
                        || display::NOT_ANSWERED.to_owned(),
                        |answer| display::answer(&question.kind, &answer.state),
                    );
                    told.push((
                        display::question(Some((group, &item.name)), question),
                        answer,
                    ));
                }
            }
            Some(Entry::Group(group)) => {
                let items = answers.groups.get(&group.id).map_or(0, Vec::len);
                let listed = if items == 0 {
                    "None listed".to_owned()
                } else {
                    let names: Vec<&str> = answers.groups[&group.id]
                        .iter()
                        .map(|item| item.name.as_str())
                        .collect();
                    format!("{items} listed: {}", display::quoted_list(&names))
                };
                told.push((group.label.clone(), listed));
            }
            None => {}
        }
    }
    told
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREE: &str = r#"[["network.toml", {"playbook": [
        {"rule": "NET-001", "start": "ends", "step": [
            {"id": "ends", "title": "Compare the ends", "check": "Read both.", "outcome": [
                {"answer": "Same", "next": "path"},
                {"answer": "Different", "conclusion": {"cause": "A mismatch.", "fix": "Match."}}
            ]},
            {"id": "path", "title": "Ping the path", "check": "Ping.", "outcome": [
                {"answer": "Replies", "next": "NET-003"},
                {"answer": "No replies", "conclusion": {"cause": "A hop.", "fix": "Find it."}}
            ]}
        ]},
        {"rule": "NET-003", "start": "carrier", "step": [
            {"id": "carrier", "title": "Ask the carrier", "check": "Ask.", "outcome": [
                {"answer": "Proxying", "conclusion": {"cause": "A proxy.", "fix": "Stop it."}}
            ]}
        ]}
    ]}]]"#;

    fn books() -> Playbooks {
        Playbooks::from_json(TREE).expect("the tree reads")
    }

    #[test]
    fn a_walk_goes_step_by_step_across_playbooks_to_a_conclusion() {
        let books = books();
        let mut walk = Walk::start(&books, "NET-001", "t0").expect("it starts");
        assert_eq!(
            walk.here(&books).expect("a step").1.title,
            "Compare the ends"
        );
        walk.choose(&books, 0, "t1", None).expect("same");
        walk.note("MTU 9000 both ends, read with `ip link`");
        walk.choose(&books, 0, "t2", None).expect("replies");
        let (book, step) = walk.here(&books).expect("a step");
        assert_eq!((book.id.as_str(), step.id.as_str()), ("NET-003", "carrier"));
        walk.choose(&books, 0, "t3", None).expect("proxying");
        assert_eq!(walk.ended().map(|c| c.cause.as_str()), Some("A proxy."));
        assert_eq!(walk.here(&books), Err(WalkError::Ended));
        assert_eq!(walk.choose(&books, 0, "t4", None), Err(WalkError::Ended));
        let path: Vec<(&str, Option<&str>, Option<&str>)> = walk
            .steps
            .iter()
            .map(|t| (t.title.as_str(), t.found.as_deref(), t.at.as_deref()))
            .collect();
        assert_eq!(
            path,
            [
                ("Compare the ends", Some("Same"), Some("t1")),
                ("Ping the path", Some("Replies"), Some("t2")),
                ("Ask the carrier", Some("Proxying"), Some("t3")),
            ]
        );
        assert_eq!(
            walk.steps[1].note,
            "MTU 9000 both ends, read with `ip link`"
        );
    }

    #[test]
    fn back_undoes_one_choice_and_restart_begins_again() {
        let books = books();
        let mut walk = Walk::start(&books, "NET-001", "t0").expect("it starts");
        walk.choose(&books, 1, "t1", None).expect("different");
        assert!(walk.ended().is_some());
        walk.back();
        assert!(walk.ended().is_none());
        assert_eq!(walk.steps.len(), 1);
        assert_eq!(walk.steps[0].found, None);
        walk.choose(&books, 0, "t2", None).expect("same");
        walk.back();
        // Back from a step not yet answered returns to the one before, its choice undone.
        assert_eq!(walk.steps.len(), 1);
        assert_eq!(walk.here(&books).expect("a step").1.id, "ends");
        assert_eq!(
            walk.choose(&books, 5, "t3", None),
            Err(WalkError::NoOutcome(5))
        );
        walk.choose(&books, 0, "t3", None).expect("same");
        walk.restart(&books, "t9").expect("restarts");
        assert_eq!(walk.started_at, "t9");
        assert_eq!(walk.steps.len(), 1);
    }

    #[test]
    fn a_walk_reads_back_and_says_when_its_playbook_is_gone() {
        let books = books();
        let mut walk = Walk::start(&books, "NET-001", "t0").expect("it starts");
        walk.choose(&books, 0, "t1", None).expect("same");
        let back = Walk::from_json(&walk.to_json()).expect("reads");
        assert_eq!(back, walk);
        assert_eq!(
            Walk::start(&books, "NET-999", "t0"),
            Err(WalkError::Unknown("the playbook NET-999".to_owned()))
        );
        let mut stale = walk.clone();
        stale.steps[1].step = "gone".to_owned();
        assert_eq!(
            stale.here(&books).map(|_| ()),
            Err(WalkError::Unknown("the step “Ping the path”".to_owned()))
        );
    }
}

#[cfg(test)]
mod told_tests {
    use super::*;

    #[test]
    fn says_what_the_answers_are_for_questions_group_members_and_groups() {
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        let answers = Answers::from_json(
            r#"{"schema_version": 2, "groups": {"network.links": [
                    {"name": "AMS-EHV", "answers": {"mtu_near": {"value": 9000}}},
                    {"name": "AMS-FRA", "answers": {}}]}}"#,
            questionnaire,
        );
        let step = Step {
            id: "ends".to_owned(),
            title: "Compare the ends".to_owned(),
            check: "Read both.".to_owned(),
            answers: vec![
                "network.links.mtu_near".to_owned(),
                "network.links".to_owned(),
                "no.such".to_owned(),
            ],
            references: Vec::new(),
            outcomes: Vec::new(),
        };
        let answers = answers.expect("the answers read");
        let told = told(questionnaire, &answers, &step);
        assert_eq!(told.len(), 3, "{told:?}");
        assert!(
            told[0].0.contains("“AMS-EHV”") && told[0].0.ends_with("MTU at the near (from) end"),
            "{told:?}"
        );
        assert!(told[0].1.starts_with("9000"), "{told:?}");
        assert_eq!(told[1].1, display::NOT_ANSWERED);
        assert_eq!(told[2].1, "2 listed: “AMS-EHV” and “AMS-FRA”");
    }
}
