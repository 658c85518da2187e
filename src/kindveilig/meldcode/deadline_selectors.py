"""The aandachtsfunctionaris's deadline overview: one read, scoped to the
organisation, audited per child shown, at a constant number of queries."""

import datetime as dt
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many

from .deadlines import Due, feedback_due, step_days_for, step_due
from .models import Trajectory, TrajectoryChild, VeiligThuisFeedback
from .models.choices import FeedbackKind, Status, Step

__all__ = [
    "DeadlineOverview",
    "EvaluationRow",
    "FeedbackRow",
    "StepRow",
    "deadline_overview_for",
    "open_feedback_filter",
    "step_deadlines_due_count",
]

AUDIT_REASON = "deadline overview"


@dataclass(frozen=True)
class StepRow:
    """An open trajectory and the deadline of its current step."""

    public_id: uuid.UUID
    given_names: list[str]
    step: int
    step_label: str
    step_started_on: dt.date
    owner_name: str
    is_acute: bool
    due: Due
    # The given names with the age, as the page shows them ("Sam (7 jaar)").
    names_with_age: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedbackRow:
    """A melding waiting for Veilig Thuis's veiligheidsbeoordeling. ``due`` is
    None while the handover to Veilig Thuis has not been recorded."""

    public_id: uuid.UUID
    given_names: list[str]
    owner_name: str
    is_acute: bool
    handed_over_on: dt.date | None
    due: Due | None
    names_with_age: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvaluationRow:
    """Help decided: the day afweging 5 is due (the evaluation)."""

    public_id: uuid.UUID
    names_with_age: tuple[str, ...]
    owner_name: str
    is_acute: bool
    due: Due


@dataclass(frozen=True)
class DeadlineOverview:
    steps: list[StepRow]
    feedback: list[FeedbackRow]
    evaluations: list[EvaluationRow] = field(default_factory=list)

    @property
    def overdue_steps(self) -> int:
        return sum(1 for row in self.steps if row.due.overdue)

    @property
    def overdue_feedback(self) -> int:
        return sum(1 for row in self.feedback if row.due and row.due.overdue)


def open_feedback_filter() -> Q:
    """After a melding, while no veiligheidsbeoordeling has been recorded."""
    recorded = Exists(
        VeiligThuisFeedback.objects.filter(
            trajectory=OuterRef("pk"), kind=FeedbackKind.VEILIGHEIDSBEOORDELING
        )
    )
    return Q(status=Status.AFTER_MELDING) & Q(~recorded)


def _given_names(trajectory: Trajectory) -> list[str]:
    return [link.person.given_name for link in trajectory.children.all()]


def _names_with_age(trajectory: Trajectory) -> tuple[str, ...]:
    today = timezone.localdate()
    names = []
    for link in trajectory.children.all():
        age = link.person.age_on(today)
        name = link.person.given_name
        names.append(f"{name} ({age})" if age else name)
    return tuple(names)


def _handover(trajectory: Trajectory) -> dt.datetime | None:
    melding = trajectory.melding
    return melding.handed_over_at if melding is not None else None


def _trajectories_to_watch(actor: Actor) -> list[Trajectory]:
    """Open trajectories and meldingen waiting for feedback, with their owner,
    melding and children loaded."""
    return list(
        Trajectory.objects.filter(organisation_id=actor.organisation_id)
        .filter(Q(status__in=[Status.OPEN, Status.HELPING]) | open_feedback_filter())
        .select_related("owner")
        .prefetch_related(
            "meldingen",
            "decisions",
            Prefetch(
                "children",
                queryset=TrajectoryChild.objects.select_related("person").order_by(
                    "pk"
                ),
            ),
        )
        .order_by("created_at", "pk")
    )


def _step_row(
    trajectory: Trajectory, *, now: dt.datetime, days: dict[int, int]
) -> StepRow:
    return StepRow(
        public_id=trajectory.public_id,
        given_names=_given_names(trajectory),
        names_with_age=_names_with_age(trajectory),
        step=trajectory.step,
        step_label=str(Step(trajectory.step).label),
        step_started_on=timezone.localdate(trajectory.step_started_at),
        owner_name=trajectory.owner.full_name,
        is_acute=trajectory.is_acute,
        due=step_due(
            step=trajectory.step,
            step_started_at=trajectory.step_started_at,
            now=now,
            days=days,
        ),
    )


