use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OBJ-007",
    title: "Bucket without encryption at rest",
    category: Category::ObjectStorage,
    severity: Severity::Low,
    since: SINCE,
    checks: "Buckets with no storage-side encryption at rest; the finding is medium when jobs \
             to cloud or off-site repositories are not encrypted by Veeam either.",
    why: "Without storage-side encryption anyone with access to the storage (or its disposed \
          disks) reads what is not encrypted by Veeam. Storage-side encryption does not \
          replace Veeam job encryption, but without either, backups are readable.",
    remediation: &[
        "Check whether the jobs and capacity tier writing to the bucket are encrypted by Veeam; \
         if not, enable it first (it protects the data everywhere, not only at rest).",
        "Enable encryption at rest on the bucket or storage system (SSE-S3/SSE-KMS, Azure \
         storage encryption, the on-premises system's volume encryption).",
        "Record who manages the keys, for the tenants and auditors who ask.",
    ],
    references: &[
        "https://bp.veeam.com/vbr/Support/S_Encryption/repository.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingEncryption.html",
    ],
    check: no_encryption_at_rest,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "none"}},
              "groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "encryption_at_rest": {"value": "none"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "encryption_at_rest": {"value": "provider_keys"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "encryption_at_rest": {"dont_know": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.offsite_encryption": {"dont_know": true}},
              "groups": {"object_storage.buckets": [{"name": "copies-01", "answers": {
              "encryption_at_rest": {"value": "none"}}}]}}"#,
    },
];

fn no_encryption_at_rest(c: &mut Check<'_>) {
    let mut unencrypted = Vec::new();
    for bucket in c.items("object_storage.buckets") {
        let encryption = bucket.get("encryption_at_rest").choice();
        let evidence = encryption.evidence();
        if c.known(encryption).as_deref() == Some("none") {
            unencrypted.push((bucket.name(), evidence));
        }
    }
    if unencrypted.is_empty() {
        return;
    }
    // Only the severity depends on it: asked for once, when a bucket is unencrypted.
    let veeam_encryption = c.get("security.offsite_encryption").choice();
    let veeam_evidence = veeam_encryption.evidence();
    let veeam_shown = veeam_encryption.shown();
    let unencrypted_jobs = matches!(c.known(veeam_encryption).as_deref(), Some("none" | "some"));
    for (name, evidence) in unencrypted {
        if unencrypted_jobs {
            c.fire_at(
                Severity::Medium,
                format!(
                    "Bucket “{name}” has no encryption at rest, and Veeam encrypts {veeam_shown} \
                     of the jobs sent off-site: backups in it may be readable by anyone with \
                     access to the storage"
                ),
                vec![evidence, veeam_evidence.clone()],
            );
        } else {
            c.fire(
                format!("Bucket “{name}” has no encryption at rest on the storage side"),
                vec![evidence],
            );
        }
    }
}
