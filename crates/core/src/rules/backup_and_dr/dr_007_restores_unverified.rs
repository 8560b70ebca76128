use super::SINCE;
use crate::rules::{Category, Check, Dated, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-007",
    title: "Restores are not verified automatically, or the last restore test is too old",
    category: Category::BackupAndDr,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether SureBackup or another automated restore verification is in use, \
             whether it runs at least every `restore_test_max_age_days` (default 90), and \
             whether the last restore test is within `restore_test_max_age_days` of the \
             as-of date.",
    why: "A backup nobody has restored is a hope, not a backup. Without verification, a \
          corrupt or unbootable backup is found only when a tenant needs it: the 0 in \
          3-2-1-1-0.",
    remediation: &[
        "Check when a restore was last run and checked (by a person or SureBackup), and \
         for which workloads.",
        "Set up SureBackup (a virtual lab and application groups) for a representative \
         set of workloads, or its backup verification and content scan mode where a lab \
         is not possible, and schedule it after the backups.",
        "Add a manual restore test of tenant data to the operations calendar, and alert on \
         failed verification jobs like on failed backups.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/surebackup_job.html",
        "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy.html",
    ],
    check: restores_unverified,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "dr.surebackup": {"value": false},
              "dr.last_restore_test": {"value": "2026-10-20"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "dr.surebackup": {"value": true},
              "dr.surebackup_interval": {"value": "7d"},
              "dr.last_restore_test": {"value": "2026-01-10"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "dr.surebackup": {"value": true},
              "dr.surebackup_interval": {"value": "7d"},
              "dr.last_restore_test": {"value": "2026-10-20"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "dr.surebackup": {"dont_know": true},
              "dr.last_restore_test": {"dont_know": true}}}"#,
    },
];

fn restores_unverified(c: &mut Check<'_>) {
    let max_age = i64::from(c.config.restore_test_max_age_days);
    let surebackup = c.get("dr.surebackup").bool();
    let surebackup_evidence = surebackup.evidence();
    match c.known(surebackup) {
        Some(false) => c.fire(
            "No SureBackup or other automated restore verification: a corrupt or unbootable \
             backup is found when a tenant needs it"
                .to_owned(),
            vec![surebackup_evidence],
        ),
        Some(true) => {
            let interval = c.get("dr.surebackup_interval").minutes();
            let interval_evidence = interval.evidence();
            let shown = interval.shown();
            if let Some(minutes) = c.known(interval)
                && i64::try_from(minutes / (24 * 60)).unwrap_or(i64::MAX) > max_age
            {
                c.fire_at(
                    Severity::Medium,
                    format!(
                        "Automated restore verification runs every {shown}, less often than \
                         every {max_age} days"
                    ),
                    vec![surebackup_evidence, interval_evidence],
                );
            }
        }
        None => {}
    }
    let last = c.get("dr.last_restore_test").date();
    if let Some(Dated {
        date,
        as_of,
        days,
        evidence,
    }) = c.dated(last)
        && days > max_age
    {
        c.fire(
            format!(
                "The last restore test was on {date}, {days} days before {as_of}: more than \
                 {max_age} days ago"
            ),
            evidence,
        );
    }
}
