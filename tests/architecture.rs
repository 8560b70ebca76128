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

/// The parts of `src/` as ARCHITECTURE.md's code map lists them, each with the parts it may
/// import: (part, allowed).
fn documented_parts() -> Vec<(String, Vec<String>)> {
    let map = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md reads");
    map.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split(" | ")
                .map(str::trim)
                .collect();
            let [place, _, allowed] = cells.as_slice() else {
                return None;
            };
            let part = place
                .strip_prefix("`src/")?
                .trim_end_matches('`')
                .trim_end_matches('/')
                .trim_end_matches(".rs");
            let allowed = allowed
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect();
            Some((part.to_owned(), allowed))
        })
        .collect()
}

/// The app's own parts each part of `src/` names through a `crate::` path, comments aside.
fn imports(part: &str) -> std::collections::BTreeSet<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let folder = root.join(part);
    let files: Vec<std::path::PathBuf> = if folder.is_dir() {
        std::fs::read_dir(&folder)
            .expect("a part's folder reads")
            .map(|entry| entry.expect("a folder entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .collect()
    } else {
        vec![root.join(format!("{part}.rs"))]
    };
    let mut named = std::collections::BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file reads");
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if name != part {
                    named.insert(name);
                }
            }
        }
    }
    named
}

/// Every part of `src/` but the wiring (`lib.rs`, and the entry points: `main.rs` and `bin/`): its
/// folders and files.
fn parts_on_disk() -> std::collections::BTreeSet<String> {
    std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
        .expect("src/ reads")
        .map(|entry| entry.expect("an entry of src/").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            let part = name.strip_suffix(".rs").unwrap_or(&name).to_owned();
            (!["lib", "main", "bin"].contains(&part.as_str())).then_some(part)
        })
        .collect()
}

#[test]
fn the_code_map_lists_every_part_of_the_app_and_what_it_may_import() {
    let documented = documented_parts();
    let listed: std::collections::BTreeSet<String> =
        documented.iter().map(|(part, _)| part.clone()).collect();
    assert_eq!(
        listed,
        parts_on_disk(),
        "ARCHITECTURE.md's code map and src/ list different parts"
    );
    for (part, allowed) in &documented {
        let unlisted: Vec<String> = imports(part)
            .into_iter()
            .filter(|name| !allowed.contains(name))
            .collect();
        assert!(
            unlisted.is_empty(),
            "src/{part} imports {unlisted:?}, which ARCHITECTURE.md's code map does not allow it"
        );
    }
}

#[test]
fn no_part_of_the_app_imports_another_in_a_circle() {
    let parts = parts_on_disk();
    let edges: Vec<(String, std::collections::BTreeSet<String>)> = parts
        .iter()
        .map(|part| {
            let named = imports(part)
                .into_iter()
                .filter(|name| parts.contains(name))
                .collect();
            (part.clone(), named)
        })
        .collect();
    // Takes away, again and again, the parts that import no part left; a circle is what remains.
    let mut left = edges;
    loop {
        let before = left.len();
        let remaining: std::collections::BTreeSet<String> =
            left.iter().map(|(part, _)| part.clone()).collect();
        left.retain(|(_, named)| named.iter().any(|name| remaining.contains(name)));
        if left.len() == before {
            break;
        }
    }
    let circle: Vec<&String> = left.iter().map(|(part, _)| part).collect();
    assert!(
        circle.is_empty(),
        "these parts import each other in a circle: {circle:?}"
    );
}
