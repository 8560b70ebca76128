use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-009",
    title: "Tenants' replica networks are not isolated",
    category: Category::MultiTenancy,
    severity: Severity::High,
    since: SINCE,
    checks: "How tenants' replica networks are kept apart, when Cloud Connect replication \
             is offered: \"none\" (replicas share a network) is a finding.",
    why: "After a failover, tenant VMs run on your hosts. If their networks are not \
          isolated, one tenant's replicas (possibly the infected ones that caused the \
          failover) can reach another tenant's, and overlapping tenant subnets collide.",
    remediation: &[
        "Check the hardware plans: which network (VLAN, segment) does each tenant's \
         replica network map to?",
        "Allocate a VLAN or an SDN segment per tenant (Cloud Connect manages a VLAN range \
         for this) and let the network extension appliance route only that tenant.",
        "Run a test failover for two tenants at once and check that neither can reach the \
         other.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/hardware_plan_network_vlans.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_network_extension_appliance.html",
    ],
    check: replica_networks_shared,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_replication"]},
              "tenancy.replica_network_isolation": {"value": "none"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_replication"]},
              "tenancy.replica_network_isolation": {"value": "vlan"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_replication"]},
              "tenancy.replica_network_isolation": {"dont_know": true}}}"#,
    },
];

fn replica_networks_shared(c: &mut Check<'_>) {
    let isolation = c.get("tenancy.replica_network_isolation").choice();
    let evidence = isolation.evidence();
    if c.known(isolation).as_deref() == Some("none") {
        c.fire(
            "Tenants' replicas share one network: after a failover, one tenant's (possibly \
             infected) VMs can reach another's, and overlapping subnets collide"
                .to_owned(),
            vec![evidence],
        );
    }
}
