//! Raw interview text → model.
//!
//! The reader works in three passes, each a small set of named rules:
//!
//! 1. **Lines.** Every non-blank line is trimmed and kept with its byte span;
//!    characters XML 1.0 forbids are removed with a warning.
//! 2. **Classification.** Each line is a question turn, an answer turn, a
//!    read count, or plain text ([`classify`]).
//! 3. **Assembly.** Lines before the first turn are the header (speaker,
//!    then role, then introduction); turns build exchanges; plain lines
//!    continue the current turn, one paragraph per line.
//!
//! Every non-blank line ends up in the model or in a diagnostic.
//!
//! The seed's layout, which this reader takes as canonical:
//!
//! ```text
//! LEE Hee-sup
//! Secretary-General of the Trilateral CooperationSecretariat (TCS)
//! Q: International exchange and cooperation is indispensable …?
//! A: We are witnessing the intensification of hightech competition …
//! “Sharing” and “collective endeavor” are both essential. …
//! 已阅读人数: 427
//! ```

use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Exchange, Interview, Precision, Role, Speaker};
use crate::read::Parsed;
use crate::source::Source;

/// A non-blank, trimmed line with its byte span in the source.
#[derive(Debug, Clone)]
struct Line {
    span: Range<usize>,
    text: String,
}

/// What a line is, by the rules in [`classify`].
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// `Q: text` or `问：text`; the text after the marker.
    Question(String),
    /// `A: text` or `答：text`; the text after the marker.
    Answer(String),
    /// A read-count line such as `已阅读人数: 427`.
    ReadCount(ReadCount),
    /// Anything else.
    Plain,
}

/// A read count as the page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadCount {
    /// The count as an integer (rounded, or the lower bound).
    pub value: u64,
    /// How exact `value` is.
    pub precision: Precision,
}

/// Reads raw interview text.
pub fn read(source: &Source) -> Parsed {
    let mut diagnostics = source.diagnostics();
    if source.is_binary() {
        let text = source.text();
        let at = text
            .find(|c: char| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            .unwrap_or(0);
        let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        diagnostics.push(
            Diagnostic::error(
                Code::BinaryData,
                "input looks like binary data, not text",
                at..end,
            )
            .expected("a raw interview text file"),
        );
        return Parsed {
            interview: None,
            diagnostics,
        };
    }
    let lines = lines(source, &mut diagnostics);
    if lines.is_empty() {
        diagnostics.push(
            Diagnostic::error(Code::EmptyInput, "input is empty", 0..0)
                .expected("a speaker line, a role line and `Q:`/`A:` exchanges"),
        );
        return Parsed {
            interview: None,
            diagnostics,
        };
    }
    let interview = Assembler::new(source, &mut diagnostics).assemble(&lines);
    Parsed {
        interview,
        diagnostics,
    }
}

/// Pass 1: non-blank lines, trimmed, with forbidden characters removed.
fn lines(source: &Source, diagnostics: &mut Vec<Diagnostic>) -> Vec<Line> {
    let mut out = Vec::new();
    // nearly every text is clean: one check for all its lines
    let clean = !has_xml_forbidden(source.text());
    for (range, raw) in source.lines() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = range.start + (raw.len() - raw.trim_start().len());
        let span = start..start + trimmed.len();
        if clean || !has_xml_forbidden(trimmed) {
            out.push(Line {
                span,
                text: trimmed.to_owned(),
            });
            continue;
        }
        let mut text = String::with_capacity(trimmed.len());
        for (i, c) in trimmed.char_indices() {
            if is_xml_forbidden(c) {
                let at = span.start + i;
                diagnostics.push(
                    Diagnostic::warning(
                        Code::ControlCharacter,
                        format!("control character U+{:04X} removed", u32::from(c)),
                        at..at + c.len_utf8(),
                    )
                    .expected("printable text (XML 1.0 allows no C0 controls but tab, LF, CR)"),
                );
            } else {
                text.push(c);
            }
        }
        if !text.trim().is_empty() {
            out.push(Line {
                span,
                text: text.trim().to_owned(),
            });
        }
    }
    out
}

