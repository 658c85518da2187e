"""The children's pages: no login, no cookie, nothing stored, nothing revealing."""

import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext

import pytest

from .pages import PAGE_NAMES, linked_urls, public_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("help_services")]

TOPIC_WORDS = (
    "geweld",
    "mishandel",
    "misbruik",
    "scheiding",
    "zelfmoord",
    "zelfdoding",
    "abuse",
    "violence",
    "divorce",
    "suicide",
    "veilig",
    "thuis",
)


def test_the_urls_are_the_neutral_ones() -> None:
    youth = "/" + settings.KINDVEILIG_YOUTH_PATH + "nl/"
    assert reverse("youth:start") == youth
    assert reverse("youth:hulpwijzer") == f"{youth}hulp/"
    assert reverse("youth:help-list") == f"{youth}hulplijnen/"
    assert reverse("youth:privacy") == f"{youth}privacy/"
    assert reverse("youth:quick-exit") == f"{youth}weg/"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_page_sets_no_cookie_and_may_not_be_stored(client: Client, name: str) -> None:
    response = client.get(public_pages()[name])
    assert response.status_code == 200
    assert response.cookies == {}
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "csrfmiddlewaretoken" not in content
    assert 'method="post"' not in content


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_has_the_same_neutral_title(client: Client, name: str) -> None:
    content = client.get(public_pages()[name]).content.decode()
    assert re.findall(r"<title>(.*?)</title>", content) == [gettext("Information")]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_quick_exit_comes_first_and_no_inline_code_or_style(
    client: Client, name: str
) -> None:
    content = client.get(public_pages()[name]).content.decode()
    body = content[content.index("<body") :]
    first_link = re.search(r"<a\b[^>]*>", body)
    assert first_link is not None
    assert 'data-quick-exit="' in first_link.group(0)
    assert reverse("youth:quick-exit") in first_link.group(0)
    assert settings.KINDVEILIG_QUICK_EXIT_URL in first_link.group(0)
    assert "style=" not in content
    assert "<style" not in content
    assert re.search(r"<script(?![^>]*\bsrc=)", content) is None
    assert re.search(r"\son[a-z]+=", content) is None
    # Only our own CSS and script: the small bundles of the page's group (the
    # hulpwijzer's questions have their own), never kindveilig.css.
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', content)
    group = "-question" if name.startswith("question-") else ""
    assert sorted(assets) == [
        f"/static/css/public{group}.css",
        "/static/js/quick-exit.js",
        f"/static/vendor/nlds/nlds-public{group}.css",
    ]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_no_link_or_form_reveals_the_topic(client: Client, name: str) -> None:
    urls = linked_urls(client.get(public_pages()[name]).content.decode())
    assert urls
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in {"https", "http"} and parts.netloc:
            continue  # the helplines' own sites; their names are not our URLs
        words = [parts.path, *(f"{k}={v}" for k, v in parse_qsl(parts.query))]
        for word in TOPIC_WORDS:
            assert all(word not in part.lower() for part in words), url


def test_the_hulpwijzer_form_asks_with_get_and_neutral_values(client: Client) -> None:
    content = client.get(public_pages()["question-2"]).content.decode()
    assert 'method="get"' in content
    assert '<input type="hidden" name="v1" value="nee">' in content
    assert 'name="v2" value="ja"' in content
    assert 'name="v2" value="nee"' in content


def test_danger_leads_to_112(client: Client) -> None:
    content = client.get(public_pages()["advice-danger"]).content.decode()
    assert 'href="tel:112"' in content
    assert gettext("Call 112 now.") in content


def test_the_advice_shows_the_services_in_order(client: Client) -> None:
    content = client.get(public_pages()["advice-home-named"]).content.decode()
    veilig_thuis = content.index('id="kv-service-veilig-thuis"')
    villa_pinedo = content.index('id="kv-service-villa-pinedo"')
    kindertelefoon = content.index('id="kv-service-kindertelefoon"')
    assert veilig_thuis < villa_pinedo < kindertelefoon
    assert 'href="tel:08002000"' in content


def test_the_help_list_shows_every_helpline_with_its_status(client: Client) -> None:
    content = client.get(reverse("youth:help-list")).content.decode()
    for number in ("tel:112", "tel:08000432", "tel:08002000", "tel:08000113"):
        assert f'href="{number}"' in content
    assert "Villa Pinedo" in content
    assert "Chris" in content
    assert gettext("Day and night") in content


def test_the_quick_exit_link_goes_to_the_neutral_page(client: Client) -> None:
    response = client.get(reverse("youth:quick-exit"))
    assert response.status_code == 302
    assert response["Location"] == settings.KINDVEILIG_QUICK_EXIT_URL
    assert response["Referrer-Policy"] == "no-referrer"
    assert response.cookies == {}


def test_the_privacy_page_names_the_retention_period(
    client: Client, settings: Any
) -> None:
    content = client.get(reverse("youth:privacy")).content.decode()
    assert " 60 " in content
    settings.KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS = 30
    content = client.get(reverse("youth:privacy")).content.decode()
    assert " 30 " in content


def test_dutch_is_wired_on_the_children_pages(client: Client) -> None:
    content = client.get(reverse("youth:start")).content.decode()
    assert '<html lang="nl" dir="ltr">' in content
    assert "Snel weg" in content
    assert "<title>Informatie</title>" in content


def test_the_start_page_and_the_advice_link_to_the_trusted_adult(
    client: Client,
) -> None:
    message_url = reverse("youth:message-start")
    start = client.get(reverse("youth:start")).content.decode()
    assert f'href="{message_url}"' in start
    named = client.get(public_pages()["advice-home-named"]).content.decode()
    assert f'href="{message_url}"' in named
    anonymous = client.get(public_pages()["advice-anonymous"]).content.decode()
    assert f'href="{message_url}"' not in anonymous.split("<main", 1)[1]
