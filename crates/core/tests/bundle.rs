//! Findings bundles: written deterministically, read back whole, and hostile archives refused
//! with the specific reason.

mod support;

use std::io::Cursor;

use intake_core::answers::{Answer, Answers, Value};
use intake_core::bundle::{
    self, BundleError, Change, FileStatus, MAX_ENTRIES, ReadBundle, Review, ReviewError, Verdict,
};
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{FindingKind, RULESET_VERSION, Severity};
use support::zip::{Raw, pack, raw_zip, unpack, zeros_deflated};
use time::{Date, Month, OffsetDateTime, UtcOffset};
use zip::ZipArchive;

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn created_at() -> OffsetDateTime {
    Date::from_calendar_date(2026, Month::November, 2)
        .and_then(|date| date.with_hms(14, 5, 9))
        .expect("a valid time")
        .assume_utc()
}

fn fixture(name: &str) -> Answers {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| *file == format!("{name}.json"))
        .expect("the fixture exists");
    Answers::from_json(&text, questionnaire()).expect("the fixture is valid")
}

fn small_bundle() -> Vec<u8> {
    bundle::write(
        questionnaire(),
        &fixture("small-proxmox"),
        &[],
        created_at(),
    )
    .expect("written")
}

fn read(bytes: &[u8]) -> Result<ReadBundle, BundleError> {
    bundle::read(bytes, questionnaire())
}

/// The small bundle with one file replaced (or removed with `None`).
fn edited(name: &str, edit: impl Fn(Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    let entries: Vec<(String, Vec<u8>)> = unpack(&small_bundle())
        .into_iter()
        .filter_map(|(entry, data)| {
            if entry == name {
                edit(data).map(|data| (entry, data))
            } else {
                Some((entry, data))
            }
        })
        .collect();
    pack(&entries)
}

fn file(bytes: &[u8], name: &str) -> String {
    let (_, data) = unpack(bytes)
        .into_iter()
        .find(|(entry, _)| entry == name)
        .expect("the file is in the bundle");
    String::from_utf8(data).expect("UTF-8")
}

#[test]
fn every_fixture_survives_a_round_trip_intact_and_unchanged() {
    for (name, text) in support::answers_fixtures() {
        let answers = Answers::from_json(&text, questionnaire()).expect("valid");
        let bytes = bundle::write(questionnaire(), &answers, &[], created_at()).expect("written");
        let read = read(&bytes).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(read.answers, answers, "{name}");
        assert!(read.integrity.is_intact(), "{name}: {:?}", read.integrity);
        let names: Vec<String> = unpack(&bytes).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, bundle::FILES, "{name}");
        let manifest = &read.manifest;
        assert_eq!(manifest.bundle_schema_version, bundle::SCHEMA_VERSION);
        assert_eq!(manifest.app_version, intake_core::VERSION);
        assert_eq!(manifest.ruleset_version, RULESET_VERSION);
        assert_eq!(manifest.ruleset_sha256, bundle::ruleset_sha256());
        assert_eq!(manifest.created_at, "2026-11-02T14:05:09Z");
        assert_eq!(manifest.files.len(), bundle::FILES.len() - 1);
        let rerun = bundle::rerun(&read, questionnaire());
        assert!(!rerun.has_changes(), "{name}: {rerun:?}");
        assert_eq!(rerun.ruleset_change, None);
        assert_eq!(rerun.unchanged, read.findings.findings.len());
        assert_eq!(file(&bytes, bundle::ANSWERS), answers.to_json());
    }
}

#[test]
fn the_same_answers_and_time_give_the_same_bytes() {
    let answers = fixture("large-provider");
    let first = bundle::write(questionnaire(), &answers, &[], created_at()).expect("written");
    let second = bundle::write(questionnaire(), &answers, &[], created_at()).expect("written");
    assert_eq!(first, second);
    let later = created_at() + time::Duration::seconds(2);
    let third = bundle::write(questionnaire(), &answers, &[], later).expect("written");
    assert_ne!(first, third);
}

#[test]
fn created_at_keeps_its_offset_and_entries_carry_it() {
    let offset = UtcOffset::from_hms(-5, -30, 0).expect("an offset");
    let at = created_at().to_offset(offset);
    let bytes =
        bundle::write(questionnaire(), &fixture("small-proxmox"), &[], at).expect("written");
    let read = read(&bytes).expect("reads");
    assert_eq!(read.manifest.created_at, "2026-11-02T08:35:09-05:30");
    let mut archive = ZipArchive::new(Cursor::new(&bytes)).expect("a zip");
    let stamp = archive
        .by_index(0)
        .expect("an entry")
        .last_modified()
        .expect("a time");
    assert_eq!(
        (stamp.year(), stamp.month(), stamp.day(), stamp.hour()),
        (2026, 11, 2, 8)
    );
}

