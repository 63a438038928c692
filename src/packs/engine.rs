//! The driver: all enabled pack rules compiled together, run once per
//! segment.
//!
//! Word rules (substitution, sequence, repetition, consistency, article,
//! spelling) are compiled into tables keyed by a lowercased word's hash, so
//! the hot loop walks the words of a segment once (`view`), hashes each once
//! (`word_hash`) and hands the hash to every matcher (`matchers`): Unicode
//! word boundaries come free from the word splitter, and line breaks between
//! words are just whitespace. Pattern rules are one multi-pattern regex
//! (`matchers::pattern`), run only on the segments their gate admits.
//!
//! A finding's span is mapped from the segment back to the file, and a fix
//! kept only where the file holds the text it was computed on (`finding`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::finding::Active;
use super::language;
use super::matchers::article::{self, Article};
use super::matchers::consistency::{self, Group};
use super::matchers::pattern::{PatternInfo, Patterns};
use super::matchers::phrase::{self, Phrase, Target};
use super::matchers::repetition::{self, Repetition};
use super::matchers::sequence::{self, Sequence};
use super::matchers::spelling;
use super::schema::{Kind, Pack};
use super::sieve::Sieve;
use super::starts::{ByHash, Starts};
use super::view::{View, lower_all};
use super::word_hash::word_hash;
use super::word_list::WordList;
use crate::accept::Accepted;
use crate::config::{Level, Levels};
use crate::diagnostic::Diagnostic;
use crate::prose::quotes;
use crate::prose::segments::{LONG_SEGMENT, Prose};

pub(crate) use super::matchers::pattern::CompileError;

/// The compiled form of every enabled pack rule.
#[derive(Debug, Default)]
pub(crate) struct Engine {
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
    /// The pattern rules, compiled together.
    patterns: Option<Patterns>,
}

