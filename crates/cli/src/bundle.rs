//! `intake bundle ANSWERS.json -o OUT` and `intake review BUNDLE.zip`.

use std::io::Read;
use std::path::{Path, PathBuf};

use intake_core::answers::Answers;
use intake_core::bundle;
use intake_core::questionnaire::Questionnaire;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::Output;
use crate::input::{MAX_ANSWERS_BYTES, read_text};

/// Reads `--created-at`: RFC 3339, such as `2026-11-02T14:05:00Z`.
pub fn parse_created_at(text: &str) -> Result<OffsetDateTime, String> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|error| format!("`{text}` is not an RFC 3339 time ({error})"))
}

pub fn make(
    questionnaire: &Questionnaire,
    answers_path: &Path,
    walks_path: Option<&Path>,
    out: &Path,
    created_at: Option<OffsetDateTime>,
    anonymise: bool,
    exports: &[PathBuf],
) -> Result<Output, String> {
    let text = read_text(answers_path, MAX_ANSWERS_BYTES)?;
    let answers = Answers::from_json(&text, questionnaire)
        .map_err(|error| format!("{}: {error}", answers_path.display()))?;
    let walks = match walks_path {
        None => Vec::new(),
        Some(path) => {
            let text = read_text(path, MAX_ANSWERS_BYTES)?;
            bundle::read_walks_json(&text)
                .map_err(|error| format!("{}: {error}", path.display()))?
        }
    };
    // The core reads no clock: the time is taken here.
    let created_at = created_at.unwrap_or_else(OffsetDateTime::now_utc);
    let written = if anonymise {
        bundle::write_anonymised(questionnaire, &answers, &walks, created_at)
    } else {
        let mut picked = Vec::new();
        for path in exports {
            picked.extend(crate::evidence::picked(path)?);
        }
        bundle::write_with_exports(questionnaire, &answers, &walks, &picked, created_at)
            .map(|bytes| (bytes, answers))
    };
    let (bytes, answers) = written.map_err(|error| error.to_string())?;
    let path: PathBuf = if out.is_dir() {
        out.join(bundle::file_name(&answers, created_at))
    } else {
        out.to_owned()
    };
    std::fs::write(&path, &bytes)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    Ok(Output::ok(format!(
        "wrote {} ({} bytes)\n",
        path.display(),
        bytes.len()
    )))
}

/// `intake review BUNDLE --apply TRIAGE.json -o OUT`: the reviewed bundle a triage file makes.
pub fn apply(
    questionnaire: &Questionnaire,
    path: &Path,
    triage_path: &Path,
    out: &Path,
    reviewed_at: Option<OffsetDateTime>,
) -> Result<Output, String> {
    let bytes = read_bundle_bytes(path)?;
    let read = bundle::read(&bytes, questionnaire)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let rerun = bundle::rerun(&read, questionnaire);
    let text = read_text(triage_path, MAX_ANSWERS_BYTES)?;
    let file: bundle::TriageFile = serde_json::from_str(&text)
        .map_err(|error| format!("{}: {error}", triage_path.display()))?;
    let review = bundle::Review::from_triage_file(&read, &rerun, file).map_err(|problems| {
        format!(
            "{} cannot be applied:\n  {}",
            triage_path.display(),
            problems.join("\n  ")
        )
    })?;
    // The core reads no clock: the time is taken here.
    let reviewed_at = reviewed_at.unwrap_or_else(OffsetDateTime::now_utc);
    let reviewed = bundle::write_reviewed(&bytes, &read, &review, questionnaire, reviewed_at)
        .map_err(|error| error.to_string())?;
    std::fs::write(out, &reviewed)
        .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
    Ok(Output::ok(format!(
        "wrote {} ({} bytes): {}, {} added\n",
        out.display(),
        reviewed.len(),
        review.counts(&bundle::items(&rerun)),
        review.added.len()
    )))
}

/// Whose document `intake report` writes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Reader {
    /// The partner's action plan (HTML, Markdown, CSV for an issue tracker).
    Partner,
    /// R&D's evidence pack (HTML, Markdown, JSON).
    Rnd,
    /// QA's scope and test plan (HTML, Markdown, CSV of test cases).
    Qa,
}

/// The formats of `intake report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Html,
    Md,
    Csv,
    Json,
}

/// `intake report BUNDLE --for partner|rnd|qa [--format html|md|csv|json] [--with-originals]
/// [-o OUT]`.
pub fn report(
    questionnaire: &Questionnaire,
    path: &Path,
    reader: Reader,
    format: ReportFormat,
    with_originals: bool,
    out: Option<&Path>,
) -> Result<Output, String> {
    use intake_core::bundle::documents::{self, Format};
    let bytes = read_bundle_bytes(path)?;
    let read = bundle::read(&bytes, questionnaire)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let rerun = bundle::rerun(&read, questionnaire);
    let reader = match reader {
        Reader::Partner => documents::Reader::Partner,
        Reader::Rnd => documents::Reader::Rnd,
        Reader::Qa => documents::Reader::Qa,
    };
    let format = match format {
        ReportFormat::Html => Format::Html,
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Json => Format::Json,
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = documents::document(
        questionnaire,
        &name,
        &read,
        &rerun,
        None,
        reader,
        format,
        with_originals,
    )
    .map_err(|error| format!("{}: {error}", path.display()))?
    .text;
    Output::to(text, out)
}

/// Output formats of `intake review`; the core renders each (`intake_core::bundle::review_text`,
/// `review_json`, `review_markdown`).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Md,
}

/// Reads at most the core's limit, checking the file's size before reading it.
pub fn read_bundle_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let limit = bundle::MAX_BUNDLE_BYTES as u64;
    let too_large = || {
        format!(
            "{shown} is larger than {} MiB: not a findings bundle",
            limit / (1024 * 1024)
        )
    };
    let file =
        std::fs::File::open(path).map_err(|error| format!("cannot open {shown}: {error}"))?;
    let size = file
        .metadata()
        .map_err(|error| format!("cannot read {shown}: {error}"))?
        .len();
    if size > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read {shown}: {error}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

pub fn review(
    questionnaire: &Questionnaire,
    path: &Path,
    format: Format,
) -> Result<Output, String> {
    let bytes = read_bundle_bytes(path)?;
    let read = bundle::read(&bytes, questionnaire)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let rerun = bundle::rerun(&read, questionnaire);
    let name = path.display().to_string();
    let stdout = match format {
        Format::Text => bundle::review_text(&name, &read, &rerun),
        Format::Json => bundle::review_json(&read, &rerun),
        Format::Md => bundle::review_markdown(&name, &read, &rerun),
    };
    Ok(Output {
        stdout,
        code: u8::from(!read.integrity.is_intact()),
    })
}
