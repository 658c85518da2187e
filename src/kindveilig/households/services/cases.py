"""The safety case: opening, the Routekaart phases, chain partners, Signs of
Safety mappings, meetings, the regievoerder, closing."""

import datetime as dt
import uuid
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.accounts.models import User
from kindveilig.audit.models import AuditAction
from kindveilig.core.validators import (
    check_fields,
    validate_event_date,
    validation_message,
)
from kindveilig.households.models import (
    PHASE_ORDER,
    CasePartner,
    CaseStatus,
    Household,
    HouseholdMember,
    Mapping,
    Meeting,
    MeetingKind,
    MemberRole,
    PartnerKind,
    Perspective,
    Phase,
    PhaseChange,
    SafetyCase,
    SafetyScore,
)
from kindveilig.households.models.choices import CHILD_ROLES
from kindveilig.organisations.models import Organisation
from kindveilig.persons.models import Person
from kindveilig.verwijsindex.models import Signal, SignalStatus
from kindveilig.verwijsindex.services import signal_end, signal_register

from . import alerts
from .common import (
    actor_for_user,
    audit_household,
    bump_case_version,
    case_worker_membership,
    refuse,
    refuse_all,
    require_directs,
    require_open,
    require_regie_of,
)

__all__ = [
    "MappingInput",
    "ScoreInput",
    "case_close",
    "case_open",
    "children_of",
    "mapping_record",
    "meeting_add",
    "partner_add",
    "partner_end",
    "phase_change",
    "regie_signals_end",
    "regievoerder_change",
    "register_regie_signals",
]


def register_regie_signals(household: Household, children: list[Person]) -> None:
    """The regievoerder is involved with every child of an open case: a signal
    for each, so other professionals who signal the child find the regievoerder."""
    case = household.cases.filter(status=CaseStatus.OPEN).first()
    if case is None:
        return
    regie = actor_for_user(case.regievoerder, case.responsible_organisation_id)
    if regie is None:
        return
    for child in children:
        signal_register(actor=regie, person=child, source=case, is_regie=True)


def regie_signals_end(case: SafetyCase) -> None:
    signals = Signal.objects.select_related("person").filter(
        source_type=case._meta.label_lower,
        source_id=str(case.public_id),
        status=SignalStatus.ACTIVE,
    )
    for signal in signals:
        regie = actor_for_user(signal.contact_user, signal.organisation_id)
        if regie is not None:
            signal_end(actor=regie, signal=signal)


def children_of(household: Household) -> list[Person]:
    return [
        member.person
        for member in household.members.select_related("person").filter(
            left_on__isnull=True, role__in=CHILD_ROLES
        )
    ]


@transaction.atomic
def case_open(
    *, actor: Actor, household: Household, opened_at: dt.datetime | None = None
) -> SafetyCase:
    """Open the safety case with the actor as regievoerder, in phase 1
    (immediate safety). ``opened_at``: when it was opened, if recorded later."""
    require_directs(actor, household)
    if household.cases.filter(status=CaseStatus.OPEN).exists():
        raise refuse(_("This household already has an open case."), code="open")
    now = timezone.now()
    if opened_at is not None:
        if opened_at > now:
            raise refuse(_("This date is in the future."), field="opened_at")
        check_fields(
            {"opened_at": (validate_event_date, timezone.localdate(opened_at))}
        )
        now = opened_at
    case = SafetyCase(
        household=household,
        responsible_organisation=actor.organisation,
        regievoerder=actor.user,
        phase=Phase.DIRECTE_VEILIGHEID,
        phase_since=now,
    )
    case.full_clean()
    case.save()
    PhaseChange.objects.create(
        case=case,
        from_phase="",
        to_phase=Phase.DIRECTE_VEILIGHEID,
        at=now,
        by=actor.user,
        reason=str(_("The case was opened.")),
    )
    audit_household(actor, household, case, AuditAction.CREATE)
    register_regie_signals(household, children_of(household))
    return case


