use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-009",
    title: "Incidents are not reviewed afterwards",
    category: Category::Operations,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether post-incident reviews are held: never is medium, only sometimes is low.",
    why: "Without a review, the cause of an outage stays unknown and the same outage \
          returns; the runbook, the alert and the change process that should have caught \
          it are never fixed.",
    remediation: &[
        "Hold a written, blameless review after every incident that affected tenants or \
         needed the on-call engineer: timeline, cause, what helped, what did not.",
        "Turn each finding into an owned action (a runbook, an alert, a change rule) and \
         track it to done.",
    ],
    references: &["https://sre.google/sre-book/postmortem-culture/"],
    check: no_post_incident_reviews,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.post_incident_reviews": {"value": "never"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.post_incident_reviews": {"value": "sometimes"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.post_incident_reviews": {"value": "always"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.post_incident_reviews": {"dont_know": true}}}"#,
    },
];

fn no_post_incident_reviews(c: &mut Check<'_>) {
    let reviews = c.get("operations.post_incident_reviews").choice();
    let evidence = reviews.evidence();
    match c.known(reviews).as_deref() {
        Some("never") => c.fire(
            "Incidents are never reviewed afterwards: their causes stay unknown and they return"
                .to_owned(),
            vec![evidence],
        ),
        Some("sometimes") => c.fire_at(
            Severity::Low,
            "Incidents are reviewed only sometimes: the ones skipped are the ones that return"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
