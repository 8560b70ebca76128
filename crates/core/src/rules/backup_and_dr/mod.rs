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

use super::{Check, Rule};

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

/// Whether DR is offered; an unknown answer records what is needed.
fn dr_offered(c: &mut Check<'_>) -> bool {
    let offered = c.get("engagement.dr_offered").bool();
    c.known(offered) == Some(true)
}
