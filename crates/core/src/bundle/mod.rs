//! Findings bundles: one zip a partner hands to a Veeam tech lead.
//!
//! A bundle holds the answers, the findings, readable reports and a manifest with the SHA-256 of
//! every other file ([`FILES`], format in `docs/bundle.md`), and the collectors' exports when the
//! partner chose to send them ([`exports`]). Writing is deterministic: the same
//! answers and creation time give the same bytes. Reading never trusts the archive: its size, its
//! entry count, entry names, overlapping entries and the bytes actually inflated are all checked
//! against the limits below before anything is parsed, so a hostile file is an error, not a hang
//! or an out-of-memory crash. A file whose hash differs from the manifest is not an error: it is
//! reported in [`Integrity`] so the reader can warn, naming the file.

pub mod action_plan;
pub mod compare;
mod diff;
pub mod documents;
pub mod evidence_pack;
pub mod exports;
pub mod portfolio;
mod report;
mod review;
mod review_render;
pub mod test_plan;

use std::collections::BTreeMap;
use std::fmt;
use std::io::{Cursor, Read, Write};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::answers::{Answers, LoadError};
use crate::evidence::Picked;
use crate::playbooks::walk::Walk;
use crate::questionnaire::Questionnaire;
use crate::rules::{self, Assessment, Config, FindingKind, Severity, render};

pub use diff::{FindingChange, FindingKey, Rerun, RulesetChange, rerun};
pub use review::{
    ACTION_PLAN_CSV, ACTION_PLAN_HTML, ACTION_PLAN_MD, AddedFinding, Change, Confirmed,
    EVIDENCE_PACK_JSON, EVIDENCE_PACK_MD, Owner, Plan, REVIEW, REVIEW_FILES, REVIEW_HTML,
    REVIEW_MD, REVIEW_SCHEMA_VERSION, Review, ReviewError, ReviewItem, TEST_PLAN_CSV, TEST_PLAN_MD,
    Triage, TriageFile, TriageKey, Verdict, VerdictCounts, items, review_schema,
    reviewed_file_name, triage_schema, write_reviewed,
};
pub use review_render::{
    REVIEW_DOCUMENT_SCHEMA_VERSION, ReviewDocument, ReviewRerun, SentExport,
    review_document_schema, review_json, review_markdown, review_text,
};

/// The bundle format version this build writes, and the newest it reads. Version 2 added
/// `walks.json`, version 3 the collectors' exports under `evidence/` (when the partner sends them).
pub const SCHEMA_VERSION: u32 = 3;

/// The version of `walks.json` this build writes, and the newest it reads.
pub const WALKS_SCHEMA_VERSION: u32 = 1;

/// The largest bundle read. Real bundles are a few hundred KiB, plus the exports when they are
/// sent (at most [`exports::MAX_EXPORT_BYTES`]).
pub const MAX_BUNDLE_BYTES: usize = 64 * 1024 * 1024;
/// The most entries a bundle may have: it has 8 files, 18 once reviewed, and at most
/// [`exports::MAX_EXPORT_FILES`] exports.
pub const MAX_ENTRIES: usize = 256;
/// The most bytes one entry may inflate to, counted while inflating; an export may be
/// [`exports::MAX_EXPORT_BYTES`].
pub const MAX_ENTRY_BYTES: u64 = 16 * 1024 * 1024;
/// The most bytes all entries together may inflate to, counted while inflating.
pub const MAX_TOTAL_BYTES: u64 = 128 * 1024 * 1024;

pub const MANIFEST: &str = "manifest.json";
pub const ANSWERS: &str = "answers.json";
pub const FINDINGS: &str = "findings.json";
pub const REPORT_HTML: &str = "report.html";
pub const REPORT_MD: &str = "report.md";
pub const FINDINGS_CSV: &str = "findings.csv";
pub const FINDINGS_SARIF: &str = "findings.sarif.json";
pub const WALKS: &str = "walks.json";

