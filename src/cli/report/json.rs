//! `--format json`: one JSON object per diagnostic, one per line (JSON
//! Lines), in file order. The shape is stable:
//!
//! ```json
//! {"file":"a.txt","line":3,"column":1,"end_line":3,"end_column":21,
//!  "severity":"error","code":"question-without-answer",
//!  "message":"question has no answer",
//!  "expected":"an answer line (`A:` or `答：`) after the question",
//!  "pointer":null}
//! ```
//!
//! `line`, `column`, `end_line`, `end_column` are 1-based, columns count
//! characters, the end is exclusive; all four are `null` for a problem of the
//! whole file. `pointer` is the JSON pointer into the document for schema
//! violations. A file that cannot be read gives `"code":"io"`.
//!
//! Under `--max-errors`, one last line says how many diagnostics were left
//! out: `{"omitted":3}`.

use std::io::{self, Write};

use interview_kit::Diagnostic;
use serde_json::json;

use super::{Located, Reporter, Summary};

pub struct Json<W> {
    out: W,
}

impl<W: Write> Json<W> {
    pub fn new(out: W) -> Json<W> {
        Json { out }
    }

    fn line(&mut self, value: &serde_json::Value) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value)?;
        self.out.write_all(b"\n")
    }
}

impl<W: Write> Reporter for Json<W> {
    fn file(&mut self, _name: &str, entries: &[Located<'_>], _: &[Vec<u8>]) -> io::Result<()> {
        for l in entries {
            let diagnostic = l.diagnostic;
            let (start, end) = l.region.map_or((None, None), |(s, e)| (Some(s), Some(e)));
            self.line(&json!({
                "file": l.file,
                "line": start.map(|p| p.line),
                "column": start.map(|p| p.col),
                "end_line": end.map(|p| p.line),
                "end_column": end.map(|p| p.col),
                "severity": l.severity.as_str(),
                "code": diagnostic.code.as_str(),
                "message": diagnostic.message,
                "expected": diagnostic.expected,
                "pointer": diagnostic.pointer,
            }))?;
        }
        Ok(())
    }

    fn unreadable(&mut self, name: &str, error: &Diagnostic) -> io::Result<()> {
        self.line(&json!({
            "file": name, "line": null, "column": null, "end_line": null, "end_column": null,
            "severity": "error", "code": error.code.as_str(), "message": error.message,
            "expected": error.expected, "pointer": null,
        }))
    }

    /// Under `--max-errors`, a last line says how many diagnostics were
    /// left out: `{"omitted":3}` (0 when none was).
    fn finish(&mut self, _summary: &Summary, omitted: Option<u64>) -> io::Result<()> {
        if let Some(omitted) = omitted {
            self.line(&json!({ "omitted": omitted }))?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::Located;
    use crate::cli::report::tests::sample;
    use interview_kit::{Code, Severity};

    #[test]
    fn one_object_per_diagnostic() {
        let (source, diagnostics) = sample();
        let mut json = Json::new(Vec::new());
        let entries: Vec<_> = diagnostics
            .iter()
            .map(|d| Located::new(&source, d, false))
            .collect();
        json.file(source.name(), &entries, &[]).unwrap();
        let gone = Diagnostic::whole(Severity::Error, Code::Io, "no such file");
        json.unreadable("gone.txt", &gone).unwrap();
        json.finish(&Summary::default(), None).unwrap();
        let text = String::from_utf8(json.out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["line"], 2);
        assert_eq!(lines[0]["column"], 1);
        assert_eq!(lines[0]["end_column"], 7);
        assert_eq!(lines[0]["code"], "question-without-answer");
        assert_eq!(lines[1]["severity"], "warning");
        assert_eq!(lines[2]["line"], serde_json::Value::Null);
        assert_eq!(lines[2]["pointer"], "/x");
        assert_eq!(lines[3]["code"], "io");
    }
}
