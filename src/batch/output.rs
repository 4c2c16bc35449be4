//! Outputs: what a worker renders for one document, and how the emitting
//! thread puts it in place.
//!
//! Every output file is written whole and renamed into place (see
//! [`super::file`]). Existing files are not replaced unless
//! [`Options::force`] is set (the rename is an atomic no-clobber rename
//! then), and no two inputs of one run may claim the same output. Workers write the temporary files, in parallel; the
//! emitting thread renames them in input order, so which of two inputs
//! wins a clash is the same on every run.
//!
//! Under a mirrored tree, a document goes to `ROOT/PREFIX/REL` with each
//! format's extension: `REL` is its path inside its input (a file's own
//! name), and `PREFIX` (`tree_prefixes`) is empty for a run of one input
//! and for inputs that are one document, else the name of the directory or
//! archive (less its archive extension) it came from. Inputs that would
//! still meet (`a/x.txt` and `b/x.txt`) are refused before anything is
//! read; documents of one input that differ only in their extension
//! (`x.txt` beside `x.json`) are caught as they are written.
//!
//! Outputs are not `fsync`ed one by one: an interrupted process leaves
//! whole files or none, but a power cut may lose the most recent ones, as
//! with `cp`.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

use tempfile::TempPath;

use super::file::{OutFile, create_dir_all, persist, remove_stale, write_temporary};
use super::{Destination, Options, Outcome, Status, io_error, report};
use crate::format::Format;
use crate::model::Interview;
use crate::write::markdown;
use crate::write::wxr::{self, WxrWriter};

/// What a worker made of one document, ready to be put in place.
pub(crate) enum Rendered {
    /// Nothing to write (an invalid document, no NDJSON).
    Nothing,
    /// Bytes for the stream or file destination: the documents, or one
    /// NDJSON record.
    Stream(Spool),
    /// Temporary files, each with the output path it is to be renamed to.
    Files(Vec<(PathBuf, TempPath)>),
    /// A document for a format whose items the emitting thread writes in
    /// order into one envelope (WXR: one file holding every interview),
    /// with its input's relative path (which makes its slug).
    Item(Box<Interview>, PathBuf),
}

/// The bytes of a stream destination, held until the emitting thread
/// writes them in input order: in memory, or for a large document in an
/// unnamed temporary file, so that its output is never in memory whole.
pub(crate) enum Spool {
    Memory(Vec<u8>),
    File(BufWriter<fs::File>),
}

/// Input size from which a document's stream output is spooled to a
/// temporary file rather than held in memory.
pub const SPOOL_BYTES: u64 = 4 << 20;

impl Spool {
    /// A spool for the output of a document of `bytes` input bytes.
    fn for_input(bytes: u64) -> Spool {
        if bytes >= SPOOL_BYTES
            && let Ok(file) = tempfile::tempfile()
        {
            return Spool::File(BufWriter::with_capacity(256 << 10, file));
        }
        // room for the document and its JSON overhead, so that the buffer
        // rarely grows (each growth copies it)
        let capacity = usize::try_from(bytes).unwrap_or(0) * 3 / 2 + 4096;
        Spool::Memory(Vec::with_capacity(capacity))
    }

    /// Copies what was spooled to `out`.
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Spool::Memory(bytes) => out.write_all(&bytes),
            Spool::File(file) => {
                let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
                file.seek(io::SeekFrom::Start(0))?;
                io::copy(&mut file, out).map(drop)
            }
        }
    }
}

impl Write for Spool {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Spool::Memory(out) => out.write(bytes),
            Spool::File(out) => out.write(bytes),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Spool::Memory(out) => out.write_all(bytes),
            Spool::File(out) => out.write_all(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Spool::Memory(_) => Ok(()),
            Spool::File(out) => out.flush(),
        }
    }
}

