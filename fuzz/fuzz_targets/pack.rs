//! Any text as a rule pack: `packs::schema::read` gives a pack or an error,
//! never a panic. A pack that reads must compile (the schema promises "a pack
//! that loads is a pack that compiles"), alone and together with the shipped
//! packs through `Setup`, whose only other refusal is an id clash with a
//! shipped rule. The compiled rules are then run over the pack's own examples,
//! and every finding must point into the example's text.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use prepress::config::Config;
use prepress::document::Document;
use prepress::packs::{self, engine::Engine};
use prepress::lint;
use prepress::rules::{self, RULES};
use prepress::setup::{self, Setup};
use prepress::shared_str::SharedStr;

struct World {
    /// The file the fuzzed pack is written to for `Setup`, which reads packs
    /// named in the config from disk.
    pack: PathBuf,
    /// A config naming that pack and turning every rule of it on.
    config: PathBuf,
    /// The ids of the shipped pack rules.
    shipped: Vec<SharedStr>,
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    let scratch = std::env::temp_dir().join(format!("prepress-fuzz-pack-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let shipped = packs::shipped().expect("the shipped packs load");
    World {
        pack: scratch.join("fuzz.yml"),
        config: scratch.join(".prepress.yml"),
        shipped: shipped
            .iter()
            .flat_map(|p| p.rules.iter().map(|r| r.info.id.clone()))
            .collect(),
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
    let Ok(pack) = packs::schema::read(Path::new("fuzz.yml"), text) else {
        return;
    };
    let packs = [pack];
    let catalog = setup::catalog(&packs);
    // Every rule of the pack on, off-by-default ones included.
    let world = &*WORLD;
    let enable: Vec<&str> = packs[0].rules.iter().map(|r| &*r.info.id).collect();
    let config_text = format!(
        "rules:\n  enable: [{}]\n",
        enable
            .iter()
            .map(|id| format!("{id:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    std::fs::write(&world.config, config_text).expect("the config is written");
    let config = Config::read_file(&world.config, None).expect("the config reads");
    let levels = config.levels(&catalog).expect("the pack's ids are known");
    let engine = match Engine::new(&packs, &levels) {
        Ok(engine) => engine,
        Err(err) => panic!("a pack that reads does not compile: {err}"),
    };

    // The same pack through `Setup`, beside the shipped packs.
    std::fs::write(&world.pack, text).expect("the pack is written");
    let with_pack = format!(
        "rules:\n  packs: [{:?}]\n",
        world.pack.display().to_string()
    );
    std::fs::write(&world.config, with_pack).expect("the config is written");
    let config = Config::read_file(&world.config, None).expect("the config reads");
    let clash = packs[0]
        .rules
        .iter()
        .any(|r| RULES.iter().any(|(c, _)| c.id == r.info.id) || world.shipped.contains(&r.info.id))
        || {
            let mut ids: Vec<&str> = packs[0].rules.iter().map(|r| &*r.info.id).collect();
            ids.sort_unstable();
            ids.windows(2).any(|w| w[0] == w[1])
        };
    match Setup::new(config) {
        Ok(_) => assert!(!clash, "a clashing id was accepted"),
        Err(err) => assert!(clash, "Setup refused a pack that reads: {err}"),
    }

    // The compiled rules on the pack's own examples.
    let config = Config::default();
    let context = rules::Context {
        config: &config,
        levels: &levels,
        engine: &engine,
        site: None,
        now: Default::default(),
    };
    let examples = packs[0]
        .rules
        .iter()
        .flat_map(|r| r.flag.iter().map(|e| &e.text).chain(&r.allow));
    for text in examples.take(16) {
        let doc = Document::new(PathBuf::from("example.md"), text.clone());
        for d in lint::check(&context, &doc) {
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
