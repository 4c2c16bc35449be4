//! Pass 3b: the reading of the whole page, chosen by score.
//!
//! The layout rules ([`super::layout::infer`]) give one profile; a page
//! often allows others (its markers alone, its labels alone, its dash
//! lines as text, its questions known by shape, its questions led by a
//! recurring symbol). Each plausible reading is run through the body pass,
//! which is cheap, and scored over the whole document (see [`score`]); the
//! best is taken. When the runner-up scores within [`DOUBT_MARGIN`] and
//! reads different exchanges, a `doubtful-exchanges` warning points at the
//! first line where the two readings disagree; so does one when the
//! questions were known by their shape alone.
//!
//! Each reading is a function from the page and the rules' profile to a
//! profile, or `None` when the page gives it nothing to read by.

use std::collections::HashMap;

use super::body::{self, Body};
use super::classify::Page;
use super::layout::{self, LEAD_SYMBOLS, Opener, Party, Profile};
use crate::diagnostic::{Code, Diagnostic};
use crate::form::kind::Kind;
use crate::form::markers::{Rule, Side};

/// The reading taken, with its first turn and its body.
pub(crate) struct Chosen {
    pub profile: Profile,
    pub first: usize,
    pub body: Body,
    /// The `doubtful-exchanges` warning when another reading came close.
    pub doubt: Option<Diagnostic>,
}

/// A named reading of the page.
type Reading = fn(&Page<'_>, &Profile) -> Option<Profile>;

/// The readings tried, in order of preference: on equal scores the
/// earlier is taken.
const READINGS: &[(&str, Reading)] = &[
    ("the layout rules", by_rules),
    ("markers only", markers_only),
    ("labels only", labels_only),
    ("dash lines flipped", dashes_flipped),
    ("a recurring leading symbol or number", led_questions),
    (SHAPE, by_shape),
    ("labels on their own line", bare_labels),
    ("names set off by a space", spaced_labels),
    ("a question and its answer on one line", same_line),
    ("labelled answers to unmarked questions", labelled_answers),
    ("questions listed before numbered answers", listed_questions),
    ("quoted answers after bare questions", quoted_answers),
];

/// Score points per line explained by an exchange (scores are kept in
/// quarter lines).
const LINE: i64 = 4;

/// How close (in score points, a quarter line each) the runner-up may come
/// before the choice is in doubt: a line and a half, or a tenth of the
/// best score on a long page. Below a line and a half the readings differ
/// by one stray line (a caption, a closing thanks), which the recovery
/// warnings already report.
const DOUBT_MARGIN: i64 = 6;

/// A reading tried, without its exchanges (a document of short turns has
/// millions, and only the chosen reading's are kept): what the score and
/// the doubt check need.
struct Tried {
    n: usize,
    value: i64,
    profile: Profile,
    first: usize,
    /// Where each exchange's question starts.
    starts: Vec<usize>,
    exchanges: usize,
}

/// The best reading of `page`, starting from the rules' profile `rules`.
/// Only the best reading's body so far is held beside the one being read;
/// the others are scored and dropped.
pub(crate) fn choose(page: &Page<'_>, rules: Profile) -> Chosen {
    let structure = Structure {
        recurring: recurring_labels(page),
        numbered: counts_up(page),
    };
    let mut best: Option<Tried> = None;
    let mut runner: Option<Tried> = None;
    // the best reading's body, the only one held
    let mut kept: Option<Body> = None;
    for (n, (_, reading)) in READINGS.iter().enumerate() {
        let profile = if n == 0 {
            Some(rules.clone())
        } else {
            reading(page, &rules)
        };
        let Some(profile) = profile else { continue };
        let first = layout::first_turn(page, &profile);
        let body = body::read(page, first, &profile);
        let value = score(page, &profile, first, &body, &structure);
        let candidate = Tried {
            n,
            value,
            profile,
            first,
            exchanges: body.exchanges.len(),
            starts: body.asked.iter().map(|r| r.start).collect(),
        };
        match &best {
            Some(b) if value <= b.value => {
                if runner.as_ref().is_none_or(|r| value > r.value) {
                    runner = Some(candidate);
                }
            }
            _ => {
                runner = best.replace(candidate);
                // the body it replaces is dropped before the next is read
                kept = Some(body);
            }
        }
    }
    let best = best.expect("the rules' reading is always tried");
    let doubt = runner
        .filter(|second| {
            best.value - second.value <= DOUBT_MARGIN.max(best.value / 10) && second.exchanges > 0
        })
        .and_then(|second| doubt(page, &best, &second));
    let body = kept.expect("the best reading's body is kept");
    let mut chosen = Chosen {
        profile: best.profile,
        first: best.first,
        body,
        doubt,
    };
    if chosen.doubt.is_none() && READINGS[best.n].0 == SHAPE {
        chosen.doubt = by_shape_alone(&chosen);
    }
    chosen
}

/// The name of the shape reading, whose questions are a guess by nature.
const SHAPE: &str = "questions by shape";

/// The warning that the questions were known by their shape alone (the
/// page marks no turn): at the first question.
fn by_shape_alone(chosen: &Chosen) -> Option<Diagnostic> {
    let at = chosen.body.asked.first()?.clone();
    Some(
        Diagnostic::warning(
            Code::DoubtfulExchanges,
            "no marker or label opens a turn: the questions are known by their shape alone (short lines that ask)",
            at,
        )
        .expected("`Q:`/`A:` markers or speaker labels"),
    )
}

/// The warning that two readings came close, at the first question one
/// reads and the other does not; none when both read the same questions
/// (they differ only in what they make of a label, say).
fn doubt(page: &Page<'_>, best: &Tried, other: &Tried) -> Option<Diagnostic> {
    let (a, b) = (&best.starts, &other.starts);
    let at = match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) => *x.min(y),
        None if a.len() == b.len() => return None,
        None => a.get(b.len()).or(b.get(a.len())).copied()?,
    };
    let line = page.lines.partition_point(|l| l.span.start < at);
    let span = page.lines.get(line).map_or(at..at, |l| l.span.clone());
    Some(
        Diagnostic::warning(
            Code::DoubtfulExchanges,
            format!(
                "the turns were read by {} ({} exchanges); read by {} they give {} exchanges, and both readings fit the page about as well",
                READINGS[best.n].0,
                best.exchanges,
                READINGS[other.n].0,
                other.exchanges
            ),
            span,
        )
        .expected("one kind of marker or label opening every question and answer"),
    )
}

