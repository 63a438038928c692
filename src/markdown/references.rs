//! Reference links, images and footnotes, and their definitions, found as
//! kramdown finds them: a definition is `[label]: destination` opening a line
//! (`[^name]:` for a footnote); a use is `[text][label]`, `[text][]` or
//! `[text]` alone (which uses `text` as its label), `![alt][label]` for an
//! image, and `[^name]` for a footnote. Labels match without regard to case
//! and with every run of whitespace read as one space. The text is read from
//! the source with code, HTML, Liquid and URLs left out (the `excluded`
//! ranges), where brackets are never Markdown.

use std::ops::Range;

use rustc_hash::FxHashSet as HashSet;

/// How far a link's text is read for its closing `]`: a link's text is never
/// this long, and the bound keeps a post of many unclosed `[` linear.
const TEXT_LIMIT: usize = 4096;

/// What kind of reference a use is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `[text][label]`: the author named a definition.
    Full,
    /// `[text][]`: the text is the label.
    Collapsed,
    /// `[text]` alone: kramdown links it only when a definition matches, and
    /// leaves it as text otherwise, as authors write `[sic]` or `[1]`.
    Shortcut,
    /// `[^name]`: a footnote marker.
    Footnote,
}

/// A use of a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference {
    /// The whole use, `[text][label]`, in the file.
    pub(crate) span: Range<usize>,
    /// The label, normalized as kramdown compares labels.
    pub(crate) label: String,
    /// What kind of use it is.
    pub(crate) kind: Kind,
    /// Whether it is an image, `![alt][label]`.
    pub(crate) image: bool,
    /// Whether it reads as one: the `[` starts a word (not `a[i][j]`) and,
    /// for a full or collapsed one, the label follows the text with nothing
    /// between.
    pub(crate) plain: bool,
}

/// A definition: `[label]: destination` or `[^name]: text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    /// The definition's line, without its line break or leading markers.
    pub(crate) span: Range<usize>,
    /// The label, normalized as kramdown compares labels (a footnote's name
    /// as written).
    pub(crate) label: String,
    /// Whether it defines a footnote.
    pub(crate) footnote: bool,
}

/// A link written the wrong way round, `(text)[https://…]`, which renders
/// as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reversed {
    /// The whole of it, `(text)[url]`.
    pub(crate) span: Range<usize>,
    /// The text between the parentheses.
    pub(crate) text: Range<usize>,
    /// The destination between the brackets.
    pub(crate) url: Range<usize>,
}

/// Every reference, definition and reversed link of a body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct References {
    /// Uses of definitions, in document order.
    pub(crate) uses: Vec<Reference>,
    /// Definitions, in document order.
    pub(crate) definitions: Vec<Definition>,
    /// Links written `(text)[url]`.
    pub(crate) reversed: Vec<Reversed>,
    /// The labels defined, with whether each is a footnote's.
    defined: HashSet<(bool, String)>,
    /// The labels used, with whether each is a footnote's.
    used: HashSet<(bool, String)>,
}

impl References {
    /// Whether a link definition (or, with `footnote`, a footnote definition)
    /// has the normalized `label`.
    pub(crate) fn defines(&self, label: &str, footnote: bool) -> bool {
        self.defined.contains(&(footnote, label.to_string()))
    }

    /// Whether some reference uses the definition `definition`.
    pub(crate) fn is_used(&self, definition: &Definition) -> bool {
        self.used
            .contains(&(definition.footnote, definition.label.clone()))
    }
}

/// A label as kramdown compares it: runs of whitespace as one space, lowercased,
/// backslash escapes read as the character they escape.
pub(crate) fn normalize(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut chars = label.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    if space {
        out.push(' ');
    }
    out
}

