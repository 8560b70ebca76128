//! The assessment: rules that turn answers into findings.
//!
//! Each rule is declared once, as a [`Rule`] value in a file of its own in its category's folder
//! (`network/net_001_mtu_mismatch.rs`): a stable id that is never reused, title, category,
//! default severity, the rule set version it appeared in, its docs (what it checks, why it
//! matters, a remediation playbook, references) and the check itself. Right below it, in a
//! constant of their own, are its vectors: answers that make it fire and pass ([`vectors`]). The
//! category's `mod.rs` lists its rules, and their vectors, in id order and keeps the helpers
//! several of them share. [`rules()`] lists them all; [`assess`] runs them.
//!
//! Rules read answers as [`Fact`]s ([`Check::known`]). "Verify, don't assume": an input answered
//! "I don't know" gives a to-verify finding, which says what the rule would report if the check
//! failed but never counts as an issue. A blank input is not a finding: it is completeness, and the
//! rule is listed as not assessed with the answers it needs ([`Assessment::not_assessed`]). A
//! version with fewer numbers than a rule's check needs (`12.3` where the build decides) is to
//! verify too, never passed (`Check::imprecise`). "Not applicable" is silent. Findings of one rule
//! about one cause in several items (four gateways behind one load balancer) are one finding naming
//! every item ([`Finding::occurrences`]).

mod backup_and_dr;
mod certificates;
mod cloud_connect;
pub mod config;
mod evidence;
mod facts;
mod group;
mod multi_tenancy;
mod network;
mod object_storage;
mod operations;
pub mod owned;
pub mod render;
mod repositories;
mod schedule;
mod security;
mod sizing;
mod storage;
mod versions;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use config::Config;
pub use facts::{Evidence, Fact, FactState, ItemView, Proof, show};
pub(crate) use network::NO_TIME_SOURCE;
pub(crate) use storage::NO_RELEASE;

use crate::answers::{Answers, Value};
use crate::questionnaire::{Entry, Precision, Questionnaire};
use crate::relevance::Relevance;

/// The version of the rule set: bumped when rules are added, changed or retired.
pub const RULESET_VERSION: &str = "1.4.0";

/// The version of the findings format (`findings.json`, `intake assess --format json`) this build
/// writes and the newest it reads. Version 1 had no version field, listed blank questions as
/// needs-verification findings and did not group findings.
pub const FINDINGS_SCHEMA_VERSION: u32 = 2;

/// How serious a finding is. Ordered from most to least severe.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    High,
    Medium,
    Low,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
            Severity::Info => "info",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// The area of the platform a rule looks at.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Versions,
    Sizing,
    Network,
    Storage,
    Repositories,
    ObjectStorage,
    CloudConnect,
    Certificates,
    Security,
    MultiTenancy,
    BackupAndDr,
    Operations,
    // Where the partner's answers and the collectors' exports disagree.
    Evidence,
}

impl Category {
    pub const ALL: [Category; 13] = [
        Category::Versions,
        Category::Sizing,
        Category::Network,
        Category::Storage,
        Category::Repositories,
        Category::ObjectStorage,
        Category::CloudConnect,
        Category::Certificates,
        Category::Security,
        Category::MultiTenancy,
        Category::BackupAndDr,
        Category::Operations,
        Category::Evidence,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Versions => "versions",
            Category::Sizing => "sizing",
            Category::Network => "network",
            Category::Storage => "storage",
            Category::Repositories => "repositories",
            Category::ObjectStorage => "object_storage",
            Category::CloudConnect => "cloud_connect",
            Category::Certificates => "certificates",
            Category::Security => "security",
            Category::MultiTenancy => "multi_tenancy",
            Category::BackupAndDr => "backup_and_dr",
            Category::Operations => "operations",
            Category::Evidence => "evidence",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Category::Versions => "Versions",
            Category::Sizing => "Sizing",
            Category::Network => "Network",
            Category::Storage => "Storage",
            Category::Repositories => "Repositories",
            Category::ObjectStorage => "Object storage",
            Category::CloudConnect => "Cloud Connect",
            Category::Certificates => "Certificates",
            Category::Security => "Security",
            Category::MultiTenancy => "Multi-tenancy",
            Category::BackupAndDr => "Backup and DR",
            Category::Operations => "Operations",
            Category::Evidence => "Evidence",
        }
    }
}

