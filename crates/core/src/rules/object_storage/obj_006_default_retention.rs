use super::{AWS_OBJECT_LOCK, IMMUTABILITY_LIMITATIONS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OBJ-006",
    title: "Default retention is set on an object-locked bucket",
    category: Category::ObjectStorage,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether a default retention period is set on each bucket with object lock on.",
    why: "Veeam sets the lock on every object it writes and manages its length. Veeam warns \
          that a default retention on the bucket may result in unpredictable system \
          behaviour and data loss, and asks for it to be disabled.",
    remediation: &[
        "Check the bucket's object lock configuration for a default retention rule \
         (`aws s3api get-object-lock-configuration`, or the container's policy in Azure).",
        "Remove the default retention, leaving object lock itself enabled.",
        "Confirm new objects still carry the retention Veeam sets (compliance mode, the \
         period configured in the repository).",
    ],
    references: &[IMMUTABILITY_LIMITATIONS, AWS_OBJECT_LOCK],
    check: default_retention,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "default_retention": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "default_retention": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "default_retention": {"dont_know": true}}}]}}"#,
    },
];

fn default_retention(c: &mut Check<'_>) {
    for bucket in c.items("object_storage.buckets") {
        let retention = bucket.get("default_retention").bool();
        let evidence = retention.evidence();
        if c.known(retention) == Some(true) {
            c.fire(
                format!(
                    "Bucket “{}” has a default retention set on the bucket: Veeam warns this may \
                     cause unpredictable behaviour and data loss",
                    bucket.name()
                ),
                vec![evidence],
            );
        }
    }
}