impl Engine {
    /// Compiles the rules of `packs` that `levels` turns on.
    pub(crate) fn new(packs: &[Pack], levels: &Levels) -> Result<Self, CompileError> {
        let mut engine = Engine::default();
        let mut regexes = Vec::new();
        let mut infos = Vec::new();
        for rule in packs.iter().flat_map(|p| &p.rules) {
            let Level::On(severity) = levels.get(&rule.info.id) else {
                continue;
            };
            let index = engine.rules.len();
            engine.rules.push(Active {
                id: rule.info.id.clone(),
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
            engine.patterns = Some(Patterns::new(&regexes, infos)?);
        }
        Ok(engine)
    }

    fn add_phrase(&mut self, phrase: &str, rule: usize, target: Target) {
        if let Some(phrase) = Phrase::new(phrase, rule, target)
            && let Some(first) = phrase.words.first().cloned()
        {
            self.starts_of(&first).phrases.push(phrase);
        }
    }

    /// The phrases and sequences starting with `word` (in lowercase).
    fn starts_of(&mut self, word: &str) -> &mut Starts {
        let hash = word_hash(word.as_bytes());
        self.start_sieve.insert(hash);
        let entry = self.starts.entry(hash).or_default();
        let at = if let Some(at) = entry.iter().position(|s| &*s.word == word) {
            at
        } else {
            entry.push(Starts {
                word: word.into(),
                phrases: Vec::new(),
                sequences: Vec::new(),
                seconds: Vec::new(),
            });
            entry.len() - 1
        };
        &mut entry[at]
    }

    /// Whether no pack rule is enabled, so segments need not be built at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Runs every rule over the segments of one document. `quoted` holds the
    /// file ranges of its block quotes: someone else's words, which
    /// consistency rules do not count. The quotations of every segment with
    /// a finding are added to it, for `prose::quotes::soften`.
    pub(crate) fn check(
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
            Some(patterns) => patterns.gate.admits(&lowered, &ends),
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
                    (segment.text.len() >= LONG_SEGMENT).then(|| language::looks_english(&view));
            }
            for i in 0..view.words.len() {
                repetition::check(&self.rules, &self.repetition, &view, i, &mut found);
                let hash = view.hashes[i];
                let same_start = |s: &&Starts| s.word.as_bytes() == view.lower_bytes(i);
                let starting = (self.start_sieve.may_hold(hash))
                    .then(|| self.starts.get(&hash))
                    .flatten()
                    .into_iter()
                    .flatten();
                for starts in starting.filter(same_start) {
                    phrase::check(
                        &self.rules,
                        &view,
                        i,
                        &starts.phrases,
                        &mut english_found,
                        &mut english_forms,
                    );
                    sequence::check(
                        &self.rules,
                        &view,
                        i,
                        &starts.seconds,
                        &starts.sequences,
                        &mut english_found,
                    );
                }
                article::check(&self.rules, &self.articles, &view, i, &mut english_found);
                spelling::check(
                    &self.rules,
                    &self.spelling,
                    &self.accepted,
                    &view,
                    i,
                    &mut english_found,
                );
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
            if anything && paragraph_english.unwrap_or_else(|| language::looks_english(&view)) {
                if patterns && let Some(compiled) = &self.patterns {
                    compiled.check(&self.rules, &view, &mut english_found);
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
        consistency::check(&self.rules, &self.groups, text, &forms, &mut found);
        found.sort_by(|a: &Diagnostic, b| {
            (a.span.start, a.span.end).cmp(&(b.span.start, b.span.end))
        });
        found.dedup_by(|later, earlier| later.span == earlier.span);
        out.append(&mut found);
    }

    /// Takes the words the site accepts: the spelling rules leave them alone.
    pub(crate) fn accept(&mut self, accepted: Accepted) {
        self.accepted = accepted;
    }
}

/// An engine of every rule of the shipped packs, each on at its default
/// severity, enabled by default or not.
#[cfg(test)]
pub(super) fn shipped_engine() -> Engine {
    let packs = super::shipped().expect("the shipped packs load");
    let rules: Vec<_> = packs
        .iter()
        .flat_map(|p| &p.rules)
        .map(|r| r.info.clone())
        .collect();
    let levels = Levels::every_rule_on(&rules);
    Engine::new(&packs, &levels).expect("the shipped packs compile")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::packs::schema;
    use crate::prose::segments::segments;
    use crate::shared_str::SharedStr;

    const PACK: &str = "pack: test\nrules:\n  - id: drop-the\n    kind: sequence\n    summary: s\n    explanation: e\n    message: \"`{match}` twice\"\n    first: [the]\n    second: [our]\n    fix: drop-first\n    safe: true\n    examples:\n      flag: [\"the our\"]\n";

    fn check(text: &str) -> Vec<Diagnostic> {
        let pack = schema::read(Path::new("test.yml"), PACK).unwrap();
        let levels = Levels::every_rule_on(&[pack.rules[0].info.clone()]);
        let engine = Engine::new(&[pack], &levels).unwrap();
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        out
    }

    #[test]
    fn a_pack_read_twice_is_two_packs_each_freed_with_its_last_holder() {
        let first = schema::read(Path::new("test.yml"), PACK).unwrap();
        let second = schema::read(Path::new("test.yml"), PACK).unwrap();
        let held = |pack: &Pack| match &pack.rules[0].info.id {
            SharedStr::Shared(id) => std::sync::Arc::downgrade(id),
            SharedStr::Static(id) => panic!("`{id}` was leaked, not read"),
        };
        let (first_id, second_id) = (held(&first), held(&second));
        assert!(!first_id.ptr_eq(&second_id));
        drop(first);
        assert!(first_id.upgrade().is_none());
        // The second pack's engine works without it, and its findings keep
        // the id alive as long as they need it.
        let levels = Levels::every_rule_on(&[second.rules[0].info.clone()]);
        let engine = Engine::new(std::slice::from_ref(&second), &levels).unwrap();
        drop((second, levels));
        let text = "in the our team";
        let mut found = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut found);
        drop(engine);
        assert_eq!(found[0].rule, "drop-the");
        assert!(second_id.upgrade().is_some());
        drop(found);
        assert!(second_id.upgrade().is_none());
    }

    /// The rule and the text of each finding of the shipped packs in `text`.
    fn shipped_findings(text: &str) -> Vec<(String, &str)> {
        let engine = shipped_engine();
        let mut out = Vec::new();
        engine.check(text, &segments(text, 0), &mut Vec::new(), &mut out);
        out.iter()
            .map(|d| (d.rule.to_string(), &text[d.span.clone()]))
            .collect()
    }

    #[test]
    fn a_long_paragraph_cut_at_sentence_starts_reads_as_it_would_whole() {
        let long = |sentence: &str| sentence.repeat(LONG_SEGMENT / sentence.len() + 1);
        // Slips on both sides of every cut, one across markup.
        let sentence = "We met in *the* our team room, then the our desk. ";
        let text = long(sentence).repeat(3);
        assert!(segments(&text, 0).len() > 2);
        let found = shipped_findings(&text);
        let found: Vec<(&str, &str)> = found.iter().map(|(id, at)| (id.as_str(), *at)).collect();
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
        assert_eq!(
            shipped_findings(&text),
            [("double-determiner".into(), "the our")]
        );
        // No cut before a word glued to a hyphen: it stays part of a compound.
        let text = format!("{}end. -it self here. Then it self.", long("word "));
        assert_eq!(
            shipped_findings(&text),
            [("closed-compound".into(), "it self")]
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
}
