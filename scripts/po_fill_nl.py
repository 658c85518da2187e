"""Fill Dutch msgstrs from a Python file holding a dict ``T`` (msgid -> Dutch).

Usage: python scripts/po_fill_nl.py translations.py  — a tool for developers;
the .po file stays the source of truth.
"""

import runpy
import sys
from pathlib import Path

import polib

PO = (
    Path(__file__).resolve().parent.parent
    / "src/kindveilig/locale/nl/LC_MESSAGES/django.po"
)


def main() -> int:
    table: dict[str, object] = runpy.run_path(sys.argv[1])["T"]
    catalogue = polib.pofile(str(PO))
    missing = []
    for entry in catalogue:
        if entry.msgid in table:
            value = table[entry.msgid]
            if entry.msgid_plural:
                # A plural entry takes a (singular, plural) pair.
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif not (entry.msgstr or entry.msgstr_plural.get(0)):
            missing.append(entry.msgid)
    catalogue.save()
    for msgid in missing:
        sys.stdout.write(f"untranslated: {msgid!r}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
