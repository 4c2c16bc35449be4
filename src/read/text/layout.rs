//! Pass 3: the layout, the reading of the whole page: which markers open
//! turns, which label-shaped prefixes really are speakers (they recur, are
//! declared as in `김예람(김):`, name someone in the header, or answer a
//! marked question), and who asks (a role or outlet label such as `记者`
//! or `中国网`, the header's `Interviewed by …`, else whoever ends turns
//! with question marks).

use std::collections::HashMap;

use super::classify::Page;
use crate::form::fields::{self, Entry, Field};
use crate::form::kind::Kind;
use crate::form::labels;
use crate::form::markers::{Rule, Side, asks};

/// Who a speaker label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Party {
    Interviewer,
    Interviewee,
}

/// The document's profile: which labels are speakers and on which side.
#[derive(Debug, Default, Clone)]
pub(crate) struct Profile {
    /// Accepted labels and their side.
    pub parties: HashMap<String, Party>,
    /// Labels the header names as the interviewer's (`Jane Doe(JD):` under
    /// `Interviewed by Jane Doe`): they ask, whatever the reading.
    pub header_interviewers: Vec<String>,
    /// Full names declared for labels (`김예람(김)`).
    pub declared: HashMap<String, String>,
    /// Labels in order of first appearance.
    pub order: Vec<String>,
    /// Whether dash questions (`――`) count as markers.
    pub dashes: bool,
    /// Whether questions are marked (`Q:`, `问：`, `――`), not only labelled.
    pub questions_marked: bool,
    /// Whether any answer is marked (by `A:` or a label), so that an
    /// unmarked line after a question continues the question.
    pub answers_marked: bool,
    /// Whether markers are read as plain text (a reading by labels or by
    /// shape alone).
    pub ignore_markers: bool,
    /// What else opens a question: see [`Opener`].
    pub opener: Opener,
    /// Labels alone on their line (`記者`, `[인터뷰]`, `──`), the text on
    /// the next lines, by [`bare_key`], and their side.
    pub bare: HashMap<String, Party>,
    /// Names that open a line and a space (`宇賀神 つくっています。`), and
    /// their side: see [`spaced_label`].
    pub spaced: HashMap<String, Party>,
    /// Whether questions are the unmarked lines before marked answers
    /// (only answers are labelled): an unmarked line after an answer's
    /// first paragraph opens the next question.
    pub questions_unmarked: bool,
    /// Questions listed together before answers numbered after them (a
    /// street interview): see [`Listed`].
    pub listed: Option<Listed>,
    /// Whether a line opening with a quote opens an answer (see
    /// [`opens_quoted`]); the unmarked line before it is its question.
    pub quoted_answers: bool,
}

/// **Quoted answer rule**: a line quoted whole (`「父の工房を…」`,
/// `“Mostly luck.”`) where the page quotes its answers and leaves its
/// questions bare:
///
/// ```text
/// これからの目標を教えてください。
/// 「修理の仕事をもっと増やしたいですね。」
/// ```
pub(crate) fn opens_quoted(text: &str) -> bool {
    let end = text.trim_end_matches(['。', '.']);
    [('「', '」'), ('『', '』'), ('“', '”')]
        .iter()
        .any(|&(open, close)| {
            text.starts_with(open)
                && end.ends_with(close)
                && text.chars().count() >= 3
                && text.matches(close).count() == 1
        })
}

/// Questions listed together, then each person's answers numbered after
/// them, `1.` answering the first question:
///
/// ```text
/// Q1. 休日はどう過ごしていますか？
/// Q2. 最近始めたことはありますか？
/// 会社員の男性（30代）
/// 1. 子どもと公園に行くことが多いです。
/// 2. 朝のランニングを始めました。
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Listed {
    /// The lines of the list.
    pub lines: std::ops::Range<usize>,
    /// The questions' texts, in order.
    pub questions: Vec<String>,
}

