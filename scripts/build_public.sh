#!/usr/bin/env bash
# Minify our own CSS and JavaScript for the public youth pages.
#
#   npm ci && bash scripts/build_public.sh      (or: npm ci && npm run build-public)
#
# The readable sources are in frontend/; this writes the served files:
#   frontend/css/public.css      -> src/kindveilig/static/css/public.css      (lightningcss)
#   frontend/js/quick-exit.js    -> src/kindveilig/static/js/quick-exit.js    (terser)
# The output is committed, so `make run` and CI never need npm. The build is
# deterministic: running it twice gives the same bytes. Edit the source, run
# this, commit both; tests/test_public_assets.py fails when they disagree.
# Run scripts/vendor_css.sh after it when public.css starts reading a design
# token. See docs/frontend.md ("Page weight").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
NM="node_modules"
STATIC="src/kindveilig/static"

die() { echo "build_public.sh: $*" >&2; exit 1; }

for pkg in lightningcss-cli terser; do
  [ -f "$NM/$pkg/package.json" ] || die "$NM/$pkg is missing: run 'npm ci' first"
  want="$("$PYTHON" -c 'import json,sys; print(json.load(open("package.json"))["devDependencies"][sys.argv[1]])' "$pkg")"
  have="$("$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$NM/$pkg/package.json")"
  [ "$want" = "$have" ] || die "$pkg is $have in node_modules, package.json pins $want: run 'npm ci'"
done

for f in frontend/css/*.css; do
  out="$STATIC/css/$(basename "$f")"
  "$NM/.bin/lightningcss" --minify "$f" -o "$out"
  printf '%s: %s bytes\n' "$out" "$(wc -c <"$out")"
done
for f in frontend/js/*.js; do
  out="$STATIC/js/$(basename "$f")"
  # Our one script is an IIFE in ES5: compress and mangle its local names,
  # keep no comments (the source in frontend/ has them).
  "$NM/.bin/terser" "$f" --compress --mangle --ecma 5 --comments false -o "$out"
  printf '%s: %s bytes\n' "$out" "$(wc -c <"$out")"
done
