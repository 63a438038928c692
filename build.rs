//! Builds two things the binary embeds: the misspelling table the `spelling`
//! rule kind looks words up in, and the YAML trees of the shipped rule packs.
//!
//! ## The misspelling table
//!
//! The typos project's list (`typos-dict`, MIT OR Apache-2.0) is made for source
//! code, so it is filtered here for prose (see `kept`): ASCII lowercase keys
//! that no English word list knows, of four letters or more (with one
//! correction or several, joined by `|`), or of three when the key is its
//! one correction with two neighbouring letters swapped ("teh"). The word list is Wordnik's (`wordnik_list`, MIT)
//! plus every British, American, Canadian and Australian spelling in `VarCon`
//! (`varcon`, MIT OR Apache-2.0), so "prioritising" and "behaviour" are real
//! words and can never be "corrected". The result is a static open-addressing
//! hash table in `OUT_DIR`: one hash per lookup and, for a word not in it, no
//! read beyond the slots; no start-up cost, and a binary several megabytes
//! smaller than linking the whole dataset.
//!
//! ## The first sounds of words
//!
//! `src/packs/sounds/first-sounds.txt` (derived from `CMUdict` by
//! `scripts/first-sounds`) becomes one string of its words in order, a sorted
//! table of offsets into it with each word's sound, and a table of the
//! decided two-letter groups: a look-up is a binary search, no start-up cost.
//!
//! ## The shipped packs' trees
//!
//! Every run reads the shipped packs. Their YAML is parsed here, with the
//! same reader the library uses, and written in the compact form
//! `src/packs/tree_bytes.rs` reads back: a run then rebuilds each tree in a
//! few hundred thousand instructions instead of parsing 22 KB of YAML, about
//! a millisecond of every pre-commit run.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;

include!("src/packs/word_hash.rs");

/// The library's YAML reader, so the trees are exactly those a run would parse.
#[allow(dead_code)]
#[path = "src/front_matter/tree.rs"]
mod tree;

/// The shipped packs, as `src/packs/mod.rs` lists them.
const PACKS: &[&str] = &[
    "grammar.yml",
    "apostrophes.yml",
    "compounds.yml",
    "spelling.yml",
    "contractions.yml",
    "joined.yml",
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    misspellings(&out_dir);
    first_sounds(&out_dir);
    pack_trees(&out_dir);
}

/// Writes each shipped pack's tree to `OUT_DIR/<pack>.tree`.
fn pack_trees(out_dir: &std::path::Path) {
    println!("cargo::rerun-if-changed=src/front_matter/tree.rs");
    for name in PACKS {
        let path = format!("rules/{name}");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).expect("a shipped pack is readable");
        let root = match tree::parse(&text, 0) {
            Ok(Some(root)) => root,
            Ok(None) => panic!("{path} is empty"),
            Err(err) => panic!("{path} is not YAML: {err:?}"),
        };
        let mut bytes = Vec::new();
        encode(&root, &mut bytes);
        std::fs::write(out_dir.join(format!("{name}.tree")), bytes).expect("OUT_DIR is writable");
    }
}

/// Writes `node` in the form `src/packs/tree_bytes.rs` reads: its span's
/// start and end, then a kind byte and what the kind holds. Numbers are
/// LEB128; a string is its length, then its bytes.
fn encode(node: &tree::Node, out: &mut Vec<u8>) {
    number(node.span.start, out);
    number(node.span.end, out);
    match &node.kind {
        tree::NodeKind::Scalar(scalar) => {
            out.push(0);
            out.push(match scalar.style {
                tree::Style::Plain => 0,
                tree::Style::SingleQuoted => 1,
                tree::Style::DoubleQuoted => 2,
                tree::Style::Literal => 3,
                tree::Style::Folded => 4,
            });
            match &scalar.tag {
                None => out.push(0),
                Some(tag) => {
                    out.push(1);
                    string(tag, out);
                }
            }
            string(&scalar.value, out);
        }
        tree::NodeKind::Sequence(items) => {
            out.push(1);
            number(items.len(), out);
            for item in items {
                encode(item, out);
            }
        }
        tree::NodeKind::Mapping(entries) => {
            out.push(2);
            number(entries.len(), out);
            for entry in entries {
                encode(&entry.key, out);
                encode(&entry.value, out);
            }
        }
        tree::NodeKind::Alias => out.push(3),
    }
}