def _feedback_row(trajectory: Trajectory, *, now: dt.datetime) -> FeedbackRow:
    handed_over_at = _handover(trajectory)
    return FeedbackRow(
        public_id=trajectory.public_id,
        given_names=_given_names(trajectory),
        names_with_age=_names_with_age(trajectory),
        owner_name=trajectory.owner.full_name,
        is_acute=trajectory.is_acute,
        handed_over_on=timezone.localdate(handed_over_at) if handed_over_at else None,
        due=feedback_due(handed_over_at=handed_over_at, now=now, received=False)
        if handed_over_at
        else None,
    )


def _step_urgency(row: StepRow) -> tuple[bool, bool, dt.date]:
    """Overdue first, then acute, then by due date."""
    return not row.due.overdue, not row.is_acute, row.due.due_on


def _feedback_urgency(row: FeedbackRow) -> tuple[bool, bool, dt.date]:
    """Overdue first, then acute, then by due date (not handed over yet: last)."""
    return (
        not (row.due and row.due.overdue),
        not row.is_acute,
        row.due.due_on if row.due else dt.date.max,
    )


def _audit_children_shown(actor: Actor, trajectories: list[Trajectory]) -> None:
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[
            AuditItem(obj=trajectory, person_id=link.person.public_id)
            for trajectory in trajectories
            for link in trajectory.children.all()
        ],
        reason=AUDIT_REASON,
    )


def deadline_overview_for(
    *, actor: Actor, now: dt.datetime | None = None
) -> DeadlineOverview:
    """Open trajectories of the actor's organisation with their step deadline,
    and meldingen still waiting for the veiligheidsbeoordeling.

    Overdue rows come first, then acute ones, then by due date. Every child
    shown is a READ in the audit log.
    """
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        raise PermissionDenied
    now = now or timezone.now()
    trajectories = _trajectories_to_watch(actor)
    days = step_days_for(actor.organisation.type)
    steps = [
        _step_row(t, now=now, days=days)
        for t in trajectories
        if t.status == Status.OPEN
    ]
    feedback = [
        _feedback_row(t, now=now)
        for t in trajectories
        if t.status == Status.AFTER_MELDING
    ]
    evaluations = [
        row
        for t in trajectories
        if t.status == Status.HELPING
        and (row := _evaluation_row(t, today=timezone.localdate(now))) is not None
    ]
    steps.sort(key=_step_urgency)
    feedback.sort(key=_feedback_urgency)
    evaluations.sort(key=lambda row: row.due.due_on)
    _audit_children_shown(actor, trajectories)
    return DeadlineOverview(steps=steps, feedback=feedback, evaluations=evaluations)


def _evaluation_row(trajectory: Trajectory, *, today: dt.date) -> EvaluationRow | None:
    decision = max(
        (
            d
            for d in trajectory.decisions.all()
            if d.round == trajectory.decision_round and d.evaluate_on
        ),
        key=lambda d: (d.created_at, d.pk),
        default=None,
    )
    if decision is None or decision.evaluate_on is None:
        return None
    return EvaluationRow(
        public_id=trajectory.public_id,
        names_with_age=_names_with_age(trajectory),
        owner_name=trajectory.owner.full_name,
        is_acute=trajectory.is_acute,
        due=Due(
            due_on=decision.evaluate_on,
            overdue=today > decision.evaluate_on,
            days_overdue=max(0, (today - decision.evaluate_on).days),
        ),
    )


def step_deadlines_due_count(*, actor: Actor, now: dt.datetime | None = None) -> int:
    """How many open trajectories have their current step due today or overdue:
    the organisation's for the aandachtsfunctionaris, their own for the other
    case roles. A count for the start page: two queries whatever the number of
    trajectories, nothing shown, so nothing audited."""
    if actor.role not in CASE_ROLES:
        return 0
    now = now or timezone.now()
    days = step_days_for(actor.organisation.type)
    today = timezone.localdate(now)
    # A superset in the database (no step is due sooner than the shortest
    # duration); the exact rule per row below.
    queryset = Trajectory.objects.filter(
        organisation_id=actor.organisation_id,
        status=Status.OPEN,
        step_started_at__lt=now - dt.timedelta(days=min(days.values()) - 1),
    )
    if actor.role != Role.AANDACHTSFUNCTIONARIS:
        queryset = queryset.filter(owner_id=actor.user.pk)
    return sum(
        1
        for step, started_at in queryset.values_list("step", "step_started_at")
        if step_due(step=step, step_started_at=started_at, now=now, days=days).due_on
        <= today
    )
