//! The `prepress` binary: everything lives in the library.

/// mimalloc instead of the system allocator: a check allocates many small,
/// short-lived buffers per document on every worker thread, where glibc's
/// malloc spent a tenth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    quiet_caught_panics();
    prepress::main()
}

/// Keeps two kinds of caught panics off standard error, where a trace would
/// only alarm: those inside the YAML reader (`tree::parse` catches them and
/// reports the text as a YAML error) and those in a file's check (the check
/// step catches them, and the file's `internal-error` finding carries the
/// message). Every other panic is printed as usual. The hook is the
/// process's, so only the binary sets it, never the library.
fn quiet_caught_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_yaml = info
            .location()
            .is_some_and(|at| at.file().contains("libyaml-safer"));
        if in_yaml || prepress::api::panic_is_caught() {
            return;
        }
        default(info);
    }));
}
