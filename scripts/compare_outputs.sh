#!/usr/bin/env bash
# Compares every output of two builds of `interview`, byte for byte.
#
#   scripts/compare_outputs.sh REF_BIN NEW_BIN [CORPUS]
#
# Both binaries convert every file under fixtures/ to every output format
# (to standard output), the whole fixtures/ tree and CORPUS (a directory of
# inputs, optional) to every format into a directory (with `--report`), and
# validate fixtures/validate, fixtures/ and CORPUS in the human and json
# report formats. Each run's stdout, stderr, exit status, outputs and report
# are compared; the only thing allowed to differ is the elapsed time (the
# summary line on stderr, `seconds` in a report), which is masked.
#
# Prints each run whose results differ, with the files that differ; exits 0
# when none does, 1 when some do, 2 on a usage error.
set -u

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 REF_BIN NEW_BIN [CORPUS]" >&2
    exit 2
fi
REF=$(realpath "$1")
NEW=$(realpath "$2")
CORPUS=${3:+$(realpath "$3")}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES=$ROOT/fixtures
for bin in "$REF" "$NEW"; do
    [ -x "$bin" ] || { echo "not an executable: $bin" >&2; exit 2; }
done
if [ -n "$CORPUS" ] && [ ! -d "$CORPUS" ]; then
    echo "not a directory: $CORPUS" >&2
    exit 2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FORMATS="json ndjson jsonld xml html markdown wxr text"
runs=0
differing=0

# Masks the elapsed time, the one thing two runs may not share.
mask_time() {
    [ -f "$1" ] || return 0
    sed -E -i \
        -e 's/ in [0-9]+(\.[0-9]+)? ?(s|ms|µs|us|ns)$/ in <elapsed>/' \
        -e 's/"seconds": ?[-0-9.eE+]+/"seconds":<elapsed>/g' \
        "$1"
}

# run NAME ARG...: runs `BIN ARG...` for both binaries, each in a directory
# of its own (outputs go to relative paths, so both see the same names).
run() {
    local name=$1
    shift
    runs=$((runs + 1))
    local side bin dir
    for side in ref new; do
        bin=$REF
        [ "$side" = new ] && bin=$NEW
        dir=$WORK/$side/$name
        mkdir -p "$dir"
        (cd "$dir" && "$bin" "$@" >stdout 2>stderr; echo $? >status)
        mask_time "$dir/stderr"
        mask_time "$dir/report.json"
    done
    local found
    found=$(diff -rq "$WORK/ref/$name" "$WORK/new/$name" 2>&1)
    if [ -n "$found" ]; then
        differing=$((differing + 1))
        echo "DIFFER: $name: interview $*"
        # shellcheck disable=SC2001
        echo "$found" | sed "s|$WORK/||g; s/^/  /"
    else
        rm -rf "${WORK:?}/ref/$name" "${WORK:?}/new/$name"
    fi
}

# one run per fixture file and output format, to standard output
n=0
while IFS= read -r -d '' file; do
    n=$((n + 1))
    for to in $FORMATS; do
        run "file$n-$to" convert "$file" --to "$to"
    done
done < <(find "$FIXTURES" -type f -print0 | sort -z)

# whole trees into a directory (or one file for the formats that take one)
trees=("$FIXTURES")
[ -n "$CORPUS" ] && trees+=("$CORPUS")
t=0
for tree in "${trees[@]}"; do
    t=$((t + 1))
    for to in $FORMATS; do
        case $to in
            ndjson) out=out.ndjson ;;
            wxr) out=out.wxr.xml ;;
            *) out=out/ ;;
        esac
        run "tree$t-$to" convert "$tree" --to "$to" -o "$out" --report report.json
    done
    for format in human json; do
        run "tree$t-validate-$format" validate --format "$format" "$tree"
    done
done
for format in human json; do
    run "validate-$format" validate --format "$format" "$FIXTURES/validate"
done

if [ "$differing" -gt 0 ]; then
    echo "$differing of $runs runs differ"
    exit 1
fi
echo "all $runs runs identical"
