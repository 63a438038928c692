//! `prepress urls`: the URL prepress expects Jekyll to give every file of a
//! site, so an author can see where a post will be published (and why one
//! will not be), and a test can hold the model to a real build.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::site::Site;
use crate::urls::{Hidden, every_page};

/// The schema version of the JSON form.
pub(crate) const VERSION: u32 = 1;

/// How the list is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListFormat {
    /// `URL<TAB>SOURCE`, then a note when the page is not published or is a
    /// redirect.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    /// The site's root folder, as found.
    site: String,
    /// The `baseurl` every URL is served under.
    baseurl: &'a str,
    pages: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    url: &'a str,
    source: &'a str,
    published: bool,
    /// Why it is not published: `unpublished`, `future` or `no-output`.
    reason: Option<&'static str>,
    /// A `redirect_from` URL of the source rather than its own.
    redirect: bool,
}

/// Writes the pages of `site` as of `now` to `out` in `format`.
pub(crate) fn write(
    site: &Site,
    now: jiff::Timestamp,
    root: &Path,
    format: ListFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let pages = every_page(site, now);
    let items: Vec<Item<'_>> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| Item {
            url: &page.url,
            source: &page.source,
            published: page.hidden.is_none(),
            reason: page.hidden.map(reason),
            redirect: i > 0 && pages[i - 1].source == page.source,
        })
        .collect();
    match format {
        ListFormat::Json => {
            let document = Document {
                version: VERSION,
                site: root.display().to_string(),
                baseurl: &site.baseurl,
                pages: items,
            };
            serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::other)?;
            writeln!(out)
        }
        ListFormat::Text => {
            for item in &items {
                write!(out, "{}{}\t{}", site.baseurl, item.url, item.source)?;
                if let Some(reason) = item.reason {
                    write!(out, "\t(not published: {})", explain(reason))?;
                } else if item.redirect {
                    write!(out, "\t(redirect)")?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// The JSON name of why a page is not published.
fn reason(hidden: Hidden) -> &'static str {
    match hidden {
        Hidden::Unpublished => "unpublished",
        Hidden::Future => "future",
        Hidden::NoOutput => "no-output",
    }
}

/// The text form of a reason.
fn explain(reason: &str) -> &'static str {
    match reason {
        "unpublished" => "published: false",
        "future" => "dated in the future",
        _ => "its collection has no `output: true`",
    }
}
