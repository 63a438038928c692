//! Dates as Jekyll reads them, from post file names and from `date:` values.
//!
//! Jekyll turns both into a time with Ruby's `Time.parse`, which is lenient about
//! form ("Jan 5 2024", "2024-01-05 10:00 +0100"; [`crate::ruby_time`] reads the
//! forms real posts write), stops the build on a value with no date in it or
//! on a month, day or time that cannot be (`2024-13-01`, `2024-01-32`,
//! `25:00`), and moves a day past the end of its month into the next one
//! (`2023-02-29` is 1 March 2023, with no message). It rejects only values
//! that are surely not dates, so it never calls a date Jekyll accepts broken.
//!
//! Before `Time.parse` sees a `date:`, YAML has typed it: an unquoted
//! `YYYY-MM-DD HH:MM:SS` is a YAML timestamp, which YAML reads as UTC when it
//! has no offset, while every other form without an offset (a bare date, a
//! time without seconds, a quoted value) is read in the site's time zone.
//! [`crate::front_matter::date::front_matter_date`] knows the difference.

use crate::written_date::IsoDate;

/// Why a date will not work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Nothing in the value looks like a date.
    NoDate,
    /// A date-shaped value naming a month, day or time that cannot be:
    /// Jekyll stops the build.
    Impossible(String),
    /// A day past the end of its month (`2023-02-29`), which Jekyll reads as
    /// a day of the next month: why, and the day it becomes (`2023-03-01`).
    RollsOver(String, String),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Reads a leading `Y{2,4}-M{1,2}-D{1,2}` and an optional `[T ]H{1,2}:MM[:SS]`.
pub(crate) fn parse_iso(value: &str) -> Option<IsoDate> {
    let mut rest = value;
    let year = take_digits(&mut rest, 2, 4)?;
    rest = rest.strip_prefix('-')?;
    let month = take_digits(&mut rest, 1, 2)?;
    rest = rest.strip_prefix('-')?;
    let day = take_digits(&mut rest, 1, 2)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = rest
        .strip_prefix(['T', 't'])
        .unwrap_or_else(|| rest.trim_start());
    let mut time_rest = after;
    let time = read_time(&mut time_rest);
    let offset = time.and_then(|_| read_offset(time_rest));
    Some(IsoDate {
        year: year.0,
        year_digits: year.1,
        month: month.0,
        day: day.0,
        time,
        offset,
        abbreviation: None,
    })
}

/// Reads `H{1,2}:MM[:SS]`, leaving `rest` after it; `None` (and `rest`
/// untouched) when no time of day is there.
fn read_time(rest: &mut &str) -> Option<(u32, u32, u32)> {
    let mut at = *rest;
    let (hour, _) = take_digits(&mut at, 1, 2)?;
    at = at.strip_prefix(':')?;
    let (minute, _) = take_digits(&mut at, 2, 2)?;
    let mut second = 0;
    if let Some(mut after) = at.strip_prefix(':') {
        second = take_digits(&mut after, 2, 2)?.0;
        at = after;
    }
    *rest = at;
    Some((hour, minute, second))
}

/// Reads a UTC offset after a time of day, skipping a fraction of a second:
/// `Z`, `UTC`, `GMT`, `+01`, `+0100` or `+01:00`.
fn read_offset(rest: &str) -> Option<i32> {
    let rest = rest
        .strip_prefix('.')
        .map_or(rest, |r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .trim_start();
    if ["Z", "z", "UTC", "GMT"]
        .iter()
        .any(|z| rest.strip_prefix(z).is_some_and(|r| r.trim().is_empty()))
    {
        return Some(0);
    }
    let (sign, mut digits) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let two = |s: &str| {
        s.get(..2)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u32>().ok())
    };
    let hours = two(digits)?;
    digits = &digits[2..];
    let digits = digits.strip_prefix(':').unwrap_or(digits);
    let minutes = match digits.trim() {
        "" => 0,
        m if m.len() == 2 => m.parse::<u32>().ok()?,
        _ => return None,
    };
    (hours <= 23 && minutes <= 59)
        .then(|| sign * i32::try_from(hours * 3600 + minutes * 60).unwrap_or(0))
}

