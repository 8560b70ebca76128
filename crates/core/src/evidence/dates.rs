//! Times as collectors write them, read into ISO 8601 (local time, no zone). Collectors write the
//! time of the machine they ran on in its own locale, so a date such as 03/04/2026 cannot be told
//! apart (3 April or 4 March): such a date is not read, rather than guessed.

/// ISO 8601 `YYYY-MM-DDTHH:MM:SS` from what a collector wrote: ISO itself (with a `T` or a space),
/// a Healthcheck folder's `yyyyMMdd_HHmmss`, or a day and month with `/`, `.` or `-` where the
/// order is certain (one of them above 12, or dots, which only day-first locales use), with an
/// optional 12-hour `AM`/`PM`.
pub(crate) fn parse(text: &str) -> Option<String> {
    let text = text.trim();
    compact(text).or_else(|| iso(text)).or_else(|| local(text))
}

fn compact(text: &str) -> Option<String> {
    let (date, time) = text.split_once('_')?;
    if date.len() != 8
        || time.len() != 6
        || !(date.chars().chain(time.chars())).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    build(
        n(&date[..4])?,
        n(&date[4..6])?,
        n(&date[6..])?,
        (n(&time[..2])?, n(&time[2..4])?, n(&time[4..])?),
    )
}

fn iso(text: &str) -> Option<String> {
    let (date, time) = match text.split_once(['T', ' ']) {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year = parts.next()?;
    if year.len() != 4 {
        return None;
    }
    let (year, month, day) = (
        year.parse().ok()?,
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    );
    if parts.next().is_some() {
        return None;
    }
    build(year, month, day, clock(time)?)
}

fn local(text: &str) -> Option<String> {
    let (date, time) = match text.split_once(' ') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let separator = date.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<u32> = date
        .split(separator)
        .map(|part| part.parse().ok())
        .collect::<Option<_>>()?;
    let [first, second, year] = parts[..] else {
        return None;
    };
    if year < 1000 {
        return None;
    }
    let (day, month) = if separator == '.' || first > 12 {
        (first, second)
    } else if second > 12 {
        (second, first)
    } else {
        return None;
    };
    build(year, month, day, clock(time)?)
}

/// A time of day, `HH:MM[:SS]` with an optional `AM`/`PM`; none at all is midnight.
fn clock(time: Option<&str>) -> Option<(u32, u32, u32)> {
    let Some(time) = time.map(str::trim).filter(|t| !t.is_empty()) else {
        return Some((0, 0, 0));
    };
    let upper = time.to_ascii_uppercase();
    let (time, half) = match upper
        .strip_suffix("PM")
        .or_else(|| upper.strip_suffix("AM"))
    {
        Some(rest) => (rest.trim().to_owned(), Some(upper.ends_with("PM"))),
        None => (upper.clone(), None),
    };
    // Fractions of a second and a zone are dropped: the collector's clock is what it says.
    let time = time.split(['.', 'Z', '+']).next()?;
    let mut parts = time.split(':').map(|p| p.parse::<u32>().ok());
    let mut hour = parts.next()??;
    let minute = parts.next()??;
    let second = parts.next().unwrap_or(Some(0))?;
    match half {
        Some(pm) if (1..=12).contains(&hour) => hour = hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => {}
    }
    Some((hour, minute, second))
}

fn build(year: u32, month: u32, day: u32, clock: (u32, u32, u32)) -> Option<String> {
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date =
        time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?)
            .ok()?;
    written(date, clock)
}

/// A date and a time of day as ISO 8601 `YYYY-MM-DDTHH:MM:SS`; `None` for a time that is not one.
pub(crate) fn written(date: time::Date, (hour, minute, second): (u32, u32, u32)) -> Option<String> {
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(format!(
        "{:04}-{:02}-{:02}T{hour:02}:{minute:02}:{second:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn collectors_times_are_read_where_they_are_certain() {
        let cases = [
            ("2026-11-20 14:03:12", Some("2026-11-20T14:03:12")),
            ("2026-11-20T14:03:12.123Z", Some("2026-11-20T14:03:12")),
            ("2026-11-20", Some("2026-11-20T00:00:00")),
            ("20261120_140312", Some("2026-11-20T14:03:12")),
            ("11/20/2026 2:03:12 PM", Some("2026-11-20T14:03:12")),
            ("20/11/2026 14:03", Some("2026-11-20T14:03:00")),
            ("20.11.2026 14:03:12", Some("2026-11-20T14:03:12")),
            ("03.04.2026", Some("2026-04-03T00:00:00")),
            ("12/20/2026 12:00:00 AM", Some("2026-12-20T00:00:00")),
            // Day and month cannot be told apart: not guessed.
            ("03/04/2026 10:00", None),
            ("2026-02-30", None),
            ("yesterday", None),
            ("20261120_25", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).as_deref(), expected, "{text}");
        }
    }
}
