//! Pass 1: lines, blocks and the page's paragraph layout.
//!
//! Every non-blank line is trimmed and kept with its byte span; characters
//! XML 1.0 forbids are removed with a warning. Lines separated by no blank
//! line form a **block**. Two layouts are told apart:
//!
//! - **One paragraph per line** (the seed): no blank lines at all, or blank
//!   lines between single-line blocks, or long lines.
//!
//!   ```text
//!   A: We are witnessing the intensification of hightech competition …
//!   “Sharing” and “collective endeavor” are both essential. …
//!   ```
//! - **Hard-wrapped paragraphs** separated by blank lines: most lines inside
//!   a block stop mid-sentence, and they join into one paragraph (a space
//!   between words, nothing between CJK characters).
//!
//!   ```text
//!   A: We are witnessing the intensification of hightech
//!   competition amid the Fourth Industrial Revolution.
//!
//!   “Sharing” and “collective endeavor” are both essential.
//!   ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::{Code, Diagnostic, Tally};
use crate::form::chars::{ends_sentence, fits_width, is_cjk};
use crate::form::line::Line;
use crate::form::markers::asks;
use crate::source::Source;

/// How the page lays out paragraphs; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Each line is a paragraph.
    LinePerParagraph,
    /// Lines of a block join into one paragraph.
    Wrapped,
    /// Turns broken into caption-sized lines, as machine transcripts and
    /// subtitle files print them: each turn is one paragraph, whatever its
    /// lines and blank lines.
    ///
    /// ```text
    /// Hanne Solberg (00:20):
    /// Thanks for having
    /// me.
    /// I should warn you that the views are mostly
    /// about squash.
    /// ```
    Captions,
}

