"""Reads of meldplicht cases, scoped to the actor and audited.

Who sees a case: the reporter, the aandachtsfunctionarissen of the organisation
and its houder or bevoegd gezag, except when the suspect is the houder: then the
houder does not see it (unless they reported it themselves). Outsiders get 404.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many

from .meldplicht_rules import can_record
from .models import MeldplichtCase, MeldplichtStep, Trajectory
from .selectors import trajectories_visible_to

__all__ = [
    "LinkedCase",
    "MeldplichtRow",
    "meldplicht_case_get_for",
    "meldplicht_case_list_for",
    "meldplicht_cases_for",
    "meldplicht_linked_trajectory_for",
    "meldplicht_links_for",
    "meldplicht_steps_due",
    "meldplicht_trajectory_choices",
]

# The link form offers at most this many trajectories (the newest).
TRAJECTORY_CHOICES_LIMIT = 200


def meldplicht_cases_for(*, actor: Actor) -> QuerySet[MeldplichtCase]:
    """The cases the actor may read. Records no read: callers audit what they show."""
    queryset = MeldplichtCase.objects.filter(organisation_id=actor.organisation_id)
    if actor.role == Role.AANDACHTSFUNCTIONARIS:
        return queryset
    own = Q(reported_by_id=actor.user.pk)
    if actor.role == Role.BEVOEGD_GEZAG:
        return queryset.filter(own | Q(suspect_is_houder=False))
    return queryset.filter(own)


def _audit_read(actor: Actor, cases: list[MeldplichtCase]) -> None:
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[AuditItem(obj=case, person_id=None) for case in cases],
    )


def meldplicht_case_get_for(*, actor: Actor, public_id: uuid.UUID) -> MeldplichtCase:
    case = (
        meldplicht_cases_for(actor=actor)
        .select_related(
            "reported_by",
            "reported_to_board_by",
            "vertrouwensinspecteur_consulted_by",
            "aangifte_decided_by",
            "measures_by",
            "closed_by",
            "trajectory",
        )
        .filter(public_id=public_id)
        .first()
    )
    if case is None:
        raise Http404
    _audit_read(actor, [case])
    return case


@dataclass(frozen=True)
class MeldplichtRow:
    case: MeldplichtCase
    next_step: MeldplichtStep | None
    due: dt.date | None
    overdue: bool
    mine: bool  # the next step is for this actor to record


def meldplicht_case_list_for(*, actor: Actor) -> list[MeldplichtRow]:
    """The organisation's cases the actor sees: open first (newest first), then
    the closed ones; each with its next step, when it is due and whether it is
    overdue. Every row shown is audited."""
    cases = list(
        meldplicht_cases_for(actor=actor)
        .select_related("reported_by")
        .order_by(F("closed_at").desc(nulls_first=True), "-created_at", "-pk")
    )
    _audit_read(actor, cases)
    today = timezone.localdate()
    return [
        MeldplichtRow(
            case=case,
            next_step=case.next_step,
            due=case.next_step_due,
            overdue=case.is_overdue_on(today),
            mine=case.next_step is not None and can_record(actor, case, case.next_step),
        )
        for case in cases
    ]


def meldplicht_steps_due(actor: Actor) -> int:
    """How many open cases have a step for this actor to record now (for the
    "Mijn werk" start page, which links to ``meldcode:meldplicht-list``). A count
    only: no personal data, no audit record."""
    open_cases = meldplicht_cases_for(actor=actor).filter(closed_at__isnull=True)
    return sum(
        1
        for case in open_cases
        if case.next_step is not None and can_record(actor, case, case.next_step)
    )


@dataclass(frozen=True)
class LinkedCase:
    """A meldplicht case linked to a trajectory; ``public_id`` only for those who
    may see the case (the others read only that there is a link)."""

    public_id: uuid.UUID | None


def meldplicht_links_for(*, actor: Actor, trajectory: Trajectory) -> list[LinkedCase]:
    if not getattr(trajectory, "has_meldplicht_cases", True):
        return []  # known from ``trajectory_get_for(entry_flags=True)``
    linked = list(
        MeldplichtCase.objects.filter(trajectory=trajectory)
        .order_by("pk")
        .values_list("public_id", flat=True)
    )
    if not linked:
        return []
    visible = set(
        meldplicht_cases_for(actor=actor)
        .filter(trajectory=trajectory)
        .values_list("public_id", flat=True)
    )
    return [
        LinkedCase(public_id=public_id if public_id in visible else None)
        for public_id in linked
    ]


def meldplicht_trajectory_choices(
    *, actor: Actor, case: MeldplichtCase
) -> list[tuple[str, str]]:
    """The trajectories of the case's organisation the actor sees, to link the
    case to, labelled without personal data (their short code and start date)."""
    trajectories = (
        trajectories_visible_to(actor)
        .filter(organisation_id=case.organisation_id)
        .order_by("-created_at", "-pk")[:TRAJECTORY_CHOICES_LIMIT]
    )
    return [
        (
            str(trajectory.public_id),
            f"{trajectory} ({timezone.localdate(trajectory.created_at):%d-%m-%Y})",
        )
        for trajectory in trajectories
    ]


def meldplicht_linked_trajectory_for(
    *, actor: Actor, case: MeldplichtCase
) -> Trajectory | None:
    """The case's linked trajectory if the actor may open it (only its short code
    is shown on the case: the trajectory's own page audits what it shows)."""
    if case.trajectory_id is None:
        return None
    return trajectories_visible_to(actor).filter(pk=case.trajectory_id).first()
