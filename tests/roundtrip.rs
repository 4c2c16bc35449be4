//! Property tests: any model survives JSON unchanged and passes the schema;
//! no reader panics on arbitrary bytes.

mod common;

use common::strategy::{interview, text};
use interview_kit::{Code, Format, Source, load, render, schema};
use proptest::option;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn json_round_trip_is_identity_and_valid(model in interview()) {
        let bytes = render(&model, Format::Json).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert!(schema::check(&value).is_empty(), "{:?}", schema::check(&value));
        let parsed = load(&Source::from_text("m.json", &text), Format::Json);
        prop_assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        prop_assert_eq!(parsed.interview, Some(model));
    }

    #[test]
    fn no_reader_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        for &format in Format::ALL {
            let _ = load(&Source::from_bytes("fuzz", &bytes, None), format);
        }
    }

    #[test]
    fn no_reader_panics_on_marker_soup(lines in prop::collection::vec(
        prop_oneof![Just("Q:".to_owned()), Just("A:".to_owned()), Just("问：".to_owned()), Just("已阅读人数: 1.5万+".to_owned()), text()], 0..12)) {
        let text = lines.join("\n");
        let _ = load(&Source::from_text("fuzz", &text), Format::Text);
    }

    /// Structured soup: markers, labels, header and footer lines, inline
    /// turns, blank lines and odd characters, encoded in every encoding
    /// the reader detects, with every line-end convention. No panic; every
    /// diagnostic points inside the text; and any model read from it
    /// survives text → model → text → model unchanged.
    #[test]
    fn structured_soup_in_every_encoding(
        lines in prop_oneof![prop::collection::vec(soup_line(), 0..20), interview_soup()],
        encoding in 0usize..ENCODINGS.len(),
        eol in prop::sample::select(&["\n", "\r\n", "\r"][..]),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let text = lines.join(eol);
        let mut bytes = encode(&text, ENCODINGS[encoding]);
        if truncate && !bytes.is_empty() {
            // a file cut off mid-character
            bytes.truncate(cut.index(bytes.len()));
        }
        let source = Source::from_bytes("soup", &bytes, None);
        let parsed = load(&source, Format::Text);
        for d in &parsed.diagnostics {
            if let Some(span) = &d.span {
                prop_assert!(span.start <= span.end && span.end <= source.text().len(), "{d:?}");
                prop_assert!(source.text().is_char_boundary(span.start) && source.text().is_char_boundary(span.end));
            }
        }
        let fatal = parsed.diagnostics.iter().any(|d| d.is_fatal(false));
        // a page the reader recovered from (a turn set aside) or read in
        // doubt is kept as read; the round trip is the promise for pages
        // read cleanly (the text_roundtrip test holds every model to it)
        let recovered = parsed.diagnostics.iter().any(|d| {
            matches!(
                d.code,
                Code::AnswerBeforeQuestion | Code::QuestionWithoutAnswer | Code::EmptyTurn | Code::TrailingText
            ) || d.code.as_str().starts_with("doubtful-")
        });
        // raw text tells people apart by name and label only
        if let Some(model) = parsed
            .interview
            .as_ref()
            .filter(|m| !fatal && !recovered && common::distinct_people(m))
        {
            // a text raw text cannot carry is refused, naming its field
            // (exit 1): that is the writer's verdict, not a lost field
            let Ok(written) = render(model, Format::Text) else {
                return Ok(());
            };
            let written = String::from_utf8(written).unwrap();
            let again = load(&Source::from_text("again", &written), Format::Text);
            let mut expected = model.clone();
            expected.encoding = Some("UTF-8".to_owned());
            prop_assert_eq!(again.interview.as_ref(), Some(&expected), "\n--- input\n{}\n--- written\n{}", text, written);
        }
    }
}

/// The encodings of the soup test: (WHATWG name, BOM).
const ENCODINGS: &[(&str, bool)] = &[
    ("UTF-8", false),
    ("UTF-8", true),
    ("UTF-16LE", false),
    ("UTF-16LE", true),
    ("UTF-16BE", false),
    ("UTF-16BE", true),
    ("GBK", false),
    ("gb18030", false),
    ("Big5", false),
    ("Shift_JIS", false),
    ("EUC-JP", false),
    ("EUC-KR", false),
];

fn encode(text: &str, (name, bom): (&str, bool)) -> Vec<u8> {
    let mut out = Vec::new();
    match name {
        "UTF-16LE" => {
            if bom {
                out.extend([0xff, 0xfe]);
            }
            out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        }
        "UTF-16BE" => {
            if bom {
                out.extend([0xfe, 0xff]);
            }
            out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        }
        _ => {
            if bom {
                out.extend(b"\xef\xbb\xbf");
            }
            let encoding = encoding_rs::Encoding::for_label(name.as_bytes()).unwrap();
            out.extend(encoding.encode(text).0.iter());
        }
    }
    out
}

/// Soup shaped like an interview: a header, then question and answer turns
/// (markers or labels) with soup lines among them, so that the round trip
/// gets many usable models to check.
fn interview_soup() -> impl Strategy<Value = Vec<String>> {
    let question = prop::sample::select(
        &[
            "Q: ",
            "问：",
            "――",
            "MARR: ",
            "中国网：",
            "Ｑ：",
            "记者：",
            "김예람(김): ",
        ][..],
    );
    let answer = prop::sample::select(
        &[
            "A: ",
            "答：",
            "",
            "BROWN: ",
            "李肇星：",
            "Ａ：",
            "KIM: ",
            "SATO: ",
        ][..],
    );
    let header = prop::collection::vec(
        prop_oneof![
            Just("LEE Hee-sup".to_owned()),
            Just("Gordon Brown".to_owned()),
            Just("李肇星".to_owned()),
            Just("Secretary-General of the Trilateral Cooperation Secretariat (TCS)".to_owned()),
            Just("Interviewed by Andrew Marr".to_owned()),
            Just("2024-05-12".to_owned()),
            soup_line(),
        ],
        1..5,
    );
    let turns = prop::collection::vec(
        (
            question,
            text(),
            answer,
            text(),
            prop::collection::vec(soup_line(), 0..2),
        ),
        1..6,
    );
    (
        header,
        turns,
        option::of(Just("已阅读人数: 427".to_owned())),
    )
        .prop_map(|(mut lines, turns, count)| {
            for (q, question, a, answer, extra) in turns {
                lines.push(format!("{q}{}", question.trim()));
                lines.push(format!("{a}{}", answer.trim()));
                lines.extend(extra);
            }
            lines.extend(count);
            lines
        })
}

fn soup_line() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![1 => Just(""), 3 => prop::sample::select(common::TURN_PREFIXES)];
    let body = prop_oneof![
        text(),
        Just("LEE Hee-sup".to_owned()),
        Just("Secretary-General of the Trilateral Cooperation Secretariat (TCS)".to_owned()),
        Just("How do you see it? A: Like this. Q: And then?".to_owned()),
        Just("您好！李肇星：你好。中国网：再见。".to_owned()),
        Just("阅读 1,234".to_owned()),
        Just("10万+".to_owned()),
        Just("조회 : 2,388".to_owned()),
        Just("2024-05-12 | 阅读 12".to_owned()),
        Just("分享到：微信 微博".to_owned()),
        Just("CooperationSecretariat and more.The end".to_owned()),
        Just("\u{7}\u{0}\u{fffe}".to_owned()),
        Just("".to_owned()),
    ];
    (prefix, body).prop_map(|(p, b)| format!("{p}{b}"))
}
