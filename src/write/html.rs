//! Model → an HTML fragment for a CMS's rich-text field: the interview as
//! plain, class-named Q&A markup, with the schema.org JSON-LD of
//! [`super::jsonld`] in a `<script type="application/ld+json">`.
//!
//! ```html
//! <article class="interview" lang="en">
//!   <header class="interview-header">
//!     <p class="interview-speaker"><strong>LEE Hee-sup</strong></p>
//!     <p class="interview-role">Secretary-General of the …</p>
//!   </header>
//!   <section class="interview-exchange">
//!     <p class="interview-question"><strong>International exchange …?</strong></p>
//!     <div class="interview-answer">
//!       <p>We are witnessing …</p>
//!     </div>
//!   </section>
//!   <footer class="interview-footer"><p class="interview-read-count">已阅读人数: 427</p></footer>
//!   <script type="application/ld+json">{"@context": …}</script>
//! </article>
//! ```
//!
//! Escaping is per context: text content escapes `&`, `<`, `>`; attribute
//! values also quotes; the JSON inside `<script>` escapes `<`, `>`, `&` and
//! the JavaScript line separators as `\uXXXX`, so no string in the document
//! can close the script element or open a comment.
//!
//! The date is a `<time>` with `datetime` in ISO 8601 when
//! `cms::machine_date` can read it (`May 12, 2024`, `2024年5月12日` …),
//! else a plain paragraph: HTML allows no `<time>` whose date a machine
//! cannot read.

use std::io::{self, Write};

use crate::model::Interview;
use crate::write::{cms, jsonld};

/// Writes `interview` as an HTML fragment with embedded JSON-LD.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    let out = &mut io::BufWriter::with_capacity(64 << 10, out);
    let lang = interview
        .language
        .as_deref()
        .map(|l| format!(" lang=\"{}\"", attr(l)))
        .unwrap_or_default();
    writeln!(out, "<article class=\"interview\"{lang}>")?;
    writeln!(out, "  <header class=\"interview-header\">")?;
    if let Some(headline) = &interview.headline {
        writeln!(
            out,
            "    <h1 class=\"interview-headline\">{}</h1>",
            text(headline)
        )?;
    }
    if let Some(date) = &interview.date {
        // `<time>` only with a machine-readable `datetime`: HTML requires
        // one unless the text itself is in a valid form
        match cms::machine_date(date) {
            Some(datetime) => writeln!(
                out,
                "    <p class=\"interview-date\"><time datetime=\"{}\">{}</time></p>",
                attr(&datetime),
                text(date)
            )?,
            None => writeln!(out, "    <p class=\"interview-date\">{}</p>", text(date))?,
        }
    }
    if let Some(byline) = &interview.byline {
        writeln!(
            out,
            "    <p class=\"interview-byline\">{}</p>",
            text(byline)
        )?;
    }
    if let Some(speaker) = &interview.speaker {
        writeln!(
            out,
            "    <p class=\"interview-speaker\"><strong>{}</strong></p>",
            text(&speaker.name)
        )?;
    }
    if let Some(role) = &interview.role {
        writeln!(
            out,
            "    <p class=\"interview-role\">{}</p>",
            text(&role.text)
        )?;
    }
    if let Some(interviewer) = &interview.interviewer {
        writeln!(
            out,
            "    <p class=\"interview-interviewer\">{}</p>",
            text(&interviewer.name)
        )?;
    }
    writeln!(out, "  </header>")?;
    if !interview.introduction.is_empty() {
        writeln!(out, "  <div class=\"interview-introduction\">")?;
        for paragraph in &interview.introduction {
            writeln!(out, "    <p>{}</p>", text(paragraph))?;
        }
        writeln!(out, "  </div>")?;
    }
    for exchange in &interview.exchanges {
        writeln!(out, "  <section class=\"interview-exchange\">")?;
        writeln!(
            out,
            "    <p class=\"interview-question\"><strong>{}</strong></p>",
            text(&exchange.question)
        )?;
        let by = exchange
            .answered_by
            .as_deref()
            .map(|name| format!(" data-answered-by=\"{}\"", attr(name)))
            .unwrap_or_default();
        writeln!(out, "    <div class=\"interview-answer\"{by}>")?;
        for paragraph in &exchange.answer {
            writeln!(out, "      <p>{}</p>", text(paragraph))?;
        }
        writeln!(out, "    </div>")?;
        writeln!(out, "  </section>")?;
    }
    if let Some(count) = interview.read_count {
        let shown = interview
            .read_count_text
            .clone()
            .unwrap_or_else(|| count.to_string());
        writeln!(
            out,
            "  <footer class=\"interview-footer\"><p class=\"interview-read-count\" data-count=\"{count}\">{}</p></footer>",
            text(&shown)
        )?;
    }
    out.write_all(b"  <script type=\"application/ld+json\">")?;
    // serialised into the element as it is made: never a copy of the document
    serde_json::to_writer(ScriptJson(&mut *out), &jsonld::Document::of(interview))?;
    out.write_all(b"</script>\n")?;
    writeln!(out, "</article>")?;
    out.flush()
}

