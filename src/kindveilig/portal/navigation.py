from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.kansrijkestart.services import SIGNALLING_TYPES
from kindveilig.meldcode.models.meldplicht import MELDPLICHT_SECTORS
from kindveilig.notifications.selectors import unread_count_for
from kindveilig.organisations.models import (
    ADULT_SERVICE_TYPES,
    JGZ_TYPES,
    OrganisationType,
)
from kindveilig.regionadmin.selectors import can_manage_organisations

# Items whose URL is a prefix of another item's: active on their own page only.
EXACT = frozenset({"portal:home", "organisations:organisation-list"})
KINDCHECK_ROLES = frozenset({Role.PROFESSIONAL, Role.AANDACHTSFUNCTIONARIS})


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str
    active: bool
    # Shown beside the label when above zero (unread notifications).
    count: int = 0


def navigation(request: HttpRequest) -> dict[str, object]:
    actor = getattr(request, "actor", None)
    if actor is None:
        return {"nav_items": []}
    entries: list[tuple[str | Promise, str]] = [(_("Start"), "portal:home")]
    if actor.role in CASE_ROLES:
        entries.append((_("Meldcode"), "meldcode:trajectory-list"))
        if (
            actor.role in KINDCHECK_ROLES
            and actor.organisation.type in ADULT_SERVICE_TYPES
        ):
            # Services for adults: the kindcheck is their daily entry to the meldcode.
            entries.append((_("Kindcheck"), "meldcode:kindcheck-list"))
        entries.append((_("Households"), "households:household-list"))
        entries.append((_("Chain"), "verwijsindex:share-list"))
        # Kansrijke Start: the JGZ follows signals up; the geboortezorg, the
        # huisarts and the lokaal team signal (docs/kansrijke-start.md).
        if actor.organisation.type in JGZ_TYPES:
            entries.append((_("Kansrijke Start"), "kansrijkestart:follow-up-list"))
        elif actor.organisation.type in SIGNALLING_TYPES:
            entries.append((_("Kansrijke Start"), "kansrijkestart:signal-list"))
    # The meldplicht route: the houder or bevoegd gezag, and the case roles of the
    # sectors where it applies (onderwijs, kinderopvang).
    if actor.role == Role.BEVOEGD_GEZAG or (
        actor.role in CASE_ROLES and actor.organisation.sector in MELDPLICHT_SECTORS
    ):
        entries.append((_("Meldplicht"), "meldcode:meldplicht-list"))
    if actor.role in CASE_ROLES or actor.role == Role.FUNCTIONEEL_BEHEERDER:
        entries.append((_("Persons"), "persons:person-list"))
    if actor.role in {
        Role.FUNCTIONEEL_BEHEERDER,
        Role.GEMEENTE_ANALIST,
        Role.AANDACHTSFUNCTIONARIS,
    }:
        entries.append((_("Organisations"), "organisations:organisation-list"))
    if actor.role == Role.AANDACHTSFUNCTIONARIS:
        entries.append((_("Messages from children"), "youthstaff:inbox"))
    if actor.role in {Role.AANDACHTSFUNCTIONARIS, Role.FUNCTIONEEL_BEHEERDER}:
        entries.append((_("Meldcode readiness"), "readiness:readiness"))
    if actor.role == Role.GEMEENTE_ANALIST or (
        actor.role == Role.FUNCTIONEEL_BEHEERDER
        and actor.organisation.type == OrganisationType.GEMEENTE
    ):
        entries.append((_("Meldcode coverage"), "monitor:coverage"))
        entries.append((_("Regional monitor"), "monitor:dashboard"))
    if can_manage_organisations(actor):
        entries.append((_("Manage organisations"), "regionadmin:organisation-list"))
    if actor.role in {Role.AANDACHTSFUNCTIONARIS, Role.GEMEENTE_ANALIST}:
        entries.append((_("Learning"), "learning:themes"))
    if actor.role == Role.FUNCTIONEEL_BEHEERDER:
        entries.append((_("Staff"), "accounts:member-list"))
        entries.append((_("Helplines"), "youthstaff:service-list"))
        entries.append((_("Danger words"), "youthstaff:danger-patterns"))
    items = []
    for label, name in entries:
        url = reverse(name)
        active = request.path == url if name in EXACT else request.path.startswith(url)
        items.append(NavItem(label=label, url=url, active=active))
    items.append(_notifications_item(request, actor.user.pk))
    return {"nav_items": items}


def _notifications_item(request: HttpRequest, user_id: int) -> NavItem:
    """Every logged-in role has notifications; the unread count is one query."""
    url = reverse("notifications:list")
    return NavItem(
        label=_("Notifications"),
        url=url,
        active=request.path.startswith(url),
        count=unread_count_for(user_id=user_id),
    )
