//! Inputs → items: one item per document, in a deterministic order.
//!
//! - A file is one item, read later by a worker.
//! - A directory is walked recursively in file-name order; hidden files
//!   and directories (`.git`, `.DS_Store`) and `__MACOSX` are skipped, as
//!   is the output directory when it lies inside. Files are selected by
//!   [`Options::select`], else by an extension that names a readable
//!   format. Symbolic links are not followed (a link to a file or a
//!   directory outside the tree could leak it into outputs and reports):
//!   each becomes a warning item naming it, unless [`Options::follow`]
//!   asks to follow them. An input named explicitly is read even when it
//!   is a link.
//! - A `.zip`, `.tar`, `.tar.gz` or `.tgz` named as an input is read in
//!   place, entry after entry, never extracted to disk: each selected
//!   entry's bytes become an item. Zip archives are read through their
//!   central directory one record at a time, so memory does not grow with
//!   the number of entries. Entries with an absolute path or a `..`
//!   component are refused; [`Limits`] bound each entry, the whole
//!   archive, and the entry count. A `.tar.gz` is decompressed to its
//!   trailer once before its entries are read, so that a CRC or length
//!   mismatch refuses the archive before any of its documents converts;
//!   a tar entry cut short is refused rather than read from its part.
//! - `-` is standard input, one document.
//!
//! Problems found on the way (an unreadable directory, a damaged archive,
//! a refused entry) are items too, carrying a [`Fault`], so that they take
//! their place in the run's order.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use globset::GlobSet;
use zip::unstable::read::ZipIterable;

use super::{Limits, Located, Options, Outcome, Status, human_bytes, lowercase_first};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::format::Format;

/// One document to convert, or a fault in its place.
#[derive(Debug)]
pub(crate) struct Item {
    /// The name shown to people (see [`Outcome::path`]).
    pub path: String,
    /// The path relative to its input, made of normal components only:
    /// where its outputs go under a directory destination.
    pub rel: PathBuf,
    /// What to read.
    pub body: Body,
}

/// What an item holds.
#[derive(Debug)]
pub(crate) enum Body {
    /// A file on disk and its size when walked (0 when the walk did not
    /// need it), read by the worker.
    File(PathBuf, u64),
    /// Bytes already read: standard input, an archive entry.
    Bytes(Vec<u8>),
    /// A problem found instead of a document.
    Fault(Fault),
}

impl Item {
    /// Bytes this item holds, or will once read.
    pub fn held(&self) -> u64 {
        match &self.body {
            Body::Bytes(bytes) => bytes.len() as u64,
            Body::File(_, size) => *size,
            Body::Fault(_) => 0,
        }
    }
}

/// A problem that stands for an input: it was not read, or not all of it.
#[derive(Debug)]
pub(crate) struct Fault {
    status: Status,
    diagnostic: Diagnostic,
}

impl Fault {
    fn new(status: Status, code: Code, message: String) -> Fault {
        Fault {
            status,
            diagnostic: Diagnostic::whole(Severity::Error, code, message),
        }
    }

    /// Not a fault of the data: something left out, with a warning, the
    /// run's status unchanged.
    fn warning(code: Code, message: String) -> Fault {
        Fault {
            status: Status::Converted,
            diagnostic: Diagnostic::whole(Severity::Warning, code, message),
        }
    }

    fn io(what: &str, err: &io::Error) -> Fault {
        Fault::new(
            Status::Failed,
            Code::Io,
            format!("{what}: {}", lowercase_first(&err.to_string())),
        )
    }

    fn too_big(what: &str, size: u64, limit: u64, flag: &str) -> Fault {
        let mut fault = Fault::new(
            Status::Invalid,
            Code::Limit,
            format!(
                "{what} is {}, over the limit of {}",
                human_bytes(size),
                human_bytes(limit)
            ),
        );
        fault.diagnostic = fault.diagnostic.expected(format!(
            "at most {} (the limit is set with `{flag}`)",
            human_bytes(limit)
        ));
        fault
    }

    /// An archive that unpacks to more than the limit.
    fn unpacked(size: u64, limits: &Limits) -> Fault {
        Fault::too_big(
            "archive unpacked",
            size,
            limits.max_archive_size,
            "--max-archive-size",
        )
    }

    fn expected(mut self, expected: impl Into<String>) -> Fault {
        self.diagnostic = self.diagnostic.expected(expected);
        self
    }

    /// The outcome of an input that ended in this fault.
    pub fn into_outcome(self, mut outcome: Outcome) -> Outcome {
        outcome.status = self.status;
        outcome.diagnostics.push(Located {
            diagnostic: self.diagnostic,
            position: None,
        });
        outcome
    }
}

