"""Warm overdragen: a handover the receiver accepts. Until then the sender is
responsible. The invariant: a case always has a responsible organisation and a
regievoerder working there; only an accepted handover moves them, in one
transaction with the case row locked."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.accounts.models import User
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.households.models import Handover, HandoverStatus, SafetyCase
from kindveilig.meldcode.models import Share, Trajectory
from kindveilig.meldcode.services import can_act_on, share_create, share_revoke
from kindveilig.organisations.models import Organisation

from . import alerts
from .cases import children_of, regie_signals_end, register_regie_signals
from .common import (
    audit_household,
    bump_case_version,
    case_worker_membership,
    refuse,
    refuse_all,
    require_open,
    require_regie_of,
)

__all__ = [
    "handover_accept",
    "handover_create_for_case",
    "handover_create_for_trajectory",
    "handover_reject",
    "handover_withdraw",
    "may_decide",
    "may_withdraw",
]


def _audit(actor: Actor, handover: Handover, action: AuditAction) -> None:
    if handover.case is not None:
        audit_household(actor, handover.case.household, handover, action)
        return
    assert handover.trajectory is not None
    items = [
        AuditItem(obj=handover, person_id=link.person.public_id)
        for link in handover.trajectory.children.select_related("person")
    ]
    audit_record_many(actor=actor, action=action, items=items, reason="handover")


def _check_receiver(
    to_organisation: Organisation, to_user: User | None, from_organisation_id: int
) -> dict[str, object]:
    errors: dict[str, object] = {}
    if to_organisation.pk == from_organisation_id:
        errors["to_organisation"] = _("Choose another organisation than your own.")
    if (
        to_user is not None
        and case_worker_membership(to_user, to_organisation.pk) is None
    ):
        errors["to_user"] = _("This person does not work for that organisation.")
    return errors


@transaction.atomic
def handover_create_for_case(
    *,
    actor: Actor,
    case: SafetyCase,
    to_organisation: Organisation,
    note: str,
    to_user: User | None = None,
) -> Handover:
    """Offer the regie over the case to another organisation."""
    require_regie_of(actor, case)
    require_open(case)
    errors = _check_receiver(to_organisation, to_user, case.responsible_organisation_id)
    if not note.strip():
        errors["note"] = _("Say what you hand over and what the receiver must know.")
    if case.handovers.filter(status=HandoverStatus.PENDING).exists():
        errors["to_organisation"] = _("A handover of this case is already waiting.")
    if errors:
        raise refuse_all(errors)
    handover = Handover(
        case=case,
        from_organisation_id=case.responsible_organisation_id,
        from_user=actor.user,
        to_organisation=to_organisation,
        to_user=to_user,
        note=note.strip(),
    )
    handover.full_clean()
    handover.save()
    _audit(actor, handover, AuditAction.CREATE)
    alerts.handover_offered(handover)
    return handover


@transaction.atomic
def handover_create_for_trajectory(
    *,
    actor: Actor,
    trajectory: Trajectory,
    to_organisation: Organisation,
    note: str,
    legal_basis: str,
    consent_given_by: str = "",
    consent_given_on: dt.date | None = None,
    reason: str = "",
    to_user: User | None = None,
) -> Handover:
    """Hand a trajectory's follow-up to another organisation (school → lokaal
    team). The receiver reads the trajectory through a share with its legal
    basis (made here, unless one exists); the school stays responsible until
    the receiver accepts."""
    if not can_act_on(actor, trajectory):
        raise refuse(_("You may not hand over this trajectory."), code="forbidden")
    errors = _check_receiver(to_organisation, to_user, actor.organisation_id)
    if not note.strip():
        errors["note"] = _("Say what you hand over and what the receiver must know.")
    if Handover.objects.filter(
        trajectory=trajectory,
        to_organisation=to_organisation,
        status=HandoverStatus.PENDING,
    ).exists():
        errors["to_organisation"] = _("A handover to them is already waiting.")
    if errors:
        raise refuse_all(errors)
    share = Share.objects.filter(
        trajectory=trajectory,
        to_organisation=to_organisation,
        to_user=to_user,
        revoked_at__isnull=True,
    ).first()
    if share is None:
        share = share_create(
            actor=actor,
            trajectory=trajectory,
            to_organisation=to_organisation,
            to_user=to_user,
            legal_basis=legal_basis,
            consent_given_by=consent_given_by,
            consent_given_on=consent_given_on,
            reason=reason,
        )
    handover = Handover(
        trajectory=trajectory,
        from_organisation=actor.organisation,
        from_user=actor.user,
        to_organisation=to_organisation,
        to_user=to_user,
        note=note.strip(),
        share=share,
    )
    handover.full_clean()
    handover.save()
    _audit(actor, handover, AuditAction.CREATE)
    alerts.handover_offered(handover)
    return handover


def may_decide(actor: Actor, handover: Handover) -> bool:
    """The named receiver, or (none named) a case worker of the receiving
    organisation; always its aandachtsfunctionaris."""
    if (
        actor.role not in CASE_ROLES
        or actor.organisation_id != handover.to_organisation_id
    ):
        return False
    return (
        handover.to_user_id is None
        or handover.to_user_id == actor.user.pk
        or actor.role == Role.AANDACHTSFUNCTIONARIS
    )


def may_withdraw(actor: Actor, handover: Handover) -> bool:
    return actor.organisation_id == handover.from_organisation_id and (
        handover.from_user_id == actor.user.pk
        or actor.role == Role.AANDACHTSFUNCTIONARIS
    )


def _lock_pending(handover: Handover) -> Handover:
    locked = Handover.objects.select_for_update().get(pk=handover.pk)
    if locked.status != HandoverStatus.PENDING:
        raise refuse(_("This handover was already decided."), code="decided")
    return locked


def _decide(handover: Handover, actor: Actor, status: str, note: str = "") -> None:
    handover.status = status
    handover.decided_at = timezone.now()
    handover.decided_by = actor.user
    handover.decision_note = note.strip()
    handover.save(
        update_fields=[
            "status",
            "decided_at",
            "decided_by",
            "decision_note",
            "updated_at",
        ]
    )


@transaction.atomic
def handover_accept(*, actor: Actor, handover: Handover, note: str = "") -> Handover:
    """The receiver takes over. For a case: the responsible organisation and the
    regievoerder (the accepting worker) change together, with the case locked."""
    if not may_decide(actor, handover):
        raise refuse(_("Only the receiver can accept this handover."), code="forbidden")
    handover = _lock_pending(handover)
    if handover.case_id is not None:
        case = SafetyCase.objects.select_for_update().get(pk=handover.case_id)
        require_open(case)
        if case.responsible_organisation_id != handover.from_organisation_id:
            raise refuse(_("The case moved since this handover was offered."))
        bump_case_version(case, None)
        regie_signals_end(case)
        case.responsible_organisation_id = handover.to_organisation_id
        case.regievoerder = actor.user
        case.save(update_fields=["responsible_organisation", "regievoerder"])
        register_regie_signals(case.household, children_of(case.household))
    _decide(handover, actor, HandoverStatus.ACCEPTED, note)
    _audit(actor, handover, AuditAction.UPDATE)
    alerts.handover_decided(handover)
    return handover


def _end_share(actor: Actor, handover: Handover) -> None:
    if handover.share is not None and handover.share.revoked_at is None:
        share_revoke(actor=actor, share=handover.share)


@transaction.atomic
def handover_reject(*, actor: Actor, handover: Handover, note: str) -> Handover:
    """The receiver declines: the sender stays responsible (and is told why)."""
    if not may_decide(actor, handover):
        raise refuse(_("Only the receiver can reject this handover."), code="forbidden")
    if not note.strip():
        raise refuse(_("Say why you do not accept."), field="note")
    handover = _lock_pending(handover)
    _decide(handover, actor, HandoverStatus.REJECTED, note)
    _end_share(actor, handover)
    _audit(actor, handover, AuditAction.UPDATE)
    alerts.handover_decided(handover)
    return handover


@transaction.atomic
def handover_withdraw(*, actor: Actor, handover: Handover) -> Handover:
    if not may_withdraw(actor, handover):
        raise refuse(_("Only the sender can withdraw this handover."), code="forbidden")
    handover = _lock_pending(handover)
    _decide(handover, actor, HandoverStatus.WITHDRAWN)
    _end_share(actor, handover)
    _audit(actor, handover, AuditAction.UPDATE)
    return handover
