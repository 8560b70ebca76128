//! R&D's evidence pack and QA's test plan, made from the largest fixture reviewed with
//! `tests/fixtures/triage/large-provider.json` (and the partner's walk of STO-005): which findings
//! go in and in which order, what each holds, anonymisation with the same placeholders across
//! both documents, the test cases and their CSV, and text typed by people kept inert.

mod support;

use intake_core::answers::Answers;
use intake_core::bundle::evidence_pack::{EvidencePack, evidence_pack, evidence_pack_schema};
use intake_core::bundle::test_plan::{TestPlan, test_plan};
use intake_core::bundle::{self, ReadBundle, Review, TriageFile};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules;
use time::{Date, Month, OffsetDateTime};

const TRIAGE: &str = include_str!("../../../tests/fixtures/triage/large-provider.json");
const WALKS: &str = include_str!("../../../tests/fixtures/walks/large-provider.json");

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn at(day: u8) -> OffsetDateTime {
    Date::from_calendar_date(2026, Month::November, day)
        .and_then(|date| date.with_hms(9, 30, 0))
        .map(|time| time.assume_utc())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The large provider's bundle, with the partner's walk, reviewed with `triage`.
fn reviewed(triage: &str) -> ReadBundle {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| file == "large-provider.json")
        .expect("the fixture exists");
    let answers = Answers::from_json(&text, questionnaire()).expect("valid");
    let walks = bundle::read_walks_json(WALKS).expect("walks read");
    let bytes = bundle::write(questionnaire(), &answers, &walks, at(2)).expect("written");
    let partner = bundle::read(&bytes, questionnaire()).expect("reads");
    let rerun = bundle::rerun(&partner, questionnaire());
    let file: TriageFile = serde_json::from_str(triage).expect("a triage file");
    let review = Review::from_triage_file(&partner, &rerun, file).expect("applies");
    let reviewed = bundle::write_reviewed(&bytes, &partner, &review, questionnaire(), at(20))
        .expect("written");
    bundle::read(&reviewed, questionnaire()).expect("reads")
}

fn documents(bundle: &ReadBundle, with_originals: bool) -> (EvidencePack, TestPlan) {
    let rerun = bundle::rerun(bundle, questionnaire());
    (
        evidence_pack(questionnaire(), bundle, &rerun, with_originals).expect("a pack"),
        test_plan(questionnaire(), bundle, &rerun, with_originals).expect("a plan"),
    )
}

/// Names of the partner's platform that the anonymised documents must not hold.
const ORIGINALS: [&str; 6] = [
    "pure-ams2-fa01",
    "ccgw-fra1-07",
    "vbp-ams2-iaas01-02",
    "cl-fra1-drr-02",
    "AMS2",
    "Gold",
];

#[test]
fn the_pack_has_each_escalated_finding_with_its_evidence_walk_and_open_questions() {
    let bundle = reviewed(TRIAGE);
    let (pack, _) = documents(&bundle, false);
    let ids: Vec<&str> = pack.escalations.iter().map(|e| e.id.as_str()).collect();
    // Escalated or owned by R&D, confirmed or followed up: the critical one first, then by id.
    // VER-004 is the partner's, DR-006 dismissed: not R&D's.
    assert_eq!(ids, ["CC-005", "REVIEW-1", "STO-005"]);

    let storage = &pack.escalations[2];
    assert_eq!(storage.case_id, "08234567");
    assert_eq!(storage.verdict, "confirmed");
    assert!(
        storage.evidence.iter().any(|fact| fact
            .question
            .ends_with("Date of the last firmware update")
            && fact.answer == "2026-10-20"),
        "{:#?}",
        storage.evidence
    );
    // The partner's walk: four steps passed, and the conclusion it reached.
    let [walk] = storage.walks.as_slice() else {
        panic!("one walk: {:#?}", storage.walks);
    };
    assert_eq!(walk.by, "the partner");
    assert_eq!(walk.ruled_out.len(), 4);
    assert_eq!(
        walk.ruled_out[2].found,
        "A command fails with ILLEGAL REQUEST (sense key 0x5) that used to work"
    );
    assert!(
        walk.conclusion
            .as_ref()
            .is_some_and(|c| c.cause.contains("cannot be undone"))
    );
    // Anonymised: the walk's notes are dropped (they quote the platform).
    assert!(walk.ruled_out.iter().all(|checked| checked.note.is_empty()));
    assert!(
        storage
            .open_questions
            .iter()
            .any(|open| open.starts_with("To verify (STO-003)")),
        "{:?}",
        storage.open_questions
    );
    let follow_up = &pack.escalations[0];
    assert!(
        follow_up
            .open_questions
            .iter()
            .any(|open| open.contains("to follow up"))
    );

    // The environment to reproduce: versions, and the array's model and firmware as typed.
    let platform = &pack.environment[0];
    assert_eq!(platform.title, "Veeam platform and versions");
    assert!(
        platform
            .facts
            .iter()
            .any(|fact| fact.answer == "13.0.1.1071")
    );
    let markdown = pack.markdown();
    assert!(markdown.contains("FlashArray//X70R4"), "model kept");
    assert!(markdown.contains("Purity//FA 6.5.10"), "firmware kept");

    // The timeline: dated answers, the walk and the review, oldest first.
    assert!(pack.timeline.windows(2).all(|pair| pair[0] <= pair[1]));
    let firmware = pack
        .timeline
        .iter()
        .position(|dated| dated.at == "2026-10-20" && dated.what.contains("firmware"))
        .expect("the firmware update is on the timeline");
    let walked = pack
        .timeline
        .iter()
        .position(|dated| dated.what.starts_with("Playbook “Storage firmware"))
        .expect("the walk is on the timeline");
    assert!(firmware < walked);
}

