//! Drafts: answers being worked on, as the app keeps them between visits.
//!
//! A draft holds the answers plus what the partner typed that is not an answer yet: a port of
//! `80a`, a decimal of `1,5,`. Such input is kept exactly as typed ([`Pending`]) so that nothing
//! typed is lost, and reported as a problem until it is fixed. The serialized form carries its own
//! `draft_schema_version`; the answers inside are an answers file with theirs, so they migrate
//! with answers files. Times are given by the caller: the core has no clock.
//!
//! Group items have a stable [`ItemKey`] in a draft: it stays with the item while the item is
//! renamed or moved and others are added or removed, so a list of items can be drawn keyed by it.
//! Paths (`network.links[0].mtu_near`) still name items by position, as validation problems and
//! finding evidence do.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::answers::{
    Answer, Answers, AnswersFileOut, GroupItem, LoadError, State, Value, migrate,
};
use crate::playbooks::walk::Walk;
use crate::questionnaire::{Entry, Kind, Question, Questionnaire};
use crate::validate::{Problem, Severity};

/// The draft schema version this build writes, and the newest it reads.
///
/// 1. The first.
/// 2. Group items carry stable keys (`item_keys`); a draft of schema 1 gets them numbered in order.
/// 3. Playbook walks (`walks`), by the playbook they started from; older drafts have none.
/// 4. A walk's step records what the answers suggested there (`suggested`); older walks have
///    none.
/// 5. The answers are of answers schema 3: an answer may say where it came from (`provenance`).
/// 6. Who answers (`answered_by`, optional) and named snapshots of the answers (`milestones`);
///    older drafts have neither.
pub const DRAFT_SCHEMA_VERSION: u32 = 6;

/// A group item's identity within a draft, unique across the draft's groups and never given to
/// another item of the draft while it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemKey(pub u32);

/// One draft: an engagement's answers while they are being given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Stable id, chosen by the app when the draft is made.
    pub id: String,
    /// The partner's name for it ("Noordkaap 2026 review").
    pub name: String,
    /// RFC 3339 timestamps, given by the app.
    pub created_at: String,
    pub updated_at: String,
    pub answers: Answers,
    /// Input that does not parse as its question's kind yet, by path.
    pub pending: BTreeMap<String, Pending>,
    /// Each group's item keys, in the order of its items. Kept in step with `answers.groups` by
    /// the item methods; a draft whose answers are set another way reads them with
    /// [`Draft::item_keys`], which keys items it has no key for.
    keys: BTreeMap<String, Vec<ItemKey>>,
    /// The key the next new item gets.
    next_key: u32,
    /// The playbooks walked, by the rule or symptom each started from.
    pub walks: BTreeMap<String, Walk>,
    /// Who gives these answers ("Jan, network team"); empty when not said.
    pub answered_by: String,
    /// Named snapshots of the answers, oldest first.
    pub milestones: Vec<Milestone>,
}

/// The answers as they were at a moment a person named: "before engagement", "after
/// remediation".
///
/// A milestone never changes once made, and a draft is cloned, compared and written at every
/// change: its answers are shared rather than copied, and written as an answers file once, so a
/// draft's milestones cost a keystroke next to nothing.
#[derive(Debug, Clone)]
pub struct Milestone {
    pub name: String,
    /// RFC 3339, given by the app.
    pub at: String,
    /// Who answered then, as the draft said.
    pub answered_by: String,
    pub answers: Arc<Answers>,
    /// The answers as an answers file, as the draft writes them.
    file: Arc<RawValue>,
}

impl Milestone {
    pub fn new(name: String, at: String, answered_by: String, answers: Answers) -> Milestone {
        let file = serde_json::value::to_raw_value(&answers.file())
            .unwrap_or_else(|_| unreachable!("answers are plain JSON"));
        Milestone {
            name,
            at,
            answered_by,
            answers: Arc::new(answers),
            file: Arc::from(file),
        }
    }
}

