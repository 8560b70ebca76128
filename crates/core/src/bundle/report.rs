//! The bundle's readable reports: a self-contained HTML page and Markdown, for the partner's
//! findings (`report.html`, `report.md`) and for the tech lead's review of them
//! (`review-report.html`, `review-report.md`).
//!
//! Both read top down: an executive summary (issues by severity, apart from the findings to
//! verify; how complete the answers are; a chart; the top actions), a table of contents, then the
//! issues, the findings to verify, the rules not assessed for want of answers, the checks passed
//! and the answers by section, all in words: question labels, item names and choice labels, never
//! question ids. Both forms come from one description ([`crate::document`]).
//!
//! The HTML report is opened from a zip on a tech lead's machine, so it must be harmless whatever
//! the partner typed: every piece of partner text is escaped, it has no script and loads nothing
//! (its Content-Security-Policy allows only its inline style; the chart is inline SVG), and it
//! reads and prints offline.

use std::fmt::Write;

use super::review::{Review, ReviewItem, Verdict, items};
use super::{ReadBundle, Rerun};
use crate::answers::{Answer, Answers, Value};
use crate::display;
use crate::document::{
    self, Block, Entry, Table, Term, assessment as parts, html_escape, strong, text,
};
use crate::playbooks::walk::Walk;
use crate::playbooks::{Origin, Playbooks};
use crate::progress::{self, Progress};
use crate::questionnaire::{Item, Questionnaire};
use crate::rules::{Assessment, Finding, FindingKind, Severity};

