use super::{BP_GATEWAYS, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "CC-012",
    title: "Gateways present a self-signed or internal-CA certificate",
    category: Category::CloudConnect,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The certificate type the gateways present to tenants, when it is self-signed \
             or from an internal CA. Skipped when a gateway certificate with a known issuer \
             is listed under Certificates, which CRT-003 judges instead.",
    why: "With a self-signed or internal-CA certificate every tenant must check and accept a \
          thumbprint, and again after every renewal; tenants who skip the check cannot \
          tell the provider's gateways from an attacker's. A public CA certificate is \
          validated automatically.",
    remediation: &[
        "Check which certificate the gateways present (`openssl s_client -connect \
         gateway:6180`).",
        "Obtain a certificate from a public CA for the gateways' DNS names and install it \
         on the Cloud Connect server in a maintenance window outside the backup windows.",
        "Confirm a test tenant connects without a thumbprint prompt, and tell tenants the \
         change is coming.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/cloud/cc_tls_certificate.html",
        BP_GATEWAYS,
    ],
    check: untrusted_certificate_type,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.certificate_type": {"value": "self_signed"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.certificate_type": {"value": "ca_signed"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.certificate_type": {"value": "self_signed"}},
              "groups": {"certificates.certificates": [{"name": "cc", "answers": {
                "used_for": {"value": ["cloud_connect_gateways"]},
                "issuer_type": {"value": "self_signed"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.certificate_type": {"dont_know": true}}}"#,
    },
];

fn untrusted_certificate_type(c: &mut Check<'_>) {
    let judged_by_certificates = c.items("certificates.certificates").iter().any(|cert| {
        let gateway = cert
            .get("used_for")
            .choices()
            .value()
            .is_some_and(|uses| uses.iter().any(|u| u == "cloud_connect_gateways"));
        gateway && cert.get("issuer_type").choice().value().is_some()
    });
    if judged_by_certificates {
        return;
    }
    let kind = c.get("cloud_connect.certificate_type").choice();
    let evidence = kind.evidence();
    let what = match c.known(kind).as_deref() {
        Some("self_signed") => "a self-signed certificate",
        Some("internal_ca") => "a certificate from an internal CA",
        _ => return,
    };
    c.fire(
        format!(
            "The gateways present {what}: every tenant must accept its thumbprint, again at each \
             renewal"
        ),
        vec![evidence],
    );
}
