//! Machine-readable records of a batch run: the NDJSON record of each
//! document, and the report of every input's outcome.
//!
//! A diagnostic is an object with `severity` (`error` or `warning`;
//! under `--strict` every diagnostic is an error), `code` (e.g.
//! `question-without-answer`), `message`, and when known `line`, `column`,
//! `end_line`, `end_column` (1-based; columns count characters, the end is
//! exclusive), `expected` and `pointer` (a JSON pointer into the document):
//!
//! ```json
//! {"severity":"error","code":"question-without-answer","message":"question has no answer","line":3,"column":1,"end_line":3,"end_column":21,"expected":"an answer line (`A:` or `答：`) after the question"}
//! ```
//!
//! An NDJSON record ([`write_record`]) is one line: `path`, then
//! `interview` (the document, as the JSON output) when it converted, or
//! `errors` when it did not, and `warnings` when there are any:
//!
//! ```json
//! {"path":"corpus/0001/a.txt","interview":{"speaker":{"name":"LEE Hee-sup"},"exchanges":[…]}}
//! {"path":"corpus/0001/b.txt","errors":[{"severity":"error","code":"empty-input",…}]}
//! ```
//!
//! The report ([`Report`]) is one JSON object, written as the run goes (one
//! input a line) and renamed into place at the end:
//!
//! ```json
//! {"inputs": [
//!   {"path":"a.txt","format":"text","status":"converted","documents":1,"bytes":1234,"outputs":["out/a.json"],"diagnostics":[]},
//!   {"path":"b.zip!/x.txt","format":"text","status":"invalid","documents":0,"bytes":12,"outputs":[],"diagnostics":[…]}
//! ],
//! "summary": {"files":2,"documents":1,"invalid":1,"failed":0,"warnings":0,"errors":1,"bytes":1246,"seconds":0.01,"stopped":false,"skipped":0,"interrupted":false}}
//! ```
//!
//! `status` is `converted`, `invalid` (the input is not a valid document,
//! or was refused: a limit, an unsafe archive entry) or `failed` (the tool
//! could not read it or write its output); `format` is absent for inputs
//! that were not read; `"skipped": true` marks an input left unread because
//! its outputs exist (`--skip-existing`). In the summary, `stopped` says
//! that `--fail-fast` stopped the run, `interrupted` that a signal did.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::file::OutFile;
use super::{Located, Outcome, Summary};
use crate::diagnostic::Severity;
use crate::model::Interview;

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pointer: Option<&'a str>,
}

impl<'a> From<&'a Located> for DiagnosticJson<'a> {
    fn from(located: &'a Located) -> Self {
        let d = &located.diagnostic;
        let (start, end) = located.position.unzip();
        DiagnosticJson {
            severity: d.severity.as_str(),
            code: d.code.as_str(),
            message: &d.message,
            line: start.map(|p| p.line),
            column: start.map(|p| p.col),
            end_line: end.map(|p| p.line),
            end_column: end.map(|p| p.col),
            expected: d.expected.as_deref(),
            pointer: d.pointer.as_deref(),
        }
    }
}

fn diagnostics_of(outcome: &Outcome, severity: Severity) -> Vec<DiagnosticJson<'_>> {
    outcome
        .diagnostics
        .iter()
        .filter(|l| l.diagnostic.severity == severity)
        .map(DiagnosticJson::from)
        .collect()
}

#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    interview: Option<&'a Interview>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<DiagnosticJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<DiagnosticJson<'a>>,
    /// E.g. that reading stopped at the limit on errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<DiagnosticJson<'a>>,
}

/// Appends the NDJSON record of one input to `out`: the document when it
/// converted, its errors when it did not, and its warnings.
pub fn write_record(
    out: &mut impl Write,
    outcome: &Outcome,
    interview: Option<&Interview>,
) -> io::Result<()> {
    let record = Record {
        path: &outcome.path,
        interview,
        errors: diagnostics_of(outcome, Severity::Error),
        warnings: diagnostics_of(outcome, Severity::Warning),
        notes: diagnostics_of(outcome, Severity::Note),
    };
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct OutcomeJson<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    status: &'static str,
    documents: u64,
    bytes: u64,
    outputs: &'a [PathBuf],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    skipped: bool,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct SummaryJson {
    files: u64,
    documents: u64,
    invalid: u64,
    failed: u64,
    warnings: u64,
    errors: u64,
    bytes: u64,
    seconds: f64,
    stopped: bool,
    skipped: u64,
    interrupted: bool,
}

/// The report of a run, written input by input to a temporary file and
/// renamed into place by [`Report::finish`].
pub struct Report {
    file: OutFile,
    first: bool,
    /// Whether the opening was written.
    started: bool,
}

impl Report {
    /// Starts a report at `target`; an existing file is an error unless
    /// `force` is set.
    pub fn create(target: &Path, force: bool) -> io::Result<Report> {
        Ok(Report {
            file: OutFile::create(target, force)?,
            first: true,
            started: false,
        })
    }

    /// Starts a report written to `out` as the run goes (standard output).
    pub fn to_writer(out: Box<dyn Write>) -> Report {
        Report {
            file: OutFile::Writer(out),
            first: true,
            started: false,
        }
    }

    /// Adds one input's outcome.
    pub fn record(&mut self, outcome: &Outcome) -> io::Result<()> {
        let json = OutcomeJson {
            path: &outcome.path,
            format: outcome.format.map(|f| f.name()),
            status: outcome.status.as_str(),
            documents: outcome.documents,
            bytes: outcome.bytes,
            outputs: &outcome.outputs,
            skipped: outcome.skipped,
            diagnostics: outcome
                .diagnostics
                .iter()
                .map(DiagnosticJson::from)
                .collect(),
        };
        self.start()?;
        self.file
            .write_all(if self.first { b"\n  " } else { b",\n  " })?;
        self.first = false;
        serde_json::to_writer(&mut self.file, &json)?;
        Ok(())
    }

    /// Writes the opening, once.
    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.file.write_all(b"{\"inputs\": [")?;
        }
        Ok(())
    }

    /// Adds the summary and puts the report in place.
    pub fn finish(mut self, summary: &Summary) -> io::Result<()> {
        let json = SummaryJson {
            files: summary.files,
            documents: summary.documents,
            invalid: summary.invalid,
            failed: summary.failed,
            warnings: summary.warnings,
            errors: summary.errors,
            bytes: summary.bytes,
            seconds: summary.elapsed.as_secs_f64(),
            stopped: summary.stopped,
            skipped: summary.skipped,
            interrupted: summary.interrupted,
        };
        self.start()?;
        self.file.write_all(b"\n],\n\"summary\": ")?;
        serde_json::to_writer(&mut self.file, &json)?;
        self.file.write_all(b"}\n")?;
        self.file.commit()
    }
}
