//! A tech lead's review of a bundle: triage of each finding, notes, findings added by hand.
//!
//! The review travels in the bundle as `review.json` next to two reports that show it
//! (`review-report.html`, `review-report.md`). The partner's files are copied into the reviewed
//! bundle byte for byte, still hashed by their own `manifest.json`; `review.json` names the
//! manifest it was made for (by its SHA-256) and hashes the review reports, so both halves can be
//! checked. Format in `docs/bundle.md`.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{Cursor, Write};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use zip::{ZipArchive, ZipWriter};

use super::{
    BundleError, ReadBundle, Rerun, StoredFinding, WriteError, json, pretty, report, rfc3339,
    ruleset_sha256, sha256_hex, zip_options,
};
use crate::playbooks::walk::Walk;
use crate::questionnaire::Questionnaire;
use crate::rules::{self, Finding, FindingKind, Severity};

/// The review format version this build writes, and the newest it reads. Version 4 added each
/// finding's plan ([`Plan`]).
pub const REVIEW_SCHEMA_VERSION: u32 = 4;

pub const REVIEW: &str = "review.json";
pub const REVIEW_HTML: &str = "review-report.html";
pub const REVIEW_MD: &str = "review-report.md";

/// The files a review adds to a bundle.
pub const REVIEW_FILES: [&str; 10] = [
    REVIEW,
    REVIEW_HTML,
    REVIEW_MD,
    ACTION_PLAN_HTML,
    ACTION_PLAN_MD,
    ACTION_PLAN_CSV,
    EVIDENCE_PACK_MD,
    EVIDENCE_PACK_JSON,
    TEST_PLAN_MD,
    TEST_PLAN_CSV,
];
/// The review's three documents, one for each reader: the partner's action plan, R&D's evidence
/// pack and QA's test plan (the last two anonymised).
pub const ACTION_PLAN_HTML: &str = "action-plan.html";
pub const ACTION_PLAN_MD: &str = "action-plan.md";
pub const ACTION_PLAN_CSV: &str = "action-plan.csv";
pub const EVIDENCE_PACK_MD: &str = "rnd-evidence-pack.md";
pub const EVIDENCE_PACK_JSON: &str = "rnd-evidence-pack.json";
pub const TEST_PLAN_MD: &str = "qa-test-plan.md";
pub const TEST_PLAN_CSV: &str = "qa-test-plan.csv";

/// `review.json`: the tech lead's verdicts, notes and own findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "VCSP Intake bundle review")]
pub struct Review {
    /// Version of the review format. Readers refuse versions newer than theirs.
    pub review_schema_version: u32,
    /// SHA-256 (lower-case hex) of the `manifest.json` this review was made for.
    pub bundle_manifest_sha256: String,
    /// Who reviewed.
    #[serde(default)]
    pub reviewer: String,
    /// When the reviewed bundle was exported, RFC 3339.
    pub reviewed_at: String,
    /// The VCSP Intake version that exported the review.
    pub app_version: String,
    /// The rule set the findings were re-run with.
    pub ruleset_version: String,
    /// SHA-256 of that rule set's catalogue (as in the manifest).
    pub ruleset_sha256: String,
    /// The reviewer's overall note.
    #[serde(default)]
    pub note: String,
    /// A verdict and note per finding; findings without one are untriaged.
    #[serde(default)]
    pub triage: Vec<Triage>,
    /// Findings the reviewer added by hand.
    #[serde(default)]
    pub added: Vec<AddedFinding>,
    /// The playbooks the reviewer walked, by the rule or symptom each started from (review
    /// schema 2).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub walks: BTreeMap<String, Walk>,
    /// Answers the reviewer confirmed on the platform, by their path (`platform.vbr_version`,
    /// `platform.proxies[0].cores`), each with how it was confirmed (review schema 3).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub confirmed: BTreeMap<String, Confirmed>,
    /// SHA-256 (lower-case hex) of the review reports, by file name.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

/// An answer the reviewer confirmed: seen on the platform, not only taken from the partner or an
/// export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Confirmed {
    /// How or where it was confirmed ("Help, About on vbr01").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Which finding a triage entry is about: rule id and message (as re-runs match findings), and
/// which of the findings sharing both it is, counting from 0.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct TriageKey {
    pub rule: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub occurrence: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The reviewer's verdict on one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The finding is real.
    Confirmed,
    /// Not a problem here; the reason is required.
    Dismissed,
    /// Needs more information from the partner.
    FollowUp,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Confirmed, Verdict::Dismissed, Verdict::FollowUp];

    pub fn name(self) -> &'static str {
        match self {
            Verdict::Confirmed => "confirmed",
            Verdict::Dismissed => "dismissed",
            Verdict::FollowUp => "needs follow-up",
        }
    }
}

