#!/usr/bin/env bash
# Vendor the NL Design System CSS into src/kindveilig/static/vendor/nlds/.
#
#   npm ci && bash scripts/vendor_css.sh      (or: npm ci && npm run vendor)
#
# Reads node_modules (installed from package-lock.json) and writes:
#   nlds.css         voorbeeld theme tokens + the Utrecht components the
#                    professional pages use
#   nlds-public*.css the small bundles for the public youth pages, one per
#                    page group (nlds-public.css, nlds-public-form.css, ...):
#                    each holds only what the pages that link it use
#                    (scripts/youth_bundles.py)
#   VERSIONS.txt     package, version and licence of every source file
# The output is committed, so `make run` and CI never need npm. The build is
# deterministic: running it twice gives the same bytes. Re-run it after a
# version bump, after changing a component list below, or after our own CSS
# in src/kindveilig/static/css/ starts reading a design token it did not read
# before (the bundles keep only the tokens that something reads), and after a
# youth template starts using a class (or another page group's bundle).
# See docs/frontend.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
NM="node_modules"
OUT="src/kindveilig/static/vendor/nlds"
TOKENS_PKG="@nl-design-system-unstable/voorbeeld-design-tokens"
BUNDLE_PKG="@utrecht/component-library-css"

die() { echo "vendor_css.sh: $*" >&2; exit 1; }

pkg_field() { # pkg_field <package dir> <field>
  "$PYTHON" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' \
    "$1/package.json" "$2"
}

# node_modules must hold exactly the versions pinned in package.json.
for pkg in "$TOKENS_PKG" "$BUNDLE_PKG" lightningcss-cli; do
  [ -f "$NM/$pkg/package.json" ] || die "$NM/$pkg is missing: run 'npm ci' first"
  want="$("$PYTHON" -c 'import json,sys; print(json.load(open("package.json"))["devDependencies"][sys.argv[1]])' "$pkg")"
  have="$(pkg_field "$NM/$pkg" version)"
  [ "$want" = "$have" ] || die "$pkg is $have in node_modules, package.json pins $want: run 'npm ci'"
done

# --- What goes in -----------------------------------------------------------
# Component packages (@utrecht/<name>-css), in cascade order.
FULL_COMPONENTS=(
  root body document page page-layout page-header page-body page-footer
  skip-link nav-bar nav-list link-list
  heading-1 heading-2 heading-3 heading-4 paragraph link unordered-list
  ordered-list separator
  button button-link button-group
  form form-field form-label form-field-description form-field-error-message
  form-fieldset textbox textarea select checkbox radio-button
  alert table status-badge data-badge
)
PUBLIC_COMPONENTS=(
  root body page-body skip-link
  heading-1 heading-2 heading-3 paragraph link unordered-list
  button alert
  form-field form-label form-field-description form-field-error-message
  textbox textarea
)

# Selectors dropped from both bundles: classes that only simulate a state in
# the component library's documentation (the real :hover/:focus/... selectors
# stay), and fixed-width textbox sizes we do not use.
COMMON_DROPS=(
  '\.utrecht-(button|button-link|link|skip-link|textbox|textarea|select|checkbox|radio-button)--(hover|focus|focus-visible|active)(?![\w-])'
  '\.utrecht-textbox--[a-z-]+-size(?![\w-])'
  '\.utrecht-textbox--placeholder-(ltr|rtl)'
  ':fullscreen'
)
# Extra drops for the public bundle (the youth pages stay under 20 KB): button
# hints (danger/ready/warning), the subtle button, busy/pressed states,
# read-only/disabled fields, checkbox/radio labels and other unused modifiers,
# the styles for number, e-mail, URL and password inputs and for placeholders
# (the youth forms have text inputs without placeholder), and disabled buttons
# (no youth page disables one).
PUBLIC_DROPS=(
  '\.utrecht-button--(danger|ready|warning|busy|pressed)(?![\w-])'
  '\.utrecht-(textbox|textarea)--(disabled|read-only|numeric|password|url)(?![\w-])'
  '\.utrecht-(textbox|textarea)__placeholder'
  '\.utrecht-link--(telephone|placeholder|box-content|visited|current)(?![\w-])'
  '\.utrecht-form-field-description--(valid|warning)(?![\w-])'
  '\.utrecht-form-field--(checkbox|radio)(?![\w-])'
  '\.utrecht-paragraph(--small|__small|__b)(?![\w-])'
  '\.utrecht-button--(subtle|distanced|submit)(?![\w-])'
  '\.utrecht-(textbox--html-input|textarea--html-textarea):(read-only|disabled)'
  '\.utrecht-skip-link--(hidden|visible)(?![\w-])'
  '\.utrecht-form-label--(checkbox|radio|checked|disabled)(?![\w-])'
  '\.utrecht-form-field__description--before'
  '\.utrecht-link--forced-colors'
  '\.utrecht-textbox--html-input\[(type|inputMode|pattern)='
  '\.utrecht-(textbox--html-input|textarea--html-textarea)::placeholder'
  '^\.utrecht-button:disabled$'
  '\.utrecht-unordered-list(--center|--distanced|--nested|--html-content|__marker)(?![\w-])'
)

