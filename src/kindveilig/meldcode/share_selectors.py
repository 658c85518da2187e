"""Reads of shares, scoped to the actor and audited.

``shared_trajectory_ids_for`` is the one place that widens who reads a meldcode
trajectory: ``selectors._visible`` adds the trajectories it returns.
"""

import datetime as dt
import uuid
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many

from .models import Share, Trajectory, TrajectoryChild

__all__ = [
    "share_get_for",
    "share_page_received_for",
    "shared_trajectory_ids_for",
    "shares_of_trajectory",
    "shares_received_since",
    "shares_received_since_count",
]

PAGE_SIZE = 50


def _active_shares_for(actor: Actor) -> QuerySet[Share]:
    if actor.role not in CASE_ROLES:
        return Share.objects.none()
    queryset = Share.objects.filter(
        to_organisation_id=actor.organisation_id, revoked_at__isnull=True
    )
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        queryset = queryset.filter(
            Q(to_user__isnull=True) | Q(to_user_id=actor.user.pk)
        )
    return queryset


def shared_trajectory_ids_for(actor: Actor) -> QuerySet[Any]:
    """The ids of trajectories shared with the actor, as a subquery.

    A share to an organisation reaches its case workers; a share to a named
    person reaches that person and the organisation's aandachtsfunctionaris.
    Revoked shares reach no one.
    """
    return _active_shares_for(actor).values("trajectory_id")


def _children_prefetch() -> Prefetch[Any]:
    return Prefetch(
        "trajectory__children",
        queryset=TrajectoryChild.objects.select_related("person").order_by("pk"),
    )


def share_page_received_for(
    *, actor: Actor, page_number: int | str | None
) -> Page[Share]:
    queryset = (
        _active_shares_for(actor)
        .select_related("trajectory", "from_organisation", "shared_by", "to_user")
        .prefetch_related(_children_prefetch())
        .order_by("-created_at", "-pk")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[
            AuditItem(obj=share, person_id=link.person.public_id)
            for share in page
            for link in share.trajectory.children.all()
        ],
        reason="shares received",
    )
    return page


def shares_of_trajectory(trajectory: Trajectory) -> list[Share]:
    """The shares the owner made; the caller loaded the trajectory through
    ``trajectory_get_for`` (which checked and audited)."""
    return list(
        trajectory.shares.select_related("to_organisation", "to_user", "shared_by")
        .filter(revoked_at__isnull=True)
        .order_by("-created_at")
    )


def share_get_for(*, actor: Actor, public_id: uuid.UUID) -> Share:
    """A share the actor's organisation made (to revoke it)."""
    share = (
        Share.objects.select_related("trajectory")
        .filter(public_id=public_id, from_organisation_id=actor.organisation_id)
        .first()
    )
    if share is None:
        raise Http404
    return share


def shares_received_since(*, actor: Actor, since: dt.datetime) -> QuerySet[Share]:
    """The active shares to the actor since then, to count (the start page):
    nothing read, nothing audited."""
    return _active_shares_for(actor).filter(created_at__gte=since)


def shares_received_since_count(*, actor: Actor, since: dt.datetime) -> int:
    """How many trajectories were shared with the actor since then (active
    shares only): a count for the start page, nothing read, nothing audited."""
    return shares_received_since(actor=actor, since=since).count()