/// The key of a line that is a label alone (`記者`, `【市長】`, `[인터뷰]`,
/// `ほしの:`), or [`BARE_DASH`] for a line of two to four dashes (`──`):
/// the text with brackets and a closing colon removed, when it is short.
pub(crate) fn bare_key(text: &str) -> Option<&str> {
    // 24 characters, brackets and a colon take 110 bytes at most
    if text.len() > 110 {
        return None;
    }
    if (2..=4).contains(&text.chars().count())
        && text
            .chars()
            .all(|c| matches!(c, '―' | '—' | '─' | '－' | '-' | '━'))
    {
        return Some(BARE_DASH);
    }
    let inner = crate::form::markers::bracketed(text)
        .filter(|&(_, after)| after == text.len())
        .map_or(text, |(inner, _)| inner);
    let key = inner.trim_end_matches(crate::form::markers::COLONS).trim();
    let short = key.chars().count() <= 24 && key.split_whitespace().count() <= 4;
    let sentence = key.ends_with(['.', '。', '?', '？', '!', '！', '、', ',']);
    (short && !key.is_empty() && !sentence).then_some(key)
}

/// **Spaced label rule**: a short name in Han or kana (one to five
/// letters) and a space open the line, and text follows:
/// `宇賀神 つくっています。` → (`宇賀神`, `つくっています。`), `野々村 ベスト4です。`; a
/// quote may set the name off too, and words quoted whole lose their
/// brackets: `木島町長 「ありますね。」`, `カイ「そうです」` → (`カイ`, `そうです`).
/// Japanese and Chinese prose has no spaces, so the space sets a name off;
/// Korean prose has, so there a name or title (up to eight letters) needs
/// the quote after its space: `교장선생님 “교실에서 배운 …”` → (`교장선생님`,
/// `교실에서 배운 …`). Whether the name is a speaker is for the page to say
/// (it recurs).
pub(crate) fn spaced_label(text: &str) -> Option<(&str, &str)> {
    // the name's first letter opens the line
    if !text.starts_with(crate::form::chars::is_cjk_letter) {
        return None;
    }
    let (name, rest) = match text.split_once([' ', '\u{3000}']) {
        Some(split) => split,
        // `カイ「そうです」`: the quote sets the name off
        None => text.split_at(text.find('「')?),
    };
    let letters = name.chars().count();
    let hangul = |c: char| ('\u{ac00}'..='\u{d7af}').contains(&c);
    // `々` repeats the Han letter before it (`野々村`)
    let han_or_kana = name
        .chars()
        .all(|c| (crate::form::chars::is_cjk_letter(c) || c == '々') && !hangul(c));
    let rest = rest.trim_start();
    let korean =
        rest.starts_with(['「', '“']) && (1..=8).contains(&letters) && name.chars().all(hangul);
    // the words quoted whole: `木島町長 「特別なことは…」`, `교장선생님 “…”`
    let rest = [('「', '」'), ('“', '”')]
        .iter()
        .find_map(|&(open, close)| {
            let inner = rest.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close])).then(|| inner.trim())
        })
        .unwrap_or(rest);
    let japanese = (1..=5).contains(&letters) && han_or_kana;
    ((japanese || korean) && !rest.is_empty()).then_some((name, rest))
}

/// The key of a line of dashes alone (`──`): the interviewer's turn.
pub(crate) const BARE_DASH: &str = "──";

/// A question that no marker or speaker label opens, known by the line's
/// form alone.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    /// Only markers and labels open turns.
    #[default]
    None,
    /// A short line that asks opens a question: see [`question_shaped`].
    Shape,
    /// A line led by this symbol opens a question (`◇`, `■`, `▶`, `-`,
    /// `ー`): see [`led_by`].
    Lead(char),
    /// A numbered line opens a question (`1. …`, `2) …`): see
    /// [`numbered`].
    Numbered,
    /// A line holds a short question and its answer: see [`same_line`].
    SameLine,
}

impl Opener {
    /// The question's text when `text`, a line, opens one.
    pub fn question(self, text: &str) -> Option<&str> {
        match self {
            Opener::None => None,
            // a number before a question known by shape is no part of it,
            // nor a reader's signature after it
            Opener::Shape => question_shaped(text).then(|| {
                let text = signed_by_reader(text).unwrap_or(text);
                numbered(text).unwrap_or(text)
            }),
            Opener::Lead(symbol) => led_by(text, symbol),
            Opener::Numbered => numbered(text),
            Opener::SameLine => same_line(text).map(|(question, _)| question),
        }
    }

