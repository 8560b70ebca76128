//! Findings as the partner sees them: the live panel beside the wizard, and full cards on the
//! summary page. Both come from the same assessment the command-line tool makes.

use intake_core::rules::{Finding, FindingKind, Severity};
use leptos::prelude::*;

use crate::wizard::{go_to_question, question_label};
use crate::workspace::Workspace;

/// The counts by severity and the findings, updated as answers change.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let keyed = Memo::new(move |_| {
        workspace.assessment.with(|assessment| {
            assessment
                .as_ref()
                .map(|a| keyed(&a.findings))
                .unwrap_or_default()
        })
    });
    view! {
        <aside class="findings-panel" aria-labelledby="findings-title" data-testid="findings">
            <h2 id="findings-title">"Findings"</h2>
            <p class="findings-note">"Updated as you answer, from the same rules the tech lead runs."</p>
            <Counts/>
            <ol class="finding-list">
                <For
                    each=move || keyed.get()
                    key=|(key, _)| key.clone()
                    children=move |(_, finding)| view! { <FindingItem finding/> }
                />
            </ol>
        </aside>
    }
}

/// Findings with a key each that stays the same while the finding does (evidence included), so
/// that the list only redraws what changed.
fn keyed(findings: &[Finding]) -> Vec<(String, Finding)> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    findings
        .iter()
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

/// Issue counts by severity, and how many facts need verifying; in words, not just colour.
#[component]
pub fn Counts() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let tally = Memo::new(move |_| {
        workspace
            .assessment
            .with(|assessment| assessment.as_ref().map(|a| a.summary.overall.clone()))
            .unwrap_or_default()
    });
    view! {
        <ul class="severity-counts" data-testid="finding-counts" aria-live="polite">
            {Severity::ALL
                .into_iter()
                .map(|severity| {
                    let name = severity.name();
                    view! {
                        <li class=format!("count severity-{name}") data-severity=name>
                            <span class="count-number">
                                {move || tally.with(|t| t.findings.get(name).copied().unwrap_or(0))}
                            </span>
                            " " {name}
                        </li>
                    }
                })
                .collect_view()}
            <li class="count count-verify" data-severity="verify">
                <span class="count-number">{move || tally.with(|t| t.needs_verification)}</span>
                " to verify"
            </li>
        </ul>
    }
}

/// A finding in the panel: its headline, expandable to the message, evidence, playbook and
/// references.
#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let severity = finding.severity.name();
    let verify = finding.kind == FindingKind::NeedsVerification;
    let (rule, title) = (finding.rule, finding.title);
    view! {
        <li
            class="finding"
            data-testid="finding"
            data-rule=rule
            data-severity=severity
            data-kind=if verify { "needs_verification" } else { "issue" }
        >
            <details>
                <summary>
                    <Badge severity verify/>
                    <span class="rule-id">{rule}</span>
                    " "
                    <span class="finding-title">{title}</span>
                </summary>
                <FindingBody finding/>
            </details>
        </li>
    }
}

/// A finding in full, for the summary page and print.
#[component]
pub fn FindingCard(finding: Finding) -> impl IntoView {
    let severity = finding.severity.name();
    let verify = finding.kind == FindingKind::NeedsVerification;
    let (rule, title) = (finding.rule, finding.title);
    view! {
        <article class="finding-card" data-testid="finding-card" data-rule=rule data-severity=severity>
            <h3>
                <Badge severity verify/>
                <span class="rule-id">{rule}</span>
                " "
                {title}
            </h3>
            <FindingBody finding/>
        </article>
    }
}

/// Severity in words and colour; "verify" for facts to check first.
#[component]
pub fn Badge(severity: &'static str, verify: bool) -> impl IntoView {
    if verify {
        view! { <span class="severity severity-verify">"verify"</span> }.into_any()
    } else {
        view! { <span class=format!("severity severity-{severity}")>{severity}</span> }.into_any()
    }
}

/// The message, the evidence (each a link to its question in the open draft, or with `link`
/// false the question's label and path), the playbook and the references.
#[component]
pub fn FindingBody(finding: Finding, #[prop(default = true)] link: bool) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    view! {
        <p class="finding-message" data-testid="finding-message">{finding.message}</p>
        <h4>"Evidence"</h4>
        <ul class="evidence">
            {finding
                .evidence
                .into_iter()
                .map(|evidence| {
                    if !link {
                        let label = intake_core::draft::question_at(workspace.questionnaire, &evidence.path)
                            .map(|question| question.label.clone())
                            .unwrap_or_default();
                        return view! {
                            <li>
                                {label}
                                " "
                                <code>{evidence.path}</code>
                                ": "
                                <span class="evidence-value">{evidence.value}</span>
                            </li>
                        }
                        .into_any();
                    }
                    let label = question_label(workspace, &evidence.path);
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
                                {label}
                            </a>
                            ": "
                            <span class="evidence-value">{evidence.value}</span>
                        </li>
                    }
                    .into_any()
                })
                .collect_view()}
        </ul>
        <h4>"Playbook"</h4>
        <ol class="playbook">
            {finding.remediation.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}
        </ol>
        <h4>"References"</h4>
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
