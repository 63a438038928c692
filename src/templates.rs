//! What the site's templates read of a page's front matter.
//!
//! The templates are the files of the layouts and includes folders and
//! every `.html`, `.htm`, `.liquid`, `.xml` or `.json` file (a feed or a
//! search index is a template too); they are read on first use,
//! since most runs never need them. Only Liquid markup is read (`{% %}` and
//! `{{ }}`), never the HTML or scripts around it. Two questions are
//! answered:
//!
//! - where a template compares a value with `true` ([`Comparisons`]). In
//!   Liquid every string is truthy, so `{% if page.comments %}` treats
//!   `comments: "true"` as it treats `comments: true`; only a comparison
//!   with `true` (`page.comments == true`, `!= true`, or `where_exp` with
//!   one) tells the text from the boolean. `quoted-boolean` asks. A
//!   variable assigned from a front matter value first
//!   (`{% assign c = page.x %}`) is not followed.
//! - which keys a template reads, and of what ([`Reads`]): `page.KEY` is
//!   read of every page Jekyll writes; `post.KEY`, where `post` loops over
//!   (or is assigned) `site.posts`, `paginator.posts` or `site.COLLECTION`,
//!   is read of that collection's documents. A variable of unknown origin
//!   (an include's parameter, a list of data) is not counted: it may hold
//!   anything, and most often holds data. `empty-value` asks.

use std::io::Read;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use crate::site::Site;

/// The most of a template read: layouts are a few kilobytes.
const READ_LIMIT: u64 = 1 << 20;

/// Liquid markup: a tag or an output.
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{%.*?%\}|\{\{.*?\}\}").expect("a valid regex"));

/// A variable compared with `true`, on either side; the variable's last
/// part (`.name` or `["name"]`) is the key.
static WITH_TRUE: LazyLock<Regex> = LazyLock::new(|| {
    let variable = r#"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\s*["'][^"'\]]+["']\s*\])+"#;
    Regex::new(&format!(
        r"(?P<left>{variable})\s*(?:==|!=)\s*true\b|\btrue\s*(?:==|!=)\s*(?P<right>{variable})"
    ))
    .expect("a valid regex")
});

/// One comparison with `true` in a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comparison {
    /// The template, relative to the site root.
    pub(crate) file: String,
    /// The comparison as written, such as `page.comments == true`.
    pub(crate) text: String,
}

/// The first comparison with `true` of each key, in the templates' path
/// order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Comparisons {
    by_key: HashMap<String, Comparison>,
}

impl Comparisons {
    /// Reads the templates of `site`.
    pub(crate) fn read(site: &Site) -> Self {
        let mut by_key = HashMap::default();
        for file in &site.templates {
            let Some(text) = read(&site.root.join(file)) else {
                continue;
            };
            for (key, comparison) in comparisons(&text) {
                by_key.entry(key.to_string()).or_insert_with(|| Comparison {
                    file: file.clone(),
                    text: comparison.to_string(),
                });
            }
        }
        Comparisons { by_key }
    }

    /// Where a template compares `key` with `true`, if one does.
    pub(crate) fn with_true(&self, key: &str) -> Option<&Comparison> {
        self.by_key.get(key)
    }
}

/// The start of a template, as text; `None` when it cannot be read.
fn read(path: &std::path::Path) -> Option<String> {
    let mut text = String::new();
    std::fs::File::open(path)
        .ok()?
        .take(READ_LIMIT)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

/// Every comparison with `true` in the Liquid markup of `text`: its key and
/// the comparison as written.
fn comparisons(text: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    for markup in MARKUP.find_iter(text) {
        for caps in WITH_TRUE.captures_iter(markup.as_str()) {
            let (Some(whole), Some(variable)) =
                (caps.get(0), caps.name("left").or(caps.name("right")))
            else {
                continue;
            };
            found.push((last_part(variable.as_str()), whole.as_str()));
        }
    }
    found
}

/// The last part of a variable: `x` of `page.x` or `page["x"]`.
fn last_part(variable: &str) -> &str {
    match variable.strip_suffix(']') {
        Some(rest) => rest
            .trim_end()
            .trim_end_matches(['"', '\''])
            .rsplit(['"', '\''])
            .next()
            .unwrap_or(rest),
        None => variable.rsplit('.').next().unwrap_or(variable),
    }
}

/// A variable path: a name and one or more `.part` or `["part"]`.
static PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?P<root>[A-Za-z_][\w-]*)(?P<part>\.[A-Za-z_][\w-]*|\[\s*["'][^"'\]]+["']\s*\])"#)
        .expect("a valid regex")
});

