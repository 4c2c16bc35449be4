//! The command line: arguments (clap), commands, and the one place where
//! outcomes become exit codes. The library never sees clap types.

mod convert;
mod exit;
mod report;
mod validate;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, CommandFactory, Parser, Subcommand};
use encoding_rs::Encoding;
use interview_kit::Format;

use exit::Exit;
use report::ReportFormat;
use report::human::Human;

/// Turn raw interview text into a typed, schema-validated model and write it
/// as JSON.
#[derive(Debug, Parser)]
#[command(name = "interview", version, about, after_help = exit::HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Convert interviews from one format to another (raw text to JSON by default).
    #[command(after_help = exit::HELP)]
    Convert(Box<convert::ConvertArgs>),
    /// Check documents against the interview schema; report every problem.
    #[command(after_help = exit::HELP)]
    Validate(ValidateArgs),
    /// Print the JSON Schema of the interview model.
    Schema,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): interview(1), or a subcommand's; or write
    /// every page into a directory.
    Man(ManArgs),
}

/// The subcommands, each with its man page `interview-NAME(1)`.
const SUBCOMMANDS: [&str; 5] = ["convert", "validate", "schema", "completions", "man"];

#[derive(Debug, Args)]
struct ManArgs {
    /// Print this subcommand's page, interview-SUBCOMMAND(1), instead of
    /// interview(1).
    #[arg(value_name = "SUBCOMMAND", value_parser = SUBCOMMANDS, conflicts_with = "dir")]
    page: Option<String>,
    /// Write every page into DIR (created if missing; pages there are
    /// replaced): interview.1, interview-convert.1, interview-validate.1 …
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Input format; by default from the file extension, else from the
    /// content.
    #[arg(long, value_name = "FORMAT", value_parser = Names { parse: parse_from, values: from_values })]
    from: Option<InputKind>,
    /// Read raw text in this encoding (a WHATWG label: utf-8, gb18030, shift_jis, euc-kr, utf-16le …) instead of detecting it.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<&'static Encoding>,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    /// Follow symbolic links in directories (to files and directories); by
    /// default each is skipped with a warning. Inputs named on the command
    /// line are read even when they are links.
    #[arg(long, short = 'L')]
    follow: bool,
}

/// What `convert` and `validate` say on stderr, and how.
#[derive(Debug, Args)]
struct TerminalArgs {
    /// Show errors only: no warnings, no summary, no progress line. The
    /// machine formats on stdout (`validate --format json` …) are
    /// unchanged.
    #[arg(short, long)]
    quiet: bool,
    /// Colour diagnostics: `auto` colours on a terminal, unless `NO_COLOR`
    /// is set or `TERM=dumb`; `CLICOLOR_FORCE` colours in a pipe too.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = Colour::Auto)]
    color: Colour,
}

/// When diagnostics are coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Colour {
    /// On a terminal, as the environment allows.
    Auto,
    /// Always, in a pipe too.
    Always,
    /// Never.
    Never,
}

impl TerminalArgs {
    /// The renderer on stderr these arguments ask for.
    fn human(&self) -> Human {
        let env = |name: &str| std::env::var_os(name);
        Human::stderr(colour(self.color, io::stderr().is_terminal(), env))
    }
}

/// Whether to colour, as `--color` and the environment say. `auto` follows
/// the usual conventions, in this order: `NO_COLOR` (not empty) turns
/// colour off; `CLICOLOR_FORCE` (not empty, not `0`) turns it on even in a
/// pipe; `CLICOLOR=0` turns it off; else colour on a terminal unless
/// `TERM=dumb`.
fn colour(when: Colour, terminal: bool, env: impl Fn(&str) -> Option<OsString>) -> bool {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    match when {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => {
            if set("NO_COLOR").is_some() {
                false
            } else if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if set("CLICOLOR").is_some_and(|v| v == "0") {
                false
            } else {
                terminal && env("TERM").is_none_or(|term| term != "dumb")
            }
        }
    }
}

