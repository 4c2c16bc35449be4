//! Pass 5b: the page's tail, where the interview ends. Lines after the
//! last answer that are page footer, not the interviewee's words, are left
//! out of the last answer and reported, each at its line; a closing
//! exchange of thanks is left out of the exchanges; a last answer still
//! ending like page text is flagged as doubtful.
//!
//! The tail is read as a whole, line by line, not paragraph by paragraph
//! (a footer may be wrapped into the answer's last paragraph):
//!
//! - **Lines that end the interview, and everything after them**: an end
//!   mark (`(끝)`, `- END -`), a copyright line, a related-links heading
//!   (`関連記事`, `【こちらの記事も読まれています】`), an afterword
//!   (`あとがき:ほしの`, `Editor's note`), a note that the interview goes
//!   on elsewhere (`(つづく)`, `次回につづきます。`), the narrator's closing
//!   words (`采访结束,…`), a profile heading (`プロフィール`), a rule
//!   (`* * *`). Read counts under the related links are the linked pages'.
//! - **Footer lines**, from the last line up, stopping at the first line
//!   that is none: a reporter's byline or e-mail (`홍길동 기자
//!   hong@example.com`), credits (`（聞き手・山田）`, `责任编辑：王芳`), a
//!   note on the author or on the making, a link or tags, share and
//!   comment counts, a print link, a time stamp, a signature; and the
//!   read-count and share-bar lines the earlier passes took out.
//! - **The page's own form**: when every earlier answer closes with the
//!   same mark (`」`, `”`, a table cell's `|`), lines after the last answer's
//!   closing one are not the answer (a narrator's closing words, a
//!   sign-off); when every question opens alike (`ー `, `Q `), a last line
//!   opening so is the asker's. These are guesses, and the warnings say so.
//! - **A link to the whole text** glued to the answer's end (`… 더보기`).
//!
//! A line that only looks like a footer stays: the rules want a footer's
//! whole shape (`Copyright law is broken.` is words; `Copyright 2024
//! Harbour Times` is a footer), and a line opening a turn by the page's own
//! marks (`A: …`) is never footer. The last answer keeps one line at least
//! unless a line that ends the interview takes it all; an exchange left
//! with no answer is set aside with a warning.

use crate::form::chars;
use std::ops::Range;

use super::body::Body;
use super::classify::Page;
use super::lines;
use crate::diagnostic::{Code, Diagnostic};
use crate::form::chars::with_lowercase;
use crate::form::footer::{
    Footer, RELATED, Reach, closes, footer_line, is_afterword, is_copyright, is_end_mark,
    is_related_heading, thanks,
};
use crate::form::kind::Kind;
use crate::form::markers::Rule;

/// What a question-side line with no answer is called in the warnings.
const ASKED: &str = "a question with no answer (it opens as the page's questions do)";

/// What the first line the unlike-the-answers rule takes off is called.
const UNLIKE: &str = "page text (it closes no sentence, where the answers' paragraphs do: a guess)";

/// What the tail pass did: the diagnostics, each at its line.
pub(crate) fn set_aside(page: &Page<'_>, body: &mut Body) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    shed_footer(page, body, &mut diagnostics);
    diagnostics.extend(shed_more_link(page, body));
    if let Some(thanks) = set_aside_closing_thanks(page, body) {
        diagnostics.push(thanks);
    }
    diagnostics.extend(doubt_last_answer(page, body));
    diagnostics
}

/// **Last-answer doubt rule**: the last answer still ends with what may be
/// page text: a line with a footer's shape that was kept (the answer keeps
/// one line), or a short line ending no sentence where every earlier
/// answer ends one (`quietgull301 karma`, `- インタビュー`). Kept, and
/// flagged as doubtful at its line. (A question is no sign: answers ask
/// back, `外國人憑什麼買單?`.)
fn doubt_last_answer(page: &Page<'_>, body: &Body) -> Option<Diagnostic> {
    let (last, earlier) = body.exchanges.split_last()?;
    let paragraph = last.answer.last()?;
    let ends = |p: &str| chars::ends_sentence(p) || crate::form::markers::asks(p);
    let earlier: Vec<&String> = earlier.iter().filter_map(|e| e.answer.last()).collect();
    let unlike = earlier.len() >= 2
        && earlier.iter().all(|p| ends(p))
        && !ends(paragraph)
        && chars::fits_width(paragraph, 40);
    let footer = footer_line(paragraph).map(|f| f.what);
    let why = match (footer, unlike) {
        (Some(what), _) => format!("has the shape of {what}"),
        (None, true) => "ends no sentence, where every other answer does".to_owned(),
        (None, false) => return None,
    };
    // the line the paragraph ends on
    let line = page.lines.iter().rev().find(|l| {
        let text = l.text.trim();
        !text.is_empty() && (paragraph.ends_with(text) || text.ends_with(paragraph.as_str()))
    })?;
    Some(
        Diagnostic::warning(
            Code::DoubtfulExchanges,
            format!("the last answer's last paragraph `{paragraph}` {why}: it may be page text"),
            line.span.clone(),
        )
        .expected("the interviewee's last words"),
    )
}

