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
//! | `speaker` | `about`, a `Person` with `@id` `_:interviewee`, `name`, `familyName`, `givenName`, `alternateName` (the label); no `about` when the text names no one and gives no role |
//! | `role` | on that `Person`: `description` (the line as written), `jobTitle`, `worksFor` (an `Organization` with `name` and `alternateName` for the abbreviation); a role without a speaker is a `Person` with no `name` |
//! | `introduction` | `abstract`, the paragraphs joined by a blank line (see below) |
//! | `exchanges` | `hasPart`: one `Question` per exchange with `position` (from 1), `text`, and `acceptedAnswer`, an `Answer` with `text` (the paragraphs joined by a blank line) and `author`: the interviewee's `@id` (none when there is no `about`), or a `Person` named `answered_by` |
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

use serde::Serialize;
use serde::ser::Serializer;
use serde_json::Value;

use crate::model::{Exchange, Interview, Role, Speaker};

pub use crate::vocabulary::jsonld::{
    INTERVIEWEE, SCHEMA_ORG, VOCABULARY, context, join_paragraphs, split_paragraphs,
};

/// Writes `interview` as pretty JSON-LD with a trailing newline, as it is
/// serialised: no copy of the document is made (a paragraph list joined
/// into one text is the largest thing held).
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 << 10, out);
    serde_json::to_writer_pretty(&mut out, &Document::of(interview))?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The JSON-LD document of `interview` as a whole [`Value`], for callers
/// that want to inspect it; [`write`] streams the same document without
/// building it.
pub fn document(interview: &Interview) -> Value {
    serde_json::to_value(Document::of(interview)).unwrap_or(Value::Null)
}

/// The JSON-LD document, borrowing the model: its fields serialise in the
/// order written here, which is the document's key order.
#[derive(Serialize)]
pub(crate) struct Document<'a> {
    #[serde(rename = "@context")]
    context: Value,
    #[serde(rename = "@type")]
    kind: &'static str,
    genre: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(rename = "dateText", skip_serializing_if = "Option::is_none")]
    date_text: Option<&'a str>,
    #[serde(rename = "creditText", skip_serializing_if = "Option::is_none")]
    credit_text: Option<&'a str>,
    #[serde(rename = "inLanguage", skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Person<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<Person<'a>>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    introduction: Option<&'a [String]>,
    #[serde(rename = "hasPart")]
    has_part: Questions<'a>,
    #[serde(
        rename = "interactionStatistic",
        skip_serializing_if = "Option::is_none"
    )]
    interaction_statistic: Option<Counter<'a>>,
    #[serde(rename = "sourceEncoding", skip_serializing_if = "Option::is_none")]
    source_encoding: Option<&'a str>,
}

impl<'a> Document<'a> {
    pub(crate) fn of(interview: &'a Interview) -> Self {
        let date = interview.date.as_deref();
        let iso = date.is_some_and(is_iso_date);
        let (summary, introduction) = if interview.introduction.is_empty() {
            (None, None)
        } else {
            let (text, list) = paragraphs(&interview.introduction);
            (Some(text), list)
        };
        let counted = interview.read_count.is_some()
            || interview.read_count_precision.is_some()
            || interview.read_count_text.is_some();
        Document {
            context: context(),
            kind: "NewsArticle",
            genre: "Interview",
            headline: interview.headline.as_deref(),
            date_published: date.filter(|_| iso),
            date_text: date.filter(|_| !iso),
            credit_text: interview.byline.as_deref(),
            in_language: interview.language.as_deref(),
            author: interview.interviewer.as_ref().map(|i| Person::of(i, None)),
            about: Person::interviewee(interview.speaker.as_ref(), interview.role.as_ref()),
            summary,
            introduction,
            has_part: Questions {
                exchanges: &interview.exchanges,
                interviewee: interview.speaker.is_some() || interview.role.is_some(),
            },
            interaction_statistic: counted.then(|| Counter {
                kind: "InteractionCounter",
                interaction_type: "ReadAction",
                user_interaction_count: interview.read_count,
                read_count_precision: interview.read_count_precision.map(|p| p.as_str()),
                read_count_text: interview.read_count_text.as_deref(),
            }),
            source_encoding: interview.encoding.as_deref(),
        }
    }
}

/// A `Person`: the interviewee (with `@id` and the role's parts) or the
/// interviewer.
#[derive(Serialize)]
struct Person<'a> {
    #[serde(rename = "@id", skip_serializing_if = "Option::is_none")]
    id: Option<&'static str>,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(rename = "familyName", skip_serializing_if = "Option::is_none")]
    family_name: Option<&'a str>,
    #[serde(rename = "givenName", skip_serializing_if = "Option::is_none")]
    given_name: Option<&'a str>,
    #[serde(rename = "alternateName", skip_serializing_if = "Option::is_none")]
    alternate_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(rename = "jobTitle", skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
    #[serde(rename = "worksFor", skip_serializing_if = "Option::is_none")]
    works_for: Option<Organization<'a>>,
}

