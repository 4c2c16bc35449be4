//! Page footers: the lines after an interview that are the page's, not
//! the interviewee's: end marks, copyright lines, related links, bylines,
//! credits, share bars, contact lines, a thanks that closes the talk. Each
//! rule reads one line; the tail pass ([`crate::read::text::tail`]) decides
//! which of a page's last lines they reach.

use super::chars::{self, with_lowercase};
use super::fields;

/// What a related-links heading is called in the warnings.
pub(crate) const RELATED: &str = "related links";

/// How far a footer line reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// The line alone.
    Line,
    /// The line and every line after it.
    Rest,
}

/// A footer line: what it is, how far it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Footer {
    pub what: &'static str,
    pub reach: Reach,
}

/// A footer rule and what it calls the line in warnings.
type NamedRule = (fn(&str) -> bool, &'static str);

/// A footer line by its own words; see the module documentation.
pub(crate) fn footer_line(text: &str) -> Option<Footer> {
    let text = text.trim();
    // a footer is short: a long line is looked at for the narrator's
    // closing words only (the other rules all want fewer columns)
    if !chars::fits_width(text, 300) {
        return is_narrators_close(text).then_some(Footer {
            what: "the narrator's closing words",
            reach: Reach::Rest,
        });
    }
    let ends: [NamedRule; 9] = [
        (is_end_mark, "an end mark"),
        (is_copyright, "a copyright line"),
        (is_related_heading, RELATED),
        (is_afterword, "an afterword"),
        (is_continuation_note, "a note that the interview goes on"),
        (is_narrators_close, "the narrator's closing words"),
        (is_profile_heading, "a profile"),
        (is_rule, "a rule and the text after it"),
        (is_read_more, "a link to the whole text"),
    ];
    let lines: [NamedRule; 18] = [
        (fields::is_byline, "a byline"),
        (is_staff_credit, "a credit"),
        (is_credit_in_brackets, "a credit"),
        (is_email_byline, "a byline"),
        (is_author_note, "a note on the author"),
        (is_editors_note, "an editor's note"),
        (is_link_or_tags, "a link or tags"),
        (is_counter_line, "share and comment counts"),
        (is_page_action, "a page link"),
        (is_stamp, "a time stamp"),
        (is_signature, "a signature"),
        (is_dated_note, "a note of when the interview was made"),
        (is_disclaimer, "a disclaimer"),
        (is_follow_prompt, "a prompt to follow the page"),
        (fields::is_breadcrumb, "a breadcrumb"),
        (is_previous_and_next, "links to the previous and next pages"),
        (thanks_someone, "the asker's closing thanks"),
        // the last: a more telling name first
        (is_contact_line, "a contact or link line"),
    ];
    if let Some((_, what)) = ends.iter().find(|(rule, _)| rule(text)) {
        return Some(Footer {
            what,
            reach: Reach::Rest,
        });
    }
    if let Some((_, what)) = lines.iter().find(|(rule, _)| rule(text)) {
        return Some(Footer {
            what,
            reach: Reach::Line,
        });
    }
    // a share bar ends no sentence (`Copyright law is broken.` does)
    (fields::is_furniture(text, true) && !chars::ends_sentence(text)).then_some(Footer {
        what: "page furniture",
        reach: Reach::Line,
    })
}

/// Whether a line at the end of a page is its footer; see the module
/// documentation for the forms.
pub(crate) fn is_footer(text: &str) -> bool {
    footer_line(text).is_some()
}

/// The text with brackets, bullets and arrows around it taken off:
/// `【こちらの記事も読まれています】` → `こちらの記事も読まれています`,
/// `▶ 관련기사` → `관련기사`.
fn bare(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || "()（）[]［］【】〔〕<>＜＞〈〉《》「」『』-–—―─━=*＊#■□◆◇●○◎▶▷►▲△▼▽☞※»«·•・:：|｜~〜"
                .contains(c)
    })
}

/// **End-mark rule**: `- END -`, `END`, `###`, `-30-`, `<끝>`, `(끝)`,
/// `（完）`, `(おわり)`, `(以上)`, `〈了〉`, `(END OF TRANSCRIPT)`: the text
/// is over.
pub(crate) fn is_end_mark(text: &str) -> bool {
    text.chars().count() <= 24
        && matches!(
            with_lowercase(bare(text), str::to_owned).as_str(),
            "" | "end"
                | "ends"
                | "the end"
                | "30"
                | "끝"
                | "完"
                | "全文完"
                | "了"
                | "終"
                | "おわり"
                | "終わり"
                | "完結"
                | "以上"
                | "本文完"
                | "end of transcript"
                | "end of interview"
                | "end of the interview"
                | "transcript ends"
        )
        && !text.trim().is_empty()
        && !text.trim().chars().all(|c| "-–—―─━".contains(c))
}

