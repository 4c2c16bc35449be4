//! Pass 4: the header, the lines before the first turn: headline, date,
//! byline, the interviewee's name and role, the interviewer, and the
//! introduction. The line rules it uses are in [`crate::form::fields`].

use super::classify::{self, Counted, Page};
use super::layout::{Party, Profile};
use super::lines::Layout;
use super::parse_name;
use super::shape;
use crate::diagnostic::{Code, Diagnostic};
use crate::form::chars;
use crate::form::fields::{self, Entry, Field};
use crate::form::labels;
use crate::form::line::Line;
use crate::form::names::{self, Mention};
use crate::model::Speaker;

/// What the header rules found before the first question.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub headline: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    pub speaker: Option<Speaker>,
    pub role: Option<String>,
    pub interviewer: Option<String>,
    pub introduction: Vec<String>,
    /// People the header's lines name (`Interview with Ines Carvalho`),
    /// with where.
    pub mentions: Vec<(Mention, std::ops::Range<usize>)>,
    /// The header's lines that read as a person (`Delphine Okoro`,
    /// `KIM Min-jun, Director …`), as mentions, with where: the
    /// candidates the people pass weighs against the name line taken.
    pub person_lines: Vec<(Mention, std::ops::Range<usize>)>,
    /// Whether the header marks its fields (`# …`, `Headline: …`,
    /// `Introduction: …`), as the canonical text does: its name line is then
    /// meant as one, and no other person the header names is weighed
    /// against it.
    pub headline_marked: bool,
    /// Whether the name line is the header's first line that is no field
    /// (after any headline, date or byline): where the seed and the text
    /// writer put it.
    pub name_opens_header: bool,
    /// Whether the name came from a field that says so (`Interviewee: …`).
    pub speaker_explicit: bool,
    /// Why the name read is in doubt although it reads like a name.
    pub speaker_doubt: Option<&'static str>,
    /// Where the name line is, when the name came from one.
    pub speaker_span: Option<std::ops::Range<usize>>,
    /// Read-count lines met in the header, in order.
    pub counts: Vec<Counted>,
    /// What the header rules reported.
    pub diagnostics: Vec<Diagnostic>,
    /// Introduction lines a later pass took out as a field (the role):
    /// the `introduction` warnings at them no longer hold.
    pub taken: Vec<String>,
}

