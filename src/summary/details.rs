//! The summary's parts folded away: the findings of each kind as cards, the checks that wait for
//! answers with a link to each question they need, and every answer by section.

use intake_core::rules::owned::Finding;
use leptos::prelude::*;

use crate::answers::answer_sections;
use crate::findings::FindingCard;
use crate::questions::Places;
use crate::workspace::OpenDraft;

/// A kind of findings folded away under its count.
#[component]
pub fn FindingGroup(
    /// "Issues" or "To verify".
    title: &'static str,
    testid: &'static str,
    findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    view! {
        <details class="summary-details" data-testid=testid>
            <summary>{title} " (" {move || findings.with(Vec::len)} ")"</summary>
            <div class="finding-cards">
                {move || {
                    findings
                        .get()
                        .into_iter()
                        .map(|finding| view! { <FindingCard finding /> })
                        .collect_view()
                }}
            </div>
        </details>
    }
}

/// Checks that wait for answers: each rule not assessed and the questions it needs.
#[component]
pub fn Waiting() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    let places = expect_context::<Places>();
    let waiting = move || {
        open.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.not_assessed.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <details class="summary-details" data-testid="waiting">
            <summary>"Checks that wait for answers (" {move || waiting().len()} ")"</summary>
            <p>
                "These checks have not run: answer the questions they need, or say “I don't know” or “Does not apply”."
            </p>
            <ul class="waiting-list">
                {move || {
                    waiting()
                        .into_iter()
                        .map(|rule| {
                            view! {
                                <li>
                                    <strong>{rule.title}</strong>
                                    " "
                                    <span class="rule-id">{rule.rule}</span>
                                    <ul>
                                        {rule
                                            .needs
                                            .into_iter()
                                            .map(|need| {
                                                let path = need.path.clone();
                                                view! {
                                                    <li>
                                                        <a
                                                            href="#"
                                                            on:click=move |event| {
                                                                event.prevent_default();
                                                                places.go_to(&path);
                                                            }
                                                        >
                                                            {need.question}
                                                        </a>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}

/// Every answer of the open draft, by section; group items by name.
#[component]
pub fn Answers() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    move || {
        open.draft.with(|draft| {
            draft
                .as_ref()
                .map(|draft| answer_sections(open.questionnaire, &draft.answers, None))
        })
    }
}
