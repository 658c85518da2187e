"""The kindcheck: record it, and start a meldcode trajectory from a worry.

A worry is not yet a trajectory: the professional continues to the start form,
which the kindcheck prefills (origin "kindcheck", the kindcheck's notes), and
``kindcheck_trajectory_start`` links the two. The notes are carried over, never
retyped (docs/kindcheck.md)."""

from dataclasses import dataclass, replace

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.meldcode.models import Kindcheck, KindcheckMoment, Trajectory
from kindveilig.meldcode.models.choices import Origin

from .errors import refuse
from .trajectories import StartInput, refuse_all, trajectory_start

__all__ = [
    "KindcheckInput",
    "kindcheck_may_start",
    "kindcheck_notes_for_trajectory",
    "kindcheck_record",
    "kindcheck_trajectory_start",
]

KINDCHECK_ROLES = frozenset({Role.PROFESSIONAL, Role.AANDACHTSFUNCTIONARIS})


@dataclass(frozen=True)
class KindcheckInput:
    moment: KindcheckMoment
    client_has_children: bool
    number_of_children: int = 0
    children_ages: str = ""
    care_shared: bool = False
    expecting_child: bool = False
    worry: bool = False
    notes: str = ""


def _errors(data: KindcheckInput) -> dict[str, object]:
    errors: dict[str, object] = {}
    if data.client_has_children and data.number_of_children < 1:
        errors["number_of_children"] = _(
            "Say how many children the client cares for (at least one)."
        )
    if not data.client_has_children and (
        data.number_of_children or data.care_shared or data.children_ages.strip()
    ):
        errors["client_has_children"] = _(
            "You entered children, care or ages: then the client cares for children."
        )
    if data.worry and not (data.client_has_children or data.expecting_child):
        errors["worry"] = _(
            "A worry about children's safety needs children: the client cares for "
            "children or is expecting one."
        )
    if data.worry and not data.notes.strip():
        errors["notes"] = _(
            "Describe the worry: which parental problems do you see, and what do "
            "they mean for the children?"
        )
    return errors


@transaction.atomic
def kindcheck_record(*, actor: Actor, data: KindcheckInput) -> Kindcheck:
    """Record a kindcheck at intake, at evaluation or in between."""
    if actor.role not in KINDCHECK_ROLES:
        raise refuse(
            _("Only professionals and aandachtsfunctionarissen record a kindcheck."),
            code="forbidden",
        )
    errors = _errors(data)
    if errors:
        raise refuse_all(errors)
    kindcheck = Kindcheck(
        organisation=actor.organisation,
        recorded_by=actor.user,
        recorded_at=timezone.now(),
        moment=data.moment,
        client_has_children=data.client_has_children,
        expecting_child=data.expecting_child,
        number_of_children=data.number_of_children,
        children_ages=data.children_ages.strip(),
        care_shared=data.care_shared,
        worry=data.worry,
        notes=data.notes.strip(),
    )
    kindcheck.full_clean()
    kindcheck.save()
    # The kindcheck names no child: nobody's person id to record.
    audit_record(actor=actor, action=AuditAction.CREATE, obj=kindcheck, person_id=None)
    return kindcheck


def kindcheck_may_start(actor: Actor, kindcheck: Kindcheck) -> bool:
    """A worry without a trajectory yet; the one who recorded it, or the
    organisation's aandachtsfunctionaris, starts it."""
    return (
        kindcheck.worry
        and kindcheck.trajectory_id is None
        and kindcheck.organisation_id == actor.organisation_id
        and (
            kindcheck.recorded_by_id == actor.user.pk
            or actor.role == Role.AANDACHTSFUNCTIONARIS
        )
    )


def kindcheck_notes_for_trajectory(kindcheck: Kindcheck) -> str:
    """The kindcheck as the trajectory's kindcheck notes: what it found, in the
    words the domain asks for (number and ages, shared care), then the notes."""
    lines = [
        _("Kindcheck at %(moment)s on %(date)s.")
        % {
            "moment": kindcheck.get_moment_display().lower(),
            "date": formats.date_format(timezone.localdate(kindcheck.recorded_at)),
        }
    ]
    if kindcheck.client_has_children:
        lines.append(
            _("Number of children: %(count)s.")
            % {"count": kindcheck.number_of_children}
        )
        if kindcheck.children_ages:
            lines.append(_("Ages: %(ages)s.") % {"ages": kindcheck.children_ages})
        lines.append(
            _("Care is shared.") if kindcheck.care_shared else _("Care is not shared.")
        )
    if kindcheck.expecting_child:
        lines.append(_("The client or their partner is pregnant."))
    if kindcheck.notes:
        lines.append(kindcheck.notes)
    return "\n".join(lines)


@transaction.atomic
def kindcheck_trajectory_start(
    *, actor: Actor, kindcheck: Kindcheck, data: StartInput
) -> Trajectory:
    """Start the meldcode trajectory for the children of a kindcheck with a
    worry, with the kindcheck's notes carried over, and link the two."""
    locked = Kindcheck.objects.select_for_update().get(pk=kindcheck.pk)
    if not kindcheck_may_start(actor, locked):
        raise refuse(
            _(
                "A trajectory starts from a kindcheck with a worry that has none yet, "
                "by whoever recorded it or the aandachtsfunctionaris."
            ),
            code="forbidden",
        )
    notes = data.kindcheck_notes.strip() or kindcheck_notes_for_trajectory(locked)
    trajectory = trajectory_start(
        actor=actor,
        data=replace(data, origin=Origin.KINDCHECK, kindcheck_notes=notes),
    )
    locked.trajectory = trajectory
    locked.save(update_fields=["trajectory"])
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=locked, person_id=None)
    kindcheck.trajectory = trajectory
    return trajectory
