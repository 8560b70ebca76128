//! `intake`: the VCSP Intake command-line tool, a thin shell over `intake-core`.
//!
//! Exit codes: 0 success; 1 the input has blocking problems (or findings at or above
//! `--fail-on`, or a bundle file that does not match its manifest); 2 the input cannot be read,
//! or the command line is wrong.

mod assess;
mod bundle;
mod compare;
mod evidence;
mod input;
mod merge;
mod playbook;
mod portfolio;
mod questions;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use intake_core::questionnaire::Questionnaire;

/// Check VCSP environment answers and review findings bundles from the command line.
///
/// The same assessment core runs here and in the browser app, so a tech lead gets the same
/// results on either side.
#[derive(Debug, Parser)]
#[command(name = "intake", version, about, long_about, after_help = after_help())]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the questionnaire: sections, questions, kinds and help.
    Questions {
        /// Print JSON: {"questions_schema_version", "sections": [{"id", "title", "intro", "show_if",
        /// "questions": [{"id", "kind", "label", "help", "show_if", "unit", "min", "max",
        /// "choices", ...}]}]} (`intake schema questions`).
        #[arg(long)]
        json: bool,
    },
    /// Validate an answers file: print its problems; exit 1 when one blocks export.
    Validate {
        /// The answers file (JSON, as exported by the app).
        answers: PathBuf,
        /// Print JSON: {"problems": [{"path", "severity", "message"}], "errors": N, "warnings": N}.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of answers files, of a findings bundle's manifest, findings or review,
    /// or of what `intake review --format json` or `intake questions --json` prints.
    Schema {
        /// Which file's schema.
        #[arg(value_enum, default_value = "answers")]
        of: SchemaOf,
    },
    /// Print the rule catalogue: every check the assessment runs.
    Rules {
        /// Print JSON: an array of rules with id, title, category, severity, since, docs,
        /// remediation (steps), references (URLs) and playbook ({"start", "steps"}).
        #[arg(long)]
        json: bool,
    },
    /// Print a playbook: the decision tree of a rule (NET-001) or a symptom (SYM-001).
    Playbook {
        /// The rule or symptom id.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: playbook::Format,
    },
    /// List the symptoms partners call about; each starts a playbook.
    Symptoms {
        /// Print JSON: an array of {"id", "title"}.
        #[arg(long)]
        json: bool,
    },
    /// Assess an answers file: print the findings; exit 1 when one is at or above --fail-on.
    Assess {
        /// The answers file (JSON, as exported by the app).
        answers: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: assess::Format,
        /// A rules config file (TOML) overriding thresholds.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Exit 1 when an issue of this severity or worse is found.
        #[arg(long, value_parser = assess::parse_severity)]
        fail_on: Option<intake_core::rules::Severity>,
    },
    /// Make a findings bundle (zip) for a tech lead: answers, findings, reports and a manifest.
    Bundle {
        /// The answers file (JSON, as exported by the app).
        answers: PathBuf,
        /// Where to write the bundle: a file, or a directory for the standard name
        /// `<partner>-<engagement>-<YYYY-MM-DD>.intake.zip`.
        #[arg(short, long)]
        out: PathBuf,
        /// The creation time recorded in the bundle, RFC 3339 (default: now).
        #[arg(long, value_parser = bundle::parse_created_at)]
        created_at: Option<time::OffsetDateTime>,
        /// Replace names, host names, addresses, e-mail addresses and free text with
        /// placeholders, keeping what the rules read: the bundle can go to R&D without customer
        /// data. The standard name becomes `partner-engagement-<YYYY-MM-DD>.intake.zip`.
        #[arg(long)]
        anonymise: bool,
        /// A collector's export to send with the answers, under `evidence/` in the bundle: an
        /// RVTools `.xlsx`, a Healthcheck folder or zip the answers' evidence was read from.
        /// Repeat it for each. Never in an anonymised bundle.
        #[arg(long = "export", value_name = "EXPORT", conflicts_with = "anonymise")]
        exports: Vec<PathBuf>,
        /// The playbooks walked with these answers: a `walks.json` as bundles carry it
        /// (`intake schema walks`). Without it the bundle lists none.
        #[arg(long)]
        walks: Option<PathBuf>,
    },
    /// Write a reviewed bundle's document for one of its readers: the partner's action plan
    /// (what to do, most urgent first), R&D's evidence pack (the escalated findings with what
    /// reproducing them needs; anonymised unless --with-originals) or QA's scope and test plan.
    /// Exit 2 for an unreadable bundle or one whose review is missing or unfinished (with what to
    /// finish).
    Report {
        /// The reviewed bundle (zip).
        bundle: PathBuf,
        /// Whose document.
        #[arg(long = "for", value_enum)]
        reader: bundle::Reader,
        /// Its format: the action plan and the test plan are HTML, Markdown or CSV; the
        /// evidence pack HTML, Markdown or JSON.
        #[arg(long, value_enum, default_value = "md")]
        format: bundle::ReportFormat,
        /// The evidence pack and the test plan with the partner's names, host names, addresses
        /// and free text as they are (anonymised without it).
        #[arg(long)]
        with_originals: bool,
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Compare two assessments of one partner (findings bundles, answers files or drafts): the
    /// findings fixed, new, re-rated and still open, with the answers that changed and caused
    /// each, and the counts by severity and category before and after. Both are assessed by
    /// this build's rules. Exit 2 when either cannot be read.
    Compare {
        /// The older assessment.
        old: PathBuf,
        /// The newer assessment.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: compare::Format,
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Merge answers from several people into one answers file: each OTHER (answers file or
    /// draft) into BASE in turn. Answers only one side has are taken; "I don't know" is filled
    /// by whoever knows; different answers are conflicts, listed with both sides. Group items are
    /// matched by name. Exit 0 when merged cleanly (or --prefer decided), 1 when conflicts are
    /// left for a person (the base's answer kept), 2 for unreadable input.
    Merge {
        /// The answers to merge into.
        base: PathBuf,
        /// The answers to take from, in order.
        #[arg(required = true)]
        others: Vec<PathBuf>,
        /// Where to write the merged answers file.
        #[arg(short, long)]
        out: PathBuf,
        /// Settle every conflict for this side.
        #[arg(long, value_enum)]
        prefer: Option<merge::Side>,
        /// The report's format.
        #[arg(long, value_enum, default_value = "text")]
        format: merge::Format,
    },
    /// Patterns across partners: read every bundle given (folders read through for .zip files),
    /// reviewed or not, and report how many partners each rule fires for, by severity, category
    /// and platform facts; what partners do not know; the findings reviewers dismissed.
    /// Unreadable files are listed with the reason and the rest still count. Names and free text
    /// only with --with-names.
    Portfolio {
        /// Bundles, or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: portfolio::Format,
        /// Include partner names and the reviewers' dismissal reasons.
        #[arg(long)]
        with_names: bool,
        /// Bundles read at once (default: the processors available).
        #[arg(long)]
        jobs: Option<usize>,
        /// Where to write it (default: standard output).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Read collectors' exports (RVTools .xlsx, a Veeam Healthcheck folder or zip) and compare
    /// them with the answers: what they would set, where they agree and where they disagree;
    /// exit 1 when they disagree.
    Evidence {
        /// RVTools exports (.xlsx), Veeam Healthcheck CSV folders, zips of them or their CSV files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The answers to compare with and fill in (default: none, as for a new assessment).
        #[arg(long)]
        answers: Option<PathBuf>,
        /// Write the answers with what was blank set from the evidence; disagreements are left as
        /// the answers say.
        #[arg(short, long)]
        out: Option<PathBuf>,
        /// Evidence collected more days ago than this is reported as old.
        #[arg(long, default_value_t = 30)]
        max_age_days: u32,
        /// The date the age is counted to, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_today)]
        today: Option<time::Date>,
        /// Print JSON: {"sources", "proposals": [{"question", "item", "value", "change", "now",
        /// "from", "fact"}], "disagreements", "stale", "notes"}.
        #[arg(long)]
        json: bool,
    },
    /// Review a findings bundle: integrity, manifest, and what the current rules find now;
    /// exit 1 when a file does not match the manifest.
    Review {
        /// The bundle (zip).
        bundle: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: bundle::Format,
        /// Write a reviewed bundle from a triage file (JSON: reviewer, note, triage, added; see
        /// docs/bundle.md) instead of printing; needs -o. Exit 2, with every problem listed, when
        /// an entry names no finding of the bundle, a dismissal has no reason or a date is wrong.
        #[arg(long, value_name = "TRIAGE.json", requires = "out")]
        apply: Option<PathBuf>,
        /// Where to write the reviewed bundle.
        #[arg(short, long, requires = "apply")]
        out: Option<PathBuf>,
        /// The review time recorded, RFC 3339 (default: now).
        #[arg(long, value_parser = bundle::parse_created_at, requires = "apply")]
        reviewed_at: Option<time::OffsetDateTime>,
    },
}

/// The files `intake schema` describes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SchemaOf {
    /// Answers files.
    Answers,
    /// `manifest.json` in findings bundles.
    Manifest,
    /// `findings.json` in findings bundles (also `intake assess --format json`).
    Findings,
    /// `walks.json` in findings bundles: the playbooks walked.
    Walks,
    /// R&D's evidence pack (`intake report --for rnd --format json`).
    EvidencePack,
    /// `intake compare --format json`.
    Comparison,
    /// `intake portfolio --format json`.
    Portfolio,
    /// `review.json` in reviewed bundles.
    Review,
    /// What `intake review --format json` prints.
    ReviewDocument,
    /// Triage files: what `intake review --apply` reads.
    Triage,
    /// What `intake questions --json` prints.
    Questions,
}

fn parse_today(text: &str) -> Result<time::Date, String> {
    intake_core::values::date(text)
}

fn after_help() -> String {
    format!(
        "{}\n\n{}",
        intake_core::SUMMARY,
        intake_core::PRIVACY_PROMISE
    )
}

/// What a command produced: text for stdout and the exit code.
struct Output {
    stdout: String,
    code: u8,
}

impl Output {
    fn ok(stdout: String) -> Output {
        Output { stdout, code: 0 }
    }

    /// `text` on standard output, or written to `out` with a line saying so.
    fn to(text: String, out: Option<&std::path::Path>) -> Result<Output, String> {
        match out {
            None => Ok(Output::ok(text)),
            Some(out) => {
                std::fs::write(out, &text)
                    .map_err(|error| format!("cannot write {}: {error}", out.display()))?;
                Ok(Output::ok(format!("wrote {}\n", out.display())))
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`intake questions | head`) is not an error worth reporting.
            let _ = stdout.write_all(output.stdout.as_bytes());
            let _ = stdout.flush();
            ExitCode::from(output.code)
        }
        Err(message) => {
            eprintln!("intake: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<Output, String> {
    let questionnaire = Questionnaire::builtin()
        .map_err(|error| format!("the built-in questionnaire is broken: {error}"))?;
    match command {
        Command::Questions { json } => Ok(Output::ok(if json {
            questions::json(questionnaire)
        } else {
            questions::text(questionnaire)
        })),
        Command::Validate { answers, json } => validate::run(questionnaire, &answers, json),
        Command::Schema { of } => Ok(Output::ok(match of {
            SchemaOf::Answers => intake_core::answers::json_schema(),
            SchemaOf::Manifest => intake_core::bundle::manifest_schema(),
            SchemaOf::Findings => intake_core::bundle::findings_schema(),
            SchemaOf::Walks => intake_core::bundle::walks_schema(),
            SchemaOf::Review => intake_core::bundle::review_schema(),
            SchemaOf::EvidencePack => intake_core::bundle::evidence_pack::evidence_pack_schema(),
            SchemaOf::Comparison => intake_core::bundle::compare::comparison_schema(),
            SchemaOf::Portfolio => intake_core::bundle::portfolio::portfolio_schema(),
            SchemaOf::ReviewDocument => intake_core::bundle::review_document_schema(),
            SchemaOf::Triage => intake_core::bundle::triage_schema(),
            SchemaOf::Questions => intake_core::questionnaire::export::json_schema(),
        })),
        Command::Rules { json } => assess::catalogue(json),
        Command::Playbook { id, format } => playbook::show(questionnaire, &id, format),
        Command::Symptoms { json } => playbook::symptoms(json),
        Command::Assess {
            answers,
            format,
            config,
            fail_on,
        } => assess::run(questionnaire, &answers, format, config.as_deref(), fail_on),
        Command::Bundle {
            answers,
            out,
            created_at,
            anonymise,
            exports,
            walks,
        } => bundle::make(
            questionnaire,
            &answers,
            walks.as_deref(),
            &out,
            created_at,
            anonymise,
            &exports,
        ),
        Command::Review {
            bundle,
            format,
            apply,
            out,
            reviewed_at,
        } => match (apply, out) {
            (Some(triage), Some(out)) => {
                bundle::apply(questionnaire, &bundle, &triage, &out, reviewed_at)
            }
            _ => bundle::review(questionnaire, &bundle, format),
        },
        Command::Portfolio {
            paths,
            format,
            with_names,
            jobs,
            out,
        } => portfolio::run(
            questionnaire,
            &paths,
            format,
            with_names,
            jobs,
            out.as_deref(),
        ),
        Command::Merge {
            base,
            others,
            out,
            prefer,
            format,
        } => merge::run(questionnaire, &base, &others, &out, prefer, format),
        Command::Compare {
            old,
            new,
            format,
            out,
        } => compare::run(questionnaire, &old, &new, format, out.as_deref()),
        Command::Report {
            bundle,
            reader,
            format,
            with_originals,
            out,
        } => bundle::report(
            questionnaire,
            &bundle,
            reader,
            format,
            with_originals,
            out.as_deref(),
        ),
        Command::Evidence {
            files,
            answers,
            out,
            max_age_days,
            today,
            json,
        } => evidence::run(
            questionnaire,
            &files,
            answers.as_deref(),
            out.as_deref(),
            json,
            // The core reads no clock: today is taken here.
            today.unwrap_or_else(|| time::OffsetDateTime::now_utc().date()),
            max_age_days,
        ),
    }
}
