//! QA's scope and test plan, the third of a review's three documents: for each finding escalated
//! to R&D, the products and versions of the environment it was seen in, the configuration
//! involved (the finding's evidence), the regression risk (the other checks that read the same
//! settings, and the other findings here on them), and test cases written as preconditions,
//! steps and expected result: reproducing it as found, verifying the fix (from the walk's
//! conclusion, or the rule's playbook), and one per test vector of the rule (answers that make
//! it fire, pass, ask for verification or stay unassessed).
//!
//! Anonymised by default, as the evidence pack is and with the same placeholders
//! ([`super::evidence_pack`]). As Markdown, HTML, and CSV with the columns test-case tools import:
//! `Title`, `Preconditions`, `Steps`, `Expected result`, `Priority`, `Component`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::action_plan::{finished_review, priority};
use super::evidence_pack::{Fact, Picked, View, escalated, section_facts, walk_paths};
use super::review::Review;
use super::{ReadBundle, Rerun, report};
use crate::answers::Answers;
use crate::document::{Block, Entry, Term, heading, strong, text};
use crate::questionnaire::Questionnaire;
use crate::rules::render::cell;
use crate::rules::{self, Expect, Finding, FindingKind, Severity};

/// The questions that name a product's version, and the product.
const PRODUCTS: [(&str, &str); 6] = [
    ("platform.vbr_version", "Veeam Backup & Replication"),
    ("platform.vspc_version", "Veeam Service Provider Console"),
    ("platform.vb365_version", "Veeam Backup for Microsoft 365"),
    (
        "platform.enterprise_manager_version",
        "Veeam Backup Enterprise Manager",
    ),
    ("compute.vcd_version", "VMware Cloud Director"),
    ("compute.kasten_version", "Veeam Kasten"),
];

/// Questions that set the scene rather than the platform (the date the answers describe): many
/// rules read them, which makes no regression risk.
const CONTEXT: [&str; 2] = ["engagement.as_of", "engagement.time_zone"];

/// The test plan of a reviewed bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct TestPlan {
    pub partner: String,
    pub reviewer: String,
    pub reviewed_at: String,
    pub anonymised: bool,
    /// The products and versions in the environment, with the hypervisors: "Veeam Backup &
    /// Replication 12.3.1.1139".
    pub products: Vec<String>,
    /// One per escalated finding, most severe first.
    pub scopes: Vec<Scope>,
}

/// What one escalated finding puts in scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    /// The rule's category in words (`Cloud Connect`); `Review` for an added finding.
    pub component: String,
    pub message: String,
    /// The configuration involved: the finding's evidence.
    pub configuration: Vec<Fact>,
    /// The other checks that read the same settings, by id and title.
    pub related_checks: Vec<String>,
    /// The other findings of this assessment on the same settings.
    pub related_findings: Vec<String>,
    pub cases: Vec<TestCase>,
}

/// A test case as test-case tools import it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    pub title: String,
    pub preconditions: Vec<String>,
    pub steps: Vec<String>,
    pub expected: String,
    /// From the finding's severity ([`priority`]).
    pub priority: &'static str,
    pub component: String,
}

/// A question's id without item positions: `cloud_connect.gateways[0].lb_mode` is
/// `cloud_connect.gateways.lb_mode`.
fn question_id(path: &str) -> String {
    let mut id = String::with_capacity(path.len());
    let mut inside = false;
    for c in path.chars() {
        match c {
            '[' => inside = true,
            ']' => inside = false,
            c if !inside => id.push(c),
            _ => {}
        }
    }
    id
}

/// The answers of a rule's test vector, or `None` when they do not read (the rules' tests
/// check they all do).
fn vector_answers(questionnaire: &Questionnaire, json: &str) -> Option<Answers> {
    let mut value: serde_json::Value = serde_json::from_str(json).ok()?;
    value.as_object_mut()?.insert(
        "schema_version".to_owned(),
        crate::answers::SCHEMA_VERSION.into(),
    );
    Answers::from_json(&value.to_string(), questionnaire).ok()
}

