//! What `intake review` shows of a bundle: its manifest, each file's integrity, the findings of
//! this build's rules against the bundle's ([`Rerun`]) and the tech lead's review, as text for a
//! terminal ([`review_text`]), as Markdown ([`review_markdown`]) and as a schema-versioned JSON
//! document ([`ReviewDocument`], published as `docs/schema/review-document.schema.json`).
//!
//! The renderers do no I/O: the caller reads the bundle ([`super::read`]), re-runs it
//! ([`super::rerun`]) and passes the file's name as the user gave it. A review made on findings
//! of an older format is shown on the keys the current rules give them ([`Review::adopt`]).

use std::fmt::Write;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::Serialize;

use super::{
    FileIntegrity, FileStatus, FindingChange, Manifest, REVIEW, REVIEW_MD, ReadBundle, Rerun,
    Review, RulesetChange, Verdict, VerdictCounts, items, pretty,
};
use crate::playbooks::walk::Walk;
use crate::rules::render::{is_bidi_control, markdown_escape};
use crate::rules::{Severity, Summary};

/// The review document format version this build writes.
pub const REVIEW_DOCUMENT_SCHEMA_VERSION: u32 = 1;

/// `intake review --format json`: a bundle's integrity, manifest, re-run and review.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "VCSP Intake bundle review document")]
pub struct ReviewDocument {
    /// Version of this document's format ([`REVIEW_DOCUMENT_SCHEMA_VERSION`]). Keys may be added
    /// within a version; a change to an existing key bumps it.
    pub review_document_schema_version: u32,
    /// Whether every file matches the manifest (the review reports, `review.json`), and every
    /// file the manifest lists is there.
    pub intact: bool,
    /// Every file of the archive and of the manifest, by name, with its status.
    pub integrity: Vec<FileIntegrity>,
    /// The bundle's `manifest.json`.
    pub manifest: Manifest,
    /// The bundle's answers assessed with this build's rules, compared with its `findings.json`.
    pub rerun: ReviewRerun,
    /// The playbooks the partner walked (`walks.json`; none in a bundle of schema 1).
    pub walks: Vec<Walk>,
    /// The collectors' exports the partner sent (under `evidence/`; none unless they chose to).
    pub exports: Vec<SentExport>,
    /// The tech lead's `review.json`, when the bundle has been reviewed; its triage on the keys
    /// the current rules give the findings.
    pub review: Option<Review>,
    /// How many of the re-run's findings (and of the bundle's, resolved since) have each verdict,
    /// when the bundle has been reviewed.
    pub triage: Option<VerdictCounts>,
}

/// A collector's export sent with the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SentExport {
    /// Its name in the archive, without `evidence/`.
    pub name: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// The exports a bundle carries, as [`SentExport`]s.
fn sent(bundle: &ReadBundle) -> Vec<SentExport> {
    bundle
        .exports
        .iter()
        .map(|file| SentExport {
            name: file.name.clone(),
            bytes: file.bytes.len(),
        })
        .collect()
}

/// The exports a bundle carries in words: "2 files, 21.3 KiB in all, under evidence/ in the
/// bundle", or that none were sent. Each is listed with the bundle's other files.
pub(super) fn exports_line(bundle: &ReadBundle) -> String {
    let count = bundle.exports.len();
    if count == 0 {
        return "none sent".to_owned();
    }
    let bytes = bundle.exports.iter().map(|file| file.bytes.len()).sum();
    format!(
        "{count} {}, {} in all, under {} in the bundle",
        if count == 1 { "file" } else { "files" },
        crate::display::file_size(bytes),
        super::exports::FOLDER
    )
}

/// The re-run as the review document gives it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ReviewRerun {
    /// The rule set version of this build.
    pub ruleset_version: String,
    /// Set when the bundle was made with another rule set (version or catalogue hash).
    pub ruleset_change: Option<RulesetChange>,
    /// Findings now that the bundle does not have.
    pub new: Vec<FindingChange>,
    /// Findings in the bundle that are gone now.
    pub resolved: Vec<FindingChange>,
    /// Findings in both, with another severity now.
    pub severity_changed: Vec<FindingChange>,
    /// How many findings are in both with the same severity.
    pub unchanged: usize,
    /// The counts of the re-run, per category and overall, as in `findings.json`.
    pub summary: Summary,
}

