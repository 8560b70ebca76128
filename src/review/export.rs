//! Exporting the reviewed bundle: the partner's files unchanged plus the review and its report,
//! made by the core and downloaded; what to finish first when the review is incomplete.

use std::sync::Arc;

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
                <code>"review.json"</code> " and a report showing your triage."
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
