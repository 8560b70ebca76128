use super::{SINCE, label, purpose};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Veeam's best practice uses WAN acceleration (low bandwidth mode) on links up to this speed,
/// and direct transfer above it.
const WAN_ACCELERATION_MAX_MBITS: f64 = 100.0;

pub(super) const RULE: Rule = Rule {
    id: "NET-008",
    title: "Slow replication or backup copy link without WAN acceleration",
    category: Category::Network,
    severity: Severity::Low,
    since: SINCE,
    checks: "Links carrying replication or backup copy traffic at 100 Mbit/s or less \
             without a Veeam WAN accelerator (Veeam's best practice uses WAN acceleration \
             up to 100 Mbit/s and direct transfer above).",
    why: "On a slow link, replication and backup copies can miss their windows and the \
          recovery points promised to tenants. Veeam's WAN acceleration (global \
          deduplication, compression, multi-stream transfer tuned for latency) typically \
          cuts what crosses such a link several times over.",
    remediation: &[
        "Check whether the jobs over this link finish inside their windows and meet the \
         RPO; if they do with room to spare, acceleration is optional.",
        "If they do not, deploy a WAN accelerator pair (source and target) with fast cache \
         disks, in low bandwidth mode, and enable it on the jobs.",
        "Otherwise, raise the link's bandwidth.",
    ],
    references: &[
        "https://bp.veeam.com/vbr/VBP/2_Design_Structures/D_Veeam_Components/D_Wan_accelerator/WAN_Accelerator.html",
        "https://helpcenter.veeam.com/docs/backup/vsphere/wan_acceleration.html",
    ],
    check: slow_link_without_wan_acceleration,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "ZWL-AMS", "answers": {
              "purpose": {"value": ["backup_copy"]},
              "wan_accelerator": {"value": false},
              "bandwidth_mbits": {"value": 50}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"network.links": [{"name": "ZWL-AMS", "answers": {
              "purpose": {"value": ["backup_copy"]},
              "wan_accelerator": {"value": false},
              "bandwidth_mbits": {"value": 500}}},
              {"name": "DSL", "answers": {
              "purpose": {"value": ["replication"]},
              "wan_accelerator": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"network.links": [{"name": "ZWL-AMS", "answers": {
              "purpose": {"value": ["replication"]},
              "wan_accelerator": {"value": false},
              "bandwidth_mbits": {"dont_know": true}}}]}}"#,
    },
];

fn slow_link_without_wan_acceleration(c: &mut Check<'_>) {
    for link in c.items("network.links") {
        let Some((purposes, purpose_evidence)) = purpose(c, &link) else {
            continue;
        };
        if !purposes
            .iter()
            .any(|p| p == "replication" || p == "backup_copy")
        {
            continue;
        }
        let wan = link.get("wan_accelerator").bool();
        let wan_evidence = wan.evidence();
        if c.known(wan) != Some(false) {
            continue;
        }
        let bandwidth = link.get("bandwidth_mbits").number();
        let evidence = vec![purpose_evidence, wan_evidence, bandwidth.evidence()];
        if let Some(bandwidth) = c.known(bandwidth)
            && bandwidth <= WAN_ACCELERATION_MAX_MBITS
        {
            c.fire(
                format!(
                    "Link {} carries replication or backup copies at {bandwidth} Mbit/s with no \
                     WAN accelerator",
                    label(&link)
                ),
                evidence,
            );
        }
    }
}
