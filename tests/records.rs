//! `convert - --from records --to ndjson`: the mapper mode for Spark's
//! `RDD.pipe` and Hadoop Streaming.

mod common;

use assert_cmd::Command;
use serde_json::{Value, json};

fn run(stdin: String) -> (i32, Vec<Value>) {
    let out = Command::cargo_bin("interview")
        .unwrap()
        .args(["convert", "-", "--from", "records", "--to", "ndjson"])
        .env("NO_COLOR", "1")
        .write_stdin(stdin)
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout).unwrap();
    let records = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap(), records)
}

fn record(path: &str, text: &str) -> String {
    json!({ "path": path, "text": text }).to_string()
}

#[test]
fn one_output_line_per_input_line_in_order() {
    let seed = std::fs::read_to_string(common::fixture(common::SEED)).unwrap();
    let input = [
        record("x/seed.txt", &seed),
        "{not json".to_owned(),
        record("y/empty.txt", ""),
        String::new(),
        record(
            "z/short.txt",
            "KIM Min-jun\nQ: Why?\nA: Because.\n阅读 12\n",
        ),
    ]
    .join("\n");
    let (code, out) = run(input);
    assert_eq!(code, 1, "invalid records make the run exit 1");
    let paths: Vec<&str> = out.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["x/seed.txt", "<stdin>:2", "y/empty.txt", "z/short.txt"]
    );
    // the seed's document is the one `convert` gives for the file
    let golden: Value = serde_json::from_str(
        &std::fs::read_to_string(common::fixture("000_733c960163716fd3.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(out[0]["interview"], golden);
    assert_eq!(out[1]["errors"][0]["code"], "syntax");
    assert_eq!(out[2]["errors"][0]["code"], "empty-input");
    assert_eq!(out[3]["interview"]["read_count"], 12);
}

#[test]
fn all_good_records_exit_0() {
    let (code, out) = run(record("a.txt", "KIM Min-jun\nQ: Why?\nA: Because.\n阅读 12\n") + "\n");
    assert_eq!(code, 0);
    assert_eq!(out.len(), 1);
}

#[test]
fn a_record_path_names_the_format() {
    let json = std::fs::read_to_string(common::fixture("000_733c960163716fd3.json")).unwrap();
    let (code, out) = run(record("doc.json", &json));
    assert_eq!(code, 0);
    assert_eq!(out[0]["interview"]["speaker"]["name"], "LEE Hee-sup");
}

#[test]
fn records_are_refused_by_validate() {
    Command::cargo_bin("interview")
        .unwrap()
        .args(["validate", "-", "--from", "records"])
        .write_stdin("")
        .assert()
        .code(2);
}
