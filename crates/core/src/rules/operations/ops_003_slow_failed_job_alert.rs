use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-003",
    title: "A failed job takes too long to reach someone",
    category: Category::Operations,
    severity: Severity::Medium,
    since: SINCE,
    checks: "How soon after a job fails someone is alerted, against \
             `failed_job_alert_max_minutes` (default 60); as high when the delay is as long \
             as the RPO promised to tenants or longer.",
    why: "Every hour between a failure and the alert is an hour of the tenant's RPO gone. \
          An alert that arrives in a morning summary turns a night-time failure into a \
          missed backup, and an alert slower than the RPO means the promise is broken \
          before anyone knows.",
    remediation: &[
        "Check how a failed session becomes an alert today (notification, monitoring poll \
         interval, summary report) and time it with a test failure.",
        "Make failed sessions raise an alert at once (Veeam ONE alarm, Service Provider \
         Console alarm or notification to the paging tool), not in a daily report.",
        "Include the delay in the on-call runbook's expectations: who acknowledges, and \
         within how long.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/one/userguide/backup_alarms.html",
        "https://sre.google/sre-book/being-on-call/",
    ],
    check: slow_failed_job_alert,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["email"]},
              "operations.failed_job_alert_within": {"value": "8h"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager"]},
              "operations.failed_job_alert_within": {"value": "30m"},
              "windows.rpo": {"value": "15m"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager"]},
              "operations.failed_job_alert_within": {"value": "15m"},
              "windows.rpo": {"value": "24h"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager"]},
              "operations.failed_job_alert_within": {"dont_know": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager"]},
              "operations.failed_job_alert_within": {"value": "30m"},
              "windows.rpo": {"dont_know": true}}}"#,
    },
];

fn slow_failed_job_alert(c: &mut Check<'_>) {
    let within = c.get("operations.failed_job_alert_within").minutes();
    let within_evidence = within.evidence();
    let within_shown = within.shown();
    let Some(minutes) = c.known(within) else {
        return;
    };
    let rpo = c.get("windows.rpo").minutes();
    let rpo_evidence = rpo.evidence();
    let rpo_shown = rpo.shown();
    if let Some(rpo_minutes) = c.known(rpo)
        && minutes >= rpo_minutes
    {
        c.fire_at(
            Severity::High,
            format!(
                "A failed job reaches someone {within_shown} after it fails, no sooner than the \
                 RPO of {rpo_shown} promised to tenants: the promise is broken before anyone \
                 knows"
            ),
            vec![within_evidence, rpo_evidence],
        );
        return;
    }
    let max = u64::from(c.config.failed_job_alert_max_minutes);
    if minutes > max {
        c.fire(
            format!(
                "A failed job reaches someone {within_shown} after it fails, more than {max} \
                 minutes"
            ),
            vec![within_evidence],
        );
    }
}
