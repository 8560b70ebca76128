use super::{HARDENED_LIMITATIONS, SINCE, type_label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-006",
    title: "Repository without fast clone (XFS reflink or ReFS block cloning)",
    category: Category::Repositories,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Linux and hardened Linux repositories not on XFS, and Linux or ReFS repositories \
             whose fast clone (block cloning) is not in use.",
    why: "Without fast clone, synthetic fulls and merges rewrite whole backup files: they take \
          hours, stretch the backup window and fill the repository several times faster. \
          Veeam recommends XFS with reflink for Linux and hardened repositories.",
    remediation: &[
        "Check the file system and its reflink flag (`xfs_info /mount | grep reflink`) or, on \
         Windows, that the volume is ReFS with 64 KB clusters.",
        "If the file system supports it, confirm fast clone is enabled in the repository \
         settings; an existing chain only benefits after the next active full.",
        "If it does not (ext4, XFS without reflink), add a new XFS volume formatted with \
         `mkfs.xfs -m reflink=1,crc=1`, move the jobs to it and retire the old one when its \
         retention has passed.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_block_cloning.html",
        HARDENED_LIMITATIONS,
    ],
    check: no_fast_clone,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "file_system": {"value": "ext4"}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "refs-01", "answers": {
              "type": {"value": "windows_refs"}, "fast_clone": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "file_system": {"value": "xfs"},
              "fast_clone": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "file_system": {"value": "xfs"},
              "fast_clone": {"dont_know": true}}}]}}"#,
    },
];

fn no_fast_clone(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let mut evidence = vec![kind.evidence()];
        let Some(kind_id) = c.filter(kind) else {
            continue;
        };
        let what = type_label(&kind_id);
        let name = repo.name();
        match kind_id.as_str() {
            "hardened_linux" | "linux" => {
                let file_system = repo.get("file_system").choice();
                evidence.push(file_system.evidence());
                let Some(file_system) = c.known(file_system) else {
                    continue;
                };
                if file_system != "xfs" {
                    c.fire(
                        format!(
                            "{what} “{name}” is on {file_system}, not XFS: no fast clone, so \
                             synthetic fulls and merges rewrite whole files"
                        ),
                        evidence,
                    );
                    continue;
                }
            }
            "windows_refs" => {}
            _ => continue,
        }
        let fast_clone = repo.get("fast_clone").bool();
        evidence.push(fast_clone.evidence());
        if c.known(fast_clone) == Some(false) {
            c.fire(
                format!(
                    "{what} “{name}” does not use fast clone (block cloning): synthetic fulls and \
                     merges rewrite whole files and fill it faster"
                ),
                evidence,
            );
        }
    }
}
