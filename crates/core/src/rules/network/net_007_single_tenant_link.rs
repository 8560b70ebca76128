use std::collections::BTreeSet;

use super::{BP_GATEWAYS, SINCE, label, purpose};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "NET-007",
    title: "Tenant traffic may depend on one link or one carrier",
    category: Category::Network,
    severity: Severity::Low,
    since: SINCE,
    checks: "The links carrying tenant Cloud Connect traffic: exactly one such link listed, \
             or several that all name the same carrier. Low, because one listed link may \
             still hide two uplinks (the questionnaire does not ask).",
    why: "Every tenant reaches the gateways over these links. With one uplink, or several \
          from the same carrier, a single fibre cut, carrier outage or carrier change (such \
          as a new transparent proxy) takes every tenant offline at once, however many \
          gateways there are.",
    remediation: &[
        "Check how the gateways' public addresses are announced (BGP with two transit \
         providers, or one provider's address space).",
        "Add a second uplink from a different carrier, on a separate physical path, and \
         make the gateways reachable through both.",
        "Test by disabling one uplink in a maintenance window while a test tenant runs a \
         job.",
    ],
    references: &[
        BP_GATEWAYS,
        "https://vccbook.io/3.Backups/3.5-cloud-gateway-pools.html",
    ],
    check: single_tenant_link,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "ZWL internet", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"value": "KPN"}}},
              {"name": "ZWL-AMS", "answers": {"purpose": {"value": ["backup_copy"]}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "uplink A", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"value": "KPN"}}},
              {"name": "uplink B", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"value": "kpn "}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"network.links": [{"name": "uplink A", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"value": "Cogent"}}},
              {"name": "uplink B", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"value": "Lumen"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"network.links": [{"name": "uplink A", "answers": {
              "purpose": {"dont_know": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"network.links": [{"name": "uplink A", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"value": "KPN"}}},
              {"name": "uplink B", "answers": {
              "purpose": {"value": ["tenant_cloud_connect"]},
              "carrier": {"dont_know": true}}}]}}"#,
    },
];

fn single_tenant_link(c: &mut Check<'_>) {
    let mut tenant_links = Vec::new();
    for link in c.items("network.links") {
        let Some((purposes, purpose_evidence)) = purpose(c, &link) else {
            continue;
        };
        if purposes.iter().any(|p| p == "tenant_cloud_connect") {
            let carrier = link.get("carrier").text();
            tenant_links.push((link, purpose_evidence, carrier));
        }
    }
    match tenant_links.as_slice() {
        [] => {}
        [(link, purpose_evidence, carrier)] => {
            let by = carrier
                .value()
                .map_or_else(String::new, |name| format!(", carrier {name}"));
            c.fire(
                format!(
                    "Only one link carries tenant Cloud Connect traffic, {}{by}: unless it has \
                     separate uplinks from different carriers, one outage takes every tenant \
                     offline",
                    label(link)
                ),
                vec![purpose_evidence.clone(), carrier.evidence()],
            );
        }
        links => {
            let carriers: BTreeSet<String> = links
                .iter()
                .filter_map(|(_, _, carrier)| carrier.value())
                .map(|name| name.trim().to_lowercase())
                .collect();
            // Two different carriers known: the links do not all depend on one, whatever the
            // carriers not known are.
            if carriers.len() > 1 {
                return;
            }
            let evidence = links
                .iter()
                .flat_map(|(_, purpose, carrier)| [purpose.clone(), carrier.evidence()])
                .collect();
            // Every carrier known, and so all the same one; one not known is asked for.
            let names: Vec<Option<String>> = links
                .iter()
                .map(|(_, _, carrier)| c.known(carrier.clone()))
                .collect();
            if let Some(Some(first)) = names.first()
                && names.iter().all(Option::is_some)
            {
                c.fire(
                    format!(
                        "All {} links carrying tenant Cloud Connect traffic are from one \
                         carrier, {}: a carrier outage or change takes every tenant offline",
                        links.len(),
                        first.trim()
                    ),
                    evidence,
                );
            }
        }
    }
}
