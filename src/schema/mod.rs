//! The JSON Schema of the model: generated from the types in
//! [`crate::model`], committed as `schema/interview.schema.json`, and
//! compiled once per process to validate every document before it is
//! written.

use std::sync::OnceLock;

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use serde_json::Value;

use crate::locate::push_token;

use crate::diagnostic::{Code, Diagnostic, ErrorLimit, Severity};
use crate::model::Interview;

/// Where the committed schema lives, relative to the repository root.
pub const PATH: &str = "schema/interview.schema.json";

/// The schema as a JSON value (draft 2020-12, with `$id` and `title`).
pub fn generate() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(NoNull)
        .with_transform(IntegerBounds)
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Interview>().to_value();
    // the identifying keywords first, as people read a schema top-down
    if let Some(root) = schema.as_object_mut() {
        let head = ["$schema", "$id", "title", "description"];
        let mut ordered: serde_json::Map<String, Value> = head
            .iter()
            .filter_map(|k| root.remove(*k).map(|v| ((*k).to_owned(), v)))
            .collect();
        ordered.append(root);
        *root = ordered;
    }
    schema
}

/// The schema as committed: pretty JSON with a trailing newline.
pub fn to_pretty_string() -> String {
    let mut text =
        serde_json::to_string_pretty(&generate()).expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// Optional fields are left out, never `null`: drop the `null` that
/// schemars adds to every `Option`.
#[derive(Debug, Clone)]
struct NoNull;

impl Transform for NoNull {
    fn transform(&mut self, schema: &mut schemars::Schema) {
        if let Some(Value::Array(types)) = schema.get_mut("type") {
            types.retain(|t| t != "null");
            if let [only] = &types[..] {
                let only = only.clone();
                schema.insert("type".into(), only);
            }
        }
        if let Some(Value::Array(any_of)) = schema.get("anyOf") {
            let kept: Vec<Value> = any_of
                .iter()
                .filter(|s| s.get("type") != Some(&Value::from("null")))
                .cloned()
                .collect();
            if kept.len() == 1
                && any_of.len() == 2
                && let (Some(obj), Some(Value::Object(inner))) =
                    (schema.as_object_mut(), kept.into_iter().next())
            {
                obj.remove("anyOf");
                obj.extend(inner);
            }
        }
        enum_of_consts(schema);
        transform_subschemas(self, schema);
    }
}

/// The formats JSON Schema 2020-12 defines (Validation, section 7.3): a
/// schema that names any other is refused by strict validators (ajv:
/// `unknown format "uint64"`).
pub const STANDARD_FORMATS: &[&str] = &[
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "idn-email",
    "hostname",
    "idn-hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "iri",
    "iri-reference",
    "uuid",
    "uri-template",
    "json-pointer",
    "relative-json-pointer",
    "regex",
];

/// schemars marks a Rust integer type with a `format` of its own
/// (`uint64`, `int32` …) that no draft defines: say its range with
/// `minimum` and `maximum` instead, which every validator knows.
#[derive(Debug, Clone)]
struct IntegerBounds;

impl Transform for IntegerBounds {
    fn transform(&mut self, schema: &mut schemars::Schema) {
        let range = match schema.get("format").and_then(Value::as_str) {
            Some("uint8") => Some((Value::from(0), Value::from(u8::MAX))),
            Some("uint16") => Some((Value::from(0), Value::from(u16::MAX))),
            Some("uint32") => Some((Value::from(0), Value::from(u32::MAX))),
            Some("uint64" | "uint") => Some((Value::from(0), Value::from(u64::MAX))),
            Some("int8") => Some((Value::from(i8::MIN), Value::from(i8::MAX))),
            Some("int16") => Some((Value::from(i16::MIN), Value::from(i16::MAX))),
            Some("int32") => Some((Value::from(i32::MIN), Value::from(i32::MAX))),
            Some("int64" | "int") => Some((Value::from(i64::MIN), Value::from(i64::MAX))),
            _ => None,
        };
        if let (Some((min, max)), Some(obj)) = (range, schema.as_object_mut()) {
            // the bounds take the format's place; one the model sets
            // (`#[schemars(range(…))]`) is narrower and stays
            let min = obj.remove("minimum").unwrap_or(min);
            let max = obj.remove("maximum").unwrap_or(max);
            *obj = std::mem::take(obj)
                .into_iter()
                .flat_map(|(key, value)| match key.as_str() {
                    "format" => vec![
                        ("minimum".to_owned(), min.clone()),
                        ("maximum".to_owned(), max.clone()),
                    ],
                    _ => vec![(key, value)],
                })
                .collect();
        }
        transform_subschemas(self, schema);
    }
}

/// A `oneOf` of string constants (a unit enum with documented variants)
/// becomes a plain `enum`, with each variant's description kept in the
/// parent's: validators then say which values are allowed.
fn enum_of_consts(schema: &mut schemars::Schema) {
    let Some(Value::Array(branches)) = schema.get("oneOf") else {
        return;
    };
    let consts: Option<Vec<(Value, Option<Value>)>> = branches
        .iter()
        .map(|b| Some((b.get("const")?.clone(), b.get("description").cloned())))
        .collect();
    let Some(consts) = consts else { return };
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let mut description = obj
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    for (value, text) in &consts {
        if let (Some(value), Some(text)) = (value.as_str(), text.as_ref().and_then(Value::as_str)) {
            description.push_str(&format!("\n- `{value}`: {text}"));
        }
    }
    obj.remove("oneOf");
    obj.insert("type".into(), Value::from("string"));
    obj.insert(
        "enum".into(),
        Value::Array(consts.into_iter().map(|(v, _)| v).collect()),
    );
    obj.insert("description".into(), Value::from(description));
}

/// The compiled validator, built on first use.
pub fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::draft202012::new(&generate())
            .expect("the generated schema is a valid 2020-12 schema")
    })
}

