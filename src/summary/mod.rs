//! A draft's summary: an overview first (issues by severity and category, how complete the
//! answers are, the top actions), sending the bundle, then the findings and the answers folded
//! away. It prints cleanly (see `@media print` in `style/main.css`).

mod chart;

use intake_core::answers::{Answers, State};
use intake_core::display::value as display_value;
use intake_core::questionnaire::{Item, Question, Questionnaire};
use intake_core::rules::{Finding, FindingKind};
use leptos::prelude::*;

use crate::files;
use crate::findings::{Counts, FindingCard, with_code};
use crate::questions::{go_to_question, question_label};
use crate::workspace::Workspace;

/// How many issues the overview lists as top actions.
const TOP_ACTIONS: usize = 5;

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
            .with(|draft| draft.as_ref().map(intake_core::draft::Draft::title))
            .unwrap_or_default()
    };
    crate::questions::take_focus("step-title");
    // Printed, everything folded away unfolds: paper has no buttons to open it.
    let printing = window_event_listener(leptos::ev::beforeprint, |_| unfold_all());
    on_cleanup(move || printing.remove());
    let findings = move |kind: FindingKind| {
        move || {
            workspace.assessment.with(|assessment| {
                assessment.as_ref().map_or_else(Vec::new, |a| {
                    a.findings
                        .iter()
                        .filter(|f| f.kind == kind)
                        .cloned()
                        .collect()
                })
            })
        }
    };
    let issues = findings(FindingKind::Issue);
    let verify = findings(FindingKind::NeedsVerification);
    view! {
        <section class="summary" aria-labelledby="step-title">
            <h1 id="step-title" tabindex="-1">"Summary: " {name}</h1>
            <Overview/>
            <BundleExport/>
            <div class="summary-actions no-print">
                <button type="button" class="button button-secondary" on:click=move |_| files::export_open_draft(workspace)>
                    "Export answers (JSON)"
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    unfold_all();
                    let _ = window().print();
                }>"Print"</button>
            </div>
            <h2>"Details"</h2>
            <FindingGroup title="Issues" testid="issue-cards" findings=Signal::derive(issues)/>
            <FindingGroup title="To verify" testid="verify-cards" findings=Signal::derive(verify)/>
            <Waiting/>
            <details class="summary-details" data-testid="answers-details">
                <summary>"Every answer, by section"</summary>
                <Answers/>
            </details>
        </section>
    }
}

/// Opens every folded part of the summary, for printing.
fn unfold_all() {
    let Ok(folded) = document().query_selector_all(".summary details") else {
        return;
    };
    for index in 0..folded.length() {
        if let Some(element) = folded
            .item(index)
            .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        {
            let _ = element.set_attribute("open", "");
        }
    }
}