/// Every file of a bundle, in the order written (the manifest first, so it is read first).
pub const FILES: [&str; 8] = [
    MANIFEST,
    ANSWERS,
    FINDINGS,
    WALKS,
    REPORT_HTML,
    REPORT_MD,
    FINDINGS_CSV,
    FINDINGS_SARIF,
];

/// `manifest.json`: what wrote the bundle, when, with which rules, and each file's hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "VCSP Intake bundle manifest")]
pub struct Manifest {
    /// Version of the bundle format. Readers refuse versions newer than theirs.
    pub bundle_schema_version: u32,
    /// The VCSP Intake version that wrote the bundle.
    pub app_version: String,
    /// The rule set version the findings were made with.
    pub ruleset_version: String,
    /// SHA-256 (lower-case hex) of the rule catalogue (the array `intake rules --json` prints)
    /// as compact JSON: it changes whenever a rule's metadata does, even without a version bump.
    pub ruleset_sha256: String,
    /// When the bundle was made, RFC 3339 (`2026-11-02T14:05:00Z`).
    pub created_at: String,
    /// SHA-256 (lower-case hex) of every other file, by file name.
    pub files: BTreeMap<String, String>,
}

/// One finding as read back from `findings.json`: what is needed to compare it with a re-run.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredFinding {
    pub rule: String,
    #[serde(default)]
    pub title: String,
    pub severity: Severity,
    pub kind: FindingKind,
    pub message: String,
}

/// `findings.json` as read back: the rule set version and the findings.
///
/// Version 1 (bundles made before `findings_schema_version` was written) listed every blank
/// question a rule needed as a needs-verification finding ("dr.offered is not answered: verify
/// it"). Those are completeness, not findings: reading migrates them away.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StoredAssessment {
    #[serde(default = "first_findings_version")]
    pub findings_schema_version: u32,
    pub ruleset_version: String,
    pub findings: Vec<StoredFinding>,
}

fn first_findings_version() -> u32 {
    1
}

/// How findings schema 1 worded a blank question: `<path> is not answered: verify it`.
const BLANK_V1: &str = " is not answered: verify it";

/// Reads `findings.json`: the version first, so a newer one is refused with its reason; then
/// older versions are migrated.
fn read_findings(bytes: &[u8]) -> Result<StoredAssessment, BundleError> {
    #[derive(Deserialize)]
    struct Probe {
        findings_schema_version: Option<serde_json::Value>,
    }
    let probe: Probe = json(FINDINGS, bytes)?;
    let version = match probe.findings_schema_version {
        None => 1,
        Some(version) => version.as_u64().ok_or_else(|| BundleError::Malformed {
            name: FINDINGS.to_owned(),
            reason: "`findings_schema_version` must be a whole number".to_owned(),
        })?,
    };
    if version > u64::from(rules::FINDINGS_SCHEMA_VERSION) {
        return Err(BundleError::NewerFindings { found: version });
    }
    let mut stored: StoredAssessment = json(FINDINGS, bytes)?;
    if version <= 1 {
        stored.findings_schema_version = 1;
        stored.findings.retain(|finding| {
            !(finding.kind == FindingKind::NeedsVerification && finding.message.ends_with(BLANK_V1))
        });
    }
    Ok(stored)
}

/// `walks.json`: the playbooks the partner walked, each as the path taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "VCSP Intake playbook walks")]
pub struct Walks {
    /// Version of this file's format. Readers refuse versions newer than theirs.
    pub walks_schema_version: u32,
    /// Each walk, by the playbook it started in (rule or symptom id order).
    pub walks: Vec<Walk>,
}

/// Reads a `walks.json` given on its own (`intake bundle --walks`).
pub fn read_walks_json(text: &str) -> Result<Vec<Walk>, BundleError> {
    read_walks(text.as_bytes())
}

