//! Model → WordPress eXtended RSS 1.2, the file WordPress's importer reads
//! (Tools → Import → WordPress). One `<item>` per interview, so one file can
//! hold a whole batch; [`WxrWriter`] writes it as a stream (header, items,
//! footer), never holding more than one interview.
//!
//! What goes where in an item:
//!
//! | WXR | from the model |
//! | --- | --- |
//! | `title` | the headline, else "Interview with NAME", else (no speaker) "Interview (DATE)" or "Interview (FILE)" |
//! | `link` | the post's address: the site's, then the slug (`SITE/SLUG/`) |
//! | `dc:creator` | the channel's one author ([`Options::author_login`]) |
//! | `guid` | `SITE?interview=` and a hash of the model: the same interview, the same guid |
//! | `content:encoded` | the introduction and the Q&A as block-editor HTML: a `wp:paragraph` per paragraph, a `wp:heading` (h2) per question, `<strong>NAME:</strong>` before a panel answer, line breaks as `<br>` |
//! | `excerpt:encoded` | the first introduction paragraph, else empty (WordPress makes its own) |
//! | `wp:post_date`, `wp:post_date_gmt`, `pubDate` | the date when it is ISO 8601 (a date without a zone is taken as UTC); else `0000-00-00 00:00:00`, which WordPress replaces with the time of the import, and the `pubDate` WordPress's exporter writes for it (`Mon, 30 Nov -0001 00:00:00 +0000`) |
//! | `wp:post_name` | the slug: of the title, then `-` and a short hash of the input's path ([`WxrWriter::item_at`]); unique in the file |
//! | `wp:status` | [`Options::status`], `draft` by default: an editor reviews before publishing |
//! | `wp:comment_status`, `wp:ping_status` | empty: the site's defaults apply |
//! | `category` | [`Options::category`] (`Interviews`), and tags for the speaker (when there is one) and the organization |
//! | `wp:postmeta` | every other field of the model, keys `interview_` + the JSON field name (`interview_speaker_name`, `interview_role_title`, `interview_read_count`, `interview_date_text` …) |
//!
//! The file follows WordPress's own exporter where the importer's three
//! parsers (SimpleXML, the XML extension, and the line-based regex fallback)
//! depend on it: the `wp`, `content`, `excerpt` and `dc` prefixes, text in
//! CDATA with `]]>` split as `]]]]><![CDATA[>`, `<item>` and each
//! `wp:author` on lines of their own, `domain` before `nicename`, and an
//! item's own fields before its `wp:postmeta` (the streaming reader ends a
//! post at its first meta). A meta value that PHP's `maybe_unserialize`
//! would take for serialized data is written as a serialized string, so it
//! arrives unchanged. CR LF and CR become LF, as WordPress stores line
//! ends. A model with a character XML 1.0 forbids (U+0007 …) is refused
//! with an [`io::ErrorKind::InvalidData`] error naming the field, as
//! `--to xml` refuses it ([`check`]), rather than altered.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{self, Write};
use std::path::Path;

use quick_xml::Writer;
use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::cms::{self, IsoDate, Value};
use super::{Unwritable, xml};
use crate::diagnostic::Code;
use crate::model::Interview;

/// The WordPress status imported posts get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Saved, not published (the default).
    #[default]
    Draft,
    /// Waiting for an editor's review.
    Pending,
    /// Published on import.
    Publish,
    /// Published, visible to logged-in editors only.
    Private,
}

impl Status {
    /// WordPress's name for the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Pending => "pending",
            Status::Publish => "publish",
            Status::Private => "private",
        }
    }
}

/// What the WXR file says about the site and the author, which the model
/// does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The channel title. `None` (the default) leaves it out: WordPress's
    /// streaming importer (the data-liberation `WXREntityReader`) imports a
    /// channel title as the site's name (`blogname`), which an import of
    /// interviews must not change. The importer's other parsers ignore it.
    pub site_title: Option<String>,
    /// The channel description.
    pub site_description: String,
    /// The site's address (`link`, `wp:base_site_url`); the importer uses it
    /// only to re-point attachment URLs, and there are none.
    pub site_url: String,
    /// The channel language; `None` takes the first interview's.
    pub language: Option<String>,
    /// The login of the one author every post is attributed to; on import
    /// WordPress offers to map it to an existing user or create it.
    pub author_login: String,
    /// That author's display name.
    pub author_display_name: String,
    /// The status every post gets.
    pub status: Status,
    /// The category every post is filed under, if any.
    pub category: Option<String>,
}

