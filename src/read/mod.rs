//! Readers: one module per input format, each turning a [`Source`] into a
//! [`Parsed`] model plus every problem found on the way.

pub mod json;
pub mod jsonld;
pub mod text;
pub mod xml;

use crate::diagnostic::{Code, Diagnostic, ErrorLimit, Severity};
use crate::format::Format;
use crate::model::Interview;
use crate::source::Source;

/// What a reader made of its input.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The model, unless the input was unusable beyond repair (empty,
    /// binary …); present also when `diagnostics` holds errors.
    pub interview: Option<Interview>,
    /// Every problem found, errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `source` as `format`. A format that is only written (see
/// [`Format::is_readable`]) gives no model and one error.
pub fn read(format: Format, source: &Source) -> Parsed {
    read_with(format, source, ErrorLimit::default())
}

/// [`read`], looking for at most `limit`'s number of errors: once the
/// document has that many its verdict is known (invalid), the reader
/// stops, gives no model, and closes the diagnostics with one
/// [`Code::TooManyErrors`] note.
pub fn read_with(format: Format, source: &Source, limit: ErrorLimit) -> Parsed {
    let mut parsed = match format {
        Format::Text => text::read_with(source, limit),
        Format::Json => json::read_with(source, limit),
        Format::Xml => xml::read_with(source, limit),
        Format::JsonLd => jsonld::read_with(source, limit),
        Format::Ndjson | Format::Html | Format::Markdown | Format::Wxr => unreadable(format),
    };
    limit.cut(&mut parsed.diagnostics, false);
    parsed
}

/// What a reader gives back when a document reached `limit`: its
/// diagnostics so far (in source order), closed by the note, and no model
/// (the document is invalid whatever the rest holds).
pub(crate) fn stopped(limit: ErrorLimit, mut diagnostics: Vec<Diagnostic>) -> Parsed {
    limit.cut(&mut diagnostics, true);
    Parsed {
        interview: None,
        diagnostics,
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
