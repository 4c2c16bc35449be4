//! schema.org JSON-LD → model: the inverse of the JSON-LD writer,
//! whose module documentation gives the mapping.
//!
//! The reader reads the compact form by its terms; it runs no JSON-LD
//! processor and fetches nothing. So it accepts only contexts whose meaning
//! it knows: the inline context interview-kit writes (or any part of it), or
//! the schema.org context named by its URL, which is not fetched. A context
//! that defines other terms, nested contexts and structural keywords
//! (`@graph`, `@reverse`, `@nest` …) are refused, since reading them by name
//! could misread the document. Properties the model has no place for are
//! reported as warnings and left out.
//!
//! Problems are reported with the JSON pointer of the offending value in the
//! JSON-LD document; JSON syntax errors with line and column.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::diagnostic::{Code, Diagnostic, ErrorLimit, Severity, Tally};
use crate::locate::{nearest, spans};
use crate::model::{Exchange, Interview, Precision, Role, Speaker};
use crate::read::json::{duplicate_key_errors, syntax_error};
use crate::read::xml::input_error;
use crate::read::{Parsed, stopped};
use crate::schema;
use crate::source::Source;
use crate::vocabulary::jsonld::{SCHEMA_ORG, context, join_paragraphs, split_paragraphs};

/// Reads a schema.org JSON-LD document of an interview.
pub fn read(source: &Source) -> Parsed {
    read_with(source, ErrorLimit::default())
}

/// [`read`], looking for at most `limit`'s number of errors: once the
/// document has that many, it is invalid, and the rest is not checked
/// ([`crate::read::read_with`] cuts the list at the limit).
pub(crate) fn read_with(source: &Source, limit: ErrorLimit) -> Parsed {
    let mut diagnostics = source.diagnostics();
    if let Some(error) = input_error(source, "JSON-LD") {
        diagnostics.push(error);
        return Parsed {
            interview: None,
            diagnostics,
        };
    }
    let value: Value = match serde_json::from_str(source.text()) {
        Ok(value) => value,
        Err(err) => {
            let mut diagnostic = syntax_error(source, &err);
            diagnostic.message = diagnostic
                .message
                .replace("invalid JSON", "invalid JSON-LD");
            diagnostics.push(diagnostic.expected("a schema.org JSON-LD object"));
            return Parsed {
                interview: None,
                diagnostics,
            };
        }
    };
    diagnostics.extend(duplicate_key_errors(source, limit.room(&diagnostics)));
    let Some(left) = limit.after(&diagnostics) else {
        place(source, &mut diagnostics);
        return stopped(limit, diagnostics);
    };
    let mut reader = Reader {
        tally: left.tally(),
        ..Reader::default()
    };
    let interview = reader.document(&value);
    let fitted = !reader
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    diagnostics.append(&mut reader.diagnostics);
    if reader.stopped {
        place(source, &mut diagnostics);
        return stopped(limit, diagnostics);
    }
    let interview = match interview {
        Some(interview) if fitted => interview,
        _ => {
            place(source, &mut diagnostics);
            return Parsed {
                interview: None,
                diagnostics,
            };
        }
    };
    let Some(left) = limit.after(&diagnostics) else {
        place(source, &mut diagnostics);
        return stopped(limit, diagnostics);
    };
    for mut violation in schema::check_model_with(&interview, left) {
        if let Some(pointer) = &violation.pointer {
            violation.pointer = Some(reader.locate(pointer));
        }
        diagnostics.push(violation);
    }
    place(source, &mut diagnostics);
    Parsed {
        interview: Some(interview),
        diagnostics,
    }
}

/// Gives each diagnostic that names a JSON pointer the place of that value
/// in the text.
fn place(source: &Source, diagnostics: &mut [Diagnostic]) {
    let pointers: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.span.is_none())
        .filter_map(|d| d.pointer.as_deref())
        .collect();
    if pointers.is_empty() {
        return;
    }
    let found = spans(source.text(), &pointers);
    for diagnostic in diagnostics {
        if let (None, Some(pointer)) = (&diagnostic.span, &diagnostic.pointer) {
            diagnostic.span = nearest(&found, pointer).cloned();
        }
    }
}

/// The schema.org context URLs, read as `{"@vocab": "https://schema.org/"}`.
const SCHEMA_ORG_URLS: &[&str] = &[
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
];

type Node = Map<String, Value>;