/// A rule: its metadata and docs, declared once, and its check.
pub struct Rule {
    /// Stable id such as `NET-004`: never reused, even after the rule is retired.
    pub id: &'static str,
    pub title: &'static str,
    pub category: Category,
    /// The severity of its findings unless the check says otherwise.
    pub severity: Severity,
    /// The rule set version it appeared in.
    pub since: &'static str,
    /// What it checks.
    pub checks: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// The remediation playbook: ordered steps, "check X; if X is fine, check Y".
    pub remediation: &'static [&'static str],
    /// URLs to Veeam or vendor documentation.
    pub references: &'static [&'static str],
    pub check: fn(&mut Check<'_>),
}

/// A small set of answers and what the rule must make of it: a rule's test vector ([`vectors`]).
#[derive(Debug, Clone, Copy)]
pub struct Vector {
    pub expect: Expect,
    /// `{"answers": {...}, "groups": {...}}` in the answers file format, without `schema_version`.
    pub answers: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expect {
    /// At least one issue finding.
    Fires,
    /// No finding at all, and assessed: every answer it needs is there.
    Passes,
    /// To-verify findings only (an answer it needs is "I don't know").
    Verifies,
    /// No finding, but not assessed: an answer it needs is blank.
    NotAssessed,
}

/// Whether a finding is a problem seen (an issue), or a fact the partner does not know that the
/// tech lead must check (to verify). A to-verify finding's severity is what it would be if the
/// check failed: it is never counted as an issue of that severity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Issue,
    NeedsVerification,
}

/// One finding: one rule, one cause.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Finding {
    pub rule: &'static str,
    pub title: &'static str,
    pub category: Category,
    /// For an issue, how serious it is; for a to-verify finding, how serious it would be if the
    /// check failed.
    pub severity: Severity,
    pub kind: FindingKind,
    /// Specific to this environment: it names the gateway, repository, link or tier, or every
    /// one of them when the finding groups several.
    pub message: String,
    /// The answers that triggered it: question paths and the values seen, and both in words.
    pub evidence: Vec<Evidence>,
    /// When one cause shows in several items (three storage systems without firmware change
    /// control): each item's own message and evidence. Empty when the finding is about one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occurrences: Vec<Occurrence>,
    /// The rule's remediation playbook.
    pub remediation: &'static [&'static str],
    pub references: &'static [&'static str],
}

/// One item of a finding that groups several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Occurrence {
    pub message: String,
    pub evidence: Vec<Evidence>,
}

/// A rule that could not run because answers it needs are blank.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NotAssessed {
    pub rule: &'static str,
    pub title: &'static str,
    pub category: Category,
    /// The severity its findings would have.
    pub severity: Severity,
    /// The blank questions it needs.
    pub needs: Vec<Evidence>,
}

/// How a rule came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
    /// Its inputs include "don't know": needs verification.
    Unverified,
    /// Some of its inputs have not been answered.
    NotAssessed,
    /// Its inputs do not apply to this platform.
    NotApplicable,
}

/// The counts for one category, or for all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Tally {
    /// Issue findings by severity name. To-verify findings are not in here.
    pub findings: BTreeMap<&'static str, usize>,
    /// To-verify findings ("I don't know" answers to check).
    pub needs_verification: usize,
    pub rules_passed: usize,
    pub rules_failed: usize,
    pub rules_unverified: usize,
    pub rules_not_assessed: usize,
    pub rules_not_applicable: usize,
}

/// Per-category and overall counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary {
    pub overall: Tally,
    pub categories: BTreeMap<&'static str, Tally>,
}

/// The result of assessing a set of answers (`findings.json` in bundles, `intake assess --format
/// json`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "VCSP Intake findings")]
pub struct Assessment {
    /// [`FINDINGS_SCHEMA_VERSION`].
    pub findings_schema_version: u32,
    pub ruleset_version: &'static str,
    pub summary: Summary,
    /// Issues first, most severe first; then to-verify findings, by the severity they could have.
    pub findings: Vec<Finding>,
    /// Rules that could not run for want of answers, each with the blank questions it needs.
    pub not_assessed: Vec<NotAssessed>,
    /// The ids of the rules that ran on known answers and found nothing, in id order.
    pub passed: Vec<&'static str>,
}

