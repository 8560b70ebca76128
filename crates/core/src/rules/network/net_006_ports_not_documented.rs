use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "NET-006",
    title: "The network ports Veeam needs are not documented",
    category: Category::Network,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether the ports Veeam needs are documented together with the firewall rules \
             that allow them.",
    why: "Without a port list, firewall changes break backups by accident, nobody can tell \
          whether a rule is still needed, and rules are opened wide \"to be safe\", which \
          exposes the backup infrastructure.",
    remediation: &[
        "Build the list from Veeam's used-ports reference for each component in use \
         (backup server, proxies, repositories, gateways, WAN accelerators, tenants).",
        "Map each entry to the firewall rule that allows it; remove rules nobody can \
         justify, and narrow any any-to-any rule.",
        "Keep the list with the firewall change process so every change is checked \
         against it.",
    ],
    references: &["https://helpcenter.veeam.com/docs/backup/vsphere/used_ports.html"],
    check: ports_not_documented,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"network.ports_documented": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"network.ports_documented": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"network.ports_documented": {"dont_know": true}}}"#,
    },
];

fn ports_not_documented(c: &mut Check<'_>) {
    let documented = c.get("network.ports_documented").bool();
    let evidence = documented.evidence();
    if c.known(documented) == Some(false) {
        c.fire(
            "The network ports Veeam needs are not documented with the firewall rules that \
             allow them"
                .to_owned(),
            vec![evidence],
        );
    }
}
