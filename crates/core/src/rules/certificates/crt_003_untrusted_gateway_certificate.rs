use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
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
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"certificates.certificates": [{"name": "cc", "answers": {
              "used_for": {"dont_know": true},
              "issuer_type": {"value": "self_signed"}}}]}}"#,
    },
];

fn untrusted_gateway_certificate(c: &mut Check<'_>) {
    for certificate in c.items("certificates.certificates") {
        let used_for = certificate.get("used_for").choices();
        let used_for_evidence = used_for.evidence();
        if !c
            .filter(used_for)
            .is_some_and(|uses| uses.iter().any(|u| u == "cloud_connect_gateways"))
        {
            continue;
        }
        let issuer = certificate.get("issuer_type").choice();
        let evidence = vec![used_for_evidence, issuer.evidence()];
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
