use super::{HARDENED, HARDENED_LIMITATIONS, SINCE, hardened};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-001",
    title: "Hardened repository runs as a virtual machine",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Each hardened Linux repository's deployment: physical server or virtual machine.",
    why: "Whoever controls the hypervisor (or steals its credentials) can delete, snapshot or \
          copy a virtual repository's disks: the immutability the Linux file system enforces \
          does not protect the disks it sits on. Veeam's guidance for a hardened repository \
          is a physical server with local storage.",
    remediation: &[
        "Check who can administer the hypervisor and storage that hold the repository VM; if \
         it is the same team or directory as the backup platform, treat the backups on it as \
         deletable.",
        "Plan a physical server with local disks (RAID 6/60, XFS with reflink) and move the \
         backup chains to it, or add it as a new extent and let retention age out the old one.",
        "Until then, keep an immutable copy elsewhere (object lock in compliance mode) so one \
         compromised hypervisor cannot remove every copy.",
    ],
    references: &[HARDENED_LIMITATIONS, HARDENED],
    check: hardened_virtual,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "deployment": {"value": "virtual"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "deployment": {"value": "physical"}}},
              {"name": "win-01", "answers": {
              "type": {"value": "windows_refs"}, "deployment": {"value": "virtual"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "deployment": {"dont_know": true}}}]}}"#,
    },
];

fn hardened_virtual(c: &mut Check<'_>) {
    for (repo, kind) in hardened(c) {
        let deployment = repo.get("deployment").choice();
        let evidence = vec![kind, deployment.evidence()];
        if c.known(deployment).as_deref() == Some("virtual") {
            c.fire(
                format!(
                    "Hardened repository “{}” is a virtual machine: whoever controls the \
                     hypervisor can delete or copy its disks, immutable files included",
                    repo.name()
                ),
                evidence,
            );
        }
    }
}
