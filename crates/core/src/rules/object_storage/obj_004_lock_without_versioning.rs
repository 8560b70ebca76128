use super::{AWS_OBJECT_LOCK, IMMUTABILITY_LIMITATIONS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OBJ-004",
    title: "Object lock is said to be on, but versioning is off",
    category: Category::ObjectStorage,
    severity: Severity::High,
    since: SINCE,
    checks: "Buckets with object lock on whose versioning is off or suspended.",
    why: "Object lock works on object versions and needs versioning. If versioning is off or \
          suspended, the lock the partner counts on is not there (or the answers describe a \
          different bucket). Veeam also warns that switching versioning or object lock on a \
          bucket already in use leads to unpredictable behaviour and data loss.",
    remediation: &[
        "Check the bucket's versioning and object lock configuration on the storage itself \
         (`aws s3api get-bucket-versioning`, `get-object-lock-configuration`).",
        "If versioning is really off, treat the bucket as having no object lock: create a new \
         bucket with both enabled at creation and move the copies to it; do not toggle them \
         on the bucket in use.",
        "If the answer was wrong, correct it so the assessment reflects the bucket.",
    ],
    references: &[IMMUTABILITY_LIMITATIONS, AWS_OBJECT_LOCK],
    check: lock_without_versioning,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "versioning": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "versioning": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "versioning": {"dont_know": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"dont_know": true}, "versioning": {"value": false}}}]}}"#,
    },
];

fn lock_without_versioning(c: &mut Check<'_>) {
    for bucket in c.items("object_storage.buckets") {
        let lock = bucket.get("object_lock").bool();
        let lock_evidence = lock.evidence();
        if c.filter(lock) != Some(true) {
            continue;
        }
        let versioning = bucket.get("versioning").bool();
        let evidence = vec![lock_evidence, versioning.evidence()];
        if c.known(versioning) == Some(false) {
            c.fire(
                format!(
                    "Bucket “{}” is said to have object lock but versioning is off: object lock \
                     needs versioning, so the lock counted on is likely not there",
                    bucket.name()
                ),
                evidence,
            );
        }
    }
}
