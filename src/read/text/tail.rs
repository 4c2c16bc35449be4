//! Pass 5b: the page's tail. Lines after the last answer that are page
//! footer, not the interviewee's words, are left out of the last answer
//! and reported: a reporter's byline or e-mail (`홍길동 기자
//! hong@example.com`), credits in brackets (`（聞き手・山田）`), a copyright
//! line, an end mark (`- END -`, `###`), an editor's note (`This interview
//! has been edited for length and clarity.`), related links and tags.
//! Only the tail is looked at, from the last line up, and it stops at the
//! first line that is none of these; the answer keeps at least one
//! paragraph.

use super::body::Body;
use super::classify::{Kind, Page};
use super::fields;
use super::lines::with_lowercase;
use crate::diagnostic::{Code, Diagnostic};

/// Takes the page's footer paragraphs off the end of the last answer, each
/// reported at the line it starts on.
pub(crate) fn set_aside(page: &Page<'_>, body: &mut Body) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let Some(last) = body.exchanges.last_mut() else {
        return diagnostics;
    };
    // the lines of the tail, from the last up, read counts and share bars
    // aside (they are out of the answer already)
    let mut lines = page
        .lines
        .iter()
        .zip(&page.kinds)
        .rev()
        .filter(|(_, kind)| !matches!(kind, Kind::Count(_) | Kind::Furniture))
        .map(|(line, _)| line)
        .peekable();
    while last.answer.len() >= 2 {
        let end = lines.peek().map_or(0, |line| line.span.end);
        let Some(paragraph) = last.answer.last() else {
            break;
        };
        if !is_footer(paragraph) {
            break;
        }
        // the line the paragraph starts on (a wrapped one spans several)
        let Some(start) = lines.find(|line| paragraph.starts_with(&*line.text)) else {
            break;
        };
        diagnostics.push(
            Diagnostic::warning(
                Code::TrailingText,
                format!("page footer after the last answer, left out: `{paragraph}`"),
                start.span.start..end.max(start.span.end),
            )
            .expected(
                "the interview's last answer (bylines, credits and links are not part of it)",
            ),
        );
        last.answer.pop();
    }
    diagnostics.reverse();
    diagnostics
}

/// Whether a line at the end of a page is its footer; see the module
/// documentation for the forms.
pub(crate) fn is_footer(text: &str) -> bool {
    let text = text.trim();
    fields::is_byline(text)
        || fields::is_furniture(text, true)
        || fields::is_breadcrumb(text)
        || has_email(text) && text.chars().count() <= 80
        || is_copyright(text)
        || is_end_mark(text)
        || is_credit_in_brackets(text)
        || is_editors_note(text)
        || is_link_or_tags(text)
}

/// `hong@example.com`, `(soyeon@example.co.kr)`.
fn has_email(text: &str) -> bool {
    // most lines hold no `@`: found without splitting them into words
    memchr::memchr(b'@', text.as_bytes()).is_some()
        && text
            .split(|c: char| c.is_whitespace() || "()（）<>[]【】,，;".contains(c))
            .map(|word| word.trim_end_matches(['.', '。', ':', '!']))
            .any(|word| {
                word.split_once('@').is_some_and(|(user, host)| {
                    !user.is_empty()
                        && host.contains('.')
                        && !host.starts_with('.')
                        && !host.ends_with('.')
                })
            })
}

/// `© 2024 …`, `ⓒ 한빛뉴스`, `Copyright …`, `저작권자 …`, `版权所有`.
fn is_copyright(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "©",
        "ⓒ",
        "(c) ",
        "copyright",
        "저작권자",
        "版权",
        "版權",
        "著作権",
        "無断転載",
        "무단 전재",
        "무단전재",
    ];
    with_lowercase(text, |lower| OPENERS.iter().any(|o| lower.starts_with(o)))
        || text.contains("All rights reserved")
}

