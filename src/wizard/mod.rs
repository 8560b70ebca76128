//! The wizard: one step per questionnaire section, with the sections and their standing on the
//! side, the findings panel, and the draft's summary page.

mod fields;
mod group;
mod inputs;
mod reference;
mod walk;

use intake_core::answers::Answers;
use intake_core::progress::{headline, section_of_path};
use intake_core::questionnaire::{Item, Section};
use intake_core::validate::Severity;
use leptos::prelude::*;

use crate::findings::{FindingsJump, FindingsPanel};
use crate::later;
use crate::platform::dom::{focus, in_parts};
use crate::platform::route::Route;
use crate::questions::{Places, take_focus};
use crate::workspace::Workspace;
use fields::QuestionField;
use group::GroupField;

/// A step's questions and groups drawn with it, and in each task after it: about a phone's screen
/// first, the rest soon after.
const FIRST_QUESTIONS: usize = 6;
const MORE_QUESTIONS: usize = 4;

/// A draft's page: a section step or the summary. Opens the draft from this browser's storage
/// first, or says why it cannot.
#[component]
pub fn DraftPage(route: Memo<Route>) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let draft_id = Memo::new(move |_| route.with(|route| route.draft().map(str::to_owned)));
    let opened = Memo::new(move |_| {
        if !workspace.library.ready.get() {
            return None;
        }
        let id = draft_id.get()?;
        Some(workspace.open_saved(&id))
    });
    move || match opened.get() {
        None => view! {
            <p class="loading" role="status">
                "Opening your draft…"
            </p>
        }
        .into_any(),
        Some(Err(reason)) => view! {
            <section class="not-found">
                <h1>"This draft cannot be opened"</h1>
                <p role="alert">{reason}</p>
                <p>
                    <a class="button" href=Route::Drafts.href()>
                        "See the drafts in this browser"
                    </a>
                </p>
            </section>
        }
        .into_any(),
        Some(Ok(())) => view! { <Wizard route /> }.into_any(),
    }
}

/// The wizard around a step or the summary: sections on the side, findings on the other side.
/// The draft's import page, drawn by the later module (where the import is): it starts from the
/// draft's answers, and what it applies or undoes comes back as the draft's answers.
#[component]
fn ImportPage() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let questionnaire = workspace.questionnaire;
    let draft = workspace.draft_id().unwrap_or_default();
    let answers = workspace
        .draft
        .with_untracked(|open| open.as_ref().map(|open| open.answers.to_json()))
        .unwrap_or_default();
    let questions_href = Route::Section {
        draft: draft.clone(),
        section: questionnaire
            .sections()
            .first()
            .map(|section| section.id.clone())
            .unwrap_or_default(),
    }
    .href();
    // Both modules are of one build: an answers file one writes, the other reads.
    let changed = move |json: String| {
        if let Ok(answers) = Answers::from_json(&json, questionnaire) {
            workspace.edit_items(|open| open.answers = answers);
        }
    };
    view! { <later::Import draft answers questions_href changed /> }
}

/// The draft's merge page, drawn by the later module (where merging is): it starts from the
/// draft's answers, and what it applies or undoes comes back as the draft's answers.
#[component]
fn MergePage() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let questionnaire = workspace.questionnaire;
    let draft = workspace.draft_id().unwrap_or_default();
    let (answers, answered_by, saved) = workspace
        .draft
        .with_untracked(|open| {
            open.as_ref().map(|open| {
                (
                    open.answers.to_json(),
                    open.answered_by.clone(),
                    open.updated_at.clone(),
                )
            })
        })
        .unwrap_or_default();
    let summary_href = Route::Summary { draft }.href();
    let changed = move |json: String| {
        if let Ok(answers) = Answers::from_json(&json, questionnaire) {
            workspace.edit_items(|open| open.answers = answers);
        }
    };
    view! { <later::Merge answers answered_by saved summary_href changed /> }
}

