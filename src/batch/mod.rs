//! Batch conversion: many inputs (files, directories, `.zip`, `.tar` and
//! `.tar.gz` archives, standard input) → one [`Outcome`] per document, in
//! input order, converted in parallel.
//!
//! How the parts fit:
//!
//! 1. [`input`] walks the inputs and yields one item per document: a file
//!    to read, the bytes of an archive entry (archives are read in place,
//!    one entry at a time, never extracted to disk), or a fault found on
//!    the way (an unreadable directory, a refused archive entry …).
//! 2. Workers (a rayon pool of [`Options::jobs`] threads) read, decode,
//!    validate and render each item; for a directory destination they also
//!    write each output to a temporary file beside its target.
//! 3. The calling thread puts the results back in input order, renames the
//!    temporary files into place or writes the stream ([`output`]), counts
//!    the outcome in the [`Summary`] and hands it to the caller.
//!
//! Items go to the workers in chunks of a few documents, each chunk
//! converted in order by one worker, and at most two chunks a worker are in
//! flight (and at most [`IN_FLIGHT_BYTES`] of input), so memory stays
//! bounded whatever the number of inputs or the size of an archive:
//! nothing is collected. One bad input never stops the others; it becomes
//! an outcome with [`Status::Invalid`] or [`Status::Failed`], unless
//! [`Options::fail_fast`] asks to stop at the first. [`Options::stop`]
//! stops a run from outside (the command line sets it on SIGINT or
//! SIGTERM): what finished is kept and summed up, what was in flight is
//! dropped with its temporary files.
//!
//! The library prints nothing: the caller renders outcomes. `annotate` runs
//! on the worker that read the document, with its [`Source`], so that
//! rendering diagnostics (the slow part of reporting) happens in parallel
//! too; its result comes back with the outcome.

pub(crate) mod file;
pub mod input;
pub mod output;
pub mod report;

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use encoding_rs::Encoding;
use globset::GlobSet;

use crate::diagnostic::{self, Code, Diagnostic, ErrorLimit, Severity};
use crate::format::Format;
use crate::source::{LineCol, Source};
use crate::write::Unwritable;

use input::{Body, Item};
use output::{Rendered, Sink};

/// How many input bytes may be in flight at once (beyond a single larger
/// document).
pub const IN_FLIGHT_BYTES: u64 = 16 << 20;

/// Documents in one chunk of work.
const CHUNK_ITEMS: usize = 16;

/// What a batch run does with each input.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read every input as this format instead of guessing it from the
    /// extension, else the content.
    pub from: Option<Format>,
    /// Every input holds NDJSON records `{"path": …, "text": …}`, one raw
    /// interview a line, instead of being a document itself (the mapper
    /// mode of Spark's `RDD.pipe` or Hadoop Streaming).
    pub records: bool,
    /// Decode raw text in this encoding instead of detecting it.
    pub encoding: Option<&'static Encoding>,
    /// Treat warnings as errors.
    pub strict: bool,
    /// The output formats (at least one). [`Format::Ndjson`] writes one
    /// record a line to a stream or file, and stands alone.
    pub to: Vec<Format>,
    /// Which files of a directory and which entries of an archive to read,
    /// by relative path; `None` takes every file whose extension names a
    /// readable format. Inputs named explicitly are always read.
    pub select: Option<GlobSet>,
    /// Worker threads; 0 means one per core, 1 converts on the calling
    /// thread.
    pub jobs: usize,
    /// Sizes and counts beyond which inputs are refused.
    pub limits: Limits,
    /// The most errors looked for in one document (`None` or `Some(0)`:
    /// every one). A document that has that many is invalid whatever the
    /// rest holds: its reader stops there, and its diagnostics end with a
    /// [`Code::TooManyErrors`] note. Verdicts do not change.
    pub max_errors: Option<usize>,
    /// Follow symbolic links met in a directory walk (to files and to
    /// directories); by default they are skipped, each with a warning. A
    /// link named as an input is always followed.
    pub follow: bool,
    /// Stop at the first input that fails.
    pub fail_fast: bool,
    /// Replace outputs that already exist.
    pub force: bool,
    /// Under a mirrored tree, leave a document whose every output exists
    /// unread and its outputs as they are (to resume a run that was
    /// stopped): its outcome is [`Outcome::skipped`].
    pub skip_existing: bool,
    /// Set from another thread (a signal handler) to stop the run: what
    /// is in flight is dropped with its temporary files, what finished is
    /// kept, and [`run`] returns the summary of it, with
    /// [`Summary::interrupted`].
    pub stop: Arc<AtomicBool>,
    /// For `--to wxr`: the site, author, status and category of the posts
    /// (a channel language left unset is the first interview's).
    pub wxr: crate::write::wxr::Options,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            from: None,
            records: false,
            encoding: None,
            strict: false,
            to: vec![Format::Json],
            select: None,
            jobs: 0,
            limits: Limits::default(),
            max_errors: None,
            follow: false,
            fail_fast: false,
            force: false,
            skip_existing: false,
            stop: Arc::new(AtomicBool::new(false)),
            wxr: crate::write::wxr::Options::default(),
        }
    }
}

