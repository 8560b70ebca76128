//! The review's three documents by reader and format, as files: what `intake report` writes,
//! review mode downloads and a reviewed bundle carries ([`super::action_plan`],
//! [`super::evidence_pack`], [`super::test_plan`]).

use std::fmt;

use super::review::Review;
use super::{ReadBundle, Rerun, action_plan, evidence_pack, test_plan};
use crate::questionnaire::Questionnaire;

/// Who a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reader {
    /// The partner's action plan.
    Partner,
    /// R&D's evidence pack.
    Rnd,
    /// QA's scope and test plan.
    Qa,
}

/// A document's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Html,
    Markdown,
    Csv,
    Json,
}

impl Reader {
    pub const ALL: [Reader; 3] = [Reader::Partner, Reader::Rnd, Reader::Qa];

    /// The formats the document comes in, the first the one to read.
    pub fn formats(self) -> &'static [Format] {
        match self {
            Reader::Partner => &[Format::Html, Format::Markdown, Format::Csv],
            Reader::Rnd => &[Format::Html, Format::Markdown, Format::Json],
            Reader::Qa => &[Format::Html, Format::Markdown, Format::Csv],
        }
    }

    /// The document's name in words.
    pub fn title(self) -> &'static str {
        match self {
            Reader::Partner => "Partner action plan",
            Reader::Rnd => "R&D evidence pack",
            Reader::Qa => "QA scope and test plan",
        }
    }

    /// The file name's stem: `action-plan`, `rnd-evidence-pack`, `qa-test-plan`.
    pub fn stem(self) -> &'static str {
        match self {
            Reader::Partner => "action-plan",
            Reader::Rnd => "rnd-evidence-pack",
            Reader::Qa => "qa-test-plan",
        }
    }

    /// Whether the document can hold the partner's names unless they are asked for: the
    /// evidence pack and the test plan, which go beyond the partner and their tech lead.
    pub fn anonymised_by_default(self) -> bool {
        !matches!(self, Reader::Partner)
    }
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Html => "text/html",
            Format::Markdown => "text/markdown",
            Format::Csv => "text/csv",
            Format::Json => "application/json",
        }
    }

    /// The format in words: "HTML", "Markdown", "CSV", "JSON".
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV",
            Format::Json => "JSON",
        }
    }
}

/// A document made: its file name, type and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    pub mime: &'static str,
    pub text: String,
}

/// Why a document cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// No review, or one with problems: what to do first.
    NotReady(Vec<String>),
    /// The document does not come in this format.
    Format { reader: Reader, format: Format },
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentError::NotReady(problems) => write!(
                f,
                "the review is not ready for its documents:\n  {}",
                problems.join("\n  ")
            ),
            DocumentError::Format { reader, format } => {
                let offered: Vec<&str> = reader.formats().iter().map(|f| f.name()).collect();
                write!(
                    f,
                    "the {} is not written as {}: it comes as {}",
                    reader.title(),
                    format.name(),
                    offered.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for DocumentError {}

/// The file name of a document of the bundle opened as `bundle_name`:
/// `acme-2026-11-02.rnd-evidence-pack.md`; `.with-names` before the extension when an
/// anonymised-by-default document keeps the originals.
pub fn file_name(
    bundle_name: &str,
    reader: Reader,
    format: Format,
    with_originals: bool,
) -> String {
    let reviewed = super::reviewed_file_name(bundle_name);
    let stem = reviewed.trim_end_matches(".reviewed.intake.zip");
    let names = if with_originals && reader.anonymised_by_default() {
        ".with-names"
    } else {
        ""
    };
    format!("{stem}.{}{names}.{}", reader.stem(), format.extension())
}

/// The text of one document of a review made ready by [`Review::finished`].
pub fn render(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
    reader: Reader,
    format: Format,
    with_originals: bool,
) -> Result<String, DocumentError> {
    if !reader.formats().contains(&format) {
        return Err(DocumentError::Format { reader, format });
    }
    Ok(match reader {
        Reader::Partner => {
            let plan = action_plan::action_plan_of(bundle, rerun, review);
            match format {
                Format::Html => plan.html(),
                Format::Csv => plan.csv(),
                _ => plan.markdown(),
            }
        }
        Reader::Rnd => {
            let pack = evidence_pack::evidence_pack_of(
                questionnaire,
                bundle,
                rerun,
                review,
                with_originals,
            );
            match format {
                Format::Html => pack.html(),
                Format::Json => pack.to_json(),
                _ => pack.markdown(),
            }
        }
        Reader::Qa => {
            let plan =
                test_plan::test_plan_of(questionnaire, bundle, rerun, review, with_originals);
            match format {
                Format::Html => plan.html(),
                Format::Csv => plan.csv(),
                _ => plan.markdown(),
            }
        }
    })
}

/// One document of `review` (the bundle's own when `None`), for the bundle opened as
/// `bundle_name`; or why it cannot be made.
#[allow(
    clippy::too_many_arguments,
    reason = "each is one choice of the reader's"
)]
pub fn document(
    questionnaire: &Questionnaire,
    bundle_name: &str,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: Option<&Review>,
    reader: Reader,
    format: Format,
    with_originals: bool,
) -> Result<Document, DocumentError> {
    let review = match review.or(bundle.review.as_ref()) {
        Some(review) => review.finished(rerun).map_err(DocumentError::NotReady)?,
        None => {
            return Err(DocumentError::NotReady(vec![
                "the bundle has no review: review it first (review mode, or intake review --apply)"
                    .to_owned(),
            ]));
        }
    };
    let text = render(
        questionnaire,
        bundle,
        rerun,
        &review,
        reader,
        format,
        with_originals,
    )?;
    Ok(Document {
        name: file_name(bundle_name, reader, format, with_originals),
        mime: format.mime(),
        text,
    })
}
