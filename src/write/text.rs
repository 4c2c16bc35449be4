//! Model → raw interview text in the seed's layout, so that reading the
//! output back gives the same model.
//!
//! The layout is the seed's: the speaker's name, the role, introduction
//! paragraphs, then `Q:`/`A:` exchanges (`问：`/`答：` for Chinese) with one
//! paragraph per line, then the read-count footer, and no blank lines.
//! Fields the seed does not show come first, each in the form the text
//! reader recognises: a headline line, a date line, a byline, an
//! `Interviewer:` line. A field is written bare when the reader would read
//! the bare line back as that field (`2024-05-12`, `By Jane Doe`), and
//! labelled otherwise (`Date: spring 2024`, `Byline: Jane Doe`,
//! `Interviewee: …`, `Role: …`, `# headline`).
//!
//! Speaker labels and panels are carried by the transcript itself: the
//! turns of a person with a label, and the answers that record who gave
//! them, are written `LABEL: …` (the others `Q:`/`A:`); a label that is not
//! part of the person's name is declared on its first use as
//! `NAME(LABEL): …`.
//!
//! A document without a speaker has no name line, and its headline, role
//! and introduction are labelled, so that the reader takes none of them for
//! a name; one whose text names someone all the same (a panelist, a
//! headline `Interview with …`) is refused (see [`check`]).

use std::collections::HashSet;
use std::io::{self, Write};

use super::{Unwritable, xml};
use crate::diagnostic::Code;
use crate::form::count::parse_read_count;
use crate::form::fields::{self as header, Field};
use crate::form::kind::{is_heading, is_plain_body_line};
use crate::form::labels::{self, matches_name};
use crate::form::{markers, names};
use crate::model::{Interview, Precision, Speaker};

/// Writes `interview` as raw interview text.
///
/// Fails with an [`io::ErrorKind::InvalidData`] error holding an
/// [`Unwritable`] when the text could not be read back as the same document
/// (see [`check`]); nothing is written then.
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    check(interview)?;
    let mut out = io::BufWriter::with_capacity(64 << 10, out);
    let mut lines = Lines {
        out: &mut out,
        error: None,
    };
    write_lines(interview, &mut lines);
    match lines.error {
        Some(err) => Err(err),
        None => out.flush(),
    }
}

/// Where the output goes, line by line as it is made: never held whole.
struct Lines<'w> {
    out: &'w mut dyn Write,
    /// The first error writing, after which nothing more is written.
    error: Option<io::Error>,
}

impl Lines<'_> {
    fn push(&mut self, line: impl AsRef<str>) {
        if self.error.is_none()
            && let Err(err) = writeln!(self.out, "{}", line.as_ref())
        {
            self.error = Some(err);
        }
    }
}

