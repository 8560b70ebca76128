use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CRT-004",
    title: "Certificate expiry is not monitored",
    category: Category::Certificates,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether certificate expiry is monitored with an alert that reaches someone, \
             and whether that alert fires at least `certificate_expiry_days` ahead.",
    why: "Renewals fail silently (a changed DNS record, an expired ACME account, a script \
          that stopped running). Without an alert the first sign is every tenant failing.",
    remediation: &[
        "Add an expiry check for every certificate tenants or admins connect to (gateways, \
         portal, object storage endpoints) to the monitoring system.",
        "Make the first alert fire at least 30 days ahead and route it to the on-call \
         channel, not a mailbox nobody reads.",
    ],
    references: &["https://bp.veeam.com/vbr/Support/S_Vault/cloud_connect.html"],
    check: expiry_not_monitored,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"certificates.expiry_monitored": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"certificates.expiry_monitored": {"value": true},
              "certificates.alert_days_before": {"value": 7}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"certificates.expiry_monitored": {"value": true},
              "certificates.alert_days_before": {"value": 30}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"certificates.expiry_monitored": {"dont_know": true}}}"#,
    },
];

fn expiry_not_monitored(c: &mut Check<'_>) {
    let monitored = c.get("certificates.expiry_monitored").bool();
    let evidence = monitored.evidence();
    match c.known(monitored) {
        Some(false) => c.fire(
            "Certificate expiry is not monitored: an expired certificate will be noticed when \
             tenants fail"
                .to_owned(),
            vec![evidence],
        ),
        Some(true) => {
            let days = c.get("certificates.alert_days_before").number();
            let days_evidence = days.evidence();
            let threshold = f64::from(c.config.certificate_expiry_days);
            if let Some(days) = c.known(days)
                && days < threshold
            {
                c.fire(
                    format!(
                        "The first certificate expiry alert fires {days} days ahead, less than \
                         {threshold} days: too little time if the renewal needs a CA or tenants"
                    ),
                    vec![evidence, days_evidence],
                );
            }
        }
        None => {}
    }
}
