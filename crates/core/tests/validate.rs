//! Validation of answers against the built-in questionnaire.

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::validate::{Problem, Severity, validate};

const MINIMAL: &str = include_str!("../../../tests/fixtures/schema/v2/minimal.json");

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().unwrap_or_else(|error| panic!("{error}"))
}

fn problems(json: &str) -> Vec<Problem> {
    let answers =
        Answers::from_json(json, questionnaire()).unwrap_or_else(|error| panic!("{error}"));
    validate(questionnaire(), &answers)
}

#[test]
fn the_minimal_answers_have_no_blocking_error() {
    let errors: Vec<Problem> = problems(MINIMAL)
        .into_iter()
        .filter(|problem| problem.severity == Severity::Error)
        .collect();
    assert_eq!(errors, Vec::<Problem>::new());
}

/// The minimal answers with `edit` applied to their JSON.
fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut json: serde_json::Value = serde_json::from_str(MINIMAL).expect("minimal.json is JSON");
    edit(&mut json);
    json.to_string()
}

fn set(json: &mut serde_json::Value, id: &str, answer: serde_json::Value) {
    json["answers"][id] = answer;
}

fn value(value: serde_json::Value) -> serde_json::Value {
    serde_json::json!({ "value": value })
}

/// The problems at `path`, as "severity: message".
fn at(problems: &[Problem], path: &str) -> Vec<String> {
    problems
        .iter()
        .filter(|problem| problem.path == path)
        .map(|problem| format!("{:?}: {}", problem.severity, problem.message))
        .collect()
}

fn assert_problem(problems: &[Problem], path: &str, severity: Severity, fragment: &str) {
    let found = problems
        .iter()
        .any(|p| p.path == path && p.severity == severity && p.message.contains(fragment));
    assert!(
        found,
        "no {severity:?} containing {fragment:?} at {path}; got {problems:#?}"
    );
}

