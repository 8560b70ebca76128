//! The rule catalogue: every rule is complete, and its vectors make it fire, pass and ask for
//! verification as declared.
// Tests read the rule sources; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

mod support;

use std::collections::HashSet;

use intake_core::answers::Answers;
use intake_core::questionnaire::{Entry, Questionnaire};
use intake_core::rules::{
    Config, Expect, FindingKind, REDIRECTS, assess_with, id_prefix, rule as find_rule, rules,
};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn every_rule_has_docs_a_playbook_references_and_both_kinds_of_vector() {
    for rule in rules() {
        let id = rule.id;
        assert!(!rule.title.trim().is_empty(), "{id}: title");
        assert!(rule.checks.len() > 20, "{id}: what it checks");
        assert!(rule.why.len() > 40, "{id}: why it matters");
        assert!(!rule.remediation.is_empty(), "{id}: remediation playbook");
        assert!(
            rule.remediation.iter().all(|step| step.len() > 15),
            "{id}: every playbook step says what to do"
        );
        assert!(!rule.references.is_empty(), "{id}: a reference");
        for reference in rule.references {
            assert!(
                reference.starts_with("https://"),
                "{id}: {reference} is not an https URL"
            );
        }
        assert!(
            rule.since.split('.').count() == 3,
            "{id}: since {}",
            rule.since
        );
        let expects: HashSet<Expect> = rule.vectors.iter().map(|v| v.expect).collect();
        assert!(
            expects.contains(&Expect::Fires),
            "{id}: a vector that makes it fire"
        );
        assert!(
            expects.contains(&Expect::Passes),
            "{id}: a vector that makes it pass"
        );
    }
}

#[test]
fn ids_are_unique_well_formed_and_prefixed_by_category() {
    let mut seen = HashSet::new();
    for rule in rules() {
        assert!(seen.insert(rule.id), "{} is used twice", rule.id);
        let (prefix, number) = rule.id.split_once('-').expect("PREFIX-NNN");
        assert_eq!(prefix, id_prefix(rule.category), "{}", rule.id);
        assert!(
            number.len() == 3 && number.chars().all(|c| c.is_ascii_digit()),
            "{}",
            rule.id
        );
        assert!(find_rule(rule.id).is_some_and(|found| found.id == rule.id));
    }
    for (old, new) in REDIRECTS {
        assert!(
            !seen.contains(old),
            "{old} was renamed, so no rule may use it again"
        );
        assert_eq!(
            find_rule(old).map(|r| r.id),
            Some(*new),
            "{old} resolves to {new}"
        );
    }
}

#[test]
fn every_vector_does_what_it_declares() {
    let questionnaire = questionnaire();
    let config = Config::default();
    let mut wrong = Vec::new();
    for rule in rules() {
        for (index, vector) in rule.vectors.iter().enumerate() {
            let mut json: serde_json::Value = serde_json::from_str(vector.answers)
                .unwrap_or_else(|error| panic!("{} vector {index}: {error}", rule.id));
            json["schema_version"] = 1.into();
            let answers = Answers::from_json(&json.to_string(), questionnaire)
                .unwrap_or_else(|error| panic!("{} vector {index}: {error}", rule.id));
            let assessment = assess_with(&[rule], questionnaire, &answers, &config);
            let findings = &assessment.findings;
            let issues = findings
                .iter()
                .filter(|f| f.kind == FindingKind::Issue)
                .count();
            let verifications = findings.len() - issues;
            let not_assessed = !assessment.not_assessed.is_empty();
            let ok = match vector.expect {
                Expect::Fires => issues > 0,
                Expect::Passes => findings.is_empty() && !not_assessed,
                Expect::Verifies => issues == 0 && verifications > 0,
                Expect::NotAssessed => findings.is_empty() && not_assessed,
            };
            if !ok {
                wrong.push(format!(
                    "{} vector {index} should be {:?}; got {findings:#?}, not assessed: {:?}",
                    rule.id, vector.expect, assessment.not_assessed
                ));
            }
            for finding in findings {
                assert_eq!(finding.rule, rule.id);
                assert!(
                    !finding.evidence.is_empty(),
                    "{}: a finding without evidence",
                    rule.id
                );
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Rules name questions by id in string literals; each must exist, or the rule silently reads
/// nothing. Read from the rule sources, every file under `crates/core/src/rules/` (one per rule,
/// in a folder per category): `get("section.question")`, `items("section.group")`, and member
/// reads `.get("member")` on group items.
#[test]
fn every_question_a_rule_reads_exists() {
    let questionnaire = questionnaire();
    let members: HashSet<String> = questionnaire
        .groups()
        .flat_map(|group| group.questions.iter().map(|q| q.local_id().to_owned()))
        .collect();
    let sources = support::files_under(&support::repository_path("crates/core/src/rules"), "rs");
    for rule in rules() {
        let declaration = format!("id: \"{}\",", rule.id);
        assert!(
            sources
                .iter()
                .any(|(_, source)| source.contains(&declaration)),
            "{}: the scan did not read the file that declares it",
            rule.id
        );
    }
    let mut read = 0;
    for (file, source) in sources {
        for (call, quoted) in calls(&source) {
            read += 1;
            let found = match call {
                "items" => matches!(questionnaire.entry(quoted), Some(Entry::Group(_))),
                "id" => questionnaire.entry(quoted).is_some(),
                _ if quoted.contains('.') => questionnaire.question(quoted).is_some(),
                _ => members.contains(quoted),
            };
            assert!(
                found,
                "{file}: {call}(\"{quoted}\") names no question or group"
            );
        }
    }
    assert!(read > 10, "the scan found only {read} reads");
}

/// `get("...")` and `items("...")` calls with a string literal argument, and any other string
/// literal shaped like a full question id (`"section.question"`), such as ids passed to helpers.
fn calls(source: &str) -> Vec<(&'static str, &str)> {
    let mut found = Vec::new();
    for literal in source.split('"').skip(1).step_by(2) {
        let segments: Vec<&str> = literal.split('.').collect();
        let id_shaped = (2..=3).contains(&segments.len())
            && segments.iter().all(|segment| {
                segment.starts_with(|c: char| c.is_ascii_lowercase())
                    && segment
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            });
        let is_call = ["get(", "items("]
            .iter()
            .any(|call| source.contains(&format!("{call}\"{literal}\"")));
        if id_shaped && !is_call {
            found.push(("id", literal));
        }
    }
    for call in ["get", "items"] {
        let pattern = format!("{call}(\"");
        let mut rest = source;
        while let Some(start) = rest.find(&pattern) {
            let after = &rest[start + pattern.len()..];
            if let Some(end) = after.find('"') {
                found.push((if call == "get" { "get" } else { "items" }, &after[..end]));
            }
            rest = after;
        }
    }
    found
}

/// docs/rules.md documents every threshold with its default.
#[test]
fn every_threshold_is_documented_with_its_default() {
    let docs = std::fs::read_to_string(support::repository_path("docs/rules.md"))
        .expect("docs/rules.md exists");
    let defaults = serde_json::to_value(Config::default()).expect("the config serializes");
    for (field, value) in defaults.as_object().expect("an object") {
        if field == "schema_version" {
            continue;
        }
        let shown = value.to_string().trim_end_matches(".0").to_owned();
        let row = format!("| `{field}` | {shown} |");
        assert!(docs.contains(&row), "docs/rules.md lacks the row {row}");
    }
}