/// The report page's policy: nothing but its own inline style.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:60rem;\
margin:0 auto;padding:1rem;overflow-wrap:break-word}h1,h2,h3,h4,h5{line-height:1.25}\
h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}\
table{border-collapse:collapse;margin:.5rem 0}\
th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right}article{border:1px solid #bbb;border-left:.5rem solid #777;\
padding:.25rem 1rem;margin:1rem 0;break-inside:avoid}article h3,article h4{margin:.5rem 0}\
.critical{border-left-color:#8b0000}.high{border-left-color:#c0392b}\
.medium{border-left-color:#b9770e}.low{border-left-color:#2e86c1}.info{border-left-color:#777}\
.verify{border-left-style:dashed;border-left-color:#5d6d7e}\
.dismissed{border-left-color:#ccc;background:#f4f4f4;color:#444}\
code{font-family:ui-monospace,monospace;background:#f0f0f0;padding:0 .2rem}\
dt{font-weight:600}dd{margin:0 0 .5rem 1rem}\
h2#executive-summary+dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}\
h2#executive-summary+dl dd{margin:0}nav ul{padding-left:1.2rem}\
figure.chart{margin:1rem 0}.chart svg{width:100%;max-width:30rem;height:auto;\
font:13px system-ui,sans-serif}.chart text{fill:#1a1a1a}.chart .detail{font-size:12px;fill:#444}\
footer{margin-top:2rem;border-top:1px solid #ccc;color:#555;font-size:.9em}\
a{color:#0b4f8a}@page{margin:15mm}@media print{body{max-width:none;font-size:11pt;\
padding:0}a{color:inherit}h2,h3,h4{break-after:avoid}nav{display:none}}";

/// A whole report: its title, the heading on the page, what it says, and the footer.
pub(super) struct Page {
    pub title: String,
    pub heading: String,
    pub blocks: Vec<Block>,
    pub footer: String,
}

impl Page {
    pub fn html(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n\
             </header>\n<main>",
            html_escape(&self.title),
            html_escape(&self.heading)
        );
        out.push_str(&document::html(&self.blocks));
        let _ = writeln!(
            out,
            "</main>\n<footer>\n<p>{}</p>\n</footer>\n</body>\n</html>",
            html_escape(&self.footer)
        );
        out
    }

    pub fn markdown(&self) -> String {
        let mut blocks = vec![Block::Heading {
            level: 1,
            anchor: None,
            text: vec![text(&self.heading)],
        }];
        blocks.extend(self.blocks.iter().cloned());
        blocks.push(Block::Para(vec![text(&self.footer)]));
        document::markdown(&blocks)
    }
}

/// What the exported file says of itself, instead of the app's promise that answers stay in the
/// browser (untrue of a file that was sent): what made it, with which rules, when.
pub(super) fn footer(ruleset_version: &str, at: &str) -> String {
    format!(
        "Made by {} {}, rule set {ruleset_version}{}.",
        crate::PRODUCT_NAME,
        crate::VERSION,
        match on_date(at).as_str() {
            "" => String::new(),
            on => format!(",{on}"),
        }
    )
}

/// " on 2026-11-20" for a time or date, or nothing when there is none (a review not exported
/// yet has no time).
pub(super) fn on_date(at: &str) -> String {
    match at.trim() {
        "" => String::new(),
        at => format!(" on {}", at.get(..10).unwrap_or(at)),
    }
}

/// The text answer to a question outside groups, or "".
pub(super) fn text_answer<'a>(answers: &'a Answers, id: &str) -> &'a str {
    match answers.answers.get(id).and_then(Answer::as_value) {
        Some(Value::Text(text)) => text,
        _ => "",
    }
}

/// Name and value pairs, such as the partner and the engagement; a blank one is "Not answered".
fn facts(pairs: &[(&str, &str)]) -> Block {
    Block::Terms(
        pairs
            .iter()
            .map(|(term, value)| Term {
                term: (*term).to_owned(),
                hint: None,
                descriptions: vec![if value.trim().is_empty() {
                    display::NOT_ANSWERED.to_owned()
                } else {
                    (*value).to_owned()
                }],
            })
            .collect(),
    )
}

const NOT_ANSWERED_YET: &str = "not answered yet";
const DOES_NOT_APPLY: &str = "does not apply";
const NONE_LISTED: &str = "none listed";

/// How a section stands: "12 of 15", "not answered yet", "does not apply", or "none listed" when
/// its only questions are about items and the partner listed none.
fn standing(
    questionnaire: &Questionnaire,
    answers: &Answers,
    progress: &Progress,
    id: &str,
) -> String {
    let listed_none = || {
        questionnaire
            .sections()
            .iter()
            .filter(|section| section.id == id)
            .flat_map(|section| &section.items)
            .any(
                |item| matches!(item, Item::Group(group) if answers.groups.contains_key(&group.id)),
            )
    };
    match progress.section(id) {
        Some(section) if !section.shown => DOES_NOT_APPLY.to_owned(),
        Some(section) if section.relevant == 0 && listed_none() => NONE_LISTED.to_owned(),
        Some(section) if section.answered == 0 => NOT_ANSWERED_YET.to_owned(),
        Some(section) => format!("{} of {}", section.answered, section.relevant),
        None => NOT_ANSWERED_YET.to_owned(),
    }
}

/// "Answered X of Y relevant questions", and each section's standing.
fn completeness(
    questionnaire: &Questionnaire,
    answers: &Answers,
    progress: &Progress,
) -> Vec<Block> {
    let rows = questionnaire
        .sections()
        .iter()
        .map(|section| {
            vec![
                vec![text(&section.title)],
                vec![text(standing(
                    questionnaire,
                    answers,
                    progress,
                    &section.id,
                ))],
            ]
        })
        .collect();
    vec![
        Block::Para(vec![
            strong(format!(
                "Answered {} of {} relevant questions.",
                progress.answered(),
                progress.relevant()
            )),
            text(" Questions that do not apply after other answers are not counted."),
        ]),
        Block::Table(Table {
            head: vec!["Section".to_owned(), "Answered".to_owned()],
            numeric: vec![false, false],
            rows,
        }),
    ]
}

/// The sections where nothing is answered yet, said once, so that none is silently left out.
fn unanswered_sections(
    questionnaire: &Questionnaire,
    answers: &Answers,
    progress: &Progress,
) -> Option<Block> {
    let titles: Vec<&str> = questionnaire
        .sections()
        .iter()
        .filter(|section| {
            standing(questionnaire, answers, progress, &section.id) == NOT_ANSWERED_YET
        })
        .map(|section| section.title.as_str())
        .collect();
    (!titles.is_empty()).then(|| {
        Block::Para(vec![
            strong("Not answered yet: "),
            text(format!("{}.", titles.join(", "))),
        ])
    })
}

/// One answered question: its label, its id as a hint, the answer in words and the note.
fn answer_term(question: &crate::questionnaire::Question, answer: &Answer) -> Term {
    let mut descriptions = vec![display::answer(&question.kind, &answer.state)];
    if let Some(note) = answer.note.as_deref().filter(|note| !note.is_empty()) {
        descriptions.push(format!("Note: {note}"));
    }
    Term {
        term: question.label.clone(),
        hint: Some(question.id.clone()),
        descriptions,
    }
}

/// The answers in questionnaire order: each section, its questions and its group items; a
/// section without answers says so.
fn answers_by_section(
    questionnaire: &Questionnaire,
    answers: &Answers,
    progress: &Progress,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    for section in questionnaire.sections() {
        blocks.push(Block::Heading {
            level: 3,
            anchor: None,
            text: vec![text(&section.title)],
        });
        let mut inside = Vec::new();
        let mut terms = Vec::new();
        for item in &section.items {
            match item {
                Item::Question(question) => {
                    if let Some(answer) = answers.answers.get(&question.id) {
                        terms.push(answer_term(question, answer));
                    }
                }
                Item::Group(group) => {
                    if !terms.is_empty() {
                        inside.push(Block::Terms(std::mem::take(&mut terms)));
                    }
                    let Some(items) = answers.groups.get(&group.id).filter(|i| !i.is_empty())
                    else {
                        continue;
                    };
                    inside.push(Block::Heading {
                        level: 4,
                        anchor: None,
                        text: vec![text(&group.label)],
                    });
                    for entry in items {
                        inside.push(Block::Heading {
                            level: 5,
                            anchor: None,
                            text: vec![text(display::item(group, &entry.name))],
                        });
                        let rows: Vec<Term> = group
                            .questions
                            .iter()
                            .filter_map(|question| {
                                let answer = entry.answers.get(question.local_id())?;
                                Some(answer_term(question, answer))
                            })
                            .collect();
                        inside.push(if rows.is_empty() {
                            Block::Para(vec![text("No answers.")])
                        } else {
                            Block::Terms(rows)
                        });
                    }
                }
            }
        }
        if !terms.is_empty() {
            inside.push(Block::Terms(terms));
        }
        if inside.is_empty() {
            let standing = standing(questionnaire, answers, progress, &section.id);
            inside.push(Block::Para(vec![text(match standing.as_str() {
                DOES_NOT_APPLY => "Does not apply after other answers.",
                NONE_LISTED => "None listed.",
                _ => "Not answered yet.",
            })]));
        }
        blocks.extend(inside);
    }
    blocks
}

/// The partner's assessment: what the sections hold, for the table of contents.
fn contents_of(
    issues: usize,
    verify: usize,
    assessment: &Assessment,
) -> Vec<(&'static str, String)> {
    vec![
        ("Issues", parts::count(issues, "issue", "issues")),
        ("To verify", verify.to_string()),
        (
            "Not answered",
            parts::count(
                assessment.not_assessed.len(),
                "rule not assessed",
                "rules not assessed",
            ),
        ),
        (
            "Passed checks",
            parts::count(assessment.passed.len(), "rule", "rules"),
        ),
    ]
}

/// The rules not assessed and the sections not answered yet.
fn not_answered(
    questionnaire: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    progress: &Progress,
) -> Vec<Block> {
    let mut blocks: Vec<Block> = unanswered_sections(questionnaire, answers, progress)
        .into_iter()
        .collect();
    blocks.extend(parts::not_assessed_blocks(assessment, Some(questionnaire)));
    blocks
}

/// Each walk as the path taken: the steps in order with what was found (and what the answers
/// suggested there, confirmed or not), the notes, and the conclusion it ended in, or the step it
/// stopped at.
pub(super) fn walk_blocks(walks: &[Walk]) -> Vec<Block> {
    let books = Playbooks::builtin().ok();
    let mut blocks = Vec::new();
    for walk in walks {
        let title = books
            .and_then(|books| books.get(&walk.playbook))
            .map_or_else(
                || walk.playbook.clone(),
                |book| match book.origin {
                    Origin::Rule => format!("{}: {}", book.id, book.title),
                    Origin::Symptom => book.title.clone(),
                },
            );
        blocks.push(Block::Heading {
            level: 3,
            anchor: None,
            text: vec![text(title)],
        });
        let started = walk.started_at.get(..10).unwrap_or(&walk.started_at);
        blocks.push(Block::Para(vec![text(format!(
            "Started {started}; {}.",
            match walk.ended() {
                Some(_) => "ended in a conclusion",
                None => "not finished",
            }
        ))]));
        let entries = walk
            .steps
            .iter()
            .map(|taken| {
                let mut spans = vec![text(format!("{}: ", taken.title))];
                match &taken.found {
                    Some(found) => spans.push(strong(found.clone())),
                    None => spans.push(text("stopped here, nothing chosen yet")),
                }
                let mut under = Vec::new();
                if let Some(suggested) = &taken.suggested {
                    let said: Vec<String> = suggested
                        .because
                        .iter()
                        .map(|said| format!("{}: {}", said.question, said.answer))
                        .collect();
                    let said = said.join("; ");
                    let sentence = match &taken.found {
                        Some(found) if *found == suggested.found => {
                            format!("Confirms what the answers said: {said}.")
                        }
                        Some(_) => format!(
                            "The answers pointed to “{}” ({said}); what was seen differs.",
                            suggested.found
                        ),
                        None => format!("The answers point to “{}” ({said}).", suggested.found),
                    };
                    under.push(Block::Para(vec![text(sentence)]));
                }
                if !taken.note.is_empty() {
                    under.push(Block::Para(vec![
                        strong("Note: "),
                        text(taken.note.clone()),
                    ]));
                }
                Entry { text: spans, under }
            })
            .collect();
        blocks.push(Block::List {
            ordered: true,
            entries,
        });
        if let Some(conclusion) = walk.ended() {
            let mut terms = vec![
                Term {
                    term: "Cause".to_owned(),
                    hint: None,
                    descriptions: vec![conclusion.cause.clone()],
                },
                Term {
                    term: "Fix".to_owned(),
                    hint: None,
                    descriptions: vec![conclusion.fix.clone()],
                },
            ];
            if !conclusion.references.is_empty() {
                terms.push(Term {
                    term: "References".to_owned(),
                    hint: None,
                    descriptions: conclusion.references.clone(),
                });
            }
            blocks.push(Block::Terms(terms));
        }
    }
    blocks
}

/// The partner's report: executive summary, contents, issues, findings to verify, rules not
/// assessed, checks passed, answers by section, and the playbooks walked.
fn partner(
    questionnaire: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    walks: &[Walk],
    created_at: &str,
) -> Page {
    let partner = text_answer(answers, "engagement.partner_name");
    let engagement = text_answer(answers, "engagement.engagement_name");
    let progress = progress::progress(questionnaire, answers, &[]);
    let issues: Vec<&Finding> = assessment.issues().collect();
    let verify: Vec<&Finding> = assessment.to_verify().collect();
    let anchor = |finding: &Finding| parts::anchor(assessment, finding);

    let mut summary = vec![
        facts(&[
            ("Partner", partner),
            ("Engagement", engagement),
            ("Created", created_at),
        ]),
        parts::counts_para(&parts::issue_counts(assessment), verify.len()),
    ];
    summary.extend(completeness(questionnaire, answers, &progress));
    summary.extend(parts::chart(
        "Issues by severity and category",
        issues.iter().copied(),
    ));
    summary.push(Block::Heading {
        level: 3,
        anchor: None,
        text: vec![text("Top actions")],
    });
    summary.extend(parts::top_actions(issues.iter().copied(), anchor));
    summary.push(parts::rules_para(assessment));

    let mut contents = contents_of(issues.len(), verify.len(), assessment);
    contents.push(("Answers by section", String::new()));
    let walked = (!walks.is_empty()).then(|| {
        contents.push((WALKED, parts::count(walks.len(), "playbook", "playbooks")));
        parts::section(WALKED, walk_blocks(walks))
    });
    Page {
        title: format!("{} assessment: {partner} {engagement}", crate::PRODUCT_NAME),
        heading: format!("{} assessment", crate::PRODUCT_NAME),
        blocks: vec![
            parts::section("Executive summary", summary),
            parts::contents(&contents),
            parts::section(
                "Issues",
                parts::issues_blocks(&issues, anchor, |_| Vec::new()),
            ),
            parts::section(
                "To verify",
                parts::to_verify_blocks(&verify, anchor, |_| Vec::new()),
            ),
            parts::section(
                "Not answered",
                not_answered(questionnaire, answers, assessment, &progress),
            ),
            parts::section("Passed checks", parts::passed_blocks(assessment)),
            parts::section(
                "Answers by section",
                answers_by_section(questionnaire, answers, &progress),
            ),
        ]
        .into_iter()
        .chain(walked)
        .collect(),
        footer: footer(assessment.ruleset_version, created_at),
    }
}

/// The heading of the partner's walks' section.
const WALKED: &str = "Playbooks walked";
/// The heading of the reviewer's walks' section.
const WALKED_IN_REVIEW: &str = "Playbooks walked in review";
const CONFIRMED: &str = "Answers confirmed on the platform";

/// The report page: see [`partner`].
pub fn html(
    questionnaire: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    walks: &[Walk],
    created_at: &str,
) -> String {
    partner(questionnaire, answers, assessment, walks, created_at).html()
}

/// The Markdown report: the same content as [`html`].
pub fn markdown(
    questionnaire: &Questionnaire,
    answers: &Answers,
    assessment: &Assessment,
    walks: &[Walk],
    created_at: &str,
) -> String {
    partner(questionnaire, answers, assessment, walks, created_at).markdown()
}

/// The reviewer's verdict on an item, if any.
fn verdict(review: &Review, item: &ReviewItem<'_>) -> Option<Verdict> {
    review.triage(&item.key).and_then(|triage| triage.verdict)
}

/// What the review says of a finding still open: its verdict, how it compares with the bundle,
/// and the reviewer's note.
fn review_entries(review: &Review, item: &ReviewItem<'_>) -> Vec<Block> {
    let triage = review.triage(&item.key);
    let mut entries = vec![Entry::new(vec![text(format!(
        "Review: {}",
        triage
            .and_then(|t| t.verdict)
            .map_or("not triaged", Verdict::name)
    ))])];
    if let Some(change) = item.change.describe() {
        entries.push(Entry::new(vec![text(format!("Re-run: {change}"))]));
    }
    if let Some(note) = triage.map(|t| t.note.as_str()).filter(|n| !n.is_empty()) {
        entries.push(Entry::new(vec![text(format!("Reviewer's note: {note}"))]));
    }
    if let Some(plan) = triage.filter(|t| !t.plan.is_empty()) {
        entries.push(Entry::new(vec![text(format!(
            "Plan: {}",
            plan.plan.words()
        ))]));
    }
    vec![Block::List {
        ordered: false,
        entries,
    }]
}

/// The triage of `items` in one sentence: "3 of 20 findings triaged: 1 confirmed, ...", the
/// counts worded as [`VerdictCounts`](super::VerdictCounts) shows them.
fn triage_sentence(review: &Review, items: &[ReviewItem<'_>], noun: (&str, &str)) -> String {
    let counts = review.counts(items);
    format!(
        "{} of {} triaged: {counts}.",
        counts.triaged(),
        parts::count(counts.total(), noun.0, noun.1)
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

/// The findings the reviewer added, as cards with their own evidence and steps.
fn added_blocks(review: &Review) -> Vec<Block> {
    if review.added.is_empty() {
        return vec![Block::Para(vec![text("The reviewer added no finding.")])];
    }
    review
        .added
        .iter()
        .map(|finding| {
            let mut blocks = vec![
                Block::Heading {
                    level: 3,
                    anchor: None,
                    text: vec![text(format!(
                        "{} {}: {}",
                        finding.severity.name(),
                        finding.id,
                        finding.title
                    ))],
                },
                Block::Para(vec![text(&finding.message)]),
            ];
            if !finding.plan.is_empty() {
                blocks.push(Block::Para(vec![
                    strong("Plan: "),
                    text(finding.plan.words()),
                ]));
            }
            for (label, list, ordered) in [
                ("Evidence", &finding.evidence, false),
                ("Playbook", &finding.remediation, true),
            ] {
                if list.is_empty() {
                    continue;
                }
                blocks.push(Block::Para(vec![strong(label)]));
                blocks.push(Block::List {
                    ordered,
                    entries: list
                        .iter()
                        .map(|line| Entry::new(vec![text(line)]))
                        .collect(),
                });
            }
            Block::Card {
                class: finding.severity.name(),
                anchor: None,
                blocks,
            }
        })
        .collect()
}

/// A finding's kind and severity as the review lists it: "high issue", "to verify (could be
/// high)".
fn kind_words(kind: FindingKind, severity: Severity) -> String {
    match kind {
        FindingKind::Issue => format!("{} issue", severity.name()),
        FindingKind::NeedsVerification => format!("to verify (could be {})", severity.name()),
    }
}

/// The dismissed findings: each with the reason and the reviewer's note, no playbook.
fn dismissed_blocks(review: &Review, dismissed: &[&ReviewItem<'_>]) -> Vec<Block> {
    let mut blocks = vec![Block::Para(vec![text(
        "Findings the reviewer dismissed, with the reason. They are not to act on: their \
         playbooks are left out.",
    )])];
    if dismissed.is_empty() {
        blocks.push(Block::Para(vec![text("None.")]));
    }
    for item in dismissed {
        let triage = review.triage(&item.key);
        let mut entries = vec![Entry::new(vec![text(format!(
            "Dismissed: {}",
            triage.map_or("", |t| t.reason.as_str())
        ))])];
        if let Some(note) = triage.map(|t| t.note.as_str()).filter(|n| !n.is_empty()) {
            entries.push(Entry::new(vec![text(format!("Reviewer's note: {note}"))]));
        }
        let review = vec![Block::List {
            ordered: false,
            entries,
        }];
        if let Some(finding) = item.current {
            let mut card = parts::finding_card(finding, None, 3, review, false);
            if let Block::Card { class, .. } = &mut card {
                *class = "dismissed";
            }
            blocks.push(card);
        }
    }
    blocks
}

/// The bundle's findings the current rules no longer make, in short.
fn resolved_blocks(review: &Review, resolved: &[&ReviewItem<'_>]) -> Vec<Block> {
    if resolved.is_empty() {
        return vec![Block::Para(vec![text(
            "Every finding of the bundle is found again by the current rules.",
        )])];
    }
    vec![
        Block::Para(vec![text(
            "Findings in the partner's bundle that the current rules no longer make.",
        )]),
        Block::List {
            ordered: false,
            entries: resolved
                .iter()
                .map(|item| {
                    let mut line = format!(
                        "{} {}: {} ({} in the bundle)",
                        item.rule(),
                        item.title(),
                        item.message(),
                        kind_words(item.kind(), item.severity())
                    );
                    if let Some(verdict) = verdict(review, item) {
                        let _ = write!(line, "; review: {}", verdict.name());
                    }
                    Entry::new(vec![text(line)])
                })
                .collect(),
        },
    ]
}

/// The review's summary: who and when, the findings now (issues apart from the findings to
/// verify), the triage, what the reviewer added, completeness, the chart and top actions.
#[expect(clippy::too_many_arguments, reason = "the parts of one summary")]
fn review_summary(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
    items: &[ReviewItem<'_>],
    open: &[&Finding],
    progress: &Progress,
    anchor: &dyn Fn(&Finding) -> Option<String>,
) -> Vec<Block> {
    let answers = &bundle.answers;
    let assessment = &rerun.assessment;
    let ruleset = format!(
        "{} {}, rule set {}",
        crate::PRODUCT_NAME,
        review.app_version,
        review.ruleset_version
    );
    let exports = super::review_render::exports_line(bundle);
    let mut blocks = vec![
        facts(&[
            ("Partner", text_answer(answers, "engagement.partner_name")),
            (
                "Engagement",
                text_answer(answers, "engagement.engagement_name"),
            ),
            ("Bundle created", &bundle.manifest.created_at),
            ("Collector exports", &exports),
            (
                "Reviewer",
                if review.reviewer.trim().is_empty() {
                    "Not given"
                } else {
                    &review.reviewer
                },
            ),
            ("Reviewed", &review.reviewed_at),
            ("Findings re-run with", &ruleset),
        ]),
        Block::Para(vec![text("Found by the current rules:")]),
        parts::counts_para(
            &parts::issue_counts(assessment),
            assessment.to_verify().count(),
        ),
    ];
    let is_dismissed = |item: &&ReviewItem<'_>| verdict(review, item) == Some(Verdict::Dismissed);
    let current: Vec<&ReviewItem<'_>> = items.iter().filter(|i| i.current.is_some()).collect();
    let dismissed_issues = current
        .iter()
        .filter(|i| i.kind() == FindingKind::Issue && is_dismissed(i))
        .count();
    let dismissed_verify = current
        .iter()
        .filter(|i| i.kind() == FindingKind::NeedsVerification && is_dismissed(i))
        .count();
    let open_verify = assessment.to_verify().count() - dismissed_verify;
    blocks.push(Block::Para(vec![
        strong("After review: "),
        text(format!(
            "{} and {open_verify} to verify remain; dismissed: {} and {dismissed_verify} to \
             verify.",
            parts::issues_in_words(&parts::counts_of(open.iter().copied())),
            parts::count(dismissed_issues, "issue", "issues"),
        )),
    ]));
    let of_kind = |kind: FindingKind| -> Vec<ReviewItem<'_>> {
        items.iter().filter(|i| i.kind() == kind).cloned().collect()
    };
    blocks.push(Block::List {
        ordered: false,
        entries: vec![
            Entry::new(vec![
                strong("Triage: "),
                text(triage_sentence(review, items, ("finding", "findings"))),
            ]),
            Entry::new(vec![
                strong("Issues: "),
                text(triage_sentence(
                    review,
                    &of_kind(FindingKind::Issue),
                    ("issue", "issues"),
                )),
            ]),
            Entry::new(vec![
                strong("To verify: "),
                text(triage_sentence(
                    review,
                    &of_kind(FindingKind::NeedsVerification),
                    ("finding to verify", "findings to verify"),
                )),
            ]),
        ],
    });
    let added = parts::severities_in_words(&Severity::ALL.map(|severity| {
        (
            severity,
            review
                .added
                .iter()
                .filter(|f| f.severity == severity)
                .count(),
        )
    }));
    blocks.push(Block::Para(vec![text(if added.is_empty() {
        "The reviewer added no finding.".to_owned()
    } else {
        format!(
            "{} added by the reviewer: {added}.",
            parts::count(review.added.len(), "issue", "issues")
        )
    })]));
    if let Some(sentence) = ruleset_sentence(rerun) {
        blocks.push(Block::Para(vec![text(sentence)]));
    }
    if !review.note.trim().is_empty() {
        blocks.push(Block::Heading {
            level: 3,
            anchor: None,
            text: vec![text("Reviewer's note")],
        });
        blocks.extend(
            review
                .note
                .lines()
                .filter(|line| !line.trim().is_empty())
                .map(|line| Block::Para(vec![text(line)])),
        );
    }
    blocks.extend(completeness(questionnaire, answers, progress));
    blocks.extend(parts::chart(
        "Open issues by severity and category",
        open.iter().copied(),
    ));
    blocks.push(Block::Heading {
        level: 3,
        anchor: None,
        text: vec![text("Top actions")],
    });
    blocks.extend(parts::top_actions(open.iter().copied(), anchor));
    blocks
}

/// The review's report: summary, contents, the issues and the findings to verify still open
/// (with verdict and playbook), the dismissed findings set apart (reason, no playbook), the
/// reviewer's own findings, the findings resolved since the bundle, then what was not answered,
/// the checks passed and the answers.
fn reviewed(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
) -> Page {
    let answers = &bundle.answers;
    let assessment = &rerun.assessment;
    let progress = progress::progress(questionnaire, answers, &[]);
    let items = items(rerun);
    let anchor = |finding: &Finding| parts::anchor(assessment, finding);
    let dismissed = |item: &ReviewItem<'_>| verdict(review, item) == Some(Verdict::Dismissed);
    let open_of = |kind: FindingKind| -> Vec<&Finding> {
        items
            .iter()
            .filter(|item| !dismissed(item))
            .filter_map(|item| item.current)
            .filter(|finding| finding.kind == kind)
            .collect()
    };
    let open_issues = open_of(FindingKind::Issue);
    let open_verify = open_of(FindingKind::NeedsVerification);
    let dismissed_items: Vec<&ReviewItem<'_>> = items
        .iter()
        .filter(|item| item.current.is_some() && dismissed(item))
        .collect();
    let resolved: Vec<&ReviewItem<'_>> = items.iter().filter(|i| i.current.is_none()).collect();
    let review_of = |finding: &Finding| -> Vec<Block> {
        items
            .iter()
            .find(|item| item.current.is_some_and(|f| std::ptr::eq(f, finding)))
            .map(|item| review_entries(review, item))
            .unwrap_or_default()
    };

    let summary = review_summary(
        questionnaire,
        bundle,
        rerun,
        review,
        &items,
        &open_issues,
        &progress,
        &anchor,
    );
    let mut contents = vec![
        ("Issues", parts::count(open_issues.len(), "issue", "issues")),
        ("To verify", open_verify.len().to_string()),
        ("Dismissed", dismissed_items.len().to_string()),
        ("Added by the reviewer", review.added.len().to_string()),
        ("Resolved", resolved.len().to_string()),
    ];
    contents.extend(contents_of(0, 0, assessment).into_iter().skip(2));
    contents.push(("Answers by section", String::new()));
    // The answers the reviewer confirmed on the platform (review schema 3): the question with its
    // item, the answer, and how it was confirmed.
    let confirmed: Vec<Term> = review
        .confirmed
        .iter()
        .map(|(path, confirmed)| {
            let (question, answer) = display::answer_at(questionnaire, answers, path)
                .unwrap_or_else(|| (path.clone(), String::new()));
            let mut descriptions = vec![answer];
            if !confirmed.note.is_empty() {
                descriptions.push(format!("Confirmed: {}", confirmed.note));
            }
            Term {
                term: question,
                hint: None,
                descriptions,
            }
        })
        .collect();
    let mut walked = Vec::new();
    if !confirmed.is_empty() {
        contents.push((CONFIRMED, confirmed.len().to_string()));
        walked.push(parts::section(CONFIRMED, vec![Block::Terms(confirmed)]));
    }
    let reviewer_walks: Vec<Walk> = review.walks.values().cloned().collect();
    for (title, walks) in [
        (WALKED, bundle.walks.as_slice()),
        (WALKED_IN_REVIEW, reviewer_walks.as_slice()),
    ] {
        if !walks.is_empty() {
            contents.push((title, parts::count(walks.len(), "playbook", "playbooks")));
            walked.push(parts::section(title, walk_blocks(walks)));
        }
    }
    let partner = text_answer(answers, "engagement.partner_name");
    let engagement = text_answer(answers, "engagement.engagement_name");
    Page {
        title: format!("{} review: {partner} {engagement}", crate::PRODUCT_NAME),
        heading: format!("{} review", crate::PRODUCT_NAME),
        blocks: vec![
            parts::section("Executive summary", summary),
            parts::contents(&contents),
            parts::section(
                "Issues",
                parts::issues_blocks(&open_issues, anchor, review_of),
            ),
            parts::section(
                "To verify",
                parts::to_verify_blocks(&open_verify, anchor, review_of),
            ),
            parts::section("Dismissed", dismissed_blocks(review, &dismissed_items)),
            parts::section("Added by the reviewer", added_blocks(review)),
            parts::section("Resolved", resolved_blocks(review, &resolved)),
            parts::section(
                "Not answered",
                not_answered(questionnaire, answers, assessment, &progress),
            ),
            parts::section("Passed checks", parts::passed_blocks(assessment)),
            parts::section(
                "Answers by section",
                answers_by_section(questionnaire, answers, &progress),
            ),
        ]
        .into_iter()
        .chain(walked)
        .collect(),
        footer: footer(&review.ruleset_version, &review.reviewed_at),
    }
}

/// The reviewed report page: see [`reviewed`]. Same policy as the partner's report.
pub fn review_html(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
) -> String {
    reviewed(questionnaire, bundle, rerun, review).html()
}

/// The reviewed report in Markdown: the same content as [`review_html`].
pub fn review_markdown(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
) -> String {
    reviewed(questionnaire, bundle, rerun, review).markdown()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_says_what_made_the_file_not_that_answers_stay_in_the_browser() {
        let text = footer("1.1.0", "2026-11-02T14:05:09Z");
        assert_eq!(
            text,
            format!(
                "Made by VCSP Intake {}, rule set 1.1.0, on 2026-11-02.",
                crate::VERSION
            )
        );
        assert!(!text.contains("browser"));
    }
}
