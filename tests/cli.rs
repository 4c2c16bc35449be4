//! The real `interview` binary: outputs, exit codes, stdin/stdout, files.

mod common;

use assert_cmd::Command;
use common::{SEED, fixture};

fn interview() -> Command {
    let mut cmd = Command::cargo_bin("interview").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(common::root());
    cmd
}

#[test]
fn seed_converts_to_the_golden_json() {
    let out = interview()
        .args(["convert", &format!("fixtures/{SEED}")])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden = std::fs::read_to_string(fixture("000_733c960163716fd3.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
}

#[test]
fn seed_converts_to_the_golden_text() {
    let out = interview()
        .args(["convert", &format!("fixtures/{SEED}"), "--to", "text"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let golden = std::fs::read_to_string(fixture("000_733c960163716fd3.out.txt")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
}

#[test]
fn encoding_is_detected_or_forced() {
    let file = "fixtures/text/encodings/shift_jis-ja.txt";
    let detected = interview().args(["convert", file]).output().unwrap();
    assert_eq!(detected.status.code(), Some(0));
    let json = String::from_utf8(detected.stdout).unwrap();
    assert!(json.contains("\"encoding\": \"Shift_JIS\""), "{json}");
    let forced = interview()
        .args(["convert", file, "--encoding", "shift_jis"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(forced.stdout).unwrap(), json);
    // forced wrong: the bytes are reported, not guessed around
    let wrong = interview()
        .args(["convert", file, "--encoding", "utf-8"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(wrong.stderr).unwrap();
    assert!(stderr.contains("malformed-bytes"), "{stderr}");
}

#[test]
fn stdin_and_explicit_to_json_give_the_same_document() {
    let seed = std::fs::read(fixture(SEED)).unwrap();
    let out = interview()
        .args(["convert", "-", "--to", "json"])
        .write_stdin(seed)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let golden = std::fs::read_to_string(fixture("000_733c960163716fd3.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("seed.json");
    interview()
        .args(["convert", &format!("fixtures/{SEED}"), "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let golden = std::fs::read_to_string(fixture("000_733c960163716fd3.json")).unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), golden);
    // nothing but the output is left behind: the temporary file was renamed
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn several_inputs_with_output_write_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    interview()
        .args([
            "convert",
            &format!("fixtures/{SEED}"),
            "fixtures/invalid/empty.txt",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .code(1);
    assert!(dir.path().join("000_733c960163716fd3.json").is_file());
    assert!(!dir.path().join("empty.json").exists());
}

#[test]
fn validate_accepts_the_golden_json_and_the_seed_text() {
    interview()
        .args(["validate", "fixtures/000_733c960163716fd3.json"])
        .assert()
        .success();
    interview()
        .args(["validate", &format!("fixtures/{SEED}")])
        .assert()
        .success();
}

#[test]
fn validate_reports_every_violation_with_its_pointer() {
    let doc = r#"{"speaker": {"name": ""}, "exchanges": [{"question": "q", "answer": []}], "read_count": -1}"#;
    let out = interview()
        .args(["validate", "-", "--from", "json"])
        .write_stdin(doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for pointer in ["/speaker/name", "/exchanges/0/answer", "/read_count"] {
        assert!(
            stderr.contains(&format!("`{pointer}`")),
            "{pointer} missing in:\n{stderr}"
        );
    }
}

#[test]
fn validate_reports_json_syntax_errors_with_line_and_column() {
    let out = interview()
        .args(["validate", "-", "--from", "json"])
        .write_stdin("{\n  \"speaker\": ,\n}")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("<stdin>:2:14"), "{stderr}");
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let committed = std::fs::read_to_string(fixture("../schema/interview.schema.json")).unwrap();
    interview()
        .arg("schema")
        .assert()
        .success()
        .stdout(committed);
}

#[test]
fn usage_and_io_errors_exit_2() {
    interview().args(["convert"]).assert().code(2);
    interview()
        .args(["convert", "x.txt", "--to", "pdf"])
        .assert()
        .code(2);
    interview()
        .args(["convert", "no/such/file.txt"])
        .assert()
        .code(2);
    interview()
        .args(["convert", "-", "--encoding", "klingon"])
        .assert()
        .code(2);
}

#[test]
fn help_documents_exit_codes() {
    let out = interview().args(["convert", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("1  some input invalid")
    );
}

#[test]
fn strict_turns_warnings_into_failures() {
    let text = "KIM Min-jun\nQ: Any count?\nA: None at all.\n";
    interview()
        .args(["convert", "-"])
        .write_stdin(text)
        .assert()
        .success();
    interview()
        .args(["convert", "-", "--strict"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout("");
}

/// Each malformed fixture exits 1, writes nothing, and its diagnostics
/// (file:line:col, the line, what was expected) match the snapshot.
#[test]
fn malformed_fixtures_fail_with_located_diagnostics() {
    insta::glob!("../fixtures/invalid", "*.txt", |path| {
        let rel = path.strip_prefix(common::root()).unwrap();
        let out = interview().arg("convert").arg(rel).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", rel.display());
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(&format!("{}:", rel.display())), "{stderr}");
        insta::with_settings!({ snapshot_path => "../fixtures/invalid", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("diagnostics", stderr);
        });
    });
}

/// `interview` run in `dir`, with the seed copied there as `a.txt` and
/// `b.txt` (and in `in/`).
fn in_dir_with_two_inputs() -> (tempfile::TempDir, impl Fn() -> Command) {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read(fixture(SEED)).unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    for name in ["a.txt", "b.txt", "in/a.txt", "in/b.txt"] {
        std::fs::write(dir.path().join(name), &seed).unwrap();
    }
    let path = dir.path().to_path_buf();
    let run = move || {
        let mut cmd = Command::cargo_bin("interview").unwrap();
        cmd.env("NO_COLOR", "1").current_dir(&path);
        cmd
    };
    (dir, run)
}

/// Several documents to standard output would run together into one
/// invalid JSON, XML or Markdown stream: refused with the fix, as several
/// `--to` are. NDJSON and one WXR file hold several documents.
#[test]
fn several_documents_to_standard_output_are_refused() {
    let (_dir, interview) = in_dir_with_two_inputs();
    for args in [
        &["a.txt", "b.txt"][..],
        &["in", "--to", "xml"],
        &["a.txt", "b.txt", "--to", "markdown", "-o", "-"],
    ] {
        let out = interview().arg("convert").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("-o DIR") && stderr.contains("--to ndjson"),
            "{stderr}"
        );
    }
    let out = interview()
        .args(["convert", "a.txt", "b.txt", "--to", "wxr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let wxr = String::from_utf8(out.stdout).unwrap();
    assert_eq!(wxr.matches("<rss").count(), 1, "one WXR file");
    assert_eq!(wxr.matches("<item>").count(), 2);
    let out = interview()
        .args(["convert", "in", "--to", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

/// `-o all.json` for several documents made a directory of that name.
#[test]
fn a_file_name_for_several_documents_is_refused() {
    let (dir, interview) = in_dir_with_two_inputs();
    for args in [&["a.txt", "b.txt"][..], &["in"]] {
        let out = interview()
            .arg("convert")
            .args(args)
            .args(["-o", "all.json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("-o all.json:") && stderr.contains("-o all/"),
            "{stderr}"
        );
        assert!(stderr.contains("--to ndjson -o all.ndjson"), "{stderr}");
        assert!(!dir.path().join("all.json").exists());
    }
    // a trailing slash says it is a directory
    interview()
        .args(["convert", "a.txt", "b.txt", "-o", "all.json/"])
        .assert()
        .success();
    assert!(dir.path().join("all.json/a.json").is_file());
}

/// I/O errors name the path the user gave, never a bare system message
/// or a temporary file.
#[test]
fn io_errors_name_the_path() {
    let (dir, interview) = in_dir_with_two_inputs();
    std::fs::write(dir.path().join("file.json"), "").unwrap();
    std::fs::create_dir_all(dir.path().join("in/sub")).unwrap();
    std::fs::copy(dir.path().join("a.txt"), dir.path().join("in/sub/c.txt")).unwrap();
    std::fs::create_dir_all(dir.path().join("tree")).unwrap();
    std::fs::write(dir.path().join("tree/sub"), "").unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["in", "-o", "file.json"], "file.json is a file"),
        (&["a.txt", "-o", "file.json/a.json"], "file.json is a file"),
        (
            &["a.txt", "-o", "x.json", "--report", "file.json/r.json"],
            "file.json is a file",
        ),
        (
            &["in", "--to", "ndjson", "-o", "file.json/all.ndjson"],
            "file.json is a file",
        ),
        (
            &["in", "-o", "tree"],
            "cannot write tree/sub/c.json: tree/sub is a file",
        ),
    ];
    for (args, message) in cases {
        let out = interview().arg("convert").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains(".tmp"), "{stderr}");
        assert!(!stderr.contains("error: File exists"), "{stderr}");
    }
}

/// `-o -` and `--report -` are standard output, as `-` is standard input;
/// they made a file named `-`.
#[test]
fn dash_is_standard_output() {
    let (dir, interview) = in_dir_with_two_inputs();
    let out = interview()
        .args(["convert", "a.txt", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let golden = std::fs::read_to_string(fixture("000_733c960163716fd3.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
    let out = interview()
        .args(["convert", "a.txt", "-o", "a.json", "--report", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["inputs"][0]["outputs"][0], "a.json");
    assert!(!dir.path().join("-").exists());
    // the documents and the report cannot share standard output
    let out = interview()
        .args(["convert", "a.txt", "--report", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(!dir.path().join("-").exists());
}