/// The moment `date` names, read as Jekyll reads it: a date with an offset
/// (or with the name `zone` goes by in January or July, as `CET` in
/// `Europe/Berlin`) is that instant, shown in `zone`; one without is a
/// wall-clock time in `zone` (midnight when no time is given). A day past
/// its month's end, `24:00:00` and a 60th second run on into the next, as in
/// Ruby's `Time`. `None` for a date Jekyll stops the build on.
pub(crate) fn in_zone(date: &IsoDate, zone: &jiff::tz::TimeZone) -> Option<jiff::ZonedDateTime> {
    if check_calendar(date).is_err_and(|p| !matches!(p, DateProblem::RollsOver(..))) {
        return None;
    }
    let civil = civil(date)?;
    let offset = date.offset.or_else(|| {
        let name = date.abbreviation?;
        [1, 7].into_iter().find_map(|month| {
            let start = jiff::civil::date(civil.year(), month, 1)
                .to_datetime(jiff::civil::Time::midnight())
                .to_zoned_datetime(zone.clone())
                .ok()?;
            let info = zone.to_offset_info(start.timestamp());
            (info.abbreviation().eq_ignore_ascii_case(name.as_str()))
                .then(|| info.offset().seconds())
        })
    });
    match offset {
        Some(seconds) => {
            let offset = jiff::tz::Offset::from_seconds(seconds).ok()?;
            let instant = offset.to_timestamp(civil).ok()?;
            Some(instant.to_zoned_datetime(zone.clone()))
        }
        None => civil.to_zoned_datetime(zone.clone()).ok(),
    }
}

/// The wall-clock time `date` names, with a day past its month's end, an
/// hour of 24 and a 60th second carried into what follows.
fn civil(date: &IsoDate) -> Option<jiff::civil::DateTime> {
    let (hour, minute, second) = date.time.unwrap_or((0, 0, 0));
    let first = jiff::civil::date(
        i16::try_from(date.year)
            .ok()
            .filter(|y| (1..=9999).contains(y))?,
        i8::try_from(date.month)
            .ok()
            .filter(|m| (1..=12).contains(m))?,
        1,
    )
    .to_datetime(jiff::civil::Time::midnight());
    let span = jiff::Span::new()
        .try_days(i64::from(date.day) - 1)
        .ok()?
        .try_hours(i64::from(hour))
        .ok()?
        .try_minutes(i64::from(minute))
        .ok()?
        .try_seconds(i64::from(second))
        .ok()?;
    first.checked_add(span).ok()
}

/// Takes `min..=max` ASCII digits from the front of `rest`: the number and its width.
fn take_digits(rest: &mut &str, min: usize, max: usize) -> Option<(u32, usize)> {
    let width = rest.bytes().take_while(u8::is_ascii_digit).count();
    if width < min || width > max {
        return None;
    }
    let number = rest[..width].parse().ok()?;
    *rest = &rest[width..];
    Some((number, width))
}

/// Checks the calendar parts of a date as Ruby's `Time` does: a month
/// other than 1 to 12, a day other than 1 to 31 or a time past `24:00:00`
/// cannot be; a day past the end of its month (known when the year is
/// written in full) rolls over into the next.
pub(crate) fn check_calendar(date: &IsoDate) -> Result<(), DateProblem> {
    if !(1..=12).contains(&date.month) {
        return Err(DateProblem::Impossible(format!(
            "there is no month {}",
            date.month
        )));
    }
    let month_name = MONTHS[date.month as usize - 1];
    let when = if date.year_digits == 4 {
        format!("{month_name} {}", date.year)
    } else {
        month_name.to_string()
    };
    if !(1..=31).contains(&date.day) {
        return Err(DateProblem::Impossible(format!(
            "{when} has no day {}",
            date.day
        )));
    }
    if let Some((hour, minute, second)) = date.time
        && (hour > 24 || minute > 59 || second > 60 || (hour == 24 && minute + second > 0))
    {
        return Err(DateProblem::Impossible(format!(
            "{hour:02}:{minute:02}:{second:02} is not a time of day"
        )));
    }
    if date.year_digits == 4 && date.day > days_in_month(date.year, date.month) {
        let day = IsoDate {
            time: None,
            ..*date
        };
        let becomes = civil(&day).map_or_else(String::new, |at| at.date().to_string());
        return Err(DateProblem::RollsOver(
            format!("{when} has no day {}", date.day),
            becomes,
        ));
    }
    Ok(())
}

