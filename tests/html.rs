//! `--to html`: the seed's golden fragment, and refusal as an input format.

mod common;

use assert_cmd::Command;

#[test]
fn seed_converts_to_the_golden_html() {
    let out = Command::cargo_bin("interview")
        .unwrap()
        .current_dir(common::root())
        .args([
            "convert",
            "fixtures/000_733c960163716fd3.txt",
            "--to",
            "html",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let golden = std::fs::read_to_string(common::fixture("000_733c960163716fd3.html")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
}

#[test]
fn html_is_not_an_input_format() {
    Command::cargo_bin("interview")
        .unwrap()
        .args(["convert", "-", "--from", "html"])
        .write_stdin("<p>hi</p>")
        .assert()
        .code(2);
}

/// HTML allows `<time>` without `datetime` only when its text is itself a
/// valid date string: a printed date gets `datetime` in ISO 8601, a date
/// that cannot be read gets no `<time>` at all.
#[test]
fn every_time_element_has_a_machine_readable_datetime() {
    let html = |date: &str| {
        let model = serde_json::json!({
            "date": date,
            "speaker": {"name": "LEE Hee-sup"},
            "exchanges": [{"question": "q", "answer": ["a"]}],
        });
        let model: interview_kit::Interview = serde_json::from_value(model).unwrap();
        String::from_utf8(interview_kit::render(&model, interview_kit::Format::Html).unwrap())
            .unwrap()
    };
    for (date, datetime) in [
        ("May 12, 2024", "2024-05-12"),
        ("2024年5月12日", "2024-05-12"),
        ("2024년 5월 12일", "2024-05-12"),
        ("2011.12.07.", "2011-12-07"),
        ("2024-05-12T09:30Z", "2024-05-12T09:30:00Z"),
    ] {
        let out = html(date);
        let want = format!("<time datetime=\"{datetime}\">{date}</time>");
        assert!(out.contains(&want), "{date}: {out}");
    }
    for date in ["spring 2024", "05/12/2024", "2023年2月29日"] {
        let out = html(date);
        assert!(!out.contains("<time"), "{date}: {out}");
        assert!(
            out.contains(&format!("<p class=\"interview-date\">{date}</p>")),
            "{date}: {out}"
        );
    }
}
