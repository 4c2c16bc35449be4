//! Read counts, in the header or the footer, as pages print them.
//!
//! A read-count line is a **label and a number** (`已阅读人数: 427`,
//! `阅读 1,234`, `阅读量：1.2万`, `阅读次数:997`, `조회수 1,234`,
//! `조회 : 2,388`, `閲覧数：3,021`, `Views: 1.2k`), a **number and a label**
//! (`1,234 views`, `3,021回閲覧`, `2,388회 조회`), or a **bare count with a
//! multiplier** (`10万+`, `9.92만`, `100k+`), which no other kind of line
//! looks like.
//!
//! The number keeps its precision: digits as printed are exact; a
//! multiplier (`万` 10⁴, `만` 10⁴, `k` 10³, `M` 10⁶, `亿`/`억` 10⁸) means the
//! page rounded (`1.2万` is 12000); a trailing `+` means a lower bound
//! (`10万+` is at least 100000). A large unit may be followed by the rest
//! of the count (`1만2000` is 12000, exact; `3억5000만` is 350000000,
//! rounded as its last part).

use crate::model::Precision;
use crate::read::text::words::Words;

/// A read count as the page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadCount {
    /// The count as an integer (rounded, or the lower bound).
    pub value: u64,
    /// How exact `value` is.
    pub precision: Precision,
}

/// Labels printed before the count, longest first so that `阅读量` wins
/// over `阅读`. Latin labels match case-insensitively.
pub(crate) const PREFIX_LABELS: Words = Words::new(&[
    "已阅读人数",
    "阅读人数",
    "阅读次数",
    "阅读量",
    "阅读数",
    "閱讀次數",
    "閱讀數",
    "浏览次数",
    "浏览量",
    "点击量",
    "點擊數",
    "閲覧数",
    "閲覧回数",
    "조회수",
    "阅读",
    "閱讀",
    "浏览",
    "点击",
    "閲覧",
    "조회",
    "page views",
    "pageviews",
    "views",
    "reads",
    "hits",
    "viewed",
]);

/// Labels printed after the count (`1,234 views`, `3,021回閲覧`).
const SUFFIX_LABELS: &[&str] = &[
    "人已阅读",
    "人阅读",
    "次阅读",
    "次浏览",
    "阅读",
    "回閲覧",
    "閲覧",
    "회 조회",
    "조회",
    "views",
    "reads",
    "hits",
];

/// Units a page may print right after the number (`997次`, `2,388회`).
const UNITS: &[&str] = &["次", "回", "회", "人", "명", "times"];

/// Whether `text` holds an ASCII digit (`|` over the whole text, not
/// `any`: no branch a byte; most lines hold none).
fn has_digit(text: &str) -> bool {
    text.bytes()
        .fold(false, |found, b| found | b.is_ascii_digit())
}

/// Parses a whole line as a read count; see the module documentation for
/// the forms.
pub fn parse_read_count(text: &str) -> Option<ReadCount> {
    // every count has an ASCII digit (see `parse_count`): prose without
    // one is done before any label is looked for
    if !has_digit(text) {
        return None;
    }
    let text = text.trim();
    if let Some(rest) = strip_label(text, &PREFIX_LABELS) {
        let rest = rest.trim_start();
        let rest = rest.strip_prefix([':', '：']).unwrap_or(rest).trim_start();
        // `Views: 1.2k` but not `阅读使我快乐`
        return parse_count(strip_unit(rest));
    }
    for label in SUFFIX_LABELS {
        if let Some(number) = strip_suffix_ci(text, label) {
            let number = number.trim_end();
            if let Some(count) = parse_count(strip_unit(number)) {
                return Some(count);
            }
        }
    }
    // a bare count needs a multiplier: `10万+`, `9.92만`, `100k+`
    let count = parse_count(text)?;
    let has_multiplier = text
        .trim_end_matches('+')
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_ascii_digit());
    has_multiplier.then_some(count)
}

