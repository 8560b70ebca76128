//! The summary's first screen: the counts and the chart, how complete each section is, and the
//! top actions. Which sections show and how each stands is a plain function, tested natively.

use intake_core::progress::{Progress, headline};
use intake_core::questionnaire::Section;
use leptos::prelude::*;

use super::chart;
use crate::findings::{Counts, with_code};
use crate::workspace::OpenDraft;

/// How many issues the overview lists as top actions.
const TOP_ACTIONS: usize = 5;

/// One screen: the counts, the chart, how complete each section is, and the top actions.
#[component]
pub fn Overview() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    let bars = move || {
        open.assessment
            .with(|a| a.as_ref().map(chart::bars).unwrap_or_default())
    };
    let top = move || {
        open.assessment.with(|assessment| {
            assessment.as_ref().map_or_else(Vec::new, |a| {
                a.issues()
                    .take(TOP_ACTIONS)
                    .map(|finding| {
                        (
                            finding.severity,
                            finding.title.clone(),
                            finding.message.clone(),
                            finding.remediation.first().cloned(),
                        )
                    })
                    .collect()
            })
        })
    };
    view! {
        <section class="overview" aria-labelledby="overview-title" data-testid="overview">
            <h2 id="overview-title" class="visually-hidden">
                "Overview"
            </h2>
            <div class="overview-grid">
                <div class="overview-card">
                    <h3>"Findings"</h3>
                    <Counts />
                    {move || {
                        let bars = bars();
                        if bars.is_empty() {
                            view! { <p class="findings-empty">"No issue found so far."</p> }
                                .into_any()
                        } else {
                            view! { <chart::IssueChart bars /> }.into_any()
                        }
                    }}
                </div>
                <div class="overview-card">
                    <h3>"How complete"</h3>
                    <p class="lede" data-testid="summary-progress">
                        {move || {
                            let progress = open.progress.get();
                            open.draft
                                .with(|draft| {
                                    draft.as_ref().map(|draft| headline(&progress, &draft.answers))
                                })
                        }}
                    </p>
                    <Completeness />
                </div>
            </div>
            <div class="overview-card">
                <h3>"Top actions"</h3>
                {move || {
                    let top = top();
                    if top.is_empty() {
                        return view! { <p>"Nothing to fix so far."</p> }.into_any();
                    }
                    view! {
                        <ol class="top-actions" data-testid="top-actions">
                            {top
                                .into_iter()
                                .map(|(severity, title, message, step)| {
                                    view! {
                                        <li>
                                            <span class=format!(
                                                "severity severity-{}",
                                                severity.name(),
                                            )>{severity.name()}</span>
                                            " "
                                            <strong>{title}</strong>
                                            <p class="finding-message">{message}</p>
                                            {step
                                                .map(|step| {
                                                    view! {
                                                        <p class="first-step">"First step: " {with_code(&step)}</p>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </div>
        </section>
    }
}

/// A section that applies and has questions to answer, and how many of them are answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub id: String,
    pub title: String,
    pub answered: usize,
    pub relevant: usize,
}

impl Standing {
    /// "not started", or "3 of 7".
    pub fn figure(&self) -> String {
        if self.answered == 0 {
            "not started".to_owned()
        } else {
            format!("{} of {}", self.answered, self.relevant)
        }
    }
}

/// Each section that applies with questions to answer, in the questionnaire's order.
pub fn standings(sections: &[Section], progress: &Progress) -> Vec<Standing> {
    sections
        .iter()
        .filter_map(|section| {
            let standing = progress.section(&section.id)?;
            (standing.shown && standing.relevant != 0).then(|| Standing {
                id: section.id.clone(),
                title: section.title.clone(),
                answered: standing.answered,
                relevant: standing.relevant,
            })
        })
        .collect()
}

/// Each section that applies, with how many of its questions are answered.
#[component]
fn Completeness() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    let sections = open.questionnaire.sections();
    move || {
        let progress = open.progress.get();
        let rows = standings(sections, &progress)
            .into_iter()
            .map(|standing| {
                let state = standing.figure();
                let Standing {
                    id,
                    title,
                    answered,
                    relevant,
                } = standing;
                let href = open
                    .draft_id()
                    .map(|draft| {
                        crate::platform::route::Route::Section {
                            draft,
                            section: id.clone(),
                        }
                        .href()
                    })
                    .unwrap_or_default();
                view! {
                    <li data-section=id class:not-started=answered == 0>
                        <a href=href>{title}</a>
                        <span class="completeness-figure">{state}</span>
                        <progress max=relevant.max(1) value=answered aria-hidden="true"></progress>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul class="completeness" data-testid="completeness">
                {rows}
            </ul>
        }
    }
}

#[cfg(test)]
mod tests {
    use intake_core::progress::SectionProgress;
    use intake_core::questionnaire::Questionnaire;

    use super::*;

    fn section(id: &str, shown: bool, relevant: usize, answered: usize) -> SectionProgress {
        SectionProgress {
            id: id.to_owned(),
            shown,
            relevant,
            answered,
            ..SectionProgress::default()
        }
    }

    #[test]
    fn sections_that_apply_show_in_order_with_their_figure() {
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        let sections = questionnaire.sections();
        let (first, second, third) = (&sections[0].id, &sections[1].id, &sections[2].id);
        let progress = Progress {
            sections: vec![
                section(third, true, 7, 3),
                section(first, true, 5, 0),
                section(second, false, 4, 0),
            ],
        };
        let shown = standings(sections, &progress);
        let ids: Vec<&str> = shown.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, [first.as_str(), third.as_str()]);
        assert_eq!(shown[0].title, sections[0].title);
        assert_eq!(shown[0].figure(), "not started");
        assert_eq!(shown[1].figure(), "3 of 7");
        let nothing_to_answer = Progress {
            sections: vec![section(first, true, 0, 0)],
        };
        assert!(standings(sections, &nothing_to_answer).is_empty());
    }
}