impl Assessment {
    /// The assessment as compact JSON, which [`owned::Assessment::from_json`] reads back.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|_| unreachable!("an assessment always serializes: string keys"))
    }

    /// The issues (not the to-verify findings), most severe first.
    pub fn issues(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|finding| finding.kind == FindingKind::Issue)
    }

    /// The to-verify findings.
    pub fn to_verify(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|finding| finding.kind == FindingKind::NeedsVerification)
    }

    /// The number of issues of a severity.
    pub fn issue_count(&self, severity: Severity) -> usize {
        self.summary
            .overall
            .findings
            .get(severity.name())
            .copied()
            .unwrap_or(0)
    }
}

/// Issues per severity (in [`Severity::ALL`] order) in each category that has any, in category
/// order; to-verify findings among `findings` are left out. The reports' chart and the app's.
pub fn issues_by_category<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
) -> Vec<(Category, [usize; 5])> {
    count_issues(
        findings
            .into_iter()
            .map(|finding| (finding.kind, finding.category, finding.severity)),
    )
}

/// [`issues_by_category`] from each finding's kind, category and severity.
pub(crate) fn count_issues(
    findings: impl IntoIterator<Item = (FindingKind, Category, Severity)>,
) -> Vec<(Category, [usize; 5])> {
    let mut counts: BTreeMap<Category, [usize; 5]> = BTreeMap::new();
    for (kind, category, severity) in findings {
        if kind == FindingKind::Issue {
            counts.entry(category).or_default()[severity as usize] += 1;
        }
    }
    counts.into_iter().collect()
}

/// What a rule's check sees, and where its findings go.
pub struct Check<'a> {
    rule: &'static Rule,
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    relevance: &'a Relevance<'a>,
    pub config: &'a Config,
    findings: Vec<Finding>,
    saw_known: bool,
    /// Blank inputs the rule needed.
    needs: Vec<Evidence>,
    /// What the evidence kept with the answers says of them, worked out once per assessment for
    /// the evidence rules ([`Check::proposals`]).
    proposals: &'a std::cell::OnceCell<Vec<crate::evidence::map::Proposal>>,
}

impl<'a> Check<'a> {
    /// The answer to a question outside groups.
    ///
    /// A question hidden until an answer that is not known is given reads as that answer: the
    /// rule asks for it (through [`Check::known`]) instead of taking the question as not
    /// applicable.
    pub fn get(&self, id: &'a str) -> Fact<'a, &'a Value> {
        let question = self.questionnaire.question(id);
        let shown = question.is_some_and(|q| self.relevance.question_shown(q));
        if !shown && let Some(blocker) = question.and_then(|q| self.relevance.question_blocker(q)) {
            return facts::blocked(blocker, None);
        }
        facts::question(id, shown, self.answers.answers.get(id))
    }

    /// The items of a group: none when the group does not apply. A group hidden until an answer
    /// that is not known is given has none either, and that answer is recorded as one the rule
    /// needs ("don't know": a to-verify finding; blank: not assessed).
    pub fn items(&mut self, group_id: &str) -> Vec<ItemView<'a>> {
        let Some(Entry::Group(group)) = self.questionnaire.entry(group_id) else {
            return Vec::new();
        };
        if !self.relevance.group_shown(group) {
            if let Some(blocker) = self.relevance.group_blocker(group) {
                self.known(facts::blocked(blocker, None));
            }
            return Vec::new();
        }
        self.answers
            .groups
            .get(group_id)
            .map(|items| {
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| ItemView {
                        group,
                        index,
                        item,
                        relevance: self.relevance,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The evidence collectors gave (RVTools, Veeam Healthcheck), kept with the answers when an
    /// export was imported.
    pub(crate) fn collected(&self) -> Option<&'a crate::evidence::Evidence> {
        self.answers.evidence.as_deref()
    }

    /// Every answer the evidence kept with the answers gives, and how it compares with the answer
    /// given ([`crate::evidence::map::propose`]); empty without evidence. Worked out on the first
    /// call of an assessment and shared by every rule of it.
    pub(crate) fn proposals(&self) -> &'a [crate::evidence::map::Proposal] {
        let (questionnaire, answers) = (self.questionnaire, self.answers);
        self.proposals.get_or_init(|| {
            answers
                .evidence
                .as_deref()
                .map_or_else(Vec::new, |evidence| {
                    crate::evidence::map::propose(questionnaire, answers, evidence)
                })
        })
    }

    pub(crate) fn questionnaire(&self) -> &'a Questionnaire {
        self.questionnaire
    }

