//! Veeam Healthcheck's CSV folder, as its collection script (v3.0.1.118) writes it with
//! PowerShell's `Export-Csv -NoTypeInformation`: `<server>_<name>.csv` in
//! `Original/VBR/<server>/<yyyyMMdd_HHmmss>/`, every header and value quoted, CRLF line ends,
//! booleans as `True`/`False`, sizes in GB, memory in bytes, and no file where there is nothing.

use csv::{QuoteStyle, Terminator, WriterBuilder};

/// What Healthcheck sees of a backup server.
#[derive(Debug, Clone)]
pub struct Backup {
    /// The server's name in the file names (`localhost` for a run on the server itself).
    pub server: String,
    /// The run's folder name, `yyyyMMdd_HHmmss`.
    pub run: String,
    pub version: String,
    /// As written: `True`, `False`, or `N/A - Pre VBR 12`.
    pub mfa: String,
    pub database: String,
    pub proxies: Vec<Proxy>,
    pub repositories: Vec<Repository>,
    pub scale_out: Vec<ScaleOut>,
    pub config_backup: Option<ConfigBackup>,
    pub gateways: Vec<Gateway>,
    pub tenants: Vec<Tenant>,
    /// Security & Compliance: (check, status).
    pub compliance: Vec<(String, String)>,
    /// Rows of `_Jobs.csv`, which the reader does not use: there for a realistic folder.
    pub jobs: usize,
}

#[derive(Debug, Clone)]
pub struct Proxy {
    pub name: String,
    pub max_tasks: u32,
    pub cores: u32,
    pub ram_gb: u64,
    pub transport_mode: String,
}

#[derive(Debug, Clone)]
pub struct Repository {
    pub name: String,
    /// `WinLocal`, `LinuxLocal`, `LinuxHardened`, `CifsShare`, …
    pub kind: String,
    pub immutable: bool,
    pub max_tasks: u32,
    pub capacity_gb: u64,
    pub free_gb: u64,
    pub cores: u32,
    pub ram_gb: u64,
}

#[derive(Debug, Clone)]
pub struct ScaleOut {
    pub name: String,
    pub policy: String,
    pub extents: Vec<Extent>,
    pub capacity_tier: Option<CapacityTier>,
}

#[derive(Debug, Clone)]
pub struct Extent {
    pub name: String,
    pub immutable: bool,
    pub capacity_gb: u64,
    pub free_gb: u64,
}

#[derive(Debug, Clone)]
pub struct CapacityTier {
    pub name: String,
    pub kind: String,
    pub immutable: bool,
    pub days: u32,
}

#[derive(Debug, Clone)]
pub struct ConfigBackup {
    pub enabled: bool,
    pub repository: String,
    /// As written: `True` or `False`.
    pub encryption: String,
    pub last_result: String,
}

#[derive(Debug, Clone)]
pub struct Gateway {
    pub name: String,
    pub address: String,
    pub port: u16,
}

#[derive(Debug, Clone)]
pub struct Tenant {
    pub name: String,
    pub vms: u32,
    /// Healthcheck exports the whole tenant object, its password hash included: a reader must
    /// drop it.
    pub salted_password: String,
}

