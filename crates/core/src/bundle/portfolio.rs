//! Patterns across partners: many bundles read into one report of which rules fire for how many
//! partners, broken down by platform facts, what partners do not know, and which findings
//! reviewers dismiss (rules that may be wrong).
//!
//! Each bundle is reduced to an [`Environment`] (a few facts, the rules that fired, the questions
//! answered "I don't know", the dismissals) as soon as it is read, so a portfolio of thousands
//! holds summaries, not bundles; the caller reads the files, in parallel if it likes, and
//! [`Portfolio::add`]s them in any order. A partner counts once: several bundles of one partner
//! (by name, trimmed and without regard to case) count as the newest. The bundle's answers are
//! assessed by this build's rules, so bundles of several rule set versions count alike.
//!
//! Names and free text (partner names, dismissal reasons) are left out of the report unless it
//! is asked for them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ReadBundle;
use super::report::{Page, footer};
use crate::answers::{Answer, State, Value};
use crate::document::{Bar, Block, Chart, ChartGroup, Table, heading, text};
use crate::questionnaire::{Entry, Item, Kind, Questionnaire};
use crate::rules::render::{cell, terminal};
use crate::rules::{self, Category, Config, FindingKind, Severity};

/// The platform facts findings are broken down by.
pub const DIMENSIONS: [&str; 5] = [
    "Platform",
    "Backup & Replication version",
    "Storage vendor",
    "Repository kind",
    "Cloud Connect",
];

/// One bundle, reduced to what the portfolio counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Environment {
    /// The partner's name as given.
    pub partner: String,
    /// What partners are told apart by: the name, trimmed and lower case; a bundle without a name
    /// is a partner of its own (its manifest's hash).
    pub key: String,
    /// Which of a partner's bundles counts: the newest (when made, RFC 3339), then the one
    /// reviewed last, then the manifest's hash, so the choice does not depend on reading order.
    pub newest: (String, String, String),
    /// Values of each of [`DIMENSIONS`] (several for a platform with several hypervisors).
    pub facts: BTreeMap<&'static str, BTreeSet<String>>,
    /// The rules with an issue, each at its most severe.
    pub issues: BTreeMap<&'static str, Severity>,
    /// The rules with a finding to verify and no issue.
    pub to_verify: BTreeSet<&'static str>,
    /// The questions answered "I don't know", as people read them (a group's member as
    /// "Group: question").
    pub unknown: BTreeSet<String>,
    /// The findings the reviewer dismissed: rule and reason.
    pub dismissed: Vec<(String, String)>,
}

fn choice_labels(kind: &Kind, answer: Option<&Answer>) -> Vec<String> {
    let Some(value) = answer.and_then(Answer::as_value) else {
        return Vec::new();
    };
    let ids: Vec<&str> = match value {
        Value::Text(id) => vec![id.as_str()],
        Value::Choices(ids) => ids.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    };
    let choices = match kind {
        Kind::SingleChoice(choices) | Kind::MultiChoice(choices) => choices.as_slice(),
        _ => &[],
    };
    ids.into_iter()
        .map(|id| {
            choices
                .iter()
                .find(|choice| choice.id == id)
                .map_or_else(|| id.to_owned(), |choice| choice.label.clone())
        })
        .collect()
}

