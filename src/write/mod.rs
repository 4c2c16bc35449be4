//! Writers: one module per output format, each `write(&Interview, &mut impl
//! Write)`. Writers assume a valid model: validation happens before.

mod cms;
pub mod html;
pub mod json;
pub(crate) mod jsonfmt;
pub mod jsonld;
pub mod markdown;
pub mod ndjson;
pub mod text;
pub mod wxr;
pub mod xml;

use std::io::{self, Write};

use crate::format::Format;
use crate::model::Interview;

/// Writes `interview` as `format`.
pub fn write(format: Format, interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Json => json::write(interview, out),
        Format::Text => text::write(interview, out),
        Format::Xml => xml::write(interview, out),
        Format::JsonLd => jsonld::write(interview, out),
        Format::Html => html::write(interview, out),
        Format::Markdown => markdown::write(interview, out),
        Format::Wxr => wxr::write(interview, out),
        Format::Ndjson => ndjson::write(interview, out),
    }
}

/// Appends `interview` as `format` to a byte buffer: the same bytes as
/// [`write`], without the extra copy through `io::Write` for JSON.
pub fn to_vec(format: Format, interview: &Interview, out: &mut Vec<u8>) -> io::Result<()> {
    match format {
        Format::Json => json::to_vec(interview, out),
        Format::Ndjson => ndjson::to_vec(interview, out),
        Format::Xml => xml::to_vec(interview, out),
        _ => write(format, interview, out),
    }
}
