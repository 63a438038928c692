//! Heading ids as kramdown's GFM parser (Jekyll's default `input: GFM`) makes
//! them with `auto_ids`: the heading's text (code spans' text included, markup
//! and images left out, entities decoded, `--`, `---`, `...`, `<<` and `>>`
//! turned into typographic characters), lowercased, every character that is
//! not a letter, mark, digit, connector (`_`), `-`, space or tab removed, and
//! each space or tab made a `-`. A text met again gets `-1`, `-2`, ... after it.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

/// What kramdown's GFM parser removes from a heading's text (`NON_WORD_RE`).
static NON_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\w\- \t]").expect("the pattern compiles"));

/// The sequences kramdown turns into typographic characters (dashes, an
/// ellipsis, guillemets, a guillemet with the space beside it), in the order
/// its pattern tries them. The id then drops each: none of the characters
/// they become is a word character, and the space beside a guillemet
/// becomes a non-breaking one.
const TYPOGRAPHIC: &[&str] = &["---", "--", "...", "<< ", " >>", "<<", ">>"];

/// A heading's text with kramdown's typographic sequences taken out, read
/// left to right as kramdown's pattern reads them. Only for text outside
/// code spans: those keep their characters.
pub(crate) fn without_typographic(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(sequence) = TYPOGRAPHIC.iter().find(|s| rest.starts_with(*s)) {
            rest = &rest[sequence.len()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The id kramdown gives a heading whose text (see [`without_typographic`])
/// is `text`, before duplicates are counted.
pub(crate) fn base_id(text: &str) -> String {
    let lower = text.to_lowercase();
    NON_WORD.replace_all(&lower, "").replace([' ', '\t'], "-")
}

/// Counts ids in document order, as kramdown's GFM parser does, so a heading
/// met again gets `-1`, `-2`, ...
#[derive(Debug, Default)]
pub(crate) struct Counter {
    seen: HashMap<String, usize>,
}

impl Counter {
    /// The id of the next heading whose base id is `base`.
    pub(crate) fn next(&mut self, base: String) -> String {
        let count = self.seen.entry(base.clone()).or_insert(0);
        *count += 1;
        match *count {
            1 => base,
            n => format!("{base}-{}", n - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> String {
        base_id(&without_typographic(text))
    }

    #[test]
    fn words_are_lowercased_and_joined_by_dashes() {
        assert_eq!(id("Set Up the Server"), "set-up-the-server");
        assert_eq!(id("Step 2: Deploy!"), "step-2-deploy");
    }

    #[test]
    fn every_space_becomes_a_dash_and_dashes_stay() {
        assert_eq!(id("A - B"), "a---b");
        assert_eq!(id("two  spaces"), "two--spaces");
        assert_eq!(id("well-known"), "well-known");
    }

    #[test]
    fn typographic_sequences_vanish_but_their_spaces_stay() {
        assert_eq!(id("Before -- after"), "before--after");
        assert_eq!(id("Wait... what"), "wait-what");
        assert_eq!(id("a---b"), "ab");
        assert_eq!(id("<< a - b"), "a---b");
        assert_eq!(id("x << y >> z"), "x-y-z");
    }

    #[test]
    fn letters_of_any_script_and_underscores_stay() {
        assert_eq!(id("Café au lait"), "café-au-lait");
        assert_eq!(id("snake_case name"), "snake_case-name");
        assert_eq!(id("Ünïcödé Ωmega"), "ünïcödé-ωmega");
        assert_eq!(id("Rocket 🚀 launch"), "rocket--launch");
    }

    #[test]
    fn repeated_headings_are_numbered_from_one() {
        let mut counter = Counter::default();
        let ids: Vec<_> = ["Notes", "Notes", "Other", "Notes"]
            .map(|t| counter.next(id(t)))
            .into();
        assert_eq!(ids, ["notes", "notes-1", "other", "notes-2"]);
    }
}