/// Text content: `&`, `<`, `>` escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A double-quoted attribute value: text escaping plus quotes.
fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;").replace('\'', "&#39;")
}

/// A writer of JSON made safe inside `<script>`: `<`, `>` and `&` can only
/// stand inside JSON strings, where `\u003c` etc. mean the same
/// characters, and so can the JavaScript line separators U+2028 and
/// U+2029. serde_json hands it whole UTF-8 pieces, so a separator's three
/// bytes are never split between two writes.
struct ScriptJson<W>(W);

impl<W: Write> Write for ScriptJson<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut rest = bytes;
        while !rest.is_empty() {
            let special = rest
                .iter()
                .position(|b| matches!(b, b'<' | b'>' | b'&' | 0xE2));
            let Some(at) = special else {
                self.0.write_all(rest)?;
                break;
            };
            self.0.write_all(&rest[..at])?;
            let (escape, len): (&[u8], usize) = match &rest[at..] {
                [b'<', ..] => (b"\\u003c", 1),
                [b'>', ..] => (b"\\u003e", 1),
                [b'&', ..] => (b"\\u0026", 1),
                [0xE2, 0x80, 0xA8, ..] => (b"\\u2028", 3),
                [0xE2, 0x80, 0xA9, ..] => (b"\\u2029", 3),
                _ => (&rest[at..=at], 1),
            };
            self.0.write_all(escape)?;
            rest = &rest[at + len..];
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Exchange, Speaker};

    fn tricky() -> Interview {
        Interview {
            headline: Some("<b>Bold</b> & \"quoted\"".into()),
            date: Some("2024-05-12".into()),
            byline: None,
            speaker: Some(Speaker::named("O'Brien <script>")),
            role: None,
            interviewer: None,
            introduction: vec![],
            exchanges: vec![Exchange {
                question: "</script><!-- a & b?".into(),
                answer: vec!["x < y > z".into(), "\u{2028}line".into()],
                answered_by: Some("A \"B\"".into()),
            }],
            read_count: None,
            read_count_precision: None,
            read_count_text: None,
            language: Some("en".into()),
            encoding: None,
        }
    }

    #[test]
    fn text_is_escaped_in_every_context() {
        let mut out = Vec::new();
        write(&tricky(), &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains(
            "<h1 class=\"interview-headline\">&lt;b&gt;Bold&lt;/b&gt; &amp; \"quoted\"</h1>"
        ));
        assert!(html.contains("<strong>O'Brien &lt;script&gt;</strong>"));
        assert!(html.contains("data-answered-by=\"A &quot;B&quot;\""));
        assert!(html.contains("<time datetime=\"2024-05-12\">"));
        // the only `</script>` is the real one
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(!html.contains("<!--"));
        let script = html
            .split("application/ld+json\">")
            .nth(1)
            .unwrap()
            .split("</script>")
            .next()
            .unwrap();
        let value: serde_json::Value = serde_json::from_str(script).unwrap();
        assert_eq!(value["hasPart"][0]["text"], "</script><!-- a & b?");
    }
}
