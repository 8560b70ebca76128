//! Findings the reviewer adds by hand: one form each (title, severity, what was found, evidence
//! and playbook one per line), added and removed at will.

use std::sync::Arc;

use intake_core::bundle::AddedFinding;
use intake_core::rules::Severity;
use leptos::prelude::*;

use super::desk::Desk;
use super::plan::{PlanChange, PlanControls};

/// Findings the reviewer adds by hand.
#[component]
pub fn AddedFindings() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let ids = Memo::new(move |_| {
        desk.review
            .with(|r| r.added.iter().map(|f| f.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <section aria-labelledby="added-title">
            <h2 id="added-title">"Findings you add"</h2>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <AddedFindingForm id />
            </For>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    let mut id = String::new();
                    desk.edit(|r| id = r.add_finding().id.clone());
                    request_animation_frame(move || crate::platform::dom::focus(
                        &format!("{id}-title"),
                    ));
                }
            >
                "Add a finding"
            </button>
        </section>
    }
}

/// The fields of one added finding: title, severity, what was found, evidence and playbook
/// (one per line), and a remove button.
#[component]
fn AddedFindingForm(id: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let Some(finding) = desk
        .review
        .with_untracked(|r| r.added.iter().find(|f| f.id == id).cloned())
    else {
        return ().into_any();
    };
    let id = Arc::new(id);
    let edit = move |id: Arc<String>, change: fn(&mut AddedFinding, String)| {
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            desk.edit(|r| {
                if let Some(finding) = r.added.iter_mut().find(|f| f.id == *id) {
                    change(finding, value);
                }
            });
        }
    };
    let field = |suffix: &str| format!("{id}-{suffix}");
    let remove_id = id.clone();
    view! {
        <fieldset class="added-finding" data-testid="added-finding">
            <legend>{id.to_string()}</legend>
            <div class="field">
                <label for=field("title")>"Title (required)"</label>
                <input
                    id=field("title")
                    type="text"
                    prop:value=finding.title
                    on:input=edit(id.clone(), |f, value| f.title = value)
                />
            </div>
            <div class="field">
                <label for=field("severity")>"Severity"</label>
                <select
                    id=field("severity")
                    on:change=edit(
                        id.clone(),
                        |f, value| {
                            if let Some(severity) = Severity::from_name(&value) {
                                f.severity = severity;
                            }
                        },
                    )
                >
                    {Severity::ALL
                        .into_iter()
                        .map(|severity| {
                            view! {
                                <option value=severity.name() selected=severity == finding.severity>
                                    {severity.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("message")>"What was found (required)"</label>
                <textarea
                    id=field("message")
                    rows="2"
                    prop:value=finding.message
                    on:input=edit(id.clone(), |f, value| f.message = value)
                ></textarea>
            </div>
            <div class="field">
                <label for=field("evidence")>"Evidence, one per line"</label>
                <textarea
                    id=field("evidence")
                    rows="2"
                    prop:value=finding.evidence.join("\n")
                    on:input=edit(id.clone(), |f, value| f.evidence = non_empty_lines(&value))
                ></textarea>
            </div>
            <div class="field">
                <label for=field("remediation")>"Playbook, one step per line"</label>
                <textarea
                    id=field("remediation")
                    rows="3"
                    prop:value=finding.remediation.join("\n")
                    on:input=edit(id.clone(), |f, value| f.remediation = non_empty_lines(&value))
                ></textarea>
            </div>
            <PlanControls
                prefix=field("plan")
                of=id.to_string()
                plan=finding.plan.clone()
                edit={
                    let id = id.clone();
                    move |change: PlanChange| {
                        desk.edit(|r| {
                            if let Some(finding) = r.added.iter_mut().find(|f| f.id == *id) {
                                change(&mut finding.plan);
                            }
                        })
                    }
                }
            />
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| desk.edit(|r| r.added.retain(|f| f.id != *remove_id))
            >
                "Remove "
                {id.to_string()}
            </button>
        </fieldset>
    }
    .into_any()
}

/// The lines of `text` that are not blank, trimmed.
fn non_empty_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::non_empty_lines;

    #[test]
    fn blank_lines_are_dropped_and_the_rest_trimmed() {
        assert_eq!(
            non_empty_lines("  check the MTU \n\n\t\nping -M do  \n"),
            vec!["check the MTU", "ping -M do"]
        );
        assert_eq!(non_empty_lines(" \n "), Vec::<String>::new());
    }
}
