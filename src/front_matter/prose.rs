//! The prose of a front matter: the `title`, `description`, `excerpt` and
//! `summary` values, which readers see first (in lists, feeds and search
//! results).
//!
//! Each value is read from its YAML source, character by character, into
//! prose segments that map back to the file. Text written as it reads is a
//! piece of the file; what YAML decodes (an escape such as `\"` or `\u00e9`,
//! a `''` in single quotes, a line break folded into a space) stays in the
//! text but stands for its written form, so a span covers that form whole and
//! a fix never edits it. The reading is checked against the YAML parser's
//! value, and a value read any other way is left alone. A value is plain
//! text, but Liquid, URLs, HTML tags and entities and code spans in it are not
//! prose; a blank line ends a segment. Only the title is read as a title
//! (Title Case, see [`Segment::title`](crate::prose::segments::Segment)).
//!
//! A fix in a value is kept only when the YAML, once it is applied, still
//! reads as the value with the fix in it: an apostrophe into a single-quoted
//! value, a `"` into a double-quoted one or a `: ` into a plain one would need
//! escaping, so such a finding is reported without a fix.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::FrontMatter;
use super::resolve::Resolved;
use super::tree::{self, Entry, Style};
use crate::diagnostic::Diagnostic;
use crate::prose::mask;
use crate::prose::segments::Prose;

/// The keys whose values are prose.
pub(crate) const KEYS: [&str; 4] = ["title", "description", "excerpt", "summary"];

/// The prose entries of a front matter: for each of [`KEYS`], the entry
/// Jekyll uses (the last), when its value is a string.
pub(crate) fn entries(front_matter: &FrontMatter) -> impl Iterator<Item = &Entry> {
    let entries = front_matter.entries().unwrap_or_default();
    KEYS.iter()
        .filter_map(|key| tree::lookup(entries, key))
        .filter(|entry| {
            entry
                .value
                .as_scalar()
                .is_some_and(|s| s.resolve() == Resolved::Str)
        })
}

/// The prose values of one document, read for the prose rules.
#[derive(Debug, Default)]
pub(crate) struct Values<'a> {
    /// Their segments, the title's first.
    pub(crate) prose: Prose,
    read: Vec<Read<'a>>,
}

/// One value as read: what it decodes to, and where each part is written.
#[derive(Debug)]
struct Read<'a> {
    entry: &'a Entry,
    decoded: String,
    atoms: Vec<Atom>,
}

/// A stretch of a decoded value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Atom {
    /// Where it is in the decoded value.
    text: Range<usize>,
    /// Where it is written in the file.
    source: Range<usize>,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The file holds exactly its text.
    Verbatim,
    /// The file holds another form of it: an escape, a folded line break.
    Decoded,
    /// Blank lines: the end of a segment.
    Break,
}

/// Reads the prose values of `front_matter` in `text` (the file).
pub(crate) fn read<'a>(text: &str, front_matter: &'a FrontMatter) -> Values<'a> {
    let mut values = Values::default();
    // The title first: its segments are the ones read as a title.
    for entry in entries(front_matter) {
        let Some(scalar) = entry.value.as_scalar() else {
            continue;
        };
        let Some((decoded, atoms)) = decode(text, entry.value.span.clone(), scalar.style) else {
            continue;
        };
        if normalised(&decoded) != normalised(&scalar.value) {
            continue;
        }
        let title = entry.key.key_text() == Some("title");
        add_segments(&mut values.prose, &decoded, &atoms, title);
        values.read.push(Read {
            entry,
            decoded,
            atoms,
        });
    }
    values
}

impl Values<'_> {
    /// Whether no value was read.
    pub(crate) fn is_empty(&self) -> bool {
        self.read.is_empty()
    }

    /// Checks the findings in `found` made on these values: a finding whose
    /// span does not cover whole characters of a value is dropped, and a fix
    /// the YAML would not read back as written is taken off its finding.
    /// `text` is the file and `yaml` where its front matter YAML is.
    pub(crate) fn check_findings(
        &self,
        text: &str,
        yaml: Range<usize>,
        found: &mut Vec<Diagnostic>,
    ) {
        found.retain_mut(|finding| {
            let Some(read) = self.read.iter().find(|r| {
                let value = &r.entry.value.span;
                value.start <= finding.span.start && finding.span.start < value.end
            }) else {
                return true;
            };
            if !read.is_exact(&finding.span) {
                return false;
            }
            if let Some(fix) = &finding.fix
                && !read.reads_back(text, yaml.clone(), &fix.span, &fix.replacement)
            {
                finding.fix = None;
            }
            true
        });
    }
}

