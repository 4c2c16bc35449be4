//! XML → model, for untrusted input.
//!
//! Two passes. The first turns the text into a small element tree with
//! quick-xml, checking well-formedness and refusing what could hurt: a
//! `<!DOCTYPE>` (the only place entities can be declared, so no external
//! entity is read and no entity expands), input over [`MAX_INPUT_BYTES`],
//! nesting deeper than [`MAX_DEPTH`], more than [`MAX_ELEMENTS`] elements.
//! Any of these stops the reading with one located error. Then the tree is
//! matched against the content model of `schema/interview.xsd` — element
//! names, namespace, order, how many of each, no attributes, no text between
//! elements — and every mismatch is reported with its place. A document that
//! fits becomes a model, which is checked against the JSON Schema; each
//! violation is located at the element its JSON pointer names.
//!
//! Text is taken exactly as written: nothing is trimmed inside a text
//! element, so leading and trailing spaces survive. White space between
//! elements is formatting and is ignored.

use std::collections::HashMap;
use std::ops::Range;

use encoding_rs::Encoding;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::diagnostic::{Code, Diagnostic, ErrorLimit, Severity, Tally};
use crate::locate::nearest;
use crate::model::{Exchange, Interview, Precision, Role, Speaker};
use crate::read::{Parsed, stopped};
use crate::schema;
use crate::source::Source;
use crate::vocabulary::xml::{NAMESPACE, is_forbidden};

/// The largest input read, in bytes of decoded text (32 MiB).
pub const MAX_INPUT_BYTES: usize = 32 << 20;
/// The deepest element nesting read; the model needs four levels.
pub const MAX_DEPTH: usize = 32;
/// The most elements read in one document.
pub const MAX_ELEMENTS: usize = 200_000;

/// The namespace of the `xsi:` attributes that point validators at a
/// schema; they are allowed anywhere and ignored.
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Reads an XML document of the model.
pub fn read(source: &Source) -> Parsed {
    read_with(source, ErrorLimit::default())
}

/// [`read`], looking for at most `limit`'s number of errors: once the
/// document has that many, it is invalid, and the rest is not checked
/// ([`crate::read::read_with`] cuts the list at the limit).
pub(crate) fn read_with(source: &Source, limit: ErrorLimit) -> Parsed {
    let mut diagnostics = source.diagnostics();
    let root = parse(source, &mut diagnostics, limit);
    let Some(left) = limit.after(&diagnostics) else {
        return stopped(limit, diagnostics);
    };
    let Some(root) = root else {
        return Parsed {
            interview: None,
            diagnostics,
        };
    };
    let mut builder = Builder {
        tally: left.tally(),
        ..Builder::default()
    };
    let interview = builder.interview(&root);
    let fitted = builder.diagnostics.is_empty();
    diagnostics.append(&mut builder.diagnostics);
    let Some(left) = limit.after(&diagnostics) else {
        return stopped(limit, diagnostics);
    };
    let interview = match interview {
        Some(interview) if fitted => interview,
        _ => {
            return Parsed {
                interview: None,
                diagnostics,
            };
        }
    };
    for mut violation in schema::check_model_with(&interview, left) {
        if let Some(pointer) = &violation.pointer {
            violation.span = builder.locate(pointer);
        }
        diagnostics.push(violation);
    }
    Parsed {
        interview: Some(interview),
        diagnostics,
    }
}

/// The encoding an XML declaration names (`<?xml version="1.0"
/// encoding="GBK"?>`), when the bytes start with one in an ASCII-compatible
/// encoding and carry no byte-order mark; a BOM or a UTF-16 layout wins over
/// the declaration, as XML's own rules say.
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(256)];
    if Encoding::for_bom(head).is_some() || !head.starts_with(b"<?xml") {
        return None;
    }
    let decl = &head[..head.windows(2).position(|w| w == b"?>")?];
    let at = decl.windows(8).position(|w| w == b"encoding")?;
    let rest = decl[at + 8..].trim_ascii_start().strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    let quote = *rest.first().filter(|q| matches!(q, b'"' | b'\''))?;
    let label = &rest[1..];
    let label = &label[..label.iter().position(|&b| b == quote)?];
    Encoding::for_label(label).filter(|enc| enc.is_ascii_compatible())
}

/// The error that stops a reader of `format` before it parses: an input
/// of nothing but white space, or one over [`MAX_INPUT_BYTES`].
pub(crate) fn input_error(source: &Source, format: &str) -> Option<Diagnostic> {
    let len = source.text().len();
    if len > MAX_INPUT_BYTES {
        return Some(
            Diagnostic::whole(
                Severity::Error,
                Code::Limit,
                format!("input of {len} bytes is over the limit"),
            )
            .expected(format!("at most {MAX_INPUT_BYTES} bytes of {format}")),
        );
    }
    source.text().trim().is_empty().then(|| {
        Diagnostic::error(Code::EmptyInput, "input is empty", 0..len)
            .expected(format!("an interview in {format}"))
    })
}

