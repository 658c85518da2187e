"""Kansrijke Start in a browser, from a midwife's signal to a meldcode trajectory.

A midwife signals a vulnerable pregnancy with the parent's consent; the JGZ
nurse finds it on Mijn werk, records the prenatal home visit, registers the birth
and records a home visit after birth; she plans the coalition's case
consultation, places the family on the agenda, records a decision and an action
for a lokaal team colleague, who finds the action on her own Mijn werk; then the
nurse starts the meldcode from the contact moment in one click, and the
trajectory shows the parent's recorded words. The coalition's pages pass axe
and the colleague reaches her action with the keyboard.

Labels are looked up with gettext, so the test holds with or without the Dutch
catalogue entries."""

import datetime as dt
import re
from typing import Any

from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext

import pytest
from playwright.sync_api import Browser, Page, expect

from kindveilig.access.roles import Role
from kindveilig.kansrijkestart import coalition_services, scenarios
from kindveilig.kansrijkestart.models import (
    ActionKind,
    ActionOutcome,
    ContactKind,
    FollowUpAction,
    NextStep,
    StartSignal,
)
from kindveilig.meldcode.services.trajectories import framework_for
from kindveilig.organisations.models import OrganisationType, Sector
from kindveilig.organisations.tests.factories import OrganisationFactory

from .helpers import (
    logged_in_context,
    make_persona,
    no_accessibility_violations,
    tab_to,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PARENT = "Samira"
FAMILY = "Proefmans"
PRENATAL_WORDS = "We maken ons zorgen over het geld en de huur."
AFTER_BIRTH_WORDS = "Als hij gedronken heeft, word ik bang, ook voor de baby."
SUMMARY = "Zwangere met schulden en een kleine woning; wil hulp bij geldzaken."
DECISION = "VoorZorg aanbieden; wijkteam gaat mee op huisbezoek."
ACTION = "Samen met de JGZ-verpleegkundige op huisbezoek."


def t(message: str) -> str:
    with translation.override("nl"):
        return gettext(message)


@pytest.fixture
def people() -> dict[str, Any]:
    practice = OrganisationFactory.create(
        name="Verloskundigenpraktijk De Wieg (test)",
        type=OrganisationType.VERLOSKUNDIGENPRAKTIJK,
    )
    cjg = OrganisationFactory.create(
        name="CJG Den Haag (test)", type=OrganisationType.CJG
    )
    team = OrganisationFactory.create(
        name="Wijkteam Centrum (test)", type=OrganisationType.LOKAAL_TEAM
    )
    framework_for(Sector.JGZ)  # the afwegingskaders, lost by the flush
    return {
        "midwife": make_persona(Role.PROFESSIONAL, practice),
        "nurse": make_persona(Role.PROFESSIONAL, cjg),
        "colleague": make_persona(Role.LOKAAL_TEAM_MEDEWERKER, team),
        "cjg": cjg,
    }


def signal_with_consent(page: Page, base: str, cjg_name: str) -> None:
    page.goto(f"{base}/kansrijke-start/signalen/nieuw/")
    page.locator("#id_parent_given_name").fill(PARENT)
    page.locator("#id_parent_family_name").fill(FAMILY)
    page.locator("input[name=phase][value=pregnancy]").check()
    due = timezone.localdate() + dt.timedelta(days=60)
    page.locator("#id_expected_date").fill(due.isoformat())
    page.locator("input[name=domains][value=finances_debt]").check()
    page.locator("input[name=domains][value=housing]").check()
    page.locator("#id_concern").fill("Schulden, een kleine woning en veel stress.")
    page.locator("#id_parent_wishes").fill("Hulp bij de administratie.")
    page.locator("input[name=consent][value=given]").check()
    page.locator("#id_follow_up_organisation").select_option(label=cjg_name)
    page.get_by_role("button", name=t("Send the signal")).click()
    expect(page.get_by_test_id("signal-consent")).to_contain_text(
        t("The parent consents")
    )


def record_contact(page: Page, kind: str, words: str, next_step: str) -> None:
    page.get_by_test_id("contact-add").click()
    page.locator("#id_kind").select_option(kind)
    page.locator("#id_happened_on").fill(timezone.localdate().isoformat())
    page.locator("#id_routine_question_asked").check()
    answer = (
        "violence_now" if kind != ContactKind.PRENATAL_HOME_VISIT else "no_violence"
    )
    page.locator(f"input[name=routine_answer][value={answer}]").check()
    page.locator("#id_parent_words").fill(words)
    page.locator("#id_went_well").fill("Moeder zorgt liefdevol en open.")
    page.locator(f"input[name=next_step][value={next_step}]").check()
    page.get_by_role("button", name=t("Record the contact")).click()
    expect(page.get_by_test_id("contact-moment").last).to_contain_text(words)


def register_birth(page: Page) -> None:
    page.get_by_role("link", name=t("Register the birth"), exact=True).click()
    page.locator("#id_given_name").fill("Noah")
    page.locator("#id_family_name").fill(FAMILY)
    page.locator("#id_date_of_birth").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name=t("Register the birth")).click()


