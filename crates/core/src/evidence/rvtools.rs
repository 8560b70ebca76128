//! RVTools exports (`.xlsx`): the sheets and columns read, by header name. Names are RVTools'
//! own (see `docs/evidence.md` for the versions and where each was confirmed); sizes in "MB" (older
//! exports) and "MiB" (newer) are the same unit, MiB, and are read under either name.

use std::collections::BTreeMap;

use super::table::{Column, facts};
use super::xlsx::Workbook;
use super::{
    Cluster, Collector, Datastore, Evidence, EvidenceError, Host, Problem, Source, Switch,
    SwitchKind, Vcenter, VmkernelPort,
};

const META: [Column; 4] = [
    Column::optional(&["RVTools version"]),
    Column::optional(&["RVTools major version"]),
    Column::optional(&["xlsx creation datetime"]),
    Column::optional(&["Server"]),
];

const SOURCE: [Column; 5] = [
    Column::optional(&["VI SDK Server"]),
    Column::optional(&["Version"]),
    Column::optional(&["Build"]),
    Column::optional(&["Fullname"]),
    Column::optional(&["API type"]),
];

const INFO: [Column; 4] = [
    Column::required(&["VM"]),
    Column::optional(&["Cluster"]),
    Column::optional(&["Template"]),
    Column::optional(&["Powerstate"]),
];

const HOST: [Column; 7] = [
    Column::required(&["Host"]),
    Column::optional(&["Cluster"]),
    Column::optional(&["ESX Version"]),
    Column::optional(&["# Cores"]),
    Column::optional(&["# Memory"]),
    Column::optional(&["Vendor"]),
    Column::optional(&["Model"]),
];

const CLUSTER: [Column; 5] = [
    Column::required(&["Name"]),
    Column::optional(&["Datacenter"]),
    Column::optional(&["NumHosts", "# Hosts"]),
    Column::optional(&["HA enabled"]),
    Column::optional(&["DRS enabled"]),
];

const DATASTORE: [Column; 4] = [
    Column::required(&["Name"]),
    Column::optional(&["Type"]),
    Column::optional(&["Capacity MiB", "Capacity MB"]),
    Column::optional(&["Free MiB", "Free MB"]),
];

const SWITCH: [Column; 3] = [
    Column::required(&["Host"]),
    Column::required(&["Switch"]),
    Column::optional(&["MTU"]),
];

const DVSWITCH: [Column; 2] = [
    // `Name` on this sheet is the product's short name ("DVS"), not the switch's.
    Column::required(&["Switch", "DVS"]),
    Column::optional(&["Max MTU"]),
];

const VMK: [Column; 5] = [
    Column::required(&["Host"]),
    Column::required(&["Device"]),
    Column::optional(&["Port Group"]),
    Column::optional(&["IP Address"]),
    Column::optional(&["MTU"]),
];

/// The sheets that tell a workbook is an RVTools export.
const SIGNS: [&str; 3] = ["vInfo", "vHost", "vMetaData"];

/// Reads an RVTools export.
pub fn read(file: &str, bytes: &[u8]) -> Result<Evidence, EvidenceError> {
    read_reporting(file, bytes, &mut |_| {})
}

