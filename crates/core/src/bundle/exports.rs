//! The collectors' exports themselves, in a bundle whose partner chose to send them: the files
//! they imported (an RVTools `.xlsx`, a Veeam Healthcheck zip or the CSV files of its folder), as
//! they picked them, under `evidence/`. The bundle's answers already carry the facts read from
//! them, with where each came from; the files let the tech lead and R&D read them again (a fact
//! the reader got wrong is reported with the row that shows it). They are never in an anonymised
//! bundle: [`super::write_anonymised`] takes none.

use std::collections::BTreeSet;
use std::fmt;

use crate::evidence::Picked;

/// The folder of a bundle the exports go in.
pub const FOLDER: &str = "evidence/";
/// The most bytes the exports of one bundle may have together: a bundle stays small enough to
/// mail and to read in a browser (an RVTools export of 20,000 VMs is a few MiB).
pub const MAX_EXPORT_BYTES: usize = 48 * 1024 * 1024;
/// The most export files one bundle carries (a Healthcheck folder has a few dozen CSV files).
pub const MAX_EXPORT_FILES: usize = 128;
/// The longest name an export keeps in the bundle, in characters.
const MAX_NAME_CHARS: usize = 160;

/// Why exports cannot go in a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportsError {
    /// More than [`MAX_EXPORT_FILES`] files.
    TooMany { count: usize },
    /// More than [`MAX_EXPORT_BYTES`] together.
    TooLarge { bytes: usize },
}

impl fmt::Display for ExportsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportsError::TooMany { count } => write!(
                f,
                "{count} export files are more than a bundle carries ({MAX_EXPORT_FILES}): send \
                 the Healthcheck folder as one zip"
            ),
            ExportsError::TooLarge { bytes } => write!(
                f,
                "the exports are {} MiB together, more than a bundle carries ({} MiB): send the \
                 bundle without them and the exports another way",
                bytes.div_ceil(1024 * 1024),
                MAX_EXPORT_BYTES / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for ExportsError {}

/// Whether `files` fit in one bundle.
pub fn check(files: &[Picked]) -> Result<(), ExportsError> {
    if files.len() > MAX_EXPORT_FILES {
        return Err(ExportsError::TooMany { count: files.len() });
    }
    let bytes = files.iter().map(|file| file.bytes.len()).sum();
    if bytes > MAX_EXPORT_BYTES {
        return Err(ExportsError::TooLarge { bytes });
    }
    Ok(())
}

/// The entry name of each file, in order: `evidence/` and its name as picked, each part of the
/// path reduced to letters, digits, spaces and `._-()` (anything else becomes `_`, `.` and `..`
/// parts go), and made unique (`export-2.xlsx`) where two files had the same name.
pub fn entry_names(files: &[Picked]) -> Vec<String> {
    let mut taken = BTreeSet::new();
    files
        .iter()
        .map(|file| {
            let name = clean(&file.name);
            let mut candidate = name.clone();
            let mut count = 1;
            while taken.contains(&candidate) {
                count += 1;
                candidate = numbered(&name, count);
            }
            taken.insert(candidate.clone());
            format!("{FOLDER}{candidate}")
        })
        .collect()
}

/// A picked file's name as safe path parts.
fn clean(name: &str) -> String {
    let parts: Vec<String> = name
        .split(['/', '\\'])
        .map(|part| {
            part.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || " ._-()".contains(c) {
                        c
                    } else {
                        '_'
                    }
                })
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .filter(|part| !part.is_empty() && part != "." && part != "..")
        .collect();
    let joined = parts.join("/");
    let kept: String = joined
        .chars()
        .rev()
        .take(MAX_NAME_CHARS)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let kept = kept.trim_start_matches('/').to_owned();
    if kept.is_empty() {
        "export".to_owned()
    } else {
        kept
    }
}

/// `name` with `-count` before its extension: `vhc/a.csv`, 2 → `vhc/a-2.csv`.
fn numbered(name: &str, count: usize) -> String {
    let (folder, file) = name
        .rsplit_once('/')
        .map_or(("", name), |(folder, file)| (folder, file));
    let (stem, extension) = match file.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() => (stem, Some(extension)),
        _ => (file, None),
    };
    let file = match extension {
        Some(extension) => format!("{stem}-{count}.{extension}"),
        None => format!("{stem}-{count}"),
    };
    if folder.is_empty() {
        file
    } else {
        format!("{folder}/{file}")
    }
}

/// Whether bytes are already compressed (a zip: an `.xlsx` or a zip of CSV files), so storing
/// them deflated again would only cost time.
pub(super) fn compressed(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picked(name: &str) -> Picked {
        Picked {
            name: name.to_owned(),
            bytes: Vec::new(),
        }
    }

    #[test]
    fn names_are_safe_and_unique() {
        let files = [
            picked("RVTools_export_all.xlsx"),
            picked("RVTools_export_all.xlsx"),
            picked("../../etc/passwd"),
            picked("C:\\exports\\vhc.zip"),
            picked("vHC/Original/VBR/localhost/localhost_vbrinfo.csv"),
            picked("<script>é.csv"),
            picked(".."),
            picked("README"),
            picked("README"),
        ];
        assert_eq!(
            entry_names(&files),
            [
                "evidence/RVTools_export_all.xlsx",
                "evidence/RVTools_export_all-2.xlsx",
                "evidence/etc/passwd",
                "evidence/C_/exports/vhc.zip",
                "evidence/vHC/Original/VBR/localhost/localhost_vbrinfo.csv",
                "evidence/_script__.csv",
                "evidence/export",
                "evidence/README",
                "evidence/README-2",
            ]
        );
    }

    #[test]
    fn long_names_keep_their_end() {
        let long = format!("{}/export.xlsx", "a".repeat(400));
        let name = &entry_names(&[picked(&long)])[0];
        assert!(name.ends_with("/export.xlsx"), "{name}");
        assert_eq!(name.chars().count(), FOLDER.len() + MAX_NAME_CHARS);
    }

    #[test]
    fn limits_are_checked() {
        assert_eq!(check(&[]), Ok(()));
        let many: Vec<Picked> = (0..=MAX_EXPORT_FILES).map(|_| picked("a.csv")).collect();
        assert_eq!(
            check(&many),
            Err(ExportsError::TooMany {
                count: MAX_EXPORT_FILES + 1
            })
        );
        let large = Picked {
            name: "big.xlsx".to_owned(),
            bytes: vec![0; MAX_EXPORT_BYTES + 1],
        };
        let error = check(&[large]).expect_err("too large");
        assert!(error.to_string().contains("49 MiB together"), "{error}");
    }
}
