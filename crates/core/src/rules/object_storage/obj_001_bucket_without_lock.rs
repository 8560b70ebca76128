use super::{AWS_OBJECT_LOCK, CAPACITY_TIER_IMMUTABILITY, IMMUTABILITY_LIMITATIONS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Purposes whose copies must survive an attacker, with how they read in a message.
const COPY_PURPOSES: &[(&str, &str)] = &[
    ("capacity_tier", "capacity tier"),
    ("archive_tier", "archive tier"),
    ("backup_copy_target", "backup copies"),
    ("direct_backup_target", "direct backups"),
];

pub(super) const RULE: Rule = Rule {
    id: "OBJ-001",
    title: "Bucket holding backups or copies has no object lock",
    category: Category::ObjectStorage,
    severity: Severity::Critical,
    since: SINCE,
    checks: "Buckets used as capacity or archive tier, backup copy target or direct backup \
             target without object lock (critical); buckets offered to tenants without \
             object lock (medium).",
    why: "Without object lock anyone holding the bucket's access keys, an attacker on the \
          backup server included, can delete every backup in it. The copy meant to survive \
          ransomware is then the first one deleted.",
    remediation: &[
        "Check whether object lock can be enabled on the existing bucket (on many systems it \
         can only be set when the bucket is created, together with versioning).",
        "If it cannot, create a new bucket with versioning and object lock, add it as a new \
         object storage repository with immutability on, and point the copy job or capacity \
         tier at it.",
        "Keep the old bucket until its restore points have aged out of retention, then \
         remove it; confirm new objects carry a retention date.",
    ],
    references: &[
        CAPACITY_TIER_IMMUTABILITY,
        IMMUTABILITY_LIMITATIONS,
        AWS_OBJECT_LOCK,
    ],
    check: bucket_without_lock,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "purpose": {"value": ["backup_copy_target"]},
              "object_lock": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "tenant-a", "answers": {
              "purpose": {"value": ["tenant_offered"]},
              "object_lock": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "capacity-01", "answers": {
              "purpose": {"value": ["capacity_tier"]},
              "object_lock": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "capacity-01", "answers": {
              "purpose": {"value": ["capacity_tier"]},
              "object_lock": {"dont_know": true}}}]}}"#,
    },
];

fn bucket_without_lock(c: &mut Check<'_>) {
    for bucket in c.items("object_storage.buckets") {
        let purpose = bucket.get("purpose").choices();
        let purpose_evidence = purpose.evidence();
        let Some(purposes) = c.known(purpose) else {
            continue;
        };
        let copies: Vec<&str> = COPY_PURPOSES
            .iter()
            .filter(|(id, _)| purposes.iter().any(|p| p == id))
            .map(|(_, label)| *label)
            .collect();
        let offered = purposes.iter().any(|p| p == "tenant_offered");
        if copies.is_empty() && !offered {
            continue;
        }
        let lock = bucket.get("object_lock").bool();
        let evidence = vec![purpose_evidence, lock.evidence()];
        if c.known(lock) != Some(false) {
            continue;
        }
        let name = bucket.name();
        if copies.is_empty() {
            c.fire_at(
                Severity::Medium,
                format!(
                    "Bucket “{name}” is offered to tenants without object lock: they cannot make \
                     their backups in it immutable"
                ),
                evidence,
            );
        } else {
            c.fire(
                format!(
                    "Bucket “{name}” holds {} without object lock: anyone with its access keys \
                     can delete every backup in it",
                    copies.join(", ")
                ),
                evidence,
            );
        }
    }
}
