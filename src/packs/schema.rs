//! The rule pack file format, read with spans (documented in `rules/README.md`).
//!
//! ```yaml
//! pack: grammar
//! description: Grammar slips a spell checker misses.
//! rules:
//!   - id: double-determiner
//!     kind: sequence
//!     summary: Two determiners in a row
//!     message: "`{first} {second}`: two determiners in a row"
//!     first: [the, a, an]
//!     second: [our, my, your]
//!     fix: drop-first
//!     examples:
//!       flag: [{ text: "in the our team", fixed: "in our team" }]
//!       allow: ["in our team"]
//! ```
//!
//! Rule ids, pack names and regexes are checked here, so a pack that loads is a
//! pack that compiles.

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostic::{Applicability, Severity};
use crate::front_matter::tree::{Entry, Node, NodeKind};
use crate::rule::{FixAvailability, RuleInfo};
use crate::schema::{Schema, SchemaError};
use crate::shared_str::SharedStr;

/// Which findings of a pack rule carry a fix, for `prepress explain`.
const FIX_WHEN: &str = "when the flagged text has one certain replacement and no markup \
                        inside it (a fix across `*the* our` is dropped)";

/// One pack: a named set of prose rules.
#[derive(Debug, Clone)]
pub(crate) struct Pack {
    /// The pack's name, usable in config like a rule id.
    pub(crate) name: SharedStr,
    /// Its rules, in file order.
    pub(crate) rules: Vec<PackRule>,
}

/// One prose rule of a pack.
#[derive(Debug, Clone)]
pub(crate) struct PackRule {
    /// Id, severity, summary, explanation; the group is the pack name.
    pub(crate) info: RuleInfo,
    /// The message template; placeholders depend on the kind.
    pub(crate) message: String,
    /// What to match.
    pub(crate) kind: Kind,
    /// Whether its fixes may be applied by `--fix` without a person looking.
    pub(crate) safe: bool,
    /// Texts it must flag.
    pub(crate) flag: Vec<Example>,
    /// Texts it must leave alone.
    pub(crate) allow: Vec<String>,
}

/// A text a rule must flag, and optionally the text after `--fix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Example {
    /// The Markdown text.
    pub(crate) text: String,
    /// The text once every safe fix of this rule is applied.
    pub(crate) fixed: Option<String>,
}

/// How to fix a sequence finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SequenceFix {
    /// No fix.
    None,
    /// Delete the first word ("the our" -> "our").
    DropFirst,
    /// Delete the second word.
    DropSecond,
    /// Replace the second word by its mapped replacement ("has went" -> "has gone").
    ReplaceSecond,
}

/// What a pattern finding is replaced by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PatternFix {
    /// No fix.
    None,
    /// A template: literal text with `$name` / `${name}` group references.
    Template(String),
    /// Delete these characters from the flagged text.
    Remove(String),
}

/// The matching behaviour of a rule.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// Phrases (whole words; a space matches any whitespace) and their replacements.
    Substitution {
        /// Phrase and its replacements (one: a fix; several: a suggestion only).
        phrases: Vec<(String, Vec<String>)>,
    },
    /// A regex; groups named `bad…` mark what to flag (the whole match if none).
    Pattern {
        /// The regex as parsed to validate it (with `\b` made ASCII), kept so
        /// the engine need not parse it again on every run.
        hir: Box<regex_syntax::hir::Hir>,
        /// The replacement for each flagged group.
        fix: PatternFix,
        /// Matches to skip: group name and the words that group must not be.
        except: Vec<(String, Vec<String>)>,
    },
    /// A word of one list followed by a word of another, whitespace between.
    Sequence {
        /// First words.
        first: Vec<String>,
        /// Second words, each with its replacement when `fix` is `ReplaceSecond`.
        second: Vec<(String, Option<String>)>,
        /// The fix.
        fix: SequenceFix,
        /// Whether to skip a first word that closes a relative clause: "the
        /// job I had came through" reads `had came` as two verbs.
        skip_relative_clause: bool,
    },
    /// The same word twice in a row.
    Repetition {
        /// Words English may repeat ("had had", "that that").
        allow: Vec<String>,
        /// When not empty, the only words reported: a doubled function word
        /// ("the the") is a slip, a doubled content word ("really really")
        /// nearly always meant.
        only: Vec<String>,
    },
    /// One document spelling a word two ways.
    Consistency {
        /// Groups of forms; the first of each is the preferred form on a tie.
        groups: Vec<Vec<String>>,
    },
    /// "a" and "an" chosen by sound, from `CMUdict` (see `packs::sounds`).
    Article {
        /// Words `CMUdict` lacks said with a consonant sound ("usecase").
        consonant_sound: Vec<String>,
        /// Words `CMUdict` lacks said with a vowel sound ("unignored").
        vowel_sound: Vec<String>,
        /// Words both are used before, whatever `CMUdict` says ("humble").
        either: Vec<String>,
    },
    /// Misspellings from the `typos` dataset (see `packs::typos`).
    Spelling {
        /// Extra correct words never to flag.
        allow: Vec<String>,
    },
}

