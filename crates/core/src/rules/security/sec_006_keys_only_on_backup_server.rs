use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-006",
    title: "Encryption passwords are kept only on the backup server",
    category: Category::Security,
    severity: Severity::High,
    since: SINCE,
    checks: "Where the encryption passwords or keys are kept, when jobs are encrypted: only \
             in the backup server's configuration is a finding.",
    why: "An encrypted backup without its password cannot be restored by anyone, Veeam \
          support included. If the only copy of the password lives in the backup server's \
          configuration, losing that server (ransomware, a failed disk, a rebuild from an \
          unencrypted configuration backup) loses every encrypted backup with it.",
    remediation: &[
        "Check that every encryption password in use is known and can be found outside \
         the backup server.",
        "Store them in a password vault separate from the backup infrastructure, or move \
         to a KMS, and keep an offline copy.",
        "Enable Enterprise Manager password loss protection and export its keyset to a \
         safe place; test a password recovery request once.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/enterprise_manager_keys.html",
        "https://helpcenter.veeam.com/docs/backup/hyperv/decryption_no_pass_hiw.html",
        "https://helpcenter.veeam.com/docs/backup/vsphere/encryption_best_practices.html",
    ],
    check: keys_only_on_backup_server,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "all"},
              "security.key_storage": {"value": ["backup_server_only"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "some"},
              "security.key_storage": {"value": ["password_vault", "enterprise_manager"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "none"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "all"},
              "security.key_storage": {"dont_know": true}}}"#,
    },
];

fn keys_only_on_backup_server(c: &mut Check<'_>) {
    let storage = c.get("security.key_storage").choices();
    let evidence = storage.evidence();
    let Some(storage) = c.known(storage) else {
        return;
    };
    if !storage.is_empty() && storage.iter().all(|s| s == "backup_server_only") {
        c.fire(
            "Encryption passwords are kept only in the backup server's configuration: losing \
             that server loses every encrypted backup"
                .to_owned(),
            vec![evidence],
        );
    }
}
