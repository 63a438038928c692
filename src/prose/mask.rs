//! Finds the parts of a Markdown body a reader never sees as prose.
//!
//! Before the body is parsed, these ranges are found and blanked out (every
//! byte but line breaks becomes a space, so offsets and line numbers stay the
//! same): Liquid tags and outputs, `{% raw %}`, `{% comment %}` and
//! `{% highlight %}` blocks (only the opening tag of one never closed: Jekyll
//! stops there, and the text after it is still checked), kramdown extensions, attribute lists and header
//! ids, `$$` math, abbreviation definitions, the end-of-block marker, and URLs
//! and e-mail addresses. The parser then never mistakes them for text, and the
//! segment step breaks prose at each range, so words on either side of a tag
//! are never read as neighbours. Code spans, code blocks and HTML are left to
//! the Markdown parser, which knows their boundaries better than a regex.
//!
//! The tokens are found by a hand-written scanner, not a regex. Three vector
//! searches of the memchr crate find the bytes no token can do without (`{`,
//! `$` and `@`; `:`, `*` and `^`; and `www.`), and only the places they find
//! are read by hand. A single regex for all the tokens walked every byte of
//! every post through its DFA: an e-mail address may begin with any letter, so
//! no literal prefix let it skip ahead. The scanner finds exactly what that
//! regex found (the tests keep it to check this): the token that starts first,
//! of two starting at one byte the kind the regex listed first (see [`Kind`]),
//! and each as long as the regex's greedy repetitions made it.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex::Regex;

/// A kind of token. The order is the regex's order of preference: of two
/// tokens starting at the same byte, the one whose kind comes first is taken
/// (a URL over an e-mail address read from the same letter).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// `{%`, `{{`, `{:...}`, `{::...}` or `{#id}`.
    Brace,
    /// `$$`.
    Math,
    /// A line that is an abbreviation definition (`*[HTML]: ...`) or an
    /// end-of-block marker (a `^` alone).
    Line,
    /// A URL, with the head it starts with.
    Url(Url),
    /// An e-mail address.
    Email,
}

/// The head a URL starts with; it decides what the rest may contain.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Url {
    /// `http://`, `https://` or `ftp://`.
    Scheme,
    /// `www.`, a host name label and a dot.
    Www,
    /// `mailto:`.
    Mailto,
}

/// A byte search that finds where tokens may be, for a few kinds of token at
/// once. The part of a token before the byte that finds it never holds another
/// byte the same search looks for, so the tokens one search finds start in the
/// order of the bytes it finds, and the first one is the first of its kinds.
#[derive(Clone, Copy)]
enum Search {
    /// `{` for Liquid and kramdown, `$` for math, `@` for e-mail addresses.
    Symbols,
    /// `:` after a URL's scheme or `mailto`, `*` and `^` at a line start.
    Marks,
    /// `www.`: a substring search for all four bytes costs less than stopping
    /// at every `w` or `.`, both common in prose.
    Www,
}

/// Every search; each one's next token is kept apart.
const SEARCHES: [Search; 3] = [Search::Symbols, Search::Marks, Search::Www];

/// The head of a URL without a scheme.
static WWW: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("www."));

/// The ends of a Liquid tag and a Liquid output.
static TAG_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("%}"));
static OUTPUT_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("}}"));

impl Url {
    /// Where the part after the head of this kind of URL at `start` begins
    /// (after `https://`, `www.example.` or `mailto:`), if the head is there.
    fn tail(self, bytes: &[u8], start: usize) -> Option<usize> {
        let rest = &bytes[start..];
        match self {
            Url::Scheme => ["https://", "http://", "ftp://"]
                .into_iter()
                .find(|head| rest.starts_with(head.as_bytes()))
                .map(|head| start + head.len()),
            Url::Www => {
                let label = rest.starts_with(b"www.").then_some(start + 4)?;
                let dot = label_end(bytes, label)?;
                (bytes.get(dot) == Some(&b'.')).then_some(dot + 1)
            }
            Url::Mailto => rest.starts_with(b"mailto:").then_some(start + 7),
        }
    }

