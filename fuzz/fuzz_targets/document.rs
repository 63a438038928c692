//! Any bytes as a post: never a panic, and every finding points into the text.
//!
//! Valid UTF-8 becomes a `Document` for a post in the `fixtures/site` site and
//! goes through every rule, code and pack, with every rule on (off-by-default
//! ones included) and `check-empty: all`; every span, label and fix must lie
//! within the text on character boundaries, start <= end, and locate to a line
//! and column. The fixes are then applied round after round as `--fix` does,
//! the safe ones alone and then all of them (`--fix --unsafe-fixes`), each
//! round re-checked the same way, and the rounds must never come back to a
//! text already seen (fixes that undo each other). Other bytes go through
//! the loader (`check::check_file` on a file holding them), which must report
//! one `invalid-utf8` finding at the first bad byte.

#![no_main]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use prepress::check::{self, Fixes};
use prepress::config::Config;
use prepress::diagnostic::Diagnostic;
use prepress::document::Document;
use prepress::setup::{self, Setup};
use prepress::site::Site;
use prepress::site_index::SiteIndex;
use prepress::{fix, lint, packs};

/// How many rounds of fixes the check step takes at most (`MAX_FIX_ROUNDS`).
const FIX_ROUNDS: usize = 8;

struct World {
    setup: Setup,
    /// The fixture site the post belongs to.
    site: SiteIndex,
    /// Where valid text is said to come from: a post of the fixture site.
    post: PathBuf,
    /// A real file the invalid bytes are written to, in a `_posts` folder.
    file: PathBuf,
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/site")
        .canonicalize()
        .expect("fixtures/site exists");
    let scratch = std::env::temp_dir().join(format!("prepress-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(scratch.join("_posts")).expect("a scratch folder");
    // Every rule on: the ones off by default are enabled by id.
    let shipped = packs::shipped().expect("the shipped packs load");
    let off: Vec<String> = setup::catalog(&shipped)
        .iter()
        .filter(|r| !r.enabled)
        .map(|r| r.id.to_string())
        .collect();
    let config_path = scratch.join(".prepress.yml");
    let config_text = format!(
        "rules:\n  enable: [{}]\nfront-matter:\n  check-empty: all\n",
        off.join(", ")
    );
    std::fs::write(&config_path, config_text).expect("the config is written");
    let config = Config::read_file(&config_path, None).expect("the config reads");
    let site = SiteIndex::new(Site::load(&root, &[]));
    let setup = Setup::new(config).expect("the setup builds");
    World {
        setup,
        site,
        post: root.join("_posts/2024-01-01-fuzz.md"),
        file: scratch.join("_posts/2024-01-01-fuzz.md"),
    }
});

impl World {
    /// The context the rules read: the setup's, in the fixture site.
    fn context(&self) -> prepress::rules::Context<'_> {
        prepress::rules::Context {
            site: Some(&self.site),
            ..self.setup.context()
        }
    }

    /// The post with `text`, placed in the fixture site.
    fn document(&self, text: String) -> Document {
        let relative = self.site.relative(&self.post);
        Document::in_site(self.post.clone(), text, relative, &self.site.includes_dir)
    }
}

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
    let world = &*WORLD;
    match std::str::from_utf8(data) {
        Ok(text) => check_text(world, text),
        Err(err) => check_bytes(world, data, err.valid_up_to()),
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

/// Asserts every span of every finding of `doc`.
fn assert_findings(doc: &Document, found: &[Diagnostic]) {
    let text = doc.text.as_str();
    for d in found {
        assert_span(text, &d.span, "span", d);
        let (start, end) = (doc.position(d.span.start), doc.position(d.span.end));
        assert!(start <= end, "{start:?} after {end:?}: {d:?}");
        assert!(end.line <= doc.lines.line_count(), "{end:?}: {d:?}");
        for label in d.labels.iter().filter(|l| l.elsewhere.is_none()) {
            assert_span(text, &label.span, "label", d);
            let _ = doc.position(label.span.start);
        }
        if let Some(fix) = &d.fix {
            assert_span(text, &fix.span, "fix", d);
        }
    }
    for pair in found.windows(2) {
        let key = |d: &Diagnostic| (d.span.start, d.span.end);
        assert!(key(&pair[0]) <= key(&pair[1]), "findings out of order");
    }
}

fn check_text(world: &World, text: &str) {
    for unsafe_fixes in [false, true] {
        fix_rounds(world, text, unsafe_fixes);
    }
}

/// Applies the fixes `--fix` takes (the unsafe ones too with `unsafe_fixes`)
/// round after round, checking every round's findings.
fn fix_rounds(world: &World, text: &str, unsafe_fixes: bool) {
    let context = world.context();
    let mut doc = world.document(text.to_string());
    let mut found = lint::check(&context, &doc);
    assert_findings(&doc, &found);
    let mut seen = HashSet::from([doc.text.clone()]);
    for _ in 0..FIX_ROUNDS {
        let taken: Vec<_> = found
            .iter()
            .filter_map(|d| {
                d.fix
                    .as_ref()
                    .filter(|f| f.applicability.taken(unsafe_fixes))
            })
            .collect();
        let (fixed, applied) = fix::apply(&doc.text, taken.iter().copied());
        // Every fix is in bounds, so the first in span order is always taken.
        assert_eq!(applied == 0, taken.is_empty(), "no fix applied");
        if applied == 0 || fixed == doc.text {
            break;
        }
        assert!(
            seen.insert(fixed.clone()),
            "the fixes cycle back to an earlier text: {fixed:?}"
        );
        doc = world.document(fixed);
        found = lint::check(&context, &doc);
        assert_findings(&doc, &found);
    }
}

fn check_bytes(world: &World, data: &[u8], first_bad: usize) {
    std::fs::write(&world.file, data).expect("the scratch file is written");
    let context = world.context();
    let report = check::check_file(
        &context,
        &world.file,
        "fuzz.md".to_string(),
        std::path::Path::new(""),
        Fixes::REPORT,
        None,
    );
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
