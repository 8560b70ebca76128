//! Two assessments of one partner compared: what was fixed, what is new, what was re-rated and
//! what is still open, with the answers that changed and caused each; counts by severity and
//! category before and after. Both sets of answers are assessed by this build's rules, so a change
//! of rule set between them does not read as a change of the platform.
//!
//! Findings are matched as a review's re-run matches them (by rule and message, in order); those
//! left over are then paired by rule and the items their evidence names, the most items in
//! common first (a certificate whose expiry moved has another message, but is the same finding;
//! so is "3 certificates" become "7 certificates"). Answers are matched by question, and group
//! items by name.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::Serialize;

use super::report::{Page, footer};
use crate::answers::Answers;
use crate::display;
use crate::document::{Block, Entry, Span, Table, heading, strong, text};
use crate::questionnaire::{Item, Questionnaire};
use crate::rules::render::terminal;
use crate::rules::{self, Assessment, Category, Config, Finding, FindingKind, Severity};

/// The version of the comparison's JSON.
pub const COMPARISON_SCHEMA_VERSION: u32 = 1;

/// Two assessments compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(title = "VCSP Intake comparison")]
pub struct Comparison {
    pub comparison_schema_version: u32,
    /// What the older assessment is called ("before engagement", a file name).
    pub before: String,
    pub after: String,
    /// The findings of the older assessment that the newer does not have.
    pub fixed: Vec<Compared>,
    /// The findings of the newer assessment that the older did not have.
    pub new: Vec<Compared>,
    /// Findings of both, with another severity or kind.
    pub rerated: Vec<Compared>,
    /// Findings of both, as serious as before.
    pub still_open: Vec<Compared>,
    /// Every answer that changed, in questionnaire order.
    pub answers_changed: Vec<AnswerChange>,
    pub counts_before: Counts,
    pub counts_after: Counts,
}

/// One finding in both assessments, or in one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Compared {
    pub rule: String,
    pub title: String,
    pub category: Category,
    /// Its severity and kind before; none for a new finding.
    pub before: Option<Rated>,
    /// Its severity and kind after; none for a fixed finding.
    pub after: Option<Rated>,
    /// Its message before (after for a new finding).
    pub message: String,
    /// Its message after, when it says something else than before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_after: Option<String>,
    /// The answers it rests on that changed between the two.
    pub caused_by: Vec<AnswerChange>,
}

/// A finding's severity and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Rated {
    pub severity: Severity,
    pub kind: FindingKind,
}

/// An answer before and after, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AnswerChange {
    /// The question, with the item's name for a group's member.
    pub question: String,
    /// "Not answered" when there was none.
    pub before: String,
    pub after: String,
}

/// How many findings an assessment has: issues by severity, findings to verify, and issues by
/// category.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, JsonSchema)]
pub struct Counts {
    pub issues: usize,
    pub to_verify: usize,
    /// Issues by severity, most severe first; every severity listed.
    pub by_severity: Vec<(Severity, usize)>,
    /// Issues by category, in the categories' order; only those with some.
    pub by_category: Vec<(Category, usize)>,
}

impl Counts {
    pub fn of(assessment: &Assessment) -> Counts {
        let issues: Vec<&Finding> = assessment.issues().collect();
        Counts {
            issues: issues.len(),
            to_verify: assessment.findings.len() - issues.len(),
            by_severity: Severity::ALL
                .iter()
                .map(|severity| {
                    let n = issues.iter().filter(|f| f.severity == *severity).count();
                    (*severity, n)
                })
                .collect(),
            by_category: Category::ALL
                .iter()
                .filter_map(|category| {
                    let n = issues.iter().filter(|f| f.category == *category).count();
                    (n > 0).then_some((*category, n))
                })
                .collect(),
        }
    }
}

/// One assessment of a series ("before engagement", "after remediation", the draft now) and its
/// counts, for a trend over all of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TrendPoint {
    pub name: String,
    pub counts: Counts,
}

/// Each of `points` (oldest first) assessed by this build's rules and counted.
pub fn trend(questionnaire: &Questionnaire, points: &[(&str, &Answers)]) -> Vec<TrendPoint> {
    let config = Config::default();
    points
        .iter()
        .map(|(name, answers)| TrendPoint {
            name: (*name).to_owned(),
            counts: Counts::of(&rules::assess(questionnaire, answers, &config)),
        })
        .collect()
}

/// Where an answer is, by names rather than positions: the question's id, or the group's id,
/// the item's name and its member's id.
type Place = (String, Option<(String, String)>);

