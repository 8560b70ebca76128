//! Answers as a reader sees them: every answer of a set, by section, group items by name. Shared
//! by the summary and review mode, so neither imports the other for it.

use intake_core::answers::{Answer, Answers, State};
use intake_core::display::value as display_value;
use intake_core::questionnaire::{Item, Question, Questionnaire};
use leptos::prelude::*;

/// How review mode lets the tech lead mark answers confirmed on the platform: each answer by its
/// path (`platform.vbr_version`, `platform.proxies[0].cores`). The summary has none.
#[derive(Clone, Copy)]
pub struct Confirming {
    /// The note on a confirmed answer (how it was confirmed), or `None` when it is not confirmed.
    pub note: Callback<String, Option<String>>,
    /// Confirms the answer at a path, or takes the confirmation back.
    pub toggle: Callback<String>,
    /// Sets the note of a confirmed answer: (path, note).
    pub set_note: Callback<(String, String)>,
}

/// Every answer, by section; group items by name. Shared by the summary and review mode.
pub fn answer_sections(
    questionnaire: &Questionnaire,
    answers: &Answers,
    confirming: Option<Confirming>,
) -> AnyView {
    questionnaire
        .sections()
        .iter()
        .map(|section| {
            let rows = section
                .items
                .iter()
                .map(|item| match item {
                    Item::Question(question) => answer_row(
                        question,
                        answers.answers.get(&question.id),
                        question.id.clone(),
                        confirming,
                    )
                    .into_any(),
                    Item::Group(group) => {
                        let items = answers.groups.get(&group.id).map_or(&[][..], Vec::as_slice);
                        view! {
                            <div class="answer-group">
                                <dt>{group.label.clone()}</dt>
                                <dd>
                                    {if items.is_empty() {
                                        view! { <span class="unanswered">"None listed"</span> }
                                            .into_any()
                                    } else {
                                        items
                                            .iter()
                                            .enumerate()
                                            .map(|(index, entry)| {
                                                view! {
                                                    <div class="answer-item">
                                                        <h4>
                                                            {format!(
                                                                "{} {}: {}",
                                                                group.item_label,
                                                                index + 1,
                                                                entry.name,
                                                            )}
                                                        </h4>
                                                        <dl>
                                                            {group
                                                                .questions
                                                                .iter()
                                                                .map(|q| {
                                                                    answer_row(
                                                                        q,
                                                                        entry.answers.get(q.local_id()),
                                                                        format!("{}[{index}].{}", group.id, q.local_id()),
                                                                        confirming,
                                                                    )
                                                                })
                                                                .collect_view()}
                                                        </dl>
                                                    </div>
                                                }
                                            })
                                            .collect_view()
                                            .into_any()
                                    }}
                                </dd>
                            </div>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <section class="answer-section" data-section=section.id.clone()>
                    <h3>{section.title.clone()}</h3>
                    <dl>{rows}</dl>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

/// One question and its answer as a reader sees it; in review mode, whether the tech lead
/// confirmed it.
fn answer_row(
    question: &Question,
    answer: Option<&Answer>,
    path: String,
    confirming: Option<Confirming>,
) -> impl IntoView {
    let shown = match answer.map(|answer| &answer.state) {
        None => view! { <span class="unanswered">"Not answered"</span> }.into_any(),
        Some(State::DontKnow) => view! { <span class="dont-know">"Don't know"</span> }.into_any(),
        Some(State::NotApplicable(reason)) => {
            view! { <span>"Does not apply: " {reason.clone()}</span> }.into_any()
        }
        Some(State::Value(value)) => display_value(&question.kind, value).into_any(),
    };
    let note = answer.and_then(|answer| answer.note.clone());
    // Where it came from, when not from the partner: a reviewer weighs an imported answer
    // differently.
    let provenance = answer.and_then(|answer| intake_core::display::provenance(&answer.provenance));
    view! {
        <div class="answer-row">
            <dt>{question.label.clone()}</dt>
            <dd>
                {shown} {note.map(|note| view! { <p class="answer-note">"Note: " {note}</p> })}
                {provenance
                    .map(|provenance| {
                        view! {
                            <p class="provenance" data-testid="answer-provenance">
                                {provenance}
                            </p>
                        }
                    })}
                {confirming
                    .filter(|_| matches!(answer.map(|a| &a.state), Some(State::Value(_))))
                    .map(|confirming| view! { <Confirm path confirming /> })}
            </dd>
        </div>
    }
}

/// The tech lead's mark on one answer given: confirmed on the platform, and how. A blank or
/// "don't know" answer has nothing to confirm.
#[component]
fn Confirm(path: String, confirming: Confirming) -> impl IntoView {
    let note = {
        let path = path.clone();
        move || confirming.note.run(path.clone())
    };
    let confirmed = {
        let note = note.clone();
        move || note().is_some()
    };
    let toggle = {
        let path = path.clone();
        move |_| confirming.toggle.run(path.clone())
    };
    let note_field = {
        let note = note.clone();
        move || {
            let path = path.clone();
            note().map(|text| {
                view! {
                    <input
                        type="text"
                        class="confirm-note"
                        aria-label="How it was confirmed"
                        placeholder="How it was confirmed (optional)"
                        data-testid="confirm-note"
                        prop:value=text
                        on:change=move |event| {
                            confirming.set_note.run((path.clone(), event_target_value(&event)))
                        }
                    />
                }
            })
        }
    };
    view! {
        <p class="confirm-answer">
            <label>
                <input
                    type="checkbox"
                    data-testid="confirm-answer"
                    prop:checked=confirmed
                    on:change=toggle
                />
                " Confirmed on the platform"
            </label>
            {note_field}
        </p>
    }
}
