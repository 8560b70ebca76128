//! Facts: answers as rules read them, each with the path and the value shown as evidence.
//!
//! A fact is known, "don't know", missing (the question applies but has no answer), or not
//! applicable (answered so, or hidden by the partner's other answers). Rules turn unknown and
//! missing facts into needs-verification findings through [`super::Check::known`]: "verify,
//! don't assume".

use std::fmt;

use crate::answers::{Answer, Answers, GroupItem, State, Value};
use crate::display;
use crate::questionnaire::{Entry, Group, Precision, Questionnaire};
use crate::relevance::{Blocker, Relevance};
use crate::values::{self, TimeWindow, Version};

/// What the rules know of one answer.
///
/// A fact borrows the answer it was read from; its path and the answer as shown in evidence are
/// only written out when a finding needs them. Rules read thousands of facts per assessment and
/// report few of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact<'a, T> {
    pub state: FactState<T>,
    origin: Origin<'a>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FactState<T> {
    Known(T),
    DontKnow,
    /// The question applies but has no answer (or an answer that is not well formed).
    Missing,
    /// Answered "not applicable", or hidden by the partner's other answers.
    NotApplicable,
}

/// Where a fact comes from, to write its path and shown value on demand.
#[derive(Debug, Clone, PartialEq)]
enum Origin<'a> {
    /// Read from an answer (or its absence).
    Answer {
        at: At<'a>,
        answer: Option<&'a Answer>,
        shown: bool,
    },
    /// Worked out by a rule from other facts, e.g. a count of items.
    Derived { path: String, shown: String },
    /// Read from a collector's export kept with the answers: `place` says which export, sheet or
    /// CSV file and row, in words.
    Collected {
        path: String,
        place: String,
        shown: String,
    },
}

impl Origin<'_> {
    fn path(&self) -> String {
        match self {
            Origin::Answer { at, .. } => match at {
                At::Question(id) => (*id).to_owned(),
                At::Member(group, index, _, local) => format!("{group}[{index}].{local}"),
            },
            Origin::Derived { path, .. } | Origin::Collected { path, .. } => path.clone(),
        }
    }

    fn shown(&self) -> String {
        match self {
            Origin::Answer { shown: false, .. } => "does not apply".to_owned(),
            Origin::Answer { answer: None, .. } => "not answered".to_owned(),
            Origin::Answer {
                answer: Some(answer),
                ..
            } => match &answer.state {
                State::DontKnow => "don't know".to_owned(),
                State::NotApplicable(reason) => format!("not applicable: {reason}"),
                State::Value(value) => show(value),
            },
            Origin::Derived { shown, .. } | Origin::Collected { shown, .. } => shown.clone(),
        }
    }

    /// The question and the answer as a reader sees them: labels, item names, choice labels.
    fn readable(&self, questionnaire: &Questionnaire) -> (String, String) {
        match self {
            Origin::Answer { at, answer, shown } => {
                let (question, text) = match *at {
                    At::Question(id) => match questionnaire.question(id) {
                        Some(question) => (question.label.clone(), Some(question)),
                        None => (id.to_owned(), None),
                    },
                    At::Member(group_id, _, name, local) => match questionnaire.entry(group_id) {
                        Some(Entry::Group(group)) => match group.member(local) {
                            Some(member) => {
                                (display::question(Some((group, name)), member), Some(member))
                            }
                            None => (display::item(group, name), None),
                        },
                        _ => (self.path(), None),
                    },
                };
                let answer = match (shown, answer, text) {
                    (false, _, _) => display::HIDDEN.to_owned(),
                    (true, None, _) => display::NOT_ANSWERED.to_owned(),
                    (true, Some(answer), Some(asked)) => {
                        display::answer(&asked.kind, &answer.state)
                    }
                    (true, Some(_), None) => self.shown(),
                };
                (question, answer)
            }
            Origin::Derived { path, shown } => {
                let question = match questionnaire.entry(path) {
                    Some(Entry::Group(group)) => group.label.clone(),
                    Some(Entry::Question(question) | Entry::Member(_, question)) => {
                        question.label.clone()
                    }
                    None => path.clone(),
                };
                (question, shown.clone())
            }
            Origin::Collected { place, shown, .. } => (place.clone(), shown.clone()),
        }
    }
}

