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
//! 6. [`language`]: the language tag, from the script of the turns.
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
pub(crate) mod candidates;
pub(crate) mod classify;
pub(crate) mod count;
pub(crate) mod header;
pub(crate) mod language;
pub(crate) mod layout;
pub(crate) mod lines;
pub(crate) mod people;
pub(crate) mod readings;
pub(crate) mod shape;
pub(crate) mod tail;

use std::collections::HashMap;

pub use crate::form::count::{ReadCount, parse_count, parse_read_count};
pub use crate::form::fields::{parse_name, parse_role};
pub use language::detect as detect_language;

use crate::diagnostic::{Code, Diagnostic, ErrorLimit};
use crate::form::line::Line;
use crate::form::{fields, labels, markers};
use crate::model::{Exchange, Interview, Speaker};
use crate::read::{Parsed, stopped};
use crate::source::Source;

/// Reads raw interview text.
pub fn read(source: &Source) -> Parsed {
    read_with(source, ErrorLimit::default())
}

/// [`read`], looking for at most `limit`'s number of errors: once the
/// document has that many, it is invalid, and the rest is not read
/// ([`crate::read::read_with`] cuts the list at the limit).
pub(crate) fn read_with(source: &Source, limit: ErrorLimit) -> Parsed {
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
    let lines = lines::collect(source, &mut diagnostics, &mut limit.tally());
    if limit.after(&diagnostics).is_none() {
        diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        return stopped(limit, diagnostics);
    }
    let lines = split_glued(split_pairs(lines::without_line_numbers(
        lines::without_time_leads(lines::without_time_stamps(lines)),
    )));
    let lines = lines::without_repeats(lines, &mut diagnostics);
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
    let interview = assemble(source, &lines, &mut diagnostics, limit);
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let Ok(interview) = interview else {
        return stopped(limit, diagnostics);
    };
    Parsed {
        interview,
        diagnostics,
    }
}

/// Cuts lines that each hold a question and its answer, both marked (see
/// [`markers::pair_cuts`]), where the page marks two questions at least,
/// on such lines or on lines of their own: a listing's pairs, one a
/// paragraph, the first after its caption and lede; or a listing's first
/// pair glued to its caption, the next turns on lines of their own. Else
/// the lines go to [`split_inline`].
fn split_pairs(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let mut pairs: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut questions = 0;
    for (i, line) in lines.iter().enumerate() {
        if let Some((cuts, opens)) = markers::pair_cuts(&line.text) {
            // one question for each two turns
            questions += (cuts.len() + usize::from(opens)) / 2;
            pairs.push((i, cuts));
        } else if markers::detect(&line.text).is_some_and(|m| m.side == markers::Side::Question) {
            questions += 1;
        }
    }
    if pairs.is_empty() || questions < 2 {
        return split_inline(lines);
    }
    cut(lines, pairs)
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
        } else {
            // `记者:…? 李明遠教授(以下簡稱李):…`: the answers are labelled
            // where the questions are marked
            line_cuts.extend(inline_labels(&line.text));
            line_cuts.sort_unstable();
            line_cuts.dedup();
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
    // a page flattened whole was hard-wrapped before: its wraps are
    // spaces now, between two CJK characters
    let flat: Vec<std::ops::Range<usize>> =
        cuts.iter().map(|(i, _)| lines[*i].span.clone()).collect();
    let mut lines = cut(lines, cuts);
    for line in &mut lines {
        let in_flat = flat
            .iter()
            .any(|f| f.start <= line.span.start && line.span.end <= f.end);
        if in_flat && let std::borrow::Cow::Owned(text) = lines::close_cjk_seams(&line.text) {
            line.text = std::borrow::Cow::Owned(text);
        }
    }
    lines
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
        // the label first: it is looked for near the line's start only
        labels::detect(&line.text).is_some()
            && colons(&line.text) >= 2
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
    // a one-line transcript opens with a turn, or with its header before
    // a longer run of turns (an archive's page flattened whole)
    let first = labels::detect(text);
    let headed = first.is_none();
    let mut found: Vec<labels::Label> = first.into_iter().collect();
    for at in markers::sentence_starts(text) {
        if let Some(label) = labels::detect(&text[at..]) {
            found.push(label);
            cuts.push(at);
        }
    }
    // a label that declares its short form (`鄭德芳(下稱「鄭」):`) opens a
    // turn after a mere space too
    if !cuts.is_empty() {
        for (space, gap) in text.match_indices([' ', '\u{3000}']) {
            let at = space + gap.len();
            let declared = |l: &labels::Label| {
                l.full.is_some() && text[at..at + l.body_at].contains(markers::COLONS)
            };
            if let Some(label) = labels::detect(&text[at..]).filter(declared)
                && !cuts.contains(&at)
            {
                found.push(label);
                cuts.push(at);
            }
        }
        cuts.sort_unstable();
    }
    // `MARR:` and `ANDREW MARR:` are one speaker
    let aliases = labels::aliases(found.iter().map(|l| (l.label.as_str(), l.full.is_some())));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for label in &found {
        let person = aliases.get(&label.label).unwrap_or(&label.label);
        *seen.entry(person).or_default() += 1;
    }
    let speakers_ok = seen.len() >= 2 && seen.values().any(|&n| n >= 2);
    let enough = if headed {
        cuts.len() >= 4 && seen.values().filter(|&&n| n >= 2).count() >= 2
    } else {
        cuts.len() >= 2
    };
    if speakers_ok && enough {
        cuts
    } else {
        Vec::new()
    }
}

