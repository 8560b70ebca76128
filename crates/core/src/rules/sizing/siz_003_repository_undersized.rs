use super::{REQUIREMENTS_13, SINCE, shortfall};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Cores and GB of RAM a repository or gateway server's operating system needs.
const REPOSITORY_BASE: (f64, f64) = (2.0, 4.0);

pub(super) const RULE: Rule = Rule {
    id: "SIZ-003",
    title: "Repository server has fewer cores or less memory than its task limit needs",
    category: Category::Sizing,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Each repository (or gateway) server's cores and RAM against its maximum \
             concurrent tasks: 0.5 core and 1 GB per task, plus 2 cores and 4 GB for the \
             operating system.",
    why: "The server that writes the data checks and stores it for every task at once. Too \
          few cores make it the bottleneck for every job that targets it; short of memory, \
          tasks fail or the server swaps and slows every tenant on it.",
    remediation: &[
        "Check the server's CPU and memory use during the peak backup window and during \
         merges and health checks.",
        "Add cores and memory to match the task limit, or lower the task limit and add \
         repositories or scale-out extents to keep the total.",
        "If the server is also a proxy, size it for both roles' tasks together.",
    ],
    references: &[
        "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/repositories%20storage.html",
        REQUIREMENTS_13,
    ],
    check: repository_undersized,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "max_tasks": {"value": 64},
              "cores": {"value": 16}, "ram_gb": {"value": 64}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "max_tasks": {"value": 60},
              "cores": {"value": 32}, "ram_gb": {"value": 256}}},
              {"name": "obj-01", "answers": {"type": {"value": "object_storage"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "max_tasks": {"dont_know": true},
              "cores": {"value": 32}, "ram_gb": {"value": 256}}}]}}"#,
    },
];

fn repository_undersized(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let Some(mut short) = shortfall(c, &repo, REPOSITORY_BASE) else {
            continue;
        };
        let proxy = repo.get("also_proxy").bool();
        let also_proxy = if proxy.value() == Some(&true) {
            short.evidence.push(proxy.evidence());
            "; it is also a proxy, whose tasks need resources on top"
        } else {
            ""
        };
        c.fire(
            format!(
                "Repository “{}” runs up to {} tasks on {} cores and {} GB RAM; it needs at \
                 least {} cores and {} GB (0.5 core and 1 GB per task, plus 2 cores and 4 GB for \
                 the system){also_proxy}",
                repo.name(),
                short.tasks,
                short.cores,
                short.ram,
                short.need_cores,
                short.need_ram
            ),
            short.evidence,
        );
    }
}
