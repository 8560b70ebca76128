use super::{CONFIG_BACKUP, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-014",
    title: "Configuration backup is stored on the backup server or at the same site",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Where the configuration backup goes: on the backup server itself is high; on \
             another server at the same site is low.",
    why: "A configuration backup on the backup server is lost with it, to ransomware or a \
          failed disk, exactly when it is needed. One at the same site is lost with the site.",
    remediation: &[
        "Check the configuration backup's target repository and where that repository's \
         disks are.",
        "Point the configuration backup at a repository on another server, preferably at \
         another site or immutable (hardened repository or object lock).",
        "Run the configuration backup job once and confirm the file arrives at the new \
         target.",
    ],
    references: &[CONFIG_BACKUP],
    check: config_backup_local,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "backup_server"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_server_same_site"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "object_storage"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.config_backup_target": {"dont_know": true}}}"#,
    },
];

fn config_backup_local(c: &mut Check<'_>) {
    let target = c.get("platform.config_backup_target").choice();
    let evidence = target.evidence();
    match c.known(target).as_deref() {
        Some("backup_server") => c.fire(
            "The configuration backup is stored on the backup server itself: it is lost together \
             with the server it should rebuild"
                .to_owned(),
            vec![evidence],
        ),
        Some("other_server_same_site") => c.fire_at(
            Severity::Low,
            "The configuration backup is stored on another server at the same site: a site \
             outage takes it with the backup server"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
