//! The evidence readers over generated exports (`crates/exports`): every fact read from RVTools
//! and Healthcheck output, both header generations, where each fact came from, and bad input
//! refused with a message that names the file and the problem.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use collector_exports::{Backup, Headers, Inventory, healthcheck, rvtools};
use intake_core::evidence::{
    self, Collector, Evidence, EvidenceError, MissingColumn, Problem, SwitchKind,
};
use support::zip::{Raw, raw_zip, zeros_deflated};

fn inventory() -> Inventory {
    let mut inventory = Inventory::sized(20, 300);
    // One host carries jumbo frames on its standard switch, and a custom attribute shifts columns.
    inventory.clusters[0].hosts[3].switches[0].1 = 9000;
    inventory.custom_attribute = Some("Backup tier".to_owned());
    inventory
}

fn read_rvtools(inventory: &Inventory, headers: Headers) -> Evidence {
    let bytes = rvtools::rvtools(inventory, headers).expect("written");
    evidence::read("RVTools_export_all.xlsx", &bytes).expect("read")
}

#[test]
fn an_rvtools_export_gives_every_fact_with_where_it_came_from() {
    let inventory = inventory();
    let evidence = read_rvtools(&inventory, Headers::Mib);

    let source = &evidence.sources[0];
    assert_eq!(source.collector, Collector::Rvtools);
    assert_eq!(source.file, "RVTools_export_all.xlsx");
    assert_eq!(source.collector_version.as_deref(), Some("4.7.1.4"));
    assert_eq!(source.collected_at.as_deref(), Some("2026-11-20T14:03:12"));
    assert_eq!(source.server.as_deref(), Some("vcsa01.ams1.example.net"));
    assert!(evidence.notes.is_empty(), "{:?}", evidence.notes);

    assert_eq!(evidence.vcenters.len(), 1);
    assert_eq!(evidence.vcenters[0].name, "vcsa01.ams1.example.net");
    assert_eq!(
        evidence.vcenters[0].version.as_deref(),
        Some("8.0.3 build-24262322")
    );
    assert_eq!(evidence.vcenters[0].from.table, "vSource");

    // Two clusters of 16 and 4 hosts; VMs counted per cluster without templates.
    let clusters: Vec<(&str, Option<u64>)> = evidence
        .clusters
        .iter()
        .map(|c| (c.name.as_str(), c.hosts))
        .collect();
    assert_eq!(clusters, [("CL-01", Some(16)), ("CL-02", Some(4))]);
    for (index, cluster) in evidence.clusters.iter().enumerate() {
        let expected = inventory
            .vms
            .iter()
            .filter(|vm| vm.cluster == index && !vm.template)
            .count() as u64;
        assert_eq!(cluster.vms, Some(expected), "{}", cluster.name);
        assert_eq!(cluster.ha, Some(true));
        assert_eq!(cluster.from.row, index as u32 + 2);
    }

    assert_eq!(evidence.hosts.len(), 20);
    let host = &evidence.hosts[5];
    assert_eq!(host.name, "esx-0006.ams1.example.net");
    assert_eq!(host.cluster.as_deref(), Some("CL-01"));
    assert_eq!(
        host.version.as_deref(),
        Some("VMware ESXi 8.0.3 build-24022510")
    );
    assert_eq!(host.cores, Some(32));
    assert_eq!(host.memory_mib, Some(524_288));
    assert_eq!(host.model.as_deref(), Some("PowerEdge R760"));
    assert_eq!((host.from.table.as_str(), host.from.row), ("vHost", 7));

    assert_eq!(evidence.datastores.len(), 5);
    assert_eq!(evidence.datastores[1].capacity_mib, Some(16 * 1_048_576));
    assert_eq!(evidence.datastores[1].free_mib, Some(4 * 1_048_576));

    let standard: Vec<_> = evidence
        .switches
        .iter()
        .filter(|s| s.kind == SwitchKind::Standard)
        .collect();
    assert_eq!(standard.len(), 20);
    let jumbo: Vec<(&str, Option<u64>)> = standard
        .iter()
        .filter(|s| s.mtu != Some(1500))
        .map(|s| (s.host.as_deref().unwrap_or_default(), s.mtu))
        .collect();
    assert_eq!(jumbo, [("esx-0004.ams1.example.net", Some(9000))]);
    let distributed: Vec<(&str, Option<u64>)> = evidence
        .switches
        .iter()
        .filter(|s| s.kind == SwitchKind::Distributed)
        .map(|s| (s.name.as_str(), s.mtu))
        .collect();
    assert_eq!(
        distributed,
        [("dvs-cl-01", Some(9000)), ("dvs-cl-02", Some(9000))]
    );

    assert_eq!(evidence.vmkernel_ports.len(), 40);
    let vmotion = &evidence.vmkernel_ports[1];
    assert_eq!(
        (
            vmotion.device.as_str(),
            vmotion.port_group.as_deref(),
            vmotion.mtu
        ),
        ("vmk1", Some("vMotion"), Some(9000))
    );
    assert_eq!(vmotion.address.as_deref(), Some("10.20.0.2"));
}

