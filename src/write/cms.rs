//! What the CMS writers (Markdown with front matter, WordPress WXR) share:
//! the page title, the URL slug, the publication date when the model's date
//! is ISO 8601, the excerpt, and the model's metadata as a flat list of
//! fields that each writer lays out in its own way (nested YAML under
//! `params`, `wp:postmeta` keys).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

use crate::model::{Interview, Speaker};

/// The page title: the headline when the page has one, else "Interview
/// with NAME" in the interview's language (English when it is unknown).
/// Without a name the title names no one: "Interview" and the date as
/// written (`Interview (2024-05-12)`), else the stem of `path`, the input's
/// file name (`Interview (kim-2019)`), else "Interview" alone.
pub(crate) fn title(interview: &Interview, path: Option<&Path>) -> String {
    if let Some(headline) = &interview.headline {
        return headline.clone();
    }
    let language = primary_language(interview);
    if let Some(speaker) = &interview.speaker {
        let name = &speaker.name;
        return match language {
            Some("zh") => format!("{name}访谈"),
            Some("ja") => format!("{name}インタビュー"),
            Some("ko") => format!("{name} 인터뷰"),
            _ => format!("Interview with {name}"),
        };
    }
    let (word, open, close) = match language {
        Some("zh") => ("访谈", "（", "）"),
        Some("ja") => ("インタビュー", "（", "）"),
        Some("ko") => ("인터뷰", " (", ")"),
        _ => ("Interview", " (", ")"),
    };
    let stem = path
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy())
        .filter(|s| !s.trim().is_empty());
    match interview.date.as_deref().map(Cow::Borrowed).or(stem) {
        Some(which) => format!("{word}{open}{which}{close}"),
        None => word.to_owned(),
    }
}

/// The primary subtag of the interview's language tag (`zh` for `zh-Hant`).
fn primary_language(interview: &Interview) -> Option<&str> {
    interview
        .language
        .as_deref()
        .and_then(|tag| tag.split('-').next())
}

/// The longest slug, in characters; longer titles are cut at a word.
const SLUG_MAX: usize = 60;

/// A URL slug: letters and digits of any script, lowercased, every other run
/// of characters one `-` (`LEE Hee-sup` → `lee-hee-sup`, `李熙燮` stays).
/// Empty when `text` has no letter or digit.
pub(crate) fn slug(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut slug = String::new();
    for word in words {
        let sep = usize::from(!slug.is_empty());
        if slug.chars().count() + sep + word.chars().count() > SLUG_MAX {
            if slug.is_empty() {
                // one word longer than the limit (unspaced CJK): cut it
                slug = word.chars().take(SLUG_MAX).collect();
            }
            break;
        }
        if sep == 1 {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug
}

/// The page's slug, unique among the pages of a batch and the same on
/// every run: the title's [`slug`], then `-` and eight hex digits of a hash
/// of `path`, the input's path relative to its input (`2024/a.txt`; an
/// archive entry's path inside the archive), which no two documents of one
/// output tree share. Without a path (one document, written by the library)
/// the title's slug alone; a title with nothing to slug gives the hash alone.
pub(crate) fn page_slug(title: &str, path: Option<&Path>) -> String {
    let mut slug = slug(title);
    if let Some(path) = path {
        if !slug.is_empty() {
            slug.push('-');
        }
        let _ = write!(slug, "{:08x}", path_hash(path));
    }
    slug
}

/// A 32-bit FNV-1a hash of `path` with `/` between its components, so that
/// a path hashes alike on every platform and in every version.
fn path_hash(path: &Path) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut first = true;
    for component in path.components() {
        let part = component.as_os_str().to_string_lossy();
        let separator: &[u8] = if first { b"" } else { b"/" };
        first = false;
        for &b in separator.iter().chain(part.as_bytes()) {
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    hash
}

/// The excerpt (WordPress) or description (static sites): the first
/// paragraph of the introduction, the page's own standfirst. `None` without
/// an introduction, so that the CMS makes its own from the content.
pub(crate) fn excerpt(interview: &Interview) -> Option<&str> {
    interview.introduction.first().map(String::as_str)
}

/// One metadata value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    /// Text as written.
    Text(&'a str),
    /// A count.
    Count(u64),
}

/// One metadata field: `group` names the model object it belongs to
/// (`speaker`, `role`, `interviewer`), `key` the field, with the model's JSON
/// names except `date_text` for the date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Field<'a> {
    pub group: Option<&'static str>,
    pub key: &'static str,
    pub value: Value<'a>,
}

/// Everything in the model but the text itself (introduction, questions and
/// answers, which are the body): the header, who speaks, the read count,
/// language and encoding, in the model's order. Fields of one group are
/// adjacent.
pub(crate) fn metadata(interview: &Interview) -> Vec<Field<'_>> {
    let mut f = Fields(Vec::new());
    f.text(None, "headline", interview.headline.as_deref());
    f.text(None, "date_text", interview.date.as_deref());
    f.text(None, "byline", interview.byline.as_deref());
    f.speaker("speaker", interview.speaker.as_ref());
    if let Some(role) = &interview.role {
        f.text(Some("role"), "text", Some(&role.text));
        f.text(Some("role"), "title", role.title.as_deref());
        f.text(Some("role"), "organization", role.organization.as_deref());
        f.text(Some("role"), "abbreviation", role.abbreviation.as_deref());
    }
    f.speaker("interviewer", interview.interviewer.as_ref());
    if let Some(count) = interview.read_count {
        f.0.push(Field {
            group: None,
            key: "read_count",
            value: Value::Count(count),
        });
    }
    f.text(
        None,
        "read_count_precision",
        interview.read_count_precision.map(|p| p.as_str()),
    );
    f.text(
        None,
        "read_count_text",
        interview.read_count_text.as_deref(),
    );
    f.text(None, "language", interview.language.as_deref());
    f.text(None, "encoding", interview.encoding.as_deref());
    f.0
}

struct Fields<'a>(Vec<Field<'a>>);

