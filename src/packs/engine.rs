//! All enabled pack rules compiled into one matcher, run once per segment.
//!
//! Word rules (substitution, sequence, repetition, consistency, article,
//! spelling) are compiled into hash tables keyed by a lowercased word, so the hot
//! loop walks the words of a segment once, hashes each once (`word_hash`) and
//! looks that hash up in every table: Unicode word
//! boundaries come free from the word splitter, and line breaks between words
//! are just whitespace. Pattern rules are compiled into one multi-pattern regex
//! (`regex_automata::meta::Regex::build_many_from_hir`), run once on each segment that holds
//! a word some pattern cannot match without (see `literals`); `\b` in a
//! pack pattern is compiled as an ASCII boundary (a Unicode `\b` makes the fast
//! engines give up on non-ASCII text) and each match is then checked against a
//! Unicode word boundary here. When patterns overlap, the leftmost match wins.
//!
//! A finding's span is mapped from the segment back to the file. A fix is kept
//! only when the file bytes under it are exactly the segment text it was
//! computed on, so a fix never deletes markup it did not see.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::Cell;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;

use super::literals::Gate;
use super::schema::{Kind, Pack, PatternFix, SequenceFix};
use super::sieve::Sieve;
use super::sounds;
use super::spelling;
use super::word_hash::word_hash;
use crate::accept::Accepted;
use crate::config::{Level, Levels};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Label, Severity};
use crate::prose::quotes;
use crate::prose::segments::{LONG_SEGMENT, Prose, Segment};
use crate::prose::words::{self, Word, is_space, is_word_char};

/// An error's message followed by its causes' ("error building NFA: ...
/// exceeds size limit").
fn with_causes(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    message
}

/// The most memory the compiled patterns of all packs may take.
const MAX_NFA_BYTES: usize = 8 << 20;

/// One enabled rule, as findings need it.
#[derive(Debug)]
struct Active {
    id: &'static str,
    severity: Severity,
    message: String,
    safe: bool,
}

/// What a phrase match means.
#[derive(Debug, Clone)]
enum Target {
    /// Replace by one of these (a fix when there is exactly one).
    Replace(Vec<String>),
    /// Form `form` of consistency group `group`.
    Form { group: usize, form: usize },
}

/// How two words of a phrase are joined.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Join {
    /// Any whitespace, line breaks included.
    Space,
    /// Exactly this text (such as `-`).
    Exact(String),
}

#[derive(Debug)]
struct Phrase {
    words: Vec<String>,
    /// The [`word_hash`] of each word: a following word of prose whose hash
    /// differs is turned away without reading it.
    hashes: Vec<u64>,
    joins: Vec<Join>,
    rule: usize,
    target: Target,
}

/// A repetition rule: the words it never reports, and, when not empty, the
/// only words it reports.
#[derive(Debug)]
struct Repetition {
    rule: usize,
    allow: HashSet<String>,
    only: HashSet<String>,
}

#[derive(Debug)]
struct Sequence {
    rule: usize,
    /// The second words (lowercase) with their [`word_hash`] and what each
    /// becomes, sorted by hash: the word after a first word is found by the
    /// hash it already has, without hashing its text again.
    second: Vec<(u64, String, Option<String>)>,
    fix: SequenceFix,
    skip_relative_clause: bool,
}

impl Sequence {
    /// What `word` (lowercase, with its hash) becomes as a second word, if
    /// it is one.
    fn second(&self, hash: u64, word: &str) -> Option<&Option<String>> {
        let at = self.second.partition_point(|(h, _, _)| *h < hash);
        (self.second[at..].iter())
            .take_while(|(h, _, _)| *h == hash)
            .find(|(_, w, _)| w == word)
            .map(|(_, _, mapped)| mapped)
    }
}

#[derive(Debug)]
struct Article {
    rule: usize,
    /// Words and prefixes (`…*`), and whether each is said with a vowel
    /// sound: for words CMUdict lacks ("honour").
    sounds: WordList<bool>,
    /// Words and prefixes said either way.
    either: WordList<()>,
}

/// Words and word prefixes (`…*` in a pack), each with a value, looked up by a
/// word: the longest entry that is the word or a prefix of it decides, and of
/// a word and a prefix written the same, the one listed first. A look-up costs
/// a few hash probes however long the lists are.
#[derive(Debug)]
struct WordList<T> {
    /// Entry text to (position in the lists, value).
    exact: HashMap<Box<str>, (usize, T)>,
    prefixes: HashMap<Box<str>, (usize, T)>,
    /// The lengths of the prefixes, longest first: only heads of these
    /// lengths can be found, so only they are looked up.
    prefix_lengths: Vec<usize>,
    /// The bytes an entry starts with (every byte, for an empty prefix): a
    /// word starting with another is in no list, and is turned away without
    /// a look-up.
    firsts: [bool; 256],
}

impl<T> WordList<T> {
    fn new(entries: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut list = WordList {
            exact: HashMap::default(),
            prefixes: HashMap::default(),
            prefix_lengths: Vec::new(),
            firsts: [false; 256],
        };
        for (position, (entry, value)) in entries.into_iter().enumerate() {
            let text = entry.trim_end_matches('*');
            match text.as_bytes().first() {
                Some(&first) => list.firsts[usize::from(first)] = true,
                None if text.len() < entry.len() => list.firsts = [true; 256],
                None => {}
            }
            let map = if text.len() < entry.len() {
                list.prefix_lengths.push(text.len());
                &mut list.prefixes
            } else {
                &mut list.exact
            };
            map.entry(text.into()).or_insert((position, value));
        }
        list.prefix_lengths.sort_unstable_by(|a, b| b.cmp(a));
        list.prefix_lengths.dedup();
        list
    }

    /// The value of the entry that decides for `word` (in lowercase).
    fn find(&self, word: &str) -> Option<&T> {
        // Most words start with a byte no entry starts with.
        let first = word.as_bytes().first().map_or(0, |&b| usize::from(b));
        if !self.firsts[first] && !word.is_empty() {
            return None;
        }
        // The whole word, as a word or as a prefix: the one listed first.
        match (self.exact.get(word), self.prefixes.get(word)) {
            (Some(a), Some(b)) => return Some(if a.0 <= b.0 { &a.1 } else { &b.1 }),
            (Some((_, value)), None) | (None, Some((_, value))) => return Some(value),
            (None, None) => {}
        }
        let shorter = self.prefix_lengths.iter().filter(|&&len| len < word.len());
        shorter
            .filter_map(|&len| self.prefixes.get(word.get(..len)?))
            .map(|(_, value)| value)
            .next()
    }
}