    pub(crate) fn answers(&self) -> &'a Answers {
        self.answers
    }

    /// Records that the rule compared known values and found them sound: it is assessed, and
    /// passes unless it reports something.
    pub(crate) fn compared(&mut self) {
        self.saw_known = true;
    }

    /// The value of a fact when known. Otherwise records what the rule needs: a "don't know"
    /// fact gives a to-verify finding naming it; a blank one is noted as needed (the rule is not
    /// assessed unless it finds something else); "not applicable" is silent.
    pub fn known<T>(&mut self, fact: Fact<'_, T>) -> Option<T> {
        self.read(fact, true)
    }

    /// The value of a fact when known, as [`Check::known`] reads it; a "don't know" fact's
    /// to-verify finding also says what cannot be checked without it (`consequence`).
    pub(crate) fn known_or_say<T>(&mut self, fact: Fact<'_, T>, consequence: &str) -> Option<T> {
        if !matches!(fact.state, FactState::DontKnow) {
            return self.known(fact);
        }
        let proof = fact.evidence();
        let message = format!(
            "{}: {consequence}",
            proof.unknown_message(self.questionnaire)
        );
        let evidence = vec![proof.render(self.questionnaire)];
        self.push(
            FindingKind::NeedsVerification,
            self.rule.severity,
            message,
            evidence,
        );
        None
    }

    /// A fact's value when known, otherwise what the rule needs recorded; `verdict` says whether
    /// a known value counts towards the rule being assessed.
    fn read<T>(&mut self, fact: Fact<'_, T>, verdict: bool) -> Option<T> {
        match fact.state {
            FactState::Known(value) => {
                self.saw_known |= verdict;
                Some(value)
            }
            FactState::NotApplicable => None,
            FactState::DontKnow => {
                let proof = fact.evidence();
                let message = proof.unknown_message(self.questionnaire);
                let evidence = vec![proof.render(self.questionnaire)];
                self.push(
                    FindingKind::NeedsVerification,
                    self.rule.severity,
                    message,
                    evidence,
                );
                None
            }
            FactState::Missing => {
                self.needs.push(fact.evidence().render(self.questionnaire));
                None
            }
        }
    }

    /// The value of a fact that only says what the rule looks at (an item's kind, whether a
    /// service is offered), not whether it passes: as [`Check::known`] for answers not known,
    /// but a known value does not by itself make the rule assessed. Rules read such facts
    /// through it rather than skipping on `value()`, which would pass over "I don't know" in
    /// silence.
    pub fn filter<T>(&mut self, fact: Fact<'_, T>) -> Option<T> {
        self.read(fact, false)
    }

    /// The precision the question a fact was read from asks of its answer (for a group member,
    /// on the answers of its item).
    pub(crate) fn precision_asked(&self, proof: &Proof<'_>) -> Option<&'a Precision> {
        proof.precision_asked(self.questionnaire, self.answers, self.relevance)
    }

    /// Records a version less precise than the rule's check needs: a to-verify finding at the
    /// rule's severity naming the question and the answer, the precision the question asks for,
    /// and what could not be checked (`consequence`). The rule must not pass on it silently.
    pub(crate) fn imprecise(&mut self, proof: &Proof<'_>, consequence: &str) {
        let asked = self.precision_asked(proof);
        let message = proof.imprecise_message(self.questionnaire, asked, consequence);
        let evidence = vec![proof.render(self.questionnaire)];
        self.push(
            FindingKind::NeedsVerification,
            self.rule.severity,
            message,
            evidence,
        );
    }

    /// Reports an issue at the rule's severity.
    pub fn fire(&mut self, message: String, evidence: Vec<Proof<'_>>) {
        self.fire_at(self.rule.severity, message, evidence);
    }

    /// Reports an issue at another severity than the rule's default.
    pub fn fire_at(&mut self, severity: Severity, message: String, evidence: Vec<Proof<'_>>) {
        let evidence = evidence
            .iter()
            .map(|proof| proof.render(self.questionnaire))
            .collect();
        self.push(FindingKind::Issue, severity, message, evidence);
    }

    fn push(
        &mut self,
        kind: FindingKind,
        severity: Severity,
        message: String,
        mut evidence: Vec<Evidence>,
    ) {
        evidence.sort();
        evidence.dedup();
        self.findings.push(Finding {
            rule: self.rule.id,
            title: self.rule.title,
            category: self.rule.category,
            severity,
            kind,
            message,
            evidence,
            occurrences: Vec::new(),
            remediation: self.rule.remediation,
            references: self.rule.references,
        });
    }

    fn outcome(&self) -> Outcome {
        if self.findings.iter().any(|f| f.kind == FindingKind::Issue) {
            Outcome::Failed
        } else if self
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::NeedsVerification)
        {
            Outcome::Unverified
        } else if !self.needs.is_empty() {
            Outcome::NotAssessed
        } else if self.saw_known {
            Outcome::Passed
        } else {
            Outcome::NotApplicable
        }
    }
}

