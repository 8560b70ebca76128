//! Repositories: how hardened repositories are built and locked down, immutability, RAID and
//! file system, free space, scale-out placement, and the configuration backup that rebuilds the
//! platform after the backup server is lost.

mod rep_001_hardened_virtual;
mod rep_002_hardened_ssh;
mod rep_003_hardened_proxy;
mod rep_004_hardened_credentials;
mod rep_005_immutability_short;
mod rep_006_no_fast_clone;
mod rep_007_weak_raid;
mod rep_008_no_write_back_cache;
mod rep_009_low_free_space;
mod rep_010_immutability_claimed_but_absent;
mod rep_011_sobr_mixed;
mod rep_012_sobr_performance_policy;
mod rep_013_config_backup_off;
mod rep_014_config_backup_local;
mod rep_015_config_backup_unencrypted;

use super::{Check, ItemView, Proof, Rule, Vector};

const SINCE: &str = "1.0.0";

const HARDENED_LIMITATIONS: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/hardened_repository_limitations.html";
const HARDENED: &str = "https://helpcenter.veeam.com/docs/backup/vsphere/hardened_repository.html";
const BLOCK_REPOSITORIES: &str = "https://bp.veeam.com/vbr/3_Build_structures/B_Veeam_Components/B_backup_repositories/block.html";
const CONFIG_BACKUP: &str = "https://helpcenter.veeam.com/docs/backup/vsphere/vbr_config.html";

pub(super) const RULES: &[Rule] = &[
    rep_001_hardened_virtual::RULE,
    rep_002_hardened_ssh::RULE,
    rep_003_hardened_proxy::RULE,
    rep_004_hardened_credentials::RULE,
    rep_005_immutability_short::RULE,
    rep_006_no_fast_clone::RULE,
    rep_007_weak_raid::RULE,
    rep_008_no_write_back_cache::RULE,
    rep_009_low_free_space::RULE,
    rep_010_immutability_claimed_but_absent::RULE,
    rep_011_sobr_mixed::RULE,
    rep_012_sobr_performance_policy::RULE,
    rep_013_config_backup_off::RULE,
    rep_014_config_backup_local::RULE,
    rep_015_config_backup_unencrypted::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        rep_001_hardened_virtual::RULE.id,
        rep_001_hardened_virtual::VECTORS,
    ),
    (rep_002_hardened_ssh::RULE.id, rep_002_hardened_ssh::VECTORS),
    (
        rep_003_hardened_proxy::RULE.id,
        rep_003_hardened_proxy::VECTORS,
    ),
    (
        rep_004_hardened_credentials::RULE.id,
        rep_004_hardened_credentials::VECTORS,
    ),
    (
        rep_005_immutability_short::RULE.id,
        rep_005_immutability_short::VECTORS,
    ),
    (
        rep_006_no_fast_clone::RULE.id,
        rep_006_no_fast_clone::VECTORS,
    ),
    (rep_007_weak_raid::RULE.id, rep_007_weak_raid::VECTORS),
    (
        rep_008_no_write_back_cache::RULE.id,
        rep_008_no_write_back_cache::VECTORS,
    ),
    (
        rep_009_low_free_space::RULE.id,
        rep_009_low_free_space::VECTORS,
    ),
    (
        rep_010_immutability_claimed_but_absent::RULE.id,
        rep_010_immutability_claimed_but_absent::VECTORS,
    ),
    (rep_011_sobr_mixed::RULE.id, rep_011_sobr_mixed::VECTORS),
    (
        rep_012_sobr_performance_policy::RULE.id,
        rep_012_sobr_performance_policy::VECTORS,
    ),
    (
        rep_013_config_backup_off::RULE.id,
        rep_013_config_backup_off::VECTORS,
    ),
    (
        rep_014_config_backup_local::RULE.id,
        rep_014_config_backup_local::VECTORS,
    ),
    (
        rep_015_config_backup_unencrypted::RULE.id,
        rep_015_config_backup_unencrypted::VECTORS,
    ),
];

/// The hardened Linux repositories, each with the evidence of its type; a repository whose type
/// is not known is asked for.
fn hardened<'a>(c: &mut Check<'a>) -> Vec<(ItemView<'a>, Proof<'a>)> {
    let mut found = Vec::new();
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let evidence = kind.evidence();
        if c.filter(kind).as_deref() == Some("hardened_linux") {
            found.push((repo, evidence));
        }
    }
    found
}

/// How a repository type reads in a message.
fn type_label(kind: &str) -> &'static str {
    match kind {
        "hardened_linux" => "Hardened repository",
        "linux" => "Linux repository",
        "windows_refs" => "ReFS repository",
        "windows_ntfs" => "NTFS repository",
        "smb_share" => "SMB share",
        "nfs_share" => "NFS share",
        "dedup_appliance" => "Deduplicating appliance",
        "object_storage" => "Object storage repository",
        _ => "Repository",
    }
}

/// How a RAID level reads in a message: `raid60` is “RAID 60”.
fn raid_label(level: &str) -> String {
    level
        .strip_prefix("raid")
        .map_or_else(|| level.to_owned(), |number| format!("RAID {number}"))
}
