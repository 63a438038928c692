//! Finds the parts of a Markdown body a reader never sees as prose.
//!
//! Before the body is parsed, these ranges are found with one regex pass and
//! blanked out (every byte but line breaks becomes a space, so offsets and line
//! numbers stay the same): Liquid tags and outputs, `{% raw %}`, `{% comment %}`
//! and `{% highlight %}` blocks, kramdown extensions, attribute lists and header
//! ids, `$$` math, abbreviation definitions, the end-of-block marker, and URLs
//! and e-mail addresses. The parser then never mistakes them for text, and the
//! segment step breaks prose at each range, so words on either side of a tag
//! are never read as neighbours. Code spans, code blocks and HTML are left to
//! the Markdown parser, which knows their boundaries better than a regex.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Openers and single tokens, in one alternation. No capture groups: the kind
/// of a match is read off its first bytes, which keeps every search on the
/// regex crate's fast DFA (asking for groups would run a slower engine). A
/// Liquid tag or output is matched by its opener alone and its end found by a
/// substring search: written as `\{%.*?%\}`, each match made the regex scan
/// back over the whole text before it to find where the match began.
static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\{%",
        r"|\{\{",
        r"|\{::[^}\n]*\}",
        r"|\{:[^}\n]*\}",
        // ASCII, as kramdown reads an id; a Unicode `\w` would also make this
        // pattern take four times as long to compile, on every run.
        r"|\{#[A-Za-z][A-Za-z0-9_-]*\}",
        r"|\$\$",
        r"|(?m:^\*\[[^\]\n]*\]:[^\n]*)",
        r"|(?m:^\^[ \t]*$)",
        r#"|(?:https?|ftp)://[^\s<>"'`)\]]+"#,
        r#"|www\.[A-Za-z0-9-]+\.[^\s<>"'`)\]]+"#,
        r"|mailto:[^\s<>)\]]+",
        r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    ))
    .expect("the mask pattern compiles")
});

/// The Liquid block tags whose content is not prose.
const LIQUID_BLOCKS: [&str; 3] = ["raw", "comment", "highlight"];

/// The block tag a Liquid tag (`{%- raw %}`) opens, if its content is not
/// prose. Read by hand: most masked tokens are other tags, and a regex with a
/// capture group for each would cost more than the whole search.
fn liquid_block(token: &str) -> Option<&'static str> {
    let rest = token.strip_prefix("{%")?;
    let rest = rest.strip_prefix('-').unwrap_or(rest).trim_start();
    LIQUID_BLOCKS.into_iter().find(|name| {
        rest.strip_prefix(name)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    })
}

static LIQUID_END: LazyLock<[(&str, Regex); 3]> = LazyLock::new(|| {
    LIQUID_BLOCKS.map(|name| {
        let end = Regex::new(&format!(r"\{{%-?\s*end{name}\s*-?%\}}")).expect("end tag compiles");
        (name, end)
    })
});

/// The byte ranges of `body` that are not prose, sorted and disjoint.
pub fn masked_ranges(body: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut at = 0;
    while let Some(found) = TOKENS.find_at(body, at) {
        let mut end = found.end();
        let liquid_closer = match found.as_str() {
            "{%" => Some("%}"),
            "{{" => Some("}}"),
            _ => None,
        };
        if let Some(closer) = liquid_closer {
            // An opener with no closer is not a tag: go on after its brace.
            let Some(i) = memchr::memmem::find(&body.as_bytes()[end..], closer.as_bytes()) else {
                at = found.start() + 1;
                continue;
            };
            end += i + closer.len();
        }
        let token = &body[found.start()..end];
        if let Some(name) = liquid_block(token) {
            let closer = LIQUID_END
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, re)| re);
            end = closer
                .and_then(|re| re.find_at(body, end))
                .map_or(body.len(), |m| m.end());
        } else if let Some(name) = ["comment", "nomarkdown"]
            .into_iter()
            .find(|name| token.strip_prefix("{::").and_then(|t| t.strip_suffix('}')) == Some(*name))
        {
            let closers = [format!("{{:/{name}}}"), "{:/}".to_string()];
            end = closers
                .iter()
                .filter_map(|c| body[end..].find(c.as_str()).map(|i| end + i + c.len()))
                .min()
                .unwrap_or(body.len());
        } else if token == "$$" {
            end = body[end..].find("$$").map_or(end, |i| end + i + 2);
        }
        ranges.push(found.start()..end);
        at = end.max(found.start() + 1);
        if at > body.len() {
            break;
        }
        while !body.is_char_boundary(at) {
            at += 1;
        }
    }
    ranges
}