/// Reduces a bundle to what the portfolio counts.
pub fn environment(questionnaire: &Questionnaire, bundle: &ReadBundle) -> Environment {
    let answers = &bundle.answers;
    let assessment = rules::assess(questionnaire, answers, &Config::default());
    let partner = super::report::text_answer(answers, "engagement.partner_name")
        .trim()
        .to_owned();
    let key = if partner.is_empty() {
        format!("#{}", bundle.manifest_sha256)
    } else {
        partner.to_lowercase()
    };
    let member = |group: &str, local: &str| -> Vec<String> {
        let Some(Entry::Group(definition)) = questionnaire.entry(group) else {
            return Vec::new();
        };
        let Some(question) = definition.member(local) else {
            return Vec::new();
        };
        answers
            .groups
            .get(group)
            .into_iter()
            .flatten()
            .flat_map(|item| choice_labels(&question.kind, item.answers.get(local)))
            .collect()
    };
    let mut facts: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    facts.insert(
        DIMENSIONS[0],
        member("compute.clusters", "platform")
            .into_iter()
            .map(|label| label.trim_start_matches("Hypervisor: ").to_owned())
            .collect(),
    );
    if let Some(Value::Text(version)) = answers
        .answers
        .get("platform.vbr_version")
        .and_then(Answer::as_value)
    {
        let release: Vec<&str> = version.trim().split('.').take(2).collect();
        facts.insert(DIMENSIONS[1], BTreeSet::from([release.join(".")]));
    }
    let vendors: BTreeSet<String> = answers
        .groups
        .get("storage.systems")
        .into_iter()
        .flatten()
        .filter_map(
            |item| match item.answers.get("vendor").and_then(Answer::as_value) {
                Some(Value::Text(vendor)) if !vendor.trim().is_empty() => {
                    Some(vendor.split_whitespace().collect::<Vec<_>>().join(" "))
                }
                _ => None,
            },
        )
        .collect();
    facts.insert(DIMENSIONS[2], vendors);
    facts.insert(
        DIMENSIONS[3],
        member("repositories.repositories", "type")
            .into_iter()
            .collect(),
    );
    let cloud_connect = answers
        .groups
        .get("cloud_connect.gateways")
        .is_some_and(|gateways| !gateways.is_empty());
    facts.insert(
        DIMENSIONS[4],
        BTreeSet::from([if cloud_connect { "Yes" } else { "No" }.to_owned()]),
    );

    let mut issues: BTreeMap<&'static str, Severity> = BTreeMap::new();
    let mut to_verify = BTreeSet::new();
    for finding in &assessment.findings {
        match finding.kind {
            FindingKind::Issue => {
                let worst = issues.entry(finding.rule).or_insert(finding.severity);
                *worst = (*worst).min(finding.severity);
            }
            FindingKind::NeedsVerification => {
                to_verify.insert(finding.rule);
            }
        }
    }
    to_verify.retain(|rule| !issues.contains_key(rule));

    let mut unknown = BTreeSet::new();
    for section in questionnaire.sections() {
        for item in &section.items {
            match item {
                Item::Question(question) => {
                    if answers
                        .answers
                        .get(&question.id)
                        .is_some_and(|a| a.state == State::DontKnow)
                    {
                        unknown.insert(question.label.clone());
                    }
                }
                Item::Group(group) => {
                    for entry in answers.groups.get(&group.id).into_iter().flatten() {
                        for (local, answer) in &entry.answers {
                            if answer.state == State::DontKnow
                                && let Some(question) = group.member(local)
                            {
                                unknown.insert(format!("{}: {}", group.item_label, question.label));
                            }
                        }
                    }
                }
            }
        }
    }
    let dismissed = bundle
        .review
        .iter()
        .flat_map(|review| &review.triage)
        .filter(|triage| triage.verdict == Some(super::Verdict::Dismissed))
        .map(|triage| (triage.key.rule.clone(), triage.reason.trim().to_owned()))
        .collect();
    Environment {
        partner,
        key,
        newest: (
            bundle.manifest.created_at.clone(),
            bundle
                .review
                .as_ref()
                .map(|review| review.reviewed_at.clone())
                .unwrap_or_default(),
            bundle.manifest_sha256.clone(),
        ),
        facts,
        issues,
        to_verify,
        unknown,
        dismissed,
    }
}

/// The environments read so far, a partner's newest, and the bundles that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    partners: BTreeMap<String, Environment>,
    bundles: usize,
    unreadable: Vec<(String, String)>,
}

impl Portfolio {
    /// Counts a bundle's environment; a partner's older bundle gives way to a newer one.
    pub fn add(&mut self, environment: Environment) {
        self.bundles += 1;
        match self.partners.get(&environment.key) {
            Some(kept) if kept.newest >= environment.newest => {}
            _ => {
                self.partners.insert(environment.key.clone(), environment);
            }
        }
    }

    /// Lists a file that could not be read, with the reason.
    pub fn unreadable(&mut self, name: String, reason: String) {
        self.unreadable.push((name, reason));
    }

