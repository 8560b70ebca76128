//! Operations: how the partner finds out that something broke, who gets woken up, what they do
//! next, and how changes and incidents are handled. Mean time to recovery is mostly decided
//! before the outage.

mod ops_001_no_monitoring;
mod ops_002_alerts_reach_nobody;
mod ops_003_slow_failed_job_alert;
mod ops_004_no_on_call;
mod ops_005_runbooks_missing;
mod ops_006_runbooks_stale;
mod ops_007_changes_ad_hoc;
mod ops_008_compatibility_unchecked;
mod ops_009_no_post_incident_reviews;
mod ops_010_healthcheck_old;
mod ops_011_capacity_unreviewed;

use super::{Rule, Vector};

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    ops_001_no_monitoring::RULE,
    ops_002_alerts_reach_nobody::RULE,
    ops_003_slow_failed_job_alert::RULE,
    ops_004_no_on_call::RULE,
    ops_005_runbooks_missing::RULE,
    ops_006_runbooks_stale::RULE,
    ops_007_changes_ad_hoc::RULE,
    ops_008_compatibility_unchecked::RULE,
    ops_009_no_post_incident_reviews::RULE,
    ops_010_healthcheck_old::RULE,
    ops_011_capacity_unreviewed::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        ops_001_no_monitoring::RULE.id,
        ops_001_no_monitoring::VECTORS,
    ),
    (
        ops_002_alerts_reach_nobody::RULE.id,
        ops_002_alerts_reach_nobody::VECTORS,
    ),
    (
        ops_003_slow_failed_job_alert::RULE.id,
        ops_003_slow_failed_job_alert::VECTORS,
    ),
    (ops_004_no_on_call::RULE.id, ops_004_no_on_call::VECTORS),
    (
        ops_005_runbooks_missing::RULE.id,
        ops_005_runbooks_missing::VECTORS,
    ),
    (
        ops_006_runbooks_stale::RULE.id,
        ops_006_runbooks_stale::VECTORS,
    ),
    (
        ops_007_changes_ad_hoc::RULE.id,
        ops_007_changes_ad_hoc::VECTORS,
    ),
    (
        ops_008_compatibility_unchecked::RULE.id,
        ops_008_compatibility_unchecked::VECTORS,
    ),
    (
        ops_009_no_post_incident_reviews::RULE.id,
        ops_009_no_post_incident_reviews::VECTORS,
    ),
    (
        ops_010_healthcheck_old::RULE.id,
        ops_010_healthcheck_old::VECTORS,
    ),
    (
        ops_011_capacity_unreviewed::RULE.id,
        ops_011_capacity_unreviewed::VECTORS,
    ),
];

/// Whether a multiple choice answer picked nothing real: empty, or "none".
fn nothing(choices: &[String]) -> bool {
    choices.is_empty() || choices.iter().any(|choice| choice == "none")
}
