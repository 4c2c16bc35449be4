//! Writing outputs: to a temporary file beside the target, then renamed, so
//! that a killed run never leaves a half-written file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use interview_kit::Format;

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_data()?;
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}

/// The output path for `input` inside `dir`: its file stem with the
/// format's extension (`a.2024.txt` → `a.2024.json`, not `a.json`).
pub fn in_dir(dir: &Path, input: &Path, format: Format) -> PathBuf {
    let mut name = input
        .file_stem()
        .map_or_else(|| "stdin".into(), |s| s.to_os_string());
    name.push(".");
    name.push(format.extension());
    dir.join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_keep_every_dot_of_the_stem() {
        let dir = Path::new("out");
        assert_eq!(
            in_dir(dir, Path::new("in/a.2024.txt"), Format::Json),
            Path::new("out/a.2024.json")
        );
        assert_eq!(
            in_dir(dir, Path::new("seed.txt"), Format::Wxr),
            Path::new("out/seed.wxr.xml")
        );
    }
}
