//! A date as written, before anything checks or places it in time: what
//! [`crate::date`] and [`crate::ruby_time`] both read into, kept below both
//! so neither imports the other for it.

/// A date as written (`YYYY-MM-DD` in a file name; any form `Time.parse`
/// reads in a `date:`), with an optional time of day and zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IsoDate {
    /// The year as written.
    pub(crate) year: u32,
    /// How many digits the year had (file names allow 2 to 4).
    pub(crate) year_digits: usize,
    /// Month, not yet checked.
    pub(crate) month: u32,
    /// Day, not yet checked.
    pub(crate) day: u32,
    /// Hour, minute and second, if a time follows.
    pub(crate) time: Option<(u32, u32, u32)>,
    /// The UTC offset of the time, in seconds: as written after it (`+0100`,
    /// `+01:00`, `Z`, `UTC`), or 0 for a YAML timestamp written without one
    /// (see [`crate::front_matter::date::front_matter_date`]).
    pub(crate) offset: Option<i32>,
    /// A zone name with no fixed offset written after the time (`CET`):
    /// `Time.parse` uses it only when it is the site zone's own name.
    pub(crate) abbreviation: Option<Abbreviation>,
}

/// A zone name written after a time of day, in capitals, up to six letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Abbreviation([u8; 6]);

impl Abbreviation {
    /// The name, when it is one to six ASCII letters.
    pub(crate) fn new(name: &str) -> Option<Self> {
        let mut letters = [0; 6];
        if name.is_empty() || name.len() > 6 || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        for (to, from) in letters.iter_mut().zip(name.bytes()) {
            *to = from.to_ascii_uppercase();
        }
        Some(Self(letters))
    }

    /// The name, in capitals.
    pub(crate) fn as_str(&self) -> &str {
        let len = self.0.iter().position(|&b| b == 0).unwrap_or(6);
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }
}
