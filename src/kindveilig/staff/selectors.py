"""Reads for staff administration, scoped to the beheerder's own organisation."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import (
    EncryptedTOTPDevice,
    Membership,
    StaffInvitation,
    User,
)
from kindveilig.accounts.selectors import user_open_sessions
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_denied, audit_record

__all__ = [
    "StaffUserPage",
    "staff_memberships_of",
    "staff_user_get_for",
    "staff_user_page_for",
]


def _require_beheerder(actor: Actor) -> None:
    if actor.role != Role.FUNCTIONEEL_BEHEERDER:
        raise Http404


def staff_user_get_for(*, actor: Actor, public_id: uuid.UUID) -> User:
    """A user with a membership (current or ended) of the actor's organisation;
    404 for anyone else, so a beheerder cannot even tell that a user of another
    organisation exists. Audited as a READ; a miss on an existing user as
    DENIED (docs/decisions.md, "Denied attempts are audited")."""
    _require_beheerder(actor)
    user = (
        User.objects.filter(
            public_id=public_id, memberships__organisation_id=actor.organisation_id
        )
        .distinct()
        .first()
    )
    if user is None:
        audit_denied(actor=actor, model=User, public_id=public_id)
        raise Http404
    audit_record(actor=actor, action=AuditAction.READ, obj=user)
    return user


def staff_memberships_of(*, actor: Actor, user: User) -> QuerySet[Membership]:
    """The user's roles in the actor's organisation, current ones first."""
    return Membership.objects.filter(
        user=user, organisation_id=actor.organisation_id
    ).order_by("-is_active", "role")


@dataclass(frozen=True)
class StaffUserPage:
    user: User
    memberships: list[Membership]
    active_memberships: list[Membership]
    # Roles in other organisations are counted, never named.
    other_organisation_count: int
    has_second_factor: bool
    invitation_open: bool
    # Invited, and the password not chosen yet: the invitation can be sent again.
    awaits_password: bool
    last_login: datetime | None
    open_sessions: list[datetime]


def staff_user_page_for(*, actor: Actor, user: User) -> StaffUserPage:
    """What a beheerder sees of a colleague loaded by ``staff_user_get_for``."""
    memberships = list(
        staff_memberships_of(actor=actor, user=user).select_related("organisation")
    )
    return StaffUserPage(
        user=user,
        memberships=memberships,
        active_memberships=[m for m in memberships if m.is_active],
        other_organisation_count=Membership.objects.filter(user=user, is_active=True)
        .exclude(organisation_id=actor.organisation_id)
        .values("organisation_id")
        .distinct()
        .count(),
        has_second_factor=EncryptedTOTPDevice.objects.filter(
            user=user, confirmed=True
        ).exists(),
        invitation_open=StaffInvitation.objects.filter(
            user=user, used_at__isnull=True, expires_at__gt=timezone.now()
        ).exists(),
        awaits_password=user.is_active and not user.has_usable_password(),
        last_login=user.last_login,
        open_sessions=user_open_sessions(user=user),
    )
