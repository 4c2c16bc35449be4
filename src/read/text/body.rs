//! Pass 5: the body, the turns from the first question on, into
//! exchanges. Unmarked lines continue the current turn (a wrapped line
//! joins its paragraph; otherwise a new paragraph); after a question whose
//! answers are never marked (`――なぜ？`) they are the answer. When several
//! people answer, each exchange records who.

use std::ops::Range;

use super::classify::{self, Counted, Kind, Page};
use super::layout::{Opener, Profile};
use super::lines::{self, Layout, Line};
use super::markers::Side;
use crate::diagnostic::{Code, Diagnostic};
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
        }
    }
}

/// Turns from line `first` on into exchanges.
pub(crate) fn read(page: &Page<'_>, first: usize, profile: &Profile) -> Body {
    let mut body = Body::default();
    let mut open: Option<Open> = None;
    let mut prev_text: Option<usize> = None;
    // the span of the last line if it was an unmarked paragraph of an answer
    let mut unmarked: Option<Range<usize>> = None;
    let lines = page.lines;
    for (i, line) in lines.iter().enumerate().skip(first) {
        let wrapped_join = (page.paragraphs == Layout::Wrapped
            && prev_text.is_some_and(|p| lines[p].block == line.block && p + 1 == i))
            || prev_text.is_some_and(|p| continues(&lines[p].text, &line.text));
        match &page.kinds[i] {
            &Kind::Count(count) => {
                body.counts.push(Counted::of(line, count));
                prev_text = None;
                continue;
            }
            Kind::Furniture => {
                body.diagnostics.push(classify::furniture(line));
                prev_text = None;
                continue;
            }
            _ => {}
        }
        prev_text = Some(i);
        // the line before was an unmarked paragraph of an answer: its span
        let unmarked_before = unmarked.take();
        let turn = profile.turn_at(page, i, false);
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
                if let Some(turn) = open.as_mut()
                    && !turn.answering
                    && by.is_some()
                    && turn.asked_by_label
                {
                    // the interviewer speaks again before any answer
                    lines::join_wrapped(&mut turn.question, &text);
                    continue;
                }
                if let Some(mut done) = open.take() {
                    body.shed_headings(&mut done);
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
                if profile.questions_unmarked
                    && turn.answering
                    && turn.answer.len() >= 2
                    && let Some(asked) = unmarked_before
                {
                    // only answers are marked: the unmarked line right
                    // before this answer is its question
                    let mut done = open.take().expect("an open turn");
                    let question = done.answer.pop().expect("two paragraphs");
                    done.lines -= 2;
                    body.close(done, false);
                    let mut next = Open::asking(asked, question, false);
                    next.lines = 2;
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
                if !turn.answering {
                    turn.answering = true;
                    turn.answered_by = by;
                    turn.answer_span = Some(line.span.clone());
                }
                if !text.is_empty() {
                    turn.answer.push(text);
                    turn.loose.clear();
                }
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
                        _ => text,
                    };
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
                    body.diagnostics.push(
                        Diagnostic::warning(
                            Code::TrailingText,
                            format!(
                                "`{text}` breaks in between a question and its answer, left out of the model"
                            ),
                            line.span.clone(),
                        )
                        .expected("the question's text or its answer"),
                    );
                    continue;
                }
                if turn.answering {
                    match turn.answer.last_mut() {
                        Some(last) if wrapped_join => {
                            lines::join_wrapped(last, text);
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
                    lines::join_wrapped(&mut turn.question, text);
                } else {
                    // the answer follows the question unmarked (`――なぜ？`)
                    turn.answering = true;
                    turn.answer_span = Some(line.span.clone());
                    turn.answer.push(text.to_owned());
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
            body.diagnostics.push(
                Diagnostic::warning(
                    Code::TrailingText,
                    format!("closing note `{note}` after the last answer, left out of the model"),
                    span,
                )
                .expected("the answer's text"),
            );
        }
        body.close(done, true);
    }
    body.set_aside_closing_thanks();
    body
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
    // a wrapped line runs some words (`a` alone is a paragraph of its own)
    let open = !lines::ends_sentence(before)
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
    open && word && next.starts_with(|c: char| c.is_lowercase())
}

/// **Heading rule**: a short line that ends no sentence and asks nothing,
/// standing between an answer and the next question, heads the next part
/// of the page rather than closing the answer: `Going digital`,
/// `数码相机来了以后`, `“病人最怕什么，就先问什么”`, `夜間救急について`. A line in
/// brackets is an aside (`(웃음)`), a line ending in a comma or a Korean
/// sentence ending (`네 그렇습니다`) or in Japanese speech (`そうですね`) is
/// speech.
pub(crate) fn is_heading(text: &str) -> bool {
    // more than 70 characters at four bytes at most each: no heading, and
    // a paragraph is not counted through
    if text.len() > 4 * 70 {
        return false;
    }
    let chars = text.chars().count();
    let wide = text.chars().filter(|&c| lines::is_cjk_letter(c)).count();
    let short = if wide * 2 > chars {
        chars <= 30
    } else {
        chars <= 70 && text.split_whitespace().count() <= 6
    };
    // one phrase: no sentence ends inside (`…ものです。(編集B)`)
    let phrase = !text.contains(['。', '！', '？', '!', '?'])
        && !text.contains(". ")
        && !text
            .trim_end_matches(['"', '”', '’', ')', '）'])
            .ends_with('.');
    let Some(last) = text
        .trim_end_matches(['"', '”', '’', '」', '』'])
        .chars()
        .next_back()
    else {
        return false;
    };
    let speech_end = matches!(last, '다' | '요' | '죠' | '까' | '네' | '나' | '군' | '지')
        || (('\u{3040}'..='\u{309f}').contains(&last) && !text.ends_with("について"));
    let latin_starts = text
        .chars()
        .next()
        .is_some_and(|c| !c.is_alphabetic() || !c.is_ascii() || c.is_uppercase());
    short
        && phrase
        && !lines::ends_sentence(text)
        && !super::layout::asks(text)
        && !text.starts_with(['(', '（', '[', '［'])
        && !matches!(last, ',' | '，' | '、' | '-' | '—' | '―' | ';')
        && !speech_end
        && latin_starts
}

/// Quotes that set off a whole turn.
const TURN_QUOTES: &[(char, char)] = &[('「', '」'), ('“', '”'), ('"', '"'), ('『', '』')];

/// **Quoted turn rule**: quotes around a whole turn are the page's form,
/// not the speaker's words: `「やっぱりね、うれしくて」` → `やっぱりね、うれしくて`;
/// `"First.` … `Last."` over a turn's paragraphs lose the first and the
/// last mark. Only where the turn holds no other mark of the pair (`「A」と
/// 「B」` is two quotes); a full stop after the closing mark goes with it
/// (`"…보입니다".`).
pub(crate) fn unquote(paragraphs: &mut [String]) {
    let Some(first) = paragraphs.first() else {
        return;
    };
    let Some(&(open, close)) = TURN_QUOTES.iter().find(|(o, _)| first.starts_with(*o)) else {
        return;
    };
    let last = paragraphs.last().expect("one paragraph at least");
    let end = last.strip_suffix(['.', '。']).unwrap_or(last);
    let Some(end_len) = end.strip_suffix(close).map(str::len) else {
        return;
    };
    let marks: usize = paragraphs
        .iter()
        .map(|p| p.chars().filter(|&c| c == open || c == close).count())
        .sum();
    // the opening and closing marks alone (a straight quote is both)
    if marks != 2 || paragraphs.len() == 1 && first.chars().count() < 3 {
        return;
    }
    let n = paragraphs.len();
    paragraphs[n - 1].truncate(end_len);
    let inner = paragraphs[0][open.len_utf8()..].trim_start().to_owned();
    paragraphs[0] = inner;
    let last = &mut paragraphs[n - 1];
    let trimmed = last.trim_end().len();
    last.truncate(trimmed);
}

/// Words that thank, closing an interview.
const THANKS: &[&str] = &[
    "thank you",
    "thanks",
    "ありがとうございました",
    "ありがとうございます",
    "고맙습니다",
    "감사합니다",
    "谢谢",
    "謝謝",
    "感谢",
];

/// Whether `text` is a short thanks that asks nothing: `네, 오늘 말씀
/// 고맙습니다.`, `Thank you very much.`, `今日はありがとうございました!`.
fn thanks(text: &str) -> bool {
    text.chars().count() <= 40
        && !super::layout::asks(text)
        && super::lines::with_lowercase(text, |lower| THANKS.iter().any(|t| lower.contains(t)))
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
    /// Sets aside the headings closing an answer before the next question
    /// (see [`is_heading`]), each with a warning at its line; the answer
    /// keeps one paragraph at least.
    fn shed_headings(&mut self, turn: &mut Open) {
        while turn.answer.len() >= 2
            && !turn.loose.is_empty()
            && turn.answer.last().is_some_and(|p| is_heading(p))
        {
            let heading = turn.answer.pop().expect("two paragraphs");
            let span = turn.loose.pop().expect("a loose line");
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::PageFurniture,
                    format!("heading `{heading}` between exchanges, left out of the model"),
                    span,
                )
                .expected("the answer's text (headings between exchanges are not part of it)"),
            );
        }
    }

    fn close(&mut self, turn: Open, last: bool) {
        let kept = !turn.question.is_empty() && !turn.answer.is_empty();
        if kept {
            self.kept += turn.lines;
            self.asked.push(turn.asked.clone());
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
        let mut answer = turn.answer;
        unquote(&mut answer);
        answer.shrink_to_fit();
        let mut question = vec![turn.question];
        unquote(&mut question);
        let question = question.pop().expect("one paragraph");
        self.exchanges.push(Exchange {
            question,
            answer,
            answered_by: turn.answered_by,
        });
    }

    /// The last exchange when it is thanks and thanks back (`네, 오늘 말씀
    /// 고맙습니다.` / `네, 감사합니다.`), or closing words that ask nothing and
    /// are thanked for (`以上で終わります。` / `ありがとうございました。`): not
    /// an exchange; left out and reported.
    fn set_aside_closing_thanks(&mut self) {
        let closing = self.exchanges.len() >= 2
            && self.exchanges.last().is_some_and(|e| {
                let [answer] = &e.answer[..] else {
                    return false;
                };
                // thanks, and thanks back; or closing words that ask
                // nothing (`以上で終わります。`), thanked for
                let short = answer.chars().count() <= 40;
                let closing = thanks(&e.question) || !super::layout::asks(&e.question);
                short && closing && (thanks(&e.question) || thanks(answer))
            });
        if !closing {
            return;
        }
        let Some(e) = self.exchanges.pop() else {
            return;
        };
        let at = self.asked.pop().unwrap_or(0..0);
        self.kept = self.kept.saturating_sub(2);
        self.diagnostics.push(
            Diagnostic::warning(
                Code::TrailingText,
                format!("closing thanks `{}` left out of the exchanges", e.question),
                at,
            )
            .expected("a question and its answer"),
        );
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
    fn quotes_around_a_whole_turn_are_no_text() {
        let unquoted = |ps: &[&str]| {
            let mut ps: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
            unquote(&mut ps);
            ps
        };
        assert_eq!(unquoted(&["「うれしくて」"]), ["うれしくて"]);
        assert_eq!(unquoted(&["\"First.", "Last.\"."]), ["First.", "Last."]);
        assert_eq!(
            unquoted(&["“这几年乡村教师待不住?”"]),
            ["这几年乡村教师待不住?"]
        );
        // two quotes, or a quote that opens the turn only
        assert_eq!(unquoted(&["「A」と「B」"]), ["「A」と「B」"]);
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