/// Reads `walks.json`: the version first, so a newer one is refused with its reason.
fn read_walks(bytes: &[u8]) -> Result<Vec<Walk>, BundleError> {
    #[derive(Deserialize)]
    struct Probe {
        walks_schema_version: Option<serde_json::Value>,
    }
    let probe: Probe = json(WALKS, bytes)?;
    let version = probe
        .walks_schema_version
        .and_then(|version| version.as_u64())
        .ok_or_else(|| BundleError::Malformed {
            name: WALKS.to_owned(),
            reason: "`walks_schema_version` must be a whole number".to_owned(),
        })?;
    if version > u64::from(WALKS_SCHEMA_VERSION) {
        return Err(BundleError::NewerWalks { found: version });
    }
    let walks: Walks = json(WALKS, bytes)?;
    Ok(walks.walks)
}

/// A bundle that was read: its parts and how its files compare with the manifest.
#[derive(Debug, Clone)]
pub struct ReadBundle {
    pub manifest: Manifest,
    /// SHA-256 of `manifest.json` as stored: what a review names its bundle by.
    pub manifest_sha256: String,
    pub answers: Answers,
    pub findings: StoredAssessment,
    /// The playbooks the partner walked (none in a bundle of schema 1).
    pub walks: Vec<Walk>,
    /// The tech lead's review, when the bundle has been reviewed.
    pub review: Option<Review>,
    /// The collectors' exports the partner sent (none unless they chose to; none before schema
    /// 3), named as in the archive without `evidence/`, in name order. Only files the manifest
    /// lists: their hashes are checked with the others'.
    pub exports: Vec<Picked>,
    pub integrity: Integrity,
}

/// How one file compares with the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// Present, and its hash is the manifest's.
    Intact,
    /// Present, but its hash differs from the manifest's: changed after the bundle was made.
    Modified,
    /// In the manifest, not in the archive.
    Missing,
    /// In the archive, not in the manifest.
    Unlisted,
}

/// One file's integrity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FileIntegrity {
    /// The file's name in the archive (or in the manifest, when missing).
    pub name: String,
    pub status: FileStatus,
}

/// Every file's integrity, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Integrity {
    pub files: Vec<FileIntegrity>,
}

impl Integrity {
    /// Every file is in the manifest with its hash, and every listed file is present.
    pub fn is_intact(&self) -> bool {
        self.files.iter().all(|f| f.status == FileStatus::Intact)
    }

    /// The files that are not intact.
    pub fn problems(&self) -> impl Iterator<Item = &FileIntegrity> {
        self.files.iter().filter(|f| f.status != FileStatus::Intact)
    }
}

