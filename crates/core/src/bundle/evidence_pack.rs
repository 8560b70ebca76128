//! R&D's evidence pack, the second of a review's three documents: one section per finding
//! escalated to R&D, with what a developer needs to reproduce it: the environment (product
//! versions and builds, hypervisors, storage models and firmware, network, the components and
//! where they are), the finding's evidence with where each fact came from, the playbook walks and
//! what they ruled out, a timeline of what happened when (firmware updates, certificate
//! renewals, tests, the collectors' runs, the walks), and the questions still open.
//!
//! **Anonymised by default**, with [`crate::anonymise`]: the answers and the collectors' evidence
//! are anonymised, the rules re-run on them (so messages name the placeholders), and the
//! reviewer's own text (notes, workaround, added findings) keeps its words with every name, host
//! name and address of the answers replaced by the same placeholder ([`Scrubber`]); the walks
//! lose their notes and the answers they quoted ([`anonymise_walks`]). A deliberate choice
//! (`with_originals`) keeps the originals.
//!
//! As Markdown and HTML (from one description, `crate::document`) and as JSON with a schema
//! ([`evidence_pack_schema`]).

use schemars::JsonSchema;
use serde::Serialize;

use super::action_plan::finished_review;
use super::review::{Owner, Plan, Review, Verdict, items};
use super::{ReadBundle, Rerun, report};
use crate::anonymise::{Scrubber, anonymise_walks, anonymise_with_scrubber};
use crate::answers::{Answer, Answers, State, Value};
use crate::display;
use crate::document::{Block, Entry, Span, Term, heading, strong, text};
use crate::playbooks::Playbooks;
use crate::playbooks::walk::Walk;
use crate::questionnaire::{Item, Kind, Questionnaire};
use crate::rules::{self, Config, Finding, FindingKind, Severity};

/// The version of the evidence pack's JSON this build writes.
pub const EVIDENCE_PACK_SCHEMA_VERSION: u32 = 1;

/// The sections whose questions (outside groups) describe the platform to reproduce on, and the
/// heading each goes under.
const ENVIRONMENT: [(&str, &str); 5] = [
    ("platform", "Veeam platform and versions"),
    ("compute", "Hypervisors, clouds and Kubernetes"),
    ("storage", "Storage"),
    ("network", "Network"),
    ("sites", "Sites and how they connect"),
];

/// The sections whose groups make the components: how many of each.
const COMPONENTS: [&str; 8] = [
    "platform",
    "sites",
    "compute",
    "storage",
    "repositories",
    "object_storage",
    "cloud_connect",
    "network",
];

/// The evidence pack of a reviewed bundle.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "VCSP Intake R&D evidence pack")]
pub struct EvidencePack {
    /// Version of this format ([`EVIDENCE_PACK_SCHEMA_VERSION`]).
    pub evidence_pack_schema_version: u32,
    /// Whether names, host names, addresses and free text were replaced by placeholders.
    pub anonymised: bool,
    /// The partner's name (`Partner` when anonymised).
    pub partner: String,
    pub reviewer: String,
    /// RFC 3339.
    pub reviewed_at: String,
    /// SHA-256 of the reviewed bundle's `manifest.json`.
    pub bundle_manifest_sha256: String,
    /// The rule set the findings were re-run with.
    pub ruleset_version: String,
    /// What made the pack: product and version.
    pub made_by: String,
    /// The environment: versions, builds and settings by area, then how many of each component.
    pub environment: Vec<Facts>,
    /// The collectors' exports the answers were partly read from.
    pub collectors: Vec<String>,
    /// What happened when, oldest first.
    pub timeline: Vec<Dated>,
    /// The findings escalated to R&D, most severe first.
    pub escalations: Vec<Escalation>,
}

/// Facts under a heading: a section of the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Facts {
    pub title: String,
    pub facts: Vec<Fact>,
}

/// One fact: the question in words (with its item), the answer in words, and where it came
/// from when not from the partner (a collector's export, its sheet and row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Fact {
    pub question: String,
    pub answer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// Something that happened, and when: a date (`YYYY-MM-DD`) or a time (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
