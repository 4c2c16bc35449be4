#!/usr/bin/env python3
"""Scores the text reader on pages whose right reading was written by hand.

Usage: scripts/scorecard.py [--bin BIN] [--verbose] [--diff] [DIR]

DIR (default fixtures/wild) holds one folder per language, each with pages
NAME.txt beside their truth NAME.expected.json:

    {"speaker": "…" or null, "role": "…" or null, "read_count": 123 or null,
     "exchanges": [{"question": "…", "answer": ["…", …]}, …]}

Each page is converted with `BIN convert PAGE --to json` (exit 0 or 1: a page
with warnings-as-errors still gives its model) and compared field by field:
speaker, role, exchanges (count), paragraphs (every question and answer),
first question, last answer, read count. A page is right when every field
is. A wrong field is *flagged* when the run reported a `doubtful-…` warning
(or, for a speaker left out alone, a `missing-speaker` warning).
With --diff, each wrong field is shown as the page's truth beside what was read
(for the exchanges, the first one that differs).

Prints one line per language, `lang: N/M right`, then the totals and, with
--verbose, each wrong page's fields. Exits 0; the numbers are the result.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

FIELDS = ["speaker", "role", "exchanges", "paragraphs", "first question", "last answer", "read count"]


def read(binary, page):
    """The model (or None) and the diagnostic codes of one page."""
    proc = subprocess.run([binary, "convert", str(page), "--to", "json"], capture_output=True)
    model = None
    if proc.stdout.strip():
        try:
            model = json.loads(proc.stdout)
        except json.JSONDecodeError:
            model = None
    check = subprocess.run(
        [binary, "validate", "--from", "text", "--format", "json", str(page)], capture_output=True
    )
    codes = []
    for line in check.stdout.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and "code" in record:
            codes.append(record["code"])
    return model, codes


def wrong_fields(model, truth, codes):
    """The judged fields of `model` that differ from `truth`. A page that
    never names its interviewee has "speaker": null: the reader is right
    there when it gives no speaker, or one it says is in doubt
    (`doubtful-speaker`)."""
    if model is None:
        return list(FIELDS)
    wrong = []
    speaker = (model.get("speaker") or {}).get("name")
    if truth.get("speaker") is None:
        if speaker is not None and "doubtful-speaker" not in codes:
            wrong.append("speaker")
    elif speaker != truth.get("speaker"):
        wrong.append("speaker")
    role = (model.get("role") or {}).get("text")
    if role != truth.get("role"):
        wrong.append("role")
    got = [(e["question"], e["answer"]) for e in model.get("exchanges", [])]
    want = [(e["question"], e["answer"]) for e in truth.get("exchanges", [])]
    if len(got) != len(want):
        wrong.append("exchanges")
    if got != want:
        wrong.append("paragraphs")
    if got[:1] and want[:1] and got[0][0] != want[0][0] or bool(got) != bool(want):
        wrong.append("first question")
    if (got[-1][1][-1:] if got else None) != (want[-1][1][-1:] if want else None):
        wrong.append("last answer")
    if model.get("read_count") != truth.get("read_count"):
        wrong.append("read count")
    return wrong


def differences(model, truth, wrong):
    """Lines showing, for each wrong field, the truth beside what was read."""
    if model is None:
        return ["        (no model)"]
    out = []
    pairs = {
        "speaker": (truth.get("speaker"), (model.get("speaker") or {}).get("name")),
        "role": (truth.get("role"), (model.get("role") or {}).get("text")),
        "read count": (truth.get("read_count"), model.get("read_count")),
        "exchanges": (len(truth.get("exchanges", [])), len(model.get("exchanges", []))),
    }
    for field, (want, got) in pairs.items():
        if field in wrong:
            out.append(f"        {field}: want {want!r}, got {got!r}")
    got = [(e["question"], e["answer"]) for e in model.get("exchanges", [])]
    want = [(e["question"], e["answer"]) for e in truth.get("exchanges", [])]
    for i, (w, g) in enumerate(zip(want + [None] * len(got), got + [None] * len(want))):
        if w != g:
            out.append(f"        exchange {i + 1}: want {w!r}")
            out.append(f"        {' ' * len(str(i + 1))}           got  {g!r}")
            break
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default="fixtures/wild")
    parser.add_argument("--bin", default="target/release/interview")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--diff", action="store_true", help="show truth beside reading (implies --verbose)")
    args = parser.parse_args()
    root = Path(args.dir)
    total_right = total = unflagged = 0
    for lang in sorted(p for p in root.iterdir() if p.is_dir()):
        pages = sorted(lang.glob("*.txt"))
        pages = [p for p in pages if p.with_suffix(".expected.json").exists()]
        if not pages:
            continue
        right = 0
        lines = []
        for page in pages:
            truth = json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
            model, codes = read(args.bin, page)
            wrong = wrong_fields(model, truth, codes)
            # a speaker left out says so (`missing-speaker`): that flags
            # the speaker, not the other fields
            doubted = any(c.startswith("doubtful-") for c in codes) or (
                wrong == ["speaker"] and "missing-speaker" in codes
            )
            if not wrong:
                right += 1
            elif not doubted:
                unflagged += 1
            if wrong:
                flag = "flagged" if doubted else "SILENT" if model is not None else "no output"
                lines.append(f"    {page.name}: {', '.join(wrong)} ({flag})")
                if args.diff:
                    lines.extend(differences(model, truth, wrong))
        print(f"{lang.name}: {right}/{len(pages)} right")
        if args.verbose or args.diff:
            print("\n".join(lines)) if lines else None
        total_right += right
        total += len(pages)
    print(f"all: {total_right}/{total} right; {unflagged} wrong without a doubtful- warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
