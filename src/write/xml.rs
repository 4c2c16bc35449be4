//! Model → XML: one root `<interview>` in the project's namespace, element
//! names mirroring the JSON keys, described by `schema/interview.xsd`.
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <interview xmlns="https://interview-kit.dev/ns/interview/1">
//!   <speaker>
//!     <name>LEE Hee-sup</name>
//!   </speaker>
//!   <exchange>
//!     <question>Why cooperate?</question>
//!     <answer>
//!       <p>Because we must.</p>
//!     </answer>
//!   </exchange>
//!   <read_count>427</read_count>
//! </interview>
//! ```
//!
//! Elements come in the model's field order, one per line, indented by two
//! spaces; text is written exactly, leading and trailing spaces included
//! (only `&`, `<`, `>` and carriage return are escaped, the last as `&#13;`
//! so that no XML parser folds it into a line feed). Lists become repeated
//! elements: `<p>` in `<introduction>` and `<answer>`, one `<exchange>` per
//! exchange. Absent optional fields and an empty introduction are left out.
//!
//! XML 1.0 cannot carry the C0 controls other than tab, line feed and
//! carriage return, nor U+FFFE and U+FFFF, not even as character references.
//! The raw-text reader removes them with a warning; a model that still holds
//! one (from JSON, where `\u0007` is legal) is refused with an
//! [`io::ErrorKind::InvalidData`] error naming the field, before a byte is
//! written, rather than altered.

use std::io::{self, Write};

use serde_json::Value;

use crate::model::{Interview, Speaker};

pub use crate::vocabulary::xml::{NAMESPACE, is_forbidden};

/// Writes `interview` as XML.
///
/// Fails with [`io::ErrorKind::InvalidData`] when a text holds a character
/// XML 1.0 cannot represent; nothing is written then.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    // looked for first, since what is written cannot be taken back
    if let Some((pointer, c)) = first_forbidden(interview) {
        return Err(forbidden_error(&pointer, c));
    }
    let mut w = Indented {
        out: Vec::with_capacity(SPILL + (4 << 10)),
        depth: 0,
        forbidden: false,
        spill: Some(out),
        error: None,
    };
    document(interview, &mut w);
    w.drain();
    w.error.map_or(Ok(()), Err)
}

/// The bytes [`write`] gathers before it writes them out.
const SPILL: usize = 64 << 10;

pub(crate) fn forbidden_error(pointer: &str, c: char) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "`{pointer}` holds U+{:04X}, a character XML 1.0 cannot represent",
            u32::from(c)
        ),
    )
}

/// Appends `interview` as XML to `out`, as [`write`] writes it, with no
/// buffer of its own (a huge document's XML is not held twice); on an
/// error `out` is left as it was.
pub fn to_vec(interview: &Interview, out: &mut Vec<u8>) -> io::Result<()> {
    let start = out.len();
    let mut w = Indented {
        out: std::mem::take(out),
        depth: 0,
        forbidden: false,
        spill: None,
        error: None,
    };
    document(interview, &mut w);
    *out = w.out;
    // each text is looked at as it is written; only then is the model
    // walked as JSON (a copy of all of it) to name the text by its pointer
    if w.forbidden
        && let Some((pointer, c)) = first_forbidden(interview)
    {
        out.truncate(start);
        return Err(forbidden_error(&pointer, c));
    }
    Ok(())
}

/// The document, element by element.
fn document(interview: &Interview, w: &mut Indented<'_>) {
    w.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    w.line(&format!("<interview xmlns=\"{NAMESPACE}\">"));
    w.depth += 1;
    w.opt("headline", interview.headline.as_deref());
    w.opt("date", interview.date.as_deref());
    w.opt("byline", interview.byline.as_deref());
    if let Some(speaker) = &interview.speaker {
        w.speaker("speaker", speaker);
    }
    if let Some(role) = &interview.role {
        w.open("role");
        w.leaf("text", &role.text);
        w.opt("title", role.title.as_deref());
        w.opt("organization", role.organization.as_deref());
        w.opt("abbreviation", role.abbreviation.as_deref());
        w.close("role");
    }
    if let Some(interviewer) = &interview.interviewer {
        w.speaker("interviewer", interviewer);
    }
    w.paragraphs("introduction", &interview.introduction);
    for exchange in &interview.exchanges {
        w.open("exchange");
        w.leaf("question", &exchange.question);
        w.paragraphs("answer", &exchange.answer);
        w.opt("answered_by", exchange.answered_by.as_deref());
        w.close("exchange");
        w.spill();
    }
    if let Some(count) = interview.read_count {
        w.leaf("read_count", &count.to_string());
    }
    w.opt(
        "read_count_precision",
        interview.read_count_precision.map(|p| p.as_str()),
    );
    w.opt("read_count_text", interview.read_count_text.as_deref());
    w.opt("language", interview.language.as_deref());
    w.opt("encoding", interview.encoding.as_deref());
    w.depth -= 1;
    w.line("</interview>");
}

/// The JSON pointer and character of the first text in `interview` that XML
/// 1.0 cannot carry.
pub fn first_forbidden(interview: &Interview) -> Option<(String, char)> {
    fn walk(value: &Value, pointer: &mut String) -> Option<(String, char)> {
        match value {
            Value::String(s) => s
                .chars()
                .find(|&c| is_forbidden(c))
                .map(|c| (pointer.clone(), c)),
            Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                let found = walk(item, pointer);
                pointer.truncate(len);
                found
            }),
            Value::Object(map) => map.iter().find_map(|(key, item)| {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(key);
                let found = walk(item, pointer);
                pointer.truncate(len);
                found
            }),
            _ => None,
        }
    }
    // the model's JSON form names every text by its pointer; it is made
    // only for a model that has such a text
    if !super::texts(interview).any(|text| text.contains(is_forbidden)) {
        return None;
    }
    let value = serde_json::to_value(interview).ok()?;
    walk(&value, &mut String::new())
}

