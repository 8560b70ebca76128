//! Triage of a bundle's findings at scale: a compact list with filters, progress, "next
//! untriaged", keyboard shortcuts and verdicts for every finding shown at once. Which items show
//! and which comes next are plain functions, tested natively; the components draw them.

use std::sync::Arc;

use intake_core::bundle::{self, Change, ReviewItem, TriageKey, Verdict};
use intake_core::display::capitalised;
use intake_core::rules::{self, Category, Finding, FindingKind, Severity};
use leptos::prelude::*;

use super::{Desk, Opened};
use crate::findings::{Badge, FindingBody, KindChips, SeveritySelect, Show};

/// Which verdicts to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum VerdictFilter {
    #[default]
    Any,
    Untriaged,
    Is(Verdict),
}

impl VerdictFilter {
    const ALL: [(VerdictFilter, &'static str, &'static str); 5] = [
        (VerdictFilter::Any, "any", "Any"),
        (VerdictFilter::Untriaged, "untriaged", "Not triaged"),
        (
            VerdictFilter::Is(Verdict::Confirmed),
            "confirmed",
            "Confirmed",
        ),
        (
            VerdictFilter::Is(Verdict::Dismissed),
            "dismissed",
            "Dismissed",
        ),
        (
            VerdictFilter::Is(Verdict::FollowUp),
            "follow-up",
            "Needs follow-up",
        ),
    ];
}

/// What the triage list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TriageFilter {
    pub show: Show,
    pub severity: Option<Severity>,
    pub category: Option<Category>,
    pub verdict: VerdictFilter,
}

/// What the filter needs to know of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub kind: FindingKind,
    pub severity: Severity,
    pub category: Option<Category>,
}

impl Facts {
    pub fn of(item: &ReviewItem<'_>) -> Facts {
        Facts {
            kind: item.kind(),
            severity: item.severity(),
            category: item
                .current
                .map(|finding| finding.category)
                .or_else(|| rules::rule(item.rule()).map(|rule| rule.category)),
        }
    }
}

impl TriageFilter {
    pub fn matches(&self, facts: Facts, verdict: Option<Verdict>) -> bool {
        let kind = match self.show {
            Show::All => true,
            Show::Issues => facts.kind == FindingKind::Issue,
            Show::ToVerify => facts.kind == FindingKind::NeedsVerification,
        };
        let severity = self.severity.is_none_or(|s| s == facts.severity);
        let category = self.category.is_none_or(|c| Some(c) == facts.category);
        let verdict = match self.verdict {
            VerdictFilter::Any => true,
            VerdictFilter::Untriaged => verdict.is_none(),
            VerdictFilter::Is(wanted) => verdict == Some(wanted),
        };
        kind && severity && category && verdict
    }
}

/// The first untriaged item after `after` (from the start when `None`), wrapping around, among
/// the items shown. `untriaged[i]` and `shown[i]` describe item `i`.
pub fn next_untriaged(untriaged: &[bool], shown: &[bool], after: Option<usize>) -> Option<usize> {
    let count = untriaged.len();
    let start = after.map_or(0, |index| index + 1);
    (0..count)
        .map(|step| (start + step) % count)
        .find(|&index| untriaged[index] && shown.get(index).copied().unwrap_or(true))
}

/// "23 of 65 triaged".
pub fn progress_text(triaged: usize, total: usize) -> String {
    format!("{triaged} of {total} triaged")
}

/// Keys that set a verdict on the focused finding.
fn verdict_for_key(key: &str) -> Option<Option<Verdict>> {
    match key {
        "c" | "C" => Some(Some(Verdict::Confirmed)),
        "d" | "D" => Some(Some(Verdict::Dismissed)),
        "f" | "F" => Some(Some(Verdict::FollowUp)),
        "u" | "U" => Some(None),
        _ => None,
    }
}

/// One row's fixed facts, worked out once when the bundle opens.
#[derive(Clone)]
struct Row {
    key: Arc<TriageKey>,
    facts: Facts,
    title: String,
    message: String,
    change: Change,
    /// The current rules' finding, for its evidence and playbook; none when resolved.
    finding: Option<Finding>,
}

