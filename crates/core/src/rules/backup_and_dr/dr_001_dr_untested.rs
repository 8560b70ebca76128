use super::{SINCE, dr_offered};
use crate::rules::{Category, Check, Dated, Expect, Rule, Severity, Vector};

/// Days a stated DR test frequency allows between tests, before a month of grace.
const TEST_GRACE_DAYS: i64 = 31;

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "never"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "yearly"},
              "dr.last_full_test": {"value": "2024-06-15"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "quarterly"},
              "dr.last_full_test": {"value": "2026-03-01"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "quarterly"},
              "dr.last_full_test": {"value": "2026-09-14"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-11-01"},
              "engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"dont_know": true},
              "dr.last_full_test": {"dont_know": true}}}"#,
    },
];

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
