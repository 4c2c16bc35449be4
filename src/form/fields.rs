//! The header: everything before the first question.
//!
//! Each header line is first matched against the **line rules**, which
//! need no context:
//!
//! | rule | examples |
//! | --- | --- |
//! | labelled field | `Headline: …` `# …` `Date: …` `发布时间：…` `Byline: …` `Interviewer: …` `受访者：…` `Role: …` `Introduction: …` |
//! | date | `2024-05-12 09:30` `2024年5月12日` `2024. 5. 12. 오전 10:32` `May 12, 2024` |
//! | byline | `By Jane Doe` `Interviewed by Jane Doe` `文/张三` `记者 张三` `김철수 기자` `来源：新华网` |
//! | page furniture | `分享到：微信 微博` `Share: Facebook Twitter` `ツイート シェア` `【字体：大 中 小】` |
//! | metadata line | `2024-05-12 | 来源：中国网 | 阅读 1,234` (each segment one of the above or a read count) |
//!
//! What is left is read by position: the **name** is the first line that
//! looks like a person's name (`LEE Hee-sup`, `李肇星`, `黒田 東彦`, or
//! `NAME, ROLE` / `NAME (ROLE)` on one line); a line before it is the
//! **headline**; the line right after it is the **role** when it reads like
//! one (a role may run over two lines); the rest is **introduction**.

use std::borrow::Cow;
use std::ops::Range;

use super::chars::{
    ends_sentence, fits_width, is_cjk, is_cjk_letter, join_wrapped, split_once_sep,
    strip_prefix_caseless, with_lowercase,
};
use super::count::{ReadCount, parse_read_count};
use super::labels::{is_label_like, matches_name, split_declaration};
use super::line::Line;
use super::markers::COLONS;
use super::words::{Shapes, Words};
use crate::model::{Role, Speaker};

/// What one header line is, by the line rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Field {
    /// `Headline: …`, `标题：…`, `# …`.
    Headline(String),
    /// `2024-05-12`, `Date: …`, `发布时间：…`.
    Date(String),
    /// `By Jane Doe`, `文/张三`, `Byline: …` (the label `Byline:` removed).
    Byline(String),
    /// `Interviewed by Jane Doe` (also a byline) or `Interviewer: Jane Doe`.
    Interviewer {
        /// The line as a byline, when it reads as one.
        byline: Option<String>,
        /// The interviewer's name.
        name: String,
    },
    /// `Interviewee: …`, `受访者：…`: the person interviewed.
    Interviewee(String),
    /// `Role: …`, `职务：…`.
    Role(String),
    /// `Introduction: …`, `导语：…`: a paragraph of introduction.
    Introduction(String),
    /// A read count: `阅读 1,234`.
    Count(ReadCount),
    /// Share buttons, font-size switches, copyright lines.
    Furniture,
    /// None of the above.
    Plain,
}

/// Keys of labelled header fields, matched case-insensitively and followed
/// by a colon (`Date: 2024-05-12`, `发布时间：2024-05-12`).
const KEYS: &[(&str, Key)] = &[
    ("headline", Key::Headline),
    ("title", Key::Headline),
    ("标题", Key::Headline),
    ("標題", Key::Headline),
    ("タイトル", Key::Headline),
    ("제목", Key::Headline),
    ("date", Key::Date),
    ("published", Key::Date),
    ("posted", Key::Date),
    ("updated", Key::Date),
    ("last updated", Key::Date),
    ("日期", Key::Date),
    ("时间", Key::Date),
    ("時間", Key::Date),
    ("发布时间", Key::Date),
    ("發布時間", Key::Date),
    ("发表时间", Key::Date),
    ("更新时间", Key::Date),
    ("日時", Key::Date),
    ("掲載日", Key::Date),
    ("公開日", Key::Date),
    ("更新日", Key::Date),
    ("날짜", Key::Date),
    ("입력", Key::Date),
    ("기사입력", Key::Date),
    ("등록", Key::Date),
    ("게시일", Key::Date),
    ("작성일", Key::Date),
    ("등록일", Key::Date),
    ("입력일", Key::Date),
    ("발행일", Key::Date),
    ("수정일", Key::Date),
    ("发布日期", Key::Date),
    ("發佈日期", Key::Date),
    ("發布日期", Key::Date),
    ("发稿时间", Key::Date),
    ("投稿日", Key::Date),
    ("配信日", Key::Date),
    ("公開日時", Key::Date),
    ("date published", Key::Date),
    ("author", Key::Byline),
    ("作者", Key::Byline),
    ("byline", Key::Byline),
    ("interviewer", Key::Interviewer),
    ("interviewed by", Key::Interviewer),
    ("moderator", Key::Interviewer),
    ("host", Key::Interviewer),
    ("聞き手", Key::Interviewer),
    ("インタビュアー", Key::Interviewer),
    ("采访", Key::Interviewer),
    ("采访人", Key::Interviewer),
    ("采访者", Key::Interviewer),
    ("主持人", Key::Interviewer),
    ("记者", Key::Interviewer),
    ("記者", Key::Interviewer),
    ("인터뷰어", Key::Interviewer),
    ("진행", Key::Interviewer),
    ("사회", Key::Interviewer),
    ("interviewee", Key::Interviewee),
    ("guest", Key::Interviewee),
    ("受访者", Key::Interviewee),
    ("受访人", Key::Interviewee),
    ("受訪者", Key::Interviewee),
    ("嘉宾", Key::Interviewee),
    ("話し手", Key::Interviewee),
    ("ゲスト", Key::Interviewee),
    ("인터뷰이", Key::Interviewee),
    ("인터뷰 대상", Key::Interviewee),
    ("출연", Key::Interviewee),
    ("출연자", Key::Interviewee),
    ("게스트", Key::Interviewee),
    ("인터뷰 대상자", Key::Interviewee),
    ("대담", Key::Interviewee),
    ("대담자", Key::Interviewee),
    ("嘉賓", Key::Interviewee),
    ("采访对象", Key::Interviewee),
    ("採訪對象", Key::Interviewee),
    ("受访嘉宾", Key::Interviewee),
    ("采访嘉宾", Key::Interviewee),
    ("採訪嘉賓", Key::Interviewee),
    ("受訪嘉賓", Key::Interviewee),
    ("インタビュイー", Key::Interviewee),
    // a profile's fields: `Name: Carlos Medina`, `氏名：…`, `이름: …`
    ("name", Key::Interviewee),
    ("full name", Key::Interviewee),
    ("姓名", Key::Interviewee),
    ("氏名", Key::Interviewee),
    ("名前", Key::Interviewee),
    ("お名前", Key::Interviewee),
    ("이름", Key::Interviewee),
    ("성명", Key::Interviewee),
    ("introduction", Key::Introduction),
    ("导语", Key::Introduction),
    ("導語", Key::Introduction),
    ("リード", Key::Introduction),
    ("리드", Key::Introduction),
    ("role", Key::Role),
    ("position", Key::Role),
    ("职务", Key::Role),
    ("職務", Key::Role),
    ("肩書", Key::Role),
    ("직책", Key::Role),
    ("직함", Key::Role),
    ("소속", Key::Role),
    ("职位", Key::Role),
    ("職位", Key::Role),
    ("所属", Key::Role),
    ("affiliation", Key::Role),
    ("job title", Key::Role),
    ("department", Key::Role),
    ("职称", Key::Role),
    ("職稱", Key::Role),
    ("部门职称", Key::Role),
    ("部門職稱", Key::Role),
    ("部署", Key::Role),
    ("所属部署", Key::Role),
    ("役職", Key::Role),
    ("부서", Key::Role),
    ("직위", Key::Role),
];

/// The shapes of [`KEYS`]' keys, to turn most other words away unread.
const KEY_SHAPES: Shapes = {
    let mut shapes = Shapes::EMPTY;
    let mut i = 0;
    while i < KEYS.len() {
        shapes = shapes.with(KEYS[i].0);
        i += 1;
    }
    shapes
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Headline,
    Date,
    Byline,
    Interviewer,
    Interviewee,
    Role,
    Introduction,
}

/// `KEY: value` with a known key → (key, value).
fn labelled(text: &str) -> Option<(Key, &str)> {
    // Markdown bold around the key: `**Published:** 2024-01-22`; a bullet
    // before it: `■ 출연 : 고명석 / 기상전문기자`
    let bold = text.starts_with("**");
    let text = text.strip_prefix("**").unwrap_or(text);
    let text = text
        .trim_start_matches(['■', '□', '◆', '◇', '●', '○', '▶', '▷', '•', '※', '-'])
        .trim_start();
    // `作者|梁晓棠`, `采访嘉宾｜马骁`: a known key before a bar, as reposts
    // print their fields (a bar after any other word is no field)
    let (at, colon) = text
        .char_indices()
        .take(24)
        .find(|&(_, c)| COLONS.contains(&c))
        .or_else(|| {
            text.char_indices()
                .take(12)
                .find(|&(_, c)| matches!(c, '|' | '｜'))
        })?;
    let key = text[..at].trim();
    let key = if bold { key.trim_end_matches('*') } else { key };
    // `嘉 宾:`, `출 연 :`: a CJK key printed with its letters spaced
    // (only a key that names the interviewee: a spaced date key heads
    // flattened lines more often than a field)
    let unspaced;
    let spaced = key.contains(' ') && is_spaced_cjk(key);
    let key = if spaced {
        unspaced = key.replace(' ', "");
        unspaced.as_str()
    } else {
        key
    };
    let value = text[at + colon.len_utf8()..].trim();
    // the bold's end after the colon (`**Published:** …`), when it is one
    let value = match value.strip_prefix("**") {
        Some(rest) if bold => rest.trim_start(),
        _ => value,
    };
    let &(_, kind) = with_lowercase(key, |key| {
        KEY_SHAPES
            .may_hold(key)
            .then(|| KEYS.iter().find(|(k, _)| *k == key))
            .flatten()
    })?;
    (!value.is_empty() && (!spaced || kind == Key::Interviewee)).then_some((kind, value))
}