/// One finding's triage.
// Not `deny_unknown_fields`: serde does not support it together with `flatten`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Triage {
    #[serde(flatten)]
    pub key: TriageKey,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// Why it was dismissed (required for a dismissal).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub plan: Plan,
}

/// Who acts on a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The partner, on their platform.
    Partner,
    /// Veeam support, in a support case.
    VeeamSupport,
    /// Veeam R&D: a product defect or limitation.
    Rnd,
}

impl Owner {
    pub const ALL: [Owner; 3] = [Owner::Partner, Owner::VeeamSupport, Owner::Rnd];

    /// The owner in words.
    pub fn name(self) -> &'static str {
        match self {
            Owner::Partner => "the partner",
            Owner::VeeamSupport => "Veeam support",
            Owner::Rnd => "Veeam R&D",
        }
    }
}

/// What happens next with a finding (review schema 4; empty in older reviews): who acts, by
/// when, what the partner can do meanwhile, and whether it goes to R&D.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// The target date, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// What the partner can do now, until it is fixed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub workaround: String,
    /// A product defect or limitation is suspected: R&D is asked.
    #[serde(default, skip_serializing_if = "is_false")]
    pub escalate: bool,
    /// The Veeam support case number or the defect id, where there is one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub case_id: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Plan {
    /// Whether nothing is planned.
    pub fn is_empty(&self) -> bool {
        *self == Plan::default()
    }

    /// The plan in words: "Veeam R&D by 2026-12-20; escalated to R&D, case 01234567;
    /// workaround: pin the proxy to NBD"; empty when nothing is planned.
    pub fn words(&self) -> String {
        let mut parts = Vec::new();
        let due = self.due.trim();
        match (self.owner, due.is_empty()) {
            (Some(owner), true) => parts.push(format!("owner: {}", owner.name())),
            (Some(owner), false) => parts.push(format!("owner: {} by {due}", owner.name())),
            (None, false) => parts.push(format!("due {due}")),
            (None, true) => {}
        }
        let case = self.case_id.trim();
        match (self.escalate, case.is_empty()) {
            (true, true) => parts.push("escalated to R&D".to_owned()),
            (true, false) => parts.push(format!("escalated to R&D, case {case}")),
            (false, false) => parts.push(format!("case {case}")),
            (false, true) => {}
        }
        if !self.workaround.trim().is_empty() {
            parts.push(format!("workaround: {}", self.workaround.trim()));
        }
        parts.join("; ")
    }

    /// What is wrong with it, for the finding named `who`: a target date that is not a date.
    fn problems(&self, who: &str) -> Vec<String> {
        let mut problems = Vec::new();
        if !self.due.trim().is_empty()
            && let Err(error) = crate::values::date(&self.due)
        {
            problems.push(format!("{who}: the target date {error}"));
        }
        problems
    }
}

