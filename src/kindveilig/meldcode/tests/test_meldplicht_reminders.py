"""Meldplicht alerts and daily reminders: to the aandachtsfunctionarissen and the
houder (never the houder who is the suspect), without anything about the case."""

import datetime as dt
from collections.abc import Callable

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.core.background import daily_task_paths
from kindveilig.meldcode import services
from kindveilig.meldcode.meldplicht_reminders import meldplicht_reminders_send
from kindveilig.meldcode.models import MeldplichtCase
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

SUMMARY = "Meester Jansen duwde Lotje tegen de muur."


@pytest.fixture
def houder(make_persona: Callable[..., Persona], organisation: Organisation) -> Persona:
    return make_persona(Role.BEVOEGD_GEZAG, organisation)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def start(actor: Actor, *, suspect_is_houder: bool = False) -> MeldplichtCase:
    return services.meldplicht_case_start(
        actor=actor, summary=SUMMARY, suspect_is_houder=suspect_is_houder
    )


def overdue(case: MeldplichtCase) -> MeldplichtCase:
    """Recorded a week ago, the houder still not informed."""
    MeldplichtCase.objects.filter(pk=case.pk).update(
        created_at=timezone.now() - dt.timedelta(days=7)
    )
    case.refresh_from_db()
    return case


def test_a_new_case_alerts_the_aandachtsfunctionaris_and_the_houder(
    prof: Actor,
    aandachtsfunctionaris: Persona,
    houder: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        start(prof)
    assert recipients() == sorted([aandachtsfunctionaris.user.email, houder.user.email])
    assert SUMMARY not in mail.outbox[0].body


def test_the_houder_who_is_the_suspect_is_not_alerted(
    prof: Actor,
    aandachtsfunctionaris: Persona,
    houder: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        start(prof, suspect_is_houder=True)
    assert recipients() == [aandachtsfunctionaris.user.email]


def test_an_overdue_step_reminds_once_a_day_without_personal_content(
    prof: Actor, professional: Persona, aandachtsfunctionaris: Persona, houder: Persona
) -> None:
    overdue(start(prof))
    overdue(start(prof))
    mail.outbox.clear()
    assert meldplicht_reminders_send() == 2
    assert recipients() == sorted([aandachtsfunctionaris.user.email, houder.user.email])
    for message in mail.outbox:
        text = f"{message.subject} {message.body}"
        assert "meldplichtstap vast te leggen" in text
        assert reverse("meldcode:meldplicht-list") in message.body
        for personal in (SUMMARY, "Jansen", professional.user.full_name):
            assert personal not in text
        assert professional.user.email not in text
    assert meldplicht_reminders_send() == 0


def test_no_reminder_when_nothing_is_overdue(
    prof: Actor, aandachtsfunctionaris: Persona, houder: Persona
) -> None:
    start(prof)
    mail.outbox.clear()
    assert meldplicht_reminders_send() == 0


def test_the_houder_who_is_the_suspect_gets_no_reminder(
    prof: Actor, aandachtsfunctionaris: Persona, houder: Persona
) -> None:
    overdue(start(prof, suspect_is_houder=True))
    mail.outbox.clear()
    assert meldplicht_reminders_send() == 1
    assert recipients() == [aandachtsfunctionaris.user.email]


def test_the_reminder_is_a_daily_task() -> None:
    assert (
        "kindveilig.meldcode.reminder_tasks.send_meldplicht_reminders"
        in daily_task_paths()
    )
