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
use crate::questionnaire::{Entry, Kind, Questionnaire};

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

/// What one change of a [`Plan`] brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "conflict")]
pub enum ChangeKind {
    /// An answer only the other side has.
    Added,
    /// An answer the base does not know ("I don't know", or an item without a name), known by
    /// the other.
    Filled,
    /// The same answer, with the other's note where the base has none.
    Note,
    /// Two different answers to one question.
    Conflict(ConflictKind),
    /// A group item of the other side that matches none of the base's, added whole.
    Item,
}

/// Where a change lands in the base, and what it takes from the other.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Answer(String),
    Member {
        group: String,
        base: usize,
        other: usize,
        local: String,
    },
    ItemName {
        group: String,
        base: usize,
        other: usize,
    },
    Item {
        group: String,
        other: usize,
    },
}

/// One thing the other side would change in the base, for a person to take or leave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The section it is in.
    pub section: String,
    /// `platform.vbr_version`, `network.links[AMS1-FRA1].mtu_far`.
    pub path: String,
    /// The question as people read it, with the item's name.
    pub question: String,
    pub kind: ChangeKind,
    /// The base's answer in words ("Not answered" when it has none).
    pub base: String,
    /// The other's answer in words.
    pub other: String,
    target: Target,
}

/// How an item of the other side is paired with one of the base's, or added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairing {
    /// The group's id (`network.links`).
    pub group: String,
    /// The other's item, by position in its group.
    pub other: usize,
    pub other_name: String,
    /// The base's item it is merged into; none when it is added as a new item.
    pub base: Option<usize>,
    pub base_name: String,
    /// Paired by position, not by name (an item had no name), or chosen by a person.
    pub by_position: bool,
}

/// A merge laid out change by change, for a person to choose from: what the other side adds,
/// fills and would change, and how its group items are paired with the base's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub pairings: Vec<Pairing>,
}

/// The pairings a person chose, by group and the other's item position: the base's item, or none
/// to add it as a new one. Items not listed are paired by name, then by position.
pub type Chosen = BTreeMap<(String, usize), Option<usize>>;

/// How the other's items of one group pair with the base's: by name (trimmed, without regard to
/// case), then by position where a side has no name, unless `chosen` says otherwise.
fn pair_items(
    group: &str,
    base: &[GroupItem],
    other: &[GroupItem],
    chosen: &Chosen,
) -> Vec<Pairing> {
    let mut taken = vec![false; base.len()];
    // The base's items a person paired already are not paired again by name or position.
    for ((g, position), index) in chosen {
        if let Some(index) = index
            && g == group
            && *position < other.len()
            && *index < base.len()
        {
            taken[*index] = true;
        }
    }
    other
        .iter()
        .enumerate()
        .map(|(position, item)| {
            let (base_index, by_position) = match chosen.get(&(group.to_owned(), position)) {
                Some(choice) => (choice.filter(|index| *index < base.len()), true),
                None => {
                    let by_name = (!item.name.trim().is_empty())
                        .then(|| {
                            base.iter().enumerate().position(|(index, base)| {
                                !taken[index] && name_key(&base.name) == name_key(&item.name)
                            })
                        })
                        .flatten();
                    let by_position = by_name.is_none()
                        && position < base.len()
                        && !taken[position]
                        && (item.name.trim().is_empty() || base[position].name.trim().is_empty());
                    (by_name.or(by_position.then_some(position)), by_position)
                }
            };
            if let Some(index) = base_index {
                taken[index] = true;
            }
            Pairing {
                group: group.to_owned(),
                other: position,
                other_name: item.name.clone(),
                base: base_index,
                base_name: base_index
                    .map(|index| base[index].name.clone())
                    .unwrap_or_default(),
                by_position,
            }
        })
        .collect()
}

/// The change one answer of the other makes to the base's answers, if any.
fn change(
    kind: &Kind,
    current: Option<&Answer>,
    other: &Answer,
) -> Option<(ChangeKind, String, String)> {
    let Some(current) = current else {
        return Some((
            ChangeKind::Added,
            "Not answered".to_owned(),
            words(kind, other),
        ));
    };
    let kind_of = match relation(current, other) {
        Relation::Same => {
            let blank = |a: &Answer| a.note.as_deref().is_none_or(|n| n.trim().is_empty());
            if blank(current) && !blank(other) && current.state == other.state {
                ChangeKind::Note
            } else {
                return None;
            }
        }
        Relation::Fill => ChangeKind::Filled,
        Relation::Conflict(conflict) => ChangeKind::Conflict(conflict),
    };
    Some((kind_of, words(kind, current), words(kind, other)))
}

