//! Words of a segment: runs of letters and digits, apostrophes inside.
//!
//! A word is a maximal run of alphanumeric characters (any script, combining
//! marks included), joined across an apostrophe (`'` or `’`) with letters on
//! both sides, so "don't" and "PO's" are one word each. Hyphens, spaces and
//! punctuation separate words; rules look at the gap between two words to tell
//! "text book" from "text-book" from "text. Book".

use std::ops::Range;

/// A word as a byte range of the segment text.
pub(crate) type Word = Range<usize>;

/// Whether `c` can be part of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// Which bytes are ASCII letters and digits: one load per byte in the hot
/// loop instead of three range tests.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The words of `text`, in order. ASCII, nearly all of most posts, is read a
/// byte at a time; other characters are decoded.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    words_into(text, &mut out);
    out
}

/// The words of `text` into `out` (cleared first), so a caller reading many
/// segments reuses one buffer.
pub(crate) fn words_into(text: &str, out: &mut Vec<Word>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII letters and digits, most of any text, in a tight loop.
        if ASCII_WORD[usize::from(bytes[i])] {
            start.get_or_insert(i);
            i += 1;
            while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                i += 1;
            }
            continue;
        }
        let (c, width) = if bytes[i] < 0x80 {
            (char::from(bytes[i]), 1)
        } else {
            let c = text[i..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            (c, c.len_utf8())
        };
        let word = if width == 1 {
            c.is_ascii_alphanumeric()
        } else {
            is_word_char(c)
        };
        if word {
            start.get_or_insert(i);
        } else if let Some(s) = start {
            let joins =
                is_apostrophe(c) && text[i + width..].chars().next().is_some_and(is_word_char);
            if !joins {
                out.push(s..i);
                start = None;
            }
        }
        i += width;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
}

/// Whether the gap between two words is only whitespace (line breaks included).
pub(crate) fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|w| &text[w]).collect()
    }

    #[test]
    fn splits_on_spaces_hyphens_and_punctuation() {
        assert_eq!(
            split("A text-book, the\nour 2024 café!"),
            ["A", "text", "book", "the", "our", "2024", "café"]
        );
    }

    #[test]
    fn apostrophes_inside_words_join() {
        assert_eq!(
            split("don't PO's the PO’s 'quoted' dogs'"),
            ["don't", "PO's", "the", "PO’s", "quoted", "dogs"]
        );
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        assert_eq!(split("cafe\u{301} x"), ["cafe\u{301}", "x"]);
    }

    /// The definition, a character at a time: word characters, and an
    /// apostrophe inside a word when a word character follows it.
    fn by_definition(text: &str) -> Vec<Word> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut start = None;
        for (k, &(at, c)) in chars.iter().enumerate() {
            let next_is_word = chars.get(k + 1).is_some_and(|&(_, n)| is_word_char(n));
            let inside = is_word_char(c) || (start.is_some() && is_apostrophe(c) && next_is_word);
            match (inside, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    out.push(s..at);
                    start = None;
                }
                _ => {}
            }
        }
        out.extend(start.map(|s| s..text.len()));
        out
    }

    proptest::proptest! {
        #[test]
        fn the_fast_split_is_the_definition(text in "[a-zA-Z09 '’\\-.,\n\u{301}éЖ日\u{a0}_]{0,40}") {
            proptest::prop_assert_eq!(words(&text), by_definition(&text));
        }
    }

    #[test]
    fn gaps() {
        assert!(is_space(" \n "));
        assert!(!is_space(""));
        assert!(!is_space(" - "));
    }
}
