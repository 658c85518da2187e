"""Every API view declares who may use it, the same way the pages do.

``api_endpoint(methods, *roles, relation=...)`` turns a function into a DRF view
and attaches the project's :class:`~kindveilig.access.decorators.AccessRule`, so
``tests/test_url_rules.py`` and ``AccessRuleMiddleware`` see it like any page;
:class:`~kindveilig.api.permissions.ActorHasRole` enforces it against the actor.
Object-level relations are checked in the selectors (404).
"""

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from django.http.response import HttpResponseBase

from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from kindveilig.access.decorators import AccessRule
from kindveilig.access.roles import Role

__all__ = ["ApiView", "api_endpoint", "declare", "role_rule"]


class ApiView(Protocol):
    """What ``as_view()`` returns: a view function that knows its view class."""

    cls: type[APIView]

    def __call__(self, *args: Any, **kwargs: Any) -> HttpResponseBase: ...


def role_rule(*roles: Role, relation: str) -> AccessRule:
    if not roles:
        raise ValueError("An API rule needs at least one role.")
    if not relation:
        raise ValueError("An API rule must say which relation to the data it requires.")
    return AccessRule(kind="role", roles=frozenset(roles), relation=relation)


def declare(view: ApiView, rule: AccessRule) -> ApiView:
    """Attach the rule to the view function (for the URL check and the middleware)
    and to its own view class (for ActorHasRole)."""
    view.cls.access_rule = rule  # type: ignore[attr-defined]  # read by ActorHasRole
    view.access_rule = rule  # type: ignore[attr-defined]  # read by get_rule
    return view


def api_endpoint(
    methods: Sequence[str], *roles: Role, relation: str
) -> Callable[[Callable[..., Response]], ApiView]:
    rule = role_rule(*roles, relation=relation)

    def decorator(function: Callable[..., Response]) -> ApiView:
        view = api_view(list(methods))(function)
        return declare(view, rule)

    return decorator
