"""The routes the law allows, in a browser (issue 12): a renewed melding after
failed help, a sport club's melding co-signed by the municipality's fallback,
"too young" for a baby, and a deviation shown to the co-signer."""

import datetime as dt
from typing import Any

from django.utils import timezone

import pytest
from playwright.sync_api import Browser, Page, expect

from kindveilig.access.roles import Role
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Step
from kindveilig.meldcode.services.decisions import DecisionInput
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import logged_in_context, make_persona

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def propose(page: Page, base: str, trajectory: Trajectory, *, melden: bool) -> None:
    page.goto(f"{base}/trajecten/{trajectory.public_id}/besluit/")
    page.locator("#id_melden_0" if melden else "#id_melden_1").check()
    page.get_by_label("Onderbouwing van (niet) melden").fill(
        "De situatie vraagt om Veilig Thuis." if melden else "Eerst zelf hulp."
    )
    page.locator("#id_help_possible_1" if melden else "#id_help_possible_0").check()
    page.get_by_label("Onderbouwing over hulp").fill("Veilig Thuis neemt het over.")


def save(page: Page) -> None:
    page.get_by_role("button", name="Opslaan", exact=True).click()


def cosign(page: Page, base: str, trajectory: Trajectory) -> None:
    page.goto(f"{base}/trajecten/{trajectory.public_id}/besluit/medeondertekenen/")
    page.get_by_label("Het besluit medeondertekenen").check()
    save(page)
    expect(page.get_by_test_id("cosign-status")).to_contain_text("Medeondertekend")


def make_melding(page: Page, base: str, trajectory: Trajectory) -> None:
    page.goto(f"{base}/trajecten/{trajectory.public_id}/melding/")
    fill_melder(page)
    save(page)


def fill_melder(page: Page, *, with_child: bool = True) -> None:
    page.locator("#id_melder_function").fill("Leerkracht")
    page.locator("#id_melder_phone").fill("070-1234567")
    page.locator("#id_discussed_with_parents").check()
    if with_child:
        page.locator("#id_discussed_with_child").check()