impl Read<'_> {
    /// Whether `span` starts and ends between characters of the value: never
    /// inside the written form of a decoded one, nor outside the value.
    fn is_exact(&self, span: &Range<usize>) -> bool {
        let value = &self.entry.value.span;
        let between = |at: usize| {
            self.atoms.iter().all(|atom| {
                atom.kind == Kind::Verbatim || at <= atom.source.start || at >= atom.source.end
            })
        };
        value.start <= span.start
            && span.end <= value.end
            && between(span.start)
            && between(span.end)
    }

    /// Where file offset `at` is in the decoded value, when it lies in text
    /// written as it reads.
    fn decoded_at(&self, at: usize) -> Option<usize> {
        self.atoms
            .iter()
            .find(|a| a.kind == Kind::Verbatim && a.source.start <= at && at <= a.source.end)
            .map(|a| a.text.start + (at - a.source.start))
    }

    /// Whether the front matter (`yaml` in `text`) with `replacement` at
    /// `span` still parses, and reads this value as its decoded text with
    /// the same change.
    fn reads_back(
        &self,
        text: &str,
        yaml: Range<usize>,
        span: &Range<usize>,
        replacement: &str,
    ) -> bool {
        let (Some(start), Some(end)) = (self.decoded_at(span.start), self.decoded_at(span.end))
        else {
            return false;
        };
        if !(yaml.start <= span.start && span.end <= yaml.end) || start > end {
            return false;
        }
        let expected = format!(
            "{}{replacement}{}",
            &self.decoded[..start],
            &self.decoded[end..]
        );
        let edited = format!(
            "{}{replacement}{}",
            &text[yaml.start..span.start],
            &text[span.end..yaml.end]
        );
        let Some(key) = self.entry.key.key_text() else {
            return false;
        };
        let Ok(Some(root)) = tree::parse(&edited, yaml.start) else {
            return false;
        };
        let value = root
            .as_mapping()
            .and_then(|entries| tree::lookup(entries, key))
            .and_then(|entry| entry.value.as_scalar());
        value.is_some_and(|v| {
            v.resolve() == Resolved::Str && normalised(&v.value) == normalised(&expected)
        })
    }
}

/// `text` with each run of whitespace made one space, and none at the ends:
/// how a decoded value is compared with the parser's, which may differ in
/// the line breaks a block or a fold keeps.
fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds the segments of one decoded value to `prose`: its atoms, less what
/// is not prose, each break and each stretch left out ending a segment.
fn add_segments(prose: &mut Prose, decoded: &str, atoms: &[Atom], title: bool) {
    let masked = not_prose(decoded);
    for atom in atoms {
        let overlapping: Vec<&Range<usize>> = masked
            .iter()
            .filter(|m| m.start < atom.text.end && atom.text.start < m.end)
            .collect();
        match atom.kind {
            Kind::Break => prose.end_segment(title),
            Kind::Decoded if !overlapping.is_empty() => prose.end_segment(title),
            Kind::Decoded => {
                prose.push_text(&decoded[atom.text.clone()], atom.source.clone(), false);
            }
            Kind::Verbatim => {
                let mut from = atom.text.start;
                for mask in overlapping {
                    if mask.start > from {
                        push_verbatim(prose, decoded, atom, from..mask.start);
                    }
                    prose.end_segment(title);
                    from = from.max(mask.end);
                }
                if from < atom.text.end {
                    push_verbatim(prose, decoded, atom, from..atom.text.end);
                }
            }
        }
    }
    prose.end_segment(title);
}

/// Adds `part` (decoded offsets) of a verbatim atom.
fn push_verbatim(prose: &mut Prose, decoded: &str, atom: &Atom, part: Range<usize>) {
    let source = atom.source.start + (part.start - atom.text.start);
    prose.push_text(&decoded[part.clone()], source..source + part.len(), true);
}

