//! Read counts, in the header or the footer, as pages print them.
//!
//! A read-count line is a **label and a number** (`已阅读人数: 427`,
//! `阅读 1,234`, `阅读量：1.2万`, `阅读次数:997`, `點閱數：1,234`,
//! `瀏覽人次：5,678`, `조회수 1,234`, `조회 수 1,728`, `閲覧数：3,021`,
//! `読まれた回数: 1,234`, `Views: 1.2k`, the number in brackets too:
//! `点击:[ 842 ]`), a **number and a label** (`1,234 views`, `3,021回閲覧`,
//! `2,388회 조회`, `已有1234人阅读`, `Read 1,234 times`), or a **bare count
//! with a multiplier** (`10万+`, `9.92만`, `100k+`), which no other kind of
//! line looks like.
//!
//! A count may also stand inside a line of the page's metadata, where its
//! label opens a field ([`find_in`]); a count field with no count is left
//! unread and flagged ([`find_unread`]); the page's count is the first
//! count line, or else one found inside a line, flagged as doubtful.
//!
//! The number keeps its precision: digits as printed are exact; a
//! multiplier (`万` 10⁴, `만` 10⁴, `k` 10³, `M` 10⁶, `亿`/`억` 10⁸) means the
//! page rounded (`1.2万` is 12000); a trailing `+` means a lower bound
//! (`10万+` is at least 100000). A large unit may be followed by the rest
//! of the count (`1만2000` is 12000, exact; `3억5000만` is 350000000,
//! rounded as its last part).

use super::words::Words;
use crate::model::Precision;

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
    "閱讀人數",
    "閱讀次數",
    "閱讀數",
    "閱讀量",
    "浏览人次",
    "浏览次数",
    "浏览量",
    "浏览数",
    "瀏覽人次",
    "瀏覽次數",
    "瀏覽數",
    "瀏覽量",
    "点击次数",
    "点击量",
    "点击数",
    "點擊次數",
    "點擊數",
    "點擊量",
    "點閱次數",
    "點閱數",
    "點閱率",
    "被阅读",
    "被浏览",
    "閲覧回数",
    "閲覧数",
    "読まれた回数",
    "閲覧",
    "조회수",
    "조회 수",
    "阅读",
    "閱讀",
    "浏览",
    "瀏覽",
    "点击",
    "點擊",
    "點閱",
    "人气",
    "人氣",
    "조회",
    "page views",
    "pageviews",
    "views",
    "reads",
    "hits",
    "hit",
    "viewed",
]);

/// Labels printed after the count (`1,234 views`, `3,021回閲覧`).
const SUFFIX_LABELS: &[&str] = &[
    "人已阅读",
    "人阅读",
    "人閱讀",
    "次阅读",
    "次閱讀",
    "次浏览",
    "次瀏覽",
    "人次浏览",
    "人次瀏覽",
    "次点击",
    "次點擊",
    "阅读",
    "閱讀",
    "回閲覧",
    "閲覧",
    "회 조회",
    "회 읽음",
    "조회",
    "views",
    "reads",
    "hits",
    "pv",
];

/// Units a page may print right after the number (`997次`, `2,388회`).
const UNITS: &[&str] = &["人次", "次", "回", "회", "人", "명", "times"];

/// Words that may open a number-first count: `已有1234人阅读`, `共 1,234
/// 次浏览`.
const LEADS: &[&str] = &["已有", "共有", "共", "已"];