impl Options {
    /// These options for a file whose first interview is `first`: a
    /// channel language left unset is that interview's.
    pub fn for_first(mut self, first: Option<&Interview>) -> Options {
        if self.language.is_none() {
            self.language = first.and_then(|i| i.language.clone());
        }
        self
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            site_title: None,
            site_description: "Interviews converted by interview-kit".into(),
            site_url: "https://example.invalid/".into(),
            language: None,
            author_login: "editor".into(),
            author_display_name: "Editor".into(),
            status: Status::default(),
            category: Some("Interviews".into()),
        }
    }
}

/// The WXR version written, which WordPress's importer supports up to.
pub const WXR_VERSION: &str = "1.2";

const NAMESPACES: [(&str, &str); 5] = [
    ("xmlns:excerpt", "http://wordpress.org/export/1.2/excerpt/"),
    ("xmlns:content", "http://purl.org/rss/1.0/modules/content/"),
    ("xmlns:wfw", "http://wellformedweb.org/CommentAPI/"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    ("xmlns:wp", "http://wordpress.org/export/1.2/"),
];

/// What WordPress stores for "no date": it then uses the time of the import.
const NO_DATE: &str = "0000-00-00 00:00:00";

/// The `pubDate` of a post without a date, as WordPress's own exporter
/// writes it for an undated draft (PHP's reading of [`NO_DATE`]): the
/// importer ignores `pubDate`, and converters that read it
/// (`wordpress-export-to-markdown`) take it for no date. Not the time of the
/// export, so that a file is the same on every run.
const NO_PUB_DATE: &str = "Mon, 30 Nov -0001 00:00:00 +0000";

/// Writes `interview` as a WXR file holding one post, with default
/// [`Options`].
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    // refused before the channel header: nothing is written then
    check(interview)?;
    write_all([interview], out)
}

/// Writes every interview of `interviews` as one WXR file, one post each,
/// with default [`Options`] (the channel language from the first).
pub fn write_all<'a>(
    interviews: impl IntoIterator<Item = &'a Interview>,
    out: &mut impl Write,
) -> io::Result<()> {
    write_all_with(interviews, Options::default(), out)
}

/// Writes every interview of `interviews` as one WXR file, one post each,
/// with `options`; a channel language they leave unset is the first
/// interview's.
pub fn write_all_with<'a>(
    interviews: impl IntoIterator<Item = &'a Interview>,
    options: Options,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut interviews = interviews.into_iter().peekable();
    let options = options.for_first(interviews.peek().copied());
    let mut wxr = WxrWriter::begin(out, options)?;
    for interview in interviews {
        wxr.item(interview)?;
    }
    wxr.finish().map(drop)
}

/// A WXR file being written: [`begin`](Self::begin) writes the channel
/// header, [`item`](Self::item) one post per call, [`finish`](Self::finish)
/// closes the file. Post ids count up from 1.
pub struct WxrWriter<W: Write> {
    xml: Writer<W>,
    options: Options,
    next_id: u64,
    /// Hashes of the slugs given so far, so that no two posts of the file
    /// share one: 8 bytes a post, never the slugs themselves.
    slugs: HashSet<u64>,
}