#[derive(Debug)]
struct PatternInfo {
    rule: usize,
    fix: PatternFix,
    except: Vec<(String, HashSet<String>)>,
}

/// A consistency group: its rule and its forms as written in the pack.
#[derive(Debug)]
struct Group {
    rule: usize,
    forms: Vec<String>,
}

/// The phrases and sequences that start with one word: one table lookup per
/// word of prose finds both, and most words are in neither.
#[derive(Debug)]
struct Starts {
    /// The word, in lowercase (words of the same hash share a table entry).
    word: Box<str>,
    phrases: Vec<Phrase>,
    sequences: Vec<Sequence>,
    /// The hashes of every sequence's second words, sorted: the word after
    /// this one, nearly always none of them, is turned away by its hash.
    seconds: Vec<u64>,
}

/// A hasher for keys that are already [`word_hash`]es: the table uses them
/// as they are instead of hashing every word of prose a second time.
#[derive(Debug, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = word_hash(bytes);
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// A table keyed by [`word_hash`].
type ByHash<T> = std::collections::HashMap<u64, T, BuildHasherDefault<Prehashed>>;

/// The compiled form of every enabled pack rule.
#[derive(Debug, Default)]
pub struct Engine {
    rules: Vec<Active>,
    /// By the hash of their first word.
    starts: ByHash<Vec<Starts>>,
    /// The hashes `starts` holds: most words of prose start nothing, and the
    /// sieve turns them away before the table is searched.
    start_sieve: Sieve,
    repetition: Vec<Repetition>,
    articles: Vec<Article>,
    groups: Vec<Group>,
    spelling: Vec<(usize, HashSet<String>)>,
    /// The words the site accepts, which are never misspellings.
    accepted: Accepted,
    /// The pattern regex, what each of its patterns means, and the gate that
    /// keeps it off segments it cannot match in.
    patterns: Option<(Regex, Vec<PatternInfo>, Gate)>,
}

/// A pattern compile error.
#[derive(Debug, thiserror::Error)]
#[error("the pack patterns do not compile together: {0}")]
pub struct CompileError(String);

impl Engine {
    /// Compiles the rules of `packs` that `levels` turns on.
    pub fn new(packs: &[Pack], levels: &Levels) -> Result<Self, CompileError> {
        let mut engine = Engine::default();
        let mut regexes = Vec::new();
        let mut infos = Vec::new();
        for rule in packs.iter().flat_map(|p| &p.rules) {
            let Level::On(severity) = levels.get(rule.info.id) else {
                continue;
            };
            let index = engine.rules.len();
            engine.rules.push(Active {
                id: rule.info.id,
                severity,
                message: rule.message.clone(),
                safe: rule.safe,
            });
            match &rule.kind {
                Kind::Substitution { phrases } => {
                    for (phrase, replacements) in phrases {
                        engine.add_phrase(phrase, index, Target::Replace(replacements.clone()));
                    }
                }
                Kind::Consistency { groups } => {
                    for forms in groups {
                        let group = engine.groups.len();
                        engine.groups.push(Group {
                            rule: index,
                            forms: forms.clone(),
                        });
                        for (form, text) in forms.iter().enumerate() {
                            engine.add_phrase(text, index, Target::Form { group, form });
                        }
                    }
                }
                Kind::Sequence {
                    first,
                    second,
                    fix,
                    skip_relative_clause,
                } => {
                    // As a map first: of a word listed twice, the last wins.
                    let second: HashMap<_, _> = second.iter().cloned().collect();
                    let mut second: Vec<_> = (second.into_iter())
                        .map(|(word, mapped)| (word_hash(word.as_bytes()), word, mapped))
                        .collect();
                    second.sort_unstable();
                    for word in first {
                        let starts = engine.starts_of(word);
                        starts
                            .seconds
                            .extend(second.iter().map(|(hash, _, _)| *hash));
                        starts.seconds.sort_unstable();
                        starts.seconds.dedup();
                        starts.sequences.push(Sequence {
                            rule: index,
                            second: second.clone(),
                            fix: *fix,
                            skip_relative_clause: *skip_relative_clause,
                        });
                    }
                }
                Kind::Repetition { allow, only } => {
                    engine.repetition.push(Repetition {
                        rule: index,
                        allow: allow.iter().cloned().collect(),
                        only: only.iter().cloned().collect(),
                    });
                }
                Kind::Article {
                    consonant_sound,
                    vowel_sound,
                    either,
                } => {
                    let sounds = consonant_sound
                        .iter()
                        .map(|w| (w.clone(), false))
                        .chain(vowel_sound.iter().map(|w| (w.clone(), true)));
                    engine.articles.push(Article {
                        rule: index,
                        sounds: WordList::new(sounds),
                        either: WordList::new(either.iter().map(|w| (w.clone(), ()))),
                    });
                }
                Kind::Spelling { allow } => {
                    engine
                        .spelling
                        .push((index, allow.iter().cloned().collect()));
                }
                Kind::Pattern { hir, fix, except } => {
                    // As the pack was read: the regex and its gate are built from it.
                    regexes.push(&**hir);
                    infos.push(PatternInfo {
                        rule: index,
                        fix: fix.clone(),
                        except: except
                            .iter()
                            .map(|(g, w)| (g.clone(), w.iter().cloned().collect()))
                            .collect(),
                    });
                }
            }
        }
        if !regexes.is_empty() {
            // A bound on the compiled size: a pack cannot make a pattern that
            // takes the machine's memory (counted repetitions multiply).
            let regex = Regex::builder()
                // No literal prefilter of its own: `Gate` already keeps the
                // regex off segments without the words it needs, and working
                // one out doubles the compile time, paid on every run.
                .configure(
                    Regex::config()
                        .nfa_size_limit(Some(MAX_NFA_BYTES))
                        .auto_prefilter(false),
                )
                .build_many_from_hir(&regexes)
                .map_err(|e| CompileError(with_causes(&e)))?;
            engine.patterns = Some((regex, infos, Gate::new(&regexes)));
        }
        Ok(engine)
    }

