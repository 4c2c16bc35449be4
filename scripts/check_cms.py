#!/usr/bin/env python3
"""Check interview-kit's CMS outputs with the consumers they are made for.

Markdown (`--to markdown`): a Hugo site is built from the converted seed,
the adversarial fixture and generated models full of Markdown, YAML, HTML
and template syntax; each rendered page must hold the title and every
paragraph, question and answer as the model has it, character for
character, and Hugo's reading of the front matter (and PyYAML's, a YAML 1.1
parser) must give the model's metadata.

WXR (`--to wxr`): each file is parsed with an XML parser (expat, through
ElementTree) and checked the way WordPress's importer reads it
(wordpress-importer's WXR parsers): the `wp`, `content`, `excerpt` and `dc`
namespaces, `rss/channel/wp:wxr_version`, the `wp:author` block, and per
`item` the title, `dc:creator`, `content:encoded` (parsed as HTML, block
comments balanced, text equal to the model), `excerpt:encoded`,
`wp:post_id`, `wp:post_date`/`wp:post_date_gmt`, `wp:post_name`,
`wp:status`, `wp:post_type`, `category` terms and `wp:postmeta` (as PHP's
`maybe_unserialize` would store each value).

Jekyll's reading of the same Markdown (when Ruby's kramdown and its GFM
parser are installed): no Liquid tag left in any body, and kramdown, as
Jekyll configures it, renders every block exactly.

Every fourth generated model has no speaker: its title names no one
("Interview (DATE)", else the input's file stem) and it has no speaker tag.

Slugs: one person's interviews without a headline (one title) make as many
Hugo pages as there are files, with the same slugs on a second run, and as
many post names and links in one WXR file.

Run from the repository root with `interview` and `hugo` on PATH. Prints
`N passed, M failed` and exits non-zero on any failure.
"""
import html
import html.parser
import io
import json
import pathlib
import random
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import yaml

from tally import check, finish

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "000_733c960163716fd3.txt"
ADVERSARIAL = ROOT / "fixtures" / "cms" / "adversarial.json"
GENERATED = 40



# ---------------------------------------------------------------------------
# Models

PIECES = [
    "# ", "## ", "- ", "+ ", "* ", "1. ", "2) ", "> ", ": ", "---", "===", "```", "~~~", "    ",
    "\t", "<div>", "</p>", "<!--", "-->", "&amp;", "&#42;", "&copy;", "&", "{{< x >}}",
    "{{% y %}}", "{% z %}", "{{ w }}", "[^1]", "[a](b)", "![i](j)", "<http://x.y>", "www.x.com",
    "$x$", "$$", "| a | b |", "--", "...", "\\", "  \n", "\\\n", "{#id}", "{.cls}", "\u2028",
    "\r\n", "\n", "'", '"', "==x==", "^x^", "~x~", "[[w]]", "***", "___", "]]>", "<![CDATA[",
    "b:0;", 's:1:"', "N;", "a:", "key: value", "- [ ] task", "`code`", "<<", ">>", "\u3000",
    "\u00a0", "@", "%", ";", "yes", "null", "~", "&x", "!", "*", "#", ":smile:", "<!--more-->",
    "“", "”", "‘", "’", "…", "—", "李熙燮", "中国网", "인터뷰", "インタビュー",
]
WORDS = ["alpha", "Beta", "gamma", "2024", "x", "TCS", "ASEAN+3", "e.g.", "IPRs"]


def nasty(rng):
    parts = []
    for _ in range(rng.randint(1, 8)):
        parts.append(rng.choice(PIECES) if rng.random() < 0.6 else rng.choice(WORDS))
        if rng.random() < 0.3:
            parts.append(" ")
    text = "".join(parts)
    return text if text.strip() else text + "x"


