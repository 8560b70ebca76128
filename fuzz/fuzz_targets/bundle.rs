//! Findings bundles as `intake review` and the app's review mode open them: any bytes are an
//! error value or a bundle whose re-run, triage list, review and reviewed export hold together.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| intake_fuzz::check_bundle(data));
