//! Every format round-trips every model, and the seed's golden files in
//! each format read back to the seed.

mod common;

use common::strategy::{any_text, interview_with};
use interview_kit::{Format, Interview, Source, load, render};
use proptest::prelude::*;

/// The formats that carry any model exactly.
const LOSSLESS: [Format; 3] = [Format::Json, Format::Xml, Format::JsonLd];

fn round_trip(model: &Interview, format: Format) -> Result<(), TestCaseError> {
    let bytes = render(model, format).unwrap();
    let parsed = load(&Source::from_bytes("m", &bytes, None), format);
    prop_assert!(
        parsed.diagnostics.is_empty(),
        "{format}: {:?}\n{}",
        parsed.diagnostics,
        String::from_utf8_lossy(&bytes)
    );
    prop_assert_eq!(parsed.interview.as_ref(), Some(model), "{}", format);
    // and the same bytes again: the writers are deterministic
    prop_assert_eq!(render(model, format).unwrap(), bytes);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_format_round_trips_any_model(model in interview_with(any_text(), any_text())) {
        for format in LOSSLESS {
            round_trip(&model, format)?;
        }
    }

    /// Any path through the formats ends where it started.
    #[test]
    fn conversions_compose(model in interview_with(any_text(), any_text()), path in prop::collection::vec(prop::sample::select(&LOSSLESS[..]), 1..4)) {
        let mut current = model.clone();
        for format in path {
            let bytes = render(&current, format).unwrap();
            current = load(&Source::from_bytes("m", &bytes, Some(encoding_rs::UTF_8)), format)
                .interview
                .expect("a written document reads back");
        }
        prop_assert_eq!(current, model);
    }
}

fn seed() -> Interview {
    let bytes = std::fs::read(common::fixture(common::SEED)).unwrap();
    load(&Source::from_bytes("seed", &bytes, None), Format::Text)
        .interview
        .unwrap()
}

#[test]
fn seed_golden_files_match_and_read_back() {
    let seed = seed();
    for format in LOSSLESS {
        let path = common::fixture(&format!("000_733c960163716fd3.{}", format.extension()));
        let out = String::from_utf8(render(&seed, format).unwrap()).unwrap();
        let golden = std::fs::read_to_string(&path).unwrap();
        assert_eq!(out, golden, "{format}");
        let parsed = load(
            &Source::from_bytes("golden", golden.as_bytes(), None),
            format,
        );
        assert!(
            parsed.diagnostics.is_empty(),
            "{format}: {:?}",
            parsed.diagnostics
        );
        assert_eq!(parsed.interview.as_ref(), Some(&seed), "{format}");
    }
}

#[test]
fn content_sniffing_finds_every_format() {
    let seed = seed();
    for format in LOSSLESS {
        assert_eq!(Format::sniff(&render(&seed, format).unwrap()), format);
    }
}

/// XML 1.0 cannot carry U+0007 at all: the writer refuses, writes nothing.
#[test]
fn control_characters_never_reach_xml() {
    let mut model = seed();
    model.exchanges[1].answer[2].insert(3, '\u{7}');
    let err = render(&model, Format::Xml).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert!(err.to_string().contains("/exchanges/1/answer/2"), "{err}");
    // JSON and JSON-LD can carry it (as `\u0007`)
    for format in [Format::Json, Format::JsonLd] {
        assert!(render(&model, format).is_ok());
    }
}

/// Every JSON pointer into `value`.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                pointers(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                pointers(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    prop_oneof![
        Just(json!(null)),
        Just(json!(-1)),
        Just(json!(1.5)),
        Just(json!(18446744073709551615u64)),
        Just(json!("")),
        Just(json!("ReadAction")),
        Just(json!([])),
        Just(json!([{}, "x"])),
        Just(json!({})),
        Just(json!({"@id": "_:interviewee"})),
        Just(json!({"@list": ["a", 1]})),
        Just(json!({"@type": "Person"})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn xml_reader_never_panics_on_markup_soup(parts in prop::collection::vec(prop::sample::select(&[
        "<interview xmlns=\"https://interview-kit.dev/ns/interview/1\">", "</interview>",
        "<speaker>", "</speaker>", "<name>", "</name>", "<exchange>", "</exchange>", "<p/>",
        "&amp;", "&#0;", "&#x110000;", "&#xD800;", "&bogus;", "&", "<![CDATA[", "]]>", "<!--", "-->",
        "<?xml version=\"1.0\"?>", "<!DOCTYPE x>", "<a b='1' b='2'>", "<x:y>", "</", "<", ">",
        "\u{4e2d}", " ", "\n", "\u{feff}",
    ][..]), 0..40)) {
        let text: String = parts.concat();
        let _ = load(&Source::from_text("soup.xml", &text), Format::Xml);
    }

    /// The seed's JSON-LD with any one value replaced: no panic, and a
    /// verdict either way.
    #[test]
    fn jsonld_reader_never_panics_on_changed_values(pick in any::<prop::sample::Index>(), value in json_value()) {
        let text = std::fs::read_to_string(common::fixture("000_733c960163716fd3.jsonld")).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        let at = pick.get(&all).clone();
        if at.is_empty() {
            doc = value;
        } else if let Some(slot) = doc.pointer_mut(&at) {
            *slot = value;
        }
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let parsed = load(&Source::from_text("changed.jsonld", &text), Format::JsonLd);
        prop_assert!(parsed.interview.is_some() || !parsed.diagnostics.is_empty());
    }
}
