from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.audit.models import AuditAction
from kindveilig.core.crypto import blind_index
from kindveilig.meldcode import hooks
from kindveilig.meldcode.afwegingskader import Outcome as Advice
from kindveilig.meldcode.afwegingskader import advise
from kindveilig.meldcode.cosigners import designated_cosigner
from kindveilig.meldcode.framework_data import seed_versions
from kindveilig.meldcode.models import (
    AfwegingskaderVersion,
    InvolvedPerson,
    Trajectory,
    TrajectoryChild,
)
from kindveilig.meldcode.models.choices import (
    FormOfViolence,
    Origin,
    Relation,
    Step,
)
from kindveilig.organisations.models import Sector
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create

from . import notifications
from .common import (
    audit_write,
    bump_version,
    record_event,
    require_can_act,
    require_open,
)
from .errors import refuse
from .knmg import knmg_gate_messages
from .weighing import current_answers, missing_child_conversations

__all__ = [
    "ChildInput",
    "InvolvedInput",
    "step_advance",
    "trajectory_report_acute",
    "trajectory_start",
    "trajectory_take_over",
]

FRAMEWORK_SECTOR = {Sector.GEMEENTE: Sector.SOCIAAL_DOMEIN}


@dataclass(frozen=True)
class ChildInput:
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    bsn: str = ""
    # A record the actor's organisation registered already (Kansrijke Start: the
    # child of a signal): linked as it is, never copied.
    existing: Person | None = None


@dataclass(frozen=True)
class InvolvedInput:
    given_name: str
    family_name: str
    relation: Relation
    child_index: int = 0
    has_gezag: bool = False
    date_of_birth: date | None = None


@dataclass(frozen=True)
class StartInput:
    origin: Origin
    worry: str
    forms_of_violence: list[str]
    children: list[ChildInput]
    involved: list[InvolvedInput] = field(default_factory=list)
    kindcheck_notes: str = ""


def framework_for(sector: Sector) -> AfwegingskaderVersion:
    sector = FRAMEWORK_SECTOR.get(sector, sector)
    version = (
        AfwegingskaderVersion.objects.filter(sector=sector)
        .order_by("-valid_from")
        .first()
    )
    if version is None:
        seed_versions(AfwegingskaderVersion)  # reference data lost by a test flush
        version = (
            AfwegingskaderVersion.objects.filter(sector=sector)
            .order_by("-valid_from")
            .first()
        )
    assert version is not None
    return version


def _find_or_create_child(actor: Actor, child: ChildInput) -> Person:
    existing = child.existing
    if existing is not None and existing.registered_by_id == actor.organisation_id:
        return existing
    if child.bsn:
        existing = Person.objects.filter(
            bsn_index=blind_index(child.bsn), registered_by_id=actor.organisation_id
        ).first()
        if existing is not None:
            return existing
    return person_create(
        actor=actor,
        organisation=actor.organisation,
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        bsn=child.bsn,
    )


def _default_aandachtsfunctionaris(actor: Actor) -> User | None:
    """Who will co-sign, named from the start: never the one who starts it (four
    eyes), and the municipality's fallback when the organisation has nobody."""
    return designated_cosigner(actor.organisation, exclude_user_id=actor.user.pk)


@transaction.atomic
def trajectory_start(*, actor: Actor, data: StartInput) -> Trajectory:
    """Open a trajectory from a worry, or from the kindcheck of an adult client."""
    errors: dict[str, object] = {}
    if not data.children:
        errors["children"] = _("Name at least one child this worry is about.")
    if not data.worry.strip():
        errors["worry"] = _("Describe the worry in a few words.")
    if data.origin == Origin.KINDCHECK and not data.kindcheck_notes.strip():
        errors["kindcheck_notes"] = _(
            "Record the kindcheck: the parental problems, the number and ages of the "
            "children, and whether care is shared."
        )
    unknown = set(data.forms_of_violence) - set(FormOfViolence.values)
    if unknown:
        errors["forms_of_violence"] = _("Choose forms of violence from the list.")
    for index, involved in enumerate(data.involved):
        if involved.child_index >= len(data.children):
            errors[f"involved_{index}"] = _(
                "This person is linked to an unknown child."
            )
    if errors:
        raise refuse_all(errors)
    now = timezone.now()
    trajectory = Trajectory(
        organisation=actor.organisation,
        owner=actor.user,
        aandachtsfunctionaris=_default_aandachtsfunctionaris(actor),
        framework=framework_for(actor.organisation.sector),
        origin=data.origin,
        forms_of_violence=sorted(set(data.forms_of_violence)),
        worry=data.worry.strip(),
        kindcheck_notes=data.kindcheck_notes.strip(),
        step_started_at=now,
    )
    trajectory.full_clean()
    trajectory.save()
    children = [_find_or_create_child(actor, child) for child in data.children]
    TrajectoryChild.objects.bulk_create(
        TrajectoryChild(trajectory=trajectory, person=person) for person in children
    )
    for involved in data.involved:
        person = person_create(
            actor=actor,
            organisation=actor.organisation,
            given_name=involved.given_name,
            family_name=involved.family_name,
            date_of_birth=involved.date_of_birth,
        )
        InvolvedPerson.objects.create(
            trajectory=trajectory,
            person=person,
            child=children[involved.child_index],
            relation=involved.relation,
            has_gezag=involved.has_gezag,
        )
    record_event(actor, trajectory, "started")
    audit_write(actor, trajectory, trajectory, AuditAction.CREATE)
    notifications.on_commit_trajectory_started(trajectory)
    # The apps above the meldcode hook in here: the Verwijsindex registers a
    # signal per child (who else is involved with this child).
    hooks.trajectory_started(actor=actor, trajectory=trajectory, children=children)
    return trajectory