/// Renders one document for its destination: to bytes for a stream, to
/// temporary files under `dir` for a mirrored tree. Each output is written
/// as it is made, never held whole beside the model (see [`Spool`]).
pub(crate) fn render(
    to: &[Format],
    wxr: &wxr::Options,
    dir: Option<&Path>,
    rel: &Path,
    outcome: &Outcome,
    interview: Option<Interview>,
) -> io::Result<Rendered> {
    if to == [Format::Ndjson] {
        let mut record = Spool::for_input(outcome.bytes);
        report::write_record(&mut record, outcome, interview.as_ref())?;
        return Ok(Rendered::Stream(record));
    }
    let Some(interview) = interview else {
        return Ok(Rendered::Nothing);
    };
    if to == [Format::Wxr] && dir.is_none() {
        // refused here, where the document is still the worker's
        wxr::check(&interview)?;
        return Ok(Rendered::Item(Box::new(interview), rel.to_path_buf()));
    }
    let Some(dir) = dir else {
        let mut out = Spool::for_input(outcome.bytes * to.len() as u64);
        for &format in to {
            // JSON and XML into a buffer straight, not through a writer's own
            if let Spool::Memory(bytes) = &mut out
                && matches!(format, Format::Json | Format::Ndjson | Format::Xml)
            {
                crate::write::to_vec(format, &interview, bytes)?;
            } else {
                write_format(format, wxr, rel, &interview, &mut out)?;
            }
        }
        return Ok(Rendered::Stream(out));
    };
    let mut files = Vec::with_capacity(to.len());
    for &format in to {
        let target = dir.join(rel).with_extension(format.extension());
        // a document the format refuses makes no file, nor its directory
        crate::write::check(format, &interview)?;
        let temporary = write_temporary(&target, |out| {
            write_format(format, wxr, rel, &interview, out)
        })?;
        files.push((target, temporary));
    }
    Ok(Rendered::Files(files))
}

/// The outputs of the document at `rel` under `dir`, when every one of
/// them exists ([`Options::skip_existing`]).
pub(crate) fn existing(to: &[Format], dir: &Path, rel: &Path) -> Option<Vec<PathBuf>> {
    let targets: Vec<PathBuf> = to
        .iter()
        .map(|format| dir.join(rel).with_extension(format.extension()))
        .collect();
    targets.iter().all(|t| t.is_file()).then_some(targets)
}

/// Writes `interview`, read from the input at `rel`, as `format`; a WXR
/// file takes the run's options, and the CMS formats make a slug of `rel`.
fn write_format(
    format: Format,
    wxr: &wxr::Options,
    rel: &Path,
    interview: &Interview,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Wxr => {
            wxr::check(interview)?;
            let options = wxr.clone().for_first(Some(interview));
            let mut writer = WxrWriter::begin(out, options)?;
            writer.item_at(interview, Some(rel))?;
            writer.finish().map(drop)
        }
        Format::Markdown => markdown::write_at(interview, Some(rel), out),
        _ => crate::write::write(format, interview, out),
    }
}

/// Where the emitting thread puts rendered documents.
pub(crate) struct Sink<'w> {
    kind: Kind<'w>,
    force: bool,
    /// Keep outputs that exist ([`Options::skip_existing`]).
    skip_existing: bool,
    /// For `--to wxr` into a stream or file: one WXR document holds every
    /// interview. Opened at the first item (the channel takes its
    /// language); each item is spooled (see [`Spool`]) and then written.
    wxr: Option<WxrWriter<Spool>>,
    /// The options that WXR document is written with.
    wxr_options: wxr::Options,
}

enum Kind<'w> {
    Stream(&'w mut dyn Write),
    File {
        target: PathBuf,
        file: OutFile,
        written: bool,
    },
    Dir {
        root: PathBuf,
        /// The outputs written by this run, so that two inputs cannot
        /// claim one output.
        claimed: Claims,
    },
}

/// The documents a run wrote into a mirrored tree, by fingerprint of
/// their output path less its extension (every format of a document shares
/// it): about 12 bytes a document, never the documents themselves. Two
/// documents of one input meet only when their paths differ in their
/// extension alone, so the extension of the first is kept (interned) to
/// name it when a second one comes.
#[derive(Default)]
struct Claims {
    by_stem: HashMap<u64, u32>,
    extensions: Vec<Option<OsString>>,
}

impl Claims {
    /// Claims the outputs of the document at `path` (as shown to people)
    /// that go to `stem` (with an extension per format); if an earlier
    /// document has them, returns that document's path.
    fn claim(&mut self, stem: &Path, path: &str) -> Result<(), String> {
        let mut hasher = DefaultHasher::new();
        stem.hash(&mut hasher);
        let extension = Path::new(path).extension();
        let index = match self
            .extensions
            .iter()
            .position(|e| e.as_deref() == extension)
        {
            Some(index) => index,
            None => {
                self.extensions.push(extension.map(OsStr::to_os_string));
                self.extensions.len() - 1
            }
        };
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        match self.by_stem.entry(hasher.finish()) {
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(index);
                Ok(())
            }
            std::collections::hash_map::Entry::Occupied(entry) => {
                let earlier = self.extensions.get(*entry.get() as usize);
                let earlier = match earlier {
                    Some(Some(extension)) => Path::new(path).with_extension(extension),
                    _ => Path::new(path).with_extension(""),
                };
                Err(earlier.display().to_string())
            }
        }
    }
}

