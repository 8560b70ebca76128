//! Two assessments of one partner compared: findings fixed, new, re-rated and still open, each
//! with the answers that caused it; answers matched by question and group items by name; counts
//! before and after; the documents escape what people typed.

mod support;

use intake_core::answers::Answers;
use intake_core::bundle::compare::{Comparison, compare};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{self, Category, Config, FindingKind, Severity};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn large() -> serde_json::Value {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| file == "large-provider.json")
        .expect("the fixture exists");
    serde_json::from_str(&text).expect("JSON")
}

fn answers(json: &serde_json::Value) -> Answers {
    Answers::from_json(&json.to_string(), questionnaire()).expect("valid answers")
}

/// The large provider three months on: the load balancer passes TCP through, the link's far end
/// carries jumbo frames, and the date moved (certificates closer to expiry).
fn remediated() -> serde_json::Value {
    let mut json = large();
    json["answers"]["engagement.as_of"] = serde_json::json!({"value": "2027-02-01"});
    json["groups"]["network.links"][3]["answers"]["mtu_far"] = serde_json::json!({"value": 9000});
    for gateway in 26..30 {
        json["groups"]["cloud_connect.gateways"][gateway]["answers"]["lb_mode"] =
            serde_json::json!({"value": "tcp_passthrough"});
    }
    json
}

fn compared(before: &serde_json::Value, after: &serde_json::Value) -> Comparison {
    compare(
        questionnaire(),
        ("before engagement", &answers(before)),
        ("after remediation", &answers(after)),
    )
}

fn rules_of(list: &[intake_core::bundle::compare::Compared]) -> Vec<&str> {
    list.iter().map(|c| c.rule.as_str()).collect()
}

#[test]
fn fixed_new_and_rerated_findings_come_with_the_answers_that_caused_them() {
    let comparison = compared(&large(), &remediated());
    assert_eq!(
        rules_of(&comparison.fixed),
        ["CC-004", "NET-001", "STO-005"]
    );
    let balancer = &comparison.fixed[0];
    assert_eq!(balancer.caused_by.len(), 4, "{:#?}", balancer.caused_by);
    assert!(balancer.caused_by.iter().all(|change| {
        change
            .question
            .ends_with("How does the load balancer handle the Cloud Connect port?")
            && change.after.starts_with("TCP passthrough")
    }));
    // STO-005 looks back 30 days from the date the answers describe: the date moved on.
    assert_eq!(
        comparison.fixed[2].caused_by[0].question,
        "Date these answers describe"
    );

    // Jumbo frames at both ends now: the hops are the next thing to check.
    assert!(rules_of(&comparison.new).contains(&"NET-002"));
    let hops = comparison
        .new
        .iter()
        .find(|c| c.rule == "NET-002")
        .expect("new");
    assert_eq!(hops.before, None);
    assert_eq!(hops.caused_by[0].after, "9000 bytes");

    // "3 certificates" became "7 certificates", now critical: the same finding, re-rated.
    let [certificates] = comparison.rerated.as_slice() else {
        panic!("{:#?}", comparison.rerated);
    };
    assert_eq!(certificates.rule, "CRT-001");
    assert_eq!(
        certificates.before.map(|r| r.severity),
        Some(Severity::High)
    );
    assert_eq!(
        certificates.after.map(|r| r.severity),
        Some(Severity::Critical)
    );
    assert!(certificates.message.starts_with("3 certificates"));
    assert!(
        certificates
            .message_after
            .as_deref()
            .is_some_and(|m| m.starts_with("7 certificates"))
    );

    // Every finding of both assessments is in exactly one list.
    let config = Config::default();
    let before = rules::assess(questionnaire(), &answers(&large()), &config);
    let after = rules::assess(questionnaire(), &answers(&remediated()), &config);
    let paired = comparison.rerated.len() + comparison.still_open.len();
    assert_eq!(comparison.fixed.len() + paired, before.findings.len());
    assert_eq!(comparison.new.len() + paired, after.findings.len());
    assert_eq!(comparison.counts_before.issues, before.issues().count());
    assert_eq!(comparison.counts_after.issues, after.issues().count());
    assert_eq!(
        comparison.counts_after.to_verify,
        after
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::NeedsVerification)
            .count()
    );
    let storage = |counts: &intake_core::bundle::compare::Counts| {
        counts
            .by_category
            .iter()
            .find(|(c, _)| *c == Category::Storage)
            .map_or(0, |(_, n)| *n)
    };
    assert_eq!(
        storage(&comparison.counts_before),
        storage(&comparison.counts_after) + 1
    );

    // The answers changed: the date, the link's MTU and the four gateways.
    assert_eq!(comparison.answers_changed.len(), 6);
    assert_eq!(comparison.answers_changed[0].before, "2026-11-01");
    assert_eq!(comparison.answers_changed[0].after, "2027-02-01");
    assert_eq!(
        comparison.summary(),
        "3 fixed, 4 new, 1 re-rated, 40 still open; 6 answers changed"
    );
}