impl<W: Write> WxrWriter<W> {
    /// Writes the XML declaration, `<rss>`, and the channel header (link,
    /// description, the title and language when the options give them, WXR
    /// version, site URLs, the author, the category).
    pub fn begin(out: W, options: Options) -> io::Result<Self> {
        let mut wxr = WxrWriter {
            xml: Writer::new(out),
            options,
            next_id: 1,
            slugs: HashSet::new(),
        };
        let xml = &mut wxr.xml;
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        raw(
            xml,
            "\n<!-- A WordPress eXtended RSS (WXR) file: import it in WordPress with Tools → Import → WordPress. -->\n",
        )?;
        let mut rss = BytesStart::new("rss");
        rss.push_attribute(("version", "2.0"));
        for ns in NAMESPACES {
            rss.push_attribute(ns);
        }
        xml.write_event(Event::Start(rss))?;
        raw(xml, "\n<channel>")?;
        let o = &wxr.options;
        if let Some(title) = &o.site_title {
            text_el(xml, 1, "title", title)?;
        }
        text_el(xml, 1, "link", &o.site_url)?;
        text_el(xml, 1, "description", &o.site_description)?;
        if let Some(language) = &o.language {
            text_el(xml, 1, "language", language)?;
        }
        text_el(xml, 1, "wp:wxr_version", WXR_VERSION)?;
        text_el(xml, 1, "wp:base_site_url", &o.site_url)?;
        text_el(xml, 1, "wp:base_blog_url", &o.site_url)?;
        // on one line: the regex parser reads `wp:author` only so
        raw(xml, "\n\t<wp:author>")?;
        text_el(xml, 0, "wp:author_id", "1")?;
        cdata_el(xml, 0, "wp:author_login", &o.author_login)?;
        cdata_el(xml, 0, "wp:author_email", "")?;
        cdata_el(xml, 0, "wp:author_display_name", &o.author_display_name)?;
        cdata_el(xml, 0, "wp:author_first_name", "")?;
        cdata_el(xml, 0, "wp:author_last_name", "")?;
        raw(xml, "</wp:author>")?;
        if let Some(category) = &o.category {
            raw(xml, "\n\t<wp:category>")?;
            text_el(xml, 0, "wp:term_id", "1")?;
            cdata_el(xml, 0, "wp:category_nicename", &cms::slug(category))?;
            cdata_el(xml, 0, "wp:category_parent", "")?;
            cdata_el(xml, 0, "wp:cat_name", category)?;
            raw(xml, "</wp:category>")?;
        }
        text_el(xml, 1, "generator", "interview-kit")?;
        Ok(wxr)
    }

    /// Writes `interview` as the next post, its slug made from the title
    /// alone (see [`item_at`](Self::item_at) for the posts of a batch).
    ///
    /// Fails with [`io::ErrorKind::InvalidData`] when a text of the model
    /// holds a character XML 1.0 cannot represent (see [`check`]); nothing
    /// of the post is written then.
    pub fn item(&mut self, interview: &Interview) -> io::Result<()> {
        self.item_at(interview, None)
    }

