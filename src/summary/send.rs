//! Sending the findings bundle to the tech lead: how complete it is, the two downloads (as is,
//! or anonymised), the collectors' exports to send with it if the partner chooses, and the
//! answers it leaves out or that have problems, each a link to fix it.

use intake_core::bundle::{self, exports};
use intake_core::display::file_size;
use intake_core::evidence::Picked;
use intake_core::playbooks::walk::Walk;
use intake_core::validate::{Problem, Severity};
use std::rc::Rc;

use leptos::prelude::*;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use leptos::task::spawn_local;

use crate::later;
use crate::platform::clock::clock_now;
use crate::platform::files::download_bytes;
use crate::platform::storage::Store;
use crate::questions::Places;
use crate::workspace::{OpenDraft, Workspace};

/// Makes the findings bundle of an answers file (`Answers::to_json`) and the playbooks walked
/// with it (a JSON array of walks), with the collectors' exports the partner chose to send, and
/// offers it as a download: the same archive `intake bundle` (with `--anonymise` when
/// `anonymised`, or `--export` for each export) makes for the same answers, walks and time. An
/// anonymised bundle carries no export. Run by the later module (`later.rs`), where the bundle
/// writer is.
pub fn download_bundle(
    questionnaire: &Questionnaire,
    answers: &str,
    walks: &str,
    anonymised: bool,
    exports: &[Picked],
) -> Result<(), String> {
    let created = clock_now()?;
    let answers = Answers::from_json(answers, questionnaire).map_err(|error| error.to_string())?;
    let walks = Walk::list_from_json(walks)
        .map_err(|error| format!("the playbooks walked cannot be read: {error}"))?;
    let written = if anonymised {
        bundle::write_anonymised(questionnaire, &answers, &walks, created)
    } else {
        bundle::write_with_exports(questionnaire, &answers, &walks, exports, created)
            .map(|bytes| (bytes, answers))
    };
    let (bytes, answers) = written.map_err(|error| error.to_string())?;
    download_bytes(
        &bundle::file_name(&answers, created),
        "application/zip",
        &bytes,
    );
    Ok(())
}

/// Downloads the open draft's findings bundle, with the exports kept with it when `with_exports`
/// (never in the anonymised one), loading the bundle writer first if this is the first time; says
/// why when it cannot.
fn export_bundle(
    workspace: Workspace,
    anonymised: bool,
    with_exports: bool,
    outcome: RwSignal<Option<Sending>>,
) {
    let open = workspace.open_draft();
    let Some((answers, walks)) = open.draft.with_untracked(|draft| {
        draft.as_ref().map(|draft| {
            (
                draft.answers.to_json(),
                Walk::list_to_json(draft.walks.values()),
            )
        })
    }) else {
        return;
    };
    outcome.set(Some(Sending::Making));
    let draft = open.draft_id();
    let store = workspace.library.store();
    spawn_local(async move {
        let files = match draft {
            Some(draft) if with_exports && !anonymised => kept_files(store, &draft).await,
            _ => Ok(js_sys::Array::new()),
        };
        let done = match files {
            Ok(files) => later::download_bundle(answers, walks, anonymised, files).await,
            Err(reason) => Err(reason),
        };
        outcome.set(done.err().map(Sending::Failed));
    });
}

/// The exports kept with a draft as the bundle writer takes them: `{name, bytes}` objects.
async fn kept_files(store: Option<Rc<Store>>, draft: &str) -> Result<js_sys::Array, String> {
    let cannot =
        |reason: &str| format!("the exports kept in this browser cannot be read ({reason})");
    let store = store.ok_or_else(|| cannot("this browser does not keep them now"))?;
    let kept = store
        .exports(draft)
        .await
        .map_err(|error| cannot(&error.to_string()))?;
    let files = js_sys::Array::new();
    for export in kept {
        let buffer = wasm_bindgen_futures::JsFuture::from(export.file.array_buffer())
            .await
            .map_err(|_| cannot(&export.name))?;
        let file = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&file, &"name".into(), &export.name.into());
        let _ = js_sys::Reflect::set(
            &file,
            &"bytes".into(),
            &js_sys::Uint8Array::new(&buffer).into(),
        );
        files.push(&file);
    }
    Ok(files)
}

