//! JSON → model. Syntax errors are located by line and column; the parsed
//! document is checked against the schema before it becomes a model, so that
//! every violation is reported with its JSON pointer.

use serde::Deserialize;
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, ErrorLimit, Severity};
use crate::locate::{duplicate_keys, nearest, spans};
use crate::model::Interview;
use crate::read::{Parsed, stopped};
use crate::schema;
use crate::source::Source;

/// Reads a JSON document of the model.
pub fn read(source: &Source) -> Parsed {
    read_with(source, ErrorLimit::default())
}

/// [`read`], looking for at most `limit`'s number of errors: once the
/// document has that many, it is invalid, and the rest is not checked
/// ([`crate::read::read_with`] cuts the list at the limit).
pub(crate) fn read_with(source: &Source, limit: ErrorLimit) -> Parsed {
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
    diagnostics.extend(duplicate_key_errors(source, limit.room(&diagnostics)));
    let Some(left) = limit.after(&diagnostics) else {
        return stopped(limit, diagnostics);
    };
    // the schema judges the document as written (a `null` the model would
    // read as absent is still a violation), so that verdicts agree with any
    // other validator of the same schema
    let mut violations = schema::check_with(&value, left);
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
    let mut value = value;
    integral_floats_as_integers(&mut value);
    match Interview::deserialize(&value) {
        Ok(interview) => Parsed {
            interview: Some(interview),
            diagnostics,
        },
        // the schema passed it, so the model takes it: this is a bug, shown
        // at the document as any violation is
        Err(err) => {
            let span = spans(source.text(), &[""]).get("").cloned();
            let mut diagnostic =
                Diagnostic::whole(Severity::Error, Code::Schema, format!("document: {err}"))
                    .at_pointer("");
            diagnostic.span = span;
            diagnostics.push(diagnostic);
            Parsed {
                interview: None,
                diagnostics,
            }
        }
    }
}

/// JSON Schema counts a number with a zero fraction as an integer (`1.0`,
/// `1e3`, `-0`: 2020-12 Validation, section 6.1.1 and Core, section
/// 4.2.2), and serde_json reads such a number as a float, which a `u64`
/// field refuses: such a float within the range of `u64` becomes that
/// integer. The schema bounds every integer field, so a larger one never
/// gets here.
fn integral_floats_as_integers(value: &mut Value) {
    match value {
        Value::Number(number) => {
            if let Some(float) = number.as_f64().filter(|_| number.is_f64())
                && float.fract() == 0.0
                && (0.0..u64::MAX as f64).contains(&float.abs())
            {
                *number = if float < 0.0 {
                    // only -0 gets here for a schema-valid document; a
                    // negative integer keeps its sign
                    (float as i64).into()
                } else {
                    (float as u64).into()
                };
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_floats_as_integers),
        Value::Object(members) => members.values_mut().for_each(integral_floats_as_integers),
        _ => {}
    }
}

/// An error for each key that repeats an earlier key of its object, at
/// that second key. serde_json would take the last value silently; RFC
/// 8259 says names SHOULD be unique and that parsers then differ, so a
/// careful validator refuses the document rather than guess. At most
/// `max` are looked for.
pub(crate) fn duplicate_key_errors(source: &Source, max: usize) -> Vec<Diagnostic> {
    duplicate_keys(source.text(), max)
        .into_iter()
        .map(|(pointer, span)| {
            let key = pointer[pointer.rfind('/').map_or(0, |i| i + 1)..].to_owned();
            let key = key.replace("~1", "/").replace("~0", "~");
            Diagnostic::error(Code::DuplicateKey, format!("duplicate key `{key}`"), span)
                .expected("each key once in an object (RFC 8259: names should be unique)")
                .at_pointer(pointer)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LineCol;

    fn with_count(count: &str) -> (Source, Parsed) {
        let text = format!(
            "{{\n  \"speaker\": {{\"name\": \"X\"}},\n  \"exchanges\": [{{\"question\": \"q\", \"answer\": [\"a\"]}}],\n  \"read_count\": {count},\n  \"read_count_precision\": \"exact\"\n}}\n"
        );
        let source = Source::from_text("t.json", &text);
        let parsed = read(&source);
        (source, parsed)
    }

    #[test]
    fn integral_numbers_in_any_notation_are_integers() {
        for (text, count) in [
            ("1.0", 1),
            ("1e3", 1000),
            ("1E2", 100),
            ("-0", 0),
            ("-0.0", 0),
            ("2.50e1", 25),
            ("18446744073709549568.0", 18446744073709549568),
            ("18446744073709551615", u64::MAX),
        ] {
            let (_, parsed) = with_count(text);
            assert!(
                parsed.diagnostics.is_empty(),
                "{text}: {:?}",
                parsed.diagnostics
            );
            assert_eq!(parsed.interview.unwrap().read_count, Some(count), "{text}");
        }
    }

    #[test]
    fn a_repeated_key_is_a_located_error() {
        let text = "{\n  \"speaker\": {\"name\": \"X\", \"name\": \"Y\"},\n  \"exchanges\": [{\"question\": \"q\", \"answer\": [\"a\"]}]\n}\n";
        let source = Source::from_text("t.json", text);
        let parsed = read(&source);
        assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
        let d = &parsed.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::DuplicateKey, Severity::Error));
        assert_eq!(d.pointer.as_deref(), Some("/speaker/name"));
        assert_eq!(d.message, "duplicate key `name`");
        let span = d.span.clone().unwrap();
        assert_eq!(source.line_col(span.start), LineCol { line: 2, col: 28 });
    }

    #[test]
    fn numbers_the_schema_refuses_are_located_errors() {
        for text in ["18446744073709551616", "1e20", "1.5", "-1", "-1.0"] {
            let (source, parsed) = with_count(text);
            assert!(parsed.interview.is_none(), "{text}");
            assert_eq!(
                parsed.diagnostics.len(),
                1,
                "{text}: {:?}",
                parsed.diagnostics
            );
            let d = &parsed.diagnostics[0];
            assert_eq!(d.code, Code::Schema);
            assert_eq!(d.pointer.as_deref(), Some("/read_count"), "{text}");
            let span = d.span.clone().expect("a place");
            assert_eq!(
                source.line_col(span.start),
                LineCol { line: 4, col: 3 },
                "{text}"
            );
        }
    }
}
