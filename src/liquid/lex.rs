//! Liquid's tokenizer: where Liquid cuts a document into text, `{{ … }}`
//! outputs and `{% … %}` tags.
//!
//! Liquid 4 and 5.4 cut with one regex split, and this module cuts at the
//! same places: a `{%` runs to the first `%}` after it, wherever that is (a
//! later line, or inside another tag); a `{{` runs to the first `}` after it,
//! and one `}` more if one follows. A `{%` with no `%}` after it, a `{{`
//! with no `}`, and a `{{` token that does not end in `}}` (`{{ x }`, or
//! `{{ "}" }}`, cut at the quoted brace) stop the build ("Variable '{{' was
//! not properly terminated"). Text is not listed: it is what lies between.

use std::ops::Range;

use memchr::memmem::Finder;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `{{ … }}`.
    Output,
    /// `{% … %}`: its name and markup are read by [`tag_parts`].
    Tag,
    /// A `{%` or `{{` Liquid cannot close, which stops the build.
    Unterminated,
}

/// One token, with its span in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// What it is.
    pub(crate) kind: Kind,
    /// Where it is.
    pub(crate) span: Range<usize>,
}

/// The tokens of `text[from..]`, in order.
pub(crate) fn tokens(text: &str, from: usize) -> Vec<Token> {
    let bytes = text.as_bytes();
    let tag_end = Finder::new("%}");
    // The first `%}` at or after a place is the first after any later place
    // up to it: remembered, a body of many unclosed `{%` is read once.
    let mut last_end: Option<(usize, Option<usize>)> = None;
    let mut out = Vec::new();
    let mut at = from;
    while let Some(i) = memchr::memchr(b'{', &bytes[at.min(bytes.len())..]) {
        let start = at + i;
        let kind = bytes.get(start + 1);
        if kind == Some(&b'%') {
            let end = match last_end {
                Some((searched, found))
                    if searched <= start + 2 && found.is_none_or(|f| start + 2 <= f) =>
                {
                    found
                }
                _ => {
                    let found = tag_end.find(&bytes[start + 2..]).map(|f| start + 2 + f);
                    last_end = Some((start + 2, found));
                    found
                }
            };
            let token = match end {
                Some(end) => Token {
                    kind: Kind::Tag,
                    span: start..end + 2,
                },
                None => Token {
                    kind: Kind::Unterminated,
                    span: start..start + 2,
                },
            };
            at = token.span.end;
            out.push(token);
        } else if kind == Some(&b'{') {
            let token = match memchr::memchr(b'}', &bytes[start + 2..]) {
                Some(close) => {
                    let mut end = start + 2 + close + 1;
                    if bytes.get(end) == Some(&b'}') {
                        end += 1;
                    }
                    let whole = bytes[..end].ends_with(b"}}") && end - start >= 4;
                    Token {
                        kind: if whole {
                            Kind::Output
                        } else {
                            Kind::Unterminated
                        },
                        span: start..end,
                    }
                }
                None => Token {
                    kind: Kind::Unterminated,
                    span: start..start + 2,
                },
            };
            at = token.span.end;
            out.push(token);
        } else {
            at = start + 1;
        }
    }
    out
}

/// Whether `b` is whitespace to Ruby's `\s`.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Whether `b` is a word byte to Ruby's `\w` (ASCII only).
fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The name and the markup of a tag token (`{%- name markup -%}`), as
/// ranges of the token, read as Liquid reads it: after `{%` and an optional
/// `-`, whitespace, then a name of ASCII letters, digits and `_` (or a `#`,
/// Liquid 5's inline comment), then the markup up to the closing `%}` less a
/// `-` before it (and, here, less the spaces before those). `None` when there is no name (`{% %}`, `{% é %}`): Liquid
/// stops the build there ("Tag '{% %}' was not properly terminated").
pub(crate) fn tag_parts(token: &str) -> Option<(Range<usize>, Range<usize>)> {
    let bytes = token.as_bytes();
    let inner_end = bytes.len().checked_sub(2)?;
    let mut at = 2;
    if bytes.get(at) == Some(&b'-') {
        at += 1;
    }
    while at < inner_end && is_space(bytes[at]) {
        at += 1;
    }
    let name_start = at;
    if bytes.get(at) == Some(&b'#') {
        at += 1;
    } else {
        while at < inner_end && is_word(bytes[at]) {
            at += 1;
        }
    }
    if at == name_start || at > inner_end {
        return None;
    }
    let name = name_start..at;
    while at < inner_end && is_space(bytes[at]) {
        at += 1;
    }
    let mut end = inner_end;
    if end > at && bytes[end - 1] == b'-' {
        end -= 1;
    }
    while end > at && is_space(bytes[end - 1]) {
        end -= 1;
    }
    Some((name, at..end.max(at)))
}

