//! The interviewee's name as a choice among candidates.
//!
//! Every place the page writes a name gives a candidate: the header's
//! lines (by the rules of [`crate::form::names::mention`]), and any line of the
//! page where a name stands beside what names carry: an honorific or a
//! title after it (`霜月礼司さん`, `채윤하 공공의료연구소 소장`,
//! `德方主任李明遠先生`), a role before it (`航运集团工程部经理周启航`), a
//! colon after it in a headline (`材料系林书维:…`). Each is scored over
//! the whole page by [`score`]: its shape in its script, how often the page
//! writes it, whether a label that answers names it, a role beside it,
//! and where it stands; the people pass keeps the best and doubts it when
//! it wins by little.

use std::ops::Range;

use super::classify::Page;
use super::shape;
use crate::form::chars::is_cjk_letter;
use crate::form::fields;
use crate::form::names::{self, Mention};

/// A name the page writes, the role written beside it, and the line.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub mention: Mention,
    pub span: Range<usize>,
    /// Whether the line is before the first question.
    pub header: bool,
    /// Whether the line is running prose (a sentence, not a headline or
    /// a caption): a role met there is no role line's.
    pub prose: bool,
    /// Whether the line is the name and its role alone (see
    /// [`profile_line`]).
    pub profile: bool,
}

/// What the page says about its people, for weighing candidates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context<'a> {
    /// Labels that answer, and the names they declare.
    pub answerers: &'a [&'a str],
    /// Labels that ask, the header's interviewer and byline.
    pub askers: &'a [&'a str],
    /// The language of the turns.
    pub language: Option<&'a str>,
    /// Where the first question opens.
    pub first_question: usize,
}

/// Honorifics and words written right after a CJK name (not after a
/// title: `교장선생님` is read as a title by [`korean_before_title`]).
const AFTER_NAME: &[&str] = &[
    "さん", "氏", "選手", "先生", "様", "女士", "校友", "同学", "同學", "教授", "博士",
];

/// Endings of a Korean organisation written before a name (`물류AI팀`,
/// `한빛대학교`, `문화부`).
const ORG_BEFORE_NAME: &[char] = &[
    '팀', '부', '과', '실', '처', '단', '터', '사', '청', '국', '회', '소', '교', '대',
];

/// Korean honorifics written after a name, with or without a space.
const KOREAN_HONORIFICS: &[&str] = &["선생님", "님", "씨"];

/// Korean particles that may follow a title (`소장과`, `도서부장과의`,
/// `기자와의`, `교장선생님께`), longest first.
const KOREAN_PARTICLES: &[&str] = &[
    "과의", "와의", "에게", "께서", "께", "과", "와", "의", "이", "가", "은", "는", "을", "를",
    "도",
];

/// Candidates written in the lines of `page` (a page in `language`,
/// whose first question opens at `first_question`): for each line, the
/// names the rules below find, with where.
pub(crate) fn in_lines(
    page: &Page<'_>,
    language: Option<&str>,
    first_question: usize,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let chinese = language == Some("zh");
    for line in page.lines {
        // a mention is pushed once per line: only this line's are compared
        let line_start = out.len();
        let text = &*line.text;
        let header = line.span.start < first_question;
        let mut prose = None;
        let mut push = |mention: Mention, profile: bool| {
            if !out[line_start..]
                .iter()
                .any(|c| c.mention == mention && c.span == line.span)
            {
                let prose = *prose
                    .get_or_insert_with(|| fields::is_prose(text) || text.chars().count() > 60);
                out.push(Candidate {
                    mention,
                    span: line.span.clone(),
                    header,
                    prose,
                    profile,
                });
            }
        };
        if let Some(mention) = profile_line(text) {
            push(mention, true);
        }
        // the rules below read Latin capitals or CJK letters: a line with
        // neither is passed by
        let capitals = text.bytes().any(|b| b.is_ascii_uppercase());
        let ascii = text.is_ascii();
        if !capitals && ascii {
            continue;
        }
        // capitalised words: at a sentence's start only where the page
        // writes them again (`Port News` once is a heading's)
        for (mention, opens) in capitals.then(|| latin_names(text)).into_iter().flatten() {
            if !opens || names::times_written(page.text, &mention.name, 2) >= 2 {
                push(mention, false);
            }
        }
        // the Chinese word order (a title, then the name) is not read on
        // a Japanese page (`代表質問`)
        if ascii {
            continue;
        }
        let found = cjk_before_honorific(text, language)
            .into_iter()
            .chain(korean_before_title(text))
            .chain(
                chinese
                    .then(|| role_then_cjk_name(text, language))
                    .into_iter()
                    .flatten(),
            )
            .chain(
                chinese
                    .then(|| name_before_colon(text, language))
                    .into_iter()
                    .flatten(),
            );
        for mention in found {
            push(mention, false);
        }
        // a Japanese family and given name set apart by a space, and the
        // cells of a row (`新北市板橋區|無黨籍|潘芷菱`)
        let japanese = language == Some("ja");
        for name in japanese
            .then(|| spaced_japanese_names(text))
            .into_iter()
            .flatten()
            .chain(cell_names(text, language))
        {
            push(
                Mention {
                    name: name.to_owned(),
                    role: None,
                },
                false,
            );
        }
    }
    out
}

