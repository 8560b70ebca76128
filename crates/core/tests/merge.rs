//! Answers from several people merged: what is added, what is filled, every kind of conflict and
//! which side it keeps, group items matched by name (then by position), and where each side's
//! answer came from.

mod support;

use intake_core::answers::Answers;
use intake_core::merge::{ConflictKind, Prefer, merge, merge_all};
use intake_core::questionnaire::Questionnaire;
use serde_json::{Value, json};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn answers(json: &Value) -> Answers {
    let mut json = json.clone();
    json["schema_version"] = intake_core::answers::SCHEMA_VERSION.into();
    Answers::from_json(&json.to_string(), questionnaire()).expect("valid answers")
}

fn large() -> Value {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| file == "large-provider.json")
        .expect("the fixture exists");
    serde_json::from_str(&text).expect("JSON")
}

/// The part of `json` whose question ids start with `prefix`, or all the rest.
fn part(json: &Value, prefix: &str, keep: bool) -> Value {
    let pick = |map: &Value| -> Value {
        Value::Object(
            map.as_object()
                .expect("an object")
                .iter()
                .filter(|(id, _)| id.starts_with(prefix) == keep)
                .map(|(id, value)| (id.clone(), value.clone()))
                .collect(),
        )
    };
    json!({"answers": pick(&json["answers"]), "groups": pick(&json["groups"])})
}

#[test]
fn sections_answered_by_different_teams_merge_back_into_the_whole() {
    let whole = large();
    let platform_team = part(&whole, "network.", false);
    let network_team = part(&whole, "network.", true);
    let merged = merge(
        questionnaire(),
        &answers(&platform_team),
        &answers(&network_team),
        None,
    );
    assert_eq!(merged.answers, answers(&whole));
    let report = &merged.report;
    assert!(report.conflicts.is_empty() && report.filled.is_empty());
    let links = whole["groups"]["network.links"]
        .as_array()
        .expect("links")
        .len();
    assert_eq!(report.items_added.len(), links);
    assert_eq!(
        report.added.len(),
        whole["answers"]
            .as_object()
            .expect("answers")
            .keys()
            .filter(|id| id.starts_with("network."))
            .count()
    );
    assert!(!report.needs_a_person());
}

#[test]
fn each_kind_of_conflict_is_listed_with_both_sides_and_the_base_kept_unless_told() {
    let base = answers(&json!({"answers": {
        "platform.vbr_version": {"value": "12.3.1.1139"},
        "dr.runbook": {"value": true},
        "platform.vspc_version": {"not_applicable": "No VSPC"},
        "platform.veeam_one": {"value": true, "note": "since 2024"},
        "platform.backup_server_cores": {"dont_know": true},
        "platform.backup_server_ram_gb": {"value": 64},
    }}));
    let other = answers(&json!({"answers": {
        "platform.vbr_version": {"value": "12.3.2.3617"},
        "dr.runbook": {"not_applicable": "We offer no DR"},
        "platform.vspc_version": {"not_applicable": "Tenants use the portal of another provider"},
        "platform.veeam_one": {"value": true, "note": "monitors AMS only"},
        "platform.backup_server_cores": {"value": 16},
        "platform.backup_server_ram_gb": {"dont_know": true},
        "platform.config_db_engine": {"value": "postgresql_separate"},
    }}));
    let merged = merge(questionnaire(), &base, &other, None);
    let kinds: Vec<(&str, ConflictKind)> = merged
        .report
        .conflicts
        .iter()
        .map(|c| (c.path.as_str(), c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("dr.runbook", ConflictKind::ValueAndNotApplicable),
            ("platform.vbr_version", ConflictKind::Values),
            ("platform.veeam_one", ConflictKind::Notes),
            ("platform.vspc_version", ConflictKind::Reasons),
        ]
    );
    let version = &merged.report.conflicts[1];
    assert_eq!(version.base, "12.3.1.1139");
    assert_eq!(version.other, "12.3.2.3617");
    assert_eq!(version.kept, Prefer::Base);
    assert_eq!(
        version.question,
        "Veeam Backup & Replication version (full build number)"
    );
    assert_eq!(merged.answers.answers, {
        let mut expected = base.answers.clone();
        // Filled: the base did not know the cores.
        expected.insert(
            "platform.backup_server_cores".to_owned(),
            other.answers["platform.backup_server_cores"].clone(),
        );
        // Added: only the other answered the database.
        expected.insert(
            "platform.config_db_engine".to_owned(),
            other.answers["platform.config_db_engine"].clone(),
        );
        expected
    });
    assert_eq!(merged.report.filled.len(), 1);
    assert_eq!(merged.report.filled[0].instead_of, "I don't know");
    assert_eq!(merged.report.added.len(), 1);
    assert!(merged.report.needs_a_person());

    // Told to prefer the other: its answers win every conflict, still listed.
    let theirs = merge(questionnaire(), &base, &other, Some(Prefer::Other));
    assert_eq!(theirs.report.conflicts.len(), 4);
    assert!(
        theirs
            .report
            .conflicts
            .iter()
            .all(|c| c.kept == Prefer::Other)
    );
    assert_eq!(
        theirs.answers.answers["platform.vbr_version"],
        other.answers["platform.vbr_version"]
    );
    // The RAM the base knew stays: "I don't know" never overwrites an answer.
    assert_eq!(
        theirs.answers.answers["platform.backup_server_ram_gb"],
        base.answers["platform.backup_server_ram_gb"]
    );
}

