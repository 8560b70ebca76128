use super::{SINCE, STORAGE_INTEGRATION, VEEAM_READY, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-003",
    title: "Storage Veeam relies on is not supported by Veeam",
    category: Category::Storage,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether storage systems Veeam relies on (backup targets, systems holding both \
             production and backups, or any system when storage snapshot integration is \
             used) are on Veeam's support lists (Veeam Ready or storage integration).",
    why: "Storage snapshot integration and Veeam Ready repositories are tested with specific \
          models and firmware. An untested combination can fail in ways nobody has seen \
          before, and neither vendor's support knows the path.",
    remediation: &[
        "Check the Veeam Ready and storage integration lists for the model and firmware, and \
         the storage plug-in version the backup server uses.",
        "If it is not listed, ask the vendor whether a qualified firmware exists and plan the \
         update through change control; for snapshot integration, test backup and restore \
         from snapshots on a staging system first.",
    ],
    references: &[VEEAM_READY, STORAGE_INTEGRATION],
    check: not_veeam_supported,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "backup-array", "answers": {
              "role": {"value": "backup_target"},
              "veeam_compatible": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"storage.snapshot_integration": {"value": "backup_from_snapshots"}},
              "groups": {"storage.systems": [{"name": "prod-array", "answers": {
              "role": {"value": "production"},
              "veeam_compatible": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"storage.snapshot_integration": {"value": "not_used"}},
              "groups": {"storage.systems": [{"name": "backup-array", "answers": {
              "role": {"value": "backup_target"},
              "veeam_compatible": {"value": true}}},
              {"name": "prod-array", "answers": {
              "role": {"value": "production"},
              "veeam_compatible": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "backup-array", "answers": {
              "role": {"value": "backup_target"},
              "veeam_compatible": {"dont_know": true}}}]}}"#,
    },
];

fn not_veeam_supported(c: &mut Check<'_>) {
    let snapshots = c.get("storage.snapshot_integration").choice();
    let snapshots_evidence = snapshots.evidence();
    let snapshots_used = matches!(
        c.filter(snapshots).as_deref(),
        Some("backup_from_snapshots" | "snapshot_orchestration")
    );
    for system in c.items("storage.systems") {
        let role = system.get("role").choice();
        let role_evidence = role.evidence();
        let holds_backups = matches!(c.filter(role).as_deref(), Some("backup_target" | "both"));
        if !holds_backups && !snapshots_used {
            continue;
        }
        let supported = system.get("veeam_compatible").bool();
        let mut evidence = vec![role_evidence, supported.evidence()];
        if c.known(supported) != Some(false) {
            continue;
        }
        let reason = if holds_backups {
            "it holds backups"
        } else {
            evidence.push(snapshots_evidence.clone());
            "storage snapshot integration is used"
        };
        c.fire(
            format!(
                "Storage system {} is not on Veeam's support lists, and {reason}",
                describe(&system)
            ),
            evidence,
        );
    }
}
