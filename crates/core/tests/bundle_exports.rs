//! The collectors' exports in a bundle (schema 3): sent only when the partner chooses, hashed in
//! the manifest with the other files, read back byte for byte so the tech lead can read them
//! again, kept through a review, never in an anonymised bundle, and refused when they do not fit.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::{Cursor, Read};

use collector_exports::{Backup, Headers, Inventory, healthcheck, rvtools};
use intake_core::answers::Answers;
use intake_core::bundle::{self, BundleError, FileStatus, ReadBundle, Review, exports};
use intake_core::evidence::map::{self, Change, Proposal};
use intake_core::evidence::{self, Picked};
use intake_core::questionnaire::Questionnaire;
use time::{Date, Month, OffsetDateTime};
use zip::{CompressionMethod, ZipArchive};

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn at(day: u8) -> OffsetDateTime {
    Date::from_calendar_date(2026, Month::November, day)
        .and_then(|date| date.with_hms(14, 5, 9))
        .expect("a valid time")
        .assume_utc()
}

/// An RVTools export and a Healthcheck folder's CSV files, as a partner picks them.
fn picked() -> Vec<Picked> {
    let xlsx = rvtools::rvtools(&Inventory::sized(2, 6), Headers::Mib).expect("written");
    let mut files = vec![Picked {
        name: "RVTools_export_all.xlsx".to_owned(),
        bytes: xlsx,
    }];
    files.extend(
        healthcheck::healthcheck(&Backup::sized(2, 2, 2, 3))
            .into_iter()
            .map(|(name, bytes)| Picked {
                name: format!("vHC/{name}"),
                bytes,
            }),
    );
    files
}

/// New answers with everything the exports say applied, as the app's import leaves them.
fn imported(files: &[Picked]) -> Answers {
    let read = evidence::read_picked(files, &mut |_, _, _| {});
    assert!(read.refused.is_empty(), "{:?}", read.refused);
    let blank = Answers::default();
    let proposals = map::propose(questionnaire(), &blank, &read.evidence);
    let taken: Vec<&Proposal> = proposals
        .iter()
        .filter(|p| matches!(p.change, Change::Set | Change::NewItem))
        .collect();
    assert!(taken.len() > 10, "{} answers", taken.len());
    map::apply(&blank, &read.evidence, &taken)
}

fn read(bytes: &[u8]) -> Result<ReadBundle, BundleError> {
    bundle::read(bytes, questionnaire())
}

/// Every entry's name and how it is compressed.
fn methods(bytes: &[u8]) -> Vec<(String, CompressionMethod)> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|index| {
            let entry = archive.by_index(index).expect("an entry");
            (entry.name().to_owned(), entry.compression())
        })
        .collect()
}

fn sorted(mut files: Vec<Picked>) -> Vec<Picked> {
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

#[test]
fn exports_go_in_hashed_and_come_out_byte_for_byte() {
    let files = picked();
    let answers = imported(&files);
    let bytes =
        bundle::write_with_exports(questionnaire(), &answers, &[], &files, at(2)).expect("written");
    let again =
        bundle::write_with_exports(questionnaire(), &answers, &[], &files, at(2)).expect("written");
    assert_eq!(bytes, again, "deterministic");

    let back = read(&bytes).expect("reads");
    assert_eq!(back.manifest.bundle_schema_version, 3);
    assert!(back.integrity.is_intact(), "{:?}", back.integrity);
    assert_eq!(back.exports, sorted(files.clone()));
    assert_eq!(
        back.manifest.files.get("evidence/RVTools_export_all.xlsx"),
        Some(&bundle::sha256_hex(&files[0].bytes))
    );
    assert_eq!(back.answers, answers);

    // An .xlsx is a zip already: stored as it is; CSV files are deflated.
    for (name, method) in methods(&bytes) {
        if name.ends_with(".xlsx") {
            assert_eq!(method, CompressionMethod::Stored, "{name}");
        } else {
            assert_eq!(method, CompressionMethod::Deflated, "{name}");
        }
    }

    // Read again, the exports give the evidence the answers carry: the tech lead can check that
    // every imported answer is what the platform said.
    let again = evidence::read_picked(&back.exports, &mut |_, _, _| {});
    assert!(again.refused.is_empty(), "{:?}", again.refused);
    assert_eq!(back.answers.evidence.as_deref(), Some(&again.evidence));
}

#[test]
fn without_exports_the_bundle_has_none_and_a_review_keeps_them() {
    let files = picked();
    let answers = imported(&files);
    let plain = bundle::write(questionnaire(), &answers, &[], at(2)).expect("written");
    let back = read(&plain).expect("reads");
    assert!(back.exports.is_empty());
    assert!(
        methods(&plain)
            .iter()
            .all(|(name, _)| !name.starts_with(exports::FOLDER))
    );

    let sent =
        bundle::write_with_exports(questionnaire(), &answers, &[], &files, at(2)).expect("written");
    let back = read(&sent).expect("reads");
    let mut review = Review::new(&back);
    review.reviewer = "T. Lead".to_owned();
    let reviewed =
        bundle::write_reviewed(&sent, &back, &review, questionnaire(), at(20)).expect("reviewed");
    let after = read(&reviewed).expect("reads");
    assert!(after.integrity.is_intact(), "{:?}", after.integrity);
    assert_eq!(after.exports, back.exports);

    let rerun = bundle::rerun(&after, questionnaire());
    let text = bundle::review_text("sent.intake.zip", &after, &rerun);
    assert!(
        text.contains(&format!(
            "exports     {} files, {} in all, under evidence/ in the bundle\n",
            files.len(),
            intake_core::display::file_size(files.iter().map(|f| f.bytes.len()).sum())
        )),
        "{text}"
    );
    assert!(
        text.contains("  evidence/RVTools_export_all.xlsx  "),
        "{text}"
    );
    let document = bundle::review_json(&after, &rerun);
    assert!(
        document.contains("\"name\": \"RVTools_export_all.xlsx\""),
        "{document}"
    );
    let plain = read(&plain).expect("reads");
    let text = bundle::review_text(
        "plain.intake.zip",
        &plain,
        &bundle::rerun(&plain, questionnaire()),
    );
    assert!(text.contains("exports     none sent"), "{text}");
}

#[test]
fn an_anonymised_bundle_never_carries_exports_or_their_names() {
    let files = picked();
    let answers = imported(&files);
    let (bytes, anonymised) =
        bundle::write_anonymised(questionnaire(), &answers, &[], at(2)).expect("written");
    assert_ne!(anonymised, answers);
    let back = read(&bytes).expect("reads");
    assert!(back.exports.is_empty());
    let mut archive = ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip");
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        assert!(
            !entry.name().starts_with(exports::FOLDER),
            "{}",
            entry.name()
        );
        let mut text = String::new();
        entry.read_to_string(&mut text).expect("text");
        // The generated vCenter's name, read from the export into the evidence.
        assert!(!text.contains("vcsa01"), "{}", entry.name());
    }
}

