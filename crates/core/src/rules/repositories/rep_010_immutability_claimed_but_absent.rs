use super::{HARDENED_LIMITATIONS, SINCE, type_label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-010",
    title: "An immutable copy is claimed, but no listed repository or bucket is immutable",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "When at least one copy is said to be immutable or offline: whether any listed \
             repository (hardened Linux or object storage with immutability on) or bucket \
             (object lock on) can hold it. SMB and NFS shares, plain Linux and Windows \
             servers and deduplicating appliances cannot.",
    why: "SMB and NFS shares cannot be immutable (a hardened repository needs block storage, \
          and NFS or SMB mounts are not allowed). If the copy that should survive an \
          attacker sits on one, an administrator account is enough to delete every copy.",
    remediation: &[
        "Check which copy the partner counts as immutable or offline; if it is tape or rotated \
         media, record it and confirm it is taken off-line on a schedule.",
        "If it is a share or a plain server, add a hardened Linux repository on local block \
         storage or an object storage bucket with object lock (compliance mode) and point a \
         backup copy job at it.",
        "Confirm the new copy is immutable (`lsattr` on hardened repository files, the \
         object's retention in the bucket).",
    ],
    references: &[
        HARDENED_LIMITATIONS,
        "https://helpcenter.veeam.com/docs/backup/vsphere/immutability_capacity_tier.html",
    ],
    check: immutability_claimed_but_absent,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"windows.immutable_or_offline_copy": {"value": true}},
              "groups": {"repositories.repositories": [
                {"name": "nas-01", "answers": {"type": {"value": "smb_share"}}},
                {"name": "nas-02", "answers": {"type": {"value": "nfs_share"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"windows.immutable_or_offline_copy": {"value": true}},
              "groups": {"repositories.repositories": [
                {"name": "nas-01", "answers": {"type": {"value": "smb_share"}}},
                {"name": "hr-01", "answers": {"type": {"value": "hardened_linux"},
                  "immutability_days": {"value": 14}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"windows.immutable_or_offline_copy": {"dont_know": true}},
              "groups": {"repositories.repositories": [
                {"name": "nas-01", "answers": {"type": {"value": "smb_share"}}}]}}"#,
    },
];

fn immutability_claimed_but_absent(c: &mut Check<'_>) {
    let claimed = c.get("windows.immutable_or_offline_copy").bool();
    let claimed_evidence = claimed.evidence();
    if c.known(claimed) != Some(true) {
        return;
    }
    let mut evidence = vec![claimed_evidence];
    let mut mutable = Vec::new();
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let kind_evidence = kind.evidence();
        let Some(kind_id) = c.known(kind) else {
            // A type not known could be immutable: nothing to conclude but to ask.
            return;
        };
        if matches!(kind_id.as_str(), "hardened_linux" | "object_storage") {
            let days = repo.get("immutability_days").number();
            let days_evidence = days.evidence();
            if c.known(days).is_none_or(|days| days > 0.0) {
                return;
            }
            evidence.push(days_evidence);
        }
        evidence.push(kind_evidence);
        mutable.push(format!("“{}” ({})", repo.name(), type_label(&kind_id)));
    }
    for bucket in c.items("object_storage.buckets") {
        let lock = bucket.get("object_lock").bool();
        let lock_evidence = lock.evidence();
        if c.known(lock) != Some(false) {
            return;
        }
        evidence.push(lock_evidence);
    }
    if mutable.is_empty() {
        return;
    }
    c.fire(
        format!(
            "At least one copy is said to be immutable or offline, but no listed repository is \
             immutable ({}) and no bucket has object lock: verify the copy is offline (tape, \
             rotated media) or add an immutable one",
            mutable.join(", ")
        ),
        evidence,
    );
}