@transaction.atomic
def phase_change(
    *,
    actor: Actor,
    case: SafetyCase,
    to_phase: str,
    reason: str,
    safety_score: int | None,
    children_said: str,
    expected_version: int | None,
    changed_at: dt.datetime | None = None,
) -> PhaseChange:
    """Move along the Routekaart. Forward one phase at a time; back to any
    earlier phase when safety is lost. Always why, the score, and what the
    children said (or why they were not heard). ``changed_at``: when it was
    decided, if recorded later (not before the previous change)."""
    require_regie_of(actor, case)
    require_open(case)
    errors: dict[str, object] = {}
    now = timezone.now()
    if changed_at is not None:
        if changed_at > now:
            errors["changed_at"] = _("This date is in the future.")
        elif message := validation_message(
            validate_event_date, timezone.localdate(changed_at)
        ):
            errors["changed_at"] = message
        elif changed_at < case.phase_since:
            errors["changed_at"] = _("This is before the previous phase change.")
        now = changed_at
    if to_phase not in Phase.values:
        errors["to_phase"] = _("Choose a phase.")
    elif to_phase == case.phase:
        errors["to_phase"] = _("The case is already in this phase.")
    elif PHASE_ORDER.index(Phase(to_phase)) > PHASE_ORDER.index(Phase(case.phase)) + 1:
        errors["to_phase"] = _(
            "Phases go forward one at a time: first stable safety, then recovery."
        )
    if not reason.strip():
        errors["reason"] = _("Say why the phase changes.")
    if safety_score is None or not 0 <= safety_score <= 10:
        errors["safety_score"] = _("Give a safety score from 0 to 10.")
    if not children_said.strip():
        errors["children_said"] = _(
            "Write what the children said, or why they were not heard."
        )
    if errors:
        raise refuse_all(errors)
    bump_case_version(case, expected_version)
    change = PhaseChange.objects.create(
        case=case,
        from_phase=case.phase,
        to_phase=to_phase,
        at=now,
        by=actor.user,
        reason=reason.strip(),
        safety_score=safety_score,
        children_said=children_said.strip(),
    )
    case.phase = to_phase
    case.phase_since = now
    case.save(update_fields=["phase", "phase_since"])
    audit_household(actor, case.household, change, AuditAction.CREATE)
    return change


@transaction.atomic
def case_close(
    *, actor: Actor, case: SafetyCase, reason: str, expected_version: int | None
) -> SafetyCase:
    require_regie_of(actor, case)
    require_open(case)
    if not reason.strip():
        raise refuse(_("Say why the case is closed."), field="reason")
    if case.handovers.filter(status="pending").exists():
        raise refuse(
            _("A handover is waiting: withdraw it before closing the case."),
            code="pending",
        )
    bump_case_version(case, expected_version)
    case.status = CaseStatus.CLOSED
    case.closed_at = timezone.now()
    case.closing_reason = reason.strip()
    case.save(update_fields=["status", "closed_at", "closing_reason"])
    regie_signals_end(case)
    audit_household(actor, case.household, case, AuditAction.UPDATE, reason="closed")
    return case


@transaction.atomic
def regievoerder_change(
    *,
    actor: Actor,
    case: SafetyCase,
    new_regievoerder: User,
    expected_version: int | None,
) -> SafetyCase:
    """Within the responsible organisation (a colleague takes over). Moving regie
    to another organisation is a handover."""
    require_regie_of(actor, case)
    require_open(case)
    if (
        case_worker_membership(new_regievoerder, case.responsible_organisation_id)
        is None
    ):
        raise refuse(
            _("The new regievoerder must work for the responsible organisation."),
            field="regievoerder",
        )
    bump_case_version(case, expected_version)
    regie_signals_end(case)
    case.regievoerder = new_regievoerder
    case.save(update_fields=["regievoerder"])
    register_regie_signals(case.household, children_of(case.household))
    audit_household(
        actor, case.household, case, AuditAction.UPDATE, reason="regievoerder"
    )
    return case


@transaction.atomic
def partner_add(
    *,
    actor: Actor,
    case: SafetyCase,
    kind: str,
    contact_name: str,
    takes_on: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    contact_user: User | None = None,
) -> CasePartner:
    require_regie_of(actor, case)
    require_open(case)
    errors: dict[str, object] = {}
    if kind not in PartnerKind.values:
        errors["kind"] = _("Choose the kind of partner.")
    if organisation is None and not organisation_name.strip():
        errors["organisation_name"] = _(
            "Choose the organisation, or write its name if it is not in Kindveilig."
        )
    if organisation is not None and organisation.pk == case.responsible_organisation_id:
        errors["organisation"] = _("This is the responsible organisation itself.")
    if not contact_name.strip():
        errors["contact_name"] = _("Who is the contact person?")
    if not takes_on.strip():
        errors["takes_on"] = _("What does this partner take on?")
    if contact_user is not None and (
        organisation is None
        or case_worker_membership(contact_user, organisation.pk) is None
    ):
        errors["contact_user"] = _("This person does not work for that organisation.")
    if errors:
        raise refuse_all(errors)
    partner = CasePartner(
        case=case,
        kind=kind,
        organisation=organisation,
        organisation_name="" if organisation else organisation_name.strip(),
        contact_name=contact_name.strip(),
        contact_phone=contact_phone.strip(),
        contact_email=contact_email.strip(),
        contact_user=contact_user,
        takes_on=takes_on.strip(),
    )
    partner.full_clean()
    partner.save()
    audit_household(actor, case.household, partner, AuditAction.CREATE)
    alerts.partner_added(partner, actor)
    return partner


@transaction.atomic
def partner_end(*, actor: Actor, partner: CasePartner) -> CasePartner:
    require_regie_of(actor, partner.case)
    if partner.ended_at is None:
        partner.ended_at = timezone.now()
        partner.save(update_fields=["ended_at"])
        audit_household(actor, partner.case.household, partner, AuditAction.UPDATE)
        alerts.partner_ended(partner, actor)
    return partner