fn section_of(id: &str) -> String {
    id.split_once('.')
        .map_or(id, |(section, _)| section)
        .to_owned()
}

/// Lays out what merging `other` into `base` would change, the other's items paired by name,
/// then by position, unless `chosen` pairs them otherwise.
pub fn plan(
    questionnaire: &Questionnaire,
    base: &Answers,
    other: &Answers,
    chosen: &Chosen,
) -> Plan {
    let fallback = Kind::ShortText;
    let mut changes = Vec::new();
    for (id, answer) in &other.answers {
        let question = questionnaire.question(id);
        let kind = question.map_or(&fallback, |q| &q.kind);
        if let Some((kind_of, was, now)) = change(kind, base.answers.get(id), answer) {
            changes.push(Change {
                section: section_of(id),
                path: id.clone(),
                question: question.map_or_else(|| id.clone(), |q| q.label.clone()),
                kind: kind_of,
                base: was,
                other: now,
                target: Target::Answer(id.clone()),
            });
        }
    }
    let mut pairings = Vec::new();
    for (id, items) in &other.groups {
        let group = match questionnaire.entry(id) {
            Some(Entry::Group(group)) => Some(group),
            _ => None,
        };
        let label = group.map_or_else(|| id.clone(), |g| g.label.clone());
        let base_items = base.groups.get(id).map(Vec::as_slice).unwrap_or_default();
        let paired = pair_items(id, base_items, items, chosen);
        for pairing in &paired {
            let item = &items[pairing.other];
            let Some(target) = pairing.base else {
                // The new item's answers in words, in the group's order.
                let answers: Vec<String> = group
                    .map(|g| {
                        g.questions
                            .iter()
                            .filter_map(|q| {
                                let local = q.id.get(g.id.len() + 1..)?;
                                let answer = item.answers.get(local)?;
                                Some(format!("{}: {}", q.label, words(&q.kind, answer)))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                changes.push(Change {
                    section: section_of(id),
                    path: format!("{id}[{}]", item.name.trim()),
                    question: group.map_or_else(
                        || format!("{label}: {}", item.name.trim()),
                        |g| display::item(g, item.name.trim()),
                    ),
                    kind: ChangeKind::Item,
                    base: "Not in the list".to_owned(),
                    other: if answers.is_empty() {
                        "A new item, no answers yet".to_owned()
                    } else {
                        answers.join("; ")
                    },
                    target: Target::Item {
                        group: id.clone(),
                        other: pairing.other,
                    },
                });
                continue;
            };
            let base_item = &base_items[target];
            let name = if base_item.name.trim().is_empty() {
                item.name.clone()
            } else {
                base_item.name.clone()
            };
            let shown = if name.trim().is_empty() {
                format!("#{}", target + 1)
            } else {
                name.trim().to_owned()
            };
            if base_item.name.trim().is_empty() && !item.name.trim().is_empty() {
                changes.push(Change {
                    section: section_of(id),
                    path: format!("{id}[#{}].name", target + 1),
                    question: group.map_or_else(
                        || format!("{label}: name"),
                        |g| format!("{}: name", display::item(g, "")),
                    ),
                    kind: ChangeKind::Filled,
                    base: "Not answered".to_owned(),
                    other: item.name.trim().to_owned(),
                    target: Target::ItemName {
                        group: id.clone(),
                        base: target,
                        other: pairing.other,
                    },
                });
            }
            for (local, answer) in &item.answers {
                let member = group.and_then(|g| g.member(local));
                let kind = member.map_or(&fallback, |q| &q.kind);
                if let Some((kind_of, was, now)) =
                    change(kind, base_item.answers.get(local), answer)
                {
                    changes.push(Change {
                        section: section_of(id),
                        path: format!("{id}[{shown}].{local}"),
                        question: match (group, member) {
                            (Some(g), Some(q)) => display::question(Some((g, &name)), q),
                            _ => format!("{id}[{shown}].{local}"),
                        },
                        kind: kind_of,
                        base: was,
                        other: now,
                        target: Target::Member {
                            group: id.clone(),
                            base: target,
                            other: pairing.other,
                            local: local.clone(),
                        },
                    });
                }
            }
        }
        pairings.extend(paired);
    }
    Plan { changes, pairings }
}

impl Plan {
    /// The base with the changes `take` says yes to, taken from `other`: the two sets of answers
    /// this plan was made from. The base's collector evidence is kept (the other's when the base
    /// has none).
    pub fn apply(
        &self,
        base: &Answers,
        other: &Answers,
        take: impl Fn(usize, &Change) -> bool,
    ) -> Answers {
        let mut merged = base.clone();
        for (index, change) in self.changes.iter().enumerate() {
            if !take(index, change) {
                continue;
            }
            match &change.target {
                Target::Answer(id) => {
                    if let Some(answer) = other.answers.get(id) {
                        merged.answers.insert(id.clone(), answer.clone());
                    }
                }
                Target::Member {
                    group,
                    base,
                    other: from,
                    local,
                } => {
                    let answer = other
                        .groups
                        .get(group)
                        .and_then(|items| items.get(*from))
                        .and_then(|item| item.answers.get(local));
                    let item = merged
                        .groups
                        .get_mut(group)
                        .and_then(|items| items.get_mut(*base));
                    if let (Some(answer), Some(item)) = (answer, item) {
                        item.answers.insert(local.clone(), answer.clone());
                    }
                }
                Target::ItemName {
                    group,
                    base,
                    other: from,
                } => {
                    let name = other
                        .groups
                        .get(group)
                        .and_then(|items| items.get(*from))
                        .map(|item| item.name.clone());
                    let item = merged
                        .groups
                        .get_mut(group)
                        .and_then(|items| items.get_mut(*base));
                    if let (Some(name), Some(item)) = (name, item) {
                        item.name = name;
                    }
                }
                Target::Item { group, other: from } => {
                    if let Some(item) = other.groups.get(group).and_then(|items| items.get(*from)) {
                        merged
                            .groups
                            .entry(group.clone())
                            .or_default()
                            .push(item.clone());
                    }
                }
            }
        }
        if merged.evidence.is_none() {
            merged.evidence.clone_from(&other.evidence);
        }
        merged
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
    let plan = plan(questionnaire, base, other, &Chosen::new());
    let kept = prefer.unwrap_or(Prefer::Base);
    let answers = plan.apply(base, other, |_, change| {
        !matches!(change.kind, ChangeKind::Conflict(_)) || kept == Prefer::Other
    });
    let mut report = MergeReport::default();
    for change in &plan.changes {
        let taken = || Taken {
            path: change.path.clone(),
            question: change.question.clone(),
            answer: change.other.clone(),
            instead_of: change.base.clone(),
        };
        match change.kind {
            ChangeKind::Added => report.added.push(taken()),
            ChangeKind::Filled if matches!(change.target, Target::ItemName { .. }) => {}
            ChangeKind::Filled => report.filled.push(taken()),
            ChangeKind::Note => {}
            ChangeKind::Conflict(conflict) => report.conflicts.push(Conflict {
                path: change.path.clone(),
                question: change.question.clone(),
                kind: conflict,
                base: change.base.clone(),
                other: change.other.clone(),
                kept,
            }),
            ChangeKind::Item => {
                if let Target::Item { group, other: from } = &change.target {
                    let label = match questionnaire.entry(group) {
                        Some(Entry::Group(g)) => g.label.as_str(),
                        _ => group.as_str(),
                    };
                    let name = other.groups[group][*from].name.trim();
                    report.items_added.push(format!("{label}: {name}"));
                }
            }
        }
    }
    for pairing in &plan.pairings {
        if pairing.base.is_some()
            && (pairing.by_position || pairing.base_name != pairing.other_name)
        {
            let label = match questionnaire.entry(&pairing.group) {
                Some(Entry::Group(group)) => group.label.clone(),
                _ => pairing.group.clone(),
            };
            report.items_matched.push(ItemMatch {
                group: label,
                base: pairing.base_name.clone(),
                other: pairing.other_name.clone(),
                by_position: pairing.by_position,
            });
        }
    }
    Merged { answers, report }
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
