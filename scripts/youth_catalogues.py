"""Extract the catalogues of the children's languages: ar, tr, pl, uk.

The professional pages are Dutch and English only; the children's pages
("Praat erover") also speak Arabic, Turkish, Polish and Ukrainian. Their
catalogues hold only the strings of the children's pages, so a translator sees
about two hundred short sentences, not the whole product:

    python scripts/youth_catalogues.py [PACKAGE_DIR]

runs ``makemessages`` for those languages (with source locations), keeps the
entries used in a file under ``CHILD_SOURCES`` and drops the locations again.
``make messages`` runs it; ``scripts/check_messages.py`` runs it on a scratch
copy to find strings missing from the catalogues. Adding a language: add it
here and to ``youth.public.language.YOUTH_LANGUAGES`` (docs/youth.md).
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kindveilig"
CHILD_LANGUAGES = ("ar", "tr", "pl", "uk")
# Paths (relative to the package) whose strings a child can see.
CHILD_SOURCES = (
    "templates/public/",
    # The form components the children's forms render with.
    "templates/components/field.html",
    "templates/components/form_errors.html",
    "youth/public/",
    "youth/messages/codes.py",
    "youth/messages/forms.py",
    "youth/messages/guessing.py",
    "youth/messages/hours.py",
    "youth/messages/one_time_pages.py",
)
TRANSLATOR_NOTE = (
    "Kindveilig project (machine-assisted draft, to be reviewed by a native speaker)"
)


def catalogue_path(package: Path, language: str) -> Path:
    return package / "locale" / language / "LC_MESSAGES" / "django.po"


def extract(package: Path) -> None:
    arguments = [sys.executable, str(ROOT / "manage.py"), "makemessages"]
    for language in CHILD_LANGUAGES:
        arguments += ["-l", language]
    arguments += ["--ignore", "test_*", "--ignore", "tests/*", "--verbosity", "0"]
    subprocess.run(  # noqa: S603  # our own interpreter and manage.py
        arguments,
        cwd=package,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "kindveilig.settings.test"
            ),
        },
        check=True,
    )
    for language in CHILD_LANGUAGES:
        prune(catalogue_path(package, language), language)


def prune(path: Path, language: str) -> None:
    """Keep the children's strings, without source locations."""
    catalogue = polib.pofile(str(path), wrapwidth=0)
    kept = polib.POFile(wrapwidth=0)
    kept.metadata = catalogue.metadata
    kept.metadata["Last-Translator"] = TRANSLATOR_NOTE
    kept.metadata["Language"] = language
    kept.header = ""
    for entry in catalogue:
        if entry.obsolete:
            continue
        if any(file.startswith(CHILD_SOURCES) for file, _ in entry.occurrences):
            entry.occurrences = []
            kept.append(entry)
    kept.save(str(path))


if __name__ == "__main__":
    extract(Path(sys.argv[1]) if len(sys.argv) > 1 else PACKAGE)