const RULE_KEYS: &[&str] = &[
    "id",
    "kind",
    "severity",
    "enabled",
    "summary",
    "explanation",
    "message",
    "safe",
    "examples",
    "replace",
    "pattern",
    "remove",
    "except",
    "first",
    "second",
    "fix",
    "skip-relative-clause",
    "allow",
    "only",
    "forms",
    "consonant-sound",
    "vowel-sound",
    "either",
];

/// Reads a pack from `text`, read from `path`.
pub(crate) fn read(path: &Path, text: &str) -> Result<Pack, SchemaError> {
    let schema = Schema { path, text };
    let Some(root) = schema.parse("rule pack")? else {
        return Err(schema.error(
            0..0,
            "the rule pack is empty; it needs `pack:` and `rules:`",
        ));
    };
    read_tree(path, text, &root)
}

/// Reads a pack from `root`, the tree of `text`, read from `path`.
pub(crate) fn read_tree(path: &Path, text: &str, root: &Node) -> Result<Pack, SchemaError> {
    let schema = Schema { path, text };
    let mut name = None;
    let mut rules_node = None;
    for entry in schema.mapping(root, "a rule pack")? {
        match schema.key(entry)? {
            "pack" => {
                let value = schema.string(&entry.value, "`pack`")?;
                if !is_kebab(&value) {
                    return Err(schema.error(
                        entry.value.span.clone(),
                        "a pack name is kebab-case, such as `team-style`",
                    ));
                }
                name = Some(value);
            }
            // One line about the pack, for its readers: checked, not kept.
            "description" => {
                schema.string(&entry.value, "`description`")?;
            }
            "rules" => rules_node = Some(&entry.value),
            other => {
                return Err(schema.unknown_key(
                    entry,
                    other,
                    "a pack",
                    &["pack", "description", "rules"],
                ));
            }
        }
    }
    let name = match name {
        Some(name) => SharedStr::from(name),
        None => return Err(schema.error(root.span.clone(), "a rule pack needs `pack: NAME`")),
    };
    let Some(rules_node) = rules_node else {
        return Err(schema.error(
            root.span.clone(),
            "a rule pack needs `rules:`, a list of rules",
        ));
    };
    let NodeKind::Sequence(items) = &rules_node.kind else {
        return Err(schema.error(
            rules_node.span.clone(),
            "`rules` must be a list of rules (`- id: …` items)",
        ));
    };
    let mut seen = HashSet::new();
    let mut rules = Vec::new();
    for item in items {
        let rule = read_rule(&schema, &name, item)?;
        if !seen.insert(rule.info.id.clone()) {
            return Err(schema.error(
                item.span.clone(),
                format!("rule `{}` is defined twice", rule.info.id),
            ));
        }
        rules.push(rule);
    }
    Ok(Pack { name, rules })
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The fields of one rule, by key, for reading in any order.
struct Fields<'n> {
    entries: Vec<(&'n str, &'n Entry)>,
}

impl<'n> Fields<'n> {
    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, e)| &e.value)
    }
}