/// An element of the document, with what the model needs of it.
#[derive(Debug, Default)]
struct Element {
    /// The local name, e.g. `speaker`.
    name: String,
    /// The resolved namespace URI, if the element is in one.
    namespace: Option<String>,
    /// The start tag, `<speaker>`.
    tag: Range<usize>,
    /// The whole element, start tag to end tag.
    span: Range<usize>,
    children: Vec<Element>,
    /// All character data directly inside, references resolved.
    text: String,
    /// The first character data that is not white space, if any: content
    /// for a text element, a mistake in any other.
    stray: Option<Range<usize>>,
}

/// Pass 1: well-formed, safe XML → element tree. `None` after an error that
/// stops the reading (pushed to `diagnostics`), or once `diagnostics` hold
/// `limit`'s number of errors.
fn parse(source: &Source, diagnostics: &mut Vec<Diagnostic>, limit: ErrorLimit) -> Option<Element> {
    let text = source.text();
    if let Some(error) = input_error(source, "XML") {
        diagnostics.push(error);
        return None;
    }
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c)) {
        diagnostics.push(
            Diagnostic::error(
                Code::Syntax,
                format!("character U+{:04X} is not allowed in XML 1.0", u32::from(c)),
                at..at + c.len_utf8(),
            )
            .expected(
                "text without C0 control characters other than tab, line feed, carriage return",
            ),
        );
        return None;
    }
    // quick-xml skips a byte order mark at the start without counting it
    // in its positions: hand it the text after one, and count it here
    let base = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut parser = Parser {
        source,
        base,
        reader: NsReader::from_str(&text[base..]),
        stack: Vec::new(),
        root: None,
        elements: 0,
        diagnostics,
        tally: limit.tally(),
    };
    parser.reader.config_mut().enable_all_checks(true);
    match parser.run() {
        Ok(()) if parser.is_full() => None,
        Ok(()) => parser.root,
        Err(diagnostic) => {
            parser.diagnostics.push(diagnostic);
            None
        }
    }
}

struct Parser<'s, 'd> {
    source: &'s Source,
    /// Where the text given to the reader starts in the source's text.
    base: usize,
    reader: NsReader<&'s [u8]>,
    /// Open elements, innermost last.
    stack: Vec<Element>,
    root: Option<Element>,
    elements: usize,
    diagnostics: &'d mut Vec<Diagnostic>,
    /// The errors in `diagnostics`, against the limit on them.
    tally: Tally,
}

/// One error for a root element that shows the document is one of the
/// formats only written, never read (WXR's `<rss>`, an HTML page or
/// fragment): it is named, not taken apart attribute by attribute.
fn output_only(name: &str, namespace: Option<&str>, span: Range<usize>) -> Option<Diagnostic> {
    let what = match (name, namespace) {
        ("rss", None) => "WXR (a WordPress export, as `--to wxr` writes)",
        ("html" | "article" | "body", None | Some(XHTML)) => "HTML (as `--to html` writes)",
        _ => return None,
    };
    let readable: Vec<&str> = crate::format::Format::ALL
        .iter()
        .filter(|f| f.is_readable())
        .map(|f| f.name())
        .collect();
    Some(
        Diagnostic::error(
            Code::UnreadableFormat,
            format!("root element `<{name}>`: this is {what}, a format that is written, not read"),
            span,
        )
        .expected(format!(
            "an input format ({}): convert the document this was made from",
            readable.join(", ")
        )),
    )
}

/// The XHTML namespace.
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The place of attribute `key` in `tag`, the raw text of its start tag,
/// looked for from `cursor`, which is then moved past its value
/// (`value_len` bytes as written, between its quotes).
fn attribute_at(
    tag: &str,
    cursor: &mut usize,
    key: &str,
    value_len: usize,
) -> Option<Range<usize>> {
    let rest = tag.get(*cursor..)?;
    let start = *cursor + rest.find(key)?;
    let end = start + key.len();
    // `key`, then `=` and the opening quote, with any space between
    let after = &tag[end..];
    let quote = after.find(['"', '\''])?;
    *cursor = (end + quote + 1 + value_len).min(tag.len());
    Some(start..end)
}

impl Parser<'_, '_> {
    /// A byte position from quick-xml as an offset into the source's text.
    fn offset(&self, position: u64) -> usize {
        usize::try_from(position).map_or(usize::MAX, |p| p.saturating_add(self.base))
    }

    /// Whether the diagnostics hold as many errors as the limit allows.
    fn is_full(&mut self) -> bool {
        self.tally.is_full(self.diagnostics)
    }

