#!/usr/bin/env bash
# Minify our own CSS and JavaScript for the public youth pages.
#
#   npm ci && bash scripts/build_public.sh      (or: npm ci && npm run build-public)
#
# The readable sources are in frontend/; this writes the served files:
#   frontend/js/quick-exit.js  -> src/kindveilig/static/js/quick-exit.js    (terser)
#   frontend/css/public.css    -> src/kindveilig/static/css/public*.css     (lightningcss)
# Our CSS becomes one bundle per page group, like the NL Design System CSS
# (scripts/vendor_css.sh): css/public.css for the pages that link it (in
# templates/public/base.html), css/public-form.css for those that link that,
# and so on; each keeps only the selectors whose classes its pages use
# (scripts/youth_bundles.py lists the files, scripts/prune_css.py prunes).
# The output is committed, so `make run` and CI never need npm. The build is
# deterministic: running it twice gives the same bytes. Edit the source, run
# this, commit both; tests/test_public_assets.py fails when they disagree.
# Run it again after a youth template starts using a class of public.css (or
# another page group's bundle), and run scripts/vendor_css.sh after it when
# public.css starts reading a design token. See docs/frontend.md ("Page weight").
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

for f in frontend/js/*.js; do
  out="$STATIC/js/$(basename "$f")"
  # Our one script is an IIFE in ES5: compress and mangle its local names,
  # keep no comments (the source in frontend/ has them).
  "$NM/.bin/terser" "$f" --compress --mangle --ecma 5 --comments false -o "$out"
  printf '%s: %s bytes\n' "$out" "$(wc -c <"$out")"
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$NM/.bin/lightningcss" --minify frontend/css/public.css -o "$WORK/public.min.css"
mapfile -t BUNDLES < <("$PYTHON" scripts/youth_bundles.py bundles css/public)
[ "${#BUNDLES[@]}" -gt 0 ] || die "no youth page links a css/public*.css"
rm -f "$STATIC"/css/public*.css # a group's bundle goes when no page links it
for bundle in "${BUNDLES[@]}"; do
  used=()
  while read -r f; do used+=(--used-in "$f"); done < <("$PYTHON" scripts/youth_bundles.py files "$bundle")
  "$PYTHON" scripts/prune_css.py "${used[@]}" --out "$WORK/pruned.css" "$WORK/public.min.css"
  # Once more: rules that lost selectors may merge.
  out="$STATIC/$bundle"
  "$NM/.bin/lightningcss" --minify "$WORK/pruned.css" -o "$out"
  printf '%s: %s bytes\n' "$out" "$(wc -c <"$out")"
done
