"""A lokaal team worker makes a household from a trajectory a school shared,
records a Signs of Safety mapping with the child's own score, makes the safety
plan and moves the case to stable safety; then a second organisation's signal
about the same child produces a match notice for both.

Labels are looked up with gettext, so the test holds in Dutch with or without
the Dutch catalogue entries."""

from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest
from playwright.sync_api import Browser, Page, expect

from kindveilig.access.roles import Role
from kindveilig.households.models import Household, Phase
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import LegalBasis
from kindveilig.meldcode.services import share_create
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BSN = "111222333"
CHILD = "Lotje (test)"
CHILD_WORDS = "Ik ben soms bang als papa boos is."


def t(message: str) -> str:
    with translation.override("nl"):
        return gettext(message)


@pytest.fixture
def people() -> dict[str, Any]:
    school = OrganisationFactory.create(name="Basisschool E2E (test)")
    team = OrganisationFactory.create(
        name="Wijkteam E2E (test)", type=OrganisationType.LOKAAL_TEAM
    )
    jgz = OrganisationFactory.create(name="JGZ E2E (test)", type=OrganisationType.JGZ)
    teacher = make_persona(Role.PROFESSIONAL, school)
    worker = make_persona(Role.LOKAAL_TEAM_MEDEWERKER, team)
    nurse = make_persona(Role.PROFESSIONAL, jgz)
    teacher_actor = teacher.actor
    trajectory = scenarios.at_step_2(
        teacher_actor, given_name=CHILD, family_name="Proefmans", bsn=BSN
    )
    share_create(
        actor=teacher_actor,
        trajectory=trajectory,
        to_organisation=team,
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=timezone.localdate(),
    )
    return {"teacher": teacher, "worker": worker, "nurse": nurse}


def create_household(page: Page, base: str) -> None:
    page.goto(f"{base}/keten/")
    page.get_by_role("link", name=t("Create a household"), exact=True).click()
    expect(page.get_by_test_id("from-trajectory")).to_contain_text(CHILD)
    page.get_by_label(t("Name of the household")).fill("Huishouden Proefmans (test)")
    page.get_by_role("button", name=t("Create the household")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Huishouden Proefmans (test)"
    )
    expect(page.get_by_test_id("phase")).to_have_text(
        t(str(Phase.DIRECTE_VEILIGHEID.label))
    )
    expect(page.get_by_test_id("members")).to_contain_text(CHILD)


def record_mapping(page: Page) -> None:
    page.get_by_role("link", name=t("Record a Signs of Safety mapping")).first.click()
    page.get_by_label(t("What are we worried about: what happened (harm)")).fill(
        "Blauwe plekken op de arm."
    )
    page.get_by_label(t("What are we worried will happen (danger statement)")).fill(
        "Dat vader opnieuw slaat."
    )
    page.get_by_label(t("What needs to happen")).fill("Vader start een training.")
    page.get_by_label(t("Professional's safety score (0-10)")).fill("3")
    with translation.override("nl"):
        own_score = gettext("%(name)s's own safety score (0-10)") % {"name": CHILD}
        own_words = gettext("What %(name)s says, in their own words") % {"name": CHILD}
    page.get_by_label(own_score).fill("2")
    page.get_by_label(own_words).fill(CHILD_WORDS)
    page.get_by_role("button", name=t("Save")).click()
    expect(page.get_by_test_id("chart")).to_be_visible()
    table = page.get_by_test_id("score-table")
    expect(table).to_contain_text(CHILD)
    expect(table.locator("tbody td").last).to_have_text("2")
    expect(page.get_by_test_id("mapping")).to_contain_text(CHILD_WORDS)


def make_plan(page: Page) -> None:
    page.get_by_role("link", name=t("Safety plan"), exact=True).click()
    page.get_by_role("link", name=t("Make the safety plan"), exact=True).click()
    page.locator("#id_item-0-kind").select_option("condition")
    page.locator("#id_item-0-what").fill("Er wordt in huis niet geslagen.")
    page.locator("#id_item-0-who").fill("Vader en moeder")
    page.locator("#id_item-0-set_by").fill("Veilig Thuis")
    page.locator("#id_item-1-what").fill("Vader volgt een training.")
    page.locator("#id_item-1-who").fill("Vader")
    page.locator("#id_item-1-due_on").fill("2027-01-15")
    page.locator("#id_item-1-how_checked").fill("Certificaat aan de regievoerder.")
    page.get_by_role("button", name=t("Save this version")).click()
    items = page.get_by_test_id("plan-items")
    expect(items).to_contain_text("Er wordt in huis niet geslagen.")
    expect(items).to_contain_text("Vader volgt een training.")


def move_to_stable_safety(page: Page) -> None:
    page.get_by_role("link", name=t("Overview"), exact=True).click()
    page.get_by_role("link", name=t("Change the phase"), exact=True).click()
    page.get_by_label(t(str(Phase.STABIELE_VEILIGHEID.label))).check()
    page.get_by_label(t("Why")).fill("Geen incidenten; voorwaarden nagekomen.")
    page.get_by_label(t("Safety score (0-10)")).fill("6")
    page.get_by_label(t("What the children said")).fill("Het is rustiger thuis.")
    page.get_by_role("button", name=t("Save")).click()
    expect(page.get_by_test_id("phase")).to_have_text(
        t(str(Phase.STABIELE_VEILIGHEID.label))
    )
    expect(page.get_by_test_id("phase-changes")).to_contain_text(
        "Het is rustiger thuis."
    )


def register_signal(page: Page, base: str) -> None:
    page.goto(f"{base}/keten/signalen/nieuw/")
    page.get_by_label(t("Given name of the child")).fill("Lotje")
    page.get_by_label(t("Family name"), exact=True).fill("Proefmans")
    page.get_by_label(t("BSN"), exact=True).fill(BSN)
    page.get_by_label(t("Phone number where colleagues reach you")).fill("015-1234567")
    page.get_by_role("button", name=t("Register the signal")).click()


def test_a_household_from_a_shared_trajectory_to_stable_safety_and_a_match(
    browser: Browser, live_server: Any, people: dict[str, Any]
) -> None:
    base = live_server.url
    worker, nurse, teacher = people["worker"], people["nurse"], people["teacher"]
    page = logged_in_context(browser, live_server, worker).new_page()
    create_household(page, base)
    record_mapping(page)
    make_plan(page)
    move_to_stable_safety(page)
    assert Household.objects.get().cases.get().phase == Phase.STABIELE_VEILIGHEID

    nurse_page = logged_in_context(browser, live_server, nurse).new_page()
    register_signal(nurse_page, base)
    nurse_page.goto(f"{base}/keten/matches/")
    matches = nurse_page.get_by_test_id("matches")
    expect(matches).to_contain_text(worker.user.full_name)  # the regievoerder
    expect(matches).to_contain_text(teacher.user.full_name)  # the school
    expect(matches).to_contain_text(t("regievoerder"))

    page.goto(f"{base}/keten/matches/")
    expect(page.get_by_test_id("matches")).to_contain_text(nurse.user.full_name)
    expect(page.get_by_test_id("matches")).to_contain_text("015-1234567")
