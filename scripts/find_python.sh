#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6 needs it), or explain and fail.
set -euo pipefail
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
for candidate in "${PYTHON:-}" python3.13 python3.12; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null || true)
  if [ -n "$path" ] && ok "$path"; then echo "$path"; exit 0; fi
done
roots=()
command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root)")
roots+=("${PYENV_ROOT:-}" "$HOME/.pyenv" /root/.pyenv /opt/pyenv)
for root in "${roots[@]}"; do
  [ -n "$root" ] && [ -d "$root/versions" ] || continue
  for version in $(ls "$root/versions" | grep -E '^3\.(12|13)\.' | sort -V); do
    path="$root/versions/$version/bin/python3"
    if [ -x "$path" ] && ok "$path"; then echo "$path"; exit 0; fi
  done
done
# Finally the default python3, if it is new enough.
path=$(command -v python3 2>/dev/null || true)
if [ -n "$path" ] && ok "$path"; then echo "$path"; exit 0; fi
echo "Kindveilig needs Python 3.12 or newer (Django 6 requires it)." >&2
echo "Install python3.12 or python3.13 (Debian: apt-get install python3.13), or set PYTHON=/path/to/python3.12." >&2
exit 1