fn flag_artifacts(lines: &[Line<'_>], diagnostics: &mut Vec<Diagnostic>) {
    for line in lines {
        for artifact in artifacts::find(&line.text) {
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
/// `Err` once the diagnostics hold as many errors as `limit` allows (under
/// `--strict`, where each warning is one): the document is invalid, and
/// the later passes are not run.
fn assemble(
    source: &Source,
    lines: &[Line<'_>],
    diagnostics: &mut Vec<Diagnostic>,
    limit: ErrorLimit,
) -> Result<Option<Interview>, Stopped> {
    let page = classify::page(source.text(), lines);
    let (rules, known) = layout::infer(&page);
    let readings::Chosen {
        profile,
        first,
        mut body,
        doubt,
    } = readings::choose(&page, rules);
    diagnostics.extend(doubt);
    let entries = layout::header_entries(&page, known, first);
    let mut tally = limit.tally();
    let mut header = header::read(&page, &entries, &profile);
    diagnostics.append(&mut header.diagnostics);
    if tally.is_full(diagnostics) {
        return Err(Stopped);
    }
    diagnostics.append(&mut body.diagnostics);
    diagnostics.extend(tail::set_aside(&page, &mut body));
    if tally.is_full(diagnostics) {
        return Err(Stopped);
    }
    let read_count = count::settle(
        source,
        lines,
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
    let people = people::settle(&page, &mut header, &mut body, &profile);
    // a line kept as introduction, then read as the role, is no longer
    // introduction
    diagnostics.retain(|d| {
        d.code != Code::Introduction
            || d.span
                .as_ref()
                .and_then(|s| source.text().get(s.clone()))
                .is_none_or(|kept| !header.taken.iter().any(|t| t.trim() == kept.trim()))
    });
    // doubts about the name and the role point at the name line
    let at = header
        .speaker_span
        .clone()
        .or_else(|| lines.first().map(|l| l.span.clone()))
        .unwrap_or(0..0);
    let language = detect_language(body.exchanges.iter().flat_map(|e: &Exchange| {
        std::iter::once(e.question.as_str()).chain(e.answer.iter().map(String::as_str))
    }));
    match &people.speaker {
        Some(speaker) => {
            if let Some(why) = speaker_doubt(source, lines, &header, &people, speaker)
                .or_else(|| shape::unlike_a_name(&speaker.name, language.as_deref()))
            {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::DoubtfulSpeaker,
                        format!("the name read, `{}`, {why}", speaker.name),
                        at.clone(),
                    )
                    .expected("the interviewee's name (a profile can pin which line holds it)"),
                );
            }
        }
        // without exchanges `no-exchanges` says all there is to say
        None if body.exchanges.is_empty() => {}
        // the exchanges are kept; the name was expected before the first
        // question
        None => diagnostics.push(
            Diagnostic::warning(
                Code::MissingSpeaker,
                "no name of the person interviewed found before the first question",
                body.asked.first().cloned().unwrap_or(at.clone()),
            )
            .expected(
                "the interviewee's name on a line before the first question, e.g. `LEE Hee-sup`, or a label that answers",
            ),
        ),
    }
    let speaker_name = people.speaker.as_ref().map_or("", |s| s.name.as_str());
    if let Some(role) = &header.role
        && let Some(why) = fields::doubt_role(role, speaker_name)
            .or_else(|| shape::unlike_a_role(role, language.as_deref()))
    {
        diagnostics.push(
            Diagnostic::warning(
                Code::DoubtfulRole,
                format!("the role read, `{role}`, {why}"),
                at,
            )
            .expected("the interviewee's role or title (a profile can pin which line holds it)"),
        );
    }
    let exchanges = body.exchanges;
    Ok(Some(Interview {
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
    }))
}

/// Why the name read is in doubt although it reads like a name: a field
/// key or site line, a doubt the header noted, or a name line that nothing
/// else on the page bears out (no label answers by it, no role was read
/// with it, it is named once).
fn speaker_doubt(
    source: &Source,
    lines: &[Line<'_>],
    header: &header::Header,
    people: &people::People,
    speaker: &Speaker,
) -> Option<&'static str> {
    let named_once = || {
        let name = &speaker.name;
        let family = speaker.family_name.as_deref().unwrap_or(name);
        source.text().matches(family).nth(1).is_none()
    };
    // a Latin name of two words or more on the page's first line is the
    // seed's own layout: its shape bears it out
    let seed_like = {
        let name = &speaker.name;
        let first_line = lines.first().map(|l| l.span.clone());
        name.is_ascii() && name.split_whitespace().count() >= 2 && header.speaker_span == first_line
    };
    let unconfirmed = !people.answers_by_label
        && !header.speaker_explicit
        && header.role.is_none()
        && !seed_like
        && named_once();
    fields::doubt_name(&speaker.name)
        .or(header.speaker_doubt)
        .or(unconfirmed.then_some(
            "is borne out by nothing else on the page (no label, role or second mention)",
        ))
}

/// The reading stopped at the limit on errors.
struct Stopped;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn parse(text: &str) -> Parsed {
        read(&Source::from_text("t.txt", text))
    }

    #[test]
    fn a_signature_cut_off_a_question_is_reported_at_its_line() {
        let p = parse("LEE Hee-sup\nＱ：What now?\n――Kiwi\n**A:**We wait.\n");
        let interview = p.interview.expect("a model");
        assert_eq!(interview.exchanges[0].question, "What now?");
        let signature = p
            .diagnostics
            .iter()
            .find(|d| d.message.contains("――Kiwi"))
            .expect("the signature reported");
        // the span reaches the signature's line (the third)
        let span = signature.span.clone().expect("a place");
        assert!(span.end > "LEE Hee-sup\nＱ：What now?\n".len(), "{span:?}");
    }

    #[test]
    fn a_profiles_name_and_title_fields_give_the_speaker_and_role() {
        for (page, name, role) in [
            (
                "Our people\n\nName: Ada Brennan\nTitle: Head of Ferries\nBased in: Cork\n\n\
                 Q: What does a day look like?\nA: Timetables, mostly.\n",
                "Ada Brennan",
                "Head of Ferries",
            ),
            (
                "社員紹介\n氏名：森田 遼\n所属部署：開発部\n\nQ. 仕事内容は？\nA. 設計です。\n",
                "森田 遼",
                "開発部",
            ),
            (
                "사내소식\n이름: 한지우\n부서: 인사팀\n\nQ. 하는 일은?\nA. 채용을 맡고 있습니다.\n",
                "한지우",
                "인사팀",
            ),
        ] {
            let interview = parse(page).interview.expect("a model");
            assert_eq!(interview.speaker.unwrap().name, name, "{page}");
            assert_eq!(
                interview.role.map(|r| r.text).as_deref(),
                Some(role),
                "{page}"
            );
        }
    }

    /// Each exchange's question and the first paragraph of its answer.
    fn first_answers(interview: &crate::model::Interview) -> Vec<(&str, &str)> {
        interview
            .exchanges
            .iter()
            .map(|e| (e.question.as_str(), e.answer[0].as_str()))
            .collect()
    }

    #[test]
    fn an_answer_glued_to_its_question_by_its_speakers_label_is_cut_off() {
        let p = parse(
            "DANA WHITLOCK: Thank you for coming.\nPAUL AMBERLEY: Happy to be here.\n\
             DANA WHITLOCK: What was the hardest call?    PAUL AMBERLEY: Cutting power.\n\
             DANA WHITLOCK: Would you make it again? I told Marr: no.\nPAUL AMBERLEY: Yes.\n",
        );
        let interview = p.interview.expect("a model");
        assert_eq!(
            first_answers(&interview),
            [
                ("Thank you for coming.", "Happy to be here."),
                ("What was the hardest call?", "Cutting power."),
                ("Would you make it again? I told Marr: no.", "Yes."),
            ]
        );
    }

    #[test]
    fn a_listings_pairs_one_a_line_are_cut_at_their_answers() {
        let p = parse(
            "Meet the Makers\n\nPhoto: Ines at her bench. Ines Vodnik makes stools. \
             Q: How did you start? A: I mended a chair.\n\n\
             Q: What wood? A: Oak from barns.\n\nQ: Where are you? A: By the fountain.\n",
        );
        let interview = p.interview.expect("a model");
        assert_eq!(
            first_answers(&interview),
            [
                ("How did you start?", "I mended a chair."),
                ("What wood?", "Oak from barns."),
                ("Where are you?", "By the fountain."),
            ]
        );
    }

    #[test]
    fn a_listings_first_pair_glued_to_its_lede_is_cut_before_turns_of_their_own() {
        let p = parse(
            "Meet the Makers\nPhoto: Ines at her bench. Ines Vodnik makes stools. \
             Q: How did you start? A: I mended a chair.\nQ: What wood?\nA: Oak from barns.\n",
        );
        let interview = p.interview.expect("a model");
        assert_eq!(interview.exchanges.len(), 2);
        assert_eq!(interview.exchanges[0].question, "How did you start?");
        // and a whole transcript flattened after them
        let p = parse(
            "Meet the Makers\nPhoto: Ines at her bench. Ines Vodnik makes stools. \
             Q: How did you start? A: I mended a chair. Q: What wood? A: Oak from barns.\n",
        );
        assert_eq!(p.interview.expect("a model").exchanges.len(), 2);
    }

    #[test]
    fn a_page_flattened_whole_after_its_header_is_cut_at_its_turns() {
        // the header runs into the first turn, a declared label after a
        // space; the wraps of the page left spaces between CJK characters
        let p = parse(
            "對談\n人 物:韋然、鄭德芳 鄭德芳(下稱「鄭」):你第一次搭 戲棚是甚麼時候?韋然(下稱「韋」):一九六二年。\
             鄭:那一年你才十五歲。韋:沒錯。鄭:要多少人?韋:十幾個師傅。\n",
        );
        let interview = p.interview.expect("a model");
        let questions: Vec<&str> = interview
            .exchanges
            .iter()
            .map(|e| e.question.as_str())
            .collect();
        assert_eq!(
            questions,
            [
                "你第一次搭戲棚是甚麼時候?",
                "那一年你才十五歲。",
                "要多少人?"
            ]
        );
    }

    #[test]
    fn a_one_line_transcript_of_marked_questions_is_cut_at_its_labelled_answers_too() {
        let p = parse(
            "Title\n下面是采訪實錄。 記者:您離開家鄉快三十年了? 李明遠教授(以下簡稱李):變化太大了。 \
             記者:聽說您去了病房? 李:是的。 記者:差距在哪里? 李:在觀念。\n",
        );
        let interview = p.interview.expect("a model");
        let answers: Vec<&str> = interview
            .exchanges
            .iter()
            .map(|e| e.answer[0].as_str())
            .collect();
        assert_eq!(answers, ["變化太大了。", "是的。", "在觀念。"]);
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

    /// The severity and span of the first diagnostic of `code`.
    fn found(p: &Parsed, code: Code) -> (Severity, Option<std::ops::Range<usize>>) {
        let d = p.diagnostics.iter().find(|d| d.code == code).unwrap();
        (d.severity, d.span.clone())
    }

    #[test]
    fn an_answer_before_any_question_is_set_aside_and_the_rest_kept() {
        let p = parse("Name\nRole\nA: early\nQ: q\nA: a\n");
        assert_eq!(
            found(&p, Code::AnswerBeforeQuestion),
            (Severity::Warning, Some(10..18))
        );
        let i = p.interview.unwrap();
        assert_eq!(i.exchanges.len(), 1);
        assert_eq!(i.exchanges[0].answer, ["a"]);
    }

    #[test]
    fn a_question_without_answer_is_set_aside_and_the_rest_kept() {
        let p = parse("Name\nQ: one\nQ: two\nA: a\n");
        assert_eq!(
            found(&p, Code::QuestionWithoutAnswer),
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
        // read from bytes, where the source's survey vouches for lines
        // without any: a CRLF file, a form feed
        for bytes in [
            &b"Name\r\nQ: q\x07x\r\nA: a\r\n"[..],
            b"Name\nQ: q\x0cx\nA: a\n",
        ] {
            let p = read(&Source::from_bytes("t.txt", bytes, None));
            assert!(codes(&p).contains(&Code::ControlCharacter));
            assert_eq!(p.interview.unwrap().exchanges[0].question, "qx");
        }
    }

    #[test]
    fn speaker_labels_make_exchanges() {
        let p = parse(
            "ANDREW MARR: Prime Minister, welcome.\nGORDON BROWN: Good morning.\nANDREW MARR: Are we in recession?\nGORDON BROWN: No.\nWe are not.\n",
        );
        let i = p.interview.unwrap();
        assert_eq!(i.speaker.as_ref().unwrap().name, "GORDON BROWN");
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
        assert_eq!(i.speaker.as_ref().unwrap().name, "GORDON BROWN");
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
        let speaker = i.speaker.as_ref().unwrap();
        assert_eq!(speaker.name, "김예람");
        assert_eq!(speaker.label.as_deref(), Some("김"));
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
}
