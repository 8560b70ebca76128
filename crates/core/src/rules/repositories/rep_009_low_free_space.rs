use super::{SINCE, type_label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-009",
    title: "Repository free space below the minimum",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Each repository's free space against `repository_min_free_percent` (default 20 \
             %, Veeam's recommendation); at a quarter of that or less the finding is \
             critical.",
    why: "A full repository fails every job that writes to it, for every tenant on it at once; \
          merges, synthetic fulls and fast clone also need room to work, and immutable \
          backups cannot be deleted to make space.",
    remediation: &[
        "Check what fills the repository: growth of a few large tenants, retention longer \
         than promised, orphaned chains, or immutable files waiting for their period to end.",
        "Add capacity (a new extent in the scale-out repository, a capacity tier, or disks) \
         before removing data; do not shorten immutability to free space.",
        "Set a free-space alert at the threshold and review capacity on a schedule.",
    ],
    references: &[
        "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/repositories%20storage.html",
        "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_sobr_placement.html",
        "https://github.com/VeeamHub/veeam-healthcheck",
    ],
    check: low_free_space,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "free_percent": {"value": 12.5}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "free_percent": {"value": 35}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "free_percent": {"dont_know": true}}}]}}"#,
    },
];

fn low_free_space(c: &mut Check<'_>) {
    let minimum = c.config.repository_min_free_percent;
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let free = repo.get("free_percent").number();
        let evidence = vec![kind.evidence(), free.evidence()];
        let what = kind.value().map_or("Repository", |k| type_label(k));
        let Some(free) = c.known(free) else {
            continue;
        };
        if free < minimum {
            let severity = if free <= minimum / 4.0 {
                Severity::Critical
            } else {
                Severity::High
            };
            c.fire_at(
                severity,
                format!(
                    "{what} “{}” has {free} % free, below the minimum of {minimum} %: jobs fail \
                     for every tenant on it once it fills",
                    repo.name()
                ),
                evidence,
            );
        }
    }
}
