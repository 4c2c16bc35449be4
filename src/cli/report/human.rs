//! Human rendering of diagnostics: `file:line:col`, the offending line, a
//! caret under the span, and what was expected. Coloured as `--color`
//! says.

use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::termcolor::{Buffer, ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};
use interview_kit::source::LineCol;
use interview_kit::{Diagnostic, Severity, Source};

use super::{Located, Reporter, Summary, display_path};
use crate::cli::count;

/// Writes diagnostics to stderr for people to read.
pub struct Human {
    stream: StandardStream,
    config: Config,
    colour: bool,
    quiet: bool,
}

impl Human {
    /// A renderer on stderr, coloured or not (`--color` decides).
    pub fn stderr(colour: bool) -> Human {
        let choice = if colour {
            ColorChoice::Always
        } else {
            ColorChoice::Never
        };
        Human {
            stream: StandardStream::stderr(choice),
            config: Config::default(),
            colour,
            quiet: false,
        }
    }

    /// The same, showing no summary (`--quiet`); the caller leaves the
    /// warnings out.
    pub fn quiet(mut self, quiet: bool) -> Human {
        self.quiet = quiet;
        self
    }

    /// Whether output is coloured (for [`render`] on other threads).
    pub fn colour(&self) -> bool {
        self.colour
    }

    /// Writes diagnostics rendered by [`render`].
    pub fn write(&mut self, rendered: &[u8]) {
        let _ = io::stderr().lock().write_all(rendered);
    }

    /// A diagnostic of an input with no text to show (a missing file, a
    /// refused archive entry, an output that exists), or whose text is
    /// gone: the headline names the file, and the place when `at` knows it.
    pub fn whole(&mut self, name: &str, diagnostic: &Diagnostic, at: Option<LineCol>) {
        let name = display_path(name);
        let file = SimpleFile::new(&name, "");
        let report = whole_report(&name, diagnostic, at);
        let _ = term::emit_to_write_style(&mut self.stream, &self.config, &file, &report);
    }

    /// A problem with no source to show (an unreadable file, a bad flag).
    pub fn error(&mut self, message: &str) {
        let report: Report<()> = Report::error().with_message(display_path(message));
        let file = SimpleFile::new("", "");
        let _ = term::emit_to_write_style(&mut self.stream, &self.config, &file, &report);
    }
}

impl Reporter for Human {
    fn file(
        &mut self,
        name: &str,
        entries: &[Located<'_>],
        rendered: &[Vec<u8>],
    ) -> io::Result<()> {
        for (i, entry) in entries.iter().enumerate() {
            match rendered.get(i) {
                Some(bytes) => self.write(bytes),
                // no source to show (an unreadable archive entry, a limit)
                None => self.whole(name, entry.diagnostic, entry.region.map(|(start, _)| start)),
            }
        }
        Ok(())
    }

    fn unreadable(&mut self, name: &str, error: &Diagnostic) -> io::Result<()> {
        self.whole(name, error, None);
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, omitted: Option<u64>) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        closing(&mut io::stderr().lock(), summary, omitted)
    }
}

/// The closing lines of a run: what `--max-errors` left out, then the
/// verdicts (a link left out, not followed, is no file checked).
fn closing(out: &mut impl Write, summary: &Summary, omitted: Option<u64>) -> io::Result<()> {
    if let Some(omitted) = omitted.filter(|&n| n > 0) {
        writeln!(
            out,
            "note: {} not shown (--max-errors)",
            count(omitted, "more diagnostic")
        )?;
    }
    let failed = if summary.failed > 0 {
        format!(", {} failed", summary.failed)
    } else {
        String::new()
    };
    let checked = summary.files - summary.skipped;
    writeln!(
        out,
        "checked {}: {} valid, {} invalid{failed}; {}, {}",
        count(checked, "file"),
        checked - summary.invalid - summary.failed,
        summary.invalid,
        count(summary.errors, "error"),
        count(summary.warnings, "warning")
    )
}