pub struct Dated {
    pub at: String,
    pub what: String,
}

/// One finding escalated to R&D.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Escalation {
    /// The rule id (`CC-003`), or the added finding's (`REVIEW-1`).
    pub id: String,
    pub title: String,
    /// The rule's category in words; empty for an added finding.
    pub category: String,
    pub severity: Severity,
    /// A to-verify finding: the partner did not know a fact.
    pub to_verify: bool,
    /// The finding in words, as the rule (or the reviewer) put it.
    pub message: String,
    /// `confirmed`, `follow_up`, or `added` (the reviewer's own finding).
    pub verdict: String,
    pub owner: Option<Owner>,
    pub due: String,
    pub case_id: String,
    pub workaround: String,
    pub note: String,
    /// The answers the finding rests on.
    pub evidence: Vec<Fact>,
    /// Every answer about each item the finding names (a storage system, a gateway, a link).
    pub items: Vec<Facts>,
    /// The playbook walks of this finding's rule, the partner's and the reviewer's.
    pub walks: Vec<WalkPath>,
    /// What is not known yet.
    pub open_questions: Vec<String>,
    pub references: Vec<&'static str>,
}

/// A walk through a playbook as R&D reads it: what was checked and found normal (ruled out),
/// and where it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct WalkPath {
    /// The playbook's title.
    pub playbook: String,
    /// `the partner` or `the reviewer`.
    pub by: String,
    pub started_at: String,
    /// The steps passed on the way, each with what was found.
    pub ruled_out: Vec<Checked>,
    /// The cause and fix it ended in.
    pub conclusion: Option<Concluded>,
    /// The step it stopped at, when it did not end.
    pub stopped_at: Option<String>,
}

/// A step passed: its question and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Checked {
    pub step: String,
    pub found: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Where a walk ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Concluded {
    pub cause: String,
    pub fix: String,
}

/// A finding of the review picked for R&D: the current rules' finding, or an added one, with
/// the reviewer's verdict and plan.
pub(super) struct Picked<'a> {
    pub finding: Option<&'a Finding>,
    pub added: Option<&'a super::AddedFinding>,
    pub verdict: Option<Verdict>,
    pub plan: Plan,
    pub note: String,
}

impl Picked<'_> {
    pub fn severity(&self) -> Severity {
        self.finding
            .map(|f| f.severity)
            .or(self.added.map(|a| a.severity))
            .unwrap_or(Severity::Info)
    }

    pub fn id(&self) -> &str {
        self.finding
            .map(|f| f.rule)
            .or(self.added.map(|a| a.id.as_str()))
            .unwrap_or_default()
    }
}

/// The findings escalated to R&D (marked so, or owned by R&D) that the reviewer confirmed or
/// follows up, then the added ones, most severe first (then by id).
pub(super) fn escalated<'a>(review: &'a Review, rerun: &'a Rerun) -> Vec<Picked<'a>> {
    let for_rnd = |plan: &Plan| plan.escalate || plan.owner == Some(Owner::Rnd);
    let mut picked = Vec::new();
    for item in items(rerun) {
        let (Some(finding), Some(triage)) = (item.current, review.triage(&item.key)) else {
            continue;
        };
        if matches!(triage.verdict, Some(Verdict::Confirmed | Verdict::FollowUp))
            && for_rnd(&triage.plan)
        {
            picked.push(Picked {
                finding: Some(finding),
                added: None,
                verdict: triage.verdict,
                plan: triage.plan.clone(),
                note: triage.note.clone(),
            });
        }
    }
    for added in review.added.iter().filter(|added| for_rnd(&added.plan)) {
        picked.push(Picked {
            finding: None,
            added: Some(added),
            verdict: None,
            plan: added.plan.clone(),
            note: String::new(),
        });
    }
    picked.sort_by(|a, b| (a.severity(), a.id()).cmp(&(b.severity(), b.id())));
    picked
}

