//! Pass 6: the people: who the interviewee is (the header's name line,
//! else the label that answers) and the label they answer by, who the
//! interviewer is, and, when several people answer, who answered what.

use super::body::Body;
use super::candidates;
use super::classify::Page;
use super::header::Header;
use super::layout::{Party, Profile};
use super::parse_name;
use crate::form::fields;
use crate::form::labels;
use crate::form::names;
use crate::model::Speaker;

/// The interviewee and the interviewer.
pub(crate) struct People {
    /// The interviewee, when the page names them.
    pub speaker: Option<Speaker>,
    pub interviewer: Option<Speaker>,
    /// Whether a speaker label stands for the speaker (`INES:` for Ines
    /// Carvalho), or the name came from one.
    pub answers_by_label: bool,
}

/// Settles speaker, interviewer and panel (clearing `answered_by` where one
/// person answers everything); no speaker when the page names no one.
pub(crate) fn settle(
    page: &Page<'_>,
    header: &mut Header,
    body: &mut Body,
    profile: &Profile,
) -> People {
    let answerers: Vec<&str> = profile
        .order
        .iter()
        .filter(|l| profile.party(l) == Some(Party::Interviewee))
        .filter(|l| {
            body.exchanges
                .iter()
                .any(|e| e.answered_by.as_deref() == Some(l.as_str()))
        })
        .map(String::as_str)
        .collect();
    let header_text: String = header
        .headline
        .iter()
        .chain(&header.introduction)
        .map(String::as_str)
        .collect::<Vec<&str>>()
        .join("\n");
    let answered = |label: &str| {
        body.exchanges
            .iter()
            .filter(|e| e.answered_by.as_deref() == Some(label))
            .count()
    };
    let answerers = in_headline_order(answerers, &header_text, answered);
    let full_name = |label: &str| {
        profile
            .declared
            .get(label)
            .cloned()
            .unwrap_or_else(|| label.to_owned())
    };

    let label_for = |name: &str, party: Party| {
        profile
            .order
            .iter()
            .filter(|l| profile.party(l) == Some(party) && body.turn_labels.contains(l))
            .find(|l| {
                profile.declared.get(*l).map(String::as_str) == Some(name)
                    || labels::matches_name(l, name)
            })
            .cloned()
    };
    // a person the header names (`Interview with Ines Carvalho`) who
    // answers by label (`INES:`), for the full name and title
    let mentioned = |header: &Header, label: &str| {
        header
            .mentions
            .iter()
            .find(|(m, _)| names::label_names(label, &m.name, m.role.as_deref()))
            .map(|(m, span)| (m.clone(), span.clone()))
    };
    let main_answerer = answerers.first().copied();
    // who asks: the labels that ask, the header's interviewer and byline
    let askers: Vec<&str> = profile
        .order
        .iter()
        .filter(|l| profile.party(l) == Some(Party::Interviewer))
        .map(String::as_str)
        .chain(header.interviewer.as_deref())
        .chain(header.byline.as_deref())
        .collect();
    // who answers, by label and by the name a label declares
    // (`真柴選手(以下「真」)`)
    let answer_names: Vec<&str> = answerers
        .iter()
        .copied()
        .chain(
            answerers
                .iter()
                .filter_map(|l| profile.declared.get(*l).map(String::as_str)),
        )
        .collect();
    let askers: Vec<String> = askers.into_iter().map(str::to_owned).collect();
    let askers: Vec<&str> = askers.iter().map(String::as_str).collect();
    let language = super::detect_language(body.exchanges.iter().flat_map(|e| {
        std::iter::once(e.question.as_str()).chain(e.answer.iter().map(String::as_str))
    }));
    let context = candidates::Context {
        answerers: &answer_names,
        askers: &askers,
        language: language.as_deref(),
        first_question: body.asked.first().map_or(usize::MAX, |q| q.start),
    };
    // the name line taken against every other person the page names:
    // the page's evidence decides (see `better_candidate`)
    // the header's first line that is no field, when it reads like a name,
    // is the seed's own name line (and the text writer's): kept unless in
    // doubt
    let seed_name_line = header.name_opens_header
        && header.speaker.as_ref().is_some_and(|s| {
            fields::doubt_name(&s.name).is_none()
                && super::shape::unlike_a_name(&s.name, None).is_none()
        });
    // a name line declaring its label (`Aaa Via(VIA)`) says who it is
    if let Some(speaker) = &header.speaker
        && !header.speaker_explicit
        && !header.headline_marked
        && speaker.label.is_none()
        && let Some((best, span, weak)) =
            better_candidate(page, header, &speaker.name, &context, seed_name_line)
    {
        if weak {
            header.speaker_doubt =
                Some("is the person the page bears out best, but by little evidence");
        }
        // the name line taken is no name: kept as the introduction's first
        // line, so that nothing of the page is lost
        if let Some(taken) = header.speaker.replace(parse_name(&best.name)) {
            header.introduction.insert(0, taken.name);
        }
        header.speaker_span = Some(span);
        // a profile line (`沈嘉禾:市卫生健康委员会主任,…`) says the role
        // better than a headline's short form
        let role = names::bio_role(&header_lines(header), &best.name)
            .map(str::to_owned)
            .or(best.role)
            .filter(|r| fields::doubt_role(r, &best.name).is_none());
        if let Some(role) = std::mem::replace(&mut header.role, role) {
            header.introduction.push(role);
        }
    }
    // no label answers, but a label alone on its line does (`（大　臣）`):
    // it stands for the speaker where the header's name is in doubt, and
    // gives the role where it is a title
    let bare =
        bare_answerer(profile).filter(|key| answerers.is_empty() && names::is_title_alone(key));
    if let Some(key) = &bare {
        match &header.speaker {
            Some(s) if fields::doubt_name(&s.name).is_none() => {
                if header.role.is_none() {
                    header.role = Some(key.clone());
                }
                // a heading such as `知事発表` reads like a name: only the
                // page writing it with the title ties it to who answers
                let tied = [format!("{}{key}", s.name), format!("{} {key}", s.name)]
                    .iter()
                    .any(|w| page.text.contains(w.as_str()))
                    || names::holder_of(page.text, key).as_deref() == Some(s.name.as_str());
                if !tied && !header.speaker_explicit {
                    header.speaker_doubt =
                        Some("is tied by nothing on the page to the title that answers");
                }
            }
            _ => {
                if let Some(doubted) = header.speaker.take() {
                    header.introduction.insert(0, doubted.name);
                    // a role read beside the doubtful line is no role of
                    // the title's holder
                    if let Some(role) = header.role.take() {
                        header.introduction.insert(1, role);
                    }
                }
                header.speaker_doubt = None;
            }
        }
    }
    let lead: Option<&str> = answerers.first().copied().or(bare.as_deref());
    let from_label = header.speaker.is_none();
    let speaker = match header.speaker.take() {
        Some(mut speaker) => {
            // `TOMAS REYNA` in the header, `Tomas Reyna` in the text: the name
            // as the page writes it in running text
            let capitals = speaker.name.split_whitespace().count() >= 2
                && !speaker.name.chars().any(char::is_lowercase);
            // `北浦` named so in the header, `北浦ゆかりさん` in the text
            let surname = (1..=2).contains(&speaker.name.chars().count())
                && speaker.name.chars().all(crate::form::chars::is_cjk_letter);
            let full = names::written_in_full(page.text, &speaker.name).filter(|full| {
                // a surname's given name ends at an honorific (`ゆかりさん`),
                // not at a verb (`马骁做客`)
                capitals || (surname && names::before_honorific(page.text, full))
            });
            if let Some(full) = full
                && full != speaker.name
            {
                let label = speaker.label.take().unwrap_or(speaker.name);
                speaker = parse_name(&full);
                speaker.label = Some(label);
            }
            // the label that names the speaker and answers in an exchange,
            // else the only one that answers
            let label = label_for(&speaker.name, Party::Interviewee)
                .filter(|l| answerers.contains(&l.as_str()))
                .or_else(|| {
                    let [only] = answerers[..] else { return None };
                    Some(only.to_owned())
                });
            if speaker.label.is_none()
                && let Some(label) = label
                && label != speaker.name
            {
                speaker.label = Some(label);
            }
            Some(speaker)
        }
        None => lead.map(|label| {
            let declared = full_name(label);
            // the full name the header gives, else the label without its
            // titles (`Mr Dallow` → `Dallow`)
            let name = match mentioned(header, label) {
                Some((mention, span)) => {
                    if header.role.is_none() {
                        // `Senator Callum Ashdown` over `Minister for Trade`:
                        // the role line under the name says more than its title
                        header.role = role_under_name_line(
                            page,
                            header,
                            &span,
                            &mention.name,
                            context.first_question,
                        )
                        .or(mention.role);
                    }
                    header.speaker_span = Some(span);
                    mention.name
                }
                // `財政司司長:` answers: the page names the holder beside the
                // title (`財政司司長黎志恆出席…`)
                None if let Some(name) = names::holder_of(page.text, label) => {
                    if header.role.is_none() {
                        header.role = Some(label.to_string());
                    }
                    name
                }
                None if declared == *label => {
                    let (bare, _) = names::without_titles(label);
                    let bare = if bare.is_empty() { label } else { bare };
                    // `市長:` answers and the page names no holder: the
                    // title is the role (and the name is in doubt)
                    // `周部長明遠`: the title inside the name
                    // `森山知事` written no fuller: the surname, and the title
                    // as the role
                    let titled = names::titled_in_full(page.text, bare)
                        .or_else(|| names::title_inside_name(bare).map(|(n, t)| (n, t.to_owned())))
                        .or_else(|| {
                            names::surname_and_title(bare)
                                .map(|(n, t)| (n.to_owned(), t.to_owned()))
                        });
                    if let Some((_, title)) = &titled
                        && header.role.is_none()
                    {
                        header.role = Some(title.clone());
                    } else if names::is_title_alone(bare) && header.role.is_none() {
                        header.role = Some(label.to_string());
                    }
                    if let Some((name, _)) = titled {
                        name
                    } else {
                        // `CALLOWAY:` for `Nadia Calloway`, `大西:` for
                        // `大西かれん`: the page writes the name in full
                        // `陈老` for `陈光远研究员`
                        // `LH` for `Lena Holt`: initials the page writes
                        // in full among its candidates
                        names::nickname_in_full(page.text, bare)
                            .or_else(|| names::written_in_full(page.text, bare))
                            .or_else(|| names::surname_before_given(page.text, bare))
                            .or_else(|| candidates::full_name_for(page, bare))
                            .unwrap_or_else(|| bare.to_owned())
                    }
                }
                // `민서진 정의시민당 시의원 (이하 민서진)`: the declared name
                // holds the role
                None if let Some((name, role)) = fields::name_and_role(&declared)
                    && names::label_names(label, name, None) =>
                {
                    if header.role.is_none() {
                        header.role = Some(role.to_owned());
                    }
                    name.to_owned()
                }
                None => declared,
            };
            let mut speaker = parse_name(&name);
            if name != *label {
                speaker.label = Some((*label).to_owned());
            }
            speaker
        }),
    };
    // a label that answers but has not the shape of a name (`Associate
    // Professor:`, `受訪者:`): the person the page bears out best, and the
    // label, when a title, is their role
    let speaker = match speaker {
        Some(from) if from_label && unshaped(&from.name, language.as_deref()) => {
            // the label itself answers, by definition: no point for it
            let own = from.label.as_deref().unwrap_or(&from.name);
            let others: Vec<&str> = answer_names
                .iter()
                .copied()
                .filter(|l| *l != own && *l != from.name)
                .collect();
            let context = candidates::Context {
                answerers: &others,
                ..context
            };
            let found = better_candidate(page, header, &from.name, &context, false);
            match found {
                // a title that answers (`市長`) is kept over a weak
                // candidate (a heading such as `会見内容`)
                Some((_, _, true)) if names::is_title_alone(own) => Some(from),
                Some((best, span, weak)) => {
                    let label = from.label.clone().unwrap_or_else(|| from.name.clone());
                    if weak {
                        header.speaker_doubt =
                            Some("is the person the page bears out best, but by little evidence");
                    } else if !candidates::answers_as(&label, &best.name) {
                        header.speaker_doubt = Some(
                            "is the person the page bears out best, not the label that answers",
                        );
                    }
                    header.speaker_span = Some(span);
                    if header.role.is_none() {
                        header.role = if names::is_role_word(
                            label.split_whitespace().next_back().unwrap_or(""),
                        ) || fields::is_title_word(&label)
                        {
                            Some(label.clone())
                        } else {
                            best.role.clone()
                        };
                    }
                    let mut speaker = parse_name(&best.name);
                    speaker.label = Some(label);
                    Some(speaker)
                }
                None => Some(from),
            }
        }
        other => other,
    };
    let interviewer = header
        .interviewer
        .take()
        .or_else(|| {
            profile
                .order
                .iter()
                .find(|l| {
                    profile.party(l) == Some(Party::Interviewer) && !labels::is_generic_role(l)
                })
                .map(|l| full_name(l))
        })
        .map(|name| {
            let mut interviewer = parse_name(&name);
            let askers: Vec<&String> = profile
                .order
                .iter()
                .filter(|l| {
                    profile.party(l) == Some(Party::Interviewer)
                        && !labels::is_generic_role(l)
                        && body.turn_labels.contains(l)
                })
                .collect();
            let label = label_for(&name, Party::Interviewer).or_else(|| match askers[..] {
                [only] => Some(only.clone()),
                _ => None,
            });
            if let Some(label) = label
                && label != name
            {
                interviewer.label = Some(label);
            }
            interviewer
        });
    if answerers.len() < 2 {
        for exchange in &mut body.exchanges {
            exchange.answered_by = None;
        }
    }

    // no name line and no label that answers: a person the header
    // mentions stands in, in doubt; a page that names no one has no
    // speaker (a headline is no name)
    let speaker = speaker.or_else(|| {
        let (mention, span) = header.mentions.first()?;
        header.speaker_span = Some(span.clone());
        header.speaker_doubt = Some("is named in the header, which has no name line");
        Some(parse_name(&mention.name))
    });
    let Some(speaker) = speaker else {
        return People {
            speaker: None,
            interviewer,
            answers_by_label: false,
        };
    };
    // one of several named in a list (`省人大代表郭淑芬、林海生、潘秀兰`):
    // a title written before the list is the group's
    if header.role.is_none() && !candidates::listed_with_others(page.text, &speaker.name) {
        let label = speaker.label.as_deref().or(main_answerer);
        header.role = role_on_page(page, header, &speaker.name, label, context.first_question);
    }
    // `Dr. Jane Holm`: the name without its courtesy words
    let mut speaker = speaker;
    // `ぽんた先輩`: the name without its honorific
    let bare = names::without_honorific(names::without_courtesy(&speaker.name));
    if bare.len() < speaker.name.len() {
        let label = speaker.label.take();
        speaker = parse_name(bare);
        speaker.label = label;
    }
    if let Some(role) = header.role.take() {
        header.role = Some(without_kicker(&role).to_owned());
    }
    let answers_by_label = from_label
        || answerers
            .iter()
            .any(|l| names::label_names(l, &speaker.name, None));
    People {
        speaker: Some(speaker),
        interviewer,
        answers_by_label,
    }
}

