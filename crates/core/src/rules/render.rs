//! Rules and assessments as text and JSON, shared by the command-line tool and the web app.

use std::fmt::Write;

use serde_json::{Value, json};

use super::{Assessment, Evidence, Finding, FindingKind, Rule, Severity};
use crate::document::{self, Block, assessment as parts};

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

/// Partner text as a terminal shows it: control characters and direction controls as `[U+202E]`.
pub fn terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            let _ = write!(out, "[U+{:04X}]", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The assessment as text: the counts first (issues apart from the findings to verify), then
/// the issues, the findings to verify and the rules not assessed, with the answers in words.
pub fn assessment_text(assessment: &Assessment) -> String {
    let mut out = String::new();
    let overall = &assessment.summary.overall;
    let _ = writeln!(
        out,
        "{}; {} to verify",
        parts::issues_in_words(&parts::issue_counts(assessment)),
        overall.needs_verification
    );
    let _ = writeln!(
        out,
        "rules: {} passed, {} failed, {} unverified, {} not assessed, {} not applicable",
        overall.rules_passed,
        overall.rules_failed,
        overall.rules_unverified,
        overall.rules_not_assessed,
        overall.rules_not_applicable
    );
    let evidence = |out: &mut String, evidence: &[Evidence]| {
        for evidence in evidence {
            let _ = writeln!(
                out,
                "{:17}{}: {}",
                "",
                terminal(&evidence.question),
                terminal(&evidence.answer)
            );
        }
    };
    let issues: Vec<&Finding> = assessment.issues().collect();
    if !issues.is_empty() {
        let _ = writeln!(out, "\nIssues");
    }
    for finding in issues {
        let label = finding.severity.name().to_uppercase();
        if finding.occurrences.is_empty() {
            let _ = writeln!(
                out,
                "{label:<8} {:<8} {}",
                finding.rule,
                terminal(&finding.message)
            );
            evidence(&mut out, &finding.evidence);
            continue;
        }
        // One cause in several items: the rule's title says what, the message which items, then
        // each item's own message and evidence.
        let _ = writeln!(
            out,
            "{label:<8} {:<8} {}: {}",
            finding.rule,
            finding.title,
            terminal(&finding.message)
        );
        for occurrence in &finding.occurrences {
            let _ = writeln!(out, "{:17}- {}", "", terminal(&occurrence.message));
            evidence(&mut out, &occurrence.evidence);
        }
    }
    let verify: Vec<&Finding> = assessment.to_verify().collect();
    if !verify.is_empty() {
        let _ = writeln!(
            out,
            "\nTo verify (not issues: each says how serious it could be if the check fails)"
        );
    }
    for finding in verify {
        let _ = writeln!(
            out,
            "VERIFY   {:<8} could be {}: {}",
            finding.rule,
            finding.severity.name(),
            terminal(&finding.message)
        );
        evidence(&mut out, &finding.evidence);
    }
    if !assessment.not_assessed.is_empty() {
        let _ = writeln!(out, "\nNot assessed (questions they need are blank)");
    }
    for rule in &assessment.not_assessed {
        let _ = writeln!(out, "BLANK    {:<8} {}", rule.rule, rule.title);
        for need in &rule.needs {
            let _ = writeln!(out, "{:17}needs: {}", "", terminal(&need.question));
        }
    }
    out
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

/// The assessment as Markdown: the summary (issues apart from the findings to verify, top
/// actions), a table of contents, the issues with their evidence in words and playbooks, the
/// findings to verify, the rules not assessed with the questions they need, and the checks that
/// passed.
pub fn assessment_markdown(assessment: &Assessment) -> String {
    let issues: Vec<&Finding> = assessment.issues().collect();
    let verify: Vec<&Finding> = assessment.to_verify().collect();
    let anchor = |finding: &Finding| parts::anchor(assessment, finding);
    let mut summary = vec![
        Block::Para(vec![document::text(format!(
            "Rule set {}.",
            assessment.ruleset_version
        ))]),
        parts::counts_para(&parts::issue_counts(assessment), verify.len()),
        parts::rules_para(assessment),
    ];
    summary.extend(parts::chart(
        "Issues by severity and category",
        issues.iter().copied(),
    ));
    summary.push(Block::Heading {
        level: 3,
        anchor: None,
        text: vec![document::text("Top actions")],
    });
    summary.extend(parts::top_actions(issues.iter().copied(), anchor));
    let blocks = vec![
        Block::Heading {
            level: 1,
            anchor: None,
            text: vec![document::text(format!(
                "{} assessment",
                crate::PRODUCT_NAME
            ))],
        },
        parts::section("Executive summary", summary),
        parts::contents(&[
            ("Issues", parts::count(issues.len(), "issue", "issues")),
            ("To verify", verify.len().to_string()),
            (
                "Not answered",
                parts::count(assessment.not_assessed.len(), "rule", "rules"),
            ),
            (
                "Passed checks",
                parts::count(assessment.passed.len(), "rule", "rules"),
            ),
        ]),
        parts::section(
            "Issues",
            parts::issues_blocks(&issues, anchor, |_| Vec::new()),
        ),
        parts::section(
            "To verify",
            parts::to_verify_blocks(&verify, anchor, |_| Vec::new()),
        ),
        parts::section("Not answered", parts::not_assessed_blocks(assessment, None)),
        parts::section("Passed checks", parts::passed_blocks(assessment)),
    ];
    document::markdown(&blocks)
}

/// Unicode's explicit direction controls (embeddings, overrides, isolates and marks). In text a
/// partner typed they can make a report read differently from what it says ("Trojan Source"), so
/// reports show them as `[U+202E]` instead.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A cell safe to open in a spreadsheet: text that would start a formula gets a leading `'`.
pub(crate) fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The findings as CSV, one row per finding, for spreadsheets. `evidence` has the answers as
/// stored (`path = value`), `question_and_answer` the same answers in words; `kind` is `issue` or
/// `needs_verification` (its `severity` is then what it could be if the check fails).
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
        "question_and_answer",
    ];
    let mut rows = vec![header.map(str::to_owned).to_vec()];
    for finding in &assessment.findings {
        let evidence: Vec<String> = finding
            .evidence
            .iter()
            .map(|e| format!("{} = {}", e.path, e.value))
            .collect();
        let words: Vec<String> = finding
            .evidence
            .iter()
            .map(|e| format!("{}: {}", e.question, e.answer))
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
            cell(&words.join("; ")),
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