/// Renders every diagnostic of one source to bytes, in one buffer so that
/// a file's diagnostics reach the terminal in one write and can be
/// rendered on any thread.
pub fn render(source: &Source, diagnostics: &[Diagnostic], strict: bool, colour: bool) -> Vec<u8> {
    if diagnostics.is_empty() {
        return Vec::new();
    }
    let mut buffer = if colour {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    let name = display_path(source.name());
    for diagnostic in diagnostics {
        let excerpt = diagnostic
            .span
            .clone()
            .map(|span| Excerpt::of(source, &name, span));
        let emitted = match &excerpt {
            Some(excerpt) => {
                let label = Some(excerpt.span.clone());
                let report = report(&name, diagnostic, strict, label);
                term::emit_to_write_style(&mut buffer, &config, excerpt, &report)
            }
            // no place in the text: the file name goes in the headline
            None => {
                let report = report(&name, diagnostic, strict, None);
                let file = SimpleFile::new(&*name, "");
                term::emit_to_write_style(&mut buffer, &config, &file, &report)
            }
        };
        if emitted.is_err() {
            // the snippet could not be shown: say it plainly
            let message = display_path(&diagnostic.message);
            let _ = writeln!(buffer, "{name}: {message}");
        }
    }
    buffer.into_inner()
}

/// Columns of a long line shown before a span.
const BEFORE: usize = 40;
/// Columns of a long line shown in all (paragraphs run to thousands).
const SHOWN: usize = 160;

/// Columns a character takes on a terminal: two for the wide CJK ones.
fn columns(c: char) -> usize {
    match c {
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{3fffd}' => 2,
        _ => 1,
    }
}

/// The lines a span covers, as a file of their own whose line and column
/// numbers are the source's: only those lines are made printable and
/// indexed, not the whole source, for each diagnostic. A span in one line
/// wider than [`SHOWN`] columns gets the part of the line around it, `…`
/// marking what is cut.
struct Excerpt<'a> {
    name: &'a str,
    text: String,
    /// The span, in `text`.
    span: Range<usize>,
    /// The source's number of `text`'s first line, and where each line of
    /// `text` starts.
    first_line: usize,
    line_starts: Vec<usize>,
    /// The source's column of `text`'s first character, and whether `text`
    /// opens with the `…` that stands for the cut start of a long line.
    first_col: usize,
    cut_start: bool,
}

impl<'a> Excerpt<'a> {
    /// The excerpt for `span`, cut back to the source's end and to
    /// character boundaries (a reader's span never needs it; a bad one is
    /// still shown at the nearest place).
    fn of(source: &'a Source, name: &'a str, span: Range<usize>) -> Excerpt<'a> {
        let text = source.text();
        let floor = |mut at: usize| {
            at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let end = floor(span.end);
        let span = floor(span.start).min(end)..end;
        let start = source.line_col(span.start);
        let first = source.line_range(start.line);
        if span.end <= first.end
            && first.len() > SHOWN
            && let Some(excerpt) = Excerpt::cut(source, name, span.clone(), start, first.clone())
        {
            return excerpt;
        }
        let last = source.line_range(source.line_col(span.end).line);
        let lines = printable(&text[first.start..last.end]).into_owned();
        let line_starts = std::iter::once(0)
            .chain(lines.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Excerpt {
            name,
            text: lines,
            span: span.start - first.start..span.end - first.start,
            first_line: start.line,
            line_starts,
            first_col: 1,
            cut_start: false,
        }
    }

    /// The part of one long line (`range`, where `span` starts at
    /// `start`) around `span`, if the line is wider than [`SHOWN`] columns.
    /// Only the characters shown are looked at, however long the line: a
    /// line of thousands of problems is not read once for each.
    fn cut(
        source: &'a Source,
        name: &'a str,
        span: Range<usize>,
        start: LineCol,
        range: Range<usize>,
    ) -> Option<Excerpt<'a>> {
        let text = source.text();
        let mut width = 0;
        if text[range.clone()].chars().all(|c| {
            width += columns(c);
            width <= SHOWN
        }) {
            return None;
        }
        // BEFORE columns before the span, then up to SHOWN in all
        let mut begin = span.start;
        let mut back = 0;
        width = 0;
        for c in text[range.start..span.start].chars().rev() {
            if width + columns(c) > BEFORE {
                break;
            }
            width += columns(c);
            begin -= c.len_utf8();
            back += 1;
        }
        let mut end = begin;
        width = 0;
        for c in text[begin..range.end].chars() {
            if width + columns(c) > SHOWN {
                break;
            }
            width += columns(c);
            end += c.len_utf8();
        }
        let cut_start = begin > range.start;
        let mut shown = String::with_capacity(end - begin + 6);
        if cut_start {
            shown.push('…');
        }
        let offset = shown.len();
        shown.push_str(&printable(&text[begin..end]));
        if end < range.end {
            shown.push('…');
        }
        let local = |at: usize| at.clamp(begin, end) - begin + offset;
        Some(Excerpt {
            name,
            span: local(span.start)..local(span.end),
            text: shown,
            first_line: start.line,
            line_starts: vec![0],
            first_col: start.col - back,
            cut_start,
        })
    }
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte: usize) -> Result<usize, files::Error> {
        Ok(self.line_starts.partition_point(|&start| start <= byte) - 1)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.first_line + line_index)
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte: usize,
    ) -> Result<usize, files::Error> {
        let range = self.line_range((), line_index)?;
        let before = self
            .text
            .get(range.start..byte.min(range.end))
            .map_or(0, |t| t.chars().count());
        Ok(self.first_col + before - usize::from(self.cut_start && line_index == 0))
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.line_starts.len() - 1,
            })?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .map_or(self.text.len(), |next| next - 1);
        Ok(start..end)
    }
}