    fn run(&mut self) -> Result<(), Diagnostic> {
        loop {
            if self.is_full() {
                return Ok(());
            }
            let start = self.offset(self.reader.buffer_position());
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(err) => {
                    let at = self
                        .offset(self.reader.error_position())
                        .min(self.source.text().len());
                    return Err(self.syntax(format!("{err}"), at..at));
                }
            };
            let span = start..self.offset(self.reader.buffer_position());
            match event {
                Event::Decl(decl) => {
                    if start != self.base {
                        return Err(self.syntax("XML declaration after the start".into(), span));
                    }
                    if let Some(Ok(label)) = decl.encoding() {
                        self.check_declared_encoding(&label, span);
                    }
                }
                Event::DocType(_) => {
                    return Err(Diagnostic::error(
                        Code::Unsafe,
                        "document type declaration refused: it could declare entities that read files or expand without bound",
                        span,
                    )
                    .expected("a document without <!DOCTYPE …>"));
                }
                Event::Start(tag) => {
                    let element = self.open(&tag, span)?;
                    self.stack.push(element);
                }
                Event::Empty(tag) => {
                    let element = self.open(&tag, span)?;
                    self.close(element);
                }
                Event::End(_) => {
                    let mut element = self.stack.pop().ok_or_else(|| {
                        self.syntax("end tag without a start tag".into(), span.clone())
                    })?;
                    element.span.end = span.end;
                    self.close(element);
                }
                Event::Text(text) => self.text(&text.xml10_content(), span)?,
                Event::CData(data) => self.text(&data.xml10_content(), span)?,
                Event::GeneralRef(reference) => {
                    let c = self.reference(&reference, span.clone())?;
                    self.text(c.encode_utf8(&mut [0; 4]), span)?;
                }
                Event::Comment(_) | Event::PI(_) => {}
                Event::Eof => break,
            }
        }
        if let Some(open) = self.stack.last() {
            return Err(self.syntax(
                format!("`<{}>` is never closed", open.name),
                open.tag.clone(),
            ));
        }
        if self.root.is_none() {
            let end = self.source.text().len();
            return Err(Diagnostic::error(Code::Syntax, "no root element", end..end)
                .expected(format!("<interview xmlns=\"{NAMESPACE}\">")));
        }
        Ok(())
    }

    fn syntax(&self, message: String, span: Range<usize>) -> Diagnostic {
        Diagnostic::error(Code::Syntax, format!("invalid XML: {message}"), span)
            .expected("well-formed XML 1.0")
    }

    /// A start tag: limits, namespace, attributes.
    fn open(&mut self, tag: &BytesStart<'_>, span: Range<usize>) -> Result<Element, Diagnostic> {
        if self.stack.is_empty() && self.root.is_some() {
            return Err(self
                .syntax("a second root element".into(), span)
                .expected("one root element <interview>"));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(Diagnostic::error(
                Code::Limit,
                format!("elements nested more than {MAX_DEPTH} deep"),
                span,
            )
            .expected("the model's nesting (four levels)"));
        }
        self.elements += 1;
        if self.elements > MAX_ELEMENTS {
            return Err(Diagnostic::error(
                Code::Limit,
                format!("more than {MAX_ELEMENTS} elements"),
                span,
            )
            .expected(format!("at most {MAX_ELEMENTS} elements")));
        }
        let (namespace, local) = self.reader.resolver().resolve_element(tag.name());
        let namespace = match namespace {
            ResolveResult::Bound(ns) => Some(ns.0.to_owned()),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(prefix) => {
                return Err(self.syntax(format!("undeclared namespace prefix `{prefix}`"), span));
            }
        };
        let name = local.into_inner().to_owned();
        if self.stack.is_empty()
            && let Some(error) = output_only(&name, namespace.as_deref(), span.clone())
        {
            return Err(error);
        }
        // where the next attribute is looked for in the tag's text: each is
        // found after the one before, not from the tag's start again
        let raw = &self.source.text()[span.clone()];
        let mut cursor = 0;
        for attribute in tag.attributes() {
            if self.is_full() {
                break;
            }
            let attribute = attribute.map_err(|err| self.syntax(err.to_string(), span.clone()))?;
            let key = attribute.key.0;
            let at = attribute_at(raw, &mut cursor, key, attribute.value.len())
                .map_or(span.clone(), |at| {
                    span.start + at.start..span.start + at.end
                });
            if attribute.key.as_namespace_binding().is_some() {
                continue;
            }
            let (ns, local) = self.reader.resolver().resolve_attribute(attribute.key);
            let hint = matches!(ns, ResolveResult::Bound(ns) if ns.0 == XSI)
                && matches!(
                    local.into_inner(),
                    "schemaLocation" | "noNamespaceSchemaLocation"
                );
            if !hint {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Schema,
                        format!("unexpected attribute `{key}` on `<{name}>`"),
                        at,
                    )
                    .expected("no attributes: every field is an element"),
                );
            }
        }
        Ok(Element {
            name,
            namespace,
            tag: span.clone(),
            span,
            ..Element::default()
        })
    }

    fn close(&mut self, element: Element) {
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(element),
            None => self.root = Some(element),
        }
    }

    /// Character data: content of the open element, or, outside the root,
    /// white space or an error.
    fn text(&mut self, text: &str, span: Range<usize>) -> Result<(), Diagnostic> {
        let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
        let stray = text.contains(|c| !is_space(c)).then(|| {
            let raw = &self.source.text()[span.clone()];
            let lead = raw.len() - raw.trim_start_matches(is_space).len();
            let trail = raw.len() - raw.trim_end_matches(is_space).len();
            span.start + lead..span.end - trail
        });
        match self.stack.last_mut() {
            Some(element) => {
                element.text.push_str(text);
                if element.stray.is_none() {
                    element.stray = stray;
                }
                Ok(())
            }
            None => match stray {
                Some(at) => Err(self.syntax("text outside the root element".into(), at)),
                None => Ok(()),
            },
        }
    }

    /// `&lt;`, `&#233;` …: the character it stands for.
    fn reference(
        &self,
        reference: &quick_xml::events::BytesRef<'_>,
        span: Range<usize>,
    ) -> Result<char, Diagnostic> {
        let name: &str = reference;
        match reference.resolve_char_ref() {
            Ok(Some(c)) if is_forbidden(c) => Err(self.syntax(
                format!(
                    "character reference `&{name};` stands for U+{:04X}, which XML 1.0 forbids",
                    u32::from(c)
                ),
                span,
            )),
            Ok(Some(c)) => Ok(c),
            Ok(None) => match name {
                "lt" => Ok('<'),
                "gt" => Ok('>'),
                "amp" => Ok('&'),
                "apos" => Ok('\''),
                "quot" => Ok('"'),
                _ => Err(Diagnostic::error(
                    Code::Syntax,
                    format!("invalid XML: undeclared entity `&{name};`"),
                    span,
                )
                .expected("&lt; &gt; &amp; &apos; &quot; or a character reference such as &#233;")),
            },
            Err(err) => Err(self.syntax(format!("character reference `&{name};`: {err}"), span)),
        }
    }

    /// Warns when the declaration names another encoding than the one the
    /// text was decoded from (a BOM or `--encoding` overruled it).
    fn check_declared_encoding(&mut self, label: &str, span: Range<usize>) {
        let used = self.source.encoding();
        let utf16 = |e: &'static Encoding| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
        let agrees = Encoding::for_label(label.as_bytes())
            .is_some_and(|declared| declared == used || (utf16(declared) && utf16(used)));
        if !agrees {
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::Syntax,
                    format!(
                        "the XML declaration names encoding `{label}` but the text was read as {}",
                        used.name()
                    ),
                    span,
                )
                .expected(format!(
                    "encoding=\"{}\" or no encoding in the declaration",
                    used.name()
                )),
            );
        }
    }
}

