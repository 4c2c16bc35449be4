//! Speaker labels: turns marked by who speaks rather than by `Q:`/`A:`.
//!
//! A label opens a line and names a speaker:
//!
//! | form | example |
//! | --- | --- |
//! | name and colon | `ANDREW MARR: Prime Minister, welcome.` |
//! | surname | `Whitson: It was my third flight.` |
//! | outlet or CJK name | `中国网：您好！` `李肇星：你好。` `道上：はい。` |
//! | space before the colon | `Whitson : Yes.` |
//! | full name declaring a short label | `김예람(김): 네, 맞습니다.` (then `김: …`) |
//! | bullet, name, `>` | `◎ 김예람 > 그렇습니다.` |
//! | bracketed name | `[김예람] 네.` |
//! | bold | `**ANDREW MARR:** Good morning.` |
//!
//! Whether a label-shaped prefix really is a speaker is decided for the
//! whole document (it must recur, or be declared); this module only finds
//! the candidates and says whom a label can stand for.

use std::collections::HashMap;

use super::chars::{is_cjk_letter, with_lowercase};
use super::markers::{COLONS, bracketed};
use super::words::Words;

/// A label found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The label as written (`ANDREW MARR`, `김`).
    pub label: String,
    /// The full name a `김예람(김)` form declares for the label.
    pub full: Option<String>,
    /// Where the turn's text stands in the line: see [`Label::body`].
    pub body_range: std::ops::Range<usize>,
    /// Byte offset of `body` in the line.
    pub body_at: usize,
}

impl Label {
    /// The turn's text in `line`, the line it was detected in.
    pub fn body<'l>(&self, line: &'l str) -> &'l str {
        &line[self.body_range.clone()]
    }
}

/// Bullets before a `◎ 이름 >` turn.
const BULLETS: &[char] = &[
    '◎', '◇', '◆', '○', '●', '■', '□', '▲', '△', '▶', '▷', '☆', '★', '▣', '▪', '•',
];

/// Finds a label at the start of `line`; see the module documentation.
/// A list's bullet may stand before it (`- Cさん:`, `・佐藤：`).
pub(crate) fn detect(line: &str) -> Option<Label> {
    detect_unbulleted(line).or_else(|| {
        let at = list_bullet(line).or_else(|| lead_symbol(line))?;
        let mut label = detect_unbulleted(&line[at..])?;
        label.body_range = label.body_range.start + at..label.body_range.end + at;
        label.body_at += at;
        Some(label)
    })
}

/// **List bullet rule**: a list's bullet opening a line, and the offset
/// of the item's text: `- 「面接で…」`, `• Cさん:`, `* item` (a space
/// after), `・佐藤：` (none needed). A run of marks (`---`, `・・・えっと`)
/// is no bullet.
pub(crate) fn list_bullet(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let rest = &line[first.len_utf8()..];
    let text = rest.trim_start_matches([' ', '\u{3000}']);
    let spaced = text.len() < rest.len();
    let bullet = match first {
        '-' | '•' | '*' => spaced,
        '・' => !text.starts_with('・'),
        _ => false,
    };
    (bullet && !text.is_empty()).then_some(line.len() - text.len())
}

/// **Lead symbol rule**: a symbol of [`BULLETS`] glued or spaced before a
/// label, as broadcast transcripts mark each side (`▶남궁현 : 자, …`,
/// `▷배소윤 : 네.`): the offset of the label. A run of symbols is an
/// ornament.
fn lead_symbol(line: &str) -> Option<usize> {
    let first = line.chars().next().filter(|c| BULLETS.contains(c))?;
    let rest = line[first.len_utf8()..].trim_start_matches([' ', '\u{3000}']);
    let next = rest.chars().next()?;
    (!BULLETS.contains(&next)).then_some(line.len() - rest.len())
}

