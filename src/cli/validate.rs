//! `interview validate`: every input as for `convert` (files, directories,
//! archives, standard input), checked in parallel by the batch engine with
//! no output written, every diagnostic of every file reported in the chosen
//! format, in input order.

use std::io::{self, Write};

use interview_kit::batch::{self, Destination, Status};
use interview_kit::{Diagnostic, Source};

use super::convert::globs;
use super::exit::Exit;
use super::report::human::{self, Human};
use super::report::{Located, ReportFormat, Summary};
use super::{From, ValidateArgs, report};

/// What a worker prepares for the report of one document: each
/// diagnostic rendered for people, or the text of the line it points at.
enum Prepared {
    Rendered(Vec<Vec<u8>>),
    Lines(Vec<Option<String>>),
}

pub fn run(args: &ValidateArgs) -> Exit {
    if args.input.from == Some(From::Records) {
        Human::stderr().error("--from records is for convert: validate reads documents");
        return Exit::Failure;
    }
    let select = match globs(&args.glob) {
        Ok(select) => select,
        Err(err) => {
            Human::stderr().error(&err);
            return Exit::Failure;
        }
    };
    let options = batch::Options {
        from: args.input.format(),
        encoding: args.input.encoding,
        strict: args.input.strict,
        // nothing is written: the documents are only checked
        to: Vec::new(),
        select,
        jobs: args.jobs.map_or(0, |n| usize::from(n.get())),
        ..batch::Options::default()
    };
    let human = args.format == ReportFormat::Human;
    let colour = human && Human::stderr().colour();
    let stdout: Box<dyn Write> = Box::new(io::BufWriter::new(io::stdout()));
    let mut reporter = report::reporter(args.format, stdout);
    let prepare = |source: &Source, diagnostics: &[Diagnostic]| {
        if human {
            Prepared::Rendered(
                diagnostics
                    .iter()
                    .map(|d| human::render(source, std::slice::from_ref(d), false, colour))
                    .collect(),
            )
        } else {
            Prepared::Lines(
                diagnostics
                    .iter()
                    .map(|d| {
                        let span = d.span.as_ref()?;
                        let line = source.line_col(span.start).line;
                        let range = source.line_range(line);
                        // a report holds no copy of a huge line per problem
                        (range.len() <= MAX_SNIPPET).then(|| source.text()[range].to_owned())
                    })
                    .collect(),
            )
        }
    };
    let mut summary = Summary::default();
    let mut budget = args.max_errors.unwrap_or(usize::MAX);
    let mut written = Ok(());
    let mut sink = io::sink();
    let run = batch::run(
        &args.files,
        &options,
        Destination::Stream(&mut sink),
        &prepare,
        &mut |outcome, prepared| {
            summary.files += 1;
            let errors = outcome
                .diagnostics
                .iter()
                .filter(|d| d.diagnostic.severity == interview_kit::Severity::Error)
                .count();
            summary.errors += errors;
            summary.warnings += outcome.diagnostics.len() - errors;
            if outcome.status != Status::Converted {
                summary.invalid += 1;
            }
            let shown = outcome.diagnostics.len().min(budget);
            budget -= shown;
            summary.omitted += outcome.diagnostics.len() - shown;
            let (rendered, lines) = match prepared {
                Some(Prepared::Rendered(r)) => (r, Vec::new()),
                Some(Prepared::Lines(l)) => (Vec::new(), l),
                None => (Vec::new(), Vec::new()),
            };
            let entries: Vec<Located<'_>> = outcome.diagnostics[..shown]
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    Located::of(&outcome.path, d, lines.get(i).and_then(|l| l.as_deref()))
                })
                .collect();
            let rendered = &rendered[..rendered.len().min(shown).min(outcome.in_source)];
            let unreadable = outcome.status == Status::Failed && outcome.format.is_none();
            let result = match outcome.diagnostics.first() {
                Some(first) if unreadable && shown > 0 => {
                    reporter.unreadable(&outcome.path, &first.diagnostic.message)
                }
                _ => reporter.file(&outcome.path, &entries, rendered),
            };
            written = std::mem::replace(&mut written, Ok(())).and(result);
        },
    );
    let batch_summary = match run {
        Ok(summary) => summary,
        Err(err) => {
            Human::stderr().error(&err.to_string());
            return Exit::Failure;
        }
    };
    written = written.and(reporter.finish(&summary));
    if let Err(err) = written
        && err.kind() != io::ErrorKind::BrokenPipe
    {
        return Exit::Failure;
    }
    match batch_summary.status() {
        Status::Converted => Exit::Ok,
        Status::Invalid => Exit::Invalid,
        Status::Failed => Exit::Failure,
    }
}

/// The longest line a report quotes (SARIF's `snippet`), in bytes.
const MAX_SNIPPET: usize = 1024;
