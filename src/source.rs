//! Bytes to text: encoding detection, decoding, line ends, and the line index
//! that turns byte offsets into `line:col`.
//!
//! Every reader works on a [`Source`]: the decoded text (BOM removed, every
//! line end turned into `\n`, so line numbers match the file's own), its
//! display name, the encoding it was read in, and what went wrong while
//! decoding (malformed byte sequences, which become U+FFFD and a warning).
//!
//! Detection order: a byte-order mark; UTF-16 without a BOM by its NUL-byte
//! pattern (which chardetng does not look for); valid UTF-8, or UTF-8 but for
//! a few malformed bytes; then chardetng's guess among the legacy encodings (GB18030/GBK, Big5, Shift_JIS, EUC-JP,
//! EUC-KR, windows-125x …).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::diagnostic::{Code, Diagnostic};

/// A decoded input, ready for a reader.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    encoding: &'static Encoding,
    line_starts: Vec<usize>,
    /// The number of characters before every [`BLOCK`]th byte, made the
    /// first time a column far into a long line is asked for: without it,
    /// each column of a line costs the line's length, and a line of many
    /// problems costs its length times their number.
    block_chars: OnceLock<Vec<usize>>,
    decode_errors: Vec<Range<usize>>,
    binary: bool,
    /// Whether the text is known to hold no C0 control but tab and line
    /// feed (valid UTF-8 whose bytes were all surveyed, CRs turned into
    /// line feeds), so that a reader need not look for them line by line.
    no_controls: bool,
    /// Whether the encoding was given (`--encoding`, an XML declaration)
    /// rather than detected.
    given: bool,
}

