"""``{% meldplicht_links trajectory %}``: on a trajectory's page, only that it is
linked to a meldplicht case, with a link for those who may see the case. The
case itself never shows on the trajectory: the two are kept apart."""

from typing import Any

from django import template

from kindveilig.meldcode.meldplicht_selectors import meldplicht_links_for
from kindveilig.meldcode.models import Trajectory

register = template.Library()


@register.inclusion_tag("meldcode/_meldplicht_links.html", takes_context=True)
def meldplicht_links(context: dict[str, Any], trajectory: Trajectory) -> dict[str, Any]:
    actor = getattr(context["request"], "actor", None)
    if actor is None:
        return {"links": []}
    return {"links": meldplicht_links_for(actor=actor, trajectory=trajectory)}