#[test]
fn the_file_name_is_partner_engagement_and_date_slugified() {
    let answers = fixture("hyperv-powerstore-juniper");
    assert_eq!(
        bundle::file_name(&answers, created_at()),
        "rheinwacht-it-services-gmbh-2026-architektur-review-backup-plattform-2026-11-02.intake.zip"
    );
    let mut hostile = Answers::default();
    hostile.answers.insert(
        "engagement.partner_name".into(),
        Answer::value(Value::Text("../../etc/passwd\\C:\u{0}".into())),
    );
    assert_eq!(
        bundle::file_name(&hostile, created_at()),
        "etc-passwd-c-engagement-2026-11-02.intake.zip"
    );
    hostile.answers.insert(
        "engagement.engagement_name".into(),
        Answer::value(Value::Text("x".repeat(300))),
    );
    let name = bundle::file_name(&hostile, created_at());
    assert!(name.len() < 100, "{name}");
}

#[test]
fn a_tampered_file_is_reported_by_name_not_refused() {
    let bytes = edited(bundle::ANSWERS, |data| {
        let text = String::from_utf8(data).expect("UTF-8");
        Some(text.replace("Noordkaap", "Zuidkaap").into_bytes())
    });
    let read = read(&bytes).expect("still reads");
    assert!(!read.integrity.is_intact());
    let problems: Vec<(&str, FileStatus)> = read
        .integrity
        .problems()
        .map(|f| (f.name.as_str(), f.status))
        .collect();
    assert_eq!(problems, [(bundle::ANSWERS, FileStatus::Modified)]);
}

#[test]
fn missing_and_unlisted_files_are_reported() {
    let mut entries: Vec<(String, Vec<u8>)> = unpack(&small_bundle())
        .into_iter()
        .filter(|(name, _)| name != bundle::REPORT_MD)
        .collect();
    entries.push(("notes.txt".into(), b"hello".to_vec()));
    let read = read(&pack(&entries)).expect("still reads");
    let problems: Vec<(&str, FileStatus)> = read
        .integrity
        .problems()
        .map(|f| (f.name.as_str(), f.status))
        .collect();
    assert_eq!(
        problems,
        [
            ("notes.txt", FileStatus::Unlisted),
            (bundle::REPORT_MD, FileStatus::Missing)
        ]
    );
}

#[test]
fn a_newer_bundle_schema_is_refused_with_the_reason() {
    let bytes = edited(bundle::MANIFEST, |data| {
        let text = String::from_utf8(data).expect("UTF-8");
        Some(
            text.replace(
                "\"bundle_schema_version\": 3",
                "\"bundle_schema_version\": 4",
            )
            .into_bytes(),
        )
    });
    let error = read(&bytes).expect_err("refused");
    assert_eq!(error, BundleError::NewerSchema { found: 4 });
    assert!(error.to_string().contains("newer version"), "{error}");
}

#[test]
fn a_missing_or_foreign_manifest_is_refused() {
    let error = read(&edited(bundle::MANIFEST, |_| None)).expect_err("refused");
    assert_eq!(error, BundleError::MissingManifest);
    let error = read(&edited(bundle::MANIFEST, |_| {
        Some(b"{\"name\": \"x\"}".to_vec())
    }))
    .expect_err("refused");
    assert!(
        matches!(error, BundleError::UnknownManifest(_)),
        "{error:?}"
    );
    let error = read(&edited(bundle::ANSWERS, |_| None)).expect_err("refused");
    assert_eq!(
        error,
        BundleError::MissingFile {
            name: bundle::ANSWERS
        }
    );
}

#[test]
fn malformed_and_deeply_nested_json_are_refused() {
    let error = read(&edited(bundle::FINDINGS, |_| Some(b"{".to_vec()))).expect_err("refused");
    assert!(
        matches!(&error, BundleError::Malformed { name, .. } if name == bundle::FINDINGS),
        "{error:?}"
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = read(&edited(bundle::ANSWERS, |_| {
        Some(deep.clone().into_bytes())
    }))
    .expect_err("refused");
    assert_eq!(
        error,
        BundleError::TooDeep {
            name: bundle::ANSWERS.into()
        }
    );
    let error = read(&edited(bundle::MANIFEST, |_| {
        Some(deep.clone().into_bytes())
    }))
    .expect_err("refused");
    assert_eq!(
        error,
        BundleError::TooDeep {
            name: bundle::MANIFEST.into()
        }
    );
}

#[test]
fn not_a_zip_truncated_and_too_large_are_told_apart() {
    assert!(matches!(
        read(b"hello, I am not a zip"),
        Err(BundleError::NotZip(_))
    ));
    assert!(matches!(read(b""), Err(BundleError::NotZip(_))));
    let bytes = small_bundle();
    let error = read(&bytes[..bytes.len() / 2]).expect_err("refused");
    assert!(matches!(error, BundleError::Truncated(_)), "{error:?}");
    let huge = vec![0; bundle::MAX_BUNDLE_BYTES + 1];
    assert_eq!(
        read(&huge).expect_err("refused"),
        BundleError::TooLarge {
            bytes: bundle::MAX_BUNDLE_BYTES + 1
        }
    );
}

#[test]
fn more_than_64_entries_are_refused() {
    let entries: Vec<(String, Vec<u8>)> = (0..=MAX_ENTRIES)
        .map(|i| (format!("f{i}.txt"), Vec::new()))
        .collect();
    assert_eq!(
        read(&pack(&entries)).expect_err("refused"),
        BundleError::TooManyEntries {
            count: MAX_ENTRIES + 1
        }
    );
}

#[test]
fn unsafe_entry_names_are_refused() {
    for name in ["../evil", "a/../../evil", "/abs", "a\\b", "C:evil", "c:/x"] {
        let entry = Raw {
            name: "x",
            method: 0,
            crc: 0,
            data: Vec::new(),
            size: 0,
        };
        let error = read(&raw_zip(&[entry], &[(name, 0)])).expect_err(name);
        assert_eq!(error, BundleError::UnsafeName { name: name.into() });
    }
}

#[test]
fn overlapping_entries_are_refused() {
    let entry = Raw {
        name: "manifest.json",
        method: 0,
        crc: 0,
        data: b"{}".to_vec(),
        size: 2,
    };
    let bytes = raw_zip(&[entry], &[("manifest.json", 0), ("answers.json", 0)]);
    assert_eq!(
        read(&bytes).expect_err("refused"),
        BundleError::OverlappingEntries
    );
}

#[test]
#[allow(
    clippy::disallowed_types,
    reason = "the test times the reader; the library reads no clock"
)]
fn a_zip_bomb_is_refused_quickly() {
    let stream = zeros_deflated(1100);
    assert!(stream.len() < 2 << 20, "{} bytes", stream.len());
    let bomb = Raw {
        name: "answers.json",
        method: 8,
        crc: 0,
        data: stream,
        size: 1100 << 20,
    };
    let bytes = raw_zip(&[bomb], &[("answers.json", 0)]);
    let start = std::time::Instant::now();
    let error = read(&bytes).expect_err("refused");
    let elapsed = start.elapsed();
    assert_eq!(
        error,
        BundleError::EntryTooLarge {
            name: "answers.json".into()
        }
    );
    assert!(elapsed.as_millis() < 1000, "took {elapsed:?}");
}

