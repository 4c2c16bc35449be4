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

#[test]
fn a_large_document_peaks_at_a_small_multiple_of_its_size() {
    let _turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let text = long_document(20 << 20);
    std::fs::write(&path, &text).unwrap();
    let size = text.len();
    drop(text);
    for to in [Format::Json, Format::Xml] {
        let mut options = Options {
            to: vec![to],
            jobs: 1,
            ..Options::default()
        };
        options.limits.max_size = 1 << 30;
        let mut summary = None;
        let peak = peak_of(|| summary = Some(convert(path.clone(), &options)));
        assert_eq!(summary.unwrap().documents, 1);
        // live heap bytes, every buffer counted at its capacity: the bound
        // the README gives for the peak resident memory
        let ratio = peak as f64 / size as f64;
        assert!(
            ratio <= 5.0,
            "--to {to}: peak heap {peak} bytes, {ratio:.2} × the input"
        );
    }
}
