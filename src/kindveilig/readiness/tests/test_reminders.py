"""Expiry reminders 90 and 30 days ahead: counts and a link, never a name, each
once (with a frozen clock)."""

import datetime as dt
import re
from io import StringIO
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils.translation import gettext, ngettext

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.tests.factories import MembershipFactory
from kindveilig.organisations.models import Organisation
from kindveilig.readiness import services
from kindveilig.readiness.models import QualificationReminder
from kindveilig.readiness.reminders import due_reminders, reminders_send
from kindveilig.readiness.tasks import send_qualification_reminders

from .factories import add_course, add_register, add_vog, designate

pytestmark = [pytest.mark.django_db]
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A VOG issued on this day counts until 2026-09-13: 90 days after 2026-06-15.
START = "2026-06-15T10:00:00+02:00"
TODAY = dt.date(2026, 6, 15)


def within(days: int, count: int) -> str:
    if days == 30:
        text = ngettext(
            "%(counter)s qualification expires within 30 days.",
            "%(counter)s qualifications expire within 30 days.",
            count,
        )
    else:
        text = ngettext(
            "%(counter)s qualification expires within 90 days.",
            "%(counter)s qualifications expire within 90 days.",
            count,
        )
    return text % {"counter": count}


def mails_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def af_with_vog_expiring_in_90_days(
    aandachtsfunctionaris: Persona,
) -> Persona:
    with time_machine.travel(START, tick=False):
        actor = aandachtsfunctionaris.actor
        designation = designate(actor, since=dt.date(2024, 1, 1))
        add_vog(actor, designation, dt.date(2024, 9, 13))
        add_course(actor, designation, dt.date(2025, 3, 1))  # until 2028
    return aandachtsfunctionaris


def test_reminders_go_out_90_and_30_days_ahead_once_each(
    settings: object,
    af_with_vog_expiring_in_90_days: Persona,
    functioneel_beheerder: Persona,
) -> None:
    settings.KINDVEILIG_BASE_URL = "https://kindveilig.example.nl"  # type: ignore[attr-defined]
    af = af_with_vog_expiring_in_90_days
    with time_machine.travel("2026-06-14T10:00:00+02:00", tick=False):
        assert reminders_send() == 0  # 91 days ahead: nothing yet
    with time_machine.travel(START, tick=False):
        assert reminders_send() == 2  # the aandachtsfunctionaris and the beheerder
        assert reminders_send() == 0  # the same day again: nothing
    (own,) = mails_to(af.user.email)
    (beheer,) = mails_to(functioneel_beheerder.user.email)
    link = f"https://kindveilig.example.nl{reverse('readiness:readiness')}"
    for message in (own, beheer):
        assert within(90, 1) in message.body
        assert link in message.body
        text = f"{message.subject}\n{message.body}"
        assert af.user.full_name not in text
        assert af.organisation.name not in text
        assert not EMAIL_ADDRESS.search(text), text
    assert own.subject == gettext(
        "Kindveilig: your qualifications as aandachtsfunctionaris expire soon"
    )
    assert beheer.subject == gettext(
        "Kindveilig: qualifications of aandachtsfunctionarissen expire soon"
    )

    mail.outbox.clear()
    with time_machine.travel("2026-07-20T10:00:00+02:00", tick=False):
        assert reminders_send() == 0  # 55 days: between the thresholds
    with time_machine.travel("2026-08-14T10:00:00+02:00", tick=False):
        assert reminders_send() == 2  # 30 days ahead
        assert reminders_send() == 0
    assert within(30, 1) in mails_to(af.user.email)[0].body
    with time_machine.travel("2026-09-14T10:00:00+02:00", tick=False):
        assert reminders_send() == 0  # expired: listed on the page, no more mail
    assert set(
        QualificationReminder.objects.values_list("recipient_id", "days_ahead")
    ) == {
        (af.user.pk, 90),
        (af.user.pk, 30),
        (functioneel_beheerder.user.pk, 90),
        (functioneel_beheerder.user.pk, 30),
    }


def test_a_qualification_recorded_within_30_days_gets_only_the_30_day_reminder(
    aandachtsfunctionaris: Persona,
) -> None:
    with time_machine.travel(START, tick=False):
        actor = aandachtsfunctionaris.actor
        designation = designate(actor, since=dt.date(2024, 1, 1))
        add_register(actor, designation, dt.date(2025, 7, 1), dt.date(2026, 7, 1))
        assert reminders_send() == 1
    (message,) = mail.outbox
    assert within(30, 1) in message.body
    assert within(90, 1) not in message.body
    assert list(QualificationReminder.objects.values_list("days_ahead", flat=True)) == [
        30
    ]


def test_a_renewed_vog_stops_the_reminders_of_the_old_one(
    af_with_vog_expiring_in_90_days: Persona,
) -> None:
    af = af_with_vog_expiring_in_90_days
    with time_machine.travel(START, tick=False):
        actor = af.actor
        designation = af.user.af_designations.get()
        add_vog(actor, designation, dt.date(2026, 6, 1))
        assert due_reminders(today=TODAY) == []
        assert reminders_send() == 0


def test_uncertified_courses_and_ended_designations_get_no_reminder(
    aandachtsfunctionaris: Persona, professional: Persona
) -> None:
    with time_machine.travel(START, tick=False):
        actor = aandachtsfunctionaris.actor
        own = designate(actor, since=dt.date(2024, 1, 1))
        add_course(actor, own, dt.date(2023, 7, 1), certified=False)  # until 2026-07-01
        colleague = designate(actor, professional.user, since=dt.date(2024, 1, 1))
        add_vog(actor, colleague, dt.date(2024, 7, 1))  # until 2026-07-01
        services.aandachtsfunctionaris_update(
            actor=actor,
            designation=colleague,
            data=services.DesignationInput(
                location="",
                hours_per_week=colleague.hours_per_week,
                since=colleague.since,
                until=dt.date(2026, 6, 1),
            ),
        )
        assert due_reminders(today=TODAY) == []


def test_someone_designated_in_two_organisations_gets_one_mail(
    af_with_vog_expiring_in_90_days: Persona, other_organisation: Organisation
) -> None:
    af = af_with_vog_expiring_in_90_days
    with time_machine.travel(START, tick=False):
        # The same user is aandachtsfunctionaris of a second organisation.
        membership = MembershipFactory.create(
            user=af.user,
            organisation=other_organisation,
            role=Role.AANDACHTSFUNCTIONARIS,
        )
        designate(Actor(user=af.user, membership=membership), since=dt.date(2025, 1, 1))
        assert reminders_send() == 1
    assert len(mails_to(af.user.email)) == 1
    assert within(90, 1) in mail.outbox[0].body


def test_a_failed_send_is_retried_by_the_next_run(
    af_with_vog_expiring_in_90_days: Persona,
) -> None:
    with time_machine.travel(START, tick=False):
        with mock.patch(
            "kindveilig.readiness.reminders.send_mail", side_effect=OSError("down")
        ):
            assert reminders_send() == 0
        assert not QualificationReminder.objects.exists()
        assert reminders_send() == 1


def test_the_task_and_the_enqueue_command(
    settings: object, af_with_vog_expiring_in_90_days: Persona
) -> None:
    settings.TASKS = {  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    }
    with time_machine.travel(START, tick=False):
        result = send_qualification_reminders.enqueue()
        assert result.status == TaskResultStatus.SUCCESSFUL
        assert result.return_value == 1
        out = StringIO()
        call_command("enqueue_daily_tasks", stdout=out)
    assert "kindveilig.readiness.tasks.send_qualification_reminders" in out.getvalue()
    assert len(mail.outbox) == 1
