//! Evidence: what collectors the partner already runs know about the platform, read from their
//! exports (an RVTools `.xlsx`, the CSV files of Veeam Healthcheck), so that answers can come from
//! the platform rather than from memory, and so that where the partner's word and the platform
//! differ it shows (see `docs/evidence.md`).
//!
//! Readers take the file's bytes and name and return [`Evidence`]: the facts extracted, each with
//! where it came from ([`Origin`]: the export, the sheet or CSV file, the row). Nothing else of the
//! file is kept. Every limit is checked while reading, so a hostile file is an error naming the
//! file and the problem, read in bounded memory and time.

mod dates;
pub mod healthcheck;
pub mod map;
pub mod rvtools;
pub(crate) mod table;
mod xlsx;

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use table::MissingColumn;

/// The largest export file read, zipped or not.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;
/// The most the parts of a zipped export (an `.xlsx`, a zip of CSV files) may inflate to, together.
pub const MAX_INFLATED_BYTES: u64 = 1024 * 1024 * 1024;
/// The most rows read from one sheet or CSV file.
pub const MAX_ROWS: usize = 250_000;
/// The most files in one zipped export.
pub const MAX_ENTRIES: usize = 10_000;

/// The collector that wrote an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Collector {
    /// RVTools (an `.xlsx` of the vCenter's inventory).
    Rvtools,
    /// Veeam Healthcheck (VeeamHub/veeam-healthcheck: CSV files of the backup server's
    /// configuration).
    Healthcheck,
}

impl Collector {
    /// The collector's name as people know it.
    pub fn name(self) -> &'static str {
        match self {
            Collector::Rvtools => "RVTools",
            Collector::Healthcheck => "Veeam Healthcheck",
        }
    }
}

/// One export read: which collector, which file, and what the export says of itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    pub collector: Collector,
    /// The file's name as it was picked (a folder's files: the folder's name).
    pub file: String,
    /// The collector's version, where the export says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collector_version: Option<String>,
    /// When the collector ran, as the export says it (ISO 8601, the collector's local time, no
    /// time zone): the age of the evidence is counted from here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_at: Option<String>,
    /// The server it was run against (vCenter, backup server), where the export says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
}

/// Where a fact was read: the export (an index into [`Evidence::sources`]), the sheet or CSV file,
/// and the row as a person finds it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Origin {
    pub source: usize,
    pub table: String,
    pub row: u32,
}

/// A vCenter (RVTools `vSource`, or the server `vMetaData` names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Vcenter {
    pub name: String,
    /// The full version with its build, as "8.0.3 build-24022515", where the export says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub from: Origin,
}

/// A cluster of hosts (RVTools `vCluster`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cluster {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosts: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ha: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drs: Option<bool>,
    /// Virtual machines on the cluster's hosts (RVTools `vInfo`, templates left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vms: Option<u64>,
    pub from: Origin,
}

/// A hypervisor host (RVTools `vHost`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Host {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// As the export writes it: "VMware ESXi 8.0.3 build-24022510".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cores: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_mib: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    pub from: Origin,
}

/// A datastore (RVTools `vDatastore`), its sizes in MiB (RVTools' "MB" columns are MiB too).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Datastore {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_mib: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_mib: Option<u64>,
    pub from: Origin,
}

/// Standard or distributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SwitchKind {
    /// A host's standard switch (RVTools `vSwitch`).
    Standard,
    /// A distributed switch (RVTools `dvSwitch`).
    Distributed,
}

/// A virtual switch and its MTU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Switch {
    pub name: String,
    pub kind: SwitchKind,
    /// The host of a standard switch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u64>,
    pub from: Origin,
}

/// A VMkernel port (RVTools `vSC_VMK`): the host's own interface, with its MTU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VmkernelPort {
    pub host: String,
    pub device: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u64>,
    pub from: Origin,
}

/// Calls the macro `$each` with the name of every list of facts of [`Evidence`], so that what is
/// done to each fact (merging, keeping) names the lists once.
macro_rules! every_fact_list {
    ($each:ident) => {
        $each!(
            vcenters,
            clusters,
            hosts,
            datastores,
            switches,
            vmkernel_ports,
            proxies,
            repositories,
            scale_out,
            extents,
            capacity_tiers,
            gateways,
            tenants,
            compliance
        )
    };
}