/// Escapes text content: `&`, `<`, `>` (so that `]]>` cannot appear) and
/// carriage return, which a parser would otherwise normalize to a line feed.
fn escape_into(out: &mut Vec<u8>, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '\r']) {
        out.extend_from_slice(&rest.as_bytes()[..i]);
        out.extend_from_slice(match rest.as_bytes()[i] {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            _ => b"&#13;",
        });
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest.as_bytes());
}

/// An output buffer that knows the current indentation.
struct Indented<'w> {
    out: Vec<u8>,
    depth: usize,
    /// Whether a text written holds a character [`is_forbidden`].
    forbidden: bool,
    /// Where the buffer goes once it holds [`SPILL`] bytes, if anywhere.
    spill: Option<&'w mut dyn Write>,
    /// The first error writing to `spill`, after which nothing more is
    /// written.
    error: Option<io::Error>,
}

impl Indented<'_> {
    /// Writes the buffer out once it is full, when it has somewhere to go.
    fn spill(&mut self) {
        if self.out.len() >= SPILL {
            self.drain();
        }
    }

    /// Writes the whole buffer out, when it has somewhere to go.
    fn drain(&mut self) {
        if let Some(to) = &mut self.spill {
            if self.error.is_none()
                && let Err(err) = to.write_all(&self.out)
            {
                self.error = Some(err);
            }
            self.out.clear();
        }
    }

    fn indent(&mut self) {
        self.out.extend(std::iter::repeat_n(b' ', 2 * self.depth));
    }

    fn line(&mut self, markup: &str) {
        self.indent();
        self.out.extend_from_slice(markup.as_bytes());
        self.out.push(b'\n');
    }

    fn open(&mut self, name: &str) {
        self.line(&format!("<{name}>"));
        self.depth += 1;
    }

    fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.line(&format!("</{name}>"));
    }

    fn leaf(&mut self, name: &str, text: &str) {
        self.forbidden |= text.contains(is_forbidden);
        self.indent();
        self.out.extend_from_slice(format!("<{name}>").as_bytes());
        escape_into(&mut self.out, text);
        self.out
            .extend_from_slice(format!("</{name}>\n").as_bytes());
    }

    fn opt(&mut self, name: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.leaf(name, text);
        }
    }

    fn speaker(&mut self, name: &str, speaker: &Speaker) {
        self.open(name);
        self.leaf("name", &speaker.name);
        self.opt("family_name", speaker.family_name.as_deref());
        self.opt("given_name", speaker.given_name.as_deref());
        self.opt("label", speaker.label.as_deref());
        self.close(name);
    }

    fn paragraphs(&mut self, name: &str, paragraphs: &[String]) {
        if paragraphs.is_empty() {
            return;
        }
        self.open(name);
        for paragraph in paragraphs {
            self.leaf("p", paragraph);
        }
        self.close(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Exchange, Precision};

    fn minimal() -> Interview {
        Interview {
            headline: None,
            date: None,
            byline: None,
            speaker: Some(Speaker::named("LEE Hee-sup")),
            role: None,
            interviewer: None,
            introduction: Vec::new(),
            exchanges: vec![Exchange {
                question: "Why?".into(),
                answer: vec!["Because.".into()],
                answered_by: None,
            }],
            read_count: None,
            read_count_precision: None,
            read_count_text: None,
            language: None,
            encoding: None,
        }
    }

    fn xml(interview: &Interview) -> String {
        let mut out = Vec::new();
        write(interview, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn minimal_document() {
        assert_eq!(
            xml(&minimal()),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <interview xmlns=\"https://interview-kit.dev/ns/interview/1\">\n  \
               <speaker>\n    <name>LEE Hee-sup</name>\n  </speaker>\n  \
               <exchange>\n    <question>Why?</question>\n    <answer>\n      <p>Because.</p>\n    </answer>\n  </exchange>\n\
             </interview>\n"
        );
    }

    #[test]
    fn markup_characters_are_escaped_and_spaces_kept() {
        let mut m = minimal();
        m.exchanges[0].question = " a < b && c > d ]]> \"q\" 'r'\r\n ".into();
        m.read_count = Some(7);
        m.read_count_precision = Some(Precision::AtLeast);
        let out = xml(&m);
        assert!(
            out.contains(
                "<question> a &lt; b &amp;&amp; c &gt; d ]]&gt; \"q\" 'r'&#13;\n </question>"
            ),
            "{out}"
        );
        assert!(out.contains(
            "<read_count>7</read_count>\n  <read_count_precision>at_least</read_count_precision>"
        ));
    }

    #[test]
    fn forbidden_characters_are_refused_before_writing() {
        let mut m = minimal();
        m.exchanges[0].answer.push("ring \u{7} bell".into());
        let mut out = Vec::new();
        let err = write(&m, &mut out).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(
            err.to_string()
                .contains("`/exchanges/0/answer/1` holds U+0007"),
            "{err}"
        );
        assert!(out.is_empty());
    }

    #[test]
    fn tab_and_line_feed_are_allowed() {
        assert!(!is_forbidden('\t') && !is_forbidden('\n') && !is_forbidden('\r'));
        assert!(is_forbidden('\u{0}') && is_forbidden('\u{1b}') && is_forbidden('\u{ffff}'));
        assert!(!is_forbidden('\u{7f}') && !is_forbidden('\u{fffd}'));
    }
}
