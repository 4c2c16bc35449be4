#!/usr/bin/env bash
# Runs the third-party clients users read interview-kit's outputs with
# (scripts/check_clients.py) after installing them, each from its package
# registry, into target/ so that a second run installs nothing:
#   - Debian: jekyll, pandoc, libxml2-utils (xmllint), a Java runtime when
#     `java` is missing (for the Nu HTML Checker), npm when missing;
#   - npm: the exact versions locked in scripts/clients/package-lock.json
#     (wordpress-export-to-markdown, ajv-cli, ajv-formats) in target/ci-npm;
#   - PyPI: scripts/requirements.txt into the CI venv target/ci-venv.
# Builds the debug binary and puts it first on PATH, as .ci/run does.
#
#   scripts/check_clients.sh                 # every client
#   scripts/check_clients.sh jekyll duckdb   # only these (names: --list)
set -euo pipefail
cd "$(dirname "$0")/.."

t0=$SECONDS
missing=()
command -v jekyll >/dev/null 2>&1 || missing+=(jekyll)
command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

npm_dir=target/ci-npm
if ! { cmp -s scripts/clients/package-lock.json "$npm_dir/package-lock.json" \
       && [ -d "$npm_dir/node_modules" ]; }; then
  rm -rf "$npm_dir"
  mkdir -p "$npm_dir"
  cp scripts/clients/package.json scripts/clients/package-lock.json "$npm_dir/"
  (cd "$npm_dir" && npm ci --silent --no-audit --no-fund)
fi

venv=target/ci-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# pip does nothing (a few seconds) when the pinned versions are there
"$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements.txt
cargo build --locked --quiet
echo "clients installed in $((SECONDS - t0)) s"

CLIENTS_NPM="$PWD/$npm_dir" PATH="$PWD/target/debug:$PATH" \
  "$venv/bin/python" scripts/check_clients.py "$@"
