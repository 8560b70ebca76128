//! This computer's clock and random numbers, read where the app stamps and names what it makes:
//! save times, bundle times, new draft ids. The core reads no clock; it is given these.

/// The time now, RFC 3339 in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Now, in whole seconds (bundle times are to the second), from this computer's clock.
pub fn clock_now() -> Result<time::OffsetDateTime, String> {
    #[expect(clippy::cast_possible_truncation)]
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .map_err(|error| format!("this computer's clock is unusable: {error}"))
}

/// A new draft id: the time and a random part, short enough for a URL.
pub fn new_id() -> String {
    // Both are whole, non-negative and far below 2^53: the casts are exact.
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (time, random) = (
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1_679_616.0) as u64,
    );
    format!("{}{}", base36(time), base36(random))
}

/// A number in base 36, lower case.
fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::base36;

    #[test]
    fn base36_writes_digits_then_letters() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert_eq!(base36(1_679_615), "zzzz");
        assert_eq!(base36(u64::MAX), "3w5e11264sgsf");
    }
}