#[derive(Debug, Args)]
struct ValidateArgs {
    /// What to check: files, directories (recursive), .zip/.tar/.tar.gz
    /// archives (read in place), or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    files: Vec<PathBuf>,
    /// In directories and archives, check only files whose relative path
    /// matches; repeatable, e.g. `--glob '**/*.json'`.
    #[arg(long, value_name = "GLOB")]
    glob: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<std::num::NonZeroU16>,
    #[command(flatten)]
    input: InputArgs,
    /// Report format: human (stderr), or json, github, sarif, junit (stdout).
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,
    /// Look for at most N errors in each document and show at most N
    /// diagnostics in all (0: no limit); a document with N errors is
    /// invalid whatever the rest holds, so its reading stops there and a
    /// note says the rest was not checked, and a last note says how many
    /// diagnostics were left out. Verdicts and the exit code do not change.
    #[arg(long, value_name = "N")]
    max_errors: Option<usize>,
    #[command(flatten)]
    terminal: TerminalArgs,
}

/// A value parser for `--from` and `--to`: `parse` with its messages (an
/// output-only format named as an input says so), and the values that
/// `--help` lists and shell completions offer.
#[derive(Clone)]
struct Names<T> {
    parse: fn(&str) -> Result<T, String>,
    values: fn() -> Vec<PossibleValue>,
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Names<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.values)().into_iter()))
    }
}

/// What each format is, for `--help`.
fn describe(format: Format) -> &'static str {
    match format {
        Format::Text => "raw interview text, the seed's layout (.txt)",
        Format::Json => "the model as JSON, as the schema describes it (.json)",
        Format::Xml => "the model as XML, as schema/interview.xsd describes it (.xml)",
        Format::JsonLd => "schema.org JSON-LD, a NewsArticle (.jsonld)",
        Format::Ndjson => "one JSON record a line, {\"path\": …, \"interview\": …} (written only)",
        Format::Html => "an HTML fragment with the JSON-LD embedded, for a CMS (written only)",
        Format::Markdown => "Markdown with front matter, for static-site generators (written only)",
        Format::Wxr => "a WordPress import file (.wxr.xml; written only)",
    }
}

fn value_of(format: Format) -> PossibleValue {
    PossibleValue::new(format.name()).help(describe(format))
}

/// `--to`'s values: every format.
fn to_values() -> Vec<PossibleValue> {
    Format::ALL.iter().map(|&f| value_of(f)).collect()
}

/// `--from`'s values: the readable formats, and `records`.
fn from_values() -> Vec<PossibleValue> {
    let formats = Format::ALL.iter().filter(|f| f.is_readable());
    formats
        .map(|&f| value_of(f))
        .chain([PossibleValue::new("records").help(
            "NDJSON records {\"path\": …, \"text\": …}, one raw interview a line (convert only)",
        )])
        .collect()
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!(
            "unknown format `{name}`; expected one of: {}",
            names.join(", ")
        )
    })
}

/// A format that can be read: HTML, Markdown and WXR are written only.
fn parse_input_format(name: &str) -> Result<Format, String> {
    let format = parse_format(name)?;
    if format.is_readable() {
        return Ok(format);
    }
    let names: Vec<&str> = Format::ALL
        .iter()
        .filter(|f| f.is_readable())
        .map(|f| f.name())
        .collect();
    Err(format!(
        "`{name}` is an output format only; expected one of: {}",
        names.join(", ")
    ))
}

fn parse_encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.as_bytes()).ok_or_else(|| format!("unknown encoding `{label}`"))
}

/// `1 file`, `2 files`, `0 warnings`: a count and its noun, for people.
pub(crate) fn count(n: impl std::fmt::Display, noun: &str) -> String {
    let n = n.to_string();
    let plural = if n == "1" { "" } else { "s" };
    format!("{n} {noun}{plural}")
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    run(std::env::args_os()).into()
}

fn run(args: impl IntoIterator<Item = OsString>) -> Exit {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                Exit::Failure
            } else {
                Exit::Ok
            };
        }
    };
    match cli.command {
        Command::Convert(args) => convert::run(&args, &mut args.terminal.human()),
        Command::Validate(args) => validate::run(&args),
        Command::Schema => emit(interview_kit::schema::to_pretty_string().as_bytes()),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "interview", &mut script);
            emit(&script)
        }
        Command::Man(args) => man(&args),
    }
}

