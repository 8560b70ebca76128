//! Network: the links backup, replication and tenant traffic cross (MTU, jumbo frames, what the
//! carrier does to the traffic, redundancy, WAN acceleration) and the network services every
//! Veeam component depends on (DNS, time, documented ports).

mod net_001_mtu_mismatch;
mod net_002_jumbo_not_end_to_end;
mod net_003_carrier_modifies_traffic;
mod net_004_dns_resolution;
mod net_005_no_time_source;
mod net_006_ports_not_documented;
mod net_007_single_tenant_link;
mod net_008_slow_link_without_wan_acceleration;

use super::cloud_connect::BP_GATEWAYS;
use super::{Check, ItemView, Proof, Rule, Vector};

const SINCE: &str = "1.0.0";

/// Answers to the time source question that mean there is none. Anonymised answers keep them
/// (`crate::anonymise`): they are not customer data, and this rule reads them.
pub(crate) const NO_TIME_SOURCE: &[&str] = &[
    "none",
    "no",
    "nothing",
    "n/a",
    "na",
    "-",
    "not configured",
    "unknown",
    "local clock",
    "default",
];

const RFC_PMTU_BLACK_HOLE: &str = "https://www.rfc-editor.org/rfc/rfc2923";

pub(super) const RULES: &[Rule] = &[
    net_001_mtu_mismatch::RULE,
    net_002_jumbo_not_end_to_end::RULE,
    net_003_carrier_modifies_traffic::RULE,
    net_004_dns_resolution::RULE,
    net_005_no_time_source::RULE,
    net_006_ports_not_documented::RULE,
    net_007_single_tenant_link::RULE,
    net_008_slow_link_without_wan_acceleration::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (net_001_mtu_mismatch::RULE.id, net_001_mtu_mismatch::VECTORS),
    (
        net_002_jumbo_not_end_to_end::RULE.id,
        net_002_jumbo_not_end_to_end::VECTORS,
    ),
    (
        net_003_carrier_modifies_traffic::RULE.id,
        net_003_carrier_modifies_traffic::VECTORS,
    ),
    (
        net_004_dns_resolution::RULE.id,
        net_004_dns_resolution::VECTORS,
    ),
    (
        net_005_no_time_source::RULE.id,
        net_005_no_time_source::VECTORS,
    ),
    (
        net_006_ports_not_documented::RULE.id,
        net_006_ports_not_documented::VECTORS,
    ),
    (
        net_007_single_tenant_link::RULE.id,
        net_007_single_tenant_link::VECTORS,
    ),
    (
        net_008_slow_link_without_wan_acceleration::RULE.id,
        net_008_slow_link_without_wan_acceleration::VECTORS,
    ),
];

/// A link named for messages: `“AMS1-EHV1” (AMS1 to EHV1)` when the sites are known.
fn label(link: &ItemView<'_>) -> String {
    let from = link.get("from_site").text();
    let to = link.get("to_site").text();
    // The far end may be one of the fixed choices of `to_site` rather than a site.
    let to = to.value().map(|to| match to.as_str() {
        "internet" => "the internet",
        "tenant" => "a tenant's network",
        site => site,
    });
    match (from.value(), to) {
        (Some(from), Some(to)) => format!("“{}” ({from} to {to})", link.name()),
        _ => format!("“{}”", link.name()),
    }
}

/// The traffic a link carries, when known.
fn purpose<'a>(c: &mut Check<'_>, link: &ItemView<'a>) -> Option<(Vec<String>, Proof<'a>)> {
    let fact = link.get("purpose").choices();
    let evidence = fact.evidence();
    c.known(fact).map(|purposes| (purposes, evidence))
}
