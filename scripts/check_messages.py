"""Fail when the catalogues are incomplete or out of date with the code.

1. Re-extract the messages into a scratch copy and compare the msgids: a string
   added to the code but not to the catalogues fails the build (Open Forms'
   i18n-check does the same).
2. Every entry is translated and none is fuzzy: nl and en hold every string,
   the children's languages (ar, tr, pl, uk) the strings of the children's
   pages (scripts/youth_catalogues.py).
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kindveilig"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from youth_catalogues import CHILD_LANGUAGES, extract  # noqa: E402

LANGUAGES = ("nl", "en", *CHILD_LANGUAGES)


def msgids(path: Path) -> set[tuple[str, str]]:
    return {
        (entry.msgctxt or "", entry.msgid)
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }


def main() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "kindveilig"
        shutil.copytree(
            PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kindveilig.settings.test"}
        subprocess.run(  # noqa: S603  # our own interpreter and manage.py
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "makemessages",
                "-l",
                "nl",
                "-l",
                "en",
                "--no-location",
                "--ignore",
                "test_*",
                "--ignore",
                "tests/*",
                "--verbosity",
                "0",
            ],
            cwd=copy,
            env=env,
            check=True,
        )
        extract(copy)
        for language in LANGUAGES:
            committed = PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"
            fresh = copy / "locale" / language / "LC_MESSAGES" / "django.po"
            missing = msgids(fresh) - msgids(committed)
            stale = msgids(committed) - msgids(fresh)
            for _, msgid in sorted(missing):
                problems.append(
                    f"{language}: not in the catalogue (run `make messages`): {msgid!r}"
                )
            for _, msgid in sorted(stale):
                problems.append(
                    f"{language}: no longer in the code (run `make messages`): {msgid!r}"
                )
    for language in LANGUAGES:
        catalogue = polib.pofile(
            str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po")
        )
        for entry in catalogue:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"{language}: fuzzy: {entry.msgid!r}")
            elif not entry.translated():
                problems.append(f"{language}: untranslated: {entry.msgid!r}")
    for problem in problems:
        print(problem)  # noqa: T201  # a command-line check reports on stdout
    if problems:
        print(f"{len(problems)} catalogue problem(s).")  # noqa: T201
        return 1
    print(f"Catalogues complete ({', '.join(LANGUAGES)}).")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