/// Reads a file of at most `max_size` bytes into `buffer`, which is kept
/// from one file to the next: what it returns is the start of `buffer`.
pub(crate) fn read_file<'b>(
    path: &Path,
    max_size: u64,
    buffer: &'b mut Vec<u8>,
) -> Result<&'b [u8], Fault> {
    let cannot = |err: io::Error| Fault::io("cannot read", &err);
    let file = File::open(path).map_err(cannot)?;
    let size = || file.metadata().map(|m| m.len());
    let len = read_kept(&file, size, max_size, "file", cannot, buffer)?;
    Ok(&buffer[..len])
}

/// Reads to the end into the start of `buffer` as [`read_into`] does, but
/// asks `size` for the input's size only once the bytes fill the buffer
/// kept from earlier inputs: most files of an archive fit the buffer the
/// larger ones before them left, and are read without a `stat`. An input
/// the size says is over `max_size` is refused, with that size, before
/// the rest is read.
fn read_kept(
    mut reader: impl Read,
    size: impl FnOnce() -> io::Result<u64>,
    max_size: u64,
    what: &str,
    failed: impl Fn(io::Error) -> Fault,
    buffer: &mut Vec<u8>,
) -> Result<usize, Fault> {
    let room = buffer.len().min(limit_past(max_size));
    let mut len = 0;
    while len < room {
        match reader.read(&mut buffer[len..room]) {
            // `len` is below `room`, at most `max_size`
            Ok(0) => return Ok(len),
            Ok(n) => len += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(failed(err)),
        }
    }
    let size = size().map_err(&failed)?;
    if size > max_size {
        return Err(Fault::too_big(what, size, max_size, "--max-size"));
    }
    read_into(reader, size, max_size, what, failed, buffer, len)
}

/// The length one byte past `max_size`: reading that much is enough to
/// know the limit was passed.
fn limit_past(max_size: u64) -> usize {
    usize::try_from(max_size.saturating_add(1)).unwrap_or(usize::MAX)
}

/// Reads to the end, refusing more than `max_size` bytes; `failed` says
/// what an I/O error means here.
fn read_limited(
    reader: impl Read,
    expected_size: u64,
    max_size: u64,
    what: &str,
    failed: impl FnOnce(io::Error) -> Fault,
) -> Result<Vec<u8>, Fault> {
    let mut bytes = Vec::new();
    let len = read_into(reader, expected_size, max_size, what, failed, &mut bytes, 0)?;
    bytes.truncate(len);
    Ok(bytes)
}

/// Reads to the end into the start of `buffer`, after the `filled` bytes
/// already read there, refusing more than `max_size` bytes, and returns the
/// length read; `failed` says what an I/O error means here.
///
/// `buffer` is made at least one byte longer than `expected_size` (at
/// least 8 KiB, at most 8 MiB at first, doubling after), so a file whose
/// size is known is read in one `read` and the one that finds its end
/// (`read_to_end` on a `Take` does not know the size, and reads in 8 KiB
/// steps). Its bytes past its old length are zeroed once; kept from one
/// file to the next, it is not zeroed again.
fn read_into(
    mut reader: impl Read,
    expected_size: u64,
    max_size: u64,
    what: &str,
    failed: impl FnOnce(io::Error) -> Fault,
    buffer: &mut Vec<u8>,
    filled: usize,
) -> Result<usize, Fault> {
    let limit = limit_past(max_size);
    let start = usize::try_from(expected_size.saturating_add(1)).unwrap_or(limit);
    let want = start.clamp(8 << 10, 8 << 20).min(limit);
    if buffer.len() < want {
        buffer.resize(want, 0);
    }
    let mut len = filled;
    // `len` stays below `limit` in the loop: the buffer grows to it at most
    while len < limit {
        if len == buffer.len() {
            buffer.resize(len.saturating_mul(2).min(limit), 0);
        }
        // a buffer kept from a run with a higher limit is read into no further
        let room = buffer.len().min(limit);
        match reader.read(&mut buffer[len..room]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(failed(err)),
        }
    }
    if len as u64 > max_size {
        return Err(Fault::too_big(what, len as u64, max_size, "--max-size"));
    }
    Ok(len)
}

/// The longest NDJSON record line held in memory: room for a text of
/// `max_size` bytes with every byte escaped as JSON (`\u0001` is six bytes
/// for one), and 64 KiB for its path and the braces.
fn record_line_limit(max_size: u64) -> u64 {
    max_size.saturating_mul(6).saturating_add(64 << 10)
}

