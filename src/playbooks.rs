//! A playbook drawn for reading: its flowchart (SVG laid out by `intake_core::playbooks::chart`)
//! and its steps, each with its check and where each outcome leads. Drawn by the later module
//! (`mountPlaybook`, `mountSymptoms`), so the playbooks' texts are not in the first download.

use intake_core::answers::Answers;
use intake_core::playbooks::chart::{self, LABEL_LINE, LINE, NODE_WIDTH, NodeKind, PAD};
use intake_core::playbooks::walk::{self, Taken, Walk};
use intake_core::playbooks::when::Suggestion;
use intake_core::playbooks::{Conclusion, Leads, Playbook, Playbooks, Step};
use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;

use crate::findings::{reference_items, with_code};
use crate::platform::clock::now;
use crate::platform::dom::{focus, scroll_to};
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

/// A walk through playbook `playbook`, one step at a time: what to check, the outcomes as
/// choices (the one the answers suggest picked, with the answers that say so), a note; back and
/// restart; the path taken so far; the conclusion at the end. `kept` is the walk so far as JSON
/// (empty: a new walk); `changed` gets it after every change. `in_review`: walked by a tech lead
/// in review mode, on the bundle's answers, inside the review page (its headings a level under
/// the review's sections).
#[component]
pub fn WalkView(
    playbook: String,
    kept: String,
    answers: String,
    changed: impl Fn(String) + Clone + 'static,
    #[prop(optional)] in_review: bool,
) -> impl IntoView {
    // Headings: the page's own (1, 2) or under the review's sections (3, 4).
    let top = if in_review { 3 } else { 1 };
    let whose = if in_review {
        Whose::Partners
    } else {
        Whose::Yours
    };
    let (Ok(books), Ok(questionnaire)) = (Playbooks::builtin(), Questionnaire::builtin()) else {
        return view! { <p role="alert">"The playbooks of this build cannot be read."</p> }
            .into_any();
    };
    let Some(book) = books.get(&playbook) else {
        return view! { <p role="alert">{format!("There is no playbook “{playbook}” in this version.")}</p> }
        .into_any();
    };
    let started = Walk::from_json(&kept)
        .ok()
        .filter(|walk| walk.playbook == book.id)
        .map_or_else(|| Walk::start(books, &book.id, &now()), Ok);
    let walk = match started {
        Ok(walk) => RwSignal::new(walk),
        Err(error) => {
            return view! { <p role="alert">{format!("This walk cannot go on: {error}.")}</p> }
                .into_any();
        }
    };
    // A draft's answers that cannot be read show nothing of what they say; the walk goes on.
    let answers = StoredValue::new(Answers::from_json(&answers, questionnaire).ok());
    // What the answers suggest at the step the walk is at: shown picked, for the person to
    // confirm or change.
    let suggestion = move || -> Option<Suggestion> {
        let (_, step) = walk.with_untracked(|walk| walk.here(books).ok())?;
        answers.with_value(|answers| walk::suggest(questionnaire, answers.as_ref()?, step))
    };
    let problem = RwSignal::new(None::<String>);
    let picked = RwSignal::new(suggestion().map(|found| found.outcome));
    let noted = changed.clone();
    let change = move |update: &dyn Fn(&mut Walk) -> Result<(), String>| {
        let mut outcome = Ok(());
        walk.update(|walk| outcome = update(walk));
        problem.set(outcome.err());
        picked.set(suggestion().map(|found| found.outcome));
        changed(walk.with_untracked(Walk::to_json));
    };
    let change = StoredValue::new_local(change);
    let next = move |_| {
        let Some(index) = picked.get_untracked() else {
            problem.set(Some("Choose what you found first.".to_owned()));
            return;
        };
        let suggested = walk
            .with_untracked(|walk| walk.here(books).ok())
            .zip(suggestion())
            .and_then(|((_, step), found)| found.recorded(step));
        change.with_value(|change| {
            change(&|walk| {
                walk.choose(books, index, &now(), suggested.clone())
                    .map_err(|e| e.to_string())
            })
        });
        request_animation_frame(|| focus("walk-step-title"));
    };
    let back = move |_| {
        change.with_value(|change| {
            change(&|walk| {
                walk.back();
                Ok(())
            })
        });
        request_animation_frame(|| focus("walk-step-title"));
    };
    let restart = move |_| {
        change.with_value(|change| {
            change(&|walk| walk.restart(books, &now()).map_err(|e| e.to_string()))
        });
        request_animation_frame(|| focus("walk-step-title"));
    };
    // A note changes nothing else: the outcome picked stays picked.
    let note = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        walk.update(|walk| walk.note(&text));
        noted(walk.with_untracked(Walk::to_json));
    };
    let heading = match book.origin {
        intake_core::playbooks::Origin::Rule => format!("Playbook for {}: {}", book.id, book.title),
        intake_core::playbooks::Origin::Symptom => format!("Playbook: {}", book.title),
    };
    let lede = if in_review {
        "One step at a time, on the bundle's answers: check what the step says, choose what you \
         found, and note what you saw. Every step is kept with your review and goes into the \
         reviewed bundle."
    } else {
        "One step at a time: check what the step says, choose what you found, and note what you \
         saw. Every step is saved with this draft and goes into the findings bundle."
    };
    view! {
        <section class="walk" data-testid="walk" aria-labelledby="walk-title">
            {title(top, "walk-title", heading, in_review)}
            <p class="lede">{lede}</p>
            <WalkPath walk level=top + 1 whose />
            {move || {
                let taken = walk.with(|walk| walk.steps.len());
                match walk.with(|walk| walk.ended().cloned()) {
                    Some(conclusion) => view! { <WalkEnd conclusion level=top + 1 /> }.into_any(),
                    None => {
                        match walk.with(|walk| walk.here(books)) {
                            Ok((here_book, step)) => {
                                view! {
                                    <WalkStep
                                        book=here_book
                                        step
                                        number=taken
                                        level=top + 1
                                        whose
                                        picked
                                        suggestion=suggestion()
                                        questionnaire
                                        answers
                                        jumped=here_book.id != book.id
                                    />
                                }
                                    .into_any()
                            }
                            Err(error) => {
                                view! {
                                    <p role="alert">
                                        {format!(
                                            "This walk cannot go on: {error}. Go back a step or restart it.",
                                        )}
                                    </p>
                                }
                                    .into_any()
                            }
                        }
                    }
                }
            }}
            <label class="walk-note">
                <span>"Your note at this step"</span>
                <textarea
                    data-testid="walk-note"
                    prop:value=move || {
                        walk.with(|walk| {
                            walk.steps.last().map(|t| t.note.clone()).unwrap_or_default()
                        })
                    }
                    on:input=note
                ></textarea>
            </label>
            {move || {
                problem
                    .get()
                    .map(|text| {
                        view! {
                            <p role="alert" class="walk-problem">
                                {text}
                            </p>
                        }
                    })
            }}
            <div class="walk-actions">
                <Show when=move || walk.with(|walk| walk.ended().is_none())>
                    <button type="button" class="button" data-testid="walk-next" on:click=next>
                        {move || {
                            walk.track();
                            let confirms = picked.get().is_some()
                                && picked.get() == suggestion().map(|found| found.outcome);
                            if confirms { "Confirm and go on" } else { "Next" }
                        }}
                    </button>
                </Show>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="walk-back"
                    disabled=move || {
                        walk.with(|walk| walk.steps.len() <= 1 && walk.ended().is_none())
                    }
                    on:click=back
                >
                    "Back"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="walk-restart"
                    on:click=restart
                >
                    "Restart"
                </button>
            </div>
        </section>
    }
    .into_any()
}

