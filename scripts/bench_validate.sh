#!/usr/bin/env bash
# Benchmark `interview validate` against check-jsonschema and ajv-cli on the
# same JSON documents, side by side in one hyperfine run.
#
#   scripts/bench_validate.sh [DOCS]     (default 20000)
#
# Makes the corpus with ../shared/bench/gen_corpus.py, converts it to JSON
# with `interview convert`, installs the peers (check-jsonschema from PyPI in
# a venv, ajv-cli from npm) under target/bench/, and writes the results to
# target/bench/validate.md and .json.
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-20000}
work=target/bench
corpus=$work/corpus-$docs
json=$work/json-$docs
mkdir -p "$work"

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
cargo build --release --locked --quiet
bin=$PWD/target/release/interview

if [ ! -d "$corpus" ]; then
  python3 ../shared/bench/gen_corpus.py "$corpus" --docs "$docs"
fi
if [ ! -d "$json" ]; then
  # the mirrored tree of JSON documents (a few corpus files lack a read
  # count: warnings only, every document converts)
  "$bin" convert "$corpus" --to json -o "$json" 2>/dev/null || true
fi
count=$(find "$json" -name '*.json' | wc -l)
echo "$count JSON documents in $json"

if [ ! -x "$work/venv/bin/check-jsonschema" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema==0.39.0
fi
if [ ! -x "$work/node/node_modules/.bin/ajv" ]; then
  mkdir -p "$work/node"
  (cd "$work/node" && npm install --silent --no-audit --no-fund ajv-cli@5.0.0 ajv-formats@3.0.1 >/dev/null)
fi

schema=$PWD/schema/interview.schema.json
# every tool gets the same file list, in the same order
list=$work/json-$docs.list
find "$json" -name '*.json' | sort > "$list"

hyperfine --warmup "${WARMUP:-1}" --runs "${RUNS:-3}" \
  --export-markdown "$work/validate.md" --export-json "$work/validate.json" \
  -n "interview validate" "xargs -a $list $bin validate --format json > /dev/null" \
  -n "check-jsonschema" "xargs -a $list $work/venv/bin/check-jsonschema --schemafile $schema > /dev/null" \
  -n "ajv-cli" "xargs -a $list -n 5000 sh -c '$work/node/node_modules/.bin/ajv validate --spec=draft2020 --strict=false -s $schema \$(printf -- \" -d %s\" \"\$@\") > /dev/null 2>&1' _"
cat "$work/validate.md"
