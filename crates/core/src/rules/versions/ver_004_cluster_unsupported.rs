use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
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
];

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
