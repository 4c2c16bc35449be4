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
    /// The model as XML in the project's namespace, matching
    /// `schema/interview.xsd` (`.xml`).
    Xml,
    /// schema.org JSON-LD: a `NewsArticle` with an inline context (`.jsonld`).
    JsonLd,
    /// An HTML fragment with the JSON-LD embedded, for a CMS's rich-text
    /// field (`.html`); written only.
    Html,
    /// Markdown with YAML front matter for static-site generators (`.md`);
    /// written, never read.
    Markdown,
    /// A WordPress eXtended RSS 1.2 import file (`.wxr.xml`); written, never
    /// read.
    Wxr,
    /// Newline-delimited JSON: one compact document a line (`.ndjson`).
    /// Write-only; a batch writes one record a line with its source path.
    Ndjson,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: &'static [Format] = &[
        Format::Text,
        Format::Json,
        Format::Xml,
        Format::JsonLd,
        Format::Ndjson,
        Format::Html,
        Format::Markdown,
        Format::Wxr,
    ];

    /// The name used on the command line (`--from`, `--to`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Xml => "xml",
            Format::JsonLd => "jsonld",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Wxr => "wxr",
            Format::Ndjson => "ndjson",
        }
    }

    /// The file extension for outputs, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Xml => "xml",
            Format::JsonLd => "jsonld",
            Format::Html => "html",
            Format::Markdown => "md",
            // not `xml`: a WXR file beside another format's `.xml` output
            // must not overwrite it
            Format::Wxr => "wxr.xml",
            Format::Ndjson => "ndjson",
        }
    }

    /// The format a command-line name denotes (`text`, `json`, …).
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == name)
            .or(match name.as_str() {
                "txt" => Some(Format::Text),
                "json-ld" => Some(Format::JsonLd),
                "md" => Some(Format::Markdown),
                "jsonl" => Some(Format::Ndjson),
                _ => None,
            })
    }

    /// The format a file extension suggests, if it suggests one; only
    /// readable formats are suggested.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "xml" => Some(Format::Xml),
            "jsonld" => Some(Format::JsonLd),
            _ => None,
        }
    }

    /// The format the content looks like: markup is XML, a JSON object with
    /// a top-level `@context` is JSON-LD, any other JSON object is JSON, and
    /// the rest is text.
    pub fn sniff(bytes: &[u8]) -> Format {
        // XML exported as UTF-16 opens with a BOM and `<`
        if bytes.starts_with(b"\xff\xfe<\0") || bytes.starts_with(b"\xfe\xff\0<") {
            return Format::Xml;
        }
        let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match start.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'<') => Format::Xml,
            Some(b'{') if has_context(start) => Format::JsonLd,
            Some(b'{') => Format::Json,
            _ => Format::Text,
        }
    }

    /// Whether interview-kit can read this format (the CMS formats, HTML,
    /// Markdown and WXR, are written only).
    pub fn is_readable(self) -> bool {
        !matches!(
            self,
            Format::Ndjson | Format::Html | Format::Markdown | Format::Wxr
        )
    }
}

/// Whether `bytes` is a JSON object with a top-level `@context` key. Values
/// are skipped without being built, so this costs one quick pass; in a
/// document that is not well-formed, any `"@context"` counts.
fn has_context(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(rename = "@context")]
        context: Option<serde::de::IgnoredAny>,
    }
    match serde_json::from_slice::<Probe>(bytes) {
        Ok(probe) => probe.context.is_some(),
        // broken JSON-LD is still JSON-LD: its reader reports the break
        Err(_) => bytes.windows(10).any(|w| w == b"\"@context\""),
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
        assert_eq!(
            Format::sniff(b"\xef\xbb\xbf<?xml version=\"1.0\"?>"),
            Format::Xml
        );
        assert_eq!(Format::sniff(b"\n<interview/>"), Format::Xml);
        assert_eq!(Format::sniff(b"\xff\xfe<\0?\0"), Format::Xml);
        let jsonld = br#"{"@type": "NewsArticle", "@context": {"@vocab": "https://schema.org/"}}"#;
        assert_eq!(Format::sniff(jsonld), Format::JsonLd);
        // `@context` inside a value is no context
        let json = br#"{"headline": "{\"@context\": 1}", "nested": {"@context": 1}}"#;
        assert_eq!(Format::sniff(json), Format::Json);
    }

    #[test]
    fn aliases() {
        assert_eq!(Format::from_name("JSON-LD"), Some(Format::JsonLd));
        assert_eq!(Format::from_name("txt"), Some(Format::Text));
        assert_eq!(Format::from_name("yaml"), None);
    }
}