/// The report of a diagnostic shown without its text: `name:line:col:`
/// (or the name alone) opens the headline.
fn whole_report(name: &str, diagnostic: &Diagnostic, at: Option<LineCol>) -> Report<()> {
    let place = match at {
        Some(at) => format!("{name}:{}:{}", at.line, at.col),
        None => name.to_owned(),
    };
    report(&place, diagnostic, false, None)
}

/// The report of `diagnostic`, `label` (its span in the file it is shown
/// with: the source, or an excerpt of a long line) underlined; without a
/// label, `name` opens the headline instead.
fn report(
    name: &str,
    diagnostic: &Diagnostic,
    strict: bool,
    label: Option<Range<usize>>,
) -> Report<()> {
    let level = match diagnostic.severity {
        Severity::Error => Level::Error,
        Severity::Warning if strict => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Note => Level::Note,
    };
    // a message or a note may quote the document: no control character
    // reaches the terminal
    let message = display_path(&diagnostic.message);
    let mut notes = Vec::new();
    if let Some(expected) = &diagnostic.expected {
        notes.push(format!("expected {}", display_path(expected)));
    }
    let mut report = Report::new(level).with_code(diagnostic.code.as_str());
    report = match label {
        Some(span) => report
            .with_message(&*message)
            .with_labels(vec![Label::primary((), span).with_message(&*message)]),
        // no place shown in the text: the file name goes in the headline
        None => report.with_message(format!("{name}: {message}")),
    };
    if let Some(pointer) = &diagnostic.pointer {
        notes.push(format!("at JSON pointer `{}`", display_path(pointer)));
    }
    report.with_notes(notes)
}