/// **Role without its kicker**: a headline's bracketed kicker or
/// interview word kept in front of a role is no part of it:
/// `[인터뷰] 한빛대 교수` → `한빛대 교수`, `专访 市文化局局长` →
/// `市文化局局长`, `Interview: Director of Ferries` → `Director of Ferries`.
fn without_kicker(role: &str) -> &str {
    let mut rest = role.trim();
    if let Some((_, after)) = crate::form::markers::bracketed(rest)
        && !rest[after..].trim().is_empty()
    {
        rest = rest[after..].trim_start();
    }
    let bare = fields::strip_interview_prefix(rest).trim_start_matches([':', '：', '|', ' ']);
    if bare.is_empty() { rest } else { bare }
}

/// Whether `name` has not the shape of a name: a doubt of
/// [`fields::doubt_name`] or of [`super::shape::unlike_a_name`].
fn unshaped(name: &str, language: Option<&str>) -> bool {
    fields::doubt_name(name).is_some() || super::shape::unlike_a_name(name, language).is_some()
}

/// **Headline order**: where several labels answer, the person the
/// header names first is the interviewee (`배우 서도현&작곡가 남궁율`:
/// 서도현, whoever answers first); among those the header does not name,
/// the one who answers most (`浜岡市長` over `松浦総務課長`, who opens and
/// closes the press conference), else the first.
fn in_headline_order<'l>(
    mut answerers: Vec<&'l str>,
    headline: &str,
    answered: impl Fn(&str) -> usize,
) -> Vec<&'l str> {
    if answerers.len() < 2 {
        return answerers;
    }
    answerers.sort_by_key(|label| {
        let (bare, _) = names::without_titles(label);
        let bare = if bare.is_empty() { *label } else { bare };
        // named, not speaking: `(○:松浦総務課長)それでは…` in the header
        // is their own turn
        let named = headline
            .match_indices(bare)
            .map(|(at, _)| at)
            .find(|&at| !headline[at + bare.len()..].starts_with([')', '）', ':', '：']));
        (
            named.unwrap_or(usize::MAX),
            std::cmp::Reverse(answered(label)),
        )
    });
    answerers
}