/// Every violation of the schema in `value`, each with its JSON pointer
/// (for an unexpected property, the pointer to that property).
pub fn check(value: &Value) -> Vec<Diagnostic> {
    check_with(value, ErrorLimit::default())
}

/// [`check`], stopping at `limit`'s number of violations: the validator
/// looks no further, and a [`Code::TooManyErrors`] note closes the list
/// when it stopped with more to find.
pub fn check_with(value: &Value, limit: ErrorLimit) -> Vec<Diagnostic> {
    let validator = validator();
    // the common case, a valid document, without building errors
    if validator.is_valid(value) {
        return Vec::new();
    }
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut tally = limit.tally();
    // `dependentRequired` reports one missing property once per dependant
    let mut seen = std::collections::HashSet::new();
    // violations are described as the validator finds them, so that it
    // stops at the limit: the iterator is lazy
    let described = validator.iter_errors(value).flat_map(|err| describe(&err));
    let mut stopped = false;
    for diagnostic in described {
        if seen.contains(&diagnostic) {
            continue;
        }
        if tally.is_full(&found) {
            stopped = true;
            break;
        }
        seen.insert(diagnostic.clone());
        found.push(diagnostic);
    }
    limit.cut(&mut found, stopped);
    found
}

/// A violation as diagnostics: what was found, and what the schema expects.
fn describe(err: &ValidationError<'_>) -> Vec<Diagnostic> {
    let pointer = err.instance_path().to_string();
    let at = if pointer.is_empty() {
        "document"
    } else {
        pointer.as_str()
    };
    let violation = |message: String, expected: String, pointer: String| {
        Diagnostic::whole(Severity::Error, Code::Schema, message)
            .expected(expected)
            .at_pointer(pointer)
    };
    let one =
        |message: String, expected: String| vec![violation(message, expected, pointer.clone())];
    let found = || short(err.instance());
    match err.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => unexpected
            .iter()
            .map(|name| {
                let mut inner = pointer.clone();
                push_token(&mut inner, name);
                violation(
                    format!("unexpected property `{name}` in {at}"),
                    "only the properties the interview schema defines".to_owned(),
                    inner,
                )
            })
            .collect(),
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_owned);
            one(
                format!("{at} lacks required property `{name}`"),
                format!("property `{name}`"),
            )
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => format!("a value of type {t}"),
                TypeKind::Multiple(ts) => format!("a value of type {ts:?}"),
            };
            one(format!("{at} is {}", found()), expected)
        }
        ValidationErrorKind::MinLength { limit } => one(
            format!("{at} is {}", found()),
            format!("a string of at least {limit} character(s)"),
        ),
        ValidationErrorKind::MinItems { limit } => one(
            format!("{at} is {}", found()),
            format!("an array of at least {limit} item(s)"),
        ),
        ValidationErrorKind::Minimum { limit } => one(
            format!("{at} is {}", found()),
            format!("a number ≥ {limit}"),
        ),
        ValidationErrorKind::Maximum { limit } => one(
            format!("{at} is {}", found()),
            format!("a number ≤ {limit}"),
        ),
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<String> = options
                .as_array()
                .into_iter()
                .flatten()
                .map(short)
                .collect();
            one(
                format!("{at} is {}", found()),
                format!("one of {}", allowed.join(", ")),
            )
        }
        ValidationErrorKind::Pattern { pattern } => one(
            format!("{at} is {}", found()),
            format!("a string matching `{pattern}`"),
        ),
        _ => one(
            format!("{at}: {}", lowercase_first(&err.to_string())),
            format!(
                "a value that satisfies the schema's `{}`",
                err.kind().keyword()
            ),
        ),
    }
}

