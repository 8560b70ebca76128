//! The bundle's readable reports say what the assessment says: the summary's counts are the
//! assessment's, issues and findings to verify are never mixed, blank answers are "not answered"
//! rather than findings, people read questions and answers rather than ids, dismissed findings
//! are set apart without their playbook, and every link of the contents leads somewhere.

mod support;

use std::io::{Cursor, Read};

use intake_core::answers::{Answer, Answers, Value};
use intake_core::bundle::{self, ReadBundle, Review, Verdict};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::render::markdown_escape;
use intake_core::rules::{Assessment, Config, Finding, FindingKind, Severity, assess};
use time::OffsetDateTime;

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn fixtures() -> Vec<(String, Answers)> {
    let found: Vec<(String, Answers)> = support::answers_fixtures()
        .into_iter()
        .map(|(name, text)| {
            let answers = Answers::from_json(&text, questionnaire()).expect("the fixture reads");
            (name, answers)
        })
        .collect();
    assert!(found.len() >= 5, "{} fixtures", found.len());
    found
}

fn fixture(name: &str) -> Answers {
    fixtures()
        .into_iter()
        .find(|(file, _)| file == &format!("{name}.json"))
        .map(|(_, answers)| answers)
        .expect("the fixture exists")
}

fn blank() -> Answers {
    Answers::from_json(r#"{"schema_version": 1}"#, questionnaire()).expect("blank answers read")
}

fn file(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut entry = archive.by_name(name).expect("the entry");
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("UTF-8");
    text
}

/// The bundle of `answers`, its assessment, and its two reports (HTML, Markdown).
fn reports(answers: &Answers) -> (Vec<u8>, Assessment, String, String) {
    let bytes =
        bundle::write(questionnaire(), answers, &[], OffsetDateTime::UNIX_EPOCH).expect("written");
    let assessment = assess(questionnaire(), answers, &Config::default());
    let html = file(&bytes, bundle::REPORT_HTML);
    let md = file(&bytes, bundle::REPORT_MD);
    (bytes, assessment, html, md)
}

/// The HTML of the section whose heading has this anchor, up to the next section heading.
fn html_section<'a>(html: &'a str, anchor: &str) -> &'a str {
    let start = html
        .find(&format!("<h2 id=\"{anchor}\">"))
        .unwrap_or_else(|| panic!("no section {anchor}"));
    let rest = &html[start + 4..];
    let end = [rest.find("<h2 "), rest.find("</main>")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The Markdown of the section with this heading, up to the next level-2 heading.
fn md_section<'a>(md: &'a str, title: &str) -> &'a str {
    let heading = format!("\n## {title}\n");
    let start = md
        .find(&heading)
        .unwrap_or_else(|| panic!("no section {title}"));
    let rest = &md[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// The text of HTML: tags dropped (attributes with them), a space for each block tag, the
/// report's entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(inside), '>') => {
                let name = inside.trim_start_matches('/');
                if !["code", "strong", "a"]
                    .iter()
                    .any(|inline| name == *inline || name.starts_with(&format!("{inline} ")))
                {
                    out.push(' ');
                }
                tag = None;
            }
            (Some(inside), c) => inside.push(c),
            (None, c) => out.push(c),
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Markdown as it reads: emphasis and escapes dropped.
fn md_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut escaped = false;
    for c in md.replace("**", "").chars() {
        if escaped {
            out.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// The number written right before `suffix` (first occurrence where there is one).
fn number_before(text: &str, suffix: &str) -> Option<usize> {
    text.match_indices(suffix).find_map(|(at, _)| {
        let before = text[..at].trim_end();
        let digits: String = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        digits.parse().ok()
    })
}

/// What a summary says: the issues, by severity, and the number to verify.
#[derive(Debug, PartialEq, Eq)]
struct Said {
    issues: usize,
    by_severity: Vec<(Severity, usize)>,
    to_verify: usize,
}

/// Reads the counts sentence of a summary's text: "46 issues (20 high, 24 medium, 2 low). 13 to
/// verify: ...".
fn said(summary: &str) -> Said {
    let start = summary
        .find(" issue")
        .map(|at| {
            summary[..at]
                .rfind(|c: char| !c.is_ascii_digit())
                .map_or(0, |b| b + 1)
        })
        .expect("an issue count");
    let sentence = &summary[start..];
    let sentence = &sentence[..sentence.find("to verify").expect("a to-verify count") + 9];
    let issues = number_before(sentence, " issue").expect("the issues");
    let severities = sentence
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inside, _)| inside)
        .unwrap_or_default();
    let by_severity = Severity::ALL
        .iter()
        .map(|severity| {
            let n = severities
                .split(", ")
                .find_map(|part| part.strip_suffix(&format!(" {}", severity.name())))
                .map_or(0, |n| n.trim().parse().expect("a count"));
            (*severity, n)
        })
        .collect();
    Said {
        issues,
        by_severity,
        to_verify: number_before(sentence, " to verify").expect("the to-verify count"),
    }
}