#[derive(Debug, Default)]
struct Reader {
    diagnostics: Vec<Diagnostic>,
    /// Terms of interview-kit's vocabulary that the document's context
    /// defines as interview-kit does.
    terms: HashSet<String>,
    /// The interviewee's `@id`, which answers' `author` may point to.
    interviewee: Option<String>,
    /// Model pointer → the document pointer it was read from.
    origins: HashMap<String, String>,
    /// The errors found, against the limit on them.
    tally: Tally,
    /// Whether the limit was reached: nothing more is looked for.
    stopped: bool,
}

/// A JSON pointer one step down.
fn child(pointer: &str, key: impl std::fmt::Display) -> String {
    let key = key.to_string().replace('~', "~0").replace('/', "~1");
    format!("{pointer}/{key}")
}

/// Whether `value` names schema.org's `term`: `Person`, or its full IRI.
fn names(value: &str, term: &str) -> bool {
    value == term
        || ["https://schema.org/", "http://schema.org/"]
            .iter()
            .any(|base| value.strip_prefix(base) == Some(term))
}

impl Reader {
    /// Whether the limit on errors is reached; once it is, nothing more is
    /// reported, and loops over a document's parts stop.
    fn full(&mut self) -> bool {
        self.stopped = self.stopped || self.tally.is_full(&self.diagnostics);
        self.stopped
    }

    fn error(
        &mut self,
        pointer: &str,
        message: impl std::fmt::Display,
        expected: impl Into<String>,
    ) {
        if self.full() {
            return;
        }
        let at = if pointer.is_empty() {
            "the document"
        } else {
            pointer
        };
        self.diagnostics.push(
            Diagnostic::whole(Severity::Error, Code::Schema, format!("{at}: {message}"))
                .expected(expected)
                .at_pointer(pointer),
        );
    }

    fn warning(
        &mut self,
        pointer: &str,
        message: impl std::fmt::Display,
        expected: impl Into<String>,
    ) {
        if self.full() {
            return;
        }
        self.diagnostics.push(
            Diagnostic::whole(
                Severity::Warning,
                Code::Schema,
                format!("{pointer}: {message}"),
            )
            .expected(expected)
            .at_pointer(pointer),
        );
    }

    /// Remembers that the model's `model` pointer came from `from`.
    fn origin(&mut self, model: &str, from: &str) {
        self.origins.insert(model.to_owned(), from.to_owned());
    }

    /// The document pointer a model pointer came from, or its nearest
    /// ancestor's.
    fn locate(&self, model: &str) -> String {
        nearest(&self.origins, model).cloned().unwrap_or_default()
    }

    /// Reports keys of `node` that are not in `known`: keywords as errors
    /// (they change what the document means), terms and a node's `@id` (a
    /// name for it, which the model has no place for) as warnings.
    fn unknown(&mut self, node: &Node, pointer: &str, known: &[&str]) {
        for key in node.keys() {
            if self.full() {
                return;
            }
            if known.contains(&key.as_str()) {
                continue;
            }
            let at = child(pointer, key);
            if key.starts_with('@') && key != "@id" {
                self.error(
                    &at,
                    format!("keyword `{key}` is not supported here"),
                    format!("only {}", known.join(", ")),
                );
            } else {
                self.warning(
                    &at,
                    format!("`{key}` has no place in the interview model; left out"),
                    format!("one of {}", known.join(", ")),
                );
            }
        }
    }