/// Finds the references, definitions and reversed links of `text[body_start..]`.
/// `excluded` are file byte ranges, sorted and not overlapping, that are not
/// Markdown text (code, HTML, Liquid, URLs).
pub(crate) fn find(text: &str, body_start: usize, excluded: &[Range<usize>]) -> References {
    let mut scan = Scan {
        text,
        bytes: text.as_bytes(),
        excluded,
        found: References::default(),
        consumed: 0,
        line: (0, 0),
        next_close: None,
    };
    for at in memchr::memchr_iter(b'[', &text.as_bytes()[body_start..]) {
        scan.bracket(body_start + at);
    }
    let found = &mut scan.found;
    found.defined = found
        .definitions
        .iter()
        .map(|d| (d.footnote, d.label.clone()))
        .collect();
    found.used = found
        .uses
        .iter()
        .map(|r| (r.kind == Kind::Footnote, r.label.clone()))
        .collect();
    scan.reversed(body_start);
    scan.found
}

struct Scan<'t> {
    text: &'t str,
    bytes: &'t [u8],
    excluded: &'t [Range<usize>],
    found: References,
    /// Brackets before this offset were read as part of an earlier use.
    consumed: usize,
    /// The last offset asked about in [`Scan::line_start`] and its line's
    /// start: brackets come in order, so each line is searched once.
    line: (usize, usize),
    /// Where the last search for a `]` started and the first it found
    /// (`None`: there is none), so a post of many `[` and no `]` is
    /// searched once.
    next_close: Option<(usize, Option<usize>)>,
}

