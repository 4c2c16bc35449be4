//! Pass 5: the body, the turns from the first question on, into
//! exchanges. Unmarked lines continue the current turn (a wrapped line
//! joins its paragraph; otherwise a new paragraph); after a question whose
//! answers are never marked (`――なぜ？`) they are the answer. When several
//! people answer, each exchange records who.

use crate::form::chars;
use std::ops::Range;

use super::classify::{self, Counted, Page};
use super::layout::{Listed, Opener, Profile};
use super::lines::Layout;
use crate::diagnostic::{Code, Diagnostic};
use crate::form::kind::{Kind, is_heading};
use crate::form::line::Line;
use crate::form::markers::Side;
use crate::model::Exchange;

/// What the body gave.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub exchanges: Vec<Exchange>,
    /// Labels that opened turns (not label-shaped header lines).
    pub turn_labels: Vec<String>,
    /// Read-count lines met in the body, in order.
    pub counts: Vec<Counted>,
    pub diagnostics: Vec<Diagnostic>,
    /// Lines that went into exchanges, for a reading's score.
    pub kept: usize,
    /// Lines set aside (an answer before any question, a question with no
    /// answer, an empty turn), for a reading's score.
    pub set_aside: usize,
    /// Answers to one question by a panelist who answered it already: two
    /// labels taking turns under one question, for a reading's score.
    pub repeated: usize,
    /// Turns opened by a speaker label, for a reading's score.
    pub labelled: usize,
    /// The span of each exchange's question line, for two readings to be
    /// compared and an exchange to be reported.
    pub asked: Vec<Range<usize>>,
    /// Where the last exchange kept ends, for a problem with all of it.
    pub last_end: usize,
    /// Answers so far that opened with no quote: on a page that quotes
    /// every answer, what follows a closed quote is narration.
    unquoted_answers: usize,
}

/// An exchange being built.
struct Open {
    /// The span of the question's line.
    asked: Range<usize>,
    /// Where the turn's last line ends, so that a problem with the whole
    /// turn points at all of it.
    end: usize,
    question: String,
    answer: Vec<String>,
    answered_by: Option<String>,
    answering: bool,
    /// The span of the line that opened the answer.
    answer_span: Option<Range<usize>>,
    asked_by_label: bool,
    /// How many lines the turn holds.
    lines: usize,
    /// Panelists who answered the same question before.
    answerers: Vec<String>,
    /// Whether another voice (a label no reading takes for a speaker)
    /// broke into the question before any answer.
    interrupted: bool,
    /// The answer opened with a quote (`石田さん「…`, `“能。…`), and
    /// whether its last line closed it: then what follows unmarked is the
    /// page's narration, not the answer.
    quoted: bool,
    quote_closed: bool,
    /// The answer's first paragraph opened with a list's bullet: so do its
    /// items, and the bullets are the page's form (see [`without_bullet`]).
    listed: bool,
    /// The spans of the answer's last paragraphs that are each a whole
    /// unmarked line, in order (headings between exchanges are among them).
    loose: Vec<Range<usize>>,
}

impl Open {
    /// A question opened by the line at `span`, not answered yet.
    fn asking(span: Range<usize>, question: String, asked_by_label: bool) -> Open {
        Open {
            end: span.end,
            asked: span,
            question,
            answer: Vec::new(),
            answered_by: None,
            answering: false,
            answer_span: None,
            asked_by_label,
            lines: 0,
            answerers: Vec::new(),
            loose: Vec::new(),
            interrupted: false,
            quoted: false,
            quote_closed: false,
            listed: false,
        }
    }
}

