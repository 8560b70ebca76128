//! The `intake` binary as a user runs it.

use std::process::{Command, Output};

fn intake(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(args)
        .output()
        .expect("the intake binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

#[test]
fn version_prints_name_and_workspace_version() {
    let output = intake(&["--version"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output),
        format!("intake {}\n", intake_core::VERSION)
    );
}

#[test]
fn help_describes_the_tool() {
    let output = intake(&["--help"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("Usage: intake"), "{text}");
    assert!(text.contains("--version"), "{text}");
    assert!(text.contains(intake_core::SUMMARY), "{text}");
}

#[test]
fn unknown_argument_is_a_usage_error() {
    let output = intake(&["--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--no-such-flag"), "{stderr}");
}

const MINIMAL: &str = include_str!("../../../tests/fixtures/schema/v2/minimal.json");

/// Writes `contents` to a temporary file and runs `intake` with its path in place of `{}`.
fn intake_on(contents: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("answers.json");
    std::fs::write(&path, contents).expect("the file is written");
    let path = path.to_string_lossy().into_owned();
    let args: Vec<&str> = args
        .iter()
        .map(|arg| if *arg == "{}" { path.as_str() } else { arg })
        .collect();
    intake(&args)
}

#[test]
fn questions_json_lists_sections_with_questions_and_groups() {
    let output = intake(&["questions", "--json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let sections = json["sections"].as_array().expect("sections");
    assert!(sections.len() >= 12, "{} sections", sections.len());
    let mut questions = 0;
    let mut groups = 0;
    for section in sections {
        for key in ["id", "title"] {
            assert!(section[key].is_string(), "section without {key}: {section}");
        }
        for question in section["questions"].as_array().expect("questions") {
            for key in ["id", "kind", "label", "help"] {
                assert!(
                    question[key].is_string(),
                    "question without {key}: {question}"
                );
            }
            if question["kind"] == "group" {
                groups += 1;
                let members = question["questions"].as_array().expect("group questions");
                assert!(!members.is_empty());
                questions += members.len();
            } else {
                questions += 1;
            }
        }
    }
    assert!(questions >= 150, "{questions} questions");
    assert!(groups >= 10, "{groups} groups");
}

#[test]
fn questions_json_follows_the_published_json_schema() {
    let output = intake(&["schema", "questions"]);
    assert!(output.status.success());
    let printed = stdout(&output);
    assert_eq!(
        printed,
        include_str!("../../../docs/schema/questions.schema.json"),
        "docs/schema/questions.schema.json is out of date: run `intake schema questions > docs/schema/questions.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).expect("JSON");
    let output = intake(&["questions", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    // Every key written is one the schema describes, and every key it requires is written.
    let conforms = |value: &serde_json::Value, definition: &serde_json::Value| {
        let object = value.as_object().expect("an object");
        let properties = definition["properties"].as_object().expect("properties");
        for key in object.keys() {
            assert!(properties.contains_key(key), "`{key}` is not in the schema");
        }
        for key in definition["required"].as_array().expect("required keys") {
            let key = key.as_str().expect("a key");
            assert!(object.contains_key(key), "`{key}` is missing from {value}");
        }
    };
    let definitions = &schema["$defs"];
    conforms(&json, &schema);
    for section in json["sections"].as_array().expect("sections") {
        conforms(section, &definitions["Section"]);
        for entry in section["questions"].as_array().expect("questions") {
            if entry["kind"] == "group" {
                conforms(entry, &definitions["Group"]);
                for member in entry["questions"].as_array().expect("members") {
                    conforms(member, &definitions["Question"]);
                }
            } else {
                conforms(entry, &definitions["Question"]);
            }
        }
    }
}

#[test]
fn questions_text_is_an_outline_with_counts() {
    let output = intake(&["questions"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains("engagement.partner_name  short_text  Partner (company) name  (required)"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("questions"), "{text}");
}

#[test]
fn validate_exits_0_when_nothing_blocks() {
    let output = intake_on(MINIMAL, &["validate", "{}"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 blocking errors, 0 warnings (ready to export)"));
}

#[test]
fn validate_exits_1_and_names_each_blocking_problem() {
    let broken = MINIMAL.replace("12.3.1.1139", "twelve");
    let output = intake_on(&broken, &["validate", "{}"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("error   platform.vbr_version: “twelve” is not a version"),
        "{text}"
    );
    assert!(text.contains("1 blocking error, 0 warnings"), "{text}");

    let output = intake_on(&broken, &["validate", "--json", "{}"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["errors"], 1);
    assert_eq!(json["problems"][0]["path"], "platform.vbr_version");
    assert_eq!(json["problems"][0]["severity"], "error");
}

#[test]
fn validate_exits_2_with_the_reason_when_the_file_cannot_be_read() {
    let output = intake(&["validate", "/nonexistent/answers.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("cannot open /nonexistent/answers.json")
    );

    for (contents, reason) in [
        ("{ not json", "not a valid answers file"),
        (r#"{ "schema_version": 99 }"#, "written by a newer version"),
        (
            r#"{ "schema_version": 2, "answers": { "engagement.dr_offered": { "value": 1 } } }"#,
            "engagement.dr_offered: expected true or false",
        ),
        ("\u{0}\u{ff}", "not a valid answers file"),
    ] {
        let output = intake_on(contents, &["validate", "{}"]);
        assert_eq!(output.status.code(), Some(2), "{contents}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with("intake: error: "), "{stderr}");
        assert!(stderr.contains(reason), "{reason:?} missing from {stderr}");
    }
}

#[test]
fn schema_prints_the_published_json_schema() {
    let output = intake(&["schema"]);
    assert!(output.status.success());
    let published = include_str!("../../../docs/schema/answers.schema.json");
    assert_eq!(
        stdout(&output),
        published,
        "docs/schema/answers.schema.json is out of date: run `intake schema > docs/schema/answers.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(published).expect("JSON");
    assert_eq!(schema["properties"]["schema_version"]["type"], "integer");
}

const VMWARE: &str = include_str!("../../../tests/fixtures/answers/vmware-netapp-cisco.json");

#[test]
fn rules_json_lists_every_rule_with_its_metadata() {
    let output = intake(&["rules", "--json"]);
    assert!(output.status.success());
    let rules: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let rules = rules.as_array().expect("an array");
    assert!(!rules.is_empty());
    for rule in rules {
        for key in ["id", "title", "category", "severity", "since", "docs"] {
            assert!(rule[key].is_string(), "rule without {key}: {rule}");
        }
        assert!(
            !rule["remediation"].as_array().expect("steps").is_empty(),
            "{rule}"
        );
        assert!(
            !rule["references"].as_array().expect("URLs").is_empty(),
            "{rule}"
        );
        let playbook = &rule["playbook"];
        let start = playbook["start"].as_str().expect("a start step");
        let steps = playbook["steps"].as_array().expect("steps");
        assert!(steps.iter().any(|step| step["id"] == start), "{rule}");
        for step in steps {
            for outcome in step["outcomes"].as_array().expect("outcomes") {
                assert!(
                    outcome["next"].is_string() != outcome["conclusion"].is_object(),
                    "{outcome}"
                );
            }
        }
    }
}

#[test]
fn playbook_prints_a_tree_in_each_format() {
    let text = intake(&["playbook", "net-001"]);
    assert_eq!(text.status.code(), Some(0));
    let text = stdout(&text);
    assert!(
        text.starts_with("NET-001 MTU differs between the two ends of a link\n\n1. "),
        "{text}"
    );
    assert!(text.contains("     Fix: "), "{text}");
    let mermaid = stdout(&intake(&["playbook", "NET-001", "--format", "mermaid"]));
    assert!(mermaid.starts_with("flowchart TD\n"), "{mermaid}");
    assert!(mermaid.contains(" -->|\""), "{mermaid}");
    let dot = stdout(&intake(&["playbook", "NET-001", "--format", "dot"]));
    assert!(
        dot.starts_with("digraph \"NET-001\" {\n") && dot.ends_with("}\n"),
        "{dot}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&intake(&[
        "playbook", "SYM-001", "--format", "json",
    ])))
    .expect("JSON");
    assert_eq!(json["origin"], "symptom");
    assert_eq!(json["playbooks_schema_version"], 1);
}

#[test]
fn symptoms_lists_them_and_an_unknown_playbook_is_an_error() {
    let symptoms = stdout(&intake(&["symptoms"]));
    assert!(symptoms.lines().count() >= 15, "{symptoms}");
    assert!(symptoms.starts_with("SYM-001  "), "{symptoms}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&intake(&["symptoms", "--json"]))).expect("JSON");
    assert_eq!(json[0]["id"], "SYM-001");
    let unknown = intake(&["playbook", "NET-999"]);
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("there is no playbook “NET-999”"),
        "{stderr}"
    );
}

#[test]
fn assess_prints_findings_with_summary_and_evidence() {
    let output = intake_on(VMWARE, &["assess", "--format", "json", "{}"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert!(json["summary"]["overall"].is_object());
    let findings = json["findings"].as_array().expect("findings");
    let renewal = findings
        .iter()
        .find(|f| f["rule"] == "CRT-002")
        .expect("the renewal inside the backup window is found");
    assert_eq!(renewal["severity"], "high");
    assert!(
        renewal["message"]
            .as_str()
            .expect("text")
            .contains("overlaps backup window")
    );
    assert!(!renewal["evidence"].as_array().expect("evidence").is_empty());
}

#[test]
fn assess_fail_on_sets_the_exit_code() {
    const SEVERITIES: [&str; 5] = ["critical", "high", "medium", "low", "info"];
    let output = intake_on(VMWARE, &["assess", "--format", "json", "{}"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let worst = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == "issue")
        .filter_map(|f| SEVERITIES.iter().position(|s| f["severity"] == *s))
        .min()
        .expect("the fixture has issues");
    let output = intake_on(VMWARE, &["assess", "--fail-on", SEVERITIES[worst], "{}"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an issue at {} exists",
        SEVERITIES[worst]
    );
    if worst > 0 {
        let stricter = SEVERITIES[worst - 1];
        let output = intake_on(VMWARE, &["assess", "--fail-on", stricter, "{}"]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "no issue at {stricter} or worse"
        );
    }
    let output = intake_on(VMWARE, &["assess", "--fail-on", "severe", "{}"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a severity"));
}

#[test]
fn assess_reads_a_rules_config_and_refuses_a_bad_one() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let answers = dir.path().join("answers.json");
    std::fs::write(&answers, VMWARE).expect("written");
    let config = dir.path().join("rules.toml");
    let answers = answers.to_string_lossy().into_owned();
    let config_arg = config.to_string_lossy().into_owned();

    std::fs::write(
        &config,
        "schema_version = 1\ncertificate_expiry_days = 10\n",
    )
    .expect("written");
    let output = intake(&[
        "assess",
        "--format",
        "json",
        "--config",
        &config_arg,
        &answers,
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        !text.contains("expires on 2026-11-19"),
        "18 days is beyond a 10-day threshold"
    );

    std::fs::write(&config, "certificate_expiry_dayz = 10\n").expect("written");
    let output = intake(&["assess", "--config", &config_arg, &answers]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("certificate_expiry_dayz"));
}

#[test]
fn assess_exits_2_when_the_answers_cannot_be_read() {
    let output = intake_on("{", &["assess", "{}"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a valid answers file"));
}

const PROXMOX: &str = include_str!("../../../tests/fixtures/answers/small-proxmox.json");

/// Writes the small-Proxmox answers into `dir` and bundles them into `out` (relative to `dir`).
fn bundle_in(dir: &std::path::Path, out: &str) -> Output {
    let answers = dir.join("answers.json");
    std::fs::write(&answers, PROXMOX).expect("written");
    let out = dir.join(out);
    intake(&[
        "bundle",
        &answers.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
        "--created-at",
        "2026-11-02T14:05:00Z",
    ])
}

#[test]
fn bundle_writes_the_standard_name_into_a_directory_and_review_finds_it_intact() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let output = bundle_in(dir.path(), "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let path = dir
        .path()
        .join("noordkaap-it-services-b-v-2026-cloud-connect-platform-review-2026-11-02.intake.zip");
    assert!(path.is_file(), "{}", stdout(&output));
    let output = intake(&["review", "--format", "json", &path.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["intact"], true);
    assert_eq!(json["manifest"]["created_at"], "2026-11-02T14:05:00Z");
    assert_eq!(json["rerun"]["new"].as_array().map(Vec::len), Some(0));
    let output = intake(&["review", &path.to_string_lossy()]);
    assert!(stdout(&output).contains("integrity: intact"), "{output:?}");
    let output = intake(&["review", "--format", "md", &path.to_string_lossy()]);
    assert!(
        stdout(&output).contains("## Integrity: intact"),
        "{output:?}"
    );
}

#[test]
fn bundle_is_byte_identical_for_the_same_answers_and_time() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    assert_eq!(bundle_in(dir.path(), "a.zip").status.code(), Some(0));
    assert_eq!(bundle_in(dir.path(), "b.zip").status.code(), Some(0));
    let a = std::fs::read(dir.path().join("a.zip")).expect("read");
    let b = std::fs::read(dir.path().join("b.zip")).expect("read");
    assert_eq!(a, b);
}

#[test]
fn anonymised_bundle_holds_no_partner_name_in_any_entry() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let answers = dir.path().join("answers.json");
    std::fs::write(&answers, PROXMOX).expect("written");
    let output = intake(&[
        "bundle",
        &answers.to_string_lossy(),
        "-o",
        &dir.path().to_string_lossy(),
        "--created-at",
        "2026-11-02T14:05:00Z",
        "--anonymise",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let path = dir.path().join("partner-engagement-2026-11-02.intake.zip");
    let bytes = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", stdout(&output)));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    assert!(archive.len() >= 7, "{} entries", archive.len());
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().to_owned();
        let mut data = String::new();
        entry.read_to_string(&mut data).expect("text");
        let lower = data.to_lowercase();
        for original in ["noordkaap", "jeroen", "sanne", "198.51.100.24"] {
            assert!(!lower.contains(original), "{name} holds “{original}”");
        }
    }
    let output = intake(&["review", "--format", "json", &path.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["rerun"]["new"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["rerun"]["resolved"].as_array().map(Vec::len), Some(0));
}

#[test]
fn bundle_refuses_a_time_that_is_not_rfc3339() {
    let output = intake_on(
        PROXMOX,
        &["bundle", "{}", "-o", "x.zip", "--created-at", "yesterday"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("RFC 3339"));
}

#[test]
fn review_exits_1_naming_a_tampered_file() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().expect("a temporary directory");
    assert_eq!(bundle_in(dir.path(), "a.zip").status.code(), Some(0));
    let bytes = std::fs::read(dir.path().join("a.zip")).expect("read");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().to_owned();
        let mut data = String::new();
        entry.read_to_string(&mut data).expect("text");
        if name == "answers.json" {
            data = data.replace("Noordkaap", "Zuidkaap");
        }
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .expect("starts");
        writer.write_all(data.as_bytes()).expect("writes");
    }
    let tampered = dir.path().join("tampered.zip");
    let bytes = writer.finish().expect("finishes").into_inner();
    std::fs::write(&tampered, bytes).expect("written");
    let output = intake(&["review", &tampered.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = stdout(&output);
    assert!(text.contains("integrity: FAILED"), "{text}");
    assert!(text.contains("answers.json         MODIFIED"), "{text}");
}

#[test]
fn review_apply_writes_a_reviewed_bundle_from_a_triage_file_or_lists_what_is_wrong() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let (partner, reviewed) = (path("partner.intake.zip"), path("reviewed.intake.zip"));
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/answers/small-proxmox.json"
    );
    let triage = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/triage/small-proxmox.json"
    );
    let made = intake(&[
        "bundle",
        fixture,
        "--created-at",
        "2026-11-02T14:05:00Z",
        "-o",
        &partner,
    ]);
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let output = intake(&[
        "review",
        &partner,
        "--apply",
        triage,
        "-o",
        &reviewed,
        "--reviewed-at",
        "2026-11-20T09:30:00Z",
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        stdout(&output)
            .contains(": 1 confirmed, 1 dismissed, 1 need follow-up, 58 not triaged, 1 added\n"),
        "{output:?}"
    );
    let text = stdout(&intake(&["review", &reviewed]));
    assert!(
        text.contains("review by T. Lead at 2026-11-20T09:30:00Z"),
        "{text}"
    );
    assert!(
        text.contains("plan: owner: Veeam R&D; escalated to R&D, case 08123456"),
        "{text}"
    );

    // The partner's action plan, from the reviewed bundle; none from the partner's own.
    let plan = intake(&["report", &reviewed, "--for", "partner"]);
    assert_eq!(plan.status.code(), Some(0), "{plan:?}");
    assert!(
        stdout(&plan).starts_with("# Action plan for Noordkaap IT Services B.V.\n"),
        "{plan:?}"
    );
    let csv = path("plan.csv");
    let written = intake(&[
        "report", &reviewed, "--for", "partner", "--format", "csv", "-o", &csv,
    ]);
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    let csv = std::fs::read_to_string(&csv).expect("written");
    assert!(
        csv.starts_with("Summary,Description,Priority,Due date,Labels\n"),
        "{csv}"
    );
    let none = intake(&["report", &partner, "--for", "partner"]);
    assert_eq!(none.status.code(), Some(2), "{none:?}");
    assert!(
        String::from_utf8_lossy(&none.stderr)
            .contains("the review is not ready for its documents:\n  the bundle has no review"),
        "{none:?}"
    );
    // R&D's evidence pack and QA's test plan: anonymised unless asked, in each of their formats.
    let pack = intake(&["report", &reviewed, "--for", "rnd"]);
    assert_eq!(pack.status.code(), Some(0), "{pack:?}");
    let pack = stdout(&pack);
    assert!(
        pack.starts_with("# R\\&D evidence pack: Partner\n"),
        "{pack}"
    );
    assert!(pack.contains("### CC-003: Internet-facing gateway is joined to a domain"));
    assert!(!pack.contains("VCC-GW01"), "anonymised: {pack}");
    let originals = stdout(&intake(&[
        "report",
        &reviewed,
        "--for",
        "rnd",
        "--with-originals",
        "--format",
        "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&originals).expect("JSON");
    assert_eq!(json["anonymised"], false);
    assert!(originals.contains("VCC-GW01"));
    for (reader, format, start) in [
        ("partner", "html", "<!DOCTYPE html>"),
        ("rnd", "html", "<!DOCTYPE html>"),
        ("qa", "html", "<!DOCTYPE html>"),
        ("qa", "md", "# QA scope and test plan: Partner"),
        (
            "qa",
            "csv",
            "Title,Preconditions,Steps,Expected result,Priority,Component",
        ),
    ] {
        let output = intake(&["report", &reviewed, "--for", reader, "--format", format]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{reader} {format}: {output:?}"
        );
        assert!(stdout(&output).starts_with(start), "{reader} {format}");
    }
    for (reader, format) in [("partner", "json"), ("rnd", "csv"), ("qa", "json")] {
        let output = intake(&["report", &reviewed, "--for", reader, "--format", format]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{reader} {format}: {output:?}"
        );
    }

    let bad = path("bad.json");
    std::fs::write(
        &bad,
        r#"{"triage": [{"rule": "NET-001", "message": "nothing like it", "verdict": "dismissed"}]}"#,
    )
    .expect("written");
    let refused = path("refused.intake.zip");
    let output = intake(&["review", &partner, "--apply", &bad, "-o", &refused]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("cannot be applied:\n  NET-001 “nothing like it” names no finding"),
        "{error}"
    );
    assert!(
        error.contains("NET-001: a dismissal needs a reason"),
        "{error}"
    );
    assert!(!std::path::Path::new(&refused).exists());
    // Applying needs somewhere to write.
    assert_eq!(
        intake(&["review", &partner, "--apply", &bad]).status.code(),
        Some(2)
    );
}

#[test]
fn review_exits_2_with_the_reason_when_the_bundle_is_unreadable() {
    let output = intake_on("not a zip", &["review", "{}"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a zip archive"));

    let dir = tempfile::tempdir().expect("a temporary directory");
    let huge = dir.path().join("huge.zip");
    let file = std::fs::File::create(&huge).expect("created");
    file.set_len(65 * 1024 * 1024).expect("a sparse file");
    let output = intake(&["review", &huge.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("larger than 64 MiB"));
}

#[test]
fn schema_manifest_findings_and_review_print_the_published_json_schemas() {
    for (of, published) in [
        (
            "manifest",
            include_str!("../../../docs/schema/manifest.schema.json"),
        ),
        (
            "findings",
            include_str!("../../../docs/schema/findings.schema.json"),
        ),
        (
            "review",
            include_str!("../../../docs/schema/review.schema.json"),
        ),
        (
            "triage",
            include_str!("../../../docs/schema/triage.schema.json"),
        ),
        (
            "walks",
            include_str!("../../../docs/schema/walks.schema.json"),
        ),
        (
            "evidence-pack",
            include_str!("../../../docs/schema/evidence-pack.schema.json"),
        ),
        (
            "comparison",
            include_str!("../../../docs/schema/comparison.schema.json"),
        ),
        (
            "portfolio",
            include_str!("../../../docs/schema/portfolio.schema.json"),
        ),
    ] {
        let output = intake(&["schema", of]);
        assert!(output.status.success());
        assert_eq!(
            stdout(&output),
            published,
            "docs/schema/{of}.schema.json is out of date: run `intake schema {of} > docs/schema/{of}.schema.json`"
        );
    }
}

#[test]
fn schema_review_document_prints_the_published_json_schema_of_review_json_output() {
    let output = intake(&["schema", "review-document"]);
    assert!(output.status.success());
    let printed = stdout(&output);
    assert_eq!(
        printed,
        include_str!("../../../docs/schema/review-document.schema.json"),
        "docs/schema/review-document.schema.json is out of date: run `intake schema review-document > docs/schema/review-document.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).expect("JSON");
    assert_eq!(
        schema["properties"]["review_document_schema_version"]["type"],
        "integer"
    );

    let dir = tempfile::tempdir().expect("a temporary directory");
    assert_eq!(bundle_in(dir.path(), "a.zip").status.code(), Some(0));
    let path = dir.path().join("a.zip");
    let output = intake(&["review", "--format", "json", &path.to_string_lossy()]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["review_document_schema_version"], 1);
    for key in schema["required"].as_array().expect("required keys") {
        let key = key.as_str().expect("a key");
        assert!(json.get(key).is_some(), "`{key}` is missing");
    }
}

#[test]
fn review_shows_the_tech_leads_triage_of_a_reviewed_bundle() {
    use intake_core::bundle::{self, Review, Verdict};
    use intake_core::questionnaire::Questionnaire;

    let dir = tempfile::tempdir().expect("a temporary directory");
    assert_eq!(bundle_in(dir.path(), "a.zip").status.code(), Some(0));
    let bytes = std::fs::read(dir.path().join("a.zip")).expect("read");
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let read = bundle::read(&bytes, questionnaire).expect("reads");
    let rerun = bundle::rerun(&read, questionnaire);
    let items = bundle::items(&rerun);
    let mut review = Review::new(&read);
    review.reviewer = "T. Lead".to_owned();
    let triage = review.triage_mut(&items[0].key);
    triage.verdict = Some(Verdict::Dismissed);
    triage.reason = "Accepted \u{1b}[31mrisk".to_owned();
    let reviewed = bundle::write_reviewed(
        &bytes,
        &read,
        &review,
        questionnaire,
        time::OffsetDateTime::UNIX_EPOCH,
    )
    .expect("written");
    let path = dir.path().join("reviewed.zip");
    std::fs::write(&path, reviewed).expect("written");

    let output = intake(&["review", &path.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.contains("review by T. Lead at 1970-01-01T00:00:00Z: 0 confirmed, 1 dismissed"),
        "{text}"
    );
    assert!(text.contains("DISMISSED"), "{text}");
    assert!(
        text.contains("reason: Accepted ?[31mrisk"),
        "control characters shown as ?: {text}"
    );
    assert!(
        text.lines()
            .any(|line| line.trim_start().starts_with("review.json ")
                && line.trim_end().ends_with(" intact")),
        "{text}"
    );
    let output = intake(&["review", "--format", "json", &path.to_string_lossy()]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["intact"], true);
    assert_eq!(json["triage"]["dismissed"], 1);
    assert_eq!(json["review"]["triage"][0]["verdict"], "dismissed");
}

/// `--walks` puts the playbooks walked in the bundle: `intake review` shows each as the path
/// taken; anonymised, the notes stay out.
#[test]
fn bundle_takes_the_walks_and_review_shows_the_path() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/bundles/v2/walked.intake.zip");
    let bytes = std::fs::read(&fixture).expect("the v2 fixture");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut walks = String::new();
    archive
        .by_name("walks.json")
        .expect("walks.json")
        .read_to_string(&mut walks)
        .expect("text");
    let walks_path = dir.path().join("walks.json");
    std::fs::write(&walks_path, &walks).expect("written");
    let answers = dir.path().join("answers.json");
    std::fs::write(&answers, PROXMOX).expect("written");
    for (out, anonymise) in [("plain.zip", false), ("anonymised.zip", true)] {
        let out = dir.path().join(out);
        let mut arguments = vec![
            "bundle".to_owned(),
            answers.to_string_lossy().into_owned(),
            "--walks".to_owned(),
            walks_path.to_string_lossy().into_owned(),
            "-o".to_owned(),
            out.to_string_lossy().into_owned(),
        ];
        if anonymise {
            arguments.push("--anonymise".to_owned());
        }
        let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
        let output = intake(&arguments);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let output = intake(&["review", &out.to_string_lossy()]);
        let text = stdout(&output);
        assert!(
            text.contains("playbooks walked by the partner:")
                && text.contains("2. Compare the MTU at both ends: The ends differ")
                && text.contains("(confirmed)"),
            "{text}"
        );
        assert_eq!(
            text.contains("note: tracepath: pmtu 1500"),
            !anonymise,
            "{text}"
        );
    }
    std::fs::write(&walks_path, r#"{"walks_schema_version": 1, "walks": [{}]}"#).expect("written");
    let output = intake(&[
        "bundle",
        &answers.to_string_lossy(),
        "--walks",
        &walks_path.to_string_lossy(),
        "-o",
        &dir.path().join("bad.zip").to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("walks.json: walks.json: missing field"),
        "{output:?}"
    );
}

#[test]
fn evidence_sets_what_is_blank_and_reports_disagreements() {
    use collector_exports::{Backup, Headers, Inventory};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let xlsx = dir.path().join("RVTools_export_all.xlsx");
    std::fs::write(
        &xlsx,
        collector_exports::rvtools::rvtools(&Inventory::sized(20, 100), Headers::Mib)
            .expect("written"),
    )
    .expect("saved");
    let folder = dir.path().join("vHC");
    for (path, bytes) in collector_exports::healthcheck::healthcheck(&Backup::sized(2, 3, 4, 5)) {
        let path = folder.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("made");
        std::fs::write(path, bytes).expect("saved");
    }
    let answers = dir.path().join("answers.json");
    std::fs::write(
        &answers,
        r#"{"schema_version": 2, "answers": {"platform.vbr_version": {"value": "12.3.2.4165"}}}"#,
    )
    .expect("saved");
    let out = dir.path().join("merged.json");
    let path = |p: &std::path::Path| p.to_str().expect("UTF-8 path").to_owned();
    let (xlsx, folder, answers, out) = (path(&xlsx), path(&folder), path(&answers), path(&out));
    let output = intake(&[
        "evidence",
        &xlsx,
        &folder,
        "--answers",
        &answers,
        "-o",
        &out,
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(output.status.code(), Some(1), "a disagreement exits 1");
    let text = stdout(&output);
    assert!(
        text.contains("Read RVTools from RVTools_export_all.xlsx (RVTools 4.7.1.4)"),
        "{text}"
    );
    assert!(
        text.contains("Read Veeam Healthcheck from vHC, localhost, collected 2026-11-20T14:03:12"),
        "{text}"
    );
    assert!(
        text.contains("Veeam Backup & Replication version (full build number): the answers say 12.3.2.4165; the evidence says 12.3.1.1139\n    (Veeam Healthcheck vHC, localhost_vbrinfo.csv row 2, Version: 12.3.1.1139)"),
        "{text}"
    );
    assert!(!text.contains("Old evidence"), "{text}");
    // The disagreement is left as the partner answered; what was blank is set.
    let merged: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(
        merged["answers"]["platform.vbr_version"]["value"],
        "12.3.2.4165"
    );
    assert_eq!(merged["answers"]["security.mfa_console"]["value"], true);
    assert_eq!(
        merged["answers"]["security.mfa_console"]["provenance"]["imported"],
        serde_json::json!({"collector": "healthcheck", "file": "vHC", "table": "localhost_vbrinfo.csv", "row": 2, "collected_at": "2026-11-20T14:03:12"})
    );
    assert!(
        merged["answers"]["platform.vbr_version"]
            .get("provenance")
            .is_none()
    );
    assert_eq!(
        merged["groups"]["platform.proxies"][0]["answers"]["cores"]["value"],
        8
    );
    assert_eq!(
        intake(&["validate", &out]).status.code().map(|c| c < 2),
        Some(true)
    );

    // Agreeing answers exit 0; evidence older than the limit is said.
    let output = intake(&[
        "evidence",
        &folder,
        "--answers",
        &out,
        "--today",
        "2027-01-30",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(1), "the version still differs");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(json["stale"][0]["days"], 71);
    assert_eq!(json["disagreements"], 1);

    // The exports go in the bundle when asked for, a folder as its CSV files; never anonymised.
    let sent = path(&dir.path().join("sent.intake.zip"));
    let output = intake(&[
        "bundle", &out, "--export", &xlsx, "--export", &folder, "-o", &sent,
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let output = intake(&["review", &sent]);
    let text = stdout(&output);
    assert!(text.contains("bundle schema 3\n"), "{text}");
    assert!(text.contains("exports     13 files, "), "{text}");
    assert!(
        text.contains("  evidence/RVTools_export_all.xlsx  "),
        "{text}"
    );
    assert!(
        text.contains(
            "  evidence/vHC/Original/VBR/localhost/20261120_140312/localhost_vbrinfo.csv  "
        ),
        "{text}"
    );
    assert!(text.contains("integrity: intact"), "{text}");
    let output = intake(&[
        "bundle",
        &out,
        "--export",
        &xlsx,
        "--anonymise",
        "-o",
        &sent,
    ]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("cannot be used with"),
        "{output:?}"
    );
}

#[test]
fn evidence_says_what_the_evidence_rules_find_beyond_the_answers_it_would_change() {
    use collector_exports::{Headers, Inventory};
    let dir = tempfile::tempdir().expect("a temporary folder");
    let xlsx = dir.path().join("RVTools_export_all.xlsx");
    // Its hosts carry jumbo frames on their storage switches and VMkernel ports.
    std::fs::write(
        &xlsx,
        collector_exports::rvtools::rvtools(&Inventory::sized(4, 10), Headers::Mib)
            .expect("written"),
    )
    .expect("saved");
    let answers = dir.path().join("answers.json");
    std::fs::write(
        &answers,
        r#"{"schema_version": 3, "groups": {"network.links": [{"name": "AMS1-AMS2",
            "answers": {"mtu_near": {"value": 1500}, "mtu_far": {"value": 1500}}}]}}"#,
    )
    .expect("saved");
    let path = |p: &std::path::Path| p.to_str().expect("UTF-8 path").to_owned();
    let output = intake(&[
        "evidence",
        &path(&xlsx),
        "--answers",
        &path(&answers),
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(output.status.code(), Some(1), "a disagreement exits 1");
    let text = stdout(&output);
    assert!(
        text.contains(
            "\nAlso disagrees with the answers, as the evidence rules find (1)\n  EVD-002 (medium): \
             Every link is answered with an MTU of 1500 bytes or less (AMS1-AMS2), but RVTools lists"
        ),
        "{text}"
    );
    assert!(!text.contains("Disagrees with the answers ("), "{text}");
}

#[test]
fn evidence_that_cannot_be_read_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bad = dir.path().join("notes.txt");
    std::fs::write(&bad, "not an export").expect("saved");
    let output = intake(&["evidence", bad.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("intake: error: “notes.txt”: not an RVTools export"),
        "{stderr}"
    );
}

/// `intake compare`: a bundle, an answers file or a draft on each side; what moved, in each
/// format; exit 2 for what cannot be read.
#[test]
fn compare_shows_what_moved_between_two_assessments() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/answers/large-provider.json"
    );
    let bundle = path("before.intake.zip");
    let made = intake(&[
        "bundle",
        fixture,
        "--created-at",
        "2026-11-02T14:05:00Z",
        "-o",
        &bundle,
    ]);
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture).expect("reads")).expect("JSON");
    json["groups"]["network.links"][3]["answers"]["mtu_far"] = serde_json::json!({"value": 9000});
    let after = path("after.json");
    std::fs::write(&after, json.to_string()).expect("written");

    let output = intake(&["compare", &bundle, &after]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.starts_with("before.intake.zip -> after.json\n"),
        "{text}"
    );
    assert!(
        text.contains("\nFIXED\n  NET-001 Link “AMS1-FRA1 L2 B”"),
        "{text}"
    );
    assert!(
        text.contains(
            "because Link “AMS1-FRA1 L2 B”: MTU at the far (to) end: 1500 bytes -> 9000 bytes"
        ),
        "{text}"
    );
    let json = stdout(&intake(&["compare", &bundle, &after, "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["fixed"][0]["rule"], "NET-001");
    assert_eq!(json["new"][0]["rule"], "NET-002");
    for (format, start) in [
        ("md", "# after.json compared with before.intake.zip"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let output = intake(&["compare", &bundle, &after, "--format", format]);
        assert!(stdout(&output).starts_with(start), "{format}: {output:?}");
    }
    // The same answers as a bundle and as a file: nothing moved.
    let same = stdout(&intake(&["compare", &bundle, fixture]));
    assert!(same.contains("0 fixed, 0 new, 0 re-rated"), "{same}");

    // A draft as the app exports it reads too.
    let draft = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/drafts/v5/imported-answer.json"
    );
    let drafts = intake(&["compare", draft, draft]);
    assert_eq!(drafts.status.code(), Some(0), "{drafts:?}");
    assert!(
        stdout(&drafts).contains("0 fixed, 0 new, 0 re-rated, 1 still open; 0 answers changed")
    );

    let junk = path("junk.json");
    std::fs::write(&junk, "{\"not\": \"answers\"}").expect("written");
    let refused = intake(&["compare", &junk, &after]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("neither a findings bundle, an answers file nor a draft"),
        "{refused:?}"
    );
}

/// `intake merge`: exit 0 when merged cleanly, 1 with the conflicts left for a person (the file
/// written with the base's answers), 0 again once `--prefer` decides, 2 for unreadable input.
#[test]
fn merge_takes_each_teams_answers_and_lists_the_conflicts() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let write = |name: &str, json: &str| {
        let file = path(name);
        std::fs::write(&file, json).expect("written");
        file
    };
    let base = write(
        "platform.json",
        r#"{"schema_version": 3, "answers": {"platform.vbr_version": {"value": "12.3.1.1139"}}}"#,
    );
    let network = write(
        "network.json",
        r#"{"schema_version": 3, "answers": {}, "groups": {"network.links": [
            {"name": "AMS1-FRA1", "answers": {"mtu_far": {"value": 1500}}}]}}"#,
    );
    let other = write(
        "other.json",
        r#"{"schema_version": 3, "answers": {"platform.vbr_version": {"value": "12.3.2.3617"}}}"#,
    );
    let out = path("merged.json");
    let clean = intake(&["merge", &base, &network, "-o", &out]);
    assert_eq!(clean.status.code(), Some(0), "{clean:?}");
    assert!(stdout(&clean).starts_with("0 answers added, 0 filled, 1 item added, 0 conflicts\n"));
    let merged: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(merged["groups"]["network.links"][0]["name"], "AMS1-FRA1");

    let conflict = intake(&["merge", &base, &network, &other, "-o", &out]);
    assert_eq!(conflict.status.code(), Some(1), "{conflict:?}");
    let text = stdout(&conflict);
    assert!(
        text.contains("CONFLICTS\n  Veeam Backup & Replication version (full build number) (kept the base's)\n      base:  12.3.1.1139\n      other: 12.3.2.3617\n"),
        "{text}"
    );
    let kept: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(
        kept["answers"]["platform.vbr_version"]["value"],
        "12.3.1.1139"
    );

    let decided = intake(&[
        "merge", &base, &other, "-o", &out, "--prefer", "other", "--format", "json",
    ]);
    assert_eq!(decided.status.code(), Some(0), "{decided:?}");
    let report: serde_json::Value = serde_json::from_str(&stdout(&decided)).expect("JSON");
    assert_eq!(report["conflicts"][0]["kept"], "other");
    let taken: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(
        taken["answers"]["platform.vbr_version"]["value"],
        "12.3.2.3617"
    );

    let junk = write("junk.json", "not json");
    let refused = intake(&["merge", &base, &junk, "-o", &out]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("neither an answers file nor a draft")
    );
}

/// `intake portfolio`: a folder of bundles, one of them broken: the rest count, the broken one is
/// listed with its reason, names only when asked.
#[test]
fn portfolio_counts_the_bundles_it_can_read_and_lists_the_others() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for fixture in ["small-proxmox", "vmware-nutanix"] {
        let answers = format!(
            "{}/../../tests/fixtures/answers/{fixture}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let made = intake(&[
            "bundle",
            &answers,
            "--created-at",
            "2026-11-02T14:05:00Z",
            "-o",
            &path(&format!("{fixture}.intake.zip")),
        ]);
        assert_eq!(made.status.code(), Some(0), "{made:?}");
    }
    std::fs::write(path("broken.zip"), b"not a zip").expect("written");
    let folder = dir.path().to_string_lossy().into_owned();
    let output = intake(&["portfolio", &folder, "--jobs", "2"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    assert!(
        text.starts_with("2 partners from 2 bundles read; 1 could not be read\n"),
        "{text}"
    );
    assert!(
        text.contains("NOT READ\n") && text.contains("broken.zip"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&intake(&[
        "portfolio",
        &folder,
        "--format",
        "json",
    ])))
    .expect("JSON");
    assert_eq!(json["partners"], 2);
    assert_eq!(json["partner_names"], serde_json::json!([]));
    let named: serde_json::Value = serde_json::from_str(&stdout(&intake(&[
        "portfolio",
        &folder,
        "--format",
        "json",
        "--with-names",
    ])))
    .expect("JSON");
    assert_eq!(named["partner_names"].as_array().map(Vec::len), Some(2));
    let csv = stdout(&intake(&["portfolio", &folder, "--format", "csv"]));
    assert!(csv.starts_with("Rule,Title,Category,Dimension,Value,Partners,Partners with issue,Share,Partners to verify,Dismissed\n"));
    let html = stdout(&intake(&["portfolio", &folder, "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg"));
    let missing = intake(&["portfolio", &path("nowhere")]);
    assert_eq!(missing.status.code(), Some(2), "{missing:?}");
}