impl PartialEq for Milestone {
    /// Two milestones are the same when their names, times, who answered and answers are: the
    /// answers compared as written (one answers file for one set of answers), at no cost when
    /// both share them.
    fn eq(&self, other: &Milestone) -> bool {
        self.name == other.name
            && self.at == other.at
            && self.answered_by == other.answered_by
            && (Arc::ptr_eq(&self.file, &other.file) || self.file.get() == other.file.get())
    }
}

/// A milestone as stored.
#[derive(Serialize)]
struct MilestoneOut<'a> {
    name: &'a str,
    at: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    answered_by: &'a str,
    answers: &'a RawValue,
}

/// A milestone as read, its answers raw like the draft's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneIn<'a> {
    name: String,
    at: String,
    #[serde(default)]
    answered_by: String,
    #[serde(borrow)]
    answers: &'a RawValue,
}

/// Typed input that is not a value of its question's kind yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    /// Exactly as typed.
    pub typed: String,
    /// The note of the answer it replaced, kept until the input parses again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A group item taken out of a draft, with its pending input, so that it can be put back.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub group: String,
    pub index: usize,
    pub key: ItemKey,
    pub item: GroupItem,
    /// Pending input by the member's local id.
    pub pending: Vec<(String, Pending)>,
}

/// Where an answer lives: a question outside groups, or a question of one group item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path<'a> {
    /// `network.ntp_source`
    Question(&'a str),
    /// `network.links[0].mtu_near`: group id, item index (from 0) and the member's local id.
    Member {
        group: &'a str,
        index: usize,
        local: &'a str,
    },
}

impl<'a> Path<'a> {
    /// Reads a question path as validation problems and finding evidence write it.
    pub fn parse(path: &'a str) -> Option<Path<'a>> {
        let Some((group, rest)) = path.split_once('[') else {
            return Some(Path::Question(path));
        };
        let (index, local) = rest.split_once("].")?;
        Some(Path::Member {
            group,
            index: index.parse().ok()?,
            local,
        })
    }
}

/// Why a draft cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftError {
    /// Not JSON, or not the shape of a draft.
    Malformed(String),
    /// Saved by a newer version of the app.
    NewerSchema { found: u64 },
    /// The answers inside cannot be read.
    Answers(LoadError),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::Malformed(reason) => write!(f, "not a valid draft: {reason}"),
            DraftError::NewerSchema { found } => write!(
                f,
                "this draft was saved by a newer version of VCSP Intake (draft schema {found}); \
                 this version reads schema {DRAFT_SCHEMA_VERSION} and older: update it"
            ),
            DraftError::Answers(error) => write!(f, "the draft's answers: {error}"),
        }
    }
}

impl std::error::Error for DraftError {}

/// A draft as stored.
#[derive(Serialize)]
struct DraftOut<'a> {
    draft_schema_version: u32,
    id: &'a str,
    name: &'a str,
    created_at: &'a str,
    updated_at: &'a str,
    answers: AnswersFileOut<'a>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pending: &'a BTreeMap<String, Pending>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    item_keys: BTreeMap<&'a str, Vec<ItemKey>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    walks: &'a BTreeMap<String, Walk>,
    #[serde(skip_serializing_if = "str::is_empty")]
    answered_by: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    milestones: Vec<MilestoneOut<'a>>,
}

/// A draft as read, its answers still raw so that they go through the answers file reader (and its
/// migrations).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftIn<'a> {
    #[serde(rename = "draft_schema_version")]
    _version: u64,
    id: String,
    name: String,
    created_at: String,
    updated_at: String,
    #[serde(borrow)]
    answers: &'a RawValue,
    #[serde(default)]
    pending: BTreeMap<String, Pending>,
    /// Since schema 2.
    #[serde(default)]
    item_keys: BTreeMap<String, Vec<ItemKey>>,
    /// Since schema 3.
    #[serde(default)]
    walks: BTreeMap<String, Walk>,
    /// Since schema 6.
    #[serde(default)]
    answered_by: String,
    /// Since schema 6.
    #[serde(default, borrow)]
    milestones: Vec<MilestoneIn<'a>>,
}

/// The name of a draft the partner has not named: it then takes its name from the answers.
pub const UNNAMED: &str = "New assessment";