fn read_rule(schema: &Schema, pack: &SharedStr, item: &Node) -> Result<PackRule, SchemaError> {
    let mut entries = Vec::new();
    for entry in schema.mapping(item, "a rule")? {
        let key = schema.key(entry)?;
        if !RULE_KEYS.contains(&key) {
            return Err(schema.unknown_key(entry, key, "a rule", &RULE_KEYS[..9]));
        }
        entries.push((key, entry));
    }
    let fields = Fields { entries };
    let required = |key: &str| {
        fields
            .get(key)
            .ok_or_else(|| schema.error(item.span.clone(), format!("this rule needs `{key}:`")))
    };
    let id_node = required("id")?;
    let id = schema.string(id_node, "`id`")?;
    if !is_kebab(&id) {
        return Err(schema.error(
            id_node.span.clone(),
            "a rule id is kebab-case, such as `double-determiner`",
        ));
    }
    let kind_node = required("kind")?;
    let kind_name = schema.string(kind_node, "`kind`")?;
    let severity = match fields.get("severity") {
        None => Severity::Warning,
        Some(node) => match node.as_scalar().map(|s| s.value.as_str()) {
            Some("info") => Severity::Info,
            Some("warning") => Severity::Warning,
            Some("error") => Severity::Error,
            _ => {
                return Err(schema.error(
                    node.span.clone(),
                    "a severity is `info`, `warning` or `error`",
                ));
            }
        },
    };
    let enabled = fields
        .get("enabled")
        .map(|n| schema.boolean(n, "`enabled`"))
        .transpose()?
        .unwrap_or(true);
    let safe = fields
        .get("safe")
        .map(|n| schema.boolean(n, "`safe`"))
        .transpose()?
        .unwrap_or(false);
    let summary = schema.string(required("summary")?, "`summary`")?;
    let explanation = schema.string(required("explanation")?, "`explanation`")?;
    let message = schema.string(required("message")?, "`message`")?;
    let kind = match kind_name.as_str() {
        "substitution" => substitution(schema, required("replace")?)?,
        "pattern" => pattern(schema, &fields, required("pattern")?)?,
        "sequence" => sequence(schema, &fields, required("first")?, required("second")?)?,
        "repetition" => Kind::Repetition {
            allow: words(schema, fields.get("allow"), "`allow`")?,
            only: words(schema, fields.get("only"), "`only`")?,
        },
        "consistency" => consistency(schema, required("forms")?)?,
        "article" => Kind::Article {
            consonant_sound: words(schema, fields.get("consonant-sound"), "`consonant-sound`")?,
            vowel_sound: words(schema, fields.get("vowel-sound"), "`vowel-sound`")?,
            either: words(schema, fields.get("either"), "`either`")?,
        },
        "spelling" => Kind::Spelling {
            allow: words(schema, fields.get("allow"), "`allow`")?,
        },
        _ => {
            return Err(schema.error(
                kind_node.span.clone(),
                "`kind` is one of substitution, pattern, sequence, repetition, consistency, article, spelling",
            ));
        }
    };
    let (flag, allow) = examples(schema, fields.get("examples"))?;
    if flag.is_empty() {
        return Err(schema.error(
            item.span.clone(),
            "a rule needs `examples:` with at least one `flag:` text it must report",
        ));
    }
    let sometimes = FixAvailability::Sometimes {
        applicability: Applicability::from_safe(safe),
        when: FIX_WHEN,
    };
    let fix = match &kind {
        Kind::Substitution { .. }
        | Kind::Article { .. }
        | Kind::Repetition { .. }
        | Kind::Consistency { .. } => sometimes,
        Kind::Pattern {
            fix: PatternFix::None,
            ..
        }
        | Kind::Sequence {
            fix: SequenceFix::None,
            ..
        } => FixAvailability::Never,
        Kind::Pattern { .. } | Kind::Sequence { .. } | Kind::Spelling { .. } => sometimes,
    };
    Ok(PackRule {
        info: RuleInfo {
            id: id.into(),
            group: pack.clone(),
            severity,
            enabled,
            summary: summary.into(),
            explanation: explanation.into(),
            fix,
        },
        message,
        kind,
        safe,
        flag,
        allow,
    })
}

/// A list of words, lowercased for matching.
fn words(schema: &Schema, node: Option<&Node>, what: &str) -> Result<Vec<String>, SchemaError> {
    match node {
        None => Ok(Vec::new()),
        Some(node) => Ok(schema
            .strings(node, what)?
            .into_iter()
            .map(|(w, _)| w.to_lowercase())
            .collect()),
    }
}