/// **Era date**: a Japanese date by era (`令和元年6月14日`, `平成30年4月1日
/// （日）`): the era, its year (`元` for the first), then date letters and
/// numbers only.
fn is_era_date(text: &str) -> bool {
    let Some(rest) = ["令和", "平成", "昭和", "大正"]
        .iter()
        .find_map(|era| text.trim().strip_prefix(era))
    else {
        return false;
    };
    rest.contains('年')
        && rest.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || "元年月日()（）曜月火水木金土日時分～~:：".contains(c)
                || ('０'..='９').contains(&c)
        })
}

/// **Spaced CJK letters**: single CJK letters each set apart by one space
/// (`嘉 宾`, `박 선 영`), as some pages print short words; Latin words are
/// never joined.
pub(crate) fn is_spaced_cjk(text: &str) -> bool {
    let parts: Vec<&str> = text.split([' ', '\u{3000}']).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(is_cjk_letter))
}

/// `text` with the spaces between its single CJK letters taken out
/// (`大　臣` → `大臣`), when [`is_spaced_cjk`]; else as it is.
pub(crate) fn unspaced_cjk(text: &str) -> String {
    if is_spaced_cjk(text) {
        text.chars()
            .filter(|&c| c != ' ' && c != '\u{3000}')
            .collect()
    } else {
        text.to_owned()
    }
}

/// The line rules; see the module documentation.
pub(crate) fn classify(text: &str) -> Field {
    if let Some(rest) = text.strip_prefix("# ") {
        return Field::Headline(rest.trim().to_owned());
    }
    if let Some(field) = credit(text) {
        return field;
    }
    if let Some((key, value)) = labelled(text) {
        let value = value.to_owned();
        return match key {
            Key::Headline => Field::Headline(value),
            Key::Date => Field::Date(value),
            Key::Byline => Field::Byline(value),
            Key::Interviewee => Field::Interviewee(value),
            Key::Role => Field::Role(value),
            Key::Introduction => Field::Introduction(value),
            // `记者：…` with a sentence after it is a question, not a credit
            Key::Interviewer => Field::Plain,
        };
    }
    if let Some(count) = parse_read_count(text) {
        return Field::Count(count);
    }
    if is_date(text) {
        return Field::Date(text.to_owned());
    }
    if let Some(name) = interviewed_by(text) {
        return Field::Interviewer {
            byline: Some(text.to_owned()),
            name,
        };
    }
    if is_byline(text) {
        return Field::Byline(text.to_owned());
    }
    if is_furniture(text, true) || is_breadcrumb(text) {
        return Field::Furniture;
    }
    Field::Plain
}

/// **Breadcrumb rule**: a site's navigation path, short steps joined by
/// one separator, three or more of them or two after a home step:
/// `Home | News | Interviews`, `首页 > 新闻中心 > 专访`, `홈 > 뉴스 > 인터뷰`,
/// `トップ ＞ インタビュー`. No step holds a digit (`2024-05-12 | 阅读 12`
/// is a metadata line) or ends a sentence.
pub(crate) fn is_breadcrumb(text: &str) -> bool {
    const HOME: &[&str] = &[
        "home",
        "首页",
        "首頁",
        "主页",
        "홈",
        "トップ",
        "ホーム",
        "top",
    ];
    const SEPARATORS: &[&str] = &[">", "＞", "›", "»", "|", "｜", " / ", "→", "＞＞", ">>"];
    let short = |step: &str| {
        let step = step.trim();
        !step.is_empty()
            && step.split_whitespace().count() <= 4
            && step.chars().count() <= 24
            && !step
                .chars()
                .any(|c| c.is_numeric() || "<([{\"“".contains(c))
            && !ends_sentence(step)
    };
    // most lines hold no separator: one search for the characters they
    // are made of rather than one for each
    if !text.contains(['>', '＞', '›', '»', '|', '｜', '/', '→']) {
        return false;
    }
    SEPARATORS.iter().any(|sep| {
        if !text.contains(sep) {
            return false;
        }
        let steps = text.split(sep).count();
        let home = || {
            text.split(sep)
                .next()
                .is_some_and(|s| with_lowercase(s.trim(), |s| HOME.contains(&s)))
        };
        (steps >= 3 || (steps == 2 && home())) && text.split(sep).all(&short)
    })
}

/// **Credit rule**: an interviewer key with names after it, no sentence:
/// `Interviewer: Jane Doe`, `记者：张三 李四`, `聞き手：道上尚史`. The same
/// keys before a sentence (`记者：您好。`) open a question instead.
pub(crate) fn credit(text: &str) -> Option<Field> {
    let (key, value) = labelled(text)?;
    if key != Key::Interviewer {
        return None;
    }
    let names: Vec<&str> = value
        .split(['、', ',', '，', '/', '／', '·', '・'])
        .flat_map(|part| {
            if part.chars().any(is_cjk_letter) {
                part.split_whitespace().collect::<Vec<_>>()
            } else {
                vec![part.trim()]
            }
        })
        .filter(|p| !p.is_empty())
        .collect();
    let all_names = !names.is_empty()
        && names.len() <= 4
        && names
            .iter()
            .all(|n| is_label_like(n) && !n.ends_with(['.', '。']));
    all_names.then(|| Field::Interviewer {
        byline: None,
        name: value.to_owned(),
    })
}

/// `Interviewed by Jane Doe` → `Jane Doe`.
fn interviewed_by(text: &str) -> Option<String> {
    for prefix in [
        "interviewed by ",
        "interview by ",
        "moderated by ",
        "hosted by ",
        "conducted by ",
    ] {
        let head = text.get(..prefix.len())?;
        if head.eq_ignore_ascii_case(prefix) {
            let name = text[prefix.len()..].trim();
            let name = name.trim_end_matches(['.', ',']);
            if is_label_like(name) {
                return Some(name.to_owned());
            }
        }
    }
    None
}

/// **Date rule**: a year (1900–2099) with a month and a day, in any of the
/// common shapes, optionally with a time, a weekday, a time zone and a
/// label such as `Published` or `입력`.
pub(crate) fn is_date(text: &str) -> bool {
    if is_era_date(text) {
        return true;
    }
    const WORDS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "am",
        "pm",
        "a",
        "p",
        "m",
        "gmt",
        "utc",
        "kst",
        "jst",
        "bst",
        "cst",
        "est",
        "edt",
        "pst",
        "pdt",
        "cet",
        "cest",
        "hkt",
        "sgt",
        "at",
        "on",
        "published",
        "posted",
        "updated",
        "last",
        "date",
        "t",
        "z",
        "st",
        "nd",
        "rd",
        "th",
    ];
    const MONTHS: usize = 24;
    const CJK: &str = "年月日년월일時时分秒시분초星期周週曜一二三四五六七天火水木金土午前後后上下오전후화수목금토요입력수정등록기사発布表更新公開掲載时间時間日期发布發表";
    let mut year = false;
    let mut numbers = 0;
    let mut month_word = false;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            let digits = &text[start..end];
            if digits.len() > 4 {
                return false;
            }
            if digits.len() == 4 && matches!(digits.parse::<u32>(), Ok(1900..=2099)) {
                year = true;
            } else {
                numbers += 1;
            }
        } else if c.is_ascii_alphabetic() {
            let mut end = start + 1;
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_alphabetic() {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            let word = text[start..end].to_ascii_lowercase();
            match WORDS.iter().position(|w| *w == word) {
                Some(i) if i < MONTHS => month_word = true,
                Some(_) => {}
                None => return false,
            }
        } else if c.is_alphabetic() && !CJK.contains(c) {
            return false;
        }
    }
    year && (month_word || numbers >= 2)
}

/// **Byline rule**: a credit line: `By Jane Doe`, `Reporting by …`,
/// `文/张三`, `撰文：…`, `记者 张三`, `新华社记者 张三`, `김철수 기자`,
/// `글·사진 김철수`, `取材・文：…`, `来源：新华网`, `Source: Reuters`.
pub(crate) fn is_byline(text: &str) -> bool {
    const LATIN: &[&str] = &[
        "by ",
        "reporting by ",
        "text by ",
        "words by ",
        "written by ",
        "story by ",
        "source: ",
        "author: ",
        "reporter: ",
    ];
    const CJK_PREFIXES: &[&str] = &[
        "文/",
        "文／",
        "文 /",
        "文｜",
        "文|",
        "文：",
        "文:",
        "撰文",
        "作者：",
        "作者:",
        "来源：",
        "来源:",
        "來源：",
        "出处：",
        "責任編輯",
        "责任编辑",
        "编辑：",
        "编辑:",
        "取材・文",
        "取材・構成",
        "構成：",
        "構成・文",
        "文・",
        "出典：",
        "글·사진",
        "글=",
        "글 ",
        "출처:",
        "출처 :",
        "출처：",
        "本报记者",
        "本報記者",
    ];
    for prefix in LATIN {
        if let Some(rest) = strip_prefix_caseless(text, prefix) {
            let words = rest.split_whitespace().count();
            return (1..=10).contains(&words)
                && rest.starts_with(|c: char| c.is_uppercase() || !c.is_ascii())
                && !ends_sentence(text.trim_end_matches('.'));
        }
    }
    if CJK_PREFIXES.iter().any(|p| text.starts_with(p)) {
        return fits_width(text, 80);
    }
    // `记者 张三 李四`, `新华社记者 张三`, `김철수 기자`, `워싱턴=김철수 특파원`;
    // a seventh word is enough to know there are too many
    let words: Vec<&str> = text.split_whitespace().take(7).collect();
    let reporter = ["记者", "記者"];
    if words.len() >= 2
        && words.len() <= 5
        && reporter.iter().any(|r| words[0].ends_with(r))
        && words[1..].iter().all(|w| is_label_like(w))
    {
        return true;
    }
    let korean = ["기자", "특파원", "객원기자", "선임기자"];
    words.len() >= 2
        && words.len() <= 6
        && korean.iter().any(|k| words.last() == Some(k))
        && fits_width(text, 60)
}

