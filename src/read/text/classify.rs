//! Pass 2: what each line is, by the line rules alone: a read count
//! ([`super::count`]), a question or answer marker ([`crate::form::markers`]), a
//! label-shaped prefix ([`crate::form::labels`]), page furniture, or plain text.
//! Which labels really are speakers is for the layout pass to settle.

use std::ops::Range;

use super::lines;
use crate::diagnostic::{Code, Diagnostic};
use crate::form::count::ReadCount;
use crate::form::kind::{Kind, classify, is_caption, is_page_marker, is_photo_id, is_timing};
use crate::form::labels::{self};
use crate::form::line::Line;
use crate::form::markers::{self};

/// The page as the later passes see it: its lines, what each is, and how
/// its paragraphs are laid out.
pub(crate) struct Page<'a> {
    /// The whole text, as decoded.
    pub text: &'a str,
    pub lines: &'a [Line<'a>],
    pub kinds: Vec<Kind>,
    pub paragraphs: lines::Layout,
}

/// Classifies every line of `lines`.
pub(crate) fn page<'a>(text: &'a str, lines: &'a [Line<'a>]) -> Page<'a> {
    Page {
        text,
        lines,
        kinds: running_heads(
            lines,
            spaced_letters(
                lines,
                same_people(lines.iter().map(|l| classify(&l.text)).collect()),
            ),
        ),
        paragraphs: lines::layout(lines),
    }
}

/// Writes each label as the label of the person it names, so that
/// `MARR:` after `ANDREW MARR:` is one speaker (see [`labels::aliases`]).
fn same_people(mut kinds: Vec<Kind>) -> Vec<Kind> {
    let aliases = labels::aliases(kinds.iter().filter_map(|k| match k {
        Kind::Label(l) => Some((l.label.as_str(), l.full.is_some())),
        _ => None,
    }));
    for kind in &mut kinds {
        if let Kind::Label(l) = kind
            && let Some(person) = aliases.get(&l.label)
        {
            l.label = person.clone();
        }
    }
    kinds
}

/// Reads `Q Now, …` / `A Yes.` as markers where both sides recur, twice
/// each at least, on lines no other rule read (see
/// [`markers::spaced_letter`]): court transcripts mark turns so, and a
/// page of prose has no run of lines opening `Q ` and `A `.
fn spaced_letters(lines: &[Line<'_>], mut kinds: Vec<Kind>) -> Vec<Kind> {
    let (mut questions, mut answers) = (0, 0);
    for (line, kind) in lines.iter().zip(&kinds) {
        if let (Kind::Plain | Kind::Label(_), Some((side, _))) =
            (kind, markers::spaced_letter(&line.text))
        {
            match side {
                markers::Side::Question => questions += 1,
                markers::Side::Answer => answers += 1,
            }
        }
    }
    if questions < 2 || answers < 2 {
        return kinds;
    }
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        if matches!(kind, Kind::Plain | Kind::Label(_))
            && let Some(marker) = markers::spaced_marker(&line.text)
        {
            *kind = Kind::Marker(marker);
        }
    }
    kinds
}

