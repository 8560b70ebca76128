//! A repeatable group (links, sites, certificates...): its items, each with a name, its questions
//! and buttons to duplicate, move and remove it, and "Add".
//!
//! Items are drawn in a list keyed by their [`ItemKey`]: adding, moving or removing an item draws
//! or drops that item only. The others stay on the page as they are (with what is being typed in
//! them) and follow their new position: their element ids and paths name items by position, as
//! validation problems and evidence links do, so they change with it.

use intake_core::draft::ItemKey;
use intake_core::questionnaire::Group;
use intake_core::references;
use leptos::prelude::*;

use super::fields::{ProblemList, QuestionField, problems_at};
use crate::platform::dom::in_parts;
use crate::workspace::Workspace;

/// Items drawn with the step, and in each task after it (about a screen, and a frame's work on a
/// slow phone).
const FIRST_ITEMS: usize = 2;
const MORE_ITEMS: usize = 1;

/// A repeatable group: its items and "Add".
#[component]
pub fn GroupField(group: &'static Group) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let item_word = group.item_label.to_lowercase();
    let keys = Memo::new(move |_| {
        workspace.draft.with(|draft| {
            draft
                .as_ref()
                .map(|draft| draft.item_keys(&group.id))
                .unwrap_or_default()
        })
    });
    let count = Memo::new(move |_| keys.with(Vec::len));
    // A long list is drawn a few items at a time; all at once when the app is to focus something
    // (an item further down, one just added).
    let parts = in_parts(FIRST_ITEMS, MORE_ITEMS, count.into(), move || {
        workspace.focus.with(Option::is_some)
    });
    let hidden = move || workspace.hidden.with(|hidden| hidden.contains(&group.id));
    let group_problems = problems_at(workspace, Signal::stored(group.id.clone()));
    let max_items = group.max_items as usize;
    let add = move |_: leptos::ev::MouseEvent| {
        // A new item's problems wait until its name field is left: nothing is wrong yet.
        workspace.added_item(format!("{}[{}]", group.id, count.get_untracked()));
        let mut added = 0;
        workspace.edit_now(|draft| added = draft.add_item(&group.id, ""));
        workspace
            .focus
            .set(Some(format!("name-{}[{added}]", group.id)));
    };
    view! {
        <section
            class="group"
            aria-busy=move || parts.busy()
            id=format!("q-{}", group.id)
            data-group=group.id.clone()
            hidden=hidden
            aria-labelledby=format!("group-{}", group.id)
        >
            <h2 id=format!("group-{}", group.id)>{group.label.clone()}</h2>
            <p class="help">{group.help.clone()}</p>
            <p class="group-count">
                {move || {
                    let n = count.get();
                    format!(
                        "{n} listed (at least {}, at most {})",
                        group.min_items,
                        group.max_items,
                    )
                }}
            </p>
            <ProblemList problems=group_problems />
            // A draft opened anew is drawn anew, even where its items' keys are those of the
            // draft shown before.
            <For
                each=move || {
                    let opened = workspace.opened.get();
                    keys.get().into_iter().take(parts.shown()).map(move |key| (opened, key))
                }
                key=|row| *row
                let((_, key))
            >
                <GroupItemField group key keys />
            </For>
            <button
                type="button"
                class="button button-secondary"
                data-action="add"
                disabled={move || count.get() >= max_items}
                on:click=add
            >
                "Add "
                {item_word.clone()}
            </button>
        </section>
    }
}