#[test]
fn a_bomb_lying_about_its_size_is_refused() {
    let bomb = Raw {
        name: "answers.json",
        method: 8,
        crc: 0,
        data: zeros_deflated(20),
        size: 100,
    };
    let bytes = raw_zip(&[bomb], &[("answers.json", 0)]);
    assert_eq!(
        read(&bytes).expect_err("refused"),
        BundleError::EntryTooLarge {
            name: "answers.json".into()
        },
        "the limit counts the bytes inflated, not the 100 the header claims"
    );
}

#[test]
fn many_entries_inflating_past_the_total_limit_are_refused() {
    let mut crc = flate2::Crc::new();
    for _ in 0..15 {
        crc.update(&vec![0; 1 << 20]);
    }
    // 9 entries of 15 MiB: each within the limit of one, 135 MiB together.
    let entries: Vec<Raw> = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        .into_iter()
        .map(|name| Raw {
            name,
            method: 8,
            crc: crc.sum(),
            data: zeros_deflated(15),
            size: 15 << 20,
        })
        .collect();
    let central: Vec<(&str, usize)> = entries
        .iter()
        .enumerate()
        .map(|(index, entry)| (entry.name, index))
        .collect();
    assert_eq!(
        read(&raw_zip(&entries, &central)).expect_err("refused"),
        BundleError::TotalTooLarge
    );
}

#[test]
fn the_html_report_is_self_contained_and_escapes_partner_text() {
    let mut answers = fixture("small-proxmox");
    for (id, text) in [
        ("engagement.partner_name", "<script>alert(1)</script>"),
        (
            "engagement.engagement_name",
            "\"><img src=x onerror=alert(1)>",
        ),
    ] {
        answers
            .answers
            .insert(id.into(), Answer::value(Value::Text(text.into())));
    }
    if let Some(item) = answers
        .groups
        .values_mut()
        .next()
        .and_then(|items| items.first_mut())
    {
        item.name = "<script>alert(2)</script>".into();
    }
    let bytes = bundle::write(questionnaire(), &answers, &[], created_at()).expect("written");
    let html = file(&bytes, bundle::REPORT_HTML);
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    ));
    assert!(!html.to_lowercase().contains("<script"), "a script");
    assert!(!html.contains("<img"), "an image");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    let markup = html.replace("&lt;img src=x", "");
    for loader in ["src=", "url(", "<link", "@import", "<iframe", "<object"] {
        assert!(!markup.contains(loader), "{loader}");
    }
    assert_eq!(
        html.matches("href=").count(),
        html.matches("<a href=\"http").count() + html.matches("<a href=\"#").count(),
        "every href is a plain reference link or a link within the page"
    );
    for (anchor, heading) in [
        ("executive-summary", "Executive summary"),
        ("issues", "Issues"),
        ("to-verify", "To verify"),
        ("answers-by-section", "Answers by section"),
    ] {
        assert!(
            html.contains(&format!("<h2 id=\"{anchor}\">{heading}</h2>")),
            "{heading}"
        );
    }
    let markdown = file(&bytes, bundle::REPORT_MD);
    assert!(
        markdown.contains("\\<script\\>alert(1)\\</script\\>"),
        "{markdown}"
    );
    assert!(markdown.contains("## Answers by section"));
}