/// The answers, walks and text as the pack shows them: the originals, or anonymised.
pub(super) struct View {
    pub answers: Answers,
    /// The re-run of the answers shown: messages name the placeholders when anonymised.
    pub findings: Vec<Finding>,
    pub partner_walks: Vec<Walk>,
    pub reviewer_walks: Vec<Walk>,
    scrubber: Option<Scrubber>,
}

impl View {
    pub fn new(
        questionnaire: &Questionnaire,
        bundle: &ReadBundle,
        review: &Review,
        rerun: &Rerun,
        with_originals: bool,
    ) -> View {
        let reviewer_walks: Vec<Walk> = review.walks.values().cloned().collect();
        if with_originals {
            return View {
                answers: bundle.answers.clone(),
                findings: rerun.assessment.findings.clone(),
                partner_walks: bundle.walks.clone(),
                reviewer_walks,
                scrubber: None,
            };
        }
        let (answers, scrubber) = anonymise_with_scrubber(questionnaire, &bundle.answers);
        let findings = rules::assess(questionnaire, &answers, &Config::default()).findings;
        View {
            answers,
            findings,
            partner_walks: anonymise_walks(&bundle.walks),
            reviewer_walks: anonymise_walks(&reviewer_walks),
            scrubber: Some(scrubber),
        }
    }

    pub fn anonymised(&self) -> bool {
        self.scrubber.is_some()
    }

    /// Text typed by people, with the answers' names replaced when anonymised.
    pub fn text(&self, text: &str) -> String {
        match &self.scrubber {
            Some(scrubber) => scrubber.scrub(text.trim()),
            None => text.trim().to_owned(),
        }
    }

    /// The finding as shown: the anonymised re-run's finding with the same rule, kind,
    /// severity and evidence (the anonymiser keeps what rules read, so there is one); the
    /// original when shown as is.
    pub fn finding<'a>(&'a self, original: &'a Finding) -> &'a Finding {
        if !self.anonymised() {
            return original;
        }
        let paths = |finding: &Finding| -> Vec<String> {
            finding.evidence.iter().map(|e| e.path.clone()).collect()
        };
        self.findings
            .iter()
            .find(|shown| {
                shown.rule == original.rule
                    && shown.kind == original.kind
                    && shown.severity == original.severity
                    && paths(shown) == paths(original)
            })
            .unwrap_or(original)
    }
}

/// The answers of one section as facts: its questions, then each group's items.
pub(super) fn section_facts(
    questionnaire: &Questionnaire,
    answers: &Answers,
    section: &str,
) -> Vec<Fact> {
    let Some(section) = questionnaire.sections().iter().find(|s| s.id == section) else {
        return Vec::new();
    };
    let mut facts = Vec::new();
    for item in &section.items {
        match item {
            Item::Question(question) => {
                if let Some(answer) = answers.answers.get(&question.id) {
                    facts.push(fact(display::question(None, question), question, answer));
                }
            }
            Item::Group(group) => {
                for entry in answers.groups.get(&group.id).into_iter().flatten() {
                    for question in &group.questions {
                        if let Some(answer) = entry.answers.get(question.local_id()) {
                            let asked = display::question(Some((group, &entry.name)), question);
                            facts.push(fact(asked, question, answer));
                        }
                    }
                }
            }
        }
    }
    facts
}

