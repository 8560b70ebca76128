//! Object storage: object lock and its mode and period, versioning, bucket settings Veeam warns
//! against (lifecycle rules, default retention), encryption at rest, and capacity tier buckets
//! nobody described.

use super::{Category, Check, Expect, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

const IMMUTABILITY_LIMITATIONS: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/os_immutability_limitations.html";
const CAPACITY_TIER_IMMUTABILITY: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/immutability_capacity_tier.html";
const AWS_OBJECT_LOCK: &str =
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html";

/// Purposes whose copies must survive an attacker, with how they read in a message.
const COPY_PURPOSES: &[(&str, &str)] = &[
    ("capacity_tier", "capacity tier"),
    ("archive_tier", "archive tier"),
    ("backup_copy_target", "backup copies"),
    ("direct_backup_target", "direct backups"),
];

pub(super) const RULES: &[Rule] = &[
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
    },
    Rule {
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
        vectors: vectors![
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
        ],
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

fn lock_without_versioning(c: &mut Check<'_>) {
    for bucket in c.items("object_storage.buckets") {
        let lock = bucket.get("object_lock").bool();
        if lock.value() != Some(&true) {
            continue;
        }
        let versioning = bucket.get("versioning").bool();
        let evidence = vec![lock.evidence(), versioning.evidence()];
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
