//! The drafts kept in this browser: start, open, rename, export, import and delete them, and
//! delete everything this app keeps here.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::files;
use crate::platform::route::{self, Route};
use crate::workspace::{DraftEntry, Workspace};

#[component]
pub fn Drafts() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let desk = expect_context::<crate::review::Desk>();
    let updates = expect_context::<crate::offline::Updates>();
    let message = RwSignal::new(None::<(bool, String)>);
    let import = move |event: leptos::ev::Event| {
        let Some(file) = files::picked_file(&event) else {
            return;
        };
        spawn_local(async move {
            let outcome = files::read_picked(file)
                .await
                .and_then(|(name, text)| files::read_import(workspace.questionnaire, &name, &text));
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
            desk.forget_all();
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
            <h1 id="drafts-title" tabindex="-1">"Your drafts"</h1>
            <p class="lede">"Drafts are kept in this browser only. Export one to move it to another computer or to keep a copy."</p>
            {move || updates.persisted.get().map(|kept| view! {
                <p data-testid="persistence">
                    {if kept {
                        "This browser has agreed to keep them until you delete them."
                    } else {
                        "This browser may clear them when it runs short of space or the page goes \
                         unused for a while: export the drafts you need to keep."
                    }}
                </p>
            })}
            {move || message.get().map(|(good, text)| view! {
                <p class=if good { "notice notice-ok" } else { "notice notice-error" }
                   role=if good { "status" } else { "alert" } data-testid="drafts-message">{text}</p>
            })}
            <NewDraft/>
            <h2>"In this browser"</h2>
            {move || {
                if !workspace.ready.get() {
                    return view! { <p role="status">"Reading your drafts…"</p> }.into_any();
                }
                let drafts = workspace.drafts.get();
                if drafts.is_empty() {
                    return view! { <p data-testid="no-drafts">"No drafts yet."</p> }.into_any();
                }
                view! {
                    <ul class="draft-list">
                        {drafts.into_iter().map(|entry| view! { <DraftRow entry message/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <h2>"Import"</h2>
            <p>
                <label for="import-file">"Import an answers file or an exported draft (JSON)"</label>
                <input id="import-file" type="file" accept=".json,application/json" data-testid="import" on:change=import/>
            </p>
            <h2>"Your data"</h2>
            <p>
                <button type="button" class="button button-danger" data-testid="delete-all" on:click=delete_all>
                    "Delete all my data from this browser"
                </button>
            </p>
        </section>
    }
}

/// Starts a draft under a name the partner types.
#[component]
pub fn NewDraft() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let name = RwSignal::new(String::new());
    let start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = name.get_untracked();
        let typed = typed.trim();
        // Not named: the draft takes its name from the partner and engagement answered.
        let id = workspace.create(typed);
        let first = workspace
            .questionnaire
            .sections()
            .first()
            .map(|section| section.id.clone())
            .unwrap_or_default();
        route::go(&Route::Section {
            draft: id,
            section: first,
        });
    };
    view! {
        <form class="new-draft" on:submit=start>
            <label for="new-draft-name">"Name of the new assessment"</label>
            <div class="inline-form">
                <input id="new-draft-name" type="text" placeholder="e.g. Noordkaap 2026 review"
                    autocomplete="off" bind:value=name/>
                <button type="submit" class="button" data-testid="start">"Start"</button>
            </div>
        </form>
    }
}

/// One stored draft with its actions.
#[component]
fn DraftRow(entry: DraftEntry, message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let first = workspace
        .questionnaire
        .sections()
        .first()
        .map(|section| section.id.clone())
        .unwrap_or_default();
    let open = Route::Section {
        draft: entry.id.clone(),
        section: first,
    }
    .href();
    let new_name = RwSignal::new(entry.name.clone());
    let rename_id = format!("rename-{}", entry.id);
    let rename = {
        let id = entry.id.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let name = new_name.get_untracked();
            if name.trim().is_empty() {
                message.set(Some((false, "A draft needs a name.".to_owned())));
                return;
            }
            match workspace.rename(&id, name.trim()) {
                Ok(()) => message.set(Some((true, format!("Renamed to “{}”.", name.trim())))),
                Err(reason) => message.set(Some((false, reason))),
            }
        }
    };
    let export = {
        let (id, name) = (entry.id.clone(), entry.name.clone());
        move |_| files::export_saved(workspace, &id, &name)
    };
    let delete = {
        let (id, name) = (entry.id.clone(), entry.name.clone());
        move |_| {
            let sure = window()
                .confirm_with_message(&format!("Delete the draft “{name}” from this browser?"))
                .unwrap_or(false);
            if sure {
                workspace.delete(&id);
                message.set(Some((true, format!("Deleted “{name}”."))));
            }
        }
    };
    let updated = entry
        .updated_at
        .get(..16)
        .unwrap_or_default()
        .replace('T', " ");
    view! {
        <li class="draft" data-testid="draft" data-draft=entry.id.clone()>
            <h3>{entry.name.clone()}</h3>
            {entry.error.clone().map_or_else(
                || view! {
                    <p class="draft-meta" data-testid="draft-meta">
                        {entry.progress.map(|(answered, relevant)| format!("Answered {answered} of {relevant} relevant questions. "))}
                        "Last changed " {updated} " UTC"
                    </p>
                }.into_any(),
                |error| view! { <p class="notice notice-error" role="alert">"This draft cannot be opened: " {error}</p> }.into_any(),
            )}
            <div class="draft-actions">
                {entry.error.is_none().then(|| view! { <a class="button" href=open>"Open"</a> })}
                <button type="button" class="button button-secondary" on:click=export>"Export"</button>
                <button type="button" class="button button-secondary" on:click=delete>"Delete"</button>
            </div>
            {entry.error.is_none().then(|| view! {
                <form class="inline-form rename" on:submit=rename>
                    <label for=rename_id.clone()>"Rename"</label>
                    <input id=rename_id type="text" bind:value=new_name autocomplete="off"/>
                    <button type="submit" class="button button-secondary">"Rename"</button>
                </form>
            })}
        </li>
    }
}
