use super::{BP_GATEWAYS, HC_GATEWAY, SINCE};
use crate::rules::{Category, Check, Expect, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CC-002",
    title: "Tenants reach a gateway by IP address, not a DNS name",
    category: Category::CloudConnect,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Gateways whose DNS name is answered \"not applicable\" (tenants use an IP \
             address), or whose name is an IP address.",
    why: "Tenants configured with a bare address must all be reconfigured by hand when it \
          changes (new carrier, moved data centre, DDoS mitigation), and a certificate can \
          only be validated against a name. Veeam recommends DNS names for gateways.",
    remediation: &[
        "Check which address tenants have in their service provider settings; if they use \
         an IP address, create a DNS name (A record, plus PTR) that resolves to it.",
        "Put that name on the gateway in Cloud Connect and in the gateway certificate.",
        "Ask tenants to switch to the name in a planned change; keep the old address \
         working until the last tenant has moved.",
    ],
    references: &[BP_GATEWAYS, HC_GATEWAY],
    check: gateway_without_name,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "fqdn": {"not_applicable": "tenants use 198.51.100.24"},
                "public_ip": {"value": "198.51.100.24"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "fqdn": {"value": "cc01.example.net"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "fqdn": {"dont_know": true}}}]}}"#,
    },
];

fn gateway_without_name(c: &mut Check<'_>) {
    for gateway in c.items("cloud_connect.gateways") {
        let fqdn = gateway.get("fqdn").text();
        let public_ip = gateway.get("public_ip").text();
        let address = public_ip.value().map_or_else(
            || "an IP address".to_owned(),
            |ip| format!("IP address {ip}"),
        );
        let evidence = vec![fqdn.evidence(), public_ip.evidence()];
        let name = gateway.name();
        if matches!(fqdn.state, FactState::NotApplicable) {
            c.fire(
                format!("Gateway “{name}” has no DNS name: tenants reach it by {address}"),
                evidence,
            );
            continue;
        }
        if let Some(fqdn) = c.known(fqdn)
            && fqdn.trim().parse::<std::net::IpAddr>().is_ok()
        {
            c.fire(
                format!(
                    "Gateway “{name}” is given as {} rather than a DNS name",
                    fqdn.trim()
                ),
                evidence,
            );
        }
    }
}
