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

use super::Rule;

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
