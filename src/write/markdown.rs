//! Model → Markdown with YAML front matter, for static-site generators
//! (Hugo, Jekyll, Astro, Eleventy …).
//!
//! The front matter holds what the generators know by name at the top
//! level, and everything else under `params` (Hugo's block for custom page
//! parameters; Jekyll and Astro see it as `page.params` /
//! `frontmatter.params`):
//!
//! ```yaml
//! title: "Interview with LEE Hee-sup"   # the headline, else "Interview with NAME", else "Interview (DATE)"
//! date: 2024-05-12                      # only when the model's date is ISO 8601
//! slug: "interview-with-lee-hee-sup-a95f70f4" # the title's, then a hash of the input's path
//! description: "…"                      # the first introduction paragraph, if any
//! params:                               # the model's metadata, JSON field names
//!   date_text: "2024年5月12日"          # the date as written
//!   speaker: {name, family_name, given_name, label}
//!   role: {text, title, organization, abbreviation}
//!   interviewer: {…}
//!   headline, byline, read_count, read_count_precision, read_count_text,
//!   language, encoding
//! ```
//!
//! The YAML is written by hand: every string is double-quoted with YAML's
//! escapes, so no value can turn into a number, a boolean, a date, an alias
//! or a comment in any YAML 1.1 or 1.2 parser.
//!
//! The body holds the introduction as paragraphs, then each question as a
//! level-2 heading and each answer paragraph as a paragraph (with `**NAME:**`
//! before a panel answer). All text is escaped so that neither CommonMark,
//! nor the extensions generators turn on (GFM tables, strikethrough and
//! footnotes, definition lists, heading attributes, smart punctuation), nor
//! Hugo shortcodes or Liquid tags reinterpret it: the rendered text is the
//! model's text, character for character. Only escapes kramdown (Jekyll)
//! knows too are used; other characters are character references. Two exceptions: CR LF and CR
//! become LF (in the front matter too), and U+0000 in the body becomes
//! U+FFFD, as CommonMark requires.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use super::cms::{self, Field, IsoDate, Value};
use crate::model::Interview;

/// Writes `interview` as Markdown with YAML front matter, its slug made
/// from the title alone (see [`write_at`] for pages of a batch).
pub fn write(interview: &Interview, out: &mut impl Write) -> io::Result<()> {
    write_at(interview, None, out)
}

/// Writes `interview` as Markdown with YAML front matter, for the input at
/// `path` (relative to the directory or archive it was found in, or the
/// file's own name): the slug is the title's, then `-` and a short hash of
/// `path`, so that two pages of one batch never share a URL (two interviews
/// of one person without a headline have one title) and a page keeps its
/// URL from run to run.
pub fn write_at(
    interview: &Interview,
    path: Option<&Path>,
    out: &mut impl Write,
) -> io::Result<()> {
    // written a part at a time (the front matter, a paragraph, an
    // exchange), never the whole page
    let mut out = io::BufWriter::with_capacity(64 << 10, out);
    let mut doc = String::with_capacity(8192);
    let mut put = |doc: &mut String| {
        out.write_all(doc.as_bytes())?;
        doc.clear();
        Ok::<(), io::Error>(())
    };
    front_matter(interview, path, &mut doc);
    put(&mut doc)?;
    for paragraph in &interview.introduction {
        doc.push('\n');
        block(&mut doc, paragraph, Context::Paragraph);
        put(&mut doc)?;
    }
    for exchange in &interview.exchanges {
        doc.push('\n');
        question(&mut doc, &exchange.question);
        for (i, paragraph) in exchange.answer.iter().enumerate() {
            doc.push('\n');
            match (&exchange.answered_by, i) {
                (Some(by), 0) => {
                    doc.push_str("**");
                    inline(&mut doc, &format!("{by}:"), Context::Strong);
                    doc.push_str("** ");
                    inline(&mut doc, paragraph, Context::Inline);
                    doc.push('\n');
                }
                _ => block(&mut doc, paragraph, Context::Paragraph),
            }
        }
        put(&mut doc)?;
    }
    out.flush()
}

// ---------------------------------------------------------------------------
// Front matter

