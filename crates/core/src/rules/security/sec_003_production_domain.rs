use super::{HC_ANALYZER, HC_SECURING, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-003",
    title: "Backup infrastructure is joined to the production domain",
    category: Category::Security,
    severity: Severity::High,
    since: SINCE,
    checks: "Where the backup servers and repositories are joined, and (when answered) the \
             backup server's own domain membership: the production domain is a finding.",
    why: "Taking over the production Active Directory is the usual path in ransomware \
          attacks; whoever controls it controls every server joined to it, backup servers \
          included, and can delete the backups before encrypting production. Veeam \
          recommends a separate management domain (in its own forest) or a workgroup.",
    remediation: &[
        "List the Veeam components joined to the production domain and what depends on \
         that membership (logins, GPOs, service accounts).",
        "Move them to a management domain in a separate forest with no trust from \
         production, or to a workgroup with local accounts; plan it one component at a \
         time, starting with the repositories.",
        "Remove the production domain's groups from the backup servers' local \
         administrators and make backup logins use MFA.",
    ],
    references: &[HC_SECURING, HC_ANALYZER],
    check: production_domain,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.backup_domain": {"value": "production_domain"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.backup_domain": {"value": "workgroup"},
              "platform.domain_membership": {"value": "production_domain"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.backup_domain": {"value": "management_domain"},
              "platform.domain_membership": {"value": "management_domain"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.backup_domain": {"dont_know": true}}}"#,
    },
];

fn production_domain(c: &mut Check<'_>) {
    let infrastructure = c.get("security.backup_domain").choice();
    let server = c.get("platform.domain_membership").choice();
    let infrastructure_evidence = infrastructure.evidence();
    let server_evidence = server.evidence();
    let server_in_production = c.known(server).as_deref() == Some("production_domain");
    let infrastructure = c.known(infrastructure);
    if infrastructure.as_deref() == Some("production_domain") {
        let mut evidence = vec![infrastructure_evidence];
        let also = if server_in_production {
            evidence.push(server_evidence);
            ", the backup server included"
        } else {
            ""
        };
        c.fire(
            format!(
                "The backup servers and repositories are joined to the production domain{also}: \
                 whoever takes that domain can delete the backups"
            ),
            evidence,
        );
    } else if server_in_production {
        c.fire(
            "The backup server is joined to the production domain: whoever takes that domain \
             can delete the backups"
                .to_owned(),
            vec![server_evidence, infrastructure_evidence],
        );
    }
}
