//! Exit codes, in one place.

use std::process::ExitCode;

/// How a run ended. Ordered so that merging outcomes keeps the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: every input was valid and every output written.
    Ok = 0,
    /// 1: some input was invalid (its diagnostics say why).
    Invalid = 1,
    /// 2: usage error, I/O error, or an internal error.
    Failure = 2,
    /// 130 (128 + SIGINT): stopped by Ctrl-C.
    Interrupted = 130,
    /// 143 (128 + SIGTERM): stopped by SIGTERM.
    Terminated = 143,
}

impl Exit {
    /// The worse of two outcomes (a batch exits with its worst file's code).
    pub fn merge(self, other: Exit) -> Exit {
        self.max(other)
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

/// The exit codes, for `--help` and the README.
pub const HELP: &str = "Exit codes:
  0  every input valid, every output written
  1  some input invalid (diagnostics on stderr)
  2  usage error, I/O error or internal error
  130, 143  stopped by SIGINT (Ctrl-C) or SIGTERM: what finished is kept";