/// Whether `text` holds a character XML 1.0 cannot carry: a C0 control
/// other than tab, line feed and carriage return (found by a branch-free
/// scan that vectorizes), or U+FFFE or U+FFFF (by substring search).
fn has_xml_forbidden(text: &str) -> bool {
    let control = text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(false, |seen, &b| {
            seen | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r'))
        })
    });
    control || text.contains("\u{fffe}") || text.contains("\u{ffff}")
}

/// Characters XML 1.0 cannot carry.
fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Pass 2: what a line is.
///
/// - **Question marker**: `Q` or `问`, optional spaces, a half- or full-width
///   colon: `Q: How?`, `问：如何？`.
/// - **Answer marker**: `A` or `答` likewise: `A: Thus.`, `答：如此。`.
/// - **Read count**: a known label, a colon or space, a count:
///   `已阅读人数: 427`, `阅读 1,234`, `阅读量：1.2万`, `Views: 1.2k`.
fn classify(text: &str) -> Kind {
    if let Some(rest) = strip_marker(text, &["Q", "问"]) {
        return Kind::Question(rest.to_owned());
    }
    if let Some(rest) = strip_marker(text, &["A", "答"]) {
        return Kind::Answer(rest.to_owned());
    }
    if let Some(count) = parse_read_count(text) {
        return Kind::ReadCount(count);
    }
    Kind::Plain
}

/// `MARKER[spaces](:|：)[spaces]rest` → `rest`.
fn strip_marker<'a>(text: &'a str, markers: &[&str]) -> Option<&'a str> {
    markers.iter().find_map(|marker| {
        let rest = text.strip_prefix(marker)?.trim_start();
        let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
        Some(rest.trim_start())
    })
}

/// Labels that introduce a read count, longest first so that `阅读量`
/// wins over `阅读`.
const READ_COUNT_LABELS: &[&str] = &[
    "已阅读人数",
    "阅读人数",
    "阅读次数",
    "阅读量",
    "閲覧数",
    "조회수",
    "阅读",
    "조회",
    "Views",
    "Reads",
    "views",
    "reads",
];

/// Parses a whole line as a read count: label, separator, number, suffix.
pub fn parse_read_count(text: &str) -> Option<ReadCount> {
    let rest = READ_COUNT_LABELS
        .iter()
        .find_map(|label| text.strip_prefix(label))?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('：'))
        .unwrap_or(rest)
        .trim();
    parse_count(rest)
}

/// `427`, `1,234`, `1.2万`, `9.92만`, `10万+`, `1.2k`, `100k+` → a count.
pub fn parse_count(text: &str) -> Option<ReadCount> {
    let (text, at_least) = match text.strip_suffix('+') {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    let (number, multiplier) = match text.char_indices().last() {
        Some((i, '万' | '萬' | '만')) => (&text[..i], 10_000u64),
        Some((i, '千' | '천' | 'k' | 'K')) => (&text[..i], 1_000),
        Some((i, 'm' | 'M')) => (&text[..i], 1_000_000),
        Some((i, '亿' | '억')) => (&text[..i], 100_000_000),
        _ => (text, 1),
    };
    let number = number.trim_end();
    if number.is_empty() || !number.chars().next()?.is_ascii_digit() {
        return None;
    }
    let digits: String = number.chars().filter(|&c| c != ',').collect();
    if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') || digits.matches('.').count() > 1 {
        return None;
    }
    if number.contains(',') && !well_grouped(number) {
        return None;
    }
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let whole: u64 = whole.parse().ok()?;
    let mut value = whole.checked_mul(multiplier)?;
    let mut rounded = multiplier > 1;
    if !fraction.is_empty() {
        if multiplier == 1 {
            return None;
        }
        let scale = 10u64.checked_pow(u32::try_from(fraction.len()).ok()?)?;
        let fraction: u64 = fraction.parse().ok()?;
        value = value.checked_add(fraction.checked_mul(multiplier)? / scale)?;
    } else if multiplier > 1 {
        rounded = true;
    }
    let precision = if at_least {
        Precision::AtLeast
    } else if rounded {
        Precision::Rounded
    } else {
        Precision::Exact
    };
    Some(ReadCount { value, precision })
}

