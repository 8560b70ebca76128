//! Issues, to-verify findings and blank questions are three different things: a blank question
//! is never a finding, "I don't know" is a to-verify finding that never counts as an issue, one
//! cause in several items is one finding, and every count matches the list it counts.

mod support;

use intake_core::answers::{Answer, Answers, State};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Assessment, Config, FindingKind, Severity, assess};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn fixture(name: &str) -> Answers {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| *file == format!("{name}.json"))
        .expect("the fixture exists");
    Answers::from_json(&text, questionnaire()).expect("the fixture is valid")
}

fn blank() -> Answers {
    Answers::from_json(r#"{"schema_version": 1}"#, questionnaire()).expect("empty answers read")
}

fn counts_match(assessment: &Assessment) {
    let overall = &assessment.summary.overall;
    for severity in Severity::ALL {
        let listed = assessment
            .issues()
            .filter(|finding| finding.severity == severity)
            .count();
        assert_eq!(assessment.issue_count(severity), listed, "{severity:?}");
    }
    assert_eq!(overall.needs_verification, assessment.to_verify().count());
    assert_eq!(overall.rules_not_assessed, assessment.not_assessed.len());
    let categories: usize = assessment
        .summary
        .categories
        .values()
        .map(|tally| tally.findings.values().sum::<usize>())
        .sum();
    assert_eq!(categories, assessment.issues().count());
}

#[test]
fn a_blank_assessment_has_no_finding_and_lists_what_each_rule_needs() {
    let assessment = assess(questionnaire(), &blank(), &Config::default());
    assert_eq!(assessment.findings, Vec::new());
    assert!(
        assessment.not_assessed.len() > 40,
        "{}",
        assessment.not_assessed.len()
    );
    for rule in &assessment.not_assessed {
        assert!(!rule.needs.is_empty(), "{} needs nothing", rule.rule);
        for need in &rule.needs {
            assert_eq!(need.answer, "Not answered", "{}", rule.rule);
            assert!(
                !need.question.contains('_') && !need.question.contains('.'),
                "{}: the question is named by its label, not its id: {}",
                rule.rule,
                need.question
            );
        }
    }
    let dr = assessment
        .not_assessed
        .iter()
        .find(|rule| rule.rule == "DR-001")
        .expect("DR-001 needs answers");
    assert!(
        dr.needs
            .iter()
            .any(|need| need.path == "engagement.dr_offered"),
        "{dr:?}"
    );
    counts_match(&assessment);
}

#[test]
fn i_dont_know_is_to_verify_in_words_and_never_an_issue() {
    let mut answers = blank();
    answers.answers.insert(
        "platform.vbr_version".to_owned(),
        Answer::stated(State::DontKnow, None),
    );
    let assessment = assess(questionnaire(), &answers, &Config::default());
    let finding = assessment
        .findings
        .iter()
        .find(|finding| finding.rule == "VER-001")
        .expect("VER-001 asks to verify the version");
    assert_eq!(finding.kind, FindingKind::NeedsVerification);
    assert_eq!(assessment.issues().count(), 0);
    assert!(assessment.summary.overall.findings.is_empty());
    assert!(
        finding
            .message
            .contains("Veeam Backup & Replication version"),
        "{}",
        finding.message
    );
    assert!(
        !finding.message.contains("platform."),
        "{}",
        finding.message
    );
    assert_eq!(finding.evidence[0].path, "platform.vbr_version");
    assert_eq!(finding.evidence[0].answer, "I don't know");
    counts_match(&assessment);
}

#[test]
fn a_version_less_precise_than_the_check_needs_is_to_verify_in_words() {
    let answers = |json: &str| Answers::from_json(json, questionnaire()).expect("answers read");
    let assessment = assess(
        questionnaire(),
        &answers(
            r#"{"schema_version": 1, "answers": {"platform.vbr_version": {"value": "12.3"}}}"#,
        ),
        &Config::default(),
    );
    let finding = assessment
        .findings
        .iter()
        .find(|finding| finding.rule == "VER-001")
        .expect("VER-001 asks for the build");
    assert_eq!(finding.kind, FindingKind::NeedsVerification);
    assert_eq!(
        finding.message,
        "Not precise enough: “Veeam Backup & Replication version (full build number)” is \
         “12.3”, and the question asks for 4 numbers, like 12.3.1.1139: known issues and \
         security fixes are per build, so they could not be checked; the build is in Help > \
         About"
    );
    assert_eq!(finding.evidence[0].path, "platform.vbr_version");
    assert_eq!(finding.evidence[0].answer, "12.3");
    assert!(
        !assessment.passed.contains(&"VER-001"),
        "a version without its build does not pass the build check"
    );
    assert_eq!(
        assessment.to_verify().map(|f| f.rule).collect::<Vec<_>>(),
        vec!["VER-001"],
        "the sizing rules need only the major version"
    );
    assert_eq!(assessment.issues().count(), 0);
    counts_match(&assessment);

    let assessment = assess(
        questionnaire(),
        &answers(
            r#"{"schema_version": 1, "answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
                "platform.enterprise_manager_version": {"value": "12.3"}}}"#,
        ),
        &Config::default(),
    );
    let finding = assessment
        .findings
        .iter()
        .find(|finding| finding.rule == "VER-005")
        .expect("VER-005 cannot tell which is newer");
    assert_eq!(finding.kind, FindingKind::NeedsVerification);
    assert_eq!(
        finding.message,
        "Not precise enough: “Veeam Backup Enterprise Manager version” is “12.3”: Enterprise \
         Manager and the backup server could not be compared build by build"
    );
    assert!(assessment.passed.contains(&"VER-001"));
    counts_match(&assessment);
}