/// `body` with every masked byte but line breaks turned into a space.
pub fn blank_out(body: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = body.as_bytes().to_vec();
    for range in ranges {
        for b in &mut bytes[range.clone()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by ASCII spaces, so the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(body: &str) -> Vec<&str> {
        masked_ranges(body).into_iter().map(|r| &body[r]).collect()
    }

    #[test]
    fn masks_liquid_tags_and_outputs() {
        assert_eq!(
            masked("See {{ site.baseurl }}/x and {% include a.html k=\"the the\" %} now."),
            ["{{ site.baseurl }}", "{% include a.html k=\"the the\" %}"]
        );
        assert_eq!(
            masked("{% include x.html\n  a=\"b\" %}"),
            ["{% include x.html\n  a=\"b\" %}"]
        );
    }

    #[test]
    fn masks_liquid_blocks_to_their_end_tag() {
        let body = "A\n{% raw %}\nthe the {{ x }}\n{%- endraw -%}\nB the\n";
        assert_eq!(masked(body), ["{% raw %}\nthe the {{ x }}\n{%- endraw -%}"]);
        let body = "{% highlight ruby %}\nthe the\n{% endhighlight %}\nok";
        assert_eq!(
            masked(body),
            ["{% highlight ruby %}\nthe the\n{% endhighlight %}"]
        );
        assert_eq!(masked("{% comment %} the the"), ["{% comment %} the the"]);
    }

    #[test]
    fn an_opener_without_its_closer_hides_nothing() {
        assert_eq!(
            masked("Write {{ alone, then {% if x %} the the"),
            ["{% if x %}"]
        );
        assert_eq!(masked("a {{ b } c %} d"), Vec::<&str>::new());
        assert_eq!(masked("{%}"), Vec::<&str>::new());
        assert_eq!(masked("{{}}"), ["{{}}"]);
    }

    #[test]
    fn only_raw_comment_and_highlight_tags_open_blocks() {
        assert_eq!(liquid_block("{%- raw -%}"), Some("raw"));
        assert_eq!(liquid_block("{%comment%}"), Some("comment"));
        assert_eq!(
            liquid_block("{% highlight ruby linenos %}"),
            Some("highlight")
        );
        assert_eq!(liquid_block("{% rawish %}"), None);
        assert_eq!(liquid_block("{% comments %}"), None);
        assert_eq!(liquid_block("{{ raw }}"), None);
    }

    #[test]
    fn masks_kramdown_syntax() {
        assert_eq!(masked("Para\n{: .note}\n"), ["{: .note}"]);
        assert_eq!(masked("* TOC\n{:toc}\n"), ["{:toc}"]);
        assert_eq!(masked("## Setup {#setup}\n"), ["{#setup}"]);
        assert_eq!(
            masked("{::comment}\nthe the\n{:/comment}\nx"),
            ["{::comment}\nthe the\n{:/comment}"]
        );
        assert_eq!(
            masked("{::options parse_block_html=\"true\" /}"),
            ["{::options parse_block_html=\"true\" /}"]
        );
        assert_eq!(
            masked("*[HTML]: Hyper Text the the\n"),
            ["*[HTML]: Hyper Text the the"]
        );
        assert_eq!(masked("para\n^\nnext"), ["^"]);
    }

    #[test]
    fn masks_math_urls_and_addresses() {
        assert_eq!(masked("so $$ a the b $$ ok, $5 and $6"), ["$$ a the b $$"]);
        assert_eq!(
            masked(
                "see https://example.com/the-our-team) or www.example.org/a, mail me@example.com"
            ),
            [
                "https://example.com/the-our-team",
                "www.example.org/a,",
                "me@example.com"
            ]
        );
    }

    #[test]
    fn leaves_plain_prose_alone() {
        assert!(masked("Braces { like this } and 50% of {people}.").is_empty());
    }

    #[test]
    fn blanking_keeps_offsets_and_line_breaks() {
        let body = "a {{ é }}\r\nb";
        let out = blank_out(body, &masked_ranges(body));
        assert_eq!(out.len(), body.len());
        assert_eq!(out, format!("a{}\r\nb", " ".repeat(9)));
    }
}
