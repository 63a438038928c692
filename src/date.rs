//! Dates as Jekyll reads them, from post file names and from `date:` values.
//!
//! Jekyll turns both into a time with Ruby's `Time.parse`, which is lenient about
//! form ("Jan 5 2024", "2024-01-05 10:00 +0100") but stops the build on a value
//! with no date in it or on a month or day that cannot exist. Emulating all of
//! `Time.parse` is neither possible nor needed: this module checks the ISO-like
//! forms strictly, since that is what blogs write, and rejects only values that
//! are surely not dates, so it never calls a date Jekyll accepts broken.

/// A date written `YYYY-MM-DD`, with an optional time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate {
    /// The year as written.
    pub year: u32,
    /// How many digits the year had (file names allow 2 to 4).
    pub year_digits: usize,
    /// Month, not yet checked.
    pub month: u32,
    /// Day, not yet checked.
    pub day: u32,
    /// Hour, minute and second, if a time follows.
    pub time: Option<(u32, u32, u32)>,
}

/// Why a date will not work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing in the value looks like a date.
    NoDate,
    /// A date-shaped value naming a month, day or time that does not exist.
    Impossible(String),
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

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Reads a leading `Y{2,4}-M{1,2}-D{1,2}` and an optional `[T ]H{1,2}:MM[:SS]`.
pub fn parse_iso(value: &str) -> Option<IsoDate> {
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
    let time = take_digits(&mut time_rest, 1, 2).and_then(|hour| {
        time_rest = time_rest.strip_prefix(':')?;
        let minute = take_digits(&mut time_rest, 2, 2)?;
        let second = match time_rest.strip_prefix(':') {
            Some(mut s) => {
                let second = take_digits(&mut s, 2, 2)?;
                Some(second)
            }
            None => None,
        };
        Some((hour.0, minute.0, second.map_or(0, |s| s.0)))
    });
    Some(IsoDate {
        year: year.0,
        year_digits: year.1,
        month: month.0,
        day: day.0,
        time,
    })
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

/// Checks the calendar parts of a date: the month exists, the day exists in that
/// month (when the year is known in full), the time of day exists.
pub fn check_calendar(date: &IsoDate) -> Result<(), DateProblem> {
    if !(1..=12).contains(&date.month) {
        return Err(DateProblem::Impossible(format!(
            "there is no month {}",
            date.month
        )));
    }
    let month_name = MONTHS[date.month as usize - 1];
    let last_day = if date.year_digits == 4 {
        days_in_month(date.year, date.month)
    } else {
        31
    };
    if date.day == 0 || date.day > last_day {
        let when = if date.year_digits == 4 {
            format!("{month_name} {}", date.year)
        } else {
            month_name.to_string()
        };
        return Err(DateProblem::Impossible(format!(
            "{when} has no day {}",
            date.day
        )));
    }
    if let Some((hour, minute, second)) = date.time
        && (hour > 24 || minute > 59 || second > 60)
    {
        return Err(DateProblem::Impossible(format!(
            "{hour:02}:{minute:02}:{second:02} is not a time of day"
        )));
    }
    Ok(())
}

/// Checks a front matter `date:` value the way Jekyll's `Time.parse` will read it.
pub fn check_value(value: &str) -> Result<(), DateProblem> {
    let value = value.trim();
    if let Some(date) = parse_iso(value) {
        return check_calendar(&date);
    }
    let lower = value.to_ascii_lowercase();
    let has_digit = value.bytes().any(|b| b.is_ascii_digit());
    let names_a_day = MONTHS
        .iter()
        .any(|m| lower.contains(&m[..3].to_ascii_lowercase()))
        || DAY_NAMES.iter().any(|d| lower.contains(d));
    if has_digit || names_a_day {
        Ok(())
    } else {
        Err(DateProblem::NoDate)
    }
}

/// The date of a post file name that matches Jekyll's
/// `\d{2,4}-\d{1,2}-\d{1,2}-slug.ext`, and the date as written.
pub fn name_date(name: &str) -> Option<(IsoDate, &str)> {
    let date = parse_iso(name)?;
    // The three leading parts are digits, as `parse_iso` accepted them.
    let date_len = name.split('-').take(3).map(str::len).sum::<usize>() + 2;
    let (written, rest) = name.split_at(date_len);
    // `-slug.ext`: a dash, then any slug, then an extension with no dot in it.
    let (_, ext) = rest.strip_prefix('-')?.rsplit_once('.')?;
    (!ext.is_empty()).then_some((date, written))
}

/// Today's date in UTC, as (year, month, day).
pub fn today() -> (u32, u32, u32) {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let clamp = |v: i64| u32::try_from(v).unwrap_or(0);
    (clamp(year), clamp(month), clamp(day))
}

/// Days in `month` of `year` in the Gregorian calendar.
pub fn days_in_month(year: u32, month: u32) -> u32 {
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
        assert_eq!(d.time, Some((10, 5, 30)));
        let d = parse_iso("2024-03-09T08:15").unwrap();
        assert_eq!(d.time, Some((8, 15, 0)));
        assert!(parse_iso("20240309").is_none());
        assert!(parse_iso("2024-003-09").is_none());
        assert!(parse_iso("March 9").is_none());
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
            Err(DateProblem::Impossible(
                "February 2023 has no day 29".into()
            ))
        );
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
    }

    #[test]
    fn short_years_skip_the_month_length() {
        let d = parse_iso("24-02-30").unwrap();
        assert_eq!(d.year_digits, 2);
        assert_eq!(check_calendar(&d), Ok(()));
    }

    #[test]
    fn days_since_1970_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_780), (2026, 11, 23));
        let (year, _, _) = today();
        assert!(year >= 2024);
    }

    #[test]
    fn post_names_carry_a_date() {
        let (date, written) = name_date("2024-1-05-hello.md").unwrap();
        assert_eq!(
            (date.year, date.month, date.day, written),
            (2024, 1, 5, "2024-1-05")
        );
        assert!(name_date("2024-01-05.md").is_none());
        assert!(name_date("hello.md").is_none());
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
    }
}
