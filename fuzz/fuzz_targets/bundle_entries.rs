//! Findings bundles built from fuzzed files, so that the fuzzer works on the manifest, answers,
//! findings and review rather than on deflate streams and checksums (the `bundle` target's work).
//!
//! The input is a list of files separated by NUL bytes, each its name, a newline, then its
//! contents; they are zipped as they are (stored) and read like any bundle.

#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

fuzz_target!(|data: &[u8]| {
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for record in data.split(|byte| *byte == 0) {
        let (name, contents) = match record.iter().position(|byte| *byte == b'\n') {
            Some(end) => (&record[..end], &record[end + 1..]),
            None => (record, &[][..]),
        };
        let name = String::from_utf8_lossy(name);
        if zip.start_file(name, options).is_err() || zip.write_all(contents).is_err() {
            return;
        }
    }
    let Ok(archive) = zip.finish() else {
        return;
    };
    intake_fuzz::check_bundle(&archive.into_inner());
});