/// Skips the rest of a line, a buffer at a time, never holding it.
fn skip_line(stream: &mut dyn BufRead) -> io::Result<()> {
    loop {
        let buffer = match stream.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => {
                stream.consume(end + 1);
                return Ok(());
            }
            None => {
                let len = buffer.len();
                stream.consume(len);
            }
        }
    }
}

/// Whether `path` names an archive that is read in place (`.zip`, `.tar`,
/// `.tar.gz`, `.tgz`).
pub fn is_archive(path: &Path) -> bool {
    Archive::from_path(path).is_some()
}

/// The kinds of archive read in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Archive {
    Zip,
    Tar,
    TarGz,
}

impl Archive {
    /// By file name: `.zip`, `.tar`, `.tar.gz`, `.tgz` (any case).
    fn from_path(path: &Path) -> Option<Archive> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".zip") {
            Some(Archive::Zip)
        } else if name.ends_with(".tar") {
            Some(Archive::Tar)
        } else if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
            Some(Archive::TarGz)
        } else {
            None
        }
    }
}

/// Standard input or a file, buffered.
fn open_stream(input: &Path) -> io::Result<Box<dyn BufRead>> {
    if input == Path::new("-") {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    Ok(Box::new(BufReader::new(File::open(input)?)))
}

/// A record's path as a relative path of normal components, for outputs
/// under a directory; `None` for an absolute path or one with `..`.
fn relative(path: &str) -> Option<PathBuf> {
    let path = Path::new(path);
    let normal = path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    (normal && path.components().next().is_some()).then(|| path.to_path_buf())
}

/// Walks inputs into items.
pub(crate) struct Walker<'a> {
    select: Option<&'a GlobSet>,
    /// Inputs hold NDJSON records rather than documents.
    records: bool,
    /// Follow symbolic links met in directory walks.
    follow: bool,
    limits: Limits,
    /// Whether items need the size of their file (for the budget of bytes
    /// in flight, with several workers): a `stat` of every file otherwise
    /// saved.
    sizes: bool,
    /// The output directory, canonical, so that a walk never reads its own
    /// outputs.
    exclude: Option<PathBuf>,
}

type Each<'e> = &'e mut dyn FnMut(Item) -> ControlFlow<()>;

