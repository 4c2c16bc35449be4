//! Golden fixtures for the raw-text reader, grouped by kind under
//! `fixtures/text/<kind>/NAME.txt`: each input (in whatever encoding it is
//! stored) beside its model as JSON and its diagnostics (`line:col
//! severity[code] message`, one a line), kept as the insta snapshots
//! `model@NAME.txt.snap` and `diagnostics@NAME.txt.snap`; `cargo insta
//! review` shows changes and accepts them.

mod common;

use std::path::{Path, PathBuf};

use interview_kit::{Format, Source, load, render};

fn inputs() -> Vec<PathBuf> {
    txt_files("text")
}

/// The `.txt` files under `fixtures/DIR`, in order.
fn txt_files(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(common::fixture(dir))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    out.sort();
    out
}

/// What the reader makes of one fixture: the model as JSON (empty when
/// there is none) and the diagnostics, one a line.
fn outcome(path: &Path) -> (String, String) {
    let bytes = std::fs::read(path).unwrap();
    let name = path
        .strip_prefix(common::root())
        .unwrap()
        .display()
        .to_string();
    let source = Source::from_bytes(name, &bytes, None);
    let parsed = load(&source, Format::Text);
    let json = parsed.interview.as_ref().map_or_else(String::new, |m| {
        String::from_utf8(render(m, Format::Json).unwrap()).unwrap()
    });
    let mut diagnostics = String::new();
    for d in &parsed.diagnostics {
        let at = d.span.as_ref().map_or_else(
            || "-".to_owned(),
            |s| {
                let lc = source.line_col(s.start);
                format!("{}:{}", lc.line, lc.col)
            },
        );
        diagnostics.push_str(&format!(
            "{at} {}[{}] {}\n",
            d.severity.as_str(),
            d.code,
            d.message
        ));
    }
    (json, diagnostics)
}

/// `text` as insta compares it: insta trims white space at the end of a
/// snapshot and reads CRLF as LF, so the text must have neither for the
/// comparison to be exact (empty, or one line feed at the very end).
fn exact(text: String) -> String {
    let body = text.strip_suffix('\n').unwrap_or(&text);
    let one_line_feed_at_the_end = text.ends_with('\n') && !body.is_empty();
    assert!(
        !text.contains('\r')
            && (text.is_empty() || one_line_feed_at_the_end)
            && !body.ends_with(char::is_whitespace),
        "{text:?}"
    );
    text
}

/// `input`'s model and diagnostics match its snapshots beside it,
/// `model@NAME.txt.snap` and `diagnostics@NAME.txt.snap`.
fn matches_its_snapshots(input: &Path) {
    let (json, diagnostics) = outcome(input);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(input.parent().unwrap());
    settings.set_snapshot_suffix(input.file_name().unwrap().to_str().unwrap());
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!("model", exact(json));
        insta::assert_snapshot!("diagnostics", exact(diagnostics));
    });
}

/// Each fixture's model and diagnostics match its snapshots beside it.
#[test]
fn every_text_fixture_matches_its_golden_model_and_diagnostics() {
    let inputs = inputs();
    assert!(inputs.len() >= 40, "only {} fixtures found", inputs.len());
    let mut seen = 0;
    insta::glob!("../fixtures/text", "*/*.txt", |input| {
        seen += 1;
        matches_its_snapshots(input);
    });
    assert_eq!(seen, inputs.len());
}

/// The fixtures are valid documents: no error among their diagnostics, and
/// a model for each (the malformed inputs live in `fixtures/invalid`).
#[test]
fn every_text_fixture_is_a_valid_interview() {
    for input in inputs() {
        let bytes = std::fs::read(&input).unwrap();
        let parsed = load(&Source::from_bytes("f", &bytes, None), Format::Text);
        assert!(
            parsed.interview.is_some() && parsed.diagnostics.iter().all(|d| !d.is_fatal(false)),
            "{}: {:?}",
            input.display(),
            parsed.diagnostics
        );
    }
}