/// `Read 1,234 times`, `Viewed 1,234 times`, `Seen 12 times`: a verb, the
/// count, and `times`, which a sentence (`Read 1984.`) lacks.
const TIMES_VERBS: &[&str] = &["read", "viewed", "seen", "opened"];

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
        // `Views: 1.2k`, `点击:[ 842 ]` but not `阅读使我快乐`
        return parse_count(strip_unit(unbracket(strip_colon(rest))));
    }
    for label in SUFFIX_LABELS {
        if let Some(number) = strip_suffix_ci(text, label) {
            let number = number.trim_end();
            // `已有1234人阅读`
            let number = LEADS
                .iter()
                .find_map(|lead| number.strip_prefix(lead))
                .unwrap_or(number)
                .trim_start();
            if let Some(count) = parse_count(strip_unit(number)) {
                return Some(count);
            }
        }
    }
    if let Some(count) = times(text) {
        return Some(count);
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
/// 3`, `…09:42조회 : 1,906`, `作者:王芳 点击:[ 842 ] 发布:2024-05-02`), the
/// label opening a field (not `文章阅读 10万+` inside a sentence), the
/// number ending where the text or a separator does, or at a unit.
/// `需浏览 18分钟` (a reading time) and `被引量 : 0次` are no counts: the
/// first's number runs into a word, the second's label is none of these.
/// The range is the label and number.
pub fn find_in(text: &str) -> Option<(std::ops::Range<usize>, ReadCount)> {
    if !has_digit(text) {
        return None;
    }
    labelled_fields(text)
        .find_map(|(at, label)| {
            let rest = &text[at + label.len()..];
            let (value, after) = field_value(rest);
            let count = parse_count(value)?;
            let ends = after.is_empty() || after.starts_with(is_field_end);
            let stop = text.len() - after.len();
            ends.then_some((at..stop, count))
        })
        .or_else(|| number_first_in(text, is_meta_line(text), true))
}

/// Whether `text` is a line of a page's metadata rather than a sentence:
/// fields between separators (`Posted May 2 · 1,234 reads`, `2024-05-02 |
/// 1,234 views`), no sentence's end.
fn is_meta_line(text: &str) -> bool {
    text.contains(['·', '•', '|', '｜', '丨']) && !super::chars::ends_sentence(text)
}

/// A number-first count inside a line, its label in a CJK script:
/// `已有 3872 次阅读 2011-5-18 21:07 |个人分类:…`, `… | 1,234회 조회 |
/// …`; a Latin one (`Posted May 2 · 1,234 reads`) only when `latin` (on a
/// metadata line: prose counts things so). With `field_start`, the number
/// (or its lead) opens a field, not a sentence's word.
fn number_first_in(
    text: &str,
    latin: bool,
    field_start: bool,
) -> Option<(std::ops::Range<usize>, ReadCount)> {
    let starts = text.char_indices().filter(|&(at, c)| {
        c.is_ascii_digit()
            && text[..at]
                .chars()
                .next_back()
                .is_none_or(|b| !b.is_ascii_digit() && b != ',' && b != '.')
    });
    for (at, _) in starts {
        // the field opens at the number, or at a lead before it (`已有`)
        let before = text[..at].trim_end();
        let lead = LEADS.iter().find(|l| before.ends_with(*l));
        let open = lead.map_or(before, |l| &before[..before.len() - l.len()]);
        if field_start
            && open.chars().next_back().is_some_and(|b| {
                super::chars::is_cjk_letter(b) || b.is_alphanumeric() && !b.is_ascii_digit()
            })
        {
            continue;
        }
        let rest = &text[at..];
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_ascii_digit()
                    || matches!(c, ',' | '.' | '万' | '萬' | '만' | '+' | 'k' | 'K' | 'M'))
            })
            .map_or(rest.len(), |(i, _)| i);
        let (number, after) = rest.split_at(end);
        let after = after.trim_start();
        let Some(label) = SUFFIX_LABELS.iter().find(|l| {
            let head = after.get(..l.len());
            if l.is_ascii() {
                // a whole word: `1,234 views`, not `12 viewsonic`
                latin
                    && head.is_some_and(|h| h.eq_ignore_ascii_case(l))
                    && !after[l.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
            } else {
                head == Some(**l)
            }
        }) else {
            continue;
        };
        let after = &after[label.len()..];
        if !(after.is_empty() || after.starts_with(is_field_end)) {
            continue;
        }
        let Some(count) = parse_count(number) else {
            continue;
        };
        let start = lead.map_or(at, |l| before.len() - l.len());
        return Some((start..text.len() - after.len(), count));
    }
    None
}