#[component]
fn Wizard(route: Memo<Route>) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let sections = workspace.questionnaire.sections();
    let current = Memo::new(move |_| match route.get() {
        Route::Section { section, .. } => Some(section),
        _ => None,
    });
    // A walk's playbook; an empty one is "What is failing?", where a symptom is picked.
    let walking = Memo::new(move |_| match route.get() {
        Route::Walk { playbook, .. } => Some(playbook),
        Route::Failing { .. } => Some(String::new()),
        _ => None,
    });
    let importing = Memo::new(move |_| matches!(route.get(), Route::Import { .. }));
    let merging = Memo::new(move |_| matches!(route.get(), Route::Merge { .. }));
    let on_step = move || current.with(Option::is_some);
    let on_summary = Memo::new(move |_| matches!(route.get(), Route::Summary { .. }));
    view! {
        <div class="wizard" class:wizard-summary=move || !on_step()>
            <Show when=on_step>
                <button type="button" class="skip-link" on:click=move |_| focus("findings")>
                    "Skip to findings"
                </button>
            </Show>
            <StepNav current on_summary draft_id=workspace.draft_id().unwrap_or_default() />
            <div class="step-area">
                {move || match (current.get(), walking.get()) {
                    _ if importing.get() => view! { <ImportPage /> }.into_any(),
                    _ if merging.get() => view! { <MergePage /> }.into_any(),
                    (_, Some(playbook)) if playbook.is_empty() => {
                        view! { <walk::Failing /> }.into_any()
                    }
                    (_, Some(playbook)) => view! { <walk::WalkPage playbook /> }.into_any(),
                    (Some(id), None) => {
                        match sections.iter().find(|section| section.id == id) {
                            Some(section) => view! { <Step section /> }.into_any(),
                            None => {
                                view! {
                                    <section class="not-found">
                                        <h1>"No such section"</h1>
                                        <p>
                                            "The questionnaire has no section called “" {id} "”."
                                        </p>
                                    </section>
                                }
                                    .into_any()
                            }
                        }
                    }
                    (None, None) => view! { <crate::summary::Summary /> }.into_any(),
                }}
            </div>
            <Show when=on_step>
                <FindingsPanel />
                <FindingsJump />
            </Show>
        </div>
    }
}