    /// The report; partner names and dismissal reasons only `with_names`.
    pub fn report(&self, with_names: bool) -> PortfolioReport {
        let environments: Vec<&Environment> = self.partners.values().collect();
        let partners = environments.len();
        let mut groups: Vec<FactCount> = Vec::new();
        for dimension in DIMENSIONS {
            let mut values: BTreeMap<&str, usize> = BTreeMap::new();
            for environment in &environments {
                for value in environment.facts.get(dimension).into_iter().flatten() {
                    *values.entry(value).or_default() += 1;
                }
            }
            for (value, count) in values {
                groups.push(FactCount {
                    dimension: dimension.to_owned(),
                    value: value.to_owned(),
                    partners: count,
                });
            }
        }
        let mut rules_rows: Vec<RuleCount> = Vec::new();
        for rule in rules::rules() {
            let with_issue: Vec<&&Environment> = environments
                .iter()
                .filter(|e| e.issues.contains_key(rule.id))
                .collect();
            let verify = environments
                .iter()
                .filter(|e| e.to_verify.contains(rule.id))
                .count();
            let dismissed = environments
                .iter()
                .flat_map(|e| &e.dismissed)
                .filter(|(id, _)| id == rule.id)
                .count();
            if with_issue.is_empty() && verify == 0 && dismissed == 0 {
                continue;
            }
            let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
            for environment in &with_issue {
                if let Some(severity) = environment.issues.get(rule.id) {
                    *by_severity.entry(*severity).or_default() += 1;
                }
            }
            let by_fact = groups
                .iter()
                .map(|group| {
                    with_issue
                        .iter()
                        .filter(|e| {
                            e.facts
                                .get(group.dimension.as_str())
                                .is_some_and(|values| values.contains(&group.value))
                        })
                        .count()
                })
                .collect();
            rules_rows.push(RuleCount {
                rule: rule.id.to_owned(),
                title: rule.title.to_owned(),
                category: rule.category,
                partners_with_issue: with_issue.len(),
                by_severity: by_severity.into_iter().collect(),
                partners_to_verify: verify,
                dismissed,
                by_fact,
            });
        }
        rules_rows.sort_by(|a, b| {
            (b.partners_with_issue, b.partners_to_verify, &a.rule).cmp(&(
                a.partners_with_issue,
                a.partners_to_verify,
                &b.rule,
            ))
        });
        let mut unknown: BTreeMap<&str, usize> = BTreeMap::new();
        for environment in &environments {
            for question in &environment.unknown {
                *unknown.entry(question).or_default() += 1;
            }
        }
        let mut unknown: Vec<(String, usize)> = unknown
            .into_iter()
            .map(|(q, n)| (q.to_owned(), n))
            .collect();
        unknown.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut by_category: BTreeMap<Category, usize> = BTreeMap::new();
        for environment in &environments {
            let categories: BTreeSet<Category> = environment
                .issues
                .keys()
                .filter_map(|id| rules::rule(id).map(|rule| rule.category))
                .collect();
            for category in categories {
                *by_category.entry(category).or_default() += 1;
            }
        }
        PortfolioReport {
            portfolio_schema_version: PORTFOLIO_SCHEMA_VERSION,
            bundles_read: self.bundles,
            partners,
            with_names,
            facts: groups,
            partners_by_category: by_category.into_iter().collect(),
            rules: rules_rows,
            unknown,
            dismissals: if with_names {
                environments
                    .iter()
                    .flat_map(|e| {
                        e.dismissed.iter().map(|(rule, reason)| Dismissal {
                            rule: rule.clone(),
                            partner: e.partner.clone(),
                            reason: reason.clone(),
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            },
            partner_names: if with_names {
                environments.iter().map(|e| e.partner.clone()).collect()
            } else {
                Vec::new()
            },
            unreadable: self
                .unreadable
                .iter()
                .map(|(file, reason)| Unreadable {
                    file: file.clone(),
                    reason: reason.clone(),
                })
                .collect(),
        }
    }
}

/// The version of the portfolio's JSON.
pub const PORTFOLIO_SCHEMA_VERSION: u32 = 1;

/// What a portfolio of bundles shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "VCSP Intake portfolio")]
pub struct PortfolioReport {
    pub portfolio_schema_version: u32,
    pub bundles_read: usize,
    /// Partners counted: each once, by their newest bundle.
    pub partners: usize,
    /// Whether names and free text are in.
    pub with_names: bool,
    /// How many partners have each value of each platform fact.
    pub facts: Vec<FactCount>,
    /// How many partners have at least one issue in each category.
    pub partners_by_category: Vec<(Category, usize)>,
    /// Each rule that fired for someone, most partners first.
    pub rules: Vec<RuleCount>,
    /// The questions partners answered "I don't know", most partners first.
    pub unknown: Vec<(String, usize)>,
    /// The findings dismissed in review, with their reasons (only with names).
    pub dismissals: Vec<Dismissal>,
    /// The partners counted (only with names).
    pub partner_names: Vec<String>,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<Unreadable>,
}

/// How many partners have a value of a platform fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FactCount {
    pub dimension: String,
    pub value: String,
    pub partners: usize,
}

/// How many partners one rule fired for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RuleCount {
    pub rule: String,
    pub title: String,
    pub category: Category,
    /// Partners with an issue of this rule.
    pub partners_with_issue: usize,
    /// Those partners by the issue's severity (the most severe of theirs).
    pub by_severity: Vec<(Severity, usize)>,
    /// Partners with only a finding to verify of it.
    pub partners_to_verify: usize,
    /// How often reviewers dismissed it.
    pub dismissed: usize,
    /// Partners with an issue of it among those with each value of [`PortfolioReport::facts`],
    /// in the same order.
    pub by_fact: Vec<usize>,
}

/// A finding dismissed in review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Dismissal {
    pub rule: String,
    pub partner: String,
    pub reason: String,
}

/// A file that is not a readable bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unreadable {
    pub file: String,
    pub reason: String,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "0 %".to_owned()
    } else {
        format!("{:.0} %", part as f64 * 100.0 / whole as f64)
    }
}