/// **Spaced Japanese name**: a family name of one to three kanji, a
/// space, and a given name of one to three letters, standing apart from
/// other letters: `インタビュー 桐生 紗月 パート1` → `桐生 紗月`.
fn spaced_japanese_names(text: &str) -> Vec<&str> {
    let kanji = |c: char| is_cjk_letter(c) && !is_kana(c) && !is_hangul(c);
    let mut out = Vec::new();
    for (at, space) in text.match_indices([' ', '\u{3000}']) {
        let before = &text[..at];
        let family_len = before.chars().rev().take_while(|&c| kanji(c)).count();
        let after = &text[at + space.len()..];
        let given_len = after
            .chars()
            .take_while(|&c| is_cjk_letter(c) && !is_hangul(c))
            .count();
        // the given name ends the word (`パート1` goes on)
        let closed = after
            .chars()
            .nth(given_len)
            .is_none_or(|c| !c.is_alphanumeric());
        if !(1..=3).contains(&family_len) || !(1..=3).contains(&given_len) || !closed {
            continue;
        }
        let start = before
            .char_indices()
            .rev()
            .nth(family_len - 1)
            .map_or(0, |(i, _)| i);
        let end = at
            + space.len()
            + after
                .chars()
                .take(given_len)
                .map(char::len_utf8)
                .sum::<usize>();
        let name = &text[start..end];
        if fields::is_name_like(name) && shape::unlike_a_name(name, Some("ja")).is_none() {
            out.push(name);
        }
    }
    out
}

/// **Cell names**: the cells of a row set apart by bars (`新北市板橋區|
/// 無黨籍|潘芷菱`) that have a name's shape.
fn cell_names<'t>(text: &'t str, language: Option<&str>) -> Vec<&'t str> {
    const BARS: &[char] = &['|', '｜', '丨'];
    if text.matches(BARS).count() < 2 {
        return Vec::new();
    }
    text.split(BARS)
        .map(str::trim)
        .filter(|cell| !cell.is_ascii() && has_name_shape(cell, language))
        .collect()
}

/// **Name before an honorific**: the CJK name right before an honorific
/// or a word names carry, the longest that has a name's shape:
/// `自称・週末作家の霜月礼司さんです` → `霜月礼司`, `德方主任李明遠先生` →
/// `李明遠` (role `德方主任`), `真柴颯太選手インタビュー` → `真柴颯太`.
fn cjk_before_honorific(text: &str, language: Option<&str>) -> Vec<Mention> {
    let mut out = Vec::new();
    for word in AFTER_NAME {
        for (at, _) in text.match_indices(word) {
            // `大さん橋`: a kana honorific goes on with no Han letter
            let kana = word.starts_with(is_kana);
            if kana
                && text[at + word.len()..].starts_with(|c: char| is_cjk_letter(c) && !is_kana(c))
            {
                continue;
            }
            let run = cjk_run_before(&text[..at]);
            if run.is_empty() {
                continue;
            }
            if let Some((name, role)) = split_title_name(run)
                && has_name_shape(name, language)
            {
                out.push(Mention {
                    name: name.to_owned(),
                    role: short_role(role),
                });
                continue;
            }
            if let Some(name) = longest_name_tail(run, language) {
                out.push(Mention {
                    name: name.to_owned(),
                    role: None,
                });
            }
        }
    }
    out
}

/// The run of CJK letters (no Hangul) that ends `text`.
fn cjk_run_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_cjk_letter(c) && !is_hangul(c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// The longest tail of `run`, two to six letters, that has a name's
/// shape in Japanese or Chinese and opens on a Han letter.
fn longest_name_tail<'r>(run: &'r str, language: Option<&str>) -> Option<&'r str> {
    let letters = run.chars().count();
    run.char_indices().enumerate().find_map(|(k, (at, _))| {
        let tail = &run[at..];
        let n = letters - k;
        let opens_on_particle = tail.starts_with([
            'の', 'は', 'が', 'を', 'に', 'で', 'と', 'も', 'へ', 'や', 'て', 'た', 'す',
        ]);
        // `みなさん`: a name here opens on a Han letter
        let han = tail.starts_with(|c: char| is_cjk_letter(c) && !is_kana(c));
        ((2..=6).contains(&n)
            && han
            && !opens_on_particle
            && !kana_before_han(tail)
            && has_name_shape(tail, language))
        .then_some(tail)
    })
}

