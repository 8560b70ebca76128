use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-010",
    title: "The promised RPO is shorter than the most frequent job interval",
    category: Category::BackupAndDr,
    severity: Severity::High,
    since: SINCE,
    checks: "The recovery point objective promised to tenants against how often the most \
             frequent backup or replication job runs: a job interval longer than the RPO \
             means the promise cannot be kept.",
    why: "The RPO is the most data a tenant may lose. The most frequent job is the best \
          RPO the platform can deliver; a promise of 1 hour with jobs every 4 hours is \
          broken every day, before anything even fails.",
    remediation: &[
        "Check which tenants were promised this RPO, in which contracts, and which jobs \
         protect them.",
        "Either run those jobs at least as often as the RPO (or use continuous data \
         protection for the tightest promises), or change the promise.",
        "Monitor achieved restore point age against the RPO (RPO monitor in the job \
         settings, or Veeam ONE) so a missed interval raises an alert.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_cdp.html",
        "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy.html",
    ],
    check: rpo_unreachable,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"windows.rpo": {"value": "1h"},
              "windows.most_frequent_job_interval": {"value": "4h"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"windows.rpo": {"value": "24h"},
              "windows.most_frequent_job_interval": {"value": "4h"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"windows.rpo": {"value": "24h"},
              "windows.most_frequent_job_interval": {"dont_know": true}}}"#,
    },
];

fn rpo_unreachable(c: &mut Check<'_>) {
    let rpo = c.get("windows.rpo").minutes();
    let rpo_evidence = rpo.evidence();
    let interval = c.get("windows.most_frequent_job_interval").minutes();
    let interval_evidence = interval.evidence();
    let (rpo_shown, interval_shown) = (rpo.shown(), interval.shown());
    let (Some(rpo), Some(interval)) = (c.known(rpo), c.known(interval)) else {
        return;
    };
    if interval > rpo {
        c.fire(
            format!(
                "Tenants are promised an RPO of {rpo_shown}, but the most frequent job runs only \
                 every {interval_shown}: the promise cannot be kept"
            ),
            vec![rpo_evidence, interval_evidence],
        );
    }
}
