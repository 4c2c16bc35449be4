//! Property tests: any model survives JSON unchanged and passes the schema;
//! no reader panics on arbitrary bytes.

mod common;

use common::strategy::{interview, text};
use interview_kit::{Format, Source, load, render, schema};
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
}
