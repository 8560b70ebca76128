//! One finding to triage: a compact row that says its verdict in words, with the keys that act
//! on it, its details folded away, and the verdict, dismissal reason and note controls.

use std::sync::Arc;

use intake_core::bundle::{Change, TriageKey, Verdict};
use intake_core::display::capitalised;
use intake_core::rules::{Finding, FindingKind, owned};
use leptos::prelude::*;

use super::desk::Desk;
use super::plan::{PlanChange, PlanControls};
use super::progress::{neighbour, verdict_for_key};
use super::triage_filter::{Facts, VERDICTS, verdict_id, verdict_label};
use crate::findings::{Badge, FindingBody};

/// One row's fixed facts, worked out once when the bundle opens.
#[derive(Clone)]
pub struct Row {
    pub key: Arc<TriageKey>,
    pub facts: Facts,
    pub title: String,
    pub message: String,
    pub change: Change,
    /// The current rules' finding, for its evidence and playbook; none when resolved.
    pub finding: Option<Finding>,
}

/// One finding to triage: a compact row that says its verdict in words, with the details, the
/// note and the dismissal reason folded away until needed.
#[component]
pub fn TriageRow(
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
            let step =
                |forward: bool| shown.with_untracked(|shown| neighbour(shown, index, forward));
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
    let verdict_word = move || verdict_label(verdict.get());
    let state = move || verdict_id(verdict.get());
    let details = body.map(|finding| {
        // Drawn when first opened: a bundle has a hundred findings or more, and opening it should
        // not wait for every playbook.
        let opened = RwSignal::new(false);
        let walk = finding.rule.to_owned();
        view! {
            <details class="finding-details" on:toggle=move |_| opened.set(true)>
                <summary>"Evidence and playbook"</summary>
                {move || {
                    opened
                        .get()
                        .then(|| {
                            view! {
                                <FindingBody finding=owned::Finding::from(&finding) link=false />
                            }
                        })
                }}
                <p class="walk-link">
                    <button
                        type="button"
                        class="button button-secondary"
                        data-testid="review-walk-finding"
                        on:click=move |_| {
                            desk.walking.set(Some(walk.clone()));
                            request_animation_frame(|| crate::platform::dom::focus("walk-title"));
                        }
                    >
                        "Walk the playbook, step by step"
                    </button>
                </p>
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
                    <Badge severity verify />
                    {title}
                    " "
                    <span class="rule-id">{rule_shown}</span>
                </h3>
                <span class="verdict-word" data-testid="verdict-word">
                    {verdict_word}
                </span>
            </div>
            <p class="finding-message">{message}</p>
            {change
                .map(|text| {
                    view! {
                        <p class="change" data-testid="change">
                            {text}
                        </p>
                    }
                })}
            {details}
            <TriageControls index key rule />
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
    let radios = VERDICTS
        .into_iter()
        .map(|choice| {
            let key = key.clone();
            view! {
                <label class="option verdict-option">
                    <input
                        type="radio"
                        name=name.clone()
                        prop:checked=move || verdict.get() == choice
                        on:change=move |_| desk.edit(|r| r.triage_mut(&key).verdict = choice)
                    />
                    {verdict_label(choice)}
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
                <label for=reason_id
                    .clone()>
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
        <PlanControls
            prefix=format!("plan-{index}")
            of=rule.clone()
            plan=desk
                .review
                .with_untracked(|r| r.triage(&key).map(|t| t.plan.clone()).unwrap_or_default())
            edit={
                let key = key.clone();
                move |change: PlanChange| desk.edit(|r| change(&mut r.triage_mut(&key).plan))
            }
            suggested=Signal::derive({
                let rule = rule.clone();
                move || {
                    desk.opened
                        .with(|opened| {
                            let walks = opened.as_ref().map(|o| o.bundle.walks.as_slice());
                            desk.review.with(|r| r.concluded_fix(walks.unwrap_or_default(), &rule))
                        })
                }
            })
        />
        <details class="triage-note" open=has_note>
            <summary>"Note"</summary>
            <div class="field">
                <label for=note_id
                    .clone()>
                    "Reviewer's note" <span class="visually-hidden">" on " {rule}</span>
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
