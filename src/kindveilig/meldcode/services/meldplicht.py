"""The meldplicht route: every write on a ``MeldplichtCase``.

The employee reports a suspicion against a colleague at once to the houder or
bevoegd gezag (a); the houder consults the vertrouwensinspecteur (b) and decides
on aangifte (c); measures are recorded (d); the case closes only after (a)-(c).
When the suspect is the houder, the houder is not informed and may not record:
the employee (or the aandachtsfunctionaris) consults and files the aangifte.

Each write is transactional, checks the version the form saw, and is audited
with ``person_id=None``: the case is about an employee, not about a child.
"""

import datetime as dt
import uuid

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.validators import check_fields, validate_event_date
from kindveilig.meldcode.meldplicht_rules import can_link_trajectory, can_record
from kindveilig.meldcode.models import (
    AangifteDecision,
    MeldplichtCase,
    MeldplichtStep,
    Trajectory,
)
from kindveilig.meldcode.selectors import trajectories_visible_to

from . import notifications
from .errors import ConflictError, refuse

__all__ = [
    "can_link_trajectory",
    "can_record",
    "meldplicht_case_close",
    "meldplicht_case_consult_inspecteur",
    "meldplicht_case_decide_aangifte",
    "meldplicht_case_inform_houder",
    "meldplicht_case_link_trajectory",
    "meldplicht_case_record_measures",
    "meldplicht_case_start",
]


def _audit(actor: Actor, case: MeldplichtCase, action: AuditAction) -> None:
    # About an employee, not a child: still personal data, so it is audited.
    audit_record(actor=actor, action=action, obj=case, person_id=None)


def _locked(case: MeldplichtCase, expected_version: int | None) -> MeldplichtCase:
    """Optimistic locking: bump the version only if it is the one the form saw,
    and continue on the row as it is now (locked for this transaction)."""
    query = MeldplichtCase.objects.filter(pk=case.pk)
    if expected_version is not None:
        query = query.filter(version=expected_version)
    if not query.update(version=F("version") + 1, updated_at=timezone.now()):
        raise ConflictError
    return MeldplichtCase.objects.select_for_update().get(pk=case.pk)


def _require(actor: Actor, case: MeldplichtCase, step: MeldplichtStep) -> None:
    if case.is_closed:
        raise refuse(_("This meldplicht case is closed."), code="closed")
    if not can_record(actor, case, step):
        if case.suspect_is_houder and actor.role == Role.BEVOEGD_GEZAG:
            message = _(
                "The suspect is the houder: the employee records this step, not "
                "the houder."
            )
        else:
            message = _("You may not record this step of the meldplicht case.")
        raise refuse(message, code="forbidden")


def _check_date(
    case: MeldplichtCase, step: MeldplichtStep, day: dt.date | None, field: str
) -> dt.date:
    if day is None:
        raise refuse(_("Enter the date."), field=field)
    check_fields({field: (validate_event_date, day)})
    steps = case.required_steps
    if step in steps and steps.index(step) > 0:
        previous = case.recorded_on(steps[steps.index(step) - 1])
        if previous is not None and day < previous:
            raise refuse(
                _("This date is before the previous step (%(date)s).")
                % {"date": previous.strftime("%d-%m-%Y")},
                field=field,
            )
    return day


def _require_previous(case: MeldplichtCase, step: MeldplichtStep) -> None:
    """The required steps are recorded in their order."""
    steps = case.required_steps
    for earlier in steps[: steps.index(step)]:
        if case.recorded_on(earlier) is None:
            raise refuse(
                _("Record the step before this one first: %(step)s.")
                % {"step": earlier.label},
                code="order",
            )


def _save(actor: Actor, case: MeldplichtCase, fields: list[str]) -> MeldplichtCase:
    case.full_clean()
    case.save(update_fields=[*fields, "updated_at"])
    _audit(actor, case, AuditAction.UPDATE)
    return case


@transaction.atomic
def meldplicht_case_start(
    *, actor: Actor, summary: str, suspect_is_houder: bool = False
) -> MeldplichtCase:
    """A suspicion against a colleague: the meldplicht route, not the meldcode."""
    if not summary.strip():
        raise refuse(_("Describe in a few words what happened."), field="summary")
    case = MeldplichtCase(
        organisation=actor.organisation,
        reported_by=actor.user,
        summary=summary.strip(),
        suspect_is_houder=suspect_is_houder,
    )
    case.full_clean()
    case.save()
    _audit(actor, case, AuditAction.CREATE)
    notifications.on_commit_meldplicht(case)
    return case


@transaction.atomic
def meldplicht_case_inform_houder(
    *,
    actor: Actor,
    case: MeldplichtCase,
    on: dt.date | None,
    note: str = "",
    expected_version: int | None,
) -> MeldplichtCase:
    """(a) The houder or bevoegd gezag was informed (the employee reports at once)."""
    step = MeldplichtStep.HOUDER_INFORMED
    _require(actor, case, step)
    case = _locked(case, expected_version)
    if case.reported_to_board_at is not None:
        raise refuse(_("This step is recorded already."), code="done")
    day = _check_date(case, step, on, "on")
    case.reported_to_board_at = day
    case.reported_to_board_by = actor.user
    case.reported_to_board_note = note.strip()
    return _save(
        actor,
        case,
        ["reported_to_board_at", "reported_to_board_by", "reported_to_board_note"],
    )


