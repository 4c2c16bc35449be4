//! The JSON Schema of the model: generated from the types in
//! [`crate::model`], committed as `schema/interview.schema.json`, and
//! compiled once per process to validate every document before it is
//! written.

use std::sync::OnceLock;

use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::model::Interview;

/// Where the committed schema lives, relative to the repository root.
pub const PATH: &str = "schema/interview.schema.json";

/// The schema as a JSON value (draft 2020-12, with `$id` and `title`).
pub fn generate() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(NoNull)
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
        transform_subschemas(self, schema);
    }
}

/// The compiled validator, built on first use.
pub fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::draft202012::new(&generate())
            .expect("the generated schema is a valid 2020-12 schema")
    })
}

/// Every violation of the schema in `value`, each with its JSON pointer.
pub fn check(value: &Value) -> Vec<Diagnostic> {
    let validator = validator();
    // the common case, a valid document, without building errors
    if validator.is_valid(value) {
        return Vec::new();
    }
    validator
        .iter_errors(value)
        .map(|err| {
            let pointer = err.instance_path().to_string();
            let at = if pointer.is_empty() {
                "the document"
            } else {
                pointer.as_str()
            };
            Diagnostic::whole(Severity::Error, Code::Schema, format!("{at}: {err}"))
                .at_pointer(pointer.clone())
        })
        .collect()
}

/// Every violation of the schema by a model built in memory.
pub fn check_model(interview: &Interview) -> Vec<Diagnostic> {
    match serde_json::to_value(interview) {
        Ok(value) => check(&value),
        Err(err) => vec![Diagnostic::whole(
            Severity::Error,
            Code::Schema,
            err.to_string(),
        )],
    }
}