/// Every answer as (question in words, answer in words), by [`Place`], in questionnaire order.
fn answers_in_words(
    questionnaire: &Questionnaire,
    answers: &Answers,
) -> Vec<(Place, String, String)> {
    let mut out = Vec::new();
    for section in questionnaire.sections() {
        for item in &section.items {
            match item {
                Item::Question(question) => {
                    if let Some(answer) = answers.answers.get(&question.id) {
                        out.push((
                            (question.id.clone(), None),
                            question.label.clone(),
                            display::answer(&question.kind, &answer.state),
                        ));
                    }
                }
                Item::Group(group) => {
                    for entry in answers.groups.get(&group.id).into_iter().flatten() {
                        for question in &group.questions {
                            if let Some(answer) = entry.answers.get(question.local_id()) {
                                out.push((
                                    (
                                        group.id.clone(),
                                        Some((
                                            entry.name.trim().to_lowercase(),
                                            question.local_id().to_owned(),
                                        )),
                                    ),
                                    display::question(Some((group, &entry.name)), question),
                                    display::answer(&question.kind, &answer.state),
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// The place of an evidence path (`storage.systems[2].firmware_version`) in `answers`.
fn place_of(answers: &Answers, path: &str) -> Option<Place> {
    match path.split_once('[') {
        None => Some((path.to_owned(), None)),
        Some((group, rest)) => {
            let (index, local) = rest.split_once("].")?;
            let entry = answers
                .groups
                .get(group)?
                .get(index.parse::<usize>().ok()?)?;
            Some((
                group.to_owned(),
                Some((entry.name.trim().to_lowercase(), local.to_owned())),
            ))
        }
    }
}

/// The places of a finding's evidence, its items' too.
fn places(answers: &Answers, finding: &Finding) -> BTreeSet<Place> {
    finding
        .evidence
        .iter()
        .chain(finding.occurrences.iter().flat_map(|o| &o.evidence))
        .filter_map(|evidence| place_of(answers, &evidence.path))
        .collect()
}

/// The items a finding is about: its evidence's groups and item names.
fn items(answers: &Answers, finding: &Finding) -> BTreeSet<(String, String)> {
    places(answers, finding)
        .into_iter()
        .filter_map(|(group, item)| item.map(|(name, _)| (group, name)))
        .collect()
}

/// Compares two sets of answers of one partner, `before` and `after` naming them.
pub fn compare(
    questionnaire: &Questionnaire,
    before: (&str, &Answers),
    after: (&str, &Answers),
) -> Comparison {
    let config = Config::default();
    let old = rules::assess(questionnaire, before.1, &config);
    let now = rules::assess(questionnaire, after.1, &config);

    let old_words = answers_in_words(questionnaire, before.1);
    let new_words = answers_in_words(questionnaire, after.1);
    let old_map: BTreeMap<&Place, (&String, &String)> =
        old_words.iter().map(|(p, q, a)| (p, (q, a))).collect();
    let new_map: BTreeMap<&Place, (&String, &String)> =
        new_words.iter().map(|(p, q, a)| (p, (q, a))).collect();
    let mut changed: BTreeMap<Place, AnswerChange> = BTreeMap::new();
    let mut order: Vec<Place> = Vec::new();
    for (place, question, answer) in &new_words {
        let before = old_map.get(place).map(|(_, a)| (*a).clone());
        if before.as_ref() != Some(answer) {
            order.push(place.clone());
            changed.insert(
                place.clone(),
                AnswerChange {
                    question: question.clone(),
                    before: before.unwrap_or_else(|| "Not answered".to_owned()),
                    after: answer.clone(),
                },
            );
        }
    }
    for (place, question, answer) in &old_words {
        if !new_map.contains_key(place) {
            order.push(place.clone());
            changed.insert(
                place.clone(),
                AnswerChange {
                    question: question.clone(),
                    before: answer.clone(),
                    after: "Not answered".to_owned(),
                },
            );
        }
    }

    // Pair by rule and message, in order; then what is left by rule and the items named.
    let mut pairs: Vec<(Option<&Finding>, Option<&Finding>)> = Vec::new();
    let mut left_new: Vec<Option<&Finding>> = now.findings.iter().map(Some).collect();
    let mut left_old: Vec<&Finding> = Vec::new();
    for finding in &old.findings {
        match left_new.iter_mut().find(|slot| {
            slot.is_some_and(|now| now.rule == finding.rule && now.message == finding.message)
        }) {
            Some(slot) => pairs.push((Some(finding), slot.take())),
            None => left_old.push(finding),
        }
    }
    for finding in left_old {
        let named = items(before.1, finding);
        // The finding of the same rule naming most of the same items, if any.
        let best = left_new
            .iter()
            .enumerate()
            .filter_map(|(index, slot)| {
                let now = (*slot)?;
                let shared = items(after.1, now).intersection(&named).count();
                (now.rule == finding.rule && shared > 0).then_some((shared, index))
            })
            .max_by_key(|(shared, index)| (*shared, std::cmp::Reverse(*index)));
        match best {
            Some((_, index)) => pairs.push((Some(finding), left_new[index].take())),
            None => pairs.push((Some(finding), None)),
        }
    }
    pairs.extend(left_new.into_iter().flatten().map(|now| (None, Some(now))));

    let mut comparison = Comparison {
        comparison_schema_version: COMPARISON_SCHEMA_VERSION,
        before: before.0.to_owned(),
        after: after.0.to_owned(),
        fixed: Vec::new(),
        new: Vec::new(),
        rerated: Vec::new(),
        still_open: Vec::new(),
        answers_changed: order
            .iter()
            .filter_map(|place| changed.get(place).cloned())
            .collect(),
        counts_before: Counts::of(&old),
        counts_after: Counts::of(&now),
    };
    for (was, is) in pairs {
        let Some(any) = is.or(was) else { continue };
        let mut read: BTreeSet<Place> = BTreeSet::new();
        if let Some(was) = was {
            read.extend(places(before.1, was));
        }
        if let Some(is) = is {
            read.extend(places(after.1, is));
        }
        let caused_by = order
            .iter()
            .filter(|place| read.contains(*place))
            .filter_map(|place| changed.get(place).cloned())
            .collect();
        let rated = |f: &Finding| Rated {
            severity: f.severity,
            kind: f.kind,
        };
        let message = was.map_or_else(|| any.message.clone(), |f| f.message.clone());
        let compared = Compared {
            rule: any.rule.to_owned(),
            title: any.title.to_owned(),
            category: any.category,
            before: was.map(rated),
            after: is.map(rated),
            message_after: is
                .filter(|is| was.is_some() && is.message != message)
                .map(|is| is.message.clone()),
            message,
            caused_by,
        };
        match (&compared.before, &compared.after) {
            (Some(_), None) => comparison.fixed.push(compared),
            (None, Some(_)) => comparison.new.push(compared),
            (Some(b), Some(a)) if b != a => comparison.rerated.push(compared),
            _ => comparison.still_open.push(compared),
        }
    }
    let order = |list: &mut Vec<Compared>| {
        list.sort_by(|a, b| {
            let rank = |c: &Compared| {
                let r = c.after.or(c.before).unwrap_or(Rated {
                    severity: Severity::Info,
                    kind: FindingKind::Issue,
                });
                (r.kind != FindingKind::Issue, r.severity)
            };
            (rank(a), &a.rule, &a.message).cmp(&(rank(b), &b.rule, &b.message))
        });
    };
    order(&mut comparison.fixed);
    order(&mut comparison.new);
    order(&mut comparison.rerated);
    order(&mut comparison.still_open);
    comparison
}

/// "high issue", "to verify (could be high)".
fn rated_words(rated: Option<Rated>) -> String {
    match rated {
        None => "none".to_owned(),
        Some(Rated {
            severity,
            kind: FindingKind::Issue,
        }) => format!("{} issue", severity.name()),
        Some(Rated { severity, .. }) => format!("to verify (could be {})", severity.name()),
    }
}

impl Comparison {
    /// The comparison as JSON (`intake schema comparison`).
    pub fn to_json(&self) -> String {
        super::pretty(self)
    }

    /// One line saying what moved: "3 fixed, 1 new, 2 re-rated, 12 still open; 9 answers changed".
    pub fn summary(&self) -> String {
        format!(
            "{} fixed, {} new, {} re-rated, {} still open; {} {} changed",
            self.fixed.len(),
            self.new.len(),
            self.rerated.len(),
            self.still_open.len(),
            self.answers_changed.len(),
            if self.answers_changed.len() == 1 {
                "answer"
            } else {
                "answers"
            }
        )
    }

    /// Plain text for a terminal.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} -> {}", self.before, self.after);
        let _ = writeln!(out, "{}\n", self.summary());
        let _ = writeln!(
            out,
            "issues     {:>4} -> {:<4}\nto verify  {:>4} -> {:<4}",
            self.counts_before.issues,
            self.counts_after.issues,
            self.counts_before.to_verify,
            self.counts_after.to_verify
        );
        for ((severity, before), (_, after)) in self
            .counts_before
            .by_severity
            .iter()
            .zip(&self.counts_after.by_severity)
        {
            let _ = writeln!(out, "  {:<8} {before:>4} -> {after:<4}", severity.name());
        }
        for (title, list) in self.lists() {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{}", title.to_uppercase());
            for compared in list {
                let _ = writeln!(
                    out,
                    "  {} {} ({} -> {})",
                    compared.rule,
                    terminal(&compared.message),
                    rated_words(compared.before),
                    rated_words(compared.after)
                );
                if let Some(after) = &compared.message_after {
                    let _ = writeln!(out, "      now: {}", terminal(after));
                }
                for change in &compared.caused_by {
                    let _ = writeln!(
                        out,
                        "      because {}: {} -> {}",
                        terminal(&change.question),
                        terminal(&change.before),
                        terminal(&change.after)
                    );
                }
            }
        }
        if !self.answers_changed.is_empty() {
            let _ = writeln!(out, "\nANSWERS CHANGED");
            for change in &self.answers_changed {
                let _ = writeln!(
                    out,
                    "  {}: {} -> {}",
                    terminal(&change.question),
                    terminal(&change.before),
                    terminal(&change.after)
                );
            }
        }
        out
    }

    fn lists(&self) -> [(&'static str, &Vec<Compared>); 4] {
        [
            ("Fixed", &self.fixed),
            ("New", &self.new),
            ("Re-rated", &self.rerated),
            ("Still open", &self.still_open),
        ]
    }

    fn page(&self) -> Page {
        let mut blocks = vec![Block::Para(vec![strong(self.summary()), text(".")])];
        let mut rows: Vec<Vec<Vec<Span>>> = vec![
            vec![
                vec![text("Issues")],
                vec![text(self.counts_before.issues.to_string())],
                vec![text(self.counts_after.issues.to_string())],
            ],
            vec![
                vec![text("To verify")],
                vec![text(self.counts_before.to_verify.to_string())],
                vec![text(self.counts_after.to_verify.to_string())],
            ],
        ];
        for ((severity, before), (_, after)) in self
            .counts_before
            .by_severity
            .iter()
            .zip(&self.counts_after.by_severity)
        {
            rows.push(vec![
                vec![text(format!("Issues: {}", severity.name()))],
                vec![text(before.to_string())],
                vec![text(after.to_string())],
            ]);
        }
        let categories: BTreeSet<Category> = self
            .counts_before
            .by_category
            .iter()
            .chain(&self.counts_after.by_category)
            .map(|(category, _)| *category)
            .collect();
        let count = |counts: &Counts, category: Category| {
            counts
                .by_category
                .iter()
                .find(|(c, _)| *c == category)
                .map_or(0, |(_, n)| *n)
        };
        for category in categories {
            rows.push(vec![
                vec![text(format!("Issues: {}", category.title()))],
                vec![text(count(&self.counts_before, category).to_string())],
                vec![text(count(&self.counts_after, category).to_string())],
            ]);
        }
        blocks.push(Block::Table(Table {
            head: vec![String::new(), self.before.clone(), self.after.clone()],
            numeric: vec![false, true, true],
            rows,
        }));
        for (title, list) in self.lists() {
            blocks.push(heading(2, title));
            if list.is_empty() {
                blocks.push(Block::Para(vec![text("None.")]));
                continue;
            }
            blocks.push(Block::List {
                ordered: false,
                entries: list
                    .iter()
                    .map(|compared| {
                        let mut under = Vec::new();
                        if let Some(after) = &compared.message_after {
                            under.push(Block::Para(vec![text(format!("Now: {after}"))]));
                        }
                        if !compared.caused_by.is_empty() {
                            under.push(Block::List {
                                ordered: false,
                                entries: compared
                                    .caused_by
                                    .iter()
                                    .map(|change| {
                                        Entry::new(vec![text(format!(
                                            "Because {}: {} → {}",
                                            change.question, change.before, change.after
                                        ))])
                                    })
                                    .collect(),
                            });
                        }
                        Entry {
                            text: vec![
                                strong(format!("{} {}", compared.rule, compared.title)),
                                text(format!(
                                    " ({} → {}): {}",
                                    rated_words(compared.before),
                                    rated_words(compared.after),
                                    compared.message
                                )),
                            ],
                            under,
                        }
                    })
                    .collect(),
            });
        }
        blocks.push(heading(2, "Answers changed"));
        if self.answers_changed.is_empty() {
            blocks.push(Block::Para(vec![text("None.")]));
        } else {
            blocks.push(Block::Table(Table {
                head: vec![
                    "Question".to_owned(),
                    self.before.clone(),
                    self.after.clone(),
                ],
                numeric: vec![false, false, false],
                rows: self
                    .answers_changed
                    .iter()
                    .map(|change| {
                        vec![
                            vec![text(&change.question)],
                            vec![text(&change.before)],
                            vec![text(&change.after)],
                        ]
                    })
                    .collect(),
            }));
        }
        Page {
            title: "Comparison".to_owned(),
            heading: format!("{} compared with {}", self.after, self.before),
            blocks,
            footer: footer(rules::RULESET_VERSION, ""),
        }
    }

    pub fn markdown(&self) -> String {
        self.page().markdown()
    }

    pub fn html(&self) -> String {
        self.page().html()
    }
}

/// The JSON Schema of the comparison's JSON.
pub fn comparison_schema() -> String {
    let schema = schemars::schema_for!(Comparison);
    super::pretty(&schema)
}