    fn add_phrase(&mut self, phrase: &str, rule: usize, target: Target) {
        let spans = words::words(phrase);
        let words: Vec<String> = spans
            .iter()
            .map(|w| phrase[w.clone()].to_lowercase())
            .collect();
        let joins = spans
            .windows(2)
            .map(|pair| {
                let gap = &phrase[pair[0].end..pair[1].start];
                if gap.trim().is_empty() {
                    Join::Space
                } else {
                    Join::Exact(gap.to_string())
                }
            })
            .collect();
        if let Some(first) = words.first() {
            let first = first.clone();
            let hashes = words.iter().map(|w| word_hash(w.as_bytes())).collect();
            self.starts_of(&first).phrases.push(Phrase {
                words,
                hashes,
                joins,
                rule,
                target,
            });
        }
    }

    /// The phrases and sequences starting with `word` (in lowercase).
    fn starts_of(&mut self, word: &str) -> &mut Starts {
        let hash = word_hash(word.as_bytes());
        self.start_sieve.insert(hash);
        let entry = self.starts.entry(hash).or_default();
        let at = match entry.iter().position(|s| &*s.word == word) {
            Some(at) => at,
            None => {
                entry.push(Starts {
                    word: word.into(),
                    phrases: Vec::new(),
                    sequences: Vec::new(),
                    seconds: Vec::new(),
                });
                entry.len() - 1
            }
        };
        &mut entry[at]
    }

