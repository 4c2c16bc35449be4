//! Outputs: what a worker renders for one document, and how the emitting
//! thread puts it in place.
//!
//! Every output file is first written to a temporary file beside its
//! target (`.NAME.XXXXXX.tmp`) and renamed into place, so that a killed run
//! never leaves a partial file under an output's name. Existing files are
//! not replaced unless [`Options::force`] is set (the rename is an atomic
//! no-clobber rename then), and no two inputs of one run may claim the
//! same output. Workers write the temporary files, in parallel; the
//! emitting thread renames them in input order, so which of two inputs
//! wins a clash is the same on every run.
//!
//! Outputs are not `fsync`ed one by one: an interrupted process leaves
//! whole files or none, but a power cut may lose the most recent ones, as
//! with `cp`.

use std::collections::HashSet;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, BufWriter, Write};
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
    Stream(Vec<u8>),
    /// Temporary files, each with the output path it is to be renamed to.
    Files(Vec<(PathBuf, TempPath)>),
    /// A document for a format whose items the emitting thread writes in
    /// order into one envelope (WXR: one file holding every interview),
    /// with its input's relative path (which makes its slug).
    Item(Box<Interview>, PathBuf),
}

/// Renders one document for its destination: to bytes for a stream, to
/// temporary files under `dir` for a mirrored tree.
pub(crate) fn render(
    to: &[Format],
    wxr: &wxr::Options,
    dir: Option<&Path>,
    rel: &Path,
    outcome: &Outcome,
    interview: Option<&Interview>,
) -> io::Result<Rendered> {
    // room for the document and its JSON overhead, so that the buffer
    // rarely grows (each growth copies it)
    let capacity = usize::try_from(outcome.bytes).unwrap_or(0) * 3 / 2 + 4096;
    if to == [Format::Ndjson] {
        let mut record = Vec::with_capacity(capacity);
        report::write_record(&mut record, outcome, interview)?;
        return Ok(Rendered::Stream(record));
    }
    let Some(interview) = interview else {
        return Ok(Rendered::Nothing);
    };
    if to == [Format::Wxr] && dir.is_none() {
        // refused here, where the document is still the worker's
        wxr::check(interview)?;
        return Ok(Rendered::Item(
            Box::new(interview.clone()),
            rel.to_path_buf(),
        ));
    }
    let Some(dir) = dir else {
        let mut bytes = Vec::with_capacity(capacity * to.len());
        for &format in to {
            write_format(format, wxr, rel, interview, &mut bytes)?;
        }
        return Ok(Rendered::Stream(bytes));
    };
    let mut files = Vec::with_capacity(to.len());
    let mut bytes = Vec::with_capacity(capacity);
    for &format in to {
        let target = dir.join(rel).with_extension(format.extension());
        bytes.clear();
        write_format(format, wxr, rel, interview, &mut bytes)?;
        files.push((target.clone(), write_temporary(&target, &bytes)?));
    }
    Ok(Rendered::Files(files))
}

/// Appends `interview`, read from the input at `rel`, as `format`; a WXR
/// file takes the run's options, and the CMS formats make a slug of `rel`.
fn write_format(
    format: Format,
    wxr: &wxr::Options,
    rel: &Path,
    interview: &Interview,
    out: &mut Vec<u8>,
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
        _ => crate::write::to_vec(format, interview, out),
    }
}