impl Backup {
    /// A Backup & Replication 12.3 server with `proxies` proxies, `repositories` repositories (one
    /// in three hardened and immutable), a scale-out repository with two extents and an immutable
    /// capacity tier, an encrypted configuration backup, MFA on, two Cloud Connect gateways and
    /// `tenants` tenants, and `jobs` jobs.
    pub fn sized(proxies: usize, repositories: usize, tenants: usize, jobs: usize) -> Backup {
        Backup {
            server: "localhost".to_owned(),
            run: "20261120_140312".to_owned(),
            version: "12.3.1.1139".to_owned(),
            mfa: "True".to_owned(),
            database: "PostgreSql".to_owned(),
            proxies: (0..proxies)
                .map(|p| Proxy {
                    name: format!("vbr-proxy{:02}.ams1.example.net", p + 1),
                    max_tasks: 8,
                    cores: 8,
                    ram_gb: 16,
                    transport_mode: "HotAdd".to_owned(),
                })
                .collect(),
            repositories: (0..repositories)
                .map(|r| Repository {
                    name: format!("REPO-AMS1-{:02}", r + 1),
                    kind: if r % 3 == 0 {
                        "LinuxHardened"
                    } else {
                        "WinLocal"
                    }
                    .to_owned(),
                    immutable: r % 3 == 0,
                    max_tasks: 16,
                    capacity_gb: 102_400,
                    free_gb: 30_720 + (r as u64 % 4) * 10_240,
                    cores: 16,
                    ram_gb: 64,
                })
                .collect(),
            scale_out: vec![ScaleOut {
                name: "SOBR-AMS1".to_owned(),
                policy: "DataLocality".to_owned(),
                extents: (0..2)
                    .map(|e| Extent {
                        name: format!("SOBR-AMS1-EXT{}", e + 1),
                        immutable: true,
                        capacity_gb: 204_800,
                        free_gb: 81_920,
                    })
                    .collect(),
                capacity_tier: Some(CapacityTier {
                    name: "S3-AMS1-capacity".to_owned(),
                    kind: "AmazonS3Compatible".to_owned(),
                    immutable: true,
                    days: 30,
                }),
            }],
            config_backup: Some(ConfigBackup {
                enabled: true,
                repository: "REPO-AMS1-02".to_owned(),
                encryption: "True".to_owned(),
                last_result: "Success".to_owned(),
            }),
            gateways: (0..2)
                .map(|g| Gateway {
                    name: format!("cc-gw{:02}.ams1.example.net", g + 1),
                    address: format!("203.0.113.{}", 10 + g),
                    port: 6180,
                })
                .collect(),
            tenants: (0..tenants)
                .map(|t| Tenant {
                    name: format!("tenant{:03}", t + 1),
                    vms: 10 + (t as u32 % 40),
                    salted_password: format!("c2FsdGVk{t:08x}SECRETHASH"),
                })
                .collect(),
            compliance: vec![
                ("MFA is enabled".to_owned(), "Passed".to_owned()),
                (
                    "Configuration backup encryption is enabled".to_owned(),
                    "Passed".to_owned(),
                ),
                (
                    "Hardened repositories have SSH disabled".to_owned(),
                    "Not Implemented".to_owned(),
                ),
                (
                    "Backup Server is Up To Date".to_owned(),
                    "Unable to detect".to_owned(),
                ),
            ],
            jobs,
        }
    }
}

/// A GUID-like id, the same for the same seed.
fn id(kind: u32, index: usize) -> String {
    format!("{kind:08x}-0000-4000-8000-{index:012x}")
}

fn yes(value: bool) -> String {
    if value { "True" } else { "False" }.to_owned()
}

