//! A colleague's answers merged into the open draft: the network team's links, the storage team's
//! arrays. The person picks the colleague's draft or answers file; the page lays out, section by
//! section, what it adds, fills and would change, each side's answer next to the other's with who
//! gave it and when; group items are paired by name (then position) and each pairing can be
//! changed. The person takes answers one by one or a section at a time, applies, and can undo.
//! What was not taken stays listed until the merge is closed. Drawn by the later module, like
//! "Hand out sections" on the summary, which makes the file a colleague fills.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use intake_core::answers::Answers;
use intake_core::draft::Draft;
use intake_core::merge::{
    Change, ChangeKind, Chosen, ConflictKind, ENGAGEMENT_SECTION, Pairing, Plan, hand_out, plan,
};
use intake_core::questionnaire::{Entry, Questionnaire};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::drafts::{file_stem, read_picked};
use crate::platform::files::{download, picked_file};
use crate::platform::locale::local_date;

/// Who gave one side's answers, and when they were last saved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Side {
    /// The draft's "answered by", or empty.
    pub who: String,
    /// RFC 3339, or empty (an answers file does not say).
    pub saved: String,
    /// The file it came from, for the other side.
    pub file: String,
}

impl Side {
    /// "Jan Peeters, network team (saved 5 Dec 2026)", or what is known of it.
    fn said(&self, fallback: &str) -> String {
        let who = if self.who.trim().is_empty() {
            fallback.to_owned()
        } else {
            self.who.trim().to_owned()
        };
        let mut said = who;
        if !self.file.is_empty() {
            said.push_str(&format!(", from {}", self.file));
        }
        match local_date(self.saved.get(..10).unwrap_or_default()) {
            Some(date) => format!("{said} (saved {date})"),
            None => said,
        }
    }
}

/// The other side read from a file: a draft of this app, or an answers file; why not, without the
/// file's name.
pub fn read_other(
    questionnaire: &Questionnaire,
    file: &str,
    text: &str,
) -> Result<(Answers, Side), String> {
    if text.contains("\"draft_schema_version\"") {
        let draft = Draft::from_json(text, questionnaire).map_err(|error| error.to_string())?;
        return Ok((
            draft.answers,
            Side {
                who: draft.answered_by,
                saved: draft.updated_at,
                file: file.to_owned(),
            },
        ));
    }
    let answers = Answers::from_json(text, questionnaire).map_err(|error| error.to_string())?;
    Ok((
        answers,
        Side {
            file: file.to_owned(),
            ..Side::default()
        },
    ))
}

/// The changes left alone unless the person takes them: conflicts keep what the draft says.
fn left_by_default(plan: &Plan) -> BTreeSet<String> {
    plan.changes
        .iter()
        .filter(|change| matches!(change.kind, ChangeKind::Conflict(_)))
        .map(|change| change.path.clone())
        .collect()
}

/// A change's tag: what it is, in words, and its style.
fn tag(kind: ChangeKind) -> (&'static str, &'static str) {
    match kind {
        ChangeKind::Added => ("Adds", "change-new"),
        ChangeKind::Filled => ("Fills in", "change-new"),
        ChangeKind::Note => ("Adds a note", "change-new"),
        ChangeKind::Item => ("New item", "change-new"),
        ChangeKind::Conflict(ConflictKind::Values) => ("Different answers", "change-differs"),
        ChangeKind::Conflict(ConflictKind::ValueAndNotApplicable) => {
            ("Answer or does not apply", "change-differs")
        }
        ChangeKind::Conflict(ConflictKind::Reasons) => ("Different reasons", "change-differs"),
        ChangeKind::Conflict(ConflictKind::Notes) => ("Different notes", "change-differs"),
    }
}