/// Words of share bars and other page furniture. `strong` words mark a
/// line as furniture on their own; weak ones only beside a strong one.
const FURNITURE_STRONG: Words = Words::new(&[
    "share",
    "share this",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "telegram",
    "email",
    "e-mail",
    "print",
    "tweet",
    "分享",
    "分享到",
    "微信",
    "微博",
    "qq空间",
    "腾讯微博",
    "豆瓣",
    "朋友圈",
    "打印",
    "收藏",
    "关闭窗口",
    "打印本页",
    "纠错",
    "字号",
    "字体",
    "返回顶部",
    "공유",
    "공유하기",
    "스크랩",
    "인쇄",
    "페이스북",
    "트위터",
    "카카오톡",
    "카카오스토리",
    "url복사",
    "글자크기",
    "기사저장",
    "ツイート",
    "シェア",
    "はてブ",
    "はてなブックマーク",
    "ブックマーク",
    "印刷",
    "lineで送る",
    "pocket",
    "本文",
    "正文",
    "본문",
    "기사검색",
    "メニュー",
    "閉じる",
    "文字サイズ",
]);
const FURNITURE_WEAK: Words = Words::new(&[
    "大",
    "中",
    "小",
    "x",
    "line",
    "link",
    "copy",
    "save",
    "like",
    "mail",
    "top",
    "qq",
    "关闭",
    "返回",
    "评论",
    "点赞",
    "转发",
    "댓글",
    "좋아요",
    "밴드",
    "네이버",
    "메일",
    "이메일",
    "복사",
    "送る",
    "いいね",
    "comment",
    "comments",
    "on",
    "to",
    "this",
    "article",
    "story",
    "via",
]);
/// The longest word of [`FURNITURE_STRONG`] and [`FURNITURE_WEAK`], in bytes.
const MAX_FURNITURE_WORD: usize = {
    let (strong, weak) = (FURNITURE_STRONG.longest(), FURNITURE_WEAK.longest());
    if strong > weak { strong } else { weak }
};

/// Prefixes of lines that are furniture whatever follows.
const FURNITURE_PREFIXES: Words = Words::new(&[
    "share this",
    "share on",
    "follow us",
    "copyright",
    "©",
    "(c) ",
    "版权所有",
    "版權所有",
    "all rights reserved",
    "무단전재",
    "저작권자",
    "advertisement",
    "read more:",
    "related:",
    "related articles",
    "相关阅读",
    "相关新闻",
    "推荐阅读",
    "延伸阅读",
    "関連記事",
    "관련기사",
    "扫一扫",
    "微信扫一扫",
    "扫描二维码",
    "back to top",
]);

/// **Furniture rule**: a share bar, font switch, print link or copyright
/// line: `分享到：微信 微博 QQ空间`, `Share: Facebook Twitter LinkedIn`,
/// `【字体：大 中 小】【打印】`, `© 2024 Example News`. In the body
/// (`header == false`) one word is not enough: `Twitter.` may answer a
/// question.
pub(crate) fn is_furniture(text: &str, header: bool) -> bool {
    // Called on every line of the body: lowercase only the few characters
    // a prefix needs and one token at a time, and stop at the first token
    // that is not furniture (the first word of any sentence).
    // the prefixes are lowercase ASCII or caseless CJK and symbols
    if FURNITURE_PREFIXES.opens_caseless(text) {
        return true;
    }
    let is_separator = |c: char| {
        c.is_whitespace()
            || COLONS.contains(&c)
            || matches!(
                c,
                '|' | '｜'
                    | '/'
                    | '、'
                    | ','
                    | '，'
                    | '·'
                    | '•'
                    | '【'
                    | '】'
                    | '['
                    | ']'
                    | '（'
                    | '）'
                    | '('
                    | ')'
                    | '<'
                    | '>'
                    | '「'
                    | '」'
            )
    };
    let mut strong = 0;
    // whether `token` is a word of the lists, counting strong ones
    let mut furniture_word = |token: &str| {
        with_lowercase(token, |lower| {
            if FURNITURE_STRONG.contains(lower) {
                strong += 1;
                true
            } else {
                FURNITURE_WEAK.contains(lower)
            }
        })
    };
    let mut token_start = 0;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if !is_separator(c) {
            // lowercasing keeps a token's length within a factor of three:
            // a longer run of letters is no word of the lists (the first
            // clause of a CJK sentence ends here, unread)
            if i - token_start > 3 * MAX_FURNITURE_WORD {
                return false;
            }
            continue;
        }
        let token = &text[token_start..i];
        token_start = i + c.len_utf8();
        if !token.is_empty() && !furniture_word(token) {
            return false;
        }
    }
    strong >= if header { 1 } else { 2 }
}

/// Words that make a line a headline rather than a name.
const HEADLINE_WORDS: Words = Words::new(&[
    "interview",
    "interviews",
    "exclusive",
    "q&a",
    "talk",
    "talks",
    "conversation",
    "dialogue",
    "transcript",
    "special",
    "profile",
    "speaks",
    "says",
    "on",
    "the",
    "a",
    "of",
    "in",
    "and",
    "with",
    "for",
]);
const HEADLINE_CJK: &[&str] = &[
    "专访",
    "專訪",
    "访谈",
    "訪談",
    "对话",
    "對話",
    "采访",
    "独家",
    "인터뷰",
    "대담",
    "インタビュー",
    "対談",
    "独占",
    "記者会見",
    "会見録",
    "発表",
    "记者会",
    "記者會",
    "新闻发布",
    "新聞發布",
    "기자회견",
];
/// Whether `text` ends in a title (`市文旅局局长`, `교수`, `大臣`).
pub(crate) fn ends_with_role_word(text: &str) -> bool {
    ROLE_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// Endings of CJK lines that name a position or an outlet, not a person.
const ROLE_ENDINGS: &[&str] = &[
    "部长",
    "部長",
    "主任",
    "教授",
    "大使",
    "总裁",
    "總裁",
    "会长",
    "會長",
    "社长",
    "社長",
    "院长",
    "局长",
    "司长",
    "代表",
    "总理",
    "總理",
    "主席",
    "委员",
    "委員",
    "研究员",
    "秘书长",
    "秘書長",
    "総裁",
    "大臣",
    "理事長",
    "所長",
    "장관",
    "교수",
    "대표",
    "위원",
    "원장",
    "사장",
    "회장",
    "총재",
    "대사",
    "총장",
    "사무총장",
    "연구위원",
    "부장",
    "팀장",
    "위원장",
    "국장",
    "과장",
    "실장",
    "소장",
    "센터장",
    "감독",
    "선수",
    "작가",
    "시의원",
    "의원",
    "지회장",
    "단장",
    "이사장",
    "의장",
    "도지사",
    "구청장",
    "군수",
    "馆长",
    "館長",
    "主编",
    "主編",
    "董事长",
    "董事長",
    "总经理",
    "總經理",
    "经理",
    "經理",
    "校长",
    "校長",
    "院士",
    "书记",
    "書記",
    "市长",
    "市長",
    "县长",
    "縣長",
    "厅长",
    "處長",
    "处长",
    "町長",
    "店主",
    "監督",
    "選手",
    "弁護士",
    "医師",
    "編集者",
    "学者",
    "网",
    "報",
    "报",
    "社",
    "台",
];

/// Whether `text` looks like a person's name: 1–5 capitalised words
/// (`LEE Hee-sup`, `Peggy Whitson`, `Dr. Jane van Dijk`), or 2–6 CJK
/// letters with at most one space (`李肇星`, `黒田 東彦`, `김예람`), and no
/// headline word (`Interview`, `专访`) or position (`外交部长`).
pub(crate) fn is_name_like(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    // the CJK headline words are not ASCII: ASCII text holds none of them
    if !text.is_ascii() && HEADLINE_CJK.iter().any(|w| text.contains(w)) {
        return false;
    }
    if text.chars().any(is_cjk_letter) {
        let letters = text.chars().filter(|&c| is_cjk_letter(c)).count();
        return text
            .chars()
            .all(|c| is_cjk_letter(c) || matches!(c, ' ' | '·' | '・'))
            && (2..=6).contains(&letters)
            && text.matches(' ').count() <= 1
            && !ROLE_ENDINGS.iter().any(|e| text.ends_with(e));
    }
    // a sixth word is enough to know there are too many
    let words: Vec<&str> = text.split_whitespace().take(6).collect();
    (1..=5).contains(&words.len())
        && is_label_like(text)
        && words
            .iter()
            .all(|w| with_lowercase(w, |w| !HEADLINE_WORDS.contains(w)))
        && words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Why `text`, taken as the interviewee's name, is doubtful, if it is:
/// it has no letters (`~~`), is a field key (`게시일`, `Views`), a site
/// or section line (`Home | News`), a headline (`Interview`, `专访`), a
/// date, or a sentence.
pub(crate) fn doubt_name(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let key = text.trim_end_matches(COLONS).trim();
    if !text.chars().any(char::is_alphabetic) {
        return Some("has no letters");
    }
    if is_field_key(key) || text.ends_with(COLONS) {
        return Some("is a field key");
    }
    if is_breadcrumb(text) || is_furniture(text, true) || is_publication_or_section(text) {
        return Some("is a site or section line");
    }
    // `shiodamari_02_w`, `photo1.jpg`: a file or code name
    let code = text.is_ascii()
        && !text.contains(' ')
        && (text.contains(['_', '/', '\\', '@', '='])
            || (text.contains('.') && text.chars().any(|c| c.is_ascii_lowercase()))
            || (text.chars().any(|c| c.is_ascii_digit()) && text.chars().any(char::is_alphabetic)));
    if code {
        return Some("is a file or code name");
    }
    if is_date(text) || text.chars().filter(|c| c.is_numeric()).count() >= 4 {
        return Some("is a date or a number");
    }
    let cjk = text.chars().filter(|&c| is_cjk_letter(c)).count();
    if is_prose(text) || text.split_whitespace().count() > 6 || cjk > 12 {
        return Some("reads like a sentence");
    }
    // the headline's own words, not the connectors a name may hold
    let headline = if text.is_ascii() {
        const CONNECTORS: &[&str] = &["on", "the", "a", "of", "in", "and", "with", "for"];
        text.split_whitespace().any(|w| {
            with_lowercase(w, |w| {
                HEADLINE_WORDS.contains(w) && !CONNECTORS.contains(&w)
            })
        })
    } else {
        HEADLINE_CJK.iter().any(|w| text.contains(w))
    };
    if headline || text.contains(['"', '“', '「', '『', '《', '？', '?', '!', '！']) {
        return Some("reads like a headline");
    }
    // `1.冒頭発言`, `3) Outlook`: a numbered heading
    let numbered = text
        .trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        .starts_with(['.', '．', '、', ')', '）']);
    if numbered
        || text.starts_with(['-', '・', '•', '*', '【', '[', '〈', '<'])
        || text.contains(['【', '】', '《', '》'])
    {
        return Some("reads like a heading or a list item");
    }
    if is_pronoun(text) {
        return Some("is a pronoun, not a name");
    }
    if is_initials(text) {
        return Some("is a letter or initials, not a name");
    }
    if super::names::is_title_alone(text) {
        return Some("is a title, not a name");
    }
    None
}

/// Whether `key` (its colon taken off) is a header field's key or a read
/// count's label alone: `Interviewee`, `게시일`, `嘉 宾` (letters spaced).
/// Alone on its line, such a key takes the next line as its value.
pub(crate) fn is_field_key(key: &str) -> bool {
    let key = &unspaced_cjk(key);
    with_lowercase(key, |k| {
        KEYS.iter().any(|(known, _)| *known == k) || super::count::PREFIX_LABELS.contains(k)
    })
}

/// **Publication or section**: a line that names a page, a paper or a
/// part of a site, never a person: Latin words ending in a publication's
/// or a section's word (`Spring Issue`, `Harbour Weekly`, `Class Notes`),
/// opening on a listing's word (`Featured Post`, `Latest News`); a CJK
/// notice or menu word alone (`お知らせ`, `본문 바로가기`, `簡介`), or a
/// paper's name (`통영신문`, `숙명신보`, `湾区日报`).
fn is_publication_or_section(text: &str) -> bool {
    const LAST: &[&str] = &[
        "issue",
        "edition",
        "news",
        "newsletter",
        "magazine",
        "weekly",
        "daily",
        "monthly",
        "quarterly",
        "journal",
        "review",
        "digest",
        "bulletin",
        "blog",
        "podcast",
        "notes",
        "voices",
        "stories",
        "spotlight",
        "series",
        "archive",
        "archives",
        "column",
        "features",
        "gazette",
        "tribune",
        "chronicle",
        "updates",
        "insights",
        "highlights",
        "newsroom",
    ];
    const FIRST: &[&str] = &[
        "featured", "latest", "recent", "related", "popular", "trending", "previous", "next",
        "more", "top",
    ];
    const CJK_WORDS: &[&str] = &[
        "お知らせ",
        "ニュース",
        "トピックス",
        "新着情報",
        "本文へ",
        "ホーム",
        "본문 바로가기",
        "공지사항",
        "메뉴",
        "뉴스",
        "简介",
        "簡介",
        "首页",
        "首頁",
        "新闻",
        "新聞",
        "公告",
    ];
    const PAPER_ENDINGS: &[&str] = &[
        "신문", "신보", "일보", "日报", "日報", "晚报", "晚報", "周刊", "週刊", "新聞",
    ];
    if text.is_ascii() {
        let words: Vec<&str> = text.split_whitespace().collect();
        let capitalised = words.len() >= 2
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        if !capitalised {
            return false;
        }
        let lower = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        };
        return words
            .last()
            .is_some_and(|w| LAST.contains(&lower(w).as_str()))
            || words
                .first()
                .is_some_and(|w| FIRST.contains(&lower(w).as_str()));
    }
    CJK_WORDS.contains(&text)
        || (text.chars().count() >= 3 && PAPER_ENDINGS.iter().any(|e| text.ends_with(e)))
}

/// **Pronoun**: a word for oneself or another that a page may label a
/// speaker by (`わたくし`, `我`, `本人`, `나`), never a name.
fn is_pronoun(text: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "私",
        "わたし",
        "わたくし",
        "あたし",
        "僕",
        "ぼく",
        "俺",
        "おれ",
        "自分",
        "我",
        "本人",
        "笔者",
        "筆者",
        "나",
        "저",
        "본인",
        "필자",
        "me",
        "myself",
    ];
    with_lowercase(text, |t| PRONOUNS.contains(&t))
}

