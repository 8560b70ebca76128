//! The parts of a readable report made from an assessment: counts in words, the chart, top
//! actions, the issues, the findings to verify, the rules not assessed and the checks passed.
//! The bundle's reports and `intake assess --format md` put them together.
//!
//! Issues and findings to verify are never mixed: a to-verify finding's severity is only what
//! it could be if the check failed, so it is said so ("could be high if the check fails") and
//! never counted with the issues.

use std::collections::BTreeMap;

use super::{Bar, Block, Chart, ChartGroup, Entry, Span, strong, text};
use crate::questionnaire::Questionnaire;
use crate::rules::{self, Assessment, Category, Evidence, Finding, FindingKind, Severity};

/// "1 issue", "2 issues".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

pub(crate) use crate::display::capitalised;

/// The colour a severity is drawn in (the words say it too).
pub(crate) fn colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "#8b0000",
        Severity::High => "#c0392b",
        Severity::Medium => "#b9770e",
        Severity::Low => "#2e86c1",
        Severity::Info => "#777777",
    }
}

/// Issues per severity, most severe first.
pub(crate) type Counts = [(Severity, usize); 5];

/// An assessment's issues per severity.
pub(crate) fn issue_counts(assessment: &Assessment) -> Counts {
    Severity::ALL.map(|severity| (severity, assessment.issue_count(severity)))
}

/// Issues per severity among `findings` (to-verify findings left out).
pub(crate) fn counts_of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
    let mut counts = Severity::ALL.map(|severity| (severity, 0));
    for finding in findings {
        if finding.kind == FindingKind::Issue {
            for (severity, n) in &mut counts {
                *n += usize::from(*severity == finding.severity);
            }
        }
    }
    counts
}

/// "4 issues (1 critical, 3 high)" or "0 issues": severities without issues left out.
pub(crate) fn issues_in_words(counts: &Counts) -> String {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let parts = severities_in_words(counts);
    if parts.is_empty() {
        count(total, "issue", "issues")
    } else {
        format!("{} ({parts})", count(total, "issue", "issues"))
    }
}

