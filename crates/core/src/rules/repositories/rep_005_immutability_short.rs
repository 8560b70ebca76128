use super::{HARDENED_LIMITATIONS, SINCE, type_label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-005",
    title: "Repository immutability is off or shorter than the minimum",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "The immutability period of each hardened Linux and object storage repository \
             against `immutability_min_days` (default 7, Veeam's minimum for hardened \
             repositories); 0 days means immutability is off.",
    why: "Backups can be deleted as soon as their immutability ends; attackers often wait in a \
          network for days before they strike. A hardened repository with immutability off \
          protects nothing more than a plain Linux server.",
    remediation: &[
        "Check the repository's immutability setting in the console (repository properties, \
         Repository step) and the retention of the jobs that target it.",
        "Set immutability to at least the minimum, and long enough to cover the time an \
         intrusion may go unnoticed; keep it no longer than the job retention to avoid \
         paying for data nobody needs.",
        "Run an active or synthetic full afterwards and confirm the new files carry the \
         immutable attribute (`lsattr` on the repository shows `i`).",
    ],
    references: &[
        HARDENED_LIMITATIONS,
        "https://helpcenter.veeam.com/docs/backup/vsphere/os_immutability_limitations.html",
    ],
    check: immutability_short,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "immutability_days": {"value": 0}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "obj-01", "answers": {
              "type": {"value": "object_storage"}, "immutability_days": {"value": 3}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "immutability_days": {"value": 14}}},
              {"name": "obj-01", "answers": {
              "type": {"value": "object_storage"}, "immutability_days": {"value": 30}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"},
              "immutability_days": {"dont_know": true}}}]}}"#,
    },
];

fn immutability_short(c: &mut Check<'_>) {
    let minimum = f64::from(c.config.immutability_min_days);
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let kind_evidence = kind.evidence();
        let Some(kind_id) = c.filter(kind) else {
            continue;
        };
        if !matches!(kind_id.as_str(), "hardened_linux" | "object_storage") {
            continue;
        }
        let days = repo.get("immutability_days").number();
        let evidence = vec![kind_evidence, days.evidence()];
        let Some(days) = c.known(days) else {
            continue;
        };
        let what = type_label(&kind_id);
        let name = repo.name();
        if days <= 0.0 {
            let severity = if kind_id == "hardened_linux" {
                Severity::Critical
            } else {
                Severity::High
            };
            c.fire_at(
                severity,
                format!(
                    "{what} “{name}” has immutability off (0 days): its backups can be deleted \
                     by anyone who controls the backup server"
                ),
                evidence,
            );
        } else if days < minimum {
            c.fire(
                format!(
                    "{what} “{name}” keeps backups immutable for {days} days, less than the \
                     minimum of {minimum} days"
                ),
                evidence,
            );
        }
    }
}
