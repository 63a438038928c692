//! Word boundaries in pack patterns: `\b` is compiled as an ASCII boundary
//! (a Unicode `\b` makes the fast regex engines give up on non-ASCII text),
//! and each match is then checked against a Unicode word boundary.

use std::ops::Range;

use crate::prose::words::is_word_char;

/// Rewrites `\b` and `\B` outside character classes to their ASCII forms.
pub(super) fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut in_class = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if in_class == 0 => out.push_str(r"(?-u:\b)"),
                Some('B') if in_class == 0 => out.push_str(r"(?-u:\B)"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class += 1;
                out.push(c);
            }
            ']' if in_class > 0 => {
                in_class -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether a match starting or ending with a word character is not glued to
/// another word character (which an ASCII `\b` would miss next to `é`).
pub(super) fn unicode_boundaries(text: &str, range: Range<usize>) -> bool {
    let starts_word = text[range.clone()].chars().next().is_some_and(is_word_char);
    let ends_word = text[range.clone()]
        .chars()
        .next_back()
        .is_some_and(is_word_char);
    let before = text[..range.start]
        .chars()
        .next_back()
        .is_some_and(is_word_char);
    let after = text[range.end..].chars().next().is_some_and(is_word_char);
    !((starts_word && before) || (ends_word && after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_become_ascii_outside_classes() {
        assert_eq!(
            ascii_boundaries(r"\bx\B[\b]\\b"),
            r"(?-u:\b)x(?-u:\B)[\b]\\b"
        );
    }

    #[test]
    fn unicode_boundaries_are_checked_at_the_edges() {
        assert!(unicode_boundaries("a book here", 2..6));
        assert!(!unicode_boundaries("ébook", 2..6));
        assert!(!unicode_boundaries("booké", 0..4));
        assert!(unicode_boundaries("'s x", 0..2));
    }
}
