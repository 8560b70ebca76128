//! An assessment that owns its texts: what the app holds when the rules run elsewhere. The rules
//! and their texts are not in the partner's first download: they run in a Web Worker of their own,
//! which sends the [`super::Assessment`] as JSON (`intake assess --format json` is the same JSON),
//! and the page reads it back here. Review mode, which runs the rules itself, converts with
//! [`From`].

use serde::Deserialize;

use super::{Category, Evidence, FindingKind, Occurrence, Severity};

/// One finding, as [`super::Finding`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub title: String,
    pub category: Category,
    pub severity: Severity,
    pub kind: FindingKind,
    pub message: String,
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub occurrences: Vec<Occurrence>,
    pub remediation: Vec<String>,
    pub references: Vec<String>,
}

/// A rule that could not run for want of answers, as [`super::NotAssessed`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NotAssessed {
    pub rule: String,
    pub title: String,
    pub category: Category,
    pub severity: Severity,
    pub needs: Vec<Evidence>,
}

/// The result of assessing a set of answers, as [`super::Assessment`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Assessment {
    /// Issues first, most severe first; then to-verify findings.
    pub findings: Vec<Finding>,
    pub not_assessed: Vec<NotAssessed>,
    /// The ids of the rules that ran on known answers and found nothing.
    pub passed: Vec<String>,
}

impl Assessment {
    /// Reads the JSON of a [`super::Assessment`].
    pub fn from_json(text: &str) -> Result<Assessment, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
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
        self.issues()
            .filter(|finding| finding.severity == severity)
            .count()
    }

    /// Issues per severity in each category that has any, as [`super::issues_by_category`].
    pub fn issues_by_category(&self) -> Vec<(Category, [usize; 5])> {
        super::count_issues(
            self.findings
                .iter()
                .map(|finding| (finding.kind, finding.category, finding.severity)),
        )
    }
}

fn owned(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|&text| text.to_owned()).collect()
}

impl From<&super::Finding> for Finding {
    fn from(finding: &super::Finding) -> Finding {
        Finding {
            rule: finding.rule.to_owned(),
            title: finding.title.to_owned(),
            category: finding.category,
            severity: finding.severity,
            kind: finding.kind,
            message: finding.message.clone(),
            evidence: finding.evidence.clone(),
            occurrences: finding.occurrences.clone(),
            remediation: owned(finding.remediation),
            references: owned(finding.references),
        }
    }
}

impl From<&super::NotAssessed> for NotAssessed {
    fn from(rule: &super::NotAssessed) -> NotAssessed {
        NotAssessed {
            rule: rule.rule.to_owned(),
            title: rule.title.to_owned(),
            category: rule.category,
            severity: rule.severity,
            needs: rule.needs.clone(),
        }
    }
}

impl From<&super::Assessment> for Assessment {
    fn from(assessment: &super::Assessment) -> Assessment {
        Assessment {
            findings: assessment.findings.iter().map(Finding::from).collect(),
            not_assessed: assessment
                .not_assessed
                .iter()
                .map(NotAssessed::from)
                .collect(),
            passed: owned(&assessment.passed),
        }
    }
}