/// Whether hiragana stands before a Han letter inside `text`, the last
/// letter aside: where a verb's or an adjective's ending meets the next
/// word (`通う木下遥香`: `通う` then `木下遥香`). A name's kana follow its
/// Han letters (`北浦ゆかり`), but for a last `子` or `代` (`佐藤とし子`).
fn kana_before_han(text: &str) -> bool {
    let letters: Vec<char> = text.chars().collect();
    letters.windows(2).enumerate().any(|(i, pair)| {
        ('\u{3040}'..='\u{309f}').contains(&pair[0])
            && is_cjk_letter(pair[1])
            && !is_kana(pair[1])
            && i + 2 < letters.len()
    })
}

/// Whether `name` has a name's shape on a page in `language`: no doubt
/// of [`fields::doubt_name`], [`fields::is_name_like`], and the shape of
/// its script ([`shape::unlike_a_name`]; Han letters on a page of no CJK
/// language are read as Chinese unless kana is in the name).
fn has_name_shape(name: &str, language: Option<&str>) -> bool {
    let language = match language {
        Some("ja" | "zh") => language,
        _ if name.chars().any(is_kana) => Some("ja"),
        _ => Some("zh"),
    };
    fields::doubt_name(name).is_none()
        && fields::is_name_like(name)
        && shape::unlike_a_name(name, language).is_none()
}

/// [`fields::split_role_name`] where the role ends in a title, not an
/// outlet (`湾区新闻社`): `德方主任李明遠` → (`李明遠`, `德方主任`).
fn split_title_name(run: &str) -> Option<(&str, &str)> {
    fields::split_role_name(run).filter(|(_, role)| fields::is_title_word(role))
}

/// A role read beside a name in running text, from the last function
/// word on (`截住了德方主任` → `德方主任`), when it is short enough to be
/// one.
fn short_role(role: &str) -> Option<String> {
    let role = role.trim();
    let role = role
        .char_indices()
        .rev()
        .find(|(_, c)| {
            matches!(
                c,
                '了' | '的'
                    | '是'
                    | '在'
                    | '和'
                    | '与'
                    | '與'
                    | 'の'
                    | 'は'
                    | 'が'
                    | 'を'
                    | 'に'
                    | '、'
            )
        })
        .map_or(role, |(at, c)| &role[at + c.len_utf8()..]);
    (!role.is_empty() && role.chars().count() <= 16 && fields::doubt_role(role, "").is_none())
        .then(|| role.to_owned())
}

/// **Korean name before a title**: a word of two to four syllables that
/// opens on a common surname, then up to two organisation words and a
/// title or an honorific, particles aside: `노승재 기자가 채윤하
/// 공공의료연구소 소장과 함께` → `노승재` (`기자`), `채윤하` (`공공의료연구소
/// 소장`); `한미경 교장선생님께` → `한미경` (`교장`).
fn korean_before_title(text: &str) -> Vec<Mention> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let name = strip_korean_honorific(word).unwrap_or(word);
        let honoured = name.len() < word.len();
        // `기자가`: a title with its particle, not a name
        if !is_korean_name(name) || is_korean_title(strip_korean_particle(name)) {
            continue;
        }
        if honoured {
            out.push(Mention {
                name: name.to_owned(),
                role: None,
            });
            continue;
        }
        let found = (1..=3).find_map(|k| {
            let last = words.get(i + k)?;
            // `님을`, `씨가`: an honorific written apart, with its particle
            let honorific = KOREAN_HONORIFICS.iter().any(|h| {
                last.strip_prefix(h)
                    .is_some_and(|p| p.is_empty() || KOREAN_PARTICLES.contains(&p))
            });
            if k == 1 && honorific {
                return Some(None);
            }
            let last = strip_korean_particle(last);
            let title = strip_korean_honorific(last).unwrap_or(last);
            let org = &words[i + 1..i + k];
            let org_ok = org
                .iter()
                .all(|w| w.chars().count() >= 2 && w.chars().any(is_hangul));
            (org_ok && is_korean_title(title)).then(|| {
                // `물류AI팀 강도윤 매니저`: the organisation before the name
                let before = i
                    .checked_sub(1)
                    .map(|j| words[j].trim_start_matches(['(', '（', '[', '<', '〈']))
                    .filter(|w| {
                        w.chars().any(is_hangul)
                            && w.chars().all(char::is_alphanumeric)
                            && w.ends_with(ORG_BEFORE_NAME)
                    });
                let mut role: Vec<&str> = before.into_iter().collect();
                role.extend(org);
                role.push(title);
                Some(role.join(" "))
            })
        });
        if let Some(role) = found {
            out.push(Mention {
                name: name.to_owned(),
                role,
            });
        }
    }
    out
}