impl<'a> Person<'a> {
    fn of(speaker: &'a Speaker, id: Option<&'static str>) -> Self {
        Person {
            id,
            kind: "Person",
            name: Some(&speaker.name),
            family_name: speaker.family_name.as_deref(),
            given_name: speaker.given_name.as_deref(),
            alternate_name: speaker.label.as_deref(),
            description: None,
            job_title: None,
            works_for: None,
        }
    }

    /// The interviewee, with the role's parts: a `Person` with no name
    /// when the text gives a role but names no one, none when it gives
    /// neither.
    fn interviewee(speaker: Option<&'a Speaker>, role: Option<&'a Role>) -> Option<Self> {
        if speaker.is_none() && role.is_none() {
            return None;
        }
        let mut about = match speaker {
            Some(speaker) => Person::of(speaker, Some(INTERVIEWEE)),
            None => Person {
                id: Some(INTERVIEWEE),
                kind: "Person",
                name: None,
                family_name: None,
                given_name: None,
                alternate_name: None,
                description: None,
                job_title: None,
                works_for: None,
            },
        };
        if let Some(role) = role {
            about.description = Some(&role.text);
            about.job_title = role.title.as_deref();
            if role.organization.is_some() || role.abbreviation.is_some() {
                about.works_for = Some(Organization {
                    kind: "Organization",
                    name: role.organization.as_deref(),
                    alternate_name: role.abbreviation.as_deref(),
                });
            }
        }
        Some(about)
    }
}

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(rename = "alternateName", skip_serializing_if = "Option::is_none")]
    alternate_name: Option<&'a str>,
}

/// The exchanges as `Question`s, each made as it is serialised.
struct Questions<'a> {
    exchanges: &'a [Exchange],
    /// Whether the document has an interviewee node (`about`) for an
    /// answer's `author` to point to; without one an answer no one is
    /// recorded as giving has no `author`.
    interviewee: bool,
}

impl Serialize for Questions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.exchanges.iter().enumerate().map(|(i, exchange)| {
            let (text, list) = paragraphs(&exchange.answer);
            Question {
                kind: "Question",
                position: i + 1,
                text: &exchange.question,
                accepted_answer: Answer {
                    kind: "Answer",
                    text,
                    paragraphs: list,
                    author: match &exchange.answered_by {
                        Some(name) => Some(Author::Person {
                            kind: "Person",
                            name,
                        }),
                        None => self
                            .interviewee
                            .then_some(Author::Interviewee { id: INTERVIEWEE }),
                    },
                },
            }
        }))
    }
}

#[derive(Serialize)]
struct Question<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    text: &'a str,
    #[serde(rename = "acceptedAnswer")]
    accepted_answer: Answer<'a>,
}

#[derive(Serialize)]
struct Answer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraphs: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Author<'a>>,
}

/// Who answered: the interviewee, by `@id`, or a panel member by name.
#[derive(Serialize)]
#[serde(untagged)]
enum Author<'a> {
    Person {
        #[serde(rename = "@type")]
        kind: &'static str,
        name: &'a str,
    },
    Interviewee {
        #[serde(rename = "@id")]
        id: &'static str,
    },
}

#[derive(Serialize)]
struct Counter<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "interactionType")]
    interaction_type: &'static str,
    #[serde(
        rename = "userInteractionCount",
        skip_serializing_if = "Option::is_none"
    )]
    user_interaction_count: Option<u64>,
    #[serde(rename = "readCountPrecision", skip_serializing_if = "Option::is_none")]
    read_count_precision: Option<&'static str>,
    #[serde(rename = "readCountText", skip_serializing_if = "Option::is_none")]
    read_count_text: Option<&'a str>,
}

/// The paragraphs joined by a blank line, and the exact list too when
/// splitting that text would not give it back.
fn paragraphs(paragraphs: &[String]) -> (String, Option<&[String]>) {
    let text = join_paragraphs(paragraphs);
    // `split_paragraphs(&text) == paragraphs`, without a copy of each
    let exact = text
        .split("\n\n")
        .filter(|p| !p.is_empty())
        .eq(paragraphs.iter().map(String::as_str));
    (text, (!exact).then_some(paragraphs))
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
        let list = p(&["a\n", "b"]);
        assert_eq!(paragraphs(&list), ("a\n\n\nb".to_owned(), Some(&list[..])));
        assert_eq!(paragraphs(&p(&["a", "b"])).1, None);
    }
}
