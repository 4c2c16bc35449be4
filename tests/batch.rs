//! Batch conversion through the real binary: directories, archives,
//! NDJSON, reports, and each fault case (a bad file among good ones,
//! unsafe archive entries, zip bombs, size limits, existing outputs,
//! fail-fast).

mod common;

use common::{ndjson, record_paths};

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn interview(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("interview").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(dir);
    cmd
}

/// A valid interview, told apart by `n`.
fn doc(n: usize) -> String {
    let name = name(n);
    format!(
        "{name}\nDirector of the Asian Development Bank (ADB)\nQ: Question number {n}?\nA: The answer to question {n}.\nA second paragraph.\n已阅读人数: {n}\n"
    )
}

/// The interviewee of document `n`, told apart by a last word in letters
/// (`KIM Min-jun B`, `KIM Min-jun Bc`): a number is no part of a name.
fn name(n: usize) -> String {
    let mut letters = vec![b'A' + (n % 26) as u8];
    let mut rest = n / 26;
    while rest > 0 {
        letters.push(b'a' + (rest % 26) as u8);
        rest /= 26;
    }
    format!("KIM Min-jun {}", String::from_utf8(letters).unwrap())
}

const CORRUPT: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00";

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Every file under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walk(dir)
        .into_iter()
        .map(|p| {
            p.strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

/// A scratch directory: inputs are written under it, and the binary runs
/// in it.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new() -> Scratch {
        Scratch(tempfile::tempdir().unwrap())
    }

    /// Writes `bytes` to `rel`, making its parent directories.
    fn write(&self, rel: impl AsRef<Path>, bytes: impl AsRef<[u8]>) {
        write(&self.join(rel), bytes);
    }

    /// Every file under `rel`, relative to it, sorted.
    fn tree(&self, rel: impl AsRef<Path>) -> Vec<String> {
        tree(&self.join(rel))
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
    }
    out
}

