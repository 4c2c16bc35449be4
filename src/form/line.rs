//! A line of a page: its text, trimmed, and where it stands.

use std::borrow::Cow;
use std::ops::Range;

/// A non-blank, trimmed line (or a segment of one) with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Line<'s> {
    /// Where the text stands in the source.
    pub span: Range<usize>,
    /// The text, trimmed, forbidden characters removed: the source's own
    /// unless a character was removed.
    pub text: Cow<'s, str>,
    /// The blank-line-separated block the line belongs to.
    pub block: u32,
}

impl<'s> Line<'s> {
    /// Part of the text: borrowed from the source as the whole text is.
    pub fn part(&self, range: Range<usize>) -> Cow<'s, str> {
        match &self.text {
            Cow::Borrowed(text) => Cow::Borrowed(&text[range]),
            Cow::Owned(text) => Cow::Owned(text[range].to_owned()),
        }
    }
}
