//! One stored draft in the list: open, export, delete and rename it, or what keeps it from
//! opening.

use leptos::prelude::*;

use super::files::export_saved;
use super::first_section;
use crate::platform::route::Route;
use crate::workspace::{DraftEntry, Workspace};

/// One stored draft with its actions.
#[component]
pub fn DraftRow(entry: DraftEntry, message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let open = Route::Section {
        draft: entry.id.clone(),
        section: first_section(workspace.questionnaire),
    }
    .href();
    let merge = Route::Merge {
        draft: entry.id.clone(),
    }
    .href();
    let merge_label = format!("Merge a colleague’s answers into “{}”", entry.name);
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
        move |_| export_saved(workspace.library, &id, &name)
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
    let updated = last_changed(&entry.updated_at);
    let openable = entry.error.is_none();
    view! {
        <li class="draft" data-testid="draft" data-draft=entry.id.clone()>
            <h3>{entry.name.clone()}</h3>
            {entry
                .error
                .clone()
                .map_or_else(
                    || {
                        view! {
                            <p class="draft-meta" data-testid="draft-meta">
                                {entry
                                    .progress
                                    .map(|(answered, relevant)| {
                                        format!(
                                            "Answered {answered} of {relevant} relevant questions. ",
                                        )
                                    })}
                                "Last changed "
                                {updated}
                                " UTC"
                            </p>
                        }
                            .into_any()
                    },
                    |error| {
                        view! {
                            <p class="notice notice-error" role="alert">
                                "This draft cannot be opened: "
                                {error}
                            </p>
                        }
                            .into_any()
                    },
                )}
            <div class="draft-actions">
                <Show when=move || openable>
                    <a class="button" href=open.clone()>
                        "Open"
                    </a>
                    <a
                        class="button button-secondary"
                        href=merge.clone()
                        aria-label=merge_label.clone()
                        data-testid="draft-merge"
                    >
                        "Merge…"
                    </a>
                </Show>
                <button type="button" class="button button-secondary" on:click=export>
                    "Export"
                </button>
                <button type="button" class="button button-secondary" on:click=delete>
                    "Delete"
                </button>
            </div>
            {entry
                .error
                .is_none()
                .then(|| {
                    view! {
                        <form class="inline-form rename" on:submit=rename>
                            <label for=rename_id.clone()>"Rename"</label>
                            <input
                                id=rename_id
                                type="text"
                                bind:value=new_name
                                autocomplete="off"
                            />
                            <button type="submit" class="button button-secondary">
                                "Rename"
                            </button>
                        </form>
                    }
                })}
        </li>
    }
}

/// When a draft last changed, to the minute: "2026-12-04 10:00" (UTC, as stored).
fn last_changed(updated_at: &str) -> String {
    updated_at.get(..16).unwrap_or_default().replace('T', " ")
}

#[cfg(test)]
mod tests {
    use super::last_changed;

    #[test]
    fn the_time_changed_is_shown_to_the_minute() {
        assert_eq!(last_changed("2026-12-04T10:07:31Z"), "2026-12-04 10:07");
        assert_eq!(last_changed("2026-12-04"), "");
    }
}