/// **Initials**: `I`, `B`, `LR`: one to three capitals and nothing else.
/// A page that labels its speaker so may never write the name.
fn is_initials(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.chars().all(|c| c.is_ascii_uppercase())
}

/// Why `role`, read as the interviewee's role, is doubtful, if it is: a
/// date or a count (`播出时间:2016-02-23`), a web address, a headline or a
/// sentence, a field key, or the name again.
pub(crate) fn doubt_role(role: &str, name: &str) -> Option<&'static str> {
    let role = role.trim();
    if is_date(role) || role.chars().filter(|c| c.is_ascii_digit()).count() >= 4 {
        return Some("is a date or a number");
    }
    if role.contains("http") || role.contains("www.") || role.contains(".com") {
        return Some("holds a web address");
    }
    if is_tenure(role) {
        return Some("is a time served, not a role");
    }
    if is_age(role) {
        return Some("is an age, not a role");
    }
    if labelled(role).is_some() || is_furniture(role, true) || is_breadcrumb(role) {
        return Some("is a field or a site line");
    }
    let cjk = role.chars().filter(|&c| is_cjk_letter(c)).count();
    if is_prose(role)
        // 「」 may name a shop or a work in a role: `書店「ひだまり堂」店主`
        || role.contains(['"', '“', '‘', '?', '？', '!', '！'])
        // `'등대지기' 종영 소감`: a title in single quotes
        || role.matches('\'').count() >= 2
        || role.split_whitespace().count() > 16
        || cjk > 40
    {
        return Some("reads like a headline or a sentence");
    }
    // `市長:` answering: the title read as both is no repetition
    // `Washington, DC`, `Duluth, MN`: a place line, as datelines give it
    if let Some((place, code)) = role.rsplit_once(", ")
        && code.len() == 2
        && code.chars().all(|c| c.is_ascii_uppercase())
        && place.split_whitespace().count() <= 3
        && place.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()))
        // `Ambassador, EU` is a role
        && !place.split_whitespace().any(|w| {
            with_lowercase(w, |w| super::names::ROLE_NOUNS.contains(&w))
                || !super::names::without_titles(w).0.eq(w)
        })
    {
        return Some("is a place");
    }
    // `盧 山` under `葉青禾`: the next guest's name, spaced
    if is_spaced_cjk(role) {
        return Some("is a name, not a role");
    }
    // `Corinne Adebayo, and`: a word cut from a longer line
    if role.split_whitespace().count() == 1
        && role.len() <= 3
        && role.chars().all(|c| c.is_ascii_lowercase())
    {
        return Some("is a fragment, not a role");
    }
    if !name.is_empty() && role.contains(name) && !super::names::is_title_alone(name) {
        return Some("holds the name again");
    }
    None
}

/// **Department line**: a short line that names a department, a
/// faculty or a unit, as profile pages print above a name: `Department of
/// Earth Sciences`, `Faculty of Law`, `営業部 第二課`, `물류AI팀`,
/// `材料科学与工程系`. No sentence, at most eight words or twenty letters.
pub(crate) fn is_department(text: &str) -> bool {
    const LATIN: &[&str] = &[
        "department",
        "dept.",
        "division",
        "faculty",
        "school",
        "office",
        "institute",
        "unit",
        "team",
        "laboratory",
        "lab",
        "centre",
        "center",
        "college",
    ];
    const CJK_ENDINGS: &[&str] = &[
        "部",
        "課",
        "科",
        "室",
        "局",
        "系",
        "学部",
        "研究科",
        "研究所",
        "センター",
        "팀",
        "부",
        "과",
        "실",
        "센터",
        "학과",
        "연구소",
        "本部",
        "事業部",
    ];
    let text = text.trim();
    if text.is_empty() || is_prose(text) || text.contains(COLONS) {
        return false;
    }
    if text.is_ascii() {
        let words: Vec<&str> = text.split_whitespace().collect();
        return (1..=8).contains(&words.len())
            && text.starts_with(|c: char| c.is_ascii_uppercase())
            && words
                .iter()
                .any(|w| with_lowercase(w, |w| LATIN.contains(&w)))
            && is_title_like(text);
    }
    let letters = text.chars().filter(|&c| is_cjk_letter(c)).count();
    (2..=20).contains(&letters)
        && text
            .chars()
            .all(|c| is_cjk_letter(c) || c == ' ' || c == '\u{3000}' || c.is_ascii_alphanumeric())
        && !text.chars().any(|c| ('\u{3041}'..='\u{309f}').contains(&c))
        && text
            .split_whitespace()
            .next_back()
            .is_some_and(|w| CJK_ENDINGS.iter().any(|e| w.ends_with(e)))
}

/// **Age**: a person's age alone, as captions print it beside a name:
/// `30代`, `26歳`, `34세`, `45岁`, `(45)`.
fn is_age(text: &str) -> bool {
    let bare = text.trim().trim_matches(['(', ')', '（', '）']);
    let digits = bare.chars().take_while(char::is_ascii_digit).count();
    let rest = &bare[digits..];
    (1..=3).contains(&digits)
        && (rest.is_empty() || ["代", "歳", "세", "岁", "살", "才"].contains(&rest))
}

/// **Tenure**: a caption that says how long someone has been somewhere,
/// not what they do: `4th year at the company`, `3 years with us`,
/// `入社5年目`, `입사 3년차`, `入职第二年`: a number (or an ordinal word)
/// right before a word for years served.
fn is_tenure(text: &str) -> bool {
    let lower = text.to_lowercase();
    let latin = lower.split_whitespace().collect::<Vec<&str>>();
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
            || ["first", "second", "third", "fourth", "fifth"].contains(&w)
    };
    let latin_tenure = latin.windows(2).any(|pair| {
        ordinal(pair[0]) && matches!(pair[1].trim_end_matches([',', '.']), "year" | "years")
    }) && latin.len() <= 8;
    // `年目`, `년차`: the number of the year served, after digits
    let cjk_tenure = ["年目", "년차", "년째", "年目の"].iter().any(|w| {
        text.match_indices(w).any(|(at, _)| {
            text[..at]
                .trim_end()
                .ends_with(|c: char| c.is_numeric() || "一二三四五六七八九十".contains(c))
        })
    }) || ["入职第", "工作第"].iter().any(|w| text.contains(w));
    latin_tenure || cjk_tenure
}