fn detect_unbulleted(line: &str) -> Option<Label> {
    let (offset, line_inner) = match line.strip_prefix("**") {
        Some(inner) => (2, inner),
        None => (0, line),
    };
    // a voice tag names a speaker whatever its words (`<v Speaker 1>`)
    if let Some((head, at)) = voice_turn(line) {
        let rest = &line[at..];
        return (!head.is_empty()).then(|| Label {
            label: head.to_owned(),
            full: None,
            body_range: super::chars::range_in(line, rest.trim()),
            body_at: at + (rest.len() - rest.trim_start().len()),
        });
    }
    // the first form whose head reads as a speaker
    let (label, full, body_at) = [
        bullet_turn,
        bracket_turn,
        symbol_turn,
        colon_turn,
        dash_turn,
        timed_turn,
    ]
    .iter()
    .filter_map(|form| form(line_inner))
    .map(|(head, at)| {
        let (label, full) = split_declaration(head);
        (label, full, at)
    })
    .map(|(label, full, at)| match declared_short(label) {
        // `(이하 앵커)`: the full name before it may be long
        Some(short) => (
            short,
            full.map(|f| f.trim_start_matches(is_symbol)),
            at,
            true,
        ),
        None => (label, full, at, false),
    })
    .find(|(label, full, _, said)| {
        is_label_like(label) && (*said || full.is_none_or(is_label_like))
    })
    .map(|(label, full, at, _)| (label, full, at))?;
    let mut rest = &line_inner[body_at..];
    let mut skip = 0;
    if offset == 2 {
        if let Some(after) = rest.strip_prefix("**") {
            skip = 2;
            rest = after;
        } else {
            rest = rest.strip_suffix("**").unwrap_or(rest);
        }
    }
    let lead = rest.len() - rest.trim_start().len();
    Some(Label {
        label: label.to_owned(),
        full: full.map(str::to_owned),
        body_range: super::chars::range_in(line, rest.trim()),
        body_at: offset + body_at + skip + lead,
    })
}

/// `◎ 김예람 > text` → (`김예람`, offset of `text`).
fn bullet_turn(line: &str) -> Option<(&str, usize)> {
    let first = line.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = &line[first.len_utf8()..];
    let end = rest.find(['>', '＞', '〉'])?;
    let head = rest[..end].trim();
    let close = rest[end..].chars().next()?.len_utf8();
    Some((head, first.len_utf8() + end + close))
}

/// `<v Speaker 1>text` → (`Speaker 1`, offset of `text`): a subtitle
/// file's voice tag (WebVTT) names who speaks the cue.
fn voice_turn(line: &str) -> Option<(&str, usize)> {
    let rest = line
        .strip_prefix("<v ")
        .or_else(|| line.strip_prefix("<v."))?;
    let end = rest.find('>')?;
    // `<v.loud Name>`: classes before the name
    let head = rest[..end].split_once(' ').map_or(&rest[..end], |(_, n)| n);
    let head = if line.starts_with("<v.") {
        head
    } else {
        &rest[..end]
    };
    Some((head.trim(), 3 + end + 1))
}

/// `[김예람] text` → (`김예람`, offset of `text`).
fn bracket_turn(line: &str) -> Option<(&str, usize)> {
    let (inner, after) = bracketed(line)?;
    // `(laughs)` and `[Applause]` are stage directions, not speakers
    let first = line.chars().next()?;
    (!matches!(first, '(' | '（' | '<')).then_some((inner, after))
}

/// `(○:浜岡市長)text` → (`浜岡市長`, offset of `text`): a symbol and a
/// colon before the name, in parentheses, as press-conference records
/// print who speaks (`■` the press, `○` the officials).
fn symbol_turn(line: &str) -> Option<(&str, usize)> {
    let (inner, after) = bracketed(line)?;
    if !line.starts_with(['(', '（']) {
        return None;
    }
    let mut chars = inner.chars();
    let symbol = chars.next()?;
    let rest = chars.as_str().trim_start();
    let name = rest.strip_prefix(COLONS)?.trim();
    let is_symbol = !symbol.is_alphanumeric() && !symbol.is_whitespace();
    (is_symbol && !name.is_empty()).then_some((name, after))
}

/// `NAME: text` or `NAME : text` → (`NAME`, offset of `text`).
fn colon_turn(line: &str) -> Option<(&str, usize)> {
    // the first colon that is no time's (`Name (00:12):`)
    let (at, colon) = line.char_indices().take(48).find(|&(i, c)| {
        COLONS.contains(&c)
            && !(line[..i].ends_with(|d: char| d.is_ascii_digit())
                && line[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()))
    })?;
    let head = strip_timestamp(line[..at].trim_end_matches([' ', '\u{3000}', '*']));
    let after = at + colon.len_utf8();
    // `10:30` and `https://` are no labels
    if line[after..].starts_with(|c: char| c.is_ascii_digit() || c == '/') {
        return None;
    }
    Some((head, after))
}

