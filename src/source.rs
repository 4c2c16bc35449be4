//! Bytes to text: encoding detection, decoding, line ends, and the line index
//! that turns byte offsets into `line:col`.
//!
//! Every reader works on a [`Source`]: the decoded text (BOM removed, every
//! line end turned into `\n`, so line numbers match the file's own), its
//! display name, the encoding it was read in, and what went wrong while
//! decoding (malformed byte sequences, which become U+FFFD and a warning).
//!
//! Detection order: a byte-order mark; UTF-16 without a BOM by its NUL-byte
//! pattern (which chardetng does not look for); valid UTF-8; then chardetng's
//! guess among the legacy encodings (GB18030/GBK, Big5, Shift_JIS, EUC-JP,
//! EUC-KR, windows-125x …).

use std::ops::Range;

use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::diagnostic::{Code, Diagnostic};

/// A decoded input, ready for a reader.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    encoding: &'static Encoding,
    line_starts: Vec<usize>,
    decode_errors: Vec<Range<usize>>,
    binary: bool,
}

/// A position in a [`Source`], both 1-based; `col` counts characters
/// (Unicode scalar values), not bytes, so CJK text gets the column a person
/// would count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub col: usize,
}

impl Source {
    /// Decodes `bytes`, detecting the encoding unless `forced` names one.
    ///
    /// Decoding never fails: malformed sequences become U+FFFD and are
    /// recorded (see [`Source::diagnostics`]), and data that looks binary is
    /// flagged so that readers refuse it.
    pub fn from_bytes(
        name: impl Into<String>,
        bytes: &[u8],
        forced: Option<&'static Encoding>,
    ) -> Source {
        let (encoding, bom_len, valid) = match forced {
            Some(enc) => match Encoding::for_bom(bytes) {
                Some((bom_enc, len)) if bom_enc == enc => (enc, len, None),
                _ => (enc, 0, None),
            },
            None => detect(bytes),
        };
        let body = &bytes[bom_len..];
        let binary = forced.is_none() && looks_binary(body, encoding);
        let (text, decode_errors) = match valid {
            // already validated while detecting: copied, not checked again
            Some(text) => (text.to_owned(), Vec::new()),
            None => decode(body, encoding),
        };
        Source::with_text(
            name.into(),
            normalize_line_ends(text),
            encoding,
            decode_errors,
            binary,
        )
    }

    /// A source whose text is already decoded (a `&str` in memory, tests).
    pub fn from_text(name: impl Into<String>, text: &str) -> Source {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Source::with_text(
            name.into(),
            normalize_line_ends(text.to_owned()),
            UTF_8,
            Vec::new(),
            false,
        )
    }

    fn with_text(
        name: String,
        text: String,
        encoding: &'static Encoding,
        decode_errors: Vec<Range<usize>>,
        binary: bool,
    ) -> Source {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name,
            text,
            encoding,
            line_starts,
            decode_errors,
            binary,
        }
    }

    /// The name shown in diagnostics (a path, `<stdin>`, an archive member).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The decoded text, with `\n` line ends and no BOM.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The encoding the bytes were decoded from.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Whether the bytes look like binary data rather than text (NUL bytes
    /// outside a UTF-16 pattern, or many control characters).
    pub fn is_binary(&self) -> bool {
        self.binary
    }

    /// Problems found while decoding: one warning per malformed byte
    /// sequence, located where its U+FFFD now stands.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.decode_errors
            .iter()
            .map(|span| {
                Diagnostic::warning(
                    Code::MalformedBytes,
                    format!(
                        "byte sequence not valid in {}, replaced by U+FFFD",
                        self.encoding.name()
                    ),
                    span.clone(),
                )
                .expected(format!(
                    "text in one encoding throughout (detected {})",
                    self.encoding.name()
                ))
            })
            .collect()
    }

    /// The 1-based line and character column of byte offset `offset`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        LineCol {
            line: line + 1,
            col: col + 1,
        }
    }

    /// The byte range of 1-based line `line`, without its `\n`.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        // the next line starts after this one's `\n`
        let end = self
            .line_starts
            .get(line.max(1))
            .map_or(self.text.len(), |&next| next - 1);
        start..end.max(start)
    }

    /// The byte offset of 1-based `line` and character column `col`, the
    /// inverse of [`Source::line_col`] (clamped to the line's end).
    pub fn offset(&self, line: usize, col: usize) -> usize {
        let range = self.line_range(line);
        let text = &self.text[range.clone()];
        text.char_indices()
            .nth(col.saturating_sub(1))
            .map_or(range.end, |(i, _)| range.start + i)
    }

    /// Lines with their byte ranges, `\n` excluded.
    pub fn lines(&self) -> impl Iterator<Item = (Range<usize>, &str)> {
        (1..=self.line_starts.len()).map(move |n| {
            let range = self.line_range(n);
            let line = &self.text[range.clone()];
            (range, line)
        })
    }
}

