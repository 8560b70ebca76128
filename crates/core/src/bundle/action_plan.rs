//! The partner's action plan, the first of a review's three documents: only what the partner must
//! do, most urgent first (severity, then target date), each action with the finding in plain
//! words, the workaround now, the fix and its steps, the owner and the date; then what Veeam is
//! handling (with the workaround meanwhile), then what is already fine. As Markdown, and as a CSV
//! an issue tracker imports (`Summary`, `Description`, `Priority`, `Due date`, `Labels`).
//!
//! What goes in: the findings the reviewer confirmed or asked to follow up (dismissed and
//! untriaged ones stay out, and the plan says how many were not triaged), and every finding the
//! reviewer added. An action whose owner is Veeam support or R&D is listed apart.

use std::fmt::Write as _;

use super::report::{Page, footer};
use super::review::{Owner, Plan, Review, Verdict, items};
use super::{ReadBundle, Rerun};
use crate::document::{Block, Entry, Span, Term, heading, strong, text};
use crate::rules::render::cell;
use crate::rules::{self, FindingKind, Severity};

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// The rule id (`CC-001`) or the added finding's (`REVIEW-1`).
    pub id: String,
    pub title: String,
    pub severity: Severity,
    /// To verify: the partner checks a fact first.
    pub to_verify: bool,
    /// The finding in plain words.
    pub what: String,
    /// The playbook's steps.
    pub steps: Vec<Step>,
    pub references: Vec<&'static str>,
    pub plan: Plan,
    /// The reviewer's note.
    pub note: String,
}

impl Action {
    /// Whether the partner acts on it: no owner, or the partner.
    fn partners(&self) -> bool {
        matches!(self.plan.owner, None | Some(Owner::Partner))
    }

    /// The action as the plan shows it, numbered.
    fn card(&self, number: usize) -> Block {
        let kind = if self.to_verify {
            format!("to verify (could be {})", self.severity.name())
        } else {
            self.severity.name().to_owned()
        };
        let mut blocks = vec![
            Block::Heading {
                level: 3,
                anchor: None,
                text: vec![text(format!(
                    "{number}. {} ({kind}, {})",
                    self.title, self.id
                ))],
            },
            Block::Para(vec![text(&self.what)]),
        ];
        let term = |term: &str, description: String| Term {
            term: term.to_owned(),
            hint: None,
            descriptions: vec![description],
        };
        let mut terms = vec![term("Who", who(&self.plan))];
        let workaround = self.plan.workaround.trim();
        if !workaround.is_empty() {
            terms.push(term("Workaround now", workaround.to_owned()));
        }
        let case = self.plan.case_id.trim();
        match (self.plan.escalate, case.is_empty()) {
            (true, true) => terms.push(term("With Veeam", "escalated to R&D".to_owned())),
            (true, false) => {
                terms.push(term("With Veeam", format!("escalated to R&D, case {case}")))
            }
            (false, false) => terms.push(term("With Veeam", format!("case {case}"))),
            (false, true) => {}
        }
        if !self.note.trim().is_empty() {
            terms.push(term("Reviewer's note", self.note.trim().to_owned()));
        }
        blocks.push(Block::Terms(terms));
        if !self.steps.is_empty() {
            blocks.push(Block::Para(vec![strong("Fix")]));
            blocks.push(Block::List {
                ordered: true,
                entries: self
                    .steps
                    .iter()
                    .map(|step| Entry::new(vec![self.step_span(step)]))
                    .collect(),
            });
        }
        if !self.references.is_empty() {
            blocks.push(Block::Para(vec![strong("References")]));
            blocks.push(Block::List {
                ordered: false,
                entries: self
                    .references
                    .iter()
                    .map(|reference| Entry::new(vec![Span::Url(reference)]))
                    .collect(),
            });
        }
        Block::Card {
            class: if self.to_verify {
                "verify"
            } else {
                self.severity.name()
            },
            anchor: None,
            blocks,
        }
    }

    /// A step of the fix: a rule's own text (its `commands` shown as code), or the reviewer's.
    fn step_span(&self, step: &Step) -> Span {
        match step {
            Step::Rule(step) => Span::Rule(step),
            Step::Reviewer(step) => text(step),
        }
    }
}

/// A step of a fix: the rule's playbook's, or written by the reviewer for a finding they added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Rule(&'static str),
    Reviewer(String),
}

