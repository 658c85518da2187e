from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kindveilig.access.roles import CASE_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str
    active: bool


def navigation(request: HttpRequest) -> dict[str, object]:
    actor = getattr(request, "actor", None)
    if actor is None:
        return {"nav_items": []}
    entries: list[tuple[str | Promise, str]] = [(_("Start"), "core:home")]
    if actor.role in CASE_ROLES:
        entries.append((_("Meldcode"), "meldcode:trajectory-list"))
    if actor.role in CASE_ROLES or actor.role == Role.FUNCTIONEEL_BEHEERDER:
        entries.append((_("Persons"), "persons:person-list"))
    if actor.role in {
        Role.FUNCTIONEEL_BEHEERDER,
        Role.GEMEENTE_ANALIST,
        Role.AANDACHTSFUNCTIONARIS,
    }:
        entries.append((_("Organisations"), "organisations:organisation-list"))
    if actor.role == Role.FUNCTIONEEL_BEHEERDER:
        entries.append((_("Staff"), "organisations:member-list"))
    items = []
    for label, name in entries:
        url = reverse(name)
        active = (
            request.path == url if name == "core:home" else request.path.startswith(url)
        )
        items.append(NavItem(label=label, url=url, active=active))
    return {"nav_items": items}
