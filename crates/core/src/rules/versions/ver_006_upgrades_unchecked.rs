use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "VER-006",
    title: "Hypervisor upgrades are not checked against Veeam's supported versions",
    category: Category::Versions,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether hypervisor upgrades are checked against Veeam's list of supported \
             platforms before they are rolled out.",
    why: "Hypervisor vendors ship updates faster than backup vendors certify them. An \
          upgrade rolled out unchecked can leave every cluster outside Veeam's support \
          list overnight, with backups or replication failing and no supported fix.",
    remediation: &[
        "Add a step to the hypervisor upgrade procedure: look the target build up in the \
         platform support pages of your Backup & Replication build before approving it.",
        "If the build is not listed, hold the upgrade until Veeam supports it, or upgrade \
         Backup & Replication first.",
        "Upgrade a test or management cluster first and run a backup and a restore on it.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/platform_support.html",
        "https://www.veeam.com/kb2680",
    ],
    check: upgrades_unchecked,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.platforms": {"value": ["vmware_vsphere"]},
              "compute.upgrade_check": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.platforms": {"value": ["vmware_vsphere"]},
              "compute.upgrade_check": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.platforms": {"value": ["hyperv"]},
              "compute.upgrade_check": {"dont_know": true}}}"#,
    },
];

fn upgrades_unchecked(c: &mut Check<'_>) {
    let checked = c.get("compute.upgrade_check").bool();
    let evidence = checked.evidence();
    if c.known(checked) == Some(false) {
        c.fire(
            "Hypervisor upgrades are rolled out without checking Veeam's list of supported \
             platforms"
                .to_owned(),
            vec![evidence],
        );
    }
}