/// The environment as R&D reads it: each section's own answers (versions, builds, settings), the
/// clusters' platforms and builds, and how many of each component there are.
fn environment(questionnaire: &Questionnaire, answers: &Answers) -> Vec<Facts> {
    let mut environment = Vec::new();
    for (id, title) in ENVIRONMENT {
        let Some(section) = questionnaire.sections().iter().find(|s| s.id == id) else {
            continue;
        };
        let mut facts: Vec<Fact> = section
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Question(question) => answers
                    .answers
                    .get(&question.id)
                    .map(|answer| fact(display::question(None, question), question, answer)),
                Item::Group(_) => None,
            })
            .collect();
        if id == "compute" {
            facts.extend(
                super::test_plan::platforms(questionnaire, answers)
                    .into_iter()
                    .map(|line| Fact {
                        question: "Clusters".to_owned(),
                        answer: line,
                        source: String::new(),
                    }),
            );
        }
        if !facts.is_empty() {
            environment.push(Facts {
                title: title.to_owned(),
                facts,
            });
        }
    }
    let components: Vec<Fact> = COMPONENTS
        .iter()
        .filter_map(|id| questionnaire.sections().iter().find(|s| s.id == *id))
        .flat_map(|section| &section.items)
        .filter_map(|item| match item {
            Item::Group(group) => {
                let count = answers.groups.get(&group.id).map_or(0, Vec::len);
                (count > 0).then(|| Fact {
                    question: group.label.clone(),
                    answer: count.to_string(),
                    source: String::new(),
                })
            }
            Item::Question(_) => None,
        })
        .collect();
    if !components.is_empty() {
        environment.push(Facts {
            title: "Components".to_owned(),
            facts: components,
        });
    }
    environment
}

/// The group and position an answer's path names: `storage.systems[2].firmware_version` is
/// (`storage.systems`, 2).
fn item_of(path: &str) -> Option<(String, usize)> {
    let (group, rest) = path.split_once('[')?;
    let (index, _) = rest.split_once(']')?;
    Some((group.to_owned(), index.parse().ok()?))
}

/// Every answer about one item of a group, under the item's name.
fn item_facts(
    questionnaire: &Questionnaire,
    answers: &Answers,
    group_id: &str,
    index: usize,
) -> Option<Facts> {
    let Some(crate::questionnaire::Entry::Group(group)) = questionnaire.entry(group_id) else {
        return None;
    };
    let entry = answers.groups.get(group_id)?.get(index)?;
    let facts = group
        .questions
        .iter()
        .filter_map(|question| {
            let answer = entry.answers.get(question.local_id())?;
            Some(fact(question.label.clone(), question, answer))
        })
        .collect();
    Some(Facts {
        title: display::item(group, &entry.name),
        facts,
    })
}

fn fact(question: String, asked: &crate::questionnaire::Question, answer: &Answer) -> Fact {
    Fact {
        question,
        answer: display::answer(&asked.kind, &answer.state),
        source: display::provenance(&answer.provenance).unwrap_or_default(),
    }
}

/// Every date the answers give (firmware updates, certificate expiries and renewals, tests),
/// the collectors' runs, the walks, the bundle and the review, oldest first.
pub(super) fn timeline(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    view: &View,
    review: &Review,
) -> Vec<Dated> {
    let mut dated = Vec::new();
    let mut date = |at: &str, what: String| {
        if !at.trim().is_empty() {
            dated.push(Dated {
                at: at.trim().to_owned(),
                what,
            });
        }
    };
    for section in questionnaire.sections() {
        for item in &section.items {
            match item {
                Item::Question(question) if question.kind == Kind::Date => {
                    if let Some(Value::Text(at)) =
                        view.answers.answers.get(&question.id).and_then(value)
                    {
                        date(at, question.label.clone());
                    }
                }
                Item::Question(_) => {}
                Item::Group(group) => {
                    for entry in view.answers.groups.get(&group.id).into_iter().flatten() {
                        for question in group.questions.iter().filter(|q| q.kind == Kind::Date) {
                            if let Some(Value::Text(at)) =
                                entry.answers.get(question.local_id()).and_then(value)
                            {
                                date(at, display::question(Some((group, &entry.name)), question));
                            }
                        }
                    }
                }
            }
        }
    }
    for source in view.answers.evidence.iter().flat_map(|e| e.sources.iter()) {
        if let Some(at) = &source.collected_at {
            date(
                at,
                format!("{} collected ({})", source.collector.name(), source.file),
            );
        }
    }
    for (walks, by) in [
        (&view.partner_walks, "the partner"),
        (&view.reviewer_walks, "the reviewer"),
    ] {
        for walk in walks {
            date(
                &walk.started_at,
                format!(
                    "Playbook “{}” walked by {by}",
                    playbook_title(&walk.playbook)
                ),
            );
        }
    }
    date(
        &bundle.manifest.created_at,
        "Findings bundle made by the partner".to_owned(),
    );
    date(&review.reviewed_at, "Reviewed".to_owned());
    dated.sort();
    dated
}