#[test]
fn required_answers_and_group_minimums_block() {
    let json = edited(|json| {
        json["answers"]
            .as_object_mut()
            .expect("answers")
            .remove("engagement.partner_name");
        json["groups"]["engagement.contacts"] = serde_json::json!([]);
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "engagement.partner_name",
        Severity::Error,
        "needed before export",
    );
    assert_problem(
        &problems,
        "engagement.contacts",
        Severity::Error,
        "add at least 1 contact",
    );
}

/// The message names only the options the question offers, as the partner sees them.
#[test]
fn a_missing_required_answer_names_the_options_the_question_offers() {
    let json = edited(|json| {
        let answers = json["answers"].as_object_mut().expect("answers");
        for id in [
            "engagement.partner_name",
            "engagement.time_zone",
            "engagement.services",
        ] {
            answers.remove(id);
        }
    });
    let problems = problems(&json);
    // `dont_know = false`, `not_applicable = false`: nothing to choose instead.
    assert_eq!(
        at(&problems, "engagement.partner_name"),
        ["Error: needed before export: answer it"]
    );
    // `not_applicable = false`.
    assert_eq!(
        at(&problems, "engagement.time_zone"),
        ["Error: needed before export: answer it, or choose “I don't know”"]
    );
    // `dont_know = false`.
    assert_eq!(
        at(&problems, "engagement.services"),
        ["Error: needed before export: answer it, or choose “Does not apply”"]
    );
}

#[test]
fn typed_answers_are_checked_with_a_message_naming_the_fix() {
    let json = edited(|json| {
        set(json, "platform.vbr_version", value("12.3.x".into()));
        set(json, "engagement.as_of", value("2026-02-30".into()));
        json["groups"]["engagement.contacts"][0]["answers"]["email"] = value("alex@".into());
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "platform.vbr_version",
        Severity::Error,
        "like 12.3.1.1139",
    );
    assert_problem(
        &problems,
        "engagement.as_of",
        Severity::Error,
        "February 2026 has 28 days",
    );
    assert_problem(
        &problems,
        "engagement.contacts[0].email",
        Severity::Error,
        "not an e-mail address",
    );
}

#[test]
fn an_e_mail_address_needs_a_domain_with_a_dot() {
    let json = edited(|json| {
        json["answers"]["operations.noc_email"] = value("noc@company".into());
        json["groups"]["engagement.contacts"][0]["answers"]["email"] = value("alex@company".into());
    });
    let problems = problems(&json);
    assert_eq!(
        at(&problems, "engagement.contacts[0].email"),
        vec![
            "Error: “alex@company” is not a complete e-mail address: the part after @ needs its \
             full domain with a dot, like name@example.net"
        ]
    );
    assert_problem(
        &problems,
        "operations.noc_email",
        Severity::Error,
        "needs its full domain with a dot",
    );
}

#[test]
fn a_version_less_precise_than_asked_is_a_warning_with_the_form_asked_for() {
    let clusters = serde_json::json!([
        { "name": "AMS-ESX", "answers": {
            "platform": { "value": "vmware_vsphere" },
            "hypervisor_version": { "value": "8.0.3" } } },
        { "name": "FRA-HV", "answers": {
            "platform": { "value": "hyperv" },
            "hypervisor_version": { "value": "10.0.20348" } } },
        { "name": "ZWL-PVE", "answers": {
            "platform": { "value": "proxmox_ve" },
            "hypervisor_version": { "value": "8.4.1" } } },
        { "name": "AMS-ESX-2", "answers": {
            "platform": { "value": "vmware_vsphere" },
            "hypervisor_version": { "value": "8.0.3.24022510" } } }
    ]);
    let json = edited(|json| {
        set(json, "platform.vbr_version", value("12.3".into()));
        set(
            json,
            "engagement.platforms",
            value(serde_json::json!([
                "vmware_vsphere",
                "hyperv",
                "proxmox_ve"
            ])),
        );
        json["groups"]["compute.clusters"] = clusters;
    });
    let problems = problems(&json);
    assert_eq!(
        at(&problems, "platform.vbr_version"),
        vec![
            "Warning: “12.3” has 2 of the 4 numbers this question asks for: give all 4, like \
             12.3.1.1139, or keep it if that is all you know"
        ]
    );
    assert_problem(
        &problems,
        "compute.clusters[0].hypervisor_version",
        Severity::Warning,
        "“8.0.3” has 3 of the 4 numbers this question asks for: give all 4, like 8.0.3.24022510",
    );
    assert_problem(
        &problems,
        "compute.clusters[1].hypervisor_version",
        Severity::Warning,
        "like 10.0.20348.4294",
    );
    assert_eq!(
        at(&problems, "compute.clusters[2].hypervisor_version"),
        Vec::<String>::new(),
        "Proxmox VE versions have three numbers: nothing more is asked"
    );
    assert_eq!(
        at(&problems, "compute.clusters[3].hypervisor_version"),
        Vec::<String>::new()
    );
    assert!(
        problems
            .iter()
            .all(|problem| problem.severity == Severity::Warning
                || !problem.path.contains("version")),
        "{problems:#?}"
    );
}

#[test]
fn numbers_respect_bounds_and_percentages_stay_within_0_to_100() {
    let json = edited(|json| {
        set(json, "tenancy.quota_alert_percent", value(120.into()));
        json["answers"]["tenancy.monitored_warnings"] =
            value(serde_json::json!(["quota_threshold"]));
        set(json, "windows.retention_days", value(0.into()));
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "tenancy.quota_alert_percent",
        Severity::Error,
        "at most 100 %",
    );
    assert_problem(
        &problems,
        "windows.retention_days",
        Severity::Error,
        "at least 1 days",
    );
}

#[test]
fn mtu_outside_576_to_9216_is_an_error_on_the_link() {
    let json = edited(|json| {
        json["groups"]["network.links"] = serde_json::json!([
            { "name": "AMS-FRA", "answers": { "mtu_near": { "value": 9000 }, "mtu_far": { "value": 90000 } } }
        ]);
    });
    let problems = problems(&json);
    assert_eq!(
        at(&problems, "network.links[0].mtu_near"),
        Vec::<String>::new()
    );
    assert_problem(
        &problems,
        "network.links[0].mtu_far",
        Severity::Error,
        "outside 576-9216",
    );
}

#[test]
fn cross_field_rpo_copies_and_tenant_totals() {
    let json = edited(|json| {
        set(json, "windows.rpo", value("4h".into()));
        set(
            json,
            "windows.most_frequent_job_interval",
            value("24h".into()),
        );
        set(json, "windows.copy_count", value(2.into()));
        set(json, "windows.media_count", value(3.into()));
        set(json, "engagement.tenant_count", value(100.into()));
        set(json, "tenancy.unlimited_tenants", value(150.into()));
        json["groups"]["tenancy.tiers"] = serde_json::json!([
            { "name": "Gold", "answers": { "tenants": { "value": 20 } } },
            { "name": "Silver", "answers": { "tenants": { "value": 70 } } }
        ]);
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "windows.most_frequent_job_interval",
        Severity::Warning,
        "RPO promised is 4h",
    );
    assert_problem(
        &problems,
        "windows.media_count",
        Severity::Error,
        "3 media types for 2 copies",
    );
    assert_problem(
        &problems,
        "tenancy.unlimited_tenants",
        Severity::Error,
        "150 tenants without limits",
    );
    assert_problem(
        &problems,
        "tenancy.tiers",
        Severity::Warning,
        "the tiers hold 90 tenants",
    );
}

#[test]
fn past_events_dated_after_the_as_of_date_are_flagged_but_expiry_dates_are_not() {
    let json = edited(|json| {
        set(json, "engagement.dr_offered", value(true.into()));
        set(json, "dr.last_full_test", value("2027-01-10".into()));
        json["groups"]["certificates.certificates"] = serde_json::json!([
            { "name": "cc-gateway", "answers": { "expiry": { "value": "2027-03-01" } } }
        ]);
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "dr.last_full_test",
        Severity::Warning,
        "after 2026-11-22",
    );
    assert_eq!(
        at(&problems, "certificates.certificates[0].expiry"),
        Vec::<String>::new()
    );
}

#[test]
fn dont_know_and_not_applicable_follow_the_question() {
    let json = edited(|json| {
        set(
            json,
            "engagement.partner_name",
            serde_json::json!({ "dont_know": true }),
        );
        set(
            json,
            "engagement.engagement_name",
            serde_json::json!({ "not_applicable": "n/a" }),
        );
        set(
            json,
            "network.firewall_vendors",
            serde_json::json!({ "not_applicable": "  " }),
        );
        set(
            json,
            "network.ntp_source",
            serde_json::json!({ "dont_know": true }),
        );
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "engagement.partner_name",
        Severity::Error,
        "“I don't know” is not an answer",
    );
    assert_problem(
        &problems,
        "engagement.engagement_name",
        Severity::Error,
        "always applies",
    );
    assert_problem(
        &problems,
        "network.firewall_vendors",
        Severity::Error,
        "say why",
    );
    assert_eq!(at(&problems, "network.ntp_source"), Vec::<String>::new());
}

#[test]
fn answers_to_questions_that_do_not_apply_are_kept_with_a_warning() {
    let json = edited(|json| {
        set(json, "cloud_connect.tenant_port", value(6180.into()));
        set(json, "dr.rto", value("4h".into()));
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "cloud_connect.tenant_port",
        Severity::Warning,
        "kept but not used",
    );
    assert_problem(&problems, "dr.rto", Severity::Warning, "kept but not used");
}

#[test]
fn group_items_need_distinct_names_and_sibling_conditions_apply_per_item() {
    let json = edited(|json| {
        json["groups"]["repositories.repositories"] = serde_json::json!([
            { "name": "repo-01", "answers": { "type": { "value": "hardened_linux" }, "ssh_enabled": { "value": true } } },
            { "name": "REPO-01", "answers": { "type": { "value": "windows_refs" }, "ssh_enabled": { "value": true } } },
            { "name": " ", "answers": { "type": { "value": "hardened_linux" } } }
        ]);
    });
    let problems = problems(&json);
    assert_problem(
        &problems,
        "repositories.repositories[1]",
        Severity::Error,
        "already called “REPO-01”",
    );
    assert_problem(
        &problems,
        "repositories.repositories[2]",
        Severity::Error,
        "give this repository a name",
    );
    assert_eq!(
        at(&problems, "repositories.repositories[0].ssh_enabled"),
        Vec::<String>::new()
    );
    assert_problem(
        &problems,
        "repositories.repositories[1].ssh_enabled",
        Severity::Warning,
        "kept but not used",
    );
}

#[test]
fn time_windows_report_each_problem() {
    let json = edited(|json| {
        json["groups"]["windows.backup_windows"] = serde_json::json!([
            { "name": "Nightly", "answers": { "window": { "value": { "start": "22:00", "end": "06:00", "days": ["mon", "tue"] } } } },
            { "name": "Broken", "answers": { "window": { "value": { "start": "25:00", "end": "6", "days": [] } } } }
        ]);
    });
    let problems = problems(&json);
    assert_eq!(
        at(&problems, "windows.backup_windows[0].window"),
        Vec::<String>::new()
    );
    let broken = at(&problems, "windows.backup_windows[1].window").join("\n");
    for fragment in ["start: “25:00”", "end: “6”", "pick at least one day"] {
        assert!(
            broken.contains(fragment),
            "{fragment:?} missing from {broken}"
        );
    }
}

#[test]
fn every_id_the_cross_field_checks_use_exists_with_the_kind_they_expect() {
    use intake_core::questionnaire::Kind;
    use intake_core::validate::*;
    let q = questionnaire();
    let kind = |id: &str| {
        q.question(id)
            .map(|question| question.kind.name())
            .unwrap_or("missing")
    };
    for id in
        MTU_QUESTIONS
            .iter()
            .chain(&[TENANT_COUNT, UNLIMITED_TENANTS, COPY_COUNT, MEDIA_COUNT])
    {
        assert_eq!(kind(id), "integer", "{id}");
    }
    assert_eq!(kind(&format!("{TIERS}.{TIER_TENANTS}")), "integer");
    for id in [RPO, JOB_INTERVAL] {
        assert_eq!(kind(id), "duration", "{id}");
    }
    for id in FUTURE_DATES {
        assert_eq!(kind(id), "date", "{id}");
    }
    assert!(matches!(
        q.question(AS_OF).map(|question| &question.kind),
        Some(Kind::Date)
    ));
}
