//! Backup and DR: whether failover works when it is needed, and whether backups restore. The
//! proof is in tests with dates and results, judged against the date the answers describe.

use super::{Category, Check, Dated, Expect, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

/// Days a stated DR test frequency allows between tests, before a month of grace.
const TEST_GRACE_DAYS: i64 = 31;

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "DR-001",
        title: "DR has never been tested, or the last full test is too old",
        category: Category::BackupAndDr,
        severity: Severity::Critical,
        since: SINCE,
        checks: "When DR is offered: a test frequency of \"never\" (critical); a last full DR \
                 test older than `dr_test_max_age_days` (default 365) before the as-of date \
                 (high); a last test overdue for the stated frequency by more than a month \
                 (medium); a frequency of less than once a year (medium).",
        why: "A partner's DR failover had never been tested, and it did not work when it was \
              needed. Networks, firmware, certificates and tenants change every month; a \
              failover that worked a year ago may not work today, and the only way to know is \
              to run it.",
        remediation: &[
            "Check whether any failover was run recently (a real incident, a partial failover, \
             a failover plan test) and what it proved.",
            "Plan a full test now: pick tenants that represent each hardware plan and network \
             set-up, fail them over with their failover plans, and time it against the RTO.",
            "Check the result with the tenants (applications up, networks reachable, public \
             IPs working), then fail back and record what went wrong.",
            "Put the next tests in the calendar at the stated frequency, and track the open \
             issues from each test until a retest passes.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/testing_cloud_failover_plan.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/performing_full_site_failover.html",
        ],
        check: dr_untested,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "never"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "yearly"},
                  "dr.last_full_test": {"value": "2024-06-15"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "quarterly"},
                  "dr.last_full_test": {"value": "2026-03-01"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "quarterly"},
                  "dr.last_full_test": {"value": "2026-09-14"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"dr.offered": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.offered": {"value": true},
                  "dr.test_frequency": {"dont_know": true},
                  "dr.last_full_test": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "DR-002",
        title: "The last DR test failed or needed workarounds",
        category: Category::BackupAndDr,
        severity: Severity::High,
        since: SINCE,
        checks: "The result of the last full DR test, when DR is offered: \"failed\" is \
                 critical, \"partial\" (succeeded with problems or manual workarounds) is high.",
        why: "Problems from the last test that are still open will break the next real \
              failover the same way, under pressure and with every tenant waiting. A test \
              that needed workarounds only counts once the workarounds are fixed or written \
              into the runbook.",
        remediation: &[
            "Read what went wrong in the last test and check, item by item, whether each \
             problem is fixed, with evidence (a change, a configuration, a runbook step).",
            "Retest the failed part (a partial failover or a failover plan test is enough for \
             a single fix), then a full test once all items are closed.",
            "Until the retest passes, tell affected tenants what DR can and cannot do today.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/testing_cloud_failover_plan.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/performing_partial_failover.html",
        ],
        check: dr_test_failed,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "yearly"},
                  "dr.last_full_test": {"value": "2026-09-14"},
                  "dr.last_test_result": {"value": "failed"},
                  "dr.last_test_issues": {"value": "Replica network for two tenants had the wrong VLAN"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "yearly"},
                  "dr.last_full_test": {"value": "2026-09-14"},
                  "dr.last_test_result": {"value": "partial"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "yearly"},
                  "dr.last_full_test": {"value": "2026-09-14"},
                  "dr.last_test_result": {"value": "success"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.test_frequency": {"value": "yearly"},
                  "dr.last_full_test": {"value": "2026-09-14"},
                  "dr.last_test_result": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.runbook": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.runbook": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.runbook": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.failover_plans": {"value": "none"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.failover_plans": {"value": "some"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.failover_plans": {"value": "all"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.failover_plans": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.failback_tested": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.failback_tested": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.failback_tested": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.capacity_full_failover": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.capacity_full_failover": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"dr.offered": {"value": true},
                  "dr.capacity_full_failover": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "DR-007",
        title: "Restores are not verified automatically, or the last restore test is too old",
        category: Category::BackupAndDr,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether SureBackup or another automated restore verification is in use, \
                 whether it runs at least every `restore_test_max_age_days` (default 90), and \
                 whether the last restore test is within `restore_test_max_age_days` of the \
                 as-of date.",
        why: "A backup nobody has restored is a hope, not a backup. Without verification, a \
              corrupt or unbootable backup is found only when a tenant needs it: the 0 in \
              3-2-1-1-0.",
        remediation: &[
            "Check when a restore was last run and checked (by a person or SureBackup), and \
             for which workloads.",
            "Set up SureBackup (a virtual lab and application groups) for a representative \
             set of workloads, or its backup verification and content scan mode where a lab \
             is not possible, and schedule it after the backups.",
            "Add a manual restore test of tenant data to the operations calendar, and alert on \
             failed verification jobs like on failed backups.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/surebackup_job.html",
            "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy.html",
        ],
        check: restores_unverified,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.surebackup": {"value": false},
                  "dr.last_restore_test": {"value": "2026-10-20"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.surebackup": {"value": true},
                  "dr.surebackup_interval": {"value": "7d"},
                  "dr.last_restore_test": {"value": "2026-01-10"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.surebackup": {"value": true},
                  "dr.surebackup_interval": {"value": "7d"},
                  "dr.last_restore_test": {"value": "2026-10-20"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
                  "dr.surebackup": {"dont_know": true},
                  "dr.last_restore_test": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "DR-008",
        title: "Storage-level corruption guard is not on every backup and copy job",
        category: Category::BackupAndDr,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether the backup files health check (storage-level corruption guard) is \
                 enabled on the backup and backup copy jobs: on none is high, on some is medium.",
        why: "Disks, controllers and storage firmware can corrupt backup files silently. The \
              periodic health check reads the latest restore point and repairs it while a \
              good copy still exists; without it, the damage is found during a restore.",
        remediation: &[
            "List the backup and backup copy jobs without \"Perform backup files health check\" \
             (job settings > Storage > Advanced > Maintenance).",
            "Enable it with a schedule outside the peak backup window: it reads whole chains \
             and loads the repositories.",
            "Alert on health check failures, and check the first runs for corrupted points.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/backup_health_check.html",
            "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy_health_check.html",
        ],
        check: health_checks_missing,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.health_checks": {"value": "none"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"dr.health_checks": {"value": "some_jobs"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"dr.health_checks": {"value": "all_jobs"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"dr.health_checks": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "DR-009",
        title: "Tenant data does not meet the 3-2-1-1-0 rule",
        category: Category::BackupAndDr,
        severity: Severity::High,
        since: SINCE,
        checks: "3-2-1-1-0 from the service level answers: at least 3 copies counting \
                 production, on at least 2 media types, 1 off-site, 1 immutable or offline, and \
                 0 errors in verified restores. Each part that fails is a finding.",
        why: "Each part closes a way to lose everything: one failed array (3 copies), one \
              firmware bug on one kind of storage (2 media), one site lost to fire or power (1 \
              off-site), attackers with administrator rights who delete every backup they can \
              reach (1 immutable or offline), and backups that do not restore (0 errors).",
        remediation: &[
            "Check which copies exist for a typical tenant: production, the primary backup, \
             backup copies, capacity or archive tier, tape.",
            "Add what is missing: a backup copy job or a scale-out repository copy to object \
             storage at another site, with immutability (hardened repository or object lock).",
            "Verify restores from each copy on a schedule (SureBackup), and fix every error \
             before counting the copy.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy.html",
            "https://helpcenter.veeam.com/docs/vbr/userguide/best_practices_analyzer.html",
        ],
        check: three_two_one_one_zero,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"windows.copy_count": {"value": 2},
                  "windows.media_count": {"value": 1},
                  "windows.offsite_copy": {"value": false},
                  "windows.immutable_or_offline_copy": {"value": false},
                  "windows.verified_zero_errors": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"windows.copy_count": {"value": 3},
                  "windows.media_count": {"value": 2},
                  "windows.offsite_copy": {"value": true},
                  "windows.immutable_or_offline_copy": {"value": false},
                  "windows.verified_zero_errors": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"windows.copy_count": {"value": 3},
                  "windows.media_count": {"value": 2},
                  "windows.offsite_copy": {"value": true},
                  "windows.immutable_or_offline_copy": {"value": true},
                  "windows.verified_zero_errors": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"windows.copy_count": {"value": 3},
                  "windows.media_count": {"value": 2},
                  "windows.offsite_copy": {"value": true},
                  "windows.immutable_or_offline_copy": {"dont_know": true},
                  "windows.verified_zero_errors": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "DR-010",
        title: "The promised RPO is shorter than the most frequent job interval",
        category: Category::BackupAndDr,
        severity: Severity::High,
        since: SINCE,
        checks: "The recovery point objective promised to tenants against how often the most \
                 frequent backup or replication job runs: a job interval longer than the RPO \
                 means the promise cannot be kept.",
        why: "The RPO is the most data a tenant may lose. The most frequent job is the best \
              RPO the platform can deliver; a promise of 1 hour with jobs every 4 hours is \
              broken every day, before anything even fails.",
        remediation: &[
            "Check which tenants were promised this RPO, in which contracts, and which jobs \
             protect them.",
            "Either run those jobs at least as often as the RPO (or use continuous data \
             protection for the tightest promises), or change the promise.",
            "Monitor achieved restore point age against the RPO (RPO monitor in the job \
             settings, or Veeam ONE) so a missed interval raises an alert.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_cdp.html",
            "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy.html",
        ],
        check: rpo_unreachable,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"windows.rpo": {"value": "1h"},
                  "windows.most_frequent_job_interval": {"value": "4h"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"windows.rpo": {"value": "24h"},
                  "windows.most_frequent_job_interval": {"value": "4h"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"windows.rpo": {"value": "24h"},
                  "windows.most_frequent_job_interval": {"dont_know": true}}}"#,
            },
        ],
    },
];

/// Whether DR is offered; an unknown answer records what is needed.
fn dr_offered(c: &mut Check<'_>) -> bool {
    let offered = c.get("dr.offered").bool();
    c.known(offered) == Some(true)
}

/// The days a stated test frequency allows between full tests.
fn frequency_days(frequency: &str) -> Option<i64> {
    match frequency {
        "monthly" => Some(31),
        "quarterly" => Some(92),
        "twice_yearly" => Some(183),
        "yearly" => Some(365),
        _ => None,
    }
}

fn dr_untested(c: &mut Check<'_>) {
    if !dr_offered(c) {
        return;
    }
    let frequency = c.get("dr.test_frequency").choice();
    let frequency_evidence = frequency.evidence();
    let frequency = c.known(frequency);
    if frequency.as_deref() == Some("never") {
        c.fire(
            "A full DR test has never been run, though DR is offered or relied on: the first \
             failover will be the real one"
                .to_owned(),
            vec![frequency_evidence],
        );
        return;
    }
    if frequency.as_deref() == Some("less_often") {
        c.fire_at(
            Severity::Medium,
            "Full DR tests run less than once a year: most changes to the platform reach a \
             real failover untested"
                .to_owned(),
            vec![frequency_evidence.clone()],
        );
    }
    let last = c.get("dr.last_full_test").date();
    let Some(last) = c.dated(last) else {
        return;
    };
    let max_age = i64::from(c.config.dr_test_max_age_days);
    let Dated {
        date, as_of, days, ..
    } = last;
    if days > max_age {
        c.fire_at(
            Severity::High,
            format!(
                "The last full DR test was on {date}, {days} days before {as_of}: more than \
                 {max_age} days ago"
            ),
            last.evidence,
        );
    } else if let Some(allowed) = frequency.as_deref().and_then(frequency_days)
        && days > allowed + TEST_GRACE_DAYS
    {
        let mut evidence = last.evidence;
        evidence.push(frequency_evidence);
        c.fire_at(
            Severity::Medium,
            format!(
                "The last full DR test was on {date}, {days} days before {as_of}: overdue for \
                 the stated frequency ({} days between tests)",
                allowed
            ),
            evidence,
        );
    }
}

fn dr_test_failed(c: &mut Check<'_>) {
    if !dr_offered(c) {
        return;
    }
    let result = c.get("dr.last_test_result").choice();
    let when = c.get("dr.last_full_test");
    let issues = c.get("dr.last_test_issues");
    let evidence = vec![result.evidence(), when.evidence(), issues.evidence()];
    let on = when
        .value()
        .map_or_else(String::new, |date| format!(" on {}", super::show(date)));
    match c.known(result).as_deref() {
        Some("failed") => c.fire_at(
            Severity::Critical,
            format!(
                "The last full DR test{on} failed: until a retest succeeds, assume failover \
                 does not work"
            ),
            evidence,
        ),
        Some("partial") => c.fire(
            format!(
                "The last full DR test{on} needed workarounds or had problems: check each is \
                 fixed before the next real failover"
            ),
            evidence,
        ),
        _ => {}
    }
}

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

fn restores_unverified(c: &mut Check<'_>) {
    let max_age = i64::from(c.config.restore_test_max_age_days);
    let surebackup = c.get("dr.surebackup").bool();
    let surebackup_evidence = surebackup.evidence();
    match c.known(surebackup) {
        Some(false) => c.fire(
            "No SureBackup or other automated restore verification: a corrupt or unbootable \
             backup is found when a tenant needs it"
                .to_owned(),
            vec![surebackup_evidence],
        ),
        Some(true) => {
            let interval = c.get("dr.surebackup_interval").minutes();
            let interval_evidence = interval.evidence();
            let shown = interval.shown();
            if let Some(minutes) = c.known(interval)
                && i64::try_from(minutes / (24 * 60)).unwrap_or(i64::MAX) > max_age
            {
                c.fire_at(
                    Severity::Medium,
                    format!(
                        "Automated restore verification runs every {shown}, less often than \
                         every {max_age} days"
                    ),
                    vec![surebackup_evidence, interval_evidence],
                );
            }
        }
        None => {}
    }
    let last = c.get("dr.last_restore_test").date();
    if let Some(Dated {
        date,
        as_of,
        days,
        evidence,
    }) = c.dated(last)
        && days > max_age
    {
        c.fire(
            format!(
                "The last restore test was on {date}, {days} days before {as_of}: more than \
                 {max_age} days ago"
            ),
            evidence,
        );
    }
}

fn health_checks_missing(c: &mut Check<'_>) {
    let checks = c.get("dr.health_checks").choice();
    let evidence = checks.evidence();
    match c.known(checks).as_deref() {
        Some("none") => c.fire(
            "The storage-level corruption guard (backup files health check) is not enabled on \
             any job: silent corruption is found during a restore"
                .to_owned(),
            vec![evidence],
        ),
        Some("some_jobs") => c.fire_at(
            Severity::Medium,
            "The storage-level corruption guard (backup files health check) is enabled on only \
             some backup and copy jobs"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}

fn three_two_one_one_zero(c: &mut Check<'_>) {
    let copies = c.get("windows.copy_count").number();
    let evidence = copies.evidence();
    if let Some(copies) = c.known(copies)
        && copies < 3.0
    {
        c.fire(
            format!("Tenant data has {copies} copies counting production, fewer than 3"),
            vec![evidence],
        );
    }
    let media = c.get("windows.media_count").number();
    let evidence = media.evidence();
    if let Some(media) = c.known(media)
        && media < 2.0
    {
        c.fire(
            format!(
                "Tenant data is kept on {media} type of media, fewer than 2: one storage bug \
                 can reach every copy"
            ),
            vec![evidence],
        );
    }
    let offsite = c.get("windows.offsite_copy").bool();
    let evidence = offsite.evidence();
    if c.known(offsite) == Some(false) {
        c.fire(
            "No copy of tenant data is kept off-site: one site lost takes every copy".to_owned(),
            vec![evidence],
        );
    }
    let immutable = c.get("windows.immutable_or_offline_copy").bool();
    let evidence = immutable.evidence();
    if c.known(immutable) == Some(false) {
        c.fire(
            "No copy of tenant data is immutable or offline: attackers with administrator \
             rights can delete every copy"
                .to_owned(),
            vec![evidence],
        );
    }
    let verified = c.get("windows.verified_zero_errors").bool();
    let evidence = verified.evidence();
    if c.known(verified) == Some(false) {
        c.fire(
            "Backups are not verified by restore tests with zero errors: the 0 in 3-2-1-1-0 is \
             missing"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn rpo_unreachable(c: &mut Check<'_>) {
    let rpo = c.get("windows.rpo").minutes();
    let rpo_evidence = rpo.evidence();
    let interval = c.get("windows.most_frequent_job_interval").minutes();
    let interval_evidence = interval.evidence();
    let (rpo_shown, interval_shown) = (rpo.shown(), interval.shown());
    let (Some(rpo), Some(interval)) = (c.known(rpo), c.known(interval)) else {
        return;
    };
    if interval > rpo {
        c.fire(
            format!(
                "Tenants are promised an RPO of {rpo_shown}, but the most frequent job runs only \
                 every {interval_shown}: the promise cannot be kept"
            ),
            vec![rpo_evidence, interval_evidence],
        );
    }
}
