//! Versions: Veeam products on supported builds, hypervisors on Veeam's list of supported
//! platforms.
//!
//! The baselines below are the oldest builds this rule set accepts (rule set 1.0.0, checked
//! against Veeam's build tables and product lifecycle page). When Veeam ends support for a
//! version, raise the baseline and bump the rule set version.

mod ver_001_vbr_below_baseline;
mod ver_002_vspc_below_baseline;
mod ver_003_vb365_below_baseline;
mod ver_004_cluster_unsupported;
mod ver_005_enterprise_manager_behind;
mod ver_006_upgrades_unchecked;

use super::{Check, Rule};
use crate::values::Version;

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    ver_001_vbr_below_baseline::RULE,
    ver_002_vspc_below_baseline::RULE,
    ver_003_vb365_below_baseline::RULE,
    ver_004_cluster_unsupported::RULE,
    ver_005_enterprise_manager_behind::RULE,
    ver_006_upgrades_unchecked::RULE,
];

/// Whether a version is older than a baseline (missing parts count as 0).
fn older_than(version: &Version, baseline: &[u32]) -> bool {
    let parts = version.parts();
    for index in 0..parts.len().max(baseline.len()) {
        let have = parts.get(index).copied().unwrap_or(0);
        let want = baseline.get(index).copied().unwrap_or(0);
        if have != want {
            return have < want;
        }
    }
    false
}

fn dotted(baseline: &[u32]) -> String {
    baseline
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// Fires when the product version answered at `id` is older than `baseline`.
fn below_baseline(
    c: &mut Check<'_>,
    id: &'static str,
    product: &str,
    baseline: &[u32],
    consequence: &str,
) {
    let version = c.get(id).version();
    let evidence = version.evidence();
    if let Some(version) = c.known(version)
        && older_than(&version, baseline)
    {
        c.fire(
            format!(
                "{product} {version} is older than the baseline {}: {consequence}",
                dotted(baseline)
            ),
            vec![evidence],
        );
    }
}
