use super::{CAPACITY_TIER_IMMUTABILITY, IMMUTABILITY_LIMITATIONS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OBJ-003",
    title: "Object storage immutability shorter than the minimum",
    category: Category::ObjectStorage,
    severity: Severity::High,
    since: SINCE,
    checks: "The immutability period set in Veeam for each bucket with object lock on, \
             against `immutability_min_days` (default 7).",
    why: "Objects can be deleted as soon as their lock expires. A period shorter than the time \
          an intrusion goes unnoticed leaves copies that are already deletable when they are \
          needed.",
    remediation: &[
        "Check the immutability period in the object storage repository's settings and the \
         retention of the jobs that write to it.",
        "Raise it to at least the minimum and to cover the time an attack may go unnoticed; \
         keep it no longer than the retention to avoid paying for data nobody needs.",
        "Confirm new objects carry a retention date that far ahead.",
    ],
    references: &[CAPACITY_TIER_IMMUTABILITY, IMMUTABILITY_LIMITATIONS],
    check: lock_too_short,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "immutability_days": {"value": 3}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "immutability_days": {"value": 30}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "object_lock": {"value": true}, "immutability_days": {"dont_know": true}}}]}}"#,
    },
];

fn lock_too_short(c: &mut Check<'_>) {
    let minimum = f64::from(c.config.immutability_min_days);
    for bucket in c.items("object_storage.buckets") {
        let days = bucket.get("immutability_days").number();
        let evidence = days.evidence();
        if let Some(days) = c.known(days)
            && days < minimum
        {
            c.fire(
                format!(
                    "Bucket “{}” keeps backups immutable for {days} days, less than the minimum \
                     of {minimum} days",
                    bucket.name()
                ),
                vec![evidence],
            );
        }
    }
}
