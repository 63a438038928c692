//! Positions as the editor counts them: LSP lines, and characters in the
//! encoding negotiated at start (UTF-16 code units unless the client offers
//! UTF-8 bytes), to and from the byte offsets findings and fixes hold.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says. A byte
//! order mark is text like any other: a client that keeps one in its buffer
//! counts it.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::api::Span;

/// How characters on a line are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// Code units of UTF-16: two for a character outside the Basic
    /// Multilingual Plane (an emoji), one for `é`.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (our offsets are bytes, so nothing
    /// is converted), else UTF-16, which every client must accept.
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        let utf8 = offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8));
        if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    /// The name the initialize result announces.
    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    /// How many units `c` takes.
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The line starts of one text, for converting positions both ways.
#[derive(Debug)]
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    /// Indexes the lines of `text`.
    pub(crate) fn new(text: &'a str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    i += 2;
                    starts.push(i);
                }
                b'\r' | b'\n' => {
                    i += 1;
                    starts.push(i);
                }
                _ => i += 1,
            }
        }
        Self {
            text,
            starts,
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text, and back to the
    /// start of a character it falls inside).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = self.text[start..offset]
            .chars()
            .map(|c| self.encoding.units(c))
            .sum::<usize>();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The range of the bytes `span`.
    pub(crate) fn range(&self, span: &Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`: a line past the last is the end of
    /// the text, a character past its line's end is that end (before the
    /// line break), one inside a character is that character's start.
    pub(crate) fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self.content_end(position.line as usize);
        let mut units = 0;
        for (at, c) in self.text[start..end].char_indices() {
            let next = units + self.encoding.units(c);
            if next > position.character as usize {
                return start + at;
            }
            units = next;
        }
        end
    }

    /// The position of the 1-based `line` and `column` (counted in
    /// characters, as prepress prints them and its labels in other files
    /// hold them).
    pub(crate) fn at_line_column(&self, line: usize, column: usize) -> Position {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.position(self.text.len());
        };
        let end = self.content_end(line.saturating_sub(1));
        let offset = self.text[start..end]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(end, |(at, _)| start + at);
        self.position(offset)
    }

    /// Where line `line`'s text ends, before its line break.
    fn content_end(&self, line: usize) -> usize {
        let next = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let content = &self.text[self.starts[line]..next];
        next - (content.len() - content.trim_end_matches(['\r', '\n']).len())
    }
}

/// `n` as the protocol's `u32`, saturating (no text is 4 GiB long).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn utf16_counts_an_emoji_as_two_units_and_an_accent_as_one() {
        let text = "---\ntitle: Café 🙂 teh\n---\n";
        let lines = Lines::new(text, Encoding::Utf16);
        let teh = text.find("teh").unwrap();
        // "title: Café 🙂 " is 14 characters, the emoji two units.
        assert_eq!(lines.position(teh), at(1, 15));
        assert_eq!(lines.offset(at(1, 15)), teh);
        let utf8 = Lines::new(text, Encoding::Utf8);
        // é is two bytes, the emoji four.
        assert_eq!(utf8.position(teh), at(1, 18));
        assert_eq!(utf8.offset(at(1, 18)), teh);
    }

    #[test]
    fn every_line_break_starts_a_line() {
        let text = "a\r\nb\rc\nd";
        let lines = Lines::new(text, Encoding::Utf16);
        assert_eq!(lines.position(text.find('b').unwrap()), at(1, 0));
        assert_eq!(lines.position(text.find('c').unwrap()), at(2, 0));
        assert_eq!(lines.position(text.len()), at(3, 1));
        // Past a line's end is its end, before the break.
        assert_eq!(lines.offset(at(0, 9)), 1);
        assert_eq!(lines.offset(at(9, 0)), text.len());
    }

    #[test]
    fn offsets_inside_a_character_fall_back_to_its_start() {
        let text = "🙂x";
        let lines = Lines::new(text, Encoding::Utf16);
        assert_eq!(lines.position(2), at(0, 0));
        assert_eq!(lines.offset(at(0, 1)), 0, "half a surrogate pair");
        assert_eq!(lines.offset(at(0, 2)), 4);
        assert_eq!(lines.position(99), at(0, 3));
    }

    #[test]
    fn columns_in_characters_become_editor_positions() {
        let text = "x\nné 🙂 y\n";
        let lines = Lines::new(text, Encoding::Utf16);
        assert_eq!(lines.at_line_column(2, 6), at(1, 6));
        assert_eq!(lines.at_line_column(2, 99), at(1, 7));
        assert_eq!(lines.at_line_column(9, 1), at(2, 0));
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        let only16 = [PositionEncodingKind::UTF16];
        assert_eq!(Encoding::negotiate(Some(&only16)), Encoding::Utf16);
    }
}
