use super::{SINCE, offers, tier_name};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-006",
    title: "Insider protection is off on a tenant tier",
    category: Category::MultiTenancy,
    severity: Severity::High,
    since: SINCE,
    checks: "Each tenant tier that keeps deleted backups for 0 days (insider protection \
             off), when Cloud Connect backup is one of the services.",
    why: "When attackers get into a tenant's backup server, the first thing they do is \
          delete the backups, including the off-site copies in your cloud repository. \
          Insider protection keeps deleted backup files in a recycle bin the tenant cannot \
          reach; with it off, the tenant's last copy is gone too.",
    remediation: &[
        "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
         Backup Resources): is Keep deleted backup files for N days selected?",
        "Turn it on for every tenant, for longer than it takes a tenant to notice an attack \
         and call you, and size the repositories for the extra space: deleted files do not \
         count against the tenant's quota.",
        "Write down how a tenant asks for a restore from the recycle bin, and test it once.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_bin.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_bin_hiw.html",
    ],
    check: insider_protection_off,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"tenancy.tiers": [{"name": "Starter", "answers": {
                "tenants": {"value": 80},
                "insider_protection_days": {"value": 0}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"tenancy.tiers": [{"name": "Starter", "answers": {
                "insider_protection_days": {"value": 14}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["m365"]}},
              "groups": {"tenancy.tiers": [{"name": "M365 only", "answers": {
                "insider_protection_days": {"value": 0}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
              "groups": {"tenancy.tiers": [{"name": "Starter", "answers": {
                "insider_protection_days": {"dont_know": true}}}]}}"#,
    },
];

fn insider_protection_off(c: &mut Check<'_>) {
    if !offers(c, &["cloud_connect_backup"]) {
        return;
    }
    for tier in c.items("tenancy.tiers") {
        let days = tier.get("insider_protection_days").number();
        let evidence = days.evidence();
        if c.known(days) == Some(0.0) {
            c.fire(
                format!(
                    "{} keeps no deleted backups (insider protection off): an attacker in a \
                     tenant's backup server can delete its cloud copies for good",
                    tier_name(&tier)
                ),
                vec![evidence],
            );
        }
    }
}