/// A finding the reviewer added by hand.
// Not `deny_unknown_fields`: serde does not support it together with `flatten`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AddedFinding {
    /// `REVIEW-1`, `REVIEW-2`...: stable within the review (a triage file may leave it out: the
    /// tool gives it).
    #[serde(default)]
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub message: String,
    /// Question paths or other evidence, one per entry.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// What to do, one step per entry.
    #[serde(default)]
    pub remediation: Vec<String>,
    #[serde(flatten)]
    pub plan: Plan,
}

impl Review {
    /// The review carried over to the re-run's findings ([`Review::adopt`]) when it has no
    /// problems ([`Review::problems`]): what the review's documents are made from.
    pub fn finished(&self, rerun: &Rerun) -> Result<Review, Vec<String>> {
        let mut review = self.clone();
        review.adopt(rerun);
        let problems = review.problems();
        if problems.is_empty() {
            Ok(review)
        } else {
            Err(problems)
        }
    }

    /// The fix a walk of the playbook of `rule` ended with, for the finding's workaround: the
    /// reviewer's walk first, else the last of the partner's `walks` started from that rule to end.
    pub fn concluded_fix(&self, walks: &[Walk], rule: &str) -> Option<String> {
        self.walks
            .get(rule)
            .and_then(Walk::ended)
            .or_else(|| {
                walks
                    .iter()
                    .rev()
                    .filter(|walk| walk.playbook == rule)
                    .find_map(Walk::ended)
            })
            .map(|conclusion| conclusion.fix.clone())
    }

    /// An empty review of the bundle whose manifest has these bytes.
    pub fn new(bundle: &ReadBundle) -> Review {
        Review {
            review_schema_version: REVIEW_SCHEMA_VERSION,
            bundle_manifest_sha256: bundle.manifest_sha256.clone(),
            ..Review::default()
        }
    }

    /// The review as `review.json` holds it.
    pub fn to_json(&self) -> String {
        pretty(self)
    }

    /// Reads a review written by [`Review::to_json`]; a newer version is refused with the reason.
    pub fn from_json(text: &str) -> Result<Review, BundleError> {
        read_review(text.as_bytes())
    }

    /// The triage entry for `key`, if any.
    pub fn triage(&self, key: &TriageKey) -> Option<&Triage> {
        self.triage.iter().find(|t| t.key == *key)
    }

    /// The triage entry for `key`, made empty when missing.
    pub fn triage_mut(&mut self, key: &TriageKey) -> &mut Triage {
        let index = match self.triage.iter().position(|t| t.key == *key) {
            Some(index) => index,
            None => {
                self.triage.push(Triage {
                    key: key.clone(),
                    verdict: None,
                    reason: String::new(),
                    note: String::new(),
                    plan: Plan::default(),
                });
                self.triage.len() - 1
            }
        };
        &mut self.triage[index]
    }

    /// Carries triage made on findings of an older format over to the keys the current rules
    /// give them ([`Rerun::renamed`]), so nothing the reviewer decided is lost. A key that has
    /// triage of its own keeps it.
    pub fn adopt(&mut self, rerun: &Rerun) {
        for (old, now) in &rerun.renamed {
            let now = TriageKey {
                rule: now.rule.clone(),
                message: now.message.clone(),
                occurrence: 0,
            };
            if self.triage(&now).is_some() {
                continue;
            }
            if let Some(triage) = self
                .triage
                .iter_mut()
                .find(|t| t.key.rule == old.rule && t.key.message == old.message)
            {
                triage.key = now;
            }
        }
    }

    /// Adds an empty finding with the next free `REVIEW-n` id and returns it.
    pub fn add_finding(&mut self) -> &mut AddedFinding {
        let next = (1..)
            .find(|n| !self.added.iter().any(|f| f.id == format!("REVIEW-{n}")))
            .unwrap_or(1);
        self.added.push(AddedFinding {
            id: format!("REVIEW-{next}"),
            title: String::new(),
            severity: Severity::Medium,
            message: String::new(),
            evidence: Vec::new(),
            remediation: Vec::new(),
            plan: Plan::default(),
        });
        let last = self.added.len() - 1;
        &mut self.added[last]
    }