/// "1 critical, 3 high": severities without issues left out.
pub(crate) fn severities_in_words(counts: &Counts) -> String {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(severity, n)| format!("{n} {}", severity.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sentence giving the issues and the findings to verify, kept apart:
/// "**4 issues** (1 critical, 3 high). **12 to verify**: ...".
pub(crate) fn counts_para(counts: &Counts, to_verify: usize) -> Block {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let severities = severities_in_words(counts);
    let mut spans = vec![strong(count(total, "issue", "issues"))];
    if !severities.is_empty() {
        spans.push(text(format!(" ({severities})")));
    }
    spans.push(text(". "));
    spans.push(strong(format!("{to_verify} to verify")));
    spans.push(text(
        ": answers “I don't know” that must be checked. They are not issues, and not counted \
         as issues.",
    ));
    Block::Para(spans)
}

/// How the rules came out, in one sentence.
pub(crate) fn rules_para(assessment: &Assessment) -> Block {
    let overall = &assessment.summary.overall;
    Block::Para(vec![text(format!(
        "Rules: {} passed, {} found issues, {} need a check, {} could not run for want of \
         answers, {} did not apply.",
        overall.rules_passed,
        overall.rules_failed,
        overall.rules_unverified,
        overall.rules_not_assessed,
        overall.rules_not_applicable
    ))])
}

/// The chart of issues by severity and by category under a heading, `title`; nothing without
/// issues.
pub(crate) fn chart<'a>(
    title: &str,
    issues: impl IntoIterator<Item = &'a Finding> + Clone,
) -> Vec<Block> {
    let counts = counts_of(issues.clone());
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return Vec::new();
    }
    let by_severity = counts
        .iter()
        .map(|(severity, n)| Bar {
            label: capitalised(severity.name()),
            parts: vec![(colour(*severity), *n)],
            detail: None,
        })
        .collect();
    let by_category: Vec<Bar> = by_category(issues)
        .into_iter()
        .map(|(category, counts)| Bar {
            label: category.title().to_owned(),
            parts: counts.iter().map(|(s, n)| (colour(*s), *n)).collect(),
            detail: Some(severities_in_words(&counts)),
        })
        .collect();
    let description = format!(
        "{}. By category: {}.",
        issues_in_words(&counts),
        by_category
            .iter()
            .map(|bar| format!(
                "{} {}",
                bar.label,
                bar.detail.as_deref().unwrap_or_default()
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let heading = Block::Heading {
        level: 3,
        anchor: None,
        text: vec![text(title)],
    };
    vec![
        heading,
        Block::Chart(Chart {
            title: title.to_owned(),
            description,
            unit: "Issues".to_owned(),
            groups: vec![
                ChartGroup {
                    heading: "By severity".to_owned(),
                    bars: by_severity,
                },
                ChartGroup {
                    heading: "By category".to_owned(),
                    bars: by_category,
                },
            ],
        }),
    ]
}

/// Issues per severity in each category that has any, in category order.
fn by_category<'a>(issues: impl IntoIterator<Item = &'a Finding>) -> Vec<(Category, Counts)> {
    rules::issues_by_category(issues)
        .into_iter()
        .map(|(category, by_severity)| {
            let mut counts = by_severity.into_iter();
            (
                category,
                Severity::ALL.map(|severity| (severity, counts.next().unwrap_or_default())),
            )
        })
        .collect()
}

/// The first five issues, most severe first, each with the first step of its playbook.
/// `anchor` gives the finding's place in the page, for a link.
pub(crate) fn top_actions<'a>(
    issues: impl IntoIterator<Item = &'a Finding>,
    anchor: impl Fn(&Finding) -> Option<String>,
) -> Vec<Block> {
    let entries: Vec<Entry> = issues
        .into_iter()
        .filter(|finding| finding.kind == FindingKind::Issue)
        .take(5)
        .map(|finding| {
            let mut spans = vec![
                strong(capitalised(finding.severity.name())),
                text(format!(" · {} ", finding.rule)),
            ];
            match anchor(finding) {
                Some(anchor) => spans.push(Span::Local {
                    anchor,
                    text: finding.title.to_owned(),
                    heading: false,
                }),
                None => spans.push(text(finding.title)),
            }
            spans.push(text(format!(": {}", finding.message)));
            let mut entry = Entry::new(spans);
            if let Some(step) = finding.remediation.first() {
                entry.under.push(Block::List {
                    ordered: false,
                    entries: vec![Entry::new(vec![strong("First step: "), Span::Rule(step)])],
                });
            }
            entry
        })
        .collect();
    if entries.is_empty() {
        return vec![Block::Para(vec![text("No issue to act on.")])];
    }
    vec![Block::List {
        ordered: true,
        entries,
    }]
}

/// "question: answer", as people read them.
pub(crate) fn evidence_entry(evidence: &Evidence) -> Entry {
    Entry::new(vec![text(format!(
        "{}: {}",
        evidence.question, evidence.answer
    ))])
}

/// The evidence of a finding: each answer as "question: answer", or, when the finding is about
/// several items, each item's message with its answers under it.
fn evidence_list(finding: &Finding) -> Block {
    let entries = if finding.occurrences.is_empty() {
        finding.evidence.iter().map(evidence_entry).collect()
    } else {
        finding
            .occurrences
            .iter()
            .map(|occurrence| Entry {
                text: vec![text(&occurrence.message)],
                under: vec![Block::List {
                    ordered: false,
                    entries: occurrence.evidence.iter().map(evidence_entry).collect(),
                }],
            })
            .collect()
    };
    Block::List {
        ordered: false,
        entries,
    }
}

fn label(name: &str) -> Block {
    Block::Para(vec![strong(name)])
}

/// A finding's anchor in a page: its place in the assessment's list.
pub(crate) fn anchor(assessment: &Assessment, finding: &Finding) -> Option<String> {
    assessment
        .findings
        .iter()
        .position(|f| std::ptr::eq(f, finding))
        .map(|index| format!("finding-{}", index + 1))
}

/// The heading of a finding: "high CRT-001: ..." for an issue; a to-verify finding's heading
/// has no severity, since it has none yet.
pub(crate) fn finding_heading(finding: &Finding, level: u8) -> Block {
    let text = match finding.kind {
        FindingKind::Issue => format!(
            "{} {}: {}",
            finding.severity.name(),
            finding.rule,
            finding.title
        ),
        FindingKind::NeedsVerification => {
            format!("To verify {}: {}", finding.rule, finding.title)
        }
    };
    Block::Heading {
        level,
        anchor: None,
        text: vec![Span::Text(text)],
    }
}

/// One finding as a card: heading, message, `review` (the reviewer's verdict, when reviewed),
/// evidence, why it matters or what to check, and with `playbook` the playbook and references.
pub(crate) fn finding_card(
    finding: &Finding,
    anchor: Option<String>,
    level: u8,
    review: Vec<Block>,
    playbook: bool,
) -> Block {
    let rule = rules::rule(finding.rule);
    let mut blocks = vec![finding_heading(finding, level)];
    let class = match finding.kind {
        FindingKind::Issue => finding.severity.name(),
        FindingKind::NeedsVerification => {
            blocks.push(Block::Para(vec![
                strong("To verify: "),
                text(format!(
                    "could be {} if the check fails. Not an issue until it is checked.",
                    finding.severity.name()
                )),
            ]));
            "verify"
        }
    };
    blocks.push(Block::Para(vec![text(&finding.message)]));
    blocks.extend(review);
    let evidence = match finding.kind {
        FindingKind::Issue => "Evidence",
        FindingKind::NeedsVerification => "Question to verify",
    };
    if !finding.evidence.is_empty() {
        blocks.push(label(evidence));
        blocks.push(evidence_list(finding));
    }
    if let Some(rule) = rule {
        blocks.push(match finding.kind {
            FindingKind::Issue => {
                Block::Para(vec![strong("Why it matters: "), Span::Rule(rule.why)])
            }
            FindingKind::NeedsVerification => Block::Para(vec![
                strong("What the rule checks: "),
                Span::Rule(rule.checks),
            ]),
        });
    }
    if playbook {
        blocks.push(label("Playbook"));
        blocks.push(Block::List {
            ordered: true,
            entries: finding
                .remediation
                .iter()
                .map(|step| Entry::new(vec![Span::Rule(step)]))
                .collect(),
        });
        if !finding.references.is_empty() {
            blocks.push(label("References"));
            blocks.push(Block::List {
                ordered: false,
                entries: finding
                    .references
                    .iter()
                    .map(|url| Entry::new(vec![Span::Url(url)]))
                    .collect(),
            });
        }
    }
    Block::Card {
        class,
        anchor,
        blocks,
    }
}

/// A level-2 heading with its anchor (the one Markdown derives from it).
pub(crate) fn section_heading(title: &str) -> Block {
    Block::Heading {
        level: 2,
        anchor: Some(super::slug(title)),
        text: vec![text(title)],
    }
}

/// A section of the page, anchored at its heading.
pub(crate) fn section(title: &str, mut blocks: Vec<Block>) -> Block {
    blocks.insert(0, section_heading(title));
    Block::Section {
        anchor: None,
        navigation: false,
        blocks,
    }
}

/// The table of contents: a link to each section, with what it holds.
pub(crate) fn contents(entries: &[(&str, String)]) -> Block {
    Block::Section {
        anchor: None,
        navigation: true,
        blocks: vec![
            Block::Heading {
                level: 2,
                anchor: Some("contents".to_owned()),
                text: vec![text("Contents")],
            },
            Block::List {
                ordered: false,
                entries: entries
                    .iter()
                    .map(|(title, detail)| {
                        let mut spans = vec![Span::Local {
                            anchor: super::slug(title),
                            text: (*title).to_owned(),
                            heading: true,
                        }];
                        if !detail.is_empty() {
                            spans.push(text(format!(": {detail}")));
                        }
                        Entry::new(spans)
                    })
                    .collect(),
            },
        ],
    }
}

/// The issues by severity, each with its evidence and playbook. `review` gives each finding's
/// verdict blocks.
pub(crate) fn issues_blocks(
    issues: &[&Finding],
    anchor: impl Fn(&Finding) -> Option<String>,
    review: impl Fn(&Finding) -> Vec<Block>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    if issues.is_empty() {
        blocks.push(Block::Para(vec![text("No issue found.")]));
    }
    for severity in Severity::ALL {
        let found: Vec<&&Finding> = issues.iter().filter(|f| f.severity == severity).collect();
        if found.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            level: 3,
            anchor: None,
            text: vec![text(format!(
                "{} ({})",
                capitalised(severity.name()),
                found.len()
            ))],
        });
        for finding in found {
            blocks.push(finding_card(
                finding,
                anchor(finding),
                4,
                review(finding),
                true,
            ));
        }
    }
    blocks
}

