use super::{HC_ANALYZER, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-001",
    title: "Backup console login without multi-factor authentication",
    category: Category::Security,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether multi-factor authentication is required to log in to the backup \
             console.",
    why: "A stolen or phished administrator password is enough to delete every backup job \
          and its data when the console asks for nothing more. Attackers go after backups \
          first so that paying is the only way back.",
    remediation: &[
        "Check that every console user is a named account (MFA applies to users, not \
         groups).",
        "Enable MFA for all users in Users and Roles; exempt only the service accounts \
         that log in non-interactively (Service Provider Console, Veeam ONE, REST), and \
         restrict those accounts instead.",
        "Confirm each administrator has enrolled an authenticator and that a login without \
         the code is refused.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/mfa.html",
        HC_ANALYZER,
    ],
    check: mfa_off,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.mfa_console": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.mfa_console": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.mfa_console": {"dont_know": true}}}"#,
    },
];

fn mfa_off(c: &mut Check<'_>) {
    let mfa = c.get("security.mfa_console").bool();
    let evidence = mfa.evidence();
    if c.known(mfa) == Some(false) {
        c.fire(
            "The backup console does not require multi-factor authentication: one stolen \
             password reaches every backup"
                .to_owned(),
            vec![evidence],
        );
    }
}
