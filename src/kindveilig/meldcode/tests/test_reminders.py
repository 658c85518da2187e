"""Daily reminders: counts and a link, never personal data, at most once a day."""

import datetime as dt
import random
import re
from collections.abc import Callable
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.demo.builders import demo_bsn
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import ReminderKind, ReminderLog, Trajectory
from kindveilig.meldcode.reminder_tasks import send_daily_reminders
from kindveilig.meldcode.reminders import overdue_counts, reminders_send
from kindveilig.meldcode.services import trajectory_take_over

pytestmark = [pytest.mark.django_db]

EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def overdue_trajectory(
    persona: Persona, *, days_ago: int = 20, **names: str
) -> Trajectory:
    """A trajectory stuck in step 1 (14 days by default) since ``days_ago``."""
    with time_machine.travel(timezone.now() - dt.timedelta(days=days_ago)):
        return scenarios.start(persona.actor, **names)


def steps_text(count: int) -> str:
    return ngettext(
        "%(counter)s step has passed its expected duration.",
        "%(counter)s steps have passed their expected duration.",
        count,
    ) % {"counter": count}


def feedback_text(count: int) -> str:
    return ngettext(
        "%(counter)s melding has waited more than five working days for Veilig "
        "Thuis's veiligheidsbeoordeling.",
        "%(counter)s meldingen have waited more than five working days for Veilig "
        "Thuis's veiligheidsbeoordeling.",
        count,
    ) % {"counter": count}


def mails_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if address in message.to]


def test_the_aandachtsfunctionaris_and_the_owner_get_one_mail_without_personal_data(
    settings: object, professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    settings.KINDVEILIG_BASE_URL = "https://kindveilig.example.nl"  # type: ignore[attr-defined]
    bsn = demo_bsn(random.Random(7))
    overdue_trajectory(
        professional, given_name="Geheimnaam (test)", family_name="Verborgen", bsn=bsn
    )
    overdue_trajectory(professional, given_name="Tweede (test)")
    with time_machine.travel(timezone.now() - dt.timedelta(days=14)):
        scenarios.melded(
            professional.actor,
            aandachtsfunctionaris.actor,
            given_name="Gemeld (test)",
        )

    assert reminders_send() == 2

    (to_af,) = mails_to(aandachtsfunctionaris.user.email)
    (to_owner,) = mails_to(professional.user.email)
    assert len(mail.outbox) == 2
    overview = f"https://kindveilig.example.nl{reverse('meldcode:deadlines')}"
    assert overview in to_af.body
    own_list = f"https://kindveilig.example.nl{reverse('meldcode:trajectory-list')}"
    assert own_list in to_owner.body
    for message in (to_af, to_owner):
        text = f"{message.subject}\n{message.body}"
        for secret in (
            "Geheimnaam",
            "Verborgen",
            "Tweede",
            "Gemeld",
            "Voorbeeldmans",  # the scenario's family name
            bsn,
            professional.user.full_name,
        ):
            assert secret not in text
        assert not EMAIL_ADDRESS.search(text), text
        assert steps_text(2) in message.body
        assert feedback_text(1) in message.body
    assert set(ReminderLog.objects.values_list("user_id", "kind")) == {
        (aandachtsfunctionaris.user.pk, ReminderKind.AANDACHTSFUNCTIONARIS),
        (professional.user.pk, ReminderKind.OWNER),
    }


def test_counts_per_organisation_and_owner(
    professional: Persona, aandachtsfunctionaris: Persona, outsider: Persona
) -> None:
    overdue_trajectory(professional)
    overdue_trajectory(professional, days_ago=3)  # not overdue yet
    overdue_trajectory(outsider)
    counts = overdue_counts(now=timezone.now())
    assert {key: (c.steps, c.feedback) for key, c in counts.items()} == {
        (professional.organisation.pk, professional.user.pk): (1, 0),
        (outsider.organisation.pk, outsider.user.pk): (1, 0),
    }


def test_the_same_reminder_is_not_sent_twice_on_one_day(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    overdue_trajectory(professional)
    assert reminders_send() == 2
    assert reminders_send() == 0
    assert len(mail.outbox) == 2


def test_the_reminder_is_sent_again_the_next_day(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    overdue_trajectory(professional)
    now = timezone.now()
    assert reminders_send(now=now) == 2
    assert reminders_send(now=now + dt.timedelta(days=1)) == 2
    assert len(mails_to(aandachtsfunctionaris.user.email)) == 2
    assert len(mails_to(professional.user.email)) == 2


def test_nothing_is_sent_when_nothing_is_overdue(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    overdue_trajectory(professional, days_ago=5)
    scenarios.closed_no_suspicion(professional.actor)
    with time_machine.travel(timezone.now() - dt.timedelta(days=30)):
        scenarios.after_feedback(professional.actor, aandachtsfunctionaris.actor)
    assert reminders_send() == 0
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_an_owner_who_is_the_aandachtsfunctionaris_gets_only_the_overview_mail(
    professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    trajectory = overdue_trajectory(professional)
    trajectory_take_over(
        actor=aandachtsfunctionaris.actor,
        trajectory=trajectory,
        expected_version=trajectory.version,
    )
    assert reminders_send() == 1
    (message,) = mail.outbox
    assert message.to == [aandachtsfunctionaris.user.email]


def test_each_organisation_hears_only_about_its_own(
    make_persona: Callable[..., Persona],
    professional: Persona,
    aandachtsfunctionaris: Persona,
    outsider: Persona,
) -> None:
    their_af = make_persona(Role.AANDACHTSFUNCTIONARIS, outsider.organisation)
    overdue_trajectory(outsider)
    assert reminders_send() == 2
    assert {address for message in mail.outbox for address in message.to} == {
        their_af.user.email,
        outsider.user.email,
    }


def test_an_aandachtsfunctionaris_who_left_gets_no_reminder(
    professional: Persona,
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    retire: Callable[[Persona], Persona],
) -> None:
    gone = retire(make_persona(Role.AANDACHTSFUNCTIONARIS, professional.organisation))
    overdue_trajectory(professional)
    assert reminders_send() == 2
    assert len(mails_to(aandachtsfunctionaris.user.email)) == 1
    assert mails_to(gone.user.email) == []
    assert not ReminderLog.objects.filter(user_id=gone.user.pk).exists()


def test_the_command_enqueues_the_task() -> None:
    out = StringIO()
    call_command("enqueue_daily_tasks", stdout=out)
    assert out.getvalue().strip()


@pytest.mark.django_db(transaction=True)
def test_the_task_runs_in_the_database_worker(
    monkeypatch: pytest.MonkeyPatch,
    professional: Persona,
    aandachtsfunctionaris: Persona,
) -> None:
    # The new-trajectory alert is a task of its own; keep it out of this queue.
    monkeypatch.setattr(
        "kindveilig.meldcode.services.notifications._enqueue", lambda kind, pk: None
    )
    overdue_trajectory(professional)
    enqueued = send_daily_reminders.enqueue()
    assert enqueued.status == TaskResultStatus.READY
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    result = send_daily_reminders.get_result(enqueued.id)
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 2
    assert len(mail.outbox) == 2
    # A second daily run sends nothing more.
    again = send_daily_reminders.enqueue()
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())
    assert send_daily_reminders.get_result(again.id).return_value == 0
    assert len(mail.outbox) == 2
