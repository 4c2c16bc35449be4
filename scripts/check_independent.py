#!/usr/bin/env python3
"""Check interview-kit's outputs with validators it does not share code with.

- schema/interview.schema.json is a valid Draft 2020-12 schema (metaschema);
- every golden JSON document in fixtures/ and the `interview convert` output
  of the seed and of every raw-text fixture validate under Python's
  `jsonschema`;
- documents that interview-kit's own validator rejects are rejected here too.

Run from the repository root with `interview` on PATH. Prints a summary line
`N passed, M failed` and exits non-zero on any failure.
"""
import json
import pathlib
import subprocess

from jsonschema import Draft202012Validator

from tally import check, finish

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "000_733c960163716fd3.txt"



schema = json.loads((ROOT / "schema" / "interview.schema.json").read_text(encoding="utf-8"))
try:
    Draft202012Validator.check_schema(schema)
    check(True, "metaschema")
except Exception as e:  # noqa: BLE001 - reported as a failure
    check(False, f"schema fails the 2020-12 metaschema: {e}")
validator = Draft202012Validator(schema)

out = subprocess.run(["interview", "convert", str(SEED)], capture_output=True, check=False)
check(out.returncode == 0, f"interview convert seed exited {out.returncode}: {out.stderr.decode()}")
doc = json.loads(out.stdout)
errors = list(validator.iter_errors(doc))
check(not errors, f"seed output invalid: {[e.message for e in errors]}")

# every golden document (fixtures/validate/ holds invalid ones on purpose:
# check_validate.py cross-checks those; fixtures/wild/ holds the hand-written
# truths of real pages, readings to score against, not documents)
for path in sorted((ROOT / "fixtures").rglob("*.json")):
    if (ROOT / "fixtures" / "validate") in path.parents or (ROOT / "fixtures" / "wild") in path.parents:
        continue
    doc = json.loads(path.read_text(encoding="utf-8"))
    errors = list(validator.iter_errors(doc))
    check(not errors, f"{path.relative_to(ROOT)} invalid: {[e.message for e in errors]}")

# every raw-text fixture's model, as `interview convert` writes it (the
# tests hold it to the fixture's snapshot `model@NAME.txt.snap`)
for path in sorted((ROOT / "fixtures" / "text").glob("*/*.txt")):
    out = subprocess.run(["interview", "convert", str(path)], capture_output=True, check=False)
    name = path.relative_to(ROOT)
    check(out.returncode == 0, f"interview convert {name} exited {out.returncode}")
    if out.returncode == 0:
        errors = list(validator.iter_errors(json.loads(out.stdout)))
        check(not errors, f"{name} model invalid: {[e.message for e in errors]}")

# every model the tool makes of a real page (fixtures/wild/), however well it
# read the page, is a valid document
for path in sorted((ROOT / "fixtures" / "wild").glob("*/*.txt")):
    wild = subprocess.run(["interview", "convert", str(path)], capture_output=True, check=False)
    if wild.stdout.strip():
        errors = list(validator.iter_errors(json.loads(wild.stdout)))
        check(not errors, f"{path.relative_to(ROOT)} model invalid: {[e.message for e in errors]}")

# Invalid variants of the seed: both validators must reject each.
base = json.loads(out.stdout)
variants = {
    "negative read count": {**base, "read_count": -1},
    "no exchanges": {**base, "exchanges": []},
    "empty answer": {**base, "exchanges": [{"question": "q", "answer": []}]},
    "unknown field": {**base, "extra": 1},
    "null role": {**base, "role": None},
    "precision without count": {k: v for k, v in base.items() if k != "read_count"},
}
for name, doc in variants.items():
    theirs = not validator.is_valid(doc)
    ours = subprocess.run(
        ["interview", "validate", "-", "--from", "json"],
        input=json.dumps(doc).encode(),
        capture_output=True,
        check=False,
    ).returncode
    check(theirs, f"python jsonschema accepts invalid variant: {name}")
    check(ours == 1, f"interview validate exits {ours} on invalid variant: {name}")

finish("independent")
