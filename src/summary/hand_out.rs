//! Handing out sections: an answers file holding only the sections a colleague should fill (the
//! network team the links, the storage team the arrays), with the engagement details, for them to
//! open in VCSP Intake, fill in and send back; `intake merge` takes it back in.

use intake_core::merge::{ENGAGEMENT_SECTION, hand_out};
use leptos::prelude::*;

use crate::drafts::file_stem;
use crate::platform::files::download;
use crate::workspace::Workspace;

/// The file a colleague is handed: `noordkaap-2026.network-storage.answers.json`.
pub fn hand_out_file_name(title: &str, sections: &[&str]) -> String {
    format!(
        "{}.{}.answers.json",
        file_stem(title),
        sections.join("-").replace('_', "-")
    )
}

/// The summary's "Hand out sections": a section checkbox each, and the download.
#[component]
pub fn HandOut() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let sections: Vec<(String, String)> = workspace
        .questionnaire
        .sections()
        .iter()
        .filter(|section| section.id != ENGAGEMENT_SECTION)
        .map(|section| (section.id.clone(), section.title.clone()))
        .collect();
    let chosen = RwSignal::new(Vec::<String>::new());
    let boxes = sections
        .into_iter()
        .map(|(id, title)| {
            let (value, testid) = (id.clone(), format!("hand-out-{id}"));
            view! {
                <li>
                    <label>
                        <input
                            type="checkbox"
                            data-testid=testid
                            prop:checked=move || chosen.with(|c| c.contains(&value))
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                chosen
                                    .update(|c| {
                                        c.retain(|s| *s != id);
                                        if on {
                                            c.push(id.clone());
                                        }
                                    });
                            }
                        />
                        {title}
                    </label>
                </li>
            }
        })
        .collect_view();
    let download_part = move |_| {
        workspace.save_now();
        let picked = chosen.get_untracked();
        let order: Vec<&str> = workspace
            .questionnaire
            .sections()
            .iter()
            .map(|section| section.id.as_str())
            .filter(|id| picked.iter().any(|p| p == id))
            .collect();
        workspace.draft.with_untracked(|draft| {
            if let Some(draft) = draft {
                let part = hand_out(&draft.answers, &order);
                download(&hand_out_file_name(&draft.title(), &order), &part.to_json());
            }
        });
    };
    view! {
        <details class="hand-out no-print" data-testid="hand-out">
            <summary>"Hand out sections to a colleague"</summary>
            <p>
                "Download an answers file with only the sections a colleague knows best, and the \
                 engagement details. They open it in VCSP Intake (Drafts, Import), say who they \
                 are on its summary, fill it in and send you the draft (Drafts, Export) or their \
                 answers file. “Merge a colleague’s answers” takes it back into this draft, \
                 showing any answer you both gave differently (so does " <code>"intake merge"</code>
                ")."
            </p>
            <ul class="hand-out-sections">{boxes}</ul>
            <button
                type="button"
                class="button button-secondary"
                data-testid="hand-out-download"
                prop:disabled=move || chosen.with(Vec::is_empty)
                on:click=download_part
            >
                "Download answers file for these sections"
            </button>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_after_the_draft_and_the_sections() {
        assert_eq!(
            hand_out_file_name("Noordkaap 2026", &["network", "object_storage"]),
            "noordkaap-2026.network-object-storage.answers.json"
        );
    }
}
