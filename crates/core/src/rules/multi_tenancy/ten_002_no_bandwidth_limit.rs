use super::{CLOUD_CONNECT, SINCE, offers, tier_name};
use crate::rules::{Category, Check, Expect, Proof, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-002",
    title: "Tenant tier has no effective bandwidth limit",
    category: Category::MultiTenancy,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Each tenant tier that does not limit incoming traffic per tenant, and each \
             tier whose limit is not below the bandwidth of the largest network link that \
             carries tenant Cloud Connect traffic, when Cloud Connect is offered.",
    why: "Without a bandwidth limit, one tenant seeding a large full backup fills the \
          uplink and the gateways, and every other tenant's jobs slow down or time out. A \
          limit as large as the link itself protects nobody.",
    remediation: &[
        "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
         Bandwidth): is Limit network traffic from this tenant set?",
        "Set a limit per tenant well below the uplink (a fraction that lets several \
         tenants run at once), on the plan or template new tenants are created from.",
        "For initial seeding of large tenants, offer seeding on disk or a temporary \
         higher limit outside the peak backup window instead of no limit.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
    ],
    check: no_bandwidth_limit,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Silver", "answers": {
              "bandwidth_limited": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {
              "tenancy.tiers": [{"name": "Silver", "answers": {
                "bandwidth_limited": {"value": true},
                "bandwidth_limit_mbps": {"value": 10000}}}],
              "network.links": [{"name": "Internet uplink", "answers": {
                "purpose": {"value": ["tenant_cloud_connect"]},
                "bandwidth_mbits": {"value": 1000}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {
              "tenancy.tiers": [{"name": "Silver", "answers": {
                "bandwidth_limited": {"value": true},
                "bandwidth_limit_mbps": {"value": 200}}}],
              "network.links": [{"name": "Internet uplink", "answers": {
                "purpose": {"value": ["tenant_cloud_connect"]},
                "bandwidth_mbits": {"value": 10000}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"tenancy.tiers": [{"name": "Silver", "answers": {
              "bandwidth_limited": {"dont_know": true}}}]}}"#,
    },
];

fn no_bandwidth_limit(c: &mut Check<'_>) {
    if !offers(c, CLOUD_CONNECT) {
        return;
    }
    // The largest link that carries tenant Cloud Connect traffic: read once a tier's limit is
    // to be compared with it.
    let mut uplink = None;
    for tier in c.items("tenancy.tiers") {
        let limited = tier.get("bandwidth_limited").bool();
        let limited_evidence = limited.evidence();
        match c.known(limited) {
            Some(false) => c.fire(
                format!(
                    "{} does not limit incoming traffic per tenant: one tenant seeding a full \
                     backup can fill the uplink for everyone",
                    tier_name(&tier)
                ),
                vec![limited_evidence],
            ),
            Some(true) => {
                let mbps = tier.get("bandwidth_limit_mbps").number();
                let mbps_evidence = mbps.evidence();
                let Some(mbps) = c.known(mbps) else {
                    continue;
                };
                if let Some((link, mbits, link_evidence)) =
                    uplink.get_or_insert_with(|| largest_uplink(c))
                    && mbps >= *mbits
                {
                    c.fire(
                        format!(
                            "{} limits each tenant to {mbps} Mbit/s, not below the {mbits} \
                             Mbit/s of link “{link}” that carries tenant traffic: the limit \
                             protects nobody",
                            tier_name(&tier)
                        ),
                        vec![limited_evidence, mbps_evidence, link_evidence.clone()],
                    );
                }
            }
            None => {}
        }
    }
}

/// The largest link that carries tenant Cloud Connect traffic and the evidence of its
/// bandwidth, asking for a purpose or a bandwidth not known.
fn largest_uplink<'a>(c: &mut Check<'a>) -> Option<(String, f64, Proof<'a>)> {
    let mut largest: Option<(String, f64, Proof<'a>)> = None;
    for link in c.items("network.links") {
        let purpose = link.get("purpose").choices();
        if !c
            .filter(purpose)
            .is_some_and(|p| p.iter().any(|p| p == "tenant_cloud_connect"))
        {
            continue;
        }
        let bandwidth = link.get("bandwidth_mbits").number();
        let evidence = bandwidth.evidence();
        if let Some(mbits) = c.filter(bandwidth)
            && largest.as_ref().is_none_or(|(_, most, _)| mbits > *most)
        {
            largest = Some((link.name().to_owned(), mbits, evidence));
        }
    }
    largest
}
