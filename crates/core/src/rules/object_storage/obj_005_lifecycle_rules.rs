use super::{IMMUTABILITY_LIMITATIONS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OBJ-005",
    title: "Lifecycle rules are set on a bucket Veeam uses",
    category: Category::ObjectStorage,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether any bucket has lifecycle rules (expiration or transition to another \
             storage class).",
    why: "Veeam tracks every object it writes and deletes them itself when retention ends; \
          an old object can still belong to the newest restore point. Veeam states that \
          enabling lifecycle rules is not supported and may result in backup and restore \
          failures: a rule that expires or moves objects breaks chains, and the restore \
          fails only when someone needs it.",
    remediation: &[
        "Check the bucket's lifecycle configuration (`aws s3api \
         get-bucket-lifecycle-configuration` or the storage console) and what each rule \
         does.",
        "Remove expiration and transition rules; use Veeam's capacity and archive tiers to \
         move data between storage classes instead.",
        "Run a health check or a test restore of older restore points to find chains a rule \
         may already have broken.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/general_limitations.html",
        IMMUTABILITY_LIMITATIONS,
    ],
    check: lifecycle_rules,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "capacity-01", "answers": {
              "lifecycle_rules": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "capacity-01", "answers": {
              "lifecycle_rules": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "capacity-01", "answers": {
              "lifecycle_rules": {"dont_know": true}}}]}}"#,
    },
];

fn lifecycle_rules(c: &mut Check<'_>) {
    for bucket in c.items("object_storage.buckets") {
        let rules = bucket.get("lifecycle_rules").bool();
        let evidence = rules.evidence();
        if c.known(rules) == Some(true) {
            c.fire(
                format!(
                    "Bucket “{}” has lifecycle rules: objects expired or moved behind Veeam's \
                     back break backup chains",
                    bucket.name()
                ),
                vec![evidence],
            );
        }
    }
}