fn substitution(schema: &Schema, node: &Node) -> Result<Kind, SchemaError> {
    let mut phrases = Vec::new();
    for entry in schema.mapping(node, "`replace`")? {
        let phrase = schema.key(entry)?.to_string();
        let replacements = match &entry.value.kind {
            NodeKind::Sequence(_) => schema
                .strings(&entry.value, "the replacements")?
                .into_iter()
                .map(|(s, _)| s)
                .collect(),
            _ => vec![schema.string(&entry.value, "a replacement")?],
        };
        if crate::prose::words::words(&phrase).is_empty() {
            return Err(schema.error(entry.key.span.clone(), "a phrase needs at least one word"));
        }
        phrases.push((phrase, replacements));
    }
    Ok(Kind::Substitution { phrases })
}

/// The longest pattern a pack may hold, in bytes.
const MAX_PATTERN_BYTES: usize = 2_000;

/// How deeply a pattern's groups and repetitions may nest.
const MAX_PATTERN_NESTING: u32 = 32;

/// The names of the capture groups of a parsed pattern, in order.
fn capture_names(hir: &regex_syntax::hir::Hir, out: &mut Vec<String>) {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Capture(capture) => {
            out.extend(capture.name.as_deref().map(str::to_string));
            capture_names(&capture.sub, out);
        }
        HirKind::Concat(all) | HirKind::Alternation(all) => {
            for sub in all {
                capture_names(sub, out);
            }
        }
        HirKind::Repetition(repetition) => capture_names(&repetition.sub, out),
        _ => {}
    }
}

fn pattern(schema: &Schema, fields: &Fields, node: &Node) -> Result<Kind, SchemaError> {
    let regex = schema.string(node, "`pattern`")?;
    if regex.len() > MAX_PATTERN_BYTES {
        return Err(schema.error(
            node.span.clone(),
            format!("the pattern is longer than {MAX_PATTERN_BYTES} bytes; split the rule"),
        ));
    }
    // Parsed, not compiled: the engine compiles every pattern once, together.
    let hir = regex_syntax::ParserBuilder::new()
        .nest_limit(MAX_PATTERN_NESTING)
        .build()
        .parse(&super::boundaries::ascii_boundaries(&regex))
        .map_err(|err| {
            schema.error(
                node.span.clone(),
                format!(
                    "the pattern does not compile: {}",
                    one_line(&err.to_string())
                ),
            )
        })?;
    let mut names = Vec::new();
    capture_names(&hir, &mut names);
    let fix = match (fields.get("replace"), fields.get("remove")) {
        (Some(_), Some(remove)) => {
            return Err(schema.error(
                remove.span.clone(),
                "a pattern rule has `replace` or `remove`, not both",
            ));
        }
        (Some(replace), None) => PatternFix::Template(scalar(schema, replace, "`replace`")?),
        (None, Some(remove)) => PatternFix::Remove(schema.string(remove, "`remove`")?),
        (None, None) => PatternFix::None,
    };
    let mut except = Vec::new();
    if let Some(node) = fields.get("except") {
        for entry in schema.mapping(node, "`except`")? {
            let group = schema.key(entry)?;
            if !names.iter().any(|n| n == group) {
                return Err(schema.error(
                    entry.key.span.clone(),
                    format!("the pattern has no group named `{group}`"),
                ));
            }
            except.push((
                group.to_string(),
                words(schema, Some(&entry.value), "the exceptions")?,
            ));
        }
    }
    Ok(Kind::Pattern {
        hir: Box::new(hir),
        fix,
        except,
    })
}

/// A scalar that may be empty (a replacement can delete).
fn scalar(schema: &Schema, node: &Node, what: &str) -> Result<String, SchemaError> {
    node.as_scalar()
        .map(|s| s.value.clone())
        .ok_or_else(|| schema.error(node.span.clone(), format!("{what} must be text")))
}

