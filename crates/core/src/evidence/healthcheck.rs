//! Veeam Healthcheck (VeeamHub/veeam-healthcheck) output: the CSV files its collection script
//! writes, `<server>_<name>.csv` in `…\Original\VBR\<server>\<yyyyMMdd_HHmmss>\`, read by header name
//! (see `docs/evidence.md` for the files, columns and the version they were taken from). A file is
//! found as Healthcheck finds it: the first whose name ends in `_<name>.csv` (any case), preferring
//! the newest timestamped folder. Healthcheck writes no file where it found nothing, so every file
//! is optional; only the columns named here are read, so secrets in other columns (a Cloud Connect
//! tenant's password hash) are never kept.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::table::{Column, Row, Table, facts, locate};
use super::{Collector, Evidence, EvidenceError, MAX_ROWS, Origin, Problem, Source, dates, xlsx};

/// The backup server (`_vbrinfo.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BackupServer {
    /// The server the files were collected from, as their names say (`localhost` for a run on the
    /// backup server itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The full build, as "12.3.1.1139".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Whether multi-factor authentication is required for the console; unknown before
    /// Backup & Replication 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    pub from: Origin,
}

/// A backup proxy (`_Proxies.csv`, `_HvProxy.csv`), with its server's cores and memory
/// (`_Servers.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Proxy {
    pub name: String,
    /// "VMware", or the Hyper-V proxy's type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tasks: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cores: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ram_gb: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_mode: Option<String>,
    pub from: Origin,
    /// Where the cores and memory were read (`_Servers.csv`), when they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware_from: Option<Origin>,
}

/// A backup repository that is not part of a scale-out repository (`_Repositories.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Repository {
    pub name: String,
    /// As Veeam names it: `WinLocal`, `LinuxLocal`, `LinuxHardened`, `CifsShare`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Whether immutability is enabled on it (Healthcheck's `IsImmutabilitySupported` reads the
    /// repository's immutability setting). The period is not in the export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_tasks: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlimited_tasks: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_gb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_gb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cores: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ram_gb: Option<u64>,
    pub from: Origin,
    /// Where the cores and memory were read (`_Servers.csv`), when they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware_from: Option<Origin>,
}

/// A scale-out backup repository (`_SOBRs.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScaleOut {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_tier: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_tier: Option<bool>,
    pub from: Origin,
}

/// A performance extent of a scale-out repository (`_SOBRExtents.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Extent {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_out: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_gb: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_gb: Option<f64>,
    pub from: Origin,
}

/// A scale-out repository's capacity tier: its object storage repository (`_capTier.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CapacityTier {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The scale-out repository it belongs to (joined through `_SOBRs.csv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_out: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Whether object lock (immutability) is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immutability_days: Option<u64>,
    pub from: Origin,
}

/// The configuration backup job (`_configBackup.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ConfigBackup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The repository it writes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_result: Option<String>,
    pub from: Origin,
}

/// A Cloud Connect gateway (`_CloudGateways.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Gateway {
    pub name: String,
    /// The address tenants reach (the NAT or the interface's address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The port tenants connect to (`NATPort`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    pub from: Origin,
}

/// A Cloud Connect tenant (`_CloudTenants.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Tenant {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replicas: Option<u64>,
    pub from: Origin,
}

/// One check of Veeam's Security & Compliance analyzer (`_SecurityCompliance.csv`, VBR 12 on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplianceCheck {
    pub check: String,
    /// "Passed", "Not Implemented", "Unable to detect" or "Suppressed".
    pub status: String,
    pub from: Origin,
}