#[test]
fn items_are_matched_by_name_then_by_position_and_the_matches_are_listed() {
    let base = answers(&json!({"groups": {"network.links": [
        {"name": "AMS1-FRA1", "answers": {"mtu_near": {"value": 9000}}},
        {"name": "", "answers": {"mtu_near": {"value": 1500}}},
        {"name": "PAR1-FRA1", "answers": {}},
    ]}}));
    let other = answers(&json!({"groups": {"network.links": [
        {"name": " ams1-fra1 ", "answers": {"mtu_far": {"value": 1500}}},
        {"name": "AMS2-PAR1", "answers": {"mtu_far": {"value": 1500}}},
        {"name": "PAR1-FRA1", "answers": {"mtu_near": {"value": 1400}}},
    ]}}));
    let merged = merge(questionnaire(), &base, &other, None);
    let links = &merged.answers.groups["network.links"];
    // By name, whatever the case and spaces: the far end added to AMS1-FRA1.
    assert_eq!(links[0].name, "AMS1-FRA1");
    assert_eq!(links[0].answers.len(), 2);
    // The unnamed link of the base takes the other's second by position, and its name.
    assert_eq!(links[1].name, "AMS2-PAR1");
    assert_eq!(links[1].answers.len(), 2);
    assert_eq!(links[2].answers.len(), 1);
    assert_eq!(links.len(), 3);
    let matched: Vec<(&str, &str, bool)> = merged
        .report
        .items_matched
        .iter()
        .map(|m| (m.base.as_str(), m.other.as_str(), m.by_position))
        .collect();
    assert_eq!(
        matched,
        [("AMS1-FRA1", " ams1-fra1 ", false), ("", "AMS2-PAR1", true)]
    );
    assert!(merged.report.items_added.is_empty());
    assert_eq!(
        merged.report.added[0].question,
        "Link “AMS1-FRA1”: MTU at the far (to) end"
    );

    // Named differently on both sides: a new item, not a merge.
    let another = answers(&json!({"groups": {"network.links": [
        {"name": "FRA1-PAR1 backup", "answers": {"mtu_far": {"value": 1500}}},
    ]}}));
    let merged = merge(questionnaire(), &base, &another, None);
    assert_eq!(merged.answers.groups["network.links"].len(), 4);
    assert_eq!(
        merged.report.items_added,
        ["Network links carrying backup, replication or tenant traffic: FRA1-PAR1 backup"]
    );
}

