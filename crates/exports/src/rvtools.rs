//! RVTools exports: the sheets vInfo, vHost, vCluster, vDatastore, vSwitch, dvSwitch, vSC_VMK,
//! vSource and vMetaData, with RVTools 4.x's columns in its order (RVTools 4.6-4.8; sheets and
//! columns a reader does not use are written too, so widths and sizes are realistic), booleans as
//! the text `True`/`False`, dates as spreadsheet dates.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Which header names to write: RVTools 4.1.2 (April 2021) renamed every "MB" column "MiB".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headers {
    /// RVTools 4.1.2 and later: `In Use MiB`, `Capacity MiB`; with vSource (4.3.1 on).
    Mib,
    /// Before 4.1.2: `In Use MB`, `Capacity MB`; no vSource sheet.
    Mb,
}

/// What RVTools sees of a vCenter.
#[derive(Debug, Clone)]
pub struct Inventory {
    pub rvtools_version: String,
    /// When the export was made: (year, month, day, hour, minute, second).
    pub exported_at: (u16, u8, u8, u16, u8, u8),
    pub vcenter: String,
    pub vcenter_version: String,
    pub vcenter_build: String,
    pub clusters: Vec<Cluster>,
    pub vms: Vec<Vm>,
    pub datastores: Vec<Datastore>,
    pub dvswitches: Vec<DvSwitch>,
    /// A custom attribute: a column RVTools inserts among its own (before `Datacenter` on vInfo,
    /// after `Object ID` on vHost), named by the vCenter's administrator.
    pub custom_attribute: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Cluster {
    pub name: String,
    pub datacenter: String,
    pub ha: bool,
    pub drs: bool,
    pub hosts: Vec<Host>,
}

#[derive(Debug, Clone)]
pub struct Host {
    pub name: String,
    /// As RVTools writes it: "VMware ESXi 8.0.3 build-24022510".
    pub esx_version: String,
    pub sockets: u32,
    pub cores_per_socket: u32,
    pub memory_mib: u64,
    pub vendor: String,
    pub model: String,
    /// Standard switches: name and MTU.
    pub switches: Vec<(String, u32)>,
    pub vmks: Vec<Vmk>,
}

#[derive(Debug, Clone)]
pub struct Vmk {
    pub device: String,
    pub port_group: String,
    pub ip: String,
    pub mtu: u32,
}

#[derive(Debug, Clone)]
pub struct Vm {
    pub name: String,
    /// Index into [`Inventory::clusters`].
    pub cluster: usize,
    /// Index into that cluster's hosts.
    pub host: usize,
    pub template: bool,
    pub powered_on: bool,
    pub provisioned_mib: u64,
    pub in_use_mib: u64,
    pub annotation: String,
}

#[derive(Debug, Clone)]
pub struct Datastore {
    pub name: String,
    pub kind: String,
    pub capacity_mib: u64,
    pub free_mib: u64,
}

#[derive(Debug, Clone)]
pub struct DvSwitch {
    pub name: String,
    pub version: String,
    pub max_mtu: u32,
}

impl Inventory {
    /// A vCenter with `hosts` hosts in clusters of up to 16, `vms` virtual machines spread over
    /// them (one in fifty a template), a datastore per 4 hosts, a distributed switch per cluster
    /// at MTU 9000, standard switches at 1500 and VMkernel ports for management (1500) and vMotion
    /// (9000) on every host.
    pub fn sized(hosts: usize, vms: usize) -> Inventory {
        let hosts = hosts.max(1);
        let per_cluster = 16;
        let cluster_count = hosts.div_ceil(per_cluster);
        let clusters: Vec<Cluster> = (0..cluster_count)
            .map(|c| Cluster {
                name: format!("CL-{:02}", c + 1),
                datacenter: "DC-AMS1".to_owned(),
                ha: true,
                drs: c % 3 != 2,
                hosts: (c * per_cluster..((c + 1) * per_cluster).min(hosts))
                    .map(|h| Host {
                        name: format!("esx-{:04}.ams1.example.net", h + 1),
                        esx_version: "VMware ESXi 8.0.3 build-24022510".to_owned(),
                        sockets: 2,
                        cores_per_socket: 16,
                        memory_mib: 524_288,
                        vendor: "Dell Inc.".to_owned(),
                        model: "PowerEdge R760".to_owned(),
                        switches: vec![("vSwitch0".to_owned(), 1500)],
                        vmks: vec![
                            Vmk {
                                device: "vmk0".to_owned(),
                                port_group: "Management Network".to_owned(),
                                ip: format!("10.10.{}.{}", h / 250, h % 250 + 2),
                                mtu: 1500,
                            },
                            Vmk {
                                device: "vmk1".to_owned(),
                                port_group: "vMotion".to_owned(),
                                ip: format!("10.20.{}.{}", h / 250, h % 250 + 2),
                                mtu: 9000,
                            },
                        ],
                    })
                    .collect(),
            })
            .collect();
        let vms = (0..vms)
            .map(|v| {
                let cluster = v % cluster_count;
                Vm {
                    name: format!("tenant{:03}-vm{:05}", v % 97 + 1, v + 1),
                    cluster,
                    host: (v / cluster_count) % clusters[cluster].hosts.len(),
                    template: v % 50 == 49,
                    powered_on: v % 10 != 9,
                    provisioned_mib: 102_400 + (v as u64 % 7) * 51_200,
                    in_use_mib: 40_960 + (v as u64 % 5) * 20_480,
                    annotation: String::new(),
                }
            })
            .collect();
        Inventory {
            rvtools_version: "4.7.1.4".to_owned(),
            exported_at: (2026, 11, 20, 14, 3, 12),
            vcenter: "vcsa01.ams1.example.net".to_owned(),
            vcenter_version: "8.0.3".to_owned(),
            vcenter_build: "24262322".to_owned(),
            datastores: (0..hosts.div_ceil(4))
                .map(|d| Datastore {
                    name: format!("DS-AMS1-{:03}", d + 1),
                    kind: "VMFS".to_owned(),
                    capacity_mib: 16 * 1_048_576,
                    free_mib: (3 + d as u64 % 9) * 1_048_576,
                })
                .collect(),
            dvswitches: clusters
                .iter()
                .map(|cluster| DvSwitch {
                    name: format!("dvs-{}", cluster.name.to_lowercase()),
                    version: "8.0.0".to_owned(),
                    max_mtu: 9000,
                })
                .collect(),
            clusters,
            vms,
            custom_attribute: None,
        }
    }
}

/// vInfo's columns in RVTools 4.6-4.8's order; `{MiB}` becomes `MB` in older exports.
const VINFO: &[&str] = &[
    "VM",
    "Powerstate",
    "Template",
    "SRM Placeholder",
    "Config status",
    "DNS Name",
    "Connection state",
    "Guest state",
    "Heartbeat",
    "Consolidation Needed",
    "PowerOn",
    "Suspended To Memory",
    "Suspend time",
    "Suspend Interval",
    "Creation date",
    "Change Version",
    "CPUs",
    "Overall Cpu Readiness",
    "Memory",
    "Active Memory",
    "NICs",
    "Disks",
    "Total disk capacity {MiB}",
    "Fixed Passthru HotPlug",
    "min Required EVC Mode Key",
    "Latency Sensitivity",
    "Op Notification Timeout",
    "EnableUUID",
    "CBT",
    "Primary IP Address",
    "Network #1",
    "Network #2",
    "Network #3",
    "Network #4",
    "Network #5",
    "Network #6",
    "Network #7",
    "Network #8",
    "Num Monitors",
    "Video Ram {KiB}",
    "Resource pool",
    "Folder ID",
    "Folder",
    "vApp",
    "DAS protection",
    "FT State",
    "FT Role",
    "FT Latency",
    "FT Bandwidth",
    "FT Sec. Latency",
    "Vm Failover In Progress",
    "Provisioned {MiB}",
    "In Use {MiB}",
    "Unshared {MiB}",
    "HA Restart Priority",
    "HA Isolation Response",
    "HA VM Monitoring",
    "Cluster rule(s)",
    "Cluster rule name(s)",
    "Boot Required",
    "Boot delay",
    "Boot retry delay",
    "Boot retry enabled",
    "Boot BIOS setup",
    "Reboot PowerOff",
    "EFI Secure boot",
    "Firmware",
    "HW version",
    "HW upgrade status",
    "HW upgrade policy",
    "HW target",
    "Path",
    "Log directory",
    "Snapshot directory",
    "Suspend directory",
    "Annotation",
    "{custom}",
    "Datacenter",
    "Cluster",
    "Host",
    "OS according to the configuration file",
    "OS according to the VMware Tools",
    "Customization Info",
    "Guest Detailed Data",
    "VM ID",
    "SMBIOS UUID",
    "VM UUID",
    "VI SDK Server type",
    "VI SDK API Version",
    "VI SDK Server",
    "VI SDK UUID",
];

const VHOST: &[&str] = &[
    "Host",
    "Datacenter",
    "Cluster",
    "Config status",
    "Compliance Check State",
    "in Maintenance Mode",
    "in Quarantine Mode",
    "vSAN Fault Domain Name",
    "CPU Model",
    "Speed",
    "HT Available",
    "HT Active",
    "# CPU",
    "Cores per CPU",
    "# Cores",
    "CPU usage %",
    "# Memory",
    "Memory Tiering Type",
    "Memory usage %",
    "Console",
    "# NICs",
    "# HBAs",
    "# VMs total",
    "# VMs",
    "VMs per Core",
    "# vCPUs",
    "vCPUs per Core",
    "vRAM",
    "VM Used memory",
    "VM Memory Swapped",
    "VM Memory Ballooned",
    "VMotion support",
    "Storage VMotion support",
    "Current EVC",
    "Max EVC",
    "Assigned License(s)",
    "ATS Heartbeat",
    "ATS Locking",
    "Current CPU power man. policy",
    "Supported CPU power man.",
    "Host Power Policy",
    "ESX Version",
    "Boot time",
    "DNS Servers",
    "DHCP",
    "Domain",
    "Domain List",
    "DNS Search Order",
    "NTP Server(s)",
    "NTPD running",
    "Time Zone",
    "Time Zone Name",
    "GMT Offset",
    "Vendor",
    "Model",
    "Serial number",
    "Service tag",
    "OEM specific string",
    "BIOS Vendor",
    "BIOS Version",
    "BIOS Date",
    "Certificate Issuer",
    "Certificate Start Date",
    "Certificate Expiry Date",
    "Certificate Status",
    "Certificate Subject",
    "Object ID",
    "{custom}",
    "UUID",
    "VI SDK Server",
    "VI SDK UUID",
];

const VCLUSTER: &[&str] = &[
    "Name",
    "Config status",
    "OverallStatus",
    "NumHosts",
    "numEffectiveHosts",
    "TotalCpu",
    "NumCpuCores",
    "NumCpuThreads",
    "Effective Cpu",
    "TotalMemory",
    "Effective Memory",
    "Num VMotions",
    "HA enabled",
    "Failover Level",
    "AdmissionControlEnabled",
    "Host monitoring",
    "HB Datastore Candidate Policy",
    "Isolation Response",
    "Restart Priority",
    "Cluster Settings",
    "Max Failures",
    "Max Failure Window",
    "Failure Interval",
    "Min Up Time",
    "VM Monitoring",
    "DRS enabled",
    "DRS default VM behavior",
    "DRS vmotion rate",
    "DPM enabled",
    "DPM default behavior",
    "DPM Host Power Action Rate",
    "Object ID",
    "VI SDK Server",
    "VI SDK UUID",
];

const VDATASTORE: &[&str] = &[
    "Name",
    "Config status",
    "Address",
    "Accessible",
    "Type",
    "# VMs total",
    "# VMs",
    "Capacity {MiB}",
    "Provisioned {MiB}",
    "In Use {MiB}",
    "Free {MiB}",
    "Free %",
    "SIOC enabled",
    "SIOC Threshold",
    "# Hosts",
    "Hosts",
    "Cluster name",
    "Cluster capacity {MiB}",
    "Cluster free space {MiB}",
    "Block size",
    "Max Blocks",
    "# Extents",
    "Major Version",
    "Version",
    "VMFS Upgradeable",
    "MHA",
    "URL",
    "Object ID",
    "VI SDK Server",
    "VI SDK UUID",
];

const VSWITCH: &[&str] = &[
    "Host",
    "Datacenter",
    "Cluster",
    "Switch",
    "# Ports",
    "Free Ports",
    "Promiscuous Mode",
    "Mac Changes",
    "Forged Transmits",
    "Traffic Shaping",
    "Width",
    "Peak",
    "Burst",
    "Policy",
    "Reverse Policy",
    "Notify Switch",
    "Rolling Order",
    "Offload",
    "TSO",
    "Zero Copy Xmit",
    "MTU",
    "VI SDK Server",
    "VI SDK UUID",
];

const DVSWITCH: &[&str] = &[
    "Switch",
    "Datacenter",
    "Name",
    "Vendor",
    "Version",
    "Description",
    "Created",
    "Host members",
    "Max Ports",
    "# Ports",
    "# VMs",
    "In Traffic Shaping",
    "In Avg",
    "In Peak",
    "In Burst",
    "Out Traffic Shaping",
    "Out Avg",
    "Out Peak",
    "Out Burst",
    "CDP Type",
    "CDP Operation",
    "LACP Name",
    "LACP Mode",
    "LACP Load Balance Alg.",
    "Max MTU",
    "Contact",
    "Admin Name",
    "Object ID",
    "VI SDK Server",
    "VI SDK UUID",
];

const VSC_VMK: &[&str] = &[
    "Host",
    "Datacenter",
    "Cluster",
    "Port Group",
    "Device",
    "Mac Address",
    "DHCP",
    "IP Address",
    "IP 6 Address",
    "Subnet mask",
    "Gateway",
    "IP 6 Gateway",
    "MTU",
    "VI SDK Server",
    "VI SDK UUID",
];

const VSOURCE: &[&str] = &[
    "Name",
    "OS type",
    "API type",
    "API version",
    "Version",
    "Patch level",
    "Build",
    "Fullname",
    "Product name",
    "Product version",
    "Product line",
    "Vendor",
    "VI SDK Server",
    "VI SDK UUID",
];

const VMETADATA: &[&str] = &[
    "RVTools major version",
    "RVTools version",
    "xlsx creation datetime",
    "Server",
];

/// A cell of a row: text, a number, a date, or nothing.
enum Cell {
    Text(String),
    Number(f64),
    Date(ExcelDateTime),
    Empty,
}

fn t(text: impl Into<String>) -> Cell {
    Cell::Text(text.into())
}

fn n(number: impl Into<f64>) -> Cell {
    Cell::Number(number.into())
}

fn b(value: bool) -> Cell {
    t(if value { "True" } else { "False" })
}

/// A sheet being written: its columns by name, so rows are written by name, in RVTools' order.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    columns: Vec<String>,
    row: u32,
    date: Format,
}