/// `1,234,567` is grouped by threes; `12,34` is not a number.
fn well_grouped(number: &str) -> bool {
    let int = number.split('.').next().unwrap_or(number);
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// Pass 3: header, turns and read count into an [`Interview`].
struct Assembler<'s, 'd> {
    source: &'s Source,
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// The turn being built while assembling.
struct Open {
    line: Line,
    question: String,
    answer: Vec<String>,
}

impl<'s, 'd> Assembler<'s, 'd> {
    fn new(source: &'s Source, diagnostics: &'d mut Vec<Diagnostic>) -> Self {
        Assembler {
            source,
            diagnostics,
        }
    }

    fn assemble(mut self, lines: &[Line]) -> Option<Interview> {
        let kinds: Vec<Kind> = lines.iter().map(|l| classify(&l.text)).collect();
        let first_turn = kinds
            .iter()
            .position(|k| matches!(k, Kind::Question(_) | Kind::Answer(_)))
            .unwrap_or(lines.len());

        let mut read_count: Option<(ReadCount, String)> = None;
        let mut header = Vec::new();
        for (line, kind) in lines[..first_turn].iter().zip(&kinds) {
            match kind {
                Kind::ReadCount(count) => self.take_read_count(&mut read_count, line, *count),
                _ => header.push(line),
            }
        }
        let (speaker, role, introduction) = self.header(&header, lines.get(first_turn));

        let mut exchanges = Vec::new();
        let mut open: Option<Open> = None;
        for (line, kind) in lines[first_turn..].iter().zip(&kinds[first_turn..]) {
            match kind {
                Kind::Question(text) => {
                    if let Some(done) = open.take() {
                        self.close(done, &mut exchanges);
                    }
                    if text.is_empty() {
                        self.empty_turn(line, "question");
                    }
                    open = Some(Open {
                        line: line.clone(),
                        question: text.clone(),
                        answer: Vec::new(),
                    });
                }
                Kind::Answer(text) => match open.as_mut() {
                    Some(turn) => {
                        if text.is_empty() {
                            self.empty_turn(line, "answer");
                        } else {
                            turn.answer.push(text.clone());
                        }
                    }
                    _ => self.diagnostics.push(
                        Diagnostic::error(
                            Code::AnswerBeforeQuestion,
                            "answer before any question",
                            line.span.clone(),
                        )
                        .expected("a question line (`Q:` or `问：`) before the first answer"),
                    ),
                },
                Kind::ReadCount(count) => self.take_read_count(&mut read_count, line, *count),
                Kind::Plain => match open.as_mut() {
                    Some(turn) if !turn.answer.is_empty() => turn.answer.push(line.text.clone()),
                    Some(turn) => join_wrapped(&mut turn.question, &line.text),
                    None => self.diagnostics.push(
                        Diagnostic::error(
                            Code::AnswerBeforeQuestion,
                            "text before any question",
                            line.span.clone(),
                        )
                        .expected("a question line (`Q:` or `问：`) first"),
                    ),
                },
            }
        }
        if let Some(done) = open.take() {
            self.close(done, &mut exchanges);
        }

        if exchanges.is_empty() {
            let at = lines.last().map_or(0..0, |l| l.span.clone());
            self.diagnostics.push(
                Diagnostic::error(
                    Code::NoExchanges,
                    "no question-and-answer exchange found",
                    at,
                )
                .expected("`Q:` and `A:` lines (or `问：` and `答：`)"),
            );
        }
        if read_count.is_none() {
            let end = self.source.text().trim_end().len();
            let line = self.source.line_col(end).line;
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::NoReadCount,
                    "no read count",
                    self.source.line_range(line),
                )
                .expected("a footer such as `已阅读人数: 427`"),
            );
        }

        let speaker = speaker?;
        let language = detect_language(exchanges.iter().flat_map(|e: &Exchange| {
            std::iter::once(e.question.as_str()).chain(e.answer.iter().map(String::as_str))
        }));
        Some(Interview {
            headline: None,
            date: None,
            byline: None,
            speaker,
            role,
            interviewer: None,
            introduction,
            exchanges,
            read_count: read_count.as_ref().map(|(c, _)| c.value),
            read_count_precision: read_count.as_ref().map(|(c, _)| c.precision),
            read_count_text: read_count.map(|(_, text)| text),
            language,
            encoding: Some(self.source.encoding().name().to_owned()),
        })
    }

    /// Header lines: speaker, role, then introduction paragraphs.
    fn header(
        &mut self,
        header: &[&Line],
        first_turn: Option<&Line>,
    ) -> (Option<Speaker>, Option<Role>, Vec<String>) {
        let Some((name, rest)) = header.split_first() else {
            let at = first_turn.map_or(0..0, |l| l.span.clone());
            self.diagnostics.push(
                Diagnostic::error(
                    Code::MissingSpeaker,
                    "no speaker line before the first question",
                    at,
                )
                .expected("the interviewee's name on the first line, e.g. `LEE Hee-sup`"),
            );
            return (None, None, Vec::new());
        };
        let speaker = parse_name(&name.text);
        let role = rest.first().map(|line| parse_role(&line.text));
        let introduction: Vec<String> = rest.iter().skip(1).map(|l| l.text.clone()).collect();
        if let Some(first) = rest.get(1) {
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::Introduction,
                    format!(
                        "{} line(s) between the header and the first question kept as introduction",
                        introduction.len()
                    ),
                    first.span.clone(),
                )
                .expected("the first question right after the speaker and role lines"),
            );
        }
        (Some(speaker), role, introduction)
    }

    fn close(&mut self, turn: Open, exchanges: &mut Vec<Exchange>) {
        if turn.answer.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::QuestionWithoutAnswer,
                    "question has no answer",
                    turn.line.span.clone(),
                )
                .expected("an answer line (`A:` or `答：`) after the question"),
            );
            return;
        }
        if turn.question.is_empty() {
            return;
        }
        exchanges.push(Exchange {
            question: turn.question,
            answer: turn.answer,
            answered_by: None,
        });
    }

    fn empty_turn(&mut self, line: &Line, what: &str) {
        self.diagnostics.push(
            Diagnostic::error(
                Code::EmptyTurn,
                format!("{what} marker with no text"),
                line.span.clone(),
            )
            .expected(format!("the {what} text after the marker")),
        );
    }

    fn take_read_count(
        &mut self,
        slot: &mut Option<(ReadCount, String)>,
        line: &Line,
        count: ReadCount,
    ) {
        if slot.is_some() {
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::DuplicateReadCount,
                    "second read count ignored",
                    line.span.clone(),
                )
                .expected("one read-count line per interview"),
            );
        } else {
            *slot = Some((count, line.text.clone()));
        }
    }
}