/// A read count inside a line rather than the whole of it: a prefix label
/// and its number between other text (`2013-05-02 | 浏览 12486 次 | 评论
/// 3`, `…09:42조회 : 1,906`), the number ending where the text or a
/// separator does, or at a unit. `需浏览 18分钟` (a reading time) and
/// `被引量 : 0次` are no counts: the first's number runs into a word, the
/// second's label is none of these. The range is the label and number.
pub fn find_in(text: &str) -> Option<(std::ops::Range<usize>, ReadCount)> {
    if !has_digit(text) {
        return None;
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None;
    }
    PREFIX_LABELS.as_list().iter().find_map(|label| {
        lower.match_indices(label).find_map(|(at, _)| {
            // a Latin label is a whole word
            let before = text[..at].chars().next_back();
            if label.is_ascii() && before.is_some_and(char::is_alphanumeric) {
                return None;
            }
            let rest = strip_label(&text[at..], &PREFIX_LABELS)?;
            let rest = rest.trim_start();
            let rest = rest.strip_prefix([':', '：']).unwrap_or(rest).trim_start();
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    !(c.is_ascii_digit()
                        || matches!(c, ',' | '.' | '万' | '萬' | '만' | '+' | 'k' | 'K'))
                })
                .map_or(rest.len(), |(i, _)| i);
            let (number, after) = rest.split_at(end);
            let after = UNITS
                .iter()
                .find_map(|u| after.trim_start().strip_prefix(u))
                .unwrap_or(after);
            let ends = after.is_empty()
                || after.starts_with(|c: char| {
                    c.is_whitespace()
                        || matches!(
                            c,
                            '|' | '｜' | '丨' | ',' | '，' | ')' | '）' | ']' | '】' | '·' | '/'
                        )
                });
            let count = parse_count(number.trim_end_matches(['.', ',']))?;
            let stop = text.len() - after.len();
            ends.then_some((at..stop, count))
        })
    })
}

/// `label` at the start of `text` (case-insensitive for ASCII), followed by
/// something that is not a letter of the same word.
fn strip_label<'a>(text: &'a str, labels: &Words) -> Option<&'a str> {
    labels.openers(text).find_map(|label| {
        let rest = &text[label.len()..];
        let ascii_word = label.is_ascii() && rest.starts_with(|c: char| c.is_ascii_alphabetic());
        (!ascii_word).then_some(rest)
    })
}

fn strip_suffix_ci<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..at])
}

/// `997次` → `997`; `1.2万次` → `1.2万`.
fn strip_unit(text: &str) -> &str {
    let text = text.trim_end();
    UNITS
        .iter()
        .find_map(|unit| text.strip_suffix(unit))
        .map_or(text, str::trim_end)
}