/// Whether `text` reads like a role rather than a paragraph: not a
/// sentence (an abbreviation such as `Inc.` may end it), at most 40 words
/// or 80 CJK letters.
pub(crate) fn is_role_like(text: &str) -> bool {
    // the cheap bound first: paragraphs are long
    fits_width(text, 320)
        && !is_prose(text)
        && text.split_whitespace().count() <= 40
        && text.chars().filter(|&c| is_cjk(c)).count() <= 80
}

/// Whether `text` reads like a title or an organisation's name: role-like,
/// and every Latin word of three letters or more capitalised except
/// connectors (`Ministry of Foreign Affairs`, `国务院发展研究中心`).
pub(crate) fn is_title_like(text: &str) -> bool {
    const CONNECTORS: &[&str] = &["of", "and", "the", "for", "at", "on", "in", "de", "du"];
    is_role_like(text)
        && text.split_whitespace().all(|w| {
            w.chars().count() < 3
                || CONNECTORS.contains(&w)
                || !w.chars().next().is_some_and(char::is_lowercase)
        })
}

/// Whether `text` ends like a sentence (not like `Co.` or `Univ.`).
pub(crate) fn is_prose(text: &str) -> bool {
    if !ends_sentence(text) {
        return false;
    }
    let last = text.split_whitespace().next_back().unwrap_or(text);
    let abbreviation = last.ends_with('.')
        && last.chars().filter(|c| c.is_alphabetic()).count() <= 4
        && last.chars().next().is_some_and(char::is_uppercase)
        && !last.contains(['?', '!']);
    !abbreviation || text.split_whitespace().count() > 12
}

/// **Name inside the role**: an organisation, a Korean name, then the
/// title (`한빛대학교 윤해솔 명예교수` → (`윤해솔`, `한빛대학교 명예교수`)):
/// the name is the word of two or three Hangul syllables right before the
/// closing title, and the role is the line without it.
pub(crate) fn name_inside_role(text: &str) -> Option<(String, String)> {
    // no Hangul, no name: the words are not split
    if !text.contains(is_hangul) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let [org @ .., name, title] = &words[..] else {
        return None;
    };
    let is_org = |w: &str| is_korean_org(w) || w.chars().count() >= 4;
    let hangul_name = (2..=3).contains(&name.chars().count()) && name.chars().all(is_hangul);
    (!org.is_empty()
        && hangul_name
        && !is_org(name)
        && !is_title_word(name)
        && is_title_word(title)
        // `한빛뉴스 마예린 기자` is a reporter's byline
        && !title.ends_with("기자")
        && org.iter().all(|w| {
            w.chars().any(is_hangul) && w.chars().all(char::is_alphanumeric) && is_org(w)
        }))
    .then(|| (name.to_string(), format!("{} {title}", org.join(" "))))
}

/// A line without one pair of brackets around the whole of it:
/// `[출판1팀 윤다온 사원]` → `출판1팀 윤다온 사원`; other lines as they are.
pub(crate) fn unbracketed(text: &str) -> &str {
    const PAIRS: &[(char, char)] = &[
        ('[', ']'),
        ('【', '】'),
        ('〔', '〕'),
        ('［', '］'),
        ('<', '>'),
        ('〈', '〉'),
    ];
    let text = text.trim();
    PAIRS
        .iter()
        .find_map(|&(open, close)| {
            let inner = text.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains([open, close])).then(|| inner.trim())
        })
        .unwrap_or(text)
}

/// Whether the Hangul word ends as organisations do: `방송반`,
/// `청주지회`, `한빛대학교`, `편집부`, `출판1팀`.
pub(crate) fn is_korean_org(word: &str) -> bool {
    const ORG_ENDINGS: &[char] = &[
        '반', '회', '교', '부', '청', '원', '사', '국', '과', '실', '팀', '처', '단', '소', '관',
        '당', '터', '업',
    ];
    word.ends_with(ORG_ENDINGS)
        && word.chars().any(is_hangul)
        && word.chars().all(char::is_alphanumeric)
}

/// **Names listed**: a field value that lists several CJK names
/// (`林青禾 周岚 陈默`, `林青禾、周岚`) → the first, who is named first
/// as the main guest. Two parts with a space are one name (`黒田 東彦`).
pub(crate) fn first_of_names(value: &str) -> Option<&str> {
    let parts: Vec<&str> = value
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ','))
        .filter(|p| !p.is_empty())
        .collect();
    // two parts set apart by a space alone may be one name, family and
    // given (`宮下 彩`, `道黒 彦東`): a list only where both have the shape
    // of a full Chinese name (`林青禾 周岚` is not sure; `林青禾 周明岚` is)
    let separated = value.contains(['、', '，', ',']);
    let full_names = parts.iter().all(|p| {
        p.chars().count() == 3
            && p.chars()
                .next()
                .is_some_and(super::names::is_common_chinese_surname)
    });
    (parts.len() >= 2
        && (separated || parts.len() >= 3 || full_names)
        && parts.iter().all(|p| {
            (2..=4).contains(&p.chars().count()) && p.chars().all(is_cjk_letter) && is_name_like(p)
        }))
    .then(|| parts[0])
}

/// **Role then turn**: a role read from a speaker's first label, with
/// what they said after its colon (`WKRN CHIEF METEOROLOGIST: Thanks,
/// Dana.`) → (`WKRN CHIEF METEOROLOGIST`, `Thanks, Dana.`). The role is in
/// capitals, as such labels are.
pub(crate) fn role_then_turn(role: &str) -> Option<(&str, &str)> {
    let (head, said) = role.split_once(": ")?;
    let head = head.trim();
    (!head.is_empty()
        && head.split_whitespace().count() <= 8
        && !head.chars().any(char::is_lowercase)
        && head.chars().any(char::is_uppercase)
        && !said.trim().is_empty())
    .then(|| (head, said.trim()))
}

/// **Spaced name and role**: a CJK name printed with its letters spaced,
/// then a title (`Interview/윤 해 솔 문화위원장`) → (`윤해솔`, `문화위원장`).
pub(crate) fn spaced_name_and_role(text: &str) -> Option<(String, &str)> {
    let text = strip_interview_prefix(text);
    let words: Vec<&str> = text.split(' ').collect();
    let letters = words
        .iter()
        .take_while(|w| w.chars().count() == 1 && w.chars().all(is_cjk_letter))
        .count();
    if !(2..=4).contains(&letters) || letters == words.len() {
        return None;
    }
    let name: String = words[..letters].concat();
    let start: usize = words[..letters].iter().map(|w| w.len() + 1).sum();
    let role = text[start..].trim();
    (is_name_like(&name) && is_title_word(role)).then_some((name, role))
}

/// Whether `text` opens with a title (`研究员…`, `局长`, `교수`): one of
/// the endings titles have, at its start.
pub(crate) fn title_follows(text: &str) -> bool {
    ROLE_ENDINGS
        .iter()
        .filter(|e| !matches!(**e, "网" | "報" | "报" | "社" | "台"))
        .any(|e| text.starts_with(e))
}

/// Hiragana alone: a name's reading (`かわらいのりこ`), as pages print it
/// in brackets after the name.
fn is_reading(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| ('\u{3041}'..='\u{309f}').contains(&c) || c == ' ' || c == '・')
}

/// **Name with its reading**: `河原井典子(かわらいのりこ)` → `河原井典子`.
pub(crate) fn name_with_reading(text: &str) -> Option<&str> {
    let (short, full) = split_declaration(text);
    let full = full?;
    (is_reading(short) && is_name_like(full)).then_some(full)
}

/// **Role opening a bio**: the first clause of a profile line when it is
/// a title (`民俗学者。1961年、長野県生まれ。` → `民俗学者`).
pub(crate) fn role_opening(text: &str) -> Option<&str> {
    let end = text.find(['。', '，', ',', '、', '．'])?;
    let head = text[..end].trim();
    (head.chars().count() <= 20 && is_title_word(head)).then_some(head)
}

/// **Name before a title word**: a name line that goes on with what the
/// page is (`Okafor Deposition Vol. III`, `Gordon Brown Interview`) → the
/// name before it.
pub(crate) fn name_before_title_word(text: &str) -> Option<&str> {
    const TITLE_WORDS: &[&str] = &["deposition", "interview", "transcript", "testimony", "q&a"];
    let at = text.match_indices(' ').map(|(i, _)| i).find(|&i| {
        let next = text[i + 1..].split(' ').next().unwrap_or("");
        with_lowercase(next, |w| TITLE_WORDS.contains(&w))
    })?;
    // `… Interview with Lena Havel`: the name after `with` is the person
    let after: Vec<&str> = text[at + 1..].split(' ').skip(1).take(1).collect();
    if after.iter().any(|w| w.eq_ignore_ascii_case("with")) {
        return None;
    }
    let name = text[..at].trim();
    (is_name_like(name)
        && doubt_name(name).is_none()
        && !name.ends_with("’s")
        && !name.ends_with("'s"))
    .then_some(name)
}

/// `NAME, ROLE`, `NAME (ROLE)`, `NAME — ROLE` on one line → the two parts.
pub(crate) fn name_and_role(text: &str) -> Option<(&str, &str)> {
    let text = strip_interview_prefix(text);
    // `河原井典子(かわらいのりこ)`: the name's reading, not a role
    if let (short, Some(full)) = split_declaration(text)
        && is_name_like(full)
        && !matches_name(short, full)
        && !is_reading(short)
        && is_role_like(short)
    {
        return Some((full, short));
    }
    for sep in [
        ", ", "，", "、", " — ", " – ", " - ", " | ", "｜", " / ", "／",
    ] {
        if let Some((name, role)) = split_once_sep(text, sep) {
            let (name, role) = (name.trim(), role.trim());
            // `Washington, DC`, `Paris, France`: a place, not a person
            let one_latin_word = name.is_ascii() && name.split_whitespace().count() < 2;
            let place_code = role.len() == 2 && role.chars().all(|c| c.is_ascii_uppercase());
            // `문채원, 배시후, 오하린`: names listed, not a name and a role
            let listed = !name.is_ascii()
                && role.split([',', '，', '、']).map(str::trim).all(|p| {
                    (2..=4).contains(&p.chars().count()) && is_name_like(p) && !is_title_word(p)
                });
            if is_name_like(name)
                && !one_latin_word
                && !place_code
                && !listed
                && !role.is_empty()
                && is_role_like(role)
            {
                return Some((name, role));
            }
        }
    }
    // `作家・森下ゆう`, `経済学者／山田太郎`: a CJK role, then the name
    if let Some(found) = role_then_name(text) {
        return Some(found);
    }
    // `김철수 한국은행 총재`, `黒田 東彦 日本銀行総裁`: a CJK name, a space,
    // and a role that ends with a title (the name may hold a space itself:
    // the longest name that leaves such a role wins). A line that ends
    // with no title is turned away before any split is tried.
    if text.is_ascii() || !ROLE_ENDINGS.iter().any(|e| text.ends_with(e)) {
        return None;
    }
    // `지회 정미라 지회장` holds the name inside the role: no slice is both
    if name_inside_role(text).is_some() {
        return None;
    }
    text.rmatch_indices(' ').find_map(|(at, _)| {
        let (name, role) = (text[..at].trim(), text[at + 1..].trim());
        // Korean names are written without a space
        let hangul_with_space = name.contains(' ') && name.chars().any(is_hangul);
        (name.chars().all(|c| is_cjk_letter(c) || c == ' ')
            && !hangul_with_space
            && is_name_like(name)
            && is_role_like(role))
        .then_some((name, role))
    })
}

