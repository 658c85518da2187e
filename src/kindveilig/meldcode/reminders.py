"""Daily reminders about overdue meldcode steps and late Veilig Thuis feedback.

One e-mail per aandachtsfunctionaris (counts over the organisations where they
are one) and one per owner of overdue trajectories (for organisations where the
owner is not the aandachtsfunctionaris already). The e-mails hold only counts
and a link: no names, no BSNs, nothing about a child. A ``ReminderLog`` row per
person, kind and day makes a second run on the same day send nothing.
"""

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from kindveilig.accounts.models import Membership, User
from kindveilig.accounts.selectors import aandachtsfunctionarissen_of_organisations

from .deadline_selectors import open_feedback_filter
from .deadlines import (
    DEFAULT_STEP_DAYS,
    FEEDBACK_WORKING_DAYS,
    feedback_due,
    step_days_by_type,
    step_due,
)
from .models import ReminderKind, ReminderLog, Trajectory
from .models.choices import Status

__all__ = ["Counts", "overdue_counts", "reminders_send"]

logger = logging.getLogger(__name__)


@dataclass
class Counts:
    steps: int = 0
    feedback: int = 0

    @property
    def total(self) -> int:
        return self.steps + self.feedback

    def add(self, other: "Counts") -> None:
        self.steps += other.steps
        self.feedback += other.feedback


# (organisation id, owner id) -> what is overdue there
OverdueMap = dict[tuple[int, int], Counts]


def overdue_counts(*, now: dt.datetime) -> OverdueMap:
    """What is overdue, per organisation and owner, in a fixed number of queries."""
    days_by_type = step_days_by_type()
    shortest = min(
        [*DEFAULT_STEP_DAYS.values()]
        + [days for per_type in days_by_type.values() for days in per_type.values()]
    )
    # Coarse filters in the database (a superset); the exact rule below.
    candidates = (
        Trajectory.objects.filter(organisation__is_active=True)
        # The latest handover: a renewed melding restarts the feedback clock.
        .annotate(last_handover=Max("meldingen__handed_over_at"))
        .filter(
            Q(status=Status.OPEN, step_started_at__lt=now - dt.timedelta(days=shortest))
            | (
                open_feedback_filter()
                & Q(last_handover__lt=now - dt.timedelta(days=FEEDBACK_WORKING_DAYS))
            )
        )
    )
    result: OverdueMap = defaultdict(Counts)
    for (
        organisation_id,
        organisation_type,
        owner_id,
        status,
        step,
        step_started_at,
        handed_over_at,
    ) in candidates.values_list(
        "organisation_id",
        "organisation__type",
        "owner_id",
        "status",
        "step",
        "step_started_at",
        "last_handover",
    ):
        if status == Status.OPEN:
            due = step_due(
                step=step,
                step_started_at=step_started_at,
                now=now,
                days=days_by_type.get(organisation_type, DEFAULT_STEP_DAYS),
            )
            if due.overdue:
                result[(organisation_id, owner_id)].steps += 1
        elif handed_over_at is not None:
            due = feedback_due(handed_over_at=handed_over_at, now=now, received=False)
            if due.overdue:
                result[(organisation_id, owner_id)].feedback += 1
    return dict(result)


# Where each reminder leads: the aandachtsfunctionaris to the deadline overview,
# an owner to their own trajectories.
LINKS = {
    ReminderKind.AANDACHTSFUNCTIONARIS: "meldcode:deadlines",
    ReminderKind.OWNER: "meldcode:trajectory-list",
}


def _send_once(
    *, user_id: int, email: str, kind: ReminderKind, day: dt.date, counts: Counts
) -> bool:
    """Send one reminder unless it was sent today. The log row and the e-mail go
    together: when sending fails, the row is rolled back and a later run retries."""
    context = {
        "kind": str(kind),
        "steps": counts.steps,
        "feedback": counts.feedback,
        "link": f"{settings.KINDVEILIG_BASE_URL}{reverse(LINKS[kind])}",
    }
    try:
        with transaction.atomic():
            _, created = ReminderLog.objects.get_or_create(
                user_id=user_id, kind=kind, date=day
            )
            if not created:
                return False
            with translation.override(settings.LANGUAGE_CODE):
                subject = render_to_string(
                    "emails/meldcode-reminder-subject.txt", context
                ).strip()
                body = render_to_string("emails/meldcode-reminder-body.txt", context)
            send_mail(subject, body, None, [email])
    except Exception:  # one failed e-mail must not stop the others
        logger.exception("Could not send the %s reminder to user %s", kind, user_id)
        return False
    return True


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Send today's reminders; returns the number of e-mails sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    overdue = overdue_counts(now=now)
    if not overdue:
        return 0
    organisation_ids = {organisation_id for organisation_id, _ in overdue}
    per_organisation: dict[int, Counts] = defaultdict(Counts)
    for (organisation_id, _), counts in overdue.items():
        per_organisation[organisation_id].add(counts)

    aandachtsfunctionarissen: dict[int, tuple[str, Counts]] = {}
    covered: set[tuple[int, int]] = set()  # (organisation, user) seen as AF
    for user_id, email, organisation_id in aandachtsfunctionarissen_of_organisations(
        organisation_ids=organisation_ids
    ).values_list("user_id", "user__email", "organisation_id"):
        covered.add((organisation_id, user_id))
        _, total = aandachtsfunctionarissen.setdefault(user_id, (email, Counts()))
        total.add(per_organisation[organisation_id])

    # Owners hear about their own overdue trajectories, unless they are the
    # aandachtsfunctionaris there (then the overview mail covers them) or no
    # longer work there (then the aandachtsfunctionaris picks it up).
    members = set(
        Membership.objects.filter(
            organisation_id__in=organisation_ids,
            user_id__in={owner_id for _, owner_id in overdue},
            is_active=True,
        ).values_list("organisation_id", "user_id")
    )
    owner_counts: dict[int, Counts] = defaultdict(Counts)
    for key, counts in overdue.items():
        if key in members and key not in covered:
            owner_counts[key[1]].add(counts)
    owner_emails = dict(
        User.objects.filter(pk__in=owner_counts, is_active=True).values_list(
            "pk", "email"
        )
    )

    sent = 0
    for user_id, (email, counts) in sorted(aandachtsfunctionarissen.items()):
        sent += _send_once(
            user_id=user_id,
            email=email,
            kind=ReminderKind.AANDACHTSFUNCTIONARIS,
            day=today,
            counts=counts,
        )
    for user_id, counts in sorted(owner_counts.items()):
        if user_id in owner_emails:
            sent += _send_once(
                user_id=user_id,
                email=owner_emails[user_id],
                kind=ReminderKind.OWNER,
                day=today,
                counts=counts,
            )
    logger.info("Sent %s meldcode reminders", sent)
    return sent
