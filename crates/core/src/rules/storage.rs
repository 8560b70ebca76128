//! Storage: firmware change control, compatibility, staging and timing (a firmware update that
//! changed a SCSI command's behaviour broke backups at one provider), arrays shared by production
//! and backups, and controllers without QoS.

use super::schedule::BackupWindows;
use super::{Category, Check, Expect, ItemView, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

const STORAGE_INTEGRATION: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/storage_integration.html";
const VEEAM_READY: &str = "https://www.veeam.com/alliance-partner-integrations-qualifications.html";
const REPOSITORY_STORAGE: &str = "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/repositories%20storage.html";

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "STO-001",
        title: "Storage firmware updates bypass change control",
        category: Category::Storage,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether firmware updates of each storage system go through change control, with \
                 the backup team told in advance.",
        why: "At one provider a storage firmware update changed the behaviour of a SCSI command \
              that had worked for a decade, and backup jobs failed. When the backup team does not \
              know the firmware changed, the failures are chased for days as a Veeam problem; \
              change control also keeps updates out of backup windows.",
        remediation: &[
            "Check who can update the storage firmware (the storage team, the vendor's support \
             with remote access, automatic updates) and whether any of it is announced.",
            "Put every firmware update through change control with the backup team as a \
             required reviewer, scheduled in a maintenance window outside the backup windows.",
            "Add a post-change check: run a backup and a restore that use this storage before \
             closing the change.",
        ],
        references: &[STORAGE_INTEGRATION, VEEAM_READY],
        check: firmware_without_change_control,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "vendor": {"value": "NetApp"}, "model": {"value": "AFF A400"},
                  "firmware_change_control": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_change_control": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_change_control": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "STO-002",
        title: "Storage firmware is not on the vendor's compatibility list",
        category: Category::Storage,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether each storage system's firmware is on its vendor's compatibility list for \
                 the hypervisor, host, HBA and multipath versions in use.",
        why: "Vendors qualify firmware against specific hypervisor, HBA and multipath versions. \
              Outside that list, odd SCSI or NFS behaviour is likely, and the vendor may refuse \
              the support case when backups or production I/O start failing.",
        remediation: &[
            "Check the vendor's interoperability matrix for the exact firmware, hypervisor build, \
             HBA driver and firmware, and multipath software in use.",
            "If the combination is not listed, plan an update (of the firmware or the hosts) to a \
             listed combination through change control, staged on a test system first.",
            "Until then, record the deviation and the vendor's statement on support.",
        ],
        references: &[VEEAM_READY, STORAGE_INTEGRATION],
        check: firmware_not_vendor_compatible,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_version": {"value": "9.14.1P6"},
                  "vendor_compatible": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "vendor_compatible": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "vendor_compatible": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
        id: "STO-004",
        title: "No staging system gets new storage firmware first",
        category: Category::Storage,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether a test or staging system receives new firmware before each storage \
                 system does.",
        why: "A staging system that runs real backup jobs catches a behaviour change (like the \
              SCSI command that broke backups at one provider) before it reaches production \
              and every tenant at once.",
        remediation: &[
            "Check whether a smaller system of the same model family exists (lab, DR site, \
             decommissioned array) that could receive firmware first.",
            "Make it the first stage of every firmware rollout, with backup and restore jobs \
             running against it for an agreed soak period before production is updated.",
            "If no such system can exist, update the DR or secondary site first and watch its \
             backup jobs before updating the primary.",
        ],
        references: &[STORAGE_INTEGRATION, VEEAM_READY],
        check: firmware_not_staged,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_staged_first": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_staged_first": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_staged_first": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "STO-005",
        title: "Storage firmware was updated recently without change control",
        category: Category::Storage,
        severity: Severity::High,
        since: SINCE,
        checks: "Storage systems without firmware change control whose last firmware update falls \
                 within `firmware_recent_days` (default 90) before the date the answers describe.",
        why: "An uncontrolled firmware change is the prime suspect when backups start failing with \
              nothing changed on the Veeam side: at one provider an update changed a SCSI \
              command's behaviour and backup jobs failed. A recent one is the first thing to line \
              up with the date problems began.",
        remediation: &[
            "Check the job history since the update date for new failures, slower jobs or \
             retries on jobs that read from or write to this system.",
            "If anything changed, open cases with the storage vendor and Veeam together, quoting \
             the old and new firmware versions and the first failing session.",
            "Record the update retroactively as a change, and put the next one through change \
             control.",
        ],
        references: &[STORAGE_INTEGRATION, VEEAM_READY],
        check: recent_uncontrolled_update,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
                  "groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_version": {"value": "9.14.1P6"},
                  "firmware_change_control": {"value": false},
                  "last_firmware_update": {"value": "2026-09-14"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
                  "groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_change_control": {"value": false},
                  "last_firmware_update": {"value": "2025-03-02"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
                  "groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "firmware_change_control": {"value": false},
                  "last_firmware_update": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
        id: "STO-007",
        title: "Shared storage without QoS or performance limits",
        category: Category::Storage,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether shared arrays and hyper-converged storage have QoS or performance limits \
                 so one workload cannot saturate the controllers.",
        why: "Without limits one tenant's large restore saturated a shared storage controller at \
              one provider, and every other tenant's backups slowed down (noisy neighbour).",
        remediation: &[
            "Check the controllers' utilisation during the peak backup window and during large \
             restores; find which volumes or tenants dominate it.",
            "Set QoS limits (IOPS or throughput) per tenant, tier or volume on the array, and \
             limit concurrent tasks on the repositories that sit on it.",
            "Confirm with a test restore during the backup window that other jobs keep their \
             throughput.",
        ],
        references: &[
            REPOSITORY_STORAGE,
            "https://bp.veeam.com/vbr/Support/S_Vault/cloud_connect.html",
        ],
        check: shared_without_qos,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "attachment": {"value": "shared_array"}, "tenant_qos": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "attachment": {"value": "shared_array"}, "tenant_qos": {"value": true}}},
                  {"name": "local-01", "answers": {"attachment": {"value": "local_disk"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
                  "attachment": {"value": "hci"}, "tenant_qos": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
];

/// The system's name with its vendor, model and firmware where they are known.
fn describe(system: &ItemView<'_>) -> String {
    let product: Vec<String> = [system.get("vendor").text(), system.get("model").text()]
        .into_iter()
        .filter_map(|fact| fact.value().cloned())
        .collect();
    let mut parts = Vec::new();
    if !product.is_empty() {
        parts.push(product.join(" "));
    }
    if let Some(firmware) = system.get("firmware_version").text().value() {
        parts.push(format!("firmware {firmware}"));
    }
    if parts.is_empty() {
        format!("“{}”", system.name())
    } else {
        format!("“{}” ({})", system.name(), parts.join(", "))
    }
}

fn firmware_without_change_control(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let controlled = system.get("firmware_change_control").bool();
        let evidence = controlled.evidence();
        if c.known(controlled) == Some(false) {
            c.fire(
                format!(
                    "Firmware updates of storage system {} bypass change control: the backup team \
                     is not told before its behaviour changes",
                    describe(&system)
                ),
                vec![evidence],
            );
        }
    }
}

fn firmware_not_vendor_compatible(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let compatible = system.get("vendor_compatible").bool();
        let evidence = compatible.evidence();
        if c.known(compatible) == Some(false) {
            c.fire(
                format!(
                    "Storage system {} runs firmware that is not on the vendor's compatibility \
                     list for the hosts in use",
                    describe(&system)
                ),
                vec![evidence],
            );
        }
    }
}

fn not_veeam_supported(c: &mut Check<'_>) {
    let snapshots = c.get("storage.snapshot_integration").choice();
    let snapshots_used = matches!(
        snapshots.value().map(String::as_str),
        Some("backup_from_snapshots" | "snapshot_orchestration")
    );
    for system in c.items("storage.systems") {
        let role = system.get("role").choice();
        let holds_backups = matches!(
            role.value().map(String::as_str),
            Some("backup_target" | "both")
        );
        if !holds_backups && !snapshots_used {
            continue;
        }
        let supported = system.get("veeam_compatible").bool();
        let mut evidence = vec![role.evidence(), supported.evidence()];
        if c.known(supported) != Some(false) {
            continue;
        }
        let reason = if holds_backups {
            "it holds backups"
        } else {
            evidence.push(snapshots.evidence());
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

fn firmware_not_staged(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let staged = system.get("firmware_staged_first").bool();
        let evidence = staged.evidence();
        if c.known(staged) == Some(false) {
            c.fire(
                format!(
                    "New firmware reaches storage system {} without a staging system trying it \
                     first",
                    describe(&system)
                ),
                vec![evidence],
            );
        }
    }
}

fn recent_uncontrolled_update(c: &mut Check<'_>) {
    let uncontrolled: Vec<_> = c
        .items("storage.systems")
        .into_iter()
        .filter(|system| system.get("firmware_change_control").bool().value() == Some(&false))
        .collect();
    if uncontrolled.is_empty() {
        return;
    }
    let as_of = c.get("engagement.as_of").date();
    let as_of_evidence = as_of.evidence();
    let Some(as_of) = c.known(as_of) else { return };
    let recent = i64::from(c.config.firmware_recent_days);
    for system in uncontrolled {
        let controlled = system.get("firmware_change_control").bool();
        let updated = system.get("last_firmware_update").date();
        let evidence = vec![
            controlled.evidence(),
            updated.evidence(),
            as_of_evidence.clone(),
        ];
        let Some(updated) = c.known(updated) else {
            continue;
        };
        let days = (as_of - updated).whole_days();
        if (0..=recent).contains(&days) {
            c.fire(
                format!(
                    "Storage system {} had its firmware updated on {updated}, {days} days before \
                     {as_of}, outside change control: suspect it first for any backup failure \
                     since",
                    describe(&system)
                ),
                evidence,
            );
        }
    }
}

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

fn shared_without_qos(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let attachment = system.get("attachment").choice();
        let qos = system.get("tenant_qos").bool();
        let evidence = vec![attachment.evidence(), qos.evidence()];
        if c.known(qos) == Some(false) {
            c.fire(
                format!(
                    "Shared storage system {} has no QoS or performance limits: one tenant's \
                     restore can saturate its controllers for everyone",
                    describe(&system)
                ),
                evidence,
            );
        }
    }
}

fn firmware_in_backup_window(c: &mut Check<'_>) {
    let mut updates = Vec::new();
    for maintenance in c.items("windows.maintenance_windows") {
        let activities = maintenance.get("activities").choices();
        if !activities
            .value()
            .is_some_and(|a| a.iter().any(|activity| activity == "firmware_updates"))
        {
            continue;
        }
        let window = maintenance.get("window").window();
        let automated = maintenance.get("automated").bool();
        let unattended = automated.value() == Some(&true);
        let mut evidence = vec![activities.evidence(), window.evidence()];
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