/// `TK-The letters…` → (`TK`, offset of `The`): initials glued to the
/// text by a hyphen; `Lena Ruiz– I know.` → (`Lena Ruiz`, offset of `I`):
/// a name and an en or em dash glued to it, then a space.
fn dash_turn(line: &str) -> Option<(&str, usize)> {
    // most lines hold neither initials and a hyphen nor an en or em dash
    // (E2 80 93, E2 80 94) near their start: turned away on their bytes
    let bytes = line.as_bytes();
    let initials_hyphen = bytes.len() > 2
        && bytes[0].is_ascii_uppercase()
        && bytes[1..bytes.len().min(40)].contains(&b'-');
    let head = &bytes[..bytes.len().min(160)];
    let wide_dash = head.contains(&0xE2)
        && head
            .windows(3)
            .any(|w| w[0] == 0xE2 && w[1] == 0x80 && matches!(w[2], 0x93 | 0x94));
    if !initials_hyphen && !wide_dash {
        return None;
    }
    let (at, dash) = line
        .char_indices()
        .take(40)
        .find(|&(_, c)| matches!(c, '-' | '–' | '—'))?;
    let head = &line[..at];
    let after = at + dash.len_utf8();
    let rest = &line[after..];
    let next = rest.chars().next()?;
    let initials = (2..=4).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_uppercase())
        && (next.is_uppercase() || next == ' ');
    let glued_dash = dash != '-'
        && !head.ends_with(' ')
        && next == ' '
        && rest.trim_start().starts_with(char::is_uppercase);
    // `Tom Kessler-Sunday is …`: a full name glued by a hyphen to a
    // capital (the page's initials labels, `TK-`, say it is one)
    let words: Vec<&str> = head.split(' ').collect();
    let glued_name = dash == '-'
        && (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.len() >= 2
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w[1..]
                    .chars()
                    .all(|c| c.is_lowercase() || c == '\'' || c == '’')
        })
        && next.is_uppercase();
    (initials || glued_dash || glued_name).then_some((head.trim(), after))
}

/// `Tomas Berg  00:12` → (`Tomas Berg`, the line's end): a name and the
/// time it speaks at, alone on their line, the turn's text on the lines
/// below, as transcription services export a recording (`Speaker 1
/// 1:02:03`, `Ana Ruiz [00:41]`).
fn timed_turn(line: &str) -> Option<(&str, usize)> {
    let line = line.trim_end();
    let name = strip_timestamp(line);
    // a time was taken off, and what is left is a few words
    (name.len() < line.len() && (1..=4).contains(&name.split_whitespace().count()))
        .then_some((name, line.len()))
}

/// `Name (00:12)` → `Name`: a time after a speaker's name, as
/// transcription services print it (`Name 1:02:03`, `Name [00:12]`).
fn strip_timestamp(head: &str) -> &str {
    let Some((name, time)) = head.rsplit_once([' ', '\u{3000}']) else {
        return head;
    };
    let time = time
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    let digits_and_colons = time.contains(':')
        && time
            .split(':')
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if digits_and_colons && !name.trim().is_empty() {
        name.trim_end()
    } else {
        head
    }
}

/// The short label a declaration names in so many words: `이하 앵커`
/// (hereafter 앵커) → `앵커`, `以下「し」` → `し`, `下稱「鄭」` → `鄭`, `以下簡稱李` → `李`, `아래는 허로 간략` → `허`,
/// `hereafter Smith` → `Smith`.
fn declared_short(inner: &str) -> Option<&str> {
    const BEFORE: &[&str] = &[
        "이하",
        "以下",
        "下稱",
        "下称",
        "아래는",
        "아래",
        "hereafter",
        "Hereafter",
    ];
    const AFTER: &[&str] = &["으로 간략", "로 간략", "으로 표기", "로 표기", "と略", "略"];
    // `以下簡稱李`: called so for short
    const CALLED: &[&str] = &["簡稱", "简称", "稱為", "称为", "稱", "称"];
    let rest = BEFORE.iter().find_map(|w| inner.strip_prefix(w))?;
    let rest = CALLED
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    let mut short = rest.trim();
    for w in AFTER {
        if let Some(cut) = short.strip_suffix(w) {
            short = cut.trim();
            break;
        }
    }
    let short = short
        .trim_start_matches(['「', '『', '“', '‘', '"', '\''])
        .trim_end_matches(['」', '』', '”', '’', '"', '\''])
        .trim();
    (!short.is_empty()).then_some(short)
}

/// A symbol before a name (`☎ 민서진`), no part of it.
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !matches!(c, '(' | '（' | '[' | '【')
}

