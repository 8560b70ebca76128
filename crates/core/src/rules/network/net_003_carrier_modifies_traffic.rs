use super::{BP_GATEWAYS, SINCE, label, purpose};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "NET-003",
    title: "Carrier proxies, inspects or translates replication or tenant traffic",
    category: Category::Network,
    severity: Severity::Critical,
    since: SINCE,
    checks: "Links carrying replication, backup copy or tenant Cloud Connect traffic whose \
             carrier does transparent proxying or deep packet inspection (critical on a \
             tenant path, high otherwise), NAT (medium) or traffic shaping (low).",
    why: "Veeam traffic must cross the path unmodified. One partner's ISP began transparent \
          proxying on a TCP port and tenant replication broke overnight, with nothing \
          changed on the partner's side. NAT between sites breaks the direct connections \
          Veeam's data movers open to each other unless it is configured for; shaping \
          pushes jobs out of their windows.",
    remediation: &[
        "Ask the carrier in writing what it does to traffic on this circuit (proxying, \
         inspection, NAT, shaping) and on which ports.",
        "Have any proxying or inspection removed for the Veeam ports (TCP 6180 for Cloud \
         Connect, the data mover ports between sites), and put \"no proxying or \
         inspection\" in the contract.",
        "If NAT stays, configure the Veeam components for it (gateway NAT settings, \
         preferred networks) and test a replication job end to end.",
        "Add a synthetic check (a test tenant's job, or a TLS handshake to the gateway \
         from outside) that alerts when the path starts modifying traffic.",
    ],
    references: &[
        BP_GATEWAYS,
        "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_gateway.html",
        "https://vccbook.io/2.Architecture/2.4-cloud_gateways.html",
    ],
    check: carrier_modifies_traffic,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "PAR1 internet", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"value": "Orange Business"},
              "carrier_handling": {"value": ["transparent_proxy"]}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "FRA1 internet", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier_handling": {"value": ["tls_inspection"]}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
              "purpose": {"value": ["replication", "management"]},
              "carrier_handling": {"value": ["nat", "traffic_shaping"]}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
              "purpose": {"value": ["replication"]},
              "carrier_handling": {"value": ["nothing"]}}},
              {"name": "mgmt VPN", "answers": {
              "purpose": {"value": ["management"]}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"network.links": [{"name": "ZWL internet", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier_handling": {"dont_know": true}}}]}}"#,
    },
];

fn carrier_modifies_traffic(c: &mut Check<'_>) {
    for link in c.items("network.links") {
        let Some((purposes, purpose_evidence)) = purpose(c, &link) else {
            continue;
        };
        let tenant = purposes.iter().any(|p| p == "tenant_cloud_connect");
        let replication = purposes
            .iter()
            .any(|p| p == "replication" || p == "backup_copy");
        if !tenant && !replication {
            continue;
        }
        let handling = link.get("carrier_handling").choices();
        let carrier = link.get("carrier").text();
        let evidence = vec![purpose_evidence, handling.evidence(), carrier.evidence()];
        let Some(handling) = c.known(handling) else {
            continue;
        };
        let mut worst: Option<Severity> = None;
        let mut what = Vec::new();
        for h in &handling {
            let (severity, text) = match h.as_str() {
                "transparent_proxy" | "dpi" | "tls_inspection" => (
                    if tenant {
                        Severity::Critical
                    } else {
                        Severity::High
                    },
                    match h.as_str() {
                        "dpi" => "deep packet inspection",
                        "tls_inspection" => "TLS inspection",
                        _ => "transparent proxying",
                    },
                ),
                "nat" => (Severity::Medium, "NAT"),
                "traffic_shaping" => (Severity::Low, "traffic shaping"),
                _ => continue,
            };
            what.push(text);
            worst = Some(worst.map_or(severity, |w| w.min(severity)));
        }
        let Some(severity) = worst else { continue };
        let traffic = match (tenant, replication) {
            (true, true) => "tenant Cloud Connect and replication traffic",
            (true, false) => "tenant Cloud Connect traffic",
            _ => "replication or backup copy traffic",
        };
        let by = carrier.value().map_or_else(
            || "The carrier".to_owned(),
            |name| format!("Carrier {name}"),
        );
        c.fire_at(
            severity,
            format!(
                "{by} applies {} to {traffic} on link {}",
                what.join(" and "),
                label(&link)
            ),
            evidence,
        );
    }
}