/// `interview man`: one page on stdout, or every page into `--dir`.
fn man(args: &ManArgs) -> Exit {
    // no `help` subcommand: it would be listed with a page that is not
    // written
    let mut cli = Cli::command().disable_help_subcommand(true);
    // names each subcommand `interview-NAME` and its synopsis `interview NAME`
    cli.build();
    let page = |command: &clap::Command| {
        let man = clap_mangen::Man::new(command.clone())
            .source(format!("interview {}", env!("CARGO_PKG_VERSION")));
        let mut roff = Vec::new();
        man.render(&mut roff).map(|()| (man.get_filename(), roff))
    };
    if let Some(dir) = &args.dir {
        let pages = std::iter::once(&cli).chain(cli.get_subcommands());
        let written = std::fs::create_dir_all(dir).and_then(|()| {
            pages.map(page).try_for_each(|page| {
                page.and_then(|(name, roff)| std::fs::write(dir.join(name), roff))
            })
        });
        if let Err(err) = written {
            let dir = dir.display();
            Human::stderr(false).error(&format!("cannot write man pages to {dir}: {err}"));
            return Exit::Failure;
        }
        return Exit::Ok;
    }
    let command = match &args.page {
        // the parser let only a subcommand's name through
        Some(name) => cli.find_subcommand(name).unwrap_or(&cli),
        None => &cli,
    };
    match page(command) {
        Ok((_, roff)) => emit(&roff),
        Err(_) => Exit::Failure,
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn emit(bytes: &[u8]) -> Exit {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Exit::Ok,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Exit::Ok,
        Err(_) => Exit::Failure,
    }
}

/// What `--from` names: one document format, or a stream of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InputKind {
    /// Every input is a document in this format.
    Document(Format),
    /// Every input holds NDJSON records `{"path": …, "text": …}`.
    Records,
}

impl InputArgs {
    /// The document format `--from` forces, if it names one.
    fn format(&self) -> Option<Format> {
        match self.from {
            Some(InputKind::Document(format)) => Some(format),
            _ => None,
        }
    }
}

fn parse_from(name: &str) -> Result<InputKind, String> {
    if name.eq_ignore_ascii_case("records") {
        return Ok(InputKind::Records);
    }
    parse_input_format(name).map(InputKind::Document)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--from` parses to an [`InputKind`], whose name leaves the prelude's
    /// `From` trait usable here and wherever `super::*` is imported.
    #[test]
    fn from_parses_to_an_input_kind_and_the_from_trait_stays_in_scope() {
        assert_eq!(parse_from("records"), Ok(InputKind::Records));
        assert_eq!(parse_from("xml"), Ok(InputKind::Document(Format::Xml)));
        let widened: u64 = From::from(7u8);
        assert_eq!(widened, 7);
    }

    /// Colour under `auto` for a terminal (`terminal`) with these
    /// variables set.
    fn auto(terminal: bool, vars: &[(&str, &str)]) -> bool {
        let env = |name: &str| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        };
        colour(Colour::Auto, terminal, env)
    }

    #[test]
    fn every_subcommand_has_a_page() {
        let cli = Cli::command();
        let names: Vec<&str> = cli
            .get_subcommands()
            .map(|c| c.get_name())
            .filter(|&name| name != "help")
            .collect();
        assert_eq!(names, SUBCOMMANDS);
    }

    #[test]
    fn colour_follows_the_conventions() {
        assert!(auto(true, &[("TERM", "xterm-256color")]));
        assert!(!auto(false, &[("TERM", "xterm-256color")]));
        assert!(!auto(true, &[("TERM", "dumb")]));
        assert!(!auto(true, &[("NO_COLOR", "1")]));
        // an empty NO_COLOR is unset
        assert!(auto(true, &[("NO_COLOR", "")]));
        assert!(auto(false, &[("CLICOLOR_FORCE", "1")]));
        assert!(!auto(false, &[("CLICOLOR_FORCE", "0")]));
        assert!(!auto(false, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
        assert!(!auto(true, &[("CLICOLOR", "0")]));
        assert!(colour(Colour::Always, false, |_| None));
        assert!(!colour(Colour::Never, true, |_| None));
    }
}
