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
use crate::model::{Interview, Speaker};

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

/// Every string of `interview`'s JSON form (the precision's name among
/// them), in no particular order: what a check looks through before it
/// needs a text's JSON pointer.
pub(crate) fn texts(interview: &Interview) -> impl Iterator<Item = &str> {
    fn speaker(s: &Speaker) -> impl Iterator<Item = &str> {
        [
            Some(&s.name),
            s.family_name.as_ref(),
            s.given_name.as_ref(),
            s.label.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
    }
    let role = interview.role.iter().flat_map(|r| {
        [
            Some(&r.text),
            r.title.as_ref(),
            r.organization.as_ref(),
            r.abbreviation.as_ref(),
        ]
        .into_iter()
        .flatten()
        .map(String::as_str)
    });
    let fields = [
        &interview.headline,
        &interview.date,
        &interview.byline,
        &interview.read_count_text,
        &interview.language,
        &interview.encoding,
    ];
    let exchanges = interview.exchanges.iter().flat_map(|e| {
        std::iter::once(e.question.as_str())
            .chain(e.answer.iter().map(String::as_str))
            .chain(e.answered_by.as_deref())
    });
    fields
        .into_iter()
        .filter_map(Option::as_deref)
        .chain(interview.speaker.iter().flat_map(speaker))
        .chain(role)
        .chain(interview.interviewer.iter().flat_map(speaker))
        .chain(interview.introduction.iter().map(String::as_str))
        .chain(exchanges)
        .chain(interview.read_count_precision.map(|p| p.as_str()))
}

/// The first text of `interview`, in the order of its JSON form, for which
/// `problem` gives a reason, as an [`Unwritable`] naming its JSON pointer.
/// The texts are looked through first: only a document that has such a
/// text is copied into its JSON form, to name the text by its pointer.
pub(crate) fn first_unwritable(
    interview: &Interview,
    problem: impl Fn(&str) -> Option<(Code, String)>,
) -> Option<Unwritable> {
    if texts(interview).all(|text| problem(text).is_none()) {
        return None;
    }
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

/// The error [`write`] fails with when `format` cannot carry `interview`
/// (see [`Unwritable`]), found before a byte is written: a caller can
/// check before it makes the output's file.
pub fn check(format: Format, interview: &Interview) -> io::Result<()> {
    match format {
        Format::Text => text::check(interview).map_err(io::Error::from),
        Format::Xml => match xml::first_forbidden(interview) {
            Some((pointer, c)) => Err(xml::forbidden_error(&pointer, c)),
            None => Ok(()),
        },
        Format::Wxr => wxr::check(interview),
        _ => Ok(()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of the JSON form, so that a check that looks only
    /// through [`texts`] misses none (a field added to the model and not to
    /// `texts` fails here).
    #[test]
    fn texts_are_every_string_of_the_json_form() {
        fn strings(value: &Value, out: &mut Vec<String>) {
            match value {
                Value::String(s) => out.push(s.clone()),
                Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
                Value::Object(map) => map.values().for_each(|v| strings(v, out)),
                _ => {}
            }
        }
        let speaker = |n: &str| Speaker {
            name: format!("{n} name"),
            family_name: Some(format!("{n} family")),
            given_name: Some(format!("{n} given")),
            label: Some(format!("{n} label")),
        };
        let interview = Interview {
            headline: Some("headline".into()),
            date: Some("date".into()),
            byline: Some("byline".into()),
            speaker: Some(speaker("speaker")),
            role: Some(crate::model::Role {
                text: "role".into(),
                title: Some("title".into()),
                organization: Some("organization".into()),
                abbreviation: Some("abbreviation".into()),
            }),
            interviewer: Some(speaker("interviewer")),
            introduction: vec!["intro 1".into(), "intro 2".into()],
            exchanges: vec![crate::model::Exchange {
                question: "question".into(),
                answer: vec!["answer 1".into(), "answer 2".into()],
                answered_by: Some("answered by".into()),
            }],
            read_count: Some(1),
            read_count_precision: Some(crate::model::Precision::Rounded),
            read_count_text: Some("read count".into()),
            language: Some("en".into()),
            encoding: Some("UTF-8".into()),
        };
        let mut expected = Vec::new();
        strings(&serde_json::to_value(&interview).unwrap(), &mut expected);
        let mut found: Vec<String> = texts(&interview).map(str::to_owned).collect();
        expected.sort();
        found.sort();
        assert_eq!(found, expected);
    }
}