/// **Rule rule**: a line of one repeated mark, three or more, that
/// separates the interview from what follows: `* * *`, `＊＊＊`, `◇◇◇`,
/// `=====`, `————`. (`――` alone opens a question on some pages.)
fn is_rule(text: &str) -> bool {
    if !chars::fits_width(text, 80) {
        return false;
    }
    let marks: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && marks.iter().all(|&c| c == marks[0])
        && "*＊◇◆●○◎=＝~〜_-－—―─━·•※☆★".contains(marks[0])
        && !(marks.len() <= 4 && "—―─━".contains(marks[0]))
}

/// **Copyright rule**: `© 2024 …`, `ⓒ 한빛뉴스`, `Copyright 2024 Harbour
/// Times`, `<저작권자 © 한빛뉴스 무단전재 및 재배포 금지>`, `版权所有`,
/// `無断転載を禁じます`, `All rights reserved.` Not `Copyright law is
/// broken`: after the word comes a year, a sign, a colon or a name.
pub(crate) fn is_copyright(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "©",
        "ⓒ",
        "(c) ",
        "저작권자",
        "版权",
        "版權",
        "著作権",
        "本文版权",
        "本文版權",
    ];
    const ANYWHERE: &[&str] = &[
        "all rights reserved",
        "무단전재",
        "무단 전재",
        "재배포 금지",
        "재배포금지",
        "無断転載",
        "無断複製",
        "禁止转载",
        "禁止轉載",
        "未经授权",
        "未經授權",
        "不得转载",
        "不得轉載",
        "转载请注明",
        "轉載請註明",
        "版权所有",
        "版權所有",
    ];
    let bare = text.trim_start_matches(|c: char| c.is_whitespace() || "<[【〈《(（".contains(c));
    if !chars::fits_width(text, 160) {
        return false;
    }
    with_lowercase(bare, |lower| {
        if OPENERS.iter().any(|o| lower.starts_with(o))
            || ANYWHERE.iter().any(|w| lower.contains(w))
        {
            return true;
        }
        let Some(rest) = lower.strip_prefix("copyright") else {
            return false;
        };
        let rest = rest.trim_start();
        // a year, a sign, a colon, or the holder's name (capitalised)
        rest.starts_with(|c: char| c.is_ascii_digit() || "©(:：".contains(c))
            || bare["copyright".len()..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase())
    })
}

/// **Related-links rule**: a heading over links to other pages:
/// `Related: …`, `Read more`, `関連記事`, `関連項目`, `相关阅读`,
/// `▶ 관련기사`, `【こちらの記事も読まれています】`, `You may also like`.
pub(crate) fn is_related_heading(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "related",
        "read more",
        "read next",
        "more from",
        "more stories",
        "more on this",
        "see also",
        "further reading",
        "you may also like",
        "you might also like",
        "recommended",
        "most read",
        "most popular",
        "関連記事",
        "関連リンク",
        "関連項目",
        "関連する記事",
        "あわせて読みたい",
        "合わせて読みたい",
        "こちらもおすすめ",
        "おすすめ記事",
        "人気記事",
        "前の記事",
        "次の記事",
        "相关阅读",
        "相关文章",
        "相关新闻",
        "相关报道",
        "相关链接",
        "相關閱讀",
        "相關文章",
        "相關新聞",
        "相關報導",
        "推荐阅读",
        "推薦閱讀",
        "延伸阅读",
        "延伸閱讀",
        "猜你喜欢",
        "你可能还喜欢",
        "热门文章",
        "热门推荐",
        "往期回顾",
        "往期推荐",
        "精彩推荐",
        "更多精彩",
        "이전글",
        "다음글",
        "관련기사",
        "관련 기사",
        "관련뉴스",
        "관련 뉴스",
        "추천기사",
        "인기기사",
        "많이 본 뉴스",
        "함께 보면 좋은",
        "같이 보면 좋은",
    ];
    let bare = bare(text);
    if !chars::fits_width(bare, 60) {
        return false;
    }
    // `【こちらの記事も読まれています】`: a heading in brackets about articles
    let bracketed = text
        .trim()
        .starts_with(['【', '[', '［', '〔', '<', '《', '■', '▶', '▷'])
        && !chars::ends_sentence(bare)
        && chars::fits_width(bare, 40)
        && [
            "記事", "기사", "文章", "报道", "報導", "articles", "stories",
        ]
        .iter()
        .any(|w| with_lowercase(bare, |l| l.contains(w)));
    bracketed || with_lowercase(bare, |lower| OPENERS.iter().any(|o| lower.starts_with(o)))
}

/// **Afterword rule**: the reporter's own closing words under a heading:
/// `あとがき:ほしの`, `編集後記`, `取材を終えて`, `记者手记`, `编后`,
/// `인터뷰를 마치고`, `취재후기`, `Afterword`, `Editor's note:`.
pub(crate) fn is_afterword(text: &str) -> bool {
    const HEADINGS: &[&str] = &[
        "あとがき",
        "編集後記",
        "取材後記",
        "取材を終えて",
        "インタビューを終えて",
        "后记",
        "後記",
        "编后",
        "編後",
        "编者按",
        "編者按",
        "记者手记",
        "記者手記",
        "采访手记",
        "採訪手記",
        "采访后记",
        "採訪後記",
        "취재후기",
        "취재 후기",
        "인터뷰를 마치고",
        "에필로그",
        "afterword",
        "postscript",
        "editor's note",
        "editor’s note",
        "editors' note",
        "reporter's notebook",
    ];
    let bare = bare(text);
    if !chars::fits_width(bare, 80) {
        return false;
    }
    with_lowercase(bare, |lower| {
        HEADINGS.iter().any(|h| {
            lower.strip_prefix(h).is_some_and(|rest| {
                // the heading alone, or before a separator and a name
                rest.is_empty()
                    || rest.starts_with([':', '：', ' ', '　', '/', '／', '|', '｜', '-', '—'])
                        && chars::fits_width(rest, 40)
            })
        })
    })
}

