//! The CMS writers (Markdown with front matter, WordPress WXR): golden files,
//! the command line, and property tests that read every output back with
//! parsers the writers do not share code with (pulldown-cmark with every
//! extension on, yaml-rust2, quick-xml's namespace-aware reader).

mod common;

use std::collections::BTreeMap;

use assert_cmd::Command;
use interview_kit::write::wxr::{Options, Status, WxrWriter};
use interview_kit::{Format, Interview, Source, load, render};
use proptest::prelude::*;
use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Parser, Tag, TagEnd};
use quick_xml::XmlVersion;
use quick_xml::events::Event as XmlEvent;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use yaml_rust2::{Yaml, YamlLoader};

fn seed() -> Interview {
    let bytes = std::fs::read(common::fixture(common::SEED)).unwrap();
    load(&Source::from_bytes("seed", &bytes, None), Format::Text)
        .interview
        .unwrap()
}

fn adversarial() -> Interview {
    let text = std::fs::read_to_string(common::fixture("cms/adversarial.json")).unwrap();
    let parsed = load(&Source::from_text("adversarial.json", &text), Format::Json);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.interview.unwrap()
}

fn rendered(interview: &Interview, format: Format) -> String {
    String::from_utf8(render(interview, format).unwrap()).unwrap()
}

/// `interview` as the command line writes it for the input `path`: the
/// slug is made of the title and the path.
fn rendered_at(interview: &Interview, format: Format, path: &str) -> String {
    let mut out = Vec::new();
    let path = Some(std::path::Path::new(path));
    match format {
        Format::Markdown => {
            interview_kit::write::markdown::write_at(interview, path, &mut out).unwrap()
        }
        _ => {
            let options = Options::default().for_first(Some(interview));
            let mut wxr = WxrWriter::begin(&mut out, options).unwrap();
            wxr.item_at(interview, path).unwrap();
            wxr.finish().unwrap();
        }
    }
    String::from_utf8(out).unwrap()
}

/// `fixtures/000_733c960163716fd3.{md,wxr.xml}` for the seed, and
/// `fixtures/cms/adversarial.{md,wxr.xml}` for text full of syntax, as the
/// command line writes them from their inputs.
#[test]
fn the_seed_and_the_adversarial_model_convert_to_the_golden_files() {
    for (stem, input, model) in [
        ("000_733c960163716fd3", common::SEED, seed()),
        ("cms/adversarial", "adversarial.json", adversarial()),
    ] {
        let name = std::path::Path::new(input)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        for format in [Format::Markdown, Format::Wxr] {
            let golden = format!("{stem}.{}", format.extension());
            let expected = std::fs::read_to_string(common::fixture(&golden)).unwrap();
            assert_eq!(rendered_at(&model, format, name), expected, "{golden}");
        }
    }
}

#[test]
fn the_seed_and_the_adversarial_model_read_back_from_markdown_and_wxr() {
    for model in [seed(), adversarial()] {
        check_markdown(&model, &rendered(&model, Format::Markdown)).unwrap();
        let items = read_wxr(&rendered(&model, Format::Wxr)).unwrap();
        assert_eq!(items.len(), 1);
        check_item(&model, &items[0], "draft").unwrap();
    }
}

// ---------------------------------------------------------------------------
// Command line

fn interview() -> Command {
    Command::cargo_bin("interview").unwrap()
}

/// The golden files are what `interview convert` writes for their inputs.
#[test]
fn cli_converts_to_markdown_and_wxr() {
    for (input, to, golden) in [
        (common::SEED, "markdown", "000_733c960163716fd3.md"),
        (common::SEED, "md", "000_733c960163716fd3.md"),
        (common::SEED, "wxr", "000_733c960163716fd3.wxr.xml"),
        ("cms/adversarial.json", "md", "cms/adversarial.md"),
        ("cms/adversarial.json", "wxr", "cms/adversarial.wxr.xml"),
    ] {
        let out = interview()
            .args(["convert", "--to", to])
            .arg(common::fixture(input))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let expected = std::fs::read(common::fixture(golden)).unwrap();
        assert!(out.stdout == expected, "--to {to} differs from {golden}");
    }
}

#[test]
fn cli_names_outputs_in_a_directory_by_format() {
    let dir = tempfile::tempdir().unwrap();
    let seed = common::fixture(common::SEED);
    let json = common::fixture("validate/valid/minimal.json");
    for (to, ext) in [("markdown", "md"), ("wxr", "wxr.xml")] {
        interview()
            .args(["convert", "--to", to, "-o"])
            .arg(dir.path())
            .arg(&seed)
            .arg(&json)
            .assert()
            .success();
        let path = dir.path().join(format!("000_733c960163716fd3.{ext}"));
        assert!(path.is_file(), "{} missing", path.display());
    }
}

#[test]
fn cli_refuses_write_only_formats_as_input_with_a_usage_error() {
    for from in ["markdown", "md", "wxr"] {
        let out = interview()
            .args(["convert", "--from", from])
            .arg(common::fixture(common::SEED))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--from {from}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("output format only") && stderr.contains("text, json"),
            "{stderr}"
        );
    }
    interview()
        .args(["validate", "--from", "wxr", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn reading_a_write_only_format_gives_an_error_not_a_model() {
    for format in [Format::Markdown, Format::Wxr] {
        assert!(!format.is_readable());
        let parsed = load(&Source::from_text("x", "---\ntitle: x\n---\n"), format);
        assert!(parsed.interview.is_none());
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].code.as_str(), "unreadable-format");
    }
}

// ---------------------------------------------------------------------------
// WXR: many interviews in one stream

