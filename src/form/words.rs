//! Word lists the rules look words up in on every line (furniture words,
//! header keys, words that name no speaker), with a filter that turns away
//! most words not in a list before any comparison.
//!
//! A list's [`Shapes`] record, for each first byte, the lengths of its
//! words: a word whose first byte and length no word of the list has is not
//! in it. The first word of an ordinary sentence is mostly turned away by
//! that one look, where a scan of the list compares it with every entry.

/// For each first byte, the byte lengths of a list's words: bit `n` of
/// entry `b` says that a word of `n` bytes starts with `b` (bit 63: 63
/// bytes or more).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shapes([u64; 256]);

/// The bit of a word of `len` bytes.
const fn bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
}

impl Shapes {
    pub(crate) const EMPTY: Shapes = Shapes([0; 256]);

    /// These shapes and `word`'s.
    pub(crate) const fn with(mut self, word: &str) -> Shapes {
        if let [first, ..] = word.as_bytes() {
            self.0[*first as usize] |= bit(word.len());
        }
        self
    }

    /// Whether a word of the list may be `word` (the empty word never is).
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        word.as_bytes()
            .first()
            .is_some_and(|&first| self.0[usize::from(first)] & bit(word.len()) != 0)
    }

    /// Whether a word of the list may open `text`, ASCII letters compared
    /// without case (the list's words being lowercase).
    #[inline]
    pub(crate) fn may_open(&self, text: &str) -> bool {
        text.as_bytes()
            .first()
            .is_some_and(|&first| self.0[usize::from(first.to_ascii_lowercase())] != 0)
    }
}

/// A list of non-empty words, its [`Shapes`] and its longest word's length.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words {
    words: &'static [&'static str],
    shapes: Shapes,
    longest: usize,
}

impl Words {
    pub(crate) const fn new(words: &'static [&'static str]) -> Words {
        let mut shapes = Shapes::EMPTY;
        let mut longest = 0;
        let mut i = 0;
        while i < words.len() {
            shapes = shapes.with(words[i]);
            if words[i].len() > longest {
                longest = words[i].len();
            }
            i += 1;
        }
        Words {
            words,
            shapes,
            longest,
        }
    }

    /// Whether `word` is a word of the list.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.words.contains(&word)
    }

    /// The words of the list that open `text`, in the list's order, ASCII
    /// letters compared without case (the list's words being lowercase).
    pub(crate) fn openers<'t>(&self, text: &'t str) -> impl Iterator<Item = &'static str> + 't {
        let words = if self.shapes.may_open(text) {
            self.words
        } else {
            &[]
        };
        words.iter().copied().filter(move |word| {
            text.as_bytes()
                .get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
        })
    }

    /// Whether a word of the list opens `text` (see [`Words::openers`]).
    pub(crate) fn opens_caseless(&self, text: &str) -> bool {
        self.openers(text).next().is_some()
    }

    /// The byte length of the longest word.
    pub(crate) const fn longest(&self) -> usize {
        self.longest
    }

    /// The words, in the list's order.
    #[cfg(test)]
    pub(crate) const fn as_list(&self) -> &'static [&'static str] {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const LIST: Words = Words::new(&["share", "print", "微信", "a", "字体：", "x"]);

    proptest! {
        /// The filter turns nothing away that the list holds.
        #[test]
        fn lookups_are_the_plain_ones(
            word in "(share|print|微信|a|字体：|x|shar|sharee|Share|prin|b|微|)",
            tail in "[a-zA-Z微 ]{0,4}",
        ) {
            prop_assert_eq!(LIST.contains(&word), LIST.as_list().contains(&word.as_str()));
            let text = format!("{word}{tail}");
            let plain = LIST.as_list().iter().any(|w| {
                text.as_bytes().get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
            });
            prop_assert_eq!(LIST.opens_caseless(&text), plain);
        }
    }

    #[test]
    fn long_words_share_the_last_bit() {
        let long: &'static str = Box::leak("w".repeat(70).into_boxed_str());
        let list = Words::new(Box::leak(vec![long].into_boxed_slice()));
        assert!(list.contains(long));
        assert!(!list.contains(&"w".repeat(64)));
    }
}
