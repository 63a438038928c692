//! A post's URL parts: its date in the site's zone, its slug and its
//! categories, and the template of posts that set none.

use super::data::Data;
use super::page::Hidden;
use super::permalink::{push_padded, slugify_into, style_template};
use crate::date::in_zone;
use crate::front_matter::date::front_matter_date;
use crate::jekyll_names::POSTS;
use crate::site::Site;
use crate::written_date::IsoDate;

/// What a post's URL placeholders are filled from: its date in the site's
/// zone, its slug and its categories. Each placeholder is worked out only
/// when the template uses it.
pub(super) struct PostFields {
    at: jiff::ZonedDateTime,
    slug: String,
    categories: Vec<String>,
}

impl PostFields {
    /// Appends the text of placeholder `key` to `out`; false, with nothing
    /// written, when it is not a post placeholder.
    pub(super) fn fill(&self, key: &str, out: &mut String) -> bool {
        use std::fmt::Write as _;
        let at = &self.at;
        let two = |out: &mut String, v: i8| push_padded(out, i32::from(v), 2);
        match key {
            "year" => push_padded(out, i32::from(at.year()), 4),
            "short_year" => push_padded(out, i32::from(at.year().rem_euclid(100)), 2),
            "month" => two(out, at.month()),
            "i_month" => push_padded(out, i32::from(at.month()), 1),
            "day" => two(out, at.day()),
            "i_day" => push_padded(out, i32::from(at.day()), 1),
            "hour" => two(out, at.hour()),
            "minute" => two(out, at.minute()),
            "second" => two(out, at.second()),
            "y_day" => push_padded(out, i32::from(at.day_of_year()), 3),
            "week" => two(out, at.date().iso_week_date().week()),
            "w_year" => push_padded(out, i32::from(at.date().iso_week_date().year()), 1),
            "w_day" => push_padded(out, i32::from(at.weekday().to_monday_one_offset()), 1),
            "short_day" => write!(out, "{}", at.strftime("%a")).is_ok(),
            "long_day" => write!(out, "{}", at.strftime("%A")).is_ok(),
            "short_month" => write!(out, "{}", at.strftime("%b")).is_ok(),
            "long_month" => write!(out, "{}", at.strftime("%B")).is_ok(),
            "title" => slugify_into(&self.slug, true, true, out),
            "slug" => slugify_into(&self.slug, false, false, out),
            "categories" => {
                for (i, category) in self.categories.iter().enumerate() {
                    if i > 0 {
                        out.push('/');
                    }
                    out.push_str(category);
                }
                true
            }
            _ => false,
        }
    }
}

/// A post's placeholders, from its file name's date and slug and its front
/// matter. Sets `hidden` for a post Jekyll skips.
pub(super) fn post_fields(
    site: &Site,
    data: &Data<'_>,
    dir: &str,
    (name_day, slug_from_name): (IsoDate, &str),
    now: jiff::Timestamp,
    hidden: &mut Option<Hidden>,
) -> Option<PostFields> {
    let date = data
        .entry("date")
        .and_then(|entry| entry.value.as_scalar())
        .and_then(front_matter_date)
        .unwrap_or(name_day);
    let at = in_zone(&date, &site.zone())?;
    if !site.future && at.timestamp() > now {
        *hidden = Some(Hidden::Future);
    }
    let folders: Vec<&str> = dir
        .split('/')
        .take_while(|part| *part != POSTS)
        .filter(|part| !part.is_empty())
        .collect();
    Some(PostFields {
        at,
        slug: data
            .text("slug")
            .unwrap_or_else(|| slug_from_name.to_string()),
        categories: categories(data, &folders),
    })
}

/// A document's categories as the URL shows them: the folders above
/// `_posts`, then `categories` (a string split on spaces) and `category`,
/// lowercased, each once.
pub(super) fn categories(data: &Data<'_>, folders: &[&str]) -> Vec<String> {
    let mut all: Vec<String> = folders
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    for item in data.list("categories") {
        all.extend(item.split_whitespace().map(str::to_string));
    }
    all.extend(data.list("category"));
    let mut seen = Vec::new();
    for category in all {
        let category = category.to_lowercase();
        if !seen.contains(&category) {
            seen.push(category);
        }
    }
    seen
}

/// The permalink template of posts that set none of their own: the posts
/// collection's `permalink`, else the site's style.
pub(super) fn post_template(site: &Site) -> String {
    site.collections
        .iter()
        .find(|c| c.name == "posts")
        .and_then(|c| c.permalink.clone())
        .unwrap_or_else(|| style_template(&site.permalink))
}