/// The directory under the root of a mirrored tree that each input's
/// documents go to: none for a run of one input, nor for an input that is
/// one document (a file, `-`), which goes to its own name; with several
/// inputs, a directory's name, or an archive's (`2023.zip`, `2023.tar.gz`:
/// `2023`), or with `records` (every input holds many documents) any
/// input's name less its extension. Two inputs that would write the same
/// output (`a/x.txt` and `b/x.txt`, `a/2023/` and `b/2023/`) are an error
/// naming both, before anything is read.
pub(crate) fn tree_prefixes(
    inputs: &[PathBuf],
    records: bool,
    root: &Path,
) -> io::Result<Vec<Option<PathBuf>>> {
    let mut prefixes = Vec::with_capacity(inputs.len());
    // what each input claims in the root: a directory (`NAME/`) or a
    // document's name less its extension, and the input that claims it
    let mut claimed: HashMap<(bool, OsString), &Path> = HashMap::new();
    for input in inputs {
        let stdin = input == Path::new("-");
        let tree = inputs.len() > 1
            && (records || (!stdin && (input.is_dir() || super::input::is_archive(input))));
        let name = if stdin {
            OsString::from("stdin")
        } else {
            own_name(input)
        };
        let key = if tree {
            strip_archive_extension(&name)
        } else {
            Path::new(&name).with_extension("").into_os_string()
        };
        if let Some(earlier) = claimed.insert((tree, key.clone()), input) {
            let (what, fix) = if tree {
                (
                    format!("{}/", root.join(&key).display()),
                    "convert them in separate runs, each with its own -o",
                )
            } else {
                (
                    format!("{}.*", root.join(&key).display()),
                    "give only one of them, or convert them in separate runs",
                )
            };
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "inputs {} and {} would both be written to {what}; {fix}",
                    earlier.display(),
                    input.display()
                ),
            ));
        }
        prefixes.push(tree.then(|| PathBuf::from(key)));
    }
    Ok(prefixes)
}

/// The last component of `input`, or of its absolute form (`.`, `..`).
fn own_name(input: &Path) -> OsString {
    if let Some(name) = input.file_name() {
        return name.to_os_string();
    }
    fs::canonicalize(input)
        .ok()
        .and_then(|path| path.file_name().map(OsStr::to_os_string))
        .unwrap_or_else(|| OsString::from("input"))
}

/// `2023.zip`, `2023.tar.gz`, `2023.tgz` → `2023`; any other name as it is.
fn strip_archive_extension(name: &OsStr) -> OsString {
    let text = name.to_string_lossy();
    let lower = text.to_ascii_lowercase();
    for extension in [".tar.gz", ".tgz", ".zip", ".tar"] {
        if lower.ends_with(extension) && lower.len() > extension.len() {
            return OsString::from(&text[..text.len() - extension.len()]);
        }
    }
    name.to_os_string()
}