#[test]
fn a_rerun_reports_new_resolved_and_changed_findings_and_another_rule_set() {
    let bytes = small_bundle();
    let original = read(&bytes).expect("reads");
    let findings = &original.findings.findings;
    assert!(findings.len() >= 3, "{} findings", findings.len());
    let dropped = findings[0].clone();
    let changed = findings[1].clone();
    let bytes = edited(bundle::FINDINGS, |data| {
        let mut json: serde_json::Value = serde_json::from_slice(&data).expect("JSON");
        let list = json["findings"].as_array_mut().expect("findings");
        list.remove(0);
        list[0]["severity"] = if changed.severity == Severity::Info {
            "critical".into()
        } else {
            "info".into()
        };
        let mut gone = list[0].clone();
        gone["rule"] = "NET-999".into();
        gone["message"] = "A retired check".into();
        list.push(gone);
        json["ruleset_version"] = "0.9.0".into();
        Some(serde_json::to_vec(&json).expect("JSON"))
    });
    let bytes = {
        let entries: Vec<(String, Vec<u8>)> = unpack(&bytes)
            .into_iter()
            .map(|(name, data)| {
                if name == bundle::MANIFEST {
                    let text = String::from_utf8(data).expect("UTF-8");
                    let text = text.replace(
                        &format!("\"ruleset_version\": \"{RULESET_VERSION}\""),
                        "\"ruleset_version\": \"0.9.0\"",
                    );
                    (name, text.into_bytes())
                } else {
                    (name, data)
                }
            })
            .collect();
        pack(&entries)
    };
    let read = read(&bytes).expect("reads");
    let rerun = bundle::rerun(&read, questionnaire());
    assert!(rerun.has_changes());
    assert_eq!(rerun.new.len(), 1);
    assert_eq!(rerun.new[0].message, dropped.message);
    assert_eq!(rerun.new[0].before, None);
    assert_eq!(rerun.resolved.len(), 1);
    assert_eq!(rerun.resolved[0].rule, "NET-999");
    assert_eq!(rerun.severity_changed.len(), 1);
    assert_eq!(rerun.severity_changed[0].message, changed.message);
    assert_eq!(rerun.severity_changed[0].after, Some(changed.severity));
    assert_eq!(rerun.unchanged, findings.len() - 2);
    let change = rerun.ruleset_change.expect("another rule set");
    assert_eq!(change.bundle_version, "0.9.0");
    assert_eq!(change.current_version, RULESET_VERSION);
}

#[test]
fn errors_name_the_problem() {
    let cases = [
        (
            BundleError::EntryTooLarge {
                name: "answers.json".into(),
            },
            "answers.json inflates to more than 16 MiB",
        ),
        (
            BundleError::TooManyEntries { count: 257 },
            "257 entries; a findings bundle has at most 256",
        ),
        (
            BundleError::UnsafeName {
                name: "../evil".into(),
            },
            "unsafe entry name \"../evil\"",
        ),
        (BundleError::OverlappingEntries, "entries overlap"),
        (
            BundleError::MissingManifest,
            "no manifest.json: not a VCSP Intake findings bundle",
        ),
    ];
    for (error, text) in cases {
        assert!(error.to_string().contains(text), "{error}");
    }
}

fn reviewed_at() -> OffsetDateTime {
    Date::from_calendar_date(2026, Month::November, 20)
        .and_then(|date| date.with_hms(9, 30, 0))
        .expect("a valid time")
        .assume_utc()
}

/// A review of `bundle` confirming its first finding, dismissing its second with a reason,
/// asking for follow-up on its third, with notes and one finding added by hand.
fn sample_review(bundle: &ReadBundle) -> Review {
    let rerun = bundle::rerun(bundle, questionnaire());
    let items = bundle::items(&rerun);
    assert!(items.len() >= 3, "{} findings", items.len());
    let mut review = Review::new(bundle);
    review.reviewer = "T. Lead".to_owned();
    review.note = "Call the partner about the WAN link.".to_owned();
    let confirmed = review.triage_mut(&items[0].key);
    confirmed.verdict = Some(Verdict::Confirmed);
    confirmed.note = "Seen on the call.".to_owned();
    let dismissed = review.triage_mut(&items[1].key);
    dismissed.verdict = Some(Verdict::Dismissed);
    dismissed.reason = "Accepted risk, signed off by the customer.".to_owned();
    review.triage_mut(&items[2].key).verdict = Some(Verdict::FollowUp);
    let added = review.add_finding();
    added.title = "No runbook for restoring the configuration database".to_owned();
    added.severity = Severity::High;
    added.message = "The partner could not show one.".to_owned();
    added.remediation = vec!["Write it; test it once a quarter.".to_owned()];
    review
}