    /// What must be fixed before the review can be exported: a dismissal without a reason, an
    /// added finding without a title or message, a target date that is not a date.
    pub fn problems(&self) -> Vec<String> {
        let mut problems: Vec<String> = self
            .triage
            .iter()
            .filter(|t| t.verdict == Some(Verdict::Dismissed) && t.reason.trim().is_empty())
            .map(|t| format!("{}: a dismissal needs a reason", t.key.rule))
            .collect();
        for triage in &self.triage {
            problems.extend(triage.plan.problems(&triage.key.rule));
        }
        for finding in &self.added {
            problems.extend(finding.plan.problems(&finding.id));
            if finding.title.trim().is_empty() {
                problems.push(format!("{}: give the finding a title", finding.id));
            }
            if finding.message.trim().is_empty() {
                problems.push(format!("{}: say what was found", finding.id));
            }
        }
        problems
    }

    /// Counts of findings by verdict among `items`, and how many have none.
    pub fn counts(&self, items: &[ReviewItem<'_>]) -> VerdictCounts {
        let mut counts = VerdictCounts::default();
        for item in items {
            match self.triage(&item.key).and_then(|t| t.verdict) {
                Some(Verdict::Confirmed) => counts.confirmed += 1,
                Some(Verdict::Dismissed) => counts.dismissed += 1,
                Some(Verdict::FollowUp) => counts.follow_up += 1,
                None => counts.untriaged += 1,
            }
        }
        counts
    }
}

/// A triage file: a review as a person writes it by hand or a script makes it (`intake review
/// BUNDLE --apply TRIAGE.json`), without the versions, hashes and times the tool fills in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "VCSP Intake triage file")]
pub struct TriageFile {
    #[serde(default)]
    pub reviewer: String,
    #[serde(default)]
    pub note: String,
    /// Each finding's verdict and plan, named by its rule and message as `intake review` prints
    /// them (and `occurrence`, counting from 0, when several share both).
    #[serde(default)]
    pub triage: Vec<Triage>,
    /// Findings added by hand; their ids (`REVIEW-1`...) are given in order, whatever the file
    /// says.
    #[serde(default)]
    pub added: Vec<AddedFinding>,
}

impl Review {
    /// The review a triage file makes of `bundle`, re-run as `rerun`; or everything wrong with
    /// the file, each in a line: an entry that names no finding of the bundle, one named twice,
    /// a dismissal without a reason, a target date that is not a date, an added finding without
    /// a title or message.
    pub fn from_triage_file(
        bundle: &ReadBundle,
        rerun: &Rerun,
        file: TriageFile,
    ) -> Result<Review, Vec<String>> {
        let items = items(rerun);
        let mut problems = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for triage in &file.triage {
            let named = format!("{} “{}”", triage.key.rule, triage.key.message);
            let occurrence = match triage.key.occurrence {
                0 => String::new(),
                n => format!(" (occurrence {n})"),
            };
            if !items.iter().any(|item| item.key == triage.key) {
                problems.push(format!(
                    "{named}{occurrence} names no finding of this bundle: copy the rule and the \
                     message as `intake review` prints them"
                ));
            }
            if !seen.insert(triage.key.clone()) {
                problems.push(format!("{named}{occurrence} is triaged twice"));
            }
        }
        let mut review = Review::new(bundle);
        review.reviewer = file.reviewer;
        review.note = file.note;
        review.triage = file.triage;
        review.added = file.added;
        for (index, added) in review.added.iter_mut().enumerate() {
            added.id = format!("REVIEW-{}", index + 1);
        }
        problems.extend(review.problems());
        if problems.is_empty() {
            Ok(review)
        } else {
            Err(problems)
        }
    }
}

/// How many findings have each verdict ([`Review::counts`]).
///
/// Shown, wherever triage is counted (the review reports, `intake review`, the app), as one
/// wording: "1 confirmed, 2 dismissed, 0 need follow-up, 56 not triaged".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct VerdictCounts {
    /// Findings confirmed: real.
    pub confirmed: usize,
    /// Findings dismissed, each with a reason.
    pub dismissed: usize,
    /// Findings that need more information from the partner.
    pub follow_up: usize,
    /// Findings without a verdict.
    pub untriaged: usize,
}