/// `김예람(김)` → (`김`, Some(`김예람`)); `BROWN` → (`BROWN`, None).
pub(crate) fn split_declaration(head: &str) -> (&str, Option<&str>) {
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(inner) = head.strip_suffix(close)
            && let Some((full, short)) = inner.rsplit_once(open)
        {
            let (full, short) = (full.trim(), short.trim());
            if !full.is_empty() && !short.is_empty() {
                return (short, Some(full));
            }
        }
    }
    (head, None)
}

/// Words that open a line with a colon without naming a speaker.
const NOT_SPEAKERS: Words = Words::new(&[
    "note",
    "notes",
    "ps",
    "p.s",
    "update",
    "updated",
    "source",
    "sources",
    "photo",
    "photos",
    "credit",
    "credits",
    "caption",
    "image",
    "video",
    "audio",
    "editor's note",
    "editors note",
    "warning",
    "example",
    "examples",
    "date",
    "time",
    "tags",
    "tag",
    "related",
    "read more",
    "see also",
    "via",
    "translation",
    "transcript",
    "summary",
    "background",
    "context",
    "disclaimer",
    "correction",
    "corrections",
    "location",
    "email",
    "e-mail",
    "tel",
    "phone",
    "fax",
    "website",
    "web",
    "twitter",
    "facebook",
    "instagram",
    "address",
    "subject",
    "from",
    "to",
    "cc",
    "re",
    "title",
    "headline",
    "byline",
    "by",
    "author",
    "interviewee",
    "role",
    "introduction",
    "intro",
    "published",
    "posted",
    "share",
    "contact",
    "copyright",
    "keywords",
    "topics",
    "category",
    "section",
    "first",
    "second",
    "third",
    "finally",
    "however",
    "but",
    "so",
    "and",
    "yes",
    "no",
    "answer",
    "question",
    "in short",
    "in sum",
    "attention",
    "important",
    "hint",
    "tip",
    "q",
    "a",
    "url",
    "http",
    "https",
    "www",
]);

/// CJK words that open a line with a colon without naming a speaker.
const NOT_SPEAKERS_CJK: Words = Words::new(&[
    "分享",
    "分享到",
    "转发",
    "扫码",
    "微信",
    "关注",
    "注",
    "备注",
    "附注",
    "来源",
    "來源",
    "出处",
    "出處",
    "编辑",
    "責任編輯",
    "责任编辑",
    "编者按",
    "原标题",
    "标题",
    "图",
    "圖",
    "摄影",
    "攝影",
    "关键词",
    "标签",
    "相关",
    "导语",
    "提示",
    "例如",
    "比如",
    "首先",
    "其次",
    "再次",
    "最后",
    "总之",
    "一是",
    "二是",
    "三是",
    "四是",
    "第一",
    "第二",
    "第三",
    "第四",
    "第五",
    "时间",
    "日期",
    "地点",
    "作者",
    "文",
    "作者简介",
    "简介",
    "注意",
    "写真",
    "出典",
    "関連",
    "参考",
    "注記",
    "※",
    "日時",
    "場所",
    "사진",
    "출처",
    "관련",
    "주",
    "참고",
    "요약",
    "일시",
    "장소",
    "글",
    "기사",
    "편집",
    "제목",
    "날짜",
    "입력",
    "수정",
    "受访者",
    "受访人",
    "嘉宾",
    "采访",
    "采访者",
    "采访人",
    "話し手",
    "インタビュイー",
]);

/// Whether `text` can be a speaker label: a short name in Latin letters
/// (1–4 capitalised or all-capital words: `ANDREW MARR`, `Whitson`,
/// `Mr. Smith`, `KIM Min-jun`) or in a CJK script (1–8 letters, `·` or
/// `・` allowed: `李肇星`, `中国网`, `김`), and not a word such as `Note`
/// or `注` that opens a line with a colon without naming anyone.
pub fn is_label_like(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 40 {
        return false;
    }
    let listed = with_lowercase(text, |lower| {
        NOT_SPEAKERS.contains(lower) || super::count::PREFIX_LABELS.contains(lower)
    });
    if listed || NOT_SPEAKERS_CJK.contains(text) {
        return false;
    }
    if text
        .chars()
        .all(|c| is_cjk_letter(c) || matches!(c, '·' | '・' | ' '))
    {
        let letters = text.chars().filter(|&c| is_cjk_letter(c)).count();
        let spaces = text.matches(' ').count();
        let headline = [
            "专访",
            "访谈",
            "對話",
            "对话",
            "インタビュー",
            "인터뷰",
            "대담",
        ]
        .iter()
        .any(|w| text.contains(w));
        return (1..=8).contains(&letters) && spaces <= 1 && !says(text) && !headline;
    }
    // one lowercase word recurring as a label: `me:`, `biscuit:`
    if (1..=20).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // `Speaker 1`, `Participant 12`: a party a transcript numbers
    let numbered = match words.as_slice() {
        [party, number] => {
            (1..=2).contains(&number.len())
                && number.bytes().all(|b| b.is_ascii_digit())
                && with_lowercase(party, |p| NUMBERED_PARTIES.contains(&p))
        }
        _ => false,
    };
    numbered
        || (1..=4).contains(&words.len())
            && words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
            && words.iter().all(|w| is_name_word(w))
}