/// The header, from the entries of its lines.
pub(crate) fn read(page: &Page<'_>, entries: &[Entry<'_>], profile: &Profile) -> Header {
    let mut h = Header {
        mentions: entries
            .iter()
            .filter(|e| !matches!(e.field, Field::Furniture | Field::Count(_)))
            .filter_map(|e| names::mention(&e.line.text).map(|m| (m, e.line.span.clone())))
            .collect(),
        ..Header::default()
    };
    let mut plain: Vec<usize> = Vec::new();
    let mut name_at: Option<usize> = None;
    let mut interviewer_explicit = false;
    let mut labelled_intro: Vec<usize> = Vec::new();
    // whether the name line held a role part (read or set aside): the
    // next line is then no role line
    let mut role_read = false;
    for (i, entry) in entries.iter().enumerate() {
        match &entry.field {
            // `Name: Carlos Medina` then `Title: Senior Data Engineer`: a
            // profile's title is the person's, not the page's
            Field::Headline(v)
                if h.role.is_none()
                    && i > 0
                    && matches!(entries[i - 1].field, Field::Interviewee(_))
                    && entry
                        .line
                        .text
                        .trim_start()
                        .to_lowercase()
                        .starts_with("title") =>
            {
                h.role = Some(v.clone())
            }
            Field::Headline(v) if h.headline.is_none() => {
                h.headline = Some(v.clone());
                h.headline_marked = true;
            }
            Field::Date(v) if h.date.is_none() => h.date = Some(v.clone()),
            Field::Byline(v) if h.byline.is_none() => h.byline = Some(v.clone()),
            Field::Interviewer { byline, name } => {
                match byline {
                    Some(b) if h.byline.is_none() => h.byline = Some(b.clone()),
                    Some(_) => plain.push(i),
                    None => {}
                }
                let explicit = byline.is_none();
                if h.interviewer.is_none() || (explicit && !interviewer_explicit) {
                    h.interviewer = Some(name.clone());
                    interviewer_explicit |= explicit;
                } else if explicit {
                    // a second `Interviewer:` line: kept as introduction
                    plain.push(i);
                }
            }
            Field::Interviewee(v) if h.speaker.is_none() => {
                // `인터뷰 대상 : 권도윤 방송반 부장`: the value may hold the role
                let mention = || names::mention(v).map(|m| (m.name, m.role));
                // `대담 : 한빛대학교 윤해솔 명예교수`: the name inside the role
                let inside = || fields::name_inside_role(v).map(|(n, r)| (n, Some(r)));
                // `Interviewee: Aaa Via(VIA)`: the value declares the label
                let declared = fields::name_with_label(v);
                match fields::name_and_role(v)
                    .filter(|_| declared.is_none())
                    .map(|(n, r)| (n.to_owned(), Some(r.to_owned())))
                    .or_else(inside)
                    .or_else(mention)
                {
                    _ if declared.is_some() => h.speaker = declared,
                    Some((name, role)) => {
                        h.speaker = Some(parse_name(&name));
                        match role {
                            Some(role) if fields::doubt_role(&role, &name).is_none() => {
                                set_role(&mut h, &role)
                            }
                            // `Guest: Corinne Adebayo, and`: no role
                            Some(role) => h.introduction.push(role),
                            None => {}
                        }
                    }
                    None => {
                        let first = fields::first_of_names(v).unwrap_or(v);
                        h.speaker = Some(parse_name(first));
                    }
                }
                h.speaker_span = Some(entry.line.span.clone());
                h.speaker_explicit = true;
                name_at = Some(i);
            }
            Field::Role(v) if h.role.is_none() => h.role = Some(v.clone()),
            Field::Introduction(_) => {
                labelled_intro.push(i);
                h.headline_marked = true;
            }
            Field::Count(count) => h.counts.push(Counted::of(&entry.line, *count)),
            Field::Furniture => h.diagnostics.push(classify::furniture(&entry.line)),
            _ => plain.push(i),
        }
    }
    h.person_lines = plain
        .iter()
        .map(|&i| &entries[i].line)
        .filter(|line| {
            fields::is_person_line(&line.text) && fields::doubt_name(&line.text).is_none()
        })
        .map(|line| {
            let role = fields::name_and_role(&line.text).map(|(_, r)| r.to_owned());
            let mention = Mention {
                name: person_name(&line.text),
                role,
            };
            (mention, line.span.clone())
        })
        .collect();
    let speaker_from_labels = profile.parties.values().any(|&p| p == Party::Interviewee);
    if name_at.is_none() {
        // who answers, by label and declared name, to find their name line
        let mut answering: Vec<&str> = profile
            .order
            .iter()
            .filter(|l| profile.party(l) == Some(Party::Interviewee))
            .flat_map(|l| {
                std::iter::once(l.as_str()).chain(profile.declared.get(l).map(String::as_str))
            })
            .collect();
        // the longest first, so that `김예람` wins over `김`
        answering.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let names_someone = |name: &str| {
            answering
                .iter()
                .any(|l| labels::matches_name(l, name) || labels::matches_name(name, l))
        };
        let person = |i: &usize| {
            let text = &entries[*i].line.text;
            fields::is_person_line(text)
                && (!speaker_from_labels || names_someone(&person_name(text)))
        };
        // `Chancellor Dr. Amara Quist’s …` opens with the label `Chancellor`,
        // a title alone: no name
        let known_prefix = |i: &usize| {
            answering.iter().any(|n| {
                n.chars().count() >= 2
                    && !names::is_title_alone(n)
                    && entries[*i]
                        .line
                        .text
                        .strip_prefix(n)
                        .is_some_and(|rest| rest.starts_with([' ', ',', '，']))
            })
        };
        // a header person who answers; else, where questions are marked and
        // no label answers (a label names who answers better than a header
        // line no label bears out), any header person beyond doubt
        let found = plain.iter().copied().find(person).or_else(|| {
            (profile.questions_marked && !speaker_from_labels)
                .then(|| {
                    plain.iter().copied().find(|i| {
                        let text = &entries[*i].line.text;
                        fields::is_person_line(text) && fields::doubt_name(text).is_none()
                    })
                })
                .flatten()
        });
        let by_prefix = plain.iter().copied().find(known_prefix);
        // else the first line no doubt rules out (a site line, a field
        // key, a headline are no names), else the first line, doubted
        name_at = found.or(by_prefix).or_else(|| {
            (!speaker_from_labels)
                .then(|| {
                    let text = |i: &usize| &entries[*i].line.text;
                    let undoubted = |i: &usize| fields::doubt_name(text(i)).is_none();
                    // a line with the shape of a name over one without
                    // (`Careers`, `뉴스룸 > 피플` above `Carlos Medina`)
                    plain
                        .iter()
                        .copied()
                        .find(|i| undoubted(i) && shape::unlike_a_name(text(i), None).is_none())
                        .or_else(|| plain.iter().copied().find(undoubted))
                        .or_else(|| plain.first().copied())
                })
                .flatten()
        });
        // `Interview with Gordon Brown` over `Gordon Brown`: the first is
        // the headline, the next the name line (which would otherwise
        // open the role)
        if let Some(i) = name_at
            && let Some(j) = headline_over_name(entries, &plain, i)
        {
            name_at = Some(j);
        }
        if let Some(i) = name_at {
            h.name_opens_header = plain.first() == Some(&i);
            h.speaker_span = Some(entries[i].line.span.clone());
            let text = entries[i].line.text.clone();
            let bare = fields::strip_interview_prefix(&text);
            if let Some(speaker) = fields::name_with_label(&text) {
                h.speaker = Some(speaker);
            } else if let Some(name) = fields::name_with_reading(&text) {
                h.speaker = Some(parse_name(name));
            } else if let Some(name) = fields::name_before_title_word(bare) {
                h.speaker = Some(parse_name(name));
            } else if let Some((name, role)) = fields::name_inside_role(bare) {
                h.speaker = Some(parse_name(&name));
                set_role(&mut h, &role);
            } else if let Some((name, role)) = fields::name_and_role(&text) {
                h.speaker = Some(parse_name(name));
                role_read = true;
                if let Some((head, said)) = fields::role_then_turn(role) {
                    // `TOMAS REYNA, WNX SR. METEOROLOGIST: And still …`: the
                    // role in a speaker's first label, then what they said
                    set_role(&mut h, head);
                    h.introduction.push(said.to_owned());
                } else if fields::doubt_role(role, name).is_none() {
                    set_role(&mut h, role);
                } else {
                    // `윤재하, '등대지기' 종영 소감`: a headline's tail is no role
                    h.introduction.push(role.to_owned());
                }
            } else if found != Some(i)
                && let Some(name) = answering.iter().find(|n| text.starts_with(**n))
            {
                // `김예람 한국교육개발원 연구위원`: a known name, then the role
                h.speaker = Some(parse_name(name));
                let role = text[name.len()..]
                    .trim_start_matches([' ', ',', '，'])
                    .trim();
                set_role(&mut h, role);
            } else if let Some(mention) = names::mention(&text) {
                // `Favourites with Helen Marsh-Tobin`, `Interviewing Biscuit`:
                // the line names the person inside a phrase
                h.speaker = Some(parse_name(&mention.name));
                if let Some(role) = mention.role {
                    set_role(&mut h, &role);
                }
            } else {
                h.speaker = Some(parse_name(bare));
            }
            plain.retain(|&j| j != i);
        }
    }
    // before the name: the headline (then any subheadline as introduction)
    let mut intro: Vec<usize> = Vec::new();
    let cut = name_at.unwrap_or(0);
    let (mut before, after): (Vec<usize>, Vec<usize>) = plain.iter().partition(|&&i| i < cut);
    // `Department of Earth Sciences` over `Lena Holt`: a department line
    // right above the name, and no role line under it, is the role
    if let Some(n) = name_at
        && h.role.is_none()
        && !role_read
        && before.last() == Some(&n.wrapping_sub(1))
        && fields::is_department(&entries[n - 1].line.text)
        && !after.first().is_some_and(|&r| {
            r == n + 1
                && fields::is_role_like(&entries[r].line.text)
                && !fields::is_prose(&entries[r].line.text)
        })
    {
        h.role = Some(entries[n - 1].line.text.to_string());
        before.pop();
    }
    let mut before = before.into_iter();
    if name_at.is_some() {
        if let Some(first) = before.next() {
            if h.headline.is_none() {
                h.headline = Some(entries[first].line.text.to_string());
            } else {
                intro.push(first);
            }
        }
    } else if let Some(&first) = after.first()
        && h.headline.is_none()
        && !fields::is_prose(&entries[first].line.text)
        && h.speaker.is_none()
    {
        h.headline = Some(entries[first].line.text.to_string());
        intro.extend(before);
        intro.extend(after.iter().skip(1));
        intro.extend(labelled_intro);
        return finish(page, h, entries, &intro);
    }
    intro.extend(before);
    // after the name: the role, over one line or two
    let mut after = after.into_iter().peekable();
    if let (Some(n), None, false) = (name_at, &h.role, role_read)
        && let Some(&r) = after.peek()
        && r == n + 1
        && fields::is_role_like(&entries[r].line.text)
        && !is_doubtful_role_line(&entries[r].line.text, h.speaker.as_ref())
    {
        after.next();
        let mut role = entries[r].line.text.to_string();
        // `Maria Lopez` over `Maria Lopez, Director of …`: the role line
        // repeats the name
        if let Some(speaker) = &h.speaker
            && let Some((name, rest)) = fields::name_and_role(&role)
            && name == speaker.name
        {
            role = rest.to_owned();
        }
        if let Some(&r2) = after.peek() {
            let next = &entries[r2].line.text;
            let last_header_line = r2 + 1 == entries.len();
            if r2 == r + 1
                && (fields::role_continues(&role, next)
                    || (last_header_line
                        && fields::is_title_like(next)
                        && !fields::is_name_like(next)))
            {
                chars::join_wrapped(&mut role, next);
                after.next();
            }
        }
        h.role = Some(role);
    } else if let (Some(n), None, false) = (name_at, &h.role, role_read)
        && let Some(&r) = after.peek()
        && r == n + 1
        && let Some(role) = fields::role_opening(&entries[r].line.text)
    {
        // `民俗学者。1961年、長野県生まれ。` under the name: the profile opens
        // with the role (the line stays introduction)
        h.role = Some(role.to_owned());
    }
    intro.extend(after);
    intro.extend(labelled_intro);
    finish(page, h, entries, &intro)
}

