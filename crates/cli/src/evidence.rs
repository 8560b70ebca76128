//! `intake evidence FILE... [--answers ANSWERS.json] [-o OUT.json] [--json]`: reads collectors'
//! exports (an RVTools `.xlsx`, a Veeam Healthcheck CSV folder, a zip of it or one of its CSV files),
//! prints what they would set in the answers, where they agree, and where they disagree with what
//! the partner answered, and what the evidence rules find beyond those answers (links answered at
//! one MTU while the hosts carry another, a repository answered immutable that is not, gateways
//! answered that are not configured); with `-o`, writes the answers with what was blank set (a
//! disagreement is never overwritten: a person decides it). Exit 0, 1 when there are
//! disagreements, 2 for input that cannot be read.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use intake_core::answers::Answers;
use intake_core::evidence::map::{Change, Proposal, apply, propose};
use intake_core::evidence::{self, Evidence, MAX_FILE_BYTES};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, Finding, FindingKind, assess};

use crate::Output;
use crate::input::{MAX_ANSWERS_BYTES, read_text};

/// The most files read from one folder.
const MAX_FOLDER_FILES: usize = 10_000;

/// Reads one file's bytes, refusing what is larger than an export may be.
fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .map_err(|error| format!("cannot open {shown}: {error}"))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(format!(
            "{shown} is larger than {} MiB: not an export this tool reads",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(path).map_err(|error| format!("cannot read {shown}: {error}"))
}

/// The CSV files under a folder, with their paths relative to it.
fn folder_files(root: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|error| format!("cannot read {}: {error}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|error| format!("cannot read {}: {error}", folder.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("csv"))
            {
                if files.len() >= MAX_FOLDER_FILES {
                    return Err(format!(
                        "{} holds more than {MAX_FOLDER_FILES} CSV files: not a Healthcheck folder",
                        root.display()
                    ));
                }
                let relative = path.strip_prefix(root).unwrap_or(&path);
                files.push((relative.to_string_lossy().into_owned(), read_bytes(&path)?));
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// A file or folder as the app takes it when picked: a file as it is, named by its file name; a
/// folder as its CSV files, each named by its path from the folder's parent
/// (`vhc/localhost_vbrinfo.csv`).
pub fn picked(path: &Path) -> Result<Vec<evidence::Picked>, String> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if path.is_dir() {
        Ok(folder_files(path)?
            .into_iter()
            .map(|(relative, bytes)| evidence::Picked {
                name: format!("{name}/{relative}"),
                bytes,
            })
            .collect())
    } else {
        Ok(vec![evidence::Picked {
            name,
            bytes: read_bytes(path)?,
        }])
    }
}

fn read_export(path: &Path) -> Result<Evidence, String> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let result = if path.is_dir() {
        evidence::healthcheck::read_files(&name, &folder_files(path)?)
    } else {
        evidence::read(&name, &read_bytes(path)?)
    };
    result.map_err(|error| error.to_string())
}

pub fn run(
    questionnaire: &Questionnaire,
    files: &[PathBuf],
    answers_path: Option<&Path>,
    out: Option<&Path>,
    json: bool,
    today: time::Date,
    max_age_days: u32,
) -> Result<Output, String> {
    let mut evidence = Evidence::default();
    for file in files {
        evidence.merge(read_export(file)?);
    }
    let answers = match answers_path {
        Some(path) => {
            let text = read_text(path, MAX_ANSWERS_BYTES)?;
            Answers::from_json(&text, questionnaire)
                .map_err(|error| format!("{}: {error}", path.display()))?
        }
        None => Answers::default(),
    };
    let proposals = propose(questionnaire, &answers, &evidence);
    let differs: Vec<&Proposal> = proposals
        .iter()
        .filter(|p| matches!(p.change, Change::Differs { .. }))
        .collect();
    let stale = stale(&evidence, today, max_age_days);
    let others = other_disagreements(questionnaire, &answers, &evidence, &proposals);

    let mut written = None;
    if let Some(out) = out {
        let taken: Vec<&Proposal> = proposals
            .iter()
            .filter(|p| matches!(p.change, Change::Set | Change::NewItem))
            .collect();
        let merged = apply(&answers, &evidence, &taken);
        std::fs::write(out, merged.to_json())
            .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
        written = Some((out, taken.len()));
    }

    let stdout = if json {
        let mut text = serde_json::to_string_pretty(&serde_json::json!({
            "sources": evidence.sources,
            "proposals": proposals,
            "disagreements": differs.len() + others.len(),
            "other_disagreements": others
                .iter()
                .map(|f| serde_json::json!({"rule": f.rule, "severity": f.severity, "message": f.message}))
                .collect::<Vec<_>>(),
            "stale": stale.iter().map(|(file, days)| serde_json::json!({"file": file, "days": days})).collect::<Vec<_>>(),
            "notes": evidence.notes,
        }))
        .unwrap_or_else(|_| unreachable!("proposals are plain JSON"));
        text.push('\n');
        text
    } else {
        text(
            questionnaire,
            &evidence,
            &proposals,
            &others,
            &stale,
            max_age_days,
            written,
        )
    };
    Ok(Output {
        stdout,
        code: u8::from(!differs.is_empty() || !others.is_empty()),
    })
}

/// What the evidence rules find beyond the answers the evidence would change: links answered at
/// one MTU while the hosts carry another, a repository answered immutable that is not, gateways
/// answered that are not configured (each answer the evidence contradicts is already listed).
fn other_disagreements(
    questionnaire: &Questionnaire,
    answers: &Answers,
    evidence: &Evidence,
    proposals: &[Proposal],
) -> Vec<Finding> {
    let kept = apply(answers, evidence, &[]);
    let listed: Vec<String> = proposals
        .iter()
        .filter(|p| matches!(p.change, Change::Differs { .. }))
        .map(|p| format!("{}: the answer is", p.question_words(questionnaire)))
        .collect();
    assess(questionnaire, &kept, &Config::default())
        .findings
        .into_iter()
        .filter(|f| {
            f.kind == FindingKind::Issue && f.rule.starts_with("EVD-") && f.rule != "EVD-007"
        })
        .filter(|f| {
            let messages: Vec<&str> = if f.occurrences.is_empty() {
                vec![f.message.as_str()]
            } else {
                f.occurrences.iter().map(|o| o.message.as_str()).collect()
            };
            !messages
                .iter()
                .all(|m| listed.iter().any(|prefix| m.starts_with(prefix.as_str())))
        })
        .collect()
}

/// The exports older than `max_age_days`, with their age in days.
fn stale(evidence: &Evidence, today: time::Date, max_age_days: u32) -> Vec<(String, i64)> {
    evidence
        .sources
        .iter()
        .filter_map(|source| {
            let at = source.collected_at.as_deref()?;
            let date = intake_core::values::date(at.get(..10)?).ok()?;
            let days = (today - date).whole_days();
            (days > i64::from(max_age_days)).then(|| (source.file.clone(), days))
        })
        .collect()
}

fn text(
    questionnaire: &Questionnaire,
    evidence: &Evidence,
    proposals: &[Proposal],
    others: &[Finding],
    stale: &[(String, i64)],
    max_age_days: u32,
    written: Option<(&Path, usize)>,
) -> String {
    let mut out = String::new();
    for source in &evidence.sources {
        let _ = write!(out, "Read {} from {}", source.collector.name(), source.file);
        if let Some(version) = &source.collector_version {
            let _ = write!(out, " ({} {version})", source.collector.name());
        }
        if let Some(server) = &source.server {
            let _ = write!(out, ", {server}");
        }
        if let Some(at) = &source.collected_at {
            let _ = write!(out, ", collected {at}");
        }
        out.push('\n');
    }
    for (file, days) in stale {
        let _ = writeln!(
            out,
            "Old evidence: {file} was collected {days} days ago (more than {max_age_days}): run the collector again before relying on it"
        );
    }
    let source_of = |p: &Proposal| {
        let source = &evidence.sources[p.from.source];
        format!(
            "{} {}, {} row {}, {}",
            source.collector.name(),
            source.file,
            p.from.table,
            p.from.row,
            p.fact
        )
    };
    let mut section =
        |title: &str, wanted: &dyn Fn(&Change) -> bool, line: &dyn Fn(&Proposal) -> String| {
            let chosen: Vec<&Proposal> = proposals.iter().filter(|p| wanted(&p.change)).collect();
            if chosen.is_empty() {
                return;
            }
            let _ = writeln!(out, "\n{title} ({})", chosen.len());
            for proposal in chosen {
                let _ = writeln!(out, "  {}", line(proposal));
            }
        };
    section(
        "Disagrees with the answers",
        &|c| matches!(c, Change::Differs { .. }),
        &|p| {
            let now = match &p.change {
                Change::Differs { now } => now.as_str(),
                _ => "",
            };
            format!(
                "{}: the answers say {now}; the evidence says {}\n    ({})",
                p.question_words(questionnaire),
                p.value_words(questionnaire),
                source_of(p)
            )
        },
    );
    section("Sets what is blank", &|c| *c == Change::Set, &|p| {
        format!(
            "{}: {}\n    ({})",
            p.question_words(questionnaire),
            p.value_words(questionnaire),
            source_of(p)
        )
    });
    section(
        "Adds items the answers do not have",
        &|c| *c == Change::NewItem,
        &|p| {
            format!(
                "{}: {}\n    ({})",
                p.question_words(questionnaire),
                p.value_words(questionnaire),
                source_of(p)
            )
        },
    );
    if !others.is_empty() {
        let _ = writeln!(
            out,
            "\nAlso disagrees with the answers, as the evidence rules find ({})",
            others.len()
        );
        for finding in others {
            let _ = writeln!(
                out,
                "  {} ({}): {}",
                finding.rule,
                finding.severity.name(),
                finding.message
            );
        }
    }
    let same = proposals
        .iter()
        .filter(|p| p.change == Change::Same)
        .count();
    if same > 0 {
        let _ = writeln!(out, "\nAgrees with the answers: {same}");
    }
    if !evidence.notes.is_empty() {
        let _ = writeln!(out, "\nNot read");
        for note in &evidence.notes {
            let _ = writeln!(out, "  {note}");
        }
    }
    if let Some((path, taken)) = written {
        let _ = writeln!(
            out,
            "\nWrote {} with {taken} answers set from the evidence; disagreements were left as the answers say",
            path.display()
        );
    }
    out
}