/// Why a bundle cannot be read. Each names the problem; none is a panic.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// Larger than [`MAX_BUNDLE_BYTES`].
    TooLarge { bytes: usize },
    /// Not a zip archive at all.
    NotZip(String),
    /// A zip archive cut short.
    Truncated(String),
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries { count: usize },
    /// An entry name that could escape a folder when extracted.
    UnsafeName { name: String },
    /// Entries that share bytes of the archive (a way to build zip bombs).
    OverlappingEntries,
    /// An entry inflating to more than [`MAX_ENTRY_BYTES`] (an export: more than
    /// [`exports::MAX_EXPORT_BYTES`]).
    EntryTooLarge { name: String },
    /// All entries inflating to more than [`MAX_TOTAL_BYTES`].
    TotalTooLarge,
    /// An entry that cannot be inflated: encrypted, unsupported method, bad checksum.
    BadEntry { name: String, reason: String },
    /// No `manifest.json`: not a findings bundle.
    MissingManifest,
    /// `manifest.json` is JSON but not a bundle manifest.
    UnknownManifest(String),
    /// Written by a newer version of VCSP Intake.
    NewerSchema { found: u64 },
    /// `review.json` written by a newer version of VCSP Intake.
    NewerReview { found: u64 },
    /// `findings.json` written by a newer version of VCSP Intake.
    NewerFindings { found: u64 },
    /// `walks.json` written by a newer version of VCSP Intake.
    NewerWalks { found: u64 },
    /// A bundle schema version no version wrote.
    UnknownSchema { found: u64 },
    /// A file a bundle must have is absent.
    MissingFile { name: &'static str },
    /// A file that is not valid JSON or not of its expected shape.
    Malformed { name: String, reason: String },
    /// A JSON file nested deeper than the reader allows.
    TooDeep { name: String },
    /// `answers.json` does not fit this questionnaire.
    Answers(LoadError),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MIB: u64 = 1024 * 1024;
        match self {
            BundleError::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes, larger than a findings bundle may be ({} MiB)",
                MAX_BUNDLE_BYTES / (1024 * 1024)
            ),
            BundleError::NotZip(reason) => write!(f, "not a zip archive: {reason}"),
            BundleError::Truncated(reason) => {
                write!(f, "the zip archive is truncated or damaged: {reason}")
            }
            BundleError::TooManyEntries { count } => write!(
                f,
                "the archive has {count} entries; a findings bundle has at most {MAX_ENTRIES}"
            ),
            BundleError::UnsafeName { name } => write!(
                f,
                "unsafe entry name {name:?}: names must be relative, without `..`, backslashes or drive letters"
            ),
            BundleError::OverlappingEntries => write!(
                f,
                "entries overlap inside the archive (a zip bomb technique): refused"
            ),
            BundleError::EntryTooLarge { name } => write!(
                f,
                "{name} inflates to more than {} MiB: refused",
                entry_limit(name) / MIB
            ),
            BundleError::TotalTooLarge => write!(
                f,
                "the entries inflate to more than {} MiB in total: refused",
                MAX_TOTAL_BYTES / MIB
            ),
            BundleError::BadEntry { name, reason } => write!(f, "cannot read {name}: {reason}"),
            BundleError::MissingManifest => {
                write!(f, "no {MANIFEST}: not a VCSP Intake findings bundle")
            }
            BundleError::UnknownManifest(reason) => write!(
                f,
                "{MANIFEST} is not a VCSP Intake bundle manifest: {reason}"
            ),
            BundleError::NewerSchema { found } => write!(
                f,
                "this bundle was made by a newer version of VCSP Intake (bundle schema {found}); \
                 this version reads schema {SCHEMA_VERSION} and older: update it"
            ),
            BundleError::NewerReview { found } => write!(
                f,
                "this bundle's review was made by a newer version of VCSP Intake (review schema \
                 {found}); this version reads schema {REVIEW_SCHEMA_VERSION} and older: update it"
            ),
            BundleError::NewerFindings { found } => write!(
                f,
                "this bundle's findings were made by a newer version of VCSP Intake (findings \
                 schema {found}); this version reads schema {} and older: update it",
                rules::FINDINGS_SCHEMA_VERSION
            ),
            BundleError::NewerWalks { found } => write!(
                f,
                "this bundle's playbook walks were made by a newer version of VCSP Intake (walks \
                 schema {found}); this version reads schema {WALKS_SCHEMA_VERSION} and older: \
                 update it"
            ),
            BundleError::UnknownSchema { found } => write!(
                f,
                "unknown bundle schema version {found}: versions start at 1"
            ),
            BundleError::MissingFile { name } => write!(f, "the bundle has no {name}"),
            BundleError::Malformed { name, reason } => write!(f, "{name}: {reason}"),
            BundleError::TooDeep { name } => write!(
                f,
                "{name} is nested too deeply to be a bundle file: refused"
            ),
            BundleError::Answers(error) => write!(f, "{ANSWERS}: {error}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Why a bundle could not be written. Writing to memory fails only on a zip library defect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(String);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write the bundle: {}", self.0)
    }
}

impl std::error::Error for WriteError {}

/// Lower-case hex of the SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut out, byte| {
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
            out
        })
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The SHA-256 of this build's rule catalogue: compact JSON of every rule's metadata, in id order.
pub fn ruleset_sha256() -> String {
    let catalogue = render::catalogue_json(&rules::rules()).to_string();
    sha256_hex(catalogue.as_bytes())
}

