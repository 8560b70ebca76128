//! Review schema 4: each finding's plan (owner, target date, workaround, escalation to R&D, case
//! id), written from a triage file as `intake review --apply` does, kept in the reviewed bundle,
//! shown in its reports; older reviews read with no plan.

mod support;

use std::io::{Cursor, Read};

use intake_core::answers::Answers;
use intake_core::bundle::{self, Owner, ReadBundle, Review, TriageFile, Verdict};
use intake_core::questionnaire::Questionnaire;
use time::{Date, Month, OffsetDateTime};
use zip::ZipArchive;

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn at(day: u8) -> OffsetDateTime {
    Date::from_calendar_date(2026, Month::November, day)
        .and_then(|date| date.with_hms(9, 30, 0))
        .expect("a valid time")
        .assume_utc()
}

/// The small Proxmox fixture's bundle, as written and as read.
fn partner_bundle() -> (Vec<u8>, ReadBundle) {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| file == "small-proxmox.json")
        .expect("the fixture exists");
    let answers = Answers::from_json(&text, questionnaire()).expect("valid");
    let bytes = bundle::write(questionnaire(), &answers, &[], at(2)).expect("written");
    let read = bundle::read(&bytes, questionnaire()).expect("reads");
    (bytes, read)
}

fn triage_file(text: &str) -> TriageFile {
    serde_json::from_str(text).expect("a triage file")
}

fn fixture_triage() -> TriageFile {
    triage_file(include_str!(
        "../../../tests/fixtures/triage/small-proxmox.json"
    ))
}

fn entry(bytes: &[u8], name: &str) -> String {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the file")
        .read_to_string(&mut text)
        .expect("text");
    text
}

#[test]
fn a_triage_file_makes_a_review_whose_plans_survive_the_bundle() {
    let (bytes, read) = partner_bundle();
    let rerun = bundle::rerun(&read, questionnaire());
    let review = Review::from_triage_file(&read, &rerun, fixture_triage()).expect("applies");
    let reviewed =
        bundle::write_reviewed(&bytes, &read, &review, questionnaire(), at(20)).expect("written");
    let back = bundle::read(&reviewed, questionnaire()).expect("reads");
    assert!(back.integrity.is_intact(), "{:?}", back.integrity);
    let review = back.review.as_ref().expect("reviewed");
    assert_eq!(review.review_schema_version, 4);
    assert_eq!(review.reviewer, "T. Lead");

    let gateways = review
        .triage
        .iter()
        .find(|t| t.key.rule == "CC-001")
        .expect("CC-001 triaged");
    assert_eq!(gateways.verdict, Some(Verdict::Confirmed));
    assert_eq!(gateways.plan.owner, Some(Owner::Partner));
    assert_eq!(gateways.plan.due, "2027-01-15");
    let escalated = review
        .triage
        .iter()
        .find(|t| t.key.rule == "CC-003")
        .expect("CC-003 triaged");
    assert!(escalated.plan.escalate);
    assert_eq!(escalated.plan.case_id, "08123456");
    assert_eq!(review.added[0].id, "REVIEW-1");
    assert_eq!(review.added[0].plan.due, "2027-02-01");

    let rerun = bundle::rerun(&back, questionnaire());
    let text = bundle::review_text("reviewed.intake.zip", &back, &rerun);
    for line in [
        "plan: owner: the partner by 2027-01-15; workaround: Publish a second gateway behind the same DNS name",
        "plan: owner: Veeam R&D; escalated to R&D, case 08123456",
        "plan: owner: the partner by 2027-02-01",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let report = entry(&reviewed, bundle::REVIEW_MD);
    assert!(
        report.contains(r"Plan: owner: Veeam R\&D; escalated to R\&D, case 08123456"),
        "{report}"
    );
    let html = entry(&reviewed, bundle::REVIEW_HTML);
    assert!(
        html.contains("escalated to R&amp;D, case 08123456"),
        "{html}"
    );
}

#[test]
fn a_triage_file_with_problems_is_refused_with_each_of_them() {
    let (_, read) = partner_bundle();
    let rerun = bundle::rerun(&read, questionnaire());
    let gateways = "Only 1 Cloud Connect gateway (“VCC-GW01”): N+2 redundancy needs at least 3";
    let file = triage_file(&format!(
        r#"{{"triage": [
            {{"rule": "CC-001", "message": "no such message", "verdict": "confirmed"}},
            {{"rule": "CC-001", "message": "{gateways}", "verdict": "dismissed"}},
            {{"rule": "CC-001", "message": "{gateways}", "due": "next week"}}
        ],
        "added": [{{"title": " ", "severity": "low", "message": "seen on the call"}}]}}"#
    ));
    let problems = Review::from_triage_file(&read, &rerun, file).expect_err("refused");
    assert_eq!(
        problems,
        [
            "CC-001 “no such message” names no finding of this bundle: copy the rule and the \
             message as `intake review` prints them"
                .to_owned(),
            format!("CC-001 “{gateways}” is triaged twice"),
            "CC-001: a dismissal needs a reason".to_owned(),
            "CC-001: the target date “next week” is not a date: write it as YYYY-MM-DD, like \
             2026-11-22"
                .to_owned(),
            "REVIEW-1: give the finding a title".to_owned(),
        ]
    );
}

#[test]
fn text_a_partner_or_reviewer_typed_is_inert_in_the_reports() {
    let (bytes, read) = partner_bundle();
    let rerun = bundle::rerun(&read, questionnaire());
    let gateways = "Only 1 Cloud Connect gateway (“VCC-GW01”): N+2 redundancy needs at least 3";
    let file = triage_file(&format!(
        r#"{{"reviewer": "x", "triage": [{{"rule": "CC-001", "message": "{gateways}",
            "workaround": "<script>alert(1)</script> =HYPERLINK(\"x\")", "owner": "veeam_support"}}]}}"#
    ));
    let review = Review::from_triage_file(&read, &rerun, file).expect("applies");
    let reviewed =
        bundle::write_reviewed(&bytes, &read, &review, questionnaire(), at(20)).expect("written");
    let html = entry(&reviewed, bundle::REVIEW_HTML);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let markdown = entry(&reviewed, bundle::REVIEW_MD);
    assert!(!markdown.contains("<script>alert"), "{markdown}");
}

/// Review schema 4's fixture (bundle schema 3): `intake review --apply` of
/// `tests/fixtures/triage/small-proxmox.json` on the small Proxmox fixture's bundle.
#[test]
fn a_fourth_format_review_carries_its_plans_and_a_third_reads_with_none() {
    let bytes = support::bundle_fixture("v3/planned-reviewed.intake.zip");
    let read = bundle::read(&bytes, questionnaire()).expect("reads");
    assert!(read.integrity.is_intact(), "{:?}", read.integrity);
    let review = read.review.as_ref().expect("reviewed");
    assert_eq!(review.review_schema_version, 4);
    let planned: Vec<&str> = review
        .triage
        .iter()
        .filter(|t| !t.plan.is_empty())
        .map(|t| t.key.rule.as_str())
        .collect();
    assert_eq!(planned, ["CC-001", "CC-003"]);

    let older = support::bundle_fixture("v2/confirmed-reviewed.intake.zip");
    let read = bundle::read(&older, questionnaire()).expect("reads");
    let review = read.review.as_ref().expect("reviewed");
    assert_eq!(review.review_schema_version, 3);
    assert!(review.triage.iter().all(|t| t.plan.is_empty()));
    assert!(review.added.iter().all(|a| a.plan.is_empty()));
}