/// **Narrator's-close rule**: a line telling that the interview is over,
/// which the narrator's closing words follow: `采访结束,陈老送我们到楼梯口…`,
/// `インタビューを終えて、…`, `인터뷰를 마치고 나오는 길에…`, `After the
/// interview, she walked us to the door.`
fn is_narrators_close(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "采访结束",
        "採訪結束",
        "访谈结束",
        "訪談結束",
        "采访完",
        "採訪完",
        "インタビューを終え",
        "取材を終え",
        "インタビューの後",
        "인터뷰를 마치",
        "인터뷰가 끝나",
        "취재를 마치",
        "after the interview",
        "when the interview ended",
        "as the interview ended",
        "when the interview was over",
        "the interview over",
    ];
    opens_with(bare_start(text), OPENERS)
}

/// Whether one of `words` (lowercase) opens `text`, ASCII letters compared
/// without case; nothing is lowercased (a footer rule looks at every line
/// of a long last answer).
fn opens_with(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        text.as_bytes()
            .get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// **Continuation rule**: a note that the interview goes on in another
/// part: `(つづく)`, `（つづきます）`, `次回につづきます。`, `後編へ続く`,
/// `(계속)`, `다음 편에 계속`, `未完待续`, `To be continued`.
fn is_continuation_note(text: &str) -> bool {
    const MARKS: &[&str] = &[
        "つづく",
        "つづきます",
        "続く",
        "続きます",
        "계속",
        "待续",
        "待續",
        "未完待续",
        "未完待續",
        "未完",
        "to be continued",
        "continued",
    ];
    const NEXT: &[&str] = &[
        "次回",
        "次号",
        "次週",
        "後編",
        "後半",
        "下篇",
        "下期",
        "下回",
        "다음 편",
        "다음편",
        "다음 회",
        "다음 호",
    ];
    let bare = bare(text).trim_end_matches(['。', '.', '!', '！', '…']);
    if !chars::fits_width(bare, 36) {
        return false;
    }
    with_lowercase(bare, |lower| {
        MARKS.contains(&lower)
            || NEXT.iter().any(|n| lower.starts_with(n))
                && MARKS
                    .iter()
                    .any(|m| lower.ends_with(m) || lower.contains("につづ"))
    })
}

/// **Staff-credit rule**: a key of the page's staff and a name after a
/// separator: `责任编辑：王芳`, `编辑/李四`, `撮影：佐藤`, `편집=김철수`,
/// `Photos: Jane Doe`, `Edited by Jane Doe`.
fn is_staff_credit(text: &str) -> bool {
    const KEYS: &[&str] = &[
        "责任编辑",
        "責任編輯",
        "本文来源",
        "本文來源",
        "原标题",
        "原標題",
        "编辑",
        "編輯",
        "校对",
        "校對",
        "审核",
        "審核",
        "审校",
        "審校",
        "监制",
        "監製",
        "排版",
        "美编",
        "图片来源",
        "圖片來源",
        "图源",
        "资料来源",
        "資料來源",
        "图片",
        "圖片",
        "摄影",
        "攝影",
        "采写",
        "採寫",
        "采访",
        "採訪",
        "整理",
        "翻译",
        "翻譯",
        "通讯员",
        "實習生",
        "实习生",
        "取材",
        "写真",
        "撮影",
        "編集",
        "構成",
        "聞き手",
        "편집",
        "취재",
        "사진",
        "정리",
        "editor",
        "editing",
        "edited by",
        "photos",
        "photo",
        "photography",
        "interview by",
        "interviewed by",
        "interview and photos",
        "interview",
        "text",
        "words",
        "translated by",
        "translation",
        "produced by",
    ];
    let bare = bare(text);
    if !chars::fits_width(bare, 80) || chars::ends_sentence(bare.trim_end_matches(['.', '。'])) {
        return false;
    }
    with_lowercase(bare, |lower| {
        KEYS.iter().any(|k| {
            lower.strip_prefix(k).is_some_and(|rest| {
                let by = k.ends_with(" by");
                // `Photos: Ken Ito`, `Edited by Jane Doe`; not `Text me …`
                let sep = rest.starts_with([':', '：', '/', '／', '=', '＝', '・', '·', '｜', '|'])
                    || by && rest.starts_with(' ');
                sep && rest
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .next()
                    .is_some()
            })
        })
    })
}

/// **Bracketed-credit rule**: a line wholly in brackets that credits
/// someone: `（聞き手・山田太郎）`, `(取材・文／佐藤)`, `(글·사진=김철수 기자)`,
/// `【記者 王芳】`, `（採訪/整理：林小雨）`, `(Photo: Jane Doe)`.
fn is_credit_in_brackets(text: &str) -> bool {
    const CREDITS: &[&str] = &[
        "聞き手",
        "取材",
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
        "采访",
        "採訪",
        "整理",
        "通讯员",
        "기자",
        "특파원",
        "글=",
        "글·",
        "글/",
        "사진=",
        "사진·",
        "사진/",
        "정리=",
        "photo",
        "editor",
        "reporting",
        "interview by",
        "interviewed by",
        "by ",
    ];
    let text = text.trim();
    let opens = text.starts_with(['(', '（', '[', '【', '〈', '《', '<', '［']);
    let closes = text.ends_with([')', '）', ']', '】', '〉', '》', '>', '］']);
    opens
        && closes
        && text.chars().count() <= 60
        && !chars::ends_sentence(bare(text))
        && with_lowercase(text, |lower| CREDITS.iter().any(|c| lower.contains(c)))
}

/// **E-mail byline rule**: a reporter's e-mail with little else:
/// `홍길동 기자 hong@example.com`, `(soyeon@example.co.kr)`, `[스타데일리
/// 진서윤 기자 news@example.com/사진=늘봄]`. `Email me at jo@example.com if
/// you want to help.` is a sentence: too many words beside the address.
fn is_email_byline(text: &str) -> bool {
    if !has_email(text) {
        return false;
    }
    let words = text
        .split(|c: char| c.is_whitespace() || "()（）<>[]【】,，;/".contains(c))
        .filter(|w| !w.is_empty() && !w.contains('@'))
        .count();
    let reporter = with_lowercase(text, |lower| {
        [
            "기자",
            "记者",
            "記者",
            "reporter",
            "editor",
            "제보",
            "特派员",
            "correspondent",
        ]
        .iter()
        .any(|w| lower.contains(w))
    });
    words <= 4 || reporter && words <= 12 && chars::fits_width(text, 120)
}

/// `hong@example.com`, `(soyeon@example.co.kr)`.
fn has_email(text: &str) -> bool {
    if !text.contains('@') {
        return false;
    }
    text.split(|c: char| c.is_whitespace() || "()（）<>[]【】,，;/".contains(c))
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

/// **Contact-line rule**: a sentence or two at the page's end that point
/// the reader to an address: `Megan Ross can be reached at
/// mross@ledger.example.`, `Tour dates and tickets at lanterns.example.`,
/// `자세한 내용은 www.hanbit.example 참고`; not words in the first person. A
/// web address is a scheme or `www.`, or a lower-case host whose last part is two to seven letters
/// (`e.g.`, `U.S.` and `3.5` are none).
pub(crate) fn is_contact_line(text: &str) -> bool {
    chars::fits_width(text, 160)
        && text.matches(['.', '。', '!', '?']).count() <= 4
        && !speaks_in_first_person(text)
        && (has_email(text) || has_web_address(text))
}

/// Whether `text` speaks in the first person: `Email me at jo@example.com
/// if you want to help.` is the interviewee's, `我们的网站`, `私のブログ`,
/// `제 블로그` too.
fn speaks_in_first_person(text: &str) -> bool {
    const CJK: &[&str] = &[
        "我", "私", "僕", "저는", "제가", "저희", "제 ", "나는", "우리",
    ];
    text.split(|c: char| !c.is_alphabetic() && c != '\'')
        .any(|w| {
            matches!(
                w,
                "I" | "me" | "my" | "we" | "We" | "our" | "Our" | "us" | "My" | "I'm"
            )
        })
        || CJK.iter().any(|w| text.contains(w))
}

/// Whether `text` holds a web address; see [`is_contact_line`].
fn has_web_address(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || "()（）<>[]【】,，;「」\"'".contains(c))
        .map(|word| word.trim_end_matches(['.', '。', ':', '!', '?']))
        .any(|word| {
            if word.contains("://") || word.starts_with("www.") {
                return true;
            }
            let host = word.split('/').next().unwrap_or(word);
            let parts: Vec<&str> = host.split('.').collect();
            let tld = parts.last().copied().unwrap_or("");
            parts.len() >= 2
                && parts.iter().all(|p| {
                    !p.is_empty()
                        && p.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                })
                && (2..=7).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_lowercase())
                && parts[..parts.len() - 1]
                    .iter()
                    .any(|p| p.chars().filter(char::is_ascii_lowercase).count() >= 2)
        })
}

