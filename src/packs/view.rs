//! A segment read for the matchers: its words, their lowercase forms and
//! hashes, in buffers each thread reuses from one document to the next.

use std::cell::Cell;
use std::ops::Range;

use super::word_hash::word_hash;
use crate::prose::segments::{Prose, Segment};
use crate::prose::words::{self, Word};

/// The text of every segment of `prose` with its ASCII letters lowered, each
/// followed by a zero byte, and where each ends: the pattern gate searches
/// them in one pass, and each segment's view reads its words' lowercase
/// forms there.
pub(super) fn lower_all(prose: &Prose) -> (String, Vec<usize>) {
    let mut lowered = String::with_capacity(prose.iter().map(|s| s.text.len() + 1).sum());
    let mut ends = Vec::with_capacity(prose.len());
    for segment in prose.iter() {
        lowered.push_str(segment.text);
        ends.push(lowered.len());
        lowered.push('\0');
    }
    lowered.make_ascii_lowercase();
    (lowered, ends)
}

/// A segment with its words and their lowercase forms. One view is reused for
/// every segment of a document, so its buffers are allocated once.
pub(super) struct View<'a> {
    pub(super) document: &'a str,
    /// Where the document's title segments are in it.
    pub(super) titles: Vec<Range<usize>>,
    pub(super) segment: Segment<'a>,
    pub(super) words: Vec<Word>,
    /// The segment text with its ASCII letters lowered, so an ASCII word `i`
    /// is `ascii_lowered[words[i]]`.
    ascii_lowered: &'a str,
    /// When the text is not all ASCII: `ascii_lowered`, then each word that
    /// is not ASCII, lowercased; every word is at `lower_spans`.
    lowered: String,
    lower_spans: Vec<Range<usize>>,
    /// The [`word_hash`] of each word in lowercase: one hash per word serves
    /// every table and tells two words apart without comparing them.
    pub(super) hashes: Vec<u64>,
}

/// A view's buffers between documents: each thread keeps the last ones, so
/// they grow to the size of a segment once per thread, not once per document.
#[derive(Default)]
struct Spare {
    words: Vec<Word>,
    lowered: String,
    lower_spans: Vec<Range<usize>>,
    hashes: Vec<u64>,
}

/// The most bytes a kept [`Spare`] may hold: past it (a huge one-line
/// post), the buffers are let go rather than held.
const MAX_SPARE: usize = 1 << 20;