/// Writes `bytes` to a new temporary file beside `target`, creating the
/// directories on the way.
fn write_temporary(target: &Path, bytes: &[u8]) -> io::Result<TempPath> {
    let parent = parent_of(target);
    let mut file = match temporary_beside(target, parent) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(parent)?;
            temporary_beside(target, parent)?
        }
        result => result?,
    };
    file.write_all(bytes)?;
    Ok(file.into_temp_path())
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
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(parent)
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
            fs::set_permissions(&temporary, existing.permissions())?;
        }
        temporary.persist(target)
    } else {
        temporary.persist_noclobber(target)
    };
    result.map_err(|err| match err.error.kind() {
        io::ErrorKind::AlreadyExists => exists_error(target),
        _ => io::Error::new(
            err.error.kind(),
            format!("cannot write {}: {}", target.display(), err.error),
        ),
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
/// which has nothing to replace.
pub(crate) enum OutFile {
    Temporary {
        file: BufWriter<NamedTempFile>,
        target: PathBuf,
        force: bool,
    },
    Device(BufWriter<fs::File>),
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
                let file = fs::OpenOptions::new().write(true).open(target)?;
                return Ok(OutFile::Device(BufWriter::with_capacity(256 << 10, file)));
            }
            Ok(_) if !force => return Err(exists_error(target)),
            _ => {}
        }
        let parent = parent_of(target);
        fs::create_dir_all(parent)?;
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
                let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
                persist(file.into_temp_path(), &target, force)
            }
            OutFile::Device(mut file) => file.flush(),
        }
    }
}

impl Write for OutFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            OutFile::Temporary { file, .. } => file.write(bytes),
            OutFile::Device(file) => file.write(bytes),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            OutFile::Temporary { file, .. } => file.write_all(bytes),
            OutFile::Device(file) => file.write_all(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            OutFile::Temporary { file, .. } => file.flush(),
            OutFile::Device(file) => file.flush(),
        }
    }
}

/// Where the emitting thread puts rendered documents.
pub(crate) struct Sink<'w> {
    kind: Kind<'w>,
    force: bool,
    /// For `--to wxr` into a stream or file: one WXR document holds every
    /// interview. Opened at the first item (the channel takes its
    /// language), buffered between items.
    wxr: Option<WxrWriter<Vec<u8>>>,
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
        /// Fingerprints of the outputs written by this run, so that two
        /// inputs cannot claim one output: 8 bytes an output, never the
        /// documents themselves.
        claimed: HashSet<u64>,
    },
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
                fs::create_dir_all(&root)?;
                Kind::Dir {
                    root,
                    claimed: HashSet::new(),
                }
            }
        };
        Ok(Sink {
            kind,
            force: options.force,
            wxr: None,
            wxr_options: options.wxr.clone(),
        })
    }

    /// Writes bytes to the stream or file destination.
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.kind {
            Kind::Stream(out) => out.write_all(bytes),
            Kind::File { file, written, .. } => {
                *written = true;
                file.write_all(bytes)
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
                    Vec::new(),
                    self.wxr_options.clone().for_first(Some(&interview)),
                )?),
            };
            wxr.item_at(&interview, Some(&rel))?;
            let bytes = std::mem::take(wxr.get_mut());
            self.write(&bytes)?;
            outcome.outputs.push(self.stream_target());
            return Ok(());
        }
        match (&mut self.kind, rendered) {
            (_, Rendered::Nothing) => {}
            (Kind::Stream(out), Rendered::Stream(bytes)) => {
                out.write_all(&bytes)?;
                outcome.outputs.push(PathBuf::from("-"));
            }
            (
                Kind::File {
                    target,
                    file,
                    written,
                },
                Rendered::Stream(bytes),
            ) => {
                file.write_all(&bytes)?;
                *written = true;
                outcome.outputs.push(target.clone());
            }
            (Kind::Dir { claimed, .. }, Rendered::Files(files)) => {
                for (target, temporary) in files {
                    let mut hasher = DefaultHasher::new();
                    target.hash(&mut hasher);
                    let result = if claimed.insert(hasher.finish()) {
                        persist(temporary, &target, self.force)
                    } else {
                        Err(io::Error::new(
                            io::ErrorKind::AlreadyExists,
                            format!(
                                "{} is the output of an earlier input of this run",
                                target.display()
                            ),
                        ))
                    };
                    match result {
                        Ok(()) => outcome.outputs.push(target),
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
            let bytes = wxr.finish()?;
            self.write(&bytes)?;
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