/// Bytes counted at most, to find a column, once [`Source::block_chars`] is
/// made.
const BLOCK: usize = 4096;

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
        // a BOM has no NUL, CR or control byte: the survey of the bytes is
        // the body's
        let survey = Survey::of(bytes);
        // valid UTF-8 comes out of detection validated: not decoded again
        let (encoding, bom_len, valid_utf8) = match forced {
            Some(enc) => match Encoding::for_bom(bytes) {
                Some((bom_enc, len)) if bom_enc == enc => (enc, len, None),
                _ => (enc, 0, None),
            },
            None => match detect(bytes, survey.nuls > 0) {
                Detected::Utf8(text) => (UTF_8, 0, Some(text)),
                Detected::Other(enc, bom_len) => (enc, bom_len, None),
            },
        };
        let body = &bytes[bom_len..];
        let binary = forced.is_none() && survey.looks_binary(encoding);
        let (text, mut decode_errors) = match valid_utf8 {
            Some(text) => (text.to_owned(), Vec::new()),
            None => decode(body, encoding),
        };
        // valid UTF-8 surveyed whole: its bytes say whether there is a CR
        let text = if valid_utf8.is_some() && survey.whole && survey.crs == 0 {
            text
        } else {
            normalize_line_ends(text, &mut decode_errors)
        };
        let mut source = Source::with_text(name.into(), text, encoding, decode_errors, binary);
        source.given = forced.is_some();
        source.no_controls = valid_utf8.is_some() && survey.has_no_controls();
        source
    }

    /// A source whose text is already decoded (a `&str` in memory, tests).
    pub fn from_text(name: impl Into<String>, text: &str) -> Source {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Source::with_text(
            name.into(),
            normalize_line_ends(text.to_owned(), &mut Vec::new()),
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
        // counted first: grown by doubling, the table of a document of
        // short lines would reserve up to twice what it holds
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        let mut line_starts = Vec::with_capacity(newlines.count() + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Source {
            name,
            text,
            encoding,
            line_starts,
            block_chars: OnceLock::new(),
            decode_errors,
            binary,
            no_controls: false,
            given: false,
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

    /// Whether the text is known to hold no C0 control character but tab
    /// and line feed: false when not known.
    pub(crate) fn has_no_controls(&self) -> bool {
        self.no_controls
    }

    /// Problems found while decoding: one warning per malformed byte
    /// sequence, located where its U+FFFD now stands.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.decode_errors
            .iter()
            .map(|span| {
                let name = self.encoding.name();
                Diagnostic::warning(
                    Code::MalformedBytes,
                    format!("byte sequence not valid in {name}, replaced by U+FFFD"),
                    span.clone(),
                )
                .expected(if self.given {
                    format!("text valid in {name} throughout (the encoding given, not detected)")
                } else {
                    format!("text in one encoding throughout (detected {name})")
                })
            })
            .collect()
    }

    /// The 1-based line and character column of byte offset `offset`.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let col = if offset - start <= BLOCK {
            chars_in(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        LineCol {
            line: line + 1,
            col: col + 1,
        }
    }

    /// The number of characters in the text before byte `offset`, in time
    /// bounded by [`BLOCK`].
    fn chars_before(&self, offset: usize) -> usize {
        let blocks = self.block_chars.get_or_init(|| {
            let mut total = 0;
            let mut blocks = vec![0];
            for block in self.text.as_bytes().chunks(BLOCK) {
                total += chars_in(block);
                blocks.push(total);
            }
            blocks
        });
        let block = offset / BLOCK;
        blocks[block] + chars_in(&self.text.as_bytes()[block * BLOCK..offset])
    }

    /// The byte range of 1-based line `line`, without its `\n`.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let index = line.saturating_sub(1);
        let start = self
            .line_starts
            .get(index)
            .copied()
            .unwrap_or(self.text.len());
        // the next line starts after this one's `\n`
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        start..end
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

    /// How many lines there are (the last one may be empty).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
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

/// The characters that start in `bytes` (its bytes that are not UTF-8
/// continuation bytes): a slice cut inside a character counts it once.
fn chars_in(bytes: &[u8]) -> usize {
    #[cfg(test)]
    tests::SCANNED.set(tests::SCANNED.get() + bytes.len());
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Picks an encoding and the length of its BOM, if any.
fn detect(bytes: &[u8], has_nuls: bool) -> Detected<'_> {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return Detected::Other(enc, len);
    }
    if let Some(enc) = has_nuls.then(|| utf16_by_nuls(bytes)).flatten() {
        return Detected::Other(enc, 0);
    }
    // encoding_rs's validator: on a 14 KB Chinese document it took decoding
    // from 33 µs to 13 µs against `std::str::from_utf8` (`cargo bench -- decode`)
    if let Some(Cow::Borrowed(text)) =
        UTF_8.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Detected::Utf8(text);
    }
    if mostly_utf8(bytes) {
        return Detected::Other(UTF_8, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    Detected::Other(detector.guess(None, chardetng::Utf8Detection::Allow), 0)
}

/// UTF-8 but for a few bytes (a stray byte in a paragraph, a character
/// cut in two): at least [`MULTIBYTE_PER_BAD`] well-formed multi-byte
/// characters for each malformed sequence. Text in a legacy encoding
/// (windows-1252, GBK, Shift_JIS, EUC-KR …) makes a well-formed multi-byte
/// UTF-8 sequence only by chance, far more rarely than a malformed one;
/// text with no multi-byte character at all gives no evidence and is left
/// to the guess. The bad bytes then become U+FFFD, each with a warning,
/// rather than the whole file mojibake.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        let (valid, error) = match std::str::from_utf8(rest) {
            Ok(text) => (text, None),
            Err(err) => (
                // `valid_up_to` is where the well-formed prefix ends
                std::str::from_utf8(&rest[..err.valid_up_to()]).unwrap_or_default(),
                Some(err),
            ),
        };
        // a multi-byte character has exactly one lead byte of 0xC0 or more
        multibyte += valid.bytes().filter(|&b| b >= 0xc0).count();
        let Some(err) = error else { break };
        bad += 1;
        // a character takes two bytes at least: past this, no count can win
        if bad * MULTIBYTE_PER_BAD * 2 > bytes.len() {
            return false;
        }
        // a truncated sequence at the very end has no `error_len`
        let skip = err.error_len().unwrap_or(rest.len() - err.valid_up_to());
        rest = &rest[err.valid_up_to() + skip..];
    }
    bad > 0 && multibyte >= bad * MULTIBYTE_PER_BAD
}

