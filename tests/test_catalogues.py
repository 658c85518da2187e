"""Both catalogues are complete, and the Dutch one is wired into the pages."""

from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "src" / "kindveilig" / "locale"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_entry_is_translated_and_none_is_fuzzy(language: str) -> None:
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_dutch_is_the_default_and_english_the_second_language() -> None:
    with translation.override("nl"):
        assert gettext("Log in") == "Inloggen"
    with translation.override("en"):
        assert gettext("Log in") == "Log in"
