//! `interview validate` in every report format, on the real binary.

mod common;

use assert_cmd::Command;

fn validate(args: &[&str]) -> (i32, String, String) {
    common::run_in(&common::root(), &[&["validate"][..], args].concat())
}

const TWO: &str = "fixtures/validate/invalid/two-violations.json";

#[test]
fn two_violations_give_two_located_errors_in_human() {
    let (code, _, stderr) = validate(&[TWO]);
    assert_eq!(code, 1);
    assert!(stderr.contains(&format!("{TWO}:2:16")), "{stderr}");
    assert!(stderr.contains(&format!("{TWO}:6:3")), "{stderr}");
    assert_eq!(stderr.matches("error[schema]").count(), 2, "{stderr}");
}

#[test]
fn two_violations_give_two_located_errors_in_json() {
    let (code, stdout, _) = validate(&["--format", "json", TWO]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let places: Vec<(u64, u64)> = lines
        .iter()
        .map(|l| (l["line"].as_u64().unwrap(), l["column"].as_u64().unwrap()))
        .collect();
    assert_eq!(places, [(2, 16), (6, 3)]);
    assert_eq!(lines[0]["pointer"], "/speaker/name");
    assert_eq!(lines[1]["pointer"], "/read_count");
}

#[test]
fn two_violations_give_two_located_errors_in_github() {
    let (code, stdout, _) = validate(&["--format", "github", TWO]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with(&format!("::error file={TWO},line=2,col=16,")),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(&format!("::error file={TWO},line=6,col=3,")),
        "{stdout}"
    );
}

#[test]
fn two_violations_give_two_located_errors_in_sarif() {
    let (code, stdout, _) = validate(&["--format", "sarif", TWO]);
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for (result, line) in results.iter().zip([2, 6]) {
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], TWO);
        assert_eq!(location["region"]["startLine"], line);
    }
}

