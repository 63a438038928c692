//! Article rules: "a" or "an", by how the next word starts when said.

use crate::diagnostic::{Applicability, Diagnostic};
use crate::packs::finding::{Active, finding};
use crate::packs::sounds;
use crate::packs::view::View;
use crate::packs::word_list::WordList;
use crate::prose::words::is_space;

/// An article rule's own word lists, beside `CMUdict`'s sounds.
#[derive(Debug)]
pub(in crate::packs) struct Article {
    pub(in crate::packs) rule: usize,
    /// Words and prefixes (`…*`), and whether each is said with a vowel
    /// sound: for words `CMUdict` lacks ("honour").
    pub(in crate::packs) sounds: WordList<bool>,
    /// Words and prefixes said either way.
    pub(in crate::packs) either: WordList<()>,
}

/// Reports word `i` when it is an article ("a", "an") the next word's
/// sound does not take.
pub(in crate::packs) fn check(
    rules: &[Active],
    articles: &[Article],
    view: &View,
    i: usize,
    found: &mut Vec<Diagnostic>,
) {
    // Most words are longer than an article: a length test turns them
    // away, and the word itself most of the rest, before any gap is read.
    if view.word_len(i) > 2 || articles.is_empty() || i + 1 >= view.words.len() {
        return;
    }
    let article = view.word(i);
    let is_an = match article {
        "a" => false,
        "an" => true,
        "A" | "An" if i == 0 || view.gap(i - 1).contains(['.', '!', '?', ':', '\n']) => {
            article == "An"
        }
        _ => return,
    };
    if !is_space(view.gap(i)) {
        return;
    }
    if view.in_identifier(i) {
        return;
    }
    let next = view.word(i + 1);
    let lower = view.lower(i + 1);
    // Single letters, names with digits ("x86", "re2c") and contractions are
    // said in ways spelling cannot tell; a number of digits alone is read
    // as its words.
    let digits = next.bytes().all(|b| b.is_ascii_digit());
    let letters = next.chars().all(char::is_alphabetic);
    if !(digits || (letters && next.chars().count() > 1))
        || view.gap(i + 1).starts_with(['\'', '’'])
    {
        return;
    }
    // A short acronym is said letter by letter whatever the word it
    // spells is said like ("a url", "an url", but "a URL").
    let spelled = next.len() <= 3 && next.bytes().all(|b| b.is_ascii_uppercase());
    for rule in articles {
        if !spelled && rule.either.find(lower).is_some() {
            continue;
        }
        let Some(reading) = sound(rule, next, lower) else {
            continue;
        };
        if reading.vowel == is_an {
            continue;
        }
        let wanted = match (reading.vowel, article.starts_with('A')) {
            (true, true) => "An",
            (true, false) => "an",
            (false, true) => "A",
            (false, false) => "a",
        };
        let mut finding = finding(
            rules,
            rule.rule,
            view,
            view.words[i].clone(),
            &[("match", article), ("replacement", wanted), ("word", next)],
            Some((view.words[i].clone(), wanted.to_string())),
        );
        // Acronyms, identifiers and names are said as their author says
        // them. And a lone "a" is the likeliest word to be left over from an
        // edit ("was a out of date") or to stand before a mass noun or a
        // plural ("a information"): the article may have to go, not
        // turn into "an". A stray "an" is rarer, as it is typed on purpose.
        if (!reading.certain || reading.vowel)
            && let Some(fix) = &mut finding.fix
        {
            fix.applicability = Applicability::Unsafe;
        }
        found.push(finding);
    }
}

/// How the word after an article starts when said.
struct Reading {
    /// With a vowel sound.
    vowel: bool,
    /// A plain lowercase word or a number, whose sound the data gives. An
    /// acronym, identifier or name is said as its author says it.
    certain: bool,
}