/// Joins a hard-wrapped continuation line: a space between words, nothing
/// between CJK characters.
fn join_wrapped(paragraph: &mut String, next: &str) {
    let cjk_seam = paragraph.chars().next_back().is_some_and(is_cjk)
        && next.chars().next().is_some_and(is_cjk);
    if !paragraph.is_empty() && !cjk_seam {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// CJK ideographs, kana, Hangul and CJK punctuation: scripts written without
/// spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}')
}

/// A name as written; an all-capitals token (two letters or more) is the
/// family name and the rest the given name: `LEE Hee-sup`, `Hee-sup LEE`.
pub fn parse_name(text: &str) -> Speaker {
    let mut speaker = Speaker::named(text);
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.len() < 2 {
        return speaker;
    }
    let is_family = |t: &&str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    let families: Vec<usize> = (0..tokens.len())
        .filter(|&i| is_family(&tokens[i]))
        .collect();
    if let [family] = families[..] {
        let given: Vec<&str> = tokens
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != family)
            .map(|(_, t)| *t)
            .collect();
        speaker.family_name = Some(tokens[family].to_owned());
        speaker.given_name = Some(given.join(" "));
    }
    speaker
}

/// A role line as written, split when it has the shape
/// `TITLE of [the] ORGANIZATION [(ABBREVIATION)]` or
/// `TITLE, ORGANIZATION [(ABBREVIATION)]`.
pub fn parse_role(text: &str) -> Role {
    let mut role = Role {
        text: text.to_owned(),
        title: None,
        organization: None,
        abbreviation: None,
    };
    let (body, abbreviation) = match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((body, abbr)) if !abbr.is_empty() && !abbr.contains('(') => {
            (body.trim_end(), Some(abbr))
        }
        _ => (text, None),
    };
    let split = body
        .split_once(" of ")
        .or_else(|| body.split_once(", "))
        .or_else(|| body.split_once(" at "));
    if let Some((title, org)) = split {
        let org = org.strip_prefix("the ").unwrap_or(org).trim();
        let title = title.trim();
        if !title.is_empty() && !org.is_empty() {
            role.title = Some(title.to_owned());
            role.organization = Some(org.to_owned());
            role.abbreviation = abbreviation.map(str::to_owned);
        }
    }
    role
}

