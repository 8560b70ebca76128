//! Collectors' exports: any bytes as a file the partner picks (an `.xlsx`, a zip, a CSV file), read
//! by `evidence::read`. Reading never panics; what reads is checked by `intake_fuzz::check_evidence`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The name decides only how a file that is neither a zip nor a spreadsheet is taken.
    for name in ["export.xlsx", "localhost_vbrinfo.csv"] {
        if let Ok(evidence) = intake_core::evidence::read(name, data) {
            intake_fuzz::check_evidence(&evidence);
        }
    }
});
