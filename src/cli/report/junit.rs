//! `--format junit`: one JUnit XML report, a `<testcase>` per file. A file
//! with errors (after `--strict`) gets one `<failure>` listing them all;
//! warnings of a passing file go to its `<system-out>`.

use std::io::{self, Write};

use interview_kit::{Diagnostic, Severity};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Located, Reporter, Summary, display_path};

/// One file's outcome, kept until the report is written.
struct Case {
    name: String,
    failures: Vec<String>,
    warnings: Vec<String>,
    unreadable: bool,
}

pub struct Junit<W> {
    out: W,
    cases: Vec<Case>,
}

impl<W: Write> Junit<W> {
    pub fn new(out: W) -> Junit<W> {
        Junit {
            out,
            cases: Vec::new(),
        }
    }
}

fn line(l: &Located<'_>) -> String {
    let place = l.region.map_or_else(
        || l.file.to_owned(),
        |(s, _)| format!("{}:{}:{}", l.file, s.line, s.col),
    );
    // XML 1.0 cannot carry most control characters, even as references
    let line = format!(
        "{place}: {}[{}]: {}",
        l.severity.as_str(),
        l.diagnostic.code,
        l.full_message()
    );
    display_path(&line).into_owned()
}

impl<W: Write> Reporter for Junit<W> {
    fn file(&mut self, name: &str, entries: &[Located<'_>], _: &[Vec<u8>]) -> io::Result<()> {
        let mut case = Case {
            name: display_path(name).into_owned(),
            failures: Vec::new(),
            warnings: Vec::new(),
            unreadable: false,
        };
        for l in entries {
            match l.severity {
                Severity::Error => case.failures.push(line(l)),
                // a note (reading stopped at --max-errors) is no problem
                // of its own: it goes with the output, as warnings do
                Severity::Warning | Severity::Note => case.warnings.push(line(l)),
            }
        }
        self.cases.push(case);
        Ok(())
    }

    fn unreadable(&mut self, name: &str, error: &Diagnostic) -> io::Result<()> {
        let name = display_path(name).into_owned();
        let line = format!("{name}: error[{}]: {}", error.code, error.message);
        self.cases.push(Case {
            failures: vec![display_path(&line).into_owned()],
            name,
            warnings: Vec::new(),
            unreadable: true,
        });
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary, _omitted: Option<u64>) -> io::Result<()> {
        let tests = self.cases.len().to_string();
        let failures = self
            .cases
            .iter()
            .filter(|c| !c.failures.is_empty() && !c.unreadable)
            .count()
            .to_string();
        let errors = self
            .cases
            .iter()
            .filter(|c| c.unreadable)
            .count()
            .to_string();
        let mut xml = Writer::new_with_indent(&mut self.out, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let counts = [
            ("tests", tests.as_str()),
            ("failures", failures.as_str()),
            ("errors", errors.as_str()),
        ];
        let mut suites = BytesStart::new("testsuites");
        suites.push_attribute(("name", "interview validate"));
        suites.extend_attributes(counts);
        xml.write_event(Event::Start(suites))?;
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", "interview validate"));
        suite.extend_attributes(counts);
        suite.push_attribute(("skipped", "0"));
        xml.write_event(Event::Start(suite))?;
        for case in &self.cases {
            let mut start = BytesStart::new("testcase");
            start.push_attribute(("name", case.name.as_str()));
            start.push_attribute(("classname", "interview.validate"));
            start.push_attribute(("file", case.name.as_str()));
            if case.failures.is_empty() && case.warnings.is_empty() {
                xml.write_event(Event::Empty(start))?;
                continue;
            }
            xml.write_event(Event::Start(start))?;
            if !case.failures.is_empty() {
                let tag = if case.unreadable { "error" } else { "failure" };
                let mut failure = BytesStart::new(tag);
                let message = format!("{} problem(s)", case.failures.len());
                failure.push_attribute(("message", message.as_str()));
                failure.push_attribute(("type", if case.unreadable { "io" } else { "invalid" }));
                xml.write_event(Event::Start(failure))?;
                xml.write_event(Event::Text(BytesText::new(&case.failures.join("\n"))))?;
                xml.write_event(Event::End(BytesEnd::new(tag)))?;
            }
            if !case.warnings.is_empty() {
                xml.write_event(Event::Start(BytesStart::new("system-out")))?;
                xml.write_event(Event::Text(BytesText::new(&case.warnings.join("\n"))))?;
                xml.write_event(Event::End(BytesEnd::new("system-out")))?;
            }
            xml.write_event(Event::End(BytesEnd::new("testcase")))?;
        }
        xml.write_event(Event::End(BytesEnd::new("testsuite")))?;
        xml.write_event(Event::End(BytesEnd::new("testsuites")))?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::Located;
    use crate::cli::report::tests::sample;

    #[test]
    fn one_testcase_per_file_with_escaped_text() {
        let (source, diagnostics) = sample();
        let mut junit = Junit::new(Vec::new());
        let entries: Vec<_> = diagnostics
            .iter()
            .map(|d| Located::new(&source, d, false))
            .collect();
        junit.file(source.name(), &entries, &[]).unwrap();
        junit.file("ok.txt", &[], &[]).unwrap();
        let gone = Diagnostic::whole(Severity::Error, interview_kit::Code::Io, "no such file");
        junit.unreadable("gone.txt", &gone).unwrap();
        junit.finish(&Summary::default(), None).unwrap();
        let text = String::from_utf8(junit.out).unwrap();
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(text.contains("tests=\"3\" failures=\"1\" errors=\"1\""));
        assert!(text.contains(
            "<testcase name=\"ok.txt\" classname=\"interview.validate\" file=\"ok.txt\"/>"
        ));
        assert!(
            text.contains(
                "dir/a b.txt:2:1: error[question-without-answer]: question has no answer"
            )
        );
        assert!(text.contains("no read count, &quot;really&quot;"), "{text}");
        assert!(text.contains("<error message=\"1 problem(s)\" type=\"io\">"));
    }
}