    /// Whether `c` ends this kind of URL: whitespace (Unicode's, as the
    /// regex's `\s`), `<`, `>`, `)` or `]`, and, except in a `mailto:`, a
    /// quote or a backtick.
    fn ends_at(self, c: char) -> bool {
        c.is_whitespace()
            || match self {
                Url::Mailto => matches!(c, '<' | '>' | ')' | ']'),
                Url::Scheme | Url::Www => matches!(c, '<' | '>' | '"' | '\'' | '`' | ')' | ']'),
            }
    }

    /// Whether this kind of URL starts at `start`: its head, then a character
    /// that does not end it. The rest is read only if the URL is taken, so
    /// URLs inside a longer token are not each read to their end.
    fn starts_at(self, body: &str, start: usize) -> bool {
        self.tail(body.as_bytes(), start).is_some_and(|tail| {
            body[tail..]
                .chars()
                .next()
                .is_some_and(|c| !self.ends_at(c))
        })
    }

    /// Where this kind of URL at `start` ends: at the first character that
    /// ends it, or at the end of the body.
    fn end(self, body: &str, start: usize) -> Option<usize> {
        let tail = self.tail(body.as_bytes(), start)?;
        let len = body[tail..]
            .find(|c| self.ends_at(c))
            .unwrap_or(body.len() - tail);
        (len > 0).then_some(tail + len)
    }
}

/// The URL whose head ends with the `:` at `colon` (`https:`, `http:`,
/// `ftp:` or `mailto:`), if one starts there and not before `at`.
fn url_at_colon(body: &str, at: usize, colon: usize) -> Option<(usize, Kind)> {
    let bytes = body.as_bytes();
    let heads = [
        ("https", Url::Scheme),
        ("http", Url::Scheme),
        ("ftp", Url::Scheme),
        ("mailto", Url::Mailto),
    ];
    let (start, url) = heads.into_iter().find_map(|(name, url)| {
        let start = colon.checked_sub(name.len())?;
        (&bytes[start..colon] == name.as_bytes()).then_some((start, url))
    })?;
    (start >= at && url.starts_at(body, start)).then_some((start, Kind::Url(url)))
}

/// Whether `b` may be in the part of an e-mail address before its `@`.
fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

/// The end of the run of ASCII letters, digits and `-` at `from` (a label of a
/// host name), if the run is not empty.
fn label_end(bytes: &[u8], from: usize) -> Option<usize> {
    let len = bytes[from..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    (len > 0).then_some(from + len)
}

/// The end of the domain at `from`: a label, then as many `.label` as follow,
/// at least one.
fn domain_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut end = label_end(bytes, from)?;
    let mut labels = 1;
    while bytes.get(end) == Some(&b'.')
        && let Some(next) = label_end(bytes, end + 1)
    {
        end = next;
        labels += 1;
    }
    (labels > 1).then_some(end)
}

/// Where the e-mail address with its `@` at `at_sign` starts, if it has one,
/// in a search from `at`: the part before the `@` reaches back as far as its
/// characters go, but not before `at`.
fn email_start(bytes: &[u8], at: usize, at_sign: usize) -> Option<usize> {
    let local = bytes[at..at_sign]
        .iter()
        .rev()
        .take_while(|b| is_local(**b))
        .count();
    (local > 0 && domain_end(bytes, at_sign + 1).is_some()).then_some(at_sign - local)
}

/// Where the e-mail address starting at `start` ends, if one starts there.
fn email_end(bytes: &[u8], start: usize) -> Option<usize> {
    let local = bytes[start..].iter().take_while(|b| is_local(**b)).count();
    let at_sign = start + local;
    if local == 0 || bytes.get(at_sign) != Some(&b'@') {
        return None;
    }
    domain_end(bytes, at_sign + 1)
}