impl Scan<'_> {
    /// The excluded range holding `at`, if any.
    fn excluded_at(&self, at: usize) -> Option<&Range<usize>> {
        let index = self.excluded.partition_point(|r| r.start <= at);
        index
            .checked_sub(1)
            .map(|i| &self.excluded[i])
            .filter(|r| at < r.end)
    }

    /// Whether the byte at `at` is escaped by a backslash.
    fn escaped(&self, at: usize) -> bool {
        let slashes = self.bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        slashes % 2 == 1
    }

    /// Where the line holding `at` starts.
    fn line_start(&mut self, at: usize) -> usize {
        let (asked, start) = self.line;
        let from = if asked <= at { asked } else { 0 };
        let found = memchr::memrchr(b'\n', &self.bytes[from..at]).map(|n| from + n + 1);
        let start = found.unwrap_or(if asked <= at { start } else { 0 });
        self.line = (at, start);
        start
    }

    /// Where the line holding `at` ends (at its line break).
    fn line_end(&self, at: usize) -> usize {
        memchr::memchr(b'\n', &self.bytes[at..]).map_or(self.bytes.len(), |n| at + n)
    }

    /// The first `]` at or after `at`.
    fn first_close_from(&mut self, at: usize) -> Option<usize> {
        if let Some((from, found)) = self.next_close
            && from <= at
            && found.is_none_or(|found| found >= at)
        {
            return found;
        }
        let found = memchr::memchr(b']', &self.bytes[at..]).map(|i| at + i);
        self.next_close = Some((at, found));
        found
    }

    /// The `]` closing the `[` at `open`, brackets nested, escapes, code and
    /// HTML skipped, within one paragraph (no blank line).
    fn close(&mut self, open: usize) -> Option<usize> {
        if self
            .first_close_from(open)
            .is_none_or(|at| at >= open + TEXT_LIMIT)
        {
            return None;
        }
        let mut depth = 0usize;
        let mut at = open + 1;
        let limit = self.bytes.len().min(open + TEXT_LIMIT);
        // The first excluded range ending after `at`, walked forward with
        // it: one search for the text rather than one per byte.
        let mut next = self.excluded.partition_point(|r| r.end <= at);
        while at < limit {
            while self.excluded.get(next).is_some_and(|r| r.end <= at) {
                next += 1;
            }
            if let Some(range) = self.excluded.get(next)
                && range.start <= at
            {
                at = range.end;
                continue;
            }
            match self.bytes[at] {
                b'\\' => at += 1,
                b'[' => depth += 1,
                b']' if depth == 0 => return Some(at),
                b']' => depth -= 1,
                b'\n'
                    if self.text[at + 1..]
                        .split('\n')
                        .next()
                        .is_some_and(|line| line.trim().is_empty()) =>
                {
                    return None;
                }
                _ => {}
            }
            at += 1;
        }
        None
    }

    /// Reads the `[` at `open`.
    fn bracket(&mut self, open: usize) {
        if open < self.consumed || self.excluded_at(open).is_some() || self.escaped(open) {
            return;
        }
        let line_start = self.line_start(open);
        let prefix = &self.text[line_start..open];
        let opens_line = prefix.bytes().all(|b| matches!(b, b' ' | b'\t' | b'>'))
            && prefix.trim_start_matches('>').len() <= 3 + prefix.matches('>').count();
        let rest = &self.text[open + 1..];
        if let Some(name) = footnote_name(rest) {
            let end = open + 2 + name.len() + 1;
            if opens_line && self.bytes.get(end) == Some(&b':') {
                self.definition(open, name.to_string(), true);
            } else {
                self.found.uses.push(Reference {
                    span: open..end,
                    label: name.to_string(),
                    kind: Kind::Footnote,
                    image: false,
                    plain: true,
                });
            }
            return;
        }
        if opens_line && let Some(label) = definition_label(rest) {
            let after = open + 1 + label.len() + 2;
            let line = &self.text[after..self.line_end(after)];
            if !label.starts_with('^') && !line.trim().is_empty() {
                self.definition(open, normalize(label), false);
                return;
            }
        }
        let Some(close) = self.close(open) else {
            return;
        };
        let image = open > 0 && self.bytes[open - 1] == b'!' && !self.escaped(open - 1);
        let start = if image { open - 1 } else { open };
        let starts_word = start == 0 || {
            let before = self.text[..start].chars().next_back();
            before.is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '_' | ']' | ')')))
        };
        let text = &self.text[open + 1..close];
        let after = &self.text[close + 1..];
        if after.starts_with('(') {
            return;
        }
        // Spaces and at most one line break: a blank line ends the paragraph.
        let gap = after.len() - after.trim_start().len();
        let gap = if after[..gap].matches('\n').count() > 1 {
            0
        } else {
            gap
        };
        let label_bracket = after[gap..]
            .strip_prefix('[')
            .and_then(|inner| Some(&inner[..inner.find(']')?]))
            .filter(|label| !label.starts_with('^'));
        let (kind, label, end) = match label_bracket {
            Some(label) => {
                let end = close + 1 + gap + label.len() + 2;
                self.consumed = end;
                if label.is_empty() {
                    (Kind::Collapsed, normalize(text), end)
                } else {
                    (Kind::Full, normalize(label), end)
                }
            }
            None => (Kind::Shortcut, normalize(text), close + 1),
        };
        self.found.uses.push(Reference {
            span: start..end,
            label,
            kind,
            image,
            plain: starts_word && gap == 0,
        });
    }

    fn definition(&mut self, open: usize, label: String, footnote: bool) {
        let end = self.line_end(open);
        let line = self.text[open..end].trim_end();
        self.found.definitions.push(Definition {
            span: open..open + line.len(),
            label,
            footnote,
        });
        self.consumed = end;
    }

    /// Finds `(text)[url]` written where `[text](url)` was meant.
    fn reversed(&mut self, body_start: usize) {
        let finder = memchr::memmem::find_iter(&self.bytes[body_start..], b")[");
        let places: Vec<usize> = finder.map(|at| body_start + at).collect();
        for close_paren in places {
            let open_bracket = close_paren + 1;
            if self.excluded_at(close_paren).is_some()
                || self.excluded_at(open_bracket).is_some()
                || self.escaped(close_paren)
            {
                continue;
            }
            let mut from = self
                .line_start(close_paren)
                .max(close_paren.saturating_sub(TEXT_LIMIT));
            while !self.text.is_char_boundary(from) {
                from += 1;
            }
            let Some(open_paren) = self.text[from..close_paren].rfind(['(', ')']) else {
                continue;
            };
            let open_paren = from + open_paren;
            let inside = &self.text[open_paren + 1..close_paren];
            if self.bytes[open_paren] != b'('
                || inside.trim().is_empty()
                || inside.contains(['[', ']'])
                || (open_paren > 0 && self.bytes[open_paren - 1] == b']')
                || self.excluded_at(open_paren).is_some()
            {
                continue;
            }
            let Some(close) = self.first_close_from(open_bracket + 1) else {
                break;
            };
            if close - open_bracket > TEXT_LIMIT
                || memchr::memchr(b'\n', &self.bytes[open_bracket..close]).is_some()
            {
                continue;
            }
            let len = close - open_bracket - 1;
            let url = open_bracket + 1..open_bracket + 1 + len;
            let after = self.bytes.get(url.end + 1);
            if !looks_like_url(&self.text[url.clone()])
                || matches!(after, Some(b'(' | b'['))
                || self
                    .found
                    .defines(&normalize(&self.text[url.clone()]), false)
            {
                continue;
            }
            self.found.reversed.push(Reversed {
                span: open_paren..url.end + 1,
                text: open_paren + 1..close_paren,
                url,
            });
        }
    }
}

