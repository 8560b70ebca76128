//! A draft's summary: the findings rollup by category, every finding in full, and the answers by
//! section. It prints cleanly (see `@media print` in `style/main.css`).

use intake_core::answers::{Answers, State};
use intake_core::display::value as display_value;
use intake_core::questionnaire::{Item, Question, Questionnaire};
use intake_core::rules::{Category, Severity};
use leptos::prelude::*;

use crate::files;
use crate::findings::{Counts, FindingCard};
use crate::workspace::Workspace;

#[component]
pub fn Summary() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let every: Vec<&str> = workspace
        .questionnaire
        .sections()
        .iter()
        .map(|section| section.id.as_str())
        .collect();
    workspace.leave(&every);
    let name = move || {
        workspace
            .draft
            .with(|draft| draft.as_ref().map(|draft| draft.name.clone()))
            .unwrap_or_default()
    };
    crate::wizard::take_focus("step-title");
    view! {
        <section class="summary" aria-labelledby="step-title">
            <h1 id="step-title" tabindex="-1">"Summary: " {name}</h1>
            <p class="lede" data-testid="summary-progress">
                {move || {
                    let progress = workspace.progress.get();
                    let errors = progress.errors();
                    format!(
                        "Answered {} of {} relevant questions; {} {} to fix.",
                        progress.answered(),
                        progress.relevant(),
                        errors,
                        if errors == 1 { "problem" } else { "problems" }
                    )
                }}
            </p>
            <BundleExport/>
            <div class="summary-actions no-print">
                <button type="button" class="button button-secondary" on:click=move |_| files::export_open_draft(workspace)>
                    "Export answers (JSON)"
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    let _ = window().print();
                }>"Print"</button>
            </div>
            <h2>"Findings"</h2>
            <Counts/>
            <Rollup/>
            <div class="finding-cards">
                {move || {
                    workspace.assessment.with(|assessment| {
                        assessment
                            .as_ref()
                            .map(|assessment| {
                                assessment
                                    .findings
                                    .iter()
                                    .cloned()
                                    .map(|finding| view! { <FindingCard finding/> })
                                    .collect_view()
                            })
                    })
                }}
            </div>
            <h2>"Answers"</h2>
            <Answers/>
        </section>
    }
}

/// The findings bundle for the tech lead: made once every problem is fixed, since a bundle is the
/// answers as delivered ("needed before export" in the problems).
#[component]
fn BundleExport() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let failure = RwSignal::new(None::<String>);
    let errors = move || workspace.progress.with(|progress| progress.errors());
    view! {
        <div class="bundle-export no-print" data-testid="bundle-export">
            <button
                type="button"
                class="button"
                disabled={move || errors() > 0}
                aria-describedby="bundle-status"
                on:click=move |_| failure.set(files::export_bundle(workspace, false).err())
            >
                "Download findings bundle (.zip)"
            </button>
            " "
            <button
                type="button"
                class="button button-secondary"
                disabled={move || errors() > 0}
                aria-describedby="bundle-status anonymised-status"
                on:click=move |_| failure.set(files::export_bundle(workspace, true).err())
            >
                "Download anonymised bundle"
            </button>
            <p id="anonymised-status" class="bundle-status">
                "The anonymised bundle replaces names, host names, addresses, e-mails and free text \
                 with placeholders, so it can go to Veeam R&D without customer data; the findings \
                 stay the same."
            </p>
            <p id="bundle-status" class="bundle-status" role="status">
                {move || match (failure.get(), errors()) {
                    (Some(reason), _) => format!("The bundle could not be made: {reason}"),
                    (None, 0) => "For your Veeam tech lead: answers, findings and reports, with a \
                                  checksum for every file."
                        .to_owned(),
                    (None, 1) => "Fix the 1 problem listed in the sections first.".to_owned(),
                    (None, n) => format!("Fix the {n} problems listed in the sections first."),
                }}
            </p>
        </div>
    }
}

