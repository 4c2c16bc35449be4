//! Inputs that are damaged or hostile, through the real binary: a stray
//! byte in UTF-8 text, gzip streams whose trailer disagrees, truncated
//! tar archives, oversized NDJSON records, symbolic links.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn interview(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("interview").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(dir);
    cmd
}

fn seed() -> String {
    fs::read_to_string(common::fixture(common::SEED)).unwrap()
}

fn ndjson(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn one_invalid_byte_in_the_seed_keeps_it_utf8_with_a_located_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let at = seed.find("hightech").unwrap();
    let mut bytes = seed.as_bytes().to_vec();
    bytes.insert(at, 0xff);
    fs::write(dir.path().join("seed.txt"), &bytes).unwrap();
    let out = interview(dir.path())
        .args(["convert", "seed.txt"])
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(json["encoding"], "UTF-8");
    assert_eq!(json["read_count"], 427);
    assert_eq!(json["role"]["text"], seed.lines().nth(1).unwrap());
    let answer = json["exchanges"][0]["answer"][0].as_str().unwrap();
    assert!(
        answer.contains("intensification of \u{fffd}hightech"),
        "{answer}"
    );
    let line = seed[..at].matches('\n').count() + 1;
    let col = seed[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("malformed-bytes"), "{stderr}");
    assert!(
        stderr.contains(&format!("seed.txt:{line}:{col}")),
        "{stderr}"
    );
}