    /// Writes `interview`, read from the input at `path`, as the next
    /// post: its slug is the title's, then `-` and a short hash of `path`
    /// (the input's path relative to its directory or archive), the same
    /// on every run; a slug an earlier post of this file has is followed by
    /// `-2`, `-3` …, so that no two posts share a URL.
    pub fn item_at(&mut self, interview: &Interview, path: Option<&Path>) -> io::Result<()> {
        check(interview)?;
        let id = self.next_id;
        self.next_id += 1;
        let title = cms::title(interview, path);
        let slug = unique(&mut self.slugs, cms::page_slug(&title, path));
        let o = &self.options;
        let xml = &mut self.xml;
        let date = interview
            .date
            .as_deref()
            .and_then(IsoDate::parse)
            .filter(IsoDate::storable);
        raw(xml, "\n\t<item>")?;
        cdata_el(xml, 2, "title", &title)?;
        text_el(xml, 2, "link", &post_url(&o.site_url, &slug))?;
        let pub_date = date
            .as_ref()
            .map_or(NO_PUB_DATE.into(), IsoDate::rfc822_utc);
        text_el(xml, 2, "pubDate", &pub_date)?;
        cdata_el(xml, 2, "dc:creator", &o.author_login)?;
        // unique per interview, so that the streaming importer (which tells
        // posts apart by guid) keeps every post, and stable, so that it
        // skips a post imported before
        let mut guid = BytesStart::new("guid");
        guid.push_attribute(("isPermaLink", "false"));
        indent(xml, 2)?;
        xml.write_event(Event::Start(guid))?;
        let guid = format!("{}?interview={:032x}", o.site_url, fingerprint(interview));
        xml.write_event(Event::Text(BytesText::new(&xml_safe(&guid))))?;
        xml.write_event(Event::End(BytesEnd::new("guid")))?;
        // written block by block, never whole: its text is HTML-escaped,
        // so it holds no `]]>` and is one CDATA section (as `cdata` makes
        // it), and no character `xml_safe` would change (`check` refused
        // them, `html_text` made line ends LF)
        indent(xml, 2)?;
        xml.write_event(Event::Start(BytesStart::new("content:encoded")))?;
        raw(xml, "<![CDATA[")?;
        content_into(interview, xml.get_mut())?;
        raw(xml, "]]>")?;
        xml.write_event(Event::End(BytesEnd::new("content:encoded")))?;
        cdata_el(
            xml,
            2,
            "excerpt:encoded",
            cms::excerpt(interview).unwrap_or(""),
        )?;
        text_el(xml, 2, "wp:post_id", &id.to_string())?;
        let (local, utc) = date.as_ref().map_or((NO_DATE.into(), NO_DATE.into()), |d| {
            (
                d.mysql_local(),
                d.mysql_utc().unwrap_or_else(|| NO_DATE.into()),
            )
        });
        cdata_el(xml, 2, "wp:post_date", &local)?;
        cdata_el(xml, 2, "wp:post_date_gmt", &utc)?;
        cdata_el(xml, 2, "wp:comment_status", "")?;
        cdata_el(xml, 2, "wp:ping_status", "")?;
        cdata_el(xml, 2, "wp:post_name", &slug)?;
        cdata_el(xml, 2, "wp:status", o.status.as_str())?;
        text_el(xml, 2, "wp:post_parent", "0")?;
        text_el(xml, 2, "wp:menu_order", "0")?;
        cdata_el(xml, 2, "wp:post_type", "post")?;
        cdata_el(xml, 2, "wp:post_password", "")?;
        text_el(xml, 2, "wp:is_sticky", "0")?;
        if let Some(category) = &o.category {
            term(xml, "category", category)?;
        }
        if let Some(speaker) = &interview.speaker {
            term(xml, "post_tag", &speaker.name)?;
        }
        if let Some(organization) = interview
            .role
            .as_ref()
            .and_then(|r| r.organization.as_ref())
        {
            term(xml, "post_tag", organization)?;
        }
        for field in cms::metadata(interview) {
            let key = match field.group {
                Some(group) => format!("interview_{group}_{}", field.key),
                None => format!("interview_{}", field.key),
            };
            let value = match field.value {
                Value::Text(text) => Cow::Borrowed(text),
                Value::Count(n) => Cow::Owned(n.to_string()),
            };
            raw(xml, "\n\t\t<wp:postmeta>")?;
            cdata_el(xml, 3, "wp:meta_key", &key)?;
            cdata_el(xml, 3, "wp:meta_value", &php_literal(&xml_safe(&value)))?;
            raw(xml, "\n\t\t</wp:postmeta>")?;
        }
        raw(xml, "\n\t</item>")
    }

    /// The underlying writer, e.g. to drain a buffer between items.
    pub fn get_mut(&mut self) -> &mut W {
        self.xml.get_mut()
    }

    /// Closes the channel and the file, and hands back the output.
    pub fn finish(mut self) -> io::Result<W> {
        raw(&mut self.xml, "\n</channel>\n</rss>\n")?;
        let mut out = self.xml.into_inner();
        out.flush()?;
        Ok(out)
    }
}

/// Checks that every text of `interview` can be written: XML 1.0 cannot
/// carry the C0 controls other than tab, line feed and carriage return, nor
/// U+FFFE and U+FFFF, not even as character references. Such a character
/// fails with an [`io::ErrorKind::InvalidData`] error holding an
/// [`Unwritable`] that names the field (its JSON pointer), as `--to xml`
/// refuses it, rather than being replaced.
pub fn check(interview: &Interview) -> io::Result<()> {
    match xml::first_forbidden(interview) {
        Some((pointer, c)) => Err(Unwritable {
            code: Code::ControlCharacter,
            pointer,
            reason: format!(
                "holds U+{:04X}, a character XML 1.0 (and so WXR) cannot represent",
                u32::from(c)
            ),
        }
        .into()),
        None => Ok(()),
    }
}

/// `slug`, or when `seen` has it already `slug-2`, `slug-3` …: the first
/// of them not seen, which is then seen.
fn unique(seen: &mut HashSet<u64>, slug: String) -> String {
    let hash = |s: &str| {
        let mut hasher = DefaultHasher::new();
        s.hash(&mut hasher);
        hasher.finish()
    };
    if seen.insert(hash(&slug)) {
        return slug;
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|candidate| seen.insert(hash(candidate)))
        .unwrap_or(slug)
}

