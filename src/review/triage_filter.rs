//! What the triage list shows: a finding's kind, severity, category and verdict against the
//! reviewer's filter, and each verdict in words and as an id. Plain types, tested natively.

use intake_core::bundle::{ReviewItem, Verdict};
use intake_core::rules::{self, Category, FindingKind, Severity};

use crate::findings::Show;

/// Every verdict a finding can have, none first: the order the triage controls list them.
pub const VERDICTS: [Option<Verdict>; 4] = [
    None,
    Some(Verdict::Confirmed),
    Some(Verdict::Dismissed),
    Some(Verdict::FollowUp),
];

/// A verdict in words, as the row, the controls and the verdict filter say it.
pub fn verdict_label(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        None => "Not triaged",
        Some(Verdict::Confirmed) => "Confirmed",
        Some(Verdict::Dismissed) => "Dismissed",
        Some(Verdict::FollowUp) => "Needs follow-up",
    }
}

/// A verdict as an id: a row's `data-verdict` and the verdict filter's values.
pub fn verdict_id(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        None => "untriaged",
        Some(Verdict::Confirmed) => "confirmed",
        Some(Verdict::Dismissed) => "dismissed",
        Some(Verdict::FollowUp) => "follow-up",
    }
}

/// Which verdicts to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum VerdictFilter {
    #[default]
    Any,
    Untriaged,
    Is(Verdict),
}

impl VerdictFilter {
    /// Every choice, in the order the verdict list shows them.
    pub const ALL: [VerdictFilter; 5] = [
        VerdictFilter::Any,
        VerdictFilter::Untriaged,
        VerdictFilter::Is(Verdict::Confirmed),
        VerdictFilter::Is(Verdict::Dismissed),
        VerdictFilter::Is(Verdict::FollowUp),
    ];

    /// The choice's value in the verdict list.
    pub fn id(self) -> &'static str {
        match self {
            VerdictFilter::Any => "any",
            VerdictFilter::Untriaged => verdict_id(None),
            VerdictFilter::Is(verdict) => verdict_id(Some(verdict)),
        }
    }

    /// The choice in words.
    pub fn label(self) -> &'static str {
        match self {
            VerdictFilter::Any => "Any",
            VerdictFilter::Untriaged => verdict_label(None),
            VerdictFilter::Is(verdict) => verdict_label(Some(verdict)),
        }
    }

    /// The choice whose value is `id`; any verdict for a value the list does not have.
    pub fn from_id(id: &str) -> VerdictFilter {
        VerdictFilter::ALL
            .into_iter()
            .find(|filter| filter.id() == id)
            .unwrap_or_default()
    }
}

/// What the triage list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TriageFilter {
    pub show: Show,
    pub severity: Option<Severity>,
    pub category: Option<Category>,
    pub verdict: VerdictFilter,
}

/// What the filter needs to know of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub kind: FindingKind,
    pub severity: Severity,
    pub category: Option<Category>,
}

impl Facts {
    pub fn of(item: &ReviewItem<'_>) -> Facts {
        Facts {
            kind: item.kind(),
            severity: item.severity(),
            category: item
                .current
                .map(|finding| finding.category)
                .or_else(|| rules::rule(item.rule()).map(|rule| rule.category)),
        }
    }
}

impl TriageFilter {
    pub fn matches(&self, facts: Facts, verdict: Option<Verdict>) -> bool {
        let kind = match self.show {
            Show::All => true,
            Show::Issues => facts.kind == FindingKind::Issue,
            Show::ToVerify => facts.kind == FindingKind::NeedsVerification,
        };
        let severity = self.severity.is_none_or(|s| s == facts.severity);
        let category = self.category.is_none_or(|c| Some(c) == facts.category);
        let verdict = match self.verdict {
            VerdictFilter::Any => true,
            VerdictFilter::Untriaged => verdict.is_none(),
            VerdictFilter::Is(wanted) => verdict == Some(wanted),
        };
        kind && severity && category && verdict
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(kind: FindingKind, severity: Severity) -> Facts {
        Facts {
            kind,
            severity,
            category: Some(Category::Network),
        }
    }

    #[test]
    fn the_filter_keeps_kinds_and_verdicts_apart() {
        let issue = facts(FindingKind::Issue, Severity::High);
        let verify = facts(FindingKind::NeedsVerification, Severity::High);
        let to_verify = TriageFilter {
            show: Show::ToVerify,
            ..TriageFilter::default()
        };
        assert!(!to_verify.matches(issue, None));
        assert!(to_verify.matches(verify, None));
        let untriaged = TriageFilter {
            verdict: VerdictFilter::Untriaged,
            ..TriageFilter::default()
        };
        assert!(untriaged.matches(issue, None));
        assert!(!untriaged.matches(issue, Some(Verdict::Confirmed)));
        let network_critical = TriageFilter {
            severity: Some(Severity::Critical),
            category: Some(Category::Network),
            ..TriageFilter::default()
        };
        assert!(!network_critical.matches(issue, None));
        let security = TriageFilter {
            category: Some(Category::Security),
            ..TriageFilter::default()
        };
        assert!(!security.matches(issue, None));
    }

    #[test]
    fn each_verdict_choice_reads_back_from_its_value() {
        for filter in VerdictFilter::ALL {
            assert_eq!(VerdictFilter::from_id(filter.id()), filter);
        }
        assert_eq!(VerdictFilter::from_id("nonsense"), VerdictFilter::Any);
        let labels: Vec<&str> = VerdictFilter::ALL.map(VerdictFilter::label).to_vec();
        assert_eq!(
            labels,
            [
                "Any",
                "Not triaged",
                "Confirmed",
                "Dismissed",
                "Needs follow-up"
            ]
        );
    }

    #[test]
    fn every_verdict_has_its_own_id() {
        let ids = VERDICTS.map(verdict_id);
        assert_eq!(ids, ["untriaged", "confirmed", "dismissed", "follow-up"]);
    }
}
