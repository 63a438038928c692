//! What a site's plugins can add to Liquid: the gems it loads and the tags
//! its own Ruby plugins register.
//!
//! Jekyll loads the gems of the config's `plugins` (or `gems`) list and, with
//! Bundler, every gem of the Gemfile's `jekyll_plugins` group; it requires
//! every `_plugins/**/*.rb`. A tag is registered with
//! `Liquid::Template.register_tag("name", Class)`; a name written as a
//! literal there is read, anything computed is not (the site then counts as
//! one whose plugins may define any tag).

use std::sync::LazyLock;

use regex::Regex;

/// `register_tag("name"` or `register_tag 'name'` or `register_tag(:name`.
static REGISTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"register_tag(?:_block)?\s*\(?\s*(?:"([^"\s]+)"|'([^'\s]+)'|:(\w+))"#)
        .expect("the pattern compiles")
});

/// The tag names the Ruby source `rb` registers with a literal name.
pub(crate) fn registered_tags(rb: &str) -> Vec<String> {
    REGISTER
        .captures_iter(rb)
        .filter(|c| {
            // A line that is a Ruby comment registers nothing.
            let start = c.get(0).map_or(0, |m| m.start());
            let line = rb[..start].rsplit('\n').next().unwrap_or_default();
            !line.trim_start().starts_with('#')
        })
        .filter_map(|c| c.get(1).or(c.get(2)).or(c.get(3)))
        .map(|m| m.as_str().to_string())
        .collect()
}

/// The gems a Gemfile puts in the `jekyll_plugins` group, which Jekyll loads
/// whatever the config says: inside `group :jekyll_plugins do … end`, or
/// with `group: :jekyll_plugins` on their own line.
pub(crate) fn gemfile_plugins(gemfile: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth_in_group: Option<usize> = None;
    let mut depth = 0usize;
    for line in gemfile.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        let opens = line.ends_with(" do") || line.contains(" do |");
        let gem = line
            .strip_prefix("gem ")
            .and_then(|rest| rest.trim().split([',', ' ']).next())
            .map(|name| name.trim_matches(['"', '\'']).to_string());
        if let Some(gem) = gem
            && (depth_in_group.is_some() || line.contains(":jekyll_plugins"))
        {
            out.push(gem);
        }
        if opens {
            if line.starts_with("group ") && line.contains(":jekyll_plugins") {
                depth_in_group.get_or_insert(depth);
            }
            depth += 1;
        } else if line == "end" {
            depth = depth.saturating_sub(1);
            if depth_in_group == Some(depth) {
                depth_in_group = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_literal_tag_names() {
        let rb = "module X\n  Liquid::Template.register_tag(\"oembed\", Y)\n  Liquid::Template.register_tag 'tabs', Z\n  # Liquid::Template.register_tag('old', W)\nend\nLiquid::Template.register_tag(:sym, V)\nLiquid::Template.register_tag(Link.tag_name, L)\n";
        assert_eq!(registered_tags(rb), ["oembed", "tabs", "sym"]);
    }

    #[test]
    fn reads_the_jekyll_plugins_group() {
        let gemfile = "source \"https://rubygems.org\"\ngem \"jekyll\", \"~> 4.3\"\ngem \"github-pages\", group: :jekyll_plugins\n\ngroup :jekyll_plugins do\n  gem \"jekyll-feed\"\n  gem 'jemoji', \">= 0.12\" # emoji\nend\n\ngroup :test do\n  gem \"rspec\"\nend\n";
        assert_eq!(
            gemfile_plugins(gemfile),
            ["github-pages", "jekyll-feed", "jemoji"]
        );
        assert!(gemfile_plugins("").is_empty());
    }
}