impl Step {
    /// The step's text.
    pub fn text(&self) -> &str {
        match self {
            Step::Rule(step) => step,
            Step::Reviewer(step) => step,
        }
    }
}

/// The partner's action plan of a reviewed bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPlan {
    pub partner: String,
    pub engagement: String,
    pub reviewer: String,
    pub reviewed_at: String,
    /// Most urgent first: severity, then target date (none last), then id.
    pub actions: Vec<Action>,
    /// Findings of the current rules the reviewer did not triage: not in the plan.
    pub untriaged: usize,
    /// What is already fine: the problems checked for and not found (each rule passed, by its
    /// title), then the answers confirmed on the platform.
    pub fine: Vec<String>,
}

/// The action plan of a reviewed bundle re-run as `rerun`; or what must be done first: review it,
/// or finish its review ([`Review::problems`]).
pub fn action_plan(bundle: &ReadBundle, rerun: &Rerun) -> Result<ActionPlan, Vec<String>> {
    let review = finished_review(bundle, rerun)?;
    Ok(action_plan_of(bundle, rerun, &review))
}

/// The action plan of a review made ready by [`Review::finished`] for `rerun`.
pub fn action_plan_of(bundle: &ReadBundle, rerun: &Rerun, review: &Review) -> ActionPlan {
    let mut actions = Vec::new();
    let mut untriaged = 0;
    for item in items(rerun) {
        let Some(finding) = item.current else {
            continue;
        };
        let triage = review.triage(&item.key);
        match triage.and_then(|t| t.verdict) {
            Some(Verdict::Confirmed | Verdict::FollowUp) => {}
            Some(Verdict::Dismissed) => continue,
            None => {
                untriaged += 1;
                continue;
            }
        }
        actions.push(Action {
            id: finding.rule.to_owned(),
            title: finding.title.to_owned(),
            severity: finding.severity,
            to_verify: finding.kind == FindingKind::NeedsVerification,
            what: finding.message.clone(),
            steps: finding.remediation.iter().map(|s| Step::Rule(s)).collect(),
            references: finding.references.to_vec(),
            plan: triage.map(|t| t.plan.clone()).unwrap_or_default(),
            note: triage.map(|t| t.note.clone()).unwrap_or_default(),
        });
    }
    for added in &review.added {
        actions.push(Action {
            id: added.id.clone(),
            title: added.title.clone(),
            severity: added.severity,
            to_verify: false,
            what: added.message.clone(),
            steps: added
                .remediation
                .iter()
                .map(|s| Step::Reviewer(s.clone()))
                .collect(),
            references: Vec::new(),
            plan: added.plan.clone(),
            note: String::new(),
        });
    }
    // Severity first (the enum is ordered most severe first); a dated action before an undated.
    actions.sort_by(|a, b| {
        let due = |action: &Action| {
            let due = action.plan.due.trim().to_owned();
            (due.is_empty(), due)
        };
        (a.severity, due(a), &a.id).cmp(&(b.severity, due(b), &b.id))
    });
    let mut fine: Vec<String> = rerun
        .assessment
        .passed
        .iter()
        .filter_map(|id| rules::rule(id))
        .map(|rule| format!("{} ({})", rule.title, rule.id))
        .collect();
    fine.extend(
        super::review_render::confirmed(bundle, review)
            .into_iter()
            .map(|(question, answer, _)| {
                format!("{question}: {answer} (confirmed on the platform)")
            }),
    );
    let text = |id: &str| super::report::text_answer(&bundle.answers, id).to_owned();
    ActionPlan {
        partner: text("engagement.partner_name"),
        engagement: text("engagement.engagement_name"),
        reviewer: review.reviewer.clone(),
        reviewed_at: review.reviewed_at.clone(),
        actions,
        untriaged,
        fine,
    }
}

/// The bundle's review, carried over to the re-run's findings, when it is finished; or what must
/// be done first: review the bundle, or finish its review ([`Review::finished`]).
pub(super) fn finished_review(bundle: &ReadBundle, rerun: &Rerun) -> Result<Review, Vec<String>> {
    let Some(review) = bundle.review.as_ref() else {
        return Err(vec![
            "the bundle has no review: review it first (review mode, or intake review --apply)"
                .to_owned(),
        ]);
    };
    review.finished(rerun)
}

