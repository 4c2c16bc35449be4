//! Readers: one module per input format, each turning a [`Source`] into a
//! [`Parsed`] model plus every problem found on the way.

pub mod json;
pub mod text;

use crate::diagnostic::Diagnostic;
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

/// Reads `source` as `format`.
pub fn read(format: Format, source: &Source) -> Parsed {
    match format {
        Format::Text => text::read(source),
        Format::Json => json::read(source),
        Format::Ndjson => write_only(format),
    }
}

/// A format interview-kit only writes, asked to read.
fn write_only(format: Format) -> Parsed {
    let readable: Vec<&str> = Format::ALL
        .iter()
        .filter(|f| f.is_readable())
        .map(|f| f.name())
        .collect();
    Parsed {
        interview: None,
        diagnostics: vec![
            Diagnostic::whole(
                crate::diagnostic::Severity::Error,
                crate::diagnostic::Code::Io,
                format!("{format} is an output format and cannot be read"),
            )
            .expected(format!("one of: {}", readable.join(", "))),
        ],
    }
}
