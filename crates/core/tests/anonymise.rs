//! Anonymised answers: no customer text left, the same problems and findings, the same output
//! for the same input, and placeholders that are consistent and valid for their kind.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

use intake_core::anonymise::{ENGAGEMENT, PARTNER, PRODUCT_FACTS, anonymise};
use intake_core::answers::{Answer, Answers, State, Value};
use intake_core::questionnaire::{Kind, Questionnaire};
use intake_core::rules::{self, Config};
use intake_core::validate::validate;

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

/// Every fixture, read.
fn fixtures() -> Vec<(String, Answers)> {
    support::answers_fixtures()
        .into_iter()
        .map(|(name, text)| {
            let answers = Answers::from_json(&text, questionnaire())
                .unwrap_or_else(|error| panic!("{name}: {error}"));
            (name, answers)
        })
        .collect()
}

/// Answers from the body of an answers file (without `schema_version`).
fn answers(body: &str) -> Answers {
    let text = format!("{{\"schema_version\": 1, {body}}}");
    Answers::from_json(&text, questionnaire()).expect("valid answers")
}

/// Whether a question's text answers are customer data, by its kind.
fn is_customer_kind(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::ShortText
            | Kind::LongText
            | Kind::Fqdn
            | Kind::IpAddress
            | Kind::Cidr
            | Kind::Url
            | Kind::Email
    )
}

/// Every customer text of the answers: text answers of customer kinds, notes, "not applicable"
/// reasons and item names.
fn customer_texts(answers: &Answers) -> BTreeSet<String> {
    let mut texts = BTreeSet::new();
    let mut add = |id: &str, kind: Option<&Kind>, answer: &Answer| {
        match &answer.state {
            State::Value(Value::Text(text))
                if kind.is_some_and(is_customer_kind) && !PRODUCT_FACTS.contains(&id) =>
            {
                texts.insert(text.clone());
            }
            State::NotApplicable(reason) => {
                texts.insert(reason.clone());
            }
            _ => {}
        }
        if let Some(note) = &answer.note {
            texts.insert(note.clone());
        }
    };
    for (id, answer) in &answers.answers {
        add(id, questionnaire().question(id).map(|q| &q.kind), answer);
    }
    let mut names = Vec::new();
    for (id, items) in &answers.groups {
        for item in items {
            names.push(item.name.clone());
            for (local, answer) in &item.answers {
                let path = format!("{id}.{local}");
                let question = questionnaire().question(&path);
                add(&path, question.map(|q| &q.kind), answer);
            }
        }
    }
    texts.extend(names);
    texts.retain(|text| !text.trim().is_empty());
    texts
}

/// The answers naming products ([`PRODUCT_FACTS`]), kept by the anonymiser.
fn product_facts(answers: &Answers) -> BTreeSet<String> {
    let mut facts = BTreeSet::new();
    for (id, items) in &answers.groups {
        for item in items {
            for (local, answer) in &item.answers {
                if PRODUCT_FACTS.contains(&format!("{id}.{local}").as_str())
                    && let State::Value(Value::Text(text)) = &answer.state
                {
                    facts.insert(text.clone());
                }
            }
        }
    }
    for (id, answer) in &answers.answers {
        if PRODUCT_FACTS.contains(&id.as_str())
            && let State::Value(Value::Text(text)) = &answer.state
        {
            facts.insert(text.clone());
        }
    }
    facts
}

/// Words that name something (capitalised, five letters or more) in the customer texts, but for
/// the words placeholders are made of (item labels, `Partner`, `Engagement`).
fn names_in(texts: &BTreeSet<String>) -> BTreeSet<String> {
    let placeholder_words: BTreeSet<String> = questionnaire()
        .groups()
        .flat_map(|group| group.item_label.split(' '))
        .chain([PARTNER, ENGAGEMENT])
        .map(str::to_owned)
        .collect();
    texts
        .iter()
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().count() >= 5 && word.starts_with(char::is_uppercase))
        .filter(|word| !placeholder_words.contains(*word))
        .map(str::to_owned)
        .collect()
}

