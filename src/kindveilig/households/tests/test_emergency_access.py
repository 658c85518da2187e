"""Break the glass: a reason, a time limit, an alert to the aandachtsfunctionaris
of the data's organisation, and a recognisable mark in the audit log."""

import datetime as dt
from collections.abc import Callable

from django.core import mail
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.households.access import EMERGENCY
from kindveilig.households.models import EmergencyAccess, Household
from kindveilig.households.selectors import household_access_for
from kindveilig.households.services import emergency_access_grant
from kindveilig.households.services.emergency import (
    BREAK_GLASS_OBJECT_TYPE,
    BREAK_GLASS_PREFIX,
)
from kindveilig.households.tasks import send_emergency_access_alert

from .conftest import CHILD_BSN

pytestmark = [pytest.mark.django_db]

REASON = "Politie belt 's nachts: kind staat op straat, vader onvindbaar."


def test_break_the_glass_opens_the_household_for_a_while_and_marks_the_log(
    household: Household, other_prof: Actor
) -> None:
    with pytest.raises(Http404):
        household_access_for(actor=other_prof, public_id=household.public_id)
    grants = emergency_access_grant(actor=other_prof, bsn=CHILD_BSN, reason=REASON)
    assert [g.household for g in grants] == [household]
    access = household_access_for(actor=other_prof, public_id=household.public_id)
    assert access.level == EMERGENCY
    assert access.full
    assert not access.can_edit
    created = AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type=BREAK_GLASS_OBJECT_TYPE
    )
    assert created.count() == household.members.count()
    assert all(e.reason == f"{BREAK_GLASS_PREFIX}: {REASON}" for e in created)
    reads = AuditEvent.objects.filter(
        action=AuditAction.READ,
        actor_user=other_prof.user,
        object_type="households.household",
    )
    assert reads.exists()
    assert all(e.reason.startswith(f"{BREAK_GLASS_PREFIX} (") for e in reads)
    with (
        time_machine.travel(timezone.now() + dt.timedelta(minutes=61)),
        pytest.raises(Http404),
    ):
        household_access_for(actor=other_prof, public_id=household.public_id)


def test_break_the_glass_needs_a_real_reason(
    household: Household, other_prof: Actor
) -> None:
    with pytest.raises(ValidationError) as info:
        emergency_access_grant(actor=other_prof, bsn=CHILD_BSN, reason="spoed")
    assert "reason" in info.value.message_dict
    assert not EmergencyAccess.objects.exists()


def test_the_time_limit_is_configurable(
    household: Household, other_prof: Actor, settings: object
) -> None:
    settings.KINDVEILIG_BREAK_GLASS_MINUTES = 15  # type: ignore[attr-defined]
    grant = emergency_access_grant(actor=other_prof, bsn=CHILD_BSN, reason=REASON)[0]
    assert grant.expires_at - grant.granted_at == dt.timedelta(minutes=15)


def test_the_aandachtsfunctionaris_of_the_datas_organisation_is_alerted(
    household: Household,
    other_prof: Actor,
    lokaal_team_medewerker: Persona,
    make_persona: Callable[..., Persona],
) -> None:
    af = make_persona(Role.AANDACHTSFUNCTIONARIS, lokaal_team_medewerker.organisation)
    ids = [
        g.pk
        for g in emergency_access_grant(actor=other_prof, bsn=CHILD_BSN, reason=REASON)
    ]
    assert send_emergency_access_alert.call(access_ids=ids) == 1
    message = mail.outbox[-1]
    assert message.to == [af.user.email]
    assert other_prof.user.full_name in message.body
    assert "Sam" not in f"{message.subject} {message.body}"  # no name
    assert REASON not in message.body


def test_an_aandachtsfunctionaris_who_left_is_not_alerted(
    household: Household,
    other_prof: Actor,
    lokaal_team_medewerker: Persona,
    make_persona: Callable[..., Persona],
    retire: Callable[[Persona], Persona],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    immediate_tasks: None,
) -> None:
    team = lokaal_team_medewerker.organisation
    current = make_persona(Role.AANDACHTSFUNCTIONARIS, team)
    gone = retire(make_persona(Role.AANDACHTSFUNCTIONARIS, team))
    with django_capture_on_commit_callbacks(execute=True):
        emergency_access_grant(actor=other_prof, bsn=CHILD_BSN, reason=REASON)
    [message] = mail.outbox
    assert message.to == [current.user.email]
    assert gone.user.email not in message.to


def test_when_the_only_aandachtsfunctionaris_left_the_regievoerder_is_alerted(
    household: Household,
    other_prof: Actor,
    lt: Actor,
    make_persona: Callable[..., Persona],
    retire: Callable[[Persona], Persona],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    immediate_tasks: None,
) -> None:
    gone = retire(make_persona(Role.AANDACHTSFUNCTIONARIS, lt.organisation))
    with django_capture_on_commit_callbacks(execute=True):
        emergency_access_grant(actor=other_prof, bsn=CHILD_BSN, reason=REASON)
    [message] = mail.outbox
    assert message.to == [lt.user.email]
    assert gone.user.email not in message.to


def test_without_an_aandachtsfunctionaris_the_regievoerder_is_alerted(
    household: Household, other_prof: Actor, lt: Actor
) -> None:
    ids = [
        g.pk
        for g in emergency_access_grant(actor=other_prof, bsn=CHILD_BSN, reason=REASON)
    ]
    send_emergency_access_alert.call(access_ids=ids)
    assert mail.outbox[-1].to == [lt.user.email]


def test_roles_without_case_work_cannot_break_the_glass(
    household: Household, gemeente_analist: Persona
) -> None:
    with pytest.raises(ValidationError):
        emergency_access_grant(
            actor=gemeente_analist.actor, bsn=CHILD_BSN, reason=REASON
        )
