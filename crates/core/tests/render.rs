//! Output formats of an assessment: Markdown, CSV and SARIF keep every finding and its severity,
//! and partner-typed text stays inert.

use intake_core::answers::Answers;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{Assessment, Config, assess, render, rules};

/// A certificate named by a hostile partner, expiring soon, renewed by hand.
fn hostile() -> Assessment {
    let json = r#"{ "schema_version": 1,
      "answers": { "engagement.as_of": { "value": "2026-11-01" } },
      "groups": { "certificates.certificates": [
        { "name": "=HYPERLINK(\"http://x\")<script>alert(1)</script>*[x](javascript:alert(1))*|",
          "answers": { "expiry": { "value": "2026-11-10" }, "renewal_method": { "value": "manual" } } } ] } }"#;
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let answers = Answers::from_json(json, questionnaire).expect("answers read");
    assess(questionnaire, &answers, &Config::default())
}

#[test]
fn markdown_shows_partner_text_inert() {
    let markdown = render::assessment_markdown(&hostile());
    assert!(markdown.contains("### high CRT-001"), "{markdown}");
    assert!(!markdown.contains("<script>"), "{markdown}");
    assert!(markdown.contains("\\<script\\>"), "{markdown}");
    assert!(!markdown.contains("[x](javascript"), "{markdown}");
    assert!(markdown.contains("\\*\\[x\\]"), "{markdown}");
}

#[test]
fn csv_has_a_row_per_finding_and_no_live_formula() {
    let assessment = hostile();
    let csv = render::assessment_csv(&assessment);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), assessment.findings.len());
    for row in &rows {
        for field in row {
            assert!(!field.starts_with('='), "a formula cell: {field}");
        }
    }
    assert!(
        rows.iter()
            .any(|row| &row[0] == "CRT-005" && &row[3] == "low")
    );
}

#[test]
fn sarif_keeps_every_finding_and_its_severity() {
    let assessment = hostile();
    let sarif: serde_json::Value =
        serde_json::from_str(&render::assessment_sarif(&assessment, &rules())).expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), assessment.findings.len());
    for (result, finding) in results.iter().zip(&assessment.findings) {
        assert_eq!(result["ruleId"], finding.rule);
        assert_eq!(result["properties"]["severity"], finding.severity.name());
        let index = result["ruleIndex"].as_u64().expect("an index") as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], finding.rule);
    }
}
