//! Model → schema.org JSON-LD, self-contained: the context is inline, so no
//! processor fetches anything to read it.
//!
//! schema.org has no Interview type, and Google's FAQPage and QAPage rules
//! exclude interviews, so the interview is a `NewsArticle` with `genre`
//! `"Interview"`:
//!
//! | model | JSON-LD |
//! | --- | --- |
//! | `headline` | `headline` |
//! | `date` | `datePublished` when it is an ISO 8601 date or date-time, else `dateText` |
//! | `byline` | `creditText` |
//! | `language` | `inLanguage` |
//! | `interviewer` | `author`, a `Person` |
//! | `speaker` | `about`, a `Person` with `@id` `_:interviewee`, `name`, `familyName`, `givenName`, `alternateName` (the label) |
//! | `role` | on that `Person`: `description` (the line as written), `jobTitle`, `worksFor` (an `Organization` with `name` and `alternateName` for the abbreviation) |
//! | `introduction` | `abstract`, the paragraphs joined by a blank line (see below) |
//! | `exchanges` | `hasPart`: one `Question` per exchange with `position` (from 1), `text`, and `acceptedAnswer`, an `Answer` with `text` (the paragraphs joined by a blank line) and `author`: the interviewee's `@id`, or a `Person` named `answered_by` |
//! | `read_count` | `interactionStatistic`, an `InteractionCounter` with `interactionType` `ReadAction` and `userInteractionCount`, plus `readCountPrecision` and `readCountText` |
//! | `encoding` | `sourceEncoding` |
//!
//! Terms schema.org lacks (`dateText`, `readCountPrecision`, `readCountText`,
//! `sourceEncoding`, `introduction`, `paragraphs`) are defined in the inline
//! context in the namespace `https://interview-kit.dev/ns/interview/1#`.
//!
//! Paragraphs: a list of paragraphs is written as one text, the paragraphs
//! joined by a blank line (`\n\n`), which is what schema.org consumers read.
//! When splitting that text at blank lines would not give the paragraphs back
//! exactly (a paragraph holding a blank line itself, or starting or ending
//! with a line feed), the exact list is written beside it as `paragraphs`
//! (on an `Answer`) or `introduction` (on the article), an ordered `@list`.
//! [`crate::read::jsonld`] reads the list when there is one, else splits the
//! text, so every model comes back unchanged.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::model::{Interview, Speaker};

pub use crate::vocabulary::jsonld::{
    INTERVIEWEE, SCHEMA_ORG, VOCABULARY, context, join_paragraphs, split_paragraphs,
};

/// Writes `interview` as pretty JSON-LD with a trailing newline.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &document(interview))?;
    out.write_all(b"\n")
}

/// The JSON-LD document of `interview`.
pub fn document(interview: &Interview) -> Value {
    let mut doc = Map::new();
    doc.insert("@context".into(), context());
    doc.insert("@type".into(), "NewsArticle".into());
    doc.insert("genre".into(), "Interview".into());
    put(&mut doc, "headline", interview.headline.as_deref());
    if let Some(date) = &interview.date {
        let key = if is_iso_date(date) {
            "datePublished"
        } else {
            "dateText"
        };
        doc.insert(key.into(), date.as_str().into());
    }
    put(&mut doc, "creditText", interview.byline.as_deref());
    put(&mut doc, "inLanguage", interview.language.as_deref());
    if let Some(interviewer) = &interview.interviewer {
        doc.insert("author".into(), person(interviewer, None));
    }
    doc.insert("about".into(), interviewee(interview));
    if !interview.introduction.is_empty() {
        paragraphs(
            &mut doc,
            "abstract",
            "introduction",
            &interview.introduction,
        );
    }
    let questions = interview.exchanges.iter().enumerate().map(|(i, exchange)| {
        let mut answer = Map::new();
        answer.insert("@type".into(), "Answer".into());
        paragraphs(&mut answer, "text", "paragraphs", &exchange.answer);
        let author = match &exchange.answered_by {
            Some(name) => json!({ "@type": "Person", "name": name }),
            None => json!({ "@id": INTERVIEWEE }),
        };
        answer.insert("author".into(), author);
        json!({
            "@type": "Question",
            "position": i + 1,
            "text": exchange.question,
            "acceptedAnswer": answer,
        })
    });
    doc.insert("hasPart".into(), questions.collect());
    if interview.read_count.is_some()
        || interview.read_count_precision.is_some()
        || interview.read_count_text.is_some()
    {
        let mut counter = Map::new();
        counter.insert("@type".into(), "InteractionCounter".into());
        counter.insert("interactionType".into(), "ReadAction".into());
        if let Some(count) = interview.read_count {
            counter.insert("userInteractionCount".into(), count.into());
        }
        put(
            &mut counter,
            "readCountPrecision",
            interview.read_count_precision.map(|p| p.as_str()),
        );
        put(
            &mut counter,
            "readCountText",
            interview.read_count_text.as_deref(),
        );
        doc.insert("interactionStatistic".into(), counter.into());
    }
    put(&mut doc, "sourceEncoding", interview.encoding.as_deref());
    doc.into()
}

