//! Backup and DR: whether failover works when it is needed, and whether backups restore. The
//! proof is in tests with dates and results, judged against the date the answers describe.

mod dr_001_dr_untested;
mod dr_002_dr_test_failed;
mod dr_003_no_dr_runbook;
mod dr_004_no_failover_plans;
mod dr_005_failback_untested;
mod dr_006_dr_site_undersized;
mod dr_007_restores_unverified;
mod dr_008_health_checks_missing;
mod dr_009_three_two_one_one_zero;
mod dr_010_rpo_unreachable;

use super::{Check, Rule, Vector};

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    dr_001_dr_untested::RULE,
    dr_002_dr_test_failed::RULE,
    dr_003_no_dr_runbook::RULE,
    dr_004_no_failover_plans::RULE,
    dr_005_failback_untested::RULE,
    dr_006_dr_site_undersized::RULE,
    dr_007_restores_unverified::RULE,
    dr_008_health_checks_missing::RULE,
    dr_009_three_two_one_one_zero::RULE,
    dr_010_rpo_unreachable::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (dr_001_dr_untested::RULE.id, dr_001_dr_untested::VECTORS),
    (
        dr_002_dr_test_failed::RULE.id,
        dr_002_dr_test_failed::VECTORS,
    ),
    (dr_003_no_dr_runbook::RULE.id, dr_003_no_dr_runbook::VECTORS),
    (
        dr_004_no_failover_plans::RULE.id,
        dr_004_no_failover_plans::VECTORS,
    ),
    (
        dr_005_failback_untested::RULE.id,
        dr_005_failback_untested::VECTORS,
    ),
    (
        dr_006_dr_site_undersized::RULE.id,
        dr_006_dr_site_undersized::VECTORS,
    ),
    (
        dr_007_restores_unverified::RULE.id,
        dr_007_restores_unverified::VECTORS,
    ),
    (
        dr_008_health_checks_missing::RULE.id,
        dr_008_health_checks_missing::VECTORS,
    ),
    (
        dr_009_three_two_one_one_zero::RULE.id,
        dr_009_three_two_one_one_zero::VECTORS,
    ),
    (
        dr_010_rpo_unreachable::RULE.id,
        dr_010_rpo_unreachable::VECTORS,
    ),
];

/// Whether DR is offered; an unknown answer records what is needed.
fn dr_offered(c: &mut Check<'_>) -> bool {
    let offered = c.get("engagement.dr_offered").bool();
    c.known(offered) == Some(true)
}