/// Checks that raw text can carry every text of `interview`, so that
/// reading the output back gives them unchanged: raw text is lines, each
/// trimmed, so no text may be empty, hold a line break, or start or end
/// with white space; the reader removes the characters XML 1.0 forbids
/// (U+0007 …); and `read_count_text` is the line the count is read from,
/// so it must read back as `read_count` (and its precision); a document
/// without a speaker must have no text that reads back as naming one. The
/// first text that breaks a rule is an [`Unwritable`] naming its JSON
/// pointer.
pub fn check(interview: &Interview) -> Result<(), Unwritable> {
    let line_problem = |text: &str| {
        let reason = if text.is_empty() {
            "is empty, which raw text cannot show".to_owned()
        } else if let Some(c) = text.chars().find(|&c| xml::is_forbidden(c)) {
            let reason = format!(
                "holds U+{:04X}, a control character raw text does not keep",
                u32::from(c)
            );
            return Some((Code::ControlCharacter, reason));
        } else if text.contains(['\n', '\r']) {
            "holds a line break, which raw text cannot carry (every text is one line)".to_owned()
        } else if text.trim() != text {
            "starts or ends with white space, which raw text does not keep".to_owned()
        } else if holds_inline_turn(text) {
            "holds a turn marker after a sentence (`…? A: …`), which raw text reads as a turn of its own"
                .to_owned()
        } else {
            return None;
        };
        Some((Code::Unwritable, reason))
    };
    if let Some(unwritable) = super::first_unwritable(interview, line_problem) {
        return Err(unwritable);
    }
    if let Some(unwritable) = marker_swallows(interview) {
        return Err(unwritable);
    }
    if interview.speaker.is_none()
        && let Some(unwritable) = names_someone(interview)
    {
        return Err(unwritable);
    }
    if let Some(unwritable) = label_lost(interview) {
        return Err(unwritable);
    }
    if let Some(text) = &interview.read_count_text {
        let back = parse_read_count(text);
        let model = interview.read_count;
        let same = back.is_some_and(|c| {
            Some(c.value) == model
                && interview
                    .read_count_precision
                    .is_none_or(|p| p == c.precision)
        });
        if !same {
            let reason = match (back, model) {
                (None, Some(n)) => format!(
                    "({text:?}) is no read count raw text can read back, so `read_count` {n} would be lost"
                ),
                (None, None) => format!(
                    "({text:?}) would read back as part of the last answer, not as a read count"
                ),
                (Some(c), Some(n)) => {
                    let precision = interview
                        .read_count_precision
                        .map_or(String::new(), |p| format!(", {}", p.as_str()));
                    format!(
                        "({text:?}) reads back as a read count of {} ({}), not `read_count` {n}{precision}",
                        c.value,
                        c.precision.as_str(),
                    )
                }
                (Some(c), None) => format!(
                    "({text:?}) reads back as a read count of {} the document does not have",
                    c.value
                ),
            };
            return Err(Unwritable {
                code: Code::Unwritable,
                pointer: "/read_count_text".into(),
                reason,
            });
        }
    }
    Ok(())
}

/// For a document without a speaker, the first text that would name one
/// when read back: a panelist's label (the reader takes the person who
/// answers by label for the interviewee), or a header line naming a person
/// (`Interview with Ines Carvalho`), who stands in for the missing name.
fn names_someone(interview: &Interview) -> Option<Unwritable> {
    let reason = |whom: &str| {
        format!(
            "names {whom}, whom raw text without a name line reads as the interviewee; the document has none"
        )
    };
    if let Some((i, by)) = interview
        .exchanges
        .iter()
        .enumerate()
        .find_map(|(i, e)| Some((i, e.answered_by.as_deref()?)))
    {
        return Some(Unwritable {
            code: Code::Unwritable,
            pointer: format!("/exchanges/{i}/answered_by"),
            reason: reason(&format!("`{by}`, who answers by label")),
        });
    }
    header_lines(interview)
        .into_iter()
        .find_map(|(pointer, line)| {
            let mention = names::mention(&line)?;
            Some(Unwritable {
                code: Code::Unwritable,
                pointer,
                reason: reason(&format!("`{}`", mention.name)),
            })
        })
}

/// Writes the output, line by line.
fn write_lines(interview: &Interview, out: &mut Lines<'_>) {
    for (_, line) in header_lines(interview) {
        out.push(line);
    }
    transcript(interview, out);
    match (&interview.read_count_text, interview.read_count) {
        (Some(text), _) => out.push(text),
        (None, Some(count)) => out.push(match interview.read_count_precision {
            Some(Precision::AtLeast) => format!("已阅读人数: {count}+"),
            _ => format!("已阅读人数: {count}"),
        }),
        (None, None) => {}
    }
}