/// A time as RFC 3339 to the second: `Z` for UTC, else the offset.
pub fn rfc3339(at: OffsetDateTime) -> String {
    let offset = at.offset();
    let zone = if offset.is_utc() {
        "Z".to_owned()
    } else {
        let sign = if offset.is_negative() { '-' } else { '+' };
        format!(
            "{sign}{:02}:{:02}",
            offset.whole_hours().unsigned_abs(),
            offset.minutes_past_hour().unsigned_abs()
        )
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{zone}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Lower-case ASCII letters and digits, runs of anything else as one `-`, at most 40 characters;
/// `fallback` when nothing is left. Safe as part of a file name on every system.
fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if out.len() >= 40 {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

/// The standard file name: `<partner>-<engagement>-<YYYY-MM-DD>.intake.zip`, from the answers'
/// partner and engagement names (slugified) and the creation date.
pub fn file_name(answers: &Answers, created_at: OffsetDateTime) -> String {
    let text = |id: &str| match answers.answers.get(id).and_then(|a| a.as_value()) {
        Some(crate::answers::Value::Text(text)) => text.as_str(),
        _ => "",
    };
    format!(
        "{}-{}-{:04}-{:02}-{:02}.intake.zip",
        slug(text("engagement.partner_name"), "partner"),
        slug(text("engagement.engagement_name"), "engagement"),
        created_at.year(),
        u8::from(created_at.month()),
        created_at.day()
    )
}

/// Pretty JSON with a final newline.
pub(super) fn pretty<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|_| unreachable!("bundle files are plain JSON"));
    text.push('\n');
    text
}

/// Makes the bundle for `answers` and the playbooks walked with them: assesses the answers with
/// the default thresholds and packs every file. `created_at` comes from the caller (the core
/// reads no clock) and is also every entry's timestamp, so the same answers, walks and time give
/// byte-identical archives.
pub fn write(
    questionnaire: &Questionnaire,
    answers: &Answers,
    walks: &[Walk],
    created_at: OffsetDateTime,
) -> Result<Vec<u8>, WriteError> {
    write_with_exports(questionnaire, answers, walks, &[], created_at)
}

/// The anonymised bundle: [`write()`] of the answers and walks anonymised
/// ([`crate::anonymise`]). It never carries the collectors' exports: they hold the names and
/// addresses the anonymiser replaces.
pub fn write_anonymised(
    questionnaire: &Questionnaire,
    answers: &Answers,
    walks: &[Walk],
    created_at: OffsetDateTime,
) -> Result<(Vec<u8>, Answers), WriteError> {
    let answers = crate::anonymise::anonymise(questionnaire, answers);
    let walks = crate::anonymise::anonymise_walks(walks);
    let bytes = write(questionnaire, &answers, &walks, created_at)?;
    Ok((bytes, answers))
}

/// [`write()`], with the collectors' exports the partner chose to send under `evidence/`
/// ([`exports`]), each listed in the manifest with its hash. Refused when they do not fit
/// ([`exports::check`]).
pub fn write_with_exports(
    questionnaire: &Questionnaire,
    answers: &Answers,
    walks: &[Walk],
    exports: &[Picked],
    created_at: OffsetDateTime,
) -> Result<Vec<u8>, WriteError> {
    exports::check(exports).map_err(|error| WriteError(error.to_string()))?;
    let assessment = rules::assess(questionnaire, answers, &Config::default());
    let created = rfc3339(created_at);
    let contents: [(&str, String); 7] = [
        (ANSWERS, answers.to_json()),
        (FINDINGS, render::assessment_json(&assessment)),
        (
            WALKS,
            pretty(&Walks {
                walks_schema_version: WALKS_SCHEMA_VERSION,
                walks: walks.to_vec(),
            }),
        ),
        (
            REPORT_HTML,
            report::html(questionnaire, answers, &assessment, walks, &created),
        ),
        (
            REPORT_MD,
            report::markdown(questionnaire, answers, &assessment, walks, &created),
        ),
        (FINDINGS_CSV, render::assessment_csv(&assessment)),
        (
            FINDINGS_SARIF,
            render::assessment_sarif(&assessment, &rules::rules()),
        ),
    ];
    let export_names = exports::entry_names(exports);
    let manifest = Manifest {
        bundle_schema_version: SCHEMA_VERSION,
        app_version: crate::VERSION.to_owned(),
        ruleset_version: assessment.ruleset_version.to_owned(),
        ruleset_sha256: ruleset_sha256(),
        created_at: created,
        files: contents
            .iter()
            .map(|(name, text)| ((*name).to_owned(), sha256_hex(text.as_bytes())))
            .chain(
                export_names
                    .iter()
                    .zip(exports)
                    .map(|(name, file)| (name.clone(), sha256_hex(&file.bytes))),
            )
            .collect(),
    };
    let options = zip_options(created_at);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let failed = |error: &dyn fmt::Display| WriteError(error.to_string());
    for (name, text) in std::iter::once((MANIFEST, pretty(&manifest))).chain(contents) {
        zip.start_file(name, options).map_err(|e| failed(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    for (name, file) in export_names.iter().zip(exports) {
        let options = if exports::compressed(&file.bytes) {
            options
                .compression_method(CompressionMethod::Stored)
                .compression_level(None)
        } else {
            options
        };
        zip.start_file(name.as_str(), options)
            .map_err(|e| failed(&e))?;
        zip.write_all(&file.bytes).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// The options of every entry written: deflated, stamped with `at`. Every option that zip would
/// otherwise take from the clock is fixed (it always writes the "made by" system as Unix,
/// whatever the platform).
fn zip_options(at: OffsetDateTime) -> SimpleFileOptions {
    let timestamp = DateTime::from_date_and_time(
        u16::try_from(at.year()).unwrap_or(0),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
    )
    .unwrap_or_default();
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(timestamp)
        .unix_permissions(0o644)
        .large_file(false)
}

/// An entry name is safe when it is relative and cannot climb out of the folder it is
/// extracted into on any system.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains(':')
        && !name.chars().any(char::is_control)
        && name.split('/').all(|part| part != "..")
}

/// A zip error while opening the archive: "truncated" when it starts like a zip, else "not a zip".
fn open_error(bytes: &[u8], error: &zip::result::ZipError) -> BundleError {
    if bytes.starts_with(b"PK\x03\x04") {
        BundleError::Truncated(error.to_string())
    } else {
        BundleError::NotZip(error.to_string())
    }
}

/// Whether entries share bytes: each entry's local header and data, as the central directory
/// places them, must lie apart and before the central directory. Shared bytes are how
/// "overlapping" zip bombs make a small archive inflate many times over.
fn overlapping(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<bool, BundleError> {
    let mut ranges = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        // Raw: no inflating, no password; it reads the local header to find the data.
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| BundleError::Truncated(e.to_string()))?;
        let Some(end) = entry.data_start().checked_add(entry.compressed_size()) else {
            return Ok(true);
        };
        ranges.push((entry.header_start(), end));
    }
    ranges.sort_unstable();
    let directory = archive.central_directory_start();
    Ok(ranges.iter().any(|(_, end)| *end > directory)
        || ranges.windows(2).any(|pair| pair[0].1 > pair[1].0))
}

/// Reads every entry, inflating at most the limits: a bomb stops at the limit, whatever its
/// headers say.
fn entries(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>, BundleError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge { bytes: bytes.len() });
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| open_error(bytes, &e))?;
    if archive.len() > MAX_ENTRIES {
        return Err(BundleError::TooManyEntries {
            count: archive.len(),
        });
    }
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    if let Some(name) = names.iter().find(|name| !safe_name(name)) {
        return Err(BundleError::UnsafeName { name: name.clone() });
    }
    if overlapping(&mut archive)? {
        return Err(BundleError::OverlappingEntries);
    }
    let mut files = BTreeMap::new();
    let mut total: u64 = 0;
    for name in names {
        let bad = |reason: String| BundleError::BadEntry {
            name: name.clone(),
            reason,
        };
        let entry = archive.by_name(&name).map_err(|e| bad(e.to_string()))?;
        let most = entry_limit(&name);
        let room = most.min(MAX_TOTAL_BYTES - total);
        let mut data = Vec::new();
        entry
            .take(room + 1)
            .read_to_end(&mut data)
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::UnexpectedEof => BundleError::Truncated(error.to_string()),
                _ => bad(error.to_string()),
            })?;
        let size = data.len() as u64;
        if size > room {
            return Err(if size > most {
                BundleError::EntryTooLarge { name }
            } else {
                BundleError::TotalTooLarge
            });
        }
        total += size;
        files.insert(name, data);
    }
    Ok(files)
}