def plan_consultation(page: Page, base: str, colleague: Any) -> None:
    page.goto(f"{base}/kansrijke-start/overleg/")
    page.get_by_role("link", name=t("Plan a consultation"), exact=True).click()
    page.locator("#id_held_on").fill(timezone.localdate().isoformat())
    page.get_by_label(
        f"{colleague.user.full_name} ({colleague.organisation.name})"
    ).check()
    page.get_by_role("button", name=t("Save"), exact=True).click()
    expect(page.get_by_test_id("participants")).to_contain_text(
        colleague.user.full_name
    )


def test_from_a_midwifes_signal_to_the_coalition_and_a_meldcode_trajectory(
    browser: Browser, live_server: Any, people: dict[str, Any]
) -> None:
    base = live_server.url
    midwife, nurse, colleague = people["midwife"], people["nurse"], people["colleague"]

    # 1. The midwife signals a vulnerable pregnancy, with the parent's consent.
    midwife_page = logged_in_context(browser, live_server, midwife).new_page()
    signal_with_consent(midwife_page, base, people["cjg"].name)
    signal = StartSignal.objects.get()
    signal_url = f"{base}/kansrijke-start/signalen/{signal.public_id}/"

    # 2. The JGZ nurse finds it on Mijn werk and records the prenatal home visit.
    page = logged_in_context(browser, live_server, nurse).new_page()
    page.goto(f"{base}/")
    with translation.override("nl"):
        waiting = ngettext(
            "%(count)s Kansrijke Start family waits for a first contact",
            "%(count)s Kansrijke Start families wait for a first contact",
            1,
        ) % {"count": 1}
    page.get_by_test_id("my-work").get_by_role("link", name=waiting).click()
    page.get_by_role("link", name=f"{PARENT} {FAMILY}").click()
    expect(page).to_have_url(signal_url)
    record_contact(
        page,
        ContactKind.PRENATAL_HOME_VISIT,
        PRENATAL_WORDS,
        NextStep.DISCUSS_IN_COALITION,
    )

    # 3. The baby is born; the home visit after birth.
    register_birth(page)
    record_contact(
        page, ContactKind.HOME_VISIT_AFTER_BIRTH, AFTER_BIRTH_WORDS, NextStep.MELDCODE
    )

    # 4. The coalition's consultation: the family on the agenda, with consent.
    plan_consultation(page, base, colleague)
    page.goto(signal_url)
    page.get_by_role("link", name=t("Discuss in the coalition"), exact=True).click()
    page.locator("#id_shared_summary").fill(SUMMARY)
    page.locator("#id_consent_checked").check()
    page.get_by_role("button", name=t("Place on the agenda")).click()
    agenda = page.get_by_test_id("agenda")
    expect(agenda).to_contain_text(f"{PARENT} {FAMILY}")
    expect(agenda).to_contain_text(SUMMARY)
    expect(agenda).not_to_contain_text(PRENATAL_WORDS)  # the JGZ record stays home
    no_accessibility_violations(page)

    # The chair records the decision, and an action for the lokaal team colleague.
    page.get_by_role(
        "link", name=t("Record participants and decisions"), exact=True
    ).click()
    page.locator("textarea[name^=decisions_]").fill(DECISION)
    page.get_by_role("button", name=t("Save"), exact=True).click()
    expect(page.get_by_test_id("decisions")).to_have_text(DECISION)
    page.get_by_role("link", name=t("Record an action")).click()
    page.locator("#id_owner").select_option(
        label=f"{colleague.user.full_name} ({colleague.organisation.name})"
    )
    due = timezone.localdate() + dt.timedelta(days=7)
    page.locator("#id_due_on").fill(due.isoformat())
    page.locator("#id_description").fill(ACTION)
    page.get_by_role("button", name=t("Save"), exact=True).click()
    expect(page.get_by_test_id("actions")).to_contain_text(ACTION)
    assert FollowUpAction.objects.get().kind == ActionKind.GENERAL

    # 5. The colleague finds the action on her Mijn werk, by keyboard.
    colleague_page = logged_in_context(browser, live_server, colleague).new_page()
    colleague_page.goto(f"{base}/")
    with translation.override("nl"):
        label = ngettext(
            "%(count)s Kansrijke Start action is yours, due %(date)s",
            "%(count)s Kansrijke Start actions are yours, the first due %(date)s",
            1,
        ) % {"count": 1, "date": formats.date_format(due, "j F Y")}
    item = colleague_page.get_by_test_id("my-work").get_by_role("link", name=label)
    expect(item).to_have_count(1)
    tab_to(colleague_page, item)
    colleague_page.keyboard.press("Enter")
    expect(colleague_page.get_by_test_id("my-actions")).to_contain_text(ACTION)
    expect(colleague_page.get_by_test_id("my-actions")).to_contain_text(
        f"{PARENT} {FAMILY}"
    )
    no_accessibility_violations(colleague_page)

    # 6. The nurse starts the meldcode from the contact after birth, in one click;
    # the trajectory shows the parent's words as recorded, never re-typed.
    page.goto(signal_url)
    page.get_by_test_id("contact-moment").last.get_by_test_id(
        "moment-trajectory"
    ).click()
    expect(page).to_have_url(
        re.compile(rf"{re.escape(base)}/trajecten/[0-9a-f-]{{36}}/")
    )
    expect(page.locator("main")).to_contain_text(AFTER_BIRTH_WORDS)


