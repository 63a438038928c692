//! Finds the front matter block exactly where Jekyll finds it.
//!
//! Jekyll's pattern is `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)` in Ruby's
//! multi-line mode: the file starts with `---`, only whitespace follows on that
//! line, and the block ends at the first later line that is `---` or `...` with
//! nothing but whitespace after it. Ruby's `\s` is ASCII whitespace (so `\r` and
//! CRLF files work), `^` and `$` are line anchors on `\n` only. The YAML Jekyll
//! parses is the first group, opening `---` included (libyaml reads it as a
//! document start marker). Comrak's and other parsers' front matter options
//! differ from this in small ways that matter (the `...` closer, blank lines
//! swallowed after the closer), so this splitter is written to the pattern.

use std::ops::Range;

/// Where the front matter block lies in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Split {
    /// The text does not start with a `---` line.
    Absent,
    /// The text starts with a `---` line, but no closing line follows.
    Unclosed {
        /// The opening `---` (without its line break).
        open: Range<usize>,
    },
    /// A complete block.
    Closed {
        /// The opening `---` (without its line break).
        open: Range<usize>,
        /// The YAML Jekyll parses: from the opening `---` to the start of the closing line.
        yaml: Range<usize>,
        /// The closing `---` or `...` (without trailing whitespace).
        close: Range<usize>,
        /// Where the content after the block starts.
        body_start: usize,
    },
}

/// Splits the front matter off `text`, reading from byte `start` (after a BOM
/// Jekyll strips, or 0 where it does not).
pub(crate) fn split(text: &str, start: usize) -> Split {
    let bytes = text.as_bytes();
    if !bytes[start..].starts_with(b"---") {
        return Split::Absent;
    }
    let open = start..start + 3;
    // `---\s*\n`: greedy whitespace, backtracking to its last line feed.
    let run_end = skip_space(bytes, open.end);
    let Some(open_end) = last_line_feed(bytes, open.end, run_end) else {
        return Split::Absent;
    };
    let mut line = open_end;
    while line < bytes.len() {
        if let Some((close, body_start)) = closing_line(bytes, line) {
            return Split::Closed {
                open,
                yaml: start..line,
                close,
                body_start,
            };
        }
        match bytes[line..].iter().position(|&b| b == b'\n') {
            Some(at) => line += at + 1,
            None => break,
        }
    }
    Split::Unclosed { open }
}

/// Matches `(---|\.\.\.)\s*$\n?` at the start of a line: the delimiter and where
/// the body starts, or `None`.
fn closing_line(bytes: &[u8], line: usize) -> Option<(Range<usize>, usize)> {
    let rest = &bytes[line..];
    if !(rest.starts_with(b"---") || rest.starts_with(b"...")) {
        return None;
    }
    let delimiter = line..line + 3;
    let run_end = skip_space(bytes, delimiter.end);
    if run_end == bytes.len() {
        return Some((delimiter, run_end));
    }
    // `$` needs a line feed next; greedy `\s*` settles on the last one in the run.
    let feed = last_line_feed(bytes, delimiter.end, run_end)?;
    Some((delimiter, feed))
}

/// The end of the run of Ruby `\s` characters starting at `from`.
fn skip_space(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'))
        .count()
}

/// The offset just past the last `\n` in `bytes[from..to]`.
fn last_line_feed(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    bytes[from..to]
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|at| from + at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closed(text: &str) -> (String, usize) {
        match split(text, 0) {
            Split::Closed {
                yaml, body_start, ..
            } => (text[yaml].to_string(), body_start),
            other => panic!("expected a closed block, got {other:?}"),
        }
    }

    #[test]
    fn splits_a_simple_block() {
        let text = "---\ntitle: x\n---\nBody\n";
        assert_eq!(closed(text), ("---\ntitle: x\n".into(), 17));
    }

    #[test]
    fn dots_close_the_block_too() {
        let text = "---\ntitle: x\n...\nBody";
        assert_eq!(closed(text).0, "---\ntitle: x\n");
    }

    #[test]
    fn tolerates_trailing_spaces_and_crlf() {
        let text = "---  \r\ntitle: x\r\n--- \t\r\nBody";
        let (yaml, body) = closed(text);
        assert_eq!(yaml, "---  \r\ntitle: x\r\n");
        assert_eq!(&text[body..], "Body");
    }

    #[test]
    fn blank_lines_after_the_closer_are_swallowed() {
        let text = "---\na: 1\n---\n\n\nBody";
        assert_eq!(&text[closed(text).1..], "Body");
    }

    #[test]
    fn empty_front_matter_is_valid() {
        assert_eq!(closed("---\n---\n"), ("---\n".into(), 8));
        assert_eq!(closed("---\n---"), ("---\n".into(), 7));
    }

    #[test]
    fn first_closing_line_wins() {
        let text = "---\na: 1\n---\nb: 2\n---\n";
        assert_eq!(closed(text).0, "---\na: 1\n");
    }

    #[test]
    fn a_closer_needs_nothing_but_whitespace_after_it() {
        let text = "---\na: 1\n--- not yet\n----\n---\n";
        assert_eq!(closed(text).0, "---\na: 1\n--- not yet\n----\n");
    }

    #[test]
    fn not_front_matter_without_a_bare_opening_line() {
        assert_eq!(split("--- x\na: 1\n---\n", 0), Split::Absent);
        assert_eq!(split("----\n", 0), Split::Absent);
        assert_eq!(split("---", 0), Split::Absent);
        assert_eq!(split("Hello\n---\n", 0), Split::Absent);
        assert_eq!(split("", 0), Split::Absent);
    }

    #[test]
    fn reports_an_unclosed_block() {
        assert_eq!(
            split("---\ntitle: x\nBody\n", 0),
            Split::Unclosed { open: 0..3 }
        );
        assert_eq!(split("---\n", 0), Split::Unclosed { open: 0..3 });
    }

    #[test]
    fn reads_from_the_given_start() {
        let text = "\u{feff}---\na: 1\n---\n";
        assert_eq!(split(text, 0), Split::Absent);
        match split(text, 3) {
            Split::Closed { open, yaml, .. } => {
                assert_eq!(open, 3..6);
                assert_eq!(&text[yaml], "---\na: 1\n");
            }
            other => panic!("{other:?}"),
        }
    }
}
