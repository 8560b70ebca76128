//! A finding shown in full: its severity badge, the card the summary lists, and the body with
//! the evidence, the items of a grouped finding, the playbook and the references. Rule texts show
//! their `inline code` as code.

use intake_core::rules::owned::Finding;
use intake_core::rules::{FindingKind, Severity};
use leptos::prelude::*;

use crate::platform::route::Route;
use crate::questions::Places;
use crate::workspace::OpenDraft;

/// A finding on the summary page: its headline and message, the details folded away.
#[component]
pub fn FindingCard(finding: Finding) -> impl IntoView {
    let severity = finding.severity;
    let verify = finding.kind == FindingKind::NeedsVerification;
    let (rule, title) = (finding.rule.clone(), finding.title.clone());
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
                <Badge severity verify />
                {title}
                " "
                <span class="rule-id">{rule.clone()}</span>
            </h4>
            <p class="finding-message" data-testid="finding-message">
                {message}
            </p>
            <details class="finding-details">
                <summary>"Evidence and playbook"</summary>
                <FindingBody finding />
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
    let places = expect_context::<Places>();
    // In the partner's own draft, the rule's playbook can be walked and kept with the draft.
    let walk = link
        .then(|| use_context::<OpenDraft>().and_then(OpenDraft::draft_id))
        .flatten()
        .map(|draft| {
            Route::Walk {
                draft,
                playbook: finding.rule.to_owned(),
            }
            .href()
        });
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
                    let answer = view! {
                        ": "
                        <span class="evidence-value">{evidence.answer}</span>
                    };
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
                                    places.go_to(&path);
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
        <h5>"What to do"</h5>
        <ol class="playbook">
            {finding
                .remediation
                .iter()
                .map(|step| view! { <li>{with_code(step)}</li> })
                .collect_view()}
        </ol>
        {walk
            .map(|href| {
                view! {
                    <p class="walk-link">
                        <a href=href data-testid="walk-playbook">
                            "Walk the playbook, step by step"
                        </a>
                    </p>
                }
            })}
        <h5>"References"</h5>
        <ul class="references">{reference_items(finding.references.clone())}</ul>
    }
}

/// References as list items, each a link that opens apart from the app.
pub fn reference_items<S: AsRef<str>>(urls: impl IntoIterator<Item = S>) -> impl IntoView {
    urls.into_iter()
        .map(|url| {
            let text = url.as_ref().to_owned();
            let href = text.clone();
            view! {
                <li>
                    <a href=href rel="noopener noreferrer" target="_blank">
                        {text}
                    </a>
                </li>
            }
        })
        .collect_view()
}

/// A rule text with its `inline code` shown as code rather than as backticks.
pub fn with_code(text: &str) -> impl IntoView + use<> {
    split_code(text)
        .into_iter()
        .map(|(code, part)| {
            let part = part.to_owned();
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
