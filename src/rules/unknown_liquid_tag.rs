//! `unknown-liquid-tag`: a `{% name %}` tag that neither Liquid, Jekyll nor
//! the site's plugins define, which stops Jekyll's build.

use super::context::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::liquid::known;
use crate::liquid::parse::Problem;
use crate::rule::{FixAvailability, Rule};
use crate::site::Site;

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "unknown-liquid-tag",
    severity: Severity::Error,
    summary: "A Liquid tag that nothing the site loads defines",
    explanation: "\
## What it does
Reports a `{% name … %}` tag that Liquid and Jekyll do not define (Liquid's
`if`, `for`, `assign`, …; Jekyll's `highlight`, `include`, `include_relative`,
`link`, `post_url`) and no plugin the site loads does. prepress knows the tags of
common plugin gems (`seo` from jekyll-seo-tag, `feed_meta` from jekyll-feed,
`gist` from jekyll-gist, `avatar`, `include_cached`, …), the gems a site loads
(`plugins:` or `gems:` in the config, the Gemfile's `jekyll_plugins` group, and
GitHub Pages' default plugins when the site has no Gemfile or uses the
`github-pages` gem), and the tags the site's own `_plugins/**/*.rb` register
with `register_tag(\"name\", …)`.

The finding is an error when nothing could define the tag, and an info note
when the site loads a plugin prepress does not know or has Ruby plugins of its
own (a tag registered under a computed name cannot be read). A tag only
Liquid 5 has (`render`, `echo`, `liquid`, `{% # … %}`) is a warning: Debian's
Jekyll runs Liquid 5, but the Jekyll gem and GitHub Pages run Liquid 4, where
the tag is unknown.

## Why is this bad?
Jekyll stops the build: `Liquid syntax error (line N): Unknown tag 'youtube'`.

## How to fix
Fix the tag's name, add the plugin that defines it to `plugins:` (and the
Gemfile), or, to show the tag as text, wrap it in `{% raw %}` … `{% endraw %}`.

## Example
```liquid
{% youtube abc %}     <- reported: no plugin defines `youtube`
```",
    fix: FixAvailability::Never,
};

pub(super) fn check(context: &Context, doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(parsed) = doc.liquid() else {
        return;
    };
    for problem in &parsed.problems {
        match problem {
            Problem::Unknown { name, span } => {
                if let Some(diagnostic) = unknown(context.site.map(super::super::site_index::SiteIndex::site), name, span.clone()) {
                    out.push(diagnostic);
                }
            }
            Problem::Liquid5 { name, span } => out.push(
                Diagnostic::new(
                    RULE.id,
                    RULE.severity,
                    span.clone(),
                    format!(
                        "`{name}` is a Liquid 5 tag: the Jekyll gem and GitHub Pages run Liquid 4, which stops the build with \"Unknown tag '{name}'\""
                    ),
                )
                .with_severity(Severity::Warning)
                .with_help("keep it only if the site is built with Liquid 5 (Debian's Jekyll); otherwise use a Liquid 4 tag"),
            ),
            _ => {}
        }
    }
}

/// The finding for the unknown tag `name` at `span`, unless the site's
/// plugins define it.
fn unknown(site: Option<&Site>, name: &str, span: std::ops::Range<usize>) -> Option<Diagnostic> {
    let loaded = site.map(loaded_gems).unwrap_or_default();
    if site.is_some_and(|s| s.plugin_tags.contains(name))
        || loaded
            .iter()
            .any(|gem| known::gem_tags(gem).is_some_and(|tags| tags.contains(&name)))
    {
        return None;
    }
    let mut diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        span,
        format!("no plugin the site loads defines `{{% {name} %}}`, so Jekyll stops the build"),
    );
    let unknown_gem = loaded.iter().find(|gem| known::gem_tags(gem).is_none());
    let own = site.is_some_and(|s| s.local_plugins);
    if let Some(gem) = known::gem_of(name) {
        return Some(diagnostic.with_help(format!(
            "`{name}` is the tag of the `{gem}` plugin: add it to `plugins:` in `_config.yml` (and to the Gemfile)"
        )));
    }
    if own || unknown_gem.is_some() {
        let from = match unknown_gem {
            Some(gem) if !own => format!("the `{gem}` plugin"),
            _ => "a plugin in `_plugins/`".to_string(),
        };
        diagnostic.severity = Severity::Info;
        diagnostic.message = format!(
            "`{{% {name} %}}` is neither Liquid's nor Jekyll's: it must come from {from}, or Jekyll stops the build"
        );
    }
    Some(diagnostic.with_help(
        "fix the name, or add the plugin that defines it; to show the tag as text, wrap it in `{% raw %}` … `{% endraw %}`",
    ))
}

