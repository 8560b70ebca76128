//! Answers from several people merged into one: the network team's links, the storage team's
//! arrays, the platform team's versions, each in a file of their own, into the one assessment.
//!
//! [`merge`] takes another set of answers into a base, question by question:
//! - an answer only the other has is **added**;
//! - "I don't know" or a blank in one and an answer in the other is **filled** with what is known
//!   (whoever knows, answers);
//! - two answers that say different things are a **conflict**: two values, or a value and "does
//!   not apply", or two reasons it does not apply, or two different notes. The base's answer stays
//!   unless [`Prefer::Other`] says otherwise; either way the conflict is listed with both sides
//!   and where each came from, so nothing is lost.
//!
//! Group items are matched by name (trimmed, without regard to case); an item without a name on
//! either side is matched by position, and the match is listed so a person can check it. Items of
//! the other that match none are added. The base's collector evidence is kept (the other's when
//! the base has none).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::answers::{Answer, Answers, GroupItem, State};
use crate::display;
use crate::questionnaire::{Entry, Kind, Question, Questionnaire};

/// Which side wins a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Prefer {
    Base,
    Other,
}

/// What two different answers to one question are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Two different values.
    Values,
    /// A value on one side, "does not apply" on the other.
    ValueAndNotApplicable,
    /// Both say it does not apply, for different reasons.
    Reasons,
    /// The same answer with two different notes.
    Notes,
}

/// One answer taken from the other side, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Taken {
    /// `platform.vbr_version`, `network.links[AMS1-FRA1].mtu_far`: the question and, in a group,
    /// the item's name.
    pub path: String,
    /// The question as people read it, with the item's name.
    pub question: String,
    pub answer: String,
    /// What the base said before ("I don't know", "Not answered").
    pub instead_of: String,
}

/// Two different answers to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Conflict {
    pub path: String,
    pub question: String,
    pub kind: ConflictKind,
    /// The base's answer in words, with its note and where it came from.
    pub base: String,
    pub other: String,
    /// The side kept.
    pub kept: Prefer,
}

/// How an item of the other side was matched with one of the base.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ItemMatch {
    /// The group, as people read it ("Network links...").
    pub group: String,
    pub base: String,
    pub other: String,
    /// By name, or by position (a side had no name).
    pub by_position: bool,
}

/// The merged answers and what the merge did.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub answers: Answers,
    pub report: MergeReport,
}

/// What a merge did, for a person to check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MergeReport {
    /// Answers only the other side had.
    pub added: Vec<Taken>,
    /// Answers the base did not know, known by the other.
    pub filled: Vec<Taken>,
    pub conflicts: Vec<Conflict>,
    /// Items of the other side added whole, by group and name.
    pub items_added: Vec<String>,
    /// Items matched with the base's, by name or position.
    pub items_matched: Vec<ItemMatch>,
}

impl MergeReport {
    /// "12 answers added, 3 filled, 2 items added, 1 conflict".
    pub fn summary(&self) -> String {
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        [
            count(self.added.len(), "answer added", "answers added"),
            count(self.filled.len(), "filled", "filled"),
            count(self.items_added.len(), "item added", "items added"),
            count(self.conflicts.len(), "conflict", "conflicts"),
        ]
        .join(", ")
    }

    /// Whether a person must decide something: conflicts kept as the base had them.
    pub fn needs_a_person(&self) -> bool {
        !self.conflicts.is_empty()
    }

    fn merge_from(&mut self, other: MergeReport) {
        self.added.extend(other.added);
        self.filled.extend(other.filled);
        self.conflicts.extend(other.conflicts);
        self.items_added.extend(other.items_added);
        self.items_matched.extend(other.items_matched);
    }
}

