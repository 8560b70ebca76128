use super::{NO_RELEASE, STORAGE_INTEGRATION, VEEAM_READY};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// What cannot be checked without the firmware version, said in the to-verify finding.
const UNCHECKED: &str = "the vendor's advisories for that firmware, the vendor's compatibility \
                         list, and Veeam's storage integration and Veeam Ready lists for the \
                         Veeam version in use cannot be checked, nor a firmware change lined up \
                         with backup failures";

pub(super) const RULE: Rule = Rule {
    id: "STO-010",
    title: "Storage firmware version not known, or names no release",
    category: Category::Storage,
    severity: Severity::Medium,
    since: "1.3.0",
    checks: "The firmware or storage OS version of each hardware storage system: whether it is \
             known, and whether the answer names a release that advisories and compatibility \
             lists can be looked up with, rather than \"latest\" or \"current\".",
    why: "Vendors publish advisories and compatibility lists per firmware release, and Veeam's \
          storage integrations and Veeam Ready qualifications name the firmware they were \
          tested with for each Veeam version. At one provider a firmware update changed a SCSI \
          command's behaviour and backups failed: without the release running today, none of \
          this can be checked, and the compatibility answers cannot be confirmed.",
    remediation: &[
        "Read the firmware or storage OS version from the array's management interface or \
         CLI (the exact release, with its patch level), and record it with the date it was \
         installed.",
        "Look it up in the vendor's advisories and compatibility list, and in Veeam's storage \
         integration and Veeam Ready lists for the Veeam version in use.",
        "Keep the version in the platform's inventory, updated by the firmware change \
         process, so the next assessment does not have to ask.",
    ],
    references: &[STORAGE_INTEGRATION, VEEAM_READY],
    check: firmware_not_known,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "type": {"value": "hardware"},
              "firmware_version": {"value": "Latest."}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "type": {"value": "hardware"},
              "firmware_version": {"value": "ONTAP 9.14.1P6"}}},
              {"name": "Managed disks", "answers": {"type": {"value": "cloud_block"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "firmware_version": {"dont_know": true}}}]}}"#,
    },
];

fn firmware_not_known(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let firmware = system.get("firmware_version").text();
        let evidence = firmware.evidence();
        let Some(firmware) = c.known_or_say(firmware, UNCHECKED) else {
            continue;
        };
        let word = firmware.trim().trim_end_matches('.').to_lowercase();
        if NO_RELEASE.contains(&word.as_str()) {
            c.fire(
                format!(
                    "Storage system “{}” gives its firmware as “{}”, which names no release: \
                     {UNCHECKED}",
                    system.name(),
                    firmware.trim()
                ),
                vec![evidence],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::answers::Answers;
    use crate::questionnaire::Questionnaire;
    use crate::rules::{Config, FindingKind, assess_with};

    fn findings(system: &str) -> Vec<(FindingKind, String)> {
        let questionnaire = Questionnaire::builtin().expect("the questionnaire");
        let json =
            format!(r#"{{"schema_version": 1, "groups": {{"storage.systems": [{system}]}}}}"#);
        let answers = Answers::from_json(&json, questionnaire).expect("answers");
        assess_with(&[&super::RULE], questionnaire, &answers, &Config::default())
            .findings
            .into_iter()
            .map(|finding| (finding.kind, finding.message))
            .collect()
    }

    #[test]
    fn an_unknown_firmware_says_which_checks_cannot_run() {
        let found = findings(
            r#"{"name": "array-01", "answers": {"firmware_version": {"dont_know": true}}}"#,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, FindingKind::NeedsVerification);
        for named in [
            "advisories",
            "compatibility list",
            "Veeam Ready",
            "Veeam version",
        ] {
            assert!(found[0].1.contains(named), "{named}: {}", found[0].1);
        }
    }

    #[test]
    fn cloud_storage_has_no_firmware_to_ask_for() {
        for kind in super::super::CLOUD_KINDS {
            let found = findings(&format!(
                r#"{{"name": "cloud", "answers": {{"type": {{"value": "{kind}"}},
                    "firmware_version": {{"dont_know": true}}}}}}"#
            ));
            assert!(found.is_empty(), "{kind}: {found:?}");
        }
    }
}
