//! Property tests: any model survives JSON unchanged and passes the schema;
//! no reader panics on arbitrary bytes.

use interview_kit::{
    Exchange, Format, Interview, Precision, Role, Source, Speaker, load, render, schema,
};
use proptest::option;
use proptest::prelude::*;

/// Text with the characters that break naive writers: CJK, curly quotes,
/// markup characters, and leading or trailing spaces.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z ,.?'-]{0,30}",
        "[\u{4e00}-\u{4e80}\u{3040}-\u{309f}\u{ac00}-\u{ac80}]{1,12}",
        "[ ]{0,2}[a-z“”‘’&<>\"'\u{4e2d}]{1,10}[ ]{0,2}",
    ]
}

fn speaker() -> impl Strategy<Value = Speaker> {
    (
        text(),
        option::of(text()),
        option::of(text()),
        option::of(text()),
    )
        .prop_map(|(name, family_name, given_name, label)| Speaker {
            name,
            family_name,
            given_name,
            label,
        })
}

prop_compose! {
    fn interview()(
        headline in option::of(text()),
        date in option::of(text()),
        byline in option::of(text()),
        speaker in speaker(),
        role in option::of((text(), option::of(text()), option::of(text()), option::of(text()))),
        interviewer in option::of(speaker()),
        introduction in prop::collection::vec(text(), 0..3),
        exchanges in prop::collection::vec(
            (text(), prop::collection::vec(text(), 1..4), option::of(text())), 1..4),
        read_count in option::of((any::<u64>(), prop_oneof![Just(Precision::Exact), Just(Precision::Rounded), Just(Precision::AtLeast)], option::of(text()))),
        language in option::of(prop_oneof![Just("en"), Just("zh"), Just("ja"), Just("ko")]),
        encoding in option::of(prop_oneof![Just("UTF-8"), Just("GBK"), Just("Shift_JIS")]),
    ) -> Interview {
        Interview {
            headline, date, byline, speaker,
            role: role.map(|(text, title, organization, abbreviation)| Role { text, title, organization, abbreviation }),
            interviewer,
            introduction,
            exchanges: exchanges.into_iter().map(|(question, answer, answered_by)| Exchange { question, answer, answered_by }).collect(),
            read_count: read_count.as_ref().map(|r| r.0),
            read_count_precision: read_count.as_ref().map(|r| r.1),
            read_count_text: read_count.and_then(|r| r.2),
            language: language.map(str::to_owned),
            encoding: encoding.map(str::to_owned),
        }
    }
}

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
}