impl Draft {
    /// The draft's name as people see it: the one the partner gave it; or, for a draft not named
    /// (or named [`UNNAMED`], as drafts were before), the partner's and the engagement's names
    /// from the answers; or [`UNNAMED`].
    pub fn title(&self) -> String {
        let name = self.name.trim();
        if !name.is_empty() && name != UNNAMED {
            return name.to_owned();
        }
        let text = |id: &str| match self.answers.answers.get(id).and_then(|a| a.as_value()) {
            Some(Value::Text(text)) if !text.trim().is_empty() => Some(text.trim()),
            _ => None,
        };
        match (
            text("engagement.partner_name"),
            text("engagement.engagement_name"),
        ) {
            (Some(partner), Some(engagement)) => format!("{partner}: {engagement}"),
            (Some(one), None) | (None, Some(one)) => one.to_owned(),
            (None, None) => UNNAMED.to_owned(),
        }
    }

    /// An empty draft.
    pub fn new(id: impl Into<String>, name: impl Into<String>, now: &str) -> Draft {
        Draft {
            id: id.into(),
            name: name.into(),
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            ..Draft::default()
        }
    }

    /// A draft holding answers read from an answers file; its items are keyed in order.
    pub fn from_answers(
        id: impl Into<String>,
        name: impl Into<String>,
        now: &str,
        answers: Answers,
    ) -> Draft {
        let mut draft = Draft::new(id, name, now);
        draft.answers = answers;
        draft.key_items(BTreeMap::new());
        draft
    }

    /// Whether two drafts hold the same content: everything but when they were last saved.
    pub fn same_content(&self, other: &Draft) -> bool {
        self.id == other.id
            && self.name == other.name
            && self.created_at == other.created_at
            && self.answers == other.answers
            && self.pending == other.pending
            && self.keys == other.keys
            && self.walks == other.walks
            && self.answered_by == other.answered_by
            && self.milestones == other.milestones
    }