/// A heading of level 1 to 4 (a walk's headings sit at the page's top or under a review's
/// sections), focusable by script when `focusable`.
fn title(level: u8, id: &'static str, text: String, focusable: bool) -> AnyView {
    let tabindex = focusable.then_some("-1");
    match level {
        1 => view! {
            <h1 id=id tabindex=tabindex>
                {text}
            </h1>
        }
        .into_any(),
        2 => view! {
            <h2 id=id tabindex=tabindex>
                {text}
            </h2>
        }
        .into_any(),
        3 => view! {
            <h3 id=id tabindex=tabindex>
                {text}
            </h3>
        }
        .into_any(),
        _ => view! {
            <h4 id=id tabindex=tabindex>
                {text}
            </h4>
        }
        .into_any(),
    }
}

/// Whose answers a walk reads: the person's own in a draft, the partner's in review mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whose {
    Yours,
    Partners,
}

impl Whose {
    fn words(self) -> &'static str {
        match self {
            Whose::Yours => "your answers",
            Whose::Partners => "the partner's answers",
        }
    }

    fn capitalised(self) -> &'static str {
        match self {
            Whose::Yours => "Your answers",
            Whose::Partners => "The partner's answers",
        }
    }
}

/// What the answers suggested at a step taken, beside what was found there.
fn suggested_words(taken: &Taken, whose: Whose) -> Option<String> {
    let suggested = taken.suggested.as_ref()?;
    Some(match &taken.found {
        Some(found) if *found == suggested.found => format!("confirms what {} said", whose.words()),
        _ => format!("{} said “{}”", whose.words(), suggested.found),
    })
}