/// The header's lines, each with the JSON pointer of the field it
/// shows: headline, date, byline, interviewer, the name, the role, the
/// introduction. Without a speaker no name line is written, and every
/// line the reader could take for one is labelled (`# …`, `Role: …`,
/// `Introduction: …`).
fn header_lines(interview: &Interview) -> Vec<(String, String)> {
    let mut lines = Vec::new();
    let unnamed = interview.speaker.is_none();
    let name_bare = interview
        .speaker
        .as_ref()
        .is_some_and(|speaker| name_is_bare(interview, speaker));

    if let Some(headline) = &interview.headline {
        let bare = !unnamed
            && header::read_alone(headline) == [Field::Plain]
            && !opens_turn(headline)
            && !header::is_name_like(headline)
            && header::name_with_label(headline).is_none()
            && header::name_and_role(headline).is_none();
        let line = if bare {
            headline.clone()
        } else {
            format!("# {headline}")
        };
        lines.push(("/headline".to_owned(), line));
    }
    if let Some(date) = &interview.date {
        let bare = header::read_alone(date) == [Field::Date(date.clone())];
        let line = if bare {
            date.clone()
        } else {
            format!("Date: {date}")
        };
        lines.push(("/date".to_owned(), line));
    }
    let mut interviewer_implied = false;
    if let Some(byline) = &interview.byline {
        let fields = header::read_alone(byline);
        let bare = match fields.first().filter(|_| fields.len() == 1).cloned() {
            Some(Field::Byline(b)) => b == *byline,
            Some(Field::Interviewer {
                byline: Some(b),
                name,
            }) => {
                let same = interview
                    .interviewer
                    .as_ref()
                    .is_some_and(|i| i.name == name);
                interviewer_implied = same;
                b == *byline && same
            }
            _ => false,
        };
        let line = if bare {
            byline.clone()
        } else {
            format!("Byline: {byline}")
        };
        lines.push(("/byline".to_owned(), line));
    }
    if let Some(interviewer) = &interview.interviewer
        && !interviewer_implied
    {
        let line = format!("Interviewer: {}", interviewer.name);
        lines.push(("/interviewer/name".to_owned(), line));
    }
    if let Some(speaker) = &interview.speaker {
        let line = if name_bare {
            declared_name(speaker).unwrap_or_else(|| speaker.name.clone())
        } else {
            // a label no turn carries is declared in the field's value
            let name = declared_name(speaker).unwrap_or_else(|| speaker.name.clone());
            format!("Interviewee: {name}")
        };
        lines.push(("/speaker/name".to_owned(), line));
    }
    if let Some(role) = &interview.role {
        let text = &role.text;
        let joins_next = interview.introduction.first().is_some_and(|next| {
            header::role_continues(text, next)
                || (interview.introduction.len() == 1
                    && header::is_title_like(next)
                    && !header::is_name_like(next))
        });
        let bare = !unnamed
            && header::read_alone(text) == [Field::Plain]
            && !opens_turn(text)
            && header::is_role_like(text)
            && header::name_and_role(text).is_none()
            && !joins_next;
        let line = if bare {
            text.clone()
        } else {
            format!("Role: {text}")
        };
        lines.push(("/role/text".to_owned(), line));
    }
    for (i, paragraph) in interview.introduction.iter().enumerate() {
        // bare unless the reader would read the line as something else
        // a field's key alone (`Interviewee:`) takes the next line as its
        // value
        let key = paragraph.trim_end_matches(markers::COLONS).trim();
        let ambiguous = unnamed
            || header::read_alone(paragraph) != [Field::Plain]
            || paragraph.ends_with(markers::COLONS)
            || header::is_field_key(key)
            || opens_turn(paragraph)
            || (i == 0 && interview.role.is_none() && header::is_role_like(paragraph));
        let line = if ambiguous {
            format!("Introduction: {paragraph}")
        } else {
            paragraph.clone()
        };
        lines.push((format!("/introduction/{i}"), line));
    }
    lines
}

/// Whether `speaker`'s name line can be written bare (`LEE Hee-sup`), the
/// reader sure to take it for the name, rather than `Interviewee: …`.
fn name_is_bare(interview: &Interview, speaker: &Speaker) -> bool {
    // in a labelled transcript the reader takes as the name only a header
    // line that names someone who answers
    let answer_labels: Vec<&str> = if is_panel(interview) {
        interview
            .exchanges
            .iter()
            .filter_map(|e| e.answered_by.as_deref())
            .collect()
    } else if let Some(label) = &speaker.label {
        vec![label.as_str()]
    } else {
        Vec::new()
    };
    let names_an_answerer = answer_labels.is_empty()
        || answer_labels
            .iter()
            .any(|l| matches_name(l, &speaker.name) || matches_name(&speaker.name, l));
    header::read_alone(&speaker.name) == [Field::Plain]
        && !opens_turn(&speaker.name)
        && header::is_name_like(&speaker.name)
        && header::name_with_label(&speaker.name).is_none()
        && header::name_and_role(&speaker.name).is_none()
        && names_an_answerer
        // the reader weighs every name the header holds: a bare name line
        // is sure to win only where no other line could name someone, or
        // where it declares the speaker's label (`NAME(LABEL)`)
        && ((interview.headline.is_none()
            && interview.byline.is_none()
            && interview.interviewer.is_none()
            && interview.introduction.is_empty())
            || declared_name(speaker).is_some())
}

