"""Mijn werk: what needs this person now, as a count and a link per item.

A registry of providers. A provider is a function ``(actor) -> WorkItem | None``
that asks one app's selector for a count (cheap: a fixed number of queries,
whatever the number of rows) and returns ``None`` when its item does not apply
to the actor's role or nothing waits. The start page shows the items of
``work_for(actor)`` in the order of ``PROVIDERS``.

To add an item: write a provider here (or in the owning app) and add it to
``PROVIDERS`` — one line. Counts come from selectors, never from models here.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.households.selectors import handovers_waiting_count
from kindveilig.kansrijkestart.coalition_selectors import open_actions_summary
from kindveilig.kansrijkestart.selectors import signals_awaiting_first_contact_count
from kindveilig.meldcode.deadline_selectors import step_deadlines_due_count
from kindveilig.meldcode.meldplicht_selectors import meldplicht_steps_due
from kindveilig.meldcode.selectors import (
    closings_awaiting_cosign,
    decisions_awaiting_cosign,
    evaluations_due,
)
from kindveilig.meldcode.share_selectors import shares_received_since_count
from kindveilig.readiness.selectors import qualifications_expiring_count
from kindveilig.verwijsindex.selectors import unseen_match_count
from kindveilig.youth.messages.selectors import urgent_waiting_count

__all__ = ["PROVIDERS", "Provider", "WorkItem", "work_for"]

# A share counts as new on the start page for this long.
NEW_SHARE_DAYS = 14


@dataclass(frozen=True)
class WorkItem:
    label: str  # a sentence with the count in it, in the active language
    count: int
    url: str


Provider = Callable[[Actor], WorkItem | None]


def _per_trajectory(
    rows: QuerySet[Any], page: str, label: Callable[[int], str]
) -> WorkItem | None:
    """One row: straight to that trajectory's page; several: the trajectory list."""
    count = rows.count()
    if not count:
        return None
    url = reverse("meldcode:trajectory-list")
    if count == 1:
        first = rows.values_list("trajectory__public_id", flat=True).first()
        url = reverse(page, args=[first])
    return WorkItem(label=label(count), count=count, url=url)


def decisions_to_cosign(actor: Actor) -> WorkItem | None:
    return _per_trajectory(
        decisions_awaiting_cosign(actor),
        "meldcode:decision-cosign",
        lambda count: (
            ngettext(
                "%(count)s decision waits for your co-signature",
                "%(count)s decisions wait for your co-signature",
                count,
            )
            % {"count": count}
        ),
    )


def closings_to_cosign(actor: Actor) -> WorkItem | None:
    """Requests to close before step 5 or with "Anders"."""
    return _per_trajectory(
        closings_awaiting_cosign(actor),
        "meldcode:closing-cosign",
        lambda count: (
            ngettext(
                "%(count)s request to close waits for your co-signature",
                "%(count)s requests to close wait for your co-signature",
                count,
            )
            % {"count": count}
        ),
    )


def evaluations(actor: Actor) -> WorkItem | None:
    """Help whose evaluation date has come: afweging 5 is due."""
    return _per_trajectory(
        evaluations_due(actor),
        "meldcode:weighing",
        lambda count: (
            ngettext(
                "%(count)s evaluation of help is due (afweging 5)",
                "%(count)s evaluations of help are due (afweging 5)",
                count,
            )
            % {"count": count}
        ),
    )


def meldplicht_steps(actor: Actor) -> WorkItem | None:
    """Meldplicht cases with a step for this person to record ("onverwijld")."""
    count = meldplicht_steps_due(actor)
    if not count:
        return None
    label = ngettext(
        "%(count)s meldplicht case has a step to record",
        "%(count)s meldplicht cases have a step to record",
        count,
    ) % {"count": count}
    return WorkItem(label=label, count=count, url=reverse("meldcode:meldplicht-list"))


def step_deadlines(actor: Actor) -> WorkItem | None:
    count = step_deadlines_due_count(actor=actor)
    if not count:
        return None
    page = (
        "meldcode:deadlines"
        if actor.role == Role.AANDACHTSFUNCTIONARIS
        else "meldcode:trajectory-list"
    )
    label = ngettext(
        "%(count)s meldcode step is due today or overdue",
        "%(count)s meldcode steps are due today or overdue",
        count,
    ) % {"count": count}
    return WorkItem(label=label, count=count, url=reverse(page))


