"""The default permission class of the API: the actor's role against the view's rule.

Kept free of ``rest_framework.views`` imports: DRF imports this module while it
loads its own views (``DEFAULT_PERMISSION_CLASSES``).
"""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from kindveilig.access.actor import Actor
from kindveilig.access.decorators import AccessRule

if TYPE_CHECKING:
    from rest_framework.views import APIView

__all__ = ["ActorHasRole"]


class ActorHasRole(BasePermission):
    """Default deny: the view must declare a role rule (see ``rules.api_endpoint``)
    and the actor hold one of its roles. Without an actor DRF answers 401."""

    message = _("Your role may not use this part of the API.")

    def has_permission(self, request: Request, view: "APIView") -> bool:
        rule = getattr(view, "access_rule", None)
        if not isinstance(rule, AccessRule) or rule.kind != "role":
            return False
        actor = request.auth
        return isinstance(actor, Actor) and actor.role in rule.roles
