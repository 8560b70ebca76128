//! `intake portfolio DIR_OR_BUNDLES...`: patterns across many partners' bundles, read in
//! parallel, each reduced to a summary as soon as it is read.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use intake_core::bundle::{self, portfolio};
use intake_core::questionnaire::Questionnaire;

use crate::Output;

/// Formats of `intake portfolio`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Json,
    Html,
}

/// Every file under `path` (a folder, read through) or `path` itself, sorted.
fn files(path: &Path, found: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    if !meta.is_dir() {
        found.push(path.to_owned());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            files(&entry, found)?;
        } else if entry
            .file_name()
            .is_some_and(|name| name.to_string_lossy().ends_with(".zip"))
        {
            found.push(entry);
        }
    }
    Ok(())
}

/// One file read: its environment, or why it could not be.
fn read_one(questionnaire: &Questionnaire, path: &Path) -> Result<portfolio::Environment, String> {
    let bytes = crate::bundle::read_bundle_bytes(path)?;
    let read = bundle::read(&bytes, questionnaire).map_err(|error| error.to_string())?;
    Ok(portfolio::environment(questionnaire, &read))
}

/// Reads every bundle under `paths` with `jobs` threads into a portfolio.
pub fn read_all(
    questionnaire: &Questionnaire,
    paths: &[PathBuf],
    jobs: usize,
) -> Result<portfolio::Portfolio, String> {
    let mut found = Vec::new();
    for path in paths {
        files(path, &mut found)?;
    }
    let next = AtomicUsize::new(0);
    let (send, receive) = mpsc::sync_channel(64);
    let mut portfolio = portfolio::Portfolio::default();
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            let send = send.clone();
            let (next, found) = (&next, &found);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = found.get(index) else { break };
                    if send.send((path, read_one(questionnaire, path))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        for (path, read) in receive {
            match read {
                Ok(environment) => portfolio.add(environment),
                Err(reason) => portfolio.unreadable(path.display().to_string(), reason),
            }
        }
    });
    Ok(portfolio)
}

pub fn run(
    questionnaire: &Questionnaire,
    paths: &[PathBuf],
    format: Format,
    with_names: bool,
    jobs: Option<usize>,
    out: Option<&Path>,
) -> Result<Output, String> {
    let jobs = jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
    });
    let report = read_all(questionnaire, paths, jobs)?.report(with_names);
    let text = match format {
        Format::Text => report.text(),
        Format::Csv => report.csv(),
        Format::Json => report.to_json(),
        Format::Html => report.html(),
    };
    Output::to(text, out)
}