/// Takes the page's footer off the end of the last answer; see the module
/// documentation for the forms.
fn shed_footer(page: &Page<'_>, body: &mut Body, diagnostics: &mut Vec<Diagnostic>) {
    let (Some(asked), Some(_)) = (body.asked.last().cloned(), body.exchanges.last()) else {
        return;
    };
    // the lines after the last question's line
    let start = page.lines.partition_point(|l| l.span.start <= asked.start);
    let tail: Vec<usize> = (start..page.lines.len()).collect();
    if tail.is_empty() {
        return;
    }
    let closer = answer_closer(page, body);
    let lead = question_lead(page, body);
    let verdicts: Vec<Option<Footer>> = tail
        .iter()
        .map(|&i| {
            let asks = lead
                .as_deref()
                .is_some_and(|lead| raw(page, i).starts_with(lead));
            if asks {
                return Some(Footer {
                    what: ASKED,
                    reach: Reach::Line,
                });
            }
            verdict(page, i, closer.as_ref(), &tail, &body.turn_labels)
        })
        .collect();
    // every line after one that ends the interview; then the footer lines
    // from the last up
    let rest = verdicts
        .iter()
        .position(|v| v.is_some_and(|f| f.reach == Reach::Rest))
        .unwrap_or(tail.len());
    if verdicts
        .get(rest)
        .copied()
        .flatten()
        .is_some_and(|f| f.what == RELATED)
    {
        diagnostics.extend(drop_others_counts(body, page.lines[tail[rest]].span.start));
    }
    let mut rest = rest;
    let mut verdicts = verdicts;
    let cut_from = |rest: usize, verdicts: &[Option<Footer>]| {
        let mut cut = rest;
        while cut > 0 && verdicts[cut - 1].is_some() {
            cut -= 1;
        }
        cut
    };
    // where the footer found so far would not reach it; a line with a
    // footer's shape of its own keeps its name
    if let Some(k) =
        unlike_the_answers(page, body, &tail).filter(|&k| k < cut_from(rest, &verdicts))
    {
        verdicts[k] = Some(Footer {
            what: verdicts[k].map_or(UNLIKE, |own| own.what),
            reach: Reach::Rest,
        });
        rest = k;
    }
    let cut = cut_from(rest, &verdicts);
    if cut == tail.len() {
        return;
    }
    let opener = verdicts.get(rest).copied().flatten();
    let last_end = body.last_end;
    let Some(last) = body.exchanges.last_mut() else {
        return;
    };
    let mut reported = Vec::new();
    // where the footer taken off begins
    let mut footer_start = asked.end;
    for (k, &i) in tail.iter().enumerate().skip(cut).rev() {
        let line = &page.lines[i];
        if matches!(page.kinds[i], Kind::Count(_) | Kind::Furniture) {
            // out of the answer already, and reported by its pass
            continue;
        }
        let takes_all = k >= rest;
        // a line past the last answer's end (an unanswered question's) is
        // none of its text, whatever its words
        if line.span.start >= last_end {
            continue;
        }
        if !strip_line(&mut last.answer, page, i, takes_all) {
            break;
        }
        footer_start = line.span.start;
        let what = match (opener, verdicts[k]) {
            (Some(opener), Some(own)) if k > rest && own.reach == Reach::Line => {
                format!("{} (after {})", own.what, opener.what)
            }
            (Some(opener), None) if k > rest => format!("text after {}", opener.what),
            (_, Some(own)) => own.what.to_owned(),
            (_, None) => "page text".to_owned(),
        };
        let code = if what == ASKED {
            Code::QuestionWithoutAnswer
        } else if what == UNLIKE {
            Code::DoubtfulExchanges
        } else {
            Code::TrailingText
        };
        reported.push(
            Diagnostic::warning(
                code,
                format!("left out of the last answer as {what}: `{}`", line.text),
                line.span.clone(),
            )
            .expected(
                "the interview's last answer (bylines, credits and links are not part of it)",
            ),
        );
    }
    reported.reverse();
    if !reported.is_empty() {
        // quotes around the whole answer are the page's form, now that the
        // footer no longer follows the closing one
        super::body::unquote(&mut last.answer);
    }
    diagnostics.append(&mut reported);
    if last.answer.is_empty() {
        let question = body.exchanges.pop().map(|e| e.question).unwrap_or_default();
        // the question's lines, up to the footer
        let asked = body.asked.pop().unwrap_or(0..0);
        let at = asked.start..footer_start.max(asked.end);
        body.kept = body.kept.saturating_sub(1);
        diagnostics.push(
            Diagnostic::warning(
                Code::QuestionWithoutAnswer,
                format!(
                    "`{question}` has no answer but the page's footer; left out of the exchanges"
                ),
                at,
            )
            .expected("an answer after each question"),
        );
    }
}

