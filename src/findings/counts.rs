//! How many findings there are: issues by severity, facts to verify and checks that wait, in the
//! panel and on the summary, and the phone's bar that takes the partner to the panel. The tallies
//! are a plain type, tested natively.

use intake_core::rules::Severity;
use intake_core::rules::owned::Assessment;
use leptos::prelude::*;

use crate::workspace::OpenDraft;

/// Issues by severity, how many facts need verifying and how many checks wait for answers; in
/// words, not just colour.
#[component]
pub fn Counts() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    let counts = Memo::new(move |_| open.assessment.with(|a| a.as_ref().map(Tallies::of)));
    let get =
        move |read: fn(&Tallies) -> usize| move || counts.with(|c| c.as_ref().map_or(0, read));
    view! {
        <div
            class="finding-counts"
            data-testid="finding-counts"
            aria-live="polite"
            hidden=move || counts.with(Option::is_none)
        >
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
                                    {move || {
                                        counts
                                            .with(|c| {
                                                c.as_ref().map_or(0, |c| c.by_severity[severity as usize])
                                            })
                                    }}
                                </span>
                                " "
                                {name}
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
    let open = expect_context::<OpenDraft>();
    let counts = Memo::new(move |_| open.assessment.with(|a| a.as_ref().map(Tallies::of)));
    view! {
        <button
            type="button"
            class="findings-jump"
            data-testid="findings-jump"
            on:click=move |_| crate::platform::dom::focus("findings")
        >
            {move || {
                counts
                    .with(|c| match c {
                        Some(c) => {
                            format!("Findings: {} issues, {} to verify", c.issues, c.to_verify)
                        }
                        None => "Findings: checking…".to_owned(),
                    })
            }}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use intake_core::answers::Answers;
    use intake_core::questionnaire::Questionnaire;
    use intake_core::rules::{Config, FindingKind, assess};

    use super::*;

    #[test]
    fn tallies_keep_issues_facts_to_verify_and_waiting_checks_apart() {
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        let answers = Answers::from_json(
            r#"{"schema_version": 1, "answers": {
                "platform.vbr_version": {"value": "11.0.1.1261"},
                "security.mfa_console": {"value": false},
                "dr.health_checks": {"dont_know": true}}}"#,
            questionnaire,
        )
        .expect("the answers read");
        let assessment = Assessment::from(&assess(questionnaire, &answers, &Config::default()));
        let tallies = Tallies::of(&assessment);
        let issues = assessment
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Issue)
            .count();
        assert!(issues >= 2, "{:?}", assessment.findings);
        assert_eq!(tallies.issues, issues);
        for (severity, count) in Severity::ALL.into_iter().zip(tallies.by_severity) {
            let expected = assessment
                .findings
                .iter()
                .filter(|f| f.kind == FindingKind::Issue && f.severity == severity)
                .count();
            assert_eq!(count, expected, "{}", severity.name());
        }
        assert_eq!(tallies.to_verify, 1);
        assert_eq!(tallies.waiting, assessment.not_assessed.len());
        assert!(tallies.waiting > 0);
    }
}
