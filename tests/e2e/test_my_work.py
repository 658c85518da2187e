"""Mijn werk in a browser: a professional proposes a decision; the
aandachtsfunctionaris's start page shows it, reached with the keyboard, and
after co-signing it is gone. The notification is there too, and can be marked
as read with the keyboard."""

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from kindveilig.access.roles import Role
from kindveilig.meldcode import scenarios
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona, tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_decision_to_cosign_on_the_start_page_until_it_is_cosigned(
    browser: Browser, live_server: Any
) -> None:
    school = OrganisationFactory.create(name="Basisschool Mijn Werk (test)")
    teacher = make_persona(Role.PROFESSIONAL, school)
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, school)
    trajectory = scenarios.at_step_5_melden(teacher.actor)
    base = live_server.url

    page = logged_in_context(browser, live_server, teacher).new_page()
    page.goto(f"{base}/trajecten/{trajectory.public_id}/besluit/")
    page.locator("#id_melden_0").check()
    page.get_by_label("Onderbouwing van (niet) melden").fill(
        "Structurele onveiligheid: melden is de norm."
    )
    page.locator("#id_help_possible_1").check()
    page.get_by_label("Onderbouwing over hulp").fill(
        "Eerst veiligheid via Veilig Thuis."
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.get_by_test_id("cosign-status")).to_contain_text(
        "Wacht op de aandachtsfunctionaris"
    )

    af_page = logged_in_context(browser, live_server, af).new_page()
    af_page.goto(f"{base}/")
    work = af_page.get_by_test_id("my-work")
    item = work.get_by_role("link", name="1 besluit wacht op uw medeondertekening")
    expect(item).to_have_count(1)
    expect(af_page.get_by_test_id("nav-count")).to_contain_text("1")
    tab_to(af_page, item)
    af_page.keyboard.press("Enter")
    expect(af_page).to_have_url(
        f"{base}/trajecten/{trajectory.public_id}/besluit/medeondertekenen/"
    )
    af_page.get_by_label("Het besluit medeondertekenen").check()
    save = af_page.get_by_role("button", name="Opslaan", exact=True)
    tab_to(af_page, save)
    af_page.keyboard.press("Enter")
    expect(af_page.get_by_test_id("cosign-status")).to_contain_text("Medeondertekend")

    af_page.goto(f"{base}/")
    expect(af_page.get_by_test_id("my-work")).to_have_count(0)
    expect(af_page.get_by_test_id("my-work-empty")).to_have_text(
        "Er wacht nu niets op u."
    )

    # The notification: reachable from the menu, marked as read by keyboard.
    menu = af_page.get_by_role("navigation").get_by_role("link", name="Notificaties")
    tab_to(af_page, menu)
    af_page.keyboard.press("Enter")
    expect(af_page.get_by_test_id("notifications")).to_contain_text(
        "Een besluit wacht op uw medeondertekening"
    )
    mark = af_page.get_by_test_id("mark-read")
    expect(mark).to_contain_text("notificatie van")  # which one, for screen readers
    tab_to(af_page, mark)
    af_page.keyboard.press("Enter")
    expect(af_page.get_by_test_id("mark-read")).to_have_count(0)
    expect(af_page.get_by_test_id("nav-count")).to_have_count(0)