#[test]
fn the_same_answers_change_nothing_and_items_are_matched_by_name_not_position() {
    let same = compared(&large(), &large());
    assert!(same.fixed.is_empty() && same.new.is_empty() && same.rerated.is_empty());
    assert!(same.answers_changed.is_empty());
    assert!(!same.still_open.is_empty());

    let mut reordered = large();
    reordered["groups"]["cloud_connect.gateways"]
        .as_array_mut()
        .expect("gateways")
        .reverse();
    let moved = compared(&large(), &reordered);
    assert!(
        moved.answers_changed.is_empty(),
        "{:#?}",
        moved.answers_changed
    );
    assert!(moved.fixed.is_empty() && moved.new.is_empty() && moved.rerated.is_empty());

    // An item removed: its answers read as no longer answered.
    let mut removed = large();
    removed["groups"]["network.links"]
        .as_array_mut()
        .expect("links")
        .remove(3);
    let gone = compared(&large(), &removed);
    assert!(rules_of(&gone.fixed).contains(&"NET-001"));
    assert!(gone.answers_changed.iter().all(|change| {
        change.question.starts_with("Link “AMS1-FRA1 L2 B”") && change.after == "Not answered"
    }));
}

#[test]
fn the_documents_escape_what_people_typed() {
    let mut hostile = remediated();
    hostile["groups"]["network.links"][3]["name"] =
        serde_json::json!("<script>alert(1)</script> *link*");
    let mut before = large();
    before["groups"]["network.links"][3]["name"] =
        serde_json::json!("<script>alert(1)</script> *link*");
    let comparison = compared(&before, &hostile);
    let html = comparison.html();
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;"));
    let markdown = comparison.markdown();
    assert!(markdown.contains("\\<script\\>"));
    assert!(markdown.contains("\\*link\\*"));
    let json: serde_json::Value = serde_json::from_str(&comparison.to_json()).expect("JSON");
    assert_eq!(json["comparison_schema_version"], 1);
    assert_eq!(json["before"], "before engagement");
}

/// The trend over a draft's milestones: each point assessed and counted as a comparison counts
/// it, the fixed findings gone from the later point.
#[test]
fn a_trend_counts_each_point_as_the_comparison_does() {
    let (before, after) = (answers(&large()), answers(&remediated()));
    let points = intake_core::bundle::compare::trend(
        questionnaire(),
        &[
            ("before engagement", &before),
            ("after remediation", &after),
        ],
    );
    let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["before engagement", "after remediation"]);
    let comparison = compared(&large(), &remediated());
    assert_eq!(points[0].counts, comparison.counts_before);
    assert_eq!(points[1].counts, comparison.counts_after);
    let total = |p: &intake_core::bundle::compare::TrendPoint| {
        p.counts.by_severity.iter().map(|(_, n)| n).sum::<usize>()
    };
    assert_eq!(total(&points[0]), points[0].counts.issues);
    assert_ne!(points[0].counts, points[1].counts);
    assert!(
        intake_core::bundle::compare::trend(questionnaire(), &[]).is_empty(),
        "no points, no trend"
    );
}