/// Sizes and counts beyond which an input is refused with a
/// [`Code::Limit`] error: they stop zip bombs and runaway inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of one document: a file, standard input, an archive entry
    /// once decompressed.
    pub max_size: u64,
    /// Decompressed bytes of one archive, all entries together.
    pub max_archive_size: u64,
    /// Entries in one archive.
    pub max_entries: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_size: 64 << 20,
            max_archive_size: 16 << 30,
            max_entries: 1_000_000,
        }
    }
}

/// Where the converted documents go.
pub enum Destination<'w> {
    /// Every document, in input order, one after the other (standard
    /// output). With [`Format::Ndjson`], one record a line.
    Stream(&'w mut dyn Write),
    /// The same, into one file, written to a temporary file and renamed
    /// into place at the end (only when something was written).
    File(PathBuf),
    /// A mirrored tree: each document at its path relative to its input
    /// (a directory or archive; a plain file's own name), with each
    /// format's extension; with several inputs, a directory's or archive's
    /// documents under its name (see [`output`]).
    Dir(PathBuf),
}

/// How one input ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Read, valid, and every output written.
    Converted,
    /// The input is not a valid document (or an archive entry was refused,
    /// or a limit exceeded): its diagnostics say why. Nothing was written.
    Invalid,
    /// The tool could not do its part: an unreadable file, an output that
    /// exists or cannot be written.
    Failed,
}

impl Status {
    /// `converted`, `invalid` or `failed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Converted => "converted",
            Status::Invalid => "invalid",
            Status::Failed => "failed",
        }
    }
}

/// A diagnostic with the line and column of its span, worked out while
/// the source was at hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The problem. Under [`Options::strict`] warnings are already errors.
    pub diagnostic: Diagnostic,
    /// Where its span starts and ends, when it has one.
    pub position: Option<(LineCol, LineCol)>,
}

/// What became of one document (or of an input that yielded none).
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The input as shown to people: a path, `<stdin>`, or an archive
    /// entry as `ARCHIVE!/ENTRY`.
    pub path: String,
    /// The format it was read as, when it was read.
    pub format: Option<Format>,
    /// How it ended.
    pub status: Status,
    /// Every problem found. The first [`Outcome::in_source`] come from
    /// reading the document (and were passed to `annotate`); the rest have
    /// no place in it (a limit, an archive fault, an output error).
    pub diagnostics: Vec<Located>,
    /// How many of `diagnostics` were found in the source.
    pub in_source: usize,
    /// Documents converted from this input (0 or 1).
    pub documents: u64,
    /// Bytes read (decompressed, for an archive entry).
    pub bytes: u64,
    /// Where the documents went: files written, or `-` for the stream.
    pub outputs: Vec<PathBuf>,
    /// Not read: every output existed ([`Options::skip_existing`]); they
    /// are in `outputs`, and the status is [`Status::Converted`].
    pub skipped: bool,
}