fn value(answer: &Answer) -> Option<&Value> {
    match &answer.state {
        State::Value(value) => Some(value),
        _ => None,
    }
}

/// A playbook's title, or its id when this build does not have it.
pub(super) fn playbook_title(id: &str) -> String {
    Playbooks::builtin()
        .ok()
        .and_then(|books| books.get(id))
        .map_or_else(|| id.to_owned(), |book| book.title.clone())
}

/// The walks that went through the playbook `id`, as R&D reads them.
pub(super) fn walk_paths(view: &View, id: &str) -> Vec<WalkPath> {
    let mut paths = Vec::new();
    for (walks, by) in [
        (&view.partner_walks, "the partner"),
        (&view.reviewer_walks, "the reviewer"),
    ] {
        for walk in walks
            .iter()
            .filter(|walk| walk.playbook == id || walk.steps.iter().any(|s| s.playbook == id))
        {
            let ended = walk.ended();
            let passed = if ended.is_some() {
                walk.steps.len().saturating_sub(1)
            } else {
                walk.steps.iter().take_while(|s| s.found.is_some()).count()
            };
            paths.push(WalkPath {
                playbook: playbook_title(&walk.playbook),
                by: by.to_owned(),
                started_at: walk.started_at.clone(),
                ruled_out: walk.steps[..passed]
                    .iter()
                    .map(|taken| Checked {
                        step: taken.title.clone(),
                        found: taken.found.clone().unwrap_or_default(),
                        note: view.text(&taken.note),
                    })
                    .collect(),
                conclusion: ended.map(|conclusion| Concluded {
                    cause: conclusion.cause.clone(),
                    fix: conclusion.fix.clone(),
                }),
                stopped_at: match ended {
                    Some(_) => None,
                    None => walk.steps.get(passed).map(|taken| taken.title.clone()),
                },
            });
        }
    }
    paths
}

/// What is not known yet about a finding: its answers given as "I don't know" or blank, the
/// findings to verify in the same category, the walks that did not end.
fn open_questions(
    view: &View,
    finding: Option<&Finding>,
    walks: &[WalkPath],
    follow_up: bool,
) -> Vec<String> {
    let mut open = Vec::new();
    if follow_up {
        open.push("The reviewer marked it to follow up: not confirmed yet.".to_owned());
    }
    if let Some(finding) = finding {
        let all = finding
            .evidence
            .iter()
            .chain(finding.occurrences.iter().flat_map(|o| &o.evidence));
        for evidence in all {
            if matches!(evidence.value.as_str(), "don't know" | "not answered") {
                let line = format!("{}: {}", evidence.question, evidence.answer);
                if !open.contains(&line) {
                    open.push(line);
                }
            }
        }
        for other in view.findings.iter().filter(|other| {
            other.kind == FindingKind::NeedsVerification
                && other.category == finding.category
                && other.rule != finding.rule
        }) {
            open.push(format!("To verify ({}): {}", other.rule, other.message));
        }
    }
    for walk in walks {
        if let Some(step) = &walk.stopped_at {
            open.push(format!(
                "The walk of “{}” by {} stopped at “{step}”.",
                walk.playbook, walk.by
            ));
        }
    }
    open
}

/// The evidence pack of a reviewed bundle re-run as `rerun`, anonymised unless
/// `with_originals`; or what must be done first (review it, or finish its review: [`Review::finished`]).
pub fn evidence_pack(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    with_originals: bool,
) -> Result<EvidencePack, Vec<String>> {
    let review = finished_review(bundle, rerun)?;
    Ok(evidence_pack_of(
        questionnaire,
        bundle,
        rerun,
        &review,
        with_originals,
    ))
}

/// The evidence pack of a review made ready by [`Review::finished`] for `rerun`.
pub fn evidence_pack_of(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
    with_originals: bool,
) -> EvidencePack {
    let view = View::new(questionnaire, bundle, review, rerun, with_originals);
    evidence_pack_in(questionnaire, bundle, rerun, review, &view)
}