/// How often an element may appear in its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Occurs {
    Optional,
    Required,
    /// One or more.
    Repeated,
}

use Occurs::{Optional, Repeated, Required};

/// A content model: the child elements allowed, in order.
type Slots = &'static [(&'static str, Occurs)];

const INTERVIEW: Slots = &[
    ("headline", Optional),
    ("date", Optional),
    ("byline", Optional),
    ("speaker", Optional),
    ("role", Optional),
    ("interviewer", Optional),
    ("introduction", Optional),
    ("exchange", Repeated),
    ("read_count", Optional),
    ("read_count_precision", Optional),
    ("read_count_text", Optional),
    ("language", Optional),
    ("encoding", Optional),
];
const SPEAKER: Slots = &[
    ("name", Required),
    ("family_name", Optional),
    ("given_name", Optional),
    ("label", Optional),
];
const ROLE: Slots = &[
    ("text", Required),
    ("title", Optional),
    ("organization", Optional),
    ("abbreviation", Optional),
];
const EXCHANGE: Slots = &[
    ("question", Required),
    ("answer", Required),
    ("answered_by", Optional),
];
const PARAGRAPHS: Slots = &[("p", Repeated)];

/// Pass 2: element tree → model, reporting every element that does not fit
/// and remembering where each JSON pointer of the model came from.
#[derive(Debug, Default)]
struct Builder {
    diagnostics: Vec<Diagnostic>,
    spans: HashMap<String, Range<usize>>,
    /// The errors in `diagnostics`, against the limit on them: once it is
    /// reached, no more elements are looked at.
    tally: Tally,
}

/// The children found for each slot of a content model, looked up by the
/// slot's element name.
struct Found<'e> {
    slots: Slots,
    children: Vec<Vec<&'e Element>>,
}

impl<'e> Found<'e> {
    /// The children `<name>` found; `name` is one of the content model's
    /// element names.
    fn get(&self, name: &str) -> &[&'e Element] {
        let i = self
            .slots
            .iter()
            .position(|(slot, _)| *slot == name)
            .unwrap_or_else(|| panic!("<{name}> is no element of this content model"));
        &self.children[i]
    }
}

