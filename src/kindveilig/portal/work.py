"""Mijn werk: what needs this person now, as a count and a link per item.

A registry of providers. Most items count the rows of one app's selector: a
``Counted`` (the selector's queryset, and the item for a count), and
``work_for`` counts all of them in one query (``core.counts.count_each``; one
query per count cost the start page a round trip and a query compilation
each). An item whose count needs Python (a rule per row) is a function
``(actor) -> WorkItem | None`` that asks its selector for the count (a fixed
number of queries, whatever the number of rows). Either gives ``None`` when
the item does not apply to the actor's role (the selector's queryset is then
empty, and costs nothing) or nothing waits. The start page shows the items of
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
from kindveilig.core.counts import count_each
from kindveilig.households.selectors import handovers_waiting
from kindveilig.kansrijkestart.coalition_selectors import open_actions_summary
from kindveilig.kansrijkestart.selectors import (
    household_requests_waiting,
    signals_awaiting_first_contact,
)
from kindveilig.meldcode.deadline_selectors import step_deadlines_due_count
from kindveilig.meldcode.meldplicht_selectors import meldplicht_steps_due
from kindveilig.meldcode.selectors import (
    closings_awaiting_cosign,
    decisions_awaiting_cosign,
    evaluations_due,
)
from kindveilig.meldcode.share_selectors import shares_received_since
from kindveilig.readiness.selectors import (
    qualifications_expiring as qualifications_expiring_rows,
)
from kindveilig.verwijsindex.selectors import unseen_matches
from kindveilig.youth.messages.selectors import urgent_waiting

__all__ = ["PROVIDERS", "Counted", "Provider", "WorkItem", "work_for"]

# A share counts as new on the start page for this long.
NEW_SHARE_DAYS = 14


@dataclass(frozen=True)
class WorkItem:
    label: str  # a sentence with the count in it, in the active language
    count: int
    url: str


Provider = Callable[[Actor], WorkItem | None]


@dataclass(frozen=True)
class Counted:
    """An item whose count is the number of rows of one selector's queryset:
    ``work_for`` counts every such item in one query (``count_each``), then
    asks ``item`` for the item (``None`` when the count is 0)."""

    rows: Callable[[Actor], QuerySet[Any]]
    item: Callable[[QuerySet[Any], int], WorkItem | None]


def _per_trajectory(
    page: str, label: Callable[[int], str]
) -> Callable[[QuerySet[Any], int], WorkItem | None]:
    """One row: straight to that trajectory's page; several: the trajectory list."""

    def item(rows: QuerySet[Any], count: int) -> WorkItem | None:
        if not count:
            return None
        url = reverse("meldcode:trajectory-list")
        if count == 1:
            first = rows.values_list("trajectory__public_id", flat=True).first()
            url = reverse(page, args=[first])
        return WorkItem(label=label(count), count=count, url=url)

    return item


def _linked(
    page: str, label: Callable[[int], str]
) -> Callable[[QuerySet[Any], int], WorkItem | None]:
    """Any number of rows: the page where they are done."""

    def item(rows: QuerySet[Any], count: int) -> WorkItem | None:
        if not count:
            return None
        return WorkItem(label=label(count), count=count, url=reverse(page))

    return item


decisions_to_cosign = Counted(
    decisions_awaiting_cosign,
    _per_trajectory(
        "meldcode:decision-cosign",
        lambda count: (
            ngettext(
                "%(count)s decision waits for your co-signature",
                "%(count)s decisions wait for your co-signature",
                count,
            )
            % {"count": count}
        ),
    ),
)

# Requests to close before step 5 or with "Anders".
closings_to_cosign = Counted(
    closings_awaiting_cosign,
    _per_trajectory(
        "meldcode:closing-cosign",
        lambda count: (
            ngettext(
                "%(count)s request to close waits for your co-signature",
                "%(count)s requests to close wait for your co-signature",
                count,
            )
            % {"count": count}
        ),
    ),
)

