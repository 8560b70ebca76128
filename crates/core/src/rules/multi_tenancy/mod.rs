//! Multi-tenancy: the limits that keep one tenant from starving the others (tasks, bandwidth,
//! quota, storage I/O), and the protections that keep each tenant's data and networks apart.
//!
//! Tier limits are asked per plan. For a limit question without a condition, "not applicable"
//! is how the partner says the tier has no such limit; the rules read it that way.

mod ten_001_no_task_limit;
mod ten_002_no_bandwidth_limit;
mod ten_003_no_storage_quota;
mod ten_004_unlimited_tenants;
mod ten_005_shared_storage_without_isolation;
mod ten_006_insider_protection_off;
mod ten_007_quota_unwatched;
mod ten_008_leases_unwatched;
mod ten_009_replica_networks_shared;

use super::{Check, Fact, FactState, ItemView, Rule, Vector};

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    ten_001_no_task_limit::RULE,
    ten_002_no_bandwidth_limit::RULE,
    ten_003_no_storage_quota::RULE,
    ten_004_unlimited_tenants::RULE,
    ten_005_shared_storage_without_isolation::RULE,
    ten_006_insider_protection_off::RULE,
    ten_007_quota_unwatched::RULE,
    ten_008_leases_unwatched::RULE,
    ten_009_replica_networks_shared::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        ten_001_no_task_limit::RULE.id,
        ten_001_no_task_limit::VECTORS,
    ),
    (
        ten_002_no_bandwidth_limit::RULE.id,
        ten_002_no_bandwidth_limit::VECTORS,
    ),
    (
        ten_003_no_storage_quota::RULE.id,
        ten_003_no_storage_quota::VECTORS,
    ),
    (
        ten_004_unlimited_tenants::RULE.id,
        ten_004_unlimited_tenants::VECTORS,
    ),
    (
        ten_005_shared_storage_without_isolation::RULE.id,
        ten_005_shared_storage_without_isolation::VECTORS,
    ),
    (
        ten_006_insider_protection_off::RULE.id,
        ten_006_insider_protection_off::VECTORS,
    ),
    (
        ten_007_quota_unwatched::RULE.id,
        ten_007_quota_unwatched::VECTORS,
    ),
    (
        ten_008_leases_unwatched::RULE.id,
        ten_008_leases_unwatched::VECTORS,
    ),
    (
        ten_009_replica_networks_shared::RULE.id,
        ten_009_replica_networks_shared::VECTORS,
    ),
];

/// What a tier says about one of its limits.
enum Limit<T> {
    Set(T),
    /// Answered "not applicable": the tier has no such limit.
    Unlimited,
    /// Not known: a needs-verification finding was recorded.
    Unknown,
    /// Not asked of this tier (it sells another service than Cloud Connect).
    NotAsked,
}

/// Reads a tier limit: the partner's "Does not apply" means no limit; a limit hidden because the
/// tier sells another service than Cloud Connect is none of the rule's business.
fn limit<T>(c: &mut Check<'_>, fact: Fact<'_, T>) -> Limit<T> {
    if fact.said_not_applicable() {
        return Limit::Unlimited;
    }
    if matches!(fact.state, FactState::NotApplicable) {
        return Limit::NotAsked;
    }
    c.known(fact).map_or(Limit::Unknown, Limit::Set)
}

/// “Bronze” (120 tenants), or just “Bronze” when the count is not known.
fn tier_name(tier: &ItemView<'_>) -> String {
    match tier.get("tenants").number().value() {
        Some(tenants) => format!("Tier “{}” ({tenants} tenants)", tier.name()),
        None => format!("Tier “{}”", tier.name()),
    }
}

/// Whether the answers say one of these services is offered; unknown services count as
/// offered.
fn offers(c: &Check<'_>, any_of: &[&str]) -> bool {
    c.get("engagement.services")
        .choices()
        .value()
        .is_none_or(|services| services.iter().any(|s| any_of.contains(&s.as_str())))
}

/// Cloud Connect, where per-tenant task and bandwidth limits are set.
const CLOUD_CONNECT: &[&str] = &["cloud_connect_backup", "cloud_connect_replication"];
