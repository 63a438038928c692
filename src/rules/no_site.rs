//! `no-site`: files outside any Jekyll site, whose references went unchecked.
//! Reported once per run by the check step, on the first such file.

use super::context::{Context, configured};
use crate::config::Level;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::{FixAvailability, Rule};

/// The rule.
pub(crate) static RULE: Rule = Rule {
    id: "no-site",
    severity: Severity::Info,
    summary: "A file belongs to no Jekyll site, so what it refers to was not checked",
    explanation: "\
## What it does
A file's site is the nearest folder at or above it that holds a `_config.yml`
(or the folder `--site` names). A file with none belongs to no site, and the
rules that check what a file refers to have nothing to check it against:
`{% post_url %}` (`broken-post-url`), `{% link %}` (`broken-link-tag`),
`{% include %}` (`missing-include`), `layout:` (`missing-layout`), authors
(`unknown-author`, `missing-author`) and links and images (`broken-link`).
This note says so once per run, on the first such file (at its first line),
naming what was skipped and how many other files were in the same case.

## Why is this bad?
Skipped silently, a run from the wrong folder, or on a site whose
`_config.yml` is missing, looks clean while a `{% post_url %}` to no post
would stop the build.

## How to fix
Check from inside the site (a bare `prepress` finds every site below the
current folder), or name the site's root with `--site DIR`. For Markdown
that is not part of a site (a README, notes), nothing needs fixing: turn the
note off with `rules: disable: [no-site]` in `.prepress.yml`.

## Example
```text
notes/todo.md:1:1: info[no-site] no `_config.yml` here or in any folder above,
so this file is in no Jekyll site: its `{% post_url %}`, `{% link %}`,
`{% include %}`, layouts, authors and links were not checked
```",
    fix: FixAvailability::Never,
};

/// What each cross-reference rule checks, as the note names it.
const SKIPPED: &[(&str, &str)] = &[
    ("broken-post-url", "`{% post_url %}`"),
    ("broken-link-tag", "`{% link %}`"),
    ("missing-include", "`{% include %}`"),
    ("missing-layout", "layouts"),
    ("unknown-author", "authors"),
    ("missing-author", "authors"),
    ("broken-link", "links"),
];

/// The note for the first file without a site, checked with `context`, when
/// `others` more files have none: `None` when the note is off, or when every
/// cross-reference rule is off for that file (nothing was skipped).
pub(crate) fn note(context: &Context, others: usize) -> Option<Diagnostic> {
    let mut skipped: Vec<&str> = Vec::new();
    for (id, what) in SKIPPED {
        if matches!(context.levels.get(id), Level::On(_)) && !skipped.contains(what) {
            skipped.push(what);
        }
    }
    let list = match skipped.split_last()? {
        (last, []) => last.to_string(),
        (last, rest) => format!("{} and {last}", rest.join(", ")),
    };
    let others = match others {
        0 => String::new(),
        1 => " (nor in 1 other file without a site)".to_string(),
        n => format!(" (nor in {n} other files without a site)"),
    };
    let diagnostic = Diagnostic::new(
        RULE.id,
        RULE.severity,
        0..0,
        format!(
            "no `_config.yml` here or in any folder above, so this file is in no Jekyll site: its {list} were not checked{others}"
        ),
    )
    .with_help("check from inside the site, or name its root with `--site DIR`");
    configured(context, diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, Levels};
    use crate::packs::engine::Engine;
    use crate::rules::RULES;

    fn note_with(disabled: &[&str], others: usize) -> Option<String> {
        let catalog: Vec<_> = RULES.iter().map(|(r, _)| r.info()).collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".prepress.yml");
        let yaml = format!("rules:\n  disable: [{}]\n", disabled.join(", "));
        std::fs::write(&path, yaml).unwrap();
        let config = Config::read_file(&path, None).unwrap();
        let levels: Levels = config.levels(&catalog).unwrap();
        let engine = Engine::default();
        let context = Context {
            config: &config,
            levels: &levels,
            options: &Default::default(),
            engine: &engine,
            site: None,
            now: jiff::Timestamp::now(),
        };
        note(&context, others).map(|d| d.message)
    }

    #[test]
    fn names_what_was_skipped_and_how_many_other_files() {
        assert_eq!(
            note_with(&[], 2).unwrap(),
            "no `_config.yml` here or in any folder above, so this file is in no Jekyll site: \
             its `{% post_url %}`, `{% link %}`, `{% include %}`, layouts, authors and links were not checked \
             (nor in 2 other files without a site)"
        );
        assert_eq!(
            note_with(
                &[
                    "broken-link",
                    "missing-layout",
                    "missing-include",
                    "broken-link-tag",
                    "broken-post-url"
                ],
                1
            )
            .unwrap(),
            "no `_config.yml` here or in any folder above, so this file is in no Jekyll site: \
             its authors were not checked (nor in 1 other file without a site)"
        );
    }

    #[test]
    fn nothing_skipped_or_the_note_off_says_nothing() {
        let all = [
            "broken-link",
            "missing-layout",
            "missing-include",
            "broken-link-tag",
            "broken-post-url",
            "unknown-author",
            "missing-author",
        ];
        assert_eq!(note_with(&all, 0), None);
        assert_eq!(note_with(&["no-site"], 0), None);
    }
}