/// A loop or an assignment that names a variable after a value:
/// `for post in site.posts`, `assign recent = site.posts | sort: "date"`.
static BINDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:for\s+(?P<item>[A-Za-z_][\w-]*)\s+in|assign\s+(?P<list>[A-Za-z_][\w-]*)\s*=)\s*(?P<source>[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)",
    )
    .expect("a valid regex")
});

/// Where a template reads a key, for messages: the template and the
/// variable path as written, such as `page.description`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyRead {
    /// The template, relative to the site root.
    pub(crate) file: String,
    /// The variable path as written.
    pub(crate) text: String,
}

/// The front matter keys the templates read, with the first read of each.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reads {
    /// Keys read as `page.KEY`: of every page Jekyll writes.
    page: HashMap<String, KeyRead>,
    /// Keys read of the documents of a collection (`posts` for posts), by
    /// collection.
    of: HashMap<String, HashMap<String, KeyRead>>,
    /// Whether a template calls jekyll-seo-tag's `{% seo %}`.
    pub(crate) seo: bool,
}

impl Reads {
    /// Reads the templates of `site`.
    pub(crate) fn read(site: &Site) -> Self {
        let mut reads = Reads::default();
        for file in &site.templates {
            if let Some(text) = read(&site.root.join(file)) {
                reads.add(file, &text);
            }
        }
        reads
    }

    /// Where a template reads `key` of a page Jekyll writes (`page.KEY`).
    pub(crate) fn of_page(&self, key: &str) -> Option<&KeyRead> {
        self.page.get(key)
    }

    /// Where a template reads `key` of a document of `collection`
    /// (`posts` for posts) through a variable that holds one.
    pub(crate) fn of_collection(&self, collection: &str, key: &str) -> Option<&KeyRead> {
        self.of.get(collection)?.get(key)
    }

    /// Adds the reads of the template `file`, whose text is `text`.
    fn add(&mut self, file: &str, text: &str) {
        // The variables this template binds to a collection's documents.
        let mut bound: HashMap<&str, String> = HashMap::default();
        for markup in MARKUP.find_iter(text) {
            let inner = markup
                .as_str()
                .trim_start_matches(['{', '%'])
                .trim_end_matches(['}', '%'])
                .trim_matches('-');
            if inner.split_whitespace().next() == Some("seo") && markup.as_str().starts_with("{%") {
                self.seo = true;
            }
            for caps in PATH.captures_iter(inner) {
                let (Some(whole), Some(root), Some(part)) =
                    (caps.get(0), caps.name("root"), caps.name("part"))
                else {
                    continue;
                };
                // `xpage.title` is no `page`: the path starts at a word's start.
                if inner[..root.start()].ends_with(['.', ']']) {
                    continue;
                }
                let key = last_part(part.as_str().trim_start_matches('.'));
                let first = || KeyRead {
                    file: file.to_string(),
                    text: whole.as_str().to_string(),
                };
                let map = match root.as_str() {
                    "page" => &mut self.page,
                    name => match bound.get(name) {
                        Some(collection) => self.of.entry(collection.clone()).or_default(),
                        None => continue,
                    },
                };
                map.entry(key.to_string()).or_insert_with(first);
            }
            if let Some(caps) = BINDING.captures(inner) {
                let (Some(name), Some(source)) =
                    (caps.name("item").or(caps.name("list")), caps.name("source"))
                else {
                    continue;
                };
                match collection_of(source.as_str(), &bound) {
                    Some(collection) => bound.insert(name.as_str(), collection),
                    None => bound.remove(name.as_str()),
                };
            }
        }
    }
}