#[test]
fn a_reviewed_bundle_keeps_the_partner_files_byte_for_byte_and_reads_back_its_review() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let review = sample_review(&bundle);
    let reviewed =
        bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
            .expect("written");

    let before = unpack(&original);
    let after = unpack(&reviewed);
    assert_eq!(
        after[..before.len()],
        before[..],
        "partner files unchanged, in order"
    );
    let added: Vec<&str> = after[before.len()..]
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(added, bundle::REVIEW_FILES);

    let back = read(&reviewed).expect("reads");
    assert!(back.integrity.is_intact(), "{:?}", back.integrity);
    assert_eq!(
        back.integrity.files.len(),
        bundle::FILES.len() - 1 + bundle::REVIEW_FILES.len()
    );
    assert_eq!(back.manifest, bundle.manifest);
    let got = back.review.clone().expect("a review");
    assert_eq!(got.triage, review.triage);
    assert_eq!(got.added, review.added);
    assert_eq!(got.note, review.note);
    assert_eq!(got.reviewer, "T. Lead");
    assert_eq!(got.reviewed_at, "2026-11-20T09:30:00Z");
    assert_eq!(got.ruleset_version, RULESET_VERSION);
    assert_eq!(got.bundle_manifest_sha256, bundle::sha256_hex(&before[0].1));

    let rerun = bundle::rerun(&back, questionnaire());
    let counts = got.counts(&bundle::items(&rerun));
    assert_eq!(
        (counts.confirmed, counts.dismissed, counts.follow_up),
        (1, 1, 1)
    );
}

#[test]
fn reviewing_again_replaces_the_review_and_is_deterministic() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let mut review = sample_review(&bundle);
    let once = bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
        .expect("written");
    let again = bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
        .expect("written");
    assert_eq!(once, again, "same review and time, same bytes");

    let first = read(&once).expect("reads");
    review.note = "Second look: fine.".to_owned();
    let twice = bundle::write_reviewed(&once, &first, &review, questionnaire(), reviewed_at())
        .expect("written");
    let entries = unpack(&twice);
    assert_eq!(
        entries.len(),
        bundle::FILES.len() + bundle::REVIEW_FILES.len(),
        "one review, not two"
    );
    let back = read(&twice).expect("reads");
    assert!(back.integrity.is_intact(), "{:?}", back.integrity);
    assert_eq!(back.review.expect("a review").note, "Second look: fine.");
}

#[test]
fn an_unfinished_review_or_one_for_another_bundle_is_not_exported() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let mut review = sample_review(&bundle);
    let key = review.triage[1].key.clone();
    review.triage_mut(&key).reason = "  ".to_owned();
    review.add_finding();
    let error = bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
        .expect_err("unfinished");
    let ReviewError::Incomplete(problems) = &error else {
        panic!("{error:?}");
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].contains("a dismissal needs a reason"),
        "{problems:?}"
    );
    assert!(problems[1].starts_with("REVIEW-2: give the finding a title"));
    assert!(error.to_string().starts_with("the review is not finished"));

    let other = bundle::write(
        questionnaire(),
        &fixture("large-provider"),
        &[],
        created_at(),
    )
    .expect("written");
    let other = read(&other).expect("reads");
    let review = sample_review(&bundle);
    assert_eq!(
        bundle::write_reviewed(&original, &other, &review, questionnaire(), reviewed_at()),
        Err(ReviewError::OtherBundle)
    );
}

#[test]
fn a_tampered_review_report_or_a_review_moved_to_another_bundle_is_reported() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let review = sample_review(&bundle);
    let reviewed =
        bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
            .expect("written");
    let entries = unpack(&reviewed);

    let tampered: Vec<(String, Vec<u8>)> = entries
        .iter()
        .map(|(name, data)| {
            let mut data = data.clone();
            if name == bundle::REVIEW_HTML {
                data.extend_from_slice(b"<p>added later</p>");
            }
            (name.clone(), data)
        })
        .collect();
    let read_back = read(&pack(&tampered)).expect("reads");
    let problems: Vec<_> = read_back.integrity.problems().collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].name, bundle::REVIEW_HTML);
    assert_eq!(problems[0].status, FileStatus::Modified);

    let moved: Vec<(String, Vec<u8>)> = entries
        .iter()
        .map(|(name, data)| {
            let data = if name == bundle::REVIEW {
                let mut json: serde_json::Value = serde_json::from_slice(data).expect("JSON");
                json["bundle_manifest_sha256"] = "0".repeat(64).into();
                serde_json::to_vec(&json).expect("JSON")
            } else {
                data.clone()
            };
            (name.clone(), data)
        })
        .collect();
    let read_back = read(&pack(&moved)).expect("reads");
    let problems: Vec<_> = read_back.integrity.problems().collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].name, bundle::REVIEW);
}

#[test]
fn a_newer_or_malformed_review_is_refused_with_the_reason() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let review = sample_review(&bundle);
    let reviewed =
        bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
            .expect("written");
    let with_review = |text: &str| {
        let entries: Vec<(String, Vec<u8>)> = unpack(&reviewed)
            .into_iter()
            .map(|(name, data)| {
                if name == bundle::REVIEW {
                    (name, text.as_bytes().to_vec())
                } else {
                    (name, data)
                }
            })
            .collect();
        read(&pack(&entries))
    };
    let error = with_review(r#"{"review_schema_version": 7}"#).expect_err("newer");
    assert_eq!(error, BundleError::NewerReview { found: 7 });
    assert!(error.to_string().contains("newer version"), "{error}");
    assert!(matches!(
        with_review(r#"{"review_schema_version": 1, "triage": 3}"#),
        Err(BundleError::Malformed { .. })
    ));
    assert!(matches!(
        with_review(&format!("{}{}", "[".repeat(10_000), "]".repeat(10_000))),
        Err(BundleError::TooDeep { .. })
    ));
}

#[test]
fn the_review_report_shows_each_verdict_and_escapes_the_reviewers_text() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let mut review = sample_review(&bundle);
    review.note = "<script>alert(1)</script>".to_owned();
    review.added[0].title = "\"><img src=x onerror=alert(1)>".to_owned();
    let reviewed =
        bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
            .expect("written");
    let html = file(&reviewed, bundle::REVIEW_HTML);
    assert!(!html.contains("<script"), "no script");
    assert!(!html.contains("<img"), "no image");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains("1 confirmed, 1 dismissed, 1 need follow-up"));
    let dismissed = html
        .split("<h2 id=\"dismissed\">")
        .nth(1)
        .and_then(|rest| rest.split("<h2 ").next())
        .expect("a Dismissed section");
    assert!(dismissed.contains("Dismissed: Accepted risk, signed off by the customer."));
    assert!(html.contains("Seen on the call."));
    assert!(html.contains("REVIEW-1"));
    let md = file(&reviewed, bundle::REVIEW_MD);
    assert!(md.contains("- Review: needs follow-up"), "{md}");
    assert!(md.contains("\\<script\\>"), "escaped in Markdown");
}

