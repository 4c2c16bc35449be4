//! Peak heap use, counted by a global allocator in this test binary alone:
//! a bound that a test can check without timing anything. The counts are
//! the bytes live at once (the heap), not the RSS, which adds the binary,
//! the stacks and the allocator's own slack.
//!
//! The tests share the allocator's counters, so they take turns.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use interview_kit::batch::{self, Destination, Options};
use interview_kit::format::Format;
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// One test at a time: the counters are the process's.
static TURN: Mutex<()> = Mutex::new(());

/// The peak of live heap bytes while `run` runs, above what was live
/// before it.
fn peak_of(run: impl FnOnce()) -> usize {
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    run();
    HEAP.peak_usage() - before
}

/// Converts `input` on one thread to `to`, into a sink.
fn convert(input: PathBuf, options: &Options) -> batch::Summary {
    let mut out = std::io::sink();
    batch::run(
        &[input],
        options,
        Destination::Stream(&mut out),
        &|_, _| (),
        &mut |_, _| {},
    )
    .unwrap()
}

const MIB: usize = 1 << 20;

#[test]
fn a_huge_record_line_is_skipped_without_being_held() {
    let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("records.ndjson");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    // a 32 MiB line, far over the line limit of a 1 KiB --max-size
    file.write_all(br#"{"path": "huge.txt", "text": ""#)
        .unwrap();
    let chunk = vec![b'x'; MIB];
    for _ in 0..32 {
        file.write_all(&chunk).unwrap();
    }
    file.write_all(b"\"}\n").unwrap();
    writeln!(
        file,
        r#"{{"path": "a.txt", "text": "LEE\nQ: why?\nA: because\n"}}"#
    )
    .unwrap();
    file.into_inner().unwrap().sync_all().unwrap();
    let mut options = Options {
        records: true,
        to: vec![Format::Ndjson],
        jobs: 1,
        ..Options::default()
    };
    options.limits.max_size = 1 << 10;
    let mut summary = None;
    let peak = peak_of(|| summary = Some(convert(path, &options)));
    let summary = summary.unwrap();
    assert_eq!((summary.files, summary.documents), (2, 1));
    assert!(peak < 2 * MIB, "peak heap {peak} bytes");
}

/// A document of `len` bytes or so: a header, then exchanges of five
/// paragraphs of a line each (the shape whose per-line and per-paragraph
/// structures cost the most, per byte, short of one-word turns).
fn long_document(len: usize) -> String {
    let mut text = String::from(
        "LEE Hee-sup\nSecretary-General of the Trilateral Cooperation Secretariat (TCS)\n",
    );
    let paragraph = "We must strengthen cooperation and face the challenges of climate together.\n";
    let mut n = 0;
    while text.len() < len {
        n += 1;
        text.push_str(&format!(
            "Q: How do you see regional cooperation in year {n}?\nA: "
        ));
        for _ in 0..5 {
            text.push_str(paragraph);
        }
    }
    text.push_str("已阅读人数: 427\n");
    text
}

/// A document of `len` bytes or so whose exchanges are as short as they
/// come (`Q: a?` / `A: b.`): what costs the most per input byte is then
/// the model's own structure, about 100 bytes an exchange, and the
/// reader's table of lines.
fn short_turns_document(len: usize) -> String {
    let mut text = String::from(
        "LEE Hee-sup\nSecretary-General of the Trilateral Cooperation Secretariat (TCS)\n",
    );
    while text.len() < len {
        text.push_str("Q: a?\nA: b.\n");
    }
    text.push_str("已阅读人数: 427\n");
    text
}

/// The peak heap of converting the document at `path` (of `size` bytes)
/// to `to`, as a multiple of its size.
fn ratio_of(path: &std::path::Path, size: usize, to: Format) -> f64 {
    let mut options = Options {
        to: vec![to],
        jobs: 1,
        ..Options::default()
    };
    options.limits.max_size = 1 << 30;
    let mut summary = None;
    let peak = peak_of(|| summary = Some(convert(path.to_path_buf(), &options)));
    assert_eq!(summary.unwrap().documents, 1, "--to {to}");
    peak as f64 / size as f64
}

const EVERY_FORMAT: [Format; 8] = [
    Format::Json,
    Format::Xml,
    Format::JsonLd,
    Format::Html,
    Format::Markdown,
    Format::Wxr,
    Format::Ndjson,
    Format::Text,
];

/// Every writer streams: the JSON-LD writer built a whole
/// `serde_json::Value` of the document (10× its size), HTML that and
/// three copies of its JSON, WXR the model's JSON form and the post body
/// in a string, Markdown and raw text the whole page.
#[test]
fn a_large_document_peaks_at_a_small_multiple_of_its_size() {
    let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let text = long_document(20 << 20);
    std::fs::write(&path, &text).unwrap();
    let size = text.len();
    drop(text);
    let mut over = Vec::new();
    for to in EVERY_FORMAT {
        // live heap bytes, every buffer counted at its capacity: the bound
        // the README gives for the peak resident memory
        let ratio = ratio_of(&path, size, to);
        eprintln!("--to {to}: peak heap {ratio:.2} × the input");
        if ratio > 5.0 {
            over.push(format!("--to {to}: {ratio:.2} ×"));
        }
    }
    assert!(over.is_empty(), "peak heap over 5 × the input: {over:?}");
}

/// A document of very many very short turns costs more per byte (the
/// README says how much): the schema check no longer makes the whole
/// document a `serde_json::Value` (which took 35 × the input on top of the
/// model), the model's list of exchanges and the source's table of lines
/// are no larger than they hold (46 × before, 24 × then: the model alone is
/// 8 ×, the reader's line table and line kinds 15 ×; 33 × since the layout
/// is inferred by scoring several readings of the page, whose per-line
/// state is held while they are scored).
#[test]
fn a_document_of_very_short_turns_peaks_at_a_known_multiple() {
    let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("short.txt");
    let text = short_turns_document(8 << 20);
    std::fs::write(&path, &text).unwrap();
    let size = text.len();
    drop(text);
    for to in [Format::Json, Format::JsonLd] {
        let ratio = ratio_of(&path, size, to);
        eprintln!("short turns, --to {to}: peak heap {ratio:.2} × the input");
        assert!(
            ratio <= SHORT_TURNS_BOUND,
            "--to {to}: {ratio:.2} × the input"
        );
    }
}

/// The bound the README states for a document of `Q: a?` / `A: b.` turns.
const SHORT_TURNS_BOUND: f64 = 35.0;