/// A walk as it was recorded, for reading: each step with what was found (and whether it
/// confirms what the answers said), the notes, and the conclusion it ended in.
#[component]
pub fn WalkRecord(walk: Walk) -> impl IntoView {
    let ended = walk.ended().cloned();
    view! {
        <ol class="walk-path" data-testid="walk-record">
            {walk
                .steps
                .into_iter()
                .map(|taken| {
                    let agreed = suggested_words(&taken, Whose::Partners);
                    view! {
                        <li>
                            <span class="walk-path-step">{taken.title.clone()}</span>
                            ": "
                            {match taken.found.clone() {
                                Some(found) => view! { <strong>{found}</strong> }.into_any(),
                                None => view! { <em>"stopped here"</em> }.into_any(),
                            }}
                            {agreed
                                .map(|words| {
                                    view! { <span class="walk-path-agreed">" (" {words} ")"</span> }
                                })}
                            {(!taken.note.is_empty())
                                .then(|| {
                                    view! {
                                        <span class="walk-path-note">
                                            " Note: " {taken.note.clone()}
                                        </span>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        {match ended {
            Some(conclusion) => cause_and_fix(conclusion).into_any(),
            None => view! { <p>"Not finished."</p> }.into_any(),
        }}
    }
}

/// The steps taken before the current one, with what was found at each.
#[component]
fn WalkPath(walk: RwSignal<Walk>, level: u8, whose: Whose) -> impl IntoView {
    let done = move || {
        walk.with(|walk| {
            walk.steps
                .iter()
                .filter(|taken| taken.found.is_some())
                .cloned()
                .collect::<Vec<Taken>>()
        })
    };
    view! {
        <Show when=move || !done().is_empty()>
            <div class="walk-path-title">
                {title(level, "walk-path-title", "The path so far".to_owned(), false)}
            </div>
            <ol class="walk-path" data-testid="walk-path">
                {move || {
                    done()
                        .into_iter()
                        .map(|taken| {
                            let agreed = suggested_words(&taken, whose);
                            view! {
                                <li>
                                    <span class="walk-path-step">{taken.title}</span>
                                    ": "
                                    <strong>{taken.found.unwrap_or_default()}</strong>
                                    {agreed
                                        .map(|words| {
                                            view! {
                                                <span class="walk-path-agreed">" — " {words}</span>
                                            }
                                        })}
                                    {(!taken.note.is_empty())
                                        .then(|| {
                                            view! {
                                                <span class="walk-path-note">" (" {taken.note} ")"</span>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </Show>
    }
}

/// The step the walk is at: its check, the answers that tell its outcome, the outcome they
/// suggest (picked, with the answers that say so), and the outcomes.
#[component]
fn WalkStep(
    book: &'static Playbook,
    step: &'static Step,
    number: usize,
    level: u8,
    whose: Whose,
    picked: RwSignal<Option<usize>>,
    suggestion: Option<Suggestion>,
    questionnaire: &'static Questionnaire,
    answers: StoredValue<Option<Answers>>,
    jumped: bool,
) -> impl IntoView {
    let told = answers.with_value(|answers| {
        answers
            .as_ref()
            .map(|answers| walk::told(questionnaire, answers, step))
            .unwrap_or_default()
    });
    let name = format!("walk-{}-{}", book.id, step.id);
    let suggested = suggestion.as_ref().map(|found| found.outcome);
    view! {
        <article class="walk-step" data-testid="walk-step">
            <p class="walk-count">
                {format!("Step {number}")}
                {jumped.then(|| format!(", in the playbook for {}: {}", book.id, book.title))}
            </p>
            {title(level, "walk-step-title", step.title.clone(), true)}
            <p>{with_code(step.check.as_str())}</p>
            {(!told.is_empty())
                .then(|| {
                    view! {
                        <div class="walk-told" data-testid="walk-told">
                            <p>
                                {format!(
                                    "What {} say (check them against what you see):",
                                    whose.words(),
                                )}
                            </p>
                            <ul>
                                {told
                                    .into_iter()
                                    .map(|(question, answer)| {
                                        view! { <li>{question} ": " <strong>{answer}</strong></li> }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })}
            {suggestion
                .as_ref()
                .and_then(|found| {
                    let outcome = step.outcomes.get(found.outcome)?;
                    Some(
                        view! {
                            <div class="walk-suggested" data-testid="walk-suggested">
                                <p>
                                    {whose.capitalised()} " point to "
                                    <strong>{format!("“{}”", outcome.answer)}</strong>
                                    ", because:"
                                </p>
                                <ul>
                                    {found
                                        .because
                                        .iter()
                                        .map(|(question, answer)| {
                                            view! {
                                                <li>
                                                    {question.clone()} ": " <strong>{answer.clone()}</strong>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                                <p>
                                    "It is picked below. Check it where it runs: confirm it if \
                                     that is what you see, or choose what you do see."
                                </p>
                            </div>
                        },
                    )
                })}
            {references(step.references.clone())}
            <fieldset class="walk-outcomes">
                <legend>"What do you find?"</legend>
                {step
                    .outcomes
                    .iter()
                    .enumerate()
                    .map(|(index, outcome)| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    prop:checked=move || picked.get() == Some(index)
                                    on:change=move |_| picked.set(Some(index))
                                />
                                <span>
                                    {outcome.answer.clone()}
                                    {(suggested == Some(index))
                                        .then(|| {
                                            view! {
                                                " "
                                                <span class="walk-suggested-tag">
                                                    {format!("{} say so", whose.words())}
                                                </span>
                                            }
                                        })}
                                </span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </article>
    }
}

/// Where the walk ended: the cause found and the fix.
#[component]
fn WalkEnd(conclusion: Conclusion, level: u8) -> impl IntoView {
    view! {
        <article class="walk-end" data-testid="walk-end">
            {title(level, "walk-step-title", "Where this leads".to_owned(), true)}
            {cause_and_fix(conclusion)}
        </article>
    }
}

/// A conclusion: the cause, the fix and the references.
fn cause_and_fix(conclusion: Conclusion) -> impl IntoView {
    view! {
        <p>
            <strong>"Cause: "</strong>
            {conclusion.cause}
        </p>
        <p>
            <strong>"Fix: "</strong>
            {conclusion.fix}
        </p>
        {references(conclusion.references)}
    }
}

/// "What is failing?": every symptom as a link to its walk, `walk_href` followed by its id.
#[component]
pub fn SymptomChooser(walk_href: String) -> impl IntoView {
    let Ok(books) = Playbooks::builtin() else {
        return view! { <p role="alert">"The playbooks of this build cannot be read."</p> }
            .into_any();
    };
    view! {
        <section class="walk" aria-labelledby="failing-title">
            <h1 id="failing-title">"What is failing?"</h1>
            <p class="lede">
                "Pick what you see. Its playbook asks the first questions that tell the layers \
                 apart (network, storage, certificates, scheduling, identity), then leads into the \
                 checks of the rules that apply. The walk is kept with this draft."
            </p>
            <ul class="symptom-choices" data-testid="symptom-choices">
                {books
                    .symptoms()
                    .map(|book| {
                        view! {
                            <li>
                                <a href=format!("{walk_href}{}", book.id)>{book.title.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
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
                            <details class="playbook-tree" data-testid="symptom">
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
                        .map(|id| questionnaire.label(id).unwrap_or(id))
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
                            {references(step.references.clone())}
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
                                                        {references(conclusion.references.clone())}
                                                    </span>
                                                }
                                                    .into_any()
                                            }
                                        };
                                        let when = outcome
                                            .when
                                            .as_ref()
                                            .map(|when| when.describe(questionnaire));
                                        view! {
                                            <li>
                                                <strong>{outcome.answer.clone()}</strong>
                                                {leads}
                                                {when
                                                    .map(|words| {
                                                        view! {
                                                            <span class="outcome-when">
                                                                "Picked for you in a walk when the answers say: " {words}
                                                            </span>
                                                        }
                                                    })}
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

fn references(urls: Vec<String>) -> impl IntoView {
    (!urls.is_empty()).then(|| view! { <ul class="references">{reference_items(urls)}</ul> })
}