/// The words a transcript numbers its parties by (`Speaker 1`): not any
/// word and a number (`September 14`, `Part 1`, `Room 12`).
const NUMBERED_PARTIES: &[&str] = &[
    "speaker",
    "participant",
    "interviewee",
    "interviewer",
    "respondent",
    "guest",
    "voice",
    "person",
    "caller",
    "panelist",
    "panellist",
    "unknown",
];

/// A word of a Latin-script name: capitalised or all capitals, hyphens,
/// apostrophes, initials (`J.`), honorifics (`Mr.`), particles (`van`).
fn is_name_word(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "der", "den", "da", "di", "du", "dos", "del", "la", "le", "bin", "al",
        "y", "ter",
    ];
    if PARTICLES.contains(&word) {
        return true;
    }
    let core = word.strip_suffix('.').unwrap_or(word);
    let first = core.chars().next();
    first.is_some_and(char::is_uppercase)
        && core
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// CJK lines such as `他说：` (he said) quote speech; they are not labels.
fn says(text: &str) -> bool {
    [
        "说",
        "說",
        "说道",
        "表示",
        "指出",
        "认为",
        "認為",
        "强调",
        "称",
        "問う",
        "말했다",
    ]
    .iter()
    .any(|verb| text.ends_with(verb) && text != *verb)
}

/// Interviewer roles in Latin letters, lowercase.
const ROLES: &[&str] = &[
    "interviewer",
    "host",
    "moderator",
    "presenter",
    "anchor",
    "reporter",
    "mc",
    "journalist",
    "q",
];
/// Interviewer roles in CJK scripts.
const CJK_ROLES: &[&str] = &[
    "记者",
    "記者",
    "主持人",
    "主持",
    "司会",
    "聞き手",
    "編集部",
    "编辑部",
    "本报",
    "本刊",
    "기자",
    "사회자",
    "사회",
    "진행자",
    "진행",
    "앵커",
];

/// Labels that name the interviewer's role or an outlet rather than a
/// person: `Interviewer`, `Host`, `MC`, `中国网`, `人民日报`, `사회자`.
/// A turn so labelled asks, unless the header names it as the interviewee.
pub fn is_interviewer_word(label: &str) -> bool {
    const OUTLET_ENDINGS: &[&str] = &[
        "网",
        "網",
        "报",
        "報",
        "日报",
        "时报",
        "社",
        "台",
        "电视台",
        "新闻",
        "新聞",
        "周刊",
        "杂志",
        "雑誌",
        "신문",
        "일보",
        "방송",
        "放送",
        "뉴스",
        "TV",
    ];
    is_generic_role(label)
        || (label.chars().count() >= 2
            && label.chars().all(is_cjk_letter)
            && OUTLET_ENDINGS.iter().any(|e| label.ends_with(e)))
}

/// Whether `label` names someone with an honorific (`岡野さん`, `김 선생님`,
/// `박씨`, `山田氏`): the guest is so addressed; the host does not title
/// themselves.
pub(crate) fn has_honorific(label: &str) -> bool {
    const HONORIFICS: &[&str] = &[
        "さん",
        "氏",
        "先生",
        "様",
        "さま",
        "씨",
        "님",
        "선생님",
        "先生",
        "女士",
        "老师",
    ];
    let label = label.trim();
    HONORIFICS
        .iter()
        .any(|h| label.ends_with(h) && label.len() > h.len())
}

/// Interviewer labels that name a role, not a person or an outlet
/// (`Interviewer`, `Host`, `记者`, `기자`): they give no interviewer name.
pub(crate) fn is_generic_role(label: &str) -> bool {
    with_lowercase(label, |lower| ROLES.contains(&lower)) || CJK_ROLES.contains(&label)
}

