"""Reads of kindchecks, scoped to the actor and audited; and the monthly count.

The professional sees the kindchecks they recorded; the aandachtsfunctionaris
sees all of the organisation's. A kindcheck names no child, so the audit
records carry no person id.
"""

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many

from .models import Kindcheck

__all__ = [
    "KindcheckMonth",
    "kindcheck_counts_by_month",
    "kindcheck_get_for",
    "kindcheck_list_for",
]

LIST_SIZE = 50


def _visible(actor: Actor) -> QuerySet[Kindcheck]:
    queryset = Kindcheck.objects.filter(organisation_id=actor.organisation_id)
    if actor.role == Role.AANDACHTSFUNCTIONARIS:
        return queryset
    if actor.role == Role.PROFESSIONAL:
        return queryset.filter(recorded_by_id=actor.user.pk)
    return queryset.none()


def _audit_read(actor: Actor, kindchecks: list[Kindcheck]) -> None:
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=kindcheck, person_id=None) for kindcheck in kindchecks],
    )


def kindcheck_get_for(*, actor: Actor, public_id: uuid.UUID) -> Kindcheck:
    kindcheck = (
        _visible(actor)
        .select_related("recorded_by", "trajectory")
        .filter(public_id=public_id)
        .first()
    )
    if kindcheck is None:
        raise Http404
    _audit_read(actor, [kindcheck])
    return kindcheck


def kindcheck_list_for(*, actor: Actor) -> list[Kindcheck]:
    """The latest kindchecks the actor may see (newest first)."""
    kindchecks = list(
        _visible(actor).select_related("recorded_by", "trajectory")[:LIST_SIZE]
    )
    _audit_read(actor, kindchecks)
    return kindchecks


@dataclass(frozen=True)
class KindcheckMonth:
    """Counts only, for the monitor: no personal data, no identities."""

    organisation_id: int
    month: dt.date
    total: int
    with_children: int
    with_worry: int
    started_trajectory: int


def kindcheck_counts_by_month(
    *,
    organisation_ids: Iterable[int] | None = None,
    since: dt.date | None = None,
) -> list[KindcheckMonth]:
    """Kindchecks per organisation per calendar month (Dutch time), oldest first."""
    queryset = Kindcheck.objects.all()
    if organisation_ids is not None:
        queryset = queryset.filter(organisation_id__in=list(organisation_ids))
    if since is not None:
        queryset = queryset.filter(recorded_at__date__gte=since)
    rows = (
        queryset.annotate(
            month=TruncMonth("recorded_at", tzinfo=timezone.get_current_timezone())
        )
        .values("organisation_id", "month")
        .annotate(
            total=Count("pk"),
            with_children=Count("pk", filter=Q(client_has_children=True)),
            with_worry=Count("pk", filter=Q(worry=True)),
            started_trajectory=Count("pk", filter=Q(trajectory__isnull=False)),
        )
        .order_by("month", "organisation_id")
    )
    return [
        KindcheckMonth(
            organisation_id=row["organisation_id"],
            month=row["month"].date()
            if isinstance(row["month"], dt.datetime)
            else row["month"],
            total=row["total"],
            with_children=row["with_children"],
            with_worry=row["with_worry"],
            started_trajectory=row["started_trajectory"],
        )
        for row in rows
    ]
