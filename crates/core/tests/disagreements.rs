//! Where the partner's answers and the collectors' exports disagree (the evidence rules, EVD-…),
//! over generated exports (`crates/exports`): every answer an export contradicts is one finding of
//! one rule, naming the answer, who gave it and the export's row; MTU, immutability and the
//! gateways compared as the questionnaire asks them; and evidence too old to trust.
#![cfg(not(target_arch = "wasm32"))]

use collector_exports::{Backup, Headers, Inventory, healthcheck, rvtools};
use intake_core::answers::{Answers, State, Value};
use intake_core::evidence::map::{Change, Proposal, apply, propose};
use intake_core::evidence::{self, Evidence};
use intake_core::questionnaire::{Kind, Questionnaire};
use intake_core::rules::{Assessment, Config, Finding, FindingKind, assess};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("builtin")
}

/// An RVTools export of 20 hosts and a Healthcheck folder, read and merged.
fn collected() -> Evidence {
    let bytes = rvtools::rvtools(&Inventory::sized(20, 300), Headers::Mib).expect("written");
    let mut evidence = evidence::read("RVTools_export_all.xlsx", &bytes).expect("read");
    let files = healthcheck::healthcheck(&Backup::sized(3, 4, 5, 10));
    evidence.merge(evidence::healthcheck::read_files("vHC", &files).expect("read"));
    evidence
}

fn answers(json: &str) -> Answers {
    Answers::from_json(json, questionnaire()).expect("answers read")
}

fn evidence_findings(assessment: &Assessment) -> Vec<&Finding> {
    assessment
        .findings
        .iter()
        .filter(|finding| finding.rule.starts_with("EVD-"))
        .collect()
}

/// Every message of a finding: its own, or each item's when it groups several.
fn messages(finding: &Finding) -> Vec<&str> {
    if finding.occurrences.is_empty() {
        vec![finding.message.as_str()]
    } else {
        finding
            .occurrences
            .iter()
            .map(|o| o.message.as_str())
            .collect()
    }
}

/// Another value of the same kind, so that the answer says otherwise than the export.
fn other(questionnaire: &Questionnaire, proposal: &Proposal) -> Option<Value> {
    let question = questionnaire.question(&proposal.question)?;
    Some(match (&proposal.value, &question.kind) {
        (Value::Integer(n), _) => Value::Integer(n * 2 + 3),
        (Value::Decimal(n), _) => Value::Decimal(n * 2.0 + 3.0),
        (Value::Bool(b), _) => Value::Bool(!b),
        (Value::Text(_), Kind::Version) => Value::Text("7.0.3.21930508".to_owned()),
        (Value::Text(text), Kind::SingleChoice(choices)) => Value::Text(
            choices
                .iter()
                .find(|choice| &choice.id != text)
                .map(|choice| choice.id.clone())?,
        ),
        (Value::Text(_), Kind::IpAddress) => Value::Text("198.51.100.77".to_owned()),
        (Value::Text(_), Kind::Fqdn) => Value::Text("other.example.org".to_owned()),
        _ => return None,
    })
}

