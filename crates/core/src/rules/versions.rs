//! Versions: Veeam products on supported builds, hypervisors on Veeam's list of supported
//! platforms.
//!
//! The baselines below are the oldest builds this rule set accepts (rule set 1.0.0, checked
//! against Veeam's build tables and product lifecycle page). When Veeam ends support for a
//! version, raise the baseline and bump the rule set version.

use super::{Category, Check, Expect, Rule, Severity, Vector};
use crate::values::Version;

const SINCE: &str = "1.0.0";

/// Oldest supported Backup & Replication: the last release of version 12 (KB2680). Older
/// majors are out of support altogether.
const VBR_BASELINE: [u32; 2] = [12, 3];
/// Oldest Veeam Service Provider Console accepted: 8.1, the first release that manages
/// Backup & Replication 12.3.
const VSPC_BASELINE: [u32; 2] = [8, 1];
/// Oldest Veeam Backup for Microsoft 365 accepted: version 8 (KB4106).
const VB365_BASELINE: [u32; 2] = [8, 0];

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "VER-001",
        title: "Backup & Replication is older than the supported baseline",
        category: Category::Versions,
        severity: Severity::High,
        since: SINCE,
        checks: "The Backup & Replication build against the baseline of this rule set: 12.3 \
                 (the last release of version 12). A build of an older major version (11 or \
                 earlier) is out of support and reported as critical; an older 12.x build is \
                 reported as high.",
        why: "Known issues, security fixes, supported hypervisors and Cloud Connect features \
              all depend on the build. An out-of-support version gets no fixes at all, and a \
              Cloud Connect provider must run the same or a newer version than its tenants, so \
              an old provider build blocks every tenant's upgrade.",
        remediation: &[
            "Check the exact build in Help > About and compare it with Veeam KB2680 (build \
             numbers) and the product lifecycle page.",
            "Check that every hypervisor, storage system and tenant version you depend on is \
             supported by the target build (release notes, platform support); if one is not, \
             plan its upgrade first.",
            "Back up the configuration (encrypted, off the backup server), then upgrade in a \
             maintenance window outside the backup windows, Cloud Connect server first, then \
             the remaining components.",
            "After the upgrade, connect as a test tenant and run a backup and a restore before \
             telling tenants they can upgrade.",
        ],
        references: &[
            "https://www.veeam.com/kb2680",
            "https://www.veeam.com/product-lifecycle.html",
        ],
        check: vbr_below_baseline,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "12.1.2.172"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "11.0.1.1261"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.vbr_version": {"dont_know": true}}}"#,
            },
            Vector {
                expect: Expect::NotAssessed,
                answers: r#"{"answers": {}}"#,
            },
        ],
    },
    Rule {
        id: "VER-002",
        title: "Service Provider Console is older than the supported baseline",
        category: Category::Versions,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The Veeam Service Provider Console version, when the console is used, against \
                 the baseline of this rule set: 8.1.",
        why: "The console must support the Backup & Replication build it manages. An older \
              console loses track of Cloud Connect servers and tenants after an upgrade, and \
              tenant management, alarms, reporting and billing stop working.",
        remediation: &[
            "Check the console version (Configuration > About) and the Backup & Replication \
             versions it supports in its release notes.",
            "If it is older than the baseline or does not support your Backup & Replication \
             build, upgrade the console server first, then its management agents.",
            "After the upgrade, check that every Cloud Connect server shows as connected and \
             that tenant usage and alarms update.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vac/deployment/system_requirements.html",
            "https://www.veeam.com/product-lifecycle.html",
        ],
        check: vspc_below_baseline,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.vspc_version": {"value": "7.0.0.18899"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vspc_version": {"value": "9.1.0.30713"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vspc_version":
                  {"not_applicable": "we do not run the console"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.vspc_version": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "VER-003",
        title: "Backup for Microsoft 365 is older than the supported baseline",
        category: Category::Versions,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The Veeam Backup for Microsoft 365 version, when Microsoft 365 backup is one of \
                 the services, against the baseline of this rule set: 8.0.",
        why: "Microsoft changes and retires its APIs often (Exchange Web Services, Teams \
              export, SharePoint throttling). Older builds stop protecting some data until they \
              are updated, and the first sign is usually a tenant's missing restore.",
        remediation: &[
            "Check the version in the console (Help > About) against Veeam KB4106.",
            "Read the upgrade notes first: version 8 moves the configuration to PostgreSQL and \
             needs every proxy and repository upgraded after the server.",
            "Upgrade, re-grant any new Microsoft Entra application permissions, then run a \
             backup and a restore of a mailbox, a site and a team.",
        ],
        references: &[
            "https://www.veeam.com/kb4106",
            "https://www.veeam.com/product-lifecycle.html",
        ],
        check: vb365_below_baseline,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["m365"]},
                  "platform.vb365_version": {"value": "7.1.0.2031"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["m365"]},
                  "platform.vb365_version": {"value": "8.1.0.331"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "platform.vb365_version": {"value": "6.0.0.367"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["m365"]},
                  "platform.vb365_version": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "VER-004",
        title: "Hypervisor cluster is not on Veeam's list of supported platforms",
        category: Category::Versions,
        severity: Severity::High,
        since: SINCE,
        checks: "Each compute cluster the partner says is not on Veeam's list of supported \
                 platforms for their Backup & Replication build.",
        why: "Veeam supports only the hypervisor versions listed for each build. Outside that \
              list, backups and replicas may fail after a hypervisor update (changed APIs, \
              snapshots, transport modes), support cases stall, and a failure may have no fix.",
        remediation: &[
            "Check the cluster's exact hypervisor and management server builds against the \
             platform support pages and release notes of your Backup & Replication build.",
            "If the hypervisor is newer than the list, upgrade Backup & Replication to a build \
             that supports it, or hold the hypervisor upgrade back; if it is older, plan the \
             hypervisor upgrade.",
            "Until then, test backups and restores of that cluster after every change, and \
             record the exception so the tech lead knows about it.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/platform_support.html",
            "https://www.veeam.com/kb2680",
        ],
        check: cluster_unsupported,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"compute.clusters": [{"name": "AMS-PROD-01", "answers": {
                  "platform": {"value": "vmware_vsphere"},
                  "hypervisor_version": {"value": "9.0.0"},
                  "on_veeam_support_list": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"compute.clusters": [{"name": "AMS-PROD-01", "answers": {
                  "platform": {"value": "vmware_vsphere"},
                  "hypervisor_version": {"value": "8.0.3"},
                  "on_veeam_support_list": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"compute.clusters": [{"name": "AMS-PROD-01", "answers": {
                  "platform": {"value": "proxmox_ve"},
                  "on_veeam_support_list": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "VER-005",
        title: "Enterprise Manager is older than the backup server",
        category: Category::Versions,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The Veeam Backup Enterprise Manager build, when it is used, against the Backup \
                 & Replication build: Enterprise Manager must be the same build or newer.",
        why: "Enterprise Manager must be on the same or a later version than every backup \
              server it manages. Left behind after an upgrade, it stops collecting data from \
              them: self-service restore, the REST API that portals use and encryption key \
              recovery stop working.",
        remediation: &[
            "Check both builds (Help > About on each) against Veeam KB2680.",
            "Upgrade Enterprise Manager to the backup server's build; the upgrade order is \
             Enterprise Manager first, then the backup servers.",
            "Check that every backup server shows as connected in Enterprise Manager and that \
             a test self-service restore works.",
        ],
        references: &["https://www.veeam.com/kb2680"],
        check: enterprise_manager_behind,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
                  "platform.enterprise_manager_version": {"value": "12.2.0.334"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
                  "platform.enterprise_manager_version": {"value": "12.3.1.1139"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
                  "platform.enterprise_manager_version": {"not_applicable": "not installed"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
                  "platform.enterprise_manager_version": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "VER-006",
        title: "Hypervisor upgrades are not checked against Veeam's supported versions",
        category: Category::Versions,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether hypervisor upgrades are checked against Veeam's list of supported \
                 platforms before they are rolled out.",
        why: "Hypervisor vendors ship updates faster than backup vendors certify them. An \
              upgrade rolled out unchecked can leave every cluster outside Veeam's support \
              list overnight, with backups or replication failing and no supported fix.",
        remediation: &[
            "Add a step to the hypervisor upgrade procedure: look the target build up in the \
             platform support pages of your Backup & Replication build before approving it.",
            "If the build is not listed, hold the upgrade until Veeam supports it, or upgrade \
             Backup & Replication first.",
            "Upgrade a test or management cluster first and run a backup and a restore on it.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/platform_support.html",
            "https://www.veeam.com/kb2680",
        ],
        check: upgrades_unchecked,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"compute.upgrade_check": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"compute.upgrade_check": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"compute.upgrade_check": {"dont_know": true}}}"#,
            },
        ],
    },
];

/// Whether a version is older than a baseline (missing parts count as 0).
fn older_than(version: &Version, baseline: &[u32]) -> bool {
    let parts = version.parts();
    for index in 0..parts.len().max(baseline.len()) {
        let have = parts.get(index).copied().unwrap_or(0);
        let want = baseline.get(index).copied().unwrap_or(0);
        if have != want {
            return have < want;
        }
    }
    false
}

fn dotted(baseline: &[u32]) -> String {
    baseline
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

fn vbr_below_baseline(c: &mut Check<'_>) {
    let version = c.get("platform.vbr_version").version();
    let evidence = version.evidence();
    let Some(version) = c.known(version) else {
        return;
    };
    let major = version.parts().first().copied().unwrap_or(0);
    if major < VBR_BASELINE[0] {
        c.fire_at(
            Severity::Critical,
            format!(
                "Backup & Replication {version} is version {major}, which is out of support: \
                 no fixes or security patches, and tenants on newer versions cannot connect to it"
            ),
            vec![evidence],
        );
    } else if older_than(&version, &VBR_BASELINE) {
        c.fire(
            format!(
                "Backup & Replication {version} is older than the supported baseline {}",
                dotted(&VBR_BASELINE)
            ),
            vec![evidence],
        );
    }
}

fn vspc_below_baseline(c: &mut Check<'_>) {
    below_baseline(
        c,
        "platform.vspc_version",
        "Service Provider Console",
        &VSPC_BASELINE,
        "it may not manage your Backup & Replication build",
    );
}

fn vb365_below_baseline(c: &mut Check<'_>) {
    below_baseline(
        c,
        "platform.vb365_version",
        "Backup for Microsoft 365",
        &VB365_BASELINE,
        "it may miss Microsoft API changes",
    );
}

/// Fires when the product version answered at `id` is older than `baseline`.
fn below_baseline(
    c: &mut Check<'_>,
    id: &'static str,
    product: &str,
    baseline: &[u32],
    consequence: &str,
) {
    let version = c.get(id).version();
    let evidence = version.evidence();
    if let Some(version) = c.known(version)
        && older_than(&version, baseline)
    {
        c.fire(
            format!(
                "{product} {version} is older than the baseline {}: {consequence}",
                dotted(baseline)
            ),
            vec![evidence],
        );
    }
}

fn cluster_unsupported(c: &mut Check<'_>) {
    for cluster in c.items("compute.clusters") {
        let supported = cluster.get("on_veeam_support_list").bool();
        let platform = cluster.get("platform").choice();
        let version = cluster.get("hypervisor_version").version();
        let evidence = vec![
            supported.evidence(),
            platform.evidence(),
            version.evidence(),
        ];
        if c.known(supported) == Some(false) {
            let what = match (platform.value(), version.value()) {
                (Some(platform), Some(version)) => format!(" ({platform} {version})"),
                (Some(platform), None) => format!(" ({platform})"),
                _ => String::new(),
            };
            c.fire(
                format!(
                    "Cluster “{}”{what} is not on Veeam's list of supported platforms for your \
                     Backup & Replication build",
                    cluster.name()
                ),
                evidence,
            );
        }
    }
}

fn enterprise_manager_behind(c: &mut Check<'_>) {
    let manager = c.get("platform.enterprise_manager_version").version();
    let manager_evidence = manager.evidence();
    let Some(manager) = c.known(manager) else {
        return;
    };
    let server = c.get("platform.vbr_version").version();
    let server_evidence = server.evidence();
    if let Some(server) = c.known(server)
        && manager < server
    {
        c.fire(
            format!(
                "Enterprise Manager {manager} is older than the backup server {server}: it must \
                 be the same build or newer"
            ),
            vec![manager_evidence, server_evidence],
        );
    }
}

fn upgrades_unchecked(c: &mut Check<'_>) {
    let checked = c.get("compute.upgrade_check").bool();
    let evidence = checked.evidence();
    if c.known(checked) == Some(false) {
        c.fire(
            "Hypervisor upgrades are rolled out without checking Veeam's list of supported \
             platforms"
                .to_owned(),
            vec![evidence],
        );
    }
}
