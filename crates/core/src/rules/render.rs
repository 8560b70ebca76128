//! Rules and assessments as text and JSON, shared by the command-line tool and the web app.

use std::fmt::Write;

use serde_json::{Value, json};

use super::{Assessment, FindingKind, Rule, Severity};

/// The catalogue as JSON: an array of rules with `id`, `title`, `category`, `severity`, `since`,
/// `docs` (what it checks, then why it matters), `checks`, `why`, `remediation` (steps) and
/// `references` (URLs).
pub fn catalogue_json(rules: &[&Rule]) -> Value {
    Value::Array(
        rules
            .iter()
            .map(|rule| {
                json!({
                    "id": rule.id,
                    "title": rule.title,
                    "category": rule.category,
                    "severity": rule.severity,
                    "since": rule.since,
                    "docs": format!("What it checks: {}\n\nWhy it matters: {}", rule.checks, rule.why),
                    "checks": rule.checks,
                    "why": rule.why,
                    "remediation": rule.remediation,
                    "references": rule.references,
                })
            })
            .collect(),
    )
}

/// The catalogue as a plain-text list.
pub fn catalogue_text(rules: &[&Rule]) -> String {
    let mut out = String::new();
    for rule in rules {
        let _ = writeln!(
            out,
            "{:<8} {:<8} {:<14} {}",
            rule.id,
            rule.severity.name(),
            rule.category.name(),
            rule.title
        );
    }
    let _ = writeln!(out, "{} rules", rules.len());
    out
}

/// The assessment as JSON: `ruleset_version`, `summary` and `findings`.
pub fn assessment_json(assessment: &Assessment) -> String {
    let mut text = serde_json::to_string_pretty(assessment)
        .unwrap_or_else(|_| unreachable!("an assessment is plain JSON"));
    text.push('\n');
    text
}

/// The assessment as text: each finding with its evidence, then the counts.
pub fn assessment_text(assessment: &Assessment) -> String {
    let mut out = String::new();
    for finding in &assessment.findings {
        let label = match finding.kind {
            FindingKind::Issue => finding.severity.name().to_uppercase(),
            FindingKind::NeedsVerification => "VERIFY".to_owned(),
        };
        let _ = writeln!(out, "{label:<8} {:<8} {}", finding.rule, finding.message);
        for evidence in &finding.evidence {
            let _ = writeln!(out, "{:17}{} = {}", "", evidence.path, evidence.value);
        }
    }
    let overall = &assessment.summary.overall;
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|severity| {
            format!(
                "{} {}",
                overall.findings.get(severity.name()).copied().unwrap_or(0),
                severity.name()
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "findings: {}; {} to verify; rules: {} passed, {} failed, {} unverified, {} not assessed, {} not applicable",
        counts.join(", "),
        overall.needs_verification,
        overall.rules_passed,
        overall.rules_failed,
        overall.rules_unverified,
        overall.rules_not_assessed,
        overall.rules_not_applicable
    );
    out
}