/// Introduction paragraphs, joined when wrapped; warns about the ones
/// that read like no paragraph.
fn finish(page: &Page<'_>, mut h: Header, entries: &[Entry], intro: &[usize]) -> Header {
    let mut intro = intro.to_vec();
    intro.sort_unstable();
    let mut groups: Vec<Vec<&Entry>> = Vec::new();
    for &i in &intro {
        let entry = &entries[i];
        let labelled = matches!(entry.field, Field::Introduction(_));
        let joins = page.paragraphs == Layout::Wrapped
            && !labelled
            && groups.last().and_then(|g| g.last()).is_some_and(|prev| {
                prev.line.block == entry.line.block && !matches!(prev.field, Field::Introduction(_))
            });
        match groups.last_mut() {
            Some(group) if joins => group.push(entry),
            _ => groups.push(vec![entry]),
        }
    }
    for group in groups {
        if let [
            Entry {
                field: Field::Introduction(text),
                ..
            },
        ] = &group[..]
        {
            h.introduction.push(text.clone());
            continue;
        }
        let lines: Vec<&Line> = group.iter().map(|e| &e.line).collect();
        let text = fields::join(&lines);
        // participants of a panel are explained; other short lines are not
        if !fields::is_prose(&text) && !fields::is_person_line(&text) {
            let span = lines[0].span.start..lines[lines.len() - 1].span.end;
            h.diagnostics.push(
                Diagnostic::warning(
                    Code::Introduction,
                    "text before the first question that is no header field, kept as introduction",
                    span,
                )
                .expected("a headline, date, byline, name or role line, or introduction paragraphs ending in a full stop"),
            );
        }
        h.introduction.push(text);
    }
    h
}

