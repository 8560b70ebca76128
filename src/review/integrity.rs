//! Whether an open bundle's files match its manifest: a reassurance when they do, a warning
//! naming each file that does not and why; and the collectors' exports the partner sent with it,
//! each to save and read again. The reason in words is a plain function, tested natively.

use std::sync::Arc;

use intake_core::bundle::{self, FileIntegrity, FileStatus};
use intake_core::display::file_size;
use leptos::prelude::*;

use super::opened::Opened;
use crate::platform::files::download_bytes;

/// Why a file of the bundle is not intact, said after its name.
pub fn problem(file: &FileIntegrity) -> &'static str {
    match file.status {
        FileStatus::Modified if file.name == bundle::REVIEW => "was made for another bundle",
        FileStatus::Modified => "was changed after the bundle was made: its hash differs",
        FileStatus::Missing => "is listed in the manifest but missing",
        FileStatus::Unlisted => "is not listed in the manifest",
        FileStatus::Intact => "is intact",
    }
}

/// Whether each file matches the manifest, with a warning naming each file that does not.
#[component]
pub fn IntegrityPanel(opened: Arc<Opened>) -> impl IntoView {
    let integrity = &opened.bundle.integrity;
    if integrity.is_intact() {
        return view! {
            <p class="notice" role="status" data-testid="integrity">
                "Integrity: every file matches the bundle's manifest."
            </p>
        }
        .into_any();
    }
    let problems: Vec<(String, &'static str)> = integrity
        .problems()
        .map(|file| (file.name.clone(), problem(file)))
        .collect();
    view! {
        <div class="notice notice-error" role="alert" data-testid="integrity">
            <p>
                <strong>"Integrity warning:"</strong>
                " this bundle does not match its manifest."
            </p>
            <ul>
                {problems
                    .into_iter()
                    .map(|(name, why)| {
                        view! {
                            <li>
                                <code>{name}</code>
                                " "
                                {why}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// The collectors' exports the partner sent with the bundle, when they did: each to save, so the
/// tech lead can open it or read it again (`intake evidence`) and check what was imported.
#[component]
pub fn ExportsPanel(opened: Arc<Opened>) -> impl IntoView {
    let count = opened.bundle.exports.len();
    (count > 0).then(|| {
        let files = (0..count)
            .map(|index| {
                let opened = opened.clone();
                let file = &opened.bundle.exports[index];
                let label = format!("{} ({})", file.name, file_size(file.bytes.len()));
                let save = move |_| {
                    let file = &opened.bundle.exports[index];
                    let name = file.name.rsplit('/').next().unwrap_or(&file.name);
                    download_bytes(name, "application/octet-stream", &file.bytes);
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="button button-secondary"
                            data-testid="save-export"
                            on:click=save
                        >
                            "Save"
                        </button>
                        " "
                        <code>{label}</code>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section
                class="review-exports"
                aria-labelledby="exports-title"
                data-testid="review-exports"
            >
                <h2 id="exports-title">"Collector exports sent"</h2>
                <p>
                    {format!(
                        "The partner sent the {} the answers' evidence was read from. Save {} to open in a spreadsheet, or to read again with intake evidence, and check what was imported.",
                        if count == 1 { "export".to_owned() } else { format!("{count} exports") },
                        if count == 1 { "it" } else { "them" },
                    )}
                </p>
                <ul class="review-export-list">{files}</ul>
            </section>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, status: FileStatus) -> FileIntegrity {
        FileIntegrity {
            name: name.to_owned(),
            status,
        }
    }

    #[test]
    fn a_changed_review_is_one_made_for_another_bundle() {
        assert_eq!(
            problem(&file(bundle::REVIEW, FileStatus::Modified)),
            "was made for another bundle"
        );
        assert_eq!(
            problem(&file("answers.json", FileStatus::Modified)),
            "was changed after the bundle was made: its hash differs"
        );
        assert_eq!(
            problem(&file("findings.json", FileStatus::Missing)),
            "is listed in the manifest but missing"
        );
        assert_eq!(
            problem(&file("extra.txt", FileStatus::Unlisted)),
            "is not listed in the manifest"
        );
    }
}