/// A read-count field left unread: its label, then no count (`浏览量:`
/// before the next field, `人氣` with its number missing, `阅读：--`,
/// `Views: {{count}}`), or one that is no number (`阅读 12,34`); or a
/// count in a sentence (`It had 1,234 views by noon.`). The range is the
/// label and what follows it in the field.
pub fn find_unread(text: &str) -> Option<std::ops::Range<usize>> {
    // `It had 1,234 views by noon.`: a count in a sentence, not read
    if !is_meta_line(text)
        && let Some((range, _)) = number_first_in(text, true, false)
    {
        return Some(range);
    }
    labelled_fields(text).find_map(|(at, label)| {
        let rest = &text[at + label.len()..];
        let colon = rest.trim_start().starts_with([':', '：']);
        let (value, after) = field_value(rest);
        if parse_count(value).is_some() {
            return None;
        }
        // `浏览量: 浏览字号:`: the next field's key, not a value; the field
        // is the label and its colon
        if colon && value.ends_with([':', '：']) && rest.trim_start().len() > value.len() {
            let colon_end = rest
                .char_indices()
                .find(|&(_, c)| matches!(c, ':' | '：'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            return Some(at..at + label.len() + colon_end);
        }
        // a placeholder has no letters; a template's braces hold a name
        let placeholder = value.chars().all(|c| !c.is_alphabetic())
            || value.starts_with(['{', '<', '$'])
            || ["加载中", "載入中", "loading"]
                .iter()
                .any(|w| value.contains(w));
        let field_ends = after.is_empty() || after.starts_with(is_field_end);
        // the label alone, or before a colon or digits, names a field
        let named = colon
            || value.is_empty() && !label.is_ascii()
            || value.bytes().any(|b| b.is_ascii_digit());
        (named && placeholder && field_ends).then(|| at..text.len() - after.len())
    })
}

/// Where the labels of [`PREFIX_LABELS`] open a field in `text`: at its
/// start, or after a space, a digit or a mark (`…09:42조회`), not inside a
/// word (`文章阅读`, `reviews`), and whole (`阅读量`, not `阅读` in it).
fn labelled_fields(text: &str) -> impl Iterator<Item = (usize, &'static str)> + '_ {
    text.char_indices().filter_map(move |(at, c)| {
        let before = text[..at].chars().next_back();
        let word_inside = before.is_some_and(|b| {
            if c.is_ascii() {
                b.is_alphanumeric()
            } else {
                super::chars::is_cjk_letter(b) || b.is_alphabetic()
            }
        });
        if word_inside {
            return None;
        }
        let label = strip_label_at(&text[at..])?;
        Some((at, label))
    })
}

/// The label of [`PREFIX_LABELS`] opening `text`, not followed by a letter
/// of the same word.
fn strip_label_at(text: &str) -> Option<&'static str> {
    PREFIX_LABELS.openers(text).find(|label| {
        let rest = &text[label.len()..];
        let same_word = if label.is_ascii() {
            rest.starts_with(|c: char| c.is_ascii_alphabetic())
        } else {
            // `阅读` in `阅读使我快乐` runs into a word; `阅读：` or `阅读 12` does not
            rest.starts_with(|c: char| super::chars::is_cjk_letter(c))
                && !UNITS.iter().any(|u| rest.starts_with(u))
        };
        !same_word
    })
}

/// The value of a field after its label (a colon, brackets and a unit
/// taken off), and the text after it.
fn field_value(rest: &str) -> (&str, &str) {
    let rest = strip_colon(rest);
    let (open, rest) = match rest.strip_prefix(['[', '(', '（', '【', '［']) {
        Some(inner) => (true, inner.trim_start()),
        None => (false, rest),
    };
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit() || matches!(c, ',' | '.' | '万' | '萬' | '만' | '+' | 'k' | 'K'))
        })
        .map_or(rest.len(), |(i, _)| i);
    let (number, mut after) = rest.split_at(end);
    if open {
        let closed = after.trim_start();
        if let Some(close) = closed.strip_prefix([']', ')', '）', '】', '］']) {
            after = close;
        }
    }
    let after = UNITS
        .iter()
        .find_map(|u| after.trim_start().strip_prefix(u))
        .unwrap_or(after);
    let number = number.trim_end_matches(['.', ',']);
    if number.is_empty() {
        // no number: the field's value runs to the next separator
        let end = after.find(is_field_end).unwrap_or(after.len());
        return (after[..end].trim(), &after[end..]);
    }
    (number, after)
}

/// Whether `c` ends a field: a space or a separator.
fn is_field_end(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '｜'
                | '丨'
                | ','
                | '，'
                | ')'
                | '）'
                | ']'
                | '】'
                | '·'
                | '/'
                | '、'
                | ';'
                | '；'
        )
}

/// `Read 1,234 times`: see [`TIMES_VERBS`].
fn times(text: &str) -> Option<ReadCount> {
    let number = strip_suffix_ci(text, "times")?.trim_end();
    let (verb, number) = number.split_once(' ')?;
    if !TIMES_VERBS.iter().any(|v| verb.eq_ignore_ascii_case(v)) {
        return None;
    }
    parse_count(number)
}

/// The text after a label: a colon and spaces taken off (`: 1,234`,
/// `： 997`).
fn strip_colon(rest: &str) -> &str {
    let rest = rest.trim_start();
    rest.strip_prefix([':', '：']).unwrap_or(rest).trim_start()
}