#[test]
fn a_conflict_says_where_each_answer_came_from_and_several_files_merge_in_turn() {
    let imported = Answers::from_json(
        &serde_json::to_string(
            &serde_json::from_str::<Value>(include_str!(
                "../../../tests/fixtures/drafts/v5/imported-answer.json"
            ))
            .expect("JSON")["answers"],
        )
        .expect("JSON"),
        questionnaire(),
    )
    .expect("the draft's answers");
    let stated = answers(&json!({"answers": {"security.mfa_console": {"value": false}}}));
    let merged = merge(questionnaire(), &imported, &stated, None);
    let [conflict] = merged.report.conflicts.as_slice() else {
        panic!("{:#?}", merged.report.conflicts);
    };
    assert!(
        conflict
            .base
            .starts_with("Yes (note: was off until October) [Imported from Veeam Healthcheck"),
        "{}",
        conflict.base
    );
    assert_eq!(conflict.other, "No");

    let network =
        answers(&json!({"answers": {"network.ntp_source": {"value": "ntp.example.net"}}}));
    let storage = answers(&json!({"answers": {"storage.snapshot_integration": {"value": "none"}}}));
    let all = merge_all(questionnaire(), &imported, &[&network, &storage], None);
    assert_eq!(all.report.added.len(), 2);
    assert_eq!(
        all.report.summary(),
        "2 answers added, 0 filled, 0 items added, 0 conflicts"
    );
}

#[test]
fn a_handed_out_section_comes_back_and_merges_into_the_whole() {
    let whole = answers(&large());
    let handed = intake_core::merge::hand_out(&whole, &["network"]);
    assert!(
        handed
            .answers
            .keys()
            .all(|id| id.starts_with("network.") || id.starts_with("engagement."))
    );
    assert!(
        handed
            .groups
            .keys()
            .all(|id| id.starts_with("network.") || id.starts_with("engagement."))
    );
    assert_eq!(
        handed.groups["network.links"],
        whole.groups["network.links"]
    );
    assert_eq!(
        handed.answers["engagement.partner_name"],
        whole.answers["engagement.partner_name"]
    );
    assert!(handed.evidence.is_none());
    // The colleague changes one MTU and sends it back: one conflict, nothing else.
    let mut back = handed.clone();
    if let Some(link) = back
        .groups
        .get_mut("network.links")
        .and_then(|links| links.get_mut(3))
    {
        link.answers.insert(
            "mtu_far".to_owned(),
            intake_core::answers::Answer::value(intake_core::answers::Value::Integer(9000)),
        );
    }
    let merged = merge(questionnaire(), &whole, &back, Some(Prefer::Other));
    assert_eq!(merged.report.conflicts.len(), 1);
    assert!(merged.report.added.is_empty() && merged.report.items_added.is_empty());
    assert_eq!(
        merged.answers.groups["network.links"][3].answers["mtu_far"],
        back.groups["network.links"][3].answers["mtu_far"]
    );
}

