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
    vectors: vectors![
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
    ],
};

fn no_encryption_at_rest(c: &mut Check<'_>) {
    let buckets = c.items("object_storage.buckets");
    if buckets.is_empty() {
        return;
    }
    let veeam_encryption = c.get("security.offsite_encryption").choice();
    let unencrypted_jobs = matches!(
        veeam_encryption.value().map(String::as_str),
        Some("none" | "some")
    );
    for bucket in buckets {
        let encryption = bucket.get("encryption_at_rest").choice();
        let mut evidence = vec![encryption.evidence()];
        if c.known(encryption).as_deref() != Some("none") {
            continue;
        }
        let name = bucket.name();
        if unencrypted_jobs {
            evidence.push(veeam_encryption.evidence());
            c.fire_at(
                Severity::Medium,
                format!(
                    "Bucket “{name}” has no encryption at rest, and Veeam encrypts {} of the \
                     jobs sent off-site: backups in it may be readable by anyone with access to \
                     the storage",
                    veeam_encryption.shown()
                ),
                evidence,
            );
        } else {
            c.fire(
                format!("Bucket “{name}” has no encryption at rest on the storage side"),
                evidence,
            );
        }
    }
}
