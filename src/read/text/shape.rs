//! What a person's name and a role look like, script by script: the last
//! check on the fields the reader settled on. The header's rules pick the
//! best candidate a page offers; when even the best one has not the shape
//! of a name (`Careers`, `港聞`, `상단여백`, `先輩社員紹介`) or of a role
//! (`March 2025`, `이 기사를 공유합니다`), the reading is doubtful and says so.
//!
//! These are shapes, not knowledge: a rare surname gets a doubt it does not
//! deserve, which costs a warning; a site line read as a name without one
//! costs a wrong field nobody sees.

use crate::form::chars::is_cjk_letter;
use crate::form::names::is_common_chinese_surname;

/// Why `name`, settled on as the interviewee's name on a page in
/// `language` (the tag the turns give, if any), has not the shape of a
/// person's name, if it has not.
///
/// - Latin: one to five words, each capitalised (or a particle such as
///   `van`, `de`), no word that names a site's section (`Blog`, `Careers`,
///   `Local`) and no title in front (`Dr.`, `Prof.`: the name is read
///   without it);
/// - Hangul: two to four syllables after a common surname (`강도윤`,
///   `남궁현`), not `상단여백`;
/// - Han on a Chinese page: two to four characters after a common surname
///   (`梁蔚文`), not `港聞`, and no title after it (`校友`, `局长`);
/// - Japanese: no kana particle inside (`まちの人`), no organisation or
///   page word at its end (`営業部 第二課`, `先輩社員紹介`);
/// - any script: no digits, and none of `|`, `>`, `•`, `:`, brackets or
///   quotes.
pub(crate) fn unlike_a_name(name: &str, language: Option<&str>) -> Option<&'static str> {
    let name = name.trim();
    if name.chars().any(|c| c.is_numeric()) {
        return Some("holds a number, which no name does");
    }
    if name.contains([
        '|', '>', '<', '•', '·', ':', '：', '[', ']', '【', '】', '«', '"', '“', '”', '/', '#', '@',
    ]) && !is_transliterated(name)
    {
        return Some("holds a sign no name holds (a site line or a field)");
    }
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.iter().all(char::is_ascii_alphabetic) {
        return latin(name);
    }
    if letters.iter().all(|&c| is_hangul(c)) {
        return hangul(name);
    }
    if letters.iter().any(|&c| is_kana(c)) || language == Some("ja") {
        return japanese(name);
    }
    if letters.iter().all(|&c| is_cjk_letter(c)) && language == Some("zh") {
        return chinese(name);
    }
    None
}

/// Why `role`, settled on as the interviewee's role, has not the shape of
/// one, if it has not: a person's name (`岡部 真由美` with no title word),
/// a share or page line (`이 기사를 공유합니다`, `STAFF INTERVIEW 03`), a
/// sentence's end (`…했습니다`), or a fragment opening on a particle
/// (`了市文旅局局长`).
pub(crate) fn unlike_a_role(role: &str, language: Option<&str>) -> Option<&'static str> {
    let role = role.trim();
    let words = role.split_whitespace().count();
    if words <= 5 && page_word(role) {
        return Some("names a page or a site's section, not a role");
    }
    let last = role.chars().next_back()?;
    if is_hangul(last)
        && ["니다", "세요", "어요", "아요", "해요"]
            .iter()
            .any(|e| role.ends_with(e))
    {
        return Some("ends a sentence");
    }
    if role.starts_with([
        '了', '的', '是', '在', '和', '与', '與', 'の', 'は', 'が', 'を',
    ]) {
        return Some("opens on a particle: a fragment of a sentence");
    }
    let bare: Vec<char> = role.chars().filter(|c| !c.is_whitespace()).collect();
    let shaped_like_name = match language {
        // `岡部 真由美`: family and given name set apart, no title word
        Some("ja") => {
            role.contains([' ', '\u{3000}'])
                && bare.len() <= 6
                && bare.iter().all(|&c| is_cjk_letter(c))
                && japanese(role).is_none()
                && !crate::form::fields::ends_with_role_word(role)
        }
        // `강도윤`, `林书维`: three letters after a common surname, and no
        // title's last letter (`이사`, `院长`)
        Some("ko" | "zh") => {
            const TITLE_ENDS: &str = "장사원관수자가리무표님长長员員师師家者士官授理生";
            bare.len() == 3
                && !TITLE_ENDS.contains(bare[2])
                && !crate::form::fields::ends_with_role_word(role)
                && if is_hangul(bare[0]) {
                    hangul(role).is_none()
                } else {
                    chinese(role).is_none()
                }
        }
        _ => false,
    };
    if shaped_like_name {
        return Some("has the shape of a person's name, not a role");
    }
    None
}

