//! Shared by the integration tests and the benchmarks: reading data files of the repository.
// Tests read files; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

pub mod zip;

use std::path::{Path, PathBuf};

use intake_core::answers::Answers;

/// A folder of the repository, from its path relative to the repository's root.
pub fn repository_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// Every `.ext` file in `dir` as (file name, contents), sorted by name.
pub fn files(dir: &Path, ext: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|found| found == ext))
        .map(|path| {
            let name = path
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// Every `.ext` file in `dir` and its subfolders as (path relative to `dir`, contents), sorted by
/// path.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn files_under(dir: &Path, ext: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|found| found == ext) {
                let name = path
                    .strip_prefix(dir)
                    .expect("under the folder")
                    .to_string_lossy()
                    .into_owned();
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
                found.push((name, text));
            }
        }
    }
    found.sort();
    found
}

/// The realistic answers fixtures, `tests/fixtures/answers/*.json`.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn answers_fixtures() -> Vec<(String, String)> {
    files(&repository_path("tests/fixtures/answers"), "json")
}

/// The answers of an environment `factor` times larger: every group item repeated `factor` times
/// under new names (gateway "gw-01" becomes "gw-01", "gw-01 #2", ...), tenant counts scaled.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn scaled(answers: &Answers, factor: usize) -> Answers {
    let mut scaled = answers.clone();
    for items in scaled.groups.values_mut() {
        let originals = items.clone();
        for copy in 2..=factor {
            items.extend(originals.iter().cloned().map(|mut item| {
                item.name = format!("{} #{copy}", item.name);
                item
            }));
        }
    }
    scaled
}

/// Every bundle fixture of every released schema, `tests/fixtures/bundles/v*/*`, as (path, bytes),
/// sorted by path.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn bundle_fixtures() -> Vec<(String, Vec<u8>)> {
    let root = repository_path("tests/fixtures/bundles");
    let mut found = Vec::new();
    for version in std::fs::read_dir(&root).expect("the fixtures folder") {
        let version = version.expect("an entry").path();
        for file in std::fs::read_dir(&version).expect("a version folder") {
            let path = file.expect("an entry").path();
            let bytes = std::fs::read(&path).expect("a fixture reads");
            found.push((path.display().to_string(), bytes));
        }
    }
    found.sort();
    found
}

/// One bundle fixture's bytes, by its path under `tests/fixtures/bundles/`.
#[allow(dead_code, reason = "not every test binary uses every helper")]
pub fn bundle_fixture(relative: &str) -> Vec<u8> {
    let path = repository_path("tests/fixtures/bundles").join(relative);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}
