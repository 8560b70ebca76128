//! Exporting the reviewed bundle: the partner's files unchanged plus the review, its report and
//! its documents, made by the core and downloaded; each of the review's three documents alone;
//! what to finish first when the review is incomplete.

use std::sync::Arc;

use intake_core::bundle::documents::{self, DocumentError, Format, Reader};
use intake_core::bundle::{self, Review};
use leptos::prelude::*;

use super::desk::Desk;
use super::opened::Opened;
use crate::platform::clock::clock_now;
use crate::platform::files::download_bytes;

impl Desk {
    /// Downloads the reviewed bundle, or says why it cannot be made.
    pub fn export(self, opened: &Opened) {
        self.tried_export.set(true);
        let result = clock_now().and_then(|at| {
            self.review.with_untracked(|review| {
                bundle::write_reviewed(
                    &opened.bytes,
                    &opened.bundle,
                    review,
                    self.questionnaire,
                    at,
                )
                .map_err(|error| error.to_string())
            })
        });
        match result {
            Ok(bytes) => {
                download_bytes(
                    &bundle::reviewed_file_name(&opened.name),
                    "application/zip",
                    &bytes,
                );
                self.export_outcome.set(None);
            }
            Err(reason) => self.export_outcome.set(Some(reason)),
        }
    }
}

/// The reviewed bundle's download: enabled once the review is finished, with what to finish.
#[component]
pub fn ReviewExport(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let problems = Memo::new(move |_| desk.review.with(Review::problems));
    let outcome = desk.export_outcome;
    let export = move |_| desk.export(&opened);
    view! {
        <section aria-labelledby="review-export-title">
            <h2 id="review-export-title">"Export"</h2>
            <p>
                "The reviewed bundle keeps the partner's files unchanged and adds "
                <code>"review.json"</code> ", a report showing your triage and the documents below."
            </p>
            <button type="button" class="button" data-testid="export-review" on:click=export>
                "Download reviewed bundle (.zip)"
            </button>
            {move || {
                let problems = problems.get();
                (desk.tried_export.get() && !problems.is_empty())
                    .then(|| {
                        view! {
                            <ul class="problems" data-testid="review-problems">
                                {problems
                                    .into_iter()
                                    .map(|p| view! { <li>{p}</li> })
                                    .collect_view()}
                            </ul>
                        }
                    })
            }}
            {move || {
                outcome
                    .get()
                    .map(|reason| {
                        view! {
                            <p role="alert" data-testid="export-outcome">
                                {reason}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// What each reader's document holds, in a sentence.
fn purpose(reader: Reader) -> &'static str {
    match reader {
        Reader::Partner => {
            "What the partner must do, most urgent first: the workaround now, the fix, who and \
             by when; what Veeam handles; what is already fine. HTML prints on A4 and Letter; CSV \
             imports into an issue tracker."
        }
        Reader::Rnd => {
            "Each finding escalated to R&D with the environment to reproduce it, the evidence and \
             where it came from, the playbook walks and what they ruled out, a timeline and the \
             open questions. JSON for scripts."
        }
        Reader::Qa => {
            "For each escalated finding: the products and configuration involved, the regression \
             risk and test cases (preconditions, steps, expected result). CSV imports into \
             test-case tools."
        }
    }
}

impl Desk {
    /// Downloads one of the review's documents, or shows what to finish first.
    /// The document is dated today, as the reviewed bundle would be.
    fn download_document(self, opened: &Opened, reader: Reader, format: Format, names: bool) {
        let now = clock_now().ok().map(bundle::rfc3339);
        let made = self.review.with_untracked(|review| {
            let mut review = review.clone();
            if let Some(now) = now {
                review.reviewed_at = now;
            }
            documents::document(
                self.questionnaire,
                &opened.name,
                &opened.bundle,
                &opened.rerun,
                Some(&review),
                reader,
                format,
                names,
            )
        });
        match made {
            Ok(document) => {
                download_bytes(&document.name, document.mime, document.text.as_bytes());
                self.export_outcome.set(None);
            }
            Err(DocumentError::NotReady(_)) => self.tried_export.set(true),
            Err(error) => self.export_outcome.set(Some(error.to_string())),
        }
    }
}

/// The review's three documents, one for each reader, in each of their formats. The evidence pack
/// and the test plan are anonymised unless the reviewer keeps the names.
#[component]
pub fn ReviewDocuments(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let names = RwSignal::new(false);
    let readers = Reader::ALL
        .into_iter()
        .map(|reader| {
            let buttons = reader
                .formats()
                .iter()
                .map(|&format| {
                    let opened = opened.clone();
                    let download = move |_| {
                        desk.download_document(&opened, reader, format, names.get_untracked())
                    };
                    view! {
                        <button
                            type="button"
                            class="button button-secondary"
                            data-testid=format!("download-{}-{}", reader.stem(), format.extension())
                            on:click=download
                        >
                            {format!("{} (.{})", format.name(), format.extension())}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="review-document" data-testid=format!("document-{}", reader.stem())>
                    <h3>{reader.title()}</h3>
                    <p>{purpose(reader)}</p>
                    <div class="review-document-formats">{buttons}</div>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="review-documents-title">
            <h2 id="review-documents-title">"Documents for each reader"</h2>
            <p>
                "Made from this review once it is finished. The reviewed bundle carries them too \
                 (the R&D and QA documents anonymised)."
            </p>
            <label class="documents-names">
                <input
                    type="checkbox"
                    data-testid="documents-with-names"
                    prop:checked=move || names.get()
                    on:change=move |event| names.set(event_target_checked(&event))
                />
                " Keep the partner's names, host names and addresses in the R&D and QA documents \
                 (they are replaced by placeholders unless this is ticked)"
            </label>
            {readers}
        </section>
    }
}
