use super::{CONFIG_BACKUP, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-013",
    title: "Configuration backup is not configured",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether the backup server's configuration backup is enabled.",
    why: "The configuration backup is how the platform is rebuilt after the backup server is \
          lost: every job, tenant account, quota and credential. Without it, a failed disk or \
          ransomware on the backup server means recreating the platform by hand while every \
          tenant waits.",
    remediation: &[
        "Enable the configuration backup (main menu > Configuration Backup) with a daily \
         schedule and encryption.",
        "Target a repository that is not on the backup server, ideally at another site or \
         immutable.",
        "Rehearse a configuration restore on a spare server and record how long it takes.",
    ],
    references: &[
        CONFIG_BACKUP,
        "https://helpcenter.veeam.com/docs/backup/vsphere/config_backup_encrypted.html",
    ],
    check: config_backup_off,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "not_configured"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.config_backup_target": {"dont_know": true}}}"#,
    },
];

fn config_backup_off(c: &mut Check<'_>) {
    let target = c.get("platform.config_backup_target").choice();
    let evidence = target.evidence();
    if c.known(target).as_deref() == Some("not_configured") {
        c.fire(
            "The configuration backup is not configured: losing the backup server means \
             rebuilding every job and tenant by hand"
                .to_owned(),
            vec![evidence],
        );
    }
}
