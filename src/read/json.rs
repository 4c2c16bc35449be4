//! JSON → model. Syntax errors are located by line and column; the parsed
//! document is checked against the schema before it becomes a model, so that
//! every violation is reported with its JSON pointer.

use serde::Deserialize;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::Interview;
use crate::read::Parsed;
use crate::read::locate::{nearest, spans};
use crate::schema;
use crate::source::Source;

/// Reads a JSON document of the model.
pub fn read(source: &Source) -> Parsed {
    let mut diagnostics = source.diagnostics();
    let value: Value = match serde_json::from_str(source.text()) {
        Ok(value) => value,
        Err(err) => {
            diagnostics.push(syntax_error(source, &err));
            return Parsed {
                interview: None,
                diagnostics,
            };
        }
    };
    // the schema judges the document as written (a `null` the model would
    // read as absent is still a violation), so that verdicts agree with any
    // other validator of the same schema
    let mut violations = schema::check(&value);
    if !violations.is_empty() {
        let pointers: Vec<&str> = violations
            .iter()
            .filter_map(|d| d.pointer.as_deref())
            .collect();
        let found = spans(source.text(), &pointers);
        for violation in &mut violations {
            if let Some(pointer) = &violation.pointer {
                violation.span = nearest(&found, pointer).cloned();
            }
        }
        diagnostics.extend(violations);
        return Parsed {
            interview: None,
            diagnostics,
        };
    }
    match Interview::deserialize(&value) {
        Ok(interview) => Parsed {
            interview: Some(interview),
            diagnostics,
        },
        Err(err) => {
            diagnostics.push(Diagnostic::whole(
                Severity::Error,
                Code::Schema,
                err.to_string(),
            ));
            Parsed {
                interview: None,
                diagnostics,
            }
        }
    }
}

/// A serde_json syntax error, located in the source.
pub(crate) fn syntax_error(source: &Source, err: &serde_json::Error) -> Diagnostic {
    let line = err.line().max(1);
    // serde_json counts columns in bytes
    let start =
        (source.line_range(line).start + err.column().saturating_sub(1)).min(source.text().len());
    let start = floor_char_boundary(source.text(), start);
    let end = source.text()[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    let message = err.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    Diagnostic::error(Code::Syntax, format!("invalid JSON: {message}"), start..end)
        .expected("a JSON object of the interview model")
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