# Help whose evaluation date has come: afweging 5 is due.
evaluations = Counted(
    evaluations_due,
    _per_trajectory(
        "meldcode:weighing",
        lambda count: (
            ngettext(
                "%(count)s evaluation of help is due (afweging 5)",
                "%(count)s evaluations of help are due (afweging 5)",
                count,
            )
            % {"count": count}
        ),
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


handovers_offered = Counted(
    lambda actor: handovers_waiting(actor=actor),
    _linked(
        "households:handover-list",
        lambda count: (
            ngettext(
                "%(count)s handover waits for your answer",
                "%(count)s handovers wait for your answer",
                count,
            )
            % {"count": count}
        ),
    ),
)

verwijsindex_matches = Counted(
    unseen_matches,
    _linked(
        "verwijsindex:match-list",
        lambda count: (
            ngettext(
                "%(count)s new match in the Verwijsindex",
                "%(count)s new matches in the Verwijsindex",
                count,
            )
            % {"count": count}
        ),
    ),
)


def _new_shares(actor: Actor) -> QuerySet[Any]:
    since = timezone.now() - dt.timedelta(days=NEW_SHARE_DAYS)
    return shares_received_since(actor=actor, since=since)


shares_received = Counted(
    _new_shares,
    _linked(
        "verwijsindex:share-list",
        lambda count: (
            ngettext(
                "%(count)s trajectory shared with you in the last two weeks",
                "%(count)s trajectories shared with you in the last two weeks",
                count,
            )
            % {"count": count}
        ),
    ),
)

urgent_youth_messages = Counted(
    lambda actor: urgent_waiting(actor=actor),
    _linked(
        "youthstaff:inbox",
        lambda count: (
            ngettext(
                "%(count)s urgent message from a child waits for an answer",
                "%(count)s urgent messages from children wait for an answer",
                count,
            )
            % {"count": count}
        ),
    ),
)

qualifications_expiring = Counted(
    lambda actor: qualifications_expiring_rows(actor=actor),
    _linked(
        "readiness:readiness",
        lambda count: (
            ngettext(
                "%(count)s qualification has expired or expires within 90 days",
                "%(count)s qualifications have expired or expire within 90 days",
                count,
            )
            % {"count": count}
        ),
    ),
)

# Kansrijke Start: signals to the actor's JGZ that wait for a first contact
# (the actor's own, or nobody's yet).
kansrijke_start_first_contacts = Counted(
    lambda actor: signals_awaiting_first_contact(actor=actor),
    _linked(
        "kansrijkestart:follow-up-list",
        lambda count: (
            ngettext(
                "%(count)s Kansrijke Start family waits for a first contact",
                "%(count)s Kansrijke Start families wait for a first contact",
                count,
            )
            % {"count": count}
        ),
    ),
)

# Kansrijke Start: the JGZ asks the actor's lokaal team for a household case.
kansrijke_start_household_requests = Counted(
    lambda actor: household_requests_waiting(actor=actor),
    _linked(
        "kansrijkestart:request-list",
        lambda count: (
            ngettext(
                "%(count)s request from the JGZ for a household case",
                "%(count)s requests from the JGZ for a household case",
                count,
            )
            % {"count": count}
        ),
    ),
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


PROVIDERS: list[Provider | Counted] = [
    decisions_to_cosign,
    closings_to_cosign,
    evaluations,
    meldplicht_steps,
    step_deadlines,
    handovers_offered,
    kansrijke_start_first_contacts,
    kansrijke_start_household_requests,
    verwijsindex_matches,
    shares_received,
    kansrijke_start_actions,
    urgent_youth_messages,
    qualifications_expiring,
]


def work_for(actor: Actor) -> list[WorkItem]:
    """The items with something waiting, in the order of ``PROVIDERS``; the
    ``Counted`` ones counted together in one query."""
    rows = {
        index: provider.rows(actor)
        for index, provider in enumerate(PROVIDERS)
        if isinstance(provider, Counted)
    }
    counts = count_each(rows)
    items = (
        provider.item(rows[index], counts[index])
        if isinstance(provider, Counted)
        else provider(actor)
        for index, provider in enumerate(PROVIDERS)
    )
    return [item for item in items if item is not None]