/// Every string value in a JSON document (keys are question ids).
fn strings(json: &serde_json::Value, out: &mut Vec<String>) {
    match json {
        serde_json::Value::String(text) => out.push(text.clone()),
        serde_json::Value::Array(values) => values.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The problems as (path, severity): paths carry item positions, not names.
fn problems(answers: &Answers) -> Vec<(String, String)> {
    validate(questionnaire(), answers)
        .into_iter()
        .map(|problem| (problem.path, format!("{:?}", problem.severity)))
        .collect()
}

/// The findings without their messages and evidence values, which name items and show answers;
/// sorted, as findings of one rule and severity come in the order of their messages.
fn findings(answers: &Answers) -> (String, Vec<String>) {
    let assessment = rules::assess(questionnaire(), answers, &Config::default());
    let summary = serde_json::to_string(&assessment.summary).expect("JSON");
    let mut findings: Vec<String> = assessment
        .findings
        .iter()
        .map(|finding| {
            let paths: Vec<&str> = finding.evidence.iter().map(|e| e.path.as_str()).collect();
            format!(
                "{} {:?} {:?} {}",
                finding.rule,
                finding.severity,
                finding.kind,
                paths.join(",")
            )
        })
        .collect();
    findings.sort();
    (summary, findings)
}

fn assert_same_assessment(name: &str, original: &Answers, anonymised: &Answers) {
    assert_eq!(
        problems(anonymised),
        problems(original),
        "{name}: validation differs"
    );
    let (summary, findings_now) = findings(anonymised);
    let (original_summary, original_findings) = findings(original);
    assert_eq!(findings_now, original_findings, "{name}: findings differ");
    assert_eq!(summary, original_summary, "{name}: summaries differ");
}

#[test]
fn anonymised_fixtures_hold_no_customer_text() {
    for (name, original) in fixtures() {
        let anonymised = anonymise(questionnaire(), &original);
        let json: serde_json::Value =
            serde_json::from_str(&anonymised.to_json()).expect("answers JSON");
        let mut values = Vec::new();
        strings(&json, &mut values);
        let texts = customer_texts(&original);
        assert!(texts.len() > 50, "{name}: only {} texts", texts.len());
        for text in &texts {
            for value in &values {
                assert_ne!(value, text, "{name}: kept as is");
                if text.chars().count() >= 8 {
                    assert!(
                        !value.contains(text.as_str()),
                        "{name}: “{text}” in “{value}”"
                    );
                }
            }
        }
        let names = names_in(&texts);
        assert!(names.len() > 10, "{name}: only {names:?}");
        // The answers naming products are kept as typed, and may share words with the customer's
        // ("S3 Standard" and a tier called "Standard").
        let products = product_facts(&original);
        for word in &names {
            for value in values.iter().filter(|value| !products.contains(*value)) {
                assert!(
                    !value.contains(word.as_str()),
                    "{name}: “{word}” in “{value}”"
                );
            }
        }
    }
}

#[test]
fn anonymised_fixtures_validate_and_assess_the_same() {
    for (name, original) in fixtures() {
        let anonymised = anonymise(questionnaire(), &original);
        assert_same_assessment(&name, &original, &anonymised);
        let reread = Answers::from_json(&anonymised.to_json(), questionnaire())
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(reread, anonymised, "{name}: changes in a round trip");
    }
}

#[test]
fn anonymising_is_deterministic() {
    for (name, original) in fixtures() {
        let once = anonymise(questionnaire(), &original).to_json();
        let reread = Answers::from_json(&original.to_json(), questionnaire()).expect("reads");
        let again = anonymise(questionnaire(), &reread).to_json();
        assert_eq!(once, again, "{name}");
    }
}

#[test]
fn partner_and_engagement_get_fixed_names() {
    for (name, original) in fixtures() {
        let anonymised = anonymise(questionnaire(), &original);
        let text = |id: &str| {
            anonymised
                .answers
                .get(id)
                .and_then(Answer::as_value)
                .cloned()
        };
        assert_eq!(
            text("engagement.partner_name"),
            Some(Value::Text(PARTNER.to_owned())),
            "{name}"
        );
        assert_eq!(
            text("engagement.engagement_name"),
            Some(Value::Text(ENGAGEMENT.to_owned())),
            "{name}"
        );
    }
}

/// The answer of an item's member question, as text.
fn member(answers: &Answers, group: &str, index: usize, local: &str) -> String {
    match answers.groups[group][index].answers[local].as_value() {
        Some(Value::Text(text)) => text.clone(),
        other => panic!("{group}[{index}].{local}: {other:?}"),
    }
}

fn top(answers: &Answers, id: &str) -> String {
    match answers.answers[id].as_value() {
        Some(Value::Text(text)) => text.clone(),
        other => panic!("{id}: {other:?}"),
    }
}

#[test]
fn the_same_original_gets_the_same_placeholder_everywhere() {
    let original = answers(
        r#""answers": {
            "operations.runbook_location": {"value": "https://CC01.example.net:8443/wiki/runbooks"},
            "operations.noc_email": {"value": "noc@example.net", "note": "AMS1"},
            "network.ntp_source": {"value": "cc01.example.net"}
        },
        "groups": {
            "sites.sites": [{"name": "AMS1"}, {"name": "FRA1"}],
            "cloud_connect.gateways": [
                {"name": "gw1", "answers": {
                    "fqdn": {"value": "cc01.example.net"}, "site": {"value": "ams1 "},
                    "public_ip": {"value": "203.0.113.7"}}},
                {"name": "gw2", "answers": {
                    "fqdn": {"value": " CC01.Example.NET"}, "site": {"value": "FRA1"},
                    "public_ip": {"value": "203.0.113.7"}}},
                {"name": "gw3", "answers": {
                    "fqdn": {"value": "cc03.example.net"}, "site": {"value": "AMS1"},
                    "public_ip": {"value": "203.0.113.8"}}}
            ],
            "certificates.certificates": [{"name": "x", "answers": {
                "notify_email": {"value": "NOC@example.net"}}}]
        }"#,
    );
    let anonymised = anonymise(questionnaire(), &original);
    let gateways = "cloud_connect.gateways";
    let host = member(&anonymised, gateways, 0, "fqdn");
    assert_eq!(host, "host-1.example.invalid");
    assert_eq!(member(&anonymised, gateways, 1, "fqdn"), host);
    assert_ne!(member(&anonymised, gateways, 2, "fqdn"), host);
    assert_eq!(top(&anonymised, "network.ntp_source"), host);
    assert_eq!(
        top(&anonymised, "operations.runbook_location"),
        format!("https://{host}:8443/path-1")
    );
    let ip = member(&anonymised, gateways, 0, "public_ip");
    assert_eq!(member(&anonymised, gateways, 1, "public_ip"), ip);
    assert_ne!(member(&anonymised, gateways, 2, "public_ip"), ip);
    let sites: Vec<&str> = anonymised.groups["sites.sites"]
        .iter()
        .map(|item| item.name.as_str())
        .collect();
    assert_eq!(sites, ["Site 1", "Site 2"]);
    assert_eq!(member(&anonymised, gateways, 0, "site"), "Site 1");
    assert_eq!(member(&anonymised, gateways, 1, "site"), "Site 2");
    assert_eq!(member(&anonymised, gateways, 2, "site"), "Site 1");
    assert_eq!(
        anonymised.answers["operations.noc_email"].note.as_deref(),
        Some("Site 1")
    );
    let email = top(&anonymised, "operations.noc_email");
    assert_eq!(email, "contact-1@example.invalid");
    assert_eq!(
        member(&anonymised, "certificates.certificates", 0, "notify_email"),
        email
    );
    let names: Vec<&str> = anonymised.groups[gateways]
        .iter()
        .map(|item| item.name.as_str())
        .collect();
    assert_eq!(names, ["Gateway 1", "Gateway 2", "Gateway 3"]);
    assert_same_assessment("hand-written", &original, &anonymised);
}

#[test]
fn addresses_keep_their_family_and_kind_and_never_repeat_an_original() {
    let addresses = [
        "10.0.0.1",
        "192.168.1.5",
        "172.16.4.4",
        "8.8.8.8",
        "192.0.2.1",
        "169.254.10.10",
        "127.0.0.1",
        "2a00:1450::1",
        "fd12:3456::1",
        "fe80::1:2:3:4",
        "::1",
        "::ffff:10.1.2.3",
    ];
    let items: Vec<String> = addresses
        .iter()
        .enumerate()
        .map(|(i, ip)| {
            format!(r#"{{"name": "gw{i}", "answers": {{"public_ip": {{"value": "{ip}"}}}}}}"#)
        })
        .collect();
    let original = answers(&format!(
        r#""answers": {{"network.management_cidr": {{"value": "10.20.0.5/22"}}}},
        "groups": {{"cloud_connect.gateways": [{}]}}"#,
        items.join(",")
    ));
    let anonymised = anonymise(questionnaire(), &original);
    let mapped: Vec<IpAddr> = (0..addresses.len())
        .map(|i| {
            member(&anonymised, "cloud_connect.gateways", i, "public_ip")
                .parse()
                .expect("an IP address")
        })
        .collect();
    let all: BTreeSet<&IpAddr> = mapped.iter().collect();
    assert_eq!(all.len(), mapped.len(), "distinct addresses stay distinct");
    for (original, mapped) in addresses.iter().zip(&mapped) {
        let original: IpAddr = original.parse().expect("an IP address");
        assert_eq!(
            original.is_ipv4(),
            mapped.is_ipv4(),
            "{original} -> {mapped}"
        );
        if original.is_loopback() {
            assert_eq!(*mapped, original);
        } else {
            assert!(
                !addresses.contains(&mapped.to_string().as_str()),
                "{original} -> {mapped}, an original"
            );
        }
        match (original, mapped) {
            (IpAddr::V4(original), IpAddr::V4(mapped)) => {
                assert_eq!(original.is_private(), mapped.is_private(), "{original}");
                assert_eq!(
                    original.is_link_local(),
                    mapped.is_link_local(),
                    "{original}"
                );
                if !original.is_private() && !original.is_link_local() && !original.is_loopback() {
                    let [a, b, c, _] = mapped.octets();
                    assert!(
                        [[192, 0, 2], [198, 51, 100], [203, 0, 113]].contains(&[a, b, c]),
                        "{mapped} is not a documentation address"
                    );
                }
            }
            (IpAddr::V6(original), IpAddr::V6(mapped)) => {
                assert_eq!(original.is_unique_local(), mapped.is_unique_local());
                assert_eq!(
                    original.is_unicast_link_local(),
                    mapped.is_unicast_link_local()
                );
                assert_eq!(
                    original.to_ipv4_mapped().map(|v4| v4.is_private()),
                    mapped.to_ipv4_mapped().map(|v4| v4.is_private())
                );
            }
            _ => unreachable!("the family is kept"),
        }
    }
    assert_eq!(mapped[7].to_string(), "2001:db8::1");
    let network: ipnet::IpNet = top(&anonymised, "network.management_cidr")
        .parse()
        .expect("a network");
    assert_eq!(network.prefix_len(), 22);
    assert!(network.network().is_ipv4());
    assert_eq!(network.to_string(), "10.0.0.5/22");
    assert_same_assessment("addresses", &original, &anonymised);
}

#[test]
fn malformed_answers_stay_malformed_and_rules_read_the_same() {
    let long = "x".repeat(600);
    let original = answers(&format!(
        r#""answers": {{
            "engagement.partner_name": {{"value": "{long}"}},
            "engagement.time_zone": {{"value": "   "}},
            "network.ntp_source": {{"value": "None."}},
            "network.management_cidr": {{"value": "10.20.0.0/33"}},
            "platform.vbr_version": {{"value": "12.3 for Acme"}},
            "operations.runbook_location": {{"value": "wiki.acme.example/runbooks"}},
            "operations.noc_email": {{"value": "noc@"}},
            "dr.last_full_test": {{"value": "last Acme test"}},
            "windows.rpo": {{"value": "a day at Acme"}}
        }},
        "groups": {{
            "cloud_connect.gateways": [
                {{"name": "gw1", "answers": {{"fqdn": {{"value": "198.51.100.9"}},
                  "public_ip": {{"value": "gw1.acme.example"}}, "site": {{"value": "Acme DC"}}}}}},
                {{"name": "GW1 ", "answers": {{"fqdn": {{"value": "gw_2.acme.example"}},
                  "site": {{"value": "acme dc"}}}}}},
                {{"name": " ", "answers": {{"fqdn": {{"not_applicable": "Acme has none"}}}}}}
            ],
            "certificates.certificates": [{{"name": "vpn.acme.example"}},
                {{"name": "VPN.acme.example."}}, {{"name": "2001:db8::1"}}, {{"name": "2001:DB8:0::1"}}],
            "windows.backup_windows": [{{"name": "Acme nightly", "answers": {{"window": {{"value":
                {{"start": "Acme o'clock", "end": "06:00", "days": ["mon", "Acme day"]}}}}}}}}]
        }}"#
    ));
    let anonymised = anonymise(questionnaire(), &original);
    let json = anonymised.to_json();
    assert!(!json.to_lowercase().contains("acme"), "{json}");
    assert_same_assessment("malformed", &original, &anonymised);
    assert_eq!(top(&anonymised, "network.ntp_source"), "None.");
    assert_eq!(top(&anonymised, "engagement.time_zone"), "   ");
    let fqdn = member(&anonymised, "cloud_connect.gateways", 0, "fqdn");
    assert!(fqdn.parse::<IpAddr>().is_ok(), "{fqdn}");
    let problems = problems(&original);
    assert!(problems.len() >= 12, "{problems:?}");
}

