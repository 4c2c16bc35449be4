//! JSON pointer → source span, so that a schema violation found in a parsed
//! document can be shown at its line and column in the file.
//!
//! Readers build a [`SpanMap`] while (or after) reading; [`SpanMap::locate`]
//! then gives each pointer-carrying diagnostic its span. For a property the
//! map also knows where its key stands, which is where a person looks for an
//! unexpected property.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Diagnostic;

/// Where each value (and each property's key) of a document stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanMap {
    values: HashMap<String, Range<usize>>,
    keys: HashMap<String, Range<usize>>,
}

impl SpanMap {
    /// Records the span of the value at `pointer`.
    pub fn insert_value(&mut self, pointer: impl Into<String>, span: Range<usize>) {
        self.values.insert(pointer.into(), span);
    }

    /// Records the span of the key of the property at `pointer`.
    pub fn insert_key(&mut self, pointer: impl Into<String>, span: Range<usize>) {
        self.keys.insert(pointer.into(), span);
    }

    /// The span of the value at `pointer`.
    pub fn value(&self, pointer: &str) -> Option<Range<usize>> {
        self.values.get(pointer).cloned()
    }

    /// The span of the key of the property at `pointer`.
    pub fn key(&self, pointer: &str) -> Option<Range<usize>> {
        self.keys.get(pointer).cloned()
    }

    /// The best place for a problem at `pointer`: a property from its key to
    /// its value (`"read_count": -1`), an array item or the root by its
    /// value, else the nearest enclosing place that the map knows.
    pub fn span(&self, pointer: &str) -> Option<Range<usize>> {
        let mut pointer = pointer;
        loop {
            match (self.key(pointer), self.value(pointer)) {
                (Some(key), Some(value)) => return Some(key.start..value.end),
                (key, value) => {
                    if let Some(span) = value.or(key) {
                        return Some(span);
                    }
                }
            }
            pointer = &pointer[..pointer.rfind('/')?];
        }
    }

    /// Gives every diagnostic that has a pointer but no span the span its
    /// pointer leads to.
    pub fn locate(&self, diagnostics: &mut [Diagnostic]) {
        for diagnostic in diagnostics.iter_mut().filter(|d| d.span.is_none()) {
            if let Some(pointer) = &diagnostic.pointer {
                diagnostic.span = self.span(pointer);
            }
        }
    }

    /// The map of a well-formed JSON text (one that serde_json has already
    /// parsed, so its nesting is bounded). Containers are located by their
    /// opening bracket, scalars by their whole token.
    pub fn of_json(text: &str) -> SpanMap {
        let mut scanner = Scanner {
            text: text.as_bytes(),
            pos: 0,
            map: SpanMap::default(),
        };
        let mut pointer = String::new();
        scanner.value(&mut pointer);
        scanner.map
    }
}

/// Appends one reference token to a JSON pointer, escaped per RFC 6901.
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// A forgiving scanner over well-formed JSON: it never fails, it stops.
struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
    map: SpanMap,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.text.len()
            && matches!(self.text[self.pos], b' ' | b'\t' | b'\n' | b'\r')
        {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn value(&mut self, pointer: &mut String) {
        self.skip_ws();
        let start = self.pos;
        match self.peek() {
            Some(b'{') => {
                self.map.insert_value(pointer.clone(), start..start + 1);
                self.object(pointer);
            }
            Some(b'[') => {
                self.map.insert_value(pointer.clone(), start..start + 1);
                self.array(pointer);
            }
            Some(b'"') => {
                self.string();
                self.map.insert_value(pointer.clone(), start..self.pos);
            }
            Some(_) => {
                while self.pos < self.text.len()
                    && !matches!(
                        self.text[self.pos],
                        b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                    )
                {
                    self.pos += 1;
                }
                self.map.insert_value(pointer.clone(), start..self.pos);
            }
            None => {}
        }
    }

    fn object(&mut self, pointer: &mut String) {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    self.pos += 1;
                    return;
                }
            }
            let key_start = self.pos;
            self.string();
            let key_span = key_start..self.pos;
            let raw = std::str::from_utf8(&self.text[key_span.clone()]).unwrap_or("\"\"");
            let key: String = serde_json::from_str(raw).unwrap_or_default();
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            let len = pointer.len();
            push_token(pointer, &key);
            self.map.insert_key(pointer.clone(), key_span);
            self.value(pointer);
            pointer.truncate(len);
        }
    }

    fn array(&mut self, pointer: &mut String) {
        self.pos += 1;
        let mut index = 0usize;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let len = pointer.len();
            push_token(pointer, &index.to_string());
            let before = self.pos;
            self.value(pointer);
            pointer.truncate(len);
            index += 1;
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    /// Moves past a string token, escapes included.
    fn string(&mut self) {
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos += 1,
                b'"' => return,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_keys_are_located() {
        let text = "{\n  \"speaker\": {\"name\": \"\"},\n  \"exchanges\": [{\"question\": \"q\", \"answer\": []}],\n  \"a/b~\": -1\n}";
        let map = SpanMap::of_json(text);
        let at = |r: Range<usize>| &text[r];
        assert_eq!(at(map.value("/speaker/name").unwrap()), "\"\"");
        assert_eq!(at(map.key("/speaker/name").unwrap()), "\"name\"");
        assert_eq!(at(map.value("/exchanges/0/answer").unwrap()), "[");
        assert_eq!(at(map.value("/a~1b~0").unwrap()), "-1");
        assert_eq!(at(map.value("").unwrap()), "{");
    }

    #[test]
    fn unknown_pointers_fall_back_to_the_nearest_parent() {
        let text = r#"{"speaker": {"name": "x"}}"#;
        let map = SpanMap::of_json(text);
        assert_eq!(map.span("/speaker/nickname"), map.span("/speaker"));
        assert_eq!(map.span("/nothing/here"), map.value(""));
    }

    #[test]
    fn escaped_keys_and_nested_arrays() {
        let text = r#"{"k\"ey": [[1, 2], {"x": "y\"z"}]}"#;
        let map = SpanMap::of_json(text);
        assert_eq!(&text[map.value("/k\"ey/0/1").unwrap()], "2");
        assert_eq!(&text[map.value("/k\"ey/1/x").unwrap()], r#""y\"z""#);
    }
}
