"""An aandachtsfunctionaris puts their school's meldcode in order, and the
municipality's coverage page changes accordingly."""

from typing import Any

from django.utils.translation import gettext

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from kindveilig.access.roles import Role
from kindveilig.meldcode.services.trajectories import framework_for
from kindveilig.organisations.models import Organisation, OrganisationType, Sector
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona, no_accessibility_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people() -> tuple[Organisation, Any, Any]:
    school = OrganisationFactory.create(
        name="Basisschool De Lerende Linde (test)", type=OrganisationType.PRIMARY_SCHOOL
    )
    gemeente = OrganisationFactory.create(
        name="Gemeente Den Haag, team Jeugd (test)", type=OrganisationType.GEMEENTE
    )
    framework_for(Sector.ONDERWIJS)  # the afwegingskaders, lost by the flush
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, school)
    analist = make_persona(Role.GEMEENTE_ANALIST, gemeente)
    return school, af, analist


def onderwijs_row(page: Page) -> Locator:
    return page.get_by_test_id("coverage-sectors").locator(
        "tr", has_text=str(Sector.ONDERWIJS.label)
    )


def test_the_aandachtsfunctionaris_updates_readiness_and_the_coverage_follows(
    browser: Browser, live_server: Any, people: tuple[Organisation, Any, Any]
) -> None:
    school, af, analist = people
    base = live_server.url

    # The municipality sees the school as one to act on, with nothing in order.
    municipality = logged_in_context(browser, live_server, analist).new_page()
    municipality.goto(f"{base}/monitor/")
    expect(municipality.get_by_test_id("to-act-on")).to_contain_text(school.name)
    expect(onderwijs_row(municipality)).not_to_contain_text("(100%)")
    no_accessibility_violations(municipality)

    page = logged_in_context(browser, live_server, af).new_page()
    page.goto(f"{base}/meldcode-op-orde/")
    expect(page.get_by_test_id("flag-trained")).to_contain_text(gettext("No"))

    # The meldcode: adopted, with the sector's afwegingskader.
    page.get_by_role("link", name=gettext("Change the meldcode details")).click()
    page.locator("#id_adopted_on").fill("2025-09-01")
    page.locator("#id_meldcode_version").fill("Meldcode 2025")
    page.locator("#id_afwegingskader").select_option(
        str(framework_for(Sector.ONDERWIJS).pk)
    )
    page.locator("#id_meldplicht_contact").fill("Directeur-bestuurder (test)")
    page.get_by_role("button", name=gettext("Save")).click()
    expect(page.get_by_test_id("flag-meldcode")).to_contain_text(gettext("Yes"))

    # Themselves as aandachtsfunctionaris, with a certified course and a VOG.
    page.get_by_role("link", name=gettext("Add an aandachtsfunctionaris")).click()
    expect(page.locator("#id_person")).to_have_value(str(af.user.pk))
    page.locator("#id_hours_per_week").fill("2")
    page.get_by_role("button", name=gettext("Save")).click()
    page.get_by_role("link", name=gettext("Add a course")).click()
    page.locator("#id_name").fill("Basistraining aandachtsfunctionaris")
    page.locator("#id_certified").check()
    page.locator("#id_obtained_on").fill("2025-10-01")
    page.get_by_role("button", name=gettext("Save")).click()
    expect(page.get_by_test_id("flag-trained")).to_contain_text(gettext("No"))
    page.get_by_role("link", name=gettext("Add a VOG")).click()
    page.locator("#id_obtained_on").fill("2025-08-15")
    page.get_by_role("button", name=gettext("Save")).click()
    expect(page.get_by_test_id("flag-trained")).to_contain_text(gettext("Yes"))

    # A team meeting about the meldcode.
    page.get_by_role("link", name=gettext("Record a training or team meeting")).click()
    page.get_by_label(gettext("Team meeting"), exact=True).check()
    page.locator("#id_topic").fill("De vijf stappen")
    page.get_by_role("button", name=gettext("Save")).click()
    expect(page.get_by_test_id("flag-attention")).to_contain_text(gettext("Yes"))
    no_accessibility_violations(page)

    # The municipality's page follows: the school has all three in order.
    municipality.reload()
    expect(onderwijs_row(municipality)).to_contain_text("1 (100%)")
    expect(municipality.get_by_test_id("to-act-on")).not_to_contain_text(school.name)
    assert af.user.full_name not in municipality.content()
