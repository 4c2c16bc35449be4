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
    // and the note says the encoding was given, not detected
    assert!(
        stderr
            .contains("expected text valid in UTF-8 throughout (the encoding given, not detected)"),
        "{stderr}"
    );
    assert!(!stderr.contains("detected UTF-8"), "{stderr}");
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

/// A file name with control characters is shown escaped in diagnostics
/// (no raw ESC reaches the terminal) and kept exactly in the JSON report.
#[test]
fn control_characters_in_file_names_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let name = "x\u{1b}]0;title\u{7}.txt";
    std::fs::write(inputs.join(name), "Q: only a question\n").unwrap();
    let report = dir.path().join("report.json");
    let out = interview()
        .args(["convert", "-o"])
        .arg(dir.path().join("out"))
        .arg("--report")
        .arg(&report)
        .arg(&inputs)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    assert!(stderr.contains("x\\u{1b}]0;title\\u{7}.txt"), "{stderr}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let path = report["inputs"][0]["path"].as_str().unwrap();
    assert!(path.ends_with(name), "{path:?}");
}

/// `convert` of an empty directory fails naming it, as `validate` does.
#[test]
fn convert_of_an_input_with_no_document_fails() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = interview()
        .arg("convert")
        .arg(&empty)
        .arg("-o")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{}: no document found", empty.display())),
        "{stderr}"
    );
}

/// `--quiet` shows errors only: no warnings and no summary, for `convert`
/// and `validate`.
#[test]
fn quiet_shows_errors_only() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("warned.txt"),
        "KIM Min-jun\nQ: Any count?\nA: None at all.\n",
    )
    .unwrap();
    std::fs::write(inputs.join("wrong.txt"), "Q: only a question\n").unwrap();
    let stderr = |args: &[&str]| {
        let out = interview().args(args).arg(&inputs).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stderr).unwrap()
    };
    let out = dir.path().join("out");
    let loud = stderr(&["convert", "-o", out.to_str().unwrap()]);
    assert!(loud.contains("warning[no-read-count]") && loud.contains("2 files:"));
    let quiet = stderr(&["convert", "--force", "--quiet", "-o", out.to_str().unwrap()]);
    assert!(quiet.contains("error[no-exchanges]"), "{quiet}");
    assert!(!quiet.contains("warning"), "{quiet}");
    assert!(!quiet.contains("2 files:"), "{quiet}");
    let quiet = stderr(&["validate", "-q"]);
    assert!(quiet.contains("error[no-exchanges]"), "{quiet}");
    assert!(
        !quiet.contains("warning") && !quiet.contains("checked"),
        "{quiet}"
    );
    // under --strict a warning is an error, and shown
    let strict = stderr(&["validate", "-q", "--strict"]);
    assert!(strict.contains("error[no-read-count]"), "{strict}");
}

