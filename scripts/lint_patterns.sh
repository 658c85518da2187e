#!/usr/bin/env bash
# Project rules that ruff cannot express (Zulip-style pygrep checks).
set -uo pipefail
status=0
fail() { echo "lint: $1"; status=1; }
if grep -rnE '\.objects\.get\(|get_object_or_404\(' --include='views.py' --include='views/*.py' src/kindveilig | grep -v '# lint-allow'; then
  fail "views load personal data only through *_get_for selectors (no .objects.get / get_object_or_404)."
fi
if grep -rn '|safe' --include='*.html' src/kindveilig | grep -v 'allow-safe'; then
  fail "'|safe' in a template needs an 'allow-safe' comment saying why it is safe."
fi
if grep -rnE '^\s*print\(' --include='*.py' src/kindveilig tests; then
  fail "no print(): use self.stdout in commands, logging elsewhere."
fi
exit $status
