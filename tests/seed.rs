//! The defining input, field by field, as the core issue states it.

mod common;

use interview_kit::{Format, Precision, Source, load};

#[test]
fn seed_reads_exactly() {
    let bytes = std::fs::read(common::fixture(common::SEED)).unwrap();
    let parsed = load(&Source::from_bytes("seed", &bytes, None), Format::Text);
    assert!(
        parsed.diagnostics.iter().all(|d| !d.is_fatal(false)),
        "{:?}",
        parsed.diagnostics
    );
    let i = parsed.interview.unwrap();
    let speaker = i.speaker.as_ref().unwrap();
    assert_eq!(speaker.name, "LEE Hee-sup");
    assert_eq!(speaker.family_name.as_deref(), Some("LEE"));
    assert_eq!(speaker.given_name.as_deref(), Some("Hee-sup"));
    let role = i.role.unwrap();
    assert_eq!(
        role.text,
        "Secretary-General of the Trilateral CooperationSecretariat (TCS)"
    );
    assert_eq!(role.title.as_deref(), Some("Secretary-General"));
    assert_eq!(
        role.organization.as_deref(),
        Some("Trilateral CooperationSecretariat")
    );
    assert_eq!(role.abbreviation.as_deref(), Some("TCS"));
    assert_eq!(i.exchanges.len(), 2);
    assert!(
        i.exchanges[0]
            .question
            .starts_with("International exchange")
    );
    assert!(
        i.exchanges[1]
            .question
            .starts_with("New development trends")
    );
    assert_eq!(
        i.exchanges
            .iter()
            .map(|e| e.answer.len())
            .collect::<Vec<_>>(),
        [4, 4]
    );
    assert!(i.exchanges[0].answer[1].starts_with("“Sharing” and “collective endeavor”"));
    assert!(i.exchanges[0].answer[0].starts_with("We are witnessing"));
    assert_eq!(i.read_count, Some(427));
    assert_eq!(i.read_count_precision, Some(Precision::Exact));
    assert_eq!(i.read_count_text.as_deref(), Some("已阅读人数: 427"));
    assert_eq!(i.language.as_deref(), Some("en"));
    assert_eq!(i.encoding.as_deref(), Some("UTF-8"));
}

/// Every non-blank line of the seed is found, verbatim after its marker,
/// somewhere in the model.
#[test]
fn no_seed_line_is_lost() {
    let text = std::fs::read_to_string(common::fixture(common::SEED)).unwrap();
    let json = String::from_utf8(
        interview_kit::render(
            &load(&Source::from_text("seed", &text), Format::Text)
                .interview
                .unwrap(),
            Format::Json,
        )
        .unwrap(),
    )
    .unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let body = line
            .strip_prefix("Q: ")
            .or_else(|| line.strip_prefix("A: "))
            .unwrap_or(line);
        let quoted = serde_json::to_string(body).unwrap();
        assert!(json.contains(&quoted), "lost: {line}");
    }
}