pub(crate) fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7af}').contains(&c)
}

/// Whether `text` is a title or position (`財政司司長`, `局长`, `위원장`,
/// `市長`): CJK letters ending as titles do.
pub(crate) fn is_title_word(text: &str) -> bool {
    const MORE: &[&str] = &[
        "司長",
        "司长",
        "局長",
        "市长",
        "市長",
        "町長",
        "村長",
        "区长",
        "區長",
        "省长",
        "委員長",
        "위원장",
        "시장",
        "국장",
        "청장",
        "의장",
        "记者",
        "記者",
        "기자",
        "组长",
        "組長",
        "编辑",
        "編輯",
        "知事",
        "大臣",
        "長官",
        "議員",
        "议员",
        "次長",
        "次长",
        "署長",
        "署长",
        // a company's ranks (`출판1팀 사원`) and trades
        "사원",
        "주임",
        "대리",
        "차장",
        "연구원",
        "매니저",
        "디렉터",
        "디자이너",
        "에디터",
        "교사",
        "강사",
        "사서",
        "간호사",
        "약사",
        "영양사",
        // Japanese trades: `書評家`, `プロインタビュアー`
        "評論家",
        "書評家",
        "作家",
        "小説家",
        "写真家",
        "建築家",
        "漫画家",
        "音楽家",
        "演出家",
        "脚本家",
        "翻訳家",
        "研究家",
        "専門家",
        "起業家",
        "実業家",
        "政治家",
        "画家",
        "インタビュアー",
        "ライター",
        "デザイナー",
        "ディレクター",
        "プロデューサー",
        "アナウンサー",
        "キャスター",
        "エンジニア",
        "カメラマン",
    ];
    // `プロインタビュアー&書評家`: two trades joined
    !text.is_empty()
        && !text.starts_with(ROLE_JOINERS)
        && text
            .chars()
            .all(|c| is_cjk_letter(c) || c == ' ' || ROLE_JOINERS.contains(&c))
        && (ROLE_ENDINGS.iter().chain(MORE).any(|e| text.ends_with(e))
            && !text.ends_with(['网', '報', '报', '社', '台']))
}

/// Marks that join two roles into one (`プロインタビュアー&書評家`).
pub(crate) const ROLE_JOINERS: &[char] = &['&', '＆', '・'];

/// A run of CJK letters that is a role ending in a title, then a name of
/// two to four letters: `市文化局局长张明` → (`张明`, `市文化局局长`).
pub(crate) fn split_role_name(run: &str) -> Option<(&str, &str)> {
    // a name is four letters at most, so only an ending in the last
    // letters of the run can end the role: the search is of them alone
    let longest_ending = ROLE_ENDINGS.iter().map(|e| e.chars().count()).max()?;
    let from = run
        .char_indices()
        .rev()
        .nth(4 + longest_ending - 1)
        .map_or(0, |(i, _)| i);
    // the last place in that tail where an ending ends
    let tail = &run[from..];
    tail.char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .rev()
        .find(|&end| {
            ROLE_ENDINGS.iter().any(|e| {
                // the last bytes first: most endings differ there
                e.as_bytes().last() == tail.as_bytes()[..end].last()
                    && tail.as_bytes()[..end].ends_with(e.as_bytes())
            })
        })
        .map(|end| from + end)
        .and_then(|at| {
            let (role, name) = run.split_at(at);
            let letters = name.chars().count();
            ((2..=4).contains(&letters) && name.chars().all(is_cjk_letter) && !role.is_empty())
                .then_some((name, role))
        })
}

/// **Role-then-name rule**: a CJK occupation, a middle dot or slash, and a
/// name: `作家・森下ゆう`, `経済学者／山田太郎`, `导演/李明` → (name, role).
/// The occupation ends as occupations do (`家`, `者`, `長`, `師` …).
fn role_then_name(text: &str) -> Option<(&str, &str)> {
    const OCCUPATION_ENDINGS: &[char] = &[
        '家', '者', '長', '长', '員', '员', '手', '師', '师', '士', '官', '授', '優', '优', '督',
        '演', '表', '人',
    ];
    // `染色作家　宮坂 陽菜`: a full-width space sets the two apart too
    let (role, name) = ['・', '／', '/', '\u{3000}']
        .iter()
        .find_map(|&sep| text.split_once(sep))?;
    let (role, name) = (role.trim(), name.trim());
    let cjk_role = !role.is_empty() && role.chars().all(|c| is_cjk_letter(c) || c == ' ');
    (cjk_role
        && role.chars().count() <= 16
        && (role.ends_with(OCCUPATION_ENDINGS) || ROLE_ENDINGS.iter().any(|e| role.ends_with(e)))
        && is_name_like(name)
        && !name.contains(['・', '／', '/']))
    .then_some((name, role))
}

/// `Interview with Gordon Brown`, `Interview: Gordon Brown, Prime Minister`
/// → the part after the prefix.
pub(crate) fn strip_interview_prefix(text: &str) -> &str {
    const PREFIXES: &[&str] = &[
        "an interview with ",
        "interview with ",
        "interview: ",
        "in conversation with ",
        "q&a with ",
        "q&a: ",
        "with ",
        "interview/",
        "interview |",
    ];
    const CJK: &[&str] = &[
        "专访：",
        "专访",
        "專訪",
        "インタビュー：",
        "인터뷰:",
        "인터뷰 ",
    ];
    for p in PREFIXES {
        if let Some(rest) = strip_prefix_caseless(text, p) {
            return rest.trim_start();
        }
    }
    CJK.iter()
        .find_map(|p| text.strip_prefix(p))
        .map_or(text, str::trim_start)
}

/// A person line: a name, a name with its role, or a name with its label.
pub(crate) fn is_person_line(text: &str) -> bool {
    let bare = strip_interview_prefix(text);
    // `営業部 第二課` has the length of a name, not its shape
    if is_department(bare) {
        return false;
    }
    name_with_label(text).is_some()
        || name_with_reading(text).is_some()
        || name_before_title_word(bare).is_some()
        || name_and_role(text).is_some()
        || name_inside_role(bare).is_some()
        || is_name_like(bare)
}

/// A name line, and a short label it declares: `김예람(김)`.
pub(crate) fn name_with_label(text: &str) -> Option<Speaker> {
    let (short, full) = split_declaration(text);
    let full = full?;
    (is_name_like(full) && matches_name(short, full)).then(|| {
        let mut speaker = parse_name(full);
        speaker.label = Some(short.to_owned());
        speaker
    })
}

/// A name as written; an all-capitals token (two letters or more) is the
/// family name and the rest the given name: `LEE Hee-sup`, `Hee-sup LEE`.
pub fn parse_name(text: &str) -> Speaker {
    let mut speaker = Speaker::named(text);
    let tokens: Vec<&str> = text.split_whitespace().collect();
    if tokens.len() < 2 {
        return speaker;
    }
    let is_family = |t: &&str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    let families: Vec<usize> = (0..tokens.len())
        .filter(|&i| is_family(&tokens[i]))
        .collect();
    if let [family] = families[..] {
        let given: Vec<&str> = tokens
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != family)
            .map(|(_, t)| *t)
            .collect();
        speaker.family_name = Some(tokens[family].to_owned());
        speaker.given_name = Some(given.join(" "));
    }
    speaker
}

/// A role line as written, split when it has the shape
/// `TITLE, ORGANIZATION [(ABBREVIATION)]` or
/// `TITLE of [the] ORGANIZATION [(ABBREVIATION)]`.
pub fn parse_role(text: &str) -> Role {
    let mut role = Role {
        text: text.to_owned(),
        title: None,
        organization: None,
        abbreviation: None,
    };
    let (body, abbreviation) = match text.strip_suffix(')').and_then(|t| t.rsplit_once(" (")) {
        Some((body, abbr)) if !abbr.is_empty() && !abbr.contains('(') => {
            (body.trim_end(), Some(abbr))
        }
        _ => (text, None),
    };
    // `Professor of Economics, Institute of …`: the comma parts title from
    // organisation before any `of` does
    let split = body
        .split_once(", ")
        .or_else(|| body.split_once(" of "))
        .or_else(|| body.split_once(" at "));
    if let Some((title, org)) = split {
        let org = org.strip_prefix("the ").unwrap_or(org).trim();
        let title = title.trim();
        if !title.is_empty() && !org.is_empty() {
            role.title = Some(title.to_owned());
            role.organization = Some(org.to_owned());
            role.abbreviation = abbreviation.map(str::to_owned);
        }
    }
    role
}

/// Whether role line `next` continues role line `first`: `first` ends
/// with a connector (`of`, `and`, `,`, `&`, `、`) or `next` starts with
/// one (`of`, `the`, `and`, a lowercase word).
pub(crate) fn role_continues(first: &str, next: &str) -> bool {
    if !is_role_like(next) {
        return false;
    }
    let last = first.split_whitespace().next_back().unwrap_or("");
    let head = next.split_whitespace().next().unwrap_or("");
    matches!(last, "of" | "and" | "&" | "for" | "the" | "at")
        || first.ends_with([',', '、', '，', '·'])
        || matches!(head, "of" | "and" | "&" | "the" | "for" | "at")
        || head.chars().next().is_some_and(char::is_lowercase)
}

