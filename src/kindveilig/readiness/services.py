"""Writes: meldcode readiness, staff briefings, aandachtsfunctionarissen and their
qualifications.

An organisation's own aandachtsfunctionaris or functioneel beheerder keeps its
readiness up to date. Designations and qualifications are personal data of the
aandachtsfunctionaris: every write leaves an audit record (person_id None, the
object is the designation or the qualification).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.validators import check_fields, validate_event_date
from kindveilig.organisations.models import Organisation, Sector

from .expiry import computed_expiry
from .models import (
    Aandachtsfunctionaris,
    BriefingKind,
    MeldcodeReadiness,
    Qualification,
    QualificationKind,
    StaffBriefing,
)

__all__ = [
    "MANAGER_ROLES",
    "MELDPLICHT_SECTORS",
    "DesignationInput",
    "QualificationInput",
    "ReadinessInput",
    "aandachtsfunctionaris_add",
    "aandachtsfunctionaris_update",
    "briefing_add",
    "qualification_add",
    "qualification_delete",
    "readiness_update",
]

# Who keeps an organisation's readiness up to date.
MANAGER_ROLES = frozenset({Role.AANDACHTSFUNCTIONARIS, Role.FUNCTIONEEL_BEHEERDER})
# Where the separate meldplicht route applies (suspicion against an employee).
MELDPLICHT_SECTORS = frozenset({Sector.ONDERWIJS, Sector.KINDEROPVANG})


def require_manager(actor: Actor, organisation_id: int) -> None:
    if actor.role not in MANAGER_ROLES or actor.organisation_id != organisation_id:
        raise PermissionDenied


def _not_in_future(value: date | None, field: str) -> None:
    check_fields({field: (validate_event_date, value)})


@dataclass(frozen=True)
class ReadinessInput:
    adopted_on: date | None
    meldcode_version: str = ""
    afwegingskader_id: int | None = None
    meldplicht_contact: str = ""
    vertrouwensinspecteur: str = ""


@transaction.atomic
def readiness_update(*, actor: Actor, data: ReadinessInput) -> MeldcodeReadiness:
    """Record the adopted meldcode (and the meldplicht route) of the actor's
    organisation. The meldplicht fields are kept only where the route applies."""
    organisation: Organisation = actor.organisation
    require_manager(actor, organisation.pk)
    _not_in_future(data.adopted_on, "adopted_on")
    readiness, _created = MeldcodeReadiness.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    meldplicht = organisation.sector in MELDPLICHT_SECTORS
    readiness.adopted_on = data.adopted_on
    readiness.meldcode_version = data.meldcode_version.strip()
    readiness.afwegingskader_id = data.afwegingskader_id
    readiness.meldplicht_contact = data.meldplicht_contact.strip() if meldplicht else ""
    readiness.vertrouwensinspecteur = (
        data.vertrouwensinspecteur.strip() if meldplicht else ""
    )
    readiness.updated_by = actor.user
    readiness.full_clean()
    readiness.save()
    return readiness


@transaction.atomic
def briefing_add(
    *,
    actor: Actor,
    held_on: date,
    kind: BriefingKind | str,
    topic: str = "",
    participants: int | None = None,
) -> StaffBriefing:
    """The meldcode was brought to staff's attention (a training, a team meeting)."""
    require_manager(actor, actor.organisation_id)
    _not_in_future(held_on, "held_on")
    briefing = StaffBriefing(
        organisation_id=actor.organisation_id,
        held_on=held_on,
        kind=kind,
        topic=topic.strip(),
        participants=participants,
        recorded_by=actor.user,
    )
    briefing.full_clean()
    briefing.save()
    return briefing


@dataclass(frozen=True)
class DesignationInput:
    location: str
    hours_per_week: Decimal
    since: date
    until: date | None = None