impl Builder {
    fn interview(&mut self, root: &Element) -> Option<Interview> {
        if root.name != "interview" || root.namespace.as_deref() != Some(NAMESPACE) {
            let found = match &root.namespace {
                Some(ns) => format!("root element is `<{}>` in namespace `{ns}`", root.name),
                None if root.name == "interview" => {
                    "root element `<interview>` is in no namespace".to_owned()
                }
                None => format!("root element is `<{}>`", root.name),
            };
            self.diagnostics.push(
                Diagnostic::error(Code::Schema, found, root.tag.clone())
                    .expected(format!("<interview xmlns=\"{NAMESPACE}\">")),
            );
            return None;
        }
        self.spans.insert(String::new(), root.tag.clone());
        let f = self.children(root, INTERVIEW);
        let headline = self.opt_text(f.get("headline"), "/headline");
        let date = self.opt_text(f.get("date"), "/date");
        let byline = self.opt_text(f.get("byline"), "/byline");
        let speaker = f
            .get("speaker")
            .first()
            .map(|el| self.speaker(el, "/speaker"));
        let role = f.get("role").first().map(|el| self.role(el));
        let interviewer = f
            .get("interviewer")
            .first()
            .map(|el| self.speaker(el, "/interviewer"));
        let introduction = f
            .get("introduction")
            .first()
            .map(|el| self.paragraphs(el, "/introduction"))
            .unwrap_or_default();
        let exchanges = f
            .get("exchange")
            .iter()
            .enumerate()
            .map_while(|(i, el)| {
                (!self.is_full()).then(|| self.exchange(el, &format!("/exchanges/{i}")))
            })
            .collect();
        let read_count = f
            .get("read_count")
            .first()
            .and_then(|el| self.read_count(el));
        let read_count_precision = f
            .get("read_count_precision")
            .first()
            .and_then(|el| self.precision(el));
        let read_count_text = self.opt_text(f.get("read_count_text"), "/read_count_text");
        let language = self.opt_text(f.get("language"), "/language");
        let encoding = self.opt_text(f.get("encoding"), "/encoding");
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

    fn speaker(&mut self, el: &Element, pointer: &str) -> Speaker {
        self.spans.insert(pointer.to_owned(), el.tag.clone());
        let f = self.children(el, SPEAKER);
        Speaker {
            name: self
                .opt_text(f.get("name"), &format!("{pointer}/name"))
                .unwrap_or_default(),
            family_name: self.opt_text(f.get("family_name"), &format!("{pointer}/family_name")),
            given_name: self.opt_text(f.get("given_name"), &format!("{pointer}/given_name")),
            label: self.opt_text(f.get("label"), &format!("{pointer}/label")),
        }
    }

    fn role(&mut self, el: &Element) -> Role {
        self.spans.insert("/role".to_owned(), el.tag.clone());
        let f = self.children(el, ROLE);
        Role {
            text: self
                .opt_text(f.get("text"), "/role/text")
                .unwrap_or_default(),
            title: self.opt_text(f.get("title"), "/role/title"),
            organization: self.opt_text(f.get("organization"), "/role/organization"),
            abbreviation: self.opt_text(f.get("abbreviation"), "/role/abbreviation"),
        }
    }

    fn exchange(&mut self, el: &Element, pointer: &str) -> Exchange {
        self.spans.insert(pointer.to_owned(), el.tag.clone());
        let f = self.children(el, EXCHANGE);
        Exchange {
            question: self
                .opt_text(f.get("question"), &format!("{pointer}/question"))
                .unwrap_or_default(),
            answer: f
                .get("answer")
                .first()
                .map(|el| self.paragraphs(el, &format!("{pointer}/answer")))
                .unwrap_or_default(),
            answered_by: self.opt_text(f.get("answered_by"), &format!("{pointer}/answered_by")),
        }
    }

    fn paragraphs(&mut self, el: &Element, pointer: &str) -> Vec<String> {
        self.spans.insert(pointer.to_owned(), el.tag.clone());
        let f = self.children(el, PARAGRAPHS);
        f.get("p")
            .iter()
            .enumerate()
            .map_while(|(i, p)| (!self.is_full()).then(|| self.text(p, &format!("{pointer}/{i}"))))
            .collect()
    }

    fn read_count(&mut self, el: &Element) -> Option<u64> {
        let text = self.text(el, "/read_count");
        // xs:unsignedLong: collapsed white space, an optional sign, digits
        let digits = text.trim_matches([' ', '\t', '\n', '\r']);
        let digits = digits.strip_prefix('+').unwrap_or(digits);
        let zero = digits
            .strip_prefix('-')
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b == b'0'));
        let parsed = if zero {
            Some(0)
        } else if digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse().ok()
        } else {
            None
        };
        if parsed.is_none() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Schema,
                    format!("read count `{text}` is not a whole number"),
                    el.span.clone(),
                )
                .expected(format!("an integer from 0 to {}", u64::MAX)),
            );
        }
        parsed
    }

    fn precision(&mut self, el: &Element) -> Option<Precision> {
        let text = self.text(el, "/read_count_precision");
        let precision = Precision::from_name(&text);
        if precision.is_none() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Schema,
                    format!("read count precision `{text}` is unknown"),
                    el.span.clone(),
                )
                .expected("exact, rounded or at_least"),
            );
        }
        precision
    }

    fn opt_text(&mut self, found: &[&Element], pointer: &str) -> Option<String> {
        found.first().map(|el| self.text(el, pointer))
    }

    /// The text of a text element, exactly as written; never empty.
    fn text(&mut self, el: &Element, pointer: &str) -> String {
        self.spans.insert(pointer.to_owned(), el.span.clone());
        if el.text.is_empty() && el.children.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Schema,
                    format!("empty `<{}>`", el.name),
                    el.span.clone(),
                )
                .expected(format!("at least one character of text in <{}>", el.name)),
            );
        }
        if let Some(child) = el.children.first() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Schema,
                    format!("element `<{}>` inside `<{}>`", child.name, el.name),
                    child.tag.clone(),
                )
                .expected(format!("text only in <{}>", el.name)),
            );
        }
        el.text.clone()
    }

    /// Sorts the children of `parent` into the slots of its content model,
    /// reporting text between elements, foreign, unknown, misplaced,
    /// repeated and missing elements.
    fn children<'e>(&mut self, parent: &'e Element, slots: Slots) -> Found<'e> {
        let names = || {
            let names: Vec<String> = slots.iter().map(|(n, _)| format!("<{n}>")).collect();
            names.join(", ")
        };
        let mut found: Vec<Vec<&'e Element>> = vec![Vec::new(); slots.len()];
        if let Some(at) = &parent.stray {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::Schema,
                    format!("text directly inside `<{}>`", parent.name),
                    at.clone(),
                )
                .expected(format!(
                    "only elements in <{}>: {}",
                    parent.name,
                    names()
                )),
            );
        }
        let mut last = 0;
        for child in &parent.children {
            if self.is_full() {
                return Found {
                    slots,
                    children: found,
                };
            }
            if child.namespace.as_deref() != Some(NAMESPACE) {
                let found = match &child.namespace {
                    Some(ns) => format!("element `<{}>` is in namespace `{ns}`", child.name),
                    None => format!("element `<{}>` is in no namespace", child.name),
                };
                self.diagnostics.push(
                    Diagnostic::error(Code::Schema, found, child.tag.clone())
                        .expected(format!("elements in the namespace {NAMESPACE}")),
                );
                continue;
            }
            let Some(i) = slots.iter().position(|(name, _)| *name == child.name) else {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Schema,
                        format!("unknown element `<{}>` in `<{}>`", child.name, parent.name),
                        child.tag.clone(),
                    )
                    .expected(format!("one of {}", names())),
                );
                continue;
            };
            if !found[i].is_empty() && slots[i].1 != Repeated {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Schema,
                        format!("second `<{}>` in `<{}>`", child.name, parent.name),
                        child.tag.clone(),
                    )
                    .expected(format!("at most one <{}>", child.name)),
                );
                continue;
            }
            if i < last {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Schema,
                        format!(
                            "`<{}>` after `<{}>` in `<{}>`",
                            child.name, slots[last].0, parent.name
                        ),
                        child.tag.clone(),
                    )
                    .expected(format!("the order {}", names())),
                );
            }
            last = last.max(i);
            found[i].push(child);
        }
        for ((name, occurs), found) in slots.iter().zip(&found) {
            if *occurs != Optional && found.is_empty() {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::Schema,
                        format!("`<{}>` has no `<{name}>`", parent.name),
                        parent.tag.clone(),
                    )
                    .expected(format!("a <{name}> element in <{}>", parent.name)),
                );
            }
        }
        Found {
            slots,
            children: found,
        }
    }

    /// The span of the element a model pointer came from, or of its nearest
    /// ancestor that was read.
    fn locate(&self, pointer: &str) -> Option<Range<usize>> {
        nearest(&self.spans, pointer).cloned()
    }

    /// Whether the diagnostics hold as many errors as the limit allows.
    fn is_full(&mut self) -> bool {
        self.tally.is_full(&self.diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_found_by_their_element_name() {
        let element = |name: &str| Element {
            name: name.to_owned(),
            namespace: Some(NAMESPACE.to_owned()),
            ..Element::default()
        };
        let role = Element {
            children: vec![element("text"), element("organization")],
            ..element("role")
        };
        let found = Builder::default().children(&role, ROLE);
        assert_eq!(found.get("text")[0].name, "text");
        assert!(found.get("title").is_empty());
        assert_eq!(found.get("organization")[0].name, "organization");
    }

    #[test]
    #[should_panic(expected = "<headline> is no element of this content model")]
    fn a_name_outside_the_content_model_is_a_bug() {
        let role = Element {
            name: "role".to_owned(),
            ..Element::default()
        };
        Builder::default().children(&role, ROLE).get("headline");
    }
    use crate::source::LineCol;

    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    fn doc(body: &str) -> String {
        format!("{HEAD}<interview xmlns=\"{NAMESPACE}\">\n{body}</interview>\n")
    }

    const MINIMAL: &str = "  <speaker>\n    <name>LEE Hee-sup</name>\n  </speaker>\n  <exchange>\n    <question>Why?</question>\n    <answer>\n      <p>Because.</p>\n    </answer>\n  </exchange>\n";

    fn read_str(text: &str) -> (Source, Parsed) {
        let source = Source::from_text("t.xml", text);
        let parsed = read(&source);
        (source, parsed)
    }

    #[test]
    fn a_byte_order_mark_left_in_the_text_shifts_no_position() {
        // the source strips one BOM; quick-xml skips the next one
        let (source, parsed) = read_str("\u{feff}\u{feff}>");
        let error = &parsed.diagnostics[0];
        assert_eq!(error.code, Code::Syntax);
        assert_eq!(&source.text()[error.span.clone().unwrap()], ">");
        let (_, parsed) = read_str(&format!("\u{feff}\u{feff}{}", doc(MINIMAL)));
        assert!(parsed.interview.is_some(), "{:?}", parsed.diagnostics);
    }

    /// The codes of the errors, each with the line:col it points at.
    fn errors(text: &str) -> Vec<(Code, Option<LineCol>, String)> {
        let (source, parsed) = read_str(text);
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                (
                    d.code,
                    d.span.as_ref().map(|s| source.line_col(s.start)),
                    d.message.clone(),
                )
            })
            .collect()
    }

    fn at(line: usize, col: usize) -> Option<LineCol> {
        Some(LineCol { line, col })
    }

    #[test]
    fn minimal_document_reads() {
        let (_, parsed) = read_str(&doc(MINIMAL));
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let i = parsed.interview.unwrap();
        assert_eq!(i.speaker.as_ref().unwrap().name, "LEE Hee-sup");
        assert_eq!(i.exchanges[0].answer, ["Because."]);
    }

    #[test]
    fn text_is_not_trimmed_and_references_resolve() {
        let body = MINIMAL.replace(
            "<p>Because.</p>",
            "<p>  a &lt; b &amp; &#x4E2D;&#13;<!-- x --><![CDATA[<c>]]> </p>",
        );
        let (_, parsed) = read_str(&doc(&body));
        let i = parsed.interview.unwrap();
        assert_eq!(i.exchanges[0].answer, ["  a < b & 中\r<c> "]);
    }

    #[test]
    fn prefixed_namespace_is_the_same_namespace() {
        let text = format!(
            "<i:interview xmlns:i=\"{NAMESPACE}\"><i:speaker><i:name>X</i:name></i:speaker>\
             <i:exchange><i:question>q</i:question><i:answer><i:p>a</i:p></i:answer></i:exchange></i:interview>"
        );
        let (_, parsed) = read_str(&text);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.interview.unwrap().speaker.unwrap().name, "X");
    }

    #[test]
    fn doctype_is_refused_as_unsafe() {
        let text = format!(
            "{HEAD}<!DOCTYPE interview [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<interview xmlns=\"{NAMESPACE}\">&b;</interview>"
        );
        let errs = errors(&text);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].0, Code::Unsafe);
        assert_eq!(errs[0].1, at(2, 1));
        let text =
            format!("<!DOCTYPE x SYSTEM \"file:///etc/passwd\"><interview xmlns=\"{NAMESPACE}\"/>");
        assert_eq!(errors(&text)[0].0, Code::Unsafe);
    }

    #[test]
    fn undeclared_entities_are_syntax_errors() {
        let errs = errors(&doc(&MINIMAL.replace("Why?", "Why&nbsp;?")));
        assert_eq!(errs[0].0, Code::Syntax);
        assert_eq!(errs[0].1, at(7, 18));
        assert!(errs[0].2.contains("&nbsp;"), "{errs:?}");
    }

    #[test]
    fn syntax_errors_are_located() {
        let errs = errors(&doc(&MINIMAL.replace("</question>", "</questio>")));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].0, Code::Syntax);
        assert_eq!(errs[0].1.unwrap().line, 7);
        let errs = errors(&doc(MINIMAL).replace("</interview>", ""));
        assert_eq!(errs[0].0, Code::Syntax);
        assert_eq!(errors(" \n")[0].0, Code::EmptyInput);
        assert_eq!(errors("just text")[0].0, Code::Syntax);
    }

    #[test]
    fn forbidden_characters_are_refused() {
        let errs = errors(&doc(&MINIMAL.replace("Why?", "Why\u{7}?")));
        assert_eq!(errs[0].0, Code::Syntax);
        assert_eq!(errs[0].1, at(7, 18));
        let errs = errors(&doc(&MINIMAL.replace("Why?", "Why&#7;?")));
        assert_eq!(errs[0].0, Code::Syntax);
        assert!(errs[0].2.contains("U+0007"), "{errs:?}");
    }

    #[test]
    fn depth_and_size_are_bounded() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 1),
            "</a>".repeat(MAX_DEPTH + 1)
        );
        let errs = errors(&deep);
        assert_eq!(errs[0].0, Code::Limit);
        assert_eq!(errs[0].1, at(1, 3 * MAX_DEPTH + 1));
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(errors(&big)[0].0, Code::Limit);
        let many = format!("<a>{}</a>", "<b/>".repeat(MAX_ELEMENTS));
        assert_eq!(errors(&many)[0].0, Code::Limit);
    }

    #[test]
    fn structure_errors_are_all_reported_with_places() {
        let body = "  <speaker>\n    <family_name>LEE</family_name>\n    <nickname>x</nickname>\n  </speaker>\n  stray\n  <exchange>\n    <answer><p>a</p></answer>\n    <question>q</question>\n  </exchange>\n  <read_count>many</read_count>\n  <read_count>1</read_count>\n";
        let errs = errors(&doc(body));
        let summary: Vec<_> = errs
            .iter()
            .map(|(_, at, m)| (at.unwrap().line, m.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                (7, "text directly inside `<interview>`"),
                (13, "second `<read_count>` in `<interview>`"),
                (5, "unknown element `<nickname>` in `<speaker>`"),
                (3, "`<speaker>` has no `<name>`"),
                (10, "`<question>` after `<answer>` in `<exchange>`"),
                (12, "read count `many` is not a whole number"),
            ]
        );
    }

    #[test]
    fn wrong_root_or_namespace() {
        let errs = errors(&doc(MINIMAL).replace(&format!(" xmlns=\"{NAMESPACE}\""), ""));
        assert_eq!(errs.len(), 1);
        assert!(errs[0].2.contains("in no namespace"), "{errs:?}");
        let errs = errors("<interviews/>");
        assert!(errs[0].2.contains("`<interviews>`"), "{errs:?}");
        let errs = errors(&doc(&MINIMAL.replace("<name>", "<name xmlns=\"urn:x\">")));
        assert!(errs[0].2.contains("namespace `urn:x`"), "{errs:?}");
    }

    #[test]
    fn attributes_are_refused_except_schema_hints() {
        let hinted = doc(MINIMAL).replace(
            "<interview ",
            "<interview xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"x y\" ",
        );
        assert!(errors(&hinted).is_empty());
        let errs = errors(&doc(&MINIMAL.replace("<name>", "<name lang=\"en\">")));
        assert_eq!(errs[0].1, at(4, 11));
        assert!(errs[0].2.contains("`lang`"), "{errs:?}");
    }

    #[test]
    fn the_tools_own_wxr_and_html_are_named_as_output_only() {
        let root = env!("CARGO_MANIFEST_DIR");
        for (file, what) in [("wxr.xml", "WXR"), ("html", "HTML")] {
            let text =
                std::fs::read_to_string(format!("{root}/fixtures/000_733c960163716fd3.{file}"))
                    .unwrap();
            let (source, parsed) = read_str(&text);
            assert!(parsed.interview.is_none());
            assert_eq!(
                parsed.diagnostics.len(),
                1,
                "{file}: {:?}",
                parsed.diagnostics
            );
            let d = &parsed.diagnostics[0];
            assert_eq!(d.code, Code::UnreadableFormat);
            assert!(d.message.contains(what) && d.message.contains("written, not read"));
            assert!(
                d.span
                    .clone()
                    .is_some_and(|s| source.text()[s].starts_with('<'))
            );
        }
    }

    #[test]
    fn each_attribute_is_located_at_its_own_name() {
        // `a1` is also the start of `a10` and the text of a value: each is
        // found after the attribute before it
        let errs = errors(&doc(
            &MINIMAL.replace("<name>", "<name a10=\"a1\" xmlns:x=\"a1\" a1='b'>")
        ));
        let places: Vec<_> = errs.iter().map(|e| (e.1, e.2.as_str())).collect();
        assert_eq!(
            places,
            [
                (at(4, 11), "unexpected attribute `a10` on `<name>`"),
                (at(4, 33), "unexpected attribute `a1` on `<name>`"),
            ]
        );
    }

    #[test]
    fn schema_violations_point_at_their_element() {
        let body = format!("{MINIMAL}  <language>English</language>\n");
        let (source, parsed) = read_str(&doc(&body));
        let d = parsed
            .diagnostics
            .iter()
            .find(|d| d.code == Code::Schema)
            .expect("a schema violation");
        assert_eq!(d.pointer.as_deref(), Some("/language"));
        assert_eq!(
            source.line_col(d.span.clone().unwrap().start),
            LineCol { line: 12, col: 3 }
        );
        // an empty text is reported where it stands, like any misfit
        let body = MINIMAL.replace("<p>Because.</p>", "<p>Because.</p>\n      <p></p>");
        let errs = errors(&doc(&body));
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].1, errs[0].2.as_str()), (at(10, 7), "empty `<p>`"));
    }

    #[test]
    fn declared_encoding_is_found() {
        assert_eq!(
            declared_encoding(b"<?xml version='1.0' encoding = 'gbk' ?><a/>"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?>"), None);
        assert_eq!(
            declared_encoding(b"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"gbk\"?>"),
            None
        );
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"utf-16\"?>"),
            None
        );
    }

    #[test]
    fn a_declaration_that_disagrees_is_a_warning() {
        let text = doc(MINIMAL).replace("UTF-8", "Shift_JIS");
        let (_, parsed) = read_str(&text);
        assert!(parsed.interview.is_some());
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].severity, Severity::Warning);
    }
}