/// Turns from line `first` on into exchanges.
pub(crate) fn read(page: &Page<'_>, first: usize, profile: &Profile) -> Body {
    if let Some(listed) = &profile.listed {
        return read_listed(page, first, listed);
    }
    let mut body = Body::default();
    let mut open: Option<Open> = None;
    let mut prev_text: Option<usize> = None;
    // the block of the text line before this one
    let mut prev_block: Option<u32>;
    // the span of the last line if it was an unmarked paragraph of an answer
    let mut unmarked: Option<Range<usize>> = None;
    let lines = page.lines;
    // a reporter's heading came: the next unmarked line asks
    let mut asks_next = false;
    // `Q 代表幹事（東邦通信）` / `A 知事` before their words: lines whose
    // marker names the speaker, where both sides do so twice at least
    let named_turns: Vec<bool> = (0..lines.len())
        .map(|i| names_speaker_at(page, profile, i))
        .collect();
    let named_sides = [Side::Question, Side::Answer].iter().all(|&side| {
        (0..lines.len())
            .filter(|&i| {
                named_turns[i] && matches!(&page.kinds[i], Kind::Marker(m) if m.side == side)
            })
            .nth(1)
            .is_some()
    });
    // the moderator has the floor: unmarked lines ask nothing
    let mut moderating = false;
    for (i, line) in lines.iter().enumerate().skip(first) {
        let captions = page.paragraphs == Layout::Captions;
        let wrapped_join = (page.paragraphs == Layout::Wrapped
            && prev_text.is_some_and(|p| lines[p].block == line.block && p + 1 == i))
            // a heading after a caption's sentence end is no caption
            || (captions
                && prev_text.is_some_and(|p| {
                    // a heading runs into no lowercase line
                    let runs_on = lines
                        .get(i + 1)
                        .is_some_and(|n| n.text.starts_with(char::is_lowercase));
                    !(chars::ends_sentence(&lines[p].text) && is_heading(&line.text)) || runs_on
                }))
            || prev_text.is_some_and(|p| continues(&lines[p].text, &line.text));
        // `(つづきます)` closes the page, whatever the wrap
        let wrapped_join = wrapped_join && !is_aside(&line.text);
        match &page.kinds[i] {
            &Kind::Count(count) => {
                body.counts.push(Counted::of(line, count));
                prev_text = None;
                continue;
            }
            Kind::Furniture => {
                body.diagnostics.push(classify::furniture(line));
                // a time code inside a caption-broken turn breaks no
                // paragraph, nor a page break inside a sentence
                if !captions && !bridges(page, prev_text, i) {
                    prev_text = None;
                }
                continue;
            }
            _ => {}
        }
        prev_block = prev_text.map(|p| lines[p].block);
        prev_text = Some(i);
        // the line before was an unmarked paragraph of an answer: its span
        let unmarked_before = unmarked.take();
        let mut turn = profile.turn_at(page, i, false);
        if profile.opener == Opener::Shape
            && matches!(turn, Some((Side::Question, None, _)))
            && matches!(page.kinds[i], Kind::Plain)
            && i + 1 == lines.len()
            && open.as_ref().is_some_and(|t| !t.answering)
        {
            // the page's last line asks back (`Because the fox deserves
            // it?`) after a question with no answer yet: it answers
            turn = None;
        }
        if turn.is_some() {
            moderating = false;
        }
        if let Some((_, None, body)) = &mut turn
            && named_turns[i]
            && named_sides
        {
            // `Q 代表幹事（東邦通信）` / `A 知事`: the marker names who
            // speaks; the words are on the next lines
            body.clear();
        }
        if let Some((_, Some(label), _)) = &turn {
            body.labelled += 1;
            if !body.turn_labels.contains(label) {
                body.turn_labels.push(label.clone());
            }
        }
        // a line that opens no new question belongs to the open turn
        if let Some(open) = open.as_mut()
            && !matches!(turn, Some((Side::Question, None, _)))
        {
            open.end = line.span.end;
            open.lines += 1;
        }
        match turn {
            Some((Side::Question, by, text)) => {
                // the label or marker before the text (`【司会】`, `司会:`)
                let head = line.text.strip_suffix(text.as_str()).unwrap_or(&line.text);
                if (by.as_deref().is_some_and(is_moderator) || is_moderator(head))
                    && !crate::form::markers::asks(&text)
                    && (text.is_empty()
                        || !lines
                            .get(i + 1)
                            .is_some_and(|n| crate::form::markers::asks(&n.text)))
                {
                    // `【司会】 ただいまから会見を行います。`: the moderator
                    // asks nothing; what follows before a question is
                    // set aside
                    if let Some(mut done) = open.take() {
                        done.lines -= 1;
                        body.shed_headings(&mut done, page.text);
                        body.close(done, false);
                    }
                    moderating = true;
                    if !text.is_empty() {
                        body.before_question(line, "the moderator's words, which ask nothing");
                    }
                    continue;
                }
                if let Some(turn) = open.as_mut()
                    && !turn.answering
                    && by.is_some()
                    && turn.asked_by_label
                    && !turn.interrupted
                {
                    if !captions && is_remark_before(&turn.question, &text) {
                        // the remark before is no part of the question
                        body.set_aside += turn.lines;
                        body.diagnostics.push(
                            Diagnostic::warning(
                                Code::QuestionWithoutAnswer,
                                format!(
                                    "remark `{}` asks nothing and has no answer; left out of the exchanges",
                                    turn.question
                                ),
                                turn.asked.start..turn.end,
                            )
                            .expected("a question and its answer"),
                        );
                        *turn = Open::asking(line.span.clone(), text, true);
                        turn.lines = 1;
                        continue;
                    }
                    // the interviewer speaks again before any answer
                    chars::join_wrapped(&mut turn.question, &text);
                    continue;
                }
                if let Some(mut done) = open.take() {
                    body.shed_headings(&mut done, page.text);
                    body.close(done, false);
                }
                let (text, inline) = match &page.kinds[i] {
                    // a marked question that holds its answer
                    Kind::Marker(_) if by.is_none() && profile.opener == Opener::SameLine => {
                        match super::layout::marked_same_line(&text) {
                            Some((q, a)) => (q.to_owned(), Some(a.to_owned())),
                            None => (text, None),
                        }
                    }
                    _ => {
                        let inline = by
                            .is_none()
                            .then(|| profile.opener.answer_on_line(&line.text))
                            .flatten();
                        (text, inline.map(str::to_owned))
                    }
                };
                let mut asking = Open::asking(line.span.clone(), text, by.is_some());
                asking.lines = 1;
                if let Some(answer) = inline {
                    // the answer follows the question on its line
                    asking.answering = true;
                    asking.answer_span = Some(line.span.clone());
                    asking.answer.push(answer);
                }
                open = Some(asking);
            }
            Some((Side::Answer, by, text)) => {
                let Some(turn) = open.as_mut() else {
                    body.before_question(line, "answer before any question");
                    continue;
                };
                // the answerer's label again, with no question between:
                // the unmarked line before it put one (`On the lawsuit,
                // and whether he would settle:`)
                let asked_between = !captions
                    && by.is_some()
                    && turn.answered_by == by
                    && turn
                        .answer
                        .last()
                        .is_some_and(|p| crate::form::markers::asks(p) || introduces(p));
                if (profile.questions_unmarked || asked_between)
                    && turn.answering
                    && turn.answer.len() >= 2
                    && let Some(asked) = unmarked_before
                {
                    // only answers are marked: the unmarked line right
                    // before this answer is its question
                    let mut done = open.take().expect("an open turn");
                    let mut question = done.answer.pop().expect("two paragraphs");
                    done.lines -= 2;
                    let mut lines_asked = 2;
                    if asked_between {
                        // `On the lawsuit:` asks without its colon
                        let cut = question.trim_end_matches([':', '：']).len();
                        question.truncate(cut);
                        // the asker's label alone on its line before it
                        // (`【みなと放送】`), one no reading took
                        if done.answer.len() >= 2
                            && done.answer.last().is_some_and(|p| is_bracketed_label(p))
                        {
                            done.answer.pop();
                            done.lines -= 1;
                            lines_asked += 1;
                        }
                    }
                    body.close(done, false);
                    let mut next = Open::asking(asked, question, false);
                    next.lines = lines_asked;
                    open = Some(next);
                }
                let turn = open.as_mut().expect("an open turn");
                if turn.answering
                    && turn.answered_by != by
                    && let Some(label) = by.as_ref()
                {
                    // a second panelist answers the same question
                    let question = turn.question.clone();
                    let asked = turn.asked.clone();
                    let mut done = open.take().expect("an open turn");
                    // this line opens the next panelist's answer
                    done.lines -= 1;
                    let mut answerers = std::mem::take(&mut done.answerers);
                    answerers.extend(done.answered_by.clone());
                    if answerers.contains(label) {
                        // a panelist answers each question once: the two
                        // take turns, as asker and answerer do
                        body.repeated += 1;
                    }
                    body.close(done, false);
                    let mut next = Open::asking(asked, question, false);
                    next.lines = 1;
                    next.answerers = answerers;
                    open = Some(next);
                }
                let turn = open.as_mut().expect("an open turn");
                // the same voice's next caption: the turn runs on
                let runs_on = captions
                    && turn.answering
                    && turn.answered_by.is_some()
                    && turn.answered_by == by;
                if !turn.answering {
                    turn.answering = true;
                    turn.answered_by = by;
                    turn.answer_span = Some(line.span.clone());
                    turn.quoted = opens_quote(&line.text, &text);
                }
                turn.quote_closed = turn.quoted && closes_quote(&line.text);
                if text.is_empty() {
                    continue;
                }
                match turn.answer.last_mut() {
                    Some(last) if runs_on => chars::join_wrapped(last, &text),
                    _ => turn.answer.push(text),
                }
                turn.loose.clear();
            }
            None => {
                let text: &str = &line.text;
                // only answers are marked: the line before the first
                // answer asks
                // the line before the first answer asks, or the first
                // line is an unmarked question (see `first_turn`)
                if open.is_none() && (profile.questions_unmarked || i == first) {
                    let text = match &page.kinds[i] {
                        Kind::Label(l) => l.body(text),
                        // `ー 大学では…?`: the page's lead, though this line
                        // opens no turn by the reading
                        _ => super::layout::LEAD_SYMBOLS
                            .iter()
                            .find_map(|&c| super::layout::led_by(text, c))
                            .unwrap_or(text),
                    };
                    let mut asking = Open::asking(line.span.clone(), text.to_owned(), false);
                    asking.lines = 1;
                    open = Some(asking);
                    continue;
                }
                let heading = person_heading(text);
                if heading.is_some() {
                    // the next person has the floor
                    moderating = false;
                }
                if is_moderator(text)
                    && lines
                        .get(i + 1)
                        .is_none_or(|n| !crate::form::markers::asks(&n.text))
                {
                    // `【司会】` alone, read as text: the moderator takes the
                    // floor
                    if let Some(mut done) = open.take() {
                        done.lines -= 1;
                        body.shed_headings(&mut done, page.text);
                        body.close(done, false);
                    }
                    moderating = true;
                    continue;
                }
                if open.is_none() && moderating {
                    body.before_question(line, "the moderator's words, which ask nothing");
                    continue;
                }
                if let Some(asker) = heading
                    && (open.is_some() || asker)
                {
                    // `[오태규 / 실기 시험 감독관]`: the next person the page
                    // talks to; what they say before a question is asked
                    // is set aside. `[박소연 / 한강일보 기자]`: a reporter, who
                    // asks next
                    if let Some(mut done) = open.take() {
                        done.lines -= 1;
                        body.shed_headings(&mut done, page.text);
                        body.close(done, false);
                    }
                    if !asker {
                        body.diagnostics.push(
                            Diagnostic::warning(
                                Code::PageFurniture,
                                format!(
                                    "heading `{text}` naming the next person, left out of the model"
                                ),
                                line.span.clone(),
                            )
                            .expected("a question or its answer"),
                        );
                    }
                    asks_next = asker;
                    continue;
                }
                if std::mem::take(&mut asks_next) {
                    let mut asking = Open::asking(line.span.clone(), text.to_owned(), false);
                    asking.lines = 1;
                    open = Some(asking);
                    continue;
                }
                let Some(turn) = open.as_mut() else {
                    body.before_question(line, "text before any question");
                    continue;
                };
                if !turn.answering
                    && matches!(page.kinds[i], Kind::Label(_))
                    && super::layout::interjects(page, i)
                {
                    // a third voice between a question and its marked
                    // answer (an objection)
                    turn.lines -= 1;
                    body.left_out(
                        format!(
                            "`{text}` breaks in between a question and its answer, left out of the model"
                        ),
                        line.span.clone(),
                        "the question's text or its answer",
                    );
                    continue;
                }
                if turn.answering
                    && turn.quote_closed
                    && body.unquoted_answers == 0
                    && !profile.quoted_answers
                    && !TURN_QUOTES.iter().any(|&(open, _)| text.starts_with(open))
                {
                    // `「機械を動かす人」` closed the answer: `なるほど…` is the
                    // page talking
                    turn.lines -= 1;
                    body.left_out(
                        format!("narration after a quoted answer, left out of the model: `{text}`"),
                        line.span.clone(),
                        "the answer's text, quoted as the answer is",
                    );
                    continue;
                }
                if turn.answering {
                    // an answer given as a list: its items lose their bullets
                    if turn.answer.is_empty() {
                        turn.listed = crate::form::labels::list_bullet(text).is_some();
                    }
                    let text = if turn.listed {
                        without_bullet(text)
                    } else {
                        text
                    };
                    // a quote still open runs on in its block (`石田さん「一日の
                    // 流れ。` / `どの部署の人と…」`)
                    let in_quote = turn.quoted
                        && !turn.quote_closed
                        && prev_block == Some(line.block)
                        && turn.answer.len() == 1;
                    turn.quote_closed = turn.quoted && closes_quote(text);
                    match turn.answer.last_mut() {
                        Some(last) if wrapped_join || in_quote => {
                            chars::join_wrapped(last, text);
                            // a paragraph of several lines is no heading
                            turn.loose.clear();
                        }
                        _ => {
                            turn.answer.push(text.to_owned());
                            turn.loose.push(line.span.clone());
                            unmarked = Some(line.span.clone());
                        }
                    }
                    continue;
                } else if turn.question.is_empty() || wrapped_join || profile.answers_marked {
                    // another voice speaks (`Announcer (00:04):`): the
                    // interviewer's next turn asks afresh
                    turn.interrupted |= matches!(page.kinds[i], Kind::Label(_));
                    chars::join_wrapped(&mut turn.question, text);
                } else {
                    // the answer follows the question unmarked (`――なぜ？`)
                    turn.listed = crate::form::labels::list_bullet(text).is_some();
                    let text = without_bullet(text);
                    turn.answering = true;
                    turn.answer_span = Some(line.span.clone());
                    turn.answer.push(text.to_owned());
                    turn.quoted = opens_quote(text, text);
                    turn.quote_closed = turn.quoted && closes_quote(text);
                }
            }
        }
    }
    if let Some(mut done) = open.take() {
        if let Some(span) = unmarked
            && done.answer.len() >= 2
            && done.answer.last().is_some_and(|p| is_aside(p))
        {
            // `(つづく)`: an editor's note closing the page
            let note = done.answer.pop().expect("two paragraphs");
            done.lines -= 1;
            body.left_out(
                format!("closing note `{note}` after the last answer, left out of the model"),
                span,
                "the answer's text",
            );
        }
        body.close(done, true);
    }
    body.set_aside_opening_pleasantries();
    body
}

