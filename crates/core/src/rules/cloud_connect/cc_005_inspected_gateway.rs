use super::{BP_GATEWAYS, HC_GATEWAY, SINCE, in_front, tenant_port};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CC-005",
    title: "Traffic to a gateway is inspected or proxied",
    category: Category::CloudConnect,
    severity: Severity::Critical,
    since: SINCE,
    checks: "Gateways with IPS/IDS or TLS inspection in front, a firewall that inspects, \
             decrypts or proxies the Cloud Connect port, or a reverse proxy (high: it must \
             be a pure TCP stream proxy). NAT and plain firewalls are fine, and so is a \
             tenant port other than 6180.",
    why: "Anything that inspects, decrypts or proxies the Cloud Connect port corrupts or \
          resets tenant sessions: jobs stall or fail with SSL errors, often only for some \
          tenants or some traffic. At one provider an ISP's transparent proxy on the port \
          broke tenant replication overnight.",
    remediation: &[
        "Check the firewall policy that allows the Cloud Connect port: remove any \
         application identification, IPS/IDP, antivirus, SSL/TLS inspection or protocol \
         proxy profile from it.",
        "If an inspection device sits in line, exempt the gateways' addresses and port from \
         it; if a reverse proxy sits in front, make it a plain TCP stream proxy or remove \
         it.",
        "Confirm from a test tenant that the gateway's own certificate is presented and a \
         large backup copy completes; then watch the gateway for dropped sessions through \
         the next backup window.",
    ],
    references: &[
        BP_GATEWAYS,
        HC_GATEWAY,
        "https://vccbook.io/2.Architecture/2.4-cloud_gateways.html",
    ],
    check: inspected_gateway,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.tenant_port": {"value": 6180}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "in_front": {"value": ["firewall", "nat"]},
                "firewall_inspects": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "in_front": {"value": ["inspection"]}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.tenant_port": {"value": 443}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "in_front": {"value": ["firewall", "nat"]},
                "firewall_inspects": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "in_front": {"value": ["firewall"]},
                "firewall_inspects": {"dont_know": true}}}]}}"#,
    },
];

fn inspected_gateway(c: &mut Check<'_>) {
    let port = tenant_port(c);
    for gateway in c.items("cloud_connect.gateways") {
        let Some((devices, devices_evidence)) = in_front(c, &gateway) else {
            continue;
        };
        let mut evidence = vec![devices_evidence];
        let mut breaking = Vec::new();
        if devices.iter().any(|d| d == "inspection") {
            breaking.push("IPS/IDS or TLS inspection");
        }
        if devices.iter().any(|d| d == "firewall") {
            let inspects = gateway.get("firewall_inspects").bool();
            evidence.push(inspects.evidence());
            if c.known(inspects) == Some(true) {
                breaking.push("a firewall that inspects, decrypts or proxies the traffic");
            }
        }
        let name = gateway.name();
        if !breaking.is_empty() {
            c.fire(
                format!(
                    "Gateway “{name}” is behind {} on {port}: tenant sessions can be reset or \
                     corrupted",
                    breaking.join(" and ")
                ),
                evidence,
            );
        } else if devices.iter().any(|d| d == "reverse_proxy") {
            c.fire_at(
                Severity::High,
                format!(
                    "Gateway “{name}” is behind a reverse proxy on {port}: it must pass the TCP \
                     stream through untouched, with no TLS or HTTP handling"
                ),
                evidence,
            );
        }
    }
}
