//! Proptest strategies for whole models, parameterized by the strategy for
//! their text, so that each test picks the text that stresses its format.

use interview_kit::{Exchange, Interview, Precision, Role, Speaker};
use proptest::option;
use proptest::prelude::*;

/// A strategy for one string of a model (never empty: the schema wants
/// at least one character).
pub type Text = BoxedStrategy<String>;

/// A speaker whose every part comes from `text`.
pub fn speaker(text: &Text) -> impl Strategy<Value = Speaker> + use<> {
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

/// Any valid model: every string from `text`, the date from `date`.
pub fn interview(text: Text, date: Text) -> impl Strategy<Value = Interview> {
    let t = || text.clone();
    (
        option::of(t()),
        option::of(date),
        option::of(t()),
        speaker(&text),
        option::of((t(), option::of(t()), option::of(t()), option::of(t()))),
        option::of(speaker(&text)),
        prop::collection::vec(t(), 0..3),
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
            Just("de-CH")
        ]),
        option::of(prop_oneof![Just("UTF-8"), Just("GBK"), Just("Shift_JIS")]),
    )
        .prop_map(
            |(
                headline,
                date,
                byline,
                speaker,
                role,
                interviewer,
                introduction,
                exchanges,
                read_count,
                language,
                encoding,
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
