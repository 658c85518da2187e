"""Shared guards for the meldcode services."""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.meldcode.models import Trajectory, TrajectoryEvent
from kindveilig.meldcode.models.choices import Status

from .errors import ConflictError, refuse


def can_act_on(actor: Actor, trajectory: Trajectory) -> bool:
    """The owner and the aandachtsfunctionarissen of the organisation act on it."""
    if trajectory.organisation_id != actor.organisation_id:
        return False
    return (
        trajectory.owner_id == actor.user.pk or actor.role == Role.AANDACHTSFUNCTIONARIS
    )


def require_can_act(actor: Actor, trajectory: Trajectory) -> None:
    if not can_act_on(actor, trajectory):
        raise refuse(_("You may not change this trajectory."), code="forbidden")


def require_open(trajectory: Trajectory) -> None:
    if trajectory.status == Status.CLOSED:
        raise refuse(_("This trajectory is closed."), code="closed")


def bump_version(trajectory: Trajectory, expected_version: int | None) -> None:
    """Optimistic locking: the update only succeeds on the version the form saw."""
    query = Trajectory.objects.filter(pk=trajectory.pk)
    if expected_version is not None:
        query = query.filter(version=expected_version)
    updated = query.update(version=F("version") + 1, updated_at=timezone.now())
    if not updated:
        raise ConflictError
    trajectory.refresh_from_db(fields=["version", "updated_at"])


def record_event(
    actor: Actor | None, trajectory: Trajectory, kind: str, note: str = ""
) -> TrajectoryEvent:
    return TrajectoryEvent.objects.create(
        trajectory=trajectory,
        actor=actor.user if actor else None,
        kind=kind,
        step=trajectory.step,
        note=note,
    )


def audit_write(
    actor: Actor | None, trajectory: Trajectory, obj: object, action: AuditAction
) -> None:
    """One audit record per child concerned: each child's log shows the write."""
    from django.db.models import Model

    assert isinstance(obj, Model)
    person_ids = list(trajectory.children.values_list("person__public_id", flat=True))
    items = [AuditItem(obj=obj, person_id=pid) for pid in person_ids] or [
        AuditItem(obj=obj, person_id=None)
    ]
    audit_record_many(actor=actor, action=action, items=items)
