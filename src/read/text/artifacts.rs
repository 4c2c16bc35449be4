//! Likely extraction artifacts: text a page-to-text step probably broke.
//! They are flagged with a warning and never repaired: the model keeps the
//! source's text as written.
//!
//! - **Words run together**: a lowercase run of three letters or more,
//!   then a capitalised word, inside one word: `CooperationSecretariat`,
//!   `competitionThe`. Brand names written that way (`PowerPoint`,
//!   `WhatsApp`) are known and left alone.
//! - **Sentences run together**: `cooperation.The`, no space after the
//!   full stop.
//! - **Mojibake**: UTF-8 read as Latin-1, `â€œ` or `Ã©`.

use std::ops::Range;

/// Capitalised compounds that are names, not artifacts.
const KNOWN: &[&str] = &[
    "PowerPoint",
    "JavaScript",
    "WhatsApp",
    "PlayStation",
    "SoftBank",
    "BlackRock",
    "BlackBerry",
    "DreamWorks",
    "HarperCollins",
    "PricewaterhouseCoopers",
    "GlaxoSmithKline",
    "ExxonMobil",
    "AstraZeneca",
    "ByteDance",
    "DeepMind",
    "DeepSeek",
    "WordPress",
    "QuickTime",
    "AliExpress",
    "SenseTime",
    "StarCraft",
    "FaceTime",
    "SharePoint",
    "OneDrive",
    "LinkedIn",
    "SoundCloud",
    "DropBox",
    "MasterCard",
    "MySpace",
    "PlayStation",
    "SmartThings",
    "SpaceShip",
    "YouTube",
    "MicroStrategy",
    "BrewDog",
    "CoinBase",
    "FireFox",
    "ChatGPT",
    "OpenStreetMap",
];

/// One artifact: where it is in the line and what it looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Artifact {
    /// Byte range in the text searched.
    pub range: Range<usize>,
    /// What was found, for the diagnostic message.
    pub what: &'static str,
}

/// Every artifact in `text`.
pub(crate) fn find(text: &str) -> Vec<Artifact> {
    let mut out = Vec::new();
    if may_run_together(text.as_bytes()) {
        for (start, word) in words(text) {
            if let Some(what) = run_together(word) {
                out.push(Artifact {
                    range: start..start + word.len(),
                    what,
                });
            }
        }
    }
    // `Ã`, `â` and `Â` all start with the byte C3, which no CJK or ASCII
    // text holds
    if memchr::memchr(0xC3, text.as_bytes()).is_none() {
        return out;
    }
    for (i, _) in text.match_indices(['Ã', 'â', 'Â']) {
        let next = text[i..].chars().nth(1);
        if next.is_some_and(|c| ('\u{80}'..='\u{bf}').contains(&c) || c == '€') {
            let end = text[i..]
                .char_indices()
                .nth(3)
                .map_or(text.len(), |(j, _)| i + j);
            out.push(Artifact {
                range: i..end,
                what: "mojibake (UTF-8 text decoded as Latin-1)",
            });
            break;
        }
    }
    out
}

/// Whether `bytes` hold a lowercase letter right before an uppercase one,
/// or before a full stop and an uppercase one: what every run-together
/// word or sentence holds, and most lines do not.
fn may_run_together(bytes: &[u8]) -> bool {
    let (lower, upper) = (u8::is_ascii_lowercase, u8::is_ascii_uppercase);
    let next = bytes.get(1..).unwrap_or_default();
    let after = bytes.get(2..).unwrap_or_default();
    // `|` and `&` over the whole line, not `any`: no branch a byte
    let pair = bytes
        .iter()
        .zip(next)
        .fold(false, |found, (a, b)| found | (lower(a) & upper(b)));
    let stop = bytes
        .iter()
        .zip(next)
        .zip(after)
        .fold(false, |found, ((a, b), c)| {
            found | (lower(a) & (*b == b'.') & upper(c))
        });
    pair | stop
}

/// Maximal runs of Latin letters and full stops (seven bytes or more),
/// with their byte offsets, full stops at either end trimmed.
///
/// Scans bytes: ASCII bytes never occur inside a multi-byte UTF-8
/// character, so every run is whole characters.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphabetic() || b == b'.';
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at + bytes[at..].iter().position(|&b| is_word(b))?;
            let len = bytes[start..].iter().position(|&b| !is_word(b));
            let end = len.map_or(bytes.len(), |n| start + n);
            at = end;
            let word = &text[start..end];
            let trimmed = word.trim_matches('.');
            if trimmed.len() >= 7 {
                let lead = word.len() - word.trim_start_matches('.').len();
                return Some((start + lead, trimmed));
            }
        }
        None
    })
}

fn run_together(word: &str) -> Option<&'static str> {
    let what = shape(word.as_bytes())?;
    // rare: only words of that shape are looked up
    if KNOWN.contains(&word) || word.contains("..") {
        return None;
    }
    Some(what)
}

/// What `word` looks like, if it looks like two words or two sentences.
fn shape(bytes: &[u8]) -> Option<&'static str> {
    let mut lower_run = 0;
    for i in 0..bytes.len() {
        let b = bytes[i];
        if b.is_ascii_lowercase() {
            lower_run += 1;
            continue;
        }
        if lower_run >= 3 {
            let tail = &bytes[i + 1..];
            let lower = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_lowercase()).count();
            if b.is_ascii_uppercase() && lower(tail) >= 2 {
                return Some("two words run together");
            }
            if b == b'.'
                && tail.first().is_some_and(u8::is_ascii_uppercase)
                && lower(&tail[1..]) >= 1
            {
                return Some("two sentences run together");
            }
        }
        lower_run = 0;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The look for run-together words finds nothing in a line the
        /// prefilter passes over.
        #[test]
        fn prefilter_hides_no_artifact(text in "[a-cA-C. 中é]{0,30}") {
            let found = words(&text).any(|(_, w)| run_together(w).is_some());
            proptest::prop_assert!(!found || may_run_together(text.as_bytes()));
        }
    }

    fn whats(text: &str) -> Vec<(&str, &'static str)> {
        find(text)
            .into_iter()
            .map(|a| (&text[a.range], a.what))
            .collect()
    }

    #[test]
    fn run_together_words_and_sentences() {
        assert_eq!(
            whats("the Trilateral CooperationSecretariat (TCS)"),
            [("CooperationSecretariat", "two words run together")]
        );
        assert_eq!(
            whats("more cooperation.The three"),
            [("cooperation.The", "two sentences run together")]
        );
    }

    #[test]
    fn ordinary_text_is_clean() {
        assert!(
            whats("iPhone, YouTube, PowerPoint, McDonald, e.g. U.S. policy, COVID-19").is_empty()
        );
        assert!(whats("We are witnessing the intensification of hightech competition.").is_empty());
        assert!(whats("李肇星：中日韩合作").is_empty());
    }

    #[test]
    fn offsets_are_right_after_cjk() {
        let text = "问：CooperationSecretariat and more.The end";
        let found = find(text);
        assert_eq!(&text[found[0].range.clone()], "CooperationSecretariat");
        assert_eq!(&text[found[1].range.clone()], "more.The");
    }

    #[test]
    fn mojibake() {
        assert_eq!(whats("â€œSharingâ€").len(), 1);
    }
}
