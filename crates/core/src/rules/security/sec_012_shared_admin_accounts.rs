use super::{HC_SECURING, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-012",
    title: "Backup administrators use their everyday accounts",
    category: Category::Security,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether backup administrators use separate accounts used for nothing but \
             backup.",
    why: "If the account that manages backups is also used for e-mail and browsing, \
          phishing it gives the attacker the backups too. Dedicated accounts limit what one \
          stolen password can reach.",
    remediation: &[
        "Create a dedicated account per backup administrator, with no mailbox and no \
         internet access, in the management domain or as local accounts.",
        "Give only those accounts Veeam roles and remove the everyday accounts from them.",
        "Require MFA for the dedicated accounts.",
    ],
    references: &[HC_SECURING],
    check: shared_admin_accounts,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.separate_admin_accounts": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.separate_admin_accounts": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.separate_admin_accounts": {"dont_know": true}}}"#,
    },
];

fn shared_admin_accounts(c: &mut Check<'_>) {
    let separate = c.get("security.separate_admin_accounts").bool();
    let evidence = separate.evidence();
    if c.known(separate) == Some(false) {
        c.fire(
            "Backup administrators use their everyday accounts (e-mail, browsing) to manage \
             backups"
                .to_owned(),
            vec![evidence],
        );
    }
}
