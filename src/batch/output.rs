//! Outputs: what a worker renders for one document, and how the emitting
//! thread puts it in place.
//!
//! Every output file is first written to a temporary file beside its
//! target (`.NAME.PID.XXXXXX.tmp`: the output's name, the writing
//! process's id, six random characters) and renamed into place, so that a
//! killed run never leaves a partial file under an output's name. A run
//! stopped by a signal drops its temporary files; after one killed outright
//! (SIGKILL, a power cut), the next run into that output removes the ones
//! of its naming whose process is gone (`remove_stale`), and nothing
//! else. Existing files are
//! not replaced unless [`Options::force`] is set (the rename is an atomic
//! no-clobber rename then), and no two inputs of one run may claim the
//! same output. Workers write the temporary files, in parallel; the
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

use tempfile::{NamedTempFile, TempPath};

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

/// Writes a new temporary file beside `target` with `write`, creating the
/// directories on the way. An error of `write` (a writer refusing the
/// document) comes back as it is; the file is removed then.
fn write_temporary(
    target: &Path,
    write: impl FnOnce(&mut BufWriter<&mut NamedTempFile>) -> io::Result<()>,
) -> io::Result<TempPath> {
    let parent = parent_of(target);
    let mut file = match temporary_beside(target, parent) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            create_dir_all(parent)?;
            temporary_beside(target, parent)?
        }
        Err(err) => {
            return Err(match file_in_the_way(parent) {
                Some(file) => io::Error::new(
                    err.kind(),
                    format!(
                        "cannot write {}: {} is a file",
                        target.display(),
                        file.display()
                    ),
                ),
                None => err,
            });
        }
        Ok(file) => file,
    };
    let mut out = BufWriter::with_capacity(256 << 10, &mut file);
    match write(&mut out) {
        // a writer's refusal names the document's field, not the file
        Err(err) if err.kind() == io::ErrorKind::InvalidData => return Err(err),
        Err(err) => return Err(cannot("write", target, &err)),
        Ok(()) => {}
    }
    out.into_inner()
        .map_err(|err| cannot("write", target, err.error()))?;
    Ok(file.into_temp_path())
}

/// `fs::create_dir_all`, its error naming the directory.
fn create_dir_all(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir).map_err(|err| match file_in_the_way(dir) {
        // the system says only `file exists`
        Some(file) => io::Error::new(
            err.kind(),
            format!(
                "cannot create the directory {}: {} is a file",
                dir.display(),
                file.display()
            ),
        ),
        None => cannot("create the directory", dir, &err),
    })
}

/// The file that stands where `dir` or one of its parents would be.
fn file_in_the_way(dir: &Path) -> Option<&Path> {
    dir.ancestors().find(|a| a.is_file())
}

/// An error about `path`, the path the user gave or one under it, in
/// place of the error's own: tempfile's name the temporary file, which
/// means nothing to the user, and the system's name no path at all.
pub(crate) fn cannot(what: &str, path: &Path, err: &io::Error) -> io::Error {
    // tempfile adds ` at path "…"` to the system's message
    let message = err.to_string();
    let message = match message.rfind(" at path \"") {
        Some(at) if message.ends_with('"') => &message[..at],
        _ => &message,
    };
    let reason = super::lowercase_first(message);
    io::Error::new(
        err.kind(),
        format!("cannot {what} {}: {reason}", path.display()),
    )
}

/// A new temporary file in `parent`, named after `target`, which it will
/// be renamed to. On Unix it is made with the mode any new file gets
/// (0666 less the umask, as `cp` or a shell's `>` make them), not the
/// owner-only 0600 of a temporary file: the output is a file for others
/// to read, a CMS's import among them.
pub(crate) fn temporary_beside(target: &Path, parent: &Path) -> io::Result<NamedTempFile> {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    let prefix = format!(".{name}.{}.", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(6).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
        .tempfile_in(parent)
        .map_err(|err| cannot("write", target, &err))
}

/// The output and the id of the process that made the temporary file
/// named `name`, if it is one of this tool's: `.NAME.PID.XXXXXX.tmp`.
fn temporary_owner(name: &OsStr) -> Option<(&str, u32)> {
    let name = name.to_str()?;
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, random) = rest.rsplit_once('.')?;
    let (output, pid) = rest.rsplit_once('.')?;
    let ours = !output.is_empty()
        && random.len() == 6
        && random.bytes().all(|b| b.is_ascii_alphanumeric())
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit());
    Some((output, pid.parse().ok().filter(|_| ours)?))
}

/// Whether the process `pid` may be running (and so still writing its
/// temporary files). Where the system does not tell (no `/proc`), a
/// process other than this one is taken as gone: two runs into one output
/// at once are not supported there.
fn running(pid: u32) -> bool {
    pid == std::process::id()
        || (Path::new("/proc/self").exists() && Path::new("/proc").join(pid.to_string()).exists())
}

