#!/usr/bin/env bash
# Install the Debian packages a target needs, when they are missing.
# Usage: ensure_system_packages.sh run|test|ha
set -euo pipefail
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have msgfmt || need+=(gettext)
# run and test: WeasyPrint (the melding PDF) loads pango through cffi and needs a font.
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${1:-run}" = "test" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
  have chromium || need+=(chromium)
  have pdftotext || need+=(poppler-utils)
  dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || need+=(libharfbuzz-subset0)
fi
# ha (make bench-ha): the reverse proxy in front of two nodes.
if [ "${1:-run}" = "ha" ]; then
  have haproxy || need+=(haproxy)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${need[*]}. Install them (apt-get install ${need[*]}) or run as root." >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
