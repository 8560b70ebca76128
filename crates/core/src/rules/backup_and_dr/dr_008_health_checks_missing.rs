use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-008",
    title: "Storage-level corruption guard is not on every backup and copy job",
    category: Category::BackupAndDr,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether the backup files health check (storage-level corruption guard) is \
             enabled on the backup and backup copy jobs: on none is high, on some is medium.",
    why: "Disks, controllers and storage firmware can corrupt backup files silently. The \
          periodic health check reads the latest restore point and repairs it while a \
          good copy still exists; without it, the damage is found during a restore.",
    remediation: &[
        "List the backup and backup copy jobs without \"Perform backup files health check\" \
         (job settings > Storage > Advanced > Maintenance).",
        "Enable it with a schedule outside the peak backup window: it reads whole chains \
         and loads the repositories.",
        "Alert on health check failures, and check the first runs for corrupted points.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/backup_health_check.html",
        "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy_health_check.html",
    ],
    check: health_checks_missing,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"dr.health_checks": {"value": "none"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"dr.health_checks": {"value": "some_jobs"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"dr.health_checks": {"value": "all_jobs"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"dr.health_checks": {"dont_know": true}}}"#,
    },
];

fn health_checks_missing(c: &mut Check<'_>) {
    let checks = c.get("dr.health_checks").choice();
    let evidence = checks.evidence();
    match c.known(checks).as_deref() {
        Some("none") => c.fire(
            "The storage-level corruption guard (backup files health check) is not enabled on \
             any job: silent corruption is found during a restore"
                .to_owned(),
            vec![evidence],
        ),
        Some("some_jobs") => c.fire_at(
            Severity::Medium,
            "The storage-level corruption guard (backup files health check) is enabled on only \
             some backup and copy jobs"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