#[test]
fn one_wxr_stream_holds_every_interview_in_order() {
    let models = [seed(), adversarial(), seed()];
    let mut out = Vec::new();
    interview_kit::write::wxr::write_all(&models, &mut out).unwrap();
    let items = read_wxr(&String::from_utf8(out).unwrap()).unwrap();
    assert_eq!(items.len(), 3);
    // the streaming importer tells posts apart by guid: one per interview
    assert_ne!(items[0].fields["guid"], items[1].fields["guid"]);
    assert_eq!(items[0].fields["guid"], items[2].fields["guid"]);
    for (i, (model, item)) in models.iter().zip(&items).enumerate() {
        check_item(model, item, "draft").unwrap();
        assert_eq!(item.fields["post_id"], (i + 1).to_string());
    }

    let options = Options {
        status: Status::Pending,
        ..Options::default()
    };
    let mut wxr = WxrWriter::begin(Vec::new(), options).unwrap();
    wxr.item(&models[1]).unwrap();
    let text = String::from_utf8(wxr.finish().unwrap()).unwrap();
    check_item(&models[1], &read_wxr(&text).unwrap()[0], "pending").unwrap();
}

// ---------------------------------------------------------------------------
// Property tests

/// Text built from pieces that each mean something to Markdown, its
/// extensions, YAML, XML, HTML, PHP or a template language.
fn nasty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "# ",
        "## ",
        "- ",
        "+ ",
        "* ",
        "1. ",
        "2) ",
        "> ",
        ": ",
        "---",
        "===",
        "```",
        "~~~",
        "    ",
        "\t",
        "<div>",
        "</p>",
        "<!--",
        "-->",
        "&amp;",
        "&#42;",
        "&copy;",
        "&",
        "{{< x >}}",
        "{{% y %}}",
        "{% z %}",
        "{{ w }}",
        "[^1]",
        "[a](b)",
        "![i](j)",
        "<http://x.y>",
        "www.x.com",
        "$x$",
        "$$",
        "| a | b |",
        "--",
        "...",
        "\\",
        "  \n",
        "\\\n",
        "{#id}",
        "{.cls}",
        "\u{85}",
        "\u{2028}",
        "\u{feff}",
        "\u{7}",
        "\r\n",
        "\r",
        "\n",
        "'",
        "\"",
        "==x==",
        "^x^",
        "~x~",
        "[[w]]",
        "***",
        "___",
        "]]>",
        "<![CDATA[",
        "b:0;",
        "s:1:\"",
        "N;",
        "a:",
        "key: value",
        "- [ ] task",
        "`code`",
        "<<",
        ">>",
        "\u{3000}",
        "\u{a0}",
        "@",
        "%",
        ";",
        "yes",
        "null",
        "~",
        "&x",
        "!",
        "*",
        "#",
    ]);
    let piece = prop_oneof![
        3 => "[a-zA-Z0-9]{1,6}",
        1 => "[ ]{1,3}",
        2 => "[!-/:-@\\[-`{-~]{1,3}",
        1 => "[\u{4e00}-\u{4e80}“”‘’…—]{1,4}",
        4 => pieces.prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|v| v.concat())
}

/// ISO 8601 dates and the `date` the front matter must give for each; any
/// other date must give none.
const ISO_DATES: [(&str, &str); 4] = [
    ("2024-05-12", "2024-05-12"),
    ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
    ("1999-12-31 08:00", "1999-12-31T08:00:00"),
    ("2024-05-12T09:30:00.5+0800", "2024-05-12T09:30:00.5+08:00"),
];

fn model() -> impl Strategy<Value = Interview> {
    let iso = prop::sample::select(ISO_DATES.map(|(d, _)| d.to_owned()).to_vec());
    common::strategy::interview_with(nasty().boxed(), prop_oneof![iso, nasty()].boxed())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn markdown_renders_back_to_the_model_text(model in model()) {
        let md = rendered(&model, Format::Markdown);
        let yaml = check_markdown(&model, &md).map_err(TestCaseError::fail)?;
        check_jekyll_safe(&md).map_err(TestCaseError::fail)?;
        let front_date = ISO_DATES
            .iter()
            .find(|(d, _)| model.date.as_deref() == Some(*d))
            .map(|(_, f)| *f);
        prop_assert_eq!(yaml["date"].as_str(), front_date, "{}", md);
    }

    #[test]
    fn wxr_parses_back_to_the_model(model in model()) {
        // a character XML cannot carry is refused, naming where it is
        if let Some((pointer, _)) = interview_kit::write::xml::first_forbidden(&model) {
            let err = render(&model, Format::Wxr).unwrap_err();
            prop_assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
            prop_assert!(err.to_string().contains(&pointer), "{}", err);
            return Ok(());
        }
        let xml = rendered(&model, Format::Wxr);
        let items = read_wxr(&xml).map_err(TestCaseError::fail)?;
        prop_assert_eq!(items.len(), 1);
        check_item(&model, &items[0], "draft").map_err(|e| TestCaseError::fail(format!("{e}\n{xml}")))?;
    }
}

// ---------------------------------------------------------------------------
// Markdown, read back

/// The characters kramdown (Jekyll's Markdown parser) reads as escaped
/// after a backslash; it shows the backslash before any other.
const KRAMDOWN_ESCAPES: &str = "\\.*_+-`()[]{}#!:|\"'$=<>";

/// Checks the body of `md` as Jekyll reads it: Liquid first (no `{%` or
/// `{{` may be left to open a tag or an output), then kramdown (every
/// backslash an escape it knows).
fn check_jekyll_safe(md: &str) -> Result<(), String> {
    let body = md.splitn(3, "---\n").nth(2).ok_or("no body")?;
    if body.contains("{%") || body.contains("{{") {
        return Err(format!("Liquid would read a tag in\n{body}"));
    }
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next) if KRAMDOWN_ESCAPES.contains(next) => {}
                next => return Err(format!("`\\{next:?}` is no kramdown escape in\n{body}")),
            }
        }
    }
    Ok(())
}