/// Where the header id whose name starts at `from` (after `{#`) ends, its `}`
/// included: an ASCII letter, then letters, digits, `_` and `-`.
fn header_id_end(bytes: &[u8], from: usize) -> Option<usize> {
    if !bytes.get(from)?.is_ascii_alphabetic() {
        return None;
    }
    let len = bytes[from..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    (bytes.get(from + len) == Some(&b'}')).then_some(from + len + 1)
}

/// Where the abbreviation definition or end-of-block marker at `start` ends
/// (at its line's end), if one is there: each must begin its line, a
/// definition as `*[`, then a `]:` before any other `]`; a marker is a `^`
/// with nothing after it but spaces and tabs.
fn line_end(bytes: &[u8], start: usize) -> Option<usize> {
    let rest = &bytes[start..];
    let starts_line = start == 0 || bytes[start - 1] == b'\n';
    if !starts_line || !(rest.starts_with(b"*[") || rest.starts_with(b"^")) {
        return None;
    }
    let end = memchr::memchr(b'\n', rest).map_or(bytes.len(), |i| start + i);
    let is_token = match &bytes[start..end] {
        [b'*', b'[', name @ ..] => {
            memchr::memchr(b']', name).is_some_and(|close| name.get(close + 1) == Some(&b':'))
        }
        [b'^', blank @ ..] => blank.iter().all(|b| matches!(b, b' ' | b'\t')),
        _ => false,
    };
    is_token.then_some(end)
}

/// The token the `:`, `*` or `^` at `i` belongs to, in a search from `at`.
fn mark_token(body: &str, at: usize, i: usize) -> Option<(usize, Kind)> {
    if body.as_bytes()[i] == b':' {
        url_at_colon(body, at, i)
    } else {
        line_end(body.as_bytes(), i).map(|_| (i, Kind::Line))
    }
}

/// What a search found, kept for the next position asked about.
#[derive(Clone, Copy)]
struct Found {
    /// Where the search began.
    from: usize,
    /// The start and kind of the first token at or after `from`, if any.
    token: Option<(usize, Kind)>,
}

/// The tokens of one body, found left to right. Each search's next token is
/// kept until the scan passes it, so each search reads the body about once,
/// however many tokens it has.
struct Tokens<'a> {
    /// The body searched.
    body: &'a str,
    /// What each search in [`SEARCHES`] found, once it has run.
    next: [Option<Found>; SEARCHES.len()],
    /// A stretch of the body with no `}` or line break in it, up to the first
    /// one after it (or the body's end). A line with many `{:` and no `}` is
    /// then read once, not once for each.
    unbraced: Option<Range<usize>>,
}

impl<'a> Tokens<'a> {
    /// A scan of `body` that has found nothing yet.
    fn new(body: &'a str) -> Self {
        Tokens {
            body,
            next: [None; SEARCHES.len()],
            unbraced: None,
        }
    }

    /// The first token at or after `at`: the one starting first, and of two
    /// starting at one byte the one of the kind that comes first.
    fn find_at(&mut self, at: usize) -> Option<Range<usize>> {
        let (start, kind) = (0..SEARCHES.len())
            .filter_map(|slot| self.next_token(slot, at))
            .min()?;
        Some(start..self.end(kind, start)?)
    }

    /// The first token the search at `slot` of [`SEARCHES`] finds at or after
    /// `at`, searched for again only if the one kept starts before `at` (or
    /// was looked for from after it).
    fn next_token(&mut self, slot: usize, at: usize) -> Option<(usize, Kind)> {
        if let Some(found) = self.next[slot]
            && found.from <= at
            && found.token.is_none_or(|(start, _)| start >= at)
        {
            return found.token;
        }
        let token = self.search(SEARCHES[slot], at);
        self.next[slot] = Some(Found { from: at, token });
        token
    }

    /// The first token `search` finds at or after `at`: where it starts and
    /// its kind. Each byte found is checked by hand.
    fn search(&mut self, search: Search, at: usize) -> Option<(usize, Kind)> {
        let body = self.body;
        let rest = &body.as_bytes()[at..];
        match search {
            Search::Symbols => memchr::memchr3_iter(b'{', b'$', b'@', rest)
                .find_map(|i| self.symbol_token(at, at + i)),
            Search::Marks => memchr::memchr3_iter(b':', b'*', b'^', rest)
                .find_map(|i| mark_token(body, at, at + i)),
            Search::Www => WWW
                .find_iter(rest)
                .map(|i| at + i)
                .find(|&start| Url::Www.starts_at(body, start))
                .map(|start| (start, Kind::Url(Url::Www))),
        }
    }