/// The text with control characters shown as `?`, byte for byte, so that
/// spans stay valid and a binary file cannot drive the terminal.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .bytes()
        .any(|b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f)
    {
        return text.into();
    }
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| {
            if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f {
                b'?'
            } else {
                b
            }
        })
        .collect();
    String::from_utf8(bytes)
        .expect("replacing ASCII bytes with ASCII keeps UTF-8 valid")
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The closing lines come from the run's totals, the one summary
    /// `convert` reports too: a link left out is no file checked, and
    /// what `--max-errors` left out is noted first.
    #[test]
    fn the_closing_lines_count_the_runs_totals() {
        let summary = Summary {
            files: 4,
            skipped: 1,
            invalid: 1,
            failed: 1,
            errors: 2,
            warnings: 1,
            ..Summary::default()
        };
        let closed = |omitted| {
            let mut out = Vec::new();
            closing(&mut out, &summary, omitted).unwrap();
            String::from_utf8(out).unwrap()
        };
        let verdict = "checked 3 files: 1 valid, 1 invalid, 1 failed; 2 errors, 1 warning\n";
        assert_eq!(closed(None), verdict);
        assert_eq!(closed(Some(0)), verdict);
        assert_eq!(
            closed(Some(3)),
            format!("note: 3 more diagnostics not shown (--max-errors)\n{verdict}")
        );
    }
    use interview_kit::diagnostic::Code;

    fn shown(text: &str, span: Range<usize>) -> String {
        let source = Source::from_text("t.txt", text);
        let diagnostic = Diagnostic::warning(Code::ControlCharacter, "here", span);
        String::from_utf8(render(&source, &[diagnostic], false, false)).unwrap()
    }

    proptest::proptest! {
        /// Any span over any text renders without a panic, under the
        /// place it starts at (cut back to the text's end and to a
        /// character boundary).
        #[test]
        fn any_span_renders(
            text in "[a 中\u{1}\t\n]{0,300}",
            start in 0usize..320,
            len in 0usize..40,
        ) {
            let source = Source::from_text("t.txt", &text);
            let span = start..start + len;
            let diagnostic = Diagnostic::warning(Code::ControlCharacter, "here", span.clone());
            let out = String::from_utf8(render(&source, &[diagnostic], false, false)).unwrap();
            let text = source.text();
            let mut end = span.end.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let mut start = span.start.min(end);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let at = source.line_col(start);
            let place = format!("t.txt:{}:{}", at.line, at.col);
            proptest::prop_assert!(out.contains(&place), "{}", out);
        }
    }

    #[test]
    fn a_diagnostic_shown_without_its_text_names_its_file_and_place() {
        let spanned = Diagnostic::warning(Code::ControlCharacter, "here", 4..6);
        let at = LineCol { line: 3, col: 5 };
        assert_eq!(
            whole_report("a.txt", &spanned, Some(at)).message,
            "a.txt:3:5: here"
        );
        let whole = Diagnostic::whole(Severity::Error, Code::Io, "gone");
        assert_eq!(whole_report("a.txt", &whole, None).message, "a.txt: gone");
    }

    #[test]
    fn a_span_past_the_end_is_shown_at_the_end() {
        assert!(shown("", 0..1).contains("t.txt:1:1"));
        let out = shown("Q: why?\nA: 中\n", 12..40);
        assert!(out.contains("t.txt:2:4"), "{out}");
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let out = shown("Q: why?\nA: because\n", 11..18);
        assert!(out.contains("t.txt:2:4"), "{out}");
        assert!(out.contains("2 │ A: because\n"), "{out}");
        assert!(out.contains("^^^^^^^ here"), "{out}");
    }

    #[test]
    fn a_long_line_is_shown_around_the_span_with_the_sources_numbers() {
        let line = format!("A: {}TARGET{}", "word ".repeat(100), " more".repeat(100));
        let at = 8 + line.find("TARGET").unwrap();
        let out = shown(&format!("Q: why?\n{line}\n"), at..at + 6);
        // line 2, column of `T` counted in the whole line
        assert!(
            out.contains(&format!("t.txt:2:{}", line.find("TARGET").unwrap() + 1)),
            "{out}"
        );
        let shown_line = out.lines().find(|l| l.starts_with("2 │")).unwrap();
        assert!(shown_line.starts_with("2 │ …"), "{out}");
        assert!(shown_line.ends_with('…'), "{out}");
        assert!(shown_line.chars().count() <= SHOWN + 8, "{out}");
        // the caret stands under `TARGET`
        let caret = out.lines().find(|l| l.contains("^^^^^^ here")).unwrap();
        let col = |l: &str, s: &str| l[..l.find(s).unwrap()].chars().count();
        assert_eq!(col(caret, "^"), col(shown_line, "TARGET"), "{out}");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let line = "韧区口贸".repeat(100);
        let out = shown(&format!("{line}\n"), 0..3);
        let shown_line = out.lines().find(|l| l.starts_with("1 │")).unwrap();
        // 80 characters of two columns, then the cut
        assert_eq!(
            shown_line.chars().count(),
            "1 │ ".chars().count() + SHOWN / 2 + 1
        );
    }
}
