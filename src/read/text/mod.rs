//! Raw interview text → model.
//!
//! The reader is a few passes, each a small set of named rules in its own
//! module, documented with example inputs:
//!
//! 1. [`lines`]: non-blank lines with their spans; blocks between blank
//!    lines; whether paragraphs are one per line (the seed) or hard-wrapped.
//!    A transcript printed on one line is cut at its inline turn markers.
//! 2. Every line is classified: a read count ([`count`]), a question or
//!    answer marker ([`markers`]), a speaker label ([`labels`]), page
//!    furniture, or plain text.
//! 3. The document's **profile** is settled: which label-shaped prefixes
//!    really are speakers (they recur, are declared as in `김예람(김):`,
//!    name someone in the header, or answer a marked question), and who
//!    asks (a role or outlet label such as `记者` or `中国网`, the header's
//!    `Interviewed by …`, else whoever ends turns with question marks).
//! 4. Lines before the first question are the [`header`]: headline, date,
//!    byline, name, role, introduction.
//! 5. Turns build exchanges; unmarked lines continue the current turn (a
//!    wrapped line joins its paragraph; otherwise a new paragraph); after a
//!    question whose answers are never marked (`――なぜ？`) they are the
//!    answer. When several people answer, each exchange records who.
//!
//! Every non-blank line ends up in the model or in a diagnostic.
//!
//! The seed's layout, which the text writer produces too:
//!
//! ```text
//! LEE Hee-sup
//! Secretary-General of the Trilateral CooperationSecretariat (TCS)
//! Q: International exchange and cooperation is indispensable …?
//! A: We are witnessing the intensification of hightech competition …
//! “Sharing” and “collective endeavor” are both essential. …
//! 已阅读人数: 427
//! ```

pub(crate) mod artifacts;
pub(crate) mod body;
pub(crate) mod classify;
pub mod count;
pub(crate) mod fields;
pub(crate) mod header;
pub mod labels;
pub(crate) mod layout;
pub(crate) mod lines;
pub(crate) mod markers;
pub(crate) mod people;
pub(crate) mod readings;
pub(crate) mod words;

use std::collections::HashMap;

pub(crate) use classify::is_plain_body_line;
pub use count::{ReadCount, parse_count, parse_read_count};
pub use fields::{parse_name, parse_role};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Exchange, Interview};
use crate::read::Parsed;
use crate::source::Source;
use classify::Counted;
use lines::Line;

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
    let lines = split_glued(split_inline(lines::collect(source, &mut diagnostics)));
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
    flag_artifacts(&lines, &mut diagnostics);
    let interview = assemble(source, &lines, &mut diagnostics);
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    Parsed {
        interview,
        diagnostics,
    }
}

/// Cuts lines that hold a whole transcript at their inline turn markers.
///
/// Only where one line holds the whole transcript: a second such line, a
/// line that opens with a marker but holds no inline turns, a later line
/// opening with a speaker label, or an earlier one opening with the label
/// of one of the line's speakers means the page lays out turns line by
/// line, and `李肇星：…。中国网：…` inside an answer is a quote.
fn split_inline(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    // in order, stopping at the first sign of a page laid out line by line
    // (most pages: their second turn is on a line of its own)
    // the cuts of the lines that have any, by line index: most lines have
    // none, and a document may have millions of lines
    let mut cuts: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut first = None;
    // labels that opened earlier lines (bylines and other credits aside)
    let mut earlier_labels: Vec<String> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut line_cuts = markers::split_inline(&line.text);
        if line_cuts.is_empty() {
            line_cuts = inline_labels(&line.text);
        }
        if line_cuts.is_empty() {
            let label = labels::detect(&line.text);
            let line_level_turn =
                markers::detect(&line.text).is_some() || (first.is_some() && label.is_some());
            if line_level_turn {
                return lines;
            }
            if let Some(label) = label
                && fields::credit(&line.text).is_none()
            {
                earlier_labels.push(label.label);
            }
        } else {
            if first.replace(i).is_some() {
                // a second one-line transcript: these are quotes, not turns
                return lines;
            }
            // a speaker who had a line of their own before: turns are laid
            // out line by line, and this line's labels are quoted
            let had_a_line = std::iter::once(0)
                .chain(line_cuts.iter().copied())
                .filter_map(|at| labels::detect(&line.text[at..]))
                .any(|l| earlier_labels.contains(&l.label));
            if had_a_line {
                return lines;
            }
        }
        if !line_cuts.is_empty() {
            cuts.push((i, line_cuts));
        }
    }
    if first.is_none() {
        return lines;
    }
    cut(lines, cuts)
}

