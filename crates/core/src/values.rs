//! Typed readings of answers kept as text: versions, dates, times of day, windows, durations,
//! addresses. Validation uses them to tell the partner what is wrong; rules use them to compare.
//!
//! Each reader returns a message a partner understands when the text does not fit.

use std::cmp::Ordering;
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use crate::answers::Window;

/// A product version: 2 to 4 numbers separated by dots, compared numerically (`12.10 > 12.9`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version(Vec<u32>);

impl Version {
    pub fn parse(text: &str) -> Result<Version, String> {
        let text = text.trim();
        let parts: Result<Vec<u32>, _> = text.split('.').map(u32::from_str).collect();
        match parts {
            Ok(parts) if (2..=4).contains(&parts.len()) => Ok(Version(parts)),
            _ => Err(format!(
                "“{text}” is not a version: use 2 to 4 numbers separated by dots, like 12.3.1.1139"
            )),
        }
    }

    /// The numbers of the version, most significant first.
    pub fn parts(&self) -> &[u32] {
        &self.0
    }

    /// The first and the last build the version may stand for, as four numbers: a number left
    /// out is 0 in the first and unbounded in the last (`12.3` is any build from 12.3.0.0 up to,
    /// not including, 12.4).
    fn span(&self) -> ([u64; 4], [u64; 4]) {
        let mut first = [0; 4];
        let mut last = [u64::MAX; 4];
        for (index, part) in self.0.iter().enumerate() {
            first[index] = u64::from(*part);
            last[index] = u64::from(*part);
        }
        (first, last)
    }

    /// Whether this version is older than `other`, as far as the numbers given tell: `None` when
    /// it depends on numbers one of them leaves out. `12.3` against `12.3.1.1139` is `None` (build
    /// 12.3.0.310 is older, 12.3.2.3617 is not); `12.2` against it is `Some(true)`.
    pub fn older_than(&self, other: &Version) -> Option<bool> {
        let (first, last) = self.span();
        let (other_first, other_last) = other.span();
        if last < other_first {
            Some(true)
        } else if first >= other_last {
            Some(false)
        } else {
            None
        }
    }

    /// Whether this version is older than the release `baseline` (numbers it leaves out are 0:
    /// `[12, 3]` is 12.3.0.0), as far as the numbers given tell: `None` when it depends on numbers
    /// this version leaves out (`12.3` against 12.3.1).
    pub fn older_than_release(&self, baseline: &[u32]) -> Option<bool> {
        let mut release = [0; 4];
        for (index, part) in baseline.iter().take(4).enumerate() {
            release[index] = u64::from(*part);
        }
        let (first, last) = self.span();
        if last < release {
            Some(true)
        } else if first >= release {
            Some(false)
        } else {
            None
        }
    }
}

impl Ord for Version {
    /// Missing trailing parts count as 0: `12.3` equals `12.3.0.0`.
    fn cmp(&self, other: &Self) -> Ordering {
        (0..4)
            .map(|i| {
                let a = self.0.get(i).copied().unwrap_or(0);
                let b = other.0.get(i).copied().unwrap_or(0);
                a.cmp(&b)
            })
            .find(|ordering| ordering.is_ne())
            .unwrap_or(Ordering::Equal)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(u32::to_string).collect();
        f.write_str(&parts.join("."))
    }
}

/// Reads a calendar date written `YYYY-MM-DD`, checking that the day exists.
pub fn date(text: &str) -> Result<time::Date, String> {
    let text = text.trim();
    let shape = || format!("“{text}” is not a date: write it as YYYY-MM-DD, like 2026-11-22");
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(shape());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(shape());
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>())
    else {
        return Err(shape());
    };
    let month = time::Month::try_from(month)
        .map_err(|_| format!("“{text}” is not a date: there is no month {m}"))?;
    time::Date::from_calendar_date(year, month, day).map_err(|_| {
        format!(
            "“{text}” is not a date: {month} {year} has {} days",
            time::util::days_in_month(month, year)
        )
    })
}

