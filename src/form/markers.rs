//! Question and answer markers: the rules that tell a turn from plain text.
//!
//! Each rule recognises a marker at the start of a line and says where the
//! turn's text begins. Colons may be half- or full-width, and no space is
//! needed after a marker. A line wrapped in Markdown bold (`**Q:** …`,
//! `**Q: …**`) is read as if the asterisks were not there.
//!
//! | rule | question | answer |
//! | --- | --- | --- |
//! | [`letter`] | `Q:` `Q.` `Q)` `Q1:` `Ｑ：` | `A:` `A.` `A)` `A1:` `Ａ：` |
//! | [`word`] | `Question:` `问：` `記者：` `質問：` `질문:` | `Answer:` `答：` `回答：` `답변:` |
//! | [`bracket`] | `[질문]` `【記者】` `[Q]` | `[답변]` `【答】` `[A]` |
//! | [`dash`] | `――` `--` `——` opening a question | (the answer follows unmarked) |
//!
//! [`split_inline`] finds markers inside a line, for transcripts printed on
//! one line (`Q: Why? A: Because. Q: …`).

/// Which side of an exchange a marker opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// The interviewer asks.
    Question,
    /// The interviewee answers.
    Answer,
}

/// A marker found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    /// The side it opens.
    pub side: Side,
    /// Where the turn's text stands in the line, marker (and emphasis)
    /// removed: see [`Marker::body`].
    pub body_range: std::ops::Range<usize>,
    /// Byte offset of `body` in the line.
    pub body_at: usize,
    /// Which rule matched (a dash question's answer follows unmarked).
    pub rule: Rule,
}

impl Marker {
    /// The turn's text in `line`, the line it was detected in.
    pub fn body<'l>(&self, line: &'l str) -> &'l str {
        &line[self.body_range.clone()]
    }
}

/// The marker rules, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// `Q:`, `A.`, `Q1)`, `Ｑ：`.
    Letter,
    /// `Question:`, `问：`, `记者：`, `質問：`, `답변:`.
    Word,
    /// `[질문]`, `【記者】`, `[A]`.
    Bracket,
    /// `――`, `--`, `——` before a question.
    Dash,
}

/// Colons: ASCII, full-width, and the small and presentation forms.
pub(crate) const COLONS: [char; 4] = [':', '：', '︰', '﹕'];

/// Finds a marker at the start of `line`.
pub(crate) fn detect(line: &str) -> Option<Marker> {
    if let Some((inner_at, inner)) = strip_bold_open(line) {
        let mut marker = detect_plain(inner)?;
        let rest = &inner[marker.body_at..];
        let (skip, body) = match rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) {
            Some(after) => (rest.len() - after.trim_start().len(), after.trim_start()),
            None => (0, rest.strip_suffix("**").unwrap_or(rest).trim_end()),
        };
        marker.body_at = inner_at + marker.body_at + skip;
        marker.body_range = super::chars::range_in(line, body.trim());
        return Some(marker);
    }
    detect_plain(line)
}

/// `**` or `__` opening a line → the rest.
fn strip_bold_open(line: &str) -> Option<(usize, &str)> {
    let inner = line
        .strip_prefix("**")
        .or_else(|| line.strip_prefix("__"))?;
    Some((2, inner))
}

fn detect_plain(line: &str) -> Option<Marker> {
    let (side, rule, body_at) = letter(line)
        .map(|(s, at)| (s, Rule::Letter, at))
        .or_else(|| word(line).map(|(s, at)| (s, Rule::Word, at)))
        .or_else(|| bracket(line).map(|(s, at)| (s, Rule::Bracket, at)))
        .or_else(|| bulleted_word(line).map(|(s, at)| (s, Rule::Word, at)))
        .or_else(|| dash(line).map(|at| (Side::Question, Rule::Dash, at)))?;
    let body_at = body_at + nested(&line[body_at..], side, rule);
    // a marker framed by a dash on both sides of the turn: `ーQ 大学は?ー`
    let body = line[body_at..].trim();
    let body = match line.chars().next() {
        Some(frame @ ('ー' | '―' | '─')) if body.ends_with(frame) => {
            body.trim_end_matches(frame).trim_end()
        }
        _ => body,
    };
    Some(Marker {
        side,
        body_range: super::chars::range_in(line, body),
        body_at: body_at + (line[body_at..].len() - line[body_at..].trim_start().len()),
        rule,
    })
}

/// **Nested marker rule**: a role's bracket or word before the page's
/// own marker of the same side, `[기자] Q1. 지방 의대 …` → `지방 의대 …`: the
/// offset in `body` (the text after the outer marker) of the turn's text,
/// 0 when no marker of the side opens it.
fn nested(body: &str, side: Side, rule: Rule) -> usize {
    if !matches!(rule, Rule::Bracket | Rule::Word) {
        return 0;
    }
    let text = body.trim_start();
    match letter(text) {
        Some((inner, at)) if inner == side && !text[at..].trim().is_empty() => {
            body.len() - text.len() + at
        }
        _ => 0,
    }
}

