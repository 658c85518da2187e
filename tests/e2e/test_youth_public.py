"""Praat erover in a real browser: the hulpwijzer, the quick exit, no JavaScript,
a small phone, accessibility, and what each page costs to load."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Request, Response, Route, expect

from kindveilig.youth.public.seed_data import ensure_default_services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BUDGET_BYTES = 20 * 1024
NEUTRAL_PAGE = (
    "<!DOCTYPE html><html lang='nl'><title>Weer</title><h1>Het weer</h1></html>"
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(autouse=True)
def help_services(transactional_db: None) -> None:
    ensure_default_services()


def public_pages() -> dict[str, str]:
    hulpwijzer = reverse("youth:hulpwijzer")
    return {
        "start": reverse("youth:start"),
        "question-1": hulpwijzer,
        "question-4": f"{hulpwijzer}?v1=nee&v2=ja&v3=nee",
        "advice-danger": f"{hulpwijzer}?v1=ja",
        "advice-home": f"{hulpwijzer}?v1=nee&v2=nee&v3=ja&v4=ja",
        "help-list": reverse("youth:help-list"),
        "privacy": reverse("youth:privacy"),
        **{f"start-{code}": _in(code, "youth:start") for code in OTHER_LANGUAGES},
        **{
            f"help-list-{code}": _in(code, "youth:help-list")
            for code in OTHER_LANGUAGES
        },
        "question-1-ar": _in("ar", "youth:hulpwijzer"),
        "advice-home-ar": f"{_in('ar', 'youth:hulpwijzer')}?v1=nee&v2=nee&v3=ja&v4=ja",
        "privacy-ar": _in("ar", "youth:privacy"),
    }


OTHER_LANGUAGES = ("en", "ar", "tr", "pl", "uk")


def _in(language: str, name: str) -> str:
    with translation.override(language):
        return reverse(name)


def serve_neutral_page(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)


@pytest.fixture
def neutral(page: Page) -> str:
    """The quick exit's page, answered locally: the test never reaches the network."""
    url = settings.KINDVEILIG_QUICK_EXIT_URL
    page.route(url, serve_neutral_page)
    return url


def answer(page: Page, *answers: str) -> None:
    for value in answers:
        page.get_by_role("button", name=value, exact=True).click()


@pytest.mark.parametrize(
    ("answers", "first_help"),
    [
        (("Ja",), "112"),
        (("Nee", "Ja", "Nee", "Nee"), "De Kindertelefoon"),
        (("Nee", "Ja", "Ja", "Nee"), "Veilig Thuis"),
        (("Nee", "Ja", "Nee", "Ja"), "Villa Pinedo"),
    ],
    ids=["danger", "anonymous", "home", "parents-split-up"],
)
def test_the_hulpwijzer_leads_to_the_right_help(
    page: Page, live_server: Any, answers: tuple[str, ...], first_help: str
) -> None:
    page.goto(f"{live_server.url}{reverse('youth:start')}")
    page.get_by_role("link", name="Zoek hulp die bij je past").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Welke hulp past bij jou?"
    )
    answer(page, *answers)
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze hulp past bij jou")
    expect(page.locator(".kv-service h2").first).to_have_text(first_help)
    if first_help == "112":
        expect(page.get_by_role("alert")).to_contain_text("Bel nu 112.")
        expect(page.locator('a[href="tel:112"]').first).to_be_visible()


def test_the_quick_exit_is_first_in_the_tab_order(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}{reverse('youth:help-list')}")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Snel weg")


def test_the_quick_exit_button_leaves_and_back_does_not_return(
    page: Page, live_server: Any, neutral: str
) -> None:
    page.goto(f"{live_server.url}{reverse('youth:start')}")
    page.get_by_role("link", name="Zoek hulp die bij je past").click()
    answer(page, "Nee")
    expect(page.get_by_role("heading", level=2)).to_have_text(
        "Wil je praten zonder je naam te zeggen?"
    )
    page.wait_for_load_state()
    page.get_by_role("link", name="Snel weg").click()
    page.wait_for_url(neutral)
    expect(page.get_by_role("heading", level=1)).to_have_text("Het weer")
    page.go_back()
    assert not page.url.startswith(live_server.url), page.url


def test_escape_leaves_and_back_does_not_return(
    page: Page, live_server: Any, neutral: str
) -> None:
    page.goto(f"{live_server.url}{reverse('youth:start')}")
    page.get_by_role("link", name="Bekijk alle hulplijnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alle hulp op een rij")
    page.wait_for_load_state()  # the deferred script listens from here on
    page.keyboard.press("Escape")
    page.wait_for_url(neutral)
    page.go_back()
    assert not page.url.startswith(live_server.url), page.url


def test_without_javascript_the_hulpwijzer_and_the_quick_exit_still_work(
    browser: Browser, live_server: Any
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    context.route(settings.KINDVEILIG_QUICK_EXIT_URL, serve_neutral_page)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{reverse('youth:start')}")
        page.get_by_role("link", name="Zoek hulp die bij je past").click()
        answer(page, "Nee", "Ja", "Ja", "Nee")
        expect(page.locator(".kv-service h2").first).to_have_text("Veilig Thuis")
        assert "v3=ja" in page.url
        page.get_by_role("link", name="Snel weg").click()
        page.wait_for_url(settings.KINDVEILIG_QUICK_EXIT_URL)
        expect(page.get_by_role("heading", level=1)).to_have_text("Het weer")
    finally:
        context.close()


def test_a_small_phone_gets_one_column_and_the_exit_stays_in_reach(
    browser: Browser, live_server: Any
) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, locale="nl-NL"
    )
    page = context.new_page()
    try:
        for url in public_pages().values():
            page.goto(f"{live_server.url}{url}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, url
        page.goto(f"{live_server.url}{reverse('youth:help-list')}")
        page.mouse.wheel(0, 5000)
        page.wait_for_function("window.scrollY > 500")
        exit_box = page.get_by_role("link", name="Snel weg").bounding_box()
        assert exit_box is not None
        assert 0 <= exit_box["y"] < 100
        assert exit_box["height"] >= 44
    finally:
        context.close()


@pytest.mark.parametrize("name", list(public_pages()))
def test_the_page_has_no_accessibility_violations(
    page: Page, live_server: Any, name: str
) -> None:
    page.goto(f"{live_server.url}{public_pages()[name]}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]
    assert violations == []


@pytest.mark.parametrize("name", list(public_pages()))
def test_the_page_is_small_and_asks_nothing_of_other_sites(
    page: Page, live_server: Any, name: str
) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(live_server.url))
    responses: list[Response] = []
    elsewhere: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith(origin) and not request.url.startswith("data:"):
            elsewhere.append(request.url)

    page.on("request", on_request)
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{live_server.url}{public_pages()[name]}", wait_until="networkidle")
    own = [r for r in responses if r.url.startswith(origin)]
    assert {urlsplit(r.url).path.rsplit(".", 1)[-1] for r in own} >= {"css", "js"}
    assert [(r.url, r.status) for r in own if r.status != 200] == []
    total = sum(len(r.body()) for r in own)
    assert total < BUDGET_BYTES, f"{name}: {total} bytes"
    assert elsewhere == []
    assert page.context.cookies() == []