/// How many ASCII letters `text` holds: counted in blocks of 255 bytes
/// with byte counters and a branch-free test, so that the loop vectorizes.
fn count_ascii_letters(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                n + u8::from((b | 0x20).wrapping_sub(b'a') < 26)
            });
            usize::from(n)
        })
        .sum()
}

/// Whether one of the [`ENGLISH`] words stands in `text` as a whole word (a
/// run of ASCII letters, in any case).
///
/// Each 64-byte block becomes a bit mask of letters, eight bytes at a time
/// ([`letter_bits`]); word starts and lengths are read off the masks, so
/// that only words of two or three letters are compared.
fn has_english_word(text: &str) -> bool {
    fn mask(block: &[u8]) -> u64 {
        let mut words = block.chunks_exact(8);
        let mut mask = 0;
        for (i, word) in words.by_ref().enumerate() {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            mask |= letter_bits(word) << (8 * i);
        }
        let rest = words.remainder();
        let mut last = [0; 8];
        last[..rest.len()].copy_from_slice(rest);
        mask | (letter_bits(u64::from_le_bytes(last)) << ((8 * (block.len() / 8)) % 64))
    }
    let bytes = text.as_bytes();
    let mut blocks = bytes.chunks(64).map(mask).peekable();
    let mut last_was_letter = false;
    let mut at = 0;
    while let Some(current) = blocks.next() {
        let next = blocks.peek().copied().unwrap_or(0);
        // bit i of `ahead(k)` is whether the byte k places after i is a letter
        let ahead = |k: u32| (current >> k) | (next << (64 - k));
        let starts = current & !((current << 1) | u64::from(last_was_letter));
        let (one, two, three) = (ahead(1), ahead(2), ahead(3));
        let mut short = (starts & one & !two) | (starts & one & two & !three);
        while short != 0 {
            let start = at + short.trailing_zeros() as usize;
            short &= short - 1;
            let len = if two >> (start - at) & 1 == 1 { 3 } else { 2 };
            let word = &bytes[start..start + len];
            if ENGLISH
                .iter()
                .any(|e| word.eq_ignore_ascii_case(e.as_bytes()))
            {
                return true;
            }
        }
        last_was_letter = current >> 63 == 1;
        at += 64;
    }
    false
}

