//! The input of a question that names an item of a group (the site a cluster is in): a list of the
//! items as they are named now, the question's fixed choices, and "Add a new …" in place, which
//! lists the new item in its group and picks it.
//!
//! An answer that names no listed item (typed before the question was a list, or whose item was
//! removed) stays chosen and marked as not listed: nothing is lost, and validation says what to do.

use intake_core::answers::Value;
use intake_core::display;
use intake_core::questionnaire::Reference;
use intake_core::validate::same_name;
use leptos::prelude::*;

use crate::workspace::Workspace;

/// The option that opens the form to add an item, never an item's name (names are trimmed).
pub const ADD: &str = " add";

#[component]
pub fn ReferenceInput(
    reference: &'static Reference,
    id: Signal<String>,
    path: Signal<String>,
    described: Signal<String>,
    on_value: UnsyncCallback<web_sys::Event>,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let questionnaire = workspace.questionnaire;
    let item_label = questionnaire
        .group(&reference.group)
        .map_or_else(|| "item".to_owned(), |group| group.item_label.clone());
    let names = Memo::new(move |_| {
        workspace.draft.with(|draft| {
            draft.as_ref().map_or_else(Vec::new, |draft| {
                draft
                    .items(&reference.group)
                    .iter()
                    .map(|item| item.name.trim().to_owned())
                    .filter(|name| !name.is_empty())
                    .collect::<Vec<_>>()
            })
        })
    });
    let chosen = Memo::new(move |_| {
        let path = path.get();
        workspace.draft.with(
            |draft| match draft.as_ref().and_then(|draft| draft.answer(&path)) {
                Some(answer) => match answer.as_value() {
                    Some(Value::Text(text)) => text.clone(),
                    _ => String::new(),
                },
                None => String::new(),
            },
        )
    });
    let unlisted = move || {
        let chosen = chosen.get();
        let listed = chosen.is_empty()
            || names.with(|names| names.iter().any(|name| same_name(name, &chosen)))
            || reference.also.iter().any(|choice| choice.id == chosen);
        (!listed).then_some(chosen)
    };
    let adding = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let select = NodeRef::<leptos::html::Select>::new();
    let add_id = move || format!("add-{}", id.get());
    let add_word = format!("Add a new {}…", item_label.to_lowercase());
    let add_label = format!("Name of the new {}", item_label.to_lowercase());
    let add = move || {
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            return;
        }
        let taken = names.with_untracked(|names| {
            names
                .iter()
                .find(|listed| same_name(listed, &name))
                .cloned()
        });
        let path = path.get_untracked();
        let picked = taken.clone().unwrap_or_else(|| name.clone());
        workspace.edit_items(|draft| {
            if taken.is_none() {
                draft.add_item(&reference.group, &name);
            }
            draft.set_value(&path, Some(Value::Text(picked)));
        });
        adding.set(false);
        new_name.set(String::new());
        workspace.focus.set(Some(id.get_untracked()));
    };
    view! {
        <select
            id=id
            node_ref=select
            data-role="value"
            aria-describedby=described
            on:change=move |event| {
                if event_target_value(&event) == ADD {
                    adding.set(true);
                    workspace.focus.set(Some(add_id()));
                } else {
                    adding.set(false);
                    on_value.run(event);
                }
            }
        >
            <option value="" prop:selected=move || chosen.with(String::is_empty)>
                "Choose…"
            </option>
            <For each=move || names.get() key=|name| name.clone() let(name)>
                <option
                    value=name.clone()
                    prop:selected={
                        let name = name.clone();
                        move || { chosen.with(|chosen| same_name(chosen, &name)) }
                    }
                >
                    {name.clone()}
                </option>
            </For>
            {reference
                .also
                .iter()
                .map(|choice| {
                    view! {
                        <option
                            value=choice.id.clone()
                            prop:selected=move || chosen.with(|chosen| *chosen == choice.id)
                        >
                            {choice.label.clone()}
                        </option>
                    }
                })
                .collect_view()}
            {move || {
                unlisted()
                    .map(|name| {
                        view! {
                            <option value=name.clone() selected=true>
                                {format!("“{name}” (not listed)")}
                            </option>
                        }
                    })
            }}
            <option value=ADD prop:selected=move || adding.get()>
                {add_word}
            </option>
        </select>
        <Show when=move || adding.get()>
            <div class="add-item">
                <label for=add_id>{add_label.clone()}</label>
                <input
                    id=add_id
                    type="text"
                    data-role="new-item"
                    autocomplete="off"
                    prop:value=move || new_name.get()
                    on:input=move |event| new_name.set(event_target_value(&event))
                    on:keydown=move |event: leptos::ev::KeyboardEvent| {
                        if event.key() == "Enter" {
                            event.prevent_default();
                            add();
                        }
                    }
                />
                <button
                    type="button"
                    data-action="add-item"
                    disabled=move || new_name.with(|name| name.trim().is_empty())
                    on:click=move |_| add()
                >
                    "Add and pick"
                </button>
                <button
                    type="button"
                    data-action="cancel-add"
                    on:click=move |_| {
                        adding.set(false);
                        new_name.set(String::new());
                        if let Some(select) = select.get_untracked() {
                            select.set_value(&chosen.get_untracked());
                        }
                    }
                >
                    "Cancel"
                </button>
            </div>
        </Show>
        {move || {
            questionnaire
                .group(&reference.group)
                .filter(|_| names.with(Vec::is_empty))
                .map(|group| {
                    view! {
                        <p class="reference-hint">
                            {format!(
                                "No {} are listed yet: add one here, or in {}.",
                                display::plural(&group.item_label),
                                group.label,
                            )}
                        </p>
                    }
                })
        }}
    }
}