impl<'a> Walker<'a> {
    pub fn new(
        options: &'a Options,
        out_dir: Option<&Path>,
        sizes: bool,
    ) -> io::Result<Walker<'a>> {
        Ok(Walker {
            select: options.select.as_ref(),
            records: options.records,
            follow: options.follow,
            limits: options.limits,
            sizes,
            exclude: out_dir.map(fs::canonicalize).transpose()?,
        })
    }

    /// Calls `each` with every item of `inputs`, in order, until it breaks.
    /// An input that yields nothing (an empty directory, a `--glob` that
    /// matches none of its files) is a fault: a mistyped path must not
    /// pass as a clean run. A stream of records may be empty.
    pub fn walk(&self, inputs: &[PathBuf], each: Each<'_>) -> ControlFlow<()> {
        for input in inputs {
            let mut found = false;
            self.input(input, &mut |item| {
                found = true;
                each(item)
            })?;
            if !found && !self.records {
                each(self.nothing_found(input))?;
            }
        }
        ControlFlow::Continue(())
    }

    /// The fault of an input in which no document was found.
    fn nothing_found(&self, input: &Path) -> Item {
        let what = if input.is_dir() { "file" } else { "entry" };
        let (message, expected) = match self.select {
            Some(_) => (
                format!("no {what} matches --glob"),
                "a --glob that matches some of its files".to_owned(),
            ),
            None => {
                let extensions: Vec<String> = Format::ALL
                    .iter()
                    .filter(|f| f.is_readable())
                    .map(|f| format!(".{}", f.extension()))
                    .collect();
                (
                    format!("no {what} with a readable extension"),
                    format!(
                        "files named {} (or --glob to choose others)",
                        extensions.join(", ")
                    ),
                )
            }
        };
        Item {
            path: input.display().to_string(),
            rel: input
                .file_name()
                .map_or_else(|| PathBuf::from("input"), PathBuf::from),
            body: Body::Fault(
                Fault::new(
                    Status::Failed,
                    Code::NoDocument,
                    format!("no document found: {message}"),
                )
                .expected(expected),
            ),
        }
    }

    fn input(&self, input: &Path, each: Each<'_>) -> ControlFlow<()> {
        let own_name = || {
            input
                .file_name()
                .map_or_else(|| PathBuf::from("input"), PathBuf::from)
        };
        if self.records {
            let name = if input == Path::new("-") {
                "<stdin>".to_owned()
            } else {
                input.display().to_string()
            };
            return match open_stream(input) {
                Ok(stream) => self.records(&name, stream, each),
                Err(err) => each(Item {
                    path: name,
                    rel: own_name(),
                    body: Body::Fault(Fault::io("cannot read", &err)),
                }),
            };
        }
        if input == Path::new("-") {
            let stdin = io::stdin().lock();
            let read = read_limited(stdin, 0, self.limits.max_size, "input", |err| {
                Fault::io("cannot read", &err)
            });
            let body = read.map_or_else(Body::Fault, Body::Bytes);
            return each(Item {
                path: "<stdin>".to_owned(),
                rel: PathBuf::from("stdin"),
                body,
            });
        }
        let fault = |fault: Fault| Item {
            path: input.display().to_string(),
            rel: own_name(),
            body: Body::Fault(fault),
        };
        let metadata = match fs::metadata(input) {
            Ok(metadata) => metadata,
            Err(err) => return each(fault(Fault::io("cannot read", &err))),
        };
        if metadata.is_dir() {
            return self.dir(input, each);
        }
        match Archive::from_path(input) {
            Some(Archive::Zip) => self.zip(input, each),
            Some(kind) => self.tar(input, kind == Archive::TarGz, each),
            None => each(Item {
                path: input.display().to_string(),
                rel: own_name(),
                body: Body::File(input.to_path_buf(), metadata.len()),
            }),
        }
    }

    /// One item per line of NDJSON records `{"path": "…", "text": "…"}`,
    /// read as they come (a mapper's input never ends before its output
    /// starts). A line that is not such a record is a fault named by its
    /// line number; blank lines are skipped.
    ///
    /// A line is held whole only up to [`record_line_limit`]: past it, the
    /// record is refused and the rest of its line is skipped a buffer at a
    /// time, unread, so that one huge line never fills memory; a record
    /// whose text is over [`Limits::max_size`] is refused too.
    fn records(
        &self,
        name: &str,
        mut stream: Box<dyn BufRead + '_>,
        each: Each<'_>,
    ) -> ControlFlow<()> {
        #[derive(serde::Deserialize)]
        struct Record {
            path: String,
            text: String,
        }
        let max_size = self.limits.max_size;
        let limit = record_line_limit(max_size);
        let mut line = Vec::new();
        for number in 1.. {
            // a huge line's buffer is not kept for the small ones after it
            if line.capacity() > 1 << 20 {
                line = Vec::new();
            }
            line.clear();
            let read = (&mut stream).take(limit).read_until(b'\n', &mut line);
            let at = || format!("{name}:{number}");
            let fault = |path: String, fault: Fault| Item {
                path,
                rel: PathBuf::from(format!("record-{number}")),
                body: Body::Fault(fault),
            };
            match read {
                Ok(0) => return ControlFlow::Continue(()),
                Ok(_) if line.trim_ascii().is_empty() => continue,
                Ok(_) if line.last() != Some(&b'\n') && line.len() as u64 >= limit => {
                    let refused = Fault::new(
                        Status::Invalid,
                        Code::Limit,
                        format!("record line is longer than {}", human_bytes(limit)),
                    )
                    .expected(format!(
                        "a record whose text is at most {} (the limit is set with `--max-size`; \
                         its line may take six times that, for JSON escapes)",
                        human_bytes(max_size)
                    ));
                    each(fault(at(), refused))?;
                    line = Vec::new();
                    if let Err(err) = skip_line(&mut *stream) {
                        let failed = Fault::io("cannot read", &err);
                        return each(fault(at(), failed));
                    }
                }
                Ok(_) => match serde_json::from_slice::<Record>(&line) {
                    Ok(record) if record.text.len() as u64 > max_size => {
                        let size = record.text.len() as u64;
                        let refused = Fault::too_big("record text", size, max_size, "--max-size");
                        each(fault(at(), refused))?;
                    }
                    Ok(record) => {
                        let rel = relative(&record.path)
                            .unwrap_or_else(|| PathBuf::from(format!("record-{number}")));
                        each(Item {
                            path: record.path,
                            rel,
                            body: Body::Bytes(record.text.into_bytes()),
                        })?;
                    }
                    Err(err) => {
                        let invalid = Fault::new(
                            Status::Invalid,
                            Code::Syntax,
                            format!("not a record {{\"path\": …, \"text\": …}}: {err}"),
                        );
                        each(fault(at(), invalid))?;
                    }
                },
                Err(err) => return each(fault(at(), Fault::io("cannot read", &err))),
            }
        }
        ControlFlow::Continue(())
    }

    /// Whether a file or entry at `rel` is read.
    fn selected(&self, rel: &Path) -> bool {
        match self.select {
            Some(globs) => globs.is_match(rel),
            None => Format::from_path(rel).is_some_and(Format::is_readable),
        }
    }

    fn dir(&self, root: &Path, each: Each<'_>) -> ControlFlow<()> {
        let canonical_root = fs::canonicalize(root).ok();
        if canonical_root.is_some() && canonical_root == self.exclude {
            let fault = Fault::new(
                Status::Failed,
                Code::Io,
                "the input directory is the output directory".to_owned(),
            )
            .expected("an output directory apart from the inputs");
            return each(Item {
                path: root.display().to_string(),
                rel: PathBuf::new(),
                body: Body::Fault(fault),
            });
        }
        let excluded = |entry: &walkdir::DirEntry| {
            entry.file_type().is_dir()
                && match (&self.exclude, &canonical_root) {
                    (Some(exclude), Some(root_canonical)) => entry
                        .path()
                        .strip_prefix(root)
                        .is_ok_and(|rel| root_canonical.join(rel) == *exclude),
                    _ => false,
                }
        };
        let entries = walkdir::WalkDir::new(root)
            .follow_links(self.follow)
            // siblings' paths are their parent's and their names: ordered
            // as the names are, without taking each path apart again
            .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !(hidden(e.file_name()) || excluded(e)));
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    let io = err
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other("file system loop"));
                    each(Item {
                        path: path.display().to_string(),
                        rel: PathBuf::new(),
                        body: Body::Fault(Fault::io("cannot read directory", &io)),
                    })?;
                    continue;
                }
            };
            // followed, a link has its target's type: only a link not
            // followed (or broken) is a link here
            let file_type = entry.file_type();
            if !(file_type.is_file() || file_type.is_symlink()) {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(root).map(Path::to_path_buf) else {
                continue;
            };
            if file_type.is_symlink() {
                // a link to a directory is not matched against the globs,
                // and neither would its files be: it is named whatever
                // its name
                let to_dir = fs::metadata(entry.path()).is_ok_and(|m| m.is_dir());
                if !(to_dir || self.selected(&rel)) {
                    continue;
                }
                let fault = Fault::warning(Code::SymbolicLink, "symbolic link not followed".into())
                    .expected("a regular file, or `--follow` to follow links");
                each(Item {
                    path: entry.path().display().to_string(),
                    rel,
                    body: Body::Fault(fault),
                })?;
                continue;
            }
            if !self.selected(&rel) {
                continue;
            }
            // the size, for the memory budget
            let size = if self.sizes {
                entry.metadata().map_or(0, |m| m.len())
            } else {
                0
            };
            each(Item {
                path: entry.path().display().to_string(),
                rel,
                body: Body::File(entry.into_path(), size),
            })?;
        }
        ControlFlow::Continue(())
    }

    /// An item for a fault of the archive as a whole.
    fn archive_fault(archive: &Path, fault: Fault) -> Item {
        Item {
            path: archive.display().to_string(),
            rel: archive.file_name().map_or_else(PathBuf::new, PathBuf::from),
            body: Body::Fault(fault),
        }
    }

    fn zip(&self, archive: &Path, each: Each<'_>) -> ControlFlow<()> {
        let fault = |fault| Self::archive_fault(archive, fault);
        let damaged = |err: zip::result::ZipError| {
            Fault::new(
                Status::Invalid,
                Code::Archive,
                format!("damaged zip archive: {}", lowercase_first(&err.to_string())),
            )
        };
        let open = || File::open(archive).map(BufReader::new);
        let (meta, body) = match (open(), open()) {
            (Ok(meta), Ok(body)) => (meta, body),
            (Err(err), _) | (_, Err(err)) => return each(fault(Fault::io("cannot read", &err))),
        };
        let mut zip = match ZipIterable::try_new(meta, zip::read::Config::default()) {
            Ok(zip) => zip.enforce_header_consistency(true),
            Err(err) => {
                let fault = damaged(err).expected("a zip archive");
                return each(Self::archive_fault(archive, fault));
            }
        };
        let limits = self.limits;
        if zip.len() as u64 > limits.max_entries {
            return each(fault(
                Fault::new(
                    Status::Invalid,
                    Code::Limit,
                    format!(
                        "archive has {} entries, over the limit of {}",
                        zip.len(),
                        limits.max_entries
                    ),
                )
                .expected("fewer entries (the limit is set with `--max-entries`)"),
            ));
        }
        // what the central directory declares, before reading anything: a
        // bomb is refused whole rather than half converted
        let mut declared = 0u64;
        match zip.files() {
            Ok(files) => {
                for entry in files {
                    match entry {
                        Ok(entry) => declared = declared.saturating_add(entry.size()),
                        Err(err) => return each(fault(damaged(err))),
                    }
                }
            }
            Err(err) => return each(fault(damaged(err))),
        }
        if declared > limits.max_archive_size {
            return each(fault(Fault::unpacked(declared, &limits)));
        }
        let files = match zip.files() {
            Ok(files) => files,
            Err(err) => return each(fault(damaged(err))),
        };
        let mut body = body;
        let mut total = 0u64;
        for entry in files.by_ref() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => return each(fault(damaged(err))),
            };
            if entry.is_dir() || entry.is_symlink() {
                continue;
            }
            let name = match entry.name() {
                Ok(name) => name.into_owned(),
                Err(err) => {
                    each(fault(damaged(err)))?;
                    continue;
                }
            };
            let Some(rel) = self.entry(archive, &name, each)? else {
                continue;
            };
            let item = |body| entry_item(archive, &rel, body);
            if entry.encrypted() {
                let fault = Fault::new(
                    Status::Invalid,
                    Code::Archive,
                    "entry is encrypted".to_owned(),
                );
                each(item(Body::Fault(fault)))?;
                continue;
            }
            if entry.size() > limits.max_size {
                let fault = Fault::too_big("entry", entry.size(), limits.max_size, "--max-size");
                each(item(Body::Fault(fault)))?;
                continue;
            }
            let size = entry.size();
            let bad_entry = |err: io::Error| {
                Fault::new(
                    Status::Invalid,
                    Code::Archive,
                    format!("damaged entry: {}", lowercase_first(&err.to_string())),
                )
            };
            let read = match entry.with_reader(&mut body, zip::ZipReadOptions::new()) {
                Ok(file) => read_limited(file, size, limits.max_size, "entry", bad_entry),
                Err(err) => Err(damaged(err)),
            };
            let bytes = match read {
                Ok(bytes) => bytes,
                Err(fault) => {
                    each(item(Body::Fault(fault)))?;
                    continue;
                }
            };
            total += bytes.len() as u64;
            if total > limits.max_archive_size {
                return each(fault(Fault::unpacked(total, &limits)));
            }
            each(item(Body::Bytes(bytes)))?;
        }
        ControlFlow::Continue(())
    }

    fn tar(&self, archive: &Path, gzip: bool, each: Each<'_>) -> ControlFlow<()> {
        let fault = |fault| Self::archive_fault(archive, fault);
        let file = match File::open(archive) {
            Ok(file) => BufReader::with_capacity(256 << 10, file),
            Err(err) => return each(fault(Fault::io("cannot read", &err))),
        };
        // a gzip stream's CRC-32 and length are in its trailer, past the
        // tar's last entry: checked first, so that no document of a
        // damaged archive is converted
        if gzip && let Err(fault) = self.check_gzip(archive) {
            return each(Self::archive_fault(archive, fault));
        }
        let reader: Box<dyn Read> = if gzip {
            Box::new(flate2::read::MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let damaged = |err: io::Error| {
            Fault::new(
                Status::Invalid,
                Code::Archive,
                format!("damaged tar archive: {}", lowercase_first(&err.to_string())),
            )
        };
        let mut tar = tar::Archive::new(reader);
        let entries = match tar.entries() {
            Ok(entries) => entries,
            Err(err) => return each(fault(damaged(err))),
        };
        let limits = self.limits;
        let (mut count, mut total) = (0u64, 0u64);
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                // the stream's position is lost: nothing after can be trusted
                Err(err) => return each(fault(damaged(err))),
            };
            count += 1;
            if count > limits.max_entries {
                return each(fault(
                    Fault::new(
                        Status::Invalid,
                        Code::Limit,
                        format!(
                            "archive has more than {} entries, the limit",
                            limits.max_entries
                        ),
                    )
                    .expected("fewer entries (the limit is set with `--max-entries`)"),
                ));
            }
            // every entry is decompressed, even one skipped: count them all
            total = total.saturating_add(entry.size());
            if total > limits.max_archive_size {
                return each(fault(Fault::unpacked(total, &limits)));
            }
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
            let Some(rel) = self.entry(archive, &name, each)? else {
                continue;
            };
            let item = |body| entry_item(archive, &rel, body);
            let size = entry.size();
            if size > limits.max_size {
                let fault = Fault::too_big("entry", size, limits.max_size, "--max-size");
                each(item(Body::Fault(fault)))?;
                continue;
            }
            // an I/O error here is the stream's: nothing after can be trusted
            let mut broken = None;
            let read = read_limited(entry, size, limits.max_size, "entry", |err| {
                let fault = damaged(err);
                broken = Some(());
                fault
            });
            match (read, broken) {
                // the archive ends inside this entry
                (Ok(bytes), _) if (bytes.len() as u64) < size => {
                    let fault = Fault::new(
                        Status::Invalid,
                        Code::Archive,
                        format!(
                            "truncated entry: {} of the {} bytes its header declares",
                            bytes.len(),
                            size
                        ),
                    )
                    .expected("a whole tar archive");
                    // nothing follows: no second fault for the archive
                    return each(item(Body::Fault(fault)));
                }
                (Ok(bytes), _) => each(item(Body::Bytes(bytes)))?,
                (Err(fault), None) => each(item(Body::Fault(fault)))?,
                (Err(fault), Some(())) => return each(self::Walker::archive_fault(archive, fault)),
            }
        }
        ControlFlow::Continue(())
    }

    /// Decompresses the gzip stream of `archive` to its end, bytes
    /// discarded, so that its trailer's CRC-32 and length are checked
    /// (flate2 checks them on reaching each member's end); a stream that
    /// unpacks to more than the archive limit is refused here too.
    fn check_gzip(&self, archive: &Path) -> Result<(), Fault> {
        let file = File::open(archive).map_err(|err| Fault::io("cannot read", &err))?;
        let limit = self.limits.max_archive_size;
        let decoder = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(256 << 10, file));
        match io::copy(&mut decoder.take(limit.saturating_add(1)), &mut io::sink()) {
            Ok(unpacked) if unpacked > limit => Err(Fault::new(
                Status::Invalid,
                Code::Limit,
                format!(
                    "archive unpacked is over the limit of {}",
                    human_bytes(limit)
                ),
            )
            .expected("a smaller archive (the limit is set with `--max-archive-size`)")),
            Ok(_) => Ok(()),
            Err(err)
                if matches!(
                    err.kind(),
                    io::ErrorKind::InvalidData
                        | io::ErrorKind::InvalidInput
                        | io::ErrorKind::UnexpectedEof
                ) =>
            {
                Err(Fault::new(
                    Status::Invalid,
                    Code::Archive,
                    format!("damaged gzip stream: {}", lowercase_first(&err.to_string())),
                )
                .expected("a gzip stream whose CRC-32 and length match its trailer"))
            }
            Err(err) => Err(Fault::io("cannot read", &err)),
        }
    }

    /// The relative path of an archive entry named `name` when it is to be
    /// read; a refused name becomes a fault item; hidden or unselected
    /// entries are skipped.
    fn entry(
        &self,
        archive: &Path,
        name: &str,
        each: Each<'_>,
    ) -> ControlFlow<(), Option<PathBuf>> {
        match safe_relative(name) {
            Ok(rel) if rel.iter().any(hidden) || !self.selected(&rel) => {
                ControlFlow::Continue(None)
            }
            Ok(rel) => ControlFlow::Continue(Some(rel)),
            Err(why) => {
                let fault = Fault::new(
                    Status::Invalid,
                    Code::Archive,
                    format!("entry `{}` refused: {why}", name.escape_debug()),
                )
                .expected("a relative path inside the archive");
                each(Item {
                    path: format!("{}!/{}", archive.display(), name.escape_debug()),
                    rel: PathBuf::new(),
                    body: Body::Fault(fault),
                })?;
                ControlFlow::Continue(None)
            }
        }
    }
}