    /// Keeps the answers as they are now under a name, at `now` (RFC 3339). A name must be given
    /// and not be one of the draft's milestones already (names are compared trimmed, without
    /// regard to case): the reason in words otherwise.
    pub fn add_milestone(&mut self, name: &str, now: &str) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("Give the milestone a name, such as “before engagement”.".to_owned());
        }
        if self
            .milestones
            .iter()
            .any(|milestone| milestone.name.trim().to_lowercase() == name.to_lowercase())
        {
            return Err(format!(
                "This draft has a milestone called “{name}” already: choose another name."
            ));
        }
        self.milestones.push(Milestone::new(
            name.to_owned(),
            now.to_owned(),
            self.answered_by.clone(),
            self.answers.clone(),
        ));
        Ok(())
    }

    /// Writes the draft as JSON (compact: drafts are written on every change).
    pub fn to_json(&self) -> String {
        serde_json::to_string(&DraftOut {
            draft_schema_version: DRAFT_SCHEMA_VERSION,
            id: &self.id,
            name: &self.name,
            created_at: &self.created_at,
            updated_at: &self.updated_at,
            answers: self.answers.file(),
            pending: &self.pending,
            item_keys: self
                .answers
                .groups
                .keys()
                .map(|group| (group.as_str(), self.item_keys(group)))
                .collect(),
            walks: &self.walks,
            answered_by: &self.answered_by,
            milestones: self
                .milestones
                .iter()
                .map(|milestone| MilestoneOut {
                    name: &milestone.name,
                    at: &milestone.at,
                    answered_by: &milestone.answered_by,
                    answers: &milestone.file,
                })
                .collect(),
        })
        .unwrap_or_else(|_| unreachable!("a draft is plain JSON"))
    }

    /// Reads a draft saved by this or an older version of the app.
    pub fn from_json(text: &str, questionnaire: &Questionnaire) -> Result<Draft, DraftError> {
        #[derive(Deserialize)]
        struct Probe {
            draft_schema_version: Option<serde_json::Value>,
        }
        let malformed = |error: serde_json::Error| DraftError::Malformed(error.to_string());
        let probe: Probe = serde_json::from_str(text).map_err(malformed)?;
        let version = probe
            .draft_schema_version
            .and_then(|version| version.as_u64())
            .ok_or_else(|| {
                DraftError::Malformed(
                    "`draft_schema_version` is missing or not a whole number".into(),
                )
            })?;
        match version {
            1.. if version <= u64::from(DRAFT_SCHEMA_VERSION) => {}
            0 => {
                return Err(DraftError::Malformed(
                    "draft schema version 0 does not exist: versions start at 1".into(),
                ));
            }
            newer => return Err(DraftError::NewerSchema { found: newer }),
        }
        let file: DraftIn<'_> = serde_json::from_str(text).map_err(malformed)?;
        let answers =
            Answers::from_json(file.answers.get(), questionnaire).map_err(DraftError::Answers)?;
        /// The answers' schema version, to move input kept for questions that moved with them.
        #[derive(Deserialize)]
        struct AnswersProbe {
            schema_version: u64,
        }
        let pending = match serde_json::from_str::<AnswersProbe>(file.answers.get()) {
            Ok(AnswersProbe { schema_version: 1 }) => file
                .pending
                .into_iter()
                .map(|(path, input)| (migrate::path_in_v2(&path), input))
                .collect(),
            _ => file.pending,
        };
        let milestones =
            file.milestones
                .into_iter()
                .map(|milestone| {
                    let answers = Answers::from_json(milestone.answers.get(), questionnaire)
                        .map_err(|error| {
                            DraftError::Malformed(format!(
                                "the answers of milestone “{}”: {error}",
                                milestone.name
                            ))
                        })?;
                    Ok(Milestone::new(
                        milestone.name,
                        milestone.at,
                        milestone.answered_by,
                        answers,
                    ))
                })
                .collect::<Result<_, DraftError>>()?;
        let mut draft = Draft {
            id: file.id,
            name: file.name,
            created_at: file.created_at,
            updated_at: file.updated_at,
            answers,
            pending,
            walks: file.walks,
            answered_by: file.answered_by,
            milestones,
            ..Draft::default()
        };
        draft.key_items(file.item_keys);
        Ok(draft)
    }

    /// Takes the stored keys of each group's items where they are sound (one per item, none used
    /// twice) and numbers the items of every other group afresh: keys are the app's, not the
    /// partner's, so a draft with broken ones still opens with nothing lost.
    fn key_items(&mut self, mut stored: BTreeMap<String, Vec<ItemKey>>) {
        let mut seen = std::collections::HashSet::new();
        let mut keys = BTreeMap::new();
        let mut unkeyed = Vec::new();
        for (group, items) in &self.answers.groups {
            match stored.remove(group) {
                Some(given)
                    if given.len() == items.len() && given.iter().all(|key| seen.insert(*key)) =>
                {
                    keys.insert(group.clone(), given);
                }
                _ => unkeyed.push((group.clone(), items.len())),
            }
        }
        self.next_key = seen.iter().map(|key| key.0 + 1).max().unwrap_or(0);
        self.keys = keys;
        for (group, count) in unkeyed {
            let fresh = (0..count).map(|_| self.new_key()).collect();
            self.keys.insert(group, fresh);
        }
    }

    fn new_key(&mut self) -> ItemKey {
        let key = ItemKey(self.next_key);
        self.next_key += 1;
        key
    }

    /// The keys of a group's items, in their order. Items without one (answers set other than by
    /// the item methods) get keys above every key given so far.
    pub fn item_keys(&self, group: &str) -> Vec<ItemKey> {
        let count = self.items(group).len();
        let mut keys: Vec<ItemKey> = self
            .keys
            .get(group)
            .into_iter()
            .flatten()
            .copied()
            .take(count)
            .collect();
        let mut next = self.next_key;
        while keys.len() < count {
            keys.push(ItemKey(next));
            next += 1;
        }
        keys
    }

    /// A group's keys, one per item, to change with its items.
    fn group_keys(&mut self, group: &str) -> &mut Vec<ItemKey> {
        let keys = self.item_keys(group);
        if let Some(last) = keys.iter().map(|key| key.0 + 1).max() {
            self.next_key = self.next_key.max(last);
        }
        let slot = self.keys.entry(group.to_owned()).or_default();
        *slot = keys;
        slot
    }

    /// The answer at a path.
    pub fn answer(&self, path: &str) -> Option<&Answer> {
        match Path::parse(path)? {
            Path::Question(id) => self.answers.answers.get(id),
            Path::Member {
                group,
                index,
                local,
            } => self
                .answers
                .groups
                .get(group)?
                .get(index)?
                .answers
                .get(local),
        }
    }

    /// Sets or (with `None`) removes the answer at a path; input pending there is dropped. A path
    /// into a group item that does not exist is ignored.
    pub fn set_answer(&mut self, path: &str, answer: Option<Answer>) {
        self.pending.remove(path);
        let Some(slot) = self.slot(path) else {
            return;
        };
        match answer {
            Some(answer) => {
                slot.insert(key(path).to_owned(), answer);
            }
            None => {
                slot.remove(key(path));
            }
        }
    }

    /// Records what was typed into a question's input: a value when it parses, pending input
    /// otherwise. An answer's note is kept either way.
    pub fn type_input(&mut self, path: &str, kind: &Kind, typed: &str) {
        let note = self
            .answer(path)
            .and_then(|answer| answer.note.clone())
            .or_else(|| {
                self.pending
                    .get(path)
                    .and_then(|pending| pending.note.clone())
            });
        match parse_input(kind, typed) {
            Ok(Some(value)) => {
                self.set_answer(path, Some(Answer::stated(State::Value(value), note)))
            }
            Ok(None) if note.is_some() => {
                self.set_answer(path, None);
                self.pending.insert(
                    path.to_owned(),
                    Pending {
                        typed: String::new(),
                        note,
                    },
                );
            }
            Ok(None) => self.set_answer(path, None),
            Err(_) => {
                self.set_answer(path, None);
                self.pending.insert(
                    path.to_owned(),
                    Pending {
                        typed: typed.to_owned(),
                        note,
                    },
                );
            }
        }
    }

    /// Sets the note of the answer at a path (an empty note removes it). A note on a question
    /// with no answer yet waits in [`Draft::pending`].
    pub fn set_note(&mut self, path: &str, note: &str) {
        let note = (!note.trim().is_empty()).then(|| note.to_owned());
        if let Some(pending) = self.pending.get_mut(path) {
            pending.note = note;
            if pending.typed.is_empty() && pending.note.is_none() {
                self.pending.remove(path);
            }
            return;
        }
        if let Some(answer) = self.slot(path).and_then(|slot| slot.get_mut(key(path))) {
            answer.note = note;
        } else if let Some(note) = note {
            self.pending.insert(
                path.to_owned(),
                Pending {
                    typed: String::new(),
                    note: Some(note),
                },
            );
        }
    }

    /// The note at a path, on the answer or waiting for one.
    pub fn note(&self, path: &str) -> Option<&str> {
        self.answer(path)
            .and_then(|answer| answer.note.as_deref())
            .or_else(|| self.pending.get(path)?.note.as_deref())
    }

    /// Sets an answer's value, keeping its note.
    pub fn set_value(&mut self, path: &str, value: Option<Value>) {
        let note = self.note(path).map(str::to_owned);
        match value {
            Some(value) => self.set_answer(path, Some(Answer::stated(State::Value(value), note))),
            None => self.set_state(path, None),
        }
    }

    /// Sets an answer's state ("don't know", "not applicable"...), keeping its note; `None` clears
    /// the answer and keeps just the note.
    pub fn set_state(&mut self, path: &str, state: Option<State>) {
        let note = self.note(path).map(str::to_owned);
        match state {
            Some(state) => self.set_answer(path, Some(Answer::stated(state, note))),
            None => {
                self.set_answer(path, None);
                if note.is_some() {
                    self.pending.insert(
                        path.to_owned(),
                        Pending {
                            typed: String::new(),
                            note,
                        },
                    );
                }
            }
        }
    }

    /// The answers map a path's answer goes in, made for a question outside groups; `None` for an
    /// item that does not exist.
    fn slot(&mut self, path: &str) -> Option<&mut BTreeMap<String, Answer>> {
        match Path::parse(path)? {
            Path::Question(_) => Some(&mut self.answers.answers),
            Path::Member { group, index, .. } => self
                .answers
                .groups
                .get_mut(group)?
                .get_mut(index)
                .map(|item| &mut item.answers),
        }
    }

    /// The items of a group.
    pub fn items(&self, group: &str) -> &[GroupItem] {
        self.answers.groups.get(group).map_or(&[], Vec::as_slice)
    }

    /// Adds an item at the end of a group; returns its index.
    pub fn add_item(&mut self, group: &str, name: &str) -> usize {
        let key = self.new_key();
        self.group_keys(group).push(key);
        let items = self.answers.groups.entry(group.to_owned()).or_default();
        items.push(GroupItem {
            name: name.to_owned(),
            answers: BTreeMap::new(),
        });
        items.len() - 1
    }

    /// Renames an item.
    pub fn rename_item(&mut self, group: &str, index: usize, name: &str) {
        if let Some(item) = self
            .answers
            .groups
            .get_mut(group)
            .and_then(|items| items.get_mut(index))
        {
            name.clone_into(&mut item.name);
        }
    }

    /// Copies an item, answers and pending input included, to just after it, named `name`; the
    /// copy gets a key of its own.
    pub fn duplicate_item(&mut self, group: &str, index: usize, name: &str) {
        let Some(mut copy) = self.items(group).get(index).cloned() else {
            return;
        };
        let key = self.new_key();
        self.group_keys(group).insert(index + 1, key);
        name.clone_into(&mut copy.name);
        self.answers
            .groups
            .entry(group.to_owned())
            .or_default()
            .insert(index + 1, copy);
        self.reindex(group, |i| Some(if i > index { i + 1 } else { i }));
        let copied: Vec<(String, Pending)> = self
            .pending
            .iter()
            .filter_map(|(path, pending)| match Path::parse(path)? {
                Path::Member {
                    group: g,
                    index: i,
                    local,
                } if g == group && i == index => {
                    Some((format!("{group}[{}].{local}", index + 1), pending.clone()))
                }
                _ => None,
            })
            .collect();
        self.pending.extend(copied);
    }

    /// Moves an item, with its key, from one position to another.
    pub fn move_item(&mut self, group: &str, from: usize, to: usize) {
        let count = self.items(group).len();
        if from >= count || to >= count || from == to {
            return;
        }
        let keys = self.group_keys(group);
        let key = keys.remove(from);
        keys.insert(to, key);
        if let Some(items) = self.answers.groups.get_mut(group) {
            let item = items.remove(from);
            items.insert(to, item);
        }
        self.reindex(group, |i| {
            Some(if i == from {
                to
            } else if from < to && (from + 1..=to).contains(&i) {
                i - 1
            } else if to < from && (to..from).contains(&i) {
                i + 1
            } else {
                i
            })
        });
    }

    /// Removes an item, with its answers and pending input; what was removed can be put back
    /// with [`Draft::restore`].
    pub fn remove_item(&mut self, group: &str, index: usize) -> Option<Removed> {
        if index >= self.items(group).len() {
            return None;
        }
        let key = self.group_keys(group).remove(index);
        let items = self.answers.groups.get_mut(group)?;
        let item = items.remove(index);
        if items.is_empty() {
            self.answers.groups.remove(group);
            self.keys.remove(group);
        }
        let prefix = format!("{group}[{index}].");
        let pending = self
            .pending
            .iter()
            .filter_map(|(path, pending)| {
                let local = path.strip_prefix(&prefix)?;
                Some((local.to_owned(), pending.clone()))
            })
            .collect();
        self.reindex(group, |i| match i.cmp(&index) {
            std::cmp::Ordering::Less => Some(i),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(i - 1),
        });
        Some(Removed {
            group: group.to_owned(),
            index,
            key,
            item,
            pending,
        })
    }

    /// Puts a removed item back where it was (or at the end, if the group has shrunk since), under
    /// its key unless another item has taken it since.
    pub fn restore(&mut self, removed: Removed) {
        let index = removed.index.min(self.items(&removed.group).len());
        let taken = self.keys.values().flatten().any(|key| *key == removed.key);
        let key = if taken { self.new_key() } else { removed.key };
        self.next_key = self.next_key.max(key.0 + 1);
        self.group_keys(&removed.group).insert(index, key);
        self.answers
            .groups
            .entry(removed.group.clone())
            .or_default()
            .insert(index, removed.item);
        self.reindex(&removed.group, |i| Some(if i >= index { i + 1 } else { i }));
        for (local, pending) in removed.pending {
            self.pending
                .insert(format!("{}[{index}].{local}", removed.group), pending);
        }
    }

    /// Moves pending input of a group's items to their new indexes (`None`: the item is gone).
    fn reindex(&mut self, group: &str, new_index: impl Fn(usize) -> Option<usize>) {
        let pending = std::mem::take(&mut self.pending);
        self.pending = pending
            .into_iter()
            .filter_map(|(path, pending)| match Path::parse(&path) {
                Some(Path::Member {
                    group: g,
                    index,
                    local,
                }) if g == group => {
                    new_index(index).map(|i| (format!("{group}[{i}].{local}"), pending))
                }
                _ => Some((path, pending)),
            })
            .collect();
    }

    /// Problems with pending input, one per path that holds typed text.
    pub fn pending_problems(&self, questionnaire: &Questionnaire) -> Vec<Problem> {
        self.pending
            .iter()
            .filter(|(_, pending)| !pending.typed.is_empty())
            .filter_map(|(path, pending)| {
                let question = question_at(questionnaire, path)?;
                let message = parse_input(&question.kind, &pending.typed).err()?;
                Some(Problem {
                    path: path.clone(),
                    severity: Severity::Error,
                    message,
                })
            })
            .collect()
    }
}