    /// A property that holds one node: an object, or an array of one.
    fn node<'v>(&mut self, node: &'v Node, key: &str, pointer: &str) -> Option<(&'v Node, String)> {
        let at = child(pointer, key);
        match node.get(key)? {
            Value::Object(inner) => Some((inner, at)),
            Value::Array(items) if items.len() == 1 && items[0].is_object() => {
                Some((items[0].as_object()?, child(&at, 0)))
            }
            other => {
                self.error(&at, format!("found {}", kind(other)), "one object");
                None
            }
        }
    }

    /// A property that holds text, recorded as the origin of `model`.
    fn string(&mut self, node: &Node, key: &str, pointer: &str, model: &str) -> Option<String> {
        let at = child(pointer, key);
        match node.get(key)? {
            Value::String(s) => {
                self.origin(model, &at);
                Some(s.clone())
            }
            other => {
                self.error(&at, format!("found {}", kind(other)), "a string");
                None
            }
        }
    }

    /// Checks `@type`: one of `types`, or, when `required` is false, absent.
    fn check_type(&mut self, node: &Node, pointer: &str, types: &[&str], required: bool) {
        let at = child(pointer, "@type");
        let ok = match node.get("@type") {
            None => !required,
            Some(Value::String(t)) => types.iter().any(|want| names(t, want)),
            Some(Value::Array(ts)) => ts.iter().any(|t| {
                t.as_str()
                    .is_some_and(|t| types.iter().any(|want| names(t, want)))
            }),
            Some(_) => false,
        };
        if !ok {
            let found = node
                .get("@type")
                .map_or_else(|| "no @type".to_owned(), |t| format!("@type {t}"));
            self.error(
                &at,
                format!("found {found}"),
                format!("@type {}", types.join(" or ")),
            );
        }
    }

    fn document(&mut self, value: &Value) -> Option<Interview> {
        let Some(doc) = value.as_object() else {
            self.error("", format!("found {}", kind(value)), "a JSON-LD object");
            return None;
        };
        self.context(doc.get("@context"));
        self.unknown(
            doc,
            "",
            &[
                "@context",
                "@type",
                "genre",
                "headline",
                "datePublished",
                "dateText",
                "creditText",
                "inLanguage",
                "author",
                "about",
                "abstract",
                "introduction",
                "hasPart",
                "interactionStatistic",
                "sourceEncoding",
            ],
        );
        self.check_type(doc, "", &["NewsArticle"], true);
        let is_interview = match doc.get("genre") {
            Some(Value::String(g)) => g == "Interview",
            Some(Value::Array(gs)) => gs.iter().any(|g| g == "Interview"),
            _ => false,
        };
        if !is_interview {
            self.error(
                "/genre",
                "the article is not marked as an interview",
                "\"genre\": \"Interview\"",
            );
        }
        let headline = self.string(doc, "headline", "", "/headline");
        let date = match (
            doc.contains_key("datePublished"),
            self.term(doc, "dateText", ""),
        ) {
            (true, true) => {
                self.error(
                    "/dateText",
                    "both datePublished and dateText give a date",
                    "datePublished for an ISO 8601 date, dateText for any other",
                );
                None
            }
            (true, false) => self.string(doc, "datePublished", "", "/date"),
            (false, true) => self.string(doc, "dateText", "", "/date"),
            (false, false) => None,
        };
        let byline = self.string(doc, "creditText", "", "/byline");
        let language = self.string(doc, "inLanguage", "", "/language");
        let interviewer = self.node(doc, "author", "").map(|(node, at)| {
            self.check_type(node, &at, &["Person", "Organization"], false);
            self.origin("/interviewer", &at);
            self.person(node, &at, "/interviewer", &[])
        });
        // no `about`: the text named no one
        let (speaker, role) = match self.node(doc, "about", "") {
            Some((node, at)) => self.interviewee(node, &at),
            None => (None, None),
        };
        let introduction = if doc.contains_key("abstract") || doc.contains_key("introduction") {
            self.paragraphs(doc, "", "abstract", "introduction", "/introduction")
        } else {
            Vec::new()
        };
        let exchanges = self.exchanges(doc);
        let (read_count, read_count_precision, read_count_text) = self.read_count(doc);
        let encoding = if self.term(doc, "sourceEncoding", "") {
            self.string(doc, "sourceEncoding", "", "/encoding")
        } else {
            None
        };
        Some(Interview {
            headline,
            date,
            byline,
            speaker,
            role,
            interviewer,
            introduction,
            exchanges,
            read_count,
            read_count_precision,
            read_count_text,
            language,
            encoding,
        })
    }

    /// Whether `node` has `key`, one of interview-kit's terms, and the
    /// context defines it; a use of an undefined term is a warning.
    fn term(&mut self, node: &Node, key: &str, pointer: &str) -> bool {
        if !node.contains_key(key) {
            return false;
        }
        if self.terms.contains(key) {
            return true;
        }
        self.warning(
            &child(pointer, key),
            format!("term `{key}` is not defined by the @context; left out"),
            format!("\"{key}\" defined as in interview-kit's context"),
        );
        false
    }

    /// Accepts interview-kit's inline context, any part of it, or the
    /// schema.org context by URL.
    fn context(&mut self, context: Option<&Value>) {
        let ours = context_entries();
        let expected =
            "the inline context {\"@vocab\": \"https://schema.org/\", …} that interview-kit writes";
        match context {
            None => self.error("/@context", "no @context", expected),
            Some(Value::String(url)) if SCHEMA_ORG_URLS.contains(&url.as_str()) => {}
            Some(Value::Object(entries)) => {
                for (key, value) in entries {
                    let at = child("/@context", key);
                    if key == "@vocab" {
                        let url = value.as_str().unwrap_or_default();
                        if !SCHEMA_ORG_URLS.contains(&url) || !url.ends_with('/') {
                            self.error(
                                &at,
                                format!("@vocab is {value}"),
                                format!("\"{SCHEMA_ORG}\""),
                            );
                        }
                    } else if ours.get(key) == Some(value) {
                        self.terms.insert(key.clone());
                    } else {
                        self.error(
                            &at,
                            format!("the context defines `{key}` as {value}, which this reader does not know"),
                            expected,
                        );
                    }
                }
                if !entries.contains_key("@vocab") {
                    self.error(
                        "/@context",
                        "the context has no @vocab",
                        format!("\"@vocab\": \"{SCHEMA_ORG}\""),
                    );
                }
            }
            Some(other) => self.error(
                "/@context",
                format!(
                    "found {} (a remote or composite context is not fetched)",
                    kind(other)
                ),
                expected,
            ),
        }
    }

    /// The interviewee and the role, from `about`: no speaker when the
    /// `Person` has no name nor name part (a role alone).
    fn interviewee(&mut self, node: &Node, at: &str) -> (Option<Speaker>, Option<Role>) {
        self.check_type(node, at, &["Person"], true);
        self.origin("/speaker", at);
        match node.get("@id") {
            Some(Value::String(id)) => self.interviewee = Some(id.clone()),
            Some(other) => self.error(
                &child(at, "@id"),
                format!("found {}", kind(other)),
                "a string",
            ),
            None => {}
        }
        let extra = ["@id", "description", "jobTitle", "worksFor"];
        let named = ["name", "familyName", "givenName", "alternateName"]
            .iter()
            .any(|key| node.contains_key(*key));
        let speaker = if named {
            Some(self.person(node, at, "/speaker", &extra))
        } else {
            let mut known = vec!["@type"];
            known.extend_from_slice(&extra);
            self.unknown(node, at, &known);
            None
        };
        let text = self.string(node, "description", at, "/role/text");
        let title = self.string(node, "jobTitle", at, "/role/title");
        let (organization, abbreviation) = match self.node(node, "worksFor", at) {
            Some((org, org_at)) => {
                self.check_type(org, &org_at, &["Organization"], false);
                self.unknown(org, &org_at, &["@type", "name", "alternateName"]);
                self.origin("/role", &org_at);
                (
                    self.string(org, "name", &org_at, "/role/organization"),
                    self.string(org, "alternateName", &org_at, "/role/abbreviation"),
                )
            }
            None => (None, None),
        };
        let role = match text {
            Some(text) => Some(Role {
                text,
                title,
                organization,
                abbreviation,
            }),
            None if title.is_some() || organization.is_some() || abbreviation.is_some() => {
                // no line as written: compose one in the model's `TITLE, ORGANIZATION (ABBR)` shape
                let mut text = [title.as_deref(), organization.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                if let Some(abbreviation) = &abbreviation {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(&format!("({abbreviation})"));
                }
                self.warning(
                    &child(at, "description"),
                    format!(
                        "the role line is missing; made it from jobTitle and worksFor: `{text}`"
                    ),
                    "\"description\": the role line as written",
                );
                Some(Role {
                    text,
                    title,
                    organization,
                    abbreviation,
                })
            }
            None => None,
        };
        (speaker, role)
    }

    /// A `Person`: name and name parts; `extra` are further known keys.
    fn person(&mut self, node: &Node, at: &str, model: &str, extra: &[&str]) -> Speaker {
        let mut known = vec!["@type", "name", "familyName", "givenName", "alternateName"];
        known.extend_from_slice(extra);
        self.unknown(node, at, &known);
        let name = self.string(node, "name", at, &format!("{model}/name"));
        if !node.contains_key("name") {
            self.error(
                &child(at, "name"),
                "no name",
                "\"name\": the name as written",
            );
        }
        Speaker {
            name: name.unwrap_or_default(),
            family_name: self.string(node, "familyName", at, &format!("{model}/family_name")),
            given_name: self.string(node, "givenName", at, &format!("{model}/given_name")),
            label: self.string(node, "alternateName", at, &format!("{model}/label")),
        }
    }

    /// Paragraphs from `text_key` (joined by blank lines) and `list_key`
    /// (the exact list, which wins; the two must agree).
    fn paragraphs(
        &mut self,
        node: &Node,
        at: &str,
        text_key: &str,
        list_key: &str,
        model: &str,
    ) -> Vec<String> {
        let text = self.string(node, text_key, at, model);
        let list_at = child(at, list_key);
        let list = if self.term(node, list_key, at) {
            node.get(list_key)
                .and_then(|value| self.list(value, &list_at, model))
        } else {
            None
        };
        match (text, list) {
            (Some(text), Some(list)) => {
                if join_paragraphs(&list) != text {
                    self.error(
                        &child(at, text_key),
                        format!("{text_key} differs from the paragraphs in {list_key}"),
                        format!("{text_key}: the paragraphs of {list_key} joined by a blank line"),
                    );
                }
                list
            }
            (None, Some(list)) => list,
            (Some(text), None) => {
                let paragraphs = split_paragraphs(&text);
                if paragraphs.is_empty() {
                    self.error(&child(at, text_key), "no text", "at least one paragraph");
                }
                paragraphs
            }
            (None, None) => Vec::new(),
        }
    }

    /// An ordered list of strings: a JSON array or `{"@list": [...]}`.
    fn list(&mut self, value: &Value, at: &str, model: &str) -> Option<Vec<String>> {
        let (items, at) = match value {
            Value::Array(items) => (items, at.to_owned()),
            Value::Object(o) if o.len() == 1 && o.get("@list").is_some_and(Value::is_array) => {
                (o["@list"].as_array()?, child(at, "@list"))
            }
            other => {
                self.error(at, format!("found {}", kind(other)), "a list of strings");
                return None;
            }
        };
        self.origin(model, &at);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if self.full() {
                break;
            }
            match item {
                Value::String(s) => {
                    self.origin(&child(model, i), &child(&at, i));
                    out.push(s.clone());
                }
                other => self.error(&child(&at, i), format!("found {}", kind(other)), "a string"),
            }
        }
        Some(out)
    }

    /// `hasPart`: the questions, in `position` order.
    fn exchanges(&mut self, doc: &Node) -> Vec<Exchange> {
        let questions: Vec<(&Value, String)> = match doc.get("hasPart") {
            None => {
                self.error(
                    "/hasPart",
                    "no questions",
                    "\"hasPart\": one Question per exchange",
                );
                return Vec::new();
            }
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (v, child("/hasPart", i)))
                .collect(),
            Some(one @ Value::Object(_)) => vec![(one, "/hasPart".to_owned())],
            Some(other) => {
                self.error(
                    "/hasPart",
                    format!("found {}", kind(other)),
                    "an array of Question",
                );
                return Vec::new();
            }
        };
        let mut numbered = Vec::with_capacity(questions.len());
        for (value, at) in questions {
            if self.full() {
                return Vec::new();
            }
            let Some(question) = value.as_object() else {
                self.error(&at, format!("found {}", kind(value)), "a Question");
                continue;
            };
            let position = match question.get("position") {
                None => None,
                Some(p) => match p.as_u64().filter(|&p| p >= 1) {
                    Some(p) => Some(p),
                    None => {
                        self.error(
                            &child(&at, "position"),
                            format!("found {p}"),
                            "an integer from 1",
                        );
                        continue;
                    }
                },
            };
            numbered.push((position, question, at));
        }
        let with_position = numbered.iter().filter(|(p, _, _)| p.is_some()).count();
        if with_position != 0 && with_position != numbered.len() {
            self.error(
                "/hasPart",
                "some questions have a position and some do not",
                "a position on every question, or on none",
            );
        }
        // a stable sort: without positions, the array's order stands
        numbered.sort_by_key(|(p, _, _)| *p);
        for pair in numbered.windows(2) {
            if let (Some(a), Some(b)) = (pair[0].0, pair[1].0)
                && a == b
            {
                self.error(
                    &child(&pair[1].2, "position"),
                    format!("a second question at position {b}"),
                    "distinct positions",
                );
            }
        }
        numbered
            .into_iter()
            .enumerate()
            .map_while(|(i, (_, question, at))| {
                (!self.full()).then(|| self.exchange(question, &at, &format!("/exchanges/{i}")))
            })
            .collect()
    }

    fn exchange(&mut self, question: &Node, at: &str, model: &str) -> Exchange {
        self.origin(model, at);
        self.check_type(question, at, &["Question"], true);
        self.unknown(
            question,
            at,
            &["@type", "position", "text", "acceptedAnswer"],
        );
        let text = self.string(question, "text", at, &format!("{model}/question"));
        if !question.contains_key("text") {
            self.error(
                &child(at, "text"),
                "no question text",
                "\"text\": the question",
            );
        }
        let mut answer = Vec::new();
        let mut answered_by = None;
        match self.node(question, "acceptedAnswer", at) {
            Some((node, answer_at)) => {
                self.check_type(node, &answer_at, &["Answer"], true);
                self.unknown(node, &answer_at, &["@type", "text", "paragraphs", "author"]);
                answer = self.paragraphs(
                    node,
                    &answer_at,
                    "text",
                    "paragraphs",
                    &format!("{model}/answer"),
                );
                if !node.contains_key("text") && !node.contains_key("paragraphs") {
                    self.error(
                        &child(&answer_at, "text"),
                        "no answer text",
                        "\"text\": the answer",
                    );
                }
                answered_by = self.author(node, &answer_at, model);
            }
            None if !question.contains_key("acceptedAnswer") => {
                self.error(
                    &child(at, "acceptedAnswer"),
                    "no answer",
                    "\"acceptedAnswer\": an Answer",
                );
            }
            None => {}
        }
        Exchange {
            question: text.unwrap_or_default(),
            answer,
            answered_by,
        }
    }

    /// An answer's `author`: the interviewee (by `@id`), or someone named.
    fn author(&mut self, answer: &Node, at: &str, model: &str) -> Option<String> {
        let (author, author_at) = self.node(answer, "author", at)?;
        if author.contains_key("name") {
            self.check_type(author, &author_at, &["Person", "Organization"], false);
            self.unknown(author, &author_at, &["@type", "@id", "name"]);
            return self.string(author, "name", &author_at, &format!("{model}/answered_by"));
        }
        let id = author.get("@id").and_then(Value::as_str);
        if id.is_none() || id != self.interviewee.as_deref() {
            self.error(
                &author_at,
                match id {
                    Some(id) => format!("author `{id}` is not the interviewee"),
                    None => "author has neither @id nor name".to_owned(),
                },
                "{\"@id\": the interviewee's @id} or a Person with a name",
            );
        }
        None
    }

    /// `interactionStatistic`: the `ReadAction` counter.
    fn read_count(&mut self, doc: &Node) -> (Option<u64>, Option<Precision>, Option<String>) {
        let counters: Vec<(&Value, String)> = match doc.get("interactionStatistic") {
            None => return (None, None, None),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (v, child("/interactionStatistic", i)))
                .collect(),
            Some(one) => vec![(one, "/interactionStatistic".to_owned())],
        };
        let mut read = None;
        for (value, at) in counters {
            let Some(counter) = value.as_object() else {
                self.error(
                    &at,
                    format!("found {}", kind(value)),
                    "an InteractionCounter",
                );
                continue;
            };
            self.check_type(counter, &at, &["InteractionCounter"], false);
            if !counter.get("interactionType").is_some_and(is_read_action) {
                let found = counter
                    .get("interactionType")
                    .map_or_else(|| "none".to_owned(), Value::to_string);
                self.warning(
                    &child(&at, "interactionType"),
                    format!("interaction type {found} is not a read count; left out"),
                    "\"interactionType\": \"ReadAction\"",
                );
                continue;
            }
            if read.is_some() {
                self.error(&at, "a second ReadAction counter", "one read count");
                continue;
            }
            read = Some((counter, at));
        }
        let Some((counter, at)) = read else {
            return (None, None, None);
        };
        self.origin("/read_count", &at);
        self.unknown(
            counter,
            &at,
            &[
                "@type",
                "interactionType",
                "userInteractionCount",
                "readCountPrecision",
                "readCountText",
            ],
        );
        let count = match counter.get("userInteractionCount") {
            None => None,
            Some(value) => {
                let count = value.as_u64();
                if count.is_none() {
                    self.error(
                        &child(&at, "userInteractionCount"),
                        format!("found {value}"),
                        format!("an integer from 0 to {}", u64::MAX),
                    );
                }
                self.origin("/read_count", &child(&at, "userInteractionCount"));
                count
            }
        };
        let precision = if self.term(counter, "readCountPrecision", &at) {
            self.string(counter, "readCountPrecision", &at, "/read_count_precision")
                .and_then(|name| {
                    let precision = Precision::from_name(&name);
                    if precision.is_none() {
                        self.error(
                            &child(&at, "readCountPrecision"),
                            format!("precision `{name}` is unknown"),
                            "exact, rounded or at_least",
                        );
                    }
                    precision
                })
        } else {
            None
        };
        let text = if self.term(counter, "readCountText", &at) {
            self.string(counter, "readCountText", &at, "/read_count_text")
        } else {
            None
        };
        (count, precision, text)
    }
}