/// **Previous-and-next rule**: links to the neighbouring pages on one
/// line: `上一則：…｜下一則：…`, `Previous: … | Next: …`, `이전글 … 다음글 …`,
/// `前の記事 … 次の記事 …`; or titles between marks pointing back and
/// forth, set apart by a wide gap (`« Q&A with Ana Ruiz      Q&A with
/// Li Wei »`, `← 前の記事 | 次の記事 →`).
fn is_previous_and_next(text: &str) -> bool {
    let text = text.trim();
    let back = text.starts_with(['«', '‹', '←']) || text.starts_with("<<");
    let forth = text.ends_with(['»', '›', '→']) || text.ends_with(">>");
    let apart = text.contains("   ") || text.contains(['\t', '|', '｜']);
    if back && forth && apart && chars::fits_width(text, 200) {
        return true;
    }
    const PAIRS: &[(&str, &str)] = &[
        ("上一則", "下一則"),
        ("上一篇", "下一篇"),
        ("上一条", "下一条"),
        ("上一條", "下一條"),
        ("previous", "next"),
        ("prev", "next"),
        ("이전글", "다음글"),
        ("이전 기사", "다음 기사"),
        ("前の記事", "次の記事"),
    ];
    chars::fits_width(text, 200)
        && with_lowercase(text, |lower| {
            PAIRS.iter().any(|(before, after)| {
                lower
                    .find(before)
                    .is_some_and(|at| lower[at..].contains(after))
            })
        })
}

