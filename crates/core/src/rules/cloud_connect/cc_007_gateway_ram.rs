use super::{BP_GATEWAYS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Veeam's gateway sizing: about 512 KB of RAM per tenant connection.
const KB_PER_CONNECTION: f64 = 512.0;
/// RAM the gateway's operating system needs before any connection: Microsoft's minimum for
/// Windows Server with the Desktop Experience.
const GATEWAY_OS_RAM_GB: f64 = 2.0;

pub(super) const RULE: Rule = Rule {
    id: "CC-007",
    title: "Gateway RAM too small for its share of tenant connections",
    category: Category::CloudConnect,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Each gateway's RAM against 2 GB for Windows Server plus about 512 KB per \
             connection, for an even share of the peak tenant connections (peak divided by \
             the number of gateways).",
    why: "Each tenant connection uses about 512 KB of gateway memory on top of what the \
          operating system needs. A gateway that runs out of memory drops the connections \
          of every tenant using it.",
    remediation: &[
        "Check the gateway's memory use at the nightly peak in monitoring.",
        "If it is short, add RAM to the gateway, or add gateways so each carries fewer \
         connections.",
    ],
    references: &[
        BP_GATEWAYS,
        "https://learn.microsoft.com/en-us/windows-server/get-started/hardware-requirements",
    ],
    check: gateway_ram,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_tenant_connections": {"value": 6000}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "ram_gb": {"value": 4}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_tenant_connections": {"value": 1500}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "ram_gb": {"value": 8}}}, {"name": "gw2", "answers": {
                "ram_gb": {"value": 8}}}, {"name": "gw3", "answers": {
                "ram_gb": {"value": 8}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_tenant_connections": {"value": 1500}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "ram_gb": {"dont_know": true}}}]}}"#,
    },
];

fn gateway_ram(c: &mut Check<'_>) {
    let gateways = c.items("cloud_connect.gateways");
    if gateways.is_empty() {
        return;
    }
    let peak = c.get("cloud_connect.peak_tenant_connections").number();
    let peak_evidence = peak.evidence();
    let Some(peak) = c.known(peak) else { return };
    #[expect(clippy::cast_precision_loss, reason = "a handful of gateways")]
    let share = peak / gateways.len() as f64;
    let needed_gb = GATEWAY_OS_RAM_GB + share * KB_PER_CONNECTION / (1024.0 * 1024.0);
    for gateway in &gateways {
        let ram = gateway.get("ram_gb").number();
        let evidence = vec![ram.evidence(), peak_evidence.clone()];
        if let Some(ram) = c.known(ram)
            && ram < needed_gb
        {
            c.fire(
                format!(
                    "Gateway “{}” has {ram} GB RAM; its share of {share:.0} peak connections \
                     needs about {needed_gb:.1} GB (2 GB for Windows plus 512 KB per connection)",
                    gateway.name()
                ),
                evidence,
            );
        }
    }
}