/// Whether `label` can stand for the person `name`: the same text
/// (ignoring case), one of its words (`BROWN` for `Gordon Brown`,
/// `Whitson` for `Peggy Whitson`, `道上` for `道上 尚史`), or the surname
/// at the start of a short CJK name (`김` for `김예람`, `李` for `李肇星`).
pub fn matches_name(label: &str, name: &str) -> bool {
    let label = label.trim();
    if label.is_empty() {
        return false;
    }
    if label.to_lowercase() == name.trim().to_lowercase() {
        return true;
    }
    let label_lower = label.to_lowercase();
    if name
        .split_whitespace()
        .any(|word| word.to_lowercase() == label_lower)
    {
        return true;
    }
    // a CJK surname of one or two letters before a short given name
    let (label_len, name_len) = (label.chars().count(), name.chars().count());
    label.chars().all(is_cjk_letter)
        && label_len <= 2
        && name_len <= label_len + 3
        && name.starts_with(label)
}

/// Whether `label` is the initials of `name`'s words (split at spaces
/// and hyphens): `TK` for `Tom Kessler`, `O-H` for `Okonkwo-Hale`, `L` for
/// `Lindqvist`.
pub(crate) fn initials_of(label: &str, name: &str) -> bool {
    let letters: Vec<char> = label.chars().filter(|&c| !matches!(c, '-' | '.')).collect();
    if letters.is_empty() || !letters.iter().all(char::is_ascii_uppercase) {
        return false;
    }
    // a double-barrelled name counts its parts or not: `DA` and `DAH` are
    // both `Devon Achebe-Hart`
    let initials = |separators: &[char]| -> Vec<char> {
        name.split(separators)
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    initials(&[' ', '-']) == letters || initials(&[' ']) == letters
}

/// The labels of one document that name the same person, mapped to the
/// label that stands for them all: `MARR` and `Marr` → `ANDREW MARR`,
/// `李` → `李肇星`. Transcripts often name a speaker in full at first and by
/// surname after.
///
/// Labels that differ only in case are one person (the first spelling
/// stands for them). A label that [`matches_name`] exactly one longer label
/// (a word of it, or a CJK surname before it) is that label's person; one
/// that fits two (`BROWN` beside `GORDON BROWN` and `SARAH BROWN`) stays
/// apart, as do labels that declare a full name and generic roles
/// (`记者`). Labels that stand for themselves are not in the map.
pub(crate) fn aliases<'a>(
    labels: impl IntoIterator<Item = (&'a str, bool)>,
) -> HashMap<String, String> {
    // distinct labels in order; whether any of its uses declares a name
    let mut order: Vec<(&str, bool)> = Vec::new();
    for (label, declares) in labels {
        match order.iter_mut().find(|(l, _)| *l == label) {
            Some(seen) => seen.1 |= declares,
            None => order.push((label, declares)),
        }
    }
    let spelling = |label: &'a str| -> &'a str {
        let lower = label.to_lowercase();
        order
            .iter()
            .map(|(l, _)| *l)
            .find(|l| l.to_lowercase() == lower)
            .unwrap_or(label)
    };
    let people: Vec<&str> = order
        .iter()
        .map(|(l, _)| *l)
        .filter(|l| spelling(l) == *l)
        .collect();
    let declares = |label: &str| {
        order
            .iter()
            .any(|(l, d)| *d && l.to_lowercase() == label.to_lowercase())
    };
    let longer: HashMap<&str, &str> = people
        .iter()
        .filter(|short| !declares(short) && !is_generic_role(short))
        .filter_map(|&short| {
            let mut fits = people.iter().filter(|&&long| {
                long.trim().chars().count() > short.trim().chars().count()
                    && !declares(long)
                    && (matches_name(short, long) || initials_of(short, long))
            });
            match (fits.next(), fits.next()) {
                (Some(&long), None) => Some((short, long)),
                _ => None,
            }
        })
        .collect();
    let mut out = HashMap::new();
    for &(label, _) in &order {
        let mut person = spelling(label);
        // each step goes to a longer label, so the walk ends
        for _ in 0..order.len() {
            match longer.get(person) {
                Some(&long) => person = long,
                None => break,
            }
        }
        if person != label {
            out.insert(label.to_owned(), person.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_count_a_double_barrelled_names_parts_or_not() {
        assert!(initials_of("DA", "Devon Achebe-Hart"));
        assert!(initials_of("DAH", "Devon Achebe-Hart"));
        assert!(initials_of("ML", "Mara Lindqvist"));
        assert!(!initials_of("DH", "Devon Achebe-Hart"));
    }

    #[test]
    fn a_lists_bullet_may_stand_before_a_label() {
        assert_eq!(list_bullet("- 「面接です。」"), Some(2));
        assert_eq!(list_bullet("・佐藤：はい"), Some(3));
        assert_eq!(list_bullet("• Cさん:"), Some(4));
        assert_eq!(list_bullet("---"), None);
        assert_eq!(list_bullet("-1.5"), None);
        assert_eq!(list_bullet("・・・えっと"), None);
        let l = detect("- Cさん:").expect("a label");
        assert_eq!(l.label, "Cさん");
        assert_eq!(l.body("- Cさん:"), "");
        let l = detect("▷배소윤 : 네.").expect("a label");
        assert_eq!(l.label, "배소윤");
        assert!(detect("◆◇◆ 목차: 1").is_none_or(|l| l.label != "목차"));
        let line = "- 도현 : 질문입니다.";
        assert_eq!(detect(line).expect("a label").body(line), "질문입니다.");
    }

    #[test]
    fn a_name_and_a_time_alone_on_a_line_open_a_turn() {
        for (line, name) in [
            ("Tomas Berg  00:12", "Tomas Berg"),
            ("Speaker 1  1:02:03", "Speaker 1"),
            ("Ana Ruiz [00:41]", "Ana Ruiz"),
        ] {
            let label = detect(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(label.label, name);
            assert_eq!(label.body(line), "");
        }
        let line = "Speaker 2: Because I liked it.";
        assert_eq!(detect(line).map(|l| l.label).as_deref(), Some("Speaker 2"));
        assert_eq!(detect("September 14, 1976"), None);
        // a time in a sentence, or a time alone, opens none
        assert_eq!(detect("We left at 10:30"), None);
        assert_eq!(detect("00:12"), None);
    }

    #[test]
    fn a_declaration_may_say_called_for_short() {
        assert_eq!(declared_short("以下簡稱李"), Some("李"));
        assert_eq!(declared_short("下稱「鄭」"), Some("鄭"));
        let l = detect("李明遠教授(以下簡稱李):變化太大了").expect("a label");
        assert_eq!(l.label, "李");
        assert_eq!(l.full.as_deref(), Some("李明遠教授"));
    }

    #[test]
    fn a_full_name_glued_by_a_hyphen_to_a_capital_is_a_label() {
        let line = "Tom Kessler-Sunday is the finale.";
        let l = detect(line).expect("a label");
        assert_eq!(l.label, "Tom Kessler");
        assert_eq!(l.body(line), "Sunday is the finale.");
        assert!(detect("New York-based firms grew.").is_none());
        assert!(detect("Jean-Paul came.").is_none());
    }

    #[test]
    fn a_subtitle_voice_tag_is_a_label() {
        let l = detect("<v Speaker 2>Forty-one miles, give or take").expect("a label");
        assert_eq!(l.label, "Speaker 2");
        assert_eq!(
            l.body("<v Speaker 2>Forty-one miles, give or take"),
            "Forty-one miles, give or take"
        );
        assert_eq!(voice_turn("<v.loud Mick>Hey").map(|(h, _)| h), Some("Mick"));
        assert_eq!(voice_turn("<b>bold</b>"), None);
    }

    proptest::proptest! {
        /// The colon is the first of the first 48 characters, whatever
        /// the line holds before and after the 48th.
        #[test]
        fn a_colon_is_looked_for_in_48_characters(
            prefix in "[a ]{0,52}",
            rest in "[a :：中é]{0,12}",
        ) {
            let line = prefix + &rest;
            let plain = line.chars().take(48).position(|c| COLONS.contains(&c));
            let found = colon_turn(&line).map(|(head, _)| head.len());
            proptest::prop_assert_eq!(found.is_some(), plain.is_some());
        }
    }

    fn lab(line: &str) -> Option<(String, Option<String>, String)> {
        detect(line).map(|l| {
            let body = l.body(line).to_owned();
            (l.label, l.full, body)
        })
    }

    fn some(label: &str, body: &str) -> Option<(String, Option<String>, String)> {
        Some((label.to_owned(), None, body.to_owned()))
    }

    #[test]
    fn label_forms() {
        assert_eq!(
            lab("ANDREW MARR: Prime Minister, welcome."),
            some("ANDREW MARR", "Prime Minister, welcome.")
        );
        assert_eq!(lab("Whitson : Yes."), some("Whitson", "Yes."));
        assert_eq!(lab("中国网：您好！"), some("中国网", "您好！"));
        assert_eq!(lab("道上:はい。"), some("道上", "はい。"));
        assert_eq!(
            lab("김예람(김): 네, 맞습니다."),
            Some(("김".into(), Some("김예람".into()), "네, 맞습니다.".into()))
        );
        assert_eq!(lab("◎ 김예람 > 그렇습니다."), some("김예람", "그렇습니다."));
        assert_eq!(lab("[김예람] 네."), some("김예람", "네."));
        assert_eq!(lab("**ANDREW MARR:** Good."), some("ANDREW MARR", "Good."));
        assert_eq!(
            lab("TK-The letters scene."),
            some("TK", "The letters scene.")
        );
        assert_eq!(lab("Lena Ruiz– I know."), some("Lena Ruiz", "I know."));
        assert_eq!(lab("me:   So how are you?"), some("me", "So how are you?"));
        assert_eq!(
            lab("☎ 민서진 정의시민당 시의원 (이하 민서진) : 네."),
            Some((
                "민서진".into(),
                Some("민서진 정의시민당 시의원".into()),
                "네.".into()
            ))
        );
        assert_eq!(
            lab("허영철(아래는 허로 간략): 안녕하세요."),
            Some(("허".into(), Some("허영철".into()), "안녕하세요.".into()))
        );
        assert_eq!(
            lab("真柴選手(以下「真」):え…?"),
            Some(("真".into(), Some("真柴選手".into()), "え…?".into()))
        );
        assert_eq!(
            lab("NB : 기차에서 자도 된다."),
            some("NB", "기차에서 자도 된다.")
        );
        let l = detect("**MARR:** Good.").unwrap();
        assert_eq!(&"**MARR:** Good."[l.body_at..], "Good.");
    }

    #[test]
    fn prose_is_not_a_label() {
        assert_eq!(lab("Note: this was edited."), None);
        assert_eq!(lab("The reason is simple: money."), None);
        assert_eq!(lab("他说：我们必须合作。"), None);
        assert_eq!(lab("例如：气候变化。"), None);
        assert_eq!(lab("Meeting at 10:30 today"), None);
        assert_eq!(lab("(00:45):"), None);
        assert_eq!(lab("https://example.com"), None);
        assert_eq!(lab("(laughs) Right."), None);
        assert_eq!(lab("Self-driving cars are here."), None);
        assert_eq!(lab("Then – as now – we wait."), None);
        assert_eq!(lab("the reason: money."), None);
    }

    #[test]
    fn names_and_roles() {
        assert!(matches_name("BROWN", "Gordon Brown"));
        assert!(matches_name("Whitson", "Peggy Whitson"));
        assert!(matches_name("김", "김예람"));
        assert!(matches_name("道上", "道上 尚史"));
        assert!(!matches_name("MARR", "Gordon Brown"));
        assert!(is_interviewer_word("中国网"));
        assert!(is_interviewer_word("Interviewer"));
        assert!(!is_interviewer_word("李肇星"));
        assert!(has_honorific("岡野さん"));
        assert!(has_honorific("김 선생님"));
        assert!(!has_honorific("さん"));
        assert!(!has_honorific("佐伯"));
    }

    #[test]
    fn surnames_stand_for_full_names() {
        let map = |labels: &[&str]| {
            let mut got: Vec<(String, String)> = aliases(labels.iter().map(|l| (*l, false)))
                .into_iter()
                .collect();
            got.sort();
            got
        };
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            map(&["ANDREW MARR", "GORDON BROWN", "MARR", "Brown", "BROWN"]),
            [
                pair("BROWN", "GORDON BROWN"),
                pair("Brown", "GORDON BROWN"),
                pair("MARR", "ANDREW MARR"),
            ]
        );
        // the short form first, the full name later
        assert_eq!(map(&["Marr", "Andrew Marr"]), [pair("Marr", "Andrew Marr")]);
        // two people share the surname: no guess
        assert_eq!(map(&["GORDON BROWN", "SARAH BROWN", "BROWN"]), []);
        assert_eq!(map(&["李肇星", "中国网", "李"]), [pair("李", "李肇星")]);
        assert_eq!(map(&["KIM", "SATO"]), []);
        // initials stand for the name they abbreviate
        assert_eq!(
            map(&["Lindqvist", "Okonkwo-Hale", "L", "O-H"]),
            [pair("L", "Lindqvist"), pair("O-H", "Okonkwo-Hale")]
        );
        assert_eq!(map(&["记者", "记者甲"]), []);
        // labels that differ only in spacing name no one longer
        assert_eq!(map(&["Foo", "Foo "]), []);
        // a declared short label keeps its declaration
        let declared = aliases([("김", true), ("김예람", false)]);
        assert!(declared.is_empty());
    }
}
