use super::{Limit, SINCE, limit, offers, tier_name};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-003",
    title: "Tenant tier has no storage quota",
    category: Category::MultiTenancy,
    severity: Severity::High,
    since: SINCE,
    checks: "Each tenant tier whose storage quota per tenant is answered \"not applicable\" \
             (no quota), when Cloud Connect backup is offered.",
    why: "The quota is what stops one tenant's growing backup chain, or a retention \
          setting typed wrong, from filling the repository every other tenant writes to. \
          When it fills, every tenant on it fails, not only the one that grew.",
    remediation: &[
        "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
         Backup Resources): does each cloud repository resource have a quota?",
        "Give each tenant a quota that covers its chain plus room for a full backup or \
         compact operation, and alert before it fills (see TEN-007).",
        "Check that the quotas of all tenants on a repository, plus free space for \
         insider protection, fit on it.",
    ],
    references: &["https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html"],
    check: no_storage_quota,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Enterprise", "answers": {
              "storage_quota_gb": {"not_applicable": "unlimited storage"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Enterprise", "answers": {
              "storage_quota_gb": {"value": 20000}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["object_storage"]}},
              "groups": {"tenancy.tiers": [{"name": "Object Storage", "answers": {
                "storage_quota_gb": {"not_applicable": "storage accounts cannot be capped"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup", "m365"]}},
              "groups": {"tenancy.tiers": [{"name": "Microsoft 365", "answers": {
                "service": {"value": "m365"},
                "storage_quota_gb": {"not_applicable": "not a Cloud Connect tier"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Enterprise", "answers": {
              "storage_quota_gb": {"dont_know": true}}}]}}"#,
    },
];

fn no_storage_quota(c: &mut Check<'_>) {
    if !offers(c, &["cloud_connect_backup"]) {
        return;
    }
    for tier in c.items("tenancy.tiers") {
        let quota = tier.get("storage_quota_gb").number();
        let evidence = quota.evidence();
        if let Limit::Unlimited = limit(c, quota) {
            c.fire(
                format!(
                    "{} has no storage quota: one tenant's growing backups can fill the \
                     repository every other tenant writes to",
                    tier_name(&tier)
                ),
                vec![evidence],
            );
        }
    }
}
