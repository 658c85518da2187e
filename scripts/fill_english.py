"""Fill the English catalogue: msgids are English, so msgstr = msgid (like msgen)."""

from pathlib import Path

import polib

PO = (
    Path(__file__).resolve().parent.parent
    / "src/kindveilig/locale/en/LC_MESSAGES/django.po"
)


def main() -> None:
    catalogue = polib.pofile(str(PO))
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()


if __name__ == "__main__":
    main()
