//! The `intake` binary as a user runs it.

use std::process::{Command, Output};

fn intake(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(args)
        .output()
        .expect("the intake binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

#[test]
fn version_prints_name_and_workspace_version() {
    let output = intake(&["--version"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output),
        format!("intake {}\n", intake_core::VERSION)
    );
}

#[test]
fn help_describes_the_tool() {
    let output = intake(&["--help"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("Usage: intake"), "{text}");
    assert!(text.contains("--version"), "{text}");
    assert!(text.contains(intake_core::SUMMARY), "{text}");
}

#[test]
fn unknown_argument_is_a_usage_error() {
    let output = intake(&["--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--no-such-flag"), "{stderr}");
}