    /// The answer on the line of a question it opened, if any.
    pub fn answer_on_line(self, text: &str) -> Option<&str> {
        match self {
            Opener::SameLine => same_line(text).map(|(_, answer)| answer),
            _ => None,
        }
    }
}

/// Lines no longer than this (in characters) may be questions known by
/// shape; answers run longer.
const SHAPE_QUESTION_CHARS: usize = 120;

/// **Shape rule**: a short line that asks, as in a column with no markers:
///
/// ```text
/// Most useful piece of advice?
/// An old site manager told me …
/// ```
///
/// The line ends in `?`, `？`, `까요`, `ですか` (see [`asks`]) and holds at
/// most [`SHAPE_QUESTION_CHARS`] characters, half as many when CJK.
pub(crate) fn question_shaped(text: &str) -> bool {
    if let Some(asked) = signed_by_reader(text) {
        // a reader's question signed with name and place may run longer
        return asked.chars().count() <= 2 * SHAPE_QUESTION_CHARS;
    }
    if !asks(text) {
        return false;
    }
    let chars = text.chars().count();
    let wide = text
        .chars()
        .filter(|&c| crate::form::chars::is_cjk_letter(c))
        .count();
    let limit = if wide * 2 > chars {
        SHAPE_QUESTION_CHARS / 2
    } else {
        SHAPE_QUESTION_CHARS
    };
    chars <= limit
}

/// **Reader's signature rule**: a reader's question signed after its
/// question mark with a name and a place, commas between:
/// `Do sleep trackers help? Kenji Watanabe, Osaka, Japan` → the question,
/// `Do sleep trackers help?`. The signature is a few capitalised words.
pub(crate) fn signed_by_reader(text: &str) -> Option<&str> {
    let at = text.rfind("? ")?;
    let (asked, signature) = (&text[..=at], text[at + 2..].trim());
    let words: Vec<&str> = signature.split_whitespace().collect();
    let signed = signature.contains(',')
        && (2..=8).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !signature.contains(['?', '!', ';', ':'])
        && !signature.trim_end_matches('.').contains(". ");
    signed.then_some(asked)
}

/// **Lead rule**: `symbol` opens the line and text follows it, as in
/// `◇その後どうなりましたか` or `-자기 소개 부탁드립니다.`; the text after
/// the symbol is the question. A run of the symbol (`◇◆◇`, `---`) is an
/// ornament, not a lead.
pub(crate) fn led_by(text: &str, symbol: char) -> Option<&str> {
    let rest = text.strip_prefix(symbol)?.trim_start();
    let next = rest.chars().next()?;
    let ornament = next == symbol || LEAD_SYMBOLS.contains(&next);
    (!ornament).then_some(rest)
}

/// **Number rule**: a number of one to three digits and `.`, `)`, `、` or
/// a space opens the line, and text follows: `7. What do you take on a
/// trip?`, `4 あなたの職業は?`; the text after the number is the question.
/// `1.5 million` and `2024.` are no numbered lines (and a reading by
/// numbers wants them to count up: see the readings).
pub(crate) fn numbered(text: &str) -> Option<&str> {
    let digits = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))
        .map(|(i, _)| i)?;
    let count = text[..digits].chars().count();
    if !(1..=3).contains(&count) {
        return None;
    }
    let rest = &text[digits..];
    let delimiter = rest.chars().next()?;
    if !matches!(delimiter, '.' | '．' | ')' | '）' | '、' | ' ' | '\u{3000}') {
        return None;
    }
    let body = rest[delimiter.len_utf8()..].trim_start();
    let next = body.chars().next()?;
    (!next.is_ascii_digit() && !next.is_ascii_punctuation()).then_some(body)
}