/// Well-formed multi-byte UTF-8 characters needed per malformed sequence
/// for [`mostly_utf8`] to take a file as UTF-8.
const MULTIBYTE_PER_BAD: usize = 8;

/// What [`detect`] found.
enum Detected<'a> {
    /// Valid UTF-8 without a BOM: the text itself, validated once.
    Utf8(&'a str),
    /// Another encoding (or UTF-8 after a BOM), and the BOM's length.
    Other(&'static Encoding, usize),
}

/// UTF-16 without a BOM: ASCII in the text (line ends, spaces, digits)
/// puts NUL bytes in it, which no other text encoding has. CJK text has few
/// of them and some on the other parity too (`一` is U+4E00), so the byte
/// order is the one whose decoding is plausible text (letters, CJK,
/// punctuation; no controls, no lone surrogates) where the other is not.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    if sample.len() < 4 || !sample.contains(&0) {
        return None;
    }
    // percent of plausible characters when decoded in each byte order
    let score = |little: bool| {
        let units = sample.chunks_exact(2).map(|pair| {
            if little {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        });
        let (mut total, mut plausible) = (0usize, 0usize);
        for c in char::decode_utf16(units) {
            total += 1;
            plausible += usize::from(c.is_ok_and(is_plausible_text));
        }
        plausible * 100 / total.max(1)
    };
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // mostly ASCII: the NULs' parity says it; mostly CJK: plausibility does
    let little = if odd >= 4 * even {
        true
    } else if even >= 4 * odd {
        false
    } else {
        score(true) > score(false)
    };
    let (chosen, other) = (score(little), score(!little));
    let decisive = odd.max(even) >= 4 * odd.min(even) || chosen >= other + 20;
    (chosen >= 95 && decisive).then_some(if little { UTF_16LE } else { UTF_16BE })
}

/// Characters that text in the languages interview-kit reads is made of.
fn is_plausible_text(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{24f}' | '\u{370}'..='\u{4ff}'
        | '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20cf}' | '\u{2100}'..='\u{27bf}'
        | '\u{2e80}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ffef}' | '\u{feff}'
        | '\u{1f300}'..='\u{1faff}' | '\u{20000}'..='\u{2ffff}')
}

/// What the first 64 KiB of a file hold: its NUL bytes, CRs and other
/// control characters, counted once for detection, the binary check and
/// line-end normalisation.
struct Survey {
    /// Bytes surveyed.
    len: usize,
    /// Whether that is the whole file.
    whole: bool,
    nuls: usize,
    crs: usize,
    /// C0 controls but tab, LF, CR and form feed (NUL included).
    controls: usize,
    form_feeds: usize,
}

/// A C0 control but tab, LF, CR and form feed (NUL included).
fn is_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)
}

impl Survey {
    fn of(bytes: &[u8]) -> Survey {
        let sample = &bytes[..bytes.len().min(64 * 1024)];
        let survey = Survey {
            len: sample.len(),
            whole: sample.len() == bytes.len(),
            nuls: 0,
            crs: 0,
            controls: 0,
            form_feeds: 0,
        };
        // most text holds no C0 byte but line feeds and tabs: one look
        // says there is nothing to count (`|` over the whole sample, not
        // `any`: no branch a byte)
        let c0 = sample.iter().fold(false, |found, &b| {
            found | (b < 0x20 && b != b'\n' && b != b'\t')
        });
        if !c0 {
            return survey;
        }
        Survey {
            form_feeds: sample.iter().filter(|&&b| b == 0x0c).count(),
            nuls: sample.iter().filter(|&&b| b == 0).count(),
            crs: sample.iter().filter(|&&b| b == b'\r').count(),
            controls: sample.iter().filter(|&&b| is_control(b)).count(),
            ..survey
        }
    }

