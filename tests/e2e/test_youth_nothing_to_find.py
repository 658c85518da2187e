"""Nothing for a parent to find (issue 14, item 1).

A child writes to the trusted adult on a shared phone, presses "Snel weg" and
then Back, and later someone opens the browser again. No page may show what was
written, and nothing of the message, the way to reach the child or the school
may be left in the browser's profile (history, session restore, form state,
cache). The test runs a real Chromium with its own profile directory, closes
it, and searches every file in that directory.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, Route, expect

from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.youth.messages.models import DangerPattern, PublicChannel
from kindveilig.youth.messages.seed_data import seed_danger_patterns
from kindveilig.youth.public.seed_data import ensure_default_services

from .conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Distinctive words, so a hit in the profile can only come from this test.
SCHOOL = "Basisschool Klaproosveld"
MESSAGE = "Mijn oom Zwanenbloem doet eng. Ik wil niet meer naar de kermis."
# The same in Arabic, as a child on the Arabic pages writes it; the invented
# name makes a hit certain to come from this test.
MESSAGES = {
    "nl": (MESSAGE, "Zwanenbloem"),
    "ar": (
        "عمي زفانينبلوم يخيفني. لا أريد أن أذهب إلى الملاهي بعد الآن.",
        "زفانينبلوم",
    ),
}
CONTACT = "tjiftjaf.merel@voorbeeld.nl"
FIRST_NAME = "Kwartelina"
NEUTRAL_PAGE = (
    "<!DOCTYPE html><html lang='nl'><title>Weer</title><h1>Het weer</h1></html>"
)

# The languages the flow is proved in: Dutch, and Arabic (right to left, another
# script). The flow starts at the language's path (/praat/ar/...) and every
# label is looked up in that language.
LANGUAGES = ["nl", "ar"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Iterator[None]:
    """Every flow here sends from 127.0.0.1: leave the rate-limit counters (in
    the cache) as they were found, for the browser tests that run after these."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def school(transactional_db: None) -> PublicChannel:
    seed_danger_patterns(DangerPattern)
    ensure_default_services()
    organisation = OrganisationFactory.create(name=SCHOOL)
    return PublicChannel.objects.create(
        organisation=organisation, public_code="KLAPROOS", display_name=SCHOOL
    )


def _serve_neutral_page(route: Route) -> None:
    route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)


@pytest.fixture
def phone(
    playwright: Playwright, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[BrowserContext, Path]]:
    """A browser with a real profile directory on disk, as on a phone."""
    profile = tmp_path / "profile"
    javascript: bool = request.param
    context = playwright.chromium.launch_persistent_context(
        user_data_dir=profile,
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        java_script_enabled=javascript,
        locale="nl-NL",
        viewport={"width": 360, "height": 740},
    )
    context.route(settings.KINDVEILIG_QUICK_EXIT_URL, _serve_neutral_page)
    try:
        yield context, profile
    finally:
        context.close()


def _needles(code: str, language: str = "nl") -> dict[str, str]:
    message, part = MESSAGES[language]
    return {
        "message": message,
        "message (a part)": part,
        "contact": CONTACT,
        "first name": FIRST_NAME,
        "school": SCHOOL,
        "school (a part)": "Klaproosveld",
        "code": code,
    }


def _found_in_profile(profile: Path, needles: dict[str, str]) -> dict[str, list[str]]:
    """For each needle, the profile files that hold it (UTF-8, UTF-16LE, or
    percent-encoded as in a form body)."""
    found: dict[str, list[str]] = {}
    files = [path for path in profile.rglob("*") if path.is_file()]
    for label, text in needles.items():
        forms = {
            text.encode(),
            text.encode("utf-16-le"),
            quote_plus(text).encode(),
        }
        for path in files:
            try:
                data = path.read_bytes()
            except OSError:  # a socket or lock file
                continue
            if any(form in data for form in forms):
                found.setdefault(label, []).append(str(path.relative_to(profile)))
    return found