/// The evidence pack as `view` shows the answers (the test plan shares the view).
pub(super) fn evidence_pack_in(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
    view: &View,
) -> EvidencePack {
    let environment = environment(questionnaire, &view.answers);
    let collectors = view
        .answers
        .evidence
        .iter()
        .flat_map(|e| e.sources.iter())
        .map(display::evidence_source)
        .collect();
    let escalations = escalated(review, rerun)
        .into_iter()
        .map(|picked| escalation(questionnaire, view, &picked))
        .collect();
    EvidencePack {
        evidence_pack_schema_version: EVIDENCE_PACK_SCHEMA_VERSION,
        anonymised: view.anonymised(),
        partner: report::text_answer(&view.answers, "engagement.partner_name").to_owned(),
        reviewer: review.reviewer.clone(),
        reviewed_at: review.reviewed_at.clone(),
        bundle_manifest_sha256: bundle.manifest_sha256.clone(),
        ruleset_version: rules::RULESET_VERSION.to_owned(),
        made_by: format!("{} {}", crate::PRODUCT_NAME, crate::VERSION),
        environment,
        collectors,
        timeline: timeline(questionnaire, bundle, view, review),
        escalations,
    }
}

fn escalation(questionnaire: &Questionnaire, view: &View, picked: &Picked<'_>) -> Escalation {
    let plan = &picked.plan;
    let verdict = match picked.verdict {
        Some(Verdict::Confirmed) => "confirmed",
        Some(Verdict::FollowUp) => "follow_up",
        Some(Verdict::Dismissed) => "dismissed",
        None => "added",
    };
    let base = |id: String, title: String, message: String| Escalation {
        id,
        title,
        category: String::new(),
        severity: picked.severity(),
        to_verify: false,
        message,
        verdict: verdict.to_owned(),
        owner: plan.owner,
        due: plan.due.trim().to_owned(),
        case_id: plan.case_id.trim().to_owned(),
        workaround: view.text(&plan.workaround),
        note: view.text(&picked.note),
        evidence: Vec::new(),
        items: Vec::new(),
        walks: Vec::new(),
        open_questions: Vec::new(),
        references: Vec::new(),
    };
    match (picked.finding, picked.added) {
        (Some(original), _) => {
            let finding = view.finding(original);
            let mut evidence: Vec<Fact> = Vec::new();
            let all = finding
                .evidence
                .iter()
                .chain(finding.occurrences.iter().flat_map(|o| &o.evidence));
            for shown in all {
                let fact = Fact {
                    question: shown.question.clone(),
                    answer: shown.answer.clone(),
                    source: source_of(&view.answers, &shown.path),
                };
                if !evidence.contains(&fact) {
                    evidence.push(fact);
                }
            }
            let walks = walk_paths(view, finding.rule);
            let follow_up = picked.verdict == Some(Verdict::FollowUp);
            let mut named: Vec<(String, usize)> = Vec::new();
            for evidence in finding
                .evidence
                .iter()
                .chain(finding.occurrences.iter().flat_map(|o| &o.evidence))
            {
                if let Some(item) = item_of(&evidence.path)
                    && !named.contains(&item)
                {
                    named.push(item);
                }
            }
            Escalation {
                items: named
                    .iter()
                    .filter_map(|(group, index)| {
                        item_facts(questionnaire, &view.answers, group, *index)
                    })
                    .collect(),
                category: finding.category.title().to_owned(),
                to_verify: finding.kind == FindingKind::NeedsVerification,
                evidence,
                open_questions: open_questions(view, Some(finding), &walks, follow_up),
                walks,
                references: finding.references.to_vec(),
                ..base(
                    finding.rule.to_owned(),
                    finding.title.to_owned(),
                    finding.message.clone(),
                )
            }
        }
        (None, Some(added)) => Escalation {
            evidence: added
                .evidence
                .iter()
                .map(|line| Fact {
                    question: "Seen by the reviewer".to_owned(),
                    answer: view.text(line),
                    source: String::new(),
                })
                .collect(),
            ..base(
                added.id.clone(),
                view.text(&added.title),
                view.text(&added.message),
            )
        },
        (None, None) => base(String::new(), String::new(), String::new()),
    }
}

