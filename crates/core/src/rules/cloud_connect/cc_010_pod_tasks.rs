use super::{BP_POD, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Peak tasks at or above this share of `max_pod_tasks` are worth planning a new pod for.
const POD_TASKS_PLAN_SHARE: f64 = 0.9;

pub(super) const RULE: Rule = Rule {
    id: "CC-010",
    title: "Peak concurrent tasks at or above the pod's limit",
    category: Category::CloudConnect,
    severity: Severity::High,
    since: SINCE,
    checks: "Peak concurrent tenant tasks against `max_pod_tasks` (default 1,000); low \
             severity from 90 % of it, as a prompt to plan the next pod.",
    why: "A Cloud Connect pod is tested to about 1,000 concurrent tasks. Past that soft \
          limit the software misbehaves: jobs slow down or fail for every tenant in the \
          pod, and a bigger server does not fix it.",
    remediation: &[
        "Check the peak from the busiest night of the last month (Veeam ONE or the Service \
         Provider Console) and the task limits given to each tenant.",
        "Cap tenants' concurrent tasks so the total stays under the limit, and build a \
         second pod for new or large tenants.",
    ],
    references: &[BP_POD, "https://bp.veeam.com/sp/MSP/M_Design/vcc-pod.html"],
    check: pod_tasks,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_concurrent_tasks": {"value": 1250}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_concurrent_tasks": {"value": 960}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_concurrent_tasks": {"value": 620}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.peak_concurrent_tasks": {"dont_know": true}}}"#,
    },
];

fn pod_tasks(c: &mut Check<'_>) {
    let tasks = c.get("cloud_connect.peak_concurrent_tasks").number();
    let evidence = tasks.evidence();
    let Some(tasks) = c.known(tasks) else { return };
    let limit = f64::from(c.config.max_pod_tasks);
    if tasks >= limit {
        c.fire(
            format!(
                "Peak of {tasks} concurrent tenant tasks on one Cloud Connect server, at or above \
                 the {limit} a pod is sized for"
            ),
            vec![evidence],
        );
    } else if tasks >= limit * POD_TASKS_PLAN_SHARE {
        c.fire_at(
            Severity::Low,
            format!(
                "Peak of {tasks} concurrent tenant tasks is within {:.0} % of the {limit} a pod \
                 is sized for: plan the next pod",
                (1.0 - POD_TASKS_PLAN_SHARE) * 100.0
            ),
            vec![evidence],
        );
    }
}
