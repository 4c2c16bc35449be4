#!/usr/bin/env python3
"""Check `interview convert --to html` with an HTML5 parser (html5lib).

For the seed and for documents full of characters HTML treats specially,
the fragment parses as HTML5, every question and answer paragraph comes
back as text exactly, and the embedded JSON-LD parses as JSON and equals
`interview convert --to jsonld`.

Run from the repository root with `interview` on PATH. Prints
`N passed, M failed` and exits non-zero on any failure.
"""
import json
import pathlib
import subprocess

import html5lib

from tally import check, finish

ROOT = pathlib.Path(__file__).resolve().parent.parent
NS = {"h": "http://www.w3.org/1999/xhtml"}
INPUTS = [
    "fixtures/000_733c960163716fd3.txt",
    "fixtures/validate/valid/every-field.json",
    "fixtures/validate/valid/cjk.json",
    "fixtures/cms/tricky.json",
]



def convert(path, to):
    out = subprocess.run(["interview", "convert", path, "--to", to], capture_output=True, check=False)
    check(out.returncode == 0, f"convert {path} --to {to} exited {out.returncode}: {out.stderr.decode()}")
    return out.stdout.decode("utf-8")


def text_of(element):
    return "".join(element.itertext())


for path in INPUTS:
    model = json.loads(convert(path, "json"))
    fragment = convert(path, "html")
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=True)
    doc = parser.parseFragment(fragment, container="div")
    check(not parser.errors, f"{path}: html5lib parse errors {parser.errors[:3]}")
    article = doc.find("h:article", NS)
    check(article is not None and article.get("class") == "interview", f"{path}: no <article class=interview>")
    if article is None:
        continue
    exchanges = article.findall("h:section", NS)
    check(len(exchanges) == len(model["exchanges"]), f"{path}: {len(exchanges)} sections for {len(model['exchanges'])} exchanges")
    for section, exchange in zip(exchanges, model["exchanges"]):
        question = section.find("h:p[@class='interview-question']", NS)
        check(question is not None and text_of(question) == exchange["question"], f"{path}: question differs: {exchange['question']!r}")
        answer = section.find("h:div[@class='interview-answer']", NS)
        paragraphs = [text_of(p) for p in answer.findall("h:p", NS)] if answer is not None else []
        check(paragraphs == exchange["answer"], f"{path}: answer paragraphs differ: {paragraphs!r} != {exchange['answer']!r}")
        if "answered_by" in exchange:
            check(answer.get("data-answered-by") == exchange["answered_by"], f"{path}: answered_by differs")
    scripts = article.findall("h:script", NS)
    check(len(scripts) == 1 and scripts[0].get("type") == "application/ld+json", f"{path}: expected one ld+json script")
    if scripts:
        embedded = json.loads(scripts[0].text)
        check(embedded == json.loads(convert(path, "jsonld")), f"{path}: embedded JSON-LD differs from --to jsonld")
    if "headline" in model:
        h1 = article.find(".//h:h1", NS)
        check(h1 is not None and text_of(h1) == model["headline"], f"{path}: headline differs")

finish("html")
