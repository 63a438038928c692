//! The `prepress` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    prepress::cli::main()
}