/// Totals of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Inputs with an outcome (files, archive entries, faults).
    pub files: u64,
    /// Documents converted.
    pub documents: u64,
    /// Inputs that were invalid.
    pub invalid: u64,
    /// Inputs the tool failed on.
    pub failed: u64,
    /// Inputs left unread, neither converted nor refused: symbolic links
    /// met in a walk without [`Options::follow`] (each with a warning), and
    /// documents whose outputs exist ([`Options::skip_existing`]).
    pub skipped: u64,
    /// Warnings, all inputs together.
    pub warnings: u64,
    /// Errors, all inputs together.
    pub errors: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Wall time of the run.
    pub elapsed: Duration,
    /// Whether the run stopped early ([`Options::fail_fast`]).
    pub stopped: bool,
    /// Whether the run was stopped through [`Options::stop`].
    pub interrupted: bool,
}

impl Summary {
    /// The worst status of the run.
    pub fn status(&self) -> Status {
        if self.failed > 0 {
            Status::Failed
        } else if self.invalid > 0 {
            Status::Invalid
        } else {
            Status::Converted
        }
    }

    fn add(&mut self, outcome: &Outcome) {
        self.files += 1;
        self.skipped += u64::from(outcome.skipped);
        self.documents += outcome.documents;
        self.bytes += outcome.bytes;
        match outcome.status {
            // converted, yet no document: a link left out with a warning
            Status::Converted if outcome.documents == 0 && !outcome.skipped => self.skipped += 1,
            Status::Converted => {}
            Status::Invalid => self.invalid += 1,
            Status::Failed => self.failed += 1,
        }
        for located in &outcome.diagnostics {
            match located.diagnostic.severity {
                Severity::Warning => self.warnings += 1,
                Severity::Error => self.errors += 1,
                Severity::Note => {}
            }
        }
    }
}

/// Converts every document of `inputs` to `destination`, calling `observe`
/// with each outcome in input order.
///
/// `annotate` runs on a worker for each document read, with its source and
/// diagnostics; what it returns comes back to `observe` (`None` for inputs
/// that had no source: a missing file, a refused entry).
///
/// Returns an error only when the run as a whole cannot go on: the output
/// directory cannot be created, the stream cannot be written (a closed
/// pipe), the output file exists (without [`Options::force`]) or cannot be
/// renamed into place. Every other problem is an outcome.
pub fn run<N: Send>(
    inputs: &[PathBuf],
    options: &Options,
    destination: Destination<'_>,
    annotate: &(dyn Fn(&Source, &[Diagnostic]) -> N + Sync),
    observe: &mut dyn FnMut(&Outcome, Option<N>),
) -> io::Result<Summary> {
    let start = Instant::now();
    // inputs that would meet in a tree are refused before it is made
    let prefixes = match &destination {
        Destination::Dir(root) => output::tree_prefixes(inputs, options.records, root)?,
        _ => vec![None; inputs.len()],
    };
    let sink = Sink::open(destination, options)?;
    let work = Work {
        options,
        annotate,
        dir: sink.dir().map(Path::to_path_buf),
        cancel: AtomicBool::new(false),
    };
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let walker = input::Walker::new(options, sink.dir(), jobs > 1)?;
    // each input's documents, under its own directory of a mirrored tree
    let walk = |each: &mut dyn FnMut(Item) -> ControlFlow<()>| {
        for (input, prefix) in inputs.iter().zip(&prefixes) {
            walker.walk(std::slice::from_ref(input), &mut |mut item| {
                if options.stop.load(Ordering::Relaxed) {
                    return ControlFlow::Break(());
                }
                if let Some(prefix) = prefix {
                    item.rel = prefix.join(&item.rel);
                }
                each(item)
            })?;
        }
        ControlFlow::Continue(())
    };
    let mut emitter = Emitter {
        sink,
        observe,
        summary: Summary::default(),
        fail_fast: options.fail_fast,
        error: None,
        cancel: &work.cancel,
        stop: &options.stop,
    };
    if jobs == 1 {
        let _ = walk(&mut |item| emitter.emit(work.process(item)));
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("interview-{i}"))
            .build()
            .map_err(io::Error::other)?;
        pool.in_place_scope(|scope| {
            let mut flight = Flight::new(2 * jobs);
            let mut chunk = Chunk::default();
            let flow = walk(&mut |item| {
                chunk.push(item);
                if chunk.is_full() {
                    flight.make_room(chunk.held, &mut emitter)?;
                    flight.submit(scope, &work, std::mem::take(&mut chunk));
                }
                ControlFlow::Continue(())
            });
            if flow.is_continue() && !chunk.items.is_empty() {
                flight.submit(scope, &work, chunk);
            }
            flight.finish(&mut emitter);
        });
    }
    let Emitter {
        sink,
        mut summary,
        error,
        ..
    } = emitter;
    if let Some(err) = error {
        return Err(err);
    }
    sink.finish()?;
    summary.elapsed = start.elapsed();
    summary.interrupted = options.stop.load(Ordering::Relaxed);
    Ok(summary)
}

