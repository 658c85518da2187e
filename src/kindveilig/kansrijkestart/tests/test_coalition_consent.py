"""Without the parent's consent nothing of the family reaches the coalition:
it cannot be placed on an agenda or referred, no coalition page and no action
owner's page shows it, and the refusal (in the parent's words) is on the signal
and in the audit log. With consent, the coalition sees the summary written for
it, never the JGZ record."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart import coalition_services as services
from kindveilig.kansrijkestart.models import (
    ActionKind,
    AgendaItem,
    ConsentStatus,
    FollowUpAction,
)

from .coalition_world import (
    CONCERN,
    REFUSAL_WORDS,
    SUMMARY,
    WISHES,
    World,
    build_world,
    make_meeting,
    make_signal,
)

pytestmark = pytest.mark.django_db

NO_CONSENT = (
    "The parent did not consent to sharing with the coalition, so this family "
    "cannot be discussed or referred through it. Talk with the parent again about "
    "what they want; if the child is unsafe, follow the meldcode from the contact "
    "moment instead."
)
REFUSED_NAME = "Fatima"


@pytest.fixture
def world() -> World:
    return build_world()


def _pages(client: Client, meeting_id: object) -> list[str]:
    urls = [
        reverse("kansrijkestart:meeting-list"),
        reverse("kansrijkestart:meeting-detail", args=[meeting_id]),
        reverse("kansrijkestart:my-actions"),
        reverse("portal:home"),
    ]
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
    return bodies


def test_a_family_without_consent_is_refused_from_the_agenda_and_the_refusal_is_recorded(
    world: World,
) -> None:
    signal = make_signal(world, consent=ConsentStatus.REFUSED, given_name=REFUSED_NAME)
    meeting = make_meeting(world)

    with pytest.raises(ValidationError) as refused:
        services.agenda_add(
            actor=world.nurse.actor,
            meeting=meeting,
            signal=signal,
            shared_summary=SUMMARY,
            consent_checked=True,  # a box ticked is not the parent's consent
        )

    assert refused.value.code == "no_consent"
    assert refused.value.messages == [gettext(NO_CONSENT)]
    assert not AgendaItem.objects.exists()
    # The refusal, in the parent's own words, is on the signal ...
    signal.refresh_from_db()
    assert signal.consent == ConsentStatus.REFUSED
    assert signal.consent_words == REFUSAL_WORDS
    # ... and the refused attempt in the audit log, about the parent.
    denied = AuditEvent.objects.get(action=AuditAction.DENIED)
    assert denied.person_id == signal.parent.public_id
    assert denied.object_type == "kansrijkestart.startsignal"
    assert denied.object_id == str(signal.public_id)
    assert denied.actor_user_id == world.nurse.user.pk
    assert "consent" in denied.reason


def test_a_family_without_consent_cannot_be_referred_or_given_an_action(
    world: World,
) -> None:
    signal = make_signal(world, consent=ConsentStatus.REFUSED, given_name=REFUSED_NAME)
    with pytest.raises(ValidationError) as refused:
        services.referral_make(
            actor=world.nurse.actor,
            signal=signal,
            kind=ActionKind.DEBT_HELP,
            owner=world.debt_worker.membership,
            due_on=timezone.localdate() + dt.timedelta(days=7),
            description="Intake schuldhulp.",
        )
    assert refused.value.code == "no_consent"
    assert not FollowUpAction.objects.exists()


def test_the_agenda_page_shows_the_dutch_refusal_and_places_nothing(
    world: World, login: Callable[[Client, Persona], Client]
) -> None:
    signal = make_signal(world, consent=ConsentStatus.REFUSED, given_name=REFUSED_NAME)
    meeting = make_meeting(world)
    client = login(Client(), world.nurse)
    url = reverse("kansrijkestart:agenda-add", args=[signal.public_id])

    shown = client.get(url)
    assert gettext(NO_CONSENT) in shown.content.decode()

    response = client.post(
        url,
        {
            "meeting": str(meeting.public_id),
            "shared_summary": SUMMARY,
            "consent_checked": "on",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert gettext(NO_CONSENT) in body
    assert not AgendaItem.objects.exists()


def test_nothing_of_a_family_without_consent_appears_on_any_coalition_page(
    world: World, login: Callable[[Client, Persona], Client]
) -> None:
    refused = make_signal(world, consent=ConsentStatus.REFUSED, given_name=REFUSED_NAME)
    consented = make_signal(world)
    meeting = make_meeting(world)
    with pytest.raises(ValidationError):
        services.agenda_add(
            actor=world.nurse.actor,
            meeting=meeting,
            signal=refused,
            shared_summary="Fatima is zwanger en heeft schulden.",
            consent_checked=True,
        )
    item = services.agenda_add(
        actor=world.nurse.actor,
        meeting=meeting,
        signal=consented,
        shared_summary=SUMMARY,
        consent_checked=True,
    )
    services.action_add(
        actor=world.nurse.actor,
        agenda_item=item,
        owner=world.worker.membership,
        due_on=timezone.localdate() + dt.timedelta(days=7),
        description="Huisbezoek samen met de JGZ.",
    )

    for persona in (world.nurse, world.worker):
        bodies = _pages(login(Client(), persona), meeting.public_id)
        for body in bodies:
            assert REFUSED_NAME not in body
            assert REFUSAL_WORDS not in body
            assert "Fatima is zwanger" not in body
            # The JGZ record stays with the JGZ, also for the family with consent.
            assert CONCERN not in body
            assert WISHES not in body
    # With consent, the coalition sees the name and what was shared for it.
    worker_page = login(Client(), world.worker).get(
        reverse("kansrijkestart:meeting-detail", args=[meeting.public_id])
    )
    text = worker_page.content.decode()
    assert consented.parent.full_name in text
    assert SUMMARY in text
    # Every family shown is a READ in its parent's log; none for the refused one.
    reads = AuditEvent.objects.filter(
        action=AuditAction.READ, object_type="kansrijkestart.agendaitem"
    )
    assert set(reads.values_list("person_id", flat=True)) == {
        consented.parent.public_id
    }


def test_a_withdrawn_consent_hides_the_family_on_the_meeting_page(
    world: World, login: Callable[[Client, Persona], Client]
) -> None:
    signal = make_signal(world)
    meeting = make_meeting(world)
    services.agenda_add(
        actor=world.nurse.actor,
        meeting=meeting,
        signal=signal,
        shared_summary=SUMMARY,
        consent_checked=True,
    )
    # The parent withdraws consent (recorded on the signal by the JGZ).
    type(signal).objects.filter(pk=signal.pk).update(consent=ConsentStatus.REFUSED)

    body = (
        login(Client(), world.worker)
        .get(reverse("kansrijkestart:meeting-detail", args=[meeting.public_id]))
        .content.decode()
    )
    assert signal.parent.full_name not in body
    assert SUMMARY not in body
    assert (
        gettext("The parent no longer consents: nothing about this family is shown.")
        in body
    )