@transaction.atomic
def meldplicht_case_consult_inspecteur(
    *,
    actor: Actor,
    case: MeldplichtCase,
    on: dt.date | None,
    note: str = "",
    expected_version: int | None,
) -> MeldplichtCase:
    """(b) The vertrouwensinspecteur was consulted (by the houder, or by the
    employee when the houder is the suspect)."""
    step = MeldplichtStep.INSPECTEUR_CONSULTED
    _require(actor, case, step)
    case = _locked(case, expected_version)
    _require_previous(case, step)
    if case.vertrouwensinspecteur_consulted_at is not None:
        raise refuse(_("This step is recorded already."), code="done")
    day = _check_date(case, step, on, "on")
    case.vertrouwensinspecteur_consulted_at = day
    case.vertrouwensinspecteur_consulted_by = actor.user
    case.vertrouwensinspecteur_note = note.strip()
    return _save(
        actor,
        case,
        [
            "vertrouwensinspecteur_consulted_at",
            "vertrouwensinspecteur_consulted_by",
            "vertrouwensinspecteur_note",
        ],
    )


@transaction.atomic
def meldplicht_case_decide_aangifte(
    *,
    actor: Actor,
    case: MeldplichtCase,
    decision: AangifteDecision | str,
    on: dt.date | None,
    reason: str = "",
    expected_version: int | None,
) -> MeldplichtCase:
    """(c) Aangifte made, or no reasonable suspicion of a criminal offence (with
    the reason). When the suspect is the houder, the employee files the aangifte
    directly: then only "aangifte made" can be recorded."""
    step = MeldplichtStep.AANGIFTE_DECIDED
    _require(actor, case, step)
    case = _locked(case, expected_version)
    _require_previous(case, step)
    if case.aangifte_decided_at is not None:
        raise refuse(_("This step is recorded already."), code="done")
    if decision not in AangifteDecision.values:
        raise refuse(_("Choose the decision."), field="decision")
    if case.suspect_is_houder and decision != AangifteDecision.AANGIFTE_GEDAAN:
        raise refuse(
            _(
                "The suspect is the houder: the employee files the aangifte with the "
                "police directly."
            ),
            field="decision",
        )
    if decision == AangifteDecision.GEEN_REDELIJK_VERMOEDEN and not reason.strip():
        raise refuse(
            _("Give the reason why there is no reasonable suspicion."), field="reason"
        )
    day = _check_date(case, step, on, "on")
    case.aangifte_decision = AangifteDecision(decision)
    case.aangifte_decided_at = day
    case.aangifte_decided_by = actor.user
    case.aangifte_reason = reason.strip()
    return _save(
        actor,
        case,
        [
            "aangifte_decision",
            "aangifte_decided_at",
            "aangifte_decided_by",
            "aangifte_reason",
        ],
    )


@transaction.atomic
def meldplicht_case_record_measures(
    *,
    actor: Actor,
    case: MeldplichtCase,
    measures: str,
    on: dt.date | None,
    expected_version: int | None,
) -> MeldplichtCase:
    """(d) The measures taken (may be recorded again: the latest text stands,
    every version is in the audit log's record of the write)."""
    _require(actor, case, MeldplichtStep.MEASURES)
    case = _locked(case, expected_version)
    if not measures.strip():
        raise refuse(_("Describe the measures taken."), field="measures")
    day = _check_date(case, MeldplichtStep.MEASURES, on, "on")
    case.measures = measures.strip()
    case.measures_at = day
    case.measures_by = actor.user
    return _save(actor, case, ["measures", "measures_at", "measures_by"])


@transaction.atomic
def meldplicht_case_close(
    *, actor: Actor, case: MeldplichtCase, expected_version: int | None
) -> MeldplichtCase:
    """Close the case: only after (a)-(c) are recorded."""
    _require(actor, case, MeldplichtStep.CLOSE)
    case = _locked(case, expected_version)
    missing = [
        str(step.label) for step in case.required_steps if not case.recorded_on(step)
    ]
    if missing:
        raise refuse(
            _("The case cannot be closed yet. Still to record: %(steps)s.")
            % {"steps": "; ".join(missing)},
            code="incomplete",
        )
    case.closed_at = timezone.now()
    case.closed_by = actor.user
    return _save(actor, case, ["closed_at", "closed_by"])


def _linkable_trajectory(
    actor: Actor, case: MeldplichtCase, public_id: uuid.UUID
) -> Trajectory:
    """A trajectory of the case's organisation that the actor sees."""
    trajectory = (
        trajectories_visible_to(actor)
        .filter(organisation_id=case.organisation_id, public_id=public_id)
        .first()
    )
    if trajectory is None:
        raise refuse(
            _("Choose a trajectory of your organisation that you can see."),
            field="trajectory",
        )
    return trajectory


@transaction.atomic
def meldplicht_case_link_trajectory(
    *,
    actor: Actor,
    case: MeldplichtCase,
    trajectory_public_id: uuid.UUID | None,
    expected_version: int | None,
) -> MeldplichtCase:
    """Link the case to a meldcode trajectory about the child's home (or unlink it
    with ``None``). The two stay apart: nothing is copied or merged."""
    if not can_link_trajectory(actor, case):
        raise refuse(_("You may not link this case to a trajectory."), code="forbidden")
    trajectory = (
        _linkable_trajectory(actor, case, trajectory_public_id)
        if trajectory_public_id is not None
        else None
    )
    case = _locked(case, expected_version)
    case.trajectory = trajectory
    return _save(actor, case, ["trajectory"])