fn sequence(
    schema: &Schema,
    fields: &Fields,
    first: &Node,
    second: &Node,
) -> Result<Kind, SchemaError> {
    let first = words(schema, Some(first), "`first`")?;
    let second: Vec<(String, Option<String>)> = match &second.kind {
        NodeKind::Mapping(entries) => entries
            .iter()
            .map(|e| {
                Ok((
                    schema.key(e)?.to_lowercase(),
                    Some(schema.string(&e.value, "a replacement")?),
                ))
            })
            .collect::<Result<_, SchemaError>>()?,
        _ => words(schema, Some(second), "`second`")?
            .into_iter()
            .map(|w| (w, None))
            .collect(),
    };
    let fix = match fields.get("fix") {
        None => SequenceFix::None,
        Some(node) => match node.as_scalar().map(|s| s.value.as_str()) {
            Some("none") => SequenceFix::None,
            Some("drop-first") => SequenceFix::DropFirst,
            Some("drop-second") => SequenceFix::DropSecond,
            Some("replace-second") if second.iter().all(|(_, r)| r.is_some()) => {
                SequenceFix::ReplaceSecond
            }
            Some("replace-second") => {
                return Err(schema.error(
                    node.span.clone(),
                    "`replace-second` needs `second` to map each word to its replacement",
                ));
            }
            _ => {
                return Err(schema.error(
                    node.span.clone(),
                    "`fix` is `none`, `drop-first`, `drop-second` or `replace-second`",
                ));
            }
        },
    };
    let skip_relative_clause = fields
        .get("skip-relative-clause")
        .map(|n| schema.boolean(n, "`skip-relative-clause`"))
        .transpose()?
        .unwrap_or(false);
    Ok(Kind::Sequence {
        first,
        second,
        fix,
        skip_relative_clause,
    })
}

fn consistency(schema: &Schema, node: &Node) -> Result<Kind, SchemaError> {
    let NodeKind::Sequence(items) = &node.kind else {
        return Err(schema.error(
            node.span.clone(),
            "`forms` is a list of lists, such as [[email, e-mail]]",
        ));
    };
    let groups = items
        .iter()
        .map(|item| {
            let forms = words(schema, Some(item), "a group of forms")?;
            if forms.len() < 2 {
                return Err(schema.error(item.span.clone(), "a group needs at least two forms"));
            }
            Ok(forms)
        })
        .collect::<Result<_, _>>()?;
    Ok(Kind::Consistency { groups })
}

