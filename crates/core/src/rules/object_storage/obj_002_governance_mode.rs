use super::{AWS_OBJECT_LOCK, IMMUTABILITY_LIMITATIONS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OBJ-002",
    title: "Backups are locked in governance mode",
    category: Category::ObjectStorage,
    severity: Severity::High,
    since: SINCE,
    checks: "The object lock mode of each bucket with object lock on.",
    why: "In governance mode any account with the bypass permission (often the storage root \
          or admin account) can still delete locked objects or shorten their lock. An attacker \
          who gets that account deletes the backups; in compliance mode nobody can until the \
          lock expires.",
    remediation: &[
        "Check which mode the objects Veeam writes actually carry (`aws s3api \
         get-object-retention` on a recent object, or the storage system's console).",
        "Make the bucket and the accounts Veeam uses write compliance-mode locks; Veeam itself \
         sets compliance mode on S3 objects, so governance usually comes from a bucket \
         default or the storage system's settings.",
        "Restrict the bypass-governance permission to a break-glass account kept outside the \
         backup platform.",
    ],
    references: &[IMMUTABILITY_LIMITATIONS, AWS_OBJECT_LOCK],
    check: governance_mode,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "lock_mode": {"value": "governance"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "lock_mode": {"value": "compliance"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "lock_mode": {"dont_know": true}}}]}}"#,
    },
];

fn governance_mode(c: &mut Check<'_>) {
    for bucket in c.items("object_storage.buckets") {
        let mode = bucket.get("lock_mode").choice();
        let evidence = mode.evidence();
        if c.known(mode).as_deref() == Some("governance") {
            c.fire(
                format!(
                    "Bucket “{}” locks backups in governance mode: an account with the bypass \
                     permission can still delete them",
                    bucket.name()
                ),
                vec![evidence],
            );
        }
    }
}