/// A CSV file as PowerShell's `Export-Csv` writes it.
fn csv(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = WriterBuilder::new()
        .quote_style(QuoteStyle::Always)
        .terminator(Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; an error would be a bug in this generator.
    let write = |writer: &mut csv::Writer<Vec<u8>>, record: &[&str]| {
        writer.write_record(record).expect("writing CSV to memory");
    };
    write(&mut writer, header);
    for row in rows {
        let row: Vec<&str> = row.iter().map(String::as_str).collect();
        write(&mut writer, &row);
    }
    writer.into_inner().expect("flushing CSV to memory")
}

/// The folder's files: `(path, bytes)`, paths under `Original/VBR/<server>/<run>/`.
pub fn healthcheck(backup: &Backup) -> Vec<(String, Vec<u8>)> {
    let folder = format!("Original/VBR/{}/{}", backup.server, backup.run);
    let mut files = Vec::new();
    let mut add = |name: &str, header: &[&str], rows: Vec<Vec<String>>| {
        if !rows.is_empty() {
            files.push((
                format!("{folder}/{}_{name}.csv", backup.server),
                csv(header, &rows),
            ));
        }
    };
    let s = |text: &str| text.to_owned();

    add(
        "vbrinfo",
        &[
            "Version",
            "Fixes",
            "SqlServer",
            "Instance",
            "PgHost",
            "PgDb",
            "MsHost",
            "MsDb",
            "DbType",
            "MFA",
        ],
        vec![vec![
            backup.version.clone(),
            s("P20250601"),
            s(""),
            s(""),
            s("localhost"),
            s("VeeamBackup"),
            s(""),
            s(""),
            backup.database.clone(),
            backup.mfa.clone(),
        ]],
    );
    // Servers: one per proxy and per repository, joined by id.
    let mut servers = Vec::new();
    for (index, proxy) in backup.proxies.iter().enumerate() {
        servers.push((id(1, index), proxy.name.clone(), proxy.cores, proxy.ram_gb));
    }
    for (index, repository) in backup.repositories.iter().enumerate() {
        servers.push((
            id(2, index),
            format!("{}.srv.example.net", repository.name.to_lowercase()),
            repository.cores,
            repository.ram_gb,
        ));
    }
    add(
        "Servers",
        &[
            "Info",
            "ParentId",
            "Id",
            "Uid",
            "Name",
            "Reference",
            "Description",
            "IsUnavailable",
            "Type",
            "ApiVersion",
            "PhysHostId",
            "ProxyServicesCreds",
            "Cores",
            "CPUCount",
            "RAM",
            "OSInfo",
        ],
        servers
            .iter()
            .map(|(server_id, name, cores, ram_gb)| {
                vec![
                    s("Veeam.Backup.Model.CHostInfo"),
                    s(""),
                    server_id.clone(),
                    format!("urn:veeam:Host:{server_id}"),
                    name.clone(),
                    s(""),
                    s("Created by Veeam Backup"),
                    s("False"),
                    s("Linux"),
                    s("12.3.1.1139"),
                    id(9, 0),
                    s("svc-veeam"),
                    cores.to_string(),
                    s("2"),
                    (ram_gb * (1 << 30)).to_string(),
                    s("Ubuntu 24.04 LTS"),
                ]
            })
            .collect(),
    );
    add(
        "Proxies",
        &[
            "Id",
            "Name",
            "Description",
            "Info",
            "HostId",
            "Host",
            "Type",
            "IsDisabled",
            "Options",
            "MaxTasksCount",
            "UseSsl",
            "FailoverToNetwork",
            "TransportMode",
            "ChosenVm",
            "IsVbrProxy",
            "ChassisType",
        ],
        backup
            .proxies
            .iter()
            .enumerate()
            .map(|(index, proxy)| {
                vec![
                    id(3, index),
                    proxy.name.clone(),
                    s(""),
                    s("Veeam.Backup.Model.CViProxyInfo"),
                    id(1, index),
                    proxy.name.clone(),
                    s("VMware"),
                    s("False"),
                    s("Veeam.Backup.Model.CDomViProxyOptions"),
                    proxy.max_tasks.to_string(),
                    s("False"),
                    s("True"),
                    proxy.transport_mode.clone(),
                    s(""),
                    s(""),
                    s("ViVirtual"),
                ]
            })
            .collect(),
    );
    let repository_header: Vec<String> = [
        "Id",
        "Name",
        "HostId",
        "Description",
        "CreationTime",
        "Path",
        "FullPath",
        "FriendlyPath",
        "ShareCredsId",
        "Type",
        "Status",
        "IsUnavailable",
        "Group",
        "UseNfsOnMountHost",
        "VersionOfCreation",
        "Tag",
        "IsTemporary",
        "TypeDisplay",
        "IsRotatedDriveRepository",
        "EndPointCryptoKeyId",
        "Options",
        "HasBackupChainLengthLimitation",
        "IsSanSnapshotOnly",
        "IsDedupStorage",
        "SplitStoragesPerVm",
        "IsImmutabilitySupported",
        "Options(maxtasks)",
        "Options(Unlimited Tasks)",
        "Options(MaxArchiveTaskCount)",
        "Options(CombinedDataRateLimit)",
        "Options(Uncompress)",
        "Options(OptimizeBlockAlign)",
        "Options(RemoteAccessLimitation)",
        "Options(EpEncryptionEnabled)",
        "Options(OneBackupFilePerVm)",
        "Options(IsAutoDetectAffinityProxies)",
        "Options(NfsRepositoryEncoding)",
        "CachedTotalSpace",
        "CachedFreeSpace",
        "gatewayHosts",
    ]
    .map(str::to_owned)
    .to_vec();
    let header: Vec<&str> = repository_header.iter().map(String::as_str).collect();
    add(
        "Repositories",
        &header,
        backup
            .repositories
            .iter()
            .enumerate()
            .map(|(index, repository)| {
                let mut row = vec![s(""); header.len()];
                let mut set = |column: &str, value: String| {
                    if let Some(at) = header.iter().position(|h| *h == column) {
                        row[at] = value;
                    }
                };
                set("Id", id(4, index));
                set("Name", repository.name.clone());
                set("HostId", id(2, index));
                set("CreationTime", s("3/1/2024 2:00:00 AM"));
                set("Path", s("/mnt/backup"));
                set("Type", repository.kind.clone());
                set("Status", s("Available"));
                set("IsUnavailable", s("False"));
                set("Options", s("Veeam.Backup.Model.CDomRepositoryOptions"));
                set("IsImmutabilitySupported", yes(repository.immutable));
                set("Options(maxtasks)", repository.max_tasks.to_string());
                set("Options(Unlimited Tasks)", s("False"));
                set("Options(OneBackupFilePerVm)", s("True"));
                set("CachedTotalSpace", repository.capacity_gb.to_string());
                set("CachedFreeSpace", repository.free_gb.to_string());
                row
            })
            .collect(),
    );
    add(
        "SOBRs",
        &[
            "PolicyType",
            "Extents",
            "UsePerVMBackupFiles",
            "PerformFullWhenExtentOffline",
            "EnableCapacityTier",
            "OperationalRestorePeriod",
            "OverridePolicyEnabled",
            "OverrideSpaceThreshold",
            "OffloadWindowOptions",
            "CapacityExtent",
            "EncryptionEnabled",
            "EncryptionKey",
            "CapacityTierCopyPolicyEnabled",
            "CapacityTierMovePolicyEnabled",
            "ArchiveTierEnabled",
            "ArchiveExtent",
            "ArchivePeriod",
            "CostOptimizedArchiveEnabled",
            "ArchiveFullBackupModeEnabled",
            "PluginBackupsOffloadEnabled",
            "CopyAllPluginBackupsEnabled",
            "CopyAllMachineBackupsEnabled",
            "Id",
            "Name",
            "Description",
            "ArchiveTierEncryptionEnabled",
        ],
        backup
            .scale_out
            .iter()
            .enumerate()
            .map(|(index, sobr)| {
                let extents: Vec<&str> = sobr.extents.iter().map(|e| e.name.as_str()).collect();
                vec![
                    sobr.policy.clone(),
                    extents.join(", "),
                    s("True"),
                    s("False"),
                    yes(sobr.capacity_tier.is_some()),
                    s("14"),
                    s("False"),
                    s("90"),
                    s(""),
                    s("Veeam.Backup.PowerShell.Infos.VBRCapacityExtent"),
                    s("False"),
                    s(""),
                    s("True"),
                    s("False"),
                    s("False"),
                    s(""),
                    s("0"),
                    s("False"),
                    s("False"),
                    s("False"),
                    s("False"),
                    s("False"),
                    id(5, index),
                    sobr.name.clone(),
                    s(""),
                    s("False"),
                ]
            })
            .collect(),
    );
    let mut extents = Vec::new();
    for sobr in &backup.scale_out {
        for extent in &sobr.extents {
            extents.push(vec![
                format!("{}.srv.example.net", extent.name.to_lowercase()),
                id(6, extents.len()),
                extent.name.clone(),
                s("LinuxHardened"),
                yes(extent.immutable),
                sobr.name.clone(),
                s("16"),
                extent.free_gb.to_string(),
                extent.capacity_gb.to_string(),
            ]);
        }
    }
    add(
        "SOBRExtents",
        &[
            "Host",
            "Id",
            "Name",
            "Type",
            "IsImmutabilitySupported",
            "SOBR_Name",
            "Options(maxtasks)",
            "CachedFreeSpace",
            "CachedTotalSpace",
        ],
        extents,
    );
    add(
        "capTier",
        &[
            "Status",
            "Type",
            "Immute",
            "immutabilityperiod",
            "ImmutabilityMode",
            "SizeLimitEnabled",
            "SizeLimit",
            "RepoId",
            "ConnectionType",
            "GatewayServer",
            "ParentId",
            "Name",
        ],
        backup
            .scale_out
            .iter()
            .enumerate()
            .filter_map(|(index, sobr)| {
                let tier = sobr.capacity_tier.as_ref()?;
                Some(vec![
                    s("Online"),
                    tier.kind.clone(),
                    yes(tier.immutable),
                    tier.days.to_string(),
                    s("RepositorySettings"),
                    s("False"),
                    s("0"),
                    id(7, index),
                    s("Direct"),
                    s(""),
                    id(5, index),
                    tier.name.clone(),
                ])
            })
            .collect(),
    );
    add(
        "configBackup",
        &[
            "Enabled",
            "Repository",
            "ScheduleOptions",
            "RestorePointsToKeep",
            "EncryptionOptions",
            "NotificationOptions",
            "NextRun",
            "Target",
            "Type",
            "LastResult",
            "LastState",
            "Id",
            "Name",
            "Description",
        ],
        backup
            .config_backup
            .iter()
            .map(|config| {
                vec![
                    yes(config.enabled),
                    config.repository.clone(),
                    s("Daily at 10:00"),
                    s("10"),
                    config.encryption.clone(),
                    s("Veeam.Backup.Model.CDomNotificationOptions"),
                    s("11/21/2026 10:00:00 AM"),
                    config.repository.clone(),
                    s("ConfigurationBackup"),
                    config.last_result.clone(),
                    s("Stopped"),
                    id(8, 0),
                    s("Backup Configuration Job"),
                    s(""),
                ]
            })
            .collect(),
    );
    add(
        "CloudGateways",
        &[
            "Host",
            "Enabled",
            "NATPort",
            "IncomingPort",
            "IPAddress",
            "NetworkMode",
            "Id",
            "Name",
            "Description",
        ],
        backup
            .gateways
            .iter()
            .enumerate()
            .map(|(index, gateway)| {
                vec![
                    gateway.name.clone(),
                    s("True"),
                    gateway.port.to_string(),
                    gateway.port.to_string(),
                    gateway.address.clone(),
                    s("NAT"),
                    id(10, index),
                    gateway.name.clone(),
                    s(""),
                ]
            })
            .collect(),
    );
    add(
        "CloudTenants",
        &[
            "Enabled",
            "LeaseExpirationEnabled",
            "LeaseExpirationDate",
            "SaltedPassword",
            "PasswordSalt",
            "Resources",
            "VMCount",
            "ReplicaCount",
            "LastActive",
            "LastResult",
            "MaxConcurrentTask",
            "Id",
            "Name",
            "Description",
        ],
        backup
            .tenants
            .iter()
            .enumerate()
            .map(|(index, tenant)| {
                vec![
                    s("True"),
                    s("False"),
                    s(""),
                    tenant.salted_password.clone(),
                    s("c2FsdA=="),
                    s("Veeam.Backup.PowerShell.Infos.VBRCloudTenantResource[]"),
                    tenant.vms.to_string(),
                    s("0"),
                    s("11/20/2026 1:00:00 AM"),
                    s("Success"),
                    s("4"),
                    id(11, index),
                    tenant.name.clone(),
                    s(""),
                ]
            })
            .collect(),
    );
    add(
        "SecurityCompliance",
        &["Best Practice", "Status"],
        backup
            .compliance
            .iter()
            .map(|(check, status)| vec![check.clone(), status.clone()])
            .collect(),
    );
    add(
        "Jobs",
        &[
            "Name",
            "JobType",
            "Description",
            "RepositoryId",
            "IsScheduleEnabled",
            "LastResult",
        ],
        (0..backup.jobs)
            .map(|job| {
                vec![
                    format!("Tenant backup {:04}", job + 1),
                    s("Backup"),
                    s("Created by VCSP automation"),
                    id(4, job % backup.repositories.len().max(1)),
                    s("True"),
                    s("Success"),
                ]
            })
            .collect(),
    );
    files
}
