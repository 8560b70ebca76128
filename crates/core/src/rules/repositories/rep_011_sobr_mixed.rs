use super::{HARDENED_LIMITATIONS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-011",
    title: "Scale-out repository mixes immutable and mutable extents",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether each scale-out backup repository mixes hardened (immutable) and mutable \
             performance extents.",
    why: "Backups placed on a mutable extent have no immutability, and placement decides which \
          extent a chain lands on: nobody can tell which tenants' backups are protected. \
          Veeam advises against mixing them.",
    remediation: &[
        "Check the extents of the scale-out repository and which backups sit on the mutable \
         ones.",
        "Put the mutable extents in maintenance mode and evacuate their backups to hardened \
         extents, then remove them; or build a separate scale-out repository for them.",
        "Confirm every job that targets the scale-out repository now writes to immutable \
         extents only.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_sobr_placement.html",
        HARDENED_LIMITATIONS,
    ],
    check: sobr_mixed,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
              "mixes_immutable": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
              "mixes_immutable": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
              "mixes_immutable": {"dont_know": true}}}]}}"#,
    },
];

fn sobr_mixed(c: &mut Check<'_>) {
    for sobr in c.items("repositories.scale_out") {
        let mixes = sobr.get("mixes_immutable").bool();
        let evidence = mixes.evidence();
        if c.known(mixes) == Some(true) {
            c.fire(
                format!(
                    "Scale-out repository “{}” mixes immutable and mutable extents: backups \
                     placed on a mutable extent are not immutable",
                    sobr.name()
                ),
                vec![evidence],
            );
        }
    }
}
