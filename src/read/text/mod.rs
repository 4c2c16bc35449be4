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
pub mod count;
pub(crate) mod header;
pub mod labels;
pub(crate) mod lines;
pub(crate) mod markers;
pub(crate) mod words;

use std::collections::HashMap;
use std::ops::Range;

pub use count::{ReadCount, parse_count, parse_read_count};
pub use header::{parse_name, parse_role};

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Exchange, Interview, Speaker};
use crate::read::Parsed;
use crate::source::Source;
use header::{Entry, Field};
use labels::Label;
use lines::{Hints, Layout, Line};
use markers::{Marker, Rule, Side};

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
    let lines = split_inline(lines::collect(source, &mut diagnostics));
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
    let interview = Assembler::new(source, &lines, &mut diagnostics).assemble();
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
                && header::credit(&line.text).is_none()
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

/// What a line is, by the rules of pass 2. One is kept per line for the
/// whole read (a document of short lines has millions), so a label, which
/// holds strings, is boxed: a plain line's costs 40 bytes rather than 88.
#[derive(Debug, Clone)]
enum Kind {
    /// A read count: `阅读 1,234`.
    Count(ReadCount),
    /// A question or answer marker (its body a range of the line).
    Marker(Marker),
    /// A label-shaped prefix; whether it is a speaker is settled later.
    Label(Box<Label>),
    /// A share bar or copyright line.
    Furniture,
    /// Anything else.
    Plain,
}

/// Writes each label as the label of the person it names, so that
/// `MARR:` after `ANDREW MARR:` is one speaker (see [`labels::aliases`]).
fn same_people(mut kinds: Vec<Kind>) -> Vec<Kind> {
    let aliases = labels::aliases(kinds.iter().filter_map(|k| match k {
        Kind::Label(l) => Some((l.label.as_str(), l.full.is_some())),
        _ => None,
    }));
    for kind in &mut kinds {
        if let Kind::Label(l) = kind
            && let Some(person) = aliases.get(&l.label)
        {
            l.label = person.clone();
        }
    }
    kinds
}

/// Whether a line in the body is plain text: no read count, marker,
/// label-shaped prefix or share bar (the text writer repeats the answer's
/// marker before a paragraph that is not).
pub(crate) fn is_plain_body_line(text: &str) -> bool {
    matches!(classify(text, Hints::of(text.as_bytes())), Kind::Plain)
}

/// What a line is; its `hints` spare the rules that cannot match a scan.
fn classify(text: &str, hints: Hints) -> Kind {
    if hints.has_digit()
        && let Some(count) = parse_read_count(text)
    {
        return Kind::Count(count);
    }
    if let Some(marker) = markers::detect(text) {
        return Kind::Marker(marker);
    }
    // before labels: `分享到：微信 微博` is a share bar, not a speaker
    if header::is_furniture(text, false) {
        return Kind::Furniture;
    }
    if let Some(label) = labels::detect(text) {
        return Kind::Label(Box::new(label));
    }
    Kind::Plain
}

/// Who a speaker label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Interviewer,
    Interviewee,
}

/// The document's profile: which labels are speakers and on which side.
#[derive(Debug, Default)]
struct Profile {
    /// Accepted labels and their side.
    parties: HashMap<String, Party>,
    /// Full names declared for labels (`김예람(김)`).
    declared: HashMap<String, String>,
    /// Labels in order of first appearance.
    order: Vec<String>,
    /// Whether dash questions (`――`) count as markers.
    dashes: bool,
    /// Whether questions are marked (`Q:`, `问：`, `――`), not only labelled.
    questions_marked: bool,
    /// Whether any answer is marked (by `A:` or a label), so that an
    /// unmarked line after a question continues the question.
    answers_marked: bool,
}

impl Profile {
    fn party(&self, label: &str) -> Option<Party> {
        self.parties.get(label).copied()
    }
}

/// What the header rules found before the first question.
#[derive(Debug, Default)]
struct Header {
    headline: Option<String>,
    date: Option<String>,
    byline: Option<String>,
    speaker: Option<Speaker>,
    role: Option<String>,
    interviewer: Option<String>,
    introduction: Vec<String>,
}

/// An exchange being built.
struct Open {
    /// The span of the question's line.
    asked: Range<usize>,
    /// Where the turn's last line ends, so that a problem with the whole
    /// turn points at all of it.
    end: usize,
    question: String,
    answer: Vec<String>,
    answered_by: Option<String>,
    answering: bool,
    /// The span of the line that opened the answer.
    answer_span: Option<Range<usize>>,
    asked_by_label: bool,
}