/// What marks turns on the page, whatever the reading: a reading that
/// leaves it as text explains the page less.
struct Structure<'p> {
    /// How often each label opens a line.
    recurring: HashMap<&'p str, usize>,
    /// Whether numbered lines count up (see [`counts_up`]).
    numbered: bool,
}

/// The score of a reading, in quarter lines: each line that went into an
/// exchange counts for, each line set aside (an answer before any
/// question, a question with no answer) counts against, and each marker,
/// recurring label or numbered line of a sequence the reading leaves as
/// text and each answer by a
/// panelist who already answered the same question (two labels taking
/// turns under one question) count twice against; a line left in the header
/// that reads like body text (a long sentence) counts half against; each
/// exchange counts a quarter for, so that of two readings explaining the
/// same lines the one that finds more turns wins, and each turn a speaker
/// label opens a quarter for, so that of two readings finding the same
/// turns the one that tells who speaks wins.
fn score(
    page: &Page<'_>,
    profile: &Profile,
    first: usize,
    body: &Body,
    structure: &Structure<'_>,
) -> i64 {
    let unused = (first..page.lines.len())
        .filter(|&i| {
            let marks = match &page.kinds[i] {
                Kind::Marker(m) => m.rule != Rule::Dash,
                Kind::Label(l) => structure
                    .recurring
                    .get(l.label.as_str())
                    .is_some_and(|&n| n >= 2),
                Kind::Plain => {
                    structure.numbered && layout::numbered(&page.lines[i].text).is_some()
                }
                _ => false,
            };
            marks && profile.side_at(page, i, false).is_none()
        })
        .count();
    let wordy_header = (0..first.min(page.lines.len()))
        .filter(|&i| matches!(page.kinds[i], Kind::Plain) && reads_like_body(&page.lines[i].text))
        .count();
    LINE * (body.kept as i64 - body.set_aside as i64 - 2 * unused as i64 - 2 * body.repeated as i64)
        - LINE / 2 * wordy_header as i64
        + body.exchanges.len() as i64
        + body.labelled as i64
}

/// How often each label opens a line.
fn recurring_labels<'p>(page: &'p Page<'_>) -> HashMap<&'p str, usize> {
    let mut counts = HashMap::new();
    for kind in &page.kinds {
        if let Kind::Label(l) = kind {
            *counts.entry(l.label.as_str()).or_default() += 1;
        }
    }
    counts
}

/// Whether a line reads like body text rather than a header line: a
/// sentence of some length (40 characters, 20 when CJK) ending in sentence
/// punctuation.
fn reads_like_body(text: &str) -> bool {
    let chars = text.chars().count();
    let wide = text
        .chars()
        .filter(|&c| crate::form::chars::is_cjk_letter(c))
        .count();
    let long = if wide * 2 > chars {
        chars >= 20
    } else {
        chars >= 40
    };
    long && text
        .trim_end_matches(['"', '”', '’', '」', '』', ')', '）'])
        .ends_with(['.', '。', '!', '！', '?', '？', '…', '다', '요'])
}

/// **The layout rules' reading**, as [`layout::infer`] settles it.
fn by_rules(_: &Page<'_>, rules: &Profile) -> Option<Profile> {
    Some(rules.clone())
}

/// **Markers only**: `Q:`/`A:` open turns and label-shaped prefixes are
/// text, as in
///
/// ```text
/// Q: What did the minister say?
/// A: She said: no.
/// Minister: We will not.
/// ```
fn markers_only(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    if rules.parties.is_empty() || !has_marker(page, |_| true) {
        return None;
    }
    let mut profile = rules.clone();
    profile.parties.clear();
    profile.answers_marked = has_marker(page, |side| side == Side::Answer);
    Some(profile)
}

/// **Labels only**: speaker labels open turns and marker-shaped prefixes
/// are text; the labels' sides are settled again as if the markers were
/// not there (whoever asks is the interviewer), as in
///
/// ```text
/// 聞き手:ほしの(編集者)
/// ほしの:
/// いまどんな番組を担当してるんですか?
/// ゆずき:
/// 深夜の生放送ですね。
/// ```
fn labels_only(page: &Page<'_>, _: &Profile) -> Option<Profile> {
    let labelled = page.kinds.iter().any(|k| matches!(k, Kind::Label(_)));
    if !labelled || !has_marker(page, |_| true) {
        return None;
    }
    let unmarked = Page {
        text: page.text,
        lines: page.lines,
        kinds: page
            .kinds
            .iter()
            .map(|k| match k {
                Kind::Marker(_) => Kind::Plain,
                k => k.clone(),
            })
            .collect(),
        paragraphs: page.paragraphs,
    };
    let (mut profile, _) = layout::infer(&unmarked);
    if profile.parties.is_empty() {
        return None;
    }
    profile.ignore_markers = true;
    Some(profile)
}