/// **Unlike-the-answers rule**: on a page whose answers' paragraphs close
/// a sentence (two at least, one in ten may not), the first short line
/// of the last answer that closes none opens the page's footer, when the
/// lines after it mostly close none either:
///
/// ```text
/// A: Through a state grant and our own reserves.
/// About Brightline Health
/// Brightline Health runs clinics across the state.
/// Media Contact:
/// press@brightline.example
/// ```
///
/// Also a call to action (`Interested in joining? View open roles`), a
/// link, `No comments:`. The line must follow one that closes a sentence
/// and open its block where the page wraps its paragraphs (not a wrapped
/// paragraph's line); a list item (`- …`, `1. …`), a line the next one
/// continues (lower case) or a turn is the answer's. The position in
/// `tail` of that line: a guess, reported as doubtful.
fn unlike_the_answers(page: &Page<'_>, body: &Body, tail: &[usize]) -> Option<usize> {
    let (last, earlier) = body.exchanges.split_last()?;
    let paragraphs = earlier.iter().flat_map(|e| &e.answer);
    let (n, closing) = paragraphs.fold((0, 0), |(n, c), p| {
        (n + 1, c + usize::from(closes_sentence(p)))
    });
    if n < 2 || closing * 10 < n * 9 {
        return None;
    }
    // the answer's lines: read counts and share bars are out already
    let content: Vec<usize> = (0..tail.len())
        .filter(|&k| !matches!(page.kinds[tail[k]], Kind::Count(_) | Kind::Furniture))
        .collect();
    let text = |k: usize| page.lines[tail[k]].text.trim();
    let wrapped = page.paragraphs != lines::Layout::LinePerParagraph;
    // the last answer's first line (the tail may open with the question's
    // own lines and the answerer's label)
    let first = last.answer.first()?;
    let opens = content.iter().position(|&k| {
        let full: &str = &page.lines[tail[k]].text;
        let own = match &page.kinds[tail[k]] {
            Kind::Label(l) => l.body(full),
            Kind::Marker(m) => m.body(full),
            _ => full,
        };
        !own.trim().is_empty() && first.contains(own.trim())
    })?;
    // once a line: whether it closes a sentence, how many do from it to
    // the end, and the last line opening a turn
    let closes: Vec<bool> = content.iter().map(|&k| closes_sentence(text(k))).collect();
    let mut closing_from = vec![0; content.len() + 1];
    for at in (0..content.len()).rev() {
        closing_from[at] = closing_from[at + 1] + usize::from(closes[at]);
    }
    let last_turn = content.iter().rposition(|&k| match &page.kinds[tail[k]] {
        Kind::Marker(m) => m.rule != Rule::Dash,
        Kind::Label(l) => body.turn_labels.contains(&l.label),
        _ => false,
    });
    let at = (opens + 1..content.len()).find(|&at| {
        let k = content[at];
        let line = text(k);
        let opens_block = page.lines[tail[k]].block != page.lines[tail[content[at - 1]]].block;
        let continued = content
            .get(at + 1)
            .is_some_and(|&j| text(j).starts_with(char::is_lowercase));
        !matches!(page.kinds[tail[k]], Kind::Label(_) | Kind::Marker(_))
            && !closes[at]
            && closes[at - 1]
            && (chars::fits_width(line, 48) || is_address(line))
            && !is_list_item(line)
            && (opens_block || !wrapped)
            && !continued
            && last_turn.is_none_or(|turn| turn < at)
            && closing_from[at] * 2 <= content.len() - at
    })?;
    Some(content[at])
}

/// Whether `text` closes a sentence: a full stop, question or exclamation
/// mark or an ellipsis, before closing quotes (not a colon: `Media
/// Contact:` leads in).
fn closes_sentence(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', '」', '』', ')', '）', '*']);
    t.ends_with(['.', '?', '!', '。', '？', '！', '…', '．']) || crate::form::markers::asks(text)
}

/// Whether `text` is a web or mail address alone: `http://…`, `www.…`,
/// `press@brightline.example`.
fn is_address(text: &str) -> bool {
    !text.contains(' ') && (text.contains("://") || text.starts_with("www.") || text.contains('@'))
}

/// Whether `text` is an item of a list: `- …`, `• …`, `1. …`, `2) …`.
fn is_list_item(text: &str) -> bool {
    let digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
    text.starts_with(['-', '•', '・', '*', '·', '–'])
        || (digits.len() < text.len() && digits.starts_with(['.', ')']))
}

/// **More-link rule**: a listing's link to the whole text, glued to the
/// end of the last answer: `…내놓을 생각이라... 더보기`, `…就这样。 阅读全文`,
/// `…and then we left. Read more`, `…でした。 続きを読む`. The link word
/// comes after a space or an ellipsis, and is cut off with a warning at
/// its line. An end mark glued after the last sentence (`…graduated. ●`,
/// `…했다. (끝)`) is cut off so too.
fn shed_more_link(page: &Page<'_>, body: &mut Body) -> Option<Diagnostic> {
    const LINKS: &[&str] = &[
        "더보기",
        "더 보기",
        "전체보기",
        "기사 더보기",
        "阅读全文",
        "閱讀全文",
        "查看全文",
        "展开全文",
        "展開全文",
        "显示全部",
        "続きを読む",
        "全文を読む",
        "続きはこちら",
        "もっと見る",
        "read more",
        "continue reading",
        "[more]",
        "(more)",
        "[…]",
        "[...]",
    ];
    let last = body.exchanges.last_mut()?;
    let paragraph = last.answer.last_mut()?;
    let link_cut = with_lowercase(paragraph, |lower| {
        LINKS.iter().find_map(|link| {
            let before = lower.strip_suffix(link)?;
            // after an ellipsis or a sentence's end; a CJK link after a
            // space too (`I want to read more` is words)
            let glued = before
                .trim_end()
                .ends_with(['…', '.', '。', '!', '?', '！', '？', '"', '”', '」'])
                && (before.ends_with(char::is_whitespace) || !link.is_ascii())
                || before.ends_with(char::is_whitespace) && !link.is_ascii();
            (glued && !before.trim_end().is_empty()).then(|| before.trim_end().len())
        })
    });
    let (cut, what) = match link_cut {
        Some(cut) => {
            // the case-folded text may differ in length from the text: cut
            // only where the two agree
            if !paragraph.is_char_boundary(cut) || paragraph.len() != paragraph.to_lowercase().len()
            {
                return None;
            }
            (cut, "a link to the whole text")
        }
        None => (glued_end_mark(paragraph)?, "an end mark"),
    };
    let link = paragraph[cut..].trim().to_owned();
    paragraph.truncate(cut);
    let line = page
        .lines
        .iter()
        .rev()
        .find(|l| l.text.trim_end().ends_with(link.as_str()))?;
    let end = line.span.end;
    let start = end.saturating_sub(line.text.len() - line.text.trim_end().len() + link.len());
    Some(
        Diagnostic::warning(
            Code::TrailingText,
            format!("left out of the last answer as {what}: `{link}`"),
            if line.text.len() == line.span.len() {
                start..end
            } else {
                line.span.clone()
            },
        )
        .expected(if what == "an end mark" {
            "the interview's last answer (an end mark is not part of it)"
        } else {
            "the interview's last answer (a listing's links are not part of it)"
        }),
    )
}

