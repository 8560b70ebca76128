//! Facts: answers as rules read them, each with the path and the value shown as evidence.
//!
//! A fact is known, "don't know", missing (the question applies but has no answer), or not
//! applicable (answered so, or hidden by the partner's other answers). Rules turn unknown and
//! missing facts into needs-verification findings through [`super::Check::known`]: "verify,
//! don't assume".

use std::fmt;

use crate::answers::{Answer, GroupItem, State, Value};
use crate::questionnaire::Group;
use crate::relevance::Relevance;
use crate::values::{self, TimeWindow, Version};

/// What the rules know of one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact<T> {
    /// The question path, as in validation: `network.links[2].mtu_far`.
    pub path: String,
    pub state: FactState<T>,
    /// The answer as the partner gave it, for evidence.
    pub shown: String,
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

/// One answer shown as evidence for a finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Evidence {
    pub path: String,
    pub value: String,
}

impl<T> Fact<T> {
    pub fn evidence(&self) -> Evidence {
        Evidence {
            path: self.path.clone(),
            value: self.shown.clone(),
        }
    }

    /// The value, when known.
    pub fn value(&self) -> Option<&T> {
        match &self.state {
            FactState::Known(value) => Some(value),
            _ => None,
        }
    }

    fn map<U>(self, read: impl FnOnce(T) -> Option<U>) -> Fact<U> {
        let state = match self.state {
            FactState::Known(value) => read(value).map_or(FactState::Missing, FactState::Known),
            FactState::DontKnow => FactState::DontKnow,
            FactState::Missing => FactState::Missing,
            FactState::NotApplicable => FactState::NotApplicable,
        };
        Fact {
            path: self.path,
            state,
            shown: self.shown,
        }
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

/// A raw fact: the answer to a question, if it applies.
pub(super) fn raw(path: String, shown: bool, answer: Option<&Answer>) -> Fact<Value> {
    let (state, display) = match (shown, answer.map(|a| &a.state)) {
        (false, _) => (FactState::NotApplicable, "does not apply".to_owned()),
        (true, None) => (FactState::Missing, "not answered".to_owned()),
        (true, Some(State::DontKnow)) => (FactState::DontKnow, "don't know".to_owned()),
        (true, Some(State::NotApplicable(reason))) => (
            FactState::NotApplicable,
            format!("not applicable: {reason}"),
        ),
        (true, Some(State::Value(value))) => (FactState::Known(value.clone()), show(value)),
    };
    Fact {
        path,
        state,
        shown: display,
    }
}

/// Typed readings of a raw fact. A value that does not read (a malformed version) is missing:
/// validation reports it, and rules ask for it to be verified.
impl Fact<Value> {
    pub fn bool(self) -> Fact<bool> {
        self.map(|value| match value {
            Value::Bool(value) => Some(value),
            _ => None,
        })
    }

    pub fn number(self) -> Fact<f64> {
        self.map(|value| match value {
            #[expect(clippy::cast_precision_loss)]
            Value::Integer(n) => Some(n as f64),
            Value::Decimal(x) => Some(x),
            _ => None,
        })
    }

    pub fn text(self) -> Fact<String> {
        self.map(|value| match value {
            Value::Text(text) => Some(text),
            _ => None,
        })
    }

    /// A single choice: the choice id.
    pub fn choice(self) -> Fact<String> {
        self.text()
    }

    /// A multiple choice: the chosen ids.
    pub fn choices(self) -> Fact<Vec<String>> {
        self.map(|value| match value {
            Value::Choices(choices) => Some(choices),
            _ => None,
        })
    }

    pub fn version(self) -> Fact<Version> {
        self.map(|value| match value {
            Value::Text(text) => Version::parse(&text).ok(),
            _ => None,
        })
    }

    pub fn date(self) -> Fact<time::Date> {
        self.map(|value| match value {
            Value::Text(text) => values::date(&text).ok(),
            _ => None,
        })
    }

    /// A duration in minutes.
    pub fn minutes(self) -> Fact<u64> {
        self.map(|value| match value {
            Value::Text(text) => values::duration_minutes(&text).ok(),
            _ => None,
        })
    }

    pub fn window(self) -> Fact<TimeWindow> {
        self.map(|value| match value {
            Value::Window(window) => TimeWindow::parse(&window).ok(),
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
    pub fn get(&self, local: &str) -> Fact<Value> {
        let path = format!("{}.{local}", self.path());
        let Some(member) = self.group.member(local) else {
            // A rule naming a question that does not exist: caught by the catalogue test.
            return raw(path, false, None);
        };
        let shown = self.relevance.member_shown(self.group, member, self.item);
        raw(path, shown, self.item.answers.get(local))
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
