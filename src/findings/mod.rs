//! Findings as the partner sees them: the live panel beside the wizard, and cards on the summary
//! page. Both come from the same assessment the command-line tool makes, and keep its three
//! kinds apart: issues, facts to verify ("I don't know"), and checks that wait for answers.

mod filter;

use intake_core::rules::{Assessment, Finding, FindingKind, Severity};
use leptos::prelude::*;

pub use filter::{Filter, Show};

use crate::questions::go_to_question;
use crate::workspace::Workspace;

/// The panel's filter, kept while the partner moves between steps.
#[derive(Clone, Copy)]
pub struct PanelFilter(pub RwSignal<Filter>);

/// The counts, the filter and the findings, issues first, updated as answers change.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let filter = expect_context::<PanelFilter>().0;
    let questionnaire = workspace.questionnaire;
    let shown = move |kind: FindingKind| {
        Memo::new(move |_| {
            workspace.assessment.with(|assessment| {
                filter.with(|filter| {
                    assessment
                        .as_ref()
                        .map(|a| {
                            keyed(a.findings.iter().filter(|finding| {
                                finding.kind == kind && filter.matches(finding, questionnaire)
                            }))
                        })
                        .unwrap_or_default()
                })
            })
        })
    };
    let issues = shown(FindingKind::Issue);
    let verify = shown(FindingKind::NeedsVerification);
    let total = Memo::new(move |_| {
        workspace
            .assessment
            .with(|a| a.as_ref().map_or(0, |a| a.findings.len()))
    });
    view! {
        <aside
            class="findings-panel"
            id="findings"
            tabindex="-1"
            aria-labelledby="findings-title"
            data-testid="findings"
        >
            <h2 id="findings-title">"Findings"</h2>
            <p class="findings-note">"Updated as you answer, from the same rules the tech lead runs."</p>
            <Counts/>
            <Show when=move || total.get() != 0>
                <FilterBar/>
            </Show>
            <Show when=move || total.get() == 0>
                <p class="findings-empty" data-testid="findings-empty">
                    "No findings yet. Issues and facts to verify appear here as you answer."
                </p>
            </Show>
            <Show when=move || {
                total.get() > 0 && issues.with(Vec::is_empty) && verify.with(Vec::is_empty)
            }>
                <p class="findings-empty">"No finding matches the filter."</p>
            </Show>
            <Show when=move || !issues.with(Vec::is_empty)>
                <h3 class="finding-group-title">"Issues (" {move || issues.with(Vec::len)} ")"</h3>
            </Show>
            <ol class="finding-list" data-testid="issue-list">
                <For
                    each=move || issues.get()
                    key=|(key, _)| key.clone()
                    children=move |(_, finding)| view! { <FindingItem finding/> }
                />
            </ol>
            <Show when=move || !verify.with(Vec::is_empty)>
                <h3 class="finding-group-title">"To verify (" {move || verify.with(Vec::len)} ")"</h3>
                <p class="findings-note">
                    "You answered “I don't know”: your tech lead will check these. Each says how \
                     serious it could be."
                </p>
            </Show>
            <ol class="finding-list" data-testid="verify-list">
                <For
                    each=move || verify.get()
                    key=|(key, _)| key.clone()
                    children=move |(_, finding)| view! { <FindingItem finding/> }
                />
            </ol>
        </aside>
    }
}

/// Findings with a key each that stays the same while the finding does (evidence included), so
/// that the list only redraws what changed.
fn keyed<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<(String, Finding)> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    findings
        .map(|finding| {
            let mut base = format!(
                "{}|{}|{:?}|{}",
                finding.rule,
                finding.severity.name(),
                finding.kind,
                finding.message
            );
            for evidence in &finding.evidence {
                base.push('|');
                base.push_str(&evidence.path);
                base.push('=');
                base.push_str(&evidence.value);
            }
            let count = seen.entry(base.clone()).or_default();
            *count += 1;
            (format!("{base}|{count}"), finding.clone())
        })
        .collect()
}