@dataclass(frozen=True)
class ScoreInput:
    perspective: str
    score: int
    person: uuid.UUID | None = None
    professional_name: str = ""
    words: str = ""


@dataclass(frozen=True)
class MappingInput:
    assessed_on: date
    harm: str
    danger: str
    next_steps: str
    strengths: str = ""
    existing_safety: str = ""
    complicating: str = ""


# Whose score a household member may give, per perspective.
SCORE_ROLES = {
    Perspective.CHILD: {MemberRole.CHILD, MemberRole.SIBLING},
    Perspective.PARENT: {MemberRole.PARENT, MemberRole.PARTNER},
}


def _mapping_errors(data: MappingInput, scores: list[ScoreInput]) -> dict[str, object]:
    errors: dict[str, object] = {}
    if message := validation_message(validate_event_date, data.assessed_on):
        errors["assessed_on"] = message
    for name in ("harm", "danger", "next_steps"):
        if not getattr(data, name).strip():
            errors[name] = _("Fill this in.")
    if not scores:
        errors["scores"] = _("Give at least one safety score.")
    return errors


def _score_row(
    score: ScoreInput, members: dict[uuid.UUID, HouseholdMember]
) -> SafetyScore | Promise:
    """The score as a row for the mapping, or the reason it is refused."""
    if not 0 <= score.score <= 10:
        return _("A score is from 0 to 10.")
    if score.perspective == Perspective.PROFESSIONAL:
        if not score.professional_name.strip():
            return _("Say whose professional score this is.")
        return SafetyScore(
            perspective=score.perspective,
            professional_name=score.professional_name.strip(),
            score=score.score,
            words=score.words.strip(),
        )
    member = members.get(score.person) if score.person else None
    if member is None or member.role not in SCORE_ROLES.get(
        Perspective(score.perspective), set()
    ):
        return _("This score belongs to nobody in the household.")
    return SafetyScore(
        perspective=score.perspective,
        person=member.person,
        score=score.score,
        words=score.words.strip(),
    )


def _score_rows(
    case: SafetyCase, scores: list[ScoreInput]
) -> tuple[list[SafetyScore], dict[str, object]]:
    """The scores as rows, and the refused ones by form key (score_0, …)."""
    members = {
        member.person.public_id: member
        for member in HouseholdMember.objects.select_related("person").filter(
            household=case.household, left_on__isnull=True
        )
    }
    rows: list[SafetyScore] = []
    errors: dict[str, object] = {}
    for index, score in enumerate(scores):
        row = _score_row(score, members)
        if isinstance(row, SafetyScore):
            rows.append(row)
        else:
            errors[f"score_{index}"] = row
    return rows, errors


@transaction.atomic
def mapping_record(
    *,
    actor: Actor,
    case: SafetyCase,
    data: MappingInput,
    scores: list[ScoreInput],
) -> Mapping:
    """A Signs of Safety mapping with a 0-10 scale from each perspective. A
    child's score is the child's own, with the child's own words."""
    require_regie_of(actor, case)
    require_open(case)
    rows, score_errors = _score_rows(case, scores)
    errors = {**_mapping_errors(data, scores), **score_errors}
    if errors:
        raise refuse_all(errors)
    mapping = Mapping(
        case=case,
        assessed_on=data.assessed_on,
        harm=data.harm.strip(),
        danger=data.danger.strip(),
        strengths=data.strengths.strip(),
        existing_safety=data.existing_safety.strip(),
        next_steps=data.next_steps.strip(),
        complicating=data.complicating.strip(),
        created_by=actor.user,
    )
    mapping.full_clean()
    mapping.save()
    for row in rows:
        row.mapping = mapping
    SafetyScore.objects.bulk_create(rows)
    audit_household(actor, case.household, mapping, AuditAction.CREATE)
    return mapping


@transaction.atomic
def meeting_add(
    *,
    actor: Actor,
    case: SafetyCase,
    kind: str,
    held_on: date,
    participants: str,
    decisions: str,
) -> Meeting:
    require_regie_of(actor, case)
    errors: dict[str, object] = {}
    if kind not in MeetingKind.values:
        errors["kind"] = _("Choose the kind of meeting.")
    if message := validation_message(validate_event_date, held_on):
        errors["held_on"] = message
    if not participants.strip():
        errors["participants"] = _("Who took part?")
    if not decisions.strip():
        errors["decisions"] = _("What was decided?")
    if errors:
        raise refuse_all(errors)
    meeting = Meeting(
        case=case,
        kind=kind,
        held_on=held_on,
        participants=participants.strip(),
        decisions=decisions.strip(),
        created_by=actor.user,
    )
    meeting.full_clean()
    meeting.save()
    audit_household(actor, case.household, meeting, AuditAction.CREATE)
    return meeting
