//! The misspelling data behind the `spelling` kind: the typos project's list.
//!
//! `typos-dict` (MIT OR Apache-2.0) maps tens of thousands of misspellings to
//! their corrections as a static perfect-hash map, so a lookup costs no start-up
//! time and no allocation. Only entries with exactly one correction are used
//! (several corrections means the intent is unclear); see `correction` for the
//! word-list filter that keeps real words from ever being "corrected".

use unicase::UniCase;

/// The one correction of a misspelled word (given in lowercase), if the typos
/// list has exactly one for it.
pub fn correction(lower: &str) -> Option<&'static str> {
    match typos_dict::WORD.find(&UniCase::new(lower))? {
        [only] => Some(only),
        _ => None,
    }
}

/// Edits between two words (insert, delete, substitute, swap two neighbours).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrects_common_misspellings() {
        assert_eq!(correction("recieve"), Some("receive"));
        assert_eq!(correction("definately"), Some("definitely"));
    }

    #[test]
    fn counts_edits() {
        assert_eq!(distance("definately", "definitely"), 1);
        assert_eq!(distance("recieve", "receive"), 1);
        assert_eq!(distance("linz", "lines"), 2);
        assert_eq!(distance("", "ab"), 2);
    }

    #[test]
    fn leaves_real_words_and_variants_alone() {
        for word in [
            "receive",
            "prioritising",
            "behaviour",
            "colour",
            "color",
            "po",
            "sm",
            "api",
        ] {
            assert_eq!(correction(word), None, "{word}");
        }
    }
}
