use super::{SINCE, STORAGE_INTEGRATION, VEEAM_READY, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-005",
    title: "Storage firmware was updated recently without change control",
    category: Category::Storage,
    severity: Severity::High,
    since: SINCE,
    checks: "Storage systems without firmware change control whose last firmware update falls \
             within `firmware_recent_days` (default 90) before the date the answers describe.",
    why: "An uncontrolled firmware change is the prime suspect when backups start failing with \
          nothing changed on the Veeam side: at one provider an update changed a SCSI \
          command's behaviour and backup jobs failed. A recent one is the first thing to line \
          up with the date problems began.",
    remediation: &[
        "Check the job history since the update date for new failures, slower jobs or \
         retries on jobs that read from or write to this system.",
        "If anything changed, open cases with the storage vendor and Veeam together, quoting \
         the old and new firmware versions and the first failing session.",
        "Record the update retroactively as a change, and put the next one through change \
         control.",
    ],
    references: &[STORAGE_INTEGRATION, VEEAM_READY],
    check: recent_uncontrolled_update,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
              "groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_change_control": {"value": false},
              "last_firmware_update": {"value": "2026-09-14"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
              "groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_change_control": {"value": false},
              "last_firmware_update": {"value": "2025-03-02"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
              "groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_change_control": {"value": false},
              "last_firmware_update": {"dont_know": true}}}]}}"#,
    },
];

fn recent_uncontrolled_update(c: &mut Check<'_>) {
    let mut uncontrolled = Vec::new();
    for system in c.items("storage.systems") {
        if c.filter(system.get("firmware_change_control").bool()) == Some(false) {
            uncontrolled.push(system);
        }
    }
    if uncontrolled.is_empty() {
        return;
    }
    let as_of = c.get("engagement.as_of").date();
    let as_of_evidence = as_of.evidence();
    let Some(as_of) = c.known(as_of) else { return };
    let recent = i64::from(c.config.firmware_recent_days);
    for system in uncontrolled {
        let controlled = system.get("firmware_change_control").bool();
        let updated = system.get("last_firmware_update").date();
        let evidence = vec![
            controlled.evidence(),
            updated.evidence(),
            as_of_evidence.clone(),
        ];
        let Some(updated) = c.known(updated) else {
            continue;
        };
        let days = (as_of - updated).whole_days();
        if (0..=recent).contains(&days) {
            c.fire(
                format!(
                    "Storage system {} had its firmware updated on {updated}, {days} days before \
                     {as_of}, outside change control: suspect it first for any backup failure \
                     since",
                    describe(&system)
                ),
                evidence,
            );
        }
    }
}