#[test]
fn a_changed_export_is_named_and_one_added_later_is_not_taken() {
    let files = picked();
    let answers = imported(&files);
    let bytes =
        bundle::write_with_exports(questionnaire(), &answers, &[], &files, at(2)).expect("written");
    let mut entries = support::zip::unpack(&bytes);
    for (name, data) in &mut entries {
        if name == "evidence/RVTools_export_all.xlsx" {
            data.push(0);
        }
    }
    entries.push(("evidence/added.csv".to_owned(), b"a,b\n1,2\n".to_vec()));
    let back = read(&support::zip::pack(&entries)).expect("reads");
    let status = |name: &str| {
        back.integrity
            .files
            .iter()
            .find(|file| file.name == name)
            .map(|file| file.status)
    };
    assert_eq!(
        status("evidence/RVTools_export_all.xlsx"),
        Some(FileStatus::Modified)
    );
    assert_eq!(status("evidence/added.csv"), Some(FileStatus::Unlisted));
    assert!(back.exports.iter().all(|file| file.name != "added.csv"));
}

#[test]
fn exports_that_do_not_fit_are_refused_and_a_large_one_that_fits_reads() {
    let answers = Answers::default();
    let many: Vec<Picked> = (0..=exports::MAX_EXPORT_FILES)
        .map(|index| Picked {
            name: format!("vHC/file{index}.csv"),
            bytes: b"a\n".to_vec(),
        })
        .collect();
    let error = bundle::write_with_exports(questionnaire(), &answers, &[], &many, at(2))
        .expect_err("refused");
    assert!(
        error
            .to_string()
            .contains("send the Healthcheck folder as one zip"),
        "{error}"
    );

    // Larger than any other file of a bundle may be, within what an export may be.
    let large = vec![Picked {
        name: "large.csv".to_owned(),
        bytes: vec![b'a'; 20 * 1024 * 1024],
    }];
    let bytes =
        bundle::write_with_exports(questionnaire(), &answers, &[], &large, at(2)).expect("written");
    let back = read(&bytes).expect("reads");
    assert_eq!(back.exports, large);
}

/// Schema 3: the partner sent an RVTools export and a Healthcheck zip with the answers read from
/// them (`docs/bundle.md` says how the fixture was made).
#[test]
fn a_third_format_bundle_carries_the_exports_its_evidence_came_from() {
    let bytes = support::bundle_fixture("v3/exports.intake.zip");
    let back = read(&bytes).expect("reads");
    assert_eq!(back.manifest.bundle_schema_version, 3);
    assert!(back.integrity.is_intact(), "{:?}", back.integrity);
    let names: Vec<&str> = back.exports.iter().map(|file| file.name.as_str()).collect();
    assert_eq!(names, ["RVTools_export_all.xlsx", "vHC.zip"]);
    let again = evidence::read_picked(&back.exports, &mut |_, _, _| {});
    let kept = back.answers.evidence.as_deref().expect("evidence kept");
    assert_eq!(kept.sources, again.evidence.sources);
    assert_eq!(kept.hosts, again.evidence.hosts);
}

/// What the app keeps to send: the files the evidence was read from, not those it refused.
#[test]
fn the_files_kept_to_send_are_those_the_evidence_came_from() {
    let mut files = picked();
    files.push(Picked {
        name: "notes.txt".to_owned(),
        bytes: b"call Jeroen".to_vec(),
    });
    let read = evidence::read_picked(&files, &mut |_, _, _| {});
    assert_eq!(read.refused.len(), 1);
    let names: Vec<&str> = files.iter().map(|file| file.name.as_str()).collect();
    let kept = evidence::read_from(&read.evidence, &names);
    assert_eq!(kept.len(), files.len());
    assert!(kept[..files.len() - 1].iter().all(|kept| *kept), "{kept:?}");
    assert!(!kept[files.len() - 1]);

    // CSV files that are not a Healthcheck folder give no evidence, so none is kept.
    let stray = [Picked {
        name: "inventory/hosts.csv".to_owned(),
        bytes: b"Name,CPU\nesx01,32\n".to_vec(),
    }];
    let read = evidence::read_picked(&stray, &mut |_, _, _| {});
    assert_eq!(
        evidence::read_from(&read.evidence, &["inventory/hosts.csv"]),
        [false]
    );
}
