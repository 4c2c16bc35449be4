//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod model;

use std::path::{Path, PathBuf};

pub mod strategy;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The seed interview shipped in `fixtures/`.
pub const SEED: &str = "000_733c960163716fd3.txt";

/// Compares `actual` with the committed golden file at `path`; with
/// `UPDATE_GOLDEN=1` in the environment, rewrites the file instead.
pub fn assert_golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the output; review the diff and run with UPDATE_GOLDEN=1 to accept it\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}