/// **Numbered answers rule**: where the questions are listed together
/// (see [`Listed`]), a line numbered `n` answers the `n`th question, each
/// answer an exchange; a line before a `1.` names the next person (left
/// out, reported); other lines continue the answer before them.
///
/// ```text
/// 大学生の女性（20代）
/// 1. アルバイトか、友だちとカフェ巡りです。
/// 2. 韓国語の勉強を始めました。
/// ```
fn read_listed(page: &Page<'_>, first: usize, listed: &Listed) -> Body {
    let mut body = Body::default();
    let mut open: Option<Open> = None;
    let number = |text: &str| {
        super::layout::number_of(text).filter(|&n| (1..=listed.questions.len() as u32).contains(&n))
    };
    for (i, line) in page.lines.iter().enumerate().skip(first) {
        match &page.kinds[i] {
            &Kind::Count(count) => {
                body.counts.push(Counted::of(line, count));
                continue;
            }
            Kind::Furniture => {
                body.diagnostics.push(classify::furniture(line));
                continue;
            }
            _ => {}
        }
        if listed.lines.contains(&i) {
            body.kept += 1;
            continue;
        }
        let text: &str = &line.text;
        if let Some(n) = number(text) {
            if let Some(done) = open.take() {
                body.close(done, false);
            }
            let question = listed.questions[n as usize - 1].clone();
            let mut next = Open::asking(line.span.clone(), question, false);
            next.lines = 1;
            next.answering = true;
            next.answer_span = Some(line.span.clone());
            let answer = super::layout::numbered(text).unwrap_or(text);
            next.answer.push(answer.to_owned());
            open = Some(next);
            continue;
        }
        let names_next = page
            .lines
            .get(i + 1)
            .is_some_and(|n| number(&n.text) == Some(1));
        if names_next {
            if let Some(done) = open.take() {
                body.close(done, false);
            }
            body.kept += 1;
            body.diagnostics.push(
                Diagnostic::warning(
                    Code::PageFurniture,
                    format!("heading `{text}` naming the next person, left out of the model"),
                    line.span.clone(),
                )
                .expected("a question or its answer"),
            );
            continue;
        }
        match open.as_mut() {
            Some(turn) => {
                turn.answer.push(text.to_owned());
                turn.lines += 1;
                turn.end = line.span.end;
            }
            None => body.before_question(line, "text before any numbered answer"),
        }
    }
    if let Some(done) = open.take() {
        body.close(done, true);
    }
    body
}

/// **Page break rule**: furniture at line `at` (a running head, a page
/// number) stands inside a sentence when the text line before it (`prev`)
/// runs on into the next text line (see [`continues`]): `…until a girl on
/// my corridor` / `Margret Oyelaran, interviewed by Nadia Brooks` / `2` /
/// `knocked on my door…` is one paragraph.
fn bridges(page: &Page<'_>, prev: Option<usize>, at: usize) -> bool {
    let Some(prev) = prev else { return false };
    let next = (at + 1..page.lines.len()).find(|&j| !matches!(page.kinds[j], Kind::Furniture));
    next.is_some_and(|j| continues(&page.lines[prev].text, &page.lines[j].text))
}

/// **Remark rule**: the interviewer's turn that asks nothing, not even
/// inside, then the interviewer's next turn that asks, with no answer
/// between: the first is a remark to the room, not part of the question.
///
/// ```text
/// NB : 기차에서 자고 싶은 사람 있나, 그럼 자도 된다. 난 막내니까…
/// (다들 이미 꿈나라였다)
/// NB : 왜 다들 출장 가방이 이렇게 작은가? 하긴 나도 칫솔만 챙겼다.
/// ```
fn is_remark_before(before: &str, next: &str) -> bool {
    let asks_inside = |t: &str| crate::form::markers::asks(t) || t.contains(['?', '？']);
    !asks_inside(before) && asks_inside(next)
}

/// **Continuation rule**: a line that stops mid-sentence, then one that
/// opens with a lowercase letter, are one paragraph, whatever blank lines
/// a page's extraction put between them:
///
/// ```text
/// But the night shifts I myself was worried about
///
/// because three of them were new.
/// ```
pub(crate) fn continues(before: &str, next: &str) -> bool {
    // the cheapest test first: most lines open with no lowercase letter
    if !next.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    // a wrapped line runs some words (`a` alone is a paragraph of its own)
    let open = !chars::ends_sentence(before)
        && before.ends_with(|c: char| c.is_alphanumeric())
        && before.split_whitespace().nth(3).is_some();
    // a word, not a user name (`tidewright1450`) or code
    let word = next
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .chars()
        .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-');
    open && word
}

/// **Paraphrase rule**: a question in brackets whole is the page's note of
/// what was asked, its text what is inside: `(有關樓市走勢)` → `有關樓市走勢`,
/// `（問題聽不清）`, `[On the budget]`.
pub(crate) fn paraphrase(question: &str) -> Option<&str> {
    [('(', ')'), ('（', '）'), ('[', ']')]
        .iter()
        .find_map(|&(open, close)| {
            let inner = question.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close]) && !inner.trim().is_empty()).then(|| inner.trim())
        })
}

/// **Signature rule**: a reader's question signed with the reader's
/// name after a dash: `用一句话形容你们的剪辑室?——小满` →
/// `用一句话形容你们的剪辑室?`, `What's next? — Kiwi`. The name is short
/// (twelve characters at most) and follows the question mark.
pub(crate) fn without_signature(question: &str) -> Option<&str> {
    // most questions hold no dash: no searcher built for each
    if !question.contains(['—', '―', '─']) {
        return None;
    }
    let (asked, name) = ["——", "—", "――", "─"]
        .iter()
        .find_map(|dash| question.rsplit_once(dash))?;
    let asked = asked.trim_end();
    let name = name.trim();
    let signed = asked.ends_with(['?', '？'])
        && (1..=12).contains(&name.chars().count())
        && !name.contains(['?', '？', '。', '.', '，', ',']);
    signed.then_some(asked)
}