/// **Letter rule**: `Q` or `A` (half or full width), an optional number,
/// optional spaces, and a delimiter: `Q: How?`, `A.Because.`, `Q1) Why?`,
/// `Ｑ：なぜ？`, `Q1　入社の…` (a number, then a full-width space; see
/// [`after_token`]). `A.B. Smith` (initials) is not a marker.
pub(crate) fn letter(line: &str) -> Option<(Side, usize)> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let side = match first {
        'Q' | 'Ｑ' => Side::Question,
        'A' | 'Ａ' => Side::Answer,
        _ => return None,
    };
    let rest = &line[first.len_utf8()..];
    // `Q-1:` numbers the question as `Q1:` does
    let rest = match rest.strip_prefix(['-', '‐']) {
        Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => after,
        _ => rest,
    };
    let digits = number_len(rest);
    let spaced = &rest[digits..];
    let rest = spaced.trim_start_matches([' ', '\u{3000}']);
    // `Q    Is the Mayor on board?`, `A\tShe is not.`: a tab or a run of
    // spaces is the delimiter, as press-briefing transcripts print it
    let gap = &spaced[..spaced.len() - rest.len()];
    // `Q どんなことを…`: one space before Japanese or Chinese text (no
    // English word is `Q`; in Korean `A 씨` is someone unnamed)
    let cjk_after_space = gap == " "
        && rest.chars().next().is_some_and(|c| {
            super::chars::is_cjk_letter(c) && !('\u{ac00}'..='\u{d7af}').contains(&c)
        });
    if digits == 0 && cjk_after_space {
        return Some((side, line.len() - rest.len()));
    }
    if digits == 0 && (spaced.starts_with('\t') || gap.len() >= 3 || gap.contains('\u{3000}')) {
        let text = spaced.trim_start();
        if text.starts_with(|c: char| c.is_uppercase() || !c.is_ascii()) {
            return Some((side, line.len() - text.len()));
        }
    }
    if digits > 0
        && let Some(at) = numbered_gap(spaced)
    {
        return Some((side, line.len() - spaced.len() + at));
    }
    // `Q1` alone on its line: the text follows on the next
    if digits > 0 && spaced.trim().is_empty() {
        return Some((side, line.len()));
    }
    let delimiter = rest.chars().next()?;
    if !(COLONS.contains(&delimiter) || matches!(delimiter, '.' | '．' | ')' | '）' | '、')) {
        return None;
    }
    let after = &rest[delimiter.len_utf8()..];
    if matches!(delimiter, '.' | '．') {
        // initials (`A.B. Smith`, `Q.E.D.`) and decimals are no markers
        let mut next = after.chars();
        if let (Some(a), Some('.')) = (next.next(), next.next())
            && a.is_alphabetic()
        {
            return None;
        }
        if digits == 0
            && let Some(at) = number_after_stop(after)
        {
            return Some((side, line.len() - after.len() + at));
        }
    }
    Some((side, line.len() - after.len()))
}

/// **Number after the stop rule**: `Q.1 ふたりの…`, `Q.12　…`, `A.3) …`: a
/// number glued to the marker's full stop numbers the turn, when a space,
/// a full-width space or a delimiter follows it; the offset of the text
/// in `after`, the text after the stop. `A.5 million` is a decimal: one
/// ASCII space before Latin text is no delimiter.
fn number_after_stop(after: &str) -> Option<usize> {
    let digits = number_len(after);
    if digits == 0 {
        return None;
    }
    let rest = &after[digits..];
    if let Some(at) = numbered_gap(rest) {
        return Some(digits + at);
    }
    let delimiter = rest.chars().next()?;
    if !(matches!(delimiter, '.' | '．' | ')' | '）') || COLONS.contains(&delimiter)) {
        return None;
    }
    let text = rest[delimiter.len_utf8()..].trim_start_matches([' ', '\u{3000}']);
    let opens = text.chars().next()?;
    (!opens.is_ascii_digit()).then_some(after.len() - text.len())
}

/// The length in bytes of the number opening `text`: ASCII or full-width
/// digits (`12`, `１２`), or one circled number (`①`); 0 when none.
pub(crate) fn number_len(text: &str) -> usize {
    if let Some(c) = text.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return c.len_utf8();
    }
    text.char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))
        .map_or(text.len(), |(i, _)| i)
}

/// **Numbered gap rule**: after a marker's number, a space delimits the
/// marker where prose would not put one: a full-width space, a tab or a
/// run of spaces (`Q1　入社の…`, `A2\t…`, `質問１　…`), or one space
/// before Japanese or Chinese text (`Q3 なぜ…`); the offset of the text
/// in `after_number`. One space before Latin or Korean text (`A1 sauce`,
/// `A1 등급`) is prose unless the page says otherwise (see
/// [`spaced_letter`]).
pub(crate) fn numbered_gap(after_number: &str) -> Option<usize> {
    let text = after_number.trim_start_matches([' ', '\u{3000}', '\t']);
    let gap = &after_number[..after_number.len() - text.len()];
    let next = text.chars().next()?;
    let wide_gap = gap.contains(['\u{3000}', '\t']) || gap.len() >= 2;
    let cjk = super::chars::is_cjk_letter(next) && !('\u{ac00}'..='\u{d7af}').contains(&next);
    (wide_gap || (gap == " " && cjk)).then_some(after_number.len() - text.len())
}