/// Checks a front matter `date:` value the way Jekyll's `Time.parse` will read it.
pub(crate) fn check_value(value: &str) -> Result<(), DateProblem> {
    let value = value.trim();
    if let Some(date) = crate::ruby_time::parse(value) {
        return check_calendar(&date);
    }
    // A month or a number may be a date Ruby completes from today ("June
    // 2"); a weekday alone is none: `date: next tuesday` stops the build
    // ("Invalid date"), as Jekyll 4.3.1 showed.
    let lower = value.to_ascii_lowercase();
    let has_digit = value.bytes().any(|b| b.is_ascii_digit());
    let names_a_month = MONTHS
        .iter()
        .any(|m| lower.contains(&m[..3].to_ascii_lowercase()));
    if has_digit || names_a_month {
        Ok(())
    } else {
        Err(DateProblem::NoDate)
    }
}

/// The date of a post file name that matches Jekyll's
/// `\d{2,4}-\d{1,2}-\d{1,2}-slug.ext`, and the date as written.
pub(crate) fn name_date(name: &str) -> Option<(IsoDate, &str)> {
    let mut date = parse_iso(name)?;
    // Jekyll reads the name's date with Ruby's `Time.parse`: a two-digit
    // year is 19xx from 69 up, else 20xx (`21-04-05-x.md` is in 2021).
    if date.year_digits == 2 {
        date.year += if date.year >= 69 { 1900 } else { 2000 };
        date.year_digits = 4;
    }
    // The year and month are digits, as `parse_iso` accepted them; the day is
    // the digits of the third part (`05name` is day 5, then no dash).
    let mut parts = name.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let day_len = day.bytes().take_while(u8::is_ascii_digit).count();
    let date_len = year.len() + month.len() + day_len + 2;
    let (written, rest) = name.split_at(date_len);
    // `-slug.ext`: a dash, then any slug, then an extension with no dot in it.
    let (_, ext) = rest.strip_prefix('-')?.rsplit_once('.')?;
    (!ext.is_empty()).then_some((date, written))
}

