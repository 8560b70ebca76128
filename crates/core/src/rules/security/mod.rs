//! Security of the backup platform: console access (MFA, four-eyes, separate accounts, remote
//! access), isolation from the production domain, hardening (old protocols, patching, EDR
//! exclusions), encryption and its keys, malware detection and tenant insider protection.
//!
//! Sources: the Veeam Backup & Replication User Guide (securing the backup infrastructure, the
//! Security & Compliance Analyzer's checks, MFA, four-eyes authorisation, encryption, malware
//! detection), the Veeam Cloud Connect Guide (insider protection) and Veeam KB1999.

mod sec_001_mfa_off;
mod sec_002_four_eyes_off;
mod sec_003_production_domain;
mod sec_004_legacy_protocols;
mod sec_005_offsite_unencrypted;
mod sec_006_keys_only_on_backup_server;
mod sec_007_edr_without_exclusions;
mod sec_008_open_remote_access;
mod sec_009_insider_protection;
mod sec_010_no_malware_detection;
mod sec_011_patch_delay;
mod sec_012_shared_admin_accounts;

use super::{Rule, Vector};

const SINCE: &str = "1.0.0";

const HC_SECURING: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/securing_backup_infrastructure.html";
const HC_ANALYZER: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/best_practices_analyzer.html";

pub(super) const RULES: &[Rule] = &[
    sec_001_mfa_off::RULE,
    sec_002_four_eyes_off::RULE,
    sec_003_production_domain::RULE,
    sec_004_legacy_protocols::RULE,
    sec_005_offsite_unencrypted::RULE,
    sec_006_keys_only_on_backup_server::RULE,
    sec_007_edr_without_exclusions::RULE,
    sec_008_open_remote_access::RULE,
    sec_009_insider_protection::RULE,
    sec_010_no_malware_detection::RULE,
    sec_011_patch_delay::RULE,
    sec_012_shared_admin_accounts::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (sec_001_mfa_off::RULE.id, sec_001_mfa_off::VECTORS),
    (
        sec_002_four_eyes_off::RULE.id,
        sec_002_four_eyes_off::VECTORS,
    ),
    (
        sec_003_production_domain::RULE.id,
        sec_003_production_domain::VECTORS,
    ),
    (
        sec_004_legacy_protocols::RULE.id,
        sec_004_legacy_protocols::VECTORS,
    ),
    (
        sec_005_offsite_unencrypted::RULE.id,
        sec_005_offsite_unencrypted::VECTORS,
    ),
    (
        sec_006_keys_only_on_backup_server::RULE.id,
        sec_006_keys_only_on_backup_server::VECTORS,
    ),
    (
        sec_007_edr_without_exclusions::RULE.id,
        sec_007_edr_without_exclusions::VECTORS,
    ),
    (
        sec_008_open_remote_access::RULE.id,
        sec_008_open_remote_access::VECTORS,
    ),
    (
        sec_009_insider_protection::RULE.id,
        sec_009_insider_protection::VECTORS,
    ),
    (
        sec_010_no_malware_detection::RULE.id,
        sec_010_no_malware_detection::VECTORS,
    ),
    (sec_011_patch_delay::RULE.id, sec_011_patch_delay::VECTORS),
    (
        sec_012_shared_admin_accounts::RULE.id,
        sec_012_shared_admin_accounts::VECTORS,
    ),
];