/// The most bytes the entry `name` may inflate to: an export's limit under `evidence/`,
/// [`MAX_ENTRY_BYTES`] for every other file.
fn entry_limit(name: &str) -> u64 {
    if name.starts_with(exports::FOLDER) {
        exports::MAX_EXPORT_BYTES as u64
    } else {
        MAX_ENTRY_BYTES
    }
}

/// Parses a JSON file of the bundle, telling "too deep" from other malformations.
fn json<T: for<'de> Deserialize<'de>>(name: &str, bytes: &[u8]) -> Result<T, BundleError> {
    serde_json::from_slice(bytes).map_err(|error| malformed(name, error.to_string()))
}

/// A JSON error as a bundle error: serde_json stops at 128 levels of nesting, and its message is
/// the only sign of that limit.
fn malformed(name: &str, reason: String) -> BundleError {
    if reason.contains("recursion limit exceeded") {
        BundleError::TooDeep {
            name: name.to_owned(),
        }
    } else {
        BundleError::Malformed {
            name: name.to_owned(),
            reason,
        }
    }
}

/// Reads the manifest: the version first, so a newer or unknown one is refused with its reason.
fn manifest(bytes: &[u8]) -> Result<Manifest, BundleError> {
    #[derive(Deserialize)]
    struct Probe {
        bundle_schema_version: Option<serde_json::Value>,
    }
    let probe: Probe = json(MANIFEST, bytes).map_err(|error| match error {
        BundleError::Malformed { reason, .. } => BundleError::UnknownManifest(reason),
        other => other,
    })?;
    let version = probe
        .bundle_schema_version
        .ok_or_else(|| BundleError::UnknownManifest("`bundle_schema_version` is missing".into()))?
        .as_u64()
        .ok_or_else(|| {
            BundleError::UnknownManifest("`bundle_schema_version` must be a whole number".into())
        })?;
    match version {
        0 => Err(BundleError::UnknownSchema { found: 0 }),
        1..=3 => json(MANIFEST, bytes),
        newer => Err(BundleError::NewerSchema { found: newer }),
    }
}