/// **Topic rule**: a line that names what the next answer is about
/// rather than asking, as edited interviews paraphrase their questions:
/// `On whether the state will extend the rules.`, `On the lawsuit, and
/// whether he would settle:`, `About the budget`, `关于房价走势`, `(有關樓市走勢)`,
/// `夜間救急について`, `인사 문제에 대해`; or any short line closing on a
/// colon.
pub(crate) fn introduces(text: &str) -> bool {
    let text = text
        .strip_prefix(['(', '（'])
        .and_then(|t| t.strip_suffix([')', '）']))
        .unwrap_or(text);
    let short = text.chars().count() <= 160;
    let opens = opens_topic(text);
    let body = text.trim_end_matches(['.', '。', ':', '：']);
    let closes = [
        "について",
        "に関して",
        "에 대해",
        "에 대해서",
        "에 대하여",
        "에 관해",
    ]
    .iter()
    .any(|w| body.ends_with(w));
    short && (opens || closes || text.ends_with([':', '：']))
}

/// **Person heading rule**: a name and a role in brackets alone on a
/// line, as broadcast transcripts introduce each person they talk to:
/// `[오태규 / 실기 시험 감독관]`, `【陳立 / 店主】`, `[Ana Ruiz / baker]`.
///
/// Whether the person asks: a reporter, host or anchor (`기자`, `記者`,
/// `reporter`), as press conferences introduce each questioner.
pub(crate) fn person_heading(text: &str) -> Option<bool> {
    let (inner, after) = crate::form::markers::bracketed(text)?;
    let (name, role) = inner.split_once(['/', '／'])?;
    let heading = after == text.len()
        && inner.chars().count() <= 40
        && !name.trim().is_empty()
        && !role.trim().is_empty()
        && !role.contains(['/', '／'])
        && !text.starts_with(['(', '（']);
    let role = role.trim();
    let asker = ASKER_ROLES.iter().any(|r| role.ends_with(r))
        || crate::form::chars::with_lowercase(role, |lower| {
            ["reporter", "journalist", "host", "anchor"]
                .iter()
                .any(|r| lower.ends_with(r))
        });
    heading.then_some(asker)
}

/// **Moderator rule**: a label that names the one who chairs a press
/// conference (`司会`, `사회자`, `Moderator`): before the first exchange,
/// their words that ask nothing open the floor, no question.
pub(crate) fn is_moderator(label: &str) -> bool {
    let label = label.trim_matches(|c: char| !c.is_alphanumeric());
    // (`主持人` and `사회` host and ask: they are the interviewer)
    ["司会", "司会者", "사회자"].contains(&label)
        // no character but an ASCII letter lowercases to one of these
        // (the Kelvin sign, the one other, lowercases to `k`)
        || ["moderator", "mc"]
            .iter()
            .any(|word| label.eq_ignore_ascii_case(word))
}

/// Roles of people who ask, closing a role (`한강일보 기자`).
const ASKER_ROLES: &[&str] = &[
    "기자",
    "앵커",
    "사회자",
    "진행자",
    "記者",
    "记者",
    "主持人",
    "司会",
    "アナウンサー",
];

/// Whether a paragraph is a label alone in brackets: `【みなと放送】`,
/// `[기자]`.
fn is_bracketed_label(text: &str) -> bool {
    crate::form::markers::bracketed(text).is_some_and(|(_, after)| after == text.len())
        && super::layout::bare_key(text).is_some()
}

/// Whether a line opens with a word that names a topic: `On whether …`,
/// `About …`, `关于…`, `有關…` (see [`introduces`]).
pub(crate) fn opens_topic(text: &str) -> bool {
    let text = text.strip_prefix(['(', '（']).unwrap_or(text);
    [
        "On ",
        "About ",
        "Regarding ",
        "关于",
        "關於",
        "有关",
        "有關",
    ]
    .iter()
    .any(|w| text.starts_with(w))
}

