//! JSON pointer → place. A problem found in a parsed value (which keeps no
//! positions) is shown at its line and column by finding its pointer in the
//! JSON text ([`spans`]); a reader that records where each part of the model
//! came from looks a pointer up in that table ([`nearest`]). Both take time
//! in proportion to the input, however many problems there are.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The entry of `table` for `pointer`, or else for its nearest ancestor
/// (`/a/b` for `/a/b/3`; `""` is every pointer's ancestor).
pub fn nearest<'t, T>(table: &'t HashMap<String, T>, pointer: &str) -> Option<&'t T> {
    let mut pointer = pointer;
    loop {
        if let Some(value) = table.get(pointer) {
            return Some(value);
        }
        pointer = &pointer[..pointer.rfind('/')?];
    }
}

/// The byte ranges, in `text` (a well-formed JSON document), of the values
/// that `pointers` and their ancestors name, as far as they exist; look a
/// pointer up with [`nearest`]. Objects and arrays are located by their
/// opening bracket, other values by their whole token, and a property's
/// span starts at its key. One pass over the text.
pub fn spans(text: &str, pointers: &[&str]) -> HashMap<String, Range<usize>> {
    let mut wanted = HashSet::new();
    for &pointer in pointers {
        let mut pointer = pointer;
        while wanted.insert(pointer.to_owned()) {
            match pointer.rfind('/') {
                Some(cut) => pointer = &pointer[..cut],
                None => break,
            }
        }
    }
    let mut walk = Walk {
        bytes: text.as_bytes(),
        pos: 0,
        path: String::new(),
        wanted,
        found: HashMap::new(),
    };
    walk.space();
    // a document that is not well-formed yields what was found before the break
    let _ = walk.value();
    walk.found
}

/// Every key of `text` (a well-formed JSON document) that repeats an
/// earlier key of the same object: its pointer and the span of the key.
/// serde_json keeps the last value silently; RFC 8259 (section 4) says names
/// SHOULD be unique and that parsers then behave unpredictably. One pass,
/// which stops once `max` repeats are found.
pub fn duplicate_keys(text: &str, max: usize) -> Vec<(String, Range<usize>)> {
    let mut walk = Walk {
        bytes: text.as_bytes(),
        pos: 0,
        path: String::new(),
        wanted: HashSet::new(),
        found: HashMap::new(),
    };
    let mut duplicates = Vec::new();
    if max > 0 {
        walk.space();
        let _ = walk.keys(&mut duplicates, max);
    }
    duplicates
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

struct Walk<'t> {
    bytes: &'t [u8],
    pos: usize,
    /// The pointer of the value at `pos`.
    path: String,
    wanted: HashSet<String>,
    found: HashMap<String, Range<usize>>,
}

