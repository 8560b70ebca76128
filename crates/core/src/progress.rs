//! How far along a set of answers is: per section, the questions that apply and how many have an
//! answer ("don't know" and "not applicable" count: they are answers), and the problems found.
//!
//! A short profile opens the questionnaire ([`PROFILE`]), as profiles do in the AWS
//! Well-Architected Tool: what the partner offers and runs decides which later questions apply,
//! so the number of questions left ([`headline`]) is the number left for that profile.

use crate::answers::Answers;
use crate::questionnaire::{Item, Questionnaire};
use crate::relevance::Relevance;
use crate::validate::{Problem, Severity};

/// The profile: the few questions, first in the questionnaire after the partner's and the
/// engagement's names, whose answers decide which later sections and questions apply.
pub const PROFILE: [&str; 4] = [
    "engagement.services",
    "engagement.platforms",
    "engagement.dr_offered",
    "engagement.tenant_count",
];

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

    /// Questions that apply and have no answer yet.
    pub fn remaining(&self) -> usize {
        self.relevant().saturating_sub(self.answered())
    }

    pub fn errors(&self) -> usize {
        self.sections.iter().map(|section| section.errors).sum()
    }

    pub fn section(&self, id: &str) -> Option<&SectionProgress> {
        self.sections.iter().find(|section| section.id == id)
    }
}

/// How far along the answers are, in one sentence for the partner: the questions answered, and how
/// many are left for their profile; while the profile is not complete, that answering it first
/// leaves out what does not apply.
pub fn headline(progress: &Progress, answers: &Answers) -> String {
    let answered = progress.answered();
    let relevant = progress.relevant();
    let left = progress.remaining();
    let profile_left = PROFILE
        .iter()
        .filter(|id| !answers.answers.contains_key(**id))
        .count();
    let questions = |count: usize| if count == 1 { "question" } else { "questions" };
    if profile_left == 0 {
        format!(
            "Answered {answered} of {relevant} questions that apply to your profile; {left} left."
        )
    } else {
        format!(
            "Answered {answered} of {relevant} relevant questions so far. Answer the {profile_left} \
             profile {} left in Engagement (services, platforms, DR, tenants) and the rest \
             narrows to what applies to you.",
            questions(profile_left)
        )
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
