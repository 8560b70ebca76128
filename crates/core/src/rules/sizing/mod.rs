//! Sizing: the backup server against the minimum for its Backup & Replication version, proxies
//! and repositories against the resources their task limits need, the configuration database
//! engine, and backup server high availability for large providers.
//!
//! The per-version and per-task figures are Veeam's published system requirements and sizing
//! guidance (cited in each rule), not tunable thresholds, so they are constants here.

mod siz_001_backup_server_minimum;
mod siz_002_proxy_undersized;
mod siz_003_repository_undersized;
mod siz_004_no_backup_server_ha;
mod siz_005_sql_express;

use super::{Check, ItemView, Proof, Rule, Vector};

const SINCE: &str = "1.0.0";

const REQUIREMENTS_12: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/system_requirements.html";
const REQUIREMENTS_13: &str =
    "https://helpcenter.veeam.com/docs/vbr/userguide/system_requirements.html";

/// Cores and GB of RAM one concurrent task needs, on a proxy or a repository.
const PER_TASK: (f64, f64) = (0.5, 1.0);

pub(super) const RULES: &[Rule] = &[
    siz_001_backup_server_minimum::RULE,
    siz_002_proxy_undersized::RULE,
    siz_003_repository_undersized::RULE,
    siz_004_no_backup_server_ha::RULE,
    siz_005_sql_express::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        siz_001_backup_server_minimum::RULE.id,
        siz_001_backup_server_minimum::VECTORS,
    ),
    (
        siz_002_proxy_undersized::RULE.id,
        siz_002_proxy_undersized::VECTORS,
    ),
    (
        siz_003_repository_undersized::RULE.id,
        siz_003_repository_undersized::VECTORS,
    ),
    (
        siz_004_no_backup_server_ha::RULE.id,
        siz_004_no_backup_server_ha::VECTORS,
    ),
    (siz_005_sql_express::RULE.id, siz_005_sql_express::VECTORS),
];

/// The resources needed for `tasks` concurrent tasks on a server with `base` for its OS.
fn needed(tasks: f64, base: (f64, f64)) -> (f64, f64) {
    (base.0 + PER_TASK.0 * tasks, base.1 + PER_TASK.1 * tasks)
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