/// The markers of the questions and the answers in the language of
/// `interview`.
fn turn_markers(interview: &Interview) -> (&'static str, &'static str) {
    if interview.language.as_deref() == Some("zh") {
        ("问：", "答：")
    } else {
        ("Q: ", "A: ")
    }
}

/// The first question or paragraph whose own opening the reader takes
/// into the marker before it (`答：A: …` reads as one marker, a role's
/// word before the page's own): raw text cannot carry it.
fn marker_swallows(interview: &Interview) -> Option<Unwritable> {
    let (q, a) = turn_markers(interview);
    let read_back = |marker: &str, text: &str| {
        let line = format!("{marker}{text}");
        markers::detect(&line).is_none_or(|m| m.body(&line) == text)
    };
    interview.exchanges.iter().enumerate().find_map(|(i, e)| {
        let pointer = if !read_back(q, &e.question) {
            format!("/exchanges/{i}/question")
        } else {
            let j = e.answer.iter().position(|p| !read_back(a, p))?;
            format!("/exchanges/{i}/answer/{j}")
        };
        Some(Unwritable {
            code: Code::Unwritable,
            pointer,
            reason: "opens with a turn marker, which raw text reads as part of the one before it"
                .to_owned(),
        })
    })
}

/// The exchanges: `Q:`/`A:` markers, or speaker labels when the model
/// carries labels or a panel.
fn transcript(interview: &Interview, out: &mut Lines<'_>) {
    let panel = is_panel(interview);
    let (q, a) = turn_markers(interview);
    let mut declared: HashSet<String> = HashSet::new();
    let mut turn = |who: Option<&Speaker>, label: Option<&str>, fallback: &str| -> String {
        let Some(label) = label.or(who.map(|s| s.name.as_str())) else {
            return fallback.to_owned();
        };
        let name = who.map(|s| s.name.as_str());
        // declared only where the reader could not tell whose label it is,
        // and only in the form it reads (`NAME(LABEL)` needs a label-like NAME)
        let needs_declaring =
            name.is_some_and(|n| !matches_name(label, n) && labels::is_label_like(n));
        let head = if needs_declaring && declared.insert(label.to_owned()) {
            format!("{}({label}): ", name.unwrap_or(label))
        } else {
            plain(label)
        };
        // a label that is also a marker word (`사회자:` asks) takes the
        // bullet form, which no marker rule reads; one the reader never
        // takes for a speaker (`Via`, `Date`) the plain marker, so that the
        // turn stays a turn (the speaker's is then declared on the name line)
        [head, bullet(label)]
            .into_iter()
            .find(|head| reads_as_label(head, label))
            .unwrap_or_else(|| fallback.to_owned())
    };
    let last = interview.exchanges.len().saturating_sub(1);
    for (n, exchange) in interview.exchanges.iter().enumerate() {
        // labels only where the model has them; `Q:`/`A:` otherwise
        let asker = interview.interviewer.as_ref().filter(|i| i.label.is_some());
        let question_marker = turn(asker, asker.and_then(|i| i.label.as_deref()), q);
        out.push(format!("{question_marker}{}", exchange.question));
        let speaker = interview.speaker.as_ref();
        let speaker_label = speaker.and_then(|s| s.label.as_deref());
        let answer_marker = match (&exchange.answered_by, speaker_label) {
            (Some(by), _) => {
                let who = speaker.filter(|_| speaker_label == Some(by.as_str()));
                turn(who, Some(by), a)
            }
            (None, Some(label)) if !panel => turn(speaker, Some(label), a),
            _ => a.to_owned(),
        };
        // the reader sets aside a short unmarked line closing an answer
        // before the next question as a heading: then every paragraph of
        // the answer repeats the marker, so that none is loose
        // and a quote opened in a paragraph runs on until it closes: an
        // answer holding quotes marks every paragraph too
        // and the reader takes a short last paragraph closing no sentence
        // off the last answer as page text: there too
        let marks_every_paragraph = exchange.answer.len() >= 2
            && (exchange.answer.last().is_some_and(|p| is_heading(p))
                || exchange.answer.iter().any(|p| leaves_a_quote_open(p))
                || n == last && exchange.answer[1..].iter().any(|p| !closes_a_sentence(p)));
        for (i, paragraph) in exchange.answer.iter().enumerate() {
            // a later paragraph that would read as a marker, label, read
            // count or share bar repeats the marker, which continues the answer
            // a line opening in lower case continues the one before it
            // (a wrapped line) unless a marker opens it
            let continues = paragraph.starts_with(char::is_lowercase);
            if i == 0 || marks_every_paragraph || continues || !is_plain_body_line(paragraph) {
                out.push(format!("{answer_marker}{paragraph}"));
            } else {
                out.push(paragraph);
            }
        }
    }
}