/// The issue's example renders with no backslash in Jekyll, and is still
/// exact under CommonMark.
#[test]
fn liquid_and_superscript_stay_text_without_backslashes_kramdown_shows() {
    let mut model = seed();
    model.exchanges[0].answer = vec![
        "Type {% raw %} or x^2.".into(),
        "{{ page.title }} ~~not struck~~ 50% off\nand a line break".into(),
    ];
    let md = rendered(&model, Format::Markdown);
    check_jekyll_safe(&md).unwrap();
    check_markdown(&model, &md).unwrap();
    assert!(md.contains("Type \\{&#37; raw %} or x&#94;2."), "{md}");
}

/// What the CMS text of `model` must read back as: line ends as LF, U+0000
/// (which no Markdown or XML can carry) as U+FFFD.
fn cms_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "\u{fffd}")
}

/// The title the CMS writers give `model` written with no input path: by
/// the language tag's primary subtag (`zh-Hant` titles as `zh`); without a
/// speaker, no name but "Interview" and the date.
fn title(model: &Interview) -> String {
    if let Some(headline) = &model.headline {
        return headline.clone();
    }
    let language = model
        .language
        .as_deref()
        .and_then(|tag| tag.split('-').next());
    let Some(speaker) = &model.speaker else {
        let word = match language {
            Some("zh") => "访谈",
            Some("ja") => "インタビュー",
            Some("ko") => "인터뷰",
            _ => "Interview",
        };
        return match (&model.date, language) {
            (Some(date), Some("zh" | "ja")) => format!("{word}（{date}）"),
            (Some(date), _) => format!("{word} ({date})"),
            (None, _) => word.to_owned(),
        };
    };
    let name = &speaker.name;
    match language {
        Some("zh") => format!("{name}访谈"),
        Some("ja") => format!("{name}インタビュー"),
        Some("ko") => format!("{name} 인터뷰"),
        _ => format!("Interview with {name}"),
    }
}

#[derive(Debug, PartialEq)]
enum Block {
    Paragraph(String),
    Heading(String),
}

/// Parses `md` with pulldown-cmark, every extension on, and checks that
/// the front matter holds the metadata and the body the text, exactly.
/// Returns the front matter.
fn check_markdown(model: &Interview, md: &str) -> Result<Yaml, String> {
    use pulldown_cmark::Options as O;
    let options = O::ENABLE_TABLES
        | O::ENABLE_FOOTNOTES
        | O::ENABLE_STRIKETHROUGH
        | O::ENABLE_TASKLISTS
        | O::ENABLE_SMART_PUNCTUATION
        | O::ENABLE_HEADING_ATTRIBUTES
        | O::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | O::ENABLE_MATH
        | O::ENABLE_GFM
        | O::ENABLE_DEFINITION_LIST
        | O::ENABLE_SUPERSCRIPT
        | O::ENABLE_SUBSCRIPT
        | O::ENABLE_WIKILINKS;
    let mut events = Parser::new_ext(md, options);
    let yaml = match (events.next(), events.next(), events.next()) {
        (
            Some(Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle))),
            Some(Event::Text(yaml)),
            Some(Event::End(TagEnd::MetadataBlock(_))),
        ) => yaml.into_string(),
        other => return Err(format!("no front matter first: {other:?}")),
    };
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Heading { .. }) => {
                current = Some(String::new())
            }
            Event::End(TagEnd::Paragraph) => blocks.push(Block::Paragraph(current.take().unwrap())),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                blocks.push(Block::Heading(current.take().unwrap()))
            }
            Event::Text(text) if current.is_some() => current.as_mut().unwrap().push_str(&text),
            Event::HardBreak if current.is_some() => current.as_mut().unwrap().push('\n'),
            Event::Start(Tag::Strong) if current.as_deref() == Some("") => {
                current.as_mut().unwrap().push('\u{e000}')
            }
            Event::End(TagEnd::Strong) => current.as_mut().unwrap().push('\u{e001}'),
            other => return Err(format!("unexpected {other:?} in\n{md}")),
        }
    }
    let mut expected: Vec<Block> = model
        .introduction
        .iter()
        .map(|p| Block::Paragraph(cms_text(p)))
        .collect();
    for e in &model.exchanges {
        expected.push(Block::Heading(cms_text(&e.question)));
        for (i, p) in e.answer.iter().enumerate() {
            expected.push(Block::Paragraph(match (&e.answered_by, i) {
                (Some(by), 0) => format!("\u{e000}{}:\u{e001} {}", cms_text(by), cms_text(p)),
                _ => cms_text(p),
            }));
        }
    }
    if blocks != expected {
        return Err(format!("body differs\n{md}\n{blocks:#?}\n{expected:#?}"));
    }

    let doc = YamlLoader::load_from_str(&yaml)
        .map_err(|e| format!("front matter: {e}\n{yaml}"))?
        .into_iter()
        .next()
        .ok_or("front matter is empty")?;
    let eq = |path: &[&str], want: Option<&str>| -> Result<(), String> {
        let mut node = &doc;
        for key in path {
            node = &node[*key];
        }
        let got = node.as_str();
        let want = want.map(cms_text);
        if got == want.as_deref() {
            Ok(())
        } else {
            Err(format!("{path:?}: {got:?} != {want:?}\n{yaml}"))
        }
    };
    eq(&["title"], Some(&title(model)))?;
    eq(
        &["description"],
        model.introduction.first().map(String::as_str),
    )?;
    eq(&["params", "headline"], model.headline.as_deref())?;
    eq(&["params", "date_text"], model.date.as_deref())?;
    eq(&["params", "byline"], model.byline.as_deref())?;
    for (group, speaker) in [
        ("speaker", model.speaker.as_ref()),
        ("interviewer", model.interviewer.as_ref()),
    ] {
        eq(&["params", group, "name"], speaker.map(|s| s.name.as_str()))?;
        eq(
            &["params", group, "family_name"],
            speaker.and_then(|s| s.family_name.as_deref()),
        )?;
        eq(
            &["params", group, "given_name"],
            speaker.and_then(|s| s.given_name.as_deref()),
        )?;
        eq(
            &["params", group, "label"],
            speaker.and_then(|s| s.label.as_deref()),
        )?;
    }
    let role = model.role.as_ref();
    eq(&["params", "role", "text"], role.map(|r| r.text.as_str()))?;
    eq(
        &["params", "role", "title"],
        role.and_then(|r| r.title.as_deref()),
    )?;
    eq(
        &["params", "role", "organization"],
        role.and_then(|r| r.organization.as_deref()),
    )?;
    eq(
        &["params", "role", "abbreviation"],
        role.and_then(|r| r.abbreviation.as_deref()),
    )?;
    let count = doc["params"]["read_count"].as_i64().map(|n| n as u64);
    // yaml-rust2 reads integers as i64; larger counts come back as reals
    let count = count.or_else(|| match &doc["params"]["read_count"] {
        Yaml::Real(text) => text.parse().ok(),
        _ => None,
    });
    if count != model.read_count {
        return Err(format!("read_count {count:?} != {:?}", model.read_count));
    }
    eq(
        &["params", "read_count_precision"],
        model.read_count_precision.map(|p| p.as_str()),
    )?;
    eq(
        &["params", "read_count_text"],
        model.read_count_text.as_deref(),
    )?;
    eq(&["params", "language"], model.language.as_deref())?;
    eq(&["params", "encoding"], model.encoding.as_deref())?;
    Ok(doc)
}