impl ReviewDocument {
    /// The document for a bundle read with [`super::read`] and re-run with [`super::rerun`].
    pub fn new(bundle: &ReadBundle, rerun: &Rerun) -> ReviewDocument {
        let review = adopted(bundle, rerun);
        let triage = review.as_ref().map(|review| review.counts(&items(rerun)));
        ReviewDocument {
            review_document_schema_version: REVIEW_DOCUMENT_SCHEMA_VERSION,
            intact: bundle.integrity.is_intact(),
            integrity: bundle.integrity.files.clone(),
            manifest: bundle.manifest.clone(),
            rerun: ReviewRerun {
                ruleset_version: rerun.assessment.ruleset_version.to_owned(),
                ruleset_change: rerun.ruleset_change.clone(),
                new: rerun.new.clone(),
                resolved: rerun.resolved.clone(),
                severity_changed: rerun.severity_changed.clone(),
                unchanged: rerun.unchanged,
                summary: rerun.assessment.summary.clone(),
            },
            walks: bundle.walks.clone(),
            exports: sent(bundle),
            review,
            triage,
        }
    }

    /// The document as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        pretty(self)
    }
}

/// `intake review --format json`: [`ReviewDocument`] as pretty JSON with a final newline.
pub fn review_json(bundle: &ReadBundle, rerun: &Rerun) -> String {
    ReviewDocument::new(bundle, rerun).to_json()
}

/// The JSON Schema of [`ReviewDocument`], pretty-printed (published as
/// `docs/schema/review-document.schema.json`). The document is only written, so the schema says
/// what is written: a key that is always there (`null` when empty, as `review`) is required.
pub fn review_document_schema() -> String {
    let schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<ReviewDocument>();
    pretty(&schema)
}

/// The bundle's review with its triage carried over to the current rules' keys.
fn adopted(bundle: &ReadBundle, rerun: &Rerun) -> Option<Review> {
    bundle.review.clone().map(|mut review| {
        review.adopt(rerun);
        review
    })
}

/// Each walk as the path taken, one line a step, then where it ended.
fn walk_lines(out: &mut String, title: &str, walks: &[Walk]) {
    if walks.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}:");
    for walk in walks {
        let _ = writeln!(
            out,
            "  {} started {}",
            plain(&walk.playbook),
            plain(&walk.started_at)
        );
        for (number, taken) in walk.steps.iter().enumerate() {
            let found = taken
                .found
                .as_deref()
                .map_or_else(|| "(stopped here)".to_owned(), plain);
            let _ = writeln!(out, "    {}. {}: {found}", number + 1, plain(&taken.title));
            if let Some(suggested) = &taken.suggested {
                let agreed = taken.found.as_deref() == Some(suggested.found.as_str());
                let _ = writeln!(
                    out,
                    "       answers suggested: {}{}",
                    plain(&suggested.found),
                    if agreed { " (confirmed)" } else { "" }
                );
            }
            if !taken.note.is_empty() {
                let _ = writeln!(out, "       note: {}", plain(&taken.note));
            }
        }
        match walk.ended() {
            Some(conclusion) => {
                let _ = writeln!(out, "    cause: {}", plain(&conclusion.cause));
                let _ = writeln!(out, "    fix: {}", plain(&conclusion.fix));
            }
            None => {
                let _ = writeln!(out, "    not finished");
            }
        }
    }
}

/// A file's status in words.
fn status_text(file: &FileIntegrity) -> &'static str {
    match file.status {
        FileStatus::Intact => "intact",
        FileStatus::Modified if file.name == REVIEW => {
            "MODIFIED: the review names another bundle's manifest"
        }
        FileStatus::Modified => "MODIFIED: its hash differs from the manifest's",
        FileStatus::Missing => "MISSING: listed in the manifest, not in the archive",
        FileStatus::Unlisted => "UNLISTED: not in the manifest",
    }
}

/// A severity's name, or `-` for none (before a new finding, after a resolved one).
fn severity(severity: Option<Severity>) -> &'static str {
    severity.map_or("-", Severity::name)
}

/// Text with control characters and direction controls shown as `?`, so a hostile bundle can
/// neither send escape sequences to the terminal nor reorder what it shows.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                '?'
            } else {
                c
            }
        })
        .collect()
}