/// The key an answer has in its map: the id outside groups, the local id in items.
fn key(path: &str) -> &str {
    match Path::parse(path) {
        Some(Path::Member { local, .. }) => local,
        _ => path,
    }
}

/// The question a path asks.
pub fn question_at<'q>(questionnaire: &'q Questionnaire, path: &str) -> Option<&'q Question> {
    match Path::parse(path)? {
        Path::Question(id) => match questionnaire.entry(id)? {
            Entry::Question(question) => Some(question),
            _ => None,
        },
        Path::Member { group, local, .. } => match questionnaire.entry(group)? {
            Entry::Group(group) => group.member(local),
            _ => None,
        },
    }
}

/// Reads what was typed into a text input of a question's kind: `Ok(None)` when it is empty, the
/// value when it parses, and otherwise what is wrong, in words.
///
/// Numbers must parse; every other text-like kind is kept as typed and checked by validation, so
/// `Err` only ever comes from numbers. Choices, yes/no and windows have inputs of their own.
///
/// Numbers may group thousands, in whole numbers and in the whole part of decimals, in the usual
/// pattern only: 1 to 3 digits (not a leading 0), then groups of exactly 3, all separated by the
/// same one of `,` (`9,000`, `1,500,000`), a space (`9 000`; also the no-break and thin spaces
/// that numbers copied from documents carry), `'` or `’` (`1'500`) or `_`. Anything else keeps
/// the message saying what to type (`1,50` and `1 5 0 0` are not numbers). Besides:
///
/// - a dot never groups: in a whole number `9.000` could be nine thousand or nine, so it is
///   refused with a message saying so;
/// - in a decimal, one comma is the decimal comma (`2,5` is 2.5), except where it could as well
///   group thousands: one comma after 1 to 3 digits and before exactly 3 (`1,500`), which is
///   refused with a message saying so (it could be 1500 or 1.5); several commas group
///   (`1,500,000`);
/// - a comma and a dot together are read only in the English pattern, commas grouping before one
///   decimal dot (`1,500.5` is 1500.5); `1.500,5` is refused.
pub fn parse_input(kind: &Kind, typed: &str) -> Result<Option<Value>, String> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match kind {
        Kind::Integer { .. } | Kind::Port => whole_number(trimmed).map(|n| Some(Value::Integer(n))),
        Kind::Decimal { .. } => decimal(trimmed).map(|x| Some(Value::Decimal(x))),
        _ => Ok(Some(Value::Text(typed.to_owned()))),
    }
}