/// Where an end mark glued after the last sentence of `paragraph` starts
/// (its text before it, trimmed): `…graduated. ●`, `…끝났다. (끝)`,
/// `…でした。 ■`; a sentence's end, a space, then the mark.
fn glued_end_mark(paragraph: &str) -> Option<usize> {
    let (before, mark) = paragraph.trim_end().rsplit_once(char::is_whitespace)?;
    let before = before.trim_end();
    let ends = before.ends_with([
        '.', '。', '!', '?', '！', '？', '"', '”', '」', '』', ')', '）',
    ]);
    (ends && is_end_mark(mark)).then_some(before.len())
}

/// **Other pages' counts rule**: read counts under a related-links
/// heading (from byte `from` on) are the linked pages' (`相关阅读` /
/// `港口的夜班 阅读 1,234`): not this page's; left unread, and flagged.
fn drop_others_counts(body: &mut Body, from: usize) -> Vec<Diagnostic> {
    let (others, own): (Vec<_>, Vec<_>) = std::mem::take(&mut body.counts)
        .into_iter()
        .partition(|c| c.span.start >= from);
    body.counts = own;
    others
        .into_iter()
        .map(|c| {
            Diagnostic::warning(
                Code::DoubtfulReadCount,
                format!(
                    "read count `{}` under the related links, taken for a linked page's",
                    c.text
                ),
                c.span,
            )
            .expected("the page's own read count, before its related links")
        })
        .collect()
}

/// What line `i` of the tail is, if it is footer: by its own words, or by
/// the page's form (`closer`). A line that opens a turn by the page's own
/// marks (`A: …`, or a label that opens turns on the page) is no footer.
fn verdict(
    page: &Page<'_>,
    i: usize,
    closer: Option<&Closer>,
    tail: &[usize],
    turn_labels: &[String],
) -> Option<Footer> {
    let text: &str = &page.lines[i].text;
    match &page.kinds[i] {
        // `A: …`, `答：…`, `[답변] …`; a dash (`- END -`) may be a footer's
        Kind::Marker(m) if m.rule != Rule::Dash => return None,
        Kind::Label(l) if turn_labels.contains(&l.label) => return None,
        // out of the answer already, and footer-like
        Kind::Count(_) => {
            return Some(Footer {
                what: "a read count",
                reach: Reach::Line,
            });
        }
        // a share bar: out already; a copyright or related-links line
        // closes the text
        Kind::Furniture => {
            return Some(if is_copyright(text) {
                Footer {
                    what: "a copyright line",
                    reach: Reach::Rest,
                }
            } else if is_related_heading(text) {
                Footer {
                    what: RELATED,
                    reach: Reach::Rest,
                }
            } else {
                Footer {
                    what: "page furniture",
                    reach: Reach::Line,
                }
            });
        }
        _ => {}
    }
    if let Some(footer) = footer_line(text) {
        return Some(footer);
    }
    let closer = closer?;
    // the last line of the tail that closes as the page's answers do
    let closed = tail.iter().rposition(|&j| closer.closes(raw(page, j)))?;
    let position = tail.iter().position(|&j| j == i)?;
    (position > closed).then_some(Footer {
        what: closer.what,
        reach: Reach::Line,
    })
}

/// Takes line `i`'s text off the end of `answer`: the whole last
/// paragraph, or its end (a footer wrapped into it). `false` when the
/// answer does not end with it, or when it would leave the answer empty
/// and `takes_all` is not set.
fn strip_line(answer: &mut Vec<String>, page: &Page<'_>, i: usize, takes_all: bool) -> bool {
    let full: &str = &page.lines[i].text;
    let body = match &page.kinds[i] {
        Kind::Label(l) => Some(l.body(full)),
        Kind::Marker(m) => Some(m.body(full)),
        _ => None,
    };
    let Some(paragraph) = answer.last_mut() else {
        return false;
    };
    for text in std::iter::once(full).chain(body) {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if *paragraph == text {
            if answer.len() == 1 && !takes_all {
                return false;
            }
            answer.pop();
            return true;
        }
        if let Some(rest) = paragraph.strip_suffix(text) {
            let len = rest.trim_end().len();
            if len == 0 {
                continue;
            }
            paragraph.truncate(len);
            return true;
        }
    }
    false
}

/// The mark every answer line closes with on a page (`「…」` answers, `“…”`
/// answers, table cells ending in `|`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Closer {
    marks: &'static [char],
    what: &'static str,
}

impl Closer {
    const QUOTE: Closer = Closer {
        marks: &['」', '』', '”', '"', '’'],
        what: "page text, not closing with a quote as every answer does (a guess)",
    };
    const CELL: Closer = Closer {
        marks: &['|', '｜'],
        what: "page text, not closing with a table cell as every answer does (a guess)",
    };

    /// Whether `line` closes with this mark (a full stop after a quote
    /// too: `"…입니다".`).
    fn closes(&self, line: &str) -> bool {
        let line = line.trim_end();
        let line = line.strip_suffix(['.', '。']).unwrap_or(line).trim_end();
        line.ends_with(self.marks)
    }

    /// The closer of one line, if any.
    fn of(line: &str) -> Option<Closer> {
        [Closer::QUOTE, Closer::CELL]
            .into_iter()
            .find(|c| c.closes(line))
    }
}

/// **Closing-mark rule**: the mark that closes every answer before the
/// last exchange (the last line before the next question), two answers at
/// least; a quoted answer may run over several lines:
///
/// ```text
/// ――ケガの期間に考えていたこと
/// 「焦るとね、また同じところを
/// 痛めるんですよ」
/// ```
///
/// A line that is a speaker's label alone (`北浦 |` closes as its cells
/// do), a read count or a share bar is no evidence either way.
fn answer_closer(page: &Page<'_>, body: &Body) -> Option<Closer> {
    let [earlier @ .., _last] = &body.asked[..] else {
        return None;
    };
    let mut closer: Option<Closer> = None;
    let mut seen = 0;
    for (k, asked) in earlier.iter().enumerate() {
        let next = &body.asked[k + 1];
        let Some(end) = lines_between(page, asked, next).rev().find(|&i| {
            let text: &str = &page.lines[i].text;
            match &page.kinds[i] {
                Kind::Count(_) | Kind::Furniture => false,
                Kind::Label(l) => !l.body(text).trim().is_empty(),
                _ => true,
            }
        }) else {
            // a second answerer to the same question: no lines of its own
            continue;
        };
        let this = Closer::of(raw(page, end))?;
        if closer.as_ref().is_some_and(|c| *c != this) {
            return None;
        }
        closer = Some(this);
        seen += 1;
    }
    closer.filter(|_| seen >= 2)
}