WITHDRAWAL = "Ik wil niet meer dat anderen over ons praten."


def test_the_nurse_records_a_withdrawal_and_the_coalition_sees_nothing_more(
    browser: Browser, live_server: Any, people: dict[str, Any]
) -> None:
    """The parent withdraws consent: the nurse records it in the parent's words
    (a missing answer is said next to the field); the colleague's meeting page
    then shows a family without consent, and her open action only that it must
    stop, which she records."""
    base = live_server.url
    nurse, colleague = people["nurse"], people["colleague"]
    signal = scenarios.pregnancy_signal(
        people["midwife"].actor, people["cjg"], family_name=FAMILY
    )
    meeting = coalition_services.meeting_create(
        actor=nurse.actor,
        title="Overleg zwangeren (test)",
        held_on=timezone.localdate(),
        participants=[colleague.membership],
    )
    item = coalition_services.agenda_add(
        actor=nurse.actor,
        meeting=meeting,
        signal=signal,
        shared_summary=SUMMARY,
        consent_checked=True,
    )
    action = coalition_services.action_add(
        actor=nurse.actor,
        agenda_item=item,
        owner=colleague.membership,
        due_on=timezone.localdate() + dt.timedelta(days=7),
        description=ACTION,
    )

    page = logged_in_context(browser, live_server, nurse).new_page()
    page.goto(f"{base}/kansrijke-start/signalen/{signal.public_id}/")
    withdraw = page.get_by_test_id("consent-withdraw")
    tab_to(page, withdraw)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t("The parent withdraws consent")
    )
    no_accessibility_violations(page)
    page.get_by_test_id("consent-withdraw-submit").click()
    expect(page.locator("main")).to_contain_text(
        t("Write down what the parent said when withdrawing consent.")
    )
    no_accessibility_violations(page)
    page.locator("#id_words").fill(WITHDRAWAL)
    page.get_by_test_id("consent-withdraw-submit").click()
    consent = page.get_by_test_id("signal-consent")
    expect(consent).to_contain_text(WITHDRAWAL)
    expect(page.get_by_test_id("consent-withdraw")).to_have_count(0)
    no_accessibility_violations(page)
    signal.refresh_from_db()
    assert signal.consent_withdrawn

    colleague_page = logged_in_context(browser, live_server, colleague).new_page()
    colleague_page.goto(f"{base}/kansrijke-start/overleg/{meeting.public_id}/")
    agenda = colleague_page.get_by_test_id("agenda")
    expect(agenda).to_contain_text(t("A family without consent"))
    expect(agenda).not_to_contain_text(FAMILY)
    expect(agenda).not_to_contain_text(SUMMARY)
    colleague_page.goto(f"{base}/kansrijke-start/acties/")
    actions = colleague_page.get_by_test_id("my-actions")
    expect(actions).to_contain_text(t("consent withdrawn"))
    expect(actions).not_to_contain_text(ACTION)
    no_accessibility_violations(colleague_page)
    actions.get_by_role(
        "link", name=t("Stop this action and record how it ended")
    ).click()
    expect(colleague_page.get_by_test_id("action-consent-withdrawn")).to_be_visible()
    colleague_page.locator(
        f"input[name=outcome][value={ActionOutcome.CONSENT_WITHDRAWN}]"
    ).check()
    colleague_page.get_by_role("button", name=t("Save"), exact=True).click()
    expect(colleague_page.get_by_test_id("my-actions-empty")).to_be_visible()
    action.refresh_from_db()
    assert action.outcome == ActionOutcome.CONSENT_WITHDRAWN