/// **Same-line rule**: a short question and its answer on one line, only
/// the question mark and a space between them:
///
/// ```text
/// What's your best tip for a leader? Stay yourself. Pretending never works.
/// ```
///
/// → (`What's your best tip for a leader?`, `Stay yourself. …`). The
/// question is the line's first sentence and holds at most
/// [`SHAPE_QUESTION_CHARS`] characters (half as many when CJK, where `？`
/// needs no space after it).
pub(crate) fn same_line(text: &str) -> Option<(&str, &str)> {
    let end = text.find(['?', '？', '.', '。', '!', '！'])?;
    let mark = text[end..].chars().next()?;
    if !matches!(mark, '?' | '？') {
        return None;
    }
    let question = &text[..end + mark.len_utf8()];
    let rest = &text[end + mark.len_utf8()..];
    let answer = rest.trim_start();
    let spaced = answer.len() < rest.len() || mark == '？';
    let fits = question_shaped(question);
    (spaced && fits && !answer.is_empty()).then_some((question, answer))
}

/// **Marked same-line rule**: a marked question's text that holds its
/// answer too, the question its first sentence: `처음 가마에 불을 넣던 날.
/// 대학 졸업 작품전 사흘 전이었어요.` → (`처음 가마에 불을 넣던 날.`, `대학
/// …`). The marker says it asks, so any sentence end will do; the
/// question holds at most [`SHAPE_QUESTION_CHARS`] characters (half as
/// many when CJK).
pub(crate) fn marked_same_line(text: &str) -> Option<(&str, &str)> {
    let at = crate::form::markers::sentence_starts(text)
        .into_iter()
        .next()?;
    let (question, answer) = (text[..at].trim_end(), text[at..].trim_start());
    let cjk = question
        .chars()
        .filter(|&c| crate::form::chars::is_cjk_letter(c))
        .count();
    let chars = question.chars().count();
    let limit = if cjk * 2 > chars {
        SHAPE_QUESTION_CHARS / 2
    } else {
        SHAPE_QUESTION_CHARS
    };
    (chars <= limit && !answer.is_empty()).then_some((question, answer))
}

/// The number of a numbered line (see [`numbered`]).
pub(crate) fn number_of(text: &str) -> Option<u32> {
    numbered(text)?;
    let mut number = 0u32;
    for c in text.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        number = number * 10 + digit;
    }
    Some(number)
}

/// Symbols that lead question lines on some pages.
pub(crate) const LEAD_SYMBOLS: &[char] = &[
    '◇', '◆', '■', '□', '▶', '▷', '►', '▲', '△', '●', '○', '◎', '★', '☆', '・', '•', '-', '－',
    'ー', '–', '＊', '*', '#', '>',
];

impl Profile {
    pub fn party(&self, label: &str) -> Option<Party> {
        self.parties.get(label).copied()
    }

    /// Whether line `i` of `page` opens a turn under this profile: on
    /// which side, by which label, with what text.
    pub fn turn_at(
        &self,
        page: &Page<'_>,
        i: usize,
        in_header: bool,
    ) -> Option<(Side, Option<String>, String)> {
        self.turn_in(page, i, in_header)
            .map(|(side, label, body)| (side, label.map(str::to_owned), body.to_owned()))
    }

    /// Which side line `i` opens a turn on, if any: [`Profile::turn_at`]
    /// without copying the text (a reading is scored on every line).
    pub fn side_at(&self, page: &Page<'_>, i: usize, in_header: bool) -> Option<Side> {
        self.turn_in(page, i, in_header).map(|(side, _, _)| side)
    }

    /// [`Profile::turn_at`], the label and text borrowed from the page.
    fn turn_in<'p>(
        &'p self,
        page: &'p Page<'_>,
        i: usize,
        in_header: bool,
    ) -> Option<(Side, Option<&'p str>, &'p str)> {
        let text: &'p str = &page.lines[i].text;
        if in_header && fields::credit(text).is_some() {
            return None;
        }
        let side = |party: Party| match party {
            Party::Interviewer => Side::Question,
            Party::Interviewee => Side::Answer,
        };
        match &page.kinds[i] {
            Kind::Marker(m) if !self.ignore_markers && (m.rule != Rule::Dash || self.dashes) => {
                Some((m.side, None, m.body(text)))
            }
            Kind::Label(l) if self.party(&l.label).is_some() => {
                let party = self.party(&l.label)?;
                Some((side(party), Some(l.label.as_str()), l.body(text)))
            }
            Kind::Count(_) | Kind::Furniture => None,
            _ => {
                if !self.bare.is_empty()
                    && let Some(key) = bare_key(text)
                    && let Some(&party) = self.bare.get(key)
                {
                    let label = (key != BARE_DASH).then_some(key);
                    return Some((side(party), label, ""));
                }
                if self.quoted_answers && opens_quoted(text) {
                    return Some((Side::Answer, None, text));
                }
                if !self.spaced.is_empty()
                    && let Some((name, body)) = spaced_label(text)
                    && let Some(&party) = self.spaced.get(name)
                {
                    return Some((side(party), Some(name), body));
                }
                self.opener
                    .question(text)
                    .map(|body| (Side::Question, None, body))
            }
        }
    }
}