impl Walk<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    fn record(&mut self, span: Range<usize>) {
        if self.wanted.contains(&self.path) {
            self.found.insert(self.path.clone(), span);
        }
    }

    /// Walks one value and everything in it.
    fn value(&mut self) -> Option<()> {
        let start = self.pos;
        match self.peek()? {
            open @ (b'{' | b'[') => {
                self.record(start..start + 1);
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                for index in 0.. {
                    self.space();
                    if self.peek()? == close {
                        self.pos += 1;
                        return Some(());
                    }
                    let len = self.path.len();
                    let key_start = self.pos;
                    if open == b'{' {
                        let key = self.string()?;
                        push_token(&mut self.path, &key);
                        self.space();
                        self.expect(b':')?;
                        self.space();
                    } else {
                        push_token(&mut self.path, &index.to_string());
                    }
                    self.value()?;
                    // a property reads best from its key: `"read_count": -1`
                    if open == b'{'
                        && let Some(span) = self.found.get_mut(&self.path)
                    {
                        span.start = key_start;
                    }
                    self.path.truncate(len);
                    self.space();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
                None
            }
            b'"' => {
                self.skip_string()?;
                self.record(start..self.pos);
                Some(())
            }
            _ => {
                while matches!(self.peek(), Some(c) if !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.pos += 1;
                }
                self.record(start..self.pos);
                Some(())
            }
        }
    }

    /// Walks one value, adding to `duplicates` each key that repeats one
    /// of its object; stops (`None`) once it holds `max`.
    fn keys(&mut self, duplicates: &mut Vec<(String, Range<usize>)>, max: usize) -> Option<()> {
        let open = self.peek()?;
        if !matches!(open, b'{' | b'[') {
            return self.value();
        }
        let close = if open == b'{' { b'}' } else { b']' };
        self.pos += 1;
        let mut seen = HashSet::new();
        for index in 0.. {
            self.space();
            if self.peek()? == close {
                self.pos += 1;
                return Some(());
            }
            let len = self.path.len();
            if open == b'{' {
                let key_start = self.pos;
                let key = self.string()?;
                push_token(&mut self.path, &key);
                if !seen.insert(key) {
                    duplicates.push((self.path.clone(), key_start..self.pos));
                    if duplicates.len() >= max {
                        return None;
                    }
                }
                self.space();
                self.expect(b':')?;
                self.space();
            } else {
                push_token(&mut self.path, &index.to_string());
            }
            self.keys(duplicates, max)?;
            self.path.truncate(len);
            self.space();
            if self.peek()? == b',' {
                self.pos += 1;
            }
        }
        None
    }

    /// A string token, decoded.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.skip_string()?;
        let raw = &self.bytes[start..self.pos];
        if raw.contains(&b'\\') {
            serde_json::from_slice(raw).ok()
        } else {
            std::str::from_utf8(&raw[1..raw.len() - 1])
                .ok()
                .map(str::to_owned)
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str =
        "{\n  \"a\": [1, {\"b~/\": \"x\\\"y\"}],\n  \"c\": {\"d\": null},\n  \"e\": -1.5e3\n}";

    fn at(pointer: &str) -> Option<&'static str> {
        let found = spans(DOC, &[pointer]);
        nearest(&found, pointer).map(|r| &DOC[r.clone()])
    }

    #[test]
    fn values_are_found() {
        assert_eq!(at(""), Some("{"));
        assert_eq!(at("/a"), Some("\"a\": ["));
        assert_eq!(at("/a/0"), Some("1"));
        assert_eq!(at("/a/1/b~0~1"), Some("\"b~/\": \"x\\\"y\""));
        assert_eq!(at("/c/d"), Some("\"d\": null"));
        assert_eq!(at("/e"), Some("\"e\": -1.5e3"));
    }

    #[test]
    fn missing_values_fall_back_to_the_nearest_ancestor() {
        assert_eq!(at("/c/zz"), Some("\"c\": {"));
        assert_eq!(
            spans(DOC, &["/c/zz"])["/c"].start,
            DOC.find("\"c\"").unwrap()
        );
        assert_eq!(at("/a/7"), Some("\"a\": ["));
        assert_eq!(at("/zz/0"), Some("{"));
    }

    #[test]
    fn only_what_is_asked_is_kept() {
        let found = spans(DOC, &["/a/1/b~0~1", "/e"]);
        let mut keys: Vec<_> = found.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["", "/a", "/a/1", "/a/1/b~0~1", "/e"]);
    }

    #[test]
    fn repeated_keys_are_found_with_their_pointer_and_place() {
        let text = r#"{"a": 1, "b": {"c": [{"d": 1, "d": 2}], "c": 0}, "a~": 2, "a": [{"a": 1}]}"#;
        let found: Vec<(String, &str)> = duplicate_keys(text, usize::MAX)
            .into_iter()
            .map(|(pointer, span)| (pointer, &text[span]))
            .collect();
        assert_eq!(
            found,
            [
                ("/b/c/0/d".to_owned(), "\"d\""),
                ("/b/c".to_owned(), "\"c\""),
                ("/a".to_owned(), "\"a\""),
            ]
        );
        // a key written with an escape is the same key
        assert_eq!(
            duplicate_keys(r#"{"a": 1, "\u0061": 2}"#, usize::MAX).len(),
            1
        );
        assert!(duplicate_keys(DOC, usize::MAX).is_empty());
    }

    #[test]
    fn the_search_for_repeated_keys_stops_at_its_limit() {
        let text = format!("{{{}}}", vec![r#""a": 1"#; 1000].join(", "));
        assert_eq!(duplicate_keys(&text, usize::MAX).len(), 999);
        let found = duplicate_keys(&text, 3);
        let ends: Vec<usize> = found.iter().map(|(_, span)| span.end).collect();
        // the first three, in order
        assert_eq!(ends, [12, 20, 28]);
        assert!(duplicate_keys(&text, 0).is_empty());
    }

    #[test]
    fn nearest_takes_the_longest_recorded_ancestor() {
        let table: HashMap<String, i32> = [("", 0), ("/a", 1), ("/a/1", 2)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(nearest(&table, "/a/1/x"), Some(&2));
        assert_eq!(nearest(&table, "/a/10"), Some(&1));
        assert_eq!(nearest(&table, "/ab"), Some(&0));
        let rootless: HashMap<String, i32> = [("/a".to_owned(), 1)].into_iter().collect();
        assert_eq!(nearest(&rootless, "/b"), None);
    }
}