/// An issue tracker's priority for a severity (Jira's default priorities).
pub fn priority(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "Highest",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Lowest",
    }
}

/// Who acts and by when, in words: "the partner, by 2027-01-15".
fn who(plan: &Plan) -> String {
    let owner = plan.owner.unwrap_or(Owner::Partner).name();
    match plan.due.trim() {
        "" => owner.to_owned(),
        due => format!("{owner}, by {due}"),
    }
}

impl ActionPlan {
    fn page(&self) -> Page {
        let partner = if self.partner.is_empty() {
            "the partner"
        } else {
            &self.partner
        };
        let mut blocks = Vec::new();
        if !self.engagement.is_empty() {
            blocks.push(Block::Para(vec![text(format!("{}.", self.engagement))]));
        }
        blocks.push(Block::Para(vec![text(format!(
            "Reviewed by {}{}.",
            if self.reviewer.is_empty() {
                "the tech lead"
            } else {
                &self.reviewer
            },
            super::report::on_date(&self.reviewed_at)
        ))]));
        let (yours, veeams): (Vec<&Action>, Vec<&Action>) =
            self.actions.iter().partition(|action| action.partners());
        blocks.push(heading(2, "What to do, most urgent first"));
        if yours.is_empty() {
            blocks.push(Block::Para(vec![text(
                "Nothing: every finding is dismissed or with Veeam.",
            )]));
        }
        for (number, action) in yours.iter().enumerate() {
            blocks.push(action.card(number + 1));
        }
        if !veeams.is_empty() {
            blocks.push(heading(2, "Being handled by Veeam"));
            for (number, action) in veeams.iter().enumerate() {
                blocks.push(action.card(number + 1));
            }
        }
        if self.untriaged > 0 {
            blocks.push(Block::Para(vec![text(format!(
                "{} more {} not triaged by the reviewer and not in this plan.",
                self.untriaged,
                if self.untriaged == 1 {
                    "finding was"
                } else {
                    "findings were"
                }
            ))]));
        }
        blocks.push(heading(2, "Already fine"));
        if self.fine.is_empty() {
            blocks.push(Block::Para(vec![text(
                "No check passed on the answers given yet.",
            )]));
        } else {
            blocks.push(Block::Para(vec![text(
                "Checked on your answers and not the case here, or confirmed on the platform:",
            )]));
            blocks.push(Block::List {
                ordered: false,
                entries: self
                    .fine
                    .iter()
                    .map(|fine| Entry::new(vec![text(fine)]))
                    .collect(),
            });
        }
        Page {
            title: "Action plan".to_owned(),
            heading: format!("Action plan for {partner}"),
            blocks,
            footer: footer(rules::RULESET_VERSION, &self.reviewed_at),
        }
    }

    /// The plan as Markdown; every text from the bundle is escaped.
    pub fn markdown(&self) -> String {
        self.page().markdown()
    }

    /// The plan as a self-contained HTML page (no script, nothing loaded) that prints on A4 and
    /// Letter; every text from the bundle is escaped.
    pub fn html(&self) -> String {
        self.page().html()
    }

    /// The partner's actions as CSV for an issue tracker: `Summary`, `Description` (the finding,
    /// the workaround, the fix's steps), `Priority` (from the severity: [`priority`]), `Due
    /// date` (YYYY-MM-DD, or empty), `Labels` (the rule id). Cells that would start a formula
    /// are guarded.
    pub fn csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(["Summary", "Description", "Priority", "Due date", "Labels"]);
        for action in self.actions.iter().filter(|action| action.partners()) {
            let mut description = action.what.clone();
            let workaround = action.plan.workaround.trim();
            if !workaround.is_empty() {
                let _ = write!(description, "\n\nWorkaround now: {workaround}");
            }
            if !action.steps.is_empty() {
                description.push_str("\n\nFix:");
                for (number, step) in action.steps.iter().enumerate() {
                    let _ = write!(description, "\n{}. {}", number + 1, step.text());
                }
            }
            let _ = writer.write_record([
                cell(&action.title),
                cell(&description),
                priority(action.severity).to_owned(),
                cell(action.plan.due.trim()),
                cell(&action.id),
            ]);
        }
        writer
            .into_inner()
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }
}
