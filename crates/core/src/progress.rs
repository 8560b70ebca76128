//! How far along a set of answers is: per section, the questions that apply and how many have an
//! answer ("don't know" and "not applicable" count: they are answers), and the problems found.

use crate::answers::Answers;
use crate::questionnaire::{Item, Questionnaire};
use crate::relevance::Relevance;
use crate::validate::{Problem, Severity};

/// One section's standing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionProgress {
    pub id: String,
    /// Whether the section applies at all with the answers given.
    pub shown: bool,
    /// Questions that apply, group members counted once per item.
    pub relevant: usize,
    /// Of those, the ones answered.
    pub answered: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// The standing of every section, in order, and the totals.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub sections: Vec<SectionProgress>,
}

impl Progress {
    pub fn relevant(&self) -> usize {
        self.sections.iter().map(|section| section.relevant).sum()
    }

    pub fn answered(&self) -> usize {
        self.sections.iter().map(|section| section.answered).sum()
    }

    pub fn errors(&self) -> usize {
        self.sections.iter().map(|section| section.errors).sum()
    }

    pub fn section(&self, id: &str) -> Option<&SectionProgress> {
        self.sections.iter().find(|section| section.id == id)
    }
}

/// Counts what applies and what is answered, and files each problem under its section.
pub fn progress(
    questionnaire: &Questionnaire,
    answers: &Answers,
    problems: &[Problem],
) -> Progress {
    let relevance = Relevance::new(questionnaire, answers);
    let mut sections: Vec<SectionProgress> = questionnaire
        .sections()
        .iter()
        .map(|section| {
            let mut standing = SectionProgress {
                id: section.id.clone(),
                shown: section
                    .items
                    .first()
                    .is_none_or(|item| relevance.section_shown(item.id())),
                ..SectionProgress::default()
            };
            for item in &section.items {
                match item {
                    Item::Question(question) => {
                        if relevance.question_shown(question) {
                            standing.relevant += 1;
                            standing.answered +=
                                usize::from(answers.answers.contains_key(&question.id));
                        }
                    }
                    Item::Group(group) => {
                        if !relevance.group_shown(group) {
                            continue;
                        }
                        for entry in answers.groups.get(&group.id).into_iter().flatten() {
                            for member in &group.questions {
                                if relevance.member_shown(group, member, entry) {
                                    standing.relevant += 1;
                                    standing.answered +=
                                        usize::from(entry.answers.contains_key(member.local_id()));
                                }
                            }
                        }
                    }
                }
            }
            standing
        })
        .collect();
    for problem in problems {
        let Some(section) = section_of_path(questionnaire, &problem.path) else {
            continue;
        };
        if let Some(standing) = sections.iter_mut().find(|standing| standing.id == section) {
            match problem.severity {
                Severity::Error => standing.errors += 1,
                Severity::Warning => standing.warnings += 1,
            }
        }
    }
    Progress { sections }
}

/// The id of the section a question, group or item path belongs to.
pub fn section_of_path<'q>(questionnaire: &'q Questionnaire, path: &str) -> Option<&'q str> {
    let id = path.split_once('[').map_or(path, |(group, _)| group);
    questionnaire
        .section_of(id)
        .map(|section| section.id.as_str())
}