/// What a worker made of one item.
struct Done<N> {
    outcome: Outcome,
    rendered: Rendered,
    note: Option<N>,
}

/// The per-item work, shared by every worker.
struct Work<'a, N> {
    options: &'a Options,
    annotate: &'a (dyn Fn(&Source, &[Diagnostic]) -> N + Sync),
    dir: Option<PathBuf>,
    cancel: AtomicBool,
}

impl<N> Work<'_, N> {
    fn process(&self, item: Item) -> Done<N> {
        let Item { path, rel, body } = item;
        let mut outcome = Outcome {
            path,
            format: None,
            status: Status::Converted,
            diagnostics: Vec::new(),
            in_source: 0,
            documents: 0,
            bytes: 0,
            outputs: Vec::new(),
            skipped: false,
        };
        let done = |outcome, rendered, note| Done {
            outcome,
            rendered,
            note,
        };
        if self.cancel.load(Ordering::Relaxed) || self.options.stop.load(Ordering::Relaxed) {
            return done(outcome, Rendered::Nothing, None);
        }
        if self.options.skip_existing
            && let Some(dir) = &self.dir
            && !matches!(body, Body::Fault(_))
            && let Some(outputs) = output::existing(&self.options.to, dir, &rel)
        {
            outcome.outputs = outputs;
            outcome.skipped = true;
            return done(outcome, Rendered::Nothing, None);
        }
        // a file is read into this thread's buffer, kept from file to file
        let mut buffer = READ_BUFFER.take();
        let owned;
        let read = match body {
            Body::Bytes(bytes) => {
                owned = bytes;
                Ok(owned.as_slice())
            }
            Body::File(file, _) => {
                input::read_file(&file, self.options.limits.max_size, &mut buffer)
            }
            Body::Fault(fault) => Err(fault),
        };
        let bytes = match read {
            Ok(bytes) => bytes,
            Err(fault) => {
                keep_read_buffer(buffer);
                let outcome = fault.into_outcome(outcome);
                // a fault still has its record in an NDJSON stream
                let rendered = self
                    .render(&rel, &outcome, None)
                    .unwrap_or(Rendered::Nothing);
                return done(outcome, rendered, None);
            }
        };
        let format = self
            .options
            .from
            .or_else(|| Format::from_path(&rel).filter(|f| f.is_readable()))
            .unwrap_or_else(|| Format::sniff(bytes));
        outcome.format = Some(format);
        outcome.bytes = bytes.len() as u64;
        let source = crate::decode(outcome.path.as_str(), bytes, format, self.options.encoding);
        keep_read_buffer(buffer);
        // read now, checked against the schema once the source is dropped
        // (`crate::load` in two steps): a huge document's text, model and
        // the schema's view of the model are never in memory together
        let limit = ErrorLimit::new(self.options.max_errors, self.options.strict);
        let parsed = crate::read::read_with(format, &source, limit);
        let reader_failed = diagnostic::any_fatal(&parsed.diagnostics, false);
        let mut diagnostics = parsed.diagnostics;
        // under --strict the reader's warnings count against the limit: when
        // they use it up, the schema check is not run, and a note says so
        let left = limit.after(&diagnostics);
        let to_check = parsed.interview.is_some() && !reader_failed && crate::checks_model(format);
        if left.is_none() && to_check {
            limit.cut(&mut diagnostics, true);
        }
        let strict = |diagnostics: &mut [Diagnostic]| {
            if self.options.strict {
                // a note says something of the report, not of the document
                for diagnostic in diagnostics {
                    if diagnostic.severity == Severity::Warning {
                        diagnostic.severity = Severity::Error;
                    }
                }
            }
        };
        strict(&mut diagnostics);
        let note = (self.annotate)(&source, &diagnostics);
        let mut valid = !diagnostic::any_fatal(&diagnostics, false);
        outcome.in_source = diagnostics.len();
        outcome.diagnostics = locate(&source, diagnostics);
        drop(source);
        if let (Some(interview), false, Some(left)) = (&parsed.interview, reader_failed, left) {
            let mut violations = crate::check_with(format, interview, left);
            strict(&mut violations);
            valid &= !diagnostic::any_fatal(&violations, false);
            // a model's violation has no place in the source (a JSON
            // pointer at most): after the source's own diagnostics
            outcome
                .diagnostics
                .extend(violations.into_iter().map(|diagnostic| Located {
                    diagnostic,
                    position: None,
                }));
        }
        let interview = parsed.interview.filter(|_| valid);
        if interview.is_none() {
            outcome.status = Status::Invalid;
        }
        let rendered = match self.render(&rel, &outcome, interview) {
            Ok(rendered) => rendered,
            // a writer that cannot carry the document's content (XML and a
            // control character, raw text and a line break) makes the input
            // invalid for that format
            Err(err) if err.kind() == io::ErrorKind::InvalidData => {
                outcome.status = Status::Invalid;
                let message = lowercase_first(&err.to_string());
                let unwritable = err.get_ref().and_then(|e| e.downcast_ref::<Unwritable>());
                let code = unwritable.map_or(Code::ControlCharacter, |u| u.code);
                let mut diagnostic = Diagnostic::whole(Severity::Error, code, message);
                if let Some(unwritable) = unwritable {
                    diagnostic = diagnostic.at_pointer(unwritable.pointer.clone());
                }
                outcome.diagnostics.push(Located {
                    diagnostic,
                    position: None,
                });
                Rendered::Nothing
            }
            Err(err) => {
                outcome.status = Status::Failed;
                outcome.diagnostics.push(io_error(err));
                Rendered::Nothing
            }
        };
        if outcome.status == Status::Converted {
            outcome.documents = 1;
        }
        done(outcome, rendered, Some(note))
    }

    fn render(
        &self,
        rel: &Path,
        outcome: &Outcome,
        interview: Option<crate::Interview>,
    ) -> io::Result<Rendered> {
        output::render(
            &self.options.to,
            &self.options.wxr,
            self.dir.as_deref(),
            rel,
            outcome,
            interview,
        )
    }
}