/// A value as shown in a message: strings and numbers whole, containers
/// by kind, long strings cut.
fn short(value: &Value) -> String {
    match value {
        Value::String(s) if s.chars().count() > 40 => {
            format!(
                "{}…\"",
                serde_json::to_string(&s.chars().take(40).collect::<String>())
                    .unwrap_or_default()
                    .trim_end_matches('"')
            )
        }
        Value::Array(items) if items.is_empty() => "an empty array".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        Value::String(s) if s.is_empty() => "an empty string".to_owned(),
        other => other.to_string(),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// The validator of one exchange: the schema's `$defs/Exchange`, which
/// every item of `exchanges` is checked against.
fn exchange_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let mut schema = generate();
        let defs = schema
            .as_object_mut()
            .and_then(|root| root.remove("$defs"))
            .unwrap_or_default();
        let exchange = serde_json::json!({
            "$schema": schema["$schema"],
            "$ref": "#/$defs/Exchange",
            "$defs": defs,
        });
        jsonschema::draft202012::new(&exchange)
            .expect("the generated schema's Exchange is a valid 2020-12 schema")
    })
}

/// Whether `interview` is valid, found a part at a time: the document
/// with its first exchange alone (so that `minItems` sees what it sees in
/// the whole), then each other exchange against the exchange's schema,
/// which is all the schema asks of an item. The same verdict as the whole
/// document's, without its JSON form in memory at once (a document of many
/// short exchanges takes ten times its size as a `serde_json::Value`).
fn is_valid_in_parts(interview: &Interview) -> bool {
    let head = Interview {
        headline: interview.headline.clone(),
        date: interview.date.clone(),
        byline: interview.byline.clone(),
        speaker: interview.speaker.clone(),
        role: interview.role.clone(),
        interviewer: interview.interviewer.clone(),
        introduction: interview.introduction.clone(),
        exchanges: interview.exchanges.first().cloned().into_iter().collect(),
        read_count: interview.read_count,
        read_count_precision: interview.read_count_precision,
        read_count_text: interview.read_count_text.clone(),
        language: interview.language.clone(),
        encoding: interview.encoding.clone(),
    };
    let valid = |value: serde_json::Result<Value>, validator: &jsonschema::Validator| {
        value.is_ok_and(|value| validator.is_valid(&value))
    };
    valid(serde_json::to_value(&head), validator())
        && interview
            .exchanges
            .iter()
            .skip(1)
            .all(|exchange| valid(serde_json::to_value(exchange), exchange_validator()))
}

/// Every violation of the schema by a model built in memory: the model
/// as `serde_json` writes it, checked as a JSON input is. A valid model
/// is checked a part at a time; only an invalid one is made a whole
/// `serde_json::Value`, to report each violation as for a JSON input.
pub fn check_model(interview: &Interview) -> Vec<Diagnostic> {
    check_model_with(interview, ErrorLimit::default())
}

/// [`check_model`], stopping at `limit` as [`check_with`] does.
pub fn check_model_with(interview: &Interview, limit: ErrorLimit) -> Vec<Diagnostic> {
    if is_valid_in_parts(interview) {
        return Vec::new();
    }
    match serde_json::to_value(interview) {
        Ok(value) => check_with(&value, limit),
        Err(err) => vec![Diagnostic::whole(
            Severity::Error,
            Code::Schema,
            err.to_string(),
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Exchange, Speaker};

    fn exchange(question: &str, answer: &[&str]) -> Exchange {
        Exchange {
            question: question.into(),
            answer: answer.iter().map(|a| (*a).to_owned()).collect(),
            answered_by: None,
        }
    }

    /// The check a part at a time gives the verdict and the diagnostics
    /// of the whole document's, wherever the violation is.
    #[test]
    fn a_model_checked_in_parts_gets_the_whole_documents_verdict() {
        let valid = Interview {
            headline: None,
            date: None,
            byline: None,
            speaker: Some(Speaker::named("LEE")),
            role: None,
            interviewer: None,
            introduction: vec!["intro".into()],
            exchanges: vec![
                exchange("a?", &["b."]),
                exchange("c?", &["d.", "e."]),
                exchange("f?", &["g."]),
            ],
            read_count: None,
            read_count_precision: None,
            read_count_text: None,
            language: Some("en".into()),
            encoding: None,
        };
        type Change = fn(&mut Interview);
        let changes: [Change; 7] = [
            |_| {},
            |m| m.exchanges[2].question.clear(),
            |m| m.exchanges[1].answer.clear(),
            |m| m.exchanges[1].answered_by = Some(String::new()),
            |m| m.exchanges[0].answer[0].clear(),
            |m| m.exchanges.clear(),
            |m| {
                m.language = Some("English".into());
                m.exchanges[2].answer[0].clear();
            },
        ];
        for (i, change) in changes.into_iter().enumerate() {
            let mut model = valid.clone();
            change(&mut model);
            let whole = check(&serde_json::to_value(&model).unwrap());
            assert_eq!(is_valid_in_parts(&model), whole.is_empty(), "change {i}");
            assert_eq!(check_model(&model), whole, "change {i}");
            assert_eq!(whole.is_empty(), i == 0, "change {i}: {whole:?}");
        }
    }
}
