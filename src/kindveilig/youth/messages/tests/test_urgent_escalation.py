"""Never alone with an urgent message: nobody opens it in time, so it goes to
the deputies, then to the municipality's on-duty organisation; opened in time,
nothing happens. The minutes count only within the organisation's hours."""

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest
import time_machine
from conftest import Persona, login_as

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditEvent
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.youth.messages.models import (
    EscalationStep,
    PublicChannel,
    UrgentEscalation,
    YouthConversation,
)
from kindveilig.youth.messages.selectors import urgent_waiting_count
from kindveilig.youth.messages.services import (
    conversation_start,
    urgent_escalations_run,
)
from kindveilig.youth.messages.services import urgent as urgent_services
from kindveilig.youth.messages.tasks import send_youth_alert

pytestmark = [pytest.mark.django_db]

AMS = ZoneInfo("Europe/Amsterdam")
WORDS = "Papa slaat mij en ik durf niet naar huis"
MONDAY_10 = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMS)


class School:
    def __init__(
        self, channel: PublicChannel, own: Persona, deputy: Persona, on_duty: Persona
    ) -> None:
        self.channel, self.own, self.deputy, self.on_duty = (
            channel,
            own,
            deputy,
            on_duty,
        )


@pytest.fixture
def alerts(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The e-mail tasks the escalation enqueues (path and arguments)."""
    sent: list[dict[str, Any]] = []

    def record(path: str, *args: object, **kwargs: Any) -> None:
        sent.append({"path": path, **kwargs})

    monkeypatch.setattr(urgent_services, "enqueue_on_commit", record)
    return sent


@pytest.fixture
def school(
    channel: PublicChannel,
    organisation: Organisation,
    make_persona: Callable[..., Persona],
) -> School:
    own = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    deputy = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    deputy.membership.is_deputy = True
    deputy.membership.save()
    team = OrganisationFactory.create(
        name="Lokaal team Centrum (test)",
        type=OrganisationType.LOKAAL_TEAM,
        municipality=organisation.municipality,
    )
    municipality = organisation.municipality
    municipality.youth_on_duty_organisation = team
    municipality.save()
    on_duty = make_persona(Role.AANDACHTSFUNCTIONARIS, team)
    return School(channel, own, deputy, on_duty)


def _urgent(school: School, at: dt.datetime) -> YouthConversation:
    with time_machine.travel(at, tick=False):
        result = conversation_start(channel=school.channel, body=WORDS)
    assert result.is_urgent
    return result.conversation


def _run(at: dt.datetime) -> int:
    with time_machine.travel(at, tick=False):
        return urgent_escalations_run()


def _open(persona: Persona, conversation: YouthConversation, at: dt.datetime) -> int:
    url = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    with time_machine.travel(at, tick=False):
        return login_as(Client(), persona).get(url).status_code


def test_opened_by_nobody_it_goes_to_the_deputy_then_the_on_duty_organisation(
    school: School, alerts: list[dict[str, Any]]
) -> None:
    conversation = _urgent(school, MONDAY_10)
    assert _open(school.on_duty, conversation, MONDAY_10) == 404
    assert _run(MONDAY_10 + dt.timedelta(minutes=29)) == 0
    assert alerts == []

    assert _run(MONDAY_10 + dt.timedelta(minutes=30)) == 1
    assert _run(MONDAY_10 + dt.timedelta(minutes=31)) == 0  # once only
    [to_deputy] = alerts
    assert to_deputy["kind"] == "escalated"
    assert to_deputy["user_ids"] == [school.deputy.user.pk]
    conversation.refresh_from_db()
    assert conversation.escalation_step == EscalationStep.DEPUTY

    assert _run(MONDAY_10 + dt.timedelta(minutes=60)) == 1
    assert alerts[1]["user_ids"] == [school.on_duty.user.pk]
    conversation.refresh_from_db()
    assert conversation.escalation_step == EscalationStep.ON_DUTY
    assert conversation.escalated_to == school.on_duty.organisation
    assert list(
        UrgentEscalation.objects.values_list("step", "organisation", "recipient_count")
    ) == [
        (EscalationStep.DEPUTY, school.channel.organisation_id, 1),
        (EscalationStep.ON_DUTY, school.on_duty.organisation.pk, 1),
    ]
    reasons = list(
        AuditEvent.objects.filter(object_id=str(conversation.public_id))
        .filter(reason__startswith="urgent message not opened")
        .values_list("reason", flat=True)
    )
    assert len(reasons) == 2

    # It stays on their Mijn werk until someone opens it; then it stops.
    assert urgent_waiting_count(actor=school.on_duty.actor) == 1
    url = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    with time_machine.travel(MONDAY_10 + dt.timedelta(hours=1), tick=False):
        page = login_as(Client(), school.on_duty).get(url).content.decode()
    assert 'data-testid="escalations"' in page
    assert "Lokaal team Centrum (test)" in page
    conversation.refresh_from_db()
    assert conversation.urgent_unopened_since is None
    assert _run(MONDAY_10 + dt.timedelta(hours=3)) == 0


def test_opened_in_time_nothing_is_escalated(
    school: School, alerts: list[dict[str, Any]]
) -> None:
    conversation = _urgent(school, MONDAY_10)
    assert urgent_waiting_count(actor=school.own.actor) == 1
    assert _open(school.own, conversation, MONDAY_10 + dt.timedelta(minutes=10)) == 200
    assert _run(MONDAY_10 + dt.timedelta(hours=4)) == 0
    assert alerts == []
    assert not UrgentEscalation.objects.exists()
    conversation.refresh_from_db()
    assert conversation.urgent_unopened_since is None
    assert conversation.escalation_step == EscalationStep.NONE


def test_the_minutes_count_only_within_the_organisations_hours(
    school: School, alerts: list[dict[str, Any]]
) -> None:
    friday = dt.datetime(2026, 11, 20, 16, 50, tzinfo=AMS)
    _urgent(school, friday)
    assert _run(friday + dt.timedelta(hours=2)) == 0  # Friday evening
    monday = dt.datetime(2026, 11, 23, 8, 0, tzinfo=AMS)
    assert _run(monday + dt.timedelta(minutes=19)) == 0  # 10 + 19 minutes
    assert _run(monday + dt.timedelta(minutes=20)) == 1  # 10 + 20 minutes


def test_without_deputies_it_goes_to_the_municipality_at_once(
    school: School, alerts: list[dict[str, Any]]
) -> None:
    school.deputy.membership.is_deputy = False
    school.deputy.membership.save()
    conversation = _urgent(school, MONDAY_10)
    assert _run(MONDAY_10 + dt.timedelta(minutes=30)) == 2
    assert [alert["user_ids"] for alert in alerts] == [[school.on_duty.user.pk]]
    conversation.refresh_from_db()
    assert conversation.escalated_to == school.on_duty.organisation


def test_the_on_duty_organisation_may_answer_but_not_close(
    school: School, alerts: list[dict[str, Any]]
) -> None:
    conversation = _urgent(school, MONDAY_10)
    _run(MONDAY_10 + dt.timedelta(hours=1))
    client = login_as(Client(), school.on_duty)
    detail = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    response = client.post(detail, {"action": "send", "body": "Ik help je. Bel 112."})
    assert response.status_code == 302
    close = reverse("youthstaff:conversation-close", args=[conversation.public_id])
    assert client.post(close, {"action": "close"}).status_code == 404


def test_the_escalation_email_holds_a_link_and_nothing_else(
    school: School,
) -> None:
    conversation = _urgent(school, MONDAY_10)
    sent = send_youth_alert.call(
        kind="escalated",
        conversation_id=conversation.pk,
        user_ids=[school.deputy.user.pk, school.on_duty.user.pk],
    )
    assert sent == 2
    assert [message.to for message in mail.outbox] == [
        [school.deputy.user.email],
        [school.on_duty.user.email],
    ]
    text = f"{mail.outbox[0].subject}\n{mail.outbox[0].body}"
    assert str(conversation.public_id) in text
    for secret in ["Papa", "slaat", "violence", "geweld"]:
        assert secret not in text
