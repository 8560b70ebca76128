//! `intake rules` and `intake assess ANSWERS.json`.

use std::path::Path;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, FindingKind, Severity, assess, render, rules};

use crate::Output;
use crate::input::{MAX_ANSWERS_BYTES, read_text};

/// A rules config file is small; anything larger is not one.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

pub fn catalogue(json: bool) -> Result<Output, String> {
    let rules = rules();
    Ok(Output::ok(if json {
        let catalogue = crate::playbook::with_playbooks(render::catalogue_json(&rules))?;
        let mut text = serde_json::to_string_pretty(&catalogue)
            .unwrap_or_else(|_| unreachable!("the catalogue is plain JSON"));
        text.push('\n');
        text
    } else {
        render::catalogue_text(&rules)
    }))
}

/// Output formats of `intake assess`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Md,
    Csv,
    Sarif,
}

pub fn run(
    questionnaire: &Questionnaire,
    path: &Path,
    format: Format,
    config: Option<&Path>,
    fail_on: Option<Severity>,
) -> Result<Output, String> {
    let config = match config {
        Some(config_path) => Config::from_toml(&read_text(config_path, MAX_CONFIG_BYTES)?)
            .map_err(|error| format!("{}: {error}", config_path.display()))?,
        None => Config::default(),
    };
    let text = read_text(path, MAX_ANSWERS_BYTES)?;
    let answers = Answers::from_json(&text, questionnaire)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let assessment = assess(questionnaire, &answers, &config);
    let failed = fail_on.is_some_and(|threshold| {
        assessment
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::Issue && f.severity <= threshold)
    });
    let stdout = match format {
        Format::Text => render::assessment_text(&assessment),
        Format::Json => render::assessment_json(&assessment),
        Format::Md => render::assessment_markdown(&assessment),
        Format::Csv => render::assessment_csv(&assessment),
        Format::Sarif => render::assessment_sarif(&assessment, &rules()),
    };
    Ok(Output {
        stdout,
        code: u8::from(failed),
    })
}

/// Reads a severity name for `--fail-on`.
pub fn parse_severity(name: &str) -> Result<Severity, String> {
    Severity::from_name(name).ok_or_else(|| {
        format!("`{name}` is not a severity: use critical, high, medium, low or info")
    })
}