/// Non-blank lines, trimmed, with forbidden characters removed; only
/// those before the one where `tally` (of `diagnostics`) gets full, as it
/// may under `--strict`, where each warning is an error.
pub(crate) fn collect<'s>(
    source: &'s Source,
    diagnostics: &mut Vec<Diagnostic>,
    tally: &mut Tally,
) -> Vec<Line<'s>> {
    // room for every line at once: grown by doubling, a huge document's
    // vector would reserve up to twice what it holds
    let mut out = Vec::with_capacity(source.line_count());
    let mut block = 0;
    let mut blank = false;
    // one look at the whole text most often says no line holds a forbidden
    // character (the source's survey saw no control byte)
    let clean = source.has_no_controls()
        && memchr::memmem::find(source.text().as_bytes(), b"\xEF\xBF").is_none();
    for (range, raw) in source.lines() {
        let trimmed = without_cell_border(raw.trim());
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        if blank && !out.is_empty() {
            block = u32::saturating_add(block, 1);
        }
        blank = false;
        let start = range.start + (raw.len() - raw.trim_start().len());
        let span = start..start + trimmed.len();
        if clean || !may_hold_forbidden(trimmed) {
            out.push(Line {
                span,
                text: Cow::Borrowed(trimmed),
                block,
            });
            continue;
        }
        let mut text = String::with_capacity(trimmed.len());
        for (i, c) in trimmed.char_indices() {
            if is_xml_forbidden(c) {
                // under --strict each is an error: the reading stops at
                // the limit, and the caller sees the tally full
                if tally.is_full(diagnostics) {
                    return out;
                }
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
        let text = text.trim();
        if !text.is_empty() {
            out.push(Line {
                span,
                text: Cow::Owned(text.to_owned()),
                block,
            });
        }
    }
    out
}

/// **Repeated line rule**: a page that shows a line twice in a row, a
/// blank line or none between, repeats it by accident (a question pasted
/// above itself):
///
/// ```text
/// Odile, your character almost never leaves the island. How did you prepare?
///
/// Odile, your character almost never leaves the island. How did you prepare?
/// ```
///
/// The first copy is dropped, with a warning at it. Only a line of some
/// length (20 columns) counts: short turns (`No.`, `Yes.`) may well be
/// said twice; and only a question (a line that asks), or a caption or a
/// heading before the first turn marker (a line that ends no sentence): a
/// speaker may say a sentence twice. A field's line (`Introduction: …`)
/// is never a repeat: the canonical text writes each paragraph so.
pub(crate) fn without_repeats<'s>(
    mut lines: Vec<Line<'s>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Line<'s>> {
    // past the page's first turn marker, only a question repeated counts:
    // an answer's paragraphs are the speaker's
    let first_turn = lines
        .iter()
        .position(|l| crate::form::markers::detect(&l.text).is_some())
        .unwrap_or(lines.len());
    // a field's line (`Introduction: …`) is written as meant
    let keyed = |t: &str| {
        t.split_once([':', '：'])
            .is_some_and(|(key, _)| crate::form::fields::is_field_key(key.trim()))
    };
    let repeated = |i: usize| {
        let (this, next) = (&lines[i].text, &lines[i + 1].text);
        this.len() == next.len()
            && this == next
            && !fits_width(this, 19)
            && !keyed(this)
            && (asks(this) || (i < first_turn && !ends_sentence(this)))
    };
    if !(0..lines.len().saturating_sub(1)).any(repeated) {
        return lines;
    }
    let mut keep = vec![true; lines.len()];
    for (i, kept) in keep.iter_mut().enumerate().take(lines.len() - 1) {
        if repeated(i) {
            *kept = false;
            diagnostics.push(
                Diagnostic::warning(
                    Code::RepeatedLine,
                    "line repeated on the next line: this copy dropped",
                    lines[i].span.clone(),
                )
                .expected("each line of the interview once"),
            );
        }
    }
    let mut keep = keep.into_iter();
    lines.retain(|_| keep.next().unwrap_or(true));
    lines
}

/// **Line number rule**: a transcript that numbers its lines, as court
/// and hearing transcripts do (`14 Q Now, in your position as clerk,` /
/// `15 do you have a view …`), has the numbers cut off: they are the
/// page's furniture, and the turns' markers follow them. Only where two
/// lines in three at least open with a number and a space, and the numbers
/// count up by one, mostly (a page may start again at 1).
pub(crate) fn without_line_numbers(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let numbered: Vec<Option<(u32, usize)>> = lines.iter().map(|l| line_number(&l.text)).collect();
    let count = numbered.iter().flatten().count();
    if count < 4 || count * 3 < lines.len() * 2 {
        return lines;
    }
    let numbers: Vec<u32> = numbered.iter().flatten().map(|&(n, _)| n).collect();
    let steps = numbers
        .windows(2)
        .filter(|w| w[1] == w[0] + 1 || w[1] == 1)
        .count();
    if steps * 4 < (numbers.len() - 1) * 3 {
        return lines;
    }
    lines
        .into_iter()
        .zip(numbered)
        .map(|(line, number)| match number {
            Some((_, at)) => Line {
                span: line.span.start + at..line.span.end,
                text: line.part(at..line.text.len()),
                block: line.block,
            },
            None => line,
        })
        .collect()
}

/// **Inline time stamp rule**: a machine transcript stamps the time in
/// brackets inside its lines, wherever a cue began (`[00:00:21] Alasdair,
/// when did you first come down? I was [00:00:24] eleven.`): the stamps
/// are the recording's furniture, not the words, and are cut out with the
/// space after them. Only where two lines at least hold one.
pub(crate) fn without_time_stamps(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let stamped = lines
        .iter()
        .filter(|l| l.text.contains('[') && next_stamp(&l.text).is_some())
        .count();
    if stamped < 2 {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| {
            if !line.text.contains('[') || next_stamp(&line.text).is_none() {
                return line;
            }
            let mut text = String::with_capacity(line.text.len());
            let mut rest: &str = &line.text;
            // a stamp ending the line stays: `Ana Ruiz [00:41]` times a label
            while let Some(at) = next_stamp(rest).filter(|at| !rest[at.end..].trim().is_empty()) {
                text.push_str(&rest[..at.start]);
                rest = rest[at.end..].trim_start_matches(' ');
            }
            text.push_str(rest);
            Line {
                span: line.span.clone(),
                text: Cow::Owned(text.trim().to_owned()),
                block: line.block,
            }
        })
        .collect()
}

/// **Time-led line rule**: a podcast or caption export opens each line
/// with the time its chunk starts at, after the same few words each time
/// (`Starting point is 00:00:36 So what do bees eat?`, `00:01:02 Thanks.`):
/// the words and the time are cut off, where three lines at least, and a
/// third of the page's, open so with the same words.
pub(crate) fn without_time_leads(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let leads: Vec<Option<(&str, usize)>> = lines.iter().map(|l| time_lead(&l.text)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (lead, _) in leads.iter().flatten() {
        *counts.entry(lead).or_default() += 1;
    }
    let Some((&lead, &count)) = counts.iter().max_by_key(|&(lead, n)| (*n, *lead)) else {
        return lines;
    };
    if count < 3 || count * 3 < lines.len() {
        return lines;
    }
    let cuts: Vec<Option<usize>> = leads
        .iter()
        .map(|l| l.filter(|(l, _)| *l == lead).map(|(_, at)| at))
        .collect();
    lines
        .into_iter()
        .zip(cuts)
        .map(|(line, cut)| match cut {
            Some(at) => Line {
                span: line.span.start + at..line.span.end,
                text: line.part(at..line.text.len()),
                block: line.block,
            },
            None => line,
        })
        .collect()
}

/// The words before a time code opening `text` (four at most, no digit
/// among them; none is fine) and where the text after the code starts.
fn time_lead(text: &str) -> Option<(&str, usize)> {
    let head = text
        .char_indices()
        .nth(60)
        .map_or(text, |(i, _)| &text[..i]);
    let mut at = 0;
    for (n, word) in head.split(' ').enumerate() {
        if n > 4 {
            return None;
        }
        let parts: Vec<&str> = word.split(':').collect();
        let code = (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        if code {
            let after = at + word.len();
            let rest = text[after..].trim_start_matches(' ');
            return (!rest.is_empty()).then(|| (text[..at].trim_end(), text.len() - rest.len()));
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        at += word.len() + 1;
    }
    None
}

/// Where the first bracketed time stamp (`[00:41]`, `[1:02:03]`) stands
/// in `text`.
fn next_stamp(text: &str) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| i + from) {
        let close = text[open..].find(']').map(|i| i + open)?;
        let inner = &text[open + 1..close];
        let parts: Vec<&str> = inner.split(':').collect();
        if (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(open..close + 1);
        }
        from = open + 1;
    }
    None
}

/// The number opening a numbered line (one to three digits and spaces,
/// text after), and where its text starts.
fn line_number(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = &text[digits..];
    let body = rest.trim_start_matches([' ', '\t']);
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    Some((text[..digits].parse().ok()?, text.len() - body.len()))
}

/// A table flattened to text, row by row: a cell border closing the line
/// (`A.古い映画のDVDを借りること。 |`) is no part of the text, and a line
/// that is a border alone (`|`) is a blank line. A line that opens with a
/// border too (`| a | b |`) is a table row, kept as written.
fn without_cell_border(line: &str) -> &str {
    if line == "|" || line == "｜" {
        return "";
    }
    match line.strip_suffix(" |").or_else(|| line.strip_suffix(" ｜")) {
        Some(text) if !line.starts_with(['|', '｜']) => text.trim_end(),
        _ => line,
    }
}

/// Whether `text` may hold a character XML 1.0 cannot carry: a C0
/// control but tab (one byte below 0x20) or U+FFFE, U+FFFF (which start
/// with the bytes EF BF). Most lines hold neither, and this looks at bytes
/// without decoding a character.
fn may_hold_forbidden(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().any(|&b| b < 0x20 && b != b'\t')
        || memchr::memmem::find(bytes, b"\xEF\xBF").is_some()
}

/// Characters XML 1.0 cannot carry.
fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Lines this wide or wider are paragraphs, never hard wraps.
const MAX_WRAP_WIDTH: usize = 120;

/// The layout of the page: wrapped when blank lines separate blocks, the
/// widest line of a multi-line block is at most [`MAX_WRAP_WIDTH`] columns,
/// and most lines that have a next line in their block stop mid-sentence.
pub(crate) fn layout(lines: &[Line]) -> Layout {
    // without blank lines, every line is its own paragraph (the seed)
    if lines.last().is_none_or(|l| l.block == 0) {
        return captions_or_lines(lines);
    }
    let mut inner = 0usize;
    let mut open = 0usize;
    let mut narrow = true;
    for pair in lines.windows(2) {
        // a subtitle cue's timing opens its block: no wrap
        if pair[0].block != pair[1].block || is_cue_timing(&pair[0].text) {
            continue;
        }
        narrow = narrow
            && fits_width(&pair[0].text, MAX_WRAP_WIDTH)
            && fits_width(&pair[1].text, MAX_WRAP_WIDTH);
        inner += 1;
        if !ends_sentence(&pair[0].text) {
            open += 1;
        }
    }
    if inner >= 2 && open >= 2 && open * 2 >= inner && narrow {
        Layout::Wrapped
    } else {
        captions_or_lines(lines)
    }
}

/// [`Layout::Captions`] where a line in four at least breaks a sentence,
/// four times at least (a line stopping mid-sentence, the next opening in
/// lowercase: see [`breaks_sentence`]), and lines are short; else
/// [`Layout::LinePerParagraph`].
fn captions_or_lines(lines: &[Line]) -> Layout {
    if lines.len() < 8 {
        return Layout::LinePerParagraph;
    }
    // a subtitle cue's timing stands between its captions
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| &*l.text)
        .filter(|t| !is_cue_timing(t))
        .collect();
    let breaks = texts
        .windows(2)
        .filter(|pair| breaks_sentence(pair[0], pair[1]))
        .count();
    let short = || {
        lines
            .iter()
            .filter(|l| fits_width(&l.text, CAPTION_WIDTH))
            .count()
    };
    if breaks >= 4 && breaks * 4 >= texts.len() && short() * 4 >= lines.len() * 3 {
        Layout::Captions
    } else {
        Layout::LinePerParagraph
    }
}

/// Whether a line is a subtitle cue's timing (`00:01.000 --> 00:04.000`).
fn is_cue_timing(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit()) && text.contains("-->")
}