def _send_message(page: Page, base: str, language: str, typed: str = "klaproos") -> str:
    """Choose the school by its code, or by a part of its name and then from the
    list; write; send. The pick-up code on the receipt."""
    with translation.override(language):
        page.goto(f"{base}{reverse('youth:message-start')}")
    page.get_by_label(gettext("The code or the name of your school or club")).fill(
        typed
    )
    page.get_by_role("button", name=gettext("Search")).click()
    if typed.lower() != "klaproos":
        page.get_by_role("button", name=SCHOOL).click()
    expect(page.get_by_test_id("recipient")).to_contain_text(SCHOOL)
    page.get_by_label(gettext("What is going on?")).fill(MESSAGES[language][0])
    page.get_by_label(gettext("Your first name")).fill(FIRST_NAME)
    page.get_by_label(gettext("How can the adult reach you?")).fill(CONTACT)
    page.get_by_role("button", name=gettext("Send"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        gettext("Your message has been sent")
    )
    return page.get_by_label(gettext("Your code, to copy")).input_value()


def _quick_exit_and_back(page: Page) -> None:
    page.wait_for_load_state()  # the deferred script listens from here on
    page.get_by_role("link", name=gettext("Leave quickly")).click()
    page.wait_for_url(settings.KINDVEILIG_QUICK_EXIT_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Het weer")
    page.go_back()
    page.wait_for_load_state()


def _shown(page: Page) -> str:
    """What the page shows: its HTML and the values in its form fields (a value
    the browser restored into a field is not in the HTML)."""
    fields = [
        field.input_value()
        for field in page.locator("textarea, input:not([type=hidden])").all()
    ]
    return " ".join([page.content(), *fields])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "phone", [True, False], ids=["javascript", "no-javascript"], indirect=True
)
def test_after_quick_exit_and_back_no_page_shows_the_message_or_the_code(
    phone: tuple[BrowserContext, Path],
    live_server: Any,
    school: PublicChannel,
    language: str,
) -> None:
    context, _ = phone
    page = context.new_page()
    with translation.override(language):
        code = _send_message(page, live_server.url, language)
        _quick_exit_and_back(page)
    shown = _shown(page)
    # Back leads to a page shown once: the receipt (without JavaScript) or the
    # write page (with it: "Snel weg" replaced the receipt's entry).
    with translation.override(language):
        gone = gettext("This page is no longer available")
    expect(page.get_by_role("heading", level=1)).to_have_text(gone)
    message, part = MESSAGES[language]
    assert SCHOOL not in shown
    assert message not in shown, page.url
    assert part not in shown
    assert CONTACT not in shown
    assert FIRST_NAME not in shown
    assert code not in shown
    assert code.split()[0] not in page.url


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "typed", ["klaproos", "Klaproosveld"], ids=["by-code", "by-name"]
)
@pytest.mark.parametrize(
    "phone", [True, False], ids=["javascript", "no-javascript"], indirect=True
)
def test_the_profile_holds_nothing_of_the_message_the_contact_or_the_school(
    phone: tuple[BrowserContext, Path],
    live_server: Any,
    school: PublicChannel,
    language: str,
    typed: str,
) -> None:
    context, profile = phone
    page = context.new_page()
    with translation.override(language):
        code = _send_message(page, live_server.url, language, typed)
        _quick_exit_and_back(page)
    history_url = page.url
    context.close()  # as when the phone's browser is closed; flushes the profile
    found = _found_in_profile(profile, _needles(code, language))
    assert found == {}, f"after Back on {history_url}: {found}"


REPLY = "Gisteren was Zwanenbloem er weer bij de wasstraat."


@pytest.mark.parametrize(
    "phone", [True, False], ids=["javascript", "no-javascript"], indirect=True
)
def test_reading_and_writing_back_leaves_nothing_in_the_profile(
    phone: tuple[BrowserContext, Path], live_server: Any, school: PublicChannel
) -> None:
    context, profile = phone
    page = context.new_page()
    code = _send_message(page, live_server.url, "nl")
    page.goto(f"{live_server.url}{reverse('youth:message-read')}")
    page.get_by_label(gettext("Your code")).fill(code)
    page.get_by_role("button", name=gettext("Show my messages")).click()
    page.get_by_label(gettext("Write back")).fill(REPLY)
    page.get_by_role("button", name=gettext("Send"), exact=True).click()
    expect(page.get_by_test_id("message-child").last).to_contain_text(REPLY)
    _quick_exit_and_back(page)
    shown = _shown(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        gettext("This page is no longer available")
    )
    assert REPLY not in shown
    assert code not in shown
    context.close()
    found = _found_in_profile(
        profile, {"code": code, "reply": REPLY, "message": MESSAGE}
    )
    assert found == {}, f"after Back on {page.url}: {found}"


@pytest.mark.parametrize(
    "phone", [True, False], ids=["javascript", "no-javascript"], indirect=True
)
def test_a_refused_form_leaves_nothing_in_the_profile(
    phone: tuple[BrowserContext, Path], live_server: Any, school: PublicChannel
) -> None:
    """The child forgets the message itself: the form is refused, keeps what
    was typed next to the reason, and still leaves nothing behind."""
    context, profile = phone
    page = context.new_page()
    page.goto(f"{live_server.url}{reverse('youth:message-start')}")
    page.get_by_label(gettext("The code or the name of your school or club")).fill(
        "klaproos"
    )
    page.get_by_role("button", name=gettext("Search")).click()
    page.get_by_label(gettext("Your first name")).fill(FIRST_NAME)
    page.get_by_label(gettext("How can the adult reach you?")).fill(CONTACT)
    page.get_by_role("button", name=gettext("Send"), exact=True).click()
    message_field = page.get_by_label(gettext("What is going on?"))
    expect(message_field).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label(gettext("How can the adult reach you?"))).to_have_value(
        CONTACT
    )
    _quick_exit_and_back(page)
    assert CONTACT not in _shown(page)
    context.close()
    found = _found_in_profile(
        profile, {"contact": CONTACT, "first name": FIRST_NAME, "school": SCHOOL}
    )
    assert found == {}, f"after a refused form: {found}"
