//! Sending the findings bundle to the tech lead: how complete it is, the two downloads (as is,
//! or anonymised), and the answers it leaves out or that have problems, each a link to fix it.

use intake_core::anonymise::{anonymise, anonymise_walks};
use intake_core::bundle;
use intake_core::playbooks::walk::Walk;
use intake_core::validate::{Problem, Severity};
use leptos::prelude::*;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use leptos::task::spawn_local;

use crate::later;
use crate::platform::clock::clock_now;
use crate::platform::files::download_bytes;
use crate::questions::Places;
use crate::workspace::OpenDraft;

/// Makes the findings bundle of an answers file (`Answers::to_json`) and the playbooks walked
/// with it (a JSON array of walks) and offers it as a download: the same archive `intake bundle`
/// (with `--anonymise` when `anonymised`) makes for the same answers, walks and time. Run by the
/// later module (`later.rs`), where the bundle writer is.
pub fn download_bundle(
    questionnaire: &Questionnaire,
    answers: &str,
    walks: &str,
    anonymised: bool,
) -> Result<(), String> {
    let created = clock_now()?;
    let answers = Answers::from_json(answers, questionnaire).map_err(|error| error.to_string())?;
    let walks = Walk::list_from_json(walks)
        .map_err(|error| format!("the playbooks walked cannot be read: {error}"))?;
    let (answers, walks) = if anonymised {
        (anonymise(questionnaire, &answers), anonymise_walks(&walks))
    } else {
        (answers, walks)
    };
    let bytes = bundle::write(questionnaire, &answers, &walks, created)
        .map_err(|error| error.to_string())?;
    download_bytes(
        &bundle::file_name(&answers, created),
        "application/zip",
        &bytes,
    );
    Ok(())
}

/// Downloads the open draft's findings bundle, loading the bundle writer first if this is the
/// first time; says why when it cannot.
fn export_bundle(open: OpenDraft, anonymised: bool, outcome: RwSignal<Option<Sending>>) {
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
    spawn_local(async move {
        let done = later::download_bundle(answers, walks, anonymised).await;
        outcome.set(done.err().map(Sending::Failed));
    });
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
        <div class="bundle-export no-print" data-testid="bundle-export">
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
            <button
                type="button"
                class="button"
                aria-describedby="bundle-status"
                prop:disabled=making
                on:click=move |_| export_bundle(open, false, sending)
            >
                "Download findings bundle (.zip)"
            </button>
            " "
            <button
                type="button"
                class="button button-secondary"
                aria-describedby="bundle-status anonymised-status"
                prop:disabled=making
                on:click=move |_| export_bundle(open, true, sending)
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