/// **Korean title**: a title word of [`fields::is_title_word`], a job
/// word (`매니저`, `연구원`, `디자이너`), or Hangul ending in `장` (chief:
/// `교장`, `관장`, `도서부장`), as written right after a name.
fn is_korean_title(word: &str) -> bool {
    const JOBS: &[&str] = &[
        "매니저",
        "디자이너",
        "엔지니어",
        "개발자",
        "연구원",
        "리더",
        "프로",
        "책임",
        "선임",
        "수석",
        "대리",
        "사원",
        "주임",
        "차장",
        "셰프",
        "교사",
        "간호사",
        "의사",
        "변호사",
        "이사",
        "코치",
        "전문의",
        "기자",
        "작가",
        "대표",
        "감독",
        "총장",
    ];
    fields::is_title_word(word)
        || JOBS.iter().any(|j| word.ends_with(j))
        || ((2..=6).contains(&word.chars().count())
            && word.chars().all(is_hangul)
            && word.ends_with('장'))
}

/// A Korean name: two to four syllables, the shape of
/// [`shape::unlike_a_name`].
fn is_korean_name(word: &str) -> bool {
    // `신문사`, `교육청`: an organisation's ending
    const ORG_ENDINGS: &[char] = &[
        '사', '회', '부', '청', '국', '실', '팀', '처', '단', '당', '터', '업',
    ];
    // `전하며`, `하고`: a verb's ending
    const VERB_ENDINGS: &[char] = &[
        '며', '고', '다', '면', '게', '를', '을', '에', '와', '과', '로', '께', '요', '니', '만',
        '이',
    ];
    (2..=4).contains(&word.chars().count())
        && word.chars().all(is_hangul)
        && !word.ends_with(ORG_ENDINGS)
        && !word.ends_with(VERB_ENDINGS)
        && shape::unlike_a_name(word, Some("ko")).is_none()
}

/// `word` without a Korean honorific at its end (`달팽이님` → `달팽이`).
fn strip_korean_honorific(word: &str) -> Option<&str> {
    KOREAN_HONORIFICS
        .iter()
        .find_map(|h| word.strip_suffix(h))
        .filter(|w| !w.is_empty())
}

/// `word` without a particle at its end (`소장과` → `소장`).
fn strip_korean_particle(word: &str) -> &str {
    let word = word.trim_end_matches(['.', ',', '·']);
    KOREAN_PARTICLES
        .iter()
        .find_map(|p| {
            word.strip_suffix(p).filter(|w| {
                w.chars().count() >= 2 && is_korean_title(strip_korean_honorific(w).unwrap_or(w))
            })
        })
        .unwrap_or(word)
}

/// **Role, then a Chinese name**: a run of CJK letters that ends in a
/// title and a name of two or three letters, at a stop:
/// `…航运集团工程部经理周启航,他谈到` → `周启航` (`航运集团工程部经理`).
fn role_then_cjk_name(text: &str, language: Option<&str>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut start = None;
    let mut runs: Vec<&str> = Vec::new();
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let letter = is_cjk_letter(c) && !is_hangul(c) && !is_kana(c);
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    for run in runs {
        if let Some((name, role)) = split_title_name(run)
            && (2..=3).contains(&name.chars().count())
            && has_name_shape(name, language)
        {
            out.push(Mention {
                name: name.to_owned(),
                role: short_role(role),
            });
        }
    }
    out
}

/// **Profile line**: a short line that is a name and its role alone,
/// as captions and profile boxes write them (`[김도윤 / 한강시장]`,
/// `KIM Min-jun, Director of Research`), by [`names::mention`] or
/// [`fields::name_and_role`].
fn profile_line(text: &str) -> Option<Mention> {
    if text.chars().count() > 40 || fields::is_prose(text) {
        return None;
    }
    let (name, role) = fields::name_and_role(text).or_else(|| {
        let (inner, after) = crate::form::markers::bracketed(text)?;
        text[after..]
            .trim()
            .is_empty()
            .then(|| fields::name_and_role(inner))
            .flatten()
    })?;
    Some(Mention {
        name: name.to_owned(),
        role: Some(role.to_owned()),
    })
}

