use super::{HC_ANALYZER, HC_SECURING, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// The old protocols Veeam's Security & Compliance Analyzer expects disabled, with their names.
const LEGACY_PROTOCOLS: &[(&str, &str)] = &[
    ("tls_1_0_1_1", "TLS 1.0/1.1"),
    ("smb1", "SMB1"),
    ("wdigest", "WDigest"),
    ("llmnr", "LLMNR"),
    ("netbios", "NetBIOS over TCP/IP"),
];

pub(super) const RULE: Rule = Rule {
    id: "SEC-004",
    title: "Old protocols are not disabled on every backup component",
    category: Category::Security,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Which of TLS 1.0/1.1, SMB1, WDigest, LLMNR and NetBIOS over TCP/IP are \
             disabled on every backup server, proxy and repository; any left on is a \
             finding.",
    why: "Old protocols let an attacker capture or relay credentials (WDigest keeps \
          passwords in memory; LLMNR and NetBIOS answer poisoned name lookups) or break \
          weak encryption (TLS 1.0/1.1, SMB1). Veeam's Security & Compliance Analyzer \
          checks for each of them.",
    remediation: &[
        "Run the Security & Compliance Analyzer on the backup server and note which \
         checks are not implemented.",
        "Disable the remaining protocols by GPO or local policy on every backup server, \
         proxy and repository (Veeam's KB provides a script for the analyzer's items).",
        "Rerun the analyzer and schedule it so a rebuilt server is caught.",
    ],
    references: &[HC_ANALYZER, HC_SECURING],
    check: legacy_protocols,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.legacy_disabled": {"value": ["tls_1_0_1_1", "smb1"]}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.legacy_disabled": {"value": ["none"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.legacy_disabled": {"value":
              ["tls_1_0_1_1", "smb1", "wdigest", "llmnr", "netbios"]}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.legacy_disabled": {"dont_know": true}}}"#,
    },
];

fn legacy_protocols(c: &mut Check<'_>) {
    let disabled = c.get("security.legacy_disabled").choices();
    let evidence = disabled.evidence();
    let Some(disabled) = c.known(disabled) else {
        return;
    };
    let enabled: Vec<&str> = LEGACY_PROTOCOLS
        .iter()
        .filter(|(id, _)| !disabled.iter().any(|d| d == id))
        .map(|(_, name)| *name)
        .collect();
    if !enabled.is_empty() {
        c.fire(
            format!(
                "Not disabled on every backup server, proxy and repository: {}",
                enabled.join(", ")
            ),
            vec![evidence],
        );
    }
}
