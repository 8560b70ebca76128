//! A walk through a playbook, kept with the open draft: the later module draws it (the playbooks
//! are in it), and every step taken comes back here to be saved like any answer.

use intake_core::draft::Draft;
use intake_core::playbooks::walk::Walk;
use leptos::prelude::*;

use crate::later;
use crate::platform::route::Route;
use crate::workspace::Workspace;

/// The walk of `playbook` in the open draft, started if there is none yet.
#[component]
pub fn WalkPage(playbook: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let draft_id = workspace.draft_id().unwrap_or_default();
    // Read once: from here on the later module holds the walk and reports every change.
    let kept = workspace.draft.with_untracked(|draft| {
        draft
            .as_ref()
            .and_then(|draft| draft.walks.get(&playbook))
            .map(Walk::to_json)
            .unwrap_or_default()
    });
    // The answers as they are now, for the walk to show what they say at each step.
    let answers = workspace.draft.with_untracked(|draft| {
        draft
            .as_ref()
            .map(|draft| draft.answers.to_json())
            .unwrap_or_default()
    });
    let key = playbook.clone();
    let changed = move |json: String| {
        if let Ok(walk) = Walk::from_json(&json) {
            let key = key.clone();
            workspace.edit(move |draft: &mut Draft| {
                draft.walks.insert(key, walk);
            });
        }
    };
    let back = Route::Summary { draft: draft_id }.href();
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=back>"Summary and findings"</a>
        </nav>
        <later::Walk playbook kept answers changed />
    }
}

/// "What is failing?": the symptoms partners call about, each opening its walk in this draft.
#[component]
pub fn Failing() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let draft = workspace.draft_id().unwrap_or_default();
    let walk_href = Route::Walk {
        draft: draft.clone(),
        playbook: String::new(),
    }
    .href();
    let back = Route::Summary { draft }.href();
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=back>"Summary and findings"</a>
        </nav>
        <later::SymptomChooser walk_href />
    }
}