/// `- END -`, `END`, `ENDS`, `###`, `-30-`, `<끝>`, `（完）`, `(おわり)`.
fn is_end_mark(text: &str) -> bool {
    let bare = text
        .trim_matches(|c: char| c.is_whitespace() || "-–—―=*#<>()（）〈〉[]【】「」".contains(c));
    matches!(
        bare,
        "" | "END"
            | "End"
            | "ENDS"
            | "30"
            | "끝"
            | "完"
            | "了"
            | "終"
            | "おわり"
            | "終わり"
            | "完結"
    ) && text.chars().count() <= 12
}

/// A line wholly in brackets that credits someone: `（聞き手・山田太郎）`,
/// `(取材・文／佐藤)`, `(글·사진=김철수 기자)`, `【記者 王芳】`,
/// `(Photo: Jane Doe)`.
fn is_credit_in_brackets(text: &str) -> bool {
    const CREDITS: &[&str] = &[
        "聞き手",
        "取材",
        "文",
        "写真",
        "撮影",
        "編集",
        "構成",
        "記者",
        "记者",
        "编辑",
        "編輯",
        "摄影",
        "攝影",
        "来源",
        "來源",
        "기자",
        "글",
        "사진",
        "정리",
        "photo",
        "editor",
        "reporting",
        "interview by",
        "interviewed by",
        "by ",
    ];
    let opens = text.starts_with(['(', '（', '[', '【', '〈', '《']);
    let closes = text.ends_with([')', '）', ']', '】', '〉', '》']);
    opens
        && closes
        && text.chars().count() <= 60
        && with_lowercase(text, |lower| CREDITS.iter().any(|c| lower.contains(c)))
}

/// `This interview has been edited for length and clarity.`, `※この記事は…`.
fn is_editors_note(text: &str) -> bool {
    with_lowercase(text, |lower| {
        [
            "this interview",
            "this conversation",
            "this transcript",
            "the interview has been",
            "interview has been edited",
        ]
        .iter()
        .any(|o| lower.starts_with(o))
            && ["edited", "condensed", "shortened", "abridged"]
                .iter()
                .any(|w| lower.contains(w))
    }) || text.starts_with('※')
}

/// `Related: …`, `Read more …`, `Tags: …`, `#기후 #환경`, `関連記事`,
/// `相关阅读`, `이전글 …`, `▶ 관련 기사 …`.
fn is_link_or_tags(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "related",
        "read more",
        "more:",
        "see also",
        "tags:",
        "tag:",
        "topics:",
        "filed under",
        "関連記事",
        "関連リンク",
        "関連",
        "相关阅读",
        "相关文章",
        "相關閱讀",
        "相關文章",
        "推荐阅读",
        "推薦閱讀",
        "延伸阅读",
        "延伸閱讀",
        "이전글",
        "다음글",
        "관련기사",
        "관련 기사",
        "목록",
        "前の記事",
        "次の記事",
        "▶ 관련",
        "☞",
    ];
    let hashtags = text.split_whitespace().count() >= 1
        && text
            .split_whitespace()
            .all(|w| w.starts_with('#') && w.chars().count() > 1);
    hashtags || with_lowercase(text, |lower| OPENERS.iter().any(|o| lower.starts_with(o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footers() {
        for footer in [
            "홍길동 기자 hong@example.com",
            "（聞き手・山田太郎）",
            "(글·사진=김철수 기자)",
            "© 2024 Harbour Times. All rights reserved.",
            "ⓒ 한빛뉴스 무단전재 및 재배포 금지",
            "- END -",
            "###",
            "<끝>",
            "This interview has been edited for length and clarity.",
            "Related: How the harbour got its cranes",
            "#기후 #환경",
            "相关阅读",
        ] {
            assert!(is_footer(footer), "{footer}");
        }
        for words in [
            "We will keep going.",
            "(laughs) That is the question.",
            "그렇습니다. 앞으로도 계속하겠습니다.",
            "ありがとうございました。",
            "Email me if you want: that was the deal.",
            "#1 is what matters to us.",
        ] {
            assert!(!is_footer(words), "{words}");
        }
    }
}
