use super::{SINCE, below_baseline};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Oldest Veeam Backup for Microsoft 365 accepted: version 8 (KB4106).
const VB365_BASELINE: [u32; 2] = [8, 0];

pub(super) const RULE: Rule = Rule {
    id: "VER-003",
    title: "Backup for Microsoft 365 is older than the supported baseline",
    category: Category::Versions,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The Veeam Backup for Microsoft 365 version, when Microsoft 365 backup is one of \
             the services, against the baseline of this rule set: 8.0.",
    why: "Microsoft changes and retires its APIs often (Exchange Web Services, Teams \
          export, SharePoint throttling). Older builds stop protecting some data until they \
          are updated, and the first sign is usually a tenant's missing restore.",
    remediation: &[
        "Check the version in the console (Help > About) against Veeam KB4106.",
        "Read the upgrade notes first: version 8 moves the configuration to PostgreSQL and \
         needs every proxy and repository upgraded after the server.",
        "Upgrade, re-grant any new Microsoft Entra application permissions, then run a \
         backup and a restore of a mailbox, a site and a team.",
    ],
    references: &[
        "https://www.veeam.com/kb4106",
        "https://www.veeam.com/product-lifecycle.html",
    ],
    check: vb365_below_baseline,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["m365"]},
              "platform.vb365_version": {"value": "7.1.0.2031"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["m365"]},
              "platform.vb365_version": {"value": "8.1.0.331"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "platform.vb365_version": {"value": "6.0.0.367"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["m365"]},
              "platform.vb365_version": {"dont_know": true}}}"#,
    },
];

fn vb365_below_baseline(c: &mut Check<'_>) {
    below_baseline(
        c,
        "platform.vb365_version",
        "Backup for Microsoft 365",
        &VB365_BASELINE,
        "it may miss Microsoft API changes",
    );
}