#[test]
fn older_rvtools_headers_in_mb_and_no_vsource_give_the_same_facts() {
    let mut inventory = inventory();
    inventory.rvtools_version = "4.0.6".to_owned();
    let new = read_rvtools(&inventory, Headers::Mib);
    let old = read_rvtools(&inventory, Headers::Mb);
    assert_eq!(old.datastores, new.datastores);
    assert_eq!(old.hosts, new.hosts);
    assert_eq!(old.clusters, new.clusters);
    assert_eq!(old.switches, new.switches);
    assert_eq!(old.vmkernel_ports, new.vmkernel_ports);
    // Without vSource (before RVTools 4.3.1) the vCenter is known by name only.
    assert_eq!(old.vcenters.len(), 1);
    assert_eq!(old.vcenters[0].name, "vcsa01.ams1.example.net");
    assert_eq!(old.vcenters[0].version, None);
    assert_eq!(old.vcenters[0].from.table, "vMetaData");
    assert_eq!(old.sources[0].collector_version.as_deref(), Some("4.0.6"));
}

fn backup() -> Backup {
    Backup::sized(3, 4, 5, 10)
}

fn read_folder(backup: &Backup) -> Evidence {
    let files = healthcheck::healthcheck(backup);
    evidence::healthcheck::read_files("vHC", &files).expect("read")
}

#[test]
fn a_healthcheck_folder_gives_every_fact_with_where_it_came_from() {
    let evidence = read_folder(&backup());
    let source = &evidence.sources[0];
    assert_eq!(source.collector, Collector::Healthcheck);
    assert_eq!(source.collected_at.as_deref(), Some("2026-11-20T14:03:12"));
    assert_eq!(source.server.as_deref(), Some("localhost"));

    let server = evidence.backup_server.as_ref().expect("vbrinfo");
    assert_eq!(server.version.as_deref(), Some("12.3.1.1139"));
    assert_eq!(server.mfa, Some(true));
    assert_eq!(server.database.as_deref(), Some("PostgreSql"));
    assert_eq!(
        (server.from.table.as_str(), server.from.row),
        ("localhost_vbrinfo.csv", 2)
    );

    assert_eq!(evidence.proxies.len(), 3);
    let proxy = &evidence.proxies[2];
    assert_eq!(proxy.name, "vbr-proxy03.ams1.example.net");
    assert_eq!(
        (proxy.max_tasks, proxy.cores, proxy.ram_gb),
        (Some(8), Some(8), Some(16))
    );
    assert_eq!(proxy.transport_mode.as_deref(), Some("HotAdd"));
    assert_eq!(proxy.from.row, 4);

    let repositories: Vec<(&str, Option<&str>, Option<bool>)> = evidence
        .repositories
        .iter()
        .map(|r| (r.name.as_str(), r.kind.as_deref(), r.immutable))
        .collect();
    assert_eq!(
        repositories,
        [
            ("REPO-AMS1-01", Some("LinuxHardened"), Some(true)),
            ("REPO-AMS1-02", Some("WinLocal"), Some(false)),
            ("REPO-AMS1-03", Some("WinLocal"), Some(false)),
            ("REPO-AMS1-04", Some("LinuxHardened"), Some(true)),
        ]
    );
    let first = &evidence.repositories[0];
    assert_eq!(
        (first.max_tasks, first.capacity_gb, first.free_gb),
        (Some(16), Some(102_400.0), Some(30_720.0))
    );
    assert_eq!((first.cores, first.ram_gb), (Some(16), Some(64)));

    assert_eq!(evidence.scale_out.len(), 1);
    assert_eq!(evidence.scale_out[0].capacity_tier, Some(true));
    assert_eq!(evidence.extents.len(), 2);
    assert!(
        evidence
            .extents
            .iter()
            .all(|e| e.immutable == Some(true) && e.scale_out.as_deref() == Some("SOBR-AMS1"))
    );
    let tier = &evidence.capacity_tiers[0];
    assert_eq!(tier.scale_out.as_deref(), Some("SOBR-AMS1"));
    assert_eq!(
        (tier.immutable, tier.immutability_days),
        (Some(true), Some(30))
    );

    let config = evidence.config_backup.as_ref().expect("configBackup");
    assert_eq!(
        (
            config.enabled,
            config.encrypted,
            config.repository.as_deref(),
            config.last_result.as_deref()
        ),
        (
            Some(true),
            Some(true),
            Some("REPO-AMS1-02"),
            Some("Success")
        )
    );

    let gateways: Vec<(&str, Option<&str>, Option<u64>)> = evidence
        .gateways
        .iter()
        .map(|g| (g.name.as_str(), g.address.as_deref(), g.port))
        .collect();
    assert_eq!(
        gateways,
        [
            ("cc-gw01.ams1.example.net", Some("203.0.113.10"), Some(6180)),
            ("cc-gw02.ams1.example.net", Some("203.0.113.11"), Some(6180)),
        ]
    );
    assert_eq!(evidence.tenants.len(), 5);
    assert_eq!(evidence.tenants[0].vms, Some(10));
    assert_eq!(evidence.compliance.len(), 4);
    assert_eq!(evidence.compliance[2].status, "Not Implemented");
}