/// The post's address under the site's, as pretty permalinks make it
/// (`https://example.invalid/interview-with-lee-hee-sup-1a2b3c4d/`), the
/// slug's non-ASCII characters percent-encoded as WordPress stores them.
fn post_url(site_url: &str, slug: &str) -> String {
    let mut url = site_url.to_owned();
    if !url.ends_with('/') {
        url.push('/');
    }
    for b in slug.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02x}"));
        }
    }
    if !slug.is_empty() {
        url.push('/');
    }
    url
}

/// A 128-bit FNV-1a hash of the model's JSON: the same interview gives the
/// same number in every run and every version of this program. The JSON is
/// hashed as it is serialised, never held.
fn fingerprint(interview: &Interview) -> u128 {
    let mut hash = Fnv1a128::default();
    // writing to a hash cannot fail, nor can serialising a model
    let _ = serde_json::to_writer(&mut hash, interview);
    hash.0
}

#[cfg(test)]
fn fnv1a_128(bytes: &[u8]) -> u128 {
    let mut hash = Fnv1a128::default();
    hash.write_all(bytes).map_or(0, |()| hash.0)
}

/// The FNV-1a hash of the bytes written to it.
struct Fnv1a128(u128);

impl Default for Fnv1a128 {
    fn default() -> Self {
        Fnv1a128(0x6c62272e07bb014262b821756295c58d)
    }
}

impl Write for Fnv1a128 {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        const PRIME: u128 = 0x0000000001000000000000000000013b;
        self.0 = bytes
            .iter()
            .fold(self.0, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME));
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The post body: block-editor markup, which also renders as plain HTML.
#[cfg(test)]
fn content(interview: &Interview) -> String {
    let mut html = Vec::new();
    content_into(interview, &mut html).expect("a Vec takes every write");
    String::from_utf8(html).expect("the model's text is UTF-8")
}

/// Writes the post body block by block: the blocks are separated by a
/// blank line, and nothing follows the last.
fn content_into(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    let mut block = String::with_capacity(1024);
    let mut first = true;
    let mut put = |block: &mut String| {
        if !std::mem::take(&mut first) {
            out.write_all(b"\n\n")?;
        }
        out.write_all(block.as_bytes())?;
        block.clear();
        Ok::<(), io::Error>(())
    };
    for paragraph in &interview.introduction {
        paragraph_block(&mut block, None, paragraph);
        put(&mut block)?;
    }
    for exchange in &interview.exchanges {
        block.push_str("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">");
        html_text(&mut block, &exchange.question);
        block.push_str("</h2>\n<!-- /wp:heading -->");
        put(&mut block)?;
        for (i, paragraph) in exchange.answer.iter().enumerate() {
            let by = exchange.answered_by.as_deref().filter(|_| i == 0);
            paragraph_block(&mut block, by, paragraph);
            put(&mut block)?;
        }
    }
    Ok(())
}

fn paragraph_block(html: &mut String, by: Option<&str>, text: &str) {
    html.push_str("<!-- wp:paragraph -->\n<p>");
    if let Some(by) = by {
        html.push_str("<strong>");
        html_text(html, by);
        html.push_str(":</strong> ");
    }
    html_text(html, text);
    html.push_str("</p>\n<!-- /wp:paragraph -->");
}

/// `text` as HTML text: `&`, `<`, `>` escaped, line breaks as `<br>`.
fn html_text(html: &mut String, text: &str) {
    for c in cms::normalize_newlines(text).chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '\n' => html.push_str("<br>"),
            c => html.push(c),
        }
    }
}

/// `<category domain="…" nicename="…">` for a term, skipped when the name
/// has nothing to make a slug of (the regex parser needs a nicename).
fn term<W: Write>(xml: &mut Writer<W>, domain: &str, name: &str) -> io::Result<()> {
    let slug = cms::slug(name);
    if slug.is_empty() {
        return Ok(());
    }
    raw(xml, "\n\t\t")?;
    let mut start = BytesStart::new("category");
    start.push_attribute(("domain", domain));
    start.push_attribute(("nicename", slug.as_str()));
    xml.write_event(Event::Start(start))?;
    cdata(xml, name)?;
    xml.write_event(Event::End(BytesEnd::new("category")))
}

/// Writes `text` as is: layout between elements, which quick-xml leaves to
/// the caller.
fn raw<W: Write>(xml: &mut Writer<W>, text: &str) -> io::Result<()> {
    xml.get_mut().write_all(text.as_bytes())
}

