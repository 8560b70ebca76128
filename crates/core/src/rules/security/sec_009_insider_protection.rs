use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-009",
    title: "Insider protection is off for Cloud Connect tenants",
    category: Category::Security,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether insider protection (keep deleted backups for N days) is enabled for \
             Cloud Connect backup tenants: for no tenants is high, for some is medium.",
    why: "If a tenant's own backup server is compromised, the attacker deletes its cloud \
          backups too. Insider protection moves deleted backups to a recycle bin the tenant \
          cannot reach, so the provider can give them back; Veeam recommends it for every \
          tenant.",
    remediation: &[
        "List the tenants without \"Keep deleted backup files for N days\" in their \
         account properties.",
        "Enable it for each (7 days or more), and account for the extra repository space \
         in capacity planning and pricing.",
        "Write down how to restore from the recycle bin for a tenant, and rehearse it \
         once.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_bin.html",
        "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_bin_hiw.html",
    ],
    check: insider_protection,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "security.insider_protection": {"value": "no_tenants"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "security.insider_protection": {"value": "some_tenants"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "security.insider_protection": {"value": "all_tenants"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["m365"]}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "security.insider_protection": {"dont_know": true}}}"#,
    },
];

fn insider_protection(c: &mut Check<'_>) {
    let protection = c.get("security.insider_protection").choice();
    let evidence = protection.evidence();
    match c.known(protection).as_deref() {
        Some("no_tenants") => c.fire(
            "Insider protection is enabled for no Cloud Connect tenant: backups a compromised \
             tenant deletes are gone"
                .to_owned(),
            vec![evidence],
        ),
        Some("some_tenants") => c.fire_at(
            Severity::Medium,
            "Insider protection is enabled for only some Cloud Connect tenants".to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
