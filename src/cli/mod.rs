//! The command line: arguments (clap), commands, and the one place where
//! outcomes become exit codes. The library never sees clap types.

mod convert;
mod exit;
mod report;

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};
use encoding_rs::Encoding;
use interview_kit::Format;

use exit::Exit;
use report::human::Human;
use report::{ReportFormat, Summary};

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
    Convert(convert::ConvertArgs),
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
    /// Print the man page (roff) of `interview`.
    Man,
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Input format (text, json, xml, jsonld); by default from the file
    /// extension, else from the content. `records` reads NDJSON records
    /// `{"path": …, "text": …}`, one raw interview a line (convert only).
    #[arg(long, value_parser = parse_from)]
    from: Option<From>,
    /// Read raw text in this encoding (a WHATWG label: utf-8, gb18030, shift_jis, euc-kr, utf-16le …) instead of detecting it.
    #[arg(long, value_parser = parse_encoding)]
    encoding: Option<&'static Encoding>,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Args)]
struct ValidateArgs {
    /// Files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Report format: human (stderr), or json, github, sarif, junit (stdout).
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,
    /// Show at most N diagnostics in all; a note says how many were left out.
    #[arg(long, value_name = "N")]
    max_errors: Option<usize>,
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
    let mut human = Human::stderr();
    match cli.command {
        Command::Convert(args) => convert::run(&args, &mut human),
        Command::Validate(args) => validate(&args),
        Command::Schema => emit(interview_kit::schema::to_pretty_string().as_bytes()),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "interview", &mut script);
            emit(&script)
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => emit(&page),
                Err(_) => Exit::Failure,
            }
        }
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
enum From {
    /// Every input is a document in this format.
    Document(Format),
    /// Every input holds NDJSON records `{"path": …, "text": …}`.
    Records,
}

impl InputArgs {
    /// The document format `--from` forces, if it names one.
    fn format(&self) -> Option<Format> {
        match self.from {
            Some(From::Document(format)) => Some(format),
            _ => None,
        }
    }
}

fn parse_from(name: &str) -> Result<From, String> {
    if name.eq_ignore_ascii_case("records") {
        return Ok(From::Records);
    }
    parse_input_format(name).map(From::Document)
}

/// `--from`, else the extension, else the content.
fn input_format(path: &Path, bytes: &[u8], args: &InputArgs) -> Format {
    args.format()
        .or_else(|| Format::from_path(path))
        .unwrap_or_else(|| Format::sniff(bytes))
}

fn read_input(path: &Path) -> io::Result<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(("<stdin>".to_owned(), bytes))
    } else {
        bytes = std::fs::read(path)?;
        Ok((path.display().to_string(), bytes))
    }
}

fn validate(args: &ValidateArgs) -> Exit {
    if args.input.from == Some(From::Records) {
        Human::stderr().error("--from records is for convert: validate reads documents");
        return Exit::Failure;
    }
    let stdout: Box<dyn Write> = Box::new(io::BufWriter::new(io::stdout()));
    let mut reporter = report::reporter(args.format, stdout);
    let strict = args.input.strict;
    let mut summary = Summary::default();
    let mut budget = args.max_errors.unwrap_or(usize::MAX);
    let mut exit = Exit::Ok;
    let mut written = Ok(());
    for path in &args.files {
        summary.files += 1;
        let (name, bytes) = match read_input(path) {
            Ok(read) => read,
            Err(err) => {
                summary.invalid += 1;
                summary.errors += 1;
                exit = exit.merge(Exit::Failure);
                written =
                    written.and(reporter.unreadable(&path.display().to_string(), &err.to_string()));
                continue;
            }
        };
        let format = input_format(path, &bytes, &args.input);
        let source = interview_kit::decode(name, &bytes, format, args.input.encoding);
        let parsed = interview_kit::load(&source, format);
        let errors = parsed
            .diagnostics
            .iter()
            .filter(|d| d.is_fatal(strict))
            .count();
        summary.errors += errors;
        summary.warnings += parsed.diagnostics.len() - errors;
        if errors > 0 || parsed.interview.is_none() {
            summary.invalid += 1;
            exit = exit.merge(Exit::Invalid);
        }
        let shown = parsed.diagnostics.len().min(budget);
        budget -= shown;
        summary.omitted += parsed.diagnostics.len() - shown;
        written = written.and(reporter.file(&source, &parsed.diagnostics[..shown], strict));
    }
    written = written.and(reporter.finish(&summary));
    match written {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Exit::Failure,
        _ => exit,
    }
}