/// Picks an encoding and the length of its BOM, if any; for valid UTF-8
/// without a BOM, also the text, so that it is validated once.
fn detect(bytes: &[u8]) -> (&'static Encoding, usize, Option<&str>) {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return (enc, len, None);
    }
    if let Some(enc) = utf16_by_nuls(bytes) {
        return (enc, 0, None);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (UTF_8, 0, Some(text));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    (
        detector.guess(None, chardetng::Utf8Detection::Allow),
        0,
        None,
    )
}

/// UTF-16 without a BOM: text with ASCII in it (spaces, digits, line ends)
/// puts NUL bytes on one parity only. Needs enough NULs to be sure.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    // nearly all text has no NUL at all: one fast search says so
    if sample.len() < 4 || !sample.contains(&0) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    // in blocks of 254 bytes with byte counters, so that the loop vectorizes
    for block in sample.chunks(254) {
        let (e, o) = block.chunks_exact(2).fold((0u8, 0u8), |(e, o), pair| {
            (e + u8::from(pair[0] == 0), o + u8::from(pair[1] == 0))
        });
        even += usize::from(e);
        odd += usize::from(o);
    }
    let units = sample.len() / 2;
    let enough = |n: usize| n * 10 >= units && n >= 2;
    if enough(odd) && even * 20 <= odd {
        Some(UTF_16LE)
    } else if enough(even) && odd * 20 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Binary rather than text: NUL bytes in a byte-oriented encoding, or more
/// than one control character in ten.
fn looks_binary(bytes: &[u8], encoding: &'static Encoding) -> bool {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return false;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    // branch-free, in blocks of 255 bytes, so that the scan vectorizes
    let controls: usize = sample
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                let white = (b == b'\t') | (b == b'\n') | (b == b'\r') | (b == 0x0c);
                n + u8::from((b < 0x20) & !white)
            });
            usize::from(n)
        })
        .sum();
    controls * 10 > sample.len()
}

/// Decodes, recording where each malformed sequence's U+FFFD lands.
fn decode(bytes: &[u8], encoding: &'static Encoding) -> (String, Vec<Range<usize>>) {
    if encoding == UTF_8
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return (text.to_owned(), Vec::new());
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3)
        + 16;
    let mut text = String::with_capacity(capacity);
    let mut errors = Vec::new();
    let mut input = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut text, true);
        input = &input[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(input.len() * 3 + 16),
            DecoderResult::Malformed(_, _) => {
                let at = text.len();
                text.push('\u{fffd}');
                errors.push(at..at + '\u{fffd}'.len_utf8());
            }
        }
    }
    (text, errors)
}

/// CRLF and lone CR become LF, so that lines and columns count the same for
/// every line-end convention.
fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        out.push('\n');
        rest = &rest[at + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    #[test]
    fn utf8_bom_is_removed() {
        let src = Source::from_bytes("a", b"\xef\xbb\xbfQ: hi\n", None);
        assert_eq!(src.text(), "Q: hi\n");
        assert_eq!(src.encoding(), UTF_8);
    }

    #[test]
    fn utf16le_without_bom_is_detected_by_nuls() {
        let src = Source::from_bytes("a", &utf16le("LEE Hee-sup\nQ: why?\nA: because\n"), None);
        assert_eq!(src.encoding(), UTF_16LE);
        assert_eq!(src.text(), "LEE Hee-sup\nQ: why?\nA: because\n");
        assert!(!src.is_binary());
    }

    #[test]
    fn utf16be_with_bom() {
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend("问：好\n".encode_utf16().flat_map(u16::to_be_bytes));
        let src = Source::from_bytes("a", &bytes, None);
        assert_eq!(src.encoding(), UTF_16BE);
        assert_eq!(src.text(), "问：好\n");
    }

    #[test]
    fn gbk_is_guessed() {
        let text = "问：您如何看待区域合作的前景？\n答：我们必须加强合作，共同应对气候变化和供应链的挑战。\n";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let src = Source::from_bytes("a", &bytes, None);
        assert_eq!(src.text(), text);
        assert!(src.encoding() == encoding_rs::GBK || src.encoding() == encoding_rs::GB18030);
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        let src = Source::from_bytes("a", b"one\r\ntwo\rthree\n", None);
        assert_eq!(src.text(), "one\ntwo\nthree\n");
        assert_eq!(src.line_col(8), LineCol { line: 3, col: 1 });
    }

    #[test]
    fn malformed_utf8_is_replaced_and_reported() {
        let src = Source::from_bytes("a", "é".repeat(40).as_bytes(), Some(UTF_8));
        assert!(src.diagnostics().is_empty());
        let src = Source::from_bytes("a", b"ok \xff\xfe then", Some(UTF_8));
        assert!(src.text().starts_with("ok \u{fffd}"));
        assert!(!src.diagnostics().is_empty());
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let src = Source::from_bytes(
            "a",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
            None,
        );
        assert!(src.is_binary());
    }

    #[test]
    fn columns_count_characters() {
        let src = Source::from_text("a", "问：好吗\n答：好");
        let offset = src.text().find('好').unwrap();
        assert_eq!(src.line_col(offset), LineCol { line: 1, col: 3 });
        assert_eq!(src.offset(1, 3), offset);
        assert_eq!(src.line_range(2), 13..22);
    }
}