fn indent<W: Write>(xml: &mut Writer<W>, depth: usize) -> io::Result<()> {
    if depth > 0 {
        raw(xml, "\n")?;
        raw(xml, &"\t".repeat(depth))?;
    }
    Ok(())
}

/// `<name>text</name>` with `text` escaped.
fn text_el<W: Write>(xml: &mut Writer<W>, depth: usize, name: &str, text: &str) -> io::Result<()> {
    indent(xml, depth)?;
    xml.write_event(Event::Start(BytesStart::new(name)))?;
    xml.write_event(Event::Text(BytesText::new(&xml_safe(text))))?;
    xml.write_event(Event::End(BytesEnd::new(name)))
}

/// `<name><![CDATA[text]]></name>`, as WordPress writes text.
fn cdata_el<W: Write>(xml: &mut Writer<W>, depth: usize, name: &str, text: &str) -> io::Result<()> {
    indent(xml, depth)?;
    xml.write_event(Event::Start(BytesStart::new(name)))?;
    cdata(xml, text)?;
    xml.write_event(Event::End(BytesEnd::new(name)))
}

/// `text` in CDATA sections: one, or several when it holds `]]>`, which no
/// section can (split between `]]` and `>`, as WordPress does).
fn cdata<W: Write>(xml: &mut Writer<W>, text: &str) -> io::Result<()> {
    let text = xml_safe(text);
    for section in BytesCData::escaped(&text) {
        xml.write_event(Event::CData(section))?;
    }
    Ok(())
}

/// `text` with line ends as LF and every character XML 1.0 does not allow
/// (C0 controls but tab and LF, U+FFFE, U+FFFF) as U+FFFD.
fn xml_safe(text: &str) -> Cow<'_, str> {
    let text = cms::normalize_newlines(text);
    let allowed = |c: char| matches!(c, '\t' | '\n' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
    if text.chars().all(allowed) {
        return text;
    }
    Cow::Owned(
        text.chars()
            .map(|c| if allowed(c) { c } else { '\u{fffd}' })
            .collect(),
    )
}

