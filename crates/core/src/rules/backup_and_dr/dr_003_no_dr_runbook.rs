use super::{SINCE, dr_offered};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-003",
    title: "No written runbook for a DR failover",
    category: Category::BackupAndDr,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether a written runbook for a DR failover exists (who decides, the steps, \
             network and DNS changes), when DR is offered.",
    why: "A disaster is when the people who know the steps are busy or unreachable. \
          Without a runbook, failover depends on memory, takes far longer than the \
          promised RTO, and the network and DNS steps are the ones forgotten.",
    remediation: &[
        "Write down who may declare a disaster, how tenants are told, and the order of \
         failover (failover plans, network extension appliances, public IPs, DNS).",
        "Keep it where the on-call engineer can reach it when the primary site is down \
         (not only on the platform it describes).",
        "Use it in the next DR test, and fix every step the test shows to be wrong.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/performing_full_site_failover.html",
        "https://sre.google/sre-book/managing-incidents/",
    ],
    check: no_dr_runbook,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.runbook": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.runbook": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.runbook": {"dont_know": true}}}"#,
    },
];

fn no_dr_runbook(c: &mut Check<'_>) {
    if !dr_offered(c) {
        return;
    }
    let runbook = c.get("dr.runbook").bool();
    let evidence = runbook.evidence();
    if c.known(runbook) == Some(false) {
        c.fire(
            "There is no written DR failover runbook: failover depends on who remembers the \
             steps"
                .to_owned(),
            vec![evidence],
        );
    }
}
