//! A front matter `date:` value as Jekyll reads it: [`crate::ruby_time`]'s
//! forms, with the one difference YAML's typing makes (an unquoted
//! `YYYY-MM-DD HH:MM:SS` without an offset is a UTC timestamp). Here, above
//! both the YAML tree and the base date functions, so neither imports the
//! other.

use super::resolve::Resolved;
use super::tree::Scalar;
use crate::written_date::IsoDate;

/// The date a front matter `date:` value names, as Jekyll reads it (any
/// form [`crate::ruby_time`] reads): an unquoted `YYYY-MM-DD HH:MM:SS`
/// without an offset is a YAML timestamp, so its time is UTC (Jekyll 4.3.1
/// writes `date: 2016-09-10 03:00:00` in a site on `America/Los_Angeles`
/// under `/2016/09/09/`); any other form keeps no offset and is read in the
/// site's zone by [`crate::date::in_zone`].
pub(crate) fn front_matter_date(scalar: &Scalar) -> Option<IsoDate> {
    let mut date = crate::ruby_time::parse(&scalar.value)?;
    if date.offset.is_none() && scalar.resolve() == Resolved::Timestamp {
        date.offset = Some(0);
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::in_zone;

    #[test]
    fn a_yaml_timestamp_without_offset_is_utc() {
        use crate::front_matter::tree::Style;
        let scalar = |value: &str, style| Scalar {
            value: value.into(),
            style,
            tag: None,
        };
        let zone = jiff::tz::TimeZone::get("America/Los_Angeles").unwrap();
        let day = |value: &str, style| {
            let date = front_matter_date(&scalar(value, style)).unwrap();
            in_zone(&date, &zone).unwrap().date().to_string()
        };
        // As Jekyll 4.3.1 dates posts in a site on America/Los_Angeles.
        assert_eq!(day("2016-09-10 03:00:00", Style::Plain), "2016-09-09");
        assert_eq!(day("2016-09-10T03:00:00", Style::Plain), "2016-09-09");
        assert_eq!(day("2016-09-10 03:00", Style::Plain), "2016-09-10");
        assert_eq!(
            day("2016-09-10 03:00:00", Style::DoubleQuoted),
            "2016-09-10"
        );
        assert_eq!(day("2016-09-10", Style::Plain), "2016-09-10");
        assert_eq!(day("2016-09-10 03:00:00 +0300", Style::Plain), "2016-09-09");
        assert_eq!(day("2016-09-10 03:00 +0300", Style::Plain), "2016-09-09");
        assert!(front_matter_date(&scalar("soon", Style::Plain)).is_none());
    }
}