@transaction.atomic
def aandachtsfunctionaris_add(
    *, actor: Actor, person_id: int, data: DesignationInput
) -> Aandachtsfunctionaris:
    """Designate a member of the actor's organisation as aandachtsfunctionaris."""
    require_manager(actor, actor.organisation_id)
    is_member = Membership.objects.filter(
        user_id=person_id,
        organisation_id=actor.organisation_id,
        is_active=True,
        user__is_active=True,
    ).exists()
    if not is_member:
        raise ValidationError(
            {"person": _("Choose a member of staff of your organisation.")},
            code="not_a_member",
        )
    location = data.location.strip()
    if Aandachtsfunctionaris.objects.filter(
        organisation_id=actor.organisation_id,
        person_id=person_id,
        location=location,
        until__isnull=True,
    ).exists():
        raise ValidationError(
            {
                "person": _(
                    "This person is already aandachtsfunctionaris for this location."
                )
            },
            code="duplicate",
        )
    designation = Aandachtsfunctionaris(
        organisation_id=actor.organisation_id,
        person_id=person_id,
        location=location,
        hours_per_week=data.hours_per_week,
        since=data.since,
        until=data.until,
    )
    designation.full_clean()
    designation.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=designation)
    return designation


@transaction.atomic
def aandachtsfunctionaris_update(
    *, actor: Actor, designation: Aandachtsfunctionaris, data: DesignationInput
) -> Aandachtsfunctionaris:
    """Change the location or hours, or end the designation (``until``)."""
    require_manager(actor, designation.organisation_id)
    location = data.location.strip()
    if (
        data.until is None
        and Aandachtsfunctionaris.objects.filter(
            organisation_id=designation.organisation_id,
            person_id=designation.person_id,
            location=location,
            until__isnull=True,
        )
        .exclude(pk=designation.pk)
        .exists()
    ):
        raise ValidationError(
            {
                "location": _(
                    "This person is already aandachtsfunctionaris for this location."
                )
            },
            code="duplicate",
        )
    designation.location = location
    designation.hours_per_week = data.hours_per_week
    designation.since = data.since
    designation.until = data.until
    designation.full_clean()
    designation.save()
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=designation)
    return designation


@dataclass(frozen=True)
class QualificationInput:
    kind: QualificationKind
    obtained_on: date
    name: str = ""
    provider: str = ""
    certified: bool = False
    hours: Decimal | None = None
    registration_number: str = ""
    valid_until: date | None = None  # register membership only


@transaction.atomic
def qualification_add(
    *,
    actor: Actor,
    designation: Aandachtsfunctionaris,
    data: QualificationInput,
) -> Qualification:
    """Record a course, register membership or VOG of an aandachtsfunctionaris
    of the actor's organisation. The end of validity of a course or VOG is
    computed (``readiness.expiry``); a register membership's is entered."""
    require_manager(actor, designation.organisation_id)
    _not_in_future(data.obtained_on, "obtained_on")
    kind = QualificationKind(data.kind)
    expires_on = computed_expiry(kind=kind, obtained_on=data.obtained_on)
    if kind == QualificationKind.REGISTER:
        if data.valid_until is None:
            raise ValidationError(
                {
                    "valid_until": _(
                        "Give the date until which the registration is valid."
                    )
                },
                code="required",
            )
        expires_on = data.valid_until
    assert expires_on is not None
    is_course = kind == QualificationKind.COURSE
    qualification = Qualification(
        person_id=designation.person_id,
        kind=kind,
        name=data.name.strip() if is_course else "",
        provider=data.provider.strip() if is_course else "",
        certified=data.certified if is_course else False,
        hours=data.hours if is_course else None,
        registration_number=(
            data.registration_number.strip()
            if kind == QualificationKind.REGISTER
            else ""
        ),
        obtained_on=data.obtained_on,
        expires_on=expires_on,
        recorded_in_id=actor.organisation_id,
        recorded_by=actor.user,
    )
    try:
        qualification.full_clean()
    except ValidationError as error:
        # The form calls the register's end of validity "valid_until".
        if hasattr(error, "error_dict") and "expires_on" in error.error_dict:
            error.error_dict["valid_until"] = error.error_dict.pop("expires_on")
        raise
    qualification.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=qualification)
    return qualification


@transaction.atomic
def qualification_delete(*, actor: Actor, qualification: Qualification) -> None:
    """Remove a wrongly recorded qualification; the audit record stays."""
    designated_here = Aandachtsfunctionaris.objects.filter(
        organisation_id=actor.organisation_id, person_id=qualification.person_id
    ).exists()
    if not designated_here:
        raise PermissionDenied
    require_manager(actor, actor.organisation_id)
    audit_record(actor=actor, action=AuditAction.DELETE, obj=qualification)
    qualification.delete()
