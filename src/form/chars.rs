//! Character and span helpers the line forms share: CJK letters, widths,
//! sentence ends, case-blind prefixes, spans of a trimmed part.

use std::ops::Range;

/// Where `part`, a slice of `text` (as trimming and stripping give), stands
/// in it: a turn's body is kept as this range into its line, not copied,
/// since a marker or label is kept for every line of a document.
pub(crate) fn range_in(text: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    debug_assert!(start <= text.len() && start + part.len() <= text.len());
    start..start + part.len()
}

/// `text` after `prefix` (written in lowercase), compared without case
/// character by character: what `text.to_lowercase().strip_prefix(prefix)`
/// says, without allocating, and with the rest cut from `text` itself
/// (whose characters may be longer than their lowercase: `K`, the Kelvin
/// sign, is three bytes and `k` one). `None` also when the lowercase of a
/// character runs past the prefix's end.
pub(crate) fn strip_prefix_caseless<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    // ASCII text against an ASCII prefix, the common case, byte for byte
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    if let Some(head) = t.get(..p.len())
        && head.is_ascii()
        && p.is_ascii()
    {
        return head.eq_ignore_ascii_case(p).then(|| &text[p.len()..]);
    }
    let mut want = prefix.chars();
    for (i, c) in text.char_indices() {
        if want.as_str().is_empty() {
            return Some(&text[i..]);
        }
        for lower in c.to_lowercase() {
            if want.next() != Some(lower) {
                return None;
            }
        }
    }
    want.as_str().is_empty().then_some("")
}

/// `text.split_once(sep)` for a short separator that may open with
/// spaces (`, `, ` — `): a character search for its first other character
/// (`memchr` for ASCII), then a look around each hit, without the two-way
/// searcher `str::split_once` builds on every call.
pub(crate) fn split_once_sep<'t>(text: &'t str, sep: &str) -> Option<(&'t str, &'t str)> {
    let lead = sep.len() - sep.trim_start_matches(' ').len();
    let key = sep[lead..].chars().next()?;
    text.match_indices(key)
        .map(|(i, _)| i)
        // the spaces before the hit first: they make `i - lead` a boundary
        .find(|&i| {
            text.as_bytes()[..i].ends_with(&sep.as_bytes()[..lead])
                && text[i..].starts_with(&sep[lead..])
        })
        .map(|i| (&text[..i - lead], &text[i - lead + sep.len()..]))
}

/// Calls `f` with `text` lowercased: in a buffer on the stack when `text` is
/// short and its letters are ASCII or caseless (Han, kana, Hangul), which
/// covers keys and labels; else allocated by `str::to_lowercase`.
pub(crate) fn with_lowercase<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 64];
    if text.len() <= buffer.len() && text.chars().all(|c| c.is_ascii() || is_cjk_letter(c)) {
        let buffer = &mut buffer[..text.len()];
        buffer.copy_from_slice(text.as_bytes());
        // ASCII bytes only: the UTF-8 of every other character is unchanged
        buffer.make_ascii_lowercase();
        f(std::str::from_utf8(buffer).expect("lowercasing ASCII bytes keeps UTF-8 valid"))
    } else {
        f(&text.to_lowercase())
    }
}

/// Whether `text` ends a sentence (`.`, `?`, `。`, a closing quote after one …).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '’', '\'', '」', '』', ')', '）', '*']);
    trimmed.ends_with([
        '.', '?', '!', '。', '？', '！', '…', '．', ':', '：', ';', '；',
    ])
}