#[test]
fn review_items_pair_findings_as_the_rerun_does() {
    let bytes = edited(bundle::FINDINGS, |data| {
        let mut json: serde_json::Value = serde_json::from_slice(&data).expect("JSON");
        let list = json["findings"].as_array_mut().expect("findings");
        list.remove(0);
        let mut gone = list[0].clone();
        gone["rule"] = "NET-999".into();
        gone["message"] = "A retired check".into();
        list.push(gone);
        Some(serde_json::to_vec(&json).expect("JSON"))
    });
    let bundle = read(&bytes).expect("reads");
    let rerun = bundle::rerun(&bundle, questionnaire());
    let items = bundle::items(&rerun);
    assert_eq!(items.len(), rerun.assessment.findings.len() + 1);
    assert_eq!(items[0].change, Change::New);
    assert!(items[0].stored.is_none());
    let last = items.last().expect("items");
    assert_eq!(last.change, Change::Resolved);
    assert_eq!(last.rule(), "NET-999");
    assert!(last.current.is_none());
    let unchanged = items
        .iter()
        .filter(|i| i.change == Change::Unchanged)
        .count();
    assert_eq!(unchanged, rerun.unchanged);
}

fn released_bundles() -> Vec<(String, Vec<u8>)> {
    let found = support::bundle_fixtures();
    assert!(found.len() >= 2, "{found:?}");
    found
}

#[test]
fn bundles_of_every_released_schema_still_open_intact() {
    for (path, bytes) in released_bundles() {
        let read = read(&bytes).unwrap_or_else(|error| panic!("{path}: {error}"));
        assert!(read.integrity.is_intact(), "{path}: {:?}", read.integrity);
        assert!(
            read.findings
                .findings
                .iter()
                .all(|finding| !finding.message.contains("is not answered")),
            "{path}: a blank question read back as a finding"
        );
        let rerun = bundle::rerun(&read, questionnaire());
        assert!(rerun.ruleset_change.is_some() || read.findings.findings_schema_version == 2);
    }
}

#[test]
fn a_first_format_bundle_matches_the_current_findings_cause_by_cause() {
    let bytes = support::bundle_fixture("v1/small-proxmox.intake.zip");
    let read = read(&bytes).expect("reads");
    assert_eq!(read.findings.findings_schema_version, 1);
    // Its answers were written under answers schema 1: they read migrated, the profile's answers
    // under their new ids and the colocation site's role as its kind.
    for (old, new) in intake_core::answers::migrate::MOVED_IN_V2 {
        assert!(!read.answers.answers.contains_key(old), "{old}");
        assert!(read.answers.answers.contains_key(new), "{new}");
    }
    let kinds: Vec<Option<&intake_core::answers::Value>> = read.answers.groups["sites.sites"]
        .iter()
        .map(|site| site.answers.get("kind").and_then(|kind| kind.as_value()))
        .collect();
    assert_eq!(
        kinds,
        [
            None,
            Some(&intake_core::answers::Value::Text("colocation".to_owned()))
        ]
    );
    let rerun = bundle::rerun(&read, questionnaire());
    // Same answers: only the wording and the grouping changed, and rules now ask for answers
    // "not known" they once passed over in silence (CC-009: the peak concurrent tasks). So nothing
    // is resolved, nothing new but to-verify findings, and each earlier finding has its one
    // counterpart.
    assert!(
        rerun
            .new
            .iter()
            .all(|change| change.kind == FindingKind::NeedsVerification),
        "{:?}",
        rerun.new
    );
    assert_eq!(rerun.resolved, Vec::new());
    assert_eq!(rerun.severity_changed, Vec::new());
    assert_eq!(
        rerun.unchanged + rerun.new.len(),
        rerun.assessment.findings.len()
    );
    assert!(
        rerun
            .renamed
            .iter()
            .any(|(old, now)| old.rule == "STO-001" && now.message.starts_with("3 storage systems")),
        "{:?}",
        rerun.renamed
    );
}