fn zip_of(path: &Path, entries: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// A tar whose entry names are written raw, so that unsafe names (which
/// `tar::Builder` refuses to write) can be tested.
fn tar_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, bytes) in entries {
        let mut header = tar::Header::new_gnu();
        let field = &mut header.as_gnu_mut().unwrap().name;
        field[..name.len()].copy_from_slice(name.as_bytes());
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        header.set_cksum();
        builder.append(&header, *bytes).unwrap();
    }
    builder.into_inner().unwrap()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_directory_with_one_corrupt_file_converts_every_other_file_and_exits_1() {
    let tmp = Scratch::new();
    let input = tmp.join("in");
    write(&input.join("a.txt"), doc(1));
    write(&input.join("sub/b.txt"), doc(2));
    write(&input.join("sub/deeper/c.txt"), doc(3));
    write(&input.join("sub/broken.txt"), CORRUPT);
    write(&input.join("z.txt"), doc(4));
    write(&input.join("notes.md"), "not selected");
    write(&input.join(".hidden/d.txt"), doc(5));
    let out = interview(&tmp)
        .args(["convert", "in", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("error[binary-data]"), "{stderr}");
    assert!(stderr.contains("in/sub/broken.txt"), "{stderr}");
    assert!(
        stderr.contains("5 files: 4 converted, 1 invalid"),
        "{stderr}"
    );
    assert_eq!(
        tmp.tree("out"),
        ["a.json", "sub/b.json", "sub/deeper/c.json", "z.json"]
    );
    let c: Value =
        serde_json::from_slice(&fs::read(tmp.join("out/sub/deeper/c.json")).unwrap()).unwrap();
    assert_eq!(c["read_count"], 3);
}

#[test]
fn a_zip_of_interviews_converts_without_extraction() {
    let tmp = Scratch::new();
    let (one, two) = (doc(1), doc(2));
    zip_of(
        &tmp.join("archive.zip"),
        &[
            ("interviews/", b""),
            ("interviews/one.txt", one.as_bytes()),
            ("interviews/2024/two.txt", two.as_bytes()),
            ("__MACOSX/interviews/._one.txt", CORRUPT),
            ("README.pdf", CORRUPT),
        ],
    );
    let out = interview(&tmp)
        .args(["convert", "archive.zip", "-o", "out"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    assert_eq!(
        tree(&tmp),
        [
            "archive.zip",
            "out/interviews/2024/two.json",
            "out/interviews/one.json"
        ],
        "nothing but the outputs is written"
    );
    // and as one stream, each record naming its entry
    let out = interview(&tmp)
        .args(["convert", "archive.zip", "--to", "ndjson"])
        .assert()
        .success()
        .get_output()
        .clone();
    let records = ndjson(&out.stdout);
    let paths = record_paths(&records);
    assert_eq!(
        paths,
        [
            "archive.zip!/interviews/one.txt",
            "archive.zip!/interviews/2024/two.txt"
        ]
    );
    assert_eq!(records[1]["interview"]["read_count"], 2);
}

#[test]
fn tar_and_tar_gz_archives_are_read_in_place() {
    let tmp = Scratch::new();
    let (one, two) = (doc(1), doc(2));
    let tar = tar_of(&[
        ("docs/one.txt", one.as_bytes()),
        ("docs/two.txt", two.as_bytes()),
    ]);
    tmp.write("a.tar", &tar);
    tmp.write("b.tar.gz", gzip(&tar));
    tmp.write("c.tgz", gzip(&tar));
    let out = interview(&tmp)
        .args(["convert", "a.tar", "b.tar.gz", "c.tgz", "--to", "ndjson"])
        .assert()
        .success()
        .get_output()
        .clone();
    let records = ndjson(&out.stdout);
    let paths = record_paths(&records);
    assert_eq!(
        paths,
        [
            "a.tar!/docs/one.txt",
            "a.tar!/docs/two.txt",
            "b.tar.gz!/docs/one.txt",
            "b.tar.gz!/docs/two.txt",
            "c.tgz!/docs/one.txt",
            "c.tgz!/docs/two.txt"
        ]
    );
    assert!(records.iter().all(|r| r["interview"].is_object()));
}

#[test]
fn zip_entries_with_absolute_paths_or_dotdot_are_refused() {
    let tmp = Scratch::new();
    let work = tmp.join("work");
    fs::create_dir(&work).unwrap();
    let good = doc(1);
    let evil = doc(666);
    zip_of(
        &work.join("evil.zip"),
        &[
            ("../escaped.txt", evil.as_bytes()),
            ("a/../../escaped2.txt", evil.as_bytes()),
            ("/tmp/absolute.txt", evil.as_bytes()),
            ("ok.txt", good.as_bytes()),
        ],
    );
    let out = interview(&work)
        .args(["convert", "evil.zip", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("error[archive]").count(), 3, "{stderr}");
    assert!(stderr.contains("`..`"), "{stderr}");
    assert!(stderr.contains("absolute"), "{stderr}");
    assert_eq!(tree(&tmp), ["work/evil.zip", "work/out/ok.json"]);
}

#[test]
fn tar_entries_with_absolute_paths_or_dotdot_are_refused() {
    let tmp = Scratch::new();
    let work = tmp.join("work");
    let (good, evil) = (doc(1), doc(666));
    write(
        &work.join("evil.tar"),
        tar_of(&[
            ("../escaped.txt", evil.as_bytes()),
            ("/abs/olute.txt", evil.as_bytes()),
            ("fine/ok.txt", good.as_bytes()),
        ]),
    );
    let out = interview(&work)
        .args(["convert", "evil.tar", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("error[archive]").count(), 2, "{stderr}");
    assert_eq!(tree(&tmp), ["work/evil.tar", "work/out/fine/ok.json"]);
}

#[test]
fn a_zip_bomb_is_stopped_by_the_unpacked_size_limit() {
    let tmp = Scratch::new();
    let zeros = vec![b' '; 8 << 20];
    let entries: Vec<(String, &[u8])> = (0..4)
        .map(|i| (format!("bomb/{i}.txt"), &zeros[..]))
        .collect();
    let entries: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    zip_of(&tmp.join("bomb.zip"), &entries);
    // 32 MiB of spaces packed into a few kilobytes
    assert!(fs::metadata(tmp.join("bomb.zip")).unwrap().len() < 256 << 10);
    let out = interview(&tmp)
        .args([
            "convert",
            "bomb.zip",
            "-o",
            "out",
            "--max-archive-size",
            "16MiB",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("error[limit]"), "{stderr}");
    assert!(
        stderr.contains("archive unpacked is 32.0 MiB, over the limit of 16.0 MiB"),
        "{stderr}"
    );
    assert!(tmp.tree("out").is_empty());
}

#[test]
fn a_gzip_bomb_is_stopped_while_streaming() {
    let tmp = Scratch::new();
    let spaces = vec![b' '; 4 << 20];
    let names: Vec<String> = (0..4).map(|i| format!("{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &spaces[..])).collect();
    tmp.write("bomb.tar.gz", gzip(&tar_of(&entries)));
    let out = interview(&tmp)
        .args(["convert", "bomb.tar.gz", "--to", "ndjson"])
        .args(["--max-archive-size", "10MiB"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("over the limit of 10.0 MiB"), "{stderr}");
    let records = ndjson(&out.stdout);
    // the gzip stream is read to its trailer before any entry: the bomb
    // is refused whole, nothing of it converted
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["path"], "bomb.tar.gz");
    assert_eq!(records[0]["errors"][0]["code"], "limit");
}

#[test]
fn too_many_entries_are_refused() {
    let tmp = Scratch::new();
    let text = doc(1);
    let names: Vec<String> = (0..5).map(|i| format!("{i}.txt")).collect();
    let entries: Vec<(&str, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), text.as_bytes()))
        .collect();
    zip_of(&tmp.join("many.zip"), &entries);
    tmp.write("many.tar", tar_of(&entries));
    let out = interview(&tmp)
        .args([
            "convert",
            "many.zip",
            "many.tar",
            "--to",
            "ndjson",
            "--max-entries",
            "3",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("archive has 5 entries, over the limit of 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("archive has more than 3 entries"),
        "{stderr}"
    );
    let records = ndjson(&out.stdout);
    // the zip is refused whole (its directory says 5); the tar stops after 3
    let converted = records
        .iter()
        .filter(|r| r["interview"].is_object())
        .count();
    assert_eq!(converted, 3);
}

#[test]
fn inputs_over_max_size_are_refused_and_the_rest_convert() {
    let tmp = Scratch::new();
    tmp.write("in/small.txt", doc(1));
    // sparse: 65 MiB on paper, nothing on disk; refused before reading
    let big = fs::File::create(tmp.join("in/huge.txt")).unwrap();
    big.set_len(65 << 20).unwrap();
    let out = interview(&tmp)
        .args(["convert", "in", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("file is 65.0 MiB, over the limit of 64.0 MiB"),
        "{stderr}"
    );
    assert_eq!(tmp.tree("out"), ["small.json"]);
    // the limit is a flag, and covers standard input too
    interview(&tmp)
        .args(["convert", "-", "--max-size", "100"])
        .write_stdin(doc(2))
        .assert()
        .code(1)
        .stdout("");
    interview(&tmp)
        .args(["convert", "-", "--max-size", "1K"])
        .write_stdin(doc(2))
        .assert()
        .success();
}

#[test]
fn an_entry_over_max_size_is_refused_alone() {
    let tmp = Scratch::new();
    let big = vec![b'x'; 4096];
    let small = doc(1);
    zip_of(
        &tmp.join("a.zip"),
        &[("big.txt", &big[..]), ("small.txt", small.as_bytes())],
    );
    let out = interview(&tmp)
        .args(["convert", "a.zip", "--to", "ndjson", "--max-size", "2K"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = ndjson(&out.stdout);
    assert_eq!(records[0]["path"], "a.zip!/big.txt");
    assert_eq!(records[0]["errors"][0]["code"], "limit");
    assert!(records[1]["interview"].is_object());
}

#[test]
fn existing_outputs_are_kept_without_force() {
    let tmp = Scratch::new();
    tmp.write("in/a.txt", doc(1));
    tmp.write("in/b.txt", doc(2));
    tmp.write("out/a.json", "precious");
    let out = interview(&tmp)
        .args(["convert", "in", "-o", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("out/a.json already exists"), "{stderr}");
    assert_eq!(
        fs::read_to_string(tmp.join("out/a.json")).unwrap(),
        "precious"
    );
    assert!(tmp.join("out/b.json").is_file(), "the other file converts");
    assert_eq!(
        tmp.tree("out"),
        ["a.json", "b.json"],
        "no temporary file left"
    );
    interview(&tmp)
        .args(["convert", "in", "-o", "out", "--force"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(tmp.join("out/a.json"))
            .unwrap()
            .contains("KIM")
    );
    // a single output file, too
    let out = interview(&tmp)
        .args(["convert", "in/a.txt", "-o", "out/a.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
}

#[test]
fn two_inputs_cannot_claim_one_output() {
    let tmp = Scratch::new();
    tmp.write("in/a.txt", doc(1));
    let json = fs::read_to_string(common::fixture("000_733c960163716fd3.json")).unwrap();
    tmp.write("in/a.json", json);
    let out = interview(&tmp)
        .args(["convert", "in", "-o", "out", "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    // both inputs named, and the fix
    assert!(
        stderr.contains("in/a.json and in/a.txt would both be written to out/a.json"),
        "{stderr}"
    );
    assert!(stderr.contains("--glob '**/*.json'"), "{stderr}");
    assert!(!stderr.contains("earlier input"), "{stderr}");
    // file-name order: a.json came first and won
    let kept = fs::read_to_string(tmp.join("out/a.json")).unwrap();
    assert!(kept.contains("LEE Hee-sup"), "{kept}");
    // the fix works
    interview(&tmp)
        .args(["convert", "in", "-o", "out2", "--glob", "**/*.txt"])
        .assert()
        .success();
    assert_eq!(tmp.tree("out2"), ["a.json"]);
}

/// The README's example: two archives holding one entry path each go under
/// their names (less the archive extension) in one mirrored tree.
#[test]
fn several_archives_with_one_entry_path_go_under_their_names() {
    let tmp = Scratch::new();
    zip_of(
        &tmp.join("2023.zip"),
        &[("interviews/001.txt", doc(1).as_bytes())],
    );
    write(
        &tmp.join("2024.tar.gz"),
        gzip(&tar_of(&[("interviews/001.txt", doc(2).as_bytes())])),
    );
    interview(&tmp)
        .args(["convert", "2023.zip", "2024.tar.gz", "-o", "json/"])
        .args(["--to", "json", "--to", "text"])
        .assert()
        .success();
    assert_eq!(
        tmp.tree("json"),
        [
            "2023/interviews/001.json",
            "2023/interviews/001.txt",
            "2024/interviews/001.json",
            "2024/interviews/001.txt"
        ]
    );
    let second = fs::read_to_string(tmp.join("json/2024/interviews/001.json")).unwrap();
    assert!(second.contains(&name(2)), "{second}");
    // one archive alone: its tree as it is
    interview(&tmp)
        .args(["convert", "2023.zip", "-o", "one/"])
        .assert()
        .success();
    assert_eq!(tmp.tree("one"), ["interviews/001.json"]);
}

/// Two directories holding one relative path, and files beside them: each
/// directory under its name, each file at its own name.
#[test]
fn directories_and_files_given_together_map_to_distinct_outputs() {
    let tmp = Scratch::new();
    tmp.write("2023/x.txt", doc(1));
    tmp.write("2024/x.txt", doc(2));
    tmp.write("extra/x.txt", doc(3));
    zip_of(&tmp.join("old.zip"), &[("x.txt", doc(4).as_bytes())]);
    interview(&tmp)
        .args([
            "convert",
            "2023",
            "2024/",
            "extra/x.txt",
            "old.zip",
            "-o",
            "out",
        ])
        .assert()
        .success();
    assert_eq!(
        tmp.tree("out"),
        ["2023/x.json", "2024/x.json", "old/x.json", "x.json"]
    );
    let file = fs::read_to_string(tmp.join("out/x.json")).unwrap();
    assert!(file.contains(&name(3)), "{file}");
}

/// Inputs whose outputs would still meet are refused before anything is
/// read, naming both.
#[test]
fn inputs_that_would_write_one_output_are_refused_naming_both() {
    let tmp = Scratch::new();
    tmp.write("a/x.txt", doc(1));
    tmp.write("b/x.txt", doc(2));
    tmp.write("one/2023/y.txt", doc(3));
    tmp.write("two/2023/y.txt", doc(4));
    let cases = [
        (
            ["a/x.txt", "b/x.txt"],
            "inputs a/x.txt and b/x.txt would both be written to out/x.*",
        ),
        (
            ["one/2023", "two/2023"],
            "inputs one/2023 and two/2023 would both be written to out/2023/",
        ),
    ];
    for (inputs, message) in cases {
        let out = interview(&tmp)
            .args(["convert", inputs[0], inputs[1], "-o", "out"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(message), "{stderr}");
        assert!(!tmp.join("out").exists(), "nothing written");
    }
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let tmp = Scratch::new();
    tmp.write("in/a-ok.txt", doc(1));
    tmp.write("in/b-bad.txt", CORRUPT);
    for i in 0..40 {
        tmp.write(format!("in/c-{i:02}.txt"), doc(i));
    }
    let out = interview(&tmp)
        .args(["convert", "in", "--to", "ndjson", "--fail-fast", "-j", "4"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = ndjson(&out.stdout);
    let paths = record_paths(&records);
    assert_eq!(paths, ["in/a-ok.txt", "in/b-bad.txt"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("--fail-fast"), "{stderr}");
    // without it, everything converts around the bad file
    let out = interview(&tmp)
        .args(["convert", "in", "--to", "ndjson", "-j", "4"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ndjson(&out.stdout).len(), 42);
}

#[test]
fn ndjson_order_is_the_same_whatever_the_jobs() {
    let tmp = Scratch::new();
    for i in 0..60 {
        let body = if i % 17 == 5 {
            CORRUPT.to_vec()
        } else {
            doc(i).into_bytes()
        };
        tmp.write(format!("in/{}/{i:03}.txt", i % 3), body);
    }
    let run = |jobs: &str| {
        interview(&tmp)
            .args(["convert", "in", "--to", "ndjson", "-j", jobs])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(run("3"), one);
    assert_eq!(run("8"), one);
    let records = ndjson(&one);
    assert_eq!(records.len(), 60);
    let paths = record_paths(&records);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "directories are read in file-name order");
    let bad = &records[paths.iter().position(|p| *p == "in/2/005.txt").unwrap()];
    assert!(bad.get("interview").is_none());
    assert_eq!(bad["errors"][0]["code"], "binary-data");
    assert_eq!(
        bad["errors"][0]["line"], 2,
        "after the PNG signature's line end"
    );
}

#[test]
fn ndjson_goes_to_a_file_with_o() {
    let tmp = Scratch::new();
    tmp.write("in/a.txt", doc(1));
    tmp.write("in/b.txt", doc(2));
    interview(&tmp)
        .args(["convert", "in", "--to", "ndjson", "-o", "all.ndjson"])
        .assert()
        .success()
        .stdout("");
    let records = ndjson(&fs::read(tmp.join("all.ndjson")).unwrap());
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["path"], "in/a.txt");
    assert_eq!(tree(&tmp).len(), 3, "no temporary file left");
}

#[test]
fn several_formats_in_one_run() {
    let tmp = Scratch::new();
    tmp.write("in/x/a.txt", doc(1));
    interview(&tmp)
        .args(["convert", "in", "--to", "json", "--to", "text", "-o", "out"])
        .assert()
        .success();
    assert_eq!(tmp.tree("out"), ["x/a.json", "x/a.txt"]);
    let text = fs::read_to_string(tmp.join("out/x/a.txt")).unwrap();
    assert!(text.lines().next().unwrap().ends_with(&name(1)), "{text}");
}

#[test]
fn the_report_records_every_input() {
    let tmp = Scratch::new();
    tmp.write("in/a.txt", doc(1));
    tmp.write("in/b.txt", CORRUPT);
    write(
        &tmp.join("in/c.txt"),
        "KIM Min-jun\nQ: Any count?\nA: None.\n",
    );
    let out = interview(&tmp)
        .args([
            "convert",
            "in",
            "missing.txt",
            "-o",
            "out",
            "--report",
            "report.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: Value =
        serde_json::from_slice(&fs::read(tmp.join("report.json")).unwrap()).unwrap();
    let inputs = report["inputs"].as_array().unwrap();
    let statuses: Vec<(&str, &str)> = inputs
        .iter()
        .map(|i| (i["path"].as_str().unwrap(), i["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("in/a.txt", "converted"),
            ("in/b.txt", "invalid"),
            ("in/c.txt", "converted"),
            ("missing.txt", "failed")
        ]
    );
    // with several inputs, a directory's documents go under its name
    assert_eq!(inputs[0]["outputs"][0], "out/in/a.json");
    assert_eq!(inputs[0]["format"], "text");
    assert_eq!(inputs[2]["diagnostics"][0]["code"], "no-read-count");
    assert_eq!(inputs[2]["diagnostics"][0]["severity"], "warning");
    assert!(inputs[3].get("format").is_none());
    assert_eq!(inputs[3]["diagnostics"][0]["code"], "io");
    let summary = &report["summary"];
    assert_eq!(summary["files"], 4);
    assert_eq!(summary["documents"], 2);
    assert_eq!(
        (summary["invalid"].as_u64(), summary["failed"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(summary["warnings"], 1);
}

#[test]
fn an_output_directory_inside_the_input_is_not_read_back() {
    let tmp = Scratch::new();
    tmp.write("in/a.txt", doc(1));
    for _ in 0..2 {
        interview(&tmp)
            .args(["convert", "in", "-o", "in/out", "--to", "text", "--force"])
            .assert()
            .success();
    }
    assert_eq!(tmp.tree("in"), ["a.txt", "out/a.txt"]);
}

#[test]
fn glob_selects_files_and_entries() {
    let tmp = Scratch::new();
    tmp.write("in/keep/a.txt", doc(1));
    tmp.write("in/skip/b.txt", doc(2));
    tmp.write("in/keep/c.interview", doc(3));
    let out = interview(&tmp)
        .args(["convert", "in", "--to", "ndjson", "--glob", "keep/*"])
        .assert()
        .success()
        .get_output()
        .clone();
    let paths: Vec<String> = ndjson(&out.stdout)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(paths, ["in/keep/a.txt", "in/keep/c.interview"]);
    interview(&tmp)
        .args(["convert", "in", "--glob", "[oops"])
        .assert()
        .code(2);
}

#[test]
fn damaged_archives_are_reported_and_the_rest_converts() {
    let tmp = Scratch::new();
    let text = doc(1);
    zip_of(&tmp.join("good.zip"), &[("a.txt", text.as_bytes())]);
    let zip = fs::read(tmp.join("good.zip")).unwrap();
    tmp.write("cut.zip", &zip[..zip.len() / 2]);
    let tgz = gzip(&tar_of(&[
        ("a.txt", text.as_bytes()),
        ("b.txt", text.as_bytes()),
    ]));
    tmp.write("cut.tgz", &tgz[..tgz.len() - 30]);
    let out = interview(&tmp)
        .args([
            "convert", "cut.zip", "cut.tgz", "good.zip", "--to", "ndjson",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let records = ndjson(&out.stdout);
    let last = records.last().unwrap();
    assert_eq!(last["path"], "good.zip!/a.txt");
    assert!(last["interview"].is_object());
    assert_eq!(records[0]["path"], "cut.zip");
    assert_eq!(records[0]["errors"][0]["code"], "archive");
    assert!(
        records
            .iter()
            .any(|r| r["path"] == "cut.tgz" && r["errors"][0]["code"] == "archive"),
        "{records:?}"
    );
}

#[test]
fn no_progress_bar_in_a_pipe() {
    let tmp = Scratch::new();
    for i in 0..5 {
        tmp.write(format!("in/{i}.txt"), doc(i));
    }
    let out = interview(&tmp)
        .args(["convert", "in", "-o", "out"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );
    assert_eq!(stderr.lines().count(), 1, "only the summary: {stderr}");
    assert!(
        stderr.starts_with("5 files: 5 converted; 0 warnings, 0 errors;"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn devices_are_written_in_place_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let tmp = Scratch::new();
    tmp.write("in/a.txt", doc(1));
    interview(&tmp)
        .args(["convert", "in/a.txt", "-o", "/dev/null"])
        .assert()
        .success()
        .stdout("");
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let out = interview(&tmp)
        .args(["convert", "in", "--to", "ndjson", "-o", "/dev/stdout"])
        .args(["--report", "/dev/stderr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(ndjson(&out.stdout)[0]["path"], "in/a.txt");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("{\"inputs\": ["), "{stderr}");
}

/// A directory holding `in/a.txt` and `in/b.txt`, two valid interviews.
#[cfg(unix)]
fn two_inputs() -> Scratch {
    let dir = Scratch::new();
    dir.write("in/a.txt", doc(1));
    dir.write("in/b.txt", doc(2));
    dir
}

/// The permission bits of `path`.
#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Outputs are made with the mode any new file gets (0666 less the
/// umask, as `File::create` makes them), not a temporary file's owner-only
/// 0600: a CMS or a web server reading them runs as another user.
#[cfg(unix)]
#[test]
fn outputs_get_the_mode_of_any_new_file() {
    let root = two_inputs();
    fs::File::create(root.join("plain")).unwrap();
    let expected = mode(&root.join("plain"));
    assert_ne!(expected, 0o600, "the umask under test hides the difference");
    interview(&root)
        .args(["convert", "in", "-o", "tree", "--to", "json", "--to", "wxr"])
        .assert()
        .success();
    interview(&root)
        .args(["convert", "in", "--to", "ndjson", "-o", "all.ndjson"])
        .args(["--report", "report.json"])
        .assert()
        .success();
    interview(&root)
        .args(["convert", "in/a.txt", "-o", "one.xml", "--to", "xml"])
        .assert()
        .success();
    for out in [
        "tree/a.json",
        "tree/b.wxr.xml",
        "all.ndjson",
        "report.json",
        "one.xml",
    ] {
        assert_eq!(mode(&root.join(out)), expected, "{out}");
    }
}

/// An output replaced with `--force` keeps the mode it was given (as `cp`
/// onto it would): permissions set on outputs survive a run again.
#[cfg(unix)]
#[test]
fn force_keeps_the_mode_of_a_replaced_output() {
    use std::os::unix::fs::PermissionsExt;
    let root = two_inputs();
    let run = || {
        interview(&root)
            .args(["convert", "in", "-o", "tree", "--force"])
            .assert()
            .success();
        interview(&root)
            .args([
                "convert",
                "in",
                "--to",
                "ndjson",
                "-o",
                "all.ndjson",
                "--force",
            ])
            .assert()
            .success();
    };
    run();
    let fresh = mode(&root.join("tree/b.json"));
    for out in ["tree/a.json", "all.ndjson"] {
        fs::set_permissions(root.join(out), fs::Permissions::from_mode(0o640)).unwrap();
        fs::write(root.join(out), "stale").unwrap();
    }
    run();
    for out in ["tree/a.json", "all.ndjson"] {
        assert_eq!(mode(&root.join(out)), 0o640, "{out}");
        assert_ne!(
            fs::read_to_string(root.join(out)).unwrap(),
            "stale",
            "{out}"
        );
    }
    // an output with the mode it was made with keeps it
    assert_eq!(mode(&root.join("tree/b.json")), fresh);
}

/// `interview convert --from records -` with `args`, started in `dir` and
/// fed 100 records; returns once its temporary files are there, with its
/// standard input still open (the run waits for more records).
#[cfg(unix)]
fn running_on_records(dir: &Path, args: &[&str]) -> std::process::Child {
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("interview"))
        .args(["convert", "--from", "records", "-", "-j", "2"])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.as_mut().unwrap();
    for n in 0..100 {
        let record = serde_json::json!({"path": format!("d/{n:03}.txt"), "text": doc(n)});
        writeln!(stdin, "{record}").unwrap();
    }
    stdin.flush().unwrap();
    // the report's temporary file is made first, then the output's, or
    // the tree's files as they come
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let tree_done = || tree(&dir.join("out/tree/d")).len() == 100;
    while temporary_files(dir).is_empty()
        || !dir.join("out").exists()
        || (args.contains(&"out/tree") && !tree_done())
    {
        assert!(std::time::Instant::now() < deadline, "{:?}", tree(dir));
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // let it convert what it has
    std::thread::sleep(std::time::Duration::from_millis(500));
    child
}

/// Hidden `*.tmp` files anywhere under `dir`.
fn temporary_files(dir: &Path) -> Vec<String> {
    tree(dir)
        .into_iter()
        .filter(|p| {
            let name = p.rsplit('/').next().unwrap();
            name.starts_with('.') && name.ends_with(".tmp")
        })
        .collect()
}

#[cfg(unix)]
fn kill(child: &std::process::Child, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// SIGINT and SIGTERM left 15 to 19 temporary files: now they are
/// removed, what finished is kept, the report and the summary written,
/// and the exit code is 128 + the signal.
#[cfg(unix)]
#[test]
fn a_run_stopped_by_a_signal_removes_its_temporary_files_and_reports() {
    for (signal, code, args) in [
        ("-INT", 130, &["-o", "out/tree"][..]),
        ("-TERM", 143, &["--to", "ndjson", "-o", "out/all.ndjson"]),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let mut child = running_on_records(root, &[args, &["--report", "report.json"]].concat());
        kill(&child, signal);
        // one more record wakes the reader, which waits for input: it is
        // not converted
        let mut stdin = child.stdin.take().unwrap();
        let late = serde_json::json!({"path": "late.txt", "text": doc(999)});
        let _ = writeln!(stdin, "{late}");
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{signal}: {stderr}");
        assert!(stderr.contains("interrupted"), "{stderr}");
        assert_eq!(temporary_files(root), Vec::<String>::new(), "{signal}");
        let report: Value =
            serde_json::from_slice(&fs::read(root.join("report.json")).unwrap()).unwrap();
        assert_eq!(report["summary"]["interrupted"], true);
        let finished = report["summary"]["documents"].as_u64().unwrap();
        assert_eq!(report["inputs"].as_array().unwrap().len() as u64, finished);
        assert!(
            stderr.contains(&format!("{finished} files: {finished} converted")),
            "{stderr}"
        );
        // what finished is whole, the record after the signal not read
        if signal == "-INT" {
            assert_eq!(finished, 100);
            assert_eq!(tree(&root.join("out/tree")).len(), 100);
        } else {
            let records = ndjson(&fs::read(root.join("out/all.ndjson")).unwrap());
            assert_eq!(records.len() as u64, finished);
            assert!(records.iter().all(|r| r["path"] != "late.txt"));
        }
    }
}

/// After SIGKILL, the next run into that output removes the temporary
/// files killed runs left there (named as this tool names them, their
/// process gone), and no other file.
#[cfg(unix)]
#[test]
fn the_next_run_removes_what_a_killed_run_left() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut child = running_on_records(
        root,
        &[
            "--to",
            "ndjson",
            "-o",
            "out/all.ndjson",
            "--report",
            "out/report.json",
        ],
    );
    kill(&child, "-KILL");
    let pid = child.id();
    child.wait().unwrap();
    let left = temporary_files(root);
    assert_eq!(left.len(), 2, "{left:?}");
    // a tree's temporary file left by the killed run, and files that are
    // not this tool's, or of a process still running
    let stale = format!("out/tree/sub/.a.json.{pid}.Ab12Cd.tmp");
    let alive = format!("out/tree/.b.json.{}.Ab12Cd.tmp", std::process::id());
    let others = [
        "out/tree/.a.json.Ab12Cd.tmp",
        "out/tree/.notes.tmp",
        "out/tree/sub/a.json.1.Ab12Cd.tmp",
        "out/tree/.a.json.1.Ab12C.tmp",
        "out/.other.ndjson.1.Ab12Cd.tmp",
    ];
    for name in [stale.as_str(), alive.as_str()].into_iter().chain(others) {
        write(&root.join(name), "keep?");
    }
    write(&root.join("in/a.txt"), doc(1));
    interview(root)
        .args(["convert", "in", "--to", "ndjson", "-o", "out/all.ndjson"])
        .args(["--report", "out/report.json"])
        .assert()
        .success();
    interview(root)
        .args(["convert", "in", "-o", "out/tree"])
        .assert()
        .success();
    let mut expected: Vec<String> = others
        .iter()
        .map(|o| o.to_string())
        .chain([alive.clone()])
        .filter(|o| o.rsplit('/').next().unwrap().starts_with('.'))
        .collect();
    expected.sort();
    assert_eq!(temporary_files(root), expected);
    assert!(root.join("out/tree/sub/a.json.1.Ab12Cd.tmp").is_file());
    assert!(!root.join(&stale).exists());
}

/// A stopped batch resumes without `--force`: documents whose outputs
/// exist are left unread, the rest convert.
#[test]
fn skip_existing_resumes_a_stopped_run() {
    let tmp = tempfile::tempdir().unwrap();
    for n in 0..4 {
        write(&tmp.path().join(format!("in/{n}.txt")), doc(n));
    }
    interview(tmp.path())
        .args(["convert", "in", "-o", "out", "--to", "json", "--to", "text"])
        .assert()
        .success();
    fs::remove_file(tmp.path().join("out/2.json")).unwrap();
    fs::remove_file(tmp.path().join("out/3.txt")).unwrap();
    write(&tmp.path().join("out/0.json"), "kept");
    let out = interview(tmp.path())
        .args(["convert", "in", "-o", "out", "--to", "json", "--to", "text"])
        .args(["--skip-existing", "--report", "report.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("4 files: 2 converted, 2 skipped"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("out/0.json")).unwrap(),
        "kept"
    );
    assert_eq!(tree(&tmp.path().join("out")).len(), 8);
    let report: Value =
        serde_json::from_slice(&fs::read(tmp.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(report["inputs"][0]["skipped"], true);
    assert_eq!(report["inputs"][0]["outputs"][0], "out/0.json");
    assert!(report["inputs"][2].get("skipped").is_none());
    assert_eq!(report["summary"]["skipped"], 2);
    // it is not --force
    interview(tmp.path())
        .args(["convert", "in", "-o", "out", "--skip-existing", "--force"])
        .assert()
        .code(2);
}
