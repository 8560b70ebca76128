use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-007",
    title: "Infrastructure changes are not under change control",
    category: Category::Operations,
    severity: Severity::High,
    since: SINCE,
    checks: "How infrastructure changes (firmware, patches, certificates) are controlled: \
             ad hoc (the engineer decides when) is a finding.",
    why: "A storage firmware update once changed the behaviour of a SCSI command that had \
          worked for a decade, and backup jobs failed; a certificate renewal in the peak \
          backup window broke every tenant's session. Change control is where such a change \
          is checked, scheduled outside backup windows and given a way back.",
    remediation: &[
        "List the changes of the last months that touched storage, network, hypervisors, \
         certificates or Veeam, and which of them caused an incident.",
        "Introduce at least a lightweight process: each change announced, peer-reviewed, \
         checked against Veeam and vendor compatibility, and scheduled in a maintenance \
         window outside the backup windows, with a rollback plan.",
        "Tell the backup team before every storage, network or hypervisor change.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/platform_support.html",
        "https://sre.google/sre-book/managing-incidents/",
    ],
    check: changes_ad_hoc,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.change_control": {"value": "ad_hoc"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.change_control": {"value": "lightweight"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.change_control": {"dont_know": true}}}"#,
    },
];

fn changes_ad_hoc(c: &mut Check<'_>) {
    let control = c.get("operations.change_control").choice();
    let evidence = control.evidence();
    if c.known(control).as_deref() == Some("ad_hoc") {
        c.fire(
            "Infrastructure changes (firmware, patches, certificates) are made ad hoc: nothing \
             checks them against Veeam or keeps them out of the backup windows"
                .to_owned(),
            vec![evidence],
        );
    }
}