/// Capitalised words that open sentences and are no part of a name.
const SENTENCE_WORDS: &[&str] = &[
    "If", "The", "And", "But", "So", "We", "You", "He", "She", "It", "They", "In", "On", "At",
    "Of", "For", "With", "This", "That", "When", "What", "Why", "How", "Yes", "No", "Well", "Oh",
    "Thanks", "Hey", "Hi", "Our", "My", "Your", "His", "Her", "Their", "As", "By", "From", "To",
    "A", "An", "Or", "Then", "Now", "Here", "There", "Do", "Did", "Is", "Are", "Was", "Can",
];

/// **Latin name**: two or three capitalised words (a family name may be
/// in capitals, a particle such as `van` may sit inside) that have the
/// shape of a name, with the role written right before them, and whether
/// they open a sentence: `Logistics AI team manager KANG Do-yun joined`
/// → `KANG Do-yun` (`Logistics AI team manager`, no sentence start).
fn latin_names(text: &str) -> Vec<(Mention, bool)> {
    // a name is two capitalised words in a row at least: a line without
    // two such words side by side holds none
    let upper = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    let mut prev_upper = false;
    let paired = text.split(' ').filter(|w| !w.is_empty()).any(|w| {
        let now = upper(w);
        let pair = prev_upper && now;
        prev_upper = now;
        pair
    });
    if !paired {
        return Vec::new();
    }
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let capital = |w: &str| {
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        let bare = w.trim_end_matches([',', '.', ':', ';', '?', '!', ')', '’', '\'']);
        let bare = bare
            .strip_suffix("’s")
            .or(bare.strip_suffix("'s"))
            .unwrap_or(bare);
        bare.len() >= 2
            && bare.starts_with(|c: char| c.is_ascii_uppercase())
            && bare.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'')
            && !SENTENCE_WORDS.contains(&bare)
            // `O'Neill`, not `I'm`
            && bare
                .split_once('\'')
                .is_none_or(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_uppercase()))
            && bare.chars().any(|c| c.is_ascii_lowercase() || bare.len() <= 12)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // a run ends at a word that ends a clause (`Do-yun.`)
        let mut run = 0;
        for (_, w) in &words[i..] {
            if !capital(w) {
                break;
            }
            run += 1;
            if w.ends_with([',', '.', ':', ';', '?', '!', ')']) {
                break;
            }
        }
        if run < 2 {
            i += 1;
            continue;
        }
        // a long run holds the role first: the name is after its last
        // role word (`Logistics AI Team Manager KANG Do-yun`)
        let first = words[i..i + run]
            .iter()
            .rposition(|(_, w)| names::is_role_word(w))
            .map_or(0, |j| j + 1);
        let name_words = run - first;
        if !(2..=3).contains(&name_words) {
            i += run;
            continue;
        }
        let (start, _) = words[i + first];
        let (last_at, last) = words[i + run - 1];
        let end = last_at
            + last
                .trim_end_matches([',', '.', ':', ';', '?', '!', ')', '’', '\''])
                .len();
        let end = if text[..end].ends_with("’s") || text[..end].ends_with("'s") {
            end - text[..end]
                .chars()
                .rev()
                .take(2)
                .map(char::len_utf8)
                .sum::<usize>()
        } else {
            end
        };
        let name = &text[start..end];
        let (bare, title) = names::without_titles(name);
        let bare = names::without_post_nominals(bare);
        let opens = i == 0
            || words[i - 1]
                .1
                .ends_with(['.', '?', '!', ':', '"', '“', '”']);
        if bare.split_whitespace().count() >= 2
            && fields::doubt_name(bare).is_none()
            && fields::is_name_like(bare)
            && shape::unlike_a_name(bare, None).is_none()
        {
            let role = names::role_before_name(text, bare)
                .map(str::to_owned)
                .or_else(|| title.map(str::to_owned));
            out.push((
                Mention {
                    name: bare.to_owned(),
                    role,
                },
                opens,
            ));
        }
        i += run;
    }
    out
}

/// **Name before a colon**: a headline that writes a name (after any
/// role) and a colon, then what they said: `材料系林书维:写给新生的话` →
/// `林书维` (role `材料系`). The part before the colon is short, and the
/// name has its script's shape.
fn name_before_colon(text: &str, language: Option<&str>) -> Vec<Mention> {
    let Some(at) = text.find([':', '：']) else {
        return Vec::new();
    };
    let head = text[..at].trim();
    let rest = text[at..].chars().skip(1).collect::<String>();
    if rest.trim().is_empty() || head.chars().count() > 16 || head.is_empty() {
        return Vec::new();
    }
    if !head.chars().all(|c| is_cjk_letter(c) && !is_hangul(c)) {
        return Vec::new();
    }
    let letters: Vec<(usize, char)> = head.char_indices().collect();
    for k in [3, 2] {
        let Some(&(split, _)) = letters.len().checked_sub(k).and_then(|i| letters.get(i)) else {
            continue;
        };
        let (role, name) = head.split_at(split);
        if names::is_common_chinese_surname(name.chars().next().unwrap_or(' '))
            && has_name_shape(name, language)
        {
            return vec![Mention {
                name: name.to_owned(),
                role: short_role(role),
            }];
        }
    }
    Vec::new()
}

