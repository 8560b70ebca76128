use super::{HEALTHCHECK, RVTOOLS, SINCE};
use crate::display;
use crate::rules::{Category, Check, Expect, FindingKind, Proof, Rule, Severity, Vector};
use crate::values;

pub(super) const RULE: Rule = Rule {
    id: "EVD-007",
    title: "Evidence imported is too old to trust",
    category: Category::Evidence,
    severity: Severity::Low,
    since: SINCE,
    checks: "When each imported export was collected (RVTools `vMetaData`, the Healthcheck \
             run's folder), against the as-of date: older than `evidence_max_age_days` \
             (default 30) is a finding; an export that does not say when it was collected is \
             to verify.",
    why: "Evidence is only worth more than the partner's word while it describes the \
          platform as it is. Hosts are patched, repositories added and settings changed \
          every month; an old export confirms or contradicts answers about a platform \
          that no longer exists.",
    remediation: &[
        "Run the collector again (RVTools against each vCenter, Veeam Healthcheck on the \
         backup server) and import the new export: it replaces the older one of the same \
         collector.",
        "Review the import preview for what changed since the old export, and apply what \
         is right.",
    ],
    references: &[RVTOOLS, HEALTHCHECK],
    check: evidence_old,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-12-01"}},
            "evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx",
              "collected_at": "2026-09-14T10:12:00"}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-12-01"}},
            "evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx",
              "collected_at": "2026-11-24T10:12:00"}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"engagement.as_of": {"value": "2026-12-01"}},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}]}}"#,
    },
    Vector {
        expect: Expect::NotAssessed,
        answers: r#"{"evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx",
              "collected_at": "2026-11-24T10:12:00"}]}}"#,
    },
];

fn evidence_old(c: &mut Check<'_>) {
    let Some(collected) = c.collected() else {
        return;
    };
    if collected.sources.is_empty() {
        return;
    }
    let as_of = c.get("engagement.as_of").date();
    let as_of_evidence = as_of.evidence();
    let Some(as_of) = c.known(as_of) else {
        return;
    };
    let max_age = i64::from(c.config.evidence_max_age_days);
    for (index, source) in collected.sources.iter().enumerate() {
        let export = |shown: String| {
            Proof::collected(
                format!("evidence/{index}"),
                display::evidence_source(source),
                shown,
            )
        };
        let what = format!("the {} export “{}”", source.collector.name(), source.file);
        let collected_on = source
            .collected_at
            .as_deref()
            .and_then(|at| values::date(at.get(..10).unwrap_or(at)).ok());
        let Some(date) = collected_on else {
            let proof = export("collection time not in the export".to_owned());
            let evidence = vec![proof.render(c.questionnaire())];
            c.push(
                FindingKind::NeedsVerification,
                RULE.severity,
                format!(
                    "Not known: when {what} was collected; it does not say, so its age cannot \
                     be checked"
                ),
                evidence,
            );
            continue;
        };
        let days = (as_of - date).whole_days();
        let at = display::collected_time(source.collected_at.as_deref().unwrap_or(""));
        let proof = export(format!("collected {at}"));
        if days > max_age {
            c.fire(
                format!(
                    "{} was collected on {date}, {days} days before {as_of}: more than \
                     {max_age} days ago; run the collector again and import its new export",
                    capitalised(&what)
                ),
                vec![proof, as_of_evidence.clone()],
            );
        } else {
            c.compared();
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