def handovers_offered(actor: Actor) -> WorkItem | None:
    count = handovers_waiting_count(actor=actor)
    if not count:
        return None
    label = ngettext(
        "%(count)s handover waits for your answer",
        "%(count)s handovers wait for your answer",
        count,
    ) % {"count": count}
    return WorkItem(label=label, count=count, url=reverse("households:handover-list"))


def verwijsindex_matches(actor: Actor) -> WorkItem | None:
    count = unseen_match_count(actor)
    if not count:
        return None
    label = ngettext(
        "%(count)s new match in the Verwijsindex",
        "%(count)s new matches in the Verwijsindex",
        count,
    ) % {"count": count}
    return WorkItem(label=label, count=count, url=reverse("verwijsindex:match-list"))


def shares_received(actor: Actor) -> WorkItem | None:
    since = timezone.now() - dt.timedelta(days=NEW_SHARE_DAYS)
    count = shares_received_since_count(actor=actor, since=since)
    if not count:
        return None
    label = ngettext(
        "%(count)s trajectory shared with you in the last two weeks",
        "%(count)s trajectories shared with you in the last two weeks",
        count,
    ) % {"count": count}
    return WorkItem(label=label, count=count, url=reverse("verwijsindex:share-list"))


def urgent_youth_messages(actor: Actor) -> WorkItem | None:
    count = urgent_waiting_count(actor=actor)
    if not count:
        return None
    label = ngettext(
        "%(count)s urgent message from a child waits for an answer",
        "%(count)s urgent messages from children wait for an answer",
        count,
    ) % {"count": count}
    return WorkItem(label=label, count=count, url=reverse("youthstaff:inbox"))


def qualifications_expiring(actor: Actor) -> WorkItem | None:
    count = qualifications_expiring_count(actor=actor)
    if not count:
        return None
    label = ngettext(
        "%(count)s qualification has expired or expires within 90 days",
        "%(count)s qualifications have expired or expire within 90 days",
        count,
    ) % {"count": count}
    return WorkItem(label=label, count=count, url=reverse("readiness:readiness"))


def kansrijke_start_first_contacts(actor: Actor) -> WorkItem | None:
    """Kansrijke Start: signals to the actor's JGZ that wait for a first contact
    (the actor's own, or nobody's yet)."""
    count = signals_awaiting_first_contact_count(actor=actor)
    if not count:
        return None
    label = ngettext(
        "%(count)s Kansrijke Start family waits for a first contact",
        "%(count)s Kansrijke Start families wait for a first contact",
        count,
    ) % {"count": count}
    return WorkItem(
        label=label, count=count, url=reverse("kansrijkestart:follow-up-list")
    )


def kansrijke_start_actions(actor: Actor) -> WorkItem | None:
    """Actions and warm referrals of Kansrijke Start that the actor owns, with
    the first due date."""
    summary = open_actions_summary(actor=actor)
    if not summary.count or summary.first_due_on is None:
        return None
    label = ngettext(
        "%(count)s Kansrijke Start action is yours, due %(date)s",
        "%(count)s Kansrijke Start actions are yours, the first due %(date)s",
        summary.count,
    ) % {
        "count": summary.count,
        "date": date_format(summary.first_due_on, "j F Y"),
    }
    return WorkItem(
        label=label, count=summary.count, url=reverse("kansrijkestart:my-actions")
    )


PROVIDERS: list[Provider] = [
    decisions_to_cosign,
    closings_to_cosign,
    evaluations,
    meldplicht_steps,
    step_deadlines,
    handovers_offered,
    kansrijke_start_first_contacts,
    verwijsindex_matches,
    shares_received,
    kansrijke_start_actions,
    urgent_youth_messages,
    qualifications_expiring,
]


def work_for(actor: Actor) -> list[WorkItem]:
    """The items with something waiting, in the order of ``PROVIDERS``."""
    return [item for provider in PROVIDERS if (item := provider(actor)) is not None]