/// Words of page and site lines that no role holds (a role may well hold
/// `Department` or `Research`, which [`SECTION_WORDS`] has).
const PAGE_WORDS: &[&str] = &[
    "archive",
    "archives",
    "blog",
    "category",
    "comments",
    "episode",
    "gallery",
    "home",
    "interview",
    "interviews",
    "login",
    "menu",
    "newsroom",
    "podcast",
    "posted",
    "print",
    "profile",
    "profiles",
    "published",
    "q&a",
    "search",
    "share",
    "spotlight",
    "stories",
    "subscribe",
    "transcript",
    "updated",
    "video",
    "인터뷰",
    "뉴스룸",
    "공유",
    "댓글",
    "블로그",
    "インタビュー",
    "ブログ",
    "紹介",
    "专访",
    "專訪",
    "首页",
    "首頁",
    "访谈",
    "訪談",
];

/// Whether a word of `text` is one of [`PAGE_WORDS`].
fn page_word(text: &str) -> bool {
    has_word(text, PAGE_WORDS)
}

/// A Latin name: capitalised words, no section word, no title before it.
fn latin(name: &str) -> Option<&'static str> {
    const TITLES: &[&str] = &[
        "dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame",
        "rev", "rev.",
    ];
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le",
        "bin", "binti", "al", "el", "ibn", "y", "e", "ten", "ter", "den", "der",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    if words.len() > 5 {
        return Some("has more words than a name");
    }
    if words.len() > 1 && TITLES.contains(&words[0].to_ascii_lowercase().as_str()) {
        return Some("holds a title before the name");
    }
    if section_word(name) {
        return Some("names a site's section or a page, not a person");
    }
    // `Associate Professor`: a title alone (job words that are no
    // surname: `Dean`, `Judge`, `King` may end a name)
    const JOBS: &[&str] = &[
        "professor",
        "manager",
        "director",
        "secretary",
        "minister",
        "officer",
        "editor",
        "engineer",
        "researcher",
        "lecturer",
        "president",
        "ceo",
        "analyst",
        "scientist",
        "designer",
        "consultant",
        "assistant",
        "coordinator",
        "administrator",
        "student",
        "intern",
        "spokesperson",
        "correspondent",
    ];
    if words.last().is_some_and(|w| {
        !w.chars().all(|c| c.is_uppercase())
            && JOBS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str())
    }) {
        return Some("ends in a title or a role, not a name");
    }
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || PARTICLES.contains(&w)
            // `d’Arcy`, `O'Neill`, `al-Rashid`
            || w.split(['\'', '’', '-']).nth(1).is_some_and(|rest| rest.starts_with(char::is_uppercase))
    };
    if !words.iter().all(|w| capitalised(w)) {
        return Some("has a word in lower case, as a phrase has and a name does not");
    }
    None
}

/// Words of site and page lines that are no part of a person's name.
const SECTION_WORDS: &[&str] = &[
    "about",
    "admissions",
    "agency",
    "alumni",
    "archive",
    "archives",
    "article",
    "association",
    "audio",
    "blog",
    "bulletin",
    "business",
    "careers",
    "category",
    "center",
    "centre",
    "club",
    "college",
    "column",
    "comments",
    "community",
    "company",
    "contact",
    "council",
    "culture",
    "daily",
    "department",
    "digest",
    "editorial",
    "education",
    "episode",
    "events",
    "faculty",
    "features",
    "foundation",
    "gallery",
    "garden",
    "government",
    "group",
    "health",
    "home",
    "institute",
    "interview",
    "interviews",
    "journal",
    "library",
    "local",
    "login",
    "magazine",
    "menu",
    "ministry",
    "monthly",
    "museum",
    "news",
    "newsletter",
    "newsroom",
    "opinion",
    "people",
    "podcast",
    "politics",
    "posted",
    "press",
    "print",
    "profile",
    "profiles",
    "program",
    "programme",
    "project",
    "published",
    "q&a",
    "release",
    "report",
    "research",
    "science",
    "search",
    "section",
    "services",
    "share",
    "society",
    "spotlight",
    "sports",
    "staff",
    "stories",
    "student",
    "students",
    "subscribe",
    "team",
    "times",
    "transcript",
    "university",
    "updated",
    "video",
    "weekly",
    "world",
    // the same words of Korean, Japanese and Chinese site lines
    "인터뷰",
    "뉴스",
    "뉴스룸",
    "피플",
    "사내소식",
    "기사",
    "공유",
    "댓글",
    "홈",
    "블로그",
    "インタビュー",
    "ニュース",
    "ブログ",
    "特集",
    "連載",
    "紹介",
    "トップ",
    "ホーム",
    "专访",
    "專訪",
    "新闻",
    "新聞",
    "首页",
    "首頁",
    "栏目",
    "欄目",
    "访谈",
    "訪談",
    "对谈",
    "對談",
    "港聞",
    "要闻",
    "要聞",
];