impl<'a> Sheet<'a> {
    fn new(
        book: &'a mut Workbook,
        name: &str,
        columns: &[&str],
        headers: Headers,
        custom: Option<&str>,
    ) -> Result<Self, XlsxError> {
        let columns: Vec<String> = columns
            .iter()
            .filter_map(|column| match (*column, custom) {
                ("{custom}", None) => None,
                ("{custom}", Some(custom)) => Some(custom.to_owned()),
                (column, _) => Some(match headers {
                    Headers::Mib => column.replace("{MiB}", "MiB").replace("{KiB}", "KiB"),
                    Headers::Mb => column.replace("{MiB}", "MB").replace("{KiB}", "KB"),
                }),
            })
            .collect();
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        let bold = Format::new().set_bold();
        for (index, column) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, index as u16, column, &bold)?;
        }
        sheet.set_freeze_panes(1, 1)?;
        Ok(Sheet {
            sheet,
            columns,
            row: 1,
            date: Format::new().set_num_format("yyyy/mm/dd hh:mm:ss"),
        })
    }

    /// Writes a row: the cells named, the other columns left empty.
    fn row(&mut self, cells: &[(&str, Cell)]) -> Result<(), XlsxError> {
        for (name, cell) in cells {
            let Some(col) = self.columns.iter().position(|c| c == name) else {
                continue;
            };
            let col = col as u16;
            match cell {
                Cell::Text(text) => {
                    self.sheet.write_string(self.row, col, text)?;
                }
                Cell::Number(number) => {
                    self.sheet.write_number(self.row, col, *number)?;
                }
                Cell::Date(date) => {
                    self.sheet
                        .write_datetime_with_format(self.row, col, date, &self.date)?;
                }
                Cell::Empty => {}
            }
        }
        self.row += 1;
        Ok(())
    }
}

