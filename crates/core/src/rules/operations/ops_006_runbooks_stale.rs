use super::SINCE;
use crate::rules::{Category, Check, Dated, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-006",
    title: "Runbooks have not been reviewed recently",
    category: Category::Operations,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The date the runbooks were last reviewed, against `runbook_review_max_age_days` \
             (default 365) before the as-of date.",
    why: "Runbooks go stale as the platform changes: a runbook that names servers that no \
          longer exist, or skips a step a new version added, costs time in the middle of \
          the outage it was written for.",
    remediation: &[
        "Review each runbook against the platform as it is today (servers, versions, \
         contacts, access), and date the review.",
        "Tie reviews to change control: a change that touches a runbook's steps updates \
         the runbook.",
        "Use DR tests and incidents to test runbooks, and fix them right after.",
    ],
    references: &["https://sre.google/sre-book/accelerating-sre-on-call/"],
    check: runbooks_stale,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "operations.runbooks": {"value": ["job_failure"]},
              "operations.runbooks_reviewed": {"value": "2024-03-01"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "operations.runbooks": {"value": ["job_failure"]},
              "operations.runbooks_reviewed": {"value": "2026-06-30"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "operations.runbooks": {"value": ["job_failure"]},
              "operations.runbooks_reviewed": {"dont_know": true}}}"#,
    },
];

fn runbooks_stale(c: &mut Check<'_>) {
    let reviewed = c.get("operations.runbooks_reviewed").date();
    let max_age = i64::from(c.config.runbook_review_max_age_days);
    if let Some(Dated {
        date,
        as_of,
        days,
        evidence,
    }) = c.dated(reviewed)
        && days > max_age
    {
        c.fire(
            format!(
                "The runbooks were last reviewed on {date}, {days} days before {as_of}: more \
                 than {max_age} days ago"
            ),
            evidence,
        );
    }
}
