//! Readers: one module per input format, each turning a [`Source`] into a
//! [`Parsed`] model plus every problem found on the way.

pub mod json;
pub mod jsonld;
pub mod text;
pub mod xml;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::format::Format;
use crate::model::Interview;
use crate::source::Source;

/// What a reader made of its input.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The model, unless the input was unusable beyond repair (empty,
    /// binary, no speaker …); present also when `diagnostics` holds errors.
    pub interview: Option<Interview>,
    /// Every problem found, errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `source` as `format`. A format that is only written (see
/// [`Format::is_readable`]) gives no model and one error.
pub fn read(format: Format, source: &Source) -> Parsed {
    match format {
        Format::Text => text::read(source),
        Format::Json => json::read(source),
        Format::Xml => xml::read(source),
        Format::JsonLd => jsonld::read(source),
        Format::Ndjson | Format::Html | Format::Markdown | Format::Wxr => unreadable(format),
    }
}

fn unreadable(format: Format) -> Parsed {
    let readable: Vec<&str> = Format::ALL
        .iter()
        .filter(|f| f.is_readable())
        .map(|f| f.name())
        .collect();
    Parsed {
        interview: None,
        diagnostics: vec![
            Diagnostic::whole(
                Severity::Error,
                Code::UnreadableFormat,
                format!("{format} is written, not read"),
            )
            .expected(format!("an input format: {}", readable.join(", "))),
        ],
    }
}