impl<'a> Fields<'a> {
    fn text(&mut self, group: Option<&'static str>, key: &'static str, value: Option<&'a str>) {
        if let Some(value) = value {
            self.0.push(Field {
                group,
                key,
                value: Value::Text(value),
            });
        }
    }

    fn speaker(&mut self, group: &'static str, speaker: Option<&'a Speaker>) {
        if let Some(speaker) = speaker {
            self.text(Some(group), "name", Some(&speaker.name));
            self.text(Some(group), "family_name", speaker.family_name.as_deref());
            self.text(Some(group), "given_name", speaker.given_name.as_deref());
            self.text(Some(group), "label", speaker.label.as_deref());
        }
    }
}

/// `text` with CR LF and lone CR turned into LF: the line ends every CMS
/// format writes.
pub(crate) fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A date and optional time as ISO 8601 writes them (`2024-05-12`,
/// `2024-05-12T09:30:00+08:00`, `2024-05-12 09:30`), checked against the
/// calendar. Years 0001 to 9999.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IsoDate {
    year: u32,
    month: u32,
    day: u32,
    time: Option<Time>,
    /// Minutes east of UTC, when the text gives a zone (`Z` is 0).
    offset: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Time {
    hour: u32,
    minute: u32,
    second: u32,
    /// The fraction of a second, as written (the digits after the point).
    fraction: Option<String>,
}

impl IsoDate {
    /// Parses `text` (surrounding white space ignored); `None` unless the
    /// whole text is one ISO 8601 calendar date, optionally with a time and
    /// a zone, that exists.
    pub(crate) fn parse(text: &str) -> Option<IsoDate> {
        let mut p = Cursor(text.trim().as_bytes());
        let year = p.digits(4)?;
        p.byte(b'-')?;
        let month = p.digits(2)?;
        p.byte(b'-')?;
        let day = p.digits(2)?;
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        let mut date = IsoDate {
            year,
            month,
            day,
            time: None,
            offset: None,
        };
        if p.0.is_empty() {
            return Some(date);
        }
        p.one_of(b"Tt ")?;
        let hour = p.digits(2)?;
        p.byte(b':')?;
        let minute = p.digits(2)?;
        let mut second = 0;
        let mut fraction = None;
        if p.byte(b':').is_some() {
            second = p.digits(2)?;
            if p.one_of(b".,").is_some() {
                let digits = p.take_while(|b| b.is_ascii_digit());
                if digits.is_empty() {
                    return None;
                }
                fraction = Some(String::from_utf8_lossy(digits).into_owned());
            }
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        date.time = Some(Time {
            hour,
            minute,
            second,
            fraction,
        });
        date.offset = match p.0.first() {
            None => None,
            Some(b'Z' | b'z') => {
                p.0 = &p.0[1..];
                Some(0)
            }
            Some(&sign @ (b'+' | b'-')) => {
                p.0 = &p.0[1..];
                let hours = p.digits(2)?;
                p.byte(b':');
                let minutes = if p.0.is_empty() { 0 } else { p.digits(2)? };
                if hours > 23 || minutes > 59 {
                    return None;
                }
                let offset = (hours * 60 + minutes) as i32;
                Some(if sign == b'-' { -offset } else { offset })
            }
            Some(_) => return None,
        };
        p.0.is_empty().then_some(date)
    }

    /// RFC 3339 (a profile of ISO 8601 every static-site generator and
    /// YAML 1.1 timestamp reads): `2024-05-12`, or with a time
    /// `2024-05-12T09:30:00+08:00`.
    pub(crate) fn rfc3339(&self) -> String {
        let mut out = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some(t) = &self.time {
            out += &format!("T{:02}:{:02}:{:02}", t.hour, t.minute, t.second);
            if let Some(fraction) = &t.fraction {
                out.push('.');
                out.push_str(fraction);
            }
            match self.offset {
                None => {}
                Some(0) => out.push('Z'),
                Some(m) => {
                    let sign = if m < 0 { '-' } else { '+' };
                    out += &format!("{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60);
                }
            }
        }
        out
    }

    /// The form HTML's `datetime` attribute takes: [`rfc3339`](Self::rfc3339)
    /// with at most three digits of a fraction of a second.
    pub(crate) fn html(&self) -> String {
        let mut date = self.clone();
        if let Some(Time {
            fraction: Some(fraction),
            ..
        }) = &mut date.time
        {
            fraction.truncate(3);
        }
        date.rfc3339()
    }

    /// Seconds since 1970-01-01T00:00:00 of the local date and time as
    /// written, ignoring the zone.
    fn local_seconds(&self) -> i64 {
        let (h, m, s) = self
            .time
            .as_ref()
            .map_or((0, 0, 0), |t| (t.hour, t.minute, t.second));
        days_from_civil(self.year, self.month, self.day) * 86_400 + i64::from(h * 3600 + m * 60 + s)
    }

    /// The local date and time as MySQL writes them
    /// (`2024-05-12 09:30:00`), which is what WordPress stores.
    pub(crate) fn mysql_local(&self) -> String {
        mysql(self.local_seconds())
    }

    /// The same instant in UTC as MySQL writes it. A date without a zone is
    /// taken to be UTC. `None` when the instant falls outside the years
    /// 1000 to 9999 that MySQL stores.
    pub(crate) fn mysql_utc(&self) -> Option<String> {
        let utc = self.utc_seconds();
        let (year, ..) = civil_from_days(utc.div_euclid(86_400));
        (1000..=9999).contains(&year).then(|| mysql(utc))
    }

    /// Whether WordPress can store the local date (MySQL `DATETIME` years).
    pub(crate) fn storable(&self) -> bool {
        (1000..=9999).contains(&(self.year as i64)) && self.mysql_utc().is_some()
    }

    fn utc_seconds(&self) -> i64 {
        self.local_seconds() - i64::from(self.offset.unwrap_or(0)) * 60
    }

    /// The instant as RSS 2.0 `pubDate` wants it (RFC 822 with a four-digit
    /// year): `Sun, 12 May 2024 00:00:00 +0000`.
    pub(crate) fn rfc822_utc(&self) -> String {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let utc = self.utc_seconds();
        let days = utc.div_euclid(86_400);
        let secs = utc.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        format!(
            "{}, {d:02} {} {y:04} {:02}:{:02}:{:02} +0000",
            DAYS[days.rem_euclid(7) as usize],
            MONTHS[(m - 1) as usize],
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// The date `text` gives, as HTML's `datetime` attribute takes it: an ISO
/// 8601 date (and time) as [`IsoDate`] reads it, or a calendar date in a
/// form pages print (`May 12, 2024`, `12 May 2024`, `2024年5月12日`,
/// `2024년 5월 12일`, `2011.12.07.`, `2024/05/12`) as `2024-05-12`, or a
/// month (`May 2024`, `2024年5月`) as `2024-05`. `None` for any other text,
/// and for a date the calendar does not have; a day and month whose order
/// the text does not show (`05/12/2024`) is not guessed.
pub(crate) fn machine_date(text: &str) -> Option<String> {
    if let Some(date) = IsoDate::parse(text) {
        return Some(date.html());
    }
    let tokens = date_tokens(text)?;
    let (year, month, day) = match tokens.as_slice() {
        // 2024-05-12, 2024/5/12, 2011.12.07., 2024年5月12日, 2024년 5월 12일
        [Tok::Year(y), Tok::Num(m), Tok::Num(d)] => (*y, *m, Some(*d)),
        [Tok::Year(y), Tok::Num(m)] => (*y, *m, None),
        // May 12, 2024; 12 May 2024; May 2024
        [Tok::Month(m), Tok::Num(d), Tok::Year(y)] | [Tok::Num(d), Tok::Month(m), Tok::Year(y)] => {
            (*y, *m, Some(*d))
        }
        [Tok::Month(m), Tok::Year(y)] => (*y, *m, None),
        _ => return None,
    };
    if year == 0 || !(1..=12).contains(&month) {
        return None;
    }
    match day {
        Some(day) if day == 0 || day > days_in_month(year, month) => None,
        Some(day) => Some(format!("{year:04}-{month:02}-{day:02}")),
        None => Some(format!("{year:04}-{month:02}")),
    }
}

/// A piece of a printed date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// Four digits.
    Year(u32),
    /// One or two digits.
    Num(u32),
    /// A month's English name or abbreviation.
    Month(u32),
}

/// `text` as date pieces, the separators (white space, `-` `/` `.` `,`,
/// the CJK unit characters in their places) checked and dropped, and a
/// leading weekday name and ordinal suffixes (`12th`) skipped. `None` when
/// anything else is in the text.
fn date_tokens(text: &str) -> Option<Vec<Tok>> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    // how many numbers a CJK unit has marked so far
    let mut units = 0;
    while let Some(&c) = chars.peek() {
        if ascii_digit(c).is_some() {
            let mut n = 0u32;
            let mut len = 0;
            while let Some(d) = chars.peek().and_then(|&c| ascii_digit(c)) {
                n = n.checked_mul(10)?.checked_add(d)?;
                len += 1;
                chars.next();
            }
            tokens.push(match len {
                4 => Tok::Year(n),
                1 | 2 => Tok::Num(n),
                _ => return None,
            });
        } else if c.is_ascii_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_ascii_alphabetic()) {
                word.push(c.to_ascii_lowercase());
                chars.next();
            }
            let after_number = matches!(tokens.last(), Some(Tok::Num(_)));
            if after_number && ["st", "nd", "rd", "th"].contains(&word.as_str()) {
                continue;
            }
            let month = (word.len() >= 3)
                .then(|| MONTHS.iter().position(|m| word.starts_with(m)))
                .flatten()
                .filter(|&i| month_name_matches(&word, i));
            match month {
                Some(i) => tokens.push(Tok::Month(i as u32 + 1)),
                None if tokens.is_empty()
                    && word.len() >= 3
                    && WEEKDAYS.iter().any(|d| word.starts_with(d)) => {}
                None => return None,
            }
        } else if let Some(place) = cjk_unit(c) {
            if place != units || tokens.len() != place + 1 {
                return None;
            }
            units += 1;
            chars.next();
        } else if c.is_whitespace() || matches!(c, '-' | '/' | '.' | ',') {
            chars.next();
        } else {
            return None;
        }
    }
    // a CJK form marks every number it has (`2024年5月`, not `2024年5`)
    if units != 0 && units != tokens.len() {
        return None;
    }
    Some(tokens)
}

/// Whether `word` (lowercase, starting with the three letters of month
/// `index`) is that month's name, abbreviated or in full (`sept` too).
fn month_name_matches(word: &str, index: usize) -> bool {
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    FULL[index].starts_with(word) || (index == 8 && word == "sept")
}

/// The place of a CJK date unit: 年 or 년 after the year (0), 月 or 월
/// after the month (1), 日 or 일 after the day (2).
fn cjk_unit(c: char) -> Option<usize> {
    match c {
        '年' | '년' => Some(0),
        '月' | '월' => Some(1),
        '日' | '일' => Some(2),
        _ => None,
    }
}

/// The value of an ASCII or full-width digit.
fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn mysql(seconds: i64) -> String {
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    let secs = seconds.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A byte cursor for the date grammar.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn digits(&mut self, n: usize) -> Option<u32> {
        let head = self.0.get(..n)?;
        if !head.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[n..];
        Some(head.iter().fold(0, |acc, b| acc * 10 + u32::from(b - b'0')))
    }

    fn byte(&mut self, expected: u8) -> Option<()> {
        self.one_of(&[expected]).map(drop)
    }

    fn one_of(&mut self, set: &[u8]) -> Option<u8> {
        let first = *self.0.first()?;
        set.contains(&first).then(|| {
            self.0 = &self.0[1..];
            first
        })
    }

    fn take_while(&mut self, pred: impl Fn(&u8) -> bool) -> &[u8] {
        let n = self.0.iter().take_while(|b| pred(b)).count();
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        head
    }
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Speaker;

    fn interview() -> Interview {
        serde_json::from_str(
            r#"{"speaker": {"name": "LEE Hee-sup"}, "exchanges": [{"question": "q", "answer": ["a"]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn title_prefers_the_headline_then_names_the_speaker_in_the_language() {
        let mut i = interview();
        assert_eq!(title(&i, None), "Interview with LEE Hee-sup");
        i.language = Some("zh-Hans".into());
        i.speaker = Some(Speaker::named("李熙燮"));
        assert_eq!(title(&i, None), "李熙燮访谈");
        i.headline = Some("A headline".into());
        assert_eq!(title(&i, None), "A headline");
    }

    #[test]
    fn without_a_speaker_the_title_names_no_one() {
        let mut i = interview();
        i.speaker = None;
        let path = Path::new("2019/kim-talk.txt");
        assert_eq!(title(&i, None), "Interview");
        assert_eq!(title(&i, Some(path)), "Interview (kim-talk)");
        i.date = Some("2024年5月12日".into());
        assert_eq!(title(&i, Some(path)), "Interview (2024年5月12日)");
        i.language = Some("ja".into());
        assert_eq!(title(&i, None), "インタビュー（2024年5月12日）");
        i.language = Some("ko".into());
        i.date = None;
        assert_eq!(title(&i, Some(path)), "인터뷰 (kim-talk)");
        // the slug: the title's, then the path's hash, as for any page
        let slug = page_slug(&title(&i, Some(path)), Some(path));
        assert!(slug.starts_with("인터뷰-kim-talk-"), "{slug}");
        i.headline = Some("A headline".into());
        assert_eq!(title(&i, Some(path)), "A headline");
    }

    #[test]
    fn slugs_keep_letters_of_every_script_and_cut_at_a_word() {
        assert_eq!(
            slug("Interview with LEE Hee-sup"),
            "interview-with-lee-hee-sup"
        );
        assert_eq!(slug("  “Sharing” & caring: 62%!  "), "sharing-caring-62");
        assert_eq!(slug("李熙燮访谈"), "李熙燮访谈");
        assert_eq!(slug("Ünïcödé ÉCOLE"), "ünïcödé-école");
        assert_eq!(slug("?!"), "");
        let long = "word ".repeat(30);
        let cut = slug(&long);
        assert!(cut.len() <= SLUG_MAX && cut.ends_with("word"), "{cut}");
        assert_eq!(slug(&"字".repeat(100)).chars().count(), SLUG_MAX);
    }

    #[test]
    fn iso_dates_are_recognized_and_checked_against_the_calendar() {
        for (text, rfc) in [
            ("2024-05-12", "2024-05-12"),
            (" 2024-02-29 ", "2024-02-29"),
            ("2024-05-12T09:30", "2024-05-12T09:30:00"),
            ("2024-05-12 09:30:15.250", "2024-05-12T09:30:15.250"),
            ("2024-05-12T09:30:00Z", "2024-05-12T09:30:00Z"),
            ("2024-05-12t09:30:00+0800", "2024-05-12T09:30:00+08:00"),
            ("2024-05-12T09:30:00-05:30", "2024-05-12T09:30:00-05:30"),
            ("2024-05-12T09:30:00+08", "2024-05-12T09:30:00+08:00"),
        ] {
            assert_eq!(
                IsoDate::parse(text).map(|d| d.rfc3339()).as_deref(),
                Some(rfc),
                "{text}"
            );
        }
        for text in [
            "2024年5月12日",
            "12 May 2024",
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "0000-01-01",
            "2024-5-12",
            "20240512",
            "2024-05",
            "2024-05-12T24:00",
            "2024-05-12T09:60",
            "2024-05-12T09:30:00+24:00",
            "2024-05-12T09:30:00.",
            "2024-05-12T09:30:00 Z",
            "2024-05-12 and more",
            "",
        ] {
            assert_eq!(IsoDate::parse(text), None, "{text}");
        }
    }

    #[test]
    fn printed_dates_give_html_datetimes() {
        for (text, datetime) in [
            ("2024-05-12", "2024-05-12"),
            (
                "2024-05-12T09:30:15.123456+0800",
                "2024-05-12T09:30:15.123+08:00",
            ),
            ("May 12, 2024", "2024-05-12"),
            ("Sunday, May 12th, 2024", "2024-05-12"),
            ("12 May 2024", "2024-05-12"),
            ("1 Sept. 2023", "2023-09-01"),
            ("December 2023", "2023-12"),
            ("2024年5月12日", "2024-05-12"),
            ("２０２４年５月１２日", "2024-05-12"),
            ("2024年5月", "2024-05"),
            ("2024년 5월 12일", "2024-05-12"),
            ("2011.12.07.", "2011-12-07"),
            ("2011. 12. 7.", "2011-12-07"),
            ("2024/05/12", "2024-05-12"),
            ("2024-5-12", "2024-05-12"),
            ("2024-02-29", "2024-02-29"),
        ] {
            assert_eq!(machine_date(text).as_deref(), Some(datetime), "{text}");
        }
        for text in [
            "spring 2024",
            "05/12/2024",
            "2023年2月29日",
            "2024年13月1日",
            "2024年5",
            "5月12日",
            "2024년 5월 12일 (일)",
            "Mayday 12, 2024",
            "May 32, 2024",
            "2024-05-12 and more",
            "12345",
            "",
        ] {
            assert_eq!(machine_date(text), None, "{text}");
        }
    }

    #[test]
    fn page_slugs_tell_paths_apart_and_stay_the_same() {
        let a = page_slug("Interview with LEE Hee-sup", Some(Path::new("2024/a.txt")));
        let b = page_slug("Interview with LEE Hee-sup", Some(Path::new("2024/b.txt")));
        assert_ne!(a, b);
        assert!(a.starts_with("interview-with-lee-hee-sup-"), "{a}");
        assert_eq!(a.len(), "interview-with-lee-hee-sup-".len() + 8);
        // the published FNV-1a 32-bit test vector: a change of hash would
        // change every page's URL
        assert_eq!(path_hash(Path::new("a")), 0xe40c292c);
        assert_eq!(page_slug("?!", Some(Path::new("a"))), "e40c292c");
        assert_eq!(page_slug("Title", None), "title");
    }

    #[test]
    fn dates_convert_to_utc_and_rfc822() {
        let d = IsoDate::parse("2024-01-01T03:00:00+08:00").unwrap();
        assert_eq!(d.mysql_local(), "2024-01-01 03:00:00");
        assert_eq!(d.mysql_utc().unwrap(), "2023-12-31 19:00:00");
        assert_eq!(d.rfc822_utc(), "Sun, 31 Dec 2023 19:00:00 +0000");
        let d = IsoDate::parse("2024-05-12").unwrap();
        assert_eq!(d.mysql_utc().unwrap(), "2024-05-12 00:00:00");
        assert_eq!(d.rfc822_utc(), "Sun, 12 May 2024 00:00:00 +0000");
        assert_eq!(
            IsoDate::parse("1970-01-01").unwrap().rfc822_utc(),
            "Thu, 01 Jan 1970 00:00:00 +0000"
        );
        assert_eq!(
            IsoDate::parse("2000-02-29T23:59:59-00:01")
                .unwrap()
                .mysql_utc()
                .unwrap(),
            "2000-03-01 00:00:59"
        );
        assert!(!IsoDate::parse("0999-12-31").unwrap().storable());
        assert!(
            !IsoDate::parse("9999-12-31T23:00:00-05:00")
                .unwrap()
                .storable()
        );
        assert!(IsoDate::parse("1000-01-01").unwrap().storable());
    }

    #[test]
    fn civil_dates_round_trip_through_day_numbers() {
        for days in (-719_162..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y as u32, m as u32, d as u32), days);
        }
    }

    #[test]
    fn metadata_lists_every_field_but_the_text() {
        let mut i = interview();
        i.date = Some("2024年5月12日".into());
        i.read_count = Some(427);
        i.read_count_precision = Some(crate::model::Precision::Exact);
        let fields = metadata(&i);
        let keys: Vec<_> = fields.iter().map(|f| (f.group, f.key)).collect();
        assert_eq!(
            keys,
            [
                (None, "date_text"),
                (Some("speaker"), "name"),
                (None, "read_count"),
                (None, "read_count_precision")
            ]
        );
        assert_eq!(fields[2].value, Value::Count(427));
    }
}
