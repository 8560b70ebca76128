use super::{HC_SECURING, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Security fixes should be installed within this many days of release: known-exploited
/// vulnerabilities in backup software are used by ransomware groups within days.
const PATCH_DELAY_MAX_DAYS: u64 = 14;

pub(super) const RULE: Rule = Rule {
    id: "SEC-011",
    title: "Security updates wait too long",
    category: Category::Security,
    severity: Severity::Medium,
    since: SINCE,
    checks: "How soon security updates are installed on backup servers, proxies and \
             repositories, against 14 days.",
    why: "Vulnerabilities in backup software are exploited within days of being \
          published: ransomware groups used Veeam vulnerabilities (CVE-2023-27532, \
          CVE-2024-40711) that were already fixed, on servers that had not been patched.",
    remediation: &[
        "Subscribe the backup team to Veeam's security bulletins and the operating \
         systems' advisories.",
        "Install critical Veeam and operating system security fixes within days, and \
         others within 14 days, in maintenance windows outside the backup windows.",
        "Keep an inventory of every component's version so an unpatched one is visible.",
    ],
    references: &[
        "https://www.cisa.gov/known-exploited-vulnerabilities-catalog",
        HC_SECURING,
    ],
    check: patch_delay,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.patch_delay": {"value": "30d"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.patch_delay": {"value": "14d"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.patch_delay": {"dont_know": true}}}"#,
    },
];

fn patch_delay(c: &mut Check<'_>) {
    let delay = c.get("security.patch_delay").minutes();
    let evidence = delay.evidence();
    let Some(minutes) = c.known(delay) else {
        return;
    };
    let max = PATCH_DELAY_MAX_DAYS * 24 * 60;
    if minutes > max {
        c.fire(
            format!(
                "Security updates are installed about {} after release, more than \
                 {PATCH_DELAY_MAX_DAYS} days",
                evidence.shown()
            ),
            vec![evidence],
        );
    }
}