# One public bundle per page group: each youth page links the bundle of its
# group in {% block stylesheets %} (templates/public/base.html links
# nlds-public.css), and each bundle keeps only the selectors whose classes
# its pages use (prune_css.py --used-in): the class="..." attributes of the
# page templates, of what they extend and include, the classes that the form
# code puts on widgets when a page renders fields, and those that the script
# adds (scripts/youth_bundles.py lists the files). core/forms.py also adds
# "<component>--invalid" at run time, always with aria-invalid="true": the
# [aria-invalid=true] rules style those fields (with a higher specificity and
# the same declarations), so the --invalid class rules are left out.
mapfile -t PUBLIC_BUNDLES < <("$PYTHON" scripts/youth_bundles.py bundles vendor/nlds/nlds-public)
[ "${#PUBLIC_BUNDLES[@]}" -gt 0 ] || die "no youth page links a vendor/nlds/nlds-public*.css"

# Mappings the voorbeeld theme (7.4.1) lacks, appended to both bundles inside
# .voorbeeld-theme: it defines --basis-focus-* but no --utrecht-focus-*, no
# --utrecht-document-* tokens, and gives the page body a padding-inline token
# that the page-body component (which reads -start/-end) does not read. The font stacks keep the theme's Noto
# fonts first (used when installed) and fall back to the system UI font
# rather than to a browser default serif: we ship no web fonts (size, privacy,
# and the OFL font packages are not EUPL).
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/extra.css" <<'CSS'
.voorbeeld-theme {
  --basis-text-font-family-default: "Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --basis-heading-font-family: var(--basis-text-font-family-default);
  --utrecht-document-font-family: var(--basis-text-font-family-default);
  --utrecht-document-font-size: var(--basis-text-font-size-md);
  --utrecht-document-line-height: var(--basis-text-line-height-md);
  --utrecht-document-color: var(--basis-color-default-color-document);
  --utrecht-document-background-color: var(--basis-color-default-bg-document);
  --utrecht-page-body-content-padding-inline-start: var(--basis-space-inline-xl);
  --utrecht-page-body-content-padding-inline-end: var(--basis-space-inline-xl);
  --utrecht-focus-outline-color: var(--basis-focus-outline-color);
  --utrecht-focus-outline-style: var(--basis-focus-outline-style);
  --utrecht-focus-outline-width: var(--basis-focus-outline-width);
  --utrecht-focus-outline-offset: var(--basis-focus-outline-offset);
  --utrecht-focus-inverse-outline-color: var(--basis-focus-inverse-outline-color);
  --utrecht-focus-color: var(--basis-focus-color);
  --utrecht-focus-background-color: var(--basis-focus-background-color);
}
CSS

# --- Build --------------------------------------------------------------------
# Per bundle: lightningcss bundles the theme, the extra tokens and the
# components (in this order) and minifies them. scripts/prune_css.py then drops
# the selectors in DROPS and the custom properties that nothing reads (MODE:
# see its docstring) and adds the licence banner. A last lightningcss pass
# minifies the result again.
LIGHTNINGCSS="$NM/.bin/lightningcss"
# npm puts the binary for this platform in place with lightningcss-cli's
# postinstall script: the package itself ships a 78-byte placeholder.
"$LIGHTNINGCSS" --version >/dev/null 2>&1 ||
  die "$LIGHTNINGCSS does not run: run 'npm ci' with install scripts allowed"
THEME_CSS="$NM/$TOKENS_PKG/dist/theme.css"
THEME_SELECTOR=".voorbeeld-theme"

component_files() { for c in "$@"; do
  f="$NM/@utrecht/$c-css/dist/index.css"
  [ -f "$f" ] || die "missing $f"
  echo "$f"
done; }

