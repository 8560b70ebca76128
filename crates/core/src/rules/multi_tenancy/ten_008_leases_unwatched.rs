use super::{SINCE, offers};
use crate::rules::{Category, Check, Expect, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-008",
    title: "Expired leases or unused replica resources are not watched",
    category: Category::MultiTenancy,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether someone watches tenant leases that expire (when any tier has a lease) \
             and, when Cloud Connect replication is offered, replica resources (hardware \
             plans) that no tenant subscribes to.",
    why: "When a lease expires, the tenant account is disabled and its backup, copy and \
          replication jobs stop: a tenant can go unprotected because of an admin date. \
          Replica resources nobody uses hold DR capacity that a real failover needs.",
    remediation: &[
        "Add expiring leases (for example 30 days ahead) to the alarms the operations team \
         watches, with the account manager in copy.",
        "List hardware plans without subscribers each month and release or resize them.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_hardware_plan.html",
    ],
    check: leases_unwatched,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_replication"]},
              "tenancy.monitored_warnings": {"value": ["expired_leases"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_replication"]},
              "tenancy.monitored_warnings": {"value": ["expired_leases", "unused_replica_resources"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_backup"]},
              "tenancy.monitored_warnings": {"value": ["none"]}},
              "groups": {"tenancy.tiers": [{"name": "Standard", "answers": {
                "lease_length": {"not_applicable": "no leases"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"tenancy.monitored_warnings": {"dont_know": true}}}"#,
    },
];

fn leases_unwatched(c: &mut Check<'_>) {
    let warnings = c.get("tenancy.monitored_warnings").choices();
    let evidence = warnings.evidence();
    let Some(warnings) = c.known(warnings) else {
        return;
    };
    let watched = |warning: &str| warnings.iter().any(|w| w == warning);
    let tiers = c.items("tenancy.tiers");
    let leases_used = tiers.is_empty()
        || tiers
            .iter()
            .any(|tier| !matches!(tier.get("lease_length").state, FactState::NotApplicable));
    if leases_used && !watched("expired_leases") {
        c.fire(
            "Nobody watches tenant leases: when one expires, that tenant's jobs stop without \
             anyone noticing"
                .to_owned(),
            vec![evidence.clone()],
        );
    }
    let services = c.get("engagement.services").choices();
    // Services not known count as offered, as for every tenancy rule.
    let replication = offers(c, &["cloud_connect_replication"]);
    if replication && !watched("unused_replica_resources") {
        c.fire_at(
            Severity::Low,
            "Nobody watches replica resources that no tenant subscribes to: they hold DR \
             capacity a real failover needs"
                .to_owned(),
            vec![evidence, services.evidence()],
        );
    }
}