/// The filter: which kind, which severity, which section. It stays while the partner moves
/// between steps.
#[component]
fn FilterBar() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let filter = expect_context::<PanelFilter>().0;
    let sections = workspace.questionnaire.sections();
    view! {
        <fieldset class="finding-filter" data-testid="finding-filter">
            <legend class="visually-hidden">"Show findings"</legend>
            <div class="filter-kinds" role="group" aria-label="Kind">
                <KindChips
                    show=Signal::derive(move || filter.with(|f| f.show))
                    pick=Callback::new(move |show| filter.update(|f| f.show = show))
                />
                <Show when=move || !filter.with(Filter::is_everything)>
                    <button
                        type="button"
                        class="chip chip-clear"
                        on:click=move |_| filter.set(Filter::default())
                    >
                        "Clear filter"
                    </button>
                </Show>
            </div>
            <SeveritySelect
                testid="filter-severity"
                value=Signal::derive(move || filter.with(|f| f.severity))
                pick=Callback::new(move |severity| filter.update(|f| f.severity = severity))
            />
            <label class="filter-field">
                <span>"Section"</span>
                <select
                    data-testid="filter-section"
                    prop:value=move || filter.with(|f| f.section.clone().unwrap_or_default())
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        filter.update(|f| f.section = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="">"Any"</option>
                    {sections
                        .iter()
                        .map(|s| view! { <option value=s.id.clone()>{s.title.clone()}</option> })
                        .collect_view()}
                </select>
            </label>
        </fieldset>
    }
}

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

/// Issues by severity, how many facts need verifying and how many checks wait for answers; in
/// words, not just colour.
#[component]
pub fn Counts() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let counts = Memo::new(move |_| workspace.assessment.with(|a| a.as_ref().map(Tallies::of)));
    let get =
        move |read: fn(&Tallies) -> usize| move || counts.with(|c| c.as_ref().map_or(0, read));
    view! {
        <div class="finding-counts" data-testid="finding-counts" aria-live="polite">
            <p class="counts-line">
                <strong data-testid="issue-count">{get(|t| t.issues)}</strong>
                " issues"
            </p>
            <ul class="severity-counts">
                {Severity::ALL
                    .into_iter()
                    .map(|severity| {
                        let name = severity.name();
                        view! {
                            <li class=format!("count severity-{name}") data-severity=name>
                                <span class="count-number">
                                    {move || counts.with(|c| c.as_ref().map_or(0, |c| c.by_severity[severity as usize]))}
                                </span>
                                " " {name}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="counts-line">
                <span class="count count-verify" data-severity="verify">
                    <span class="count-number">{get(|t| t.to_verify)}</span>
                    " to verify"
                </span>
                " "
                <span class="count count-waiting" data-testid="waiting-count">
                    <span class="count-number">{get(|t| t.waiting)}</span>
                    " checks wait for answers"
                </span>
            </p>
        </div>
    }
}

/// The counts the panel, the phone bar and the summary show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tallies {
    pub issues: usize,
    /// Issues by severity, in [`Severity::ALL`] order.
    pub by_severity: [usize; 5],
    pub to_verify: usize,
    /// Rules not assessed for want of answers.
    pub waiting: usize,
}

impl Tallies {
    pub fn of(assessment: &Assessment) -> Tallies {
        let by_severity = Severity::ALL.map(|severity| assessment.issue_count(severity));
        Tallies {
            issues: by_severity.iter().sum(),
            by_severity,
            to_verify: assessment.to_verify().count(),
            waiting: assessment.not_assessed.len(),
        }
    }
}

/// On a phone the panel is below the whole form: a bar at the bottom of the screen with the
/// counts takes the partner to it.
#[component]
pub fn FindingsJump() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let counts = Memo::new(move |_| workspace.assessment.with(|a| a.as_ref().map(Tallies::of)));
    view! {
        <button
            type="button"
            class="findings-jump"
            data-testid="findings-jump"
            on:click=move |_| crate::platform::dom::focus("findings")
        >
            {move || counts.with(|c| {
                let (issues, verify) = c.as_ref().map_or((0, 0), |c| (c.issues, c.to_verify));
                format!("Findings: {issues} issues, {verify} to verify")
            })}
        </button>
    }
}

/// A finding in the panel: its headline and message, expandable to the evidence, playbook and
/// references.
#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let severity = finding.severity;
    let verify = finding.kind == FindingKind::NeedsVerification;
    let (rule, title) = (finding.rule, finding.title);
    let message = finding.message.clone();
    view! {
        <li
            class="finding"
            data-testid="finding"
            data-rule=rule
            data-severity=severity.name()
            data-kind=if verify { "needs_verification" } else { "issue" }
        >
            <details>
                <summary>
                    <Badge severity verify/>
                    <span class="finding-title">{title}</span>
                    " "
                    <span class="rule-id">{rule}</span>
                    <span class="finding-message" data-testid="finding-message">{message}</span>
                </summary>
                <FindingBody finding/>
            </details>
        </li>
    }
}

