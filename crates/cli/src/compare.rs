//! `intake compare OLD NEW`: two assessments of one partner compared. Each side is a findings
//! bundle, an answers file or a draft as the app exports it.

use std::path::Path;

use intake_core::answers::Answers;
use intake_core::bundle::{self, compare};
use intake_core::questionnaire::Questionnaire;

use crate::Output;

/// Output formats of `intake compare`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Md,
    Html,
}

/// The answers in a bundle, an answers file or a draft, and the name to show for them.
fn answers_of(questionnaire: &Questionnaire, path: &Path) -> Result<(String, Answers), String> {
    let shown = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = crate::bundle::read_bundle_bytes(path)?;
    if bytes.starts_with(b"PK") {
        let read = bundle::read(&bytes, questionnaire)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        return Ok((shown, read.answers));
    }
    let answers = String::from_utf8(bytes)
        .map_err(|_| "not UTF-8 text".to_owned())
        .and_then(|text| crate::merge::answers_in(questionnaire, &text))
        .map_err(|error| {
            format!(
                "{}: neither a findings bundle, an answers file nor a draft: {error}",
                path.display()
            )
        })?;
    Ok((shown, answers))
}

pub fn run(
    questionnaire: &Questionnaire,
    old: &Path,
    new: &Path,
    format: Format,
    out: Option<&Path>,
) -> Result<Output, String> {
    let before = answers_of(questionnaire, old)?;
    let after = answers_of(questionnaire, new)?;
    let comparison = compare::compare(questionnaire, (&before.0, &before.1), (&after.0, &after.1));
    let text = match format {
        Format::Text => comparison.text(),
        Format::Json => comparison.to_json(),
        Format::Md => comparison.markdown(),
        Format::Html => comparison.html(),
    };
    Output::to(text, out)
}
