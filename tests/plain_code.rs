//! The code stays plain: JSON is written and checked through `serde_json`,
//! not through serializers of the project's own, and bytes are scanned
//! with `memchr` and iterators, not by hand-vectorised loops.

use std::path::Path;

/// Every `impl … Serializer for …` in `src/`, as `path:line`.
fn serializer_impls(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate() {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let Some(first) = tokens.first() else {
                continue;
            };
            if *first != "impl" && !first.starts_with("impl<") {
                continue;
            }
            let implements_serializer = tokens
                .windows(2)
                .any(|pair| pair[1] == "for" && pair[0].rsplit("::").next() == Some("Serializer"));
            if implements_serializer {
                found.push(format!("{}:{}", entry.path().display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn no_serializer_of_our_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = serializer_impls(&src);
    assert!(
        found.is_empty(),
        "serde_json writes and checks JSON; these implement a serde Serializer: {found:?}"
    );
}

#[test]
fn the_scan_finds_a_serializer() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.rs");
    std::fs::write(
        &file,
        "struct S;\nimpl<'t> ser::Serializer for &'t mut S {}\nimpl ser::SerializeMap for S {}\n",
    )
    .unwrap();
    assert_eq!(
        serializer_impls(dir.path()),
        [format!("{}:2", file.display())]
    );
}

/// Every line of `src/` that spells one of `needles`, as `path:line`.
fn lines_with(src: &Path, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate() {
            if needles.iter().any(|needle| line.contains(needle)) {
                found.push(format!("{}:{}", entry.path().display(), n + 1));
            }
        }
    }
    found
}

/// Lines and delimiters are found with `memchr`, the rest with iterators
/// and `str` methods: no byte scan in blocks of a length fixed at compile
/// time (`as_chunks`, `split_first_chunk`) or with ranges folded into one
/// signed comparison (`cast_signed`), the marks of a hand-vectorised scan.
#[test]
fn no_hand_vectorised_scan() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = lines_with(&src, &["as_chunks", "split_first_chunk", "cast_signed"]);
    assert!(found.is_empty(), "hand-vectorised scans: {found:?}");
}