#[test]
fn a_review_of_a_first_format_bundle_keeps_every_verdict() {
    let bytes = support::bundle_fixture("v1/partial-reviewed.intake.zip");
    let read = read(&bytes).expect("reads");
    let mut review = read.review.clone().expect("reviewed");
    let rerun = bundle::rerun(&read, questionnaire());
    review.adopt(&rerun);
    let items = bundle::items(&rerun);
    let counts = review.counts(&items);
    assert_eq!(counts.confirmed, 1, "{counts:?}");
    // The dismissal was of a blank question, which is no longer a finding: the verdict stays in
    // the review as it was written, and the blank question is not listed to triage.
    assert_eq!(review.triage.len(), 2);
    assert!(
        items
            .iter()
            .all(|item| !item.message().contains("is not answered"))
    );
    let again = bundle::write_reviewed(&bytes, &read, &review, questionnaire(), created_at())
        .expect("the review is written again");
    let back = bundle::read(&again, questionnaire()).expect("reads back");
    assert!(back.integrity.is_intact());
    assert_eq!(back.review.expect("reviewed").triage.len(), 2);
}

#[test]
fn answers_confirmed_in_review_are_kept_and_reported_in_words() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let mut review = sample_review(&bundle);
    let (plain, _) = bundle.answers.answers.iter().next().expect("an answer");
    let (group, items) = bundle
        .answers
        .groups
        .iter()
        .find(|(_, items)| items.first().is_some_and(|item| !item.answers.is_empty()))
        .expect("a group with an answered item");
    let (local, _) = items[0].answers.iter().next().expect("an answer");
    let member = format!("{group}[0].{local}");
    review.confirmed.insert(
        plain.clone(),
        bundle::Confirmed {
            note: "seen in the console".to_owned(),
        },
    );
    review
        .confirmed
        .insert(member.clone(), bundle::Confirmed::default());
    let reviewed =
        bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
            .expect("written");
    let back = read(&reviewed).expect("reads");
    let kept = back.review.as_ref().expect("reviewed");
    assert_eq!(kept.review_schema_version, bundle::REVIEW_SCHEMA_VERSION);
    assert_eq!(kept.confirmed, review.confirmed);

    let rerun = bundle::rerun(&back, questionnaire());
    let (question, answer) =
        intake_core::display::answer_at(questionnaire(), &back.answers, plain).expect("in words");
    let text = bundle::review_text("b.zip", &back, &rerun);
    assert!(
        text.contains(&format!(
            "\n  CONFIRMED       {question}: {answer} (seen in the console)\n"
        )),
        "{text}"
    );
    let (item_question, _) =
        intake_core::display::answer_at(questionnaire(), &back.answers, &member).expect("in words");
    assert!(item_question.contains(&items[0].name), "{item_question}");
    assert!(text.contains(&item_question), "{text}");
    assert!(!text.contains(&member), "paths stay in JSON: {text}");
    let md = bundle::review_markdown("b.zip", &back, &rerun);
    assert!(md.contains("### Answers confirmed on the platform"), "{md}");
}

#[test]
fn intake_review_renders_the_triage_in_one_wording_and_shows_no_hostile_character() {
    let original = small_bundle();
    let bundle = read(&original).expect("reads");
    let mut review = sample_review(&bundle);
    review.reviewer = "T. \u{1b}[31mLead | *x*".to_owned();
    let reviewed =
        bundle::write_reviewed(&original, &bundle, &review, questionnaire(), reviewed_at())
            .expect("written");
    let back = read(&reviewed).expect("reads");
    let rerun = bundle::rerun(&back, questionnaire());
    let counts = back
        .review
        .as_ref()
        .expect("reviewed")
        .counts(&bundle::items(&rerun));
    assert!(
        counts
            .to_string()
            .starts_with("1 confirmed, 1 dismissed, 1 need follow-up, "),
        "{counts}"
    );

    let text = bundle::review_text("a\u{202e}b.zip", &back, &rerun);
    assert!(text.starts_with("bundle      a?b.zip\n"), "{text}");
    assert!(
        text.contains(&format!(
            "\nreview by T. ?[31mLead | *x* at 2026-11-20T09:30:00Z: {counts}, 1 added\n"
        )),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));

    let md = bundle::review_markdown("a|b.zip", &back, &rerun);
    assert!(md.starts_with("# Bundle review: a\\|b.zip\n"), "{md}");
    assert!(
        md.contains(&format!(": {counts}, 1 added by the reviewer.")),
        "{md}"
    );
    assert!(!md.contains('\u{1b}') && !md.contains("| *x*"), "{md}");

    let document = bundle::ReviewDocument::new(&back, &rerun);
    assert_eq!(document.review_document_schema_version, 1);
    assert!(document.intact);
    assert_eq!(document.triage, Some(counts));
    let json: serde_json::Value =
        serde_json::from_str(&bundle::review_json(&back, &rerun)).expect("JSON");
    let keys: Vec<&str> = json
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "review_document_schema_version",
            "intact",
            "integrity",
            "manifest",
            "rerun",
            "walks",
            "exports",
            "review",
            "triage"
        ]
    );
    assert_eq!(json["triage"]["dismissed"], 1);
    assert_eq!(json["rerun"]["ruleset_change"], serde_json::Value::Null);
}

