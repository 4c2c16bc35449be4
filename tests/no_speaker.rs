//! A page that names no interviewee: the text reader keeps its exchanges
//! and gives a model without `speaker`, with a `missing-speaker` warning at
//! the first question; every format reads and writes such a model, and no
//! writer makes up a person for it.

mod common;

use interview_kit::{Format, Interview, Source, load, render, schema};
use serde_json::{Value, json};

/// A page of exchanges under a date line, with no name anywhere.
const NAMELESS: &str =
    "2024-05-12\nQ: Why now?\nA: Because the window is narrowing.\nQ: And then?\nA: We wait.\n";

/// The model of a page that names no one, from its JSON form.
fn nameless(extra: Value) -> Interview {
    let mut doc = json!({
        "date": "2024-05-12",
        "exchanges": [
            {"question": "Why now?", "answer": ["Because.", "And then some."]},
            {"question": "And then?", "answer": ["We wait."]}
        ],
        "language": "en"
    });
    doc.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    let parsed = load(&Source::from_text("m.json", &doc.to_string()), Format::Json);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let model = parsed.interview.unwrap();
    assert!(model.speaker.is_none());
    model
}

fn written(model: &Interview, format: Format) -> String {
    String::from_utf8(render(model, format).unwrap()).unwrap()
}

/// `model` written as `format` and read back.
fn round_trip(model: &Interview, format: Format) -> Interview {
    let text = written(model, format);
    let parsed = load(&Source::from_text("back", &text), format);
    assert!(
        parsed.diagnostics.iter().all(|d| !d.is_fatal(false)),
        "{format:?}: {:?}\n{text}",
        parsed.diagnostics
    );
    parsed.interview.unwrap()
}

#[test]
fn a_page_naming_no_one_converts_with_a_warning_at_its_first_question() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.txt"), NAMELESS).unwrap();
    let (code, stdout, stderr) =
        common::run_in(dir.path(), &["convert", "page.txt", "--to", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let model: Value = serde_json::from_str(&stdout).unwrap();
    assert!(model.get("speaker").is_none(), "{model}");
    assert_eq!(model["exchanges"].as_array().unwrap().len(), 2);
    assert_eq!(model["date"], "2024-05-12");
    // the warning points at the first question's line, where a name was due
    assert!(stderr.contains("warning[missing-speaker]"), "{stderr}");
    assert!(stderr.contains("page.txt:2:1"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    // a warning: an error only under --strict
    let (strict, _, _) = common::run_in(dir.path(), &["convert", "page.txt", "--strict"]);
    assert_eq!(strict, 1);
}

#[test]
fn the_reader_keeps_the_exchanges_and_warns_at_the_first_question() {
    let parsed = load(&Source::from_text("page.txt", NAMELESS), Format::Text);
    let model = parsed.interview.expect("a model");
    assert_eq!(model.speaker, None);
    assert_eq!(model.exchanges.len(), 2);
    let missing: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "missing-speaker")
        .collect();
    assert_eq!(missing.len(), 1, "{:?}", parsed.diagnostics);
    assert!(!missing[0].is_fatal(false));
    assert!(missing[0].is_fatal(true));
    let at = missing[0].span.clone().unwrap();
    assert_eq!(&NAMELESS[at], "Q: Why now?");
    assert!(
        missing[0].message.contains("no name"),
        "{}",
        missing[0].message
    );
    // no page is read without exchanges: that stays the one error
    let empty = load(
        &Source::from_text("e.txt", "Just a paragraph.\nAnd another one.\n"),
        Format::Text,
    );
    let codes: Vec<_> = empty.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"no-exchanges"), "{codes:?}");
    assert!(!codes.contains(&"missing-speaker"), "{codes:?}");
}