/// Where the answer at `path` came from, in words, when it was imported.
fn source_of(answers: &Answers, path: &str) -> String {
    let answer = match path.split_once('[') {
        None => answers.answers.get(path),
        Some((group, rest)) => {
            let (index, local) = rest.split_once("].").unwrap_or((rest, ""));
            index
                .parse::<usize>()
                .ok()
                .and_then(|index| answers.groups.get(group)?.get(index)?.answers.get(local))
        }
    };
    answer
        .and_then(|answer| display::provenance(&answer.provenance))
        .unwrap_or_default()
}

impl EvidencePack {
    /// The pack as JSON (`intake schema evidence-pack`).
    pub fn to_json(&self) -> String {
        super::pretty(self)
    }

    fn page(&self) -> report::Page {
        let mut blocks = Vec::new();
        let partner = if self.partner.is_empty() {
            "the partner"
        } else {
            &self.partner
        };
        blocks.push(Block::Para(vec![text(format!(
            "For Veeam R&D: the findings escalated from the review of {partner}'s platform by \
             {}{}, with what is needed to reproduce them. {}",
            if self.reviewer.is_empty() {
                "the tech lead"
            } else {
                &self.reviewer
            },
            report::on_date(&self.reviewed_at),
            if self.anonymised {
                "Anonymised: customer names, host names, addresses and free text are \
                 placeholders, the same one wherever the same original appeared."
            } else {
                "Not anonymised: it holds the partner's names and addresses as they gave them."
            }
        ))]));
        blocks.push(heading(2, "Escalated findings"));
        if self.escalations.is_empty() {
            blocks.push(Block::Para(vec![text(
                "No finding was escalated to R&D in this review.",
            )]));
        }
        for escalation in &self.escalations {
            blocks.extend(escalation.blocks());
        }
        blocks.push(heading(2, "Environment"));
        for facts in &self.environment {
            blocks.push(heading(3, &facts.title));
            blocks.push(terms(&facts.facts));
        }
        if !self.collectors.is_empty() {
            blocks.push(heading(3, "Collectors' exports read"));
            blocks.push(list(self.collectors.iter().map(|c| vec![text(c)])));
        }
        blocks.push(heading(2, "Timeline"));
        blocks.push(Block::Table(crate::document::Table {
            head: vec!["When".to_owned(), "What".to_owned()],
            numeric: vec![false, false],
            rows: self
                .timeline
                .iter()
                .map(|dated| {
                    vec![
                        vec![text(dated.at.replacen('T', " ", 1))],
                        vec![text(&dated.what)],
                    ]
                })
                .collect(),
        }));
        report::Page {
            title: "R&D evidence pack".to_owned(),
            heading: format!("R&D evidence pack: {partner}"),
            blocks,
            footer: report::footer(&self.ruleset_version, &self.reviewed_at),
        }
    }

    /// The pack as Markdown; every text from the bundle is escaped.
    pub fn markdown(&self) -> String {
        self.page().markdown()
    }

    /// The pack as a self-contained HTML page that prints on A4 and Letter.
    pub fn html(&self) -> String {
        self.page().html()
    }
}

fn terms(facts: &[Fact]) -> Block {
    Block::Terms(
        facts
            .iter()
            .map(|fact| Term {
                term: fact.question.clone(),
                hint: None,
                descriptions: std::iter::once(fact.answer.clone())
                    .filter(|answer| !answer.is_empty())
                    .chain((!fact.source.is_empty()).then(|| fact.source.clone()))
                    .collect(),
            })
            .collect(),
    )
}

fn list(entries: impl Iterator<Item = Vec<Span>>) -> Block {
    Block::List {
        ordered: false,
        entries: entries.map(Entry::new).collect(),
    }
}

