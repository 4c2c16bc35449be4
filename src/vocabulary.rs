//! The vocabulary readers and writers share: the XML namespace and the
//! characters XML cannot hold, the JSON-LD context and how paragraphs
//! become one schema.org text. A reader takes them from here, never from a
//! writer.

/// XML: the namespace and the characters XML 1.0 forbids.
pub mod xml {
    /// The namespace of every element.
    pub const NAMESPACE: &str = "https://interview-kit.dev/ns/interview/1";

    /// Whether XML 1.0 forbids `c` anywhere in a document (its `Char`
    /// production), even as a character reference.
    pub fn is_forbidden(c: char) -> bool {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
    }
}

/// JSON-LD: the context and the paragraph convention.
pub mod jsonld {
    use serde_json::{Value, json};

    /// The schema.org vocabulary, the context's `@vocab`.
    pub const SCHEMA_ORG: &str = "https://schema.org/";

    /// The namespace of the terms schema.org lacks.
    pub const VOCABULARY: &str = "https://interview-kit.dev/ns/interview/1#";

    /// The `@id` of the interviewee, to which every answer's `author` points.
    pub const INTERVIEWEE: &str = "_:interviewee";

    /// The inline context of every document.
    pub fn context() -> Value {
        json!({
            "@vocab": SCHEMA_ORG,
            "ik": VOCABULARY,
            "interactionType": { "@type": "@vocab" },
            "dateText": "ik:dateText",
            "introduction": { "@id": "ik:introduction", "@container": "@list" },
            "paragraphs": { "@id": "ik:paragraphs", "@container": "@list" },
            "readCountPrecision": "ik:readCountPrecision",
            "readCountText": "ik:readCountText",
            "sourceEncoding": "ik:sourceEncoding"
        })
    }

    /// Paragraphs as one text, separated by a blank line.
    pub fn join_paragraphs(paragraphs: &[String]) -> String {
        paragraphs.join("\n\n")
    }

    /// The inverse of [`join_paragraphs`] where one exists: the text split at
    /// each blank line (`\n\n`), empty pieces dropped.
    pub fn split_paragraphs(text: &str) -> Vec<String> {
        text.split("\n\n")
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
}
