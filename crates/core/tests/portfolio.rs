//! A portfolio of generated bundles whose answer is known: how many partners each rule fires
//! for, overall and by platform fact; what partners do not know; a partner's newest bundle
//! counting once; unreadable files listed; names only when asked.

mod support;

use intake_core::answers::Answers;
use intake_core::bundle;
use intake_core::bundle::portfolio::{Portfolio, environment};
use intake_core::questionnaire::Questionnaire;
use serde_json::json;
use time::{Date, Month, OffsetDateTime};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn at(day: u8) -> OffsetDateTime {
    Date::from_calendar_date(2026, Month::November, day)
        .and_then(|date| date.with_hms(9, 0, 0))
        .map(|time| time.assume_utc())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// A partner `n`: one Proxmox or Hyper-V cluster, a link whose far end has the MTU given, and the
/// backup server's high availability unknown for some.
fn partner(n: usize, far_mtu: u32, unknown_ha: bool) -> Answers {
    let platform = if n.is_multiple_of(2) {
        "proxmox_ve"
    } else {
        "hyperv"
    };
    let mut answers = json!({
        "schema_version": intake_core::answers::SCHEMA_VERSION,
        "answers": {
            "engagement.partner_name": {"value": format!("Partner {n}")},
            "platform.vbr_version": {"value": "12.3.1.1139"},
        },
        "groups": {
            "compute.clusters": [{"name": "c1", "answers": {"platform": {"value": platform}}}],
            "network.links": [{"name": "a-b", "answers": {
                "mtu_near": {"value": 9000}, "mtu_far": {"value": far_mtu}}}],
        }
    });
    if unknown_ha {
        answers["answers"]["platform.backup_server_ha"] = json!({"dont_know": true});
    }
    Answers::from_json(&answers.to_string(), questionnaire()).expect("valid")
}

fn read(bytes: &[u8]) -> bundle::ReadBundle {
    bundle::read(bytes, questionnaire()).expect("reads")
}

#[test]
fn counts_match_the_answers_the_bundles_were_made_from() {
    let mut portfolio = Portfolio::default();
    // 12 partners: every third has the MTU mismatch; every fourth does not know about HA.
    for n in 0..12 {
        let answers = partner(
            n,
            if n.is_multiple_of(3) { 1500 } else { 9000 },
            n.is_multiple_of(4),
        );
        let bytes = bundle::write(questionnaire(), &answers, &[], at(10)).expect("written");
        portfolio.add(environment(questionnaire(), &read(&bytes)));
    }
    // An older bundle of partner 1, with the mismatch: the newer one counts.
    let older =
        bundle::write(questionnaire(), &partner(1, 1500, false), &[], at(1)).expect("written");
    portfolio.add(environment(questionnaire(), &read(&older)));
    portfolio.unreadable("broken.zip".to_owned(), "not a zip archive".to_owned());

    let report = portfolio.report(false);
    assert_eq!(report.bundles_read, 13);
    assert_eq!(report.partners, 12);
    let mtu = report
        .rules
        .iter()
        .find(|rule| rule.rule == "NET-001")
        .expect("NET-001 fired");
    assert_eq!(mtu.partners_with_issue, 4, "partners 0, 3, 6, 9");
    // By platform: partners 0 and 6 run Proxmox, 3 and 9 Hyper-V; six of each.
    let index = |value: &str| {
        report
            .facts
            .iter()
            .position(|fact| fact.dimension == "Platform" && fact.value.contains(value))
            .expect("the platform is counted")
    };
    assert_eq!(report.facts[index("Proxmox")].partners, 6);
    assert_eq!(mtu.by_fact[index("Proxmox")], 2);
    assert_eq!(mtu.by_fact[index("Hyper-V")], 2);
    let version = report
        .facts
        .iter()
        .find(|fact| fact.dimension == "Backup & Replication version")
        .expect("counted");
    assert_eq!((version.value.as_str(), version.partners), ("12.3", 12));
    let (question, count) = report
        .unknown
        .iter()
        .find(|(question, _)| question.starts_with("Is backup server high availability"))
        .expect("an unknown question");
    assert_eq!(*count, 3, "{question}: partners 0, 4, 8");
    assert_eq!(report.unreadable[0].file, "broken.zip");
    // No names unless asked.
    assert!(report.partner_names.is_empty());
    assert!(!report.to_json().contains("Partner 1"));
    assert!(!report.csv().contains("Partner 1"));
    assert!(!report.html().contains("Partner 1"));
    let named = portfolio.report(true);
    assert_eq!(named.partner_names.len(), 12);
    // The app's worker hands the report to the page as JSON: it reads back the same.
    assert_eq!(
        intake_core::bundle::portfolio::PortfolioReport::from_json(&named.to_json()),
        Ok(named.clone())
    );
    assert!(intake_core::bundle::portfolio::PortfolioReport::from_json("{").is_err());

    let csv = report.csv();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert!(rows.iter().any(|row| &row[0] == "NET-001"
        && &row[3] == "All"
        && &row[6] == "4"
        && &row[7] == "33 %"));
}

#[test]
fn dismissals_count_for_their_rule_and_their_reasons_show_only_with_names() {
    let bytes = support::bundle_fixture("v3/planned-reviewed.intake.zip");
    let reviewed = read(&bytes);
    let mut portfolio = Portfolio::default();
    portfolio.add(environment(questionnaire(), &reviewed));
    let report = portfolio.report(false);
    let dr = report
        .rules
        .iter()
        .find(|rule| rule.rule == "DR-007")
        .expect("DR-007");
    assert_eq!(dr.dismissed, 1);
    assert!(report.dismissals.is_empty());
    let named = portfolio.report(true);
    assert_eq!(named.dismissals.len(), 1);
    assert_eq!(named.dismissals[0].reason, "Accepted by the customer");
    assert!(!report.html().contains("Accepted by the customer"));
    assert!(named.html().contains("Accepted by the customer"));
}

#[test]
fn of_two_bundles_made_at_once_the_reviewed_one_counts_whatever_the_order() {
    let bytes = support::bundle_fixture("v3/planned-reviewed.intake.zip");
    let reviewed = read(&bytes);
    let answers = reviewed.answers.clone();
    assert_eq!(reviewed.manifest.created_at, "2026-11-02T14:05:00Z");
    let made = Date::from_calendar_date(2026, Month::November, 2)
        .and_then(|date| date.with_hms(14, 5, 0))
        .map(|time| time.assume_utc())
        .expect("a time");
    let plain = bundle::write(questionnaire(), &answers, &[], made).expect("written");
    let plain = read(&plain);
    for order in [[&reviewed, &plain], [&plain, &reviewed]] {
        let mut portfolio = Portfolio::default();
        for bundle in order {
            portfolio.add(environment(questionnaire(), bundle));
        }
        let report = portfolio.report(false);
        assert_eq!(report.partners, 1);
        assert!(
            report
                .rules
                .iter()
                .any(|r| r.rule == "DR-007" && r.dismissed == 1)
        );
    }
}
