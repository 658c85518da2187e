from collections.abc import Collection
from datetime import datetime
from importlib import import_module

from django.conf import settings
from django.db.models import QuerySet

from kindveilig.access.roles import Role

from .models import Membership, User, UserSession

__all__ = [
    "aandachtsfunctionarissen_of",
    "aandachtsfunctionarissen_of_organisations",
    "active_membership_for",
    "bevoegd_gezag_of",
    "memberships_for",
    "memberships_of_organisation",
    "user_open_sessions",
]


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


def aandachtsfunctionarissen_of_organisations(
    *, organisation_ids: Collection[int]
) -> QuerySet[Membership]:
    """The aandachtsfunctionarissen of these organisations today: the one place
    that says who they are, for every alert, reminder and default choice.

    An aandachtsfunctionaris counts while the user, the membership and the
    organisation are all active: a deactivated user, an ended membership or a
    closed organisation receives no alerts and is never picked. In order of
    membership, so "the first" is the same for every caller.
    """
    return (
        Membership.objects.select_related("user")
        .filter(
            organisation_id__in=organisation_ids,
            role=Role.AANDACHTSFUNCTIONARIS,
            is_active=True,
            user__is_active=True,
            organisation__is_active=True,
        )
        # Deputies after the organisation's own aandachtsfunctionarissen.
        .order_by("is_deputy", "pk")
    )


def aandachtsfunctionarissen_of(*, organisation_id: int) -> QuerySet[Membership]:
    """The aandachtsfunctionarissen of one organisation today (see above)."""
    return aandachtsfunctionarissen_of_organisations(organisation_ids=[organisation_id])


def bevoegd_gezag_of(*, organisation_id: int) -> QuerySet[Membership]:
    """The houder or bevoegd gezag users of one organisation today (active user,
    membership and organisation, as for the aandachtsfunctionarissen), for the
    meldplicht alerts and reminders."""
    return (
        Membership.objects.select_related("user")
        .filter(
            organisation_id=organisation_id,
            role=Role.BEVOEGD_GEZAG,
            is_active=True,
            user__is_active=True,
            organisation__is_active=True,
        )
        .order_by("pk")
    )


def user_open_sessions(*, user: User) -> list[datetime]:
    """When each of the user's open sessions began (both factors done), oldest
    first. A session counts while the session store still has it: logged out,
    idle past the limit or ended by a beheerder, it is gone."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    started = []
    for link in UserSession.objects.filter(user=user).order_by("created_at"):
        session = store(session_key=link.session_key)
        session.load()
        if session.session_key is not None:
            started.append(link.created_at)
    return started
