//! Spelling rules: words the misspelling table (`typos`) lists, unless
//! they read as names, identifiers or another language.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use crate::accept::Accepted;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::packs::case::match_case;
use crate::packs::finding::{Active, finding};
use crate::packs::language::{is_english_function_word, is_name_particle, is_other_function_word};
use crate::packs::typos;
use crate::packs::view::View;
use crate::prose::words::is_space;

/// Reports word `i` when the misspelling table has it and nothing says it
/// is a name, an identifier, another language or a word the site accepts.
pub(in crate::packs) fn check(
    rules: &[Active],
    spelling: &[(usize, HashSet<String>)],
    accepted: &Accepted,
    view: &View,
    i: usize,
    found: &mut Vec<Diagnostic>,
) {
    if spelling.is_empty() {
        return;
    }
    // Shorter words are not in the table, nor most words the sieve turns
    // away: no need to read them.
    if view.lower_len(i) < typos::SHORTEST || !typos::may_be_listed(view.hashes[i]) {
        return;
    }
    let lower = view.lower(i);
    // Nearly every word is not in the table, and its hash is at hand: the
    // look-up comes first, the finer tests only for the few words found.
    let Some(correction) = typos::correction(lower, view.hashes[i]) else {
        return;
    };
    let word = view.word(i);
    if accepted.accepts(word, lower) {
        return;
    }
    let correction_word = correction.word;
    // Acronyms are not words: more than one capital is left alone. Every
    // key in the table is ASCII lowercase letters, so a word found is all
    // letters (or, not ASCII, a letter such as the Kelvin sign that
    // lowercases to one).
    let capitals = if word.is_ascii() {
        word.bytes().filter(u8::is_ascii_uppercase).count()
    } else {
        word.chars().filter(|c| c.is_uppercase()).count()
    };
    if word.len() < 3 || capitals > 1 {
        return;
    }
    // A capitalised word is mostly a name ("Linz"): it is checked only
    // one typo away from its correction, and never when the post writes
    // it as a name: with a capital mid-sentence elsewhere ("Feld ...
    // Feld used"), or beside another capitalised word ("Azure Web Sites").
    // Mid-sentence, its fix is unsafe: it may be a name after all.
    let mut certain = correction.certain;
    if capitals == 1 {
        // Each word of a title is judged as a sentence's first: Title
        // Case capitalises them all.
        let sentence_start = view.segment.title || view.sentence_start(i);
        let elsewhere = capitalised_mid_sentence(view.document, word, &view.titles)
            > usize::from(!sentence_start);
        let near = std::iter::once(correction_word)
            .chain(correction.others.split('|'))
            .any(|c| !c.is_empty() && crate::closest::distance(lower, c) <= 1);
        if !near || elsewhere || (!sentence_start && in_capitalised_run(view, i)) {
            return;
        }
        certain &= sentence_start;
    }
    if view.in_identifier(i)
        || elided_g(view, i, lower, correction_word)
        || beside_another_language(view, i)
    {
        return;
    }
    // A part of a hyphenated compound may be a name ("sbt-testng").
    let certain = certain && !beside_a_slip(view, i, correction_word) && !view.hyphenated(i);
    for (rule, allow) in spelling {
        if allow.contains(lower) {
            continue;
        }
        // Several corrections ("lastest": "latest" or "last") are all
        // named, and none is written: only the author knows which.
        let several = !correction.others.is_empty();
        let cased = std::iter::once(correction_word)
            .chain(correction.others.split('|').filter(|_| several))
            .map(|c| match_case(word, c))
            .collect::<Vec<_>>()
            .join("` or `");
        let fix = (!several).then(|| (view.words[i].clone(), cased.clone()));
        let mut finding = finding(
            rules,
            *rule,
            view,
            view.words[i].clone(),
            &[("match", word), ("replacement", &cased)],
            fix,
        );
        if let Some(fix) = finding.fix.as_mut().filter(|_| !certain) {
            fix.applicability = Applicability::Unsafe;
        }
        finding.help = Some(format!(
            "write `{cased}`; if `{word}` is right, add it to {}",
            accepted.file
        ));
        found.push(finding);
    }
}

/// Whether word `i` is part of a name: beside another capitalised word
/// ("Azure Web Sites", "Favre-Bulle"; not a function word capitalised
/// for starting a sentence, "The" or "We"), or after a surname's
/// particle ("van der Plas", "de Souza").
fn in_capitalised_run(view: &View, i: usize) -> bool {
    let capitalised = |n: usize| view.word(n).chars().next().is_some_and(char::is_uppercase);
    let joined = |gap: &str| is_space(gap) || gap == "-";
    let before = i > 0
        && joined(view.gap(i - 1))
        && (capitalised(i - 1)
            && !(view.sentence_start(i - 1) && is_english_function_word(view.lower(i - 1)))
            || is_name_particle(view.word(i - 1)));
    let after = i + 1 < view.words.len() && joined(view.gap(i)) && capitalised(i + 1);
    before || after
}

