use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-012",
    title: "Scale-out repository uses the performance placement policy",
    category: Category::Repositories,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The placement policy of each scale-out backup repository; Veeam recommends data \
             locality with block cloning.",
    why: "With the performance policy full and incremental files of one chain sit on \
          different extents: fast clone cannot work across them, and losing or servicing one \
          extent breaks every chain that touches it.",
    remediation: &[
        "Check whether the performance policy was chosen for a reason (raw devices without \
         block cloning); if not, switch the scale-out repository to data locality.",
        "Run an active full (or let the next one run) so each chain is rebuilt on one extent \
         with block cloning.",
        "Confirm the extents are XFS with reflink or ReFS so block cloning is used.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_sobr_placement.html",
        "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_block_cloning.html",
    ],
    check: sobr_performance_policy,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
              "placement_policy": {"value": "performance"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
              "placement_policy": {"value": "data_locality"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
              "placement_policy": {"dont_know": true}}}]}}"#,
    },
];

fn sobr_performance_policy(c: &mut Check<'_>) {
    for sobr in c.items("repositories.scale_out") {
        let policy = sobr.get("placement_policy").choice();
        let evidence = policy.evidence();
        if c.known(policy).as_deref() == Some("performance") {
            c.fire(
                format!(
                    "Scale-out repository “{}” uses the performance placement policy: chains \
                     span extents, fast clone cannot work and one lost extent breaks them",
                    sobr.name()
                ),
                vec![evidence],
            );
        }
    }
}
