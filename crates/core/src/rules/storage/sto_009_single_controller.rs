use super::{REPOSITORY_STORAGE, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-009",
    title: "Backups on a shared array with one controller, or without controller failover",
    category: Category::Storage,
    severity: Severity::Medium,
    since: "1.2.0",
    checks: "Shared arrays that hold backups: how many controllers serve their I/O, and whether \
             a surviving controller takes over the volumes of a failed one.",
    why: "Every volume of an array goes through its controllers. At one provider one tenant's \
          restore saturated the shared storage controller and every other tenant's backups \
          slowed down; with a single controller, or two that do not fail over, that one \
          component also stops every backup on the array when it fails.",
    remediation: &[
        "Check the array's controller configuration with the storage team: how many serve \
         I/O, and whether volumes move to a surviving controller on their own (check the \
         vendor's documentation for the model and firmware).",
        "If there is one controller, or no automatic takeover, plan the backups' exposure: \
         move the repositories, or at least the copies, to storage with redundant \
         controllers, or keep a copy on other storage.",
        "While the array stays as it is, watch the controller's utilisation during the backup \
         window and during large restores, and set QoS or repository task limits so one \
         tenant cannot saturate it.",
    ],
    references: &[REPOSITORY_STORAGE],
    check: single_controller,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"value": "backup_target"}, "attachment": {"value": "shared_array"},
              "controllers": {"value": 1}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"value": "both"}, "attachment": {"value": "shared_array"},
              "controllers": {"value": 2}, "controller_failover": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"value": "backup_target"}, "attachment": {"value": "shared_array"},
              "controllers": {"value": 2}, "controller_failover": {"value": true}}},
              {"name": "prod-01", "answers": {
              "role": {"value": "production"}, "attachment": {"value": "shared_array"},
              "controllers": {"value": 1}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"value": "backup_target"}, "attachment": {"value": "shared_array"},
              "controllers": {"value": 2}, "controller_failover": {"dont_know": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "role": {"value": "backup_target"}, "attachment": {"value": "shared_array"},
              "controllers": {"dont_know": true}}}]}}"#,
    },
];

fn single_controller(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let role = system.get("role").choice();
        let attachment = system.get("attachment").choice();
        let mut evidence = vec![role.evidence(), attachment.evidence()];
        if !matches!(c.filter(role).as_deref(), Some("backup_target" | "both"))
            || c.filter(attachment).as_deref() != Some("shared_array")
        {
            continue;
        }
        let controllers = system.get("controllers").number();
        evidence.push(controllers.evidence());
        let Some(controllers) = c.known(controllers) else {
            continue;
        };
        if controllers < 2.0 {
            c.fire(
                format!(
                    "Storage system {} holds backups behind a single controller: one tenant's \
                     restore can saturate it for everyone, and its failure stops every backup \
                     on it",
                    describe(&system)
                ),
                evidence,
            );
            continue;
        }
        let failover = system.get("controller_failover").bool();
        evidence.push(failover.evidence());
        if c.known(failover) == Some(false) {
            c.fire(
                format!(
                    "Storage system {} holds backups on {controllers} controllers that do not \
                     take over from each other: one controller's failure stops the backups on \
                     its volumes",
                    describe(&system)
                ),
                evidence,
            );
        }
    }
}
