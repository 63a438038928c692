//! How far apart two names are, and the closest of a set: for "did you mean".
//!
//! Used where a finding can name what the author probably meant: the closest
//! existing post for a broken `post_url`, the closest author id, and by the
//! spelling rule to tell a typo from a name.

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

/// The candidate closest to `name`, if it is close enough to be a likely
/// intent: at most a third of the name's length in edits (and at least 2).
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits() {
        assert_eq!(distance("definately", "definitely"), 1);
        assert_eq!(distance("recieve", "receive"), 1);
        assert_eq!(distance("linz", "lines"), 2);
        assert_eq!(distance("", "ab"), 2);
    }

    #[test]
    fn finds_the_closest_likely_name() {
        let names = ["2024-01-10-hello-world", "2024-02-01-release-notes"];
        assert_eq!(
            closest("2024-01-10-hello-wrld", names),
            Some("2024-01-10-hello-world")
        );
        assert_eq!(closest("something-else", names), None);
    }
}
