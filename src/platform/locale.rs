//! Dates as this browser writes them. A date input (`<input type=date>`) shows its value in the
//! browser's own form (22/11/2026, 11/22/2026, 22.11.2026...), whatever the value's ISO form
//! (2026-11-22): examples next to such an input are shown in the same form.

use js_sys::Intl::{DateTimeFormat, DateTimeFormatOptions, DayFormat, MonthFormat, YearFormat};

/// An ISO date (`YYYY-MM-DD`) written as this browser writes dates in its default locale: day,
/// month and year in numbers, day and month with two digits as date inputs show them. `None` when
/// the text is not a date.
///
/// Chromium lays a date input out in the browser's language, which `Intl` also uses by default;
/// not sure every browser agrees (some may follow the operating system's regional settings).
pub fn local_date(iso: &str) -> Option<String> {
    let date = intake_core::values::date(iso).ok()?;
    let year = u32::try_from(date.year()).ok()?;
    let shown = js_sys::Date::new_0();
    // Noon, so that no time zone or daylight saving change moves it to another day.
    shown.set_full_year_with_month_date(
        year,
        i32::from(u8::from(date.month())) - 1,
        i32::from(date.day()),
    );
    shown.set_hours(12);
    FORMAT.with(|format| format.format().call1(format, &shown).ok()?.as_string())
}

thread_local! {
    /// Made once: a `DateTimeFormat` takes milliseconds to make, and a step shows many dates.
    static FORMAT: DateTimeFormat = {
        let options = DateTimeFormatOptions::new();
        options.set_year(YearFormat::Numeric);
        options.set_month(MonthFormat::TwoDigit);
        options.set_day(DayFormat::TwoDigit);
        DateTimeFormat::new(&js_sys::Array::new(), &options)
    };
}
