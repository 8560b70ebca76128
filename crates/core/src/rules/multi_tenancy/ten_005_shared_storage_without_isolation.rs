use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "TEN-005",
    title: "Tenants share storage controllers with nothing keeping their I/O apart",
    category: Category::MultiTenancy,
    severity: Severity::High,
    since: SINCE,
    checks: "When tenants share storage arrays or controllers (all on the same, separate \
             pools on the same controllers, or shared within a tier): whether anything \
             limits each tenant's I/O. Nothing at all is high; only Veeam repository \
             limits, with no storage QoS, is medium.",
    why: "At one provider, tenant A's backups crawled because tenant B ran a restore that \
          saturated the shared storage controller. Veeam's per-tenant limits do not reach \
          below the repository: a restore, a synthetic full or a health check of one tenant \
          can take all the controller's throughput unless the storage caps it.",
    remediation: &[
        "Check which repositories and volumes share each controller, and whether the array \
         offers QoS (IOPS or throughput limits per volume, LUN or pool).",
        "If it does, put each tenant (or at least each tier) on its own volume or pool and \
         cap it; if it does not, set Veeam repository read/write rate and task limits, and \
         move the largest tenants to their own storage.",
        "Add controller latency and throughput to monitoring with an alert, so the next \
         noisy neighbour is found in minutes, not from tenant complaints.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
        "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/",
    ],
    check: shared_storage_without_isolation,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_all"},
              "tenancy.io_isolation": {"value": ["none"]}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_controllers"},
              "tenancy.io_isolation": {"value": ["repository_task_limit"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_all"},
              "tenancy.io_isolation": {"value": ["storage_qos_per_tenant", "repository_task_limit"]}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"tenancy.shared_storage": {"value": "dedicated_per_tenant"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_all"},
              "tenancy.io_isolation": {"dont_know": true}}}"#,
    },
];

fn shared_storage_without_isolation(c: &mut Check<'_>) {
    let shared = c.get("tenancy.shared_storage").choice();
    let shared_evidence = shared.evidence();
    let Some(shared) = c.known(shared) else {
        return;
    };
    let what = match shared.as_str() {
        "shared_all" => "the same storage arrays and controllers",
        "shared_controllers" => "the same storage controllers (in separate pools or volumes)",
        "dedicated_per_tier" => "storage controllers within each tier",
        _ => return,
    };
    let isolation = c.get("tenancy.io_isolation").choices();
    let isolation_evidence = isolation.evidence();
    let Some(isolation) = c.known(isolation) else {
        return;
    };
    let has = |choice: &str| isolation.iter().any(|i| i == choice);
    let storage_qos = has("storage_qos_per_tenant") || has("storage_qos_per_tier");
    let veeam_limits = has("repository_rate_limit") || has("repository_task_limit");
    let evidence = vec![shared_evidence, isolation_evidence];
    if !storage_qos && !veeam_limits {
        c.fire(
            format!(
                "Tenants share {what}, and nothing keeps one tenant's I/O from starving the \
                 others: one restore or synthetic full can slow every tenant's backups"
            ),
            evidence,
        );
    } else if !storage_qos {
        c.fire_at(
            Severity::Medium,
            format!(
                "Tenants share {what} with only Veeam repository limits to keep them apart: \
                 those cap each repository, not each tenant's share of the controller"
            ),
            evidence,
        );
    }
}