/// HTML tags, entities and code spans.
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<[A-Za-z/!][^<>]*>|&#?[A-Za-z0-9]+;|`[^`]*`").expect("the markup pattern compiles")
});

/// The ranges of a decoded value that are not prose: Liquid, URLs and the
/// rest `mask` finds in a body, and markup.
fn not_prose(decoded: &str) -> Vec<Range<usize>> {
    let mut ranges = mask::masked_ranges(decoded);
    ranges.extend(MARKUP.find_iter(decoded).map(|m| m.range()));
    ranges.sort_by_key(|r| (r.start, r.end));
    ranges
}

/// Reads a scalar's source, `text[span]`, written in `style`, into its
/// decoded value and atoms; `None` for a form this reader does not know.
fn decode(text: &str, span: Range<usize>, style: Style) -> Option<(String, Vec<Atom>)> {
    let mut reader = Reader {
        text,
        decoded: String::new(),
        atoms: Vec::new(),
    };
    match style {
        Style::Plain => reader.flow(span, None)?,
        Style::SingleQuoted | Style::DoubleQuoted => {
            let quote = if style == Style::SingleQuoted {
                '\''
            } else {
                '"'
            };
            let source = text.get(span.clone())?;
            if span.len() < 2 || !source.starts_with(quote) || !source.ends_with(quote) {
                return None;
            }
            reader.flow(span.start + 1..span.end - 1, Some(quote))?;
        }
        Style::Literal | Style::Folded => reader.block(span, style == Style::Literal)?,
    }
    Some((reader.decoded, reader.atoms))
}

/// Builds a decoded value and its atoms.
struct Reader<'t> {
    text: &'t str,
    decoded: String,
    atoms: Vec<Atom>,
}

