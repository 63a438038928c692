//! `date-mismatch`: a post's `date:` on another day than its file name says.

use super::context::Context;
use crate::rule::{FixAvailability, Rule};
use jiff::tz::TimeZone;

use crate::date::{check_calendar, in_zone, name_date};
use crate::front_matter::date::front_matter_date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::lookup;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "date-mismatch",
    severity: Severity::Info,
    summary: "A post's front matter `date` is on another day than the date in its file name",
    explanation: "\
## What it does
Notes a post whose `date:` falls on another day than the date in its file name
(`YYYY-MM-DD-slug.md`). The day compared is the one Jekyll files the post
under: the date read as Ruby's `Time.parse` reads it (`June 2, 2020`,
`Tue, 02 Jun 2020 10:00:00 -0500`, `2020/06/02` and `02.06.2020` are all
2 June), in the site's `timezone`. Without `timezone`, Jekyll uses the zone
of the machine that builds the site; prepress assumes UTC, the zone of
GitHub Pages' and most CI builders (set `timezone` to be sure). So
`date: 2016-08-25 09:50 +0300` in `_posts/2016-08-24-….md` is no mismatch in a
site on `America/Los_Angeles`, where that moment is the evening of the 24th and
Jekyll writes the post under `/2016/08/24/`.

## Why is this bad?
Usually it is not, so this is an info note. Jekyll takes a post's URL, its
date in the feed and its place in the list of posts from `date:`; the file
name's date counts only when there is no `date:`. `{% post_url %}` finds the
post by its file name and prints the URL the date gives: with Jekyll 4.3.1,
`{% post_url 2016-09-01-moved %}` for a post dated 2016-09-10 prints
`/2016/09/10/moved.html`. Nothing breaks, and many blogs reschedule a post by
changing its `date:` alone.

It is worth a look when:
- the date is a slip: a wrong year or month files the post elsewhere in the
  archive and the feed, at a URL built from the slip;
- the post is already published: a new `date:` gives it a new URL, and the
  links people have to the old one break (`redirect_from` with the old URL
  keeps them working);
- people find posts by file name: `_posts/` no longer lists them in the order
  they were published.

## How to fix
Nothing, if the date is the one you mean. To make them agree, fix the date, or
rename the file and update the `{% post_url %}` tags that name it
(`broken-post-url` reports those left behind). To silence the note for a
rescheduled post, end its `date:` line with a comment,
`# prepress-disable-line date-mismatch`, or turn the rule off in the config.

