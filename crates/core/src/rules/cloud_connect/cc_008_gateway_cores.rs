use super::{BP_GATEWAYS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Veeam's gateway sizing: about 4 vCPU per 10 Gbit/s of bandwidth.
const CORES_PER_10_GBITS: f64 = 4.0;

pub(super) const RULE: Rule = Rule {
    id: "CC-008",
    title: "Gateway has too few cores for its network speed",
    category: Category::CloudConnect,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Each gateway's cores against about 4 vCPU per 10 Gbit/s of its internet-facing \
             interface, rounded up.",
    why: "Gateways encrypt and forward all tenant traffic. Veeam sizes about 4 vCPU per \
          10 Gbit/s; with fewer, the gateway's CPU caps every tenant's throughput below \
          what the link could carry.",
    remediation: &[
        "Check the gateway's CPU use during the nightly peak; if it sits near 100 % while \
         the link is not full, the cores are the bottleneck.",
        "Add vCPUs to the gateway, or add gateways so the load spreads.",
    ],
    references: &[BP_GATEWAYS],
    check: gateway_cores,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "cores": {"value": 8}, "network_gbits": {"value": 25}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "cores": {"value": 4}, "network_gbits": {"value": 10}}},
                {"name": "gw2", "answers": {
                "cores": {"value": 2}, "network_gbits": {"value": 1}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "cores": {"value": 4}, "network_gbits": {"dont_know": true}}}]}}"#,
    },
];

fn gateway_cores(c: &mut Check<'_>) {
    for gateway in c.items("cloud_connect.gateways") {
        let cores = gateway.get("cores").number();
        let speed = gateway.get("network_gbits").number();
        let evidence = vec![cores.evidence(), speed.evidence()];
        let (Some(cores), Some(speed)) = (c.known(cores), c.known(speed)) else {
            continue;
        };
        let needed = (CORES_PER_10_GBITS * speed / 10.0).ceil();
        if cores < needed {
            c.fire(
                format!(
                    "Gateway “{}” has {cores} vCPU for a {speed} Gbit/s interface; Veeam sizes \
                     about {needed} (4 per 10 Gbit/s)",
                    gateway.name()
                ),
                evidence,
            );
        }
    }
}
