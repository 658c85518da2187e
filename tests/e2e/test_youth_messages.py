"""Praat erover messages in a real browser: a child on a small phone without
JavaScript writes, the aandachtsfunctionaris answers, the child reads the answer
with the code; escalation into a meldcode trajectory; a guesser is stopped while
the children on the same network read their answers; accessibility, page weight
and no requests to other sites on every child page."""

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Request,
    Response,
    expect,
)

from kindveilig.access.roles import Role
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.youth.messages.codes import NUMBER_MIN
from kindveilig.youth.messages.guessing import REGION_BUDGETS
from kindveilig.youth.messages.models import (
    AnswerTemplate,
    ChannelHours,
    DangerPattern,
    PublicChannel,
)
from kindveilig.youth.messages.seed_data import (
    seed_answer_templates,
    seed_danger_patterns,
)
from kindveilig.youth.messages.services import conversation_start, staff_answer
from kindveilig.youth.public.seed_data import ensure_default_services

from .helpers import logged_in_context, make_persona

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BUDGET_BYTES = 20 * 1024
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WORDS = "Papa slaat mn moeder en ik durf nie naar huis"
ANSWER = "Dank je wel dat je het vertelt. Kun je morgen in de pauze bij mij komen?"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """All browsers share one address: the per-client limits start afresh for
    every test, as for a new hour."""
    cache.clear()


@pytest.fixture
def school() -> tuple[PublicChannel, Any]:
    seed_danger_patterns(DangerPattern)
    seed_answer_templates(AnswerTemplate)
    ensure_default_services()
    organisation = OrganisationFactory.create(name="Basisschool E2E (test)")
    channel = PublicChannel.objects.create(
        organisation=organisation,
        public_code="ETWEE",
        display_name="Basisschool E2E (test)",
    )
    return channel, make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)


def child_context(browser: Browser) -> BrowserContext:
    """A cheap phone: small screen, no JavaScript, no cache."""
    return browser.new_context(
        java_script_enabled=False,
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        locale="nl-NL",
    )


def choose_school(page: Page, base: str, typed: str = "etwee") -> None:
    page.goto(f"{base}{reverse('youth:message-start')}")
    page.get_by_label(gettext("The code or the name of your school or club")).fill(
        typed
    )
    page.get_by_role("button", name=gettext("Search")).click()


