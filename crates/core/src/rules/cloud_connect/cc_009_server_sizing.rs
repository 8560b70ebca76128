use super::{BP_POD, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// A Cloud Connect server whose peak load is at most this share of `max_pod_tasks` is judged at
/// low severity when it is smaller than Veeam's pod sizing.
const LIGHT_POD_SHARE: f64 = 0.25;

pub(super) const RULE: Rule = Rule {
    id: "CC-009",
    title: "Cloud Connect server smaller than Veeam's pod sizing",
    category: Category::CloudConnect,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The Cloud Connect server's cores, RAM and log disk against \
             `cloud_connect_server_min_cores` (16), `cloud_connect_server_min_ram_gb` (32) \
             and `cloud_connect_server_min_log_disk_gb` (100). Low severity when the peak \
             concurrent tasks, if known, are at most a quarter of `max_pod_tasks`.",
    why: "The Cloud Connect server schedules every tenant task in the pod. Veeam sizes it \
          at 24 vCPU (16 cores at the very least), 32 GB RAM and a separate 100 GB log \
          disk; an undersized server makes tenant jobs queue and time out at the nightly \
          peak, and a full log disk stops services and loses the logs support needs.",
    remediation: &[
        "Check the server's CPU and memory use and the log disk's free space at the nightly \
         peak.",
        "Add cores or RAM to reach Veeam's pod sizing; move the logs to a separate disk of \
         at least 100 GB if they share the system disk.",
        "If the platform will grow past about 1,000 concurrent tasks, plan a second pod \
         rather than a bigger server.",
    ],
    references: &[BP_POD, "https://bp.veeam.com/sp/MSP/M_Design/vcc-pod.html"],
    check: server_sizing,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.server_cores": {"value": 12},
              "cloud_connect.server_ram_gb": {"value": 48},
              "cloud_connect.server_log_disk_gb": {"value": 60},
              "cloud_connect.peak_concurrent_tasks": {"value": 400}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.server_cores": {"value": 24},
              "cloud_connect.server_ram_gb": {"value": 32},
              "cloud_connect.server_log_disk_gb": {"value": 100}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.server_cores": {"value": 12},
              "cloud_connect.server_ram_gb": {"value": 48},
              "cloud_connect.server_log_disk_gb": {"value": 100},
              "cloud_connect.peak_concurrent_tasks": {"dont_know": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
              "cloud_connect.server_cores": {"value": 24},
              "cloud_connect.server_ram_gb": {"dont_know": true},
              "cloud_connect.server_log_disk_gb": {"value": 100}}}"#,
    },
];

fn server_sizing(c: &mut Check<'_>) {
    let checks = [
        (
            c.get("cloud_connect.server_cores").number(),
            c.config.cloud_connect_server_min_cores,
            "CPU cores",
            "",
        ),
        (
            c.get("cloud_connect.server_ram_gb").number(),
            c.config.cloud_connect_server_min_ram_gb,
            "GB of RAM",
            " GB",
        ),
        (
            c.get("cloud_connect.server_log_disk_gb").number(),
            c.config.cloud_connect_server_min_log_disk_gb,
            "GB of log disk",
            " GB",
        ),
    ];
    let mut short = Vec::new();
    for (fact, min, what, unit) in checks {
        let evidence = fact.evidence();
        let Some(value) = c.known(fact) else { continue };
        let min = f64::from(min);
        if value < min {
            short.push((
                format!(
                    "The Cloud Connect server has {value} {what}, below the {min}{unit} Veeam \
                     sizes a pod for"
                ),
                evidence,
            ));
        }
    }
    if short.is_empty() {
        return;
    }
    // Only the severity depends on the peak load: asked for once, when the server is short.
    let tasks = c.get("cloud_connect.peak_concurrent_tasks").number();
    let tasks_evidence = tasks.evidence();
    let light_limit = f64::from(c.config.max_pod_tasks) * LIGHT_POD_SHARE;
    let light = c.known(tasks).is_some_and(|t| t <= light_limit);
    for (message, evidence) in short {
        if light {
            c.fire_at(
                Severity::Low,
                format!(
                    "{message}; with a peak of {} concurrent tasks that matters less",
                    tasks_evidence.shown()
                ),
                vec![evidence, tasks_evidence.clone()],
            );
        } else {
            c.fire(message, vec![evidence]);
        }
    }
}