/// Removes the temporary files that runs killed outright left: files
/// named as this tool names them (`.NAME.PID.XXXXXX.tmp`) whose process is
/// gone, in `dir` and below it with `recursive`, else only those of the
/// output named `only`. Returns how many were removed; a file that cannot
/// be removed is left (its output still can be written).
pub(crate) fn remove_stale(dir: &Path, recursive: bool, only: Option<&OsStr>) -> usize {
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .min_depth(1)
        .max_depth(if recursive { usize::MAX } else { 1 });
    let mut removed = 0;
    for entry in entries.into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name();
        let Some((output, pid)) = temporary_owner(name) else {
            continue;
        };
        if only.is_some_and(|only| only != OsStr::new(output)) || running(pid) {
            continue;
        }
        if fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

pub(crate) fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Renames `temporary` to `target`, replacing an existing file only when
/// `force` is set; a file replaced keeps its mode on Unix (as `cp` onto it
/// would), so that permissions set on outputs survive a run again.
pub(crate) fn persist(temporary: TempPath, target: &Path, force: bool) -> io::Result<()> {
    let result = if force {
        #[cfg(unix)]
        if let Ok(existing) = fs::metadata(target)
            && existing.is_file()
        {
            fs::set_permissions(&temporary, existing.permissions())
                .map_err(|err| cannot("write", target, &err))?;
        }
        temporary.persist(target)
    } else {
        temporary.persist_noclobber(target)
    };
    result.map_err(|err| match err.error.kind() {
        io::ErrorKind::AlreadyExists => exists_error(target),
        _ => cannot("write", target, &err.error),
    })
}

pub(crate) fn exists_error(target: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "{} already exists; pass --force to replace it",
            target.display()
        ),
    )
}

/// One output file written from start to end: a temporary file beside the
/// target, renamed into place by [`OutFile::commit`]; or, when the target
/// is a device, a pipe or a terminal (`-o /dev/stdout`), the target itself,
/// which has nothing to replace; or a writer the caller gave (standard
/// output).
pub(crate) enum OutFile {
    Temporary {
        file: BufWriter<NamedTempFile>,
        target: PathBuf,
        force: bool,
    },
    Device(BufWriter<fs::File>),
    Writer(Box<dyn Write>),
}

impl OutFile {
    /// Starts writing `target`: an existing file is an error unless
    /// `force` is set, and so is a directory.
    pub fn create(target: &Path, force: bool) -> io::Result<OutFile> {
        match fs::metadata(target) {
            Ok(meta) if meta.is_dir() => {
                return Err(io::Error::new(
                    io::ErrorKind::IsADirectory,
                    format!("{} is a directory, not a file", target.display()),
                ));
            }
            Ok(meta) if !meta.is_file() => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .map_err(|err| cannot("write", target, &err))?;
                return Ok(OutFile::Device(BufWriter::with_capacity(256 << 10, file)));
            }
            Ok(_) if !force => return Err(exists_error(target)),
            _ => {}
        }
        let parent = parent_of(target);
        create_dir_all(parent)?;
        remove_stale(parent, false, target.file_name());
        Ok(OutFile::Temporary {
            file: BufWriter::with_capacity(256 << 10, temporary_beside(target, parent)?),
            target: target.to_path_buf(),
            force,
        })
    }

    /// Finishes the file: renamed into place, or flushed.
    pub fn commit(self) -> io::Result<()> {
        match self {
            OutFile::Temporary {
                file,
                target,
                force,
            } => {
                let file = file
                    .into_inner()
                    .map_err(|err| cannot("write", &target, err.error()))?;
                persist(file.into_temp_path(), &target, force)
            }
            OutFile::Device(mut file) => file.flush(),
            OutFile::Writer(mut out) => out.flush(),
        }
    }
}

impl Write for OutFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            OutFile::Temporary { file, target, .. } => file
                .write(bytes)
                .map_err(|err| cannot("write", target, &err)),
            OutFile::Device(file) => file.write(bytes),
            OutFile::Writer(out) => out.write(bytes),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            OutFile::Temporary { file, target, .. } => file
                .write_all(bytes)
                .map_err(|err| cannot("write", target, &err)),
            OutFile::Device(file) => file.write_all(bytes),
            OutFile::Writer(out) => out.write_all(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutFile::Temporary { file, target, .. } => {
                file.flush().map_err(|err| cannot("write", target, &err))
            }
            OutFile::Device(file) => file.flush(),
            OutFile::Writer(out) => out.flush(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_are_told_by_their_name() {
        fn owner(name: &str) -> Option<(&str, u32)> {
            temporary_owner(OsStr::new(name))
        }
        assert_eq!(owner(".a.json.4242.Ab12Cd.tmp"), Some(("a.json", 4242)));
        assert_eq!(owner(".x.y.1.000000.tmp"), Some(("x.y", 1)));
        // not this tool's naming
        for name in [
            ".a.json.Ab12Cd.tmp",
            "a.json.1.Ab12Cd.tmp",
            ".a.json.1.Ab12C.tmp",
            ".a.json.x1.Ab12Cd.tmp",
            "..1.Ab12Cd.tmp",
            ".a.json.1.Ab12Cd.tmp.bak",
            ".notes.tmp",
        ] {
            assert_eq!(owner(name), None, "{name}");
        }
        // and what it makes has it
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        let file = temporary_beside(&target, dir.path()).unwrap();
        let name = file.path().file_name().unwrap();
        assert_eq!(temporary_owner(name), Some(("a.json", std::process::id())));
        assert_eq!(remove_stale(dir.path(), true, None), 0, "this process runs");
    }

    /// A read-only or vanished directory's error named the temporary
    /// file tempfile was making, not the output the user asked for.
    #[test]
    fn errors_name_the_output_not_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("gone/a.json");
        let err = temporary_beside(&target, parent_of(&target)).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("cannot write {}: ", target.display())),
            "{message}"
        );
        assert!(!message.contains(".a.json."), "{message}");
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