/// Display width in terminal columns: CJK characters count two.
#[cfg(test)]
fn width(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// Whether `text` is at most `max` columns wide ([`width`]), without
/// measuring the whole of a long paragraph: no character is wider than its
/// UTF-8 bytes, and counting stops past `max`.
pub(crate) fn fits_width(text: &str, max: usize) -> bool {
    if text.len() <= max {
        return true;
    }
    let mut columns = 0;
    for c in text.chars() {
        columns += if is_cjk(c) { 2 } else { 1 };
        if columns > max {
            return false;
        }
    }
    true
}

/// Joins a hard-wrapped continuation line: a space between words, nothing
/// between CJK characters, nothing after a word broken at a hyphen
/// (`inter-` + `national` stays `inter-national`, never repaired).
pub(crate) fn join_wrapped(paragraph: &mut String, next: &str) {
    if next.is_empty() {
        return;
    }
    let last = paragraph.chars().next_back();
    let first = next.chars().next();
    let cjk_seam = last.is_some_and(is_cjk) && first.is_some_and(is_cjk);
    let hyphen_seam = paragraph.ends_with('-')
        && paragraph
            .chars()
            .rev()
            .nth(1)
            .is_some_and(char::is_alphabetic)
        && first.is_some_and(char::is_lowercase);
    if !paragraph.is_empty() && !cjk_seam && !hyphen_seam {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// CJK ideographs, kana, Hangul and CJK punctuation: scripts written without
/// spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    // one comparison for the characters below the ranges, most of a page
    c >= '\u{1100}'
        && matches!(c,
        '\u{3000}'..='\u{303f}' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}')
}

/// Han ideographs, kana and Hangul syllables: letters of the CJK scripts.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    c >= '\u{3040}'
        && matches!(c,
        '\u{3040}'..='\u{309f}' | '\u{30a0}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

/// Hiragana: the kana Japanese writes its particles and endings in.
pub(crate) fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fits_width_is_width_at_most(text in "[a 中한の。é]{0,20}", max in 0usize..30) {
            prop_assert_eq!(fits_width(&text, max), width(&text) <= max);
        }
    }

    proptest::proptest! {
        #[test]
        fn caseless_prefix_is_the_lowercased_prefix(
            text in "[a-zA-Z \u{212a}\u{130}\u{3a3}记者:]{0,12}",
            prefix in "(by |k |i|记者:|source: )",
        ) {
            let lowered = text.to_lowercase();
            let expected = lowered.starts_with(prefix.as_str());
            let rest = strip_prefix_caseless(&text, &prefix);
            if let Some(rest) = rest {
                proptest::prop_assert!(expected);
                proptest::prop_assert!(text.ends_with(rest));
                proptest::prop_assert_eq!(
                    text[..text.len() - rest.len()].to_lowercase(),
                    prefix.clone()
                );
            } else {
                // a lowercase that runs past the prefix: `İ` is `i̇`
                let runs_past = text
                    .char_indices()
                    .any(|(i, c)| c.to_lowercase().count() > 1 && text[..i].to_lowercase().len() < prefix.len());
                proptest::prop_assert!(!expected || runs_past);
            }
            proptest::prop_assert_eq!(with_lowercase(&text, str::to_owned), lowered);
        }
    }

    proptest::proptest! {
        #[test]
        fn split_once_sep_is_split_once(
            text in "[a, —|，、｜中-]{0,16}",
            sep in "(, |，|、| — | - | \\| |｜)",
        ) {
            proptest::prop_assert_eq!(split_once_sep(&text, &sep), text.split_once(sep.as_str()));
        }
    }

    #[test]
    fn split_once_sep_looks_back_by_bytes_not_into_characters() {
        // the byte before `-` is inside `、`, no space of ` - `
        assert_eq!(split_once_sep("、-", " - "), None);
        assert_eq!(split_once_sep("中 — 长", " — "), Some(("中", "长")));
    }

    #[test]
    fn joins() {
        let mut p = String::from("How do");
        join_wrapped(&mut p, "you see it?");
        assert_eq!(p, "How do you see it?");
        let mut p = String::from("您如何");
        join_wrapped(&mut p, "看待？");
        assert_eq!(p, "您如何看待？");
        let mut p = String::from("inter-");
        join_wrapped(&mut p, "national");
        assert_eq!(p, "inter-national");
    }
}