/// **Question-lead rule**: what every question line of the page opens
/// with, when it is a short token before a space (`ー 大学では…`, `Q 같은
/// 역을…`) or a run of marks (`◆…`): a line of the last answer opening so is
/// the asker's, and has no answer (`ー ……そこは開けましょう。`). Two
/// questions before the last at least, and no line of their answers
/// opening so (a list of `- ` items in an answer).
fn question_lead(page: &Page<'_>, body: &Body) -> Option<String> {
    let [earlier @ .., _last] = &body.asked[..] else {
        return None;
    };
    if earlier.len() < 2 {
        return None;
    }
    let lead_of = |span: &Range<usize>| -> Option<String> {
        let line = page.text.get(span.clone())?.trim_start();
        let marks: String = line
            .chars()
            .take_while(|c| !c.is_alphanumeric() && !c.is_whitespace())
            .collect();
        if !marks.is_empty() {
            return Some(marks);
        }
        let (token, _) = line.split_once([' ', '\u{3000}'])?;
        (token.chars().count() <= 2).then(|| format!("{token} "))
    };
    let first = lead_of(&earlier[0])?;
    if !earlier[1..]
        .iter()
        .all(|span| lead_of(span).as_deref() == Some(first.as_str()))
    {
        return None;
    }
    // no answer line opens so (an answer's list of `- ` items)
    let answered = earlier.iter().enumerate().any(|(k, asked)| {
        lines_between(page, asked, &body.asked[k + 1])
            .any(|i| raw(page, i).trim_start().starts_with(first.as_str()))
    });
    (!answered).then_some(first)
}

/// Line `i` to the end of its line in the page (the line pass takes a
/// table row's cell marks off its text and span).
fn raw<'p>(page: &Page<'p>, i: usize) -> &'p str {
    let line = &page.lines[i];
    let start = line.span.start;
    let end = page
        .text
        .get(line.span.end..)
        .and_then(|rest| rest.find(['\n', '\r']))
        .map_or(page.text.len(), |n| line.span.end + n);
    page.text.get(start..end).map_or(&line.text, str::trim_end)
}

/// The indices of the lines after the question line at `asked` and before
/// the one at `next`.
fn lines_between(page: &Page<'_>, asked: &Range<usize>, next: &Range<usize>) -> Range<usize> {
    let from = page.lines.partition_point(|l| l.span.start <= asked.start);
    let to = page.lines.partition_point(|l| l.span.start < next.start);
    from..to.max(from)
}

/// **Marked thanks rule**: thanks and thanks back that the page marks as a
/// question and its answer, each by its marker, are an exchange like any
/// other:
///
/// ```text
/// 문) 오늘 말씀 고맙습니다.
/// 답) 고맙습니다.
/// ```
///
/// `asked` is the span of the question's line. An afterword after them
/// (`あとがき:…`) makes them the talk's close all the same. Speaker labels
/// (`기자: 고맙습니다.` / `김: 감사합니다.`) mark who speaks, not a question:
/// there the pair is the closing thanks.
fn marked_pair(page: &Page<'_>, asked: &Range<usize>) -> bool {
    use crate::form::markers::Side;
    let at = page.lines.partition_point(|l| l.span.start < asked.start);
    let marked = |i: usize, side: Side| matches!(page.kinds.get(i), Some(Kind::Marker(m)) if m.side == side && m.rule != Rule::Dash);
    // the answer's marker opens the next line that opens a turn
    let answer = (at + 1..page.lines.len())
        .find(|&i| matches!(page.kinds[i], Kind::Marker(_) | Kind::Label(_)));
    // an afterword after them: they close the talk all the same
    let afterword = || page.lines[at..].iter().any(|l| is_afterword(&l.text));
    marked(at, Side::Question) && answer.is_some_and(|i| marked(i, Side::Answer)) && !afterword()
}

