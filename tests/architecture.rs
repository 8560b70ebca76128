//! Checks of ARCHITECTURE.md's invariants that the compiler alone does not enforce.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

/// Crates that tie code to the browser. None may appear in the core's dependency tree.
const BROWSER_CRATES: &[&str] = &["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"];

#[test]
fn core_depends_on_no_browser_crate_on_any_target() {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--package",
            "intake-core",
            "--edges",
            "normal",
            "--target",
            "all",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8(output.stdout).expect("cargo tree prints UTF-8");
    assert!(tree.starts_with("intake-core "), "unexpected tree:\n{tree}");
    let offenders: Vec<&str> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or_default();
            BROWSER_CRATES
                .iter()
                .any(|browser| name == *browser || name.starts_with(&format!("{browser}-")))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "intake-core depends on browser crates: {offenders:?}"
    );
}