impl VerdictCounts {
    /// The findings with a verdict.
    pub fn triaged(&self) -> usize {
        self.confirmed + self.dismissed + self.follow_up
    }

    /// Every finding counted, with a verdict or without.
    pub fn total(&self) -> usize {
        self.triaged() + self.untriaged
    }
}

/// "1 confirmed, 2 dismissed, 0 need follow-up, 56 not triaged": the one wording of the counts.
impl fmt::Display for VerdictCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} confirmed, {} dismissed, {} need follow-up, {} not triaged",
            self.confirmed, self.dismissed, self.follow_up, self.untriaged
        )
    }
}

/// How a finding under review compares with the bundle's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// In the bundle and found again with the same severity.
    Unchanged,
    /// Found now, not in the bundle.
    New,
    /// In the bundle, not found by the current rules.
    Resolved,
    /// Found again with another severity: this was the bundle's.
    SeverityChanged { before: Severity },
}

impl Change {
    /// How the finding compares with the partner's findings, in words; none when unchanged.
    pub fn describe(self) -> Option<String> {
        match self {
            Change::Unchanged => None,
            Change::New => Some("new: not in the partner's findings".to_owned()),
            Change::Resolved => Some("resolved: the current rules no longer find it".to_owned()),
            Change::SeverityChanged { before } => Some(format!(
                "severity changed: {} in the partner's findings",
                before.name()
            )),
        }
    }
}

/// The reviewed bundle's file name: the one the tech lead opened, marked as reviewed
/// (`acme-2026-11-02.intake.zip` → `acme-2026-11-02.reviewed.intake.zip`), never marked twice.
pub fn reviewed_file_name(name: &str) -> String {
    let stem = name
        .strip_suffix(".zip")
        .unwrap_or(name)
        .trim_end_matches(".intake")
        .trim_end_matches(".reviewed");
    format!("{stem}.reviewed.intake.zip")
}

/// One finding to triage: found by the current rules, or only in the bundle (resolved).
#[derive(Debug, Clone)]
pub struct ReviewItem<'a> {
    pub key: TriageKey,
    pub change: Change,
    /// The current rules' finding, with evidence and playbook; `None` when resolved.
    pub current: Option<&'a Finding>,
    /// The bundle's finding; `None` when new.
    pub stored: Option<&'a StoredFinding>,
}

impl ReviewItem<'_> {
    pub fn rule(&self) -> &str {
        &self.key.rule
    }

    pub fn message(&self) -> &str {
        &self.key.message
    }

    pub fn title(&self) -> &str {
        match (self.current, self.stored) {
            (Some(finding), _) => finding.title,
            (None, Some(stored)) => &stored.title,
            (None, None) => "",
        }
    }

    /// The current severity, or the bundle's for a resolved finding.
    pub fn severity(&self) -> Severity {
        match (self.current, self.stored) {
            (Some(finding), _) => finding.severity,
            (None, Some(stored)) => stored.severity,
            (None, None) => Severity::Info,
        }
    }

    pub fn kind(&self) -> FindingKind {
        match (self.current, self.stored) {
            (Some(finding), _) => finding.kind,
            (None, Some(stored)) => stored.kind,
            (None, None) => FindingKind::Issue,
        }
    }
}

