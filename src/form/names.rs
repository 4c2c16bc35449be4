//! Rules on people's names met outside a name line: titles and honorifics
//! around a name (`SECRETARY OKAFOR`, `Mr Dallow`, `박서연 씨`,
//! `森下さん`), and names mentioned in a headline or an introduction
//! (`Transcript of Interview with Ines Carvalho`, `专访市文化局局长张明`,
//! `[인터뷰] 박서연 한빛대 교수 "…"`).

use super::chars::{is_cjk_letter, is_hiragana, with_lowercase};
use super::fields::{is_name_like, name_and_role};

/// Words that may stand before a Latin name as a title or honorific.
/// Those after `Mr`-like courtesy words are titles a role can carry.
const COURTESY: &[&str] = &[
    "the", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "mx",
];
const TITLES: &[&str] = &[
    "prof",
    "prof.",
    "professor",
    "secretary",
    "president",
    "minister",
    "governor",
    "mayor",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "lt.",
    "atty.",
    "representative",
    "ambassador",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "judge",
    "justice",
    "general",
    "gen.",
    "captain",
    "coach",
    "commissioner",
    "chancellor",
    "premier",
    "prime",
    "deputy",
    "vice",
    "chief",
    "executive",
    "ceo",
    "speaker",
];

/// Honorifics written after a CJK name.
const CJK_HONORIFICS: &[&str] = &[
    "選手",
    "选手",
    "선생님",
    "님",
    "씨",
    "先生",
    "女士",
    "さん",
    "様",
    "氏",
    "君",
    "くん",
    "ちゃん",
    "先輩",
];

/// A name without the titles and honorifics around it, and the titles a
/// role can carry: `SECRETARY OKAFOR` → (`OKAFOR`, `SECRETARY`),
/// `Mr Dallow` → (`Dallow`, none), `THE GOVERNOR` → (``, `GOVERNOR`),
/// `森下さん` → (`森下`, none).
pub(crate) fn without_titles(text: &str) -> (&str, Option<&str>) {
    let mut rest = text.trim();
    for honorific in CJK_HONORIFICS {
        if let Some(bare) = rest.strip_suffix(honorific).map(str::trim_end)
            && bare.chars().rev().take(2).count() == 2
            && bare.chars().next_back().is_some_and(is_cjk_letter)
        {
            return (bare.trim_end(), None);
        }
    }
    // `배우 서도현`, `작곡가 남궁율`: an occupation, then a Korean name
    if let Some((role, name)) = rest.split_once(' ')
        && is_korean_name(name)
        && is_korean_occupation(role)
    {
        return (name, Some(role));
    }
    let mut title: Option<(usize, usize)> = None;
    // `Oregon Gov. Marlene Osterhout`, `U.S. Sen. Ann Lee`: a place before
    // the title, where a name of two words at least follows it
    let mut words = rest.split_whitespace();
    if let (Some(place), Some(second)) = (words.next(), words.next())
        && place.starts_with(|c: char| c.is_ascii_uppercase())
        && !with_lowercase(place, |w| COURTESY.contains(&w) || TITLES.contains(&w))
        && with_lowercase(second, |w| TITLES.contains(&w))
        && words.count() >= 2
    {
        let at = text.len() - rest.len();
        title = Some((at, at + place.len()));
        rest = rest[place.len()..].trim_start();
    }
    loop {
        let word = rest.split_whitespace().next().unwrap_or("");
        let (courtesy, titled) =
            with_lowercase(word, |w| (COURTESY.contains(&w), TITLES.contains(&w)));
        if word.is_empty() || !(courtesy || titled) {
            break;
        }
        let at = text.len() - rest.len();
        if titled {
            let start = title.map_or(at, |(s, _)| s);
            title = Some((start, at + word.len()));
        }
        rest = rest[word.len()..].trim_start();
    }
    // `Speaker 2`: a party a transcript numbers, no title and a name
    if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
        return (text.trim(), None);
    }
    (rest, title.map(|(s, e)| &text[s..e]))
}

/// Whether the Latin `word` is a title or a role noun (`Manager`,
/// `Secretary`, `Chief`), any case.
pub(crate) fn is_role_word(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ':']);
    with_lowercase(word, |w| TITLES.contains(&w) || ROLE_NOUNS.contains(&w))
}

/// **Title alone**: a title or position with no name (`Chancellor`,
/// `THE GOVERNOR`, `市長`, `위원장`), as pages label their interviewee by
/// office.
pub(crate) fn is_title_alone(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() {
        return false;
    }
    if text.is_ascii() {
        return without_titles(text).0.is_empty() && without_titles(text).1.is_some();
    }
    super::fields::is_title_word(text) && !super::fields::is_name_like(text)
}

/// **Korean subject**: an occupation, then a name of three syllables
/// with its subject or topic particle: `가수 한소리가` → (`한소리`,
/// `가수`). `None` unless the occupation reads as one.
fn korean_subject(text: &str) -> Option<(&str, Option<&str>)> {
    let (role, rest) = text.split_once(' ')?;
    let name = rest.strip_suffix(['이', '가', '은', '는'])?;
    (is_korean_occupation(role) && name.chars().count() == 3 && is_korean_name(name))
        .then_some((name, Some(role)))
}

/// A CJK name without the honorific written after it (`ぽんた先輩` →
/// `ぽんた`, `윤다온 님` → `윤다온`); other names as they are.
pub(crate) fn without_honorific(name: &str) -> &str {
    match without_titles(name) {
        (bare, None) if bare.len() < name.trim().len() && bare.chars().all(is_cjk_letter) => bare,
        _ => name,
    }
}

/// A name without the courtesy words before it (`Dr. Jane Holm` → `Jane
/// Holm`, `Ms Ada Ruiz` → `Ada Ruiz`); titles a role carries stay (see
/// [`without_titles`]), and a name of one word keeps its courtesy word.
pub(crate) fn without_courtesy(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((word, after)) = rest.split_once(' ') else {
            return rest;
        };
        let courtesy = with_lowercase(word, |w| COURTESY.contains(&w) && w != "the");
        if !courtesy || after.split_whitespace().count() < 2 {
            return rest;
        }
        rest = after.trim_start();
    }
}

/// Two to four Hangul syllables.
fn is_korean_name(text: &str) -> bool {
    (2..=4).contains(&text.chars().count()) && text.chars().all(|c| ('가'..='힣').contains(&c))
}

/// A Korean occupation word: Hangul ending as occupations do (`배우`,
/// `작곡가`, `감독`, `교수`, `선수`, `대표`, `위원장`).
fn is_korean_occupation(text: &str) -> bool {
    const ENDINGS: &[char] = &[
        '가', '사', '자', '수', '장', '원', '독', '우', '관', '표', '님',
    ];
    (2..=6).contains(&text.chars().count())
        && text.chars().all(|c| ('가'..='힣').contains(&c))
        && text.ends_with(ENDINGS)
}

/// Letters after a name that are honours and degrees, not the name:
/// `Helen Marsh-Tobin AM GAICD` → `Helen Marsh-Tobin`.
pub(crate) fn without_post_nominals(name: &str) -> &str {
    const POST_NOMINALS: &[&str] = &[
        "AM", "AO", "AC", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD", "Ph.D.", "MD", "MP", "QC",
        "KC", "GAICD", "FAICD", "FRS", "Jr.", "Jr", "Sr.", "Sr", "Esq.",
    ];
    let mut end = name.trim_end().len();
    loop {
        let head = name[..end].trim_end_matches([',', ' ']);
        let Some((before, last)) = head.rsplit_once(' ') else {
            return &name[..end];
        };
        if !POST_NOMINALS.contains(&last) || before.split_whitespace().count() < 2 {
            return &name[..end];
        }
        end = before.trim_end_matches([',', ' ']).len();
    }
}

