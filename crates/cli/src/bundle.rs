//! `intake bundle ANSWERS.json -o OUT` and `intake review BUNDLE.zip`.

use std::fmt::Write;
use std::io::Read;
use std::path::{Path, PathBuf};

use intake_core::answers::Answers;
use intake_core::bundle::{self, FileIntegrity, FileStatus, ReadBundle, Rerun, Verdict};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::render::markdown_escape;
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
    out: &Path,
    created_at: Option<OffsetDateTime>,
    anonymise: bool,
) -> Result<Output, String> {
    let text = read_text(answers_path, MAX_ANSWERS_BYTES)?;
    let mut answers = Answers::from_json(&text, questionnaire)
        .map_err(|error| format!("{}: {error}", answers_path.display()))?;
    if anonymise {
        answers = intake_core::anonymise::anonymise(questionnaire, &answers);
    }
    // The core reads no clock: the time is taken here.
    let created_at = created_at.unwrap_or_else(OffsetDateTime::now_utc);
    let bytes =
        bundle::write(questionnaire, &answers, created_at).map_err(|error| error.to_string())?;
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

/// Output formats of `intake review`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Md,
}

/// Reads at most the core's limit, checking the file's size before reading it.
fn read_bundle_bytes(path: &Path) -> Result<Vec<u8>, String> {
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
    let mut read = bundle::read(&bytes, questionnaire)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let rerun = bundle::rerun(&read, questionnaire);
    if let Some(review) = &mut read.review {
        review.adopt(&rerun);
    }
    let stdout = match format {
        Format::Text => text(path, &read, &rerun),
        Format::Json => json(&read, &rerun),
        Format::Md => markdown(path, &read, &rerun),
    };
    Ok(Output {
        stdout,
        code: u8::from(!read.integrity.is_intact()),
    })
}

fn status_text(file: &FileIntegrity) -> &'static str {
    match file.status {
        FileStatus::Intact => "intact",
        FileStatus::Modified if file.name == bundle::REVIEW => {
            "MODIFIED: the review names another bundle's manifest"
        }
        FileStatus::Modified => "MODIFIED: its hash differs from the manifest's",
        FileStatus::Missing => "MISSING: listed in the manifest, not in the archive",
        FileStatus::Unlisted => "UNLISTED: not in the manifest",
    }
}

fn severity(severity: Option<intake_core::rules::Severity>) -> &'static str {
    severity.map_or("-", |s| s.name())
}

/// Text from the bundle with control characters and direction controls shown as `?`, so a hostile
/// bundle can neither send escape sequences to the terminal nor reorder what it shows.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || intake_core::rules::render::is_bidi_control(c) {
                '?'
            } else {
                c
            }
        })
        .collect()
}

fn text(path: &Path, read: &ReadBundle, rerun: &Rerun) -> String {
    let mut out = String::new();
    let manifest = &read.manifest;
    let _ = writeln!(out, "bundle      {}", path.display());
    let _ = writeln!(out, "created     {}", plain(&manifest.created_at));
    let _ = writeln!(
        out,
        "made with   VCSP Intake {}, bundle schema {}",
        plain(&manifest.app_version),
        manifest.bundle_schema_version
    );
    let _ = writeln!(
        out,
        "rule set    {} (sha256 {})",
        plain(&manifest.ruleset_version),
        plain(&manifest.ruleset_sha256)
    );
    let intact = read.integrity.is_intact();
    let _ = writeln!(
        out,
        "\nintegrity: {}",
        if intact {
            "intact, every file matches the manifest"
        } else {
            "FAILED"
        }
    );
    for file in &read.integrity.files {
        let _ = writeln!(out, "  {:<20} {}", plain(&file.name), status_text(file));
    }
    let _ = writeln!(out, "\nre-run with this version's rules:");
    if let Some(change) = &rerun.ruleset_change {
        let _ = writeln!(
            out,
            "  the rule set differs: bundle {} (sha256 {}), now {} (sha256 {})",
            plain(&change.bundle_version),
            plain(&change.bundle_sha256),
            change.current_version,
            change.current_sha256
        );
    }
    for (label, changes) in [
        ("NEW", &rerun.new),
        ("RESOLVED", &rerun.resolved),
        ("CHANGED", &rerun.severity_changed),
    ] {
        for change in changes {
            let _ = writeln!(
                out,
                "  {label:<9} {:>8} -> {:<8} {:<8} {}",
                severity(change.before),
                severity(change.after),
                plain(&change.rule),
                plain(&change.message)
            );
        }
    }
    let _ = writeln!(
        out,
        "  {} new, {} resolved, {} with another severity, {} unchanged",
        rerun.new.len(),
        rerun.resolved.len(),
        rerun.severity_changed.len(),
        rerun.unchanged
    );
    if let Some(review) = &read.review {
        let items = bundle::items(rerun);
        let counts = review.counts(&items);
        let _ = writeln!(
            out,
            "\nreview by {} at {}: {} confirmed, {} dismissed, {} need follow-up, {} not triaged, {} added",
            plain(&review.reviewer),
            plain(&review.reviewed_at),
            counts.confirmed,
            counts.dismissed,
            counts.follow_up,
            counts.untriaged,
            review.added.len()
        );
        if !review.note.is_empty() {
            let _ = writeln!(out, "  note: {}", plain(&review.note));
        }
        for item in &items {
            let Some(triage) = review.triage(&item.key) else {
                continue;
            };
            let verdict = triage.verdict.map_or("noted", Verdict::name);
            let _ = writeln!(
                out,
                "  {:<15} {:<8} {}",
                verdict.to_uppercase(),
                plain(item.rule()),
                plain(item.message())
            );
            for (label, text) in [("reason", &triage.reason), ("note", &triage.note)] {
                if !text.is_empty() {
                    let _ = writeln!(out, "  {:<15} {label}: {}", "", plain(text));
                }
            }
        }
        for added in &review.added {
            let _ = writeln!(
                out,
                "  {:<15} {:<8} {} ({}): {}",
                "ADDED",
                plain(&added.id),
                plain(&added.title),
                added.severity.name(),
                plain(&added.message)
            );
        }
    }
    out
}

