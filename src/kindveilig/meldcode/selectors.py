"""Reads of trajectories, scoped to the actor and audited.

Professionals see the trajectories they own; the aandachtsfunctionaris sees all
of the organisation's. No one outside the organisation sees the content.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.paginator import Page
from django.db.models import (
    Exists,
    F,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_denied, audit_record_many
from kindveilig.core.counts import page_of
from kindveilig.core.queries import has_rows

from .models import (
    AfwegingAnswer,
    Attachment,
    ClosingRequest,
    Consultation,
    Conversation,
    ConversationSkip,
    Decision,
    Melding,
    MeldplichtCase,
    Observation,
    Trajectory,
    TrajectoryChild,
    VeiligThuisFeedback,
)
from .models.choices import (
    ConversationWith,
    CosignStatus,
    OpenMeldenException,
    SkipReason,
    Status,
)
from .next_action import with_next_action
from .share_selectors import shared_trajectory_ids_for

PAGE_SIZE = 50


def _visible(actor: Actor, *, one: bool = False) -> QuerySet[Trajectory]:
    """The trajectories the actor may read. ``one``: for a query that picks
    one trajectory by its public id, where the share is checked as an EXISTS
    on that row in the same query instead of a list of ids fetched first."""
    queryset = Trajectory.objects.filter(organisation_id=actor.organisation_id)
    if actor.role == Role.AANDACHTSFUNCTIONARIS:
        # Their organisation's, and those that name them as co-signer: the
        # municipality's fallback for an organisation without one (read-only).
        own = Trajectory.objects.filter(
            Q(organisation_id=actor.organisation_id)
            | Q(aandachtsfunctionaris_id=actor.user.pk)
        )
    elif actor.role in (Role.PROFESSIONAL, Role.LOKAAL_TEAM_MEDEWERKER):
        own = queryset.filter(owner_id=actor.user.pk)
    else:
        return queryset.none()
    # Shared with the actor (read-only: can_act_on leaves writes to the owner).
    if one:
        shared_here = shared_trajectory_ids_for(actor).filter(
            trajectory_id=OuterRef("pk")
        )
        return own | Trajectory.objects.filter(Exists(shared_here))
    # For a list the ids are fetched first: an OR with a subquery makes PostgreSQL scan the
    # whole trajectory table (docs/performance.md), a short id list does not.
    shared = list(
        shared_trajectory_ids_for(actor).values_list("trajectory_id", flat=True)
    )
    if not shared:
        return own
    return own | Trajectory.objects.filter(pk__in=shared)


def trajectories_visible_to(actor: Actor) -> QuerySet[Trajectory]:
    """The trajectories the actor may read (their own, their organisation's for
    the aandachtsfunctionaris, and those shared with them), for other apps that
    list trajectories by person (the household timeline, the benchmark). It
    records no read: callers audit what they show."""
    return _visible(actor)


def _audit_read(actor: Actor, trajectories: list[Trajectory], reason: str = "") -> None:
    items = [
        AuditItem(obj=trajectory, person_id=link.person.public_id)
        for trajectory in trajectories
        for link in trajectory.children.all()
    ]
    audit_record_many(actor=actor, action=AuditAction.READ, items=items, reason=reason)


def _with_children(queryset: QuerySet[Trajectory]) -> QuerySet[Trajectory]:
    return queryset.select_related("owner").prefetch_related(
        Prefetch(
            "children",
            queryset=TrajectoryChild.objects.select_related("person").order_by("pk"),
        )
    )


# A list row shows none of the trajectory's free text, and of each child only
# the name and age: the rest is not loaded, so it is not decrypted (a page of 50
# decrypted each worry and each child's BSN; docs/decisions.md, "The API list:
# rows written out, nothing unshown").
LIST_DEFERRED = ("worry", "kindcheck_notes", "closing_agreements")
LIST_CHILD_FIELDS = (
    "trajectory",
    "person",
    "person__public_id",
    "person__given_name",
    "person__family_name",
    "person__date_of_birth",
)


def _list_rows(queryset: QuerySet[Trajectory]) -> QuerySet[Trajectory]:
    return (
        queryset.defer(*LIST_DEFERRED)
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "children",
                queryset=TrajectoryChild.objects.select_related("person")
                .only(*LIST_CHILD_FIELDS)
                .order_by("pk"),
            )
        )
    )


def trajectory_page_for(
    *,
    actor: Actor,
    page_number: int | str | None,
    status: str | None = None,
    next_actions: bool = True,
) -> Page[Trajectory]:
    """A page of the trajectories the actor may see, acute first, newest first;
    with ``next_actions`` each row carries what ``next_action`` reads (the list
    page), without them only the row (the API)."""
    queryset = _list_rows(_visible(actor))
    if status == "open":
        queryset = queryset.exclude(status=Status.CLOSED)
    elif status == "closed":
        queryset = queryset.filter(status=Status.CLOSED)
    if next_actions:
        queryset = with_next_action(queryset)
    queryset = queryset.order_by("-is_acute", "-created_at", "-pk")
    page = page_of(queryset, page_number, PAGE_SIZE)
    _audit_read(actor, list(page))
    return page


def trajectory_get_for(
    *,
    actor: Actor,
    public_id: uuid.UUID,
    for_update: bool = False,
    reason: str = "",
    entry_flags: bool = False,
) -> Trajectory:
    """The trajectory, when the actor may read it (404 otherwise). With
    ``entry_flags`` the same query also says which kinds of entry it has, so
    ``with_entries`` and ``chronology`` query only the kinds that exist."""
    queryset = _with_children(_visible(actor, one=True)).select_related(
        "organisation", "framework", "aandachtsfunctionaris"
    )
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    if entry_flags:
        queryset = queryset.annotate(**_entry_flags())
    trajectory = queryset.filter(public_id=public_id).first()
    if trajectory is None:
        audit_denied(actor=actor, model=Trajectory, public_id=public_id)
        raise Http404
    _audit_read(actor, [trajectory], reason=reason)
    return trajectory


def decision_get_for(*, actor: Actor, public_id: uuid.UUID) -> Decision:
    decision = (
        Decision.objects.select_related("trajectory")
        .filter(public_id=public_id, trajectory__in=_visible(actor))
        .first()
    )
    if decision is None:
        audit_denied(actor=actor, model=Decision, public_id=public_id)
        raise Http404
    _audit_read(actor, [decision.trajectory])
    return decision


def decisions_awaiting_cosign(actor: Actor) -> QuerySet[Decision]:
    """The decisions waiting for this actor's co-signature: pending, on a
    trajectory of the actor's organisation that is not closed, proposed by
    someone else (four eyes). Who may co-sign is decided here alone, for the
    start page's count and link; nothing is read from the decisions, so there
    is nothing to audit."""
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        return Decision.objects.none()
    return (
        Decision.objects.filter(
            _cosign_scope(actor), cosign_status=CosignStatus.PENDING
        )
        .exclude(trajectory__status=Status.CLOSED)
        .exclude(created_by_id=actor.user.pk)
        .order_by("created_at", "pk")
    )


def _cosign_scope(actor: Actor) -> Q:
    """Their organisation's trajectories, and those naming them as co-signer
    (the municipality's fallback for an organisation without one)."""
    return Q(trajectory__organisation_id=actor.organisation_id) | Q(
        trajectory__aandachtsfunctionaris_id=actor.user.pk
    )


def closings_awaiting_cosign(actor: Actor) -> QuerySet[ClosingRequest]:
    """Requests to close (before step 5, or with "Anders") waiting for this
    aandachtsfunctionaris's co-sign."""
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        return ClosingRequest.objects.none()
    return (
        ClosingRequest.objects.filter(
            _cosign_scope(actor), cosign_status=CosignStatus.PENDING
        )
        .exclude(trajectory__status=Status.CLOSED)
        .exclude(created_by_id=actor.user.pk)
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class ChronologyItem:
    at: datetime
    kind: str
    step: int | None
    obj: Any


# Every kind of entry a trajectory has, by its related name.
ENTRY_MODELS: dict[str, type[Model]] = {
    "observations": Observation,
    "attachments": Attachment,
    "consultations": Consultation,
    "conversations": Conversation,
    "skips": ConversationSkip,
    "answers": AfwegingAnswer,
    "feedback": VeiligThuisFeedback,
    "decisions": Decision,
    "meldingen": Melding,
    "closings": ClosingRequest,
}


def _entry_flags() -> dict[str, RawSQL]:
    """``has_<kind>`` for every kind of entry, and ``has_meldplicht_cases``
    (``meldplicht_links_for``): one EXISTS each in the query that loads the
    trajectory, instead of a query for each kind it lacks."""
    models: dict[str, type[Model]] = {
        **ENTRY_MODELS,
        "meldplicht_cases": MeldplichtCase,
    }
    return {
        f"has_{name}": has_rows(model, "trajectory", Trajectory)
        for name, model in models.items()
    }


def _entry_querysets(*, marks: bool) -> dict[str, QuerySet[Any]]:
    observations = Observation.objects.select_related("created_by")
    return {
        "observations": observations.prefetch_related("marks")
        if marks
        else observations,
        "attachments": Attachment.objects.select_related("created_by"),
        "consultations": Consultation.objects.select_related("created_by"),
        "conversations": Conversation.objects.select_related("created_by", "child"),
        "skips": ConversationSkip.objects.select_related("created_by", "child"),
        "answers": AfwegingAnswer.objects.select_related("created_by"),
        "feedback": VeiligThuisFeedback.objects.select_related("created_by"),
        "decisions": Decision.objects.select_related("created_by", "cosigned_by"),
        "meldingen": Melding.objects.select_related("created_by", "decision"),
        "closings": ClosingRequest.objects.select_related("created_by", "cosigned_by"),
    }


def _load_entries(trajectory: Trajectory, *, marks: bool = True) -> None:
    """Every step's entries with who recorded them: one query per kind of entry
    the trajectory has, none for a kind it lacks (``has_<kind>`` from
    ``trajectory_get_for(entry_flags=True)``; without the flags every kind is
    queried). Kinds already loaded are not loaded again: the detail page and the
    chronology share them (docs/performance.md)."""
    cache: dict[str, Any] = trajectory.__dict__.setdefault(
        "_prefetched_objects_cache", {}
    )
    prefetches = []
    for name, queryset in _entry_querysets(marks=marks).items():
        if name in cache:
            continue
        if getattr(trajectory, f"has_{name}", True):
            prefetches.append(Prefetch(name, queryset=queryset))
        else:
            # Known to be empty: stored as prefetch_related stores what it
            # loads, without building a query that would find nothing.
            empty = getattr(trajectory, name).none()
            empty._result_cache = []
            empty._prefetch_done = True
            cache[name] = empty
    prefetch_related_objects([trajectory], *prefetches)


def chronology(trajectory: Trajectory, *, marks: bool = True) -> list[ChronologyItem]:
    """Every entry of the trajectory in time order (a fixed number of queries).
    Entries already loaded by ``with_entries`` are not loaded again; the
    chronology page shows no body marks (``marks=False``)."""
    _load_entries(trajectory, marks=marks)
    items: list[ChronologyItem] = []
    for obs in trajectory.observations.all():
        items.append(ChronologyItem(obs.created_at, "observation", 1, obs))
    for item in trajectory.attachments.all():
        items.append(ChronologyItem(item.created_at, "attachment", 1, item))
    for con in trajectory.consultations.all():
        items.append(ChronologyItem(con.created_at, "consultation", 2, con))
    for conv in trajectory.conversations.all():
        items.append(ChronologyItem(conv.created_at, "conversation", 3, conv))
    for skip in trajectory.skips.all():
        items.append(ChronologyItem(skip.created_at, "skip", 3, skip))
    for answer in trajectory.answers.all():
        items.append(ChronologyItem(answer.created_at, "answer", 4, answer))
    for decision in trajectory.decisions.all():
        items.append(ChronologyItem(decision.created_at, "decision", 5, decision))
    for melding in trajectory.meldingen.all():
        items.append(ChronologyItem(melding.created_at, "melding", 5, melding))
    for closing in trajectory.closings.all():
        items.append(ChronologyItem(closing.created_at, "closing", None, closing))
    for feedback in trajectory.feedback.all():
        items.append(ChronologyItem(feedback.created_at, "feedback", None, feedback))
    for event in trajectory.events.select_related("actor"):
        items.append(ChronologyItem(event.at, "event", event.step, event))
    items.sort(key=lambda item: item.at)
    return items


def with_entries(trajectory: Trajectory) -> Trajectory:
    """Load every step's entries at once, so the detail page has a fixed query count."""
    _load_entries(trajectory)
    return trajectory


def too_young_initial(trajectory: Trajectory) -> dict[str, object]:
    """The melding form's open-melden answer taken over from step 3: when a
    child's conversation was skipped as "too young", that is the true exception."""
    skip = (
        ConversationSkip.objects.filter(
            trajectory=trajectory,
            with_whom=ConversationWith.CHILD,
            reason=SkipReason.TOO_YOUNG,
        )
        .order_by("-created_at")
        .first()
    )
    if skip is None:
        return {}
    return {
        "discussed_with_child": False,
        "not_discussed_reason": OpenMeldenException.TOO_YOUNG,
        "not_discussed_explanation": skip.explanation,
    }


def evaluations_due(actor: Actor) -> QuerySet[Decision]:
    """Help decided, its evaluation date reached: afweging 5 is due. For the
    owner, and for the organisation's aandachtsfunctionaris."""
    scope = Q(trajectory__organisation_id=actor.organisation_id)
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        scope &= Q(trajectory__owner_id=actor.user.pk)
    return Decision.objects.filter(
        scope,
        trajectory__status=Status.HELPING,
        trajectory__decision_round=F("round"),
        evaluate_on__lte=timezone.localdate(),
    ).order_by("evaluate_on", "pk")