/// The exports kept with the open draft, by name and size, once read from the browser's storage
/// (none when it keeps none or cannot say).
fn kept_exports(workspace: Workspace) -> RwSignal<Option<Vec<(String, usize)>>> {
    let kept = RwSignal::new(None);
    let (Some(store), Some(draft)) = (workspace.library.store(), workspace.draft_id()) else {
        kept.set(Some(Vec::new()));
        return kept;
    };
    spawn_local(async move {
        let exports = store.exports(&draft).await.unwrap_or_default();
        kept.set(Some(
            exports
                .iter()
                .map(|export| (export.name.clone(), export.bytes()))
                .collect(),
        ));
    });
    kept
}

/// Where a download of the bundle stands, when there is something to say.
#[derive(Clone, PartialEq)]
enum Sending {
    Making,
    Failed(String),
}

/// The problems worth fixing before sending (errors, not warnings), as (path, message).
pub fn errors(problems: &[Problem]) -> Vec<(String, String)> {
    problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.path.clone(), p.message.clone()))
        .collect()
}

/// The findings bundle for the tech lead. Missing or invalid answers never block it: the bundle
/// says how complete the assessment is, and each remaining problem is listed with a link to fix
/// it. Only input that cannot be read at all stays out, and the list says which.
#[component]
pub fn BundleExport() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    let sending = RwSignal::new(None::<Sending>);
    let workspace = expect_context::<Workspace>();
    let kept = kept_exports(workspace);
    let with_exports = RwSignal::new(false);
    let making = move || sending.get() == Some(Sending::Making);
    let problems = move || open.problems.with(|problems| errors(problems));
    let unreadable = move || {
        open.draft.with(|draft| {
            draft
                .as_ref()
                .map(|d| d.pending.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <div
            class="bundle-export no-print"
            data-testid="bundle-export"
            data-exports-read=move || kept.with(Option::is_some).then_some("")
        >
            <h2>"Send to your Veeam tech lead"</h2>
            <p id="bundle-status" class="bundle-status">
                {move || {
                    let progress = open.progress.get();
                    format!(
                        "One file with your answers, the findings and readable reports, with a \
                         checksum for every file. It says how complete the assessment is \
                         (answered {} of {} relevant questions): you can send it now and send a \
                         new one later.",
                        progress.answered(),
                        progress.relevant(),
                    )
                }}
            </p>
            {move || {
                kept.with(|kept| {
                    kept.as_ref()
                        .filter(|kept| !kept.is_empty())
                        .map(|kept| view! { <ExportsChoice kept=kept.clone() with_exports /> })
                })
            }}
            <button
                type="button"
                class="button"
                aria-describedby="bundle-status"
                prop:disabled=making
                on:click=move |_| export_bundle(
                    workspace,
                    false,
                    with_exports.get_untracked(),
                    sending,
                )
            >
                "Download findings bundle (.zip)"
            </button>
            " "
            <button
                type="button"
                class="button button-secondary"
                aria-describedby="bundle-status anonymised-status"
                prop:disabled=making
                on:click=move |_| export_bundle(workspace, true, false, sending)
            >
                "Download anonymised bundle"
            </button>
            <p id="anonymised-status" class="bundle-status">
                "The anonymised bundle replaces names, host names, addresses, e-mails and free text \
                 with placeholders, so it can go to Veeam R&D without customer data; the findings \
                 stay the same."
            </p>
            // Said apart from the text above, so that the buttons stay where they are.
            <p class="sending-status" role="status" data-testid="bundle-sending">
                {move || match sending.get() {
                    Some(Sending::Failed(reason)) => {
                        format!("The bundle could not be made: {reason}")
                    }
                    Some(Sending::Making) => "Making the bundle…".to_owned(),
                    None => String::new(),
                }}
            </p>
            {move || {
                let unreadable = unreadable();
                (!unreadable.is_empty())
                    .then(|| {
                        view! {
                            <div class="notice" data-testid="unreadable">
                                <p>
                                    "These answers cannot be read as typed and stay out of the bundle until fixed:"
                                </p>
                                <ul>
                                    {unreadable
                                        .into_iter()
                                        .map(|path| {
                                            view! {
                                                <li>
                                                    <ProblemLink path />
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
            }}
            {move || {
                let problems = problems();
                (!problems.is_empty())
                    .then(|| {
                        view! {
                            <details class="summary-details" data-testid="problems">
                                <summary>
                                    {format!(
                                        "{} answers have problems you may want to fix first",
                                        problems.len(),
                                    )}
                                </summary>
                                <ul class="problem-links">
                                    {problems
                                        .into_iter()
                                        .map(|(path, message)| {
                                            view! {
                                                <li>
                                                    <ProblemLink path />
                                                    ": "
                                                    {message}
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </details>
                        }
                    })
            }}
        </div>
    }
}

/// Whether to send the collectors' exports kept with the draft in the bundle: off until the
/// partner ticks it, and not offered when they do not fit in one.
#[component]
fn ExportsChoice(kept: Vec<(String, usize)>, with_exports: RwSignal<bool>) -> impl IntoView {
    let total: usize = kept.iter().map(|(_, bytes)| bytes).sum();
    let fits = kept.len() <= exports::MAX_EXPORT_FILES && total <= exports::MAX_EXPORT_BYTES;
    if !fits {
        with_exports.set(false);
    }
    let names = kept
        .iter()
        .map(|(name, bytes)| format!("{name} ({})", file_size(*bytes)))
        .collect::<Vec<_>>()
        .join(", ");
    let count = kept.len();
    view! {
        <div class="bundle-exports" data-testid="bundle-exports">
            <label>
                <input
                    type="checkbox"
                    data-testid="bundle-with-exports"
                    prop:checked=move || with_exports.get()
                    prop:disabled=!fits
                    on:change=move |event| with_exports.set(event_target_checked(&event))
                />
                {format!(
                    "Also send the {} your answers were imported from ({} in all)",
                    if count == 1 {
                        "export file".to_owned()
                    } else {
                        format!("{count} export files")
                    },
                    file_size(total),
                )}
            </label>
            <p class="bundle-status">
                {if fits {
                    format!(
                        "{names}. They hold your platform's names and addresses; the tech lead and Veeam R&D can read them again to check what was imported. Never in the anonymised bundle.",
                    )
                } else {
                    format!(
                        "{names}: more than one bundle carries ({} files, {} in all), so send them another way if your tech lead asks.",
                        exports::MAX_EXPORT_FILES,
                        file_size(exports::MAX_EXPORT_BYTES),
                    )
                }}
            </p>
        </div>
    }
}

/// A link to a question of the open draft, named by its label.
#[component]
fn ProblemLink(path: String) -> impl IntoView {
    let places = expect_context::<Places>();
    let label = places.label(&path);
    view! {
        <a
            href="#"
            data-path=path.clone()
            on:click=move |event| {
                event.prevent_default();
                places.go_to(&path);
            }
        >
            {label}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(path: &str, severity: Severity) -> Problem {
        Problem {
            path: path.to_owned(),
            severity,
            message: format!("{path} is wrong"),
        }
    }

    #[test]
    fn only_errors_are_listed_in_order() {
        let problems = [
            problem("network.mtu", Severity::Error),
            problem("platform.notes", Severity::Warning),
            problem("engagement.partner_name", Severity::Error),
        ];
        assert_eq!(
            errors(&problems),
            [
                ("network.mtu".to_owned(), "network.mtu is wrong".to_owned()),
                (
                    "engagement.partner_name".to_owned(),
                    "engagement.partner_name is wrong".to_owned()
                ),
            ]
        );
        assert!(errors(&problems[1..2]).is_empty());
    }
}
