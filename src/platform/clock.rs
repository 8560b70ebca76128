//! This computer's clock, read where the app stamps what it makes (the core reads no clock).

/// Now, in whole seconds (bundle times are to the second), from this computer's clock.
pub fn clock_now() -> Result<time::OffsetDateTime, String> {
    #[expect(clippy::cast_possible_truncation)]
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map_err(|error| format!("this computer's clock is unusable: {error}"))
}
