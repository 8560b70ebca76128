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

/// The severities of an assessment's issues, most severe first, as "N severity" counts.
fn counts(assessment: &Assessment) -> Vec<(Severity, usize)> {
    Severity::ALL
        .iter()
        .map(|severity| {
            let count = assessment
                .summary
                .overall
                .findings
                .get(severity.name())
                .copied()
                .unwrap_or(0);
            (*severity, count)
        })
        .collect()
}

/// Escapes partner-typed text (names, values, messages that quote them) for Markdown, so it
/// renders as plain text: no emphasis, code, links, HTML or table cells. It is only ever placed
/// after fixed text on a line, so line-start syntax (lists, headings) cannot trigger.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if is_bidi_control(c) => {
                let _ = write!(out, "[U+{:04X}]", u32::from(c));
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The assessment as Markdown: summary, then findings with evidence, playbook and references.
pub fn assessment_markdown(assessment: &Assessment) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# VCSP Intake assessment\n");
    let _ = writeln!(out, "Rule set {}\n", assessment.ruleset_version);
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(out, "| Severity | Findings |\n| --- | ---: |");
    for (severity, count) in counts(assessment) {
        let _ = writeln!(out, "| {} | {count} |", severity.name());
    }
    let _ = writeln!(
        out,
        "| needs verification | {} |\n",
        assessment.summary.overall.needs_verification
    );
    for (heading, kind) in [
        ("Findings", FindingKind::Issue),
        ("To verify", FindingKind::NeedsVerification),
    ] {
        let findings: Vec<_> = assessment
            .findings
            .iter()
            .filter(|finding| finding.kind == kind)
            .collect();
        if findings.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {heading}\n");
        for finding in findings {
            let _ = writeln!(
                out,
                "### {} {}: {}\n",
                finding.severity.name(),
                finding.rule,
                finding.title
            );
            let _ = writeln!(out, "{}\n", markdown_escape(&finding.message));
            let _ = writeln!(out, "Evidence:\n");
            for evidence in &finding.evidence {
                let _ = writeln!(
                    out,
                    "- {}: {}",
                    markdown_escape(&evidence.path),
                    markdown_escape(&evidence.value)
                );
            }
            let _ = writeln!(out, "\nRemediation:\n");
            for (step, text) in finding.remediation.iter().enumerate() {
                let _ = writeln!(out, "{}. {text}", step + 1);
            }
            let _ = writeln!(out, "\nReferences:\n");
            for reference in finding.references {
                let _ = writeln!(out, "- <{reference}>");
            }
            out.push('\n');
        }
    }
    out
}

/// Unicode's explicit direction controls (embeddings, overrides, isolates and marks). In text a
/// partner typed they can make a report read differently from what it says ("Trojan Source"), so
/// reports show them as `[U+202E]` instead.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A cell safe to open in a spreadsheet: text that would start a formula gets a leading `'`.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The findings as CSV, one row per finding, for spreadsheets.
pub fn assessment_csv(assessment: &Assessment) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "rule",
        "title",
        "category",
        "severity",
        "kind",
        "message",
        "evidence",
        "remediation",
        "references",
    ];
    let mut rows = vec![header.map(str::to_owned).to_vec()];
    for finding in &assessment.findings {
        let evidence: Vec<String> = finding
            .evidence
            .iter()
            .map(|e| format!("{} = {}", e.path, e.value))
            .collect();
        rows.push(vec![
            finding.rule.to_owned(),
            finding.title.to_owned(),
            finding.category.name().to_owned(),
            finding.severity.name().to_owned(),
            match finding.kind {
                FindingKind::Issue => "issue",
                FindingKind::NeedsVerification => "needs_verification",
            }
            .to_owned(),
            cell(&finding.message),
            cell(&evidence.join("; ")),
            finding.remediation.join(" | "),
            finding.references.join(" "),
        ]);
    }
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&row);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// The SARIF 2.1.0 level for a severity; the exact severity is kept in `properties.severity`.
fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub's `security-severity` score for a severity.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "0.0",
    }
}

/// The assessment as SARIF 2.1.0: the rules that produced findings, and one result per finding,
/// located at the questions of its evidence. Severities are kept in `properties`.
pub fn assessment_sarif(assessment: &Assessment, rules: &[&Rule]) -> String {
    let used: Vec<&&Rule> = rules
        .iter()
        .filter(|rule| assessment.findings.iter().any(|f| f.rule == rule.id))
        .collect();
    let sarif_rules: Vec<Value> = used
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.title,
                "shortDescription": { "text": rule.title },
                "fullDescription": { "text": rule.checks },
                "help": {
                    "text": format!("{}\n\n{}", rule.why, rule.remediation.join("\n")),
                },
                "helpUri": rule.references.first(),
                "defaultConfiguration": { "level": sarif_level(rule.severity) },
                "properties": {
                    "category": rule.category,
                    "severity": rule.severity,
                    "security-severity": security_severity(rule.severity),
                },
            })
        })
        .collect();
    let results: Vec<Value> = assessment
        .findings
        .iter()
        .map(|finding| {
            let index = used.iter().position(|rule| rule.id == finding.rule);
            let locations: Vec<Value> = finding
                .evidence
                .iter()
                .map(|evidence| {
                    json!({ "logicalLocations": [{
                        "fullyQualifiedName": evidence.path,
                        "kind": "member",
                    }] })
                })
                .collect();
            json!({
                "ruleId": finding.rule,
                "ruleIndex": index,
                "level": match finding.kind {
                    FindingKind::Issue => sarif_level(finding.severity),
                    FindingKind::NeedsVerification => "note",
                },
                "kind": match finding.kind {
                    FindingKind::Issue => "fail",
                    FindingKind::NeedsVerification => "review",
                },
                "message": { "text": finding.message },
                "locations": locations,
                "properties": {
                    "severity": finding.severity,
                    "finding_kind": finding.kind,
                    "evidence": finding.evidence,
                },
            })
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": crate::PRODUCT_NAME,
                "version": crate::VERSION,
                "semanticVersion": assessment.ruleset_version,
                "rules": sarif_rules,
            } },
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&sarif)
        .unwrap_or_else(|_| unreachable!("SARIF is plain JSON"));
    text.push('\n');
    text
}