/// The findings a reviewer triages: every finding of the re-run in its order, each marked
/// against the bundle's, then the bundle's findings the current rules no longer make. Findings
/// are paired as [`super::rerun`] pairs them: by rule and message, in order.
pub fn items<'a>(rerun: &'a Rerun) -> Vec<ReviewItem<'a>> {
    let mut stored: BTreeMap<(&str, &str), Vec<&StoredFinding>> = BTreeMap::new();
    for finding in &rerun.before {
        stored
            .entry((&finding.rule, &finding.message))
            .or_default()
            .push(finding);
    }
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut out = Vec::new();
    for finding in &rerun.assessment.findings {
        let pair = (finding.rule, finding.message.as_str());
        let occurrence = *seen.entry(pair).and_modify(|n| *n += 1).or_insert(0);
        let before = stored
            .get(&pair)
            .and_then(|list| list.get(occurrence))
            .copied();
        let change = match before {
            None => Change::New,
            Some(old) if old.severity == finding.severity => Change::Unchanged,
            Some(old) => Change::SeverityChanged {
                before: old.severity,
            },
        };
        out.push(ReviewItem {
            key: TriageKey {
                rule: finding.rule.to_owned(),
                message: finding.message.clone(),
                occurrence,
            },
            change,
            current: Some(finding),
            stored: before,
        });
    }
    for (pair, list) in &stored {
        let found = seen.get(pair).map_or(0, |n| n + 1);
        for (occurrence, old) in list.iter().enumerate().skip(found) {
            out.push(ReviewItem {
                key: TriageKey {
                    rule: old.rule.clone(),
                    message: old.message.clone(),
                    occurrence,
                },
                change: Change::Resolved,
                current: None,
                stored: Some(old),
            });
        }
    }
    out
}

