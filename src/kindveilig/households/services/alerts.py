"""In-app notifications of the households app (``kindveilig.notifications``):
who is told that something waits, with a link built from public ids. One line
at each caller. Nobody is told of their own act, and each link is to a page
the receiver may open (``households.access``, ``handover_get_for``).

- a handover offered: the named receiver, or (none named) every case worker of
  the receiving organisation, as everyone who may accept it (``may_decide``);
  the link is the handover;
- a handover accepted or rejected: the worker who offered it; the link is the
  handover list (after an accepted handover the household is no longer theirs);
- a partner added: the partner's people (the named contact, or, none named,
  every case worker of the partner organisation: everyone who sees the
  household as a partner), linking to the household; and the regievoerder;
- a partner ended: the same people of that partner, linking to the household
  list (the household itself is closed to them now); and the regievoerder;
- a plan version published: the regievoerder and the people of every active
  partner in Kindveilig, linking to the plan (partners see their part of it).

The regievoerder is told of partner changes and new plan versions that someone
else made (an aandachtsfunctionaris of the responsible organisation may make
them too).
"""

from collections.abc import Iterable

from django.urls import reverse

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES
from kindveilig.accounts.models import Membership
from kindveilig.households.models import (
    CasePartner,
    Handover,
    HandoverStatus,
    PlanVersion,
    SafetyCase,
)
from kindveilig.notifications.models import NotificationKind
from kindveilig.notifications.services import notify

__all__ = [
    "handover_decided",
    "handover_offered",
    "partner_added",
    "partner_ended",
    "plan_published",
]


def _case_workers_of(organisation_ids: Iterable[int]) -> list[int]:
    return list(
        Membership.objects.filter(
            organisation_id__in=list(organisation_ids),
            role__in=[str(role) for role in CASE_ROLES],
            is_active=True,
            user__is_active=True,
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def _people_of(partners: Iterable[CasePartner]) -> list[int]:
    """Who sees the household through these partners (one query at most): each
    named contact, and every case worker of a partner organisation without one.
    A partner outside Kindveilig has no one to tell."""
    contacts: set[int] = set()
    organisations: set[int] = set()
    for partner in partners:
        if partner.organisation_id is None:
            continue
        if partner.contact_user_id is not None:
            contacts.add(partner.contact_user_id)
        else:
            organisations.add(partner.organisation_id)
    workers = _case_workers_of(organisations) if organisations else []
    return sorted(contacts.union(workers))


def _others(user_ids: Iterable[int | None], actor_user_id: int | None) -> list[int]:
    """Each person once, in order, without the one who acted."""
    seen: list[int] = []
    for user_id in user_ids:
        if user_id is not None and user_id != actor_user_id and user_id not in seen:
            seen.append(user_id)
    return seen


def _household_path(case: SafetyCase, page: str) -> str:
    return reverse(f"households:{page}", args=[case.household.public_id])


def handover_offered(handover: Handover) -> None:
    receivers = (
        [handover.to_user_id]
        if handover.to_user_id is not None
        else _case_workers_of([handover.to_organisation_id])
    )
    notify(
        _others(receivers, handover.from_user_id),
        NotificationKind.HANDOVER_OFFERED,
        reverse("households:handover-detail", args=[handover.public_id]),
    )


def handover_decided(handover: Handover) -> None:
    kind = (
        NotificationKind.HANDOVER_ACCEPTED
        if handover.status == HandoverStatus.ACCEPTED
        else NotificationKind.HANDOVER_REJECTED
    )
    notify(
        _others([handover.from_user_id], handover.decided_by_id),
        kind,
        reverse("households:handover-list"),
    )


def _tell_regievoerder(case: SafetyCase, actor: Actor, told: list[int]) -> None:
    """The regievoerder, when someone else changed the partners of their case
    (and they were not told already, as a partner)."""
    regievoerder = _others([case.regievoerder_id], actor.user.pk)
    notify(
        [user_id for user_id in regievoerder if user_id not in told],
        NotificationKind.PARTNERS_CHANGED,
        _household_path(case, "household-detail"),
    )


def partner_added(partner: CasePartner, actor: Actor) -> None:
    told = _others(_people_of([partner]), actor.user.pk)
    notify(
        told,
        NotificationKind.PARTNER_ADDED,
        _household_path(partner.case, "household-detail"),
    )
    _tell_regievoerder(partner.case, actor, told)


def partner_ended(partner: CasePartner, actor: Actor) -> None:
    told = _others(_people_of([partner]), actor.user.pk)
    notify(told, NotificationKind.PARTNER_ENDED, reverse("households:household-list"))
    _tell_regievoerder(partner.case, actor, told)


def plan_published(version: PlanVersion, actor: Actor) -> None:
    case = version.case
    partners = case.partners.filter(ended_at__isnull=True)
    notify(
        _others([case.regievoerder_id, *_people_of(partners)], actor.user.pk),
        NotificationKind.PLAN_PUBLISHED,
        _household_path(case, "plan"),
    )
