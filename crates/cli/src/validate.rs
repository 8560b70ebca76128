//! `intake validate ANSWERS.json`: the problems in an answers file.

use std::fmt::Write;
use std::path::Path;

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::validate::{Severity, validate};

use crate::Output;
use crate::input::{MAX_ANSWERS_BYTES, read_text};

pub fn run(questionnaire: &Questionnaire, path: &Path, json: bool) -> Result<Output, String> {
    let text = read_text(path, MAX_ANSWERS_BYTES)?;
    let answers = Answers::from_json(&text, questionnaire)
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let problems = validate(questionnaire, &answers);
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let stdout = if json {
        let mut text = serde_json::to_string_pretty(&serde_json::json!({
            "problems": problems,
            "errors": errors,
            "warnings": warnings,
        }))
        .unwrap_or_else(|_| unreachable!("problems are plain JSON"));
        text.push('\n');
        text
    } else {
        let mut out = String::new();
        for problem in &problems {
            let severity = match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let _ = writeln!(out, "{severity:<7} {}: {}", problem.path, problem.message);
        }
        let _ = writeln!(
            out,
            "{}: {}, {} {}",
            path.display(),
            plural(errors, "blocking error"),
            plural(warnings, "warning"),
            if errors == 0 {
                "(ready to export)"
            } else {
                "(fix the errors before export)"
            }
        );
        out
    };
    Ok(Output {
        stdout,
        code: u8::from(errors > 0),
    })
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}