    /// Whether the whole file holds no C0 control but tab, LF and CR (which
    /// becomes LF).
    fn has_no_controls(&self) -> bool {
        self.whole && self.controls == 0 && self.form_feeds == 0
    }

    /// Binary rather than text: NUL bytes in a byte-oriented encoding, or
    /// more than one control character in ten.
    fn looks_binary(&self, encoding: &'static Encoding) -> bool {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            return false;
        }
        self.nuls > 0 || self.controls * 10 > self.len
    }
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
/// every line-end convention. `spans` (ascending byte ranges into `text`)
/// are moved to where their text stands afterwards.
fn normalize_line_ends(text: String, spans: &mut [Range<usize>]) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut spans = spans.iter_mut().peekable();
    // copies the text between line ends whole; `removed` bytes so far
    let mut removed = 0;
    let mut from = 0;
    for (cr, _) in text.match_indices('\r') {
        while let Some(span) = spans.next_if(|s| s.start <= cr) {
            *span = span.start - removed..span.end - removed;
        }
        out.push_str(&text[from..cr]);
        out.push('\n');
        from = cr + 1;
        if text[from..].starts_with('\n') {
            from += 1;
            removed += 1;
        }
    }
    for span in spans {
        *span = span.start - removed..span.end - removed;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Bytes [`chars_in`] has looked at on this thread: the work of
        /// finding columns.
        pub(super) static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    #[test]
    fn columns_far_into_a_long_line_cost_a_bounded_scan() {
        // 1 MB on one line, wide characters among narrow ones
        let line: String = "ab中\u{7}".repeat(1 << 17);
        let text = format!("first\n{line}\n");
        let src = Source::from_text("t", &text);
        let offsets: Vec<usize> = (0..2_000)
            .map(|i| 6 + i * (line.len() / 2_000) / 6 * 6)
            .collect();
        SCANNED.set(0);
        let cols: Vec<usize> = offsets.iter().map(|&o| src.line_col(o).col).collect();
        // the naive count would scan half the line per column: 1 GB here
        let scanned = SCANNED.get();
        assert!(
            scanned <= text.len() + offsets.len() * 2 * BLOCK,
            "{scanned} bytes scanned"
        );
        for (&offset, col) in offsets.iter().zip(cols) {
            assert_eq!(col, text[6..offset].chars().count() + 1);
        }
    }
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn line_ends_become_lf_and_spans_follow_their_text(text in "[a\r\n\u{fffd}中]{0,30}") {
            let mut spans: Vec<Range<usize>> = text
                .match_indices('\u{fffd}')
                .map(|(i, c)| i..i + c.len())
                .collect();
            let out = normalize_line_ends(text.clone(), &mut spans);
            prop_assert_eq!(&out, &text.replace("\r\n", "\n").replace('\r', "\n"));
            for span in spans {
                prop_assert_eq!(&out[span], "\u{fffd}");
            }
        }
    }

    proptest! {
        #[test]
        fn survey_counts_as_the_plain_rules_do(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![0u8, 1, 9, 10, 12, 13, 0x1f, b'a', 0xe4, 0xb8]),
                0..3000,
            )
        ) {
            let survey = Survey::of(&bytes);
            prop_assert_eq!(survey.nuls > 0, bytes.contains(&0));
            prop_assert_eq!(survey.crs > 0, bytes.contains(&b'\r'));
            let controls = bytes
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
                .count();
            prop_assert_eq!(survey.controls, controls);
            prop_assert!(survey.whole);
            let text = String::from_utf8_lossy(&bytes);
            let source = Source::from_text("a", &text);
            let starts: Vec<usize> = std::iter::once(0)
                .chain(source.text().match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            prop_assert_eq!(&source.line_starts, &starts);
            for (n, (range, line)) in source.lines().enumerate() {
                prop_assert_eq!(line, source.text().split('\n').nth(n).unwrap());
                prop_assert_eq!(range, source.line_range(n + 1));
            }
        }
    }

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
    fn cjk_utf16_without_bom_has_few_nuls_and_is_still_found() {
        let text = "问：今年一季度中国经济开局如何？\n答：总体平稳，消费逐步恢复，制造业投资保持较快增长。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(Source::from_bytes("a", &le, None).encoding(), UTF_16LE);
        assert_eq!(Source::from_bytes("a", &be, None).encoding(), UTF_16BE);
        assert_eq!(Source::from_bytes("a", &le, None).text(), text);
    }

    #[test]
    fn binary_with_nuls_is_not_utf16() {
        let bytes = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00";
        assert!(utf16_by_nuls(bytes).is_none());
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
    fn malformed_bytes_after_crlf_are_located_in_the_normalized_text() {
        let src = Source::from_bytes("a", b"one\r\ntwo\r\n\xff three\r\n", Some(UTF_8));
        let span = src.diagnostics()[0].span.clone().unwrap();
        assert_eq!(&src.text()[span.clone()], "\u{fffd}");
        assert_eq!(src.line_col(span.start), LineCol { line: 3, col: 1 });
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
    fn one_bad_byte_in_utf8_text_is_replaced_not_the_encoding_changed() {
        let seed = include_str!("../fixtures/000_733c960163716fd3.txt");
        let at = seed.find("hightech").unwrap();
        let mut bytes = seed.as_bytes().to_vec();
        bytes.insert(at, 0xff);
        let src = Source::from_bytes("a", &bytes, None);
        assert_eq!(src.encoding(), UTF_8);
        let expected = format!("{}\u{fffd}{}", &seed[..at], &seed[at..]);
        assert_eq!(src.text(), expected);
        let diagnostics = src.diagnostics();
        assert_eq!(diagnostics.len(), 1);
        let span = diagnostics[0].span.clone().unwrap();
        let line = seed[..at].matches('\n').count() + 1;
        let col = seed[..at].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(src.line_col(span.start), LineCol { line, col });
    }

    #[test]
    fn a_cut_character_at_the_end_is_replaced_too() {
        let mut bytes = "“Sharing” and “collective endeavor” — 已阅读人数: 427\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(&"阅".as_bytes()[..2]);
        let src = Source::from_bytes("a", &bytes, None);
        assert_eq!(src.encoding(), UTF_8);
        assert!(src.text().ends_with("427\n\u{fffd}"));
    }

    #[test]
    fn legacy_text_with_many_bad_sequences_is_still_guessed() {
        let text =
            "Caf\u{e9} cr\u{e8}me, d\u{e9}j\u{e0} vu: \u{ab}na\u{ef}ve\u{bb} r\u{e9}sum\u{e9}s.\n"
                .repeat(20);
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        let src = Source::from_bytes("a", &bytes, None);
        assert_eq!(src.encoding(), encoding_rs::WINDOWS_1252);
        assert_eq!(src.text(), text);
        assert!(!mostly_utf8(b"ASCII only but one \xff byte"));
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

    /// Whether a text holds control characters is known from the survey
    /// of its bytes only when it surveyed them all and found none but tab,
    /// LF and CR (which becomes LF); the line pass then skips its look.
    #[test]
    fn a_text_without_controls_says_so() {
        let clean = |bytes: &[u8]| Source::from_bytes("a", bytes, None).has_no_controls();
        assert!(clean(b"Q: q\tx\nA: a\n"));
        assert!(clean(b"Q: q\r\nA: a\r\n"));
        assert!(!clean(b"Q: q\x0c\nA: a\n"));
        assert!(!clean(b"Q: q\x07\r\nA: a\r\n"));
        // not surveyed whole: not known
        let long = "A: a\n".repeat(20_000);
        assert!(!clean(long.as_bytes()));
        // decoded from another encoding, or given as text: not known
        assert!(!Source::from_text("a", "Q: q\n").has_no_controls());
        assert!(!clean(b"Q: \xb0\xa1\xb0\xa2\xb0\xa3\xb0\xa4\xb0\xa5\n"));
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