/// The person who holds `title` (a label such as `財政司司長` or `위원장`)
/// where the page writes the two together: the name right after a Chinese
/// or Japanese title (`財政司司長黎志恆出席…` → `黎志恆`, the name taken as
/// three letters when more follow), or right before a Korean one with a
/// space (`박선영 위원장`). `None` unless `title` ends as a title does.
pub(crate) fn holder_of(text: &str, title: &str) -> Option<String> {
    let title = title.trim();
    if title.is_ascii() {
        return latin_holder_of(text, title);
    }
    if !super::fields::is_title_word(title) {
        return None;
    }
    let hangul = title
        .chars()
        .all(|c| ('가'..='힣').contains(&c) || c == ' ');
    text.match_indices(title).find_map(|(at, _)| {
        if hangul {
            let before = text[..at].strip_suffix(' ')?;
            let name: String = before
                .chars()
                .rev()
                .take_while(|c| ('가'..='힣').contains(c))
                .collect();
            let name: String = name.chars().rev().collect();
            return is_korean_name(&name).then_some(name);
        }
        let run: String = text[at + title.len()..]
            .chars()
            .take_while(|&c| is_cjk_letter(c) && !('\u{3040}'..='\u{309f}').contains(&c))
            .take(4)
            .collect();
        let name: String = match run.chars().count() {
            2 | 3 => run,
            4 => run.chars().take(3).collect(),
            _ => return None,
        };
        // `財政司司長於經濟匯報會…`: a preposition, not a surname
        let surname = name
            .chars()
            .next()
            .is_some_and(|c| COMMON_SURNAMES.contains(c));
        (surname && is_name_like(&name)).then_some(name)
    })
}

/// The ways a CJK label splits into a surname of two letters or one and
/// a title of two letters or more (`木島町長` → `木島` + `町長`), two
/// letters first.
fn surname_splits(label: &str) -> Vec<(&str, &str)> {
    let letters: Vec<(usize, char)> = label.char_indices().collect();
    if !label.chars().all(is_cjk_letter) || letters.len() < 3 {
        return Vec::new();
    }
    // the shortest title at the end first (`李明遠教授` → `李明遠` +
    // `教授`, not `李明` + `遠教授`), when what is left may be a name
    let shortest = (2..letters.len())
        .rev()
        .map(|k| label.split_at(letters[k].0))
        .find(|(_, title)| super::fields::is_title_word(title))
        .filter(|(surname, _)| (2..=3).contains(&surname.chars().count()));
    shortest
        .into_iter()
        .chain([2, 1].into_iter().filter_map(|k| {
            let (surname, title) = label.split_at(letters.get(k)?.0);
            (title.chars().count() >= 2 && super::fields::is_title_word(title))
                .then_some((surname, title))
        }))
        .collect()
}

/// **Title inside the name**: a label that is a surname, a title and the
/// given name (`周部長明遠`, as gazettes print officials) → (`周明遠`,
/// `部長`); the surname must be a common one.
pub(crate) fn title_inside_name(label: &str) -> Option<(String, &str)> {
    let label = label.trim();
    let mut chars = label.char_indices();
    let (_, surname) = chars.next()?;
    let after = chars.next()?.0;
    if !COMMON_SURNAMES.contains(surname) || !label.chars().all(is_cjk_letter) {
        return None;
    }
    let rest = &label[after..];
    // the title, then a given name of one or two letters
    [2, 1].into_iter().find_map(|given_len| {
        let count = rest.chars().count();
        if count < given_len + 2 {
            return None;
        }
        let split = rest.char_indices().nth(count - given_len)?.0;
        let (title, given) = rest.split_at(split);
        super::fields::is_title_word(title).then(|| (format!("{surname}{given}"), title))
    })
}

/// **Full name and title**: a CJK run that is a full name of three to
/// five letters and a title after it: `柘植航平監督` → (`柘植航平`, `監督`);
/// the shortest title that leaves such a name.
fn full_name_and_title(run: &str) -> Option<(&str, &str)> {
    let letters: Vec<(usize, char)> = run.char_indices().collect();
    (1..letters.len()).rev().find_map(|k| {
        let (at, _) = letters[k];
        let (name, title) = run.split_at(at);
        ((3..=5).contains(&k)
            && super::fields::is_title_word(title)
            && !super::fields::is_title_word(name)
            && super::fields::is_name_like(name))
        .then_some((name, title))
    })
}

/// **Surname and title**: a CJK label that is a surname and a title and
/// the page writes no fuller (`森川市長` → (`森川`, `市長`)); a one-letter
/// surname must be a common one.
pub(crate) fn surname_and_title(label: &str) -> Option<(&str, &str)> {
    surname_splits(label.trim())
        .into_iter()
        .find(|(surname, _)| {
            surname.chars().count() == 2
                || surname
                    .chars()
                    .next()
                    .is_some_and(|c| COMMON_SURNAMES.contains(c))
        })
        .filter(|(surname, _)| !super::fields::is_title_word(surname))
}

/// **Surname-and-title label**: a CJK label that is a surname and a title
/// (`木島町長`, `周部長`), where the page writes the full name before the
/// title (`木島里美町長`) → (`木島里美`, `町長`). Surnames of two letters
/// are tried before one.
pub(crate) fn titled_in_full(text: &str, label: &str) -> Option<(String, String)> {
    let label = label.trim();
    surname_splits(label)
        .into_iter()
        .find_map(|(surname, title)| {
            text.match_indices(surname).find_map(|(i, _)| {
                let rest = &text[i + surname.len()..];
                let given = rest.find(title)?;
                let given_name = &rest[..given];
                let full = format!("{surname}{given_name}");
                ((1..=3).contains(&given_name.chars().count())
                    && given_name.chars().all(is_cjk_letter)
                    && is_name_like(&full))
                .then(|| (full, title.to_owned()))
            })
        })
}

/// **Latin title holder**: the name of two words or more that follows a
/// Latin title where the page writes them together, courtesy words
/// skipped: `Chancellor Dr. Amara Quist’s address` → `Amara Quist` for
/// `Chancellor`, `THE GOVERNOR` for `Governor Alma Reyes`.
fn latin_holder_of(text: &str, title: &str) -> Option<String> {
    let (bare, Some(title)) = without_titles(title) else {
        return None;
    };
    if !bare.is_empty() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let wanted = title.to_ascii_lowercase();
    lower.match_indices(&wanted).find_map(|(at, _)| {
        let end = at + wanted.len();
        let whole = !text[..at].ends_with(char::is_alphanumeric)
            && text[end..].starts_with(' ')
            && text[at..].starts_with(char::is_uppercase);
        if !whole {
            return None;
        }
        let found = latin_name_at(text, end + 1, false)?;
        (found.name.split_whitespace().count() >= 2).then_some(found.name)
    })
}

