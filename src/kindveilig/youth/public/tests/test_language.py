"""The children's pages in six languages, the language kept in the path."""

from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from kindveilig.youth.public.language import (
    YOUTH_LANGUAGES,
    best_language,
    language_from_path,
)

pytestmark = pytest.mark.django_db


def _in(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", YOUTH_LANGUAGES)
def test_every_page_is_under_its_language(client: Client, language: str) -> None:
    url = _in(language, "youth:help-list")
    assert url == f"/praat/{language}/hulplijnen/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert response.cookies == {}
    content = response.content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in content
    # Every link on the page stays in the language.
    assert f'href="{_in(language, "youth:privacy")}"' in content
    assert f'href="{_in(language, "youth:hulpwijzer")}"' in content


def test_english_pages_are_in_english(client: Client) -> None:
    content = client.get(_in("en", "youth:start")).content.decode()
    assert "Leave quickly" in content
    question = client.get(_in("en", "youth:hulpwijzer")).content.decode()
    assert "Are you in danger right now?" in question
    assert 'name="taal"' not in question  # the path carries it, no field needed


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ar-MA,ar;q=0.9,nl;q=0.8", "ar"),
        ("tr-TR", "tr"),
        ("de-DE,pl;q=0.7,en;q=0.5", "pl"),
        ("uk,ru;q=0.8", "uk"),
        ("en-GB,en;q=0.9", "en"),
        ("de-DE,fr;q=0.9", "nl"),
        ("ar;q=0,en;q=0.5", "en"),
        ("", "nl"),
    ],
)
def test_the_bare_address_offers_the_browser_language(
    client: Client, header: str, expected: str
) -> None:
    response = client.get("/praat/", headers={"accept-language": header})
    assert response.status_code == 302
    assert response["Location"] == f"/praat/{expected}/"
    assert "Accept-Language" in response["Vary"]
    assert response.cookies == {}
    assert best_language(header) == expected


def test_an_old_link_keeps_its_page_query_and_language_choice(client: Client) -> None:
    response = client.get("/praat/hulp/?gevaar=nee&taal=en")
    assert response.status_code == 302
    assert response["Location"] == "/praat/en/hulp/?gevaar=nee"
    unknown = client.get("/praat/hulp/?taal=xx", headers={"accept-language": "tr"})
    assert unknown["Location"] == "/praat/tr/hulp/"


def test_an_unknown_page_in_a_language_is_not_found_not_redirected(
    client: Client,
) -> None:
    assert client.get("/praat/ar/bestaat-niet/").status_code == 404
    assert client.post("/praat/hulp/").status_code == 404


def test_the_header_links_to_this_page_in_every_language(client: Client) -> None:
    url = _in("tr", "youth:hulpwijzer") + "?gevaar=nee"
    content = client.get(url).content.decode()
    for language in YOUTH_LANGUAGES:
        target = _in(language, "youth:hulpwijzer") + "?gevaar=nee"
        assert f'href="{target}" lang="{language}" hreflang="{language}"' in content
    assert 'lang="tr" hreflang="tr" dir="ltr" aria-current="page">Türkçe<' in content
    assert 'hreflang="ar" dir="rtl">' in content


def test_language_from_path() -> None:
    assert language_from_path("/praat/uk/bericht/") == "uk"
    assert language_from_path("/praat/xx/bericht/") is None
    assert language_from_path("/beheer/ar/") is None


def test_professional_pages_stay_dutch_whatever_the_browser_says(
    client: Client,
) -> None:
    response = client.get(reverse("accounts:login"), headers={"accept-language": "ar"})
    assert response["Content-Language"] == "nl"


def test_numbers_and_times_stay_left_to_right_on_the_arabic_pages(
    client: Client,
) -> None:
    content = client.get(_in("ar", "youth:help-list")).content.decode()
    assert "\u20660800-0432\u2069" in content  # not "0432-0800"
    assert "\u206611:00–21:00\u2069" in content  # not turned round
