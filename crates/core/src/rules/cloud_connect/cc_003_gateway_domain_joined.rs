use super::{BP_GATEWAYS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CC-003",
    title: "Internet-facing gateway is joined to a domain",
    category: Category::CloudConnect,
    severity: Severity::High,
    since: SINCE,
    checks: "Gateways answered as joined to an Active Directory domain.",
    why: "Gateways are reachable from the internet. A compromised domain-joined gateway \
          gives an attacker a foothold in the domain, often the one that also runs the \
          backup infrastructure. Veeam's reference architecture keeps gateways out of any \
          domain.",
    remediation: &[
        "Check which domain the gateway is joined to and what it is used for (GPO patching \
         is the usual reason).",
        "Rebuild or remove the gateway from the domain into a workgroup, with local \
         accounts and patching that does not depend on the domain.",
        "Remove the gateway's computer account from the domain and review the accounts \
         that logged on to it.",
    ],
    references: &[
        BP_GATEWAYS,
        "https://vccbook.io/2.Architecture/2.11-additional_components.html",
    ],
    check: gateway_domain_joined,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "domain_joined": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "domain_joined": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                "domain_joined": {"dont_know": true}}}]}}"#,
    },
];

fn gateway_domain_joined(c: &mut Check<'_>) {
    for gateway in c.items("cloud_connect.gateways") {
        let joined = gateway.get("domain_joined").bool();
        let evidence = joined.evidence();
        if c.known(joined) == Some(true) {
            c.fire(
                format!(
                    "Gateway “{}” faces the internet and is joined to an Active Directory domain",
                    gateway.name()
                ),
                vec![evidence],
            );
        }
    }
}
