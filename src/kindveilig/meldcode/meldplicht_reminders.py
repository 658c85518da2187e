"""Daily reminders about overdue meldplicht steps.

Informing the houder and consulting the vertrouwensinspecteur are due
"onverwijld" (within one working day after the previous step). When a step of an
open case is overdue, the organisation's aandachtsfunctionarissen and its houder
or bevoegd gezag (not when the suspect is the houder) get one e-mail that day.
The e-mail says only that there is a meldplicht step to record, with a link to
the list: nothing about the case, the employee or a child. A ``ReminderLog`` row
per person and day makes a second run on the same day send nothing.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from kindveilig.accounts.selectors import aandachtsfunctionarissen_of, bevoegd_gezag_of

from .models import MeldplichtCase, ReminderKind, ReminderLog

__all__ = ["meldplicht_recipients", "meldplicht_reminders_send"]

logger = logging.getLogger(__name__)


def _recipients(organisation_id: int, with_houder: bool) -> dict[int, str]:
    memberships = list(
        aandachtsfunctionarissen_of(organisation_id=organisation_id).values_list(
            "user_id", "user__email"
        )
    )
    if with_houder:
        memberships += bevoegd_gezag_of(organisation_id=organisation_id).values_list(
            "user_id", "user__email"
        )
    return dict(memberships)


def meldplicht_recipients(case: MeldplichtCase) -> list[str]:
    """Who hears about a case: the aandachtsfunctionarissen and the houder or
    bevoegd gezag, except when the suspect is the houder (the suspect is not told)."""
    return list(_recipients(case.organisation_id, not case.suspect_is_houder).values())


def _send_once(*, user_id: int, email: str, day: dt.date) -> bool:
    context = {
        "link": f"{settings.KINDVEILIG_BASE_URL}{reverse('meldcode:meldplicht-list')}"
    }
    try:
        with transaction.atomic():
            _, created = ReminderLog.objects.get_or_create(
                user_id=user_id, kind=ReminderKind.MELDPLICHT, date=day
            )
            if not created:
                return False
            with translation.override(settings.LANGUAGE_CODE):
                subject = render_to_string(
                    "emails/meldplicht-reminder-subject.txt", context
                ).strip()
                body = render_to_string("emails/meldplicht-reminder-body.txt", context)
            send_mail(subject, body, None, [email])
    except Exception:  # one failed e-mail must not stop the others
        logger.exception("Could not send the meldplicht reminder to user %s", user_id)
        return False
    return True


def meldplicht_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Send today's meldplicht reminders; returns the number of e-mails sent."""
    today = timezone.localdate(now or timezone.now())
    open_cases = MeldplichtCase.objects.filter(
        closed_at__isnull=True, organisation__is_active=True
    )
    audiences = {
        (case.organisation_id, not case.suspect_is_houder)
        for case in open_cases
        if case.is_overdue_on(today)
    }
    recipients: dict[int, str] = {}
    for organisation_id, with_houder in sorted(audiences):
        recipients.update(_recipients(organisation_id, with_houder))
    sent = sum(
        _send_once(user_id=user_id, email=email, day=today)
        for user_id, email in sorted(recipients.items())
    )
    logger.info("Sent %s meldplicht reminders", sent)
    return sent