/// A speaker label's name as the page writes it in full elsewhere: a
/// label in capitals as the page spells it in running text (`PAUL
/// AMBERLEY` → `Paul Amberley`), a surname with the given name before it
/// (`CALLOWAY` → `Nadia Calloway`, not after a title: `Secretary Okafor`
/// → `Okafor`), a CJK surname with the given name after it (`大西` →
/// `大西かれん` before an honorific, a space or a stop). `None` when the
/// page writes it no other way.
pub(crate) fn written_in_full(text: &str, label: &str) -> Option<String> {
    let label = label.trim();
    if label.is_empty() {
        return None;
    }
    if let Some(spaced) = spaced_in_full(text, label) {
        return Some(spaced);
    }
    if label.is_ascii() {
        let capitals = label.chars().any(|c| c.is_ascii_uppercase())
            && !label.chars().any(|c| c.is_ascii_lowercase());
        if !capitals {
            return None;
        }
        let lower = text.to_ascii_lowercase();
        let wanted = label.to_ascii_lowercase();
        return lower.match_indices(&wanted).find_map(|(at, _)| {
            let found = &text[at..at + label.len()];
            let end = at + label.len();
            let whole = !text[..at].ends_with(|c: char| c.is_alphanumeric())
                && !text[end..].starts_with(|c: char| c.is_alphanumeric());
            let mixed = found.chars().any(|c| c.is_ascii_lowercase())
                && found
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            if !(whole && mixed) {
                return None;
            }
            // a given name before a surname alone
            let before = text[..at].trim_end_matches(' ');
            let given = before
                .rsplit(|c: char| !c.is_alphabetic() && c != '-')
                .next()
                .unwrap_or("");
            let titled = without_titles(given).1.is_some() || without_titles(given).0.is_empty();
            let full = label.split_whitespace().count() == 1
                && before.len() + 1 == at
                && given.len() >= 2
                && given.starts_with(|c: char| c.is_uppercase())
                && given.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                && !titled;
            Some(if full {
                format!("{given} {found}")
            } else {
                found.to_owned()
            })
        });
    }
    let cjk_surname = label.chars().all(is_cjk_letter) && (1..=2).contains(&label.chars().count());
    if !cjk_surname {
        return None;
    }
    text.match_indices(label).find_map(|(at, _)| {
        let rest = &text[at + label.len()..];
        let run: String = rest.chars().take_while(|&c| is_cjk_letter(c)).collect();
        // the given name ends at an honorific (`かれんさんに…`), else the run
        // must end at a space or a stop
        let honorific = CJK_HONORIFICS.iter().filter_map(|h| run.find(h)).min();
        let (given, closed) = match honorific {
            Some(end) => (run[..end].to_owned(), true),
            None => {
                let after = &rest[run.len()..];
                let closed = after.is_empty()
                    || after.starts_with(|c: char| c.is_whitespace() || !c.is_alphanumeric());
                (run, closed)
            }
        };
        let full = format!("{label}{given}");
        ((1..=3).contains(&given.chars().count()) && closed && is_name_like(&full)).then_some(full)
    })
}

/// How many times (up to `most`) `text` writes `name`: as whole words
/// for a Latin name (`ab` is not written in `table`), anywhere for a CJK
/// one (CJK text has no spaces between words).
pub(crate) fn times_written(text: &str, name: &str, most: usize) -> usize {
    let name = name.trim();
    if name.is_empty() {
        return 0;
    }
    let latin = name.starts_with(|c: char| c.is_ascii_alphanumeric());
    // `memmem` rather than `str::match_indices`: the same matches (from the
    // left, not overlapping), several times faster over a whole page
    memchr::memmem::find_iter(text.as_bytes(), name)
        .filter(|&at| {
            !latin
                || (!text[..at].ends_with(char::is_alphanumeric)
                    && !text[at + name.len()..].starts_with(char::is_alphanumeric))
        })
        .take(most)
        .count()
}

/// **Nickname label**: a surname and a familiar word (`陈老`, `王总`,
/// `李工`) as the page writes the full name, a surname and a given name
/// of two letters before a title or an honorific (`陈光远研究员`) →
/// `陈光远`.
pub(crate) fn nickname_in_full(text: &str, label: &str) -> Option<String> {
    const FAMILIAR: &[char] = &['老', '总', '總', '工', '哥', '姐', '叔', '姨', '师', '師'];
    let mut letters = label.trim().chars();
    let (Some(surname), Some(familiar), None) = (letters.next(), letters.next(), letters.next())
    else {
        return None;
    };
    if !COMMON_SURNAMES.contains(surname) || !FAMILIAR.contains(&familiar) {
        return None;
    }
    text.match_indices(surname).find_map(|(at, _)| {
        let given: String = text[at + surname.len_utf8()..].chars().take(2).collect();
        let end = at + surname.len_utf8() + given.len();
        let titled = super::fields::title_follows(&text[end..])
            || CJK_HONORIFICS.iter().any(|h| text[end..].starts_with(h));
        (given.chars().count() == 2
            && given.chars().all(is_cjk_letter)
            && !given.contains(familiar)
            && titled)
            .then(|| format!("{surname}{given}"))
    })
}

/// **Given-name label**: a Chinese label of two letters that is a given
/// name (`若岚:`) where the page writes it once after a common surname
/// (`我是周若岚`) → `周若岚`. A label that opens with a common surname is
/// a full name already.
pub(crate) fn surname_before_given(text: &str, label: &str) -> Option<String> {
    let label = label.trim();
    let mut letters = label.chars();
    let (Some(first), Some(_), None) = (letters.next(), letters.next(), letters.next()) else {
        return None;
    };
    if !label.chars().all(is_cjk_letter)
        || COMMON_SURNAMES.contains(first)
        || label
            .chars()
            .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('가'..='힣').contains(&c))
    {
        return None;
    }
    text.match_indices(label).find_map(|(at, _)| {
        let surname = text[..at].chars().next_back()?;
        COMMON_SURNAMES
            .contains(surname)
            .then(|| format!("{surname}{label}"))
    })
}

/// Whether `text` writes `name` right before a CJK honorific
/// (`北浦ゆかりさん`, `马骁先生`).
pub(crate) fn before_honorific(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        CJK_HONORIFICS
            .iter()
            .any(|h| text[at + name.len()..].starts_with(h))
    })
}

/// **Glued name label**: a label whose words lost their spaces
/// (`LarsOdegaard`, `MariaDeLuca`) as the page writes it with them
/// (`Mr Lars Odegaard`): a space goes back only before a capital that
/// follows a small letter, and the spaced name must stand as whole words.
fn spaced_in_full(text: &str, label: &str) -> Option<String> {
    let glued = label.is_ascii()
        && !label.contains(' ')
        && label.starts_with(|c: char| c.is_ascii_uppercase())
        && label.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    if !glued {
        return None;
    }
    let mut spaced = String::with_capacity(label.len() + 4);
    let mut prev_lower = false;
    for c in label.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            spaced.push(' ');
        }
        prev_lower = c.is_ascii_lowercase();
        spaced.push(c);
    }
    if spaced.len() == label.len() {
        return None;
    }
    text.match_indices(&spaced).find_map(|(at, _)| {
        let end = at + spaced.len();
        let whole = !text[..at].ends_with(char::is_alphanumeric)
            && !text[end..].starts_with(char::is_alphanumeric);
        whole.then(|| spaced.clone())
    })
}

/// Whether `c` is one of the most common Chinese surnames.
pub(crate) fn is_common_chinese_surname(c: char) -> bool {
    COMMON_SURNAMES.contains(c)
}

/// The most common Chinese surnames, simplified and traditional, for
/// telling a name after a title from the words that may follow one.
const COMMON_SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭\
    梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔\
    钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝\
    龚龔邵万萬钱錢严嚴覃武戴莫孔汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁\
    魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂苗谷盛曲\
    翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽穆农農卓古吉缪繆简簡车車项\
    項连連麦麥褚娄婁窦竇戚岑景宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師\
    栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏佘池查麻苑迟遲邝鄺官封匡鞠惠荆荊冀郁胥班储儲栗燕\
    楚鄢劳勞奚皮粟冼蔺藺楼樓满滿闻聞厉厲伊区區郜阚闞权權屠朴盖蓋练練廉禹井祖漆巴丰支卿狄计計\
    索宣晋晉容敬扈晁芮浦伏鹿薄邸雍辜羊乌烏裘修邰赫杭况況宿鲜鮮印逯隆茹诸諸慕危亢嵇湛宾賓戎勾\
    茅揭尉冶斯束檀衣展昝智幸奉植衡富尧堯";