/// **Author-note rule**: a line on who wrote the piece, in the third
/// person: `Jane Doe is a staff writer at the Harbour Times.`, `Kim Lee
/// is a freelance journalist based in Busan.`
fn is_author_note(text: &str) -> bool {
    const TRADES: &[&str] = &[
        "writer",
        "reporter",
        "journalist",
        "editor",
        "correspondent",
        "contributor",
        "columnist",
        "producer",
        "host of",
    ];
    let Some((name, rest)) = text
        .split_once(" is a ")
        .or_else(|| text.split_once(" is an "))
        .or_else(|| text.split_once(" is the "))
    else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let name_like = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !matches!(words[0], "My" | "Our" | "The" | "This" | "That" | "Your");
    name_like
        && text.split_whitespace().count() <= 40
        && with_lowercase(rest, |lower| TRADES.iter().any(|t| lower.contains(t)))
}

/// **Editor's-note rule**: a note on how the interview was made or
/// edited: `This interview has been edited for length and clarity.`,
/// `Answers have been condensed.`, `This interview was conducted by
/// email.`, `※この記事は…`, and a note in brackets naming the interview
/// (`（インタビューは3月10日、東京都内で）`, `(인터뷰는 지난 3일 진행됐다)`,
/// `（本文根据采访录音整理）`, `（文中敬称略）`).
fn is_editors_note(text: &str) -> bool {
    const SUBJECTS: &[&str] = &[
        "this interview",
        "the interview",
        "interview has been",
        "this conversation",
        "the conversation",
        "this transcript",
        "the transcript",
        "this q&a",
        "the q&a",
        "this exchange",
        "answers have been",
        "responses have been",
        "questions and answers have been",
        "interviews have been",
    ];
    const DONE: &[&str] = &[
        "edited",
        "condensed",
        "shortened",
        "abridged",
        "translated",
        "conducted",
        "recorded",
        "took place",
        "transcribed",
    ];
    const NAMED: &[&str] = &[
        "インタビュー",
        "取材",
        "敬称略",
        "采访",
        "採訪",
        "访谈",
        "訪談",
        "整理",
        "인터뷰",
        "interview",
    ];
    let note = opens_with(text, SUBJECTS)
        && text.split_whitespace().nth(40).is_none()
        && with_lowercase(text, |lower| DONE.iter().any(|w| lower.contains(w)));
    let trimmed = text.trim();
    let bracketed = trimmed.starts_with(['(', '（', '[', '［', '〈', '<'])
        && trimmed.ends_with([')', '）', ']', '］', '〉', '>'])
        && chars::fits_width(trimmed, 100)
        && with_lowercase(trimmed, |lower| NAMED.iter().any(|w| lower.contains(w)));
    note || bracketed || trimmed.starts_with('※')
}

/// **Profile rule**: a heading over the interviewee's (or the author's)
/// profile after the interview: `プロフィール`, `【PROFILE】`, `人物简介`,
/// `프로필`, `About the author`.
fn is_profile_heading(text: &str) -> bool {
    const HEADINGS: &[&str] = &[
        "プロフィール",
        "profile",
        "人物简介",
        "人物簡介",
        "嘉宾简介",
        "嘉賓簡介",
        "个人简介",
        "個人簡介",
        "作者简介",
        "作者簡介",
        "프로필",
        "약력",
        "about the author",
        "about the interviewer",
        "about the writer",
    ];
    with_lowercase(bare(text), |lower| HEADINGS.contains(&lower))
}

/// **Disclaimer rule**: `声明：本文仅代表作者观点`, `免责声明`,
/// `Disclaimer: …`.
fn is_disclaimer(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "声明：",
        "声明:",
        "聲明：",
        "聲明:",
        "免责声明",
        "免責聲明",
        "disclaimer",
        "면책",
        "免責事項",
    ];
    opens_with(bare_start(text), OPENERS)
}