/// Whether a word of `text` (any case) is one of [`SECTION_WORDS`], or a
/// CJK one of them is inside it.
fn section_word(text: &str) -> bool {
    has_word(text, SECTION_WORDS)
}

/// Whether a word of `text` (any case) is in `list`, or a CJK entry of it
/// is inside `text`.
fn has_word(text: &str, list: &[&str]) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '>' | '/' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    list.iter().any(|s| {
        if s.is_ascii() {
            words.contains(s)
        } else {
            lower.contains(s)
        }
    })
}

/// A Korean name: a common surname and one to three syllables more.
fn hangul(name: &str) -> Option<&'static str> {
    const COMPOUND: &[&str] = &[
        "남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방",
    ];
    const SURNAMES: &str = "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차\
        주우구민류나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어\
        은편용예경봉부가복태목형계피두감음빈동온호범좌팽승간시갈견당화창옹단라";
    let syllables: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    // `부교수`: a title, though it opens on a surname
    if crate::form::fields::is_title_word(name) {
        return Some("is a title, not a name");
    }
    if section_word(name) {
        return Some("names a site's section or a page, not a person");
    }
    if !(2..=5).contains(&syllables.len()) {
        return Some("has not the length of a Korean name (two to four syllables)");
    }
    let compound = COMPOUND
        .iter()
        .any(|c| syllables.iter().take(2).collect::<String>() == *c);
    if !compound && (syllables.len() == 5 || !SURNAMES.contains(syllables[0])) {
        return Some("does not open on a common Korean surname");
    }
    if !compound && syllables.len() == 4 {
        return Some("has four syllables and no double surname: a word more than a name");
    }
    None
}

/// A Chinese name: a common surname (or a double one) and one to three
/// characters more, with no title after it.
fn chinese(name: &str) -> Option<&'static str> {
    const DOUBLE: &[&str] = &[
        "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐",
        "慕容", "司徒", "夏侯", "公孙", "公孫", "尉迟", "尉遲", "长孙", "長孫", "端木", "轩辕",
        "軒轅",
    ];
    const AFTER_NAMES: &[&str] = &[
        "校友", "先生", "女士", "老师", "老師", "同学", "同學", "博士", "教授", "记者", "記者",
    ];
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    if crate::form::fields::ends_with_role_word(name)
        || AFTER_NAMES.iter().any(|t| name.ends_with(t))
    {
        return Some("holds a title after the name");
    }
    if section_word(name) {
        return Some("names a site's section or a page, not a person");
    }
    if is_transliterated(name) {
        return None;
    }
    if !(2..=4).contains(&chars.len()) {
        return Some("has not the length of a Chinese name (two to four characters)");
    }
    let double = DOUBLE
        .iter()
        .any(|d| chars.iter().take(2).collect::<String>() == *d);
    if !double && !is_common_chinese_surname(chars[0]) {
        return Some("does not open on a common Chinese surname");
    }
    None
}

/// A Japanese name: no kana particle inside, no organisation or page word
/// at its end, no honorific.
fn japanese(name: &str) -> Option<&'static str> {
    const ENDINGS: &[&str] = &[
        "部",
        "課",
        "科",
        "室",
        "局",
        "庁",
        "省",
        "院",
        "会",
        "社",
        "所",
        "学",
        "校",
        "園",
        "団",
        "隊",
        "組合",
        "協会",
        "センター",
        "紹介",
        "特集",
        "インタビュー",
        "さんに聞く",
        "に聞く",
    ];
    const HONORIFICS: &[&str] = &["さん", "氏", "様", "先生", "くん", "君", "ちゃん"];
    let bare: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    // `森下さんに`: the honorific, then a particle
    let honorific_inside = HONORIFICS.iter().any(|h| {
        bare.find(h)
            .is_some_and(|at| at > 0 && bare[at + h.len()..].chars().count() <= 2)
    });
    if honorific_inside && bare.chars().count() > 2 {
        return Some("holds an honorific after the name");
    }
    // `…井大臣`, `准教授`: a title at its end
    if crate::form::fields::ends_with_role_word(&bare) || crate::form::fields::is_title_word(&bare)
    {
        return Some("holds a title after the name");
    }
    if ENDINGS.iter().any(|e| bare.ends_with(e)) {
        return Some("ends in a word of an organisation or a page, not of a name");
    }
    // a particle with a word after it (`まちの人`); a given name in
    // hiragana after the family name (`早瀬ことみ`) holds none
    // (`今度はこちらから`: a particle right after a kanji)
    let letters: Vec<char> = bare.chars().collect();
    let phrase = (1..letters.len()).any(|i| {
        matches!(letters[i], 'の' | 'を' | 'が' | 'は' | 'に' | 'で' | 'と')
            && (!is_kana(letters[i - 1]) || letters[i..].iter().any(|&c| !is_kana(c)))
    });
    if phrase {
        return Some("holds a particle, as a phrase does and a name does not");
    }
    if bare.chars().count() > 8 {
        return Some("is longer than a Japanese name");
    }
    None
}

