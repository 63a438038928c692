//! The lines a human report shows for one finding, long ones cut to windows.
//!
//! miette prints whole lines, and a Markdown paragraph is often one line of a
//! thousand characters or more (one benchmark post is a single line of 20 MB).
//! An excerpt copies only the lines a snippet shows: each span's lines with one
//! line of context either side. A line of more than `LONG` characters keeps
//! `CONTEXT` characters either side of each span's start and end, and `…`
//! stands for each stretch cut out; a context line that long keeps its start.
//! Cuts fall between characters, and not inside a short combining sequence (a
//! letter and its accent, emoji joined into one).
//!
//! miette then reads the excerpt instead of the file: the spans are moved to
//! the excerpt's offsets, each line keeps its number, and a snippet's
//! `path:line:column` header is the position of its span's start that the
//! compact and JSON formats print.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use unicode_width::UnicodeWidthChar;

use crate::line_index::{LineIndex, Position};

/// Lines of at most this many characters are shown whole.
const LONG: usize = 120;
/// Characters kept either side of a span's start and of its end on a longer line.
const CONTEXT: usize = 40;
/// At most this many characters are added to a window to keep a sequence whole.
const MAX_SHIFT: usize = 8;
/// What stands for the text cut out of a line.
const ELLIPSIS: char = '…';
/// The zero-width joiner, which glues emoji into one picture.
const ZWJ: char = '\u{200d}';

/// One end of a span: its byte offset in the file and its position there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    /// The byte offset.
    pub(crate) offset: usize,
    /// The line and column the other formats print for it.
    pub(crate) at: Position,
}

/// The shown lines of one file for one finding, as a source miette can read.
pub(crate) struct Excerpt<'a> {
    name: &'a str,
    /// The shown lines, each ending with `\n`.
    text: String,
    /// The shown lines in order.
    lines: Vec<Line>,
    /// The spans given to `new`, in the excerpt's offsets.
    spans: Vec<SourceSpan>,
    /// Where each of those spans starts in the file.
    starts: Vec<Position>,
}

/// One shown line.
struct Line {
    /// Its number in the file (1-based).
    number: usize,
    /// Where it starts in the excerpt.
    at: usize,
    /// The parts of it that are shown, in order; never empty.
    pieces: Vec<Piece>,
}

/// A stretch of a line that is shown.
struct Piece {
    /// Its bytes in the file.
    real: Range<usize>,
    /// Where it starts in the excerpt.
    at: usize,
}

impl<'a> Excerpt<'a> {
    /// The lines of `text` (indexed by `index`) that show `spans`, each given
    /// by its start and end, and the spans moved into them.
    pub(crate) fn new(
        name: &'a str,
        text: &str,
        index: &LineIndex,
        spans: &[(Mark, Mark)],
    ) -> Self {
        let spans: Vec<(Mark, Mark)> = spans
            .iter()
            .map(|&(start, end)| (on_line(text, index, start), on_line(text, index, end)))
            .collect();
        let mut numbers: Vec<usize> = spans
            .iter()
            .flat_map(|&(start, end)| shown_lines(text, index, start, end))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();

        let mut excerpt = Excerpt {
            name,
            text: String::new(),
            lines: Vec::with_capacity(numbers.len()),
            spans: Vec::with_capacity(spans.len()),
            starts: spans.iter().map(|(start, _)| start.at).collect(),
        };
        for number in numbers {
            let Some(bytes) = index.line_span(text, number) else {
                continue;
            };
            let points: Vec<Mark> = spans
                .iter()
                .flat_map(|&(start, end)| [start, end])
                .filter(|m| m.at.line == number)
                .collect();
            excerpt.push_line(text, number, bytes, &points);
        }
        let moved = spans
            .iter()
            .map(|&(start, end)| {
                let start = excerpt.offset(start);
                let end = excerpt.offset(end).max(start);
                SourceSpan::new(start.into(), end - start)
            })
            .collect();
        excerpt.spans = moved;
        excerpt
    }

    /// The spans given to `new`, in the same order, as offsets into the excerpt.
    pub(crate) fn spans(&self) -> &[SourceSpan] {
        &self.spans
    }