/// **Running head rule**: a printed transcript's page break leaves the
/// page's running head and its number between two lines, in the middle of
/// a turn as often as not:
///
/// ```text
/// Cold and lonely, until a girl on my corridor
/// Margret Oyelaran, interviewed by Nadia Brooks
/// 2
/// knocked on my door with a second blanket.
/// ```
///
/// A plain line followed by a number alone (one to four digits) is a
/// running head, and both are furniture, where the same line is so
/// followed twice at least.
fn running_heads(lines: &[Line<'_>], mut kinds: Vec<Kind>) -> Vec<Kind> {
    let number = |t: &str| (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let heads: Vec<usize> = (1..lines.len())
        .filter(|&i| number(&lines[i].text) && matches!(kinds[i - 1], Kind::Plain))
        .map(|i| i - 1)
        .collect();
    for &i in &heads {
        let again = heads
            .iter()
            .filter(|&&j| lines[j].text == lines[i].text)
            .nth(1)
            .is_some();
        if again {
            kinds[i] = Kind::Furniture;
            kinds[i + 1] = Kind::Furniture;
        }
    }
    kinds
}

/// A read-count line as a pass met it, for the read count to be settled
/// once all are known.
#[derive(Debug, Clone)]
pub(crate) struct Counted {
    pub count: ReadCount,
    pub span: Range<usize>,
    pub text: String,
}

impl Counted {
    pub fn of(line: &Line<'_>, count: ReadCount) -> Counted {
        Counted {
            count,
            span: line.span.clone(),
            text: line.text.to_string(),
        }
    }
}

/// The warning for a share bar, copyright line, page number, time code or
/// photo caption, dropped.
pub(crate) fn furniture(line: &Line<'_>) -> Diagnostic {
    let text: &str = &line.text;
    let expected =
        if is_page_marker(text) || is_timing(text) || is_caption(text) || is_photo_id(text) {
            "interview text (page numbers, time codes and photo captions are not part of it)"
        } else {
            "interview text (share bars and copyright lines are not part of it)"
        };
    Diagnostic::warning(
        Code::PageFurniture,
        format!("page furniture dropped: `{}`", line.text),
        line.span.clone(),
    )
    .expected(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_head_and_its_page_number_are_furniture() {
        let text = "Ana Ruiz, interviewed by Nadia Brooks\n1\nRUIZ:\nCold, until a girl\n\
                    Ana Ruiz, interviewed by Nadia Brooks\n2\nknocked on my door.\nWe were 3\n4\n";
        let lines: Vec<Line<'_>> = text
            .lines()
            .enumerate()
            .map(|(n, t)| Line {
                span: 0..t.len(),
                text: std::borrow::Cow::Borrowed(t),
                block: n as u32,
            })
            .collect();
        let kinds = running_heads(&lines, lines.iter().map(|l| classify(&l.text)).collect());
        let furniture: Vec<usize> = (0..lines.len())
            .filter(|&i| matches!(kinds[i], Kind::Furniture))
            .collect();
        // a line before a number once is text
        assert_eq!(furniture, [0, 1, 4, 5]);
    }

    #[test]
    fn a_data_dumps_keys_are_no_part_of_the_turns() {
        let p = crate::read::text::read(&crate::source::Source::from_text(
            "t.txt",
            "周明遠\ngazette.blocks[0][0] |\n許委員:公共圖書館的購書經費為什麼縮水? |\n\
             gazette.blocks[1][0] |\n周部長:知道,部裡正在檢討。 |\ngazette.blocks[1][1] |\n\
             明年度會單獨列一項。 |\ngazette.blocks[2][0] |\n許委員:偏鄉館呢? |\n\
             gazette.blocks[3][0] |\n周部長:一起檢討。 |\n",
        ));
        let interview = p.interview.expect("a model");
        assert_eq!(
            interview.exchanges[0].answer,
            ["知道,部裡正在檢討。", "明年度會單獨列一項。"]
        );
    }

    #[test]
    fn page_numbers_alone_are_page_markers() {
        for t in [
            "[2]",
            "【12】",
            "- 3 -",
            "— 14 —",
            "Page 4",
            "page 4 of 9",
            "p. 12",
        ] {
            assert!(is_page_marker(t), "{t}");
        }
        for t in ["[2] See the note.", "- item", "Page one", "2024", "[12345]"] {
            assert!(!is_page_marker(t), "{t}");
        }
    }

    #[test]
    fn time_codes_alone_are_timings() {
        for t in [
            "(00:45):",
            "01:12:09",
            "[00:03:15]",
            "0:00:03.160 --> 0:00:07.480",
            "00:01:02,500 --> 00:01:04,000 align:start",
        ] {
            assert!(is_timing(t), "{t}");
        }
        for t in ["Priya (00:45):", "10:30 am", "Q: 12:30?", "1:2:3:4"] {
            assert!(!is_timing(t), "{t}");
        }
    }

    #[test]
    fn a_note_placing_people_in_a_photo_makes_a_caption() {
        assert!(is_caption(
            "At the mill: Ortiz (left) and her foreman Ben Hale."
        ));
        assert!(is_caption("挨拶する館長（右）と市長"));
        assert!(is_caption("기념 촬영하는 학생들(왼쪽부터)"));
        assert!(!is_caption("Who stood on the left (left) side?"));
        assert!(!is_caption("We left (as planned) at noon."));
    }

    #[test]
    fn q_and_a_with_one_space_are_markers_where_both_recur() {
        let kinds = |text: &str| {
            let source = crate::source::Source::from_text("t.txt", text);
            let lines = lines::collect(&source, &mut Vec::new(), &mut Default::default());
            page(source.text(), &lines)
                .kinds
                .iter()
                .map(|k| matches!(k, Kind::Marker(_)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("Q Why?\nA Because.\nQ And then?\nA More.\n"),
            [true; 4]
        );
        assert_eq!(
            kinds("A New York firm came.\nQ Street was closed.\nThen more.\n"),
            [false; 3]
        );
    }

    #[test]
    fn a_camera_file_name_alone_is_a_photo_id() {
        for t in ["P2040118", "IMG_4471.jpg", "DSC01234"] {
            assert!(is_photo_id(t), "{t}");
        }
        for t in ["A1", "COVID19", "ISO 9001", "2040118", "NASA"] {
            assert!(!is_photo_id(t), "{t}");
        }
    }

    #[test]
    fn furniture_lines_are_no_turns() {
        for t in [
            "[3]",
            "(01:02):",
            "Under scrutiny: Lim (left) and Farah at the talks.",
        ] {
            assert!(matches!(classify(t), Kind::Furniture), "{t}");
        }
    }
}
