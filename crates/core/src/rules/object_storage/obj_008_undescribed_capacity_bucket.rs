use super::{CAPACITY_TIER_IMMUTABILITY, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OBJ-008",
    title: "Capacity tier bucket is not described",
    category: Category::ObjectStorage,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Each scale-out repository's capacity tier bucket against the buckets listed \
             under object storage (by name, ignoring case).",
    why: "A capacity tier bucket nobody described cannot be checked for object lock, lock \
          mode, versioning or lifecycle rules: the copy it holds may have none of the \
          protection the rest of the platform has.",
    remediation: &[
        "Check the scale-out repository's capacity tier settings for the bucket or container \
         it uses.",
        "Add that bucket to the object storage section with its settings, so its immutability \
         and bucket rules are assessed.",
    ],
    references: &[CAPACITY_TIER_IMMUTABILITY],
    check: undescribed_capacity_bucket,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {
              "repositories.scale_out": [{"name": "sobr-01", "answers": {
                "capacity_tier_bucket": {"value": "vcsp-ams1-capacity"}}}],
              "object_storage.buckets": [{"name": "vcsp-ams1-copies", "answers": {}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {
              "repositories.scale_out": [{"name": "sobr-01", "answers": {
                "capacity_tier_bucket": {"value": "VCSP-AMS1-Capacity"}}}],
              "object_storage.buckets": [{"name": "vcsp-ams1-capacity", "answers": {}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {
              "repositories.scale_out": [{"name": "sobr-01", "answers": {
                "capacity_tier_bucket": {"dont_know": true}}}]}}"#,
    },
];

fn undescribed_capacity_bucket(c: &mut Check<'_>) {
    let names: Vec<String> = c
        .items("object_storage.buckets")
        .iter()
        .map(|bucket| bucket.name().trim().to_lowercase())
        .collect();
    for sobr in c.items("repositories.scale_out") {
        let bucket = sobr.get("capacity_tier_bucket").text();
        let evidence = bucket.evidence();
        let Some(bucket) = c.known(bucket) else {
            continue;
        };
        if !names.contains(&bucket.trim().to_lowercase()) {
            c.fire(
                format!(
                    "Scale-out repository “{}” offloads to bucket “{bucket}”, which is not listed \
                     under object storage: its object lock and bucket rules cannot be checked",
                    sobr.name()
                ),
                vec![evidence],
            );
        }
    }
}
