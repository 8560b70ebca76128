//! Which findings the panel shows: a plain type the panel holds in a signal, so the choice
//! survives moving between steps, tested natively.

use intake_core::progress::section_of_path;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::owned::Finding;
use intake_core::rules::{FindingKind, Severity};

/// Which kind of findings to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Show {
    #[default]
    All,
    Issues,
    ToVerify,
}

impl Show {
    pub const ALL: [Show; 3] = [Show::All, Show::Issues, Show::ToVerify];

    pub fn label(self) -> &'static str {
        match self {
            Show::All => "All",
            Show::Issues => "Issues",
            Show::ToVerify => "To verify",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Issues => "issues",
            Show::ToVerify => "to-verify",
        }
    }
}

/// The panel's filter: a kind, a severity and a section, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub show: Show,
    pub severity: Option<Severity>,
    /// A section id: findings whose evidence is in that section.
    pub section: Option<String>,
}

impl Filter {
    /// Whether nothing is filtered out.
    pub fn is_everything(&self) -> bool {
        *self == Filter::default()
    }

    pub fn matches(&self, finding: &Finding, questionnaire: &Questionnaire) -> bool {
        let kind = match self.show {
            Show::All => true,
            Show::Issues => finding.kind == FindingKind::Issue,
            Show::ToVerify => finding.kind == FindingKind::NeedsVerification,
        };
        let severity = self.severity.is_none_or(|s| s == finding.severity);
        let section = self.section.as_deref().is_none_or(|section| {
            finding
                .evidence
                .iter()
                .any(|evidence| section_of_path(questionnaire, &evidence.path) == Some(section))
        });
        kind && severity && section
    }
}

#[cfg(test)]
mod tests {
    use intake_core::answers::Answers;
    use intake_core::rules::owned::Assessment;
    use intake_core::rules::{Config, assess};

    use super::*;

    fn questionnaire() -> &'static Questionnaire {
        Questionnaire::builtin().expect("the questionnaire reads")
    }

    fn findings() -> Vec<Finding> {
        let answers = Answers::from_json(
            r#"{"schema_version": 1, "answers": {
                "platform.vbr_version": {"value": "11.0.1.1261"},
                "security.mfa_console": {"value": false},
                "dr.health_checks": {"dont_know": true}}}"#,
            questionnaire(),
        )
        .expect("the answers read");
        Assessment::from(&assess(questionnaire(), &answers, &Config::default())).findings
    }

    fn shown(filter: &Filter) -> Vec<String> {
        findings()
            .iter()
            .filter(|finding| filter.matches(finding, questionnaire()))
            .map(|finding| finding.rule.clone())
            .collect()
    }

    #[test]
    fn everything_shows_by_default() {
        let filter = Filter::default();
        assert!(filter.is_everything());
        assert_eq!(shown(&filter).len(), findings().len());
    }

    #[test]
    fn kinds_are_kept_apart() {
        let issues = shown(&Filter {
            show: Show::Issues,
            ..Filter::default()
        });
        let verify = shown(&Filter {
            show: Show::ToVerify,
            ..Filter::default()
        });
        assert!(
            issues.iter().any(|rule| rule == "VER-001")
                && issues.iter().any(|rule| rule == "SEC-001"),
            "{issues:?}"
        );
        assert_eq!(verify, vec!["DR-008"]);
        assert_eq!(issues.len() + verify.len(), findings().len());
    }

    #[test]
    fn severity_and_section_narrow_the_list() {
        let security = shown(&Filter {
            section: Some("security".to_owned()),
            ..Filter::default()
        });
        assert_eq!(security, vec!["SEC-001"]);
        let none = shown(&Filter {
            severity: Some(Severity::Info),
            section: Some("security".to_owned()),
            ..Filter::default()
        });
        assert!(none.is_empty());
    }
}
