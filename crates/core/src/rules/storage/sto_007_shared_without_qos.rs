use super::{REPOSITORY_STORAGE, SINCE, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-007",
    title: "Shared storage without QoS or performance limits",
    category: Category::Storage,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether shared arrays and hyper-converged storage have QoS or performance limits \
             so one workload cannot saturate the controllers.",
    why: "Without limits one tenant's large restore saturated a shared storage controller at \
          one provider, and every other tenant's backups slowed down (noisy neighbour).",
    remediation: &[
        "Check the controllers' utilisation during the peak backup window and during large \
         restores; find which volumes or tenants dominate it.",
        "Set QoS limits (IOPS or throughput) per tenant, tier or volume on the array, and \
         limit concurrent tasks on the repositories that sit on it.",
        "Confirm with a test restore during the backup window that other jobs keep their \
         throughput.",
    ],
    references: &[
        REPOSITORY_STORAGE,
        "https://bp.veeam.com/vbr/Support/S_Vault/cloud_connect.html",
    ],
    check: shared_without_qos,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "attachment": {"value": "shared_array"}, "tenant_qos": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "attachment": {"value": "shared_array"}, "tenant_qos": {"value": true}}},
              {"name": "local-01", "answers": {"attachment": {"value": "local_disk"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "attachment": {"value": "hci"}, "tenant_qos": {"dont_know": true}}}]}}"#,
    },
];

fn shared_without_qos(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let attachment = system.get("attachment").choice();
        let qos = system.get("tenant_qos").bool();
        let evidence = vec![attachment.evidence(), qos.evidence()];
        if c.known(qos) == Some(false) {
            c.fire(
                format!(
                    "Shared storage system {} has no QoS or performance limits: one tenant's \
                     restore can saturate its controllers for everyone",
                    describe(&system)
                ),
                evidence,
            );
        }
    }
}
