//! Converts the questionnaire's section files (`assets/questionnaire/*.toml`) to one JSON
//! document, `$OUT_DIR/questionnaire.json`: `[["01-engagement.toml", {section}], ...]` in file
//! name order. The library reads the built-in questionnaire from it with serde_json, so the web
//! app ships no TOML parser. It also writes `$OUT_DIR/builtin_files.rs`, the same files as TOML
//! text for `BUILTIN_FILES`: the directory is the one list of sections. The playbooks
//! (`assets/playbooks/*.toml`) become `$OUT_DIR/playbooks.json` the same way.
// A build script reads and writes files; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let assets = Path::new(&manifest_dir).join("../../assets");

    let mut builtin_files = String::from("&[\n");
    let sections = convert(&assets.join("questionnaire"), |name, path| {
        let path = path.to_str().expect("a UTF-8 path");
        writeln!(builtin_files, "    ({name:?}, include_str!({path:?})),")
            .expect("writes to a String");
    });
    builtin_files.push_str("]\n");
    write(&out_dir.join("questionnaire.json"), &sections);
    write(&out_dir.join("builtin_files.rs"), &builtin_files);

    let playbooks = convert(&assets.join("playbooks"), |_, _| {});
    write(&out_dir.join("playbooks.json"), &playbooks);
}

/// Every TOML file in `dir` as one JSON document, `[[file name, contents], ...]` in file name
/// order; `each` also sees every file.
fn convert(dir: &Path, mut each: impl FnMut(&str, &Path)) -> String {
    let dir = fs::canonicalize(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for (name, path) in section_files(&dir) {
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let contents = to_json(value, "").unwrap_or_else(|error| panic!("{name}: {error}"));
        files.push(serde_json::json!([name, contents]));
        each(&name, &path);
    }
    serde_json::to_string(&files).expect("JSON values serialize")
}

/// Every `.toml` file in `dir` as (file name, path), sorted by name (for sections, the wizard
/// order).
fn section_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| {
            entry
                .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
                .path()
        })
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| {
            let name = path
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or_else(|| panic!("{}: not a UTF-8 file name", path.display()))
                .to_owned();
            (name, path)
        })
        .collect();
    files.sort();
    files
}

/// The JSON form of a TOML value. JSON has no datetimes, NaN or infinities, and neither the
/// questionnaire nor the playbooks use them: one stops the build, naming where it is (`at`, a
/// dotted key path).
fn to_json(value: toml::Value, at: &str) -> Result<serde_json::Value, String> {
    Ok(match value {
        toml::Value::String(text) => text.into(),
        toml::Value::Integer(n) => n.into(),
        toml::Value::Float(x) => serde_json::Number::from_f64(x)
            .ok_or_else(|| format!("{at}: {x} is not a finite number"))?
            .into(),
        toml::Value::Boolean(flag) => flag.into(),
        toml::Value::Datetime(datetime) => {
            return Err(format!(
                "{at}: {datetime} is a TOML date or time, which these files do not use; quote \
                 it to make it a string"
            ));
        }
        toml::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| to_json(item, &format!("{at}[{i}]")))
            .collect::<Result<Vec<_>, _>>()?
            .into(),
        toml::Value::Table(table) => table
            .into_iter()
            .map(|(key, item)| {
                let at = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                Ok((key, to_json(item, &at)?))
            })
            .collect::<Result<serde_json::Map<_, _>, String>>()?
            .into(),
    })
}

fn write(path: &Path, contents: &str) {
    fs::write(path, contents).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
}