/// Whether a speaker label names the person of `name`: the label stands
/// for the name (see [`super::labels::matches_name`]) once titles are
/// removed from both, or the label is a title alone that `name` carries
/// (`THE GOVERNOR` for `Governor Alma Reyes`).
pub(crate) fn label_names(label: &str, name: &str, name_title: Option<&str>) -> bool {
    let (bare_label, label_title) = without_titles(label);
    let (bare_name, _) = without_titles(name);
    if !bare_label.is_empty() {
        return super::labels::matches_name(bare_label, bare_name)
            || bare_label
                .replace(' ', "")
                .eq_ignore_ascii_case(&bare_name.replace(' ', ""))
            || initials_label(bare_label, bare_name);
    }
    match (label_title, name_title) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

/// **Initials label**: `LR` for `Lena Ruiz`, `TK` for `Tom Kessler`: two
/// to four capitals, one for each word of a name of two words or more (a
/// single capital, `A`, is a turn marker, not initials).
fn initials_label(label: &str, name: &str) -> bool {
    (2..=4).contains(&label.len())
        && !label.contains(' ')
        && name.split_whitespace().count() >= 2
        && super::labels::initials_of(label, name)
}

/// **Role before the name**: the role a line writes right before the
/// interviewee's full name: capitalised words ending in a title
/// (`… by Chief Engineer Ola Brandvik en route` → `Chief Engineer`), or
/// CJK letters ending in a title glued to the name (`省交通厅厅长许川明日…`
/// → `省交通厅厅长`). A Latin name must have two words or more.
pub(crate) fn role_before_name<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let name = name.trim();
    let latin = name.is_ascii();
    if name.is_empty() || (latin && name.split_whitespace().count() < 2) {
        return None;
    }
    text.match_indices(name).find_map(|(at, _)| {
        let before = &text[..at];
        if latin {
            let before = before.strip_suffix(' ')?;
            let mut start = before.len();
            for (i, word) in before.rsplit(' ').scan(before.len(), |end, w| {
                let i = *end - w.len();
                *end = i.saturating_sub(1);
                Some((i, w))
            }) {
                let capital = word.starts_with(|c: char| c.is_uppercase())
                    && word
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '.');
                if !capital {
                    break;
                }
                start = i;
            }
            let role = &before[start..];
            let last = role.rsplit(' ').next().unwrap_or("");
            let titled = with_lowercase(last, |w| TITLES.contains(&w) || ROLE_NOUNS.contains(&w));
            return (!role.is_empty() && titled && role.split(' ').count() <= 5).then_some(role);
        }
        // `對話 臺灣《工藝與設計》雜志總編輯 林秋萍`: the word before the
        // name, after a space, when it ends in a title
        if let Some(spaced) = before.strip_suffix([' ', '\u{3000}']) {
            let word = spaced
                .rsplit([' ', '\u{3000}'])
                .next()
                .filter(|w| !w.is_empty())?;
            let tail: String = word
                .chars()
                .rev()
                .take_while(|&c| is_cjk_letter(c))
                .collect::<Vec<char>>()
                .into_iter()
                .rev()
                .collect();
            let titled = tail.chars().count() >= 2 && super::fields::is_title_word(&tail);
            // one phrase: brackets closed, no list of several
            let balanced = word.matches(['(', '（']).count() == word.matches([')', '）']).count()
                && !word.contains(['、', ',', '，']);
            if !(titled && balanced && word.chars().count() <= 30) {
                return None;
            }
            // `편집부 신입사원 윤서하`: a Korean title with its department
            let start = spaced.len() - word.len();
            let org = spaced[..start]
                .strip_suffix(' ')
                .and_then(|b| b.rsplit(' ').next())
                .filter(|w| {
                    word.chars().all(|c| ('가'..='힣').contains(&c))
                        && super::fields::is_korean_org(w)
                });
            return Some(org.map_or(word, |org| &spaced[start - 1 - org.len()..]));
        }
        // `編集者の北浦`, `編集者、北浦`: the role, a particle or a comma
        let before = before
            .strip_suffix(['の', '、'])
            .filter(|b| b.ends_with(is_cjk_letter))
            .unwrap_or(before);
        // `プロインタビュアー&書評家の`: two roles joined are one run
        let run_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_cjk_letter(c) || super::fields::ROLE_JOINERS.contains(&c))
            .last()
            .map(|(i, _)| i)?;
        let run_start = run_start + before[run_start..].len()
            - before[run_start..]
                .trim_start_matches(super::fields::ROLE_JOINERS)
                .len();
        // `到场答问的是省人大代表`, `學校為候任校長`: the role opens after
        // the sentence's last function word; `お相手は放送局の前局長`: after a Japanese
        // particle that ends a phrase before a noun
        let run = &before[run_start..];
        let run_start = run
            .char_indices()
            .rev()
            .find(|&(at, c)| {
                matches!(c, '的' | '是' | '了' | '為' | '为')
                    || (matches!(c, 'は' | 'が' | 'を' | 'に' | 'で' | 'へ' | 'も')
                        && run[at + c.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|n| !is_hiragana(n)))
            })
            .map_or(run_start, |(at, c)| run_start + at + c.len_utf8());
        let role = &before[run_start..];
        if role.chars().count() > 20 || !super::fields::is_title_word(role) {
            return None;
        }
        // `报社高级记者、报社原摄影部主任韩立群`: titles listed with `、`
        let mut start = run_start;
        while let Some(head) = before[..start].strip_suffix('、') {
            let from = head
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_cjk_letter(c))
                .last()
                .map(|(i, _)| i)?;
            if !super::fields::is_title_word(&head[from..]) {
                break;
            }
            start = from;
        }
        Some(&before[start..])
    })
}

/// English nouns that end a role: `spokesman`, `meteorologist`,
/// `managing director`.
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "director",
    "manager",
    "officer",
    "editor",
    "correspondent",
    "reporter",
    "founder",
    "co-founder",
    "head",
    "meteorologist",
    "engineer",
    "economist",
    "analyst",
    "scientist",
    "researcher",
    "lecturer",
    "curator",
    "architect",
    "author",
    "novelist",
    "poet",
    "actor",
    "actress",
    "singer",
    "composer",
    "artist",
    "designer",
    "owner",
    "partner",
    "lawyer",
    "attorney",
    "doctor",
    "surgeon",
    "nurse",
    "teacher",
    "principal",
    "dean",
    "clerk",
    "treasurer",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "leader",
    "adviser",
    "advisor",
    "consultant",
    "president",
    "minister",
    "mayor",
    "governor",
    "chancellor",
    "ambassador",
    "commissioner",
    "coach",
    "captain",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
];

/// **Role after the name**: a CJK role right after the name and a space,
/// up to a separator (`interview 윤해솔 한빛대학교 건축학과 교수 × 김하늘`
/// → `한빛대학교 건축학과 교수`); it ends in a title.
pub(crate) fn role_after_name<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let name = name.trim();
    if name.is_empty() || name.is_ascii() {
        return None;
    }
    text.match_indices(name).find_map(|(at, _)| {
        let rest = text[at + name.len()..].strip_prefix(' ')?;
        // `권태식 팀장을 만나`: a Korean title with its particle
        let word = rest.split([' ', ',', '.']).next().unwrap_or("");
        let title = [
            "에게", "께서", "을", "를", "이", "가", "은", "는", "과", "와", "의",
        ]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .filter(|t| t.chars().all(|c| ('가'..='힣').contains(&c)));
        if let Some(title) = title
            && super::fields::is_title_word(title)
        {
            return Some(title);
        }
        let end = rest
            .find([
                '×', '|', '｜', '/', '／', ',', '，', '(', '（', '·', '“', '"',
            ])
            .unwrap_or(rest.len());
        let role = rest[..end].trim();
        (role.chars().count() <= 30 && super::fields::is_title_word(role)).then_some(role)
    })
}

