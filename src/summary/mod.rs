//! A draft's summary: an overview first (issues by severity and category, how complete the
//! answers are, the top actions), sending the bundle, then the findings and the answers folded
//! away. It prints cleanly (see `@media print` in `style/main.css`).
//!
//! This file holds the page; the overview is in `overview.rs` (its chart in `chart.rs`), sending
//! the bundle in `send.rs`, and the parts folded away in `details.rs`.

mod chart;
mod details;
mod milestones;
mod overview;
mod send;

pub use chart::SeverityLegend;
pub use send::download_bundle;

use intake_core::rules::FindingKind;
use leptos::prelude::*;

use details::{Answers, FindingGroup, Waiting};
use milestones::{Colleagues, Together};
use overview::Overview;
use send::BundleExport;

use crate::drafts::export_open_draft;
use crate::workspace::Workspace;

#[component]
pub fn Summary() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let every: Vec<&str> = workspace
        .questionnaire
        .sections()
        .iter()
        .map(|section| section.id.as_str())
        .collect();
    workspace.leave(&every);
    let name = move || {
        workspace
            .draft
            .with(|draft| draft.as_ref().map(intake_core::draft::Draft::title))
            .unwrap_or_default()
    };
    crate::questions::take_focus("step-title");
    // Printed, everything folded away unfolds: paper has no buttons to open it.
    let printing = window_event_listener(leptos::ev::beforeprint, |_| unfold_all());
    on_cleanup(move || printing.remove());
    let findings = move |kind: FindingKind| {
        move || {
            workspace.assessment.with(|assessment| {
                assessment.as_ref().map_or_else(Vec::new, |a| {
                    a.findings
                        .iter()
                        .filter(|f| f.kind == kind)
                        .cloned()
                        .collect()
                })
            })
        }
    };
    let issues = findings(FindingKind::Issue);
    let verify = findings(FindingKind::NeedsVerification);
    view! {
        <section class="summary" aria-labelledby="step-title">
            <h1 id="step-title" tabindex="-1">
                "Summary: "
                {name}
            </h1>
            <Overview />
            <BundleExport />
            <div class="summary-actions no-print">
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| export_open_draft(workspace)
                >
                    "Export answers (JSON)"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        unfold_all();
                        let _ = window().print();
                    }
                >
                    "Print"
                </button>
            </div>
            <Colleagues />
            <Together />
            <h2>"Details"</h2>
            <FindingGroup title="Issues" testid="issue-cards" findings=Signal::derive(issues) />
            <FindingGroup title="To verify" testid="verify-cards" findings=Signal::derive(verify) />
            <Waiting />
            <details class="summary-details" data-testid="answers-details">
                <summary>"Every answer, by section"</summary>
                <Answers />
            </details>
        </section>
    }
}

/// Opens every folded part of the summary, for printing.
fn unfold_all() {
    let Ok(folded) = document().query_selector_all(".summary details") else {
        return;
    };
    for index in 0..folded.length() {
        if let Some(element) = folded
            .item(index)
            .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        {
            let _ = element.set_attribute("open", "");
        }
    }
}
