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
    /// Newline-delimited JSON: one compact document a line (`.ndjson`).
    /// Write-only; a batch writes one record a line with its source path.
    Ndjson,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: &'static [Format] = &[Format::Text, Format::Json, Format::Ndjson];

    /// The name used on the command line (`--from`, `--to`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
        }
    }

    /// The file extension for outputs, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
        }
    }

    /// The format a command-line name denotes (`text`, `json`, …).
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == name || (name == "txt" && *f == Format::Text))
    }

    /// The format a file extension suggests, if it suggests one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "ndjson" | "jsonl" => Some(Format::Ndjson),
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

    /// Whether interview-kit can read this format.
    pub fn is_readable(self) -> bool {
        self != Format::Ndjson
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
            assert_eq!(Format::from_path(Path::new(&path)), Some(format));
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"  {\"speaker\": {}}"), Format::Json);
        assert_eq!(Format::sniff(b"LEE Hee-sup\n"), Format::Text);
    }
}
