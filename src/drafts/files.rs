//! A draft's files: the open draft exported as an answers file, a stored draft exported as it is
//! kept, and an imported draft or answers file read, within a size limit, into a new draft.

use intake_core::answers::Answers;
use intake_core::draft::{Draft, UNNAMED};
use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;

use crate::platform::files::{self, download};
use crate::workspace::{Library, Workspace};

/// Largest file accepted for import, as for the command-line tool: a real answers file is a few
/// hundred kilobytes.
pub const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;
/// A file name made from a draft's name: lower case words joined by `-`.
pub fn file_stem(name: &str) -> String {
    let stem = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "draft".to_owned()
    } else {
        stem
    }
}

/// Downloads the open draft's answers as an answers file, the format `intake assess` reads.
pub fn export_open_draft(workspace: Workspace) {
    workspace.save_now();
    workspace.draft.with_untracked(|draft| {
        if let Some(draft) = draft {
            download(
                &format!("{}.answers.json", file_stem(&draft.title())),
                &draft.answers.to_json(),
            );
        }
    });
}

/// Downloads a stored draft as it is kept, typed input included (also one that cannot be opened).
pub fn export_saved(library: Library, id: &str, name: &str) {
    if let Some(json) = library.saved_json(id) {
        download(&format!("{}.draft.json", file_stem(name)), &json);
    }
}

/// Reads an imported file: a draft saved by this app, or an answers file, made a draft at `now`
/// and named from its answers (the partner and the engagement) or else from the file.
pub fn read_import(
    questionnaire: &Questionnaire,
    file_name: &str,
    text: &str,
    now: &str,
) -> Result<Draft, String> {
    if text.contains("\"draft_schema_version\"") {
        return Draft::from_json(text, questionnaire)
            .map_err(|error| format!("{file_name}: {error}"));
    }
    let answers =
        Answers::from_json(text, questionnaire).map_err(|error| format!("{file_name}: {error}"))?;
    let mut draft = Draft::from_answers(String::new(), String::new(), now, answers);
    draft.name = match draft.title() {
        title if title == UNNAMED => file_name.trim_end_matches(".json").to_owned(),
        title => title,
    };
    Ok(draft)
}

/// Reads the file a file input holds, within [`MAX_IMPORT_BYTES`].
pub async fn read_picked(file: web_sys::File) -> Result<(String, String), String> {
    let picked = files::within(file, MAX_IMPORT_BYTES).map_err(|large| {
        format!(
            "{}: the file is {} MB; answers files are at most {} MB",
            large.name,
            large.megabytes,
            MAX_IMPORT_BYTES / (1024 * 1024)
        )
    })?;
    let name = picked.name.clone();
    picked
        .text()
        .await
        .map(|text| (name.clone(), text))
        .map_err(|error| format!("{name}: the file cannot be read ({error})"))
}

#[cfg(test)]
mod tests {
    use intake_core::questionnaire::Questionnaire;

    use super::{file_stem, read_import};

    #[test]
    fn file_names_are_lower_case_words_joined_by_dashes() {
        assert_eq!(file_stem("Noordkaap: 2026 Review"), "noordkaap-2026-review");
        assert_eq!(file_stem("  Ünïcode / names  "), "ünïcode-names");
        assert_eq!(file_stem(" -- "), "draft");
        assert_eq!(file_stem(""), "draft");
    }

    #[test]
    fn an_imported_answers_file_is_named_from_its_answers_or_its_file() {
        let questionnaire = Questionnaire::builtin().expect("the built-in questionnaire");
        let now = "2026-12-04T10:00:00.000Z";
        let named = r#"{"schema_version":1,"answers":{
            "engagement.partner_name":{"value":" Noordkaap "},
            "engagement.engagement_name":{"value":"2026 review"}},
            "groups":{"network.links":[{"name":"a"},{"name":"b"}]}}"#;
        let draft = read_import(questionnaire, "x.json", named, now).expect("answers file");
        assert_eq!(draft.name, "Noordkaap: 2026 review");
        assert_eq!(draft.created_at, now);
        assert_eq!(draft.item_keys("network.links").len(), 2);
        let unnamed = r#"{"schema_version":1,"answers":{}}"#;
        let draft = read_import(questionnaire, "tenant-a.json", unnamed, now).expect("answers");
        assert_eq!(draft.name, "tenant-a");
        let error = read_import(questionnaire, "bad.json", "{", now).expect_err("not JSON");
        assert!(error.starts_with("bad.json: "), "{error}");
        let newer = r#"{"draft_schema_version":99}"#;
        let error = read_import(questionnaire, "new.draft.json", newer, now).expect_err("newer");
        assert!(error.contains("newer version"), "{error}");
    }
}
