use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-008",
    title: "Compatibility with Veeam is not checked before updates",
    category: Category::Operations,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether compatibility with Veeam is checked before firmware, hypervisor or \
             operating system updates.",
    why: "Vendors do not test every combination. Checking Veeam's and the storage \
          vendor's support matrices before an update is what catches the firmware that \
          changes a SCSI command's behaviour, or the hypervisor build Veeam does not yet \
          support, before it reaches production.",
    remediation: &[
        "Add a compatibility step to the change template: the target version looked up in \
         Veeam's platform support pages and the storage vendor's matrix, with the result \
         recorded in the change.",
        "Stage firmware and hypervisor updates on a test or secondary system first, and run \
         a backup and a restore on it.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/platform_support.html",
        "https://www.veeam.com/kb2680",
    ],
    check: compatibility_unchecked,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.change_control": {"value": "formal"},
              "operations.compatibility_check": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.change_control": {"value": "formal"},
              "operations.compatibility_check": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.change_control": {"value": "formal"},
              "operations.compatibility_check": {"dont_know": true}}}"#,
    },
];

fn compatibility_unchecked(c: &mut Check<'_>) {
    let checked = c.get("operations.compatibility_check").bool();
    let evidence = checked.evidence();
    if c.known(checked) == Some(false) {
        c.fire(
            "Firmware, hypervisor and OS updates are not checked for compatibility with Veeam \
             before they are rolled out"
                .to_owned(),
            vec![evidence],
        );
    }
}