/// Issues by severity, facts to verify and rule outcomes, per category.
#[component]
fn Rollup() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    // On a phone the table scrolls sideways on its own, not the page; focusable so that it can be
    // scrolled from the keyboard.
    view! {
        <div class="table-scroll" role="region" aria-label="Findings by category" tabindex="0">
        <table class="rollup" data-testid="rollup">
            <caption>"By category"</caption>
            <thead>
                <tr>
                    <th scope="col">"Category"</th>
                    {Severity::ALL.into_iter().map(|s| view! { <th scope="col">{s.name()}</th> }).collect_view()}
                    <th scope="col">"To verify"</th>
                    <th scope="col">"Rules passed"</th>
                    <th scope="col">"Failed"</th>
                    <th scope="col">"Unverified"</th>
                    <th scope="col">"Not assessed"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    workspace.assessment.with(|assessment| {
                        let assessment = assessment.as_ref()?;
                        Some(
                            Category::ALL
                                .into_iter()
                                .filter_map(|category| {
                                    let tally = assessment.summary.categories.get(category.name())?.clone();
                                    Some(view! {
                                        <tr data-category=category.name()>
                                            <th scope="row">{category.title()}</th>
                                            {Severity::ALL
                                                .into_iter()
                                                .map(|s| view! { <td>{tally.findings.get(s.name()).copied().unwrap_or(0)}</td> })
                                                .collect_view()}
                                            <td>{tally.needs_verification}</td>
                                            <td>{tally.rules_passed}</td>
                                            <td>{tally.rules_failed}</td>
                                            <td>{tally.rules_unverified}</td>
                                            <td>{tally.rules_not_assessed}</td>
                                        </tr>
                                    })
                                })
                                .collect_view(),
                        )
                    })
                }}
            </tbody>
        </table>
        </div>
    }
}

/// Every answer of the open draft, by section; group items by name.
#[component]
fn Answers() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    move || {
        workspace.draft.with(|draft| {
            draft
                .as_ref()
                .map(|draft| answer_sections(workspace.questionnaire, &draft.answers))
        })
    }
}

/// Every answer, by section; group items by name. Shared by the summary and review mode.
pub fn answer_sections(questionnaire: &Questionnaire, answers: &Answers) -> AnyView {
    questionnaire
        .sections()
        .iter()
        .map(|section| {
            let rows = section
                .items
                .iter()
                .map(|item| match item {
                    Item::Question(question) => {
                        answer_row(question, answers.answers.get(&question.id)).into_any()
                    }
                    Item::Group(group) => {
                        let items = answers.groups.get(&group.id).map_or(&[][..], Vec::as_slice);
                        view! {
                            <div class="answer-group">
                                <dt>{group.label.clone()}</dt>
                                <dd>
                                    {if items.is_empty() {
                                        view! { <span class="unanswered">"None listed"</span> }.into_any()
                                    } else {
                                        items
                                            .iter()
                                            .enumerate()
                                            .map(|(index, entry)| view! {
                                                <div class="answer-item">
                                                    <h4>{format!("{} {}: {}", group.item_label, index + 1, entry.name)}</h4>
                                                    <dl>
                                                        {group
                                                            .questions
                                                            .iter()
                                                            .map(|q| answer_row(q, entry.answers.get(q.local_id())))
                                                            .collect_view()}
                                                    </dl>
                                                </div>
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

/// One question and its answer as a reader sees it.
fn answer_row(question: &Question, answer: Option<&intake_core::answers::Answer>) -> impl IntoView {
    let shown = match answer.map(|answer| &answer.state) {
        None => view! { <span class="unanswered">"Not answered"</span> }.into_any(),
        Some(State::DontKnow) => view! { <span class="dont-know">"Don't know"</span> }.into_any(),
        Some(State::NotApplicable(reason)) => {
            view! { <span>"Does not apply: " {reason.clone()}</span> }.into_any()
        }
        Some(State::Value(value)) => display_value(&question.kind, value).into_any(),
    };
    let note = answer.and_then(|answer| answer.note.clone());
    view! {
        <div class="answer-row">
            <dt>{question.label.clone()}</dt>
            <dd>
                {shown}
                {note.map(|note| view! { <p class="answer-note">"Note: " {note}</p> })}
            </dd>
        </div>
    }
}