/// What one or more exports say about the platform.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vcenters: Vec<Vcenter>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Cluster>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosts: Vec<Host>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub datastores: Vec<Datastore>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub switches: Vec<Switch>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vmkernel_ports: Vec<VmkernelPort>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_server: Option<healthcheck::BackupServer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proxies: Vec<healthcheck::Proxy>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repositories: Vec<healthcheck::Repository>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scale_out: Vec<healthcheck::ScaleOut>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extents: Vec<healthcheck::Extent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity_tiers: Vec<healthcheck::CapacityTier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_backup: Option<healthcheck::ConfigBackup>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gateways: Vec<healthcheck::Gateway>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tenants: Vec<healthcheck::Tenant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub compliance: Vec<healthcheck::ComplianceCheck>,
    /// What the readers could not use, in words (a sheet absent, a value not understood): shown
    /// with the import so nothing is dropped silently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Evidence {
    /// The evidence as JSON, as the answers file keeps it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Evidence written by [`Evidence::to_json`].
    pub fn from_json(text: &str) -> Result<Evidence, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }

    /// Adds what another export says; its facts keep pointing at their own source.
    pub fn merge(&mut self, other: Evidence) {
        let offset = self.sources.len();
        let other = other.renumbered(|source| Some(source + offset));
        self.sources.extend(other.sources);
        macro_rules! take {
            ($($field:ident),*) => {
                $(self.$field.extend(other.$field);)*
            };
        }
        every_fact_list!(take);
        if other.backup_server.is_some() {
            self.backup_server = other.backup_server;
        }
        if other.config_backup.is_some() {
            self.config_backup = other.config_backup;
        }
        self.notes.extend(other.notes);
    }

    /// Every fact pointing at its source's new index (`to` the old one), or dropped where `to`
    /// says none; the list of sources is left as it is.
    fn renumbered(self, to: impl Fn(usize) -> Option<usize>) -> Evidence {
        let moved = |from: Origin| {
            Some(Origin {
                source: to(from.source)?,
                ..from
            })
        };
        let mut out = Evidence {
            sources: self.sources,
            notes: self.notes,
            ..Evidence::default()
        };
        macro_rules! each {
            ($($field:ident),*) => {
                $(out.$field = self
                    .$field
                    .into_iter()
                    .filter_map(|mut fact| {
                        fact.from = moved(fact.from)?;
                        Some(fact)
                    })
                    .collect();)*
            };
        }
        every_fact_list!(each);
        for proxy in &mut out.proxies {
            proxy.hardware_from = proxy.hardware_from.take().and_then(moved);
        }
        for repository in &mut out.repositories {
            repository.hardware_from = repository.hardware_from.take().and_then(moved);
        }
        out.backup_server = self.backup_server.and_then(|mut server| {
            server.from = moved(server.from)?;
            Some(server)
        });
        out.config_backup = self.config_backup.and_then(|mut backup| {
            backup.from = moved(backup.from)?;
            Some(backup)
        });
        out
    }
}

impl Evidence {
    /// This evidence with a newer import added: what an earlier export of the same collector said
    /// is replaced (a new RVTools export supersedes the last one), the rest kept.
    pub fn updated_with(&self, newer: &Evidence) -> Evidence {
        let collectors: Vec<Collector> = newer.sources.iter().map(|s| s.collector).collect();
        let kept = |source: &Source| !collectors.contains(&source.collector);
        // Old index to new, for the sources kept.
        let mut index = Vec::with_capacity(self.sources.len());
        let mut next = 0;
        for source in &self.sources {
            index.push(kept(source).then(|| {
                next += 1;
                next - 1
            }));
        }
        let mut out = self
            .clone()
            .renumbered(|source| index.get(source).copied().flatten());
        out.sources.retain(kept);
        out.merge(newer.clone());
        out
    }
}

/// Why an export cannot be read. Each names the file and the problem; none is a panic.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceError {
    pub file: String,
    pub problem: Problem,
}