def refuse_all(errors: dict[str, object]) -> Exception:
    from django.core.exceptions import ValidationError

    return ValidationError({key: [value] for key, value in errors.items()})


def _gate_messages(trajectory: Trajectory, to_step: Step) -> list[str]:
    """What is missing before the trajectory may move to ``to_step``."""
    missing: list[str] = []
    if to_step >= Step.OVERLEGGEN and not trajectory.observations.exists():
        missing.append(str(_("Step 1: record at least one signal.")))
    if to_step >= Step.GESPREK and not trajectory.consultations.exists():
        missing.append(str(_("Step 2: record at least one consultation.")))
    missing.extend(knmg_gate_messages(trajectory, to_step))  # physicians only
    if to_step >= Step.WEGEN and not (
        trajectory.conversations.exists() or trajectory.skips.exists()
    ):
        missing.append(
            str(_("Step 3: record a conversation, or why a conversation was not held."))
        )
    if to_step >= Step.BESLISSEN:
        for child in missing_child_conversations(trajectory):
            missing.append(
                str(
                    _(
                        "Step 3: record a conversation with %(child)s, or the reason "
                        "why not."
                    )
                    % {"child": child.given_name}
                )
            )
        advice = advise(current_answers(trajectory))
        if advice.outcome == Advice.NEXT_QUESTION:
            missing.append(
                str(
                    _("Step 4: answer afweging %(number)s.")
                    % {"number": advice.question}
                )
            )
        elif advice.outcome == Advice.ADVIES_FIRST:
            missing.append(
                str(
                    _(
                        "Step 4: you doubt at afweging %(number)s. Ask Veilig Thuis for "
                        "advice, record it in step 2, then answer the question again."
                    )
                    % {"number": advice.question}
                )
            )
        elif advice.outcome == Advice.CLOSE:
            missing.append(
                str(
                    _(
                        "Step 4: there is no suspicion (afweging 1). Close the trajectory "
                        "instead of deciding."
                    )
                )
            )
    return missing


@transaction.atomic
def step_advance(
    *, actor: Actor, trajectory: Trajectory, to_step: Step, expected_version: int | None
) -> Trajectory:
    require_can_act(actor, trajectory)
    require_open(trajectory)
    if to_step != trajectory.step + 1:
        raise refuse(
            _("Steps are taken in order; the next step is %(step)s.")
            % {"step": trajectory.step + 1}
        )
    missing = _gate_messages(trajectory, to_step)
    if missing:
        raise refuse(" ".join(missing), code="incomplete")
    bump_version(trajectory, expected_version)
    trajectory.step = to_step
    trajectory.step_started_at = timezone.now()
    trajectory.save(update_fields=["step", "step_started_at"])
    record_event(actor, trajectory, "step_advanced")
    audit_write(actor, trajectory, trajectory, AuditAction.UPDATE)
    return trajectory


def step_gate(trajectory: Trajectory, to_step: Step) -> list[str]:
    """Public: the missing items, for showing them before the user tries."""
    return _gate_messages(trajectory, to_step)


@transaction.atomic
def trajectory_report_acute(
    *, actor: Actor, trajectory: Trajectory, note: str
) -> Trajectory:
    """Acute danger from any step: marked everywhere, the aandachtsfunctionaris is
    alerted, and an immediate melding may be recorded before the earlier steps."""
    require_can_act(actor, trajectory)
    require_open(trajectory)
    if not note.strip():
        raise refuse(_("Say in a few words what the acute danger is."), field="note")
    bump_version(trajectory, None)
    trajectory.is_acute = True
    trajectory.acute_at = trajectory.acute_at or timezone.now()
    trajectory.save(update_fields=["is_acute", "acute_at"])
    record_event(actor, trajectory, "acute", note=note.strip())
    audit_write(actor, trajectory, trajectory, AuditAction.UPDATE)
    notifications.on_commit_acute(trajectory)
    return trajectory


@transaction.atomic
def trajectory_take_over(
    *, actor: Actor, trajectory: Trajectory, expected_version: int | None
) -> Trajectory:
    if (
        actor.role != Role.AANDACHTSFUNCTIONARIS
        or trajectory.organisation_id != actor.organisation_id
    ):
        raise refuse(
            _("Only an aandachtsfunctionaris of the organisation can take over."),
            code="forbidden",
        )
    require_open(trajectory)
    bump_version(trajectory, expected_version)
    trajectory.owner = actor.user
    trajectory.save(update_fields=["owner"])
    record_event(actor, trajectory, "taken_over")
    audit_write(actor, trajectory, trajectory, AuditAction.UPDATE)
    return trajectory
