//! Nothing is dropped silently: over generated interviews (markers,
//! labels, header lines, read counts, share bars, blank lines, one-line
//! transcripts), every line's own text ends up in the model, or a
//! diagnostic points at the line.

mod common;

use interview_kit::{Format, Source, load, render};
use proptest::prelude::*;

/// Whole lines with no unique word: read counts and page furniture.
const FIXED: &[&str] = &[
    "阅读 1,234",
    "已阅读人数: 427",
    "Views: 1.2k",
    "10万+",
    "Share: Facebook Twitter",
    "分享到：微信 微博",
    "2024-05-12",
];

/// A line: a prefix and a body holding a unique token, or a fixed line;
/// `None` is a blank line.
fn line() -> impl Strategy<Value = Option<(String, String)>> {
    prop_oneof![
        8 => (
            prop_oneof![1 => Just(""), 2 => prop::sample::select(common::TURN_PREFIXES)],
            prop::sample::select(&["Alpha", "我们", "우리는", "Kim Lee", "The", "그리고"][..]),
            prop::sample::select(&["", " beta gamma", "合作", " 협력", " of the"][..]),
            prop::sample::select(&["", ".", "?", "。", "？", ","][..]),
        )
            .prop_map(|(p, a, b, e)| Some((p.to_owned(), format!("{a}{b}{e}")))),
        1 => prop::sample::select(FIXED).prop_map(|f| Some((String::new(), f.to_owned()))),
        1 => Just(None),
    ]
}

/// `text` with every space between two Han or kana characters taken out.
fn seams_closed(text: &str) -> String {
    // Han and kana: Korean keeps its spaces between words
    let cjk = |c: char| ('\u{3040}'..='\u{9FFF}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let seam =
            c == ' ' && i > 0 && chars.get(i + 1).is_some_and(|&n| cjk(n)) && cjk(chars[i - 1]);
        if !seam {
            out.push(c);
        }
    }
    out
}

fn document() -> impl Strategy<Value = (Vec<Option<(String, String)>>, bool)> {
    (prop::collection::vec(line(), 1..24), any::<bool>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn every_line_is_in_the_model_or_a_diagnostic((lines, one_line) in document()) {
        // unique tokens make each line's text findable in the output
        let mut text = String::from("LEE Hee-sup\n");
        let mut expected: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let Some((prefix, body)) = line else {
                text.push('\n');
                continue;
            };
            let token = if FIXED.contains(&body.as_str()) {
                body.clone()
            } else {
                format!("tok{n}x {body}")
            };
            let start = text.len();
            text.push_str(prefix);
            text.push_str(&token);
            expected.push((start..text.len(), token));
            text.push(if one_line { ' ' } else { '\n' });
        }
        let source = Source::from_text("gen.txt", &text);
        let parsed = load(&source, Format::Text);
        let Some(model) = &parsed.interview else {
            // no model: the errors say why, at a place in the text
            prop_assert!(parsed.diagnostics.iter().any(|d| d.is_fatal(false)));
            return Ok(());
        };
        let json = String::from_utf8(render(model, Format::Json).unwrap()).unwrap();
        for (range, token) in &expected {
            // the unique word, or the whole fixed line
            let word = if token.starts_with("tok") {
                token.split_whitespace().next().unwrap()
            } else {
                token.as_str()
            };
            // a page flattened onto one line has its wrap seams (a space
            // between two CJK characters) closed, as a wrapped page's are
            let found = json.contains(word) || (one_line && json.contains(&seams_closed(word)));
            let reported = parsed.diagnostics.iter().any(|d| {
                d.span
                    .as_ref()
                    .is_some_and(|s| s.start < range.end && range.start < s.end.max(s.start + 1))
            });
            prop_assert!(found || reported, "lost {token:?} in\n{text}\n{json}\n{:?}", parsed.diagnostics);
        }
    }
}
