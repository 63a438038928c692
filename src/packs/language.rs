//! Which language a segment reads as, from its function words: the English
//! rules leave a passage in another language alone.

use super::view::View;

/// How many words of a segment are read to tell its language.
const LANGUAGE_SAMPLE: usize = 40;

/// Whether the segment reads as English: it has at least as many common
/// English function words as function words of the other languages blogs
/// quote most (Spanish, French, German, Italian, Portuguese, Dutch).
pub(super) fn looks_english(view: &View) -> bool {
    let (mut english, mut other) = (0usize, 0usize);
    // The first words tell the language; a long paragraph need not be read twice.
    for i in 0..view.words.len().min(LANGUAGE_SAMPLE) {
        let word = view.lower(i);
        if is_english_function_word(word) {
            english += 1;
        } else if is_other_function_word(word) {
            other += 1;
        }
    }
    other < 2 || english >= other
}

/// Whether `word` is a frequent English word that is not a word in the
/// languages below (a `match` compiles to a few byte comparisons).
pub(super) fn is_english_function_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "and"
            | "of"
            | "to"
            | "that"
            | "was"
            | "for"
            | "with"
            | "this"
            | "be"
            | "at"
            | "have"
            | "not"
            | "but"
            | "they"
            | "from"
            | "or"
            | "by"
            | "we"
            | "you"
            | "it"
            | "are"
            | "were"
            | "which"
            | "would"
            | "there"
            | "their"
            | "what"
            | "about"
            | "when"
            | "my"
            | "our"
            | "your"
            | "his"
            | "her"
            | "she"
            | "he"
            | "will"
            | "can"
            | "been"
    )
}

/// Whether `word` is a frequent function word of Spanish, French, German,
/// Italian, Portuguese or Dutch that is not an English word.
pub(super) fn is_other_function_word(word: &str) -> bool {
    matches!(
        word,
        "el" | "los"
            | "las"
            | "que"
            | "del"
            | "y"
            | "es"
            | "una"
            | "por"
            | "con"
            | "para"
            | "pero"
            | "como"
            | "muy"
            | "se"
            | "su"
            | "le"
            | "les"
            | "des"
            | "du"
            | "et"
            | "est"
            | "une"
            | "pour"
            | "dans"
            | "pas"
            | "qui"
            | "sur"
            | "avec"
            | "nous"
            | "vous"
            | "je"
            | "der"
            | "die"
            | "das"
            | "und"
            | "ist"
            | "nicht"
            | "ein"
            | "eine"
            | "mit"
            | "auf"
            | "für"
            | "zu"
            | "den"
            | "dem"
            | "ich"
            | "wir"
            | "il"
            | "di"
            | "che"
            | "è"
            | "della"
            | "sono"
            | "non"
            | "per"
            | "gli"
            | "um"
            | "uma"
            | "não"
            | "em"
            | "da"
            | "do"
            | "het"
            | "een"
            | "van"
            | "niet"
            | "ook"
            | "zijn"
    )
}

/// Whether `word` is a particle that comes before a surname in many
/// languages ("van der Plas", "de Souza", "bin Said").
pub(super) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "der"
            | "den"
            | "de"
            | "von"
            | "da"
            | "di"
            | "du"
            | "le"
            | "la"
            | "bin"
            | "al"
            | "ibn"
            | "ter"
            | "ten"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "zu"
            | "vom"
    )
}
