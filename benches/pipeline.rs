//! The per-document pipeline, stage by stage: decode bytes to text, read
//! (parse and schema-check), render. Throughput is in input bytes.
//!
//! `cargo bench --bench pipeline`. The documents are built here, the same
//! way every run, in the shapes of `../shared/bench/gen_corpus.py`: an
//! English and a Chinese interview, one with CRLF line ends, and the seed.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use interview_kit::{Format, Source};

fn main() {
    divan::main();
}

const WORDS: &[&str] = &[
    "cooperation",
    "technology",
    "innovation",
    "regional",
    "supply",
    "chain",
    "climate",
    "digital",
    "policy",
    "research",
    "exchange",
    "framework",
    "security",
    "standards",
    "investment",
    "energy",
    "sustainable",
    "trade",
    "multilateral",
    "resilience",
];
const HANZI: &[char] = &[
    '合', '作', '技', '术', '创', '新', '区', '域', '供', '应', '链', '气',
];

/// A small deterministic generator (xorshift), so that every run measures
/// the same bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn paragraph(&mut self, chinese: bool) -> String {
        if chinese {
            (0..3 + self.next(6))
                .map(|_| {
                    let mut s: String = (0..12 + self.next(28))
                        .map(|_| HANZI[self.next(HANZI.len())])
                        .collect();
                    s.push('。');
                    s
                })
                .collect()
        } else {
            (0..2 + self.next(5))
                .map(|_| {
                    let words: Vec<&str> = (0..8 + self.next(16))
                        .map(|_| WORDS[self.next(WORDS.len())])
                        .collect();
                    format!("{}.", words.join(" "))
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

/// An interview of about 13 KB, like the benchmark corpus's average.
fn interview(chinese: bool, eol: &str, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed);
    let (q, a) = if chinese {
        ("问：", "答：")
    } else {
        ("Q: ", "A: ")
    };
    let mut lines = vec![
        "KIM Min-jun".to_owned(),
        "Director of the Asian Development Bank (ADB)".to_owned(),
    ];
    for _ in 0..6 {
        lines.push(format!("{q}{}?", rng.paragraph(chinese)));
        lines.push(format!("{a}{}", rng.paragraph(chinese)));
        for _ in 0..3 {
            lines.push(rng.paragraph(chinese));
        }
    }
    lines.push("已阅读人数: 427".to_owned());
    let mut text = lines.join(eol);
    text.push_str(eol);
    text.into_bytes()
}

const DOCS: &[&str] = &["english", "chinese", "crlf", "seed"];

fn doc(name: &str) -> Vec<u8> {
    match name {
        "english" => interview(false, "\n", 69),
        "chinese" => interview(true, "\n", 70),
        "crlf" => interview(false, "\r\n", 71),
        "seed" => include_bytes!("../fixtures/000_733c960163716fd3.txt").to_vec(),
        _ => unreachable!("one of DOCS"),
    }
}

/// Bytes → text: encoding detection, decoding, line ends.
#[divan::bench(args = DOCS)]
fn decode(bencher: Bencher, name: &str) {
    let bytes = doc(name);
    bencher
        .counter(BytesCount::of_slice(&bytes))
        .bench(|| Source::from_bytes("doc.txt", black_box(&bytes), None));
}

/// Text → a validated model: the reader and the schema check.
#[divan::bench(args = DOCS)]
fn read(bencher: Bencher, name: &str) {
    let bytes = doc(name);
    let source = Source::from_bytes("doc.txt", &bytes, None);
    bencher
        .counter(BytesCount::of_slice(&bytes))
        .bench(|| interview_kit::load(black_box(&source), Format::Text));
}

/// The schema check alone.
#[divan::bench(args = DOCS)]
fn validate(bencher: Bencher, name: &str) {
    let bytes = doc(name);
    let source = Source::from_bytes("doc.txt", &bytes, None);
    let interview = interview_kit::load(&source, Format::Text)
        .interview
        .unwrap();
    bencher
        .counter(BytesCount::of_slice(&bytes))
        .bench(|| interview_kit::schema::check_model(black_box(&interview)));
}

/// A model → each output format.
#[divan::bench(args = [Format::Json, Format::Ndjson, Format::Text])]
fn write(bencher: Bencher, format: Format) {
    let bytes = doc("english");
    let source = Source::from_bytes("doc.txt", &bytes, None);
    let interview = interview_kit::load(&source, Format::Text)
        .interview
        .unwrap();
    bencher
        .counter(BytesCount::of_slice(&bytes))
        .bench(|| interview_kit::render(black_box(&interview), format));
}

/// Bytes in, NDJSON out: the whole per-document path of a batch run.
#[divan::bench(args = DOCS)]
fn pipeline(bencher: Bencher, name: &str) {
    let bytes = doc(name);
    bencher.counter(BytesCount::of_slice(&bytes)).bench(|| {
        let source = Source::from_bytes("doc.txt", black_box(&bytes), None);
        let parsed = interview_kit::load(&source, Format::Text);
        interview_kit::render(&parsed.interview.unwrap(), Format::Ndjson)
    });
}
