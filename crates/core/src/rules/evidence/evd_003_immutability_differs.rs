use super::{HEALTHCHECK, SINCE, collected_proof, report_differences};
use crate::evidence::map::same_item;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "EVD-003",
    title: "A repository answered as immutable is not immutable on the backup server",
    category: Category::Evidence,
    severity: Severity::Critical,
    since: SINCE,
    checks: "Each repository answered as immutable (an immutability period above 0 days, or \
             a hardened Linux repository) against Veeam Healthcheck's `Repositories` \
             (`IsImmutabilitySupported`, `Type`); a repository answered with immutability \
             off that the backup server reports on (low); and whether a scale-out repository \
             mixes immutable and mutable extents, against `SOBRExtents`.",
    why: "Immutability is what keeps the last copy when an attacker holds the backup \
          server's credentials. A provider that believes a repository immutable when it is \
          not promises tenants a recovery it cannot give: the backups there can be deleted \
          or encrypted like any other file.",
    remediation: &[
        "Open the repository's settings on the backup server (Backup Infrastructure, \
         Backup Repositories, the repository's Properties, Repository step) and read \
         whether immutability is enabled and for how many days.",
        "If it is off on a repository that must be immutable, follow Veeam's steps for a \
         hardened repository (a Linux server with XFS, single-use credentials, \
         immutability enabled for at least 7 days) and move the backups that need it \
         there.",
        "Correct the answers for the repository, and tell tenants whose backups were \
         believed immutable.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/hardened_repository.html",
        "https://helpcenter.veeam.com/docs/backup/vsphere/hardened_repository_limitations.html",
        HEALTHCHECK,
    ],
    check: immutability_differs,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "REPO-HARD-01",
              "answers": {"type": {"value": "hardened_linux"},
                "immutability_days": {"value": 14}}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "repositories": [{"name": "REPO-HARD-01", "kind": "LinuxHardened",
                "immutable": false,
                "from": {"source": 0, "table": "localhost_Repositories.csv", "row": 3}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "REPO-02",
              "answers": {"type": {"value": "hardened_linux"}}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "repositories": [{"name": "repo-02.example.net", "kind": "LinuxLocal",
                "from": {"source": 0, "table": "localhost_Repositories.csv", "row": 2}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "REPO-HARD-01",
              "answers": {"type": {"value": "hardened_linux"},
                "immutability_days": {"value": 14}}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "repositories": [{"name": "REPO-HARD-01", "kind": "LinuxHardened",
                "immutable": true,
                "from": {"source": 0, "table": "localhost_Repositories.csv", "row": 3}}]}}"#,
    },
];

fn immutability_differs(c: &mut Check<'_>) {
    report_differences(c, RULE.id);
    let Some(collected) = c.collected() else {
        return;
    };
    let items = c.items("repositories.repositories");
    for repository in &collected.repositories {
        let Some(immutable) = repository.immutable else {
            continue;
        };
        let Some(item) = items.iter().find(|i| same_item(i.name(), &repository.name)) else {
            continue;
        };
        let days = item.get("immutability_days").number();
        let kind = item.get("type").choice();
        let stated = match (days.value(), kind.value()) {
            (Some(days), _) => Some((
                *days > 0.0,
                format!("an immutability period of {days} days"),
            )),
            (None, Some(kind)) if kind == "hardened_linux" => {
                Some((true, "a hardened Linux repository".to_owned()))
            }
            _ => None,
        };
        let Some((stated, what)) = stated else {
            continue;
        };
        let column = format!(
            "IsImmutabilitySupported: {}",
            if immutable { "True" } else { "False" }
        );
        let place = crate::display::evidence_origin(collected, &repository.from);
        let evidence = vec![
            days.evidence(),
            kind.evidence(),
            collected_proof(collected, &repository.from, &column),
        ];
        match (stated, immutable) {
            (true, false) => c.fire(
                format!(
                    "Repository “{}” is answered with {what}, but {place} reports immutability \
                     off ({column}): its backups can be deleted or encrypted like any other \
                     files",
                    item.name()
                ),
                evidence,
            ),
            (false, true) => c.fire_at(
                Severity::Low,
                format!(
                    "Repository “{}” is answered with immutability off, but {place} reports it \
                     on ({column})",
                    item.name()
                ),
                evidence,
            ),
            _ => c.compared(),
        }
    }
}