/// The interviewee, with the role's parts.
fn interviewee(interview: &Interview) -> Value {
    let mut about = person(&interview.speaker, Some(INTERVIEWEE));
    if let (Some(role), Value::Object(about)) = (&interview.role, &mut about) {
        put(about, "description", Some(&role.text));
        put(about, "jobTitle", role.title.as_deref());
        if role.organization.is_some() || role.abbreviation.is_some() {
            let mut organization = Map::new();
            organization.insert("@type".into(), "Organization".into());
            put(&mut organization, "name", role.organization.as_deref());
            put(
                &mut organization,
                "alternateName",
                role.abbreviation.as_deref(),
            );
            about.insert("worksFor".into(), organization.into());
        }
    }
    about
}

fn person(speaker: &Speaker, id: Option<&str>) -> Value {
    let mut person = Map::new();
    put(&mut person, "@id", id);
    person.insert("@type".into(), "Person".into());
    person.insert("name".into(), speaker.name.as_str().into());
    put(&mut person, "familyName", speaker.family_name.as_deref());
    put(&mut person, "givenName", speaker.given_name.as_deref());
    put(&mut person, "alternateName", speaker.label.as_deref());
    person.into()
}

/// `text_key`: the paragraphs joined by a blank line; `list_key`: the exact
/// list, only when splitting the text would not give it back.
fn paragraphs(
    node: &mut Map<String, Value>,
    text_key: &str,
    list_key: &str,
    paragraphs: &[String],
) {
    let text = join_paragraphs(paragraphs);
    let exact = split_paragraphs(&text) == paragraphs;
    node.insert(text_key.into(), text.into());
    if !exact {
        node.insert(list_key.into(), paragraphs.into());
    }
}

fn put(node: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        node.insert(key.into(), value.into());
    }
}

/// Whether `date` is an ISO 8601 calendar date (`2024-05-12`) or date-time
/// (`2024-05-12T09:30`, with optional seconds, fraction and offset), the
/// forms schema.org's `Date` and `DateTime` take.
pub fn is_iso_date(date: &str) -> bool {
    fn number(s: &[u8], range: std::ops::Range<usize>, max: u32) -> Option<u32> {
        let digits = s.get(range)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
        (n <= max).then_some(n)
    }
    let s = date.as_bytes();
    let date_ok = number(s, 0..4, 9999).is_some()
        && s.get(4) == Some(&b'-')
        && number(s, 5..7, 12).is_some_and(|m| m >= 1)
        && s.get(7) == Some(&b'-')
        && number(s, 8..10, 31).is_some_and(|d| d >= 1);
    if !date_ok {
        return false;
    }
    let Some(time) = s.get(10..).filter(|t| !t.is_empty()) else {
        return true;
    };
    let Some(time) = time.strip_prefix(b"T") else {
        return false;
    };
    if number(time, 0..2, 24).is_none()
        || time.get(2) != Some(&b':')
        || number(time, 3..5, 59).is_none()
    {
        return false;
    }
    let mut rest = &time[5..];
    if let Some(seconds) = rest.strip_prefix(b":") {
        if number(seconds, 0..2, 60).is_none() {
            return false;
        }
        rest = &seconds[2..];
        if let Some(fraction) = rest.strip_prefix(b".") {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            rest = &fraction[digits..];
        }
    }
    match rest {
        [] | [b'Z'] => true,
        [b'+' | b'-', offset @ ..] => {
            offset.len() == 5
                && number(offset, 0..2, 23).is_some()
                && offset[2] == b':'
                && number(offset, 3..5, 59).is_some()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        for ok in [
            "2024-05-12",
            "2024-05-12T09:30",
            "2024-05-12T09:30:05Z",
            "2024-05-12T09:30:05.123+08:00",
        ] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for no in [
            "2024年5月12日",
            "12 May 2024",
            "2024-5-12",
            "2024-13-01",
            "2024-05-12 09:30",
            "2024-05-12T9:30",
            "2024-05-12T09:30+8",
            "",
        ] {
            assert!(!is_iso_date(no), "{no}");
        }
    }

    #[test]
    fn paragraphs_join_and_split() {
        let p = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            split_paragraphs(&join_paragraphs(&p(&["a", "b c"]))),
            p(&["a", "b c"])
        );
        assert_eq!(split_paragraphs("a\n\n\n\nb"), p(&["a", "b"]));
        let mut node = Map::new();
        paragraphs(&mut node, "text", "paragraphs", &p(&["a\n", "b"]));
        assert_eq!(node["text"], "a\n\n\nb");
        assert_eq!(node["paragraphs"], json!(["a\n", "b"]));
        let mut node = Map::new();
        paragraphs(&mut node, "text", "paragraphs", &p(&["a", "b"]));
        assert!(!node.contains_key("paragraphs"));
    }
}
