//! Tests of posts' URLs: permalink styles, placeholders, categories, dates
//! and zones.

use super::helpers::*;
use crate::urls::page::Found;

#[test]
fn posts_follow_the_permalink_style() {
    for (style, url) in [
        ("date", "/2024/03/09/Why-We-Ship.html"),
        ("pretty", "/2024/03/09/Why-We-Ship/"),
        ("ordinal", "/2024/069/Why-We-Ship.html"),
        ("weekdate", "/2024/W10/Sat/Why-We-Ship.html"),
        ("none", "/Why-We-Ship.html"),
        ("/blog/:year/:i_month/:slug/", "/blog/2024/3/why-we-ship/"),
        (
            "/:short_year/:long_month/:title:output_ext",
            "/24/March/Why-We-Ship.html",
        ),
    ] {
        let (_dir, site) = site_of(&[
            ("_config.yml", &format!("permalink: \"{style}\"\n")),
            ("_posts/2024-03-09-Why-We-Ship.md", POST),
        ]);
        assert_eq!(
            url_of(&site, "_posts/2024-03-09-Why-We-Ship.md"),
            Some(url),
            "{style}"
        );
    }
}

#[test]
fn every_date_placeholder_is_filled() {
    // 3 January 2021 is a Sunday in week 53 of ISO year 2020.
    let template = "/:w_year/W:week/:w_day/:i_day/:i_month/:y_day/:hour:minute:second/:long_day/:short_month/:title_/";
    let (_dir, site) = site_of(&[
        ("_config.yml", &format!("permalink: \"{template}\"\n")),
        (
            "_posts/2021-01-03-New-Year.md",
            "---\ndate: 2021-01-03 04:05:06 +0000\n---\n",
        ),
    ]);
    assert_eq!(
        url_of(&site, "_posts/2021-01-03-New-Year.md"),
        Some("/2020/W53/7/3/1/003/040506/Sunday/Jan/New-Year_/")
    );
}

#[test]
fn categories_come_from_folders_and_front_matter() {
    let (_dir, site) = site_of(&[
        ("_config.yml", "title: x\n"),
        (
            "Travel/_posts/2024-03-09-vienna.md",
            "---\ncategories: Europe rail\n---\n",
        ),
        (
            "_posts/2024-03-10-lisbon.md",
            "---\ncategories: [Europe]\ncategory: Food\n---\n",
        ),
    ]);
    assert_eq!(
        url_of(&site, "Travel/_posts/2024-03-09-vienna.md"),
        Some("/travel/europe/rail/2024/03/09/vienna.html")
    );
    assert_eq!(
        url_of(&site, "_posts/2024-03-10-lisbon.md"),
        Some("/europe/food/2024/03/10/lisbon.html")
    );
}

#[test]
fn the_site_zone_can_move_a_post_to_another_day() {
    let text = "---\ndate: 2024-03-09 23:30:00 -0500\n---\n";
    let (_dir, site) = site_of(&[
        ("_config.yml", "timezone: Europe/Berlin\n"),
        ("_posts/2024-03-09-late.md", text),
    ]);
    assert_eq!(
        url_of(&site, "_posts/2024-03-09-late.md"),
        Some("/2024/03/10/late.html")
    );
    let (_dir, site) = site_of(&[
        ("_config.yml", "title: x\n"),
        ("_posts/2024-03-09-late.md", text),
    ]);
    assert_eq!(
        url_of(&site, "_posts/2024-03-09-late.md"),
        Some("/2024/03/10/late.html"),
        "UTC is the default zone"
    );
    let (_dir, site) = site_of(&[
        ("_config.yml", "timezone: America/Chicago\n"),
        ("_posts/2024-03-09-late.md", text),
    ]);
    assert_eq!(
        url_of(&site, "_posts/2024-03-09-late.md"),
        Some("/2024/03/09/late.html")
    );
}

#[test]
fn dates_in_words_set_the_url() {
    // As Jekyll 4.3.1 writes them, in a site on Europe/Berlin.
    let (_dir, site) = site_of(&[
        ("_config.yml", "timezone: Europe/Berlin\n"),
        ("_posts/2001-01-01-a.md", "---\ndate: June 2, 2020\n---\n"),
        (
            "_posts/2001-01-01-b.md",
            "---\ndate: Tue, 02 Jun 2020 23:30:00 -0500\n---\n",
        ),
        ("_posts/2001-01-01-c.md", "---\ndate: 06/02/2020\n---\n"),
        ("_posts/2001-01-01-d.md", "---\ndate: 2023-02-29\n---\n"),
        ("_posts/2001-01-01-e.md", "---\ndate: June 2\n---\n"),
    ]);
    for (name, url) in [
        ("a", "/2020/06/02/a.html"),
        ("b", "/2020/06/03/b.html"),
        ("c", "/2020/02/06/c.html"),
        ("d", "/2023/03/01/d.html"),
        // No year: Ruby takes this year's; prepress keeps the file's date.
        ("e", "/2001/01/01/e.html"),
    ] {
        let source = format!("_posts/2001-01-01-{name}.md");
        assert_eq!(url_of(&site, &source), Some(url), "{name}");
    }
    assert_eq!(site.urls().find("/2001/01/01/a.html"), Found::Missing);
}

#[test]
fn a_yaml_timestamp_without_offset_is_utc() {
    // As Jekyll 4.3.1 writes them in a site on America/Los_Angeles: YAML
    // reads an unquoted time with seconds and no offset as UTC, any other
    // form in the site's zone.
    let (_dir, site) = site_of(&[
        ("_config.yml", "timezone: America/Los_Angeles\n"),
        (
            "_posts/2016-09-10-a.md",
            "---\ndate: 2016-09-10 03:00:00\n---\n",
        ),
        (
            "_posts/2016-09-10-b.md",
            "---\ndate: 2016-09-10 03:00\n---\n",
        ),
        (
            "_posts/2016-09-10-c.md",
            "---\ndate: \"2016-09-10 03:00:00\"\n---\n",
        ),
        ("_posts/2016-09-10-d.md", "---\ndate: 2016-09-10\n---\n"),
    ]);
    for (name, url) in [
        ("a", "/2016/09/09/a.html"),
        ("b", "/2016/09/10/b.html"),
        ("c", "/2016/09/10/c.html"),
        ("d", "/2016/09/10/d.html"),
    ] {
        let source = format!("_posts/2016-09-10-{name}.md");
        assert_eq!(url_of(&site, &source), Some(url), "{name}");
    }
}