/// The collection whose documents `source` holds (`site.posts`,
/// `paginator.posts`, `site.recipes`, or a variable bound to one), if known.
fn collection_of(source: &str, bound: &HashMap<&str, String>) -> Option<String> {
    let mut parts = source.split('.');
    let root = parts.next()?;
    let Some(second) = parts.next() else {
        return bound.get(root).cloned();
    };
    let collection = match (root, second) {
        // Posts by category or tag are posts too.
        ("site", "posts" | "related_posts" | "categories" | "tags") => "posts",
        ("site", "pages" | "html_pages") => "pages",
        // Data, static files and the list of collections hold no documents.
        ("site", "data" | "static_files" | "collections" | "documents") => return None,
        ("site" | "paginator", name) => name,
        _ => return None,
    };
    Some(collection.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comparisons_with_true_inside_liquid() {
        let text = r#"{% if page.discourse == true %}x{% endif %}
{% unless include.toc.enabled != true %}{% endunless %}
{% if true == post.featured and page.x %}{% endif %}
{{ site.posts | where_exp: "p", "p.pinned == true" }}
{% if page["wide"] == true %}{% endif %}"#;
        let found: Vec<&str> = comparisons(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            found,
            ["discourse", "enabled", "featured", "pinned", "wide"]
        );
        assert_eq!(
            comparisons("{% if page.x == true %}")[0].1,
            "page.x == true"
        );
    }

    #[test]
    fn near_misses_are_not_comparisons_with_true() {
        for text in [
            "{% if page.comments %}{% endif %}",
            "{% if page.comments == false %}{% endif %}",
            "{% if page.comments == \"true\" %}{% endif %}",
            "{% if page.comments == true_value %}{% endif %}",
            "{% if comments == true %}{% endif %}",
            "<script>if (page.comments == true) {}</script>",
            "page.comments == true",
        ] {
            assert!(comparisons(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn reads_the_sites_templates_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| crate::test_files::write(dir.path(), path, text);
        write("_config.yml", "title: x\n");
        write(
            "_layouts/post.html",
            "{% if page.share == true %}{% endif %}",
        );
        write("_includes/a.html", "{% if page.share != true %}{% endif %}");
        write(
            "index.html",
            "{% for p in site.posts %}{% if p.pin == true %}{% endif %}{% endfor %}",
        );
        write("about.md", "{% if page.about == true %}{% endif %}");
        let site = Site::load(dir.path(), &[]);
        let found = Comparisons::read(&site);
        assert_eq!(
            found.with_true("share"),
            Some(&Comparison {
                file: "_includes/a.html".into(),
                text: "page.share != true".into()
            })
        );
        assert_eq!(
            found.with_true("pin").map(|c| c.file.as_str()),
            Some("index.html")
        );
        assert_eq!(
            found.with_true("about"),
            None,
            "a Markdown page is no template"
        );
    }

    fn reads_of(text: &str) -> Reads {
        let mut reads = Reads::default();
        reads.add("_layouts/x.html", text);
        reads
    }

    #[test]
    fn finds_the_keys_read_of_pages_and_of_collections() {
        let reads = reads_of(
            r#"{{ page.description }}{% if page["hero"] %}{% endif %}
{%- for post in paginator.posts -%}{{ post.summary | strip_html }}{%- endfor -%}
{% assign talks = site.talks | where: "year", 2024 %}{% for t in talks %}{{ t.speaker }}{% endfor %}
{% for p in site.tags.rust %}{{ p.teaser }}{% endfor %}
{%- seo title=false -%}"#,
        );
        assert_eq!(
            reads.of_page("description"),
            Some(&KeyRead {
                file: "_layouts/x.html".into(),
                text: "page.description".into()
            })
        );
        assert!(reads.of_page("hero").is_some());
        assert!(reads.of_collection("posts", "summary").is_some());
        assert!(reads.of_collection("posts", "teaser").is_some());
        assert!(reads.of_collection("talks", "speaker").is_some());
        assert!(reads.seo);
    }

    #[test]
    fn near_misses_are_not_reads_of_a_document() {
        let reads = reads_of(
            r#"<script>var t = page.title;</script>
{% for item in include.items %}{{ item.blurb }}{% endfor %}
{% for d in site.data.people %}{{ d.bio }}{% endfor %}
{{ mypage.title }}{{ site.page.subtitle }}
{% for post in site.posts %}{% endfor %}{% assign post = include.x %}{{ post.lede }}
<p>{{ "seo" }}</p>"#,
        );
        assert_eq!(reads.of_page("title"), None);
        assert_eq!(reads.of_page("subtitle"), None);
        for key in ["blurb", "bio", "lede"] {
            assert!(reads.of.values().all(|m| !m.contains_key(key)), "{key}");
        }
        assert!(!reads.seo);
    }
}
