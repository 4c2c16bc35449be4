//! Arbitrary models for property tests: the one strategy for a whole
//! model, parameterized by the strategies for its text and its date, so that
//! each test picks the text that stresses its format.

use interview_kit::{Exchange, Interview, Precision, Role, Speaker};
use proptest::option;
use proptest::prelude::*;

/// A strategy for one string of a model (never empty: the schema wants
/// at least one character).
pub type Text = BoxedStrategy<String>;

/// Text with the characters that break naive writers: CJK, curly quotes,
/// markup characters, and leading or trailing spaces.
pub fn text() -> Text {
    prop_oneof![
        "[a-zA-Z][a-zA-Z ,.?'-]{0,30}",
        "[\u{4e00}-\u{4e80}\u{3040}-\u{309f}\u{ac00}-\u{ac80}]{1,12}",
        "[ ]{0,2}[a-z“”‘’&<>\"'\u{4e2d}]{1,10}[ ]{0,2}",
    ]
    .boxed()
}

/// [`text`] and more, for formats that carry any string: line feeds, blank
/// lines, carriage returns and tabs anywhere (also at either end), text of
/// white space only, and markup look-alikes (`]]>`, `&amp;`, `<![CDATA[`).
pub fn any_text() -> Text {
    prop_oneof![
        3 => text(),
        1 => "[ \t\n\r]{0,3}[a-z&<>\"'\u{4e2d}“”]{1,6}([ \t\n\r]{1,3}[a-z\u{4e2d}]{1,4}){0,3}[ \t\n\r]{0,3}",
        1 => "[a-z]{1,5}\n\n[a-z]{1,5}(\n\n\n[a-z]{1,5})?",
        1 => "[ \t\n]{1,3}",
        1 => prop_oneof![Just("]]>"), Just("&amp;"), Just("<![CDATA[x]]>"), Just("&#13;")].prop_map(str::to_owned),
    ]
    .boxed()
}

/// A speaker whose every part comes from `text`.
fn speaker(text: &Text) -> impl Strategy<Value = Speaker> + use<> {
    (
        text.clone(),
        option::of(text.clone()),
        option::of(text.clone()),
        option::of(text.clone()),
    )
        .prop_map(|(name, family_name, given_name, label)| Speaker {
            name,
            family_name,
            given_name,
            label,
        })
}

/// Any valid model whose texts, its date among them, come from [`text`].
pub fn interview() -> impl Strategy<Value = Interview> {
    interview_with(text(), text())
}

/// Any valid model: every string from `text`, the date from `date`; every
/// optional field present or absent (the speaker among them), one to three
/// exchanges.
pub fn interview_with(text: Text, date: Text) -> impl Strategy<Value = Interview> {
    let t = || text.clone();
    let head = (
        option::of(t()),
        option::of(date),
        option::of(t()),
        // a document may name no interviewee
        option::weighted(0.8, speaker(&text)),
        option::of((t(), option::of(t()), option::of(t()), option::of(t()))),
        option::of(speaker(&text)),
        prop::collection::vec(t(), 0..3),
    );
    let body = (
        prop::collection::vec(
            (t(), prop::collection::vec(t(), 1..4), option::of(t())),
            1..4,
        ),
        option::of((
            any::<u64>(),
            prop_oneof![
                Just(Precision::Exact),
                Just(Precision::Rounded),
                Just(Precision::AtLeast)
            ],
            option::of(t()),
        )),
        option::of(prop_oneof![
            Just("en"),
            Just("zh"),
            Just("ja"),
            Just("ko"),
            Just("zh-Hant"),
            Just("de-CH")
        ]),
        option::of(prop_oneof![Just("UTF-8"), Just("GBK"), Just("Shift_JIS")]),
    );
    (head, body).prop_map(
        |(
            (headline, date, byline, speaker, role, interviewer, introduction),
            (exchanges, read_count, language, encoding),
        )| Interview {
            headline,
            date,
            byline,
            speaker,
            role: role.map(|(text, title, organization, abbreviation)| Role {
                text,
                title,
                organization,
                abbreviation,
            }),
            interviewer,
            introduction,
            exchanges: exchanges
                .into_iter()
                .map(|(question, answer, answered_by)| Exchange {
                    question,
                    answer,
                    answered_by,
                })
                .collect(),
            read_count: read_count.as_ref().map(|r| r.0),
            read_count_precision: read_count.as_ref().map(|r| r.1),
            read_count_text: read_count.and_then(|r| r.2),
            language: language.map(str::to_owned),
            encoding: encoding.map(str::to_owned),
        },
    )
}