// ---------------------------------------------------------------------------
// WXR, read back

/// One `<item>` as WordPress's importer sees it: its `wp:` fields and the
/// other elements it reads, by local name, and its meta and terms in order.
#[derive(Debug, Default)]
struct Item {
    fields: BTreeMap<String, String>,
    meta: Vec<(String, String)>,
    terms: Vec<(String, String, String)>,
}

const NS: [(&str, &str); 4] = [
    ("http://wordpress.org/export/1.2/", "wp:"),
    ("http://wordpress.org/export/1.2/excerpt/", "excerpt:"),
    ("http://purl.org/rss/1.0/modules/content/", "content:"),
    ("http://purl.org/dc/elements/1.1/", "dc:"),
];

/// Reads a WXR file with a namespace-aware XML parser: checks the channel
/// (`rss/channel/wp:wxr_version` 1.2, one `wp:author`) and returns its items.
fn read_wxr(xml: &str) -> Result<Vec<Item>, String> {
    let mut reader = NsReader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut items = Vec::new();
    let mut item: Option<Item> = None;
    let mut meta_key = String::new();
    let mut term: Option<(String, String)> = None;
    let mut version = None;
    let mut authors = 0;
    loop {
        let (ns, event) = reader
            .read_resolved_event()
            .map_err(|e| format!("not well-formed: {e}"))?;
        let name = |local: &str| -> Result<String, String> {
            let prefix = match &ns {
                ResolveResult::Unbound => "",
                ResolveResult::Bound(ns) => NS
                    .iter()
                    .find(|(uri, _)| *uri == ns.as_ref())
                    .map(|(_, p)| *p)
                    .ok_or_else(|| format!("unknown namespace {ns:?}"))?,
                ResolveResult::Unknown(p) => return Err(format!("unbound prefix {p:?}")),
            };
            Ok(format!("{prefix}{local}"))
        };
        match event {
            XmlEvent::Start(e) => {
                let name = name(e.local_name().as_ref())?;
                if name == "item" {
                    item = Some(Item::default());
                }
                if name == "category" {
                    let attr = |key: &str| {
                        e.try_get_attribute(key)
                            .ok()
                            .flatten()
                            .map(|a| {
                                a.normalized_value(XmlVersion::Implicit1_0)
                                    .unwrap()
                                    .into_owned()
                            })
                            .unwrap_or_default()
                    };
                    term = Some((attr("domain"), attr("nicename")));
                }
                if name == "wp:author" {
                    authors += 1;
                }
                path.push(name);
                text.clear();
            }
            XmlEvent::Text(t) => text.push_str(&t.xml10_content()),
            XmlEvent::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
                    text.push(c);
                    continue;
                }
                text.push_str(match r.into_inner().as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => return Err(format!("entity &{other};")),
                });
            }
            XmlEvent::CData(t) => text.push_str(&t.into_inner()),
            XmlEvent::End(_) => {
                let name = path.pop().unwrap();
                let parent = path.last().map(String::as_str);
                match (parent, name.as_str()) {
                    (Some("channel"), "wp:wxr_version") => version = Some(text.clone()),
                    (Some("channel"), "item") => items.push(item.take().unwrap()),
                    (Some("wp:postmeta"), "wp:meta_key") => meta_key = text.clone(),
                    (Some("wp:postmeta"), "wp:meta_value") => {
                        let value = php_unserialize(&text);
                        item.as_mut()
                            .unwrap()
                            .meta
                            .push((std::mem::take(&mut meta_key), value));
                    }
                    (Some("item"), "category") => {
                        let (domain, slug) = term.take().unwrap();
                        item.as_mut()
                            .unwrap()
                            .terms
                            .push((domain, slug, text.clone()));
                    }
                    (Some("item"), field) => {
                        let field = field.strip_prefix("wp:").unwrap_or(field);
                        item.as_mut()
                            .unwrap()
                            .fields
                            .insert(field.to_owned(), text.clone());
                    }
                    _ => {}
                }
                text.clear();
            }
            XmlEvent::Eof => break,
            XmlEvent::DocType(_) => return Err("a DOCTYPE, which the importer refuses".into()),
            _ => {}
        }
    }
    if version.as_deref() != Some("1.2") {
        return Err(format!("wp:wxr_version {version:?}"));
    }
    if authors != 1 {
        return Err(format!("{authors} wp:author blocks"));
    }
    Ok(items)
}