/// The `.xlsx` RVTools would write for this inventory.
pub fn rvtools(inventory: &Inventory, headers: Headers) -> Result<Vec<u8>, XlsxError> {
    let mib = |name: &str| match headers {
        Headers::Mib => format!("{name} MiB"),
        Headers::Mb => format!("{name} MB"),
    };
    let custom = inventory.custom_attribute.as_deref();
    let server = inventory.vcenter.as_str();
    let uuid = "0bbbcf4f-8eae-4fe8-85e8-d197a4ff01c7";
    let fullname = format!(
        "VMware vCenter Server {} build-{}",
        inventory.vcenter_version, inventory.vcenter_build
    );
    let (y, mo, d, h, mi, s) = inventory.exported_at;
    let exported = ExcelDateTime::from_ymd(y, mo, d)?.and_hms(h, mi, s)?;
    let mut book = Workbook::new();

    let hosts: Vec<(&Cluster, &Host)> = inventory
        .clusters
        .iter()
        .flat_map(|cluster| cluster.hosts.iter().map(move |host| (cluster, host)))
        .collect();

    {
        let mut sheet = Sheet::new(&mut book, "vInfo", VINFO, headers, custom)?;
        let (provisioned, in_use, unshared) = (mib("Provisioned"), mib("In Use"), mib("Unshared"));
        for (index, vm) in inventory.vms.iter().enumerate() {
            let cluster = &inventory.clusters[vm.cluster];
            let host = &cluster.hosts[vm.host];
            let mut cells = vec![
                ("VM", t(&vm.name)),
                (
                    "Powerstate",
                    t(if vm.powered_on {
                        "poweredOn"
                    } else {
                        "poweredOff"
                    }),
                ),
                ("Template", b(vm.template)),
                ("SRM Placeholder", b(false)),
                ("Config status", t("green")),
                ("DNS Name", t(format!("{}.tenants.example.net", vm.name))),
                ("Connection state", t("connected")),
                (
                    "Guest state",
                    t(if vm.powered_on {
                        "running"
                    } else {
                        "notRunning"
                    }),
                ),
                ("Heartbeat", t(if vm.powered_on { "green" } else { "gray" })),
                ("Consolidation Needed", b(false)),
                (
                    "PowerOn",
                    if vm.powered_on {
                        Cell::Date(exported.clone())
                    } else {
                        Cell::Empty
                    },
                ),
                ("CPUs", n(4)),
                ("Memory", n(16_384)),
                ("NICs", n(1)),
                ("Disks", n(2)),
                ("CBT", b(true)),
                (
                    "Primary IP Address",
                    t(format!("172.16.{}.{}", index / 250 % 250, index % 250 + 2)),
                ),
                ("Network #1", t("tenant-net")),
                (
                    "Resource pool",
                    t(format!(
                        "/{}/{}/Resources",
                        cluster.datacenter, cluster.name
                    )),
                ),
                ("Folder", t("Tenants")),
                (provisioned.as_str(), n(vm.provisioned_mib as f64)),
                (in_use.as_str(), n(vm.in_use_mib as f64)),
                (unshared.as_str(), n(vm.in_use_mib as f64)),
                ("Firmware", t("efi")),
                ("HW version", n(21)),
                ("Path", t(format!("[DS-AMS1-001] {0}/{0}.vmx", vm.name))),
                ("Annotation", t(&vm.annotation)),
                ("Datacenter", t(&cluster.datacenter)),
                ("Cluster", t(&cluster.name)),
                ("Host", t(&host.name)),
                (
                    "OS according to the configuration file",
                    t("Microsoft Windows Server 2022 (64-bit)"),
                ),
                ("VM ID", t(format!("vm-{}", 1000 + index))),
                (
                    "VM UUID",
                    t(format!("4210{index:012x}-0000-0000-0000-000000000000")),
                ),
                ("VI SDK Server type", t(&fullname)),
                (
                    "VI SDK API Version",
                    t(format!("{}.0", inventory.vcenter_version)),
                ),
                ("VI SDK Server", t(server)),
                ("VI SDK UUID", t(uuid)),
            ];
            if let Some(custom) = custom {
                cells.push((custom, t("backup-tier-gold")));
            }
            sheet.row(&cells)?;
        }
    }
    {
        let mut sheet = Sheet::new(&mut book, "vHost", VHOST, headers, custom)?;
        for (index, (cluster, host)) in hosts.iter().enumerate() {
            let mut cells = vec![
                ("Host", t(&host.name)),
                ("Datacenter", t(&cluster.datacenter)),
                ("Cluster", t(&cluster.name)),
                ("Config status", t("green")),
                ("in Maintenance Mode", b(false)),
                ("in Quarantine Mode", b(false)),
                ("CPU Model", t("Intel(R) Xeon(R) Gold 6430 CPU @ 2.10GHz")),
                ("Speed", n(2100)),
                ("HT Available", b(true)),
                ("HT Active", b(true)),
                ("# CPU", n(host.sockets)),
                ("Cores per CPU", n(host.cores_per_socket)),
                ("# Cores", n(host.sockets * host.cores_per_socket)),
                ("# Memory", n(host.memory_mib as f64)),
                ("ATS Heartbeat", t("1")),
                ("ATS Locking", t("1")),
                ("ESX Version", t(&host.esx_version)),
                ("Boot time", Cell::Date(exported.clone())),
                ("NTP Server(s)", t("ntp1.example.net, ntp2.example.net")),
                ("NTPD running", b(true)),
                ("GMT Offset", t("0")),
                ("Vendor", t(&host.vendor)),
                ("Model", t(&host.model)),
                ("Serial number", t(format!("SN{index:06}"))),
                ("Object ID", t(format!("host-{}", 100 + index))),
                (
                    "UUID",
                    t(format!("4c4c4544-{index:04x}-0000-0000-000000000000")),
                ),
                ("VI SDK Server", t(server)),
                ("VI SDK UUID", t(uuid)),
            ];
            if let Some(custom) = custom {
                cells.push((custom, t("rack-a")));
            }
            sheet.row(&cells)?;
        }
    }
    {
        let mut sheet = Sheet::new(&mut book, "vCluster", VCLUSTER, headers, None)?;
        for (index, cluster) in inventory.clusters.iter().enumerate() {
            let count = cluster.hosts.len() as u32;
            sheet.row(&[
                ("Name", t(&cluster.name)),
                ("Config status", t("green")),
                ("OverallStatus", t("green")),
                ("NumHosts", n(count)),
                ("numEffectiveHosts", n(count)),
                ("NumCpuCores", n(count * 32)),
                ("HA enabled", b(cluster.ha)),
                ("DRS enabled", b(cluster.drs)),
                ("DPM enabled", b(false)),
                ("Object ID", t(format!("domain-c{}", 10 + index))),
                ("VI SDK Server", t(server)),
                ("VI SDK UUID", t(uuid)),
            ])?;
        }
    }
    {
        let mut sheet = Sheet::new(&mut book, "vDatastore", VDATASTORE, headers, None)?;
        let (capacity, free, in_use) = (mib("Capacity"), mib("Free"), mib("In Use"));
        for (index, datastore) in inventory.datastores.iter().enumerate() {
            sheet.row(&[
                ("Name", t(&datastore.name)),
                ("Config status", t("green")),
                ("Accessible", b(true)),
                ("Type", t(&datastore.kind)),
                (capacity.as_str(), n(datastore.capacity_mib as f64)),
                (
                    in_use.as_str(),
                    n((datastore.capacity_mib - datastore.free_mib) as f64),
                ),
                (free.as_str(), n(datastore.free_mib as f64)),
                (
                    "Free %",
                    n((datastore.free_mib * 100 / datastore.capacity_mib.max(1)) as f64),
                ),
                ("SIOC enabled", b(false)),
                ("MHA", b(true)),
                ("Object ID", t(format!("datastore-{}", 200 + index))),
                ("VI SDK Server", t(server)),
                ("VI SDK UUID", t(uuid)),
            ])?;
        }
    }
    {
        let mut sheet = Sheet::new(&mut book, "vSwitch", VSWITCH, headers, None)?;
        for (cluster, host) in &hosts {
            for (name, mtu) in &host.switches {
                sheet.row(&[
                    ("Host", t(&host.name)),
                    ("Datacenter", t(&cluster.datacenter)),
                    ("Cluster", t(&cluster.name)),
                    ("Switch", t(name)),
                    ("# Ports", n(128)),
                    ("Free Ports", n(120)),
                    ("Promiscuous Mode", b(false)),
                    ("Mac Changes", b(false)),
                    ("Forged Transmits", b(false)),
                    ("Policy", t("loadbalance_srcid")),
                    ("MTU", n(*mtu)),
                    ("VI SDK Server", t(server)),
                    ("VI SDK UUID", t(uuid)),
                ])?;
            }
        }
    }
    {
        let mut sheet = Sheet::new(&mut book, "dvSwitch", DVSWITCH, headers, None)?;
        for (index, switch) in inventory.dvswitches.iter().enumerate() {
            sheet.row(&[
                ("Switch", t(&switch.name)),
                ("Datacenter", t("DC-AMS1")),
                ("Name", t("DVS")),
                ("Vendor", t("VMware, Inc.")),
                ("Version", t(&switch.version)),
                ("Host members", n(16)),
                ("Max Ports", n(2048)),
                ("LACP Mode", t("active")),
                ("Max MTU", n(switch.max_mtu)),
                ("Object ID", t(format!("dvs-{}", 300 + index))),
                ("VI SDK Server", t(server)),
                ("VI SDK UUID", t(uuid)),
            ])?;
        }
    }
    {
        let mut sheet = Sheet::new(&mut book, "vSC_VMK", VSC_VMK, headers, None)?;
        for (cluster, host) in &hosts {
            for vmk in &host.vmks {
                sheet.row(&[
                    ("Host", t(&host.name)),
                    ("Datacenter", t(&cluster.datacenter)),
                    ("Cluster", t(&cluster.name)),
                    ("Port Group", t(&vmk.port_group)),
                    ("Device", t(&vmk.device)),
                    ("DHCP", b(false)),
                    ("IP Address", t(&vmk.ip)),
                    ("Subnet mask", t("255.255.255.0")),
                    ("MTU", n(vmk.mtu)),
                    ("VI SDK Server", t(server)),
                    ("VI SDK UUID", t(uuid)),
                ])?;
            }
        }
    }
    if headers == Headers::Mib {
        let mut sheet = Sheet::new(&mut book, "vSource", VSOURCE, headers, None)?;
        sheet.row(&[
            ("Name", t("VMware vCenter Server")),
            ("OS type", t("linux-x64")),
            ("API type", t("VirtualCenter")),
            ("API version", t(format!("{}.0", inventory.vcenter_version))),
            ("Version", t(&inventory.vcenter_version)),
            ("Build", t(&inventory.vcenter_build)),
            ("Fullname", t(&fullname)),
            ("Product name", t("VMware VirtualCenter Server")),
            ("Product line", t("vpx")),
            ("Vendor", t("VMware, Inc.")),
            ("VI SDK Server", t(server)),
            ("VI SDK UUID", t(uuid)),
        ])?;
    }
    {
        let mut sheet = Sheet::new(&mut book, "vMetaData", VMETADATA, headers, None)?;
        let major = inventory
            .rvtools_version
            .split('.')
            .next()
            .unwrap_or_default()
            .to_owned();
        sheet.row(&[
            ("RVTools major version", t(major)),
            ("RVTools version", t(&inventory.rvtools_version)),
            ("xlsx creation datetime", Cell::Date(exported.clone())),
            ("Server", t(server)),
        ])?;
    }
    book.save_to_buffer()
}
