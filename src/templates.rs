//! Where the site's templates compare a front matter value with `true`.
//!
//! In Liquid every string is truthy, so `{% if page.comments %}` treats
//! `comments: "true"` as it treats `comments: true`; only a comparison with
//! `true` (`page.comments == true`, `!= true`, or `where_exp` with one) tells
//! the text from the boolean. `quoted-boolean` asks whether the site's
//! templates make such a comparison for a key. The templates are the files
//! of the layouts and includes folders and every `.html`, `.htm` or
//! `.liquid` file; they are read on first use, since most runs never meet a
//! quoted "true". Comparisons are found inside Liquid markup only (`{% %}`
//! and `{{ }}`), never in the HTML or scripts around it. A variable
//! assigned from a front matter value first (`{% assign c = page.x %}`) is
//! not followed.

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
pub struct Comparison {
    /// The template, relative to the site root.
    pub file: String,
    /// The comparison as written, such as `page.comments == true`.
    pub text: String,
}

/// The first comparison with `true` of each key, in the templates' path
/// order.
#[derive(Debug, Clone, Default)]
pub struct Comparisons {
    by_key: HashMap<String, Comparison>,
}

impl Comparisons {
    /// Reads the templates of `site`.
    pub fn read(site: &Site) -> Self {
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
    pub fn with_true(&self, key: &str) -> Option<&Comparison> {
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
        let write = |path: &str, text: &str| {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
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
        let found = site.comparisons();
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
}