/// A time of day in minutes after midnight, read from `HH:MM` (24-hour).
pub fn time_of_day(text: &str) -> Result<u16, String> {
    let text = text.trim();
    let error = || format!("“{text}” is not a time of day: write it as HH:MM, like 22:30");
    let (h, m) = text.split_once(':').ok_or_else(error)?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return Err(error());
    }
    let (Ok(hours), Ok(minutes)) = (h.parse::<u16>(), m.parse::<u16>()) else {
        return Err(error());
    };
    if hours > 23 || minutes > 59 {
        return Err(error());
    }
    Ok(hours * 60 + minutes)
}

/// The days of the week, in order, as stored in windows.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A window with its times read: minutes after midnight, and the days (0 = Monday) it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimeWindow {
    pub start: u16,
    pub end: u16,
    pub days: Vec<u8>,
}

impl TimeWindow {
    /// Reads a window; every problem found is reported, one message each.
    pub fn parse(window: &Window) -> Result<TimeWindow, Vec<String>> {
        let mut problems = Vec::new();
        let start = time_of_day(&window.start)
            .map_err(|message| problems.push(format!("start: {message}")))
            .ok();
        let end = time_of_day(&window.end)
            .map_err(|message| problems.push(format!("end: {message}")))
            .ok();
        if window.days.is_empty() {
            problems.push("pick at least one day".to_owned());
        }
        let mut days = Vec::new();
        for day in &window.days {
            match WEEKDAYS.iter().position(|d| d == day) {
                Some(index) => days.push(u8::try_from(index).unwrap_or_default()),
                None => problems.push(format!("“{day}” is not a day: use mon, tue ... sun")),
            }
        }
        days.sort_unstable();
        days.dedup();
        match (start, end) {
            (Some(start), Some(end)) if problems.is_empty() => {
                if start == end {
                    Err(vec![
                        "start and end are the same time: a window needs a length".to_owned(),
                    ])
                } else {
                    Ok(TimeWindow { start, end, days })
                }
            }
            _ => Err(problems),
        }
    }

    /// Whether the window runs past midnight into the next day.
    pub fn crosses_midnight(&self) -> bool {
        self.end < self.start
    }

    /// Length in minutes.
    pub fn minutes(&self) -> u16 {
        if self.crosses_midnight() {
            24 * 60 - self.start + self.end
        } else {
            self.end - self.start
        }
    }

    /// The stretches of the week the window covers, as [start, end) minutes after Monday 00:00;
    /// a window starting on Sunday that crosses midnight wraps to Monday.
    pub fn spans(&self) -> Vec<(u32, u32)> {
        const WEEK: u32 = 7 * 24 * 60;
        let mut spans = Vec::new();
        for day in &self.days {
            let start = u32::from(*day) * 24 * 60 + u32::from(self.start);
            let end = start + u32::from(self.minutes());
            if end > WEEK {
                spans.push((start, WEEK));
                spans.push((0, end - WEEK));
            } else {
                spans.push((start, end));
            }
        }
        spans
    }
}

/// Whether two sets of stretches of the week ([`TimeWindow::spans`]) share any minute.
pub fn spans_overlap(a: &[(u32, u32)], b: &[(u32, u32)]) -> bool {
    a.iter().any(|(a_start, a_end)| {
        b.iter()
            .any(|(b_start, b_end)| a_start < b_end && b_start < a_end)
    })
}

/// A length of time in minutes, read from forms like `30m`, `4h`, `1h30m`, `7d` or `2 weeks`.
pub fn duration_minutes(text: &str) -> Result<u64, String> {
    let error = || {
        format!(
            "“{}” is not a length of time: write it like 30m, 4h, 1h30m or 7d",
            text.trim()
        )
    };
    let duration = humantime::parse_duration(text.trim()).map_err(|_| error())?;
    let minutes = duration.as_secs() / 60;
    if minutes == 0 || duration.as_secs() % 60 != 0 {
        return Err(error());
    }
    Ok(minutes)
}

pub fn ip_address(text: &str) -> Result<IpAddr, String> {
    IpAddr::from_str(text.trim()).map_err(|_| {
        format!(
            "“{}” is not an IP address: write an IPv4 address like 203.0.113.10 or an IPv6 address \
             like 2001:db8::10",
            text.trim()
        )
    })
}

