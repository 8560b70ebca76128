//! Versions: Veeam products on supported builds, hypervisors on Veeam's list of supported
//! platforms.
//!
//! The baselines below are the oldest builds this rule set accepts (rule set 1.0.0, checked
//! against Veeam's build tables and product lifecycle page). When Veeam ends support for a
//! version, raise the baseline and bump the rule set version.
//!
//! A version answered with fewer numbers than a comparison needs is not taken as `.0`: `12.3`
//! stands for any 12.3 build. Where the numbers given cannot decide a comparison (`12.3` against
//! the build 12.3.1.1139), or the rule looks at the build itself, the rule asks for the version to
//! be verified (`Check::imprecise`) rather than passing. Rules that need only the major version
//! (the sizing rules' 12 or 13) read `12.3` as it is.

mod ver_001_vbr_below_baseline;
mod ver_002_vspc_below_baseline;
mod ver_003_vb365_below_baseline;
mod ver_004_cluster_unsupported;
mod ver_005_enterprise_manager_behind;
mod ver_006_upgrades_unchecked;

use super::{Check, Rule, Vector};

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    ver_001_vbr_below_baseline::RULE,
    ver_002_vspc_below_baseline::RULE,
    ver_003_vb365_below_baseline::RULE,
    ver_004_cluster_unsupported::RULE,
    ver_005_enterprise_manager_behind::RULE,
    ver_006_upgrades_unchecked::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        ver_001_vbr_below_baseline::RULE.id,
        ver_001_vbr_below_baseline::VECTORS,
    ),
    (
        ver_002_vspc_below_baseline::RULE.id,
        ver_002_vspc_below_baseline::VECTORS,
    ),
    (
        ver_003_vb365_below_baseline::RULE.id,
        ver_003_vb365_below_baseline::VECTORS,
    ),
    (
        ver_004_cluster_unsupported::RULE.id,
        ver_004_cluster_unsupported::VECTORS,
    ),
    (
        ver_005_enterprise_manager_behind::RULE.id,
        ver_005_enterprise_manager_behind::VECTORS,
    ),
    (
        ver_006_upgrades_unchecked::RULE.id,
        ver_006_upgrades_unchecked::VECTORS,
    ),
];

/// Veeam build numbers have four numbers: 12.3.1.1139 (KB2680). Fixes, security fixes among them,
/// ship as new builds of the same version: 12.3.2.3617, then 12.3.2.4165.
const FULL_BUILD: usize = 4;

fn dotted(baseline: &[u32]) -> String {
    baseline
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// Fires when the product version answered at `id` is older than `baseline`; asks for it to be
/// verified when the numbers given cannot tell.
fn below_baseline(
    c: &mut Check<'_>,
    id: &'static str,
    product: &str,
    baseline: &[u32],
    consequence: &str,
) {
    let version = c.get(id).version();
    let evidence = version.evidence();
    let Some(version) = c.known(version) else {
        return;
    };
    match version.older_than_release(baseline) {
        Some(true) => c.fire(
            format!(
                "{product} {version} is older than the baseline {}: {consequence}",
                dotted(baseline)
            ),
            vec![evidence],
        ),
        Some(false) => {}
        None => c.imprecise(
            &evidence,
            &format!(
                "it could not be compared with the baseline {}",
                dotted(baseline)
            ),
        ),
    }
}
