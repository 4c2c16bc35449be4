//! Human rendering of diagnostics: `file:line:col`, the offending line, a
//! caret under the span, and what was expected. Colour only on a terminal,
//! and never when `NO_COLOR` is set.

use std::io::{self, IsTerminal, Write};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{Buffer, ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};
use interview_kit::{Diagnostic, Severity, Source};

use super::{Located, Reporter, Summary};

/// Writes diagnostics to stderr for people to read.
pub struct Human {
    stream: StandardStream,
    config: Config,
    colour: bool,
}

impl Human {
    /// A renderer on stderr, coloured when stderr is a terminal and
    /// `NO_COLOR` is unset.
    pub fn stderr() -> Human {
        let colour =
            io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let choice = if colour {
            ColorChoice::Auto
        } else {
            ColorChoice::Never
        };
        Human {
            stream: StandardStream::stderr(choice),
            config: Config::default(),
            colour,
        }
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
    /// refused archive entry, an output that exists).
    pub fn whole(&mut self, name: &str, diagnostic: &Diagnostic) {
        let file = SimpleFile::new(name, "");
        let report = report(name, diagnostic, false);
        let _ = term::emit_to_write_style(&mut self.stream, &self.config, &file, &report);
    }

    /// A problem with no source to show (an unreadable file, a bad flag).
    pub fn error(&mut self, message: &str) {
        let report: Report<()> = Report::error().with_message(message);
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
                None => self.whole(name, entry.diagnostic),
            }
        }
        Ok(())
    }

    fn unreadable(&mut self, name: &str, error: &str) -> io::Result<()> {
        self.error(&format!("cannot read {name}: {error}"));
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let mut err = io::stderr().lock();
        if summary.omitted > 0 {
            writeln!(
                err,
                "note: {} more diagnostic(s) not shown (--max-errors)",
                summary.omitted
            )?;
        }
        writeln!(
            err,
            "checked {} file(s): {} valid, {} invalid; {} error(s), {} warning(s)",
            summary.files,
            summary.files - summary.invalid,
            summary.invalid,
            summary.errors,
            summary.warnings
        )
    }
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
    let shown = printable(source.text());
    let file = SimpleFile::new(source.name(), shown.as_ref());
    for diagnostic in diagnostics {
        let report = report(source.name(), diagnostic, strict);
        if term::emit_to_write_style(&mut buffer, &config, &file, &report).is_err() {
            // the snippet could not be shown (a span past the end): say it plainly
            let _ = writeln!(buffer, "{}: {}", source.name(), diagnostic.message);
        }
    }
    buffer.into_inner()
}

fn report(name: &str, diagnostic: &Diagnostic, strict: bool) -> Report<()> {
    let level = match diagnostic.severity {
        Severity::Error => Level::Error,
        Severity::Warning if strict => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let mut notes = Vec::new();
    if let Some(expected) = &diagnostic.expected {
        notes.push(format!("expected {expected}"));
    }
    let mut report = Report::new(level).with_code(diagnostic.code.as_str());
    match &diagnostic.span {
        Some(span) => {
            report = report.with_message(&diagnostic.message).with_labels(vec![
                Label::primary((), span.clone()).with_message(&diagnostic.message),
            ]);
        }
        None => {
            // no place in the text: the file name goes in the headline
            report = report.with_message(format!("{name}: {}", diagnostic.message));
        }
    }
    if let Some(pointer) = &diagnostic.pointer {
        notes.push(format!("at JSON pointer `{pointer}`"));
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
