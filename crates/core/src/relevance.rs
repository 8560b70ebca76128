//! Which questions apply, given the answers so far: a question shows when its section's, its
//! group's and its own conditions hold, and a condition only sees answers to questions that show.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::answers::{Answer, Answers, GroupItem, Value};
use crate::questionnaire::{
    Condition, Group, Item, Kind, Observed, Precision, Question, Questionnaire, Subject,
};

/// Answers seen through the questionnaire's conditions.
///
/// Whether a question or group outside items shows is worked out once and remembered: a large
/// environment asks it for every item of every group. Make a new `Relevance` when answers change.
pub struct Relevance<'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    /// Visibility of questions and groups outside items, by id.
    shown: RefCell<HashMap<&'a str, bool>>,
}

impl<'a> Relevance<'a> {
    pub fn new(questionnaire: &'a Questionnaire, answers: &'a Answers) -> Relevance<'a> {
        Relevance {
            questionnaire,
            answers,
            shown: RefCell::new(HashMap::new()),
        }
    }

    /// Whether a question outside groups shows.
    pub fn question_shown(&self, question: &'a Question) -> bool {
        self.remembered(&question.id, || {
            self.section_shown(&question.id) && self.holds(question.show_if.as_ref(), None)
        })
    }

    /// Whether a group shows (then its items are asked for).
    pub fn group_shown(&self, group: &'a Group) -> bool {
        self.remembered(&group.id, || {
            self.section_shown(&group.id) && self.holds(group.show_if.as_ref(), None)
        })
    }

    fn remembered(&self, id: &'a str, work: impl FnOnce() -> bool) -> bool {
        if let Some(shown) = self.shown.borrow().get(id) {
            return *shown;
        }
        let shown = work();
        self.shown.borrow_mut().insert(id, shown);
        shown
    }

    /// Whether a group member shows for one item of its (shown) group.
    pub fn member_shown(&self, group: &'a Group, member: &Question, item: &'a GroupItem) -> bool {
        self.group_shown(group) && self.holds(member.show_if.as_ref(), Some((group, item)))
    }

    /// The precision a version question asks of its answer: the first of its precisions whose
    /// condition holds, for a group member on that item's answers (`item`).
    pub fn precision_asked(
        &self,
        question: &'a Question,
        item: Option<(&'a Group, &'a GroupItem)>,
    ) -> Option<&'a Precision> {
        question
            .precision
            .iter()
            .find(|precision| self.holds(precision.when.as_ref(), item))
    }

    /// The paths of what does not show with these answers: questions outside groups by id,
    /// groups by id (their items and questions then not listed), and the questions of group
    /// items as `group[index].local`. What the app hides, and what it never asks about.
    pub fn hidden_paths(&self) -> HashSet<String> {
        let mut hidden = HashSet::new();
        for section in self.questionnaire.sections() {
            for item in &section.items {
                match item {
                    Item::Question(question) => {
                        if !self.question_shown(question) {
                            hidden.insert(question.id.clone());
                        }
                    }
                    Item::Group(group) => {
                        if !self.group_shown(group) {
                            hidden.insert(group.id.clone());
                            continue;
                        }
                        let items = self.answers.groups.get(&group.id).into_iter().flatten();
                        for (index, entry) in items.enumerate() {
                            for member in &group.questions {
                                if !self.member_shown(group, member, entry) {
                                    hidden.insert(format!(
                                        "{}[{index}].{}",
                                        group.id,
                                        member.local_id()
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
        hidden
    }

    /// Whether the section holding `id` shows.
    pub fn section_shown(&self, id: &str) -> bool {
        self.questionnaire
            .section_of(id)
            .is_none_or(|section| self.holds(section.show_if.as_ref(), None))
    }

    fn holds(&self, condition: Option<&Condition>, item: Option<(&Group, &'a GroupItem)>) -> bool {
        condition.is_none_or(|condition| condition.eval(&|subject| self.observe(subject, item)))
    }

    /// The known answer a condition's subject has, if it shows and has one.
    fn observe(
        &self,
        subject: &Subject,
        item: Option<(&Group, &'a GroupItem)>,
    ) -> Option<Observed<'a>> {
        match subject {
            Subject::Question(id) => {
                let question = self.questionnaire.question(id)?;
                if !self.question_shown(question) {
                    return None;
                }
                observed(&question.kind, self.answers.answers.get(id)?)
            }
            Subject::Sibling(local) => {
                let (group, item) = item?;
                let member = group.member(local)?;
                if !self.holds(member.show_if.as_ref(), Some((group, item))) {
                    return None;
                }
                observed(&member.kind, item.answers.get(local)?)
            }
        }
    }
}

/// What a condition sees of an answer.
fn observed<'a>(kind: &Kind, answer: &'a Answer) -> Option<Observed<'a>> {
    Some(match (kind, answer.as_value()?) {
        (Kind::Boolean, Value::Bool(value)) => Observed::Bool(*value),
        (Kind::SingleChoice(_), Value::Text(choice)) => Observed::Choice(choice),
        (Kind::MultiChoice(_), Value::Choices(choices)) => Observed::Choices(choices),
        #[expect(clippy::cast_precision_loss)]
        (_, Value::Integer(n)) => Observed::Number(*n as f64),
        (_, Value::Decimal(x)) => Observed::Number(*x),
        _ => Observed::Other,
    })
}
