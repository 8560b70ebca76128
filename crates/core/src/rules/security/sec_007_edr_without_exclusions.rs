use super::{HC_SECURING, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-007",
    title: "EDR or antivirus runs without Veeam's exclusions",
    category: Category::Security,
    severity: Severity::Medium,
    since: SINCE,
    checks: "When EDR or antivirus agents run on the backup servers and proxies, whether \
             Veeam's documented exclusions are configured.",
    why: "Without the exclusions Veeam documents (its folders, processes and backup file \
          types), scanners block or slow backup and restore traffic and lock files \
          mid-write, causing job failures that look like Veeam bugs and slowing restores \
          when they matter most.",
    remediation: &[
        "Get the EDR policy applied to the backup servers, proxies and repositories from \
         whoever manages it.",
        "Add the exclusions from Veeam KB1999 for each component role (adjusting paths \
         that were moved, such as the log folder).",
        "Check the EDR's logs for blocked or scanned Veeam processes after the next backup \
         window, and add what is missing.",
    ],
    references: &["https://www.veeam.com/kb1999", HC_SECURING],
    check: edr_without_exclusions,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.edr_installed": {"value": true},
              "security.edr_exclusions": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.edr_installed": {"value": true},
              "security.edr_exclusions": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.edr_installed": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.edr_installed": {"value": true},
              "security.edr_exclusions": {"dont_know": true}}}"#,
    },
];

fn edr_without_exclusions(c: &mut Check<'_>) {
    let installed = c.get("security.edr_installed").bool();
    let installed_evidence = installed.evidence();
    if c.known(installed) != Some(true) {
        return;
    }
    let exclusions = c.get("security.edr_exclusions").bool();
    let evidence = vec![installed_evidence, exclusions.evidence()];
    if c.known(exclusions) == Some(false) {
        c.fire(
            "EDR or antivirus runs on the backup servers and proxies without Veeam's documented \
             exclusions"
                .to_owned(),
            evidence,
        );
    }
}