/// The questions a set of answers answers, by id (group members as `group.local`).
fn answered(answers: &Answers) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = answers.answers.keys().cloned().collect();
    for (group, items) in &answers.groups {
        ids.insert(group.clone());
        for item in items {
            ids.extend(item.answers.keys().map(|local| format!("{group}.{local}")));
        }
    }
    ids
}

/// The answers in words, section by section: "Question: answer".
fn in_words(questionnaire: &Questionnaire, answers: &Answers) -> Vec<String> {
    questionnaire
        .sections()
        .iter()
        .flat_map(|section| section_facts(questionnaire, answers, &section.id))
        .map(|fact| format!("{}: {}", fact.question, fact.answer))
        .collect()
}

/// The test plan of a reviewed bundle re-run as `rerun`, anonymised unless `with_originals`; or
/// what must be done first.
pub fn test_plan(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    with_originals: bool,
) -> Result<TestPlan, Vec<String>> {
    let review = finished_review(bundle, rerun)?;
    Ok(test_plan_of(
        questionnaire,
        bundle,
        rerun,
        &review,
        with_originals,
    ))
}

/// The test plan of a review made ready by [`Review::finished`] for `rerun`.
pub fn test_plan_of(
    questionnaire: &Questionnaire,
    bundle: &ReadBundle,
    rerun: &Rerun,
    review: &Review,
    with_originals: bool,
) -> TestPlan {
    let view = View::new(questionnaire, bundle, review, rerun, with_originals);
    test_plan_in(questionnaire, rerun, review, &view)
}

/// The test plan as `view` shows the answers (the evidence pack shares the view).
pub(super) fn test_plan_in(
    questionnaire: &Questionnaire,
    rerun: &Rerun,
    review: &Review,
    view: &View,
) -> TestPlan {
    let mut products: Vec<String> = PRODUCTS
        .iter()
        .filter_map(|(id, product)| {
            let version = report::text_answer(&view.answers, id);
            (!version.trim().is_empty()).then(|| format!("{product} {}", version.trim()))
        })
        .collect();
    products.extend(platforms(questionnaire, &view.answers));
    let scopes = escalated(review, rerun)
        .iter()
        .map(|picked| scope(questionnaire, view, picked))
        .collect();
    TestPlan {
        partner: report::text_answer(&view.answers, "engagement.partner_name").to_owned(),
        reviewer: review.reviewer.clone(),
        reviewed_at: review.reviewed_at.clone(),
        anonymised: view.anonymised(),
        products,
        scopes,
    }
}

/// The clusters' platforms and hypervisor builds, each once with how many clusters run it:
/// "VMware vSphere 8.0.3.24674464 (9 clusters)".
pub(super) fn platforms(questionnaire: &Questionnaire, answers: &Answers) -> Vec<String> {
    let shown = |local: &str, answer: Option<&crate::answers::Answer>| -> Option<String> {
        let question = questionnaire.question(&format!("compute.clusters.{local}"))?;
        let value = answer?.as_value()?;
        Some(crate::display::value(&question.kind, value))
    };
    let mut counted: Vec<(String, usize)> = Vec::new();
    for cluster in answers.groups.get("compute.clusters").into_iter().flatten() {
        let Some(platform) = shown("platform", cluster.answers.get("platform")) else {
            continue;
        };
        let platform = platform.trim_start_matches("Hypervisor: ").to_owned();
        let line = match shown(
            "hypervisor_version",
            cluster.answers.get("hypervisor_version"),
        ) {
            Some(version) => format!("{platform} {version}"),
            None => format!("{platform}, version not given"),
        };
        match counted.iter_mut().find(|(seen, _)| *seen == line) {
            Some((_, count)) => *count += 1,
            None => counted.push((line, 1)),
        }
    }
    counted
        .into_iter()
        .map(|(line, count)| match count {
            1 => format!("{line} (1 cluster)"),
            n => format!("{line} ({n} clusters)"),
        })
        .collect()
}

