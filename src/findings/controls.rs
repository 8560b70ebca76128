//! A filter's controls shared by the findings panel and review mode: the kind chips and the
//! severity list.

use intake_core::rules::Severity;
use leptos::prelude::*;

use super::filter::Show;

/// The kind chips of a filter (All, Issues, To verify), the one shown pressed. Used by the
/// findings panel and review mode.
#[component]
pub fn KindChips(
    /// The kind shown now.
    show: Signal<Show>,
    /// Called with the kind picked.
    pick: Callback<Show>,
) -> impl IntoView {
    Show::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <button
                    type="button"
                    class="chip"
                    data-show=kind.id()
                    aria-pressed=move || (show.get() == kind).to_string()
                    on:click=move |_| pick.run(kind)
                >
                    {kind.label()}
                </button>
            }
        })
        .collect_view()
}

/// A filter's severity list: any, or one severity. Used by the findings panel and review mode.
#[component]
pub fn SeveritySelect(
    /// The list's `data-testid`.
    testid: &'static str,
    /// The severity shown now; none for any.
    value: Signal<Option<Severity>>,
    /// Called with the severity picked.
    pick: Callback<Option<Severity>>,
) -> impl IntoView {
    view! {
        <label class="filter-field">
            <span>"Severity"</span>
            <select
                data-testid=testid
                prop:value=move || value.get().map_or("", Severity::name).to_owned()
                on:change=move |event| pick.run(Severity::from_name(&event_target_value(&event)))
            >
                <option value="">"Any"</option>
                {Severity::ALL
                    .into_iter()
                    .map(|s| view! { <option value=s.name()>{s.name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