/// The item of an archive entry, named `ARCHIVE!/ENTRY`.
fn entry_item(archive: &Path, rel: &Path, body: Body) -> Item {
    Item {
        path: format!("{}!/{}", archive.display(), slashed(rel)),
        rel: rel.to_path_buf(),
        body,
    }
}

/// Dot files and directories, and the `__MACOSX` folder of resource forks
/// that macOS puts in zip archives.
fn hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    name.starts_with(b".") || name == b"__MACOSX"
}

/// An archive entry's name as a relative path of normal components, or why
/// it is refused: an absolute path (`/etc/x`, `\x`, `C:\x`), a `..`
/// component, a NUL byte.
pub(crate) fn safe_relative(name: &str) -> Result<PathBuf, &'static str> {
    if name.contains('\0') {
        return Err("its name holds a NUL byte");
    }
    let bytes = name.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    if name.starts_with(['/', '\\']) || drive {
        return Err("its path is absolute");
    }
    let mut rel = PathBuf::new();
    for part in name.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => return Err("its path climbs out of the archive with `..`"),
            part => rel.push(part),
        }
    }
    if rel.as_os_str().is_empty() {
        return Err("its name is empty");
    }
    Ok(rel)
}

/// A relative path with `/` between its components, as archives write them.
fn slashed(rel: &Path) -> Cow<'_, str> {
    let text = rel.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        text
    } else {
        text.replace(std::path::MAIN_SEPARATOR, "/").into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes a call and is
    /// interrupted before every other call, as pipes and archives may be.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
        interrupt: bool,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.interrupt = !self.interrupt;
            if self.interrupt {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    proptest::proptest! {
        /// Whatever size was expected and however the bytes arrive, the
        /// bytes read are the input's, and an input over the limit is
        /// refused, however little it is over.
        #[test]
        fn read_limited_reads_all_and_refuses_past_the_limit(
            len in 0usize..40_000,
            expected in 0u64..50_000,
            max_size in 0u64..50_000,
            step in 1usize..20_000,
            previous in 0usize..40_000,
        ) {
            let input: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let cannot = |err: io::Error| Fault::io("cannot read", &err);
            let reader = Trickle { bytes: &input, step, interrupt: false };
            let read = read_limited(reader, expected, max_size, "file", cannot);
            // the same into a buffer an earlier input left bytes in
            let mut buffer = vec![0xAA; previous];
            let reader = Trickle { bytes: &input, step, interrupt: false };
            let into = read_into(reader, expected, max_size, "file", cannot, &mut buffer, 0)
                .map(|n| buffer[..n].to_vec());
            // and as a file is read: its size asked only once the bytes
            // fill the buffer kept from before
            let mut buffer = vec![0xAA; previous];
            let asked = std::cell::Cell::new(false);
            let size = || {
                asked.set(true);
                Ok(len as u64)
            };
            let reader = Trickle { bytes: &input, step, interrupt: false };
            let kept = read_kept(reader, size, max_size, "file", cannot, &mut buffer)
                .map(|n| buffer[..n].to_vec());
            let fills = len >= previous.min(limit_past(max_size));
            proptest::prop_assert!(fills || !asked.get());
            if len as u64 > max_size {
                proptest::prop_assert!(read.is_err());
                proptest::prop_assert!(into.is_err());
                proptest::prop_assert!(kept.is_err());
            } else {
                proptest::prop_assert_eq!(read.ok(), Some(input.clone()));
                proptest::prop_assert_eq!(into.ok(), Some(input.clone()));
                proptest::prop_assert_eq!(kept.ok(), Some(input.clone()));
            }
        }
    }

    #[test]
    fn entry_names_that_escape_are_refused() {
        assert!(safe_relative("../evil.txt").is_err());
        assert!(safe_relative("a/../../evil.txt").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("\\windows\\x.txt").is_err());
        assert!(safe_relative("C:/x.txt").is_err());
        assert!(safe_relative("a\\..\\x.txt").is_err());
        assert!(safe_relative("a\0b.txt").is_err());
        assert!(safe_relative("./").is_err());
    }

    #[test]
    fn entry_names_inside_are_normalized() {
        assert_eq!(safe_relative("./a//b.txt").unwrap(), Path::new("a/b.txt"));
        assert_eq!(safe_relative("a\\b.txt").unwrap(), Path::new("a/b.txt"));
        assert_eq!(
            safe_relative("..a/b..txt").unwrap(),
            Path::new("..a/b..txt")
        );
    }

    #[test]
    fn archives_by_name() {
        assert_eq!(Archive::from_path(Path::new("x.ZIP")), Some(Archive::Zip));
        assert_eq!(Archive::from_path(Path::new("x.tar")), Some(Archive::Tar));
        assert_eq!(
            Archive::from_path(Path::new("x.tar.gz")),
            Some(Archive::TarGz)
        );
        assert_eq!(Archive::from_path(Path::new("x.tgz")), Some(Archive::TarGz));
        assert_eq!(Archive::from_path(Path::new("x.txt")), None);
    }

    #[test]
    fn hidden_names() {
        assert!(hidden(".git".as_ref()));
        assert!(hidden("__MACOSX".as_ref()));
        assert!(!hidden("a.txt".as_ref()));
    }
}
