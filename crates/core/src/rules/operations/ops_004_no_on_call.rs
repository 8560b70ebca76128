use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
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
];

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
