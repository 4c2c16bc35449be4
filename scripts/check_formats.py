#!/usr/bin/env python3
"""Check interview-kit's XML and JSON-LD with processors it shares no code with.

XML, with `xmlschema`:
- schema/interview.xsd is a valid XSD 1.0 schema;
- the golden fixtures/*.xml and the XML that `interview convert --to xml`
  writes for the seed and for a set of varied documents (every optional
  field, none, no speaker, a role without a speaker, CJK, curly quotes, `& < > " '`, leading and trailing spaces,
  line feeds, carriage returns, tabs) validate against it;
- reading that XML back with ElementTree, by the element names alone, gives
  exactly the JSON model it was written from;
- variants that break the XSD are rejected by xmlschema and by
  `interview validate`, and variants the XSD allows are accepted by both.

JSON-LD, with `pyld`, offline (its document loader refuses every URL):
- the JSON-LD written for the seed and for each varied document expands, and
  its RDF triples equal those expected from the JSON model under the mapping
  the README documents (both sides canonicalized with URDNA2015).

Run from the repository root with `interview` on PATH. Prints a summary line
`N passed, M failed` and exits non-zero on any failure.
"""
import copy
import json
import pathlib
import re
import subprocess
import xml.etree.ElementTree as ET

import xmlschema
from pyld import jsonld

from tally import check, finish

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "000_733c960163716fd3.txt"
NS = "https://interview-kit.dev/ns/interview/1"
SCHEMA = "https://schema.org/"
IK = NS + "#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"



def run(args, stdin=None):
    return subprocess.run(["interview", *args], input=stdin, capture_output=True, check=False)


def convert(doc, to):
    """The model `doc` (a dict) converted by interview to format `to`."""
    out = run(["convert", "-", "--from", "json", "--to", to], json.dumps(doc).encode())
    if out.returncode != 0:
        raise RuntimeError(f"convert --to {to} exited {out.returncode}: {out.stderr.decode()}")
    return out.stdout.decode("utf-8")


# ---------------------------------------------------------------- documents

seed_out = run(["convert", str(SEED)])
check(seed_out.returncode == 0, f"convert seed exited {seed_out.returncode}")
seed = json.loads(seed_out.stdout)

full = copy.deepcopy(seed)
full.update(
    {
        "headline": "  “Sharing” & <caring>: an interview ",
        "date": "2024年5月12日",
        "byline": "Interviewed by Jane O'Doe",
        "interviewer": {"name": "中国网", "label": "中国网"},
        "introduction": ["First paragraph.", "Second\n\nwith a blank line", "\r\n tabbed\t"],
        "read_count": 18446744073709551615,
        "read_count_precision": "at_least",
        "read_count_text": "阅读 10万+",
        "language": "zh-Hant",
        "encoding": "GB18030",
    }
)
full["speaker"]["label"] = "李"
full["exchanges"][1]["answered_by"] = "KIM \"Jun\" <Min>"
full["exchanges"][0]["answer"][0] = " leading and trailing spaces "
full["exchanges"][0]["answer"].append("]]> &amp; <![CDATA[x]]>")

minimal = {
    "speaker": {"name": "问"},
    "exchanges": [{"question": "问：为什么？", "answer": ["因为。"]}],
}

iso_date = copy.deepcopy(minimal)
iso_date["date"] = "2024-05-12T09:30:00+08:00"
iso_date["role"] = {"text": "Professor", "abbreviation": "KU"}
iso_date["read_count"] = 0

# a page that names no one: no speaker, so no `about` and no answer author
no_speaker = {
    "date": "2024-05-12",
    "byline": "By Jane Doe",
    "exchanges": [{"question": "Why now?", "answer": ["Because.", "And then some."]}],
}
# a role read, but no name: `about` is a Person with no name
role_no_speaker = copy.deepcopy(no_speaker)
role_no_speaker["role"] = {"text": "Mayor of Lund", "title": "Mayor", "organization": "Lund"}

documents = {
    "seed": seed,
    "full": full,
    "minimal": minimal,
    "iso date": iso_date,
    "no speaker": no_speaker,
    "role, no speaker": role_no_speaker,
}

# ---------------------------------------------------------------------- XML

schema = xmlschema.XMLSchema10(str(ROOT / "schema" / "interview.xsd"))
check(True, "the XSD loads")


def q(name):
    return f"{{{NS}}}{name}"


def element_text(el):
    return el.text or ""


