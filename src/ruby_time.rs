//! The date Ruby's `Time.parse` reads from a `date:` value, for the forms
//! real posts write: `June 2, 2020`, `2 Jun 2020`, `Tue, 02 Jun 2020
//! 10:00:00 -0500`, `2020/06/02`, `02.06.2020`, `11-9-2017`, `20200602`,
//! with an optional time of day (`10:00`, `10:00:00.5`, `11:30 PM`, `10am`)
//! and zone (`+0100`, `-05:00`, `+01`, `Z`, `UTC`, `EST`, `CET`).
//!
//! `Time.parse` takes a time of day (and the zone after it) out of the text
//! first, then a weekday, then reads the date from what is left. Three
//! numbers in a row are year, month, day, unless the last has more than two
//! digits: then it is the year and the first the day (`06/02/2020` is 6
//! February, and `12/31/2020` stops the build). A two-digit year is 19xx
//! from 69 up, else 20xx. Of zone names, only `UTC`, `Z`, `UT`, `GMT`, the
//! US zones (`EST` … `PDT`) and military letters have a fixed offset; any
//! other name counts only when it is the site zone's own name in January or
//! July (`CET` in `Europe/Berlin`), and is otherwise ignored.
//!
//! Words around the date are ignored, as Ruby ignores them. What this module
//! does not read (a date without a year, which `Time.parse` completes from
//! today; a month name Ruby would read from any word starting like it,
//! `Junk 2`) is `None`: the caller treats the date as unknown, never as wrong.

use crate::written_date::{Abbreviation, IsoDate};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// Zone names `Time.parse` knows the offset of, in hours.
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("Z", 0),
    ("UT", 0),
    ("GMT", 0),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
];

/// A time of day and the zone written after it.
struct Clock {
    hour: u32,
    minute: u32,
    second: u32,
    zone: Zone,
}

/// The zone after a time of day, as `Time.parse` uses it.
enum Zone {
    None,
    Offset(i32),
    Name(Abbreviation),
}

/// The date and time `Time.parse` reads from `value`, when it is in a form
/// this module reads.
pub(crate) fn parse(value: &str) -> Option<IsoDate> {
    let mut text = value.trim().to_string();
    let clock = take_clock(&mut text);
    drop_weekday(&mut text);
    let (year, month, day) = named_date(&text).or_else(|| numeric_date(&text))?;
    let (time, offset, abbreviation) = match clock {
        Some(clock) => {
            let (offset, abbreviation) = match clock.zone {
                Zone::None => (None, None),
                Zone::Offset(seconds) => (Some(seconds), None),
                Zone::Name(name) => (None, Some(name)),
            };
            (
                Some((clock.hour, clock.minute, clock.second)),
                offset,
                abbreviation,
            )
        }
        None => (None, None, None),
    };
    Some(IsoDate {
        year,
        year_digits: 4,
        month,
        day,
        time,
        offset,
        abbreviation,
    })
}

/// Takes the first time of day out of `text` (left as a space), with the
/// `am`/`pm` and the zone after it.
fn take_clock(text: &mut String) -> Option<Clock> {
    let bytes = text.as_bytes();
    for start in 0..bytes.len() {
        if !bytes[start].is_ascii_digit() || (start > 0 && bytes[start - 1].is_ascii_digit()) {
            continue;
        }
        let Some((mut clock, end)) = clock_at(text, start) else {
            continue;
        };
        let (zone, end) = zone_at(text, end);
        clock.zone = zone;
        // `2020-06-02T10:00`: the `T` belongs to neither part.
        let from = match start.checked_sub(1) {
            Some(t) if matches!(bytes[t], b'T' | b't') => t,
            _ => start,
        };
        text.replace_range(from..end, " ");
        return Some(clock);
    }
    None
}

/// A time of day starting at byte `start`: `H:MM`, `H:MM:SS[.frac]` or
/// `H am`, with an optional `am`/`pm`; the clock and where it ends.
fn clock_at(text: &str, start: usize) -> Option<(Clock, usize)> {
    let bytes = text.as_bytes();
    let mut at = start;
    let hour = digits(bytes, &mut at, 1, 2)?;
    let colon = |at: &mut usize| {
        let mut i = skip_spaces(bytes, *at);
        if bytes.get(i) != Some(&b':') {
            return false;
        }
        i = skip_spaces(bytes, i + 1);
        *at = i;
        true
    };
    let mut after = at;
    if colon(&mut after) {
        let minute = digits(bytes, &mut after, 2, 2)?;
        let mut second = 0;
        at = after;
        if colon(&mut after)
            && let Some(s) = digits(bytes, &mut after, 2, 2)
        {
            second = s;
            at = after;
            if matches!(bytes.get(at), Some(b'.' | b',')) {
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_digit) {
                    at += 1;
                }
            }
        }
        let (pm, end) = meridian(bytes, at);
        at = end;
        Some((clock(hour, minute, second, pm), at))
    } else {
        // `10am` needs the am or pm.
        let (pm, end) = meridian(bytes, at);
        pm.map(|_| (clock(hour, 0, 0, pm), end))
    }
}