#[test]
fn kept_kinds_are_kept_as_typed() {
    let original = answers(
        r#""answers": {
            "engagement.as_of": {"value": "2026-11-01"},
            "platform.vbr_version": {"value": "12.3.1.1139", "note": "Checked by Jeroen"},
            "platform.backup_server_cores": {"value": 8},
            "platform.config_backup_encrypted": {"value": true},
            "cloud_connect.tenant_port": {"value": 6180},
            "windows.rpo": {"value": "24h"},
            "engagement.platforms": {"value": ["vmware_vsphere", "hyperv"]},
            "platform.backup_server_os": {"value": "windows_server_2019"}
        },
        "groups": {
            "windows.backup_windows": [{"name": "Nightly", "answers": {"window": {"value":
                {"start": "22:00", "end": "06:00", "days": ["mon", "tue"]}}}}]
        }"#,
    );
    let anonymised = anonymise(questionnaire(), &original);
    let values = |answers: &Answers| -> BTreeMap<String, Option<Value>> {
        answers
            .answers
            .iter()
            .map(|(id, answer)| (id.clone(), answer.as_value().cloned()))
            .collect()
    };
    assert_eq!(values(&anonymised), values(&original));
    assert_eq!(
        anonymised.groups["windows.backup_windows"][0].answers,
        original.groups["windows.backup_windows"][0].answers
    );
    assert_eq!(
        anonymised.answers["platform.vbr_version"].note.as_deref(),
        Some("[text 1]")
    );
    assert_eq!(
        anonymised.groups["windows.backup_windows"][0].name,
        "Backup window 1"
    );
}