#[test]
fn a_tenants_password_hash_is_never_kept() {
    let evidence = read_folder(&backup());
    let json = serde_json::to_string(&evidence).expect("serialises");
    assert!(!json.contains("SECRETHASH"), "{json}");
    assert!(json.contains("tenant001"));
}

#[test]
fn a_zip_of_the_folder_reads_the_same_as_the_folder() {
    let files = healthcheck::healthcheck(&backup());
    let zip = collector_exports::zip(&files).expect("zipped");
    let zipped = evidence::read("vHC.zip", &zip).expect("read");
    let mut folder = evidence::healthcheck::read_files("vHC.zip", &files).expect("read");
    folder.sources[0].file = "vHC.zip".to_owned();
    assert_eq!(zipped, folder);
}

#[test]
fn mfa_before_vbr_12_is_unknown_and_said_so() {
    let mut backup = backup();
    backup.mfa = "N/A - Pre VBR 12".to_owned();
    backup.gateways.clear();
    let evidence = read_folder(&backup);
    assert_eq!(evidence.backup_server.expect("vbrinfo").mfa, None);
    assert!(
        evidence
            .notes
            .iter()
            .any(|n| n.contains("N/A - Pre VBR 12")),
        "{:?}",
        evidence.notes
    );
    // Healthcheck writes no file where it found nothing: no gateways, nothing read, no error.
    assert!(evidence.gateways.is_empty());
}

#[test]
fn of_two_runs_in_one_folder_the_newest_is_read() {
    let old = backup();
    let mut new = backup();
    new.run = "20261202_090000".to_owned();
    new.version = "13.0.1.180".to_owned();
    let mut files = healthcheck::healthcheck(&new);
    files.extend(healthcheck::healthcheck(&old));
    let evidence = evidence::healthcheck::read_files("vHC", &files).expect("read");
    assert_eq!(
        evidence.backup_server.expect("vbrinfo").version.as_deref(),
        Some("13.0.1.180")
    );
    assert_eq!(
        evidence.sources[0].collected_at.as_deref(),
        Some("2026-12-02T09:00:00")
    );
    assert!(
        evidence
            .notes
            .iter()
            .any(|n| n.contains("2 Healthcheck runs"))
    );
}

