//! Writers: one module per output format, each `write(&Interview, &mut impl
//! Write)`. Writers assume a valid model: validation happens before.

mod cms;
pub mod html;
pub mod json;
pub mod jsonld;
pub mod markdown;
pub mod ndjson;
pub mod text;
pub mod wxr;
pub mod xml;

use std::fmt;
use std::io::{self, Write};

use serde_json::Value;

use crate::diagnostic::Code;
use crate::format::Format;
use crate::model::Interview;

/// A document a writer refuses, rather than write it altered, because its
/// format cannot carry one of its texts as it is (`--to text` and a
/// paragraph holding a line break, e.g.). Writers return it inside an
/// [`io::ErrorKind::InvalidData`] error; nothing is written then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwritable {
    /// The kind of problem: [`Code::ControlCharacter`] for a character the
    /// format forbids, [`Code::Unwritable`] for any other text it cannot
    /// carry.
    pub code: Code,
    /// The JSON pointer of the text, e.g. `/exchanges/0/answer/1`.
    pub pointer: String,
    /// What the text holds that the format cannot carry, e.g. `holds a
    /// line break, which raw text cannot carry`.
    pub reason: String,
}

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.pointer, self.reason)
    }
}

impl std::error::Error for Unwritable {}

impl From<Unwritable> for io::Error {
    fn from(unwritable: Unwritable) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, unwritable)
    }
}

/// The first text of `interview`, in the order of its JSON form, for which
/// `problem` gives a reason, as an [`Unwritable`] naming its JSON pointer.
pub(crate) fn first_unwritable(
    interview: &Interview,
    problem: impl Fn(&str) -> Option<(Code, String)>,
) -> Option<Unwritable> {
    type Problem<'a> = &'a dyn Fn(&str) -> Option<(Code, String)>;
    fn walk(value: &Value, pointer: &mut String, problem: Problem) -> Option<Unwritable> {
        let mut child = |key: &str, item: &Value| {
            let len = pointer.len();
            pointer.push('/');
            pointer.push_str(key);
            let found = walk(item, pointer, problem);
            pointer.truncate(len);
            found
        };
        match value {
            Value::String(s) => problem(s).map(|(code, reason)| Unwritable {
                code,
                pointer: pointer.clone(),
                reason,
            }),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| child(&i.to_string(), item)),
            Value::Object(map) => map.iter().find_map(|(key, item)| child(key, item)),
            _ => None,
        }
    }
    // the model's JSON form names every text by its pointer
    let value = serde_json::to_value(interview).ok()?;
    walk(&value, &mut String::new(), &problem)
}

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
