//! Object storage: object lock and its mode and period, versioning, bucket settings Veeam warns
//! against (lifecycle rules, default retention), encryption at rest, and capacity tier buckets
//! nobody described.

mod obj_001_bucket_without_lock;
mod obj_002_governance_mode;
mod obj_003_lock_too_short;
mod obj_004_lock_without_versioning;
mod obj_005_lifecycle_rules;
mod obj_006_default_retention;
mod obj_007_no_encryption_at_rest;
mod obj_008_undescribed_capacity_bucket;

use super::{Rule, Vector};

const SINCE: &str = "1.0.0";

const IMMUTABILITY_LIMITATIONS: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/os_immutability_limitations.html";
const CAPACITY_TIER_IMMUTABILITY: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/immutability_capacity_tier.html";
const AWS_OBJECT_LOCK: &str =
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html";

pub(super) const RULES: &[Rule] = &[
    obj_001_bucket_without_lock::RULE,
    obj_002_governance_mode::RULE,
    obj_003_lock_too_short::RULE,
    obj_004_lock_without_versioning::RULE,
    obj_005_lifecycle_rules::RULE,
    obj_006_default_retention::RULE,
    obj_007_no_encryption_at_rest::RULE,
    obj_008_undescribed_capacity_bucket::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        obj_001_bucket_without_lock::RULE.id,
        obj_001_bucket_without_lock::VECTORS,
    ),
    (
        obj_002_governance_mode::RULE.id,
        obj_002_governance_mode::VECTORS,
    ),
    (
        obj_003_lock_too_short::RULE.id,
        obj_003_lock_too_short::VECTORS,
    ),
    (
        obj_004_lock_without_versioning::RULE.id,
        obj_004_lock_without_versioning::VECTORS,
    ),
    (
        obj_005_lifecycle_rules::RULE.id,
        obj_005_lifecycle_rules::VECTORS,
    ),
    (
        obj_006_default_retention::RULE.id,
        obj_006_default_retention::VECTORS,
    ),
    (
        obj_007_no_encryption_at_rest::RULE.id,
        obj_007_no_encryption_at_rest::VECTORS,
    ),
    (
        obj_008_undescribed_capacity_bucket::RULE.id,
        obj_008_undescribed_capacity_bucket::VECTORS,
    ),
];