impl Reader<'_> {
    fn push(&mut self, decoded: &str, source: Range<usize>, kind: Kind) {
        let start = self.decoded.len();
        self.decoded.push_str(decoded);
        let text = start..self.decoded.len();
        // Neighbouring verbatim text is one atom.
        if let Some(last) = self.atoms.last_mut()
            && kind == Kind::Verbatim
            && last.kind == Kind::Verbatim
            && last.source.end == source.start
        {
            last.text.end = text.end;
            last.source.end = source.end;
            return;
        }
        self.atoms.push(Atom { text, source, kind });
    }

    fn verbatim(&mut self, source: Range<usize>) {
        if !source.is_empty() {
            let text = self.text;
            self.push(&text[source.clone()], source, Kind::Verbatim);
        }
    }

    /// The file's lines in `range`, without their line breaks.
    fn lines(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let mut lines = Vec::new();
        let mut start = range.start;
        let source = &self.text[range.clone()];
        for (at, _) in source.match_indices('\n') {
            let end = range.start + at;
            lines.push(start..end);
            start = end + 1;
        }
        lines.push(start..range.end);
        for line in &mut lines {
            if self.text[line.clone()].ends_with('\r') {
                line.end -= 1;
            }
        }
        lines
    }

    /// Reads a plain (`quote` is `None`) or quoted flow scalar whose text
    /// (inside the quotes) is `range`: lines folded into spaces, blank lines
    /// ending a segment.
    fn flow(&mut self, range: Range<usize>, quote: Option<char>) -> Option<()> {
        let lines = self.lines(range);
        let last = lines.len() - 1;
        let mut previous_end: Option<usize> = None;
        let mut blank = 0;
        for (k, line) in lines.into_iter().enumerate() {
            let written = &self.text[line.clone()];
            let lead = if k > 0 {
                written.len() - written.trim_start_matches([' ', '\t']).len()
            } else {
                0
            };
            let trail = if k < last {
                written.len() - written.trim_end_matches([' ', '\t']).len()
            } else {
                0
            };
            let content = if lead + trail >= written.len() {
                line.start + lead..line.start + lead
            } else {
                line.start + lead..line.end - trail
            };
            if let Some(end) = previous_end {
                if content.is_empty() && k < last {
                    blank += 1;
                    continue;
                }
                if blank == 0 {
                    self.push(" ", end..content.start, Kind::Decoded);
                } else {
                    self.push(&"\n".repeat(blank), end..content.start, Kind::Break);
                }
                blank = 0;
            }
            match quote {
                Some('"') => self.double_quoted(content.clone())?,
                Some(_) => self.single_quoted(content.clone()),
                None => self.verbatim(content.clone()),
            }
            previous_end = Some(content.end);
        }
        Some(())
    }

    /// A line of a single-quoted scalar: `''` is one `'`.
    fn single_quoted(&mut self, range: Range<usize>) {
        let mut from = range.start;
        for (at, _) in self.text[range.clone()].match_indices("''") {
            let at = range.start + at;
            if at < from {
                continue;
            }
            self.verbatim(from..at);
            self.push("'", at..at + 2, Kind::Decoded);
            from = at + 2;
        }
        self.verbatim(from..range.end);
    }

    /// A line of a double-quoted scalar, with its escapes; `None` for an
    /// escape this reader does not know, or an escaped line break (a `\`
    /// that ends the line, which joins it to the next without a space).
    fn double_quoted(&mut self, range: Range<usize>) -> Option<()> {
        let line = &self.text[range.clone()];
        let mut from = 0;
        let mut chars = line.char_indices();
        while let Some((at, c)) = chars.next() {
            if c != '\\' {
                continue;
            }
            let (_, code) = chars.next()?;
            let hex = match code {
                'x' => 2,
                'u' => 4,
                'U' => 8,
                _ => 0,
            };
            let end = at + 1 + code.len_utf8() + hex;
            let decoded = if hex > 0 {
                let digits = line.get(at + 2..end)?;
                for _ in 0..hex {
                    chars.next();
                }
                char::from_u32(u32::from_str_radix(digits, 16).ok()?)?
            } else {
                match code {
                    '0' => '\0',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    't' | '\t' => '\t',
                    'n' => '\n',
                    'v' => '\u{b}',
                    'f' => '\u{c}',
                    'r' => '\r',
                    'e' => '\u{1b}',
                    ' ' => ' ',
                    '"' => '"',
                    '/' => '/',
                    '\\' => '\\',
                    'N' => '\u{85}',
                    '_' => '\u{a0}',
                    'L' => '\u{2028}',
                    'P' => '\u{2029}',
                    _ => return None,
                }
            };
            self.verbatim(range.start + from..range.start + at);
            let mut buffer = [0; 4];
            self.push(
                decoded.encode_utf8(&mut buffer),
                range.start + at..range.start + end,
                Kind::Decoded,
            );
            from = end;
        }
        self.verbatim(range.start + from..range.end);
        Some(())
    }

    /// Reads a block scalar (`|` when `literal`, else `>`) written at `span`,
    /// from its header line: lines joined by line breaks (a literal block, or
    /// lines indented more) or spaces, blank lines ending a segment. An
    /// explicit indentation is not read.
    fn block(&mut self, span: Range<usize>, literal: bool) -> Option<()> {
        let source = &self.text[span.clone()];
        let header_end = source.find('\n')?;
        // A tag or an anchor before the indicator is not read.
        if !source.starts_with(['|', '>']) {
            return None;
        }
        let header = source[1..header_end].trim_end_matches('\r');
        let header = header.split('#').next().unwrap_or("");
        if !header.trim().chars().all(|c| c == '+' || c == '-') {
            return None;
        }
        let lines = self.lines(span.start + header_end + 1..span.end);
        let mut indent = None;
        let mut previous: Option<(usize, bool)> = None;
        let mut blank = 0;
        for line in lines {
            let written = &self.text[line.clone()];
            if written.trim().is_empty() {
                blank += usize::from(previous.is_some());
                continue;
            }
            let spaces = written.len() - written.trim_start_matches(' ').len();
            let indent = *indent.get_or_insert(spaces);
            if spaces < indent || indent == 0 {
                return None;
            }
            let content = line.start + indent..line.end;
            let more = written[indent..].starts_with([' ', '\t']);
            if let Some((end, previous_more)) = previous {
                if blank > 0 {
                    self.push(&"\n".repeat(blank), end..content.start, Kind::Break);
                } else if literal || more || previous_more {
                    self.push("\n", end..content.start, Kind::Decoded);
                } else {
                    self.push(" ", end..content.start, Kind::Decoded);
                }
            }
            blank = 0;
            self.verbatim(content.clone());
            previous = Some((content.end, more));
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The segments of the prose values of `text`, each with the file text
    /// of every word, which must be the word itself unless it holds a
    /// decoded character.
    fn segments(text: &str) -> Vec<(String, Vec<String>)> {
        let front_matter = FrontMatter::read(text, true);
        let values = read(text, &front_matter);
        values
            .prose
            .iter()
            .map(|segment| {
                let words = crate::prose::words::words(segment.text)
                    .into_iter()
                    .map(|w| text[segment.source_span(w)].to_string())
                    .collect();
                (segment.text.to_string(), words)
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        segments(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn plain_values_map_to_their_bytes() {
        let text = "---\ntitle: Teh Café Story\nlayout: post\ndescription: A tale of\n  two  lines\n---\nBody.\n";
        assert_eq!(
            segments(text),
            [
                (
                    "Teh Café Story".into(),
                    vec!["Teh".into(), "Café".into(), "Story".into()]
                ),
                (
                    "A tale of two  lines".into(),
                    vec![
                        "A".into(),
                        "tale".into(),
                        "of".into(),
                        "two".into(),
                        "lines".into()
                    ]
                ),
            ]
        );
    }

    #[test]
    fn single_quotes_map_a_doubled_quote_onto_both() {
        let text = "---\ntitle: 'It''s a recieve story'\n---\n";
        assert_eq!(
            segments(text),
            [(
                "It's a recieve story".into(),
                vec!["It''s".into(), "a".into(), "recieve".into(), "story".into()]
            )]
        );
    }

    #[test]
    fn double_quotes_map_escapes_onto_their_written_form() {
        let text = "---\ntitle: \"Caf\\u00e9 \\\"teh\\\" end\"\n---\n";
        let found = segments(text);
        assert_eq!(found[0].0, "Café \"teh\" end");
        assert_eq!(found[0].1, ["Caf\\u00e9", "teh", "end"]);
        // An escaped line break is not read; the value is left alone.
        assert!(texts("---\ntitle: \"one \\\n  two\"\n---\n").is_empty());
    }

    #[test]
    fn quoted_values_fold_over_lines() {
        let text = "---\ntitle: \"All the tools at your\nfingertips\"\nsummary: 'first\n\n  second'\n---\n";
        assert_eq!(
            segments(text),
            [
                (
                    "All the tools at your fingertips".into(),
                    ["All", "the", "tools", "at", "your", "fingertips"]
                        .map(String::from)
                        .to_vec()
                ),
                ("first".into(), vec!["first".into()]),
                ("second".into(), vec!["second".into()]),
            ]
        );
    }

    #[test]
    fn crlf_lines_and_odd_values_are_read_or_left_alone() {
        let text = "---\r\ntitle: 'one\r\n  two'\r\nsummary: >\r\n  three\r\n  four\r\n---\r\n";
        assert_eq!(
            segments(text),
            [
                ("one two".into(), vec!["one".into(), "two".into()]),
                ("three four".into(), vec!["three".into(), "four".into()]),
            ]
        );
        // Anchors and tags before a value, aliases, an unknown escape.
        for odd in [
            "title: &a Some words\n",
            "title: !!str |\n  Some words\n",
            "title: &é \"Some words\"\n",
            "title: *a\n",
            "title: \"bad \\q escape\"\n",
            "title: |\n\tTabbed\n",
        ] {
            let text = format!("---\n{odd}---\n");
            let found = texts(&text);
            assert!(
                found.is_empty() || found == ["Some words"],
                "{odd:?}: {found:?}"
            );
        }
    }

    #[test]
    fn block_scalars_are_read_line_by_line() {
        let text = "---\ndescription: >\n  Folded over\n  two lines\n\n  and a paragraph\nexcerpt: |-\n  Literal\n    indented\n---\n";
        assert_eq!(
            texts(text),
            [
                "Folded over two lines",
                "and a paragraph",
                "Literal\n  indented"
            ]
        );
        // An explicit indentation is not read.
        assert!(texts("---\nsummary: |2\n   text\n---\n").is_empty());
    }

    #[test]
    fn liquid_urls_and_markup_are_not_prose() {
        let text = "---\ntitle: \"Notes on {{ site.name }} and <em>teh</em> https://x.com/teh &amp; `teh_tool` end\"\n---\n";
        assert_eq!(texts(text), ["Notes on ", " and ", "teh", " end"]);
    }

    #[test]
    fn only_string_values_of_the_four_keys_are_read() {
        let text = "---\ntitle: 2024\nexcerpt: true\nsummary: [a, b]\ndescription: ~\nsubtitle: Words here\n---\n";
        assert!(texts(text).is_empty());
        assert!(texts("---\n- a\n---\n").is_empty());
        assert!(texts("no front matter\n").is_empty());
    }

    #[test]
    fn the_title_comes_first_and_is_marked() {
        let text = "---\ndescription: A description\ntitle: A Title\n---\n";
        let front_matter = FrontMatter::read(text, true);
        let values = read(text, &front_matter);
        let found: Vec<(&str, bool)> = values.prose.iter().map(|s| (s.text, s.title)).collect();
        assert_eq!(found, [("A Title", true), ("A description", false)]);
    }

    /// Applies `replacement` at the first `at` in the value of `key`, and
    /// says whether the fix would be kept.
    fn keeps_fix(text: &str, at: &str, replacement: &str) -> bool {
        let front_matter = FrontMatter::read(text, true);
        let values = read(text, &front_matter);
        let FrontMatter::Closed { open, close, .. } = &front_matter else {
            panic!("closed");
        };
        let start = text[open.end..].find(at).unwrap() + open.end;
        let span = start..start + at.len();
        let mut found = vec![Diagnostic {
            rule: "misspelling".into(),
            severity: crate::diagnostic::Severity::Warning,
            message: "m".into(),
            span: span.clone(),
            labels: Vec::new(),
            help: None,
            fix: Some(crate::diagnostic::Fix {
                span,
                replacement: replacement.into(),
                applicability: crate::diagnostic::Applicability::Safe,
            }),
        }];
        values.check_findings(text, open.end..close.start, &mut found);
        assert_eq!(found.len(), 1);
        found[0].fix.is_some()
    }

    #[test]
    fn a_fix_is_kept_only_where_yaml_reads_it_back() {
        assert!(keeps_fix("---\ntitle: Teh end\n---\n", "Teh", "The"));
        assert!(keeps_fix("---\ntitle: 'Teh end'\n---\n", "Teh", "The"));
        assert!(keeps_fix(
            "---\ntitle: \"Teh \\\"x\\\" end\"\n---\n",
            "Teh",
            "The"
        ));
        // Escaping would be needed: an apostrophe in single quotes, a
        // quotation mark in double quotes, a `: ` or ` #` in a plain value.
        assert!(!keeps_fix(
            "---\ntitle: 'dont stop'\n---\n",
            "dont",
            "don't"
        ));
        assert!(keeps_fix(
            "---\ntitle: \"dont stop\"\n---\n",
            "dont",
            "don't"
        ));
        assert!(!keeps_fix("---\ntitle: \"say hi\"\n---\n", "hi", "\"hi"));
        assert!(!keeps_fix("---\ntitle: Note one\n---\n", "Note", "Note:"));
        assert!(!keeps_fix("---\ntitle: Note one\n---\n", " one", " #one"));
    }

    #[test]
    fn a_span_inside_an_escape_is_dropped() {
        let text = "---\ntitle: \"a\\u00e9b\"\n---\n";
        let front_matter = FrontMatter::read(text, true);
        let values = read(text, &front_matter);
        let escape = text.find("\\u").unwrap();
        let finding = |span: Range<usize>| Diagnostic {
            rule: "misspelling".into(),
            severity: crate::diagnostic::Severity::Warning,
            message: "m".into(),
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        };
        let mut found = vec![
            finding(escape + 1..escape + 6),
            finding(escape - 1..escape + 6),
        ];
        values.check_findings(text, 4..text.len() - 4, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, escape - 1);
    }
}