/// The list of sections with how far each is answered and its problem count.
#[component]
fn StepNav(
    current: Memo<Option<String>>,
    on_summary: Memo<bool>,
    draft_id: String,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let sections = workspace.questionnaire.sections();
    let failing_href = Route::Failing {
        draft: draft_id.clone(),
    }
    .href();
    let summary_href = Route::Summary {
        draft: draft_id.clone(),
    }
    .href();
    let import_href = Route::Import {
        draft: draft_id.clone(),
    }
    .href();
    view! {
        <nav class="steps" aria-label="Sections">
            <p class="overall" data-testid="progress">
                {move || {
                    let progress = workspace.progress.get();
                    workspace
                        .draft
                        .with(|draft| {
                            draft.as_ref().map(|draft| headline(&progress, &draft.answers))
                        })
                }}
            </p>
            <progress
                max=move || workspace.progress.with(|p| p.relevant().max(1))
                value=move || workspace.progress.with(|p| p.answered())
                aria-label="Questions answered"
            ></progress>
            <ol>
                {sections
                    .iter()
                    .map(|section| {
                        let id = section.id.clone();
                        let href = Route::Section {
                            draft: draft_id.clone(),
                            section: id.clone(),
                        }
                            .href();
                        let standing = {
                            let id = id.clone();
                            Memo::new(move |_| {
                                workspace.progress.with(|progress| progress.section(&id).cloned())
                            })
                        };
                        let here = {
                            let id = id.clone();
                            move || current.with(|current| current.as_deref() == Some(&id))
                        };
                        view! {
                            <li
                                class="step-link"
                                class:step-current=here.clone()
                                class:step-skipped=move || {
                                    standing.with(|s| s.as_ref().is_some_and(|s| !s.shown))
                                }
                                data-section=id.clone()
                            >
                                <a
                                    href=href
                                    aria-current={
                                        let here = here.clone();
                                        move || here().then_some("step")
                                    }
                                >
                                    <span class="step-title">{section.title.clone()}</span>
                                    <span class="step-status">
                                        {move || {
                                            standing
                                                .with(|standing| match standing {
                                                    Some(s) if !s.shown => "Does not apply".to_owned(),
                                                    Some(s) => {
                                                        let mut text = format!("{} of {}", s.answered, s.relevant);
                                                        if s.errors > 0 {
                                                            text.push_str(
                                                                &format!(
                                                                    " · {} {}",
                                                                    s.errors,
                                                                    if s.errors == 1 { "problem" } else { "problems" },
                                                                ),
                                                            );
                                                        }
                                                        text
                                                    }
                                                    None => String::new(),
                                                })
                                        }}
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
                <li class="step-link step-summary" class:step-current=move || on_summary.get()>
                    <a href=summary_href aria-current=move || on_summary.get().then_some("step")>
                        <span class="step-title">"Summary and findings"</span>
                    </a>
                </li>
            </ol>
            <p class="failing-link">
                <a href=failing_href data-testid="what-is-failing">
                    "What is failing? Walk a troubleshooting playbook"
                </a>
                " · "
                <a href=import_href data-testid="import-evidence">
                    "Import collector exports"
                </a>
            </p>
        </nav>
    }
}

/// One section: its questions and groups, a summary of its problems, previous and next.
#[component]
fn Step(section: &'static Section) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let draft_id = workspace.draft_id().unwrap_or_default();
    let sections = workspace.questionnaire.sections();
    let index = sections
        .iter()
        .position(|s| s.id == section.id)
        .unwrap_or(0);
    let shown = move |section: &Section| {
        workspace
            .progress
            .with_untracked(|progress| progress.section(&section.id).is_none_or(|s| s.shown))
    };
    let previous = sections[..index].iter().rev().find(|s| shown(s)).map(|s| {
        (
            Route::Section {
                draft: draft_id.clone(),
                section: s.id.clone(),
            }
            .href(),
            s.title.clone(),
        )
    });
    let next = sections[index + 1..].iter().find(|s| shown(s)).map_or_else(
        || {
            (
                Route::Summary {
                    draft: draft_id.clone(),
                }
                .href(),
                "Summary and findings".to_owned(),
            )
        },
        |s| {
            (
                Route::Section {
                    draft: draft_id.clone(),
                    section: s.id.clone(),
                }
                .href(),
                s.title.clone(),
            )
        },
    );

    // A long step is drawn some questions at a time; all at once when the app is to focus a
    // question further down.
    let items = Signal::stored(section.items.len());
    let drawn = in_parts(FIRST_QUESTIONS, MORE_QUESTIONS, items, move || {
        workspace.focus.with(Option::is_some)
    });

    // Leaving a step shows all its problems, unanswered required questions included.
    workspace.check_now();
    let id = section.id.as_str();
    on_cleanup(move || workspace.leave(&[id]));
    take_focus("step-title");

    let problems = Memo::new(move |_| {
        workspace.problems.with(|problems| {
            problems
                .iter()
                .filter(|problem| {
                    section_of_path(workspace.questionnaire, &problem.path) == Some(&section.id)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    });

    view! {
        <section
            class="step"
            aria-labelledby="step-title"
            data-section=section.id.clone()
            aria-busy=move || drawn.busy()
        >
            <p class="step-count">"Step " {index + 1} " of " {sections.len()}</p>
            <h1 id="step-title" tabindex="-1">
                {section.title.clone()}
            </h1>
            <p class="step-intro">{section.intro.clone()}</p>
            <ErrorSummary problems />
            {section
                .items
                .iter()
                .enumerate()
                .map(|(at, item)| {
                    view! {
                        <Show when=move || {
                            at < drawn.shown()
                        }>
                            {match item {
                                Item::Question(question) => {
                                    view! {
                                        <QuestionField
                                            question
                                            path=Signal::stored(question.id.clone())
                                        />
                                    }
                                        .into_any()
                                }
                                Item::Group(group) => view! { <GroupField group /> }.into_any(),
                            }}
                        </Show>
                    }
                })
                .collect_view()}
            <nav class="step-buttons" aria-label="Steps">
                {previous
                    .map(|(href, title)| {
                        view! {
                            <a class="button button-secondary" href=href rel="prev">
                                "Previous: "
                                {title}
                            </a>
                        }
                    })}
                <a class="button" href=next.0 rel="next">
                    "Next: "
                    {next.1}
                </a>
            </nav>
        </section>
    }
}

/// The section's problems, each linking to its question.
#[component]
fn ErrorSummary(problems: Memo<Vec<intake_core::validate::Problem>>) -> impl IntoView {
    let places = expect_context::<Places>();
    move || {
        let problems = problems.get();
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        if problems.is_empty() {
            return ().into_any();
        }
        let warnings = problems.len() - errors;
        view! {
            <div class="error-summary" role="region" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">
                    {format!(
                        "This section has {errors} {} and {warnings} {} to check",
                        if errors == 1 { "problem" } else { "problems" },
                        if warnings == 1 { "warning" } else { "warnings" },
                    )}
                </h2>
                <ul>
                    {problems
                        .into_iter()
                        .map(|problem| {
                            let label = places.label(&problem.path);
                            let target = format!("q-{}", problem.path);
                            view! {
                                <li>
                                    <a
                                        href=format!("#{target}")
                                        on:click=move |event| {
                                            event.prevent_default();
                                            focus(&target);
                                        }
                                    >
                                        {label}
                                    </a>
                                    ": "
                                    {problem.message}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
        .into_any()
    }
}