#[test]
fn a_record_of_a_page_naming_no_one_gives_its_document_and_warning() {
    let record = json!({"path": "p.txt", "text": NAMELESS}).to_string();
    let out = assert_cmd::Command::cargo_bin("interview")
        .unwrap()
        .args(["convert", "-", "--from", "records", "--to", "ndjson"])
        .write_stdin(record + "\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(line["interview"].get("speaker").is_none(), "{line}");
    assert_eq!(line["interview"]["exchanges"].as_array().unwrap().len(), 2);
    assert!(line.to_string().contains("missing-speaker"), "{line}");
}

#[test]
fn the_schema_and_validate_accept_a_document_without_speaker() {
    let doc = json!({"exchanges": [{"question": "Why now?", "answer": ["Because."]}]});
    assert!(schema::check(&doc).is_empty(), "{:?}", schema::check(&doc));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.json"), doc.to_string()).unwrap();
    let (code, _, stderr) = common::run_in(dir.path(), &["validate", "doc.json"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn json_and_xml_leave_the_speaker_out_and_read_back_without_one() {
    let model = nameless(json!({"role": {"text": "Mayor of Lund"}}));
    assert!(!written(&model, Format::Json).contains("speaker"));
    let xml = written(&model, Format::Xml);
    assert!(!xml.contains("<speaker>"), "{xml}");
    assert!(xml.contains("<role>"), "{xml}");
    for format in [Format::Json, Format::Xml, Format::JsonLd] {
        assert_eq!(round_trip(&model, format), model, "{format:?}");
    }
}

#[test]
fn json_ld_has_no_interviewee_without_speaker_or_role() {
    let model = nameless(json!({}));
    let doc: Value = serde_json::from_str(&written(&model, Format::JsonLd)).unwrap();
    assert!(doc.get("about").is_none(), "{doc}");
    // no answer points to an interviewee the document does not describe
    for part in doc["hasPart"].as_array().unwrap() {
        assert!(part["acceptedAnswer"].get("author").is_none(), "{part}");
    }
    assert_eq!(round_trip(&model, Format::JsonLd), model);
    // a role without a name: a Person with the role's parts and no name
    let model = nameless(json!({"role": {"text": "Mayor of Lund", "title": "Mayor"}}));
    let doc: Value = serde_json::from_str(&written(&model, Format::JsonLd)).unwrap();
    assert_eq!(doc["about"]["jobTitle"], "Mayor");
    assert!(doc["about"].get("name").is_none(), "{doc}");
    assert_eq!(round_trip(&model, Format::JsonLd), model);
}

#[test]
fn html_has_no_speaker_paragraph() {
    let model = nameless(json!({}));
    let html = written(&model, Format::Html);
    assert!(!html.contains("interview-speaker"), "{html}");
    assert!(html.contains("Why now?"), "{html}");
}

#[test]
fn cms_titles_name_no_one_when_the_page_names_no_one() {
    let model = nameless(json!({}));
    let md = written(&model, Format::Markdown);
    assert!(md.contains("title: \"Interview (2024-05-12)\"\n"), "{md}");
    assert!(md.contains("slug: \"interview-2024-05-12\"\n"), "{md}");
    assert!(!md.contains("speaker:"), "{md}");
    let wxr = written(&model, Format::Wxr);
    assert!(
        wxr.contains("<title><![CDATA[Interview (2024-05-12)]]></title>"),
        "{wxr}"
    );
    assert!(!wxr.contains("domain=\"post_tag\""), "{wxr}");
    assert!(!wxr.contains("interview_speaker"), "{wxr}");
    // without a date, the input's file name tells pages apart
    let mut undated = model.clone();
    undated.date = None;
    let mut out = Vec::new();
    let path = std::path::Path::new("2019/kim-talk.txt");
    interview_kit::write::markdown::write_at(&undated, Some(path), &mut out).unwrap();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("title: \"Interview (kim-talk)\"\n"), "{md}");
    assert!(md.contains("slug: \"interview-kim-talk-"), "{md}");
    // in the interview's language
    let mut zh = model.clone();
    zh.language = Some("zh".into());
    assert!(written(&zh, Format::Markdown).contains("title: \"访谈（2024-05-12）\"\n"));
}

#[test]
fn raw_text_writes_no_name_line_and_reads_back_without_a_speaker() {
    let model = nameless(json!({
        "headline": "Cooperation is a matter of survival",
        "role": {"text": "Mayor of Lund"},
        "introduction": ["He spoke to us in Lund."]
    }));
    let text = written(&model, Format::Text);
    assert!(text.starts_with("# Cooperation"), "{text}");
    let mut back = round_trip(&model, Format::Text);
    // the reader sets the language and encoding it detects; all else is the same
    back.encoding = None;
    let mut want = model.clone();
    want.role = Some(interview_kit::read::text::parse_role("Mayor of Lund"));
    assert_eq!(back, want, "{text}");
    // a headline that names someone would read back as the interviewee:
    // refused, naming the field
    let mut named = model.clone();
    named.headline = Some("An interview with Ines Carvalho".into());
    let err = render(&named, Format::Text).unwrap_err();
    assert!(err.to_string().contains("`/headline`"), "{err}");
    assert!(err.to_string().contains("Ines Carvalho"), "{err}");
}
