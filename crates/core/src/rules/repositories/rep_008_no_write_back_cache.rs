use super::{BLOCK_REPOSITORIES, HARDENED_LIMITATIONS, SINCE, raid_label, type_label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-008",
    title: "RAID controller without a protected write-back cache",
    category: Category::Repositories,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether the RAID controller of each repository server uses a battery- or \
             flash-backed write-back cache.",
    why: "Parity RAID without write-back cache writes slowly, so backup windows overrun; a \
          write-back cache without battery or flash protection can lose the backups in \
          flight on a power cut. Veeam recommends RAID 6/60 with write-back cache.",
    remediation: &[
        "Check the controller's cache policy and the state of its battery or flash module \
         (`storcli /c0 show all`, `ssacli ctrl all show config detail`).",
        "Replace a failed or missing cache module, then set the logical drive's write policy \
         to write-back (falling back to write-through while the battery is not charged).",
        "Leave the disks' own internal cache disabled, as Veeam's hardened repository guidance \
         asks.",
    ],
    references: &[HARDENED_LIMITATIONS, BLOCK_REPOSITORIES],
    check: no_write_back_cache,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid6"},
              "write_back_cache": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid6"},
              "write_back_cache": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid6"},
              "write_back_cache": {"dont_know": true}}}]}}"#,
    },
];

fn no_write_back_cache(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let raid = repo.get("raid_level").choice();
        let cache = repo.get("write_back_cache").bool();
        let evidence = vec![kind.evidence(), raid.evidence(), cache.evidence()];
        let what = kind.value().map_or("Repository", |k| type_label(k));
        if c.known(cache) == Some(false) {
            c.fire(
                format!(
                    "{what} “{}” has no protected write-back cache on its {} controller: slow \
                     parity writes, and backups in flight at risk on a power cut",
                    repo.name(),
                    raid.value()
                        .map_or_else(|| "RAID".to_owned(), |level| raid_label(level))
                ),
                evidence,
            );
        }
    }
}
