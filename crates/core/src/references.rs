//! Answers that name an item of a group: the site a cluster is in, the bucket a capacity tier
//! offloads to. Such a question is a [`Kind::Reference`]; its answer is the item's name as
//! listed, so answers files stay readable. Renaming an item renames every reference to it
//! ([`rename`]), and before an item is removed the app shows what names it ([`referrers`]).
//! Names are compared trimmed and without regard to case, as validation compares them.

use crate::answers::{Answer, Answers, State, Value};
use crate::display;
use crate::questionnaire::{Group, Item, Kind, Question, Questionnaire};
use crate::validate::same_name;

/// An answer naming an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referrer {
    /// Where the answer is: `compute.clusters[0].site`.
    pub path: String,
    /// The answer as a reader sees it: `Cluster “prod-01”: Site`.
    pub called: String,
}

/// Every answer that names the item `name` of `group`, in questionnaire order.
pub fn referrers(
    questionnaire: &Questionnaire,
    answers: &Answers,
    group: &str,
    name: &str,
) -> Vec<Referrer> {
    let mut found = Vec::new();
    if name.trim().is_empty() {
        return found;
    }
    each_reference(questionnaire, group, |place| match place {
        Place::Question(question) => {
            if names(answers.answers.get(&question.id), name) {
                found.push(Referrer {
                    path: question.id.clone(),
                    called: display::question(None, question),
                });
            }
        }
        Place::Member(owner, question) => {
            let items = answers.groups.get(&owner.id).map_or(&[][..], Vec::as_slice);
            for (index, item) in items.iter().enumerate() {
                if names(item.answers.get(question.local_id()), name) {
                    found.push(Referrer {
                        path: format!("{}[{index}].{}", owner.id, question.local_id()),
                        called: display::question(Some((owner, &item.name)), question),
                    });
                }
            }
        }
    });
    found
}

/// Makes every answer that names the item `from` of `group` name `to` instead; returns how many
/// answers changed. Nothing changes when either name is blank, or when they are the same name.
pub fn rename(
    questionnaire: &Questionnaire,
    answers: &mut Answers,
    group: &str,
    from: &str,
    to: &str,
) -> usize {
    if from.trim().is_empty() || to.trim().is_empty() || from == to {
        return 0;
    }
    let mut renamed = 0;
    let mut rename_in = |answer: Option<&mut Answer>| {
        if let Some(Answer {
            state: State::Value(Value::Text(text)),
            ..
        }) = answer
            && same_name(text, from)
        {
            to.trim().clone_into(text);
            renamed += 1;
        }
    };
    each_reference(questionnaire, group, |place| match place {
        Place::Question(question) => rename_in(answers.answers.get_mut(&question.id)),
        Place::Member(owner, question) => {
            for item in answers.groups.get_mut(&owner.id).into_iter().flatten() {
                rename_in(item.answers.get_mut(question.local_id()));
            }
        }
    });
    renamed
}

/// What to tell the partner of the answers that still name a removed item: up to three named, and
/// how many more; `None` when nothing named it.
pub fn still_named(referrers: &[Referrer]) -> Option<String> {
    const SHOWN: usize = 3;
    let (first, rest) = referrers.split_first()?;
    let mut message = if rest.is_empty() {
        format!("This answer still names it: {}", first.called)
    } else {
        let named: Vec<&str> = referrers
            .iter()
            .take(SHOWN)
            .map(|referrer| referrer.called.as_str())
            .collect();
        let mut message = format!("These answers still name it: {}", named.join("; "));
        if referrers.len() > SHOWN {
            message.push_str(&format!("; and {} more", referrers.len() - SHOWN));
        }
        message
    };
    message.push_str(". Pick another there, or undo.");
    Some(message)
}

/// A reference question, outside a group or a member of one.
enum Place<'q> {
    Question(&'q Question),
    Member(&'q Group, &'q Question),
}

/// Calls `visit` with every reference question to `group`.
fn each_reference<'q>(
    questionnaire: &'q Questionnaire,
    group: &str,
    mut visit: impl FnMut(Place<'q>),
) {
    let refers = |question: &Question| matches!(&question.kind, Kind::Reference(reference) if reference.group == group);
    for section in questionnaire.sections() {
        for item in &section.items {
            match item {
                Item::Question(question) if refers(question) => visit(Place::Question(question)),
                Item::Question(_) => {}
                Item::Group(owner) => owner
                    .questions
                    .iter()
                    .filter(|question| refers(question))
                    .for_each(|question| visit(Place::Member(owner, question))),
            }
        }
    }
}

/// Whether an answer names `name`.
fn names(answer: Option<&Answer>, name: &str) -> bool {
    matches!(answer.and_then(Answer::as_value), Some(Value::Text(text)) if same_name(text, name))
}