/// Compares every partner file with the manifest's hashes and every review report with
/// `review.json`'s. `review.json` itself is intact when it names this bundle's manifest.
fn integrity(
    manifest: &Manifest,
    manifest_sha256: &str,
    review: Option<&Review>,
    files: &BTreeMap<String, Vec<u8>>,
) -> Integrity {
    let empty = BTreeMap::new();
    let reviewed = review.map_or(&empty, |review| &review.files);
    let mut names: Vec<&String> = manifest
        .files
        .keys()
        .chain(reviewed.keys())
        .chain(files.keys().filter(|name| *name != MANIFEST))
        .collect();
    names.sort();
    names.dedup();
    let files = names
        .into_iter()
        .map(|name| {
            let expected = manifest.files.get(name).or_else(|| reviewed.get(name));
            let status = match (expected, files.get(name)) {
                (Some(expected), Some(bytes)) if *expected == sha256_hex(bytes) => {
                    FileStatus::Intact
                }
                (Some(_), Some(_)) => FileStatus::Modified,
                (Some(_), None) => FileStatus::Missing,
                (None, Some(_)) if name == REVIEW => match review {
                    Some(review) if review.bundle_manifest_sha256 == manifest_sha256 => {
                        FileStatus::Intact
                    }
                    _ => FileStatus::Modified,
                },
                (None, _) => FileStatus::Unlisted,
            };
            FileIntegrity {
                name: name.clone(),
                status,
            }
        })
        .collect();
    Integrity { files }
}

