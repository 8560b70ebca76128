use super::{SINCE, nothing};
use crate::rules::{Category, Check, Expect, Fact, FactState, Rule, Severity, Vector};

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

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"operations.runbooks": {"value": ["none"]}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_backup"]},
              "engagement.dr_offered": {"value": false},
              "operations.runbooks": {"value": ["job_failure", "repository_full"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {
              "engagement.services": {"value": ["cloud_connect_backup"]},
              "engagement.dr_offered": {"value": false},
              "operations.runbooks": {"value": ["job_failure", "repository_full",
                "gateway_down", "certificate_expiry", "storage_failure", "ransomware"]}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"operations.runbooks": {"dont_know": true}}}"#,
    },
];

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
    let have = |id: &str| runbooks.iter().any(|have| have == id);
    // Whether Cloud Connect and DR are offered only says which runbooks are needed: asked for
    // when not known and their runbook is missing. "Not applicable" needs the runbook.
    let services = c.get("engagement.services").choices();
    let services_evidence = services.evidence();
    let cloud_connect = have("gateway_down")
        || needed(c, services, |services| {
            services
                .iter()
                .any(|s| s == "cloud_connect_backup" || s == "cloud_connect_replication")
        });
    let offered = c.get("engagement.dr_offered").bool();
    let offered_evidence = offered.evidence();
    let dr = have("dr_failover") || needed(c, offered, |offered| *offered);
    let missing: Vec<&str> = RUNBOOKS
        .iter()
        .filter(|(id, _)| match *id {
            "gateway_down" => cloud_connect,
            "dr_failover" => dr,
            _ => true,
        })
        .filter(|(id, _)| !have(id))
        .map(|(_, name)| *name)
        .collect();
    if !missing.is_empty() {
        c.fire_at(
            Severity::Medium,
            format!("There are no runbooks for: {}", missing.join(", ")),
            vec![runbooks_evidence, services_evidence, offered_evidence],
        );
    }
}

/// Whether a runbook is needed, from the fact that says whether its service is offered: not
/// known or blank is asked for (and the runbook is not reported missing); "not applicable" needs
/// it.
fn needed<T>(c: &mut Check<'_>, offered: Fact<'_, T>, needs: impl FnOnce(&T) -> bool) -> bool {
    let not_applicable = matches!(offered.state, FactState::NotApplicable);
    match c.filter(offered) {
        Some(offered) => needs(&offered),
        None => not_applicable,
    }
}