/// **Closing-thanks rule**: the last exchange when it is thanks and thanks
/// back (`네, 오늘 말씀 고맙습니다.` / `네, 감사합니다.`), or words that
/// close the session, briefly answered (`以上で終わります。` /
/// `ありがとうございました。`): not an exchange; left out and reported. A
/// last request briefly answered with thanks (`好,那請部長一個月內送到委員會。`
/// / `好,謝謝委員。`) is an exchange and stays.
fn set_aside_closing_thanks(page: &Page<'_>, body: &mut Body) -> Option<Diagnostic> {
    let [.., before, last] = &body.exchanges[..] else {
        return None;
    };
    // thanks and thanks back may be followed by an afterword (`あとがき:
    // …`), which goes with them
    let [answer, after @ ..] = &last.answer[..] else {
        return None;
    };
    let thanks_back = thanks(&last.question) && thanks(answer);
    if !(after.is_empty() || thanks_back) {
        return None;
    }
    if thanks_back && marked_pair(page, body.asked.last()?) {
        return None;
    }
    let short = answer.chars().count() <= 40;
    let closing_words = thanks(&last.question) || closes(&last.question);
    // the asker's own line, cut after its first sentence: `深海図鑑の企画が
    // 通るように、伝えておきます。Kさん、ありがとうございました。`
    let asked = body.asked.last().cloned().unwrap_or(0..0);
    let one_line = page
        .text
        .get(asked.clone())
        .is_some_and(|line| line.contains(answer.as_str()));
    let asker_thanks = one_line && thanks(answer) && !crate::form::markers::asks(&last.question);
    // a second voice under the same question closing the session: `幹事社
    // ほかにありませんか。それでは、ありがとうございました。`
    let same_question = body.asked.len() >= 2
        && body.asked[body.asked.len() - 2] == asked
        && before.question == last.question;
    let chair_closes =
        same_question && answer.chars().count() <= 60 && (closes(answer) || thanks(answer));
    if !(short && (closing_words || asker_thanks) || chair_closes) {
        return None;
    }
    let e = body.exchanges.pop()?;
    let at = body.asked.pop().unwrap_or(0..0);
    body.kept = body.kept.saturating_sub(1 + e.answer.len());
    let what = if chair_closes {
        &e.answer[0]
    } else {
        &e.question
    };
    let after = match e.answer.len() - 1 {
        0 => String::new(),
        n => format!(" (and the {n} paragraphs after the thanks back)"),
    };
    Some(
        Diagnostic::warning(
            Code::TrailingText,
            format!("closing thanks `{what}` left out of the exchanges{after}"),
            at.start..body.last_end.max(at.end),
        )
        .expected("a question and its answer"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::footer::{is_contact_line, is_footer, is_read_more, thanks_someone};
    use crate::source::Source;

    fn read(text: &str) -> crate::read::Parsed {
        crate::read::text::read(&Source::from_text("t.txt", text))
    }

    fn last_answer(text: &str) -> Vec<String> {
        let interview = read(text).interview.expect("a model");
        interview
            .exchanges
            .last()
            .expect("an exchange")
            .answer
            .clone()
    }

    #[test]
    fn lines_unlike_every_answer_after_the_last_one_are_page_text() {
        let page = "Tomas Berg\nQ: Why a ferry?\nA: Because the bridge is far.\n\
                    Q: And the cost?\nA: Lower than a road. We checked twice.\n\
                    Q: When?\nA: In the spring, if the weather holds.\n\
                    About Harbour Lines\nHarbour Lines runs ferries on the lake.\n\
                    Media contact:\nIda Holm\npress@harbour.example\n";
        let parsed = read(page);
        let answer = &parsed.interview.as_ref().unwrap().exchanges[2].answer;
        assert_eq!(answer, &["In the spring, if the weather holds."]);
        // the guess is flagged at its first line; each line after it reported
        let at = |code: Code| {
            parsed
                .diagnostics
                .iter()
                .filter(|d| d.code == code)
                .filter_map(|d| page.get(d.span.clone()?))
                .collect::<Vec<_>>()
        };
        assert_eq!(at(Code::DoubtfulExchanges), ["About Harbour Lines"]);
        assert_eq!(at(Code::TrailingText).len(), 4);
        // a call to action alone, or a link
        let answer = last_answer(
            "Name\nQ: One?\nA: First one.\nQ: Two?\nA: Second one.\nQ: Three?\nA: Third one.\n\
             Interested in joining? See open roles\n",
        );
        assert_eq!(answer, ["Third one."]);
    }

    #[test]
    fn a_last_answer_that_goes_on_like_the_others_keeps_its_lines() {
        // a list closing the answer, a short last paragraph followed by
        // sentences, and a page whose answers close no sentence
        let answer = last_answer(
            "Name\nQ: One?\nA: First one.\nQ: Two?\nA: Second one.\nQ: Three?\nA: Three things.\n\
             - more boats\n- more crews\n",
        );
        assert_eq!(answer, ["Three things.", "- more boats", "- more crews"]);
        let answer = last_answer(
            "Name\nQ: One?\nA: First one.\nQ: Two?\nA: Second one.\nQ: Three?\nA: Yes.\n\
             Looking ahead\nWe will build two more.\nThen a third one.\n",
        );
        assert_eq!(answer.len(), 4, "{answer:?}");
        let answer = last_answer(
            "Name\nQ: One?\nA: well we tried\nQ: Two?\nA: and then we left\nQ: Three?\nA: Yes.\n\
             Not really sure\n",
        );
        assert_eq!(answer, ["Yes.", "Not really sure"]);
    }

    #[test]
    fn thanks_by_name_close_the_asker_and_own_thanks_stay() {
        for line in [
            "田村さん、ありがとうございました!",
            "Thank you, Dr. Holm.",
            "김 대표님, 감사합니다.",
            "谢谢李老师。",
        ] {
            assert!(thanks_someone(line), "{line}");
        }
        for line in [
            "Thank you for having me.",
            "Thanks, it was fun.",
            "ありがとうございました。",
        ] {
            assert!(!thanks_someone(line), "{line}");
        }
        let answer = last_answer(
            "Name\nQ: One?\nA: First one.\nQ: Two?\nA: Second one.\nThank you, Ms. Berg!\n",
        );
        assert_eq!(answer, ["Second one."]);
    }

    #[test]
    fn a_link_to_the_whole_text_ends_the_excerpt() {
        let answer = last_answer(
            "Name\nQ: One?\nA: First one.\nQ: Two?\nA: Second one.\nRead the full interview.\n\
             Visit her website to learn more about her work.\nMy Book, The Movie: Saltmarsh.\n",
        );
        assert_eq!(answer, ["Second one."]);
        assert!(!is_read_more(
            "Read the full report before you judge it, because it says more."
        ));
    }

    #[test]
    fn contact_lines_and_neighbour_links_are_footer() {
        for line in [
            "Megan Ross can be reached at mross@ledger.example.",
            "Tour dates and tickets at lanterns.example.",
            "자세한 내용은 www.hanbit.example 참고",
            "https://harbour.example/a",
            "上一則：年度報告發布｜下一則：新廠動土",
            "Previous: Spring fair | Next: Summer fair",
        ] {
            assert!(is_footer(line), "{line}");
        }
        for line in [
            "We wrote it in node, e.g. the parser.",
            "The U.S. market grew 3.5 percent.",
            "I moved to Seoul. Then I went back home.",
            "What comes next after the previous one is hard to say, and I said so twice over many years.",
        ] {
            assert!(!is_contact_line(line), "{line}");
        }
    }

    #[test]
    fn a_related_links_list_after_the_last_answer_is_left_out() {
        let answer = last_answer(
            "Name\nQ: One?\nA: First.\nQ: Two?\nA: Second.\n\n関連項目\n\n- インタビュー\n- 口述筆記\n",
        );
        assert_eq!(answer, ["Second."]);
    }

    #[test]
    fn read_counts_under_related_links_are_the_linked_pages() {
        let p = read(
            "Name\nQ: One?\nA: First.\nQ: Two?\nA: Second.\n相关阅读\n港口的夜班\n阅读 1,234\n",
        );
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.code == Code::DoubtfulReadCount)
        );
        assert_eq!(p.interview.unwrap().read_count, None);
        // the page's own count, before them, is read
        let p = read(
            "Name\nQ: One?\nA: First.\nQ: Two?\nA: Second.\n阅读 77\n相关阅读\n港口的夜班\n阅读 1,234\n",
        );
        assert_eq!(p.interview.unwrap().read_count, Some(77));
    }

    #[test]
    fn a_marked_answer_line_is_never_footer() {
        let answer = last_answer(
            "Name\nQ: One?\nA: First.\nQ: Who writes?\nA: Me.\nA: 홍길동 기자 hong@example.com\n",
        );
        assert_eq!(answer, ["Me.", "홍길동 기자 hong@example.com"]);
    }

    #[test]
    fn a_last_answer_ending_like_page_text_is_flagged() {
        let flagged = |text: &str| {
            read(text)
                .diagnostics
                .iter()
                .any(|d| d.code == Code::DoubtfulExchanges)
        };
        assert!(flagged(
            "Name\nQ: One?\nA: First.\nQ: Two?\nA: Second.\nQ: Three?\nA: Third.\nquietgull301 karma\n"
        ));
        assert!(flagged(
            "Name\nQ: One?\nA: First.\nQ: Two?\nA: By Jane Doe\n"
        ));
        assert!(!flagged(
            "Name\nQ: One?\nA: First.\nQ: Two?\nA: Second.\nQ: Three?\nA: Third.\nAnd more.\n"
        ));
    }

    #[test]
    fn a_last_line_opening_as_the_questions_do_is_the_askers() {
        let answer = last_answer(
            "Name\nー 一つ目は?\nはい。\nー 二つ目は?\nいいえ。\nー 三つ目は?\nたぶん。\n\
             ー 四つ目は?\nそうです。\nー ……そこは開けましょう。\n",
        );
        assert_eq!(answer.last().map(String::as_str), Some("そうです。"));
        // a page whose answers hold lines opening so keeps it
        let answer = last_answer(
            "Name\n- 一つ目は?\n- はい\n- 二つ目は?\nいいえ。\n- 三つ目は?\nたぶん。\n\
             - 四つ目は?\nそうです。\n- そして、これも。\n",
        );
        assert_eq!(
            answer.last().map(String::as_str),
            Some("- そして、これも。")
        );
    }

    #[test]
    fn a_more_link_glued_to_the_last_answer_is_cut_off() {
        let text = "Name\nQ: 왜요?\nA: 그냥요.\nQ: 요즘은요?\nA: 바빠요... 더보기\n";
        let p = read(text);
        let answer = p
            .interview
            .unwrap()
            .exchanges
            .last()
            .unwrap()
            .answer
            .clone();
        assert_eq!(answer, ["바빠요..."]);
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::TrailingText)
            .expect("a warning");
        assert_eq!(&text[d.span.clone().unwrap()], "더보기");
        // a word of the answer stays
        let answer = last_answer("Name\nQ: One?\nA: Yes.\nQ: Two?\nA: I want to read more\n");
        assert_eq!(answer, ["I want to read more"]);
    }

    #[test]
    fn a_footer_wrapped_into_the_last_paragraph_is_cut_off_it() {
        let answer = last_answer(
            "Name\n\nQ: One?\n\nA: First line\nof the answer.\n\nQ: Two?\n\nA: The last\nanswer.\n(つづきます)\n",
        );
        assert_eq!(answer, ["The last answer."]);
    }

    #[test]
    fn each_footer_line_is_reported_at_its_line() {
        let text = "Name\nQ: One?\nA: First.\nQ: Two?\nA: Second.\n홍길동 기자 hong@example.com\n";
        let p = read(text);
        let d = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::TrailingText)
            .expect("a warning");
        let at = text.find("홍길동").unwrap();
        assert_eq!(d.span.clone().unwrap().start, at);
        assert_eq!(p.interview.unwrap().exchanges[1].answer, ["Second."]);
    }

    #[test]
    fn lines_after_the_pages_closing_quote_are_not_the_answer() {
        let answer = last_answer(
            "宮坂\n――一つ目\n「はい、そうです」\n――二つ目\n「いいえ、ちがいます」\n\
             ――三つ目\n「たぶん、そうでしょう」\n――四つ目\n「まずは走ります」\nでは、また!\n",
        );
        assert_eq!(answer, ["まずは走ります"]);
        // a page whose answers are not all quoted keeps the line
        let answer = last_answer(
            "宮坂\n――一つ目\n「はい、そうです」\n――二つ目\nいいえ、ちがいます\n\
             ――三つ目\n「たぶん、そうでしょう」\n――四つ目\n「まずは走ります」\nでは、また!\n",
        );
        assert_eq!(answer, ["「まずは走ります」", "では、また!"]);
    }

    #[test]
    fn a_last_answer_that_only_looks_like_a_footer_stays() {
        let answer = last_answer(
            "Name\nQ: One?\nA: First.\nQ: Who can help?\nA: Anyone.\n\
             Email me at jo@example.com if you want to help with the boats.\n",
        );
        assert_eq!(
            answer,
            [
                "Anyone.",
                "Email me at jo@example.com if you want to help with the boats."
            ]
        );
        // a byline alone as the answer stays: the answer keeps one line
        let answer = last_answer("Name\nQ: One?\nA: First.\nQ: Two?\nA: By Jane Doe\n");
        assert_eq!(answer, ["By Jane Doe"]);
    }

    fn questions(text: &str) -> Vec<String> {
        let interview = read(text).interview.expect("a model");
        interview
            .exchanges
            .into_iter()
            .map(|e| e.question)
            .collect()
    }

    #[test]
    fn the_narrators_closing_words_are_left_out() {
        let answer = last_answer(
            "Name\n我:为什么?\n陈老:因为。\n我:多吗?\n陈老:一半一半吧。\n\
             采访结束,陈老送我们到楼梯口。\n",
        );
        assert_eq!(answer, ["一半一半吧。"]);
    }

    /// The exchanges left by the closing-thanks rule on `text`, whose
    /// exchanges are `(question, answer, line of the question)`.
    fn after_closing(text: &str, exchanges: &[(&str, &str, usize)]) -> Vec<String> {
        let source = Source::from_text("t.txt", text);
        let lines = lines::collect(&source, &mut Vec::new(), &mut Default::default());
        let page = super::super::classify::page(source.text(), &lines);
        let mut body = Body::default();
        for &(question, answer, line) in exchanges {
            body.exchanges.push(crate::model::Exchange {
                question: question.to_owned(),
                answer: vec![answer.to_owned()],
                answered_by: None,
            });
            body.asked.push(lines[line].span.clone());
        }
        let _ = set_aside_closing_thanks(&page, &mut body);
        body.exchanges
            .into_iter()
            .map(|e| e.answer[0].clone())
            .collect()
    }

    #[test]
    fn the_askers_closing_thanks_on_its_own_line_or_by_the_chair_are_left_out() {
        // the asker's line cut after its first sentence
        let text = "―一つ目は？\n★はい。\n―伝えておきます。Kさん，ありがとうございました。\n";
        assert_eq!(
            after_closing(
                text,
                &[
                    ("一つ目は？", "はい。", 0),
                    ("伝えておきます。", "Kさん，ありがとうございました。", 2)
                ]
            ),
            ["はい。"]
        );
        // a reply on a line of its own stays
        let text = "委員:為什麼?\n部長:因為預算。\n委員:好,請送到委員會。\n部長:好,謝謝委員。\n";
        assert_eq!(
            after_closing(
                text,
                &[
                    ("為什麼?", "因為預算。", 0),
                    ("好,請送到委員會。", "好,謝謝委員。", 2)
                ]
            ),
            ["因為預算。", "好,謝謝委員。"]
        );
        // a second voice under the same question closes the session
        let text = "記者　なぜですか。\n知事　予算です。\n幹事社　ほかにありませんか。それでは、ありがとうございました。\n";
        assert_eq!(
            after_closing(
                text,
                &[
                    ("なぜですか。", "予算です。", 0),
                    (
                        "なぜですか。",
                        "ほかにありませんか。それでは、ありがとうございました。",
                        0
                    )
                ]
            ),
            ["予算です。"]
        );
    }

    #[test]
    fn thanks_and_thanks_back_marked_as_question_and_answer_stay() {
        assert_eq!(
            questions(
                "이름\n문) 왜요?\n답) 그냥요.\n문) 정말요?\n답) 네.\n\
                 문) 오늘 말씀 고맙습니다.\n답) 고맙습니다.\n"
            ),
            ["왜요?", "정말요?", "오늘 말씀 고맙습니다."]
        );
        assert_eq!(
            questions(
                "Name\nQ: Why?\nA: Because.\nQ: And then?\nA: More.\n\
                 Q: Thank you very much.\nA: Thanks for having me.\n"
            ),
            ["Why?", "And then?", "Thank you very much."]
        );
    }

    #[test]
    fn closing_thanks_are_left_out_but_a_last_request_stays() {
        assert_eq!(
            questions(
                "Name\nHOST: Why?\nGUEST: Because.\nHOST: And then?\nGUEST: More.\n\
                 HOST: Thank you very much.\nGUEST: Thanks for having me.\n"
            ),
            ["Why?", "And then?"]
        );
        // a question that thanks and asks is one
        assert_eq!(
            questions("Name\nQ: Why?\nA: Because.\nQ: Thanks, and what next?\nA: More.\n"),
            ["Why?", "Thanks, and what next?"]
        );
        let p = read(
            "Name\n기자: 왜요?\n김: 그냥요.\n기자: 정말요?\n김: 네.\n기자: 네, 오늘 말씀 고맙습니다.\n김: 네, 감사합니다.\n",
        );
        let interview = p.interview.unwrap();
        assert_eq!(interview.exchanges.len(), 2);
        assert!(p.diagnostics.iter().any(|d| d.code == Code::TrailingText));
        let p = read(
            "Name\n委員:為什麼?\n部長:因為預算。\n委員:好,那請部長一個月內把辦法送到委員會。\n部長:好,謝謝委員。\n",
        );
        assert_eq!(p.interview.unwrap().exchanges.len(), 2);
        let p = read(
            "Name\n記者:なぜですか。\n市長:予算です。\n記者:いつですか。\n市長:来月です。\n\
             司会:ほかに質問はありませんか。それでは以上で終わります。\n市長:ありがとうございました。\n",
        );
        assert_eq!(p.interview.unwrap().exchanges.len(), 2);
    }
}