/// The text around `span`, a few thousand bytes either side: where a
/// pull quote's words are looked for.
fn near(text: &str, span: Range<usize>) -> &str {
    const REACH: usize = 4096;
    let mut start = span.start.saturating_sub(REACH);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.saturating_add(REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

/// **Pull-quote rule**: a line standing between an answer and the next
/// question that repeats words the page says near it (`text`), as a
/// magazine sets an answer's sentence large: `"I was tired of being good
/// for you"` after or before the answer that says `…I was tired of being
/// good for you, so…`, a longer paragraph. Five words or ten CJK
/// characters at least, quotes and the last stop aside.
fn is_pull_quote(paragraph: &str, text: &str) -> bool {
    const QUOTES: &[char] = &['"', '“', '”', '「', '」', '『', '』', '\'', '‘', '’'];
    let core = paragraph
        .trim()
        .trim_matches(QUOTES)
        .trim_end_matches(['.', '。', '…', '!', '！'])
        .trim_matches(QUOTES)
        .trim();
    let wide = core.chars().filter(|&c| chars::is_cjk_letter(c)).count();
    let long_enough = core.split_whitespace().count() >= 5 || wide >= 10;
    // the words it repeats, inside a longer paragraph (a headline quoting
    // the answer is no pull quote of it)
    let longer = core.len() + (core.len() / 3).max(20);
    long_enough
        && text.match_indices(core).any(|(at, _)| {
            let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
            let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
            end - start >= longer
        })
}

/// Quotes that set off a whole turn.
const TURN_QUOTES: &[(char, char)] = &[('「', '」'), ('“', '”'), ('"', '"'), ('『', '』')];

/// **Quoted turn rule**: quotes around a whole turn are the page's form
/// (where every answer so far had them), not the speaker's words: `「やっぱりね、うれしくて」` → `やっぱりね、うれしくて`;
/// `"First.` … `Last."` over a turn's paragraphs lose the first and the
/// last mark, and so do paragraphs that each reopen the quote (`「…` /
/// `「…」`), as a quotation over paragraphs is printed. Says whether it
/// unquoted. Only where the turn holds no other mark of the pair (`「A」と
/// 「B」` is two quotes); a full stop after the closing mark goes with it
/// (`"…보입니다".`).
pub(crate) fn unquote(paragraphs: &mut [String]) -> bool {
    if unquote_items(paragraphs) {
        return true;
    }
    let Some(first) = paragraphs.first() else {
        return false;
    };
    let Some(&(open, close)) = TURN_QUOTES.iter().find(|(o, _)| first.starts_with(*o)) else {
        return false;
    };
    let last = paragraphs.last().expect("one paragraph at least");
    let end = last.strip_suffix(['.', '。']).unwrap_or(last);
    let Some(end_len) = end.strip_suffix(close).map(str::len) else {
        return false;
    };
    let marks: usize = paragraphs
        .iter()
        .map(|p| p.chars().filter(|&c| c == open || c == close).count())
        .sum();
    let n = paragraphs.len();
    // or each paragraph opens the quote again and only the last closes it,
    // as a quotation over paragraphs is printed
    let reopened = n >= 2 && open != close && paragraphs.iter().all(|p| p.starts_with(open));
    // the opening and closing marks alone (a straight quote is both)
    let alone = marks == 2 && !(n == 1 && first.chars().count() < 3);
    if !(alone || (reopened && marks == n + 1)) {
        return false;
    }
    paragraphs[n - 1].truncate(end_len);
    let opened = if reopened { n } else { 1 };
    for p in &mut paragraphs[..opened] {
        let inner = p[open.len_utf8()..].trim_start().to_owned();
        *p = inner;
    }
    let last = &mut paragraphs[n - 1];
    let trimmed = last.trim_end().len();
    last.truncate(trimmed);
    true
}

/// **Quoted items rule**: an answer of several paragraphs, each quoted
/// whole on its own or an aside in parentheses, as a list of what someone
/// said prints it:
///
/// ```text
/// - 「思っていたより会議が短いことですね。」
/// - 「30分で終わることがほとんどです。」
/// - （通勤は自転車で10分だそうです）
/// ```
///
/// → each quote loses its marks; asides stay. Says whether it unquoted.
fn unquote_items(paragraphs: &mut [String]) -> bool {
    let quoted = |p: &str| {
        TURN_QUOTES.iter().any(|&(open, close)| {
            open != close
                && p.starts_with(open)
                && p.trim_end_matches(['.', '。']).ends_with(close)
                && p.chars().filter(|&c| c == open || c == close).count() == 2
                && p.chars().count() >= 3
        })
    };
    let aside = |p: &str| p.starts_with(['(', '（']) && p.ends_with([')', '）']);
    let items = paragraphs.iter().filter(|p| quoted(p)).count();
    if paragraphs.len() < 2 || items == 0 || !paragraphs.iter().all(|p| quoted(p) || aside(p)) {
        return false;
    }
    for p in paragraphs.iter_mut().filter(|p| quoted(p)) {
        let end = p.trim_end_matches(['.', '。']);
        let close = end.chars().next_back().expect("a closing mark");
        let open = p.chars().next().expect("an opening mark");
        let inner = end[open.len_utf8()..end.len() - close.len_utf8()]
            .trim()
            .to_owned();
        *p = inner;
    }
    true
}

/// **Bullet rule**: a list's bullet before an answer's line, where the
/// answer's first line has one too, is the page's form, not the speaker's
/// words: `- 「地元で働けることが一番でした。」` →
/// `「地元で働けることが一番でした。」` (see [`crate::form::labels::list_bullet`]).
pub(crate) fn without_bullet(text: &str) -> &str {
    crate::form::labels::list_bullet(text).map_or(text, |at| &text[at..])
}

/// Whether a turn's text opens with a quote: `“能。…`, `"우선은…`, or a
/// name set off by the quote (`石田さん「機械を…`, whose text the name rule
/// gives without its marks). `We “open”.` opens with words.
fn opens_quote(line: &str, text: &str) -> bool {
    let opens = |t: &str| TURN_QUOTES.iter().any(|&(open, _)| t.starts_with(open));
    // a short CJK name or title, a space, the quote (`교장선생님 “…`)
    let named = |name: &str| {
        (1..=8).contains(&name.chars().count())
            && name.chars().all(crate::form::chars::is_cjk_letter)
    };
    opens(text)
        || super::layout::spaced_label(line)
            .is_some_and(|(name, _)| opens(line[name.len()..].trim_start()))
        || line
            .split_once(' ')
            .is_some_and(|(name, rest)| named(name) && opens(rest.trim_start()))
}

/// Whether a line ends by closing a quote, a full stop after it aside:
/// `…検査する人」`, `…要求论文。”`, `…보입니다".`.
fn closes_quote(line: &str) -> bool {
    let end = line.trim_end().trim_end_matches(['.', '。']);
    TURN_QUOTES.iter().any(|&(_, close)| end.ends_with(close))
}

/// **Marker name rule**: the text after a marker is the speaker's name or
/// title rather than their words when it is short and no sentence:
/// `Q 代表幹事（東邦通信）`, `A 知事`, then the words on the next line. (The
/// page must do so on both sides, twice each: a short answer `A: 丑丑`
/// with a second paragraph is words.)
fn names_the_speaker(body: &str) -> bool {
    body.chars().count() <= 16
        && super::layout::bare_key(body) == Some(body)
        && !body.contains(['。', '.', '?', '？', '!', '！', '、', ',', '，', ' '])
        && body.chars().any(crate::form::chars::is_cjk_letter)
}

/// Whether line `i` is a letter marker whose text names the speaker (see
/// [`names_the_speaker`]), the words following on a plain line.
fn names_speaker_at(page: &Page<'_>, profile: &Profile, i: usize) -> bool {
    let lines = page.lines;
    let Kind::Marker(m) = &page.kinds[i] else {
        return false;
    };
    m.rule == crate::form::markers::Rule::Letter
        && !(page.paragraphs == Layout::Wrapped
            && lines.get(i + 1).is_some_and(|n| n.block == lines[i].block))
        && names_the_speaker(m.body(&lines[i].text))
        && i + 1 < lines.len()
        && matches!(page.kinds[i + 1], Kind::Plain)
        && profile.turn_at(page, i + 1, false).is_none()
}

/// Set phrases that open a conversation, asking to be treated kindly.
const PLEASANTRIES: &[&str] = &[
    "よろしく",
    "宜しく",
    "잘 부탁",
    "请多关照",
    "請多關照",
    "请多指教",
    "請多指教",
    "多多指教",
];

/// Whether `text` is a bare yes: `はい。`, `네.`, `OK`, `好的。`.
fn acknowledges(text: &str) -> bool {
    let word = text.trim_end_matches(['.', '。', '!', '！', ',', '、', ' ']);
    let word = word.to_lowercase();
    [
        "はい", "ええ", "うん", "네", "예", "응", "yes", "yeah", "ok", "okay", "sure", "好",
        "好的", "是", "嗯", "對", "对",
    ]
    .contains(&word.as_str())
}

/// **Floor rule**: an opening turn that asks nothing and ends by handing
/// the floor over with a pleasantry, as a press conference's host does
/// (`(■:潮見日報)本日司会を務めます潮見日報です。それでは浜岡市長よろしく
/// お願いします。`): what answers it is an opening statement, not an answer.
/// A turn that asks after its pleasantry (`よろしくお願いします。まず、…
/// 教えてください。`) is a question.
fn hands_over(question: &str) -> bool {
    let last = question
        .trim_end_matches(['。', '.', '!', '！', ' '])
        .rsplit(['。', '!', '！'])
        .next()
        .unwrap_or(question);
    !crate::form::markers::asks(question) && pleasantry(last)
}

/// Whether `text` holds one of the [`PLEASANTRIES`].
fn pleasantry(text: &str) -> bool {
    PLEASANTRIES.iter().any(|p| text.contains(p))
}

/// Whether a paragraph is a note in brackets alone: `(つづく)`,
/// `（続きは次号）`, `[END]`.
fn is_aside(text: &str) -> bool {
    let pairs = [('(', ')'), ('（', '）'), ('[', ']')];
    pairs.iter().any(|&(open, close)| {
        text.strip_prefix(open)
            .and_then(|t| t.strip_suffix(close))
            .is_some_and(|inner| !inner.contains([open, close]) && inner.chars().count() <= 20)
    })
}

impl Body {
    /// Reports a line of the page left out of the model (`trailing-text`).
    fn left_out(&mut self, message: String, span: Range<usize>, expected: &str) {
        self.diagnostics
            .push(Diagnostic::warning(Code::TrailingText, message, span).expected(expected));
    }

    /// Sets aside the headings closing an answer before the next question
    /// (see [`is_heading`]), each with a warning at its line; the answer
    /// keeps one paragraph at least.
    /// Pull quotes repeating the page's `text` near them there too (see
    /// [`is_pull_quote`]).
    fn shed_headings(&mut self, turn: &mut Open, text: &str) {
        while let [said @ .., last] = &turn.answer[..]
            && !said.is_empty()
            && let Some(at) = turn.loose.last()
        {
            let what = if is_heading(last) {
                "heading"
            } else if is_pull_quote(last, near(text, at.clone())) {
                "pull quote"
            } else {
                break;
            };
            let heading = turn.answer.pop().expect("two paragraphs");
            let span = turn.loose.pop().expect("a loose line");
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::PageFurniture,
                    format!("{what} `{heading}` between exchanges, left out of the model"),
                    span,
                )
                .expected("the answer's text (headings between exchanges are not part of it)"),
            );
        }
        // a pull quote set between two paragraphs of the answer, in quotes
        // of its own (`「出身不是問題,…」`)
        let mut k = 0;
        while k < turn.loose.len() {
            let at = turn.answer.len() - turn.loose.len() + k;
            let paragraph = &turn.answer[at];
            let quoted = paragraph.starts_with(['"', '“', '「', '『'])
                && paragraph.ends_with(['"', '”', '」', '』']);
            if at == 0 || !quoted || !is_pull_quote(paragraph, near(text, turn.loose[k].clone())) {
                k += 1;
                continue;
            }
            let quote = turn.answer.remove(at);
            let span = turn.loose.remove(k);
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::PageFurniture,
                    format!("pull quote `{quote}` inside the answer, left out of the model"),
                    span,
                )
                .expected("the answer's text (a pull quote repeats words the answer says)"),
            );
        }
    }

    fn close(&mut self, turn: Open, last: bool) {
        let kept = !turn.question.is_empty() && !turn.answer.is_empty();
        if kept {
            self.kept += turn.lines;
            self.asked.push(turn.asked.clone());
            self.last_end = turn.end;
        } else {
            self.set_aside += turn.lines;
        }
        if turn.question.is_empty() {
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::EmptyTurn,
                    "question marker with no text; its turn is left out of the exchanges",
                    turn.asked.start..turn.end,
                )
                .expected("the question text after the marker"),
            );
            return;
        }
        if turn.answer.is_empty() {
            if let Some(span) = turn.answer_span {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::EmptyTurn,
                        "answer marker with no text; its question is left out of the exchanges",
                        span,
                    )
                    .expected("the answer text after the marker"),
                );
            } else if last && turn.asked_by_label {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::TrailingText,
                        "closing remark with no answer, left out of the model",
                        turn.asked.start..turn.end,
                    )
                    .expected("an answer after each question"),
                );
            } else {
                self.diagnostics.push(
                    Diagnostic::warning(
                        Code::QuestionWithoutAnswer,
                        "question has no answer; left out of the exchanges",
                        turn.asked.start..turn.end,
                    )
                    .expected("an answer line (`A:` or `答：`) after the question"),
                );
            }
            return;
        }
        // grown by doubling, an answer of five paragraphs holds room for
        // eight: the model lives through the whole conversion
        // quotes around answers are the page's form where every answer so
        // far has them; after an unquoted one, a quoted answer quotes
        let page_quotes = self.unquoted_answers == 0;
        let mut answer = turn.answer;
        let opens_quoted = answer
            .first()
            .is_some_and(|p| TURN_QUOTES.iter().any(|&(open, _)| p.starts_with(open)));
        self.unquoted_answers += usize::from(!turn.quoted && !opens_quoted);
        let quoted = (page_quotes && unquote(&mut answer)) || opens_quoted;
        answer.shrink_to_fit();
        let mut question = vec![turn.question];
        // a question quoted whole is a remark quoted, unless the page
        // quotes its turns (the answer was quoted too)
        if quoted {
            unquote(&mut question);
        }
        let mut question = question.pop().expect("one paragraph");
        if let Some(topic) = paraphrase(&question) {
            question = topic.to_owned();
        }
        if let Some(asked) = without_signature(&question) {
            let cut = asked.len();
            let signature = question[cut..].trim().to_owned();
            question.truncate(cut);
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::PageFurniture,
                    format!("signature `{signature}` after the question, left out of it"),
                    // the question's lines, up to its answer
                    turn.asked.start
                        ..turn
                            .answer_span
                            .as_ref()
                            .map_or(turn.end, |a| a.start.saturating_sub(1))
                            .max(turn.asked.end),
                )
                .expected("the question's text (a reader's signature is not part of it)"),
            );
        }
        self.exchanges.push(Exchange {
            question,
            answer,
            answered_by: turn.answered_by,
        });
    }

    /// The first exchange when it is pleasantries, asking nothing, and
    /// pleasantries back (`それでは、今日はよろしくお願いします。` /
    /// `よろしくお願いしまーす。`), with the set-up answered by a bare yes
    /// before it: not exchanges; left out and reported. A heading after
    /// the pleasantries back (`よろしくお願いします。` / `概要` / …) opens the
    /// page's next part: what stands under it goes with them.
    fn set_aside_opening_pleasantries(&mut self) {
        // an exchange that asks nothing and is answered by `kind`
        let opening = |e: &Exchange, kind: fn(&str) -> bool| {
            let (answer, rest) = match &e.answer[..] {
                [answer, rest @ ..] => (answer, rest),
                [] => return false,
            };
            !crate::form::markers::asks(&e.question)
                && answer.chars().count() <= 40
                && kind(answer)
                && rest.first().is_none_or(|next| is_heading(next))
        };
        // the set-up before them (`では、始めさせていただきます。` / `はい。`)
        // goes with them
        let setup = self
            .exchanges
            .iter()
            .take_while(|e| opening(e, acknowledges) && !opening(e, pleasantry))
            .count();
        let n = setup + 1;
        if self.exchanges.len() <= n
            || !(opening(&self.exchanges[setup], pleasantry)
                || hands_over(&self.exchanges[setup].question))
        {
            return;
        }
        for _ in 0..n {
            let e = self.exchanges.remove(0);
            let at = self.asked.remove(0);
            self.kept = self.kept.saturating_sub(1 + e.answer.len());
            // the rest of the answer (under a heading, or a statement) too
            let under: String = e.answer[1..].iter().map(|p| format!(" / `{p}`")).collect();
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::AnswerBeforeQuestion,
                    format!(
                        "opening pleasantries `{}` / `{}`{under} left out of the exchanges",
                        e.question, e.answer[0]
                    ),
                    at,
                )
                .expected("a question and its answer"),
            );
        }
    }

    /// An answer, or text, where no question has been asked yet: left
    /// out, and reported.
    fn before_question(&mut self, line: &Line<'_>, message: &str) {
        self.set_aside += 1;
        self.diagnostics.push(
            Diagnostic::warning(
                Code::AnswerBeforeQuestion,
                format!("{message}; left out of the exchanges"),
                line.span.clone(),
            )
            .expected("a question line (`Q:` or `问：`) before the first answer"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model the whole reader makes of `text`.
    fn model(text: &str) -> crate::model::Interview {
        let source = crate::source::Source::from_text("t.txt", text);
        crate::read::text::read(&source).interview.expect("a model")
    }

    #[test]
    fn a_page_break_inside_an_answer_leaves_one_paragraph() {
        let page = "Ana Ruiz\nAna Ruiz, interviewed by Nadia Brooks\n1\n\
                    BROOKS:\nWhat was your first term like?\nRUIZ:\nCold and lonely, until a girl\n\
                    Ana Ruiz, interviewed by Nadia Brooks\n2\nknocked on my door.\n\
                    BROOKS:\nAnd then?\nRUIZ:\nWe rowed.\n";
        let interview = model(page);
        assert_eq!(
            interview.exchanges[0].answer,
            ["Cold and lonely, until a girl knocked on my door."]
        );
    }

    #[test]
    fn a_hosts_turn_handing_the_floor_over_opens_no_exchange() {
        let page = "記者会見\n(■:潮見日報)本日司会を務めます。それでは浜岡市長よろしくお願いします。\n\
                    (○:浜岡市長)議案は11件でございます。\n補正予算では防潮扉の経費を計上しております。\n\
                    (■:潮見日報)防潮扉は何か所ですか。\n(○:浜岡市長)北岸の4か所です。\n\
                    (■:みなと放送)料金は同じですか。\n(○:浜岡市長)同じです。\n";
        let interview = model(page);
        assert_eq!(interview.exchanges.len(), 2);
        assert_eq!(interview.exchanges[0].question, "防潮扉は何か所ですか。");
        assert!(!super::hands_over(
            "よろしくお願いします。まず、きっかけを教えてください。"
        ));
    }

    #[test]
    fn a_remark_before_the_interviewers_next_turn_is_no_question() {
        let page = "출장 인터뷰\nNB : 자고 싶은 사람은 자도 된다. 난 막내니까…\n(다들 이미 꿈나라였다)\n\
                    NB : 왜 다들 가방이 작은가? 할 말이 없다.\n하람 : 아니다! 난 다 챙겼다!\n\
                    NB : 압축 팩을 쓰나?\n하람 : 그렇다.\n";
        let interview = model(page);
        assert_eq!(
            interview.exchanges[0].question,
            "왜 다들 가방이 작은가? 할 말이 없다."
        );
        assert_eq!(interview.exchanges.len(), 2);
        assert!(!super::is_remark_before("Why?", "And how?"));
    }

    #[test]
    fn pleasantries_back_then_a_heading_open_no_exchange() {
        let page = "単語記事: 聞き書き\n\n――本日はありがとうございます。どうぞよろしくお願いします。\n\n\
                    よろしくお願いします。\n\n概要\n\n聞き書きは、インタビューの親戚です。\n\n\
                    ――聞き書きとは何でしょうか。\n\n話したことを、そのまま文章にしたものです。\n\n\
                    ――コツはありますか。\n\n言い間違いを直さないことです。\n";
        let interview = model(page);
        assert_eq!(interview.exchanges.len(), 2);
        assert_eq!(
            interview.exchanges[0].question,
            "聞き書きとは何でしょうか。"
        );
    }

    #[test]
    fn a_pull_quote_repeating_an_answer_is_set_aside() {
        let page = "Lena Hart\nQ: Why crime?\nA: I was tired of being good for you, so I wrote a murder.\n\
                    \"I was tired of being good for you\"\nQ: And next?\nA: Another one.\n";
        let interview = model(page);
        assert_eq!(
            interview.exchanges[0].answer,
            ["I was tired of being good for you, so I wrote a murder."]
        );
        // a line saying something new stays
        let page = "Lena Hart\nQ: Why crime?\nA: I was tired of it.\n\
                    \"Nobody reads the good ones anyway, they said\"\nQ: And next?\nA: Another one.\n";
        assert_eq!(model(page).exchanges[0].answer.len(), 2);
    }

    #[test]
    fn numbered_markers_alone_on_their_line_take_the_next_lines() {
        let i = model(
            "谷口 遥\n製造部\nQ1\n入社のきっかけは？\nA1\n工場見学です。\n静かでした。\n\
             Q2\n仕事内容は？\nA2\n検査です。\n",
        );
        let exchanges: Vec<(&str, Vec<&str>)> = i
            .exchanges
            .iter()
            .map(|e| {
                (
                    e.question.as_str(),
                    e.answer.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            exchanges,
            [
                ("入社のきっかけは？", vec!["工場見学です。", "静かでした。"]),
                ("仕事内容は？", vec!["検査です。"]),
            ]
        );
    }

    #[test]
    fn several_answerers_giving_their_answers_as_lists_are_read_each() {
        let i = model(
            "座談会\nQ. 決め手は？\nAさん:\n- 「面接です。」\nBさん:\n- 「地元です。」\n\
             - （自転車で10分）\n- Cさん:\n- 「研修です。」\nQ. 驚いたことは？\nAさん:\n\
             - 「相談しやすいことです。」\nCさん:\n- 「会議が短いです。」\n- 「30分です。」\n\
             Q. 最後に？\nBさん:\n- 「大丈夫です。」\n",
        );
        let answers: Vec<Vec<&str>> = i
            .exchanges
            .iter()
            .map(|e| e.answer.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            answers,
            [
                vec!["面接です。"],
                vec!["地元です。", "（自転車で10分）"],
                vec!["研修です。"],
                vec!["相談しやすいことです。"],
                vec!["会議が短いです。", "30分です。"],
                vec!["大丈夫です。"],
            ]
        );
        // an answerer who speaks once, addressed with an honorific
        let i = model(
            "座談会\nQ. 決め手は？\nAさん:\n- 「面接です。」\nBさん:\n- 「地元です。」\n\
             Q. 驚いたことは？\nAさん:\n- 「相談です。」\nCさん:\n- 「会議です。」\n",
        );
        let by: Vec<Option<&str>> = i
            .exchanges
            .iter()
            .map(|e| e.answered_by.as_deref())
            .collect();
        assert_eq!(
            by,
            [Some("Aさん"), Some("Bさん"), Some("Aさん"), Some("Cさん")]
        );
        assert_eq!(i.exchanges[3].answer, ["会議です。"]);
        // a list inside an answer that opened with words keeps its bullets
        let i = model("Name\nQ: Which?\nA: These:\n- oak\n- ash\n");
        assert_eq!(i.exchanges[0].answer, ["These:", "- oak", "- ash"]);
    }

    #[test]
    fn a_line_stopping_mid_sentence_continues_in_lowercase() {
        assert!(continues(
            "But the night shifts I myself was worried about",
            "because three of them were new."
        ));
        assert!(!continues("That was the plan.", "then it changed."));
        assert!(!continues("Early years", "It started in 1998."));
        assert!(!continues("夜の話", "それから"));
        assert!(!continues("a", "more"));
        assert!(!continues("checks their phone", "tidewright1450 karma"));
    }

    #[test]
    fn another_voice_before_the_interviewers_next_turn_ends_the_opening() {
        let interview = model(
            "Episode\nPriya Natarajan:\nIt's Tuesday.\nAnnouncer:\nSmall farms, big questions.\n\
             Priya Natarajan:\nWelcome, Hanne Solberg.\nHanne Solberg:\nThanks for having me.\n\
             Priya Natarajan:\nHow does it work?\nHanne Solberg:\nLike a library.\n",
        );
        assert_eq!(interview.exchanges[0].question, "Welcome, Hanne Solberg.");
        assert_eq!(interview.exchanges.len(), 2);
    }

    #[test]
    fn a_question_in_brackets_whole_is_a_paraphrase() {
        assert_eq!(paraphrase("(有關樓市走勢)"), Some("有關樓市走勢"));
        assert_eq!(paraphrase("[On the budget]"), Some("On the budget"));
        assert_eq!(paraphrase("(a) and (b)?"), None);
        assert_eq!(paraphrase("Why (now)?"), None);
    }

    #[test]
    fn a_dash_and_a_name_after_a_question_sign_it() {
        assert_eq!(
            without_signature("用一句话形容你们的剪辑室?——小满"),
            Some("用一句话形容你们的剪辑室?")
        );
        assert_eq!(
            without_signature("What's next? — Kiwi"),
            Some("What's next?")
        );
        assert_eq!(without_signature("他说——我们走吧?"), None);
        assert_eq!(
            without_signature("Why? — because, as you said, it rained"),
            None
        );
    }

    #[test]
    fn topic_lines_introduce_the_answer() {
        for t in [
            "On whether the state will extend the rules past the summer.",
            "On the lawsuit, and whether he would settle:",
            "(有關樓市走勢)",
            "夜間救急について",
            "인사 문제에 대해",
        ] {
            assert!(introduces(t), "{t}");
        }
        for t in [
            "Online sales grew.",
            "It was about time.",
            "네, 그렇습니다.",
        ] {
            assert!(!introduces(t), "{t}");
        }
    }

    #[test]
    fn the_answerers_label_again_makes_the_line_before_a_question() {
        let interview = model(
            "Excerpts\nCP: What now?\nORTEGA: We wait.\nOn the lawsuit, and whether he would settle:\n\
             ORTEGA: We will not settle.\nCP: Ever?\nORTEGA: Never.\n",
        );
        let questions: Vec<&str> = interview
            .exchanges
            .iter()
            .map(|e| e.question.as_str())
            .collect();
        assert_eq!(
            questions,
            [
                "What now?",
                "On the lawsuit, and whether he would settle",
                "Ever?"
            ]
        );
        assert_eq!(interview.exchanges[0].answer, ["We wait."]);
    }

    #[test]
    fn opening_pleasantries_are_no_exchange() {
        let source = crate::source::Source::from_text(
            "t.txt",
            "Name\nT:では,聞き取りを始めさせていただきます。\nI:はい。\n\
             T:それでは,今日はよろしくお願いします。\nI:よろしくお願いしまーす。\n\
             T:お名前をお願いします。\nI:【I(名)】です。\nT:ご出身は?\nI:北のほうです。\n",
        );
        let parsed = crate::read::text::read(&source);
        let interview = parsed.interview.expect("a model");
        assert_eq!(interview.exchanges[0].question, "お名前をお願いします。");
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.message.contains("opening pleasantries"))
        );
    }

    #[test]
    fn narration_after_a_quoted_answer_is_no_answer() {
        let source = crate::source::Source::from_text(
            "t.txt",
            "Blog\nQ: どんなことを聞いてみたいですか？\nA: 「一日の流れ。\nどの部署の人と話すのか」\n\
             緊張しながらも質問を考えてくれました。\nQ: 準備は？\nA: 「地図を見ておきたいです」\n",
        );
        let parsed = crate::read::text::read(&source);
        let interview = parsed.interview.expect("a model");
        assert_eq!(
            interview.exchanges[0].answer,
            ["一日の流れ。どの部署の人と話すのか"]
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.message.contains("narration"))
        );
    }

    #[test]
    fn a_marker_before_a_name_alone_names_the_speaker() {
        assert!(names_the_speaker("代表幹事（東邦通信）"));
        assert!(names_the_speaker("知事"));
        assert!(!names_the_speaker("はい。"));
        assert!(!names_the_speaker("Yes"));
        let interview = model(
            "会見\nQ 代表幹事（東邦通信）\n効果を見込んでいますか。\nA 知事\n5か所から始めます。\n\
             Q 北陸日報\n改修は含まれないんでしょうか。\nA 知事\n含みます。\n",
        );
        assert_eq!(interview.exchanges[0].question, "効果を見込んでいますか。");
        assert_eq!(interview.exchanges[0].answer, ["5か所から始めます。"]);
        // once, on one side: words
        let interview = model("LEE Hee-sup\nQ: A\nA: 丑丑\nSecretary-General of the Secretariat\n");
        assert_eq!(
            interview.exchanges[0].answer,
            ["丑丑", "Secretary-General of the Secretariat"]
        );
    }

    #[test]
    fn a_quote_inside_an_answers_first_words_opens_no_quoted_answer() {
        assert!(opens_quote("石田さん「機械を動かす人」", "機械を動かす人"));
        assert!(opens_quote("A: “能。", "“能。"));
        assert!(opens_quote(
            "교장선생님 “교실에서…”",
            "교장선생님 “교실에서…”"
        ));
        assert!(!opens_quote("A: We “open”.", "We “open”."));
        assert!(!opens_quote("We “open”.", "We “open”."));
        let interview = model("AA Aaa\nQ: We cooperation.\nA: We “open”.\nWe cooperation.\n");
        assert_eq!(
            interview.exchanges[0].answer,
            ["We “open”.", "We cooperation."]
        );
    }

    #[test]
    fn closing_thanks_and_an_afterword_are_no_exchange() {
        let source = crate::source::Source::from_text(
            "t.txt",
            "Name\nQ: Why?\nA: Because.\nQ: How?\nA: Thus.\nQ: 今日はありがとうございました!\n\
             A: こちらこそ、ありがとうございました。\nあとがき:ほしの\n楽しい取材でした。\n",
        );
        let parsed = crate::read::text::read(&source);
        let interview = parsed.interview.expect("a model");
        assert_eq!(interview.exchanges.len(), 2);
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.message.contains("closing thanks"))
        );
        // the afterword is reported too, to its end
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.span.as_ref().map(|s| s.end) == Some(source.text().trim_end().len()))
        );
    }

    #[test]
    fn a_bracketed_note_closing_a_wrapped_page_is_no_wrap() {
        let interview = model(
            "Name\n\nQ: Why did you start\nthe project then?\n\nA: Because it was time\nand we had money.\n\n\
             Q: And then\nwhat?\n\nA: We built it\nin a year.\n(つづきます)\n",
        );
        assert_eq!(interview.exchanges[1].answer, ["We built it in a year."]);
    }

    #[test]
    fn a_bracketed_name_and_role_introduces_the_next_person() {
        assert_eq!(person_heading("[오태규 / 실기 시험 감독관]"), Some(false));
        assert_eq!(person_heading("【陳立／店主】"), Some(false));
        assert_eq!(person_heading("[박소연 / 한강일보 기자]"), Some(true));
        assert_eq!(person_heading("[2024/25 season]x"), None);
        assert_eq!(person_heading("(웃음)"), None);
        let source = crate::source::Source::from_text(
            "t.txt",
            "[장민서 / 응시생]\nQ. 떨리지 않으세요?\n떨려요.\n[오태규 / 감독관]\n이거 켜진 거예요?\n\
             Q. 20년 전에는요?\n그때는 달랐어요.\n",
        );
        let parsed = crate::read::text::read(&source);
        let interview = parsed.interview.expect("a model");
        assert_eq!(interview.exchanges[0].answer, ["떨려요."]);
        assert_eq!(interview.exchanges[1].question, "20년 전에는요?");
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == Code::AnswerBeforeQuestion)
        );
    }

    #[test]
    fn a_reporters_heading_opens_the_next_question() {
        let interview = model(
            "회견\n[사회자]\n질의응답을 시작하겠습니다.\n[김도윤 / 시장]\n첫 질문 주시죠.\n\
             [박소연 / 한강일보 기자]\n버스는 언제 개통됩니까?\n[김도윤 / 시장]\n12월에 개통합니다.\n\
             [사회자]\n다음 질문 받겠습니다.\n[정우석 / 시민방송 기자]\n예산이 줄었습니까?\n\
             [김도윤 / 시장]\n대상은 늘었습니다.\n",
        );
        let questions: Vec<&str> = interview
            .exchanges
            .iter()
            .map(|e| e.question.as_str())
            .collect();
        assert_eq!(questions, ["버스는 언제 개통됩니까?", "예산이 줄었습니까?"]);
        assert_eq!(interview.exchanges[0].answer, ["12월에 개통합니다."]);
    }

    #[test]
    fn a_moderators_words_that_ask_nothing_are_no_question() {
        assert!(is_moderator("司会"));
        assert!(is_moderator("MODERATOR"));
        assert!(!is_moderator("記者"));
        assert!(!is_moderator("主持人"));
        let interview = model(
            "会見録\n【司会】\nただいまから会見を行います。\n【市長】\n予算を説明します。\n\
             【司会】\nそれでは質問をお受けします。\n【新聞】\n運営はどこが担うのでしょうか。\n【市長】\n地域の団体です。\n\
             【新聞】\n規模はどのくらいでしょうか。\n【市長】\n約2億円です。\n",
        );
        let questions: Vec<&str> = interview
            .exchanges
            .iter()
            .map(|e| e.question.as_str())
            .collect();
        assert_eq!(
            questions,
            [
                "運営はどこが担うのでしょうか。",
                "規模はどのくらいでしょうか。"
            ]
        );
    }

    #[test]
    fn a_last_line_asking_back_answers_the_question_before_it() {
        let interview = model(
            "The Interview\nWhat's your best chirp?\nThe one with the fox.\n\
             What could you never do without?\nTea, rain and my bike.\n\
             Why should we vote for you?\nBecause the fox deserves it?\n",
        );
        assert_eq!(interview.exchanges.len(), 3);
        assert_eq!(
            interview.exchanges[2].answer,
            ["Because the fox deserves it?"]
        );
    }

    #[test]
    fn quotes_around_a_whole_turn_are_no_text() {
        let unquoted = |ps: &[&str]| {
            let mut ps: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
            unquote(&mut ps);
            ps
        };
        // a quoted remark asked about keeps its marks where answers are
        // not quoted
        let interview = model(
            "Name\nQ: 「あいつは速くなる」\nA: え…?\nQ: 「どうですか」\nA: 「うれしいです」\n",
        );
        assert_eq!(interview.exchanges[0].question, "「あいつは速くなる」");
        assert_eq!(interview.exchanges[1].question, "どうですか");
        assert_eq!(
            unquoted(&["「会議が短いです。」", "「30分です。」", "（自転車で10分）"]),
            ["会議が短いです。", "30分です。", "（自転車で10分）"]
        );
        assert_eq!(
            unquoted(&["「A」と「B」", "「C」"]),
            ["「A」と「B」", "「C」"]
        );
        assert_eq!(unquoted(&["「うれしくて」"]), ["うれしくて"]);
        assert_eq!(unquoted(&["\"First.", "Last.\"."]), ["First.", "Last."]);
        assert_eq!(
            unquoted(&["“这几年乡村教师待不住?”"]),
            ["这几年乡村教师待不住?"]
        );
        // two quotes, or a quote that opens the turn only
        assert_eq!(unquoted(&["「A」と「B」"]), ["「A」と「B」"]);
        // each paragraph reopens the quote, the last closes it
        assert_eq!(
            unquoted(&["「因為看了太多。", "「我跟自己說。」"]),
            ["因為看了太多。", "我跟自己說。"]
        );
        assert_eq!(
            unquoted(&["\"Go,\" she said, \"now.\""]),
            ["\"Go,\" she said, \"now.\""]
        );
        assert_eq!(unquoted(&["「A」です"]), ["「A」です"]);
    }

    #[test]
    fn short_lines_ending_no_sentence_are_headings() {
        for t in [
            "Going digital",
            "数码相机来了以后",
            "“病人最怕什么，就先问什么”",
            "市立病院の夜間救急について",
        ] {
            assert!(is_heading(t), "{t}");
        }
        for t in [
            "That was the plan.",
            "네 그렇습니다",
            "そうですね",
            "(웃음)",
            "聞き書きは親戚みたいなものです。(編集B)",
            "23 Q And you've described what you do as county",
            "and then we left",
            "Why not?",
            "It was a long season, and nobody on the crew had slept for a week",
        ] {
            assert!(!is_heading(t), "{t}");
        }
    }

    #[test]
    fn a_heading_before_the_next_question_leaves_the_answer() {
        let source = crate::source::Source::from_text(
            "t.txt",
            "Name\nQ: Why?\nA: Because it is.\nIt always was.\nGoing digital\nQ: And then?\nA: More.\n",
        );
        let parsed = crate::read::text::read(&source);
        let interview = parsed.interview.expect("a model");
        assert_eq!(
            interview.exchanges[0].answer,
            ["Because it is.", "It always was."]
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == Code::PageFurniture && d.message.contains("Going digital"))
        );
    }
}