#[test]
fn both_documents_are_anonymised_alike_unless_the_originals_are_asked_for() {
    let bundle = reviewed(TRIAGE);
    let (pack, plan) = documents(&bundle, false);
    assert!(pack.anonymised && plan.anonymised);
    assert_eq!(pack.partner, "Partner");
    let texts = [
        pack.markdown(),
        pack.html(),
        pack.to_json(),
        plan.markdown(),
        plan.html(),
        plan.csv(),
    ];
    for text in &texts {
        for original in ORIGINALS {
            assert!(!text.contains(original), "“{original}” left in:\n{text}");
        }
        assert!(!text.contains("Noordkaap"), "the partner's name left");
    }
    // One placeholder for the array, wherever it appears: the rule's message, the reviewer's own
    // note and added finding, and the test plan.
    let storage = &pack.escalations[2];
    let placeholder = storage
        .message
        .split('“')
        .nth(1)
        .and_then(|rest| rest.split('”').next())
        .expect("the message names the array");
    assert!(placeholder.starts_with("Storage system "), "{placeholder}");
    assert!(storage.note.contains(placeholder), "{}", storage.note);
    assert!(
        pack.escalations[1].message.contains(placeholder),
        "{}",
        pack.escalations[1].message
    );
    let scope = plan
        .scopes
        .iter()
        .find(|scope| scope.id == "STO-005")
        .expect("in scope");
    assert!(scope.message.contains(placeholder), "{}", scope.message);

    let (pack, plan) = documents(&bundle, true);
    assert!(!pack.anonymised && !plan.anonymised);
    let markdown = pack.markdown();
    assert!(markdown.contains("pure-ams2-fa01"));
    assert!(pack.escalations[2].note.contains("pure-ams2-fa01"));
    assert!(plan.markdown().contains("pure-ams2-fa01"));
}

#[test]
fn the_test_plan_has_cases_from_the_finding_its_walk_and_the_rules_vectors() {
    let bundle = reviewed(TRIAGE);
    let (_, plan) = documents(&bundle, false);
    let ids: Vec<&str> = plan.scopes.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["CC-005", "REVIEW-1", "STO-005"]);
    assert!(
        plan.products
            .iter()
            .any(|p| p == "Veeam Backup & Replication 13.0.1.1071")
    );
    let storage = &plan.scopes[2];
    assert_eq!(storage.component, "Storage");
    // STO-001 reads the same change-control answer.
    assert!(
        storage
            .related_checks
            .iter()
            .any(|check| check.starts_with("STO-001")),
        "{:?}",
        storage.related_checks
    );
    let vectors = rules::vectors("STO-005");
    assert!(!vectors.is_empty());
    assert_eq!(storage.cases.len(), 2 + vectors.len());
    let reproduce = &storage.cases[0];
    assert_eq!(reproduce.priority, "High");
    assert!(
        reproduce
            .steps
            .iter()
            .any(|step| step.contains("Look for SCSI errors on the hosts and proxies")),
        "the walk's steps: {:?}",
        reproduce.steps
    );
    assert!(reproduce.expected.contains("cannot be undone"));
    let fix = &storage.cases[1];
    assert!(fix.steps[0].starts_with("Apply a workaround now"));
    assert!(fix.expected.starts_with("STO-005 is not reported any more"));
    let fires = &storage.cases[2];
    assert!(fires.title.starts_with("STO-005 "), "{}", fires.title);
    assert!(!fires.preconditions.is_empty());
    assert_eq!(plan.scopes[0].cases[0].priority, "Highest");

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
        [
            "Title",
            "Preconditions",
            "Steps",
            "Expected result",
            "Priority",
            "Component"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), plan.cases().count());
    assert!(rows.iter().all(|row| row.len() == 6));
    assert!(rows.iter().any(|row| &row[2] == "1. Set up a platform with the preconditions.\n2. Line up the update with the first failing session (found here: Failures or slow-downs began at or after the update)\n3. Read the error and where the failing task ran (found here: Reading the source failed (direct SAN access or storage snapshots))\n4. Look for SCSI errors on the hosts and proxies (found here: A command fails with ILLEGAL REQUEST (sense key 0x5) that used to work)\n5. Check the new firmware against the lists (found here: Not listed, or the release notes name the change)"));
}

