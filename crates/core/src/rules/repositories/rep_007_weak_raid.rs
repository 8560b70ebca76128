use super::{BLOCK_REPOSITORIES, HARDENED_LIMITATIONS, SINCE, raid_label, type_label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-007",
    title: "Repository disks use RAID 5/50 or no RAID",
    category: Category::Repositories,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The RAID level of each repository server's backup disks; RAID 6/60 is Veeam's \
             recommendation, RAID 1/10 and external arrays pass.",
    why: "Large disks take a day or more to rebuild; with RAID 5 or 50 a second failure or an \
          unreadable sector during the rebuild loses the repository and every tenant's \
          backups on it. Without RAID one disk failure does.",
    remediation: &[
        "Check the controller's configuration (`storcli`, `ssacli`, iDRAC/iLO) for the array \
         layout and whether a hot spare is configured.",
        "Plan a RAID 6/60 array (stripe size 128 or 256 KB) on new or freed disks and move the \
         backup chains to it, or add it as a scale-out extent and retire the old one.",
        "Until then, make sure a second copy of the backups on this repository exists \
         elsewhere.",
    ],
    references: &[HARDENED_LIMITATIONS, BLOCK_REPOSITORIES],
    check: weak_raid,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid5"}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "lnx-01", "answers": {
              "type": {"value": "linux"}, "raid_level": {"value": "none"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid60"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "raid_level": {"dont_know": true}}}]}}"#,
    },
];

fn weak_raid(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let raid = repo.get("raid_level").choice();
        let evidence = vec![kind.evidence(), raid.evidence()];
        let what = kind.value().map_or("Repository", |k| type_label(k));
        let name = repo.name();
        match c.known(raid).as_deref() {
            Some(level @ ("raid5" | "raid50")) => c.fire(
                format!(
                    "{what} “{name}” uses {}: a second disk failure during a rebuild loses it; \
                     Veeam recommends RAID 6/60",
                    raid_label(level)
                ),
                evidence,
            ),
            Some("none") => c.fire_at(
                Severity::High,
                format!(
                    "{what} “{name}” has no RAID: one disk failure loses the backups on it; Veeam \
                     recommends RAID 6/60"
                ),
                evidence,
            ),
            _ => {}
        }
    }
}
