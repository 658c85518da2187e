"""The Dutch children's pages are written at language level B1 or simpler.

The measure is Flesch–Douma (Flesch's reading ease with Douma's constants for
Dutch, textstat with ``set_lang("nl")``): 60 or more reads as "easy" to
"fairly easy", around B1. A formula cannot see jargon, so a short list of
words that B1 guides (Direct Duidelijk, Klare taal) tell us to avoid is
checked as well.
"""

import re

from django.test import Client
from django.utils.translation import gettext

import pytest
import textstat  # type: ignore[import-untyped]  # textstat ships no type information

from .pages import PAGE_NAMES, public_pages, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("help_services")]

MINIMUM_FLESCH_DOUMA = 60
# Official or adult words with a plain alternative (and the jargon of the field).
WORDS_TO_AVOID = (
    "indien",
    "middels",
    "teneinde",
    "derhalve",
    "betreffende",
    "inzake",
    "alsmede",
    "conform",
    "reeds",
    "tevens",
    "desgewenst",
    "dienen",
    "verstrekken",
    "persoonsgegevens",
    "verwerken",
    "verwerking",
    "bewaartermijn",
    "anonimiteit",
    "melding",
    "meldcode",
    "huiselijk",
    "kindermishandeling",
    "hulpverlening",
    "hulpverlener",
    "functioneel",
)


@pytest.fixture(autouse=True)
def _dutch_readability() -> None:
    textstat.set_lang("nl")


def test_the_dutch_catalogue_has_the_childrens_texts() -> None:
    assert gettext("Leave quickly") == "Snel weg", (
        "The nl catalogue lacks the youth texts: run make messages and translate them."
    )


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_page_reads_at_b1_or_simpler(client: Client, name: str) -> None:
    text = visible_text(client.get(public_pages()[name]).content.decode())
    score = textstat.flesch_reading_ease(text)
    assert score >= MINIMUM_FLESCH_DOUMA, f"{name}: {score:.0f} for: {text}"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_page_avoids_difficult_words(client: Client, name: str) -> None:
    text = visible_text(client.get(public_pages()[name]).content.decode()).lower()
    found = [w for w in WORDS_TO_AVOID if re.search(rf"\b{w}\w*", text)]
    assert found == [], name


def test_sentences_stay_short(client: Client) -> None:
    for name, url in public_pages().items():
        text = visible_text(client.get(url).content.decode())
        longest = max(len(s.split()) for s in re.split(r"[.?!:;]", text))
        assert longest <= 20, name
