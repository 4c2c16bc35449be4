//! The committed schema matches the model, and the golden documents pass it.

mod common;

use interview_kit::schema;

#[test]
fn committed_schema_has_not_drifted() {
    let path = common::root().join(schema::PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == schema::to_pretty_string(),
        "{} is out of date with src/model.rs; regenerate it with:\n    cargo run -- schema > {}",
        schema::PATH,
        schema::PATH
    );
}

#[test]
fn golden_json_passes_the_schema() {
    let text = std::fs::read_to_string(common::fixture("000_733c960163716fd3.json")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(schema::check(&value).is_empty());
}

#[test]
fn schema_rejects_what_the_model_rejects() {
    let bad = serde_json::json!({
        "speaker": {"name": "X", "nickname": "x"},
        "exchanges": [{"question": "q", "answer": ["a"]}],
        "read_count_precision": "exact"
    });
    let pointers: Vec<_> = schema::check(&bad)
        .into_iter()
        .filter_map(|d| d.pointer)
        .collect();
    assert!(
        pointers.contains(&"/speaker/nickname".to_owned()),
        "{pointers:?}"
    );
    assert!(pointers.contains(&"".to_owned()), "{pointers:?}");
}

/// Strict validators (ajv) refuse a schema that names a format no draft
/// defines, such as schemars's `uint64`.
#[test]
fn schema_names_only_standard_formats() {
    fn formats(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    if key == "format"
                        && let Some(name) = inner.as_str()
                    {
                        found.push(name.to_owned());
                    }
                    formats(inner, found);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| formats(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    formats(&schema::generate(), &mut found);
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::root().join(schema::PATH)).unwrap())
            .unwrap();
    formats(&committed, &mut found);
    found.retain(|f| !schema::STANDARD_FORMATS.contains(&f.as_str()));
    assert!(found.is_empty(), "non-standard formats: {found:?}");
}

/// Every integer of the model is bounded by `minimum` and `maximum`, so
/// that a number past its Rust type is refused by the schema, not by the
/// reader after the schema passed it.
#[test]
fn integers_are_bounded_by_minimum_and_maximum() {
    let schema = schema::generate();
    let count = &schema["properties"]["read_count"];
    assert_eq!(count["type"], "integer");
    assert_eq!(count["minimum"], 0);
    assert_eq!(count["maximum"], u64::MAX);
    for (text, valid) in [
        ("18446744073709551615", true),
        ("18446744073709551616", false),
        ("1e20", false),
        ("-1", false),
        ("1.0", true),
        ("1e3", true),
        ("-0", true),
    ] {
        let doc: serde_json::Value = serde_json::from_str(&format!(
            r#"{{"speaker": {{"name": "X"}}, "exchanges": [{{"question": "q", "answer": ["a"]}}], "read_count": {text}}}"#
        ))
        .unwrap();
        assert_eq!(schema::check(&doc).is_empty(), valid, "read_count {text}");
    }
}
