use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-011",
    title: "Capacity is reviewed only when something runs out",
    category: Category::Operations,
    severity: Severity::Medium,
    since: SINCE,
    checks: "How often capacity (repositories, gateways, DR hosts, bandwidth) is reviewed: \
             only when something runs out is medium, yearly is low.",
    why: "Tenants grow their backups every month. Without a regular review, the first \
          sign of a full repository, an overloaded gateway or oversubscribed DR hosts is a \
          wave of failed jobs or a failover with nowhere to run.",
    remediation: &[
        "Set a monthly capacity review: repository free space and growth, quota totals, \
         gateway connections, concurrent tasks, DR host commitments and link use.",
        "Add alerts for the thresholds (repository free space, quota use) so a review is \
         not the only safety net.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/one/userguide/backup_alarms.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
    ],
    check: capacity_unreviewed,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.capacity_review": {"value": "when_needed"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.capacity_review": {"value": "monthly"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.capacity_review": {"dont_know": true}}}"#,
    },
];

fn capacity_unreviewed(c: &mut Check<'_>) {
    let review = c.get("operations.capacity_review").choice();
    let evidence = review.evidence();
    match c.known(review).as_deref() {
        Some("when_needed") => c.fire(
            "Capacity is reviewed only when something runs out: the first sign is a wave of \
             failed jobs"
                .to_owned(),
            vec![evidence],
        ),
        Some("yearly") => c.fire_at(
            Severity::Low,
            "Capacity is reviewed once a year: tenant growth between reviews goes unseen"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