fn front_matter(interview: &Interview, path: Option<&Path>, doc: &mut String) {
    doc.push_str("---\n");
    let title = cms::title(interview, path);
    scalar(doc, 0, "title", &title);
    if let Some(date) = interview.date.as_deref().and_then(IsoDate::parse) {
        // plain, so that YAML 1.1 readers (Jekyll, Astro) see a timestamp;
        // RFC 3339 text has no character YAML would read otherwise
        let _ = writeln!(doc, "date: {}", date.rfc3339());
    }
    let slug = cms::page_slug(&title, path);
    if !slug.is_empty() {
        scalar(doc, 0, "slug", &slug);
    }
    if let Some(excerpt) = cms::excerpt(interview) {
        scalar(doc, 0, "description", excerpt);
    }
    doc.push_str("params:\n");
    let mut group = None;
    for Field {
        group: g,
        key,
        value,
    } in cms::metadata(interview)
    {
        if g != group {
            if let Some(name) = g {
                let _ = writeln!(doc, "  {name}:");
            }
            group = g;
        }
        let indent = if g.is_some() { 2 } else { 1 };
        match value {
            Value::Text(text) => scalar(doc, indent, key, text),
            Value::Count(n) => {
                let _ = writeln!(doc, "{}{key}: {n}", "  ".repeat(indent));
            }
        }
    }
    doc.push_str("---\n");
}

/// `key: "value"` at `depth` levels of two-space indent.
fn scalar(doc: &mut String, depth: usize, key: &str, value: &str) {
    let _ = write!(doc, "{}{key}: ", "  ".repeat(depth));
    quoted(doc, value);
    doc.push('\n');
}

/// A YAML double-quoted scalar, line ends as LF. Only `\\`, `\"` and the
/// escapes every YAML parser knows (`\n`, `\t`, `\uXXXX`) are used; every
/// character YAML does not allow raw (C0 and C1 controls, DEL, U+FEFF,
/// U+FFFE, U+FFFF) and every line separator (U+2028, U+2029) is escaped.
fn quoted(doc: &mut String, value: &str) {
    doc.push('"');
    for c in cms::normalize_newlines(value).chars() {
        match c {
            '"' => doc.push_str("\\\""),
            '\\' => doc.push_str("\\\\"),
            '\n' => doc.push_str("\\n"),
            '\t' => doc.push_str("\\t"),
            c if c < ' '
                || ('\u{7f}'..='\u{9f}').contains(&c)
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let _ = write!(doc, "\\u{:04X}", c as u32);
            }
            c => doc.push(c),
        }
    }
    doc.push('"');
}

// ---------------------------------------------------------------------------
// Body

/// Where escaped text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// A paragraph of its own: its first line starts a line.
    Paragraph,
    /// Text after other inline content on the same line.
    Inline,
    /// The content of an ATX heading (`## …`), which is one line.
    Heading,
    /// Inside `**…**`, where the first and last characters decide whether
    /// the delimiters count.
    Strong,
}

/// A question as a level-2 ATX heading (`## …`), its line breaks as
/// `&#10;`: a setext heading (lines, then `---`) could hold hard breaks, but
/// kramdown (Jekyll) reads only one-line setext headings, and makes the
/// others a paragraph.
fn question(doc: &mut String, text: &str) {
    doc.push_str("## ");
    block(doc, text, Context::Heading);
}

/// Writes `text` and a final newline.
fn block(doc: &mut String, text: &str, context: Context) {
    inline(doc, text, context);
    doc.push('\n');
}

/// Writes `text` escaped for `context`. A line break becomes a hard break
/// (two spaces at the end of the line, which CommonMark and kramdown both
/// read so; a final `\\` is a hard break to CommonMark only) between two
/// non-empty lines; any other line break (leading, trailing, or one of
/// several in a row, or any in a heading) cannot be a hard break and
/// becomes the character reference `&#10;`.
fn inline(doc: &mut String, text: &str, context: Context) {
    let text = cms::normalize_newlines(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut starts_line = context == Context::Paragraph;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            if context != Context::Heading && !lines[i - 1].is_empty() && !line.is_empty() {
                doc.push_str("  \n");
                starts_line = true;
            } else {
                doc.push_str("&#10;");
                starts_line = false;
            }
        }
        escape_line(doc, line, starts_line, context);
    }
}

/// White space that Markdown parsers strip at the start or end of a line:
/// CommonMark's spaces and tabs, and the form feed and line tabulation that
/// some parsers (goldmark) strip too.
fn strippable(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{b}' | '\u{c}')
}

/// Characters that both CommonMark and kramdown (Jekyll's parser) read as
/// themselves after a backslash. CommonMark takes any ASCII punctuation so;
/// kramdown only these, and shows the backslash of any other (`\%`, `\^`).
fn escapable(c: char) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '*'
            | '_'
            | '+'
            | '-'
            | '`'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '!'
            | ':'
            | '|'
            | '"'
            | '\''
            | '$'
            | '='
            | '<'
            | '>'
    )
}