/// A clock from the numbers read, with `pm` (when written) applied as Ruby
/// does: the hour counts modulo 12, plus 12 after noon.
fn clock(hour: u32, minute: u32, second: u32, pm: Option<bool>) -> Clock {
    let hour = match pm {
        Some(pm) => hour % 12 + if pm { 12 } else { 0 },
        None => hour,
    };
    Clock {
        hour,
        minute,
        second,
        zone: Zone::None,
    }
}

/// An `am`, `pm`, `a.m.` or `p.m.` at `at` (after spaces): whether it is
/// `pm`, and where it ends; `(None, at)` when there is none.
fn meridian(bytes: &[u8], at: usize) -> (Option<bool>, usize) {
    let i = skip_spaces(bytes, at);
    let lower = |k: usize| bytes.get(k).map(u8::to_ascii_lowercase);
    let pm = match lower(i) {
        Some(b'a') => false,
        Some(b'p') => true,
        _ => return (None, at),
    };
    let end = if lower(i + 1) == Some(b'm') {
        i + 2
    } else if bytes.get(i + 1) == Some(&b'.')
        && lower(i + 2) == Some(b'm')
        && bytes.get(i + 3) == Some(&b'.')
    {
        i + 4
    } else {
        return (None, at);
    };
    if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return (None, at);
    }
    (Some(pm), end)
}

/// The zone written after a time of day that ends at `at`: a signed offset
/// (with an optional `GMT`/`UTC` before it) or a word; and where it ends.
fn zone_at(text: &str, at: usize) -> (Zone, usize) {
    let bytes = text.as_bytes();
    let i = skip_spaces(bytes, at);
    let word_end = i + bytes[i..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = &text[i..word_end];
    let sign_at = if ["gmt", "utc", "ut"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
        && matches!(bytes.get(word_end), Some(b'+' | b'-'))
    {
        word_end
    } else {
        i
    };
    if matches!(bytes.get(sign_at), Some(b'+' | b'-')) {
        let mut end = sign_at + 1;
        let numeric = |b: &u8| b.is_ascii_digit() || matches!(b, b':' | b'.' | b',');
        if !bytes.get(end).is_some_and(u8::is_ascii_digit) {
            return (Zone::None, at);
        }
        while bytes.get(end).is_some_and(numeric) {
            end += 1;
        }
        // `Time.parse` reads an offset only as given alone: `GMT+1` is ignored.
        let zone = if sign_at == i {
            offset(&text[i..end]).map_or(Zone::None, Zone::Offset)
        } else {
            Zone::None
        };
        return (zone, end);
    }
    if word.is_empty() {
        return (Zone::None, at);
    }
    let upper = word.to_ascii_uppercase();
    let zone = if let Some((_, hours)) = ZONES.iter().find(|(name, _)| *name == upper) {
        Zone::Offset(hours * 3600)
    } else if let Some(hours) = military(&upper) {
        Zone::Offset(hours * 3600)
    } else {
        Abbreviation::new(&upper).map_or(Zone::None, Zone::Name)
    };
    (zone, word_end)
}

/// A military zone letter's offset in hours (`A` is +1, `N` is -1, no `J`).
fn military(name: &str) -> Option<i32> {
    let [letter] = name.as_bytes() else {
        return None;
    };
    Some(match letter {
        b'A'..=b'I' => i32::from(letter - b'A') + 1,
        b'K'..=b'M' => i32::from(letter - b'K') + 10,
        b'N'..=b'Y' => -(i32::from(letter - b'N') + 1),
        _ => return None,
    })
}

/// A numeric offset as `Time.parse` reads one: `+HH`, `+HHMM`, `+HH:MM`,
/// `+HHMMSS` or `+HH:MM:SS`; in seconds.
fn offset(zone: &str) -> Option<i32> {
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let rest = &zone[1..];
    let parts: Vec<&str> = if rest.contains(':') {
        rest.split(':').collect()
    } else if rest.len().is_multiple_of(2) && rest.len() <= 6 {
        (0..rest.len() / 2)
            .map(|i| &rest[i * 2..i * 2 + 2])
            .collect()
    } else {
        return None;
    };
    if parts.is_empty()
        || parts.len() > 3
        || (parts.len() == 1 && rest.contains(':'))
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let seconds = parts
        .iter()
        .zip([3600, 60, 1])
        .map(|(p, unit)| p.parse::<i32>().unwrap_or(0) * unit)
        .sum::<i32>();
    Some(sign * seconds)
}

/// Blanks out a weekday name (`Tue`, `Tuesday,`) from `text`.
fn drop_weekday(text: &mut String) {
    let found = words(text).find(|&(start, end)| {
        let word = text[start..end].to_ascii_lowercase();
        word.len() >= 3 && WEEKDAYS.iter().any(|day| day.starts_with(&word))
    });
    if let Some((start, mut end)) = found {
        if matches!(text.as_bytes().get(end), Some(b'.' | b',')) {
            end += 1;
        }
        text.replace_range(start..end, " ");
    }
}

/// A date written as three numbers (`2020-06-02`, `2020/6/2`, `02.06.2020`,
/// `11-9-2017`) or eight digits (`20200602`): the first word that is one.
/// Words around it are ignored, as Ruby ignores them
/// (`2017-09-27 (optional)` is 27 September).
fn numeric_date(text: &str) -> Option<(u32, u32, u32)> {
    text.split_whitespace().find_map(numeric_word)
}

/// The date one word writes as three numbers or eight digits.
fn numeric_word(word: &str) -> Option<(u32, u32, u32)> {
    let bytes = word.as_bytes();
    if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        let n = |r: std::ops::Range<usize>| word[r].parse::<u32>().ok();
        return Some((n(0..4)?, n(4..6)?, n(6..8)?));
    }
    let separator = *bytes.iter().find(|b| !b.is_ascii_digit())?;
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let parts: Vec<&str> = word.split(separator as char).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if [a, b, c]
        .iter()
        .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, day) = if a.len() <= 2 && c.len() > 2 {
        (c, a)
    } else {
        (a, c)
    };
    Some((full_year(year)?, b.parse().ok()?, day.parse().ok()?))
}

