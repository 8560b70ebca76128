use super::{SINCE, dr_offered};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-005",
    title: "Failback has never been tested",
    category: Category::BackupAndDr,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether failback (returning tenants to their own site) has been tested, when \
             DR is offered.",
    why: "Failover is half the job. Tenants cannot run from your DR site forever, and an \
          untested failback can lose the changes made while they ran there, or keep them \
          on DR capacity that the next tenant's disaster needs.",
    remediation: &[
        "Include failback in the next DR test: fail a test tenant over, change data while \
         it runs at the DR site, fail back and check the changes arrived.",
        "Write the failback steps into the DR runbook, including how long it takes and \
         when the tenant is down.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_failback.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/performing_failback_to_production.html",
    ],
    check: failback_untested,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.failback_tested": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.failback_tested": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.failback_tested": {"dont_know": true}}}"#,
    },
];

fn failback_untested(c: &mut Check<'_>) {
    if !dr_offered(c) {
        return;
    }
    let tested = c.get("dr.failback_tested").bool();
    let evidence = tested.evidence();
    if c.known(tested) == Some(false) {
        c.fire(
            "Failback has never been tested: returning tenants to their own site may lose \
             the changes made at the DR site"
                .to_owned(),
            vec![evidence],
        );
    }
}
