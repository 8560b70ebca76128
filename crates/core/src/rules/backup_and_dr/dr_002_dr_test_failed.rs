use super::{SINCE, dr_offered};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "yearly"},
              "dr.last_full_test": {"value": "2026-09-14"},
              "dr.last_test_result": {"value": "failed"},
              "dr.last_test_issues": {"value": "Replica network for two tenants had the wrong VLAN"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "yearly"},
              "dr.last_full_test": {"value": "2026-09-14"},
              "dr.last_test_result": {"value": "partial"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "yearly"},
              "dr.last_full_test": {"value": "2026-09-14"},
              "dr.last_test_result": {"value": "success"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.dr_offered": {"value": true},
              "dr.test_frequency": {"value": "yearly"},
              "dr.last_full_test": {"value": "2026-09-14"},
              "dr.last_test_result": {"dont_know": true}}}"#,
    },
];

fn dr_test_failed(c: &mut Check<'_>) {
    if !dr_offered(c) {
        return;
    }
    let result = c.get("dr.last_test_result").choice();
    let when = c.get("dr.last_full_test");
    let issues = c.get("dr.last_test_issues");
    let evidence = vec![result.evidence(), when.evidence(), issues.evidence()];
    let on = when.value().map_or_else(String::new, |date| {
        format!(" on {}", crate::rules::show(date))
    });
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
