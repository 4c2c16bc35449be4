//! The document's language, from the script its turns are written in: a
//! pass from the texts of the exchanges (questions and answers) to a
//! language tag.
//!
//! | turns                              | tag  | why                          |
//! |------------------------------------|------|------------------------------|
//! | `We are what we do in the world`   | `en` | Latin letters, `we`, `the`   |
//! | `我们必须加强合作`                 | `zh` | Han only                     |
//! | `協力を強化しなければならない`     | `ja` | kana among the Han           |
//! | `우리는 협력해야 합니다`           | `ko` | Hangul                       |
//! | `Sustainable energy policy`        | none | Latin, but no English word   |
//!
//! CJK letters win once there are as many of them as a sixth of the Latin
//! letters (a CJK text quoting English names is still CJK); Latin text is
//! English only when it holds a common English word as a whole word.

/// Common English words: one of them, as a whole word in any case, marks
/// Latin text as English (`The end`, `all OF it`, `我们in中国`), where
/// `theory, tone, island, youth` holds none.
const ENGLISH_WORDS: [&str; 8] = ["the", "and", "of", "to", "is", "in", "we", "you"];

/// How much of the texts is looked at for English words: English prose has
/// one in its first sentence, and a long Latin text without one in its
/// first 4 KiB is not English (it is word lists, names, or another
/// language).
const ENGLISH_SAMPLE: usize = 4096;

/// The letters of each script in the texts, counted character by
/// character.
#[derive(Debug, Default, PartialEq, Eq)]
struct Letters {
    /// Hiragana and katakana, U+3040..U+30FF.
    kana: usize,
    /// Hangul syllables and jamo: U+AC00..U+D7AF, U+1100..U+11FF,
    /// U+3130..U+318F.
    hangul: usize,
    /// Han ideographs, U+3400..U+4DBF and U+4E00..U+9FFF.
    han: usize,
    /// ASCII letters.
    latin: usize,
}

impl Letters {
    #[cfg(test)]
    fn count(&mut self, text: &str) {
        self.latin += latin_letters(text);
        self.count_cjk(text);
    }

    /// Counts the CJK letters of `text`.
    fn count_cjk(&mut self, text: &str) {
        // only where there are characters beyond ASCII
        if text.is_ascii() {
            return;
        }
        for c in text.chars() {
            match c {
                '\u{3040}'..='\u{30ff}' => self.kana += 1,
                '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' => {
                    self.hangul += 1
                }
                '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' => self.han += 1,
                _ => {}
            }
        }
    }

    fn cjk(&self) -> usize {
        self.han + self.kana + self.hangul
    }
}

fn latin_letters(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_alphabetic).count()
}

/// The main language of `texts` (the questions and answers) by script:
/// kana means Japanese (`ja`), Hangul Korean (`ko`), other Han Chinese
/// (`zh`); Latin letters with a common English word mean English (`en`);
/// anything else no tag.
pub fn detect<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Option<String> {
    let mut letters = Letters::default();
    for text in texts.clone() {
        letters.count_cjk(text);
    }
    // Latin letters are weighed against CJK ones; with none of those, the
    // rule asks only whether there is a Latin letter (one stands for all)
    letters.latin = if letters.cjk() > 0 {
        texts.clone().map(latin_letters).sum()
    } else {
        usize::from(
            texts
                .clone()
                .any(|t| t.bytes().any(|b| b.is_ascii_alphabetic())),
        )
    };
    by_letters(&letters, || {
        let mut budget = ENGLISH_SAMPLE;
        texts.into_iter().any(|text| {
            let sample = english_sample(text.as_bytes(), budget);
            budget -= sample.len();
            !sample.is_empty() && has_english_word(sample)
        })
    })
    .map(str::to_owned)
}

/// The language rule on the counts of letters; `english` is asked only
/// when the scripts leave English possible.
fn by_letters(letters: &Letters, english: impl FnOnce() -> bool) -> Option<&'static str> {
    let Letters {
        kana,
        hangul,
        han,
        latin,
    } = *letters;
    let cjk = letters.cjk();
    if cjk > 0 && cjk * 2 >= latin / 3 {
        Some(if kana * 20 >= cjk {
            "ja"
        } else if hangul >= han {
            "ko"
        } else {
            "zh"
        })
    } else if latin > 0 && english() {
        Some("en")
    } else {
        None
    }
}