/// A dated answer and the as-of date, both known: the days from one to the other.
pub(crate) struct Dated<'a> {
    pub date: time::Date,
    pub as_of: time::Date,
    pub days: i64,
    pub evidence: Vec<Proof<'a>>,
}

impl<'a> Check<'a> {
    /// Reads a date and the as-of date; either one unknown records what is needed.
    pub(crate) fn dated(&mut self, date: Fact<'a, time::Date>) -> Option<Dated<'a>> {
        let date_evidence = date.evidence();
        let date = self.known(date)?;
        let as_of = self.get("engagement.as_of").date();
        let as_of_evidence = as_of.evidence();
        let as_of = self.known(as_of)?;
        Some(Dated {
            date,
            as_of,
            days: (as_of - date).whole_days(),
            evidence: vec![date_evidence, as_of_evidence],
        })
    }
}

/// Runs every rule on the answers.
pub fn assess(questionnaire: &Questionnaire, answers: &Answers, config: &Config) -> Assessment {
    assess_with(&rules(), questionnaire, answers, config)
}

/// Runs the given rules. Findings come sorted: issues before to-verify findings, then by
/// severity, rule id and message.
pub fn assess_with(
    rules: &[&'static Rule],
    questionnaire: &Questionnaire,
    answers: &Answers,
    config: &Config,
) -> Assessment {
    let relevance = Relevance::new(questionnaire, answers);
    let mut findings = Vec::new();
    let mut not_assessed = Vec::new();
    let mut passed = Vec::new();
    let mut overall = Tally::default();
    let proposals = std::cell::OnceCell::new();
    let mut categories: BTreeMap<&'static str, Tally> = Category::ALL
        .iter()
        .map(|category| (category.name(), Tally::default()))
        .collect();
    for rule in rules {
        let mut check = Check {
            rule,
            questionnaire,
            answers,
            relevance: &relevance,
            config,
            findings: Vec::new(),
            saw_known: false,
            needs: Vec::new(),
            proposals: &proposals,
        };
        (rule.check)(&mut check);
        let outcome = check.outcome();
        check.findings = group::by_cause(check.findings, questionnaire, answers);
        if outcome == Outcome::Passed {
            passed.push(rule.id);
        }
        if outcome == Outcome::NotAssessed {
            let mut needs = std::mem::take(&mut check.needs);
            needs.sort();
            needs.dedup();
            not_assessed.push(NotAssessed {
                rule: rule.id,
                title: rule.title,
                category: rule.category,
                severity: rule.severity,
                needs,
            });
        }
        for tally in [
            &mut overall,
            categories.entry(rule.category.name()).or_default(),
        ] {
            tally.count(outcome, &check.findings);
        }
        findings.append(&mut check.findings);
    }
    passed.sort_unstable();
    findings.sort_by(|a, b| {
        (a.kind, a.severity, a.rule, &a.message).cmp(&(b.kind, b.severity, b.rule, &b.message))
    });
    Assessment {
        findings_schema_version: FINDINGS_SCHEMA_VERSION,
        ruleset_version: RULESET_VERSION,
        summary: Summary {
            overall,
            categories,
        },
        findings,
        not_assessed,
        passed,
    }
}

impl Tally {
    fn count(&mut self, outcome: Outcome, findings: &[Finding]) {
        for finding in findings {
            match finding.kind {
                FindingKind::Issue => {
                    *self.findings.entry(finding.severity.name()).or_default() += 1
                }
                FindingKind::NeedsVerification => self.needs_verification += 1,
            }
        }
        match outcome {
            Outcome::Passed => self.rules_passed += 1,
            Outcome::Failed => self.rules_failed += 1,
            Outcome::Unverified => self.rules_unverified += 1,
            Outcome::NotAssessed => self.rules_not_assessed += 1,
            Outcome::NotApplicable => self.rules_not_applicable += 1,
        }
    }
}

/// Each category's rules.
const CATEGORIES: &[&[Rule]] = &[
    versions::RULES,
    sizing::RULES,
    network::RULES,
    storage::RULES,
    repositories::RULES,
    object_storage::RULES,
    cloud_connect::RULES,
    certificates::RULES,
    security::RULES,
    multi_tenancy::RULES,
    backup_and_dr::RULES,
    operations::RULES,
    evidence::RULES,
];

/// Each category's rules' vectors, by rule id: apart from [`CATEGORIES`], so that only a binary
/// that calls [`vectors`] links them in.
const CATEGORY_VECTORS: &[&[(&str, &[Vector])]] = &[
    versions::VECTORS,
    sizing::VECTORS,
    network::VECTORS,
    storage::VECTORS,
    repositories::VECTORS,
    object_storage::VECTORS,
    cloud_connect::VECTORS,
    certificates::VECTORS,
    security::VECTORS,
    multi_tenancy::VECTORS,
    backup_and_dr::VECTORS,
    operations::VECTORS,
    evidence::VECTORS,
];

/// Ids that were renamed: old id, new id. Old ids stay resolvable and are never reused.
pub const REDIRECTS: &[(&str, &str)] = &[];

/// A rule that was removed from the rule set. Its id stays reserved: no rule uses it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retired {
    /// The rule's id, `PREFIX-NNN` as it was.
    pub id: &'static str,
    /// The first rule set version ([`RULESET_VERSION`]) without it, `x.y.z`.
    pub retired_in: &'static str,
    /// Why it was retired, and what covers its ground now, if anything.
    pub reason: &'static str,
}

/// Retired rules, oldest first.
///
/// To retire a rule: delete its file and its lines in its category's `RULES` and `VECTORS`, add
/// an entry here with the new rule set version, and bump [`RULESET_VERSION`]. Its id stays in
/// `crates/core/tests/rule_ids.txt`, the list of every id ever released, so it is never reused.
/// A rule that only changes id is renamed through [`REDIRECTS`] instead.
pub const RETIRED: &[Retired] = &[];

/// The id prefix of each category's rules.
pub fn id_prefix(category: Category) -> &'static str {
    match category {
        Category::Versions => "VER",
        Category::Sizing => "SIZ",
        Category::Network => "NET",
        Category::Storage => "STO",
        Category::Repositories => "REP",
        Category::ObjectStorage => "OBJ",
        Category::CloudConnect => "CC",
        Category::Certificates => "CRT",
        Category::Security => "SEC",
        Category::MultiTenancy => "TEN",
        Category::BackupAndDr => "DR",
        Category::Operations => "OPS",
        Category::Evidence => "EVD",
    }
}

/// Every rule, in id order.
pub fn rules() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = CATEGORIES.iter().flat_map(|rules| rules.iter()).collect();
    rules.sort_by_key(|rule| rule.id);
    rules
}

/// The rule with this id, following renames.
pub fn rule(id: &str) -> Option<&'static Rule> {
    let id = REDIRECTS
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| new);
    CATEGORIES
        .iter()
        .flat_map(|rules| rules.iter())
        .find(|rule| rule.id == id)
}

/// The vectors of the rule with this id: answers that make it fire, pass, ask for verification or
/// stay unassessed, each with the outcome it must have (`tests/rules.rs` runs them). Empty for an
/// unknown id (an old id is not followed to its new one: ask with [`Rule::id`]).
///
/// They are kept apart from the [`Rule`]s, and only a binary that calls this function carries
/// them: the web app's main module does not.
pub fn vectors(id: &str) -> &'static [Vector] {
    CATEGORY_VECTORS
        .iter()
        .flat_map(|vectors| vectors.iter())
        .find(|(rule, _)| *rule == id)
        .map_or(&[], |(_, vectors)| vectors)
}