/// Header entries of the first `lines` lines.
pub(crate) struct Known<'a> {
    entries: Vec<Entry<'a>>,
    lines: usize,
}

/// The header entries of the first `first` lines, from `known`, the
/// entries of the lines before the first marker (the header region the
/// profile looked at), which are most often the same lines.
pub(crate) fn header_entries<'a>(
    page: &Page<'a>,
    mut known: Known<'a>,
    first: usize,
) -> Vec<Entry<'a>> {
    if first <= known.lines {
        // entries of later lines start at or after line `first`'s start
        let end = page.lines.get(first).map_or(usize::MAX, |l| l.span.start);
        known.entries.retain(|e| e.line.span.start < end);
    } else {
        known
            .entries
            .extend(fields::entries(&page.lines[known.lines..first]));
    }
    known.entries
}

/// Settles the profile of `page`; also gives the header entries it read.
pub(crate) fn infer<'a>(page: &Page<'a>) -> (Profile, Known<'a>) {
    let mut profile = Profile::default();
    let marker_lines: Vec<usize> = (0..page.lines.len())
        .filter(|&i| {
            matches!(&page.kinds[i], Kind::Marker(_))
                && fields::credit(&page.lines[i].text).is_none()
        })
        .collect();
    let dash_count = marker_lines
        .iter()
        .filter(|&&i| matches!(&page.kinds[i], Kind::Marker(m) if m.rule == Rule::Dash))
        .count();
    let other_markers = marker_lines.len() - dash_count;
    profile.dashes = dash_count >= 2 || (dash_count == 1 && other_markers == 0);
    // a lone `――` among other markers is text, not a turn
    let marker_lines: Vec<usize> = marker_lines
        .into_iter()
        .filter(|&i| {
            profile.dashes || !matches!(&page.kinds[i], Kind::Marker(m) if m.rule == Rule::Dash)
        })
        .collect();
    let questions_marked = marker_lines.iter().any(|&i| {
        matches!(&page.kinds[i], Kind::Marker(m) if m.side == Side::Question
            && (m.rule != Rule::Dash || profile.dashes))
    });

    // names the header region declares, to recognise labels by
    let first_candidate = marker_lines.first().copied().unwrap_or(page.lines.len());
    let mut interviewer_names = Vec::new();
    let mut interviewee_names = Vec::new();
    let known = Known {
        entries: fields::entries(&page.lines[..first_candidate]),
        lines: first_candidate,
    };
    for (n, entry) in known.entries.iter().enumerate() {
        if n > 0 && bare_by(&known.entries[n - 1].line.text) {
            let text = &entry.line.text;
            let name = fields::name_and_role(text).map_or(text.as_ref(), |(name, _)| name);
            if fields::is_name_like(name) {
                interviewer_names.push(name.to_owned());
                continue;
            }
        }
        match &entry.field {
            Field::Interviewer { name, .. } => interviewer_names.push(name.clone()),
            Field::Interviewee(name) => interviewee_names.push(name.clone()),
            Field::Plain => {
                if let Some((name, _)) = fields::name_and_role(&entry.line.text) {
                    interviewee_names.push(name.to_owned());
                } else if let Some(s) = fields::name_with_label(&entry.line.text) {
                    interviewee_names.push(s.name);
                } else if fields::is_name_like(&entry.line.text) {
                    interviewee_names.push(entry.line.text.to_string());
                }
            }
            _ => {}
        }
    }

    // candidate labels: how often, where, and whether a question precedes
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut after_question: HashMap<&str, bool> = HashMap::new();
    for (i, kind) in page.kinds.iter().enumerate() {
        if let Kind::Label(l) = kind {
            *counts.entry(&l.label).or_default() += 1;
            if !profile.order.contains(&l.label) {
                profile.order.push(l.label.clone());
            }
            if let Some(full) = &l.full {
                profile.declared.insert(l.label.clone(), full.clone());
            }
            let prev_is_question =
                i > 0 && matches!(&page.kinds[i - 1], Kind::Marker(m) if m.side == Side::Question);
            if prev_is_question && !interjects(page, i) {
                after_question.insert(&l.label, true);
            }
        }
    }
    let names_match =
        |label: &str, names: &[String]| names.iter().any(|n| labels::matches_name(label, n));
    let recurring = counts.values().filter(|&&n| n >= 2).count();
    let mut accepted: Vec<String> = Vec::new();
    for label in &profile.order {
        let full = profile.declared.get(label);
        let ok = (counts[label.as_str()] >= 2 && (recurring >= 2 || questions_marked))
            || full.is_some()
            || names_match(label, &interviewer_names)
            || names_match(label, &interviewee_names)
            || full.is_some_and(|f| {
                names_match(f, &interviewee_names) || names_match(f, &interviewer_names)
            })
            || (questions_marked && after_question.contains_key(label.as_str()))
            || (questions_marked && addressed_in_body(page, label, first_candidate));
        if ok {
            accepted.push(label.clone());
        }
    }

    // sides: declared roles first, then who asks
    let mut undecided = Vec::new();
    for label in &accepted {
        let full = profile
            .declared
            .get(label)
            .map_or(label.as_str(), String::as_str);
        // the header's declarations first, then role and outlet words
        let party = if names_match(label, &interviewer_names)
            || names_match(full, &interviewer_names)
        {
            profile.header_interviewers.push(label.clone());
            Some(Party::Interviewer)
        } else if names_match(label, &interviewee_names) || names_match(full, &interviewee_names) {
            Some(Party::Interviewee)
        } else if labels::is_interviewer_word(label) {
            Some(Party::Interviewer)
        } else if labels::has_honorific(full) {
            // the guest is addressed so; the host does not title themselves
            Some(Party::Interviewee)
        } else {
            None
        };
        match party {
            Some(p) => {
                profile.parties.insert(label.clone(), p);
            }
            None => undecided.push(label.clone()),
        }
    }
    let has_interviewer = profile.parties.values().any(|&p| p == Party::Interviewer);
    if !questions_marked && !has_interviewer && !undecided.is_empty() {
        let ratios: Vec<(f64, usize)> = undecided.iter().map(|l| question_ratio(page, l)).collect();
        let best = (0..undecided.len())
            .max_by(|&a, &b| {
                ratios[a]
                    .0
                    .partial_cmp(&ratios[b].0)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then(ratios[b].1.cmp(&ratios[a].1))
            })
            .unwrap_or(0);
        let asker = undecided.remove(best);
        profile.parties.insert(asker, Party::Interviewer);
    }
    for label in undecided {
        profile.parties.insert(label, Party::Interviewee);
    }
    // a label right after the interviewer's turn answers it (a panelist
    // who speaks once)
    for i in 1..page.kinds.len() {
        if let (Kind::Label(prev), Kind::Label(l)) = (&page.kinds[i - 1], &page.kinds[i])
            && profile.party(&prev.label) == Some(Party::Interviewer)
            && profile.party(&l.label).is_none()
        {
            profile.parties.insert(l.label.clone(), Party::Interviewee);
        }
    }
    let sides = |p: Party| profile.parties.values().any(|&q| q == p);
    let answers_marked = marker_lines
        .iter()
        .any(|&i| matches!(&page.kinds[i], Kind::Marker(m) if m.side == Side::Answer));
    let both_sides = sides(Party::Interviewer) && (sides(Party::Interviewee) || answers_marked);
    if !questions_marked && !both_sides {
        profile.parties.clear();
    }
    profile.questions_marked = questions_marked;
    profile.answers_marked = marker_lines
        .iter()
        .any(|&i| matches!(&page.kinds[i], Kind::Marker(m) if m.side == Side::Answer))
        || profile.parties.values().any(|&p| p == Party::Interviewee);
    (profile, known)
}