/// **Role phrase**: the last part of a header line after a stop, when it
/// is a few capitalised words ending in a role noun:
/// `Talking to the press. Ferry Company spokeswoman` → `Ferry Company
/// spokeswoman`.
pub(crate) fn role_phrase(text: &str) -> Option<&str> {
    let tail = text.rsplit_once(". ").map_or(text, |(_, t)| t).trim();
    let words: Vec<&str> = tail.split_whitespace().collect();
    let last = words.last()?;
    let noun = with_lowercase(last, |w| ROLE_NOUNS.contains(&w));
    (noun
        && (2..=6).contains(&words.len())
        && tail.len() < text.len()
        && tail.starts_with(|c: char| c.is_uppercase())
        && !tail.ends_with('.'))
    .then_some(tail)
}

/// **Title line**: a header line that opens with the title the answering
/// label carries and reads as a position (`SECRETARY OKAFOR:` answers,
/// the header has `Secretary of Agriculture`).
pub(crate) fn title_line<'t>(text: &'t str, title: &str) -> Option<&'t str> {
    let text = text.trim();
    let opens = text
        .get(..title.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(title))
        && text[title.len()..].starts_with(' ');
    (opens
        && text.split_whitespace().count() <= 6
        && super::fields::is_title_like(text)
        && super::fields::doubt_role(text, "").is_none())
    .then_some(text)
}

/// A person named in a headline or an introduction line, with the title or
/// role the line gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub name: String,
    pub role: Option<String>,
}

/// Phrases after which English headlines name the person interviewed.
const WITH: &[&str] = &[
    "interview with ",
    "conversation with ",
    "q&a with ",
    "talks to ",
    "talks with ",
    "speaks to ",
    "speaks with ",
    "sat down with ",
    "sits down with ",
    "chat with ",
    "chats with ",
    "interviews ",
    "interview: ",
    "interviewing ",
    "meet ",
    "questions for ",
    "minutes with ",
    "guest is ",
    "guest today is ",
    "guest today, ",
    "guest this week is ",
    "joined by ",
    " with ",
];

/// Words that may sit inside a Latin name.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "la", "le", "da", "di", "bin", "al",
];

/// The person a headline or introduction line names, by the patterns such
/// lines use: `Transcript of Interview with Ines Carvalho`,
/// `WKVR Interview With Governor Alma Reyes` (title `Governor`),
/// `专访市文化局局长张明` (role `市文化局局长`), `[인터뷰] 박서연 한빛대 교수
/// "…"` (role `한빛대 교수`), `森下ゆうさんインタビュー`.
pub(crate) fn mention(text: &str) -> Option<Mention> {
    latin_mention(text)
        .or_else(|| kicker_mention(text))
        .or_else(|| tail_name_inside_role(text))
        .or_else(|| korean_name_then_title(text))
        .or_else(|| {
            let (name, role) = super::fields::spaced_name_and_role(text)?;
            Some(Mention {
                name,
                role: Some(role.to_owned()),
            })
        })
        .or_else(|| cjk_prefix_mention(text))
        .or_else(|| role_name_colon_mention(text))
        .or_else(|| bracket_tag_mention(text))
        .or_else(|| honorific_mention(text))
}

/// The [`WITH`] phrases' searchers, built once: a headline line is searched
/// for each of them.
static WITH_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| WITH.iter().map(memchr::memmem::Finder::new).collect());

fn latin_mention(text: &str) -> Option<Mention> {
    let lower = text.to_ascii_lowercase();
    // every place a phrase says a person follows, in the order of the
    // line: `… interviews continues with Lena Ruiz` names her after `with`
    let mut starts: Vec<usize> = WITH_FINDERS
        .iter()
        .flat_map(|w| w.find_iter(lower.as_bytes()).map(|i| i + w.needle().len()))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let says_person = ["interviewing ", "meet "].iter().any(|w| lower.contains(w));
    starts
        .into_iter()
        .find_map(|at| latin_name_at(text, at, says_person))
}

/// The capitalised name that opens `text[at..]`, without its titles and
/// post-nominals: two words or more, or one where the line says a person
/// follows (`Interviewing Biscuit`).
fn latin_name_at(text: &str, at: usize, says_person: bool) -> Option<Mention> {
    if !text.is_char_boundary(at) {
        return None;
    }
    let rest = &text[at..];
    let mut end = 0;
    for (words, (i, word)) in word_spans(rest).enumerate() {
        // `Amara Quist’s Interview`: the possessive ends the name
        let owner = ["’s", "'s"].iter().find_map(|s| word.strip_suffix(s));
        let bare = owner
            .unwrap_or(word)
            .trim_end_matches([',', '.', ':', ';', '?', '!', '\'', '’', ')']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let particle = PARTICLES.contains(&bare);
        if !(capital || particle) || words >= 6 {
            break;
        }
        end = i + bare.len();
        // `Dr.` goes on to the name; any other stop ends it
        let abbreviation = with_lowercase(word, |w| COURTESY.contains(&w) || TITLES.contains(&w));
        if bare.len() < word.len() && !abbreviation {
            break;
        }
    }
    let named = without_post_nominals(&rest[..end]);
    let (name, title) = without_titles(named);
    let words = name.split_whitespace().count();
    ((words >= 2 || (words == 1 && says_person)) && is_name_like(name)).then(|| Mention {
        name: name.to_owned(),
        role: title.map(str::to_owned),
    })
}

/// **Kicker headline**: a short kicker, a colon, then a name and its
/// role: `Fresh voices: Ana Whitcombe, head baker at Saltmarsh Bakery` →
/// `Ana Whitcombe` (`head baker at Saltmarsh Bakery`). The kicker is a
/// few words, not a sentence, and the name has two words or more.
fn kicker_mention(text: &str) -> Option<Mention> {
    let (kicker, rest) = text.split_once(": ").or_else(|| text.split_once('：'))?;
    if kicker.split_whitespace().count() > 4 || kicker.is_empty() {
        return None;
    }
    let (name, role) = name_and_role(rest.trim())?;
    let latin_words = name.is_ascii().then(|| name.split_whitespace().count());
    (latin_words.is_none_or(|n| n >= 2)).then(|| Mention {
        name: name.to_owned(),
        role: Some(role.to_owned()),
    })
}

/// **Headline ending in a name inside its role**: `서울에서 3년… 기획2팀
/// 윤해솔 과장` → `윤해솔` (`기획2팀 과장`), the longest tail of the line
/// that [`super::fields::name_inside_role`] reads.
fn tail_name_inside_role(text: &str) -> Option<Mention> {
    // a tail of a line without Hangul holds no Korean name
    if !text.contains(super::fields::is_hangul) {
        return None;
    }
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices(' ').map(|(i, _)| i + 1))
        .collect();
    starts.into_iter().find_map(|at| {
        let (name, role) = super::fields::name_inside_role(&text[at..])?;
        Some(Mention {
            name,
            role: Some(role),
        })
    })
}

/// **Role and name before a colon**: a CJK headline that opens with a
/// role, the name and a colon, then what they said (`市交通局局长许川明:
/// 公交要跟着人走`) → `许川明` (`市交通局局长`).
fn role_name_colon_mention(text: &str) -> Option<Mention> {
    let end = text.find([':', '：'])?;
    let head = text[..end].trim();
    if !head.chars().all(is_cjk_letter) || text[end..].chars().nth(1).is_none() {
        return None;
    }
    let (name, role) = super::fields::split_role_name(head)?;
    Some(Mention {
        name: name.to_owned(),
        role: Some(role.to_owned()),
    })
}