/// Whether `paragraph` ends with a full stop, a question or exclamation
/// mark or an ellipsis, before closing quotes.
fn closes_a_sentence(paragraph: &str) -> bool {
    paragraph
        .trim_end_matches(['"', '”', '’', '\'', '」', '』', ')', '）', '*'])
        .ends_with(['.', '?', '!', '。', '？', '！', '…', '．'])
}

/// Whether `text` holds a turn marker after a sentence's end (`How do you
/// see it? A: Like this.`): the reader cuts a line holding turns so.
fn holds_inline_turn(text: &str) -> bool {
    markers::sentence_starts(text)
        .into_iter()
        .any(|at| at > 0 && markers::detect(&text[at..]).is_some())
}

/// Whether `paragraph` opens a quote it does not close (`“ MARR: a`),
/// after which the reader runs the turn on to the closing quote.
fn leaves_a_quote_open(paragraph: &str) -> bool {
    let count = |c: char| paragraph.chars().filter(|&x| x == c).count();
    [
        ('“', '”'),
        ('「', '」'),
        ('『', '』'),
        ('‘', '’'),
        ('«', '»'),
    ]
    .iter()
    .any(|&(open, close)| count(open) > count(close))
        || count('"') % 2 == 1
}

/// The plain form of a turn, `LABEL: `.
fn plain(label: &str) -> String {
    format!("{label}: ")
}

/// The bullet form of a turn, `◎ LABEL > `.
fn bullet(label: &str) -> String {
    format!("◎ {label} > ")
}

/// Whether a turn opened by `head` reads back as spoken by `label`.
fn reads_as_label(head: &str, label: &str) -> bool {
    let probe = format!("{head}x");
    markers::detect(&probe).is_none() && labels::detect(&probe).is_some_and(|l| l.label == label)
}

/// A speaker's label that raw text cannot carry: no turn reads back as
/// spoken by it (`VIA:` is no label the reader takes), no answer records
/// it, and the name line cannot declare it (`For Via(VIA)` reads as no
/// name).
fn label_lost(interview: &Interview) -> Option<Unwritable> {
    let speaker = interview.speaker.as_ref()?;
    let label = speaker.label.as_deref()?;
    let carried = [plain(label), bullet(label)]
        .iter()
        .any(|head| reads_as_label(head, label))
        || declared_name(speaker).is_some();
    (!carried).then(|| Unwritable {
        code: Code::Unwritable,
        pointer: "/speaker/label".into(),
        reason: format!(
            "({label:?}) is a label raw text cannot carry: no turn reads back as spoken by it, and the name line cannot declare it"
        ),
    })
}

/// The name line `NAME(LABEL)` for a speaker whose label no turn can carry
/// (`Via` is no speaker's label in `Via: …`), when the header reads it back.
fn declared_name(speaker: &Speaker) -> Option<String> {
    let label = speaker.label.as_deref()?;
    if [plain(label), bullet(label)]
        .iter()
        .any(|head| reads_as_label(head, label))
    {
        return None;
    }
    let line = format!("{}({label})", speaker.name);
    let back = header::name_with_label(&line)?;
    (back == *speaker).then_some(line)
}

/// Whether a line would open a turn (a marker or a label-shaped prefix).
fn opens_turn(text: &str) -> bool {
    markers::detect(text).is_some() || labels::detect(text).is_some()
}