    /// The token the `{`, `$` or `@` at `i` belongs to, in a search from `at`.
    fn symbol_token(&mut self, at: usize, i: usize) -> Option<(usize, Kind)> {
        let bytes = self.body.as_bytes();
        match bytes[i] {
            b'{' => self.brace_end(i).map(|_| (i, Kind::Brace)),
            b'$' => (bytes.get(i + 1) == Some(&b'$')).then_some((i, Kind::Math)),
            _ => email_start(bytes, at, i).map(|start| (start, Kind::Email)),
        }
    }

    /// Where the token of `kind` starting at `start` ends, if one starts there.
    fn end(&mut self, kind: Kind, start: usize) -> Option<usize> {
        let bytes = self.body.as_bytes();
        match kind {
            Kind::Brace => self.brace_end(start),
            Kind::Math => Some(start + 2),
            Kind::Line => line_end(bytes, start),
            Kind::Url(url) => url.end(self.body, start),
            Kind::Email => email_end(bytes, start),
        }
    }

    /// Where the token opened by the `{` at `start` ends, if it opens one:
    /// `{%` and `{{` are two bytes (their closers are found later), `{:` and
    /// `{::` run to the first `}` if no line break comes first, and `{#`
    /// needs an id and a `}`.
    fn brace_end(&mut self, start: usize) -> Option<usize> {
        let bytes = self.body.as_bytes();
        match bytes.get(start + 1)? {
            b'%' | b'{' => Some(start + 2),
            b':' => {
                let stop = self.brace_or_break(start + 2);
                (bytes.get(stop) == Some(&b'}')).then_some(stop + 1)
            }
            b'#' => header_id_end(bytes, start + 2),
            _ => None,
        }
    }

    /// The first `}` or line break at or after `from`, or the body's end.
    fn brace_or_break(&mut self, from: usize) -> usize {
        if let Some(known) = &self.unbraced
            && known.start <= from
            && from <= known.end
        {
            return known.end;
        }
        let bytes = self.body.as_bytes();
        let stop = memchr::memchr2(b'}', b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i);
        self.unbraced = Some(from..stop);
        stop
    }
}

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
pub(crate) fn masked_ranges(body: &str) -> Vec<Range<usize>> {
    let mut tokens = Tokens::new(body);
    mask(body, |at| tokens.find_at(at))
}

/// The byte ranges of `body` that are not prose, with `next_token(at)` giving
/// the first token at or after `at`. The tests also run it with the regex the
/// scanner replaced, to check that both give the same ranges.
fn mask(
    body: &str,
    mut next_token: impl FnMut(usize) -> Option<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut at = 0;
    let mut closers = [Closer::new(&TAG_END), Closer::new(&OUTPUT_END)];
    while let Some(found) = next_token(at) {
        let mut end = found.end;
        let liquid_closer = match &body[found.clone()] {
            "{%" => Some(&mut closers[0]),
            "{{" => Some(&mut closers[1]),
            _ => None,
        };
        if let Some(closer) = liquid_closer {
            // An opener with no closer is not a tag: go on after its brace.
            let Some(closer_end) = closer.end_after(body, end) else {
                at = found.start + 1;
                continue;
            };
            end = closer_end;
        }
        let token = &body[found.start..end];
        if let Some(name) = liquid_block(token) {
            let closer = LIQUID_END
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, re)| re);
            // A block never closed stops Jekyll's build (`unclosed-liquid-block`
            // says so); hiding the rest of the body would hide every slip
            // after it, so only the opening tag is masked.
            end = closer
                .and_then(|re| re.find_at(body, end))
                .map_or(end, |m| m.end());
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
            end = math_end(body, found.start, end);
        }
        ranges.push(found.start..end);
        at = end.max(found.start + 1);
        if at > body.len() {
            break;
        }
        while !body.is_char_boundary(at) {
            at += 1;
        }
    }
    ranges
}