/// What is wrong with an export.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// Neither an RVTools `.xlsx` nor a Healthcheck CSV file or zip.
    NotAnExport(String),
    /// A spreadsheet, but without the sheets RVTools writes.
    NotRvtools { sheets: Vec<String> },
    /// Zip files or CSV files, but none that Healthcheck writes.
    NotHealthcheck,
    /// A zip archive or spreadsheet that cannot be opened or is damaged.
    Damaged(String),
    /// The parts inflate to more than [`MAX_INFLATED_BYTES`].
    Inflates,
    /// More than [`MAX_ENTRIES`] files in a zip.
    TooManyEntries { count: usize },
    /// A sheet or CSV file with more than [`MAX_ROWS`] rows.
    TooManyRows { table: String },
    /// A sheet or CSV file without a column it needs.
    MissingColumn(MissingColumn),
    /// A CSV file whose text is not UTF-8 (or UTF-16 with its byte-order mark).
    NotText { table: String },
    /// A CSV file that cannot be parsed.
    BadCsv { table: String, reason: String },
}

impl fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MIB: u64 = 1024 * 1024;
        write!(f, "“{}”: ", self.file)?;
        match &self.problem {
            Problem::TooLarge { bytes } => write!(
                f,
                "the file is {} MiB, larger than an export may be ({} MiB)",
                *bytes as u64 / MIB,
                MAX_FILE_BYTES as u64 / MIB
            ),
            Problem::NotAnExport(reason) => write!(
                f,
                "not an RVTools export (.xlsx) nor Veeam Healthcheck output (CSV files, or a zip of them): {reason}"
            ),
            Problem::NotRvtools { sheets } => write!(
                f,
                "a spreadsheet, but not an RVTools export: it has no sheet vInfo, vHost or vMetaData (its sheets: {})",
                if sheets.is_empty() {
                    "none".to_owned()
                } else {
                    sheets.join(", ")
                }
            ),
            Problem::NotHealthcheck => write!(
                f,
                "none of its files is one Veeam Healthcheck writes (such as …_vbrinfo.csv, …_Proxies.csv, …_Repositories.csv)"
            ),
            Problem::Damaged(reason) => write!(f, "the file is damaged or cut short: {reason}"),
            Problem::Inflates => write!(
                f,
                "its parts inflate to more than {} MiB: refused (a zip bomb, or an export too large to read here)",
                MAX_INFLATED_BYTES / MIB
            ),
            Problem::TooManyEntries { count } => write!(
                f,
                "the zip holds {count} files; an export has at most {MAX_ENTRIES}"
            ),
            Problem::TooManyRows { table } => write!(
                f,
                "“{table}” has more than {MAX_ROWS} rows: refused (export a part of the inventory at a time)"
            ),
            Problem::MissingColumn(missing) => write!(f, "{missing}"),
            Problem::NotText { table } => write!(
                f,
                "“{table}” is not text in UTF-8 or UTF-16: save it again as UTF-8"
            ),
            Problem::BadCsv { table, reason } => {
                write!(f, "“{table}” is not a CSV file that can be read: {reason}")
            }
        }
    }
}

impl std::error::Error for EvidenceError {}

/// Reads one export file: an RVTools `.xlsx`, a Healthcheck CSV file, or a zip of Healthcheck's
/// CSV folder. A Healthcheck folder picked as a folder is read with [`healthcheck::read_files`].
pub fn read(file: &str, bytes: &[u8]) -> Result<Evidence, EvidenceError> {
    read_reporting(file, bytes, &mut |_| {})
}

/// Reads one export file as [`read`] does, telling `part` what part of it is read next (an RVTools
/// export's sheets; Healthcheck's CSV files are read in one go).
pub fn read_reporting(
    file: &str,
    bytes: &[u8],
    part: &mut dyn FnMut(&str),
) -> Result<Evidence, EvidenceError> {
    let error = |problem| EvidenceError {
        file: file.to_owned(),
        problem,
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(error(Problem::TooLarge { bytes: bytes.len() }));
    }
    if bytes.starts_with(b"PK") {
        if xlsx::is_spreadsheet(bytes) {
            return rvtools::read_reporting(file, bytes, &mut |sheet| {
                part(&format!("sheet {sheet}"))
            });
        }
        return healthcheck::read_zip(file, bytes);
    }
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        return healthcheck::read_files(file, &[(file.to_owned(), bytes.to_vec())]);
    }
    Err(error(Problem::NotAnExport(if lower.ends_with(".xls") {
        "an Excel 97-2003 workbook (.xls); RVTools writes .xlsx".to_owned()
    } else if lower.ends_with(".json") && healthcheck_report(bytes) {
        "it is the JSON report Veeam Healthcheck writes beside its HTML report, which holds only \
         part of what the CSV files of the same run hold, and not when they were collected: \
         pick the run's CSV folder (…\\Original\\VBR\\<server>\\<time>) or a zip of it"
            .to_owned()
    } else {
        "it is neither a zip archive (.xlsx, .zip) nor a .csv file".to_owned()
    })))
}