/// `intake review` (text): the manifest, each file's integrity, what the re-run changed, and the
/// review: its counts, each verdict with its reason and note, the findings added. `name` is the
/// bundle's file as the user gave it. Every piece of text from the bundle (and the name) has its
/// control and direction characters shown as `?`.
pub fn review_text(name: &str, bundle: &ReadBundle, rerun: &Rerun) -> String {
    let mut out = String::new();
    let manifest = &bundle.manifest;
    let _ = writeln!(out, "bundle      {}", plain(name));
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
    let _ = writeln!(out, "exports     {}", exports_line(bundle));
    let intact = bundle.integrity.is_intact();
    let _ = writeln!(
        out,
        "\nintegrity: {}",
        if intact {
            "intact, every file matches the manifest"
        } else {
            "FAILED"
        }
    );
    let width = bundle
        .integrity
        .files
        .iter()
        .map(|file| file.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(20);
    for file in &bundle.integrity.files {
        let _ = writeln!(out, "  {:<width$} {}", plain(&file.name), status_text(file));
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
    walk_lines(&mut out, "playbooks walked by the partner", &bundle.walks);
    if let Some(review) = adopted(bundle, rerun) {
        let items = items(rerun);
        let _ = writeln!(
            out,
            "\nreview by {} at {}: {}, {} added",
            plain(&review.reviewer),
            plain(&review.reviewed_at),
            review.counts(&items),
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
            if !triage.plan.is_empty() {
                let _ = writeln!(out, "  {:<15} plan: {}", "", plain(&triage.plan.words()));
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
            if !added.plan.is_empty() {
                let _ = writeln!(out, "  {:<15} plan: {}", "", plain(&added.plan.words()));
            }
        }
        let walks: Vec<Walk> = review.walks.values().cloned().collect();
        walk_lines(&mut out, "playbooks walked in review", &walks);
        for (question, answer, note) in confirmed(bundle, &review) {
            let _ = write!(
                out,
                "  {:<15} {}: {}",
                "CONFIRMED",
                plain(&question),
                plain(&answer)
            );
            if !note.is_empty() {
                let _ = write!(out, " ({})", plain(&note));
            }
            out.push('\n');
        }
    }
    out
}

/// The answers the reviewer confirmed, in words: the question with its item, the answer, and how
/// it was confirmed. A path the bundle's answers or the questionnaire do not have is shown as it is.
pub(super) fn confirmed(bundle: &ReadBundle, review: &Review) -> Vec<(String, String, String)> {
    let questionnaire = crate::questionnaire::Questionnaire::builtin().ok();
    review
        .confirmed
        .iter()
        .map(|(path, confirmed)| {
            let (question, answer) = questionnaire
                .and_then(|q| crate::display::answer_at(q, &bundle.answers, path))
                .unwrap_or_else(|| (path.clone(), String::new()));
            (question, answer, confirmed.note.clone())
        })
        .collect()
}

/// `intake review --format md`: the manifest, a table of each file's integrity, what the re-run
/// changed (a table when anything did) and the review's counts. `name` is the bundle's file as
/// the user gave it. Every piece of text from the bundle (and the name) is escaped.
pub fn review_markdown(name: &str, bundle: &ReadBundle, rerun: &Rerun) -> String {
    let mut out = String::new();
    let manifest = &bundle.manifest;
    let _ = writeln!(out, "# Bundle review: {}\n", markdown_escape(name));
    let _ = writeln!(
        out,
        "- Created: {}\n- Made with: VCSP Intake {}, bundle schema {}\n- Rule set: {} (sha256 `{}`)\n- Collector exports: {}\n",
        markdown_escape(&manifest.created_at),
        markdown_escape(&manifest.app_version),
        manifest.bundle_schema_version,
        markdown_escape(&manifest.ruleset_version),
        markdown_escape(&manifest.ruleset_sha256),
        exports_line(bundle)
    );
    let _ = writeln!(
        out,
        "## Integrity: {}\n\n| File | Status |\n| --- | --- |",
        if bundle.integrity.is_intact() {
            "intact"
        } else {
            "FAILED"
        }
    );
    for file in &bundle.integrity.files {
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
    if let Some(review) = adopted(bundle, rerun) {
        let _ = writeln!(
            out,
            "\n## Review\n\nBy {} at {}: {}, {} added by the reviewer. The full review is `{}` in \
             the bundle.",
            markdown_escape(&review.reviewer),
            markdown_escape(&review.reviewed_at),
            review.counts(&items(rerun)),
            review.added.len(),
            REVIEW_MD
        );
        let confirmed = confirmed(bundle, &review);
        if !confirmed.is_empty() {
            let _ = writeln!(out, "\n### Answers confirmed on the platform\n");
            for (question, answer, note) in confirmed {
                let _ = write!(
                    out,
                    "- {}: {}",
                    markdown_escape(&question),
                    markdown_escape(&answer)
                );
                if !note.is_empty() {
                    let _ = write!(out, " ({})", markdown_escape(&note));
                }
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_shows_control_and_direction_characters_as_question_marks() {
        assert_eq!(plain("a\u{1b}[31mb\u{202e}c\nd"), "a?[31mb?c?d");
        assert_eq!(plain("“VCC-GW01” ünïcode"), "“VCC-GW01” ünïcode");
    }
}
