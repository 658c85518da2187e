"""The coalition's case consultation: who hosts and chairs, who sees it, who
places a family, and what the chair records."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from conftest import Persona
from pytest_django import DjangoAssertNumQueries

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart import coalition_services as services
from kindveilig.kansrijkestart.coalition_selectors import (
    meeting_get_for,
    meeting_list_for,
)
from kindveilig.kansrijkestart.models import AgendaItem, MeetingParticipant
from kindveilig.organisations.models import OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

from .coalition_world import (
    SUMMARY,
    World,
    build_world,
    make_meeting,
    make_signal,
    persona,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def test_a_midwife_cannot_host_a_consultation(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        services.meeting_create(
            actor=world.midwife.actor,
            title="Overleg",
            held_on=timezone.localdate(),
        )
    assert refused.value.code == "forbidden"


def test_the_municipal_analyst_never_chairs(world: World) -> None:
    gemeente = OrganisationFactory.create(type=OrganisationType.GEMEENTE)
    analist = persona(Role.GEMEENTE_ANALIST, gemeente)
    with pytest.raises(ValidationError):
        services.meeting_create(
            actor=analist.actor, title="Overleg", held_on=timezone.localdate()
        )


def test_the_chair_takes_part_and_participants_must_be_case_workers_of_the_coalition(
    world: World,
) -> None:
    meeting = make_meeting(world)
    taking_part = set(meeting.participations.values_list("user_id", flat=True))
    assert taking_part == {
        world.nurse.user.pk,
        world.worker.user.pk,
        world.midwife.user.pk,
    }
    school = OrganisationFactory.create()
    teacher = persona(Role.PROFESSIONAL, school)
    with pytest.raises(ValidationError) as refused:
        services.meeting_create(
            actor=world.nurse.actor,
            title="Overleg",
            held_on=timezone.localdate(),
            participants=[teacher.membership],
        )
    assert "participants" in refused.value.message_dict


def test_only_participants_see_the_meeting(world: World, outsider: Persona) -> None:
    meeting = make_meeting(world)
    assert [row.public_id for row in meeting_list_for(actor=world.worker.actor)] == [
        meeting.public_id
    ]
    assert meeting_list_for(actor=world.debt_worker.actor) == []
    with pytest.raises(Http404):
        meeting_get_for(actor=world.debt_worker.actor, public_id=meeting.public_id)
    with pytest.raises(Http404):
        meeting_get_for(actor=outsider.actor, public_id=meeting.public_id)
    # The refused look is recorded, without any data of the meeting.
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.DENIED, object_id=str(meeting.public_id)
        ).count()
        == 2
    )


def test_only_a_professional_who_follows_the_family_places_it(world: World) -> None:
    signal = make_signal(world)
    meeting = make_meeting(world)
    # The lokaal team worker takes part, but does not follow this family.
    with pytest.raises(ValidationError) as refused:
        services.agenda_add(
            actor=world.worker.actor,
            meeting=meeting,
            signal=signal,
            shared_summary=SUMMARY,
            consent_checked=True,
        )
    assert refused.value.code == "forbidden"


def test_placing_needs_the_consent_checked_and_a_summary(world: World) -> None:
    signal = make_signal(world)
    meeting = make_meeting(world)
    with pytest.raises(ValidationError) as refused:
        services.agenda_add(
            actor=world.nurse.actor,
            meeting=meeting,
            signal=signal,
            shared_summary=" ",
            consent_checked=False,
        )
    assert set(refused.value.message_dict) == {"consent_checked", "shared_summary"}
    item = services.agenda_add(
        actor=world.nurse.actor,
        meeting=meeting,
        signal=signal,
        shared_summary=SUMMARY,
        consent_checked=True,
    )
    assert item.shared_summary == SUMMARY
    created = AuditEvent.objects.get(
        action=AuditAction.CREATE, object_type="kansrijkestart.agendaitem"
    )
    assert created.person_id == signal.parent.public_id
    with pytest.raises(ValidationError) as twice:
        services.agenda_add(
            actor=world.nurse.actor,
            meeting=meeting,
            signal=signal,
            shared_summary=SUMMARY,
            consent_checked=True,
        )
    assert twice.value.code == "duplicate"


def test_the_chair_records_participants_and_decisions(world: World) -> None:
    signal = make_signal(world)
    meeting = make_meeting(world)
    item = services.agenda_add(
        actor=world.nurse.actor,
        meeting=meeting,
        signal=signal,
        shared_summary=SUMMARY,
        consent_checked=True,
    )
    with pytest.raises(ValidationError):
        services.meeting_record(
            actor=world.worker.actor,
            meeting=meeting,
            participants=[],
            decisions={item.public_id: "Niet de voorzitter."},
        )
    services.meeting_record(
        actor=world.nurse.actor,
        meeting=meeting,
        participants=[world.worker.membership],
        decisions={item.public_id: "VoorZorg aanbieden; schuldhulp inschakelen."},
    )
    item.refresh_from_db()
    meeting.refresh_from_db()
    assert item.decisions == "VoorZorg aanbieden; schuldhulp inschakelen."
    assert meeting.recorded_at is not None
    # The midwife did not come: she no longer takes part; the chair always does.
    assert set(
        MeetingParticipant.objects.filter(meeting=meeting).values_list(
            "user_id", flat=True
        )
    ) == {world.nurse.user.pk, world.worker.user.pk}
    # A recorded consultation takes no new families.
    other = make_signal(world, given_name="Noor")
    with pytest.raises(ValidationError) as closed:
        services.agenda_add(
            actor=world.nurse.actor,
            meeting=meeting,
            signal=other,
            shared_summary=SUMMARY,
            consent_checked=True,
        )
    assert closed.value.code == "recorded"
    assert AgendaItem.objects.count() == 1


def _place_families(world: World, meeting: object, count: int) -> None:
    for number in range(count):
        signal = make_signal(world, given_name=f"Ouder{number}")
        item = services.agenda_add(
            actor=world.nurse.actor,
            meeting=meeting,  # type: ignore[arg-type]  # a CoalitionMeeting
            signal=signal,
            shared_summary=SUMMARY,
            consent_checked=True,
        )
        services.action_add(
            actor=world.nurse.actor,
            agenda_item=item,
            owner=world.worker.membership,
            due_on=timezone.localdate() + dt.timedelta(days=number + 1),
            description=f"Actie nummer {number}",
        )


def test_the_meeting_page_reads_in_the_same_number_of_queries_for_more_families(
    world: World,
    login: Callable[[Client, Persona], Client],
    django_assert_max_num_queries: Callable[[int], DjangoAssertNumQueries],
) -> None:
    client = login(Client(), world.worker)
    small, large = make_meeting(world), make_meeting(world)
    _place_families(world, small, 1)
    _place_families(world, large, 6)
    counts = []
    # The session's first queries, and the organisation's first audit record
    # (which creates its chain's head, once).
    client.get(reverse("kansrijkestart:meeting-list"))
    client.get(reverse("kansrijkestart:meeting-detail", args=[small.public_id]))
    for meeting in (small, large):
        url = reverse("kansrijkestart:meeting-detail", args=[meeting.public_id])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    body = response.content.decode()
    assert all(f"Actie nummer {number}" in body for number in range(6))
    with django_assert_max_num_queries(30):
        client.get(url)
