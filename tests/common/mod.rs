//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

pub mod strategy;

use interview_kit::Interview;
use interview_kit::form::labels::{is_interviewer_word, matches_name};

/// The records of an NDJSON stream, each parsed.
pub fn ndjson(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The `path` of each NDJSON record, in order.
pub fn record_paths(records: &[serde_json::Value]) -> Vec<&str> {
    records
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect()
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The seed interview shipped in `fixtures/`.
pub const SEED: &str = "000_733c960163716fd3.txt";

/// Raw text tells people apart by their names and labels only: the
/// interviewer, the interviewee and the panelists share none, and no
/// panelist answers under an interviewer's role word.
pub fn distinct_people(m: &Interview) -> bool {
    let names = |s: &interview_kit::Speaker| {
        let mut v = vec![s.name.clone()];
        v.extend(s.label.clone());
        v
    };
    let speaker = m.speaker.as_ref().map(names).unwrap_or_default();
    let mut others: Vec<Vec<String>> = Vec::new();
    if let Some(i) = &m.interviewer {
        others.push(names(i));
    }
    for e in &m.exchanges {
        if let Some(by) = &e.answered_by {
            others.push(vec![by.clone()]);
        }
    }
    let clash = |a: &[String], b: &[String]| {
        a.iter()
            .any(|x| b.iter().any(|y| matches_name(x, y) || matches_name(y, x)))
    };
    // a panelist labelled `Moderator` or `사회자` reads as the one who asks
    let answers_by_role_word = m
        .exchanges
        .iter()
        .filter_map(|e| e.answered_by.as_deref())
        .any(is_interviewer_word);
    if answers_by_role_word {
        return false;
    }
    let interviewer = m.interviewer.as_ref().map(names).unwrap_or_default();
    others.iter().all(|o| !clash(&speaker, o))
        && m.exchanges
            .iter()
            .filter_map(|e| e.answered_by.clone())
            .all(|by| !clash(&interviewer, &[by]))
}

/// Prefixes a generated line may open with: every marker, label and
/// header-field form the text reader knows, one of each.
pub const TURN_PREFIXES: &[&str] = &[
    "Q: ",
    "A: ",
    "Q1. ",
    "A1) ",
    "问：",
    "答：",
    "――",
    "--",
    "Ｑ：",
    "Ａ：",
    "[질문] ",
    "[답변] ",
    "【記者】",
    "**Q:** ",
    "**A:**",
    "Question: ",
    "Answer: ",
    "记者：",
    "MARR: ",
    "BROWN: ",
    "GORDON BROWN: ",
    "Whitson : ",
    "中国网：",
    "李肇星：",
    "김예람(김): ",
    "김: ",
    "◎ 사회자 > ",
    "◎ 이름 > ",
    "Date: ",
    "By ",
    "Interviewed by ",
    "# ",
    "Interviewee: ",
    "Role: ",
    "Interviewer: ",
    "Headline: ",
    "Byline: ",
    "Introduction: ",
    "Interview with ",
];

/// Runs `interview ARGS` in `dir`, without colour: its exit code, stdout
/// and stderr.
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("interview")
        .unwrap()
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
