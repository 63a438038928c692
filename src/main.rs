//! The `prepress` binary: everything lives in the library.

/// mimalloc instead of the system allocator: a check allocates many small,
/// short-lived buffers per document on every worker thread, where glibc's
/// malloc spent a tenth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    quiet_yaml_panics();
    prepress::main()
}

/// Keeps panics inside the YAML reader off standard error: `tree::parse`
/// catches them and reports the text as a YAML error, so the trace would
/// only alarm. Every other panic is printed as usual. The hook is the
/// process's, so only the binary sets it, never the library.
fn quiet_yaml_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info
            .location()
            .is_some_and(|at| at.file().contains("libyaml-safer"))
        {
            return;
        }
        default(info);
    }));
}