/// Finishes outcomes in input order: outputs into place, totals, the
/// caller's `observe`, and the decision to stop.
struct Emitter<'s, 'w, 'o, N> {
    sink: Sink<'w>,
    observe: &'o mut dyn FnMut(&Outcome, Option<N>),
    summary: Summary,
    fail_fast: bool,
    error: Option<io::Error>,
    cancel: &'s AtomicBool,
    /// [`Options::stop`].
    stop: &'s AtomicBool,
}

impl<N> Emitter<'_, '_, '_, N> {
    fn emit(&mut self, done: Done<N>) -> ControlFlow<()> {
        if self.stop.load(Ordering::Relaxed) {
            self.cancel.store(true, Ordering::Relaxed);
        }
        if self.cancel.load(Ordering::Relaxed) {
            // stopping: what is still in flight is dropped (temporary
            // files with it)
            return ControlFlow::Break(());
        }
        let Done {
            mut outcome,
            rendered,
            note,
            ..
        } = done;
        if let Err(err) = self.sink.put(&mut outcome, rendered) {
            self.error = Some(err);
            self.cancel.store(true, Ordering::Relaxed);
            return ControlFlow::Break(());
        }
        self.summary.add(&outcome);
        (self.observe)(&outcome, note);
        if self.fail_fast && outcome.status != Status::Converted {
            self.summary.stopped = true;
            self.cancel.store(true, Ordering::Relaxed);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    }
}

/// Items waiting to go to a worker together.
#[derive(Default)]
struct Chunk {
    items: Vec<Item>,
    held: u64,
}

impl Chunk {
    fn push(&mut self, item: Item) {
        self.held += item.held();
        self.items.push(item);
    }

    fn is_full(&self) -> bool {
        self.items.len() >= CHUNK_ITEMS || self.held >= IN_FLIGHT_BYTES / 8
    }
}