# Our own stylesheets loaded next to each bundle: the tokens they read are
# kept. The professional pages (templates/base.html) load nlds.css with any of
# static/css/*.css; the public youth pages load an nlds-public*.css bundle with
# one of static/css/public*.css (never kindveilig.css: the 20 KB page budget).
context_args() { for f in "$@"; do [ -f "$f" ] && printf '%s\0%s\0' --context "$f"; done; return 0; }
mapfile -d '' FULL_CONTEXT < <(context_args src/kindveilig/static/css/*.css)
mapfile -d '' PUBLIC_CONTEXT < <(context_args src/kindveilig/static/css/public*.css)

TOKENS_VERSION="$(pkg_field "$NM/$TOKENS_PKG" version)"
BUNDLE_VERSION="$(pkg_field "$NM/$BUNDLE_PKG" version)"
LIGHTNINGCSS_VERSION="$(pkg_field "$NM/lightningcss-cli" version)"
BANNER="Generated by scripts/vendor_css.sh (lightningcss $LIGHTNINGCSS_VERSION) from $BUNDLE_PKG@$BUNDLE_VERSION and $TOKENS_PKG@$TOKENS_VERSION (see VERSIONS.txt). Do not edit."

mkdir -p "$OUT"
build() { # build <out> <component>... ; DROPS, MODE, CONTEXT, USED are arrays
  local out="$1" name; shift
  local -a files=() drop_args=() copyright_args=()
  mapfile -t files < <(component_files "$@")
  name="$(basename "$out" .css)"
  for f in "$THEME_CSS" "$WORK/extra.css" "${files[@]}"; do
    printf '@import "%s";\n' "$(realpath "$f")"
  done >"$WORK/$name.entry.css"
  "$LIGHTNINGCSS" --bundle --minify "$WORK/$name.entry.css" -o "$WORK/$name.min.css"
  for d in "${DROPS[@]}"; do drop_args+=(--drop "$d"); done
  for f in "${USED[@]}"; do drop_args+=(--used-in "$f"); done
  for f in "$THEME_CSS" "${files[@]}"; do copyright_args+=(--copyright-from "$f"); done
  "$PYTHON" scripts/prune_css.py --theme "$THEME_SELECTOR" --banner "$BANNER" \
    "${MODE[@]}" "${CONTEXT[@]}" "${drop_args[@]}" "${copyright_args[@]}" \
    --out "$WORK/$name.pruned.css" "$WORK/$name.min.css"
  # Once more: inlined values let lightningcss merge longhands into shorthands.
  "$LIGHTNINGCSS" --minify "$WORK/$name.pruned.css" -o "$out"
  printf '%s: %s bytes\n' "$out" "$(wc -c <"$out")"
}

DROPS=("${COMMON_DROPS[@]}")
MODE=(--rename-private)
CONTEXT=("${FULL_CONTEXT[@]}")
USED=()
build "$OUT/nlds.css" "${FULL_COMPONENTS[@]}"
DROPS=("${COMMON_DROPS[@]}" "${PUBLIC_DROPS[@]}")
MODE=(--closed-world --rename-private)
CONTEXT=("${PUBLIC_CONTEXT[@]}")
rm -f "$OUT"/nlds-public*.css # a group's bundle goes when no page links it
for bundle in "${PUBLIC_BUNDLES[@]}"; do
  mapfile -t USED < <("$PYTHON" scripts/youth_bundles.py files "$bundle")
  build "src/kindveilig/static/$bundle" "${PUBLIC_COMPONENTS[@]}"
done

# --- VERSIONS.txt -------------------------------------------------------------
{
  echo "# Vendored NL Design System CSS. Generated by scripts/vendor_css.sh; do not edit."
  echo "# Re-vendor: npm ci && bash scripts/vendor_css.sh   (see docs/frontend.md)"
  echo "# package version licence"
  printf '%s %s %s\n' "$TOKENS_PKG" "$TOKENS_VERSION" "$(pkg_field "$NM/$TOKENS_PKG" license)"
  printf '%s %s %s\n' "$BUNDLE_PKG" "$BUNDLE_VERSION" "$(pkg_field "$NM/$BUNDLE_PKG" license)"
  for c in $(printf '%s\n' "${FULL_COMPONENTS[@]}" "${PUBLIC_COMPONENTS[@]}" | sort -u); do
    d="$NM/@utrecht/$c-css"
    printf '%s %s %s\n' "$(pkg_field "$d" name)" "$(pkg_field "$d" version)" "$(pkg_field "$d" license)"
  done
  echo "#"
  echo "# nlds.css:        ${FULL_COMPONENTS[*]}"
  echo "# nlds-public*.css: ${PUBLIC_COMPONENTS[*]}"
  echo "#   (each with only the selectors whose classes its youth pages use: scripts/youth_bundles.py)"
  echo "# Source files: node_modules/$TOKENS_PKG/dist/theme.css and node_modules/@utrecht/<component>-css/dist/index.css"
  echo "# Built with lightningcss-cli $LIGHTNINGCSS_VERSION ($(pkg_field "$NM/lightningcss-cli" license)) and scripts/prune_css.py; no code of theirs is in the bundles."
} >"$OUT/VERSIONS.txt"

# Every vendored package must be EUPL-1.2 (never @utrecht/design-tokens).
if grep -v '^#' "$OUT/VERSIONS.txt" | awk '{print $3}' | grep -qv '^EUPL-1\.2$'; then
  die "a vendored package is not EUPL-1.2; see $OUT/VERSIONS.txt"
fi
echo "Wrote $OUT/VERSIONS.txt"