fn json(read: &ReadBundle, rerun: &Rerun) -> String {
    let mut text = serde_json::to_string_pretty(&serde_json::json!({
        "intact": read.integrity.is_intact(),
        "integrity": read.integrity.files,
        "manifest": read.manifest,
        "rerun": {
            "ruleset_version": rerun.assessment.ruleset_version,
            "ruleset_change": rerun.ruleset_change,
            "new": rerun.new,
            "resolved": rerun.resolved,
            "severity_changed": rerun.severity_changed,
            "unchanged": rerun.unchanged,
            "summary": rerun.assessment.summary,
        },
        "review": read.review,
        "triage": read.review.as_ref().map(|review| review.counts(&bundle::items(rerun))),
    }))
    .unwrap_or_else(|_| unreachable!("a review is plain JSON"));
    text.push('\n');
    text
}

fn markdown(path: &Path, read: &ReadBundle, rerun: &Rerun) -> String {
    let mut out = String::new();
    let manifest = &read.manifest;
    let _ = writeln!(
        out,
        "# Bundle review: {}\n",
        markdown_escape(&path.display().to_string())
    );
    let _ = writeln!(
        out,
        "- Created: {}\n- Made with: VCSP Intake {}, bundle schema {}\n- Rule set: {} (sha256 `{}`)\n",
        markdown_escape(&manifest.created_at),
        markdown_escape(&manifest.app_version),
        manifest.bundle_schema_version,
        markdown_escape(&manifest.ruleset_version),
        markdown_escape(&manifest.ruleset_sha256)
    );
    let _ = writeln!(
        out,
        "## Integrity: {}\n\n| File | Status |\n| --- | --- |",
        if read.integrity.is_intact() {
            "intact"
        } else {
            "FAILED"
        }
    );
    for file in &read.integrity.files {
        let _ = writeln!(
            out,
            "| {} | {} |",
            markdown_escape(&file.name),
            status_text(file)
        );
    }
    let _ = writeln!(out, "\n## Re-run with this version's rules\n");
    if let Some(change) = &rerun.ruleset_change {
        let _ = writeln!(
            out,
            "The rule set differs: bundle {} (sha256 `{}`), now {} (sha256 `{}`).\n",
            markdown_escape(&change.bundle_version),
            markdown_escape(&change.bundle_sha256),
            change.current_version,
            change.current_sha256
        );
    }
    let _ = writeln!(
        out,
        "{} new, {} resolved, {} with another severity, {} unchanged.\n",
        rerun.new.len(),
        rerun.resolved.len(),
        rerun.severity_changed.len(),
        rerun.unchanged
    );
    if rerun.has_changes() {
        let _ = writeln!(
            out,
            "| Change | Before | After | Rule | Message |\n| --- | --- | --- | --- | --- |"
        );
        for (label, changes) in [
            ("new", &rerun.new),
            ("resolved", &rerun.resolved),
            ("severity", &rerun.severity_changed),
        ] {
            for change in changes {
                let _ = writeln!(
                    out,
                    "| {label} | {} | {} | {} | {} |",
                    severity(change.before),
                    severity(change.after),
                    markdown_escape(&change.rule),
                    markdown_escape(&change.message)
                );
            }
        }
    }
    if let Some(review) = &read.review {
        let counts = review.counts(&bundle::items(rerun));
        let _ = writeln!(
            out,
            "\n## Review\n\nBy {} at {}: {} confirmed, {} dismissed, {} need follow-up, {} not \
             triaged, {} added by the reviewer. The full review is `{}` in the bundle.",
            markdown_escape(&review.reviewer),
            markdown_escape(&review.reviewed_at),
            counts.confirmed,
            counts.dismissed,
            counts.follow_up,
            counts.untriaged,
            review.added.len(),
            bundle::REVIEW_MD
        );
    }
    out
}