/// Whether a JSON file is Veeam Healthcheck's report (its tables under `Sections`, each with a
/// `SectionName`), as far as its first 64 KiB tell.
fn healthcheck_report(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    head.contains("\"Sections\"") && head.contains("\"SectionName\"")
}

/// A file a person picked to import: its name (with the folder it was picked in, for a folder's
/// files: `vHC/Original/VBR/localhost/20261120_140312/localhost_vbrinfo.csv`) and its bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Picked {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The name of the Healthcheck folder [`read_picked`] reads CSV files picked as: the folder the
/// first was picked in, or “Healthcheck files” when it was picked on its own.
fn csv_folder(name: &str) -> &str {
    name.split(['/', '\\'])
        .next()
        .filter(|first| name.len() > first.len())
        .unwrap_or("Healthcheck files")
}

/// A picked file's name without the folder it was picked in.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// For each picked file (by name, in the order [`read_picked`] was given them), whether `evidence`
/// was read from it: an export of its own that gave a source, or a CSV file of the Healthcheck
/// folder that did. What the app keeps to send with a bundle: not the files it could not read.
pub fn read_from(evidence: &Evidence, names: &[&str]) -> Vec<bool> {
    let is_csv = |name: &str| name.to_ascii_lowercase().ends_with(".csv");
    let folder = names
        .iter()
        .copied()
        .find(|name| is_csv(name))
        .map(csv_folder);
    let from = |file: &str, collector: Option<Collector>| {
        evidence.sources.iter().any(|source| {
            source.file == file && collector.is_none_or(|collector| source.collector == collector)
        })
    };
    names
        .iter()
        .map(|name| {
            if is_csv(name) {
                folder.is_some_and(|folder| from(folder, Some(Collector::Healthcheck)))
            } else {
                from(base_name(name), None)
            }
        })
        .collect()
}

/// What reading picked files gave: the evidence of every export read, merged, and why each of the
/// others could not be read.
#[derive(Debug, Default)]
pub struct Read {
    pub evidence: Evidence,
    pub refused: Vec<EvidenceError>,
}

/// Reads the files a person picked, as the app and the CLI take them: every CSV file among them
/// together as one Veeam Healthcheck folder (named after the folder they were picked in), every
/// other file as an export of its own ([`read`]). One file that cannot be read does not stop the
/// others. `progress` is told before each export is read, and before each part of it: how many
/// exports are done, of how many, and which (“RVTools_export_all.xlsx”, sheet vHost).
pub fn read_picked(files: &[Picked], progress: &mut dyn FnMut(usize, usize, &str)) -> Read {
    let is_csv = |file: &&Picked| file.name.to_ascii_lowercase().ends_with(".csv");
    let csv: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(is_csv)
        .map(|file| (file.name.clone(), file.bytes.clone()))
        .collect();
    let others: Vec<&Picked> = files.iter().filter(|file| !is_csv(file)).collect();
    let total = others.len() + usize::from(!csv.is_empty());
    let mut out = Read::default();
    let mut done = 0;
    let take = |result: Result<Evidence, EvidenceError>, out: &mut Read| match result {
        Ok(evidence) => out.evidence.merge(evidence),
        Err(error) => out.refused.push(error),
    };
    if !csv.is_empty() {
        let folder = csv_folder(&csv[0].0).to_owned();
        progress(done, total, &format!("“{folder}”"));
        take(healthcheck::read_files(&folder, &csv), &mut out);
        done += 1;
    }
    for file in others {
        let name = base_name(&file.name);
        progress(done, total, &format!("“{name}”"));
        let result = read_reporting(name, &file.bytes, &mut |part| {
            progress(done, total, &format!("“{name}”, {part}"));
        });
        take(result, &mut out);
        done += 1;
    }
    progress(done, total, "");
    out
}