/// The name of a footnote marker `[^name]` at the start of `rest` (the
/// text after the `[`): a word character, then word characters or `-`.
fn footnote_name(rest: &str) -> Option<&str> {
    let name = rest.strip_prefix('^')?;
    let len = name
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(name.len());
    let first_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    (first_ok && name[len..].starts_with(']')).then_some(&name[..len])
}

/// The label of a definition `[label]:` at the start of `rest` (the text
/// after the `[`): no `]` and no line break in it.
fn definition_label(rest: &str) -> Option<&str> {
    let len = rest.find([']', '\n'])?;
    (len > 0 && rest[len..].starts_with("]:")).then_some(&rest[..len])
}

/// Whether a bracket's text is a destination: a web address, a path of the
/// site or a fragment, with no space in it.
fn looks_like_url(text: &str) -> bool {
    !text.is_empty()
        && !text.contains(char::is_whitespace)
        && (["http://", "https://", "mailto:", "www.", "/", "#"]
            .iter()
            .any(|p| text.starts_with(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> References {
        find(text, 0, &[])
    }

    #[test]
    fn labels_compare_without_case_and_with_whitespace_collapsed() {
        assert_eq!(normalize("The  Docs\nPage"), "the docs page");
        assert_eq!(normalize(r"a\_b"), "a_b");
    }

    #[test]
    fn the_three_kinds_of_reference_are_read() {
        let refs = found("A [full][Label], a [Collapsed][] and a [shortcut].\n");
        let kinds: Vec<_> = refs
            .uses
            .iter()
            .map(|r| (r.kind, r.label.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Full, "label"),
                (Kind::Collapsed, "collapsed"),
                (Kind::Shortcut, "shortcut")
            ]
        );
    }

    #[test]
    fn definitions_open_a_line_and_may_sit_in_a_quote() {
        let refs = found("[One]: /a\n> [two]: https://x.org \"T\"\ntext [three]: no\n");
        let labels: Vec<_> = refs.definitions.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["one", "two"]);
    }

    #[test]
    fn footnotes_have_markers_and_definitions() {
        let refs = found("Text[^note].\n\n[^note]: The note.\n");
        assert_eq!(refs.uses[0].kind, Kind::Footnote);
        assert!(refs.definitions[0].footnote);
        assert!(refs.is_used(&refs.definitions[0]));
    }

    #[test]
    fn excluded_ranges_hide_brackets() {
        let text = "See `[a][b]` here.\n";
        let code = std::slice::from_ref(&(4..12));
        assert!(find(text, 0, code).uses.is_empty());
    }

    #[test]
    fn a_text_reads_past_every_excluded_range_in_it() {
        let text = "`x]` [a `]` b \\`]` c][d] `]`\n";
        let code = [0..4, 8..11, 15..18, 25..28];
        let refs = find(text, 0, &code);
        assert_eq!(refs.uses.len(), 1);
        assert_eq!(refs.uses[0].span, 5..24);
        assert_eq!(refs.uses[0].label, "d");
    }

    #[test]
    fn an_index_is_not_plain() {
        let refs = found("matrix[i][j]\n");
        assert!(!refs.uses[0].plain);
    }

    #[test]
    fn reversed_links_need_a_destination_in_the_brackets() {
        let refs = found("(the docs)[https://example.org] and (a)[b] and (x)[/y](z)\n");
        assert_eq!(refs.reversed.len(), 1);
        assert_eq!(refs.reversed[0].span, 0..31);
    }
}
