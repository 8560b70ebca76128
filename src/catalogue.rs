//! The rule catalogue page: every check the assessment runs, from the rules' own metadata.

use intake_core::rules::{Category, RULESET_VERSION, Rule, rules};
use leptos::prelude::*;

use crate::findings::{reference_items, with_code};
use crate::later;
use crate::platform::dom::scroll_to;
use crate::platform::route::Route;

/// Every rule, grouped by category.
#[component]
pub fn Catalogue() -> impl IntoView {
    let rules = rules();
    let count = rules.len();
    let groups: Vec<(Category, Vec<&'static Rule>)> = Category::ALL
        .into_iter()
        .map(|category| {
            let members = rules
                .iter()
                .copied()
                .filter(|rule| rule.category == category)
                .collect::<Vec<_>>();
            (category, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect();
    let categories = groups.len();
    let symptoms = RwSignal::new(false);
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=Route::Home.href()>"Home"</a>
        </nav>
        <section class="catalogue" aria-labelledby="catalogue-title">
            <h1 id="catalogue-title">"Rule catalogue"</h1>
            <p class="lede" data-testid="catalogue-summary">
                {format!(
                    "{count} rules in {categories} categories, rule set version {RULESET_VERSION}. \
                     Each finding names the answers that triggered it and a playbook to fix it.",
                )}
            </p>
            <nav class="toc" aria-label="Categories">
                <ul>
                    {groups
                        .iter()
                        .map(|(category, members)| {
                            let category = *category;
                            let count = members.len();
                            view! {
                                <li>
                                    <a
                                        href=Route::Rules.href()
                                        on:click=move |event| {
                                            event.prevent_default();
                                            scroll_to(category.name());
                                        }
                                    >
                                        {category.title()}
                                        " ("
                                        {count}
                                        ")"
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <section class="category" id="symptoms" aria-labelledby="symptoms-title">
                <h2 id="symptoms-title">"Start from what is failing"</h2>
                <p>
                    "A playbook for each problem partners call about, from the first questions \
                     that tell the layers apart into the rules' own playbooks."
                </p>
                <details
                    class="playbook-tree"
                    data-testid="symptoms-disclosure"
                    on:toggle=move |_| {
                        if !symptoms.get_untracked() {
                            symptoms.set(true);
                        }
                    }
                >
                    <summary>"Symptoms and their playbooks"</summary>
                    <Show when=move || symptoms.get()>
                        <later::Symptoms />
                    </Show>
                </details>
            </section>
            {groups
                .into_iter()
                .map(|(category, members)| {
                    view! {
                        <section
                            class="category"
                            id=category.name()
                            aria-labelledby=format!("{}-title", category.name())
                        >
                            <h2 id=format!("{}-title", category.name())>{category.title()}</h2>
                            {members
                                .into_iter()
                                .map(|rule| view! { <RuleCard rule /> })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// One rule: id, severity, what it checks, why, the playbook and the references.
#[component]
fn RuleCard(rule: &'static Rule) -> impl IntoView {
    let severity = rule.severity.name();
    view! {
        <article class="rule" id=format!("rule-{}", rule.id) data-testid="rule">
            <header>
                <span class="rule-id">{rule.id}</span>
                <span class=format!("severity severity-{severity}")>{severity}</span>
                <h3>{rule.title}</h3>
            </header>
            <dl>
                <dt>"What it checks"</dt>
                <dd>{with_code(rule.checks)}</dd>
                <dt>"Why it matters"</dt>
                <dd>{with_code(rule.why)}</dd>
                <dt>"What to do"</dt>
                <dd>
                    <ol>
                        {rule
                            .remediation
                            .iter()
                            .map(|step| view! { <li>{with_code(step)}</li> })
                            .collect_view()}
                    </ol>
                </dd>
                <dt>"References"</dt>
                <dd>
                    <ul>{reference_items(rule.references)}</ul>
                </dd>
            </dl>
            <PlaybookDisclosure id=rule.id />
            <p class="since">"Since rule set " {rule.since}</p>
        </article>
    }
}

/// "Troubleshooting playbook": the rule's decision tree, drawn the first time it is opened.
#[component]
fn PlaybookDisclosure(id: &'static str) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details
            class="playbook-tree"
            data-testid="playbook"
            on:toggle=move |_| {
                if !opened.get_untracked() {
                    opened.set(true);
                }
            }
        >
            <summary>"Troubleshooting playbook: a decision tree, step by step"</summary>
            <Show when=move || opened.get()>
                <later::Playbook id=id.to_owned() />
            </Show>
        </details>
    }
}
