//! A playbook drawn for reading: its flowchart (SVG laid out by `intake_core::playbooks::chart`)
//! and its steps, each with its check and where each outcome leads. Drawn by the later module
//! (`mountPlaybook`, `mountSymptoms`), so the playbooks' texts are not in the first download.

use intake_core::playbooks::chart::{self, LABEL_LINE, LINE, NODE_WIDTH, NodeKind, PAD};
use intake_core::playbooks::{Leads, Playbook, Playbooks, Step};
use intake_core::questionnaire::{Entry, Questionnaire};
use leptos::prelude::*;

use crate::findings::with_code;
use crate::platform::route::Route;

/// A rule's or symptom's playbook, or a line saying there is none.
#[component]
pub fn PlaybookView(id: String) -> impl IntoView {
    let (Ok(books), Ok(questionnaire)) = (Playbooks::builtin(), Questionnaire::builtin()) else {
        return view! { <p role="alert">"The playbooks of this build cannot be read."</p> }
            .into_any();
    };
    let Some(book) = books.get(&id) else {
        return view! { <p>"This rule has no playbook yet."</p> }.into_any();
    };
    view! {
        <Flowchart books book />
        <Steps books book questionnaire />
    }
    .into_any()
}

/// Every symptom, each with its playbook behind a disclosure.
#[component]
pub fn SymptomList() -> impl IntoView {
    let Ok(books) = Playbooks::builtin() else {
        return view! { <p role="alert">"The playbooks of this build cannot be read."</p> }
            .into_any();
    };
    view! {
        <ul class="symptoms" data-testid="symptoms">
            {books
                .symptoms()
                .map(|book| {
                    let id = book.id.clone();
                    view! {
                        <li>
                            <details class="playbook" data-testid="symptom">
                                <summary>{book.title.clone()}</summary>
                                <PlaybookView id />
                            </details>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The steps in reading order: the start first, then as written.
fn in_order(book: &'static Playbook) -> Vec<&'static Step> {
    let mut steps: Vec<&Step> = book.first().into_iter().collect();
    steps.extend(book.steps.iter().filter(|step| step.id != book.start));
    steps
}

/// Scrolls a step of the list into view without changing the route.
fn scroll_to(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
    }
}

/// The anchor of a step in the list under the flowchart.
fn anchor(book: &Playbook, step: &str) -> String {
    format!("playbook-{}-{step}", book.id)
}

#[component]
fn Flowchart(books: &'static Playbooks, book: &'static Playbook) -> impl IntoView {
    let chart = chart::chart(books, book);
    let arrow = format!("arrow-{}", book.id);
    let nodes = chart
        .nodes
        .iter()
        .map(|node| {
            let class = match node.kind {
                NodeKind::Step => "node node-step",
                NodeKind::Jump => "node node-jump",
                NodeKind::Conclusion => "node node-end",
            };
            let lines = node
                .lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    view! {
                        <tspan
                            x=format!("{:.1}", node.x + NODE_WIDTH / 2.0)
                            y=format!("{:.1}", node.y + PAD + LINE * (i as f64 + 0.8))
                        >
                            {line.clone()}
                        </tspan>
                    }
                })
                .collect_view();
            view! {
                <g class=class>
                    <rect
                        x=format!("{:.1}", node.x)
                        y=format!("{:.1}", node.y)
                        width=NODE_WIDTH
                        height=format!("{:.1}", node.height)
                        rx=if node.kind == NodeKind::Conclusion { 14 } else { 4 }
                    ></rect>
                    <text text-anchor="middle">{lines}</text>
                </g>
            }
        })
        .collect_view();
    let edges = chart
        .edges
        .iter()
        .map(|edge| {
            let label = edge
                .label
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    view! {
                        <tspan
                            x=format!("{:.1}", edge.label_x)
                            y=format!("{:.1}", edge.label_y + LABEL_LINE * i as f64)
                        >
                            {line.clone()}
                        </tspan>
                    }
                })
                .collect_view();
            view! {
                <path class="edge" d=edge.path.clone() marker-end=format!("url(#{arrow})")></path>
                <text class="edge-label" text-anchor="middle">
                    {label}
                </text>
            }
        })
        .collect_view();
    let description = format!(
        "Flowchart of the playbook for {}: {} steps; the same steps are listed below.",
        book.id,
        book.steps.len()
    );
    view! {
        <div class="flowchart" data-testid="flowchart">
            <svg
                role="img"
                aria-label=description
                width=format!("{:.0}", chart.width + 2.0)
                height=format!("{:.0}", chart.height + 2.0)
                viewBox=format!("-1 -1 {:.0} {:.0}", chart.width + 2.0, chart.height + 2.0)
            >
                <defs>
                    <marker
                        id=arrow
                        viewBox="0 0 10 10"
                        refX="10"
                        refY="5"
                        markerWidth="7"
                        markerHeight="7"
                        orient="auto-start-reverse"
                    >
                        <path d="M0 0 L10 5 L0 10 z"></path>
                    </marker>
                </defs>
                {edges}
                {nodes}
            </svg>
        </div>
    }
}

#[component]
fn Steps(
    books: &'static Playbooks,
    book: &'static Playbook,
    questionnaire: &'static Questionnaire,
) -> impl IntoView {
    let steps = in_order(book);
    let number = |id: &str| {
        steps
            .iter()
            .position(|step| step.id == id)
            .map_or(0, |n| n + 1)
    };
    view! {
        <ol class="playbook-steps" data-testid="playbook-steps">
            {steps
                .iter()
                .map(|step| {
                    let labels: Vec<&str> = step
                        .answers
                        .iter()
                        .map(|id| match questionnaire.entry(id) {
                            Some(Entry::Question(question) | Entry::Member(_, question)) => {
                                question.label.as_str()
                            }
                            Some(Entry::Group(group)) => group.label.as_str(),
                            None => id.as_str(),
                        })
                        .collect();
                    view! {
                        <li id=anchor(book, &step.id) data-testid="playbook-step">
                            <h4>{step.title.clone()}</h4>
                            <p>{with_code(step.check.as_str())}</p>
                            {(!labels.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="playbook-answers">
                                            "Your answers tell: " {labels.join("; ")}
                                        </p>
                                    }
                                })}
                            {references(step.references.as_slice())}
                            <ul class="outcomes">
                                {step
                                    .outcomes
                                    .iter()
                                    .map(|outcome| {
                                        let leads = match &outcome.leads {
                                            Leads::Next(next) => {
                                                match books.resolve(book, next) {
                                                    Some((other, target)) if other.id == book.id => {
                                                        let to = anchor(book, &target.id);
                                                        view! {
                                                            " Go to "
                                                            <a
                                                                href=Route::Rules.href()
                                                                on:click=move |event| {
                                                                    event.prevent_default();
                                                                    scroll_to(&to);
                                                                }
                                                            >
                                                                {format!("step {}: {}", number(&target.id), target.title)}
                                                            </a>
                                                            "."
                                                        }
                                                            .into_any()
                                                    }
                                                    Some((other, target)) => {
                                                        format!(
                                                            " Go on with the playbook of {} ({}), at “{}”.",
                                                            other.id,
                                                            other.title,
                                                            target.title,
                                                        )
                                                            .into_any()
                                                    }
                                                    None => ().into_any(),
                                                }
                                            }
                                            Leads::Conclusion(conclusion) => {
                                                view! {
                                                    <span class="conclusion">
                                                        <span class="cause">
                                                            " Cause: " {with_code(conclusion.cause.as_str())}
                                                        </span>
                                                        <span class="fix">
                                                            " Fix: " {with_code(conclusion.fix.as_str())}
                                                        </span>
                                                        {references(conclusion.references.as_slice())}
                                                    </span>
                                                }
                                                    .into_any()
                                            }
                                        };
                                        view! {
                                            <li>
                                                <strong>{outcome.answer.clone()}</strong>
                                                {leads}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

fn references(urls: &'static [String]) -> impl IntoView {
    (!urls.is_empty()).then(|| {
        view! {
            <ul class="references">
                {urls
                    .iter()
                    .map(|url| {
                        view! {
                            <li>
                                <a href=url.clone() rel="noopener noreferrer" target="_blank">
                                    {url.clone()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