impl Open {
    /// A question opened by the line at `span`, not answered yet.
    fn asking(span: Range<usize>, question: String, asked_by_label: bool) -> Open {
        Open {
            end: span.end,
            asked: span,
            question,
            answer: Vec::new(),
            answered_by: None,
            answering: false,
            answer_span: None,
            asked_by_label,
        }
    }
}

/// Header entries of the first `lines` lines.
struct Known<'a> {
    entries: Vec<Entry<'a>>,
    lines: usize,
}

struct Assembler<'a> {
    source: &'a Source,
    lines: &'a [Line<'a>],
    kinds: Vec<Kind>,
    layout: Layout,
    diagnostics: &'a mut Vec<Diagnostic>,
    read_count: Option<(ReadCount, String)>,
    /// Labels that opened turns in the body (not label-shaped header lines).
    turn_labels: Vec<String>,
}

impl<'a> Assembler<'a> {
    fn new(
        source: &'a Source,
        lines: &'a [Line<'a>],
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Assembler {
            source,
            lines,
            kinds: same_people(lines.iter().map(|l| classify(&l.text, l.hints)).collect()),
            layout: lines::layout(lines),
            diagnostics,
            read_count: None,
            turn_labels: Vec::new(),
        }
    }

    fn assemble(mut self) -> Option<Interview> {
        let (profile, entries) = self.profile();
        let first = self.first_turn(&profile);
        let entries = self.header_entries(entries, first);
        let header = self.header(&entries, &profile);
        let exchanges = self.body(first, &profile);
        self.finish(header, exchanges, &profile)
    }

    /// Whether line `i` opens a turn under `profile`.
    fn turn_at(
        &self,
        i: usize,
        profile: &Profile,
        in_header: bool,
    ) -> Option<(Side, Option<String>, String)> {
        if in_header && header::credit(&self.lines[i].text).is_some() {
            return None;
        }
        match &self.kinds[i] {
            Kind::Marker(m) if m.rule != Rule::Dash || profile.dashes => {
                Some((m.side, None, m.body(&self.lines[i].text).to_owned()))
            }
            Kind::Label(l) => {
                let body = l.body(&self.lines[i].text).to_owned();
                match profile.party(&l.label)? {
                    Party::Interviewer => Some((Side::Question, Some(l.label.clone()), body)),
                    Party::Interviewee => Some((Side::Answer, Some(l.label.clone()), body)),
                }
            }
            _ => None,
        }
    }

    /// The header entries of the first `first` lines, from `known`, the
    /// entries of the lines before the first marker (the header region the
    /// profile looked at), which are most often the same lines.
    fn header_entries(&self, mut known: Known<'a>, first: usize) -> Vec<Entry<'a>> {
        if first <= known.lines {
            // entries of later lines start at or after line `first`'s start
            let end = self.lines.get(first).map_or(usize::MAX, |l| l.span.start);
            known.entries.retain(|e| e.line.span.start < end);
        } else {
            known
                .entries
                .extend(header::entries(&self.lines[known.lines..first]));
        }
        known.entries
    }

    /// Pass 3: settles the profile; also gives the header entries it read.
    fn profile(&self) -> (Profile, Known<'a>) {
        let mut profile = Profile::default();
        let marker_lines: Vec<usize> = (0..self.lines.len())
            .filter(|&i| {
                matches!(&self.kinds[i], Kind::Marker(_))
                    && header::credit(&self.lines[i].text).is_none()
            })
            .collect();
        let dash_count = marker_lines
            .iter()
            .filter(|&&i| matches!(&self.kinds[i], Kind::Marker(m) if m.rule == Rule::Dash))
            .count();
        let other_markers = marker_lines.len() - dash_count;
        profile.dashes = dash_count >= 2 || (dash_count == 1 && other_markers == 0);
        // a lone `――` among other markers is text, not a turn
        let marker_lines: Vec<usize> = marker_lines
            .into_iter()
            .filter(|&i| {
                profile.dashes || !matches!(&self.kinds[i], Kind::Marker(m) if m.rule == Rule::Dash)
            })
            .collect();
        let questions_marked = marker_lines.iter().any(|&i| {
            matches!(&self.kinds[i], Kind::Marker(m) if m.side == Side::Question
                && (m.rule != Rule::Dash || profile.dashes))
        });

        // names the header region declares, to recognise labels by
        let first_candidate = marker_lines.first().copied().unwrap_or(self.lines.len());
        let mut interviewer_names = Vec::new();
        let mut interviewee_names = Vec::new();
        let known = Known {
            entries: header::entries(&self.lines[..first_candidate]),
            lines: first_candidate,
        };
        for entry in &known.entries {
            match &entry.field {
                Field::Interviewer { name, .. } => interviewer_names.push(name.clone()),
                Field::Interviewee(name) => interviewee_names.push(name.clone()),
                Field::Plain => {
                    if let Some((name, _)) = header::name_and_role(&entry.line.text) {
                        interviewee_names.push(name.to_owned());
                    } else if let Some(s) = header::name_with_label(&entry.line.text) {
                        interviewee_names.push(s.name);
                    } else if header::is_name_like(&entry.line.text) {
                        interviewee_names.push(entry.line.text.to_string());
                    }
                }
                _ => {}
            }
        }

        // candidate labels: how often, where, and whether a question precedes
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut after_question: HashMap<&str, bool> = HashMap::new();
        for (i, kind) in self.kinds.iter().enumerate() {
            if let Kind::Label(l) = kind {
                *counts.entry(&l.label).or_default() += 1;
                if !profile.order.contains(&l.label) {
                    profile.order.push(l.label.clone());
                }
                if let Some(full) = &l.full {
                    profile.declared.insert(l.label.clone(), full.clone());
                }
                let prev_is_question = i > 0
                    && matches!(&self.kinds[i - 1], Kind::Marker(m) if m.side == Side::Question);
                if prev_is_question {
                    after_question.insert(&l.label, true);
                }
            }
        }
        let names_match =
            |label: &str, names: &[String]| names.iter().any(|n| labels::matches_name(label, n));
        let recurring = counts.values().filter(|&&n| n >= 2).count();
        let mut accepted: Vec<String> = Vec::new();
        for label in &profile.order {
            let full = profile.declared.get(label);
            let ok = (counts[label.as_str()] >= 2 && (recurring >= 2 || questions_marked))
                || full.is_some()
                || names_match(label, &interviewer_names)
                || names_match(label, &interviewee_names)
                || full.is_some_and(|f| {
                    names_match(f, &interviewee_names) || names_match(f, &interviewer_names)
                })
                || (questions_marked && after_question.contains_key(label.as_str()));
            if ok {
                accepted.push(label.clone());
            }
        }

        // sides: declared roles first, then who asks
        let mut undecided = Vec::new();
        for label in &accepted {
            let full = profile
                .declared
                .get(label)
                .map_or(label.as_str(), String::as_str);
            // the header's declarations first, then role and outlet words
            let party = if names_match(label, &interviewer_names)
                || names_match(full, &interviewer_names)
            {
                Some(Party::Interviewer)
            } else if names_match(label, &interviewee_names)
                || names_match(full, &interviewee_names)
            {
                Some(Party::Interviewee)
            } else if labels::is_interviewer_word(label) {
                Some(Party::Interviewer)
            } else {
                None
            };
            match party {
                Some(p) => {
                    profile.parties.insert(label.clone(), p);
                }
                None => undecided.push(label.clone()),
            }
        }
        let has_interviewer = profile.parties.values().any(|&p| p == Party::Interviewer);
        if !questions_marked && !has_interviewer && !undecided.is_empty() {
            let ratios: Vec<(f64, usize)> =
                undecided.iter().map(|l| self.question_ratio(l)).collect();
            let best = (0..undecided.len())
                .max_by(|&a, &b| {
                    ratios[a]
                        .0
                        .partial_cmp(&ratios[b].0)
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(ratios[b].1.cmp(&ratios[a].1))
                })
                .unwrap_or(0);
            let asker = undecided.remove(best);
            profile.parties.insert(asker, Party::Interviewer);
        }
        for label in undecided {
            profile.parties.insert(label, Party::Interviewee);
        }
        // a label right after the interviewer's turn answers it (a panelist
        // who speaks once)
        for i in 1..self.kinds.len() {
            if let (Kind::Label(prev), Kind::Label(l)) = (&self.kinds[i - 1], &self.kinds[i])
                && profile.party(&prev.label) == Some(Party::Interviewer)
                && profile.party(&l.label).is_none()
            {
                profile.parties.insert(l.label.clone(), Party::Interviewee);
            }
        }
        let sides = |p: Party| profile.parties.values().any(|&q| q == p);
        let answers_marked = marker_lines
            .iter()
            .any(|&i| matches!(&self.kinds[i], Kind::Marker(m) if m.side == Side::Answer));
        let both_sides = sides(Party::Interviewer) && (sides(Party::Interviewee) || answers_marked);
        if !questions_marked && !both_sides {
            profile.parties.clear();
        }
        profile.questions_marked = questions_marked;
        profile.answers_marked = marker_lines
            .iter()
            .any(|&i| matches!(&self.kinds[i], Kind::Marker(m) if m.side == Side::Answer))
            || profile.parties.values().any(|&p| p == Party::Interviewee);
        (profile, known)
    }

    /// The share of `label`'s turns that hold a question, and where it
    /// first speaks.
    fn question_ratio(&self, label: &str) -> (f64, usize) {
        let (mut turns, mut asking, mut first) = (0usize, 0usize, usize::MAX);
        let mut current = false;
        for (i, kind) in self.kinds.iter().enumerate() {
            match kind {
                Kind::Label(l) => {
                    current = l.label == label;
                    if current {
                        turns += 1;
                        first = first.min(i);
                        if asks(l.body(&self.lines[i].text)) {
                            asking += 1;
                        }
                    }
                }
                Kind::Marker(_) => current = false,
                _ if current && asks(&self.lines[i].text) => {
                    // a later line of the same turn asks: count the turn once
                    asking += 1;
                    current = false;
                }
                _ => {}
            }
        }
        let ratio = if turns == 0 {
            0.0
        } else {
            asking.min(turns) as f64 / turns as f64
        };
        (ratio, first)
    }

    /// The first line that opens a question or an answer. Lines by an
    /// interviewee label before any question are header (a headline such
    /// as `李肇星：中日韩合作大有可为`).
    fn first_turn(&self, profile: &Profile) -> usize {
        (0..self.lines.len())
            .find(|&i| match self.turn_at(i, profile, true) {
                Some((Side::Question, _, _)) => true,
                Some((Side::Answer, by, _)) => by.is_none(),
                None => false,
            })
            .unwrap_or(self.lines.len())
    }

    /// Pass 4: the header, from the entries of its lines.
    fn header(&mut self, entries: &[Entry<'a>], profile: &Profile) -> Header {
        let mut h = Header::default();
        let mut plain: Vec<usize> = Vec::new();
        let mut name_at: Option<usize> = None;
        let mut interviewer_explicit = false;
        let mut labelled_intro: Vec<usize> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            match &entry.field {
                Field::Headline(v) if h.headline.is_none() => h.headline = Some(v.clone()),
                Field::Date(v) if h.date.is_none() => h.date = Some(v.clone()),
                Field::Byline(v) if h.byline.is_none() => h.byline = Some(v.clone()),
                Field::Interviewer { byline, name } => {
                    match byline {
                        Some(b) if h.byline.is_none() => h.byline = Some(b.clone()),
                        Some(_) => plain.push(i),
                        None => {}
                    }
                    let explicit = byline.is_none();
                    if h.interviewer.is_none() || (explicit && !interviewer_explicit) {
                        h.interviewer = Some(name.clone());
                        interviewer_explicit |= explicit;
                    } else if explicit {
                        // a second `Interviewer:` line: kept as introduction
                        plain.push(i);
                    }
                }
                Field::Interviewee(v) if h.speaker.is_none() => {
                    h.speaker = Some(parse_name(v));
                    name_at = Some(i);
                }
                Field::Role(v) if h.role.is_none() => h.role = Some(v.clone()),
                Field::Introduction(_) => labelled_intro.push(i),
                Field::Count(count) => {
                    let (count, line) = (*count, entry.line.clone());
                    self.take_read_count(&line, count);
                }
                Field::Furniture => self.furniture(&entry.line),
                _ => plain.push(i),
            }
        }
        let speaker_from_labels = profile.parties.values().any(|&p| p == Party::Interviewee);
        if name_at.is_none() {
            // who answers, by label and declared name, to find their name line
            let mut answering: Vec<&str> = profile
                .order
                .iter()
                .filter(|l| profile.party(l) == Some(Party::Interviewee))
                .flat_map(|l| {
                    std::iter::once(l.as_str()).chain(profile.declared.get(l).map(String::as_str))
                })
                .collect();
            // the longest first, so that `김예람` wins over `김`
            answering.sort_by_key(|n| std::cmp::Reverse(n.len()));
            let names_someone = |name: &str| {
                answering
                    .iter()
                    .any(|l| labels::matches_name(l, name) || labels::matches_name(name, l))
            };
            let person = |i: &usize| {
                let text = &entries[*i].line.text;
                header::is_person_line(text)
                    && (!speaker_from_labels || names_someone(&person_name(text)))
            };
            let known_prefix = |i: &usize| {
                answering.iter().any(|n| {
                    n.chars().count() >= 2
                        && entries[*i]
                            .line
                            .text
                            .strip_prefix(n)
                            .is_some_and(|rest| rest.starts_with([' ', ',', '，']))
                })
            };
            // a header person who answers; else, where questions are marked,
            // any header person (a label transcript names its own)
            let found = plain.iter().copied().find(person).or_else(|| {
                profile
                    .questions_marked
                    .then(|| {
                        plain
                            .iter()
                            .copied()
                            .find(|i| header::is_person_line(&entries[*i].line.text))
                    })
                    .flatten()
            });
            let by_prefix = plain.iter().copied().find(known_prefix);
            name_at = found.or(by_prefix).or_else(|| {
                (!speaker_from_labels)
                    .then(|| plain.first().copied())
                    .flatten()
            });
            // `Interview with Gordon Brown` over `Gordon Brown`: the first is
            // the headline, the next the name line (which would otherwise
            // open the role)
            if let Some(i) = name_at
                && let Some(j) = headline_over_name(entries, &plain, i)
            {
                name_at = Some(j);
            }
            if let Some(i) = name_at {
                let text = entries[i].line.text.clone();
                let bare = header::strip_interview_prefix(&text);
                if let Some(speaker) = header::name_with_label(&text) {
                    h.speaker = Some(speaker);
                } else if let Some((name, role)) = header::name_and_role(&text) {
                    h.speaker = Some(parse_name(name));
                    set_role(&mut h, role);
                } else if found != Some(i)
                    && let Some(name) = answering.iter().find(|n| text.starts_with(**n))
                {
                    // `김예람 한국교육개발원 연구위원`: a known name, then the role
                    h.speaker = Some(parse_name(name));
                    let role = text[name.len()..]
                        .trim_start_matches([' ', ',', '，'])
                        .trim();
                    set_role(&mut h, role);
                } else {
                    h.speaker = Some(parse_name(bare));
                }
                plain.retain(|&j| j != i);
            }
        }
        // before the name: the headline (then any subheadline as introduction)
        let mut intro: Vec<usize> = Vec::new();
        let cut = name_at.unwrap_or(0);
        let (before, after): (Vec<usize>, Vec<usize>) = plain.iter().partition(|&&i| i < cut);
        let mut before = before.into_iter();
        if name_at.is_some() {
            if let Some(first) = before.next() {
                if h.headline.is_none() {
                    h.headline = Some(entries[first].line.text.to_string());
                } else {
                    intro.push(first);
                }
            }
        } else if let Some(&first) = after.first()
            && h.headline.is_none()
            && !header::is_prose(&entries[first].line.text)
            && h.speaker.is_none()
        {
            h.headline = Some(entries[first].line.text.to_string());
            intro.extend(before);
            intro.extend(after.iter().skip(1));
            intro.extend(labelled_intro);
            return self.finish_header(h, entries, &intro);
        }
        intro.extend(before);
        // after the name: the role, over one line or two
        let mut after = after.into_iter().peekable();
        if let (Some(n), None) = (name_at, &h.role)
            && let Some(&r) = after.peek()
            && r == n + 1
            && header::is_role_like(&entries[r].line.text)
        {
            after.next();
            let mut role = entries[r].line.text.to_string();
            if let Some(&r2) = after.peek() {
                let next = &entries[r2].line.text;
                let last_header_line = r2 + 1 == entries.len();
                if r2 == r + 1
                    && (header::role_continues(&role, next)
                        || (last_header_line
                            && header::is_title_like(next)
                            && !header::is_name_like(next)))
                {
                    lines::join_wrapped(&mut role, next);
                    after.next();
                }
            }
            h.role = Some(role);
        }
        intro.extend(after);
        intro.extend(labelled_intro);
        self.finish_header(h, entries, &intro)
    }

    /// Introduction paragraphs, joined when wrapped; warns about the ones
    /// that read like no paragraph.
    fn finish_header(
        &mut self,
        mut h: Header,
        entries: &[header::Entry],
        intro: &[usize],
    ) -> Header {
        let mut intro = intro.to_vec();
        intro.sort_unstable();
        let mut groups: Vec<Vec<&header::Entry>> = Vec::new();
        for &i in &intro {
            let entry = &entries[i];
            let labelled = matches!(entry.field, Field::Introduction(_));
            let joins = self.layout == Layout::Wrapped
                && !labelled
                && groups.last().and_then(|g| g.last()).is_some_and(|prev| {
                    prev.line.block == entry.line.block
                        && !matches!(prev.field, Field::Introduction(_))
                });
            match groups.last_mut() {
                Some(group) if joins => group.push(entry),
                _ => groups.push(vec![entry]),
            }
        }
        for group in groups {
            if let [
                header::Entry {
                    field: Field::Introduction(text),
                    ..
                },
            ] = &group[..]
            {
                h.introduction.push(text.clone());
                continue;
            }
            let lines: Vec<&Line> = group.iter().map(|e| &e.line).collect();
            let text = header::join(&lines);
            // participants of a panel are explained; other short lines are not
            if !header::is_prose(&text) && !header::is_person_line(&text) {
                let span = lines[0].span.start..lines[lines.len() - 1].span.end;
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::Introduction,
                        "text before the first question that is no header field, kept as introduction",
                        span,
                    )
                    .expected("a headline, date, byline, name or role line, or introduction paragraphs ending in a full stop"),
                );
            }
            h.introduction.push(text);
        }
        h
    }

    /// Pass 5: turns into exchanges.
    fn body(&mut self, first: usize, profile: &Profile) -> Vec<Exchange> {
        // room for an exchange a question line: a list grown by doubling
        // would reserve up to twice what it holds (a document of short
        // turns has millions)
        let questions =
            self.kinds
                .get(first..)
                .unwrap_or_default()
                .iter()
                .filter(|kind| match kind {
                    Kind::Marker(m) => m.side == Side::Question,
                    Kind::Label(l) => profile.party(&l.label) == Some(Party::Interviewer),
                    _ => false,
                });
        let mut exchanges = Vec::with_capacity(questions.count());
        let mut open: Option<Open> = None;
        let mut prev_text: Option<usize> = None;
        // the lines outlive `self`'s borrows: no copy of each line's text
        let lines = self.lines;
        for (i, line) in lines.iter().enumerate().skip(first) {
            let wrapped_join = self.layout == Layout::Wrapped
                && prev_text.is_some_and(|p| lines[p].block == line.block && p + 1 == i);
            match &self.kinds[i] {
                &Kind::Count(count) => {
                    self.take_read_count(line, count);
                    prev_text = None;
                    continue;
                }
                Kind::Furniture => {
                    self.furniture(line);
                    prev_text = None;
                    continue;
                }
                _ => {}
            }
            prev_text = Some(i);
            let turn = self.turn_at(i, profile, false);
            if let Some((_, Some(label), _)) = &turn
                && !self.turn_labels.contains(label)
            {
                self.turn_labels.push(label.clone());
            }
            // a line that opens no new question belongs to the open turn
            if let Some(open) = open.as_mut()
                && !matches!(turn, Some((Side::Question, None, _)))
            {
                open.end = line.span.end;
            }
            match turn {
                Some((Side::Question, by, text)) => {
                    if let Some(turn) = open.as_mut()
                        && !turn.answering
                        && by.is_some()
                        && turn.asked_by_label
                    {
                        // the interviewer speaks again before any answer
                        lines::join_wrapped(&mut turn.question, &text);
                        continue;
                    }
                    if let Some(done) = open.take() {
                        self.close(done, &mut exchanges, false);
                    }
                    open = Some(Open::asking(line.span.clone(), text, by.is_some()));
                }
                Some((Side::Answer, by, text)) => {
                    let Some(turn) = open.as_mut() else {
                        self.before_question(line, "answer before any question");
                        continue;
                    };
                    if turn.answering && turn.answered_by != by && by.is_some() {
                        // a second panelist answers the same question
                        let question = turn.question.clone();
                        let asked = turn.asked.clone();
                        let done = open.take().expect("an open turn");
                        self.close(done, &mut exchanges, false);
                        open = Some(Open::asking(asked, question, false));
                    }
                    let turn = open.as_mut().expect("an open turn");
                    if !turn.answering {
                        turn.answering = true;
                        turn.answered_by = by;
                        turn.answer_span = Some(line.span.clone());
                    }
                    if !text.is_empty() {
                        turn.answer.push(text);
                    }
                }
                None => {
                    let text: &str = &line.text;
                    let Some(turn) = open.as_mut() else {
                        self.before_question(line, "text before any question");
                        continue;
                    };
                    if turn.answering {
                        match turn.answer.last_mut() {
                            Some(last) if wrapped_join => lines::join_wrapped(last, text),
                            _ => turn.answer.push(text.to_owned()),
                        }
                    } else if turn.question.is_empty() || wrapped_join || profile.answers_marked {
                        lines::join_wrapped(&mut turn.question, text);
                    } else {
                        // the answer follows the question unmarked (`――なぜ？`)
                        turn.answering = true;
                        turn.answer_span = Some(line.span.clone());
                        turn.answer.push(text.to_owned());
                    }
                }
            }
        }
        if let Some(done) = open.take() {
            self.close(done, &mut exchanges, true);
        }
        // fewer than reserved when some question lines made none
        exchanges.shrink_to_fit();
        exchanges
    }

    fn close(&mut self, turn: Open, exchanges: &mut Vec<Exchange>, last: bool) {
        if turn.question.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::EmptyTurn,
                    "question marker with no text",
                    turn.asked.start..turn.end,
                )
                .expected("the question text after the marker"),
            );
            return;
        }
        if turn.answer.is_empty() {
            if let Some(span) = turn.answer_span {
                self.diagnostics.push(
                    Diagnostic::error(Code::EmptyTurn, "answer marker with no text", span)
                        .expected("the answer text after the marker"),
                );
            } else if last && turn.asked_by_label {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::TrailingText,
                        "closing remark with no answer, left out of the model",
                        turn.asked.start..turn.end,
                    )
                    .expected("an answer after each question"),
                );
            } else {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::QuestionWithoutAnswer,
                        "question has no answer",
                        turn.asked.start..turn.end,
                    )
                    .expected("an answer line (`A:` or `答：`) after the question"),
                );
            }
            return;
        }
        // grown by doubling, an answer of five paragraphs holds room for
        // eight: the model lives through the whole conversion
        let mut answer = turn.answer;
        answer.shrink_to_fit();
        exchanges.push(Exchange {
            question: turn.question,
            answer,
            answered_by: turn.answered_by,
        });
    }

    /// An answer, or text, where no question has been asked yet.
    fn before_question(&mut self, line: &Line<'_>, message: &str) {
        self.diagnostics.push(
            Diagnostic::error(Code::AnswerBeforeQuestion, message, line.span.clone())
                .expected("a question line (`Q:` or `问：`) before the first answer"),
        );
    }

    fn furniture(&mut self, line: &Line<'_>) {
        self.diagnostics.push(
            Diagnostic::warning(
                Code::PageFurniture,
                format!("page furniture dropped: `{}`", line.text),
                line.span.clone(),
            )
            .expected("interview text (share bars and copyright lines are not part of it)"),
        );
    }

    fn take_read_count(&mut self, line: &Line<'_>, count: ReadCount) {
        if self.read_count.is_some() {
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::DuplicateReadCount,
                    "second read count ignored",
                    line.span.clone(),
                )
                .expected("one read-count line per interview"),
            );
        } else {
            self.read_count = Some((count, line.text.to_string()));
        }
    }

    /// Settles speaker, interviewer and panel, and reports what is missing.
    fn finish(
        mut self,
        header: Header,
        mut exchanges: Vec<Exchange>,
        profile: &Profile,
    ) -> Option<Interview> {
        if exchanges.is_empty() {
            let at = self.lines.last().map_or(0..0, |l| l.span.clone());
            self.diagnostics.push(
                Diagnostic::error(
                    Code::NoExchanges,
                    "no question-and-answer exchange found",
                    at,
                )
                .expected("`Q:` and `A:` lines (or `问：` and `答：`, or speaker labels)"),
            );
        }
        if self.read_count.is_none() {
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

        let answerers: Vec<&str> = profile
            .order
            .iter()
            .filter(|l| profile.party(l) == Some(Party::Interviewee))
            .filter(|l| {
                exchanges
                    .iter()
                    .any(|e| e.answered_by.as_deref() == Some(l.as_str()))
            })
            .map(String::as_str)
            .collect();
        let full_name = |label: &str| {
            profile
                .declared
                .get(label)
                .cloned()
                .unwrap_or_else(|| label.to_owned())
        };
        let turn_labels = &self.turn_labels;
        let label_for = |name: &str, party: Party| {
            profile
                .order
                .iter()
                .filter(|l| profile.party(l) == Some(party) && turn_labels.contains(l))
                .find(|l| {
                    profile.declared.get(*l).map(String::as_str) == Some(name)
                        || labels::matches_name(l, name)
                })
                .cloned()
        };
        let speaker = match header.speaker {
            Some(mut speaker) => {
                // the label that names the speaker, else the only one that answers
                let label = label_for(&speaker.name, Party::Interviewee).or_else(|| {
                    let [only] = answerers[..] else { return None };
                    Some(only.to_owned())
                });
                if speaker.label.is_none()
                    && let Some(label) = label
                    && label != speaker.name
                {
                    speaker.label = Some(label);
                }
                Some(speaker)
            }
            None => answerers.first().map(|label| {
                let name = full_name(label);
                let mut speaker = parse_name(&name);
                if name != *label {
                    speaker.label = Some((*label).to_owned());
                }
                speaker
            }),
        };
        let interviewer = header
            .interviewer
            .or_else(|| {
                profile
                    .order
                    .iter()
                    .find(|l| {
                        profile.party(l) == Some(Party::Interviewer) && !labels::is_generic_role(l)
                    })
                    .map(|l| full_name(l))
            })
            .map(|name| {
                let mut interviewer = parse_name(&name);
                let askers: Vec<&String> = profile
                    .order
                    .iter()
                    .filter(|l| {
                        profile.party(l) == Some(Party::Interviewer)
                            && !labels::is_generic_role(l)
                            && turn_labels.contains(l)
                    })
                    .collect();
                let label = label_for(&name, Party::Interviewer).or_else(|| match askers[..] {
                    [only] => Some(only.clone()),
                    _ => None,
                });
                if let Some(label) = label
                    && label != name
                {
                    interviewer.label = Some(label);
                }
                interviewer
            });
        if answerers.len() < 2 {
            for exchange in &mut exchanges {
                exchange.answered_by = None;
            }
        }

        let Some(speaker) = speaker else {
            let at = self.lines.first().map_or(0..0, |l| l.span.clone());
            self.diagnostics.push(
                Diagnostic::error(
                    Code::MissingSpeaker,
                    "no speaker line before the first question",
                    at,
                )
                .expected("the interviewee's name on the first line, e.g. `LEE Hee-sup`"),
            );
            return None;
        };
        let language = detect_language(exchanges.iter().flat_map(|e: &Exchange| {
            std::iter::once(e.question.as_str()).chain(e.answer.iter().map(String::as_str))
        }));
        let read_count = self.read_count.take();
        Some(Interview {
            headline: header.headline,
            date: header.date,
            byline: header.byline,
            speaker,
            role: header.role.map(|r| parse_role(&r)),
            interviewer,
            introduction: header.introduction,
            exchanges,
            read_count: read_count.as_ref().map(|(c, _)| c.value),
            read_count_precision: read_count.as_ref().map(|(c, _)| c.precision),
            read_count_text: read_count.map(|(_, text)| text),
            language,
            encoding: Some(self.source.encoding().name().to_owned()),
        })
    }
}