/// What may separate groups of three digits ([`parse_input`]): comma, space, no-break space,
/// narrow no-break space, thin space, apostrophes and underscore.
const GROUP_SEPARATORS: [char; 8] = [',', ' ', '\u{a0}', '\u{202f}', '\u{2009}', '\'', '’', '_'];

/// A whole number, with its thousands grouped or not ([`parse_input`]).
fn whole_number(text: &str) -> Result<i64, String> {
    let (sign, body) = signed(text);
    if let Some(digits) = ungrouped(body, &GROUP_SEPARATORS) {
        if let Ok(n) = format!("{sign}{digits}").parse::<i64>() {
            return Ok(n);
        }
    } else if let Some(digits) = ungrouped(body, &['.']) {
        return Err(format!(
            "“{text}” could be read with the dot as a thousands separator or as a decimal \
             point: type the whole number without the dot, like {digits}"
        ));
    }
    Err(format!(
        "“{text}” is not a whole number: type digits only, like 1500"
    ))
}

/// A decimal number: a decimal dot, or a decimal comma, and thousands grouped or not
/// ([`parse_input`]).
fn decimal(text: &str) -> Result<f64, String> {
    let not_a_number = || format!("“{text}” is not a number: type it like 2.5");
    let finite = |x: f64| {
        if x.is_finite() {
            Ok(x)
        } else {
            Err(not_a_number())
        }
    };
    if let Ok(x) = text.parse::<f64>() {
        return finite(x);
    }
    let (sign, body) = signed(text);
    let (whole, fraction) = match (body.matches('.').count(), body.matches(',').count()) {
        (0, 1) => {
            let (whole, fraction) = body.split_once(',').unwrap_or((body, ""));
            let could_group = fraction.len() == 3
                && (1..=3).contains(&whole.len())
                && !whole.starts_with('0')
                && whole.bytes().all(|b| b.is_ascii_digit());
            if could_group {
                return Err(format!(
                    "“{text}” could mean {sign}{whole}{fraction} (the comma separating \
                     thousands) or {sign}{whole}.{fraction} (a decimal comma): type it without \
                     the comma, or with a dot for decimals"
                ));
            }
            (whole, fraction)
        }
        (1, _) => body.split_once('.').unwrap_or((body, "")),
        (0, _) => (body, ""),
        _ => return Err(not_a_number()),
    };
    let digits = if whole.is_empty() && !fraction.is_empty() {
        "0".to_owned()
    } else {
        ungrouped(whole, &GROUP_SEPARATORS).ok_or_else(not_a_number)?
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_a_number());
    }
    let number = if fraction.is_empty() {
        format!("{sign}{digits}")
    } else {
        format!("{sign}{digits}.{fraction}")
    };
    number
        .parse::<f64>()
        .map_err(|_| not_a_number())
        .and_then(finite)
}