/// **Spaced letter rule**: `Q` or `A`, an optional number, and one space
/// before a capital (or a CJK letter), as court transcripts and some
/// numbered interviews print turns: `Q Now, in your position …`, `A Yes.`,
/// `Q1 무엇을…`, `A1 네.`. English sentences open so too (`A New York firm
/// …`, `A1 sauce`): the page says whether these are markers (both sides
/// recur: see the classify pass).
pub(crate) fn spaced_letter(line: &str) -> Option<(Side, usize)> {
    let side = match line.as_bytes().first()? {
        b'Q' => Side::Question,
        b'A' => Side::Answer,
        _ => return None,
    };
    let rest = &line[1..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let text = rest[digits..].strip_prefix(' ')?;
    // `A 씨는…` is someone unnamed: a CJK letter follows a number only
    let cjk = |c: char| digits > 0 && super::chars::is_cjk_letter(c);
    text.starts_with(|c: char| c.is_uppercase() || cjk(c))
        .then_some((side, line.len() - text.len()))
}

/// The marker of a line that [`spaced_letter`] reads.
pub(crate) fn spaced_marker(line: &str) -> Option<Marker> {
    let (side, at) = spaced_letter(line)?;
    Some(Marker {
        side,
        body_range: super::chars::range_in(line, line[at..].trim()),
        body_at: at,
        rule: Rule::Letter,
    })
}

/// Question words: the interviewer's role or the word "question".
const QUESTION_WORDS: &[&str] = &[
    "Question",
    "QUESTION",
    "Interviewer",
    "INTERVIEWER",
    "提问",
    "提問",
    "问",
    "問",
    "记者",
    "記者",
    "主持人",
    "质问",
    "質問",
    "聞き手",
    "インタビュアー",
    "司会",
    "질문",
    "문",
    "기자",
    "사회자",
    "진행자",
];

/// Answer words.
const ANSWER_WORDS: &[&str] = &[
    "Answer", "ANSWER", "回答", "答复", "答", "応答", "답변", "답", "대답",
];

/// **Word rule**: a question or answer word, an optional number, and a
/// delimiter: `Question: How?`, `Answer 2: Thus.`, `问：如何？`, `答：如此。`,
/// `记者：…`, `質問：…`, `回答：…`, `질문: …`, `답변: …`. A CJK word takes a
/// closing parenthesis or a full stop too (`문) 왜요?`, `答）如此。`,
/// `問．…`), and after a number a space (`質問１　なぜ？`, `問1 なぜ？`).
pub(crate) fn word(line: &str) -> Option<(Side, usize)> {
    for (words, side) in [
        (QUESTION_WORDS, Side::Question),
        (ANSWER_WORDS, Side::Answer),
    ] {
        // the first byte first: most lines start with no marker word
        let first = line.as_bytes().first();
        for w in words.iter().filter(|w| w.as_bytes().first() == first) {
            let Some(rest) = line.strip_prefix(w) else {
                continue;
            };
            if let Some(at) = after_word(rest, !w.is_ascii()) {
                return Some((side, line.len() - rest.len() + at));
            }
        }
    }
    None
}

/// **Word delimiter rule**: what may close a marker word, `rest` the text
/// after the word: an optional number, then a colon (`: `, ` 2:`), or for
/// a CJK word (`cjk`) a closing parenthesis or a full stop (`)`, `）`,
/// `．`), or after a number a space (`１　`, `1 `): the offset of the turn's
/// text in `rest`. A Latin word glued to a parenthesis (`Question)`) is
/// no marker: `Question) …` opens no English turn.
pub(crate) fn after_word(rest: &str, cjk: bool) -> Option<usize> {
    let spaced = rest.trim_start_matches(' ');
    let digits = number_len(spaced);
    let numbered = &spaced[digits..];
    let delimited = numbered.trim_start_matches(' ');
    let base = rest.len() - delimited.len();
    let delimiter = delimited.chars().next()?;
    if COLONS.contains(&delimiter) {
        return Some(base + delimiter.len_utf8());
    }
    // `문 앞에서…`: a CJK word and a space are prose; only a number makes
    // them a marker, and the number is glued to the word
    if !cjk || spaced.len() != rest.len() {
        return None;
    }
    if matches!(delimiter, ')' | '）' | '.' | '．') {
        let after = &delimited[delimiter.len_utf8()..];
        // `答.5` is a number, `問)` before nothing no turn
        let opens = after.trim_start().chars().next()?;
        return (!opens.is_ascii_digit()).then_some(base + delimiter.len_utf8());
    }
    if digits > 0 {
        let at = numbered_gap(numbered)?;
        return Some(rest.len() - numbered.len() + at);
    }
    None
}

/// Bullets that may stand before a marker word.
const BULLETS: &[char] = &[
    '-', '▶', '▷', '►', '■', '□', '◆', '◇', '●', '○', '★', '☆', '◎', '※', '・', '•', '>', 'ー', '―',
];

/// **Bulleted word rule**: a bullet, then a question or answer word (or
/// `Q`/`A`) and a colon, a space or nothing: `-질문 요즘 어떻습니까?`,
/// `▶답변 바쁩니다.`, `■问 如何？`, `◆Q. Why?`. Without the bullet, a word
/// and a space are prose (`문 앞에서…`), so the bullet is required; a Latin
/// word needs its colon, full stop or parenthesis even then.
pub(crate) fn bulleted_word(line: &str) -> Option<(Side, usize)> {
    let rest = line.trim_start_matches(BULLETS);
    if rest.len() == line.len() || rest.len() + 8 < line.len() {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    for (words, side) in [
        (QUESTION_WORDS, Side::Question),
        (ANSWER_WORDS, Side::Answer),
        (&["Q", "Ｑ"][..], Side::Question),
        (&["A", "Ａ"][..], Side::Answer),
    ] {
        for w in words {
            let Some(after) = rest.strip_prefix(w) else {
                continue;
            };
            let after = after.trim_start_matches(|c: char| c.is_ascii_digit());
            let next = after.chars().next();
            let body = match next {
                Some(c) if COLONS.contains(&c) || matches!(c, '.' | ')' | '）') => {
                    &after[c.len_utf8()..]
                }
                // a space delimits a CJK word, or a letter before Japanese
                // or Chinese text (`ーQ 大学は…`, as the letter rule reads
                // `Q どんな…`): `- A great day` and `- Question marks
                // abound` are prose
                Some(' ' | '\u{3000}') if !w.is_ascii() || opens_han_or_kana(after) => after,
                // a CJK word glued to its text: `▶답변바쁩니다` is too
                // rare to tell from a word that merely starts the same
                _ => continue,
            };
            // `◎ 사회자 > 질문…`: an arrow after the word delimits too
            let body = body.trim_start();
            let body = body.strip_prefix(['>', '＞']).unwrap_or(body).trim_start();
            if body.is_empty() {
                continue;
            }
            return Some((side, line.len() - body.len()));
        }
    }
    None
}

/// Whether `text`, after its spaces, opens with a Han or kana letter.
fn opens_han_or_kana(text: &str) -> bool {
    text.trim_start_matches([' ', '\u{3000}'])
        .chars()
        .next()
        .is_some_and(|c| super::chars::is_cjk_letter(c) && !('\u{ac00}'..='\u{d7af}').contains(&c))
}

/// Opening and closing brackets around a marker or a speaker label.
pub(crate) const BRACKETS: &[(char, char)] = &[
    ('[', ']'),
    ('【', '】'),
    ('［', '］'),
    ('〔', '〕'),
    ('〈', '〉'),
    ('<', '>'),
    ('(', ')'),
    ('（', '）'),
];

/// `[inner] rest` → (`inner`, offset of `rest`).
pub(crate) fn bracketed(line: &str) -> Option<(&str, usize)> {
    let first = line.chars().next()?;
    let &(_, close) = BRACKETS.iter().find(|(open, _)| *open == first)?;
    let inner_start = first.len_utf8();
    let len = line[inner_start..].find(close)?;
    let inner = line[inner_start..inner_start + len].trim();
    let mut after = inner_start + len + close.len_utf8();
    // an optional colon after the bracket: `[질문]: …`
    if let Some(rest) = line[after..].trim_start().strip_prefix(COLONS) {
        after = line.len() - rest.len();
    }
    (!inner.is_empty()).then_some((inner, after))
}

/// **Bracket rule**: a question or answer word (or `Q`/`A`) in brackets:
/// `[질문] …`, `[답변] …`, `【記者】…`, `【答】…`, `[Q] …`.
pub(crate) fn bracket(line: &str) -> Option<(Side, usize)> {
    let (inner, after) = bracketed(line)?;
    let side = if matches!(inner, "Q" | "Ｑ") || QUESTION_WORDS.contains(&inner) {
        Side::Question
    } else if matches!(inner, "A" | "Ａ") || ANSWER_WORDS.contains(&inner) {
        Side::Answer
    } else {
        return None;
    };
    Some((side, after))
}

/// **Dash rule**: two dashes (`――`, `──`, `——`, `－－`, `--`) or one
/// horizontal bar (`―`) open a question whose answer follows unmarked:
/// `――日本経済の見通しは？`. A line of dashes alone is a separator, and a
/// line framed by dashes on both sides (`──『夏の庭』によせて──`) a
/// subtitle: neither is a marker.
pub(crate) fn dash(line: &str) -> Option<usize> {
    let is_dash = |c: char| matches!(c, '―' | '—' | '─' | '－' | '-' | '━' | 'ー');
    let mut chars = line.chars();
    let first = chars.next()?;
    let second = chars.next()?;
    let len = if is_dash(first) && second == first {
        // the whole run: `――――` opens a question as `――` does
        let run = line.chars().take_while(|&c| c == first).count();
        run * first.len_utf8()
    } else if (first == '―' && !is_dash(second))
        || (first == 'ー' && matches!(second, ' ' | '\u{3000}'))
    {
        // `ー 大学では…`: a long-vowel mark opens no word, so before a
        // space it is a dash
        first.len_utf8()
    } else {
        return None;
    };
    let rest = &line[len..];
    let text = rest.trim_start();
    let opens_text = text
        .chars()
        .next()
        .is_some_and(|c| !is_dash(c) && c != '>' && !c.is_whitespace());
    let framed = text.trim_end().ends_with(|c: char| is_dash(c) && c != '-');
    (opens_text && !framed).then_some(len)
}

/// Offsets in `line` where an inline marker opens a new turn: after the
/// end of a sentence (`. `, `? `, `。`, `？`), a marker of the letter,
/// word or bracket rule. Empty unless the line opens with a marker and
/// holds at least one question and one answer marker, so a stray `A:` in
/// prose splits nothing, or holds three question markers and no answer
/// marker (a listing that flattened questions with unmarked answers,
/// after its title).
pub(crate) fn split_inline(line: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let (mut questions, mut answers) = (0, 0);
    // a one-line transcript opens with a turn, or with its title before
    // three questions at least
    let first = detect(line);
    match first.as_ref().map(|m| m.side) {
        Some(Side::Question) => questions += 1,
        Some(Side::Answer) => answers += 1,
        None => {}
    }
    for at in sentence_starts(line) {
        let rest = &line[at..];
        let found = letter(rest)
            .map(|(s, _)| s)
            .or_else(|| word(rest).map(|(s, _)| s))
            .or_else(|| bracket(rest).map(|(s, _)| s));
        match found {
            Some(Side::Question) => questions += 1,
            Some(Side::Answer) => answers += 1,
            None => continue,
        }
        cuts.push(at);
    }
    let both_sides = first.is_some() && questions >= 1 && answers >= 1;
    // only questions marked, their answers unmarked after them
    let questions_only = answers == 0 && questions >= 3;
    if (both_sides || questions_only) && !cuts.is_empty() {
        cuts
    } else {
        Vec::new()
    }
}

/// **Pair line rule**: a question and its answer on one line, each opened
/// by its marker after a sentence's end, questions and answers taking
/// turns: `Q: Where can people find you? A: By the fountain.`; a listing
/// may glue its caption and lede before the first pair (`Photo: … sells
/// them at the market. Q: How did you start? A: I mended a chair.`). The
/// offsets where the line is cut (the first marker's too when text comes
/// before it), and whether the line opens with its question marker;
/// `None` unless the line holds a whole pair.
pub(crate) fn pair_cuts(line: &str) -> Option<(Vec<usize>, bool)> {
    let opens = detect(line).map(|m| m.side);
    if opens == Some(Side::Answer) {
        return None;
    }
    let mut cuts = Vec::new();
    let mut sides: Vec<Side> = opens.into_iter().collect();
    // only where a marker may open (most lines have no such offset after a
    // sentence's end), is the sentence's end asked for
    let starts = line
        .char_indices()
        .skip(1)
        .filter(|&(at, c)| may_open_marker(c) && after_sentence_end(&line[..at], Some(c)));
    for (at, _) in starts {
        let rest = &line[at..];
        let Some(side) = letter(rest)
            .or_else(|| word(rest))
            .or_else(|| bracket(rest))
            .map(|(s, _)| s)
        else {
            continue;
        };
        cuts.push(at);
        sides.push(side);
    }
    let alternate = sides.iter().enumerate().all(|(n, &side)| {
        side == if n % 2 == 0 {
            Side::Question
        } else {
            Side::Answer
        }
    });
    (alternate && sides.len() >= 2 && sides.len().is_multiple_of(2))
        .then_some((cuts, opens.is_some()))
}

/// Whether a marker of the letter, word or bracket rule may open with `c`.
/// (The first letters of [`QUESTION_WORDS`] and [`ANSWER_WORDS`] and the
/// openers of [`BRACKETS`], matched at once: it is asked of every letter.)
fn may_open_marker(c: char) -> bool {
    matches!(
        c,
        'Q' | 'A'
            | 'I'
            | 'Ｑ'
            | 'Ａ'
            | '['
            | '【'
            | '［'
            | '〔'
            | '〈'
            | '<'
            | '('
            | '（'
            | '提'
            | '问'
            | '問'
            | '记'
            | '記'
            | '主'
            | '质'
            | '質'
            | '聞'
            | 'イ'
            | '司'
            | '질'
            | '문'
            | '기'
            | '사'
            | '진'
            | '回'
            | '答'
            | '応'
            | '답'
            | '대'
    )
}

/// Whether `before` ends a sentence: the definition [`sentence_starts`]
/// is tested against, and what [`pair_cuts`] asks at the few offsets where
/// a marker may open.
pub(crate) fn after_sentence_end(before: &str, next: Option<char>) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        Some(c) if closes_sentence_alone(c) => true,
        // `…時候?韋然:`: a half-width mark in CJK text needs no space
        Some('?') if next.is_some_and(super::chars::is_cjk_letter) => true,
        Some(c) if is_gap(c) => rev.find(|&c| !is_gap(c)).is_some_and(closes_sentence),
        _ => false,
    }
}

