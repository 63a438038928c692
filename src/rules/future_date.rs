//! `future-date`: a post dated after today, which Jekyll will not publish yet.

use super::context::Context;
use crate::date::{in_zone, name_date};
use crate::front_matter::date::front_matter_date;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Role};
use crate::front_matter::tree::lookup;
use crate::rule::{FixAvailability, Rule};
use crate::written_date::IsoDate;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "future-date",
    severity: Severity::Warning,
    summary: "A post is dated after today and the site does not build future posts",
    explanation: "\
## What it does
Reports a post whose date (its front matter `date:`, else the date in its file
name) is after now, unless the site's `_config.yml` says `future: true`. The
date is read as Ruby's `Time.parse` reads it (`June 2, 2030` too). As in
Jekyll, a date without a UTC offset is read in the site's `timezone` (without
one, Jekyll uses the building machine's zone; prepress assumes UTC, as on
GitHub Pages), except an unquoted `YYYY-MM-DD HH:MM:SS`, which YAML reads as UTC; a
date without a time means midnight in the site's zone: with
`timezone: America/Los_Angeles`, a post dated today is still in the future in
the hours when it is already today in UTC but not yet in California.

## Why is this bad?
Jekyll skips such a post (\"Skipping: … has a future date\") until the day
comes, and then only if the site is rebuilt. A typo in the year (2052 for 2025)
hides a post for decades.

## How to fix
Fix the date, or set `future: true` if scheduled posts are meant to be built.

## Example
```yaml
date: 2052-06-01   # reported: not published until 2052-06-01
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    if doc.role != Role::Post || context.site.is_some_and(|s| s.future) {
        return;
    }
    let entry = doc.front_matter.entries().and_then(|e| lookup(e, "date"));
    let (date, span) = match entry.and_then(|e| Some((e.value.as_scalar()?, e))) {
        Some((scalar, entry)) => match front_matter_date(scalar) {
            Some(date) => (date, entry.value.span.clone()),
            None => return,
        },
        None => match name_date(doc.file_name()) {
            Some((date, _)) => (date, 0..0),
            None => return,
        },
    };
    let zone = context
        .site
        .map_or(jiff::tz::TimeZone::UTC, |site| site.zone());
    if date.year_digits != 4 || !is_future(&date, &zone, context.now) {
        return;
    }
    let when = match date.time {
        Some((hour, minute, _)) => format!(
            "{:04}-{:02}-{:02} {hour:02}:{minute:02}",
            date.year, date.month, date.day
        ),
        None => format!("{:04}-{:02}-{:02}", date.year, date.month, date.day),
    };
    out.push(
        Diagnostic::new(
            RULE.id,
            RULE.severity,
            span,
            format!(
                "this post is dated {when}, in the future: Jekyll will not publish it until then"
            ),
        )
        .with_help("fix the date, or set `future: true` in `_config.yml` to build scheduled posts"),
    );
}

/// Whether `date`, read in the site's `zone`, is after `now`.
fn is_future(date: &IsoDate, zone: &jiff::tz::TimeZone, now: jiff::Timestamp) -> bool {
    in_zone(date, zone).is_some_and(|at| at.timestamp() > now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;
    use crate::rules::testing::{run, run_in_site};
    use crate::site::Site;

    #[test]
    fn reports_a_post_dated_in_the_future() {
        let text = "---\ndate: 2999-06-01\n---\n";
        let found = run(&RULE, "_posts/2024-01-01-a.md", text);
        assert_eq!(&text[found[0].span.clone()], "2999-06-01");
        let found = run(&RULE, "_posts/2999-01-01-a.md", "---\ntitle: x\n---\n");
        assert_eq!(found[0].span, 0..0);
    }

    #[test]
    fn the_run_decides_what_now_is() {
        let (config, levels) = (crate::config::Config::default(), Default::default());
        let engine = crate::packs::engine::Engine::default();
        let found_at = |now: &str| {
            let context = Context {
                config: &config,
                levels: &levels,
                options: &Default::default(),
                engine: &engine,
                site: None,
                now: now.parse().unwrap(),
            };
            let doc = Document::new(
                "_posts/2024-01-01-a.md".into(),
                "---\ndate: 2026-11-24 10:00\n---\n".into(),
            );
            let mut found = Vec::new();
            check(&context, &doc, &mut found);
            found.len()
        };
        assert_eq!(found_at("2026-11-24T09:59:59Z"), 1);
        assert_eq!(found_at("2026-11-24T10:00:00Z"), 0);
    }

    #[test]
    fn the_site_zone_decides_when_today_starts() {
        // 04:00 UTC on 24 November: already the 24th in Berlin, still the
        // 23rd in Los Angeles.
        let now: jiff::Timestamp = "2026-11-24T04:00:00Z".parse().unwrap();
        let zone = |name: &str| jiff::tz::TimeZone::get(name).unwrap();
        let date = |v: &str| parse_iso(v).unwrap();
        assert!(!is_future(&date("2026-11-24"), &zone("Europe/Berlin"), now));
        assert!(is_future(
            &date("2026-11-24"),
            &zone("America/Los_Angeles"),
            now
        ));
        assert!(!is_future(
            &date("2026-11-24"),
            &jiff::tz::TimeZone::UTC,
            now
        ));
        // A time and an offset make it an instant, whatever the zone.
        assert!(is_future(
            &date("2026-11-24 05:00:00 +0000"),
            &zone("Europe/Berlin"),
            now
        ));
        assert!(!is_future(
            &date("2026-11-24 05:00:00 +0200"),
            &zone("America/Los_Angeles"),
            now
        ));
        // A time without offset is read in the site's zone.
        assert!(is_future(
            &date("2026-11-24 06:00"),
            &jiff::tz::TimeZone::UTC,
            now
        ));
        assert!(!is_future(
            &date("2026-11-24 06:00"),
            &zone("Asia/Tokyo"),
            now
        ));
    }

    #[test]
    fn near_misses_stay_quiet() {
        assert!(
            run(
                &RULE,
                "_posts/2024-01-01-a.md",
                "---\ndate: 2024-01-01\n---\n"
            )
            .is_empty()
        );
        assert!(run(&RULE, "_drafts/a.md", "---\ndate: 2999-01-01\n---\n").is_empty());
        assert!(run(&RULE, "page.md", "---\ndate: 2999-01-01\n---\n").is_empty());
        let site = Site {
            future: true,
            ..Site::default()
        };
        assert!(
            run_in_site(
                &site,
                &RULE,
                "_posts/2999-01-01-a.md",
                "---\ntitle: x\n---\n"
            )
            .is_empty()
        );
    }
}