/// A leading `-` or `+`, and the rest.
fn signed(text: &str) -> (&str, &str) {
    if text.starts_with(['-', '+']) {
        text.split_at(1)
    } else {
        ("", text)
    }
}

/// The digits of a whole number without its grouping: plain digits, or 1 to 3 digits (not a
/// leading 0) then groups of exactly 3, separated throughout by the same one of `separators`.
fn ungrouped(text: &str, separators: &[char]) -> Option<String> {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let Some(separator) = text.chars().find(|c| !c.is_ascii_digit()) else {
        return digits(text).then(|| text.to_owned());
    };
    if !separators.contains(&separator) {
        return None;
    }
    let mut groups = text.split(separator);
    let first = groups.next().unwrap_or_default();
    let well_formed = digits(first)
        && first.len() <= 3
        && !first.starts_with('0')
        && groups.all(|group| group.len() == 3 && digits(group));
    well_formed.then(|| text.chars().filter(char::is_ascii_digit).collect())
}

/// How a value shows in a text input: the inverse of [`parse_input`] for numbers and text.
pub fn input_text(value: &Value) -> String {
    match value {
        Value::Integer(n) => n.to_string(),
        Value::Decimal(x) => x.to_string(),
        Value::Text(text) => text.clone(),
        other => crate::display::value(&Kind::ShortText, other),
    }
}