/// Why a reviewed bundle could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// The review is not finished: each problem names what to fix.
    Incomplete(Vec<String>),
    /// The review was made for another bundle.
    OtherBundle,
    /// The zip could not be written.
    Write(WriteError),
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewError::Incomplete(problems) => {
                write!(f, "the review is not finished: {}", problems.join("; "))
            }
            ReviewError::OtherBundle => write!(f, "this review was made for another bundle"),
            ReviewError::Write(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ReviewError {}

/// The reviewed bundle: every partner file of `bytes` copied as it is (compressed bytes and all),
/// then `review.json` and the review reports. A review already in `bytes` is replaced.
/// `reviewed_at` comes from the caller, as the core reads no clock.
pub fn write_reviewed(
    bytes: &[u8],
    bundle: &ReadBundle,
    review: &Review,
    questionnaire: &Questionnaire,
    reviewed_at: OffsetDateTime,
) -> Result<Vec<u8>, ReviewError> {
    let problems = review.problems();
    if !problems.is_empty() {
        return Err(ReviewError::Incomplete(problems));
    }
    if review.bundle_manifest_sha256 != bundle.manifest_sha256 {
        return Err(ReviewError::OtherBundle);
    }
    let failed = |error: &dyn fmt::Display| ReviewError::Write(WriteError(error.to_string()));
    let rerun = super::rerun(bundle, questionnaire);
    let reviewed = rfc3339(reviewed_at);
    let mut review = review.clone();
    review.adopt(&rerun);
    review.review_schema_version = REVIEW_SCHEMA_VERSION;
    review.reviewed_at = reviewed;
    review.app_version = crate::VERSION.to_owned();
    review.ruleset_version = rules::RULESET_VERSION.to_owned();
    review.ruleset_sha256 = ruleset_sha256();
    let plan = super::action_plan::action_plan_of(bundle, &rerun, &review);
    // One anonymised view for both documents: the answers anonymised and assessed once.
    let view = super::evidence_pack::View::new(questionnaire, bundle, &review, &rerun, false);
    let pack =
        super::evidence_pack::evidence_pack_in(questionnaire, bundle, &rerun, &review, &view);
    let tests = super::test_plan::test_plan_in(questionnaire, &rerun, &review, &view);
    let reports = [
        (
            REVIEW_HTML,
            report::review_html(questionnaire, bundle, &rerun, &review),
        ),
        (
            REVIEW_MD,
            report::review_markdown(questionnaire, bundle, &rerun, &review),
        ),
        (ACTION_PLAN_HTML, plan.html()),
        (ACTION_PLAN_MD, plan.markdown()),
        (ACTION_PLAN_CSV, plan.csv()),
        (EVIDENCE_PACK_MD, pack.markdown()),
        (EVIDENCE_PACK_JSON, pack.to_json()),
        (TEST_PLAN_MD, tests.markdown()),
        (TEST_PLAN_CSV, tests.csv()),
    ];
    review.files = reports
        .iter()
        .map(|(name, text)| ((*name).to_owned(), sha256_hex(text.as_bytes())))
        .collect();

    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| failed(&e))?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|e| failed(&e))?;
        if REVIEW_FILES.contains(&entry.name()) {
            continue;
        }
        zip.raw_copy_file(entry).map_err(|e| failed(&e))?;
    }
    let options = zip_options(reviewed_at);
    let review_json = review.to_json();
    for (name, text) in std::iter::once((REVIEW, review_json)).chain(reports) {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// Reads `review.json`: the version first, so a newer one is refused with its reason.
pub(super) fn read_review(bytes: &[u8]) -> Result<Review, BundleError> {
    #[derive(Deserialize)]
    struct Probe {
        review_schema_version: Option<serde_json::Value>,
    }
    let probe: Probe = json(REVIEW, bytes)?;
    match probe
        .review_schema_version
        .as_ref()
        .and_then(|v| v.as_u64())
    {
        Some(found) if (1..=u64::from(REVIEW_SCHEMA_VERSION)).contains(&found) => {
            json(REVIEW, bytes)
        }
        Some(found) if found > u64::from(REVIEW_SCHEMA_VERSION) => {
            Err(BundleError::NewerReview { found })
        }
        _ => Err(BundleError::Malformed {
            name: REVIEW.to_owned(),
            reason: format!(
                "`review_schema_version` must be a whole number from 1 to {REVIEW_SCHEMA_VERSION}"
            ),
        }),
    }
}

/// The JSON Schema of `review.json`, pretty-printed (published as
/// `docs/schema/review.schema.json`).
pub fn review_schema() -> String {
    pretty(&schemars::schema_for!(Review))
}

/// The JSON Schema of a triage file ([`TriageFile`], `intake review --apply`), pretty-printed
/// (published as `docs/schema/triage.schema.json`).
pub fn triage_schema() -> String {
    pretty(&schemars::schema_for!(TriageFile))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reviewed_bundle_is_named_after_the_one_opened_and_marked_once() {
        assert_eq!(
            reviewed_file_name("acme-2026-11-02.intake.zip"),
            "acme-2026-11-02.reviewed.intake.zip"
        );
        assert_eq!(
            reviewed_file_name("acme-2026-11-02.reviewed.intake.zip"),
            "acme-2026-11-02.reviewed.intake.zip"
        );
        assert_eq!(reviewed_file_name("bundle"), "bundle.reviewed.intake.zip");
    }

    #[test]
    fn changes_are_said_in_words() {
        assert_eq!(Change::Unchanged.describe(), None);
        assert_eq!(
            Change::SeverityChanged {
                before: Severity::High
            }
            .describe()
            .as_deref(),
            Some("severity changed: high in the partner's findings")
        );
    }

    #[test]
    fn verdict_counts_read_as_one_sentence_in_every_renderer() {
        let counts = VerdictCounts {
            confirmed: 1,
            dismissed: 2,
            follow_up: 0,
            untriaged: 56,
        };
        assert_eq!(
            counts.to_string(),
            "1 confirmed, 2 dismissed, 0 need follow-up, 56 not triaged"
        );
        assert_eq!(counts.triaged(), 3);
        assert_eq!(counts.total(), 59);
        assert_eq!(
            VerdictCounts::default().to_string(),
            "0 confirmed, 0 dismissed, 0 need follow-up, 0 not triaged"
        );
    }
}
