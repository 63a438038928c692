//! Any bytes as a post: never a panic, and every finding points into the text.
//!
//! Valid UTF-8 is checked through the public API (`Checker::check_text`) as a
//! post in the `fixtures/site` site, by every rule, code and pack, with every
//! rule on (off-by-default ones included) and `check-empty: all`; every span,
//! label and fix of the post's findings must lie within the text on
//! character boundaries, and its position must not end before it starts.
//! The fixes are then applied round after round as `--fix` does, the safe
//! ones alone and then all of them (`--fix --unsafe-fixes`), each round
//! re-checked the same way, and the rounds must never come back to a text
//! already seen (fixes that undo each other). Other bytes are written to a
//! post of a scratch site and checked from disk (`Checker::check_paths`),
//! which must report one `invalid-utf8` finding at the first bad byte.

#![no_main]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use libfuzzer_sys::fuzz_target;
use prepress::api::{Checker, Diagnostic, Options, Outcome};
use prepress::internals;

/// How many rounds of fixes the check step takes at most (`MAX_FIX_ROUNDS`).
const FIX_ROUNDS: usize = 8;

struct World {
    checker: Checker,
    /// Where valid text is said to come from: a post of the fixture site.
    post: PathBuf,
    /// A real file the invalid bytes are written to, in a scratch site.
    file: PathBuf,
}

static WORLD: LazyLock<Mutex<World>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/site")
        .canonicalize()
        .expect("fixtures/site exists");
    let scratch = std::env::temp_dir().join(format!("prepress-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(scratch.join("_posts")).expect("a scratch folder");
    std::fs::write(scratch.join("_config.yml"), "title: Fuzz\n")
        .expect("the site config is written");
    // Every rule on: the ones off by default are enabled by id.
    let shipped = Checker::new(Options::new(&scratch)).expect("the shipped packs load");
    let off: Vec<String> = shipped
        .rules()
        .iter()
        .filter(|r| !r.enabled)
        .map(|r| r.id.to_string())
        .collect();
    let config_text = format!(
        "rules:\n  enable: [{}]\nfront-matter:\n  check-empty: all\n",
        off.join(", ")
    );
    std::fs::write(scratch.join(".prepress.yml"), config_text).expect("the config is written");
    let checker = Checker::new(Options::new(&scratch)).expect("the config reads");
    Mutex::new(World {
        checker,
        post: root.join("_posts/2024-01-01-fuzz.md"),
        file: scratch.join("_posts/2024-01-01-fuzz.md"),
    })
});

fuzz_target!(
    init: {
        // prepress catches panics inside libyaml-safer and reports the text as
        // invalid YAML (`tree::parse`); libFuzzer's hook would abort on them
        // anyway. Let those through; any other panic still aborts.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(|at| at.file().contains("libyaml-safer")) {
                abort(info);
            }
        }));
    },
    |data: &[u8]| {
    let mut world = WORLD.lock().expect("no earlier run panicked");
    match std::str::from_utf8(data) {
        Ok(text) => check_text(&mut world, text),
        Err(err) => check_bytes(&mut world, data, err.valid_up_to()),
    }
});

/// Asserts that `span` is a well-formed range of `text` on character boundaries.
fn assert_span(text: &str, span: &std::ops::Range<usize>, what: &str, d: &Diagnostic) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} {span:?} of `{}` is not a range of the {}-byte text: {d:?}",
        d.rule,
        text.len()
    );
}

/// Checks `text` as the post and asserts every span of its findings; returns them.
fn checked(world: &mut World, text: &str) -> Vec<Diagnostic> {
    let post = world.post.clone();
    let outcome: Outcome = world
        .checker
        .check_text(&post, text.to_string(), None)
        .expect("the config reads");
    let mut found = Vec::new();
    for finding in outcome
        .files
        .iter()
        .filter(|f| f.path == post)
        .flat_map(|f| &f.findings)
    {
        let d = &finding.diagnostic;
        assert_span(text, &d.span, "span", d);
        assert!(finding.start <= finding.end, "{finding:?}");
        for label in d.labels.iter().filter(|l| l.elsewhere.is_none()) {
            assert_span(text, &label.span, "label", d);
        }
        if let Some(fix) = &d.fix {
            assert_span(text, &fix.span, "fix", d);
        }
        found.push(d.clone());
    }
    found
}

fn check_text(world: &mut World, text: &str) {
    for unsafe_fixes in [false, true] {
        fix_rounds(world, text, unsafe_fixes);
    }
}

/// Applies the fixes `--fix` takes (the unsafe ones too with `unsafe_fixes`)
/// round after round, checking every round's findings.
fn fix_rounds(world: &mut World, text: &str, unsafe_fixes: bool) {
    let mut text = text.to_string();
    let mut found = checked(world, &text);
    let mut seen = HashSet::from([text.clone()]);
    for _ in 0..FIX_ROUNDS {
        let taken: Vec<_> = found
            .iter()
            .filter_map(|d| {
                d.fix
                    .as_ref()
                    .filter(|f| f.applicability.taken(unsafe_fixes))
            })
            .collect();
        let (fixed, applied) = internals::apply_fixes(&text, taken.iter().copied());
        // Every fix is in bounds, so the first in span order is always taken.
        assert_eq!(applied == 0, taken.is_empty(), "no fix applied");
        if applied == 0 || fixed == text {
            break;
        }
        assert!(
            seen.insert(fixed.clone()),
            "the fixes cycle back to an earlier text: {fixed:?}"
        );
        text = fixed;
        found = checked(world, &text);
    }
}

fn check_bytes(world: &mut World, data: &[u8], first_bad: usize) {
    std::fs::write(&world.file, data).expect("the scratch file is written");
    let file = world.file.clone();
    let outcome = world
        .checker
        .check_paths(&[file], None, None)
        .expect("the config reads");
    let report = &outcome.files[0];
    assert!(!report.unreadable, "bad bytes made the file unreadable");
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    let finding = &report.findings[0];
    let d = &finding.diagnostic;
    assert_eq!(d.rule, "invalid-utf8");
    assert_eq!(d.span.start, first_bad, "{d:?}");
    assert!(
        d.span.start < d.span.end && d.span.end <= data.len(),
        "{d:?}"
    );
    assert!(finding.start <= finding.end, "{finding:?}");
}
