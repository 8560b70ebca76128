use super::{REPOSITORY_STORAGE, SINCE, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-006",
    title: "One storage system holds both production data and its backups",
    category: Category::Storage,
    severity: Severity::High,
    since: SINCE,
    checks: "Storage systems whose role is both production data and backups.",
    why: "A system that holds production data and its backups loses both in one failure (a \
          controller fault, a bad firmware update, ransomware on its management), breaking \
          the 3-2-1 rule; backups and restores also compete with production for the same \
          controllers.",
    remediation: &[
        "Check which repositories and which production datastores or volumes live on the \
         system, and whether any backup copy of that data exists elsewhere.",
        "Move the backup repositories to separate storage (ideally a physical hardened \
         repository with local disks), or at least make sure a backup copy job sends every \
         backup to another system.",
    ],
    references: &[
        REPOSITORY_STORAGE,
        "https://www.veeam.com/blog/321-backup-rule.html",
    ],
    check: shared_production_and_backup,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"value": "both"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"value": "production"}}}, {"name": "array-02", "answers": {
              "role": {"value": "backup_target"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"dont_know": true}}}]}}"#,
    },
];

fn shared_production_and_backup(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let role = system.get("role").choice();
        let evidence = role.evidence();
        if c.known(role).as_deref() == Some("both") {
            c.fire(
                format!(
                    "Storage system {} holds both production data and backups: one failure \
                     loses both",
                    describe(&system)
                ),
                vec![evidence],
            );
        }
    }
}
