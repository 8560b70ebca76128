//! `intake`: the VCSP Intake command-line tool, a thin shell over `intake-core`.

use std::process::ExitCode;

use clap::Parser;

/// Check VCSP environment answers and review findings bundles from the command line.
///
/// The same assessment core runs here and in the browser app, so a tech lead gets the same
/// results on either side.
#[derive(Debug, Parser)]
#[command(name = "intake", version, about, long_about, after_help = after_help())]
struct Cli {}

fn after_help() -> String {
    format!(
        "{}\n\n{}",
        intake_core::SUMMARY,
        intake_core::PRIVACY_PROMISE
    )
}

fn main() -> ExitCode {
    let Cli {} = Cli::parse();
    ExitCode::SUCCESS
}