#[test]
fn exports_merge_keeping_each_facts_source() {
    let mut evidence = read_rvtools(&inventory(), Headers::Mib);
    evidence.merge(read_folder(&backup()));
    assert_eq!(evidence.sources.len(), 2);
    assert_eq!(evidence.hosts[0].from.source, 0);
    assert_eq!(evidence.proxies[0].from.source, 1);
    assert_eq!(evidence.backup_server.expect("vbrinfo").from.source, 1);
}

fn refused(result: Result<Evidence, EvidenceError>) -> (String, Problem) {
    let error = result.expect_err("refused");
    (error.to_string(), error.problem)
}

#[test]
fn something_that_is_not_an_export_is_refused_by_name() {
    let (message, problem) = refused(evidence::read("holiday.jpg", b"\xFF\xD8\xFF\xE0 JFIF"));
    assert!(matches!(problem, Problem::NotAnExport(_)));
    assert!(
        message.starts_with("“holiday.jpg”: not an RVTools export"),
        "{message}"
    );

    let (message, _) = refused(evidence::read("old.xls", b"\xD0\xCF\x11\xE0"));
    assert!(message.contains("Excel 97-2003"), "{message}");
}

#[test]
fn a_spreadsheet_with_other_sheets_is_not_rvtools() {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Budget").expect("named");
    let bytes = book.save_to_buffer().expect("written");
    let (message, problem) = refused(evidence::read("budget.xlsx", &bytes));
    assert_eq!(
        problem,
        Problem::NotRvtools {
            sheets: vec!["Budget".to_owned()]
        }
    );
    assert!(message.contains("its sheets: Budget"), "{message}");
}

#[test]
fn a_sheet_without_a_column_it_needs_is_named() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("vHost").expect("named");
    sheet.write_string(0, 0, "Hostname").expect("written");
    sheet.write_string(1, 0, "esx01").expect("written");
    let bytes = book.save_to_buffer().expect("written");
    let (message, problem) = refused(evidence::read("renamed.xlsx", &bytes));
    assert_eq!(
        problem,
        Problem::MissingColumn(MissingColumn {
            table: "vHost".to_owned(),
            column: "Host"
        })
    );
    assert_eq!(
        message,
        "“renamed.xlsx”: the sheet or file “vHost” has no column “Host”"
    );
}

#[test]
fn a_cut_short_export_is_damaged() {
    let bytes = rvtools::rvtools(&inventory(), Headers::Mib).expect("written");
    let (message, problem) = refused(evidence::read("cut.xlsx", &bytes[..bytes.len() / 2]));
    assert!(
        matches!(problem, Problem::Damaged(_) | Problem::NotAnExport(_)),
        "{problem:?}"
    );
    assert!(message.starts_with("“cut.xlsx”"), "{message}");
}

#[test]
fn a_zip_bomb_is_refused() {
    let bomb = Raw {
        name: "localhost_vbrinfo.csv",
        method: 8,
        crc: 0,
        data: zeros_deflated(1100),
        size: 100,
    };
    let bytes = raw_zip(&[bomb], &[("localhost_vbrinfo.csv", 0)]);
    assert_eq!(
        refused(evidence::read("vHC.zip", &bytes)).1,
        Problem::Inflates
    );
}

#[test]
fn a_csv_that_is_not_text_or_misses_a_column_is_named() {
    let files = vec![(
        "localhost_vbrinfo.csv".to_owned(),
        b"\"Version\"\r\n\"12.3\xE9\"\r\n".to_vec(),
    )];
    let (message, _) = refused(evidence::healthcheck::read_files("vHC", &files));
    assert_eq!(
        message,
        "“vHC”: “localhost_vbrinfo.csv” is not text in UTF-8 or UTF-16: save it again as UTF-8"
    );

    let files = vec![(
        "localhost_Proxies.csv".to_owned(),
        b"\"Id\",\"Host\"\r\n\"1\",\"p\"\r\n".to_vec(),
    )];
    let (message, _) = refused(evidence::healthcheck::read_files("vHC", &files));
    assert_eq!(
        message,
        "“vHC”: the sheet or file “localhost_Proxies.csv” has no column “Name”"
    );

    let files = vec![("notes.csv".to_owned(), b"a,b\r\n".to_vec())];
    assert_eq!(
        refused(evidence::healthcheck::read_files("vHC", &files)).1,
        Problem::NotHealthcheck
    );
}

