use super::{SINCE, STORAGE_INTEGRATION, VEEAM_READY, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-001",
    title: "Storage firmware updates bypass change control",
    category: Category::Storage,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether firmware updates of each storage system go through change control, with \
             the backup team told in advance.",
    why: "At one provider a storage firmware update changed the behaviour of a SCSI command \
          that had worked for a decade, and backup jobs failed. When the backup team does not \
          know the firmware changed, the failures are chased for days as a Veeam problem; \
          change control also keeps updates out of backup windows.",
    remediation: &[
        "Check who can update the storage firmware (the storage team, the vendor's support \
         with remote access, automatic updates) and whether any of it is announced.",
        "Put every firmware update through change control with the backup team as a \
         required reviewer, scheduled in a maintenance window outside the backup windows.",
        "Add a post-change check: run a backup and a restore that use this storage before \
         closing the change.",
    ],
    references: &[STORAGE_INTEGRATION, VEEAM_READY],
    check: firmware_without_change_control,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "vendor": {"value": "NetApp"}, "model": {"value": "AFF A400"},
              "firmware_change_control": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_change_control": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_change_control": {"dont_know": true}}}]}}"#,
    },
];

fn firmware_without_change_control(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let controlled = system.get("firmware_change_control").bool();
        let evidence = controlled.evidence();
        if c.known(controlled) == Some(false) {
            c.fire(
                format!(
                    "Firmware updates of storage system {} bypass change control: the backup team \
                     is not told before its behaviour changes",
                    describe(&system)
                ),
                vec![evidence],
            );
        }
    }
}
