//! What a line is, read alone: a read count, a question or answer
//! marker, a label-shaped prefix, page furniture, or plain text; and
//! whether a short line is a heading.

use super::chars;
use super::count::{ReadCount, parse_read_count};
use super::fields;
use super::labels::{self, Label};
use super::markers::{self, Marker};

/// What a line is, by the rules of this pass. One is kept per line for the
/// whole read (a document of short lines has millions), so a label, which
/// holds strings, is boxed: a plain line's costs 40 bytes rather than 88.
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// A read count: `阅读 1,234`.
    Count(ReadCount),
    /// A question or answer marker (its body a range of the line).
    Marker(Marker),
    /// A label-shaped prefix; whether it is a speaker is settled later.
    Label(Box<Label>),
    /// A share bar or copyright line.
    Furniture,
    /// Anything else.
    Plain,
}

/// Whether a line in the body is plain text: no read count, marker,
/// label-shaped prefix, share bar or page footer (the text writer repeats
/// the answer's marker before a paragraph that is not).
pub(crate) fn is_plain_body_line(text: &str) -> bool {
    matches!(classify(text), Kind::Plain) && !crate::form::footer::is_footer(text)
}

/// What a line is.
pub(crate) fn classify(text: &str) -> Kind {
    if let Some(count) = parse_read_count(text) {
        return Kind::Count(count);
    }
    if let Some(marker) = markers::detect(text) {
        return Kind::Marker(marker);
    }
    // before labels: `分享到：微信 微博` is a share bar, not a speaker, and
    // `Under scrutiny: Lim (left) …` a caption
    if fields::is_furniture(text, false)
        || is_page_marker(text)
        || is_timing(text)
        || is_caption(text)
        || is_photo_id(text)
        || is_data_key(text)
    {
        return Kind::Furniture;
    }
    if let Some(label) = labels::detect(text) {
        return Kind::Label(Box::new(label));
    }
    Kind::Plain
}

/// **Page marker rule**: a page number alone on its line, as a scanned
/// or printed page leaves it between paragraphs: `[2]`, `【12】`, `- 3 -`,
/// `— 14 —`, `Page 4`, `p. 12`.
pub(crate) fn is_page_marker(text: &str) -> bool {
    let digits = |t: &str| {
        let t = t.trim();
        (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    let pairs = [
        ('[', ']'),
        ('［', '］'),
        ('【', '】'),
        ('-', '-'),
        ('—', '—'),
        ('–', '–'),
    ];
    let framed = pairs.iter().any(|&(open, close)| {
        text.strip_prefix(open)
            .and_then(|t| t.strip_suffix(close))
            .is_some_and(digits)
    });
    let named = ["page ", "p. ", "p."].iter().any(|p| {
        crate::form::chars::strip_prefix_caseless(text, p).is_some_and(|rest| {
            // `Page 4 of 9`
            let number = rest.split(" of ").next().unwrap_or(rest);
            digits(number) && rest.split(" of ").nth(1).is_none_or(digits)
        })
    });
    framed || named
}

/// **Timing rule**: a time code alone on its line, as transcripts made
/// by machine leave them in the middle of a turn: `(00:45):`, `01:12:09`,
/// `[00:03:15]`, or a subtitle cue's timing, `0:00:03.160 --> 0:00:07.480`.
pub(crate) fn is_timing(text: &str) -> bool {
    // every time code opens with a digit, in brackets or not: most lines
    // fail on their first character
    if !text
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | '[' | '（'))
    {
        return false;
    }
    let code = |t: &str| {
        let t = t.trim();
        // the parts first: prose fails on its first, unsplit further
        t.split(':').all(|p| {
            let (whole, fraction) = p.split_once([',', '.']).unwrap_or((p, "0"));
            (1..=2).contains(&whole.len())
                && whole.bytes().all(|b| b.is_ascii_digit())
                && fraction.bytes().all(|b| b.is_ascii_digit())
                && !fraction.is_empty()
        }) && (2..=3).contains(&t.split(':').count())
    };
    if let Some((from, to)) = text.split_once("-->") {
        return code(from) && code(to.split_whitespace().next().unwrap_or(""));
    }
    let t = text.strip_suffix([':', '：']).unwrap_or(text);
    let t = [('(', ')'), ('[', ']'), ('（', '）')]
        .iter()
        .find_map(|&(open, close)| t.strip_prefix(open)?.strip_suffix(close))
        .unwrap_or(t);
    code(t)
}

