use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CRT-001",
    title: "Certificate expires soon or has expired",
    category: Category::Certificates,
    severity: Severity::High,
    since: SINCE,
    checks: "Each certificate's expiry date against the date the answers describe, with a \
             threshold of `certificate_expiry_days` (default 30).",
    why: "An expired gateway or portal certificate breaks TLS for every tenant at once: \
          backups and replication stop until it is replaced, and tenants may have to accept \
          a new thumbprint by hand.",
    remediation: &[
        "Check whether a renewed certificate already exists but was not installed; if so, \
         install it in a maintenance window outside the backup windows.",
        "If no renewal exists, request one now from the issuing CA and plan the switch.",
        "After installing, connect as a test tenant and confirm the certificate presented \
         is the new one.",
        "Make expiry monitored (alert at least 30 days ahead) so the next renewal is not a \
         surprise.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/cloud/cc_tls_certificate.html",
        "https://bp.veeam.com/vbr/Support/S_Vault/cloud_connect.html",
    ],
    check: expiring,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
              "groups": {"certificates.certificates": [
                {"name": "cc", "answers": {"expiry": {"value": "2026-11-20"}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
              "groups": {"certificates.certificates": [
                {"name": "cc", "answers": {"expiry": {"value": "2027-06-01"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"}},
              "groups": {"certificates.certificates": [
                {"name": "cc", "answers": {"expiry": {"dont_know": true}}}]}}"#,
    },
];

fn expiring(c: &mut Check<'_>) {
    let certificates = c.items("certificates.certificates");
    if certificates.is_empty() {
        return;
    }
    let as_of = c.get("engagement.as_of").date();
    let as_of_evidence = as_of.evidence();
    let Some(as_of) = c.known(as_of) else { return };
    let threshold = i64::from(c.config.certificate_expiry_days);
    for certificate in certificates {
        let expiry = certificate.get("expiry").date();
        let evidence = vec![expiry.evidence(), as_of_evidence.clone()];
        let Some(expiry) = c.known(expiry) else {
            continue;
        };
        let days = (expiry - as_of).whole_days();
        let name = certificate.name();
        if days < 0 {
            c.fire_at(
                Severity::Critical,
                format!(
                    "Certificate “{name}” expired on {expiry}, {} days before {as_of}",
                    -days
                ),
                evidence,
            );
        } else if days <= threshold {
            c.fire(
                format!("Certificate “{name}” expires on {expiry}, {days} days after {as_of}"),
                evidence,
            );
        }
    }
}
