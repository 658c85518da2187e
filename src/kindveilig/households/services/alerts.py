"""In-app notifications of the households app (``kindveilig.notifications``):
who is told that something waits, with a link built from public ids. One line
at each caller.

- a handover offered: the named receiver, or (none named) every case worker of
  the receiving organisation, as everyone who may accept it (``may_decide``);
- a handover accepted or rejected: the worker who offered it;
- a partner added: the named contact, or (none named) every case worker of the
  partner organisation, as everyone who sees the household as a partner.
"""

from django.urls import reverse

from kindveilig.access.roles import CASE_ROLES
from kindveilig.accounts.models import Membership
from kindveilig.households.models import CasePartner, Handover, HandoverStatus
from kindveilig.notifications.models import NotificationKind
from kindveilig.notifications.services import notify

__all__ = ["handover_decided", "handover_offered", "partner_added"]


def _case_workers_of(organisation_id: int) -> list[int]:
    return list(
        Membership.objects.filter(
            organisation_id=organisation_id,
            role__in=[str(role) for role in CASE_ROLES],
            is_active=True,
            user__is_active=True,
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )


def handover_offered(handover: Handover) -> None:
    receivers = (
        [handover.to_user_id]
        if handover.to_user_id is not None
        else _case_workers_of(handover.to_organisation_id)
    )
    notify(
        receivers,
        NotificationKind.HANDOVER_OFFERED,
        reverse("households:handover-detail", args=[handover.public_id]),
    )


def handover_decided(handover: Handover) -> None:
    kind = (
        NotificationKind.HANDOVER_ACCEPTED
        if handover.status == HandoverStatus.ACCEPTED
        else NotificationKind.HANDOVER_REJECTED
    )
    notify([handover.from_user_id], kind, reverse("households:handover-list"))


def partner_added(partner: CasePartner) -> None:
    if partner.organisation_id is None:  # not in Kindveilig: no one to tell
        return
    receivers = (
        [partner.contact_user_id]
        if partner.contact_user_id is not None
        else _case_workers_of(partner.organisation_id)
    )
    notify(
        receivers,
        NotificationKind.PARTNER_ADDED,
        reverse("households:household-detail", args=[partner.case.household.public_id]),
    )
