use super::{HC_ANALYZER, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-002",
    title: "Four-eyes authorisation is off",
    category: Category::Security,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether four-eyes authorisation is enabled on the backup server.",
    why: "Without four-eyes authorisation, one compromised or careless administrator \
          account can delete backups and repositories, change users or turn off MFA \
          alone. With it, those operations wait for a second administrator to approve.",
    remediation: &[
        "Check that at least two named users hold the Veeam Backup Administrator role, so \
         approvals cannot lock the team out.",
        "Enable four-eyes authorisation in Users and Roles and agree who approves at night \
         (the on-call rota).",
        "Try a protected operation (deleting an orphaned backup) and confirm it waits for \
         approval.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/four_eyes_authorization.html",
        HC_ANALYZER,
    ],
    check: four_eyes_off,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.four_eyes": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.four_eyes": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.four_eyes": {"dont_know": true}}}"#,
    },
];

fn four_eyes_off(c: &mut Check<'_>) {
    let four_eyes = c.get("security.four_eyes").bool();
    let evidence = four_eyes.evidence();
    if c.known(four_eyes) == Some(false) {
        c.fire(
            "Four-eyes authorisation is off: one administrator account can delete backups and \
             repositories alone"
                .to_owned(),
            vec![evidence],
        );
    }
}
