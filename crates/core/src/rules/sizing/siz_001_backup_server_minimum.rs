use super::{REQUIREMENTS_12, REQUIREMENTS_13, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Backup server minimum for Backup & Replication 12 (and earlier): cores, GB of RAM.
const BACKUP_SERVER_12: (f64, f64) = (4.0, 8.0);
/// Backup server minimum for Backup & Replication 13 and later: cores, GB of RAM.
const BACKUP_SERVER_13: (f64, f64) = (8.0, 16.0);

pub(super) const RULE: Rule = Rule {
    id: "SIZ-001",
    title: "Backup server below the minimum for its Backup & Replication version",
    category: Category::Sizing,
    severity: Severity::High,
    since: SINCE,
    checks: "The backup server's CPU cores and RAM against Veeam's minimum for the \
             Backup & Replication version: 4 cores and 8 GB for version 12, 8 cores and 16 \
             GB for version 13.",
    why: "An undersized backup server queues jobs and times out sessions once many tenants run \
          at once; short of memory, the backup service slows every job or crashes under load. \
          The minimum doubled with version 13, so an upgrade alone can leave a server \
          undersized.",
    remediation: &[
        "Check the server's load during the peak backup window (CPU ready or queue length, \
         memory in use, paging) and the number of concurrent jobs it schedules.",
        "Raise its cores and memory to at least the minimum for the installed version, and \
         more for a large platform (Veeam's sizing adds resources per concurrent job).",
        "Before the next major upgrade, check the new version's requirements first.",
    ],
    references: &[REQUIREMENTS_13, REQUIREMENTS_12],
    check: backup_server_minimum,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
              "platform.backup_server_cores": {"value": 4},
              "platform.backup_server_ram_gb": {"value": 8}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.2.3617"},
              "platform.backup_server_cores": {"value": 4},
              "platform.backup_server_ram_gb": {"value": 8}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
              "platform.backup_server_cores": {"dont_know": true},
              "platform.backup_server_ram_gb": {"value": 32}}}"#,
    },
];

fn backup_server_minimum(c: &mut Check<'_>) {
    let version = c.get("platform.vbr_version").version();
    let version_evidence = version.evidence();
    let Some(version) = c.known(version) else {
        return;
    };
    let major = version.parts().first().copied().unwrap_or_default();
    let (min_cores, min_ram) = if major >= 13 {
        BACKUP_SERVER_13
    } else {
        BACKUP_SERVER_12
    };
    let cores = c.get("platform.backup_server_cores").number();
    let ram = c.get("platform.backup_server_ram_gb").number();
    let mut evidence = vec![version_evidence];
    let mut short = Vec::new();
    let cores_evidence = cores.evidence();
    if let Some(cores) = c.known(cores)
        && cores < min_cores
    {
        short.push(format!("{cores} cores (minimum {min_cores})"));
        evidence.push(cores_evidence);
    }
    let ram_evidence = ram.evidence();
    if let Some(ram) = c.known(ram)
        && ram < min_ram
    {
        short.push(format!("{ram} GB RAM (minimum {min_ram} GB)"));
        evidence.push(ram_evidence);
    }
    if !short.is_empty() {
        c.fire(
            format!(
                "The backup server has {} for Backup & Replication {version}",
                short.join(" and ")
            ),
            evidence,
        );
    }
}