/// What PHP's `maybe_unserialize` makes of a meta value, for the strings
/// the writer can produce: `s:N:"…";` with N the byte length is the text.
fn php_unserialize(value: &str) -> String {
    let trimmed = value.trim_matches([' ', '\t', '\n', '\r', '\0', '\u{b}']);
    if let Some(rest) = trimmed.strip_prefix("s:")
        && let Some((len, rest)) = rest.split_once(":\"")
        && let Some(inner) = rest.strip_suffix("\";")
        && len.parse() == Ok(inner.len())
    {
        return inner.to_owned();
    }
    value.to_owned()
}

/// `text` as it must arrive through XML: CMS line ends, and U+FFFD for each
/// character XML 1.0 forbids.
fn xml_text(text: &str) -> String {
    cms_text(text)
        .chars()
        .map(|c| match c {
            '\t' | '\n' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'.. => c,
            _ => '\u{fffd}',
        })
        .collect()
}

/// The text blocks of the block-editor markup in `content:encoded`: it
/// must be only `wp:paragraph` and `wp:heading` blocks holding `<p>` and
/// `<h2>` with text, `<br>` and a leading `<strong>`.
fn content_blocks(html: &str) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    for chunk in html.split("\n\n") {
        let (rest, end, heading) =
            if let Some(rest) = chunk.strip_prefix("<!-- wp:paragraph -->\n<p>") {
                (rest, "</p>\n<!-- /wp:paragraph -->", false)
            } else if let Some(rest) =
                chunk.strip_prefix("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">")
            {
                (rest, "</h2>\n<!-- /wp:heading -->", true)
            } else {
                return Err(format!("not a block: {chunk:?}"));
            };
        let inner = rest
            .strip_suffix(end)
            .ok_or_else(|| format!("unclosed block: {chunk:?}"))?;
        let inner = inner
            .replacen("<strong>", "\u{e000}", 1)
            .replacen("</strong>", "\u{e001}", 1)
            .replace("<br>", "\n");
        if inner.contains(['<', '>']) {
            return Err(format!("markup in text: {inner:?}"));
        }
        let text = inner
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        blocks.push(if heading {
            Block::Heading(text)
        } else {
            Block::Paragraph(text)
        });
    }
    Ok(blocks)
}

/// Checks that `item` holds `model` the way the importer reads it.
fn check_item(model: &Interview, item: &Item, status: &str) -> Result<(), String> {
    let field = |name: &str| item.fields.get(name).map(String::as_str).unwrap_or("");
    let want = |name: &str, value: &str| {
        if field(name) == value {
            Ok(())
        } else {
            Err(format!("{name}: {:?} != {value:?}", field(name)))
        }
    };
    want("title", &xml_text(&title(model)))?;
    want("dc:creator", "editor")?;
    if !field("guid").starts_with("https://example.invalid/?interview=") {
        return Err(format!("guid {:?}", field("guid")));
    }
    want("post_type", "post")?;
    want("status", status)?;
    want(
        "excerpt:encoded",
        &xml_text(model.introduction.first().map_or("", String::as_str)),
    )?;
    for date in ["post_date", "post_date_gmt"] {
        let value = field(date);
        let shape = value.len() == 19
            && value.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                10 => b == b' ',
                13 | 16 => b == b':',
                _ => b.is_ascii_digit(),
            });
        if !shape {
            return Err(format!("{date}: {value:?} is not YYYY-MM-DD HH:MM:SS"));
        }
    }
    if field("post_name").is_empty() && title(model).chars().any(char::is_alphanumeric) {
        return Err("post_name is empty".into());
    }
    // WordPress's exporter writes both on every item, and converters of
    // its files (wordpress-export-to-markdown) read both
    if !field("link").starts_with("https://example.invalid/") {
        return Err(format!("link {:?}", field("link")));
    }
    let pub_date = field("pubDate");
    let rfc2822 =
        pub_date.len() == 31 && pub_date.as_bytes()[3] == b',' && pub_date.ends_with(" +0000");
    if !rfc2822 && pub_date != "Mon, 30 Nov -0001 00:00:00 +0000" {
        return Err(format!("pubDate {pub_date:?}"));
    }

    let mut expected: Vec<Block> = model
        .introduction
        .iter()
        .map(|p| Block::Paragraph(xml_text(p)))
        .collect();
    for e in &model.exchanges {
        expected.push(Block::Heading(xml_text(&e.question)));
        for (i, p) in e.answer.iter().enumerate() {
            expected.push(Block::Paragraph(match (&e.answered_by, i) {
                (Some(by), 0) => format!("\u{e000}{}:\u{e001} {}", xml_text(by), xml_text(p)),
                _ => xml_text(p),
            }));
        }
    }
    let blocks = content_blocks(field("content:encoded"))?;
    if blocks != expected {
        return Err(format!("content differs: {blocks:#?}\n{expected:#?}"));
    }

    let meta: BTreeMap<&str, &str> = item
        .meta
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let check = |key: &str, value: Option<String>| {
        let got = meta.get(key).map(|v| v.to_string());
        if got == value.as_deref().map(xml_text) {
            Ok(())
        } else {
            Err(format!("meta {key}: {got:?} != {value:?}"))
        }
    };
    check("interview_headline", model.headline.clone())?;
    check("interview_date_text", model.date.clone())?;
    check("interview_byline", model.byline.clone())?;
    for (group, speaker) in [
        ("speaker", model.speaker.as_ref()),
        ("interviewer", model.interviewer.as_ref()),
    ] {
        check(
            &format!("interview_{group}_name"),
            speaker.map(|s| s.name.clone()),
        )?;
        check(
            &format!("interview_{group}_family_name"),
            speaker.and_then(|s| s.family_name.clone()),
        )?;
        check(
            &format!("interview_{group}_given_name"),
            speaker.and_then(|s| s.given_name.clone()),
        )?;
        check(
            &format!("interview_{group}_label"),
            speaker.and_then(|s| s.label.clone()),
        )?;
    }
    let role = model.role.as_ref();
    check("interview_role_text", role.map(|r| r.text.clone()))?;
    check("interview_role_title", role.and_then(|r| r.title.clone()))?;
    check(
        "interview_role_organization",
        role.and_then(|r| r.organization.clone()),
    )?;
    check(
        "interview_role_abbreviation",
        role.and_then(|r| r.abbreviation.clone()),
    )?;
    check(
        "interview_read_count",
        model.read_count.map(|n| n.to_string()),
    )?;
    check(
        "interview_read_count_precision",
        model.read_count_precision.map(|p| p.as_str().to_owned()),
    )?;
    check("interview_read_count_text", model.read_count_text.clone())?;
    check("interview_language", model.language.clone())?;
    check("interview_encoding", model.encoding.clone())?;
    if meta.len() != item.meta.len() {
        return Err("a meta key appears twice".into());
    }
    if let Some(speaker) = &model.speaker
        && !item
            .terms
            .iter()
            .any(|(domain, _, name)| domain == "post_tag" && *name == xml_text(&speaker.name))
        && speaker.name.chars().any(char::is_alphanumeric)
    {
        return Err(format!("no tag for the speaker: {:?}", item.terms));
    }
    Ok(())
}