/// Whether a word next to word `i` is a function word of another
/// language and of no English ("environnemental du numérique"): the
/// word is in a foreign title or phrase, not misspelled English.
fn beside_another_language(view: &View, i: usize) -> bool {
    let foreign = |n: usize| {
        let word = view.lower(n);
        is_other_function_word(word) && !matches!(word, "die" | "y" | "se" | "su" | "le")
    };
    (i > 0 && foreign(i - 1)) || (i + 1 < view.words.len() && foreign(i + 1))
}

/// Whether word `i` drops a final g on purpose, with an apostrophe for it
/// ("How you doin’?", "nothin' doing"): speech written as said, not a slip.
fn elided_g(view: &View, i: usize, lower: &str, correction: &str) -> bool {
    correction.strip_suffix('g') == Some(lower) && view.gap(i).starts_with(['\'', '’'])
}

/// Whether the misspelled word `i` sits beside another slip, so its one
/// correction may not give the text meant: a stray letter split off a word
/// ("o fthe" for "of the") or the correction already written next to it
/// ("on othe other hand", where "othe" is an extra word).
fn beside_a_slip(view: &View, i: usize, correction: &str) -> bool {
    let neighbours = [
        i.checked_sub(1),
        Some(i + 1).filter(|&n| n < view.words.len()),
    ];
    neighbours.into_iter().flatten().any(|n| {
        let between = if n < i { view.gap(n) } else { view.gap(i) };
        let stray_letter = view.word_len(n) == 1 && !matches!(view.word(n), "a" | "A" | "I");
        is_space(between) && (stray_letter || view.lower(n) == correction)
    })
}