/// Whether answers record who gave them.
fn is_panel(interview: &Interview) -> bool {
    interview.exchanges.iter().any(|e| e.answered_by.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Exchange, Role};
    use crate::read::text::read;
    use crate::source::Source;

    fn round_trip(interview: &Interview) -> Interview {
        let mut out = Vec::new();
        write(interview, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        read(&Source::from_text("t", &text))
            .interview
            .unwrap_or_else(|| panic!("unreadable:\n{text}"))
    }

    fn base() -> Interview {
        Interview {
            headline: None,
            date: None,
            byline: None,
            speaker: Some(header::parse_name("LEE Hee-sup")),
            role: Some(header::parse_role("Secretary-General of the TCS")),
            interviewer: None,
            introduction: Vec::new(),
            exchanges: vec![Exchange {
                question: "Why cooperate?".into(),
                answer: vec!["Because we must.".into(), "And we can.".into()],
                answered_by: None,
            }],
            read_count: Some(427),
            read_count_precision: Some(Precision::Exact),
            read_count_text: Some("已阅读人数: 427".into()),
            language: Some("en".into()),
            encoding: Some("UTF-8".into()),
        }
    }

    #[test]
    fn a_paragraph_the_marker_before_it_would_swallow_is_refused() {
        let mut interview = base();
        interview.language = Some("zh".into());
        interview.exchanges[0].answer = vec!["好。".into(), "A: 是的。".into()];
        let refused = check(&interview).unwrap_err();
        assert_eq!(refused.pointer, "/exchanges/0/answer/1");
        // after `A: ` in English it reads back as written
        interview.language = Some("en".into());
        assert!(check(&interview).is_ok());
    }

    #[test]
    fn a_last_paragraph_closing_no_sentence_stays_in_the_last_answer() {
        let mut interview = base();
        let exchange = |answer: &[&str]| Exchange {
            question: "Why?".into(),
            answer: answer.iter().map(|p| (*p).to_owned()).collect(),
            answered_by: None,
        };
        interview.exchanges = vec![
            exchange(&["First one.", "Second one."]),
            exchange(&["Third one.", "Short and open", "Last one."]),
        ];
        assert_eq!(round_trip(&interview), interview);
    }

    #[test]
    fn seed_shape_is_written_as_the_seed() {
        let mut out = Vec::new();
        write(&base(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "LEE Hee-sup\nSecretary-General of the TCS\nQ: Why cooperate?\nA: Because we must.\nAnd we can.\n已阅读人数: 427\n"
        );
    }

    #[test]
    fn header_fields_survive() {
        let mut m = base();
        m.headline = Some("Cooperation is a matter of survival".into());
        m.date = Some("spring 2024".into());
        m.byline = Some("Interviewed by Jane Doe".into());
        m.interviewer = Some(header::parse_name("Jane Doe"));
        m.introduction = vec!["He spoke to us in Seoul.".into()];
        assert_eq!(round_trip(&m), m);
    }

    #[test]
    fn labels_and_panels_survive() {
        let mut m = base();
        m.speaker.as_mut().unwrap().label = Some("LEE".into());
        m.interviewer = Some(Speaker {
            label: Some("JD".into()),
            ..header::parse_name("Jane Doe")
        });
        assert_eq!(round_trip(&m), m);
        let mut m = base();
        m.role = Some(Role {
            text: "Panel".into(),
            title: None,
            organization: None,
            abbreviation: None,
        });
        m.exchanges = vec![
            Exchange {
                question: "What next?".into(),
                answer: vec!["Growth.".into()],
                answered_by: Some("KIM".into()),
            },
            Exchange {
                question: "What next?".into(),
                answer: vec!["Trade.".into()],
                answered_by: Some("SATO".into()),
            },
        ];
        m.language = None;
        assert_eq!(round_trip(&m), m);
    }

    #[test]
    fn a_label_no_turn_can_carry_is_declared_on_the_name_line() {
        let mut m = base();
        m.speaker = Some(Speaker {
            label: Some("VIA".into()),
            ..header::parse_name("Anna VIA")
        });
        let mut out = Vec::new();
        write(&m, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("Anna VIA(VIA)\n"), "{text}");
        assert!(text.contains("\nA: Because we must.\n"), "{text}");
        assert_eq!(round_trip(&m), m);
    }

    #[test]
    fn a_label_no_turn_carries_is_declared_or_refused() {
        let mut m = base();
        m.headline = Some("On the harbour".into());
        m.speaker = Some(Speaker {
            label: Some("VIA".into()),
            ..header::parse_name("Anna Via")
        });
        let mut out = Vec::new();
        write(&m, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Anna Via(VIA)\n"), "{text}");
        assert_eq!(round_trip(&m), m);
        // `For Via(VIA)` reads as no name: the label would be lost
        m.speaker = Some(Speaker {
            label: Some("VIA".into()),
            ..header::parse_name("For Via")
        });
        let refused = check(&m).expect_err("refused");
        assert_eq!(refused.pointer, "/speaker/label");
    }

    #[test]
    fn an_introduction_paragraph_that_is_a_fields_key_is_labelled() {
        // bare, `Interviewee:` would take the next line as its value
        let mut m = base();
        m.introduction = vec![
            "Interviewee:".into(),
            "게시일".into(),
            "A quiet talk.".into(),
        ];
        let mut out = Vec::new();
        write(&m, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\nIntroduction: Interviewee:\n"), "{text}");
        assert!(text.contains("\nIntroduction: 게시일\n"), "{text}");
        assert_eq!(round_trip(&m), m);
    }

    #[test]
    fn a_text_holding_turn_markers_after_a_sentence_is_refused() {
        // a page whose turns run on one line is cut at such markers: raw
        // text cannot promise to keep the paragraph whole
        let mut m = base();
        m.exchanges[0].answer[0] = "Why so? A: Because. Q: And?".into();
        let refused = check(&m).expect_err("refused");
        assert_eq!(refused.pointer, "/exchanges/0/answer/0");
        m.exchanges[0].answer[0] = "Plan A: build. Plan B: wait.".into();
        assert!(check(&m).is_ok());
    }

    #[test]
    fn what_raw_text_cannot_carry_is_refused_not_lost() {
        type Change = fn(&mut Interview);
        let cases: [(Change, &str); 6] = [
            (
                |m| m.read_count_text = Some("many readers".into()),
                "/read_count_text",
            ),
            (
                |m| m.read_count_precision = Some(Precision::Rounded),
                "/read_count_text",
            ),
            (
                |m| m.exchanges[0].answer[1] = "And\nwe can.".into(),
                "/exchanges/0/answer/1",
            ),
            (
                |m| m.exchanges[0].question = " Why cooperate? ".into(),
                "/exchanges/0/question",
            ),
            (
                |m| m.speaker.as_mut().unwrap().name = "LEE\nHee-sup".into(),
                "/speaker/name",
            ),
            (
                |m| m.role.as_mut().unwrap().text = "Secretary-General\u{7}".into(),
                "/role/text",
            ),
        ];
        for (change, pointer) in cases {
            let mut m = base();
            change(&mut m);
            // the loss is real: the text, read back, is another document
            let mut bytes = Vec::new();
            write_lines(
                &m,
                &mut Lines {
                    out: &mut bytes,
                    error: None,
                },
            );
            let text = String::from_utf8(bytes).unwrap();
            let back = read(&Source::from_text("t", &text)).interview;
            assert_ne!(back.as_ref(), Some(&m), "{pointer}: no loss in\n{text}");
            // so the writer refuses, naming the field, and writes nothing
            let mut out = Vec::new();
            let err = write(&m, &mut out).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidData);
            let unwritable = err.get_ref().unwrap().downcast_ref::<Unwritable>().unwrap();
            assert_eq!(unwritable.pointer, pointer, "{err}");
            assert!(out.is_empty());
        }
        // a count the line reads back as is kept, whatever its form
        let mut m = base();
        m.read_count = Some(12_000);
        m.read_count_precision = Some(Precision::Rounded);
        m.read_count_text = Some("阅读量：1.2万".into());
        assert_eq!(round_trip(&m), m);
    }

    #[test]
    fn an_interviewer_label_no_turn_can_carry_keeps_the_turns() {
        let mut m = base();
        m.interviewer = Some(Speaker {
            label: Some("Date".into()),
            ..header::parse_name("Jane Date")
        });
        let back = round_trip(&m);
        // the label is lost, the exchanges are not
        assert_eq!(back.exchanges, m.exchanges);
        assert_eq!(back.interviewer.map(|i| i.name), Some("Jane Date".into()));
    }
}
