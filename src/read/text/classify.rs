//! Pass 2: what each line is, by the line rules alone: a read count
//! ([`super::count`]), a question or answer marker ([`super::markers`]), a
//! label-shaped prefix ([`super::labels`]), page furniture, or plain text.
//! Which labels really are speakers is for the layout pass to settle.

use std::ops::Range;

use super::count::{ReadCount, parse_read_count};
use super::fields;
use super::labels::{self, Label};
use super::lines::{self, Line};
use super::markers::{self, Marker};
use crate::diagnostic::{Code, Diagnostic};

/// What a line is, by the rules of this pass. One is kept per line for the
/// whole read (a document of short lines has millions), so a label, which
/// holds strings, is boxed: a plain line's costs 40 bytes rather than 88.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
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

/// The page as the later passes see it: its lines, what each is, and how
/// its paragraphs are laid out.
pub(crate) struct Page<'a> {
    /// The whole text, as decoded.
    pub text: &'a str,
    pub lines: &'a [Line<'a>],
    pub kinds: Vec<Kind>,
    pub paragraphs: lines::Layout,
}

/// Classifies every line of `lines`.
pub(crate) fn page<'a>(text: &'a str, lines: &'a [Line<'a>]) -> Page<'a> {
    Page {
        text,
        lines,
        kinds: same_people(lines.iter().map(|l| classify(&l.text)).collect()),
        paragraphs: lines::layout(lines),
    }
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
/// label-shaped prefix, share bar or page footer (the text writer repeats
/// the answer's marker before a paragraph that is not).
pub(crate) fn is_plain_body_line(text: &str) -> bool {
    matches!(classify(text), Kind::Plain) && !super::tail::is_footer(text)
}

/// What a line is.
fn classify(text: &str) -> Kind {
    if let Some(count) = parse_read_count(text) {
        return Kind::Count(count);
    }
    if let Some(marker) = markers::detect(text) {
        return Kind::Marker(marker);
    }
    // before labels: `分享到：微信 微博` is a share bar, not a speaker
    if fields::is_furniture(text, false) {
        return Kind::Furniture;
    }
    if let Some(label) = labels::detect(text) {
        return Kind::Label(Box::new(label));
    }
    Kind::Plain
}

/// A read-count line as a pass met it, for the read count to be settled
/// once all are known.
#[derive(Debug, Clone)]
pub(crate) struct Counted {
    pub count: ReadCount,
    pub span: Range<usize>,
    pub text: String,
}

impl Counted {
    pub fn of(line: &Line<'_>, count: ReadCount) -> Counted {
        Counted {
            count,
            span: line.span.clone(),
            text: line.text.to_string(),
        }
    }
}

/// The warning for a share bar or copyright line, dropped.
pub(crate) fn furniture(line: &Line<'_>) -> Diagnostic {
    Diagnostic::warning(
        Code::PageFurniture,
        format!("page furniture dropped: `{}`", line.text),
        line.span.clone(),
    )
    .expected("interview text (share bars and copyright lines are not part of it)")
}
