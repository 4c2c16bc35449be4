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
    common::assert_golden(
        &common::fixture("000_733c960163716fd3.html"),
        &String::from_utf8(out.stdout).unwrap(),
    );
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