/// A name written from another script with a middle dot between its parts:
/// `米歇尔·杨`, `Jean-Luc · Picard`.
fn is_transliterated(name: &str) -> bool {
    name.contains('·')
        && !name.contains(['|', '>', ':', '：', '[', '【', '"', '“', '/', '#', '@', '•'])
        && name.chars().filter(|c| !c.is_whitespace()).count() <= 16
}

use crate::form::fields::is_hangul;

/// Hiragana or katakana.
pub(super) fn is_kana(c: char) -> bool {
    ('\u{3040}'..='\u{30FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_every_script_have_their_shape() {
        for (name, language) in [
            ("LEE Hee-sup", Some("en")),
            ("Ines Carvalho", Some("en")),
            ("Ludwig van Beethoven", None),
            ("Siobhan O'Neill", None),
            ("Tomas Reyna", None),
            ("Rachel Dean", Some("en")),
            ("Marta", None),
            ("강도윤", Some("ko")),
            ("남궁현", Some("ko")),
            ("표준우", Some("ko")),
            ("梁蔚文", Some("zh")),
            ("欧阳明", Some("zh")),
            ("宮下 彩", Some("ja")),
            ("岡部 真由美", Some("ja")),
            ("鈴木健二", Some("ja")),
            ("早瀬ことみ", Some("ja")),
            ("米歇尔·杨", Some("zh")),
        ] {
            assert_eq!(unlike_a_name(name, language), None, "{name}");
        }
    }

    #[test]
    fn site_lines_and_phrases_have_not_the_shape_of_a_name() {
        for (line, language) in [
            ("Careers", Some("en")),
            ("Admissions Blog", Some("en")),
            ("Business | Local", Some("en")),
            ("Dr. Hannah Okoye", Some("en")),
            ("the new head of the port", Some("en")),
            ("뉴스룸 > 피플", Some("ko")),
            ("• 댓글 2", Some("ko")),
            ("조회 수:88", Some("ko")),
            ("상단여백", Some("ko")),
            ("사내소식", Some("ko")),
            ("港聞", Some("zh")),
            ("区新闻", Some("zh")),
            ("周启明校友", Some("zh")),
            ("对谈", Some("zh")),
            ("まちの人", Some("ja")),
            ("今度はこちらから", Some("ja")),
            ("営業部 第二課", Some("ja")),
            ("北陸工科大学", Some("ja")),
            ("先輩社員紹介", Some("ja")),
            ("森下さんに", Some("ja")),
            ("桜井大臣", Some("ja")),
            ("准教授", Some("ja")),
            ("Associate Professor", Some("en")),
            ("부교수", Some("ko")),
            ("勤続10年の表彰を行いました", Some("ja")),
        ] {
            assert!(unlike_a_name(line, language).is_some(), "{line}");
        }
    }

    #[test]
    fn roles_and_what_is_no_role() {
        for (role, language) in [
            (
                "Secretary-General of the Trilateral CooperationSecretariat (TCS)",
                Some("en"),
            ),
            ("Senior Data Engineer", Some("en")),
            ("물류AI팀 매니저", Some("ko")),
            ("해외영업2팀 과장", Some("ko")),
            ("市文旅局局长", Some("zh")),
            ("地域おこし協力隊", Some("ja")),
            ("営業部 第二課", Some("ja")),
            ("教授", Some("ja")),
            ("이사", Some("ko")),
            ("Professor, Department of Earth Sciences", Some("en")),
        ] {
            assert_eq!(unlike_a_role(role, language), None, "{role}");
        }
        for (role, language) in [
            ("Life at Northwind Blog", Some("en")),
            ("강도윤", Some("ko")),
            ("STAFF INTERVIEW 03", Some("en")),
            ("이 기사를 공유합니다", Some("ko")),
            ("HOME 대학 인터뷰", Some("ko")),
            ("了市文旅局局长", Some("zh")),
            ("岡部 真由美", Some("ja")),
        ] {
            assert!(unlike_a_role(role, language).is_some(), "{role}");
        }
    }
}
