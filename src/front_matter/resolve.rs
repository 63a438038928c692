//! What a front matter scalar means to Jekyll.
//!
//! Jekyll reads front matter with the `safe_yaml` gem on top of Psych (libyaml),
//! which types plain scalars the YAML 1.1 way: `yes`, `no`, `on`, `off` are
//! booleans, `~` and `null` are null, `0755` is an octal integer, `2024-01-31` is
//! a date. Quoted scalars are always strings. Rules ask this module what a value
//! is instead of comparing text, so `published: no` and `published: false` are
//! the same thing to them, as they are to Jekyll.

use super::tree::{Scalar, Style};

/// The type Jekyll gives a scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// `~`, `null`, or nothing at all.
    Null,
    /// A YAML 1.1 boolean.
    Bool(bool),
    /// An integer in any YAML 1.1 notation.
    Int,
    /// A floating point number.
    Float,
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DD HH:MM:SS` with optional fraction and zone.
    Timestamp,
    /// Anything else.
    Str,
}

const CORE_TAG: &str = "tag:yaml.org,2002:";

impl Scalar {
    /// The type Jekyll resolves this scalar to.
    pub(crate) fn resolve(&self) -> Resolved {
        if let Some(tag) = &self.tag {
            return match tag.strip_prefix(CORE_TAG) {
                Some("null") => Resolved::Null,
                Some("bool") => bool_word(&self.value).map_or(Resolved::Str, Resolved::Bool),
                Some("int") => Resolved::Int,
                Some("float") => Resolved::Float,
                Some("timestamp") => Resolved::Timestamp,
                _ => Resolved::Str,
            };
        }
        if self.style != Style::Plain {
            return Resolved::Str;
        }
        resolve_plain(&self.value)
    }

    /// Whether the value holds nothing a reader would see: null, or a string of
    /// whitespace only.
    pub(crate) fn is_blank(&self) -> bool {
        self.resolve() == Resolved::Null || self.value.trim().is_empty()
    }
}

/// Types an unquoted scalar the YAML 1.1 way.
pub(crate) fn resolve_plain(value: &str) -> Resolved {
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Resolved::Null;
    }
    if let Some(b) = bool_word(value) {
        return Resolved::Bool(b);
    }
    if is_int(value) {
        return Resolved::Int;
    }
    if is_float(value) {
        return Resolved::Float;
    }
    if is_date(value) {
        return Resolved::Date;
    }
    if is_timestamp(value) {
        return Resolved::Timestamp;
    }
    Resolved::Str
}

/// The YAML 1.1 boolean spellings (lower, capitalised and upper case only).
pub(crate) fn bool_word(value: &str) -> Option<bool> {
    match value {
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => Some(true),
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

fn strip_sign(value: &str) -> &str {
    value.strip_prefix(['-', '+']).unwrap_or(value)
}

fn is_int(value: &str) -> bool {
    let digits = strip_sign(value);
    if let Some(hex) = digits.strip_prefix("0x") {
        return !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit() || b == b'_');
    }
    if let Some(bin) = digits.strip_prefix("0b") {
        return !bin.is_empty() && bin.bytes().all(|b| matches!(b, b'0' | b'1' | b'_'));
    }
    let mut bytes = digits.bytes();
    match bytes.next() {
        Some(b'0') => bytes.all(|b| matches!(b, b'0'..=b'7' | b'_')),
        Some(b'1'..=b'9') => bytes.all(|b| b.is_ascii_digit() || matches!(b, b'_' | b',')),
        _ => false,
    }
}

fn is_float(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if matches!(strip_sign(&lower), ".inf") || lower == ".nan" {
        return true;
    }
    let body = strip_sign(value);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let Some((whole, fraction)) = mantissa.split_once('.') else {
        return false;
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let exponent_ok = exponent.is_none_or(|e| {
        let e = strip_sign(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    (!whole.is_empty() || !fraction.is_empty()) && digits(whole) && digits(fraction) && exponent_ok
}

/// `YYYY-MM-DD` with two-digit month and day, as the YAML date type.
fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
}

/// `YYYY-M-D`, then `T`, `t` or spaces, `H:MM:SS` (the seconds are needed),
/// an optional fraction and an optional zone (`Z`, `+1`, `+0100`, `+01:00`),
/// and nothing else: the YAML 1.1 timestamp as Psych and `safe_yaml` match it.
/// `2024-01-31 10:00` is text to them, which Jekyll reads as a date later.
fn is_timestamp(value: &str) -> bool {
    /// Takes `min..=max` ASCII digits from the front of `rest`.
    fn digits(rest: &mut &str, min: usize, max: usize) -> bool {
        let n = rest
            .bytes()
            .take(max)
            .take_while(u8::is_ascii_digit)
            .count();
        *rest = &rest[n..];
        n >= min
    }
    fn byte(rest: &mut &str, b: char) -> bool {
        rest.strip_prefix(b).map(|r| *rest = r).is_some()
    }
    let mut rest = value;
    let r = &mut rest;
    let date = digits(r, 4, 4)
        && byte(r, '-')
        && digits(r, 1, 2)
        && byte(r, '-')
        && digits(r, 1, 2)
        && !r.starts_with(|c: char| c.is_ascii_digit());
    let spaced = r.len() > r.trim_start().len();
    *r = r.trim_start();
    let apart = spaced || byte(r, 'T') || byte(r, 't');
    let time =
        digits(r, 1, 2) && byte(r, ':') && digits(r, 2, 2) && byte(r, ':') && digits(r, 2, 2);
    if !(date && apart && time) {
        return false;
    }
    if byte(r, '.') {
        digits(r, 0, usize::MAX);
    }
    let zone = r.trim_start();
    let Some(offset) = zone.strip_prefix(['+', '-']) else {
        return zone.is_empty() || zone == "Z";
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match offset.split_once(':') {
        Some((hours, minutes)) => {
            (1..=2).contains(&hours.len())
                && all_digits(hours)
                && minutes.len() == 2
                && all_digits(minutes)
        }
        None => (1..=4).contains(&offset.len()) && all_digits(offset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(value: &str) -> Resolved {
        resolve_plain(value)
    }

    #[test]
    fn yaml_1_1_booleans() {
        for word in ["yes", "Yes", "ON", "true", "True"] {
            assert_eq!(plain(word), Resolved::Bool(true), "{word}");
        }
        for word in ["no", "NO", "off", "false", "False"] {
            assert_eq!(plain(word), Resolved::Bool(false), "{word}");
        }
        assert_eq!(plain("yEs"), Resolved::Str);
        assert_eq!(plain("y"), Resolved::Str);
    }

    #[test]
    fn nulls() {
        for word in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(plain(word), Resolved::Null, "{word}");
        }
        assert_eq!(plain("nil"), Resolved::Str);
    }

    #[test]
    fn numbers() {
        assert_eq!(plain("0755"), Resolved::Int);
        assert_eq!(plain("-12"), Resolved::Int);
        assert_eq!(plain("0x1F"), Resolved::Int);
        assert_eq!(plain("1,000"), Resolved::Int);
        assert_eq!(plain("3.14"), Resolved::Float);
        assert_eq!(plain("1.5e+3"), Resolved::Float);
        assert_eq!(plain(".inf"), Resolved::Float);
        assert_eq!(plain("1.2.3"), Resolved::Str);
        assert_eq!(plain("0789"), Resolved::Str);
        assert_eq!(plain("."), Resolved::Str);
    }

    #[test]
    fn dates_and_timestamps() {
        assert_eq!(plain("2024-01-31"), Resolved::Date);
        for value in [
            "2024-01-31 10:00:00 +0100",
            "2024-01-31 10:00:00",
            "2024-1-3T1:00:00",
            "2024-01-31t10:00:00.25Z",
            "2024-01-31  10:00:00 -05:00",
            "2024-01-31 10:00:00+3",
        ] {
            assert_eq!(plain(value), Resolved::Timestamp, "{value}");
        }
        // Without seconds, or with words after it, Psych leaves it text.
        for value in [
            "2024-01-31 10:00",
            "2024-01-31 10:00 +0100",
            "2024-01-31 10:00:00 PST",
            "2024-01-31 10:00:00 +01:0",
            "2024-01-3110:00:00",
        ] {
            assert_eq!(plain(value), Resolved::Str, "{value}");
        }
        assert_eq!(plain("2024-1-31"), Resolved::Str);
        assert_eq!(plain("January 2024"), Resolved::Str);
    }

    #[test]
    fn quoted_and_tagged_scalars() {
        let quoted = Scalar {
            value: "false".into(),
            style: Style::DoubleQuoted,
            tag: None,
        };
        assert_eq!(quoted.resolve(), Resolved::Str);
        let tagged = Scalar {
            value: "123".into(),
            style: Style::Plain,
            tag: Some("tag:yaml.org,2002:str".into()),
        };
        assert_eq!(tagged.resolve(), Resolved::Str);
    }

    #[test]
    fn blank_values() {
        let scalar = |value: &str, style| Scalar {
            value: value.into(),
            style,
            tag: None,
        };
        assert!(scalar("", Style::DoubleQuoted).is_blank());
        assert!(scalar("  ", Style::SingleQuoted).is_blank());
        assert!(scalar("~", Style::Plain).is_blank());
        assert!(!scalar("~", Style::DoubleQuoted).is_blank());
        assert!(!scalar("x", Style::Plain).is_blank());
    }
}
