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

/// The sibling modules a file's `use` declarations name through `super::`
/// (`use super::output::OutFile;`, `use super::{Options, report};`).
fn sibling_imports(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for statement in text.split(';') {
        let statement = statement.trim();
        let Some(path) = statement
            .strip_prefix("use super::")
            .or_else(|| statement.strip_prefix("pub(crate) use super::"))
        else {
            continue;
        };
        let names: Vec<&str> = match path.strip_prefix('{') {
            Some(group) => group.trim_end_matches('}').split(',').collect(),
            None => vec![path],
        };
        for name in names {
            let name = name.trim();
            let first = name.split("::").next().unwrap_or("");
            // a module is a lowercase name (types and functions imported
            // from the parent are told apart by the files that exist)
            if !first.is_empty() && first.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                found.push(first.to_owned());
            }
        }
    }
    found
}

/// No two files of one directory import each other: imports point one
/// way (`batch/output.rs` → `batch/report.rs` → `batch/file.rs`).
#[test]
fn no_sibling_modules_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut cycles = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_dir() {
            continue;
        }
        let dir = entry.path();
        let module = |name: &str| dir.join(format!("{name}.rs"));
        let files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let path = e.unwrap().path();
                let stem = path.file_stem()?.to_str()?.to_owned();
                (path.extension()? == "rs" && stem != "mod").then_some(stem)
            })
            .collect();
        for a in &files {
            let text = std::fs::read_to_string(module(a)).unwrap();
            for b in sibling_imports(&text) {
                if b == *a || !files.contains(&b) {
                    continue;
                }
                let back = std::fs::read_to_string(module(&b)).unwrap();
                if sibling_imports(&back).contains(a) && a < &b {
                    cycles.push(format!("{} <-> {b}", module(a).display()));
                }
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that import each other: {cycles:?}"
    );
}

#[test]
fn sibling_imports_are_found_in_groups_and_paths() {
    assert_eq!(
        sibling_imports(
            "use super::output::OutFile;\nuse super::{Options, report};\nuse crate::x;"
        ),
        ["output", "report"]
    );
}

/// One module style: a module with submodules is a directory with a
/// `mod.rs`, never a `NAME.rs` beside a `NAME/` directory.
#[test]
fn no_module_file_beside_its_directory() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_dir() && entry.path().with_extension("rs").is_file() {
            found.push(entry.path().display().to_string());
        }
    }
    assert!(found.is_empty(), "directories beside a NAME.rs: {found:?}");
}
