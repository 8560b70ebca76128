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

use super::review::{Owner, Plan, Review, Verdict, items};
use super::{ReadBundle, Rerun};
use crate::rules::render::{cell, markdown_escape};
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
    pub steps: Vec<String>,
    pub references: Vec<String>,
    pub plan: Plan,
    /// The reviewer's note.
    pub note: String,
}

impl Action {
    /// Whether the partner acts on it: no owner, or the partner.
    fn partners(&self) -> bool {
        matches!(self.plan.owner, None | Some(Owner::Partner))
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
    let Some(review) = bundle.review.as_ref() else {
        return Err(vec![
            "the bundle has no review: review it first (review mode, or intake review --apply)"
                .to_owned(),
        ]);
    };
    let mut review: Review = review.clone();
    review.adopt(rerun);
    let problems = review.problems();
    if !problems.is_empty() {
        return Err(problems);
    }
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
            steps: finding
                .remediation
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            references: finding.references.iter().map(|s| (*s).to_owned()).collect(),
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
            steps: added.remediation.clone(),
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
        super::review_render::confirmed(bundle, &review)
            .into_iter()
            .map(|(question, answer, _)| {
                format!("{question}: {answer} (confirmed on the platform)")
            }),
    );
    let text = |id: &str| super::report::text_answer(&bundle.answers, id).to_owned();
    Ok(ActionPlan {
        partner: text("engagement.partner_name"),
        engagement: text("engagement.engagement_name"),
        reviewer: review.reviewer.clone(),
        reviewed_at: review.reviewed_at.clone(),
        actions,
        untriaged,
        fine,
    })
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
    /// The plan as Markdown; every text from the bundle is escaped.
    pub fn markdown(&self) -> String {
        let e = |text: &str| markdown_escape(text);
        let mut out = String::new();
        let partner = if self.partner.is_empty() {
            "the partner".to_owned()
        } else {
            e(&self.partner)
        };
        let _ = writeln!(out, "# Action plan for {partner}\n");
        if !self.engagement.is_empty() {
            let _ = writeln!(out, "{}.", e(&self.engagement));
        }
        let _ = writeln!(
            out,
            "Reviewed by {} on {}.\n",
            e(if self.reviewer.is_empty() {
                "the tech lead"
            } else {
                &self.reviewer
            }),
            e(self.reviewed_at.get(..10).unwrap_or(&self.reviewed_at))
        );
        let (yours, veeams): (Vec<&Action>, Vec<&Action>) =
            self.actions.iter().partition(|action| action.partners());
        let _ = writeln!(out, "## What to do, most urgent first\n");
        if yours.is_empty() {
            let _ = writeln!(out, "Nothing: every finding is dismissed or with Veeam.\n");
        }
        for (number, action) in yours.iter().enumerate() {
            self.action_markdown(&mut out, number + 1, action);
        }
        if !veeams.is_empty() {
            let _ = writeln!(out, "## Being handled by Veeam\n");
            for (number, action) in veeams.iter().enumerate() {
                self.action_markdown(&mut out, number + 1, action);
            }
        }
        if self.untriaged > 0 {
            let _ = writeln!(
                out,
                "{} more {} not triaged by the reviewer and not in this plan.\n",
                self.untriaged,
                if self.untriaged == 1 {
                    "finding was"
                } else {
                    "findings were"
                }
            );
        }
        let _ = writeln!(out, "## Already fine\n");
        if self.fine.is_empty() {
            let _ = writeln!(out, "No check passed on the answers given yet.");
        } else {
            let _ = writeln!(
                out,
                "Checked on your answers and not the case here, or confirmed on the platform:\n"
            );
        }
        for fine in &self.fine {
            let _ = writeln!(out, "- {}", e(fine));
        }
        out
    }

    fn action_markdown(&self, out: &mut String, number: usize, action: &Action) {
        let e = |text: &str| markdown_escape(text);
        let kind = if action.to_verify {
            format!("to verify (could be {})", action.severity.name())
        } else {
            action.severity.name().to_owned()
        };
        let _ = writeln!(
            out,
            "### {number}. {} ({kind}, {})\n",
            e(&action.title),
            e(&action.id)
        );
        let _ = writeln!(out, "{}\n", e(&action.what));
        let _ = writeln!(out, "- **Who**: {}", e(&who(&action.plan)));
        let workaround = action.plan.workaround.trim();
        if !workaround.is_empty() {
            let _ = writeln!(out, "- **Workaround now**: {}", e(workaround));
        }
        if action.plan.escalate || !action.plan.case_id.trim().is_empty() {
            let case = action.plan.case_id.trim();
            let _ = writeln!(
                out,
                "- **With Veeam**: {}",
                match (action.plan.escalate, case.is_empty()) {
                    (true, true) => "escalated to R&D".to_owned(),
                    (true, false) => format!("escalated to R&D, case {}", e(case)),
                    (false, _) => format!("case {}", e(case)),
                }
            );
        }
        if !action.note.trim().is_empty() {
            let _ = writeln!(out, "- **Reviewer's note**: {}", e(action.note.trim()));
        }
        if !action.steps.is_empty() {
            let _ = writeln!(out, "\n**Fix**\n");
            for (step, text) in action.steps.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", step + 1, e(text));
            }
        }
        if !action.references.is_empty() {
            let _ = writeln!(out, "\n**References**\n");
            for reference in &action.references {
                let _ = writeln!(out, "- <{reference}>");
            }
        }
        out.push('\n');
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
                for (step, text) in action.steps.iter().enumerate() {
                    let _ = write!(description, "\n{}. {text}", step + 1);
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
