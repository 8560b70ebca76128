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
    let size = std::fs::metadata(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?
        .len();
    if size > bundle::MAX_BUNDLE_BYTES as u64 {
        return Err(format!(
            "{} is larger than {} MiB: not a findings bundle, answers file or draft",
            path.display(),
            bundle::MAX_BUNDLE_BYTES / (1024 * 1024)
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    if bytes.starts_with(b"PK") {
        let read = bundle::read(&bytes, questionnaire)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        return Ok((shown, read.answers));
    }
    let answers = crate::merge::answers_or_draft(questionnaire, path).map_err(|error| {
        error.replace(
            "neither an answers file nor a draft",
            "neither a findings bundle, an answers file nor a draft",
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
    match out {
        None => Ok(Output::ok(text)),
        Some(out) => {
            std::fs::write(out, &text)
                .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
            Ok(Output::ok(format!("wrote {}\n", out.display())))
        }
    }
}
