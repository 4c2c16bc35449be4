//! Any bytes through the raw-text reader: no panic, every diagnostic inside
//! the decoded text, and any valid model written as text reads back.

#![no_main]

use interview_kit::{Format, Source, load, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = Source::from_bytes("fuzz", data, None);
    let parsed = load(&source, Format::Text);
    for d in &parsed.diagnostics {
        if let Some(span) = &d.span {
            assert!(span.start <= span.end && span.end <= source.text().len());
            assert!(source.text().is_char_boundary(span.start));
            assert!(source.text().is_char_boundary(span.end));
        }
    }
    let fatal = parsed.diagnostics.iter().any(|d| d.is_fatal(false));
    if let (Some(model), false) = (&parsed.interview, fatal) {
        let text = render(model, Format::Text).expect("a valid model renders");
        let again = load(&Source::from_bytes("again", &text, None), Format::Text);
        assert!(again.interview.is_some());
    }
});