/// Reads an RVTools export, telling `sheet` the name of each sheet before it is read.
pub fn read_reporting(
    file: &str,
    bytes: &[u8],
    sheet: &mut dyn FnMut(&str),
) -> Result<Evidence, EvidenceError> {
    let error = |problem| EvidenceError {
        file: file.to_owned(),
        problem,
    };
    let mut book = Workbook::open(bytes).map_err(error)?;
    let sheets = book.sheet_names();
    if !SIGNS
        .iter()
        .any(|sign| sheets.iter().any(|sheet| sheet.eq_ignore_ascii_case(sign)))
    {
        return Err(error(Problem::NotRvtools { sheets }));
    }
    let mut read = |name: &str, columns: &[Column]| {
        sheet(name);
        book.sheet(name, columns).map_err(error)
    };
    let meta = read("vMetaData", &META)?;
    let vsource = read("vSource", &SOURCE)?;
    let info = read("vInfo", &INFO)?;
    let hosts = read("vHost", &HOST)?;
    let clusters = read("vCluster", &CLUSTER)?;
    let datastores = read("vDatastore", &DATASTORE)?;
    let switches = read("vSwitch", &SWITCH)?;
    let dvswitches = read("dvSwitch", &DVSWITCH)?;
    let vmk = match read("vSC_VMK", &VMK)? {
        Some(table) => Some(table),
        None => read("vSC+VMK", &VMK)?,
    };

    let mut evidence = Evidence::default();
    let meta_row = meta.as_ref().and_then(|table| table.rows.first());
    let server = meta_row.and_then(|row| row.text(3));
    evidence.sources.push(Source {
        collector: Collector::Rvtools,
        file: file.to_owned(),
        collector_version: meta_row.and_then(|row| row.text(0).or_else(|| row.text(1))),
        collected_at: meta_row.and_then(|row| row.get(2)).and_then(timestamp),
        server: server.clone(),
    });
    for (name, table) in [
        ("vMetaData", &meta),
        ("vInfo", &info),
        ("vHost", &hosts),
        ("vCluster", &clusters),
        ("vDatastore", &datastores),
        ("vSwitch", &switches),
        ("dvSwitch", &dvswitches),
        ("vSC_VMK", &vmk),
    ] {
        if table.is_none() {
            evidence
                .notes
                .push(format!("{file}: the export has no sheet {name}"));
        }
    }

    // vSource (RVTools 4.3.1 on): the vCenter's version and build; a direct connection to a host
    // says so in its API type, and is not a vCenter.
    if let Some(table) = &vsource {
        for row in &table.rows {
            if row
                .text(4)
                .is_some_and(|api| !api.eq_ignore_ascii_case("VirtualCenter"))
            {
                continue;
            }
            let Some(name) = row.text(0).or_else(|| server.clone()) else {
                continue;
            };
            let version = match (row.text(1), row.text(2)) {
                (Some(version), Some(build)) => Some(format!("{version} build-{build}")),
                (version, _) => version.or_else(|| row.text(3)),
            };
            evidence.vcenters.push(Vcenter {
                name,
                version,
                from: table.origin(row),
            });
        }
    }
    if evidence.vcenters.is_empty()
        && let (Some(server), Some(table), Some(row)) = (server, &meta, meta_row)
    {
        evidence.vcenters.push(Vcenter {
            name: server,
            version: None,
            from: table.origin(row),
        });
    }

    let mut vms: BTreeMap<String, u64> = BTreeMap::new();
    if let Some(table) = &info {
        for row in &table.rows {
            if row.boolean(2) == Some(true) {
                continue;
            }
            if let Some(cluster) = row.text(1) {
                *vms.entry(cluster).or_default() += 1;
            }
        }
    }
    evidence.clusters = facts(clusters.as_ref(), |row, from| {
        let name = row.text(0)?;
        Some(Cluster {
            vms: vms.get(&name).copied().or(info.as_ref().map(|_| 0)),
            name,
            datacenter: row.text(1),
            hosts: row.count(2),
            ha: row.boolean(3),
            drs: row.boolean(4),
            from,
        })
    });
    evidence.hosts = facts(hosts.as_ref(), |row, from| {
        Some(Host {
            name: row.text(0)?,
            cluster: row.text(1),
            version: row.text(2),
            cores: row.count(3),
            memory_mib: row.count(4),
            vendor: row.text(5),
            model: row.text(6),
            from,
        })
    });
    evidence.datastores = facts(datastores.as_ref(), |row, from| {
        Some(Datastore {
            name: row.text(0)?,
            kind: row.text(1),
            capacity_mib: row.count(2),
            free_mib: row.count(3),
            from,
        })
    });
    evidence.switches = facts(switches.as_ref(), |row, from| {
        Some(Switch {
            host: Some(row.text(0)?),
            name: row.text(1)?,
            kind: SwitchKind::Standard,
            mtu: row.count(2),
            from,
        })
    });
    evidence
        .switches
        .extend(facts(dvswitches.as_ref(), |row, from| {
            Some(Switch {
                name: row.text(0)?,
                kind: SwitchKind::Distributed,
                host: None,
                mtu: row.count(1),
                from,
            })
        }));
    evidence.vmkernel_ports = facts(vmk.as_ref(), |row, from| {
        Some(VmkernelPort {
            host: row.text(0)?,
            device: row.text(1)?,
            port_group: row.text(2),
            address: row.text(3),
            mtu: row.count(4),
            from,
        })
    });
    Ok(evidence)
}

/// The export's time as ISO 8601 (local, no zone): a spreadsheet date, or text RVTools wrote.
fn timestamp(value: &super::table::Value) -> Option<String> {
    use super::table::Value;
    match value {
        Value::Serial(serial) | Value::Number(serial) => serial_to_iso(*serial),
        Value::Text(text) => super::dates::parse(text),
        Value::Bool(_) => None,
    }
}

/// A spreadsheet date (days since 1899-12-30, the 1900 date system) as ISO 8601.
fn serial_to_iso(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i32;
    let seconds = ((serial - serial.floor()) * 86_400.0).round() as u32;
    // 1899-12-30 is Julian day 2_415_019.
    let date = time::Date::from_julian_day(2_415_019 + days).ok()?;
    super::dates::written(date, (seconds / 3600 % 24, seconds / 60 % 60, seconds % 60))
}

#[cfg(test)]
mod tests {
    use super::serial_to_iso;

    #[test]
    fn spreadsheet_dates_are_read_as_iso() {
        // 2026-11-20 12:00:00 is serial 46346.5.
        assert_eq!(
            serial_to_iso(46346.5).as_deref(),
            Some("2026-11-20T12:00:00")
        );
        assert_eq!(serial_to_iso(-3.0), None);
    }
}