impl PortfolioReport {
    pub fn to_json(&self) -> String {
        super::pretty(self)
    }

    /// Reads a report [`PortfolioReport::to_json`] wrote (the app's worker hands it to the page).
    pub fn from_json(text: &str) -> Result<PortfolioReport, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }

    /// One row per rule and platform fact value (and one per rule over all partners, with
    /// `All` as the dimension): `Rule`, `Title`, `Category`, `Dimension`, `Value`, `Partners`,
    /// `Partners with issue`, `Share`, `Partners to verify`, `Dismissed`.
    pub fn csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record([
            "Rule",
            "Title",
            "Category",
            "Dimension",
            "Value",
            "Partners",
            "Partners with issue",
            "Share",
            "Partners to verify",
            "Dismissed",
        ]);
        for rule in &self.rules {
            let _ = writer.write_record([
                rule.rule.clone(),
                rule.title.clone(),
                rule.category.title().to_owned(),
                "All".to_owned(),
                String::new(),
                self.partners.to_string(),
                rule.partners_with_issue.to_string(),
                percent(rule.partners_with_issue, self.partners),
                rule.partners_to_verify.to_string(),
                rule.dismissed.to_string(),
            ]);
            for (fact, count) in self.facts.iter().zip(&rule.by_fact) {
                let _ = writer.write_record([
                    rule.rule.clone(),
                    rule.title.clone(),
                    rule.category.title().to_owned(),
                    fact.dimension.clone(),
                    cell(&fact.value),
                    fact.partners.to_string(),
                    count.to_string(),
                    percent(*count, fact.partners),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        writer
            .into_inner()
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// Plain text for a terminal.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} partners from {} bundles read; {} could not be read",
            self.partners,
            self.bundles_read,
            self.unreadable.len()
        );
        let _ = writeln!(out, "\nRULES, by partners with an issue");
        for rule in &self.rules {
            let _ = writeln!(
                out,
                "  {:<8} {:>5} ({:>4})  to verify {:>4}  dismissed {:>3}  {}",
                rule.rule,
                rule.partners_with_issue,
                percent(rule.partners_with_issue, self.partners),
                rule.partners_to_verify,
                rule.dismissed,
                rule.title
            );
        }
        let _ = writeln!(out, "\nWHAT PARTNERS DO NOT KNOW");
        for (question, count) in self.unknown.iter().take(20) {
            let _ = writeln!(out, "  {count:>5}  {}", terminal(question));
        }
        if !self.dismissals.is_empty() {
            let _ = writeln!(out, "\nDISMISSED IN REVIEW");
            for dismissal in &self.dismissals {
                let _ = writeln!(
                    out,
                    "  {} ({}): {}",
                    dismissal.rule,
                    terminal(&dismissal.partner),
                    terminal(&dismissal.reason)
                );
            }
        }
        if !self.unreadable.is_empty() {
            let _ = writeln!(out, "\nNOT READ");
            for unreadable in &self.unreadable {
                let _ = writeln!(
                    out,
                    "  {}: {}",
                    terminal(&unreadable.file),
                    terminal(&unreadable.reason)
                );
            }
        }
        out
    }

    /// A self-contained HTML page with charts, that prints.
    pub fn html(&self) -> String {
        let mut blocks = vec![Block::Para(vec![text(format!(
            "{} partners from {} bundles read (a partner's newest bundle counts); {} could not be read. {}",
            self.partners,
            self.bundles_read,
            self.unreadable.len(),
            if self.with_names {
                "With the partners' names and the reviewers' reasons."
            } else {
                "Without names or free text."
            }
        ))])];
        let top: Vec<Bar> = self
            .rules
            .iter()
            .filter(|rule| rule.partners_with_issue > 0)
            .take(15)
            .map(|rule| Bar {
                label: rule.rule.clone(),
                parts: vec![("#7a1f1f", rule.partners_with_issue)],
                detail: Some(rule.title.clone()),
            })
            .collect();
        blocks.push(Block::Chart(Chart {
            title: "Rules firing for the most partners".to_owned(),
            description: format!(
                "The {} rules with an issue for the most partners, of {} partners.",
                top.len(),
                self.partners
            ),
            unit: "Partners".to_owned(),
            groups: vec![ChartGroup {
                heading: "Rule".to_owned(),
                bars: top,
            }],
        }));
        blocks.push(heading(2, "Rules"));
        blocks.push(Block::Table(Table {
            head: vec![
                "Rule".to_owned(),
                "Partners with an issue".to_owned(),
                "Share".to_owned(),
                "To verify".to_owned(),
                "Dismissed".to_owned(),
            ],
            numeric: vec![false, true, true, true, true],
            rows: self
                .rules
                .iter()
                .map(|rule| {
                    vec![
                        vec![text(format!("{} {}", rule.rule, rule.title))],
                        vec![text(rule.partners_with_issue.to_string())],
                        vec![text(percent(rule.partners_with_issue, self.partners))],
                        vec![text(rule.partners_to_verify.to_string())],
                        vec![text(rule.dismissed.to_string())],
                    ]
                })
                .collect(),
        }));
        for dimension in DIMENSIONS {
            let facts: Vec<(usize, &FactCount)> = self
                .facts
                .iter()
                .enumerate()
                .filter(|(_, fact)| fact.dimension == dimension)
                .collect();
            if facts.is_empty() {
                continue;
            }
            blocks.push(heading(2, &format!("By {}", dimension.to_lowercase())));
            let mut head = vec!["Rule".to_owned()];
            head.extend(
                facts
                    .iter()
                    .map(|(_, fact)| format!("{} ({})", fact.value, fact.partners)),
            );
            blocks.push(Block::Table(Table {
                numeric: std::iter::once(false)
                    .chain(facts.iter().map(|_| true))
                    .collect(),
                head,
                rows: self
                    .rules
                    .iter()
                    .filter(|rule| rule.partners_with_issue > 0)
                    .map(|rule| {
                        std::iter::once(vec![text(&rule.rule)])
                            .chain(facts.iter().map(|(index, fact)| {
                                let count = rule.by_fact.get(*index).copied().unwrap_or(0);
                                vec![text(format!("{count} ({})", percent(count, fact.partners)))]
                            }))
                            .collect()
                    })
                    .collect(),
            }));
        }
        blocks.push(heading(2, "What partners do not know"));
        blocks.push(Block::Table(Table {
            head: vec!["Question".to_owned(), "Partners".to_owned()],
            numeric: vec![false, true],
            rows: self
                .unknown
                .iter()
                .take(30)
                .map(|(question, count)| vec![vec![text(question)], vec![text(count.to_string())]])
                .collect(),
        }));
        blocks.push(heading(2, "Dismissed in review"));
        if self.dismissals.is_empty() {
            blocks.push(Block::Para(vec![text(
                "Each rule's dismissals are counted above; the reasons are shown with names only.",
            )]));
        } else {
            blocks.push(Block::Table(Table {
                head: vec!["Rule".to_owned(), "Partner".to_owned(), "Reason".to_owned()],
                numeric: vec![false, false, false],
                rows: self
                    .dismissals
                    .iter()
                    .map(|d| {
                        vec![
                            vec![text(&d.rule)],
                            vec![text(&d.partner)],
                            vec![text(&d.reason)],
                        ]
                    })
                    .collect(),
            }));
        }
        if !self.unreadable.is_empty() {
            blocks.push(heading(2, "Not read"));
            blocks.push(Block::Table(Table {
                head: vec!["File".to_owned(), "Why".to_owned()],
                numeric: vec![false, false],
                rows: self
                    .unreadable
                    .iter()
                    .map(|u| vec![vec![text(&u.file)], vec![text(&u.reason)]])
                    .collect(),
            }));
        }
        Page {
            title: "Portfolio".to_owned(),
            heading: "Patterns across partners".to_owned(),
            blocks,
            footer: footer(rules::RULESET_VERSION, ""),
        }
        .html()
    }
}

/// The JSON Schema of the portfolio's JSON.
pub fn portfolio_schema() -> String {
    let schema = schemars::schema_for!(PortfolioReport);
    super::pretty(&schema)
}
