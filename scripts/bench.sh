#!/usr/bin/env bash
# Measures `interview convert` side by side with the Python baseline and the
# floors (`cat` of every file, `cp -r` of the corpus), with hyperfine; peak
# RSS with /usr/bin/time -v, on the corpus and on one ten times larger; and
# the wall time of one small file. Prints the results as ratios (markdown).
#
#   scripts/bench.sh                 # 20,000 documents, RSS also on 200,000
#   DOCS=2000 BIG_DOCS=0 RUNS=2 scripts/bench.sh   # a quick look
#   OUT_DIR=/dev/shm/bench scripts/bench.sh        # outputs on tmpfs
#   BIN=target/native/release/interview scripts/bench.sh  # another build
#
# Every writer (interview, cp -r, the baseline) writes under $OUT_DIR
# (default $BENCH_DIR/out, beside the corpus): on a slow disk, creating
# 20,000 files costs the same kernel time to all of them, and on tmpfs the
# comparison is of the work alone.
# Corpora are generated once by ../shared/bench/gen_corpus.py under
# $BENCH_DIR (default target/bench) and reused. Installs hyperfine and GNU
# time (Debian packages) when missing, and jsonschema for the baseline in a
# venv. Measure on a quiet machine: the script prints the load average.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=${DOCS:-20000}
big_docs=${BIG_DOCS:-200000}
runs=${RUNS:-5}
work=${BENCH_DIR:-target/bench}
shared=../shared/bench
bin=${BIN:-}
mkdir -p "$work"
work=$(cd "$work" && pwd)

step() { printf '\n== %s\n' "$*" >&2; }

install() { # install DEBIAN_PACKAGE
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "$1" >/dev/null
}

step "tools"
command -v hyperfine >/dev/null || install hyperfine
[ -x /usr/bin/time ] || install time
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
fi
"$work/venv/bin/pip" install --quiet --disable-pip-version-check jsonschema
if [ -z "$bin" ]; then
  cargo build --release --locked --quiet
  bin=$PWD/target/release/interview
fi
bin=$(realpath "$bin")

corpus() { # corpus DOCS -> path, generated once
  local dir=$work/corpus-$1
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    python3 "$shared/gen_corpus.py" "$dir" --docs "$1" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

step "corpus of $docs documents"
small=$(corpus "$docs")
bytes=$(find "$small" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
out=${OUT_DIR:-$work/out}
mkdir -p "$out"

step "machine"
{
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
  echo "- memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "- kernel: $(uname -sr); $(rustc --version)"
  echo "- binary: $bin"
  echo "- file system of the corpus: $(df -T "$work" | awk 'NR==2 {print $2}'); of the outputs: $(df -T "$out" | awk 'NR==2 {print $2}')"
  echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$work/machine.md" >&2

step "throughput: $runs runs each"
# prepare commands (one per benchmark) clear each output, untimed
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/throughput.json" \
  --prepare true \
  --prepare true \
  --prepare true \
  --prepare "rm -rf $out/dir-1" \
  --prepare "rm -rf $out/dir-n" \
  --prepare "rm -rf $out/cp" \
  --prepare "rm -rf $out/py" \
  -n cat "find $small -name '*.txt' -print0 | xargs -0 cat > /dev/null" \
  -n ndjson-jobs-1 "$bin convert $small --to ndjson --jobs 1 > /dev/null" \
  -n ndjson-jobs-all "$bin convert $small --to ndjson > /dev/null" \
  -n dir-jobs-1 "$bin convert $small -o $out/dir-1 --jobs 1" \
  -n dir-jobs-all "$bin convert $small -o $out/dir-n" \
  -n cp-r "cp -r $small $out/cp" \
  -n baseline "$work/venv/bin/python $shared/baseline.py $small $out/py > /dev/null"

step "one small file"
hyperfine --style basic -N --warmup 20 --runs 300 --export-json "$work/small.json" \
  "$bin convert fixtures/000_733c960163716fd3.txt"

rss() { # rss LABEL COMMAND... -> "LABEL KiB"
  local label=$1
  shift
  /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2>&1 || true
  echo "$label $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
}

step "peak RSS"
{
  rm -rf "$out/rss"
  rss "ndjson-jobs-1@$docs" "$bin" convert "$small" --to ndjson --jobs 1
  rss "ndjson-jobs-all@$docs" "$bin" convert "$small" --to ndjson
  rss "dir-jobs-all@$docs" "$bin" convert "$small" -o "$out/rss"
  rm -rf "$out/rss"
  if [ "$big_docs" -gt 0 ]; then
    step "corpus of $big_docs documents (RSS only)"
    big=$(corpus "$big_docs")
    rss "ndjson-jobs-1@$big_docs" "$bin" convert "$big" --to ndjson --jobs 1
    rss "ndjson-jobs-all@$big_docs" "$bin" convert "$big" --to ndjson
    rss "dir-jobs-all@$big_docs" "$bin" convert "$big" -o "$out/rss"
    rm -rf "$out/rss"
  fi
} > "$work/rss.txt"
rm -rf "$out/dir-1" "$out/dir-n" "$out/cp" "$out/py"
rmdir "$out" 2>/dev/null || true

step "results"
python3 - "$work" "$bytes" "$docs" <<'EOF' | tee "$work/results.md"
import json, sys
work, nbytes, docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = {r["command"]: r for r in json.load(open(f"{work}/throughput.json"))["results"]}
mean = {name: r["mean"] for name, r in runs.items()}
sd = {name: r["stddev"] or 0.0 for name, r in runs.items()}
mib = nbytes / 2**20
print(f"Corpus: {docs} documents, {mib:.1f} MiB.\n")
print("| command | mean ± sd (s) | MiB/s | docs/s |")
print("| --- | ---: | ---: | ---: |")
for name in mean:
    print(f"| {name} | {mean[name]:.3f} ± {sd[name]:.3f} | {mib / mean[name]:.0f} | {docs / mean[name]:.0f} |")
def ratio(a, b):
    return mean[a] / mean[b]
print()
print("| target | measured | holds |")
print("| --- | ---: | --- |")
r = ratio("baseline", "ndjson-jobs-1")
print(f"| dir → NDJSON, --jobs 1: ≥ 30× the baseline's throughput | {r:.1f}× | {'yes' if r >= 30 else 'no'} |")
r = ratio("ndjson-jobs-1", "cat")
print(f"| dir → NDJSON, --jobs 1: within 3× of cat | {r:.2f}× cat's time | {'yes' if r <= 3 else 'no'} |")
r = ratio("dir-jobs-all", "cp-r")
print(f"| dir → dir (default jobs): within 1.5× of cp -r | {r:.2f}× cp's time | {'yes' if r <= 1.5 else 'no'} |")
r = ratio("dir-jobs-1", "cp-r")
print(f"| (dir → dir, --jobs 1, for reference) | {r:.2f}× cp's time | |")
small = json.load(open(f"{work}/small.json"))["results"][0]
ms = small["mean"] * 1000
print(f"| one small file: < 10 ms wall | {ms:.1f} ms mean, {small['max'] * 1000:.1f} ms max | {'yes' if ms < 10 else 'no'} |")
for line in open(f"{work}/rss.txt"):
    label, kib = line.split()
    mib_rss = int(kib) / 1024
    print(f"| peak RSS ≤ 64 MiB: {label} documents | {mib_rss:.1f} MiB | {'yes' if mib_rss <= 64 else 'no'} |")
EOF
echo >&2
cat "$work/machine.md" >&2
