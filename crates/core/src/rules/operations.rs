//! Operations: how the partner finds out that something broke, who gets woken up, what they do
//! next, and how changes and incidents are handled. Mean time to recovery is mostly decided
//! before the outage.

use super::{Category, Check, Dated, Expect, FactState, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

/// The runbooks a VCSP platform needs, with how findings name them.
const RUNBOOKS: &[(&str, &str)] = &[
    ("job_failure", "job failures"),
    ("repository_full", "repository or quota full"),
    ("gateway_down", "cloud gateway down"),
    ("certificate_expiry", "certificate expiry"),
    ("storage_failure", "storage failure"),
    ("dr_failover", "DR failover"),
    ("ransomware", "ransomware"),
];

pub(super) const RULES: &[Rule] = &[
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
        id: "OPS-003",
        title: "A failed job takes too long to reach someone",
        category: Category::Operations,
        severity: Severity::Medium,
        since: SINCE,
        checks: "How soon after a job fails someone is alerted, against \
                 `failed_job_alert_max_minutes` (default 60); as high when the delay is as long \
                 as the RPO promised to tenants or longer.",
        why: "Every hour between a failure and the alert is an hour of the tenant's RPO gone. \
              An alert that arrives in a morning summary turns a night-time failure into a \
              missed backup, and an alert slower than the RPO means the promise is broken \
              before anyone knows.",
        remediation: &[
            "Check how a failed session becomes an alert today (notification, monitoring poll \
             interval, summary report) and time it with a test failure.",
            "Make failed sessions raise an alert at once (Veeam ONE alarm, Service Provider \
             Console alarm or notification to the paging tool), not in a daily report.",
            "Include the delay in the on-call runbook's expectations: who acknowledges, and \
             within how long.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/one/userguide/backup_alarms.html",
            "https://sre.google/sre-book/being-on-call/",
        ],
        check: slow_failed_job_alert,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.alert_channels": {"value": ["email"]},
                  "operations.failed_job_alert_within": {"value": "8h"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager"]},
                  "operations.failed_job_alert_within": {"value": "30m"},
                  "windows.rpo": {"value": "15m"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager"]},
                  "operations.failed_job_alert_within": {"value": "15m"},
                  "windows.rpo": {"value": "24h"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"operations.alert_channels": {"value": ["pager"]},
                  "operations.failed_job_alert_within": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-004",
        title: "No 24x7 on-call rota for the backup platform",
        category: Category::Operations,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether a 24x7 on-call rota covers the backup platform.",
        why: "Backups run at night. Without anyone on call, a 2 AM outage waits for the \
              morning shift: tenants miss their backup window or wait for their restore, and \
              recovery takes far longer than it needs to.",
        remediation: &[
            "Check who is reached today when something breaks at night or at the weekend, and \
             how (a name, a phone, a paging schedule).",
            "Set up a rota with a primary and a secondary, in a paging tool that escalates \
             when an alert is not acknowledged.",
            "Give the on-call engineers the runbooks and the access they need, and review each \
             night-time call afterwards.",
        ],
        references: &["https://sre.google/sre-book/being-on-call/"],
        check: no_on_call,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.on_call_24x7": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"operations.on_call_24x7": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"operations.on_call_24x7": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-005",
        title: "Runbooks are missing for the outages that happen",
        category: Category::Operations,
        severity: Severity::High,
        since: SINCE,
        checks: "Which runbooks exist: none at all is high; any missing of job failure, \
                 repository or quota full, cloud gateway down (when Cloud Connect is offered), \
                 certificate expiry, storage failure, DR failover (when DR is offered) and \
                 ransomware is medium.",
        why: "At one provider nobody had a runbook or alerting for a 2 AM outage, and mean \
              time to recovery was long. A runbook lets whoever is on call act without waiting \
              for the one person who knows, and a ransomware runbook decides what is isolated \
              before the attacker reaches the backups.",
        remediation: &[
            "Start with the outage most likely tonight (job failures, a full repository) and \
             write what to check first, what to do, and whom to escalate to.",
            "Add the rest: gateway down, certificate expiry, storage failure, DR failover and \
             ransomware (who isolates what, which copies are known clean).",
            "Keep them where on-call can reach them when the platform is down, and walk \
             through one in each on-call handover.",
        ],
        references: &[
            "https://sre.google/sre-book/accelerating-sre-on-call/",
            "https://sre.google/sre-book/managing-incidents/",
        ],
        check: runbooks_missing,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.runbooks": {"value": ["none"]}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_backup"]},
                  "dr.offered": {"value": false},
                  "operations.runbooks": {"value": ["job_failure", "repository_full"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_backup"]},
                  "dr.offered": {"value": false},
                  "operations.runbooks": {"value": ["job_failure", "repository_full",
                    "gateway_down", "certificate_expiry", "storage_failure", "ransomware"]}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"operations.runbooks": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-006",
        title: "Runbooks have not been reviewed recently",
        category: Category::Operations,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The date the runbooks were last reviewed, against `runbook_review_max_age_days` \
                 (default 365) before the as-of date.",
        why: "Runbooks go stale as the platform changes: a runbook that names servers that no \
              longer exist, or skips a step a new version added, costs time in the middle of \
              the outage it was written for.",
        remediation: &[
            "Review each runbook against the platform as it is today (servers, versions, \
             contacts, access), and date the review.",
            "Tie reviews to change control: a change that touches a runbook's steps updates \
             the runbook.",
            "Use DR tests and incidents to test runbooks, and fix them right after.",
        ],
        references: &["https://sre.google/sre-book/accelerating-sre-on-call/"],
        check: runbooks_stale,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "operations.runbooks": {"value": ["job_failure"]},
                  "operations.runbooks_reviewed": {"value": "2024-03-01"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "operations.runbooks": {"value": ["job_failure"]},
                  "operations.runbooks_reviewed": {"value": "2026-06-30"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "operations.runbooks": {"value": ["job_failure"]},
                  "operations.runbooks_reviewed": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-007",
        title: "Infrastructure changes are not under change control",
        category: Category::Operations,
        severity: Severity::High,
        since: SINCE,
        checks: "How infrastructure changes (firmware, patches, certificates) are controlled: \
                 ad hoc (the engineer decides when) is a finding.",
        why: "A storage firmware update once changed the behaviour of a SCSI command that had \
              worked for a decade, and backup jobs failed; a certificate renewal in the peak \
              backup window broke every tenant's session. Change control is where such a change \
              is checked, scheduled outside backup windows and given a way back.",
        remediation: &[
            "List the changes of the last months that touched storage, network, hypervisors, \
             certificates or Veeam, and which of them caused an incident.",
            "Introduce at least a lightweight process: each change announced, peer-reviewed, \
             checked against Veeam and vendor compatibility, and scheduled in a maintenance \
             window outside the backup windows, with a rollback plan.",
            "Tell the backup team before every storage, network or hypervisor change.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/platform_support.html",
            "https://sre.google/sre-book/managing-incidents/",
        ],
        check: changes_ad_hoc,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.change_control": {"value": "ad_hoc"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"operations.change_control": {"value": "lightweight"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"operations.change_control": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-008",
        title: "Compatibility with Veeam is not checked before updates",
        category: Category::Operations,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether compatibility with Veeam is checked before firmware, hypervisor or \
                 operating system updates.",
        why: "Vendors do not test every combination. Checking Veeam's and the storage \
              vendor's support matrices before an update is what catches the firmware that \
              changes a SCSI command's behaviour, or the hypervisor build Veeam does not yet \
              support, before it reaches production.",
        remediation: &[
            "Add a compatibility step to the change template: the target version looked up in \
             Veeam's platform support pages and the storage vendor's matrix, with the result \
             recorded in the change.",
            "Stage firmware and hypervisor updates on a test or secondary system first, and run \
             a backup and a restore on it.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/platform_support.html",
            "https://www.veeam.com/kb2680",
        ],
        check: compatibility_unchecked,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.change_control": {"value": "formal"},
                  "operations.compatibility_check": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"operations.change_control": {"value": "formal"},
                  "operations.compatibility_check": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"operations.change_control": {"value": "formal"},
                  "operations.compatibility_check": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-009",
        title: "Incidents are not reviewed afterwards",
        category: Category::Operations,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether post-incident reviews are held: never is medium, only sometimes is low.",
        why: "Without a review, the cause of an outage stays unknown and the same outage \
              returns; the runbook, the alert and the change process that should have caught \
              it are never fixed.",
        remediation: &[
            "Hold a written, blameless review after every incident that affected tenants or \
             needed the on-call engineer: timeline, cause, what helped, what did not.",
            "Turn each finding into an owned action (a runbook, an alert, a change rule) and \
             track it to done.",
        ],
        references: &["https://sre.google/sre-book/postmortem-culture/"],
        check: no_post_incident_reviews,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.post_incident_reviews": {"value": "never"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.post_incident_reviews": {"value": "sometimes"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"operations.post_incident_reviews": {"value": "always"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"operations.post_incident_reviews": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-010",
        title: "The Veeam Health Check has never been run, or not recently",
        category: Category::Operations,
        severity: Severity::Medium,
        since: SINCE,
        checks: "When the Veeam Health Check (VeeamHub veeam-healthcheck) was last run: never \
                 (answered \"not applicable\") is medium; a run older than \
                 `healthcheck_max_age_days` (default 180) before the as-of date is low.",
        why: "Its report lists configuration that strays from best practice, from job \
              settings to security. A recent one saves time in the engagement, shows whether \
              earlier findings were fixed, and gives the tech lead facts instead of assumptions.",
        remediation: &[
            "Run the Veeam Health Check on the backup server (it is read-only and works \
             offline), with the scrub option if the report leaves your company.",
            "Go through its findings and fix or document each, then share the report with the \
             tech lead before the engagement.",
            "Run it again after major changes and at least twice a year.",
        ],
        references: &["https://github.com/VeeamHub/veeam-healthcheck"],
        check: healthcheck_old,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.last_healthcheck":
                  {"not_applicable": "never run"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "operations.last_healthcheck": {"value": "2025-01-15"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "operations.last_healthcheck": {"value": "2026-10-15"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "operations.last_healthcheck": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "OPS-011",
        title: "Capacity is reviewed only when something runs out",
        category: Category::Operations,
        severity: Severity::Medium,
        since: SINCE,
        checks: "How often capacity (repositories, gateways, DR hosts, bandwidth) is reviewed: \
                 only when something runs out is medium, yearly is low.",
        why: "Tenants grow their backups every month. Without a regular review, the first \
              sign of a full repository, an overloaded gateway or oversubscribed DR hosts is a \
              wave of failed jobs or a failover with nowhere to run.",
        remediation: &[
            "Set a monthly capacity review: repository free space and growth, quota totals, \
             gateway connections, concurrent tasks, DR host commitments and link use.",
            "Add alerts for the thresholds (repository free space, quota use) so a review is \
             not the only safety net.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/one/userguide/backup_alarms.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
        ],
        check: capacity_unreviewed,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"operations.capacity_review": {"value": "when_needed"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"operations.capacity_review": {"value": "monthly"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"operations.capacity_review": {"dont_know": true}}}"#,
            },
        ],
    },
];

/// Whether a multiple choice answer picked nothing real: empty, or "none".
fn nothing(choices: &[String]) -> bool {
    choices.is_empty() || choices.iter().any(|choice| choice == "none")
}

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
        let veeam_aware = tools.value().is_some_and(|tools| {
            tools
                .iter()
                .any(|tool| tool == "veeam_one" || tool == "vspc")
        });
        if !veeam_aware {
            c.fire_at(
                Severity::Medium,
                "E-mail notifications are off in Backup & Replication, and neither Veeam ONE \
                 nor the Service Provider Console watches the jobs: failed sessions can go \
                 unnoticed"
                    .to_owned(),
                vec![notifications_evidence, tools.evidence()],
            );
        }
    }
}

fn slow_failed_job_alert(c: &mut Check<'_>) {
    let within = c.get("operations.failed_job_alert_within").minutes();
    let within_evidence = within.evidence();
    let within_shown = within.shown();
    let Some(minutes) = c.known(within) else {
        return;
    };
    let rpo = c.get("windows.rpo").minutes();
    if let Some(&rpo_minutes) = rpo.value()
        && minutes >= rpo_minutes
    {
        c.fire_at(
            Severity::High,
            format!(
                "A failed job reaches someone {within_shown} after it fails, no sooner than the \
                 RPO of {} promised to tenants: the promise is broken before anyone knows",
                rpo.shown()
            ),
            vec![within_evidence, rpo.evidence()],
        );
        return;
    }
    let max = u64::from(c.config.failed_job_alert_max_minutes);
    if minutes > max {
        c.fire(
            format!(
                "A failed job reaches someone {within_shown} after it fails, more than {max} \
                 minutes"
            ),
            vec![within_evidence],
        );
    }
}

fn no_on_call(c: &mut Check<'_>) {
    let on_call = c.get("operations.on_call_24x7").bool();
    let evidence = on_call.evidence();
    if c.known(on_call) == Some(false) {
        c.fire(
            "No 24x7 on-call rota covers the backup platform: a 2 AM outage waits for the \
             morning"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn runbooks_missing(c: &mut Check<'_>) {
    let runbooks = c.get("operations.runbooks").choices();
    let runbooks_evidence = runbooks.evidence();
    let Some(runbooks) = c.known(runbooks) else {
        return;
    };
    if nothing(&runbooks) {
        c.fire(
            "There are no runbooks: whoever is on call at 2 AM works from memory or waits for \
             the one person who knows"
                .to_owned(),
            vec![runbooks_evidence],
        );
        return;
    }
    let services = c.get("engagement.services").choices();
    let cloud_connect = services.value().is_none_or(|services| {
        services
            .iter()
            .any(|s| s == "cloud_connect_backup" || s == "cloud_connect_replication")
    });
    let offered = c.get("dr.offered").bool();
    let dr = offered.value().is_none_or(|offered| *offered);
    let missing: Vec<&str> = RUNBOOKS
        .iter()
        .filter(|(id, _)| match *id {
            "gateway_down" => cloud_connect,
            "dr_failover" => dr,
            _ => true,
        })
        .filter(|(id, _)| !runbooks.iter().any(|have| have == id))
        .map(|(_, name)| *name)
        .collect();
    if !missing.is_empty() {
        c.fire_at(
            Severity::Medium,
            format!("There are no runbooks for: {}", missing.join(", ")),
            vec![runbooks_evidence, services.evidence(), offered.evidence()],
        );
    }
}

fn runbooks_stale(c: &mut Check<'_>) {
    let reviewed = c.get("operations.runbooks_reviewed").date();
    let max_age = i64::from(c.config.runbook_review_max_age_days);
    if let Some(Dated {
        date,
        as_of,
        days,
        evidence,
    }) = c.dated(reviewed)
        && days > max_age
    {
        c.fire(
            format!(
                "The runbooks were last reviewed on {date}, {days} days before {as_of}: more \
                 than {max_age} days ago"
            ),
            evidence,
        );
    }
}

fn changes_ad_hoc(c: &mut Check<'_>) {
    let control = c.get("operations.change_control").choice();
    let evidence = control.evidence();
    if c.known(control).as_deref() == Some("ad_hoc") {
        c.fire(
            "Infrastructure changes (firmware, patches, certificates) are made ad hoc: nothing \
             checks them against Veeam or keeps them out of the backup windows"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn compatibility_unchecked(c: &mut Check<'_>) {
    let checked = c.get("operations.compatibility_check").bool();
    let evidence = checked.evidence();
    if c.known(checked) == Some(false) {
        c.fire(
            "Firmware, hypervisor and OS updates are not checked for compatibility with Veeam \
             before they are rolled out"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn no_post_incident_reviews(c: &mut Check<'_>) {
    let reviews = c.get("operations.post_incident_reviews").choice();
    let evidence = reviews.evidence();
    match c.known(reviews).as_deref() {
        Some("never") => c.fire(
            "Incidents are never reviewed afterwards: their causes stay unknown and they return"
                .to_owned(),
            vec![evidence],
        ),
        Some("sometimes") => c.fire_at(
            Severity::Low,
            "Incidents are reviewed only sometimes: the ones skipped are the ones that return"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}

fn healthcheck_old(c: &mut Check<'_>) {
    let last = c.get("operations.last_healthcheck").date();
    // The question has no condition: "not applicable" is the partner saying it never ran.
    if matches!(last.state, FactState::NotApplicable) {
        c.fire(
            "The Veeam Health Check has never been run on this platform".to_owned(),
            vec![last.evidence()],
        );
        return;
    }
    let max_age = i64::from(c.config.healthcheck_max_age_days);
    if let Some(Dated {
        date,
        as_of,
        days,
        evidence,
    }) = c.dated(last)
        && days > max_age
    {
        c.fire_at(
            Severity::Low,
            format!(
                "The Veeam Health Check last ran on {date}, {days} days before {as_of}: more \
                 than {max_age} days ago"
            ),
            evidence,
        );
    }
}

fn capacity_unreviewed(c: &mut Check<'_>) {
    let review = c.get("operations.capacity_review").choice();
    let evidence = review.evidence();
    match c.known(review).as_deref() {
        Some("when_needed") => c.fire(
            "Capacity is reviewed only when something runs out: the first sign is a wave of \
             failed jobs"
                .to_owned(),
            vec![evidence],
        ),
        Some("yearly") => c.fire_at(
            Severity::Low,
            "Capacity is reviewed once a year: tenant growth between reviews goes unseen"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
