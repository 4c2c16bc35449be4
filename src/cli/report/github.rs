//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the file and line:
//! `::error file=a.txt,line=3,col=1,endLine=3,endColumn=21,title=question-without-answer::question has no answer`.

use std::io::{self, Write};

use interview_kit::{Diagnostic, Severity};

use super::{Located, Reporter, Summary, display_path};

pub struct Github<W> {
    out: W,
}

impl<W: Write> Github<W> {
    pub fn new(out: W) -> Github<W> {
        Github { out }
    }
}

impl<W: Write> Reporter for Github<W> {
    fn file(&mut self, _name: &str, entries: &[Located<'_>], _: &[Vec<u8>]) -> io::Result<()> {
        for l in entries {
            let diagnostic = l.diagnostic;
            let command = match l.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut props = format!("file={}", property(&display_path(l.file)));
            if let Some((start, end)) = l.region {
                // GitHub's end column is inclusive
                let end_col = if end.line == start.line {
                    end.col.saturating_sub(1).max(start.col)
                } else {
                    end.col
                };
                props.push_str(&format!(
                    ",line={},col={},endLine={},endColumn={}",
                    start.line, start.col, end.line, end_col
                ));
            }
            props.push_str(&format!(",title={}", property(diagnostic.code.as_str())));
            writeln!(
                self.out,
                "::{command} {props}::{}",
                data(&display_path(&l.full_message()))
            )?;
        }
        Ok(())
    }

    fn unreadable(&mut self, name: &str, error: &Diagnostic) -> io::Result<()> {
        writeln!(
            self.out,
            "::error file={},title={}::{}",
            property(&display_path(name)),
            property(error.code.as_str()),
            data(&display_path(&error.message))
        )
    }

    fn finish(&mut self, _summary: &Summary, omitted: Option<u64>) -> io::Result<()> {
        if let Some(omitted) = omitted.filter(|&n| n > 0) {
            let omitted = crate::cli::count(omitted, "more diagnostic");
            writeln!(
                self.out,
                "::notice title=max-errors::{omitted} left out by --max-errors"
            )?;
        }
        self.out.flush()
    }
}

/// Escapes a command's message (`%`, CR, LF).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property's value (also `:` and `,`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::report::Located;
    use crate::cli::report::tests::sample;

    #[test]
    fn annotations_carry_file_and_line() {
        let (source, diagnostics) = sample();
        let mut github = Github::new(Vec::new());
        let entries: Vec<_> = diagnostics
            .iter()
            .map(|d| Located::new(&source, d, false))
            .collect();
        github.file(source.name(), &entries, &[]).unwrap();
        let text = String::from_utf8(github.out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "::error file=dir/a b.txt,line=2,col=1,endLine=2,endColumn=6,title=question-without-answer::question has no answer; expected an answer line (`A:`) after the question"
        );
        assert!(lines[1].starts_with("::warning file=dir/a b.txt,line=4,col=1,"));
        assert_eq!(
            lines[2],
            "::error file=dir/a b.txt,title=schema::document: 100%25 wrong, a:b"
        );
    }
}
