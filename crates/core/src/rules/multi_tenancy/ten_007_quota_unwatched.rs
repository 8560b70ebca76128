use super::SINCE;
use crate::rules::{Category, Check, Expect, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-007",
    title: "Tenant quota use is not watched, or the alert comes too late",
    category: Category::MultiTenancy,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether someone watches tenants' quota use (when any tier has a quota), and \
             whether the quota alert fires at or below `quota_alert_percent` (default 85 %).",
    why: "A quota that fills fails the tenant's next backup, and a full backup or compact \
          operation needs room for a whole extra full inside the quota. An alert at 99 % \
          leaves no time to extend the quota; without one, the tenant is the first to know.",
    remediation: &[
        "Check where quota use is visible today (Service Provider Console alarms, Veeam \
         ONE, a script) and who receives the alert.",
        "Set the alert at 85 % or lower and route it to the team that can extend quotas \
         or talk to the tenant.",
        "Review tenants above the threshold weekly, together with repository free space.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
        "https://github.com/VeeamHub/veeam-healthcheck",
    ],
    check: quota_unwatched,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["none"]}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]},
              "tenancy.quota_alert_percent": {"value": 95}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]},
              "tenancy.quota_alert_percent": {"value": 80}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["none"]}},
              "groups": {"tenancy.tiers": [{"name": "Microsoft 365", "answers": {
                "storage_quota_gb": {"not_applicable": "billed per user, no quota"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]},
              "tenancy.quota_alert_percent": {"dont_know": true}}}"#,
    },
];

fn quota_unwatched(c: &mut Check<'_>) {
    // Tiers that all answer "not applicable" to the quota have none to watch (TEN-003 asks
    // for the quotas themselves).
    let tiers = c.items("tenancy.tiers");
    let quotas_used = tiers.is_empty()
        || tiers
            .iter()
            .any(|tier| !matches!(tier.get("storage_quota_gb").state, FactState::NotApplicable));
    if !quotas_used {
        return;
    }
    let warnings = c.get("tenancy.monitored_warnings").choices();
    let evidence = warnings.evidence();
    let Some(warnings) = c.known(warnings) else {
        return;
    };
    if !warnings.iter().any(|w| w == "quota_threshold") {
        c.fire(
            "Nobody watches tenants' quota use: a full quota fails the tenant's next backup, \
             and the tenant is the first to know"
                .to_owned(),
            vec![evidence],
        );
        return;
    }
    let percent = c.get("tenancy.quota_alert_percent").number();
    let percent_evidence = percent.evidence();
    let threshold = c.config.quota_alert_percent;
    if let Some(percent) = c.known(percent)
        && percent > threshold
    {
        c.fire(
            format!(
                "The tenant quota alert fires at {percent} %, above {threshold} %: too late to \
                 extend a quota before the next full backup fails"
            ),
            vec![evidence, percent_evidence],
        );
    }
}
