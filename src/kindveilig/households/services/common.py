"""Shared guards of the household services: who directs a household (regie),
optimistic locking on the case, and the audit record per member."""

import uuid

from django.core.exceptions import ValidationError
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrPromise

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.accounts.models import Membership, User
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.households.models import CaseStatus, Household, SafetyCase


class ConflictError(ValidationError):
    """Someone else changed the case since this form was opened."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else changed this case while you were working on it. "
                "Your input is still here: check the case and send it again."
            ),
            code="conflict",
        )


def refuse(
    message: str | StrPromise, field: str | None = None, code: str = "invalid"
) -> ValidationError:
    if field:
        return ValidationError({field: ValidationError(message, code=code)})
    return ValidationError(message, code=code)


def refuse_all(errors: dict[str, object]) -> ValidationError:
    return ValidationError({key: [value] for key, value in errors.items()})


def current_case(household: Household) -> SafetyCase | None:
    """The open case, or else the latest closed one (only one can be open, and a
    new one opens only when none is)."""
    return household.cases.order_by("-created_at", "-pk").first()


def directs(actor: Actor, household: Household) -> bool:
    """Regie: the regievoerder or an aandachtsfunctionaris of the responsible
    organisation; without a case, whoever registered the household (or the
    aandachtsfunctionaris of that organisation). Mirrors selectors._regie."""
    if actor.role not in CASE_ROLES:
        return False
    is_af = actor.role == Role.AANDACHTSFUNCTIONARIS
    cases = list(household.cases.all())
    if cases:
        return any(
            case.responsible_organisation_id == actor.organisation_id
            and (is_af or case.regievoerder_id == actor.user.pk)
            for case in cases
        )
    if household.registered_by_id != actor.organisation_id:
        return False
    return (
        is_af
        or household.created_by_id == actor.user.pk
        or (
            household.created_by_id is None
            and actor.role == Role.LOKAAL_TEAM_MEDEWERKER
        )
    )


def require_directs(actor: Actor, household: Household) -> None:
    if not directs(actor, household):
        raise refuse(_("Only the regievoerder can change this."), code="forbidden")


def require_regie_of(actor: Actor, case: SafetyCase) -> None:
    is_af = actor.role == Role.AANDACHTSFUNCTIONARIS
    if not (
        actor.role in CASE_ROLES
        and case.responsible_organisation_id == actor.organisation_id
        and (is_af or case.regievoerder_id == actor.user.pk)
    ):
        raise refuse(_("Only the regievoerder can change this."), code="forbidden")


def require_open(case: SafetyCase) -> None:
    if case.status != CaseStatus.OPEN:
        raise refuse(_("This case is closed."), code="closed")


def bump_case_version(case: SafetyCase, expected_version: int | None) -> None:
    query = SafetyCase.objects.filter(pk=case.pk)
    if expected_version is not None:
        query = query.filter(version=expected_version)
    if not query.update(version=F("version") + 1, updated_at=timezone.now()):
        raise ConflictError
    case.refresh_from_db(fields=["version", "updated_at"])


def member_person_ids(household: Household) -> list[object]:
    return list(
        household.members.filter(left_on__isnull=True).values_list(
            "person__public_id", flat=True
        )
    )


def audit_household(
    actor: Actor | None,
    household: Household,
    obj: Model,
    action: AuditAction,
    reason: str = "",
) -> None:
    """One record per current member: each person's log shows the write."""
    items = [
        AuditItem(obj=obj, person_id=pid)
        for pid in member_person_ids(household)
        if isinstance(pid, uuid.UUID)
    ] or [AuditItem(obj=obj, person_id=None)]
    audit_record_many(actor=actor, action=action, items=items, reason=reason)


def case_worker_membership(user: User, organisation_id: int) -> Membership | None:
    return (
        Membership.objects.select_related("user", "organisation")
        .filter(
            user=user,
            organisation_id=organisation_id,
            is_active=True,
            role__in=[str(role) for role in CASE_ROLES],
        )
        .order_by("pk")
        .first()
    )


def actor_for_user(user: User, organisation_id: int) -> Actor | None:
    membership = case_worker_membership(user, organisation_id)
    if membership is None:
        return None
    return Actor(user=user, membership=membership)


def responsibility_intact(case: SafetyCase) -> bool:
    """The invariant: a case always has a responsible organisation and a
    regievoerder who is an active case worker there."""
    return (
        case_worker_membership(case.regievoerder, case.responsible_organisation_id)
        is not None
    )