## Example
```text
_posts/2024-03-04-launch.md with date: 2024-03-05   noted
_posts/2024-03-04-launch.md with date: 2024-03-04   not noted
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.role != Role::Post {
        return;
    }
    let Some((named, written)) = name_date(doc.file_name()) else {
        return;
    };
    let Some(entry) = doc.front_matter.entries().and_then(|e| lookup(e, "date")) else {
        return;
    };
    let Some(date) = entry.value.as_scalar().and_then(front_matter_date) else {
        return;
    };
    // A date that is not a real one is `invalid-date`'s to report.
    if named.year_digits != 4 || date.year_digits != 4 || check_calendar(&date).is_err() {
        return;
    }
    // The day Jekyll files the post under: the date in the site's zone.
    let zone = context.site.map_or(TimeZone::UTC, |site| site.zone());
    let Some(day) = in_zone(&date, &zone).map(|at| at.date()) else {
        return;
    };
    let day = (
        u32::try_from(day.year()).unwrap_or(0),
        u32::try_from(day.month()).unwrap_or(0),
        u32::try_from(day.day()).unwrap_or(0),
    );
    if day == (named.year, named.month, named.day) {
        return;
    }
    let shown = format!("{:04}-{:02}-{:02}", day.0, day.1, day.2);
    let moved = if day == (date.year, date.month, date.day) {
        String::new()
    } else {
        format!(
            " in the site's time zone ({})",
            zone.iana_name().unwrap_or("UTC")
        )
    };
    out.push(
        Diagnostic::new(
            RULE.id,
            RULE.severity,
            entry.value.span.clone(),
            format!("this post is dated {shown}{moved}, but its file name says {written}"),
        )
        .with_help(
            "nothing breaks: the URL, the feed and the order follow this date, and \
             `post_url` finds the post by its file name; fix the date if it is a slip, \
             or rename the file to make them agree",
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{messages, run, run_in_site, spans};
    use crate::site::Site;

    fn in_zone_named(name: &str) -> Site {
        Site {
            timezone: Some(TimeZone::get(name).unwrap()),
            ..Site::default()
        }
    }

    #[test]
    fn reports_a_different_day() {
        let text = "---\ndate: 2024-03-05 10:00:00 +0100\n---\n";
        let found = run(&RULE, "_posts/2024-03-04-launch.md", text);
        assert_eq!(&text[found[0].span.clone()], "2024-03-05 10:00:00 +0100");
        // Jekyll follows the date and `post_url` the file name: a note, not a
        // warning.
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            found[0].message,
            "this post is dated 2024-03-05, but its file name says 2024-03-04"
        );
    }

    #[test]
    fn reads_dates_as_ruby_does() {
        // Jekyll 4.3.1 files each of these under /2024/03/05/.
        for text in [
            "---\ndate: March 5, 2024\n---\n",
            "---\ndate: Tue, 05 Mar 2024 10:00:00 -0500\n---\n",
            "---\ndate: 2024/03/05\n---\n",
            "---\ndate: 05.03.2024\n---\n",
        ] {
            assert_eq!(
                messages(&RULE, "_posts/2024-03-04-launch.md", text),
                ["this post is dated 2024-03-05, but its file name says 2024-03-04"],
                "{text}"
            );
        }
    }

    #[test]
    fn the_day_is_the_one_in_the_site_zone() {
        // Jekyll 4.3.1 writes this post under /2016/08/24/ in a site on
        // America/Los_Angeles: 09:50 at +0300 is 23:50 the day before there.
        let path = "_posts/2016-08-24-moved.md";
        let text = "---\ndate: 2016-08-25 09:50 +0300\n---\n";
        let los_angeles = in_zone_named("America/Los_Angeles");
        assert!(run_in_site(&los_angeles, &RULE, path, text).is_empty());
        // With no `timezone` it is UTC, 06:50 on the 25th.
        let found = run(&RULE, path, text);
        assert_eq!(
            found[0].message,
            "this post is dated 2016-08-25, but its file name says 2016-08-24"
        );
        // A date written on the file's day can land on another one.
        let text = "---\ndate: 2016-08-24 23:30 -0500\n---\n";
        let found = run_in_site(&in_zone_named("Europe/Berlin"), &RULE, path, text);
        assert_eq!(
            found[0].message,
            "this post is dated 2016-08-25 in the site's time zone (Europe/Berlin), but its file name says 2016-08-24"
        );
        // An unquoted time with seconds and no offset is UTC to YAML.
        let text = "---\ndate: 2016-08-25 03:00:00\n---\n";
        assert!(run_in_site(&los_angeles, &RULE, path, text).is_empty());
        let text = "---\ndate: 2016-08-25 03:00\n---\n";
        assert_eq!(run_in_site(&los_angeles, &RULE, path, text).len(), 1);
    }

    #[test]
    fn near_misses_stay_quiet() {
        for (path, text) in [
            (
                "_posts/2024-03-04-launch.md",
                "---\ndate: 2024-03-04 23:59:00 +0000\n---\n",
            ),
            (
                "_posts/2024-03-04-launch.md",
                "---\ndate: 2024-03-04 23:59\n---\n",
            ),
            ("_posts/2024-3-4-launch.md", "---\ndate: 2024-03-04\n---\n"),
            ("_posts/2024-03-04-launch.md", "---\ntitle: x\n---\n"),
            ("_posts/launch.md", "---\ndate: 2024-03-05\n---\n"),
            (
                "_drafts/2024-03-04-launch.md",
                "---\ndate: 2024-03-05\n---\n",
            ),
            (
                "_posts/2024-03-04-launch.md",
                "---\ndate: March 4, 2024 11:30 pm\n---\n",
            ),
            (
                "_posts/2024-03-04-launch.md",
                "---\ndate: Mon, 04 Mar 2024 23:00:00 +0100\n---\n",
            ),
            (
                "_posts/2024-03-04-launch.md",
                "---\ndate: 2024-02-30\n---\n",
            ),
        ] {
            assert!(spans(&RULE, path, text).is_empty(), "{path} {text}");
        }
    }
}