/// **Follow rule**: a prompt to follow or subscribe: `扫码关注我们`,
/// `长按识别二维码`, `Follow Jane on Twitter @jane`, `Sign up for our
/// newsletter`, `구독하기`.
fn is_follow_prompt(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "扫码关注",
        "扫描二维码",
        "长按识别",
        "长按二维码",
        "长按关注",
        "关注我们",
        "點擊關注",
        "关注公众号",
        "sign up for",
        "subscribe to",
        "구독하기",
        "구독 신청",
        "フォローする",
    ];
    const SOCIAL: &[&str] = &[
        "twitter",
        "instagram",
        "facebook",
        "tiktok",
        "threads",
        "bluesky",
        "@",
    ];
    chars::fits_width(text, 100)
        && with_lowercase(bare_start(text), |lower| {
            OPENERS.iter().any(|o| lower.starts_with(o))
                || lower.starts_with("follow ") && SOCIAL.iter().any(|s| lower.contains(s))
        })
}

/// **Signature rule**: a dash and a name alone, signing the piece:
/// `--Harold Pemberton`, `— Jane Doe`, `– J. Doe`. Latin names only: a
/// dash before a CJK name (`――佐藤さん`) may open a question.
fn is_signature(text: &str) -> bool {
    let text = text.trim();
    let Some(name) = ["--", "—", "–", "- "]
        .iter()
        .find_map(|d| text.strip_prefix(d))
        .map(str::trim)
    else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
        })
        && words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// **Dated-note rule**: when and where the interview was made, under it:
/// `2023 年 11 月 18 日上午访谈于南京家中`, `2019년 5월 3일 서울에서`. The
/// line opens with a year and ends no sentence.
fn is_dated_note(text: &str) -> bool {
    let bare = bare(text);
    let year = bare.get(..4).is_some_and(|y| {
        y.bytes().all(|b| b.is_ascii_digit()) && (y.starts_with("19") || y.starts_with("20"))
    });
    year && bare[4..]
        .trim_start()
        .starts_with(['年', '년', '.', '-', '/'])
        && chars::fits_width(bare, 60)
        && !chars::ends_sentence(bare)
        && !bare.contains(['。', '，', ','])
}

/// **Read-more rule**: a short line alone that links to the whole text,
/// after which a listing or an excerpt shows other things: `Read the full
/// interview.`, `Continue reading`, `阅读全文`, `続きを読む`, `전문 보기`.
pub(crate) fn is_read_more(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "read the full",
        "read the rest",
        "read the whole",
        "read the complete",
        "read the entire",
        "continue reading",
        "阅读全文",
        "閱讀全文",
        "阅读原文",
        "閱讀原文",
        "查看全文",
        "全文を読む",
        "続きを読む",
        "전문 보기",
        "기사 전문",
        "전체 기사",
    ];
    let trimmed = text.trim();
    chars::fits_width(trimmed, 60)
        && trimmed.split_whitespace().nth(8).is_none()
        && opens_with(bare_start(trimmed), OPENERS)
}

/// **Link-or-tags rule**: a line that is links or tags: `Tags: …`,
/// `#기후 #환경`, `标签：…`, `▶ 기사 원문 : http://…`, `☞ …`,
/// `https://example.com/a`.
fn is_link_or_tags(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "tags:",
        "tag:",
        "tags ",
        "topics:",
        "filed under",
        "标签：",
        "标签:",
        "標籤：",
        "標籤:",
        "关键词：",
        "关键词:",
        "關鍵詞：",
        "關鍵詞:",
        "关键字：",
        "タグ：",
        "タグ:",
        "태그",
        "키워드",
        "목록",
        "▶ 관련",
        "☞",
        "原文链接",
        "原文連結",
        "read the full",
        "read the rest",
        "read the whole",
        "read the complete",
        "continue reading",
        "click here",
        "listen to the full",
        "watch the full",
        "full interview:",
        "full transcript:",
        "查看原文",
        "기사 전문",
        "전문 보기",
        "全文を読む",
        "続きを読む",
        "阅读原文",
        "閱讀原文",
    ];
    let trimmed = text.trim();
    let hashtags = trimmed
        .split_whitespace()
        .all(|w| w.starts_with(['#', '＃']) && w.chars().count() > 1);
    // an address takes most of the line: a link, not a sentence naming one
    let url = ["http://", "https://", "www."]
        .iter()
        .find_map(|s| trimmed.find(s));
    let link = url.is_some_and(|at| {
        let before = &trimmed[..at];
        chars::fits_width(before, 24) && !chars::ends_sentence(before)
    }) && chars::fits_width(trimmed, 200);
    hashtags
        || link
        || trimmed.split_whitespace().nth(12).is_none() && opens_with(bare_start(trimmed), OPENERS)
}

/// The text with bullets and arrows before it taken off: `▶ 관련기사` →
/// `관련기사`.
fn bare_start(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || "■□◆◇●○◎▶▷►▲△▼▽»·•・-".contains(c))
}

