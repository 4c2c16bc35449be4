//! interview-kit turns raw interview text into a typed, schema-validated
//! model and writes it out as JSON (and, format by format, more).
//!
//! The pipeline is readers → one model → writers:
//!
//! ```
//! use interview_kit::{Format, Source};
//!
//! let text = "LEE Hee-sup\nQ: Why cooperate?\nA: Because we must.\n已阅读人数: 427\n";
//! let source = Source::from_text("seed.txt", text);
//! let parsed = interview_kit::load(&source, Format::Text);
//! assert!(parsed.diagnostics.iter().all(|d| !d.is_fatal(false)));
//! let interview = parsed.interview.unwrap();
//! assert_eq!(interview.read_count, Some(427));
//! let json = interview_kit::render(&interview, Format::Json).unwrap();
//! assert!(String::from_utf8(json).unwrap().contains("\"question\": \"Why cooperate?\""));
//! ```
//!
//! [`load`] reads and validates; [`render`] writes a validated model. The
//! library never prints and never exits: problems come back as
//! [`Diagnostic`]s for the caller to show.

#![deny(missing_docs)]

pub mod batch;
pub mod diagnostic;
pub mod form;
pub mod format;
pub(crate) mod locate;
pub mod model;
pub mod read;
pub mod schema;
pub mod source;
pub mod vocabulary;
pub mod write;

pub use diagnostic::{Code, Diagnostic, ErrorLimit, Severity};
pub use format::Format;
pub use model::{Exchange, Interview, Precision, Role, Speaker};
pub use read::Parsed;
pub use source::Source;

/// Reads `source` as `format` and checks the model against the schema.
///
/// The result holds the model (unless the input was unusable) and every
/// diagnostic: the reader's, then the schema's. A document with an error
/// among its diagnostics must not be written.
pub fn load(source: &Source, format: Format) -> Parsed {
    let mut parsed = read::read(format, source);
    // a reader's own errors already say why the document is unusable
    if let (Some(interview), false) = (
        &parsed.interview,
        diagnostic::any_fatal(&parsed.diagnostics, false),
    ) {
        let violations = check(format, interview);
        parsed.diagnostics.extend(violations);
    }
    parsed
}

/// The schema check [`load`] runs on a model that `format`'s reader
/// made without an error: its violations, unless the reader checks
/// models itself. It needs the model only, not the source: a caller may
/// drop the source first, so that the text, the model and the schema's
/// view of the model are never in memory together.
pub fn check(format: Format, interview: &Interview) -> Vec<Diagnostic> {
    check_with(format, interview, ErrorLimit::default())
}

/// [`check`], looking for at most `limit`'s number of violations (see
/// [`schema::check_with`]).
pub fn check_with(format: Format, interview: &Interview, limit: ErrorLimit) -> Vec<Diagnostic> {
    if !checks_model(format) {
        return Vec::new();
    }
    schema::check_model_with(interview, limit)
}

/// Whether [`check`] has work to do for `format`'s models.
pub(crate) fn checks_model(format: Format) -> bool {
    // the JSON reader checks the document as written, before it is a model;
    // the XML and JSON-LD readers check the model themselves, to locate
    // each violation in their own document
    !matches!(format, Format::Json | Format::Xml | Format::JsonLd)
}

/// Decodes `bytes` to be read as `format`: the encoding is `forced`, else
/// (for XML) the one its declaration names, else detected. A BOM still wins.
pub fn decode(
    name: impl Into<String>,
    bytes: &[u8],
    format: Format,
    forced: Option<&'static encoding_rs::Encoding>,
) -> Source {
    let encoding = forced.or_else(|| match format {
        Format::Xml => read::xml::declared_encoding(bytes),
        _ => None,
    });
    Source::from_bytes(name, bytes, encoding)
}

/// Writes a model in `format` to a byte buffer.
pub fn render(interview: &Interview, format: Format) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(16 << 10);
    write::to_vec(format, interview, &mut out)?;
    Ok(out)
}