fn scope(questionnaire: &Questionnaire, view: &View, picked: &Picked<'_>) -> Scope {
    let priority = priority(picked.severity());
    let Some(original) = picked.finding else {
        let added = picked.added;
        let title = added.map(|a| view.text(&a.title)).unwrap_or_default();
        let message = added.map(|a| view.text(&a.message)).unwrap_or_default();
        let steps: Vec<String> = added
            .map(|a| a.remediation.iter().map(|s| view.text(s)).collect())
            .unwrap_or_default();
        let configuration: Vec<Fact> = added
            .map(|a| {
                a.evidence
                    .iter()
                    .map(|line| Fact {
                        question: "Seen by the reviewer".to_owned(),
                        answer: view.text(line),
                        source: String::new(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let preconditions = configuration
            .iter()
            .map(|f| format!("{}: {}", f.question, f.answer))
            .collect();
        return Scope {
            id: picked.id().to_owned(),
            cases: vec![TestCase {
                title: format!("{}: reproduce as found", picked.id()),
                preconditions,
                steps: if steps.is_empty() {
                    vec!["Set up a platform with the preconditions.".to_owned()]
                } else {
                    steps
                },
                expected: format!("Not as found: {message}"),
                priority,
                component: "Review".to_owned(),
            }],
            title,
            severity: picked.severity(),
            component: "Review".to_owned(),
            message,
            configuration,
            related_checks: Vec::new(),
            related_findings: Vec::new(),
        };
    };
    let finding = view.finding(original);
    let component = finding.category.title().to_owned();
    let configuration: Vec<Fact> = finding
        .evidence
        .iter()
        .chain(finding.occurrences.iter().flat_map(|o| &o.evidence))
        .map(|e| Fact {
            question: e.question.clone(),
            answer: e.answer.clone(),
            source: String::new(),
        })
        .fold(Vec::new(), |mut facts, fact| {
            if !facts.contains(&fact) {
                facts.push(fact);
            }
            facts
        });
    let read: BTreeSet<String> = evidence_paths(finding)
        .map(|path| question_id(&path))
        .filter(|id| !CONTEXT.contains(&id.as_str()))
        .collect();
    let related_checks = rules::rules()
        .iter()
        .filter(|rule| rule.id != finding.rule)
        .filter(|rule| {
            rules::vectors(rule.id).iter().any(|vector| {
                vector_answers(questionnaire, vector.answers)
                    .is_some_and(|answers| !answered(&answers).is_disjoint(&read))
            })
        })
        .map(|rule| format!("{} {}", rule.id, rule.title))
        .collect();
    let related_findings = view
        .findings
        .iter()
        .filter(|other| other.rule != finding.rule)
        .filter(|other| evidence_paths(other).any(|path| read.contains(&question_id(&path))))
        .map(|other| format!("{} {}", other.rule, other.message))
        .collect();
    let preconditions: Vec<String> = configuration
        .iter()
        .map(|fact| format!("{}: {}", fact.question, fact.answer))
        .collect();
    let walks = walk_paths(view, finding.rule);
    let concluded = walks.iter().find_map(|walk| walk.conclusion.as_ref());
    let mut reproduce: Vec<String> = vec!["Set up a platform with the preconditions.".to_owned()];
    if let Some(walk) = walks.iter().find(|walk| walk.conclusion.is_some()) {
        reproduce.extend(
            walk.ruled_out
                .iter()
                .map(|checked| format!("{} (found here: {})", checked.step, checked.found)),
        );
    }
    let mut cases = vec![TestCase {
        title: format!("{}: reproduce as found", finding.rule),
        preconditions: preconditions.clone(),
        steps: reproduce,
        expected: match concluded {
            Some(concluded) => format!(
                "As found: {}. Cause found: {}",
                finding.message, concluded.cause
            ),
            None => format!("As found: {}", finding.message),
        },
        priority,
        component: component.clone(),
    }];
    let fix: Vec<String> = match concluded {
        Some(concluded) => vec![concluded.fix.clone()],
        None => finding.remediation.iter().map(|s| plain(s)).collect(),
    };
    cases.push(TestCase {
        title: format!("{}: the fix holds", finding.rule),
        preconditions,
        steps: fix
            .into_iter()
            .chain(std::iter::once(
                "Assess again: update the answers and run intake assess (or open Findings)."
                    .to_owned(),
            ))
            .collect(),
        expected: format!(
            "{} is not reported any more: {}",
            finding.rule, finding.title
        ),
        priority,
        component: component.clone(),
    });
    for (number, vector) in rules::vectors(finding.rule).iter().enumerate() {
        let Some(answers) = vector_answers(questionnaire, vector.answers) else {
            continue;
        };
        let (verb, expected) = match vector.expect {
            Expect::Fires => (
                "fires",
                format!("An issue from {}: {}", finding.rule, finding.title),
            ),
            Expect::Passes => (
                "passes",
                format!("No finding from {}, and the rule is assessed", finding.rule),
            ),
            Expect::Verifies => (
                "asks to verify",
                format!(
                    "A to-verify finding from {} naming the answer not known, no issue",
                    finding.rule
                ),
            ),
            Expect::NotAssessed => (
                "is not assessed",
                format!(
                    "No finding from {}; it is listed as not assessed, with the blank question it needs",
                    finding.rule
                ),
            ),
        };
        cases.push(TestCase {
            title: format!("{} {verb} (rule test vector {})", finding.rule, number + 1),
            preconditions: in_words(questionnaire, &answers),
            steps: vec![
                "Start a new draft and give only these answers (or load them as an answers file)."
                    .to_owned(),
                "Run intake assess on the answers file (or open Findings in the app).".to_owned(),
            ],
            expected,
            priority,
            component: component.clone(),
        });
    }
    Scope {
        id: finding.rule.to_owned(),
        title: finding.title.to_owned(),
        severity: finding.severity,
        component,
        message: if finding.kind == FindingKind::NeedsVerification {
            format!("To verify: {}", finding.message)
        } else {
            finding.message.clone()
        },
        configuration,
        related_checks,
        related_findings,
        cases,
    }
}

/// The paths of a finding's evidence, its items' too.
fn evidence_paths(finding: &Finding) -> impl Iterator<Item = String> + '_ {
    finding
        .evidence
        .iter()
        .chain(finding.occurrences.iter().flat_map(|o| &o.evidence))
        .map(|e| e.path.clone())
}

/// A rule's text without the backticks that mark its commands.
fn plain(text: &str) -> String {
    text.replace('`', "")
}

impl TestPlan {
    /// Every test case, in order.
    pub fn cases(&self) -> impl Iterator<Item = &TestCase> {
        self.scopes.iter().flat_map(|scope| &scope.cases)
    }

    fn page(&self) -> report::Page {
        let partner = if self.partner.is_empty() {
            "the partner"
        } else {
            &self.partner
        };
        let list = |lines: &[String]| Block::List {
            ordered: false,
            entries: lines.iter().map(|l| Entry::new(vec![text(l)])).collect(),
        };
        let mut blocks = vec![Block::Para(vec![text(format!(
            "For QA: what the findings escalated to R&D from the review of {partner}'s platform \
             put in scope, and test cases for them. {}",
            if self.anonymised {
                "Anonymised, with the same placeholders as the R&D evidence pack."
            } else {
                "Not anonymised."
            }
        ))])];
        blocks.push(heading(2, "Products in this environment"));
        blocks.push(if self.products.is_empty() {
            Block::Para(vec![text("No product version was given.")])
        } else {
            list(&self.products)
        });
        blocks.push(Block::Para(vec![text(
            "Versions are those of this environment only: whether others are affected is not known from one review.",
        )]));
        blocks.push(heading(2, "Scope and test cases"));
        if self.scopes.is_empty() {
            blocks.push(Block::Para(vec![text(
                "No finding was escalated to R&D in this review.",
            )]));
        }
        for scope in &self.scopes {
            blocks.push(heading(3, &format!("{}: {}", scope.id, scope.title)));
            blocks.push(Block::Para(vec![text(&scope.message)]));
            blocks.push(Block::Terms(vec![
                Term {
                    term: "Priority".to_owned(),
                    hint: None,
                    descriptions: vec![format!(
                        "{} (severity {})",
                        priority(scope.severity),
                        scope.severity.name()
                    )],
                },
                Term {
                    term: "Component".to_owned(),
                    hint: None,
                    descriptions: vec![scope.component.clone()],
                },
            ]));
            blocks.push(heading(4, "Configuration involved"));
            let configuration: Vec<String> = scope
                .configuration
                .iter()
                .map(|f| {
                    if f.answer.is_empty() {
                        f.question.clone()
                    } else {
                        format!("{}: {}", f.question, f.answer)
                    }
                })
                .collect();
            blocks.push(list(&configuration));
            blocks.push(heading(4, "Regression risk"));
            if scope.related_checks.is_empty() && scope.related_findings.is_empty() {
                blocks.push(Block::Para(vec![text(
                    "No other check reads the same settings.",
                )]));
            }
            if !scope.related_checks.is_empty() {
                blocks.push(Block::Para(vec![text(
                    "Other checks that read the same settings:",
                )]));
                blocks.push(list(&scope.related_checks));
            }
            if !scope.related_findings.is_empty() {
                blocks.push(Block::Para(vec![text(
                    "Other findings in this environment on the same settings:",
                )]));
                blocks.push(list(&scope.related_findings));
            }
            blocks.push(heading(4, "Test cases"));
            for case in &scope.cases {
                blocks.push(Block::Para(vec![strong(&case.title)]));
                let lines = |ordered: bool, lines: &[String]| Block::List {
                    ordered,
                    entries: lines.iter().map(|l| Entry::new(vec![text(l)])).collect(),
                };
                let mut entries = Vec::new();
                if !case.preconditions.is_empty() {
                    entries.push(Entry {
                        text: vec![strong("Preconditions")],
                        under: vec![lines(false, &case.preconditions)],
                    });
                }
                entries.push(Entry {
                    text: vec![strong("Steps")],
                    under: vec![lines(true, &case.steps)],
                });
                entries.push(Entry::new(vec![
                    strong("Expected result: "),
                    text(&case.expected),
                ]));
                blocks.push(Block::List {
                    ordered: false,
                    entries,
                });
            }
        }
        report::Page {
            title: "QA scope and test plan".to_owned(),
            heading: format!("QA scope and test plan: {partner}"),
            blocks,
            footer: report::footer(rules::RULESET_VERSION, &self.reviewed_at),
        }
    }

    /// The plan as Markdown; every text from the bundle is escaped.
    pub fn markdown(&self) -> String {
        self.page().markdown()
    }

    /// The plan as a self-contained HTML page that prints on A4 and Letter.
    pub fn html(&self) -> String {
        self.page().html()
    }

    /// One row per test case: `Title`, `Preconditions`, `Steps` (numbered, one a line),
    /// `Expected result`, `Priority`, `Component`. Cells that would start a formula are guarded.
    pub fn csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record([
            "Title",
            "Preconditions",
            "Steps",
            "Expected result",
            "Priority",
            "Component",
        ]);
        for case in self.cases() {
            let _ = writer.write_record([
                cell(&case.title),
                cell(&case.preconditions.join("\n")),
                cell(&numbered(&case.steps).join("\n")),
                cell(&case.expected),
                case.priority.to_owned(),
                cell(&case.component),
            ]);
        }
        writer
            .into_inner()
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default()
    }
}

fn numbered(steps: &[String]) -> Vec<String> {
    steps
        .iter()
        .enumerate()
        .map(|(number, step)| {
            let mut line = String::new();
            let _ = write!(line, "{}. {step}", number + 1);
            line
        })
        .collect()
}