impl<'w> Sink<'w> {
    /// Prepares `destination`: creates the directory, or the temporary
    /// file of an output file (refusing an existing one without `force`).
    pub fn open(destination: Destination<'w>, options: &Options) -> io::Result<Sink<'w>> {
        // the envelope's header goes out before the first item
        let kind = match destination {
            Destination::Stream(out) => Kind::Stream(out),
            Destination::File(target) => Kind::File {
                file: OutFile::create(&target, options.force)?,
                target,
                written: false,
            },
            Destination::Dir(root) => {
                if root.exists() && !root.is_dir() {
                    return Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!(
                            "{} is a file, not a directory; give a directory for several documents",
                            root.display()
                        ),
                    ));
                }
                if root.is_dir() {
                    remove_stale(&root, true, None);
                }
                create_dir_all(&root)?;
                Kind::Dir {
                    root,
                    claimed: Claims::default(),
                }
            }
        };
        Ok(Sink {
            kind,
            force: options.force,
            skip_existing: options.skip_existing,
            wxr: None,
            wxr_options: options.wxr.clone(),
        })
    }

    /// Writes what was spooled to the stream or file destination.
    fn write(&mut self, spool: Spool) -> io::Result<()> {
        match &mut self.kind {
            Kind::Stream(out) => spool.copy_to(*out),
            Kind::File { file, written, .. } => {
                *written = true;
                spool.copy_to(file)
            }
            Kind::Dir { .. } => Ok(()),
        }
    }

    /// Where stream output goes, as recorded in outcomes.
    fn stream_target(&self) -> PathBuf {
        match &self.kind {
            Kind::File { target, .. } => target.clone(),
            _ => PathBuf::from("-"),
        }
    }

    /// The mirrored tree's root, for a directory destination.
    pub fn dir(&self) -> Option<&Path> {
        match &self.kind {
            Kind::Dir { root, .. } => Some(root),
            _ => None,
        }
    }

    /// Puts one document's rendering in place and records where it went
    /// in `outcome`. An output that cannot be put in place fails that
    /// outcome; an error of the stream or file stops the run.
    pub fn put(&mut self, outcome: &mut Outcome, rendered: Rendered) -> io::Result<()> {
        if let Rendered::Item(interview, rel) = rendered {
            let wxr = match self.wxr.take() {
                Some(wxr) => self.wxr.insert(wxr),
                None => self.wxr.insert(WxrWriter::begin(
                    Spool::Memory(Vec::new()),
                    self.wxr_options.clone().for_first(Some(&interview)),
                )?),
            };
            // the channel's header, if not written yet, then the item
            let header = std::mem::replace(wxr.get_mut(), Spool::for_input(outcome.bytes));
            wxr.item_at(&interview, Some(&rel))?;
            let item = std::mem::replace(wxr.get_mut(), Spool::Memory(Vec::new()));
            self.write(header)?;
            self.write(item)?;
            outcome.outputs.push(self.stream_target());
            return Ok(());
        }
        match (&mut self.kind, rendered) {
            (_, Rendered::Nothing) => {}
            (Kind::Stream(out), Rendered::Stream(spool)) => {
                spool.copy_to(*out)?;
                outcome.outputs.push(PathBuf::from("-"));
            }
            (
                Kind::File {
                    target,
                    file,
                    written,
                },
                Rendered::Stream(spool),
            ) => {
                spool.copy_to(file)?;
                *written = true;
                outcome.outputs.push(target.clone());
            }
            (Kind::Dir { claimed, .. }, Rendered::Files(files)) => {
                let Some((first, _)) = files.first() else {
                    return Ok(());
                };
                if let Err(earlier) = claimed.claim(&first.with_extension(""), &outcome.path) {
                    let glob = match Path::new(&earlier).extension() {
                        Some(extension) => {
                            format!(" (e.g. --glob '**/*.{}')", extension.to_string_lossy())
                        }
                        None => String::new(),
                    };
                    let message = format!(
                        "{earlier} and {} would both be written to {}; choose which \
                         files to convert with --glob{glob}",
                        outcome.path,
                        first.display()
                    );
                    outcome.status = Status::Failed;
                    outcome.documents = 0;
                    outcome.diagnostics.push(io_error(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        message,
                    )));
                    return Ok(());
                }
                for (target, temporary) in files {
                    let result = persist(temporary, &target, self.force);
                    match result {
                        Ok(()) => outcome.outputs.push(target),
                        // an output that exists is kept, the others written
                        Err(err)
                            if self.skip_existing && err.kind() == io::ErrorKind::AlreadyExists =>
                        {
                            outcome.outputs.push(target);
                        }
                        Err(err) => {
                            outcome.status = Status::Failed;
                            outcome.documents = 0;
                            outcome.diagnostics.push(io_error(err));
                        }
                    }
                }
            }
            (_, Rendered::Stream(_) | Rendered::Files(_) | Rendered::Item(..)) => {
                unreachable!("documents are rendered for their destination")
            }
        }
        Ok(())
    }

    /// Flushes the stream, or renames the output file into place (when
    /// anything was written to it).
    pub fn finish(mut self) -> io::Result<()> {
        // nothing converted, nothing written, as for any stream or file
        if let Some(wxr) = self.wxr.take() {
            let rest = wxr.finish()?;
            self.write(rest)?;
        }
        match self.kind {
            Kind::Stream(out) => out.flush(),
            // an empty output file is not made (nothing converted)
            Kind::File { file, written, .. } if written || matches!(file, OutFile::Device(_)) => {
                file.commit()
            }
            Kind::File { .. } => Ok(()),
            Kind::Dir { .. } => Ok(()),
        }
    }
}
