//! Sizing: the backup server against the minimum for its Backup & Replication version, proxies
//! and repositories against the resources their task limits need, the configuration database
//! engine, and backup server high availability for large providers.
//!
//! The per-version and per-task figures are Veeam's published system requirements and sizing
//! guidance (cited in each rule), not tunable thresholds, so they are constants here.

use super::{Category, Check, Expect, ItemView, Proof, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

const REQUIREMENTS_12: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/system_requirements.html";
const REQUIREMENTS_13: &str =
    "https://helpcenter.veeam.com/docs/vbr/userguide/system_requirements.html";

/// Backup server minimum for Backup & Replication 12 (and earlier): cores, GB of RAM.
const BACKUP_SERVER_12: (f64, f64) = (4.0, 8.0);
/// Backup server minimum for Backup & Replication 13 and later: cores, GB of RAM.
const BACKUP_SERVER_13: (f64, f64) = (8.0, 16.0);
/// Cores and GB of RAM one concurrent task needs, on a proxy or a repository.
const PER_TASK: (f64, f64) = (0.5, 1.0);
/// Cores and GB of RAM a proxy's operating system needs on top of its tasks.
const PROXY_BASE: (f64, f64) = (2.0, 2.0);
/// Cores and GB of RAM a repository or gateway server's operating system needs.
const REPOSITORY_BASE: (f64, f64) = (2.0, 4.0);

pub(super) const RULES: &[Rule] = &[
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
        id: "SIZ-003",
        title: "Repository server has fewer cores or less memory than its task limit needs",
        category: Category::Sizing,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Each repository (or gateway) server's cores and RAM against its maximum \
                 concurrent tasks: 0.5 core and 1 GB per task, plus 2 cores and 4 GB for the \
                 operating system.",
        why: "The server that writes the data checks and stores it for every task at once. Too \
              few cores make it the bottleneck for every job that targets it; short of memory, \
              tasks fail or the server swaps and slows every tenant on it.",
        remediation: &[
            "Check the server's CPU and memory use during the peak backup window and during \
             merges and health checks.",
            "Add cores and memory to match the task limit, or lower the task limit and add \
             repositories or scale-out extents to keep the total.",
            "If the server is also a proxy, size it for both roles' tasks together.",
        ],
        references: &[
            "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/repositories%20storage.html",
            REQUIREMENTS_13,
        ],
        check: repository_undersized,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "max_tasks": {"value": 64},
                  "cores": {"value": 16}, "ram_gb": {"value": 64}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "max_tasks": {"value": 60},
                  "cores": {"value": 32}, "ram_gb": {"value": 256}}},
                  {"name": "obj-01", "answers": {"type": {"value": "object_storage"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "max_tasks": {"dont_know": true},
                  "cores": {"value": 32}, "ram_gb": {"value": 256}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "SIZ-004",
        title: "Large provider on version 13 without backup server high availability",
        category: Category::Sizing,
        severity: Severity::Medium,
        since: SINCE,
        checks: "On Backup & Replication 13 or later with at least `backup_server_ha_min_tenants` \
                 tenants (default 500): whether the backup server runs as a high availability \
                 pair.",
        why: "While the backup server is down no job runs and no tenant can restore; a rebuild from \
              the configuration backup takes hours. Version 13 can run the backup server as a \
              high availability cluster (on the Veeam Software Appliance), which a provider with \
              many tenants should use or consciously replace with a rehearsed rebuild.",
        remediation: &[
            "Check how long a rebuild from the configuration backup takes today (rehearse it if \
             nobody has), and whether that meets what tenants are promised.",
            "If not, plan a high availability cluster: it needs the Veeam Software Appliance and \
             the Veeam Data Platform Premium licence, and the configuration backup moved off the \
             local repository.",
            "Until then, keep the configuration backup encrypted and off-site, and document the \
             rebuild runbook.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/userguide/high_availability_cluster.html",
            "https://helpcenter.veeam.com/docs/vbr/userguide/high_availability_limitations.html",
        ],
        check: no_backup_server_ha,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
                  "tenancy.tenant_count": {"value": 1240},
                  "platform.backup_server_os": {"value": "windows_server_2022"},
                  "platform.backup_server_ha": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
                  "tenancy.tenant_count": {"value": 1240},
                  "platform.backup_server_ha": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.2.4165"},
                  "platform.backup_server_ha": {"not_applicable": "version 12"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
                  "tenancy.tenant_count": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SIZ-005",
        title: "Configuration database on SQL Server Express",
        category: Category::Sizing,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether the configuration database runs on Microsoft SQL Server Express.",
        why: "SQL Server Express limits a database to 10 GB and caps the memory and CPU it uses. A \
              service provider's configuration database (jobs, sessions, tenants) outgrows it: \
              the console and jobs slow down, and at the size limit the backup service stops \
              writing.",
        remediation: &[
            "Check the database's size and growth, and the console's responsiveness at peak.",
            "Migrate the configuration database to PostgreSQL (the default since version 12) or \
             to SQL Server Standard or Enterprise, with the configuration backup taken just \
             before.",
            "Size the database server's CPU and memory for the number of concurrent jobs.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/migrate_to_postgresql.html",
            REQUIREMENTS_12,
        ],
        check: sql_express,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.config_db_engine": {"value": "mssql_express"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.config_db_engine": {"value": "postgresql_remote"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.config_db_engine": {"dont_know": true}}}"#,
            },
        ],
    },
];

/// The resources needed for `tasks` concurrent tasks on a server with `base` for its OS.
fn needed(tasks: f64, base: (f64, f64)) -> (f64, f64) {
    (base.0 + PER_TASK.0 * tasks, base.1 + PER_TASK.1 * tasks)
}

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

/// A server that runs tasks with fewer cores or less RAM than its tasks need.
struct Shortfall<'a> {
    tasks: f64,
    cores: f64,
    ram: f64,
    need_cores: f64,
    need_ram: f64,
    evidence: Vec<Proof<'a>>,
}

