"""The coalition's pages through the test client: the signal page's section for
the JGZ that follows up (not for the signaller), planning and recording a
consultation, and interventions."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.kansrijkestart import coalition_services as services
from kindveilig.kansrijkestart.models import (
    AgendaItem,
    CoalitionMeeting,
    Intervention,
    InterventionKind,
    InterventionOutcome,
)

from .coalition_world import SUMMARY, World, build_world, make_meeting, make_signal

pytestmark = pytest.mark.django_db

Login = Callable[[Client, Persona], Client]


@pytest.fixture
def world() -> World:
    return build_world()


def test_the_signal_page_shows_the_coalition_to_the_jgz_not_to_the_signaller(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    url = reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    nurse_page = login(Client(), world.nurse).get(url).content.decode()
    assert 'data-testid="signal-coalition"' in nurse_page
    assert reverse("kansrijkestart:agenda-add", args=[signal.public_id]) in nurse_page
    midwife_page = login(Client(), world.midwife).get(url).content.decode()
    assert 'data-testid="signal-coalition"' not in midwife_page
    # The signaller reads the signal, but does not act for the coalition.
    agenda = reverse("kansrijkestart:agenda-add", args=[signal.public_id])
    assert login(Client(), world.midwife).get(agenda).status_code == 403


def test_the_chair_plans_and_records_a_consultation_through_the_pages(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    client = login(Client(), world.nurse)
    response = client.post(
        reverse("kansrijkestart:meeting-create"),
        {
            "title": "Overleg zwangeren (test)",
            "held_on": timezone.localdate().isoformat(),
            "participants": [str(world.worker.membership.pk)],
        },
    )
    assert response.status_code == 302
    meeting = CoalitionMeeting.objects.get()
    response = client.post(
        reverse("kansrijkestart:agenda-add", args=[signal.public_id]),
        {
            "meeting": str(meeting.public_id),
            "shared_summary": SUMMARY,
            "consent_checked": "on",
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    record = reverse("kansrijkestart:meeting-record", args=[meeting.public_id])
    assert client.get(record).status_code == 200
    response = client.post(
        record,
        {
            "participants": [str(world.worker.membership.pk)],
            f"decisions_{item.public_id}": "Stevig Ouderschap aanbieden.",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Stevig Ouderschap aanbieden." in page
    # A participant who is not the chair reads the meeting, but does not record
    # (the page refuses; so does the service, see test_coalition_meetings).
    worker = login(Client(), world.worker)
    assert worker.get(record).status_code == 403
    response = worker.post(record, {f"decisions_{item.public_id}": "Niet zo."})
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.decisions == "Stevig Ouderschap aanbieden."


def test_the_agenda_page_without_a_planned_consultation_says_whom_to_ask(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    page = (
        login(Client(), world.nurse)
        .get(reverse("kansrijkestart:agenda-add", args=[signal.public_id]))
        .content.decode()
    )
    assert (
        gettext(
            "You take part in no planned consultation. Ask the chair of the "
            "coalition's consultation to add you."
        )
        in page
    )


def test_an_intervention_through_the_pages(world: World, login: Login) -> None:
    signal = make_signal(world)
    client = login(Client(), world.nurse)
    offered = timezone.localdate() - dt.timedelta(days=3)
    response = client.post(
        reverse("kansrijkestart:intervention-offer", args=[signal.public_id]),
        {"kind": InterventionKind.DEBT_COUNSELLING, "offered_on": offered.isoformat()},
    )
    assert response.status_code == 302
    intervention = Intervention.objects.get()
    url = reverse(
        "kansrijkestart:intervention-update",
        args=[signal.public_id, intervention.public_id],
    )
    response = client.post(url, {"started_on": timezone.localdate().isoformat()})
    assert response.status_code == 302
    response = client.post(
        url,
        {
            "ended_on": timezone.localdate().isoformat(),
            "outcome": InterventionOutcome.COMPLETED,
        },
    )
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert intervention.outcome == InterventionOutcome.COMPLETED
    detail = client.get(
        reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    ).content.decode()
    assert str(InterventionKind.DEBT_COUNSELLING.label) in detail


def test_a_recorded_consultation_is_not_offered_on_the_agenda_page(
    world: World, login: Login
) -> None:
    signal = make_signal(world)
    meeting = make_meeting(world)
    services.meeting_record(
        actor=world.nurse.actor, meeting=meeting, participants=[], decisions={}
    )
    page = (
        login(Client(), world.nurse)
        .get(reverse("kansrijkestart:agenda-add", args=[signal.public_id]))
        .content.decode()
    )
    # A recorded consultation takes no new families, so it is not offered.
    assert str(meeting.public_id) not in page
