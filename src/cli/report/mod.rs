//! Reports of diagnostics: for people (`human`, on stderr) and for machines
//! (`json`, `github`, `sarif`, `junit`, on stdout).
//!
//! A [`Reporter`] is told about every file, with or without problems, then
//! finished once; formats that are one document (SARIF, JUnit) write it then.

mod github;
pub mod human;
mod json;
mod junit;
mod sarif;

use std::borrow::Cow;
use std::io::{self, Write};

#[cfg(test)]
use interview_kit::Source;
use interview_kit::batch::{self, Summary};
use interview_kit::source::LineCol;
use interview_kit::{Diagnostic, Severity};

/// The report formats `--format` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Snippets with file:line:col on stderr, coloured as `--color` says.
    Human,
    /// One JSON object per diagnostic, one per line, on stdout.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…`) on stdout.
    Github,
    /// One SARIF 2.1.0 log on stdout.
    Sarif,
    /// One JUnit XML report on stdout, a testcase per file.
    Junit,
}

/// A path as shown to people and in every report that cannot carry any
/// character (a terminal, GitHub's log, JUnit XML): each control character
/// and bidirectional-text control becomes its Rust escape (`\u{1b}`,
/// `\t`), so that a file name can neither drive a terminal nor make a
/// report ill-formed. Other text, a name in any script included, is kept.
/// The same holds for any text from outside shown beside it (a message
/// that quotes a document).
pub fn display_path(path: &str) -> Cow<'_, str> {
    /// Characters that reorder the text around them on display.
    fn bidi(c: char) -> bool {
        matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    let escaped = |c: char| c.is_control() || bidi(c);
    if !path.chars().any(escaped) {
        return Cow::Borrowed(path);
    }
    let mut shown = String::with_capacity(path.len() + 8);
    for c in path.chars() {
        if escaped(c) {
            shown.extend(c.escape_debug());
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// One diagnostic with its place worked out, as every format needs it.
pub struct Located<'a> {
    /// The file's display name.
    pub file: &'a str,
    /// The diagnostic.
    pub diagnostic: &'a Diagnostic,
    /// Severity after `--strict`.
    pub severity: Severity,
    /// Start and end (end exclusive), when the diagnostic has a span.
    pub region: Option<(LineCol, LineCol)>,
    /// The first line of the span, as shown to people.
    pub line_text: Option<&'a str>,
}

impl<'a> Located<'a> {
    /// Locates `diagnostic` in `source`.
    #[cfg(test)]
    pub fn new(source: &'a Source, diagnostic: &'a Diagnostic, strict: bool) -> Located<'a> {
        let severity = if strict {
            Severity::Error
        } else {
            diagnostic.severity
        };
        let region = diagnostic
            .span
            .as_ref()
            .map(|span| (source.line_col(span.start), source.line_col(span.end)));
        let line_text = region.map(|(start, _)| &source.text()[source.line_range(start.line)]);
        Located {
            file: source.name(),
            diagnostic,
            severity,
            region,
            line_text,
        }
    }

    /// A diagnostic of a batch outcome (severities already under
    /// `--strict`), with the text of its first line when it has one.
    pub fn of(
        file: &'a str,
        located: &'a batch::Located,
        line_text: Option<&'a str>,
    ) -> Located<'a> {
        Located {
            file,
            diagnostic: &located.diagnostic,
            severity: located.diagnostic.severity,
            region: located.position,
            line_text,
        }
    }

    /// The message with what was expected, for one-line formats.
    pub fn full_message(&self) -> String {
        match &self.diagnostic.expected {
            Some(expected) => format!("{}; expected {expected}", self.diagnostic.message),
            None => self.diagnostic.message.clone(),
        }
    }
}

/// Receives every checked file's diagnostics, then finishes the report.
pub trait Reporter {
    /// One file (`name`) and the diagnostics to show for it (possibly
    /// none); `rendered` holds, where the caller made them, each
    /// diagnostic already rendered for people.
    fn file(&mut self, name: &str, entries: &[Located<'_>], rendered: &[Vec<u8>])
    -> io::Result<()>;
    /// An input that could not be checked at all (a missing file, one
    /// that holds no document): a failure of the run, not a finding.
    fn unreadable(&mut self, name: &str, error: &Diagnostic) -> io::Result<()>;
    /// The end of the run: its totals, and under `--max-errors` how many
    /// diagnostics it left out (`None` without the option).
    fn finish(&mut self, summary: &Summary, omitted: Option<u64>) -> io::Result<()>;
}

/// The reporter for `format`, writing machine formats to `out` and people's
/// to `human`.
pub fn reporter(
    format: ReportFormat,
    out: Box<dyn Write>,
    human: human::Human,
) -> Box<dyn Reporter> {
    match format {
        ReportFormat::Human => Box::new(human),
        ReportFormat::Json => Box::new(json::Json::new(out)),
        ReportFormat::Github => Box::new(github::Github::new(out)),
        ReportFormat::Sarif => Box::new(sarif::Sarif::new(out)),
        ReportFormat::Junit => Box::new(junit::Junit::new(out)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interview_kit::Code;

    /// A source with two located problems and one of the whole file.
    pub fn sample() -> (Source, Vec<Diagnostic>) {
        let source = Source::from_text("dir/a b.txt", "LEE Hee-sup\nQ: one\nQ: two\nA: 答\n");
        let diagnostics = vec![
            Diagnostic::error(
                Code::QuestionWithoutAnswer,
                "question has no answer",
                12..18,
            )
            .expected("an answer line (`A:`) after the question"),
            Diagnostic::warning(Code::NoReadCount, "no read count, \"really\"", 26..32),
            Diagnostic::whole(Severity::Error, Code::Schema, "document: 100% wrong, a:b")
                .at_pointer("/x"),
        ];
        (source, diagnostics)
    }

    #[test]
    fn paths_are_shown_without_control_characters() {
        assert_eq!(display_path("dir/中 a.txt"), "dir/中 a.txt");
        assert_eq!(display_path("a\u{1b}[31mb\t.txt"), "a\\u{1b}[31mb\\t.txt");
        assert_eq!(display_path("x\u{202e}txt.exe"), "x\\u{202e}txt.exe");
        assert_eq!(display_path("a\u{85}\u{7f}"), "a\\u{85}\\u{7f}");
        assert!(matches!(display_path("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn location_counts_characters() {
        let (source, diagnostics) = sample();
        let located = Located::new(&source, &diagnostics[1], false);
        let (start, end) = located.region.unwrap();
        assert_eq!((start.line, start.col, end.line, end.col), (4, 1, 4, 5));
        assert_eq!(located.line_text, Some("A: 答"));
        assert_eq!(
            Located::new(&source, &diagnostics[1], true).severity,
            Severity::Error
        );
    }
}