/// Every offset `at > 0` of `line` after a sentence's end, where a turn
/// may open: after CJK terminal punctuation, or after terminal punctuation
/// and spaces. One pass: a run of spaces is not scanned again at each of
/// its offsets.
pub(crate) fn sentence_starts(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut starts = Vec::new();
    let mut from = 0;
    // Only closing punctuation can end a sentence: find it by its first
    // byte (ASCII, or the lead byte of the three-byte CJK punctuation)
    // rather than decoding every character.
    let lead = |b: &u8| matches!(b, b'.' | b'?' | b'!' | b'"' | b')' | 0xE2 | 0xE3 | 0xEF);
    while let Some(found) = bytes[from..].iter().position(lead) {
        let at = from + found;
        let Some(c) = line[at..].chars().next() else {
            break;
        };
        let mut next = at + c.len_utf8();
        from = next;
        if !(closes_sentence_alone(c) || closes_sentence(c)) {
            continue;
        }
        let cjk_after = || {
            line[next..]
                .chars()
                .next()
                .is_some_and(super::chars::is_cjk_letter)
        };
        // (`您好!您…` is one greeting running on)
        if (closes_sentence_alone(c) || (c == '?' && cjk_after())) && next < line.len() {
            starts.push(next);
        }
        // after each space of the run that follows
        while let Some(gap) = line[next..].chars().next().filter(|&g| is_gap(g)) {
            next += gap.len_utf8();
            if closes_sentence(c) && next < line.len() {
                starts.push(next);
            }
        }
        from = next;
    }
    starts
}