/// The app's merge: every change laid out by section for a person to take or leave one by one,
/// and the other's items paired as a person corrects them.
#[test]
fn a_plan_lists_each_change_by_section_and_applies_only_what_is_taken() {
    use intake_core::merge::{ChangeKind, Chosen, plan};
    let base = answers(&json!({
        "answers": {
            "platform.vbr_version": {"value": "12.3.1.1139"},
            "dr.runbook": {"dont_know": true},
            "security.mfa_console": {"value": true},
        },
        "groups": {"network.links": [
            {"name": "AMS1-FRA1", "answers": {"mtu_near": {"value": 9000}}},
            {"name": "PAR1-FRA1", "answers": {}},
        ]},
    }));
    let other = answers(&json!({
        "answers": {
            "platform.vbr_version": {"value": "12.3.2.3617"},
            "dr.runbook": {"value": true},
            "security.mfa_console": {"value": true, "note": "since October"},
            "network.ntp_source": {"value": "ntp1.noordkaap.nl"},
        },
        "groups": {"network.links": [
            {"name": "ams1-fra1", "answers": {"mtu_near": {"value": 1500}}},
            {"name": "PAR1-FRA1 (new)", "answers": {"mtu_far": {"value": 1400}}},
        ]},
    }));
    let q = questionnaire();
    let laid_out = plan(q, &base, &other, &Chosen::new());
    let kinds: Vec<(&str, &str, ChangeKind)> = laid_out
        .changes
        .iter()
        .map(|c| (c.section.as_str(), c.path.as_str(), c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("dr", "dr.runbook", ChangeKind::Filled),
            ("network", "network.ntp_source", ChangeKind::Added),
            (
                "platform",
                "platform.vbr_version",
                ChangeKind::Conflict(ConflictKind::Values)
            ),
            ("security", "security.mfa_console", ChangeKind::Note),
            (
                "network",
                "network.links[AMS1-FRA1].mtu_near",
                ChangeKind::Conflict(ConflictKind::Values)
            ),
            (
                "network",
                "network.links[PAR1-FRA1 (new)]",
                ChangeKind::Item
            ),
        ]
    );
    let version = &laid_out.changes[2];
    assert_eq!(
        (version.base.as_str(), version.other.as_str()),
        ("12.3.1.1139", "12.3.2.3617")
    );
    // A new item reads as the item, with its answers in words.
    let new_link = &laid_out.changes[5];
    assert_eq!(new_link.question, "Link “PAR1-FRA1 (new)”");
    assert_eq!(new_link.other, "MTU at the far (to) end: 1400 bytes");

    // Taking only the version's conflict and the new item changes those and nothing else.
    let taken = laid_out.apply(&base, &other, |index, _| index == 2 || index == 5);
    assert_eq!(
        taken.answers["platform.vbr_version"],
        other.answers["platform.vbr_version"]
    );
    assert_eq!(taken.answers["dr.runbook"], base.answers["dr.runbook"]);
    assert!(!taken.answers.contains_key("network.ntp_source"));
    let links = &taken.groups["network.links"];
    assert_eq!(links.len(), 3);
    assert_eq!(links[0].answers, base.groups["network.links"][0].answers);
    assert_eq!(links[2].name, "PAR1-FRA1 (new)");

    // Taking a whole section: the network's changes only.
    let network = laid_out.apply(&base, &other, |_, change| change.section == "network");
    assert_eq!(
        network.answers["network.ntp_source"],
        other.answers["network.ntp_source"]
    );
    assert_eq!(
        network.groups["network.links"][0].answers["mtu_near"],
        other.groups["network.links"][0].answers["mtu_near"]
    );
    assert_eq!(
        network.answers["platform.vbr_version"],
        base.answers["platform.vbr_version"]
    );

    // The person pairs the renamed link with the base's PAR1-FRA1: its far end is then added to
    // that item rather than a new one, and the pairing says it was chosen.
    let mut chosen = Chosen::new();
    chosen.insert(("network.links".to_owned(), 1), Some(1));
    let paired = plan(q, &base, &other, &chosen);
    let pairing = paired
        .pairings
        .iter()
        .find(|p| p.other == 1)
        .expect("the second link");
    assert_eq!((pairing.base, pairing.by_position), (Some(1), true));
    assert_eq!(pairing.base_name, "PAR1-FRA1");
    let far = paired
        .changes
        .iter()
        .position(|c| c.path == "network.links[PAR1-FRA1].mtu_far")
        .expect("the far end, added to the base's item");
    assert_eq!(paired.changes[far].kind, ChangeKind::Added);
    assert!(!paired.changes.iter().any(|c| c.kind == ChangeKind::Item));
    let all = paired.apply(&base, &other, |_, _| true);
    assert_eq!(all.groups["network.links"].len(), 2);
    assert_eq!(all.groups["network.links"][1].name, "PAR1-FRA1");
    assert_eq!(all.groups["network.links"][1].answers.len(), 1);

    // Or adds the first as a new item instead of merging it into AMS1-FRA1.
    let mut apart = Chosen::new();
    apart.insert(("network.links".to_owned(), 0), None);
    let separate = plan(q, &base, &other, &apart);
    assert_eq!(
        separate
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Item)
            .count(),
        2
    );
}
