use std::fmt::Write as _;

use super::{HEALTHCHECK, SINCE, collected_proof, listed, report_differences};
use crate::evidence::map::same_item;
use crate::rules::{Category, Check, Expect, Fact, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "EVD-005",
    title: "The Cloud Connect gateways answered differ from those configured",
    category: Category::Evidence,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The gateways answered against Veeam Healthcheck's `CloudGateways`: gateways \
             answered that the backup server does not have, and gateways it has that are not \
             answered (matched by name, or by host name before the first dot); each \
             gateway's address and the tenant port (`IPAddress`, `NATPort`); and whether \
             Cloud Connect is among the services answered.",
    why: "The gateways are the only way tenants reach the provider. Redundancy, \
          capacity and certificate checks count and read the gateways answered: if the \
          backup server has one gateway where three are answered, the platform has a \
          single point of failure that every other check has missed, and a gateway not \
          answered is one nobody is watching.",
    remediation: &[
        "List the gateways on the backup server (Cloud Connect, Cloud Gateways, or \
         `Get-VBRCloudGateway`) with their addresses, ports and whether each is enabled.",
        "For a gateway answered but not configured, find out whether it was removed, \
         never added, or added to another backup server; for one configured but not \
         answered, add it to the answers.",
        "Correct the answers, and rerun the redundancy and capacity checks on the real \
         list.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/cloud/managing_cloud_gateways.html",
        "https://helpcenter.veeam.com/docs/vbr/powershell/get-vbrcloudgateway.html",
        HEALTHCHECK,
    ],
    check: gateways_differ,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
            "groups": {"cloud_connect.gateways": [
              {"name": "gw-01", "answers": {}}, {"name": "gw-02", "answers": {}},
              {"name": "gw-03", "answers": {}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "gateways": [{"name": "gw-01.example.net", "port": 6180,
                "from": {"source": 0, "table": "localhost_CloudGateways.csv", "row": 2}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
            "groups": {"cloud_connect.gateways": [{"name": "gw-01", "answers": {}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "gateways": [{"name": "gw-01.example.net",
                "from": {"source": 0, "table": "localhost_CloudGateways.csv", "row": 2}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
            "groups": {"cloud_connect.gateways": [{"name": "gw-01", "answers": {
              "public_ip": {"value": "203.0.113.10"}}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "gateways": [{"name": "gw-01", "address": "203.0.113.11",
                "from": {"source": 0, "table": "localhost_CloudGateways.csv", "row": 2}}]}}"#,
    },
];

fn gateways_differ(c: &mut Check<'_>) {
    report_differences(c, RULE.id);
    let Some(collected) = c.collected() else {
        return;
    };
    if collected.gateways.is_empty() {
        return;
    }
    let items = c.items("cloud_connect.gateways");
    if items.is_empty() {
        return;
    }
    let answered: Vec<String> = items.iter().map(|item| item.name().to_owned()).collect();
    let missing: Vec<String> = answered
        .iter()
        .filter(|name| !collected.gateways.iter().any(|g| same_item(name, &g.name)))
        .cloned()
        .collect();
    let unlisted: Vec<_> = collected
        .gateways
        .iter()
        .filter(|g| !answered.iter().any(|name| same_item(name, &g.name)))
        .collect();
    if missing.is_empty() && unlisted.is_empty() {
        c.compared();
        return;
    }
    let configured: Vec<String> = collected.gateways.iter().map(|g| g.name.clone()).collect();
    let place = crate::display::evidence_origin(collected, &collected.gateways[0].from);
    let gateways = |n: usize| {
        if n == 1 {
            "1 gateway is".to_owned()
        } else {
            format!("{n} gateways are")
        }
    };
    let mut message = format!(
        "{} answered ({}), and {place} lists {} ({})",
        gateways(answered.len()),
        listed(&answered),
        configured.len(),
        listed(&configured)
    );
    let be = |n: usize| if n == 1 { "is" } else { "are" };
    if !missing.is_empty() {
        let _ = write!(
            message,
            ": {} {} not configured on the backup server",
            listed(&missing),
            be(missing.len())
        );
    }
    if !unlisted.is_empty() {
        let names: Vec<String> = unlisted.iter().map(|g| g.name.clone()).collect();
        let _ = write!(
            message,
            "{} {} {} not answered",
            if missing.is_empty() { ":" } else { ";" },
            listed(&names),
            be(names.len())
        );
    }
    let answered_fact: Fact<'_, ()> = Fact::derived(
        "cloud_connect.gateways".to_owned(),
        FactState::Known(()),
        listed(&answered),
    );
    let mut evidence = vec![answered_fact.evidence()];
    evidence.extend(
        collected
            .gateways
            .iter()
            .take(5)
            .map(|g| collected_proof(collected, &g.from, &format!("Name: {}", g.name))),
    );
    c.fire(message, evidence);
}