#[test]
fn a_csv_of_too_many_rows_is_refused() {
    let mut text = String::from("\"Best Practice\",\"Status\"\r\n");
    for row in 0..=evidence::MAX_ROWS {
        text.push_str(&format!("\"check {row}\",\"Passed\"\r\n"));
    }
    let files = vec![(
        "localhost_SecurityCompliance.csv".to_owned(),
        text.into_bytes(),
    )];
    assert_eq!(
        refused(evidence::healthcheck::read_files("vHC", &files)).1,
        Problem::TooManyRows {
            table: "localhost_SecurityCompliance.csv".to_owned()
        }
    );
}

#[test]
fn cells_holding_formulas_or_markup_are_kept_as_text() {
    let mut inventory = Inventory::sized(1, 2);
    inventory.clusters[0].name = "=HYPERLINK(\"http://x\")<script>".to_owned();
    let evidence = read_rvtools(&inventory, Headers::Mib);
    assert_eq!(
        evidence.clusters[0].name,
        "=HYPERLINK(\"http://x\")<script>"
    );
}

fn answers(json: &str) -> intake_core::answers::Answers {
    let questionnaire = intake_core::questionnaire::Questionnaire::builtin().expect("builtin");
    intake_core::answers::Answers::from_json(json, questionnaire).expect("answers read")
}