/// The plugin gems the site loads: its config's, its Gemfile's
/// `jekyll_plugins` group, and GitHub Pages' defaults when it may be built
/// there (no Gemfile, or the `github-pages` gem).
fn loaded_gems(site: &Site) -> Vec<&str> {
    let mut gems: Vec<&str> = site.plugins.iter().map(String::as_str).collect();
    let gemfile = site.gemfile_plugins.as_deref();
    gems.extend(gemfile.unwrap_or_default().iter().map(String::as_str));
    if gemfile.is_none_or(|g| g.iter().any(|gem| gem == "github-pages")) {
        gems.extend(known::GITHUB_PAGES_DEFAULTS);
    }
    gems.retain(|gem| *gem != "github-pages");
    gems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run, run_in_site};

    const POST: &str = "_posts/2024-01-01-a.md";
    const TEXT: &str = "---\n---\nAn unknown tag: {% youtube abc %} and {% seo %}{% gist 1 %}\n";

    fn found(site: &Site) -> Vec<(String, Severity)> {
        run_in_site(site, &RULE, POST, TEXT)
            .into_iter()
            .map(|d| (TEXT[d.span].to_string(), d.severity))
            .collect()
    }

    fn site(plugins: &[&str], gemfile: Option<&[&str]>) -> Site {
        Site {
            plugins: plugins.iter().map(std::string::ToString::to_string).collect(),
            gemfile_plugins: gemfile.map(|g| g.iter().map(std::string::ToString::to_string).collect()),
            ..Site::default()
        }
    }

    #[test]
    fn an_unknown_tag_is_an_error_when_nothing_could_define_it() {
        // No Gemfile: GitHub Pages' jekyll-gist defines `gist`.
        let site = site(&["jekyll-seo-tag", "jekyll-sitemap"], None);
        assert_eq!(
            found(&site),
            [("{% youtube abc %}".to_string(), Severity::Error)]
        );
        let found = run_in_site(&site, &RULE, POST, TEXT);
        assert!(found[0].message.contains("`{% youtube %}`"));
    }

    #[test]
    fn a_known_plugins_tag_needs_the_plugin() {
        let site = site(&[], Some(&["jekyll-feed"]));
        let found = run_in_site(&site, &RULE, POST, TEXT);
        let spans: Vec<&str> = found.iter().map(|d| &TEXT[d.span.clone()]).collect();
        assert_eq!(spans, ["{% youtube abc %}", "{% seo %}", "{% gist 1 %}"]);
        assert!(
            found[1]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`jekyll-seo-tag`"))
        );
    }

    #[test]
    fn an_unknown_plugin_or_own_plugins_make_it_a_note() {
        let unknown = site(&["jekyll-seo-tag", "jekyll-youtube-embed"], None);
        assert_eq!(
            found(&unknown),
            [("{% youtube abc %}".to_string(), Severity::Info)]
        );
        let mut own = site(&["jekyll-seo-tag"], None);
        own.local_plugins = true;
        own.plugin_tags.insert("youtube".to_string());
        assert!(found(&own).is_empty());
        own.plugin_tags.clear();
        assert_eq!(
            found(&own),
            [("{% youtube abc %}".to_string(), Severity::Info)]
        );
    }

    #[test]
    fn liquid_5_tags_are_a_warning_and_liquid_4_tags_pass() {
        let text = "---\n---\n{% render 'x' %}{% assign a = 1 %}{% increment n %}{% include_relative a.md %}{% comment %}{% youtube %}{% endcomment %}\n";
        let found = run(&RULE, POST, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (&text[found[0].span.clone()], found[0].severity),
            ("{% render 'x' %}", Severity::Warning)
        );
    }
}