/// The name of the tag `{% raw %}` ends at, if `token` ends one, read as
/// Liquid's `raw` reads each token of its body: the last `{%` in it that
/// spaces and a word follow (no `-` allowed: `{%- endraw %}` ends nothing),
/// when the token ends in `%}`.
pub(crate) fn raw_end_name(token: &str) -> Option<&str> {
    if !token.ends_with("%}") {
        return None;
    }
    let bytes = token.as_bytes();
    let opens = memchr::memmem::rfind_iter(bytes, b"{%");
    for open in opens {
        let mut at = open + 2;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && is_word(bytes[at]) {
            at += 1;
        }
        // The name may not run into the closing `%}`'s bytes.
        if at > start && at <= bytes.len() - 2 {
            return Some(&token[start..at]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(Kind, &str)> {
        tokens(text, 0)
            .into_iter()
            .map(|t| (t.kind, &text[t.span]))
            .collect()
    }

    #[test]
    fn cuts_where_liquid_cuts() {
        assert_eq!(
            cut("a {{ x }} b {%- if y -%}\nc{% endif %}"),
            [
                (Kind::Output, "{{ x }}"),
                (Kind::Tag, "{%- if y -%}"),
                (Kind::Tag, "{% endif %}")
            ]
        );
        // A tag runs to the first `%}`, an output to the first `}`.
        assert_eq!(
            cut("{% if x\n\n{% endif %}"),
            [(Kind::Tag, "{% if x\n\n{% endif %}")]
        );
        assert_eq!(cut("{{ x }}}"), [(Kind::Output, "{{ x }}")]);
        assert_eq!(cut("{{}}"), [(Kind::Output, "{{}}")]);
    }

    #[test]
    fn finds_what_liquid_cannot_close() {
        assert_eq!(cut("{{ x"), [(Kind::Unterminated, "{{")]);
        assert_eq!(cut("{% x"), [(Kind::Unterminated, "{%")]);
        assert_eq!(cut("{{ x } y"), [(Kind::Unterminated, "{{ x }")]);
        assert_eq!(cut("{{ \"}\" }}"), [(Kind::Unterminated, "{{ \"}")]);
        assert_eq!(cut("{{}"), [(Kind::Unterminated, "{{}")]);
        assert_eq!(cut("{%}"), [(Kind::Unterminated, "{%")]);
        assert_eq!(cut("{ x } %} {"), []);
    }

    #[test]
    fn many_unclosed_openers_are_read_in_one_pass() {
        let text = "{%".repeat(100_000);
        assert_eq!(tokens(&text, 0).len(), 100_000);
    }

    #[test]
    fn reads_tag_names_as_liquid_does() {
        let parts = |t: &'static str| tag_parts(t).map(|(n, m)| (&t[n], &t[m]));
        assert_eq!(
            parts("{%- include  a.html -%}"),
            Some(("include", "a.html"))
        );
        assert_eq!(parts("{%if x-%}"), Some(("if", "x")));
        assert_eq!(parts("{% post-url x %}"), Some(("post", "-url x")));
        assert_eq!(parts("{% # note %}"), Some(("#", "note")));
        assert_eq!(parts("{%\n endif\n%}"), Some(("endif", "")));
        assert_eq!(parts("{% %}"), None);
        assert_eq!(parts("{% é %}"), None);
        assert_eq!(parts("{%{{ x }}%}"), None);
        assert_eq!(parts("{%-%}"), None);
    }

    #[test]
    fn raw_ends_only_at_an_end_tag_without_a_dash() {
        assert_eq!(raw_end_name("{% endraw %}"), Some("endraw"));
        assert_eq!(raw_end_name("{%endraw%}"), Some("endraw"));
        assert_eq!(raw_end_name("{{ x {% endraw %}"), Some("endraw"));
        assert_eq!(raw_end_name("{% endraw -%}"), Some("endraw"));
        assert_eq!(raw_end_name("{%- endraw -%}"), None);
        assert_eq!(raw_end_name("{{ x }}"), None);
    }
}