/// `--color` decides; under `auto`, `CLICOLOR_FORCE` colours a pipe and
/// `NO_COLOR` wins over it.
#[test]
fn color_follows_the_flag_and_the_environment() {
    let coloured = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = Command::cargo_bin("interview").unwrap();
        cmd.current_dir(common::root())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR")
            .envs(env.iter().copied())
            .args(["validate", "fixtures/validate/invalid/two-violations.json"])
            .args(args);
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        out.stderr.contains(&0x1b)
    };
    assert!(!coloured(&[], &[]), "a pipe is not coloured");
    assert!(coloured(&["--color", "always"], &[]));
    assert!(coloured(&["--color=always"], &[("NO_COLOR", "1")]));
    assert!(!coloured(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&[], &[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")]));
    assert!(!coloured(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    ));
    assert!(!coloured(&[], &[("CLICOLOR_FORCE", "0")]));
}

/// `convert --help` lists the values of `--to` and `--from`, and the shell
/// completions offer them.
#[test]
fn help_and_completions_know_the_formats() {
    let help = |flag: &str| {
        let out = interview().args(["convert", flag]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        // help is wrapped to the terminal's width
        let text = String::from_utf8(out.stdout).unwrap();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let short = help("-h");
    assert!(
        short.contains("[possible values: text, json, xml, jsonld, ndjson, html, markdown, wxr]"),
        "{short}"
    );
    assert!(
        short.contains("[possible values: text, json, xml, jsonld, records]"),
        "{short}"
    );
    let long = help("--help");
    assert!(long.contains("- wxr:"), "{long}");
    assert!(long.contains("- records:"), "{long}");
    for shell in ["bash", "zsh", "fish"] {
        let out = interview().args(["completions", shell]).output().unwrap();
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("jsonld"), "{shell}");
        assert!(script.contains("markdown"), "{shell}");
    }
}

/// `interview man --dir DIR` writes interview(1) and a page for every
/// subcommand, each with its own options (rendered by groff when it is
/// installed); `interview man convert` prints one of them.
#[test]
fn man_pages_for_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man1");
    interview()
        .args(["man", "--dir"])
        .arg(&pages)
        .assert()
        .success();
    let expected: [(&str, &[&str]); 6] = [
        (
            "interview",
            &["interview\\-convert(1)", "interview\\-validate(1)"],
        ),
        (
            "interview-convert",
            &["\\-\\-to", "\\-\\-wxr\\-author", "jsonld"],
        ),
        (
            "interview-validate",
            &["\\-\\-max\\-errors", "sarif", "\\-\\-quiet"],
        ),
        ("interview-schema", &["JSON Schema"]),
        ("interview-completions", &["bash", "fish"]),
        ("interview-man", &["\\-\\-dir", "SUBCOMMAND"]),
    ];
    let mut written: Vec<String> = std::fs::read_dir(&pages)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    let mut names: Vec<String> = expected.iter().map(|(n, _)| format!("{n}.1")).collect();
    names.sort();
    assert_eq!(written, names);
    for (name, options) in expected {
        let path = pages.join(format!("{name}.1"));
        let roff = std::fs::read_to_string(&path).unwrap();
        assert!(roff.contains(&format!(".TH {name} 1")), "{roff}");
        for option in options {
            assert!(roff.contains(option), "{name}: {option} missing in\n{roff}");
        }
        // the page renders: groff reads it (UTF-8, through preconv, as man
        // does) without a warning
        if let Ok(out) = std::process::Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .arg(&path)
            .output()
        {
            assert!(
                out.status.success() && out.stderr.is_empty(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let out = interview().args(["man", "convert"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let convert = std::fs::read(pages.join("interview-convert.1")).unwrap();
    assert_eq!(out.stdout, convert);
}

/// `--wxr-author` without `--wxr-author-name` names the author by the
/// login, not by the default login's display name "Editor".
#[test]
fn wxr_author_alone_is_also_the_display_name() {
    let wxr = |args: &[&str]| {
        let out = interview()
            .args(["convert", &format!("fixtures/{SEED}"), "--to", "wxr"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let name = |xml: &str| {
        let start = xml.find("<wp:author_display_name>").unwrap();
        let end = xml[start..].find("</wp:author_display_name>").unwrap();
        xml[start..start + end].to_owned()
    };
    assert!(name(&wxr(&[])).contains("Editor"));
    let jdoe = wxr(&["--wxr-author", "jdoe"]);
    assert!(name(&jdoe).contains("jdoe"), "{}", name(&jdoe));
    assert!(!jdoe.contains("Editor"));
    let named = wxr(&["--wxr-author", "jdoe", "--wxr-author-name", "Jane Doe"]);
    assert!(name(&named).contains("Jane Doe"), "{}", name(&named));
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

/// On a terminal, a batch shows a progress line that counts files against
/// the total when it is known (every input a file), and bytes read, from
/// its first drawing on. Run under `script`, which gives it a terminal.
#[cfg(target_os = "linux")]
#[test]
fn the_progress_line_shows_files_of_total_and_bytes() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no `script`: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut command = String::from(env!("CARGO_BIN_EXE_interview"));
    command.push_str(" convert");
    for name in ["a.txt", "b.txt", "c.txt"] {
        let path = dir.path().join(name);
        std::fs::copy(fixture(SEED), &path).unwrap();
        command.push_str(&format!(" {}", path.display()));
    }
    command.push_str(&format!(" -o {}", dir.path().join("out").display()));
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("CI")
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert!(terminal.contains("0/3 files, 0 B read"), "{terminal:?}");
    assert!(!terminal.contains("files,  read"), "{terminal:?}");
}