/// Spaces between a sentence's end and the next turn.
fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}')
}

/// CJK punctuation that ends a sentence with no space after it.
fn closes_sentence_alone(c: char) -> bool {
    matches!(c, '。' | '？' | '！' | '」' | '』' | '…')
}

/// Punctuation that ends a sentence when a space follows.
fn closes_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '。' | '？' | '！' | '"' | '”' | '’' | ')' | '）' | '」' | '…'
    )
}

/// Whether a turn's text asks something: it ends with a question mark,
/// or with a question ending (`까요`, `ですか`, `ますか。`, `でしょうか。`,
/// `습니까.`) before a full stop or none.
pub(crate) fn asks(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '」', '』', ')', '）', ' ']);
    if t.ends_with(['?', '？']) {
        return true;
    }
    let t = t.strip_suffix(['。', '.']).unwrap_or(t);
    ["까요", "까", "ですか", "ますか", "でしょうか", "のか"]
        .iter()
        .any(|e| t.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_or_a_and_one_space_before_a_capital_may_mark_a_turn() {
        assert_eq!(
            spaced_letter("Q Now, in your position"),
            Some((Side::Question, 2))
        );
        assert_eq!(spaced_letter("A Yes."), Some((Side::Answer, 2)));
        assert_eq!(spaced_letter("A lot of people"), None);
        assert_eq!(spaced_letter("Also this"), None);
    }
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sentence_starts_are_where_sentences_end(
            line in "[ .?!。？！」』…\u{3000}\"”’)）aQ:A：问答]{0,40}"
        ) {
            let slow: Vec<usize> = line
                .char_indices()
                .skip(1)
                .map(|(at, _)| at)
                .filter(|&at| after_sentence_end(&line[..at], line[at..].chars().next()))
                .collect();
            prop_assert_eq!(sentence_starts(&line), slow);
        }
    }

    #[test]
    fn q_and_one_space_before_cjk_text_is_a_marker() {
        assert_eq!(letter("Q どんなことを?"), Some((Side::Question, 2)));
        assert_eq!(letter("Q 무엇을?"), None);
        assert_eq!(letter("A 씨는 말했다."), None);
        assert_eq!(letter("A そうです。"), Some((Side::Answer, 2)));
        assert_eq!(letter("A lot"), None);
    }

    #[test]
    fn long_vowel_marks_as_dashes_open_questions() {
        assert_eq!(q_body("ー 大学では何を?"), Some("大学では何を?".to_owned()));
        assert_eq!(q_body("ーーー なぜですか"), Some("なぜですか".to_owned()));
        assert_eq!(q_body("ーーー"), None);
        assert_eq!(q_body("ーム"), None);
    }

    fn q_body(line: &str) -> Option<String> {
        let at = dash(line)?;
        Some(line[at..].trim().to_owned())
    }

    #[test]
    fn a_half_width_question_mark_ends_a_sentence_before_cjk() {
        let line = "甚麼時候?韋然:第一次。";
        assert_eq!(sentence_starts(line), [line.find('韋').unwrap()]);
        assert!(sentence_starts("Why?no").is_empty());
        assert!(sentence_starts("您好!您離開").is_empty());
    }

    fn side(line: &str) -> Option<(Side, String)> {
        detect(line).map(|m| (m.side, m.body(line).to_owned()))
    }

    fn q(body: &str) -> Option<(Side, String)> {
        Some((Side::Question, body.to_owned()))
    }

    fn a(body: &str) -> Option<(Side, String)> {
        Some((Side::Answer, body.to_owned()))
    }

    #[test]
    fn letter_forms() {
        assert_eq!(side("Q: Why?"), q("Why?"));
        assert_eq!(side("Q. Why?"), q("Why?"));
        assert_eq!(side("Q) Why?"), q("Why?"));
        assert_eq!(side("Q1: Why?"), q("Why?"));
        assert_eq!(side("A12. So."), a("So."));
        assert_eq!(side("Ｑ：なぜ？"), q("なぜ？"));
        assert_eq!(side("Ａ：だから。"), a("だから。"));
        assert_eq!(side("A:Because."), a("Because."));
        assert_eq!(side("Q : Why?"), q("Why?"));
        assert_eq!(side("A.B. Smith wrote it."), None);
        assert_eq!(
            side("Q    Is the Mayor on board?"),
            q("Is the Mayor on board?")
        );
        assert_eq!(side("A\tShe is not."), a("She is not."));
        assert_eq!(side("A great day."), None);
        assert_eq!(side("A  great day."), None);
        assert_eq!(side("Quite: so"), None);
        assert_eq!(side("Asia is big."), None);
    }

    #[test]
    fn word_forms() {
        assert_eq!(side("Question: Why?"), q("Why?"));
        assert_eq!(side("Answer: So."), a("So."));
        assert_eq!(side("问：为什么？"), q("为什么？"));
        assert_eq!(side("答：因为。"), a("因为。"));
        assert_eq!(side("记者：您好。"), q("您好。"));
        assert_eq!(side("質問：なぜ？"), q("なぜ？"));
        assert_eq!(side("回答：はい。"), a("はい。"));
        assert_eq!(side("질문: 왜요?"), q("왜요?"));
        assert_eq!(side("답변:네."), a("네."));
        assert_eq!(side("问题在于"), None);
    }

    #[test]
    fn paren_after_a_cjk_word_marks_a_turn() {
        assert_eq!(side("문) 책방을 연 계기는?"), q("책방을 연 계기는?"));
        assert_eq!(side("답)출판사에서 일했어요."), a("출판사에서 일했어요."));
        assert_eq!(side("問）為什麼？"), q("為什麼？"));
        assert_eq!(side("答）因為。"), a("因為。"));
        assert_eq!(side("答．はい。"), a("はい。"));
        // a Latin word glued to a parenthesis, a number after: prose
        assert_eq!(side("Question) why"), None);
        assert_eq!(side("答.5倍"), None);
        assert_eq!(side("문 앞에서 기다렸다."), None);
    }

    #[test]
    fn a_number_and_a_wide_space_after_a_marker_delimit_it() {
        assert_eq!(side("Q1　入社のきっかけは？"), q("入社のきっかけは？"));
        assert_eq!(side("A12　5年前です。"), a("5年前です。"));
        assert_eq!(side("Ｑ１　なぜ？"), q("なぜ？"));
        assert_eq!(side("Q3 なぜですか"), q("なぜですか"));
        assert_eq!(side("質問１　いつですか。"), q("いつですか。"));
        assert_eq!(side("回答１　5年前です。"), a("5年前です。"));
        assert_eq!(side("質問①　いつですか。"), q("いつですか。"));
        assert_eq!(side("Q2\tWhy?"), q("Why?"));
        // one space before Latin or Korean text: prose, unless the page
        // repeats it on both sides (see `spaced_letter`)
        assert_eq!(side("A1 sauce is sold here."), None);
        assert_eq!(side("A1 등급을 받았다."), None);
        assert_eq!(spaced_letter("A1 등급을"), Some((Side::Answer, 3)));
        assert_eq!(spaced_letter("A 씨는"), None);
        // a number glued to the marker's stop
        assert_eq!(side("Q.1 ふたりの名前は?"), q("ふたりの名前は?"));
        assert_eq!(side("Q.12　なぜ？"), q("なぜ？"));
        assert_eq!(side("Q.3) Why?"), q("Why?"));
        assert_eq!(side("A.5 million came."), a("5 million came."));
        assert_eq!(side("A. 5 days."), a("5 days."));
        // alone on its line, the text on the next
        assert_eq!(letter("Q1"), Some((Side::Question, 2)));
        assert_eq!(letter("A１"), Some((Side::Answer, 4)));
        assert_eq!(letter("A"), None);
    }

    #[test]
    fn a_roles_marker_before_the_pages_own_is_one_marker() {
        assert_eq!(side("[기자] Q1. 지방 의대는?"), q("지방 의대는?"));
        assert_eq!(side("질문: Q. 왜요?"), q("왜요?"));
        // an answer's letter after a question word is the question's text
        assert_eq!(side("[질문] A: 그게 뭐죠?"), q("A: 그게 뭐죠?"));
    }

    #[test]
    fn every_marker_word_and_bracket_may_open_a_marker() {
        for w in QUESTION_WORDS.iter().chain(ANSWER_WORDS) {
            assert!(may_open_marker(w.chars().next().unwrap()), "{w}");
        }
        for &(open, _) in BRACKETS {
            assert!(may_open_marker(open), "{open}");
        }
    }

    #[test]
    fn bulleted_words() {
        assert_eq!(side("-질문 요즘 어떻습니까?"), q("요즘 어떻습니까?"));
        assert_eq!(side("▶답변 바쁩니다."), a("바쁩니다."));
        assert_eq!(side("■问：如何？"), q("如何？"));
        assert_eq!(side("◆ Q. Why?"), q("Why?"));
        // no bullet, or a word that only starts the same: prose
        assert_eq!(side("문 앞에서 기다렸다."), None);
        assert_eq!(side("-질문지를 받았다."), None);
        assert_eq!(side("- Question marks abound."), None);
    }

    #[test]
    fn a_line_framed_by_dashes_is_a_subtitle_not_a_question() {
        assert_eq!(dash("──『夏の庭』によせて──"), None);
        assert_eq!(dash("――なぜですか？"), Some(6));
        assert_eq!(dash("――――ちなみに？"), Some(12));
        // a hyphen at the end is a word's, not a frame
        assert_eq!(dash("-- what about well-"), Some(2));
    }

    #[test]
    fn brackets_dashes_and_bold() {
        assert_eq!(side("[질문] 왜요?"), q("왜요?"));
        assert_eq!(side("[답변] 네."), a("네."));
        assert_eq!(side("【記者】なぜ？"), q("なぜ？"));
        assert_eq!(side("――なぜですか？"), q("なぜですか？"));
        assert_eq!(side("-- Why?"), q("Why?"));
        assert_eq!(side("―왜요?"), q("왜요?"));
        assert_eq!(side("-----"), None);
        assert_eq!(side("- item"), None);
        assert_eq!(side("**Q:** Why?"), q("Why?"));
        assert_eq!(side("**Q: Why?**"), q("Why?"));
        assert_eq!(side("**A.** So."), a("So."));
        let m = detect("**Q:** Why?").unwrap();
        assert_eq!(&"**Q:** Why?"[m.body_at..], "Why?");
    }

    #[test]
    fn a_question_and_its_answer_marked_on_one_line_make_a_pair_line() {
        let line = "Q: Where can people find you? A: By the fountain.";
        assert_eq!(
            pair_cuts(line),
            Some((vec![line.find("A:").unwrap()], true))
        );
        // a caption and lede glued before the pair
        let line = "Photo: Ines at work. She sells stools. Q: How? A: By chance.";
        assert_eq!(
            pair_cuts(line),
            Some((
                vec![line.find("Q:").unwrap(), line.find("A:").unwrap()],
                false
            ))
        );
        // an answer first, two questions, a plan `A:` inside a sentence
        assert_eq!(pair_cuts("A: So. Q: Why?"), None);
        assert_eq!(pair_cuts("Q: Why? Q: And? A: So."), None);
        assert_eq!(pair_cuts("Q: Was plan A: build? No."), None);
        assert_eq!(pair_cuts("Q: Why?"), None);
    }

    #[test]
    fn inline_markers_split_one_line_transcripts() {
        let line = "Q: How did it start? A: In a garage. Q: And now? A: Forty people.";
        let cuts = split_inline(line);
        let parts: Vec<&str> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .zip(cuts.iter().copied().chain([line.len()]))
            .map(|(s, e)| line[s..e].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "Q: How did it start?",
                "A: In a garage.",
                "Q: And now?",
                "A: Forty people."
            ]
        );
        assert_eq!(split_inline("问：怎么开始的？答：在车库里。").len(), 1);
        assert!(split_inline("We had plan A: build. And plan B.").is_empty());
        // a title, then questions only, their answers unmarked
        let line = "도예가 윤슬 \"흙은 정직해요\" Q. 어떤 작업을? 그릇이요. Q. 첫날은? 울었어요. Q. 요즘은? 바빠요.";
        assert_eq!(split_inline(line).len(), 3);
        assert!(split_inline("Q. 어떤 작업을? 그릇이요. Q. 첫날은? 울었어요.").is_empty());
    }
}
