//! Which questions apply, given the answers so far: a question shows when its section's, its
//! group's and its own conditions hold, and a condition only sees answers to questions that show.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::answers::State;
use crate::answers::{Answer, Answers, GroupItem, Value};
use crate::questionnaire::{
    Condition, Decision, Group, Item, Kind, Observed, Precision, Question, Questionnaire, Seen,
    Subject,
};

/// How deep a chain of conditions is followed to the answer that is not known; the linter keeps
/// definitions far shallower.
const MOST_LINKS: usize = 16;

/// The answer, not known, that keeps a question hidden: it is asked once that answer is known,
/// so the question is not "not applicable" either.
#[derive(Debug, Clone, Copy)]
pub struct Blocker<'a> {
    /// The question whose answer is not known (blank or "don't know").
    pub question: &'a Question,
    pub answer: Option<&'a Answer>,
    /// A question of the same group item, rather than one outside groups.
    pub sibling: bool,
}

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

impl<'a> Relevance<'a> {
    /// For a question outside groups that does not show: the answer, not known, it waits for;
    /// `None` when known answers hide it.
    pub fn question_blocker(&self, question: &'a Question) -> Option<Blocker<'a>> {
        self.question_blocked(question, 0)
    }

    /// For a group that does not show: the answer, not known, it waits for.
    pub fn group_blocker(&self, group: &'a Group) -> Option<Blocker<'a>> {
        self.group_blocked(group, 0)
    }

    /// For a member question that does not show in one item: the answer, not known, it waits
    /// for (in the item, or outside groups).
    pub fn member_blocker(
        &self,
        group: &'a Group,
        member: &'a Question,
        item: &'a GroupItem,
    ) -> Option<Blocker<'a>> {
        self.member_blocked(group, member, item, 0)
    }

    fn question_blocked(&self, question: &'a Question, depth: usize) -> Option<Blocker<'a>> {
        self.section_blocked(&question.id, depth)
            .or_else(|| self.blocked(question.show_if.as_ref(), None, depth))
    }

    fn group_blocked(&self, group: &'a Group, depth: usize) -> Option<Blocker<'a>> {
        self.section_blocked(&group.id, depth)
            .or_else(|| self.blocked(group.show_if.as_ref(), None, depth))
    }

    fn member_blocked(
        &self,
        group: &'a Group,
        member: &'a Question,
        item: &'a GroupItem,
        depth: usize,
    ) -> Option<Blocker<'a>> {
        self.group_blocked(group, depth)
            .or_else(|| self.blocked(member.show_if.as_ref(), Some((group, item)), depth))
    }

    fn section_blocked(&self, id: &str, depth: usize) -> Option<Blocker<'a>> {
        let section = self.questionnaire.section_of(id)?;
        self.blocked(section.show_if.as_ref(), None, depth)
    }

    /// The answer, not known, a condition waits for, if it cannot be decided.
    fn blocked(
        &self,
        condition: Option<&'a Condition>,
        item: Option<(&'a Group, &'a GroupItem)>,
        depth: usize,
    ) -> Option<Blocker<'a>> {
        if depth > MOST_LINKS {
            return None;
        }
        let Decision::Unknown(subject) =
            condition?.decide(&|subject| self.seen(subject, item, depth))
        else {
            return None;
        };
        match subject {
            Subject::Question(id) => {
                let question = self.questionnaire.question(id)?;
                if self.question_shown(question) {
                    Some(Blocker {
                        question,
                        answer: self.answers.answers.get(id),
                        sibling: false,
                    })
                } else {
                    self.question_blocked(question, depth + 1)
                }
            }
            Subject::Sibling(local) => {
                let (group, entry) = item?;
                let member = group.member(local)?;
                if self.holds(member.show_if.as_ref(), Some((group, entry))) {
                    Some(Blocker {
                        question: member,
                        answer: entry.answers.get(local),
                        sibling: true,
                    })
                } else {
                    self.member_blocked(group, member, entry, depth + 1)
                }
            }
        }
    }

    /// What a condition sees of a subject when answers may not be known.
    fn seen(
        &self,
        subject: &Subject,
        item: Option<(&'a Group, &'a GroupItem)>,
        depth: usize,
    ) -> Seen<'a> {
        let (kind, answer, shown, blocked) = match subject {
            Subject::Question(id) => {
                let Some(question) = self.questionnaire.question(id) else {
                    return Seen::Absent;
                };
                let shown = self.question_shown(question);
                let blocked = !shown && self.question_blocked(question, depth + 1).is_some();
                (&question.kind, self.answers.answers.get(id), shown, blocked)
            }
            Subject::Sibling(local) => {
                let Some((group, entry)) = item else {
                    return Seen::Absent;
                };
                let Some(member) = group.member(local) else {
                    return Seen::Absent;
                };
                let shown = self.holds(member.show_if.as_ref(), Some((group, entry)));
                let blocked = !shown
                    && self
                        .blocked(member.show_if.as_ref(), Some((group, entry)), depth + 1)
                        .is_some();
                (&member.kind, entry.answers.get(local), shown, blocked)
            }
        };
        if !shown {
            return if blocked { Seen::Unknown } else { Seen::Absent };
        }
        match answer.map(|answer| &answer.state) {
            None | Some(State::DontKnow) => Seen::Unknown,
            Some(State::NotApplicable(_)) => Seen::Absent,
            Some(State::Value(_)) => answer
                .and_then(|answer| observed(kind, answer))
                .map_or(Seen::Absent, Seen::Known),
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