/// A meta value as WordPress's importer will store it. The importer passes
/// every value through `maybe_unserialize`, which turns text such as `b:0;`
/// or `a:1:{…}` into PHP data; such text (a superset of what PHP's
/// `is_serialized` accepts) is written as a serialized string instead,
/// which unserializes to itself.
fn php_literal(value: &str) -> Cow<'_, str> {
    let t = value.trim_matches([' ', '\t', '\n', '\r', '\0', '\u{b}']);
    let b = t.as_bytes();
    let serialized =
        t == "N;" || (b.len() >= 4 && b[1] == b':' && matches!(b[b.len() - 1], b';' | b'}'));
    if serialized {
        Cow::Owned(format!("s:{}:\"{value}\";", value.len()))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(options: Options, interviews: &[Interview]) -> String {
        let mut wxr = WxrWriter::begin(Vec::new(), options).unwrap();
        for i in interviews {
            wxr.item(i).unwrap();
        }
        String::from_utf8(wxr.finish().unwrap()).unwrap()
    }

    fn interview(json: &str) -> Interview {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn cdata_is_split_at_its_terminator_as_wordpress_does() {
        let mut xml = Writer::new(Vec::new());
        cdata(&mut xml, "a]]>b").unwrap();
        assert_eq!(
            String::from_utf8(xml.into_inner()).unwrap(),
            "<![CDATA[a]]]]><![CDATA[>b]]>"
        );
    }

    #[test]
    fn characters_xml_forbids_are_replaced_and_line_ends_normalized() {
        assert_eq!(
            xml_safe("a\u{7}b\r\nc\rd\u{ffff}"),
            "a\u{fffd}b\nc\nd\u{fffd}"
        );
        assert!(matches!(xml_safe("plain 李\t\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn values_php_would_unserialize_are_written_as_serialized_strings() {
        assert_eq!(php_literal("b:0;"), "s:4:\"b:0;\";");
        assert_eq!(php_literal(" N; "), "s:4:\" N; \";");
        assert_eq!(php_literal("a:1:{李}"), "s:9:\"a:1:{李}\";");
        assert_eq!(php_literal("427"), "427");
        assert_eq!(
            php_literal("Secretary-General: TCS;"),
            "Secretary-General: TCS;"
        );
    }

    #[test]
    fn many_interviews_make_one_channel_with_numbered_items() {
        let a = interview(
            r#"{"speaker": {"name": "A"}, "date": "2024-05-12", "exchanges": [{"question": "q", "answer": ["a"]}]}"#,
        );
        let b = interview(
            r#"{"speaker": {"name": "B"}, "date": "12 May", "exchanges": [{"question": "q", "answer": ["a"]}], "read_count": 7}"#,
        );
        let out = render(Options::default(), &[a, b]);
        assert_eq!(out.matches("<channel>").count(), 1);
        assert_eq!(out.matches("\n\t<item>").count(), 2);
        assert!(out.contains("<wp:post_id>1</wp:post_id>"));
        assert!(out.contains("<wp:post_id>2</wp:post_id>"));
        assert!(out.contains("<wp:post_date><![CDATA[2024-05-12 00:00:00]]></wp:post_date>"));
        assert!(out.contains("<pubDate>Sun, 12 May 2024 00:00:00 +0000</pubDate>"));
        assert!(out.contains("<wp:post_date><![CDATA[0000-00-00 00:00:00]]></wp:post_date>"));
        assert!(out.contains("<wp:meta_key><![CDATA[interview_read_count]]></wp:meta_key>"));
        assert!(out.contains("<wp:meta_value><![CDATA[12 May]]></wp:meta_value>"));
        assert!(out.ends_with("\t</item>\n</channel>\n</rss>\n"));
        let author = out.lines().find(|l| l.contains("<wp:author>")).unwrap();
        assert!(author.contains("</wp:author>"), "{author}");
    }

    #[test]
    fn guids_tell_interviews_apart_and_stay_the_same() {
        let a = interview(
            r#"{"speaker": {"name": "A"}, "exchanges": [{"question": "q", "answer": ["a"]}]}"#,
        );
        let mut b = a.clone();
        b.exchanges[0].answer[0].push('!');
        assert_ne!(fingerprint(&a), fingerprint(&b));
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        // the published FNV-1a test vector: a change of hash would make
        // re-imports duplicate posts
        assert_eq!(fnv1a_128(b"a"), 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn options_set_status_author_and_category() {
        let i = interview(
            r#"{"speaker": {"name": "A"}, "exchanges": [{"question": "q", "answer": ["a"]}]}"#,
        );
        let out = render(
            Options {
                status: Status::Publish,
                author_login: "archive".into(),
                category: None,
                ..Options::default()
            },
            &[i],
        );
        assert!(out.contains("<wp:status><![CDATA[publish]]></wp:status>"));
        assert!(out.contains("<dc:creator><![CDATA[archive]]></dc:creator>"));
        assert!(!out.contains("domain=\"category\""));
        assert!(!out.contains("<wp:category>"));
    }

    #[test]
    fn the_body_is_one_cdata_section_whatever_its_text() {
        let i = interview(
            r#"{"speaker": {"name": "A"}, "exchanges": [{"question": "a]]>b", "answer": ["]]>", "x"]}]}"#,
        );
        let out = render(Options::default(), &[i]);
        let body = out
            .split("<content:encoded>")
            .nth(1)
            .and_then(|rest| rest.split("</content:encoded>").next())
            .unwrap();
        assert_eq!(body.matches("<![CDATA[").count(), 1, "{body}");
        assert_eq!(body.matches("]]>").count(), 1, "{body}");
        assert!(body.contains("a]]&gt;b"), "{body}");
    }

    #[test]
    fn content_is_block_markup_with_escaped_text() {
        let i = interview(
            r#"{"speaker": {"name": "A"}, "introduction": ["Intro"], "exchanges": [{"question": "Q <b>?", "answer": ["x & y\nz", "w"], "answered_by": "BROWN"}]}"#,
        );
        assert_eq!(
            content(&i),
            "<!-- wp:paragraph -->\n<p>Intro</p>\n<!-- /wp:paragraph -->\n\n\
             <!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Q &lt;b&gt;?</h2>\n<!-- /wp:heading -->\n\n\
             <!-- wp:paragraph -->\n<p><strong>BROWN:</strong> x &amp; y<br>z</p>\n<!-- /wp:paragraph -->\n\n\
             <!-- wp:paragraph -->\n<p>w</p>\n<!-- /wp:paragraph -->"
        );
    }
}
