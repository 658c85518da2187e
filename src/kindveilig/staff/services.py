"""Staff administration by an organisation's functioneel beheerder: invite a
colleague, deactivate and reactivate, add and end roles, reset a second factor,
end sessions (docs/beheer.md).

Every function takes the acting beheerder first and touches only users of the
actor's own organisation: the views load them through ``staff_user_get_for``,
and the services check again, so a call from elsewhere cannot reach further.
"""

import secrets
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import (
    EncryptedTOTPDevice,
    HashedRecoveryDevice,
    Membership,
    StaffInvitation,
    User,
)
from kindveilig.accounts.services import user_sessions_end
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.core.crypto import HashPurpose, keyed_hash, keyed_hash_candidates
from kindveilig.core.validators import check_fields, validate_no_hidden_characters

__all__ = [
    "INVITATION_VALID_DAYS",
    "invitation_accept",
    "invitation_find",
    "staff_invitation_resend",
    "staff_invite",
    "staff_membership_add",
    "staff_membership_end",
    "staff_second_factor_reset",
    "staff_user_deactivate",
    "staff_user_reactivate",
]

INVITATION_VALID_DAYS = 7


def _check_own(actor: Actor, user: User) -> None:
    """The user must hold (or have held) a membership of the actor's organisation."""
    if not Membership.objects.filter(
        user=user, organisation_id=actor.organisation_id
    ).exists():
        raise ValidationError(_("This person does not work in your organisation."))


def _send(template: str, email: str, context: dict[str, object]) -> None:
    """Send one e-mail in Dutch after the transaction commits: a rolled-back
    invitation sends nothing. Sent directly, not through the task queue, so the
    invitation token is never stored anywhere (the queue keeps its arguments)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{template}-subject.txt", context).strip()
        body = render_to_string(f"emails/{template}-body.txt", context)
    transaction.on_commit(partial(send_mail, subject, body, None, [email]))


# Invitations ------------------------------------------------------------------


@transaction.atomic
def staff_invite(*, actor: Actor, email: str, full_name: str, role: Role) -> User:
    """Create a colleague's account without a password, with one membership of
    the actor's organisation, and e-mail them a single-use link to set a
    password. An address that already has an account is refused: adding a role
    to a colleague is done on their page."""
    email = email.strip().lower()
    full_name = full_name.strip()
    check_fields({"full_name": (validate_no_hidden_characters, full_name)})
    if User.objects.filter(email=email).exists():
        raise ValidationError(
            {
                "email": " ".join(
                    [
                        _("This e-mail address already has an account."),
                        _(
                            "Ask the technical administrator of Kindveilig to "
                            "add it to your organisation."
                        ),
                    ]
                )
            }
        )
    user = User(email=email, full_name=full_name)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    membership = Membership(
        user=user, organisation_id=actor.organisation_id, role=role, is_active=True
    )
    membership.full_clean()
    membership.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=user)
    audit_record(actor=actor, action=AuditAction.CREATE, obj=membership)
    _invitation_send(actor, user)
    return user


def _invitation_send(actor: Actor, user: User) -> None:
    """A new single-use link for the user, e-mailed after the commit."""
    token = secrets.token_urlsafe(32)
    StaffInvitation.objects.create(
        user=user,
        organisation_id=actor.organisation_id,
        invited_by=actor.user,
        token_hash=keyed_hash(HashPurpose.STAFF_INVITATION, token),
        expires_at=timezone.now() + timedelta(days=INVITATION_VALID_DAYS),
    )
    path = reverse("staff:invitation-open", kwargs={"token": token})
    _send(
        "staff-invitation",
        user.email,
        {
            "organisation": actor.organisation.name,
            "link": f"{settings.KINDVEILIG_BASE_URL}{path}",
            "days": INVITATION_VALID_DAYS,
        },
    )


@transaction.atomic
def staff_invitation_resend(*, actor: Actor, user: User) -> User:
    """A fresh link for a colleague who has not set a password yet (the first
    expired or got lost); earlier links stop working."""
    _check_own(actor, user)
    if not user.is_active or user.has_usable_password():
        raise ValidationError(
            _("This person has set a password already or is deactivated.")
        )
    StaffInvitation.objects.filter(user=user, used_at__isnull=True).delete()
    _invitation_send(actor, user)
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=user, reason="invitation sent again"
    )
    return user


def invitation_find(*, token: str) -> StaffInvitation | None:
    """The open invitation this token belongs to: not used, not expired, for a
    user who is still active. None otherwise, whatever the reason."""
    return (
        StaffInvitation.objects.select_related("user", "organisation")
        .filter(
            token_hash__in=keyed_hash_candidates(HashPurpose.STAFF_INVITATION, token),
            used_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """Set the invited user's password (Django's validators) and use the link
    up. The second factor is enrolled next, in the ordinary login flow."""
    invitation = invitation_find(token=token)
    if invitation is None:
        raise ValidationError(_("This link is no longer valid."))
    invitation = StaffInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:
        raise ValidationError(_("This link is no longer valid."))
    user = invitation.user
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    user.set_password(password)
    user.save(update_fields=["password"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at", "updated_at"])
    audit_record(
        actor=None, action=AuditAction.UPDATE, obj=user, reason="invitation accepted"
    )
    return user


# Deactivation -----------------------------------------------------------------


@transaction.atomic
def staff_user_deactivate(*, actor: Actor, user: User) -> User:
    """Block the account and end its sessions at once. Only for a user who works
    for no other organisation: there, end the roles in this one instead."""
    _check_own(actor, user)
    if user.pk == actor.user.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    elsewhere = (
        Membership.objects.filter(user=user, is_active=True)
        .exclude(organisation_id=actor.organisation_id)
        .exists()
    )
    if elsewhere:
        raise ValidationError(
            _(
                "This person also works for another organisation. End their "
                "roles in your organisation instead."
            )
        )
    user.is_active = False
    user.save(update_fields=["is_active"])
    StaffInvitation.objects.filter(user=user, used_at__isnull=True).delete()
    user_sessions_end(user=user)
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=user, reason="user deactivated"
    )
    return user


@transaction.atomic
def staff_user_reactivate(*, actor: Actor, user: User) -> User:
    """The reverse of ``staff_user_deactivate``, on the same terms: the user has a
    current role here and none in another organisation (whose beheerder may have
    deactivated them)."""
    _check_own(actor, user)
    memberships = Membership.objects.filter(user=user, is_active=True)
    here = memberships.filter(organisation_id=actor.organisation_id).exists()
    elsewhere = memberships.exclude(organisation_id=actor.organisation_id).exists()
    if not here or elsewhere:
        raise ValidationError(
            _(
                "Only a person whose current roles are all in your organisation "
                "can be reactivated here."
            )
        )
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=user, reason="user reactivated"
    )
    return user


# Memberships --------------------------------------------------------------------


@transaction.atomic
def staff_membership_add(*, actor: Actor, user: User, role: Role) -> Membership:
    """Give a colleague a role in the actor's organisation (again)."""
    _check_own(actor, user)
    membership = Membership.objects.filter(
        user=user, organisation_id=actor.organisation_id, role=role
    ).first()
    if membership is not None and membership.is_active:
        raise ValidationError({"role": _("This person already has this role.")})
    if membership is None:
        membership = Membership(
            user=user, organisation_id=actor.organisation_id, role=role
        )
    membership.is_active = True
    membership.full_clean()
    membership.save()
    audit_record(actor=actor, action=AuditAction.CREATE, obj=membership)
    return membership