/// The list to triage: toolbar (progress, next untriaged, export), filters, bulk verdicts and a
/// compact row per finding.
#[component]
pub fn TriageList(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let workspace = expect_context::<crate::workspace::Workspace>();
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
        .map(|(index, row)| view! { <TriageRow index row shown verdicts go_next/> })
        .collect_view();
    view! {
        <section aria-labelledby="triage-title" class="triage-section">
            <h2 id="triage-title">"Findings"</h2>
            <div class="triage-toolbar" data-testid="triage-toolbar">
                <p class="triage-progress" data-testid="triage-progress">
                    <strong>{move || progress_text(triaged.get(), total)}</strong>
                    <progress max=total.max(1) value=move || triaged.get() aria-hidden="true"></progress>
                </p>
                <button type="button" class="button button-secondary" data-testid="next-untriaged" on:click=move |_| go_next(None)>
                    "Next untriaged"
                </button>
                <button
                    type="button"
                    class="button"
                    data-testid="toolbar-export"
                    aria-label="Download reviewed bundle"
                    on:click=move |_| desk.export(&export_opened, workspace)
                >
                    "Download" <span class="wide-only">" reviewed bundle"</span>
                </button>
                {move || desk.export_outcome.get().map(|reason| view! {
                    <p class="toolbar-outcome" role="status">{reason}</p>
                })}
            </div>
            <p data-testid="triage-counts">
                {move || {
                    let counts = desk.review.with(|review| review.counts(&bundle::items(&opened.rerun)));
                    format!("{total} findings ({issues} issues, {} to verify): {counts}.", total - issues)
                }}
            </p>
            <p class="keys" data-testid="keys">
                "Keys on a finding: " <kbd>"C"</kbd> " confirmed, " <kbd>"D"</kbd> " dismissed, "
                <kbd>"F"</kbd> " needs follow-up, " <kbd>"U"</kbd> " not triaged; "
                <kbd>"N"</kbd> " next untriaged, " <kbd>"J"</kbd> " / " <kbd>"K"</kbd>
                " next / previous."
            </p>
            <TriageFilters filter/>
            <div class="bulk" data-testid="bulk">
                <span>{move || format!("{} shown:", shown.with(|s| s.iter().filter(|s| **s).count()))}</span>
                <button type="button" class="button button-secondary" on:click=move |_| bulk_confirm(Verdict::Confirmed)>
                    "Mark all shown confirmed"
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| bulk(Verdict::FollowUp)>
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
                <select data-testid="triage-category" on:change=move |event| {
                    let value = event_target_value(&event);
                    filter.update(|f| f.category = Category::ALL.into_iter().find(|c| c.name() == value));
                }>
                    <option value="">"Any"</option>
                    {Category::ALL.into_iter().map(|c| view! { <option value=c.name()>{c.title()}</option> }).collect_view()}
                </select>
            </label>
            <label class="filter-field">
                <span>"Verdict"</span>
                <select data-testid="triage-verdict" on:change=move |event| {
                    let value = event_target_value(&event);
                    let verdict = VerdictFilter::ALL
                        .into_iter()
                        .find(|(_, id, _)| *id == value)
                        .map_or(VerdictFilter::Any, |(verdict, _, _)| verdict);
                    filter.update(|f| f.verdict = verdict);
                }>
                    {VerdictFilter::ALL.into_iter().map(|(_, id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                </select>
            </label>
        </fieldset>
    }
}

/// One finding to triage: a compact row that says its verdict in words, with the details, the
/// note and the dismissal reason folded away until needed.
#[component]
fn TriageRow(
    index: usize,
    row: Row,
    shown: Memo<Vec<bool>>,
    verdicts: Memo<Vec<Option<Verdict>>>,
    go_next: impl Fn(Option<usize>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let Row {
        key,
        facts,
        title,
        message,
        change,
        finding: body,
    } = row;
    let severity = facts.severity;
    let verify = facts.kind == FindingKind::NeedsVerification;
    let rule = key.rule.clone();
    let (rule_attr, rule_shown) = (rule.clone(), rule.clone());
    // Said as a sentence on its own: "New: not in the partner's findings".
    let change = change.describe().map(|text| capitalised(&text));
    let verdict = Memo::new(move |_| verdicts.with(|v| v.get(index).copied().flatten()));
    let visible = Memo::new(move |_| shown.with(|s| s.get(index).copied().unwrap_or(true)));
    let set = {
        let key = key.clone();
        move |choice: Option<Verdict>| desk.edit(|r| r.triage_mut(&key).verdict = choice)
    };
    let on_key = {
        let set = set.clone();
        move |event: leptos::ev::KeyboardEvent| {
            use wasm_bindgen::JsCast;
            let typing = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|element| {
                    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
            if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let key = event.key();
            if let Some(choice) = verdict_for_key(&key) {
                event.prevent_default();
                set(choice);
                if choice == Some(Verdict::Dismissed) {
                    // The reason field is drawn once the verdict is in.
                    request_animation_frame(move || {
                        crate::platform::dom::focus(&format!("reason-{index}"))
                    });
                } else if choice.is_some() {
                    go_next(Some(index));
                }
                return;
            }
            let step = |forward: bool| {
                let shown = shown.get_untracked();
                let count = shown.len();
                (1..count)
                    .map(|n| {
                        if forward {
                            (index + n) % count
                        } else {
                            (index + count - n) % count
                        }
                    })
                    .find(|i| shown[*i])
            };
            let target = match key.as_str() {
                "n" | "N" => {
                    event.prevent_default();
                    go_next(Some(index));
                    None
                }
                "j" | "J" | "ArrowDown" => step(true),
                "k" | "K" | "ArrowUp" => step(false),
                _ => return,
            };
            if let Some(target) = target {
                event.prevent_default();
                crate::platform::dom::focus(&format!("triage-{target}"));
            }
        }
    };
    let verdict_word = move || match verdict.get() {
        None => "Not triaged",
        Some(Verdict::Confirmed) => "Confirmed",
        Some(Verdict::Dismissed) => "Dismissed",
        Some(Verdict::FollowUp) => "Needs follow-up",
    };
    let state = move || match verdict.get() {
        None => "untriaged",
        Some(Verdict::Confirmed) => "confirmed",
        Some(Verdict::Dismissed) => "dismissed",
        Some(Verdict::FollowUp) => "follow-up",
    };
    let details = body.map(|finding| {
        // Drawn when first opened: a bundle has a hundred findings or more, and opening it should
        // not wait for every playbook.
        let opened = RwSignal::new(false);
        view! {
            <details class="finding-details" on:toggle=move |_| opened.set(true)>
                <summary>"Evidence and playbook"</summary>
                {move || opened.get().then(|| view! { <FindingBody finding=finding.clone() link=false/> })}
            </details>
        }
    });
    view! {
        <li
            id=format!("triage-{index}")
            class="review-finding"
            class:hidden=move || !visible.get()
            data-testid="review-finding"
            data-rule=rule_attr
            data-kind=if verify { "needs_verification" } else { "issue" }
            data-verdict=state
            tabindex="0"
            aria-labelledby=format!("triage-{index}-title")
            on:keydown=on_key
        >
            <div class="triage-head">
                <h3 id=format!("triage-{index}-title")>
                    <Badge severity verify/>
                    {title}
                    " "
                    <span class="rule-id">{rule_shown}</span>
                </h3>
                <span class="verdict-word" data-testid="verdict-word">{verdict_word}</span>
            </div>
            <p class="finding-message">{message}</p>
            {change.map(|text| view! { <p class="change" data-testid="change">{text}</p> })}
            {details}
            <TriageControls index key rule/>
        </li>
    }
}

/// The verdict buttons, the dismissal reason (required) and the note of one finding.
#[component]
fn TriageControls(index: usize, key: Arc<TriageKey>, rule: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let verdict = {
        let key = key.clone();
        Memo::new(move |_| desk.review.with(|r| r.triage(&key).and_then(|t| t.verdict)))
    };
    let (reason, note) = desk.review.with_untracked(|r| {
        r.triage(&key)
            .map(|t| (t.reason.clone(), t.note.clone()))
            .unwrap_or_default()
    });
    let name = format!("verdict-{index}");
    let choices: [(Option<Verdict>, &str); 4] = [
        (None, "Not triaged"),
        (Some(Verdict::Confirmed), "Confirmed"),
        (Some(Verdict::Dismissed), "Dismissed"),
        (Some(Verdict::FollowUp), "Needs follow-up"),
    ];
    let radios = choices
        .into_iter()
        .map(|(choice, label)| {
            let key = key.clone();
            view! {
                <label class="option verdict-option">
                    <input
                        type="radio"
                        name=name.clone()
                        prop:checked=move || verdict.get() == choice
                        on:change=move |_| desk.edit(|r| r.triage_mut(&key).verdict = choice)
                    />
                    {label}
                </label>
            }
        })
        .collect_view();
    let reason_id = format!("reason-{index}");
    let reason_error = format!("reason-{index}-error");
    let note_id = format!("triage-note-{index}");
    let reason_key = key.clone();
    let reason_rule = rule.clone();
    // A missing reason shows once the reviewer has left the field or tried to export, not the
    // moment "Dismissed" is picked.
    let left_reason = RwSignal::new(false);
    let reason_missing = {
        let key = key.clone();
        Memo::new(move |_| {
            desk.review.with(|r| {
                r.triage(&key).is_some_and(|t| {
                    t.verdict == Some(Verdict::Dismissed) && t.reason.trim().is_empty()
                })
            })
        })
    };
    let show_missing =
        move || reason_missing.get() && (left_reason.get() || desk.tried_export.get());
    let has_note = !note.is_empty();
    view! {
        <fieldset class="triage">
            <legend class="visually-hidden">"Verdict on " {rule.clone()}</legend>
            {radios}
        </fieldset>
        <Show when=move || verdict.get() == Some(Verdict::Dismissed)>
            <div class="field">
                <label for=reason_id.clone()>
                    "Why it is dismissed (required)"
                    <span class="visually-hidden">" " {reason_rule.clone()}</span>
                </label>
                <input
                    id=reason_id.clone()
                    type="text"
                    aria-describedby=reason_error.clone()
                    aria-invalid=move || show_missing().to_string()
                    prop:value=reason.clone()
                    on:blur=move |_| left_reason.set(true)
                    on:input={
                        let key = reason_key.clone();
                        move |event| {
                            let value = event_target_value(&event);
                            desk.edit(|r| r.triage_mut(&key).reason = value);
                        }
                    }
                />
                <p class="problem" id=reason_error.clone()>
                    {move || show_missing().then_some("Error: a dismissal needs a reason.")}
                </p>
            </div>
        </Show>
        <details class="triage-note" open=has_note>
            <summary>"Note"</summary>
            <div class="field">
                <label for=note_id.clone()>
                    "Reviewer's note"
                    <span class="visually-hidden">" on " {rule}</span>
                </label>
                <textarea
                    id=note_id
                    rows="2"
                    prop:value=note
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        desk.edit(|r| r.triage_mut(&key).note = value);
                    }
                ></textarea>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(kind: FindingKind, severity: Severity) -> Facts {
        Facts {
            kind,
            severity,
            category: Some(Category::Network),
        }
    }

    #[test]
    fn the_filter_keeps_kinds_and_verdicts_apart() {
        let issue = facts(FindingKind::Issue, Severity::High);
        let verify = facts(FindingKind::NeedsVerification, Severity::High);
        let to_verify = TriageFilter {
            show: Show::ToVerify,
            ..TriageFilter::default()
        };
        assert!(!to_verify.matches(issue, None));
        assert!(to_verify.matches(verify, None));
        let untriaged = TriageFilter {
            verdict: VerdictFilter::Untriaged,
            ..TriageFilter::default()
        };
        assert!(untriaged.matches(issue, None));
        assert!(!untriaged.matches(issue, Some(Verdict::Confirmed)));
        let network_critical = TriageFilter {
            severity: Some(Severity::Critical),
            category: Some(Category::Network),
            ..TriageFilter::default()
        };
        assert!(!network_critical.matches(issue, None));
        let security = TriageFilter {
            category: Some(Category::Security),
            ..TriageFilter::default()
        };
        assert!(!security.matches(issue, None));
    }

    #[test]
    fn next_untriaged_skips_triaged_and_hidden_items_and_wraps() {
        let untriaged = [true, false, true, true];
        let shown = [true, true, false, true];
        assert_eq!(next_untriaged(&untriaged, &shown, None), Some(0));
        assert_eq!(next_untriaged(&untriaged, &shown, Some(0)), Some(3));
        assert_eq!(next_untriaged(&untriaged, &shown, Some(3)), Some(0));
        assert_eq!(next_untriaged(&[false, false], &[true, true], None), None);
        assert_eq!(next_untriaged(&[], &[], None), None);
    }

    #[test]
    fn keys_set_verdicts() {
        assert_eq!(verdict_for_key("c"), Some(Some(Verdict::Confirmed)));
        assert_eq!(verdict_for_key("D"), Some(Some(Verdict::Dismissed)));
        assert_eq!(verdict_for_key("u"), Some(None));
        assert_eq!(verdict_for_key("x"), None);
        assert_eq!(progress_text(23, 65), "23 of 65 triaged");
    }
}