    /// Adds line `number`, whose bytes in `text` are `bytes`, with the windows
    /// around `points` (the span ends on it) when it is long.
    fn push_line(&mut self, text: &str, number: usize, bytes: Range<usize>, points: &[Mark]) {
        let start = bytes.start;
        let line = text[bytes].trim_end_matches(['\n', '\r']);
        let windows: Vec<Range<usize>> = if line.chars().nth(LONG).is_none() {
            std::iter::once(0..line.len()).collect()
        } else if points.is_empty() {
            std::iter::once(0..forward(line, 0, 2 * CONTEXT)).collect()
        } else {
            windows(line, start, points)
        };
        let at = self.text.len();
        let mut pieces = Vec::with_capacity(windows.len());
        let mut shown = 0;
        for window in windows {
            if window.start > shown {
                self.text.push(ELLIPSIS);
            }
            pieces.push(Piece {
                real: start + window.start..start + window.end,
                at: self.text.len(),
            });
            self.text.push_str(&line[window.clone()]);
            shown = window.end;
        }
        if shown < line.len() {
            self.text.push(ELLIPSIS);
        }
        self.text.push('\n');
        self.lines.push(Line { number, at, pieces });
    }

    /// Where `mark` is in the excerpt. A mark on a line that is not shown (the
    /// empty line after a final line break) is at the start of the next shown
    /// line, or at the end.
    fn offset(&self, mark: Mark) -> usize {
        let i = self.lines.partition_point(|l| l.number < mark.at.line);
        let Some(line) = self.lines.get(i) else {
            return self.text.len();
        };
        if line.number != mark.at.line {
            return line.at;
        }
        let p = line
            .pieces
            .partition_point(|p| p.real.start <= mark.offset)
            .saturating_sub(1);
        line.pieces.get(p).map_or(line.at, |piece| {
            piece.at + mark.offset.clamp(piece.real.start, piece.real.end) - piece.real.start
        })
    }

    /// The index of the shown line that holds excerpt offset `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.at <= offset)
            .saturating_sub(1)
    }

    /// Whether shown lines `i` and `i + 1` are next to each other in the file.
    fn adjacent(&self, i: usize) -> bool {
        match (self.lines.get(i), self.lines.get(i + 1)) {
            (Some(a), Some(b)) => a.number + 1 == b.number,
            _ => false,
        }
    }
}

/// `mark` with its offset moved onto its line's text (not into its line
/// break) and onto a character boundary.
fn on_line(text: &str, index: &LineIndex, mark: Mark) -> Mark {
    let Some(bytes) = index.line_span(text, mark.at.line) else {
        return mark;
    };
    let end = bytes.start + text[bytes.clone()].trim_end_matches(['\n', '\r']).len();
    let mut offset = mark.offset.clamp(bytes.start, end);
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    Mark { offset, ..mark }
}

/// The numbers of the lines a span from `start` to `end` is shown on: its own
/// lines and one more either side, as the human handler's context asks. A
/// span that ends with a line break ends on the line before; the empty line
/// after a final line break is shown only when a span starts there.
fn shown_lines(
    text: &str,
    index: &LineIndex,
    start: Mark,
    end: Mark,
) -> std::ops::RangeInclusive<usize> {
    let ends_on_break = end.offset > start.offset && end.at.column == 1;
    let last = if ends_on_break && end.at.line > start.at.line {
        end.at.line - 1
    } else {
        end.at.line
    }
    .max(start.at.line);
    let final_is_empty = index
        .line_span(text, index.line_count())
        .is_some_and(|l| l.is_empty());
    let last_with_text = index.line_count() - usize::from(final_is_empty && index.line_count() > 1);
    let after = if last < last_with_text {
        last + 1
    } else {
        last
    };
    start.at.line.saturating_sub(1).max(1)..=after
}

/// The stretches of a long `line` (which starts at `start` in the file) to
/// show around `points`, in order, merged where they touch.
fn windows(line: &str, start: usize, points: &[Mark]) -> Vec<Range<usize>> {
    let mut windows: Vec<Range<usize>> = points
        .iter()
        .map(|point| {
            let at = point.offset - start;
            backward(line, at, CONTEXT)..forward(line, at, CONTEXT)
        })
        .collect();
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(windows.len());
    for window in windows {
        match merged.last_mut() {
            Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
            _ => merged.push(window),
        }
    }
    merged
}

/// The offset `n` characters before `at` in `line` (or its start), moved
/// further back so as not to split a combining sequence.
fn backward(line: &str, mut at: usize, n: usize) -> usize {
    at -= line[..at]
        .chars()
        .rev()
        .take(n)
        .map(char::len_utf8)
        .sum::<usize>();
    for _ in 0..MAX_SHIFT {
        match (line[..at].chars().next_back(), line[at..].chars().next()) {
            (Some(before), Some(after)) if joined(before, after) => at -= before.len_utf8(),
            _ => break,
        }
    }
    at
}

