//! Any text as a rule pack: the pack reader (`internals::read_pack`) gives a
//! pack or an error, never a panic. A pack that reads must load through the
//! public API (`Checker::new` with a config naming it, every rule of it on),
//! which compiles it beside the shipped packs and whose only other refusal is
//! an id clash with a shipped rule. The checker then checks the pack's own
//! examples (`Checker::check_text`), and every finding must point into the
//! example's text.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use prepress::api::{Checker, Options};
use prepress::internals;

struct World {
    /// The scratch folder: the working folder of the checkers.
    scratch: PathBuf,
    /// The ids of the shipped rules, code and packs.
    shipped: Vec<String>,
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    let scratch = std::env::temp_dir().join(format!("prepress-fuzz-pack-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let checker = Checker::new(Options::new(&scratch)).expect("the shipped packs load");
    World {
        shipped: checker.rules().iter().map(|r| r.id.to_string()).collect(),
        scratch,
    }
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
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((ids, examples)) = internals::read_pack(Path::new("fuzz.yml"), text) else {
        return;
    };
    let world = &*WORLD;
    let pack = world.scratch.join("fuzz.yml");
    std::fs::write(&pack, text).expect("the pack is written");
    // The pack beside the shipped ones, every rule of it on.
    let config_text = format!(
        "rules:\n  packs: [fuzz.yml]\n  enable: [{}]\n",
        ids.iter()
            .map(|id| format!("{id:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    std::fs::write(world.scratch.join(".prepress.yml"), config_text).expect("the config is written");
    let clash = ids.iter().any(|id| world.shipped.contains(id)) || {
        let mut sorted: Vec<&String> = ids.iter().collect();
        sorted.sort_unstable();
        sorted.windows(2).any(|w| w[0] == w[1])
    };
    let mut checker = match Checker::new(Options::new(&world.scratch)) {
        Ok(checker) => {
            assert!(!clash, "a clashing id was accepted");
            checker
        }
        Err(err) => {
            assert!(clash, "a pack that reads does not load: {}", err.message);
            return;
        }
    };

    // The pack's rules on its own examples.
    let example = world.scratch.join("example.md");
    for text in examples.iter().take(16) {
        let outcome = checker
            .check_text(&example, text.clone(), None)
            .expect("the config reads");
        for d in outcome.findings().map(|f| &f.diagnostic) {
            for span in [Some(&d.span), d.fix.as_ref().map(|f| &f.span)]
                .into_iter()
                .flatten()
            {
                assert!(
                    span.start <= span.end
                        && span.end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end),
                    "{span:?} is not a range of {text:?}: {d:?}"
                );
            }
        }
    }
});
