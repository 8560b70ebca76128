//! Review mode: a tech lead opens a partner's findings bundle, checks its integrity, sees the
//! answers and what the current rules find (and how that differs from the bundle), triages each
//! finding, plans what happens next, adds notes and findings of their own, and exports the
//! reviewed bundle.
//!
//! Everything here is a shell over `intake_core::bundle`: reading, the re-run, the triage model
//! and the reviewed zip are the core's, the same as `intake review` uses. A review in progress is
//! kept in the browser with its bundle, so nothing typed is lost.
//!
//! This file holds the page; the desk and its storage are in `desk.rs`, the open bundle in
//! `opened.rs`, opening one in `open.rs`, the integrity and re-run notices in `integrity.rs` and
//! `rerun.rs`, the triage list in `triage*.rs` and `progress.rs`, added findings in `added.rs`,
//! a finding's plan (owner, date, workaround, R&D) in `plan.rs`,
//! the playbooks walked (the partner's, and the tech lead's own) in `walks.rs`, and the export in
//! `export.rs`.

mod added;
mod desk;
mod export;
mod integrity;
mod open;
mod opened;
mod plan;
mod progress;
mod rerun;
mod triage;
mod triage_filter;
mod triage_row;
mod walks;

use std::sync::Arc;

use leptos::prelude::*;

use added::AddedFindings;
pub use desk::Desk;
use export::{ReviewDocuments, ReviewExport};
use integrity::{ExportsPanel, IntegrityPanel};
use open::OpenBundle;
use opened::Opened;
use rerun::RerunPanel;
use triage::TriageList;
use walks::ReviewWalks;

use crate::answers::{Confirming, answer_sections};
use crate::platform::route::Route;

/// The review page: open a bundle, or review the open one.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let desk = expect_context::<Desk>();
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=Route::Home.href()>"Home"</a>
        </nav>
        {move || match desk.opened.get() {
            None => view! { <OpenBundle /> }.into_any(),
            Some(opened) => view! { <BundleReview opened /> }.into_any(),
        }}
    }
}

/// The open bundle under review: its facts, integrity and re-run, the reviewer's name and note,
/// the triage list, added findings, the export and the answers folded away.
#[component]
fn BundleReview(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let manifest = &opened.bundle.manifest;
    let title = opened.title();
    let reviewer = desk.review.with_untracked(|r| r.reviewer.clone());
    let note = desk.review.with_untracked(|r| r.note.clone());
    // Drawn when first opened, like each finding's details: the review shows sooner.
    let answers_open = RwSignal::new(false);
    let answers = opened.clone();
    view! {
        <h1 id="review-title" tabindex="-1">
            {title}
        </h1>
        <dl class="bundle-facts">
            <dt>"File"</dt>
            <dd data-testid="bundle-name">{opened.name.clone()}</dd>
            <dt>"Created"</dt>
            <dd>{manifest.created_at.clone()}</dd>
            <dt>"Made with"</dt>
            <dd>
                {format!(
                    "{} {}, rule set {}",
                    intake_core::PRODUCT_NAME,
                    manifest.app_version,
                    manifest.ruleset_version,
                )}
            </dd>
        </dl>
        <p>
            <button type="button" class="button button-secondary" on:click=move |_| desk.close()>
                "Close this bundle"
            </button>
        </p>
        <IntegrityPanel opened=opened.clone() />
        <ExportsPanel opened=opened.clone() />
        <RerunPanel opened=opened.clone() />
        <section aria-labelledby="reviewer-title">
            <h2 id="reviewer-title">"Your review"</h2>
            <div class="field">
                <label for="reviewer">"Reviewer"</label>
                <input
                    id="reviewer"
                    type="text"
                    autocomplete="name"
                    prop:value=reviewer
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        desk.edit(|review| review.reviewer = value);
                    }
                />
            </div>
            <div class="field">
                <label for="review-note">"Overall note"</label>
                <textarea
                    id="review-note"
                    rows="4"
                    prop:value=note
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        desk.edit(|review| review.note = value);
                    }
                ></textarea>
            </div>
        </section>
        <TriageList opened=opened.clone() />
        <AddedFindings />
        <ReviewWalks opened=opened.clone() />
        <ReviewExport opened=opened.clone() />
        <ReviewDocuments opened=opened.clone() />
        <crate::compare::CompareWith
            questionnaire=desk.questionnaire
            this=crate::compare::Point {
                name: opened.name.clone(),
                answers: std::sync::Arc::new(opened.bundle.answers.clone()),
            }
        />
        <section class="answers" aria-labelledby="review-answers-title">
            <h2 id="review-answers-title">"Answers by section"</h2>
            <details data-testid="review-answers" on:toggle=move |_| answers_open.set(true)>
                <summary>"Show every answer"</summary>
                {move || {
                    answers_open
                        .get()
                        .then(|| {
                            answer_sections(
                                desk.questionnaire,
                                &answers.bundle.answers,
                                Some(confirming(desk)),
                            )
                        })
                }}
            </details>
        </section>
    }
}

/// The tech lead's marks on the bundle's answers, kept in the review (`confirmed`, review schema 3).
fn confirming(desk: Desk) -> Confirming {
    Confirming {
        note: Callback::new(move |path: String| {
            desk.review
                .with(|review| review.confirmed.get(&path).map(|c| c.note.clone()))
        }),
        toggle: Callback::new(move |path: String| {
            desk.edit(|review| {
                if review.confirmed.remove(&path).is_none() {
                    review.confirmed.insert(path, Default::default());
                }
            })
        }),
        set_note: Callback::new(move |(path, note): (String, String)| {
            desk.edit(|review| {
                if let Some(confirmed) = review.confirmed.get_mut(&path) {
                    confirmed.note = note;
                }
            })
        }),
    }
}