/// A date with the month in words: `2 June 2020`, `02 Jun. 2020` (tried
/// first, as Ruby does), or `June 2, 2020`, `Jun 2nd 2020`; words around it
/// are ignored.
fn named_date(text: &str) -> Option<(u32, u32, u32)> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let read = |day: &str, month: &str, year: &str| {
        let month = month_of(month)?;
        let day = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| day.strip_suffix(s))
            .unwrap_or(day);
        let number = |t: &str, most: usize| {
            !t.is_empty() && t.len() <= most && t.bytes().all(|b| b.is_ascii_digit())
        };
        if !number(day, 2) || !number(year, 4) {
            return None;
        }
        Some((full_year(year)?, month, day.parse().ok()?))
    };
    let windows = || tokens.windows(3);
    windows()
        .find_map(|w| read(w[0], w[1], w[2]))
        .or_else(|| windows().find_map(|w| read(w[1], w[0], w[2])))
}

/// The month a word names: a month's name or a start of it of three
/// letters or more (`Jun`, `Sept`), with an optional final `.`.
fn month_of(word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let at = MONTHS.iter().position(|m| m.starts_with(&word))?;
    u32::try_from(at + 1).ok()
}

/// A year as `Time.parse` completes it: two digits or fewer are 19xx from
/// 69 up, else 20xx.
fn full_year(year: &str) -> Option<u32> {
    let value: u32 = year.parse().ok()?;
    Some(match year.len() {
        1 | 2 if value >= 69 => 1900 + value,
        1 | 2 => 2000 + value,
        _ => value,
    })
}

/// The alphabetic words of `text`, by byte range.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphabetic() {
            at += 1;
        }
        Some((start, at))
    })
}