fn expected(assessment: &Assessment) -> Said {
    let by_severity: Vec<(Severity, usize)> = Severity::ALL
        .iter()
        .map(|severity| (*severity, assessment.issue_count(*severity)))
        .collect();
    Said {
        issues: by_severity.iter().map(|(_, n)| n).sum(),
        by_severity,
        to_verify: assessment.to_verify().count(),
    }
}

#[test]
fn the_summary_counts_are_the_assessments_in_both_reports_of_every_fixture() {
    let mut verified = 0;
    for (name, answers) in fixtures() {
        let (_, assessment, html, md) = reports(&answers);
        let want = expected(&assessment);
        assert_eq!(
            want.to_verify, assessment.summary.overall.needs_verification,
            "{name}"
        );
        let from_html = said(&html_text(html_section(&html, "executive-summary")));
        assert_eq!(from_html, want, "{name}: report.html");
        let from_md = said(&md_text(md_section(&md, "Executive summary")));
        assert_eq!(from_md, want, "{name}: report.md");
        verified += want.to_verify;
        assert!(want.issues > 0, "{name}: a fixture with issues");
    }
    assert!(verified > 0, "some fixture has findings to verify");
}

#[test]
fn a_blank_answers_report_finds_nothing_and_says_what_is_not_answered() {
    let (_, assessment, html, md) = reports(&blank());
    assert!(assessment.findings.is_empty());
    assert!(!assessment.not_assessed.is_empty());
    let zero = Said {
        issues: 0,
        by_severity: Severity::ALL.iter().map(|s| (*s, 0)).collect(),
        to_verify: 0,
    };
    let summary_html = html_text(html_section(&html, "executive-summary"));
    let summary_md = md_text(md_section(&md, "Executive summary"));
    for (format, summary) in [("html", &summary_html), ("md", &summary_md)] {
        assert_eq!(said(summary), zero, "{format}");
        assert!(summary.contains("0 issues"), "{format}: {summary}");
        assert!(summary.contains("0 to verify"), "{format}: {summary}");
        assert!(summary.contains("Answered 0 of"), "{format}: {summary}");
        assert!(summary.contains("not answered yet"), "{format}: {summary}");
        assert!(summary.contains("does not apply"), "{format}: {summary}");
    }
    let not_answered_html = html_text(html_section(&html, "not-answered"));
    let not_answered_md = md_text(md_section(&md, "Not answered"));
    for (format, text) in [("html", &not_answered_html), ("md", &not_answered_md)] {
        assert!(text.contains("Not answered yet:"), "{format}: {text}");
        let progress = intake_core::progress::progress(questionnaire(), &blank(), &[]);
        for section in questionnaire().sections() {
            let shown = progress.section(&section.id).expect("a section").shown;
            // A section shown only after other answers does not apply yet; the others are
            // listed as not answered.
            assert_eq!(
                text.contains(&format!("{},", section.title))
                    || text.contains(&format!("{}.", section.title)),
                shown,
                "{format}: {}",
                section.title
            );
        }
        assert!(
            questionnaire()
                .sections()
                .iter()
                .any(|section| !progress.section(&section.id).expect("a section").shown),
            "some section does not apply to blank answers"
        );
        for rule in &assessment.not_assessed {
            assert!(text.contains(rule.rule), "{format}: {}", rule.rule);
            for need in &rule.needs {
                assert!(text.contains(&need.question), "{format}: {}", need.question);
            }
        }
    }
    for severity in Severity::ALL {
        let name = severity.name();
        for heading in ["<h3", "<h4"] {
            assert!(
                !html.contains(&format!("{heading}>{name} ")),
                "an HTML {heading} {name} heading"
            );
        }
        assert!(
            !html.contains(&format!("<h3>{}", capitalised(name))),
            "a {name} heading"
        );
        for heading in ["### ", "#### "] {
            assert!(
                !md.contains(&format!("\n{heading}{name} ")),
                "a Markdown {name} heading"
            );
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A to-verify finding is listed under "To verify", never under "Issues", and never with a
/// heading that gives it a severity.
fn assert_to_verify_apart(name: &str, assessment: &Assessment, html: &str, md: &str) {
    let issues_html = html_section(html, "issues");
    let verify_html = html_section(html, "to-verify");
    let issues_md = md_section(md, "Issues");
    let verify_md = md_section(md, "To verify");
    for finding in assessment.to_verify() {
        let in_html = html_escape(&finding.message);
        let in_md = markdown_escape(&finding.message);
        assert!(!issues_html.contains(&in_html), "{name}: {in_html}");
        assert!(!issues_md.contains(&in_md), "{name}: {in_md}");
        assert!(verify_html.contains(&in_html), "{name}: {in_html}");
        assert!(verify_md.contains(&in_md), "{name}: {in_md}");
        let could_be = format!("could be {} if the check fails", finding.severity.name());
        assert!(verify_html.contains(&could_be), "{name}");
        assert!(verify_md.contains(&could_be), "{name}");
        if !assessment.issues().any(|issue| issue.rule == finding.rule) {
            let heading = format!("{} {}:", finding.severity.name(), finding.rule);
            assert!(!html.contains(&heading), "{name}: {heading}");
            assert!(!md.contains(&heading), "{name}: {heading}");
        }
    }
}

#[test]
fn a_finding_to_verify_is_never_under_the_issues() {
    let mut seen = 0;
    for (name, answers) in fixtures() {
        let (_, assessment, html, md) = reports(&answers);
        assert_to_verify_apart(&name, &assessment, &html, &md);
        seen += assessment.to_verify().count();
    }
    assert!(seen > 0);
}

/// Whether `text` has a group item's path such as `cloud_connect.gateways[0]`.
fn item_path(text: &str) -> Option<&str> {
    text.match_indices('[').find_map(|(at, _)| {
        let before = &text[..at];
        let name_start = before
            .rfind(|c: char| !(c.is_ascii_lowercase() || c == '_' || c == '.'))
            .map_or(0, |b| b + 1);
        let name = &before[name_start..];
        let digits = text[at + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        (name.contains('.') && digits > 0 && text[at + 1 + digits..].starts_with(']'))
            .then(|| &text[name_start..at + 2 + digits])
    })
}

#[test]
fn people_read_questions_and_answers_not_paths_or_ids() {
    assert_eq!(
        item_path("see cloud_connect.gateways[0].fqdn"),
        Some("cloud_connect.gateways[0]")
    );
    for (name, answers) in fixtures() {
        let (_, assessment, html, md) = reports(&answers);
        let text = html_text(&html);
        assert_eq!(item_path(&text), None, "{name}: report.html");
        assert_eq!(item_path(&md), None, "{name}: report.md");
        for question in questionnaire().questions() {
            assert!(
                !text.contains(&question.id),
                "{name}: report.html shows {}",
                question.id
            );
            assert!(
                !md.contains(&markdown_escape(&question.id)) && !md.contains(&question.id),
                "{name}: report.md shows {}",
                question.id
            );
        }
        // Every issue's evidence is there in words.
        for finding in assessment.issues() {
            for evidence in &finding.evidence {
                let words = format!("{}: {}", evidence.question, evidence.answer);
                assert!(text.contains(&words), "{name}: {words}");
                assert!(md.contains(&markdown_escape(&words)), "{name}: {words}");
            }
        }
    }
}

#[test]
fn commands_in_rule_texts_are_code_and_partner_backticks_are_text() {
    let mut answers = fixture("small-proxmox");
    answers.answers.insert(
        "engagement.partner_name".to_owned(),
        Answer::value(Value::Text("`rm -rf` <b>".to_owned())),
    );
    let (_, assessment, html, md) = reports(&answers);
    assert!(html.contains("`rm -rf` &lt;b&gt;"), "partner text as typed");
    assert!(!html.contains("<code>rm -rf</code>"));
    assert!(md.contains("\\`rm -rf\\` \\<b\\>"), "partner text escaped");
    let step = assessment
        .issues()
        .flat_map(|finding| finding.remediation.iter())
        .find(|step| step.contains('`'))
        .expect("a playbook step with a command");
    let command = step.split('`').nth(1).expect("a command");
    assert!(
        html.contains(&format!("<code>{}</code>", html_escape(command))),
        "{command}"
    );
    assert!(md.contains(*step), "the step as Markdown: {step}");
}

#[test]
fn the_footer_says_what_made_the_report_not_that_answers_stay_in_the_browser() {
    let (bytes, _, html, md) = reports(&fixture("small-proxmox"));
    let read = bundle::read(&bytes, questionnaire()).expect("reads");
    let reviewed = reviewed(&bytes, &read, Review::new(&read));
    for (name, text) in [
        ("report.html", html.as_str()),
        ("report.md", md.as_str()),
        ("review-report.html", &file(&reviewed, bundle::REVIEW_HTML)),
        ("review-report.md", &file(&reviewed, bundle::REVIEW_MD)),
    ] {
        assert!(
            !text.contains("stay in this browser"),
            "{name}: the app's promise"
        );
        assert!(
            text.contains(&format!("Made by VCSP Intake {}", intake_core::VERSION)),
            "{name}"
        );
    }
}

fn reviewed(bytes: &[u8], read: &ReadBundle, review: Review) -> Vec<u8> {
    bundle::write_reviewed(
        bytes,
        read,
        &review,
        questionnaire(),
        OffsetDateTime::UNIX_EPOCH,
    )
    .expect("written")
}

/// The anchor GitHub gives a Markdown heading.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

fn assert_contents_lead_somewhere(name: &str, html: &str, md: &str) {
    let links: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    assert!(links.len() >= 4, "{name}: {links:?}");
    for link in links {
        assert_eq!(
            html.matches(&format!(" id=\"{link}\"")).count(),
            1,
            "{name}: #{link}"
        );
    }
    let anchors: Vec<String> = md
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .map(slug)
        .collect();
    let links: Vec<&str> = md
        .split("](#")
        .skip(1)
        .map(|rest| rest.split(')').next().unwrap_or_default())
        .collect();
    assert!(links.len() >= 4, "{name}: {links:?}");
    for link in links {
        assert!(anchors.iter().any(|a| a == link), "{name}: #{link}");
    }
}

/// The sample review: the first issue dismissed, the second confirmed, one to verify dismissed.
fn sample_review(read: &ReadBundle) -> (Review, Finding, Finding, Finding) {
    let rerun = bundle::rerun(read, questionnaire());
    let items = bundle::items(&rerun);
    let issue = |n: usize| {
        items
            .iter()
            .filter(|item| item.kind() == FindingKind::Issue && item.current.is_some())
            .nth(n)
            .expect("issues")
    };
    let verify = items
        .iter()
        .find(|item| item.kind() == FindingKind::NeedsVerification && item.current.is_some())
        .expect("a finding to verify");
    let mut review = Review::new(read);
    review.reviewer = "T. Lead".to_owned();
    let dismissed = review.triage_mut(&issue(0).key);
    dismissed.verdict = Some(Verdict::Dismissed);
    dismissed.reason = "Accepted risk, signed off by the customer.".to_owned();
    review.triage_mut(&issue(1).key).verdict = Some(Verdict::Confirmed);
    let dismissed = review.triage_mut(&verify.key);
    dismissed.verdict = Some(Verdict::Dismissed);
    dismissed.reason = "Checked on site: the MTU matches.".to_owned();
    let added = review.add_finding();
    added.title = "No runbook for restoring the configuration database".to_owned();
    added.severity = Severity::High;
    added.message = "The partner could not show one.".to_owned();
    let current = |item: &bundle::ReviewItem<'_>| item.current.expect("current").clone();
    (
        review,
        current(issue(0)),
        current(issue(1)),
        current(verify),
    )
}

#[test]
fn the_review_report_sets_dismissed_findings_apart_without_their_playbook() {
    let (bytes, _, _, _) = reports(&fixture("small-proxmox"));
    let read = bundle::read(&bytes, questionnaire()).expect("reads");
    let (review, dismissed, confirmed, unverified) = sample_review(&read);
    let reviewed = reviewed(&bytes, &read, review);
    let html = file(&reviewed, bundle::REVIEW_HTML);
    let md = file(&reviewed, bundle::REVIEW_MD);

    let set_apart_html = html_text(html_section(&html, "dismissed"));
    let set_apart_md = md_text(md_section(&md, "Dismissed"));
    let issues_html = html_text(html_section(&html, "issues"));
    let issues_md = md_text(md_section(&md, "Issues"));
    for (format, set_apart, issues) in [
        ("html", &set_apart_html, &issues_html),
        ("md", &set_apart_md, &issues_md),
    ] {
        for (finding, reason) in [
            (&dismissed, "Accepted risk, signed off by the customer."),
            (&unverified, "Checked on site: the MTU matches."),
        ] {
            assert!(set_apart.contains(&finding.message), "{format}");
            assert!(
                set_apart.contains(&format!("Dismissed: {reason}")),
                "{format}"
            );
            assert!(!issues.contains(&finding.message), "{format}: still open");
            for step in finding.remediation {
                assert!(
                    !set_apart.contains(&step.replace('`', "")) && !set_apart.contains(*step),
                    "{format}: the playbook of a dismissed finding: {step}"
                );
            }
        }
        assert!(issues.contains(&confirmed.message), "{format}");
        assert!(issues.contains("Review: confirmed"), "{format}");
        let first = confirmed.remediation[0];
        assert!(
            issues.contains(&first.replace('`', "")) || issues.contains(first),
            "{format}: a confirmed finding keeps its playbook"
        );
    }
    assert!(html_text(html_section(&html, "added-by-the-reviewer")).contains("REVIEW-1"));
    assert!(md_section(&md, "Added by the reviewer").contains("REVIEW-1"));
}

#[test]
fn the_review_summary_counts_issues_apart_from_findings_to_verify() {
    let (bytes, _, _, _) = reports(&fixture("small-proxmox"));
    let read = bundle::read(&bytes, questionnaire()).expect("reads");
    let rerun = bundle::rerun(&read, questionnaire());
    let (review, _, _, _) = sample_review(&read);
    let reviewed = reviewed(&bytes, &read, review);
    let html = file(&reviewed, bundle::REVIEW_HTML);
    let md = file(&reviewed, bundle::REVIEW_MD);
    let want = expected(&rerun.assessment);
    let summary_html = html_text(html_section(&html, "executive-summary"));
    let summary_md = md_text(md_section(&md, "Executive summary"));
    for (format, summary) in [("html", &summary_html), ("md", &summary_md)] {
        assert_eq!(said(summary), want, "{format}");
        let triaged = format!(
            "3 of {} findings triaged: 1 confirmed, 2 dismissed, 0 need follow-up",
            bundle::items(&rerun).len()
        );
        assert!(summary.contains(&triaged), "{format}: {summary}");
        assert!(
            summary.contains("to verify remain; dismissed: 1 issue and 1 to verify"),
            "{format}: {summary}"
        );
    }
    assert_to_verify_apart_in_review(&rerun.assessment, &html, &md);
    assert_contents_lead_somewhere("review-report", &html, &md);
}

/// In the review, open findings to verify are under "To verify" only, and none has a heading
/// with a severity.
fn assert_to_verify_apart_in_review(assessment: &Assessment, html: &str, md: &str) {
    let issues_html = html_section(html, "issues");
    let issues_md = md_section(md, "Issues");
    for finding in assessment.to_verify() {
        assert!(!issues_html.contains(&html_escape(&finding.message)));
        assert!(!issues_md.contains(&markdown_escape(&finding.message)));
        if !assessment.issues().any(|issue| issue.rule == finding.rule) {
            let heading = format!("{} {}:", finding.severity.name(), finding.rule);
            assert!(!html.contains(&heading), "{heading}");
            assert!(!md.contains(&heading), "{heading}");
        }
    }
}

#[test]
fn every_link_of_the_contents_leads_to_its_section() {
    for (name, answers) in fixtures()
        .into_iter()
        .chain([("blank".to_owned(), blank())])
    {
        let (_, _, html, md) = reports(&answers);
        assert_contents_lead_somewhere(&name, &html, &md);
        for section in [
            "Executive summary",
            "Issues",
            "To verify",
            "Not answered",
            "Passed checks",
            "Answers by section",
        ] {
            assert!(
                html.contains(&format!("<h2 id=\"{}\">", slug(section))),
                "{name}"
            );
            assert!(md.contains(&format!("\n## {section}\n")), "{name}");
        }
    }
}

#[test]
fn the_checks_passed_are_listed_by_id() {
    let (_, assessment, html, md) = reports(&fixture("small-proxmox"));
    assert!(!assessment.passed.is_empty());
    let passed_html = html_section(&html, "passed-checks");
    let passed_md = md_section(&md, "Passed checks");
    for id in &assessment.passed {
        assert!(passed_html.contains(id), "{id}");
        assert!(passed_md.contains(id), "{id}");
    }
    for finding in &assessment.findings {
        assert!(!passed_html.contains(&format!("{}:", finding.rule)));
    }
}