/// Reads an item's `max_tasks`, `cores` and `ram_gb`; returns what it lacks for its tasks on top
/// of `base` (cores and GB for the system), if anything.
fn shortfall<'a>(
    c: &mut Check<'_>,
    item: &ItemView<'a>,
    base: (f64, f64),
) -> Option<Shortfall<'a>> {
    let tasks = item.get("max_tasks").number();
    let cores = item.get("cores").number();
    let ram = item.get("ram_gb").number();
    let evidence = vec![tasks.evidence(), cores.evidence(), ram.evidence()];
    let (Some(tasks), Some(cores), Some(ram)) = (c.known(tasks), c.known(cores), c.known(ram))
    else {
        return None;
    };
    let (need_cores, need_ram) = needed(tasks, base);
    (cores < need_cores || ram < need_ram).then_some(Shortfall {
        tasks,
        cores,
        ram,
        need_cores,
        need_ram,
        evidence,
    })
}

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

fn repository_undersized(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let Some(mut short) = shortfall(c, &repo, REPOSITORY_BASE) else {
            continue;
        };
        let proxy = repo.get("also_proxy").bool();
        let also_proxy = if proxy.value() == Some(&true) {
            short.evidence.push(proxy.evidence());
            "; it is also a proxy, whose tasks need resources on top"
        } else {
            ""
        };
        c.fire(
            format!(
                "Repository “{}” runs up to {} tasks on {} cores and {} GB RAM; it needs at \
                 least {} cores and {} GB (0.5 core and 1 GB per task, plus 2 cores and 4 GB for \
                 the system){also_proxy}",
                repo.name(),
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

fn no_backup_server_ha(c: &mut Check<'_>) {
    let version = c.get("platform.vbr_version").version();
    let version_evidence = version.evidence();
    let Some(version) = c.known(version) else {
        return;
    };
    if version.parts().first().copied().unwrap_or_default() < 13 {
        return;
    }
    let tenants = c.get("tenancy.tenant_count").number();
    let tenants_evidence = tenants.evidence();
    let Some(tenants) = c.known(tenants) else {
        return;
    };
    let threshold = f64::from(c.config.backup_server_ha_min_tenants);
    if tenants < threshold {
        return;
    }
    let ha = c.get("platform.backup_server_ha").bool();
    let mut evidence = vec![version_evidence, tenants_evidence, ha.evidence()];
    if c.known(ha) != Some(false) {
        return;
    }
    let os = c.get("platform.backup_server_os").choice();
    let appliance = match os.value().map(String::as_str) {
        Some("veeam_software_appliance") | None => "",
        Some(_) => {
            evidence.push(os.evidence());
            "; it runs on Windows, and high availability needs the Veeam Software Appliance"
        }
    };
    c.fire(
        format!(
            "The backup server of a {tenants}-tenant platform on Backup & Replication {version} \
             has no high availability: while it is down no tenant job or restore runs{appliance}"
        ),
        evidence,
    );
}

fn sql_express(c: &mut Check<'_>) {
    let engine = c.get("platform.config_db_engine").choice();
    let evidence = engine.evidence();
    if c.known(engine).as_deref() == Some("mssql_express") {
        let tenants = c.get("tenancy.tenant_count").number();
        let scale = tenants
            .value()
            .map(|n| format!(" for {n} tenants"))
            .unwrap_or_default();
        c.fire(
            format!(
                "The configuration database runs on SQL Server Express{scale}: 10 GB per database \
                 and capped CPU and memory"
            ),
            vec![evidence],
        );
    }
}