const VBRINFO: [Column; 3] = [
    Column::required(&["Version"]),
    Column::optional(&["MFA"]),
    Column::optional(&["DbType"]),
];
const SERVERS: [Column; 4] = [
    Column::required(&["Id"]),
    Column::optional(&["Name"]),
    Column::optional(&["Cores"]),
    Column::optional(&["RAM"]),
];
const PROXIES: [Column; 6] = [
    Column::required(&["Name"]),
    Column::optional(&["HostId"]),
    Column::optional(&["Type"]),
    Column::optional(&["IsDisabled"]),
    Column::optional(&["MaxTasksCount"]),
    Column::optional(&["TransportMode"]),
];
const REPOSITORIES: [Column; 8] = [
    Column::required(&["Name"]),
    Column::optional(&["HostId"]),
    Column::optional(&["Type"]),
    Column::optional(&["IsImmutabilitySupported"]),
    Column::optional(&["Options(maxtasks)", "MaxTasks"]),
    Column::optional(&["Options(Unlimited Tasks)", "UnlimitedTasks"]),
    Column::optional(&["CachedTotalSpace", "TotalSpace"]),
    Column::optional(&["CachedFreeSpace", "FreeSpace"]),
];
const SOBRS: [Column; 5] = [
    Column::required(&["Name"]),
    Column::optional(&["Id"]),
    Column::optional(&["PolicyType"]),
    Column::optional(&["EnableCapacityTier"]),
    Column::optional(&["ArchiveTierEnabled"]),
];
const EXTENTS: [Column; 6] = [
    Column::required(&["Name"]),
    Column::optional(&["SOBR_Name"]),
    Column::optional(&["Type"]),
    Column::optional(&["IsImmutabilitySupported"]),
    Column::optional(&["CachedTotalSpace"]),
    Column::optional(&["CachedFreeSpace"]),
];
const CAPACITY_TIER: [Column; 5] = [
    Column::optional(&["Name"]),
    Column::optional(&["ParentId"]),
    Column::optional(&["Type"]),
    Column::optional(&["Immute"]),
    Column::optional(&["immutabilityperiod", "ImmutabilityPeriod"]),
];
const CONFIG_BACKUP: [Column; 5] = [
    Column::required(&["Enabled"]),
    Column::optional(&["Repository"]),
    Column::optional(&["Target"]),
    Column::optional(&["EncryptionOptions"]),
    Column::optional(&["LastResult"]),
];
const GATEWAYS: [Column; 4] = [
    Column::required(&["Name"]),
    Column::optional(&["IPAddress"]),
    Column::optional(&["NATPort"]),
    Column::optional(&["Enabled"]),
];
const TENANTS: [Column; 4] = [
    Column::required(&["Name"]),
    Column::optional(&["Enabled"]),
    Column::optional(&["VMCount"]),
    Column::optional(&["ReplicaCount"]),
];
const COMPLIANCE: [Column; 2] = [
    Column::required(&["Best Practice"]),
    Column::required(&["Status"]),
];
const MANIFEST: [Column; 1] = [Column::optional(&["Timestamp"])];

/// The files read, by the name Healthcheck gives them after `<server>_`.
const FILES: [&str; 14] = [
    "vbrinfo",
    "Servers",
    "Proxies",
    "HvProxy",
    "Repositories",
    "SOBRs",
    "SOBRExtents",
    "capTier",
    "configBackup",
    "CloudGateways",
    "CloudTenants",
    "SecurityCompliance",
    "CollectionManifest",
    "LicInfo",
];

/// Reads a zip of Healthcheck's CSV folder (or of the whole output folder).
pub fn read_zip(file: &str, bytes: &[u8]) -> Result<Evidence, EvidenceError> {
    let error = |problem| EvidenceError {
        file: file.to_owned(),
        problem,
    };
    xlsx::check_inflation(bytes).map_err(error)?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| error(Problem::Damaged(e.to_string())))?;
    let mut files = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| error(Problem::Damaged(e.to_string())))?;
        let name = entry.name().to_owned();
        if !wanted(&name) {
            continue;
        }
        let mut data = Vec::new();
        entry
            .read_to_end(&mut data)
            .map_err(|e| error(Problem::Damaged(format!("{name}: {e}"))))?;
        files.push((name, data));
    }
    read_files(file, &files)
}

/// Whether a path is one of the CSV files read.
fn wanted(path: &str) -> bool {
    token(path).is_some()
}

/// Which of [`FILES`] a path is: its name ends in `_<name>.csv` or is `<name>.csv`, in any case.
fn token(path: &str) -> Option<&'static str> {
    let name = path.rsplit(['/', '\\']).next()?.to_ascii_lowercase();
    let stem = name.strip_suffix(".csv")?;
    FILES.iter().copied().find(|file| {
        let file = file.to_ascii_lowercase();
        stem == file || stem.ends_with(&format!("_{file}"))
    })
}