/// **Doubtful role line**: the line after the name reads as no role (a
/// question with its asker, a timecode, a date, a field, a web address):
/// it stays introduction, and the role is looked for elsewhere.
fn is_doubtful_role_line(text: &str, speaker: Option<&Speaker>) -> bool {
    let name = speaker.map_or("", |s| s.name.as_str());
    // the name again (`Maria Lopez, Director …`) is cut off later, not doubted
    (name.is_empty() || !text.contains(name))
        && (fields::doubt_role(text, name).is_some() || shape::unlike_a_role(text, None).is_some())
}

/// Sets the role, or keeps a second one as introduction.
fn set_role(h: &mut Header, role: &str) {
    if h.role.is_none() {
        h.role = Some(role.to_owned());
    } else {
        h.introduction.push(role.to_owned());
    }
}

/// The name line right after the interview-prefixed line `i`
/// (`Interview with Prime Minister Gordon Brown`, `专访外交部长王毅`) when
/// it names the person the prefixed line names: that line is then the
/// headline.
fn headline_over_name(entries: &[Entry<'_>], plain: &[usize], i: usize) -> Option<usize> {
    let text = &entries[i].line.text;
    let bare = fields::strip_interview_prefix(text);
    let j = i + 1;
    if bare.len() == text.len() || !plain.contains(&j) {
        return None;
    }
    let next = &entries.get(j)?.line.text;
    if fields::strip_interview_prefix(next).len() < next.len() || !fields::is_person_line(next) {
        return None;
    }
    let named = person_name(next).to_lowercase();
    (!named.is_empty() && bare.to_lowercase().contains(&named)).then_some(j)
}

/// The name in a person line (`KIM Min-jun, Director …` → `KIM Min-jun`).
fn person_name(text: &str) -> String {
    if let Some(speaker) = fields::name_with_label(text) {
        return speaker.name;
    }
    if let Some((name, _)) = fields::name_and_role(text) {
        return name.to_owned();
    }
    if let Some(name) = fields::name_with_reading(text) {
        return name.to_owned();
    }
    if let Some((name, _)) = fields::name_inside_role(text) {
        return name;
    }
    if let Some(name) = fields::name_before_title_word(text) {
        return name.to_owned();
    }
    fields::strip_interview_prefix(text).to_owned()
}
