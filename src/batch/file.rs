//! Output files put in place whole: the outputs' and the report's.
//!
//! Every output file is first written to a temporary file beside its
//! target (`.NAME.PID.XXXXXX.tmp`: the output's name, the writing
//! process's id, six random characters) and renamed into place, so that a
//! killed run never leaves a partial file under an output's name. A run
//! stopped by a signal drops its temporary files; after one killed outright
//! (SIGKILL, a power cut), the next run into that output removes the ones
//! of its naming whose process is gone (`remove_stale`), and nothing
//! else.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

/// Writes a new temporary file beside `target` with `write`, creating the
/// directories on the way. An error of `write` (a writer refusing the
/// document) comes back as it is; the file is removed then.
pub(crate) fn write_temporary(
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
pub(crate) fn create_dir_all(dir: &Path) -> io::Result<()> {
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
