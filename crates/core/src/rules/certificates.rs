//! Certificates: expiry, renewal timing, automation and trust.

use super::schedule::BackupWindows;
use super::{Category, Check, Expect, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
        id: "CRT-002",
        title: "Automated certificate renewal runs inside a backup window",
        category: Category::Certificates,
        severity: Severity::High,
        since: SINCE,
        checks: "Each automated certificate renewal window against every backup window; and \
                 maintenance windows that include certificate renewal against every backup \
                 window.",
        why: "Replacing a certificate restarts TLS on the gateways: at one provider a renewal \
              script ran during the peak backup window and briefly broke TLS to every tenant's \
              Cloud Connect session, failing their jobs.",
        remediation: &[
            "Check when the renewal actually runs (scheduler, ACME client timer) and in which \
             time zone.",
            "Move it to a maintenance window that overlaps no backup, copy or replication \
             window; if no such window exists, agree one with tenants.",
            "If the renewal must stay automated, make it install the certificate only inside that \
             window and alert on failure.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/cloud/cc_tls_certificate.html",
            "https://bp.veeam.com/vbr/Support/S_Vault/cloud_connect.html",
        ],
        check: renewal_in_backup_window,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {
                  "certificates.certificates": [{"name": "cc", "answers": {
                    "renewal_method": {"value": "scheduled_script"},
                    "renewal_window": {"value": {"start": "01:00", "end": "01:30", "days": ["wed"]}}}}],
                  "windows.backup_windows": [{"name": "Nightly", "answers": {
                    "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {
                  "certificates.certificates": [{"name": "cc", "answers": {
                    "renewal_method": {"value": "acme"},
                    "renewal_window": {"value": {"start": "12:00", "end": "12:30", "days": ["wed"]}}}}],
                  "windows.backup_windows": [{"name": "Nightly", "answers": {
                    "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {
                  "certificates.certificates": [{"name": "cc", "answers": {
                    "renewal_method": {"value": "acme"},
                    "renewal_window": {"dont_know": true}}}],
                  "windows.backup_windows": [{"name": "Nightly", "answers": {
                    "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CRT-003",
        title: "Tenants must trust a self-signed or internal-CA gateway certificate",
        category: Category::Certificates,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Certificates used on Cloud Connect gateways whose issuer is not a public CA.",
        why: "With a self-signed or internal-CA certificate every tenant has to verify and accept \
              a thumbprint; each renewal changes it and breaks every tenant until they accept \
              the new one. A CA-signed certificate is validated automatically.",
        remediation: &[
            "Check which certificate the gateways present (`openssl s_client -connect \
             gateway:6180`).",
            "Obtain a certificate from a public CA for the gateways' DNS names.",
            "Install it on the Cloud Connect server and confirm a test tenant connects without a \
             thumbprint prompt.",
        ],
        references: &["https://helpcenter.veeam.com/docs/backup/cloud/cc_tls_certificate.html"],
        check: untrusted_gateway_certificate,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"certificates.certificates": [{"name": "cc", "answers": {
                  "used_for": {"value": ["cloud_connect_gateways"]},
                  "issuer_type": {"value": "self_signed"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"certificates.certificates": [{"name": "cc", "answers": {
                  "used_for": {"value": ["cloud_connect_gateways"]},
                  "issuer_type": {"value": "public_ca"}}}, {"name": "portal", "answers": {
                  "used_for": {"value": ["vspc_portal"]},
                  "issuer_type": {"value": "internal_ca"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"certificates.certificates": [{"name": "cc", "answers": {
                  "used_for": {"value": ["cloud_connect_gateways"]},
                  "issuer_type": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
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

fn renewal_in_backup_window(c: &mut Check<'_>) {
    let mut renewals = Vec::new();
    for certificate in c.items("certificates.certificates") {
        let method = certificate.get("renewal_method").choice();
        if !matches!(
            method.value().map(String::as_str),
            Some("acme" | "scheduled_script" | "other_automation")
        ) {
            continue;
        }
        let window = certificate.get("renewal_window").window();
        let evidence = vec![method.evidence(), window.evidence()];
        if let Some(window) = c.known(window) {
            renewals.push((
                format!(
                    "The automated renewal of certificate “{}”",
                    certificate.name()
                ),
                window,
                evidence,
            ));
        }
    }
    for maintenance in c.items("windows.maintenance_windows") {
        let activities = maintenance.get("activities").choices();
        if !activities
            .value()
            .is_some_and(|a| a.iter().any(|activity| activity == "certificate_renewal"))
        {
            continue;
        }
        let window = maintenance.get("window").window();
        let evidence = vec![activities.evidence(), window.evidence()];
        if let Some(window) = c.known(window) {
            renewals.push((
                format!(
                    "Maintenance window “{}”, which renews certificates,",
                    maintenance.name()
                ),
                window,
                evidence,
            ));
        }
    }
    if renewals.is_empty() {
        return;
    }
    let backup_windows = BackupWindows::read(c);
    for (what, renewal, mut evidence) in renewals {
        if let Some(overlap) = backup_windows.overlapping(&renewal) {
            evidence.extend(overlap.evidence.iter().cloned());
            c.fire(format!("{what} overlaps {}", overlap.named()), evidence);
        }
    }
}

fn untrusted_gateway_certificate(c: &mut Check<'_>) {
    for certificate in c.items("certificates.certificates") {
        let used_for = certificate.get("used_for").choices();
        if !used_for
            .value()
            .is_some_and(|uses| uses.iter().any(|u| u == "cloud_connect_gateways"))
        {
            continue;
        }
        let issuer = certificate.get("issuer_type").choice();
        let evidence = vec![used_for.evidence(), issuer.evidence()];
        let Some(issuer) = c.known(issuer) else {
            continue;
        };
        let kind = match issuer.as_str() {
            "self_signed" => "self-signed",
            "internal_ca" => "issued by an internal CA",
            _ => continue,
        };
        c.fire(
            format!(
                "Gateway certificate “{}” is {kind}: every tenant must accept its thumbprint, \
                 again at each renewal",
                certificate.name()
            ),
            evidence,
        );
    }
}

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