/// A value in brackets, the brackets taken off: `[ 842 ]`, `(1,234)`,
/// `【997】`; other text as it is.
fn unbracket(value: &str) -> &str {
    const PAIRS: &[(char, char)] = &[
        ('[', ']'),
        ('(', ')'),
        ('（', '）'),
        ('【', '】'),
        ('［', '］'),
    ];
    let value = value.trim();
    PAIRS
        .iter()
        .find_map(|&(open, close)| value.strip_prefix(open)?.strip_suffix(close))
        .map_or(value, str::trim)
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
        // number first, Latin, on a metadata line only
        assert_eq!(
            found("Posted May 2 · 1,234 reads"),
            Some(("1,234 reads", 1234))
        );
        assert_eq!(found("It had 1,234 views by noon."), None);
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
    fn labels_of_many_sites() {
        use Precision::*;
        assert_eq!(c("点击:[ 842 ]"), Some((842, Exact)));
        assert_eq!(c("點閱數：1,234"), Some((1234, Exact)));
        assert_eq!(c("點擊次數：842"), Some((842, Exact)));
        assert_eq!(c("瀏覽人次：5,678"), Some((5678, Exact)));
        assert_eq!(c("浏览 1234 人次"), Some((1234, Exact)));
        assert_eq!(c("조회 수 1,728"), Some((1728, Exact)));
        assert_eq!(c("読まれた回数: 1,234"), Some((1234, Exact)));
        assert_eq!(c("阅读(1234)"), Some((1234, Exact)));
        assert_eq!(c("人氣：3,456"), Some((3456, Exact)));
        assert_eq!(c("Hits: 1234"), Some((1234, Exact)));
        assert_eq!(c("被阅读 1.2万 次"), Some((12000, Rounded)));
        assert_eq!(c("已有1234人阅读"), Some((1234, Exact)));
        assert_eq!(c("1,234 PV"), Some((1234, Exact)));
        assert_eq!(c("Read 1,234 times"), Some((1234, Exact)));
        assert_eq!(c("Viewed 12 times"), Some((12, Exact)));
        // a sentence is no count
        assert_eq!(c("Read 1984."), None);
        assert_eq!(c("Read 12 books, 3 times"), None);
    }

    #[test]
    fn counts_inside_fields_of_a_line() {
        fn found(text: &str) -> Option<(&str, u64)> {
            find_in(text).map(|(r, c)| (&text[r], c.value))
        }
        assert_eq!(
            found("作者:王芳 点击:[ 842 ] 发布:2024-05-02"),
            Some(("点击:[ 842 ]", 842))
        );
        assert_eq!(
            found("发布时间:2015/10/27  阅读次数:997"),
            Some(("阅读次数:997", 997))
        );
        assert_eq!(
            found("2011.12.07 조회수 1,728"),
            Some(("조회수 1,728", 1728))
        );
        assert_eq!(found("阅读 10万+ 在看 523"), Some(("阅读 10万+", 100_000)));
        // a label inside a sentence's word opens no field
        assert_eq!(found("这篇文章阅读 10万+，我很开心"), None);
        // number first, the label a CJK one
        assert_eq!(
            found("已有 3872 次阅读 2011-5-18 21:07 |个人分类:采访手记"),
            Some(("已有 3872 次阅读", 3872))
        );
        assert_eq!(
            found("2019.03.08 | 1,906회 조회 | 댓글 0"),
            Some(("1,906회 조회", 1906))
        );
        assert_eq!(found("我们种了 300 次阅读课"), None);
    }

    #[test]
    fn count_fields_left_unread() {
        fn unread(text: &str) -> Option<&str> {
            find_unread(text).map(|r| &text[r])
        }
        assert_eq!(
            unread("发布时间:2016-03-08 来源: 浏览量: 浏览字号:"),
            Some("浏览量:")
        );
        assert_eq!(unread("? 人氣"), Some("人氣"));
        assert_eq!(unread("阅读：--"), Some("阅读：--"));
        assert_eq!(unread("Views: {{count}}"), Some("Views: {{count}}"));
        assert_eq!(unread("阅读 12,34"), Some("阅读 12,34"));
        assert_eq!(unread("It had 1,234 views by noon."), Some("1,234 views"));
        for words in [
            "我喜欢阅读：",
            "阅读：每天一小时",
            "What are your views: left or right?",
            "阅读使我快乐",
            "阅读 1,234",
        ] {
            assert_eq!(unread(words), None, "{words}");
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