/// A question path: `network.ntp_source`, or `network.links[2].mtu_far` in a group item (the
/// group's id, the item's position and name, the question's id within the group).
#[derive(Debug, Clone, Copy, PartialEq)]
enum At<'a> {
    Question(&'a str),
    Member(&'a str, usize, &'a str, &'a str),
}

/// One answer shown as evidence for a finding: where it is and what it says, for machines
/// (`path`, `value`: question ids and choice ids) and for people (`question`, `answer`: labels,
/// item names and choice labels).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
pub struct Evidence {
    /// The question's path: `cloud_connect.gateways[0].lb_mode`.
    pub path: String,
    /// The answer as stored: choice ids, `yes`/`no`, `don't know`, `not answered`.
    pub value: String,
    /// The question as people read it: `Gateway “gw-01”: What sits in front of this gateway?`.
    pub question: String,
    /// The answer as people read it: choice labels, units, "I don't know", "Not answered".
    pub answer: String,
}

/// Evidence not written out yet: where a fact came from. Rules take it from every fact they
/// read, before they know whether they will report anything; it becomes [`Evidence`] only when
/// a finding is recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Proof<'a>(Origin<'a>);

impl Proof<'_> {
    /// Evidence read from a collector's export: `path` for machines (`evidence/0/vHost/12`),
    /// `place` and `shown` for people ("RVTools (export.xlsx, sheet vHost, row 12; collected
    /// 2026-11-20 14:03)", "`MTU` 9000").
    pub(crate) fn collected(path: String, place: String, shown: String) -> Proof<'static> {
        Proof(Origin::Collected { path, place, shown })
    }

    /// The answer as the partner gave it, for a message.
    pub fn shown(&self) -> String {
        self.0.shown()
    }

    /// What a to-verify finding says of a fact answered "I don't know": the question in the
    /// partner's words, and the item it is about.
    pub fn unknown_message(&self, questionnaire: &Questionnaire) -> String {
        format!("Not known: {}", self.named(questionnaire))
    }

    /// What a to-verify finding says of a version less precise than a rule needs: the question in
    /// the partner's words and the item it is about, the answer, the precision the question asks
    /// for (`asked`), and what could not be checked (`consequence`).
    pub fn imprecise_message(
        &self,
        questionnaire: &Questionnaire,
        asked: Option<&Precision>,
        consequence: &str,
    ) -> String {
        let asked = asked.map_or_else(String::new, |precision| {
            format!(
                ", and the question asks for {} numbers, like {}",
                precision.parts, precision.example
            )
        });
        format!(
            "Not precise enough: {} is “{}”{asked}: {consequence}",
            self.named(questionnaire),
            self.shown().trim()
        )
    }

    /// The question in the partner's words, with the item it is about: `“MTU at the far (to)
    /// end” for link “ZWL-AMS IPsec”`.
    fn named(&self, questionnaire: &Questionnaire) -> String {
        match &self.0 {
            Origin::Answer {
                at: At::Member(group_id, _, name, local),
                ..
            } => match questionnaire.entry(group_id) {
                Some(Entry::Group(group)) => {
                    let label = group.member(local).map_or(*local, |q| q.label.as_str());
                    let item = display::item(group, name);
                    let item = lowercase_first(&item);
                    format!("“{label}” for {item}")
                }
                _ => self.0.path(),
            },
            _ => {
                let (question, _) = self.0.readable(questionnaire);
                format!("“{question}”")
            }
        }
    }

    /// The precision the question of this fact asks of its answer: for a group member, on the
    /// answers of its item.
    pub(super) fn precision_asked<'q>(
        &self,
        questionnaire: &'q Questionnaire,
        answers: &'q Answers,
        relevance: &Relevance<'q>,
    ) -> Option<&'q Precision> {
        let Origin::Answer { at, .. } = &self.0 else {
            return None;
        };
        match *at {
            At::Question(id) => relevance.precision_asked(questionnaire.question(id)?, None),
            At::Member(group_id, index, _, local) => {
                let Some(Entry::Group(group)) = questionnaire.entry(group_id) else {
                    return None;
                };
                let item = answers.groups.get(group_id)?.get(index)?;
                relevance.precision_asked(group.member(local)?, Some((group, item)))
            }
        }
    }

    pub fn render(&self, questionnaire: &Questionnaire) -> Evidence {
        let (question, answer) = self.0.readable(questionnaire);
        Evidence {
            path: self.0.path(),
            value: self.0.shown(),
            question,
            answer,
        }
    }
}

