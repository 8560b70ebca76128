//! The profile: a few questions first in the questionnaire that narrow the rest, and the count of
//! questions left for it.

use intake_core::answers::Answers;
use intake_core::progress::{PROFILE, headline, progress};
use intake_core::questionnaire::Questionnaire;

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"))
}

fn answers(json: &str) -> Answers {
    Answers::from_json(json, questionnaire()).unwrap_or_else(|error| panic!("{error}"))
}

/// The profile is short and comes first: right after the partner's and the engagement's names.
#[test]
fn the_profile_is_a_handful_of_questions_first_in_the_questionnaire() {
    assert!(PROFILE.len() <= 5);
    let first: Vec<&str> = questionnaire().sections()[0]
        .items
        .iter()
        .map(|item| item.id())
        .take(2 + PROFILE.len())
        .collect();
    assert_eq!(
        first[..2],
        ["engagement.partner_name", "engagement.engagement_name"]
    );
    assert_eq!(first[2..], PROFILE);
}

const SMALL: &str = r#"{"schema_version": 2, "answers": {
    "engagement.services": {"value": ["hosted_backup"]},
    "engagement.platforms": {"value": ["hyperv"]},
    "engagement.dr_offered": {"value": false},
    "engagement.tenant_count": {"value": 12}}}"#;

const BROAD: &str = r#"{"schema_version": 2, "answers": {
    "engagement.services": {"value": ["cloud_connect_backup", "cloud_connect_replication", "m365"]},
    "engagement.platforms": {"value": ["vmware_vsphere", "aks"]},
    "engagement.dr_offered": {"value": true},
    "engagement.tenant_count": {"value": 400}}}"#;

/// A narrow profile leaves fewer questions than a broad one, and the headline says how many are
/// left for it.
#[test]
fn the_profile_narrows_the_questions_left() {
    let small = answers(SMALL);
    let broad = answers(BROAD);
    let small_progress = progress(questionnaire(), &small, &[]);
    let broad_progress = progress(questionnaire(), &broad, &[]);
    assert!(
        small_progress.relevant() + 20 < broad_progress.relevant(),
        "{} vs {}",
        small_progress.relevant(),
        broad_progress.relevant()
    );
    assert_eq!(
        small_progress.section("cloud_connect").map(|s| s.shown),
        Some(false)
    );
    assert_eq!(
        headline(&small_progress, &small),
        format!(
            "Answered 4 of {} questions that apply to your profile; {} left.",
            small_progress.relevant(),
            small_progress.relevant() - 4
        )
    );
}

/// Until the profile is answered, the headline asks for it first.
#[test]
fn an_unanswered_profile_is_asked_for_first() {
    let partial = answers(
        r#"{"schema_version": 2, "answers": {"engagement.services": {"value": ["m365"]}}}"#,
    );
    let line = headline(&progress(questionnaire(), &partial, &[]), &partial);
    assert!(line.starts_with("Answered 1 of "), "{line}");
    assert!(
        line.contains("Answer the 3 profile questions left in Engagement"),
        "{line}"
    );
    let none = Answers::default();
    let line = headline(&progress(questionnaire(), &none, &[]), &none);
    assert!(
        line.contains("Answer the 4 profile questions left"),
        "{line}"
    );
}

/// A provider all in one public cloud is not asked about hypervisor upgrades, nor whether links
/// it does not own are redundant; one with a hypervisor or a carrier link is.
#[test]
fn a_cloud_only_profile_is_not_asked_hypervisor_or_circuit_questions() {
    let shown = |json: &str, id: &str| {
        let answers = answers(json);
        let relevance = intake_core::relevance::Relevance::new(questionnaire(), &answers);
        relevance.question_shown(questionnaire().question(id).expect(id))
    };
    let cloud = r#"{"schema_version": 2, "answers": {
        "engagement.platforms": {"value": ["aws", "eks"]},
        "sites.interconnect_types": {"value": ["cloud_peering", "cloud_backbone"]}}}"#;
    let mixed = r#"{"schema_version": 2, "answers": {
        "engagement.platforms": {"value": ["aws", "nutanix_ahv"]},
        "sites.interconnect_types": {"value": ["cloud_peering", "ipsec_vpn"]}}}"#;
    for id in ["compute.upgrade_check", "sites.interconnect_redundant"] {
        assert!(!shown(cloud, id), "{id} is asked of a cloud-only provider");
        assert!(shown(mixed, id), "{id} is not asked of a mixed provider");
    }
}