/// The merge page.
#[component]
pub fn MergePage(
    questionnaire: &'static Questionnaire,
    answers: Answers,
    mine: Side,
    summary_href: String,
    changed: impl Fn(String) + 'static,
) -> impl IntoView {
    let changed: Rc<dyn Fn(String)> = Rc::new(changed);
    let changed = StoredValue::new_local(changed);
    let base = RwSignal::new(answers);
    // The draft's answers before each merge applied, newest last, for undo.
    let history = RwSignal::new(Vec::<Answers>::new());
    let other = RwSignal::new(None::<(Answers, Side)>);
    let said = RwSignal::new(None::<Result<String, String>>);
    let chosen = RwSignal::new(Chosen::new());
    let laid_out = Memo::new(move |_| {
        other.with(|other| {
            other.as_ref().map(|(theirs, _)| {
                base.with(|base| chosen.with(|chosen| plan(questionnaire, base, theirs, chosen)))
            })
        })
    });
    // The paths of the changes the person leaves alone.
    let left = RwSignal::new(BTreeSet::<String>::new());

    let pick = move |event: leptos::ev::Event| {
        let Some(file) = picked_file(&event) else {
            return;
        };
        spawn_local(async move {
            let read = read_picked(file).await.and_then(|(name, text)| {
                read_other(questionnaire, &name, &text).map_err(|error| format!("{name}: {error}"))
            });
            match read {
                Ok((theirs, side)) => {
                    chosen.set(Chosen::new());
                    let fresh = base
                        .with_untracked(|base| plan(questionnaire, base, &theirs, &Chosen::new()));
                    left.set(left_by_default(&fresh));
                    said.set(None);
                    other.set(Some((theirs, side)));
                }
                Err(reason) => said.set(Some(Err(reason))),
            }
        });
    };
    let apply = move |_| {
        let Some(laid_out) = laid_out.get_untracked() else {
            return;
        };
        let merged = other.with_untracked(|other| {
            other.as_ref().map(|(theirs, _)| {
                left.with_untracked(|left| {
                    base.with_untracked(|base| {
                        laid_out.apply(base, theirs, |_, change| !left.contains(&change.path))
                    })
                })
            })
        });
        let Some(merged) = merged else { return };
        let taken = left.with_untracked(|left| {
            laid_out
                .changes
                .iter()
                .filter(|change| !left.contains(&change.path))
                .count()
        });
        if taken == 0 {
            said.set(Some(Err(
                "Nothing is chosen: tick the answers to take first.".to_owned(),
            )));
            return;
        }
        history.update(|history| history.push(base.get_untracked()));
        changed.with_value(|changed| changed(merged.to_json()));
        base.set(merged);
        said.set(Some(Ok(format!(
            "Took {taken} {} into the draft. What you did not take stays below until you close \
             the merge.",
            if taken == 1 { "answer" } else { "answers" }
        ))));
    };
    let undo = move |_| {
        let mut previous = None;
        history.update(|history| previous = history.pop());
        if let Some(previous) = previous {
            changed.with_value(|changed| changed(previous.to_json()));
            base.set(previous);
            said.set(Some(Ok(
                "Undone: the draft's answers are as they were before that merge.".to_owned(),
            )));
        }
    };

    view! {
        <section class="import merge" aria-labelledby="merge-title">
            <h1 id="merge-title">"Merge a colleague’s answers"</h1>
            <p class="lede">
                "Pick the draft or answers file a colleague filled in (“Hand out sections” on the summary makes one for them). You see what it adds and where it disagrees with this draft, and choose what to take. Nothing changes until you apply, and you can undo."
            </p>
            <p class="import-inputs">
                <label class="button" for="merge-file">
                    "Pick their file…"
                </label>
                <input
                    type="file"
                    id="merge-file"
                    class="visually-hidden"
                    accept=".json,application/json"
                    data-testid="merge-file"
                    on:change=pick
                />
                <a class="button button-secondary" href=summary_href data-testid="merge-close">
                    "Close the merge"
                </a>
            </p>
            {move || {
                said.get()
                    .map(|said| match said {
                        Ok(text) => {
                            view! {
                                <div
                                    class="banner banner-info"
                                    role="status"
                                    data-testid="merge-said"
                                >
                                    <p>{text}</p>
                                    {move || {
                                        history
                                            .with(|h| !h.is_empty())
                                            .then(|| {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="button button-secondary"
                                                        data-testid="merge-undo"
                                                        on:click=undo
                                                    >
                                                        "Undo"
                                                    </button>
                                                }
                                            })
                                    }}
                                </div>
                            }
                                .into_any()
                        }
                        Err(reason) => {
                            view! {
                                <p role="alert" class="import-refused" data-testid="merge-error">
                                    {reason}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
            {move || {
                let sides = other.with(|other| other.as_ref().map(|(_, side)| side.clone()));
                let laid_out = laid_out.get();
                match (sides, laid_out) {
                    (Some(theirs), Some(laid_out)) => {
                        let base_names = base
                            .with(|base| {
                                base.groups
                                    .iter()
                                    .map(|(group, items)| {
                                        (
                                            group.clone(),
                                            items.iter().map(|item| item.name.clone()).collect(),
                                        )
                                    })
                                    .collect()
                            });
                        view! {
                            <Laid
                                questionnaire
                                laid_out
                                base_names
                                mine=mine.clone()
                                theirs
                                left
                                chosen
                                apply
                            />
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                }
            }}
        </section>
    }
}

/// The plan: both sides, the pairings of group items, the changes by section, and the apply
/// button.
#[component]
fn Laid(
    questionnaire: &'static Questionnaire,
    laid_out: Plan,
    /// The names of the draft's items, by group.
    base_names: BTreeMap<String, Vec<String>>,
    mine: Side,
    theirs: Side,
    left: RwSignal<BTreeSet<String>>,
    chosen: RwSignal<Chosen>,
    apply: impl Fn(leptos::ev::MouseEvent) + Copy + 'static,
) -> impl IntoView {
    let yours = mine.said("This draft");
    let theirs = theirs.said("Their answers");
    let count = |kind: fn(&ChangeKind) -> bool| {
        laid_out
            .changes
            .iter()
            .filter(|change| kind(&change.kind))
            .count()
    };
    let conflicts = count(|kind| matches!(kind, ChangeKind::Conflict(_)));
    let summary = if laid_out.changes.is_empty() {
        "Their answers add nothing: this draft already says everything they say.".to_owned()
    } else {
        format!(
            "{} to add or fill in, {} new {}, {} where you disagree.",
            count(|kind| matches!(
                kind,
                ChangeKind::Added | ChangeKind::Filled | ChangeKind::Note
            )),
            count(|kind| *kind == ChangeKind::Item),
            if count(|kind| *kind == ChangeKind::Item) == 1 {
                "item"
            } else {
                "items"
            },
            conflicts
        )
    };
    // Pairings of two items named exactly alike need no checking.
    let pairings: Vec<Pairing> = laid_out
        .pairings
        .iter()
        .filter(|pairing| pairing.base.is_none() || pairing.base_name != pairing.other_name)
        .cloned()
        .collect();
    let pairing_count = pairings.len();
    let any_pairing = pairing_count > 0;
    let pairing_rows = pairings
        .into_iter()
        .map(|pairing| {
            let (group_label, item_label) = match questionnaire.entry(&pairing.group) {
                Some(Entry::Group(group)) => (group.label.clone(), group.item_label.clone()),
                _ => (pairing.group.clone(), "Item".to_owned()),
            };
            let options: Vec<(String, String)> = base_names
                .get(&pairing.group)
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(index, name)| {
                    let name = if name.trim().is_empty() {
                        format!("{item_label} {} (no name)", index + 1)
                    } else {
                        format!("“{}”", name.trim())
                    };
                    (index.to_string(), name)
                })
                .collect();
            let key = (pairing.group.clone(), pairing.other);
            let current = pairing
                .base
                .map_or_else(|| "new".to_owned(), |index| index.to_string());
            let other_name = if pairing.other_name.trim().is_empty() {
                format!("{item_label} {} (no name)", pairing.other + 1)
            } else {
                format!("{item_label} “{}”", pairing.other_name.trim())
            };
            let label = format!("{group_label}: their {other_name}");
            view! {
                <li class="merge-pairing" data-testid="merge-pairing">
                    <label>
                        <span>{label}</span>
                        <select
                            data-testid="merge-pairing-choice"
                            on:change=move |event| {
                                let value = event_target_value(&event);
                                let choice = value.parse::<usize>().ok();
                                chosen
                                    .update(|chosen| {
                                        chosen.insert(key.clone(), choice);
                                    });
                            }
                        >
                            <option value="new" selected=current == "new">
                                "Add as a new item"
                            </option>
                            {options
                                .into_iter()
                                .map(|(value, name)| {
                                    let selected = value == current;
                                    view! {
                                        <option value=value selected=selected>
                                            {format!("Same as your {name}")}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                </li>
            }
        })
        .collect_view();
    let changes = std::sync::Arc::new(laid_out.changes.clone());
    let sections = questionnaire
        .sections()
        .iter()
        .filter_map(|section| {
            let rows: Vec<Change> = changes
                .iter()
                .filter(|change| change.section == section.id)
                .cloned()
                .collect();
            (!rows.is_empty()).then(|| {
                let title = section.title.clone();
                let paths: Vec<String> = rows.iter().map(|change| change.path.clone()).collect();
                let take_all = {
                    let paths = paths.clone();
                    move |_| {
                        left.update(|left| {
                            for path in &paths {
                                left.remove(path);
                            }
                        })
                    }
                };
                let keep_all = move |_| left.update(|left| left.extend(paths.iter().cloned()));
                view! {
                    <div class="import-section-head" data-section=section.id.clone()>
                        <h2 class="import-section">{title.clone()}</h2>
                        <span class="import-section-choice">
                            <button
                                type="button"
                                class="button button-secondary"
                                data-testid="merge-section-theirs"
                                aria-label=format!("Take all of theirs in {title}")
                                on:click=take_all
                            >
                                "Take all of theirs"
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                data-testid="merge-section-mine"
                                aria-label=format!("Keep all of yours in {title}")
                                on:click=keep_all
                            >
                                "Keep all of yours"
                            </button>
                        </span>
                    </div>
                    <ul class="import-rows">
                        {rows
                            .into_iter()
                            .map(|change| view! { <Row change left /> })
                            .collect_view()}
                    </ul>
                }
            })
        })
        .collect_view();
    let total = laid_out.changes.len();
    let chosen_count = {
        let changes = changes.clone();
        move || {
            left.with(|left| {
                changes
                    .iter()
                    .filter(|change| !left.contains(&change.path))
                    .count()
            })
        }
    };
    view! {
        <div class="import-preview merge-plan" data-testid="merge-plan">
            <dl class="merge-sides">
                <dt>"Yours"</dt>
                <dd data-testid="merge-mine">{yours}</dd>
                <dt>"Theirs"</dt>
                <dd data-testid="merge-theirs">{theirs}</dd>
            </dl>
            <p role="status" data-testid="merge-summary">
                {summary}
            </p>
            {any_pairing
                .then(|| {
                    view! {
                        // Open when there are few to check; a long list (another partner's file,
                        // a new list) waits to be opened.
                        <details class="merge-pairings" open=pairing_count <= 8>
                            <summary>
                                {format!("How their items pair with yours ({pairing_count})")}
                            </summary>
                            <p class="hint">
                                "Items are paired by name, then by position where one has no name. Change a pairing if it is wrong; items paired by name the same are not listed."
                            </p>
                            <ul>{pairing_rows}</ul>
                        </details>
                    }
                })}
            {sections}
            {(total > 0)
                .then(|| {
                    view! {
                        <p class="inline-form">
                            <button
                                type="button"
                                class="button"
                                data-testid="merge-apply"
                                on:click=apply
                            >
                                {move || {
                                    let n = chosen_count();
                                    format!("Take {n} of {total} into the draft")
                                }}
                            </button>
                        </p>
                    }
                })}
        </div>
    }
}

/// One change: the question, yours next to theirs, and whether theirs is taken.
#[component]
fn Row(change: Change, left: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let (tag, class) = tag(change.kind);
    let path = change.path.clone();
    let id = format!("merge-take-{}", change.path);
    let taken = {
        let path = path.clone();
        move || left.with(|left| !left.contains(&path))
    };
    view! {
        <li class=format!("import-row merge-row {class}") data-testid="merge-row">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=taken
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    left.update(|left| {
                        if on {
                            left.remove(&path);
                        } else {
                            left.insert(path.clone());
                        }
                    });
                }
            />
            <label for=id>
                <span class="import-question">{change.question.clone()}</span>
                <span class="merge-answers">
                    <span class="merge-yours">
                        <span class="merge-side">"Yours: "</span>
                        {change.base.clone()}
                    </span>
                    <span class="merge-theirs">
                        <span class="merge-side">"Theirs: "</span>
                        {change.other.clone()}
                    </span>
                </span>
                <span class=format!("tag {class}")>{tag}</span>
            </label>
        </li>
    }
}

/// The file a colleague is handed: `noordkaap-2026.network-storage.answers.json`.
pub fn hand_out_file_name(title: &str, sections: &[&str]) -> String {
    format!(
        "{}.{}.answers.json",
        file_stem(title),
        sections.join("-").replace('_', "-")
    )
}

/// The summary's "Hand out sections": a section checkbox each, and the download of `answers`
/// (those of the draft called `title`) in the sections ticked.
#[component]
pub fn HandOut(
    questionnaire: &'static Questionnaire,
    answers: Answers,
    title: String,
) -> impl IntoView {
    let sections: Vec<(String, String)> = questionnaire
        .sections()
        .iter()
        .filter(|section| section.id != ENGAGEMENT_SECTION)
        .map(|section| (section.id.clone(), section.title.clone()))
        .collect();
    let chosen = RwSignal::new(Vec::<String>::new());
    let boxes = sections
        .into_iter()
        .map(|(id, title)| {
            let (value, testid) = (id.clone(), format!("hand-out-{id}"));
            view! {
                <li>
                    <label>
                        <input
                            type="checkbox"
                            data-testid=testid
                            prop:checked=move || chosen.with(|c| c.contains(&value))
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                chosen
                                    .update(|c| {
                                        c.retain(|s| *s != id);
                                        if on {
                                            c.push(id.clone());
                                        }
                                    });
                            }
                        />
                        {title}
                    </label>
                </li>
            }
        })
        .collect_view();
    let download_part = move |_| {
        let picked = chosen.get_untracked();
        let order: Vec<&str> = questionnaire
            .sections()
            .iter()
            .map(|section| section.id.as_str())
            .filter(|id| picked.iter().any(|p| p == id))
            .collect();
        let part = hand_out(&answers, &order);
        download(&hand_out_file_name(&title, &order), &part.to_json());
    };
    view! {
        <details class="hand-out no-print" data-testid="hand-out">
            <summary>"Hand out sections to a colleague"</summary>
            <p>
                "Download an answers file with only the sections a colleague knows best, and the \
                 engagement details. They open it in VCSP Intake (Drafts, Import), say who they \
                 are on its summary, fill it in and send you the draft (Drafts, Export) or their \
                 answers file. “Merge a colleague’s answers” takes it back into this draft, \
                 showing any answer you both gave differently (so does " <code>"intake merge"</code>
                ")."
            </p>
            <ul class="hand-out-sections">{boxes}</ul>
            <button
                type="button"
                class="button button-secondary"
                data-testid="hand-out-download"
                prop:disabled=move || chosen.with(Vec::is_empty)
                on:click=download_part
            >
                "Download answers file for these sections"
            </button>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_after_the_draft_and_the_sections() {
        assert_eq!(
            hand_out_file_name("Noordkaap 2026", &["network", "object_storage"]),
            "noordkaap-2026.network-object-storage.answers.json"
        );
    }
}
