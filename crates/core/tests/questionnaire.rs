//! The built-in questionnaire: it reads, it lints clean, and it is what `assets/` holds.
// The library does no I/O (crates/core/clippy.toml); this test reads the asset files it embeds.
#![allow(clippy::disallowed_methods)]

mod support;

use intake_core::questionnaire::{BUILTIN_FILES, Questionnaire, lint::lint};

/// Every section file under `assets/questionnaire/`, read from disk, in file-name order.
/// `QUESTIONNAIRE_DIR` reads another directory instead: a way to lint sections being drafted.
fn files_on_disk() -> Vec<(String, String)> {
    let dir = std::env::var_os("QUESTIONNAIRE_DIR").map_or_else(
        || support::repository_path("assets/questionnaire"),
        Into::into,
    );
    support::files(&dir, "toml")
}

#[test]
fn every_section_file_on_disk_reads_and_lints_clean() {
    let files = files_on_disk();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let questionnaire =
        Questionnaire::from_files(&borrowed).unwrap_or_else(|error| panic!("{error}"));
    let errors = lint(&questionnaire);
    assert!(
        errors.is_empty(),
        "lint errors:\n{}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_embedded_files_are_exactly_the_files_on_disk_in_order() {
    let on_disk: Vec<(String, String)> = files_on_disk();
    let embedded: Vec<(String, String)> = BUILTIN_FILES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    assert_eq!(
        embedded.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        on_disk.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        "BUILTIN_FILES (listed by crates/core/build.rs) must be every file in assets/questionnaire"
    );
    assert_eq!(embedded, on_disk);
}

#[test]
fn the_builtin_questionnaire_reads() {
    let questionnaire = Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(questionnaire.sections().len(), BUILTIN_FILES.len());
}

/// `builtin` reads the JSON that build.rs makes of the section files: it must read the same.
#[test]
fn the_builtin_json_reads_as_the_toml_files() {
    let from_json = Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"));
    let from_toml =
        Questionnaire::from_files(BUILTIN_FILES).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(from_json.sections(), from_toml.sections());
}

#[test]
fn covers_at_least_12_sections_and_150_questions_of_every_kind() {
    let questionnaire = Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"));
    let sections = questionnaire.sections().len();
    // A group's questions count once, however many items a partner adds.
    let questions = questionnaire.questions().count();
    let groups = questionnaire.groups().count();
    println!("{sections} sections, {questions} questions, {groups} groups");
    assert!(sections >= 12, "{sections} sections");
    assert!(questions >= 150, "{questions} questions");
    let used: std::collections::BTreeSet<&str> =
        questionnaire.questions().map(|q| q.kind.name()).collect();
    let all = intake_core::questionnaire::export::KINDS;
    let missing: Vec<&str> = all
        .iter()
        .copied()
        .filter(|kind| !used.contains(kind))
        .collect();
    assert!(missing.is_empty(), "kinds no question uses: {missing:?}");
}

#[test]
fn sections_include_contacts_and_every_domain_area() {
    let questionnaire = Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"));
    let ids: Vec<&str> = questionnaire
        .sections()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    for area in [
        "engagement",
        "platform",
        "sites",
        "compute",
        "storage",
        "repositories",
        "object_storage",
        "cloud_connect",
        "network",
        "security",
        "certificates",
        "tenancy",
        "windows",
        "dr",
        "operations",
    ] {
        assert!(ids.contains(&area), "no section `{area}` in {ids:?}");
    }
}
