//! The `prepress` binary: everything lives in the library.

/// mimalloc instead of the system allocator: a check allocates many small,
/// short-lived buffers per document on every worker thread, where glibc's
/// malloc spent a tenth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    prepress::cli::main()
}
