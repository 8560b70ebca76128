use super::CLOUD_KINDS;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-011",
    title: "Backups on cloud storage kept in one zone, with no copy off-site",
    category: Category::Storage,
    severity: Severity::High,
    since: "1.3.0",
    checks: "Cloud storage systems that hold backups and whose provider keeps every copy in \
             one datacentre or zone (Azure LRS, Amazon EBS, S3 One Zone), when no backup copy \
             is kept off-site.",
    why: "The provider's copies of locally redundant storage all sit in one datacentre or \
          Availability Zone: Azure LRS writes three copies in a single datacentre, and an \
          Amazon EBS volume is replicated within its Availability Zone. A fire, flood or \
          power loss there takes the backups with it, and with no copy elsewhere they are \
          the only ones.",
    remediation: &[
        "Check which backups live on this storage and whether any job copies them to another \
         zone or region (backup copy job, scale-out repository copy or capacity tier).",
        "Add a backup copy to storage in another region, ideally immutable object storage \
         (Azure Blob with version-level immutability, S3 with Object Lock).",
        "Or move the backups to zone-redundant storage (Azure ZRS, S3 Standard), which \
         survives a zone but not a region.",
    ],
    references: &[
        "https://learn.microsoft.com/en-us/azure/virtual-machines/disks-redundancy",
        "https://learn.microsoft.com/en-us/azure/storage/common/storage-redundancy",
        "https://docs.aws.amazon.com/ebs/latest/userguide/what-is-ebs.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html",
        "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy.html",
    ],
    check: cloud_backups_in_one_zone,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"windows.offsite_copy": {"value": false}},
              "groups": {"storage.systems": [{"name": "Backup disks", "answers": {
              "type": {"value": "cloud_block"}, "role": {"value": "backup_target"},
              "redundancy": {"value": "local"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"windows.offsite_copy": {"value": false}},
              "groups": {"storage.systems": [{"name": "Backup blobs", "answers": {
              "type": {"value": "cloud_object"}, "role": {"value": "backup_target"},
              "redundancy": {"value": "zones"}}},
              {"name": "Production disks", "answers": {
              "type": {"value": "cloud_block"}, "role": {"value": "production"},
              "redundancy": {"value": "local"}}},
              {"name": "array-01", "answers": {
              "type": {"value": "hardware"}, "role": {"value": "backup_target"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"windows.offsite_copy": {"value": true}},
              "groups": {"storage.systems": [{"name": "Backup disks", "answers": {
              "type": {"value": "cloud_block"}, "role": {"value": "both"},
              "redundancy": {"value": "local"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"windows.offsite_copy": {"value": false}},
              "groups": {"storage.systems": [{"name": "Backup disks", "answers": {
              "type": {"value": "cloud_block"}, "role": {"value": "backup_target"},
              "redundancy": {"dont_know": true}}}]}}"#,
    },
];

fn cloud_backups_in_one_zone(c: &mut Check<'_>) {
    let mut in_one_zone = Vec::new();
    for system in c.items("storage.systems") {
        let kind = system.get("type").choice();
        let kind_evidence = kind.evidence();
        if !c
            .filter(kind)
            .is_some_and(|kind| CLOUD_KINDS.contains(&kind.as_str()))
        {
            continue;
        }
        let role = system.get("role").choice();
        let role_evidence = role.evidence();
        if !matches!(c.filter(role).as_deref(), Some("backup_target" | "both")) {
            continue;
        }
        let redundancy = system.get("redundancy").choice();
        let evidence = vec![kind_evidence, role_evidence, redundancy.evidence()];
        if c.known(redundancy).as_deref() == Some("local") {
            in_one_zone.push((system.name(), evidence));
        }
    }
    if in_one_zone.is_empty() {
        return;
    }
    let offsite = c.get("windows.offsite_copy").bool();
    let offsite_evidence = offsite.evidence();
    if c.known(offsite) != Some(false) {
        return;
    }
    for (name, mut evidence) in in_one_zone {
        evidence.push(offsite_evidence.clone());
        c.fire(
            format!(
                "Cloud storage “{name}” holds backups whose every copy the provider keeps in \
                 one datacentre or zone, and no backup copy is kept off-site: one zone's \
                 failure loses them"
            ),
            evidence,
        );
    }
}