/// **Bio line**: a line that opens with the person's name and a colon,
/// then their profile, whose first clause is the role (`许川明:市交通运输局
/// 局长,高级工程师,…` → `市交通运输局局长`).
pub(crate) fn bio_role<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    text.lines().find_map(|line| {
        let rest = line.trim().strip_prefix(name)?;
        let rest = rest.strip_prefix([':', '：'])?.trim_start();
        super::fields::role_opening(rest)
    })
}

/// **Korean name, organisation, title**: in a lede, a name of three
/// syllables, then up to two organisation words and a title with its
/// possessive (`… 윤해솔 교육부 디지털정책관의 브리핑에서` → `윤해솔`); a
/// name met in passing, so no role is taken.
fn korean_name_then_title(text: &str) -> Option<Mention> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let hangul = |w: &str| !w.is_empty() && w.chars().all(|c| ('가'..='힣').contains(&c));
    words.iter().enumerate().find_map(|(i, name)| {
        if name.chars().count() != 3 || !is_korean_name(name) {
            return None;
        }
        (1..=3).find_map(|k| {
            let last = words.get(i + k)?;
            // the possessive (`…관의 브리핑`): a subject (`부장은 … 질문했다`)
            // is as often the asker
            let title = last.strip_suffix('의')?;
            let titled = hangul(title)
                && !title.ends_with("기자")
                && (super::fields::is_title_word(title)
                    || (title.chars().count() >= 3 && title.ends_with(['관', '인'])));
            let org = &words[i + 1..i + k];
            // named in passing: the role is not read from a lede
            (titled && org.iter().all(|w| hangul(w) && w.chars().count() >= 2)).then(|| Mention {
                name: (*name).to_owned(),
                role: None,
            })
        })
    })
}

/// `(offset, word)` of each whitespace-separated word.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// `专访市文化局局长张明`: a CJK interview word, then a role ending in a
/// title and the name, or the name alone.
fn cjk_prefix_mention(text: &str) -> Option<Mention> {
    // every prefix opens with a Han letter
    if !text.contains(is_cjk_letter) {
        return None;
    }
    const PREFIXES: &[&str] = &[
        "专访",
        "專訪",
        "对话",
        "對話",
        "访谈",
        "訪談",
        "采访",
        "採訪",
        "独家专访",
    ];
    let rest = PREFIXES
        .iter()
        .find_map(|p| text.find(p).map(|i| &text[i + p.len()..]))?;
    let rest = rest.trim_start_matches([':', '：', ' ', '|', '丨']);
    let run: String = rest.chars().take_while(|&c| is_cjk_letter(c)).collect();
    if is_name_like(&run) && run.chars().count() <= 4 {
        return Some(Mention {
            name: run,
            role: None,
        });
    }
    // `对话 滨江医院院长 祁永年`: the title, a space, the name
    if super::fields::is_title_word(&run)
        && let Some(after) = rest[run.len()..].strip_prefix([' ', '\u{3000}'])
    {
        let name: String = after.chars().take_while(|&c| is_cjk_letter(c)).collect();
        if (2..=4).contains(&name.chars().count()) && is_name_like(&name) {
            return Some(Mention {
                name,
                role: Some(run),
            });
        }
    }
    // the name after the last title in the run: `市文化局局长` + `张明`
    let (name, role) = super::fields::split_role_name(&run)?;
    Some(Mention {
        name: name.to_owned(),
        role: Some(role.to_owned()),
    })
}

/// `[인터뷰] 박서연 한빛대 교수 "…"`, `【專訪】王小明 董事長：…`: a bracketed
/// tag, then a name with its role before any quote or colon.
fn bracket_tag_mention(text: &str) -> Option<Mention> {
    let (inner, after) = super::markers::bracketed(text)?;
    // `[장민서 / 제과기능사 실기 응시생]`: the whole line a bracket
    if text[after..].trim().is_empty()
        && let Some((name, role)) = name_and_role(inner)
    {
        return Some(Mention {
            name: name.to_owned(),
            role: Some(role.to_owned()),
        });
    }
    let rest = text[after..].trim_start();
    let end = rest
        .find(['"', '“', '\'', '‘', '「', '『', ':', '：', '…', '"'])
        .unwrap_or(rest.len());
    let part = rest[..end].trim().trim_end_matches([',', '，']);
    // `[…] 배우 오하람이 ‘…’ 종영을 앞두고`: an occupation, the name and
    // its subject particle
    if let Some((name, Some(_))) = korean_subject(part) {
        // a name met in a lede: its occupation word is no role line
        return Some(Mention {
            name: name.to_owned(),
            role: None,
        });
    }
    if let Some((name, role)) = name_and_role(part) {
        return Some(Mention {
            name: name.to_owned(),
            role: Some(role.to_owned()),
        });
    }
    (is_name_like(part) && !part.is_ascii()).then(|| Mention {
        name: part.to_owned(),
        role: None,
    })
}