/// Splits a metadata line into its segments (`2024-05-12 | 阅读 1,234`):
/// at `|`, `｜`, `丨`, `·` between spaces, runs of two or more spaces, and
/// ideographic spaces.
pub(crate) fn segments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let cut = match c {
            '|' | '｜' | '丨' | '\u{3000}' | '\t' => Some(i + c.len_utf8()),
            ' ' => {
                let mut end = i + 1;
                let mut run = 1;
                while let Some(&(j, ' ')) = chars.peek() {
                    end = j + 1;
                    run += 1;
                    chars.next();
                }
                let dot = chars.peek().is_some_and(|&(_, d)| matches!(d, '·' | '•'))
                    && text[end..].chars().nth(1) == Some(' ');
                if dot {
                    chars.next();
                    chars.next();
                    Some(end + '·'.len_utf8() + 1)
                } else {
                    (run >= 2).then_some(end)
                }
            }
            _ => None,
        };
        if let Some(next) = cut {
            push_segment(text, start..i, &mut out);
            start = next;
        }
    }
    push_segment(text, start..text.len(), &mut out);
    out
}

fn push_segment(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let segment = &text[range.clone()];
    let trimmed = segment.trim();
    if !trimmed.is_empty() {
        let start = range.start + (segment.len() - segment.trim_start().len());
        out.push(start..start + trimmed.len());
    }
}

/// A header line with what the line rules made of it.
#[derive(Debug, Clone)]
pub(crate) struct Entry<'s> {
    /// The line (or metadata segment).
    pub line: Line<'s>,
    /// Its field.
    pub field: Field,
}

/// Classifies header lines: a key alone on its line with its value on the
/// next (`게시일` / `2011.12.07.`) is one field; a metadata line is split
/// into segments when every segment is a known field
/// (`发布时间:2015/10/27  阅读次数:997`).
pub(crate) fn entries<'s>(lines: &[Line<'s>]) -> Vec<Entry<'s>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if let Some(next) = lines.get(i + 1)
            && let Some(entry) = key_then_value(line, next)
        {
            out.push(entry);
            i += 2;
            continue;
        }
        i += 1;
        let whole = classify(&line.text);
        let parts = segments(&line.text);
        if parts.len() >= 2 && !matches!(whole, Field::Count(_) | Field::Furniture) {
            let fields: Vec<Field> = parts
                .iter()
                .map(|r| classify(&line.text[r.clone()]))
                .collect();
            // a date or byline line is split only for a count it holds
            // (`发布时间:2015/10/27  阅读次数:997`)
            let count_inside = fields.iter().any(|f| matches!(f, Field::Count(_)));
            let splits = match whole {
                Field::Plain => true,
                Field::Date(_) | Field::Byline(_) => count_inside,
                _ => false,
            };
            if fields.iter().all(|f| *f != Field::Plain) && splits {
                for (range, field) in parts.into_iter().zip(fields) {
                    let span = line.span.start + range.start..line.span.start + range.end;
                    out.push(Entry {
                        line: Line {
                            span,
                            text: line.part(range),
                            block: line.block,
                        },
                        field,
                    });
                }
                continue;
            }
        }
        out.push(Entry {
            line: line.clone(),
            field: whole,
        });
    }
    out
}

/// **Key-then-value rule**: a field key alone on its line (a colon after
/// it or not) and its value on the next: `게시일` / `2011.12.07.`,
/// `조회수` / `1728`, `Interviewee:` / `Maria Lopez`. One entry spanning
/// both lines, its text the two joined by a space.
fn key_then_value<'s>(line: &Line<'s>, next: &Line<'s>) -> Option<Entry<'s>> {
    let key = line.text.trim_end_matches(COLONS).trim();
    if key.is_empty() || key.chars().count() > 16 || key.chars().any(|c| c.is_numeric()) {
        return None;
    }
    // an English word alone (`Role`, `Host`) is a line of text unless its
    // colon makes it a key
    if key.is_ascii() && key.len() == line.text.len() {
        return None;
    }
    let joined = format!("{key}: {}", next.text);
    let field = if labelled(&joined).is_some() {
        classify(&joined)
    } else if parse_read_count(&next.text).is_none() {
        Field::Count(parse_read_count(&joined)?)
    } else {
        return None;
    };
    if matches!(field, Field::Plain | Field::Furniture) || classify(&line.text) != Field::Plain {
        return None;
    }
    Some(Entry {
        line: Line {
            span: line.span.start..next.span.end,
            text: Cow::Owned(format!("{} {}", line.text, next.text)),
            block: line.block,
        },
        field,
    })
}

/// What the header rules make of `text` on a line of its own: one field,
/// or one per segment of a metadata line.
pub fn read_alone(text: &str) -> Vec<Field> {
    let line = Line {
        span: 0..text.len(),
        text: Cow::Borrowed(text),
        block: 0,
    };
    entries(&[line]).into_iter().map(|e| e.field).collect()
}

/// Joins the texts of `lines` as one wrapped paragraph.
pub(crate) fn join(lines: &[&Line]) -> String {
    let mut out = String::new();
    for line in lines {
        join_wrapped(&mut out, &line.text);
    }
    out
}

#[cfg(test)]
mod department_tests {
    #[test]
    fn department_lines() {
        for text in [
            "Department of Earth Sciences",
            "Faculty of Law",
            "営業部 第二課",
            "물류AI팀",
            "材料科学与工程系",
        ] {
            assert!(super::is_department(text), "{text}");
        }
        for text in [
            "Careers",
            "Meet our seniors",
            "新入社員に聞きました",
            "We went to the lab.",
        ] {
            assert!(!super::is_department(text), "{text}");
        }
    }
}

