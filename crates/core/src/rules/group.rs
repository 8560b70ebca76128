//! One cause, one finding: a rule's findings about the same questions in several items of one
//! group (four gateways behind a load balancer, three storage systems without firmware change
//! control) become one finding naming every item, with each item's message and evidence kept.

use std::collections::BTreeMap;

use super::{Finding, FindingKind, Occurrence, Severity};
use crate::answers::Answers;
use crate::display;
use crate::questionnaire::{Entry, Questionnaire};

/// What makes two findings of one rule the same cause: kind, severity, the group, and the
/// questions of their evidence with the item positions left out.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Cause {
    kind: FindingKind,
    severity: Severity,
    group: String,
    questions: Vec<String>,
}

/// The group item a path points into: `cloud_connect.gateways[2].fqdn` → (`cloud_connect.gateways`,
/// 2), and the path with the position left out (`cloud_connect.gateways[].fqdn`).
fn split(path: &str) -> Option<(&str, usize, String)> {
    let (group, rest) = path.split_once('[')?;
    let (index, tail) = rest.split_once(']')?;
    let index = index.parse().ok()?;
    Some((group, index, format!("{group}[]{tail}")))
}

/// The cause of a finding and the item it is about, when its evidence points into exactly one
/// item of one group (other evidence, such as the as-of date, may come with it).
fn cause(finding: &Finding) -> Option<(Cause, usize)> {
    let mut item: Option<(&str, usize)> = None;
    let mut questions = Vec::new();
    for evidence in &finding.evidence {
        match split(&evidence.path) {
            Some((group, index, question)) => {
                match item {
                    Some(seen) if seen != (group, index) => return None,
                    _ => item = Some((group, index)),
                }
                questions.push(question);
            }
            None => questions.push(evidence.path.clone()),
        }
    }
    let (group, index) = item?;
    Some((
        Cause {
            kind: finding.kind,
            severity: finding.severity,
            group: group.to_owned(),
            questions,
        },
        index,
    ))
}

/// A rule's findings with those of one cause merged; others are left as they are.
pub(super) fn by_cause(
    findings: Vec<Finding>,
    questionnaire: &Questionnaire,
    answers: &Answers,
) -> Vec<Finding> {
    if findings.len() < 2 {
        return findings;
    }
    let mut alone = Vec::new();
    let mut causes: BTreeMap<Cause, Vec<(usize, Finding)>> = BTreeMap::new();
    for finding in findings {
        match cause(&finding) {
            Some((cause, index)) => causes.entry(cause).or_default().push((index, finding)),
            None => alone.push(finding),
        }
    }
    for (cause, mut items) in causes {
        if items.len() == 1 {
            alone.extend(items.into_iter().map(|(_, finding)| finding));
            continue;
        }
        items.sort_by_key(|(index, _)| *index);
        alone.push(merge(&cause, items, questionnaire, answers));
    }
    alone
}

fn merge(
    cause: &Cause,
    items: Vec<(usize, Finding)>,
    questionnaire: &Questionnaire,
    answers: &Answers,
) -> Finding {
    let stored = answers.groups.get(&cause.group);
    let group = match questionnaire.entry(&cause.group) {
        Some(Entry::Group(group)) => Some(group),
        _ => None,
    };
    let names: Vec<String> = items
        .iter()
        .map(|(index, _)| {
            let name = stored
                .and_then(|items| items.get(*index))
                .map(|item| item.name.trim())
                .unwrap_or_default();
            if name.is_empty() {
                format!("#{}", index + 1)
            } else {
                name.to_owned()
            }
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let items_label = group.map_or_else(|| "items".to_owned(), |g| display::plural(&g.item_label));
    let count = items.len();
    let listed = display::quoted_list(&names);
    let message = match cause.kind {
        FindingKind::Issue => format!("{count} {items_label}: {listed}"),
        FindingKind::NeedsVerification => {
            let label = cause
                .questions
                .iter()
                .find_map(|question| {
                    let local = question.rsplit_once("[].")?.1;
                    Some(group?.member(local)?.label.clone())
                })
                .unwrap_or_default();
            format!("Not known for {count} {items_label} ({listed}): “{label}”")
        }
    };
    let mut first = None;
    let mut evidence = Vec::new();
    let mut occurrences = Vec::new();
    for (_, finding) in items {
        evidence.extend(finding.evidence.iter().cloned());
        occurrences.push(Occurrence {
            message: finding.message.clone(),
            evidence: finding.evidence.clone(),
        });
        first.get_or_insert(finding);
    }
    evidence.sort();
    evidence.dedup();
    let first = first.unwrap_or_else(|| unreachable!("a cause has at least two findings"));
    Finding {
        message,
        evidence,
        occurrences,
        ..first
    }
}