/// `森下ゆうさんインタビュー`, `山田太郎氏に聞く`: a CJK name right before an
/// honorific, at the start of the line.
fn honorific_mention(text: &str) -> Option<Mention> {
    // every word and honorific looked for holds a CJK letter
    if !text.contains(is_cjk_letter) {
        return None;
    }
    // `『潮だまり』 遠山千景インタビュー`: the name right before the word
    for word in [
        "インタビュー",
        "인터뷰",
        "专访",
        "專訪",
        "記者会見",
        "记者会",
        "記者會",
    ] {
        if let Some(at) = text.find(word) {
            let run: String = text[..at]
                .chars()
                .rev()
                .take_while(|&c| is_cjk_letter(c))
                .collect();
            let run: String = run.chars().rev().collect();
            // `柘植航平監督インタビュー`: a full name of three to five
            // letters and a title
            let interview = word.starts_with(['イ', '인', '专', '專']);
            if interview && let Some((name, title)) = full_name_and_title(&run) {
                return Some(Mention {
                    name: name.to_owned(),
                    role: Some(title.to_owned()),
                });
            }
            // `三好防災担当大臣記者会見録`: a surname and the title (a press
            // conference's title names no one else)
            if let Some((surname, title)) = surname_and_title(&run) {
                return Some(Mention {
                    name: surname.to_owned(),
                    role: Some(title.to_owned()),
                });
            }
            if !word.starts_with(['イ', '인', '专', '專']) {
                continue;
            }
            let name = without_titles(&run).0;
            // a katakana word alone (`ランチインタビュー`) is a kind of
            // interview, not a person
            let katakana_only = name.chars().all(|c| ('\u{30a0}'..='\u{30ff}').contains(&c));
            if (2..=6).contains(&name.chars().count())
                && is_name_like(name)
                && !katakana_only
                && !name.ends_with(['の', '에', 'と'])
            {
                return Some(Mention {
                    name: name.to_owned(),
                    role: None,
                });
            }
        }
    }
    for honorific in ["さん", "氏", "先生", "씨"] {
        let Some(at) = text.find(honorific) else {
            continue;
        };
        // the name may follow a role: `…研究所代表 岡野 澄江氏`
        let before = text[..at].trim();
        let spaces: Vec<usize> = before.match_indices(' ').map(|(i, _)| i + 1).collect();
        for start in std::iter::once(0).chain(spaces) {
            let name = &before[start..];
            if (2..=7).contains(&name.chars().count()) && is_name_like(name) {
                let role = before[..start].trim();
                return Some(Mention {
                    name: name.to_owned(),
                    role: (!role.is_empty()).then(|| role.to_owned()),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str, role: Option<&str>) -> Option<Mention> {
        Some(Mention {
            name: name.to_owned(),
            role: role.map(str::to_owned),
        })
    }

    #[test]
    fn titles_and_honorifics() {
        assert_eq!(
            without_titles("SECRETARY OKAFOR"),
            ("OKAFOR", Some("SECRETARY"))
        );
        assert_eq!(without_titles("Mr Dallow"), ("Dallow", None));
        assert_eq!(without_titles("THE GOVERNOR"), ("", Some("GOVERNOR")));
        assert_eq!(without_titles("森下さん"), ("森下", None));
        assert_eq!(
            without_titles("Oregon Gov. Marlene Osterhout"),
            ("Marlene Osterhout", Some("Oregon Gov."))
        );
        assert_eq!(
            without_titles("Oregon Gov. Osterhout"),
            ("Oregon Gov. Osterhout", None)
        );
        assert_eq!(without_titles("ぽんた先輩"), ("ぽんた", None));
        assert_eq!(without_titles("박서연 씨"), ("박서연", None));
        assert_eq!(without_titles("LEE Hee-sup"), ("LEE Hee-sup", None));
        assert_eq!(without_titles("배우 서도현"), ("서도현", Some("배우")));
        // a name that is only an honorific stays
        assert_eq!(without_titles("さん"), ("さん", None));
    }

    #[test]
    fn courtesy_words_before_names() {
        assert_eq!(without_courtesy("Dr. Jane Holm"), "Jane Holm");
        assert_eq!(without_courtesy("Ms Ada Ruiz"), "Ada Ruiz");
        assert_eq!(without_courtesy("Mr Dallow"), "Mr Dallow");
        assert_eq!(without_courtesy("The Edge Band"), "The Edge Band");
    }

    #[test]
    fn labels_name_people() {
        assert!(label_names("THE GOVERNOR", "Alma Reyes", Some("Governor")));
        assert!(label_names("SECRETARY OKAFOR", "Ruth Okafor", None));
        assert!(label_names("INES", "Ines Carvalho", None));
        assert!(label_names("LarsOdegaard", "Lars Odegaard", None));
        assert!(!label_names("THE GOVERNOR", "Alma Reyes", None));
        assert!(!label_names("KIM", "Ines Carvalho", None));
    }

    #[test]
    fn honorifics_after_a_cjk_name_are_no_part_of_it() {
        assert_eq!(without_honorific("くまっち先輩"), "くまっち");
        assert_eq!(without_honorific("한서윤 님"), "한서윤");
        assert_eq!(without_honorific("森下さん"), "森下");
        // a name alone, a Latin name, a title alone stay as they are
        assert_eq!(without_honorific("森下"), "森下");
        assert_eq!(without_honorific("Mr Dallow"), "Mr Dallow");
        assert_eq!(without_honorific("先輩"), "先輩");
    }

    #[test]
    fn roles_written_with_the_name() {
        assert_eq!(
            role_before_name(
                "Briefing by Chief Engineer Ola Brandvik en route",
                "Ola Brandvik"
            ),
            Some("Chief Engineer")
        );
        assert_eq!(
            role_before_name("当前位置 > 省交通厅厅长许川明日记者会", "许川明"),
            Some("省交通厅厅长")
        );
        assert_eq!(
            role_before_name("到场答问的是省人大代表郭淑芬、林海生", "郭淑芬"),
            Some("省人大代表")
        );
        assert_eq!(
            role_before_name("今日學校為候任校長張啟明教授舉辦諮詢會", "張啟明"),
            Some("候任校長")
        );
        assert_eq!(
            role_before_name("晚报首席记者、晚报原编辑部主任吴迪做客", "吴迪"),
            Some("晚报首席记者、晚报原编辑部主任")
        );
        assert_eq!(
            role_before_name("对话 《城市画报》杂志总编辑 吴迪", "吴迪"),
            Some("《城市画报》杂志总编辑")
        );
        assert_eq!(role_before_name("我们 吴迪", "吴迪"), None);
        assert_eq!(role_before_name("編集者の森川さん", "森川"), Some("編集者"));
        assert_eq!(role_before_name("会社の森川さん", "森川"), None);
        assert_eq!(
            role_before_name("この道のプロ、インタビュアー&書評家の森川さんに", "森川"),
            Some("インタビュアー&書評家")
        );
        // a Japanese phrase's particle before a noun ends what went before
        assert_eq!(
            role_before_name("お相手は写真部の元部長、くまっちさん", "くまっち"),
            Some("写真部の元部長")
        );
        // a Korean title with its department
        assert_eq!(
            role_before_name("[인터뷰] 기획부 신입사원 한서윤 님", "한서윤"),
            Some("기획부 신입사원")
        );
        assert_eq!(
            role_before_name("[인터뷰] 신입사원 한서윤 님", "한서윤"),
            Some("신입사원")
        );
        assert_eq!(role_before_name("(画家、美术馆馆长 吴迪)", "吴迪"), None);
        // no title before the name; a Latin name of one word
        assert_eq!(
            role_before_name("We met Ola Brandvik today", "Ola Brandvik"),
            None
        );
        assert_eq!(
            role_before_name("Chief Engineer Brandvik", "Brandvik"),
            None
        );
        assert_eq!(role_before_name("我们见到了许川明", "许川明"), None);
        assert_eq!(
            role_phrase("Talking to the press. Ferry Company spokeswoman"),
            Some("Ferry Company spokeswoman")
        );
        assert_eq!(role_phrase("The spokeswoman"), None);
        assert_eq!(
            bio_role("前言\n许川明:市交通运输局局长,高级工程师。\n", "许川明"),
            Some("市交通运输局局长")
        );
        assert_eq!(bio_role("许川明:我觉得是,先看人。\n", "许川明"), None);
        assert_eq!(
            role_after_name(
                "interview 윤해솔 한빛대학교 건축학과 교수 × 김하늘",
                "윤해솔"
            ),
            Some("한빛대학교 건축학과 교수")
        );
        assert_eq!(role_after_name("윤해솔 씨가 말했다", "윤해솔"), None);
        assert_eq!(
            role_after_name("상담소를 맡은 권태식 팀장을 만나 물었다", "권태식"),
            Some("팀장")
        );
        assert_eq!(role_after_name("권태식 학생을 만나", "권태식"), None);
        assert_eq!(
            role_phrase("Talking to the press. She is the spokeswoman."),
            None
        );
        assert_eq!(
            title_line("Secretary of Agriculture", "SECRETARY"),
            Some("Secretary of Agriculture")
        );
        assert_eq!(
            title_line("Secretary Okafor spoke today.", "SECRETARY"),
            None
        );
    }

    #[test]
    fn nicknames_written_in_full() {
        let page = "我们去所里采访了王立山研究员。王总今年七十岁。";
        assert_eq!(nickname_in_full(page, "王总").as_deref(), Some("王立山"));
        assert_eq!(nickname_in_full("王总说好。", "王总"), None);
        assert_eq!(nickname_in_full(page, "王立"), None);
    }

    #[test]
    fn given_names_with_their_surnames() {
        let page = "大家好,我是林晓岚,刚下飞机。\n晓岚:对。";
        assert_eq!(
            surname_before_given(page, "晓岚").as_deref(),
            Some("林晓岚")
        );
        assert_eq!(surname_before_given("晓岚:对。", "晓岚"), None);
        assert_eq!(surname_before_given("林晓说", "林晓"), None);
    }

    #[test]
    fn names_before_honorifics() {
        assert!(before_honorific("北浦ゆかりさんと", "北浦ゆかり"));
        assert!(!before_honorific("马骁做客", "马骁"));
    }

    #[test]
    fn names_counted_as_written() {
        assert_eq!(times_written("ab table ab. Ab", "ab", 4), 2);
        assert_eq!(times_written("오하람은 오하람이", "오하람", 4), 2);
    }

    #[test]
    fn initials_label_the_full_name() {
        assert!(label_names("LR", "Lena Ruiz", None));
        assert!(label_names("TK", "Tom Kessler", None));
        // one capital is a marker; initials of another person
        assert!(!label_names("L", "Lindqvist", None));
        assert!(!label_names("LR", "Tom Kessler", None));
    }

    #[test]
    fn glued_labels_written_spaced() {
        let page = "Mr Tarek Bellami, the harbour master, spoke to us.\nTarekBellami : Yes.";
        assert_eq!(
            written_in_full(page, "TarekBellami").as_deref(),
            Some("Tarek Bellami")
        );
        // never spaced where the page does not space it
        assert_eq!(written_in_full("McDonald : Yes.", "McDonald"), None);
        assert_eq!(
            written_in_full("Tarek Bellamino said.", "TarekBellami"),
            None
        );
    }

    #[test]
    fn names_written_in_full() {
        let page = "Press gaggle with Nadia Calloway\nQ    Why?\nMS. CALLOWAY: Because.";
        assert_eq!(
            written_in_full(page, "CALLOWAY").as_deref(),
            Some("Nadia Calloway")
        );
        let page = "We've got Secretary Okafor on the line.\nSECRETARY OKAFOR: Hi.";
        assert_eq!(written_in_full(page, "OKAFOR").as_deref(), Some("Okafor"));
        let page = "Paul Amberley joins us.\nPAUL AMBERLEY: Thanks.";
        assert_eq!(
            written_in_full(page, "PAUL AMBERLEY").as_deref(),
            Some("Paul Amberley")
        );
        let page = "潮見大学の大西かれんさんに聞きました。\n大西 はい。";
        assert_eq!(written_in_full(page, "大西").as_deref(), Some("大西かれん"));
        // written no other way, or a label not in capitals
        assert_eq!(written_in_full("KIM: Hi.", "KIM"), None);
        assert_eq!(written_in_full("Kim said hi.", "Kim"), None);
    }

    #[test]
    fn holders_of_titles() {
        let page = "財政司司長黎志恆出席記者會\n財政司司長：各位好。";
        assert_eq!(holder_of(page, "財政司司長").as_deref(), Some("黎志恆"));
        assert_eq!(
            holder_of("김민수 위원장은 말했다", "위원장").as_deref(),
            Some("김민수")
        );
        // a name, not a title; a title written alone
        assert_eq!(holder_of("张明说", "张明"), None);
        assert_eq!(holder_of("市长：好。", "市长"), None);
        // a surname and a title, written in full elsewhere
        let page = "今日は森川真澄市長に聞いた。\n森川市長 はい。";
        assert_eq!(
            titled_in_full(page, "森川市長"),
            Some(("森川真澄".to_owned(), "市長".to_owned()))
        );
        assert_eq!(titled_in_full("森川市長 はい。", "森川市長"), None);
        assert_eq!(surname_and_title("森川市長"), Some(("森川", "市長")));
        assert_eq!(surname_and_title("王局长"), Some(("王", "局长")));
        assert_eq!(surname_and_title("市長"), None);
        assert_eq!(
            title_inside_name("林局長文山"),
            Some(("林文山".to_owned(), "局長"))
        );
        assert_eq!(title_inside_name("林文山"), None);
        assert_eq!(surname_and_title("森川"), None);
        // a Latin title before the name, courtesy words and a possessive
        let page = "Provost Dr. Ilse Marrow’s talk with students\nProvost: Thanks.";
        assert_eq!(holder_of(page, "Provost").as_deref(), None);
        let page = "Chancellor Dr. Ilse Marrow’s talk with students\nChancellor: Thanks.";
        assert_eq!(
            holder_of(page, "Chancellor").as_deref(),
            Some("Ilse Marrow")
        );
        assert_eq!(
            holder_of("Good evening Chancellor and welcome.", "Chancellor"),
            None
        );
        assert_eq!(
            holder_of("Good evening Chancellor Reyes.", "THE CHANCELLOR"),
            None
        );
    }

    #[test]
    fn mentions() {
        assert_eq!(
            mention("Backfile Episode 7: Transcript of Interview with Ines Carvalho"),
            m("Ines Carvalho", None)
        );
        assert_eq!(
            mention("Transcript: WKVR Interview With Governor Alma Reyes"),
            m("Alma Reyes", Some("Governor"))
        );
        assert_eq!(
            mention("专访市文化局局长张明"),
            m("张明", Some("市文化局局长"))
        );
        assert_eq!(
            mention("[인터뷰] 박서연 한빛대 교수 \"지역 대학이 살아야 한다\""),
            m("박서연", Some("한빛대 교수"))
        );
        assert_eq!(mention("森下ゆうさんインタビュー"), m("森下ゆう", None));
        assert_eq!(
            mention("『潮待ちの町』 柘植航平監督インタビュー"),
            m("柘植航平", Some("監督"))
        );
        assert_eq!(
            mention("对话 滨江医院院长 祁永年"),
            m("祁永年", Some("滨江医院院长"))
        );
        assert_eq!(
            mention("专访华远集团董事长顾长林:把工厂搬回家乡"),
            m("顾长林", Some("华远集团董事长"))
        );
        assert_eq!(
            mention("[장민서 / 제과기능사 실기 응시생]"),
            m("장민서", Some("제과기능사 실기 응시생"))
        );
        assert_eq!(mention("Interviewing Biscuit"), m("Biscuit", None));
        assert_eq!(
            mention("Hello again. My guest today is Ilse Marrow, who keeps bees."),
            m("Ilse Marrow", None)
        );
        assert_eq!(
            mention("[한빛일보] 가수 한소리가 ‘새벽’ 발매를 앞두고 말했다."),
            m("한소리", None)
        );
        assert_eq!(
            mention("Fresh voices: Ana Whitcombe, head baker at Saltmarsh Bakery"),
            m("Ana Whitcombe", Some("head baker at Saltmarsh Bakery"))
        );
        assert_eq!(mention("Weather: Washington, DC"), None);
        assert_eq!(
            mention("이날 열린 윤해솔 교육부 디지털정책관의 브리핑에서 나왔다."),
            m("윤해솔", None)
        );
        assert_eq!(
            korean_name_then_title("윤해솔 문화부 부장은 이렇게 물었다."),
            None
        );
        assert_eq!(korean_name_then_title("한빛일보 윤해솔 기자의 질문"), None);
        assert_eq!(
            mention("市交通局局长许川明:公交要跟着人走"),
            m("许川明", Some("市交通局局长"))
        );
        assert_eq!(
            mention("서울에서 3년, 다시 본사로… 기획2팀 윤해솔 과장"),
            m("윤해솔", Some("기획2팀 과장"))
        );
        // the phrase that names someone, not the first one met
        assert_eq!(
            mention("The archive of interviews goes on with Oren Talbot, who built it."),
            m("Oren Talbot", None)
        );
        assert_eq!(
            mention("Favourites with Helen Marsh-Tobin AM GAICD"),
            m("Helen Marsh-Tobin", None)
        );
        assert_eq!(
            mention("『潮だまり』 遠山千景インタビュー"),
            m("遠山千景", None)
        );
        assert_eq!(mention("2025年新卒社員入社 ランチインタビュー"), None);
        assert_eq!(
            mention("森川環境大臣記者会見録［令和6年5月1日］"),
            m("森川", Some("環境大臣"))
        );
        assert_eq!(
            mention("瀬戸内焼締め研究所代表 岡野 澄江氏"),
            m("岡野 澄江", Some("瀬戸内焼締め研究所代表"))
        );
        for none in [
            "We talked about the weather.",
            "An interview with the mayor",
            "Coffee with friends",
            "皆さん、こんにちは",
            "2024年5月12日",
        ] {
            assert_eq!(mention(none), None, "{none}");
        }
    }
}
