//! The `interview` binary across formats: any-to-any conversion, format
//! detection, and validation of XML and JSON-LD.

mod common;

use assert_cmd::Command;
use common::{SEED, fixture};

fn interview() -> Command {
    let mut cmd = Command::cargo_bin("interview").unwrap();
    cmd.env("NO_COLOR", "1").current_dir(common::root());
    cmd
}

fn golden(ext: &str) -> String {
    std::fs::read_to_string(fixture(&format!("000_733c960163716fd3.{ext}"))).unwrap()
}

/// `convert ARGS…`, which must succeed; its stdout.
fn convert(args: &[&str], stdin: Option<Vec<u8>>) -> String {
    let mut cmd = interview();
    cmd.arg("convert").args(args);
    if let Some(stdin) = stdin {
        cmd.write_stdin(stdin);
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "convert {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// seed → F → json equals seed → json, for F found by extension, by
/// `--from`, and by content.
#[test]
fn seed_through_xml_jsonld_and_text_gives_the_seed_json() {
    let seed = format!("fixtures/{SEED}");
    let json = convert(&[&seed], None);
    assert_eq!(json, golden("json"));
    let dir = tempfile::tempdir().unwrap();
    for format in ["xml", "jsonld"] {
        let path = dir.path().join(format!("seed.{format}"));
        let path = path.to_str().unwrap();
        convert(&[&seed, "--to", format, "-o", path], None);
        assert_eq!(std::fs::read_to_string(path).unwrap(), golden(format));
        assert_eq!(convert(&[path], None), json, "{format} by extension");
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(
            convert(&["-", "--from", format], Some(bytes.clone())),
            json,
            "{format} by --from"
        );
        assert_eq!(convert(&["-"], Some(bytes)), json, "{format} by content");
    }
    // and through the canonical raw text
    let text = dir.path().join("seed.out.txt");
    let text = text.to_str().unwrap();
    convert(&[&seed, "--to", "text", "-o", text], None);
    assert_eq!(convert(&[text], None), json, "text by extension");
    let bytes = std::fs::read(text).unwrap();
    assert_eq!(convert(&["-"], Some(bytes)), json, "text by content");
}

#[test]
fn xml_converts_to_jsonld_and_back() {
    let xml = "fixtures/000_733c960163716fd3.xml";
    assert_eq!(convert(&[xml, "--to", "jsonld"], None), golden("jsonld"));
    let jsonld = "fixtures/000_733c960163716fd3.jsonld";
    assert_eq!(convert(&[jsonld, "--to", "xml"], None), golden("xml"));
    assert_eq!(
        convert(&[jsonld, "--to", "json-ld"], None),
        golden("jsonld")
    );
}

#[test]
fn several_inputs_into_a_directory_take_the_format_extension() {
    let dir = tempfile::tempdir().unwrap();
    interview()
        .args([
            "convert",
            "fixtures/000_733c960163716fd3.xml",
            "fixtures/validate/valid/minimal.json",
            "--to",
            "xml",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    assert!(dir.path().join("minimal.xml").is_file());
    let written = std::fs::read_to_string(dir.path().join("000_733c960163716fd3.xml")).unwrap();
    assert_eq!(written, golden("xml"));
}

#[test]
fn validate_accepts_the_golden_xml_and_jsonld() {
    interview()
        .args([
            "validate",
            "fixtures/000_733c960163716fd3.xml",
            "fixtures/000_733c960163716fd3.jsonld",
        ])
        .assert()
        .success()
        .stderr("checked 2 files: 2 valid, 0 invalid; 0 errors, 0 warnings\n");
}

/// stderr of `validate -` on `stdin`, which must exit 1.
fn invalid(stdin: &str, from: &str) -> String {
    let out = interview()
        .args(["validate", "-", "--from", from])
        .write_stdin(stdin)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    stderr
}

#[test]
fn validate_locates_xml_problems() {
    let broken = golden("xml").replacen("</name>", "</nam>", 1);
    let stderr = invalid(&broken, "xml");
    assert!(stderr.contains("error[syntax]"), "{stderr}");
    assert!(stderr.contains("<stdin>:4:"), "{stderr}");

    let unknown = golden("xml")
        .replacen("<family_name>", "<surname>", 1)
        .replacen("</family_name>", "</surname>", 1);
    let stderr = invalid(&unknown, "xml");
    assert!(stderr.contains("<stdin>:5:5"), "{stderr}");
    assert!(
        stderr.contains("unknown element `<surname>` in `<speaker>`"),
        "{stderr}"
    );
}

#[test]
fn validate_refuses_doctype_as_unsafe() {
    let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n<interview>&lol2;</interview>\n";
    let stderr = invalid(bomb, "xml");
    assert!(stderr.contains("error[unsafe]"), "{stderr}");
    assert!(stderr.contains("<stdin>:2:1"), "{stderr}");
    // sniffed from content too
    let out = interview()
        .args(["validate", "-"])
        .write_stdin(bomb)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn validate_locates_jsonld_problems() {
    let syntax =
        golden("jsonld").replacen("\"genre\": \"Interview\",", "\"genre\": \"Interview\"", 1);
    let stderr = invalid(&syntax, "jsonld");
    assert!(stderr.contains("error[syntax]"), "{stderr}");
    assert!(stderr.contains("<stdin>:23:3"), "{stderr}");

    let empty = golden("jsonld").replacen("\"name\": \"LEE Hee-sup\"", "\"name\": \"\"", 1);
    let stderr = invalid(&empty, "jsonld");
    assert!(stderr.contains("<stdin>:27:5"), "{stderr}");
    assert!(stderr.contains("`/about/name`"), "{stderr}");
}

/// A JSON document may hold a control character; XML cannot: the
/// conversion fails for that input (exit 1) and writes nothing.
#[test]
fn control_character_from_json_is_refused_for_xml() {
    let json = golden("json").replacen("LEE Hee-sup", "LEE\\u0007Hee-sup", 1);
    let out = interview()
        .args(["convert", "-", "--to", "xml"])
        .write_stdin(json.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("`/speaker/name` holds U+0007"), "{stderr}");
    // JSON-LD carries it
    interview()
        .args(["convert", "-", "--to", "jsonld"])
        .write_stdin(json)
        .assert()
        .success();
}

/// Raw text is trimmed lines with a read-count line the count is read
/// from: a document it could not give back unchanged is refused for
/// `--to text` (exit 1, nothing written, the field named), as XML refuses
/// a control character, rather than converted with a loss.
#[test]
fn what_raw_text_cannot_carry_is_refused_for_text() {
    let seed = golden("json");
    for (from, to, says) in [
        (
            "\"read_count_text\": \"已阅读人数: 427\"",
            "\"read_count_text\": \"many readers\"",
            "error[unwritable]: <stdin>: `/read_count_text` (\"many readers\") is no read count raw text can read back, so `read_count` 427 would be lost",
        ),
        (
            "We are witnessing",
            "We are\\nwitnessing",
            "`/exchanges/0/answer/0` holds a line break",
        ),
        (
            "We are witnessing",
            "  We are witnessing",
            "`/exchanges/0/answer/0` starts or ends with white space",
        ),
        (
            "LEE Hee-sup",
            "LEE\\nHee-sup",
            "`/speaker/name` holds a line break",
        ),
        (
            "LEE Hee-sup",
            "LEE\\u0007Hee-sup",
            "error[control-character]: <stdin>: `/speaker/name` holds U+0007",
        ),
    ] {
        let json = seed.replacen(from, to, 1);
        assert_ne!(json, seed);
        let out = interview()
            .args(["convert", "-", "--to", "text"])
            .write_stdin(json)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{to}");
        assert!(out.stdout.is_empty(), "{to}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(says), "{to}: {stderr}");
    }
    // the seed itself goes through
    interview()
        .args(["convert", "-", "--to", "text"])
        .write_stdin(seed)
        .assert()
        .success();
}

/// An XML declaration's encoding is how the bytes are decoded.
#[test]
fn xml_in_a_legacy_encoding_is_read_as_declared() {
    let xml = golden("xml").replacen("encoding=\"UTF-8\"", "encoding=\"GB18030\"", 1);
    let (bytes, _, _) = encoding_rs::GB18030.encode(&xml);
    let out = convert(&["-", "--from", "xml"], Some(bytes.into_owned()));
    assert_eq!(out, golden("json"));
}

/// XML saved as UTF-16 with a BOM (as Windows tools write it) is found and
/// read by its BOM, whatever its declaration says.
#[test]
fn utf16_xml_is_sniffed_and_read() {
    let xml = golden("xml").replacen("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1);
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    interview()
        .args(["convert", "-"])
        .write_stdin(bytes)
        .assert()
        .success()
        .stdout(golden("json"))
        .stderr("");
}
