"""Reads of the learning app. Nothing here is personal data of a child or family,
so nothing is audited; scoping still follows need-to-know: a facilitator sees
the sessions of their own organisation and the reflections of their municipality.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.core.crypto import HashPurpose, keyed_hash, keyed_hash_candidates

from .models import (
    MIN_CELL,
    ImprovementAction,
    LearningSession,
    Reflection,
    ReflectionStatus,
)

__all__ = [
    "FACILITATOR_ROLES",
    "OpenImprovementAction",
    "ReflectionPool",
    "SessionRow",
    "action_get_for",
    "open_improvement_actions_for_municipality",
    "reflection_exists_for",
    "reflection_pool",
    "reflection_pool_for",
    "reflection_source_hash",
    "reflection_source_hashes",
    "session_actions",
    "session_get_for",
    "session_list_for",
]

FACILITATOR_ROLES: frozenset[Role] = frozenset(
    {Role.AANDACHTSFUNCTIONARIS, Role.GEMEENTE_ANALIST}
)
POOL_SIZE = 100


def reflection_source_hash(*, source_kind: str, source_id: uuid.UUID | str) -> str:
    """A keyed hash of the case: equal for the same case, useless without the key."""
    return keyed_hash(HashPurpose.REFLECTION_SOURCE, f"{source_kind}:{source_id}")


def reflection_source_hashes(
    *, source_kind: str, source_id: uuid.UUID | str
) -> list[str]:
    """The hashes a reflection on this case may hold: the current one first,
    then the one from before ``keyed_hash`` (reflections are never re-hashed:
    nothing about the case is stored to derive the new hash from)."""
    return keyed_hash_candidates(
        HashPurpose.REFLECTION_SOURCE, f"{source_kind}:{source_id}"
    )


def reflection_exists_for(*, source_kind: str, source_id: uuid.UUID | str) -> bool:
    """Whether the case already has a reflection (completed or skipped)."""
    return Reflection.objects.filter(
        source_hash__in=reflection_source_hashes(
            source_kind=source_kind, source_id=source_id
        )
    ).exists()


def reflection_pool(municipality_id: int) -> QuerySet[Reflection]:
    """The reflections a session in this municipality may pick: completed, with
    a lesson."""
    return Reflection.objects.filter(
        municipality_id=municipality_id, status=ReflectionStatus.COMPLETED
    ).exclude(lesson="")


@dataclass(frozen=True)
class ReflectionPool:
    reflections: list[Reflection]
    too_few: bool  # fewer than MIN_CELL in scope: not shown one by one


def reflection_pool_for(
    *, session: LearningSession, sector: str = ""
) -> ReflectionPool:
    """The newest reflections to pick from, plus those already picked. Shown
    only when the scope holds at least MIN_CELL of them."""
    pool = reflection_pool(session.municipality_id)
    if sector:
        pool = pool.filter(sector=sector)
    if pool.count() < MIN_CELL:
        picked = list(session.reflections.all())
        return ReflectionPool(reflections=picked, too_few=True)
    newest = list(pool[:POOL_SIZE])
    shown = {reflection.pk for reflection in newest}
    picked = [r for r in session.reflections.all() if r.pk not in shown]
    return ReflectionPool(reflections=picked + newest, too_few=False)


def _sessions_of(actor: Actor) -> QuerySet[LearningSession]:
    if actor.role not in FACILITATOR_ROLES:
        return LearningSession.objects.none()
    return LearningSession.objects.filter(organisation_id=actor.organisation_id)


@dataclass(frozen=True)
class SessionRow:
    session: LearningSession
    reflection_count: int
    open_action_count: int


def session_list_for(*, actor: Actor) -> list[SessionRow]:
    """The organisation's sessions, newest first, with their counts (one query)."""
    sessions = (
        _sessions_of(actor)
        .select_related("facilitator")
        .annotate(
            reflection_count=Count("reflections", distinct=True),
            open_action_count=Count(
                "actions", filter=Q(actions__done_on__isnull=True), distinct=True
            ),
        )
    )
    return [
        SessionRow(
            session=session,
            reflection_count=session.reflection_count,
            open_action_count=session.open_action_count,
        )
        for session in sessions
    ]


def session_get_for(*, actor: Actor, public_id: uuid.UUID) -> LearningSession:
    session = (
        _sessions_of(actor)
        .select_related("facilitator", "municipality")
        .filter(public_id=public_id)
        .first()
    )
    if session is None:
        raise Http404
    return session


def session_actions(session: LearningSession) -> list[ImprovementAction]:
    return list(session.actions.order_by("done_on", "follow_up_on", "pk"))


def action_get_for(*, actor: Actor, public_id: uuid.UUID) -> ImprovementAction:
    action = (
        ImprovementAction.objects.select_related("session")
        .filter(public_id=public_id, session__in=_sessions_of(actor))
        .first()
    )
    if action is None:
        raise Http404
    return action


@dataclass(frozen=True)
class OpenImprovementAction:
    """An agreed improvement action that is not done yet, for the coverage page."""

    public_id: uuid.UUID
    description: str
    owner: str
    follow_up_on: date
    is_overdue: bool
    session_title: str
    session_held_on: date
    organisation_name: str


def open_improvement_actions_for_municipality(
    municipality_id: int,
) -> list[OpenImprovementAction]:
    """Every open action of the learning sessions held in a municipality, the
    first follow-up date first (one query). The caller scopes who may see it:
    the actions hold no personal data of children or families, only the owner's
    name or role."""
    today = timezone.localdate()
    actions = (
        ImprovementAction.objects.filter(
            session__municipality_id=municipality_id, done_on__isnull=True
        )
        .select_related("session", "session__organisation")
        .order_by("follow_up_on", "pk")
    )
    return [
        OpenImprovementAction(
            public_id=action.public_id,
            description=action.description,
            owner=action.owner,
            follow_up_on=action.follow_up_on,
            is_overdue=action.follow_up_on < today,
            session_title=action.session.title,
            session_held_on=action.session.held_on,
            organisation_name=action.session.organisation.name,
        )
        for action in actions
    ]