/// `ReadAction`, its IRI, or a node of that type.
fn is_read_action(value: &Value) -> bool {
    match value {
        Value::String(s) => names(s, "ReadAction"),
        Value::Object(o) => ["@type", "@id"].iter().any(|k| {
            o.get(*k)
                .and_then(Value::as_str)
                .is_some_and(|s| names(s, "ReadAction"))
        }),
        _ => false,
    }
}

/// The entries of interview-kit's context, keyed by term.
fn context_entries() -> Map<String, Value> {
    match context() {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// What a JSON value is, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LineCol;
    use serde_json::json;

    fn read_value(value: &Value) -> (Source, Parsed) {
        let text = serde_json::to_string_pretty(value).unwrap();
        let source = Source::from_text("t.jsonld", &text);
        let parsed = read(&source);
        (source, parsed)
    }

    fn errors(value: &Value) -> Vec<(String, Option<LineCol>)> {
        let (source, parsed) = read_value(value);
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                (
                    d.message.clone(),
                    d.span.as_ref().map(|s| source.line_col(s.start)),
                )
            })
            .collect()
    }

    fn minimal() -> Value {
        json!({
            "@context": context(),
            "@type": "NewsArticle",
            "genre": "Interview",
            "about": {"@id": "_:lee", "@type": "Person", "name": "LEE Hee-sup"},
            "hasPart": [{
                "@type": "Question", "position": 1, "text": "Why?",
                "acceptedAnswer": {"@type": "Answer", "text": "Because.", "author": {"@id": "_:lee"}}
            }]
        })
    }

    #[test]
    fn minimal_document_reads() {
        let (_, parsed) = read_value(&minimal());
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let i = parsed.interview.unwrap();
        assert_eq!(i.speaker.as_ref().unwrap().name, "LEE Hee-sup");
        assert_eq!(i.exchanges[0].answer, ["Because."]);
        assert_eq!(i.exchanges[0].answered_by, None);
    }

    /// A page's own markup: the schema.org context by URL, no positions,
    /// paragraphs only as blank-line-separated text, several counters.
    #[test]
    fn third_party_shapes_read() {
        let doc = json!({
            "@context": "https://schema.org",
            "@type": ["NewsArticle"],
            "genre": ["Interview", "Technology"],
            "datePublished": "2024-05-12",
            "about": {"@type": "https://schema.org/Person", "name": "Kim", "jobTitle": "CEO",
                      "worksFor": {"@type": "Organization", "name": "Acme", "alternateName": "AC"}},
            "hasPart": [
                {"@type": "Question", "text": "B?", "acceptedAnswer": {"@type": "Answer", "text": "one\n\ntwo"}},
                {"@type": "Question", "text": "A?", "acceptedAnswer": {"@type": "Answer", "text": "x",
                  "author": {"@type": "Person", "name": "Park"}}}
            ],
            "interactionStatistic": [
                {"@type": "InteractionCounter", "interactionType": {"@type": "LikeAction"}, "userInteractionCount": 3},
                {"@type": "InteractionCounter", "interactionType": {"@type": "ReadAction"}, "userInteractionCount": 42}
            ]
        });
        let (_, parsed) = read_value(&doc);
        let i = parsed.interview.unwrap();
        assert_eq!(i.date.as_deref(), Some("2024-05-12"));
        assert_eq!(i.exchanges[0].question, "B?");
        assert_eq!(i.exchanges[0].answer, ["one", "two"]);
        assert_eq!(i.exchanges[1].answered_by.as_deref(), Some("Park"));
        assert_eq!(i.read_count, Some(42));
        let role = i.role.unwrap();
        assert_eq!(role.text, "CEO, Acme (AC)");
        // the like counter and the made-up role line are said, not hidden
        let warnings: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            parsed
                .diagnostics
                .iter()
                .all(|d| d.severity == Severity::Warning)
        );
    }

    #[test]
    fn questions_follow_their_positions() {
        let mut doc = minimal();
        let second = json!({"@type": "Question", "position": 1, "text": "First?",
            "acceptedAnswer": {"@type": "Answer", "text": "Yes."}});
        doc["hasPart"][0]["position"] = json!(2);
        doc["hasPart"].as_array_mut().unwrap().push(second);
        let (_, parsed) = read_value(&doc);
        let i = parsed.interview.unwrap();
        assert_eq!(i.exchanges[0].question, "First?");
        doc["hasPart"][0]["position"] = json!(1);
        assert!(
            errors(&doc)[0]
                .0
                .contains("a second question at position 1")
        );
    }

    #[test]
    fn unknown_context_terms_are_refused() {
        let mut doc = minimal();
        doc["@context"]["headline"] = json!("http://example.org/title");
        let errs = errors(&doc);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].0.contains("defines `headline`"), "{errs:?}");
        doc["@context"] = json!("https://example.org/context.jsonld");
        assert!(errors(&doc)[0].0.contains("not fetched"));
        doc["@context"] = json!({"@vocab": "https://schema.org/"});
        doc["@graph"] = json!([]);
        assert!(errors(&doc)[0].0.contains("keyword `@graph`"));
    }

    #[test]
    fn conflicting_values_are_errors() {
        let mut doc = minimal();
        doc["datePublished"] = json!("2024-05-12");
        doc["dateText"] = json!("2024年5月12日");
        doc["hasPart"][0]["acceptedAnswer"]["paragraphs"] = json!(["Because", "of it."]);
        doc["hasPart"][0]["acceptedAnswer"]["author"] = json!({"@id": "_:someone"});
        let messages: Vec<String> = errors(&doc).into_iter().map(|e| e.0).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("both datePublished and dateText"));
        assert!(messages[1].contains("text differs from the paragraphs"));
        assert!(messages[2].contains("author `_:someone` is not the interviewee"));
    }

    #[test]
    fn problems_are_located() {
        let mut doc = minimal();
        doc["genre"] = json!("Opinion");
        doc["about"]["name"] = json!(7);
        let errs = errors(&doc);
        assert_eq!(
            errs[0],
            (
                "/genre: the article is not marked as an interview".into(),
                Some(LineCol { line: 22, col: 3 })
            )
        );
        assert_eq!(errs[1].1, Some(LineCol { line: 26, col: 5 }));
        // a schema violation of the model is located at its source
        let mut doc = minimal();
        doc["about"]["name"] = json!("");
        let (source, parsed) = read_value(&doc);
        let d = &parsed.diagnostics[0];
        assert_eq!(d.pointer.as_deref(), Some("/about/name"));
        assert_eq!(
            source.line_col(d.span.clone().unwrap().start),
            LineCol { line: 26, col: 5 }
        );
    }

    #[test]
    fn a_repeated_key_is_a_located_error() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/000_733c960163716fd3.jsonld"
        ))
        .unwrap();
        let at = text.find("\"name\": ").unwrap();
        let text = format!("{}\"name\": \"X\", {}", &text[..at], &text[at..]);
        let source = Source::from_text("t.jsonld", &text);
        let parsed = read(&source);
        let errors: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code, Code::DuplicateKey);
        let span = errors[0].span.clone().unwrap();
        assert_eq!(span.start, at + "\"name\": \"X\", ".len());
        assert!(
            errors[0]
                .pointer
                .as_deref()
                .is_some_and(|p| p.ends_with("/name"))
        );
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let source = Source::from_text("t.jsonld", "{\"@context\": {},\n  \"x\" 1}");
        let parsed = read(&source);
        let d = &parsed.diagnostics[0];
        assert_eq!(d.code, Code::Syntax);
        assert!(d.message.starts_with("invalid JSON-LD"), "{}", d.message);
        assert_eq!(
            source.line_col(d.span.clone().unwrap().start),
            LineCol { line: 2, col: 7 }
        );
    }
}
