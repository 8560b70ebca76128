use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "NET-004",
    title: "Forward and reverse DNS do not resolve for every component",
    category: Category::Network,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether forward and reverse DNS lookups resolve for every Veeam component: \
             only some components (hosts files, IP addresses) is medium, forward only is \
             low.",
    why: "Veeam components find each other by name. Missing or stale records make jobs \
          fail after an address change, and certificate checks and Kerberos need \
          consistent names; hosts files drift apart silently. Veeam's best practice \
          expects forward (A) and reverse (PTR) records for every component.",
    remediation: &[
        "List every Veeam component (backup server, proxies, repositories, gateways, WAN \
         accelerators, hypervisor hosts and managers) and run `nslookup` on its name and \
         its address from the backup server.",
        "Create the missing A and PTR records; replace hosts-file entries with DNS \
         records.",
        "Re-add components that were registered by IP address under their names, in a \
         maintenance window.",
    ],
    references: &[
        "https://bp.veeam.com/vbr/VBP/3_Build_structures/B_Other/dns_resolution.html",
        "https://vccbook.io/2.Architecture/2.11-additional_components.html",
    ],
    check: dns_resolution,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"network.dns_resolution": {"value": "partial"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"network.dns_resolution": {"value": "forward_only"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"network.dns_resolution": {"value": "forward_and_reverse"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"network.dns_resolution": {"dont_know": true}}}"#,
    },
];

fn dns_resolution(c: &mut Check<'_>) {
    let dns = c.get("network.dns_resolution").choice();
    let evidence = dns.evidence();
    match c.known(dns).as_deref() {
        Some("partial") => c.fire(
            "DNS resolves only some Veeam components; others are reached by IP address or \
             hosts files"
                .to_owned(),
            vec![evidence],
        ),
        Some("forward_only") => c.fire_at(
            Severity::Low,
            "DNS resolves Veeam components forward only: reverse (PTR) records are missing or \
             not checked"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
