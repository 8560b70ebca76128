use super::SINCE;
use crate::rules::{Category, Check, Dated, Expect, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
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
];

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
