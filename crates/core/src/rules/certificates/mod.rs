//! Certificates: expiry, renewal timing, automation and trust.

mod crt_001_expiring;
mod crt_002_renewal_in_backup_window;
mod crt_003_untrusted_gateway_certificate;
mod crt_004_expiry_not_monitored;
mod crt_005_manual_renewal;

use super::{Rule, Vector};

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    crt_001_expiring::RULE,
    crt_002_renewal_in_backup_window::RULE,
    crt_003_untrusted_gateway_certificate::RULE,
    crt_004_expiry_not_monitored::RULE,
    crt_005_manual_renewal::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (crt_001_expiring::RULE.id, crt_001_expiring::VECTORS),
    (
        crt_002_renewal_in_backup_window::RULE.id,
        crt_002_renewal_in_backup_window::VECTORS,
    ),
    (
        crt_003_untrusted_gateway_certificate::RULE.id,
        crt_003_untrusted_gateway_certificate::VECTORS,
    ),
    (
        crt_004_expiry_not_monitored::RULE.id,
        crt_004_expiry_not_monitored::VECTORS,
    ),
    (
        crt_005_manual_renewal::RULE.id,
        crt_005_manual_renewal::VECTORS,
    ),
];
