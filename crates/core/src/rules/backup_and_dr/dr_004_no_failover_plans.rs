use super::{SINCE, dr_offered};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-004",
    title: "Failover plans are missing for tenants with replicas",
    category: Category::BackupAndDr,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether failover plans are defined for tenants with replicas, when DR is \
             offered: none is high, only some tenants is medium.",
    why: "A failover plan sets the boot order and delays of a tenant's VMs. Without one, \
          a failover is done VM by VM under pressure, applications start before the \
          databases they need, and many tenants failing over at once overwhelm the team.",
    remediation: &[
        "List the tenants with replicas and no failover plan (Cloud Connect console or \
         Service Provider Console).",
        "Agree the boot order and delays with each tenant and create the plans (the \
         tenant creates them for Cloud Connect replicas; help them).",
        "Test each new plan once, and include them in the next full DR test.",
    ],
    references: &["https://helpcenter.veeam.com/docs/vbr/cloud/cloud_failover_plan.html"],
    check: no_failover_plans,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.failover_plans": {"value": "none"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.failover_plans": {"value": "some"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.failover_plans": {"value": "all"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.failover_plans": {"dont_know": true}}}"#,
    },
];

fn no_failover_plans(c: &mut Check<'_>) {
    if !dr_offered(c) {
        return;
    }
    let plans = c.get("dr.failover_plans").choice();
    let evidence = plans.evidence();
    match c.known(plans).as_deref() {
        Some("none") => c.fire(
            "No tenant with replicas has a failover plan: every failover is done VM by VM, \
             without a boot order"
                .to_owned(),
            vec![evidence],
        ),
        Some("some") => c.fire_at(
            Severity::Medium,
            "Only some tenants with replicas have a failover plan: the others fail over VM \
             by VM, without a boot order"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
