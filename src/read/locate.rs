//! JSON pointer → place in the JSON text, so that a problem found in a
//! parsed value (which keeps no positions) can be shown at its line and
//! column.

use std::ops::Range;

/// The byte range of the value `pointer` names in `text`, a well-formed JSON
/// document; when that value does not exist, the range of its nearest
/// existing ancestor. Objects and arrays are located by their opening
/// bracket, other values by their whole token.
pub fn locate(text: &str, pointer: &str) -> Option<Range<usize>> {
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.space();
    scanner.find(&tokens)
}

struct Scanner<'t> {
    bytes: &'t [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// The value at `pos` or, following `tokens`, inside it.
    fn find(&mut self, tokens: &[String]) -> Option<Range<usize>> {
        let start = self.pos;
        let bytes = self.bytes;
        let here = || match bytes.get(start) {
            Some(b'{' | b'[') => Some(start..start + 1),
            Some(_) => {
                let mut probe = Scanner { bytes, pos: start };
                probe.skip().map(|()| start..probe.pos)
            }
            None => None,
        };
        let Some((token, rest)) = tokens.split_first() else {
            return here();
        };
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.space();
                    if self.peek()? == b'}' {
                        return here();
                    }
                    let key = self.string()?;
                    self.space();
                    self.expect(b':')?;
                    self.space();
                    if key == *token {
                        return self.find(rest).or_else(here);
                    }
                    self.skip()?;
                    self.space();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            b'[' => {
                let index: usize = token.parse().ok()?;
                self.pos += 1;
                for i in 0.. {
                    self.space();
                    if self.peek()? == b']' {
                        return here();
                    }
                    if i == index {
                        return self.find(rest).or_else(here);
                    }
                    self.skip()?;
                    self.space();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
                None
            }
            _ => here(),
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// A string token, decoded.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.skip_string()?;
        serde_json::from_slice(&self.bytes[start..self.pos]).ok()
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

    /// Moves past one value.
    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.pos += 1;
                loop {
                    self.space();
                    match self.peek()? {
                        c if c == close => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' | b':' => self.pos += 1,
                        _ => self.skip()?,
                    }
                }
            }
            _ => {
                while matches!(self.peek(), Some(c) if !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.pos += 1;
                }
                Some(())
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
        locate(DOC, pointer).map(|r| &DOC[r])
    }

    #[test]
    fn values_are_found() {
        assert_eq!(at(""), Some("{"));
        assert_eq!(at("/a"), Some("["));
        assert_eq!(at("/a/0"), Some("1"));
        assert_eq!(at("/a/1/b~0~1"), Some("\"x\\\"y\""));
        assert_eq!(at("/c/d"), Some("null"));
        assert_eq!(at("/e"), Some("-1.5e3"));
    }

    #[test]
    fn missing_values_fall_back_to_the_nearest_ancestor() {
        assert_eq!(
            locate(DOC, "/c/zz"),
            Some(DOC.find("{\"d").unwrap()..DOC.find("{\"d").unwrap() + 1)
        );
        assert_eq!(at("/a/7"), Some("["));
        assert_eq!(at("/zz/0"), Some("{"));
    }
}
