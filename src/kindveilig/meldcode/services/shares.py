"""Shares of a trajectory with a chain partner, on a legal basis. The receiver
reads (``meldcode.share_selectors``); writing stays with the owner organisation."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES
from kindveilig.accounts.models import Membership, User
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.calendar import age_on
from kindveilig.core.validators import validate_event_date, validation_message
from kindveilig.meldcode.models import LegalBasis, Share, Trajectory
from kindveilig.organisations.models import Organisation
from kindveilig.persons.models import Person

from .common import can_act_on

__all__ = ["share_create", "share_revoke"]

CONSENT_AGE = 16


def _is_active_member(user: User, organisation: Organisation) -> bool:
    return Membership.objects.filter(
        user=user,
        organisation=organisation,
        is_active=True,
        role__in=[str(role) for role in CASE_ROLES],
    ).exists()


def _children(trajectory: Trajectory) -> list[Person]:
    return [link.person for link in trajectory.children.select_related("person")]


@transaction.atomic
def share_create(
    *,
    actor: Actor,
    trajectory: Trajectory,
    to_organisation: Organisation,
    legal_basis: str,
    to_user: User | None = None,
    consent_given_by: str = "",
    consent_given_on: dt.date | None = None,
    reason: str = "",
) -> Share:
    """Make a trajectory readable for another organisation, with its legal basis.

    Only who may act on the trajectory may share it. Consent needs who gave it and
    when; the young person's own consent needs every child to be 16 or older;
    sharing without consent (meldrecht, necessity) needs the reason.
    """
    if not can_act_on(actor, trajectory):
        raise ValidationError(_("You may not share this trajectory."), code="forbidden")
    errors: dict[str, object] = {}
    if to_organisation.pk == actor.organisation_id:
        errors["to_organisation"] = _("Choose another organisation than your own.")
    if to_user is not None and not _is_active_member(to_user, to_organisation):
        errors["to_user"] = _("This person does not work for that organisation.")
    if legal_basis not in LegalBasis.values:
        errors["legal_basis"] = _("Choose the legal basis for sharing.")
    if legal_basis in (LegalBasis.CONSENT_PARENTS, LegalBasis.CONSENT_YOUTH):
        if not consent_given_by.strip():
            errors["consent_given_by"] = _("Say who gave consent.")
        if consent_given_on is None:
            errors["consent_given_on"] = _("Say when consent was given.")
        elif message := validation_message(validate_event_date, consent_given_on):
            errors["consent_given_on"] = message
    if legal_basis == LegalBasis.CONSENT_YOUTH:
        day = consent_given_on or timezone.localdate()
        for child in _children(trajectory):
            if child.date_of_birth is None or age_on(child.date_of_birth, day) < (
                CONSENT_AGE
            ):
                errors["legal_basis"] = _(
                    "A young person can only consent from the age of 16; ask the "
                    "parents, or record why you share without consent."
                )
    if legal_basis == LegalBasis.MELDRECHT and not reason.strip():
        errors["reason"] = _(
            "Say why sharing without consent is necessary (meldrecht or necessity)."
        )
    if (
        not errors
        and Share.objects.filter(
            trajectory=trajectory,
            to_organisation=to_organisation,
            to_user=to_user,
            revoked_at__isnull=True,
        ).exists()
    ):
        errors["to_organisation"] = _("This trajectory is already shared with them.")
    if errors:
        raise ValidationError({key: [value] for key, value in errors.items()})
    share = Share(
        trajectory=trajectory,
        from_organisation=actor.organisation,
        shared_by=actor.user,
        to_organisation=to_organisation,
        to_user=to_user,
        legal_basis=legal_basis,
        consent_given_by=consent_given_by.strip(),
        consent_given_on=consent_given_on,
        reason=reason.strip(),
    )
    share.full_clean()
    share.save()
    _audit_share(actor, share, AuditAction.CREATE)
    return share


def _audit_share(actor: Actor, share: Share, action: AuditAction) -> None:
    items = [
        AuditItem(obj=share, person_id=child.public_id)
        for child in _children(share.trajectory)
    ]
    audit_record_many(
        actor=actor,
        action=action,
        items=items,
        reason=f"share: {share.legal_basis}",
    )


@transaction.atomic
def share_revoke(*, actor: Actor, share: Share) -> Share:
    """The sharer ends a share; the receiver may also decline it."""
    if share.revoked_at is not None:
        return share
    declined = share.to_organisation_id == actor.organisation_id
    if not (declined or can_act_on(actor, share.trajectory)):
        raise ValidationError(_("You may not revoke this share."), code="forbidden")
    share.revoked_at = timezone.now()
    share.revoked_by = actor.user
    share.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    _audit_share(actor, share, AuditAction.UPDATE)
    return share