#[test]
fn intake_review_shows_a_first_format_review_on_the_current_findings() {
    let bytes = support::bundle_fixture("v1/partial-reviewed.intake.zip");
    let read = read(&bytes).expect("reads");
    let rerun = bundle::rerun(&read, questionnaire());
    let mut review = read.review.clone().expect("reviewed");
    review.adopt(&rerun);
    let counts = review.counts(&bundle::items(&rerun));
    assert_eq!(counts.confirmed, 1, "{counts:?}");
    let document = bundle::ReviewDocument::new(&read, &rerun);
    assert_eq!(document.triage, Some(counts));
    assert_eq!(document.review, Some(review));
    let text = bundle::review_text("partial-reviewed.intake.zip", &read, &rerun);
    assert!(text.contains(&format!(": {counts}, 0 added\n")), "{text}");
    assert!(text.contains("  CONFIRMED       CC-001"), "{text}");
}

/// Schema 2 added `walks.json`: the fixture's partner walked NET-001 to its conclusion, one step
/// confirming what the answers suggested, and stopped at the first step of a symptom's walk.
#[test]
fn a_second_format_bundle_carries_the_playbooks_walked() {
    use intake_core::playbooks::{Playbooks, walk};
    let bytes = support::bundle_fixture("v2/walked.intake.zip");
    let read = read(&bytes).expect("reads");
    assert_eq!(read.manifest.bundle_schema_version, 2);
    assert!(read.integrity.is_intact(), "{:?}", read.integrity);
    let ids: Vec<&str> = read.walks.iter().map(|w| w.playbook.as_str()).collect();
    assert_eq!(ids, ["NET-001", "SYM-010"]);
    let mtu = &read.walks[0];
    assert!(
        mtu.ended()
            .is_some_and(|end| end.cause.contains("smallest MTU"))
    );
    // The suggestion recorded is what this build's playbooks suggest for the bundle's answers.
    let books = Playbooks::builtin().expect("the playbooks read");
    let ends = &mtu.steps[1];
    let step = books
        .get(&ends.playbook)
        .and_then(|book| book.step(&ends.step))
        .expect("the step");
    let now =
        walk::suggest(questionnaire(), &read.answers, step).and_then(|found| found.recorded(step));
    assert_eq!(ends.suggested, now);
    assert_eq!(ends.found, now.map(|found| found.found));
    assert!(read.walks[1].ended().is_none());
    // The reports show each walk as the path taken.
    let report = file(&bytes, bundle::REPORT_MD);
    let walked = report
        .split("## Playbooks walked")
        .nth(1)
        .expect("a section of walks");
    for text in [
        "Compare the MTU at both ends: **The ends differ",
        "Confirms what the answers said: Link “AMS1-EHV1 replication”: MTU at the near (from) end: 9000 bytes;",
        "ping -M do -s 8972 10.20.0.15",
        "Cause",
        "Find the stage that fails: stopped here",
        "not finished",
    ] {
        assert!(walked.contains(text), "{text}\n{walked}");
    }
}

#[test]
fn walks_go_in_and_come_out_and_anonymised_walks_keep_no_notes() {
    use intake_core::playbooks::{Playbooks, walk::Walk};
    let books = Playbooks::builtin().expect("the playbooks read");
    let mut walk = Walk::start(books, "NET-001", "2026-11-02T14:00:00Z").expect("starts");
    walk.note("rack 4, switch sw-ams1-07");
    walk.choose(books, 0, "2026-11-02T14:01:00Z", None)
        .expect("an outcome");
    let answers = fixture("small-proxmox");
    let bytes = bundle::write(
        questionnaire(),
        &answers,
        std::slice::from_ref(&walk),
        created_at(),
    )
    .expect("written");
    let back = read(&bytes).expect("reads");
    assert_eq!(back.walks, [walk.clone()]);
    let anonymised = intake_core::anonymise::anonymise_walks(&[walk]);
    assert_eq!(anonymised[0].steps[0].note, "");
    assert_eq!(anonymised[0].steps.len(), 2);
    // A walks.json from a newer version is refused with its reason.
    let newer = edited(bundle::WALKS, |_| {
        Some(br#"{"walks_schema_version": 9, "walks": []}"#.to_vec())
    });
    let error = read(&newer).expect_err("refused");
    assert!(error.to_string().contains("walks schema 9"), "{error}");
}

/// Review schema 3 added answers confirmed on the platform; the fixture's reviewer confirmed the
/// backup server's version.
#[test]
fn a_third_format_review_carries_the_answers_confirmed() {
    let bytes = support::bundle_fixture("v2/confirmed-reviewed.intake.zip");
    let read = read(&bytes).expect("reads");
    assert!(read.integrity.is_intact(), "{:?}", read.integrity);
    let review = read.review.as_ref().expect("reviewed");
    assert_eq!(review.review_schema_version, 3);
    assert_eq!(
        review
            .confirmed
            .get("platform.vbr_version")
            .map(|c| c.note.as_str()),
        Some("Help, About in the console")
    );
    let rerun = bundle::rerun(&read, questionnaire());
    let text = bundle::review_text("confirmed-reviewed.intake.zip", &read, &rerun);
    assert!(
        text.contains("CONFIRMED       Veeam Backup & Replication version (full build number): "),
        "{text}"
    );
}