/// The header's headline and introduction, one a line: where a profile
/// line is looked for (a turn that opens `Name:` is no profile).
fn header_lines(header: &Header) -> String {
    header
        .headline
        .iter()
        .chain(&header.introduction)
        .map(String::as_str)
        .collect::<Vec<&str>>()
        .join("\n")
}

/// The one label alone on its line that answers (`（大　臣）` → `大臣`,
/// its letters unspaced), when there is one and it holds letters.
fn bare_answerer(profile: &Profile) -> Option<String> {
    let keys: Vec<String> = profile
        .bare
        .iter()
        .filter(|(key, party)| {
            **party == Party::Interviewee && key.chars().any(char::is_alphabetic)
        })
        .map(|(key, _)| fields::unspaced_cjk(key))
        .collect();
    match &keys[..] {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// The interviewee's role where no role line gave it, from the page's
/// other lines, best evidence first: a header line that opens with the
/// answering label's title (`SECRETARY OKAFOR:` and `Secretary of State`,
/// then taken out of the introduction); the role written right before the
/// full name (`Press Secretary Nadia Calloway`, `香港发展局局长黎启源`); a
/// header line that is the name with the role around it (`[출판1팀 윤다온
/// 사원]`) or a line under the name line (`Rhiannon Tully MP` over
/// `Federal Member for Kurrawa`), both taken out of the introduction; a
/// header line's last phrase that ends in a role noun (`… Harbour
/// Authority spokesman`); else the title the answering label carries
/// (`배우 서도현:` → `배우`).
fn role_on_page(
    page: &Page<'_>,
    header: &mut Header,
    name: &str,
    label: Option<&str>,
    first_question: usize,
) -> Option<String> {
    if let Some(role) = names::bio_role(&header_lines(header), name) {
        return Some(role.to_owned());
    }
    // a line that is the name and its role alone says both
    if let Some((at, role)) = header
        .introduction
        .iter()
        .enumerate()
        .find_map(|(i, line)| {
            fields::name_inside_role(fields::unbracketed(line))
                .filter(|(n, _)| n == name)
                .map(|(_, role)| (i, role))
        })
    {
        take_as_role(header, at);
        return Some(role);
    }
    // the name line (with any honours after it), then a role line
    if let Some(role) = page
        .lines
        .iter()
        .position(|l| l.span.end <= first_question && is_name_line(&l.text, name))
        .and_then(|at| take_role_under(page, header, at, name, first_question))
    {
        return Some(role);
    }
    let title = label.and_then(|l| names::without_titles(l).1);
    if let Some(title) = title
        && let Some(at) = header
            .introduction
            .iter()
            .position(|line| names::title_line(line, title).is_some())
    {
        return Some(take_as_role(header, at));
    }
    let header_lines: Vec<&str> = header
        .headline
        .iter()
        .chain(&header.introduction)
        .map(String::as_str)
        .collect();
    // the name as read, then as the label writes it (`北浦` for
    // `北浦ゆかり` in `編集者の北浦さん`)
    let bare_label = label
        .map(|l| names::without_titles(l).0)
        .filter(|l| !l.is_empty());
    let before_name = header_lines
        .iter()
        .copied()
        .chain(page.lines.iter().map(|l| &*l.text))
        .find_map(|line| {
            std::iter::once(name)
                .chain(bare_label)
                .find_map(|n| names::role_before_name(line, n))
        })
        .or_else(|| {
            header_lines
                .iter()
                .find_map(|line| names::role_after_name(line, name))
        });
    if let Some(role) = before_name {
        return Some(role.to_owned());
    }
    header_lines
        .iter()
        .find_map(|line| names::role_phrase(line))
        .or(title)
        .map(str::to_owned)
}

/// Takes the introduction's line `at` out, as the role it is: the
/// warning that kept it as introduction goes with it.
fn take_as_role(header: &mut Header, at: usize) -> String {
    let line = header.introduction.remove(at);
    header.taken.push(line.clone());
    line
}

/// A person the page names whom it bears out better than the name line
/// taken (`Writers Talking` under `Delphine Okoro`, named twice and in
/// the introduction), by [`candidates::score`] over every candidate: the
/// header's mentions and person lines, and the names written beside an
/// honorific or a title anywhere on the page ([`candidates::in_lines`]);
/// the name line keeps ties. With it, whether the choice is weak: little
/// evidence (under 3), or a runner-up, the name line taken included,
/// within one point. Against a name line where the seed puts it
/// (`seed_line`), only a person with a role or a label that answers by
/// their name is weighed: being written more often is not enough.
fn better_candidate(
    page: &Page<'_>,
    header: &Header,
    taken: &str,
    context: &candidates::Context<'_>,
    seed_line: bool,
) -> Option<(names::Mention, std::ops::Range<usize>, bool)> {
    let answerers = context.answerers;
    let taken_mention = names::Mention {
        name: taken.to_owned(),
        role: header.role.clone(),
    };
    let score =
        |m: &names::Mention, in_header: bool| candidates::score(page, m, context, in_header);
    let floor = score(&taken_mention, true);
    let found = candidates::in_lines(page, context.language, context.first_question);
    let answers_by = |name: &str| answerers.iter().any(|l| candidates::answers_as(l, name));
    // a name met only after the first question, once, in passing, is no
    // candidate: the interviewee is written more than that
    let from_lines = found
        .iter()
        .filter(|c| {
            c.header
                || answers_by(&c.mention.name)
                || names::times_written(page.text, &c.mention.name, 2) >= 2
        })
        .map(|c| (c.mention.clone(), c.span.clone(), c.header));
    let pool: Vec<(names::Mention, std::ops::Range<usize>, bool)> = header
        .mentions
        .iter()
        .chain(&header.person_lines)
        .map(|(m, span)| (m.clone(), span.clone(), true))
        .chain(from_lines)
        .collect();
    let mut scored: Vec<(i32, &names::Mention, &std::ops::Range<usize>)> = pool
        .iter()
        .filter(|(m, _, _)| m.name != taken)
        .filter(|(m, _, _)| {
            !seed_line
                || m.role
                    .as_deref()
                    .is_some_and(|r| fields::doubt_role(r, &m.name).is_none())
                || answers_by(&m.name)
        })
        .map(|(m, span, in_header)| (score(m, *in_header), m, span))
        .collect();
    // best first; the earlier line first among equals
    scored.sort_by_key(|(score, _, span)| (std::cmp::Reverse(*score), span.start));
    let (best, mention, span) = *scored.first().filter(|(score, _, _)| *score > floor)?;
    let runner_up = scored
        .iter()
        .filter(|(_, m, _)| m.name != mention.name)
        .map(|(score, _, _)| *score)
        .chain([floor])
        .max()
        .unwrap_or(floor);
    let weak = best < 3
        || best - runner_up <= 1
        || candidates::listed_with_others(page.text, &mention.name);
    // the role from the person's own context: a line that is their name
    // and role alone (`[김도윤 / 한강시장]`, a caption) over a headline's
    // phrase; a role met in a sentence is no role line's
    let mut mention = mention.clone();
    let profile_role = found
        .iter()
        .find(|c| c.profile && c.mention.name == mention.name)
        .and_then(|c| c.mention.role.clone())
        // `Priya Natarajan, BSc 2009`: a degree's year is no role
        .filter(|r| fields::doubt_role(r, &mention.name).is_none());
    let prose_only = found
        .iter()
        .any(|c| c.mention.name == mention.name && c.prose && c.span == *span);
    if profile_role.is_some() {
        mention.role = profile_role;
    } else if prose_only {
        mention.role = None;
    } else if mention
        .role
        .as_deref()
        .is_none_or(|r| fields::doubt_role(r, &mention.name).is_some())
    {
        mention.role =
            role_line_after(page, span, &mention.name, context.first_question).or(mention.role);
    }
    Some((mention, span.clone(), weak))
}

/// Whether `line` is `name` alone, with any titles before it and honours
/// after it: `Senator Callum Ashdown`, `Rhiannon Tully MP`.
fn is_name_line(line: &str, name: &str) -> bool {
    names::without_titles(names::without_post_nominals(line.trim())).0 == name
}

/// **Role line under the name line**: the line at `span` is the name
/// alone, with any title before it and honours after it (`Senator Callum
/// Ashdown`, `Rhiannon Tully MP`), and the line under it reads as a role:
/// that role, taken out of the introduction.
fn role_under_name_line(
    page: &Page<'_>,
    header: &mut Header,
    span: &std::ops::Range<usize>,
    name: &str,
    first_question: usize,
) -> Option<String> {
    let at = page.lines.iter().position(|l| l.span == *span)?;
    if !is_name_line(&page.lines[at].text, name) {
        return None;
    }
    take_role_under(page, header, at, name, first_question)
}

/// The role line under line `at` (see [`role_line_under`]), taken out of
/// the introduction.
fn take_role_under(
    page: &Page<'_>,
    header: &mut Header,
    at: usize,
    name: &str,
    first_question: usize,
) -> Option<String> {
    let role = role_line_under(page, at, name, first_question)?;
    if let Some(i) = header.introduction.iter().position(|l| *l == role) {
        take_as_role(header, i);
    }
    Some(role)
}

/// **Role line after the person's line**: the seed's order, a line that
/// opens with the name (`Priya Natarajan, BSc 2009`), then a line that
/// reads like a title or an organisation (`Chief Engineer, Tidewater Ferry
/// Works`), both before the first question.
fn role_line_after(
    page: &Page<'_>,
    span: &std::ops::Range<usize>,
    name: &str,
    first_question: usize,
) -> Option<String> {
    let at = page.lines.iter().position(|l| l.span == *span)?;
    if !page.lines[at].text.starts_with(name) {
        return None;
    }
    role_line_under(page, at, name, first_question)
}

/// The line under line `at` when it reads like a title or an
/// organisation, not a sentence, before the first question.
fn role_line_under(
    page: &Page<'_>,
    at: usize,
    name: &str,
    first_question: usize,
) -> Option<String> {
    let next = page.lines.get(at + 1)?;
    (next.span.end <= first_question
        && !fields::is_byline(&next.text)
        && super::shape::unlike_a_role(&next.text, None).is_none()
        && fields::is_title_like(&next.text)
        && !fields::is_prose(&next.text)
        && fields::doubt_role(&next.text, name).is_none()
        && fields::doubt_name(&next.text).is_none_or(|_| {
            // `Minister for Water, Parks and the Environment`
            fields::ends_with_role_word(&next.text)
                || next
                    .text
                    .split_whitespace()
                    .next()
                    .is_some_and(names::is_role_word)
        }))
    .then(|| next.text.to_string())
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::source::Source;

    fn read(text: &str) -> crate::read::Parsed {
        super::super::read(&Source::from_text("t.txt", text))
    }

    fn speaker_and_role(text: &str) -> (String, Option<String>) {
        let interview = read(text).interview.expect("a model");
        (
            interview.speaker.unwrap().name,
            interview.role.map(|r| r.text),
        )
    }

    #[test]
    fn the_person_the_page_names_most_wins_over_a_site_line() {
        let page = "Harbour Books Weekly\n\nMonday, May 4, 2009\n\nIsobel Tranter\n\n\
                    Isobel Tranter, whose third novel comes out in June, talked to us about tides.\n\n\
                    Why the tides?\n\nBecause they keep time for everyone.\n";
        assert_eq!(speaker_and_role(page).0, "Isobel Tranter");
    }

    #[test]
    fn a_role_line_under_the_name_line_with_honours_is_the_role() {
        let page = "Callum Fraser-Wade MP\nFederal Member for Tindal Ridge\n\n\
                    JOURNALIST:\nWill it open?\n\nCALLUM FRASER-WADE:\nIn May.\n\n\
                    JOURNALIST:\nAnd the cost?\n\nCALLUM FRASER-WADE:\nUnder budget.\n";
        let parsed = read(page);
        let interview = parsed.interview.expect("a model");
        assert_eq!(interview.speaker.unwrap().name, "Callum Fraser-Wade");
        assert_eq!(
            interview.role.map(|r| r.text).as_deref(),
            Some("Federal Member for Tindal Ridge")
        );
        // taken as the role, the line is no introduction, nor warned of
        assert!(
            interview
                .introduction
                .iter()
                .all(|l| !l.contains("Federal"))
        );
        assert!(
            parsed
                .diagnostics
                .iter()
                .all(|d| d.code != Code::Introduction
                    || d.span.as_ref().is_some_and(|s| s.start > 30)),
            "{:?}",
            parsed.diagnostics
        );
        // a title before the name on its line is not the role the line
        // under gives
        let page = "Senator Priscilla Vanterpool\n\
                    Minister for Water, Parks and the Environment\n\n\
                    Angus Toohey: Is it bad?\n\nPriscilla Vanterpool: It is.\n\n\
                    Angus Toohey: And the fees?\n\nPriscilla Vanterpool: Not going up.\n";
        assert_eq!(
            speaker_and_role(page),
            (
                "Priscilla Vanterpool".to_owned(),
                Some("Minister for Water, Parks and the Environment".to_owned())
            )
        );
        // a byline under a line taken as the name is no role
        let page = "Alder Row Notes\nBy Hollis Barker\n\n\
                    Q: Will it open?\nA: In May.\nQ: And the cost?\nA: Under budget.\n";
        assert_ne!(
            speaker_and_role(page).1.as_deref(),
            Some("By Hollis Barker")
        );
    }

    #[test]
    fn a_line_of_team_name_and_rank_gives_the_role() {
        let page = "[그린북스 새 식구] 그림책 만드는 사람\n\n\
                    이번에는 기획2팀에 들어온 한서윤 사원을 만나 보았어요.\n\n\
                    [기획2팀 한서윤 사원]\n\n\
                    Q. 소개 부탁드려요.\n\n안녕하세요. 한서윤입니다.\n\n\
                    Q. 목표는요?\n\n좋은 책을 만드는 것입니다.\n";
        let (name, role) = speaker_and_role(page);
        assert_eq!(name, "한서윤");
        assert_eq!(role.as_deref(), Some("기획2팀 사원"));
    }

    #[test]
    fn a_role_is_read_from_the_line_that_writes_it_before_the_name() {
        let page = "Briefing by Chief Ferry Engineer Ola Brandvik aboard the ferry\n\
                    Q    Will the ferry run on Sunday?\n\
                    MS. BRANDVIK: It will.\n\
                    Q    And Monday?\n\
                    MS. BRANDVIK: Yes.\n";
        let (name, role) = speaker_and_role(page);
        assert_eq!(name, "Ola Brandvik");
        assert_eq!(role.as_deref(), Some("Chief Ferry Engineer"));
    }

    #[test]
    fn of_two_who_answer_the_one_the_headline_names_first_is_the_interviewee() {
        let page = "[인터뷰] 가수 한소리&작곡가 윤해솔 “노래가 먼저”\n\
                    Q. 어떻게 만났나?\n\
                    작곡가 윤해솔: 학교 선후배다.\n\
                    가수 한소리: 맞다.\n\
                    Q. 다음 계획은?\n\
                    작곡가 윤해솔: 새 앨범.\n\
                    가수 한소리: 공연이다.\n";
        let (name, role) = speaker_and_role(page);
        assert_eq!(name, "한소리");
        assert_eq!(role.as_deref(), Some("가수"));
    }

    #[test]
    fn courtesy_words_and_interview_words_are_no_part_of_the_name() {
        let page = "Dr. Jane Holm\nDirector of the Harbour Museum\nQ: Why?\nA: Because.\n";
        assert_eq!(speaker_and_role(page).0, "Jane Holm");
        let page = "对话 滨江医院院长 祁永年\n问：为什么？\n答：因为。\n问：然后？\n答：好。\n";
        assert_eq!(
            speaker_and_role(page),
            ("祁永年".to_owned(), Some("滨江医院院长".to_owned()))
        );
    }

    #[test]
    fn of_two_who_answer_and_go_unnamed_the_one_who_answers_most_is_the_interviewee() {
        let page = "(○:松井課長)それでは始めます。\n\
                    (■:潮見日報)予算は。\n(○:森川市長)増やします。\n\
                    (■:潮見日報)時期は。\n(○:松井課長)来月です。\n\
                    (■:潮見日報)規模は。\n(○:森川市長)三割です。\n\
                    (■:潮見日報)理由は。\n(○:森川市長)需要です。\n";
        assert_eq!(
            speaker_and_role(page),
            ("森川".to_owned(), Some("市長".to_owned()))
        );
    }

    #[test]
    fn a_place_line_under_the_name_is_no_role() {
        let page = "Ola Brandvik\nDuluth, MN\nQ: Why?\nA: Because.\nQ: When?\nA: Now.\n";
        assert_eq!(speaker_and_role(page), ("Ola Brandvik".to_owned(), None));
    }

    #[test]
    fn the_canonical_texts_name_line_is_not_weighed_against_its_introduction() {
        // the round trip's regression: the text writer's own layout
        let page = "# LEE Hee-sup\nBROWN\nIntroduction: LEE Hee-sup\nLEE Hee-sup\nQ: A\nA: a\n";
        assert_eq!(speaker_and_role(page).0, "BROWN");
    }

    #[test]
    fn the_first_line_that_reads_as_a_name_is_kept() {
        // the round trip's regression: the seed's layout, name first
        let page = "BROWN\n您好！李肇星：你好。中国网：再见。\n李肇星\nQ: A\nA: A\n";
        assert_eq!(speaker_and_role(page).0, "BROWN");
        let page = "Interviewed by Andrew Marr\nBROWN\n您好！李肇星：你好。\n李肇星\nQ: A\nA: A\n";
        assert_eq!(speaker_and_role(page).0, "BROWN");
    }

    #[test]
    fn a_name_written_beside_an_honorific_or_a_title_wins_over_a_site_line() {
        // the name line is a sentence; the name is written with its
        // honorific in the introduction and in a question
        let page = "誰も来ないので、自分で聞いてみることにした。\n\
                    〈本日のゲストは、週末作家の霜月礼司さんです〉\n\
                    Q-1:霜月礼司さんについて教えてください。\n\
                    A:会社員です。\n\
                    Q-2:作品は?\n\
                    A:探偵ものです。\n";
        assert_eq!(speaker_and_role(page).0, "霜月礼司");
        // a section line over a lede that names her beside her title
        let page = "[앵커] 지방 의료 소식입니다.\n\
                    노승재 기자가 채윤하 공공의료연구소 소장과 함께 짚어드립니다.\n\
                    Q1. 결과는 어떻습니까?\n\
                    A. 숫자가 확정됐습니다.\n\
                    Q2. 다음은요?\n\
                    A. 시행령입니다.\n";
        assert_eq!(speaker_and_role(page).0, "채윤하");
        // a name line and a caption that gives the name and the role
        let page = "[현장영상] 김도윤 시장, 취임 2주년 기자회견 질의응답\n\n\
                    [사회자]\n질의응답을 시작하겠습니다.\n\n\
                    [김도윤 / 한강시장]\n반갑습니다.\n\n\
                    [박소연 / 한강일보 기자]\n순환버스는 언제 됩니까?\n\n\
                    [김도윤 / 한강시장]\n내년입니다.\n\n\
                    [박소연 / 한강일보 기자]\n요금은요?\n\n\
                    [김도윤 / 한강시장]\n그대로입니다.\n";
        assert_eq!(
            speaker_and_role(page),
            ("김도윤".to_owned(), Some("한강시장".to_owned()))
        );
    }

    #[test]
    fn an_initials_label_is_the_name_the_page_writes_in_full() {
        let page = "Harbour Notes\nLena Holt talks about tides with the harbour desk.\n\
                    Q: Why tides?\nLH: They keep time.\nQ: And then?\nLH: More of it.\n";
        assert_eq!(speaker_and_role(page).0, "Lena Holt");
    }

    #[test]
    fn a_department_line_above_the_name_is_the_role() {
        let page =
            "営業部 第二課\n森田 遼\nQ. 仕事内容は？\nA. 設計です。\nQ. 休日は？\nA. 山です。\n";
        assert_eq!(
            speaker_and_role(page),
            ("森田 遼".to_owned(), Some("営業部 第二課".to_owned()))
        );
        let page = "Department of Earth Sciences\nLena Holt\nQ: Why rocks?\nA: They last.\n";
        assert_eq!(
            speaker_and_role(page),
            (
                "Lena Holt".to_owned(),
                Some("Department of Earth Sciences".to_owned())
            )
        );
    }

    #[test]
    fn a_label_with_a_title_glued_on_is_the_name_and_the_title() {
        let page = "采访实录\n中德康复医学中心德方主任李明遠先生接受了采访。\n\
                    記者:您好?\n李明遠教授:您好。\n記者:变化大吗?\n李明遠教授:很大。\n";
        assert_eq!(
            speaker_and_role(page),
            ("李明遠".to_owned(), Some("教授".to_owned()))
        );
    }

    #[test]
    fn a_page_or_share_line_under_the_name_is_no_role() {
        for page in [
            "Ola Brandvik\nStaff Interview 03\nQ: Why?\nA: Because.\n",
            "강도윤\n이 기사를 공유합니다\nQ. 왜요?\nA. 그냥요.\n",
            "Ola Brandvik\nLife at Northwind Blog\nQ: Why?\nA: Because.\n",
        ] {
            assert_eq!(speaker_and_role(page).1, None, "{page}");
        }
    }

    #[test]
    fn a_kicker_before_a_role_is_no_part_of_it() {
        assert_eq!(super::without_kicker("[인터뷰] 한빛대 교수"), "한빛대 교수");
        assert_eq!(super::without_kicker("专访 市文化局局长"), "市文化局局长");
        assert_eq!(
            super::without_kicker("Interview: Director of Ferries"),
            "Director of Ferries"
        );
        assert_eq!(
            super::without_kicker("Director of Ferries"),
            "Director of Ferries"
        );
    }

    #[test]
    fn a_numbered_label_that_answers_gives_way_to_the_name_the_header_gives() {
        let page = "Trail Radio: Episode 31 with Corinne Aldana\n\
                    Speaker 1: How many miles did you clear?\nSpeaker 2: Forty-one miles.\n\
                    Speaker 1: By hand?\nSpeaker 2: Mostly by hand.\n";
        assert_eq!(speaker_and_role(page).0, "Corinne Aldana");
    }

    #[test]
    fn one_of_several_named_in_a_list_is_doubted_and_given_no_role() {
        let page = "乡村学校留住好老师\n\
                    到场答问的是省人大代表郭淑芬、林海生、潘秀兰,话题很多。\n\
                    郭淑芬代表一坐下就说,今天算是替老同事们跑一趟腿。\n\
                    问:待遇怎么样?\n\
                    答:还不够。\n\
                    问:住房呢?\n\
                    答:在改善。\n";
        let parsed = read(page);
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == Code::DoubtfulSpeaker)
        );
        assert_eq!(parsed.interview.expect("a model").role, None);
    }

    #[test]
    fn a_label_that_is_a_title_alone_is_the_role_and_the_name_is_doubted() {
        let page = "【記者】\n予算の狙いは。\n【市長】\n子育てです。\n【記者】\n次に。\n【市長】\nはい。\n";
        let parsed = read(page);
        let interview = parsed.interview.expect("a model");
        assert_eq!(interview.role.map(|r| r.text).as_deref(), Some("市長"));
        assert!(
            parsed
                .diagnostics
                .iter()
                .any(|d| d.code == Code::DoubtfulSpeaker)
        );
    }
}