#[test]
fn evidence_proposes_answers_that_set_agree_or_differ() {
    use intake_core::answers::Value;
    use intake_core::evidence::map::{Change, apply, propose};
    let questionnaire = intake_core::questionnaire::Questionnaire::builtin().expect("builtin");
    let mut evidence = read_rvtools(&Inventory::sized(20, 300), Headers::Mib);
    evidence.merge(read_folder(&backup()));
    let stated = answers(
        r#"{"schema_version": 2,
            "answers": {
              "platform.vbr_version": {"value": "12.3.1.1139"},
              "security.mfa_console": {"value": false, "note": "we think so"},
              "engagement.tenant_count": {"dont_know": true}
            },
            "groups": {
              "platform.proxies": [{"name": "VBR-PROXY01", "answers": {"cores": {"value": 4}}}]
            }}"#,
    );
    let proposals = propose(questionnaire, &stated, &evidence);
    let find = |question: &str, item: Option<&str>| {
        proposals
            .iter()
            .find(|p| p.question == question && p.item.as_deref() == item)
            .unwrap_or_else(|| panic!("no proposal for {question} {item:?}"))
    };
    assert_eq!(find("platform.vbr_version", None).change, Change::Same);
    let mfa = find("security.mfa_console", None);
    assert_eq!(
        mfa.change,
        Change::Differs {
            now: "No".to_owned()
        }
    );
    assert_eq!(mfa.value, Value::Bool(true));
    assert_eq!(mfa.from.table, "localhost_vbrinfo.csv");
    assert_eq!(mfa.fact, "MFA: True");
    assert_eq!(
        mfa.question_words(questionnaire),
        "Is multi-factor authentication required to log in to the backup console?"
    );
    // "Don't know" is answered by the evidence.
    let tenants = find("engagement.tenant_count", None);
    assert_eq!(
        (&tenants.change, &tenants.value),
        (&Change::Set, &Value::Integer(5))
    );
    // The proxy answered by its short name in capitals is the export's FQDN.
    let cores = find("platform.proxies.cores", Some("VBR-PROXY01"));
    assert_eq!(
        cores.change,
        Change::Differs {
            now: "4 cores".to_owned()
        }
    );
    assert_eq!(
        cores.question_words(questionnaire),
        "Proxy “VBR-PROXY01”: CPU cores"
    );
    assert_eq!(
        find("platform.proxies.max_tasks", Some("VBR-PROXY01")).change,
        Change::Set
    );
    assert_eq!(
        find(
            "platform.proxies.cores",
            Some("vbr-proxy02.ams1.example.net")
        )
        .change,
        Change::NewItem
    );
    let hypervisor = find("compute.clusters.hypervisor_version", Some("CL-01"));
    assert_eq!(hypervisor.value, Value::Text("8.0.3.24022510".to_owned()));
    assert_eq!(hypervisor.from.table, "vHost");
    assert_eq!(
        find("compute.clusters.management_version", Some("CL-01")).value,
        Value::Text("8.0.3.24262322".to_owned())
    );
    let capacity = find(
        "repositories.repositories.capacity_tb",
        Some("REPO-AMS1-01"),
    );
    assert_eq!(capacity.value, Value::Decimal(100.0));
    assert_eq!(
        find(
            "repositories.repositories.free_percent",
            Some("REPO-AMS1-01")
        )
        .value,
        Value::Decimal(30.0)
    );
    assert_eq!(
        find("repositories.repositories.type", Some("REPO-AMS1-01")).value,
        Value::Text("hardened_linux".to_owned())
    );
    // A Windows repository's file system is not in the export: no type proposed.
    assert!(
        proposals
            .iter()
            .all(|p| !(p.question == "repositories.repositories.type"
                && p.item.as_deref() == Some("REPO-AMS1-02")))
    );
    assert_eq!(
        find("cloud_connect.tenant_port", None).value,
        Value::Integer(6180)
    );
    let platforms = find("engagement.platforms", None);
    assert_eq!(
        platforms.value,
        Value::Choices(vec!["vmware_vsphere".to_owned()])
    );
    assert_eq!(platforms.change, Change::Set);
    assert_eq!(
        find(
            "cloud_connect.gateways.public_ip",
            Some("cc-gw01.ams1.example.net")
        )
        .value,
        Value::Text("203.0.113.10".to_owned())
    );
    assert_eq!(
        find("repositories.scale_out.mixes_immutable", Some("SOBR-AMS1")).value,
        Value::Bool(false)
    );

    // Applying what the partner chose: MFA and the new proxy; the rest stays as typed.
    let chosen: Vec<_> = proposals
        .iter()
        .filter(|p| {
            p.question == "security.mfa_console"
                || p.item.as_deref() == Some("vbr-proxy02.ams1.example.net")
        })
        .collect();
    let applied = apply(&stated, &evidence, &chosen);
    let mfa = &applied.answers["security.mfa_console"];
    assert_eq!(
        mfa.state,
        intake_core::answers::State::Value(Value::Bool(true))
    );
    assert_eq!(mfa.note.as_deref(), Some("we think so"), "the note is kept");
    let intake_core::answers::Provenance::Imported(imported) = &mfa.provenance else {
        panic!("an applied answer says where it came from");
    };
    assert_eq!(
        (
            imported.collector,
            imported.file.as_str(),
            imported.table.as_str(),
            imported.row
        ),
        (Collector::Healthcheck, "vHC", "localhost_vbrinfo.csv", 2)
    );
    assert_eq!(
        imported.collected_at.as_deref(),
        Some("2026-11-20T14:03:12")
    );
    assert_eq!(
        applied
            .answers
            .get("platform.vbr_version")
            .map(|a| &a.provenance),
        Some(&intake_core::answers::Provenance::Stated),
        "what was not chosen stays the partner's"
    );
    let proxies = &applied.groups["platform.proxies"];
    assert_eq!(proxies.len(), 2);
    assert_eq!(
        proxies[0].answers["cores"],
        stated.groups["platform.proxies"][0].answers["cores"]
    );
    assert_eq!(proxies[1].name, "vbr-proxy02.ams1.example.net");
    assert_eq!(proxies[1].answers.len(), 4, "{:?}", proxies[1].answers);
    // Every value proposed is valid for its question.
    let all: Vec<_> = proposals.iter().collect();
    let everything = apply(&intake_core::answers::Answers::default(), &evidence, &all);
    let problems: Vec<_> = intake_core::validate::validate(questionnaire, &everything)
        .into_iter()
        .filter(|p| p.severity == intake_core::validate::Severity::Error)
        .filter(|p| {
            !p.message.starts_with("add at least") && !p.message.starts_with("needed before export")
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn applied_evidence_is_kept_with_the_answers_and_a_newer_export_replaces_its_own() {
    use intake_core::evidence::map::{apply, propose};
    let questionnaire = intake_core::questionnaire::Questionnaire::builtin().expect("builtin");
    let rvtools = read_rvtools(&Inventory::sized(20, 300), Headers::Mib);
    let proposals = propose(questionnaire, &Default::default(), &rvtools);
    let first = apply(
        &Default::default(),
        &rvtools,
        &proposals.iter().collect::<Vec<_>>(),
    );
    let healthcheck = read_folder(&backup());
    let second = apply(&first, &healthcheck, &[]);
    let kept = second.evidence.as_deref().expect("kept");
    assert_eq!(kept.sources.len(), 2);
    assert_eq!(kept.hosts.len(), 20);

    // A newer RVTools export replaces the first; the Healthcheck facts stay and still point at
    // their own source.
    let mut newer = Inventory::sized(4, 10);
    newer.exported_at = (2026, 12, 1, 8, 0, 0);
    let newer = read_rvtools(&newer, Headers::Mib);
    let third = apply(&second, &newer, &[]);
    let kept = third.evidence.as_deref().expect("kept");
    let collectors: Vec<Collector> = kept.sources.iter().map(|s| s.collector).collect();
    assert_eq!(collectors, [Collector::Healthcheck, Collector::Rvtools]);
    assert_eq!(kept.hosts.len(), 4);
    assert!(kept.hosts.iter().all(|h| h.from.source == 1));
    assert!(
        kept.proxies
            .iter()
            .all(|p| p.from.source == 0 && p.hardware_from.as_ref().is_some_and(|h| h.source == 0))
    );
    assert_eq!(kept.backup_server.as_ref().expect("kept").from.source, 0);

    // Written and read back, the same.
    let text = third.to_json();
    assert!(text.contains("\"evidence\""));
    assert_eq!(answers(&text), third);
}

#[test]
fn anonymised_evidence_keeps_no_name_or_address() {
    use intake_core::evidence::map::apply;
    let mut evidence = read_rvtools(&Inventory::sized(20, 300), Headers::Mib);
    evidence.merge(read_folder(&backup()));
    let answers = apply(&Default::default(), &evidence, &[]);
    let questionnaire = intake_core::questionnaire::Questionnaire::builtin().expect("builtin");
    let anonymised = intake_core::anonymise::anonymise(questionnaire, &answers);
    let text = anonymised.to_json();
    for name in [
        "esx-0001.ams1.example.net",
        "vcsa01.ams1.example.net",
        "CL-01",
        "DS-AMS1-001",
        "dvs-cl-01",
        "vbr-proxy01",
        "REPO-AMS1-01",
        "SOBR-AMS1",
        "cc-gw01",
        "tenant001",
        "10.20.0.2",
        "RVTools_export_all",
        "Management Network",
    ] {
        assert!(
            !text.contains(name),
            "{name} is still in the anonymised answers"
        );
    }
    let kept = anonymised.evidence.as_deref().expect("kept");
    assert_eq!(kept.hosts.len(), 20);
    assert_eq!(
        kept.hosts[0].version.as_deref(),
        Some("VMware ESXi 8.0.3 build-24022510")
    );
    assert_eq!(kept.backup_server.as_ref().and_then(|s| s.mfa), Some(true));
    assert_eq!(kept.sources[0].file, "RVTools export.xlsx");
}

#[test]
fn picked_files_read_as_a_folder_and_exports_and_one_bad_file_stops_nothing() {
    use intake_core::evidence::{Picked, read_picked};
    let mut picked: Vec<Picked> = healthcheck::healthcheck(&backup())
        .into_iter()
        .map(|(name, bytes)| Picked {
            name: format!("vHC/{name}"),
            bytes,
        })
        .collect();
    picked.push(Picked {
        name: "RVTools_export_all.xlsx".to_owned(),
        bytes: rvtools::rvtools(&inventory(), Headers::Mib).expect("written"),
    });
    picked.push(Picked {
        name: "notes.txt".to_owned(),
        bytes: b"not an export".to_vec(),
    });
    let mut told = Vec::new();
    let read = read_picked(&picked, &mut |done, total, what| {
        told.push(format!("{done}/{total} {what}"));
    });
    assert_eq!(
        told,
        [
            "0/3 “vHC”",
            "1/3 “RVTools_export_all.xlsx”",
            "1/3 “RVTools_export_all.xlsx”, sheet vMetaData",
            "1/3 “RVTools_export_all.xlsx”, sheet vSource",
            "1/3 “RVTools_export_all.xlsx”, sheet vInfo",
            "1/3 “RVTools_export_all.xlsx”, sheet vHost",
            "1/3 “RVTools_export_all.xlsx”, sheet vCluster",
            "1/3 “RVTools_export_all.xlsx”, sheet vDatastore",
            "1/3 “RVTools_export_all.xlsx”, sheet vSwitch",
            "1/3 “RVTools_export_all.xlsx”, sheet dvSwitch",
            "1/3 “RVTools_export_all.xlsx”, sheet vSC_VMK",
            "2/3 “notes.txt”",
            "3/3 "
        ]
    );
    let collectors: Vec<Collector> = read.evidence.sources.iter().map(|s| s.collector).collect();
    assert_eq!(collectors, [Collector::Healthcheck, Collector::Rvtools]);
    assert_eq!(read.evidence.sources[0].file, "vHC");
    assert_eq!(read.evidence.hosts.len(), 20);
    assert!(read.evidence.backup_server.is_some());
    assert_eq!(read.refused.len(), 1);
    assert_eq!(read.refused[0].file, "notes.txt");
    assert!(
        read.refused[0]
            .to_string()
            .starts_with("“notes.txt”: not an RVTools export (.xlsx) nor Veeam Healthcheck output"),
        "{}",
        read.refused[0]
    );
}

#[test]
fn proposals_for_questions_the_other_answers_hide_are_marked() {
    use intake_core::evidence::map::{applicable, propose};
    let questionnaire = intake_core::questionnaire::Questionnaire::builtin().expect("builtin");
    let evidence = read_folder(&backup());
    let proposals = propose(questionnaire, &Default::default(), &evidence);
    let shown = applicable(questionnaire, &Default::default(), &evidence, &proposals);
    let of = |question: &str| {
        proposals
            .iter()
            .zip(&shown)
            .find(|(p, _)| p.question == question)
            .map(|(_, shown)| *shown)
            .unwrap_or_else(|| panic!("no proposal for {question}"))
    };
    // Shown only once where the configuration backup is written is answered: not in the export.
    assert!(!of("platform.config_backup_encrypted"));
    // The gateways show once Cloud Connect is among the services, which the same import sets.
    assert!(of("cloud_connect.gateways.public_ip"));
    assert!(of("platform.proxies.cores"));
    assert!(of("platform.vbr_version"));
    // With the target answered, the encryption shows.
    let answered = answers(
        r#"{"schema_version": 3, "answers": {"platform.config_backup_target": {"value": "other_site"}}}"#,
    );
    let proposals = propose(questionnaire, &answered, &evidence);
    let shown = applicable(questionnaire, &answered, &evidence, &proposals);
    let encrypted = proposals
        .iter()
        .position(|p| p.question == "platform.config_backup_encrypted")
        .expect("proposed");
    assert!(shown[encrypted]);
}

#[test]
fn healthchecks_json_report_is_refused_pointing_at_the_csv_folder() {
    let report = br#"{"cProtectedWorkloads": null, "Licenses": [], "Sections": {"backupServer":
        {"SectionName": "Backup Server", "Headers": ["Name", "Version"], "Rows": [["vbr01", "12.3.1.1139"]]}}}"#;
    let (message, problem) = refused(evidence::read(
        "Veeam Health Check Report_VBR_vbr01_2026.11.20.140312.json",
        report,
    ));
    assert!(
        message.starts_with("“Veeam Health Check Report_VBR_vbr01_2026.11.20.140312.json”: "),
        "{message}"
    );
    let Problem::NotAnExport(reason) = &problem else {
        panic!("{problem:?}")
    };
    assert!(
        reason.starts_with("it is the JSON report Veeam Healthcheck writes"),
        "{reason}"
    );
    assert!(
        reason.contains(r"pick the run's CSV folder (…\Original\VBR\<server>\<time>)"),
        "{reason}"
    );
    // Any other JSON file is simply not an export.
    let (_, problem) = refused(evidence::read("answers.json", b"{\"schema_version\": 3}"));
    assert!(
        matches!(&problem, Problem::NotAnExport(reason) if reason.starts_with("it is neither"))
    );
}
