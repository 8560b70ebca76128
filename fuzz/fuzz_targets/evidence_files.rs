//! A Healthcheck folder built from fuzzed files, so that the fuzzer works on the CSV files rather
//! than on a zip's deflate streams (the `evidence` target's work).
//!
//! The input is a list of files separated by NUL bytes, each its path, a newline, then its
//! contents, read as the files of a folder the partner picked.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = data
        .split(|byte| *byte == 0)
        .map(|record| match record.iter().position(|byte| *byte == b'\n') {
            Some(end) => (
                String::from_utf8_lossy(&record[..end]).into_owned(),
                record[end + 1..].to_vec(),
            ),
            None => (String::from_utf8_lossy(record).into_owned(), Vec::new()),
        })
        .collect();
    if let Ok(evidence) = intake_core::evidence::healthcheck::read_files("vHC", &files) {
        intake_fuzz::check_evidence(&evidence);
    }
});