/// Where the `$$` math opened at `start` (its `$$` ending at `after`) ends,
/// as kramdown reads math: a block opened at a line start runs to the next
/// `$$`; inline math ends within its paragraph, so an opener whose next `$$`
/// lies past a blank line (a `$$` in a code span or a shell prompt) is only
/// itself.
fn math_end(body: &str, start: usize, after: usize) -> usize {
    let Some(close) = body[after..].find("$$").map(|i| after + i) else {
        return after;
    };
    let line_start = body[..start].rfind('\n').map_or(0, |n| n + 1);
    let block = body[line_start..start].bytes().all(|b| b == b' ') && start - line_start <= 3;
    let crosses_paragraph = body[after..close]
        .split('\n')
        .skip(1)
        .any(|line| line.trim().is_empty());
    if block || !crosses_paragraph {
        close + 2
    } else {
        after
    }
}

/// The search for a Liquid closer (`%}`, `}}`), remembering its last answer:
/// the first closer at or after one place is also the first after any later
/// place up to it, and none after one place means none after any later one.
/// So a body of ten thousand unclosed `{%` is read once, not once per `{%`.
struct Closer {
    closer: &'static Finder<'static>,
    /// Where the last search started, and the start of the closer it found.
    last: Option<(usize, Option<usize>)>,
}

impl Closer {
    fn new(closer: &'static Finder<'static>) -> Self {
        Self { closer, last: None }
    }

    /// The end of the first closer at or after `from` in `body`.
    fn end_after(&mut self, body: &str, from: usize) -> Option<usize> {
        let found = match self.last {
            Some((searched, found)) if searched <= from && found.is_none_or(|at| from <= at) => {
                found
            }
            _ => {
                let found = self.closer.find(&body.as_bytes()[from..]).map(|i| from + i);
                self.last = Some((from, found));
                found
            }
        };
        found.map(|at| at + self.closer.needle().len())
    }
}

/// The masked ranges of `body`, and `body` with them blanked out: what
/// comrak parses. Borrowed when nothing is masked, as in most posts.
pub(crate) fn masked(body: &str) -> (Vec<Range<usize>>, Cow<'_, str>) {
    let ranges = masked_ranges(body);
    let text = if ranges.is_empty() {
        Cow::Borrowed(body)
    } else {
        Cow::Owned(blank_out(body, &ranges))
    };
    (ranges, text)
}

/// `body` with every masked byte but line breaks turned into a space.
/// `ranges` are sorted, as [`masked_ranges`] gives them.
pub(crate) fn blank_out(body: &str, ranges: &[Range<usize>]) -> String {
    // Ranges hold whole characters; one that splits a character would leave
    // no text that is UTF-8, so nothing of the body is read then.
    let whole = |at: usize| body.is_char_boundary(at);
    if !ranges.iter().all(|r| whole(r.start) && whole(r.end)) {
        return String::new();
    }
    // Built from the text between the ranges, so it is not checked for
    // UTF-8 again.
    let mut out = String::with_capacity(body.len());
    let mut from = 0;
    for range in ranges {
        // Sorted and disjoint, `start..end` is the range itself; `max` keeps
        // an overlap or an empty range from going back over written text.
        let start = range.start.max(from);
        let end = range.end.max(start);
        out.push_str(&body[from..start]);
        if is_definition_destination(body, start..end) {
            // `[label]: <   >`: a destination kept, so the parser still reads
            // the line as a definition (and drops it) rather than as text.
            out.push('<');
            push_blank(&mut out, &body.as_bytes()[start + 1..end - 1]);
            out.push('>');
        } else {
            push_blank(&mut out, &body.as_bytes()[start..end]);
        }
        from = end;
    }
    out.push_str(&body[from..]);
    debug_assert_eq!(out.len(), body.len());
    out
}