/// How strongly the page bears out `mention` as the interviewee, on a
/// page in `language`:
///
/// - its shape: a name in doubt (a site line, a field key, a sentence:
///   −6), without the shape of a name in its script (−3), else +1;
/// - a label that answers names it (+3); one that asks does, or the
///   header's interviewer is it (−6);
/// - each further time the page writes it (+1, up to +3);
/// - a role written with it that is no doubtful one (+1), a reporter's
///   (`기자`, `记者`: −4);
/// - written before the first question (`header`: +1).
pub(crate) fn score(
    page: &Page<'_>,
    mention: &Mention,
    context: &Context<'_>,
    header: bool,
) -> i32 {
    let Context {
        answerers,
        askers,
        language,
        ..
    } = *context;
    let name = mention.name.as_str();
    // `Dr. Jane Holm`: the shape is the name's, its courtesy words aside
    let shaped = match names::without_titles(name).0 {
        "" => name,
        bare => bare,
    };
    let mut score = 0;
    if fields::doubt_name(name).is_some() || !fields::is_name_like(name) {
        score -= 6;
    } else if shape::unlike_a_name(shaped, language).is_some() {
        score -= 3;
    } else {
        score += 1;
    }
    if answerers.iter().any(|l| answers_as(l, name)) {
        score += 3;
    }
    if askers
        .iter()
        .any(|l| names::label_names(l, name, None) || l.contains(name))
        || asked_by(page.text, name)
    {
        score -= 6;
    }
    let written = names::times_written(page.text, name, 4) as i32;
    score += (written - 1).clamp(0, 3);
    if let Some(role) = mention.role.as_deref()
        && fields::doubt_role(role, name).is_none()
    {
        score += if is_reporter(role) { -4 } else { 1 };
    }
    if header {
        score += 1;
    }
    score
}

/// **Full name for initials**: the name the page writes in full for a
/// label that is its initials (`LH` → `Lena Holt`), among the Latin
/// names of its lines; the one written most, `None` when none fits.
pub(crate) fn full_name_for(page: &Page<'_>, label: &str) -> Option<String> {
    let letters: String = label.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    let initials =
        (2..=4).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase());
    if !initials {
        return None;
    }
    let mut best: Option<(usize, String)> = None;
    for line in page.lines {
        for (mention, _) in latin_names(&line.text) {
            if crate::form::labels::initials_of(&letters, &mention.name) {
                let written = names::times_written(page.text, &mention.name, 8);
                if best.as_ref().is_none_or(|(n, _)| written > *n) {
                    best = Some((written, mention.name));
                }
            }
        }
    }
    best.map(|(_, name)| name)
}

/// **Asked by**: whether `text` credits `name` with the asking, as
/// credits do: `Interview by Nadia Brooks`, `Interviewed by` over the
/// name's line, `Interviewer—Maya Okafor`, `记者韩蕾`, `聞き手：道上尚史`.
fn asked_by(text: &str, name: &str) -> bool {
    const CREDITS: &[&str] = &[
        "interview by",
        "interviewed by",
        "interviewer",
        "记者",
        "記者",
        "聞き手",
        "기자",
    ];
    const BETWEEN: &[char] = &[' ', '\n', '\r', ':', '：', '—', '–', '-', '―', '|'];
    text.match_indices(name).any(|(at, _)| {
        let head = &text[..at];
        let before = head.trim_end_matches(BETWEEN);
        head.len() - before.len() <= 8
            && CREDITS.iter().any(|c| {
                before.len() >= c.len()
                    && before.is_char_boundary(before.len() - c.len())
                    && before[before.len() - c.len()..].eq_ignore_ascii_case(c)
            })
    })
}

/// **Listed with others**: whether `text` writes `name` in a list of
/// names (`省人大代表郭淑芬、林海生、潘秀兰`): the page speaks with several
/// people, and one of them is no sure choice.
pub(crate) fn listed_with_others(text: &str, name: &str) -> bool {
    const SEPARATORS: &[char] = &['、', '，', ','];
    text.match_indices(name).any(|(at, _)| {
        let after = &text[at + name.len()..];
        let before = &text[..at];
        // a name of two or three letters on the other side of the comma
        let named = |run: String| {
            (2..=3).contains(&run.chars().count())
                && (is_korean_name(&run)
                    || run
                        .chars()
                        .next()
                        .is_some_and(names::is_common_chinese_surname))
        };
        let next = after.strip_prefix(SEPARATORS).map(|rest| {
            rest.chars()
                .take_while(|&c| is_cjk_letter(c))
                .collect::<String>()
        });
        let previous = before.strip_suffix(SEPARATORS).map(|rest| {
            let run: Vec<char> = rest
                .chars()
                .rev()
                .take_while(|&c| is_cjk_letter(c))
                .collect();
            run.into_iter().rev().collect::<String>()
        });
        !name.is_ascii() && [next, previous].into_iter().flatten().any(named)
    })
}