impl Escalation {
    fn blocks(&self) -> Vec<Block> {
        let mut inside = vec![Block::Heading {
            level: 3,
            anchor: None,
            text: vec![text(format!("{}: {}", self.id, self.title))],
        }];
        let kind = if self.to_verify {
            format!("to verify (could be {})", self.severity.name())
        } else {
            self.severity.name().to_owned()
        };
        let mut about = vec![Term {
            term: "Severity".to_owned(),
            hint: None,
            descriptions: vec![kind],
        }];
        let mut add = |term: &str, value: &str| {
            if !value.is_empty() {
                about.push(Term {
                    term: term.to_owned(),
                    hint: None,
                    descriptions: vec![value.to_owned()],
                });
            }
        };
        add("Area", &self.category);
        add(
            "Review",
            match self.verdict.as_str() {
                "confirmed" => "confirmed by the reviewer",
                "follow_up" => "to follow up",
                _ => "added by the reviewer",
            },
        );
        add("Case or defect", &self.case_id);
        add("Owner", self.owner.map_or("", Owner::name));
        add("Target date", &self.due);
        add("Workaround given", &self.workaround);
        add("Reviewer's note", &self.note);
        inside.push(Block::Para(vec![text(&self.message)]));
        inside.push(Block::Terms(about));
        inside.push(heading(4, "Evidence"));
        inside.push(if self.evidence.is_empty() {
            Block::Para(vec![text("None recorded.")])
        } else {
            terms(&self.evidence)
        });
        for item in &self.items {
            inside.push(heading(
                4,
                &format!("All about {}", lowercase_first(&item.title)),
            ));
            inside.push(terms(&item.facts));
        }
        inside.push(heading(4, "Playbook walks"));
        if self.walks.is_empty() {
            inside.push(Block::Para(vec![text("Nobody walked its playbook.")]));
        }
        for walk in &self.walks {
            inside.push(Block::Para(vec![
                strong(format!("“{}”", walk.playbook)),
                text(format!(
                    ", walked by {} from {}.",
                    walk.by,
                    walk.started_at.get(..10).unwrap_or(&walk.started_at)
                )),
            ]));
            if !walk.ruled_out.is_empty() {
                inside.push(list(walk.ruled_out.iter().map(|checked| {
                    let mut spans = vec![
                        text(format!("Checked: {}: ", checked.step)),
                        strong(&checked.found),
                    ];
                    if !checked.note.is_empty() {
                        spans.push(text(format!(" (note: {})", checked.note)));
                    }
                    spans
                })));
            }
            match (&walk.conclusion, &walk.stopped_at) {
                (Some(concluded), _) => inside.push(Block::Terms(vec![
                    Term {
                        term: "Cause found".to_owned(),
                        hint: None,
                        descriptions: vec![concluded.cause.clone()],
                    },
                    Term {
                        term: "Fix".to_owned(),
                        hint: None,
                        descriptions: vec![concluded.fix.clone()],
                    },
                ])),
                (None, Some(step)) => inside.push(Block::Para(vec![text(format!(
                    "Not finished: stopped at “{step}”."
                ))])),
                (None, None) => {}
            }
        }
        inside.push(heading(4, "Open questions"));
        inside.push(if self.open_questions.is_empty() {
            Block::Para(vec![text("None.")])
        } else {
            list(self.open_questions.iter().map(|q| vec![text(q)]))
        });
        if !self.references.is_empty() {
            inside.push(heading(4, "References"));
            inside.push(list(self.references.iter().map(|r| vec![Span::Url(r)])));
        }
        vec![Block::Card {
            class: match (self.to_verify, self.severity) {
                (true, _) => "verify",
                (false, severity) => severity.name(),
            },
            anchor: None,
            blocks: inside,
        }]
    }
}

/// "Storage system “a”" as it reads inside a sentence: "storage system “a”".
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The JSON Schema of the evidence pack's JSON.
pub fn evidence_pack_schema() -> String {
    let schema = schemars::schema_for!(EvidencePack);
    super::pretty(&schema)
}
