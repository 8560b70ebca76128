use super::{SINCE, nothing};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-001",
    title: "Nothing monitors the backup platform",
    category: Category::Operations,
    severity: Severity::High,
    since: SINCE,
    checks: "The tools that monitor the backup platform: none is a finding.",
    why: "Without monitoring, failed jobs, full repositories, a gateway down or a \
          certificate about to expire are found by tenants, usually when they need a \
          restore. The 2 AM outage that nobody had alerting for took far longer to recover \
          from than it needed to.",
    remediation: &[
        "Check what does watch the platform today, even informally (job reports, \
         dashboards nobody looks at), and who reads it.",
        "Put Veeam ONE or the Service Provider Console (or your monitoring system with \
         Veeam checks) in place for jobs, repositories, gateways, proxies and licences.",
        "Add the layers below Veeam (storage, network, hypervisor) and route every alarm \
         to an alert channel that reaches the on-call engineer.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/one/userguide/backup_alarms.html",
        "https://sre.google/sre-book/monitoring-distributed-systems/",
    ],
    check: no_monitoring,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.monitoring_tools": {"value": ["none"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.monitoring_tools": {"value": ["veeam_one", "zabbix"]}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.monitoring_tools": {"dont_know": true}}}"#,
    },
];

fn no_monitoring(c: &mut Check<'_>) {
    let tools = c.get("operations.monitoring_tools").choices();
    let evidence = tools.evidence();
    if c.known(tools).is_some_and(|tools| nothing(&tools)) {
        c.fire(
            "Nothing monitors the backup platform: failures are found by tenants".to_owned(),
            vec![evidence],
        );
    }
}