/// Characters escaped wherever they are: each can open or close inline
/// markup in CommonMark or a common extension (`\`, `` ` ``, `*`, `_`, `[`,
/// `]`, `<`, `>`, `|`, `$`), start a Hugo shortcode, Liquid tag or
/// attribute list (`{`), or be curled by smart punctuation (`"`, `'`). All
/// are [`escapable`].
fn always_escaped(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '$' | '{' | '"' | '\''
    )
}

/// Characters that open markup in an extension but that kramdown cannot
/// escape (`~` strikethrough, subscript and fences; `^` superscript,
/// footnotes and kramdown's end-of-block marker): written as numeric
/// character references, which every Markdown parser reads as the
/// character and none as markup.
fn referenced(c: char) -> bool {
    matches!(c, '~' | '^')
}

/// Escapes one line (no line breaks in it). `starts_line`: the line starts
/// a line of the document, where block syntax (`#`, `-`, `1.`, `>`, `:` …)
/// would apply.
fn escape_line(doc: &mut String, line: &str, starts_line: bool, context: Context) {
    // white space at either end would be stripped: keep it as references;
    // in `**…**` any Unicode white space there would stop the delimiters
    let edge = |c: char| {
        if context == Context::Strong {
            c.is_whitespace()
        } else {
            strippable(c)
        }
    };
    let start = line.find(|c: char| !edge(c)).unwrap_or(line.len());
    let end = line.rfind(|c: char| !edge(c)).map_or(start, |i| {
        i + line[i..].chars().next().map_or(0, char::len_utf8)
    });
    for c in line[..start].chars() {
        let _ = write!(doc, "&#{};", c as u32);
    }
    let body = &line[start..end];
    // a digit run then `.` or `)` at the start of a line is a list marker
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let list_marker =
        (starts_line && digits > 0 && matches!(body.as_bytes().get(digits), Some(b'.' | b')')))
            .then_some(digits);
    let is_heading = context == Context::Heading;
    let mut prev = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let escape = always_escaped(c)
            || (i == 0 && starts_line && escapable(c))
            || list_marker == Some(i)
            || (c == '#' && is_heading)
            // smart punctuation (`--`, `...`) and extensions (`==`, `++`)
            || (matches!(c, '-' | '.' | '=' | '+') && next == Some(c));
        if c == '\0' {
            doc.push('\u{fffd}');
        } else if c == '\\' && next.is_none() && end == line.len() {
            // goldmark (Hugo) takes `\\\` before a line break for an escaped
            // `\` and a literal one, not `\\` and a hard break
            doc.push_str("&#92;");
        } else if c == '}' && next.is_none() && end == line.len() && is_heading {
            // `{…}` closing a heading is an attribute list in Hugo and
            // pulldown-cmark, escaped `{` or not; a reference is not `}`
            doc.push_str("&#125;");
        } else if referenced(c) || (c == '%' && prev == Some('{')) {
            // `{%` opens a Liquid tag even with the `{` escaped (Liquid
            // runs before Markdown), and kramdown cannot escape `%`
            let _ = write!(doc, "&#{};", c as u32);
        } else if c == '&' && entity_follows(&body[i + 1..]) {
            doc.push_str("&amp;");
        } else {
            if escape {
                doc.push('\\');
            }
            doc.push(c);
        }
        prev = Some(c);
    }
    for c in line[end..].chars() {
        let _ = write!(doc, "&#{};", c as u32);
    }
}