/// Words of share, like and comment counters.
const COUNTER_WORDS: &[&str] = &[
    "like",
    "likes",
    "comment",
    "comments",
    "share",
    "shares",
    "reply",
    "replies",
    "repost",
    "reposts",
    "retweets",
    "views",
    "reblogs",
    "kudos",
    "claps",
    "点赞",
    "赞",
    "評論",
    "评论",
    "转发",
    "轉發",
    "收藏",
    "分享",
    "在看",
    "喜欢",
    "留言",
    "讚",
    "좋아요",
    "공감",
    "댓글",
    "공유",
    "추천",
    "스크랩",
    "싫어요",
    "훈훈해요",
    "슬퍼요",
    "화나요",
    "추천해요",
    "최고예요",
    "흥미로워요",
    "감동이에요",
    "후속기사 원해요",
    "いいね",
    "スキ",
    "コメント",
    "シェア",
    "ブックマーク",
];

/// **Counter rule**: share, like and comment counts and nothing else:
/// `좋아요 12 댓글 3`, `点赞(12) 评论(3) 转发`, `3 Comments`, `Like | 12`;
/// a blog's author or team may open them (`인재채용팀 공감 0 댓글 0`) when
/// two counters follow.
fn is_counter_line(text: &str) -> bool {
    let mut words = 0;
    let mut other = 0;
    for token in text.split(|c: char| c.is_whitespace() || "()（）[]【】|｜·•/:：,，".contains(c))
    {
        if token.is_empty()
            || token
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            continue;
        }
        // `12likes`, `赞12`
        let word = token.trim_matches(|c: char| c.is_ascii_digit() || "+万萬만kK.,".contains(c));
        if word.is_empty() {
            continue;
        }
        let counter = with_lowercase(word, |lower| {
            COUNTER_WORDS.contains(&lower) || crate::form::count::PREFIX_LABELS.contains(lower)
        });
        if !counter {
            // one word before the counters, no more
            if words > 0 || other > 0 {
                return false;
            }
            other += 1;
            continue;
        }
        words += 1;
    }
    if other > 0 {
        return words >= 2 && text.bytes().any(|b| b.is_ascii_digit());
    }
    words >= 1 && text.bytes().any(|b| b.is_ascii_digit()) || words >= 2
}

/// **Page-link rule**: what a page offers to do with itself: `列印此頁`,
/// `打印本页`, `关闭窗口`, `返回顶部`, `Back to top`, `Print this page`,
/// `맨 위로`, `목록으로`, `ページの先頭へ`.
fn is_page_action(text: &str) -> bool {
    const ACTIONS: &[&str] = &[
        "列印此頁",
        "列印本頁",
        "打印此页",
        "打印本页",
        "关闭窗口",
        "關閉視窗",
        "關閉窗口",
        "返回顶部",
        "返回頂部",
        "返回页首",
        "回頁首",
        "回上頁",
        "返回列表",
        "back to top",
        "print this page",
        "print",
        "top",
        "맨 위로",
        "맨위로",
        "목록으로",
        "목록",
        "ページの先頭へ",
        "ページトップへ",
        "このページのトップへ",
        "一覧へ戻る",
        "一覧に戻る",
        "更多",
        "查看更多",
        "阅读更多",
        "閱讀更多",
        "더보기",
        "もっと見る",
        "この記事をシェアする",
        "この記事をシェア",
        "이 기사를 공유합니다",
        "기사 공유하기",
    ];
    with_lowercase(bare(text), |lower| ACTIONS.contains(&lower))
}

/// **Time-stamp rule**: a date or time line with nothing else: `2020年8月14日
/// (星期五)`, `香港時間12時05分`, `Posted May 2, 2024`, `입력
/// 2024.05.02 09:42`.
fn is_stamp(text: &str) -> bool {
    let text = text.trim();
    if !chars::fits_width(text, 80) {
        return false;
    }
    if fields::is_date(text) {
        return true;
    }
    // a time alone, with a place's or zone's word before it
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters: String = text.chars().filter(|c| !c.is_ascii_digit()).collect();
    let letters = letters.trim();
    (2..=4).contains(&digits)
        && chars::fits_width(text, 24)
        && (letters.ends_with("時分") || letters.ends_with("时分") || letters.ends_with("시분"))
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
    "感謝",
];

/// **Thanks-by-name rule**: a short thanks that calls someone by name
/// or title, as the asker closes: `田村さん、ありがとうございました!`,
/// `Thank you, Dr. Holm.`, `김 대표님, 감사합니다.`, `谢谢李老师。` The
/// interviewee's own `Thank you for having me.` names no one.
pub(crate) fn thanks_someone(text: &str) -> bool {
    const ADDRESSES: &[&str] = &[
        "さん", "先生", "様", "씨", "님", "老师", "老師", "先生", "女士", "教授",
    ];
    if !thanks(text) {
        return false;
    }
    let cjk = ADDRESSES.iter().any(|a| text.contains(a));
    // `Thank you, Dr. Holm` / `Thanks, Ana!`: a capitalised word after
    // the thanks and a comma
    let latin = with_lowercase(text, |lower| {
        [
            "thank you,",
            "thanks,",
            "thank you so much,",
            "thank you very much,",
        ]
        .iter()
        .find_map(|t| lower.find(t).map(|at| at + t.len()))
    })
    .and_then(|at| text.get(at..))
    .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase));
    cjk || latin
}

