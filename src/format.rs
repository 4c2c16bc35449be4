//! The formats interview-kit reads and writes, and how a format is named,
//! guessed from a path, or sniffed from content.

use std::fmt;
use std::path::Path;

/// A document format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Raw interview text: the seed's layout (`.txt`).
    Text,
    /// The model as JSON, matching `schema/interview.schema.json` (`.json`).
    Json,
    /// Markdown with YAML front matter for static-site generators (`.md`);
    /// written, never read.
    Markdown,
    /// A WordPress eXtended RSS 1.2 import file (`.wxr.xml`); written, never
    /// read.
    Wxr,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: &'static [Format] = &[Format::Text, Format::Json, Format::Markdown, Format::Wxr];

    /// The name used on the command line (`--from`, `--to`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Wxr => "wxr",
        }
    }

    /// The file extension for outputs, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Markdown => "md",
            // not `xml`: a WXR file beside another format's `.xml` output
            // must not overwrite it
            Format::Wxr => "wxr.xml",
        }
    }

    /// The format a command-line name denotes (`text`, `json`, …).
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        Format::ALL.iter().copied().find(|f| {
            f.name() == name
                || (name == "txt" && *f == Format::Text)
                || (name == "md" && *f == Format::Markdown)
        })
    }

    /// The format a file extension suggests, if it suggests one; only
    /// readable formats are suggested.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format the content looks like: a JSON object, else text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match start.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::Json,
            _ => Format::Text,
        }
    }

    /// Whether interview-kit can read this format (Markdown and WXR are
    /// written only).
    pub fn is_readable(self) -> bool {
        !matches!(self, Format::Markdown | Format::Wxr)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions_agree() {
        for &format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
            let path = format!("x.{}", format.extension());
            let guessed = Format::from_path(Path::new(&path));
            if format.is_readable() {
                assert_eq!(guessed, Some(format));
            } else {
                assert_ne!(guessed, Some(format), "{path}");
            }
        }
        assert_eq!(Format::from_name("md"), Some(Format::Markdown));
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"  {\"speaker\": {}}"), Format::Json);
        assert_eq!(Format::sniff(b"LEE Hee-sup\n"), Format::Text);
    }
}