/// The server a file was collected from: its name before `_<name>.csv`.
fn server_of(path: &str, token: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next()?;
    let cut = name.len().checked_sub(token.len() + ".csv".len() + 1)?;
    name.get(..cut).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// The run's time as its folder names it (`yyyyMMdd_HHmmss`), where the path has such a folder.
fn run_folder(path: &str) -> Option<String> {
    path.split(['/', '\\'])
        .rev()
        .skip(1)
        .find_map(|folder| (folder.len() == 15).then(|| dates::parse(folder)).flatten())
}

/// Reads Healthcheck's CSV files, picked as a folder or taken from a zip: `(path, bytes)` each.
/// `file` names the whole (the folder or the zip) in messages and in the source.
pub fn read_files(file: &str, files: &[(String, Vec<u8>)]) -> Result<Evidence, EvidenceError> {
    let error = |problem| EvidenceError {
        file: file.to_owned(),
        problem,
    };
    // For each file, the newest run's copy: the greatest timestamped folder, as Healthcheck's own
    // import chooses.
    let mut chosen: BTreeMap<&'static str, (&str, &[u8], Option<String>)> = BTreeMap::new();
    for (path, bytes) in files {
        let Some(token) = token(path) else { continue };
        let run = run_folder(path);
        let newer = chosen
            .get(token)
            .is_none_or(|(_, _, other)| run.as_deref() > other.as_deref());
        if newer {
            chosen.insert(token, (path.as_str(), bytes.as_slice(), run));
        }
    }
    if chosen
        .keys()
        .all(|token| matches!(*token, "CollectionManifest" | "LicInfo"))
    {
        return Err(error(Problem::NotHealthcheck));
    }
    let mut runs: Vec<String> = files
        .iter()
        .filter(|(path, _)| token(path).is_some())
        .filter_map(|(path, _)| run_folder(path))
        .collect();
    runs.sort_unstable();
    runs.dedup();

    let read = |token: &str, columns: &[Column]| -> Result<Option<Table>, EvidenceError> {
        let Some((path, bytes, _)) = chosen.get(token) else {
            return Ok(None);
        };
        csv_table(path, bytes, columns).map(Some).map_err(error)
    };
    let vbrinfo = read("vbrinfo", &VBRINFO)?;
    let servers = read("Servers", &SERVERS)?;
    let proxies = read("Proxies", &PROXIES)?;
    let hv_proxies = read("HvProxy", &PROXIES)?;
    let repositories = read("Repositories", &REPOSITORIES)?;
    let sobrs = read("SOBRs", &SOBRS)?;
    let extents = read("SOBRExtents", &EXTENTS)?;
    let capacity = read("capTier", &CAPACITY_TIER)?;
    let config = read("configBackup", &CONFIG_BACKUP)?;
    let gateways = read("CloudGateways", &GATEWAYS)?;
    let tenants = read("CloudTenants", &TENANTS)?;
    let compliance = read("SecurityCompliance", &COMPLIANCE)?;
    let manifest = read("CollectionManifest", &MANIFEST)?;

    let server = chosen
        .get("vbrinfo")
        .or_else(|| chosen.values().next())
        .and_then(|(path, _, _)| {
            let token = token(path)?;
            server_of(path, token)
        });
    let collected_at = runs.last().cloned().or_else(|| {
        manifest
            .as_ref()
            .and_then(|table| table.rows.iter().find_map(|row| row.text(0)))
            .and_then(|text| dates::parse(&text))
    });
    let mut evidence = Evidence {
        sources: vec![Source {
            collector: Collector::Healthcheck,
            file: file.to_owned(),
            collector_version: None,
            collected_at,
            server: server.clone(),
        }],
        ..Evidence::default()
    };
    if runs.len() > 1 {
        evidence.notes.push(format!(
            "{file}: holds {} Healthcheck runs; the newest copy of each file was read",
            runs.len()
        ));
    }

    if let Some(table) = &vbrinfo
        && let Some(row) = table.rows.first()
    {
        let mfa_text = row.text(1);
        let mfa = row.boolean(1);
        if let (Some(text), None) = (&mfa_text, mfa) {
            evidence.notes.push(format!(
                "{}: MFA says “{text}”: not read as on or off",
                table.name
            ));
        }
        evidence.backup_server = Some(BackupServer {
            name: server,
            version: row.text(0),
            mfa,
            database: row.text(2),
            from: table.origin(row),
        });
    }

    // Servers by id: cores, memory in bytes as GiB, and the row they were read from.
    type Hardware = (Option<u64>, Option<u64>, Option<Origin>);
    let hardware: BTreeMap<String, Hardware> = servers
        .iter()
        .flat_map(|table| table.rows.iter().map(move |row| (table, row)))
        .filter_map(|(table, row)| {
            let ram = row
                .number(3)
                .filter(|bytes| *bytes > 0.0)
                .map(|bytes| (bytes / f64::from(1u32 << 30)).round() as u64);
            Some((row.text(0)?, (row.count(2), ram, Some(table.origin(row)))))
        })
        .collect();
    let on_host = |row: &Row, column: usize| {
        row.text(column)
            .and_then(|id| hardware.get(&id).cloned())
            .filter(|(cores, ram, _)| cores.is_some() || ram.is_some())
            .unwrap_or((None, None, None))
    };

    for table in proxies.iter().chain(&hv_proxies) {
        for row in &table.rows {
            let Some(name) = row.text(0) else { continue };
            if evidence.proxies.iter().any(|proxy| proxy.name == name) {
                continue;
            }
            let (cores, ram_gb, hardware_from) = on_host(row, 1);
            evidence.proxies.push(Proxy {
                name,
                kind: row.text(2),
                disabled: row.boolean(3),
                max_tasks: row.count(4),
                transport_mode: row.text(5),
                cores,
                ram_gb,
                from: table.origin(row),
                hardware_from,
            });
        }
    }
    evidence.repositories = facts(repositories.as_ref(), |row, from| {
        let name = row.text(0)?;
        let (cores, ram_gb, hardware_from) = on_host(row, 1);
        Some(Repository {
            name,
            kind: row.text(2),
            immutable: row.boolean(3),
            max_tasks: row.count(4),
            unlimited_tasks: row.boolean(5),
            capacity_gb: row.number(6),
            free_gb: row.number(7),
            cores,
            ram_gb,
            from,
            hardware_from,
        })
    });
    let mut sobr_names: BTreeMap<String, String> = BTreeMap::new();
    if let Some(table) = &sobrs {
        for row in &table.rows {
            let Some(name) = row.text(0) else { continue };
            if let Some(id) = row.text(1) {
                sobr_names.insert(id, name.clone());
            }
            evidence.scale_out.push(ScaleOut {
                name,
                placement_policy: row.text(2),
                capacity_tier: row.boolean(3),
                archive_tier: row.boolean(4),
                from: table.origin(row),
            });
        }
    }
    evidence.extents = facts(extents.as_ref(), |row, from| {
        Some(Extent {
            name: row.text(0)?,
            scale_out: row.text(1),
            kind: row.text(2),
            immutable: row.boolean(3),
            capacity_gb: row.number(4),
            free_gb: row.number(5),
            from,
        })
    });
    evidence.capacity_tiers = facts(capacity.as_ref(), |row, from| {
        Some(CapacityTier {
            name: row.text(0),
            scale_out: row.text(1).and_then(|id| sobr_names.get(&id).cloned()),
            kind: row.text(2),
            immutable: row.boolean(3),
            immutability_days: row.count(4),
            from,
        })
    });
    if let Some(table) = &config
        && let Some(row) = table.rows.first()
    {
        let encryption = row.text(3);
        let encrypted = row.boolean(3);
        if let (Some(text), None) = (&encryption, encrypted) {
            evidence.notes.push(format!(
                "{}: EncryptionOptions says “{text}”: not read as on or off",
                table.name
            ));
        }
        evidence.config_backup = Some(ConfigBackup {
            enabled: row.boolean(0),
            repository: row.text(1).or_else(|| row.text(2)),
            encrypted,
            last_result: row.text(4),
            from: table.origin(row),
        });
    }
    evidence.gateways = facts(gateways.as_ref(), |row, from| {
        Some(Gateway {
            name: row.text(0)?,
            address: row.text(1),
            port: row.count(2),
            enabled: row.boolean(3),
            from,
        })
    });
    evidence.tenants = facts(tenants.as_ref(), |row, from| {
        Some(Tenant {
            name: row.text(0)?,
            enabled: row.boolean(1),
            vms: row.count(2),
            replicas: row.count(3),
            from,
        })
    });
    evidence.compliance = facts(compliance.as_ref(), |row, from| {
        Some(ComplianceCheck {
            check: row.text(0)?,
            status: row.text(1)?,
            from,
        })
    });
    Ok(evidence)
}

/// A CSV file's wanted columns. Text is UTF-8 (a byte-order mark is dropped) or UTF-16 with its
/// byte-order mark; anything else is refused rather than misread.
fn csv_table(path: &str, bytes: &[u8], columns: &[Column]) -> Result<Table, Problem> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path).to_owned();
    let text = decode(bytes).ok_or_else(|| Problem::NotText {
        table: name.clone(),
    })?;
    let bad = |e: csv::Error| Problem::BadCsv {
        table: name.clone(),
        reason: e.to_string(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(bad)?
        .iter()
        .map(str::to_owned)
        .collect();
    let at = locate(&name, &headers, columns).map_err(Problem::MissingColumn)?;
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(bad)?;
        if rows.len() >= MAX_ROWS {
            return Err(Problem::TooManyRows { table: name });
        }
        // The header is row 1, as a spreadsheet shows the file.
        let number = u32::try_from(index + 2).unwrap_or(u32::MAX);
        let cells = at
            .iter()
            .map(|column| {
                column
                    .and_then(|i| record.get(i))
                    .filter(|cell| !cell.trim().is_empty())
                    .map(|cell| super::table::Value::Text(cell.to_owned()))
            })
            .collect();
        rows.push(Row { number, cells });
    }
    Ok(Table { name, rows })
}