/// Words that close a session: `以上で終わります`, `that's all we have time
/// for`, `이것으로 마치겠습니다`, `到此结束`.
const CLOSINGS: &[&str] = &[
    "終わります",
    "終わりにします",
    "終了します",
    "that's all",
    "that is all",
    "out of time",
    "we'll leave it there",
    "we will leave it there",
    "마치겠습니다",
    "마칩니다",
    "마무리하겠습니다",
    "到此结束",
    "到此結束",
    "就到这里",
    "就到這裡",
    "就到這裏",
    "ほかにありませんか",
    "ほかにございませんか",
    "他にありませんか",
    "还有其他问题",
    "還有其他問題",
    "any other questions",
    "any more questions",
];

/// Whether `text` is a short thanks that asks nothing: `네, 오늘 말씀
/// 고맙습니다.`, `Thank you very much.`, `今日はありがとうございました!`.
pub(crate) fn thanks(text: &str) -> bool {
    text.chars().count() <= 40
        && !super::markers::asks(text)
        && with_lowercase(text, |lower| THANKS.iter().any(|t| lower.contains(t)))
}

/// Whether `text` closes the session: `ほかに質問はありませんか。それでは
/// 以上で終わります。`
pub(crate) fn closes(text: &str) -> bool {
    text.chars().count() <= 80
        && with_lowercase(text, |lower| CLOSINGS.iter().any(|t| lower.contains(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footers() {
        for footer in [
            "« Q&A with Ana Ruiz      Q&A with Li Wei and Jo Pratt »",
            "← 前の記事 | 次の記事 →",
            "홍길동 기자 hong@example.com",
            "（聞き手・山田太郎）",
            "(글·사진=김철수 기자)",
            "© 2024 Harbour Times. All rights reserved.",
            "ⓒ 한빛뉴스 무단전재 및 재배포 금지",
            "<저작권자 © 한빛뉴스 무단전재 및 재배포 금지>",
            "Copyright 2024 Harbour Times",
            "- END -",
            "###",
            "<끝>",
            "(끝)",
            "This interview has been edited for length and clarity.",
            "Related: How the harbour got its cranes",
            "#기후 #환경",
            "相关阅读",
            "【こちらの記事も読まれています】",
            "関連項目",
            "あとがき:ほしの",
            "(つづきます)",
            "次回につづきます。",
            "责任编辑：王芳",
            "【责任编辑：王芳】",
            "（採訪/整理：林小雨）",
            "▶ 기사 원문 : http://www.example.com/_ln/0103",
            "좋아요 12 댓글 3",
            "列印此頁",
            "更多",
            "香港時間12時05分",
            "[스타데일리 진서윤 기자 news@stardaily.example/사진=늘봄엔터테인먼트]",
            "기사제보 news@stardaily.example        진서윤 기자의 다른 기사 보기",
            "Dana Lee is a staff writer at the Harbour Times.",
            "* * *",
            "좋아요 0 훈훈해요 0 슬퍼요 0 화나요 0",
            "阅读 10万+ 在看 523",
            "原标题：《港口的夜班》",
            "声明：本文仅代表作者观点",
            "扫码关注我们",
            "Follow Dana on Twitter @danalee",
            "Answers have been condensed and edited for clarity.",
            "This interview was conducted by email.",
            "（インタビューは3月10日、東京都内で）",
            "（文中敬称略）",
            "2023 年 11 月 18 日上午访谈于南京家中",
            "【プロフィール】",
            "(END OF TRANSCRIPT)",
            "图片来源：网络",
            "Text: Dana Lee / Photos: Ken Ito",
            "--Harold Pemberton",
            "— Jane Doe",
        ] {
            assert!(is_footer(footer), "{footer}");
        }
        for words in [
            "We will keep going.",
            "(laughs) That is the question.",
            "그렇습니다. 앞으로도 계속하겠습니다.",
            "ありがとうございました。",
            "Email me if you want: that was the deal.",
            "Email me at jo@example.com if you want to help with the boats.",
            "#1 is what matters to us.",
            "Copyright law is broken, and that's why we sued.",
            "この状態がしばらく続く。",
            "(글쎄요)",
            "My brother is a reporter at the Post, so I know the drill.",
            "I like it.",
            "――",
            "……",
            "2019年にはじめました。",
            "关注孩子的成长最重要。",
            "(인터뷰가 처음이라 떨려요) 네, 좋아요.",
            "Follow your heart, that's all.",
            "— and then we left.",
            "--",
            "Text me when you land.",
            "« Ce n'est pas fini », he said, « pas du tout »",
        ] {
            assert!(!is_footer(words), "{words}");
        }
    }

    #[test]
    fn lines_that_end_the_interview_reach_the_rest() {
        for end in [
            "関連項目",
            "(끝)",
            "あとがき:ほしの",
            "次回につづきます。",
            "* * *",
        ] {
            assert_eq!(
                footer_line(end).map(|f| f.reach),
                Some(Reach::Rest),
                "{end}"
            );
        }
        assert_eq!(
            footer_line("홍길동 기자 hong@example.com").map(|f| f.reach),
            Some(Reach::Line)
        );
    }
}