/// The chunks in flight, oldest first: each converted by one worker, its
/// results emitted in order by the calling thread.
struct Flight<N> {
    capacity: usize,
    chunks: std::collections::VecDeque<(mpsc::Receiver<Vec<Done<N>>>, u64)>,
    held: u64,
}

impl<N: Send> Flight<N> {
    fn new(capacity: usize) -> Self {
        Flight {
            capacity,
            chunks: std::collections::VecDeque::new(),
            held: 0,
        }
    }

    /// Emits the oldest chunks until one more of `held` bytes fits.
    fn make_room(&mut self, held: u64, emitter: &mut Emitter<'_, '_, '_, N>) -> ControlFlow<()> {
        while self.chunks.len() >= self.capacity
            || (!self.chunks.is_empty() && self.held + held > IN_FLIGHT_BYTES)
        {
            for done in self.oldest() {
                emitter.emit(done)?;
            }
        }
        ControlFlow::Continue(())
    }

    /// Waits for the oldest chunk's results.
    fn oldest(&mut self) -> Vec<Done<N>> {
        let Some((results, held)) = self.chunks.pop_front() else {
            return Vec::new();
        };
        self.held -= held;
        // a worker that panicked drops its sender: the panic itself
        // surfaces when the scope ends
        results.recv().unwrap_or_default()
    }

    fn submit<'s, 'a: 's>(
        &mut self,
        scope: &rayon::Scope<'s>,
        work: &'a Work<'a, N>,
        chunk: Chunk,
    ) {
        let (tx, rx) = mpsc::sync_channel(1);
        self.held += chunk.held;
        self.chunks.push_back((rx, chunk.held));
        scope.spawn(move |_| {
            let done: Vec<Done<N>> = chunk.items.into_iter().map(|i| work.process(i)).collect();
            // the receiver lives until the scope ends: a send cannot fail
            let _ = tx.send(done);
        });
    }

    /// Emits every chunk still in flight, in order; once the run stops,
    /// what comes back is dropped (temporary files with it).
    fn finish(&mut self, emitter: &mut Emitter<'_, '_, '_, N>) {
        let mut flow = ControlFlow::Continue(());
        while !self.chunks.is_empty() {
            for done in self.oldest() {
                if flow.is_continue() {
                    flow = emitter.emit(done);
                }
            }
        }
    }
}

thread_local! {
    /// The buffer files are read into on this thread.
    static READ_BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The most a thread's read buffer keeps between files.
const KEPT_READ_BUFFER: usize = 4 << 20;

/// Puts `buffer` back for this thread's next file, unless a huge file made
/// it huge.
fn keep_read_buffer(buffer: Vec<u8>) {
    if buffer.capacity() <= KEPT_READ_BUFFER {
        READ_BUFFER.set(buffer);
    }
}

/// Line and column for each diagnostic's span.
fn locate(source: &Source, diagnostics: Vec<Diagnostic>) -> Vec<Located> {
    diagnostics
        .into_iter()
        .map(|diagnostic| {
            let position = diagnostic
                .span
                .as_ref()
                .map(|span| (source.line_col(span.start), source.line_col(span.end)));
            Located {
                diagnostic,
                position,
            }
        })
        .collect()
}

/// An I/O error as a diagnostic of the whole input.
fn io_error(err: io::Error) -> Located {
    Located {
        diagnostic: Diagnostic::whole(Severity::Error, Code::Io, lowercase_first(&err.to_string())),
        position: None,
    }
}

/// `No such file or directory` → `no such file or directory`: messages are
/// lowercase.
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// `12.3 MiB`: a byte count for people.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_start_lowercase_but_acronyms_stay() {
        assert_eq!(
            lowercase_first("No such file or directory (os error 2)"),
            "no such file or directory (os error 2)"
        );
        assert_eq!(lowercase_first("CRC mismatch"), "CRC mismatch");
    }

    #[test]
    fn byte_counts_for_people() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(64 << 20), "64.0 MiB");
        assert_eq!(human_bytes(3 << 29), "1.5 GiB");
    }

    #[test]
    fn the_worst_status_wins() {
        let mut summary = Summary::default();
        assert_eq!(summary.status(), Status::Converted);
        summary.invalid = 1;
        assert_eq!(summary.status(), Status::Invalid);
        summary.failed = 1;
        assert_eq!(summary.status(), Status::Failed);
    }
}
