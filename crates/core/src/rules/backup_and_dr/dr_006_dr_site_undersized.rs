use super::{SINCE, dr_offered};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-006",
    title: "The DR site is not sized for a full failover",
    category: Category::BackupAndDr,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether the DR site is sized for a full failover (every replicated tenant at \
             once), when DR is offered.",
    why: "A regional disaster hits many tenants at the same time. If DR hosts are \
          oversubscribed, the first tenants to fail over take the capacity and the rest \
          have nowhere to start: memory usually runs out first.",
    remediation: &[
        "Add up the CPU, memory and storage of all hardware plans with subscribers and \
         compare them with the DR hosts, with one host failed (N+1).",
        "If they do not fit, add capacity, stop selling replica resources beyond what \
         fits, or agree with tenants in writing which of them are served first.",
        "Review the sums whenever hardware plans or DR hosts change.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_hardware_plan.html",
        "https://helpcenter.veeam.com/docs/vbr/cloud/performing_full_site_failover.html",
    ],
    check: dr_site_undersized,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.capacity_full_failover": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.capacity_full_failover": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.capacity_full_failover": {"dont_know": true}}}"#,
    },
];

fn dr_site_undersized(c: &mut Check<'_>) {
    if !dr_offered(c) {
        return;
    }
    let sized = c.get("dr.capacity_full_failover").bool();
    let evidence = sized.evidence();
    if c.known(sized) == Some(false) {
        c.fire(
            "The DR site is not sized for a full failover: in a regional disaster, the first \
             tenants to fail over take the capacity the others need"
                .to_owned(),
            vec![evidence],
        );
    }
}
