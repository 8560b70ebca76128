//! What does not show with a given set of answers: the paths the app hides and never asks about.

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::relevance::Relevance;

fn hidden(json: &str) -> std::collections::HashSet<String> {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let answers = Answers::from_json(json, questionnaire).expect("the answers read");
    Relevance::new(questionnaire, &answers).hidden_paths()
}

#[test]
fn a_question_hides_until_its_condition_holds() {
    let without = hidden(
        r#"{"schema_version": 2, "answers": {"engagement.platforms": {"value": ["hyperv"]}}}"#,
    );
    assert!(without.contains("compute.kubernetes_backup"), "{without:?}");
    assert!(without.contains("compute.vcd_version"), "{without:?}");
    let with = hidden(
        r#"{"schema_version": 2, "answers": {"engagement.platforms": {"value": ["vmware_vsphere", "openshift"]}}}"#,
    );
    assert!(!with.contains("compute.kubernetes_backup"), "{with:?}");
    assert!(!with.contains("compute.kubernetes_versions"), "{with:?}");
    assert!(!with.contains("compute.vcd_version"), "{with:?}");
}

/// Host counts and hypervisor versions are asked of hypervisor clusters only, never of a cloud
/// subscription or a Kubernetes cluster.
#[test]
fn a_cluster_is_asked_only_what_its_platform_has() {
    let hidden = hidden(
        r#"{"schema_version": 2, "groups": {"compute.clusters": [
            {"name": "vsphere", "answers": {"platform": {"value": "vmware_vsphere"}}},
            {"name": "gcp", "answers": {"platform": {"value": "google_cloud"}}},
            {"name": "k8s", "answers": {"platform": {"value": "gke"}}}]}}"#,
    );
    for member in ["host_count", "hypervisor_version", "management_version"] {
        assert!(
            !hidden.contains(&format!("compute.clusters[0].{member}")),
            "{hidden:?}"
        );
        assert!(
            hidden.contains(&format!("compute.clusters[1].{member}")),
            "{hidden:?}"
        );
        assert!(
            hidden.contains(&format!("compute.clusters[2].{member}")),
            "{hidden:?}"
        );
    }
    assert!(
        !hidden.contains("compute.clusters[1].on_veeam_support_list"),
        "{hidden:?}"
    );
    assert!(
        hidden.contains("compute.clusters[2].on_veeam_support_list"),
        "{hidden:?}"
    );
}

#[test]
fn a_group_items_questions_hide_by_the_items_own_answers() {
    let hidden = hidden(
        r#"{"schema_version": 1, "groups": {"repositories.repositories": [
            {"name": "object", "answers": {"type": {"value": "object_storage"}}},
            {"name": "hardened", "answers": {"type": {"value": "hardened_linux"}}}]}}"#,
    );
    assert!(
        hidden.contains("repositories.repositories[0].file_system"),
        "{hidden:?}"
    );
    assert!(
        !hidden.contains("repositories.repositories[1].file_system"),
        "{hidden:?}"
    );
}

