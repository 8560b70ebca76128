//! Reading and writing answers files.
// Tests read fixture files; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

mod support;

use intake_core::answers::{Answers, LoadError, SCHEMA_VERSION};
use intake_core::questionnaire::Questionnaire;

const MINIMAL: &str = include_str!("../../../tests/fixtures/schema/v2/minimal.json");

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"))
}

fn load(json: &str) -> Result<Answers, LoadError> {
    Answers::from_json(json, questionnaire())
}

fn load_error(json: &str) -> String {
    load(json).expect_err("the file is refused").to_string()
}

#[test]
fn answers_survive_a_round_trip_byte_for_byte() {
    let answers = load(MINIMAL).expect("minimal.json reads");
    let written = answers.to_json();
    assert_eq!(load(&written).expect("what we write reads back"), answers);
    assert_eq!(load(&written).expect("again").to_json(), written);
    assert!(
        written.starts_with(&format!("{{\n  \"schema_version\": {SCHEMA_VERSION},")),
        "{written}"
    );
}

#[test]
fn notes_dont_know_and_not_applicable_are_kept() {
    let json = r#"{ "schema_version": 1, "answers": {
        "network.ntp_source": { "dont_know": true, "note": "asking the network team" },
        "network.firewall_vendors": { "not_applicable": "no firewall between the tiers" } } }"#;
    let written = load(json).expect("reads").to_json();
    assert!(written.contains(r#""dont_know": true"#), "{written}");
    assert!(
        written.contains(r#""note": "asking the network team""#),
        "{written}"
    );
    assert!(
        written.contains(r#""not_applicable": "no firewall between the tiers""#),
        "{written}"
    );
}

#[test]
fn an_unknown_question_is_named() {
    let json =
        r#"{ "schema_version": 1, "answers": { "engagment.partner_name": { "value": "x" } } }"#;
    assert!(
        matches!(load(json), Err(LoadError::UnknownQuestion { path }) if path == "engagment.partner_name")
    );
    let json = r#"{ "schema_version": 1, "groups": { "engagement.contacts": [ { "name": "A", "answers": { "fax": { "value": "1" } } } ] } }"#;
    assert_eq!(
        load_error(json),
        "engagement.contacts[0].fax: the questionnaire has no such question (a typo, or a file for another tool?)"
    );
}

#[test]
fn a_value_of_the_wrong_kind_names_the_question_and_the_expected_shape() {
    let json =
        r#"{ "schema_version": 2, "answers": { "engagement.dr_offered": { "value": "yes" } } }"#;
    assert_eq!(
        load_error(json),
        "engagement.dr_offered: expected true or false, found text"
    );
    let json =
        r#"{ "schema_version": 2, "answers": { "engagement.tenant_count": { "value": 12.5 } } }"#;
    assert_eq!(
        load_error(json),
        "engagement.tenant_count: expected a whole number, found a decimal number"
    );
    let json =
        r#"{ "schema_version": 1, "answers": { "engagement.services": { "value": "m365" } } }"#;
    assert_eq!(
        load_error(json),
        "engagement.services: expected a list of choice ids, found text"
    );
}

#[test]
fn group_answers_belong_in_groups() {
    let json = r#"{ "schema_version": 1, "answers": { "engagement.contacts.email": { "value": "a@example.net" } } }"#;
    assert!(load_error(json).contains("belongs to group `engagement.contacts`"));
}

#[test]
fn schema_versions_newer_missing_or_unknown_are_refused_with_the_reason() {
    let newer = format!(r#"{{ "schema_version": {} }}"#, SCHEMA_VERSION + 1);
    assert!(load_error(&newer).contains("written by a newer version of VCSP Intake"));
    assert!(load_error(r#"{ "schema_version": 0 }"#).contains("unknown answers schema version 0"));
    assert!(load_error(r#"{ "answers": {} }"#).contains("`schema_version` is missing"));
    assert!(load_error(r#"{ "schema_version": "1" }"#).contains("must be a whole number"));
}

#[test]
fn malformed_files_get_a_clear_error_and_no_panic() {
    assert!(load_error("").starts_with("not a valid answers file:"));
    assert!(load_error("[1, 2").starts_with("not a valid answers file:"));
    assert!(
        load_error(r#"{ "schema_version": 1, "extra": true }"#).contains("unknown field `extra`")
    );
    let both = r#"{ "schema_version": 2, "answers": { "engagement.dr_offered": { "value": true, "dont_know": true } } }"#;
    assert!(load_error(both).contains("exactly one of"));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(load_error(&deep).contains("recursion limit"));
}

/// Answers files of every schema version ever released are kept under
/// `tests/fixtures/schema/vN/` forever; each must still read with this build (migrated if old).
#[test]
fn answers_files_of_every_released_schema_version_still_read() {
    let root = support::repository_path("tests/fixtures/schema");
    let mut versions = Vec::new();
    for version_dir in std::fs::read_dir(&root).expect("tests/fixtures/schema exists") {
        let version_dir = version_dir.expect("a directory entry").path();
        let name = version_dir
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let version: u32 = name
            .strip_prefix('v')
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{name}: schema fixture folders are named vN"));
        versions.push(version);
        for (file, text) in support::files(&version_dir, "json") {
            assert!(
                text.contains(&format!("\"schema_version\": {version}")),
                "{name}/{file} is not a schema {version} file"
            );
            load(&text).unwrap_or_else(|error| panic!("{name}/{file}: {error}"));
        }
    }
    versions.sort_unstable();
    assert_eq!(
        versions,
        (1..=SCHEMA_VERSION).collect::<Vec<_>>(),
        "keep files of every schema version, 1 to {SCHEMA_VERSION}"
    );
}

/// The schema 1 fixture that takes every migration step opens as the schema 2 fixture of the same
/// name: moved questions keep their answers and notes, the Kubernetes platforms join the
/// platforms, and a colocation or cloud region role becomes the site's kind. Written now, it is
/// the schema 3 fixture (schema 3 only adds where an answer came from).
#[test]
fn a_schema_1_file_migrates_to_schema_2_step_by_step() {
    let fixture = |version: &str| {
        std::fs::read_to_string(support::repository_path(&format!(
            "tests/fixtures/schema/{version}/every-migration.json"
        )))
        .expect("the migration fixtures exist")
    };
    let migrated = load(&fixture("v1")).expect("the schema 1 file reads");
    assert_eq!(migrated.to_json(), fixture("v3"));
    assert_eq!(
        load(&fixture("v2")).expect("the schema 2 file reads"),
        migrated
    );
}

/// An answer read from a collector's export says which, and where in it; written back, the file
/// is the same byte for byte, and an answer without it is the partner's.
#[test]
fn a_schema_3_file_keeps_where_each_answer_came_from() {
    use intake_core::answers::{Imported, Provenance};
    use intake_core::evidence::Collector;
    let text = std::fs::read_to_string(support::repository_path(
        "tests/fixtures/schema/v3/imported.json",
    ))
    .expect("the fixture exists");
    let answers = load(&text).expect("reads");
    assert_eq!(answers.to_json(), text);
    assert_eq!(
        answers.answers["platform.vbr_version"].provenance,
        Provenance::Imported(Imported {
            collector: Collector::Healthcheck,
            file: "vHC.zip".to_owned(),
            table: "localhost_vbrinfo.csv".to_owned(),
            row: 2,
            collected_at: Some("2026-11-20T14:03:12".to_owned()),
        })
    );
    assert_eq!(
        answers.answers["engagement.partner_name"].provenance,
        Provenance::Stated
    );
    let cluster = &answers.groups["compute.clusters"][0].answers["host_count"];
    assert!(
        matches!(&cluster.provenance, Provenance::Imported(i) if i.table == "vCluster" && i.collected_at.is_none())
    );
}

/// What has no question of its own any more is kept in the note of the answer that replaced it.
#[test]
fn a_kubernetes_answer_without_platforms_is_kept_in_the_platforms_note() {
    let answers = load(
        r#"{ "schema_version": 1, "answers": {
            "compute.hypervisors": { "value": ["hyperv"] },
            "compute.kubernetes": { "value": true },
            "compute.kubernetes_platforms": { "dont_know": true, "note": "Ask Sam." } } }"#,
    )
    .expect("reads");
    let platforms = &answers.answers["engagement.platforms"];
    assert_eq!(
        platforms.as_value(),
        Some(&intake_core::answers::Value::Choices(vec![
            "hyperv".to_owned()
        ]))
    );
    assert_eq!(
        platforms.note.as_deref(),
        Some(
            "Which Kubernetes platforms? I don't know\nNote on the Kubernetes platforms: Ask Sam.\n\
             Do you run Kubernetes? Yes"
        )
    );
    assert!(!answers.answers.contains_key("compute.kubernetes"));
    let no =
        load(r#"{ "schema_version": 1, "answers": { "compute.kubernetes": { "value": false } } }"#)
            .expect("reads");
    assert_eq!(
        no,
        Answers::default(),
        "a plain no says nothing the platforms do not"
    );
}
