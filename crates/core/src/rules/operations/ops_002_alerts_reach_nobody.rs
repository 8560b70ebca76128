use super::{SINCE, nothing};
use crate::rules::{Category, Check, Expect, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "OPS-002",
    title: "Alerts do not reach people, or Backup & Replication e-mail notifications are off",
    category: Category::Operations,
    severity: Severity::High,
    since: SINCE,
    checks: "The channels alerts reach people through: none is high, e-mail only is \
             medium. And whether e-mail notifications are enabled in Backup & Replication \
             when neither Veeam ONE nor the Service Provider Console watches the jobs \
             (medium).",
    why: "Monitoring that only fills a dashboard helps nobody at 2 AM: an alert has to \
          reach someone who is awake or will be woken up, and e-mail alone is read in the \
          morning. Veeam's Security & Compliance Analyzer checks that job notifications \
          are enabled, because without them failed sessions go unnoticed.",
    remediation: &[
        "Check where a failed job's alert goes today: send a test alert and see who gets \
         it, and when.",
        "Route critical alerts to a channel that wakes the on-call engineer (paging tool, \
         SMS), and keep e-mail for reports.",
        "Enable global e-mail notifications in Backup & Replication (or job notifications \
         through Veeam ONE or the Service Provider Console) for failed and warning \
         sessions.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/email_notification_settings.html",
        "https://helpcenter.veeam.com/docs/vbr/userguide/best_practices_analyzer.html",
    ],
    check: alerts_reach_nobody,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["none"]},
              "operations.vbr_email_notifications": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager", "email"]},
              "operations.vbr_email_notifications": {"value": false},
              "operations.monitoring_tools": {"value": ["zabbix"]}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["email"]},
              "operations.vbr_email_notifications": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager", "email"]},
              "operations.vbr_email_notifications": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["sms", "chat"]},
              "operations.vbr_email_notifications": {"value": false},
              "operations.monitoring_tools": {"value": ["veeam_one"]}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.alert_channels": {"dont_know": true},
              "operations.vbr_email_notifications": {"dont_know": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager", "email"]},
              "operations.vbr_email_notifications": {"value": false},
              "operations.monitoring_tools": {"dont_know": true}}}"#,
    },
];

fn alerts_reach_nobody(c: &mut Check<'_>) {
    let channels = c.get("operations.alert_channels").choices();
    let channels_evidence = channels.evidence();
    match c.known(channels) {
        Some(channels) if nothing(&channels) => c.fire(
            "Alerts reach nobody: no alert channel is set up".to_owned(),
            vec![channels_evidence],
        ),
        Some(channels) if channels.iter().all(|channel| channel == "email") => c.fire_at(
            Severity::Medium,
            "Alerts reach people only by e-mail: read in the morning, not at 2 AM".to_owned(),
            vec![channels_evidence],
        ),
        _ => {}
    }
    let notifications = c.get("operations.vbr_email_notifications").bool();
    let notifications_evidence = notifications.evidence();
    if c.known(notifications) == Some(false) {
        let tools = c.get("operations.monitoring_tools").choices();
        let tools_evidence = tools.evidence();
        // "Not applicable": no tool watches the jobs. Not known or blank: asked for.
        let not_applicable = matches!(tools.state, FactState::NotApplicable);
        let veeam_aware = match c.known(tools) {
            Some(tools) => tools
                .iter()
                .any(|tool| tool == "veeam_one" || tool == "vspc"),
            None if not_applicable => false,
            None => return,
        };
        if !veeam_aware {
            c.fire_at(
                Severity::Medium,
                "E-mail notifications are off in Backup & Replication, and neither Veeam ONE \
                 nor the Service Provider Console watches the jobs: failed sessions can go \
                 unnoticed"
                    .to_owned(),
                vec![notifications_evidence, tools_evidence],
            );
        }
    }
}
