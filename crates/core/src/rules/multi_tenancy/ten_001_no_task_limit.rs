use super::{CLOUD_CONNECT, Limit, SINCE, limit, offers, tier_name};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-001",
    title: "Tenant tier has no concurrent task limit",
    category: Category::MultiTenancy,
    severity: Severity::High,
    since: SINCE,
    checks: "Each tenant tier whose maximum concurrent tasks per tenant is answered \"not \
             applicable\" (no limit), when Cloud Connect backup or replication is offered.",
    why: "Every task takes a slot on the gateways, proxies and repositories all tenants \
          share, and a Cloud Connect pod handles about 1,000 concurrent tasks in total. \
          Without a per-tenant limit, one tenant starting many jobs at once takes the slots \
          the others need, and their backups queue or miss the window.",
    remediation: &[
        "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
         Bandwidth): is Max concurrent tasks set for each of them?",
        "Set a limit that fits what the tenant pays for and what the repositories and \
         gateways can carry (add up the limits of all tenants and compare with the pod's \
         capacity); set it on the plan or template new tenants are created from.",
        "Tell the tenants before you apply it: jobs with more VMs than the limit will \
         process them in turn.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_tasks.html",
    ],
    check: no_task_limit,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Bronze", "answers": {
              "tenants": {"value": 120},
              "max_concurrent_tasks": {"not_applicable": "no limit set"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Bronze", "answers": {
              "max_concurrent_tasks": {"value": 4}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["m365"]}},
              "groups": {"tenancy.tiers": [{"name": "Microsoft 365", "answers": {
                "max_concurrent_tasks": {"not_applicable": "not Cloud Connect tenants"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup", "hosted_backup"]}},
              "groups": {"tenancy.tiers": [{"name": "Hosted VMs", "answers": {
                "service": {"value": "hosted_backup"},
                "max_concurrent_tasks": {"not_applicable": "not a Cloud Connect tier"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Bronze", "answers": {
              "max_concurrent_tasks": {"dont_know": true}}}]}}"#,
    },
];

fn no_task_limit(c: &mut Check<'_>) {
    if !offers(c, CLOUD_CONNECT) {
        return;
    }
    for tier in c.items("tenancy.tiers") {
        let tasks = tier.get("max_concurrent_tasks").number();
        let evidence = tasks.evidence();
        if let Limit::Unlimited = limit(c, tasks) {
            c.fire(
                format!(
                    "{} has no per-tenant concurrent task limit: one tenant can take every \
                     gateway, proxy and repository slot",
                    tier_name(&tier)
                ),
                vec![evidence],
            );
        }
    }
}
