"""Break the glass: urgent, time-limited access to a household's file, with a
reason, an alert to the aandachtsfunctionaris of the data's organisation, and a
recognisable mark in the audit log."""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.background import enqueue_on_commit
from kindveilig.core.crypto import blind_index
from kindveilig.households.models import EmergencyAccess, Household

from .common import refuse, refuse_all

__all__ = [
    "BREAK_GLASS_OBJECT_TYPE",
    "BREAK_GLASS_PREFIX",
    "break_glass_minutes",
    "emergency_access_grant",
]

logger = logging.getLogger(__name__)

BREAK_GLASS_PREFIX = "BREAK-THE-GLASS"
BREAK_GLASS_OBJECT_TYPE = "households.emergencyaccess"
MIN_REASON_LENGTH = 20


def break_glass_minutes() -> int:
    return int(getattr(settings, "KINDVEILIG_BREAK_GLASS_MINUTES", 60))


@transaction.atomic
def emergency_access_grant(
    *, actor: Actor, bsn: str, reason: str
) -> list[EmergencyAccess]:
    """Find the households of the child with this BSN and open them to the actor
    for a limited time. Every grant is one audit record per member, marked
    BREAK-THE-GLASS with the reason; the aandachtsfunctionarissen of the
    organisation that holds the data are alerted."""
    if actor.role not in CASE_ROLES:
        raise refuse(_("Your role cannot use emergency access."), code="forbidden")
    errors: dict[str, object] = {}
    if len(reason.strip()) < MIN_REASON_LENGTH:
        errors["reason"] = _(
            "Describe the urgent situation (at least 20 characters): it is shown "
            "to the aandachtsfunctionaris."
        )
    if not bsn.strip():
        errors["bsn"] = _("Fill in the BSN of the child.")
    if errors:
        raise refuse_all(errors)
    households = list(
        Household.objects.filter(
            members__person__bsn_index=blind_index(bsn), members__left_on__isnull=True
        )
        .distinct()
        .prefetch_related("members__person")
    )
    if not households:
        raise refuse(_("No household was found for this BSN."), field="bsn")
    now = timezone.now()
    expires = now + dt.timedelta(minutes=break_glass_minutes())
    grants = [
        EmergencyAccess(
            household=household,
            user=actor.user,
            organisation=actor.organisation,
            reason=reason.strip(),
            granted_at=now,
            expires_at=expires,
        )
        for household in households
    ]
    EmergencyAccess.objects.bulk_create(grants)
    audit_record_many(
        actor=actor,
        action=AuditAction.CREATE,
        items=[
            AuditItem(obj=grant, person_id=member.person.public_id)
            for grant, household in zip(grants, households, strict=True)
            for member in household.members.all()
            if member.left_on is None
        ],
        reason=f"{BREAK_GLASS_PREFIX}: {reason.strip()}",
    )
    ids = [grant.pk for grant in grants]
    enqueue_on_commit(
        "kindveilig.households.tasks.send_emergency_access_alert", access_ids=ids
    )
    return grants
