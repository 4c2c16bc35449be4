//! The page's read count: the first count line ([`crate::form::count`]
//! reads each line), or else one inside a line of the page's metadata.

use super::classify::Counted;
use crate::diagnostic::{Code, Diagnostic};
use crate::form::chars::fits_width;
use crate::form::count::{find_in, find_unread, parse_read_count};
use crate::form::line::Line;
use crate::source::Source;

/// How many lines at the top and at the bottom of a page a count inside a
/// line is looked for in.
const EDGE: usize = 40;

/// The read count: the first count line of the page; later ones are
/// reported. A page with no count line may hold one inside a line
/// (`2013-05-02 | 浏览 12486 次 | 评论 3`): read, and flagged as doubtful.
/// Counts inside lines are looked for among the page's first and last
/// [`EDGE`] lines, where its metadata stands. A page with none is
/// reported, and a count field left unread on it
/// (`浏览量:` with no number, `人氣` with its number missing) is flagged as
/// doubtful at its place.
pub(crate) fn settle(
    source: &Source,
    lines: &[Line<'_>],
    mut counts: impl Iterator<Item = Counted>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Counted> {
    let mut first = counts.next();
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
    // a page's counts stand in its metadata, at its top or its bottom: the
    // lines in between (a long transcript) are not searched
    let edges = || {
        let bottom = lines.len().saturating_sub(EDGE).max(EDGE);
        lines.iter().take(EDGE).chain(lines.iter().skip(bottom))
    };
    // a count line not among `counts` was set aside (a linked page's)
    if first.is_none()
        && let Some((line, (range, count))) = edges()
            .filter(|l| parse_read_count(&l.text).is_none())
            .find_map(|l| find_in(&l.text).map(|found| (l, found)))
    {
        let span = span_in(line, &range);
        let text = line.text[range].to_owned();
        diagnostics.push(
            Diagnostic::warning(
                Code::DoubtfulReadCount,
                format!("read count `{text}` read from inside a line"),
                span.clone(),
            )
            .expected("a read-count line of its own, such as `已阅读人数: 427`"),
        );
        first = Some(Counted { count, span, text });
    }
    if first.is_none() {
        // a field's label with no count: a count the page failed to print,
        // or one this reader does not know
        let unread = edges()
            .filter(|l| fits_width(&l.text, 120))
            .find_map(|l| find_unread(&l.text).map(|range| (l, range)));
        if let Some((line, range)) = unread {
            diagnostics.push(
                Diagnostic::warning(
                    Code::DoubtfulReadCount,
                    format!(
                        "read-count field `{}` holds no count this reader knows",
                        &line.text[range.clone()]
                    ),
                    span_in(line, &range),
                )
                .expected("a count after the label, such as `浏览量: 1,234`"),
            );
        }
        let end = source.text().trim_end().len();
        let line = source.line_col(end).line;
        diagnostics.push(
            Diagnostic::warning(Code::NoReadCount, "no read count", source.line_range(line))
                .expected("a footer such as `已阅读人数: 427`"),
        );
    }
    first
}

/// The span of `range` of `line`'s text in the source: the line text is
/// the source's own, trimmed, so offsets carry over unless control
/// characters were removed (then the span is the line).
fn span_in(line: &Line<'_>, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    if line.text.len() == line.span.len() {
        line.span.start + range.start..line.span.start + range.end
    } else {
        line.span.clone()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_inside_lines_are_looked_for_at_the_pages_edges() {
        fn read_count(text: &str) -> Option<u64> {
            let source = crate::source::Source::from_text("t.txt", text);
            crate::read::text::read(&source).interview?.read_count
        }
        let turns = "Q: Why?\nA: Because.\n".repeat(30);
        // in the metadata at the top or the bottom
        assert_eq!(
            read_count(&format!("Name\n2013-05-02 | 浏览 12 次\n{turns}")),
            Some(12)
        );
        assert_eq!(
            read_count(&format!("Name\n{turns}2013-05-02 | 浏览 12 次\n")),
            Some(12)
        );
        // not deep inside a long transcript's answers
        assert_eq!(
            read_count(&format!("Name\n{turns}A: 2013-05-02 | 浏览 12 次\n{turns}")),
            None
        );
    }
}
