use super::{BP_GATEWAYS, HC_GATEWAY, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CC-011",
    title: "All gateways are at one site",
    category: Category::CloudConnect,
    severity: Severity::Low,
    since: SINCE,
    checks: "Whether two or more gateways are listed and all name the same site.",
    why: "Three gateways in one data centre, behind one uplink or one firewall pair, fail \
          together: a site or uplink outage takes every tenant offline even though the \
          gateway count looks redundant.",
    remediation: &[
        "Check whether the gateways share an uplink, firewall or load balancer; if they \
         do, that device is the single point of failure.",
        "Add a gateway at a second site or behind a second carrier, and publish it under \
         the same DNS name.",
    ],
    references: &[BP_GATEWAYS, HC_GATEWAY],
    check: gateways_at_one_site,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [
                {"name": "gw1", "answers": {"site": {"value": "AMS1"}}},
                {"name": "gw2", "answers": {"site": {"value": "ams1"}}},
                {"name": "gw3", "answers": {"site": {"value": "AMS1 "}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [
                {"name": "gw1", "answers": {"site": {"value": "AMS1"}}},
                {"name": "gw2", "answers": {"site": {"value": "AMS2"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [
                {"name": "gw1", "answers": {"site": {"value": "AMS1"}}},
                {"name": "gw2", "answers": {"site": {"dont_know": true}}}]}}"#,
    },
];

fn gateways_at_one_site(c: &mut Check<'_>) {
    let gateways = c.items("cloud_connect.gateways");
    if gateways.len() < 2 {
        return;
    }
    let mut sites = Vec::new();
    let mut evidence = Vec::new();
    for gateway in &gateways {
        let site = gateway.get("site").text();
        evidence.push(site.evidence());
        if let Some(site) = c.known(site) {
            sites.push(site.trim().to_lowercase());
        }
    }
    if sites.len() < gateways.len() {
        return;
    }
    if sites.windows(2).all(|pair| pair[0] == pair[1]) {
        let site = gateways[0]
            .get("site")
            .text()
            .value()
            .map_or_else(String::new, |s| s.trim().to_owned());
        c.fire(
            format!(
                "All {} gateways are at site “{site}”: one site or uplink outage takes every \
                 tenant offline",
                gateways.len()
            ),
            evidence,
        );
    }
}