/// A question hidden because an answer it depends on is not known waits for that answer; one
/// hidden by known answers does not apply. The blocker is followed to the first answer not
/// known, in the item or outside groups.
#[test]
fn a_question_hidden_by_an_unknown_answer_names_the_answer_it_waits_for() {
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let read = |json: &str| Answers::from_json(json, questionnaire).expect("the answers read");
    let group = match questionnaire.entry("certificates.certificates") {
        Some(intake_core::questionnaire::Entry::Group(group)) => group,
        _ => panic!("the certificates group"),
    };
    let window = group.member("renewal_window").expect("the renewal window");
    let blocker = |json: &str| {
        let answers = read(json);
        let relevance = Relevance::new(questionnaire, &answers);
        let item = &answers.groups["certificates.certificates"][0];
        relevance.member_blocker(group, window, item).map(|b| {
            (
                b.question.local_id().to_owned(),
                b.sibling,
                b.answer.cloned(),
            )
        })
    };
    let certificate = |method: &str| {
        format!(
            r#"{{"schema_version": 1, "groups": {{"certificates.certificates":
                [{{"name": "cc", "answers": {{{method}}}}}]}}}}"#
        )
    };
    let (local, sibling, answer) =
        blocker(&certificate(r#""renewal_method": {"dont_know": true}"#)).expect("blocked");
    assert_eq!((local.as_str(), sibling), ("renewal_method", true));
    assert!(answer.is_some_and(|a| a.state == intake_core::answers::State::DontKnow));
    let (local, _, answer) = blocker(&certificate("")).expect("blank blocks too");
    assert_eq!((local.as_str(), answer), ("renewal_method", None));
    assert!(
        blocker(&certificate(r#""renewal_method": {"value": "manual"}"#)).is_none(),
        "a manual renewal has no window: not applicable, nothing to wait for"
    );
    assert!(
        blocker(&certificate(
            r#""renewal_method": {"not_applicable": "none"}"#
        ))
        .is_none(),
        "an answer that does not apply decides it too"
    );

    let section =
        read(r#"{"schema_version": 1, "answers": {"engagement.services": {"dont_know": true}}}"#);
    let relevance = Relevance::new(questionnaire, &section);
    let gateways = match questionnaire.entry("cloud_connect.gateways") {
        Some(intake_core::questionnaire::Entry::Group(group)) => group,
        _ => panic!("the gateways group"),
    };
    assert!(!relevance.group_shown(gateways));
    let blocker = relevance
        .group_blocker(gateways)
        .expect("the section waits");
    assert_eq!(blocker.question.id, "engagement.services");
    assert!(!blocker.sibling);
}

/// The questions of a storage system about hardware: none applies to cloud storage.
const STORAGE_HARDWARE: [&str; 13] = [
    "vendor",
    "model",
    "firmware_version",
    "attachment",
    "protocols",
    "firmware_change_control",
    "vendor_compatible",
    "veeam_compatible",
    "last_firmware_update",
    "firmware_staged_first",
    "controllers",
    "controller_failover",
    "tenant_qos",
];

/// Answers with one storage system whose kind is answered as `kind` (a JSON answer), and
/// hardware answers that would show its controllers.
fn storage_system(kind: &str) -> String {
    format!(
        r#"{{"schema_version": 1, "groups": {{"storage.systems": [{{"name": "s", "answers": {{
            {kind} "attachment": {{"value": "shared_array"}}, "controllers": {{"value": 2}}}}}}]}}}}"#
    )
}

#[test]
fn a_cloud_storage_system_is_asked_no_hardware_question() {
    for kind in ["cloud_block", "cloud_file", "cloud_object"] {
        let hidden = hidden(&storage_system(&format!(
            r#""type": {{"value": "{kind}"}},"#
        )));
        for member in STORAGE_HARDWARE {
            assert!(
                hidden.contains(&format!("storage.systems[0].{member}")),
                "{kind} shows {member}"
            );
        }
        for member in ["service_tier", "redundancy", "region"] {
            assert!(
                !hidden.contains(&format!("storage.systems[0].{member}")),
                "{kind} hides {member}"
            );
        }
    }
}

/// Older answers without a kind, and a kind not known, keep every hardware question answered.
#[test]
fn a_storage_system_without_a_cloud_kind_shows_its_hardware_questions() {
    for kind in [
        "",
        r#""type": {"value": "hardware"},"#,
        r#""type": {"dont_know": true},"#,
    ] {
        let hidden = hidden(&storage_system(kind));
        for member in STORAGE_HARDWARE {
            assert!(
                !hidden.contains(&format!("storage.systems[0].{member}")),
                "{kind:?} hides {member}"
            );
        }
        for member in ["service_tier", "redundancy", "region"] {
            assert!(
                hidden.contains(&format!("storage.systems[0].{member}")),
                "{kind:?} shows {member}"
            );
        }
    }
}

/// Every question a cloud storage system shows takes a real answer: none needs "Does not apply",
/// and the answers are valid.
#[test]
fn a_cloud_storage_system_is_answered_in_full_without_does_not_apply() {
    use intake_core::questionnaire::Entry;
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let json = r#"{"schema_version": 1, "groups": {"storage.systems": [{"name": "Managed disks",
        "answers": {"type": {"value": "cloud_block"}, "role": {"value": "backup_target"},
        "service_tier": {"value": "Premium SSD v2"}, "redundancy": {"value": "zones"},
        "region": {"value": "North Europe"}}}]}}"#;
    let answers = Answers::from_json(json, questionnaire).expect("the answers read");
    let hidden = Relevance::new(questionnaire, &answers).hidden_paths();
    let Some(Entry::Group(group)) = questionnaire.entry("storage.systems") else {
        panic!("storage.systems is a group");
    };
    let item = &answers.groups["storage.systems"][0];
    for member in &group.questions {
        let local = member.id.rsplit('.').next().unwrap_or(&member.id);
        let path = format!("storage.systems[0].{local}");
        if hidden.contains(&path) {
            continue;
        }
        assert!(
            item.answers
                .get(local)
                .is_some_and(|answer| answer.as_value().is_some()),
            "{path} is shown but not answered"
        );
    }
    let problems: Vec<_> = intake_core::validate::validate(questionnaire, &answers)
        .into_iter()
        .filter(|problem| problem.path.starts_with("storage.systems"))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
}