impl<'a, T> Fact<'a, T> {
    /// A fact a rule worked out itself, with the path and value to show as evidence.
    pub fn derived(path: String, state: FactState<T>, shown: String) -> Fact<'a, T> {
        Fact {
            state,
            origin: Origin::Derived { path, shown },
        }
    }

    /// The question path.
    pub fn path(&self) -> String {
        self.origin.path()
    }

    /// The answer as the partner gave it.
    pub fn shown(&self) -> String {
        self.origin.shown()
    }

    /// What to show as evidence if a finding cites this fact.
    pub fn evidence(&self) -> Proof<'a> {
        Proof(self.origin.clone())
    }

    /// Whether the partner answered "Does not apply", as opposed to the question being hidden by
    /// other answers (both read as [`FactState::NotApplicable`]).
    pub fn said_not_applicable(&self) -> bool {
        matches!(self.state, FactState::NotApplicable)
            && matches!(
                &self.origin,
                Origin::Answer { shown: true, answer: Some(answer), .. }
                    if matches!(answer.state, crate::answers::State::NotApplicable(_))
            )
    }

    /// The value, when known.
    pub fn value(&self) -> Option<&T> {
        match &self.state {
            FactState::Known(value) => Some(value),
            _ => None,
        }
    }

    fn map<U>(self, read: impl FnOnce(T) -> Option<U>) -> Fact<'a, U> {
        let state = match self.state {
            FactState::Known(value) => read(value).map_or(FactState::Missing, FactState::Known),
            FactState::DontKnow => FactState::DontKnow,
            FactState::Missing => FactState::Missing,
            FactState::NotApplicable => FactState::NotApplicable,
        };
        Fact {
            state,
            origin: self.origin,
        }
    }
}

/// `Gateway “gw”` → `gateway “gw”`, for the middle of a sentence.
pub(super) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How an answer's value is shown in evidence.
pub fn show(value: &Value) -> String {
    match value {
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::Integer(n) => n.to_string(),
        Value::Decimal(x) => x.to_string(),
        Value::Text(text) => text.clone(),
        Value::Choices(choices) => choices.join(", "),
        Value::Window(window) => {
            format!("{}-{} {}", window.start, window.end, window.days.join(","))
        }
    }
}

/// The fact of a question outside groups.
pub(super) fn question<'a>(
    id: &'a str,
    shown: bool,
    answer: Option<&'a Answer>,
) -> Fact<'a, &'a Value> {
    raw(At::Question(id), shown, answer)
}

/// The fact of a question hidden until an answer that is not known is given: that answer's
/// fact ("don't know" or blank), so the rule asks for it rather than taking the question as not
/// applicable. `item` places a blocker that is a question of the same item.
pub(super) fn blocked<'a>(
    blocker: Blocker<'a>,
    item: Option<(&'a Group, usize, &'a GroupItem)>,
) -> Fact<'a, &'a Value> {
    let at = match (blocker.sibling, item) {
        (true, Some((group, index, item))) => {
            At::Member(&group.id, index, &item.name, blocker.question.local_id())
        }
        _ => At::Question(&blocker.question.id),
    };
    raw(at, true, blocker.answer)
}