/// Each fixture under `encodings/` (made by `scripts/make_encoding_fixtures.py`)
/// reads to the same model as its UTF-8 source, but for `encoding`.
#[test]
fn encoded_fixtures_read_like_their_utf8_sources() {
    const CASES: &[(&str, &str, &str)] = &[
        ("gbk-zh.txt", "labels/zhongguowang-zh.txt", "GBK"),
        ("gbk-crlf-zh.txt", "headers/cjk-name-zh.txt", "GBK"),
        ("big5-zh-hant.txt", "markers/wen-da-zh-hant.txt", "Big5"),
        ("shift_jis-ja.txt", "markers/dash-ja.txt", "Shift_JIS"),
        ("euc-jp-ja.txt", "markers/fullwidth-ja.txt", "EUC-JP"),
        ("euc-kr-ko.txt", "markers/q-dot-ko.txt", "EUC-KR"),
        (
            "utf16le-bom-en.txt",
            "headers/headline-date-byline-share-en.txt",
            "UTF-16LE",
        ),
        ("utf16le-zh.txt", "markers/wen-da-zh.txt", "UTF-16LE"),
        (
            "utf16le-en.txt",
            "markers/question-answer-en.txt",
            "UTF-16LE",
        ),
        ("utf16be-bom-ja.txt", "labels/michigami-ja.txt", "UTF-16BE"),
        ("utf16be-ko.txt", "markers/jilmun-ko.txt", "UTF-16BE"),
        ("utf8-bom-en.txt", "labels/surname-whitson-en.txt", "UTF-8"),
        ("crlf-en.txt", "counts/views-number-first-en.txt", "UTF-8"),
        (
            "lone-cr-en.txt",
            "headers/name-role-one-line-en.txt",
            "UTF-8",
        ),
    ];
    let model = |path: PathBuf| {
        let bytes = std::fs::read(&path).unwrap();
        load(&Source::from_bytes("f", &bytes, None), Format::Text)
            .interview
            .unwrap_or_else(|| panic!("{}", path.display()))
    };
    for (encoded, source, encoding) in CASES {
        let mut got = model(common::fixture(&format!("text/encodings/{encoded}")));
        assert_eq!(got.encoding.as_deref(), Some(*encoding), "{encoded}");
        got.encoding = Some("UTF-8".to_owned());
        assert_eq!(
            got,
            model(common::fixture(&format!("text/{source}"))),
            "{encoded}"
        );
    }
    // GB18030's four-byte form (an emoji outside GBK) decodes too
    let gb = model(common::fixture("text/encodings/gb18030-zh.txt"));
    assert!(gb.exchanges[1].answer[0].ends_with("加油👍"));
}

/// The stand-ins of real published pages, `fixtures/wild/<lang>/NAME.txt`,
/// each beside its truth `NAME.expected.json` (written by hand) and its
/// golden model and diagnostics (insta snapshots, as above).
fn wild_pages() -> Vec<PathBuf> {
    txt_files("wild")
}

#[test]
fn every_wild_page_matches_its_golden_model_and_diagnostics() {
    let pages = wild_pages();
    let mut seen = 0;
    insta::glob!("../fixtures/wild", "*/*.txt", |input| {
        seen += 1;
        matches_its_snapshots(input);
    });
    assert_eq!(seen, pages.len());
}

/// The fields a page is judged on, in the order the scorecard names them.
const JUDGED: [&str; 7] = [
    "speaker",
    "role",
    "exchanges",
    "paragraphs",
    "first question",
    "last answer",
    "read count",
];

