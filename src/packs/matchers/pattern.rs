//! Pattern rules: regexes, all compiled into one multi-pattern regex
//! (`regex_automata::meta::Regex::build_many_from_hir`) run once on each
//! segment that holds a word some pattern cannot match without (see
//! `literals`). When patterns overlap, the leftmost match wins.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_syntax::hir::Hir;

use crate::diagnostic::Diagnostic;
use crate::packs::boundaries::unicode_boundaries;
use crate::packs::case::match_case;
use crate::packs::finding::{Active, finding};
use crate::packs::literals::Gate;
use crate::packs::schema::PatternFix;
use crate::packs::view::View;

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

/// A pattern compile error.
#[derive(Debug, thiserror::Error)]
#[error("the pack patterns do not compile together: {0}")]
pub(crate) struct CompileError(String);

/// What one pattern of the regex means: its rule, fix and exceptions.
#[derive(Debug)]
pub(in crate::packs) struct PatternInfo {
    pub(in crate::packs) rule: usize,
    pub(in crate::packs) fix: PatternFix,
    pub(in crate::packs) except: Vec<(String, HashSet<String>)>,
}

/// The pattern regex, what each of its patterns means, and the gate that
/// keeps it off segments it cannot match in.
#[derive(Debug)]
pub(in crate::packs) struct Patterns {
    regex: Regex,
    infos: Vec<PatternInfo>,
    pub(in crate::packs) gate: Gate,
}

impl Patterns {
    /// Compiles `hirs` (as the packs were read) together; `infos` says what
    /// each means.
    pub(in crate::packs) fn new(
        hirs: &[&Hir],
        infos: Vec<PatternInfo>,
    ) -> Result<Self, CompileError> {
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
            .build_many_from_hir(hirs)
            .map_err(|e| CompileError(with_causes(&e)))?;
        Ok(Patterns {
            regex,
            infos,
            gate: Gate::new(hirs),
        })
    }

    /// Reports the matches of every pattern in the segment of `view`.
    pub(in crate::packs) fn check(
        &self,
        rules: &[Active],
        view: &View,
        found: &mut Vec<Diagnostic>,
    ) {
        let Patterns { regex, infos, .. } = self;
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
                found.push(finding(rules, info.rule, view, range, &values, fix));
            }
        }
    }
}

/// Whether a named group of the match holds one of its exception words.
fn excepted(caps: &Captures, text: &str, except: &[(String, HashSet<String>)]) -> bool {
    except.iter().any(|(group, words)| {
        caps.get_group_by_name(group)
            .is_some_and(|span| words.contains(&text[span.range()].to_lowercase()))
    })
}
