//! Triage of a bundle's findings at scale: a compact list with filters, progress, "next
//! untriaged", keyboard shortcuts and verdicts for every finding shown at once. Which items show
//! and which comes next are plain functions (`triage_filter.rs`, `progress.rs`), tested natively;
//! the components draw them, each row in `triage_row.rs`.

use std::sync::Arc;

use intake_core::bundle::{self, TriageKey, Verdict};
use intake_core::rules::{Category, FindingKind};
use leptos::prelude::*;

use super::desk::Desk;
use super::opened::Opened;
use super::progress::{counts_text, next_untriaged, progress_text};
use super::triage_filter::{Facts, TriageFilter, VerdictFilter};
use super::triage_row::{Row, TriageRow};
use crate::findings::{KindChips, SeveritySelect};

/// The list to triage: toolbar (progress, next untriaged, export), filters, bulk verdicts and a
/// compact row per finding.
#[component]
pub fn TriageList(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let items = bundle::items(&opened.rerun);
    let total = items.len();
    let rows: Arc<Vec<Row>> = Arc::new(
        items
            .iter()
            .map(|item| Row {
                key: Arc::new(item.key.clone()),
                facts: Facts::of(item),
                title: item.title().to_owned(),
                message: item.message().to_owned(),
                change: item.change,
                finding: item.current.cloned(),
            })
            .collect(),
    );
    let filter = RwSignal::new(TriageFilter::default());
    let verdicts = {
        let rows = rows.clone();
        Memo::new(move |_| {
            desk.review.with(|review| {
                rows.iter()
                    .map(|row| review.triage(&row.key).and_then(|t| t.verdict))
                    .collect::<Vec<_>>()
            })
        })
    };
    let shown = {
        let rows = rows.clone();
        Memo::new(move |_| {
            let filter = filter.get();
            verdicts.with(|verdicts| {
                rows.iter()
                    .zip(verdicts)
                    .map(|(row, verdict)| filter.matches(row.facts, *verdict))
                    .collect::<Vec<bool>>()
            })
        })
    };
    let triaged = Memo::new(move |_| verdicts.with(|v| v.iter().filter(|v| v.is_some()).count()));
    let issues = rows
        .iter()
        .filter(|row| row.facts.kind == FindingKind::Issue)
        .count();
    let go_next = move |after: Option<usize>| {
        let untriaged: Vec<bool> =
            verdicts.with_untracked(|v| v.iter().map(Option::is_none).collect());
        let next = shown.with_untracked(|shown| next_untriaged(&untriaged, shown, after));
        if let Some(index) = next {
            crate::platform::dom::focus(&format!("triage-{index}"));
        }
    };
    let bulk = {
        let rows = rows.clone();
        move |verdict: Verdict| {
            let keys: Vec<Arc<TriageKey>> = shown.with_untracked(|shown| {
                rows.iter()
                    .zip(shown)
                    .filter(|(_, shown)| **shown)
                    .map(|(row, _)| row.key.clone())
                    .collect()
            });
            desk.edit(|review| {
                for key in &keys {
                    review.triage_mut(key).verdict = Some(verdict);
                }
            });
        }
    };
    let bulk_confirm = bulk.clone();
    let export_opened = opened.clone();
    let list = rows
        .iter()
        .cloned()
        .enumerate()
        .map(|(index, row)| view! { <TriageRow index row shown verdicts go_next /> })
        .collect_view();
    view! {
        <section aria-labelledby="triage-title" class="triage-section">
            <h2 id="triage-title">"Findings"</h2>
            <div class="triage-toolbar" data-testid="triage-toolbar">
                <p class="triage-progress" data-testid="triage-progress">
                    <strong>{move || progress_text(triaged.get(), total)}</strong>
                    <progress
                        max=total.max(1)
                        value=move || triaged.get()
                        aria-hidden="true"
                    ></progress>
                </p>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="next-untriaged"
                    on:click=move |_| go_next(None)
                >
                    "Next untriaged"
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="toolbar-export"
                    aria-label="Download reviewed bundle"
                    on:click=move |_| desk.export(&export_opened)
                >
                    "Download"
                    <span class="wide-only">" reviewed bundle"</span>
                </button>
                {move || {
                    desk.export_outcome
                        .get()
                        .map(|reason| {
                            view! {
                                <p class="toolbar-outcome" role="status">
                                    {reason}
                                </p>
                            }
                        })
                }}
            </div>
            <p data-testid="triage-counts">
                {move || {
                    let counts = desk
                        .review
                        .with(|review| review.counts(&bundle::items(&opened.rerun)));
                    counts_text(total, issues, counts)
                }}
            </p>
            <p class="keys" data-testid="keys">
                "Keys on a finding: "
                <kbd>"C"</kbd>
                " confirmed, "
                <kbd>"D"</kbd>
                " dismissed, "
                <kbd>"F"</kbd>
                " needs follow-up, "
                <kbd>"U"</kbd>
                " not triaged; "
                <kbd>"N"</kbd>
                " next untriaged, "
                <kbd>"J"</kbd>
                " / "
                <kbd>"K"</kbd>
                " next / previous."
            </p>
            <TriageFilters filter />
            <div class="bulk" data-testid="bulk">
                <span>
                    {move || format!("{} shown:", shown.with(|s| s.iter().filter(|s| **s).count()))}
                </span>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| bulk_confirm(Verdict::Confirmed)
                >
                    "Mark all shown confirmed"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| bulk(Verdict::FollowUp)
                >
                    "Mark all shown as needing follow-up"
                </button>
            </div>
            <ol class="review-findings">{list}</ol>
        </section>
    }
}

/// The filters: kind, severity, category and verdict.
#[component]
fn TriageFilters(filter: RwSignal<TriageFilter>) -> impl IntoView {
    view! {
        <fieldset class="finding-filter triage-filter" data-testid="triage-filter">
            <legend class="visually-hidden">"Show findings"</legend>
            <div class="filter-kinds" role="group" aria-label="Kind">
                <KindChips
                    show=Signal::derive(move || filter.with(|f| f.show))
                    pick=Callback::new(move |show| filter.update(|f| f.show = show))
                />
            </div>
            <SeveritySelect
                testid="triage-severity"
                value=Signal::derive(move || filter.with(|f| f.severity))
                pick=Callback::new(move |severity| filter.update(|f| f.severity = severity))
            />
            <label class="filter-field">
                <span>"Category"</span>
                <select
                    data-testid="triage-category"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        filter
                            .update(|f| {
                                f.category = Category::ALL.into_iter().find(|c| c.name() == value);
                            });
                    }
                >
                    <option value="">"Any"</option>
                    {Category::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.name()>{c.title()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="filter-field">
                <span>"Verdict"</span>
                <select
                    data-testid="triage-verdict"
                    on:change=move |event| {
                        let verdict = VerdictFilter::from_id(&event_target_value(&event));
                        filter.update(|f| f.verdict = verdict);
                    }
                >
                    {VerdictFilter::ALL
                        .into_iter()
                        .map(|f| view! { <option value=f.id()>{f.label()}</option> })
                        .collect_view()}
                </select>
            </label>
        </fieldset>
    }
}
