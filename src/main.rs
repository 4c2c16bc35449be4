//! The `interview` command: parse arguments, run, map the outcome to an exit
//! code. Everything else lives in `cli/` and the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
