#!/usr/bin/env python3
"""Cross-check `interview validate` against independent tools.

- Verdicts: for every JSON document under fixtures/validate/ (valid/ and
  invalid/), `interview validate`'s exit code agrees with Python's
  `jsonschema` (Draft 2020-12) on schema/interview.schema.json, and with the
  folder the document is filed in.
- SARIF: the `--format sarif` report over those documents validates against
  the official SARIF 2.1.0 schema (path in $SARIF_SCHEMA), and every result
  carries a file and, where located, a line.
- JUnit: the `--format junit` report parses and counts one testcase per file.
- GitHub: every `--format github` line is a well-formed workflow command.

Run from the repository root with `interview` on PATH. Prints
`N passed, M failed` and exits non-zero on any failure.
"""
import json
import os
import pathlib
import re
import subprocess
import xml.etree.ElementTree as ET

from jsonschema import Draft4Validator, Draft202012Validator

from tally import check, finish

ROOT = pathlib.Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "validate"



def interview(*args):
    return subprocess.run(["interview", *args], capture_output=True, check=False, env={**os.environ, "NO_COLOR": "1"})


schema = json.loads((ROOT / "schema" / "interview.schema.json").read_text(encoding="utf-8"))
validator = Draft202012Validator(schema)


def unique_keys(pairs):
    # a repeated key is refused, as interview does: RFC 8259 leaves its
    # meaning to each parser (json.loads would keep the last one silently)
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate key")
    return dict(pairs)


def python_verdict(path):
    try:
        doc = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique_keys)
    except ValueError:
        return False
    return validator.is_valid(doc)


files = sorted(CASES.rglob("*.json"))
check(len(files) >= 10, f"expected at least 10 cross-check documents, found {len(files)}")
for path in files:
    rel = path.relative_to(ROOT)
    filed_valid = path.parent.name == "valid"
    theirs = python_verdict(path)
    ours = interview("validate", str(rel)).returncode
    check(ours in (0, 1), f"{rel}: interview validate exited {ours}")
    check(theirs == (ours == 0), f"{rel}: python jsonschema says {'valid' if theirs else 'invalid'}, interview exits {ours}")
    check(theirs == filed_valid, f"{rel}: filed under {path.parent.name}/ but python jsonschema says {'valid' if theirs else 'invalid'}")

rels = [str(p.relative_to(ROOT)) for p in files]
invalid = [r for r in rels if "/invalid/" in r]

# SARIF against the official schema
sarif_schema_path = os.environ.get("SARIF_SCHEMA")
out = interview("validate", "--format", "sarif", *rels)
check(out.returncode == 1, f"sarif run exited {out.returncode}")
log = json.loads(out.stdout)
if sarif_schema_path:
    sarif_schema = json.loads(pathlib.Path(sarif_schema_path).read_text(encoding="utf-8"))
    errors = list(Draft4Validator(sarif_schema).iter_errors(log))
    check(not errors, f"SARIF log fails the SARIF 2.1.0 schema: {[e.message for e in errors[:5]]}")
else:
    check(False, "SARIF_SCHEMA is not set: cannot check the SARIF log against its schema")
results = log["runs"][0]["results"]
check(len(results) > len(invalid), f"expected more SARIF results than invalid files, got {len(results)}")
for r in results:
    loc = r["locations"][0]["physicalLocation"]
    check(bool(loc["artifactLocation"]["uri"]), f"SARIF result without a file: {r}")
    if r["ruleId"] in ("schema", "syntax"):
        check(loc.get("region", {}).get("startLine", 0) >= 1, f"SARIF result without a line: {r}")

# JUnit
out = interview("validate", "--format", "junit", *rels)
root = ET.fromstring(out.stdout)
cases = root.findall(".//testcase")
check(len(cases) == len(rels), f"junit has {len(cases)} testcases for {len(rels)} files")
check(int(root.get("failures")) == len(invalid), f"junit failures={root.get('failures')}, invalid files={len(invalid)}")

# GitHub workflow commands
out = interview("validate", "--format", "github", *rels)
command = re.compile(r"^::(error|warning) file=[^,:]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=[a-z-]+::.+$")
lines = out.stdout.decode().splitlines()
check(len(lines) >= len(invalid), f"github output has {len(lines)} lines for {len(invalid)} invalid files")
for line in lines:
    check(bool(command.match(line)), f"malformed workflow command: {line}")

finish("validate cross-check")
