use super::{BP_GATEWAYS, BP_POD, SINCE, gateway_count};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CC-006",
    title: "Too many tenant connections per gateway",
    category: Category::CloudConnect,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Peak concurrent tenant connections divided by the number of gateways, against \
             `connections_per_gateway` (default 500). Low severity when only the loss of \
             one gateway would push the others over it.",
    why: "Veeam sizes a gateway for about 500 connections and adds gateways beyond that \
          rather than growing them. Overloaded gateways slow or drop every tenant's \
          sessions, and with no headroom, patching or losing one gateway overloads the \
          rest.",
    remediation: &[
        "Check the peak connection count per gateway in monitoring (Veeam ONE, or the \
         gateway's TCP sessions on the Cloud Connect port) on the busiest night.",
        "Add gateways until the peak stays under the limit with one gateway down; spread \
         them across sites and uplinks.",
        "If gateway pools pin tenants to some gateways, check each pool's share of the load \
         separately.",
    ],
    references: &[BP_GATEWAYS, BP_POD],
    check: connections_per_gateway,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_tenant_connections": {"value": 1800}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                {"name": "gw2", "answers": {}}, {"name": "gw3", "answers": {}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_tenant_connections": {"value": 1200}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                {"name": "gw2", "answers": {}}, {"name": "gw3", "answers": {}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_tenant_connections": {"value": 1000}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                {"name": "gw2", "answers": {}}, {"name": "gw3", "answers": {}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_tenant_connections": {"dont_know": true}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}}]}}"#,
    },
];

fn connections_per_gateway(c: &mut Check<'_>) {
    let gateways = c.items("cloud_connect.gateways");
    if gateways.is_empty() {
        return;
    }
    let peak = c.get("cloud_connect.peak_tenant_connections").number();
    let count = gateway_count(&gateways);
    let evidence = vec![peak.evidence(), count.evidence()];
    let (Some(peak), Some(count)) = (c.known(peak), c.known(count)) else {
        return;
    };
    let limit = f64::from(c.config.connections_per_gateway);
    #[expect(clippy::cast_precision_loss, reason = "a handful of gateways")]
    let n = count as f64;
    let per_gateway = peak / n;
    if per_gateway > limit {
        c.fire(
            format!(
                "{peak} peak tenant connections over {count} gateway(s) is {per_gateway:.0} per \
                 gateway, above {limit} each"
            ),
            evidence,
        );
    } else if count >= 2 && peak / (n - 1.0) > limit {
        c.fire_at(
            Severity::Low,
            format!(
                "{peak} peak tenant connections over {count} gateways: with one gateway down, \
                 each of the others carries {:.0}, above {limit}",
                peak / (n - 1.0)
            ),
            evidence,
        );
    }
}
