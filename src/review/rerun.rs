//! What the current rules find in an open bundle compared with its own findings, in sentences.
//! The sentences are plain functions of the core's re-run, tested natively.

use std::sync::Arc;

use intake_core::bundle::Rerun;
use leptos::prelude::*;

use super::opened::Opened;

/// When the bundle was assessed with another rule set: which, and which this version has.
pub fn ruleset_note(rerun: &Rerun) -> Option<String> {
    rerun.ruleset_change.as_ref().map(|change| {
        format!(
            "The bundle was assessed with rule set {}; this version has {}.",
            change.bundle_version, change.current_version
        )
    })
}

/// How many findings are new, resolved, of another severity or unchanged.
pub fn summary(rerun: &Rerun) -> String {
    if rerun.has_changes() {
        format!(
            "Re-run with the current rules: {} new, {} resolved, {} with another severity, {} \
             unchanged.",
            rerun.new.len(),
            rerun.resolved.len(),
            rerun.severity_changed.len(),
            rerun.unchanged
        )
    } else {
        format!(
            "Re-run with the current rules: the same {} as the bundle.",
            if rerun.unchanged == 1 {
                "finding".to_owned()
            } else {
                format!("{} findings", rerun.unchanged)
            }
        )
    }
}

/// What the current rules find compared with the bundle's findings.
#[component]
pub fn RerunPanel(opened: Arc<Opened>) -> impl IntoView {
    let rerun = &opened.rerun;
    let ruleset = ruleset_note(rerun);
    let summary = summary(rerun);
    view! {
        <div class="notice" role="status" data-testid="rerun">
            {ruleset.map(|text| view! { <p>{text}</p> })}
            <p>{summary}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use intake_core::answers::Answers;
    use intake_core::bundle::{self, FindingChange, RulesetChange};
    use intake_core::questionnaire::Questionnaire;
    use intake_core::rules::{FindingKind, Severity};

    use super::*;

    /// The re-run of a bundle the current rules made: nothing differs.
    fn same() -> Rerun {
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        let answers = Answers::from_json(
            r#"{"schema_version": 1, "answers": {"security.mfa_console": {"value": false}}}"#,
            questionnaire,
        )
        .expect("the answers read");
        let at = time::OffsetDateTime::from_unix_timestamp(1_780_000_000).expect("a valid time");
        let bytes = bundle::write(questionnaire, &answers, &[], at).expect("the bundle is made");
        let read = bundle::read(&bytes, questionnaire).expect("the bundle reads");
        bundle::rerun(&read, questionnaire)
    }

    #[test]
    fn the_same_findings_are_said_as_such() {
        let mut rerun = same();
        assert_eq!(rerun.unchanged, 1);
        assert_eq!(ruleset_note(&rerun), None);
        assert_eq!(
            summary(&rerun),
            "Re-run with the current rules: the same finding as the bundle."
        );
        rerun.unchanged = 3;
        assert_eq!(
            summary(&rerun),
            "Re-run with the current rules: the same 3 findings as the bundle."
        );
    }

    #[test]
    fn changes_and_another_rule_set_are_counted() {
        let mut rerun = same();
        rerun.new.push(FindingChange {
            rule: "SEC-001".to_owned(),
            title: "A check".to_owned(),
            kind: FindingKind::Issue,
            message: "Found now".to_owned(),
            before: None,
            after: Some(Severity::High),
        });
        rerun.ruleset_change = Some(RulesetChange {
            bundle_version: "2026.1".to_owned(),
            bundle_sha256: "a".to_owned(),
            current_version: "2026.2".to_owned(),
            current_sha256: "b".to_owned(),
        });
        assert_eq!(
            ruleset_note(&rerun).as_deref(),
            Some("The bundle was assessed with rule set 2026.1; this version has 2026.2.")
        );
        assert_eq!(
            summary(&rerun),
            format!(
                "Re-run with the current rules: 1 new, 0 resolved, 0 with another severity, {} \
                 unchanged.",
                rerun.unchanged
            )
        );
    }
}