#[cfg(test)]
mod tenure_tests {
    #[test]
    fn a_tenure_caption_is_no_role() {
        for text in [
            "4th year at the company",
            "3 years with us",
            "入社5年目",
            "입사 3년차",
            "入职第二年",
        ] {
            assert!(super::doubt_role(text, "").is_some(), "{text}");
        }
        for text in [
            "Head of Year 9",
            "Senior Data Engineer",
            "해외영업2팀 과장",
            "3年生担任",
        ] {
            assert!(super::doubt_role(text, "").is_none(), "{text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_in_brackets_is_read_without_them() {
        assert_eq!(unbracketed("[출판1팀 한서윤 사원]"), "출판1팀 한서윤 사원");
        assert_eq!(unbracketed("【 編集部 】"), "編集部");
        // brackets that open and close inside the line stay
        assert_eq!(unbracketed("[N가족] 소개 [끝]"), "[N가족] 소개 [끝]");
        assert_eq!(unbracketed("[인터뷰] 한서윤"), "[인터뷰] 한서윤");
    }

    #[test]
    fn korean_organisations_end_as_such() {
        for org in ["기획2팀", "편집부", "한빛대학교", "방송반"] {
            assert!(is_korean_org(org), "{org}");
        }
        for other in ["한서윤", "Team", "기획-팀"] {
            assert!(!is_korean_org(other), "{other}");
        }
        assert_eq!(
            name_inside_role(unbracketed("[기획2팀 한서윤 사원]")),
            Some(("한서윤".to_owned(), "기획2팀 사원".to_owned()))
        );
    }

    #[test]
    fn doubtful_names() {
        for (text, why) in [
            ("~~", "has no letters"),
            ("shiodamari_02_w", "is a file or code name"),
            ("게시일", "is a field key"),
            ("Views:", "is a field key"),
            ("嘉 宾", "is a field key"),
            ("Home | News | Interviews", "is a site or section line"),
            ("Spring Issue", "is a site or section line"),
            ("Featured Post", "is a site or section line"),
            ("お知らせ", "is a site or section line"),
            ("본문 바로가기", "is a site or section line"),
            ("통영신문", "is a site or section line"),
            ("インタビュー", "reads like a headline"),
            ("2011.12.07.", "has no letters"),
            ("May 12, 2024", "is a date or a number"),
            ("I", "is a letter or initials, not a name"),
            (
                "- 【港の再開について】",
                "reads like a heading or a list item",
            ),
            ("2.質疑応答", "reads like a heading or a list item"),
            ("わたくし", "is a pronoun, not a name"),
            ("본인", "is a pronoun, not a name"),
            ("LR", "is a letter or initials, not a name"),
            ("Chancellor", "is a title, not a name"),
            ("THE GOVERNOR", "is a title, not a name"),
            ("市長", "is a title, not a name"),
            (
                "He said that the water was clean again.",
                "reads like a sentence",
            ),
        ] {
            assert_eq!(doubt_name(text), Some(why), "{text}");
        }
        for name in [
            "LEE Hee-sup",
            "张明",
            "森下 ゆう",
            "Dr. Jane van Dijk",
            "박서연",
            "Ng",
            "Secretary Okafor",
            "Priya Natarajan",
            "신보라",
        ] {
            assert_eq!(doubt_name(name), None, "{name}");
        }
    }

    #[test]
    fn roles_in_first_labels() {
        assert_eq!(
            role_then_turn("WKRN CHIEF METEOROLOGIST: Thanks, Dana."),
            Some(("WKRN CHIEF METEOROLOGIST", "Thanks, Dana."))
        );
        assert_eq!(role_then_turn("Director of Parks: a profile"), None);
        assert_eq!(role_then_turn("WKRN CHIEF METEOROLOGIST"), None);
    }

    #[test]
    fn spaced_names_with_roles() {
        assert_eq!(
            spaced_name_and_role("Interview/윤 해 솔 문화위원장"),
            Some(("윤해솔".to_owned(), "문화위원장"))
        );
        assert_eq!(spaced_name_and_role("윤 해 솔"), None);
        assert_eq!(spaced_name_and_role("A B 위원장"), None);
    }

    #[test]
    fn readings_and_bio_openings() {
        assert_eq!(name_and_role("森川真澄(もりかわますみ)"), None);
        assert_eq!(
            name_with_reading("森川真澄(もりかわますみ)"),
            Some("森川真澄")
        );
        assert_eq!(
            name_and_role("ゆずき(ラジオディレクター)"),
            Some(("ゆずき", "ラジオディレクター"))
        );
        assert_eq!(role_opening("編集者。1970年、横浜生まれ。"), Some("編集者"));
        assert_eq!(role_opening("1970年、横浜生まれ。"), None);
    }

    #[test]
    fn names_before_title_words() {
        assert_eq!(
            name_before_title_word("Okafor Deposition Vol. III"),
            Some("Okafor")
        );
        assert_eq!(
            name_before_title_word("Gordon Brown Interview"),
            Some("Gordon Brown")
        );
        assert_eq!(name_before_title_word("The Interview"), None);
        assert_eq!(
            name_before_title_word("Radio Nine Interview with Ada Ruiz"),
            None
        );
        assert_eq!(name_before_title_word("Ada Ruiz’s Interview"), None);
        assert_eq!(name_before_title_word("Gordon Brown"), None);
    }

    #[test]
    fn names_inside_roles() {
        assert_eq!(
            name_inside_role("한빛대학교 윤해솔 명예교수"),
            Some(("윤해솔".to_owned(), "한빛대학교 명예교수".to_owned()))
        );
        assert_eq!(
            name_inside_role("경기도지회 수원지회 윤해솔 지회장"),
            Some(("윤해솔".to_owned(), "경기도지회 수원지회 지회장".to_owned()))
        );
        // a name then its role; no title at the end
        assert_eq!(name_inside_role("윤해솔 한빛대학교 교수"), None);
        assert_eq!(name_inside_role("윤해솔 합창반 부장"), None);
        assert_eq!(name_inside_role("한빛뉴스 윤해솔 기자"), None);
        assert_eq!(name_inside_role("한빛대학교 윤해솔 씨"), None);
        assert!(is_spaced_cjk("嘉 宾") && !is_spaced_cjk("A B"));
        assert_eq!(unspaced_cjk("大\u{3000}臣"), "大臣");
        assert_eq!(unspaced_cjk("Lars Odegaard"), "Lars Odegaard");
        assert!(is_date("令和元年6月14日") && is_date("平成30年4月1日（日）"));
        assert!(!is_date("令和の時代に"));
        assert_eq!(first_of_names("林青禾 周岚 陈默"), Some("林青禾"));
        assert_eq!(first_of_names("林青禾、周岚"), Some("林青禾"));
        assert_eq!(first_of_names("林青禾 市文化局局长"), None);
        assert_eq!(first_of_names("林青禾"), None);
        assert_eq!(first_of_names("黒田 東彦"), None);
    }

    #[test]
    fn roles_that_are_names_or_fragments() {
        assert_eq!(doubt_role("盧 山", "葉青禾"), Some("is a name, not a role"));
        assert_eq!(
            doubt_role("and", "Corinne Adebayo"),
            Some("is a fragment, not a role")
        );
        assert_eq!(doubt_role("Mayor", "Ana Ruiz"), None);
        assert_eq!(doubt_role("Duluth, MN", "Ana Ruiz"), Some("is a place"));
        assert_eq!(doubt_role("Director, ACME", "Ana Ruiz"), None);
        assert_eq!(doubt_role("Ambassador, EU", "Ana Ruiz"), None);
        assert_eq!(
            doubt_role("'바다의 시간' 종영 소감", "윤해솔"),
            Some("reads like a headline or a sentence")
        );
        assert_eq!(doubt_role("Children's Hospital director", "Ana Ruiz"), None);
    }

    #[test]
    fn doubtful_roles() {
        assert_eq!(
            doubt_role("播出时间:2016-02-23", "郑国梁"),
            Some("is a date or a number")
        );
        assert_eq!(
            doubt_role("慢半拍 看更清 http://example.cn", "周若岚"),
            Some("holds a web address")
        );
        assert_eq!(
            doubt_role("香港发展局局长黎启源6月8日记者会全文", "黎启源"),
            Some("holds the name again")
        );
        for fine in [
            "Secretary-General of the Trilateral CooperationSecretariat (TCS)",
            "市卫生健康委员会主任",
            "방송반 부장",
            "書店「ひだまり堂」店主",
        ] {
            assert_eq!(doubt_role(fine, "LEE Hee-sup"), None, "{fine}");
        }
    }

    #[test]
    fn names_with_roles() {
        assert_eq!(name_and_role("作家・森下ゆう"), Some(("森下ゆう", "作家")));
        assert_eq!(
            name_and_role("染色作家\u{3000}宮坂 陽菜"),
            Some(("宮坂 陽菜", "染色作家"))
        );
        assert_eq!(name_and_role("导演/李明"), Some(("李明", "导演")));
        assert_eq!(name_and_role("문채원, 배시후, 오하린"), None);
        assert_eq!(name_and_role("林青禾、周岚"), None);
        assert_eq!(
            name_and_role("Maria Lopez, Director of the City Water Board"),
            Some(("Maria Lopez", "Director of the City Water Board"))
        );
        // places and single words are not people
        assert_eq!(name_and_role("Washington, DC"), None);
        assert_eq!(name_and_role("Paris, France"), None);
        assert_eq!(name_and_role("スポーツ・文化"), None);
    }

    #[test]
    fn breadcrumbs_are_navigation_not_names() {
        for crumbs in [
            "Home | News | Interviews",
            "首页 > 新闻中心 > 专访",
            "홈 > 뉴스 > 인터뷰",
            "トップ ＞ インタビュー",
            "Home » Opinion",
        ] {
            assert!(is_breadcrumb(crumbs), "{crumbs}");
            assert_eq!(classify(crumbs), Field::Furniture, "{crumbs}");
        }
        for not in [
            "Maria Lopez | Water chief",
            "2024-05-12 | 来源：中国网 | 阅读 1,234",
            "Peace > war. Trade > tariffs. Talks > threats.",
            "LEE Hee-sup",
        ] {
            assert!(!is_breadcrumb(not), "{not}");
        }
    }

    #[test]
    fn fields_after_a_bar_and_spaced_keys() {
        assert_eq!(
            classify("采访嘉宾|林青禾"),
            Field::Interviewee("林青禾".to_owned())
        );
        assert_eq!(classify("作者｜周岚"), Field::Byline("周岚".to_owned()));
        assert_eq!(
            classify("嘉 宾:林青禾"),
            Field::Interviewee("林青禾".to_owned())
        );
        assert_eq!(
            classify("■ 대담 : 윤해솔 한빛대 교수"),
            Field::Interviewee("윤해솔 한빛대 교수".to_owned())
        );
        // a bar after another word; a spaced date key
        assert_eq!(classify("首页|专访|人物"), Field::Furniture);
        assert_ne!(
            classify("日 期:2021年3月9日"),
            Field::Date("2021年3月9日".to_owned())
        );
    }

    #[test]
    fn no_cjk_headline_word_is_ascii() {
        // `is_name_like` looks for them in non-ASCII text only
        assert!(HEADLINE_CJK.iter().all(|w| !w.is_ascii()));
    }

    #[test]
    fn a_cjk_name_then_a_titled_role_splits_at_a_space() {
        assert_eq!(
            name_and_role("김철수 한국은행 총재"),
            Some(("김철수", "한국은행 총재"))
        );
        assert_eq!(
            name_and_role("黒田 東彦 日本銀行総裁"),
            Some(("黒田 東彦", "日本銀行総裁"))
        );
        assert_eq!(
            name_and_role("王毅 中华人民共和国外交部部长"),
            Some(("王毅", "中华人民共和国外交部部长"))
        );
        // no title at the end, a Latin name, or nothing but a name
        assert_eq!(name_and_role("김철수 한국은행"), None);
        assert_eq!(name_and_role("Gordon Brown 外交部长"), None);
        assert_eq!(name_and_role("黒田 東彦"), None);
        assert_eq!(name_and_role("新华社 记者"), None);
    }

    #[test]
    fn furniture_prefixes_have_no_uppercase() {
        for prefix in FURNITURE_PREFIXES.as_list() {
            assert_eq!(*prefix, prefix.to_lowercase());
        }
    }

    /// The furniture rule, written plainly.
    fn furniture_plainly(text: &str, header: bool) -> bool {
        let lower = text.to_lowercase();
        if FURNITURE_PREFIXES
            .as_list()
            .iter()
            .any(|p| lower.starts_with(p))
        {
            return true;
        }
        let tokens: Vec<&str> = lower
            .split(|c: char| {
                c.is_whitespace()
                    || COLONS.contains(&c)
                    || "|｜/、,，·•【】[]（）()<>「」".contains(c)
            })
            .filter(|t| !t.is_empty())
            .collect();
        let strong = tokens
            .iter()
            .filter(|t| FURNITURE_STRONG.contains(t))
            .count();
        let all = tokens
            .iter()
            .all(|t| FURNITURE_STRONG.contains(t) || FURNITURE_WEAK.contains(t));
        all && strong >= if header { 1 } else { 2 }
    }

    proptest::proptest! {
        #[test]
        fn furniture_rule_is_the_plain_rule(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Share", "facebook", "微信", "微博", "大", "中", "打印", "Twitter",
                    "Copyright", "news", "合作贸易政策创新能源安全气候数字经济伙伴关系合作贸易",
                    "QQ空间", "© 2024", "x",
                ]),
                0..6,
            ),
            seps in proptest::collection::vec(
                proptest::sample::select(vec![" ", "：", "|", "，", "【", "】", "  ", "/"]),
                6,
            ),
            header: bool,
        ) {
            let text: String = words
                .iter()
                .zip(&seps)
                .flat_map(|(w, s)| [*w, *s])
                .collect();
            proptest::prop_assert_eq!(
                is_furniture(&text, header),
                furniture_plainly(&text, header)
            );
        }
    }

    #[test]
    fn furniture_needs_every_token_and_enough_strong_ones() {
        assert!(is_furniture("分享到：微信 微博 QQ空间", false));
        assert!(is_furniture("Share: Facebook Twitter LinkedIn", false));
        assert!(is_furniture("ALL RIGHTS RESERVED by Example", false));
        assert!(is_furniture("Twitter", true));
        assert!(!is_furniture("Twitter", false));
        assert!(!is_furniture("Facebook Twitter are platforms", false));
        assert!(!is_furniture("", true));
    }
}