#[test]
fn one_cause_in_several_items_is_one_finding_naming_each() {
    let assessment = assess(
        questionnaire(),
        &fixture("small-proxmox"),
        &Config::default(),
    );
    let firmware: Vec<_> = assessment
        .findings
        .iter()
        .filter(|finding| finding.rule == "STO-001")
        .collect();
    assert_eq!(firmware.len(), 1, "{firmware:#?}");
    let finding = firmware[0];
    assert_eq!(finding.occurrences.len(), 3);
    for name in ["pve-zwl-ceph", "pve04-zfs", "nas-ams01"] {
        assert!(finding.message.contains(name), "{}", finding.message);
    }
    assert!(
        finding
            .occurrences
            .iter()
            .all(|occurrence| occurrence.evidence.len() == 1)
    );
    // Two causes of one rule stay two findings.
    let sizing = assessment
        .issues()
        .filter(|finding| finding.rule == "CC-009")
        .count();
    assert_eq!(sizing, 2);
    counts_match(&assessment);
}

#[test]
fn evidence_reads_in_words_and_keeps_the_ids_for_machines() {
    let assessment = assess(
        questionnaire(),
        &fixture("small-proxmox"),
        &Config::default(),
    );
    let repository = assessment
        .findings
        .iter()
        .find(|finding| finding.rule == "REP-001")
        .expect("REP-001 fires");
    let deployment = repository
        .evidence
        .iter()
        .find(|evidence| evidence.path.ends_with(".deployment"))
        .expect("the deployment is evidence");
    assert_eq!(deployment.value, "virtual");
    assert_eq!(deployment.answer, "Virtual machine");
    assert!(
        deployment.question.starts_with("Repository “HR-ZWL-01”: "),
        "{}",
        deployment.question
    );
}

#[test]
fn every_fixture_counts_what_it_lists_and_lists_issues_first() {
    for (name, text) in support::answers_fixtures() {
        let answers = Answers::from_json(&text, questionnaire()).expect("valid");
        let assessment = assess(questionnaire(), &answers, &Config::default());
        counts_match(&assessment);
        let first_to_verify = assessment
            .findings
            .iter()
            .position(|finding| finding.kind == FindingKind::NeedsVerification)
            .unwrap_or(assessment.findings.len());
        assert!(
            assessment.findings[first_to_verify..]
                .iter()
                .all(|finding| finding.kind == FindingKind::NeedsVerification),
            "{name}: an issue after a to-verify finding"
        );
        for finding in &assessment.findings {
            for evidence in &finding.evidence {
                assert!(
                    !evidence.question.contains('['),
                    "{name} {}: {}",
                    finding.rule,
                    evidence.question
                );
            }
        }
    }
}

#[test]
fn the_text_output_says_what_a_grouped_finding_is_and_lists_each_item() {
    let assessment = assess(
        questionnaire(),
        &fixture("small-proxmox"),
        &Config::default(),
    );
    let text = intake_core::rules::render::assessment_text(&assessment);
    let line = text
        .lines()
        .find(|line| line.contains("STO-001"))
        .expect("STO-001 is listed");
    assert!(
        line.contains("bypass change control: 3 storage systems"),
        "{line}"
    );
    let items = text
        .lines()
        .skip_while(|line| !line.contains("STO-001"))
        .skip(1)
        .take_while(|line| line.starts_with(' '))
        .filter(|line| line.trim_start().starts_with("- "))
        .count();
    assert_eq!(items, 3, "{text}");
}
