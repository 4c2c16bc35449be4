//! Pass 6: the people: who the interviewee is (the header's name line,
//! else the label that answers) and the label they answer by, who the
//! interviewer is, and, when several people answer, who answered what.

use super::body::Body;
use super::classify::Page;
use super::fields;
use super::header::Header;
use super::labels;
use super::layout::{Party, Profile};
use super::names;
use super::parse_name;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Speaker;

/// The interviewee and the interviewer.
pub(crate) struct People {
    pub speaker: Speaker,
    pub interviewer: Option<Speaker>,
    /// Whether a speaker label stands for the speaker (`INES:` for Ines
    /// Carvalho), or the name came from one.
    pub answers_by_label: bool,
}

/// Settles speaker, interviewer and panel (clearing `answered_by` where one
/// person answers everything); an error when no one answers by name.
pub(crate) fn settle(
    page: &Page<'_>,
    header: &mut Header,
    body: &mut Body,
    profile: &Profile,
) -> Result<People, Diagnostic> {
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
    let mentioned = |label: &str| {
        header
            .mentions
            .iter()
            .find(|(m, _)| names::label_names(label, &m.name, m.role.as_deref()))
            .map(|(m, span)| (m.clone(), span.clone()))
    };
    let main_answerer = answerers.first().copied();
    if let Some(label) = main_answerer
        && let Some(speaker) = &header.speaker
        && label_for(&speaker.name, Party::Interviewee).is_none()
        && !names::label_names(label, &speaker.name, None)
        && let Some((mention, span)) = mentioned(label)
    {
        // the header's name line names someone who does not answer; the
        // person the header mentions does
        header.speaker = Some(parse_name(&mention.name));
        header.speaker_span = Some(span);
        if mention.role.is_some() {
            header.role = mention.role.clone();
        }
    }
    // a doubtful name line (a file name, a site line) gives way to a person
    // the header mentions
    if let Some(speaker) = &header.speaker
        && !header.speaker_explicit
        && fields::doubt_name(&speaker.name).is_some()
        && let Some((mention, span)) = header.mentions.first().cloned()
    {
        header.speaker = Some(parse_name(&mention.name));
        header.speaker_span = Some(span);
        header.speaker_doubt = Some("is named in the header, which has no name line");
        // a role read beside the doubtful line is no role of this person
        if let Some(role) = std::mem::replace(&mut header.role, mention.role) {
            header.introduction.push(role);
        }
    }
    let from_label = header.speaker.is_none();
    let speaker = match header.speaker.take() {
        Some(mut speaker) => {
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
        None => answerers.first().map(|label| {
            let declared = full_name(label);
            // the full name the header gives, else the label without its
            // titles (`Mr Dallow` → `Dallow`)
            let name = match mentioned(label) {
                Some((mention, span)) => {
                    header.speaker_span = Some(span);
                    if header.role.is_none() {
                        header.role = mention.role;
                    }
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
                    let titled = names::titled_in_full(page.text, bare);
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
                        names::written_in_full(page.text, bare).unwrap_or_else(|| bare.to_owned())
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
    // mentions, else its first line, stands in, in doubt (a page is not
    // thrown away for want of a name)
    let speaker = speaker.or_else(|| {
        let (name, why) = match header.mentions.first() {
            Some((mention, span)) => {
                header.speaker_span = Some(span.clone());
                (
                    mention.name.clone(),
                    "is named in the header, which has no name line",
                )
            }
            None => {
                let first = header
                    .headline
                    .clone()
                    .or_else(|| header.introduction.first().cloned())?;
                (
                    first,
                    "stands in for a name: the page has no name line and no label answers",
                )
            }
        };
        header.speaker_doubt = Some(why);
        Some(parse_name(&name))
    });
    let Some(speaker) = speaker else {
        let at = page.lines.first().map_or(0..0, |l| l.span.clone());
        return Err(Diagnostic::error(
            Code::MissingSpeaker,
            "no speaker line before the first question",
            at,
        )
        .expected("the interviewee's name on the first line, e.g. `LEE Hee-sup`"));
    };
    if header.role.is_none() {
        let label = speaker.label.as_deref().or(main_answerer);
        header.role = role_on_page(page, header, &speaker.name, label);
    }
    let answers_by_label = from_label
        || answerers
            .iter()
            .any(|l| names::label_names(l, &speaker.name, None));
    Ok(People {
        speaker,
        interviewer,
        answers_by_label,
    })
}

/// The interviewee's role where no role line gave it, from the page's
/// other lines, best evidence first: a header line that opens with the
/// answering label's title (`SECRETARY OKAFOR:` and `Secretary of State`,
/// then taken out of the introduction); the role written right before the
/// full name (`Press Secretary Nadia Calloway`, `香港发展局局长黎启源`); a
/// header line's last phrase that ends in a role noun (`… Harbour
/// Authority spokesman`).
fn role_on_page(
    page: &Page<'_>,
    header: &mut Header,
    name: &str,
    label: Option<&str>,
) -> Option<String> {
    let title = label.and_then(|l| names::without_titles(l).1);
    if let Some(title) = title
        && let Some(at) = header
            .introduction
            .iter()
            .position(|line| names::title_line(line, title).is_some())
    {
        return Some(header.introduction.remove(at));
    }
    let header_lines: Vec<&str> = header
        .headline
        .iter()
        .chain(&header.introduction)
        .map(String::as_str)
        .collect();
    let before_name = header_lines
        .iter()
        .copied()
        .chain(page.lines.iter().map(|l| &*l.text))
        .find_map(|line| names::role_before_name(line, name));
    if let Some(role) = before_name {
        return Some(role.to_owned());
    }
    header_lines
        .iter()
        .find_map(|line| names::role_phrase(line))
        .map(str::to_owned)
}
