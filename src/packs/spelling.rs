//! The misspelling data behind the `spelling` kind, from the typos project.
//!
//! `build.rs` filters the `typos-dict` list for prose (one correction only,
//! never a real English word in any of its spellings) into a static
//! perfect-hash map, so a lookup is one hash with no start-up cost.

mod table {
    include!(concat!(env!("OUT_DIR"), "/typos.rs"));
}

/// The one correction of a misspelled word (given in lowercase), if the
/// filtered typos list has it.
pub fn correction(lower: &str) -> Option<&'static str> {
    table::TYPOS.get(lower).copied()
}

/// How many misspellings the table holds.
pub fn len() -> usize {
    table::TYPOS.len()
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
        assert_eq!(correction("seperate"), Some("separate"));
        assert!(len() > 50_000, "{}", len());
    }

    #[test]
    fn leaves_real_words_variants_and_short_words_alone() {
        for word in [
            "receive",
            "prioritising",
            "prioritizing",
            "behaviour",
            "colour",
            "color",
            "organise",
            "analyse",
            "licence",
            "travelling",
            "grey",
            "catalogue",
            "centre",
            "favourite",
            "po",
            "sm",
            "api",
            "teh",
            "ded",
        ] {
            assert_eq!(correction(word), None, "{word}");
        }
    }

    #[test]
    fn counts_edits() {
        assert_eq!(distance("definately", "definitely"), 1);
        assert_eq!(distance("recieve", "receive"), 1);
        assert_eq!(distance("linz", "lines"), 2);
        assert_eq!(distance("", "ab"), 2);
    }
}