fn raw<'a>(at: At<'a>, shown: bool, answer: Option<&'a Answer>) -> Fact<'a, &'a Value> {
    let state = match (shown, answer.map(|a| &a.state)) {
        (false, _) => FactState::NotApplicable,
        (true, None) => FactState::Missing,
        (true, Some(State::DontKnow)) => FactState::DontKnow,
        (true, Some(State::NotApplicable(_))) => FactState::NotApplicable,
        (true, Some(State::Value(value))) => FactState::Known(value),
    };
    Fact {
        state,
        origin: Origin::Answer { at, answer, shown },
    }
}

/// Typed readings of a raw fact. A value that does not read (a malformed version) is missing:
/// validation reports it, and rules ask for it to be verified.
impl<'a> Fact<'a, &'a Value> {
    pub fn bool(self) -> Fact<'a, bool> {
        self.map(|value| match value {
            Value::Bool(value) => Some(*value),
            _ => None,
        })
    }

    pub fn number(self) -> Fact<'a, f64> {
        self.map(|value| match value {
            #[expect(clippy::cast_precision_loss)]
            Value::Integer(n) => Some(*n as f64),
            Value::Decimal(x) => Some(*x),
            _ => None,
        })
    }

    pub fn text(self) -> Fact<'a, String> {
        self.map(|value| match value {
            Value::Text(text) => Some(text.clone()),
            _ => None,
        })
    }

    /// A single choice: the choice id.
    pub fn choice(self) -> Fact<'a, String> {
        self.text()
    }

    /// A multiple choice: the chosen ids.
    pub fn choices(self) -> Fact<'a, Vec<String>> {
        self.map(|value| match value {
            Value::Choices(choices) => Some(choices.clone()),
            _ => None,
        })
    }

    pub fn version(self) -> Fact<'a, Version> {
        self.map(|value| match value {
            Value::Text(text) => Version::parse(text).ok(),
            _ => None,
        })
    }

    pub fn date(self) -> Fact<'a, time::Date> {
        self.map(|value| match value {
            Value::Text(text) => values::date(text).ok(),
            _ => None,
        })
    }

    /// A duration in minutes.
    pub fn minutes(self) -> Fact<'a, u64> {
        self.map(|value| match value {
            Value::Text(text) => values::duration_minutes(text).ok(),
            _ => None,
        })
    }

    pub fn window(self) -> Fact<'a, TimeWindow> {
        self.map(|value| match value {
            Value::Window(window) => TimeWindow::parse(window).ok(),
            _ => None,
        })
    }
}

/// One item of a group, as rules see it.
#[derive(Clone, Copy)]
pub struct ItemView<'a> {
    pub(super) group: &'a Group,
    pub(super) index: usize,
    pub(super) item: &'a GroupItem,
    pub(super) relevance: &'a Relevance<'a>,
}

impl<'a> ItemView<'a> {
    /// The partner's name for the item.
    pub fn name(&self) -> &'a str {
        &self.item.name
    }

    /// The item's path: `cloud_connect.gateways[1]`.
    pub fn path(&self) -> String {
        format!("{}[{}]", self.group.id, self.index)
    }

    /// The answer to a member question of this item, by its id within the group.
    pub fn get(&self, local: &'a str) -> Fact<'a, &'a Value> {
        let at = At::Member(&self.group.id, self.index, &self.item.name, local);
        let Some(member) = self.group.member(local) else {
            // A rule naming a question that does not exist: caught by the catalogue test.
            return raw(at, false, None);
        };
        let shown = self.relevance.member_shown(self.group, member, self.item);
        if !shown
            && let Some(blocker) = self.relevance.member_blocker(self.group, member, self.item)
        {
            return blocked(blocker, Some((self.group, self.index, self.item)));
        }
        raw(at, shown, self.item.answers.get(local))
    }
}

impl fmt::Debug for ItemView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemView")
            .field("group", &self.group.id)
            .field("index", &self.index)
            .field("name", &self.item.name)
            .finish()
    }
}
