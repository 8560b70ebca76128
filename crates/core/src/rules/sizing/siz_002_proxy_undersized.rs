use super::{REQUIREMENTS_13, SINCE, shortfall};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Cores and GB of RAM a proxy's operating system needs on top of its tasks.
const PROXY_BASE: (f64, f64) = (2.0, 2.0);

pub(super) const RULE: Rule = Rule {
    id: "SIZ-002",
    title: "Proxy has fewer cores or less memory than its task limit needs",
    category: Category::Sizing,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Each proxy's cores and RAM against its maximum concurrent tasks: 0.5 core and 1 \
             GB per task, plus 2 cores and 2 GB for the operating system.",
    why: "Each task compresses, deduplicates and often encrypts data on the proxy. A task \
          limit the hardware cannot carry makes every job the proxy serves slow, and short \
          of memory tasks fail or the proxy swaps.",
    remediation: &[
        "Check the proxy's CPU and memory use during the peak backup window.",
        "Either add cores and memory to match the task limit, or lower the task limit to what \
         the hardware supports and add proxies to keep the total.",
        "If the proxy also holds other roles (repository, gateway, WAN accelerator), add \
         their requirements on top.",
    ],
    references: &[
        "https://bp.veeam.com/vbr/VBP/2_Design_Structures/D_Veeam_Components/D_backup_proxies/vmware_proxies.html",
        REQUIREMENTS_13,
    ],
    check: proxy_undersized,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"platform.proxies": [{"name": "proxy-01", "answers": {
              "max_tasks": {"value": 16}, "cores": {"value": 8}, "ram_gb": {"value": 16}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"platform.proxies": [{"name": "proxy-01", "answers": {
              "max_tasks": {"value": 12}, "cores": {"value": 8}, "ram_gb": {"value": 16}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"platform.proxies": [{"name": "proxy-01", "answers": {
              "max_tasks": {"value": 12}, "cores": {"dont_know": true},
              "ram_gb": {"value": 16}}}]}}"#,
    },
];

fn proxy_undersized(c: &mut Check<'_>) {
    for proxy in c.items("platform.proxies") {
        let Some(short) = shortfall(c, &proxy, PROXY_BASE) else {
            continue;
        };
        c.fire(
            format!(
                "Proxy “{}” runs up to {} tasks on {} cores and {} GB RAM; it needs at least {} \
                 cores and {} GB (0.5 core and 1 GB per task, plus 2 cores and 2 GB for the \
                 system)",
                proxy.name(),
                short.tasks,
                short.cores,
                short.ram,
                short.need_cores,
                short.need_ram
            ),
            short.evidence,
        );
    }
}