/// Whether `rest` (what follows a `&`) would make it a character
/// reference: `amp;`, `#123;`, `#x1F;`.
fn entity_follows(rest: &str) -> bool {
    let Some(semi) = rest.find(';') else {
        return false;
    };
    let name = &rest[..semi];
    if let Some(num) = name.strip_prefix('#') {
        let (digits, hex) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, true),
            None => (num, false),
        };
        !digits.is_empty()
            && digits.len() <= 7
            && digits.chars().all(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
    } else {
        name.len() <= 32
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name.chars().all(|c| c.is_ascii_alphanumeric())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, context: Context) -> String {
        let mut doc = String::new();
        inline(&mut doc, text, context);
        doc
    }

    #[test]
    fn block_syntax_at_the_start_of_a_line_is_escaped() {
        for (text, md) in [
            ("# not a heading", r"\# not a heading"),
            ("- not a list", r"\- not a list"),
            ("+ not a list", r"\+ not a list"),
            ("1986. A year", r"1986\. A year"),
            ("2) second", r"2\) second"),
            ("> not a quote", r"\> not a quote"),
            (": not a definition", r"\: not a definition"),
            ("=== not a heading", r"\=\== not a heading"),
            ("    not code", "&#32;&#32;&#32;&#32;not code"),
            ("trailing  ", "trailing&#32;&#32;"),
        ] {
            assert_eq!(escaped(text, Context::Paragraph), md, "{text}");
        }
        assert_eq!(escaped("1986. A year", Context::Inline), "1986. A year");
    }

    #[test]
    fn inline_markup_and_smart_punctuation_are_escaped() {
        for (text, md) in [
            ("a *b* _c_ `d`", r"a \*b\* \_c\_ \`d\`"),
            ("[link](x) <b>html</b>", r"\[link\](x) \<b\>html\</b\>"),
            (
                "it's \"quoted\" -- so...",
                r#"it\'s \"quoted\" \-- so\.\.."#,
            ),
            (
                "{{< shortcode >}} {% tag %}",
                r"\{\{\< shortcode \>}} \{&#37; tag %}",
            ),
            ("&amp; &#42; R&D &", "&amp;amp; &amp;#42; R&D &"),
            (
                "a | b ~~c~~ $5 ^x 50%",
                r"a \| b &#126;&#126;c&#126;&#126; \$5 &#94;x 50%",
            ),
            ("CJK 李熙燮：“共享”", "CJK 李熙燮：“共享”"),
        ] {
            assert_eq!(escaped(text, Context::Inline), md, "{text}");
        }
    }

    #[test]
    fn line_breaks_become_hard_breaks_or_references() {
        assert_eq!(escaped("a\nb", Context::Paragraph), "a  \nb");
        assert_eq!(escaped("a\r\n- b", Context::Paragraph), "a  \n\\- b");
        assert_eq!(escaped("a\n\nb", Context::Paragraph), "a&#10;&#10;b");
        assert_eq!(escaped("\na\n", Context::Paragraph), "&#10;a&#10;");
        // goldmark misreads `\\\` + newline: a final backslash is a reference
        assert_eq!(escaped("a\\\nb\\", Context::Paragraph), "a&#92;  \nb&#92;");
    }

    #[test]
    fn headings_escape_every_hash() {
        let mut doc = String::new();
        question(&mut doc, "Why #1? #");
        assert_eq!(doc, "## Why \\#1? \\#\n");
        // an attribute list closing a heading, escaped `{` or not
        let mut doc = String::new();
        question(&mut doc, "Why {.cls}");
        assert_eq!(doc, "## Why \\{.cls&#125;\n");
        let mut doc = String::new();
        question(&mut doc, "Two\nlines\r\n- three");
        assert_eq!(doc, "## Two&#10;lines&#10;- three\n");
    }

    /// kramdown (Jekyll) shows the backslash of an escape it does not know
    /// (`\%`, `\^`), and Liquid runs on the text before any Markdown
    /// parser: every backslash written must be one kramdown knows, and no
    /// `{%` or `{{` may be left for Liquid.
    #[test]
    fn escapes_are_ones_kramdown_knows_and_liquid_stays_text() {
        let punctuation: Vec<char> = (' '..='~').filter(char::is_ascii_punctuation).collect();
        let mut texts: Vec<String> = Vec::new();
        for &c in &punctuation {
            for &d in &punctuation {
                texts.push(format!("{c}{d} x{c}{d}{c} {c}"));
            }
        }
        texts.extend([
            "Type {% raw %} or x^2 {{ page.title }} ~~s~~ 50%".into(),
            "a\\\nb\n\\c\n\n{\n%".into(),
        ]);
        for text in &texts {
            for context in [
                Context::Paragraph,
                Context::Inline,
                Context::Heading,
                Context::Strong,
            ] {
                let md = escaped(text, context);
                let mut chars = md.chars();
                while let Some(c) = chars.next() {
                    if c == '\\' {
                        let next = chars.next();
                        assert!(
                            next.is_some_and(escapable),
                            "{text:?} as {md:?}: `\\{next:?}`"
                        );
                    }
                }
                assert!(
                    !md.contains("{%") && !md.contains("{{"),
                    "{text:?} as {md:?}"
                );
            }
        }
    }

    #[test]
    fn yaml_scalars_are_always_double_quoted_and_escaped() {
        let mut doc = String::new();
        quoted(&mut doc, "a: \"b\" # c\\\n\t\u{7}\u{85}\u{2028}- & ! 李");
        assert_eq!(doc, r#""a: \"b\" # c\\\n\t\u0007\u0085\u2028- & ! 李""#);
    }
}