/// `427`, `1,234`, `1.2万`, `9.92만`, `10万+`, `1.2k`, `100k+` → a count.
pub fn parse_count(text: &str) -> Option<ReadCount> {
    let text = text.trim();
    let (text, at_least) = match text.strip_suffix(['+', '＋']) {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    if let Some(count) = compound(text, at_least) {
        return count;
    }
    let (number, multiplier) = match text.char_indices().last() {
        Some((i, '万' | '萬' | '만')) => (&text[..i], 10_000u64),
        Some((i, '千' | '천' | 'k' | 'K')) => (&text[..i], 1_000),
        Some((i, 'm' | 'M')) => (&text[..i], 1_000_000),
        Some((i, '亿' | '億' | '억')) => (&text[..i], 100_000_000),
        _ => (text, 1),
    };
    let number = number.trim_end();
    if !number.chars().next()?.is_ascii_digit() {
        return None;
    }
    let digits: String = number.chars().filter(|&c| c != ',').collect();
    if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') || digits.matches('.').count() > 1 {
        return None;
    }
    if number.contains(',') && !well_grouped(number) {
        return None;
    }
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    if whole.is_empty() {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let mut value = whole.checked_mul(multiplier)?;
    if !fraction.is_empty() {
        if multiplier == 1 {
            return None;
        }
        let scale = 10u64.checked_pow(u32::try_from(fraction.len()).ok()?)?;
        let fraction: u64 = fraction.parse().ok()?;
        value = value.checked_add(fraction.checked_mul(multiplier)? / scale)?;
    }
    let precision = if at_least {
        Precision::AtLeast
    } else if multiplier > 1 {
        Precision::Rounded
    } else {
        Precision::Exact
    };
    Some(ReadCount { value, precision })
}

/// `1만2000`, `3억5000만`, `1万2千`: a whole number of a large unit (10⁴,
/// 10⁸), then the rest of the count, below that unit; `None` when `text`
/// is not written so, `Some(None)` when it is but is no count.
fn compound(text: &str, at_least: bool) -> Option<Option<ReadCount>> {
    let (at, unit) = text.char_indices().find_map(|(i, c)| {
        let unit = match c {
            '万' | '萬' | '만' => 10_000u64,
            '亿' | '億' | '억' => 100_000_000,
            _ => return None,
        };
        let end = i + c.len_utf8();
        (end < text.len()).then_some((end, unit))
    })?;
    let (high, low) = text.split_at(at);
    if high.contains('.') {
        return Some(None);
    }
    let (Some(high), Some(low)) = (parse_count(high), parse_count(low)) else {
        return Some(None);
    };
    if low.value >= unit || low.precision == Precision::AtLeast {
        return Some(None);
    }
    let precision = if at_least {
        Precision::AtLeast
    } else {
        low.precision
    };
    Some(
        high.value
            .checked_add(low.value)
            .map(|value| ReadCount { value, precision }),
    )
}

/// `1,234,567` is grouped by threes; `12,34` is not a number.
fn well_grouped(number: &str) -> bool {
    let int = number.split('.').next().unwrap_or(number);
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str) -> Option<(u64, Precision)> {
        parse_read_count(text).map(|c| (c.value, c.precision))
    }

    #[test]
    fn every_listed_form() {
        use Precision::*;
        assert_eq!(c("已阅读人数: 427"), Some((427, Exact)));
        assert_eq!(c("阅读 1,234"), Some((1234, Exact)));
        assert_eq!(c("阅读量：1.2万"), Some((12000, Rounded)));
        assert_eq!(c("10万+"), Some((100_000, AtLeast)));
        assert_eq!(c("阅读 10万+"), Some((100_000, AtLeast)));
        assert_eq!(c("阅读次数:997"), Some((997, Exact)));
        assert_eq!(c("조회수 1,234"), Some((1234, Exact)));
        assert_eq!(c("조회 : 2,388"), Some((2388, Exact)));
        assert_eq!(c("9.92만"), Some((99200, Rounded)));
        assert_eq!(c("조회 1만2000"), Some((12000, Exact)));
        assert_eq!(c("阅读 1万2千"), Some((12000, Rounded)));
        assert_eq!(c("조회수 3억5000만"), Some((350_000_000, Rounded)));
        assert_eq!(c("阅读 1万2345+"), Some((12345, AtLeast)));
        // the rest must be below the unit, the unit's count whole
        assert_eq!(c("阅读 1万20000"), None);
        assert_eq!(c("阅读 1.5万2000"), None);
        assert_eq!(c("阅读 1万2万"), None);
        assert_eq!(c("閲覧数：3,021"), Some((3021, Exact)));
        assert_eq!(c("Views: 1.2k"), Some((1200, Rounded)));
        assert_eq!(c("100k+"), Some((100_000, AtLeast)));
    }

    #[test]
    fn number_first_and_units() {
        use Precision::*;
        assert_eq!(c("1,234 views"), Some((1234, Exact)));
        assert_eq!(c("3,021回閲覧"), Some((3021, Exact)));
        assert_eq!(c("阅读 997次"), Some((997, Exact)));
        assert_eq!(c("조회 2,388회"), Some((2388, Exact)));
        assert_eq!(c("VIEWS 12"), Some((12, Exact)));
    }

    #[test]
    fn counts_inside_lines() {
        fn found(text: &str) -> Option<(&str, u64)> {
            find_in(text).map(|(r, c)| (&text[r], c.value))
        }
        assert_eq!(
            found("2013-05-02 | 浏览 12486 次 | 评论 3"),
            Some(("浏览 12486 次", 12486))
        );
        assert_eq!(
            found("2019.03.08 09:42조회 : 1,906"),
            Some(("조회 : 1,906", 1906))
        );
        assert_eq!(found("Posted May 2 · 1,234 reads"), None);
        assert_eq!(
            found("Posted May 2 · Views: 1,234"),
            Some(("Views: 1,234", 1234))
        );
        for none in [
            "共 8712字,需浏览 18分钟",
            "被引量 : 0次",
            "reviews 12",
            "阅读使我快乐",
        ] {
            assert_eq!(found(none), None, "{none}");
        }
    }

    #[test]
    fn near_misses_are_not_counts() {
        assert_eq!(c("阅读使我快乐"), None);
        assert_eq!(c("阅读 12,34"), None);
        assert_eq!(c("427"), None);
        assert_eq!(c("Viewsonic 12"), None);
        assert_eq!(c("已阅读人数: 99999999999999999999"), None);
        assert_eq!(c("Views: .5k"), None);
        assert_eq!(c("k+"), None);
    }
}