pub fn cidr(text: &str) -> Result<ipnet::IpNet, String> {
    ipnet::IpNet::from_str(text.trim()).map_err(|_| {
        format!(
            "“{}” is not a network: write an address and prefix length, like 10.20.0.0/24",
            text.trim()
        )
    })
}

/// Checks a fully qualified domain name (RFC 1123 host name with at least two labels).
pub fn fqdn(text: &str) -> Result<(), String> {
    let text = text.trim();
    let name = text.strip_suffix('.').unwrap_or(text);
    let error = |why: &str| format!("“{text}” is not a DNS name: {why}");
    if name.len() > 253 {
        return Err(error("it is longer than 253 characters"));
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return Err(error(
            "give the full name including the domain, like cc.example.net",
        ));
    }
    for label in &labels {
        if label.is_empty() || label.len() > 63 {
            return Err(error("each part between dots has 1 to 63 characters"));
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(error("use letters, digits and hyphens only"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(error("a part cannot start or end with a hyphen"));
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(error(
            "that looks like an IP address; this question asks for a name",
        ));
    }
    Ok(())
}

/// Checks an e-mail address, whose domain must have a dot: `name@company` names no domain mail
/// can be delivered to (RFC 5321, section 2.3.5, permits only fully qualified domain names).
pub fn email(text: &str) -> Result<(), String> {
    let text = text.trim();
    if !email_address::EmailAddress::is_valid(text) {
        return Err(format!(
            "“{text}” is not an e-mail address: write it like name@example.net"
        ));
    }
    let domain = text.rsplit_once('@').map_or("", |(_, domain)| domain);
    if domain.split('.').count() < 2 || domain.split('.').any(str::is_empty) {
        return Err(format!(
            "“{text}” is not a complete e-mail address: the part after @ needs its full domain \
             with a dot, like name@example.net"
        ));
    }
    Ok(())
}

/// Checks an `http`/`https` URL whose host is a DNS name or an IP address.
///
/// Deliberately narrow: the `url` crate (and `validator`, which uses it) would add Unicode
/// tables to the browser app for a handful of questions that only ever take plain URLs.
pub fn url(text: &str) -> Result<(), String> {
    let text = text.trim();
    let error = |why: &str| format!("“{text}” is not a web address: {why}");
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .ok_or_else(|| error("start it with https:// or http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(error("leave out user names and passwords"));
    }
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .ok_or_else(|| error("an IPv6 address needs a closing ]"))?;
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        port.parse::<u16>()
            .ok()
            .filter(|port| *port > 0)
            .ok_or_else(|| error("the port after : must be a number from 1 to 65535"))?;
    }
    if host.is_empty() {
        return Err(error("it has no host name"));
    }
    if IpAddr::from_str(host).is_ok() || fqdn(host).is_ok() {
        Ok(())
    } else {
        Err(error("the host is neither a DNS name nor an IP address"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically_and_pad_with_zeros() {
        let v = |text| Version::parse(text).expect("a version");
        assert!(v("12.10") > v("12.9"));
        assert_eq!(v("12.3").cmp(&v("12.3.0.0")), Ordering::Equal);
        assert!(v("12.3.1.1139") > v("12.3.1"));
        assert_eq!(v(" 13.0.1 ").to_string(), "13.0.1");
        for bad in ["12", "12.x", "1.2.3.4.5", "", "v12.3", "12..3"] {
            assert!(Version::parse(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn versions_compare_only_as_far_as_their_numbers_tell() {
        let v = |text| Version::parse(text).expect("a version");
        assert_eq!(v("12.2").older_than(&v("12.3.1.1139")), Some(true));
        assert_eq!(v("13.0").older_than(&v("12.3.1.1139")), Some(false));
        assert_eq!(
            v("12.3").older_than(&v("12.3.1.1139")),
            None,
            "12.3.0.310 is older, 12.3.2.3617 is not"
        );
        assert_eq!(v("12.3.1.1139").older_than(&v("12.3")), None);
        assert_eq!(v("12.3.1.1139").older_than(&v("12.3.1.1139")), Some(false));
        assert_eq!(v("12.3.1.1139").older_than(&v("12.3.2.3617")), Some(true));
        assert_eq!(v("12.3").older_than_release(&[12, 3]), Some(false));
        assert_eq!(v("12.2").older_than_release(&[12, 3]), Some(true));
        assert_eq!(v("12.3").older_than_release(&[12, 3, 1]), None);
        assert_eq!(
            v("12.3.1.1139").older_than_release(&[12, 3, 1]),
            Some(false)
        );
        assert_eq!(v("12.3.0.310").older_than_release(&[12, 3, 1]), Some(true));
    }

    #[test]
    fn dates_must_exist() {
        assert!(date("2028-02-29").is_ok());
        let error = date("2026-02-29").expect_err("2026 is no leap year");
        assert!(error.contains("February 2026 has 28 days"), "{error}");
        assert!(
            date("2026-13-01")
                .expect_err("no month 13")
                .contains("no month 13")
        );
        for bad in [
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "tomorrow",
            "2026-01-01-01",
        ] {
            assert!(date(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn windows_may_cross_midnight() {
        let window = |start: &str, end: &str, days: &[&str]| {
            TimeWindow::parse(&Window {
                start: start.into(),
                end: end.into(),
                days: days.iter().map(|d| (*d).to_owned()).collect(),
            })
        };
        let night = window("22:00", "06:00", &["sun"]).expect("valid");
        assert!(night.crosses_midnight());
        assert_eq!(night.minutes(), 8 * 60);
        assert_eq!(night.spans(), vec![(6 * 1440 + 1320, 7 * 1440), (0, 360)]);
        let monday_early = window("01:00", "02:00", &["mon"]).expect("valid");
        assert!(
            spans_overlap(&night.spans(), &monday_early.spans()),
            "Sunday night runs into Monday 01:00"
        );
        let monday_noon = window("12:00", "13:00", &["mon"]).expect("valid");
        assert!(!spans_overlap(&night.spans(), &monday_noon.spans()));
        assert_eq!(
            window("25:00", "06:00", &[])
                .expect_err("two problems")
                .len(),
            2
        );
        assert!(window("06:00", "06:00", &["mon"]).is_err());
        assert!(window("06:00", "07:00", &["funday"]).is_err());
    }

    #[test]
    fn durations_in_minutes() {
        assert_eq!(duration_minutes("30m"), Ok(30));
        assert_eq!(duration_minutes("1h30m"), Ok(90));
        assert_eq!(duration_minutes("1h 30m"), Ok(90));
        assert_eq!(duration_minutes("7d"), Ok(7 * 1440));
        for bad in ["", "soon", "0m", "30s", "-4h"] {
            assert!(duration_minutes(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn addresses_names_and_urls() {
        assert!(ip_address("203.0.113.10").is_ok());
        assert!(ip_address("2001:db8::10").is_ok());
        assert!(ip_address("203.0.113.300").is_err());
        assert!(cidr("10.20.0.0/24").is_ok());
        assert!(cidr("10.20.0.0/33").is_err());
        assert!(fqdn("cc.example.net").is_ok());
        assert!(fqdn("cc.example.net.").is_ok());
        for bad in [
            "cc",
            "-cc.example.net",
            "cc_1.example.net",
            "203.0.113.10",
            "a..b",
        ] {
            assert!(fqdn(bad).is_err(), "accepted {bad:?}");
        }
        assert!(email("noc@example.net").is_ok());
        assert!(email(" noc@mail.example.co.uk ").is_ok());
        assert!(email("noc@").is_err());
        for bad in ["name@company", "name@company.", "name@.company"] {
            assert!(email(bad).is_err(), "accepted {bad:?}");
        }
        assert_eq!(
            email("name@company"),
            Err(
                "“name@company” is not a complete e-mail address: the part after @ needs its \
                 full domain with a dot, like name@example.net"
                    .to_owned()
            )
        );
        for good in [
            "https://s3.eu-central-1.example.com",
            "https://wiki.example.net:8443/runbooks?x=1",
            "http://[2001:db8::1]:9000/",
            "https://10.0.0.5/",
        ] {
            assert!(url(good).is_ok(), "refused {good:?}");
        }
        for bad in [
            "wiki.example.net",
            "ftp://x.example.net",
            "https://user:pw@x.example.net",
            "https://x.example.net:0",
            "https:///path",
        ] {
            assert!(url(bad).is_err(), "accepted {bad:?}");
        }
    }
}