/// Sets the role, or keeps a second one as introduction.
fn set_role(h: &mut Header, role: &str) {
    if h.role.is_none() {
        h.role = Some(role.to_owned());
    } else {
        h.introduction.push(role.to_owned());
    }
}

/// The name line right after the interview-prefixed line `i`
/// (`Interview with Prime Minister Gordon Brown`, `专访外交部长王毅`) when
/// it names the person the prefixed line names: that line is then the
/// headline.
fn headline_over_name(entries: &[Entry<'_>], plain: &[usize], i: usize) -> Option<usize> {
    let text = &entries[i].line.text;
    let bare = header::strip_interview_prefix(text);
    let j = i + 1;
    if bare.len() == text.len() || !plain.contains(&j) {
        return None;
    }
    let next = &entries.get(j)?.line.text;
    if header::strip_interview_prefix(next).len() < next.len() || !header::is_person_line(next) {
        return None;
    }
    let named = person_name(next).to_lowercase();
    (!named.is_empty() && bare.to_lowercase().contains(&named)).then_some(j)
}

/// The name in a person line (`KIM Min-jun, Director …` → `KIM Min-jun`).
fn person_name(text: &str) -> String {
    if let Some(speaker) = header::name_with_label(text) {
        return speaker.name;
    }
    if let Some((name, _)) = header::name_and_role(text) {
        return name.to_owned();
    }
    header::strip_interview_prefix(text).to_owned()
}

/// Whether a turn's text asks something: it ends with a question mark.
fn asks(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '」', '』', ')', '）', ' ']);
    t.ends_with(['?', '？']) || t.ends_with("까요") || t.ends_with("ですか")
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
