//! Byte offsets to 1-based line and column numbers, and back.
//!
//! Every position prepress shows a person or an editor goes through here, so the
//! rules are fixed in one place: lines end at `\n`, `\r\n` or a lone `\r` (as
//! editors count them); columns count Unicode scalar values, so `é` and `🙂` are
//! one column each; a leading byte order mark is not a column. Offsets stay byte
//! offsets into the original text, BOM included, because fixes edit those bytes.

use std::ops::Range;

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column in characters, starting at 1.
    pub column: usize,
}

/// The start offset of every line of one text, built once per document.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

/// Length in bytes of the UTF-8 byte order mark.
const BOM_LEN: usize = 3;

impl LineIndex {
    /// Indexes `text`; the first line starts after a byte order mark if there is one.
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let first = if text.starts_with('\u{feff}') {
            BOM_LEN
        } else {
            0
        };
        let mut starts = vec![first];
        let mut i = first;
        while let Some(found) = memchr_break(&bytes[i..]) {
            let at = i + found;
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            i = next;
        }
        Self { starts }
    }

    /// The line starts of `text[offset..]` as if it were a text of its own
    /// (its first line starts at 0, and a byte order mark before `offset`
    /// is not a line break): how the Markdown body, which starts at a line
    /// of the file, is read without looking for its line breaks again.
    pub(crate) fn starts_from(&self, offset: usize) -> Vec<usize> {
        // The first start is the text's own (after a byte order mark, if
        // any); every later one follows a line break.
        let later = self.starts.partition_point(|&s| s <= offset).max(1);
        let mut starts = Vec::with_capacity(self.starts.len() - later + 1);
        starts.push(0);
        starts.extend(self.starts[later..].iter().map(|s| s - offset));
        starts
    }

    /// Number of lines (a text without a final line break still has its last line).
    pub(crate) fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The position of byte `offset` in `text`, which must be the indexed text.
    /// Offsets inside the BOM, inside a character or past the end are clamped.
    pub(crate) fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts[line - 1];
        let column = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        Position { line, column }
    }

    /// The bytes of line `line` (1-based) of `text`, which must be the indexed
    /// text: from its first character to the start of the next line (so its
    /// line break is included), or to the end of the text.
    pub(crate) fn line_span(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        Some(start..end)
    }

    /// The byte offset of `position` in `text`, or `None` when the line does not
    /// exist or the column lies past the end of that line (the line break itself
    /// is the last valid column).
    #[cfg(test)]
    pub(crate) fn offset(&self, text: &str, position: Position) -> Option<usize> {
        let Range { start, end } = self.line_span(text, position.line)?;
        let line = &text[start..end];
        let wanted = position.column.checked_sub(1)?;
        let mut chars = line.char_indices().map(|(i, _)| i).chain([line.len()]);
        chars.nth(wanted).map(|i| start + i)
    }
}

/// Finds the first `\n` or `\r` in `bytes`.
fn memchr_break(bytes: &[u8]) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', bytes)
}

/// The largest character boundary at or before `offset`.
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pos(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn counts_lines_and_columns_in_plain_text() {
        let text = "ab\ncd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), pos(1, 1));
        assert_eq!(index.position(text, 2), pos(1, 3));
        assert_eq!(index.position(text, 3), pos(2, 1));
        assert_eq!(index.position(text, 6), pos(3, 1));
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é🙂x\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(x, 6);
        assert_eq!(index.position(text, x), pos(1, 3));
        assert_eq!(index.offset(text, pos(1, 3)), Some(x));
    }

    #[test]
    fn a_line_span_holds_its_line_break() {
        let text = "ab\r\ncd\ref";
        let index = LineIndex::new(text);
        assert_eq!(index.line_span(text, 1), Some(0..4));
        assert_eq!(index.line_span(text, 2), Some(4..7));
        assert_eq!(index.line_span(text, 3), Some(7..9));
        assert_eq!(index.line_span(text, 0), None);
        assert_eq!(index.line_span(text, 4), None);
    }

    #[test]
    fn crlf_is_one_line_break() {
        let text = "a\r\nb\r\nc";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.position(text, 3), pos(2, 1));
        assert_eq!(index.position(text, 6), pos(3, 1));
        assert_eq!(index.offset(text, pos(3, 1)), Some(6));
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let text = "a\rb\rc";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.position(text, 4), pos(3, 1));
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}---\ntitle: x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 3), pos(1, 1));
        assert_eq!(index.position(text, 0), pos(1, 1));
        assert_eq!(index.position(text, 4), pos(1, 2));
        assert_eq!(index.offset(text, pos(1, 1)), Some(3));
        assert_eq!(index.position(text, 7), pos(2, 1));
    }

    #[test]
    fn line_starts_from_an_offset_are_those_of_the_rest() {
        let text = "---\r\nx: 1\r\n---\nbody\rmore\r\n\nend";
        let index = LineIndex::new(text);
        let body = text.find("body").unwrap();
        assert_eq!(index.starts_from(body), [0, 5, 11, 12]);
        assert_eq!(index.starts_from(text.len()), [0]);
        // A byte order mark starts the first line later, not a new one.
        let text = "\u{feff}a\nb";
        assert_eq!(LineIndex::new(text).starts_from(0), [0, 5]);
        assert_eq!(LineIndex::new(text).starts_from(3), [0, 2]);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1), pos(1, 1));
        assert_eq!(index.position(text, 99), pos(1, 2));
    }

    #[test]
    fn offset_rejects_positions_that_do_not_exist() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, pos(0, 1)), None);
        assert_eq!(index.offset(text, pos(3, 1)), None);
        assert_eq!(index.offset(text, pos(1, 5)), None);
        assert_eq!(index.offset(text, pos(1, 4)), Some(3));
        assert_eq!(index.offset(text, pos(2, 3)), Some(5));
    }

    #[test]
    fn every_offset_round_trips() {
        let text = "\u{feff}a\r\nβγ\n\r🙂 z\r";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().skip(1) {
            let position = index.position(text, offset);
            assert_eq!(index.offset(text, position), Some(offset), "{offset}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn positions_and_offsets_round_trip(text in "(\\PC|\r|\n|\r\n|é|🙂){0,200}", pick in any::<prop::sample::Index>()) {
            let lines = LineIndex::new(&text);
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let offset = boundaries[pick.index(boundaries.len())];
            let position = lines.position(&text, offset);
            prop_assert_eq!(lines.offset(&text, position), Some(offset), "{:?} at {}", text, offset);
        }
    }
}