    /// Whether no pack rule is enabled, so segments need not be built at all.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Runs every rule over the segments of one document. `quoted` holds the
    /// file ranges of its block quotes: someone else's words, which
    /// consistency rules do not count. The quotations of every segment with
    /// a finding are added to it, for `prose::quotes::soften`.
    pub fn check(
        &self,
        text: &str,
        prose: &Prose,
        quoted: &mut Vec<Range<usize>>,
        out: &mut Vec<Diagnostic>,
    ) {
        let mut forms: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); self.groups.len()];
        let mut found = Vec::new();
        // Findings and consistency forms of the English rules, held until the
        // segment is known to read as English.
        let mut english_found = Vec::new();
        let mut english_forms = Vec::new();
        let (lowered, ends) = lower_all(prose);
        let mut view = View::new(text);
        view.titles = (prose.iter().filter(|s| s.title))
            .map(|s| s.source_span(0..s.text.len()))
            .collect();
        // Which segments the pattern regex may match in, worked out for all
        // of them at once.
        let admitted = match &self.patterns {
            Some((_, _, gate)) => gate.admits(&lowered, &ends),
            None => vec![false; ends.len()],
        };
        let mut start = 0;
        // The language of a paragraph cut into several segments, told by its
        // first: it is long enough to tell, and the rest follow it.
        let mut paragraph_english = None;
        for ((segment, patterns), end) in prose.iter().zip(admitted).zip(&ends) {
            let found_before = found.len();
            view.read(segment, &lowered[start..*end]);
            start = end + 1;
            if !segment.continues {
                paragraph_english =
                    (segment.text.len() >= LONG_SEGMENT).then(|| view.looks_english());
            }
            for i in 0..view.words.len() {
                self.check_repetition(&view, i, &mut found);
                let hash = view.hashes[i];
                let same_start = |s: &&Starts| s.word.as_bytes() == view.lower_bytes(i);
                let starting = (self.start_sieve.may_hold(hash))
                    .then(|| self.starts.get(&hash))
                    .flatten()
                    .into_iter()
                    .flatten();
                for starts in starting.filter(same_start) {
                    self.check_phrases(
                        &view,
                        i,
                        &starts.phrases,
                        &mut english_found,
                        &mut english_forms,
                    );
                    self.check_sequences(&view, i, starts, &mut english_found);
                }
                self.check_article(&view, i, &mut english_found);
                self.check_spelling(&view, i, &mut english_found);
            }
            // A passage in another language ("No es posible") is left to the
            // repetition rule alone: the English rules would misread it. Most
            // segments give the English rules nothing, so the language is only
            // worked out for those that do.
            let anything = patterns || !english_found.is_empty() || !english_forms.is_empty();
            // Quotations are only looked for where there may be a finding.
            if anything || found.len() > found_before {
                quoted.extend(
                    quotes::inline(segment.text)
                        .into_iter()
                        .map(|range| segment.source_span(range)),
                );
            }
            if anything && paragraph_english.unwrap_or_else(|| view.looks_english()) {
                if patterns {
                    self.check_patterns(&view, &mut english_found);
                }
                found.append(&mut english_found);
                let is_quoted = |span: &Range<usize>| {
                    quoted
                        .iter()
                        .any(|q| q.start <= span.start && span.end <= q.end)
                };
                for (group, form, span) in english_forms.drain(..) {
                    if !is_quoted(&span) {
                        forms[group].push((form, span));
                    }
                }
            }
            english_found.clear();
            english_forms.clear();
        }
        view.keep_buffers();
        self.check_consistency(text, &forms, &mut found);
        found.sort_by(|a: &Diagnostic, b| {
            (a.span.start, a.span.end).cmp(&(b.span.start, b.span.end))
        });
        found.dedup_by(|later, earlier| later.span == earlier.span);
        out.append(&mut found);
    }

    fn finding(
        &self,
        rule: usize,
        view: &View,
        flagged: Range<usize>,
        values: &[(&str, &str)],
        fix: Option<(Range<usize>, String)>,
    ) -> Diagnostic {
        let active = &self.rules[rule];
        let message = fill(&active.message, values);
        let span = view.segment.source_span(flagged);
        let fix = fix.and_then(|(range, replacement)| {
            let source = view.segment.source_span(range.clone());
            // A fix is only kept when the file holds exactly the text it was made
            // from: across markup (`*the* our`) it would delete what it never saw.
            (view.text().get(range) == view.document.get(source.clone())).then_some(Fix {
                span: source,
                replacement,
                applicability: Applicability::from_safe(active.safe),
            })
        });
        let help = fix.as_ref().map(|f| {
            if f.replacement.is_empty() {
                "delete it".to_string()
            } else {
                format!("write `{}`", f.replacement.trim())
            }
        });
        Diagnostic {
            rule: active.id,
            severity: active.severity,
            message,
            span,
            labels: Vec::new(),
            help,
            fix,
        }
    }

    fn check_phrases(
        &self,
        view: &View,
        i: usize,
        candidates: &[Phrase],
        found: &mut Vec<Diagnostic>,
        forms: &mut Vec<(usize, usize, Range<usize>)>,
    ) {
        for phrase in candidates {
            let Some(end) = view.match_phrase(i, phrase) else {
                continue;
            };
            // "the Default Web Site", "Azure Web Sites": a run of capitalised
            // words is a name, whatever words it is made of.
            if end > i && (i..=end).all(|k| view.word(k).starts_with(char::is_uppercase)) {
                continue;
            }
            let range = view.words[i].start..view.words[end].end;
            match &phrase.target {
                Target::Form { group, form } => {
                    forms.push((*group, *form, view.segment.source_span(range)));
                }
                Target::Replace(replacements) => {
                    let written = &view.segment.text[range.clone()];
                    let cased: Vec<String> = replacements
                        .iter()
                        .map(|r| match_case(written, r))
                        .collect();
                    let fix = (cased.len() == 1).then(|| (range.clone(), cased[0].clone()));
                    let joined = cased.join("` or `");
                    let mut d = self.finding(
                        phrase.rule,
                        view,
                        range,
                        &[("match", written), ("replacement", &joined)],
                        fix,
                    );
                    if cased.len() > 1 {
                        d.help = Some(format!("write `{joined}`"));
                    }
                    found.push(d);
                }
            }
        }
    }

    fn check_sequences(&self, view: &View, i: usize, starts: &Starts, found: &mut Vec<Diagnostic>) {
        // The word after is nearly always no rule's second word: its hash
        // tells before any gap or letter case is read.
        let next = view.hashes.get(i + 1);
        if next.is_none_or(|hash| starts.seconds.binary_search(hash).is_err())
            || !is_space(view.gap(i))
        {
            return;
        }
        let rules = &starts.sequences;
        let (first, second) = (view.word(i), view.word(i + 1));
        // "the the": the same word twice is a repetition, not a sequence.
        if view.hashes[i] == view.hashes[i + 1] && view.lower(i) == view.lower(i + 1) {
            return;
        }
        // "the his-and-hers towels", "the A/B test": a word joined to the
        // next by a hyphen or slash is part of a compound, not a determiner.
        if view.gap(i + 1).starts_with(['-', '/']) {
            return;
        }
        // "the Our Father": a capitalised name after a lowercase word.
        if second.starts_with(char::is_uppercase) && !first.starts_with(char::is_uppercase) {
            return;
        }
        let (hash, lower) = (view.hashes[i + 1], view.lower(i + 1));
        let relative = closes_relative_clause(view, i);
        for seq in rules {
            let Some(mapped) = seq.second(hash, lower) else {
                continue;
            };
            if relative && seq.skip_relative_clause {
                continue;
            }
            let range = view.words[i].start..view.words[i + 1].end;
            let fix = match seq.fix {
                SequenceFix::None => None,
                SequenceFix::DropFirst => Some((range.clone(), match_case(first, second))),
                SequenceFix::DropSecond => Some((range.clone(), first.to_string())),
                SequenceFix::ReplaceSecond => mapped
                    .as_ref()
                    .map(|r| (view.words[i + 1].clone(), match_case(second, r))),
            };
            let replacement = fix.as_ref().map(|(_, r)| r.clone()).unwrap_or_default();
            let flagged = if seq.fix == SequenceFix::ReplaceSecond {
                view.words[i + 1].clone()
            } else {
                range.clone()
            };
            let matched = &view.segment.text[range];
            found.push(self.finding(
                seq.rule,
                view,
                flagged,
                &[
                    ("first", first),
                    ("second", second),
                    ("match", matched),
                    ("replacement", &replacement),
                ],
                fix,
            ));
        }
    }

    fn check_repetition(&self, view: &View, i: usize, found: &mut Vec<Diagnostic>) {
        if self.repetition.is_empty()
            || i + 1 >= view.words.len()
            || view.hashes[i] != view.hashes[i + 1]
        {
            return;
        }
        let (a, b) = (view.lower(i), view.lower(i + 1));
        if a != b || !is_space(view.gap(i)) || a.bytes().all(|c| c.is_ascii_digit()) {
            return;
        }
        // Three or more in a row is deliberate ("measure, measure, measure" without commas).
        let same = |j: usize| view.lower(j) == a;
        if (i > 0 && is_space(view.gap(i - 1)) && same(i - 1))
            || (i + 2 < view.words.len() && is_space(view.gap(i + 1)) && same(i + 2))
        {
            return;
        }
        // "twenty twenty-three": the second word starts a compound.
        if view.gap(i + 1).starts_with('-') {
            return;
        }
        // "Duran Duran", "Boing Boing": names repeat. "CC-BY by": a word
        // written another way the second time is another word; only "The the"
        // at a sentence start is the same word twice.
        let (first, second) = (view.word(i), view.word(i + 1));
        if first != second
            && !(first.starts_with(char::is_uppercase)
                && second.starts_with(char::is_lowercase)
                && first.chars().skip(1).eq(second.chars().skip(1))
                && (i == 0 || view.gap(i - 1).contains(['.', '!', '?', ':', '\n'])))
        {
            return;
        }
        if first.starts_with(char::is_uppercase) && second.starts_with(char::is_uppercase) {
            return;
        }
        for repetition in &self.repetition {
            if repetition.allow.contains(a)
                || !(repetition.only.is_empty() || repetition.only.contains(a))
            {
                continue;
            }
            let rule = &repetition.rule;
            let range = view.words[i].start..view.words[i + 1].end;
            let fix = (view.words[i].end..view.words[i + 1].end, String::new());
            let word = view.word(i);
            found.push(self.finding(
                *rule,
                view,
                range,
                &[("word", word), ("match", word)],
                Some(fix),
            ));
        }
    }

    fn check_article(&self, view: &View, i: usize, found: &mut Vec<Diagnostic>) {
        // Most words are longer than an article: a length test turns them
        // away, and the word itself most of the rest, before any gap is read.
        if view.word_len(i) > 2 || self.articles.is_empty() || i + 1 >= view.words.len() {
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
        for rule in &self.articles {
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
            let mut finding = self.finding(
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

    /// Takes the words the site accepts: the spelling rules leave them alone.
    pub fn accept(&mut self, accepted: Accepted) {
        self.accepted = accepted;
    }

    fn check_spelling(&self, view: &View, i: usize, found: &mut Vec<Diagnostic>) {
        if self.spelling.is_empty() {
            return;
        }
        // Shorter words are not in the table, nor most words the sieve turns
        // away: no need to read them.
        if view.lower_len(i) < spelling::SHORTEST || !spelling::may_be_listed(view.hashes[i]) {
            return;
        }
        let lower = view.lower(i);
        // Nearly every word is not in the table, and its hash is at hand: the
        // look-up comes first, the finer tests only for the few words found.
        let Some(correction) = spelling::correction(lower, view.hashes[i]) else {
            return;
        };
        let word = view.word(i);
        if self.accepted.accepts(word, lower) {
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
            if !near || elsewhere || (!sentence_start && view.in_capitalised_run(i)) {
                return;
            }
            certain &= sentence_start;
        }
        if view.in_identifier(i)
            || elided_g(view, i, lower, correction_word)
            || view.beside_another_language(i)
        {
            return;
        }
        // A part of a hyphenated compound may be a name ("sbt-testng").
        let certain = certain && !beside_a_slip(view, i, correction_word) && !view.hyphenated(i);
        for (rule, allow) in &self.spelling {
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
            let mut finding = self.finding(
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
                self.accepted.file
            ));
            found.push(finding);
        }
    }

    fn check_patterns(&self, view: &View, found: &mut Vec<Diagnostic>) {
        let Some((regex, infos, _)) = &self.patterns else {
            return;
        };
        let text = view.text();
        for caps in regex.captures_iter(text) {
            let (Some(pid), Some(whole)) = (caps.pattern(), caps.get_match()) else {
                continue;
            };
            let info = &infos[pid.as_usize()];
            if !unicode_boundaries(text, whole.range()) || excepted(&caps, text, &info.except) {
                continue;
            }
            let names = regex.group_info().pattern_names(pid);
            let flagged: Vec<Range<usize>> = names
                .enumerate()
                .filter(|(_, name)| name.is_some_and(|n| n.starts_with("bad")))
                .filter_map(|(index, _)| caps.get_group(index).map(|s| s.range()))
                .collect();
            let flagged = if flagged.is_empty() {
                vec![whole.range()]
            } else {
                flagged
            };
            for range in flagged {
                let written = &text[range.clone()];
                let replacement = match &info.fix {
                    PatternFix::None => None,
                    PatternFix::Template(template) => {
                        let mut out = String::new();
                        caps.interpolate_string_into(text, template, &mut out);
                        Some(match_case(written, &out))
                    }
                    PatternFix::Remove(chars) => {
                        Some(written.chars().filter(|c| !chars.contains(*c)).collect())
                    }
                };
                let shown = replacement.clone().unwrap_or_default();
                let fix = replacement.map(|r| (range.clone(), r));
                // Every named group is a placeholder too: "after `{context}`".
                let mut values: Vec<(&str, &str)> = regex
                    .group_info()
                    .pattern_names(pid)
                    .enumerate()
                    .filter_map(|(index, name)| {
                        Some((name?, &text[caps.get_group(index)?.range()]))
                    })
                    .collect();
                values.extend([("match", written), ("replacement", shown.as_str())]);
                found.push(self.finding(info.rule, view, range, &values, fix));
            }
        }
    }

    fn check_consistency(
        &self,
        text: &str,
        forms: &[Vec<(usize, Range<usize>)>],
        found: &mut Vec<Diagnostic>,
    ) {
        for (group, uses) in self.groups.iter().zip(forms) {
            let mut counts = vec![0usize; group.forms.len()];
            for (form, _) in uses {
                counts[*form] += 1;
            }
            if counts.iter().filter(|&&c| c > 0).count() < 2 {
                continue;
            }
            // The most used form wins; on a tie, the one listed first.
            let majority = (0..counts.len())
                .max_by_key(|&f| (counts[f], std::cmp::Reverse(f)))
                .unwrap_or(0);
            let Some((_, first_use)) = uses.iter().find(|(f, _)| *f == majority) else {
                continue;
            };
            let active = &self.rules[group.rule];
            let majority_text = text[first_use.clone()].to_string();
            for (_, span) in uses.iter().filter(|(f, _)| *f != majority) {
                let written = &text[span.clone()];
                let replacement = match_case(written, &group.forms[majority]);
                found.push(Diagnostic {
                    rule: active.id,
                    severity: active.severity,
                    message: fill(
                        &active.message,
                        &[
                            ("match", written),
                            ("replacement", &replacement),
                            ("majority", &majority_text),
                        ],
                    ),
                    span: span.clone(),
                    labels: vec![Label {
                        span: first_use.clone(),
                        message: format!("written `{majority_text}` here"),
                        elsewhere: None,
                    }],
                    help: Some(format!(
                        "write `{replacement}`, as elsewhere in this document"
                    )),
                    fix: Some(Fix {
                        span: span.clone(),
                        replacement,
                        applicability: Applicability::from_safe(active.safe),
                    }),
                });
            }
        }
    }
}

/// The text of every segment of `prose` with its ASCII letters lowered, each
/// followed by a zero byte, and where each ends: the pattern gate searches
/// them in one pass, and each segment's view reads its words' lowercase
/// forms there.
fn lower_all(prose: &Prose) -> (String, Vec<usize>) {
    let mut lowered = String::with_capacity(prose.iter().map(|s| s.text.len() + 1).sum());
    let mut ends = Vec::with_capacity(prose.len());
    for segment in prose.iter() {
        lowered.push_str(segment.text);
        ends.push(lowered.len());
        lowered.push('\0');
    }
    lowered.make_ascii_lowercase();
    (lowered, ends)
}

/// A segment with its words and their lowercase forms. One view is reused for
/// every segment of a document, so its buffers are allocated once.
struct View<'a> {
    document: &'a str,
    /// Where the document's title segments are in it.
    titles: Vec<Range<usize>>,
    segment: Segment<'a>,
    words: Vec<Word>,
    /// The segment text with its ASCII letters lowered, so an ASCII word `i`
    /// is `ascii_lowered[words[i]]`.
    ascii_lowered: &'a str,
    /// When the text is not all ASCII: `ascii_lowered`, then each word that
    /// is not ASCII, lowercased; every word is at `lower_spans`.
    lowered: String,
    lower_spans: Vec<Range<usize>>,
    /// The [`word_hash`] of each word in lowercase: one hash per word serves
    /// every table and tells two words apart without comparing them.
    hashes: Vec<u64>,
}

/// A view's buffers between documents: each thread keeps the last ones, so
/// they grow to the size of a segment once per thread, not once per document.
#[derive(Default)]
struct Spare {
    words: Vec<Word>,
    lowered: String,
    lower_spans: Vec<Range<usize>>,
    hashes: Vec<u64>,
}

/// The most bytes a kept [`Spare`] may hold: past it (a huge one-line
/// post), the buffers are let go rather than held.
const MAX_SPARE: usize = 1 << 20;

thread_local! {
    static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

impl<'a> View<'a> {
    /// A view of `document`, with the buffers this thread kept.
    fn new(document: &'a str) -> Self {
        let spare = SPARE.with(Cell::take);
        Self {
            document,
            titles: Vec::new(),
            segment: Segment::empty(),
            ascii_lowered: "",
            words: spare.words,
            lowered: spare.lowered,
            lower_spans: spare.lower_spans,
            hashes: spare.hashes,
        }
    }

    /// Gives this view's buffers back to the thread for its next document.
    fn keep_buffers(self) {
        let held = self.words.capacity() * size_of::<Word>()
            + self.lowered.capacity()
            + self.lower_spans.capacity() * size_of::<Range<usize>>()
            + self.hashes.capacity() * size_of::<u64>();
        if held <= MAX_SPARE {
            SPARE.with(|spare| {
                spare.set(Spare {
                    words: self.words,
                    lowered: self.lowered,
                    lower_spans: self.lower_spans,
                    hashes: self.hashes,
                });
            });
        }
    }

    /// Reads `segment` into this view, replacing the one before;
    /// `ascii_lowered` is its text with ASCII letters lowered.
    fn read(&mut self, segment: Segment<'a>, ascii_lowered: &'a str) {
        self.segment = segment;
        self.ascii_lowered = ascii_lowered;
        let text = segment.text;
        words::words_into(text, &mut self.words);
        self.lowered.clear();
        self.lower_spans.clear();
        if !text.is_ascii() {
            self.lowered.push_str(ascii_lowered);
            self.lower_words();
        }
        self.hashes.clear();
        // Two loops, not one over a chosen list: each compiles to a tighter
        // loop (one choice costs 1.5% of a whole run, in callgrind's count).
        if self.lower_spans.is_empty() {
            let lowered = ascii_lowered.as_bytes();
            let spans = self.words.iter();
            self.hashes
                .extend(spans.map(|w| word_hash(&lowered[w.clone()])));
        } else {
            let lowered = self.lowered.as_bytes();
            let spans = self.lower_spans.iter();
            self.hashes
                .extend(spans.map(|w| word_hash(&lowered[w.clone()])));
        }
    }

    /// Finds each word of a text that is not all ASCII in `lowered`, at
    /// `lower_spans`: an ASCII word where it is in the text (already
    /// lowered), any other lowercased after the text.
    fn lower_words(&mut self) {
        let segment = self.segment;
        let text = segment.text;
        for w in &self.words {
            // Most words of such a text are ASCII: their bytes tell, without
            // slicing the text as a `str`.
            if text.as_bytes()[w.clone()].is_ascii() {
                self.lower_spans.push(w.clone());
                continue;
            }
            let start = self.lowered.len();
            for c in text[w.clone()].chars() {
                // A curly apostrophe reads as a straight one.
                match c {
                    '\u{2019}' => self.lowered.push('\''),
                    c if c.is_ascii() => self.lowered.push(c.to_ascii_lowercase()),
                    c => self.lowered.extend(c.to_lowercase()),
                }
            }
            self.lower_spans.push(start..self.lowered.len());
        }
    }

    fn text(&self) -> &str {
        self.segment.text
    }

    /// Whether the segment reads as English: it has at least as many common
    /// English function words as function words of the other languages blogs
    /// quote most (Spanish, French, German, Italian, Portuguese, Dutch).
    fn looks_english(&self) -> bool {
        let (mut english, mut other) = (0usize, 0usize);
        // The first words tell the language; a long paragraph need not be read twice.
        for i in 0..self.words.len().min(LANGUAGE_SAMPLE) {
            let word = self.lower(i);
            if is_english_function_word(word) {
                english += 1;
            } else if is_other_function_word(word) {
                other += 1;
            }
        }
        other < 2 || english >= other
    }

    fn word(&self, i: usize) -> &str {
        &self.segment.text[self.words[i].clone()]
    }

    /// The length in bytes of word `i`. A word's end is never before its
    /// start, so this is a subtraction, not `Range::len`'s longer path.
    fn word_len(&self, i: usize) -> usize {
        let word = &self.words[i];
        word.end - word.start
    }

    /// The length in bytes of word `i` in lowercase.
    fn lower_len(&self, i: usize) -> usize {
        let span = self.lower_spans.get(i).unwrap_or(&self.words[i]);
        span.end - span.start
    }

    fn lower(&self, i: usize) -> &str {
        match self.lower_spans.get(i) {
            Some(span) => &self.lowered[span.clone()],
            None => &self.ascii_lowered[self.words[i].clone()],
        }
    }

    /// Word `i` in lowercase as bytes: comparing it needs no check that its
    /// ends fall between characters, as slicing a `str` does.
    fn lower_bytes(&self, i: usize) -> &[u8] {
        match self.lower_spans.get(i) {
            Some(span) => &self.lowered.as_bytes()[span.clone()],
            None => &self.ascii_lowered.as_bytes()[self.words[i].clone()],
        }
    }

    /// The text between word `i` and word `i + 1` (or the rest of the segment).
    fn gap(&self, i: usize) -> &str {
        let end = self
            .words
            .get(i + 1)
            .map_or(self.segment.text.len(), |w| w.start);
        &self.segment.text[self.words[i].end..end]
    }

    /// The index of the last word if `phrase`'s words (joined by its joins)
    /// start at word `i`.
    /// Whether word `i` starts a sentence: the first of the segment, or
    /// after a sentence's closing mark.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.gap(i - 1).contains(['.', '!', '?', ':'])
    }

    /// Whether word `i` is part of a name: beside another capitalised word
    /// ("Azure Web Sites", "Favre-Bulle"; not a function word capitalised
    /// for starting a sentence, "The" or "We"), or after a surname's
    /// particle ("van der Plas", "de Souza").
    fn in_capitalised_run(&self, i: usize) -> bool {
        let capitalised = |n: usize| self.word(n).chars().next().is_some_and(char::is_uppercase);
        let joined = |gap: &str| is_space(gap) || gap == "-";
        let before = i > 0
            && joined(self.gap(i - 1))
            && (capitalised(i - 1)
                && !(self.sentence_start(i - 1) && is_english_function_word(self.lower(i - 1)))
                || is_name_particle(self.word(i - 1)));
        let after = i + 1 < self.words.len() && joined(self.gap(i)) && capitalised(i + 1);
        before || after
    }

    /// Whether a word next to word `i` is a function word of another
    /// language and of no English ("environnemental du numérique"): the
    /// word is in a foreign title or phrase, not misspelled English.
    fn beside_another_language(&self, i: usize) -> bool {
        let foreign = |n: usize| {
            let word = self.lower(n);
            is_other_function_word(word) && !matches!(word, "die" | "y" | "se" | "su" | "le")
        };
        (i > 0 && foreign(i - 1)) || (i + 1 < self.words.len() && foreign(i + 1))
    }

    /// Whether word `i` is joined to a neighbour by a hyphen.
    fn hyphenated(&self, i: usize) -> bool {
        (i > 0 && self.gap(i - 1) == "-") || (i + 1 < self.words.len() && self.gap(i) == "-")
    }

    /// Whether word `i` is part of an identifier: joined to a neighbour by
    /// an underscore, written plain or escaped (`schedule_a`,
    /// `schedule\_a`), or by a dot with no space (`config.recieve.timeout`,
    /// `com.example.Recieve.run`); a variable (`$recieve`); or a handle
    /// after an `@` (`@namin`).
    fn in_identifier(&self, i: usize) -> bool {
        let before = self.text()[..self.words[i].start].ends_with(['_', '@', '$'])
            || (i > 0 && self.gap(i - 1) == ".");
        let after = i + 1 < self.words.len() && {
            let gap = self.gap(i);
            gap.starts_with('_') || gap.starts_with("\\_") || gap == "."
        };
        before || after
    }

    fn match_phrase(&self, i: usize, phrase: &Phrase) -> Option<usize> {
        let last = i + phrase.words.len() - 1;
        if last >= self.words.len() {
            return None;
        }
        for (k, word) in phrase.words.iter().enumerate().skip(1) {
            if self.hashes[i + k] != phrase.hashes[k] || self.lower_bytes(i + k) != word.as_bytes()
            {
                return None;
            }
            let gap = self.gap(i + k - 1);
            let ok = match &phrase.joins[k - 1] {
                Join::Space => is_space(gap),
                Join::Exact(s) => gap == s,
            };
            if !ok {
                return None;
            }
        }
        // A phrase glued to a neighbour by a hyphen is part of a longer
        // compound, and one glued by an underscore part of an identifier.
        let before = if i == 0 { "" } else { self.gap(i - 1) };
        if before.ends_with('-') || self.gap(last).starts_with('-') {
            return None;
        }
        if self.in_identifier(i) || self.in_identifier(last) {
            return None;
        }
        Some(last)
    }
}

/// How many words of a segment are read to tell its language.
const LANGUAGE_SAMPLE: usize = 40;

/// Whether `word` is a frequent English word that is not a word in the
/// languages below (a `match` compiles to a few byte comparisons).
/// Whether word `i` ends a relative clause without "that": a subject
/// pronoun before it, and before that a word joined by a space alone that
/// does not open a clause ("the job I had came through", "everything we
/// had went into it"). After a comma or a word such as "and" or "when",
/// the pronoun starts a clause of its own ("and I had went").
fn closes_relative_clause(view: &View, i: usize) -> bool {
    const SUBJECTS: &[&str] = &["i", "we", "you", "they", "he", "she", "it"];
    const OPENERS: &[&str] = &[
        "and", "but", "or", "so", "then", "that", "which", "who", "when", "if", "because", "since",
        "as", "after", "before", "while", "once", "until", "although", "though", "where",
        "whether", "unless", "now", "yet",
    ];
    i >= 2
        && SUBJECTS.contains(&view.lower(i - 1))
        && is_space(view.gap(i - 1))
        && is_space(view.gap(i - 2))
        && !OPENERS.contains(&view.lower(i - 2))
}

fn is_english_function_word(word: &str) -> bool {
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
fn is_other_function_word(word: &str) -> bool {
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
fn is_name_particle(word: &str) -> bool {
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

/// How the word after an article starts when said.
struct Reading {
    /// With a vowel sound.
    vowel: bool,
    /// A plain lowercase word or a number, whose sound the data gives. An
    /// acronym, identifier or name is said as its author says it.
    certain: bool,
}

/// How `word` starts when said, from the rule's lists, then CMUdict (see
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

/// Fills `{name}` placeholders; whitespace in a value (a phrase broken across
/// lines) is shown as one space, so a message stays on one line.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((close, value))
        });
        let Some((close, value)) = known else {
            out.push('{');
            rest = after;
            continue;
        };
        for (i, word) in value.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// `replacement` in the case of `written`: UPPER, Capitalised or as given.
pub fn match_case(written: &str, replacement: &str) -> String {
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if written.starts_with(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

/// Rewrites `\b` and `\B` outside character classes to their ASCII forms.
pub fn ascii_boundaries(pattern: &str) -> String {
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
fn unicode_boundaries(text: &str, range: Range<usize>) -> bool {
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

/// Whether a named group of the match holds one of its exception words.
fn excepted(caps: &Captures, text: &str, except: &[(String, HashSet<String>)]) -> bool {
    except.iter().any(|(group, words)| {
        caps.get_group_by_name(group)
            .is_some_and(|span| words.contains(&text[span.range()].to_lowercase()))
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Levels;
    use crate::packs::schema;
    use crate::prose::segments::segments;

    const PACK: &str = "pack: test\nrules:\n  - id: drop-the\n    kind: sequence\n    summary: s\n    explanation: e\n    message: \"`{match}` twice\"\n    first: [the]\n    second: [our]\n    fix: drop-first\n    safe: true\n    examples:\n      flag: [\"the our\"]\n";

    fn check(text: &str) -> Vec<Diagnostic> {
        let pack = schema::read(Path::new("test.yml"), PACK).unwrap();
        let levels = Levels::every_rule_on(&crate::setup::catalog(std::slice::from_ref(&pack)));
        let engine = Engine::new(&[pack], &levels).unwrap();
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        out
    }

    #[test]
    fn a_thread_keeps_small_view_buffers_and_lets_large_ones_go() {
        let spare_words = || {
            let spare = SPARE.with(Cell::take);
            let words = spare.words.capacity();
            SPARE.with(|s| s.set(spare));
            words
        };
        check("A short post of a few words.");
        assert!(spare_words() > 0);
        check(&"word ".repeat(200_000));
        assert_eq!(spare_words(), 0);
    }

    /// The rule and the text of each finding of the shipped packs in `text`.
    fn shipped_findings(text: &str) -> Vec<(&'static str, &str)> {
        let packs = crate::packs::shipped().unwrap();
        let levels = Levels::every_rule_on(&crate::setup::catalog(&packs));
        let engine = Engine::new(&packs, &levels).unwrap();
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        out.iter()
            .map(|d| (d.rule, &text[d.span.clone()]))
            .collect()
    }

    #[test]
    fn only_an_before_a_plain_word_has_a_safe_fix() {
        let packs = crate::packs::shipped().unwrap();
        let levels = Levels::every_rule_on(&crate::setup::catalog(&packs));
        let engine = Engine::new(&packs, &levels).unwrap();
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

    #[test]
    fn a_long_paragraph_cut_at_sentence_starts_reads_as_it_would_whole() {
        let long = |sentence: &str| sentence.repeat(LONG_SEGMENT / sentence.len() + 1);
        // Slips on both sides of every cut, one across markup.
        let sentence = "We met in *the* our team room, then the our desk. ";
        let text = long(sentence).repeat(3);
        assert!(segments(&text, 0).len() > 2);
        let found = shipped_findings(&text);
        let per_sentence = [
            ("double-determiner", "the* our"),
            ("double-determiner", "the our"),
        ];
        assert_eq!(found, per_sentence.repeat(text.len() / sentence.len()));
        // A paragraph that opens in Spanish stays Spanish after a cut: the
        // English rules leave it alone, as they would the whole of it.
        let text = format!("{}fin. We met the our team.", long("es que el "));
        assert_eq!(segments(&text, 0).len(), 2);
        assert_eq!(shipped_findings(&text), []);
        // One that opens in English stays English.
        let text = format!("{}fin. We met the our team.", long("we met the team and "));
        assert_eq!(segments(&text, 0).len(), 2);
        assert_eq!(shipped_findings(&text), [("double-determiner", "the our")]);
        // No cut before a word glued to a hyphen: it stays part of a compound.
        let text = format!("{}end. -it self here. Then it self.", long("word "));
        assert_eq!(shipped_findings(&text), [("closed-compound", "it self")]);
    }

    /// Each misspelling of the shipped packs in `text`, with the site
    /// accepting `accepted`: the word, its fix and whether the fix is safe.
    fn misspellings(text: &str, accepted: &str) -> Vec<(String, String, bool)> {
        let packs = crate::packs::shipped().unwrap();
        let levels = Levels::every_rule_on(&crate::setup::catalog(&packs));
        let mut engine = Engine::new(&packs, &levels).unwrap();
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
        let packs = crate::packs::shipped().unwrap();
        let levels = Levels::every_rule_on(&crate::setup::catalog(&packs));
        let engine = Engine::new(&packs, &levels).unwrap();
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
        let packs = crate::packs::shipped().unwrap();
        let levels = Levels::every_rule_on(&crate::setup::catalog(&packs));
        let engine = Engine::new(&packs, &levels).unwrap();
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

    #[test]
    fn a_fix_across_markup_is_dropped_but_the_finding_stays() {
        let found = check("in *the* our team");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].fix, None);
        let found = check("in the our team");
        assert_eq!(
            found[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("our")
        );
    }

    #[test]
    fn words_are_found_among_curly_quotes_and_accents() {
        // ASCII words in a text that is not all ASCII, before and after a word
        // that is not, are found where they are written.
        let text = "“Résumé” — in THE our team, naïve ‘the our’ café";
        let found = check(text);
        let spans: Vec<&str> = found.iter().map(|d| &text[d.span.clone()]).collect();
        assert_eq!(spans, ["THE our", "the our"]);
        let fixes: Vec<&str> = found
            .iter()
            .filter_map(|d| Some(d.fix.as_ref()?.replacement.as_str()))
            .collect();
        assert_eq!(fixes, ["OUR", "our"]);
    }

    #[test]
    fn messages_show_a_broken_phrase_on_one_line() {
        let found = check("> in the\n> our team");
        assert_eq!(found[0].message, "`the our` twice");
    }

    #[test]
    fn placeholders_are_filled_once_each() {
        // A value is never read for placeholders of its own; unknown names
        // and a lone brace stay as written.
        let values = [("match", "a {replacement}\n  b"), ("replacement", "x")];
        assert_eq!(
            fill("`{match}` to `{replacement}` {other} {", &values),
            "`a {replacement} b` to `x` {other} {"
        );
    }

    #[test]
    fn the_longest_word_or_prefix_decides() {
        let list = WordList::new([
            ("uni*".to_string(), 'c'),
            ("unin*".to_string(), 'v'),
            ("union".to_string(), 'x'),
            ("union*".to_string(), 'y'),
            ("é*".to_string(), 'e'),
        ]);
        assert_eq!(list.find("university"), Some(&'c'));
        assert_eq!(list.find("uninformed"), Some(&'v'));
        // A word and a prefix written the same: the one listed first.
        assert_eq!(list.find("union"), Some(&'x'));
        assert_eq!(list.find("unions"), Some(&'y'));
        assert_eq!(list.find("un"), None);
        assert_eq!(list.find("éclair"), Some(&'e'));
        assert_eq!(list.find("e"), None);
        assert_eq!(WordList::new([("*".to_string(), 1)]).find("any"), Some(&1));
    }

    #[test]
    fn case_is_kept() {
        assert_eq!(match_case("Text book", "textbook"), "Textbook");
        assert_eq!(match_case("API", "apis"), "APIS");
        assert_eq!(match_case("meet", "met"), "met");
        assert_eq!(match_case("É", "eé"), "Eé");
    }

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