#[test]
fn two_violations_give_two_located_errors_in_junit() {
    let (code, stdout, _) = validate(&["--format", "junit", TWO]);
    assert_eq!(code, 1);
    assert!(stdout.contains("tests=\"1\" failures=\"1\""), "{stdout}");
    assert!(
        stdout.contains(&format!("{TWO}:2:16: error[schema]")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{TWO}:6:3: error[schema]")),
        "{stdout}"
    );
}

#[test]
fn every_error_of_every_file_is_reported() {
    let (code, stdout, stderr) = validate(&[
        "--format",
        "json",
        TWO,
        "fixtures/validate/invalid/wrong-types.json",
        "fixtures/validate/valid/minimal.json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 2 + 4, "{stdout}");
    assert!(stderr.is_empty() || stderr.contains("checked"), "{stderr}");
}

/// One more invalid document, with two violations too.
const UNKNOWN: &str = "fixtures/validate/invalid/unknown-field.json";

#[test]
fn max_errors_cuts_the_list_with_a_visible_note() {
    // TWO's reading stops at its first error (a note says so); UNKNOWN's
    // first error is over the total and left out
    let (code, _, stderr) = validate(&["--max-errors", "1", TWO, UNKNOWN]);
    assert_eq!(code, 1);
    assert_eq!(stderr.matches("error[schema]").count(), 1, "{stderr}");
    assert!(
        stderr.contains("note: 1 more diagnostic not shown (--max-errors)"),
        "{stderr}"
    );
    let (_, stdout, _) = validate(&["--max-errors", "1", "--format", "sarif", TWO, UNKNOWN]);
    assert!(
        stdout.contains("1 more diagnostic left out by --max-errors"),
        "{stdout}"
    );
}

#[test]
fn valid_files_pass_and_unreadable_ones_exit_2() {
    let (code, _, stderr) = validate(&[
        "fixtures/validate/valid/minimal.json",
        "fixtures/validate/valid/cjk.json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("checked 2 files: 2 valid, 0 invalid"),
        "{stderr}"
    );
    let (code, stdout, _) = validate(&["--format", "json", "no/such.json"]);
    assert_eq!(code, 2);
    assert!(stdout.contains("\"code\":\"io\""));
}

#[test]
fn strict_fails_on_warnings() {
    let doc = "KIM Min-jun\nQ: Any count?\nA: None at all.\n";
    let mut cmd = Command::cargo_bin("interview").unwrap();
    cmd.args(["validate", "-", "--format", "json"])
        .write_stdin(doc)
        .assert()
        .code(0);
    let mut cmd = Command::cargo_bin("interview").unwrap();
    let out = cmd
        .args(["validate", "-", "--format", "json", "--strict"])
        .write_stdin(doc)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\"severity\":\"error\",\"code\":\"no-read-count\"")
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = Command::cargo_bin("interview")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8(out.stdout).unwrap().contains("validate"));
    }
    let out = Command::cargo_bin("interview")
        .unwrap()
        .arg("man")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH interview"), "{page}");
}

#[test]
fn directories_and_globs_are_walked() {
    let (code, stdout, _) = validate(&[
        "--format",
        "json",
        "--glob",
        "**/*.json",
        "fixtures/validate",
    ]);
    assert_eq!(code, 1);
    let files: std::collections::BTreeSet<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // every invalid document under the directory, none of the valid ones
    assert!(files.iter().all(|f| f.contains("/invalid/")), "{files:?}");
    assert!(files.len() >= 8, "{files:?}");
    let (code, _, stderr) = validate(&["fixtures/validate/valid"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("checked 8 files: 8 valid"), "{stderr}");
}

#[test]
fn archives_are_read_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("docs.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for name in ["valid/minimal.json", "invalid/two-violations.json"] {
        zip.start_file(name, options).unwrap();
        let bytes = std::fs::read(common::fixture(&format!("validate/{name}"))).unwrap();
        std::io::Write::write_all(&mut zip, &bytes).unwrap();
    }
    zip.finish().unwrap();
    let (code, stdout, _) = validate(&["--format", "github", zip_path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].contains("docs.zip!/invalid/two-violations.json,line=2,col=16"),
        "{stdout}"
    );
}

/// A file name with control characters (ESC, BEL) reaches no report raw:
/// it cannot drive a terminal or GitHub's log, and the JUnit XML stays
/// well-formed. JSON and SARIF carry it exactly, JSON-escaped and
/// percent-encoded.
#[test]
fn control_characters_in_file_names_are_escaped_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\u{1b}[31m\u{7}.json";
    let bytes = std::fs::read(common::fixture("validate/invalid/two-violations.json")).unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let input = dir.path().to_str().unwrap();
    let raw = |text: &str| text.chars().any(|c| c.is_control() && c != '\n');
    let escaped = "bad\\u{1b}[31m\\u{7}.json";
    for format in ["human", "github", "junit"] {
        let (code, stdout, stderr) = validate(&["--format", format, input]);
        assert_eq!(code, 1, "{format}: {stderr}");
        assert!(
            !raw(&stdout) && !raw(&stderr),
            "{format}: {stdout:?} {stderr:?}"
        );
        assert!(
            stdout.contains(escaped) || stderr.contains(escaped),
            "{format}: {stdout} {stderr}"
        );
    }
    let (_, stdout, _) = validate(&["--format", "json", input]);
    assert!(!raw(&stdout), "{stdout:?}");
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert!(first["file"].as_str().unwrap().ends_with(name), "{stdout}");
    let (_, stdout, _) = validate(&["--format", "sarif", input]);
    assert!(!raw(&stdout), "{stdout:?}");
    assert!(stdout.contains("bad%1B%5B31m%07.json"), "{stdout}");
}

/// An empty directory, or a `--glob` that matches nothing, is a failure
/// naming the input (exit 2), not a clean run of nothing: a mistyped path
/// in CI must fail.
#[test]
fn an_input_with_no_document_fails_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (code, _, stderr) = validate(&[empty.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("{}: no document found", empty.display())),
        "{stderr}"
    );
    let (code, stdout, _) = validate(&[
        "--format",
        "json",
        "--glob",
        "**/*.nope",
        "fixtures/validate",
    ]);
    assert_eq!(code, 2);
    let line: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(line["file"], "fixtures/validate");
    assert_eq!(line["code"], "no-document");
    assert_eq!(line["message"], "no document found: no file matches --glob");
    // one matching input does not hide another that matches nothing
    let (code, _, stderr) = validate(&[
        "fixtures/validate/valid/minimal.json",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
}

/// A missing file is an I/O error of the run: exit 2, said once, not
/// counted invalid, and SARIF says the run did not succeed.
#[test]
fn a_missing_file_is_a_failure_said_once() {
    let valid = "fixtures/validate/valid/minimal.json";
    let (code, _, stderr) = validate(&["no/such.json", valid]);
    assert_eq!(code, 2);
    assert_eq!(stderr.matches("no/such.json").count(), 1, "{stderr}");
    assert_eq!(stderr.matches("cannot read").count(), 1, "{stderr}");
    assert!(
        stderr.contains("checked 2 files: 1 valid, 0 invalid, 1 failed"),
        "{stderr}"
    );
    let (code, stdout, _) = validate(&["--format", "sarif", "no/such.json", valid]);
    assert_eq!(code, 2);
    let log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "no/such.json"
    );
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
    // shown even when --max-errors left no room
    let (_, stdout, _) = validate(&["--format", "json", "--max-errors", "0", "no/such.json"]);
    assert!(stdout.contains("\"code\":\"io\""), "{stdout}");
}

/// Under `--max-errors`, the `json` format ends with a line saying how
/// many diagnostics were left out, and `github` with a notice.
#[test]
fn max_errors_says_what_it_left_out_in_json_and_github() {
    let (code, stdout, _) = validate(&["--max-errors", "1", "--format", "json", TWO, UNKNOWN]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0]["pointer"], "/speaker/name");
    assert_eq!(lines[1]["code"], "too-many-errors");
    assert_eq!(lines[2], serde_json::json!({ "omitted": 1 }));
    // nothing left out: said too, as the flag was given
    let (_, stdout, _) = validate(&["--max-errors", "5", "--format", "json", TWO]);
    assert_eq!(stdout.lines().last(), Some(r#"{"omitted":0}"#), "{stdout}");
    // without the flag, diagnostics only
    let (_, stdout, _) = validate(&["--format", "json", TWO]);
    assert!(!stdout.contains("omitted"), "{stdout}");
    let (_, stdout, _) = validate(&["--max-errors", "1", "--format", "github", TWO, UNKNOWN]);
    assert_eq!(
        stdout.lines().last(),
        Some("::notice title=max-errors::1 more diagnostic left out by --max-errors"),
        "{stdout}"
    );
}

/// Many problems on one long line: each report holds a bounded part of
/// the line per problem, not the whole line (a 330 KB line with 30,000
/// control characters made gigabytes of SARIF and took minutes).
#[test]
fn many_problems_on_one_long_line_make_a_report_linear_in_their_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let line = "abcdefghi\u{7}".repeat(20_000);
    std::fs::write(&path, format!("LEE Hee-sup\nQ: Why?\nA: {line}\n")).unwrap();
    let path = path.to_str().unwrap();
    for format in ["sarif", "json", "human"] {
        let (code, stdout, stderr) = validate(&["--format", format, path]);
        assert_eq!(code, 0, "{format}: {stderr}");
        let shown = stderr.matches("control-character").count()
            + stdout.matches("control-character").count();
        assert!(shown >= 20_000, "{format}: {shown} problems shown");
        let bytes = stdout.len() + stderr.len();
        assert!(
            bytes < 20_000 * 2_000,
            "{format}: {bytes} bytes for 20,000 problems"
        );
    }
}

/// The pre-commit hooks' default pattern (pre-commit matches `files` and
/// `exclude` with Python's `re.search`) takes the inputs under an
/// `interviews/` folder and not the WXR file the tool writes there.
#[test]
fn pre_commit_hooks_skip_the_tools_own_wxr_output() {
    use yaml_rust2::YamlLoader;
    let text = std::fs::read_to_string(common::root().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks = &YamlLoader::load_from_str(&text).unwrap()[0];
    let paths = [
        ("interviews/a.json", true),
        ("site/interviews/2024/a.txt", true),
        ("interviews/a.xml", true),
        ("interviews/a.jsonld", true),
        ("interviews/a.wxr.xml", false),
        ("interviews/wxr/all.wxr.xml", false),
        ("other/a.json", false),
    ];
    for hook in hooks.as_vec().unwrap() {
        let files = hook["files"].as_str().unwrap();
        let exclude = hook["exclude"].as_str().unwrap_or("(?!)");
        let script = "import re, sys\nf, x = sys.argv[1:3]\nfor p in sys.argv[3:]:\n    print(bool(re.search(f, p)) and not re.search(x, p))";
        let out = std::process::Command::new("python3")
            .args(["-c", script, files, exclude])
            .args(paths.iter().map(|(p, _)| p))
            .output()
            .expect("python3, as pre-commit runs on it");
        let verdicts: Vec<bool> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| l == "True")
            .collect();
        let expected: Vec<bool> = paths.iter().map(|(_, v)| *v).collect();
        assert_eq!(verdicts, expected, "{:?}", hook["id"]);
    }
}