/// A finding on the summary page: its headline and message, the details folded away.
#[component]
pub fn FindingCard(finding: Finding) -> impl IntoView {
    let severity = finding.severity;
    let verify = finding.kind == FindingKind::NeedsVerification;
    let (rule, title) = (finding.rule, finding.title);
    let message = finding.message.clone();
    view! {
        <article
            class="finding-card"
            data-testid="finding-card"
            data-rule=rule
            data-severity=severity.name()
            data-kind=if verify { "needs_verification" } else { "issue" }
        >
            <h4>
                <Badge severity verify/>
                {title}
                " "
                <span class="rule-id">{rule}</span>
            </h4>
            <p class="finding-message" data-testid="finding-message">{message}</p>
            <details class="finding-details">
                <summary>"Evidence and playbook"</summary>
                <FindingBody finding/>
            </details>
        </article>
    }
}

/// Severity in words and colour. A fact to verify says what it could be, never that it is.
#[component]
pub fn Badge(severity: Severity, verify: bool) -> impl IntoView {
    let name = severity.name();
    if verify {
        view! {
            <span class="severity severity-verify">"to verify"</span>
            <span class="could-be">"could be " {name}</span>
        }
        .into_any()
    } else {
        view! { <span class=format!("severity severity-{name}")>{name}</span> }.into_any()
    }
}

/// The evidence (each a link to its question in the open draft, or with `link` false the
/// question and answer in words), each item of a grouped finding, the playbook and the
/// references.
#[component]
pub fn FindingBody(finding: Finding, #[prop(default = true)] link: bool) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let occurrences = (!finding.occurrences.is_empty()).then(|| {
        view! {
            <h5>"Where"</h5>
            <ul class="occurrences">
                {finding
                    .occurrences
                    .iter()
                    .map(|occurrence| view! { <li>{occurrence.message.clone()}</li> })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        {occurrences}
        <h5>"Evidence"</h5>
        <ul class="evidence">
            {finding
                .evidence
                .into_iter()
                .map(|evidence| {
                    let answer = view! { ": " <span class="evidence-value">{evidence.answer}</span> };
                    if !link {
                        return view! { <li>{evidence.question}{answer}</li> }.into_any();
                    }
                    let path = evidence.path.clone();
                    view! {
                        <li>
                            <a
                                href="#"
                                data-path=evidence.path
                                on:click=move |event| {
                                    event.prevent_default();
                                    go_to_question(workspace, &path);
                                }
                            >
                                {evidence.question}
                            </a>
                            {answer}
                        </li>
                    }
                    .into_any()
                })
                .collect_view()}
        </ul>
        <h5>"Playbook"</h5>
        <ol class="playbook">
            {finding.remediation.iter().map(|step| view! { <li>{with_code(step)}</li> }).collect_view()}
        </ol>
        <h5>"References"</h5>
        <ul class="references">
            {finding
                .references
                .iter()
                .map(|url| view! {
                    <li><a href=*url rel="noopener noreferrer" target="_blank">{*url}</a></li>
                })
                .collect_view()}
        </ul>
    }
}

/// A rule text with its `inline code` shown as code rather than as backticks.
pub fn with_code(text: &'static str) -> impl IntoView {
    split_code(text)
        .into_iter()
        .map(|(code, part)| {
            if code {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}

/// The parts of a text between backticks, each marked as code or not. An unpaired backtick is
/// kept as text.
fn split_code(text: &str) -> Vec<(bool, &str)> {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        return vec![(false, text)];
    }
    parts
        .into_iter()
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(index, part)| (index % 2 == 1, part))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::split_code;

    #[test]
    fn backticks_mark_code() {
        assert_eq!(
            split_code("Run `ping -M do -s 8972` from the gateway"),
            vec![
                (false, "Run "),
                (true, "ping -M do -s 8972"),
                (false, " from the gateway")
            ]
        );
        assert_eq!(split_code("no code"), vec![(false, "no code")]);
        assert_eq!(split_code("one ` tick"), vec![(false, "one ` tick")]);
    }
}
