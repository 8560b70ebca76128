use super::{SINCE, STORAGE_INTEGRATION, VEEAM_READY};
use crate::rules::schedule::BackupWindows;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-008",
    title: "Firmware updates are scheduled inside a backup window",
    category: Category::Storage,
    severity: Severity::High,
    since: SINCE,
    checks: "Maintenance windows that include firmware updates against every backup window; \
             the finding names the backup window, and whether the update runs automatically \
             with nobody watching.",
    why: "A firmware update restarts controllers and can change how the storage answers (at one \
          provider a SCSI command's behaviour changed and backups failed). Inside a backup \
          window, jobs fail during the update, and nobody can tell a failover hiccup from a \
          behaviour change until the next night.",
    remediation: &[
        "Check when firmware updates actually run (vendor auto-update schedules, the storage \
         team's change calendar) and in which time zone.",
        "Move them to a maintenance window that overlaps no backup, copy or replication \
         window; if none exists, agree one with tenants.",
        "Turn off unattended firmware updates, so someone watches the first backup jobs after \
         each update.",
    ],
    references: &[STORAGE_INTEGRATION, VEEAM_READY],
    check: firmware_in_backup_window,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {
              "windows.maintenance_windows": [{"name": "Storage updates", "answers": {
                "activities": {"value": ["firmware_updates"]},
                "automated": {"value": true},
                "window": {"value": {"start": "02:00", "end": "04:00", "days": ["sun"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["sat", "sun"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {
              "windows.maintenance_windows": [{"name": "Storage updates", "answers": {
                "activities": {"value": ["firmware_updates"]},
                "automated": {"value": false},
                "window": {"value": {"start": "10:00", "end": "14:00", "days": ["sun"]}}}},
                {"name": "Patching", "answers": {
                "activities": {"value": ["patching"]},
                "window": {"value": {"start": "02:00", "end": "04:00", "days": ["sun"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["sat", "sun"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {
              "windows.maintenance_windows": [{"name": "Storage updates", "answers": {
                "activities": {"value": ["firmware_updates"]},
                "window": {"dont_know": true}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["sat", "sun"]}}}}]}}"#,
    },
];

fn firmware_in_backup_window(c: &mut Check<'_>) {
    let mut updates = Vec::new();
    for maintenance in c.items("windows.maintenance_windows") {
        let activities = maintenance.get("activities").choices();
        let activities_evidence = activities.evidence();
        if !c
            .filter(activities)
            .is_some_and(|a| a.iter().any(|activity| activity == "firmware_updates"))
        {
            continue;
        }
        let window = maintenance.get("window").window();
        let automated = maintenance.get("automated").bool();
        let unattended = automated.value() == Some(&true);
        let mut evidence = vec![activities_evidence, window.evidence()];
        if unattended {
            evidence.push(automated.evidence());
        }
        if let Some(window) = c.known(window) {
            updates.push((maintenance.name(), window, unattended, evidence));
        }
    }
    if updates.is_empty() {
        return;
    }
    let backup_windows = BackupWindows::read(c);
    for (name, update, unattended, mut evidence) in updates {
        if let Some(overlap) = backup_windows.overlapping(&update) {
            evidence.extend(overlap.evidence.iter().cloned());
            let watched = if unattended {
                ", automatically with nobody watching,"
            } else {
                ""
            };
            c.fire(
                format!(
                    "Maintenance window “{name}” updates firmware{watched} while {} runs",
                    overlap.named()
                ),
                evidence,
            );
        }
    }
}
