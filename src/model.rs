//! The typed interview model: the one shape every reader produces and every
//! writer consumes.
//!
//! The JSON field names are a public contract: they are the keys of the JSON
//! output and of `schema/interview.schema.json`, which is generated from these
//! types (the doc comments become the schema's descriptions). Optional fields
//! are left out of the JSON when they are absent, never written as `null`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One published interview: who was interviewed, in what role, the
/// question-and-answer exchanges in source order, and the page's read count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Interview",
    extend(
        "$id" = "https://interview-kit.dev/schema/interview.schema.json",
        "dependentRequired" = {
            "read_count_precision": ["read_count"],
            "read_count_text": ["read_count"],
        },
    )
)]
pub struct Interview {
    /// The headline printed above the interview, when the page has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub headline: Option<String>,

    /// A publication date line as written (e.g. `2024-05-12` or
    /// `2024年5月12日`), when the header has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub date: Option<String>,

    /// A byline or credit line as written (e.g. `By Jane Doe`,
    /// `Interviewed by Jane Doe`), when the header has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub byline: Option<String>,

    /// The person interviewed, when the text names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,

    /// The interviewee's role, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,

    /// The person or outlet asking the questions, when the text names one
    /// (a speaker label such as `ANDREW MARR:` or `中国网:`, or an
    /// `Interviewed by …` line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewer: Option<Speaker>,

    /// Paragraphs of introduction that stand between the header and the first
    /// question, in source order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(length(min = 1)))]
    pub introduction: Vec<String>,

    /// The question-and-answer exchanges, in source order.
    #[schemars(length(min = 1))]
    pub exchanges: Vec<Exchange>,

    /// How many people read the page, as an integer; absent when the text
    /// shows no read count. See `read_count_precision` for whether it is
    /// exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_count: Option<u64>,

    /// Whether `read_count` is exact, rounded from a form such as `1.2万`,
    /// or a lower bound from a form such as `10万+`. Present exactly when
    /// `read_count` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_count_precision: Option<Precision>,

    /// The read-count line as written in the source (e.g. `已阅读人数: 427`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub read_count_text: Option<String>,

    /// The main language of the text as a BCP 47 tag (`en`, `zh`, `ja`,
    /// `ko`), as detected from its script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub language: Option<String>,

    /// The character encoding the raw text was read in (WHATWG name, e.g.
    /// `UTF-8`, `GBK`, `Shift_JIS`, `UTF-16LE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub encoding: Option<String>,
}

/// A person who speaks in the interview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// The name as written (e.g. `LEE Hee-sup`).
    #[schemars(length(min = 1))]
    pub name: String,

    /// The family name, when the text shows which part it is (e.g. the
    /// all-capitals token in `LEE Hee-sup`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub family_name: Option<String>,

    /// The given name, when the text shows which part it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub given_name: Option<String>,

    /// The label that marks this person's turns in the transcript, when it
    /// differs from `name` (e.g. `BROWN` or `김`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub label: Option<String>,
}

/// The interviewee's role, as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The role line as written, typos and all.
    #[schemars(length(min = 1))]
    pub text: String,

    /// The title part (e.g. `Secretary-General`), when the line has the
    /// shape `TITLE of [the] ORGANIZATION [(ABBREVIATION)]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub title: Option<String>,

    /// The organization part (e.g. `Trilateral Cooperation Secretariat`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub organization: Option<String>,

    /// The organization's abbreviation, from the parentheses (e.g. `TCS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub abbreviation: Option<String>,
}

/// One question and the answer given to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    /// The question, without its marker (`Q:`, `问：`, a speaker label …).
    #[schemars(length(min = 1))]
    pub question: String,

    /// The answer, one string per paragraph, markers removed.
    #[schemars(length(min = 1), inner(length(min = 1)))]
    pub answer: Vec<String>,

    /// Who gave the answer, when several people answer (a panel): the
    /// name or label as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub answered_by: Option<String>,
}

/// How exact a read count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The count as printed, digit for digit (`427`, `1,234`).
    Exact,
    /// Rounded by the page (`1.2万` is 12000, `1.2k` is 1200).
    Rounded,
    /// A lower bound (`10万+` is at least 100000).
    AtLeast,
}

impl Precision {
    /// The snake_case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Rounded => "rounded",
            Precision::AtLeast => "at_least",
        }
    }

    /// The inverse of [`Precision::as_str`].
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "exact" => Some(Precision::Exact),
            "rounded" => Some(Precision::Rounded),
            "at_least" => Some(Precision::AtLeast),
            _ => None,
        }
    }
}

impl Speaker {
    /// A speaker known only by the name as written.
    pub fn named(name: impl Into<String>) -> Self {
        Speaker {
            name: name.into(),
            family_name: None,
            given_name: None,
            label: None,
        }
    }
}
