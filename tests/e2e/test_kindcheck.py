"""A GGZ professional records a kindcheck with a worry and starts the meldcode
trajectory for the children, with the kindcheck's notes carried over."""

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from kindveilig.access.roles import Role
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NOTES = "Moeder drinkt dagelijks en is 's middags vaak onder invloed."


def test_a_ggz_professional_starts_a_trajectory_from_a_kindcheck_with_a_worry(
    browser: Browser, live_server: Any
) -> None:
    ggz = OrganisationFactory.create(name="GGZ E2E (test)", type=OrganisationType.GGZ)
    professional = make_persona(Role.PROFESSIONAL, ggz)
    page = logged_in_context(browser, live_server, professional).new_page()
    page.goto(f"{live_server.url}/")

    # Prominent for a service for adults: the kindcheck is in the menu.
    page.get_by_role("link", name="Kindcheck", exact=True).click()
    page.get_by_role("link", name="Kindcheck vastleggen").click()
    page.get_by_label("Intake").check()
    page.get_by_role("group", name="Zorgt de cliënt voor kinderen?").get_by_label(
        "Ja"
    ).check()
    page.get_by_label("Aantal kinderen").fill("2")
    page.get_by_label("Leeftijden van de kinderen").fill("4 en 8")
    page.get_by_role(
        "group", name="Maakt u zich zorgen over de veiligheid van de kinderen?"
    ).get_by_label("Ja").check()
    page.get_by_label("Aantekeningen").fill(NOTES)
    page.get_by_role("button", name="Kindcheck vastleggen").click()

    page.get_by_role("link", name="Start een meldcode-traject voor de kinderen").click()
    assert "kindcheck=" in page.url
    notes = page.locator("textarea[name=kindcheck_notes]")
    assert notes.input_value().startswith("Kindcheck bij intake op ")
    assert NOTES in notes.input_value()
    assert "Leeftijden: 4 en 8." in notes.input_value()
    page.get_by_label("Uw zorg in een paar woorden").fill(
        "De kinderen zijn 's middags vaak alleen met moeder."
    )
    page.get_by_label("Lichamelijke verwaarlozing").check()
    page.get_by_label("Voornaam van het kind").fill("Proef (test)")
    page.get_by_label("Achternaam").first.fill("Testerink")
    page.get_by_role("button", name="Traject starten").click()

    expect(page.get_by_test_id("step")).to_have_text(
        "Stap 1: signalen in kaart brengen"
    )
    expect(page.locator("body")).to_contain_text(NOTES)