/// Lines of a caption-broken transcript are at most this wide, most of
/// them.
const CAPTION_WIDTH: usize = 80;

/// Whether a sentence runs on from `before` into `next`: `before` ends in
/// a letter or comma, `next` opens in lowercase (a subtitle's voice tag
/// `<v Name>` aside).
fn breaks_sentence(before: &str, next: &str) -> bool {
    fn untagged(t: &str) -> &str {
        match t.strip_prefix('<') {
            Some(rest) => rest.split_once('>').map_or(t, |(_, after)| after),
            None => t,
        }
    }
    let before = untagged(before);
    let next = untagged(next);
    before.ends_with(|c: char| c.is_alphabetic() || c == ',')
        && next.starts_with(|c: char| c.is_lowercase())
}

/// **Seam rule**: a space between two CJK characters (Han, kana or CJK
/// punctuation; Hangul words take spaces) in a page flattened onto one
/// line is where a hard wrap was: `当初是怎么 下的决心？` → `当初是怎么下的决心？`,
/// `画满红杠 ，批语` → `画满红杠，批语`. A run of spaces is a gap the page
/// meant, and so is a space after a sentence's end (`はい。 では`).
pub(crate) fn close_cjk_seams(text: &str) -> Cow<'_, str> {
    let wide = |c: char| is_cjk(c) && !('\u{ac00}'..='\u{d7af}').contains(&c) && c != '\u{3000}';
    let chars: Vec<char> = text.chars().collect();
    // after a sentence's end a space may be the page's own (`はい。 では`)
    let seam = |i: usize| {
        chars[i] == ' '
            && i > 0
            && i + 1 < chars.len()
            && wide(chars[i - 1])
            && !matches!(chars[i - 1], '。' | '？' | '！' | '」' | '』')
            && wide(chars[i + 1])
    };
    if !(0..chars.len()).any(seam) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        (0..chars.len())
            .filter(|&i| !seam(i))
            .map(|i| chars[i])
            .collect(),
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn cell_borders_of_a_flattened_table_are_no_text() {
        assert_eq!(without_cell_border("A.大工。 |"), "A.大工。");
        assert_eq!(without_cell_border("|"), "");
        assert_eq!(without_cell_border("| a | b |"), "| a | b |");
        assert_eq!(without_cell_border("a|b"), "a|b");
    }

    use super::*;
    fn lines(text: &str) -> Vec<Line<'static>> {
        collect(
            &Source::from_text("t", text),
            &mut Vec::new(),
            &mut Tally::default(),
        )
        .into_iter()
        .map(|line| Line {
            text: Cow::Owned(line.text.into_owned()),
            ..line
        })
        .collect()
    }

    #[test]
    fn a_line_shown_twice_in_a_row_is_kept_once() {
        let text = "Why did the film take so long?\n\nWhy did the film take so long?\n\
                    Because of the light.\nNo.\nNo.\n\
                    I said it then and I say it now.\nI said it then and I say it now.\n";
        let mut diagnostics = Vec::new();
        let kept = without_repeats(lines(text), &mut diagnostics);
        let texts: Vec<&str> = kept.iter().map(|l| &*l.text).collect();
        // the first copy goes; short turns and sentences said twice stay
        assert_eq!(
            texts,
            [
                "Why did the film take so long?",
                "Because of the light.",
                "No.",
                "No.",
                "I said it then and I say it now.",
                "I said it then and I say it now.",
            ]
        );
        assert_eq!(kept[0].block, 1);
        let [dropped] = &diagnostics[..] else {
            panic!("{diagnostics:?}")
        };
        assert_eq!(dropped.code, Code::RepeatedLine);
        assert_eq!(dropped.span, Some(0..30));
        // the same line apart from others is no repeat
        let text = "Why did the film take so long?\nIt did.\nWhy did the film take so long?\n";
        assert_eq!(without_repeats(lines(text), &mut diagnostics).len(), 3);
        // a field's line, and a heading-like line after the first turn
        // marker, are written as meant
        let text = "Introduction: 2024-05-12\nIntroduction: 2024-05-12\n\
                    Q: Why?\nA: Because\nSecretary-General of the Secretariat\n\
                    Secretary-General of the Secretariat\n";
        assert_eq!(without_repeats(lines(text), &mut diagnostics).len(), 6);
        assert_eq!(diagnostics.len(), 1);
    }

    #[test]
    fn the_same_words_and_a_time_opening_lines_are_cut_off() {
        let l = without_time_leads(lines(
            "長い机の話ですよね。これは見出しではありません。長い机の話ですよね。\nStarting point is 00:00:00 This is Long Table.\n\
             Starting point is 00:00:31 Thanks, Dana.\nStarting point is 00:00:36 So what?\n\
             Meet at 10:30 by the gate.\n",
        ));
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(
            texts,
            [
                "長い机の話ですよね。これは見出しではありません。長い机の話ですよね。",
                "This is Long Table.",
                "Thanks, Dana.",
                "So what?",
                "Meet at 10:30 by the gate."
            ]
        );
        // twice is no export's form
        let l = without_time_leads(lines("00:12 Yes.\n00:15 No.\nWhy?\n"));
        assert_eq!(l[0].text, "00:12 Yes.");
    }

    #[test]
    fn a_podcasts_time_led_chunks_read_as_their_words() {
        let p = crate::read::text::read(&crate::source::Source::from_text(
            "t.txt",
            "Tomasz Rybak\nStarting point is 00:00:36 Q: What do bees eat in a city?\n\
             Starting point is 00:00:40 A: Lime trees, mostly, and they fly up to\n\
             Starting point is 00:01:04 three kilometres.\n\
             Starting point is 00:01:07 Q: And the honey?\nStarting point is 00:01:10 A: Pale in May.\n",
        ));
        let interview = p.interview.expect("a model");
        assert_eq!(
            interview.exchanges[0].question,
            "What do bees eat in a city?"
        );
        assert_eq!(
            interview.exchanges[0].answer,
            ["Lime trees, mostly, and they fly up to three kilometres."]
        );
    }

    #[test]
    fn bracketed_time_stamps_inside_lines_are_cut_out() {
        let l = without_time_stamps(lines(
            "[00:00:21] When did you come? I was [00:00:24] eleven.\n[00:00:41] And then?\n[00:00:50]\nAna Ruiz [00:51]\nNote [a] stays.\n",
        ));
        let texts: Vec<&str> = l.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(
            texts,
            [
                "When did you come? I was eleven.",
                "And then?",
                "[00:00:50]",
                "Ana Ruiz [00:51]",
                "Note [a] stays."
            ]
        );
        // one stamp alone is no machine transcript's
        let l = without_time_stamps(lines("Seen at [10:30] by the gate.\nYes.\n"));
        assert_eq!(l[0].text, "Seen at [10:30] by the gate.");
    }

    #[test]
    fn a_machine_transcripts_stamps_are_no_part_of_its_turns() {
        let p = crate::read::text::read(&crate::source::Source::from_text(
            "t.txt",
            "Ada Vance\n[00:00:21] Q: When did you first come down? [00:00:24]\n\
             [00:00:25] A: I was [00:00:26] eleven.\n[00:00:41] Q: And then?\n\
             [00:00:44] A: Hard work.\n",
        ));
        let interview = p.interview.expect("a model");
        assert_eq!(
            interview.exchanges[0].question,
            "When did you first come down? [00:00:24]"
        );
        assert_eq!(interview.exchanges[0].answer, ["I was eleven."]);
        assert_eq!(interview.exchanges[1].question, "And then?");
    }

    #[test]
    fn numbered_transcript_lines_lose_their_numbers() {
        let l = without_line_numbers(lines(
            "Deposition\n14 Q Now, in your position\n15 do you have a view?\n16 A I do.\n\
             17 Q Which?\nReporting Ltd\n1 A That one.\n2 Q Thanks.\n",
        ));
        let texts: Vec<&str> = l.iter().map(|l| &*l.text).collect();
        assert_eq!(
            texts,
            [
                "Deposition",
                "Q Now, in your position",
                "do you have a view?",
                "A I do.",
                "Q Which?",
                "Reporting Ltd",
                "A That one.",
                "Q Thanks."
            ]
        );
        assert_eq!(&l[1].span, &(14..37));
        // numbered questions in a page of answers are no line numbers
        let l = without_line_numbers(lines("1 Why?\nBecause.\n2 How?\nSo.\n3 When?\nNow.\n"));
        assert_eq!(&*l[0].text, "1 Why?");
    }

    #[test]
    fn blocks_count_blank_lines() {
        let l = lines("a\nb\n\n\nc\n");
        assert_eq!(l.iter().map(|l| l.block).collect::<Vec<_>>(), [0, 0, 1]);
    }

    #[test]
    fn seed_layout_is_one_paragraph_per_line() {
        let l = lines("Q: Why now?\nA: Because the time has come for\nall of us.\nAnd more.\n");
        assert_eq!(layout(&l), Layout::LinePerParagraph);
    }

    #[test]
    fn wrapped_blocks_are_detected() {
        let text = "Q: How did the project start\nand who paid for it?\n\nA: It started in a garage\nin 1998 with two friends and\nno money at all.\n\nLater it grew.\n";
        assert_eq!(layout(&lines(text)), Layout::Wrapped);
    }

    #[test]
    fn caption_sized_lines_breaking_sentences_are_captions() {
        let text = "Host (00:20):\nThanks for having\nme.\nI should warn you that\nthe views are mostly\n\
                    about squash.\nGuest (00:27):\nHow does a seed\nlibrary work?\nIt is a\nlong story.\n";
        assert_eq!(layout(&lines(text)), Layout::Captions);
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>It is a\n\n00:02.000 --> 00:03.000\n<v A>long story,\n\n\
                    00:03.000 --> 00:04.000\n<v A>and a long\n\n00:04.000 --> 00:05.000\n<v A>walk home for\n\n\
                    00:05.000 --> 00:06.000\n<v A>all of us.\n";
        assert_eq!(layout(&lines(text)), Layout::Captions);
        let text =
            "Q: Why?\nA: Because it is.\nQ: And?\nA: More.\nQ: Then?\nA: Fine.\nQ: So?\nA: Yes.\n";
        assert_eq!(layout(&lines(text)), Layout::LinePerParagraph);
    }

    #[test]
    fn spaces_between_cjk_characters_are_wrap_seams() {
        assert_eq!(
            close_cjk_seams("当初是怎么 下的决心？"),
            "当初是怎么下的决心？"
        );
        assert_eq!(close_cjk_seams("画满红杠 ，批语"), "画满红杠，批语");
        assert_eq!(close_cjk_seams("在 Ohio 读"), "在 Ohio 读");
        assert_eq!(
            close_cjk_seams("오늘 말씀 고맙습니다"),
            "오늘 말씀 고맙습니다"
        );
        assert_eq!(close_cjk_seams("供稿。  沈川"), "供稿。  沈川");
        assert_eq!(close_cjk_seams("はい。 では"), "はい。 では");
    }
}
