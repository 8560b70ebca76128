//! Cloud Connect: gateways (redundancy, names, domain membership, what sits in front of them,
//! sizing), the Cloud Connect server and the pod's task limit.
//!
//! Sources: Veeam's service provider best practices (cloud gateways, pod sizing), the Veeam Cloud
//! Connect Guide, and the Cloud Connect reference architecture (vccbook.io).

mod cc_001_too_few_gateways;
mod cc_002_gateway_without_name;
mod cc_003_gateway_domain_joined;
mod cc_004_load_balancer_breaks_tls;
mod cc_005_inspected_gateway;
mod cc_006_connections_per_gateway;
mod cc_007_gateway_ram;
mod cc_008_gateway_cores;
mod cc_009_server_sizing;
mod cc_010_pod_tasks;
mod cc_011_gateways_at_one_site;
mod cc_012_untrusted_certificate_type;

use super::{Check, Fact, FactState, ItemView, Proof, Rule, Vector};
use crate::answers::Value;

const SINCE: &str = "1.0.0";

/// Veeam's best practice for Cloud Connect gateways; network rules cite it too.
pub(super) const BP_GATEWAYS: &str =
    "https://bp.veeam.com/sp/Offsite_Backup/O_Build/cloud-gateways.html";
const BP_POD: &str = "https://bp.veeam.com/sp/Offsite_Backup/O_Build/pod-sizing.html";
const HC_GATEWAY: &str =
    "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_gateway.html";

pub(super) const RULES: &[Rule] = &[
    cc_001_too_few_gateways::RULE,
    cc_002_gateway_without_name::RULE,
    cc_003_gateway_domain_joined::RULE,
    cc_004_load_balancer_breaks_tls::RULE,
    cc_005_inspected_gateway::RULE,
    cc_006_connections_per_gateway::RULE,
    cc_007_gateway_ram::RULE,
    cc_008_gateway_cores::RULE,
    cc_009_server_sizing::RULE,
    cc_010_pod_tasks::RULE,
    cc_011_gateways_at_one_site::RULE,
    cc_012_untrusted_certificate_type::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        cc_001_too_few_gateways::RULE.id,
        cc_001_too_few_gateways::VECTORS,
    ),
    (
        cc_002_gateway_without_name::RULE.id,
        cc_002_gateway_without_name::VECTORS,
    ),
    (
        cc_003_gateway_domain_joined::RULE.id,
        cc_003_gateway_domain_joined::VECTORS,
    ),
    (
        cc_004_load_balancer_breaks_tls::RULE.id,
        cc_004_load_balancer_breaks_tls::VECTORS,
    ),
    (
        cc_005_inspected_gateway::RULE.id,
        cc_005_inspected_gateway::VECTORS,
    ),
    (
        cc_006_connections_per_gateway::RULE.id,
        cc_006_connections_per_gateway::VECTORS,
    ),
    (cc_007_gateway_ram::RULE.id, cc_007_gateway_ram::VECTORS),
    (cc_008_gateway_cores::RULE.id, cc_008_gateway_cores::VECTORS),
    (cc_009_server_sizing::RULE.id, cc_009_server_sizing::VECTORS),
    (cc_010_pod_tasks::RULE.id, cc_010_pod_tasks::VECTORS),
    (
        cc_011_gateways_at_one_site::RULE.id,
        cc_011_gateways_at_one_site::VECTORS,
    ),
    (
        cc_012_untrusted_certificate_type::RULE.id,
        cc_012_untrusted_certificate_type::VECTORS,
    ),
];

/// The number of gateways listed, as a fact with the names as evidence.
fn gateway_count(gateways: &[ItemView<'_>]) -> Fact<'static, usize> {
    let names: Vec<&str> = gateways.iter().map(ItemView::name).collect();
    Fact::derived(
        "cloud_connect.gateways".to_owned(),
        FactState::Known(gateways.len()),
        format!("{} listed: {}", gateways.len(), names.join(", ")),
    )
}

/// The tenant port as the partner gave it, or the default.
fn tenant_port(c: &Check<'_>) -> String {
    match c.get("cloud_connect.tenant_port").value() {
        Some(Value::Integer(port)) => format!("TCP {port}"),
        _ => "the Cloud Connect port (TCP 6180 by default)".to_owned(),
    }
}

/// What sits in front of a gateway, when known.
fn in_front<'a>(c: &mut Check<'_>, gateway: &ItemView<'a>) -> Option<(Vec<String>, Proof<'a>)> {
    let fact = gateway.get("in_front").choices();
    let evidence = fact.evidence();
    c.known(fact).map(|devices| (devices, evidence))
}