/// Whether `text` holds one of the [`ENGLISH_WORDS`] as a whole word (a
/// run of ASCII letters), in any case.
fn has_english_word(text: &[u8]) -> bool {
    text.split(|b| !b.is_ascii_alphabetic()).any(|word| {
        // the words are short: a longer one is none of them
        word.len() <= 3
            && ENGLISH_WORDS
                .iter()
                .any(|e| word.eq_ignore_ascii_case(e.as_bytes()))
    })
}

/// At most `budget` bytes of `bytes`, not cut inside a word (which could
/// leave `to` of `together`).
fn english_sample(bytes: &[u8], budget: usize) -> &[u8] {
    let mut end = bytes.len().min(budget);
    if end < bytes.len() {
        while end > 0 && bytes[end].is_ascii_alphabetic() && bytes[end - 1].is_ascii_alphabetic() {
            end -= 1;
        }
    }
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_one(text: &str) -> Option<String> {
        detect(std::iter::once(text))
    }

    #[test]
    fn languages() {
        assert_eq!(
            detect_one("We are what we do in the world").as_deref(),
            Some("en")
        );
        assert_eq!(detect_one("我们必须加强合作").as_deref(), Some("zh"));
        assert_eq!(
            detect_one("協力を強化しなければならない").as_deref(),
            Some("ja")
        );
        assert_eq!(detect_one("우리는 협력해야 합니다").as_deref(), Some("ko"));
        assert_eq!(detect_one("Sustainable energy policy"), None);
        assert_eq!(detect_one("12 345 —"), None);
    }

    #[test]
    fn cjk_wins_from_a_sixth_of_the_latin_letters() {
        // 2 Han, 12 Latin letters: 2 * 2 >= 12 / 3
        assert_eq!(detect_one("中国 and the others").as_deref(), Some("zh"));
        // 1 Han, 15 Latin letters: 1 * 2 < 15 / 3
        assert_eq!(detect_one("中 and the others too").as_deref(), Some("en"));
        // a twentieth of kana makes Han text Japanese
        let han = "中".repeat(19);
        assert_eq!(detect_one(&format!("{han}の")).as_deref(), Some("ja"));
        assert_eq!(detect_one(&format!("{han}中の")).as_deref(), Some("zh"));
    }

    #[test]
    fn script_ranges_at_their_edges() {
        let counted = |text: &str| {
            let mut letters = Letters::default();
            letters.count(text);
            letters
        };
        assert_eq!(
            counted("\u{3040}\u{30ff}\u{303f}\u{3100}"),
            Letters {
                kana: 2,
                ..Letters::default()
            }
        );
        assert_eq!(
            counted("\u{ac00}\u{d7af}\u{1100}\u{11ff}\u{3130}\u{318f}\u{d7b0}\u{3190}"),
            Letters {
                hangul: 6,
                ..Letters::default()
            }
        );
        assert_eq!(
            counted("\u{3400}\u{4dbf}\u{4e00}\u{9fff}\u{4dc0}\u{a000}"),
            Letters {
                han: 4,
                ..Letters::default()
            }
        );
        assert_eq!(
            counted("aZ é1"),
            Letters {
                latin: 2,
                ..Letters::default()
            }
        );
    }

    #[test]
    fn english_words_are_short() {
        // `has_english_word` passes longer words by
        assert!(ENGLISH_WORDS.iter().all(|w| w.len() <= 3));
    }

    #[test]
    fn english_words_are_whole_words_in_any_case() {
        assert!(has_english_word(b"The end"));
        assert!(has_english_word(b"all OF it"));
        assert!(has_english_word(b"you"));
        assert!(has_english_word("我们in中国".as_bytes()));
        assert!(!has_english_word(b"theory, tone, island, youth"));
        assert!(!has_english_word(b"Sustainable energy policy"));
        assert!(!has_english_word(b"xthe"));
        for n in 0..100 {
            let text = format!("{} we", "x".repeat(n));
            assert!(has_english_word(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn english_words_are_looked_for_in_a_sample_cut_between_words() {
        assert_eq!(english_sample(b"policy together", 9), b"policy ");
        assert_eq!(english_sample(b"policy together", 7), b"policy ");
        assert_eq!(english_sample(b"policy", 100), b"policy");
        let latin = "Sustainable energy policy. ".repeat(200);
        let late = format!("{latin}We are here.");
        assert_eq!(detect_one(&late), None);
        assert_eq!(
            detect(["Sustainable energy policy.", "We are here."].into_iter()).as_deref(),
            Some("en")
        );
    }
}