/// The findings to verify, each with the answer to check and the playbook.
pub(crate) fn to_verify_blocks(
    findings: &[&Finding],
    anchor: impl Fn(&Finding) -> Option<String>,
    review: impl Fn(&Finding) -> Vec<Block>,
) -> Vec<Block> {
    let mut blocks = vec![Block::Para(vec![text(
        "Answers “I don't know”: each says how serious it could be if the check fails. None is an \
         issue until it is checked, and none is counted as one.",
    )])];
    if findings.is_empty() {
        blocks.push(Block::Para(vec![text("Nothing to verify.")]));
    }
    for finding in findings {
        blocks.push(finding_card(
            finding,
            anchor(finding),
            3,
            review(finding),
            true,
        ));
    }
    blocks
}

/// A rule not assessed, as listed under one section: its title, its severity, and the questions
/// of that section it needs.
type Needs<'a> = (&'a str, Severity, Vec<&'a str>);

/// The rules that could not run and the blank questions they need, grouped by the
/// questionnaire's sections (or, without it, by category); the questions by their labels.
pub(crate) fn not_assessed_blocks(
    assessment: &Assessment,
    questionnaire: Option<&Questionnaire>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    if assessment.not_assessed.is_empty() {
        blocks.push(Block::Para(vec![text(
            "Every rule had the answers it needs.",
        )]));
        return blocks;
    }
    blocks.push(Block::Para(vec![text(format!(
        "{} could not run because questions they need are blank. Answer them to complete the \
         assessment.",
        count(assessment.not_assessed.len(), "rule", "rules")
    ))]));
    let mut groups: BTreeMap<(usize, String), BTreeMap<&str, Needs<'_>>> = BTreeMap::new();
    for rule in &assessment.not_assessed {
        for need in &rule.needs {
            let group = match questionnaire {
                Some(questionnaire) => {
                    let section = crate::progress::section_of_path(questionnaire, &need.path);
                    questionnaire
                        .sections()
                        .iter()
                        .enumerate()
                        .find(|(_, s)| Some(s.id.as_str()) == section)
                        .map_or((usize::MAX, "Other questions".to_owned()), |(i, s)| {
                            (i, s.title.clone())
                        })
                }
                None => {
                    let index = Category::ALL
                        .iter()
                        .position(|c| *c == rule.category)
                        .unwrap_or(usize::MAX);
                    (index, rule.category.title().to_owned())
                }
            };
            let entry = groups
                .entry(group)
                .or_default()
                .entry(rule.rule)
                .or_insert((rule.title, rule.severity, Vec::new()));
            if !entry.2.contains(&need.question.as_str()) {
                entry.2.push(&need.question);
            }
        }
    }
    for ((_, title), rules) in groups {
        blocks.push(Block::Heading {
            level: 3,
            anchor: None,
            text: vec![text(title)],
        });
        blocks.push(Block::List {
            ordered: false,
            entries: rules
                .into_iter()
                .map(|(id, (title, severity, questions))| Entry {
                    text: vec![text(format!(
                        "{id}: {title} (its findings would be {}). It needs:",
                        severity.name()
                    ))],
                    under: vec![Block::List {
                        ordered: false,
                        entries: questions
                            .into_iter()
                            .map(|question| Entry::new(vec![text(question)]))
                            .collect(),
                    }],
                })
                .collect(),
        });
    }
    blocks
}

/// The rules that passed, by id and title.
pub(crate) fn passed_blocks(assessment: &Assessment) -> Vec<Block> {
    let overall = &assessment.summary.overall;
    let mut blocks = vec![Block::Para(vec![text(format!(
        "{} found nothing to report in the answers they check. {} did not apply to these \
         answers and are not listed.",
        count(assessment.passed.len(), "rule", "rules"),
        count(overall.rules_not_applicable, "rule", "rules")
    ))])];
    if !assessment.passed.is_empty() {
        blocks.push(Block::List {
            ordered: false,
            entries: assessment
                .passed
                .iter()
                .map(|id| {
                    let title = rules::rule(id).map_or("", |rule| rule.title);
                    Entry::new(vec![text(format!("{id}: {title}"))])
                })
                .collect(),
        });
    }
    blocks
}