/// `lines` with each line of `cuts` (by index, in order) cut at its
/// offsets into parts, each trimmed and kept with its own span.
fn cut<'s>(lines: Vec<Line<'s>>, cuts: Vec<(usize, Vec<usize>)>) -> Vec<Line<'s>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut cuts = cuts.into_iter().peekable();
    for (i, line) in lines.into_iter().enumerate() {
        let Some((_, cuts)) = cuts.next_if(|(at, _)| *at == i) else {
            out.push(line);
            continue;
        };
        let bounds: Vec<usize> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .chain([line.text.len()])
            .collect();
        for pair in bounds.windows(2) {
            let part = &line.text[pair[0]..pair[1]];
            let lead = part.len() - part.trim_start().len();
            let len = part.trim().len();
            if len == 0 {
                continue;
            }
            // the text is the source's own, so offsets map one to one
            let start = pair[0] + lead;
            out.push(Line {
                span: line.span.start + start..line.span.start + start + len,
                text: line.part(start..start + len),
                block: line.block,
                hints: line.hints,
            });
        }
    }
    out
}

/// Cuts lines where a second speaker's label follows the first's turn on
/// the same line, as broadcast transcripts glue an answer to its question:
///
/// ```text
/// DANA WHITLOCK: What was the hardest decision?    PAUL AMBERLEY: The order to cut power.
/// ```
///
/// The line opens with a label, and after a sentence's end comes the label
/// of another speaker who opens lines of their own elsewhere: a name in a
/// turn that no line opens with (`I told Marr: no`) is text.
fn split_glued(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    // a glued line holds two colons at least (or a dash label's): most
    // pages have none, and then no line needs its label read here
    let colons = |t: &str| t.matches(markers::COLONS).take(2).count();
    let glued = |line: &Line<'_>| {
        colons(&line.text) >= 2
            && labels::detect(&line.text).is_some()
            && markers::sentence_starts(&line.text)
                .into_iter()
                .any(|at| labels::detect(&line.text[at..]).is_some())
    };
    if !lines.iter().any(glued) {
        return lines;
    }
    // labels that open lines, and how often
    let mut openers: HashMap<String, usize> = HashMap::new();
    let opened: Vec<Option<String>> = lines
        .iter()
        .map(|line| {
            let label = labels::detect(&line.text)?.label;
            *openers.entry(label.clone()).or_default() += 1;
            Some(label)
        })
        .collect();
    if openers.len() < 2 {
        return lines;
    }
    let mut cuts: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(own) = &opened[i] else { continue };
        let line_cuts: Vec<usize> = markers::sentence_starts(&line.text)
            .into_iter()
            .filter(|&at| {
                labels::detect(&line.text[at..]).is_some_and(|l| {
                    &l.label != own && openers.get(&l.label).is_some_and(|&n| n >= 2)
                })
            })
            .collect();
        if !line_cuts.is_empty() {
            cuts.push((i, line_cuts));
        }
    }
    if cuts.is_empty() {
        return lines;
    }
    cut(lines, cuts)
}

