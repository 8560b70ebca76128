use super::{SINCE, below_baseline};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Oldest Veeam Service Provider Console accepted: 8.1, the first release that manages
/// Backup & Replication 12.3.
const VSPC_BASELINE: [u32; 2] = [8, 1];

pub(super) const RULE: Rule = Rule {
    id: "VER-002",
    title: "Service Provider Console is older than the supported baseline",
    category: Category::Versions,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The Veeam Service Provider Console version, when the console is used, against \
             the baseline of this rule set: 8.1.",
    why: "The console must support the Backup & Replication build it manages. An older \
          console loses track of Cloud Connect servers and tenants after an upgrade, and \
          tenant management, alarms, reporting and billing stop working.",
    remediation: &[
        "Check the console version (Configuration > About) and the Backup & Replication \
         versions it supports in its release notes.",
        "If it is older than the baseline or does not support your Backup & Replication \
         build, upgrade the console server first, then its management agents.",
        "After the upgrade, check that every Cloud Connect server shows as connected and \
         that tenant usage and alarms update.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vac/deployment/system_requirements.html",
        "https://www.veeam.com/product-lifecycle.html",
    ],
    check: vspc_below_baseline,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vspc_version": {"value": "7.0.0.18899"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vspc_version": {"value": "9.1.0.30713"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vspc_version":
              {"not_applicable": "we do not run the console"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.vspc_version": {"dont_know": true}}}"#,
    },
];

fn vspc_below_baseline(c: &mut Check<'_>) {
    below_baseline(
        c,
        "platform.vspc_version",
        "Service Provider Console",
        &VSPC_BASELINE,
        "it may not manage your Backup & Replication build",
    );
}
