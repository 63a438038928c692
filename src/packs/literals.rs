//! The words a pattern cannot match without, so the pattern regex is run only
//! on the segments that have one.
//!
//! A pattern rule is one regex over the whole segment, and most segments hold
//! nothing it could match: `been meet with` needs `meet`, `PO's and SM's` needs
//! `'s`. From each pattern's syntax tree this module works out a small set of
//! strings at least one of which occurs in every match (a necessary condition,
//! never a guess), and [`Gate`] looks for all of them at once with
//! Aho-Corasick, which is many times faster than the regex it spares. ASCII
//! letters are compared without case, so the sets hold them in lowercase; other
//! characters (the Kelvin sign that `(?i)k` also matches) stay as they are.
//! A pattern with no such set (`\w+`) makes the gate always open.

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};
use rustc_hash::FxHashMap as HashMap;

/// The most strings a set may hold: larger sets test less and cost more.
const MAX_SET: usize = 64;

/// The most characters a class may have to count as a few literals (`[''’]`,
/// or a letter in both cases).
const MAX_CLASS: usize = 4;

/// Strings with ASCII letters in lowercase, sorted and without repeats.
type Set = Vec<String>;

/// Opens for a segment only when some pattern could match in it.
#[derive(Debug)]
pub(crate) struct Gate {
    /// Every required string of every pattern; `None` when some pattern
    /// requires nothing that can be told in advance.
    needles: Option<AhoCorasick>,
}

impl Gate {
    /// The gate for `patterns`, as the engine compiles them.
    pub(crate) fn new(patterns: &[&Hir]) -> Self {
        let mut all = Vec::new();
        for pattern in patterns {
            match required(pattern) {
                Some(set) => all.extend(set),
                None => return Gate { needles: None },
            }
        }
        // A needle with a zero byte could run from one text into the next.
        if all.iter().any(|needle| needle.contains('\0')) {
            return Gate { needles: None };
        }
        // The needles are matched as they are, against lowered text: without
        // case folding, and leftmost-first (any match will do), Aho-Corasick
        // skips ahead with a vector search instead of stepping byte by byte.
        let needles = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&all)
            .ok();
        Gate { needles }
    }

    /// For each text of `lowered`, whether a pattern could match somewhere
    /// in it. `lowered` holds texts with their ASCII letters in lowercase,
    /// each followed by a zero byte, and text `i` ends at `ends[i]`: one
    /// search over them all is many times cheaper than one per text.
    pub(crate) fn admits(&self, lowered: &str, ends: &[usize]) -> Vec<bool> {
        let Some(ac) = &self.needles else {
            return vec![true; ends.len()];
        };
        let mut admitted = vec![false; ends.len()];
        // No needle holds a zero byte, so no match spans two texts, and a
        // text with a match gets at least one.
        for found in ac.find_iter(lowered) {
            let text = ends.partition_point(|&end| end <= found.start());
            if let Some(admit) = admitted.get_mut(text) {
                *admit = true;
            }
        }
        admitted
    }
}

/// Strings one of which occurs in every match of `hir`, if a small set of
/// them is known.
pub(crate) fn required(hir: &Hir) -> Option<Set> {
    Exact::default().required(hir)
}

/// What [`Exact::of`] found for each node of one pattern: `required` looks at
/// a node again from each level above it, and a pattern's alternations of
/// case-folded words are worth working out once.
#[derive(Default)]
struct Exact(HashMap<*const Hir, Option<Set>>);

impl Exact {
    /// Strings one of which occurs in every match of `hir`, if a small set of
    /// them is known.
    fn required(&mut self, hir: &Hir) -> Option<Set> {
        if let Some(set) = self.of(hir) {
            return useful(set);
        }
        match hir.kind() {
            HirKind::Capture(capture) => self.required(&capture.sub),
            HirKind::Repetition(rep) if rep.min >= 1 => self.required(&rep.sub),
            HirKind::Alternation(branches) => {
                let mut union = Vec::new();
                for branch in branches {
                    union.extend(self.required(branch)?);
                }
                tidy(union)
            }
            HirKind::Concat(parts) => {
                // Each part's own requirement, and each run of parts that match a
                // few strings exactly, joined into longer ones: the longest wins.
                let mut best: Option<Set> = None;
                let mut consider = |set: Option<Set>| {
                    if let Some(set) = set.and_then(useful)
                        && best.as_ref().is_none_or(|b| better(&set, b))
                    {
                        best = Some(set);
                    }
                };
                let mut run: Option<Set> = None;
                for part in parts {
                    if let Some(set) = self.of(part) {
                        run = match run.take() {
                            None => Some(set),
                            Some(before) => {
                                if let Some(joined) = product(&before, &set) {
                                    Some(joined)
                                } else {
                                    consider(Some(before));
                                    Some(set)
                                }
                            }
                        };
                    } else {
                        consider(run.take());
                        consider(self.required(part));
                    }
                }
                consider(run);
                best
            }
            _ => None,
        }
    }

    /// Every string `hir` matches, if they are few.
    fn of(&mut self, hir: &Hir) -> Option<Set> {
        let key: *const Hir = hir;
        if let Some(known) = self.0.get(&key) {
            return known.clone();
        }
        let found = self.work_out(hir);
        self.0.insert(key, found.clone());
        found
    }

