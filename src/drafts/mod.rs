//! The drafts kept in this browser: start, open, rename, export, import and delete them, and
//! delete everything this app keeps here. Each stored draft's row is in `row.rs`, the drafts'
//! files (export and import) in `files.rs`.

mod files;
mod row;

use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;
use leptos::task::spawn_local;

pub use files::{export_open_draft, file_stem, read_picked};
use row::DraftRow;

use crate::platform::clock::now;
use crate::platform::files::picked_file;
use crate::platform::offline::Updates;
use crate::platform::route::{self, Route};
use crate::workspace::Workspace;

#[component]
pub fn Drafts() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let library = workspace.library;
    let updates = expect_context::<Updates>();
    let message = RwSignal::new(None::<(bool, String)>);
    let import = move |event: leptos::ev::Event| {
        let Some(file) = picked_file(&event) else {
            return;
        };
        spawn_local(async move {
            let outcome = files::read_picked(file).await.and_then(|(name, text)| {
                files::read_import(workspace.questionnaire, &name, &text, &now())
            });
            match outcome {
                Ok(draft) => {
                    let name = draft.name.clone();
                    workspace.import(draft);
                    message.set(Some((true, format!("Imported “{name}”."))));
                }
                Err(reason) => message.set(Some((false, reason))),
            }
        });
    };
    let delete_all = move |_| {
        let sure = window()
            .confirm_with_message(
                "Delete every draft and review this app keeps in this browser? Export what you \
                 want to keep first: this cannot be undone.",
            )
            .unwrap_or(false);
        if sure {
            workspace.delete_all();
            crate::later::forget_reviews();
            message.set(Some((
                true,
                "Deleted every draft and review from this browser.".to_owned(),
            )));
        }
    };
    Effect::new(move |_| request_animation_frame(|| crate::platform::dom::focus("drafts-title")));
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=Route::Home.href()>"Home"</a>
        </nav>
        <section class="drafts" aria-labelledby="drafts-title">
            <h1 id="drafts-title" tabindex="-1">
                "Your drafts"
            </h1>
            <p class="lede">
                "Drafts are kept in this browser only. Export one to move it to another computer or to keep a copy."
            </p>
            {move || {
                updates
                    .persisted
                    .get()
                    .map(|kept| {
                        view! {
                            <p data-testid="persistence">
                                {if kept {
                                    "This browser has agreed to keep them until you delete them."
                                } else {
                                    "This browser may clear them when it runs short of space or the page goes \
                         unused for a while: export the drafts you need to keep."
                                }}
                            </p>
                        }
                    })
            }}
            {move || {
                message
                    .get()
                    .map(|(good, text)| {
                        view! {
                            <p
                                class=if good { "notice notice-ok" } else { "notice notice-error" }
                                role=if good { "status" } else { "alert" }
                                data-testid="drafts-message"
                            >
                                {text}
                            </p>
                        }
                    })
            }}
            <NewDraft />
            <h2>"In this browser"</h2>
            {move || {
                if !library.ready.get() {
                    return view! { <p role="status">"Reading your drafts…"</p> }.into_any();
                }
                let drafts = library.list().get();
                if drafts.is_empty() {
                    return view! { <p data-testid="no-drafts">"No drafts yet."</p> }.into_any();
                }
                view! {
                    <ul class="draft-list">
                        {drafts
                            .into_iter()
                            .map(|entry| view! { <DraftRow entry message /> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            <h2>"Import"</h2>
            <p>
                <label for="import-file">
                    "Import an answers file or an exported draft (JSON)"
                </label>
                " "
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    data-testid="import"
                    on:change=import
                />
            </p>
            <p>
                "Or start from what your collectors know: an RVTools export or a Veeam Healthcheck folder answers many questions for you. "
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="start-from-exports"
                    on:click=move |_| {
                        let id = workspace.create("");
                        route::go(&Route::Import { draft: id });
                    }
                >
                    "Start from collector exports"
                </button>
            </p>
            <h2>"Your data"</h2>
            <p>
                <button
                    type="button"
                    class="button button-danger"
                    data-testid="delete-all"
                    on:click=delete_all
                >
                    "Delete all my data from this browser"
                </button>
            </p>
        </section>
    }
}

/// Starts a draft under a name the partner types.
#[component]
pub fn NewDraft() -> impl IntoView {
    let workspace = use_context::<Workspace>();
    let name = RwSignal::new(String::new());
    let start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(workspace) = workspace else {
            return;
        };
        let typed = name.get_untracked();
        let typed = typed.trim();
        // Not named: the draft takes its name from the partner and engagement answered.
        let id = workspace.create(typed);
        route::go(&Route::Section {
            draft: id,
            section: first_section(workspace.questionnaire),
        });
    };
    view! {
        <form class="new-draft" on:submit=start>
            <label for="new-draft-name">"Name of the new assessment"</label>
            <div class="inline-form">
                <input
                    id="new-draft-name"
                    type="text"
                    placeholder="e.g. Noordkaap 2026 review"
                    autocomplete="off"
                    bind:value=name
                />
                <button type="submit" class="button" data-testid="start">
                    "Start"
                </button>
            </div>
        </form>
    }
}

/// "What is failing?" from the landing page: a new draft to keep the walk in, opened at the
/// symptoms. Without a [`Workspace`] (the static page) the button does nothing.
#[component]
pub fn Troubleshoot() -> impl IntoView {
    let workspace = use_context::<Workspace>();
    let start = move |_| {
        let Some(workspace) = workspace else {
            return;
        };
        let id = workspace.create(TROUBLESHOOTING);
        route::go(&Route::Failing { draft: id });
    };
    view! {
        <button type="button" class="button" data-testid="troubleshoot" on:click=start>
            "Start from a symptom"
        </button>
        <p class="entry-status">
            "The walk is kept in a new draft, named “" {TROUBLESHOOTING} "”."
        </p>
    }
}

/// The name of a draft started from "What is failing?".
const TROUBLESHOOTING: &str = "Troubleshooting";

/// The id of the questionnaire's first section, where a draft opens.
fn first_section(questionnaire: &Questionnaire) -> String {
    questionnaire
        .sections()
        .first()
        .map(|section| section.id.clone())
        .unwrap_or_default()
}
