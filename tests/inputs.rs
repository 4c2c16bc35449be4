//! Inputs that are damaged or hostile, through the real binary: a stray
//! byte in UTF-8 text, gzip streams whose trailer disagrees, truncated
//! tar archives, oversized NDJSON records, symbolic links.

mod common;

use common::{ndjson, record_paths};

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

/// A tar of `entries`, as `tar` writes it.
fn tar_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, bytes) in entries {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        builder.append_data(&mut header, name, *bytes).unwrap();
    }
    builder.into_inner().unwrap()
}

fn gzip(bytes: &[u8], level: flate2::Compression) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_tar_gz_whose_crc_does_not_match_converts_no_document() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let tar = tar_of(&[("a.txt", seed.as_bytes()), ("b.txt", seed.as_bytes())]);
    // stored blocks: the text stands in the stream as it is
    let mut tgz = gzip(&tar, flate2::Compression::none());
    let at = tgz.windows(3).position(|w| w == b"427").unwrap();
    tgz[at] = b'9';
    fs::write(dir.path().join("bad.tar.gz"), &tgz).unwrap();
    fs::write(
        dir.path().join("good.tgz"),
        gzip(&tar, flate2::Compression::fast()),
    )
    .unwrap();
    let out = interview(dir.path())
        .args(["convert", "bad.tar.gz", "good.tgz", "--to", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = ndjson(&out.stdout);
    let paths = record_paths(&records);
    assert_eq!(paths, ["bad.tar.gz", "good.tgz!/a.txt", "good.tgz!/b.txt"]);
    assert_eq!(records[0]["errors"][0]["code"], "archive");
    let message = records[0]["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("checksum"), "{message}");
    assert!(
        records[1..]
            .iter()
            .all(|r| r["interview"]["read_count"] == 427)
    );
}

#[test]
fn a_gzip_stream_whose_length_does_not_match_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let mut tgz = gzip(
        &tar_of(&[("a.txt", seed.as_bytes())]),
        flate2::Compression::fast(),
    );
    // ISIZE, the trailer's last four bytes
    let end = tgz.len();
    tgz[end - 4] ^= 1;
    fs::write(dir.path().join("a.tgz"), &tgz).unwrap();
    let out = interview(dir.path())
        .args(["convert", "a.tgz", "--to", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = ndjson(&out.stdout);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["errors"][0]["code"], "archive");
}

#[test]
fn a_truncated_tar_entry_is_an_error_not_converted() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let tar = tar_of(&[("a.txt", seed.as_bytes()), ("b.txt", seed.as_bytes())]);
    // cut inside b.txt's data, after its read count's line is gone
    let b_data = 512 + seed.len().div_ceil(512) * 512 + 512;
    let cut = &tar[..b_data + seed.len() - 200];
    fs::write(dir.path().join("cut.tar"), cut).unwrap();
    // a whole gzip stream of the cut tar
    fs::write(
        dir.path().join("cut.tgz"),
        gzip(cut, flate2::Compression::fast()),
    )
    .unwrap();
    for name in ["cut.tar", "cut.tgz"] {
        let out = interview(dir.path())
            .args(["convert", name, "--to", "ndjson"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let records = ndjson(&out.stdout);
        assert_eq!(records.len(), 2, "{name}: {records:?}");
        assert_eq!(records[0]["path"], format!("{name}!/a.txt"));
        assert!(records[0]["interview"].is_object());
        assert_eq!(records[1]["path"], format!("{name}!/b.txt"));
        assert!(records[1]["interview"].is_null(), "{name}: {records:?}");
        assert_eq!(records[1]["errors"][0]["code"], "archive");
        let message = records[1]["errors"][0]["message"].as_str().unwrap();
        assert_eq!(
            message,
            format!(
                "truncated entry: {} of the {} bytes its header declares",
                seed.len() - 200,
                seed.len()
            )
        );
    }
}

/// A tree with one interview, a link to a file outside it (whose lines
/// are a secret), and a link to a directory outside it.
#[cfg(unix)]
fn tree_with_links() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("tree")).unwrap();
    fs::create_dir_all(root.join("outside/sub")).unwrap();
    fs::write(root.join("tree/a.txt"), seed()).unwrap();
    let secret = "LEE Hee-sup\nQ: API_TOKEN=hunter2\n";
    fs::write(root.join("outside/secret.txt"), secret).unwrap();
    fs::write(root.join("outside/sub/b.txt"), secret).unwrap();
    std::os::unix::fs::symlink("../outside/secret.txt", root.join("tree/link.txt")).unwrap();
    std::os::unix::fs::symlink("../outside/sub", root.join("tree/sub")).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn a_walk_does_not_follow_symlinks_out_of_the_tree() {
    let dir = tree_with_links();
    let out = interview(dir.path())
        .args(["validate", "tree"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    assert!(
        stderr.contains("warning[symbolic-link]: tree/link.txt: symbolic link not followed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("tree/sub: symbolic link not followed"),
        "{stderr}"
    );
    assert!(stderr.contains("checked 1 file: 1 valid"), "{stderr}");

    let out = interview(dir.path())
        .args(["convert", "tree", "-o", "out"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("3 files: 1 converted, 2 skipped"),
        "{stderr}"
    );
    let mut written: Vec<_> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    written.sort();
    assert_eq!(written, ["a.json"]);
}

#[cfg(unix)]
#[test]
fn follow_opts_in_to_symlinks_and_a_named_link_is_read() {
    let dir = tree_with_links();
    let out = interview(dir.path())
        .args(["validate", "--follow", "--format", "json", "tree"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let files: Vec<String> = ndjson(&out.stdout)
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .filter(|f| f != "tree/a.txt")
        .collect();
    assert!(files.iter().any(|f| f == "tree/link.txt"), "{files:?}");
    assert!(files.iter().any(|f| f == "tree/sub/b.txt"), "{files:?}");
    let out = interview(dir.path())
        .args(["convert", "-L", "tree", "--to", "ndjson"])
        .output()
        .unwrap();
    let paths: Vec<String> = ndjson(&out.stdout)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(paths, ["tree/a.txt", "tree/link.txt", "tree/sub/b.txt"]);
    // named on the command line, a link is followed without --follow
    let out = interview(dir.path())
        .args(["validate", "tree/link.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("question-without-answer"));
}

#[test]
fn records_over_max_size_are_refused_and_the_stream_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let record =
        |path: &str, text: &str| serde_json::json!({"path": path, "text": text}).to_string() + "\n";
    let seed = seed();
    let mut input = record("a.txt", &seed);
    // a text over --max-size, its line under the line limit
    input += &record("big.txt", &seed.repeat(3));
    // a line over the line limit (6 × 8 KiB + 64 KiB): never parsed
    input += &record("huge.txt", &"x".repeat(200_000));
    input += &record("b.txt", &seed);
    let out = interview(dir.path())
        .args(["convert", "-", "--from", "records", "--to", "ndjson"])
        .args(["--max-size", "8KiB"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = ndjson(&out.stdout);
    let paths = record_paths(&records);
    assert_eq!(paths, ["a.txt", "<stdin>:2", "<stdin>:3", "b.txt"]);
    assert!(records[0]["interview"].is_object());
    assert!(records[3]["interview"].is_object());
    for refused in &records[1..3] {
        assert_eq!(refused["errors"][0]["code"], "limit", "{refused}");
    }
    assert_eq!(
        records[1]["errors"][0]["message"],
        "record text is 13.9 KiB, over the limit of 8.0 KiB"
    );
    assert_eq!(
        records[2]["errors"][0]["message"],
        "record line is longer than 112.0 KiB"
    );
}
