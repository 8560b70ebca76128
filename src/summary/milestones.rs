//! Who answers, several people's answers merged, and the draft over time: the "answered by"
//! name merges show and the way to the merge page; handing out sections and milestones (named
//! snapshots of the answers, compared two at a time) are drawn by the later module.

use intake_core::draft::Draft;
use leptos::prelude::*;

use crate::later;
use crate::platform::clock;
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

/// Handing out sections and the draft's milestones, drawn by the later module (neither is needed
/// before the end of an assessment): it is given the draft, and a milestone is saved here, in the
/// draft, when it asks.
#[component]
pub fn Together() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    workspace.save_now();
    let draft = workspace
        .draft
        .with_untracked(|draft| draft.as_ref().map(Draft::to_json))
        .unwrap_or_default();
    let save = move |name: String| {
        let mut outcome = Err("No draft is open.".to_owned());
        workspace.edit(|draft| outcome = draft.add_milestone(&name, &clock::now()));
        outcome.map(|()| {
            workspace
                .draft
                .with_untracked(|draft| draft.as_ref().map(Draft::to_json))
                .unwrap_or_default()
        })
    };
    view! { <later::Together draft save /> }
}
