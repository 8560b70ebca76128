//! No silent unknowns: every answer a rule reads, set to "I don't know", gives a to-verify
//! finding that names it, also when the answer is a condition other questions the rule reads
//! depend on. A rule may not turn an unknown into "not applicable" and say nothing.
//!
//! The walk starts from each rule's vectors that fire or pass (their answers are what the rule
//! reads), and sets each answered question the rule's source names to "I don't know" in turn. A
//! question is named when, in at least one vector, its "I don't know" gives a to-verify finding
//! naming it: in another vector it may rightly not matter (a hardened repository's deployment,
//! in a vector whose repository is not hardened).
// Tests read the rule sources; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

mod support;

use intake_core::answers::{Answer, Answers, State};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Config, Expect, FindingKind, assess_with, rules, vectors};

/// Questions a rule reads whose "I don't know" rightly gives no finding naming them, and why:
/// (rule, question, reason); a group member is written `section.group[].member`.
/// Why the evidence rules say nothing of an answer not known.
const EVIDENCE_SILENT: &str = "an evidence rule compares an answer with a collector's export: \
    \"don't know\" claims nothing to contradict; the import offers the export's value for it, and \
    the rule that judges the answer asks for it";

const SILENT_BY_DESIGN: &[(&str, &str, &str)] = &[
    (
        "CC-002",
        "cloud_connect.gateways[].public_ip",
        "only names the address in the message; the verdict comes from the gateway's DNS name",
    ),
    (
        "CC-005",
        "cloud_connect.tenant_port",
        "only names the port in the message",
    ),
    (
        "CC-012",
        "certificates.certificates[].used_for",
        "only decides whether CRT-003 judges a listed gateway certificate instead; when it is not known CC-012 judges from the Cloud Connect certificate type, and CRT-003 asks for it",
    ),
    (
        "CC-012",
        "certificates.certificates[].issuer_type",
        "only decides whether CRT-003 judges a listed gateway certificate instead; when it is not known CC-012 judges from the Cloud Connect certificate type, and CRT-003 asks for it",
    ),
    ("EVD-001", "platform.vbr_version", EVIDENCE_SILENT),
    (
        "EVD-003",
        "repositories.repositories[].immutability_days",
        EVIDENCE_SILENT,
    ),
    (
        "EVD-003",
        "repositories.repositories[].type",
        EVIDENCE_SILENT,
    ),
    (
        "EVD-004",
        "platform.config_backup_encrypted",
        EVIDENCE_SILENT,
    ),
    ("EVD-004", "security.mfa_console", EVIDENCE_SILENT),
    (
        "DR-002",
        "dr.last_test_issues",
        "a free-text description, only shown as evidence",
    ),
    (
        "NET-001",
        "network.links[].from_site",
        "only names the link in the message",
    ),
    (
        "NET-001",
        "network.links[].to_site",
        "only names the link in the message",
    ),
    (
        "NET-003",
        "network.links[].carrier",
        "only names the carrier in the message",
    ),
    (
        "VER-004",
        "compute.clusters[].platform",
        "only names the platform in the message; the verdict is the support list answer",
    ),
    (
        "VER-004",
        "compute.clusters[].hypervisor_version",
        "only names the version in the message; the verdict is the support list answer",
    ),
    (
        "REP-009",
        "repositories.repositories[].type",
        "the type only names the repository in the message; the verdict is its free space",
    ),
    (
        "SIZ-004",
        "platform.backup_server_os",
        "the operating system only adds a remark to the message; the verdict is high \
         availability",
    ),
    (
        "STO-001",
        "storage.systems[].model",
        "the model only names the system in the message",
    ),
    (
        "STO-001",
        "storage.systems[].vendor",
        "the vendor only names the system in the message",
    ),
    (
        "STO-008",
        "windows.maintenance_windows[].automated",
        "whether the update runs unattended only adds a remark to the message",
    ),
    (
        "TEN-001",
        "engagement.services",
        "services not known count as offered: the rule checks the tiers rather than skipping",
    ),
    (
        "TEN-003",
        "engagement.services",
        "services not known count as offered: the rule checks the tiers rather than skipping",
    ),
    (
        "TEN-006",
        "engagement.services",
        "services not known count as offered: the rule checks the tiers rather than skipping",
    ),
    (
        "TEN-008",
        "engagement.services",
        "services not known count as offered: the rule checks the watch rather than skipping",
    ),
    (
        "TEN-001",
        "tenancy.tiers[].tenants",
        "the tenant count only names the tier in the message",
    ),
    (
        "TEN-006",
        "tenancy.tiers[].tenants",
        "the tenant count only names the tier in the message",
    ),
    (
        "TEN-004",
        "engagement.tenant_count",
        "the total only adds \"of N\" to the message; the verdict is the unlimited tenants",
    ),
    (
        "TEN-007",
        "tenancy.tiers[].storage_quota_gb",
        "a quota not known counts as a quota in use: the rule still checks that quotas are \
         watched (TEN-003 asks for the quota)",
    ),
    (
        "TEN-008",
        "tenancy.tiers[].lease_length",
        "a lease not known counts as a lease in use: the rule still checks that leases are \
         watched",
    ),
];

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"))
}