#[test]
fn what_people_typed_is_inert_in_every_document() {
    let hostile = TRIAGE
        .replace(
            "Let the AMS2 proxies",
            "<script>alert(1)</script> **bold** Let the AMS2 proxies",
        )
        .replace(
            "Backup from storage snapshots fails on the AMS2",
            "=HYPERLINK(\\\"http://x\\\") on the AMS2",
        );
    let bundle = reviewed(&hostile);
    let rerun = bundle::rerun(&bundle, questionnaire());
    for with_originals in [false, true] {
        let (pack, plan) = documents(&bundle, with_originals);
        for html in [pack.html(), plan.html()] {
            assert!(!html.contains("<script>"), "{html}");
        }
        assert!(pack.html().contains("&lt;script&gt;"));
        assert!(pack.markdown().contains("\\<script\\>"));
        assert!(pack.markdown().contains("\\*\\*bold\\*\\*"));
        let csv = plan.csv();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        for row in reader.records() {
            for field in row.expect("a row").iter() {
                assert!(
                    !field.starts_with(['=', '+', '-', '@']),
                    "a formula: {field}"
                );
            }
        }
    }
    let plan = bundle::action_plan::action_plan(&bundle, &rerun).expect("a plan");
    let html = plan.html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.contains("<script"), "no script at all");
    assert!(html.contains("@page"), "prints with page margins");
}

#[test]
fn a_bundle_without_a_finished_review_has_no_documents_but_a_list_of_what_to_do() {
    let bytes = support::bundle_fixture("v2/walked.intake.zip");
    let bundle = bundle::read(&bytes, questionnaire()).expect("reads");
    let rerun = bundle::rerun(&bundle, questionnaire());
    let problems = evidence_pack(questionnaire(), &bundle, &rerun, false).expect_err("no review");
    assert!(problems[0].contains("review it first"), "{problems:?}");
    assert!(test_plan(questionnaire(), &bundle, &rerun, false).is_err());
}

#[test]
fn a_review_escalating_nothing_says_so() {
    let bytes = support::bundle_fixture("v2/confirmed-reviewed.intake.zip");
    let bundle = bundle::read(&bytes, questionnaire()).expect("reads");
    let (pack, plan) = documents(&bundle, false);
    assert!(pack.escalations.is_empty());
    assert!(
        pack.markdown()
            .contains("No finding was escalated to R\\&D in this review.")
    );
    assert!(plan.scopes.is_empty());
    assert_eq!(plan.csv().lines().count(), 1, "the header only");
}

#[test]
fn the_pack_json_has_every_field_its_schema_requires() {
    let bundle = reviewed(TRIAGE);
    let (pack, _) = documents(&bundle, false);
    let json: serde_json::Value = serde_json::from_str(&pack.to_json()).expect("JSON");
    assert_eq!(json["evidence_pack_schema_version"], 1);
    assert_eq!(json["escalations"][2]["id"], "STO-005");
    let schema: serde_json::Value =
        serde_json::from_str(&evidence_pack_schema()).expect("a schema");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in required {
        assert!(json.get(field).is_some(), "{field} missing");
    }
}

#[test]
fn the_reviewed_bundle_carries_the_three_documents_hashed_by_its_review() {
    let bundle = reviewed(TRIAGE);
    assert!(bundle.integrity.is_intact(), "{:?}", bundle.integrity);
    let review = bundle.review.as_ref().expect("reviewed");
    let (pack, plan) = documents(&bundle, false);
    let rerun = bundle::rerun(&bundle, questionnaire());
    let actions = bundle::action_plan::action_plan(&bundle, &rerun).expect("a plan");
    let expected = [
        (bundle::ACTION_PLAN_HTML, actions.html()),
        (bundle::ACTION_PLAN_MD, actions.markdown()),
        (bundle::ACTION_PLAN_CSV, actions.csv()),
        (bundle::EVIDENCE_PACK_MD, pack.markdown()),
        (bundle::EVIDENCE_PACK_JSON, pack.to_json()),
        (bundle::TEST_PLAN_MD, plan.markdown()),
        (bundle::TEST_PLAN_CSV, plan.csv()),
    ];
    for (name, text) in expected {
        assert_eq!(
            review.files.get(name),
            Some(&bundle::sha256_hex(text.as_bytes())),
            "{name}: the bundle holds the document as made now, hashed by review.json"
        );
        assert!(
            bundle
                .integrity
                .files
                .iter()
                .any(|file| file.name == name && file.status == bundle::FileStatus::Intact),
            "{name}"
        );
    }
}

#[test]
fn a_walk_that_ended_gives_the_workaround_to_fill_in() {
    let bundle = reviewed(TRIAGE);
    let review = bundle.review.as_ref().expect("reviewed");
    let fix = review
        .concluded_fix(&bundle.walks, "STO-005")
        .expect("the partner's walk of STO-005 ended");
    assert!(fix.starts_with("Apply a workaround now"), "{fix}");
    assert_eq!(review.concluded_fix(&bundle.walks, "CC-005"), None);
    // A walk not finished gives nothing.
    let mut unfinished = bundle.walks.clone();
    for walk in &mut unfinished {
        walk.steps.pop();
    }
    assert_eq!(review.concluded_fix(&unfinished, "STO-005"), None);
}