/// Whether `range` (a masked URL, say) is the whole destination of a link
/// definition, `[label]: https://…`: blanked, the line would have no
/// destination and be read as a paragraph of its label and what follows.
/// A range that is only the start of one (`{{ site.url }}/about/`) leaves a
/// destination when blanked.
fn is_definition_destination(body: &str, range: Range<usize>) -> bool {
    let line_start = body[..range.start].rfind('\n').map_or(0, |at| at + 1);
    let before = body[line_start..range.start].trim_end_matches([' ', '\t']);
    let opening = before.trim_start_matches(' ');
    let after = body[range.end..].chars().next();
    range.len() >= 2
        && after.is_none_or(char::is_whitespace)
        && !body[range.clone()].contains('\n')
        && before.len() - opening.len() <= 3
        && opening.starts_with('[')
        && opening.ends_with("]:")
        && !opening[1..opening.len() - 2].contains([']', '['])
}

/// Appends as many spaces as `bytes` has, but its line breaks as they are.
fn push_blank(out: &mut String, bytes: &[u8]) {
    const SPACES: &str = "                                                                ";
    let spaces = |mut n: usize, out: &mut String| {
        while n > 0 {
            let run = n.min(SPACES.len());
            out.push_str(&SPACES[..run]);
            n -= run;
        }
    };
    let mut from = 0;
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        spaces(at - from, out);
        out.push(char::from(bytes[at]));
        from = at + 1;
    }
    spaces(bytes.len() - from, out);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The masked parts of `body`, after checking that the regex the scanner
    /// replaced masks the same.
    fn masked(body: &str) -> Vec<&str> {
        let ranges = masked_ranges(body);
        assert_eq!(ranges, mask(body, |at| regex_find_at(body, at)), "{body:?}");
        ranges.into_iter().map(|r| &body[r]).collect()
    }

    /// The single regex the scanner replaced, kept as the reference the
    /// scanner must agree with: openers and single tokens in one alternation,
    /// leftmost-first, the earlier alternative winning at the same start.
    static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"\{%",
            r"|\{\{",
            r"|\{::[^}\n]*\}",
            r"|\{:[^}\n]*\}",
            r"|\{#[A-Za-z][A-Za-z0-9_-]*\}",
            r"|\$\$",
            r"|(?m:^\*\[[^\]\n]*\]:[^\n]*)",
            r"|(?m:^\^[ \t]*$)",
            r#"|(?:https?|ftp)://[^\s<>"'`)\]]+"#,
            r#"|www\.[A-Za-z0-9-]+\.[^\s<>"'`)\]]+"#,
            r"|mailto:[^\s<>)\]]+",
            r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
        ))
        .expect("the reference pattern compiles")
    });

    /// The first token at or after `at` as the regex finds it.
    fn regex_find_at(body: &str, at: usize) -> Option<Range<usize>> {
        TOKENS.find_at(body, at).map(|m| m.range())
    }

    /// The first token at or after `at` as a fresh scanner finds it, after
    /// checking that the regex finds the same.
    fn scan_at(body: &str, at: usize) -> Option<&str> {
        let found = Tokens::new(body).find_at(at);
        assert_eq!(found, regex_find_at(body, at), "{body:?} from {at}");
        found.map(|r| &body[r])
    }

    /// The positions a search may start from: every character boundary.
    fn boundaries(body: &str) -> Vec<usize> {
        (0..=body.len())
            .filter(|&at| body.is_char_boundary(at))
            .collect()
    }

    /// The characters generated bodies are made of: those tokens start, end
    /// or stop at, letters and digits, and whitespace, non-ASCII ones too.
    const CHARS: &[&str] = &[
        "{", "}", "%", "$", "@", ".", ":", "/", "w", "*", "^", "[", "]", "(", ")", "<", ">", "\"",
        "'", "`", "#", "-", "_", "+", "\n", "\r", " ", "\t", "\u{b}", "a", "Z", "m", "h", "7", "é",
        "日", "\u{a0}", "\u{85}", "\u{2028}", "\u{3000}",
    ];

    /// Whole and partial tokens mixed into generated bodies, so that tokens,
    /// near misses and tokens side by side are common.
    const FRAGMENTS: &[&str] = &[
        "{%",
        "%}",
        "{{",
        "}}",
        "{:",
        "{::",
        "{#",
        "{#a}",
        "$$",
        "://",
        "http",
        "https://",
        "ftp://",
        "www.",
        "www.a.b",
        "mailto:",
        "\n*[",
        "*[a]:",
        "]:",
        "\n^",
        "raw",
        "endraw",
        "comment",
        "{:/comment}",
        "{:/}",
        "a.b",
        "x@y.z",
        "a.b@c.d/e",
    ];

    /// A body of up to 48 characters and fragments.
    fn body() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => prop::sample::select(CHARS),
            2 => prop::sample::select(FRAGMENTS),
        ];
        prop::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

        #[test]
        fn the_scanner_finds_the_token_the_regex_finds(body in body()) {
            let boundaries = boundaries(&body);
            let mut kept = Tokens::new(&body);
            for &at in boundaries.iter().chain(boundaries.iter().rev()) {
                let expected = regex_find_at(&body, at);
                prop_assert_eq!(Tokens::new(&body).find_at(at), expected.clone(), "{:?} from {}", body, at);
                prop_assert_eq!(kept.find_at(at), expected, "{:?} from {}, scanner reused", body, at);
            }
        }

        #[test]
        fn masked_ranges_are_those_the_regex_gave(body in body()) {
            prop_assert_eq!(
                masked_ranges(&body),
                mask(&body, |at| regex_find_at(&body, at)),
                "{:?}", body
            );
        }
    }

    #[test]
    fn url_ends_are_unicode_whitespace_as_in_the_regex() {
        let Ok(hir) = regex_syntax::parse(r"\s") else {
            panic!("\\s parses");
        };
        let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) =
            hir.kind()
        else {
            panic!("\\s is a Unicode class");
        };
        let regex_space: Vec<char> = class
            .iter()
            .flat_map(|range| range.start()..=range.end())
            .collect();
        let rust_space: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(rust_space, regex_space);
    }

    #[test]
    fn an_address_starts_as_far_back_as_its_characters_go() {
        assert_eq!(masked("café.bar@x.io y"), [".bar@x.io"]);
        assert_eq!(
            masked("{y}a.b-c%d+e_f@host.co.uk."),
            ["a.b-c%d+e_f@host.co.uk"]
        );
        assert_eq!(masked("a@b.c_x@d.e"), ["a@b.c", "_x@d.e"]);
        assert_eq!(scan_at("ab.cd@e.f", 3), Some("cd@e.f"));
        assert_eq!(masked("a@b..c d@e x@y"), Vec::<&str>::new());
    }

    #[test]
    fn urls_stop_at_whitespace_brackets_and_quotes() {
        assert_eq!(masked("(https://a.b/c) x"), ["https://a.b/c"]);
        assert_eq!(masked("[x](http://a.b/c]d)"), ["http://a.b/c"]);
        assert_eq!(masked("ftp://a.b\u{a0}x"), ["ftp://a.b"]);
        assert_eq!(masked("https://a.b\u{3000}x"), ["https://a.b"]);
        assert_eq!(masked("https://a.b\u{2028}x"), ["https://a.b"]);
        assert_eq!(masked("<mailto:\"a\"@b>"), ["mailto:\"a\"@b"]);
        assert_eq!(masked("xhttps://a é"), ["https://a"]);
        assert_eq!(masked("http:// a mailto: b"), Vec::<&str>::new());
    }

    #[test]
    fn www_needs_a_label_and_a_dot_and_may_start_inside_a_word() {
        assert_eq!(masked("awww.ex.org"), ["www.ex.org"]);
        assert_eq!(masked("wwww.ex.org"), ["www.ex.org"]);
        assert_eq!(masked("www.ex or www..ex.org"), Vec::<&str>::new());
    }

    #[test]
    fn header_ids_are_an_ascii_letter_then_word_characters() {
        assert_eq!(masked("{#a-b_9}"), ["{#a-b_9}"]);
        for body in ["{#9a}", "{#a b}", "{#}", "{#aé}", "{#a"] {
            assert_eq!(masked(body), Vec::<&str>::new(), "{body:?}");
        }
    }

    #[test]
    fn attribute_lists_end_at_the_first_brace_on_their_line() {
        assert_eq!(masked("{: a\n}"), Vec::<&str>::new());
        assert_eq!(masked("{:{:{: é}}"), ["{:{:{: é}"]);
    }

    #[test]
    fn abbreviations_and_end_of_block_markers_must_start_a_line() {
        assert_eq!(masked("x\n*[A]: y\nz"), ["*[A]: y"]);
        assert_eq!(masked("*[A]:"), ["*[A]:"]);
        for body in [" *[A]: x", "x *[A]: y", "*[A] : x", "*[A]]: x", "*[A\n]: x"] {
            assert_eq!(masked(body), Vec::<&str>::new(), "{body:?}");
        }
        assert_eq!(masked("^ \t\nx"), ["^ \t"]);
        assert_eq!(masked("a\n^"), ["^"]);
        assert_eq!(masked("^\r\nx ^\n ^\n^ x"), Vec::<&str>::new());
    }

    #[test]
    fn an_unclosed_liquid_opener_lets_what_follows_its_brace_be_found() {
        assert_eq!(masked("{% if"), Vec::<&str>::new());
        assert_eq!(masked("{%x@a.io"), ["%x@a.io"]);
        assert_eq!(masked("{{% x }}"), ["{{% x }}"]);
    }

    #[test]
    fn the_token_starting_first_wins_and_a_url_wins_a_tie() {
        assert_eq!(masked("a.www.b.c@d.e/f"), ["a.www.b.c@d.e"]);
        assert_eq!(masked("www.b.c@d.e/f"), ["www.b.c@d.e/f"]);
        assert_eq!(masked("x.http://a@b.io/c"), ["http://a@b.io/c"]);
        assert_eq!(masked("me.mailto:a@b.io"), ["mailto:a@b.io"]);
        assert_eq!(masked("{{ a@b.io }}"), ["{{ a@b.io }}"]);
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
        assert_eq!(masked("{% comment %} the the"), ["{% comment %}"]);
        assert_eq!(masked("Use `{% raw %}` then the the"), ["{% raw %}"]);
    }

    #[test]
    fn many_openers_without_closers_are_read_in_one_pass() {
        // Quadratic before: each `{%` searched the rest of the body for `%}`.
        let body = format!("{} text {}", "{%".repeat(200_000), "{{ x".repeat(100_000));
        assert_eq!(masked(&body), Vec::<&str>::new());
        let body = format!("{}%}} and {{{{ y }}}}", "{% a ".repeat(1000));
        assert_eq!(masked(&body).len(), 2);
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
    fn a_definition_keeps_a_destination_once_blanked() {
        let body = "[minutes]: https://a.example/m.html\n  [b]:http://x.example\nSee https://c.example/ now.\n[c] [d]: https://d.example\n[e]: {{ site.url }}/x\n";
        let (_, text) = super::masked(body);
        assert_eq!(
            text,
            "[minutes]: <                      >\n  [b]:<              >\nSee                    now.\n[c] [d]:                  \n[e]:               /x\n"
        );
    }

    #[test]
    fn masks_math_urls_and_addresses() {
        assert_eq!(masked("so $$ a the b $$ ok, $5 and $6"), ["$$ a the b $$"]);
        // Inline math ends within its paragraph; block math may hold blank lines.
        assert_eq!(masked("a `$$x` b\n\nc $$ d"), ["$$", "$$"]);
        assert_eq!(masked("$$\na\n\nb\n$$\n"), ["$$\na\n\nb\n$$"]);
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

    #[test]
    fn blanking_survives_overlaps_and_refuses_split_characters() {
        let body = "ab\ncdé f";
        assert_eq!(blank_out(body, &[1..4, 3..5, 5..5]), "a \n  é f");
        assert_eq!(blank_out(body, &[0..2, 1..3]), "  \ncdé f");
        assert_eq!(blank_out("abc", &[1..1, 2..3]), "ab ");
        // `é` is bytes 5 and 6: a range ending between them splits it.
        assert_eq!(blank_out(body, &[4..6, 7..8]), "");
    }
}
