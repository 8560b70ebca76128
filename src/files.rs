//! Files in and out: exporting answers and drafts as JSON downloads, and importing them.

use std::time::Duration;

use intake_core::anonymise::anonymise;
use intake_core::answers::Answers;
use intake_core::bundle;
use intake_core::draft::Draft;
use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::workspace::{Workspace, now};

/// Largest file accepted for import, as for the command-line tool: a real answers file is a few
/// hundred kilobytes.
pub const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;

/// Offers `text` to the user as a JSON download named `name`.
pub fn download(name: &str, text: &str) {
    download_bytes(name, "application/json", text.as_bytes());
}

/// Offers `bytes` to the user as a download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    let blob = gloo_file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let Ok(link) = document().create_element("a") else {
        return;
    };
    let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The URL is revoked when `url` drops: keep it until the download has surely started.
    set_timeout(move || drop(url), Duration::from_secs(10));
}

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

/// Downloads the open draft's findings bundle for the tech lead: the same archive `intake bundle`
/// (with `--anonymise` when `anonymised`) makes for the same answers and time.
pub fn export_bundle(workspace: Workspace, anonymised: bool) -> Result<(), String> {
    let created = clock_now()?;
    workspace.draft.with_untracked(|draft| {
        let Some(draft) = draft else {
            return Err("no draft is open".to_owned());
        };
        let answers = if anonymised {
            anonymise(workspace.questionnaire, &draft.answers)
        } else {
            draft.answers.clone()
        };
        let bytes = bundle::write(workspace.questionnaire, &answers, created)
            .map_err(|error| error.to_string())?;
        download_bytes(
            &bundle::file_name(&answers, created),
            "application/zip",
            &bytes,
        );
        Ok(())
    })
}

/// Now, in whole seconds (bundle times are to the second), from this computer's clock.
pub fn clock_now() -> Result<time::OffsetDateTime, String> {
    #[expect(clippy::cast_possible_truncation)]
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map_err(|error| format!("this computer's clock is unusable: {error}"))
}

/// Downloads a stored draft as it is kept, typed input included (also one that cannot be opened).
pub fn export_saved(workspace: Workspace, id: &str, name: &str) {
    if let Some(json) = workspace.saved_json(id) {
        download(&format!("{}.draft.json", file_stem(name)), &json);
    }
}

/// Reads an imported file: a draft saved by this app, or an answers file.
pub fn read_import(
    questionnaire: &Questionnaire,
    file_name: &str,
    text: &str,
) -> Result<Draft, String> {
    if text.contains("\"draft_schema_version\"") {
        return Draft::from_json(text, questionnaire)
            .map_err(|error| format!("{file_name}: {error}"));
    }
    let answers =
        Answers::from_json(text, questionnaire).map_err(|error| format!("{file_name}: {error}"))?;
    let name = ["engagement.partner_name", "engagement.engagement_name"]
        .iter()
        .filter_map(|id| match answers.answers.get(*id)?.as_value()? {
            intake_core::answers::Value::Text(text) if !text.trim().is_empty() => {
                Some(text.trim().to_owned())
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(": ");
    let name = if name.is_empty() {
        file_name.trim_end_matches(".json").to_owned()
    } else {
        name
    };
    let mut draft = Draft::new(String::new(), name, &now());
    draft.answers = answers;
    Ok(draft)
}

/// The file a file input's change event carries, if any; the input is emptied so picking the
/// same file again is a change too.
pub fn picked_file(event: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// Reads the file a file input holds, within [`MAX_IMPORT_BYTES`].
pub async fn read_picked(file: web_sys::File) -> Result<(String, String), String> {
    let file = gloo_file::File::from(file);
    let name = file.name();
    if file.size() > MAX_IMPORT_BYTES {
        return Err(format!(
            "{name}: the file is {} MB; answers files are at most {} MB",
            file.size() / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        ));
    }
    gloo_file::futures::read_as_text(&file)
        .await
        .map(|text| (name.clone(), text))
        .map_err(|error| format!("{name}: the file cannot be read ({error})"))
}
