use super::{CLOUD_CONNECT, SINCE, offers};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-004",
    title: "Tenants run with no quota, task or bandwidth limit at all",
    category: Category::MultiTenancy,
    severity: Severity::High,
    since: SINCE,
    checks: "The number of tenants the partner says have no quota, task or bandwidth limit \
             at all: any is a finding, high when Cloud Connect is offered, medium otherwise.",
    why: "These are the noisy neighbours waiting to happen: at one provider, tenant A's \
          backups crawled because tenant B ran a restore that saturated the shared storage \
          controller. An unlimited tenant can take every task slot, the whole uplink or \
          the whole repository.",
    remediation: &[
        "List the tenants without limits (Cloud Connect console, or the Service Provider \
         Console's company list) and find out why each has none: a legacy account, an \
         internal test, a large customer?",
        "Give each at least a task limit and a quota, and a bandwidth limit unless the \
         tenant has a dedicated link.",
        "If a tenant truly needs more, give it dedicated repositories and storage rather \
         than no limits on shared ones.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
    ],
    check: unlimited_tenants,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"tenancy.unlimited_tenants": {"value": 3},
              "engagement.tenant_count": {"value": 240}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"tenancy.unlimited_tenants": {"value": 0}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"tenancy.unlimited_tenants": {"dont_know": true}}}"#,
    },
];

fn unlimited_tenants(c: &mut Check<'_>) {
    let unlimited = c.get("tenancy.unlimited_tenants").number();
    let evidence = unlimited.evidence();
    let Some(unlimited) = c.known(unlimited) else {
        return;
    };
    if unlimited > 0.0 {
        let total = c.get("engagement.tenant_count").number();
        let of = total
            .value()
            .map_or_else(String::new, |total| format!(" of {total}"));
        // Off Cloud Connect (Microsoft 365, object storage) fewer limits exist to set.
        let severity = if offers(c, CLOUD_CONNECT) {
            Severity::High
        } else {
            Severity::Medium
        };
        c.fire_at(
            severity,
            format!(
                "{unlimited}{of} tenants have no quota, task or bandwidth limit at all: any of \
                 them can starve the others"
            ),
            vec![evidence, total.evidence()],
        );
    }
}
