//! The rule catalogue: every rule is complete, and its vectors make it fire, pass and ask for
//! verification as declared.
// Tests read the rule sources; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

mod support;

use std::collections::HashSet;

use intake_core::answers::Answers;
use intake_core::questionnaire::{Entry, Questionnaire};
use intake_core::rules::{
    Category, Config, Expect, FindingKind, REDIRECTS, RETIRED, RULESET_VERSION, assess_with,
    id_prefix, rule as find_rule, rules, vectors,
};

/// Every rule id ever released, one a line (`#` starts a comment).
const RELEASED_IDS: &str = include_str!("rule_ids.txt");

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
        let expects: HashSet<Expect> = vectors(id).iter().map(|v| v.expect).collect();
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
fn vectors_are_found_by_rule_id_and_an_unknown_id_has_none() {
    for rule in rules() {
        assert!(!vectors(rule.id).is_empty(), "{}: no vectors", rule.id);
    }
    assert!(vectors("NOPE-999").is_empty());
    assert!(vectors("").is_empty());
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

/// `PREFIX-NNN`, with a category's prefix.
fn well_formed(id: &str) -> bool {
    id.split_once('-').is_some_and(|(prefix, number)| {
        Category::ALL
            .iter()
            .any(|category| id_prefix(*category) == prefix)
            && number.len() == 3
            && number.chars().all(|c| c.is_ascii_digit())
    })
}

/// A rule set version, `x.y.z`, as numbers.
fn version(text: &str) -> Vec<u32> {
    let parts: Vec<u32> = text
        .split('.')
        .map(|part| {
            part.parse()
                .unwrap_or_else(|_| panic!("{text} is not x.y.z"))
        })
        .collect();
    assert_eq!(parts.len(), 3, "{text} is not x.y.z");
    parts
}

/// The ids in tests/rule_ids.txt.
fn released_ids() -> Vec<&'static str> {
    RELEASED_IDS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// No live rule reuses a retired or renamed id; retired ids keep their shape and name the version
/// that retired them.
#[test]
fn retired_and_renamed_ids_are_never_reused() {
    let live: HashSet<&str> = rules().iter().map(|rule| rule.id).collect();
    let mut retired = HashSet::new();
    for entry in RETIRED {
        let id = entry.id;
        assert!(retired.insert(id), "{id} is retired twice");
        assert!(
            !live.contains(id),
            "{id} was retired, so no rule may use it again"
        );
        assert!(
            well_formed(id),
            "{id}: a retired id keeps the PREFIX-NNN shape"
        );
        assert!(
            version(entry.retired_in) <= version(RULESET_VERSION),
            "{id}: retired in {}, after the rule set version {RULESET_VERSION}",
            entry.retired_in
        );
        assert!(!entry.reason.trim().is_empty(), "{id}: why it was retired");
        assert!(
            released_ids().contains(&id),
            "{id}: a retired id stays in tests/rule_ids.txt"
        );
    }
    for (old, _) in REDIRECTS {
        assert!(
            !live.contains(old),
            "{old} was renamed, so no rule may use it again"
        );
    }
}

/// tests/rule_ids.txt lists every id ever released. Each is live, retired (`RETIRED`) or renamed
/// (`REDIRECTS`): deleting a rule without retiring it fails here. Each live id is listed, unless
/// its rule is new in the current `RULESET_VERSION`: its id is appended when that version is
/// released, and this fails from the next version on if it was not.
#[test]
fn every_id_ever_released_stays_reserved() {
    let released = released_ids();
    let mut listed = HashSet::new();
    for id in &released {
        assert!(
            listed.insert(*id),
            "{id} is listed twice in tests/rule_ids.txt"
        );
        assert!(
            well_formed(id),
            "tests/rule_ids.txt: {id} is not PREFIX-NNN"
        );
    }
    assert!(
        listed.len() >= 109,
        "tests/rule_ids.txt lists only {} ids",
        listed.len()
    );
    for rule in rules() {
        assert!(
            listed.contains(rule.id) || rule.since == RULESET_VERSION,
            "{} (since {}) is not in tests/rule_ids.txt: append it",
            rule.id,
            rule.since
        );
    }
    for id in released {
        let live = find_rule(id).is_some_and(|rule| rule.id == id);
        let retired = RETIRED.iter().any(|entry| entry.id == id);
        let renamed = REDIRECTS.iter().any(|(old, _)| *old == id);
        assert!(
            live || retired || renamed,
            "{id} was released but is no longer a rule: retire it in RETIRED \
             (crates/core/src/rules/mod.rs) and bump RULESET_VERSION, or restore it"
        );
    }
}

#[test]
fn every_vector_does_what_it_declares() {
    let questionnaire = questionnaire();
    let config = Config::default();
    let mut wrong = Vec::new();
    for rule in rules() {
        for (index, vector) in vectors(rule.id).iter().enumerate() {
            let mut json: serde_json::Value = serde_json::from_str(vector.answers)
                .unwrap_or_else(|error| panic!("{} vector {index}: {error}", rule.id));
            json["schema_version"] = intake_core::answers::SCHEMA_VERSION.into();
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

/// A cloud storage system's hardware questions are hidden: answers left in them from before its
/// kind was chosen, firing or not known, give no finding and no question to verify.
#[test]
fn rules_say_nothing_of_a_cloud_storage_systems_hardware() {
    const HARDWARE: [(&str, &str); 13] = [
        ("vendor", r#""NetApp""#),
        ("model", r#""AFF A400""#),
        ("firmware_version", r#""latest""#),
        ("attachment", r#""shared_array""#),
        ("protocols", r#"["iscsi"]"#),
        ("firmware_change_control", "false"),
        ("vendor_compatible", "false"),
        ("veeam_compatible", "false"),
        ("last_firmware_update", r#""2026-10-20""#),
        ("firmware_staged_first", "false"),
        ("controllers", "1"),
        ("controller_failover", "false"),
        ("tenant_qos", "false"),
    ];
    let questionnaire = questionnaire();
    for kind in ["cloud_block", "cloud_file", "cloud_object"] {
        for dont_know in [false, true] {
            let hardware: Vec<String> = HARDWARE
                .iter()
                .map(|(id, value)| {
                    if dont_know {
                        format!(r#""{id}": {{"dont_know": true}}"#)
                    } else {
                        format!(r#""{id}": {{"value": {value}}}"#)
                    }
                })
                .collect();
            let json = format!(
                r#"{{"schema_version": 1,
                    "answers": {{"engagement.as_of": {{"value": "2026-11-01"}},
                                 "storage.snapshot_integration": {{"value": "backup_from_snapshots"}}}},
                    "groups": {{"storage.systems": [{{"name": "cloud", "answers": {{
                    "type": {{"value": "{kind}"}}, "role": {{"value": "backup_target"}},
                    {}}}}}]}}}}"#,
                hardware.join(", ")
            );
            let answers = Answers::from_json(&json, questionnaire).expect("the answers read");
            let assessment = assess_with(&rules(), questionnaire, &answers, &Config::default());
            let about_hardware: Vec<String> = assessment
                .findings
                .iter()
                .filter(|finding| {
                    finding.evidence.iter().any(|evidence| {
                        HARDWARE
                            .iter()
                            .any(|(id, _)| evidence.path == format!("storage.systems[0].{id}"))
                    })
                })
                .map(|finding| format!("{}: {}", finding.rule, finding.message))
                .collect();
            assert!(
                about_hardware.is_empty(),
                "{kind}, don't know {dont_know}: {about_hardware:#?}"
            );
        }
    }
}