/// **Dash lines flipped**: dash lines (`――なぜ？`) read as questions when
/// the rules took them for text, or as text when the rules took them for
/// questions, as in
///
/// ```text
/// Q: 最初の作品は？
/// A: ――あれは偶然でした。
/// ```
fn dashes_flipped(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    let any = page
        .kinds
        .iter()
        .any(|k| matches!(k, Kind::Marker(m) if m.rule == Rule::Dash));
    if !any {
        return None;
    }
    let mut profile = rules.clone();
    profile.dashes = !rules.dashes;
    Some(profile)
}

/// **A recurring leading symbol or number opens questions**; labels keep
/// their sides and other lines are the answer, as in
///
/// ```text
/// ◇まず、きっかけを教えてください。
/// 子どもの頃から好きでした。
/// ◇今後は？
/// ```
///
/// or `1. What time do you like to be at your desk?` (see
/// [`layout::numbered`]). The lead is the one (a symbol of
/// [`LEAD_SYMBOLS`], or a number) that leads most lines the rules leave
/// unmarked and that a line not so led follows, at least two.
fn led_questions(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    let mut counts: Vec<(Opener, usize)> = Vec::new();
    let led = |i: usize| {
        let text = &page.lines[i].text;
        let c = text.chars().next()?;
        if LEAD_SYMBOLS.contains(&c) && layout::led_by(text, c).is_some() {
            Some(Opener::Lead(c))
        } else {
            layout::numbered(text).map(|_| Opener::Numbered)
        }
    };
    for i in 0..page.lines.len() {
        if rules.side_at(page, i, false).is_some() {
            continue;
        }
        let Some(c) = led(i) else { continue };
        // a question is answered: a list of led lines (`■ 진행 : …`,
        // `■ 출연 : …`) is no run of questions
        if i + 1 >= page.lines.len() || led(i + 1) == Some(c) {
            continue;
        }
        match counts.iter_mut().find(|(s, _)| *s == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    let &(opener, n) = counts.iter().max_by_key(|(_, n)| *n)?;
    // two numbered lines are as often an agenda (`1.市長コメント`, `2.その他`)
    if n < 2 || (opener == Opener::Numbered && (n < 3 || !counts_up(page))) {
        return None;
    }
    let mut profile = rules.clone();
    profile.opener = opener;
    profile.answers_marked = rules.parties.values().any(|&p| p == Party::Interviewee)
        || (!rules.ignore_markers && has_marker(page, |side| side == Side::Answer));
    Some(profile)
}

/// Whether the numbered lines of the page count up, mostly: each next
/// number one more than the last for half of them at least (`1 …`, `2 …`,
/// `3 …`, not `100 people came` beside `20 more`), and not on two lines in
/// three or more (line numbers).
fn counts_up(page: &Page<'_>) -> bool {
    let numbers: Vec<u32> = page
        .lines
        .iter()
        .filter_map(|l| layout::number_of(&l.text))
        .collect();
    let steps = numbers.windows(2).filter(|w| w[1] == w[0] + 1).count();
    // numbers on nearly every line number the lines (a deposition), not
    // the questions
    let questions_only = numbers.len() * 3 <= page.lines.len() * 2;
    steps >= 1 && steps * 2 >= numbers.len().saturating_sub(1) && questions_only
}

/// **Questions by shape**: where no answer is marked, a short line that
/// asks opens a question (see [`layout::question_shaped`]) and the lines
/// after it are the answer; question markers keep opening questions and
/// labels are text, as in
///
/// ```text
/// Most useful piece of advice?
/// An old site manager told me to ask the person closest to it.
/// Career gamble that paid off?
/// ```
///
/// A page that marks its answers (`A:`, an interviewee's label) has no
/// need of shapes: a question in an answer stays in the answer.
fn by_shape(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    let answers_marked = rules.parties.values().any(|&p| p == Party::Interviewee)
        || has_marker(page, |side| side == Side::Answer);
    if answers_marked {
        return None;
    }
    // questions that a line of another shape follows (an answer)
    let shaped = page
        .lines
        .windows(2)
        .filter(|w| layout::question_shaped(&w[0].text) && !layout::question_shaped(&w[1].text))
        .take(2)
        .count();
    (shaped >= 2).then(|| Profile {
        opener: Opener::Shape,
        dashes: rules.dashes,
        questions_marked: rules.questions_marked,
        ..Profile::default()
    })
}

/// **Labels on their own line**: a short line alone (`記者`, `市長`,
/// `[인터뷰]`, `──`, a name) that recurs, each time followed by text,
/// opens a turn whose text is on the next lines, as in
///
/// ```text
/// 記者
/// この夏の対策についてお聞かせください。
/// 市長
/// 監視員を増やします。
/// ```
///
/// Sides: a line of dashes and a role or outlet word ask, a name with an
/// honorific (`岡野さん`) answers; else, of several, the one whose turns
/// ask most. A label alone on its side answers
/// questions that are the unmarked lines before it (`[인터뷰]` in a
/// broadcast transcript).
fn bare_labels(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    let n = page.lines.len();
    let key = |i: usize| match page.kinds[i] {
        Kind::Plain | Kind::Label(_) => layout::bare_key(&page.lines[i].text),
        _ => None,
    };
    // each candidate's turns and how many of them ask, in order of first
    // appearance
    let mut found: Vec<(&str, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(k) = key(i) else {
            i += 1;
            continue;
        };
        // a bracketed word alone (`[인터뷰]`) names a side, whatever word
        let bracketed = page.lines[i].text.len() > k.len() + 1
            && !page.lines[i].text.ends_with(crate::form::markers::COLONS);
        let candidate = k == layout::BARE_DASH
            || ((bracketed || crate::form::labels::is_label_like(k))
                && !matches!(page.kinds[i], Kind::Label(_)));
        let mut end = i + 1;
        while end < n && key(end).is_none() {
            end += 1;
        }
        if candidate && end > i + 1 {
            let asks = (i + 1..end).any(|j| crate::form::markers::asks(&page.lines[j].text));
            match found.iter_mut().find(|(f, _, _)| *f == k) {
                Some((_, turns, asking)) => {
                    *turns += 1;
                    *asking += usize::from(asks);
                }
                None => found.push((k, 1, usize::from(asks))),
            }
        }
        i = end;
    }
    found.retain(|&(_, turns, _)| turns >= 2);
    if found.is_empty() {
        return None;
    }
    let mut profile = rules.clone();
    for &(k, _, _) in &found {
        if k == layout::BARE_DASH || crate::form::labels::is_interviewer_word(k) {
            profile.bare.insert(k.to_owned(), Party::Interviewer);
        }
    }
    for &(k, _, _) in &found {
        if crate::form::labels::has_honorific(k) {
            profile
                .bare
                .entry(k.to_owned())
                .or_insert(Party::Interviewee);
        }
    }
    let asking = |p: &Profile| p.bare.values().any(|&p| p == Party::Interviewer);
    if !asking(&profile) && found.len() >= 2 {
        let asker = found
            .iter()
            .filter(|f| !profile.bare.contains_key(f.0))
            .max_by(|a, b| (a.2 * b.1).cmp(&(b.2 * a.1)).then(b.1.cmp(&a.1)))
            .map(|f| f.0)?;
        profile.bare.insert(asker.to_owned(), Party::Interviewer);
    }
    for &(k, _, _) in &found {
        profile
            .bare
            .entry(k.to_owned())
            .or_insert(Party::Interviewee);
    }
    let asks = profile.bare.values().any(|&p| p == Party::Interviewer)
        || rules.questions_marked
        || rules.parties.values().any(|&p| p == Party::Interviewer);
    profile.questions_unmarked = !asks;
    profile.answers_marked = true;
    Some(profile)
}

/// **Names set off by a space** open turns (see [`layout::spaced_label`]),
/// as in
///
/// ```text
/// ――厳しい声も多いのでは?
/// 宇賀神 多いです。
/// ```
///
/// A name must open two lines or more. Where questions are marked (or
/// led by a recurring symbol, `- 학교 옥상에 …` / `교장선생님 “…”`) the names
/// answer; else the name whose turns ask most asks.
fn spaced_labels(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    let mut found: Vec<(&str, usize, usize)> = Vec::new();
    for (i, line) in page.lines.iter().enumerate() {
        if !matches!(page.kinds[i], Kind::Plain) {
            continue;
        }
        let Some((name, body)) = layout::spaced_label(&line.text) else {
            continue;
        };
        let asks = usize::from(crate::form::markers::asks(body));
        match found.iter_mut().find(|(f, _, _)| *f == name) {
            Some((_, turns, asking)) => {
                *turns += 1;
                *asking += asks;
            }
            None => found.push((name, 1, asks)),
        }
    }
    found.retain(|&(_, turns, _)| turns >= 2);
    if found.is_empty() {
        return None;
    }
    let marked = rules.questions_marked
        || rules.parties.values().any(|&p| p == Party::Interviewer)
        || has_marker(page, |side| side == Side::Question);
    // questions led by a recurring symbol (`- 학교 옥상에 …?`) are marked
    // too: the names answer them
    let led = (!marked).then(|| led_questions(page, rules)).flatten();
    let marked = marked || led.is_some();
    let mut profile = led.unwrap_or_else(|| rules.clone());
    if !marked {
        if found.len() < 2 {
            return None;
        }
        let asker = found
            .iter()
            .max_by(|a, b| (a.2 * b.1).cmp(&(b.2 * a.1)).then(b.1.cmp(&a.1)))?;
        profile
            .spaced
            .insert(asker.0.to_owned(), Party::Interviewer);
    }
    for &(name, _, _) in &found {
        profile
            .spaced
            .entry(name.to_owned())
            .or_insert(Party::Interviewee);
    }
    // a name that answers once is text, and may answer unmarked as the
    // rules read it
    profile.answers_marked = rules.answers_marked || !marked;
    // in the order the page first names them (the first answerer is the
    // speaker), not the map's
    let spaced: Vec<(String, Party)> = found
        .iter()
        .filter_map(|&(name, _, _)| Some((name.to_owned(), *profile.spaced.get(name)?)))
        .collect();
    known_speakers(&mut profile, &spaced);
    Some(profile)
}

/// **A question and its answer on one line** (see [`layout::same_line`]),
/// where no answer is marked, as in
///
/// ```text
/// What's the biggest challenge you have faced? Learning to commit.
/// How do you switch off? I don't, really.
/// ```
///
/// or a marked question's line that holds its answer too, its first
/// sentence the question (`Q. 처음 가마에 불을 넣던 날. 대학 졸업 …`; see
/// [`layout::marked_same_line`]). Two such lines at least; lines after
/// one continue its answer.
fn same_line(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    let answers_marked = rules.parties.values().any(|&p| p == Party::Interviewee)
        || has_marker(page, |side| side == Side::Answer);
    if answers_marked {
        return None;
    }
    let lines = page
        .lines
        .iter()
        .enumerate()
        .filter(|&(i, l)| match &page.kinds[i] {
            Kind::Plain => layout::same_line(&l.text).is_some(),
            Kind::Marker(m) => {
                m.side == Side::Question && layout::marked_same_line(m.body(&l.text)).is_some()
            }
            _ => false,
        })
        .take(2)
        .count();
    (lines >= 2).then(|| Profile {
        opener: Opener::SameLine,
        dashes: rules.dashes,
        questions_marked: rules.questions_marked,
        answers_marked: true,
        ..Profile::default()
    })
}

/// **Labelled answers to unmarked questions**: where no question is
/// marked, the labels that recur (or are declared) are the answerers', and
/// the unmarked line right before each answer is its question (which asks,
/// before half the answers at least), as in
///
/// ```text
/// Farah Idris (FI): I could have stayed.
/// Does selling leave you disappointed?
/// FI: Not disappointed.
/// These are hard times for the sector.
/// ```
fn labelled_answers(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    if rules.questions_marked || has_marker(page, |side| side == Side::Question) {
        return None;
    }
    // per label: turns, whether declared, turns that ask
    let mut counts: HashMap<&str, (usize, bool, usize)> = HashMap::new();
    for (i, kind) in page.kinds.iter().enumerate() {
        if let Kind::Label(l) = kind {
            let entry = counts.entry(l.label.as_str()).or_default();
            entry.0 += 1;
            entry.1 |= l.full.is_some();
            entry.2 += usize::from(crate::form::markers::asks(l.body(&page.lines[i].text)));
        }
    }
    // the labels the header names as the interviewer's (`Jane Doe(JD):`
    // under `Interviewed by Jane Doe`) ask
    // a label used once answers too when the page names its speaker
    // elsewhere (`… with Farah Idris and Datuk Kevin Lim` for `Lim:`) and
    // its turn asks nothing
    // its turn asks nothing, and it comes after a recurring answerer's first
    // turn (a headline `Farah Idris: Let the buyers decide` is no turn)
    let first_recurring = page.kinds.iter().position(|k| {
        matches!(k, Kind::Label(l) if l.full.is_some()
            || counts.get(l.label.as_str()).is_some_and(|&(n, _, _)| n >= 2))
    });
    let after_first = |label: &str| {
        page.kinds.iter().enumerate().any(|(i, k)| {
            matches!(k, Kind::Label(l) if l.label == label)
                && first_recurring.is_some_and(|f| i > f)
        })
    };
    let named = |label: &str, asking: usize| {
        asking == 0
            && label.chars().count() >= 2
            && after_first(label)
            && page.text.matches(label).nth(1).is_some()
    };
    let answerers: Vec<&str> = counts
        .iter()
        .filter(|&(label, &(n, declared, asking))| {
            (n >= 2 || declared || named(label, asking))
                && !crate::form::labels::is_interviewer_word(label)
                && !rules.header_interviewers.iter().any(|l| l == label)
        })
        .map(|(label, _)| *label)
        .collect();
    // a label whose turns ask is the asker's: the page labels both sides
    let asks = |label: &str| {
        counts
            .get(label)
            .is_some_and(|&(n, _, a)| a * 2 >= n && a > 0)
    };
    if answerers.iter().any(|l| asks(l)) {
        return None;
    }
    if answerers.is_empty() {
        return None;
    }
    // the line before an answer asks, mostly: else the labels take turns
    // (a host who does not ask in so many words)
    let (mut turns, mut asked) = (0, 0);
    for i in 1..page.lines.len() {
        if let Kind::Label(l) = &page.kinds[i]
            && answerers.contains(&l.label.as_str())
        {
            turns += 1;
            asked += usize::from(crate::form::markers::asks(&page.lines[i - 1].text));
        }
    }
    if asked * 2 < turns {
        return None;
    }
    let mut profile = rules.clone();
    profile.parties.clear();
    for label in answerers {
        profile.parties.insert(label.to_owned(), Party::Interviewee);
    }
    profile.questions_unmarked = true;
    profile.answers_marked = true;
    Some(profile)
}

/// **Questions listed before numbered answers**: two questions or more on
/// consecutive lines (marked, or short lines that ask), and after them
/// lines numbered from `1.` to as many as there are questions, each
/// person's answers in turn (see [`layout::Listed`]), as a street
/// interview prints them:
///
/// ```text
/// Q1. 休日はどう過ごしていますか？
/// Q2. 最近始めたことはありますか？
/// 会社員の男性（30代）
/// 1. 子どもと公園に行くことが多いです。
/// 2. 朝のランニングを始めました。
/// ```
///
/// No answer on the page is marked; every number of the list answers at
/// least once, and no later numbered line goes past the list.
fn listed_questions(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    if has_marker(page, |side| side == Side::Answer) {
        return None;
    }
    let question = |i: usize| -> Option<String> {
        let text: &str = &page.lines[i].text;
        match &page.kinds[i] {
            Kind::Marker(m) if m.side == Side::Question && m.rule != Rule::Dash => {
                Some(m.body(text).to_owned())
            }
            Kind::Plain => {
                let text = super::body::without_bullet(text);
                let text = layout::numbered(text).unwrap_or(text);
                layout::question_shaped(text).then(|| text.to_owned())
            }
            _ => None,
        }
    };
    let n = page.lines.len();
    let start =
        (0..n.saturating_sub(1)).find(|&i| question(i).is_some() && question(i + 1).is_some())?;
    let questions: Vec<String> = (start..n).map_while(question).collect();
    let end = start + questions.len();
    let numbers: Vec<u32> = page.lines[end..]
        .iter()
        .filter_map(|l| layout::number_of(&l.text))
        .collect();
    let k = questions.len() as u32;
    let answered = (1..=k).all(|q| numbers.contains(&q));
    if !answered || numbers.iter().any(|&q| q > k) {
        return None;
    }
    Some(Profile {
        listed: Some(layout::Listed {
            lines: start..end,
            questions,
        }),
        answers_marked: true,
        dashes: rules.dashes,
        ..Profile::default()
    })
}

/// **Quoted answers after bare questions**: where no answer is marked,
/// a line opening with a quote opens an answer and the unmarked line
/// before it is its question (see [`layout::opens_quoted`]), as in
///
/// ```text
/// いちばん難しい工程はどこですか。
/// 「縫いです。一目ずれると全部やり直しになります。」
/// これからの目標を教えてください。
/// 「修理の仕事をもっと増やしたいですね。」
/// ```
///
/// Two such answers at least, each after a line that opens no quote, and
/// no such line twice (a name alone on its line before each quote is a
/// label: see [`bare_labels`]).
fn quoted_answers(page: &Page<'_>, rules: &Profile) -> Option<Profile> {
    let answers_marked = rules.parties.values().any(|&p| p == Party::Interviewee)
        || has_marker(page, |side| side == Side::Answer);
    if answers_marked {
        return None;
    }
    let quoted = |i: usize| {
        matches!(page.kinds[i], Kind::Plain) && layout::opens_quoted(&page.lines[i].text)
    };
    let asked: Vec<&str> = (1..page.lines.len())
        .filter(|&i| quoted(i) && !quoted(i - 1) && matches!(page.kinds[i - 1], Kind::Plain))
        .map(|i| &*page.lines[i - 1].text)
        .collect();
    // the same line before two quotes is a speaker's name alone (`森` /
    // `「…」`), which the labels on their own line read
    let named = asked
        .iter()
        .enumerate()
        .any(|(n, q)| asked[n + 1..].contains(q));
    (asked.len() >= 2 && !named).then(|| Profile {
        quoted_answers: true,
        questions_unmarked: true,
        answers_marked: true,
        dashes: rules.dashes,
        ..Profile::default()
    })
}

/// Makes the labels a reading found (names set off by a space) speakers of
/// the profile, for the people pass to name. (Labels alone on their line
/// stay out: they are as often role words, `記者`, `[인터뷰]`, and a name
/// alone on its line in the header is the header's.)
fn known_speakers(profile: &mut Profile, found: &[(String, Party)]) {
    for (label, party) in found {
        let party = *party;
        profile.parties.entry(label.clone()).or_insert(party);
        if !profile.order.contains(label) {
            profile.order.push(label.clone());
        }
    }
}

/// Whether the page has a non-dash marker on a side `side` accepts.
fn has_marker(page: &Page<'_>, side: impl Fn(Side) -> bool) -> bool {
    page.kinds
        .iter()
        .any(|k| matches!(k, Kind::Marker(m) if m.rule != Rule::Dash && side(m.side)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::{classify, lines};
    use crate::source::Source;

    /// The reading chosen for `text`: its name, its exchanges' questions,
    /// and whether it was in doubt.
    fn chosen(text: &str) -> (Vec<String>, Vec<Vec<String>>, bool) {
        let source = Source::from_text("t.txt", text);
        let mut diagnostics = Vec::new();
        let lines = lines::collect(&source, &mut diagnostics, &mut Default::default());
        let page = classify::page(source.text(), &lines);
        let (profile, _) = layout::infer(&page);
        let c = choose(&page, profile);
        (
            c.body
                .exchanges
                .iter()
                .map(|e| e.question.clone())
                .collect(),
            c.body.exchanges.iter().map(|e| e.answer.clone()).collect(),
            c.doubt.is_some(),
        )
    }

    #[test]
    fn questions_known_by_shape_alone_are_read() {
        let (questions, answers, doubt) = chosen(
            "Favourites with Helen Marsh\n\
             Candid conversations with directors on their habits.\n\
             Most useful piece of advice?\n\
             Ask the person closest to the problem, then stop talking.\n\
             I learnt it on a building site.\n\
             Career gamble that paid off?\n\
             Taking a lending job I knew nothing about.\n",
        );
        assert_eq!(
            questions,
            [
                "Most useful piece of advice?",
                "Career gamble that paid off?"
            ]
        );
        assert_eq!(answers[0].len(), 2);
        // a guess, and said to be one
        assert!(doubt);
    }

    #[test]
    fn a_recurring_leading_symbol_opens_questions() {
        let (questions, answers, _) = chosen(
            "인터뷰(홍길동)\n-자기 소개 부탁드립니다.\n저는 회계사입니다.\n\
             -앞으로 어떻게 하실 생각입니까?\n계속 일할 겁니다.\n",
        );
        assert_eq!(
            questions,
            ["자기 소개 부탁드립니다.", "앞으로 어떻게 하실 생각입니까?"]
        );
        assert_eq!(answers, [["저는 회계사입니다."], ["계속 일할 겁니다."]]);
    }

    #[test]
    fn marked_pages_keep_their_markers_reading() {
        let (questions, _, doubt) =
            chosen("Name\nQ: Why?\nA: Because it is.\nIs it?\nQ: And then?\nA: Then more.\n");
        assert_eq!(questions, ["Why?", "And then?"]);
        assert!(!doubt);
    }

    #[test]
    fn labels_on_their_own_line_under_a_marker_shaped_credit_take_their_sides_by_asking() {
        let (questions, answers, _) = chosen(
            "話し手:ゆずき(ラジオディレクター)\n聞き手:ほしの(編集者)\n\
             ほしの:\nいまどんな番組を担当してるんですか?\n\
             ゆずき:\n深夜の生放送ですね。\n\
             ほしの:\n体はきつくないですか?\n\
             ゆずき:\n最初はきつかったです。\n",
        );
        assert_eq!(
            questions,
            [
                "いまどんな番組を担当してるんですか?",
                "体はきつくないですか?"
            ]
        );
        assert_eq!(
            answers,
            [["深夜の生放送ですね。"], ["最初はきつかったです。"]]
        );
    }

    #[test]
    fn labels_alone_on_their_line_open_turns() {
        let (questions, answers, _) = chosen(
            "会見録\n記者\n対策についてお聞かせください。\n市長\n監視員を増やします。\n\
             週末も続けます。\n記者\nいつからですか。\n市長\n来月からです。\n",
        );
        assert_eq!(
            questions,
            ["対策についてお聞かせください。", "いつからですか。"]
        );
        assert_eq!(answers[0], ["監視員を増やします。", "週末も続けます。"]);
        // names alone, the asker known by asking; a dash line asks
        let (questions, _, _) = chosen(
            "対談\n佐伯\nいまは島に窯を?\n岡野\nそうです。\n佐伯\nなぜ島に?\n岡野\n土です。\n",
        );
        assert_eq!(questions, ["いまは島に窯を?", "なぜ島に?"]);
        // the guest is addressed with an honorific, though the host's
        // turns do not ask
        let (questions, _, _) = chosen(
            "対談\n佐伯\n島に窯を構えて二十年。\n岡野さん\nそうです。\n佐伯\n赤い土ですね。\n\
             岡野さん\nそれは違いますか?\n",
        );
        assert_eq!(questions, ["島に窯を構えて二十年。", "赤い土ですね。"]);
        let (questions, _, _) = chosen(
            "聞き書き\n──\n聞き返しますか?\n河原井\nええ。\n──\nなぜですか。\n河原井\n信用です。\n",
        );
        assert_eq!(questions, ["聞き返しますか?", "なぜですか。"]);
    }

    #[test]
    fn a_label_alone_on_one_side_answers_the_unmarked_lines_before_it() {
        let (questions, answers, _) = chosen(
            "■ 출연 : 고명석 / 기상전문기자\n오늘 특별한 손님이 오셨습니다.\n[인터뷰]\n반갑습니다.\n\
             스튜디오 출연은 처음이신가요?\n[인터뷰]\n처음인 것 같습니다.\n",
        );
        assert_eq!(
            questions,
            [
                "오늘 특별한 손님이 오셨습니다.",
                "스튜디오 출연은 처음이신가요?"
            ]
        );
        assert_eq!(answers, [["반갑습니다."], ["처음인 것 같습니다."]]);
    }

    #[test]
    fn questions_listed_before_each_persons_numbered_answers() {
        let (questions, answers, _) = chosen(
            "駅前で聞きました\nQ1. 休日は何を？\nQ2. 最近始めたことは？\n\
             会社員の男性（30代）\n1. 公園に行きます。\n2. ランニングです。\n\
             大学生の女性（20代）\n1. カフェ巡りです。\n2. 韓国語です。\n",
        );
        assert_eq!(
            questions,
            [
                "休日は何を？",
                "最近始めたことは？",
                "休日は何を？",
                "最近始めたことは？"
            ]
        );
        assert_eq!(
            answers,
            [
                ["公園に行きます。"],
                ["ランニングです。"],
                ["カフェ巡りです。"],
                ["韓国語です。"]
            ]
        );
        // numbered questions each answered below are no list
        let (questions, _, _) = chosen(
            "Ten questions\n1. What time do you start?\nSix, most days.\n\
             2. Coffee or tea?\nCoffee.\n3. Best advice?\nListen first.\n",
        );
        assert_eq!(questions.len(), 3);
    }

    #[test]
    fn quoted_answers_after_bare_questions_that_need_not_ask() {
        let (questions, answers, _) = chosen(
            "話し手：革職人　大島 亮介\n\n大島 亮介\n\n革の仕事を始めたきっかけは？\n\
             「父の工房を手伝ったのが最初です。」\nいちばん難しい工程はどこですか。\n\
             「縫いです。」\nこれからの目標を教えてください。\n「修理を増やしたいですね。」\n",
        );
        assert_eq!(
            questions,
            [
                "革の仕事を始めたきっかけは？",
                "いちばん難しい工程はどこですか。",
                "これからの目標を教えてください。"
            ]
        );
        assert_eq!(answers[2], ["修理を増やしたいですね。"]);
    }

    #[test]
    fn numbered_questions_lose_their_numbers() {
        let (questions, answers, _) = chosen(
            "Ten questions\n1. What time do you start?\nSix, most days.\n\
             2. Coffee or tea?\nCoffee.\n3. Best advice?\nListen first.\n",
        );
        assert_eq!(
            questions,
            ["What time do you start?", "Coffee or tea?", "Best advice?"]
        );
        assert_eq!(answers[2], ["Listen first."]);
    }

    #[test]
    fn names_set_off_by_a_space_answer_dash_questions() {
        let (questions, answers, _) = chosen(
            "――上映会では観客と話すそうですね。\n宇賀神 つくっています。\n\
             ――厳しい声も多いのでは?\n宇賀神 多いです。\nでも観てくれた人です。\n",
        );
        assert_eq!(
            questions,
            ["上映会では観客と話すそうですね。", "厳しい声も多いのでは?"]
        );
        assert_eq!(
            answers,
            [
                vec!["つくっています。"],
                vec!["多いです。", "でも観てくれた人です。"]
            ]
        );
    }

    #[test]
    fn a_title_before_quoted_answers_answers_questions_led_by_a_symbol() {
        let (questions, answers, _) = chosen(
            "학교를 가다\n유하린 부장\n- 텃밭을 만든 까닭은?\n교장선생님 “직접 확인하게 하려고요.”\n\
             남궁찬 부장\n- 잔반은 어떻게 줄이나요?\n교장선생님 “먹을 만큼만 받게 했어요.”\n",
        );
        assert_eq!(
            questions,
            ["텃밭을 만든 까닭은?", "잔반은 어떻게 줄이나요?"]
        );
        assert_eq!(answers[1], ["먹을 만큼만 받게 했어요."]);
    }

    #[test]
    fn a_question_and_its_answer_share_a_line() {
        let (questions, answers, _) = chosen(
            "New faces: Rewi Pohatu, managing director\n\
             What's the biggest challenge you have faced? Learning to commit to the few things that count.\n\
             How do you switch off? I don't, really. I walk the dog.\n",
        );
        assert_eq!(
            questions,
            [
                "What's the biggest challenge you have faced?",
                "How do you switch off?"
            ]
        );
        assert_eq!(answers[1], ["I don't, really. I walk the dog."]);
    }

    #[test]
    fn the_unmarked_line_before_a_labelled_answer_is_its_question() {
        let (questions, answers, _) = chosen(
            "Excerpts of the interview with Farah Idris and Kevin Lim\n\
             Farah Idris: Let the buyers decide\n\
             MetroBiz: Is selling your stake the cleanest way out?\n\
             Farah Idris (FI): I could have stayed.\n\
             Does selling leave you disappointed?\n\
             FI: Not disappointed.\nThese are hard times for the sector.\n\
             Will you take another board seat?\nFI: I don't think so.\n\
             Lim: Nor will I.\n",
        );
        assert_eq!(
            questions,
            [
                "Is selling your stake the cleanest way out?",
                "Does selling leave you disappointed?",
                "Will you take another board seat?",
                "Will you take another board seat?"
            ]
        );
        assert_eq!(
            answers[1],
            ["Not disappointed.", "These are hard times for the sector."]
        );
        // a panelist the page names, answering once
        assert_eq!(answers[3], ["Nor will I."]);
    }

    #[test]
    fn numbers_and_a_space_open_questions_when_they_count_up() {
        let (questions, _, _) = chosen(
            "バトン\n1 あなたのペンネームは。\n霧島ほたるです。\n2 あなたの職業は?\n\
             図書館の職員です\n3 好きな作家は。\n佐藤さとるさん\n",
        );
        assert_eq!(
            questions,
            [
                "あなたのペンネームは。",
                "あなたの職業は?",
                "好きな作家は。"
            ]
        );
        let (questions, _, _) = chosen(
            "Q: How many came?\nA: A lot.\n100 people came on the first day.\n\
             Q: And later?\nA: Fewer.\n20 more came after.\n",
        );
        assert_eq!(questions, ["How many came?", "And later?"]);
    }

    #[test]
    fn a_bare_first_question_before_quoted_answers_by_name() {
        let (questions, answers, _) = chosen(
            "私は町長にインタビューをした。\n最も変えたいのはどこですか。\n\
             木島町長 「説明会を変えます。」\nかんの 「具体的にはどう変わるのでしょうか」\n\
             木島町長 「案を三つ持って行きます。」\nかんの 「戸惑いの声もあるのでは」\n\
             木島町長 「ありますね。」\n(つづく)\n",
        );
        assert_eq!(
            questions,
            [
                "最も変えたいのはどこですか。",
                "具体的にはどう変わるのでしょうか",
                "戸惑いの声もあるのでは"
            ]
        );
        assert_eq!(answers[2], ["ありますね。"]);
    }

    #[test]
    fn a_marked_question_holding_its_answer_is_cut_after_its_first_sentence() {
        let (questions, answers, _) = chosen(
            "도예가 윤슬\nQ. 처음 가마에 불을 넣던 날. 졸업 전시 사흘 전이었어요. 절반이 금이 갔어요.\n\
             Q. 요즘은 어떻게 지내세요? 전시 준비로 바빠요.\n",
        );
        assert_eq!(
            questions,
            ["처음 가마에 불을 넣던 날.", "요즘은 어떻게 지내세요?"]
        );
        assert_eq!(
            answers[0],
            ["졸업 전시 사흘 전이었어요. 절반이 금이 갔어요."]
        );
    }

    #[test]
    fn a_header_that_names_the_asker_keeps_the_askers_label() {
        let (questions, _, _) = chosen(
            "Interviewed by Jane Doe\nInterviewee: AA Aaa\n\
             Jane Doe(AAA-AA): We cooperation?\nAA Aaa(JD): We cooperation.\n",
        );
        assert_eq!(questions, ["We cooperation?"]);
    }

    #[test]
    fn a_symbol_in_answers_once_is_no_lead() {
        let (questions, _, _) =
            chosen("Name\nQ: Why?\nA: Because.\n- one item\nQ: And?\nA: More.\n");
        assert_eq!(questions, ["Why?", "And?"]);
    }
    #[test]
    fn an_interviewers_declared_label_asks_where_answers_are_marked() {
        let p = crate::read::text::read(&crate::source::Source::from_text(
            "t.txt",
            "Interviewed by Jane Doe\nAA Aaa\nWe must cooperate here.\nJane Doe(JD): Why?\nA: Because.\nJD: How?\nA: Thus.\n",
        ));
        let i = p.interview.unwrap();
        assert_eq!(i.speaker.unwrap().name, "AA Aaa");
        assert_eq!(i.exchanges.len(), 2);
        assert_eq!(i.exchanges[0].question, "Why?");
    }
}
