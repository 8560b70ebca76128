use super::{HC_ANALYZER, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-005",
    title: "Jobs to cloud or off-site repositories are not encrypted",
    category: Category::Security,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether jobs that send data to cloud or off-site repositories are encrypted by \
             Veeam: none is high, some is medium.",
    why: "Data that leaves the site sits on storage and networks the provider does not fully \
          control. Encrypted by Veeam before it leaves, a leaked bucket, a stolen disk or a \
          compromised colocation share reveals nothing. Veeam's analyzer expects every job \
          to a cloud repository to be encrypted.",
    remediation: &[
        "List the backup copy, backup and offload jobs whose target is off-site or in the \
         cloud, and which of them are not encrypted.",
        "Store the encryption passwords in a vault (or use a KMS) and enable Enterprise \
         Manager password loss protection before turning encryption on.",
        "Enable encryption on those jobs; the next full (or active full) writes encrypted \
         data, so plan the space and the window for it.",
    ],
    references: &[
        HC_ANALYZER,
        "https://helpcenter.veeam.com/docs/backup/vsphere/encryption_best_practices.html",
    ],
    check: offsite_unencrypted,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "none"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "some"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.offsite_encryption": {"value": "all"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.offsite_encryption": {"dont_know": true}}}"#,
    },
];

fn offsite_unencrypted(c: &mut Check<'_>) {
    let encryption = c.get("security.offsite_encryption").choice();
    let evidence = encryption.evidence();
    match c.known(encryption).as_deref() {
        Some("none") => c.fire(
            "No job that sends data to cloud or off-site repositories is encrypted by Veeam"
                .to_owned(),
            vec![evidence],
        ),
        Some("some") => c.fire_at(
            Severity::Medium,
            "Only some jobs that send data to cloud or off-site repositories are encrypted by \
             Veeam"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