/// Reads `min..=max` ASCII digits at `at`, moving past them.
fn digits(bytes: &[u8], at: &mut usize, min: usize, max: usize) -> Option<u32> {
    let width = bytes[*at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if width < min || width > max {
        return None;
    }
    let mut value = 0;
    for b in &bytes[*at..*at + width] {
        value = value * 10 + u32::from(b - b'0');
    }
    *at += width;
    Some(value)
}

/// The first byte at or after `at` that is not a space or tab.
fn skip_spaces(bytes: &[u8], mut at: usize) -> usize {
    while matches!(bytes.get(at), Some(b' ' | b'\t')) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Year, month, day, time of day and offset, as read.
    type Read = (u32, u32, u32, Option<(u32, u32, u32)>, Option<i32>);

    fn read(value: &str) -> Option<Read> {
        parse(value).map(|d| (d.year, d.month, d.day, d.time, d.offset))
    }

    #[test]
    fn reads_the_forms_real_posts_write() {
        // Each as Jekyll 4.3.1 (Ruby 3.1) dates a post written so.
        for (value, day) in [
            ("June 2, 2020", (2020, 6, 2)),
            ("Jun 2 2020", (2020, 6, 2)),
            ("June 2nd, 2020", (2020, 6, 2)),
            ("Sept 2, 2020", (2020, 9, 2)),
            ("2 June 2020", (2020, 6, 2)),
            ("2 Jun. 2020", (2020, 6, 2)),
            ("Tuesday, June 2, 2020", (2020, 6, 2)),
            ("2020/06/02", (2020, 6, 2)),
            ("2020.06.02", (2020, 6, 2)),
            ("02.06.2020", (2020, 6, 2)),
            ("31/12/2020", (2020, 12, 31)),
            ("11-9-2017", (2017, 9, 11)),
            ("2017-9-11", (2017, 9, 11)),
            ("20200602", (2020, 6, 2)),
            ("2/6/20", (2002, 6, 20)),
            ("2020-06-02", (2020, 6, 2)),
            // Ruby ignores the words around a date.
            ("2017-09-27 (optional)", (2017, 9, 27)),
            ("June 2, 2020 (updated)", (2020, 6, 2)),
            ("posted 2020-06-02", (2020, 6, 2)),
        ] {
            let (y, m, d, time, offset) = read(value).unwrap_or_else(|| panic!("{value}"));
            assert_eq!((y, m, d), day, "{value}");
            assert_eq!((time, offset), (None, None), "{value}");
        }
        // Day first when the year comes last: 6 February, not June 2.
        assert_eq!(read("06/02/2020").unwrap().1, 2);
        // 31 is no month: Jekyll stops the build on it.
        assert_eq!(read("12/31/2020").unwrap().1, 31);
    }

    #[test]
    fn reads_times_and_zones() {
        for (value, time, offset) in [
            (
                "Tue, 02 Jun 2020 23:30:00 -0500",
                (23, 30, 0),
                Some(-18_000),
            ),
            ("02 Jun 2020 23:30", (23, 30, 0), None),
            ("2020-06-02 11:30 PM", (23, 30, 0), None),
            ("June 2, 2020 12:15 am", (0, 15, 0), None),
            ("June 2, 2020 10am", (10, 0, 0), None),
            ("June 2, 2020 10 p.m.", (22, 0, 0), None),
            ("2020-06-02 23:30:00 EST", (23, 30, 0), Some(-18_000)),
            ("June 2, 2020 23:30 PDT", (23, 30, 0), Some(-25_200)),
            ("Sat Jun 2 23:30:00 UTC 2020", (23, 30, 0), Some(0)),
            ("2020-06-02T23:30:00Z", (23, 30, 0), Some(0)),
            ("2020-06-02T23:30:00.000+02:00", (23, 30, 0), Some(7200)),
            ("2020-06-02 23:30:00 +05:30", (23, 30, 0), Some(19_800)),
            ("2020-06-02 23:30:00 +01", (23, 30, 0), Some(3600)),
            ("2020-06-02 23:30:00 -1", (23, 30, 0), None),
            ("2020-06-02 23:30:00 GMT+1", (23, 30, 0), None),
            ("2020-06-02 23:30:00 CET", (23, 30, 0), None),
        ] {
            let (_, _, _, t, o) = read(value).unwrap_or_else(|| panic!("{value}"));
            assert_eq!((t, o), (Some(time), offset), "{value}");
        }
        let cet = parse("2020-06-02 23:30:00 CET").unwrap();
        assert_eq!(cet.abbreviation, Abbreviation::new("CET"));
    }

    #[test]
    fn leaves_what_it_cannot_be_sure_of() {
        for value in [
            "June 2",
            "June 2020",
            "2020-06",
            "soon",
            "",
            "Junk 2, 2020",
            "2020-06-02-03",
            "10:00",
        ] {
            assert_eq!(read(value), None, "{value}");
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for value in [
            "日本 2, 2020 10:00",
            "1:",
            ":30",
            "+",
            "10:00 +",
            "ä10pm",
            "\u{301}",
        ] {
            let _ = parse(value);
        }
    }
}
