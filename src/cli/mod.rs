//! The command line: arguments (clap), commands, and the one place where
//! outcomes become exit codes. The library never sees clap types.

mod convert;
mod exit;
mod render;

use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use encoding_rs::Encoding;
use interview_kit::{Format, Source, diagnostic};

use exit::Exit;
use render::Human;

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
}

#[derive(Debug, Args)]
struct InputArgs {
    /// Input format; by default from the file extension, else from the content.
    #[arg(long, value_parser = parse_format)]
    from: Option<Format>,
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
        Command::Validate(args) => validate(&args, &mut human),
        Command::Schema => emit(interview_kit::schema::to_pretty_string().as_bytes()),
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

/// Reads one input and loads it as a model, reporting what was found.
fn load(
    path: &Path,
    args: &InputArgs,
    human: &mut Human,
) -> Result<(Source, interview_kit::Parsed), Exit> {
    let (name, bytes) = match read_input(path) {
        Ok(read) => read,
        Err(err) => {
            human.error(&format!("cannot read {}: {err}", path.display()));
            return Err(Exit::Failure);
        }
    };
    let format = args
        .from
        .or_else(|| Format::from_path(path))
        .unwrap_or_else(|| Format::sniff(&bytes));
    let source = Source::from_bytes(name, &bytes, args.encoding);
    let parsed = interview_kit::load(&source, format);
    human.emit(&source, &parsed.diagnostics, args.strict);
    Ok((source, parsed))
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

fn validate(args: &ValidateArgs, human: &mut Human) -> Exit {
    let mut exit = Exit::Ok;
    for path in &args.files {
        exit = exit.merge(match load(path, &args.input, human) {
            Ok((_, parsed))
                if parsed.interview.is_some()
                    && !diagnostic::any_fatal(&parsed.diagnostics, args.input.strict) =>
            {
                Exit::Ok
            }
            Ok(_) => Exit::Invalid,
            Err(code) => code,
        });
    }
    exit
}