/// The source of each rule: its own file and its category's shared helpers.
fn rule_sources(id: &str) -> String {
    let sources = support::files_under(&support::repository_path("crates/core/src/rules"), "rs");
    let declaration = format!("id: \"{id}\",");
    let Some((file, own)) = sources
        .iter()
        .find(|(_, source)| source.contains(&declaration))
    else {
        panic!("{id}: no source declares it");
    };
    let folder = file.rsplit_once('/').map_or("", |(folder, _)| folder);
    let shared = sources
        .iter()
        .find(|(path, _)| *path == format!("{folder}/mod.rs"))
        .map_or("", |(_, source)| source.as_str());
    without_raw_strings(&format!("{own}\n{shared}"))
}

/// Source code without its raw string literals (`r#"..."#`): the vectors' answers name questions
/// the rule may not read.
fn without_raw_strings(source: &str) -> String {
    let mut code = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("r#\"") {
        code.push_str(&rest[..start]);
        rest = rest[start + 3..]
            .split_once("\"#")
            .map_or("", |(_, after)| after);
    }
    code.push_str(rest);
    code
}

/// Every answered question of a set of answers, by path.
fn answered_paths(answers: &Answers) -> Vec<String> {
    let mut paths: Vec<String> = answers.answers.keys().cloned().collect();
    for (group, items) in &answers.groups {
        for (index, item) in items.iter().enumerate() {
            paths.extend(
                item.answers
                    .keys()
                    .map(|local| format!("{group}[{index}].{local}")),
            );
        }
    }
    paths
}

/// The answers with the question at `path` answered "I don't know".
fn unknown_at(answers: &Answers, path: &str) -> Answers {
    let mut changed = answers.clone();
    let dont_know = Answer::stated(State::DontKnow, None);
    match path.split_once('[') {
        None => {
            changed.answers.insert(path.to_owned(), dont_know);
        }
        Some((group, rest)) => {
            let (index, local) = rest.split_once("].").expect("a member path");
            let index: usize = index.parse().expect("an item index");
            let item = &mut changed.groups.get_mut(group).expect("the group")[index];
            item.answers.insert(local.to_owned(), dont_know);
        }
    }
    changed
}

#[test]
fn every_answer_a_rule_reads_set_to_dont_know_is_named_by_a_to_verify_finding() {
    let questionnaire = questionnaire();
    let config = Config::default();
    // (rule, question with item indexes left out) -> named in some vector
    let mut named_in_some: std::collections::BTreeMap<(String, String), bool> =
        std::collections::BTreeMap::new();
    let mut walked = 0;
    for rule in rules() {
        let source = rule_sources(rule.id);
        for vector in vectors(rule.id) {
            if !matches!(vector.expect, Expect::Fires | Expect::Passes) {
                continue;
            }
            let mut json: serde_json::Value =
                serde_json::from_str(vector.answers).expect("a vector's answers");
            json["schema_version"] = intake_core::answers::SCHEMA_VERSION.into();
            let answers = Answers::from_json(&json.to_string(), questionnaire)
                .unwrap_or_else(|error| panic!("{}: {error}", rule.id));
            for path in answered_paths(&answers) {
                let local = path
                    .rsplit_once('.')
                    .map_or(path.as_str(), |(_, local)| local);
                let plain = !path.contains('[');
                let read = if plain {
                    source.contains(&format!("\"{path}\""))
                } else {
                    source.contains(&format!("\"{local}\""))
                };
                if !read {
                    continue;
                }
                walked += 1;
                let assessment = assess_with(
                    &[rule],
                    questionnaire,
                    &unknown_at(&answers, &path),
                    &config,
                );
                let named = assessment.findings.iter().any(|finding| {
                    finding.kind == FindingKind::NeedsVerification
                        && finding
                            .evidence
                            .iter()
                            .chain(finding.occurrences.iter().flat_map(|o| &o.evidence))
                            .any(|evidence| evidence.path == path)
                });
                let question = match path.split_once('[') {
                    Some((group, _)) => format!("{group}[].{local}"),
                    None => path.clone(),
                };
                *named_in_some
                    .entry((rule.id.to_owned(), question))
                    .or_default() |= named;
            }
        }
    }
    let silent: Vec<String> = named_in_some
        .into_iter()
        .filter(|((rule, question), named)| {
            !named
                && !SILENT_BY_DESIGN
                    .iter()
                    .any(|(id, excused, _)| id == rule && excused == question)
        })
        .map(|((rule, question), _)| format!("{rule} {question}"))
        .collect();
    assert!(walked > 200, "the walk read only {walked} answers");
    assert!(
        silent.is_empty(),
        "{} answers a rule reads go silent when unknown:\n{}",
        silent.len(),
        silent.join("\n")
    );
}
