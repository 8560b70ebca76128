//! `intake merge BASE OTHER... -o OUT`: answers from several people merged into one answers file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use intake_core::answers::Answers;
use intake_core::draft::Draft;
use intake_core::merge::{MergeReport, Prefer, merge_all};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::render::terminal;

use crate::Output;
use crate::input::{MAX_ANSWERS_BYTES, read_text};

/// Which side `--prefer` keeps.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Side {
    Base,
    Other,
}

/// Formats of the report `intake merge` prints.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The answers of an answers file or of a draft as the app exports it.
pub fn answers_or_draft(questionnaire: &Questionnaire, path: &Path) -> Result<Answers, String> {
    let text = read_text(path, MAX_ANSWERS_BYTES)?;
    answers_in(questionnaire, &text).map_err(|error| {
        format!(
            "{}: neither an answers file nor a draft: {error}",
            path.display()
        )
    })
}

/// The answers of an answers file's or a draft's text; the answers file's error when it is
/// neither.
pub fn answers_in(questionnaire: &Questionnaire, text: &str) -> Result<Answers, String> {
    match Answers::from_json(text, questionnaire) {
        Ok(answers) => Ok(answers),
        Err(answers_error) => Draft::from_json(text, questionnaire)
            .map(|draft| draft.answers)
            .map_err(|_| answers_error.to_string()),
    }
}

fn text(report: &MergeReport) -> String {
    // Control characters shown, not run.
    let t = terminal;
    let mut out = String::new();
    let _ = writeln!(out, "{}", report.summary());
    if !report.conflicts.is_empty() {
        let _ = writeln!(out, "\nCONFLICTS");
        for conflict in &report.conflicts {
            let kept = match conflict.kept {
                Prefer::Base => "kept the base's",
                Prefer::Other => "took the other's",
            };
            let _ = writeln!(
                out,
                "  {} ({kept})\n      base:  {}\n      other: {}",
                t(&conflict.question),
                t(&conflict.base),
                t(&conflict.other)
            );
        }
    }
    for (title, list) in [("ADDED", &report.added), ("FILLED", &report.filled)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}");
        for taken in list {
            let _ = writeln!(
                out,
                "  {}: {} (was {})",
                t(&taken.question),
                t(&taken.answer),
                t(&taken.instead_of)
            );
        }
    }
    if !report.items_added.is_empty() {
        let _ = writeln!(out, "\nITEMS ADDED");
        for item in &report.items_added {
            let _ = writeln!(out, "  {}", t(item));
        }
    }
    if !report.items_matched.is_empty() {
        let _ = writeln!(out, "\nITEMS MATCHED (check them)");
        for matched in &report.items_matched {
            let _ = writeln!(
                out,
                "  {}: “{}” with “{}”{}",
                t(&matched.group),
                t(&matched.base),
                t(&matched.other),
                if matched.by_position {
                    " (by position: a name is blank)"
                } else {
                    ""
                }
            );
        }
    }
    out
}

pub fn run(
    questionnaire: &Questionnaire,
    base: &Path,
    others: &[PathBuf],
    out: &Path,
    prefer: Option<Side>,
    format: Format,
) -> Result<Output, String> {
    let base = answers_or_draft(questionnaire, base)?;
    let others = others
        .iter()
        .map(|path| answers_or_draft(questionnaire, path))
        .collect::<Result<Vec<_>, _>>()?;
    let prefer = prefer.map(|side| match side {
        Side::Base => Prefer::Base,
        Side::Other => Prefer::Other,
    });
    let merged = merge_all(
        questionnaire,
        &base,
        &others.iter().collect::<Vec<_>>(),
        prefer,
    );
    std::fs::write(out, merged.answers.to_json())
        .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
    let mut printed = match format {
        Format::Text => text(&merged.report),
        Format::Json => serde_json::to_string_pretty(&merged.report).unwrap_or_default() + "\n",
    };
    let left = prefer.is_none() && merged.report.needs_a_person();
    if let Format::Text = format {
        let _ = writeln!(
            printed,
            "\nwrote {}{}",
            out.display(),
            if left {
                ": the base's answer is kept at each conflict until a person decides (or run again with --prefer)"
            } else {
                ""
            }
        );
    }
    Ok(Output {
        stdout: printed,
        code: if left { 1 } else { 0 },
    })
}