/// How often (none, once, or more: up to 2) `document` writes `word`
/// (capitalised) other than at a sentence start: a word written so twice is
/// a name wherever it appears ("Emanuel Feld ... Feld used"). Only asked
/// about the rare capitalised word found in the misspelling table. A
/// title's words (`titles`, file ranges) are left out: Title Case
/// capitalises every word. The first word of an image's alt text, or of a
/// link's text that starts a sentence (`![Word`, `. [Word`), starts one,
/// and so does a table cell's (`| Word`).
fn capitalised_mid_sentence(document: &str, word: &str, titles: &[Range<usize>]) -> usize {
    let bytes = document.as_bytes();
    let in_title = |at: usize| titles.iter().any(|t| t.contains(&at));
    let mid_sentence = memchr::memmem::find_iter(bytes, word.as_bytes()).filter(|&at| {
        if in_title(at) {
            return false;
        }
        let end = at + word.len();
        let joined = |c: char| c.is_alphanumeric() || c == '_';
        let after_ok = document[end..].chars().next().is_none_or(|c| !joined(c));
        let mut before = document[..at].chars().rev();
        let previous = before.next();
        let glued = previous.is_some_and(joined);
        let last_mark = document[..at]
            .trim_end_matches([' ', '\t', '*', '_', '"', '“', '(', '['])
            .chars()
            .last();
        let sentence_start = last_mark
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '#' | '>' | '-' | '|'));
        after_ok && !glued && !sentence_start
    });
    mid_sentence.take(2).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::engine::shipped_engine;
    use crate::prose::segments::segments;

    /// Each misspelling of the shipped packs in `text`, with the site
    /// accepting `accepted`: the word, its fix and whether the fix is safe.
    fn misspellings(text: &str, accepted: &str) -> Vec<(String, String, bool)> {
        let mut engine = shipped_engine();
        let mut list = Accepted::default();
        list.add(accepted);
        engine.accept(list);
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        out.iter()
            .filter(|d| d.rule == "misspelling")
            .map(|d| {
                let fix = d.fix.as_ref().unwrap();
                let safe = fix.applicability == Applicability::Safe;
                (
                    text[d.span.clone()].to_string(),
                    fix.replacement.clone(),
                    safe,
                )
            })
            .collect()
    }

    fn found(word: &str, fix: &str, safe: bool) -> (String, String, bool) {
        (word.to_string(), fix.to_string(), safe)
    }

    #[test]
    fn a_misspelling_with_several_corrections_names_them_and_fixes_nothing() {
        let engine = shipped_engine();
        let text = "Read the lastest news. Lastest is what we say, on teh list.";
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        let found: Vec<_> = out
            .iter()
            .filter(|d| d.rule == "misspelling")
            .map(|d| (&text[d.span.clone()], d.message.as_str(), d.fix.is_some()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "lastest",
                    "`lastest` is a misspelling of `latest` or `last`",
                    false
                ),
                (
                    "Lastest",
                    "`Lastest` is a misspelling of `Latest` or `Last`",
                    false
                ),
                ("teh", "`teh` is a misspelling of `the`", true),
            ]
        );
    }

    #[test]
    fn accepted_words_are_never_misspellings() {
        let text = "We recieve the Kez report. Kez said so.";
        assert_eq!(misspellings(text, ""), [found("recieve", "receive", true)]);
        assert_eq!(misspellings(text, "# names\nrecieve\n"), []);
        // A capitalised entry is that casing (and all capitals) only.
        let text = "Recieve it. RECIEVE is loud; we recieve it.";
        assert_eq!(
            misspellings(text, "Recieve"),
            [found("recieve", "receive", true)]
        );
        assert_eq!(misspellings(text, "recieve"), []);
    }

    #[test]
    fn the_help_says_how_to_accept_the_word() {
        let engine = shipped_engine();
        let text = "We recieve it.";
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        assert_eq!(
            out[0].help.as_deref(),
            Some("write `receive`; if `recieve` is right, add it to .prepress/accept.txt")
        );
    }

    #[test]
    fn a_capitalised_misspelling_mid_sentence_is_found_unless_it_is_a_name() {
        // One capitalised word mid-sentence, one typo from its correction:
        // found, with an unsafe fix (it may still be a name).
        assert_eq!(
            misspellings("Then we Recieve the files.", ""),
            [found("Recieve", "Receive", false)]
        );
        // Near misses, all names: a run of capitals, a double-barrelled
        // name, a surname after its particle, a word the post capitalises
        // twice mid-sentence, and one more than a typo from its correction.
        for text in [
            "We met the Recieve Team today.",
            "Thanks to Anna Favre-Recieve and others.",
            "Thanks to Jan van der Recieve and others.",
            "We thank Recieve for it, and Recieve again.",
            "We reached Linz at noon.",
        ] {
            assert_eq!(misspellings(text, ""), [], "{text}");
        }
        // At a sentence start, a capital is no name signal: the fix is safe.
        assert_eq!(
            misspellings("Recieve it now.", ""),
            [found("Recieve", "Receive", true)]
        );
    }

    #[test]
    fn a_correction_that_may_not_be_the_word_meant_is_unsafe() {
        // Another word one typing slip away ("greatest"), a contraction
        // without its apostrophe, a stray letter beside it, and the
        // correction already written next to it.
        for (text, word, fix) in [
            ("the latest and greates tools", "greates", "greats"),
            ("Ask whos ready, then start.", "whos", "whose"),
            ("every day o fthe week", "fthe", "the"),
            ("On othe other hand, no.", "othe", "other"),
        ] {
            assert_eq!(misspellings(text, ""), [found(word, fix, false)], "{text}");
        }
        // Near miss: "a" is a word, not a stray letter.
        assert_eq!(
            misspellings("a recieve step", ""),
            [found("recieve", "receive", true)]
        );
        // A part of a hyphenated compound may be a package's name.
        assert_eq!(
            misspellings("We build sbt-testng and more.", ""),
            [found("testng", "testing", false)]
        );
    }

    #[test]
    fn dotted_paths_and_variables_are_identifiers() {
        for text in [
            "Set config.recieve.timeout first.",
            "It failed at com.example.Recieve.run(Recieve.java:42) today.",
            "Set $recieve to one.",
        ] {
            assert_eq!(misspellings(text, ""), [], "{text}");
        }
        // Near misses: a sentence's end and a dot with a space are prose.
        assert_eq!(
            misspellings("We stop. Recieve it. Then we recieve. Done.", "").len(),
            2
        );
    }

    #[test]
    fn a_word_beside_another_language_is_no_english_slip() {
        // A cited French title inside English text.
        assert_eq!(
            misspellings(
                "See The Shift Project, Impact environnemental du numérique.",
                ""
            ),
            []
        );
        // Near miss: "die" is English too, so a slip beside it is still one.
        assert_eq!(
            misspellings("Old plans die environnemental deaths.", ""),
            [found("environnemental", "environmental", true)]
        );
    }

    #[test]
    fn a_dropped_g_with_its_apostrophe_is_speech() {
        assert_eq!(misspellings("How you doin’? Nothin' much.", ""), []);
        assert_eq!(
            misspellings("What are you doin today?", ""),
            [found("doin", "doing", false)]
        );
    }
}
