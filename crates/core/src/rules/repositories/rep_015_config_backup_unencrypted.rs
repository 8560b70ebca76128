use super::{CONFIG_BACKUP, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-015",
    title: "Configuration backup is not encrypted",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether the configuration backup, when configured, is encrypted.",
    why: "An unencrypted configuration backup leaves out saved credentials and keys, so a \
          restore brings back every job with no passwords; and anyone who reads the file sees \
          the platform's layout. Veeam will not run it unencrypted once passwords are in the \
          Password Manager, and recommends encryption in every case.",
    remediation: &[
        "Enable encryption in the configuration backup settings with a strong password.",
        "Keep the password outside the platform (a password vault, sealed envelope) so it is \
         available when the backup server is not.",
        "Run the job and confirm the new backup file is marked as encrypted.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/config_backup_encrypted.html",
        CONFIG_BACKUP,
    ],
    check: config_backup_unencrypted,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"},
              "platform.config_backup_encrypted": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"},
              "platform.config_backup_encrypted": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"},
              "platform.config_backup_encrypted": {"dont_know": true}}}"#,
    },
];

fn config_backup_unencrypted(c: &mut Check<'_>) {
    let encrypted = c.get("platform.config_backup_encrypted").bool();
    let evidence = encrypted.evidence();
    if c.known(encrypted) == Some(false) {
        let target = c.get("platform.config_backup_target").choice();
        c.fire(
            format!(
                "The configuration backup to {} is not encrypted: a restore brings back no saved \
                 credentials, and the file exposes the platform's layout",
                target
                    .value()
                    .map_or("its target", |t| config_target_label(t))
            ),
            vec![evidence, target.evidence()],
        );
    }
}

/// How a configuration backup target reads in a message.
fn config_target_label(target: &str) -> &'static str {
    match target {
        "backup_server" => "a repository on the backup server",
        "other_server_same_site" => "another server at the same site",
        "other_site" => "a repository at another site",
        "object_storage" => "object storage",
        _ => "its target",
    }
}