/// Which of the eight bytes of `word` (little-endian) are ASCII letters, as
/// the low eight bits: bit `k` for byte `k`.
///
/// Each byte is tested at once in the word's lanes: with its case bit set
/// and its top bit cleared (so that additions cannot carry between bytes),
/// a byte is a letter when adding 0x1f sets its top bit (it is at least
/// `a`) and adding 0x05 does not (it is below `{`), and it was ASCII to
/// begin with. A multiplication then gathers the eight top bits.
fn letter_bits(word: u64) -> u64 {
    const LANES: u64 = 0x0101_0101_0101_0101;
    let low = (word | (0x20 * LANES)) & (0x7f * LANES);
    let at_least_a = low + 0x1f * LANES;
    let past_z = low + 0x05 * LANES;
    let letters = at_least_a & !past_z & !word & (0x80 * LANES);
    (letters >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Common English words, one of which marks a Latin-script text as English.
const ENGLISH: [&str; 8] = ["the", "and", "of", "to", "is", "in", "we", "you"];

/// The main language by script: kana means Japanese, Hangul Korean, other
/// Han Chinese; Latin letters with common English words mean English.
pub fn detect_language<'a>(texts: impl Iterator<Item = &'a str>) -> Option<String> {
    let texts: Vec<&str> = texts.collect();
    let (mut han, mut kana, mut hangul, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for text in &texts {
        latin += count_ascii_letters(text);
        // other scripts, only in text that has them
        if !text.is_ascii() {
            for c in text.chars() {
                match c {
                    '\u{3040}'..='\u{30ff}' => kana += 1,
                    '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' => {
                        hangul += 1
                    }
                    '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' => han += 1,
                    _ => {}
                }
            }
        }
    }
    let cjk = han + kana + hangul;
    let lang = if cjk > 0 && cjk * 2 >= latin / 3 {
        if kana * 20 >= cjk {
            "ja"
        } else if hangul >= han {
            "ko"
        } else {
            "zh"
        }
    // English words are looked for only when the scripts leave it open
    } else if latin > 0 && texts.iter().any(|t| has_english_word(t)) {
        "en"
    } else {
        return None;
    };
    Some(lang.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn parse(text: &str) -> Parsed {
        read(&Source::from_text("t.txt", text))
    }

    #[test]
    fn markers_take_both_colons_and_no_space() {
        assert_eq!(classify("Q: Why?"), Kind::Question("Why?".into()));
        assert_eq!(classify("问：为什么？"), Kind::Question("为什么？".into()));
        assert_eq!(classify("A:Because."), Kind::Answer("Because.".into()));
        assert_eq!(classify("Quite: so"), Kind::Plain);
    }

    #[test]
    fn read_count_forms() {
        let c = |t| parse_read_count(t).map(|c| (c.value, c.precision));
        assert_eq!(c("已阅读人数: 427"), Some((427, Precision::Exact)));
        assert_eq!(c("阅读 1,234"), Some((1234, Precision::Exact)));
        assert_eq!(c("阅读量：1.2万"), Some((12000, Precision::Rounded)));
        assert_eq!(c("10万+"), None);
        assert_eq!(
            parse_count("10万+").map(|c| (c.value, c.precision)),
            Some((100_000, Precision::AtLeast))
        );
        assert_eq!(c("조회수 9.92만"), Some((99200, Precision::Rounded)));
        assert_eq!(c("Views: 1.2k"), Some((1200, Precision::Rounded)));
        assert_eq!(c("Views: 100k+"), Some((100_000, Precision::AtLeast)));
        assert_eq!(c("阅读 12,34"), None);
        assert_eq!(c("阅读使我快乐"), None);
        assert_eq!(c("已阅读人数: 99999999999999999999"), None);
    }

    #[test]
    fn name_with_capitalised_family_name() {
        let s = parse_name("LEE Hee-sup");
        assert_eq!(
            (s.family_name.as_deref(), s.given_name.as_deref()),
            (Some("LEE"), Some("Hee-sup"))
        );
        let s = parse_name("Hee-sup LEE");
        assert_eq!(s.family_name.as_deref(), Some("LEE"));
        assert_eq!(parse_name("李肇星").family_name, None);
        assert_eq!(parse_name("Jordan Smith").family_name, None);
    }

    #[test]
    fn role_shapes() {
        let r = parse_role("Secretary-General of the Trilateral CooperationSecretariat (TCS)");
        assert_eq!(r.title.as_deref(), Some("Secretary-General"));
        assert_eq!(
            r.organization.as_deref(),
            Some("Trilateral CooperationSecretariat")
        );
        assert_eq!(r.abbreviation.as_deref(), Some("TCS"));
        let r = parse_role("Director, Asian Development Bank");
        assert_eq!(r.organization.as_deref(), Some("Asian Development Bank"));
        let r = parse_role("Novelist");
        assert_eq!((r.title, r.organization), (None, None));
    }

    #[test]
    fn wrapped_question_joins_with_space_or_not() {
        let mut q = String::from("How do");
        join_wrapped(&mut q, "you see it?");
        assert_eq!(q, "How do you see it?");
        let mut q = String::from("您如何");
        join_wrapped(&mut q, "看待？");
        assert_eq!(q, "您如何看待？");
    }

    #[test]
    fn every_line_is_kept_or_reported() {
        let p = parse("Name\nRole\nIntro one\nQ: q\nA: a\nmore\n已阅读人数: 1\n阅读 2\n");
        let i = p.interview.unwrap();
        assert_eq!(i.introduction, vec!["Intro one"]);
        assert_eq!(i.exchanges[0].answer, vec!["a", "more"]);
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.code == Code::DuplicateReadCount)
        );
        assert!(p.diagnostics.iter().any(|d| d.code == Code::Introduction));
    }

    #[test]
    fn answer_before_question_is_an_error() {
        let p = parse("Name\nRole\nA: early\nQ: q\nA: a\n");
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.code == Code::AnswerBeforeQuestion && d.severity == Severity::Error)
        );
    }

    #[test]
    fn question_without_answer_is_an_error() {
        let p = parse("Name\nQ: one\nQ: two\nA: a\n");
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::QuestionWithoutAnswer)
            .unwrap();
        assert_eq!(d.span, Some(5..11));
    }

    #[test]
    fn control_characters_are_removed_and_reported() {
        let p = parse("Name\nQ: q\u{7}x\nA: a\n");
        assert_eq!(p.interview.unwrap().exchanges[0].question, "qx");
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.code == Code::ControlCharacter)
        );
    }

    #[test]
    fn forbidden_characters_are_found_bytewise() {
        for c in ('\u{0}'..='\u{ffff}')
            .step_by(7)
            .chain(['\u{fffe}', '\u{ffff}', '\u{7}', '\t', '\n', '\r', '\u{b}'])
        {
            let text = format!("ab{c}cd");
            assert_eq!(
                has_xml_forbidden(&text),
                text.chars().any(is_xml_forbidden),
                "{c:?}"
            );
        }
    }

    /// The plain reading of [`count_ascii_letters`] and [`has_english_word`].
    fn ascii_letters_naive(text: &str) -> (usize, bool) {
        let letters = text.bytes().filter(u8::is_ascii_alphabetic).count();
        let english = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| ENGLISH.iter().any(|e| w.eq_ignore_ascii_case(e)));
        (letters, english)
    }

    fn ascii_letters(text: &str) -> (usize, bool) {
        (count_ascii_letters(text), has_english_word(text))
    }

    #[test]
    fn ascii_letters_match_the_plain_reading() {
        let all: String = (0u8..=127).map(char::from).chain("é问A".chars()).collect();
        for text in [
            all.repeat(5),
            "the".to_owned(),
            "xthe".to_owned(),
            "THE end".to_owned(),
            format!("{}the{}", "a".repeat(61), " ".repeat(10)),
            format!("{} of", "x".repeat(62)),
            format!("{}and", "-".repeat(63)),
            format!("{}inx", " ".repeat(62)),
            "合作we合作".to_owned(),
        ] {
            assert_eq!(ascii_letters(&text), ascii_letters_naive(&text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_letters_agree_on_any_text(text in "([a-zA-Z]{0,4}[ ,.0-9问]{0,2}){0,80}") {
            proptest::prop_assert_eq!(ascii_letters(&text), ascii_letters_naive(&text));
        }
    }

    #[test]
    fn languages() {
        assert_eq!(
            detect_language(["We are what we do in the world"].into_iter()).as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language(["我们必须加强合作"].into_iter()).as_deref(),
            Some("zh")
        );
        assert_eq!(
            detect_language(["協力を強化しなければならない"].into_iter()).as_deref(),
            Some("ja")
        );
        assert_eq!(
            detect_language(["우리는 협력해야 합니다"].into_iter()).as_deref(),
            Some("ko")
        );
    }
}
