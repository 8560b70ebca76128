use super::{SINCE, STORAGE_INTEGRATION, VEEAM_READY, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-004",
    title: "No staging system gets new storage firmware first",
    category: Category::Storage,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether a test or staging system receives new firmware before each storage \
             system does.",
    why: "A staging system that runs real backup jobs catches a behaviour change (like the \
          SCSI command that broke backups at one provider) before it reaches production \
          and every tenant at once.",
    remediation: &[
        "Check whether a smaller system of the same model family exists (lab, DR site, \
         decommissioned array) that could receive firmware first.",
        "Make it the first stage of every firmware rollout, with backup and restore jobs \
         running against it for an agreed soak period before production is updated.",
        "If no such system can exist, update the DR or secondary site first and watch its \
         backup jobs before updating the primary.",
    ],
    references: &[STORAGE_INTEGRATION, VEEAM_READY],
    check: firmware_not_staged,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_staged_first": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_staged_first": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_staged_first": {"dont_know": true}}}]}}"#,
    },
];

fn firmware_not_staged(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let staged = system.get("firmware_staged_first").bool();
        let evidence = staged.evidence();
        if c.known(staged) == Some(false) {
            c.fire(
                format!(
                    "New firmware reaches storage system {} without a staging system trying it \
                     first",
                    describe(&system)
                ),
                vec![evidence],
            );
        }
    }
}
