//! A finding's plan in review mode (review schema 4): who acts, by when, the workaround until it
//! is fixed, whether it goes to R&D, and the case or defect id; folded away until used. The same
//! controls serve the findings triaged and those the reviewer added.

use intake_core::bundle::{Owner, Plan};
use intake_core::display::capitalised;
use leptos::prelude::*;

/// One change to a plan, as the controls hand it to their owner.
pub type PlanChange = Box<dyn FnOnce(&mut Plan)>;

/// The owner as the select's value.
fn owner_value(owner: Option<Owner>) -> &'static str {
    match owner {
        None => "",
        Some(Owner::Partner) => "partner",
        Some(Owner::VeeamSupport) => "veeam_support",
        Some(Owner::Rnd) => "rnd",
    }
}

/// The owner a select's value names.
fn owner_of(value: &str) -> Option<Owner> {
    Owner::ALL
        .into_iter()
        .find(|owner| owner_value(Some(*owner)) == value)
}

/// The plan's controls: `prefix` makes their ids, `of` names the finding for screen readers,
/// `plan` is the plan as it is, `edit` applies each change. `suggested` is the fix a playbook walk
/// of the finding ended with: a blank workaround is filled in with it when the plan is opened.
#[component]
pub fn PlanControls(
    prefix: String,
    of: String,
    plan: Plan,
    edit: impl Fn(PlanChange) + Clone + Send + Sync + 'static,
    #[prop(optional, into)] suggested: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let planned = !plan.is_empty();
    let workaround = RwSignal::new(plan.workaround.clone());
    let from_walk = RwSignal::new(false);
    let on_toggle = {
        let edit = edit.clone();
        move |event: leptos::ev::Event| {
            let open = event_target::<web_sys::Element>(&event).has_attribute("open");
            let fix = suggested.and_then(|suggested| suggested.get_untracked());
            if let Some(fix) =
                fix.filter(|_| open && workaround.with_untracked(|w| w.trim().is_empty()))
            {
                workaround.set(fix.clone());
                from_walk.set(true);
                edit(Box::new(move |plan: &mut Plan| plan.workaround = fix));
            }
        }
    };
    let id = |field: &str| format!("{prefix}-{field}");
    let owners = std::iter::once(("", "Not set".to_owned()))
        .chain(
            Owner::ALL
                .into_iter()
                .map(|owner| (owner_value(Some(owner)), capitalised(owner.name()))),
        )
        .map(|(value, label)| {
            view! {
                <option value=value selected=value == owner_value(plan.owner)>
                    {label}
                </option>
            }
        })
        .collect_view();
    let on_owner = {
        let edit = edit.clone();
        move |event| {
            let owner = owner_of(&event_target_value(&event));
            edit(Box::new(move |plan: &mut Plan| plan.owner = owner));
        }
    };
    let on_due = {
        let edit = edit.clone();
        move |event| {
            let value = event_target_value(&event);
            edit(Box::new(move |plan: &mut Plan| plan.due = value));
        }
    };
    let on_workaround = {
        let edit = edit.clone();
        move |event| {
            let value = event_target_value(&event);
            workaround.set(value.clone());
            from_walk.set(false);
            edit(Box::new(move |plan: &mut Plan| plan.workaround = value));
        }
    };
    let on_escalate = {
        let edit = edit.clone();
        move |event| {
            let on = event_target_checked(&event);
            edit(Box::new(move |plan: &mut Plan| plan.escalate = on));
        }
    };
    let on_case = move |event| {
        let value = event_target_value(&event);
        edit(Box::new(move |plan: &mut Plan| plan.case_id = value));
    };
    view! {
        <details class="triage-plan" open=planned data-testid="triage-plan" on:toggle=on_toggle>
            <summary>"Plan: owner, target date, workaround, R&D"</summary>
            <div class="plan-fields">
                <div class="field">
                    <label for=id(
                        "owner",
                    )>"Who acts" <span class="visually-hidden">" on " {of.clone()}</span></label>
                    <select id=id("owner") data-testid="plan-owner" on:change=on_owner>
                        {owners}
                    </select>
                </div>
                <div class="field">
                    <label for=id(
                        "due",
                    )>
                        "Target date" <span class="visually-hidden">" for " {of.clone()}</span>
                    </label>
                    <input
                        id=id("due")
                        type="date"
                        data-testid="plan-due"
                        prop:value=plan.due.clone()
                        on:change=on_due
                    />
                </div>
                <div class="field plan-wide">
                    <label for=id(
                        "workaround",
                    )>
                        "Workaround until it is fixed"
                        <span class="visually-hidden">" for " {of.clone()}</span>
                    </label>
                    <textarea
                        id=id("workaround")
                        rows="2"
                        data-testid="plan-workaround"
                        prop:value=move || workaround.get()
                        on:input=on_workaround
                    ></textarea>
                    <Show when=move || from_walk.get()>
                        <p class="hint" data-testid="plan-workaround-from-walk">
                            "Filled in from where the playbook walk ended: change it as needed."
                        </p>
                    </Show>
                </div>
                <label class="option plan-escalate">
                    <input
                        type="checkbox"
                        data-testid="plan-escalate"
                        prop:checked=plan.escalate
                        on:change=on_escalate
                    />
                    "Escalate to R&D: a product defect or limitation is suspected"
                </label>
                <div class="field">
                    <label for=id(
                        "case",
                    )>
                        "Veeam case or defect id" <span class="visually-hidden">" for " {of}</span>
                    </label>
                    <input
                        id=id("case")
                        type="text"
                        data-testid="plan-case"
                        prop:value=plan.case_id.clone()
                        on:input=on_case
                    />
                </div>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_owner_is_its_own_value_and_back() {
        assert_eq!(owner_of(""), None);
        for owner in Owner::ALL {
            assert_eq!(owner_of(owner_value(Some(owner))), Some(owner));
        }
        assert_eq!(owner_of("someone"), None);
    }
}