thread_local! {
    static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

impl<'a> View<'a> {
    /// A view of `document`, with the buffers this thread kept.
    pub(super) fn new(document: &'a str) -> Self {
        let spare = SPARE.with(Cell::take);
        Self {
            document,
            titles: Vec::new(),
            segment: Segment::empty(),
            ascii_lowered: "",
            words: spare.words,
            lowered: spare.lowered,
            lower_spans: spare.lower_spans,
            hashes: spare.hashes,
        }
    }

    /// Gives this view's buffers back to the thread for its next document.
    pub(super) fn keep_buffers(self) {
        let held = self.words.capacity() * size_of::<Word>()
            + self.lowered.capacity()
            + self.lower_spans.capacity() * size_of::<Range<usize>>()
            + self.hashes.capacity() * size_of::<u64>();
        if held <= MAX_SPARE {
            SPARE.with(|spare| {
                spare.set(Spare {
                    words: self.words,
                    lowered: self.lowered,
                    lower_spans: self.lower_spans,
                    hashes: self.hashes,
                });
            });
        }
    }

    /// Reads `segment` into this view, replacing the one before;
    /// `ascii_lowered` is its text with ASCII letters lowered.
    pub(super) fn read(&mut self, segment: Segment<'a>, ascii_lowered: &'a str) {
        self.segment = segment;
        self.ascii_lowered = ascii_lowered;
        let text = segment.text;
        words::words_into(text, &mut self.words);
        self.lowered.clear();
        self.lower_spans.clear();
        if !text.is_ascii() {
            self.lowered.push_str(ascii_lowered);
            self.lower_words();
        }
        self.hashes.clear();
        // Two loops, not one over a chosen list: each compiles to a tighter
        // loop (one choice costs 1.5% of a whole run, in callgrind's count).
        if self.lower_spans.is_empty() {
            let lowered = ascii_lowered.as_bytes();
            let spans = self.words.iter();
            self.hashes
                .extend(spans.map(|w| word_hash(&lowered[w.clone()])));
        } else {
            let lowered = self.lowered.as_bytes();
            let spans = self.lower_spans.iter();
            self.hashes
                .extend(spans.map(|w| word_hash(&lowered[w.clone()])));
        }
    }

    /// Finds each word of a text that is not all ASCII in `lowered`, at
    /// `lower_spans`: an ASCII word where it is in the text (already
    /// lowered), any other lowercased after the text.
    fn lower_words(&mut self) {
        let segment = self.segment;
        let text = segment.text;
        for w in &self.words {
            // Most words of such a text are ASCII: their bytes tell, without
            // slicing the text as a `str`.
            if text.as_bytes()[w.clone()].is_ascii() {
                self.lower_spans.push(w.clone());
                continue;
            }
            let start = self.lowered.len();
            for c in text[w.clone()].chars() {
                // A curly apostrophe reads as a straight one.
                match c {
                    '\u{2019}' => self.lowered.push('\''),
                    c if c.is_ascii() => self.lowered.push(c.to_ascii_lowercase()),
                    c => self.lowered.extend(c.to_lowercase()),
                }
            }
            self.lower_spans.push(start..self.lowered.len());
        }
    }

    pub(super) fn text(&self) -> &str {
        self.segment.text
    }

    pub(super) fn word(&self, i: usize) -> &str {
        &self.segment.text[self.words[i].clone()]
    }

    /// The length in bytes of word `i`. A word's end is never before its
    /// start, so this is a subtraction, not `Range::len`'s longer path.
    pub(super) fn word_len(&self, i: usize) -> usize {
        let word = &self.words[i];
        word.end - word.start
    }

    /// The length in bytes of word `i` in lowercase.
    pub(super) fn lower_len(&self, i: usize) -> usize {
        let span = self.lower_spans.get(i).unwrap_or(&self.words[i]);
        span.end - span.start
    }

    pub(super) fn lower(&self, i: usize) -> &str {
        match self.lower_spans.get(i) {
            Some(span) => &self.lowered[span.clone()],
            None => &self.ascii_lowered[self.words[i].clone()],
        }
    }

    /// Word `i` in lowercase as bytes: comparing it needs no check that its
    /// ends fall between characters, as slicing a `str` does.
    pub(super) fn lower_bytes(&self, i: usize) -> &[u8] {
        match self.lower_spans.get(i) {
            Some(span) => &self.lowered.as_bytes()[span.clone()],
            None => &self.ascii_lowered.as_bytes()[self.words[i].clone()],
        }
    }

    /// The text between word `i` and word `i + 1` (or the rest of the segment).
    pub(super) fn gap(&self, i: usize) -> &str {
        let end = self
            .words
            .get(i + 1)
            .map_or(self.segment.text.len(), |w| w.start);
        &self.segment.text[self.words[i].end..end]
    }

    /// start at word `i`.
    /// Whether word `i` starts a sentence: the first of the segment, or
    /// after a sentence's closing mark.
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.gap(i - 1).contains(['.', '!', '?', ':'])
    }

    /// Whether word `i` is joined to a neighbour by a hyphen.
    pub(super) fn hyphenated(&self, i: usize) -> bool {
        (i > 0 && self.gap(i - 1) == "-") || (i + 1 < self.words.len() && self.gap(i) == "-")
    }

    /// Whether word `i` is part of an identifier: joined to a neighbour by
    /// an underscore, written plain or escaped (`schedule_a`,
    /// `schedule\_a`), or by a dot with no space (`config.recieve.timeout`,
    /// `com.example.Recieve.run`); a variable (`$recieve`); or a handle
    /// after an `@` (`@namin`).
    pub(super) fn in_identifier(&self, i: usize) -> bool {
        let before = self.text()[..self.words[i].start].ends_with(['_', '@', '$'])
            || (i > 0 && self.gap(i - 1) == ".");
        let after = i + 1 < self.words.len() && {
            let gap = self.gap(i);
            gap.starts_with('_') || gap.starts_with("\\_") || gap == "."
        };
        before || after
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prose::segments::segments;

    /// Reads every segment of `text` into one view, as the engine does, and
    /// gives its buffers back to the thread.
    fn read_all(text: &str) {
        let prose = segments(text, 0);
        let (lowered, ends) = lower_all(&prose);
        let mut view = View::new(text);
        let mut start = 0;
        for (segment, end) in prose.iter().zip(&ends) {
            view.read(segment, &lowered[start..*end]);
            start = end + 1;
        }
        view.keep_buffers();
    }

    #[test]
    fn a_thread_keeps_small_view_buffers_and_lets_large_ones_go() {
        let spare_words = || {
            let spare = SPARE.with(Cell::take);
            let words = spare.words.capacity();
            SPARE.with(|s| s.set(spare));
            words
        };
        read_all("A short post of a few words.");
        assert!(spare_words() > 0);
        read_all(&"word ".repeat(200_000));
        assert_eq!(spare_words(), 0);
    }
}