/// One item of a group, wherever it is in the list.
#[component]
fn GroupItemField(
    group: &'static Group,
    key: ItemKey,
    /// The group's item keys, in order: where this item is and how many there are.
    keys: Memo<Vec<ItemKey>>,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let item_word = group.item_label.to_lowercase();
    let index = Memo::new(move |_| {
        keys.with(|keys| keys.iter().position(|k| *k == key))
            .unwrap_or_default()
    });
    let total = Memo::new(move |_| keys.with(Vec::len));
    let path = Memo::new(move |_| format!("{}[{}]", group.id, index.get()));
    let name = workspace.draft.with_untracked(|draft| {
        draft
            .as_ref()
            .and_then(|draft| draft.items(&group.id).get(index.get_untracked()))
            .map(|item| item.name.clone())
            .unwrap_or_default()
    });
    let shown_name = RwSignal::new(name.clone());
    // The name as it was when the partner started to change it: answers that name the item follow
    // it once the change is done, not at every key (a name typed on the way could be another's).
    let name_before = StoredValue::new(name.clone());
    let called = move || {
        let name = shown_name.get();
        let number = index.get() + 1;
        if name.trim().is_empty() {
            format!("{} {number}", group.item_label)
        } else {
            format!("{} {number}: {name}", group.item_label)
        }
    };
    let problems = problems_at(workspace, path.into());
    let name_id = move || format!("name-{}", path.get());
    let max_items = group.max_items as usize;
    let duplicate = move |_: leptos::ev::MouseEvent| {
        let index = index.get_untracked();
        let name = shown_name.get_untracked();
        let copy = if name.trim().is_empty() {
            String::new()
        } else {
            format!("{name} (copy)")
        };
        workspace.edit_items(|draft| draft.duplicate_item(&group.id, index, &copy));
        workspace
            .focus
            .set(Some(format!("name-{}[{}]", group.id, index + 1)));
    };
    // Focus follows the item, on the same button when it can be pressed again, so the item can be
    // moved further with the keyboard.
    let move_to = move |to: usize| {
        let (index, total) = (index.get_untracked(), total.get_untracked());
        workspace.edit_items(|draft| draft.move_item(&group.id, index, to));
        let target = match (to < index, to) {
            (true, 0) => format!("item-{}[0]", group.id),
            (true, _) => format!("item-{}[{to}]-up", group.id),
            (false, _) if to + 1 >= total => format!("item-{}[{to}]", group.id),
            (false, _) => format!("item-{}[{to}]-down", group.id),
        };
        workspace.focus.set(Some(target));
    };
    let remove = move |_| {
        let index = index.get_untracked();
        let name = shown_name.get_untracked();
        let what = if name.trim().is_empty() {
            format!("{item_word} {}", index + 1)
        } else {
            format!("{item_word} “{name}”")
        };
        let referrers = workspace.draft.with_untracked(|draft| {
            draft.as_ref().map_or_else(Vec::new, |draft| {
                references::referrers(workspace.questionnaire, &draft.answers, &group.id, &name)
            })
        });
        workspace.remove_item(&group.id, index, &what, &referrers);
        // The undo bar says what was removed; its button takes it back.
        workspace.focus.set(Some("undo-button".to_owned()));
    };
    view! {
        <fieldset
            class="group-item"
            id=move || format!("item-{}", path.get())
            tabindex="-1"
            data-item=index
        >
            <legend>{called}</legend>
            <div class="item-name">
                <label for=name_id>{group.item_label.clone()} " name"</label>
                <input
                    id=name_id
                    type="text"
                    data-role="item-name"
                    autocomplete="off"
                    prop:value=name
                    on:input=move |event| {
                        let name = event_target_value(&event);
                        shown_name.set(name.clone());
                        let index = index.get_untracked();
                        workspace.edit(|draft| draft.rename_item(&group.id, index, &name));
                    }
                    on:focus=move |_| name_before.set_value(shown_name.get_untracked())
                    on:change=move |_| {
                        let (before, after) = (name_before.get_value(), shown_name.get_untracked());
                        workspace
                            .edit(|draft| {
                                references::rename(
                                    workspace.questionnaire,
                                    &mut draft.answers,
                                    &group.id,
                                    &before,
                                    &after,
                                );
                            });
                        name_before.set_value(after);
                    }
                    on:blur=move |_| workspace.named_item(&path.get_untracked())
                />
            </div>
            <ProblemList problems />
            <div
                class="item-tools"
                role="group"
                aria-label=move || format!("Actions for {}", called())
            >
                <button
                    type="button"
                    data-action="duplicate"
                    disabled={move || total.get() >= max_items}
                    on:click=duplicate
                >
                    "Duplicate"
                </button>
                <button
                    type="button"
                    data-action="up"
                    id=move || format!("item-{}-up", path.get())
                    disabled=move || index.get() == 0
                    on:click=move |_| move_to(index.get_untracked().saturating_sub(1))
                >
                    "Move up"
                </button>
                <button
                    type="button"
                    data-action="down"
                    id=move || format!("item-{}-down", path.get())
                    disabled={move || index.get() + 1 >= total.get()}
                    on:click=move |_| move_to(index.get_untracked() + 1)
                >
                    "Move down"
                </button>
                <button type="button" data-action="remove" on:click=remove>
                    "Remove"
                </button>
            </div>
            {group
                .questions
                .iter()
                .map(|question| {
                    let local = question.local_id();
                    let member = Signal::derive(move || format!("{}.{local}", path.get()));
                    view! { <QuestionField question path=member /> }
                })
                .collect_view()}
        </fieldset>
    }
}