/// Days in `month` of `year` in the Gregorian calendar.
pub(crate) fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_dates_with_and_without_time() {
        let d = parse_iso("2024-03-09").unwrap();
        assert_eq!((d.year, d.month, d.day, d.time), (2024, 3, 9, None));
        let d = parse_iso("2024-3-9 10:05:30 +0100").unwrap();
        assert_eq!((d.time, d.offset), (Some((10, 5, 30)), Some(3600)));
        for (value, offset) in [
            ("2024-03-09 10:05:30", None),
            ("2024-03-09T10:05:30Z", Some(0)),
            ("2024-03-09 10:05:30.25 -05:30", Some(-19_800)),
            ("2024-03-09 10:05 UTC", Some(0)),
            ("2024-03-09 10:05:30 +01", Some(3600)),
            ("2024-03-09 10:05:30 +1", None),
            ("2024-03-09 +0100", None),
        ] {
            assert_eq!(parse_iso(value).unwrap().offset, offset, "{value}");
        }
        let d = parse_iso("2024-03-09T08:15").unwrap();
        assert_eq!(d.time, Some((8, 15, 0)));
        assert!(parse_iso("20240309").is_none());
        assert!(parse_iso("2024-003-09").is_none());
        assert!(parse_iso("March 9").is_none());
    }

    #[test]
    fn reads_a_date_in_the_site_zone() {
        let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
        let at = |v: &str| in_zone(&parse_iso(v).unwrap(), &berlin).unwrap();
        // No offset: the wall clock in the site's zone.
        assert_eq!(
            at("2024-03-09").to_string(),
            "2024-03-09T00:00:00+01:00[Europe/Berlin]"
        );
        // An offset: that instant, shown in the site's zone (the next day here).
        assert_eq!(
            at("2024-03-09 23:30:00 -0100").to_string(),
            "2024-03-10T01:30:00+01:00[Europe/Berlin]"
        );
        // As Jekyll 4.3.1 dates them: a day past the month's end and 24:00
        // run on; a month or day that cannot be is no date at all.
        assert_eq!(at("2023-02-29").date().to_string(), "2023-03-01");
        assert_eq!(at("2024-04-31 24:00:00").date().to_string(), "2024-05-02");
        assert!(in_zone(&parse_iso("2024-13-01").unwrap(), &berlin).is_none());
        assert!(in_zone(&parse_iso("2024-01-32").unwrap(), &berlin).is_none());
        assert!(in_zone(&parse_iso("2024-01-01 24:30").unwrap(), &berlin).is_none());
    }

    #[test]
    fn a_zone_name_counts_only_in_its_own_zone() {
        // Jekyll 4.3.1: `2020-06-02 23:30:00 CET` is 00:30 on June 3 in a
        // site on Europe/Berlin, and the wall clock (June 2) in one on
        // America/Chicago, where Ruby does not know the name.
        let date = crate::ruby_time::parse("2020-06-02 23:30:00 CET").unwrap();
        let day = |zone: &str| {
            let zone = jiff::tz::TimeZone::get(zone).unwrap();
            in_zone(&date, &zone).unwrap().date().to_string()
        };
        assert_eq!(day("Europe/Berlin"), "2020-06-03");
        assert_eq!(day("America/Chicago"), "2020-06-02");
    }

    #[test]
    fn accepts_real_dates() {
        for value in [
            "2024-02-29",
            "2023-12-31 23:59:59 -0500",
            "2024-01-05T10:00:00Z",
            "Jan 5 2024",
            "5 January 2024",
            "2024/01/05",
        ] {
            assert_eq!(check_value(value), Ok(()), "{value}");
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(
            check_value("2023-02-29"),
            Err(DateProblem::RollsOver(
                "February 2023 has no day 29".into(),
                "2023-03-01".into()
            ))
        );
        assert_eq!(
            check_value("June 32, 2020"),
            Err(DateProblem::Impossible("June 2020 has no day 32".into()))
        );
        // Ruby reads a slashed date day first when the year comes last.
        assert_eq!(
            check_value("12/31/2020"),
            Err(DateProblem::Impossible("there is no month 31".into()))
        );
        assert!(check_value("2024-01-01 23:60").is_err());
        assert_eq!(
            check_value("2024-13-01"),
            Err(DateProblem::Impossible("there is no month 13".into()))
        );
        assert!(check_value("2024-04-31").is_err());
        assert!(check_value("2024-01-01 25:00:00").is_err());
        assert!(check_value("2024-01-00").is_err());
    }

    #[test]
    fn rejects_values_without_a_date() {
        assert_eq!(check_value("tomorrow"), Err(DateProblem::NoDate));
        assert_eq!(check_value(""), Err(DateProblem::NoDate));
        assert_eq!(check_value("TBD"), Err(DateProblem::NoDate));
        assert_eq!(check_value("next tuesday"), Err(DateProblem::NoDate));
        // Near miss: a month Ruby completes with today's year is a date.
        assert_eq!(check_value("June 2"), Ok(()));
    }

    #[test]
    fn short_years_skip_the_month_length() {
        let d = parse_iso("24-02-30").unwrap();
        assert_eq!(d.year_digits, 2);
        assert_eq!(check_calendar(&d), Ok(()));
    }

    #[test]
    fn post_names_carry_a_date() {
        let (date, written) = name_date("2024-1-05-hello.md").unwrap();
        assert_eq!(
            (date.year, date.month, date.day, written),
            (2024, 1, 5, "2024-1-05")
        );
        assert!(name_date("2024-01-05.md").is_none());
        // A two-digit year, as Ruby reads it.
        assert_eq!(name_date("21-04-05-x.md").unwrap().0.year, 2021);
        assert_eq!(name_date("99-04-05-x.md").unwrap().0.year, 1999);
        assert!(name_date("hello.md").is_none());
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
    }
}