/// **Bare byline rule**: a line that ends in `by` and says no name, as an
/// archive's record puts the interviewer's name on the line below:
///
/// ```text
/// Margaret Oyelaran, Class of 1979
/// Interviewed by
/// Nadia Brooks, Class of 2017
/// ```
///
/// (`Interviewed by`, `by:`, `Interview by`); the name line after it is
/// the interviewer's.
pub(crate) fn bare_by(text: &str) -> bool {
    let t = text.trim_end_matches([':', ' ']).to_lowercase();
    let words: Vec<&str> = t.split_whitespace().collect();
    words.last() == Some(&"by")
        && words.len() <= 3
        && words[..words.len() - 1]
            .iter()
            .all(|w| w.starts_with("interview") || *w == "conducted")
}

/// **Addressed answerer rule**: where questions are marked, a label with
/// an honorific (`Cさん:`, `지안님:`) that first speaks after the first
/// question answers, though it speaks once: a panel's third answerer.
///
/// ```text
/// Q. 入社の決め手は？
/// Aさん:
/// - 「面接です。」
/// Cさん:
/// - 「研修です。」
/// ```
///
/// `first_question` is the line of the first marker.
pub(crate) fn addressed_in_body(page: &Page<'_>, label: &str, first_question: usize) -> bool {
    labels::has_honorific(label)
        && page
            .kinds
            .iter()
            .position(|k| matches!(k, Kind::Label(l) if l.label == label))
            .is_some_and(|at| at > first_question)
}