#[test]
fn php_unserialize_reads_only_exact_serialized_strings() {
    assert_eq!(php_unserialize("s:4:\"b:0;\";"), "b:0;");
    assert_eq!(php_unserialize("s:3:\"李\";"), "李");
    assert_eq!(php_unserialize("s:5:\"b:0;\";"), "s:5:\"b:0;\";");
    assert_eq!(php_unserialize("plain"), "plain");
}

/// A batch writes one WXR holding every interview, in input order; an
/// invalid input is left out and makes the run exit 1.
#[test]
fn a_batch_writes_one_wxr_with_every_interview() {
    let out = interview()
        .arg("convert")
        .arg(common::fixture(common::SEED))
        .arg(common::fixture("validate/valid/minimal.json"))
        .arg(common::fixture("invalid/empty.txt"))
        .arg(common::fixture("validate/valid/cjk.json"))
        .args(["--to", "wxr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("<?xml").count(), 1, "one document");
    let items = read_wxr(&text).unwrap();
    assert_eq!(items.len(), 3);
    let titles: Vec<&str> = items.iter().map(|i| i.fields["post_id"].as_str()).collect();
    assert_eq!(titles, ["1", "2", "3"]);
}

/// The `--wxr-…` options reach the channel and every post, in one WXR
/// stream of a batch and in each file of a mirrored tree alike.
#[test]
fn cli_wxr_options_reach_every_post() {
    let options = [
        "--wxr-status",
        "publish",
        "--wxr-author",
        "jdoe",
        "--wxr-author-name",
        "Jane Doe",
        "--wxr-category",
        "访谈 & Q&A",
        "--wxr-site-url",
        "https://news.example.org/",
        "--wxr-site-title",
        "Example News",
        "--wxr-language",
        "en-GB",
    ];
    let inputs = [
        common::fixture(common::SEED),
        common::fixture("validate/valid/cjk.json"),
    ];
    let check = |text: &str, posts: usize| {
        for part in [
            "<title>Example News</title>",
            "<language>en-GB</language>",
            "<wp:author_login><![CDATA[jdoe]]></wp:author_login>",
            "<wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name>",
            "<wp:cat_name><![CDATA[访谈 & Q&A]]></wp:cat_name>",
        ] {
            assert!(text.contains(part), "{part} missing");
        }
        let items = read_wxr(text).unwrap();
        assert_eq!(items.len(), posts);
        for item in items {
            assert_eq!(item.fields["status"], "publish");
            assert_eq!(item.fields["dc:creator"], "jdoe");
            assert!(
                item.fields["guid"].starts_with("https://news.example.org/?interview="),
                "{}",
                item.fields["guid"]
            );
            let categories: Vec<&str> = item
                .terms
                .iter()
                .filter(|(domain, _, _)| domain == "category")
                .map(|(_, _, name)| name.as_str())
                .collect();
            assert_eq!(categories, ["访谈 & Q&A"]);
        }
    };

    let out = interview()
        .arg("convert")
        .args(&inputs)
        .args(["--to", "wxr"])
        .args(options)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    check(&String::from_utf8(out.stdout).unwrap(), 2);

    let dir = tempfile::tempdir().unwrap();
    interview()
        .arg("convert")
        .args(&inputs)
        .args(["--to", "wxr", "--to", "json", "-o"])
        .arg(dir.path())
        .args(options)
        .assert()
        .success();
    for name in ["000_733c960163716fd3.wxr.xml", "cjk.wxr.xml"] {
        check(&std::fs::read_to_string(dir.path().join(name)).unwrap(), 1);
    }
}

/// Without options the posts are drafts under `Interviews`, by `editor`;
/// `--wxr-no-category` files them under none (their tags stay).
#[test]
fn cli_wxr_defaults_and_no_category() {
    let out = interview()
        .args(["convert", "--to", "wxr", "--wxr-no-category"])
        .arg(common::fixture(common::SEED))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("<wp:category>"), "{text}");
    let item = &read_wxr(&text).unwrap()[0];
    assert!(item.terms.iter().all(|(domain, _, _)| domain == "post_tag"));
    assert!(!item.terms.is_empty());
    check_item(&seed(), item, "draft").unwrap();
}

/// A value WordPress would refuse or misread is a usage error (exit 2)
/// naming the option, and so is a `--wxr-…` option without `--to wxr`;
/// nothing is written.
#[test]
fn cli_refuses_bad_wxr_options_with_a_usage_error() {
    let seed = common::fixture(common::SEED);
    let refused = |args: &[&str], says: &str| {
        let out = interview()
            .arg("convert")
            .args(args)
            .arg(&seed)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    };
    let long = "x".repeat(61);
    for (option, value) in [
        ("--wxr-author", "a<b"),
        ("--wxr-author", ""),
        ("--wxr-author", &long),
        ("--wxr-author-name", " "),
        ("--wxr-category", "a\u{1}b"),
        ("--wxr-site-url", "ftp://x"),
        ("--wxr-site-url", "https://"),
        ("--wxr-site-title", "\t"),
        ("--wxr-language", "en_GB"),
        ("--wxr-status", "published"),
    ] {
        refused(&["--to", "wxr", option, value], option);
    }
    refused(
        &["--to", "wxr", "--wxr-category", "x", "--wxr-no-category"],
        "--wxr-no-category",
    );
    refused(&["--to", "json", "--wxr-status", "publish"], "--to wxr");
    refused(&["--wxr-no-category"], "--to wxr");
}

/// The defaults `convert --help` states for the `--wxr-…` options are the
/// library's.
#[test]
fn cli_help_states_the_wxr_defaults_the_library_has() {
    let out = interview().args(["convert", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let defaults = Options::default();
    for (option, default) in [
        ("--wxr-status", defaults.status.as_str()),
        ("--wxr-author", &defaults.author_login),
        ("--wxr-author-name", &defaults.author_display_name),
        ("--wxr-category", defaults.category.as_deref().unwrap()),
        ("--wxr-site-url", &defaults.site_url),
    ] {
        let after = &help[help.find(&format!("{option} <")).unwrap()..];
        // the help wraps its lines: compare with single spaces
        let entry = after[..after.find("\n\n").unwrap()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            entry.contains(&format!("[default: {default}]")),
            "{option}: {entry}"
        );
    }
    assert!(defaults.site_title.is_none() && defaults.language.is_none());
}

/// `-o NAME.xml` with `--to wxr` is the one WXR file of a batch (what a
/// WordPress import takes); `-o NAME.xml/` and an existing directory stay
/// a mirrored tree of one file an input.
#[test]
fn a_batch_writes_its_one_wxr_to_the_file_o_names() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = [
        common::fixture(common::SEED),
        common::fixture("validate/valid/cjk.json"),
    ];
    let convert = |out: &str| {
        interview()
            .arg("convert")
            .args(&inputs)
            .args(["--to", "wxr", "-o"])
            .arg(dir.path().join(out))
            .assert()
            .success();
    };
    convert("interviews.wxr.xml");
    let text = std::fs::read_to_string(dir.path().join("interviews.wxr.xml")).unwrap();
    assert_eq!(read_wxr(&text).unwrap().len(), 2);

    convert("tree.xml/");
    std::fs::create_dir(dir.path().join("existing.xml")).unwrap();
    convert("existing.xml");
    for tree in ["tree.xml", "existing.xml"] {
        for name in ["000_733c960163716fd3.wxr.xml", "cjk.wxr.xml"] {
            assert!(dir.path().join(tree).join(name).is_file(), "{tree}/{name}");
        }
    }
}

// ---------------------------------------------------------------------------
// Slugs, links and dates that real clients need

/// The slugs of the Markdown pages under `dir`, by path relative to it.
fn markdown_slugs(dir: &std::path::Path) -> BTreeMap<String, String> {
    let mut slugs = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            let md = std::fs::read_to_string(entry.path()).unwrap();
            let front = md
                .split("\n---\n")
                .next()
                .unwrap()
                .trim_start_matches("---\n");
            let yaml = &YamlLoader::load_from_str(front).unwrap()[0];
            let rel = entry.path().strip_prefix(dir).unwrap();
            slugs.insert(
                rel.to_string_lossy().into_owned(),
                yaml["slug"].as_str().unwrap().to_owned(),
            );
        }
    }
    slugs
}

