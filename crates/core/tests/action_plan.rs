//! The partner's action plan of a reviewed bundle: what goes in and in which order, who acts, the
//! issue tracker's CSV with its priorities, and text typed by people kept inert.

mod support;

use intake_core::answers::Answers;
use intake_core::bundle::action_plan::{action_plan, priority};
use intake_core::bundle::{self, ReadBundle, Review, TriageFile};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::Severity;
use time::{Date, Month, OffsetDateTime};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn read(bytes: &[u8]) -> ReadBundle {
    bundle::read(bytes, questionnaire()).expect("reads")
}

/// The small Proxmox fixture's bundle reviewed with `triage` (a triage file's JSON).
fn reviewed(triage: &str) -> ReadBundle {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| file == "small-proxmox.json")
        .expect("the fixture exists");
    let answers = Answers::from_json(&text, questionnaire()).expect("valid");
    let at = Date::from_calendar_date(2026, Month::November, 20)
        .and_then(|date| date.with_hms(9, 30, 0))
        .map(|time| time.assume_utc())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let bytes = bundle::write(questionnaire(), &answers, &[], at).expect("written");
    let partner = read(&bytes);
    let rerun = bundle::rerun(&partner, questionnaire());
    let file: TriageFile = serde_json::from_str(triage).expect("a triage file");
    let review = Review::from_triage_file(&partner, &rerun, file).expect("applies");
    read(&bundle::write_reviewed(&bytes, &partner, &review, questionnaire(), at).expect("written"))
}

#[test]
fn the_plan_has_what_the_partner_must_do_most_urgent_first_then_what_veeam_handles() {
    let bundle = read(&support::bundle_fixture("v3/planned-reviewed.intake.zip"));
    let rerun = bundle::rerun(&bundle, questionnaire());
    let plan = action_plan(&bundle, &rerun).expect("a plan");
    let ids: Vec<&str> = plan.actions.iter().map(|a| a.id.as_str()).collect();
    // All high: the earlier target date first, the one without a date last (and, as Veeam's,
    // listed apart in the document).
    assert_eq!(ids, ["CC-001", "REVIEW-1", "CC-003"]);
    assert_eq!(plan.untriaged, 58);
    assert!(!plan.actions.iter().any(|a| a.id == "DR-007"), "dismissed");
    assert_eq!(plan.partner, "Noordkaap IT Services B.V.");
    assert!(
        plan.fine.iter().any(|fine| fine.ends_with("(CC-004)")),
        "{:?}",
        plan.fine
    );

    let markdown = plan.markdown();
    let yours = markdown
        .split("## Being handled by Veeam")
        .next()
        .expect("the partner's part");
    assert!(
        yours.contains(
            "### 1\\. Fewer Cloud Connect gateways than N+2 redundancy needs (high, CC-001)"
        ),
        "{markdown}"
    );
    assert!(yours.contains("- **Who**: the partner, by 2027-01-15\n- **Workaround now**: Publish a second gateway behind the same DNS name"), "{markdown}");
    assert!(
        yours.contains(
            "### 2\\. No runbook for restoring the configuration database (high, REVIEW-1)"
        ),
        "{markdown}"
    );
    assert!(!yours.contains("CC-003"), "{markdown}");
    let veeams = markdown
        .split("## Being handled by Veeam")
        .nth(1)
        .expect("Veeam's part");
    assert!(
        veeams.contains("escalated to R\\&D, case 08123456"),
        "{veeams}"
    );
    assert!(
        markdown
            .contains("58 more findings were not triaged by the reviewer and not in this plan.")
    );
    assert!(markdown.contains("## Already fine\n\nChecked on your answers and not the case here"));

    let csv = plan.csv();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        ["Summary", "Description", "Priority", "Due date", "Labels"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|row| row.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    // Only the partner's actions.
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0][0],
        "Fewer Cloud Connect gateways than N+2 redundancy needs"
    );
    assert!(
        rows[0][1].contains("\n\nWorkaround now: Publish a second gateway"),
        "{}",
        rows[0][1]
    );
    assert!(
        rows[0][1].contains("\n\nFix:\n1. Check whether more gateways exist"),
        "{}",
        rows[0][1]
    );
    assert_eq!(rows[0][2..], ["High", "2027-01-15", "CC-001"]);
    assert_eq!(rows[1][2..], ["High", "2027-02-01", "REVIEW-1"]);
}

#[test]
fn severity_comes_before_the_date_and_an_undated_action_after_a_dated_one() {
    let bundle = reviewed(
        r#"{"reviewer": "T. Lead", "triage": [
            {"rule": "CRT-005", "message": "Certificate “VCC-GW01 self-signed” is renewed by hand", "verdict": "confirmed", "due": "2026-12-01"},
            {"rule": "CC-001", "message": "Only 1 Cloud Connect gateway (“VCC-GW01”): N+2 redundancy needs at least 3", "verdict": "follow_up"},
            {"rule": "CC-003", "message": "Gateway “VCC-GW01” faces the internet and is joined to an Active Directory domain", "verdict": "confirmed", "due": "2027-03-01"}
        ]}"#,
    );
    let rerun = bundle::rerun(&bundle, questionnaire());
    let plan = action_plan(&bundle, &rerun).expect("a plan");
    let ids: Vec<&str> = plan.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["CC-003", "CC-001", "CRT-005"]);
}

#[test]
fn every_severity_has_an_issue_tracker_priority() {
    let priorities: Vec<&str> = Severity::ALL.into_iter().map(priority).collect();
    assert_eq!(priorities, ["Highest", "High", "Medium", "Low", "Lowest"]);
}

#[test]
fn text_people_typed_is_inert_in_the_markdown_and_the_csv() {
    let bundle = reviewed(
        r#"{"reviewer": "<b>T</b>", "triage": [
            {"rule": "CC-001", "message": "Only 1 Cloud Connect gateway (“VCC-GW01”): N+2 redundancy needs at least 3", "verdict": "confirmed", "workaround": "<script>alert(1)</script>"}
        ], "added": [{"title": "=HYPERLINK(\"http://x\")", "severity": "low", "message": "@SUM(A1)"}]}"#,
    );
    let rerun = bundle::rerun(&bundle, questionnaire());
    let plan = action_plan(&bundle, &rerun).expect("a plan");
    let markdown = plan.markdown();
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(!markdown.contains("<b>"), "{markdown}");
    let csv = plan.csv();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let cells: Vec<String> = reader
        .records()
        .flat_map(|row| {
            row.expect("a row")
                .iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        cells.iter().any(|c| c == "'=HYPERLINK(\"http://x\")"),
        "{cells:?}"
    );
    assert!(cells.iter().any(|c| c == "'@SUM(A1)"), "{cells:?}");
    assert!(
        cells.iter().all(|c| !c.starts_with(['=', '+', '@'])),
        "{cells:?}"
    );
}

#[test]
fn a_bundle_without_a_review_has_no_plan_and_says_so() {
    let bundle = read(&support::bundle_fixture("v3/exports.intake.zip"));
    let rerun = bundle::rerun(&bundle, questionnaire());
    let problems = action_plan(&bundle, &rerun).expect_err("no review");
    assert_eq!(
        problems,
        ["the bundle has no review: review it first (review mode, or intake review --apply)"]
    );
}
