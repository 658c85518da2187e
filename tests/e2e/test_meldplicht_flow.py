"""A teacher reports a suspicion against a colleague; the teacher records that the
houder was informed, and the houder records the consultation with the
vertrouwensinspecteur (whose number the page shows), the aangifte decision, the
measures, and closes the case."""

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from kindveilig.access.roles import Role
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_meldplicht_steps_are_recorded_on_the_pages_up_to_closing(
    browser: Browser, live_server: Any
) -> None:
    school = OrganisationFactory.create(name="Basisschool Meldplicht (test)")
    teacher = make_persona(Role.PROFESSIONAL, school)
    houder = make_persona(Role.BEVOEGD_GEZAG, school)
    base = live_server.url

    # The report, and the teacher records that the houder was informed at once.
    page = logged_in_context(browser, live_server, teacher).new_page()
    page.goto(f"{base}/trajecten/meldplicht/nieuw/")
    page.get_by_label("Wat er gebeurde, in het kort").fill(
        "Een collega gaf een kind een harde klap."
    )
    page.get_by_role(
        "button", name="Vastleggen en de aandachtsfunctionaris informeren"
    ).click()
    expect(page.get_by_test_id("case-status")).to_have_text("Open")
    detail_url = page.url
    expect(page.get_by_test_id("step-due")).to_contain_text("Vast te leggen uiterlijk")
    page.get_by_role("button", name="Vastleggen: houder geïnformeerd").click()
    expect(page.get_by_test_id("houder-informed")).to_contain_text(
        teacher.user.full_name
    )
    # The houder's steps are not the teacher's.
    expect(
        page.get_by_role(
            "button", name="Vastleggen: vertrouwensinspecteur geraadpleegd"
        )
    ).to_have_count(0)

    # The houder consults the vertrouwensinspecteur: the page gives the number.
    page = logged_in_context(browser, live_server, houder).new_page()
    page.goto(f"{base}/")
    page.get_by_role("link", name="Meldplicht", exact=True).click()
    expect(page.get_by_test_id("meldplicht-list")).to_contain_text("voor u")
    page.goto(detail_url)
    expect(page.get_by_test_id("vertrouwensinspecteur-number")).to_contain_text(
        "0900-1113111"
    )
    page.get_by_label("Advies van de vertrouwensinspecteur").fill(
        "Redelijk vermoeden: aangifte doen."
    )
    page.get_by_role(
        "button", name="Vastleggen: vertrouwensinspecteur geraadpleegd"
    ).click()
    expect(page.get_by_test_id("inspecteur-consulted")).to_contain_text(
        "Redelijk vermoeden: aangifte doen."
    )

    # The aangifte decision: without a choice the form says so and keeps the date.
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#aangifte")).to_contain_text("Dit veld is vereist.")
    page.get_by_label("Aangifte gedaan bij de politie").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_test_id("aangifte-decided")).to_contain_text(
        "Aangifte gedaan bij de politie"
    )

    # Measures, then closing.
    page.get_by_role("textbox", name="Genomen maatregelen").fill(
        "Medewerker op non-actief gesteld."
    )
    page.get_by_role("button", name="Maatregelen vastleggen").click()
    expect(page.get_by_test_id("measures")).to_contain_text("non-actief")
    page.get_by_role("button", name="Meldplichtzaak afsluiten").click()
    expect(page.get_by_test_id("case-status")).to_contain_text("Afgesloten op")

    page.goto(f"{base}/trajecten/meldplicht/")
    expect(page.get_by_test_id("meldplicht-list")).to_contain_text("Afgesloten")