/// Which judged fields of `model` differ from the hand-written `truth`. A
/// page that never names its interviewee has `"speaker": null`: the
/// reader is right there when it gives no speaker, or one it says is in
/// doubt.
fn wrong_fields(
    model: Option<&interview_kit::Interview>,
    truth: &serde_json::Value,
    speaker_doubted: bool,
) -> Vec<&'static str> {
    let Some(model) = model else {
        return JUDGED.to_vec();
    };
    let want: Vec<(String, Vec<String>)> = truth["exchanges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let answer = e["answer"].as_array().unwrap();
            let answer = answer.iter().map(|p| p.as_str().unwrap().to_owned());
            (e["question"].as_str().unwrap().to_owned(), answer.collect())
        })
        .collect();
    let got: Vec<(String, Vec<String>)> = model
        .exchanges
        .iter()
        .map(|e| (e.question.clone(), e.answer.clone()))
        .collect();
    let last_answer = |x: &[(String, Vec<String>)]| x.last().and_then(|(_, a)| a.last().cloned());
    let checks = [
        match (truth["speaker"].as_str(), &model.speaker) {
            (Some(name), Some(speaker)) => speaker.name == name,
            (Some(_), None) => false,
            (None, None) => true,
            (None, Some(_)) => speaker_doubted,
        },
        model.role.as_ref().map(|r| r.text.as_str()) == truth["role"].as_str(),
        got.len() == want.len(),
        got == want,
        got.first().map(|e| &e.0) == want.first().map(|e| &e.0),
        last_answer(&got) == last_answer(&want),
        model.read_count == truth["read_count"].as_u64(),
    ];
    JUDGED
        .iter()
        .zip(checks)
        .filter(|(_, right)| !right)
        .map(|(field, _)| *field)
        .collect()
}

/// The scorecard: per language, how many pages come out right on every
/// judged field, and for each wrong page its wrong fields and whether a
/// `doubtful-…` warning flagged it (or, for a speaker left out alone, a
/// `missing-speaker` warning). Kept as a snapshot, so that a page
/// that gets better or worse shows in the diff (`scripts/scorecard.py`
/// prints the same numbers from the command line, for any folder of pages).
#[test]
fn wild_pages_scorecard() {
    let mut card = String::new();
    let (mut right_all, mut all, mut silent) = (0, 0, 0);
    let pages = wild_pages();
    let mut langs: Vec<&Path> = pages.iter().map(|p| p.parent().unwrap()).collect();
    langs.dedup();
    for lang in langs {
        let mut lines = String::new();
        let (mut right, mut count) = (0, 0);
        for page in pages.iter().filter(|p| p.parent() == Some(lang)) {
            let truth_path = page.with_extension("expected.json");
            let truth: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&truth_path).unwrap()).unwrap();
            let bytes = std::fs::read(page).unwrap();
            let parsed = load(&Source::from_bytes("page.txt", &bytes, None), Format::Text);
            let has = |code: &str| parsed.diagnostics.iter().any(|d| d.code.as_str() == code);
            let wrong = wrong_fields(parsed.interview.as_ref(), &truth, has("doubtful-speaker"));
            count += 1;
            if wrong.is_empty() {
                right += 1;
                continue;
            }
            // a speaker left out says so (`missing-speaker`): that flags
            // the speaker, not the other fields
            let doubted = parsed
                .diagnostics
                .iter()
                .any(|d| d.code.as_str().starts_with("doubtful-"))
                || (wrong == ["speaker"] && has("missing-speaker"));
            let how = match (&parsed.interview, doubted) {
                (_, true) => "flagged",
                (None, false) => "no output",
                (Some(_), false) => "silent",
            };
            silent += usize::from(!doubted);
            let name = page.file_name().unwrap().to_string_lossy();
            lines.push_str(&format!("    {name}: {} ({how})\n", wrong.join(", ")));
        }
        let lang = lang.file_name().unwrap().to_string_lossy();
        card.push_str(&format!("{lang}: {right}/{count} right\n{lines}"));
        right_all += right;
        all += count;
    }
    card.push_str(&format!(
        "all: {right_all}/{all} right; {silent} wrong without a doubtful- warning\n"
    ));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(common::fixture("wild"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("scorecard", exact(card)));
}
