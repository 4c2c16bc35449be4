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