/// Interviews of one person without a headline share their title; their
/// pages must not share a slug (Hugo would build one page for them all,
/// Jekyll refuse the site, a WordPress converter mix the posts), and a page
/// keeps its slug, its URL, from one run to the next.
#[test]
fn interviews_of_one_person_get_distinct_slugs_the_same_every_run() {
    let inputs = tempfile::tempdir().unwrap();
    let seed = std::fs::read(common::fixture(common::SEED)).unwrap();
    let names = ["a.txt", "b.txt", "2024/a.txt", "2024/b.txt", "x/y/z.txt"];
    for name in names {
        let path = inputs.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &seed).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let mut runs = Vec::new();
    for run in ["one", "two"] {
        interview()
            .arg("convert")
            .arg(inputs.path())
            .args(["--to", "markdown", "-o"])
            .arg(out.path().join(run))
            .assert()
            .success();
        runs.push(markdown_slugs(&out.path().join(run)));
    }
    assert_eq!(runs[0].len(), names.len());
    let distinct: std::collections::BTreeSet<&String> = runs[0].values().collect();
    assert_eq!(distinct.len(), names.len(), "{:?}", runs[0]);
    assert!(
        distinct
            .iter()
            .all(|s| s.starts_with("interview-with-lee-hee-sup-"))
    );
    assert_eq!(runs[0], runs[1], "slugs changed between runs");

    // one WXR file of the batch: one post name and one link a post
    let mut posts = Vec::new();
    for _ in 0..2 {
        let out = interview()
            .arg("convert")
            .arg(inputs.path())
            .args(["--to", "wxr"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let items = read_wxr(&String::from_utf8(out.stdout).unwrap()).unwrap();
        let names: Vec<(String, String)> = items
            .iter()
            .map(|i| (i.fields["post_name"].clone(), i.fields["link"].clone()))
            .collect();
        posts.push(names);
    }
    let distinct: std::collections::BTreeSet<&(String, String)> = posts[0].iter().collect();
    assert_eq!(distinct.len(), names.len(), "{:?}", posts[0]);
    assert_eq!(posts[0], posts[1], "post names changed between runs");
    // the same input gives the same slug in Markdown and in WXR
    let md: std::collections::BTreeSet<&String> = runs[0].values().collect();
    let wxr: std::collections::BTreeSet<&String> = posts[0].iter().map(|(n, _)| n).collect();
    assert_eq!(md, wxr);
}

/// Without paths (the library writing interviews of one person), the posts
/// of one WXR file still get slugs of their own.
#[test]
fn one_wxr_file_never_repeats_a_slug() {
    let models = [seed(), seed(), seed()];
    let mut out = Vec::new();
    interview_kit::write::wxr::write_all(&models, &mut out).unwrap();
    let items = read_wxr(&String::from_utf8(out).unwrap()).unwrap();
    let names: Vec<&str> = items
        .iter()
        .map(|i| i.fields["post_name"].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "interview-with-lee-hee-sup",
            "interview-with-lee-hee-sup-2",
            "interview-with-lee-hee-sup-3"
        ]
    );
}

/// Every item has a `<link>` (the post's URL: the site's, then the slug)
/// and a `<pubDate>`, as WordPress's exporter writes them: RFC 2822 for a
/// dated post, WordPress's own value for an undated one.
#[test]
fn every_wxr_item_has_a_link_and_a_pub_date() {
    let undated = seed();
    assert!(undated.date.is_none());
    let mut dated = seed();
    dated.date = Some("2024-05-12T09:30:00+08:00".into());
    let mut cjk = seed();
    cjk.language = Some("zh".into());
    cjk.speaker.as_mut().unwrap().name = "李熙燮".into();
    let mut out = Vec::new();
    interview_kit::write::wxr::write_all([&undated, &dated, &cjk], &mut out).unwrap();
    let items = read_wxr(&String::from_utf8(out).unwrap()).unwrap();
    let field = |i: usize, name: &str| items[i].fields.get(name).cloned().unwrap_or_default();
    assert_eq!(
        field(0, "link"),
        "https://example.invalid/interview-with-lee-hee-sup/"
    );
    assert_eq!(field(0, "pubDate"), "Mon, 30 Nov -0001 00:00:00 +0000");
    assert_eq!(field(1, "pubDate"), "Sun, 12 May 2024 01:30:00 +0000");
    // a non-ASCII slug is percent-encoded in the URL, as WordPress stores it
    assert_eq!(field(2, "post_name"), "李熙燮访谈");
    assert_eq!(
        field(2, "link"),
        "https://example.invalid/%e6%9d%8e%e7%86%99%e7%87%ae%e8%ae%bf%e8%b0%88/"
    );
}

/// A character XML 1.0 forbids is refused as `--to xml` refuses it: the
/// document is invalid (exit 1), the diagnostic names the field, and no
/// post holds a U+FFFD in its place; the other inputs convert.
#[test]
fn wxr_refuses_a_control_character_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bell.json");
    std::fs::write(
        &bad,
        r#"{"speaker": {"name": "A"}, "exchanges": [{"question": "q", "answer": ["ring \u0007 ring"]}]}"#,
    )
    .unwrap();
    let good = common::fixture(common::SEED);
    let out = interview()
        .arg("convert")
        .arg(&good)
        .arg(&bad)
        .args(["--to", "wxr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/exchanges/0/answer/0") && stderr.contains("U+0007"),
        "{stderr}"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{fffd}'), "{text}");
    assert_eq!(read_wxr(&text).unwrap().len(), 1);

    // a mirrored tree alike: no file for the refused input
    let tree = dir.path().join("out");
    let out = interview()
        .arg("convert")
        .arg(&bad)
        .args(["--to", "wxr", "-o"])
        .arg(&tree)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!tree.join("bell.wxr.xml").exists());
    assert!(tree.join("000_733c960163716fd3.wxr.xml").is_file());

    // the library: an error naming the field, nothing written
    let mut model = seed();
    model.exchanges[1].question.push('\u{1b}');
    let mut out = Vec::new();
    let err = interview_kit::write::wxr::write(&model, &mut out).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert!(err.to_string().contains("/exchanges/1/question"), "{err}");
    assert!(out.is_empty());
}