fn decode(bytes: &[u8]) -> Option<String> {
    let utf16 = |bytes: &[u8], big: bool| -> Option<String> {
        if !bytes.len().is_multiple_of(2) {
            return None;
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| {
                let pair = [pair[0], pair[1]];
                if big {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            })
            .collect();
        String::from_utf16(&units).ok()
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).ok(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, false),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, true),
        _ => String::from_utf8(bytes.to_vec()).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_found_as_healthcheck_finds_them() {
        assert_eq!(token("localhost_vbrinfo.csv"), Some("vbrinfo"));
        assert_eq!(
            token(r"C:\temp\vHC\Original\VBR\vbr01\20261120_140312\VBR01_Proxies.CSV"),
            Some("Proxies")
        );
        assert_eq!(token("x/localhost_HvProxy.csv"), Some("HvProxy"));
        assert_eq!(token("localhost_Jobs.csv"), None);
        assert_eq!(token("localhost_vbrinfo.csv.bak"), None);
        assert_eq!(
            server_of("a/VBR01_vbrinfo.csv", "vbrinfo").as_deref(),
            Some("VBR01")
        );
        assert_eq!(server_of("vbrinfo.csv", "vbrinfo"), None);
        assert_eq!(
            run_folder("vHC/Original/VBR/localhost/20261120_140312/localhost_vbrinfo.csv")
                .as_deref(),
            Some("2026-11-20T14:03:12")
        );
    }

    #[test]
    fn text_is_utf8_or_utf16_with_its_mark() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").as_deref(), Some("a,b"));
        assert_eq!(
            decode(&[0xFF, 0xFE, b'a', 0, b',', 0, b'b', 0]).as_deref(),
            Some("a,b")
        );
        assert_eq!(decode(&[0xFE, 0xFF, 0, b'a']).as_deref(), Some("a"));
        assert_eq!(decode(b"caf\xE9"), None);
    }
}