fn examples(
    schema: &Schema,
    node: Option<&Node>,
) -> Result<(Vec<Example>, Vec<String>), SchemaError> {
    let mut flag = Vec::new();
    let mut allow = Vec::new();
    let Some(node) = node else {
        return Ok((flag, allow));
    };
    for entry in schema.mapping(node, "`examples`")? {
        let NodeKind::Sequence(items) = &entry.value.kind else {
            return Err(schema.error(entry.value.span.clone(), "examples are a list"));
        };
        match schema.key(entry)? {
            "flag" => {
                for item in items {
                    flag.push(match &item.kind {
                        NodeKind::Mapping(fields) => {
                            let mut text = None;
                            let mut fixed = None;
                            for field in fields {
                                match schema.key(field)? {
                                    "text" => text = Some(schema.string(&field.value, "`text`")?),
                                    "fixed" => {
                                        fixed = Some(schema.string(&field.value, "`fixed`")?);
                                    }
                                    other => {
                                        return Err(schema.unknown_key(
                                            field,
                                            other,
                                            "an example",
                                            &["text", "fixed"],
                                        ));
                                    }
                                }
                            }
                            Example {
                                text: text.ok_or_else(|| {
                                    schema.error(item.span.clone(), "an example needs `text:`")
                                })?,
                                fixed,
                            }
                        }
                        _ => Example {
                            text: schema.string(item, "an example")?,
                            fixed: None,
                        },
                    });
                }
            }
            "allow" => {
                for item in items {
                    allow.push(schema.string(item, "an example")?);
                }
            }
            other => {
                return Err(schema.unknown_key(entry, other, "`examples`", &["flag", "allow"]));
            }
        }
    }
    Ok((flag, allow))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::catch_unwind;

    fn read_text(text: &str) -> Result<Pack, SchemaError> {
        read(Path::new("team.yml"), text)
    }

    const MINIMAL: &str = "pack: team\nrules:\n  - id: no-utilize\n    kind: substitution\n    summary: s\n    explanation: e\n    message: \"use {replacement}\"\n    replace:\n      utilize: use\n    examples:\n      flag: [\"We utilize it.\"]\n";

    #[test]
    fn reads_a_minimal_pack() {
        let pack = read_text(MINIMAL).unwrap();
        assert_eq!(pack.name, "team");
        assert_eq!(pack.rules[0].info.id, "no-utilize");
        assert_eq!(pack.rules[0].info.group, "team");
        assert_eq!(pack.rules[0].info.severity, Severity::Warning);
    }

    #[test]
    fn mistakes_point_at_their_place() {
        let text = MINIMAL.replace("kind: substitution", "kind: substitute");
        let err = read_text(&text).unwrap_err();
        assert_eq!(&text[err.span], "substitute");

        let text = MINIMAL.replace("    message:", "    mesage:");
        let err = read_text(&text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "mesage");
        assert!(
            err.message.starts_with("unknown key `mesage` in a rule"),
            "{}",
            err.message
        );

        let text = "pack: team\nrules:\n  - id: bad-regex\n    kind: pattern\n    pattern: 'a(b'\n    summary: s\n    explanation: e\n    message: m\n    examples:\n      flag: [ab]\n";
        let err = read_text(text).unwrap_err();
        assert_eq!(&text[err.span.clone()], "'a(b'");
        assert!(
            err.message.starts_with("the pattern does not compile"),
            "{}",
            err.message
        );

        let text = MINIMAL.replace("    examples:\n      flag: [\"We utilize it.\"]\n", "");
        assert!(read_text(&text).unwrap_err().message.contains("examples"));

        let text = MINIMAL.replace("id: no-utilize", "id: No_Utilize");
        assert_eq!(&text[read_text(&text).unwrap_err().span], "No_Utilize");
    }

    // Inputs the `pack` fuzz target (`fuzz/`) found crashing the YAML reader.
    /// What `cargo fuzz tmin pack` reduced the crash to: a block scalar, no final
    /// line break.
    const BLOCK_SCALAR_CRASH: &[u8] = b"|\n g";

    #[test]
    fn a_pack_ending_in_a_block_scalar_is_an_error_not_a_panic() {
        let text = std::str::from_utf8(BLOCK_SCALAR_CRASH).unwrap();
        let read = catch_unwind(|| read(Path::new("fuzz.yml"), text).map(|_| ()));
        let read = read.expect("reading the pack panicked");
        // A lone string is not a pack: it needs `pack:` and `rules:`.
        let err = read.expect_err("a bare string read as a pack");
        assert_eq!(err.path, Path::new("fuzz.yml"));
    }

    /// A pack a person could write, whose last value is a block scalar, and no
    /// final line break.
    const TEAM_PACK: &str = "pack: team
description: Our own rules.
rules:
  - id: team-name
    kind: substitution
    summary: The company name written without its capitals
    message: \"`{match}` is written `{replacement}`\"
    replace:
      acme corp: Acme Corp
    examples:
      flag: [{ text: \"we are acme corp\", fixed: \"we are Acme Corp\" }]
    explanation: |
      The company name has capitals.";

    #[test]
    fn the_team_pack_with_a_final_line_break_reads() {
        read(Path::new("team.yml"), &format!("{TEAM_PACK}\n")).expect("the pack reads");
    }

    #[test]
    fn a_real_pack_whose_last_value_is_a_block_scalar_reads() {
        let read = catch_unwind(|| read(Path::new("team.yml"), TEAM_PACK).map(|_| ()));
        read.expect("reading the pack panicked")
            .expect("the pack reads");
    }

    /// The second crash of the `pack` target: libyaml-safer's tag scanner
    /// panics ("TODO: What is expected here?") on this flow sequence.
    const TAG_PANIC: &str = "[[!?,";

    #[test]
    fn text_the_yaml_reader_panics_on_is_a_yaml_error() {
        let read = catch_unwind(|| read(Path::new("fuzz.yml"), TAG_PANIC).map(|_| ()));
        let err = read
            .expect("reading the pack panicked")
            .expect_err("not a pack");
        assert!(
            err.message.contains("not valid YAML") || err.message.contains("YAML"),
            "{}",
            err.message
        );
    }
}