#[test]
fn every_answer_an_export_contradicts_is_one_finding_naming_both_sides() {
    let questionnaire = questionnaire();
    let evidence = collected();
    let everything = propose(questionnaire, &Answers::default(), &evidence);
    let applied = apply(
        &Answers::default(),
        &evidence,
        &everything.iter().collect::<Vec<_>>(),
    );
    // Answers taken from the export agree with it.
    let agreeing = assess(questionnaire, &applied, &Config::default());
    let disagreements: Vec<String> = evidence_findings(&agreeing)
        .iter()
        .filter(|f| !matches!(f.rule, "EVD-002" | "EVD-003" | "EVD-007"))
        .map(|f| f.message.clone())
        .collect();
    assert!(disagreements.is_empty(), "{disagreements:#?}");

    // Every answer changed to something else, as a partner would have typed it.
    let mut stated = applied.clone();
    let mut changed = 0;
    for proposal in &everything {
        let Some(value) = other(questionnaire, proposal) else {
            continue;
        };
        let answer = match &proposal.item {
            None => stated.answers.get_mut(&proposal.question),
            Some(name) => {
                let (group, short) = proposal.question.rsplit_once('.').expect("a member");
                stated
                    .groups
                    .get_mut(group)
                    .and_then(|items| items.iter_mut().find(|item| &item.name == name))
                    .and_then(|item| item.answers.get_mut(short))
            }
        };
        let answer = answer.expect("applied");
        *answer = intake_core::answers::Answer::stated(State::Value(value), None);
        changed += 1;
    }
    assert!(changed > 40, "only {changed} answers changed");
    let differing: Vec<Proposal> = propose(questionnaire, &stated, &evidence)
        .into_iter()
        .filter(|p| matches!(p.change, Change::Differs { .. }))
        .collect();
    let assessment = assess(questionnaire, &stated, &Config::default());
    let findings = evidence_findings(&assessment);
    let said: Vec<&str> = findings.iter().flat_map(|f| messages(f)).collect();
    for proposal in &differing {
        let question = proposal.question_words(questionnaire);
        let about: Vec<&&str> = said
            .iter()
            .filter(|m| m.starts_with(&format!("{question}: the answer is")))
            .collect();
        assert_eq!(about.len(), 1, "{question}: {about:#?}");
        let message = about[0];
        assert!(message.contains("stated by the partner"), "{message}");
        assert!(
            message.contains(&proposal.from.table) && message.contains(&proposal.fact),
            "{message} does not name {} and {}",
            proposal.from.table,
            proposal.fact
        );
    }
    // Every answer changed differs from the export.
    assert_eq!(differing.len(), changed);
    // Each finding's evidence has the answer and the export's row.
    for finding in &findings {
        let evidence = finding
            .evidence
            .iter()
            .chain(finding.occurrences.iter().flat_map(|o| &o.evidence));
        let paths: Vec<&str> = evidence.map(|e| e.path.as_str()).collect();
        assert!(
            paths.iter().any(|p| p.starts_with("evidence/")),
            "{}: {paths:?}",
            finding.rule
        );
    }
    // Versions, security and sizing each have their own rule.
    let rules: std::collections::BTreeSet<&str> = findings.iter().map(|f| f.rule).collect();
    for rule in ["EVD-001", "EVD-003", "EVD-004", "EVD-005", "EVD-006"] {
        assert!(rules.contains(rule), "{rule} found nothing: {rules:?}");
    }
}

#[test]
fn links_answered_at_1500_while_the_hosts_carry_jumbo_frames_disagree() {
    let evidence = collected();
    let stated = apply(
        &answers(
            r#"{"schema_version": 3, "groups": {"network.links": [
                {"name": "AMS1-AMS2 dark fibre", "answers": {
                  "mtu_near": {"value": 1500}, "mtu_far": {"value": 1500}}}]}}"#,
        ),
        &evidence,
        &[],
    );
    let assessment = assess(questionnaire(), &stated, &Config::default());
    let finding = assessment
        .findings
        .iter()
        .find(|f| f.rule == "EVD-002")
        .expect("EVD-002 fires");
    assert_eq!(finding.kind, FindingKind::Issue);
    assert!(
        finding.message.starts_with(
            "Every link is answered with an MTU of 1500 bytes or less (AMS1-AMS2 dark fibre)"
        ),
        "{}",
        finding.message
    );
    assert!(
        finding.message.contains("(9000 bytes)"),
        "{}",
        finding.message
    );
    let rows: Vec<&str> = finding
        .evidence
        .iter()
        .filter(|e| e.path.starts_with("evidence/"))
        .map(|e| e.question.as_str())
        .collect();
    assert!(!rows.is_empty() && rows.len() <= 5, "{rows:?}");
    assert!(
        rows.iter().all(
            |r| r.starts_with("RVTools (RVTools_export_all.xlsx, sheet ")
                && r.ends_with("; collected 2026-11-20 14:03)")
        ),
        "{rows:?}"
    );
    assert!(
        finding
            .evidence
            .iter()
            .any(|e| e.path == "network.links[0].mtu_near"
                && e.question == "Link “AMS1-AMS2 dark fibre”: MTU at the near (from) end")
    );

    // Answered with jumbo frames, as the hosts are: agreed.
    let agreeing = apply(
        &answers(
            r#"{"schema_version": 3, "groups": {"network.links": [
                {"name": "AMS1-AMS2 dark fibre", "answers": {
                  "mtu_near": {"value": 9000}, "mtu_far": {"value": 9000}}}]}}"#,
        ),
        &evidence,
        &[],
    );
    let assessment = assess(questionnaire(), &agreeing, &Config::default());
    assert!(assessment.passed.contains(&"EVD-002"));
}

