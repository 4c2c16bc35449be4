//! `--format sarif`: one SARIF 2.1.0 log, one run, one result per
//! diagnostic. Every diagnostic code is a rule; columns count Unicode code
//! points (`columnKind`), ends are exclusive as SARIF defines them.

use std::io::{self, Write};

use interview_kit::{Code, Diagnostic, Severity};
use serde_json::{Value, json};

use super::{Located, Reporter, Summary};

pub struct Sarif<W> {
    out: W,
    results: Vec<Value>,
    artifacts: Vec<String>,
    /// Inputs the run could not check: notifications, not results.
    failures: Vec<Value>,
}

impl<W: Write> Sarif<W> {
    pub fn new(out: W) -> Sarif<W> {
        Sarif {
            out,
            results: Vec::new(),
            artifacts: Vec::new(),
            failures: Vec::new(),
        }
    }

    fn artifact(&mut self, name: &str) -> usize {
        let uri = uri(name);
        match self.artifacts.iter().position(|a| *a == uri) {
            Some(i) => i,
            None => {
                self.artifacts.push(uri);
                self.artifacts.len() - 1
            }
        }
    }

    fn result(
        &mut self,
        code: Code,
        severity: Severity,
        text: String,
        file: &str,
        region: Option<Value>,
    ) {
        let index = self.artifact(file);
        let mut physical = json!({ "artifactLocation": { "uri": uri(file), "index": index } });
        if let Some(region) = region {
            physical["region"] = region;
        }
        self.results.push(json!({
            "ruleId": code.as_str(),
            "ruleIndex": Code::ALL.iter().position(|c| *c == code),
            "level": match severity { Severity::Error => "error", Severity::Warning => "warning", Severity::Note => "note" },
            "message": { "text": text },
            "locations": [{ "physicalLocation": physical }],
        }));
    }
}

impl<W: Write> Reporter for Sarif<W> {
    fn file(&mut self, name: &str, entries: &[Located<'_>], _: &[Vec<u8>]) -> io::Result<()> {
        self.artifact(name);
        for l in entries {
            let diagnostic = l.diagnostic;
            let region = l.region.map(|(start, end)| {
                let mut region = json!({
                    "startLine": start.line,
                    "startColumn": start.col,
                    "endLine": end.line,
                    "endColumn": end.col.max(if end.line == start.line { start.col + 1 } else { 1 }),
                });
                if let Some(line) = l.line_text {
                    region["snippet"] = json!({ "text": line });
                }
                region
            });
            let mut text = l.full_message();
            if let Some(pointer) = &diagnostic.pointer {
                text.push_str(&format!(" (at JSON pointer `{pointer}`)"));
            }
            self.result(diagnostic.code, l.severity, text, l.file, region);
        }
        Ok(())
    }

    fn unreadable(&mut self, name: &str, error: &Diagnostic) -> io::Result<()> {
        // the tool failed on this input: the run did not succeed, and
        // there is no finding about the file to report
        self.failures.push(json!({
            "level": "error",
            "message": { "text": format!("{}: {}", error.code, error.message) },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(name) } } }],
        }));
        Ok(())
    }

    fn finish(&mut self, summary: &Summary, omitted: Option<u64>) -> io::Result<()> {
        let rules: Vec<Value> = Code::ALL
            .iter()
            .map(|code| {
                json!({
                    "id": code.as_str(),
                    "shortDescription": { "text": code.description() },
                })
            })
            .collect();
        let artifacts: Vec<Value> = self
            .artifacts
            .iter()
            .map(|uri| json!({ "location": { "uri": uri } }))
            .collect();
        let successful = summary.failed == 0 && self.failures.is_empty();
        let mut notifications = std::mem::take(&mut self.failures);
        if let Some(omitted) = omitted.filter(|&n| n > 0) {
            notifications.push(json!({
                "level": "note",
                "message": { "text": format!("{} left out by --max-errors", crate::cli::count(omitted, "more diagnostic")) },
            }));
        }
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": { "driver": {
                    "name": "interview",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://interview-kit.dev/",
                    "rules": rules,
                }},
                "invocations": [{
                    "executionSuccessful": successful,
                    "toolExecutionNotifications": notifications,
                }],
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": std::mem::take(&mut self.results),
            }],
        });
        serde_json::to_writer_pretty(&mut self.out, &log)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

/// A path as a relative URI reference: `/` separators, and everything but
/// unreserved characters and `/` percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::Located;
    use crate::cli::report::tests::sample;

    #[test]
    fn results_carry_file_and_region() {
        let (source, diagnostics) = sample();
        let mut sarif = Sarif::new(Vec::new());
        let entries: Vec<_> = diagnostics
            .iter()
            .map(|d| Located::new(&source, d, false))
            .collect();
        sarif.file(source.name(), &entries, &[]).unwrap();
        sarif.finish(&Summary::default(), None).unwrap();
        let log: Value = serde_json::from_slice(&sarif.out).unwrap();
        assert_eq!(log["version"], "2.1.0");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        let first = &results[0]["locations"][0]["physicalLocation"];
        assert_eq!(first["artifactLocation"]["uri"], "dir/a%20b.txt");
        assert_eq!(first["region"]["startLine"], 2);
        assert_eq!(first["region"]["endColumn"], 7);
        assert_eq!(results[1]["level"], "warning");
        let rule = results[0]["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"][rule]["id"],
            "question-without-answer"
        );
    }

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("中/a b.txt"), "%E4%B8%AD/a%20b.txt");
    }
}