@transaction.atomic
def staff_membership_end(*, actor: Actor, membership: Membership) -> Membership:
    """End one role of a colleague in the actor's organisation. A session acting
    in that role is sent to choose another on its next request. The beheerder
    cannot end the role they are acting in."""
    if membership.organisation_id != actor.organisation_id:
        raise ValidationError(_("This person does not work in your organisation."))
    if membership.pk == actor.membership.pk:
        raise ValidationError(
            {"membership": _("You cannot end the role you are working in now.")}
        )
    membership.is_active = False
    membership.save(update_fields=["is_active", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=membership, reason="role ended"
    )
    return membership


# Second factor ------------------------------------------------------------------


@transaction.atomic
def staff_second_factor_reset(*, actor: Actor, user: User) -> User:
    """Remove a colleague's authenticator app and recovery codes and end their
    sessions: at their next login they enrol again. The view has checked the
    beheerder's own code (step-up) first. The colleague gets an e-mail."""
    _check_own(actor, user)
    if user.pk == actor.user.pk:
        raise ValidationError(_("You cannot reset your own second factor here."))
    EncryptedTOTPDevice.objects.filter(user=user).delete()
    HashedRecoveryDevice.objects.filter(user=user).delete()
    user_sessions_end(user=user)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=user,
        reason="second factor reset",
    )
    path = reverse("accounts:login")
    _send(
        "second-factor-reset",
        user.email,
        {"link": f"{settings.KINDVEILIG_BASE_URL}{path}"},
    )
    return user