/// An answer in words, with its note and where it came from.
fn words(kind: &Kind, answer: &Answer) -> String {
    let mut text = display::answer(kind, &answer.state);
    if let Some(note) = answer.note.as_deref().filter(|n| !n.trim().is_empty()) {
        text.push_str(&format!(" (note: {})", note.trim()));
    }
    if let Some(from) = display::provenance(&answer.provenance) {
        text.push_str(&format!(" [{from}]"));
    }
    text
}

/// How two answers to one question relate.
enum Relation {
    Same,
    /// The other knows what the base does not.
    Fill,
    Conflict(ConflictKind),
}

fn relation(base: &Answer, other: &Answer) -> Relation {
    let notes_differ = {
        let note = |a: &Answer| {
            a.note
                .as_deref()
                .map(str::trim)
                .unwrap_or_default()
                .to_owned()
        };
        !note(base).is_empty() && !note(other).is_empty() && note(base) != note(other)
    };
    match (&base.state, &other.state) {
        (State::DontKnow, State::DontKnow) => {
            if notes_differ {
                Relation::Conflict(ConflictKind::Notes)
            } else {
                Relation::Same
            }
        }
        (State::DontKnow, _) => Relation::Fill,
        (_, State::DontKnow) => Relation::Same,
        (State::Value(a), State::Value(b)) if a != b => Relation::Conflict(ConflictKind::Values),
        (State::NotApplicable(a), State::NotApplicable(b)) if a.trim() != b.trim() => {
            Relation::Conflict(ConflictKind::Reasons)
        }
        (State::Value(_), State::NotApplicable(_)) | (State::NotApplicable(_), State::Value(_)) => {
            Relation::Conflict(ConflictKind::ValueAndNotApplicable)
        }
        _ if notes_differ => Relation::Conflict(ConflictKind::Notes),
        _ => Relation::Same,
    }
}

/// Merges one answer of the other into `base` at `path`.
fn merge_answer(
    report: &mut MergeReport,
    base: &mut BTreeMap<String, Answer>,
    key: &str,
    other: &Answer,
    question: Option<(&Question, String)>,
    path: String,
    prefer: Option<Prefer>,
) {
    let fallback = Kind::ShortText;
    let (kind, asked) = match &question {
        Some((question, asked)) => (&question.kind, asked.clone()),
        None => (&fallback, path.clone()),
    };
    match base.get(key) {
        None => {
            report.added.push(Taken {
                path,
                question: asked,
                answer: words(kind, other),
                instead_of: "Not answered".to_owned(),
            });
            base.insert(key.to_owned(), other.clone());
        }
        Some(current) => match relation(current, other) {
            Relation::Same => {
                // Keep the base's; take the other's note when the base has none.
                if current.note.as_deref().is_none_or(|n| n.trim().is_empty())
                    && other.note.as_deref().is_some_and(|n| !n.trim().is_empty())
                    && current.state == other.state
                    && let Some(current) = base.get_mut(key)
                {
                    current.note.clone_from(&other.note);
                }
            }
            Relation::Fill => {
                report.filled.push(Taken {
                    path,
                    question: asked,
                    answer: words(kind, other),
                    instead_of: words(kind, current),
                });
                base.insert(key.to_owned(), other.clone());
            }
            Relation::Conflict(conflict) => {
                let kept = prefer.unwrap_or(Prefer::Base);
                report.conflicts.push(Conflict {
                    path,
                    question: asked,
                    kind: conflict,
                    base: words(kind, current),
                    other: words(kind, other),
                    kept,
                });
                if kept == Prefer::Other {
                    base.insert(key.to_owned(), other.clone());
                }
            }
        },
    }
}

fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Merges `other` into `base`; conflicts keep the base's answer unless `prefer` is
/// [`Prefer::Other`].
pub fn merge(
    questionnaire: &Questionnaire,
    base: &Answers,
    other: &Answers,
    prefer: Option<Prefer>,
) -> Merged {
    let mut merged = base.clone();
    let mut report = MergeReport::default();
    for (id, answer) in &other.answers {
        let question = questionnaire.question(id);
        merge_answer(
            &mut report,
            &mut merged.answers,
            id,
            answer,
            question.map(|q| (q, q.label.clone())),
            id.clone(),
            prefer,
        );
    }
    for (id, items) in &other.groups {
        let group = match questionnaire.entry(id) {
            Some(Entry::Group(group)) => Some(group),
            _ => None,
        };
        let label = group.map_or_else(|| id.clone(), |g| g.label.clone());
        let base_items = merged.groups.entry(id.clone()).or_default();
        let mut matched = vec![false; base_items.len()];
        for (position, item) in items.iter().enumerate() {
            let by_name = (!item.name.trim().is_empty())
                .then(|| {
                    base_items.iter().enumerate().position(|(index, base)| {
                        !matched[index] && name_key(&base.name) == name_key(&item.name)
                    })
                })
                .flatten();
            let by_position = by_name.is_none()
                && position < base_items.len()
                && !matched[position]
                && (item.name.trim().is_empty() || base_items[position].name.trim().is_empty());
            let target = by_name.or(by_position.then_some(position));
            let Some(target) = target else {
                report
                    .items_added
                    .push(format!("{label}: {}", item.name.trim()));
                base_items.push(item.clone());
                matched.push(true);
                continue;
            };
            matched[target] = true;
            let base_item: &mut GroupItem = &mut base_items[target];
            if by_position || base_item.name != item.name {
                report.items_matched.push(ItemMatch {
                    group: label.clone(),
                    base: base_item.name.clone(),
                    other: item.name.clone(),
                    by_position,
                });
            }
            if base_item.name.trim().is_empty() {
                base_item.name.clone_from(&item.name);
            }
            let shown = if base_item.name.trim().is_empty() {
                format!("#{}", target + 1)
            } else {
                base_item.name.trim().to_owned()
            };
            for (local, answer) in &item.answers {
                let question = group.and_then(|g| {
                    g.member(local)
                        .map(|q| (q, display::question(Some((g, &base_item.name)), q)))
                });
                merge_answer(
                    &mut report,
                    &mut base_item.answers,
                    local,
                    answer,
                    question,
                    format!("{id}[{shown}].{local}"),
                    prefer,
                );
            }
        }
    }
    if merged.evidence.is_none() {
        merged.evidence.clone_from(&other.evidence);
    }
    Merged {
        answers: merged,
        report,
    }
}

/// Merges each of `others` into `base` in turn.
pub fn merge_all(
    questionnaire: &Questionnaire,
    base: &Answers,
    others: &[&Answers],
    prefer: Option<Prefer>,
) -> Merged {
    let mut merged = Merged {
        answers: base.clone(),
        report: MergeReport::default(),
    };
    for other in others {
        let next = merge(questionnaire, &merged.answers, other, prefer);
        merged.answers = next.answers;
        merged.report.merge_from(next.report);
    }
    merged
}

/// The section whose answers go with every handed-out part: who the partner is, the engagement.
pub const ENGAGEMENT_SECTION: &str = "engagement";

/// The answers of the chosen `sections` only, with the engagement details: what a colleague is
/// handed to fill in and send back for [`merge`]. The collectors' evidence stays out (it describes
/// the whole platform).
pub fn hand_out(answers: &Answers, sections: &[&str]) -> Answers {
    let chosen = |id: &str| {
        id.split_once('.').is_some_and(|(section, _)| {
            section == ENGAGEMENT_SECTION || sections.contains(&section)
        })
    };
    Answers {
        answers: answers
            .answers
            .iter()
            .filter(|(id, _)| chosen(id))
            .map(|(id, answer)| (id.clone(), answer.clone()))
            .collect(),
        groups: answers
            .groups
            .iter()
            .filter(|(id, _)| chosen(id))
            .map(|(id, items)| (id.clone(), items.clone()))
            .collect(),
        evidence: None,
    }
}