/// **Data key rule**: a key of a data dump alone on its line, a path of
/// names with an index in brackets, as an open-data export prints each
/// field's key above its value (`gazette.blocks[2][0] |` / `周部長明遠:委員早。 |`,
/// the cell borders gone): `items[3].text`, `blocks[0][1]`.
fn is_data_key(text: &str) -> bool {
    let Some(open) = text.find('[') else {
        return false;
    };
    let indexed = text[open..].split_inclusive(']').all(|part| {
        // `[2]` then `[0]`, or `[2].text`
        let part =
            part.trim_start_matches(|c: char| c == '.' || c.is_ascii_alphanumeric() || c == '_');
        part.strip_prefix('[')
            .and_then(|p| p.strip_suffix(']'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            || part.is_empty()
    });
    open > 0
        && text[..open]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
        && text.as_bytes()[0].is_ascii_alphabetic()
        && indexed
}

/// **Photo file rule**: a camera's file name alone on its line, left where
/// a photo stood: `P2040118`, `IMG_4471.jpg`, `DSC01234`.
pub(crate) fn is_photo_id(text: &str) -> bool {
    let stem = text
        .rsplit_once('.')
        .filter(|(_, ext)| {
            ["jpg", "jpeg", "png", "gif", "heic", "webp"]
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e))
        })
        .map_or(text, |(stem, _)| stem);
    let letters = stem.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = stem[letters..].trim_start_matches('_');
    (1..=4).contains(&letters)
        && (4..=8).contains(&rest.len())
        && rest.bytes().all(|b| b.is_ascii_digit())
}

/// Position notes that place the people in a photo: a line holding one
/// is the photo's caption.
const PHOTO_POSITIONS: &[&str] = &[
    "(left)",
    "(right)",
    "(centre)",
    "(center)",
    "(from left)",
    "(l-r)",
    "(左)",
    "(右)",
    "(左から)",
    "（左）",
    "（右）",
    "（左から）",
    "(왼쪽)",
    "(오른쪽)",
    "(가운데)",
    "(왼쪽부터)",
    "(左起)",
    "（左起）",
];

/// **Caption rule**: a photo's caption, known by a note placing the
/// people in the photo: `At the mill: Ortiz (left) and her foreman.`,
/// `挨拶する館長（右）`, `기념 촬영하는 학생들(왼쪽부터)`. A caption that
/// asks is no caption.
pub(crate) fn is_caption(text: &str) -> bool {
    let has_position = || {
        crate::form::chars::with_lowercase(text, |lower| {
            PHOTO_POSITIONS.iter().any(|p| lower.contains(p))
        })
    };
    text.len() <= 400
        && text.contains(['(', '（'])
        && !crate::form::markers::asks(text)
        && has_position()
}

/// **Heading rule**: a short line that ends no sentence and asks nothing,
/// standing between an answer and the next question, heads the next part
/// of the page rather than closing the answer: `Going digital`,
/// `数码相机来了以后`, `“病人最怕什么，就先问什么”`, `夜間救急について`. A line in
/// brackets is an aside (`(웃음)`), a line ending in a comma or a Korean
/// sentence ending (`네 그렇습니다`) or in Japanese speech (`そうですね`) is
/// speech.
pub(crate) fn is_heading(text: &str) -> bool {
    // more than 70 characters at four bytes at most each: no heading, and
    // a paragraph is not counted through
    if text.len() > 4 * 70 {
        return false;
    }
    let chars = text.chars().count();
    let wide = text.chars().filter(|&c| chars::is_cjk_letter(c)).count();
    let short = if wide * 2 > chars {
        chars <= 30
    } else {
        chars <= 70 && text.split_whitespace().count() <= 6
    };
    // one phrase: no sentence ends inside (`…ものです。(編集B)`)
    let phrase = !text.contains(['。', '！', '？', '!', '?'])
        && !text.contains(". ")
        && !text
            .trim_end_matches(['"', '”', '’', ')', '）'])
            .ends_with('.');
    let Some(last) = text
        .trim_end_matches(['"', '”', '’', '」', '』'])
        .chars()
        .next_back()
    else {
        return false;
    };
    let speech_end = matches!(last, '다' | '요' | '죠' | '까' | '네' | '나' | '군' | '지')
        || (('\u{3040}'..='\u{309f}').contains(&last) && !text.ends_with("について"));
    let latin_starts = text
        .chars()
        .next()
        .is_some_and(|c| !c.is_alphabetic() || !c.is_ascii() || c.is_uppercase());
    short
        && phrase
        && !chars::ends_sentence(text)
        && !crate::form::markers::asks(text)
        && !text.starts_with(['(', '（', '[', '［'])
        && !matches!(last, ',' | '，' | '、' | '-' | '—' | '―' | ';')
        && !speech_end
        && latin_starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_dumps_indexed_key_is_furniture() {
        for t in ["gazette.blocks[2][0]", "blocks[0][1]", "items[3].text"] {
            assert!(is_data_key(t), "{t}");
        }
        for t in ["[2]", "Note [a] here", "x[1] is small", "周部長[1]"] {
            assert!(!is_data_key(t), "{t}");
        }
    }
}
