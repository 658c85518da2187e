"""Reminders 90 and 30 days before a qualification of an aandachtsfunctionaris
stops counting.

Which qualifications: the one of each kind that counts longest for a person
(for courses: the certified ones), of someone designated aandachtsfunctionaris
today, that expires within 90 days. Who hears about it: the person, and the
functioneel beheerders of the organisations where they are designated.

Each recipient gets at most one e-mail per run, with counts and a link only: no
names, no case data. A ``QualificationReminder`` row per qualification,
recipient and threshold (90 or 30) makes every reminder go out once; it is
written in the same transaction as the e-mail is sent, so a failed send is
retried by the next run. A qualification recorded when it is already within 30
days gets the 30-day reminder only.
"""

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership, User

from .expiry import EXPIRING_WITHIN_DAYS, reminder_threshold
from .models import (
    Aandachtsfunctionaris,
    Qualification,
    QualificationKind,
    QualificationReminder,
)

__all__ = ["DueReminder", "due_reminders", "reminders_send"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DueReminder:
    qualification_id: int
    person_id: int
    days_ahead: int


def _counts_for_reminders() -> Q:
    """Courses only count when certified; the other kinds always."""
    return ~Q(kind=QualificationKind.COURSE) | Q(certified=True)


def due_reminders(*, today: dt.date) -> list[DueReminder]:
    """The current qualifications of designated aandachtsfunctionarissen that
    expire within 90 days, each with the threshold due (one query)."""
    later = Qualification.objects.filter(
        _counts_for_reminders(),
        person=OuterRef("person"),
        kind=OuterRef("kind"),
        obtained_on__lte=today,
    ).filter(
        Q(expires_on__gt=OuterRef("expires_on"))
        | Q(expires_on=OuterRef("expires_on"), pk__gt=OuterRef("pk"))
    )
    designated = Aandachtsfunctionaris.objects.filter(
        Q(until__isnull=True) | Q(until__gte=today),
        person=OuterRef("person"),
        since__lte=today,
        organisation__is_active=True,
    )
    rows = (
        Qualification.objects.filter(
            _counts_for_reminders(),
            Exists(designated),
            ~Exists(later),
            obtained_on__lte=today,
            expires_on__gte=today,
            expires_on__lte=today + dt.timedelta(days=EXPIRING_WITHIN_DAYS),
        )
        .order_by("pk")
        .values_list("pk", "person_id", "expires_on")
    )
    result = []
    for pk, person_id, expires_on in rows:
        threshold = reminder_threshold(expires_on=expires_on, today=today)
        if threshold is not None:
            result.append(
                DueReminder(
                    qualification_id=pk, person_id=person_id, days_ahead=threshold
                )
            )
    return result


@dataclass
class _Mail:
    email: str
    own_only: bool = True
    items: list[DueReminder] = field(default_factory=list)


def _recipients(due: list[DueReminder], today: dt.date) -> dict[int, _Mail]:
    """The person themselves, and the functioneel beheerders of every
    organisation where they are designated today (three queries)."""
    person_ids = {item.person_id for item in due}
    organisations_of: dict[int, set[int]] = defaultdict(set)
    for person_id, organisation_id in Aandachtsfunctionaris.objects.filter(
        Q(until__isnull=True) | Q(until__gte=today),
        person_id__in=person_ids,
        since__lte=today,
        organisation__is_active=True,
    ).values_list("person_id", "organisation_id"):
        organisations_of[person_id].add(organisation_id)
    beheerders: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for organisation_id, user_id, email in Membership.objects.filter(
        organisation_id__in={o for orgs in organisations_of.values() for o in orgs},
        role=Role.FUNCTIONEEL_BEHEERDER,
        is_active=True,
        user__is_active=True,
    ).values_list("organisation_id", "user_id", "user__email"):
        beheerders[organisation_id].append((user_id, email))
    emails = dict(
        User.objects.filter(pk__in=person_ids, is_active=True).values_list(
            "pk", "email"
        )
    )
    mails: dict[int, _Mail] = {}
    for item in due:
        if item.person_id in emails:
            mail = mails.setdefault(item.person_id, _Mail(email=emails[item.person_id]))
            if item not in mail.items:
                mail.items.append(item)
        for organisation_id in sorted(organisations_of[item.person_id]):
            for user_id, email in beheerders[organisation_id]:
                mail = mails.setdefault(user_id, _Mail(email=email))
                if item not in mail.items:
                    mail.items.append(item)
                if user_id != item.person_id:
                    mail.own_only = False
    return mails


def _send(user_id: int, mail: _Mail, today: dt.date) -> bool:
    """Send one e-mail for the reminders not sent before; log them with it."""
    try:
        with transaction.atomic():
            already = set(
                QualificationReminder.objects.filter(
                    recipient_id=user_id,
                    qualification_id__in=[item.qualification_id for item in mail.items],
                ).values_list("qualification_id", "days_ahead")
            )
            new = [
                item
                for item in mail.items
                if (item.qualification_id, item.days_ahead) not in already
            ]
            if not new:
                return False
            QualificationReminder.objects.bulk_create(
                QualificationReminder(
                    qualification_id=item.qualification_id,
                    recipient_id=user_id,
                    days_ahead=item.days_ahead,
                    sent_on=today,
                )
                for item in new
            )
            context = {
                "own_only": mail.own_only,
                "within_30": sum(1 for item in new if item.days_ahead == 30),
                "within_90": sum(1 for item in new if item.days_ahead == 90),
                "link": f"{settings.KINDVEILIG_BASE_URL}{reverse('readiness:readiness')}",
            }
            with translation.override(settings.LANGUAGE_CODE):
                subject = render_to_string(
                    "readiness/emails/qualification-reminder-subject.txt", context
                ).strip()
                body = render_to_string(
                    "readiness/emails/qualification-reminder-body.txt", context
                )
            send_mail(subject, body, None, [mail.email])
    except Exception:  # one failed e-mail must not stop the others
        logger.exception(
            "Could not send the qualification reminder to user %s", user_id
        )
        return False
    return True


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Send the reminders due today; returns the number of e-mails sent."""
    today = timezone.localdate(now or timezone.now())
    due = due_reminders(today=today)
    if not due:
        return 0
    sent = 0
    for user_id, mail in sorted(_recipients(due, today).items()):
        sent += _send(user_id, mail, today)
    logger.info("Sent %s qualification reminders", sent)
    return sent
