#!/usr/bin/env bash
# usage: install-harness.sh SOURCE TARGET
# Copies the shared MCP client harness (../shared/harness) into the
# writable TARGET and installs its pinned clients (npm, a Python venv) once.
# Used by `cargo xtask conformance` and the binary's acceptance tests, which
# run in parallel (nextest runs each test in its own process): everything
# happens under one lock, files are replaced by rename (a script another
# test is running keeps its old copy), and a marker written after a complete
# install guards against half-finished ones.
set -euo pipefail
source=$1
target=$2
mkdir -p "$target"
exec 9>"$target/.install.lock"
flock 9
find "$source" -maxdepth 1 -type f -print0 | while IFS= read -r -d '' file; do
    name=$(basename "$file")
    cp "$file" "$target/.$name.copy"
    chmod 0755 "$target/.$name.copy"
    mv -f "$target/.$name.copy" "$target/$name"
done
cd "$target"
if [ ! -f .installed ] || ! cmp -s .installed package-lock.json; then
    rm -rf node_modules .venv
    npm ci --no-audit --no-fund >&2
    python3 -m venv .venv
    .venv/bin/pip install -q -r requirements.txt >&2
    cp package-lock.json .installed
fi