    /// [`Exact::of`] for a node not seen yet.
    fn work_out(&mut self, hir: &Hir) -> Option<Set> {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => Some(vec![String::new()]),
            HirKind::Literal(literal) => {
                let text = std::str::from_utf8(&literal.0).ok()?;
                Some(vec![text.to_ascii_lowercase()])
            }
            HirKind::Class(Class::Unicode(class)) => few_chars(class),
            HirKind::Class(Class::Bytes(_)) => None,
            HirKind::Capture(capture) => self.of(&capture.sub),
            HirKind::Repetition(rep) if rep.min == 1 && rep.max == Some(1) => self.of(&rep.sub),
            HirKind::Repetition(_) => None,
            HirKind::Concat(parts) => parts.iter().try_fold(vec![String::new()], |set, part| {
                product(&set, &self.of(part)?)
            }),
            HirKind::Alternation(branches) => {
                let mut union = Vec::new();
                for branch in branches {
                    union.extend(self.of(branch)?);
                }
                tidy(union)
            }
        }
    }
}

/// The characters of a small class, ASCII letters in lowercase.
fn few_chars(class: &regex_syntax::hir::ClassUnicode) -> Option<Set> {
    let mut chars = Vec::new();
    for range in class.ranges() {
        if u32::from(range.end()) - u32::from(range.start()) >= (2 * MAX_CLASS) as u32 {
            return None;
        }
        chars.extend((range.start()..=range.end()).map(|c| c.to_ascii_lowercase()));
    }
    let set = tidy(chars.into_iter().map(String::from).collect())?;
    (set.len() <= MAX_CLASS).then_some(set)
}

/// Every string of `a` followed by every string of `b`, if not too many.
fn product(a: &[String], b: &[String]) -> Option<Set> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    tidy(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
            .collect(),
    )
}

/// `set` sorted and without repeats, if not too large.
fn tidy(mut set: Vec<String>) -> Option<Set> {
    set.sort_unstable();
    set.dedup();
    (set.len() <= MAX_SET).then_some(set)
}

/// `set`, unless it holds the empty string (which every text has).
fn useful(set: Set) -> Option<Set> {
    (!set.iter().any(String::is_empty)).then_some(set)
}

/// Whether `a` is a stronger requirement than `b`: its shortest string is
/// longer, or as long and the set smaller.
fn better(a: &[String], b: &[String]) -> bool {
    let shortest = |s: &[String]| s.iter().map(|x| x.chars().count()).min().unwrap_or(0);
    (shortest(a), std::cmp::Reverse(a.len())) > (shortest(b), std::cmp::Reverse(b.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pattern: &str) -> Hir {
        regex_syntax::Parser::new().parse(pattern).unwrap()
    }

    fn of(pattern: &str) -> Option<Vec<String>> {
        required(&parse(pattern))
    }

    fn set(items: &[&str]) -> Option<Vec<String>> {
        let mut v: Vec<String> = items.iter().map(std::string::ToString::to_string).collect();
        v.sort();
        Some(v)
    }

    #[test]
    fn the_longest_required_part_of_a_sequence_is_chosen() {
        assert_eq!(
            of(r"(?i)\b(?:been|is|was)\s+(?P<bad>meet)\b(?:\s+with)?"),
            set(&["meet"])
        );
        assert_eq!(
            of(r"(?i)\b(?:should|could|may)\s+of\b"),
            // `(?i)s` also matches the long s.
            set(&["could", "may", "should", "\u{17f}hould"])
        );
    }

    #[test]
    fn adjacent_exact_parts_are_joined() {
        assert_eq!(of(r"[A-Z]{2,6}['’]s\b"), set(&["'s", "’s"]));
        assert_eq!(of(r"[0-9]0['’]s"), set(&["0's", "0’s"]));
    }

    #[test]
    fn every_branch_of_an_alternation_must_require_something() {
        assert_eq!(of(r"foo\s+bar|bazz"), set(&["bazz", "foo"]));
        assert_eq!(of(r"foo|\w+"), None);
        assert_eq!(of(r"(?:foo)?bar"), set(&["bar"]));
        assert_eq!(of(r"(?:foo)*"), None);
        assert_eq!(of(r"\b"), None);
    }

    #[test]
    fn case_folding_keeps_non_ascii_variants() {
        // `(?i)k` also matches the Kelvin sign, which ASCII case folding would miss.
        assert_eq!(of(r"(?i)ok"), set(&["ok", "o\u{212a}"]));
    }

    #[test]
    fn the_gate_finds_required_words_in_any_case() {
        let gate = Gate::new(&[&parse(r"(?i)is\s+meet"), &parse(r"[A-Z]+'s")]);
        let texts = [
            "It is MEET with doubt.",
            "me",
            "et",
            "The PO's agreed.",
            "It is met with doubt.",
            "",
            "meetmeet 's",
        ];
        let (lowered, ends) = joined(&texts);
        assert_eq!(
            gate.admits(&lowered, &ends),
            [true, false, false, true, false, false, true]
        );
    }

    #[test]
    fn a_pattern_with_no_requirement_opens_the_gate() {
        let gate = Gate::new(&[&parse("meet"), &parse(r"\w+")]);
        let (lowered, ends) = joined(&["nothing", "to see"]);
        assert_eq!(gate.admits(&lowered, &ends), [true, true]);
        let gate = Gate::new(&[&parse("meet"), &parse(r"a\x00b")]);
        let (lowered, ends) = joined(&["a", "b"]);
        assert_eq!(gate.admits(&lowered, &ends), [true, true]);
    }

    /// `texts` lowered as the engine joins them, and where each ends.
    fn joined(texts: &[&str]) -> (String, Vec<usize>) {
        let mut lowered = String::new();
        let mut ends = Vec::new();
        for text in texts {
            lowered.push_str(&text.to_ascii_lowercase());
            ends.push(lowered.len());
            lowered.push('\0');
        }
        (lowered, ends)
    }
}
