//! `interview validate`: every input as for `convert` (files, directories,
//! archives, standard input), checked in parallel by the batch engine with
//! no output written, every diagnostic of every file reported in the chosen
//! format, in input order.

use std::io::{self, Write};

use interview_kit::batch::{self, Destination, Status};
use interview_kit::{Diagnostic, Severity, Source};

use super::convert::globs;
use super::exit::Exit;
use super::report::human;
use super::report::{Located, ReportFormat};
use super::{InputKind, ValidateArgs, report};

/// What a worker prepares for the report of one document: each
/// diagnostic rendered for people, or the text of the line it points at.
enum Prepared {
    Rendered(Vec<Vec<u8>>),
    Lines(Vec<Option<String>>),
}

pub fn run(args: &ValidateArgs) -> Exit {
    let quiet = args.terminal.quiet;
    if args.input.from == Some(InputKind::Records) {
        args.terminal
            .human()
            .error("--from records is for convert: validate reads documents");
        return Exit::Failure;
    }
    let select = match globs(&args.glob) {
        Ok(select) => select,
        Err(err) => {
            args.terminal.human().error(&err);
            return Exit::Failure;
        }
    };
    let options = batch::Options {
        from: args.input.format(),
        encoding: args.input.encoding,
        strict: args.input.strict,
        follow: args.input.follow,
        // nothing is written: the documents are only checked
        to: Vec::new(),
        select,
        jobs: args.jobs.map_or(0, |n| usize::from(n.get())),
        max_errors: args.max_errors,
        ..batch::Options::default()
    };
    let human = args.format == ReportFormat::Human;
    let colour = human && args.terminal.human().colour();
    let stdout: Box<dyn Write> = Box::new(io::BufWriter::new(io::stdout()));
    let mut reporter = report::reporter(args.format, stdout, args.terminal.human().quiet(quiet));
    // --quiet leaves warnings out of what people read; the machine formats
    // keep them
    let hidden = |l: &batch::Located| quiet && human && l.diagnostic.severity == Severity::Warning;
    let prepare = |source: &Source, diagnostics: &[Diagnostic]| {
        if human {
            Prepared::Rendered(
                diagnostics
                    .iter()
                    .map(|d| {
                        if quiet && d.severity == Severity::Warning {
                            return Vec::new();
                        }
                        human::render(source, std::slice::from_ref(d), false, colour)
                    })
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
    // diagnostics --max-errors left out
    let mut omitted = 0;
    // 0 is no limit, as for the library
    let max_errors = args.max_errors.filter(|&n| n > 0);
    let mut budget = max_errors.unwrap_or(usize::MAX);
    let mut written = Ok(());
    let mut sink = io::sink();
    let run = batch::run(
        &args.files,
        &options,
        Destination::Stream(&mut sink),
        &prepare,
        &mut |outcome, prepared| {
            // an input that could not be checked is a failure of the run,
            // shown whatever --max-errors says
            let unreadable = outcome.status == Status::Failed && outcome.format.is_none();
            if unreadable && let Some(first) = outcome.diagnostics.first() {
                let result = reporter.unreadable(&outcome.path, &first.diagnostic);
                written = std::mem::replace(&mut written, Ok(())).and(result);
                return;
            }
            // a note that reading stopped (--max-errors) is shown outside
            // the budget, with the document's diagnostics it closes: it
            // says why the list is short
            let is_note = |i: usize| outcome.diagnostics[i].diagnostic.severity == Severity::Note;
            let mut kept: Vec<usize> = Vec::new();
            for i in (0..outcome.diagnostics.len()).filter(|&i| !hidden(&outcome.diagnostics[i])) {
                if is_note(i) {
                    if kept.iter().any(|&k| !is_note(k)) {
                        kept.push(i);
                    }
                } else if budget > 0 {
                    budget -= 1;
                    kept.push(i);
                } else {
                    omitted += 1;
                }
            }
            let kept = &kept[..];
            let (mut rendered, lines) = match prepared {
                Some(Prepared::Rendered(r)) => (r, Vec::new()),
                Some(Prepared::Lines(l)) => (Vec::new(), l),
                None => (Vec::new(), Vec::new()),
            };
            let entries: Vec<Located<'_>> = kept
                .iter()
                .map(|&i| {
                    let line = lines.get(i).and_then(|l| l.as_deref());
                    Located::of(&outcome.path, &outcome.diagnostics[i], line)
                })
                .collect();
            // those found in the source come first: their renderings are
            // the entries' first ones
            let rendered: Vec<Vec<u8>> = kept
                .iter()
                .filter(|&&i| i < outcome.in_source)
                .filter_map(|&i| rendered.get_mut(i).map(std::mem::take))
                .collect();
            let result = reporter.file(&outcome.path, &entries, &rendered);
            written = std::mem::replace(&mut written, Ok(())).and(result);
        },
    );
    let summary = match run {
        Ok(summary) => summary,
        Err(err) => {
            args.terminal.human().error(&err.to_string());
            return Exit::Failure;
        }
    };
    let omitted = max_errors.map(|_| omitted);
    written = written.and(reporter.finish(&summary, omitted));
    if let Err(err) = written
        && err.kind() != io::ErrorKind::BrokenPipe
    {
        return Exit::Failure;
    }
    match summary.status() {
        Status::Converted => Exit::Ok,
        Status::Invalid => Exit::Invalid,
        Status::Failed => Exit::Failure,
    }
}

/// The longest line a report quotes (SARIF's `snippet`), in bytes.
const MAX_SNIPPET: usize = 1024;