/// How `word` starts when said, from the rule's lists, then `CMUdict` (see
/// `sounds`); `None` when neither knows it or it may be said either way.
fn sound(rule: &Article, word: &str, lower: &str) -> Option<Reading> {
    let first = word.chars().next()?;
    // "über", "Éclair": spelling says little about how these are said in English.
    if !first.is_ascii() {
        return None;
    }
    if word.bytes().all(|b| b.is_ascii_digit()) {
        let vowel = sounds::number(word)?;
        return Some(Reading {
            vowel,
            certain: true,
        });
    }
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let all_capitals = capitals == word.chars().filter(|c| c.is_alphabetic()).count();
    let guessed = |vowel: Option<bool>| {
        vowel.map(|vowel| Reading {
            vowel,
            certain: false,
        })
    };
    // Said letter by letter: "an API", "a URL", "an npm package".
    let letters = letter_sound(first);
    if !lower.contains(['a', 'e', 'i', 'o', 'u', 'y']) || (all_capitals && word.len() <= 3) {
        return guessed(letters);
    }
    let vowel = |sound: sounds::Sound| match sound {
        sounds::Sound::Vowel => Some(true),
        sounds::Sound::Consonant => Some(false),
        sounds::Sound::Either => None,
    };
    // Known: CMUdict has it, or the pack lists it (a word or a prefix, for
    // words CMUdict lacks: "honour", "usecase"); else, for a word neither
    // knows, the sound all CMUdict's words of its first two letters share.
    let known = match sounds::listed(lower) {
        Some(sound) => Some(vowel(sound)),
        None => rule.sounds.find(lower).map(|listed| Some(*listed)),
    };
    let as_word = known.unwrap_or_else(|| sounds::group(lower).and_then(vowel));
    // An identifier with capitals inside ("HttpModule", "MSBuild", "NUnit",
    // "LoD") may be said as a word or letter by letter: only when both
    // readings agree is the article certain. So for a longer word in
    // capitals ("NASA", "UNLICENSE"), unless it is a word CMUdict knows
    // ("LICENSE") or too long to be spelled out.
    if capitals > 1 || (capitals == 1 && !first.is_uppercase()) {
        let read_as_word = all_capitals && (known.is_some() || word.len() >= SPELLED_OUT);
        if read_as_word {
            return guessed(as_word);
        }
        return guessed(as_word.filter(|vowel| letters == Some(*vowel)));
    }
    // A capitalised word after an article is a name ("an Euler path", "Find
    // an Replace dialog"), said as its owner says it.
    as_word.map(|vowel| Reading {
        vowel,
        certain: capitals == 0,
    })
}

/// Words in capitals this long are read as words: acronyms said letter by
/// letter are shorter.
const SPELLED_OUT: usize = 7;

/// Whether the name of a letter starts with a vowel sound ("an F", "an S");
/// `None` for the letters whose acronyms are as often said as words with a
/// consonant ("a NASA probe", "a SQL query", "a FAQ" beside "an FAQ").
fn letter_sound(letter: char) -> Option<bool> {
    match letter.to_ascii_uppercase() {
        'A' | 'E' | 'I' | 'O' => Some(true),
        'F' | 'H' | 'L' | 'M' | 'N' | 'R' | 'S' | 'X' => None,
        _ => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::packs::engine::shipped_engine;
    use crate::prose::segments::segments;

    #[test]
    fn only_an_before_a_plain_word_has_a_safe_fix() {
        let engine = shipped_engine();
        let text = "an house, a Apple laptop, an Dutch bike, a hour, a 8-hour day, an 1 in 4, an URL, a iPhone, an LICENSE file, \
                    a NUnit test, an NUnit test, a UNIX box, an UNIX box";
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        let found: Vec<(&str, &str, Applicability)> = out
            .iter()
            .filter(|d| d.rule == "a-or-an")
            .map(|d| {
                let fix = d.fix.as_ref().unwrap();
                let next = text[d.span.end..].split([' ', ',', '-']).nth(1).unwrap();
                (next, fix.replacement.as_str(), fix.applicability)
            })
            .collect();
        assert_eq!(
            found,
            [
                ("house", "a", Applicability::Safe),
                ("Apple", "an", Applicability::Unsafe),
                ("Dutch", "a", Applicability::Unsafe),
                ("hour", "an", Applicability::Unsafe),
                ("8", "an", Applicability::Unsafe),
                ("1", "a", Applicability::Safe),
                ("URL", "a", Applicability::Unsafe),
                ("iPhone", "an", Applicability::Unsafe),
                ("LICENSE", "a", Applicability::Unsafe),
                ("UNIX", "a", Applicability::Unsafe),
            ]
        );
    }
}
