//! The bundle's readable reports: a self-contained HTML page and Markdown.
//!
//! The HTML report is opened from a zip on a tech lead's machine, so it must be harmless whatever
//! the partner typed: every piece of partner text is escaped, it has no script and loads nothing
//! (its Content-Security-Policy allows only its inline style), and it reads and prints offline.

use std::fmt::Write;

use super::review::{Change, Review, ReviewItem, Verdict, VerdictCounts, items};
use super::{ReadBundle, Rerun};
use crate::answers::{Answer, Answers, State, Value};
use crate::questionnaire::{Item, Kind, Question, Questionnaire};
use crate::rules::{Assessment, Category, Finding, FindingKind, Severity, render, show};

/// The report page's policy: nothing but its own inline style.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:60rem;\
margin:0 auto;padding:1rem}h1,h2,h3,h4{line-height:1.25}table{border-collapse:collapse}\
th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}td.n{text-align:right}\
article{border:1px solid #bbb;border-left:.5rem solid #777;padding:.5rem 1rem;margin:1rem 0;\
break-inside:avoid}.critical{border-left-color:#8b0000}.high{border-left-color:#c0392b}\
.medium{border-left-color:#b9770e}.low{border-left-color:#2e86c1}.info{border-left-color:#777}\
code{font-family:ui-monospace,monospace;overflow-wrap:anywhere}dt{font-weight:600}dd{margin:0 0 .5rem 1rem}\
a{color:#0b4f8a}@media print{body{max-width:none;font-size:11pt}a{color:inherit}\
h2,h3{break-after:avoid}}";

/// Escapes text for HTML element content and quoted attribute values; direction controls are
/// shown as `[U+202E]` ([`render::is_bidi_control`]).
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if render::is_bidi_control(c) => {
                let _ = write!(out, "[U+{:04X}]", u32::from(c));
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One answered question, ready to show.
struct Row {
    label: String,
    id: String,
    text: String,
}

/// The answered questions of a section, and its group items with theirs.
struct SectionAnswers {
    title: String,
    rows: Vec<Row>,
    groups: Vec<GroupAnswers>,
}

/// A group's label, and each item's name with its answered questions.
struct GroupAnswers {
    label: String,
    items: Vec<(String, Vec<Row>)>,
}

/// A choice id as its label, or the id itself when the question has no such choice.
fn choice_label<'a>(kind: &'a Kind, id: &'a str) -> &'a str {
    match kind {
        Kind::SingleChoice(choices) | Kind::MultiChoice(choices) => choices
            .iter()
            .find(|choice| choice.id == id)
            .map_or(id, |choice| choice.label.as_str()),
        _ => id,
    }
}

/// An answer as a person reads it: value with its unit or choice labels, "don't know", "not
/// applicable" with the reason, and the note.
fn answer_text(question: &Question, answer: &Answer) -> String {
    let mut text = match &answer.state {
        State::Value(Value::Text(id)) if matches!(question.kind, Kind::SingleChoice(_)) => {
            choice_label(&question.kind, id).to_owned()
        }
        State::Value(Value::Choices(ids)) => ids
            .iter()
            .map(|id| choice_label(&question.kind, id))
            .collect::<Vec<_>>()
            .join(", "),
        State::Value(value) => {
            let unit = match &question.kind {
                Kind::Integer { unit, .. } => unit.as_deref(),
                Kind::Decimal { unit, .. } => Some(unit.as_str()),
                _ => None,
            };
            match unit {
                Some(unit) => format!("{} {unit}", show(value)),
                None => show(value),
            }
        }
        State::DontKnow => "don't know".to_owned(),
        State::NotApplicable(reason) => format!("not applicable: {reason}"),
    };
    if let Some(note) = &answer.note {
        let _ = write!(text, " (note: {note})");
    }
    text
}

/// The answers in questionnaire order, sections without an answer left out.
fn answers_by_section(questionnaire: &Questionnaire, answers: &Answers) -> Vec<SectionAnswers> {
    let row = |question: &Question, answer: &Answer| Row {
        label: question.label.clone(),
        id: question.id.clone(),
        text: answer_text(question, answer),
    };
    questionnaire
        .sections()
        .iter()
        .map(|section| {
            let mut out = SectionAnswers {
                title: section.title.clone(),
                rows: Vec::new(),
                groups: Vec::new(),
            };
            for item in &section.items {
                match item {
                    Item::Question(question) => {
                        if let Some(answer) = answers.answers.get(&question.id) {
                            out.rows.push(row(question, answer));
                        }
                    }
                    Item::Group(group) => {
                        let Some(items) = answers.groups.get(&group.id) else {
                            continue;
                        };
                        let shown = items
                            .iter()
                            .map(|item| {
                                let rows = group
                                    .questions
                                    .iter()
                                    .filter_map(|question| {
                                        let local = question
                                            .id
                                            .strip_prefix(&group.id)?
                                            .strip_prefix('.')?;
                                        Some(row(question, item.answers.get(local)?))
                                    })
                                    .collect();
                                (item.name.clone(), rows)
                            })
                            .collect();
                        out.groups.push(GroupAnswers {
                            label: group.label.clone(),
                            items: shown,
                        });
                    }
                }
            }
            out
        })
        .filter(|section| !section.rows.is_empty() || !section.groups.is_empty())
        .collect()
}

/// The text answer to a question outside groups, or "".
fn text_answer<'a>(answers: &'a Answers, id: &str) -> &'a str {
    match answers.answers.get(id).and_then(Answer::as_value) {
        Some(Value::Text(text)) => text,
        _ => "",
    }
}

fn count(assessment: &Assessment, severity: Severity) -> usize {
    assessment
        .summary
        .overall
        .findings
        .get(severity.name())
        .copied()
        .unwrap_or(0)
}

/// One finding as an article; `extra` is HTML (already escaped) shown under its message.
fn html_finding(out: &mut String, finding: &Finding, extra: &str) {
    let e = html_escape;
    let _ = writeln!(
        out,
        "<article class=\"{}\">\n<h4>{} {}: {}</h4>\n<p>{}</p>\n{extra}",
        finding.severity.name(),
        e(finding.severity.name()),
        e(finding.rule),
        e(finding.title),
        e(&finding.message)
    );
    if !finding.evidence.is_empty() {
        out.push_str("<h5>Evidence</h5>\n<ul>\n");
        for evidence in &finding.evidence {
            let _ = writeln!(
                out,
                "<li><code>{}</code> = {}</li>",
                e(&evidence.path),
                e(&evidence.value)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h5>Playbook</h5>\n<ol>\n");
    for step in finding.remediation {
        let _ = writeln!(out, "<li>{}</li>", e(step));
    }
    out.push_str("</ol>\n");
    if !finding.references.is_empty() {
        out.push_str("<h5>References</h5>\n<ul>\n");
        for reference in finding.references {
            let _ = writeln!(
                out,
                "<li><a href=\"{0}\" rel=\"noreferrer\">{0}</a></li>",
                e(reference)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

/// The report page: executive summary, findings by severity with evidence and playbooks, then
/// the answers by section.
pub fn html(
    questionnaire: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    created_at: &str,
) -> String {
    let e = html_escape;
    let partner = text_answer(answers, "engagement.partner_name");
    let engagement = text_answer(answers, "engagement.engagement_name");
    let mut out = String::new();
    html_open(
        &mut out,
        &format!("{} assessment: {partner} {engagement}", crate::PRODUCT_NAME),
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>{} assessment</h1>\n<dl>\n<dt>Partner</dt><dd>{}</dd>\n\
         <dt>Engagement</dt><dd>{}</dd>\n<dt>Created</dt><dd>{}</dd>\n\
         <dt>Made with</dt><dd>{} {}, rule set {}</dd>\n</dl>\n</header>\n<main>",
        e(crate::PRODUCT_NAME),
        e(partner),
        e(engagement),
        e(created_at),
        e(crate::PRODUCT_NAME),
        e(crate::VERSION),
        e(assessment.ruleset_version)
    );
    let overall = &assessment.summary.overall;
    let issues: usize = Severity::ALL.iter().map(|s| count(assessment, *s)).sum();
    let _ = writeln!(
        out,
        "<section>\n<h2>Executive summary</h2>\n<p>{issues} issues and {} facts to verify. \
         Rules: {} passed, {} failed, {} unverified, {} not assessed, {} not applicable.</p>",
        overall.needs_verification,
        overall.rules_passed,
        overall.rules_failed,
        overall.rules_unverified,
        overall.rules_not_assessed,
        overall.rules_not_applicable
    );
    out.push_str("<table>\n<thead><tr><th scope=\"col\">Category</th>");
    for severity in Severity::ALL {
        let _ = write!(out, "<th scope=\"col\">{}</th>", severity.name());
    }
    out.push_str("<th scope=\"col\">to verify</th></tr></thead>\n<tbody>\n");
    for category in Category::ALL {
        let Some(tally) = assessment.summary.categories.get(category.name()) else {
            continue;
        };
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", e(category.title()));
        for severity in Severity::ALL {
            let n = tally.findings.get(severity.name()).copied().unwrap_or(0);
            let _ = write!(out, "<td class=\"n\">{n}</td>");
        }
        let _ = writeln!(
            out,
            "<td class=\"n\">{}</td></tr>",
            tally.needs_verification
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out.push_str("<section>\n<h2>Findings</h2>\n");
    if issues == 0 {
        out.push_str("<p>No issue found.</p>\n");
    }
    for severity in Severity::ALL {
        let findings: Vec<&Finding> = assessment
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Issue && f.severity == severity)
            .collect();
        if findings.is_empty() {
            continue;
        }
        let name = severity.name();
        let _ = writeln!(
            out,
            "<h3>{}{} ({})</h3>",
            name[..1].to_uppercase(),
            &name[1..],
            findings.len()
        );
        for finding in findings {
            html_finding(&mut out, finding, "");
        }
    }
    out.push_str("</section>\n");
    let verify: Vec<&Finding> = assessment
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::NeedsVerification)
        .collect();
    if !verify.is_empty() {
        let _ = writeln!(out, "<section>\n<h2>To verify ({})</h2>", verify.len());
        for finding in verify {
            html_finding(&mut out, finding, "");
        }
        out.push_str("</section>\n");
    }
    html_answers(&mut out, questionnaire, answers);
    html_close(&mut out);
    out
}

/// The page up to `<body>`, with the policy, the style and `title` (escaped here).
fn html_open(out: &mut String, title: &str) {
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        html_escape(title)
    );
}

/// The answers by section, as the last section of `<main>`.
fn html_answers(out: &mut String, questionnaire: &Questionnaire, answers: &Answers) {
    let e = html_escape;
    out.push_str("<section>\n<h2>Answers by section</h2>\n");
    for section in answers_by_section(questionnaire, answers) {
        let _ = writeln!(out, "<h3>{}</h3>", e(&section.title));
        html_rows(out, &section.rows);
        for group in &section.groups {
            let _ = writeln!(out, "<h4>{}</h4>", e(&group.label));
            for (name, rows) in &group.items {
                let _ = writeln!(out, "<h5>{}</h5>", e(name));
                html_rows(out, rows);
            }
        }
    }
    out.push_str("</section>\n");
}

/// Closes `<main>` and the page, with the privacy promise as its footer.
fn html_close(out: &mut String) {
    let _ = writeln!(
        out,
        "</main>\n<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>",
        html_escape(crate::PRIVACY_PROMISE)
    );
}

fn html_rows(out: &mut String, rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    out.push_str("<dl>\n");
    for row in rows {
        let _ = writeln!(
            out,
            "<dt>{} <code>{}</code></dt><dd>{}</dd>",
            html_escape(&row.label),
            html_escape(&row.id),
            html_escape(&row.text)
        );
    }
    out.push_str("</dl>\n");
}

/// The Markdown report: the assessment (`render::assessment_markdown`), then the answers by
/// section.
pub fn markdown(
    questionnaire: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    created_at: &str,
) -> String {
    let e = render::markdown_escape;
    let mut out = render::assessment_markdown(assessment);
    let _ = writeln!(
        out,
        "## Engagement\n\n- Partner: {}\n- Engagement: {}\n- Created: {created_at}\n- Made with: {} {}\n",
        e(text_answer(answers, "engagement.partner_name")),
        e(text_answer(answers, "engagement.engagement_name")),
        crate::PRODUCT_NAME,
        crate::VERSION
    );
    let _ = writeln!(out, "## Answers by section\n");
    md_answers(&mut out, questionnaire, answers);
    out
}

/// The answers by section in Markdown, sections as `###` headings.
fn md_answers(out: &mut String, questionnaire: &Questionnaire, answers: &Answers) {
    let e = render::markdown_escape;
    let md_rows = |out: &mut String, rows: &[Row]| {
        for row in rows {
            let _ = writeln!(out, "- {} (`{}`): {}", row.label, row.id, e(&row.text));
        }
        out.push('\n');
    };
    for section in answers_by_section(questionnaire, answers) {
        let _ = writeln!(out, "### {}\n", section.title);
        md_rows(out, &section.rows);
        for group in &section.groups {
            for (name, rows) in &group.items {
                let _ = writeln!(out, "#### {}: {}\n", group.label, e(name));
                md_rows(out, rows);
            }
        }
    }
}

/// What a review says of one finding, as a person reads it: the verdict (or "not triaged"), the
/// dismissal reason, how it compares with the bundle, and the reviewer's note.
struct TriageText {
    verdict: String,
    change: Option<String>,
    note: String,
}

fn triage_text(review: &Review, item: &ReviewItem<'_>) -> TriageText {
    let triage = review.triage(&item.key);
    let verdict = match triage.and_then(|t| t.verdict.map(|v| (v, &t.reason))) {
        Some((Verdict::Dismissed, reason)) => format!("dismissed: {reason}"),
        Some((verdict, _)) => verdict.name().to_owned(),
        None => "not triaged".to_owned(),
    };
    let change = match item.change {
        Change::Unchanged => None,
        Change::New => Some("new: not in the partner's findings".to_owned()),
        Change::Resolved => Some("resolved: the current rules no longer find it".to_owned()),
        Change::SeverityChanged { before } => Some(format!(
            "severity changed: {} in the partner's findings",
            before.name()
        )),
    };
    TriageText {
        verdict,
        change,
        note: triage.map(|t| t.note.clone()).unwrap_or_default(),
    }
}

/// "N findings: a confirmed, b dismissed, ...": the review's counts in one sentence.
fn verdict_sentence(findings: usize, review: &Review, counts: VerdictCounts) -> String {
    format!(
        "{findings} findings: {} confirmed, {} dismissed, {} need follow-up, {} not triaged. {} \
         added by the reviewer.",
        counts.confirmed,
        counts.dismissed,
        counts.follow_up,
        counts.untriaged,
        review.added.len()
    )
}

/// When the rule set differs from the bundle's: which ones, and what the re-run changed.
fn ruleset_sentence(rerun: &Rerun) -> Option<String> {
    rerun.ruleset_change.as_ref().map(|change| {
        format!(
            "The partner's findings were made with rule set {}; they were re-run with {}: {} new, \
             {} resolved, {} with another severity.",
            change.bundle_version,
            change.current_version,
            rerun.new.len(),
            rerun.resolved.len(),
            rerun.severity_changed.len()
        )
    })
}

fn html_triage(text: &TriageText) -> String {
    let e = html_escape;
    let mut out = format!("<p><strong>Review:</strong> {}</p>\n", e(&text.verdict));
    if let Some(change) = &text.change {
        let _ = writeln!(out, "<p><strong>Re-run:</strong> {}</p>", e(change));
    }
    if !text.note.is_empty() {
        let _ = writeln!(
            out,
            "<p><strong>Reviewer's note:</strong> {}</p>",
            e(&text.note)
        );
    }
    out
}

/// The reviewed report page: the review's summary and overall note, every finding with its
/// verdict and note (re-run with the current rules, resolved ones after), the reviewer's own
/// findings, then the answers by section. Same policy as the partner's report.
pub fn review_html(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
) -> String {
    let e = html_escape;
    let answers = &bundle.answers;
    let partner = text_answer(answers, "engagement.partner_name");
    let engagement = text_answer(answers, "engagement.engagement_name");
    let items = items(rerun);
    let counts = review.counts(&items);
    let mut out = String::new();
    html_open(
        &mut out,
        &format!("{} review: {partner} {engagement}", crate::PRODUCT_NAME),
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>{} review</h1>\n<dl>\n<dt>Partner</dt><dd>{}</dd>\n\
         <dt>Engagement</dt><dd>{}</dd>\n<dt>Bundle created</dt><dd>{}</dd>\n\
         <dt>Reviewer</dt><dd>{}</dd>\n<dt>Reviewed</dt><dd>{}</dd>\n\
         <dt>Findings re-run with</dt><dd>{} {}, rule set {}</dd>\n</dl>\n</header>\n<main>",
        e(crate::PRODUCT_NAME),
        e(partner),
        e(engagement),
        e(&bundle.manifest.created_at),
        e(&review.reviewer),
        e(&review.reviewed_at),
        e(crate::PRODUCT_NAME),
        e(&review.app_version),
        e(&review.ruleset_version)
    );
    let _ = writeln!(
        out,
        "<section>\n<h2>Review summary</h2>\n<p>{}</p>",
        e(&verdict_sentence(items.len(), review, counts))
    );
    if let Some(text) = ruleset_sentence(rerun) {
        let _ = writeln!(out, "<p>{}</p>", e(&text));
    }
    if !review.note.is_empty() {
        let _ = writeln!(
            out,
            "<h3>Reviewer's note</h3>\n<p style=\"white-space:pre-wrap\">{}</p>",
            e(&review.note)
        );
    }
    out.push_str("</section>\n<section>\n<h2>Findings</h2>\n");
    if items.is_empty() {
        out.push_str("<p>No finding.</p>\n");
    }
    for kind in [FindingKind::Issue, FindingKind::NeedsVerification] {
        for severity in Severity::ALL {
            for item in items
                .iter()
                .filter(|item| item.kind() == kind && item.severity() == severity)
            {
                let triage = html_triage(&triage_text(review, item));
                match item.current {
                    Some(finding) => html_finding(&mut out, finding, &triage),
                    None => {
                        let _ = writeln!(
                            out,
                            "<article class=\"{}\">\n<h4>{} {}: {}</h4>\n<p>{}</p>\n{triage}</article>",
                            severity.name(),
                            e(severity.name()),
                            e(item.rule()),
                            e(item.title()),
                            e(item.message())
                        );
                    }
                }
            }
        }
    }
    out.push_str("</section>\n");
    if !review.added.is_empty() {
        out.push_str("<section>\n<h2>Added by the reviewer</h2>\n");
        for finding in &review.added {
            let _ = writeln!(
                out,
                "<article class=\"{}\">\n<h4>{} {}: {}</h4>\n<p>{}</p>",
                finding.severity.name(),
                e(finding.severity.name()),
                e(&finding.id),
                e(&finding.title),
                e(&finding.message)
            );
            for (heading, list, tag) in [
                ("Evidence", &finding.evidence, "ul"),
                ("Playbook", &finding.remediation, "ol"),
            ] {
                if list.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "<h5>{heading}</h5>\n<{tag}>");
                for line in list {
                    let _ = writeln!(out, "<li>{}</li>", e(line));
                }
                let _ = writeln!(out, "</{tag}>");
            }
            out.push_str("</article>\n");
        }
        out.push_str("</section>\n");
    }
    html_answers(&mut out, questionnaire, answers);
    html_close(&mut out);
    out
}

/// The reviewed report in Markdown: the same content as [`review_html`].
pub fn review_markdown(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
) -> String {
    let e = render::markdown_escape;
    let answers = &bundle.answers;
    let items = items(rerun);
    let counts = review.counts(&items);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} review\n\n- Partner: {}\n- Engagement: {}\n- Bundle created: {}\n- Reviewer: {}\n\
         - Reviewed: {}\n- Findings re-run with: {} {}, rule set {}\n",
        crate::PRODUCT_NAME,
        e(text_answer(answers, "engagement.partner_name")),
        e(text_answer(answers, "engagement.engagement_name")),
        e(&bundle.manifest.created_at),
        e(&review.reviewer),
        e(&review.reviewed_at),
        crate::PRODUCT_NAME,
        e(&review.app_version),
        e(&review.ruleset_version)
    );
    let _ = writeln!(
        out,
        "## Review summary\n\n{}\n",
        e(&verdict_sentence(items.len(), review, counts))
    );
    if let Some(text) = ruleset_sentence(rerun) {
        let _ = writeln!(out, "{}\n", e(&text));
    }
    if !review.note.is_empty() {
        let _ = writeln!(out, "### Reviewer's note\n\n{}\n", e(&review.note));
    }
    out.push_str("## Findings\n\n");
    for item in &items {
        let text = triage_text(review, item);
        let _ = writeln!(
            out,
            "### {} {}: {}\n\n{}\n\n- Review: {}",
            item.severity().name(),
            item.rule(),
            e(item.title()),
            e(item.message()),
            e(&text.verdict)
        );
        if let Some(change) = &text.change {
            let _ = writeln!(out, "- Re-run: {change}");
        }
        if !text.note.is_empty() {
            let _ = writeln!(out, "- Reviewer's note: {}", e(&text.note));
        }
        if let Some(finding) = item.current {
            for evidence in &finding.evidence {
                let _ = writeln!(
                    out,
                    "- Evidence: {} = {}",
                    e(&evidence.path),
                    e(&evidence.value)
                );
            }
        }
        out.push('\n');
    }
    if !review.added.is_empty() {
        out.push_str("## Added by the reviewer\n\n");
        for finding in &review.added {
            let _ = writeln!(
                out,
                "### {} {}: {}\n\n{}\n",
                finding.severity.name(),
                e(&finding.id),
                e(&finding.title),
                e(&finding.message)
            );
            for line in &finding.evidence {
                let _ = writeln!(out, "- Evidence: {}", e(line));
            }
            for (step, line) in finding.remediation.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", step + 1, e(line));
            }
            out.push('\n');
        }
    }
    out.push_str("## Answers by section\n\n");
    md_answers(&mut out, questionnaire, answers);
    out
}