/// A firmware given as "latest" names no release, and STO-010 says so: the word is kept, so the
/// anonymised answers give the same finding; a real release is replaced.
#[test]
fn firmware_that_names_no_release_is_kept_and_assessed_the_same() {
    let original = answers(
        r#""groups": {"storage.systems": [
            {"name": "array-01", "answers": {"firmware_version": {"value": "Latest."}}},
            {"name": "array-02", "answers": {"firmware_version": {"value": "ONTAP 9.14.1P6"}}}]}"#,
    );
    let anonymised = anonymise(questionnaire(), &original);
    assert_eq!(
        member(&anonymised, "storage.systems", 0, "firmware_version"),
        "Latest."
    );
    // A product's release, not the customer's data: kept for R&D.
    assert_eq!(
        member(&anonymised, "storage.systems", 1, "firmware_version"),
        "ONTAP 9.14.1P6"
    );
    let (_, found) = findings(&anonymised);
    assert!(
        found
            .iter()
            .any(|finding| finding.starts_with("STO-010") && finding.contains("Issue")),
        "{found:?}"
    );
    assert_same_assessment("firmware", &original, &anonymised);
}

/// An imported answer keeps the collector, the kind of sheet or file and the row, but not the
/// export's file name (partners name exports after customers) nor the server in a Healthcheck
/// file's name.
#[test]
fn where_an_imported_answer_came_from_is_anonymised_too() {
    use intake_core::answers::{Imported, Provenance};
    let text = include_str!("../../../tests/fixtures/schema/v3/imported.json")
        .replace("vHC.zip", "Acme Corp healthcheck.ZIP")
        .replace("localhost_vbrinfo.csv", "ACME-VBR01_vbrinfo.csv");
    let imported = Answers::from_json(&text, questionnaire()).expect("valid answers");
    let anonymised = anonymise(questionnaire(), &imported);
    let Provenance::Imported(imported) = &anonymised.answers["platform.vbr_version"].provenance
    else {
        panic!("still imported");
    };
    assert_eq!(
        imported,
        &Imported {
            collector: intake_core::evidence::Collector::Healthcheck,
            file: "Veeam Healthcheck export.zip".to_owned(),
            table: "server_vbrinfo.csv".to_owned(),
            row: 2,
            collected_at: Some("2026-11-20T14:03:12".to_owned()),
        }
    );
    let json = anonymised.to_json();
    assert!(!json.contains("Acme") && !json.contains("ACME"), "{json}");
    let cluster = &anonymised.groups["compute.clusters"][0].answers["host_count"];
    assert!(
        matches!(&cluster.provenance, Provenance::Imported(i) if i.table == "vCluster" && i.file == "RVTools export.xlsx")
    );
}
