"""Who may see a household, as query expressions: the one rule behind the list,
the detail page and the person pool for matching.

- regie: the regievoerder or an aandachtsfunctionaris of a case's responsible
  organisation; without any case, who registered the household (or the
  aandachtsfunctionaris of that organisation, or any lokaal team worker there
  when the creator is unknown);
- partner: a case worker of an active chain partner of the open case (the
  named contact, or anyone there when no contact is named, or the
  aandachtsfunctionaris);
- emergency: an unexpired break-the-glass grant of this user in this role's
  organisation.
"""

from datetime import datetime

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
)
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role

from .models import CasePartner, CaseStatus, EmergencyAccess, Household, SafetyCase

REGIE = "regie"
PARTNER = "partner"
EMERGENCY = "emergency"


def annotate_relations(
    queryset: QuerySet[Household], actor: Actor, now: datetime | None = None
) -> QuerySet[Household]:
    now = now or timezone.now()
    org = actor.organisation_id
    is_af = actor.role == Role.AANDACHTSFUNCTIONARIS
    if actor.role not in CASE_ROLES:
        return queryset.none()
    regie_cases = SafetyCase.objects.filter(
        household=OuterRef("pk"), responsible_organisation_id=org
    )
    if not is_af:
        regie_cases = regie_cases.filter(regievoerder_id=actor.user.pk)
    no_case_rule = Q(registered_by_id=org)
    if not is_af:
        creator = Q(created_by_id=actor.user.pk)
        if actor.role == Role.LOKAAL_TEAM_MEDEWERKER:
            creator |= Q(created_by__isnull=True)
        no_case_rule &= creator
    partners = CasePartner.objects.filter(
        case__household=OuterRef("pk"),
        case__status=CaseStatus.OPEN,
        organisation_id=org,
        ended_at__isnull=True,
    )
    if not is_af:
        partners = partners.filter(
            Q(contact_user__isnull=True) | Q(contact_user_id=actor.user.pk)
        )
    grants = EmergencyAccess.objects.filter(
        household=OuterRef("pk"),
        user_id=actor.user.pk,
        organisation_id=org,
        expires_at__gt=now,
    )
    return queryset.annotate(
        rel_regie=ExpressionWrapper(
            Q(Exists(regie_cases))
            | (
                ~Q(Exists(SafetyCase.objects.filter(household=OuterRef("pk"))))
                & no_case_rule
            ),
            output_field=BooleanField(),
        ),
        rel_partner=Exists(partners),
        rel_emergency=Exists(grants),
    )


def visible_households(
    actor: Actor, now: datetime | None = None
) -> QuerySet[Household]:
    return annotate_relations(Household.objects.all(), actor, now).filter(
        Q(rel_regie=True) | Q(rel_partner=True) | Q(rel_emergency=True)
    )


def directed_households(actor: Actor) -> QuerySet[Household]:
    return annotate_relations(Household.objects.all(), actor).filter(Q(rel_regie=True))


def level_of(household: Household) -> str | None:
    """The strongest relation on a household from ``annotate_relations``."""
    if getattr(household, "rel_regie", False):
        return REGIE
    if getattr(household, "rel_emergency", False):
        return EMERGENCY
    if getattr(household, "rel_partner", False):
        return PARTNER
    return None
