use super::{HEALTHCHECK, SINCE, report_differences};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "EVD-004",
    title: "A security setting answered differs from the backup server's",
    category: Category::Evidence,
    severity: Severity::High,
    since: SINCE,
    checks: "Multi-factor authentication for the console against Veeam Healthcheck's \
             `vbrinfo` (`MFA`), and the configuration backup's encryption against its \
             `configBackup` (`EncryptionOptions`).",
    why: "Security answers are the ones most often given as intended rather than as \
          configured. A console believed to need MFA that does not, or a configuration \
          backup believed encrypted that is not (so its saved credentials are not \
          exported, and a restore of the server needs them all typed again), is a risk \
          nobody is watching.",
    remediation: &[
        "Look at the setting on the backup server: Users and Roles for MFA; the \
         configuration backup settings (main menu, Configuration Backup) for encryption.",
        "If the export is older than the change, run Veeam Healthcheck again and import \
         its new export.",
        "Correct the setting if it was meant to be on, or the answer if it was wrong, and \
         record which in the report.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/mfa.html",
        "https://helpcenter.veeam.com/docs/backup/vsphere/config_backup_encrypted.html",
        HEALTHCHECK,
    ],
    check: security_differs,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.mfa_console": {"value": true}},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "backup_server": {"version": "12.3.1.1139", "mfa": false,
                "from": {"source": 0, "table": "localhost_vbrinfo.csv", "row": 2}}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"},
              "platform.config_backup_encrypted": {"value": true}},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "config_backup": {"enabled": true, "encrypted": false,
                "from": {"source": 0, "table": "localhost_configBackup.csv", "row": 2}}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.mfa_console": {"value": false}},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "backup_server": {"mfa": false,
                "from": {"source": 0, "table": "localhost_vbrinfo.csv", "row": 2}}}}"#,
    },
];

fn security_differs(c: &mut Check<'_>) {
    report_differences(c, RULE.id);
}