def write_message(page: Page, base: str, words: str = WORDS) -> str:
    choose_school(page, base)
    expect(page.get_by_test_id("recipient")).to_contain_text("Basisschool E2E (test)")
    page.get_by_label(gettext("What is going on?")).fill(words)
    page.get_by_role("button", name=gettext("Send"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        gettext("Your message has been sent")
    )
    return page.get_by_label(gettext("Your code, to copy")).input_value()


def read_with_code(page: Page, base: str, code: str) -> None:
    page.goto(f"{base}{reverse('youth:message-read')}")
    page.get_by_label(gettext("Your code")).fill(code)
    page.get_by_role("button", name=gettext("Show my messages")).click()


def wrong_numbers(code: str, count: int) -> list[str]:
    *words, number = code.split()
    numbers = [n for n in range(NUMBER_MIN, NUMBER_MIN + count + 1) if n != int(number)]
    return [" ".join([*words, str(n)]) for n in numbers[:count]]


def close_the_school_now(channel: PublicChannel) -> None:
    """Hours on another weekday only: the school is closed at this moment."""
    other_day = (timezone.localdate().weekday() + 3) % 7
    ChannelHours.objects.create(
        channel=channel, weekday=other_day, opens=dt.time(9), closes=dt.time(10)
    )


def open_first_conversation(page: Page, base: str) -> None:
    page.goto(f"{base}{reverse('youthstaff:inbox')}")
    page.get_by_test_id("inbox-row").first.get_by_role("link").click()
    expect(page.get_by_test_id("message-child").first).to_contain_text(WORDS)


def test_a_child_writes_the_af_answers_and_the_child_reads_it_with_the_code(
    browser: Browser, live_server: Any, school: tuple[PublicChannel, Any]
) -> None:
    _, af = school
    base = live_server.url
    context = child_context(browser)
    child = context.new_page()
    code = write_message(child, base)
    assert len(code.split()) == 5
    expect(child.get_by_test_id("pickup-code")).to_have_text(code)
    # Urgent: the three numbers are shown straight away.
    expect(child.get_by_test_id("urgent-help")).to_be_visible()
    expect(child.locator('a[href="tel:112"]').first).to_be_visible()
    expect(child.locator("body")).to_contain_text("0800-0432")
    expect(child.locator("body")).to_contain_text("0800-0113")
    assert context.cookies() == []
    assert code.split()[0] not in child.url

    staff = logged_in_context(browser, live_server, af).new_page()
    open_first_conversation(staff, base)
    staff.get_by_label(gettext("Your answer")).fill(ANSWER)
    staff.get_by_role("button", name=gettext("Send answer")).click()
    expect(staff.get_by_test_id("message-staff")).to_contain_text(ANSWER)

    child.goto(f"{base}{reverse('youth:message-read')}")
    child.get_by_label(gettext("Your code")).fill(code.upper())
    child.get_by_role("button", name=gettext("Show my messages")).click()
    expect(child.get_by_test_id("message-staff")).to_contain_text(ANSWER)
    child.get_by_label(gettext("Write back")).fill("Ja, dat is goed.")
    child.get_by_role("button", name=gettext("Send"), exact=True).click()
    expect(child.get_by_test_id("message-child").last).to_contain_text(
        "Ja, dat is goed."
    )
    assert context.cookies() == []
    context.close()


def test_the_af_opens_a_meldcode_trajectory_from_the_conversation(
    browser: Browser, live_server: Any, school: tuple[PublicChannel, Any]
) -> None:
    _, af = school
    base = live_server.url
    context = child_context(browser)
    write_message(context.new_page(), base)
    context.close()

    staff = logged_in_context(browser, live_server, af).new_page()
    open_first_conversation(staff, base)
    staff.get_by_role("link", name=gettext("Open a meldcode trajectory")).click()
    expect(staff.get_by_label(gettext("Given name of the child"))).to_have_value(
        gettext("Child from Praat erover")
    )
    staff.get_by_role("button", name=gettext("Open the trajectory")).click()
    expect(staff.get_by_test_id("step")).to_be_visible()
    expect(staff.locator("#stap-1")).to_contain_text(WORDS)


def test_a_guesser_is_stopped_and_the_children_on_the_same_network_read_on(
    browser: Browser, live_server: Any, school: tuple[PublicChannel, Any]
) -> None:
    channel, af = school
    codes = []
    for n in range(3):
        result = conversation_start(channel=channel, body=f"Hoi, ik ben kind {n}")
        assert result.code is not None
        staff_answer(
            actor=af.actor, conversation=result.conversation, body=f"Antwoord {n}"
        )
        codes.append(result.code.text)
    base = live_server.url
    guesser = child_context(browser).new_page()
    for typed in wrong_numbers(codes[0], REGION_BUDGETS["words"]):
        read_with_code(guesser, base, typed)
        expect(guesser.get_by_role("heading", level=1)).to_have_text(
            gettext("Read the answer")
        )
    read_with_code(guesser, base, wrong_numbers(codes[0], 6)[-1])
    expect(guesser.get_by_test_id("code-wait")).to_be_visible()
    expect(guesser.locator('a[href="tel:112"]').first).to_be_visible()
    # Every browser here shares one address with the guesser.
    for n, code in enumerate(codes[1:], start=1):
        context = child_context(browser)
        page = context.new_page()
        read_with_code(page, base, code)
        expect(page.get_by_test_id("message-staff")).to_contain_text(f"Antwoord {n}")
        context.close()


def test_outside_the_schools_hours_the_receipt_says_when_and_shows_help(
    browser: Browser, live_server: Any, school: tuple[PublicChannel, Any]
) -> None:
    channel, _af = school
    close_the_school_now(channel)
    context = child_context(browser)
    page = context.new_page()
    write_message(page, live_server.url, words="Ik word gepest op school")
    expect(page.get_by_test_id("next-open")).to_be_visible()
    expect(page.locator('a[href="tel:08000432"]').first).to_be_visible()
    context.close()


def _child_pages(base: str) -> dict[str, Callable[[Page], None]]:
    def choose(page: Page) -> None:
        page.goto(f"{base}{reverse('youth:message-start')}")

    def results(page: Page) -> None:
        choose_school(page, base, typed="basisschool")

    def write(page: Page) -> None:
        choose_school(page, base)

    def receipt(page: Page) -> None:
        write_message(page, base)

    def read(page: Page) -> None:
        page.goto(f"{base}{reverse('youth:message-read')}")

    def conversation(page: Page) -> None:
        code = write_message(page, base)
        read(page)
        page.get_by_label(gettext("Your code")).fill(code)
        page.get_by_role("button", name=gettext("Show my messages")).click()

    def receipt_closed(page: Page) -> None:
        close_the_school_now(PublicChannel.objects.get(public_code="ETWEE"))
        write_message(page, base, words="Ik word gepest op school")

    def code_wait(page: Page) -> None:
        code = write_message(page, base)
        for typed in wrong_numbers(code, REGION_BUDGETS["words"] + 1):
            read_with_code(page, base, typed)

    def gone(page: Page) -> None:
        choose_school(page, base)
        # Wait until the redirect has landed on the write page: reloading while
        # the navigation is still under way detaches the page (a flaky failure).
        expect(page.get_by_test_id("recipient")).to_be_visible()
        page.reload()  # the write page is shown once
        expect(page.get_by_test_id("recipient")).to_have_count(0)

    return {
        "choose": choose,
        "results": results,
        "write": write,
        "receipt-urgent": receipt,
        "receipt-closed": receipt_closed,
        "read": read,
        "conversation": conversation,
        "code-wait": code_wait,
        "gone": gone,
    }


PAGE_NAMES = [
    "choose",
    "results",
    "write",
    "receipt-urgent",
    "receipt-closed",
    "read",
    "conversation",
    "code-wait",
    "gone",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_child_page_has_no_accessibility_violations(
    browser: Browser, live_server: Any, school: tuple[PublicChannel, Any], name: str
) -> None:
    # axe needs JavaScript to run; the page itself does not.
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    _child_pages(live_server.url)[name](page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
    ]
    context.close()
    assert violations == []


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_child_page_is_small_and_asks_nothing_of_other_sites(
    browser: Browser, live_server: Any, school: tuple[PublicChannel, Any], name: str
) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(live_server.url))
    context = child_context(browser)
    page = context.new_page()
    elsewhere: list[str] = []

    def on_request(request: Request) -> None:
        if not request.url.startswith((origin, "data:")):
            elsewhere.append(request.url)

    page.on("request", on_request)
    sizes: dict[str, int] = {}

    def on_response(response: Response) -> None:
        # Every response of the flow, by URL; only the last page's assets count.
        # A redirect has no body (and body() would raise).
        if response.url.startswith(origin) and not 300 <= response.status < 400:
            sizes[response.url] = len(response.body())

    page.on("response", on_response)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    _child_pages(live_server.url)[name](page)
    page.wait_for_load_state("networkidle")
    document = len(page.content().encode())
    # The stylesheets and scripts of this page, not those of the pages before it
    # (each page group loads its own bundles).
    loaded = page.eval_on_selector_all(
        "link[rel=stylesheet], script[src]", "els => els.map(e => e.href || e.src)"
    )
    assert loaded
    for url in set(loaded) - set(sizes):
        # The script: this phone runs no JavaScript, a phone that does fetches it.
        sizes[url] = len(page.request.get(url).body())
    assets = sum(sizes[url] for url in set(loaded))
    total = document + assets
    context.close()
    assert total < BUDGET_BYTES, f"{name}: {total} bytes"
    assert elsewhere == []