/// Reads a bundle made by [`write()`]: checks the archive against the limits, reads the manifest,
/// compares every file with its hash, then reads the answers (for `questionnaire`) and the
/// findings.
pub fn read(bytes: &[u8], questionnaire: &Questionnaire) -> Result<ReadBundle, BundleError> {
    let mut files = entries(bytes)?;
    let manifest_bytes = files.get(MANIFEST).ok_or(BundleError::MissingManifest)?;
    let manifest_sha256 = sha256_hex(manifest_bytes);
    let manifest = manifest(manifest_bytes)?;
    let review = files
        .get(REVIEW)
        .map(|bytes| review::read_review(bytes))
        .transpose()?;
    let integrity = integrity(&manifest, &manifest_sha256, review.as_ref(), &files);
    let required = |name: &'static str| files.get(name).ok_or(BundleError::MissingFile { name });
    let answers_text =
        std::str::from_utf8(required(ANSWERS)?).map_err(|_| BundleError::Malformed {
            name: ANSWERS.to_owned(),
            reason: "not UTF-8 text".to_owned(),
        })?;
    let answers = Answers::from_json(answers_text, questionnaire).map_err(|error| match error {
        LoadError::Malformed(reason) => malformed(ANSWERS, reason),
        other => BundleError::Answers(other),
    })?;
    let findings = read_findings(required(FINDINGS)?)?;
    let walks = if manifest.bundle_schema_version >= 2 {
        read_walks(required(WALKS)?)?
    } else {
        Vec::new()
    };
    let exports = if manifest.bundle_schema_version >= 3 {
        let listed: Vec<String> = files
            .keys()
            .filter(|name| name.starts_with(exports::FOLDER) && manifest.files.contains_key(*name))
            .cloned()
            .collect();
        listed
            .into_iter()
            .filter_map(|name| {
                let bytes = files.remove(&name)?;
                Some(Picked {
                    name: name[exports::FOLDER.len()..].to_owned(),
                    bytes,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(ReadBundle {
        manifest,
        manifest_sha256,
        answers,
        findings,
        walks,
        review,
        exports,
        integrity,
    })
}

/// The JSON Schema of `manifest.json`, pretty-printed (published as
/// `docs/schema/manifest.schema.json`).
pub fn manifest_schema() -> String {
    pretty(&schemars::schema_for!(Manifest))
}

/// The JSON Schema of `walks.json`, pretty-printed (published as
/// `docs/schema/walks.schema.json`).
pub fn walks_schema() -> String {
    pretty(&schemars::schema_for!(Walks))
}

/// The JSON Schema of `findings.json`, pretty-printed (published as
/// `docs/schema/findings.schema.json`).
pub fn findings_schema() -> String {
    pretty(&schemars::schema_for!(Assessment))
}

/// The assessment as `findings.json` stores it, to compare with one read back.
fn stored(assessment: &Assessment) -> StoredAssessment {
    StoredAssessment {
        findings_schema_version: assessment.findings_schema_version,
        ruleset_version: assessment.ruleset_version.to_owned(),
        findings: assessment
            .findings
            .iter()
            .map(|f| StoredFinding {
                rule: f.rule.to_owned(),
                title: f.title.to_owned(),
                severity: f.severity,
                kind: f.kind,
                message: f.message.clone(),
            })
            .collect(),
    }
}