/// Offsets of speaker labels inside a one-line transcript
/// (`中国网：…？李肇星：…。中国网：…`): the line opens with a label, and
/// labels after a sentence end give at least two speakers, one of them
/// speaking twice.
fn inline_labels(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    // a one-line transcript opens with a turn
    let Some(first) = labels::detect(text) else {
        return cuts;
    };
    let mut found = vec![first];
    for at in markers::sentence_starts(text) {
        if let Some(label) = labels::detect(&text[at..]) {
            found.push(label);
            cuts.push(at);
        }
    }
    // `MARR:` and `ANDREW MARR:` are one speaker
    let aliases = labels::aliases(found.iter().map(|l| (l.label.as_str(), l.full.is_some())));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for label in &found {
        let person = aliases.get(&label.label).unwrap_or(&label.label);
        *seen.entry(person).or_default() += 1;
    }
    let speakers_ok = seen.len() >= 2 && seen.values().any(|&n| n >= 2);
    if speakers_ok && cuts.len() >= 2 {
        cuts
    } else {
        Vec::new()
    }
}

fn flag_artifacts(lines: &[Line<'_>], diagnostics: &mut Vec<Diagnostic>) {
    for line in lines {
        for artifact in artifacts::find(&line.text, line.hints) {
            // the line text is the source's own, trimmed: offsets carry over
            // unless control characters were removed (then the span is the line)
            let span = if line.text.len() == line.span.len() {
                line.span.start + artifact.range.start..line.span.start + artifact.range.end
            } else {
                line.span.clone()
            };
            diagnostics.push(
                Diagnostic::warning(
                    Code::ExtractionArtifact,
                    format!(
                        "likely extraction artifact: {} in `{}`",
                        artifact.what,
                        &line.text[artifact.range.clone()]
                    ),
                    span,
                )
                .expected("text as published (the source is kept as written, not repaired)"),
            );
        }
    }
}

/// The passes after the lines: classify, layout, header, body, people,
/// language; each returns its result and its diagnostics.
fn assemble(
    source: &Source,
    lines: &[Line<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Interview> {
    let page = classify::page(lines);
    let (rules, known) = layout::infer(&page);
    let readings::Chosen {
        profile,
        first,
        mut body,
        doubt,
    } = readings::choose(&page, rules);
    diagnostics.extend(doubt);
    let entries = layout::header_entries(&page, known, first);
    let mut header = header::read(&page, &entries, &profile);
    diagnostics.append(&mut header.diagnostics);
    diagnostics.append(&mut body.diagnostics);
    let read_count = read_count(
        source,
        header.counts.drain(..).chain(body.counts.drain(..)),
        diagnostics,
    );
    if body.exchanges.is_empty() {
        let at = lines.last().map_or(0..0, |l| l.span.clone());
        diagnostics.push(
            Diagnostic::error(
                Code::NoExchanges,
                "no question-and-answer exchange found",
                at,
            )
            .expected("`Q:` and `A:` lines (or `问：` and `答：`, or speaker labels)"),
        );
    }
    let people = match people::settle(&page, &mut header, &mut body, &profile) {
        Ok(people) => people,
        Err(missing) => {
            diagnostics.push(missing);
            return None;
        }
    };
    if let Some(why) = fields::doubt_name(&people.speaker.name) {
        let at = header
            .speaker_span
            .clone()
            .or_else(|| lines.first().map(|l| l.span.clone()))
            .unwrap_or(0..0);
        diagnostics.push(
            Diagnostic::warning(
                Code::DoubtfulSpeaker,
                format!("the name read, `{}`, {why}", people.speaker.name),
                at,
            )
            .expected("the interviewee's name (a profile can pin which line holds it)"),
        );
    }
    let exchanges = body.exchanges;
    let language = detect_language(exchanges.iter().flat_map(|e: &Exchange| {
        std::iter::once(e.question.as_str()).chain(e.answer.iter().map(String::as_str))
    }));
    Some(Interview {
        headline: header.headline,
        date: header.date,
        byline: header.byline,
        speaker: people.speaker,
        role: header.role.map(|r| parse_role(&r)),
        interviewer: people.interviewer,
        introduction: header.introduction,
        exchanges,
        read_count: read_count.as_ref().map(|c| c.count.value),
        read_count_precision: read_count.as_ref().map(|c| c.count.precision),
        read_count_text: read_count.map(|c| c.text),
        language,
        encoding: Some(source.encoding().name().to_owned()),
    })
}

/// The read count: the first count line of the page; later ones are
/// reported, and a page with none is too.
fn read_count(
    source: &Source,
    mut counts: impl Iterator<Item = Counted>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Counted> {
    let first = counts.next();
    for later in counts {
        diagnostics.push(
            Diagnostic::warning(
                Code::DuplicateReadCount,
                "second read count ignored",
                later.span,
            )
            .expected("one read-count line per interview"),
        );
    }
    if first.is_none() {
        let end = source.text().trim_end().len();
        let line = source.line_col(end).line;
        diagnostics.push(
            Diagnostic::warning(Code::NoReadCount, "no read count", source.line_range(line))
                .expected("a footer such as `已阅读人数: 427`"),
        );
    }
    first
}

/// Whether `text` holds a common English word (`the`, `and`, `of`, `to`,
/// `is`, `in`, `we`, `you`, in any case), the sign of an English text among
/// Latin ones.
///
/// Branch-free over every offset of a block of them, so that the compiler
/// vectorises it, stopping at the first block that holds a word: the text
/// is looked at through windows of five bytes (the byte before a word
/// and four from its start), lowercased by setting bit 5 (which keeps
/// letters letters and everything else not a letter), in place; the few
/// windows at either end read a space beyond the text.
fn has_english_word(text: &[u8]) -> bool {
    let letter = crate::bytes::is_letter;
    let two = |a: u8, b: u8, w: &[u8; 2]| (a == w[0]) & (b == w[1]);
    let three = |a: u8, b: u8, c: u8, w: &[u8; 3]| (a == w[0]) & (b == w[1]) & (c == w[2]);
    // whether a word of the list starts after `before`, lowercased
    let word = |before: u8, c0: u8, c1: u8, c2: u8, c3: u8| {
        let (c0, c1, c2) = (c0 | 0x20, c1 | 0x20, c2 | 0x20);
        let short = two(c0, c1, b"of")
            | two(c0, c1, b"to")
            | two(c0, c1, b"is")
            | two(c0, c1, b"in")
            | two(c0, c1, b"we");
        let long =
            three(c0, c1, c2, b"the") | three(c0, c1, c2, b"and") | three(c0, c1, c2, b"you");
        !letter(before) & ((short & !letter(c2)) | (long & !letter(c3)))
    };
    // the windows from the byte before each start, a block at a time: no
    // early exit inside one, which would keep it from vectorising; the
    // text's first byte has none before it
    let at = |i: usize| text.get(i).copied().unwrap_or(b' ');
    let mut any = word(b' ', at(0), at(1), at(2), at(3));
    if any {
        return true;
    }
    crate::bytes::blocks::<32, 36>(text, b' ', |b, _| {
        let windows = b[..32]
            .iter()
            .zip(&b[1..33])
            .zip(&b[2..34])
            .zip(&b[3..35])
            .zip(&b[4..]);
        any = windows.fold(any, |any, ((((&before, &c0), &c1), &c2), &c3)| {
            any | word(before, c0, c1, c2, c3)
        });
        !any
    });
    any
}

/// Kana, Hangul and Han characters in `bytes` (UTF-8).
///
/// Every character counted takes three bytes in UTF-8, and its range shows
/// in the lead byte and the next one or two: `E3 81..83` is kana, `E5..E9`
/// Han, `EB..EC` Hangul, and so on. Each three-byte window is tested with
/// byte comparisons only, branch-free, into `u8` counts over blocks too
/// short to overflow them, so that the compiler vectorises the loop. The
/// bytes are UTF-8: a window that reads past the end starts with no lead
/// byte of a three-byte character.
fn cjk_counts(bytes: &[u8]) -> (usize, usize, usize) {
    let in_range = |x: u8, lo: u8, hi: u8| crate::bytes::within(x, lo, hi - lo + 1);
    let (mut kana, mut hangul, mut han) = (0, 0, 0);
    // windows past the end read spaces, which start no character counted
    // (and in UTF-8 neither of the last two bytes leads a three-byte one)
    crate::bytes::blocks::<64, 66>(bytes, b' ', |b, _| {
        let windows = b[..64].iter().zip(&b[1..65]).zip(&b[2..]);
        let (k, g, h) = windows.fold((0u8, 0u8, 0u8), |(k, g, h), ((&b0, &b1), &b2)| {
            let e3 = b0 == 0xE3;
            // U+3040..U+30FF
            let is_kana = e3 & in_range(b1, 0x81, 0x83);
            // U+3130..U+318F, U+AC00..U+D7AF, U+1100..U+11FF
            let is_hangul = (e3
                & (((b1 == 0x84) & (b2 >= 0xB0)) | (b1 == 0x85) | ((b1 == 0x86) & (b2 <= 0x8F))))
                | ((b0 == 0xEA) & (b1 >= 0xB0))
                | in_range(b0, 0xEB, 0xEC)
                | ((b0 == 0xED) & ((b1 < 0x9E) | ((b1 == 0x9E) & (b2 <= 0xAF))))
                | ((b0 == 0xE1) & in_range(b1, 0x84, 0x87));
            // U+3400..U+4DBF, U+4E00..U+9FFF
            let is_han =
                (e3 & (b1 >= 0x90)) | ((b0 == 0xE4) & (b1 != 0xB7)) | in_range(b0, 0xE5, 0xE9);
            (
                k + u8::from(is_kana),
                g + u8::from(is_hangul),
                h + u8::from(is_han),
            )
        });
        kana += usize::from(k);
        hangul += usize::from(g);
        han += usize::from(h);
        true
    });
    (kana, hangul, han)
}

/// How much of the texts is looked at for English words: English prose has
/// one in its first sentence, and a long Latin text without one in its
/// first 4 KiB is not English (it is word lists, names, or another
/// language).
const ENGLISH_SAMPLE: usize = 4096;

/// At most `budget` bytes of `bytes`, not cut inside a word (which could
/// leave `to` of `together`).
fn english_sample(bytes: &[u8], budget: usize) -> &[u8] {
    let mut end = bytes.len().min(budget);
    if end < bytes.len() {
        let letter = crate::bytes::is_letter;
        while end > 0 && letter(bytes[end]) && letter(bytes[end - 1]) {
            end -= 1;
        }
    }
    &bytes[..end]
}

/// The main language by script: kana means Japanese, Hangul Korean, other
/// Han Chinese; Latin letters with common English words mean English.
pub fn detect_language<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Option<String> {
    let (mut han, mut kana, mut hangul, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for text in texts.clone() {
        let bytes = text.as_bytes();
        // branch-free byte scans the compiler vectorises; CJK characters
        // only where there are non-ASCII bytes
        let (letters, ascii) = crate::bytes::count_and_ascii(bytes, crate::bytes::is_letter);
        latin += letters;
        if ascii {
            continue;
        }
        let (k, g, h) = cjk_counts(bytes);
        kana += k;
        hangul += g;
        han += h;
    }
    language_by_counts(kana, hangul, han, latin, || {
        let mut budget = ENGLISH_SAMPLE;
        texts.into_iter().any(|text| {
            let sample = english_sample(text.as_bytes(), budget);
            budget -= sample.len();
            !sample.is_empty() && has_english_word(sample)
        })
    })
    .map(str::to_owned)
}

/// The language rule on the counts of kana, Hangul, Han and Latin letters;
/// `english` is asked only when the scripts leave English possible.
fn language_by_counts(
    kana: usize,
    hangul: usize,
    han: usize,
    latin: usize,
    english: impl FnOnce() -> bool,
) -> Option<&'static str> {
    let cjk = han + kana + hangul;
    if cjk > 0 && cjk * 2 >= latin / 3 {
        Some(if kana * 20 >= cjk {
            "ja"
        } else if hangul >= han {
            "ko"
        } else {
            "zh"
        })
    } else if latin > 0 && english() {
        Some("en")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn parse(text: &str) -> Parsed {
        read(&Source::from_text("t.txt", text))
    }

    proptest::proptest! {
        #[test]
        fn english_words_are_found_as_a_word_split_finds_them(
            text in "[a-zA-Z .,中é]{0,90}(the|THE|of|In|you|to|is|we|and)?[a-zA-Z .,中é]{0,90}"
        ) {
            let words = ["the", "and", "of", "to", "is", "in", "we", "you"];
            let split = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| words.iter().any(|e| e.eq_ignore_ascii_case(w)));
            proptest::prop_assert_eq!(has_english_word(text.as_bytes()), split);
        }
    }

    /// Kana, Hangul, Han and Latin letters, counted character by character.
    fn counts_by_chars(text: &str) -> (usize, usize, usize, usize) {
        let (mut kana, mut hangul, mut han, mut latin) = (0, 0, 0, 0);
        for c in text.chars() {
            match c {
                '\u{3040}'..='\u{30ff}' => kana += 1,
                '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' => {
                    hangul += 1
                }
                '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' => han += 1,
                c if c.is_ascii_alphabetic() => latin += 1,
                _ => {}
            }
        }
        (kana, hangul, han, latin)
    }

    /// The language rule, written plainly, character by character.
    fn language_by_chars(text: &str) -> Option<String> {
        let (kana, hangul, han, latin) = counts_by_chars(text);
        let english = || {
            text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
                ["the", "and", "of", "to", "is", "in", "we", "you"]
                    .iter()
                    .any(|e| e.eq_ignore_ascii_case(w))
            })
        };
        language_by_counts(kana, hangul, han, latin, english).map(str::to_owned)
    }

    proptest::proptest! {
        #[test]
        fn language_scan_is_the_rule(
            text in "[a-zA-Z the of 中国韩한국ひらカナ\u{3000}\u{4dbf}\u{3130}\u{11ff}é。]{0,40}"
        ) {
            proptest::prop_assert_eq!(
                detect_language(std::iter::once(text.as_str())),
                language_by_chars(&text)
            );
        }
    }

    #[test]
    fn cjk_counts_agree_with_the_ranges_on_every_bmp_character() {
        let all: String = (0x800u32..=0xFFFF).filter_map(char::from_u32).collect();
        let (kana, hangul, han, _) = counts_by_chars(&all);
        assert_eq!(cjk_counts(all.as_bytes()), (kana, hangul, han));
    }

    #[test]
    fn an_answer_glued_to_its_question_by_its_speakers_label_is_cut_off() {
        let p = parse(
            "DANA WHITLOCK: Thank you for coming.\nPAUL AMBERLEY: Happy to be here.\n\
             DANA WHITLOCK: What was the hardest call?    PAUL AMBERLEY: Cutting power.\n\
             DANA WHITLOCK: Would you make it again? I told Marr: no.\nPAUL AMBERLEY: Yes.\n",
        );
        let interview = p.interview.expect("a model");
        let exchanges: Vec<(&str, &str)> = interview
            .exchanges
            .iter()
            .map(|e| (e.question.as_str(), e.answer[0].as_str()))
            .collect();
        assert_eq!(
            exchanges,
            [
                ("Thank you for coming.", "Happy to be here."),
                ("What was the hardest call?", "Cutting power."),
                ("Would you make it again? I told Marr: no.", "Yes."),
            ]
        );
    }

    #[test]
    fn labels_quoted_in_a_turn_after_their_speakers_own_lines_stay_text() {
        let p = parse(
            "Interviewed by Andrew Marr\nInterviewee: LEE Hee-sup\nMARR: A\n\
             LEE Hee-sup(李肇星): a\nMARR: a AA\n李肇星: 您好！李肇星：你好。中国网：再见。\n",
        );
        let interview = p.interview.expect("a model");
        assert_eq!(
            interview.exchanges[1].answer,
            ["您好！李肇星：你好。中国网：再见。"]
        );
    }

    proptest::proptest! {
        /// The window scan is the word-by-word rule, at either end of the
        /// text too.
        #[test]
        fn english_word_scan_is_the_rule(text in "[tTheEofinwWyuad .,中]{0,12}") {
            let plain = text.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
                ["the", "and", "of", "to", "is", "in", "we", "you"]
                    .iter()
                    .any(|e| e.eq_ignore_ascii_case(w))
            });
            proptest::prop_assert_eq!(has_english_word(text.as_bytes()), plain);
        }
    }

    #[test]
    fn english_words_are_whole_words_in_any_case() {
        assert!(has_english_word(b"The end"));
        assert!(has_english_word(b"all OF it"));
        assert!(has_english_word(b"you"));
        assert!(has_english_word("我们in中国".as_bytes()));
        assert!(!has_english_word(b"theory, tone, island, youth"));
        assert!(!has_english_word(b"Sustainable energy policy"));
        assert!(!has_english_word(b"xthe"));
        // at the end of a text of any length (the scan goes by blocks)
        for n in 0..100 {
            let text = format!("{} we", "x".repeat(n));
            assert!(has_english_word(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn english_words_are_looked_for_in_a_sample_cut_between_words() {
        assert_eq!(english_sample(b"policy together", 9), b"policy ");
        assert_eq!(english_sample(b"policy together", 7), b"policy ");
        assert_eq!(english_sample(b"policy", 100), b"policy");
        let latin = "Sustainable energy policy. ".repeat(200);
        let late = format!("{latin}We are here.");
        assert_eq!(detect_language([late.as_str()].into_iter()), None);
        assert_eq!(
            detect_language(["Sustainable energy policy.", "We are here."].into_iter()).as_deref(),
            Some("en")
        );
    }

    fn codes(p: &Parsed) -> Vec<Code> {
        p.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn every_line_is_kept_or_reported() {
        let p = parse("Name\nRole\nIntro one\nQ: q\nA: a\nmore\n已阅读人数: 1\n阅读 2\n");
        assert!(codes(&p).contains(&Code::DuplicateReadCount));
        assert!(codes(&p).contains(&Code::Introduction));
        let i = p.interview.unwrap();
        assert_eq!(i.introduction, vec!["Intro one"]);
        assert_eq!(i.exchanges[0].answer, vec!["a", "more"]);
    }

    #[test]
    fn an_answer_before_any_question_is_set_aside_and_the_rest_kept() {
        let p = parse("Name\nRole\nA: early\nQ: q\nA: a\n");
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::AnswerBeforeQuestion)
            .unwrap();
        assert_eq!(
            (d.severity, d.span.clone()),
            (Severity::Warning, Some(10..18))
        );
        let i = p.interview.unwrap();
        assert_eq!(i.exchanges.len(), 1);
        assert_eq!(i.exchanges[0].answer, ["a"]);
    }

    #[test]
    fn a_question_without_answer_is_set_aside_and_the_rest_kept() {
        let p = parse("Name\nQ: one\nQ: two\nA: a\n");
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::QuestionWithoutAnswer)
            .unwrap();
        assert_eq!(
            (d.severity, d.span.clone()),
            (Severity::Warning, Some(5..11))
        );
        let i = p.interview.unwrap();
        assert_eq!(i.exchanges.len(), 1);
        assert_eq!(i.exchanges[0].question, "two");
        // only a page with no exchange at all is an error
        let p = parse("Name\nQ: one\nQ: two\n");
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.code == Code::NoExchanges && d.severity == Severity::Error)
        );
    }

    #[test]
    fn control_characters_are_removed_and_reported() {
        let p = parse("Name\nQ: q\u{7}x\nA: a\n");
        assert!(codes(&p).contains(&Code::ControlCharacter));
        assert_eq!(p.interview.unwrap().exchanges[0].question, "qx");
    }

    #[test]
    fn speaker_labels_make_exchanges() {
        let p = parse(
            "ANDREW MARR: Prime Minister, welcome.\nGORDON BROWN: Good morning.\nANDREW MARR: Are we in recession?\nGORDON BROWN: No.\nWe are not.\n",
        );
        let i = p.interview.unwrap();
        assert_eq!(i.speaker.name, "GORDON BROWN");
        assert_eq!(i.interviewer.unwrap().name, "ANDREW MARR");
        assert_eq!(i.exchanges.len(), 2);
        assert_eq!(i.exchanges[0].question, "Prime Minister, welcome.");
        assert_eq!(i.exchanges[1].answer, ["No.", "We are not."]);
    }

    #[test]
    fn surname_labels_are_the_full_name_labels_person() {
        let p = parse(
            "ANDREW MARR: Welcome. Can I start with the banks?\nGORDON BROWN: We acted.\nMarr: And the deficit?\nBROWN: It will come down.\n",
        );
        let i = p.interview.unwrap();
        assert_eq!(i.speaker.name, "GORDON BROWN");
        assert_eq!(i.interviewer.unwrap().name, "ANDREW MARR");
        assert_eq!(i.exchanges.len(), 2);
        assert_eq!(i.exchanges[1].question, "And the deficit?");
        assert_eq!(i.exchanges[1].answer, ["It will come down."]);
        assert!(i.exchanges.iter().all(|e| e.answered_by.is_none()));
        // the same on one line
        let p = parse(
            "ANDREW MARR: Welcome. Can I start? GORDON BROWN: We acted. MARR: And the deficit? BROWN: It will come down.\n",
        );
        assert_eq!(p.interview.unwrap().exchanges.len(), 2);
    }

    #[test]
    fn declared_short_label() {
        let p = parse(
            "김예람(김): 안녕하세요.\n기자: 요즘 어떠세요?\n김: 바쁩니다.\n기자: 왜요?\n김: 일이 많아서요.\n",
        );
        let i = p.interview.unwrap();
        assert_eq!(i.speaker.name, "김예람");
        assert_eq!(i.speaker.label.as_deref(), Some("김"));
        assert_eq!(i.exchanges.len(), 2);
    }

    #[test]
    fn dash_questions_take_unmarked_answers() {
        let p =
            parse("道上 尚史\n――なぜですか？\nそれは簡単です。\n続きです。\n――次は？\nはい。\n");
        let i = p.interview.unwrap();
        assert_eq!(i.exchanges.len(), 2);
        assert_eq!(i.exchanges[0].answer, ["それは簡単です。", "続きです。"]);
    }

    #[test]
    fn panels_record_who_answered() {
        let p = parse(
            "Q: What next?\nKIM: Growth.\nSATO: Trade.\nQ: And then?\nKIM: Peace.\nSATO: Rest.\n",
        );
        let i = p.interview.unwrap();
        let by: Vec<_> = i
            .exchanges
            .iter()
            .map(|e| e.answered_by.as_deref())
            .collect();
        assert_eq!(by, [Some("KIM"), Some("SATO"), Some("KIM"), Some("SATO")]);
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
