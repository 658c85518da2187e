from django.db.models import QuerySet

from .models import Membership, User


def active_membership_for(*, user: User, membership_id: int) -> Membership | None:
    return (
        Membership.objects.select_related(
            "organisation", "organisation__municipality", "user"
        )
        .filter(
            pk=membership_id, user=user, is_active=True, organisation__is_active=True
        )
        .first()
    )


def memberships_for(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.select_related("organisation").filter(
        user=user, is_active=True, organisation__is_active=True
    )


def memberships_of_organisation(*, organisation_id: int) -> QuerySet[Membership]:
    return (
        Membership.objects.select_related("user")
        .filter(organisation_id=organisation_id)
        .order_by("user__full_name", "role")
    )