/// **Answers as**: whether the answering label `label` (or the name it
/// declares) stands for `name`: [`names::label_names`], or a CJK surname
/// the label writes with a title (`真柴選手` for `真柴颯太`).
pub(crate) fn answers_as(label: &str, name: &str) -> bool {
    if names::label_names(label, name, None) {
        return true;
    }
    let (bare, _) = names::without_titles(label);
    !bare.is_ascii()
        && bare.chars().count() >= 2
        && bare.len() < name.len()
        && name.starts_with(bare)
}

/// Whether `role` is a reporter's (`기자`, `记者`, `reporter`): the
/// person who asks, as a rule.
fn is_reporter(role: &str) -> bool {
    let lower = role.to_lowercase();
    ["기자", "记者", "記者", "reporter", "correspondent"]
        .iter()
        .any(|r| lower.ends_with(r))
}

use super::shape::is_kana;
use crate::form::fields::is_hangul;

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(found: Vec<Mention>) -> Vec<(String, Option<String>)> {
        found.into_iter().map(|m| (m.name, m.role)).collect()
    }

    fn m(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_owned(), role.map(str::to_owned))
    }

    #[test]
    fn a_cjk_name_before_an_honorific() {
        assert_eq!(
            names_of(cjk_before_honorific(
                "本日のゲストは、自称・週末作家の霜月礼司さんです",
                Some("ja")
            )),
            [m("霜月礼司", None)]
        );
        assert_eq!(
            names_of(cjk_before_honorific(
                "截住了德方主任李明遠先生。",
                Some("zh")
            )),
            [m("李明遠", Some("德方主任"))]
        );
        assert_eq!(
            names_of(cjk_before_honorific(
                "お待たせしました!真柴颯太選手インタビュー",
                Some("ja")
            )),
            [m("真柴颯太", None)]
        );
        assert_eq!(
            names_of(cjk_before_honorific(
                "今回は、市立看護専門学校に通う木下遥香さんにうかがいました。",
                Some("ja")
            )),
            [m("木下遥香", None)]
        );
        assert!(cjk_before_honorific("みなさん、こんにちは", Some("ja")).is_empty());
        assert!(cjk_before_honorific("横浜港大さん橋にて", Some("ja")).is_empty());
    }

    #[test]
    fn a_korean_name_before_a_title() {
        assert_eq!(
            names_of(korean_before_title(
                "노승재 기자가 채윤하 공공의료연구소 소장과 함께 짚어드립니다."
            )),
            [
                m("노승재", Some("기자")),
                m("채윤하", Some("공공의료연구소 소장"))
            ]
        );
        assert_eq!(
            names_of(korean_before_title("답변은 한미경 교장선생님께 듣는다.")),
            [m("한미경", Some("교장"))]
        );
        assert_eq!(
            names_of(korean_before_title(
                "편집부 신입사원 윤서하 님을 만났습니다"
            )),
            [m("윤서하", None)]
        );
        assert!(korean_before_title("지방 의대 정원 배정 결과가 발표되자").is_empty());
    }

    #[test]
    fn a_role_then_a_chinese_name() {
        assert_eq!(
            names_of(role_then_cjk_name(
                "专访了渡口改造项目负责人、航运集团工程部经理周启航,他谈到,",
                Some("zh")
            )),
            [m("周启航", Some("航运集团工程部经理"))]
        );
    }

    #[test]
    fn a_name_before_a_headlines_colon() {
        assert_eq!(
            names_of(name_before_colon("材料系林书维:写给新生的话", Some("zh"))),
            [m("林书维", Some("材料系"))]
        );
        assert!(name_before_colon("发布时间:2015/10/27", Some("zh")).is_empty());
        // a section line is no name
        assert!(name_before_colon("湾区新闻:渡口", Some("zh")).is_empty());
    }

    #[test]
    fn a_credit_names_who_asks() {
        assert!(asked_by(
            "Oyelaran, Margaret. Interview by Nadia Brooks.",
            "Nadia Brooks"
        ));
        assert!(asked_by(
            "Interviewed by\nNadia Brooks, Class of 2017",
            "Nadia Brooks"
        ));
        assert!(asked_by("湾区新闻记者韩蕾专访了", "韩蕾"));
        assert!(asked_by(
            "CLIP Interviewer—Maya Okafor If you",
            "Maya Okafor"
        ));
        assert!(!asked_by("Interview by Nadia Brooks.", "Margaret Oyelaran"));
    }

    #[test]
    fn latin_names_in_a_line() {
        let found: Vec<(String, Option<String>, bool)> = latin_names(
            "Talks with Logistics AI Team Manager KANG Do-yun. Ines Carvalho spoke. Maya Okafor If",
        )
        .into_iter()
        .map(|(m, opens)| (m.name, m.role, opens))
        .collect();
        assert_eq!(
            found,
            [
                (
                    "KANG Do-yun".to_owned(),
                    Some("Logistics AI Team Manager".to_owned()),
                    false
                ),
                ("Ines Carvalho".to_owned(), None, true),
                ("Maya Okafor".to_owned(), None, true)
            ]
        );
        assert_eq!(
            latin_names("an interview with Chief Engineer Ola Brandvik today")
                .into_iter()
                .map(|(m, _)| (m.name, m.role))
                .collect::<Vec<_>>(),
            [m("Ola Brandvik", Some("Chief Engineer"))]
        );
    }

    #[test]
    fn a_korean_name_inside_a_headlines_role() {
        assert_eq!(
            names_of(korean_before_title("물류AI팀 강도윤 매니저가 말하는 일")),
            [m("강도윤", Some("물류AI팀 매니저"))]
        );
        assert_eq!(
            names_of(korean_before_title(
                "<기획> (한빛도서울학사 정태윤 관장 인터뷰)"
            )),
            [m("정태윤", Some("한빛도서울학사 관장"))]
        );
    }

    #[test]
    fn initials_written_in_full() {
        let text = "Lena Holt talks tides.\nLH: Yes.\nQ: Why?\nLH: Because.\n";
        let source = crate::source::Source::from_text("t.txt", text);
        let lines = super::super::lines::collect(
            &source,
            &mut Vec::new(),
            &mut crate::diagnostic::ErrorLimit::default().tally(),
        );
        let page = super::super::classify::page(text, &lines);
        assert_eq!(full_name_for(&page, "LH").as_deref(), Some("Lena Holt"));
        assert_eq!(full_name_for(&page, "KW"), None);
    }

    #[test]
    fn a_label_with_a_title_answers_as_the_full_name() {
        assert!(answers_as("真柴選手", "真柴颯太"));
        assert!(!answers_as("真柴選手", "岩瀬"));
    }

    #[test]
    fn spaced_japanese_names_and_cell_names() {
        assert_eq!(
            spaced_japanese_names("インタビュー 桐生 紗月 パート1"),
            ["桐生 紗月"]
        );
        assert!(spaced_japanese_names("営業部 第二課のみなさん").is_empty());
        assert_eq!(
            cell_names("新北市板橋區|無黨籍|潘芷菱", Some("zh")),
            ["潘芷菱"]
        );
        assert!(cell_names("首页|新闻|体育", Some("zh")).is_empty());
    }

    #[test]
    fn a_courtesy_word_does_not_spoil_a_names_shape() {
        let text = "Dr. Jane Holm\nQ: Why?\nA: Because.\n";
        let source = crate::source::Source::from_text("t.txt", text);
        let lines = super::super::lines::collect(
            &source,
            &mut Vec::new(),
            &mut crate::diagnostic::ErrorLimit::default().tally(),
        );
        let page = super::super::classify::page(text, &lines);
        let context = Context {
            answerers: &[],
            askers: &[],
            language: Some("en"),
            first_question: usize::MAX,
        };
        let mention = |name: &str| Mention {
            name: name.to_owned(),
            role: None,
        };
        // the shape's point and the header's
        assert_eq!(score(&page, &mention("Dr. Jane Holm"), &context, true), 2);
        assert_eq!(score(&page, &mention("Jane Holm"), &context, true), 2);
    }

    #[test]
    fn a_name_in_a_list_of_names() {
        assert!(listed_with_others(
            "省人大代表郭淑芬、林海生、潘秀兰,话题",
            "郭淑芬"
        ));
        assert!(!listed_with_others(
            "航运集团工程部经理周启航,他谈到",
            "周启航"
        ));
    }

    #[test]
    fn a_profile_line_is_a_name_and_its_role() {
        assert_eq!(
            profile_line("[김도윤 / 한강시장]").map(|m| (m.name, m.role)),
            Some(m("김도윤", Some("한강시장")))
        );
        assert!(profile_line("Thanks for coming, Dana, it was fun.").is_none());
    }
}
