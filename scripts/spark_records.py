#!/usr/bin/env python3
"""Run the unchanged `interview` binary as a mapper under PySpark.

Builds records `{"path": …, "text": …}` from a small corpus (made by
../shared/bench/gen_corpus.py, plus a few broken inputs), distributes them
over a local Spark cluster (`local[2]`), pipes every partition through
`interview convert - --from records --to ndjson` with `RDD.pipe`, and checks
that every record came back exactly once: a document for each good input,
equal to what `interview convert` gives for that file on its own, and an
error record for each broken one.

    spark_records.py [--docs N] [--partitions P]

Needs pyspark (PyPI) and Java; `interview` on PATH. Prints
`N passed, M failed` and exits non-zero on any failure.
"""
import argparse
import json
import pathlib
import shlex
import shutil
import subprocess
import sys
import tempfile

from pyspark import SparkConf, SparkContext

from tally import check, finish

ROOT = pathlib.Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "bench" / "gen_corpus.py"



def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()
    binary = shutil.which("interview")
    if binary is None:
        sys.exit("interview is not on PATH")

    work = pathlib.Path(tempfile.mkdtemp(prefix="interview-spark-"))
    corpus = work / "corpus"
    subprocess.run([sys.executable, str(GEN), str(corpus), "--docs", str(args.docs)], check=True, stdout=subprocess.DEVNULL)
    records = []
    for path in sorted(corpus.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8-sig")
        records.append({"path": str(path.relative_to(corpus)), "text": text})
    broken = {
        "broken/empty.txt": "",
        "broken/no-exchanges.txt": "SATO Yui\nProfessor\nNo questions here.\n",
        "broken/questions-only.txt": "KIM Min-jun\nQ: a question to no one\nQ: and another\n",
    }
    records += [{"path": p, "text": t} for p, t in broken.items()]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("interview-records")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        command = " ".join(shlex.quote(a) for a in [binary, "convert", "-", "--from", "records", "--to", "ndjson"])
        out = sc.parallelize(lines, args.partitions).pipe(command, checkCode=False).collect()
    finally:
        sc.stop()

    results = [json.loads(line) for line in out]
    by_path = {}
    for r in results:
        check("path" in r, f"record without a path: {str(r)[:120]}")
        by_path.setdefault(r.get("path"), []).append(r)
    check(len(results) == len(records), f"{len(records)} records in, {len(results)} out")
    for rec in records:
        got = by_path.get(rec["path"], [])
        check(len(got) == 1, f"{rec['path']}: came back {len(got)} times")
    good = [r for r in records if r["path"] not in broken]
    docs = [r for r in results if "interview" in r]
    check(len(docs) == len(good), f"{len(good)} good inputs, {len(docs)} documents")
    for path in broken:
        got = by_path.get(path, [{}])[0]
        check("interview" not in got and got.get("errors"), f"{path}: expected an error record, got {str(got)[:200]}")
    # each document equals the file converted on its own (a sample)
    for rec in good[:: max(1, len(good) // 25)]:
        alone = subprocess.run([binary, "convert", str(corpus / rec["path"]), "--to", "json"], capture_output=True, check=False)
        expected = json.loads(alone.stdout)
        got = by_path[rec["path"]][0].get("interview")
        # records carry text, not bytes: the encoding is the record's, UTF-8
        expected.pop("encoding", None)
        if got is not None:
            got = dict(got)
            got.pop("encoding", None)
        check(got == expected, f"{rec['path']}: document differs from a lone conversion")
    shutil.rmtree(work, ignore_errors=True)
    finish("spark")


if __name__ == "__main__":
    main()