/// **Interjection rule**: a label between a marked question and its
/// marked answer is a third voice breaking in, not the answerer: the
/// answer marker after it says who answers.
///
/// ```text
/// Q Has anyone asked you to change that answer?
/// MS. PRADO: Objection. Form.
/// A No one has.
/// ```
pub(crate) fn interjects(page: &Page<'_>, i: usize) -> bool {
    page.kinds[i + 1..]
        .iter()
        .find(|k| matches!(k, Kind::Marker(_) | Kind::Label(_)))
        .is_some_and(|k| matches!(k, Kind::Marker(m) if m.side == Side::Answer))
}

/// The share of `label`'s turns that hold a question, and where it
/// first speaks.
fn question_ratio(page: &Page<'_>, label: &str) -> (f64, usize) {
    let (mut turns, mut asking, mut first) = (0usize, 0usize, usize::MAX);
    let mut current = false;
    for (i, kind) in page.kinds.iter().enumerate() {
        match kind {
            Kind::Label(l) => {
                current = l.label == label;
                if current {
                    turns += 1;
                    first = first.min(i);
                    if asks(l.body(&page.lines[i].text)) {
                        asking += 1;
                    }
                }
            }
            Kind::Marker(_) => current = false,
            _ if current && asks(&page.lines[i].text) => {
                // a later line of the same turn asks: count the turn once
                asking += 1;
                current = false;
            }
            _ => {}
        }
    }
    let ratio = if turns == 0 {
        0.0
    } else {
        asking.min(turns) as f64 / turns as f64
    };
    (ratio, first)
}

/// The first line that opens a question or an answer. Lines by an
/// interviewee label before any question are header (a headline such
/// as `李肇星：中日韩合作大有可为`).
pub(crate) fn first_turn(page: &Page<'_>, profile: &Profile) -> usize {
    if let Some(listed) = &profile.listed {
        return listed.lines.start;
    }
    if profile.questions_unmarked {
        // the first question is the line before the first answer
        let answer =
            (0..page.lines.len()).find(|&i| profile.side_at(page, i, true) == Some(Side::Answer));
        if let Some(at) = answer {
            return at.saturating_sub(1);
        }
    }
    let first = (0..page.lines.len())
        .find(|&i| match profile.turn_in(page, i, true) {
            Some((Side::Question, _, _)) => true,
            Some((Side::Answer, by, _)) => by.is_none(),
            None => false,
        })
        .unwrap_or(page.lines.len());
    // an unmarked question before the first labelled answer (the page
    // marks who answers, and the first question is bare)
    let answer = (0..first).find(|&i| profile.side_at(page, i, false) == Some(Side::Answer));
    match answer {
        Some(at)
            if at > 0
                && matches!(page.kinds[at - 1], Kind::Plain)
                && (asks(&page.lines[at - 1].text)
                    || super::body::opens_topic(&page.lines[at - 1].text)) =>
        {
            at - 1
        }
        _ => first,
    }
}

