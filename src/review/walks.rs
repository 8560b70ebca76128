//! The playbooks walked: the partner's walks from the bundle, each as the path taken, and the
//! tech lead's own walks on the bundle's answers, kept with the review and written into the
//! reviewed bundle.

use std::sync::Arc;

use intake_core::playbooks::walk::Walk;
use intake_core::playbooks::{Origin, Playbooks};
use leptos::prelude::*;

use super::desk::Desk;
use super::opened::Opened;
use crate::playbooks::{WalkRecord, WalkView};

/// A playbook's name as a reader sees it: "NET-001: MTU differs…", or the symptom's words.
fn playbook_name(books: Option<&Playbooks>, id: &str) -> String {
    match books.and_then(|books| books.get(id)) {
        Some(book) if book.origin == Origin::Rule => format!("{}: {}", book.id, book.title),
        Some(book) => book.title.clone(),
        None => id.to_owned(),
    }
}

/// Where a walk stands, in a few words.
fn standing(walk: &Walk) -> &'static str {
    if walk.ended().is_some() {
        "ended in a conclusion"
    } else {
        "not finished"
    }
}

/// The section: the partner's walks, then the tech lead's, and the walk under way.
#[component]
pub fn ReviewWalks(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let books = Playbooks::builtin().ok();
    let partner = opened.bundle.walks.clone();
    let answers = opened.bundle.answers.to_json();
    // The rules with a finding now come first in the list to start from, then the symptoms.
    let mut choices: Vec<(String, String)> = Vec::new();
    for finding in &opened.rerun.assessment.findings {
        if !choices.iter().any(|(id, _)| id == finding.rule) {
            choices.push((finding.rule.to_owned(), playbook_name(books, finding.rule)));
        }
    }
    let with_findings = choices.len();
    for book in books.into_iter().flat_map(Playbooks::symptoms) {
        choices.push((book.id.clone(), playbook_name(books, &book.id)));
    }
    let first = choices
        .first()
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let chosen = RwSignal::new(first);
    let start = move |_| {
        let id = chosen.get_untracked();
        if !id.is_empty() {
            desk.walking.set(Some(id));
            request_animation_frame(|| crate::platform::dom::focus("walk-title"));
        }
    };
    let mine = move || {
        desk.review
            .with(|review| review.walks.values().cloned().collect::<Vec<Walk>>())
    };
    view! {
        <section
            class="review-walks"
            aria-labelledby="review-walks-title"
            data-testid="review-walks"
        >
            <h2 id="review-walks-title">"Playbooks walked"</h2>
            {if partner.is_empty() {
                view! { <p>"The partner walked no playbook."</p> }.into_any()
            } else {
                view! {
                    <p>
                        "The partner's walks, each as the path taken. Where their answers \
                         suggested an outcome, it says whether what they saw confirmed it."
                    </p>
                    {partner
                        .into_iter()
                        .map(|walk| {
                            let name = playbook_name(books, &walk.playbook);
                            let state = standing(&walk);
                            view! {
                                <details class="review-walk" data-testid="partner-walk">
                                    <summary>{format!("{name} ({state})")}</summary>
                                    <WalkRecord walk />
                                </details>
                            }
                        })
                        .collect_view()}
                }
                    .into_any()
            }}
            <h3>"Walk a playbook yourself"</h3>
            <p>
                "On the bundle's answers: where they tell a step's outcome it is picked for you to \
                 confirm or change. Your walks are kept with this review and go into the reviewed \
                 bundle and its report."
            </p>
            <div class="review-walk-start">
                <label class="field">
                    <span>"Playbook"</span>
                    <select
                        data-testid="review-walk-choice"
                        on:change=move |event| chosen.set(event_target_value(&event))
                    >
                        {choices
                            .into_iter()
                            .enumerate()
                            .map(|(index, (id, name))| {
                                let label = if index < with_findings {
                                    format!("{name} (a finding now)")
                                } else {
                                    name
                                };
                                view! { <option value=id>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="review-walk-start"
                    on:click=start
                >
                    "Walk it"
                </button>
            </div>
            <Show when=move || !mine().is_empty()>
                <ul class="review-own-walks" data-testid="review-own-walks">
                    {move || {
                        mine()
                            .into_iter()
                            .map(|walk| {
                                let id = walk.playbook.clone();
                                let name = playbook_name(books, &id);
                                let state = standing(&walk);
                                view! {
                                    <li>
                                        {format!("{name} ({state}) ")}
                                        <button
                                            type="button"
                                            class="button button-secondary"
                                            on:click=move |_| desk.walking.set(Some(id.clone()))
                                        >
                                            "Open"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
            {move || {
                desk.walking
                    .get()
                    .map(|playbook| {
                        let kept = desk
                            .review
                            .with_untracked(|review| {
                                review.walks.get(&playbook).map(Walk::to_json).unwrap_or_default()
                            });
                        let key = playbook.clone();
                        let changed = move |json: String| {
                            if let Ok(walk) = Walk::from_json(&json) {
                                let key = key.clone();
                                desk.edit(move |review| {
                                    review.walks.insert(key, walk);
                                });
                            }
                        };
                        view! {
                            <WalkView
                                playbook
                                kept
                                answers=answers.clone()
                                changed
                                in_review=true
                            />
                        }
                    })
            }}
        </section>
    }
}