def from_xml(text):
    """The JSON model an interview XML document describes, by element names."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == q("interview"), root.tag
    model = {}
    for el in root:
        name = el.tag.removeprefix(f"{{{NS}}}")
        if name in ("speaker", "interviewer", "role"):
            model[name] = {c.tag.removeprefix(f"{{{NS}}}"): element_text(c) for c in el}
        elif name == "introduction":
            model[name] = [element_text(p) for p in el]
        elif name == "exchange":
            exchange = {}
            for c in el:
                key = c.tag.removeprefix(f"{{{NS}}}")
                exchange[key] = [element_text(p) for p in c] if key == "answer" else element_text(c)
            model.setdefault("exchanges", []).append(exchange)
        elif name == "read_count":
            model[name] = int(el.text)
        else:
            model[name] = element_text(el)
    return model


# interview XML documents (WXR files are RSS, checked by check_cms.py)
for path in sorted((ROOT / "fixtures").rglob("*.xml")):
    if path.name.endswith(".wxr.xml"):
        continue
    errors = [e.reason for e in schema.iter_errors(str(path))]
    check(not errors, f"{path.relative_to(ROOT)} fails the XSD: {errors}")

for name, doc in documents.items():
    xml = convert(doc, "xml")
    errors = [str(e.reason) for e in schema.iter_errors(xml)]
    check(not errors, f"XML of the {name} document fails the XSD: {errors}")
    read_back = from_xml(xml)
    check(read_back == doc, f"XML of the {name} document reads back differently:\n{read_back}\n!=\n{doc}")

base = convert(seed, "xml")
rejected = {
    "elements out of order": base.replace(
        "<family_name>LEE</family_name>\n    <given_name>Hee-sup</given_name>",
        "<given_name>Hee-sup</given_name>\n    <family_name>LEE</family_name>",
    ),
    "unknown element": base.replace("<given_name>", "<nickname>x</nickname><given_name>"),
    "precision without count": base.replace("  <read_count>427</read_count>\n", ""),
    "empty paragraph": base.replace("</answer>", "  <p></p>\n    </answer>", 1),
    "bad language tag": base.replace("<language>en</language>", "<language>English</language>"),
    "no namespace": base.replace(f' xmlns="{NS}"', ""),
    "an attribute": base.replace("<speaker>", '<speaker id="s1">'),
    "negative count": base.replace("<read_count>427<", "<read_count>-1<"),
    "text between elements": base.replace("</speaker>", "</speaker>\n  stray"),
    "two speakers": base.replace("</speaker>", "</speaker>\n  <speaker><name>X</name></speaker>"),
    "unknown precision": base.replace(">exact<", ">approximate<"),
    "xml:lang attribute": base.replace("<question>", '<question xml:lang="en">', 1),
    "count beyond 64 bits": base.replace("<read_count>427<", "<read_count>18446744073709551616<"),
}
for name, doc in rejected.items():
    check(doc != base, f"variant {name} changed nothing")
    check(not schema.is_valid(doc), f"xmlschema accepts invalid variant: {name}")
    code = run(["validate", "-", "--from", "xml"], doc.encode()).returncode
    check(code == 1, f"interview validate exits {code} on invalid variant: {name}")

accepted = {
    "prefixed namespace": re.sub(r"<(/?)(\w)", r"<\1i:\2", base).replace(f' xmlns="{NS}"', f' xmlns:i="{NS}"'),
    "comments and processing instructions": base.replace("<speaker>", "<!-- who -->\n  <?note x?>\n  <speaker>"),
    "schema location hint": base.replace(
        f'xmlns="{NS}"',
        f'xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="{NS} interview.xsd"',
    ),
    "no declaration": base.split("\n", 1)[1],
    "self-closing-free compact layout": re.sub(r">\s+<", "><", base),
    "count with white space and sign": base.replace("<read_count>427<", "<read_count>\n  +427 <"),
    "CRLF line ends": base.replace("\n", "\r\n"),
    "character references": base.replace("LEE Hee-sup", "&#76;EE&#x20;Hee-sup", 1),
}
for name, doc in accepted.items():
    check(doc != base, f"variant {name} changed nothing")
    errors = [str(e.reason) for e in schema.iter_errors(doc)]
    check(not errors, f"xmlschema rejects valid variant {name}: {errors}")
    out = run(["convert", "-", "--from", "xml"], doc.encode())
    check(out.returncode == 0, f"interview rejects valid variant {name}: {out.stderr.decode()}")
    if out.returncode == 0:
        check(json.loads(out.stdout) == seed, f"valid variant {name} reads as another model")

# ------------------------------------------------------------------ JSON-LD


def refuse(url, options=None):
    raise RuntimeError(f"network access refused: {url}")


jsonld.set_document_loader(refuse)
OFFLINE = {"documentLoader": refuse}

try:
    jsonld.expand({"@context": "https://schema.org/", "name": "x"}, OFFLINE)
    check(False, "pyld fetched a remote context: the loader does not refuse")
except Exception:  # noqa: BLE001 - the refusal is what is checked
    check(True, "pyld is offline")


def literal(value):
    return {"@value": value}


def node_list(values):
    return {"@list": [literal(v) for v in values]}


def is_iso(date):
    return re.fullmatch(
        r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
        r"(T([01]\d|2[0-4]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?",
        date,
    )


def paragraphs_into(node, text_iri, list_iri, paragraphs):
    joined = "\n\n".join(paragraphs)
    node[text_iri] = [literal(joined)]
    if [p for p in joined.split("\n\n") if p] != paragraphs:
        node[list_iri] = [node_list(paragraphs)]


def person(speaker):
    node = {"@type": [SCHEMA + "Person"]}
    if "name" in speaker:
        node[SCHEMA + "name"] = [literal(speaker["name"])]
    for key, prop in (("family_name", "familyName"), ("given_name", "givenName"), ("label", "alternateName")):
        if key in speaker:
            node[SCHEMA + prop] = [literal(speaker[key])]
    return node


def expected(model):
    """The expanded JSON-LD (full IRIs, no context) the mapping gives."""
    s = lambda name: SCHEMA + name  # noqa: E731
    article = {"@type": [s("NewsArticle")], s("genre"): [literal("Interview")]}
    for key, prop in (("headline", s("headline")), ("byline", s("creditText")), ("language", s("inLanguage")), ("encoding", IK + "sourceEncoding")):
        if key in model:
            article[prop] = [literal(model[key])]
    if "date" in model:
        prop = s("datePublished") if is_iso(model["date"]) else IK + "dateText"
        article[prop] = [literal(model["date"])]
    if "interviewer" in model:
        article[s("author")] = [person(model["interviewer"])]
    # no speaker and no role: no `about`, and answers name no author
    interviewee = "speaker" in model or "role" in model
    about = person(model.get("speaker", {}))
    about["@id"] = "_:interviewee"
    if "role" in model:
        role = model["role"]
        about[s("description")] = [literal(role["text"])]
        if "title" in role:
            about[s("jobTitle")] = [literal(role["title"])]
        if "organization" in role or "abbreviation" in role:
            org = {"@type": [s("Organization")]}
            if "organization" in role:
                org[s("name")] = [literal(role["organization"])]
            if "abbreviation" in role:
                org[s("alternateName")] = [literal(role["abbreviation"])]
            about[s("worksFor")] = [org]
    if interviewee:
        article[s("about")] = [about]
    if model.get("introduction"):
        paragraphs_into(article, s("abstract"), IK + "introduction", model["introduction"])
    parts = []
    for i, exchange in enumerate(model["exchanges"], 1):
        answer = {"@type": [s("Answer")]}
        paragraphs_into(answer, s("text"), IK + "paragraphs", exchange["answer"])
        if "answered_by" in exchange:
            answer[s("author")] = [{"@type": [s("Person")], s("name"): [literal(exchange["answered_by"])]}]
        elif interviewee:
            answer[s("author")] = [{"@id": "_:interviewee"}]
        parts.append(
            {
                "@type": [s("Question")],
                s("position"): [literal(i)],
                s("text"): [literal(exchange["question"])],
                s("acceptedAnswer"): [answer],
            }
        )
    article[s("hasPart")] = parts
    if "read_count" in model:
        counter = {
            "@type": [s("InteractionCounter")],
            s("interactionType"): [{"@id": s("ReadAction")}],
            s("userInteractionCount"): [literal(model["read_count"])],
        }
        if "read_count_precision" in model:
            counter[IK + "readCountPrecision"] = [literal(model["read_count_precision"])]
        if "read_count_text" in model:
            counter[IK + "readCountText"] = [literal(model["read_count_text"])]
        article[s("interactionStatistic")] = [counter]
    return [article]


def canonical(doc):
    quads = jsonld.normalize(doc, {"algorithm": "URDNA2015", "format": "application/n-quads", **OFFLINE})
    return sorted(quads.splitlines())


for path in sorted((ROOT / "fixtures").rglob("*.jsonld")):
    try:
        expanded = jsonld.expand(json.loads(path.read_text(encoding="utf-8")), OFFLINE)
        check(len(expanded) == 1, f"{path.relative_to(ROOT)} expands to {len(expanded)} top-level nodes")
    except Exception as e:  # noqa: BLE001 - reported as a failure
        check(False, f"{path.relative_to(ROOT)} does not expand offline: {e}")

for name, doc in documents.items():
    out = json.loads(convert(doc, "jsonld"))
    try:
        ours, theirs = canonical(out), canonical(expected(doc))
    except Exception as e:  # noqa: BLE001 - reported as a failure
        check(False, f"JSON-LD of the {name} document does not process offline: {e}")
        continue
    check(len(ours) > 10, f"JSON-LD of the {name} document gives only {len(ours)} triples")
    missing = [t for t in theirs if t not in ours]
    extra = [t for t in ours if t not in theirs]
    check(
        not missing and not extra,
        f"JSON-LD of the {name} document: triples differ\nmissing: {missing}\nextra: {extra}",
    )

finish("formats")