#[cfg(test)]
mod tests {
    use crate::source::Source;

    #[test]
    fn a_name_below_a_bare_byline_is_the_interviewers() {
        assert!(super::bare_by("Interviewed by"));
        assert!(super::bare_by("by:"));
        assert!(!super::bare_by("Written by Ada Vance"));
        assert!(!super::bare_by("Stand by"));
        let p = crate::read::text::read(&Source::from_text(
            "t.txt",
            "Harwood College Oral History\nMargaret Oyelaran, Class of 1979\nInterviewed by\n\
             Nadia Brooks, Class of 2017\nBibliography: Oyelaran, Margaret. Interview by Nadia Brooks.\n\
             Footnote: Margaret Oyelaran, interview by Nadia Brooks.\n\
             Bibliography: Oyelaran, Margaret. Transcript.\n\
             BROOKS:\nSo, to begin, how did you come\nto Harwood?\nOYELARAN:\nWell, my aunt taught here.\n\
             BROOKS:\nWhat was your first term like?\nOYELARAN:\nCold.\n",
        ));
        let interview = p.interview.expect("a model");
        assert_eq!(interview.exchanges.len(), 2);
        assert_eq!(
            interview.exchanges[0].question,
            "So, to begin, how did you come to Harwood?"
        );
        assert_eq!(interview.exchanges[1].answer, ["Cold."]);
    }

    #[test]
    fn a_name_set_off_by_a_space_or_a_korean_title_by_its_quote() {
        use super::spaced_label;
        assert_eq!(
            spaced_label("野々村 ベスト4です。"),
            Some(("野々村", "ベスト4です。"))
        );
        assert_eq!(
            spaced_label("교장선생님 “교실에서 배웠어요.”"),
            Some(("교장선생님", "교실에서 배웠어요."))
        );
        // Korean prose has spaces: no quote, no name
        assert_eq!(spaced_label("교장선생님 교실에서 배웠어요."), None);
    }

    #[test]
    fn a_readers_question_signed_with_name_and_place() {
        assert_eq!(
            super::signed_by_reader("Do trackers help? Kenji Watanabe, Osaka, Japan"),
            Some("Do trackers help?")
        );
        assert_eq!(
            super::signed_by_reader("Best advice? Harriet Cole, Flagstaff, Ariz."),
            Some("Best advice?")
        );
        assert_eq!(
            super::signed_by_reader("Why? Because, well, it rained."),
            None
        );
        assert_eq!(super::signed_by_reader("Why? I did, Tom"), None);
        let p = crate::read::text::read(&Source::from_text(
            "t.txt",
            "10 Questions for Dr. Ingrid Halvorsen\n\
             Are you losing? Tom Abernathy, Dayton, Ohio\nI'm losing the argument, not the war.\n\
             Do trackers help? Kenji Watanabe, Osaka, Japan\nFor some people, yes.\n",
        ));
        let interview = p.interview.expect("a model");
        assert_eq!(interview.exchanges[0].question, "Are you losing?");
        assert_eq!(interview.exchanges[1].question, "Do trackers help?");
    }

    #[test]
    fn a_label_between_a_marked_question_and_its_answer_interjects() {
        let p = crate::read::text::read(&Source::from_text(
            "t.txt",
            "Varga\nQ: Has anyone asked you?\nMS. PRADO: Objection. Form.\nA: No one has.\n\
             Q: Why?\nA: Because.\n",
        ));
        let interview = p.interview.expect("a model");
        assert_eq!(interview.speaker.unwrap().name, "Varga");
        assert_eq!(interview.exchanges[0].question, "Has anyone asked you?");
        assert_eq!(interview.exchanges[0].answer, ["No one has."]);
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.message.contains("Objection. Form."))
        );
    }
}
