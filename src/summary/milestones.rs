//! Who answers, several people's answers merged, and the draft over time: the "answered by"
//! name merges show, the way to the merge page, and milestones (named snapshots of the answers)
//! with two of them (or one and the draft now) compared by the later module.

use intake_core::draft::Draft;
use leptos::prelude::*;

use crate::later;
use crate::platform::clock;
use crate::platform::locale::local_date;
use crate::platform::route::Route;
use crate::workspace::Workspace;

/// "Answered by" and the way to merging a colleague's answers.
#[component]
pub fn Colleagues() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let merge_href = Route::Merge {
        draft: workspace.draft_id().unwrap_or_default(),
    }
    .href();
    let answered_by = move || {
        workspace
            .draft
            .with(|draft| draft.as_ref().map(|d| d.answered_by.clone()))
            .unwrap_or_default()
    };
    view! {
        <div class="colleagues no-print" data-testid="colleagues">
            <p class="field">
                <label for="answered-by">"Answered by"</label>
                <span class="hint" id="answered-by-hint">
                    "Your name and team. When a colleague merges your answers into theirs, they see who gave them."
                </span>
                <input
                    type="text"
                    id="answered-by"
                    data-testid="answered-by"
                    autocomplete="name"
                    aria-describedby="answered-by-hint"
                    prop:value=answered_by
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        workspace.edit(|draft| draft.answered_by = value);
                    }
                />
            </p>
            <p>
                <a class="button button-secondary" href=merge_href data-testid="merge-link">
                    "Merge a colleague’s answers…"
                </a>
            </p>
        </div>
    }
}

/// A milestone as listed: its name, when, and who answered then.
fn listed(name: &str, at: &str, who: &str) -> String {
    let mut text = name.to_owned();
    if let Some(date) = local_date(at.get(..10).unwrap_or_default()) {
        text.push_str(&format!(", {date}"));
    }
    if !who.trim().is_empty() {
        text.push_str(&format!(", answered by {}", who.trim()));
    }
    text
}

/// The draft's milestones: saving one, the list, and a comparison of two.
#[component]
pub fn Milestones() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let name = RwSignal::new(String::new());
    let said = RwSignal::new(None::<Result<String, String>>);
    // The comparison shown: before and after, as indexes into the milestones then "now".
    let shown = RwSignal::new(None::<(usize, usize)>);
    let milestones = Memo::new(move |_| {
        workspace
            .draft
            .with(|draft| {
                draft.as_ref().map(|draft| {
                    draft
                        .milestones
                        .iter()
                        .map(|m| (m.name.clone(), m.at.clone(), m.answered_by.clone()))
                        .collect::<Vec<_>>()
                })
            })
            .unwrap_or_default()
    });
    let before = RwSignal::new(0usize);
    let after = RwSignal::new(usize::MAX);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = name.get_untracked();
        let mut outcome = Err(String::new());
        workspace.edit(|draft| outcome = draft.add_milestone(&typed, &clock::now()));
        said.set(Some(outcome.map(|()| {
            name.set(String::new());
            format!("Saved the answers as they are now as “{}”.", typed.trim())
        })));
    };
    let points = move || {
        let mut points: Vec<String> = milestones.with(|m| m.iter().map(|m| m.0.clone()).collect());
        points.push("Now (the draft as it is)".to_owned());
        points
    };
    let select = move |signal: RwSignal<usize>, testid: &'static str, label: &'static str| {
        view! {
            <label>
                {label}
                <select
                    data-testid=testid
                    on:change=move |event| {
                        if let Ok(index) = event_target_value(&event).parse::<usize>() {
                            signal.set(index);
                        }
                    }
                >
                    {move || {
                        let points = points();
                        let last = points.len() - 1;
                        let current = signal.get().min(last);
                        points
                            .into_iter()
                            .enumerate()
                            .map(|(index, point)| {
                                view! {
                                    <option value=index.to_string() selected=index == current>
                                        {point}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    let compare = move |_| {
        let last = milestones.with(Vec::len);
        shown.set(Some((
            before.get_untracked().min(last),
            after.get_untracked().min(last),
        )));
    };
    view! {
        <section
            class="milestones no-print"
            data-testid="milestones"
            aria-labelledby="milestones-title"
        >
            <h2 id="milestones-title">"Milestones"</h2>
            <p class="hint">
                "Keep the answers as they are now under a name (“before engagement”, “after remediation”), then compare any two, or one with the draft as it is. Milestones are saved with the draft and go with it when you export it."
            </p>
            <form class="inline-form" on:submit=save>
                <label for="milestone-name">"Name"</label>
                <input
                    type="text"
                    id="milestone-name"
                    data-testid="milestone-name"
                    prop:value=move || name.get()
                    on:input=move |event| name.set(event_target_value(&event))
                />
                <button type="submit" class="button button-secondary" data-testid="milestone-save">
                    "Save a milestone"
                </button>
            </form>
            {move || {
                said.get()
                    .map(|said| match said {
                        Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
                        Err(reason) => {
                            view! {
                                <p role="alert" data-testid="milestone-error">
                                    {reason}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
            <ol class="milestone-list" data-testid="milestone-list">
                {move || {
                    milestones
                        .get()
                        .into_iter()
                        .map(|(name, at, who)| view! { <li>{listed(&name, &at, &who)}</li> })
                        .collect_view()
                }}
            </ol>
            {move || {
                (milestones.with(Vec::len) > 0)
                    .then(|| {
                        view! {
                            <div class="inline-form compare-choice">
                                {select(before, "compare-before", "Compare ")}
                                {select(after, "compare-after", " with ")}
                                <button
                                    type="button"
                                    class="button"
                                    data-testid="compare-run"
                                    on:click=compare
                                >
                                    "Compare"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                shown
                    .get()
                    .map(|(before, after)| {
                        let draft = workspace
                            .draft
                            .with_untracked(|draft| draft.as_ref().map(Draft::to_json))
                            .unwrap_or_default();
                        view! { <later::Comparison draft before after /> }
                    })
            }}
        </section>
    }
}