/// One screen: the counts, the chart, how complete each section is, and the top actions.
#[component]
fn Overview() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let bars = move || {
        workspace
            .assessment
            .with(|a| a.as_ref().map(chart::bars).unwrap_or_default())
    };
    let top = move || {
        workspace.assessment.with(|assessment| {
            assessment.as_ref().map_or_else(Vec::new, |a| {
                a.issues()
                    .take(TOP_ACTIONS)
                    .map(|finding| {
                        (
                            finding.severity,
                            finding.title,
                            finding.message.clone(),
                            finding.remediation.first().copied(),
                        )
                    })
                    .collect()
            })
        })
    };
    view! {
        <section class="overview" aria-labelledby="overview-title" data-testid="overview">
            <h2 id="overview-title" class="visually-hidden">"Overview"</h2>
            <div class="overview-grid">
                <div class="overview-card">
                    <h3>"Findings"</h3>
                    <Counts/>
                    {move || {
                        let bars = bars();
                        if bars.is_empty() {
                            view! { <p class="findings-empty">"No issue found so far."</p> }.into_any()
                        } else {
                            view! { <chart::IssueChart bars/> }.into_any()
                        }
                    }}
                </div>
                <div class="overview-card">
                    <h3>"How complete"</h3>
                    <p class="lede" data-testid="summary-progress">
                        {move || {
                            let progress = workspace.progress.get();
                            format!(
                                "Answered {} of {} relevant questions.",
                                progress.answered(),
                                progress.relevant()
                            )
                        }}
                    </p>
                    <Completeness/>
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
                                .map(|(severity, title, message, step)| view! {
                                    <li>
                                        <span class=format!("severity severity-{}", severity.name())>{severity.name()}</span>
                                        " " <strong>{title}</strong>
                                        <p class="finding-message">{message}</p>
                                        {step.map(|step| view! { <p class="first-step">"First step: " {with_code(step)}</p> })}
                                    </li>
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

/// Each section that applies, with how many of its questions are answered.
#[component]
fn Completeness() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let sections = workspace.questionnaire.sections();
    move || {
        let progress = workspace.progress.get();
        let rows = sections
            .iter()
            .filter_map(|section| {
                let standing = progress.section(&section.id)?;
                if !standing.shown || standing.relevant == 0 {
                    return None;
                }
                let (answered, relevant) = (standing.answered, standing.relevant);
                let state = if answered == 0 {
                    "not started".to_owned()
                } else {
                    format!("{answered} of {relevant}")
                };
                let href = workspace
                    .draft_id()
                    .map(|draft| {
                        crate::platform::route::Route::Section {
                            draft,
                            section: section.id.clone(),
                        }
                        .href()
                    })
                    .unwrap_or_default();
                Some(view! {
                    <li data-section=section.id.clone() class:not-started=answered == 0>
                        <a href=href>{section.title.clone()}</a>
                        <span class="completeness-figure">{state}</span>
                        <progress max=relevant.max(1) value=answered aria-hidden="true"></progress>
                    </li>
                })
            })
            .collect_view();
        view! { <ul class="completeness" data-testid="completeness">{rows}</ul> }
    }
}

/// A kind of findings folded away under its count.
#[component]
fn FindingGroup(
    /// "Issues" or "To verify".
    title: &'static str,
    testid: &'static str,
    findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    view! {
        <details class="summary-details" data-testid=testid>
            <summary>{title} " (" {move || findings.with(Vec::len)} ")"</summary>
            <div class="finding-cards">
                {move || findings.get().into_iter().map(|finding| view! { <FindingCard finding/> }).collect_view()}
            </div>
        </details>
    }
}

/// Checks that wait for answers: each rule not assessed and the questions it needs.
#[component]
fn Waiting() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let waiting = move || {
        workspace.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.not_assessed.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <details class="summary-details" data-testid="waiting">
            <summary>"Checks that wait for answers (" {move || waiting().len()} ")"</summary>
            <p>"These checks have not run: answer the questions they need, or say “I don't know” or “Does not apply”."</p>
            <ul class="waiting-list">
                {move || waiting()
                    .into_iter()
                    .map(|rule| view! {
                        <li>
                            <strong>{rule.title}</strong> " " <span class="rule-id">{rule.rule}</span>
                            <ul>
                                {rule.needs
                                    .into_iter()
                                    .map(|need| {
                                        let path = need.path.clone();
                                        view! {
                                            <li>
                                                <a href="#" on:click=move |event| {
                                                    event.prevent_default();
                                                    go_to_question(workspace, &path);
                                                }>{need.question}</a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}

/// The findings bundle for the tech lead. Missing or invalid answers never block it: the bundle
/// says how complete the assessment is, and each remaining problem is listed with a link to fix
/// it. Only input that cannot be read at all stays out, and the list says which.
#[component]
fn BundleExport() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let failure = RwSignal::new(None::<String>);
    let problems = move || {
        workspace.problems.with(|problems| {
            problems
                .iter()
                .filter(|p| p.severity == intake_core::validate::Severity::Error)
                .map(|p| (p.path.clone(), p.message.clone()))
                .collect::<Vec<_>>()
        })
    };
    let unreadable = move || {
        workspace.draft.with(|draft| {
            draft
                .as_ref()
                .map(|d| d.pending.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="bundle-export no-print" data-testid="bundle-export">
            <h2>"Send to your Veeam tech lead"</h2>
            <p id="bundle-status" class="bundle-status" role="status">
                {move || match failure.get() {
                    Some(reason) => format!("The bundle could not be made: {reason}"),
                    None => {
                        let progress = workspace.progress.get();
                        format!(
                            "One file with your answers, the findings and readable reports, with a \
                             checksum for every file. It says how complete the assessment is \
                             (answered {} of {} relevant questions): you can send it now and \
                             send a new one later.",
                            progress.answered(),
                            progress.relevant()
                        )
                    }
                }}
            </p>
            <button
                type="button"
                class="button"
                aria-describedby="bundle-status"
                on:click=move |_| failure.set(files::export_bundle(workspace, false).err())
            >
                "Download findings bundle (.zip)"
            </button>
            " "
            <button
                type="button"
                class="button button-secondary"
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
            {move || {
                let unreadable = unreadable();
                (!unreadable.is_empty()).then(|| view! {
                    <div class="notice" data-testid="unreadable">
                        <p>"These answers cannot be read as typed and stay out of the bundle until fixed:"</p>
                        <ul>
                            {unreadable.into_iter().map(|path| view! { <li><ProblemLink path/></li> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || {
                let problems = problems();
                (!problems.is_empty()).then(|| view! {
                    <details class="summary-details" data-testid="problems">
                        <summary>{format!("{} answers have problems you may want to fix first", problems.len())}</summary>
                        <ul class="problem-links">
                            {problems
                                .into_iter()
                                .map(|(path, message)| view! { <li><ProblemLink path/> ": " {message}</li> })
                                .collect_view()}
                        </ul>
                    </details>
                })
            }}
        </div>
    }
}

/// A link to a question of the open draft, named by its label.
#[component]
fn ProblemLink(path: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let label = question_label(workspace, &path);
    view! {
        <a href="#" data-path=path.clone() on:click=move |event| {
            event.prevent_default();
            go_to_question(workspace, &path);
        }>{label}</a>
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