/// The offset `n` characters after `at` in `line` (or its end), moved further
/// on so as not to split a combining sequence.
fn forward(line: &str, mut at: usize, n: usize) -> usize {
    at += line[at..]
        .chars()
        .take(n)
        .map(char::len_utf8)
        .sum::<usize>();
    for _ in 0..MAX_SHIFT {
        match (line[..at].chars().next_back(), line[at..].chars().next()) {
            (Some(before), Some(after)) if joined(before, after) => at += after.len_utf8(),
            _ => break,
        }
    }
    at
}

/// Whether `before` and `after` are drawn as one: `after` is a combining
/// mark, a variation selector or another character of no width, or a skin
/// tone, or `before` is a zero-width joiner.
fn joined(before: char, after: char) -> bool {
    before == ZWJ || after.width() == Some(0) || ('\u{1f3fb}'..='\u{1f3ff}').contains(&after)
}

impl SourceCode for Excerpt<'_> {
    /// The shown lines around `span`. Lines are only added while they follow
    /// each other in the file, and a span over lines that do not is out of
    /// bounds, so miette draws separate snippets for spans far apart.
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start.saturating_add(span.len().saturating_sub(1));
        if self.lines.is_empty() || end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let (mut first, mut last) = (self.line_of(start), self.line_of(end));
        if !(first..last).all(|i| self.adjacent(i)) {
            return Err(MietteError::OutOfBounds);
        }
        for _ in 0..context_lines_before {
            if first == 0 || !self.adjacent(first - 1) {
                break;
            }
            first -= 1;
        }
        for _ in 0..context_lines_after {
            if !self.adjacent(last) {
                break;
            }
            last += 1;
        }
        // miette reads a label's span with no line before for the header of
        // its snippet: as with its own sources, the contents then start at the
        // span, and their line and column are the position of the span's start
        // (0-based), the one the other formats print.
        let label = (context_lines_before == 0)
            .then(|| self.spans.iter().position(|s| s.offset() == start))
            .flatten();
        let (from, line, column) = match label {
            Some(i) => {
                let at = self.starts[i];
                (
                    start,
                    at.line.saturating_sub(1),
                    at.column.saturating_sub(1),
                )
            }
            None => (self.lines[first].at, self.lines[first].number - 1, 0),
        };
        let to = self.lines.get(last + 1).map_or(self.text.len(), |l| l.at);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            &self.text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            line,
            column,
            last - first + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt of `text` for one span over the bytes `span`.
    fn excerpt<'a>(text: &str, span: Range<usize>) -> Excerpt<'a> {
        let index = LineIndex::new(text);
        let mark = |offset| Mark {
            offset,
            at: index.position(text, offset),
        };
        Excerpt::new(
            "post.md",
            text,
            &index,
            &[(mark(span.start), mark(span.end))],
        )
    }

    /// The excerpt's text and the text of its first span.
    fn parts(excerpt: &Excerpt) -> (String, String) {
        let span = excerpt.spans()[0];
        let flagged = excerpt.text[span.offset()..span.offset() + span.len()].to_string();
        (excerpt.text.clone(), flagged)
    }

    #[test]
    fn short_lines_are_shown_whole_with_one_line_either_side() {
        let text = "one\ntwo\nthree flagged\nfour\nfive\n";
        let at = text.find("flagged").unwrap();
        let (shown, flagged) = parts(&excerpt(text, at..at + 7));
        assert_eq!(shown, "two\nthree flagged\nfour\n");
        assert_eq!(flagged, "flagged");
    }

    #[test]
    fn a_long_line_keeps_a_window_around_the_span() {
        let text = format!("{}flagged{}\n", "a".repeat(2_000), "b".repeat(3_000));
        let (shown, flagged) = parts(&excerpt(&text, 2_000..2_007));
        let window = format!("…{}flagged{}…\n", "a".repeat(CONTEXT), "b".repeat(CONTEXT));
        assert_eq!(shown, window);
        assert_eq!(flagged, "flagged");
    }

    #[test]
    fn a_window_at_either_end_of_the_line_has_one_ellipsis() {
        let text = format!("flagged{}\n", "b".repeat(5_000));
        let (shown, _) = parts(&excerpt(&text, 0..7));
        assert_eq!(shown, format!("flagged{}…\n", "b".repeat(CONTEXT)));
        let text = format!("{}flagged", "a".repeat(5_000));
        let (shown, flagged) = parts(&excerpt(&text, 5_000..5_007));
        assert_eq!(shown, format!("…{}flagged\n", "a".repeat(CONTEXT)));
        assert_eq!(flagged, "flagged");
    }

    #[test]
    fn a_long_span_is_cut_in_its_middle() {
        let text = format!("{}\n", "x".repeat(5_000));
        let (shown, flagged) = parts(&excerpt(&text, 1_000..4_000));
        assert_eq!(shown.chars().count(), 4 * CONTEXT + 4);
        assert_eq!(flagged.chars().count(), 2 * CONTEXT + 1);
        assert_eq!(flagged.chars().nth(CONTEXT), Some(ELLIPSIS));
    }

    #[test]
    fn cuts_fall_between_characters_and_keep_accents_on_their_letters() {
        // "e" and a combining acute accent are one letter on screen; the "x"
        // puts the cut between them.
        let text = format!(
            "{}xflagged{}\n",
            "e\u{301}".repeat(1_000),
            "🙂".repeat(1_000)
        );
        let at = 3_001;
        assert_eq!(&text[at..at + 7], "flagged");
        let (shown, flagged) = parts(&excerpt(&text, at..at + 7));
        assert_eq!(flagged, "flagged");
        let before = shown.split("flagged").next().unwrap();
        assert!(before.starts_with("…e\u{301}"), "{before}");
        assert!(shown.ends_with("🙂…\n"), "{shown}");
    }

    #[test]
    fn a_joined_emoji_is_not_cut_apart() {
        // Woman, joiner, laptop: one picture of three characters.
        let person = "👩\u{200d}💻";
        let text = format!(
            "flagged {}{}\n",
            "x".repeat(CONTEXT - 9),
            person.repeat(200)
        );
        let (shown, _) = parts(&excerpt(&text, 0..7));
        let kept = shown.trim_end_matches("…\n");
        assert!(kept.ends_with(person), "{kept}");
    }

    #[test]
    fn the_header_gives_the_position_of_the_span_start() {
        let text = format!("é—🙂 {}flagged{}\n", "ü".repeat(500), "b".repeat(500));
        let at = text.find("flagged").unwrap();
        let excerpt = excerpt(&text, at..at + 7);
        let span = excerpt.spans()[0];
        let contents = excerpt.read_span(&span, 0, 0).unwrap();
        assert_eq!(contents.line(), 0);
        assert_eq!(contents.column() + 1, 505);
    }

    #[test]
    fn labels_far_apart_on_one_line_get_a_window_each() {
        let text = format!(
            "{}first{}second{}\n",
            "a".repeat(100),
            "b".repeat(2_000),
            "c".repeat(100)
        );
        let index = LineIndex::new(&text);
        let mark = |offset| Mark {
            offset,
            at: index.position(&text, offset),
        };
        let first = text.find("first").unwrap();
        let second = text.find("second").unwrap();
        let excerpt = Excerpt::new(
            "post.md",
            &text,
            &index,
            &[
                (mark(first), mark(first + 5)),
                (mark(second), mark(second + 6)),
            ],
        );
        assert_eq!(excerpt.text.matches(ELLIPSIS).count(), 3);
        for (span, word) in excerpt.spans().iter().zip(["first", "second"]) {
            assert_eq!(
                &excerpt.text[span.offset()..span.offset() + span.len()],
                word
            );
        }
    }

    #[test]
    fn lines_apart_in_the_file_are_not_read_as_one_snippet() {
        let text = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let index = LineIndex::new(text);
        let mark = |offset| Mark {
            offset,
            at: index.position(text, offset),
        };
        let excerpt = Excerpt::new(
            "post.md",
            text,
            &index,
            &[(mark(2), mark(3)), (mark(12), mark(13))],
        );
        assert_eq!(excerpt.text, "a\nb\nc\nf\ng\nh\n");
        let [b, g] = [excerpt.spans()[0], excerpt.spans()[1]];
        let both = SourceSpan::new(b.offset().into(), g.offset() + g.len() - b.offset());
        assert!(excerpt.read_span(&both, 1, 1).is_err());
        let one = excerpt.read_span(&g, 1, 1).unwrap();
        assert_eq!(one.data(), b"f\ng\nh\n");
        assert_eq!(one.line(), 5);
    }
}