def test_a_renewed_melding_after_help_did_not_reach_its_result(
    browser: Browser, live_server: Any
) -> None:
    school = OrganisationFactory.create(name="Basisschool Tweede Ronde (test)")
    teacher = make_persona(Role.PROFESSIONAL, school)
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, school)
    trajectory = scenarios.weigh(
        teacher.actor,
        scenarios.at_step_4(teacher.actor),
        [Answer.YES, Answer.NO, Answer.YES, Answer.YES],
    )
    trajectory = services.step_advance(
        actor=teacher.actor,
        trajectory=trajectory,
        to_step=Step.BESLISSEN,
        expected_version=trajectory.version,
    )
    decision = services.decision_propose(
        actor=teacher.actor,
        trajectory=trajectory,
        data=DecisionInput(
            melden=False,
            melden_rationale="Geen acute of structurele onveiligheid.",
            help_possible=True,
            help_rationale="Ouders aanvaarden hulp.",
            help_plan="Opvoedondersteuning via het CJG.",
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    services.decision_cosign(
        actor=af.actor, decision=decision, expected_version=trajectory.version
    )
    # The evaluation comes: afweging 5 is due on the evaluation date.
    decision.refresh_from_db()
    decision.evaluate_on = timezone.localdate() - dt.timedelta(days=1)
    decision.save(update_fields=["evaluate_on"])
    base = live_server.url
    page = logged_in_context(browser, live_server, teacher).new_page()
    page.goto(f"{base}/trajecten/{trajectory.public_id}/afwegingskader/?afweging=5")
    page.locator("input[name=answer][value=no]").check()
    page.locator("#id_rationale").fill("Na drie maanden opnieuw blauwe plekken.")
    save(page)
    page.goto(f"{base}/trajecten/{trajectory.public_id}/")
    expect(page.get_by_test_id("status")).to_contain_text("Open")
    propose(page, base, trajectory, melden=True)
    save(page)
    af_page = logged_in_context(browser, live_server, af).new_page()
    cosign(af_page, base, trajectory)
    page.goto(f"{base}/trajecten/{trajectory.public_id}/")
    page.get_by_role("link", name="Doe de hernieuwde melding").click()
    fill_melder(page)
    save(page)
    expect(page.get_by_test_id("status")).to_contain_text("Gemeld, vervolg")
    expect(page.get_by_test_id("earlier-decision")).to_contain_text("Besluitronde 1")
    assert trajectory.meldingen.count() == 1
    assert trajectory.decisions.filter(round=2, melden=True).exists()


def test_a_sport_clubs_melding_is_co_signed_by_the_municipalitys_fallback(
    browser: Browser, live_server: Any
) -> None:
    club = OrganisationFactory.create(
        name="Voetbalclub Vangnet (test)", type=OrganisationType.SPORT_CULTURE_CLUB
    )
    jgz = OrganisationFactory.create(
        name="JGZ Vangnet (test)",
        type=OrganisationType.JGZ,
        municipality=club.municipality,
    )
    club.municipality.fallback_organisation = jgz
    club.municipality.save()
    trainer = make_persona(Role.PROFESSIONAL, club)
    fallback = make_persona(Role.AANDACHTSFUNCTIONARIS, jgz)
    trajectory = scenarios.at_step_5_melden(trainer.actor)
    base = live_server.url
    page = logged_in_context(browser, live_server, trainer).new_page()
    page.goto(f"{base}/trajecten/{trajectory.public_id}/")
    expect(page.get_by_test_id("cosigner")).to_contain_text(fallback.user.full_name)
    propose(page, base, trajectory, melden=True)
    expect(page.get_by_test_id("cosigner-note")).to_contain_text(
        fallback.user.full_name
    )
    save(page)
    fallback_page = logged_in_context(browser, live_server, fallback).new_page()
    fallback_page.goto(f"{base}/")
    fallback_page.get_by_role(
        "link", name="1 besluit wacht op uw medeondertekening"
    ).click()
    fallback_page.get_by_label("Het besluit medeondertekenen").check()
    save(fallback_page)
    expect(fallback_page.get_by_test_id("cosign-status")).to_contain_text(
        fallback.user.full_name
    )
    make_melding(page, base, trajectory)
    expect(page.get_by_test_id("status")).to_contain_text("Gemeld, vervolg")


def test_too_young_is_the_exception_in_a_melding_for_a_baby(
    browser: Browser, live_server: Any
) -> None:
    opvang = OrganisationFactory.create(
        name="Kinderdagverblijf Klein (test)", type=OrganisationType.KINDEROPVANG
    )
    worker = make_persona(Role.PROFESSIONAL, opvang)
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, opvang)
    trajectory = scenarios.weigh(
        worker.actor,
        scenarios.at_step_4(worker.actor, given_name="Baby (test)"),
        [Answer.YES, Answer.YES],
    )
    scenarios.skipped_child_conversation(worker.actor, trajectory)
    trajectory.refresh_from_db()
    trajectory = services.step_advance(
        actor=worker.actor,
        trajectory=trajectory,
        to_step=Step.BESLISSEN,
        expected_version=trajectory.version,
    )
    base = live_server.url
    page = logged_in_context(browser, live_server, worker).new_page()
    propose(page, base, trajectory, melden=True)
    save(page)
    cosign(logged_in_context(browser, live_server, af).new_page(), base, trajectory)
    page.goto(f"{base}/trajecten/{trajectory.public_id}/melding/")
    expect(page.locator("#id_not_discussed_reason")).to_have_value("too_young")
    expect(page.locator("#id_not_discussed_explanation")).to_have_value(
        "Het kind is twee jaar oud."
    )
    fill_melder(page, with_child=False)
    save(page)
    expect(page.get_by_test_id("status")).to_contain_text("Gemeld, vervolg")
    melding = trajectory.meldingen.get()
    assert melding.not_discussed_reason == "too_young"
    assert not melding.discussed_with_child


def test_a_deviation_and_its_justification_on_the_co_sign_page(
    browser: Browser, live_server: Any
) -> None:
    school = OrganisationFactory.create(name="Basisschool Afwijking (test)")
    teacher = make_persona(Role.PROFESSIONAL, school)
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, school)
    trajectory = scenarios.at_step_5_melden(teacher.actor)
    base = live_server.url
    page = logged_in_context(browser, live_server, teacher).new_page()
    propose(page, base, trajectory, melden=False)
    page.locator("#id_help_plan").fill("Opvoedondersteuning via het CJG.")
    save(page)
    expect(page.locator(".kv-field__error")).to_contain_text(
        "Dit besluit wijkt af van het advies van het afwegingskader (melden)"
    )
    page.locator("#id_deviation_justification").fill(
        "De ouders zoeken zelf hulp en de dreiging is weg."
    )
    save(page)
    af_page = logged_in_context(browser, live_server, af).new_page()
    af_page.goto(f"{base}/trajecten/{trajectory.public_id}/besluit/medeondertekenen/")
    expect(af_page.get_by_test_id("deviation-warning")).to_contain_text(
        "wijkt af van het advies van het afwegingskader (melden)"
    )
    expect(af_page.get_by_test_id("deviation-justification")).to_have_text(
        "De ouders zoeken zelf hulp en de dreiging is weg."
    )
