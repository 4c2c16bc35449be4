//! `--max-errors N`: a document's reader stops once it has N errors (its
//! verdict, invalid, is known), and closes its diagnostics with one
//! `too-many-errors` note; verdicts and exit codes stay exact. Library
//! level first (each reader and the schema check), then the commands.

mod common;

use interview_kit::{Code, Diagnostic, ErrorLimit, Format, Severity, Source, read, schema};

/// How many problems each document holds.
const PROBLEMS: usize = 50_000;

/// Raw text with a question without answer on every line.
fn text() -> String {
    let mut text = String::from("LEE Hee-sup\nSecretary-General\n");
    for i in 0..PROBLEMS {
        text.push_str(&format!("Q: question {i}?\n"));
    }
    text + "A: the answer\n已阅读人数: 1\n"
}

/// JSON whose root repeats one key.
fn json() -> String {
    let keys: Vec<&str> = vec![r#""extra": 1"#; PROBLEMS];
    format!(
        r#"{{"speaker": {{"name": "X"}}, "exchanges": [{{"question": "q", "answer": ["a"]}}], {}}}"#,
        keys.join(", ")
    )
}

/// JSON with properties the schema does not define (each a violation).
fn unexpected() -> serde_json::Value {
    let mut value = serde_json::json!({
        "speaker": {"name": "X"},
        "exchanges": [{"question": "q", "answer": ["a"]}],
    });
    for i in 0..PROBLEMS {
        value[format!("extra{i}")] = 1.into();
    }
    value
}

/// JSON-LD with keywords the reader refuses.
fn jsonld() -> String {
    let keywords: Vec<String> = (0..PROBLEMS).map(|i| format!(r#""@x{i}": 1"#)).collect();
    format!(
        r#"{{"@context": "https://schema.org/", "@type": "NewsArticle", "genre": "Interview", {}}}"#,
        keywords.join(", ")
    )
}

/// XML whose root carries attributes the content model refuses.
fn xml() -> String {
    let attributes: Vec<String> = (0..PROBLEMS).map(|i| format!(r#"a{i}="1""#)).collect();
    format!(
        r#"<interview xmlns="{}" {}><speaker><name>X</name></speaker></interview>"#,
        interview_kit::vocabulary::xml::NAMESPACE,
        attributes.join(" ")
    )
}

/// Each document with its problems, and whether they are errors only
/// under `--strict` (the text reader recovers from a question with no
/// answer: a warning, which `--strict` makes an error).
fn documents() -> Vec<(Format, String, bool)> {
    vec![
        (Format::Text, text(), true),
        (Format::Json, json(), false),
        (Format::Json, unexpected().to_string(), false),
        (Format::JsonLd, jsonld(), false),
        (Format::Xml, xml(), false),
    ]
}

fn errors(diagnostics: &[Diagnostic]) -> usize {
    fatal(diagnostics, false)
}

fn fatal(diagnostics: &[Diagnostic], strict: bool) -> usize {
    diagnostics.iter().filter(|d| d.is_fatal(strict)).count()
}

/// The list ends with the note, and it is the only one.
fn assert_closed_by_the_note(diagnostics: &[Diagnostic], max: usize, what: &str) {
    let last = diagnostics.last().expect("diagnostics");
    assert_eq!(
        (last.code, last.severity),
        (Code::TooManyErrors, Severity::Note),
        "{what}"
    );
    assert_eq!(
        last.message,
        format!("stopped after {max} errors; the rest of the document was not checked"),
        "{what}"
    );
    let notes = diagnostics
        .iter()
        .filter(|d| d.code == Code::TooManyErrors)
        .count();
    assert_eq!(notes, 1, "{what}");
}

#[test]
fn each_reader_stops_at_the_limit_and_says_so() {
    for (format, text, strict) in documents() {
        let limit = ErrorLimit::new(Some(10), strict);
        let what = format!("{format}: {}", &text[..60]);
        let source = Source::from_text("doc", &text);
        // without a limit, every problem is reported
        let all = read::read(format, &source);
        assert!(fatal(&all.diagnostics, strict) >= PROBLEMS - 1, "{what}");
        let parsed = read::read_with(format, &source, limit);
        assert!(
            parsed.diagnostics.len() <= 11,
            "{what}: {:?}",
            parsed.diagnostics
        );
        assert_eq!(fatal(&parsed.diagnostics, strict), 10, "{what}");
        assert_closed_by_the_note(&parsed.diagnostics, 10, &what);
        // the verdict stands: invalid, no model
        assert!(parsed.interview.is_none(), "{what}");
        // the first ten are the first ten found without a limit
        assert_eq!(parsed.diagnostics[..10], all.diagnostics[..10], "{what}");
    }
}

#[test]
fn the_schema_check_stops_at_the_limit() {
    let value = unexpected();
    assert_eq!(schema::check(&value).len(), PROBLEMS);
    let found = schema::check_with(&value, ErrorLimit::new(Some(10), false));
    assert_eq!(found.len(), 11, "{found:?}");
    assert_eq!(errors(&found), 10);
    assert_closed_by_the_note(&found, 10, "schema");
}

#[test]
fn no_limit_and_zero_change_nothing() {
    for (format, text, _) in documents() {
        let source = Source::from_text("doc", &text);
        let all = read::read(format, &source).diagnostics;
        for limit in [ErrorLimit::default(), ErrorLimit::new(Some(0), false)] {
            assert_eq!(read::read_with(format, &source, limit).diagnostics, all);
        }
    }
}

#[test]
fn a_document_within_the_limit_gets_no_note() {
    let source = Source::from_text("doc", &unexpected().to_string());
    let all = read::read(Format::Json, &source).diagnostics;
    let limit = ErrorLimit::new(Some(PROBLEMS), false);
    assert_eq!(
        read::read_with(Format::Json, &source, limit).diagnostics,
        all
    );
    // a valid document is valid under any limit, with no note
    let seed =
        std::fs::read_to_string(common::root().join("fixtures/000_733c960163716fd3.txt")).unwrap();
    let source = Source::from_text("seed.txt", &seed);
    let parsed = read::read_with(Format::Text, &source, ErrorLimit::new(Some(1), false));
    assert!(parsed.interview.is_some());
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| d.code != Code::TooManyErrors)
    );
}

/// Under `--strict` warnings are errors, and count against the limit.
#[test]
fn under_strict_warnings_count() {
    let text = format!(
        "LEE Hee-sup\nSecretary-General\nQ: q?\nA: a{}\n已阅读人数: 1\n",
        "\u{7}".repeat(PROBLEMS)
    );
    let source = Source::from_text("bel.txt", &text);
    let lenient = read::read_with(Format::Text, &source, ErrorLimit::new(Some(10), false));
    assert!(lenient.interview.is_some(), "warnings only: still valid");
    assert_eq!(lenient.diagnostics.len(), PROBLEMS);
    let strict = read::read_with(Format::Text, &source, ErrorLimit::new(Some(10), true));
    assert_eq!(strict.diagnostics.len(), 11, "{:?}", strict.diagnostics);
    assert_closed_by_the_note(&strict.diagnostics, 10, "strict");
}

/// The inputs above as files in a temporary directory.
fn files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let names = ["a.txt", "b.json", "c.json", "d.jsonld", "e.xml"];
    for (name, (_, text, _)) in names.iter().zip(documents()) {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn run(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    common::run_in(dir, args)
}

const NOTE: &str = "stopped after 3 errors; the rest of the document was not checked";

#[test]
fn validate_stops_each_document_and_shows_the_note() {
    let dir = files();
    for name in ["a.txt", "b.json", "c.json", "d.jsonld", "e.xml"] {
        // the text file's problems are warnings, errors under --strict
        let strict: &[&str] = if name.ends_with(".txt") {
            &["--strict"]
        } else {
            &[]
        };
        let args = |more: &[&'static str]| -> Vec<&str> {
            [
                &["validate", "--max-errors", "3"][..],
                strict,
                more,
                &[name],
            ]
            .concat()
        };
        let (code, _, stderr) = run(dir.path(), &args(&[]));
        assert_eq!(code, 1, "{name}: {stderr}");
        assert_eq!(stderr.matches("error[").count(), 3, "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("note[too-many-errors]: {name}: {NOTE}")),
            "{name}: {stderr}"
        );
        let (code, stdout, _) = run(dir.path(), &args(&["--format", "json"]));
        assert_eq!(code, 1, "{name}");
        let lines = common::ndjson(stdout.as_bytes());
        assert_eq!(lines.len(), 5, "{name}: {stdout}");
        assert_eq!(lines[3]["severity"], "note", "{name}");
        assert_eq!(lines[3]["code"], "too-many-errors", "{name}");
        assert_eq!(lines[3]["message"], NOTE, "{name}");
        assert_eq!(lines[4], serde_json::json!({ "omitted": 0 }), "{name}");
    }
}

/// The note is outside the total shown; a second document's errors, over
/// the total, are left out and counted, its note with them.
#[test]
fn validate_counts_what_the_total_left_out() {
    let dir = files();
    let (code, stdout, _) = run(
        dir.path(),
        &[
            "validate",
            "--max-errors",
            "3",
            "--format",
            "json",
            "b.json",
            "e.xml",
        ],
    );
    assert_eq!(code, 1);
    let lines = common::ndjson(stdout.as_bytes());
    let errors = lines.iter().filter(|l| l["severity"] == "error").count();
    let notes = lines.iter().filter(|l| l["severity"] == "note").count();
    assert_eq!((errors, notes), (3, 1), "{stdout}");
    assert_eq!(lines.last(), Some(&serde_json::json!({ "omitted": 3 })));
}

#[test]
fn convert_stops_each_document_and_shows_the_note() {
    let dir = files();
    for name in ["a.txt", "b.json", "c.json", "d.jsonld", "e.xml"] {
        // the text file's problems are warnings, errors under --strict
        let strict: &[&str] = if name.ends_with(".txt") {
            &["--strict"]
        } else {
            &[]
        };
        let args = |more: &[&'static str]| -> Vec<&str> {
            [&["convert", "--max-errors", "3"][..], strict, more, &[name]].concat()
        };
        let (code, stdout, stderr) = run(dir.path(), &args(&[]));
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stdout.is_empty(), "{name}: nothing written");
        assert_eq!(stderr.matches("error[").count(), 3, "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("note[too-many-errors]: {name}: {NOTE}")),
            "{name}: {stderr}"
        );
        // the JSON report and an NDJSON record say it too
        let (code, stdout, _) = run(dir.path(), &args(&["-o", "out", "--report", "-"]));
        assert_eq!(code, 1, "{name}");
        let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let diagnostics = report["inputs"][0]["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), 4, "{name}: {stdout}");
        assert_eq!(diagnostics[3]["code"], "too-many-errors", "{name}");
        assert_eq!(diagnostics[3]["severity"], "note", "{name}");
        let (code, stdout, _) = run(dir.path(), &args(&["--to", "ndjson"]));
        assert_eq!(code, 1, "{name}");
        let record = &common::ndjson(stdout.as_bytes())[0];
        assert_eq!(record["errors"].as_array().unwrap().len(), 3, "{name}");
        assert_eq!(record["notes"][0]["message"], NOTE, "{name}");
    }
}

/// A valid document converts under any limit, with no note.
#[test]
fn verdicts_do_not_change() {
    let root = common::root();
    let seed = "fixtures/000_733c960163716fd3.txt";
    let (code, stdout, stderr) = run(&root, &["convert", "--max-errors", "1", seed]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.is_empty());
    assert!(!stderr.contains("too-many-errors"), "{stderr}");
}
