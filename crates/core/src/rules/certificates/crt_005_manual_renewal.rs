use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CRT-005",
    title: "Certificate renewed by hand",
    category: Category::Certificates,
    severity: Severity::Low,
    since: SINCE,
    checks: "Certificates whose renewal method is manual.",
    why: "Manual renewals depend on someone remembering, once a year or more often as \
          public CAs shorten lifetimes; they are the renewals that are forgotten.",
    remediation: &[
        "Check whether the issuing CA supports ACME or another automated renewal.",
        "If so, automate renewal and schedule the installation inside a maintenance window \
         outside the backup windows; if not, add the expiry to monitoring with an owner.",
    ],
    references: &["https://helpcenter.veeam.com/docs/backup/cloud/cc_tls_certificate.html"],
    check: manual_renewal,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"certificates.certificates": [{"name": "cc", "answers": {
              "renewal_method": {"value": "manual"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"certificates.certificates": [{"name": "cc", "answers": {
              "renewal_method": {"value": "acme"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"certificates.certificates": [{"name": "cc", "answers": {
              "renewal_method": {"dont_know": true}}}]}}"#,
    },
];

fn manual_renewal(c: &mut Check<'_>) {
    for certificate in c.items("certificates.certificates") {
        let method = certificate.get("renewal_method").choice();
        let evidence = method.evidence();
        if c.known(method).as_deref() == Some("manual") {
            c.fire(
                format!("Certificate “{}” is renewed by hand", certificate.name()),
                vec![evidence],
            );
        }
    }
}