fn number(mut n: usize, out: &mut Vec<u8>) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn string(text: &str, out: &mut Vec<u8>) {
    number(text.len(), out);
    out.extend_from_slice(text.as_bytes());
}

/// How many 64-bit words the misspellings' sieve has: 2^20 bits (128 KB),
/// so about one word in thirteen that is not a misspelling gets through.
const SIEVE_WORDS: usize = 1 << 14;

/// Writes the misspelling table to `OUT_DIR/typos.rs`.
fn misspellings(out_dir: &std::path::Path) {
    println!("cargo::rerun-if-changed=src/packs/word_hash.rs");
    let mut known: HashSet<String> = wordnik_list::word_iterator().map(str::to_owned).collect();
    for cluster in varcon::VARCON {
        for entry in cluster.entries {
            for variant in entry.variants {
                known.insert(variant.word.to_lowercase());
            }
        }
    }
    let mut table: Vec<(&str, String)> = typos_dict::WORD
        .map
        .entries()
        .map(|(key, corrections)| (key.into_inner(), corrections.join("|")))
        .filter(|(key, corrections)| kept(key, corrections, &known))
        .collect();
    table.sort_unstable();
    let near_words = one_deletion_away(&known);
    // One string of every key and correction, and a sorted table of offsets
    // into it: no pointers in the data, so nothing for the loader to relocate
    // at start-up (a map of `&str` pairs cost 190,000 relocations and a few
    // milliseconds on every run).
    let mut text = String::new();
    let mut entries = String::new();
    for (key, correction) in &table {
        let key_at = text.len();
        text.push_str(key);
        let correction_at = text.len();
        text.push_str(correction);
        let uncertain = u32::from(uncertain(key, correction, &known, &near_words));
        assert!(
            correction.len() < 256,
            "a correction's length fits its byte"
        );
        let _ = writeln!(
            entries,
            "[{key_at},{correction_at},{}],",
            (uncertain << 16) | ((key.len() as u32) << 8) | correction.len() as u32
        );
    }
    // Open addressing: slot `word_hash(key) % size`, then the next ones; each
    // slot holds an entry's index plus one in its low bits (0: empty) and the
    // top bits of the key's hash above them, so a word that is not in the
    // table (nearly every word) is turned away without reading the entry or
    // its text. At most half full.
    let size = (table.len() * 2).next_power_of_two();
    assert!(table.len() < (1 << INDEX_BITS), "the index fits its bits");
    let mut slots = vec![0u32; size];
    for (index, (key, _)) in table.iter().enumerate() {
        let hash = word_hash(key.as_bytes());
        let mut slot = (hash as usize) & (size - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        let index = u32::try_from(index + 1).expect("checked above");
        slots[slot] = (fingerprint(hash) << INDEX_BITS) | index;
    }
    let mut slot_list = String::new();
    for slot in &slots {
        let _ = writeln!(slot_list, "{slot},");
    }
    // A bit per group of hash values, set for every key's: most words are
    // turned away here, in a table small enough to stay in the cache.
    let mut sieve = vec![0u64; SIEVE_WORDS];
    for (key, _) in &table {
        let bit = sieve_bit(word_hash(key.as_bytes()), SIEVE_WORDS);
        sieve[bit >> 6] |= 1 << (bit & 63);
    }
    let mut sieve_list = String::new();
    for word in &sieve {
        let _ = writeln!(sieve_list, "{word},");
    }
    let out = format!(
        "/// Every misspelling and its correction, one after the other (generated by build.rs).\n\
         pub static TEXT: &str = {text:?};\n\
         /// Per misspelling: where it starts in `TEXT`, where its correction\n\
         /// starts, and whether the correction is uncertain and their lengths\n\
         /// (uncertain << 16 | key << 8 | correction).\n\
         pub static ENTRIES: [[u32; 3]; {}] = [{entries}];\n\
         /// The hash table over `ENTRIES`: an entry's index plus one, or 0, in\n\
         /// the low `INDEX_BITS`; the key's hash fingerprint above them.\n\
         pub static SLOTS: [u32; {size}] = [{slot_list}];\n\
         /// The sieve in front of `SLOTS`: the `sieve_bit` of every key is set.\n\
         pub static SIEVE: [u64; {SIEVE_WORDS}] = [{sieve_list}];\n",
        table.len()
    );
    std::fs::write(out_dir.join("typos.rs"), out).expect("OUT_DIR is writable");
}

/// Whether a typos entry (`corrections` joined by `|`) is kept for prose:
/// an ASCII lowercase key no English word list knows, none of whose
/// corrections is the key itself. A key of four letters or more may have
/// several corrections ("lastest": "latest" or "last"; the rule then names
/// them and fixes nothing). A three-letter key is mostly an abbreviation or
/// a word of another language ("ect", "ein"), so it is kept only when it is
/// its one correction, a known word, with two neighbouring letters swapped
/// ("teh", "adn"), the commonest typing slip.
fn kept(key: &str, corrections: &str, known: &HashSet<String>) -> bool {
    let plain = key.len() >= 3
        && key.bytes().all(|b| b.is_ascii_lowercase())
        && !known.contains(key)
        && !corrections.split('|').any(|c| c.eq_ignore_ascii_case(key));
    plain
        && (key.len() >= 4
            || (!corrections.contains('|')
                && known.contains(corrections)
                && swapped_neighbours(key, corrections)))
}

/// Whether `a` is `b` with two neighbouring letters swapped.
fn swapped_neighbours(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let differ: Vec<usize> = (0..a.len()).filter(|&i| b.get(i) != Some(&a[i])).collect();
    a.len() == b.len()
        && differ.len() == 2
        && differ[1] == differ[0] + 1
        && a[differ[0]] == b[differ[1]]
        && a[differ[1]] == b[differ[0]]
}

/// Contractions people write without their apostrophe: "youre" is "you're"
/// as often as "your", so no one correction of it is certain.
const CONTRACTIONS: &[&str] = &[
    "i'm",
    "i've",
    "i'll",
    "i'd",
    "you're",
    "you've",
    "you'll",
    "you'd",
    "we're",
    "we've",
    "we'll",
    "we'd",
    "they're",
    "they've",
    "they'll",
    "they'd",
    "he's",
    "he'll",
    "he'd",
    "she's",
    "she'll",
    "she'd",
    "it's",
    "it'll",
    "who's",
    "who'd",
    "who'll",
    "that's",
    "there's",
    "what's",
    "let's",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "haven't",
    "hasn't",
    "hadn't",
    "can't",
    "couldn't",
    "won't",
    "wouldn't",
    "shouldn't",
    "mustn't",
    "needn't",
    "mightn't",
];

/// For every known word, each form with one letter deleted, and how many
/// different known words give it (two at most is enough to tell).
fn one_deletion_away(known: &HashSet<String>) -> std::collections::HashMap<String, u8> {
    let mut near = std::collections::HashMap::new();
    for word in known.iter().filter(|w| w.is_ascii() && w.len() >= 4) {
        let mut seen = HashSet::new();
        for at in 0..word.len() {
            let shorter = format!("{}{}", &word[..at], &word[at + 1..]);
            if seen.insert(shorter.clone()) {
                let count = near.entry(shorter).or_insert(0u8);
                *count = count.saturating_add(1).min(2);
            }
        }
    }
    near
}

/// Whether `key`'s one correction may not be the word meant: a typing slip
/// (a letter added, dropped or swapped with its neighbour) away from a
/// known word other than `correction` ("greates": "greats" or "greatest"),
/// or a contraction without its apostrophe ("youre"). Such a fix is unsafe.
fn uncertain(
    key: &str,
    correction: &str,
    known: &HashSet<String>,
    near_words: &std::collections::HashMap<String, u8>,
) -> bool {
    let correction = correction.to_lowercase();
    let other = |word: &str| word != correction && known.contains(word);
    let bytes = key.as_bytes();
    let dropped = (0..key.len()).any(|at| other(&format!("{}{}", &key[..at], &key[at + 1..])));
    let swapped = (1..key.len()).any(|at| {
        let mut word = bytes.to_vec();
        word.swap(at - 1, at);
        String::from_utf8(word).is_ok_and(|w| other(&w))
    });
    // How many known words lose one letter to give the key, less the
    // correction when it is one of them.
    let from_correction = correction.len() == key.len() + 1
        && (0..correction.len()).any(|at| {
            correction.is_char_boundary(at)
                && correction.is_char_boundary(at + 1)
                && format!("{}{}", &correction[..at], &correction[at + 1..]) == key
        });
    let added = near_words.get(key).copied().unwrap_or(0) > u8::from(from_correction);
    let contraction = CONTRACTIONS.iter().any(|c| c.replace('\'', "") == key);
    dropped || swapped || added || contraction
}

/// Writes the first-sound table to `OUT_DIR/first_sounds.rs`: a word's or a
/// group's sound is 1 (vowel), 2 (consonant) or 3 (either); 0 in `GROUPS` is
/// an open group.
fn first_sounds(out_dir: &std::path::Path) {
    let path = "src/packs/sounds/first-sounds.txt";
    println!("cargo::rerun-if-changed={path}");
    let data = std::fs::read_to_string(path).expect("the first-sound table is readable");
    let mut words: Vec<(&str, u8)> = Vec::new();
    let mut groups = [0u8; 26 * 26];
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split(' ');
        let sound = match fields.next() {
            Some("v") => 1,
            Some("c") => 2,
            Some("e") => 3,
            other => panic!("{path}: unknown class {other:?}"),
        };
        for entry in fields {
            assert!(
                entry
                    .trim_end_matches('*')
                    .bytes()
                    .all(|b| b.is_ascii_lowercase()),
                "{path}: {entry} is not lowercase ASCII"
            );
            match entry.strip_suffix('*').map(str::as_bytes) {
                Some(&[a, b]) => groups[usize::from(a - b'a') * 26 + usize::from(b - b'a')] = sound,
                Some(_) => panic!("{path}: a group is two letters: {entry}"),
                None => words.push((entry, sound)),
            }
        }
    }
    words.sort_unstable();
    assert!(
        words.iter().all(|(w, _)| w.len() < 64),
        "a length fits 6 bits"
    );
    let mut text = String::new();
    let mut entries = String::new();
    for (word, sound) in &words {
        let _ = writeln!(
            entries,
            "{},",
            text.len() << 8 | word.len() << 2 | usize::from(*sound)
        );
        text.push_str(word);
    }
    let group_list: String = groups.iter().map(|g| format!("{g},\n")).collect();
    let out = format!(
        "/// Every listed word, in order, one after the other (generated by build.rs).\n\
         pub static TEXT: &str = {text:?};\n\
         /// Per word, in order: where it starts in `TEXT` (above 8 bits), its\n\
         /// length (6 bits) and its sound (2 bits).\n\
         pub static WORDS: [u32; {}] = [{entries}];\n\
         /// Per two-letter group (`(a - 'a') * 26 + (b - 'a')`): its sound, or 0.\n\
         pub static GROUPS: [u8; 676] = [{group_list}];\n",
        words.len()
    );
    std::fs::write(out_dir.join("first_sounds.rs"), out).expect("OUT_DIR is writable");
}
