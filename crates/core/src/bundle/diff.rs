//! Re-running a bundle's answers with this build's rules, and what changed since it was made.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::{ReadBundle, StoredFinding, ruleset_sha256, stored};
use crate::questionnaire::Questionnaire;
use crate::rules::{self, Assessment, Config, FindingKind, Severity};

/// A finding's identity across runs: its rule and its message. The message names the item it is
/// about (gateway, repository, link), so it tells two findings of one rule apart; evidence paths
/// are not used because they carry item positions, which shift when items are reordered.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FindingKey {
    pub rule: String,
    pub message: String,
}

/// A finding that is new, resolved, or whose severity changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FindingChange {
    pub rule: String,
    pub title: String,
    pub kind: FindingKind,
    pub message: String,
    /// Its severity in the bundle; none for a new finding.
    pub before: Option<Severity>,
    /// Its severity now; none for a resolved finding.
    pub after: Option<Severity>,
}

/// The bundle's rule set differs from this build's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RulesetChange {
    /// The rule set version in the bundle's manifest.
    pub bundle_version: String,
    /// The rule catalogue hash in the bundle's manifest.
    pub bundle_sha256: String,
    /// This build's rule set version.
    pub current_version: String,
    /// This build's rule catalogue hash.
    pub current_sha256: String,
}

/// A bundle's answers assessed again, compared with its `findings.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rerun {
    /// The assessment by this build's rules, default thresholds.
    pub assessment: Assessment,
    /// The bundle's findings as compared: those of an older findings format carry the message
    /// the current rules give the same finding (see [`Rerun::renamed`]).
    #[serde(skip)]
    pub before: Vec<StoredFinding>,
    /// Findings of an older format whose message the current rules word differently: the old
    /// key, then the current one. Several old findings may be one now (one cause in several
    /// items). A review made on the old keys is carried over by [`super::Review::adopt`].
    #[serde(skip)]
    pub renamed: Vec<(FindingKey, FindingKey)>,
    /// Set when the bundle was made with another rule set (version or catalogue hash).
    pub ruleset_change: Option<RulesetChange>,
    /// Findings now that the bundle does not have.
    pub new: Vec<FindingChange>,
    /// Findings in the bundle that are gone now.
    pub resolved: Vec<FindingChange>,
    /// Findings in both, with another severity now.
    pub severity_changed: Vec<FindingChange>,
    /// Findings in both with the same severity.
    pub unchanged: usize,
}

impl Rerun {
    /// Whether the re-run differs from the bundle's findings.
    pub fn has_changes(&self) -> bool {
        !(self.new.is_empty() && self.resolved.is_empty() && self.severity_changed.is_empty())
    }
}

fn key(finding: &StoredFinding) -> FindingKey {
    FindingKey {
        rule: finding.rule.clone(),
        message: finding.message.clone(),
    }
}

fn change(
    finding: &StoredFinding,
    before: Option<Severity>,
    after: Option<Severity>,
) -> FindingChange {
    FindingChange {
        rule: finding.rule.clone(),
        title: finding.title.clone(),
        kind: finding.kind,
        message: finding.message.clone(),
        before,
        after,
    }
}

/// Assesses the bundle's answers with this build's rules (default thresholds, as bundles are
/// made) and matches the findings with the bundle's by [`FindingKey`]. Findings sharing a key
/// are paired in order, so duplicates count once each.
pub fn rerun(bundle: &ReadBundle, questionnaire: &Questionnaire) -> Rerun {
    let assessment = rules::assess(questionnaire, &bundle.answers, &Config::default());
    let current = stored(&assessment);
    let (before, renamed) = if bundle.findings.findings_schema_version < 2 {
        from_first_format(&bundle.findings.findings, &assessment)
    } else {
        (bundle.findings.findings.clone(), Vec::new())
    };
    let mut pairs: BTreeMap<FindingKey, (Vec<&StoredFinding>, Vec<&StoredFinding>)> =
        BTreeMap::new();
    for finding in &before {
        pairs.entry(key(finding)).or_default().0.push(finding);
    }
    for finding in &current.findings {
        pairs.entry(key(finding)).or_default().1.push(finding);
    }
    let (mut new, mut resolved, mut severity_changed, mut unchanged) =
        (Vec::new(), Vec::new(), Vec::new(), 0);
    for (before, after) in pairs.values() {
        for index in 0..before.len().max(after.len()) {
            match (before.get(index), after.get(index)) {
                (Some(old), Some(now)) if old.severity == now.severity => unchanged += 1,
                (Some(old), Some(now)) => {
                    severity_changed.push(change(now, Some(old.severity), Some(now.severity)));
                }
                (Some(old), None) => resolved.push(change(old, Some(old.severity), None)),
                (None, Some(now)) => new.push(change(now, None, Some(now.severity))),
                (None, None) => {}
            }
        }
    }
    let current_sha256 = ruleset_sha256();
    let manifest = &bundle.manifest;
    let ruleset_change = (manifest.ruleset_version != rules::RULESET_VERSION
        || manifest.ruleset_sha256 != current_sha256)
        .then(|| RulesetChange {
            bundle_version: manifest.ruleset_version.clone(),
            bundle_sha256: manifest.ruleset_sha256.clone(),
            current_version: rules::RULESET_VERSION.to_owned(),
            current_sha256,
        });
    Rerun {
        assessment,
        before,
        renamed,
        ruleset_change,
        new,
        resolved,
        severity_changed,
        unchanged,
    }
}

/// Findings of format 1 under the messages the current rules give them: format 1 named a "don't
/// know" answer by its path (`network.links[0].mtu_far is not known: verify it`) and listed one
/// finding per item where the current rules give one finding naming every item. An old finding
/// that is now part of a current one takes its message; the first of several takes its place and
/// the others are merged into it.
fn from_first_format(
    old: &[StoredFinding],
    assessment: &Assessment,
) -> (Vec<StoredFinding>, Vec<(FindingKey, FindingKey)>) {
    let mut aliases: BTreeMap<(&str, String), &str> = BTreeMap::new();
    for finding in &assessment.findings {
        for occurrence in &finding.occurrences {
            aliases.insert((finding.rule, occurrence.message.clone()), &finding.message);
        }
        if finding.kind == FindingKind::NeedsVerification {
            for evidence in &finding.evidence {
                let old = format!("{} is not known: verify it", evidence.path);
                aliases.insert((finding.rule, old), &finding.message);
            }
        }
    }
    let mut before = Vec::with_capacity(old.len());
    let mut renamed = Vec::new();
    let mut merged: BTreeMap<(String, String), ()> = BTreeMap::new();
    for finding in old {
        let alias = aliases
            .get(&(finding.rule.as_str(), finding.message.clone()))
            .filter(|now| **now != finding.message);
        let Some(now) = alias else {
            before.push(finding.clone());
            continue;
        };
        renamed.push((
            key(finding),
            FindingKey {
                rule: finding.rule.clone(),
                message: (*now).to_owned(),
            },
        ));
        if merged
            .insert((finding.rule.clone(), (*now).to_owned()), ())
            .is_none()
        {
            before.push(StoredFinding {
                message: (*now).to_owned(),
                ..finding.clone()
            });
        }
    }
    (before, renamed)
}