#[test]
fn a_repository_answered_immutable_that_is_not_is_critical() {
    let mut evidence = collected();
    let repository = evidence
        .repositories
        .iter_mut()
        .find(|r| r.immutable == Some(true))
        .expect("an immutable repository");
    repository.immutable = Some(false);
    let name = repository.name.clone();
    let stated = apply(
        &answers(&format!(
            r#"{{"schema_version": 3, "groups": {{"repositories.repositories": [
                {{"name": "{name}", "answers": {{
                  "type": {{"value": "hardened_linux"}},
                  "immutability_days": {{"value": 30}}}}}}]}}}}"#
        )),
        &evidence,
        &[],
    );
    let assessment = assess(questionnaire(), &stated, &Config::default());
    let finding = assessment
        .findings
        .iter()
        .find(|f| f.rule == "EVD-003")
        .expect("EVD-003 fires");
    assert_eq!(finding.severity, intake_core::rules::Severity::Critical);
    assert!(
        finding.message.starts_with(&format!(
            "Repository “{name}” is answered with an immutability period of 30 days, but Veeam \
             Healthcheck (vHC, localhost_Repositories.csv, row "
        )),
        "{}",
        finding.message
    );
    assert!(finding.message.contains("IsImmutabilitySupported: False"));
}

#[test]
fn three_gateways_answered_and_two_configured_names_the_one_missing() {
    let evidence = collected();
    let stated = apply(
        &answers(
            r#"{"schema_version": 3,
                "answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                "groups": {"cloud_connect.gateways": [
                  {"name": "cc-gw01", "answers": {}}, {"name": "cc-gw02", "answers": {}},
                  {"name": "cc-gw03", "answers": {}}]}}"#,
        ),
        &evidence,
        &[],
    );
    let assessment = assess(questionnaire(), &stated, &Config::default());
    let messages: Vec<&str> = assessment
        .findings
        .iter()
        .filter(|f| f.rule == "EVD-005")
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.starts_with(
            "3 gateways are answered (cc-gw01, cc-gw02 and cc-gw03), and Veeam Healthcheck (vHC, \
             localhost_CloudGateways.csv, row 2"
        ) && m.ends_with(
            "lists 2 (cc-gw01.ams1.example.net and cc-gw02.ams1.example.net): cc-gw03 is not \
             configured on the backup server"
        )),
        "{messages:#?}"
    );
}

#[test]
fn an_export_older_than_the_limit_asks_for_a_new_one() {
    let evidence = collected();
    let stated = apply(
        &answers(
            r#"{"schema_version": 3, "answers": {"engagement.as_of": {"value": "2027-01-15"}}}"#,
        ),
        &evidence,
        &[],
    );
    let assessment = assess(questionnaire(), &stated, &Config::default());
    let old: Vec<&str> = assessment
        .findings
        .iter()
        .filter(|f| f.rule == "EVD-007")
        .flat_map(messages)
        .collect();
    assert!(
        old.iter().any(|m| m.starts_with(
            "The RVTools export “RVTools_export_all.xlsx” was collected on 2026-11-20, 56 days \
             before 2027-01-15: more than 30 days ago"
        )),
        "{old:#?}"
    );
    let patient = Config {
        evidence_max_age_days: 90,
        ..Config::default()
    };
    let assessment = assess(questionnaire(), &stated, &patient);
    assert!(assessment.findings.iter().all(|f| f.rule != "EVD-007"));
    assert!(assessment.passed.contains(&"EVD-007"));
}

#[test]
fn without_evidence_the_evidence_rules_say_nothing() {
    let assessment = assess(questionnaire(), &Answers::default(), &Config::default());
    let tally = &assessment.summary.categories["evidence"];
    assert_eq!(tally.rules_not_applicable, 7, "{tally:?}");
    assert!(evidence_findings(&assessment).is_empty());
}