def generated_model(rng, n):
    def maybe(value):
        return value if rng.random() < 0.5 else None

    model = {
        "headline": maybe(f"Headline {n} {nasty(rng)}"),
        "date": rng.choice([None, "2024-05-12", "2023-01-31T23:30:00-05:00", nasty(rng)]),
        "byline": maybe(nasty(rng)),
        "speaker": {"name": f"Speaker {n} {nasty(rng)}", "label": maybe(nasty(rng))},
        "role": maybe({"text": nasty(rng), "title": maybe(nasty(rng))}),
        "interviewer": maybe({"name": nasty(rng)}),
        "introduction": [nasty(rng) for _ in range(rng.randint(0, 2))],
        "exchanges": [
            {
                "question": nasty(rng),
                "answer": [nasty(rng) for _ in range(rng.randint(1, 3))],
                "answered_by": maybe(nasty(rng)),
            }
            for _ in range(rng.randint(1, 3))
        ],
        "read_count": maybe(rng.randint(0, 10**9)),
        "language": rng.choice(["en", "zh", "ja", "ko"]),
    }
    if model["read_count"] is not None:
        model["read_count_precision"] = rng.choice(["exact", "rounded", "at_least"])
        model["read_count_text"] = nasty(rng)
    return prune(model)


def prune(value):
    """Drops absent (None) and empty optional values, as the model does."""
    if isinstance(value, dict):
        return {k: prune(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def cms_text(text):
    """The text every CMS output must give back: line ends as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title(model, source):
    return cms_text(raw_title(model, pathlib.Path(source).stem))


def raw_title(model, stem):
    """The headline, else "Interview with NAME", else (no speaker) no name
    at all: "Interview" and the date as written, else the input's stem."""
    if "headline" in model:
        return model["headline"]
    language = model.get("language", "").split("-")[0]
    if "speaker" not in model:
        word = {"zh": "访谈", "ja": "インタビュー", "ko": "인터뷰"}.get(language, "Interview")
        which = model.get("date", stem)
        return f"{word}（{which}）" if language in ("zh", "ja") else f"{word} ({which})"
    name = model["speaker"]["name"]
    return {
        "zh": f"{name}访谈",
        "ja": f"{name}インタビュー",
        "ko": f"{name} 인터뷰",
    }.get(language, f"Interview with {name}")


def expected_blocks(model):
    """(kind, text) for each block of the body, in order."""
    blocks = [("p", cms_text(p)) for p in model.get("introduction", [])]
    for exchange in model["exchanges"]:
        blocks.append(("h2", cms_text(exchange["question"])))
        for i, paragraph in enumerate(exchange["answer"]):
            text = cms_text(paragraph)
            if i == 0 and "answered_by" in exchange:
                text = f"[{cms_text(exchange['answered_by'])}:] {text}"
            blocks.append(("p", text))
    return blocks


def metadata(model):
    """The model's metadata as (path, value) pairs, as the CMS writers lay
    it out (`date_text` for the date as written), line ends as LF."""
    out = []
    for key in ["headline", "byline", "read_count", "read_count_precision",
                "read_count_text", "language", "encoding"]:
        out.append(((key,), model.get(key)))
    out.append((("date_text",), model.get("date")))
    for group, keys in [
        ("speaker", ["name", "family_name", "given_name", "label"]),
        ("interviewer", ["name", "family_name", "given_name", "label"]),
        ("role", ["text", "title", "organization", "abbreviation"]),
    ]:
        for key in keys:
            out.append(((group, key), model.get(group, {}).get(key)))
    return [(path, cms_text(v) if isinstance(v, str) else v) for path, v in out]


# ---------------------------------------------------------------------------
# HTML text


class Blocks(html.parser.HTMLParser):
    """The `<p>` and `<h2>` blocks inside the element with id `root_id` (or
    the whole document), as (kind, text): `<br>` is a line break, `<strong>`
    is bracketed; block-editor comments are collected."""

    def __init__(self, root_id=None):
        super().__init__(convert_charrefs=True)
        self.root_id = root_id
        self.depth = 0 if root_id else 1
        self.blocks = []
        self.current = None
        self.after_br = False
        self.comments = []
        self.title = None
        self.in_title = False
        self.pre = {}
        self.pre_id = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.root_id and attrs.get("id") == self.root_id:
            self.depth = 1
            return
        if tag == "h1" and attrs.get("id") == "page-title":
            self.in_title, self.title = True, ""
        if tag == "pre" and "id" in attrs:
            self.pre_id = attrs["id"]
            self.pre[self.pre_id] = ""
        if not self.depth:
            return
        if tag in ("p", "h2"):
            self.current = [tag, ""]
        elif tag == "br" and self.current:
            self.current[1] += "\n"
            self.after_br = True
        elif tag == "strong" and self.current:
            self.current[1] += "["
        elif self.current and tag not in ("a",):
            self.current[1] += f"<{tag}>"  # markup that must not be there

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_title = False
        if tag == "pre":
            self.pre_id = None
        if not self.depth:
            return
        if tag == "main" and self.root_id:
            self.depth = 0
        if tag in ("p", "h2") and self.current:
            self.blocks.append(tuple(self.current))
            self.current = None
        elif tag == "strong" and self.current:
            self.current[1] += "]"

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.pre_id:
            self.pre[self.pre_id] += data
        if self.depth and self.current:
            if self.after_br and data.startswith("\n"):
                data = data[1:]  # the renderer's own newline after <br>
            self.current[1] += data
        self.after_br = False

    def handle_comment(self, data):
        self.comments.append(data.strip())


# ---------------------------------------------------------------------------
# Hugo

HUGO_CONFIG = """\
baseURL: "http://example.invalid/"
languageCode: "en"
title: "interview-kit CMS check"
disableKinds: ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
"""

# Hugo's defaults otherwise: goldmark with typographer, linkify, tables,
# strikethrough, footnotes, definition lists, heading attributes.
SINGLE = """\
<!DOCTYPE html>
<html><head><title>{{ .Title }}</title></head>
<body>
<h1 id="page-title">{{ .Title }}</h1>
<pre id="source">{{ .File.BaseFileName }}</pre>
<pre id="params">{{ jsonify .Params }}</pre>
<pre id="date">{{ if not .Date.IsZero }}{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}{{ end }}</pre>
<main id="content">{{ .Content }}</main>
</body></html>
"""


def front_matter(text):
    match = re.match(r"---\n(.*?\n)---\n", text, re.S)
    return match.group(1) if match else None


# The ISO 8601 dates the models use, as Hugo gives them back (a date
# without a time is midnight in the site's zone, UTC); any other date must
# leave the page undated.
HUGO_DATES = {
    "2024-05-12": "2024-05-12T00:00:00Z",
    "2023-01-31T23:30:00-05:00": "2023-01-31T23:30:00-05:00",
    "2024-05-12T09:30:00+08:00": "2024-05-12T09:30:00+08:00",
}


def check_markdown(models, work):
    site = work / "site"
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.yaml").write_text(HUGO_CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    for name, (source, _) in models.items():
        out = subprocess.run(
            ["interview", "convert", str(source), "--to", "markdown", "-o",
             str(site / "content" / f"{name}.md")],
            capture_output=True, check=False)
        check(out.returncode == 0, f"convert {name} to markdown: {out.stderr.decode()}")

    # front matter, read by PyYAML (YAML 1.1, as Jekyll's and Astro's readers)
    for name, (source, model) in models.items():
        path = site / "content" / f"{name}.md"
        if not path.exists():
            continue
        fm = front_matter(path.read_text(encoding="utf-8"))
        if not check(fm is not None, f"{name}.md: no front matter"):
            continue
        try:
            data = yaml.safe_load(fm)
        except yaml.YAMLError as e:
            check(False, f"{name}.md: PyYAML cannot read the front matter: {e}")
            continue
        check(data.get("title") == title(model, source), f"{name}.md: PyYAML title {data.get('title')!r}")
        params = data.get("params", {})
        for path_, want in metadata(model):
            node = params
            for key in path_:
                node = node.get(key) if isinstance(node, dict) else None
            check(node == want, f"{name}.md: PyYAML params.{'.'.join(path_)} = {node!r}, want {want!r}")

    built = subprocess.run(
        ["hugo", "--quiet", "--source", str(site), "--destination", str(work / "public")],
        capture_output=True, check=False)
    if not check(built.returncode == 0, f"hugo build failed: {built.stderr.decode()}"):
        return
    pages = {}
    for page in (work / "public").rglob("index.html"):
        parser = Blocks("content")
        parser.feed(page.read_text(encoding="utf-8"))
        pages[parser.pre.get("source", "").strip()] = parser
    check(len(pages) == len(models), f"hugo rendered {len(pages)} pages for {len(models)} inputs")

    for name, (source, model) in models.items():
        page = pages.get(name)
        if not check(page is not None, f"hugo rendered no page for {name}"):
            continue
        want_title = title(model, source)
        check(page.title == want_title, f"{name}: title {page.title!r} != {want_title!r}")
        want = expected_blocks(model)
        for block in want:
            if block[0] == "p" and block not in page.blocks:
                check(False, f"{name}: rendered page lacks paragraph {block[1]!r}")
        check(page.blocks == want,
              f"{name}: rendered blocks differ:\n  got  {page.blocks!r}\n  want {want!r}")
        # Hugo's own reading of the front matter (Go YAML)
        params = json.loads(page.pre.get("params", "{}"))
        params = params.get("params", params)  # newer Hugo lifts `params`
        for path_, want_value in metadata(model):
            node = params
            for key in path_:
                node = node.get(key) if isinstance(node, dict) else None
            check(node == want_value,
                  f"{name}: hugo params.{'.'.join(path_)} = {node!r}, want {want_value!r}")
        want_date = HUGO_DATES.get(model.get("date"), "")
        got_date = page.pre.get("date", "").strip()
        check(got_date == want_date,
              f"{name}: hugo date {got_date!r} for {model.get('date')!r}, want {want_date!r}")


# Jekyll's Markdown: kramdown with its GFM parser, hard_wrap off (Jekyll's
# defaults); each file's body on stdin, a JSON list of HTML pages out.
KRAMDOWN = """
require "json"; require "kramdown"; require "kramdown-parser-gfm"
bodies = JSON.parse(STDIN.read)
print JSON.generate(bodies.map { |b|
  Kramdown::Document.new(b, input: "GFM", hard_wrap: false).to_html })
"""


def have_kramdown():
    try:
        return subprocess.run(["ruby", "-e", 'require "kramdown"; require "kramdown-parser-gfm"'],
                              capture_output=True, check=False).returncode == 0
    except FileNotFoundError:
        return False


def check_kramdown(models, work):
    """Jekyll runs Liquid on a page, then kramdown: no `{%` or `{{` may be
    left for Liquid, and kramdown must render every block exactly (it
    shows the backslash of an escape it does not know, `\\%` or `\\^`)."""
    if not have_kramdown():
        print("kramdown (ruby-kramdown, ruby-kramdown-parser-gfm) not installed: Jekyll check skipped")
        return
    names, bodies = [], []
    for name in models:
        path = work / "site" / "content" / f"{name}.md"
        if path.exists():
            text = path.read_text(encoding="utf-8")
            body = text[len(front_matter(text) or "") + 8:]
            check("{%" not in body and "{{" not in body, f"{name}.md: Liquid would read a tag")
            names.append(name)
            bodies.append(body)
    out = subprocess.run(["ruby", "-e", KRAMDOWN], input=json.dumps(bodies).encode(),
                         capture_output=True, check=False)
    if not check(out.returncode == 0, f"kramdown failed: {out.stderr.decode()}"):
        return
    for name, page in zip(names, json.loads(out.stdout)):
        blocks = Blocks()
        blocks.feed(page)
        blocks.close()
        want = expected_blocks(models[name][1])
        check(blocks.blocks == want,
              f"{name}: kramdown blocks differ:\n  got  {blocks.blocks!r}\n  want {want!r}")


ONE_PERSON = 12


def check_one_person(work):
    """Interviews of one person without a headline share their title; each
    must still be a page of its own (Hugo builds one page per URL, so two
    files with one slug make one page), and converting the batch again must
    give every page the same slug (its URL). In one WXR file, every post
    must have a post name and a link of its own."""
    inputs = work / "one-person"
    names = [f"{year}/{n:02}.txt" for year in (2023, 2024) for n in range(ONE_PERSON // 2)]
    for name in names:
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SEED, inputs / name)

    slugs = []
    for run in ("first", "second"):
        site = work / f"one-person-{run}"
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "config.yaml").write_text(HUGO_CONFIG, encoding="utf-8")
        (site / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
        out = subprocess.run(
            ["interview", "convert", str(inputs), "--to", "markdown", "-o", str(site / "content")],
            capture_output=True, check=False)
        if not check(out.returncode == 0, f"convert one person's interviews: {out.stderr.decode()}"):
            return
        run_slugs = {}
        for path in sorted((site / "content").rglob("*.md")):
            fm = yaml.safe_load(front_matter(path.read_text(encoding="utf-8")) or "")
            run_slugs[path.relative_to(site / "content").as_posix()] = fm.get("slug")
        slugs.append(run_slugs)
        check(len(set(run_slugs.values())) == len(names),
              f"one person's {len(names)} interviews have {len(set(run_slugs.values()))} slugs")
        built = subprocess.run(
            ["hugo", "--quiet", "--source", str(site), "--destination", str(site / "public")],
            capture_output=True, check=False)
        if not check(built.returncode == 0, f"hugo build failed: {built.stderr.decode()}"):
            return
        pages = list((site / "public").rglob("index.html"))
        check(len(pages) == len(names),
              f"hugo built {len(pages)} pages from one person's {len(names)} interviews")
    check(slugs[0] == slugs[1], f"slugs changed between runs: {slugs[0]} != {slugs[1]}")

    target = work / "one-person.wxr.xml"
    out = subprocess.run(["interview", "convert", str(inputs), "--to", "wxr", "-o", str(target)],
                         capture_output=True, check=False)
    if not check(out.returncode == 0, f"convert one person's interviews to wxr: {out.stderr.decode()}"):
        return
    items = ET.parse(target).getroot().findall("channel/item")
    post_names = {i.findtext("wp:post_name", namespaces=WXR_NS) for i in items}
    links = {i.findtext("link") for i in items}
    check(len(items) == len(names) and len(post_names) == len(links) == len(names),
          f"one WXR file of {len(items)} posts has {len(post_names)} post names, {len(links)} links")
    check(post_names == set(slugs[0].values()), "WXR post names differ from the Markdown slugs")


# ---------------------------------------------------------------------------
# WXR

WXR_NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
}
WP = "{%s}" % WXR_NS["wp"]
DATE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
ITEM_FIELDS = ["post_id", "post_date", "post_date_gmt", "comment_status", "ping_status",
               "post_name", "status", "post_parent", "menu_order", "post_type",
               "post_password", "is_sticky"]


def xml_text(text):
    """What XML can carry of `text`: LF line ends; forbidden characters as
    U+FFFD."""
    return "".join(
        c if c in "\t\n" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"
        else "\ufffd"
        for c in cms_text(text))


def is_serialized(data):
    """WordPress's is_serialized($data, strict = true)."""
    data = data.strip(" \t\n\r\0\x0b")
    if data == "N;":
        return True
    if len(data) < 4 or data[1] != ":" or data[-1] not in ";}":
        return False
    token = data[0]
    if token == "s":
        if data[-2] != '"':
            return False
        return bool(re.match(r"^s:[0-9]+:", data, re.S))
    if token in "aOE":
        return bool(re.match(r"^%s:[0-9]+:" % token, data, re.S))
    if token in "bid":
        return bool(re.match(r"^%s:[0-9.E+-]+;$" % token, data))
    return False


def maybe_unserialize(value):
    """What WordPress stores for a meta value: the text, or for serialized
    data its PHP value (only strings are expected here)."""
    if not is_serialized(value):
        return value
    match = re.fullmatch(r's:(\d+):"(.*)";', value.strip(" \t\n\r\0\x0b"), re.S)
    if match and len(match.group(2).encode("utf-8")) == int(match.group(1)):
        return match.group(2)
    return ("PHP data", value)


def check_wxr(models, work):
    guids = set()  # the streaming importer tells posts apart by guid
    for name, (source, model) in models.items():
        target = work / f"{name}.wxr.xml"
        out = subprocess.run(
            ["interview", "convert", str(source), "--to", "wxr", "-o", str(target)],
            capture_output=True, check=False)
        if not check(out.returncode == 0, f"convert {name} to wxr: {out.stderr.decode()}"):
            continue
        raw = target.read_bytes()
        text = raw.decode("utf-8")
        check("<!DOCTYPE" not in text, f"{name}: a DOCTYPE, which the importer refuses")
        # the regex fallback parser reads these per line
        check(all("</wp:author>" in line for line in text.splitlines() if "<wp:author>" in line),
              f"{name}: wp:author not on one line")
        check(re.search(r"^\s*<wp:wxr_version>\d+\.\d+</wp:wxr_version>\s*$", text, re.M),
              f"{name}: wp:wxr_version not on a line of its own")

        prefixes = {}
        try:
            for _, (prefix, uri) in ET.iterparse(io.BytesIO(raw), events=("start-ns",)):
                prefixes[prefix] = uri
            root = ET.fromstring(raw)
        except ET.ParseError as e:
            check(False, f"{name}: not well-formed XML: {e}")
            continue
        for prefix, uri in WXR_NS.items():
            check(prefixes.get(prefix) == uri, f"{name}: xmlns:{prefix} is {prefixes.get(prefix)!r}")
        check(root.tag == "rss" and root.get("version") == "2.0", f"{name}: root is {root.tag}")
        channel = root.find("channel")
        if not check(channel is not None, f"{name}: no channel"):
            continue
        version = channel.findtext("wp:wxr_version", namespaces=WXR_NS)
        check(version == "1.2", f"{name}: wp:wxr_version {version!r}")
        # the streaming importer would make a channel title the site's name
        check(channel.find("title") is None, f"{name}: channel has a title")
        check(channel.find("link") is not None, f"{name}: channel has no link")
        check(channel.findtext("language") == model.get("language"), f"{name}: channel language")
        authors = [a.findtext("wp:author_login", namespaces=WXR_NS)
                   for a in channel.findall("wp:author", WXR_NS)]
        check(len(authors) == 1 and authors[0], f"{name}: wp:author logins {authors!r}")

        items = channel.findall("item")
        if not check(len(items) == 1, f"{name}: {len(items)} items"):
            continue
        item = items[0]
        field = lambda tag: item.findtext(tag, default=None, namespaces=WXR_NS)
        check(field("title") == xml_text(title(model, source)), f"{name}: item title {field('title')!r}")
        check(field("dc:creator") in authors, f"{name}: dc:creator {field('dc:creator')!r}")
        guid = field("guid") or ""
        check(re.fullmatch(r"https?://\S+", guid) and guid not in guids,
              f"{name}: guid {guid!r} missing, not a URL, or not unique")
        guids.add(guid)
        for f in ITEM_FIELDS:
            check(item.find(f"wp:{f}", WXR_NS) is not None, f"{name}: no wp:{f}")
        check(field("wp:post_id").isdigit() and int(field("wp:post_id")) > 0, f"{name}: wp:post_id")
        for f in ("wp:post_date", "wp:post_date_gmt"):
            check(DATE.fullmatch(field(f) or ""), f"{name}: {f} {field(f)!r}")
        # WordPress's exporter writes both; wordpress-export-to-markdown needs both
        check((field("link") or "").startswith(channel.findtext("link") or "\0"),
              f"{name}: item link {field('link')!r}")
        check(re.fullmatch(r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} (\d{4}|-0001) \d\d:\d\d:\d\d \+0000",
                           field("pubDate") or ""),
              f"{name}: pubDate {field('pubDate')!r}")
        check(field("wp:status") == "draft", f"{name}: wp:status {field('wp:status')!r}")
        check(field("wp:post_type") == "post", f"{name}: wp:post_type {field('wp:post_type')!r}")
        check(bool(field("wp:post_name")) or not any(c.isalnum() for c in title(model, source)),
              f"{name}: empty wp:post_name")
        intro = model.get("introduction", [""])[0] if model.get("introduction") else ""
        check(field("excerpt:encoded") == xml_text(intro), f"{name}: excerpt:encoded")
        # the streaming reader ends a post at its first meta: fields first
        children = [c.tag for c in item]
        first_meta = children.index(WP + "postmeta") if WP + "postmeta" in children else len(children)
        check(all(children.index(WP + f) < first_meta for f in ITEM_FIELDS if WP + f in children),
              f"{name}: item fields after wp:postmeta")
        for term in item.findall("category"):
            check(term.get("domain") in ("category", "post_tag") and term.get("nicename"),
                  f"{name}: category {term.attrib!r}")
        speaker = model.get("speaker", {}).get("name")
        tags = [t.text for t in item.findall("category") if t.get("domain") == "post_tag"]
        if speaker is None:
            # a page that names no one has no tag for a person
            organization = model.get("role", {}).get("organization")
            check(all(t == xml_text(organization or "") for t in tags),
                  f"{name}: tags {tags!r} without a speaker")
        else:
            check(xml_text(speaker) in tags or not any(c.isalnum() for c in speaker),
                  f"{name}: no tag for the speaker")

        content = Blocks()
        content.feed(field("content:encoded") or "")
        content.close()
        want = [(kind, xml_text(t)) for kind, t in expected_blocks(model)]
        check(content.blocks == want,
              f"{name}: content:encoded blocks differ:\n  got  {content.blocks!r}\n  want {want!r}")
        opened = [c for c in content.comments if c.startswith("wp:")]
        closed = [c for c in content.comments if c.startswith("/wp:")]
        check(len(opened) == len(closed) == len(want), f"{name}: block comments {content.comments!r}")

        meta = {}
        for pm in item.findall("wp:postmeta", WXR_NS):
            key = pm.findtext("wp:meta_key", namespaces=WXR_NS)
            check(key not in meta, f"{name}: meta {key} twice")
            meta[key] = maybe_unserialize(pm.findtext("wp:meta_value", default="", namespaces=WXR_NS))
        for path_, value in metadata(model):
            key = "interview_" + "_".join(path_)
            want_value = None if value is None else xml_text(str(value))
            check(meta.get(key) == want_value, f"{name}: meta {key} = {meta.get(key)!r}, want {want_value!r}")


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="cms-check-"))
    try:
        seed_json = subprocess.run(["interview", "convert", str(SEED)], capture_output=True,
                                   check=False)
        check(seed_json.returncode == 0, f"convert seed: {seed_json.stderr.decode()}")
        models = {
            "seed": (SEED, json.loads(seed_json.stdout)),
            "adversarial": (ADVERSARIAL, json.loads(ADVERSARIAL.read_text(encoding="utf-8"))),
        }
        rng = random.Random(7)
        for n in range(GENERATED):
            model = generated_model(rng, n)
            if n % 4 == 3:
                # a page that names no one: its title names no one either
                del model["speaker"]
            path = work / f"generated-{n:02}.json"
            path.write_text(json.dumps(model, ensure_ascii=False), encoding="utf-8")
            models[f"generated-{n:02}"] = (path, model)
        check_markdown(models, work)
        check_kramdown(models, work)
        check_one_person(work)
        check_wxr(models, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    finish("cms")


if __name__ == "__main__":
    main()
